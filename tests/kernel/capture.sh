#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# nsviz capture: both ends of the tutorial's veth pair while ping runs,
# -w files tcpdump reads, -r output equal to tcpdump -n -r, a capture
# ended by a vanishing interface or namespace, and plain errors.
. "${TOP_SRCDIR:-$(dirname "$0")/../..}/tests/lib/common.sh"
sandbox_reexec

need tcpdump "it is the reference"
DATA=$TOP_SRCDIR/tests/data
TS='[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6}'

# bg NAME ARGS...: nsviz capture in the background, its pid in BGPID;
# returns once it listens
bg() {
	name=$1
	shift
	: >"$TMPD/$name.err"
	"$NSVIZ" capture "$@" >"$TMPD/$name.out" 2>"$TMPD/$name.err" &
	BGPID=$!
	wait_grep "$TMPD/$name.err" '^listening on'
}

# --- the tutorial's network ------------------------------------------------
ip link add veth0 type veth peer name veth1
ip addr add 10.0.1.0/24 dev veth0
ip link set veth0 up
ip netns add vnet
ip link set veth1 netns vnet
ip -n vnet addr add 10.0.2.0/24 dev veth1
ip -n vnet link set veth1 up
ip route add 10.0.2.0/24 dev veth0 scope link
ip -n vnet route add 10.0.1.0 dev veth1 scope link

# --- the tutorial's two terminals: tcpdump -i veth0 icmp, and in vnet ------
bg host -i veth0 -w "$TMPD/host.pcap" icmp
HOSTPID=$BGPID
bg vnet -n vnet -i veth1 icmp
VNETPID=$BGPID
check_match "capture in vnet says where it listens" "$(cat "$TMPD/vnet.err")" \
	'^listening on veth1 in namespace vnet, link-type EN10MB \(Ethernet\), snapshot length 262144 bytes$'
ping -c 3 -i 0.2 10.0.2.0 >/dev/null
sleep 0.3
kill -INT "$HOSTPID" "$VNETPID"
finish "$HOSTPID"
check_eq "SIGINT ends the host capture cleanly (exit 0)" "$RC" 0
finish "$VNETPID"
check_eq "SIGINT ends the vnet capture cleanly (exit 0)" "$RC" 0

for end in host vnet; do
	OUT=$(cat "$TMPD/$end.out")
	check_eq "$end: 6 lines (3 requests, 3 replies)" "$(printf '%s\n' "$OUT" | wc -l)" 6
	check_match "$end: the tutorial's request line" "$OUT" \
		"^$TS IP 10\.0\.1\.0 > 10\.0\.2\.0: ICMP echo request, id [0-9]+, seq 1, length 64\$"
	check_match "$end: the tutorial's reply line" "$OUT" \
		"^$TS IP 10\.0\.2\.0 > 10\.0\.1\.0: ICMP echo reply, id [0-9]+, seq 3, length 64\$"
	check_nomatch "$end: the filter kept ARP out" "$OUT" 'ARP'
	ERR=$(cat "$TMPD/$end.err")
	check_match "$end: tcpdump's counters on stderr" "$ERR" '^6 packets captured$'
	check_match "$end: received by filter" "$ERR" '^[0-9]+ packets received by filter$'
	check_match "$end: no kernel drops" "$ERR" '^0 packets dropped by kernel$'
done
check_eq "both ends saw the same packets" \
	"$(cut -d' ' -f2- "$TMPD/host.out")" "$(cut -d' ' -f2- "$TMPD/vnet.out")"

# --- -w: a file tcpdump reads, the same lines ------------------------------
run tcpdump -n -r "$TMPD/host.pcap"
check_eq "tcpdump reads nsviz's -w file" "$RC" 0
check_eq "tcpdump -n -r of the -w file == what nsviz printed" "$OUT" "$(cat "$TMPD/host.out")"
check_eq "-w left no temporary file" "$(ls "$TMPD" | grep -c 'host.pcap.tmp')" 0

# --- -r == tcpdump -n -r on the test captures --------------------------------
for f in verbose tutorial-ping tcp-echo udp unreachable ipv6 vlan truncated \
	 truncated64 crafted; do
	want=$(TZ=UTC tcpdump -n -r "$DATA/$f.pcap" 2>/dev/null)
	run env TZ=UTC "$NSVIZ" capture -r "$DATA/$f.pcap"
	check_eq "capture -r $f.pcap == tcpdump -n -r" "$OUT" "$want"
done
check_match "-r says what it reads, as tcpdump" "$ERR" \
	'^reading from file .*crafted\.pcap, link-type EN10MB \(Ethernet\), snapshot length 262144$'
run env TZ=UTC "$NSVIZ" capture -r "$DATA/tcp-echo.pcap" -c 3 'tcp[tcpflags] & tcp-syn != 0 or tcp[tcpflags] & tcp-fin != 0'
check_eq "-r with a filter and -c" "$OUT" \
	"$(TZ=UTC tcpdump -n -r "$DATA/tcp-echo.pcap" -c 3 'tcp[tcpflags] & tcp-syn != 0 or tcp[tcpflags] & tcp-fin != 0' 2>/dev/null)"
# a link type nsviz does not decode (802.11): one packet of 4 bytes
printf '\324\303\262\241\002\000\004\000\000\000\000\000\000\000\000\000\000\000\004\000\151\000\000\000\000\000\000\000\000\000\000\000\004\000\000\000\004\000\000\000abcd' \
	>"$TMPD/wifi.pcap"
run "$NSVIZ" capture -r "$TMPD/wifi.pcap"
check_eq "unsupported link type: exit 1" "$RC" 1
check_match "unsupported link type said plainly" "$ERR" \
	'wifi\.pcap: link type IEEE802_11 \(802\.11\) is not supported'
# names others made are printed escaped, never raw to the terminal
ESCB=$(printf '\033')
run "$NSVIZ" capture -i "a${ESCB}[2Jb" -c 1
check_eq "an interface name with ESC: exit 1" "$RC" 1
check_eq "an interface name with ESC is printed escaped" "$ERR" \
	'nsviz: capture: a\x1b[2Jb: no such device'
run "$NSVIZ" capture -n "x${ESCB}y" -i lo -c 1
check_eq "a namespace name with ESC is printed escaped" "$ERR" \
	'nsviz: capture: x\x1by: no such network namespace'
run "$NSVIZ" capture -r "$TMPD/nonexistent.pcap"
check_eq "missing file: exit 1" "$RC" 1

# --- -c ends a live capture by itself ---------------------------------------
bg count -i veth0 -c 2 icmp
ping -c 3 -i 0.2 10.0.2.0 >/dev/null
finish "$BGPID"
check_eq "-c 2: exit 0 on its own" "$RC" 0
check_eq "-c 2: two lines" "$(wc -l <"$TMPD/count.out")" 2

# --- -w on every catchable ending: the file is written and named ----------
# pings until the capture PID has ended (at most 100)
ping_until_end() {
	i=0
	while kill -0 "$1" 2>/dev/null && [ $i -lt 100 ]; do
		ping -c 1 -W 1 "$2" 10.0.2.0 >/dev/null 2>&1; i=$((i + 1))
	done
}
for sig in TERM HUP QUIT; do
	bg "sig$sig" -i veth0 -w "$TMPD/sig$sig.pcap" icmp
	ping -c 2 -i 0.2 10.0.2.0 >/dev/null
	# the lines printed are the packets in the file
	i=0
	while [ "$(wc -l <"$TMPD/sig$sig.out")" -lt 4 ] && [ $i -lt 50 ]; do
		sleep 0.1; i=$((i + 1))
	done
	kill -"$sig" "$BGPID"
	finish "$BGPID"
	check_eq "SIG$sig ends a -w capture cleanly (exit 0)" "$RC" 0
	run tcpdump -n -r "$TMPD/sig$sig.pcap"
	check_eq "SIG$sig: the -w file was written, and tcpdump reads it" \
		"$(printf '%s\n' "$OUT" | grep -c 'ICMP echo')" 4
	check_eq "SIG$sig: no temporary file left" \
		"$(ls "$TMPD" | grep -c "sig$sig.pcap.tmp")" 0
done

# stdout's reader goes away (SIGPIPE): the file is still written
: >"$TMPD/pipe.err"
( "$NSVIZ" capture -i veth0 -w "$TMPD/pipe.pcap" icmp 2>"$TMPD/pipe.err"
  echo $? >"$TMPD/pipe.rc" ) | head -n 1 >/dev/null &
i=0
while ! grep -q '^listening on' "$TMPD/pipe.err" && [ $i -lt 50 ]; do
	sleep 0.1; i=$((i + 1))
done
PIPEPID=$(pgrep -f "capture -i veth0 -w $TMPD/pipe.pcap")
ping_until_end "$PIPEPID" -s56
kill -0 "$PIPEPID" 2>/dev/null && kill -KILL "$PIPEPID"
wait
check_eq "reader of stdout gone: the capture ends (exit 0)" "$(cat "$TMPD/pipe.rc")" 0
run tcpdump -n -r "$TMPD/pipe.pcap"
check_eq "reader of stdout gone: tcpdump reads the -w file" "$RC" 0
check_match "reader of stdout gone: the file has the packets" "$OUT" 'ICMP echo request'
check_eq "reader of stdout gone: no temporary file left" \
	"$(ls "$TMPD" | grep -c 'pipe.pcap.tmp')" 0

# -c ends it: the file has the packets
bg wcount -i veth0 -c 2 -w "$TMPD/count.pcap" icmp
ping -c 2 -i 0.2 10.0.2.0 >/dev/null
finish "$BGPID"
check_eq "-c 2 -w: tcpdump reads two packets from the file" \
	"$(tcpdump -n -r "$TMPD/count.pcap" 2>/dev/null | wc -l)" 2

# a pipe (or a device: /dev/null) is written to, never replaced
mkfifo "$TMPD/fifo"
cat "$TMPD/fifo" >"$TMPD/fifo.pcap" &
CATPID=$!
bg fifo -i veth0 -c 1 -w "$TMPD/fifo" icmp
ping -c 1 10.0.2.0 >/dev/null
finish "$BGPID"
check_eq "-w FIFO: exit 0" "$RC" 0
finish "$CATPID"     # the reader ends at the writer's close
check_eq "-w FIFO: still a FIFO" "$(stat -c %F "$TMPD/fifo")" "fifo"
check_eq "-w FIFO: what came through is a pcap tcpdump reads" \
	"$(tcpdump -n -r "$TMPD/fifo.pcap" 2>/dev/null | wc -l)" 1

# SIGKILL cannot be caught: the file had no name yet, nothing is left
bg killed -i veth0 -w "$TMPD/killed.pcap" icmp
ping -c 1 10.0.2.0 >/dev/null
kill -KILL "$BGPID"
finish "$BGPID"
check_eq "SIGKILL: no file and no temporary file left" \
	"$(ls "$TMPD" | grep -c 'killed.pcap')" 0

# a full disk: the packets written whole are kept, and said
mkdir "$TMPD/full"
mount -t tmpfs -o size=64k tmpfs "$TMPD/full"
bg full -i veth0 -w "$TMPD/full/f.pcap" icmp
ping_until_end "$BGPID" -s1400
finish "$BGPID"
check_eq "full disk: the capture ends (exit 1)" "$RC" 1
check_match "full disk: says so, and how much was kept" "$(cat "$TMPD/full.err")" \
	"^nsviz: capture: $TMPD/full/f\.pcap: No space left on device \(kept the [1-9][0-9]* packets written before it\)\$"
run tcpdump -n -r "$TMPD/full/f.pcap"
check_eq "full disk: tcpdump reads the kept file to its end" "$RC" 0
check_match "full disk: the file has the packets" "$OUT" 'ICMP echo request'
check_eq "full disk: no temporary file left" "$(ls "$TMPD/full" | grep -vc '^f\.pcap$')" 0
umount "$TMPD/full"

# --- --immediate-mode: the same lines, packet by packet ------------------------
bg imm -i veth0 -c 2 --immediate-mode icmp
ping -c 3 -i 0.2 10.0.2.0 >/dev/null
finish "$BGPID"
check_eq "--immediate-mode -c 2: exit 0 on its own" "$RC" 0
check_match "--immediate-mode: the echo request, as tcpdump prints it" \
	"$(head -n1 "$TMPD/imm.out")" \
	"^$TS IP 10\.0\.1\.0 > 10\.0\.2\.0: ICMP echo request, id [0-9]+, seq 1, length 64\$"

# --- the interface goes away during a capture ------------------------------
bg gone -n vnet -i veth1 -w "$TMPD/gone.pcap"
ip link del veth0
finish "$BGPID"
check_eq "deleted interface: the capture ends (exit 1)" "$RC" 1
check_match "deleted interface: a clear message" "$(cat "$TMPD/gone.err")" \
	'^nsviz: capture: veth1: the interface was deleted in namespace vnet.*; capture ended$'
check_match "deleted interface: counters still printed" "$(cat "$TMPD/gone.err")" \
	'^0 packets dropped by kernel$'
check_eq "deleted interface: the -w file is written" \
	"$(tcpdump -n -r "$TMPD/gone.pcap" >/dev/null 2>&1; echo $?)" 0

# --- the namespace goes away: the capture must not keep it alive -----------
ip netns add tmpns
ip -n tmpns link add a0 type veth peer name a1
ip -n tmpns link set a0 up
bg nsgone -n tmpns -i a0 -w "$TMPD/nsgone.pcap"
ip netns del tmpns
finish "$BGPID"
check_eq "deleted namespace: the capture ends (exit 1)" "$RC" 1
check_match "deleted namespace: a clear message" "$(cat "$TMPD/nsgone.err")" \
	'^nsviz: capture: a0: namespace tmpns was deleted; capture ended$'
check_eq "deleted namespace: the -w file is written, no temporary left" \
	"$(ls "$TMPD" | grep '^nsgone.pcap')" nsgone.pcap

# --- plain errors --------------------------------------------------------------
ip link add veth0 type veth peer name veth9
ip link set veth0 up
run "$NSVIZ" capture -i veth0 tcp prt 80
check_eq "bad filter: exit 1" "$RC" 1
check_match "bad filter: named, with pcap's reason" "$ERR" \
	"^nsviz: capture: bad filter \`tcp prt 80': .+"
check_eq "bad filter: one line" "$(printf '%s\n' "$ERR" | wc -l)" 1
run "$NSVIZ" capture -r "$DATA/udp.pcap" 'udp and ('
check_eq "bad filter on a file: exit 1" "$RC" 1
check_match "bad filter on a file: plain" "$ERR" "^nsviz: capture: bad filter \`udp and \(': "
run "$NSVIZ" capture -i nosuch0
check_eq "no such interface: exit 1" "$RC" 1
check_eq "no such interface: message" "$ERR" "nsviz: capture: nosuch0: no such device"
run "$NSVIZ" capture -n vnet -i veth0
check_eq "interface in another namespace: message" "$ERR" \
	"nsviz: capture: veth0: no such device in namespace vnet"
run "$NSVIZ" capture -n nosuch -i veth1
check_eq "no such namespace: message" "$ERR" "nsviz: capture: nosuch: no such network namespace"
run "$NSVIZ" capture
check_eq "no interface: usage error (exit 2)" "$RC" 2
run "$NSVIZ" capture -i veth0 -c zero
check_eq "bad -c: usage error (exit 2)" "$RC" 2

# --- --ring-only: counts, prints no packets ---------------------------------
bg ring -i veth0 --ring-only --ring 4
ping -c 3 -i 0.2 -I veth0 10.0.9.9 >/dev/null 2>&1
kill -INT "$BGPID"
finish "$BGPID"
check_eq "--ring-only: exit 0" "$RC" 0
check_eq "--ring-only: no packet lines" "$(cat "$TMPD/ring.out")" ""
check_match "--ring-only: overwritten count" "$(cat "$TMPD/ring.err")" \
	'^[0-9]+ packets overwritten in ring$'

# --- the ring is bounded in bytes, not only in packets -----------------------
# A veth hands a packet socket a TCP stream in segments of up to 64 KiB:
# --ring N keeps N x 1600 bytes of packets at most, the oldest going
# first.  40 frames of 60000 bytes, --ring 100: two fit in its 160000.
mkpcap() {   # FILE COUNT: Ethernet frames of 60000 zero bytes
	{
		printf '\324\303\262\241\002\000\004\000\000\000\000\000\000\000\000\000'
		printf '\000\000\004\000\001\000\000\000'
		_i=0
		while [ $_i -lt "$2" ]; do
			printf '\001\000\000\000\000\000\000\000\140\352\000\000\140\352\000\000'
			head -c 60000 /dev/zero
			_i=$((_i + 1))
		done
	} >"$1"
}
mkpcap "$TMPD/big.pcap" 40
run "$NSVIZ" capture -r "$TMPD/big.pcap" --ring 100 --ring-only
check_eq "--ring 100 of 60000-byte frames: exit 0" "$RC" 0
check_match "--ring 100 of 60000-byte frames: 38 of 40 overwritten" "$ERR" \
	'^38 packets overwritten in ring$'
# ... and a reader that keeps up still gets every one of them
run "$NSVIZ" capture -r "$TMPD/big.pcap" --ring 100
check_eq "--ring 100 of 60000-byte frames: all 40 printed" \
	"$(printf '%s\n' "$OUT" | grep -c '^[0-9][0-9]:[0-9][0-9]:[0-9][0-9]\.')" 40

done_testing
