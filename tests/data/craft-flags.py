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
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
M1 = bytes.fromhex('020000000001')
M2 = bytes.fromhex('020000000002')


def csum(b):
    if len(b) % 2:
        b += b'\0'
    s = sum(struct.unpack('!%dH' % (len(b) // 2), b))
    s = (s >> 16) + (s & 0xffff)
    s += s >> 16
    return (~s) & 0xffff


def ip4(proto, payload, src=b'\x0a\x00\x01\x00', dst=b'\x0a\x00\x02\x00'):
    h = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 20 + len(payload), 7, 0x4000,
                    64, proto, 0, src, dst)
    h = h[:10] + struct.pack('!H', csum(h)) + h[12:]
    return h + payload


def udp(data, sp=40000, dp=4078):
    return struct.pack('!HHHH', sp, dp, 8 + len(data), 0) + data


def eth(t, p, dst=M2, src=M1):
    return dst + src + struct.pack('!H', t) + p


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
    magic = 0xa1b23c4d if nano else 0xa1b2c3d4
    with open(fn, 'wb') as f:
        f.write(struct.pack('<IHHiIII', magic, 2, 4, 0, 0, 262144, 1))
        for p, (s, us) in zip(pkts, times(len(pkts))):
            if isinstance(p, tuple):
                p, orig = p
            else:
                orig = len(p)
            frac = us * 1000 + (s % 7) if nano else us
            f.write(struct.pack('<IIII', s, frac, len(p), orig) + p)


P = frames()
write(os.path.join(HERE, 'flags.pcap'), P, False)
write(os.path.join(HERE, 'flags-nano.pcap'), P, True)
write(os.path.join(HERE, 'flags-llc.pcap'), llc_frames(), False)
