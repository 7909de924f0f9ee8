#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# ip-output.sh - link, addr, route and neigh show with iproute2's output
# options (-br, -o, -s, -s -s, -j, -j -p, -4, -6, -0 and their mixes):
# nsviz prints the bytes the real ip prints, in the same namespace, for
# a topology ip made and for one nsviz made (and ip sees what nsviz made).
#
# Counters and neighbour ages move on their own (IPv6 sends a few
# packets after a link comes up; ages count seconds), so each comparison
# reads ip, then nsviz, then ip again, and counts only when ip's two reads
# are equal: the counters only grow, so nothing moved while nsviz read
# either, and the comparison is exact.  A round where ip's reads differ
# is read again (at most 30 rounds; no clock is involved).
. "${TOP_SRCDIR:-$(dirname "$0")/../..}/tests/lib/common.sh"
sandbox_reexec

nsv() { "$NSVIZ" "$@"; }

# quiet IPv6: no duplicate address detection, no router solicitations,
# in every namespace made from here on
quiet6() {
	for k in accept_dad dad_transmits router_solicitations; do
		for i in all default; do
			ip netns exec "$1" sysctl -qw "net.ipv6.conf.$i.$k=0" 2>/dev/null
		done
	done
}

# same_cmd DESC NS "OPTS" WORDS...: ip -n NS OPTS WORDS and nsviz's
# same command print the same bytes
same_cmd() {
	_d=$1 _ns=$2 _o=$3
	shift 3
	_r=0
	while [ $_r -lt 30 ]; do
		# shellcheck disable=SC2086
		ip -n "$_ns" $_o "$@" >"$TMPD/ip1" 2>&1
		nsv -c "ip -n $_ns $_o $*" >"$TMPD/nv" 2>&1
		# shellcheck disable=SC2086
		ip -n "$_ns" $_o "$@" >"$TMPD/ip2" 2>&1
		if cmp -s "$TMPD/ip1" "$TMPD/ip2"; then
			if cmp -s "$TMPD/ip1" "$TMPD/nv"; then
				pass "$_d: ip $_o $*"
			else
				fail "$_d: ip $_o $*" \
					"$(diff "$TMPD/ip1" "$TMPD/nv" | head -20)"
			fi
			return
		fi
		_r=$((_r + 1))
	done
	fail "$_d: ip $_o $*" "ip's output never held still for two reads"
}

# same DESC NS "OPTS" OBJ [ARGS...]: the same for OBJ show ARGS
same() {
	_sd=$1 _sn=$2 _so=$3 _sobj=$4
	shift 4
	same_cmd "$_sd" "$_sn" "$_so" "$_sobj" show "$@"
}

OPTS='
-br
-o
-s
-s -s
-j
-j -p
-4
-6
-0
-br -4
-br -6
-br -0
-o -4
-o -6
-o -0
-s -j
-o -s
-br -s
-j -s -s -p
-j -br
-j -p -br
-j -o
-j -4
-j -6
-j -p -0
-4 -s
-s -s -o
-d
-d -o
-d -s
-d -4
-d -6
-d -0
-d -br
-d -j
-d -j -p
-d -j -s
-d -j -6'

# all_same DESC NS: the cross product of OPTS (and none) x the 4 objects
# (a for loop over lines, not a pipe: pass/fail count in this shell)
all_same() {
	for obj in link addr route neigh; do
		same "$1" "$2" "" $obj
		_old=$IFS
		IFS='
'
		for o in $OPTS; do
			IFS=$_old
			[ -n "$o" ] && same "$1" "$2" "$o" $obj
			IFS='
'
		done
		IFS=$_old
	done
}

# ---- ip makes: veth to another namespace, a bridge with a port, an alias,
# addresses v4 (secondary, point-to-point) and v6 (with lifetimes), routes
# (metric, mtu, blackhole, IPv6), neighbours, traffic ---------------------
ip netns add ipa && ip netns add ipb
quiet6 ipa
quiet6 ipb
ip -n ipa link set lo up
ip -n ipa link add veth0 type veth peer name veth1 netns ipb
ip -n ipa link add br0 type bridge
ip -n ipa link add vx0 type veth peer name vx1
ip -n ipa link set vx1 master br0
ip -n ipa link set vx0 alias "an alias"
ip -n ipa link set vx0 up
ip -n ipa addr add 10.0.1.1/24 dev veth0
ip -n ipa addr add 10.0.1.5/24 dev veth0
ip -n ipa addr add fd00::1/64 dev veth0
ip -n ipa addr add fd00::99/64 dev veth0 valid_lft forever preferred_lft 0
ip -n ipa addr add 10.0.7.1 peer 10.0.7.2/32 dev vx0
ip -n ipb addr add 10.0.1.2/24 dev veth1
ip -n ipb addr add fd00::2/64 dev veth1
ip -n ipa link set veth0 up
ip -n ipb link set veth1 up
wait_carrier -n ipa veth0
ip -n ipa route add 10.9.0.0/16 via 10.0.1.2
ip -n ipa route add 10.5.0.0/16 dev veth0 metric 7 mtu 1400
ip -n ipa route add blackhole 10.6.0.0/16
ip -n ipa -6 route add fd09::/64 via fd00::2
ip -n ipa neigh add 10.0.1.77 lladdr 02:00:00:00:00:77 dev veth0
ip netns exec ipa ping -c 2 -i 0.2 -W 5 10.0.1.2 >/dev/null ||
	echo "# ping 10.0.1.2 failed"
ip netns exec ipa ping -c 2 -i 0.2 -W 5 fd00::2 >/dev/null ||
	echo "# ping fd00::2 failed"

all_same "ip made" ipa
for o in "" -s "-s -s" -j -4 -6 "-6 -s" "-j -s -p"; do
	same "ip made, one device" ipa "$o" addr dev veth0
done
for o in "" -s -br -j; do
	same "ip made, one device" ipa "$o" link dev vx0
	same "ip made, one device" ipa "$o" neigh dev veth0
done
# -d for routes (type, table, protocol, scope always) and neighbours;
# -d for links and addresses is the link kinds' (tests/kernel of theirs)
for o in -d "-d -j" "-d -o" "-d -6" "-j -p -d -6" "-d -4 -s"; do
	same "ip made, details" ipa "$o" route
	same "ip made, details" ipa "$o" neigh
done
# -6 -s addr: IPv6's own counters (the links dumped as AF_INET6)
for o in "-6 -s" "-6 -s -s" "-j -6 -s" "-j -p -6 -s -s" "-o -6 -s" "-br -6 -s"; do
	same "ip made, IPv6 counters" ipa "$o" addr
done
for o in "" -j "-j -p" -o -d "-j -d"; do
	same_cmd "ip made, route get" ipa "$o" route get 10.0.1.2
	same_cmd "ip made, route get" ipa "$o" route get 10.9.1.1
	same_cmd "ip made, route get" ipa "$o" route get fd00::2
done
same "ip made, the other side" ipb "-s -s" link
same "ip made, the other side" ipb "-j -p" addr

# ---- nsviz makes: the same shapes through nsviz's own verbs --------------
check_rc "nsviz makes its topology" 0 nsv -c '
	netns add nva; netns add nvb'
quiet6 nva
quiet6 nvb
check_rc "nsviz makes links, addresses and routes" 0 nsv -c '
	-n nva link set lo up
	-n nva link add n0 type veth peer name n1 netns nvb
	-n nva link add nbr type bridge
	-n nva link add p0 type veth peer name p1
	-n nva link set p1 master nbr
	-n nva link set p0 up
	-n nva addr add 10.0.2.1/24 dev n0
	-n nva addr add fd00:2::1/64 dev n0
	-n nvb addr add 10.0.2.2/24 dev n1
	-n nvb addr add fd00:2::2/64 dev n1
	-n nva link set n0 up; -n nvb link set n1 up
	-n nva route add 10.8.0.0/16 via 10.0.2.2 metric 5
	-n nva route add fd08::/64 via fd00:2::2'
wait_carrier -n nva n0
# the far end too: its IPv6 address answers neighbour solicitations only
# once the kernel's link work has seen its carrier (later, under load)
wait_carrier -n nvb n1
check_rc "nsviz pings across (counters move, neighbours appear)" 0 \
	nsv -c "-n nva ping 10.0.2.2 -c 2 -i 0.2; -n nva ping fd00:2::2 -c 2 -i 0.2"

# ip sees what nsviz made
check_match "ip sees nsviz's IPv4 address" "$(ip -n nva -j addr show n0)" \
	'"local":"10.0.2.1","prefixlen":24'
check_match "ip sees nsviz's IPv6 address" "$(ip -n nva -j addr show n0)" \
	'"local":"fd00:2::1","prefixlen":64'
check_match "ip sees nsviz's route" "$(ip -n nva -j route show)" \
	'"dst":"10.8.0.0/16","gateway":"10.0.2.2","dev":"n0","metric":5'
check_match "ip sees nsviz's bridge port" "$(ip -n nva -j link show p1)" \
	'"master":"nbr"'
check_match "ip sees the counters nsviz's pings moved" \
	"$(ip -n nva -j -s link show n0)" '"tx":\{"bytes":[1-9]'

all_same "nsviz made" nva
same "nsviz made, the other side" nvb "-s" link
same "nsviz made, the other side" nvb "-j -s -s" addr
same "nsviz made, IPv6 counters" nva "-6 -s -s" addr

# ---- names others made reach no terminal, in any format -------------------
ESC=$(printf '\033') SOH=$(printf '\001')
ip netns add evil
ip -n evil link add "a${ESC}[2Jb" type veth peer name "c${SOH}d"
ip -n evil link set "a${ESC}[2Jb" alias "x${ESC}]0;pwned${SOH}y"
ip -n evil addr add 10.0.9.1/24 dev "a${ESC}[2Jb"
raw=0
for o in "" -br -o -s "-s -s" -j "-j -p" -4 "-br -0" "-o -s" -d "-d -j"; do
	for obj in link addr route neigh; do
		nsv -c "ip -n evil $o $obj show" >"$TMPD/evil" 2>&1
		# every byte printable, or a newline
		if LC_ALL=C tr -d '\n' <"$TMPD/evil" | LC_ALL=C grep -q '[[:cntrl:]]'; then
			raw=$((raw + 1))
			echo "# raw control bytes: ip $o $obj show"
		fi
	done
done
check_eq "names with ESC and SOH: no raw control byte in 48 listings" "$raw" 0
check_match "... text escapes them as \\xHH" "$(nsv -c 'ip -n evil link show')" \
	'a\\x1b\[2Jb@c\\x01d: '
check_match "... the alias too" "$(nsv -c 'ip -n evil link show')" \
	'alias x\\x1b\]0;pwned\\x01y'
check_eq "... JSON escapes them, and reads back as the names" \
	"$(nsv -c 'ip -n evil -j link show' | jq -r '.[] | select(.ifalias) | .ifname, .ifalias' | od -An -c | tr -s ' ')" \
	"$(printf 'a\033[2Jb\nx\033]0;pwned\001y\n' | od -An -c | tr -s ' ')"

# ---- what nsviz refuses, and says why --------------------------------------
run nsv -c 'ip -n ipa -4 -0 addr show'
check_eq "-4 -0 (two families): exit 1" "$RC" 1
check_match "... names the word and why" "$ERR" '-0: conflicts with -4'
run nsv -c 'ip -n ipa -jsonx link show'
check_eq "-jsonx: exit 1" "$RC" 1
check_match "... names the word and why" "$ERR" '-jsonx: unknown option'
run nsv -c 'ip -n nosuch -j link show'
check_eq "-j in a namespace that is not there: exit 1, no JSON" "$RC/$OUT" "1/"
run nsv -c 'ip -n ipa -s -j link show dev nosuch'
check_eq "-s -j of a device that is not there: exit 1, no JSON" "$RC/$OUT" "1/"
check_match "... in ip's words" "$ERR" 'Device "nosuch" does not exist'

done_testing
