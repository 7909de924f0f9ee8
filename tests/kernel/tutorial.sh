#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The whole tutorial (../shared/seed/netns-README.md), step by step through
# nsviz -c, with the outcomes the tutorial shows; then once more as one
# batch file inside nsviz's own --sandbox.
. "${TOP_SRCDIR:-$(dirname "$0")/../..}/tests/lib/common.sh"
sandbox_reexec

nsv() { "$NSVIZ" "$@"; }

# --- the veth pair --------------------------------------------------------
check_rc "link add veth pair" 0 nsv -c 'ip link add veth0 type veth peer name veth1'
run nsv link show veth0
check_match "link show veth0 names its peer" "$OUT" \
	'^[0-9]+: veth0@veth1: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000$'
check_match "link show veth0: ether line" "$OUT" \
	'^    link/ether ([0-9a-f]{2}:){5}[0-9a-f]{2} brd ff:ff:ff:ff:ff:ff$'
check_eq "nsviz link show == ip link show (veth0)" "$OUT" "$(ip link show veth0)"
check_eq "nsviz link show == ip link show (veth1)" "$(nsv link show veth1)" "$(ip link show veth1)"

check_rc "addr add 10.0.1.0/24 dev veth0" 0 nsv -c 'addr add 10.0.1.0/24 dev veth0'
check_rc "link set veth0 up" 0 nsv -c 'link set veth0 up'
run nsv addr show veth0
check_match "addr show veth0: the address" "$OUT" '^    inet 10\.0\.1\.0/24 scope global veth0$'
check_match "addr show veth0: lifetimes" "$OUT" '^       valid_lft forever preferred_lft forever$'

# --- the namespace ----------------------------------------------------------
check_rc "netns add vnet" 0 nsv netns add vnet
run nsv netns list
check_match "netns list shows vnet" "$OUT" '^vnet( \(id: [0-9]+\))?$'
check_eq "ip netns list sees nsviz's namespace" "$(ip netns list | cut -d' ' -f1)" "vnet"

check_rc "link set veth1 netns vnet" 0 nsv link set veth1 netns vnet
run nsv link show veth1
check_eq "veth1 left the host: exit status" "$RC" 1
check_eq "veth1 left the host: iproute2's message" "$ERR" 'nsviz: Device "veth1" does not exist.'

run nsv netns exec vnet ip link show veth1
check_match "netns exec vnet ip link show veth1" "$OUT" \
	'^[0-9]+: veth1@if[0-9]+: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000$'
check_match "veth1's peer is in the host (link-netnsid 0)" "$OUT" 'link-netnsid 0$'
check_eq "in-process netns exec == real ip" "$OUT" "$(ip -n vnet link show veth1)"

check_rc "vnet: addr add 10.0.2.0/24 dev veth1" 0 nsv -c 'ip netns exec vnet ip addr add 10.0.2.0/24 dev veth1'
check_rc "vnet: link set veth1 up" 0 nsv -n vnet link set veth1 up
# the carrier is there at once (LOWER_UP), state UP and the routes without
# linkdown a moment later: what follows shows them, wait for the kernel
wait_carrier -n vnet veth1
wait_carrier veth0
run nsv -c 'ip -n vnet link show veth1'
check_match "veth1 is UP with carrier" "$OUT" 'veth1@if[0-9]+: <BROADCAST,MULTICAST,UP,LOWER_UP> .* state UP '

# --- the failing ping ---------------------------------------------------------
run nsv ping -c 1 -W 1 10.0.2.1
check_eq "first ping fails (exit 2, as iputils)" "$RC" 2
check_match "first ping: no route" "$OUT$ERR" 'connect: Network is unreachable'
run nsv route get 10.0.2.1
check_eq "route get 10.0.2.1 fails" "$RC" 1
check_match "route get names the kernel's reason" "$ERR" '10\.0\.2\.1: Network is unreachable'
run nsv route show
check_eq "host routes before: only the kernel's" "$OUT" \
	"10.0.1.0/24 dev veth0 proto kernel scope link src 10.0.1.0 "

check_rc "route add 10.0.2.0/24 dev veth0 scope link" 0 nsv route add 10.0.2.0/24 dev veth0 scope link
run nsv route show
check_eq "host routes after" "$OUT" "10.0.1.0/24 dev veth0 proto kernel scope link src 10.0.1.0 
10.0.2.0/24 dev veth0 scope link "
check_eq "route show == ip route" "$OUT" "$(ip route)"
run nsv route get 10.0.2.0
check_match "route get 10.0.2.0 goes through veth0" "$OUT" '^10\.0\.2\.0 dev veth0 src 10\.0\.1\.0 uid 0 $'
check_eq "route get == ip route get" "$OUT" "$(ip route get 10.0.2.0)"

# one route is not enough.  With reverse-path filtering in vnet (the
# tutorial's Ubuntu had it on), vnet will not even answer ARP from
# 10.0.1.0, and the host's kernel reports the tutorial's own outcome:
check_rc "rp_filter=1 in vnet" 0 nsv netns exec vnet sh -c 'echo 1 > /proc/sys/net/ipv4/conf/all/rp_filter'
run nsv ping -c 1 -W 5 10.0.2.0
check_eq "ping with one route fails" "$RC" 1
check_match "tutorial: From 10.0.1.0 icmp_seq=1 Destination Host Unreachable" "$OUT" \
	'^From 10\.0\.1\.0 icmp_seq=1 Destination Host Unreachable$'
check_match "ping statistics count the error" "$OUT" '^1 packets transmitted, 0 received, \+1 errors, 100% packet loss'
# Without the filter (this kernel's default), ARP works, the requests
# reach vnet and only the replies are lost, for want of a route back.
check_rc "rp_filter back to 0" 0 nsv netns exec vnet sh -c 'echo 0 > /proc/sys/net/ipv4/conf/all/rp_filter'
run nsv ping -c 1 -W 2 10.0.2.0
check_eq "ping with one route still fails" "$RC" 1
check_match "... every request lost" "$OUT" '^1 packets transmitted, 0 received, 100% packet loss'
# nobody has 10.0.2.1: the host's ARP fails whatever vnet does
run nsv ping -c 1 -W 5 10.0.2.1
check_match "ping to an absent host: Destination Host Unreachable" "$OUT" \
	'^From 10\.0\.1\.0 icmp_seq=1 Destination Host Unreachable$'

run nsv -c 'ip netns exec vnet ip route'
check_eq "vnet routes before" "$OUT" "10.0.2.0/24 dev veth1 proto kernel scope link src 10.0.2.0 "
check_rc "vnet: route add 10.0.1.0 dev veth1 scope link" 0 nsv -c 'ip netns exec vnet ip route add 10.0.1.0 dev veth1 scope link'
run nsv -c 'ip netns exec vnet ip route'
check_eq "vnet routes after (the tutorial's two lines)" "$OUT" "10.0.1.0 dev veth1 scope link 
10.0.2.0/24 dev veth1 proto kernel scope link src 10.0.2.0 "
check_eq "vnet route show == ip -n vnet route" "$OUT" "$(ip -n vnet route)"

# --- it works -------------------------------------------------------------------
run nsv ping -c 3 -i 0.2 -W 2 10.0.2.0
check_eq "ping with both routes succeeds" "$RC" 0
check_match "ping header" "$OUT" '^PING 10\.0\.2\.0 \(10\.0\.2\.0\) 56\(84\) bytes of data\.$'
check_match "ping reply line" "$OUT" '^64 bytes from 10\.0\.2\.0: icmp_seq=1 ttl=64 time=[0-9.]+ ms$'
check_match "ping statistics: no loss" "$OUT" '^3 packets transmitted, 3 received, 0% packet loss, time [0-9]+ms$'
check_match "ping rtt line" "$OUT" '^rtt min/avg/max/mdev = [0-9.]+/[0-9.]+/[0-9.]+/[0-9.]+ ms$'

# ... and only while both routes exist
check_rc "route del on the host" 0 nsv route del 10.0.2.0/24 dev veth0
run nsv ping -c 1 -W 1 10.0.2.0
check_eq "without the host route, ping fails again" "$RC" 2
check_rc "route add again" 0 nsv route add 10.0.2.0/24 dev veth0 scope link
check_rc "ping works again" 0 nsv ping -c 1 -W 2 10.0.2.0

# --- netns pids -------------------------------------------------------------------
"$NSVIZ" netns exec vnet sleep 30 &
SPID=$!
i=0
while [ $i -lt 50 ]; do
	"$NSVIZ" netns pids vnet | grep -q . && break
	sleep 0.1; i=$((i + 1))
done
run nsv netns pids vnet
PIDS=$OUT
check_match "netns pids vnet lists the process started with netns exec" "$PIDS" '^[0-9]+$'
SLEEPER=$(printf '%s\n' "$PIDS" | head -n1)
check_eq "that pid runs sleep" "$(cat /proc/$SLEEPER/comm 2>/dev/null)" "sleep"
check_eq "nsviz netns pids == ip netns pids" "$PIDS" "$(ip netns pids vnet)"
run nsv netns identify "$SLEEPER"
check_eq "netns identify PID" "$OUT" "vnet"
kill "$SPID" 2>/dev/null; kill "$SLEEPER" 2>/dev/null; wait 2>/dev/null

# --- the same tutorial as one batch file in nsviz's own sandbox -----------------
cat >"$TMPD/tutorial.nsviz" <<'B'
# the tutorial, as a batch file
ip link add veth0 type veth peer name veth1
ip addr add 10.0.1.0/24 dev veth0
ip link set veth0 up
ip netns add vnet
ip link set veth1 netns vnet
ip -n vnet addr add 10.0.2.0/24 dev veth1
ip -n vnet link set veth1 up

ip route add 10.0.2.0/24 dev veth0 scope link
ip netns exec vnet ip route add 10.0.1.0 dev veth1 scope link
ping -c 2 -i 0.2 -W 2 10.0.2.0
route get 10.0.2.0
B
run "$NSVIZ" --sandbox -b "$TMPD/tutorial.nsviz"
check_eq "batch tutorial in --sandbox: exit 0" "$RC" 0
check_match "batch tutorial: ping answered" "$OUT" '^2 packets transmitted, 2 received, 0% packet loss'
check_match "batch tutorial: route get" "$OUT" '^10\.0\.2\.0 dev veth0 src 10\.0\.1\.0 uid 0 $'
check_eq "the --sandbox run left nothing behind here" "$(ip netns list | cut -d' ' -f1)" "vnet"

done_testing
