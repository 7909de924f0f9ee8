#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Bad input, against a small real topology (the tutorial's veth0/veth1 and
# vnet, with addresses and routes both ways, plus a namespace `other`).
# Every case goes through each door that makes sense for it:
#   c  nsviz -c 'CMD'                 message "nsviz: MSG" (or "nsviz: -c: MSG")
#   w  nsviz CMD...  (words)          message "nsviz: MSG"
#   b  nsviz -b FILE, CMD on line 3   message "FILE:3: MSG"
#   p  the prompt (stdin), one line   message "MSG": the path of the UI's
#      `:` line (cmd_split, cmd_parse, exec_cmd), run for every b case
# and each time: (a) the exit status, (b) stderr starts with the offending
# word and a reason, nothing on stdout, (c) nothing changed: nsviz show
# --json, ip -j dumps, tc qdisc show and nft list ruleset of every
# namespace, ip netns list and /run/netns are the same, byte for byte,
# before and after.
#
# The world also holds names that others made and nsviz would not: a
# namespace and a veth pair made by ip with control characters in their
# names, and a regular file (no namespace mounted on it) in /run/netns.
# Every message and every output must show them escaped (\xHH, nsviz(1)).
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
# an nftables table and chain in the host, for the nft cases to miss
# (a chain that is not in it, a table that is not in vnet)
check_rc "setup: nft add table inet filt; nft add chain inet filt input" 0 \
	nsv -c 'nft add table inet filt; nft add chain inet filt input'
# the snapshots below show state UP and linkdown: let the carrier settle
wait_carrier veth0
wait_carrier -n vnet veth1
check_eq "setup: vnet has veth1 with 10.0.2.0/24" \
	"$(ip -n vnet -br -4 addr show veth1 | awk '{print $3}')" "10.0.2.0/24"
check_eq "setup: host routes" "$(ip route)" "10.0.1.0/24 dev veth0 proto kernel scope link src 10.0.1.0 
10.0.2.0/24 dev veth0 scope link "
check_eq "setup: other has veth0 and oth1" \
	"$(ip -n other -br link | awk '{print $1}' | sort | tr '\n' ' ')" "lo oth1@veth0 veth0@oth1 "

# names others made: a namespace e<ESC>[2J, a veth pair a<ESC>b / c<SOH>d,
# and /run/netns/plainfile, a regular file on which nothing is mounted
ESC=$(printf '\033') SOH=$(printf '\001') DEL=$(printf '\177')
CSI=$(printf '\302\233') FF=$(printf '\377') RLO=$(printf '\342\200\256')
TAB=$(printf '\t') CR=$(printf '\r')
EVIL_NS="e${ESC}[2J" EVIL_IF="a${ESC}b" EVIL_PEER="c${SOH}d"
check_rc "setup: ip makes a namespace with ESC in its name" 0 ip netns add "$EVIL_NS"
ip netns exec "$EVIL_NS" sh -c "$no_ipv6" || echo "# could not turn IPv6 off in e^[[2J"
check_rc "setup: ip makes a veth pair with ESC and SOH in their names" 0 \
	ip link add "$EVIL_IF" type veth peer name "$EVIL_PEER"
: >/run/netns/plainfile

# --- the world, as everything that can see it dumps it ------------------------
snapshot() {
	{
		echo "## nsviz show --json (counters left out: they move on their own)"
		"$NSVIZ" show --json 2>&1 | jq -S 'del(.namespaces[].links[].stats64)' 2>&1
		echo "## ip netns list"
		ip netns list 2>&1
		echo "## /run/netns"
		ls -a /run/netns 2>&1
		for ns in host vnet other ${EVIL_NS:+"$EVIL_NS"}; do
			if [ "$ns" = host ]; then set --; else set -- -n "$ns"; fi
			echo "## $ns"
			# one ip for the four dumps (table all: IPv4 and IPv6)
			printf '%s\n' "link show" "addr show" \
				"route show table all" "neigh show" "rule show" \
				"-6 rule show" |
				ip "$@" -j -batch - 2>&1
			echo
			# tc and nft, inside the namespace (nsenter: half the
			# cost of ip netns exec, which also mounts a /sys)
			if [ "$ns" = host ]; then set -- sh -c; else
				set -- nsenter --net="/run/netns/$ns" sh -c; fi
			echo "## $ns: tc qdisc show, nft list ruleset"
			"$@" 'tc qdisc show 2>&1; echo "##"; nft list ruleset 2>&1'
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
# door splits it with eval), which is also nsviz's.  <NL> in MESSAGE
# stands for a line break: nft's messages say the reason, then the
# command, then carets under the object.
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
# -- netns attach, set, list-id and -all
cwb|1|netns attach vnet 1|vnet: namespace already exists
cwb|1|netns attach plainfile 1|plainfile: cannot create namespace: /run/netns/plainfile is there already \(a regular file, not a namespace\)
cwb|1|netns attach x 999999|999999: no such process
cwb|1|netns attach x 0|0: not a process id
cwb|1|netns attach x|netns attach x: missing process id
cwb|1|-n vnet netns attach x 1|-n vnet: netns attach takes no -n
cwb|1|netns set nope 1|nope: no such network namespace
cwb|1|netns set plainfile 1|plainfile: not a network namespace
cwb|1|netns set vnet -1|-1: not a valid nsid
cwb|1|netns set vnet x|x: not a valid nsid
cwb|1|netns set vnet 5|vnet: Peer netns already has a nsid assigned
cwb|1|-n nope netns set vnet 1|nope: no such network namespace
cwb|1|netns list-id nsid 77|nsid 77: Peer netns reference is invalid
cwb|1|netns list-id target-nsid 77|target-nsid 77: Invalid target network namespace id
cwb|1|netns list-id nsid|netns list-id nsid: missing nsid
cwb|1|-all netns del vnet|vnet: -all netns del deletes every named namespace and takes no name
cwb|1|-all netns add x|-all: not meaningful for netns add
cwb|1|-all netns exec|netns exec: missing program to run
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
cwb|1|route add 10.5.0.0/16 dev veth0 table nosuch|nosuch: not a routing table
cwb|1|route add 10.5.0.0/16 dev veth0 src 2001:db8::1|2001:db8::1: source is IPv6 but the destination 10\.5\.0\.0/16 is IPv4
# -- routing (issue 11): tables, replace/change, route show and get, rules,
# -- addr flush, neighbours
cwb|1|route change 10.5.0.0/16 dev veth0|route 10\.5\.0\.0/16: no such route to change
cwb|1|route replace 10.5.0.0/16|10\.5\.0\.0/16: route needs a gateway
cwb|1|route add 10.5.0.0/16 dev veth0 table 4294967296|4294967296: not a routing table
cwb|1|route add 10.5.0.0/16 dev veth0 proto nosuch|nosuch: not a route protocol
cwb|1|route add anycast 10.5.0.0/16 dev veth0|anycast: route type not supported by nsviz
cwb|1|route show table 4242|table 4242: ipv4: FIB table does not exist
cwb|1|route show table nosuch|nosuch: not a routing table
cwb|1|route show type nosuch|nosuch: not a route type
cwb|1|route show dev nope0|Cannot find device "nope0"
cwb|1|route show iif veth0|iif: route show filter not supported by nsviz
cwb|1|route get 10.0.1.5 iif veth0|iif: needs from ADDR too
cwb|1|route get 10.0.1.5 oif nope0|nope0: no such device in the host namespace
cwb|1|route get 10.0.1.5 mark x|x: mark must be a number
cwb|1|rule add|rule add: missing selectors and an action
cwb|1|rule del|rule del: missing selectors and an action
cwb|1|rule del pref 4444|rule del: no such rule \(No such file or directory\)
cwb|1|rule add pref x lookup 1|x: pref must be a number
cwb|1|rule add from 10.0.0.0/8 to 2001:db8::/32 lookup 1|2001:db8::/32: is IPv6, but the rule's other address \(10\.0\.0\.0/8\) is IPv4
cwb|1|rule add lookup 1 blackhole|blackhole: a rule either looks up a table or is blackhole, not both
cwb|1|rule add goto 3|goto: rule option not supported by nsviz
cwb|1|rule add fwmark x lookup 1|x: not a firewall mark
cwb|1|rule show ipproto tcp|ipproto: rule show filter not supported by nsviz
cwb|1|addr flush|addr flush: missing what to flush
cwb|1|addr flush dev nope0|nope0: no such device in the host namespace
cwb|1|addr flush dev veth0 scope bogus|bogus: not a route scope
cwb|1|neigh add 10.0.1.9 lladdr 02:00:00:00:00:09|neigh add 10\.0\.1\.9 lladdr 02:00:00:00:00:09: missing dev NAME
cwb|1|neigh add 10.0.1.9 lladdr 02:00:00:00:00 dev veth0|02:00:00:00:00: not a MAC address
cwb|1|neigh add 10.0.1.9 dev veth0 nud sleepy|sleepy: not a neighbour state
cwb|1|neigh add 10.0.1.9 dev nope0|nope0: no such device in the host namespace
cwb|1|neigh del 10.0.1.9 dev veth0|neigh 10\.0\.1\.9 dev veth0: no such neighbour entry
cwb|1|neigh change 10.0.1.9 lladdr 02:00:00:00:00:09 dev veth0|neigh 10\.0\.1\.9 dev veth0: no such neighbour entry to change
cwb|1|neigh flush|neigh flush: missing what to flush
cwb|1|neigh flush dev nope0|Cannot find device "nope0"
cwb|1|link set veth0 address zz:zz:zz:zz:zz:zz|zz:zz:zz:zz:zz:zz: not a MAC address
cwb|1|link set veth0 address 0a:1b:2c:3d:4e|0a:1b:2c:3d:4e: not a MAC address
cwb|1|link set veth0 address 0a:1b:2c:3d:4e:5f:60|0a:1b:2c:3d:4e:5f:60: not a MAC address
cwb|1|link set veth0 address 01:00:00:00:00:01|01:00:00:00:00:01: a multicast MAC address cannot be an interface's address
cwb|1|link set veth0 address 00:00:00:00:00:00|00:00:00:00:00:00: the all-zero MAC address cannot be an interface's address
cwb|1|link set veth0 mtu abc|abc: mtu must be a number
cwb|1|link set veth0 mtu 0x100|0x100: mtu must be a number
cwb|1|link set veth0 mtu 10|10: mtu (out of range|less than device minimum)
cwb|1|link set veth0 mtu 65537|65537: mtu (out of range|greater than device maximum)
cwb|1|-n vnet link set veth1 mtu 70000|70000: mtu (out of range|greater than device maximum)
cwb|1|link set veth0 up down|down: conflicts with up
cwb|1|link set veth0 name a/b|a/b: interface name must not contain '/'
cwb|1|link set veth0 frob|frob: unknown link setting
cwb|1|link add x1 type vlan|link add x1 type vlan: missing link DEV
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
cwb|1|frob|frob: unknown command \(expected addr, route, rule, neigh, link, netns, ping, echo, send, sysctl, why or nft\)
cwb|1|ip frob|frob: unknown command
cwb|1|ip -z link show|-z: unknown option
cwb|1|nt|nt: means ntable, which nsviz does not support
cwb|1|ru frob|ru frob: unknown rule command \(expected show, add or del\)
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
cwb|1|link add x1|link add x1: missing type KIND
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
cwb|1|route show extra|extra: not an IP address
cwb|1|route get 10.0.1.0 extra|extra: unexpected argument after route get 10\.0\.1\.0
cwb|1|ping -c 1 10.0.2.0 extra|extra: unexpected argument after ping -c 1 10\.0\.2\.0
cwb|1|addr add 10.0.6.1/24 dev veth0 dev veth0|dev: given twice in addr add 10\.0\.6\.1/24 dev veth0
cwb|1|route add 10.5.0.0/16 via 10.0.1.5 via 10.0.1.6|via: given twice in route add 10\.5\.0\.0/16 via 10\.0\.1\.5
cwb|1|link set veth0 up up|up: given twice in link set veth0 up
# -- names others made, escaped in every message
cb|1|netns add $'e\x1b[2J'|e\\x1b\[2J: namespace name contains control character \\x1b$
cb|1|netns del $'e\x1b[2J' extra|extra: unexpected argument after netns del e\\x1b\[2J$
cb|1|-n $'e\x1b[2J' link set nope up|nope: no such device in namespace e\\x1b\[2J$
cb|1|-n $'e\x1b[2J' route add 10.5.0.0/16 via 10.77.0.1|10\.77\.0\.1: gateway not reachable: no route to it in namespace e\\x1b\[2J; add
cb|1|-n $'e\x1b[2J' netns add x1|-n e\\x1b\[2J: netns add takes no -n
cb|1|link add $'a\x1bb' type veth peer name p1|a\\x1bb: interface name contains control character \\x1b$
cb|1|link set $'a\x1bb' mtu 10|10: mtu out of range
cb|1|link set $'a\x1bb' up down|down: conflicts with up
cb|1|link del $'c\x01d' extra|extra: unexpected argument after link del c\\x01d$
cb|1|addr del 10.0.9.9/24 dev $'a\x1bb'|10\.0\.9\.9/24: no such address on a\\x1bb$
cb|1|route add 10.5.0.0/16 via 10.0.1.5 dev $'a\x1bb'|10\.0\.1\.5: gateway not reachable through a\\x1bb: the way to it in the host namespace goes through veth0$
cb|1|link set $'a\x1bb' netns $'e\x1b[2J' mtu 10|10: mtu out of range
cb|1|netns exec $'e\x1b[2J' /nonexistent/prog|exec of "/nonexistent/prog" failed: No such file or directory
cb|1|netns exec $'e\x1b[2J' ip link set $'c\x01d' up|c\\x01d: no such device in namespace e\\x1b\[2J$
cb|1|netns add $'a\x00b'|\\x00: a word cannot hold a NUL byte
cb|1|netns add $'unterminated|\$'unterminated: unterminated \$'\.\.\.' quote
cb|1|netns add a<CR>b|b: unexpected argument after netns add a$
w|1|netns add a<CR>b|a\\x0db: namespace name contains control character \\x0d$
cwb|1|netns add a<TAB>b|b: unexpected argument after netns add a$
cb|1|netns add $'a\tb'|a\\x09b: namespace name contains control character \\x09$
cb|1|netns add $'a\rb'|a\\x0db: namespace name contains control character \\x0d$
cb|1|netns add $'a\nb'|a\\x0ab: namespace name contains control character \\x0a$
cb|1|netns del $'a\nb'|a\\x0ab: no such network namespace$
cb|1|-n $'a\nb' link show|a\\x0ab: no such network namespace$
cb|1|link add $'a\tb' type veth peer name p1|a\\x09b: interface name must not contain blanks
cwb|1|sysctl net.ipv4.<ESC>|net\.ipv4\.\\x1b: sysctl key must not contain control character \\x1b
cwb|1|frob<ESC>]0:title<SOH>|frob\\x1b\]0:title\\x01: unknown command
cwb|1|link set veth0 fr<ESC>[2Job|fr\\x1b\[2Job: unknown link setting
cwb|1|route add 10.5.0.0/16 dev veth0 scope <CSI>|\\xc2\\x9b: not a route scope
cwb|1|ping -c <ESC> 10.0.2.0|\\x1b: ping count must be a positive number
# -- a regular file in /run/netns, not a namespace
cwb|1|netns del plainfile|plainfile: not a network namespace \(/run/netns/plainfile is a regular file, not a namespace mounted there\)
cwb|1|netns add plainfile|plainfile: cannot create namespace: /run/netns/plainfile is there already \(a regular file, not a namespace\)
cwb|1|-n plainfile link show|plainfile: not a network namespace \(/run/netns/plainfile is a regular file
cwb|1|netns exec plainfile true|plainfile: not a network namespace
cwb|1|netns pids plainfile|plainfile: not a network namespace
cwb|1|link set veth0 netns plainfile|plainfile: not a network namespace
cwb|1|link add x1 type veth peer name p1 netns plainfile|plainfile: not a network namespace
cwb|1|-n plainfile ping -c 1 10.0.2.0|plainfile: not a network namespace
cwb|1|-n plainfile echo tcp|plainfile: not a network namespace
# -- sizes at the limits of their types
cwb|1|link set veth0 mtu 0|0: mtu out of range \(68\.\.65536\)
cwb|1|link set veth0 mtu 67|67: mtu out of range \(68\.\.65536\)
cwb|1|link set veth0 mtu 4294967295|4294967295: mtu out of range \(68\.\.65536\)
cwb|1|link set veth0 mtu 4294967296|4294967296: mtu out of range \(68\.\.65536\)
cwb|1|link set veth0 mtu 18446744073709551616|18446744073709551616: mtu (out of range|must be a number)
cwb|1|link set veth0 mtu -1|-1: mtu must be a number
cwb|1|link set veth0 mtu ''|'': mtu must be a number
cwb|1|-n vnet link set lo mtu 65537|65537: mtu out of range \(68\.\.65536\)
cwb|1|addr add 10.0.3.1/4294967296 dev veth0|10\.0\.3\.1/4294967296: prefix length 4294967296 out of range \(0\.\.32\)
cwb|1|addr add 10.0.3.1/99999999999999999999 dev veth0|10\.0\.3\.1/99999999999999999999: prefix length
cwb|1|addr add 2001:db8::1/4294967424 dev veth0|2001:db8::1/4294967424: prefix length 4294967424 out of range \(0\.\.128\)
cwb|1|route add 10.5.0.0/33 dev veth0|10\.5\.0\.0/33: prefix length 33 out of range \(0\.\.32\)
cwb|1|route add 2001:db8::/129 dev veth0|2001:db8::/129: prefix length 129 out of range \(0\.\.128\)
cwb|1|route get 10.0.1.0/33|10\.0\.1\.0/33: expected an address, not a prefix
cwb|1|route add 10.5.0.0/16 dev veth0 metric 18446744073709551616|18446744073709551616: metric must be a number \(0\.\.4294967295\)
cwb|1|route add 10.5.0.0/16 dev veth0 metric -1|-1: metric must be a number \(0\.\.4294967295\)
cwb|1|route add 10.5.0.0/16 dev veth0 scope -1|-1: not a route scope
cwb|1|link add x1 type vlan id 4096|link add x1 type vlan: missing link DEV
cwb|1|link add link veth0 name v.10 type vlan id 4096|4096: VLAN id must be a number 0\.\.4094
cwb|1|link add link nosuch name v.0 type vlan id 0|nosuch: no such device in the host namespace
cwb|1|echo tcp port 0|0: not a port \(expected a number 1\.\.65535\)
cwb|1|echo tcp port 65536|65536: not a port \(expected a number 1\.\.65535\)
cwb|1|echo udp port 4294967296|4294967296: not a port \(expected a number 1\.\.65535\)
cwb|1|echo tcp port -1|-1: not a port
cwb|1|send tcp 10.0.2.0 0 hello|0: not a port \(expected a number 1\.\.65535\)
cwb|1|send udp 10.0.2.0 65536 hello|65536: not a port \(expected a number 1\.\.65535\)
cwb|1|echo tcp max-conns 0|0: max-conns must be a number 1\.\.1048576
cwb|1|echo tcp max-conns 1048577|1048577: max-conns must be a number 1\.\.1048576
cwb|1|echo tcp max-msg 0|0: max-msg must be a number 1\.\.1048576
cwb|1|echo udp max-msg 4294967297|4294967297: max-msg must be a number 1\.\.1048576
cwb|1|echo tcp idle -1|-1: idle must be a number of seconds
cwb|1|ping -c 2147483648 10.0.2.0|2147483648: ping count must be a positive number
cwb|1|ping -c 4294967297 10.0.2.0|4294967297: ping count must be a positive number
cwb|1|ping -c 99999999999999999999 10.0.2.0|99999999999999999999: ping count must be a positive number
cwb|1|ping -W 86401 10.0.2.0|86401: wait \(-W\) out of range
cwb|1|ping -W 0 10.0.2.0|0: wait \(-W\) out of range
cwb|1|ping -i 0 10.0.2.0|0: interval \(-i\) out of range
cwb|1|ping -i 86401 10.0.2.0|86401: interval \(-i\) out of range
cwb|1|netns identify 0|0: not a process id
cwb|1|netns identify -1|-1: not a process id
cwb|1|netns identify 2147483648|2147483648: not a process id
cwb|1|echo stop 4294967296|4294967296: not an echo server id
cwb|1|echo log 0|0: not an echo server id
cwb|1|echo stop 1|echo 1: no such server
# -- names of 15 and 16 characters (bytes), and longer
cwb|1|link set abcdefghijklmno up|abcdefghijklmno: no such device in the host namespace
cwb|1|link set abcdefghijklmnop up|abcdefghijklmnop: interface name longer than 15 characters
cwb|1|link del abcdefghijklmnop|abcdefghijklmnop: interface name longer than 15 characters
cwb|1|addr add 10.0.3.1/24 dev abcdefghijklmnop|abcdefghijklmnop: interface name longer than 15 characters
cwb|1|route add 10.5.0.0/16 dev abcdefghijklmnop|abcdefghijklmnop: interface name longer than 15 characters
cwb|1|neigh show dev abcdefghijklmnop|abcdefghijklmnop: interface name longer than 15 characters
cwb|1|link set veth0 master abcdefghijklmnop|abcdefghijklmnop: interface name longer than 15 characters
cwb|1|ping -c 1 fe80::1%abcdefghijklmnop|fe80::1%abcdefghijklmnop: expected ADDRESS%INTERFACE
cwb|1|ping -c 1 fe80::1%abcdefghijklmno|abcdefghijklmno: no such device in the host namespace
cwb|1|ping -c 1 fe80::1%ghost|ghost: no such device in the host namespace$
cwb|1|-n vnet ping -c 1 fe80::1%veth0|veth0: no such device in namespace vnet$
cwb|1|ping -c 1 fe80::1%99|99: no such device in the host namespace$
cwb|1|ping -c 1 10.0.2.0%veth0|10\.0\.2\.0%veth0: a %INTERFACE zone is for IPv6 link-local addresses
cwb|1|ping -c 1 2001:db8::1%veth0|2001:db8::1%veth0: a %INTERFACE zone is for IPv6 link-local addresses
cwb|1|-n n12345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890 link show|n1234567890.*: namespace name longer than 255 characters
cwb|1|netns del n123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890|n1234567890.*: namespace name longer than 255 characters
cwb|1|netns del n12345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234|n1234567890.*: no such network namespace
# -- unicode names: bytes count, and they are names like any other
cwb|1|link add ünïcödé-namé type veth peer name p1|ünïcödé-namé: interface name longer than 15 bytes
cwb|1|link add x1 type veth peer name ünïcödé-namé|ünïcödé-namé: interface name longer than 15 bytes
cwb|1|link set ünïcödé-namé up|ünïcödé-namé: interface name longer than 15 bytes
cwb|1|link set vëth0 up|vëth0: no such device in the host namespace$
cwb|1|netns del nöpe|nöpe: no such network namespace$
cwb|1|-n nöpe link show|nöpe: no such network namespace$
cwb|1|netns add éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé|(é)+\.\.\.: namespace name longer than 255 bytes
cwb|1|link add 日本語のなまえ type veth peer name p1|日本語のなまえ: interface name longer than 15 bytes
cwb|1|link set ü123456789012345678901234567890123456789012345678901234567éééé up|ü123456789012345678901234567890123456789012345678901234567\.\.\.: interface name longer than 15 bytes$
# -- quoting
cb|1|netns add 'unterminated|'unterminated: unterminated single quote
cb|1|netns add "unterminated|"unterminated: unterminated double quote
cb|1|link set veth0 mtu "1400|"1400: unterminated double quote
c|1|netns add x1\|\\: backslash at the end
# -- tc: kinds, rates and units, devices, parents, what is not there
cwb|1|tc qdisc add dev veth0 root frobq|veth0: qdisc kind frobq: Specified qdisc kind is unknown$
cwb|1|tc qdisc add dev veth0 root Frob!|Frob!: unknown tc qdisc argument \(expected dev NAME, root, parent ID, handle ID or a qdisc kind
cwb|1|tc qdisc add dev veth0 root tbf rate 1foo burst 1600 latency 50ms|1foo: not a rate \(expected a rate like 1mbit, 100kbit or 10mbps\)$
cwb|1|tc qdisc add dev veth0 root tbf rate -1mbit burst 1600 latency 50ms|-1mbit: not a rate \(expected a rate like 1mbit
cwb|1|tc qdisc add dev veth0 root tbf rate 1mbit burst 1600 latency 50parsecs|50parsecs: not a latency \(expected a time like 50ms or 1s\)$
cwb|1|tc qdisc add dev veth0 root tbf rate 1mbit latency 50ms|tbf: missing burst \(tbf needs rate, burst and limit or latency\)$
cwb|1|tc qdisc add dev veth0 root pfifo limit abc|abc: not a limit \(expected a number of packets\)$
cwb|1|tc qdisc add dev veth0 root netem loss 120%|120%: not a loss percentage \(expected a percentage 0\.\.100
cwb|1|tc qdisc add dev veth0 root htb rate 1mbit|rate: unknown htb option \(expected default, r2q, direct_qlen or offload\)$
cwb|1|tc qdisc add dev veth0 handle zz: root pfifo|zz:: not a qdisc handle \(expected a hexadecimal major number
cwb|1|tc qdisc add dev veth0 root ingress|ingress: ingress qdiscs are not supported by nsviz
cwb|1|tc qdisc add root pfifo|qdisc add root pfifo: missing dev NAME \(the interface the qdisc is on\)$
cwb|1|tc qdisc add dev veth0 pfifo|qdisc add dev veth0 pfifo: missing root or parent ID
cwb|1|tc qdisc add dev nope root pfifo|nope: no such device in the host namespace$
cwb|1|-n vnet tc qdisc add dev veth0 root pfifo|veth0: no such device in namespace vnet$
cwb|1|tc class add dev veth0 parent 1: classid 1:1 htb rate 1mbit|veth0: class 1:1: no qdisc 1: on this interface to hold it \(No such file or directory\)$
cwb|1|tc class add dev veth0 parent 1: classid 1:1 htb ceil 2mbit|htb: missing rate \(a class needs rate R\)$
cwb|1|tc class add dev veth0 parent 1: classid 1:1 tbf|tbf: a classless qdisc kind: it has no classes
cwb|1|tc class del dev veth0 classid 1:1|veth0: class 1:1: no such class on this interface \(No such file or directory\)$
cwb|1|tc qdisc del dev veth0 root|veth0: root qdisc: none was added, the kernel's default has nothing to delete
cwb|1|-n vnet tc qdisc del dev veth1 root|veth1: root qdisc: none was added
cwb|1|tc qdisc change dev veth0 root pfifo limit 5|veth0: Qdisc not found\. To create specify NLM_F_CREATE flag$
cwb|1|tc qdisc show dev nope|nope: no such device in the host namespace$
# -- nft: bad words, a table or chain that is not there
cwb|1|nft frob|frob: unknown nft command \(expected add, insert
cwb|1|nft add table ip|Error: syntax error, unexpected newline, expecting string<NL>add table ip<NL> {12}\^$
cwb|1|nft add table inet filt extra|Error: syntax error, unexpected string, expecting end of file or newline or semicolon<NL>add table inet filt extra<NL> {20}\^{5}$
cwb|1|nft add rule inet filt input frob|Error: syntax error, unexpected newline<NL>add rule inet filt input frob<NL> {29}\^$
cwb|1|nft add rule inet filt input tcp dport frob accept|Error: Could not resolve service: .*<NL>add rule inet filt input tcp dport frob accept<NL> {35}\^{4}$
cwb|1|nft add chain ip nosuch c1|Error: No such file or directory<NL>add chain ip nosuch c1<NL> {13}\^{6}$
cwb|1|nft add rule inet filt nosuch accept|Error: Could not process rule: No such file or directory<NL>add rule inet filt nosuch accept<NL> {19}\^{6}$
cwb|1|nft delete table ip nosuch|Error: Could not process rule: No such file or directory<NL>delete table ip nosuch<NL> {16}\^{6}$
cwb|1|nft delete chain inet filt nosuch|Error: Could not process rule: No such file or directory<NL>delete chain inet filt nosuch<NL> {23}\^{6}$
cwb|1|nft list table ip nosuch|Error: No such file or directory<NL>list table ip nosuch<NL> {14}\^{6}$
cwb|1|-n vnet nft add rule inet filt input accept|Error: Could not process rule: No such file or directory<NL>add rule inet filt input accept<NL> {14}\^{4}$
cwb|1|nft -f /nonexistent|-f: not supported by nsviz \(run a file of commands with nsviz -b FILE
EOF

# -- control characters in every name position, generated: TOKEN (raw
# bytes, substituted below), the byte as nsviz shows it (a regex), and
# why a new name with it is refused
while IFS='|' read -r tok shown why; do
	cat <<EOF
# $tok: names nsviz is to make
cwb|1|netns add n${tok}x|n${shown}x: namespace name ${why}
cwb|1|link add v${tok}x type veth peer name p1|v${shown}x: interface name ${why}
cwb|1|link add name v${tok}x type veth peer name p1|v${shown}x: interface name ${why}
cwb|1|link add x1 type veth peer name p${tok}x|p${shown}x: interface name ${why}
cwb|1|link add x1 type veth peer p${tok}x|p${shown}x: interface name ${why}
cwb|1|link add b${tok}x type bridge|b${shown}x: interface name ${why}
EOF
	case $tok in '<SOH>'|'<DEL>'|'<RLO>') continue ;; esac
	cat <<EOF
# $tok: names of what is not there
cwb|1|netns del n${tok}x|n${shown}x: no such network namespace\$
cwb|1|netns pids n${tok}x|n${shown}x: no such network namespace\$
cwb|1|netns exec n${tok}x true|n${shown}x: no such network namespace\$
cwb|1|-n n${tok}x link show|n${shown}x: no such network namespace\$
cwb|1|-n n${tok}x ping -c 1 10.0.2.0|n${shown}x: no such network namespace\$
cwb|1|-n n${tok}x echo tcp|n${shown}x: no such network namespace\$
cwb|1|link set veth0 netns n${tok}x|n${shown}x: no such network namespace\$
cwb|1|link add x1 type veth peer name p1 netns n${tok}x|n${shown}x: no such network namespace\$
cwb|1|link set v${tok}x up|v${shown}x: no such device in the host namespace\$
cwb|1|link set dev v${tok}x mtu 1400|v${shown}x: no such device in the host namespace\$
cwb|1|link del v${tok}x|v${shown}x: no such device in the host namespace\$
cwb|1|-n vnet link del dev v${tok}x|v${shown}x: no such device in namespace vnet\$
cwb|1|link show v${tok}x|Device "v${shown}x" does not exist\.\$
cwb|1|addr add 10.0.3.1/24 dev v${tok}x|v${shown}x: no such device in the host namespace\$
cwb|1|addr del 10.0.1.0/24 dev v${tok}x|v${shown}x: no such device in the host namespace\$
cwb|1|addr show dev v${tok}x|Device "v${shown}x" does not exist\.\$
cwb|1|route add 10.5.0.0/16 dev v${tok}x|v${shown}x: no such device in the host namespace\$
cwb|1|route del 10.0.2.0/24 dev v${tok}x|v${shown}x: no such device in the host namespace\$
cwb|1|neigh show dev v${tok}x|Cannot find device "v${shown}x"\$
cwb|1|link set veth0 master v${tok}x|v${shown}x: no such device in the host namespace\$
cwb|1|ping -c 1 fe80::1%v${tok}x|v${shown}x: no such device in the host namespace\$
cwb|1|netns exec vnet ip link set v${tok}x up|v${shown}x: no such device in namespace vnet\$
EOF
done >>"$TMPD/table" <<'EOF'
<ESC>|\\x1b|contains control character \\x1b$
<SOH>|\\x01|contains control character \\x01$
<DEL>|\\x7f|contains control character \\x7f$
<CSI>|\\xc2\\x9b|contains control character \\xc2\\x9b$
<RLO>|\\xe2\\x80\\xae|contains bidirectional control character \\xe2\\x80\\xae$
<FF>|\\xff|is not valid UTF-8 \(byte \\xff\)$
EOF

# <ESC> and the like in a command: the raw bytes
raw() {
	printf '%s' "$1" | sed -e "s/<ESC>/$ESC/g" -e "s/<SOH>/$SOH/g" \
		-e "s/<DEL>/$DEL/g" -e "s/<CSI>/$CSI/g" -e "s/<FF>/$FF/g" \
		-e "s/<RLO>/$RLO/g" -e "s/<TAB>/$TAB/g" -e "s/<CR>/$CR/g"
}

# no_raw DESC TEXT: nothing in TEXT that a terminal acts on (C0 controls
# but newline, DEL, C1 controls as UTF-8, ESC of course)
no_raw() {
	if printf '%s' "$2" | tr -d '\n\t' | grep -q "[$(printf '\001-\037\177')]" ||
	   printf '%s' "$2" | grep -q "$(printf '\302')[$(printf '\200-\237')]"; then
		fail "$1" "raw control bytes in:" "$(printf '%s' "$2" | od -c | head -n 5)"
	else
		pass "$1"
	fi
}

# one_door DOOR EXIT CMD MSG: run CMD through DOOR, check everything
N_CASES=0
one_door() {
	door=$1 want=$2 shown_cmd=$3 msg=$4
	rcmd=$(raw "$3")
	case $door in
	c)	label="-c '$shown_cmd'"
		prefix='nsviz: (-c: )?'
		run "$NSVIZ" -c "$rcmd" ;;
	w)	label="words: $shown_cmd"
		prefix='nsviz: '
		eval "set -- $rcmd"
		run "$NSVIZ" "$@" ;;
	b)	label="-b: $shown_cmd"
		prefix="$TMPD/bad\\.batch:3: "
		{
			echo "# a bad command on line 3; the line after it must not run"
			echo
			printf '%s\n' "$rcmd"
			echo "netns add after-the-bad-line"
		} >"$TMPD/bad.batch"
		run "$NSVIZ" -b "$TMPD/bad.batch" ;;
	p)	label="prompt: $shown_cmd"
		prefix=''
		printf '%s\n' "$rcmd" >"$TMPD/bad.line"
		run "$NSVIZ" <"$TMPD/bad.line" ;;
	esac
	if [ "$RC" = "$want" ]; then pass "$label: exit status $want"; else
		fail "$label: exit status $want" "exit status $RC" \
			"stdout: $OUT" "stderr: $ERR"
	fi
	case $msg in
	*'<NL>'*) errtext=$(printf '%s\n' "$ERR" |
		awk 'NR > 1 { printf "<NL>" } { printf "%s", $0 }') ;;
	*) errtext=$ERR ;;
	esac
	check_match "$label: message" "$errtext" "^$prefix$msg"
	case $ERR in *"$ESC"*|*"$SOH"*|*"$DEL"*|*"$CSI"*|*"$CR"*)
		fail "$label: the message escapes what it echoes" "$ERR" ;;
	esac
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
	case $doors in *b*) one_door b "$want" "$cmd" "$msg"
	                    one_door p "$want" "$cmd" "$msg" ;; esac
done <"$TMPD/table"
echo "# $N_CASES bad inputs in the table"
check_match "the table has at least 300 cases" "$N_CASES" '^([3-9][0-9][0-9]|[1-9][0-9][0-9][0-9]+)$'

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

# --- batch files: CRLF, NUL, a backslash at the very end ---------------------------
# bad_batch DESC FILE LINE MSG: -b FILE fails at LINE with MSG, nothing changed
bad_batch() {
	run nsv -b "$2"
	check_eq "$1: exit status 1" "$RC" 1
	check_eq "$1: FILE:$3: message" "$ERR" "$2:$3: $4"
	snapshot "$TMPD/after"
	check_same "$1: nothing changed (nor ran after it)" "$TMPD/before" "$TMPD/after"
	mv "$TMPD/after" "$TMPD/before"
}
# CRLF line ends are taken (a file from another system), the CR is no
# part of any word: the bad line says the same as without it
printf 'netns list\r\n# a comment\r\nlink set veth9 up\r\nnetns add never-made\r\n' \
	>"$TMPD/crlf.batch"
bad_batch "-b: CRLF lines" "$TMPD/crlf.batch" 3 \
	"veth9: no such device in the host namespace"
printf 'link show veth0\r\n' >"$TMPD/crlf-ok.batch"
run nsv -b "$TMPD/crlf-ok.batch"
check_eq "-b: a CRLF line that is good runs" "$RC" 0
check_match "-b: a CRLF line that is good runs: its output" "$OUT" '^[0-9]+: veth0@'
printf 'netns add x1\ry1\r\n' >"$TMPD/crcr.batch"
bad_batch "-b: CR inside a line is a blank" "$TMPD/crcr.batch" 1 \
	"y1: unexpected argument after netns add x1"
# a NUL byte: the rest of the line would silently be lost
printf 'netns list\n\nnetns add x1\000 y1\nnetns add never-made\n' >"$TMPD/nul.batch"
bad_batch "-b: a NUL byte" "$TMPD/nul.batch" 3 \
	"the line holds a NUL byte (at column 13); a batch file is text"
printf 'netns add x1\000' >"$TMPD/nul-end.batch"
bad_batch "-b: a NUL byte at the end, no newline" "$TMPD/nul-end.batch" 1 \
	"the line holds a NUL byte (at column 13); a batch file is text"
# one rule with -c: a backslash at the very end continues nothing, and
# the command it would have continued does not run
printf 'netns list\nnetns add never-made \\' >"$TMPD/bs.batch"
bad_batch "-b: a backslash at the end of the file" "$TMPD/bs.batch" 2 \
	'\: backslash at the end of the file has nothing to continue'
printf 'netns list\nnetns add \\\nnever-made \\\n' >"$TMPD/bs2.batch"
bad_batch "-b: a backslash on the last line, after a continued one" \
	"$TMPD/bs2.batch" 3 '\: backslash at the end of the file has nothing to continue'
run nsv -c 'netns list; netns add never-made \'
check_eq "-c: a backslash at the end: exit status 1" "$RC" 1
check_eq "-c: a backslash at the end: message" "$ERR" \
	'nsviz: \: backslash at the end of the line has nothing to escape'

# --- 1 MB lines ------------------------------------------------------------------
# one word of 1 MiB (the -c door: 120 KiB, under the kernel's limit for one
# argument); the message shortens it.  (The files are made by head and tr:
# no shell variable of a megabyte.)
n60=$(printf '%060d' 0 | tr 0 n)
{ printf 'netns add '; head -c 1048576 /dev/zero | tr '\0' n; echo; } >"$TMPD/big.batch"
bad_batch "-b: a 1 MiB line" "$TMPD/big.batch" 1 \
	"$n60...: namespace name longer than 255 characters"
run nsv <"$TMPD/big.batch"
check_eq "prompt: a 1 MiB line: exit status 1" "$RC" 1
check_eq "prompt: a 1 MiB line: message" "$ERR" \
	"$n60...: namespace name longer than 255 characters"
run nsv -c "link set veth0 mtu $(head -c 122880 /dev/zero | tr '\0' n)"
check_eq "-c: a 120 KiB word: exit status 1" "$RC" 1
check_eq "-c: a 120 KiB word: message" "$ERR" "nsviz: $n60...: mtu must be a number (68..65536)"
# half a million words
{ printf 'netns add'; head -c 1048576 /dev/zero | tr '\0' ' ' | sed 's/  / x/g'; echo; } \
	>"$TMPD/words.batch"
bad_batch "-b: a line of 524288 words" "$TMPD/words.batch" 1 \
	"x: unexpected argument after netns add x"

# --- a namespace deleted under a running echo server --------------------------------
run nsv -c 'netns add gone; -n gone echo tcp port 4100; netns del gone; echo stop 1'
check_eq "echo server, namespace deleted: exit status 1" "$RC" 1
check_match "echo server, namespace deleted: the server is reported stopped" \
	"$OUT" '^echo 1 \(tcp 0\.0\.0\.0:4100 in namespace gone, pid [0-9]+\): namespace gone was deleted; server stopped$'
check_eq "echo server, namespace deleted: echo stop names it" "$ERR" \
	"nsviz: echo 1: no such server (echo list shows the running ones)"
run nsv -c "-n \$'e\\x1b[2J' echo tcp port 4100; echo list"
check_eq "echo server in e^[[2J: exit status 0" "$RC" 0
no_raw "echo server in e^[[2J: echo list escapes the namespace" "$OUT"
check_match "echo server in e^[[2J: its name, escaped" "$OUT" \
	'^1 +e\\x1b\[2J +tcp +4100 '
snapshot "$TMPD/after"
check_same "echo servers: nothing changed" "$TMPD/before" "$TMPD/after"
mv "$TMPD/after" "$TMPD/before"

# --- names others made, printed ---------------------------------------------------
# every output that holds one escapes it (nsviz(1): \xHH)
for args in "netns list" "link show" "addr show" "route show" "neigh show" \
	"-n \$'e\\x1b[2J' link show" "netns exec \$'e\\x1b[2J' ip addr show" \
	"netns identify" "link show \$'c\\x01d'"; do
	run nsv -c "$args"
	check_eq "$args: exit status 0" "$RC" 0
	no_raw "$args: nothing raw on stdout" "$OUT"
	no_raw "$args: nothing raw on stderr" "$ERR"
done
run nsv show
no_raw "show: nothing raw" "$OUT$ERR"
run nsv netns list
check_match "netns list: e\\x1b[2J" "$OUT" '^e\\x1b\[2J$'
run nsv link show
check_match "link show: a\\x1bb@c\\x01d" "$OUT" '^[0-9]+: a\\x1bb@c\\x01d: <'
run nsv show
check_match "show: the namespace" "$OUT" '^e\\x1b\[2J: named \(/run/netns/e\\x1b\[2J\)'
check_match "show: the links" "$OUT" '^  a\\x1bb +veth +c\\x01d '
run nsv -v -c "link set \$'a\\x1bb' down"
check_eq "-v: the canonical command, as bash takes it" "$ERR" \
	"+ ip link set \$'a\\x1bb' down"
run nsv show --json
no_raw "show --json: nothing raw" "$OUT"
check_match "show --json: \\u001b" "$OUT" '"ifname": "a\\u001bb"'
# the canonical form reads back: it names the same link
run nsv -c "link show \$'a\\x1bb'"
check_match "link show \$'a\\x1bb': found" "$OUT" '^[0-9]+: a\\x1bb@c\\x01d: <'
# monitor: a change to the link, as it is reported
# (there is no sign that it is watching yet: change the link until a
# change is seen)
nsv monitor >"$TMPD/monitor.out" 2>&1 &
mon=$!
n=0
until grep -q 'c\\x01d' "$TMPD/monitor.out" || [ $n -ge 600 ]; do
	ip link set "$EVIL_PEER" mtu $((1400 + n % 2))
	sleep 0.1
	n=$((n + 1))
done
kill "$mon"; wait "$mon" 2>/dev/null
check_match "monitor: the link, escaped" "$(cat "$TMPD/monitor.out")" 'c\\x01d@a\\x1bb: <'
no_raw "monitor: nothing raw" "$(cat "$TMPD/monitor.out")"
ip link set "$EVIL_PEER" mtu 1500
snapshot "$TMPD/after"
check_same "names others made: nothing changed" "$TMPD/before" "$TMPD/after"
mv "$TMPD/after" "$TMPD/before"

# --- the UI's `:` line itself, in tmux ---------------------------------------------
# The prompt door above runs the same code; here a few cases go through
# the real full-screen UI: the message shows in its log, escaped, and
# nothing changes.  (Raw control bytes cannot be typed there: ESC is the
# Escape key.)
if command -v tmux >/dev/null 2>&1; then
	unset TMUX TMUX_PANE
	export TMUX_TMPDIR="$TMPD"
	HOME="$TMPD/home" XDG_CONFIG_HOME="$TMPD/config"
	export HOME XDG_CONFIG_HOME
	mkdir -p "$HOME" "$XDG_CONFIG_HOME"
	tm() { tmux -L "bad-inputs-$$" -f "$TMUX_CONF" "$@"; }
	trap 'tm kill-server >/dev/null 2>&1; rm -rf "$TMPD"' EXIT
	# see REGEX: poll the screen until it shows REGEX (at most 15 s)
	see() {
		_n=0
		until tm capture-pane -p -t ui | grep -Eq -- "$1"; do
			[ $_n -ge 750 ] && return 1
			sleep 0.02
			_n=$((_n + 1))
		done
	}
	tm new-session -d -s ui -x 200 -y 60 "$NSVIZ"
	if see 'Namespaces'; then pass "UI: started"; else fail "UI: started"; fi
	while IFS='|' read -r cmd msg; do
		tm send-keys -t ui ':'
		tm send-keys -t ui -l -- "$cmd"
		tm send-keys -t ui Enter
		if see "$msg"; then pass ": $cmd: message"; else
			fail ": $cmd: message" "expected: $msg" \
				"$(tm capture-pane -p -t ui | tail -n 12)"
		fi
		snapshot "$TMPD/after"
		check_same ": $cmd: nothing changed" "$TMPD/before" "$TMPD/after"
		mv "$TMPD/after" "$TMPD/before"
	done <<'EOF'
netns add $'q\x1b[31m'|q\\x1b\[31m: namespace name contains control character \\x1b
link add v1 type veth peer name $'p\x7f'|p\\x7f: interface name contains control character \\x7f
-n $'e\x1b[2J' link set nope up|nope: no such device in namespace e\\x1b\[2J
link set $'zz\x1b' up|zz\\x1b: no such device in the host namespace
netns del plainfile|plainfile: not a network namespace \(/run/netns/plainfile is a regular file
route add 10.5.0.0/16 via 10.77.0.1|10\.77\.0\.1: gateway not reachable: no route to it in the host namespace
-n vnet ping -c 1 fe80::1%ghost|ghost: no such device in namespace vnet
zorch|zorch: unknown command \(expected addr, route, rule, neigh, link, netns, ping, echo, send, sysctl, why or nft\)
link set veth0 mtu 65537|65537: mtu out of range \(68\.\.65536\)
EOF
	no_raw "UI: nothing raw on the screen" "$(tm capture-pane -p -t ui)"
	tm kill-server >/dev/null 2>&1
else
	echo "# no tmux: the UI's : line was not tried"
fi

# --- and the topology is still the one we built ----------------------------------
check_eq "in the end: host routes unchanged" "$(ip route)" \
	"10.0.1.0/24 dev veth0 proto kernel scope link src 10.0.1.0 
10.0.2.0/24 dev veth0 scope link "
check_eq "in the end: vnet routes unchanged" "$(ip -n vnet route)" \
	"10.0.1.0 dev veth1 scope link 
10.0.2.0/24 dev veth1 proto kernel scope link src 10.0.2.0 "
check_eq "in the end: the same namespaces" \
	"$(ip netns list | cut -d' ' -f1 | sort | tr '\n' ' ')" "$EVIL_NS other plainfile vnet "

done_testing
