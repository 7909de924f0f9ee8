#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# make-captures.sh - remake the real captures of this folder, by hand:
#   sh tests/data/make-captures.sh
# Inside a sandbox (tests/lib/common.sh): the tutorial's veth pair, real
# traffic (ping, nc, socat), tcpdump -w; then tcpdump -n -r writes the
# text every .pcap must decode to (TZ=UTC, as the unit test decodes).
# Needs tcpdump, ping, nc (netcat-openbsd) and socat.
. "$(dirname "$0")/capture-lib.sh"

tutorial_net
sleep 1

# the tutorial's ping, with the ARP exchange before it
start tutorial-ping -i veth0
ping -c 3 -i 0.2 10.0.2.0 >/dev/null
stop tutorial-ping

# TCP: the tutorial's `echo hello | nc -4 -q1 10.0.2.0 4078` to an echo
# server in vnet: handshake, data both ways, FIN both ways
ip netns exec vnet socat TCP-LISTEN:4078,reuseaddr,fork EXEC:/bin/cat &
SRV=$!
sleep 0.5
start tcp-echo -i veth0 tcp
echo hello | nc -4 -q1 10.0.2.0 4078 >/dev/null
stop tcp-echo

# UDP both ways
ip netns exec vnet socat UDP-RECVFROM:4078,fork EXEC:/bin/cat &
USRV=$!
sleep 0.5
start udp -i veth0 udp
echo hello | socat -t 0.5 - UDP:10.0.2.0:4078 >/dev/null
echo "a longer datagram, for the length" | socat -t 0.5 - UDP:10.0.2.0:4078 >/dev/null
stop udp
kill "$SRV" "$USRV" 2>/dev/null

# unreachable: vnet routes 10.0.3.0/24 to a third namespace where the
# host asked for is absent: vnet's ARP fails and it answers "host
# unreachable", as the router in the tutorial's story would.  Then a
# closed UDP port and a closed TCP port in vnet.
ip netns add far
ip -n vnet link add veth2 type veth peer name veth3 netns far
ip -n vnet addr add 10.0.3.1/24 dev veth2
ip -n vnet link set veth2 up
ip -n far link set veth3 up
ip netns exec vnet sh -c 'echo 1 > /proc/sys/net/ipv4/ip_forward'
ip route add 10.0.3.0/24 via 10.0.2.0 dev veth0 onlink
ip -n vnet route add 10.0.1.0/24 dev veth1 scope link 2>/dev/null
start unreachable -i veth0
ping -c 1 -W 5 10.0.3.5 >/dev/null
echo x | nc -u -w1 10.0.2.0 9 >&2
nc -z -w1 10.0.2.0 9 >/dev/null 2>&1
stop unreachable

# IPv6: MLD reports (hop-by-hop header) when addresses arrive, neighbour
# solicitation and advertisement, ping
start ipv6 -i veth0 ip6
ip addr add 2001:db8::1/64 dev veth0 nodad
ip -n vnet addr add 2001:db8::2/64 dev veth1 nodad
sleep 1
ping -6 -c 2 -i 0.2 2001:db8::2 >&2
stop ipv6

# truncated frames: snapshot lengths that cut ARP, ICMP and TCP headers
ip netns exec vnet socat TCP-LISTEN:4078,reuseaddr,fork EXEC:/bin/cat &
SRV=$!
sleep 0.5
ip neigh flush dev veth0
start truncated -i veth0 -s 40
ping -c 1 10.0.2.0 >/dev/null
echo hello | nc -4 -q1 10.0.2.0 4078 >/dev/null
stop truncated
start truncated64 -i veth0 -s 64 tcp
echo hello | nc -4 -q1 10.0.2.0 4078 >/dev/null
stop truncated64
kill "$SRV" 2>/dev/null

# Linux cooked v2 (-i any); its texts come from verbose-texts.sh (made
# where its interface index has no name)
start sll2 -i any icmp
ping -c 1 10.0.2.0 >/dev/null
stop sll2
rm -f "$OUT/sll2.txt"
echo "now: sh $DATA/verbose-texts.sh sll2"
echo "captures written to $OUT"
