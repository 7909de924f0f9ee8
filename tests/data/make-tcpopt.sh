#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# make-tcpopt.sh - remake the real captures of TCP options, by hand:
#   sh tests/data/make-tcpopt.sh
# Inside a sandbox (tests/lib/common.sh): a veth pair, two addresses on
# each side, connections between tcpopt-peer.py's ends with the options
# the kernel sends: Fast Open (a cookie request, then data in the SYN),
# MPTCP (MP_CAPABLE, DSS, ADD_ADDR, MP_JOIN subflows, MP_PRIO,
# REMOVE_ADDR, MP_FASTCLOSE, over IPv4 and IPv6) and MD5 signatures;
# tcpdump -w on veth0, then tcpdump -n -r writes the text each .pcap must
# decode to.  tcpopt-mptcp-cut: the MPTCP traffic at snapshot length 74
# (its options cut short).  Needs tcpdump, python3, ip with mptcp.
. "$(dirname "$0")/capture-lib.sh"
PEER=$DATA/tcpopt-peer.py

ip link add veth0 type veth peer name veth1
ip link set veth0 address 02:00:00:00:01:00
ip link set veth1 address 02:00:00:00:02:00
ip netns add vnet
ip link set veth1 netns vnet
ip addr add 10.0.1.1/24 dev veth0
ip addr add 10.0.1.2/24 dev veth0
ip addr add 2001:db8::1/64 dev veth0 nodad
ip addr add 2001:db8::2/64 dev veth0 nodad
ip -n vnet addr add 10.0.1.10/24 dev veth1
ip -n vnet addr add 10.0.1.11/24 dev veth1
ip -n vnet addr add 2001:db8::10/64 dev veth1 nodad
ip -n vnet addr add 2001:db8::11/64 dev veth1 nodad
ip link set veth0 up
ip -n vnet link set lo up
ip -n vnet link set veth1 up
sleep 1
# no IPv6 router solicitations or MLD reports in the captures
sysctl -qw net.ipv6.conf.veth0.router_solicitations=0
ping -c 1 -W 2 10.0.1.10 >/dev/null
ping -6 -c 1 -W 2 2001:db8::10 >/dev/null

# servers KIND PORT [ARG4 ARG6]: tcpopt-peer.py's servers in vnet, on its
# IPv4 and its IPv6 address (their pids in SRV and SRV6)
servers() {
	ip netns exec vnet python3 "$PEER" server "$1" 10.0.1.10 "$2" ${3:+"$3"} &
	SRV=$!
	ip netns exec vnet python3 "$PEER" server "$1" 2001:db8::10 "$2" ${4:+"$4"} &
	SRV6=$!
	sleep 0.5
}

# Fast Open: the first connection asks for a cookie, the second sends
# its data in the SYN with the cookie it got
sysctl -qw net.ipv4.tcp_fastopen=3
ip netns exec vnet sysctl -qw net.ipv4.tcp_fastopen=3
servers tfo 4078
start tcpopt-tfo -i veth0 tcp
python3 "$PEER" client tfo 10.0.1.10 4078 s6,p2,c
sleep 0.3
python3 "$PEER" client tfo 10.0.1.10 4078 s100,p2,c
sleep 0.3
python3 "$PEER" client tfo 2001:db8::10 4078 s6,p2,c 2001:db8::1
sleep 0.3
python3 "$PEER" client tfo 2001:db8::10 4078 s6,p2,c 2001:db8::1
stop tcpopt-tfo
kill "$SRV" "$SRV6" 2>/dev/null

# MPTCP: the client adds a subflow from its second address, the server
# announces its second address (ADD_ADDR); the client's endpoint turns
# backup (MP_PRIO), the server's announced one goes (REMOVE_ADDR); the
# second connection ends with an RST (MP_FASTCLOSE)
ip mptcp limits set subflows 4 add_addr_accepted 4
ip -n vnet mptcp limits set subflows 4 add_addr_accepted 4
ip mptcp endpoint add 10.0.1.2 dev veth0 id 1 subflow
ip mptcp endpoint add 2001:db8::2 dev veth0 id 2 subflow
ip -n vnet mptcp endpoint add 10.0.1.11 dev veth1 id 1 signal
ip -n vnet mptcp endpoint add 2001:db8::11 dev veth1 id 2 signal
servers mptcp 4079
start tcpopt-mptcp -i veth0 tcp
start tcpopt-mptcp-cut -i veth0 -s 74 tcp
python3 "$PEER" client mptcp 10.0.1.10 4079 s10,p5,s20,p5,s1000,p5,c &
CL=$!
sleep 0.8
ip mptcp endpoint change id 1 backup
sleep 0.3
ip -n vnet mptcp endpoint delete id 1
wait "$CL"
sleep 0.3
python3 "$PEER" client mptcp 10.0.1.10 4079 s10,p5,s10,r
sleep 0.3
python3 "$PEER" client mptcp 2001:db8::10 4079 s10,p5,s2000,p5,c 2001:db8::1
stop tcpopt-mptcp tcpopt-mptcp-cut
kill "$SRV" "$SRV6" 2>/dev/null

# MD5 signatures (RFC 2385), both ends with the same key
servers md5 4080 10.0.1.1 2001:db8::1
start tcpopt-md5 -i veth0 tcp
python3 "$PEER" client md5 10.0.1.10 4080 s6,c 10.0.1.1
sleep 0.3
python3 "$PEER" client md5 2001:db8::10 4080 s6,c 2001:db8::1
stop tcpopt-md5
kill "$SRV" "$SRV6" 2>/dev/null
echo "captures written to $OUT"
