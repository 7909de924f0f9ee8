#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# make-captures-llc.sh - remake the real STP and IGMP captures of this
# folder, by hand:
#   sh tests/data/make-captures-llc.sh
# Inside a sandbox (tests/lib/common.sh), as make-captures.sh:
# stp-bridge: two bridges with STP on (the kernel's own 802.1D), joined
#   by a veth pair, captured on br0's port: config BPDUs every 2 s from
#   the root, a topology change (a port added to br1) with its TCN BPDU
#   and the root's Topology change / ACK flags.
# igmp-join: a host joining and leaving 239.1.1.1 (python3,
#   IP_ADD_MEMBERSHIP) with IGMP v3, v2 and v1 in turn, and the queries
#   of a bridge that is the querier (v2, then v3).
# Needs tcpdump and python3.
. "$(dirname "$0")/capture-lib.sh"
DECODE_FLAGS="v e"
# its texts: NAME.txt, NAME.v.txt, NAME.e.txt

# ---- STP: br0 (priority 0x1000, the root) -- veth -- br1 in ns b
ip netns add b
ip link add br0 type bridge
ip link set br0 address 02:00:00:00:0b:00
ip link add p0 type veth peer name p1 netns b
ip link set p0 address 02:00:00:00:0a:01
ip -n b link set p1 address 02:00:00:00:0a:02
ip link set p0 master br0
ip -n b link add br1 type bridge
ip -n b link set br1 address 02:00:00:00:0b:01
ip -n b link set p1 master br1
ip link set br0 type bridge priority 4096 forward_delay 400 hello_time 200
ip -n b link set br1 type bridge forward_delay 400 hello_time 200
ip link set p0 up
start stp-bridge -i p0 stp
ip link set br0 type bridge stp_state 1
ip -n b link set br1 type bridge stp_state 1
ip link set br0 up
ip -n b link set p1 up
ip -n b link set br1 up
sleep 11
# a new port on br1 that comes to forwarding: br1 tells the root (TCN)
ip -n b link add p2 type veth peer name p3
ip -n b link set p2 master br1
ip -n b link set p2 up
ip -n b link set p3 up
sleep 14
stop stp-bridge
ip link del br0
ip link del p0 2>/dev/null
ip netns del b

# ---- IGMP: a host (ns h) behind a bridge that becomes the querier
ip netns add h
ip link add br2 type bridge mcast_querier 0 mcast_igmp_version 3 \
	mcast_query_interval 300 mcast_query_response_interval 100 \
	mcast_startup_query_count 1 mcast_startup_query_interval 200
ip link set br2 address 02:00:00:00:0c:00
ip addr add 10.0.9.1/24 dev br2
ip link add q0 type veth peer name q1 netns h
ip link set q0 address 02:00:00:00:0c:01
ip -n h link set q1 address 02:00:00:00:0c:02
ip link set q0 master br2
ip -n h addr add 10.0.9.2/24 dev q1
ip -n h link set lo up
ip link set q0 up
ip -n h link set q1 up
ip link set br2 up
sleep 2
start igmp-join -i q0 igmp
# join 239.1.1.1 for $2 seconds, then leave, with IGMP version $1 (0:
# the kernel's choice, v3 while no older querier was heard)
join() {
	ip netns exec h sh -c "echo $1 > /proc/sys/net/ipv4/conf/q1/force_igmp_version"
	ip netns exec h python3 -c '
import socket, struct, sys, time
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
m = struct.pack("4s4s", socket.inet_aton("239.1.1.1"), socket.inet_aton("10.0.9.2"))
s.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP, m)
time.sleep(float(sys.argv[1]))
s.setsockopt(socket.IPPROTO_IP, socket.IP_DROP_MEMBERSHIP, m)
time.sleep(1)
' "$2"
}
join 0 1.5
# the bridge starts querying (v3): the member answers
ip link set br2 type bridge mcast_querier 1
join 0 4
# a v2 querier, then hosts forced to v2 and v1
ip link set br2 type bridge mcast_igmp_version 2
sleep 3.5
join 2 1.5
join 1 1.5
sleep 1
stop igmp-join
rm -f "$OUT/igmp-join.e.txt"   # as committed: no -e text for it
ip link del br2
ip netns del h
echo "captures written to $OUT"
