#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Routes in other tables, route replace/append/change, route show
# filters, route get with from/iif/oif/mark, ip rule, addr flush, addr
# show up, neigh add/replace/change/del/flush: against the real kernel,
# cross-checked with the real ip both ways.
#   - the same commands run by ip in namespace I and by nsviz in namespace
#     N (twins: same links, same addresses) leave the same kernel state
#     (ip -j and ip text of both agree);
#   - nsviz prints what ip prints, byte for byte, for what ip made and for
#     what nsviz made;
#   - policy routing changes where a packet goes: a rule by source sends
#     a ping over the second link, and route get ... from says so;
#   - bad input: a clear message naming the word, exit status 1, nothing
#     changed.
. "${TOP_SRCDIR:-$(dirname "$0")/../..}/tests/lib/common.sh"
sandbox_reexec
. "${TOP_SRCDIR:-$(dirname "$0")/../..}/tests/lib/twins.sh"

nsv() { "$NSVIZ" "$@"; }

# twins: I (made by ip) and N (made by nsviz), tests/lib/twins.sh, with
# addresses before the veths come up.  REACHABLE entries stay so for an
# hour: the twins are compared at different moments.
twin_setup() {
	for d in a0 a1; do
		ip netns exec $1 sysctl -qw net.ipv4.neigh.$d.base_reachable_time_ms=3600000
		ip netns exec $1 sysctl -qw net.ipv6.neigh.$d.base_reachable_time_ms=3600000
	done
	ip -n $1 addr add 10.0.1.1/24 dev a0
	ip -n $1 addr add 10.0.2.1/24 dev a1
	ip -n $1 addr add fd00:1::1/64 dev a0 nodad
}
twins_make twin_setup

# same_state DESC SHOW-ARGS: the kernel holds the same in I and N
same_state() {
	d=$1
	shift
	check_eq "$d" "$(ip -n N "$@" 2>&1)" "$(ip -n I "$@" 2>&1)"
}

# same_neigh DESC: the twins' neighbour tables hold the same entries
# (sorted: each namespace hashes its own way; without the multicast
# entries of the link-local addresses, which differ)
same_neigh() {
	check_eq "$1" "$(ip -n N neigh show nud all | grep -v '^ff02::' | sort)" \
		"$(ip -n I neigh show nud all | grep -v '^ff02::' | sort)"
}

# same_text DESC SHOW-ARGS: nsviz prints what ip prints, in I and in N
same_text() {
	d=$1
	shift
	for ns in I N; do
		check_eq "$d ($ns)" "$(nsv -n $ns "$@" 2>&1)" "$(ip -n $ns "$@" 2>&1)"
	done
}

# ---- routes in other tables ----------------------------------------------
on_both "route add table 100" route add 10.10.0.0/16 via 10.0.1.2 table 100
on_both "route add table 1000" route add 10.11.0.0/16 dev a1 table 1000
on_both "route add table local" route add 10.12.0.0/16 dev a0 table local
on_both "route add default table 100" route add default via 10.0.2.2 table 100
on_both "route add metric, table main" route add 10.13.0.0/16 via 10.0.1.2 metric 7 table main
on_both "route add IPv6 table 100" route add fd00:9::/64 via fd00:1::2 table 100
same_state "tables: ip -j route show table all" -j route show table all
same_state "tables: ip route show table all" route show table all
same_state "tables: ip -6 route show table 100" -6 route show table 100
check_match "table 100 holds the route (ip -j)" \
	"$(ip -n N -j route show table 100)" '"dst":"10.10.0.0/16","gateway":"10.0.1.2"'
check_match "table 1000 holds the route (ip -j)" \
	"$(ip -n N -j route show table 1000)" '"dst":"10.11.0.0/16","dev":"a1"'

# ---- replace, append, change -----------------------------------------------
on_both "route replace (existing)" route replace 10.10.0.0/16 via 10.0.2.2 table 100
on_both "route replace (new)" route replace 10.14.0.0/16 dev a1
on_both "route append" route append 10.14.0.0/16 via 10.0.1.2
on_both "route change" route change 10.13.0.0/16 via 10.0.2.2 metric 7
same_state "replace/append/change: ip -j route show table all" -j route show table all
check_match "replace changed the gateway (ip -j)" \
	"$(ip -n N -j route show table 100 10.10.0.0/16)" '"gateway":"10.0.2.2"'
check_eq "append added a second route (ip)" \
	"$(ip -n N route show 10.14.0.0/16 | wc -l)" 2
check_match "change changed the gateway (ip -j)" \
	"$(ip -n N -j route show 10.13.0.0/16)" '"gateway":"10.0.2.2"'
run nsv -n N route change 10.15.0.0/16 via 10.0.2.2
check_eq "route change of a route that is not there: exit 1" "$RC" 1
check_eq "  ... and nothing made" "$(ip -n N route show 10.15.0.0/16)" ""
run nsv -n N route add 10.14.0.0/16 dev a1
check_eq "route add of an existing route: exit 1" "$RC" 1

# ---- route show: tables and filters, both ways -----------------------------
for args in "route show table all" "route show table 100" "route show table 1000" \
	"route show table local" "route show table main" "-6 route show table 100" \
	"-6 route show table all" "-4 route show table all" \
	"route list proto kernel" "route show proto boot" "route show table all proto kernel" \
	"route show scope link" "route show table all scope host" \
	"route show table all type local" "route show table all type broadcast" \
	"route show dev a0" "route show table all dev a1" "route show via 10.0.2.2" \
	"route show table 100 via 10.0.2.2" "route show src 10.0.1.1" \
	"route show metric 7" "route show 10.14.0.0/16" "route show root 10.0.0.0/8" \
	"route show match 10.14.1.1" "route show exact 10.13.0.0/16" \
	"route show table 100 default" "-6 route show table all fd00:9::/64" \
	"route show table all dev a0 proto kernel scope link"; do
	# shellcheck disable=SC2086
	same_text "$args" $args
done

# ---- route get: from, iif, oif, mark ------------------------------------
for ns in I N; do
	ip netns exec $ns sysctl -qw net.ipv4.ip_forward=1
done
on_both "route add 10.99.0.0/16 in table 200" route add 10.99.0.0/16 via 10.0.2.2 table 200
on_both "route add 10.99.0.0/16 in main" route add 10.99.0.0/16 via 10.0.1.2
on_both "rule add fwmark 7 lookup 200" rule add fwmark 7 lookup 200 pref 200
on_both "rule add from 10.0.2.1 lookup 200" rule add from 10.0.2.1 lookup 200 pref 201
on_both "rule add iif a1 lookup 200" rule add iif a1 lookup 200 pref 202
for args in "route get 10.99.1.1" "route get 10.99.1.1 from 10.0.2.1" \
	"route get 10.99.1.1 mark 7" "route get 10.99.1.1 mark 17" \
	"route get 10.99.1.1 oif a1" "route get 10.99.1.1 from 10.0.2.9 iif a1" \
	"route get 10.99.1.1 from 10.0.1.9 iif a0" "route get to 10.99.1.1 from 10.0.1.1" \
	"route get fd00:1::2" "route get 10.0.1.1"; do
	# shellcheck disable=SC2086
	same_text "$args" $args
done

# ---- rules -------------------------------------------------------------------
on_both "rule add from prefix lookup" rule add from 10.3.0.0/16 lookup 100
on_both "rule add to prefix table" rule add to 192.168.0.0/16 table 100 priority 300
on_both "rule add blackhole" rule add from 10.4.0.5 iif a0 pref 301 blackhole
on_both "rule add unreachable" rule add oif a1 pref 302 unreachable
on_both "rule add prohibit" rule add fwmark 0x10 pref 303 prohibit
on_both "rule add fwmark/mask" rule add fwmark 5/0xff lookup 1000 pref 304
on_both "rule add not" rule add not from 10.5.0.0/16 lookup main pref 305
on_both "rule add type blackhole" rule add to 10.6.0.0/16 type blackhole preference 306
on_both "rule add table big" rule add from 10.7.0.0/16 table 70000 order 307
on_both "rule add iif of no device" rule add iif nosuch0 lookup 100 pref 308
on_both "rule add table local" rule add from 10.8.0.0/16 table local pref 309
on_both "-6 rule add" -6 rule add from fd00:5::/64 lookup 100 pref 100
on_both "-6 rule add to" -6 rule add to fd00:6::1 lookup 200
same_state "rules: ip rule show" rule show
same_state "rules: ip -j rule show" -j rule show
same_state "rules: ip -6 rule show" -6 rule show
same_text "rule show" rule show
same_text "rule list" rule list
same_text "-6 rule show" -6 rule show
same_text "-4 rule show" -4 rule show
same_text "rule (no verb)" rule
same_text "-d rule show (protocols too)" -d rule show
for args in "rule show pref 301" "rule show from 10.0.0.0/8" "rule show from 10.4.0.5" \
	"rule show to 192.168.0.0/16" "rule show 192.168.0.0/16" "rule show not" \
	"rule show iif a0" "rule show dev a1" "rule show oif a1" "rule show fwmark 0x10" \
	"rule show fwmark 5/0xff" "rule show lookup 100" "rule show table main" \
	"rule show from all" "-6 rule show to fd00:6::/64" "rule show lookup 100 iif a0" \
	"rule show pref 4444"; do
	# shellcheck disable=SC2086
	same_text "$args" $args
done
same_text "-6 -d rule show" -6 -d rule show
on_both "rule del by priority" rule del pref 304
on_both "rule del by selector" rule del from 10.3.0.0/16 lookup 100
on_both "rule del type" rule del to 10.6.0.0/16 type blackhole
on_both "-6 rule del" -6 rule del from fd00:5::/64 lookup 100 pref 100
same_state "rules after del: ip rule show" rule show
same_state "rules after del: ip -6 rule show" -6 rule show
same_text "rule show after del" rule show
same_text "-6 rule show after del" -6 rule show
run nsv -n N rule del pref 4444
check_eq "rule del of no rule: exit 1" "$RC" 1
check_match "  ... with the kernel's reason" "$ERR" 'No such file or directory'

# ---- policy routing changes where a packet goes ---------------------------
# S reaches D's 10.99.0.1 (on lo) over s0 and over s1.  No IPv6 and
# permanent neighbours: nothing but the pings crosses the links, so S's
# counters say exactly where they went.  nsviz makes the rule and the
# table it points to.
for ns in S D; do
	ip netns add $ns
	ip netns exec $ns sysctl -qw net.ipv6.conf.all.disable_ipv6=1
	ip netns exec $ns sysctl -qw net.ipv6.conf.default.disable_ipv6=1
	ip netns exec $ns sysctl -qw net.ipv4.conf.all.rp_filter=0
	ip netns exec $ns sysctl -qw net.ipv4.conf.default.rp_filter=0
	ip -n $ns link set lo up
done
ip -n S link add s0 address 02:00:00:00:05:00 type veth peer name d0 address 02:00:00:00:0d:00 netns D
ip -n S link add s1 address 02:00:00:00:05:01 type veth peer name d1 address 02:00:00:00:0d:01 netns D
ip -n S addr add 10.0.1.1/24 dev s0
ip -n S addr add 10.0.2.1/24 dev s1
ip -n D addr add 10.0.1.2/24 dev d0
ip -n D addr add 10.0.2.2/24 dev d1
ip -n D addr add 10.99.0.1/32 dev lo
ip -n S neigh add 10.0.1.2 lladdr 02:00:00:00:0d:00 dev s0
ip -n S neigh add 10.0.2.2 lladdr 02:00:00:00:0d:01 dev s1
ip -n D neigh add 10.0.1.1 lladdr 02:00:00:00:05:00 dev d0
ip -n D neigh add 10.0.2.1 lladdr 02:00:00:00:05:01 dev d1
for d in s0 s1; do ip -n S link set $d up; done
for d in d0 d1; do ip -n D link set $d up; done
wait_carrier -n S s0
wait_carrier -n S s1
ip -n S route add 10.99.0.0/16 via 10.0.1.2
tx() { ip -n S -j -s link show "$1" | grep -o '"tx":{"bytes":[0-9]*,"packets":[0-9]*' | sed 's/.*://'; }
# ping_over DESC DEV OTHER: three pings from 10.0.2.1 leave by DEV only
ping_over() {
	s0_before=$(tx "$2") s1_before=$(tx "$3")
	run ip netns exec S ping -c 3 -q -I 10.0.2.1 10.99.0.1
	check_eq "$1: answered" "$RC" 0
	if [ "$(tx "$2")" -ge $((s0_before + 3)) ]; then pass "$1: they left by $2"; else
		fail "$1: they left by $2" "$2 tx packets $s0_before -> $(tx "$2")"; fi
	check_eq "$1: none left by $3" "$(tx "$3")" "$s1_before"
}
ping_over "pings from 10.0.2.1, no rule" s0 s1
check_rc "nsviz: route add ... table 200" 0 nsv -n S route add 10.99.0.0/16 via 10.0.2.2 table 200
check_rc "nsviz: rule add from 10.0.2.1 lookup 200" 0 nsv -n S rule add from 10.0.2.1 lookup 200
run nsv -n S route get 10.99.0.1
check_match "route get: the main table goes through s0" "$OUT" '^10.99.0.1 via 10.0.1.2 dev s0 '
run nsv -n S route get 10.99.0.1 from 10.0.2.1
check_match "route get from 10.0.2.1: table 200 goes through s1" "$OUT" \
	'^10.99.0.1 from 10.0.2.1 via 10.0.2.2 dev s1 table 200 '
ping_over "pings from 10.0.2.1, with the rule" s1 s0
check_rc "nsviz: rule del from 10.0.2.1 lookup 200" 0 nsv -n S rule del from 10.0.2.1 lookup 200
ping_over "pings from 10.0.2.1, rule deleted" s0 s1

# ---- neighbours ----------------------------------------------------------
on_both "neigh add permanent" neigh add 10.0.1.50 lladdr 02:00:00:00:00:50 dev a0
on_both "neigh add nud reachable" neigh add 10.0.1.51 lladdr 02:00:00:00:00:51 dev a0 nud reachable
on_both "neigh add nud stale" neigh add 10.0.2.52 lladdr 02:00:00:00:00:52 dev a1 nud stale
on_both "neigh add nud noarp" neigh add 10.0.2.53 lladdr 02:00:00:00:00:53 dev a1 nud noarp
on_both "neigh add IPv6" neigh add fd00:1::54 lladdr 02:00:00:00:00:54 dev a0
on_both "neigh add router" neigh add fd00:1::56 lladdr 02:00:00:00:00:56 dev a0 router
on_both "neigh replace" neigh replace 10.0.1.50 lladdr 02:00:00:00:01:50 dev a0
on_both "neigh replace (new)" neigh replace 10.0.1.55 lladdr 02:00:00:00:00:55 dev a0 nud permanent
on_both "neigh change" neigh change 10.0.2.52 lladdr 02:00:00:00:01:52 dev a1 nud permanent
on_both "neigh del" neigh del 10.0.1.55 dev a0
same_neigh "neighbours: ip neigh show nud all"
check_match "replace changed the MAC (ip -j)" "$(ip -n N -j neigh show 10.0.1.50)" \
	'"lladdr":"02:00:00:00:01:50"'
same_text "neigh show after neigh add" neigh show
same_text "neigh show dev a1" neigh show dev a1
run nsv -n N neigh add 10.0.1.50 lladdr 02:00:00:00:00:50 dev a0
check_eq "neigh add of an existing entry: exit 1" "$RC" 1
run nsv -n N neigh change 10.0.1.77 lladdr 02:00:00:00:00:77 dev a0
check_eq "neigh change of no entry: exit 1" "$RC" 1
on_both "neigh flush dev a0" neigh flush dev a0
same_neigh "after neigh flush dev a0: ip neigh show nud all"
check_match "  ... permanent entries stay" "$(ip -n N neigh show dev a0)" '10.0.1.50 lladdr'
on_both "neigh flush dev a1 nud permanent" neigh flush dev a1 nud permanent
same_neigh "after neigh flush nud permanent: ip neigh show nud all"
check_nomatch "  ... 10.0.2.52 is gone" "$(ip -n N neigh show dev a1)" '10.0.2.52'

# ---- addresses: show up, flush -------------------------------------------
for ns in I N; do
	ip -n $ns link add d0 type veth peer name d1
	ip -n $ns addr add 10.0.3.1/24 dev d0
	ip -n $ns addr add 10.0.3.2/24 dev d0
	ip -n $ns addr add 10.0.4.1/24 dev d1
	ip -n $ns addr add fd00:3::1/64 dev d0 nodad
	ip -n $ns link set d1 up
done
same_text "addr show up" addr show up
on_both "-4 addr flush dev d0" -4 addr flush dev d0
same_state "after -4 addr flush: ip -br addr show dev d0" -br addr show dev d0
check_nomatch "  ... no IPv4 left on d0" "$(ip -n N -4 addr show dev d0)" 'inet '
check_match "  ... IPv6 stays" "$(ip -n N addr show dev d0)" 'inet6 fd00:3::1/64'
on_both "addr flush dev d0 scope global" addr flush dev d0 scope global
same_state "after addr flush scope global: ip -br addr show dev d0" -br addr show dev d0
on_both "addr flush dev d1" addr flush dev d1
same_state "after addr flush dev d1: ip -br addr show dev d1" -br addr show dev d1
check_nomatch "  ... nothing left on d1" "$(ip -n N addr show dev d1)" 'inet'

# ---- one nsviz process: its world follows the kernel's events ------------
# each change above ran in a new nsviz, which read everything afresh; here
# one process changes and then shows, from what the events told it
# last_show DESC CMDS SHOW-ARGS: nsviz -c 'CMDS; SHOW' prints, at its end,
# what ip prints after it
last_show() {
	d=$1 cmds=$2
	shift 2
	# every command in N: "-n N CMD; -n N CMD; ..."
	cmds=$(printf '%s; %s' "$cmds" "$*" | tr '\n' ';' |
		sed -e 's/;[[:space:];]*/; -n N /g' -e 's/^[[:space:]]*/-n N /')
	run nsv -c "$cmds"
	check_eq "$d" "$OUT" "$(ip -n N "$@")"
}
last_show "route replace/append/prepend/change, then route show" \
	'route replace 10.30.0.0/16 dev a1; route append 10.30.0.0/16 via 10.0.1.2
	 route prepend 10.30.0.0/16 dev a0; route change 10.30.0.0/16 via 10.0.2.2
	 route replace 10.31.0.0/16 via 10.0.1.2 table 100
	 route replace 10.31.0.0/16 via 10.0.2.2 table 100
	 route add blackhole 10.32.0.0/16 table 100; route del 10.30.0.0/16 via 10.0.1.2
	 -6 route replace fd00:30::/64 dev a0; -6 route replace fd00:30::/64 via fd00:1::9' \
	route show table all
last_show "rule add/del, then rule show" \
	'rule add pref 500 lookup 5; rule add pref 500 lookup 6; rule add pref 400 lookup 7
	 rule add lookup 8; rule del pref 500 lookup 5' rule show
last_show "-6 rule add/del, then -6 rule show" \
	'-6 rule add pref 500 lookup 5; -6 rule add to fd00:40::/64 lookup 6
	 -6 rule del pref 500' -6 rule show
last_show "neigh add/replace/change/del/flush, then neigh show" \
	'neigh add 10.0.2.70 lladdr 02:00:00:00:00:70 dev a1
	 neigh add 10.0.2.71 lladdr 02:00:00:00:00:71 dev a1 nud stale
	 neigh replace 10.0.2.70 lladdr 02:00:00:00:01:70 dev a1
	 neigh change 10.0.2.71 lladdr 02:00:00:00:01:71 dev a1 nud permanent
	 neigh add 10.0.2.72 lladdr 02:00:00:00:00:72 dev a1 nud stale
	 neigh flush dev a1; neigh del 10.0.2.70 dev a1' neigh show dev a1
ip -n N addr add 10.0.5.1/24 dev d0
ip -n N addr add 10.0.5.2/24 dev d0
last_show "addr flush, then addr show" 'addr flush dev d0' addr show dev d0

# ---- bad input: a clear message, exit 1, nothing changed -------------------
before=$(ip -n N route show table all; ip -n N rule show; ip -n N -6 rule show; ip -n N neigh show nud all; ip -n N addr)
bad() {
	d=$1 pat=$2
	shift 2
	run nsv -n N "$@"
	if [ "$RC" = 1 ] && printf '%s\n' "$ERR" | grep -Eq -- "$pat"; then pass "$d"; else
		fail "$d" "command: $*" "exit $RC" "stderr: $ERR" "expected: $pat"; fi
}
bad "route add: table of no name" 'nosuchtable: ' route add 10.20.0.0/16 dev a0 table nosuchtable
bad "route show: table of no name" 'nosuchtable: ' route show table nosuchtable
bad "route show: a table the kernel does not have" 'FIB table does not exist' route show table 4242
bad "-6 route show: a table the kernel does not have" 'FIB table does not exist' -6 route show table 4242
on_both "route add in table 4343" route add 10.43.0.0/16 dev a0 table 4343
on_both "route del, the table stays" route del 10.43.0.0/16 dev a0 table 4343
same_text "route show of a table that was used, now empty" route show table 4343
bad "route show: a proto of no name" 'nosuchproto: ' route show proto nosuchproto
bad "route show: a type of no name" 'nosuchtype: ' route show type nosuchtype
bad "route show: dev of no device" 'nosuch0' route show dev nosuch0
bad "route get: iif without from" 'iif' route get 10.99.1.1 iif a1
bad "route get: mark not a number" 'xyz: ' route get 10.99.1.1 mark xyz
bad "route get: oif of no device" 'nosuch0' route get 10.99.1.1 oif nosuch0
bad "route change: no such route" '10.21.0.0/16' route change 10.21.0.0/16 dev a0
bad "rule add: no arguments" 'rule add' rule add
bad "rule add: priority not a number" 'abc: ' rule add from 10.0.0.0/8 pref abc
bad "rule add: prefix length" '10.0.0.0/33: ' rule add from 10.0.0.0/33 lookup 100
bad "rule add: table of no name" 'nosuchtable: ' rule add from 10.0.0.0/8 lookup nosuchtable
bad "rule add: fwmark not a number" '0xzz: ' rule add fwmark 0xzz lookup 100
bad "rule add: unknown word" 'frobnicate: ' rule add frobnicate lookup 100
bad "rule add: interface name too long" 'abcdefghijklmnopq: ' rule add iif abcdefghijklmnopq lookup 100
bad "rule del: no arguments" 'rule del' rule del
bad "rule add: the same rule again" 'exists already' rule add from 10.0.2.1 lookup 200 pref 201
bad "rule add: families disagree" 'fd00::/8: ' rule add from 10.0.0.0/8 to fd00::/8 lookup 100
bad "neigh add: no device" 'dev' neigh add 10.0.1.60 lladdr 02:00:00:00:00:60
bad "neigh add: bad MAC" 'zz:00:00:00:00:00: ' neigh add 10.0.1.60 lladdr zz:00:00:00:00:00 dev a0
bad "neigh add: bad nud" 'sleepy: ' neigh add 10.0.1.60 lladdr 02:00:00:00:00:60 dev a0 nud sleepy
bad "neigh add: no such device" 'nosuch0' neigh add 10.0.1.60 lladdr 02:00:00:00:00:60 dev nosuch0
bad "neigh del: no such entry" '10.0.1.61' neigh del 10.0.1.61 dev a0
bad "neigh flush: no arguments" 'flush' neigh flush
bad "addr flush: no arguments" 'flush' addr flush
bad "addr flush: no such device" 'nosuch0' addr flush dev nosuch0
bad "addr flush: bad scope" 'nowhere-ish: ' addr flush dev d0 scope nowhere-ish
after=$(ip -n N route show table all; ip -n N rule show; ip -n N -6 rule show; ip -n N neigh show nud all; ip -n N addr)
check_eq "bad input changed nothing" "$after" "$before"

done_testing
