# SPDX-License-Identifier: GPL-2.0-or-later
# craft-rt6.py - hand-built IPv6 routing headers for the decoder's unit
# test: types 0 and 2 (addresses), 3 (RPL source route: tcpdump 4.99
# calls it unknown), 4 (segment routing), unknown types, odd lengths,
# reserved bits, and one header cut at every byte.  Writes rt6.pcap;
#   TZ=UTC tcpdump -n -r rt6.pcap > rt6.txt
#   TZ=UTC tcpdump -n -v -r rt6.pcap > rt6.v.txt
import pcaplib
from pcaplib import a6, cut, ip6

def eth(p): return pcaplib.eth(0x86dd, p, '02:00:00:00:00:02', '02:00:00:00:00:01')
S, D = '2001:db8::1', '2001:db8::2'
A = a6('2001:db8::5') + a6('2001:db8::6') + a6('2001:db8::7')
P = []
for t in (0, 2, 3, 4, 5, 253):
    P.append(eth(ip6(S, D, 43, bytes([59, 4, t, 1, 0, 0, 0, 0]) + A[:32])))
P.append(eth(ip6(S, D, 43, bytes([59, 2, 0, 0, 0, 0, 0, 9]) + A[:16])))
P.append(eth(ip6(S, D, 43, bytes([59, 3, 0, 1, 0, 0, 0, 0]) + A[:24])))
P.append(eth(ip6(S, D, 43, bytes([59, 3, 4, 1, 0, 0, 0, 0]) + A[:24])))
P.append(eth(ip6(S, D, 43, bytes([59, 6, 4, 2, 2, 0x20, 0xbe, 0xef]) + A)))
P.append(eth(ip6(S, D, 43, bytes([59, 0, 4, 0, 0, 0, 0, 0]))))
P.append(eth(ip6(S, D, 43, bytes([59, 0, 0, 0, 0, 0, 0, 0]))))
P.append(eth(ip6(S, D, 43, bytes([59, 2, 2, 1, 0, 0, 0, 0]) + A[:16])))
full = eth(ip6(S, D, 43, bytes([59, 4, 0, 1, 0, 0, 0, 0]) + A[:32]))
P += cut(full, range(54, 54 + 41))
full = eth(ip6(S, D, 43, bytes([59, 2, 4, 1, 0, 0, 0, 0]) + A[:16]))
P += cut(full, range(55, 63))
pcaplib.write('rt6.pcap', P, lambda i: (1700100000 + i, i))
