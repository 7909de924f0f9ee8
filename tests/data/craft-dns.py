# SPDX-License-Identifier: GPL-2.0-or-later
# craft-dns.py - hand-built DNS, mDNS and BOOTP/DHCP packets for the
# decoder's unit test: python3 tests/data/craft-dns.py writes dns.pcap and
# dhcp.pcap here; then, for each, the texts tcpdump prints for them:
#   for f in dns dhcp; do
#     TZ=UTC tcpdump -n -r $f.pcap > $f.txt
#     TZ=UTC tcpdump -n -v -r $f.pcap > $f.v.txt   (and -vv, -vvv)
#   done
# (make-dns-captures.sh does all of it).  Every field of both protocols
# is met, well-formed and not: flags, rcodes, opcodes, each record type
# tcpdump prints, EDNS options, compression pointers that loop or point
# forward, label types, names too long, and copies cut short at every
# byte of a few messages.
import struct

import pcaplib
from pcaplib import a4, a6, csum, cut, ip4, ip6, mac, write

M1 = '02:00:00:00:01:00'
M2 = '02:00:00:00:02:00'


def eth(p, t=0x800, dst=M2, src=M1):
    return pcaplib.eth(t, p, dst, src)


def udp4(src, dst, sp, dp, data, ulen=None, tot=None, ident=1):
    ul = ulen if ulen is not None else 8 + len(data)
    ph = a4(src) + a4(dst) + struct.pack('!BBH', 0, 17, 8 + len(data))
    u = struct.pack('!HHHH', sp, dp, ul, 0) + data
    s = csum(ph + u) if ulen is None else 0
    if ulen is None and s == 0:
        s = 0xffff
    u = u[:6] + struct.pack('!H', s) + u[8:]
    return eth(ip4(src, dst, 17, u, tot=tot, ident=ident))


def udp6(src, dst, sp, dp, data):
    u = struct.pack('!HHHH', sp, dp, 8 + len(data), 0) + data
    ph = a6(src) + a6(dst) + struct.pack('!IxxxB', len(u), 17)
    s = csum(ph + u) or 0xffff
    u = u[:6] + struct.pack('!H', s) + u[8:]
    return eth(ip6(src, dst, 17, u, hlim=255), 0x86dd, dst='33:33:00:00:00:fb')


# ---- DNS ------------------------------------------------------------------

def name(s):
    if isinstance(s, bytes):
        return s
    if s in ('', '.'):
        return b'\0'
    out = b''
    for lab in s.rstrip('.').split('.'):
        out += bytes([len(lab)]) + lab.encode()
    return out + b'\0'


def q(n, t=1, c=1):
    return name(n) + struct.pack('!HH', t, c)


def rr(n, t, data, c=1, ttl=300):
    return name(n) + struct.pack('!HHIH', t, c, ttl, len(data)) + data


def opt(size=1232, ext=0, ver=0, fl=0, opts=b''):
    return b'\0' + struct.pack('!HHBBHH', 41, size, ext, ver, fl,
                               len(opts)) + opts


def eo(code, data):
    return struct.pack('!HH', code, len(data)) + data


def msg(ident, flags, qd=(), an=(), ns=(), ar=(), counts=None):
    c = counts or (len(qd), len(an), len(ns), len(ar))
    return (struct.pack('!HHHHHH', ident, flags, *c) + b''.join(qd) +
            b''.join(an) + b''.join(ns) + b''.join(ar))


RD = 0x0100
QR = 0x8000
AA = 0x0400
TC = 0x0200
RA = 0x0080
AD = 0x0020
CD = 0x0010

CL = '10.0.1.0'
SV = '10.0.2.0'


def query(m, sp=40000, dp=53):
    return udp4(CL, SV, sp, dp, m)


def reply(m, sp=53, dp=40000):
    return udp4(SV, CL, sp, dp, m)


A = struct.pack('!4B', 10, 0, 0, 1)
A2 = struct.pack('!4B', 10, 0, 0, 2)
Q_EX = q('example.com')
PTR0 = b'\xc0\x0c'          # the question's name


def dns_packets():
    P = []
    # the brief's two lines, then the common queries and answers
    P.append(query(msg(4660, RD, [Q_EX])))
    P.append(reply(msg(4660, QR | RD | RA, [Q_EX],
                       [rr(PTR0, 1, A), rr(PTR0, 1, A2)],
                       [], [opt()])))
    P.append(query(msg(4661, RD, [Q_EX], ar=[opt(fl=0x8000)])))
    P.append(query(msg(4662, RD, [q('example.com', 28)])))
    P.append(reply(msg(4662, QR | RD | RA, [q('example.com', 28)],
                       [rr(PTR0, 28, a6('2001:db8::1')),
                        rr(PTR0, 28, a6('::ffff:10.0.0.1')),
                        rr(PTR0, 28, a6('::')),
                        rr(PTR0, 28, a6('fe80::1:0:0:2'))])))
    # CNAME chain, compression into the middle of a name
    P.append(reply(msg(7, QR | RD | RA, [q('www.example.com')],
                       [rr(PTR0, 5, b'\x03cdn\xc0\x10'),
                        rr(b'\xc0\x2d', 1, A)])))
    P.append(query(msg(8, RD, [q('1.0.0.10.in-addr.arpa', 12)])))
    P.append(reply(msg(8, QR | RD | RA | AA, [q('1.0.0.10.in-addr.arpa', 12)],
                       [rr(PTR0, 12, name('host.example.'))])))
    P.append(reply(msg(9, QR | RD | RA, [q('example.com', 2)],
                       [rr(PTR0, 2, b'\x02a1\xc0\x0c'),
                        rr(PTR0, 2, b'\x02a2\xc0\x0c')],
                       [], [rr(b'\xc0\x29', 1, A)])))
    P.append(reply(msg(10, QR | RD | RA, [q('example.com', 15)],
                       [rr(PTR0, 15, struct.pack('!H', 10) + b'\x04mail\xc0\x0c'),
                        rr(PTR0, 15, struct.pack('!H', 20) + name('.'))])))
    P.append(reply(msg(11, QR | RD | RA, [q('example.com', 16)],
                       [rr(PTR0, 16, b'\x05hello\x0bwith space"'),
                        rr(PTR0, 16, b'\x00'),
                        rr(PTR0, 16, b'\x04\x00\x7f\xc3\xa9'),
                        rr(PTR0, 16, b'')])))
    P.append(reply(msg(12, QR | RD | RA, [q('_sip._udp.example.com', 33)],
                       [rr(PTR0, 33, struct.pack('!HHH', 10, 60, 5060) +
                           b'\x03sip\xc0\x16')])))
    soa = (b'\x03ns1\xc0\x0c\x0ahostmaster\xc0\x0c' +
           struct.pack('!IIIII', 2024010101, 7200, 3600, 1209600, 300))
    P.append(reply(msg(13, QR | RD | RA | 3, [q('nx.example.com')], [],
                       [rr(b'\xc0\x0f', 6, soa, ttl=900)])))
    P.append(reply(msg(14, QR | RD | RA, [q('example.com', 6)],
                       [rr(PTR0, 6, soa)])))
    # types shown by name only, unknown types, other classes
    P.append(reply(msg(15, QR | RD | RA, [q('example.com', 13)],
                       [rr(PTR0, 13, b'\x03x86\x05linux'),
                        rr(PTR0, 65, b'\x00\x01\x00'),
                        rr(PTR0, 999, b'abc'),
                        rr(PTR0, 47, b'\xc0\x0c\x00\x06\x40\x00\x00\x00\x00\x03'),
                        rr(PTR0, 43, b'\x12\x34\x08\x02' + b'\xaa' * 32),
                        rr(PTR0, 10, b'')])))
    P.append(query(msg(16, 0, [q('version.bind', 16, 3)])))
    P.append(reply(msg(16, QR | AA, [q('version.bind', 16, 3)],
                       [rr(PTR0, 16, b'\x059.18.1', c=3)])))
    P.append(query(msg(17, RD, [q('example.com', 255)])))
    P.append(query(msg(18, 0, [q('example.com', 252)])))
    P.append(query(msg(19, RD, [q('example.com', 1, 4)])))
    P.append(query(msg(20, RD, [q('example.com', 1, 255)])))
    P.append(query(msg(21, RD, [q('example.com', 1, 77)])))
    P.append(query(msg(22, RD, [q('example.com', 4242)])))
    P.append(query(msg(23, RD, [q('example.com', 251), q('example.com', 250),
                                 q('example.com', 249), q('example.com', 256),
                                 q('example.com', 253), q('example.com', 254),
                                 q('example.com', 99), q('example.com', 104)])))
    P.append(reply(msg(24, QR | RD | RA, [q('example.com', 0xffff, 0x1234)],
                       [rr(PTR0, 1, A, c=0x1234)])))
    # header flags, opcodes, rcodes
    for fl in (QR, QR | AA | RA, QR | TC | RA, QR | AD | RA,
               QR | AA | TC | AD, QR | RA | 0x40, RD | CD, CD, 0x0040,
               AA | RD, TC, RA, AD, 0x000f, 0x7fff, 0xffff):
        P.append(query(msg(100 + (fl & 0xff), fl, [Q_EX])))
    for op in range(16):
        P.append(query(msg(200 + op, op << 11 | RD, [Q_EX])))
        P.append(reply(msg(200 + op, QR | op << 11 | RA, [Q_EX], [rr(PTR0, 1, A)])))
    for rc in range(16):
        P.append(reply(msg(300 + rc, QR | RD | RA | rc, [Q_EX])))
    # extended rcodes from the OPT record
    for ext, rc in ((1, 0), (1, 1), (1, 7), (2, 0), (5, 3), (0xff, 0xf)):
        P.append(reply(msg(320 + ext, QR | RD | RA | rc, [Q_EX], [], [],
                           [opt(ext=ext)])))
    P.append(reply(msg(330, QR | RA | 2, [Q_EX], [rr(PTR0, 1, A)],
                       [rr(PTR0, 2, b'\x02ns\xc0\x0c')],
                       [rr(b'\xc0\x0c', 1, A), opt(ext=1)])))
    # question counts: none, two, an inverse query
    P.append(query(msg(400, RD, [])))
    P.append(query(msg(401, RD, [Q_EX, q('example.org', 28)])))
    P.append(reply(msg(401, QR | RD | RA, [Q_EX, q('example.org', 28)],
                       [rr(PTR0, 1, A)])))
    P.append(reply(msg(402, QR | RD | RA, [], [rr('a.example', 1, A)])))
    P.append(query(msg(403, 1 << 11, [], [rr('.', 1, A)])))
    P.append(query(msg(404, 1 << 11, [Q_EX], [])))
    P.append(query(msg(405, RD, [Q_EX], [rr(PTR0, 1, A)],
                       [rr(PTR0, 2, name('ns.example.com'))], [opt()])))
    P.append(query(msg(406, 5 << 11, [q('example.com', 6)],
                       [rr(PTR0, 1, A, c=255, ttl=0)],
                       [rr(b'\x03new\xc0\x0c', 1, A2)])))
    # names: root, escapes, bit labels, bad label types, pointers
    P.append(query(msg(500, RD, [q('.', 2)])))
    P.append(query(msg(501, RD, [b'\x04a\x00b.\x03c\x7fd\x00\x00\x01\x00\x01'])))
    P.append(query(msg(502, RD, [b'\x02\xc3\xa9\x03\x01\x02\x1f\x00\x00\x01\x00\x01'])))
    P.append(query(msg(503, RD, [b'\x41\x10\xab\xcd\x03com\x00\x00\x01\x00\x01'])))
    P.append(query(msg(504, RD, [b'\x41\x0d\xab\xcd\x00\x00\x01\x00\x01'])))
    P.append(query(msg(505, RD, [b'\x41\x03\xe0\x00\x00\x01\x00\x01'])))
    P.append(query(msg(506, RD, [b'\x41\x00' + bytes(range(32)) + b'\x00\x00\x01\x00\x01'])))
    P.append(query(msg(507, RD, [b'\x42\x03com\x00\x00\x01\x00\x01'])))
    P.append(query(msg(508, RD, [b'\x03com\x80\x00\x00\x01\x00\x01'])))
    P.append(query(msg(509, RD, [b'\x80\x00\x00\x01\x00\x01'])))
    P.append(reply(msg(509, QR | RA, [Q_EX],
                       [rr(PTR0, 5, b'\x03abc\x80'),
                        rr(PTR0, 5, b'\x03abc\x42')])))
    P.append(reply(msg(510, QR | RA, [Q_EX], [rr(PTR0, 5, b'\xc0\x0c'),
                                               rr(PTR0, 5, b'\x03www\xc0\x0c')])))
    # a pointer to itself, forward, into the header, a loop of two
    P.append(reply(msg(511, QR | RA, [Q_EX], [rr(b'\xc0\x1d', 1, A)])))
    P.append(reply(msg(512, QR | RA, [Q_EX], [rr(PTR0, 5, b'\xc0\x2b')])))
    P.append(reply(msg(513, QR | RA, [Q_EX], [rr(PTR0, 5, b'\xc0\x40\x00')])))
    P.append(reply(msg(514, QR | RA, [Q_EX], [rr(PTR0, 5, b'\xc0\x02')])))
    P.append(reply(msg(515, QR | RA, [Q_EX], [rr(PTR0, 5, b'\x01a\xc0\x2b'),
                                               rr(PTR0, 5, b'\x01b\xc0\x29')])))
    P.append(query(msg(516, RD, [b'\xc0\x0c\x00\x01\x00\x01'])))
    P.append(query(msg(517, RD, [b'\xc0\x00\x00\x01\x00\x01'])))
    P.append(query(msg(518, RD, [Q_EX, b'\x01x\xc0\x0c\x00\x01\x00\x01',
                                  b'\x01y\xc0\x1d\x00\x01\x00\x01'])))
    P.append(query(msg(519, RD, [Q_EX, b'\xff\xff\x00\x01\x00\x01'])))
    # a name longer than 255 characters, and exactly at the limit
    long1 = b''.join(bytes([63]) + bytes([0x61 + i]) * 63 for i in range(4))
    P.append(query(msg(520, RD, [long1 + b'\x00\x00\x01\x00\x01'])))
    long2 = b''.join(bytes([63]) + bytes([0x61 + i]) * 63 for i in range(3))
    long2 += bytes([62]) + b'z' * 62
    P.append(query(msg(521, RD, [long2 + b'\x00\x00\x01\x00\x01'])))
    long3 = long2[:-62 - 1] + bytes([61]) + b'z' * 61
    P.append(query(msg(522, RD, [long3 + b'\x00\x00\x01\x00\x01'])))
    long4 = b''.join(b'\x01' + bytes([0x30 + i % 10]) for i in range(200))
    P.append(query(msg(523, RD, [long4 + b'\x00\x00\x01\x00\x01'])))
    P.append(reply(msg(524, QR | RA, [long1 + b'\x00\x00\x01\x00\x01'],
                       [rr(PTR0, 5, b'\x01x\xc0\x0c')])))
    # EDNS options (in the answer section, so -n shows them too)
    ecs4 = eo(8, struct.pack('!HBB', 1, 24, 0) + bytes([192, 0, 2]))
    ecs6 = eo(8, struct.pack('!HBB', 2, 56, 48) + a6('2001:db8:1::')[:7])
    P.append(reply(msg(600, QR | RA, [Q_EX], [opt(opts=ecs4), opt(opts=ecs6),
                                               opt(4096, fl=0x8000)])))
    bad = [eo(8, b'\x00\x01'), eo(8, struct.pack('!HBB', 3, 0, 0)),
           eo(8, struct.pack('!HBB', 1, 33, 0) + b'\0' * 5),
           eo(8, struct.pack('!HBB', 1, 24, 0) + b'\0\0'),
           eo(8, struct.pack('!HBB', 1, 8, 9) + b'\0'),
           eo(8, struct.pack('!HBB', 1, 0, 0))]
    P.append(reply(msg(601, QR | RA, [Q_EX], [opt(opts=b''.join(bad))])))
    opts = [eo(10, bytes(range(8))), eo(10, bytes(range(24))),
            eo(10, bytes(range(10))), eo(10, bytes(range(41))),
            eo(11, struct.pack('!H', 1234)), eo(11, b'\x01'),
            eo(9, struct.pack('!I', 86400)), eo(9, b'\x01\x02'),
            eo(12, b'\0' * 37), eo(12, b''), eo(14, struct.pack('!HH', 20326, 1)),
            eo(14, b'\x01\x02\x03'), eo(5, bytes([8, 13, 15, 99, 252, 253, 254, 3])),
            eo(6, bytes([1, 2, 3, 4, 5])), eo(7, bytes([1, 2])),
            eo(3, b'ns1.example'), eo(3, b''), eo(20, b'\xde\xad'),
            eo(13, name('example.com')), eo(13, b'\x01a\xc0\x00'),
            eo(1, b'\x00\x01'), eo(2, b'\x00\x00\x0e\x10'), eo(16, b''), eo(17, b'x')]
    P.append(reply(msg(602, QR | RA, [Q_EX], [opt(opts=b''.join(opts))])))
    P.append(reply(msg(603, QR | RA, [Q_EX], [opt(opts=eo(10, bytes(8))[:-2])])))
    P.append(reply(msg(604, QR | RA, [Q_EX], [opt(512, 0, 0, 0x8000 | 0x7fff)])))
    P.append(query(msg(605, RD | AD, [Q_EX], ar=[opt(opts=eo(10, bytes(range(8))))])))
    # A6, URI, UNSPECA, TSIG, HINFO, DNAME, records cut by their length
    P.append(reply(msg(700, QR | RA, [q('example.com', 38)],
                       [rr(PTR0, 38, b'\x00' + a6('2001:db8::5')),
                        rr(PTR0, 38, b'\x40' + a6('::1:2:3:4')[8:] + b'\x03pfx\xc0\x0c'),
                        rr(PTR0, 38, b'\x80' + b'\x01x\x00'),
                        rr(PTR0, 38, b'\x81'),
                        rr(PTR0, 38, b'\x07' + a6('ff::1')[0:] + b'\x00')])))
    P.append(reply(msg(701, QR | RA, [q('example.com', 256)],
                       [rr(PTR0, 256, struct.pack('!HH', 10, 1) + b'https://x.example/'),
                        rr(PTR0, 256, struct.pack('!HH', 1, 2))])))
    P.append(reply(msg(702, QR | RA, [q('example.com', 104)],
                       [rr(PTR0, 104, b'any text\x01\xff'), rr(PTR0, 104, b'')])))
    tsig = (name('hmac-sha256') + struct.pack('!HI', 0, 1700000000) +
            struct.pack('!HH', 300, 4) + b'\xaa\xbb\xcc\xdd' +
            struct.pack('!HHH', 4660, 0, 0))
    P.append(reply(msg(703, QR | RA, [Q_EX], [rr(PTR0, 1, A)], [],
                       [rr('key.example', 250, tsig, c=255, ttl=0)])))
    P.append(reply(msg(704, QR | RA, [Q_EX], [rr('key.example', 250, tsig, c=255, ttl=0)])))
    P.append(reply(msg(705, QR | RA, [Q_EX], [rr(PTR0, 39, b'\x03new\x00')])))
    P.append(reply(msg(706, QR | RA, [Q_EX], [rr(PTR0, 1, b'\x0a\x00'),
                                               rr(PTR0, 28, b'\x20\x01')])))
    P.append(reply(msg(707, QR | RA, [Q_EX], [rr(PTR0, 15, b'\x00'),
                                               rr(PTR0, 33, b'\x00\x01')])))
    P.append(reply(msg(708, QR | RA, [Q_EX], [rr(PTR0, 16, b'\x05ab')])))
    P.append(reply(msg(709, QR | RA, [Q_EX], [rr(PTR0, 6, b'\x01a\x00\x01b\x00\x00\x00')])))
    # TTLs (shown with -vvv)
    P.append(reply(msg(800, QR | RA, [Q_EX],
                       [rr(PTR0, 1, A, ttl=t) for t in
                        (0, 1, 59, 60, 61, 3600, 3661, 86400, 90061, 604800,
                         31536000, 31536000 + 604800 + 86400 + 3661,
                         0xffffffff)])))
    # counts larger than the message
    P.append(reply(msg(900, QR | RA, [Q_EX], [rr(PTR0, 1, A)], counts=(1, 3, 0, 0))))
    P.append(reply(msg(901, QR | RA, [Q_EX], [rr(PTR0, 1, A)], counts=(1, 1, 2, 2))))
    P.append(query(msg(902, RD, [Q_EX], counts=(3, 0, 0, 0))))
    P.append(query(msg(903, RD, [Q_EX], counts=(1, 2, 3, 4))))
    P.append(reply(msg(904, QR | RA, [Q_EX], counts=(65535, 65535, 65535, 65535))))
    P.append(reply(msg(905, QR | RA, [Q_EX], [rr(PTR0, 1, A)], counts=(1, 0, 0, 0))))
    P.append(reply(msg(906, QR | RA, [Q_EX], [rr(PTR0, 1, A)], counts=(2, 1, 0, 0))))
    # short messages
    for n in (0, 1, 5, 11):
        P.append(query(bytes(range(1, n + 1))))
    P.append(query(msg(907, RD, [])))
    # UDP length shorter than the IP payload: tcpdump reads the rest too
    m = msg(908, QR | RA, [Q_EX], [rr(PTR0, 1, A), rr(PTR0, 1, A2)])
    P.append(udp4(SV, CL, 53, 40000, m, ulen=8 + len(m) - 16))
    P.append(udp4(SV, CL, 53, 40000, m, ulen=8 + 20))
    # ports: 53 wins over 5353, a client port of 53
    P.append(udp4(CL, SV, 5353, 53, msg(909, 0, [q('example.com', 1, 0x8001)])))
    P.append(udp4(CL, SV, 53, 53, msg(910, RD, [Q_EX])))
    P.append(udp4(CL, SV, 53, 67, msg(911, RD, [Q_EX])))
    # over IPv6
    P.append(udp6('2001:db8::1', '2001:db8::2', 40000, 53,
                  msg(1000, RD, [q('example.com', 28)], ar=[opt()])))
    P.append(udp6('2001:db8::2', '2001:db8::1', 53, 40000,
                  msg(1000, QR | RD | RA, [q('example.com', 28)],
                      [rr(PTR0, 28, a6('2001:db8::80'))], [], [opt()])))
    # mDNS: QM and QU questions, cache-flush answers, a probe
    md = '224.0.0.251'
    P.append(udp4('10.0.1.0', md, 5353, 5353,
                  msg(0, 0, [q('_http._tcp.local', 12),
                             q('host.local', 1, 0x8001)])))
    P.append(udp4('10.0.1.0', md, 5353, 5353,
                  msg(0, QR | AA, [], [rr('host.local', 1, A, c=0x8001, ttl=120),
                                       rr(b'\xc0\x0c', 28, a6('fe80::1'), c=0x8001),
                                       rr('_http._tcp.local', 12, b'\x03web\xc0\x1c'),
                                       rr(b'\xc0\x3e', 33, struct.pack('!HHH', 0, 0, 80) + b'\xc0\x0c', c=0x8001),
                                       rr(b'\xc0\x3e', 16, b'\x07path=/x', c=0x8001),
                                       rr('x.local', 47, b'\xc0\x0c\x00\x01\x40', c=0x8001)],
                      [], [opt(1440, opts=eo(4, b'\x00\x00\x02\x00\x00\x00\x00\x01'))])))
    P.append(udp4('10.0.1.0', md, 5353, 5353,
                  msg(0, 0, [q('host.local', 255, 0x8001)], [],
                      [rr(b'\xc0\x0c', 1, A, ttl=120)])))
    P.append(udp4('10.0.1.0', md, 5353, 5353,
                  msg(0, 0, [q('host.local', 1, 0x8003), q('host.local', 1, 3),
                             q('host.local', 1, 0x80ff)])))
    P.append(udp4('10.0.1.0', md, 5353, 5353,
                  msg(0, QR | AA, [q('host.local', 1, 0x8001)],
                      [rr('host.local', 1, A, c=0x8003), rr('host.local', 1, A, c=0x0003)])))
    P.append(udp4('10.0.1.0', '10.0.2.0', 40000, 5353,
                  msg(77, 0, [q('host.local')])))
    P.append(udp6('fe80::1', 'ff02::fb', 5353, 5353,
                  msg(0, QR | AA, [], [rr('host.local', 28, a6('fe80::1'), c=0x8001)])))
    # -q: tcpdump prints the UDP line only (in the .q text)
    return P


def cut_copies(p, start):
    """the packet cut at every byte from start on (snapshot lengths)"""
    return cut(p, range(start, len(p)))


def dns_cut():
    P = []
    m = msg(4660, QR | RD | RA, [q('www.example.com')],
            [rr(PTR0, 5, b'\x03cdn\xc0\x10'), rr(b'\xc0\x2d', 1, A),
             rr(b'\xc0\x2d', 16, b'\x02hi')],
            [rr(b'\xc0\x10', 2, b'\x02ns\xc0\x10')],
            [rr(b'\xc0\x4b', 28, a6('2001:db8::1')), opt(fl=0x8000, opts=eo(10, bytes(8)))])
    P += cut_copies(reply(m), 34)
    m = msg(4661, RD, [q('example.com'), q('www.example.com', 28)],
            [rr(PTR0, 1, A)], [], [opt(opts=eo(8, struct.pack('!HBB', 1, 24, 0) + bytes([192, 0, 2])))])
    P += cut_copies(query(m), 42)
    m = msg(4662, QR | RA, [Q_EX],
            [rr(PTR0, 6, b'\x03ns1\xc0\x0c\x0ahostmaster\xc0\x0c' +
                struct.pack('!IIIII', 1, 2, 3, 4, 5)),
             rr(PTR0, 15, struct.pack('!H', 10) + b'\x04mail\xc0\x0c'),
             rr(PTR0, 33, struct.pack('!HHH', 1, 2, 3) + b'\x01s\xc0\x0c'),
             rr(PTR0, 38, b'\x40' + bytes(8) + b'\x01p\x00'),
             rr(PTR0, 256, struct.pack('!HH', 1, 2) + b'uri'),
             rr(PTR0, 104, b'txt'),
             rr(b'\x41\x10\xab\xcd\x00', 1, A)])
    P += cut_copies(reply(m), 54)
    return P


# ---- BOOTP / DHCP -----------------------------------------------------------

COOKIE = b'\x63\x82\x53\x63'
CMAC = '02:00:00:00:01:00'


def bootp(op=1, htype=1, hlen=6, hops=0, xid=0x12345678, secs=0, flags=0,
          ci='0.0.0.0', yi='0.0.0.0', si='0.0.0.0', gi='0.0.0.0',
          chaddr=CMAC, sname=b'', file=b'', vend=COOKIE, opts=b'', pad=True):
    ch = mac(chaddr) if isinstance(chaddr, str) else chaddr
    b = struct.pack('!BBBBIHH4s4s4s4s', op, htype, hlen, hops, xid, secs,
                    flags, a4(ci), a4(yi), a4(si), a4(gi))
    b += ch.ljust(16, b'\0')[:16] + sname.ljust(64, b'\0')[:64]
    b += file.ljust(128, b'\0')[:128] + vend + opts
    if pad and len(b) < 300:
        b = b.ljust(300, b'\0')
    return b


def o(tag, data):
    return bytes([tag, len(data)]) + data


END = b'\xff'


def dhcp_c(b, src='0.0.0.0', dst='255.255.255.255', sp=68, dp=67):
    return udp4(src, dst, sp, dp, b)


def dhcp_s(b, src='10.0.2.1', dst='10.0.2.50', sp=67, dp=68):
    return udp4(src, dst, sp, dp, b)


def dhcp_packets():
    P = []
    prl = o(55, bytes([1, 3, 6, 15, 26, 28, 51, 58, 59, 43, 119, 121, 249, 252, 42, 0, 255, 200]))
    disc = (o(53, b'\x01') + o(61, b'\x01' + mac(CMAC)) + o(57, struct.pack('!H', 1500)) +
            o(50, a4('10.0.2.50')) + o(12, b'client1') + prl + o(60, b'udhcp 1.36.1') + END)
    P.append(dhcp_c(bootp(opts=disc)))
    offer = (o(53, b'\x02') + o(54, a4('10.0.2.1')) + o(51, struct.pack('!I', 3600)) +
             o(58, struct.pack('!I', 1800)) + o(59, struct.pack('!I', 3150)) +
             o(1, a4('255.255.255.0')) + o(3, a4('10.0.2.1')) +
             o(6, a4('10.0.2.1') + a4('9.9.9.9')) + o(15, b'lab.example') +
             o(28, a4('10.0.2.255')) + o(42, a4('10.0.2.1')) + END)
    P.append(dhcp_s(bootp(op=2, yi='10.0.2.50', si='10.0.2.1', opts=offer)))
    req = (o(53, b'\x03') + o(50, a4('10.0.2.50')) + o(54, a4('10.0.2.1')) +
           o(12, b'client1') + o(81, b'\x01\x00\x00client1.lab') + prl + END)
    P.append(dhcp_c(bootp(secs=3, flags=0x8000, opts=req)))
    ack = (o(53, b'\x05') + o(54, a4('10.0.2.1')) + o(51, struct.pack('!I', 0xffffffff)) +
           o(1, a4('255.255.255.0')) + o(3, a4('10.0.2.1')) + END)
    P.append(dhcp_s(bootp(op=2, yi='10.0.2.50', si='10.0.2.1', flags=0x8000, opts=ack)))
    for t in (4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 0):
        P.append(dhcp_c(bootp(ci='10.0.2.50', opts=o(53, bytes([t])) + END),
                        src='10.0.2.50', dst='10.0.2.1'))
    P.append(dhcp_c(bootp(opts=o(53, b'\x01\x02') + END)))
    P.append(dhcp_c(bootp(opts=o(53, b'') + END)))
    # every kind of option: addresses, numbers, strings, booleans, bytes
    many = b''.join([
        o(2, struct.pack('!i', -3600)), o(4, a4('10.0.0.1') + a4('10.0.0.2')),
        o(5, a4('10.0.0.3')), o(7, a4('10.0.0.4')), o(9, a4('10.0.0.5')),
        o(13, struct.pack('!H', 16)), o(14, b'/dump'), o(16, a4('10.0.0.6')),
        o(17, b'/root'), o(18, b'/ext'), o(19, b'\x00'), o(20, b'\x01'),
        o(21, a4('10.0.0.0') + a4('255.0.0.0')), o(22, struct.pack('!H', 576)),
        o(23, b'\x40'), o(24, struct.pack('!I', 600)),
        o(25, struct.pack('!HHH', 68, 296, 1500)), o(26, struct.pack('!H', 1400)),
        o(27, b'\x02'), o(29, b'\x00\x01'), o(31, b'\x01'), o(32, a4('10.0.0.7')),
        o(33, a4('10.1.0.0') + a4('10.0.0.1') + a4('10.2.0.0')), o(35, struct.pack('!I', 60)),
        o(37, b'\x40'), o(38, struct.pack('!I', 7200)), o(40, b'nis'),
        o(41, a4('10.0.0.8')), o(43, b'\x01\x02\x03'), o(44, a4('10.0.0.9')),
        o(46, b'\x08'), o(46, b'\x03'), o(47, b'scope'), o(52, b'\x03'), o(52, b'\x07'),
        o(56, b'no more'), o(62, b'\x01\x02'), o(64, b'\x01\x02'), o(66, b'tftp.example'),
        o(67, b'pxelinux.0'), o(77, b'\x04abcd\x02xy'), o(88, b'tz'), o(93, b'\x00\x07'),
        o(98, b'uap'), o(100, b'CET-1'), o(101, b'Europe/Paris'), o(114, b'http://x/'),
        o(116, b'\x01'), o(117, struct.pack('!HH', 6, 15)), o(118, a4('10.0.0.0')),
        o(150, a4('10.0.0.10')), o(161, b'https://mud/'), o(97, b'\x00' + bytes(16)),
        o(200, b''), o(201, b'\x01'), o(202, b'\x01\x02'), o(203, b'\x01\x02\x03\x04'),
        o(204, b'\x01\x02\x03\x04\x05\x06'), o(205, bytes(8)), o(211, b'\x01\x02\x03'),
        o(45, a4('10.0.0.11')), o(48, a4('10.0.0.12')), o(49, a4('10.0.0.13')),
        o(65, a4('10.0.0.14')), o(68, b''), o(69, a4('10.0.0.15')), o(70, a4('10.0.0.16')),
        o(78, b'\x00abc'), o(79, b'\x00'), o(80, b'na'), o(83, b'\x01\x02'),
        o(89, b'\x00'), o(90, bytes(11)), o(91, struct.pack('!i', 5)), o(92, a4('10.0.0.17')),
        o(94, b'\x01\x02\x01'), o(95, b'ldap://'), o(112, a4('10.0.0.18')), o(113, b'tag'),
        o(10, a4('1.1.1.1')), o(11, a4('1.1.1.2')), o(8, a4('1.1.1.3')), o(30, b'\x02'),
        o(34, b'\x00'), o(36, b'\x01'), o(39, b'\x00'), o(71, a4('1.1.1.4')),
        o(72, a4('1.1.1.5')), o(73, a4('1.1.1.6')), o(74, a4('1.1.1.7')),
        o(75, a4('1.1.1.8')), o(76, a4('1.1.1.9')), o(85, a4('1.1.1.10')),
        o(86, b'tree'), o(87, b'ctx'), o(63, b'\x01'), o(119, b'\x03lab\x00'),
        o(1, a4('255.255.0.0')[:3]), o(3, a4('1.2.3.4') + b'\x05'),
        o(12, b'h\x00st\x80\x7f'),
    ]) + END
    P.append(dhcp_c(bootp(opts=many, pad=False)))
    # client IDs, FQDN, relay agent, classless routes, user class
    special = b''.join([
        o(61, b'\x00client-text'), o(61, b'\x06\x01\x02'), o(61, b'\x42\xaa'), o(61, b''),
        o(61, b'\x01'), o(81, b'\x00\x00\x00host'), o(81, b'\x0f\x01\x02x'),
        o(81, b'\xf5\xff\x00y'), o(81, b'\x01'), o(81, b''),
        o(82, b'\x01\x04eth0\x02\x03abc\x06\x02id\x09\x05\x01\x02\x03\x04\x05'),
        o(82, b'\x01\x09ab'), o(82, b'\x05'), o(82, b'\x02\x00\x01'),
        o(121, b'\x18\x0a\x01\x02\x0a\x00\x00\x01\x00\x0a\x00\x00\xfe'),
        o(121, b'\x20\x0a\x01\x02\x03\x0a\x00\x00\x01\x01\x80\x0a\x00\x00\x01'),
        o(249, b'\x21\x00\x00\x00\x00\x00'), o(121, b'\x08\x0a'), o(121, b'\x10\x0a\x01\x0a\x00\x00'),
        o(77, b'\x03abc\x00'), o(77, b'\x09ab'), o(77, b'\x00'), o(77, b'\x02xy\x03abc'),
        o(46, b''), o(46, b'\x03'), o(52, b''),
    ]) + END
    P.append(dhcp_c(bootp(opts=special, pad=False)))
    # pads and end (shown with -vvv), options after END
    P.append(dhcp_c(bootp(opts=b'\x00\x00\x00' + o(53, b'\x01') + b'\x00' + END + b'\x00\x00' + o(12, b'after'))))
    # the fixed part: hops, xid 0, server name, boot file, gateway
    P.append(dhcp_s(bootp(op=2, hops=2, xid=0, secs=65535, flags=0x7fff, ci='10.0.2.50',
                          yi='10.0.2.51', si='10.0.2.1', gi='10.0.9.1', sname=b'server.example',
                          file=b'/boot/pxelinux.0', opts=o(53, b'\x05') + END)))
    P.append(dhcp_s(bootp(op=2, flags=0x8001, sname=b'x' * 64, opts=o(53, b'\x05') + END)))
    P.append(dhcp_s(bootp(op=2, file=b'f' * 128, opts=o(53, b'\x05') + END)))
    P.append(dhcp_s(bootp(op=2, sname=b'\x01\x80\xff', file=b'a\tb', opts=o(53, b'\x05') + END)))
    # other hardware, lengths, opcodes, vendor areas
    P.append(dhcp_c(bootp(htype=6, opts=END)))
    P.append(dhcp_c(bootp(hlen=8, chaddr=bytes(range(8)), opts=END)))
    P.append(dhcp_c(bootp(htype=32, hlen=20, chaddr=bytes(range(16)), opts=END)))
    P.append(dhcp_c(bootp(op=3, opts=END)))
    P.append(dhcp_c(bootp(op=0, opts=END)))
    P.append(dhcp_s(bootp(op=2, htype=1, hlen=6, opts=END)))
    P.append(dhcp_c(bootp(vend=b'CMU\0', opts=struct.pack('!I', 1) + a4('255.255.255.0') +
                          a4('10.0.0.1') + a4('10.0.0.2') + a4('10.0.0.3') + a4('0.0.0.0') +
                          a4('10.0.0.5') + a4('10.0.0.6') + a4('10.0.0.7') + bytes(24))))
    P.append(dhcp_c(bootp(vend=b'CMU\0', opts=struct.pack('!I', 6) + bytes(32))))
    P.append(dhcp_c(bootp(vend=b'\x01\x02\x03\x04', opts=b'')))
    P.append(dhcp_c(bootp(vend=b'\x00\x00\x00\x00', opts=b'')))
    P.append(dhcp_c(bootp(vend=b'', opts=b'', pad=False)))
    P.append(dhcp_c(bootp(vend=b'\x63\x82', opts=b'', pad=False)))
    P.append(dhcp_c(bootp(opts=b'', pad=False)))
    # an option longer than the packet, and one whose length is cut off
    P.append(dhcp_c(bootp(opts=o(53, b'\x01') + b'\x0c\x20abc', pad=False)))
    P.append(dhcp_c(bootp(opts=o(53, b'\x01') + b'\x0c', pad=False)))
    P.append(dhcp_c(bootp(opts=o(53, b'\x01') + b'\x37\x05\x01\x03', pad=False)))
    P.append(dhcp_c(bootp(opts=o(53, b'\x01') + b'\x3d\x07\x01\x02', pad=False)))
    # short BOOTP messages
    for n in (0, 1, 2, 4, 12, 27, 28, 33, 34, 44, 107, 108, 235, 236, 239):
        P.append(dhcp_c(bootp(opts=o(53, b'\x01') + END)[:n]))
    # port 67 to 67 (a relay), 68 to 68
    P.append(dhcp_c(bootp(hops=1, gi='10.0.9.1', opts=o(53, b'\x01') + END),
                    src='10.0.9.1', dst='10.0.2.1', sp=67, dp=67))
    P.append(dhcp_c(bootp(opts=o(53, b'\x01') + END), sp=68, dp=68))
    return P


def dhcp_cut():
    b = bootp(sname=b'srv', file=b'boot', opts=o(53, b'\x03') + o(61, b'\x01' + mac(CMAC)) +
              o(12, b'client1') + o(55, bytes([1, 3, 6, 15])) + o(81, b'\x01\x00\x00c.lab') +
              o(82, b'\x01\x02ab\x07\x02xy') + o(121, b'\x18\x0a\x01\x02\x0a\x00\x00\x01') +
              o(77, b'\x02ab') + o(51, struct.pack('!I', 60)) + END, pad=False)
    p = dhcp_c(b)
    return cut(p, list(range(42, 42 + 240, 7)) + list(range(42 + 240, len(p))))


write('dns.pcap', dns_packets() + dns_cut())
write('dhcp.pcap', dhcp_packets() + dhcp_cut())
