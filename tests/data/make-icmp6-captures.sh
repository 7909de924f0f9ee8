#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# make-icmp6-captures.sh - remake icmp6-real.pcap and icmp6-mld.pcap, by
# hand:  sh tests/data/make-icmp6-captures.sh
# Inside a sandbox (tests/lib/common.sh): ICMPv6 the kernel sends by
# itself: router solicitations, duplicate address detection, MLDv2 and
# (forced) MLDv1 reports and dones, neighbour solicitation and
# advertisement, echo, and the errors of a router namespace (no route,
# prohibited, address unreachable, port unreachable, hop limit
# exceeded, packet too big); and a bridge's MLDv1 and MLDv2 queries.
# Then tcpdump -n (-v, -vv) -r writes the text each .pcap must decode to.
# Needs tcpdump, ping, socat.
. "$(dirname "$0")/capture-lib.sh"
DECODE_FLAGS="v vv"

# root veth0 -- veth1 vnet (a router) veth2 -- veth3 far, MTU 1280 there
ip link add veth0 type veth peer name veth1
ip link set veth0 address 02:00:00:00:01:00
ip link set veth1 address 02:00:00:00:02:00
ip netns add vnet
ip netns add far
ip link set veth1 netns vnet
ip -n vnet link add veth2 mtu 1280 type veth peer name veth3 mtu 1280 netns far
ip netns exec vnet sysctl -qw net.ipv6.conf.all.forwarding=1
ip -n vnet link set lo up
ip -n far link set lo up

ip link set veth0 up
start icmp6-real -i veth0
ip -n vnet link set veth1 up
ip -n vnet link set veth2 up
ip -n far link set veth3 up
ip addr add 2001:db8:1::1/64 dev veth0
ip -n vnet addr add 2001:db8:1::2/64 dev veth1
ip -n vnet addr add 2001:db8:2::1/64 dev veth2
ip -n far addr add 2001:db8:2::2/64 dev veth3
wait_ll veth0
wait_ll -n vnet veth1
sleep 2
ip -6 route add 2001:db8::/32 via 2001:db8:1::2
ip -n far -6 route add 2001:db8:1::/64 via 2001:db8:2::1
ip -n vnet -6 route add unreachable 2001:db8:99::/64
ip -n vnet -6 route add prohibit 2001:db8:98::/64
ping -6 -c 1 -W 1 2001:db8:1::2 >/dev/null
ping -6 -c 1 -W 1 2001:db8:99::1 >/dev/null
ping -6 -c 1 -W 1 2001:db8:98::1 >/dev/null
ping -6 -c 1 -W 1 -t 1 2001:db8:2::2 >/dev/null
ping -6 -c 1 -W 1 -s 1400 -M do 2001:db8:2::2 >/dev/null
ping -6 -c 1 -W 1 2001:db8:2::2 >/dev/null
echo hi | socat -t 0.5 - UDP6:[2001:db8:1::2]:9 >/dev/null 2>&1
ping -6 -c 1 -W 4 2001:db8:2::99 >/dev/null
# MLDv1: a group joined and left with the version forced
sysctl -qw net.ipv6.conf.veth0.force_mld_version=1
ip addr add 2001:db8:1::7/64 dev veth0
sleep 1
ip addr del 2001:db8:1::7/64 dev veth0
sleep 1
stop icmp6-real

# a bridge's MLD queries (v2, then v1), on a port's far end
ip -n vnet link add br0 type bridge mcast_snooping 1 mcast_querier 1 \
	mcast_mld_version 2 mcast_query_interval 100 mcast_startup_query_interval 100
ip -n vnet link add veth5 type veth peer name veth4 netns 1
ip -n vnet link set veth5 master br0
ip link set veth4 up
start icmp6-mld -i veth4 ip6
ip -n vnet link set veth5 up
ip -n vnet link set br0 up
sleep 4
ip -n vnet link set br0 type bridge mcast_mld_version 1
ip -n vnet link set br0 down
ip -n vnet link set br0 up
sleep 4
stop icmp6-mld
