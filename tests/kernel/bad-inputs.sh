#!/bin/sh
# Bad input, against a small real topology (the tutorial's veth0/veth1 and
# vnet, with addresses and routes both ways, plus a namespace `other`).
# Every case goes through each door that makes sense for it:
#   c  nsviz -c 'CMD'                 message "nsviz: MSG" (or "nsviz: -c: MSG")
#   w  nsviz CMD...  (words)          message "nsviz: MSG"
#   b  nsviz -b FILE, CMD on line 3   message "FILE:3: MSG"
# and each time: (a) the exit status, (b) stderr starts with the offending
# word and a reason, nothing on stdout, (c) nothing changed: nsviz show
# --json, ip -j dumps of every namespace, ip netns list and /run/netns are
# the same, byte for byte, before and after.
. "${TOP_SRCDIR:-$(dirname "$0")/../..}/tests/lib/common.sh"
sandbox_reexec

nsv() { "$NSVIZ" "$@"; }

# IPv6 off in every namespace of the test: no DAD, no router solicitation
# and no neighbour entries appearing on their own, so that two dumps of an
# unchanged world are identical.
no_ipv6='for f in all default; do
	p=/proc/sys/net/ipv6/conf/$f/disable_ipv6
	[ ! -e "$p" ] || echo 1 >"$p" || exit 1
done'

# --- the topology -------------------------------------------------------------
sh -c "$no_ipv6" || echo "# could not turn IPv6 off in the host namespace"
check_rc "setup: netns add vnet; netns add other" 0 nsv -c 'netns add vnet; netns add other'
for ns in vnet other; do
	ip netns exec "$ns" sh -c "$no_ipv6" ||
		echo "# could not turn IPv6 off in $ns"
done
check_rc "setup: the tutorial's topology, and a second veth0 in other" 0 nsv -c '
	link add veth0 type veth peer name veth1
	addr add 10.0.1.0/24 dev veth0
	link set veth0 up
	link set veth1 netns vnet
	-n vnet addr add 10.0.2.0/24 dev veth1
	-n vnet link set veth1 up
	route add 10.0.2.0/24 dev veth0 scope link
	-n vnet route add 10.0.1.0 dev veth1 scope link
	-n other link add veth0 type veth peer name oth1'
# the snapshots below show state UP and linkdown: let the carrier settle
wait_carrier veth0
wait_carrier -n vnet veth1
check_eq "setup: vnet has veth1 with 10.0.2.0/24" \
	"$(ip -n vnet -br -4 addr show veth1 | awk '{print $3}')" "10.0.2.0/24"
check_eq "setup: host routes" "$(ip route)" "10.0.1.0/24 dev veth0 proto kernel scope link src 10.0.1.0 
10.0.2.0/24 dev veth0 scope link "
check_eq "setup: other has veth0 and oth1" \
	"$(ip -n other -br link | awk '{print $1}' | sort | tr '\n' ' ')" "lo oth1@veth0 veth0@oth1 "

# --- the world, as everything that can see it dumps it ------------------------
snapshot() {
	{
		echo "## nsviz show --json"
		"$NSVIZ" show --json 2>&1
		echo "## ip netns list"
		ip netns list 2>&1
		echo "## /run/netns"
		ls -a /run/netns 2>&1
		for ns in host vnet other; do
			if [ "$ns" = host ]; then set --; else set -- -n "$ns"; fi
			echo "## $ns"
			ip "$@" -j link show 2>&1; echo
			ip "$@" -j addr show 2>&1; echo
			ip "$@" -j route show table all 2>&1; echo
			ip "$@" -j -6 route show table all 2>&1; echo
			ip "$@" -j neigh show 2>&1; echo
		done
	} >"$1"
}

# check_same DESC BEFORE AFTER: the two dumps are identical
check_same() {
	if cmp -s "$2" "$3"; then pass "$1"; else
		fail "$1" "the world changed; diff before after:"
		diff "$2" "$3" | head -n 40 | sed 's/^/#     /'
	fi
}

snapshot "$TMPD/w0"
sleep 1
snapshot "$TMPD/w1"
check_same "the world dump is stable when nothing happens" "$TMPD/w0" "$TMPD/w1"
mv "$TMPD/w1" "$TMPD/before"

# --- the table ------------------------------------------------------------------
# DOORS|EXIT|COMMAND|MESSAGE
# MESSAGE is an extended regex for the message after the door's prefix
# ("nsviz: ", "nsviz: -c: " or "FILE:3: "): the offending word as typed,
# then the reason.  COMMAND is written with the shell's quoting (the words
# door splits it with eval), which is also nsviz's.
cat >"$TMPD/table" <<'EOF'
# -- names
cwb|1|link add veth0123456789012 type veth peer name p1|veth0123456789012: interface name longer than 15 characters
cwb|1|link add x1 type veth peer name peer0123456789ab|peer0123456789ab: interface name longer than 15 characters
cwb|1|link add a/b type veth peer name p1|a/b: interface name must not contain '/'
cwb|1|link add x1 type veth peer name p/q|p/q: interface name must not contain '/'
cwb|1|link add x:y type veth peer name p1|x:y: interface name must not contain ':'
cwb|1|link add "x y" type veth peer name p1|x y: interface name must not contain blanks
cwb|1|link add "" type veth peer name p1|'': interface name is empty
cwb|1|link add . type veth peer name p1|\.: not a valid interface name
cwb|1|link add .. type veth peer name p1|\.\.: not a valid interface name
cwb|1|link add v%d type veth peer name p%d|v%d: [a-z]
cwb|1|link set veth0123456789012 up|veth0123456789012: interface name longer than 15 characters
cwb|1|netns add a/b|a/b: namespace name must not contain '/'
cwb|1|netns add .|\.: not a valid namespace name
cwb|1|netns add ..|\.\.: not a valid namespace name
cwb|1|netns add ''|'': namespace name is empty
cwb|1|netns add n123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890|n1234567890.*: namespace name longer than 255 characters
# -- unknown namespaces
cwb|1|netns del nope|nope: no such network namespace
cwb|1|netns pids nope|nope: no such network namespace
cwb|1|netns exec nope true|nope: no such network namespace
cwb|1|-n nope link show|nope: no such network namespace
cwb|1|-n nope netns list|nope: no such network namespace
cwb|1|-n nope ping -c 1 10.0.2.0|nope: no such network namespace
cwb|1|link set veth0 netns nope|nope: no such network namespace
cwb|1|link add x1 type veth peer name p1 netns nope|nope: no such network namespace
# -- unknown devices
cwb|1|link set veth1 up|veth1: no such device in the host namespace
cwb|1|-n vnet link set veth0 up|veth0: no such device in namespace vnet
cwb|1|netns exec vnet ip link set veth0 mtu 1400|veth0: no such device in namespace vnet
cwb|1|link del nope|nope: no such device in the host namespace
cwb|1|-n vnet link del veth0|veth0: no such device in namespace vnet
cwb|1|addr add 10.0.3.1/24 dev nope|nope: no such device in the host namespace
cwb|1|-n vnet addr add 10.0.3.1/24 dev veth0|veth0: no such device in namespace vnet
cwb|1|route add 10.5.0.0/16 dev nope|nope: no such device in the host namespace
cwb|1|route add 10.5.0.0/16 via 10.0.1.5 dev nope|nope: no such device in the host namespace
cwb|1|link show nope|Device "nope" does not exist\.
cwb|1|addr show dev nope|Device "nope" does not exist\.
# -- malformed and out-of-range addresses and prefixes
cwb|1|addr add 10.0.1.0/33 dev veth0|10\.0\.1\.0/33: prefix length 33 out of range \(0\.\.32\)
cwb|1|addr add 2001:db8::1/129 dev veth0|2001:db8::1/129: prefix length 129 out of range \(0\.\.128\)
cwb|1|addr add 10.0.1.256/24 dev veth0|10\.0\.1\.256/24: not a valid IPv4 address
cwb|1|addr add 10.0.1/24 dev veth0|10\.0\.1/24: not a valid IPv4 address
cwb|1|addr add 2001:db8::zz/64 dev veth0|2001:db8::zz/64: not a valid IPv6 address
cwb|1|addr add foo dev veth0|foo: not an IP address
cwb|1|addr add /24 dev veth0|/24: not an IP address
cwb|1|addr add 10.0.3.1/ dev veth0|10\.0\.3\.1/: missing prefix length
cwb|1|addr add 10.0.3.1/abc dev veth0|10\.0\.3\.1/abc: prefix length 'abc' is not a number
cwb|1|addr add 10.0.3.1/-1 dev veth0|10\.0\.3\.1/-1: prefix length '-1' is not a number
cwb|1|-4 addr add 2001:db8::1/64 dev veth0|2001:db8::1/64: not an IPv4 address \(-4 was given\)
cwb|1|-6 addr add 10.0.5.1/24 dev veth0|10\.0\.5\.1/24: not an IPv6 address \(-6 was given\)
cwb|1|route add 10.5.0.0/40 dev veth0|10\.5\.0\.0/40: prefix length 40 out of range \(0\.\.32\)
cwb|1|route add 10.0.2.1/24 dev veth0|10\.0\.2\.1/24: host bits set for a /24 prefix
cwb|1|route add foo dev veth0|foo: not an IP address
cwb|1|route add 10.5.0.0/16 via foo|foo: not an IP address
cwb|1|route get 999.1.1.1|999\.1\.1\.1: not a valid IPv4 address
cwb|1|route get 10.0.1.5/24|10\.0\.1\.5/24: expected an address, not a prefix
cwb|1|ping 999.1.1.1|999\.1\.1\.1: not a valid IPv4 address
# -- duplicate names
cwb|1|netns add vnet|vnet: namespace already exists
cwb|1|netns add other|other: namespace already exists
cwb|1|link add veth0 type veth peer name p1|veth0: device already exists in the host namespace
cwb|1|link add x1 type veth peer name veth0|veth0: device already exists in the host namespace
cwb|1|link add x1 type veth peer name veth1 netns vnet|veth1: device already exists in namespace vnet
cwb|1|link add x1 type veth peer name x1|x1: .*(same name|two different names)
cwb|1|-n other link add oth1 type veth peer name p1|oth1: device already exists in namespace other
cwb|1|link add x1 type veth peer name oth1 netns other|oth1: device already exists in namespace other
cwb|1|link set veth0 netns other|veth0: device already exists in namespace other
cwb|1|link set lo netns vnet|lo: device already exists in namespace vnet
# -- duplicate addresses and routes
cwb|1|addr add 10.0.1.0/24 dev veth0|10\.0\.1\.0/24: address already assigned to veth0
cwb|1|-n vnet addr add 10.0.2.0/24 dev veth1|10\.0\.2\.0/24: address already assigned to veth1
cwb|1|addr add 127.0.0.1/8 dev lo|127\.0\.0\.1/8: address already assigned to lo
cwb|1|route add 10.0.2.0/24 dev veth0 scope link|route 10\.0\.2\.0/24: route already exists
cwb|1|route add 10.0.2.0/24 dev veth0|route 10\.0\.2\.0/24: route already exists
cwb|1|route add 10.0.1.0/24 dev veth0|route 10\.0\.1\.0/24: route already exists
cwb|1|-n vnet route add 10.0.1.0 dev veth1 scope link|route 10\.0\.1\.0: route already exists
cwb|1|netns exec vnet ip route add 10.0.1.0 dev veth1|route 10\.0\.1\.0: route already exists
# -- deleting what is not there
cwb|1|addr del 10.0.9.9/24 dev veth0|10\.0\.9\.9/24: no such address on veth0
cwb|1|addr del 10.0.1.0/25 dev veth0|10\.0\.1\.0/25: no such address on veth0
cwb|1|addr del 10.0.1.0/24 dev lo|10\.0\.1\.0/24: no such address on lo
cwb|1|-n vnet addr del 10.0.1.0/24 dev veth1|10\.0\.1\.0/24: no such address on veth1
cwb|1|route del 10.9.0.0/16|route 10\.9\.0\.0/16: no such route
cwb|1|route del 10.0.2.0/24 dev lo|route 10\.0\.2\.0/24: no such route
cwb|1|route del 10.0.2.0/24 dev veth0 metric 5|route 10\.0\.2\.0/24: no such route
cwb|1|route del default|route default: no such route
cwb|1|-n vnet route del 10.0.9.0/24 dev veth1|route 10\.0\.9\.0/24: no such route
cwb|1|netns del host|host: the host namespace cannot be deleted
# -- routes the kernel refuses: its own reason comes through
cwb|1|route add 10.5.0.0/16 via 2001:db8::1|2001:db8::1: gateway is IPv6 but the destination 10\.5\.0\.0/16 is IPv4
cwb|1|route add 2001:db8::/64 via 10.0.1.5|10\.0\.1\.5: gateway is IPv4 but the destination 2001:db8::/64 is IPv6
cwb|1|route add 10.5.0.0/16|10\.5\.0\.0/16: route needs a gateway \(via ADDR\) or a device \(dev NAME\)
cwb|1|route add default|default: route needs a gateway \(via ADDR\) or a device \(dev NAME\)
cwb|1|route add 10.5.0.0/16 via 192.168.9.9|192\.168\.9\.9: gateway not reachable: no route to it in the host namespace; add an address or a route for it first$
cwb|1|route add default via 10.0.9.1|10\.0\.9\.1: gateway not reachable: no route to it in the host namespace; add
cwb|1|route add 10.5.0.0/16 via 10.77.0.1|10\.77\.0\.1: gateway not reachable: no route to it in the host namespace; add
cwb|1|-n vnet route add 10.5.0.0/16 via 10.77.0.1|10\.77\.0\.1: gateway not reachable: no route to it in namespace vnet; add
cwb|1|-n other route add default via 10.0.1.0|10\.0\.1\.0: gateway not reachable: no route to it in namespace other; add
cwb|1|route add 10.5.0.0/16 via 10.0.1.5 dev lo|10\.0\.1\.5: gateway not reachable through lo: the way to it in the host namespace goes through veth0$
cwb|1|-n vnet route add 10.5.0.0/16 via 10.0.1.0 dev lo|10\.0\.1\.0: gateway not reachable through lo: the way to it in namespace vnet goes through veth1$
cwb|1|route add 10.5.0.0/16 via 10.0.1.5 dev veth0 scope host|route 10\.5\.0\.0/16: Route with host scope can not have a gateway
cwb|1|route add 10.5.0.0/16 dev veth0 src 10.0.2.0|route 10\.5\.0\.0/16: Invalid prefsrc address
cwb|1|-n other route add 10.8.0.0/16 dev veth0|route 10\.8\.0\.0/16: Device for nexthop is not up
cwb|1|route add 2001:db8::/64 dev veth0|route 2001:db8::/64: IPv6 is disabled on nexthop device
cwb|1|route get 10.9.9.9|route get 10\.9\.9\.9: Network is unreachable
cwb|1|link del lo|lo: Operation not supported
# -- other route and link options
cwb|1|route add 10.5.0.0/16 dev veth0 metric abc|abc: metric must be a number \(0\.\.4294967295\)
cwb|1|route add 10.5.0.0/16 dev veth0 metric 4294967296|4294967296: metric must be a number \(0\.\.4294967295\)
cwb|1|route add 10.5.0.0/16 dev veth0 scope bogus|bogus: not a route scope
cwb|1|route add 10.5.0.0/16 dev veth0 scope 256|256: not a route scope
cwb|1|route add 10.5.0.0/16 dev veth0 table 100|100: only table main is supported
cwb|1|route add 10.5.0.0/16 dev veth0 src 2001:db8::1|2001:db8::1: source is IPv6 but the destination 10\.5\.0\.0/16 is IPv4
cwb|1|link set veth0 address zz:zz:zz:zz:zz:zz|zz:zz:zz:zz:zz:zz: not a MAC address
cwb|1|link set veth0 address 0a:1b:2c:3d:4e|0a:1b:2c:3d:4e: not a MAC address
cwb|1|link set veth0 address 0a:1b:2c:3d:4e:5f:60|0a:1b:2c:3d:4e:5f:60: not a MAC address
cwb|1|link set veth0 address 01:00:00:00:00:01|01:00:00:00:00:01: a multicast MAC address cannot be an interface's address
cwb|1|link set veth0 address 00:00:00:00:00:00|00:00:00:00:00:00: the all-zero MAC address cannot be an interface's address
cwb|1|link set veth0 mtu abc|abc: mtu must be a number
cwb|1|link set veth0 mtu 0x100|0x100: mtu must be a number
cwb|1|link set veth0 mtu 10|10: mtu (out of range|less than device minimum)
cwb|1|link set veth0 mtu 65536|65536: mtu (out of range|greater than device maximum)
cwb|1|-n vnet link set veth1 mtu 70000|70000: mtu (out of range|greater than device maximum)
cwb|1|link set veth0 up down|down: conflicts with up
cwb|1|link set veth0 name foo|name: renaming interfaces is not supported
cwb|1|link set veth0 frob|frob: unknown link setting
cwb|1|link add x1 type vlan|vlan: link type not supported
# -- ping
cwb|1|ping -c 0 10.0.2.0|0: ping count must be a positive number
cwb|1|ping -c abc 10.0.2.0|abc: ping count must be a positive number
cwb|1|ping -c -1 10.0.2.0|-1: ping count must be a positive number
cwb|1|ping -c 1.5 10.0.2.0|1\.5: ping count must be a positive number
cwb|1|netns exec vnet ping -c 0 10.0.1.0|0: ping count must be a positive number
cwb|1|ping -W abc 10.0.2.0|abc: wait \(-W\) must be a number of seconds
cwb|1|ping -i 0.0001 10.0.2.0|0\.0001: interval \(-i\) out of range
cwb|1|ping -x 10.0.2.0|-x: ping option not supported
cwb|1|ping foo|foo: not an IP address
# -- netns exec
cwb|1|netns exec vnet /nonexistent/prog|exec of "/nonexistent/prog" failed: No such file or directory
cwb|1|netns exec vnet nonexistent-prog-x|exec of "nonexistent-prog-x" failed: No such file or directory
cwb|1|netns exec vnet ip -n other link show|-n other: not allowed inside netns exec vnet
cwb|1|-n vnet netns add z1|-n vnet: netns add takes no -n
cwb|1|netns exec vnet ip netns add q1|netns: netns commands cannot run inside netns exec
cwb|1|netns identify abc|abc: not a process id
cwb|1|netns identify 2147483647|2147483647: no such process
# -- empty commands, unknown objects and verbs
c|1||empty command
c|1| ; ; |empty command
w|1|''|'': unknown command
cwb|1|frob|frob: unknown command \(expected addr, route, neigh, link, netns, ping, echo, send or sysctl\)
cwb|1|ip frob|frob: unknown command
cwb|1|ip -z link show|-z: unknown option
cwb|1|nt|nt: means ntable, which nsviz does not support
cwb|1|ru|ru: means rule, which nsviz does not support
cwb|1|xfrm state|xfrm: not supported by nsviz
cb|1|monitor|monitor: not a command here
cwb|1|link frob|link frob: unknown link command
cwb|1|addr frob|addr frob: unknown addr command
cwb|1|route frob|route frob: unknown route command
cwb|1|netns frob|netns frob: unknown netns command
cwb|1|l s veth0 u|u: unknown link setting
# -- missing arguments
cwb|1|ip|ip: missing command
cwb|1|-n|-n: missing namespace name
cwb|1|-n vnet|-n vnet: missing command
cwb|1|netns add|netns add: missing namespace name
cwb|1|netns del|netns del: missing namespace name
cwb|1|netns pids|netns pids: missing namespace name
cwb|1|netns exec vnet|netns exec vnet: missing program to run
cwb|1|link add type veth peer name p1|link add: missing interface name
cwb|1|link add x1|link add x1: missing type veth
cwb|1|link add x1 type|link add x1 type: missing link type
cwb|1|link add x1 type veth|link add x1 type veth: missing peer
cwb|1|link add x1 type veth peer name|link add x1 type veth peer name: missing peer name
cwb|1|link add x1 type veth peer name p1 netns|link add x1 type veth peer name p1 netns: missing namespace name
cwb|1|link set|link set: missing interface name
cwb|1|link set veth0|link set veth0: nothing to change
cwb|1|link set veth0 mtu|link set veth0 mtu: missing mtu value
cwb|1|link set veth0 address|link set veth0 address: missing MAC address
cwb|1|link set veth0 netns|link set veth0 netns: missing namespace name
cwb|1|link del|link del: missing interface name
cwb|1|addr add 10.0.3.1/24|addr add 10\.0\.3\.1/24: missing dev NAME
cwb|1|addr add dev veth0|addr add dev veth0: missing address
cwb|1|route add 10.5.0.0/16 via|route add 10\.5\.0\.0/16 via: missing gateway address
cwb|1|route add 10.5.0.0/16 dev|route add 10\.5\.0\.0/16 dev: missing interface name
cwb|1|route add 10.5.0.0/16 dev veth0 metric|route add 10\.5\.0\.0/16 dev veth0 metric: missing metric value
cwb|1|route get|route get: missing address
cwb|1|ping|ping: missing address to ping
cwb|1|ping -c|ping -c: missing count
# -- extra arguments, and words given twice
cwb|1|netns add x1 y1|y1: unexpected argument after netns add x1
cwb|1|netns del vnet extra|extra: unexpected argument after netns del vnet
cwb|1|link del veth0 extra|extra: unexpected argument after link del veth0
cwb|1|link show veth0 extra|extra: unexpected argument after link show veth0
cwb|1|link add x1 type veth peer name p1 extra|extra: unexpected argument after link add x1 type veth peer name p1
cwb|1|addr add 10.0.3.1/24 dev veth0 extra|extra: unexpected argument after addr add 10\.0\.3\.1/24 dev veth0
cwb|1|addr add 10.0.6.1/24 10.0.6.2/24 dev veth0|10\.0\.6\.2/24: unexpected argument after addr add 10\.0\.6\.1/24
cwb|1|route show extra|extra: unexpected argument after route show
cwb|1|route get 10.0.1.0 extra|extra: unexpected argument after route get 10\.0\.1\.0
cwb|1|ping -c 1 10.0.2.0 extra|extra: unexpected argument after ping -c 1 10\.0\.2\.0
cwb|1|addr add 10.0.6.1/24 dev veth0 dev veth0|dev: given twice in addr add 10\.0\.6\.1/24 dev veth0
cwb|1|route add 10.5.0.0/16 via 10.0.1.5 via 10.0.1.6|via: given twice in route add 10\.5\.0\.0/16 via 10\.0\.1\.5
cwb|1|link set veth0 up up|up: given twice in link set veth0 up
# -- quoting
cb|1|netns add 'unterminated|'unterminated: unterminated single quote
cb|1|netns add "unterminated|"unterminated: unterminated double quote
cb|1|link set veth0 mtu "1400|"1400: unterminated double quote
c|1|netns add x1\|\\: backslash at the end
EOF

# one_door DOOR EXIT CMD MSG: run CMD through DOOR, check everything
N_CASES=0
one_door() {
	door=$1 want=$2 cmd=$3 msg=$4
	case $door in
	c)	label="-c '$cmd'"
		prefix='nsviz: (-c: )?'
		run "$NSVIZ" -c "$cmd" ;;
	w)	label="words: $cmd"
		prefix='nsviz: '
		eval "set -- $cmd"
		run "$NSVIZ" "$@" ;;
	b)	label="-b: $cmd"
		prefix="$TMPD/bad\\.batch:3: "
		{
			echo "# a bad command on line 3; the line after it must not run"
			echo
			printf '%s\n' "$cmd"
			echo "netns add after-the-bad-line"
		} >"$TMPD/bad.batch"
		run "$NSVIZ" -b "$TMPD/bad.batch" ;;
	esac
	if [ "$RC" = "$want" ]; then pass "$label: exit status $want"; else
		fail "$label: exit status $want" "exit status $RC" \
			"stdout: $OUT" "stderr: $ERR"
	fi
	check_match "$label: message" "$ERR" "^$prefix$msg"
	check_eq "$label: nothing on stdout" "$OUT" ""
	snapshot "$TMPD/after"
	check_same "$label: nothing changed" "$TMPD/before" "$TMPD/after"
	# whatever happened, the next case starts from the world as it is
	mv "$TMPD/after" "$TMPD/before"
}

while IFS= read -r line; do
	case $line in '#'*|'') continue ;; esac
	doors=${line%%|*}; rest=${line#*|}
	want=${rest%%|*}; rest=${rest#*|}
	cmd=${rest%%|*}; msg=${rest#*|}
	N_CASES=$((N_CASES + 1))
	case $doors in *c*) one_door c "$want" "$cmd" "$msg" ;; esac
	case $doors in *w*) one_door w "$want" "$cmd" "$msg" ;; esac
	case $doors in *b*) one_door b "$want" "$cmd" "$msg" ;; esac
done <"$TMPD/table"
echo "# $N_CASES bad inputs in the table"
check_match "the table has at least 50 cases" "$N_CASES" '^([5-9][0-9]|[1-9][0-9][0-9]+)$'

# --- a bad line deep in a batch file: FILE:N ----------------------------------
cat >"$TMPD/deep.batch" <<'EOF'
# comments, blank lines and a continued line before the bad one

netns list
route \
  show
# the next line is line 7
link set veth9 up
netns add never-made
EOF
run nsv -b "$TMPD/deep.batch"
check_eq "-b: error on line 7: exit status 1" "$RC" 1
check_eq "-b: error on line 7: FILE:7: message" "$ERR" \
	"$TMPD/deep.batch:7: veth9: no such device in the host namespace"
check_match "-b: the lines before it ran" "$OUT" '^vnet'
snapshot "$TMPD/after"
check_same "-b: error on line 7: nothing changed" "$TMPD/before" "$TMPD/after"
mv "$TMPD/after" "$TMPD/before"

run nsv -b - <"$TMPD/deep.batch"
check_eq "-b -: error on line 7: exit status 1" "$RC" 1
check_eq "-b -: error on line 7: stdin:7: message" "$ERR" \
	"stdin:7: veth9: no such device in the host namespace"
snapshot "$TMPD/after"
check_same "-b -: nothing changed" "$TMPD/before" "$TMPD/after"
mv "$TMPD/after" "$TMPD/before"

# --- a bad command after good ones in -c ------------------------------------------
run nsv -c 'netns list; route show
link add veth0 type veth peer name p9; netns add never-made'
check_eq "-c: second line bad: exit status 1" "$RC" 1
check_eq "-c: second line bad: message" "$ERR" \
	"nsviz: veth0: device already exists in the host namespace"
snapshot "$TMPD/after"
check_same "-c: second line bad: nothing changed (nor run after it)" \
	"$TMPD/before" "$TMPD/after"
mv "$TMPD/after" "$TMPD/before"

# --- and the topology is still the one we built ----------------------------------
check_eq "in the end: host routes unchanged" "$(ip route)" \
	"10.0.1.0/24 dev veth0 proto kernel scope link src 10.0.1.0 
10.0.2.0/24 dev veth0 scope link "
check_eq "in the end: vnet routes unchanged" "$(ip -n vnet route)" \
	"10.0.1.0 dev veth1 scope link 
10.0.2.0/24 dev veth1 proto kernel scope link src 10.0.2.0 "
check_eq "in the end: the same namespaces" \
	"$(ip netns list | cut -d' ' -f1 | sort | tr '\n' ' ')" "other vnet "

done_testing
