# SPDX-License-Identifier: GPL-2.0-or-later
# craft-flags.py - the captures for tcpdump's output flags (-t forms,
# -x/-X/-A dumps), written next to this script:
#   flags.pcap       microsecond timestamps: out of order (a negative
#                    -ttt delta), equal, a day apart, before 1970 and
#                    past 2038 (tcpdump's "[Error converting time]"),
#                    the first at 0.0 (tcpdump's "unset" reference);
#                    payloads of every length 0-33 (odd ones end a dump
#                    line early), CR/LF mixes for -A, 802.1Q tags, cut
#                    copies, records tcpdump calls invalid
#   flags-nano.pcap  the same packets, nanosecond timestamps
#   flags-llc.pcap   802.3 frames with LLC and SNAP headers (their text
#                    is the LLC decoder's)
# then: TZ=UTC tcpdump -n -r F.pcap > F.txt for each.
import struct

import pcaplib

M1 = bytes.fromhex('020000000001')
M2 = bytes.fromhex('020000000002')


def ip4(proto, payload, src='10.0.1.0', dst='10.0.2.0'):
    return pcaplib.ip4(src, dst, proto, payload, ident=7, frag=0x4000)


def udp(data, sp=40000, dp=4078):
    return pcaplib.udp(sp, dp, data)


def eth(t, p, dst=M2, src=M1):
    return pcaplib.eth(t, p, dst, src)


def frames():
    P = []
    # payloads of each length 0..33: every way a dump line can end
    for n in range(34):
        P.append(eth(0x800, ip4(17, udp(bytes(range(0x20, 0x20 + n))))))
    # what -A does with CR, LF, tabs and the unprintable
    for data in [b'GET / HTTP/1.1\r\nHost: x\r\n\r\n', b'a\rb\r\r\n',
                 b'\r', b'x\r', b'x\ry', b'\t \x00\x7f\xff\n', b'\r\r',
                 b'end\r\n\r']:
        P.append(eth(0x800, ip4(17, udp(data))))
    # 802.1Q tagged, twice tagged
    inner = ip4(17, udp(b'tagged'))
    P.append(eth(0x8100, struct.pack('!HH', 0x6064, 0x800) + inner))
    P.append(eth(0x88a8, struct.pack('!HH', 10, 0x8100) +
                 struct.pack('!HH', 20, 0x800) + inner))
    # cut copies: caplen below the wire length
    full = eth(0x800, ip4(17, udp(b'0123456789abcdef' * 3)))
    for cut in (10, 14, 15, 20, 33, 34, 41, 42, 43, 50):
        P.append((full[:cut], len(full)))
    # records tcpdump calls invalid (nothing captured, more captured
    # than sent, nothing sent), first and between two packets: they are
    # no reference for -ttt and -ttttt
    P.insert(0, (b'', len(full)))
    P.append((b'', len(full)))
    P.append((full, len(full) - 4))
    P.append((full[:20], 0))
    P.append((b'', 0))
    P.append(full)
    return P


# 802.3 frames: with LLC (an STP BPDU, a U frame), with SNAP, an I frame,
# cut in the LLC header: the dumps leave the LLC header out with the
# link-level one
def llc_frames():
    inner = ip4(17, udp(b'snap'))
    bpdu = b'\x42\x42\x03' + b'\x00' * 35
    snap = b'\xaa\xaa\x03\x00\x00\x00\x08\x00' + inner
    iframe = b'\xf0\xf0\x00\x00' + b'netbios!'
    stp = bytes.fromhex('0180c2000000') + M1 + struct.pack('!H', len(bpdu)) + bpdu
    return [stp, eth(len(snap), snap), eth(len(iframe), iframe),
            (stp[:16], len(stp)), (eth(len(snap), snap)[:20], 14 + len(snap))]


# (seconds, fraction in microseconds) of each packet in turn
def times(n):
    T = [(0, 0), (0, 0), (1, 500000), (1, 400000), (1, 400000),
         (86401, 999999), (86402, 1), (2147483647, 999999),
         (2147483648, 0), (4294967295, 5), (3, 0)]
    while len(T) < n:
        T.append((1000 + len(T), (len(T) * 123457) % 1000000))
    return T[:n]


def write(fn, pkts, nano):
    T = times(len(pkts))
    if nano:
        T = [(s, us * 1000 + (s % 7)) for s, us in T]
    pcaplib.write(fn, pkts, T.__getitem__, nano=nano)


P = frames()
write('flags.pcap', P, False)
write('flags-nano.pcap', P, True)
write('flags-llc.pcap', llc_frames(), False)
