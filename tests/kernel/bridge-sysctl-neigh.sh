#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Bridges, per-namespace sysctls and the neighbour table, against the real
# kernel, cross-checked with the real ip and sysctl:
#   - three namespaces on a bridge in the host ping each other; a port
#     taken out with nomaster stops answering and comes back with master;
#   - a router namespace joins two subnets, with default routes on both
#     sides: the ping across fails until its ip_forward is 1, and the
#     setting is the router's alone;
#   - sysctl reads what /proc says inside `ip netns exec`, and what
#     sysctl(8) says there;
#   - neigh show prints what ip neigh show prints, after traffic, IPv4 and
#     IPv6;
#   - bad input: a clear message naming the object, exit status 1, and
#     nothing changed.
. "${TOP_SRCDIR:-$(dirname "$0")/../..}/tests/lib/common.sh"
sandbox_reexec

nsv() { "$NSVIZ" "$@"; }

# in_ns NS CMD...: CMD in NS ("host": here), as ip netns exec runs it
in_ns() {
	ns=$1
	shift
	if [ "$ns" = host ]; then "$@"; else ip netns exec "$ns" "$@"; fi
}

# proc_val NS KEY: the key's value as /proc shows it inside NS
proc_val() {
	in_ns "$1" cat "/proc/sys/$(printf '%s' "$2" | tr . /)"
}

# same_neigh DESC NS [ARGS]: nsviz's neigh show == ip's, retried: an
# entry may change state (REACHABLE -> STALE) between the two commands
same_neigh() {
	d=$1 ns=$2
	shift 2
	for try in 1 2 3 4 5; do
		got=$(nsv -n "$ns" "$@" neigh show 2>&1)
		want=$(ip -n "$ns" "$@" neigh show 2>&1)
		[ "$got" = "$want" ] && break
		sleep 0.2
	done
	check_eq "$d" "$got" "$want"
}

# IPv6 off where IPv4 is all a test needs: no DAD, no router
# solicitations, no neighbour entries appearing on their own.  Set with
# nsviz's own sysctl, in each namespace.
no_ipv6() {
	for ns in "$@"; do
		if [ "$ns" = host ]; then set -- ; else set -- -n "$ns"; fi
		for f in all default; do
			nsv "$@" sysctl -q -w "net.ipv6.conf.$f.disable_ipv6=1" ||
				echo "# could not turn IPv6 off in $ns"
		done
	done
}

# === three namespaces on a bridge ============================================
check_rc "netns add n1 n2 n3" 0 nsv -c 'netns add n1; netns add n2; netns add n3'
no_ipv6 host n1 n2 n3
check_rc "a bridge, three veth pairs, the ports on the bridge" 0 nsv -c '
	link add br0 type bridge
	link set br0 up
	link add p1 type veth peer name eth0 netns n1
	link add p2 type veth peer name eth0 netns n2
	link add p3 type veth peer name eth0 netns n3
	link set p1 master br0 up
	ip link set dev p2 up master br0
	link set p3 up
	link set p3 master br0
	-n n1 addr add 10.10.0.1/24 dev eth0
	-n n2 addr add 10.10.0.2/24 dev eth0
	-n n3 addr add 10.10.0.3/24 dev eth0
	-n n1 link set eth0 up
	-n n2 link set eth0 up
	netns exec n3 ip link set eth0 up'

check_eq "br0 is a bridge (ip -d -j)" \
	"$(ip -d -j link show br0 | jq -r '.[0].linkinfo.info_kind')" "bridge"
for p in p1 p2 p3; do
	check_eq "$p's master is br0 (ip -j)" \
		"$(ip -j link show "$p" | jq -r '.[0].master')" "br0"
done
check_eq "link show == ip link show (bridge and ports)" \
	"$(nsv link show)" "$(ip link show)"
check_eq "link show br0 == ip" "$(nsv link show br0)" "$(ip link show br0)"
check_eq "addr show == ip addr show (bridge and ports)" \
	"$(nsv addr show)" "$(ip addr show)"
run nsv show
check_match "show: p1 is a port of br0 (MASTER column)" "$OUT" \
	'^  p1 +veth +eth0 in n1 +br0 +up '
check_match "show: br0 is a bridge" "$OUT" '^  br0 +bridge +- +- +up '
check_eq "show --json: the master of p2" \
	"$(nsv show --json | jq -r '.namespaces[] | select(.kind == "host") | .links[] | select(.ifname == "p2") | .master')" \
	"br0"

check_rc "n1 pings n2 across the bridge" 0 nsv -n n1 ping -c 1 -W 2 10.10.0.2
check_rc "n1 pings n3 across the bridge" 0 nsv -n n1 ping -c 1 -W 2 10.10.0.3
check_rc "n3 pings n2 across the bridge" 0 nsv -n n3 ping -c 1 -W 2 10.10.0.2

run nsv -v link set p3 nomaster
check_eq "nomaster: exit status" "$RC" 0
check_eq "nomaster: the canonical command" "$ERR" "+ ip link set p3 nomaster"
check_eq "nomaster: p3 has no master (ip -j)" \
	"$(ip -j link show p3 | jq -r '.[0].master // "none"')" "none"
check_eq "nomaster: link show p3 == ip" "$(nsv link show p3)" "$(ip link show p3)"
check_rc "nomaster: n1 no longer reaches n3" 1 nsv -n n1 ping -c 1 -W 1 10.10.0.3
run nsv -v link set p3 master br0
check_eq "master again: the canonical command" "$ERR" "+ ip link set p3 master br0"
check_rc "master again: n1 reaches n3" 0 nsv -n n1 ping -c 1 -W 2 10.10.0.3

# a bridge inside a namespace, made through netns exec
check_rc "a bridge in a namespace" 0 nsv -c '
	netns exec n2 ip link add br9 type bridge
	-n n2 link set eth0 master br9'
check_eq "br9 in n2, eth0 its port (ip -j)" \
	"$(ip -n n2 -j link show eth0 | jq -r '.[0].master')" "br9"
check_rc "and out again" 0 nsv -c '-n n2 link set eth0 nomaster; -n n2 link del br9'

# === a router between two subnets ============================================
check_rc "netns add left right router" 0 nsv -c 'netns add left; netns add right; netns add router'
no_ipv6 left right router
check_rc "two subnets joined by router, default routes on each side" 0 nsv -c '
	-n left link add eth0 type veth peer name left0 netns router
	-n right link add eth0 type veth peer name right0 netns router
	-n left addr add 10.1.0.2/24 dev eth0
	-n right addr add 10.2.0.2/24 dev eth0
	-n router addr add 10.1.0.1/24 dev left0
	-n router addr add 10.2.0.1/24 dev right0
	-n left link set eth0 up
	-n right link set eth0 up
	-n router link set left0 up
	-n router link set right0 up
	-n left route add default via 10.1.0.1
	-n right route add default via 10.2.0.1'

run nsv -n router sysctl net.ipv4.ip_forward
check_eq "ip_forward starts at 0 in router" "$OUT" "net.ipv4.ip_forward = 0"
check_eq "sysctl == sysctl(8) in ip netns exec (before)" "$OUT" \
	"$(ip netns exec router sysctl net.ipv4.ip_forward)"
check_rc "left reaches its router" 0 nsv -n left ping -c 1 -W 2 10.1.0.1
check_rc "without forwarding, left cannot reach right" 1 \
	nsv -n left ping -c 1 -W 1 10.2.0.2

run nsv -v -n router sysctl -w net.ipv4.ip_forward=1
check_eq "sysctl -w: exit status" "$RC" 0
check_eq "sysctl -w prints what sysctl(8) prints" "$OUT" "net.ipv4.ip_forward = 1"
check_eq "sysctl -w: the canonical command" "$ERR" \
	"+ ip netns exec router sysctl -w net.ipv4.ip_forward=1"
check_eq "router's /proc says 1 (ip netns exec)" "$(proc_val router net.ipv4.ip_forward)" "1"
check_eq "sysctl(8) in router says 1" \
	"$(ip netns exec router sysctl -n net.ipv4.ip_forward)" "1"
for ns in host left right n1; do
	check_eq "ip_forward is still 0 in $ns" "$(proc_val "$ns" net.ipv4.ip_forward)" "0"
done
check_rc "with forwarding, left reaches right" 0 nsv -n left ping -c 2 -i 0.2 -W 2 10.2.0.2
check_rc "and right reaches left" 0 nsv -n right ping -c 1 -W 2 10.1.0.2

# the canonical spelling runs in-process, and so do -n, -q, and KEY=VALUE
run nsv ip netns exec router sysctl -w net.ipv4.ip_forward=0
check_eq "ip netns exec router sysctl -w ...=0" "$OUT" "net.ipv4.ip_forward = 0"
check_eq "router's /proc says 0" "$(proc_val router net.ipv4.ip_forward)" "0"
check_rc "forwarding off again: left cannot reach right" 1 \
	nsv -n left ping -c 1 -W 1 10.2.0.2
run nsv -n router sysctl -q -w net.ipv4.ip_forward=1
check_eq "sysctl -q -w prints nothing" "$OUT" ""
check_eq "sysctl -q -w set it" "$(proc_val router net.ipv4.ip_forward)" "1"
run nsv -n router sysctl -n net.ipv4.ip_forward
check_eq "sysctl -n prints the value" "$OUT" "1"
run nsv -n router sysctl net.ipv6.conf.all.forwarding=1
check_eq "KEY=VALUE without -w sets, as in sysctl(8)" "$OUT" \
	"net.ipv6.conf.all.forwarding = 1"
check_eq "IPv6 forwarding is on in router" \
	"$(proc_val router net.ipv6.conf.all.forwarding)" "1"
check_eq "and not in left" "$(proc_val left net.ipv6.conf.all.forwarding)" "0"
run nsv -b - <<'B'
# a batch, the way a lesson's show-me runs
-n router sysctl -w net.ipv4.ip_forward=0
-n router sysctl net.ipv4.ip_forward
-n router sysctl -w net.ipv4.ip_forward=1
B
check_eq "sysctl in a batch" "$OUT" "net.ipv4.ip_forward = 0
net.ipv4.ip_forward = 0
net.ipv4.ip_forward = 1"

# read back == /proc inside ip netns exec == sysctl(8), for all kinds of key
for key in net.ipv4.ip_forward net.ipv6.conf.all.forwarding \
	net.ipv4.conf.left0.forwarding net.ipv4.conf.all.rp_filter \
	net.ipv4.ip_local_port_range net.ipv4.ping_group_range \
	net.core.somaxconn net.ipv4.tcp_congestion_control \
	net.ipv6.conf.right0.disable_ipv6 net.ipv4.neigh.left0.base_reachable_time_ms
do
	check_eq "router: sysctl -n $key == /proc" \
		"$(nsv -n router sysctl -n "$key")" "$(proc_val router "$key")"
	check_eq "router: sysctl $key == sysctl(8)" \
		"$(nsv -n router sysctl "$key")" "$(ip netns exec router sysctl "$key")"
done
check_eq "host: sysctl net.ipv4.ip_forward == sysctl(8)" \
	"$(nsv sysctl net.ipv4.ip_forward)" "$(sysctl net.ipv4.ip_forward)"
check_eq "a per-interface key follows the interface: left0 in router" \
	"$(nsv -n router sysctl net.ipv4.conf.left0.forwarding)" \
	"net.ipv4.conf.left0.forwarding = 1"
run nsv sysctl net.ipv4.conf.left0.forwarding
check_eq "but not in the host: exit status" "$RC" 1
check_eq "but not in the host: message" "$ERR" \
	"nsviz: net.ipv4.conf.left0.forwarding: no such sysctl in the host namespace"

# === the neighbour table =====================================================
# the pings above filled ARP tables
for ns in n1 n2 n3 left right router; do
	same_neigh "$ns: neigh show == ip neigh show" "$ns"
	same_neigh "$ns: -4 neigh show == ip -4 neigh show" "$ns" -4
done
check_match "n1 knows n2's MAC" "$(nsv -n n1 neigh)" \
	'^10\.10\.0\.2 dev eth0 lladdr ([0-9a-f]{2}:){5}[0-9a-f]{2} (REACHABLE|STALE|DELAY|PROBE) $'
# (the kernel moves an entry from REACHABLE to STALE, DELAY, PROBE on its
# own timers: two reads are compared when they saw the same moment)
same_out() {
	d=$1
	for try in 1 2 3 4 5; do
		got=$(eval "$2" 2>&1)
		want=$(eval "$3" 2>&1)
		[ "$got" = "$want" ] && break
		sleep 0.2
	done
	check_eq "$d" "$got" "$want"
}
same_out "neigh show dev left0 == ip" "nsv -n router neigh show dev left0" \
	"ip -n router neigh show dev left0"
check_nomatch "neigh show dev: no dev in the lines" "$got" ' dev '
same_out "netns exec router ip neigh == ip" "nsv netns exec router ip neigh" \
	"ip -n router neigh"
same_out "ip n (abbreviated) == ip" "nsv ip -n left n" "ip -n left n"

# entries made by hand, in every state ip lets one make, and hidden ones
ip -n n1 neigh add 10.10.0.50 lladdr 02:00:00:00:00:50 dev eth0 nud permanent
ip -n n1 neigh add 10.10.0.51 lladdr 02:00:00:00:00:51 dev eth0 nud stale
ip -n n1 neigh add 10.10.0.52 lladdr 02:00:00:00:00:52 dev eth0 nud noarp
ip -n n1 neigh add 10.10.0.53 dev eth0 nud none
ip -n n1 neigh add 10.10.0.54 dev eth0 nud incomplete
ip -n n1 neigh add 10.10.0.55 lladdr 02:00:00:00:00:55 dev eth0 nud reachable
ip -n n1 neigh add 10.10.0.56 lladdr 02:00:00:00:00:56 dev eth0 nud noarp extern_learn
ip -n n1 neigh add 10.10.0.57 dev eth0 nud failed
same_neigh "n1: hand-made entries == ip neigh show" n1
check_nomatch "n1: NOARP is hidden, as by ip" "$(nsv -n n1 neigh)" '^10\.10\.0\.52 '
check_nomatch "n1: NONE is hidden, as by ip" "$(nsv -n n1 neigh)" '^10\.10\.0\.53 '
check_match "n1: an unresolved neighbour fails" "$(nsv -n n1 neigh)" \
	'^10\.10\.0\.57 dev eth0 FAILED $'
# and a live session sees entries come and go
cat >"$TMPD/live.nsviz" <<'B'
-n n2 neigh show
netns exec n2 /bin/sh -c 'ip neigh add 10.10.0.77 lladdr 02:00:00:00:00:77 dev eth0 nud permanent'
-n n2 neigh show dev eth0
netns exec n2 /bin/sh -c 'ip neigh del 10.10.0.77 dev eth0'
-n n2 neigh show dev eth0
B
run nsv -b "$TMPD/live.nsviz"
check_eq "live: the entry is seen once, then gone" \
	"$(printf '%s\n' "$OUT" | grep -c '^10\.10\.0\.77 lladdr 02:00:00:00:00:77 PERMANENT $')" "1"

# === bad input ===============================================================
# The world as everything that can see it dumps it (neighbour tables
# left out: entries age on their own), with the sysctls the cases touch.
snapshot() {
	{
		echo "## nsviz show --json"
		"$NSVIZ" show --json 2>&1 | jq -S 'del(.namespaces[].neighbours, .namespaces[].links[].stats64)'
		echo "## ip netns list"
		ip netns list 2>&1
		for ns in host n1 n2 n3 left right router; do
			if [ "$ns" = host ]; then set --; else set -- -n "$ns"; fi
			echo "## $ns"
			ip "$@" -j link show 2>&1; echo
			ip "$@" -j addr show 2>&1; echo
			ip "$@" -j route show table all 2>&1; echo
			for key in net.ipv4.ip_forward net.ipv6.conf.all.forwarding \
				net.ipv4.conf.all.rp_filter net.core.somaxconn; do
				echo "$key=$(proc_val "$ns" "$key")"
			done
		done
		echo "## hostname $(hostname)"
	} >"$1"
}

check_same() {
	if cmp -s "$2" "$3"; then pass "$1"; else
		fail "$1" "the world changed; diff before after:"
		diff "$2" "$3" | head -n 40 | sed 's/^/#     /'
	fi
}

snapshot "$TMPD/before"
sleep 1
snapshot "$TMPD/after"
check_same "the dump is stable when nothing happens" "$TMPD/before" "$TMPD/after"

# DOORS|COMMAND|MESSAGE (an extended regex after "nsviz: " or "nsviz: -c: ")
cat >"$TMPD/table" <<'EOF'
# -- bridges and their ports
cw|link set p1 master p2|p2: not a bridge but a veth \(a master is made with link add NAME type bridge\)$
cw|link set p1 master lo|lo: not a bridge \(a master is made with link add NAME type bridge\)$
cw|link set p1 master br7|br7: no such device in the host namespace$
cw|-n n1 link set eth0 master br0|br0: no such device in namespace n1$
cw|link set br0 master br0|master br0: an interface cannot be its own master$
cw|link set nope master br0|nope: no such device in the host namespace$
cw|link set p1 master br0 netns n1|master br0: cannot be combined with netns
cw|link set p1 master|link set p1 master: missing bridge name$
cw|link set p1 master br0 nomaster|nomaster: conflicts with master br0$
cw|link add br0 type bridge|br0: device already exists in the host namespace$
cw|link add p1 type bridge|p1: device already exists in the host namespace$
cw|-n nope link add br1 type bridge|nope: no such network namespace$
cw|link add br1 type bridge group_fwd_mask 1|group_fwd_mask: bridge option not supported by nsviz
cw|link add br1 type vxlan|link add br1 type vxlan: missing VXLAN id \(type vxlan id N\)$
cw|link add br1 type bridge up|up: not supported in link add; set it afterwards with link set$
# -- sysctl
cw|sysctl kernel.hostname|kernel.hostname: not a network sysctl \(nsviz reads and sets net\.\* keys only: they belong to a network namespace\)$
cw|sysctl -w kernel.hostname=evil|kernel.hostname=evil: not a network sysctl
cw|-n router sysctl -w fs.file-max=10|fs.file-max=10: not a network sysctl
cw|sysctl -w net.ipv4.ip_froward=1|net.ipv4.ip_froward: no such sysctl in the host namespace$
cw|-n router sysctl net.ipv4.ip_froward|net.ipv4.ip_froward: no such sysctl in namespace router$
cw|-n router sysctl -w net.ipv4.conf.p1.forwarding=1|net.ipv4.conf.p1.forwarding: no such sysctl in namespace router$
cw|sysctl -w net.ipv4.ip_forward|net.ipv4.ip_forward: malformed setting: -w needs KEY=VALUE
cw|sysctl -w net.ipv4.ip_forward = 1|net.ipv4.ip_forward: malformed setting: -w needs KEY=VALUE, without blanks around '='
cw|sysctl -w =1|=1: malformed setting: the key before '=' is empty
cw|sysctl -w net.ipv4.ip_forward=|net.ipv4.ip_forward=: malformed setting: the value after '=' is empty
cw|sysctl net/ipv4/ip_forward|net/ipv4/ip_forward: sysctl key must not contain '/'
cw|sysctl -w net.ipv4.conf.../../../proc/sys/kernel/hostname=x|net.ipv4.conf.../../../proc/sys/kernel/hostname=x: sysctl key must not contain '/'
cw|sysctl net.ipv4..ip_forward|net.ipv4..ip_forward: not a sysctl key \(empty part between dots\)$
cw|sysctl net|net: names every network sysctl
cw|sysctl -a|-a: sysctl option not supported
cw|sysctl|sysctl: missing key
cw|-n router sysctl -w net.ipv4.ip_forward=abc|net.ipv4.ip_forward=abc: the kernel refused the value
cw|-n router sysctl net.ipv4.conf|net.ipv4.conf: not one sysctl but a directory of them
cw|-n router sysctl -w net.ipv4.conf=1|net.ipv4.conf: 
cw|-n nope sysctl net.ipv4.ip_forward|nope: no such network namespace$
cw|netns exec nope sysctl net.ipv4.ip_forward|nope: no such network namespace$
cw|-4 sysctl net.ipv4.ip_forward|-4: not meaningful for sysctl
# -- neigh
cw|neigh show dev nope|Cannot find device "nope"$
cw|-n router neigh show dev p1|Cannot find device "p1"$
cw|-n nope neigh|nope: no such network namespace$
cw|neigh show p1|p1: unexpected argument after neigh show \(expected dev NAME\)$
cw|neigh add 10.10.0.9 lladdr 02:00:00:00:00:09 dev nosuch0|nosuch0: no such device
cw|ip n f|n f: missing what to flush
cw|ip neigh flush nud sleepy|sleepy: not a neighbour state
cw|neigh show nud all|nud: neigh show option not supported by nsviz
EOF

N_CASES=0
one_door() {
	door=$1 cmd=$2 msg=$3
	case $door in
	c)	label="-c '$cmd'"
		prefix='nsviz: (-c: )?'
		run "$NSVIZ" -c "$cmd" ;;
	w)	label="words: $cmd"
		prefix='nsviz: '
		eval "set -- $cmd"
		run "$NSVIZ" "$@" ;;
	esac
	if [ "$RC" = 1 ]; then pass "$label: exit status 1"; else
		fail "$label: exit status 1" "exit status $RC" \
			"stdout: $OUT" "stderr: $ERR"
	fi
	check_match "$label: message" "$ERR" "^$prefix$msg"
	check_eq "$label: nothing on stdout" "$OUT" ""
	snapshot "$TMPD/after"
	check_same "$label: nothing changed" "$TMPD/before" "$TMPD/after"
	mv "$TMPD/after" "$TMPD/before"
}

while IFS= read -r line; do
	case $line in '#'*|'') continue ;; esac
	doors=${line%%|*}; rest=${line#*|}
	cmd=${rest%%|*}; msg=${rest#*|}
	N_CASES=$((N_CASES + 1))
	case $doors in *c*) one_door c "$cmd" "$msg" ;; esac
	case $doors in *w*) one_door w "$cmd" "$msg" ;; esac
done <"$TMPD/table"
echo "# $N_CASES bad inputs in the table"

# === IPv6 neighbours ========================================================
# IPv6: neighbour discovery between two namespaces, link-local and global
check_rc "netns add v6a v6b, a veth pair between them" 0 nsv -c '
	netns add v6a; netns add v6b
	-n v6a link add eth0 type veth peer name eth0 netns v6b
	-n v6a link set eth0 up; -n v6b link set eth0 up'
ip -n v6a addr add fd00:6::1/64 dev eth0 nodad
ip -n v6b addr add fd00:6::2/64 dev eth0 nodad
ip -n v6a addr add 10.6.0.1/24 dev eth0
ip -n v6b addr add 10.6.0.2/24 dev eth0
check_rc "v6a pings v6b over IPv6" 0 nsv -n v6a ping -c 1 -W 3 fd00:6::2
check_rc "v6a pings v6b over IPv4" 0 nsv -n v6a ping -c 1 -W 3 10.6.0.2
# link-local addresses come when the link is up, after DAD
for try in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
	ll=$(ip -n v6b -6 -j addr show dev eth0 |
		jq -r '[.[0].addr_info[] | select(.scope == "link") | .local][0] // empty')
	[ -n "$ll" ] &&
		! ip -n v6a -6 addr show dev eth0 | grep -q tentative &&
		! ip -n v6b -6 addr show dev eth0 | grep -q tentative && break
	sleep 0.25
done
check_match "v6b has a link-local address" "$ll" '^fe80::'
check_rc "v6a pings v6b's link-local address" 0 nsv -n v6a ping -c 1 -W 3 "$ll"
ip -n v6a neigh add fd00:6::99 lladdr 02:00:00:00:00:99 dev eth0 router nud stale
for ns in v6a v6b; do
	same_neigh "$ns: neigh show == ip neigh show (IPv6 and IPv4)" "$ns"
	same_neigh "$ns: -6 neigh show == ip -6 neigh show" "$ns" -6
done
check_match "v6a: the router flag" "$(nsv -n v6a -6 neigh)" \
	'^fd00:6::99 dev eth0 lladdr 02:00:00:00:00:99 router STALE $'
check_nomatch "v6a: multicast NOARP entries are hidden" "$(nsv -n v6a neigh)" '^ff02:'

# and what the bad inputs must not have touched, said plainly
check_eq "in the end: router forwards" "$(proc_val router net.ipv4.ip_forward)" "1"
check_eq "in the end: the host does not" "$(proc_val host net.ipv4.ip_forward)" "0"
check_eq "in the end: the ports of br0" \
	"$(ip -j link show master br0 | jq -r '.[].ifname' | sort | tr '\n' ' ')" "p1 p2 p3 "

done_testing
