#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Linear in namespaces (issue 12), checked by counting, never by timing:
#   - the instructions a command costs do not grow with the number of
#     namespaces (valgrind's counts of a batch of commands at two sizes);
#   - one event socket serves every namespace the host has an nsid for
#     (NETLINK_LISTEN_ALL_NSID): sockets held = namespaces + 2, and what
#     happens inside those namespaces still reaches monitor and the world;
#   - the peers of 60 veth pairs, made in an order that announces ends
#     before their peers exist, are those ip reports.
. "${TOP_SRCDIR:-$(dirname "$0")/../..}/tests/lib/common.sh"
sandbox_reexec

# no IPv6 on the new devices: its autoconfiguration goes on for seconds
# after they are made and would add its own notifications to what is
# counted
sysctl -qw net.ipv6.conf.default.disable_ipv6=1 2>/dev/null

# build FROM TO: namespaces nsFROM..nsTO, each wired to the host (as
# bench/lib.sh does)
build() {
	: >"$TMPD/build"
	_i=$1
	while [ "$_i" -le "$2" ]; do
		cat >>"$TMPD/build" <<EOF
netns add ns$_i
-n ns$_i sysctl -w net.ipv6.conf.default.disable_ipv6=1
link add h$_i type veth peer name n$_i netns ns$_i
addr add 10.1.$_i.1/30 dev h$_i
link set h$_i up
-n ns$_i link set n$_i up
-n ns$_i addr add 10.1.$_i.2/30 dev n$_i
EOF
		_i=$((_i + 1))
	done
	"$NSVIZ" -b "$TMPD/build" >/dev/null 2>"$TMPD/build.err" || {
		echo "# build of ns$1..ns$2 failed:"
		sed 's/^/#   /' "$TMPD/build.err" | head -5
		return 1
	}
}

# cmds M: M addresses and M veth pairs made in ns1 (each command reads
# the world back); undo M takes them away again
cmds() {
	: >"$TMPD/cmds.$1"
	_i=1
	while [ "$_i" -le "$1" ]; do
		printf '%s\n' "-n ns1 addr add 10.200.$_i.1/32 dev lo" \
			"link add v$_i type veth peer name w$_i netns ns1" \
			>>"$TMPD/cmds.$1"
		_i=$((_i + 1))
	done
}
undo() {
	_i=1
	while [ "$_i" -le "$1" ]; do
		ip link del "v$_i"
		ip -n ns1 addr del "10.200.$_i.1/32" dev lo
		_i=$((_i + 1))
	done
}

# instr M: the instructions nsviz -b runs for cmds M (valgrind's count:
# the same for the same work, whatever the machine's load)
instr() {
	valgrind --tool=callgrind --callgrind-out-file=/dev/null \
		"$NSVIZ" -b "$TMPD/cmds.$1" >/dev/null 2>"$TMPD/vg" &&
		sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$TMPD/vg"
	undo "$1"
}

# per command: (instr(25) - instr(5)) / 40, at 8 and at 48 namespaces.
# Before issue 12 every command walked the world (peers, nsid maps, the
# event sockets): 3 times the instructions at 48 namespaces, 12 at 200;
# now the same.
if ! command -v valgrind >/dev/null; then
	skip "valgrind is needed to count a command's instructions"
	build 1 48 || exit 1
elif grep -q __asan_init "$NSVIZ" 2>/dev/null; then
	skip "a sanitizer build is not counted under valgrind"
	build 1 48 || exit 1
else
	cmds 5
	cmds 25
	build 1 8 || exit 1
	a5=$(instr 5) a25=$(instr 25)
	build 9 48 || exit 1
	b5=$(instr 5) b25=$(instr 25)
	if [ -n "$a5" ] && [ -n "$a25" ] && [ -n "$b5" ] && [ -n "$b25" ]; then
		small=$(( (a25 - a5) / 40 )) big=$(( (b25 - b5) / 40 ))
		echo "# instructions per command: $small at 8 namespaces, $big at 48"
		if [ "$small" -gt 0 ] && [ "$big" -le $((small + small / 3)) ]; then
			pass "a command's instructions do not grow with the namespaces ($small at 8, $big at 48)"
		else
			fail "a command's instructions do not grow with the namespaces" \
				"per command: $small at 8 namespaces, $big at 48"
		fi
		echo "# start-up: $(( (b5 - a5) / 40 )) instructions per namespace more"
	else
		fail "valgrind counted the instructions" "$(cat "$TMPD/vg")"
	fi
fi
# ---- one event socket for the namespaces the host has an nsid for ------
ip netns add lone       # no veth to the host: no nsid, a socket of its own
"$NSVIZ" monitor >"$TMPD/mon" 2>&1 &
MON=$!
nns=$(ip netns list | wc -l)
# Until monitor has read every namespace: it prints a change only once
# all of them are read (its observer is set after the first read), so its
# first line says it is ready.  It prints nothing on its own: make a
# change in the host, a new address each second (one made before the
# host's event socket existed is never heard), until one is printed; at
# most 60 s.  Counting its sockets earlier sees a half-read world.
i=0 probe=0
while ! grep -q '\[host\] 1: lo .*inet 10\.250\.1\.' "$TMPD/mon"; do
	if [ $i -ge 1200 ] || ! kill -0 "$MON" 2>/dev/null; then
		fail "monitor printed a change within 60 s (it is ready)" \
			"$(head -5 "$TMPD/mon")"
		break
	fi
	if [ $((i % 20)) -eq 0 ]; then
		probe=$((probe + 1))
		ip addr add "10.250.1.$probe/32" dev lo
	fi
	sleep 0.05
	i=$((i + 1))
done
socks=$(ls -l "/proc/$MON/fd" 2>/dev/null | grep -c 'socket:')
# host: a request and the shared event socket; every namespace a request
# socket; lone its own event socket too
if [ "$(id -u)" = 0 ] || grep -q '^CapEff:.*[2-9a-f]...$' /proc/self/status; then
	check_eq "sockets: one a namespace, plus the host's and lone's event sockets" \
		"$socks" "$((nns + 3))"
fi
ip -n ns5 addr add 10.250.0.5/32 dev lo
ip -n lone addr add 10.250.0.6/32 dev lo
ip -n ns48 link add d0 type veth peer name d1
ip addr add 10.250.0.7/32 dev lo
i=0
while [ $i -lt 100 ] && ! grep -q 'd0@d1' "$TMPD/mon"; do sleep 0.05; i=$((i + 1)); done
sleep 0.2
kill "$MON" 2>/dev/null
wait "$MON" 2>/dev/null
check_match "monitor: an address in a namespace the host's socket serves" \
	"$(cat "$TMPD/mon")" '\[ns5\] 1: lo +inet 10\.250\.0\.5/32'
check_match "monitor: an address in a namespace with its own socket" \
	"$(cat "$TMPD/mon")" '\[lone\] 1: lo +inet 10\.250\.0\.6/32'
check_match "monitor: a new veth pair in a served namespace" \
	"$(cat "$TMPD/mon")" '\[ns48\] [0-9]+: d0@d1:'
check_match "monitor: the host's own" \
	"$(cat "$TMPD/mon")" '\[host\] 1: lo +inet 10\.250\.0\.7/32'
n5=$(grep -c '10\.250\.0\.5' "$TMPD/mon")
check_eq "monitor: each change once (not from both sockets)" "$n5" 1

# ---- peers of many pairs, against ip -------------------------------------
# ip -o link: "IDX: NAME@ifPEERIDX: ... link-netns NSNAME" for every hK
want=$(ip -o link show type veth | sed -n 's/^[0-9]*: \(h[0-9]*\)@if\([0-9]*\):.* link-netns \([^ ]*\).*/\1 \3/p' | sort)
got=$("$NSVIZ" show --json | jq -r '.namespaces[] | select(.kind == "host") | .links[] | select(.ifname | test("^h[0-9]+$")) | "\(.ifname) \(.peer.namespace)"' | sort)
check_eq "every host veth's peer namespace is ip's link-netns" "$got" "$want"
check_eq "... for all 48" "$(printf '%s\n' "$got" | grep -c .)" 48

done_testing
