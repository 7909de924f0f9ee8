#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The bridge command and bridge options, against the real kernel and the
# real ip and bridge (iproute2 6.1), both ways:
#   - nsviz makes bridges with options (link add ... type bridge OPTS),
#     changes them (link set ... type bridge OPTS, type bridge_slave
#     OPTS): `ip -d -j link show` sees each value;
#   - ip and bridge make ports and forwarding entries: nsviz's `bridge
#     link show`, `bridge fdb show`, `bridge vlan show` print the bytes
#     bridge prints (text, -d, -j, -j -p, dev and br filters, another
#     namespace);
#   - every request nsviz sends for these commands is the message ip or
#     bridge sends for the same command (strace, sequence and port id
#     zeroed), VLANs included;
#   - VLANs: with bridge VLAN filtering in the kernel, traffic between two
#     namespaces passes with the same VID on both ports and not with
#     different ones; without it (the test machines' kernel: it needs
#     8021q), nsviz fails as bridge does, and that part is a SKIP;
#   - bad input: a clear message naming the word, exit 1, nothing changed.
. "${TOP_SRCDIR:-$(dirname "$0")/../..}/tests/lib/common.sh"
sandbox_reexec

nsv() { "$NSVIZ" "$@"; }
T_SKIP=0
if ! command -v skip >/dev/null 2>&1; then
	skip() { T_N=$((T_N + 1)); T_SKIP=$((T_SKIP + 1)); echo "ok $T_N # SKIP $1"; }
fi

# same DESC CMD...: nsviz's `bridge CMD...` prints what bridge prints
same() {
	d=$1
	shift
	want=$(bridge "$@" 2>&1)
	got=$(nsv -c "bridge $*" 2>&1)
	check_eq "$d: nsviz bridge $* == bridge $*" "$got" "$want"
}

# IPv6 off: no addresses, multicast entries or neighbour traffic coming
# on their own between two listings that are compared
nsv -c 'netns add n1; netns add n2'
for ns in host n1 n2; do
	if [ "$ns" = host ]; then set --; else set -- -n "$ns"; fi
	for f in all default; do
		nsv "$@" sysctl -q -w "net.ipv6.conf.$f.disable_ipv6=1" ||
			echo "# could not turn IPv6 off in $ns"
	done
done

# The world as ip and bridge show it, before and after each case.
snapshot() {
	for ns in host n1 n2; do
		if [ "$ns" = host ]; then set --; else set -- -n "$ns"; fi
		echo "## $ns"
		# without the timers, which run
		ip "$@" -d -j link show 2>&1 | jq -S 'del(.[].linkinfo.info_data |
			objects | (.gc_timer, .hello_timer, .tcn_timer,
			.topology_change_timer)) | del(.[].linkinfo.info_slave_data |
			objects | (.hold_timer, .message_age_timer,
			.forward_delay_timer))'
		bridge "$@" -d link show 2>&1
		# learned entries (no state word) come and go with traffic
		bridge "$@" fdb show 2>&1 | grep -v ' $' 
		bridge "$@" vlan show 2>&1
	done
}

# === options: nsviz sets them, ip sees them ===================================
check_rc "link add br0 type bridge with options" 0 nsv -c '
	link add br0 type bridge stp_state 0 forward_delay 500 hello_time 150 max_age 1500 ageing_time 1000 priority 9 mcast_snooping 0'
data=$(ip -d -j link show br0 | jq -c '.[0].linkinfo.info_data |
	[.stp_state, .forward_delay, .hello_time, .max_age, .ageing_time, .priority, .mcast_snooping]')
check_eq "ip -d -j sees br0's options" "$data" "[0,500,150,1500,1000,9,0]"
check_rc "link set br0 type bridge stp_state 1 priority 100" 0 \
	nsv -c 'link set br0 type bridge stp_state 1 priority 100'
check_eq "ip -d -j sees the change" \
	"$(ip -d -j link show br0 | jq -c '.[0].linkinfo.info_data | [.stp_state, .priority, .forward_delay]')" \
	"[1,100,500]"
check_rc "link set br0 up type bridge stp_state 0" 0 nsv -c 'link set br0 up type bridge stp_state 0'
check_match "br0 is up" "$(ip link show br0)" '<[^>]*,UP[,>]'

check_rc "ports: veth pairs on br0, one peer in n1" 0 nsv -c '
	link add p0 type veth peer name q0
	link add p1 type veth peer name eth0 netns n1
	link add p2 type veth peer name eth0 netns n2
	link set p0 master br0; link set p1 master br0; link set p2 master br0
	link set p0 up; link set q0 up; link set p1 up; link set p2 up
	-n n1 link set eth0 up; -n n2 link set eth0 up'
# a port's state can be set once it is operationally up, which the kernel
# says a moment after its carrier (linkwatch): ENETDOWN before (seen
# under load in the full suite)
wait_carrier p1
check_rc "link set p1 type bridge_slave ..." 0 nsv -c '
	link set p1 type bridge_slave learning off flood off cost 7 priority 5 hairpin on isolated on state 3'
check_eq "ip -d -j sees p1's port options" \
	"$(ip -d -j link show p1 | jq -c '.[0].linkinfo.info_slave_data |
		[.learning, .flood, .cost, .priority, .hairpin, .isolated, .state]')" \
	'[false,false,7,5,true,true,"forwarding"]'
check_rc "link set p1 type bridge_slave learning on flood on" 0 \
	nsv -c 'link set p1 type bridge_slave learning on flood on isolated off'
check_eq "ip -d -j sees the change" \
	"$(ip -d -j link show p1 | jq -c '.[0].linkinfo.info_slave_data | [.learning, .flood, .isolated, .cost]')" \
	'[true,true,false,7]'

# === ip and bridge make things, nsviz shows them as bridge does ===============
ip link set p2 type bridge_slave cost 11 hairpin on
bridge fdb add 02:00:00:00:00:99 dev p0 master static
bridge fdb add 02:00:00:00:00:98 dev p2 master
bridge fdb add 02:00:00:00:00:97 dev p0 self permanent
wait_carrier p0
wait_carrier p1
wait_carrier p2
for o in "" "-d " "-j " "-d -j " "-j -p " "-s "; do
	same "link" ${o}link show
done
same "link, one port" link show dev p2
same "link, a veth peer elsewhere" -d link show dev p1
for o in "" "-j " "-j -p "; do
	same "fdb" ${o}fdb show
	same "fdb of a port" ${o}fdb show dev p0
	same "fdb of a bridge" ${o}fdb show br br0
done
same "fdb, brport and br" fdb show brport p2 br br0
# -s: when each entry was last used and updated, in seconds, which can
# tick between the two listings: compared again until both agree
for try in 1 2 3 4 5; do
	want=$(bridge -s fdb show dev p0 2>&1)
	got=$(nsv -c 'bridge -s fdb show dev p0' 2>&1)
	[ "$got" = "$want" ] && break
done
check_eq "fdb -s: nsviz bridge -s fdb show dev p0 == bridge's" "$got" "$want"
check_match "fdb -s: used/updated shown" "$got" ' used [0-9]+/[0-9]+ '
for try in 1 2 3 4 5; do
	want=$(bridge -s -j fdb show 2>&1)
	got=$(nsv -c 'bridge -s -j fdb show' 2>&1)
	[ "$got" = "$want" ] && break
done
check_eq "fdb -s -j: nsviz == bridge" "$got" "$want"
same "vlan" vlan show
same "vlan" -j vlan show
same "vlan" -j -p vlan show
same "vlan of a port" vlan show dev p0
# abbreviated and defaulted as bridge reads them
check_eq "bridge l == bridge link show" "$(nsv -c 'bridge l')" "$(bridge link show)"
check_eq "bridge fdb == bridge fdb show" "$(nsv -c 'bridge fdb')" "$(bridge fdb show)"
check_eq "bridge v == bridge vlan show" "$(nsv -c 'bridge v')" "$(bridge vlan show)"

# a bridge in another namespace, by -n before or after the word bridge
ip -n n1 link add brn type bridge
ip -n n1 link add a type veth peer name b
ip -n n1 link set a master brn
ip -n n1 link set a up; ip -n n1 link set b up; ip -n n1 link set brn up
bridge -n n1 fdb add 02:00:00:00:00:42 dev a master static
for what in "link show" "fdb show" "fdb show br brn" "vlan show" "-d link show"; do
	want=$(bridge -n n1 $what 2>&1)
	check_eq "n1: nsviz -n n1 bridge $what" "$(nsv -n n1 bridge $what 2>&1)" "$want"
	check_eq "n1: nsviz bridge -n n1 $what" "$(nsv -c "bridge -n n1 $what" 2>&1)" "$want"
	check_eq "n1: nsviz netns exec n1 bridge $what" \
		"$(nsv -c "netns exec n1 bridge $what" 2>&1)" "$want"
done

# === the requests: what ip and bridge send =====================================
# nlmsgs FILE: the netlink messages an strace -e write=all log shows sent,
# one a line in hex, nlmsg_len bytes each, sequence and port id zeroed
nlmsgs() {
	awk '
	function hexval(h,   d) { d = "0123456789abcdef"
		return (index(d, substr(h, 1, 1)) - 1) * 16 + index(d, substr(h, 2, 1)) - 1 }
	function flush(   n, i) {
		if (cur == "") return
		n = 0; for (i = 7; i >= 1; i -= 2) n = n * 256 + hexval(substr(cur, i, 2))
		print substr(substr(cur, 1, 16) "0000000000000000" substr(cur, 33), 1, n * 2)
		cur = ""
	}
	/^([0-9]+ +)?(\[pid +[0-9]+\] )?send(msg|to)\(/ { flush(); insend = 1; next }
	/^ \| [0-9a-f]+  / { if (insend) { h = substr($0, 11, 49); gsub(/ /, "", h); cur = cur h }; next }
	/^ \* [0-9]+ bytes in buffer/ { next }
	{ flush(); insend = 0 }
	END { flush() }' "$1"
}
# sent TYPE FAMILY CMD...: the last message of TYPE (hex, as in memory:
# 1000 is RTM_NEWLINK) with FAMILY (its first byte: 00, 07 AF_BRIDGE)
# that CMD sends
sent() {
	t=$1 f=$2
	shift 2
	strace -f -qq -e trace=sendmsg,sendto -e write=all -o "$TMPD/strace" "$@" \
		>/dev/null 2>&1
	nlmsgs "$TMPD/strace" | grep "^........$t....................$f" | tail -n 1
}
# same_request DESC TYPE FAMILY 'NSVIZ COMMAND' IP-OR-BRIDGE-CMD...; with
# UNDO set, that command runs after each of the two (to make brx again)
same_request() {
	d=$1 t=$2 f=$3 n=$4
	shift 4
	want=$(sent "$t" "$f" "$@")
	[ -z "${UNDO:-}" ] || $UNDO
	got=$(sent "$t" "$f" "$NSVIZ" -c "$n")
	[ -z "${UNDO:-}" ] || $UNDO
	if [ -n "$want" ] && [ "$got" = "$want" ]; then pass "request: $d"; else
		fail "request: $d" "nsviz -c '$n':" "$got" "$*:" "$want"
	fi
}
if ! command -v strace >/dev/null ||
   ! strace -qq -e trace=none true 2>/dev/null; then
	skip "requests compared with ip's and bridge's: strace is needed"
else
	ip link add brq type bridge
	ip link add sq type veth peer name tq
	ip link set sq master brq
	UNDO="ip link del brx"
	same_request "link add type bridge OPTS" 1000 00 \
		'link add brx type bridge vlan_filtering 0 stp_state 1 priority 100 vlan_protocol 802.1ad forward_delay 1000 hello_time 200 max_age 2000 ageing_time 300 vlan_default_pvid 1 mcast_snooping 0' \
		ip link add brx type bridge vlan_filtering 0 stp_state 1 priority 100 vlan_protocol 802.1ad forward_delay 1000 hello_time 200 max_age 2000 ageing_time 300 vlan_default_pvid 1 mcast_snooping 0
	same_request "link add type bridge" 1000 00 'link add brx type bridge' \
		ip link add brx type bridge
	UNDO=
	same_request "link set type bridge OPTS" 1000 00 \
		'link set brq type bridge mcast_snooping 0 ageing_time 20000 vlan_default_pvid 7' \
		ip link set brq type bridge mcast_snooping 0 ageing_time 20000 vlan_default_pvid 7
	same_request "link set type bridge_slave OPTS" 1000 00 \
		'link set sq type bridge_slave learning off cost 7 priority 5 hairpin on isolated on state 3 flood off' \
		ip link set sq type bridge_slave learning off cost 7 priority 5 hairpin on isolated on state 3 flood off
	same_request "link set with other settings and type, one request" 1000 00 \
		'link set sq mtu 1400 up type bridge_slave cost 5' \
		ip link set sq mtu 1400 up type bridge_slave cost 5
	same_request "link set down type bridge" 1000 00 \
		'link set brq down type bridge stp_state 0' \
		ip link set brq down type bridge stp_state 0
	same_request "bridge vlan add pvid untagged" 1300 07 \
		'bridge vlan add dev sq vid 10 pvid untagged' bridge vlan add dev sq vid 10 pvid untagged
	same_request "bridge vlan add a range, master" 1300 07 \
		'bridge vlan add dev sq vid 20-30 master' bridge vlan add dev sq vid 20-30 master
	same_request "bridge vlan add self" 1300 07 \
		'bridge vlan add dev brq vid 20 self' bridge vlan add dev brq vid 20 self
	same_request "bridge vlan del" 1100 07 \
		'bridge vlan del dev sq vid 10' bridge vlan del dev sq vid 10
	same_request "bridge vlan del a range" 1100 07 \
		'bridge vlan del dev sq vid 20-30 self master' bridge vlan del dev sq vid 20-30 self master
	same_request "bridge vlan show's dump" 1200 07 'bridge vlan show' bridge vlan show
	same_request "bridge link show's dump" 1200 07 'bridge link show' bridge link show
	same_request "bridge fdb show's dump" 1e00 07 'bridge fdb show' bridge fdb show
	same_request "bridge fdb show dev's dump" 1e00 07 'bridge fdb show dev sq' bridge fdb show dev sq
	same_request "bridge fdb show br's dump" 1e00 07 'bridge fdb show br brq' bridge fdb show br brq
	ip link del sq
	ip link del brq
fi

# === VLANs ===================================================================
ip link add brv type bridge
if ip link set brv type bridge vlan_filtering 1 2>/dev/null; then
	ip link del brv
	check_rc "vlan_filtering 1 from nsviz" 0 nsv -c 'link set br0 type bridge vlan_filtering 1'
	check_eq "ip -d -j sees vlan_filtering 1" \
		"$(ip -d -j link show br0 | jq '.[0].linkinfo.info_data.vlan_filtering')" 1
	ip -n n1 addr add 10.30.0.1/24 dev eth0
	ip -n n2 addr add 10.30.0.2/24 dev eth0
	check_rc "VLAN 10 on p1 and p2, untagged, the ports' PVID" 0 nsv -c '
		bridge vlan del dev p1 vid 1; bridge vlan del dev p2 vid 1
		bridge vlan add dev p1 vid 10 pvid untagged
		bridge vlan add dev p2 vid 10 pvid untagged'
	same "vlans set by nsviz" vlan show
	same "vlans set by nsviz" -j vlan show
	check_match "bridge vlan show sees VLAN 10 on p2" "$(bridge vlan show dev p2)" \
		'^p2 +10 PVID Egress Untagged$'
	check_rc "n1 pings n2 on VLAN 10" 0 nsv -n n1 ping -c 1 -W 2 10.30.0.2
	check_rc "p2 moves to VLAN 20" 0 nsv -c '
		bridge vlan del dev p2 vid 10; bridge vlan add dev p2 vid 20 pvid untagged'
	check_rc "n1 cannot ping n2 on another VLAN" 1 nsv -n n1 ping -c 1 -W 1 10.30.0.2
	bridge vlan add dev p1 vid 30-35
	bridge vlan add dev br0 vid 20 self
	same "vlans set by bridge" vlan show
	same "vlans set by bridge" -j -p vlan show
	check_rc "p1 back on VLAN 20 too" 0 nsv -c 'bridge vlan add dev p1 vid 20 pvid untagged'
	check_rc "n1 pings n2 on VLAN 20" 0 nsv -n n1 ping -c 1 -W 2 10.30.0.2
else
	ip link del brv
	want=$(ip link set br0 type bridge vlan_filtering 1 2>&1)
	run nsv -c 'link set br0 type bridge vlan_filtering 1'
	check_eq "vlan_filtering 1 without kernel support: exit status 1" "$RC" 1
	check_match "... the kernel's answer, as ip has it ($want)" "$ERR" \
		'^nsviz: br0: Operation not supported \('
	snapshot >"$TMPD/before"
	want=$(bridge vlan add dev p1 vid 10 2>&1)
	run nsv -c 'bridge vlan add dev p1 vid 10 pvid untagged'
	check_eq "bridge vlan add without kernel support: exit status 1" "$RC" 1
	check_match "... the kernel's answer, as bridge has it ($want)" "$ERR" \
		'^nsviz: p1: Operation not supported \(.*CONFIG_BRIDGE_VLAN_FILTERING\)$'
	snapshot >"$TMPD/after"
	check_eq "... nothing changed" "$(diff "$TMPD/before" "$TMPD/after")" ""
	skip "traffic through a VLAN-filtering bridge: this kernel has no bridge VLAN filtering (CONFIG_BRIDGE_VLAN_FILTERING, which needs 8021q)"
fi

# === bad input ===============================================================
snapshot >"$TMPD/before"

# COMMAND|MESSAGE (an extended regex after "nsviz: ")
cat >"$TMPD/table" <<'EOF'
bridge vlan add dev nope vid 10|nope: no such device in the host namespace$
bridge vlan add dev q0 vid 10|q0: neither a bridge nor a bridge port
bridge vlan add dev p1 vid 0|0: not a VLAN ID \(expected 1\.\.4094, or a range like 10-20\)$
bridge vlan add dev p1 vid 4095|4095: not a VLAN ID
bridge vlan add dev p1 vid 20-10|20-10: not a VLAN range
bridge vlan add dev p1 vid 10-20 pvid|pvid: cannot be set for a VLAN range \(10-20\)$
bridge vlan add dev p1|vlan add dev p1: missing vid VID$
bridge vlan add vid 10|vlan add vid 10: missing dev NAME
bridge vlan add dev p1 vid 10 tagged|tagged: unknown bridge vlan argument
bridge vlan del dev p1 vid 10 vid 11|vid: given twice
bridge vlan frob|vlan frob: unknown bridge vlan command \(expected add, del or show\)$
bridge vlan tunnelshow|vlan tunnelshow: not supported by nsviz
bridge vlan show dev nope|Cannot find device "nope"$
bridge vlan show vid 10|vid: filter not supported by nsviz
bridge -d vlan show|-d: bridge -d vlan show is not supported by nsviz$
bridge fdb show br nope|Cannot find bridge device "nope"$
bridge fdb show dev nope|Cannot find device "nope"$
bridge fdb add 02:00:00:00:00:01 dev p0|fdb add: not supported by nsviz
bridge fdb show state permanent|state: filter not supported by nsviz
bridge link set dev p0 cost 1|link set: not supported by nsviz
bridge link show p0|p0: unknown argument after link show
bridge mdb show|mdb: not supported by nsviz
bridge vxlan|vxlan: unknown bridge command \(expected link, fdb or vlan\)$
bridge -c vlan|-c: bridge option not supported by nsviz
bridge -n nope vlan show|nope: no such network namespace$
bridge|bridge: missing object \(expected link, fdb or vlan\)$
link add br9 type bridge g 1|g: means group_fwd_mask, a bridge option nsviz does not support
link add br9 type bridge stp_state on|on: stp_state must be a number
link add br9 type bridge vlan_protocol 802.1x|802.1x: vlan_protocol must be 802.1Q or 802.1ad$
link add br9 type bridge learning off|learning: unknown bridge option
link add br0 type bridge stp_state 1|br0: device already exists in the host namespace$
link set p0 type bridge stp_state 1|p0: not a bridge \(type bridge options are a bridge's own
link set q0 type bridge_slave learning off|q0: not a bridge port \(make it one first: link set q0 master BRIDGE\)$
link set br0 type bridge_slave cost 1|br0: not a bridge port
link set p0 type bridge_slave learning maybe|maybe: learning must be on or off$
link set p0 type bridge_slave guard on|guard: bridge_slave option not supported by nsviz
link set p0 type vxlan id 1|vxlan: link type not supported by link set
link set p0 netns n1 type bridge_slave cost 1|type: cannot be combined with netns
link set nope type bridge stp_state 1|nope: no such device in the host namespace$
EOF
# one_door c|w COMMAND MESSAGE: through -c, or as the words of nsviz's
# command line
one_door() {
	door=$1 cmd=$2 msg=$3
	if [ "$door" = c ]; then
		label="-c '$cmd'"
		run "$NSVIZ" -c "$cmd"
	else
		label="words: $cmd"
		# shellcheck disable=SC2086
		run "$NSVIZ" $cmd
	fi
	if [ "$RC" = 1 ]; then pass "$label: exit status 1"; else
		fail "$label: exit status 1" "exit status $RC" "stdout: $OUT" \
			"stderr: $ERR"
	fi
	check_match "$label: message" "$ERR" "^nsviz: (-c: )?$msg"
	check_eq "$label: nothing on stdout" "$OUT" ""
	snapshot >"$TMPD/after"
	if cmp -s "$TMPD/before" "$TMPD/after"; then pass "$label: nothing changed"; else
		fail "$label: nothing changed" "$(diff "$TMPD/before" "$TMPD/after" | head -n 20)"
	fi
	mv "$TMPD/after" "$TMPD/before"
}
N_CASES=0
while IFS= read -r line; do
	case $line in '#'*|'') continue ;; esac
	cmd=${line%%|*}; msg=${line#*|}
	N_CASES=$((N_CASES + 1))
	one_door c "$cmd" "$msg"
	one_door w "$cmd" "$msg"
done <"$TMPD/table"
echo "# $N_CASES bad inputs"

[ "$T_SKIP" = 0 ] || echo "# $T_SKIP skipped"
# the kernel announces no change of a bridge's or a port's options: one
# nsviz session that sets them and then shows them must read them again
got=$(nsv -c 'link add brz type bridge; link add zq0 type veth peer name zq1
	link set zq0 master brz; link set brz type bridge priority 4242
	-d link show brz; link set zq0 type bridge_slave cost 4343
	-d link show zq0; link del brz; link del zq0' 2>&1)
check_match "one session: -d link show sees the priority just set" "$got" ' priority 4242 '
check_match "one session: -d link show sees the port cost just set" "$got" ' cost 4343 '

done_testing
