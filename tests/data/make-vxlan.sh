#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# make-vxlan.sh - remake tests/data/vxlan.pcap and vxlan.txt, by hand:
#   sh tests/data/make-vxlan.sh
# Inside a sandbox (tests/lib/common.sh): two namespaces joined by a veth
# pair, a VXLAN device (VNI 42, UDP 4789) over it in each, ARP, ping and
# a TCP exchange across the overlay; then a second one (VNI 4242) over
# IPv6 carrying IPv6 (neighbour discovery, ping6).  tcpdump -w on the
# veth sees the tunnels, tcpdump -n -r writes the text nsviz must decode
# them to (TZ=UTC).
# Needs tcpdump, ping, nc (netcat-openbsd) and socat.
. "$(dirname "$0")/capture-lib.sh"

ip netns add ovA
ip netns add ovB
ip -n ovA link add veth0 type veth peer name veth1 netns ovB
ip -n ovA link set veth0 address 02:00:00:00:0a:00
ip -n ovB link set veth1 address 02:00:00:00:0b:00
ip -n ovA addr add 192.168.50.1/24 dev veth0
ip -n ovB addr add 192.168.50.2/24 dev veth1
ip -n ovA addr add fd00:50::1/64 dev veth0 nodad
ip -n ovB addr add fd00:50::2/64 dev veth1 nodad
ip -n ovA link set veth0 up
ip -n ovB link set veth1 up
for ns in ovA ovB; do
	case $ns in
	ovA) me=1 peer=2 dev=veth0 ;;
	*) me=2 peer=1 dev=veth1 ;;
	esac
	ip -n $ns link set lo up
	ip -n $ns link add vx0 type vxlan id 42 dstport 4789 \
		remote 192.168.50.$peer local 192.168.50.$me dev $dev
	ip -n $ns link set vx0 address 0a:00:00:00:00:0$me
	ip -n $ns addr add 10.42.0.$me/24 dev vx0
	ip -n $ns link set vx0 up
	ip -n $ns link add vx6 type vxlan id 4242 dstport 4789 \
		remote fd00:50::$peer local fd00:50::$me dev $dev
	ip -n $ns link set vx6 address 0a:00:00:00:06:0$me
	ip -n $ns addr add fd42::$me/64 dev vx6 nodad
	ip -n $ns link set vx6 up
	# no dstport: Linux's own default, 8472, which tcpdump calls OTV
	ip -n $ns link add vx8 type vxlan id 8 \
		remote 192.168.50.$peer local 192.168.50.$me dev $dev 2>/dev/null
	ip -n $ns link set vx8 address 0a:00:00:00:08:0$me
	ip -n $ns addr add 10.8.0.$me/24 dev vx8
	ip -n $ns link set vx8 up
done
sleep 1

ip netns exec ovB socat TCP-LISTEN:4078,reuseaddr,fork EXEC:/bin/cat &
SRV=$!
sleep 0.5
start -n ovA vxlan -i veth0 udp port 4789
ip netns exec ovA ping -c 3 -i 0.2 10.42.0.2 >/dev/null
echo hello | ip netns exec ovA nc -4 -q1 10.42.0.2 4078 >/dev/null
ip netns exec ovA ping -6 -c 2 -i 0.2 fd42::2 >/dev/null
stop vxlan
kill "$SRV" 2>/dev/null

# the same over port 8472 (tcpdump: OTV): ARP and a ping
start -n ovA vxlan-8472 -i veth0 udp port 8472
ip netns exec ovA ping -c 2 -i 0.2 10.8.0.2 >/dev/null
stop vxlan-8472
echo "vxlan captures written to $OUT"
