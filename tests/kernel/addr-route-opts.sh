#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# ip's address options (peer, brd ADDR|+|-, label, scope, metric,
# valid_lft/preferred_lft, home, nodad, mngtmpaddr, noprefixroute) and
# route options (onlink, nexthop via/dev/weight/onlink) against the real
# kernel, cross-checked with the real ip:
#   - the same commands run by ip in namespace I and by nsviz in its twin
#     N leave the same kernel state (ip -j, ip -d -j of both agree);
#   - nsviz prints what ip prints for them (addr show, route show);
#   - bad input: a message naming the word, exit status 1, nothing
#     changed;
#   - `nsviz save` of a world made with them writes them (no "cannot be
#     read back"), and `nsviz -b` of the saved file makes the same state.
. "${TOP_SRCDIR:-$(dirname "$0")/../..}/tests/lib/common.sh"
sandbox_reexec
. "${TOP_SRCDIR:-$(dirname "$0")/../..}/tests/lib/twins.sh"

nsv() { "$NSVIZ" "$@"; }

# twins I (made by ip) and N (made by nsviz): tests/lib/twins.sh
twins_make

# The lifetimes (and the expiry of their prefix routes) count down by
# the second: the twins are read at different moments, so the numbers
# left are not compared (what they start at is checked apart).  The
# veths' peers in P have other ifindexes for I and for N.
nolft() {
	sed -E -e 's/"(valid|preferred)_life_time":[0-9]+/"\1_life_time":N/g' \
		-e 's/(valid|preferred)_lft [0-9]+sec/\1_lft Nsec/g' \
		-e 's/"expires":[0-9]+/"expires":N/g' \
		-e 's/expires [0-9]+sec/expires Nsec/g' \
		-e 's/"link_index":[0-9]+/"link_index":N/g' -e 's/@if[0-9]+:/@ifN:/g'
}

# same_state DESC SHOW-ARGS: the kernel holds the same in I and N
same_state() {
	d=$1
	shift
	check_eq "$d" "$(ip -n N "$@" 2>&1 | nolft)" "$(ip -n I "$@" 2>&1 | nolft)"
}

# same_text DESC SHOW-ARGS: nsviz prints what ip prints, in I and in N
same_text() {
	d=$1
	shift
	for ns in I N; do
		check_eq "$d ($ns)" "$(nsv -n $ns "$@" 2>&1 | nolft)" \
			"$(ip -n $ns "$@" 2>&1 | nolft)"
	done
}

# every state the twins are compared by
same_all() {
	same_state "$1: ip -j addr" -j addr
	same_state "$1: ip -d -j addr" -d -j addr
	same_state "$1: ip -j route show table all" -j route show table all
	same_state "$1: ip -d -j route show table all" -d -j route show table all
	same_state "$1: ip addr" addr
	same_state "$1: ip route show table all" route show table all
}

# ---- addresses ---------------------------------------------------------
on_both "addr add brd ADDR" addr add 10.0.0.1/24 brd 10.0.0.255 dev a0
on_both "addr add peer" addr add 10.0.1.1/32 peer 10.0.1.2/32 dev a0
on_both "addr add peer PREFIX" addr add 10.0.9.1 peer 10.0.9.0/24 dev a1
on_both "addr add remote (peer)" addr add 10.0.13.1 remote 10.0.13.9 dev a1
on_both "addr add the /32 beside its peer address" addr add 10.0.1.1/32 dev a0
on_both "addr add IPv6 peer" addr add 2001:db8:5::1 peer 2001:db8:5::2 nodad dev a1
on_both "addr add nodad" addr add 2001:db8::5/64 nodad dev a0
on_both "addr add nodad noprefixroute" addr add 2001:db8:1::5/64 nodad noprefixroute dev a0
on_both "addr add home mngtmpaddr" addr add 2001:db8:2::5/64 nodad home mngtmpaddr dev a1
on_both "addr add metric" addr add 10.0.2.1/24 metric 5 dev a0
on_both "addr add priority (metric)" addr add 10.0.11.1/24 priority 9 dev a1
on_both "addr add scope link" addr add 10.0.3.1/24 scope link dev a0
on_both "addr add scope host" addr add 10.0.4.1/24 scope host dev a0
on_both "addr add scope N" addr add 10.0.14.1/24 scope 7 dev a1
on_both "addr add label DEV:X" addr add 10.0.5.1/24 label a0:x dev a0
on_both "addr add label DEV" addr add 10.0.15.1/24 dev a1 label a1
on_both "addr add brd +" addr add 10.0.6.1/24 brd + dev a0
on_both "addr add brd -" addr add 10.0.7.1/24 brd - dev a0
on_both "addr add /30 brd +" addr add 10.0.8.1/30 broadcast + dev a1
on_both "addr add /31 brd + (none)" addr add 10.0.8.9/31 brd + dev a1
on_both "addr add peer brd +" addr add 10.0.16.1 peer 10.0.16.64/26 brd + dev a1
on_both "addr add valid_lft preferred_lft" \
	addr add 10.0.10.1/24 valid_lft 86400 preferred_lft 3600 dev a0
on_both "addr add IPv6 lifetimes (deprecated)" \
	addr add 2001:db8:3::5/64 valid_lft 7200 preferred_lft 0 nodad dev a1
on_both "addr add preferred_lft alone" addr add 10.0.17.1/24 preferred_lft 600 dev a1
on_both "addr add everything" addr add 10.0.18.1/24 brd + label a1:all \
	scope link metric 3 dev a1 valid_lft 90000 preferred_lft 80000
on_both "addr add to del (peer)" addr add 10.0.12.1 peer 10.0.12.2 dev a0
on_both "addr add to del (label)" addr add 10.0.19.1/24 label a0:d dev a0
on_both "addr del peer" addr del 10.0.12.1 peer 10.0.12.2 dev a0
on_both "addr del label" addr del 10.0.19.1/24 label a0:d dev a0
same_all "addresses"

# what the lifetimes start at: less than given, by less than 10 minutes
lft=$(ip -n N -j addr show dev a0 | sed 's/},{/}\n{/g' | grep '"local":"10.0.10.1"')
check_match "valid_lft set (nsviz)" "$lft" '"valid_life_time":(86[0-3][0-9][0-9]|86400),'
check_match "preferred_lft set (nsviz)" "$lft" '"preferred_life_time":(3[0-5][0-9][0-9]|3600)[,}]'
check_match "noprefixroute: no prefix route (nsviz)" \
	"$(ip -n N -6 route show 2001:db8:1::/64)" '^$'
check_match "metric: the prefix route has it (nsviz)" \
	"$(ip -n N route show 10.0.2.0/24)" 'metric 5'
check_match "brd + computed (nsviz)" "$(ip -n N addr show dev a0)" \
	'inet 10.0.6.1/24 brd 10.0.6.255 '
check_match "brd - computed (nsviz)" "$(ip -n N addr show dev a0)" \
	'inet 10.0.7.1/24 brd 10.0.7.0 '
check_match "peer (nsviz)" "$(ip -n N addr show dev a0)" \
	'inet 10.0.1.1 peer 10.0.1.2/32 '
check_match "label (nsviz)" "$(ip -n N addr show dev a0)" \
	'inet 10.0.5.1/24 .*a0:x$'
check_nomatch "addr del peer: gone (nsviz)" "$(ip -n N addr show dev a0)" '10\.0\.12\.1'

for args in "addr show" "addr show dev a0" "addr show dev a1" "-4 addr show" \
	"-6 addr show dev a1" "-j addr show dev a0" "-j addr show dev a1" \
	"-d addr show dev a1" "route show" "-6 route show" "route show table all" \
	"-6 route show table all" "-j route show" "-d route show"; do
	# shellcheck disable=SC2086
	same_text "$args" $args
done

# ---- the address requests are ip's, byte for byte ----------------------------
# (for the canonical text: ip puts the attributes in the words' order)
HAVE_STRACE=
if command -v strace >/dev/null 2>&1 &&
   strace -f -o /dev/null true 2>/dev/null; then
	HAVE_STRACE=1
fi
ip netns add Q
ip -n Q link add q0 type veth peer name q1
ip -n Q link set q0 up
# the RTM_NEWADDR/DELADDR requests of a strace log, without seq and pid
addr_reqs() {
	grep -o 'iov_base=\[{nlmsg_len=[0-9]*, nlmsg_type=RTM_\(NEW\|DEL\)ADDR, .*' "$1" |
		sed 's/nlmsg_seq=[0-9]*, nlmsg_pid=[0-9-]*//; s/, iov_len=.*//'
}
same_addr_request() {
	if [ -z "$HAVE_STRACE" ]; then
		skip "request of addr $* (strace is not available)"
		return
	fi
	# (strace runs in Q: it decodes only the sockets of its namespace)
	ip netns exec Q strace -f -e trace=sendmsg,sendto -xx -s 4096 \
		-o "$TMPD/ip.st" ip "$@" >/dev/null 2>&1
	ip -n Q addr flush dev q0
	ip netns exec Q strace -f -e trace=sendmsg,sendto -xx -s 4096 \
		-o "$TMPD/nsv.st" "$NSVIZ" "$@" >/dev/null 2>&1
	ip -n Q addr flush dev q0
	addr_reqs "$TMPD/ip.st" >"$TMPD/ip.req"
	addr_reqs "$TMPD/nsv.st" >"$TMPD/nsv.req"
	if [ -s "$TMPD/ip.req" ] && cmp -s "$TMPD/ip.req" "$TMPD/nsv.req"; then
		pass "request of $* == ip's"
	else
		fail "request of $* == ip's" "ip:" "$(cat "$TMPD/ip.req")" \
			"nsviz:" "$(cat "$TMPD/nsv.req")"
	fi
}
same_addr_request addr add 10.0.1.1/24 dev q0
same_addr_request addr add 127.0.0.5/8 dev q0
same_addr_request addr add 10.0.1.1/32 peer 10.0.1.2/32 brd 10.0.1.255 label q0:x \
	scope link metric 5 dev q0 valid_lft 100 preferred_lft 50
same_addr_request addr add 10.0.1.1/24 brd + scope 7 dev q0 preferred_lft 0
same_addr_request addr add 10.0.1.1/24 brd 10.0.1.255 label q0:y metric 3 dev q0 noprefixroute
same_addr_request addr add 10.0.1.1/29 peer 10.0.1.8/29 brd - dev q0 valid_lft forever
same_addr_request addr add 2001:db8::5/64 dev q0 nodad
same_addr_request addr add 2001:db8::5/64 dev q0 home nodad mngtmpaddr noprefixroute
same_addr_request addr add 2001:db8::5/64 metric 9 dev q0 valid_lft 7200 preferred_lft 3600 nodad
# a delete: ip sends no scope, no computed broadcast
ip -n Q addr add 10.0.1.1/24 label q0:d dev q0
ip netns exec Q strace -f -e trace=sendmsg,sendto -xx -s 4096 -o "$TMPD/ip.st" \
	ip addr del 10.0.1.1/24 label q0:d dev q0 >/dev/null 2>&1
ip -n Q addr add 10.0.1.1/24 label q0:d dev q0
ip netns exec Q strace -f -e trace=sendmsg,sendto -xx -s 4096 -o "$TMPD/nsv.st" \
	"$NSVIZ" addr del 10.0.1.1/24 label q0:d dev q0 >/dev/null 2>&1
if [ -z "$HAVE_STRACE" ]; then skip "request of addr del (no strace)"; else
	addr_reqs "$TMPD/ip.st" >"$TMPD/ip.req"
	addr_reqs "$TMPD/nsv.st" >"$TMPD/nsv.req"
	if [ -s "$TMPD/ip.req" ] && cmp -s "$TMPD/ip.req" "$TMPD/nsv.req"; then
		pass "request of addr del label == ip's"
	else
		fail "request of addr del label == ip's" "ip:" "$(cat "$TMPD/ip.req")" \
			"nsviz:" "$(cat "$TMPD/nsv.req")"
	fi
fi

# the routes' requests too (the canonical text: the words' attributes,
# then the device, then the next hops)
ip -n Q link set q1 up
ip -n Q addr add 10.0.1.1/24 dev q0
ip -n Q addr add 2001:db8::1/64 nodad dev q0
route_reqs() {
	grep -o 'iov_base=\[{nlmsg_len=[0-9]*, nlmsg_type=RTM_\(NEW\|DEL\)ROUTE, .*' "$1" |
		sed 's/nlmsg_seq=[0-9]*, nlmsg_pid=[0-9-]*//; s/, iov_len=.*//'
}
# same_route_request UNDO CMD...: ip CMD, UNDO, nsviz CMD, UNDO in Q
same_route_request() {
	_undo=$1
	shift
	if [ -z "$HAVE_STRACE" ]; then
		skip "request of $* (strace is not available)"
		return
	fi
	ip netns exec Q strace -f -e trace=sendmsg,sendto -xx -s 4096 \
		-o "$TMPD/ip.st" ip "$@" >/dev/null 2>&1
	# shellcheck disable=SC2086
	ip -n Q $_undo
	ip netns exec Q strace -f -e trace=sendmsg,sendto -xx -s 4096 \
		-o "$TMPD/nsv.st" "$NSVIZ" "$@" >/dev/null 2>&1
	# shellcheck disable=SC2086
	ip -n Q $_undo
	route_reqs "$TMPD/ip.st" >"$TMPD/ip.req"
	route_reqs "$TMPD/nsv.st" >"$TMPD/nsv.req"
	if [ -s "$TMPD/ip.req" ] && cmp -s "$TMPD/ip.req" "$TMPD/nsv.req"; then
		pass "request of $* == ip's"
	else
		fail "request of $* == ip's" "ip:" "$(cat "$TMPD/ip.req")" \
			"nsviz:" "$(cat "$TMPD/nsv.req")"
	fi
}
same_route_request "route del 10.8.0.0/16" \
	route add 10.8.0.0/16 via 10.5.5.5 dev q0 onlink
same_route_request "route del 10.8.0.0/16 table 1000" \
	route add 10.8.0.0/16 via 10.0.1.2 dev q0 src 10.0.1.1 metric 5 table 1000 proto static
same_route_request "route del 10.9.0.0/16" \
	route add 10.9.0.0/16 nexthop via 10.0.1.2 dev q0 weight 2 nexthop via 10.0.1.3 dev q0
same_route_request "route del 10.9.0.0/16 table 1000" \
	route add 10.9.0.0/16 table 1000 nexthop via 10.5.5.6 dev q0 onlink nexthop dev q1 weight 256
same_route_request "-6 route del 2001:db8:9::/48" \
	-6 route add 2001:db8:9::/48 nexthop via 2001:db8::2 dev q0 nexthop via 2001:db8::3 dev q0 weight 3
same_route_request "route del default" \
	route add default metric 3 nexthop via 10.0.1.7 dev q0 nexthop via 10.0.1.8
same_route_request "route del 10.30.0.0/16" \
	route add 10.30.0.0/16 via inet6 fe80::1 dev q0
same_route_request "route del 10.31.0.0/16" \
	route add 10.31.0.0/16 nexthop via inet6 fe80::2 dev q0 nexthop via 10.0.1.2 dev q0
same_route_request "route del 10.20.0.0/16 tos 0x10" \
	route add 10.20.0.0/16 tos 0x10 via 10.0.1.2 dev q0 mtu 1300
same_route_request "-6 route del 2001:db8:a::/48" \
	-6 route add 2001:db8:a::/48 via 2001:db8::2 dev q0 mtu 1280 pref high
ip -n Q route add 10.7.0.0/16 nexthop via 10.0.1.2 dev q0 nexthop via 10.0.1.3 dev q0
same_route_request "route add 10.7.0.0/16 nexthop via 10.0.1.2 dev q0 nexthop via 10.0.1.3 dev q0" \
	route del 10.7.0.0/16 nexthop via 10.0.1.2 dev q0 nexthop via 10.0.1.3 dev q0
ip netns del Q

# ---- routes: onlink, multipath -------------------------------------------
on_both "route add onlink" route add 10.8.0.0/16 via 10.5.5.5 dev a0 onlink
on_both "route add multipath" route add 10.9.0.0/16 \
	nexthop via 10.0.0.2 dev a0 weight 2 nexthop via 10.0.0.3 dev a0
on_both "route add multipath, two devices, onlink, weight 256" \
	route add 10.7.0.0/16 nexthop via 10.5.5.6 dev a0 onlink \
	nexthop via 10.0.9.5 dev a1 weight 256 nexthop dev a1
on_both "route add multipath in a table" \
	route add 10.6.0.0/16 table 100 proto static nexthop via 10.0.0.4 dev a0 \
	nexthop via 10.0.2.4 dev a0 weight 5
on_both "route add IPv6 multipath" -6 route add 2001:db8:9::/48 \
	nexthop via 2001:db8::2 dev a0 nexthop via 2001:db8::3 dev a0 weight 3
on_both "route add IPv6 default multipath" -6 route add default metric 7 \
	nexthop via fe80::1 dev a0 nexthop via fe80::2 dev a1
on_both "route add default multipath (family from the gateway)" route add default \
	nexthop via 10.0.0.7 dev a0 nexthop via 10.0.2.7 dev a0
on_both "route replace multipath" route replace 10.9.0.0/16 \
	nexthop via 10.0.0.4 dev a0 nexthop via 10.0.0.5 dev a0 weight 4
on_both "route replace onlink into multipath" route replace 10.8.0.0/16 \
	nexthop via 10.5.5.5 dev a0 onlink nexthop via 10.5.5.9 dev a1 onlink
on_both "route change onlink" route change 10.6.0.0/16 table 100 proto static \
	via 10.5.5.8 dev a0 onlink
on_both "route append onlink" route append 10.5.0.0/16 via 10.5.5.7 dev a1 onlink
on_both "route prepend multipath" route prepend 10.5.0.0/16 \
	nexthop via 10.0.0.8 dev a0 nexthop via 10.0.0.9 dev a0
on_both "route add onlink metric" route add 10.4.0.0/16 via 10.5.5.5 dev a1 onlink metric 20
on_both "route add tos" route add 10.20.0.0/16 tos 0x10 via 10.0.0.2 dev a0
on_both "route add tos (another)" route add 10.20.0.0/16 dsfield 8 via 10.0.0.3 dev a0
on_both "route add mtu" route add 10.21.0.0/16 via 10.0.0.2 dev a0 mtu 1300
on_both "route add IPv6 pref" -6 route add 2001:db8:a::/48 via 2001:db8::2 dev a0 pref high
on_both "route add IPv6 pref, mtu" -6 route add 2001:db8:b::/48 dev a1 pref low mtu 1280
on_both "route add via inet6" route add 10.30.0.0/16 via inet6 fe80::1 dev a0
on_both "route add multipath, a next hop via inet6" route add 10.31.0.0/16 \
	nexthop via inet6 fe80::2 dev a1 nexthop via 10.0.0.2 dev a0 weight 3
same_all "routes"
on_both "route del multipath by destination" route del 10.7.0.0/16
on_both "route del onlink" route del 10.4.0.0/16 via 10.5.5.5 dev a1 metric 20
on_both "route del tos" route del 10.20.0.0/16 tos 8
on_both "route del IPv6 one next hop" -6 route del 2001:db8:9::/48 \
	nexthop via 2001:db8::2 dev a0
same_all "routes deleted"
check_match "multipath made (nsviz, ip -j)" "$(ip -n N -j route show 10.9.0.0/16)" \
	'"nexthops":\[\{"gateway":"10.0.0.4","dev":"a0","weight":1,"flags":\[\]\},\{"gateway":"10.0.0.5","dev":"a0","weight":4,'
check_match "onlink made (nsviz, ip -j)" "$(ip -n N -j route show 10.6.0.0/16 table 100)" \
	'"gateway":"10.5.5.8","dev":"a0","protocol":"static","flags":\["onlink"\]'
for args in "route show" "-6 route show" "route show table all" \
	"-6 route show table all" "-j route show" "-d route show" "-6 -j route show" \
	"route show table 100"; do
	# shellcheck disable=SC2086
	same_text "$args" $args
done

# ---- bad input: the word and the reason, exit 1, nothing changed -----------
before_a=$(ip -n N -d -j addr | nolft)
before_r=$(ip -n N -d -j route show table all | nolft)
bad() {
	word=$1 reason=$2
	shift 2
	run nsv -n N "$@"
	if [ "$RC" = 1 ] && printf '%s\n' "$ERR" | grep -Fq -- "$word" &&
	   printf '%s\n' "$ERR" | grep -Fq -- "$reason"; then
		pass "refused: $*"
	else
		fail "refused: $*" "exit $RC" "stderr: $ERR" \
			"expected: $word ... $reason"
	fi
}
bad "foo" "label must be the device's name" addr add 10.0.20.1/24 label foo dev a0
bad "nodad" "only for IPv6" addr add 10.0.20.1/24 nodad dev a0
bad "+" "only for IPv4" addr add 2001:db8:7::1/64 brd + dev a0
bad "valid_lft" "needs preferred_lft too" addr add 10.0.20.1/24 valid_lft 60 dev a0
bad "preferred_lft" "must not be greater" \
	addr add 10.0.20.1/24 valid_lft 60 preferred_lft 61 dev a0
bad "fe80::1" "peer is IPv6" addr add 10.0.20.1 peer fe80::1 dev a0
bad "nosuch0" "nosuch0" route add 10.3.0.0/16 nexthop via 10.0.0.2 dev a0 \
	nexthop via 10.0.0.3 dev nosuch0
bad "0" "weight must be a number (1..256)" \
	route add 10.3.0.0/16 nexthop via 10.0.0.2 dev a0 weight 0
bad "mtu" "next hop option not supported" \
	route add 10.3.0.0/16 nexthop via 10.0.0.2 dev a0 mtu 1400
bad "nexthop" "a next hop needs via ADDR or dev NAME" route add 10.3.0.0/16 nexthop
# the kernel's refusal, said as ip says it: a gateway not on the link
run ip -n I route add 10.3.0.0/16 via 10.5.5.5 dev a0
irc=$RC
run nsv -n N route add 10.3.0.0/16 via 10.5.5.5 dev a0
check_eq "route via an unreachable gateway without onlink: refused by both" \
	"$irc $RC" "2 1"
check_eq "bad input changed no address" "$(ip -n N -d -j addr | nolft)" "$before_a"
check_eq "bad input changed no route" \
	"$(ip -n N -d -j route show table all | nolft)" "$before_r"

# ---- nsviz save writes them; nsviz -b of the file makes the same ---------
# S holds its own veth pair (a peer elsewhere would not be saved), its
# MACs set by hand (the same link-local addresses when made again).
# valid_lft is left out here: save writes an address's lifetime as
# forever (not this test's point).
S_CMDS='netns add S
-n S link add a0 type veth peer name b0
-n S link set a0 address 02:00:00:00:01:a0
-n S link set b0 address 02:00:00:00:01:b0
-n S link set a0 up
-n S link set b0 up
-n S addr add 10.0.0.1/24 brd 10.0.0.255 dev a0
-n S addr add 10.0.1.1/32 peer 10.0.1.2/32 dev a0
-n S addr add 10.0.9.1 peer 10.0.9.0/24 dev b0
-n S addr add 2001:db8::5/64 nodad dev a0
-n S addr add 2001:db8:1::5/64 nodad noprefixroute dev a0
-n S addr add 2001:db8:2::5/64 nodad home mngtmpaddr dev b0
-n S addr add 10.0.2.1/24 metric 5 dev a0
-n S addr add 10.0.3.1/24 scope link label a0:x dev a0
-n S addr add 10.0.4.1/24 scope host dev b0
-n S addr add 10.0.6.1/24 brd + dev a0
-n S route add 10.8.0.0/16 via 10.5.5.5 dev a0 onlink
-n S route add 10.9.0.0/16 nexthop via 10.0.0.2 dev a0 weight 2 nexthop via 10.0.0.3 dev a0
-n S route add 10.7.0.0/16 table 100 nexthop via 10.5.5.6 dev a0 onlink nexthop dev b0 weight 3
-n S -6 route add 2001:db8:9::/48 nexthop via 2001:db8::2 dev a0 nexthop via 2001:db8::3 dev a0 weight 3
-n S route add 10.20.0.0/16 tos 0x10 via 10.0.0.2 dev a0 mtu 1300
-n S route add 10.30.0.0/16 via inet6 fe80::1 dev a0
-n S route add 10.31.0.0/16 nexthop via inet6 fe80::2 dev b0 nexthop via 10.0.0.2 dev a0 weight 3
-n S -6 route add 2001:db8:a::/48 via 2001:db8::2 dev a0 pref high'
printf '%s\n' "$S_CMDS" >"$TMPD/s.in"
check_rc "nsviz -b makes S" 0 nsv -b "$TMPD/s.in"
wait_carrier -n S a0
wait_carrier -n S b0
wait_ll -n S a0
wait_ll -n S b0
check_rc "nsviz save -n S" 0 nsv save -n S "$TMPD/s.nsviz"
check_rc "nsviz save -n S --sh" 0 nsv save -n S --sh "$TMPD/s.sh"
saved=$(cat "$TMPD/s.nsviz")
check_nomatch "save: nothing left out as unreadable" "$saved" 'cannot be read back'
check_match "save: peer" "$saved" '^ip -n S addr add 10\.0\.1\.1/32 peer 10\.0\.1\.2/32 dev a0$'
check_match "save: brd" "$saved" '^ip -n S addr add 10\.0\.6\.1/24 brd 10\.0\.6\.255 dev a0$'
check_match "save: label, scope" "$saved" '^ip -n S addr add 10\.0\.3\.1/24 label a0:x scope link dev a0$'
check_match "save: metric" "$saved" '^ip -n S addr add 10\.0\.2\.1/24 metric 5 dev a0$'
check_match "save: nodad noprefixroute" "$saved" '^ip -n S addr add 2001:db8:1::5/64 dev a0 nodad noprefixroute$'
check_match "save: home nodad mngtmpaddr" "$saved" '^ip -n S addr add 2001:db8:2::5/64 dev b0 home nodad mngtmpaddr$'
check_match "save: onlink" "$saved" '^ip -n S route add 10\.8\.0\.0/16 via 10\.5\.5\.5 dev a0 onlink$'
check_match "save: multipath" "$saved" '^ip -n S route add 10\.9\.0\.0/16 nexthop via 10\.0\.0\.2 dev a0 weight 2 nexthop via 10\.0\.0\.3 dev a0$'
check_match "save: multipath, onlink next hop, table" "$saved" \
	'^ip -n S route add 10\.7\.0\.0/16 table 100 nexthop via 10\.5\.5\.6 dev a0 onlink nexthop dev b0 weight 3$'
check_match "save: IPv6 multipath" "$saved" \
	'^ip -n S -6 route add 2001:db8:9::/48 metric 1024 nexthop via 2001:db8::2 dev a0 nexthop via 2001:db8::3 dev a0 weight 3$'
check_match "save: tos, mtu" "$saved" \
	'^ip -n S route add 10\.20\.0\.0/16 tos 0x10 via 10\.0\.0\.2 dev a0 mtu 1300$'
check_match "save: via inet6" "$saved" \
	'^ip -n S route add 10\.30\.0\.0/16 via inet6 fe80::1 dev a0$'
check_match "save: a next hop via inet6" "$saved" \
	'^ip -n S route add 10\.31\.0\.0/16 nexthop via inet6 fe80::2 dev b0 nexthop via 10\.0\.0\.2 dev a0 weight 3$'
check_match "save: pref" "$saved" \
	'^ip -n S -6 route add 2001:db8:a::/48 via 2001:db8::2 dev a0 metric 1024 pref high$'
# the kernel lists addresses in the order they were made, which save
# does not keep: the objects are compared as sets (the array's brackets
# off first: which object is first or last is that order too)
objs() { sed 's/^\[//; s/\]$//; s/},{/}\n{/g' | sort; }
s_addr=$(ip -n S -j addr | objs)
s_route=$(ip -n S -j route show table all | objs)
s_daddr=$(ip -n S -d -j addr | objs)
ip netns del S
check_rc "nsviz -b of the saved file" 0 nsv -b "$TMPD/s.nsviz"
wait_carrier -n S a0
wait_carrier -n S b0
wait_ll -n S a0
wait_ll -n S b0
check_eq "saved and made again: ip -j addr" "$(ip -n S -j addr | objs)" "$s_addr"
check_eq "saved and made again: ip -d -j addr" "$(ip -n S -d -j addr | objs)" "$s_daddr"
check_eq "saved and made again: ip -j route show table all" \
	"$(ip -n S -j route show table all | objs)" "$s_route"
# the same commands are ip's: the --sh script run by sh and the real ip
ip netns del S
check_rc "sh of the save --sh script (the real ip)" 0 sh -e "$TMPD/s.sh"
wait_carrier -n S a0
wait_carrier -n S b0
wait_ll -n S a0
wait_ll -n S b0
check_eq "saved --sh and made by ip: ip -j addr" "$(ip -n S -j addr | objs)" "$s_addr"
check_eq "saved --sh and made by ip: ip -j route show table all" \
	"$(ip -n S -j route show table all | objs)" "$s_route"

done_testing
