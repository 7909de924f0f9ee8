# SPDX-License-Identifier: GPL-2.0-or-later
# craft-icmp6.py - hand-built ICMPv6 and IPv6 routing header packets for
# the decoder's unit test: every ICMPv6 type tcpdump names (node
# information, MLDv1/v2, RPL, ND with every option type, router
# renumbering, home agent and mobile prefix discovery, ...), good and bad
# checksums, malformed lengths, and cut copies (snapshot lengths) of the
# long ones.  Writes icmp6.pcap beside this script; then
#   TZ=UTC tcpdump -n -r icmp6.pcap > icmp6.txt
#   TZ=UTC tcpdump -n -v -r icmp6.pcap > icmp6.v.txt
#   TZ=UTC tcpdump -n -vv -r icmp6.pcap > icmp6.vv.txt
#   TZ=UTC tcpdump -n -vvv -r icmp6.pcap > icmp6.vvv.txt
import struct

import pcaplib
from pcaplib import a6, csum

def ip6(src, dst, nh, p, plen=None, hlim=255):
    return pcaplib.ip6(src, dst, nh, p, plen, hlim, vtf=0x60012345)

def eth(p):
    return pcaplib.eth(0x86dd, p, '33:33:00:00:00:01', '02:00:00:00:00:01')

def ic6(src, dst, t, c, body, bad=False, sumdst=None, ext=b'', nh=58):
    """ICMPv6 message type t code c (body after the checksum) in IPv6,
    the checksum right (over sumdst when a routing header says so)."""
    m = struct.pack('!BBH', t, c, 0) + body
    ph = a6(src) + a6(sumdst or dst) + struct.pack('!I', len(m)) + b'\0\0\0\x3a'
    s = csum(ph + m)
    if bad: s ^= 0x1234
    m = m[:2] + struct.pack('!H', s) + m[4:]
    return eth(ip6(src, dst, nh, ext + m))

P = []
def add(p, cuts=()):
    P.append(p)
    for n in cuts:
        P.append((p[:n], len(p)))

LL, AR, M = 'fe80::1', 'fe80::2', 'ff02::1'
G = '2001:db8::1'
lla = lambda t, mac: bytes([t, 1]) + bytes.fromhex(mac)
def opt(t, data):
    n = (2 + len(data) + 7) // 8
    return bytes([t, n]) + data + b'\0' * (n * 8 - 2 - len(data))
def dname(*labels):
    return b''.join(bytes([len(l)]) + l.encode() for l in labels) + b'\0'

# ---- neighbour discovery, every option type --------------------------
ra_opts = (lla(1, '020000000001') +
           opt(5, b'\0\0' + struct.pack('!I', 1500)) +
           bytes([3, 4, 64, 0xc0]) + struct.pack('!III', 2592000, 604800, 0) + a6('2001:db8:1::') +
           bytes([3, 4, 48, 0x20]) + struct.pack('!III', 0xffffffff, 0xffffffff, 0) + a6('2001:db8:2::') +
           bytes([3, 4, 0, 0]) + struct.pack('!III', 0, 0, 0) + a6('::') +
           opt(25, b'\0\0' + struct.pack('!I', 600) + a6('2001:db8::53') + a6('2001:db8::54')) +
           opt(31, b'\0\0' + struct.pack('!I', 600) + dname('example', 'com') + dname('lab')) +
           opt(7, b'\0\0' + struct.pack('!I', 60000)) +
           opt(8, b'\0\0' + struct.pack('!HH', 10, 1800)) +
           bytes([24, 1, 0, 0x08]) + struct.pack('!I', 3600) +
           bytes([24, 2, 48, 0x18]) + struct.pack('!I', 0xffffffff) + a6('2001:db8:3::')[:8] +
           bytes([24, 3, 64, 0x10]) + struct.pack('!I', 100) + a6('2001:db8:4::') +
           opt(14, bytes.fromhex('0102030405060708090a0b0c0d0e')) +
           opt(26, b'\x01\x02\x03\x04\x05\x06') +
           opt(38, b'\0\x40' + b'\x64\xff\x9b\0\0\0\0\0\0\0\0\0'))
for flags in (0x00, 0xc0, 0x08, 0x18, 0x10, 0x22):
    add(ic6(LL, M, 134, 0, struct.pack('!BBHII', 64, flags, 1800, 30000, 1000) +
            (ra_opts if flags == 0 else lla(1, '020000000001'))),
        (66, 70, 77, 80, 86) if flags == 0 else ())
ra = ic6(LL, M, 134, 0, struct.pack('!BBHII', 64, 0, 1800, 30000, 1000) + ra_opts)
for n in (100, 110, 118, 140, 150, 170, 190, 215, 230, 250, 262, 270, 290, 300, 320, 340, 350):
    P.append((ra[:n], len(ra)))
add(ic6(LL, 'ff02::2', 133, 0, b'\0' * 4 + lla(1, '020000000001')), (60, 62, 63, 64, 66, 68))
add(ic6(LL, 'ff02::2', 133, 0, b'\0' * 4))
add(ic6(LL, 'ff02::2', 133, 0, b'\0' * 4 + bytes([1, 0, 0, 0, 0, 0, 0, 0])))
add(ic6(LL, 'ff02::2', 133, 0, b'\0' * 4 + bytes([1, 2]) + b'\x02\0\0\0\0\x01' + b'\0' * 8))
add(ic6(LL, 'ff02::1:ff00:2', 135, 0, b'\0' * 4 + a6('fe80::2') + lla(1, '020000000001')), (70, 78, 80))
add(ic6('::', 'ff02::1:ff00:2', 135, 0, b'\0' * 4 + a6('fe80::2') + opt(14, b'\x11\x22\x33\x44\x55\x66')))
for fl in (0xe0000000, 0x40000000, 0x20000000, 0, 0x60000000, 0xa0000000):
    add(ic6(AR, LL, 136, 0, struct.pack('!I', fl) + a6('fe80::2') + lla(2, '020000000002')))
red = ic6(LL, AR, 137, 0, b'\0' * 4 + a6('fe80::9') + a6('2001:db8::9') + lla(2, '020000000009') +
          bytes([4, 6]) + b'\0' * 6 + ip6(AR, '2001:db8::9', 17, struct.pack('!HHHH', 1, 2, 8, 0))[:40])
add(red, (70, 90, 94, 100, 110, 140))
add(ic6(LL, AR, 137, 0, b'\0' * 4 + a6('fe80::9') + a6('fe80::9')))
add(ic6(LL, M, 134, 0, struct.pack('!BBHII', 64, 0, 1800, 0, 0) + opt(3, b'\x40\xc0' + b'\0' * 6)))
add(ic6(LL, M, 134, 0, struct.pack('!BBHII', 64, 0, 1800, 0, 0) + opt(5, b'\0\0' + struct.pack('!I', 1280) + b'\0' * 8)))
add(ic6(LL, M, 134, 0, struct.pack('!BBHII', 64, 0, 1800, 0, 0) + bytes([24, 4]) + b'\0' * 30))
add(ic6(LL, M, 134, 0, struct.pack('!BBHII', 64, 0, 1800, 0, 0) + opt(31, b'\0\0' + struct.pack('!I', 1) + b'\x03abc\xc0\x08\0\0')))
add(ic6(LL, M, 134, 0, struct.pack('!BBHII', 64, 0, 1800, 0, 0) + opt(31, b'\0\0' + struct.pack('!I', 1) + b'\x03abc\x80\0\0\0')))
add(ic6(LL, M, 134, 0, struct.pack('!BBHII', 64, 0, 1800, 0, 0) + opt(31, b'\0\0' + struct.pack('!I', 1) + b'\x03a\x01b\x02cc\0')))
add(ic6(LL, M, 134, 0, struct.pack('!BBHII', 64, 0, 1800, 0, 0) + opt(31, b'\0\0' + struct.pack('!I', 1) + b'\x05a\x01\x7f\xe9z\0')))
for name in (b'\x41\x08\xab\x00', b'\x41\x03\xe0\x00', b'\x41\x0c\xab\xcd\x00', b'\x41\x00' + b'\x11' * 32 + b'\x00',
             b'\x03abc\x41\x10\xab\xcd\x00', b'\x42\x00', (b'\x3f' + b'a' * 63) * 5 + b'\x00', b'\xc0\x00',
             b'\x03abc\x00\x03def\xc0\x08', b'\x03abc'):
    add(ic6(LL, M, 134, 0, struct.pack('!BBHII', 64, 0, 1800, 0, 0) + opt(31, b'\0\0' + struct.pack('!I', 9) + name)))
add(ic6(LL, M, 134, 0, struct.pack('!BBHII', 64, 0, 1800, 0, 0) + opt(25, b'\0\0' + struct.pack('!I', 5) + a6('2001:db8::53')[:8])))
add(ic6(LL, M, 134, 0, struct.pack('!BBHII', 64, 0, 1800, 0, 0) + opt(25, b'\0\0' + struct.pack('!I', 5)) + opt(5, b'\0\0\0\0\x05\xdc')))

# ---- MLD ---------------------------------------------------------------
add(ic6(LL, M, 130, 0, struct.pack('!HH', 10000, 0) + a6('::')))
add(ic6(LL, 'ff02::1:3', 131, 0, struct.pack('!HH', 0, 0) + a6('ff02::1:3')))
add(ic6(LL, 'ff02::2', 132, 0, struct.pack('!HH', 0, 0) + a6('ff02::1:3')))
add(ic6(LL, 'ff02::1:3', 131, 0, struct.pack('!HH', 0, 0) + a6('ff02::1:3')), (70, 77))
for mrc, b24, qqic, srcs in ((10000, 2, 125, []), (40000, 0x0a, 200, ['2001:db8::7', '2001:db8::8']),
                            (0xffff, 0x07, 0xff, []), (100, 0, 0, ['fe80::7'])):
    q = struct.pack('!HH', mrc, 0) + a6('::' if not srcs else 'ff02::fb') + struct.pack('!BBH', b24, qqic, len(srcs)) + b''.join(a6(s) for s in srcs)
    add(ic6(LL, M, 130, 0, q), (70, 78, 80, 82, 95) if len(srcs) == 2 else ())
add(ic6(LL, M, 130, 0, struct.pack('!HH', 1, 0) + a6('::') + b'\0\0'))
add(ic6(LL, M, 130, 0, struct.pack('!HH', 1, 0) + a6('::') + struct.pack('!BBH', 0, 0, 3)))
add(ic6(LL, M, 130, 0, struct.pack('!HH', 1, 0) + b'\0' * 4))
recs = (bytes([1, 0]) + struct.pack('!H', 0) + a6('ff02::fb') +
        bytes([2, 0]) + struct.pack('!H', 2) + a6('ff05::1:3') + a6('2001:db8::1') + a6('2001:db8::2') +
        bytes([4, 0, 0, 0]) + a6('ff02::1:ff00:1') + bytes([3, 0, 0, 0]) + a6('ff02::1:2') +
        bytes([5, 0, 0, 1]) + a6('ff0e::1') + a6('2001:db8::3') + bytes([6, 0, 0, 0]) + a6('ff0e::2') +
        bytes([9, 0, 0, 0]) + a6('ff0e::3'))
add(ic6(LL, 'ff02::16', 143, 0, struct.pack('!HH', 0, 7) + recs), (70, 80, 100, 120, 140, 170))
add(ic6(LL, 'ff02::16', 143, 0, struct.pack('!HH', 0, 3) + recs[:20]))
add(ic6(LL, 'ff02::16', 143, 0, struct.pack('!HH', 0, 1) + bytes([1, 0, 0, 4]) + a6('ff02::fb')))
add(ic6(LL, 'ff02::16', 143, 0, b'\0\0'))

# ---- node information (RFC 4620) --------------------------------------
N = b'\x01\x02\x03\x04\x05\x06\x07\x08'
def ni(t, code, qtype, flags, data=b''):
    return ic6(LL, AR, t, code, struct.pack('!HH', qtype, flags) + N + data)
add(ni(139, 0, 0, 0))
add(ni(139, 0, 0, 0, b'xx'))
add(ni(139, 0, 1, 1))
add(ni(139, 0, 1, 2))
add(ni(139, 0, 2, 0, a6('fe80::2')))
add(ni(139, 1, 2, 0, dname('host', 'example', 'com')))
add(ni(139, 1, 2, 0, dname('host')[:-1]))
add(ni(139, 1, 2, 0, b'\x04host'))
add(ni(139, 1, 2, 0, b'\x09host'))
add(ni(139, 2, 3, 0x7e, bytes([192, 0, 2, 1])))
add(ni(139, 0, 3, 0x3f, a6('fe80::2')))
add(ni(139, 0, 3, 0x0a, a6('fe80::2') + b'x'))
add(ni(139, 2, 4, 0, bytes([192, 0, 2, 1, 9])))
add(ni(139, 7, 2, 0, b'abcd'))
add(ni(139, 0, 9, 0, b'abcd'))
add(ni(139, 0, 2, 0))
add(ic6(LL, AR, 139, 0, b'\0\0\0\0'))
add(ni(140, 0, 0, 0))
add(ni(140, 0, 0, 0, b'zz'))
add(ni(140, 1, 2, 0))
add(ni(140, 1, 2, 0, b'zz'))
add(ni(140, 2, 2, 0))
add(ni(140, 0, 1, 1))
add(ni(140, 0, 2, 1, struct.pack('!I', 3600) + dname('host', 'example', 'com')))
add(ni(140, 0, 2, 0, struct.pack('!I', 0) + b'\x04host'))
add(ni(140, 0, 3, 0x3f, struct.pack('!I', 10) + a6('2001:db8::2') + struct.pack('!I', 20) + a6('fe80::2')))
add(ni(140, 0, 3, 0x41, struct.pack('!I', 10) + a6('2001:db8::2') + b'abc'))
add(ni(140, 0, 4, 0, struct.pack('!I', 10) + bytes([192, 0, 2, 1])))
add(ni(140, 5, 4, 0))
add(ni(140, 0, 3, 0, struct.pack('!I', 10) + a6('2001:db8::2')), (62, 70, 78, 90, 100))

# ---- RPL ----------------------------------------------------------------
D6 = a6('2001:db8::100')
def rpl(code, body): return ic6(LL, 'ff02::1a', 155, code, body)
add(rpl(0, b'\0\0'))
dio = bytes([1, 2]) + struct.pack('!H', 256) + bytes([0x88, 7, 0, 0]) + D6
add(rpl(1, dio + bytes([4, 14]) + b'\x01' * 14 + b'\0' + bytes([1, 1, 0]) + bytes([8, 2, 0, 0]) + bytes([99, 0])), (70, 80, 90, 100))
add(rpl(1, bytes([1, 2]) + struct.pack('!H', 256) + bytes([0x20 | 3, 7, 0, 0]) + D6))
add(rpl(1, bytes([1, 2]) + struct.pack('!H', 256) + bytes([0x38, 7, 0, 0]) + D6 + bytes([2, 30])))
add(rpl(1, dio[:10]))
add(rpl(2, bytes([3, 0xc0, 0, 9]) + D6 + bytes([5, 18, 0, 128]) + a6('2001:db8::200') + bytes([6, 4, 0, 0, 0, 30])))
add(rpl(2, bytes([3, 0x00, 0, 9]) + bytes([5, 18, 0, 128]) + a6('2001:db8::200')))
add(rpl(2, bytes([3, 0x40, 0, 9]) + D6[:8]))
add(rpl(2, bytes([3, 0x80, 0, 9])))
add(rpl(3, bytes([3, 0x80, 9, 0]) + D6))
add(rpl(3, bytes([3, 0x00, 9, 1]) + bytes([1, 0])))
add(rpl(3, bytes([3, 0x80, 9, 0]) + D6[:4]))
add(rpl(3, bytes([3])))
add(rpl(4, b'\0' * 8))
add(rpl(0x80, b'\0' * 8))
add(rpl(0x8a, b'\0' * 8))

# ---- the rest of what tcpdump names -----------------------------------
add(ic6(G, '2001:db8::2', 141, 0, b'\0' * 4 + lla(1, '020000000001')))
add(ic6(G, '2001:db8::2', 142, 0, b'\0' * 4 + lla(2, '020000000002')))
add(ic6(G, '2001:db8::2', 144, 0, struct.pack('!HH', 0x1234, 0)))
add(ic6(G, '2001:db8::2', 145, 0, struct.pack('!HH', 0x1234, 0) + a6('2001:db8::a') + a6('2001:db8::b')), (70, 90))
add(ic6(G, '2001:db8::2', 146, 0, struct.pack('!HH', 0x4321, 0)))
for fl in (0x8000, 0x4000, 0xc000, 0):
    add(ic6(G, '2001:db8::2', 147, 0, struct.pack('!HH', 0x4321, fl) +
            bytes([3, 4, 64, 0xc0]) + struct.pack('!III', 3600, 1800, 0) + a6('2001:db8:5::')))
rr = struct.pack('!IBBHI', 7, 1, 0xf8, 100, 0)
match = bytes([1, 3 + 4 * 2, 5, 48, 32, 64, 0, 0]) + a6('2001:db8::')
use = lambda fl, vl: bytes([64, 32, 0xc0, 0x80]) + struct.pack('!III', vl, 1800, fl) + a6('2001:db8:9::')
add(ic6(G, '2001:db8::2', 138, 0, rr + match + use(0xc0000000, 3600) + use(0, 0xffffffff)), (60, 70, 90, 120))
add(ic6(G, '2001:db8::2', 138, 0, struct.pack('!IBBHI', 7, 0, 0, 100, 5) + bytes([2, 4, 5, 48, 32, 64, 0, 0]) + a6('2001:db8::')))
add(ic6(G, '2001:db8::2', 138, 0, struct.pack('!IBBHI', 7, 0, 0, 100, 0) + bytes([9, 3, 5, 48, 32, 64, 0, 0]) + a6('2001:db8::')))
add(ic6(G, '2001:db8::2', 138, 1, struct.pack('!IBBHI', 8, 0x40, 1, 0, 0)))
add(ic6(G, '2001:db8::2', 138, 255, struct.pack('!IBBHI', 9, 0, 0, 0, 0)))
add(ic6(G, '2001:db8::2', 138, 7, struct.pack('!IBBHI', 9, 0, 0, 0, 0)))
add(ic6(G, '2001:db8::2', 200, 0, b'\0' * 20))
add(ic6(G, '2001:db8::2', 201, 0, b'\x01\x02\x03'))
add(ic6(G, '2001:db8::2', 100, 0, b'abcdefghijklmnopqrstu'))
add(ic6(G, '2001:db8::2', 255, 3, b''))
add(ic6(G, '2001:db8::2', 128, 0, struct.pack('!HH', 1, 2) + b'ping', bad=True))
add(ic6(G, '2001:db8::2', 129, 0, struct.pack('!HH', 1, 2) + b'ping'))
add(ic6(G, '2001:db8::2', 128, 0, struct.pack('!HH', 1, 2) + b'pin'))
inner = ip6('2001:db8::2', '2001:db8::99', 17, struct.pack('!HHHH', 40000, 4078, 10, 0) + b'hi')
for code in (0, 1, 2, 3, 4, 5, 6, 9):
    add(ic6(G, '2001:db8::2', 1, code, b'\0' * 4 + inner))
innert = ip6('2001:db8::2', '2001:db8::99', 60, bytes([6, 0, 1, 4, 0, 0, 0, 0]) + struct.pack('!HHII', 40000, 22, 1, 0))
add(ic6(G, '2001:db8::2', 1, 4, b'\0' * 4 + innert))
add(ic6(G, '2001:db8::2', 1, 4, b'\0' * 4 + ip6('2001:db8::2', '2001:db8::99', 58, b'\x80\0\0\0')))
add(ic6(G, '2001:db8::2', 2, 0, struct.pack('!I', 1280) + inner))
for code in (0, 1, 2, 3, 4):
    add(ic6(G, '2001:db8::2', 4, code, struct.pack('!I', 6) + inner))
add(ic6(G, '2001:db8::2', 4, 0, struct.pack('!I', 6) + inner[:30]))
add(ic6(G, '2001:db8::2', 3, 0, b'\0' * 4 + inner))
add(ic6(G, '2001:db8::2', 3, 1, b'\0' * 4 + inner))
add(ic6(G, '2001:db8::2', 3, 5, b'\0' * 4 + inner))

# ---- the checksum over a routing header's final destination ------------
rt0 = bytes([58, 4, 0, 1, 0, 0, 0, 0]) + a6('2001:db8::5') + a6('2001:db8::6')
add(ic6(G, '2001:db8::2', 128, 0, struct.pack('!HH', 5, 6), ext=rt0, nh=43, sumdst='2001:db8::6'))
rt2 = bytes([58, 2, 2, 1, 0, 0, 0, 0]) + a6('2001:db8::7')
add(ic6(G, '2001:db8::2', 128, 0, struct.pack('!HH', 5, 7), ext=rt2, nh=43, sumdst='2001:db8::7'))
srh = bytes([58, 4, 4, 1, 1, 0, 0x12, 0x34]) + a6('2001:db8::8') + a6('2001:db8::9')
add(ic6(G, '2001:db8::2', 128, 0, struct.pack('!HH', 5, 8), ext=srh, nh=43, sumdst='2001:db8::8'))
srh = bytes([58, 2, 4, 0, 0, 0x80, 0, 1]) + a6('2001:db8::8')
add(ic6(G, '2001:db8::2', 128, 0, struct.pack('!HH', 5, 9), ext=srh, nh=43, sumdst='2001:db8::8'))
add(ic6(G, '2001:db8::2', 128, 0, struct.pack('!HH', 5, 11), ext=rt0, nh=43))
rt0r = bytes([58, 2, 0, 0, 0, 0, 0, 1]) + a6('2001:db8::5')
add(ic6(G, '2001:db8::2', 128, 0, struct.pack('!HH', 5, 12), ext=rt0r, nh=43, sumdst='2001:db8::5'))

pcaplib.write('icmp6.pcap', P, lambda i: (1700000000 + i, i))
