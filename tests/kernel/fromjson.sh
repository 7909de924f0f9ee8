#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# show --json to commands (src/topo/fromjson.c) against the real kernel:
# a lab made by the real ip (a veth from the host into A, a veth between
# A and B, a bridge with ports and options, a macvlan, a vxlan, a vlan
# where the kernel has 8021q, v4 and v6 addresses, routes with via,
# metric, table and type, a rule, a permanent neighbour, MTUs) is read
# with `nsviz show --json`, translated (tests/lib/json2cmds), and the
# commands run with `nsviz -b` in a fresh sandbox (its own network and
# mounts).  Then ip -j of both worlds, per namespace, must agree: links
# (name, kind, MTU, up, master, lower device, the kind's and the port's
# options),
# addresses, routes of every table, rules, permanent neighbours, and
# where each veth's peer is.  Left out of the comparison: ifindexes, MACs
# and what the kernel makes from them (IPv6 link-local addresses and
# their routes), counters.
. "${TOP_SRCDIR:-$(dirname "$0")/../..}/tests/lib/common.sh"
sandbox_reexec

J2C=$(dirname "$NSVIZ")/tests/lib/json2cmds
if [ ! -x "$J2C" ]; then
	echo "SKIP: $J2C is not built (make builds it)" >&2
	exit 77
fi
if ! command -v jq >/dev/null; then
	echo "SKIP: jq is needed" >&2
	exit 77
fi

ip netns add A
ip netns add B
ip link add h0 type veth peer name h1 netns A
ip addr add 10.0.5.1/24 dev h0
ip link set h0 up
ip -n A addr add 10.0.5.2/24 dev h1
ip -n A link set h1 up
ip -n A link set lo up
ip -n A link add a0 type veth peer name b0 netns B
ip -n A link set a0 mtu 1400
ip -n A addr add 10.0.1.1/24 dev a0
ip -n A addr add fd00:1::1/64 dev a0
ip -n A link set a0 up
ip -n B link add br0 type bridge stp_state 0 forward_delay 500 priority 4096
ip -n B link set b0 mtu 1400
ip -n B link set b0 master br0
ip -n B link add p0 type veth peer name p1
ip -n B link set p0 master br0
ip -n B link set p0 type bridge_slave learning off hairpin on priority 7
ip -n B addr add 10.0.1.2/24 dev br0
ip -n B addr add fd00:1::2/64 dev br0
ip -n B link set b0 up
ip -n B link set p0 up
ip -n B link set p1 up
ip -n B link set br0 up
ip -n B link add link p1 name mv0 type macvlan mode bridge
ip -n B addr add 10.0.7.1/24 dev mv0
ip -n B link add vx0 type vxlan id 42 remote 10.0.1.1 local 10.0.1.2 dev br0 dstport 4789
have_vlan=0
if ip -n A link add link a0 name a0.10 type vlan id 10 2>/dev/null; then
	have_vlan=1
	ip -n A addr add 10.0.10.1/24 dev a0.10
	ip -n A link set a0.10 up
fi
ip -n A route add 10.9.0.0/16 via 10.0.1.2 metric 50
ip -n A route add 10.8.0.0/16 via 10.0.1.2 table 100
ip -n A route add blackhole 10.66.0.0/16
ip -n A route add fd00:9::/64 via fd00:1::2
ip -n A -6 route add fd00:8::/64 dev a0 metric 7
ip -n A rule add from 10.0.1.0/24 lookup 100 pref 1000
ip -n A neigh add 10.0.1.9 lladdr 02:00:00:00:00:09 dev a0 nud permanent
ip route add 10.0.1.0/24 via 10.0.5.2

# dump: the world as ip -j sees it, in a form both worlds share
cat >"$TMPD/dump.sh" <<'EOF'
links='[.[] | {ifname, mtu, up: ((.flags | index("UP")) != null),
	kind: .linkinfo.info_kind, slave: .linkinfo.info_slave_kind, master,
	lower: .link, data: (.linkinfo.info_kind as $k | .linkinfo.info_data |
		if $k == "vlan" then {id, protocol}
		elif $k == "macvlan" then {mode}
		elif $k == "vxlan" then {id, remote, local, link, port}
		elif $k == "bridge" then {stp_state, forward_delay, priority}
		else null end),
	port: (.linkinfo.info_slave_data | if . then
		{priority, hairpin, learning, flood, isolated} else null end)}]
	| sort_by(.ifname)'
addrs='[.[] | .ifname as $i | .addr_info[]
	| select(.family == "inet" or (.local | startswith("fe80") | not))
	| "\($i) \(.local)/\(.prefixlen)"] | sort'
routes='[.[] | select((.dst | startswith("fe80")) | not) | del(.flags)] | map(tostring) | sort'
for ns in "" A B; do
	n=${ns:+-n $ns}
	echo "== ${ns:-host}"
	# shellcheck disable=SC2086
	{
		echo "links: $(ip $n -d -j link show | jq -c "$links")"
		echo "addrs: $(ip $n -j addr show | jq -c "$addrs")"
		echo "routes: $(ip $n -d -j route show table all | jq -c "$routes")"
		echo "routes6: $(ip $n -6 -d -j route show table all | jq -c "$routes")"
		echo "rules: $(ip $n -j rule show | jq -c .)"
		echo "rules6: $(ip $n -6 -j rule show | jq -c .)"
		echo "neigh: $(ip $n -j neigh show nud permanent | jq -c 'sort_by(.dst)')"
	}
done
echo "== peers"
"$NSVIZ" show --json | jq -r '.namespaces[] | .label as $ns | .links[]
	| select(.peer != null) | "\($ns)/\(.ifname) \(.peer.namespace)/\(.peer.name)"' | sort
EOF

# settled: DAD over, carriers up (both worlds are read so)
settle() {
	_i=0
	while [ $_i -lt 200 ]; do
		if ! { ip addr; ip -n A addr; ip -n B addr; } | grep -q tentative; then
			return 0
		fi
		sleep 0.05
		_i=$((_i + 1))
	done
	echo "# addresses still tentative after 10 s"
}
wait_carrier h0
wait_carrier -n A a0
wait_carrier -n B br0
settle

check_rc "show --json of the lab" 0 "$NSVIZ" show --json
printf '%s\n' "$OUT" >"$TMPD/lab.json"
check_rc "translated" 0 "$J2C" "$TMPD/lab.json"
printf '%s\n' "$OUT" >"$TMPD/lab.cmds"
check_eq "nothing left out" "$(grep '^#' "$TMPD/lab.cmds")" ""
check_match "a veth from the host end, into A" "$OUT" \
	'^ip link add h0 type veth peer name h1 netns A$'
check_match "the bridge with its options" "$OUT" \
	'^ip -n B link add br0 type bridge forward_delay 500 priority 4096$'
check_match "a route with via, metric" "$OUT" \
	'^ip -n A route add 10\.9\.0\.0/16 via 10\.0\.1\.2 dev a0 metric 50$'
check_match "a port's options" "$OUT" \
	'^ip -n B link set p0 type bridge_slave priority 7 hairpin on learning off$'
check_match "a rule" "$OUT" '^ip -n A rule add from 10\.0\.1\.0/24 pref 1000 lookup 100$'
check_nomatch "no kernel routes, no link-local addresses" "$OUT" 'fe80|proto kernel'
sh "$TMPD/dump.sh" >"$TMPD/world1" 2>&1

# world N 'MAKE' ['AFTER']: a fresh network and mount namespace where
# MAKE (shell, with $D the test's directory) makes the lab, then once it
# is settled the dump into $D/worldN, then AFTER
world() {
	NSVIZ_TEST_D=$TMPD NSVIZ_TEST_N=$1 NSVIZ_TEST_MAKE=$2 NSVIZ_TEST_AFTER=${3:-:} \
	unshare --net --mount --pid --fork --mount-proc --propagation private sh -c '
	D=$NSVIZ_TEST_D
	mount -t tmpfs -o mode=0755 tmpfs /run/netns || exit 99
	eval "$NSVIZ_TEST_MAKE" || exit 1
	for i in $(seq 200); do
		if ip -o link show h0 | grep -q " state UP " &&
		   ip -n A -o link show a0 | grep -q " state UP " &&
		   ip -n B -o link show br0 | grep -q " state UP " &&
		   ! { ip addr; ip -n A addr; ip -n B addr; } | grep -q tentative; then
			break
		fi
		sleep 0.05
	done
	sh "$D/dump.sh" >"$D/world$NSVIZ_TEST_N" 2>&1
	eval "$NSVIZ_TEST_AFTER"'
}

# the second world: the batch run there by nsviz
world 2 '"$NSVIZ" -b "$D/lab.cmds" >"$D/batch.out" 2>&1' \
	'"$NSVIZ" show --json >"$D/lab2.json"'
RC=$?
check_eq "nsviz -b runs the commands in a fresh sandbox" "$RC" 0
[ "$RC" = 0 ] || sed 's/^/#   /' "$TMPD/batch.out"

# per namespace, per kind of object
for part in links addrs routes routes6 rules rules6 neigh; do
	for ns in host A B; do
		w1=$(sed -n "/^== $ns\$/,/^==/p" "$TMPD/world1" | grep "^$part: ")
		w2=$(sed -n "/^== $ns\$/,/^==/p" "$TMPD/world2" | grep "^$part: ")
		check_eq "$ns: the same $part" "$w2" "$w1"
	done
done
check_eq "the same peers" "$(sed -n '/^== peers/,$p' "$TMPD/world2")" \
	"$(sed -n '/^== peers/,$p' "$TMPD/world1")"
if [ $have_vlan = 1 ]; then
	check_match "the vlan is made" "$(cat "$TMPD/lab.cmds")" \
		'^ip -n A link add link a0 name a0\.10 type vlan id 10$'
else
	skip "vlan: the kernel has no 8021q"
fi

# a third world: `nsviz apply` of the JSON document itself in a fresh
# sandbox (apply runs its commands in a scratch sandbox, then only what
# differs here: everything)
world 3 '"$NSVIZ" apply "$D/lab.json" >"$D/apply.out" 2>&1' \
	'"$NSVIZ" apply "$D/lab.json" >"$D/apply2.out" 2>&1'
RC=$?
check_eq "nsviz apply of the JSON document in a fresh sandbox" "$RC" 0
[ "$RC" = 0 ] || sed 's/^/#   /' "$TMPD/apply.out"
check_eq "... the same world as ip made" "$(cat "$TMPD/world3")" \
	"$(cat "$TMPD/world1")"
check_match "... and a second apply has nothing to do" \
	"$(cat "$TMPD/apply2.out")" 'nothing to change'
check_rc "diff of the JSON document against the lab it came from" 0 \
	"$NSVIZ" diff "$TMPD/lab.json"
check_eq "... nothing to run" "$OUT" ""

# the second world says the same commands (in the order of its own
# ifindexes: compared as sets)
check_rc "the second world translated" 0 "$J2C" "$TMPD/lab2.json"
check_eq "the same commands from both worlds" \
	"$(printf '%s\n' "$OUT" | sort)" "$(sort "$TMPD/lab.cmds")"

# a hostile name goes through as one word
ip netns add 'x;y'
ip -n 'x;y' link add 'd$(id)' type veth peer name 'q"w'
check_rc "a hostile name: translated" 0 sh -c "\"$NSVIZ\" show --json | \"$J2C\" -"
check_match "... quoted, one word" "$OUT" \
	"^ip -n 'x;y' link add ('d\\\$\\(id\\)'|'q\"w') type veth peer name ('d\\\$\\(id\\)'|'q\"w')\$"

# bad input: the file and the path, exit 1, nothing written
printf '{"version": 1, "namespaces": []}\n' >"$TMPD/v1.json"
check_rc "version 1: refused" 1 "$J2C" "$TMPD/v1.json"
check_eq "... saying so" "$ERR" \
	"$TMPD/v1.json: version: 1 is not supported (expected 2, from nsviz show --json)"
check_eq "... nothing written" "$OUT" ""

done_testing
