# SPDX-License-Identifier: GPL-2.0-or-later
# craft-verbose.py - hand-built packets for tcpdump's -v, -e and -q forms
# and for Linux cooked captures (SLL v1, SLL2):
#   python3 tests/data/craft-verbose.py
# writes verbose.pcap (Ethernet), sll.pcap (LINUX_SLL) and sll2-crafted.pcap
# (LINUX_SLL2, with interface indexes no machine has, so tcpdump prints
# "?" wherever it runs).  Checksums are right unless a case says
# otherwise.  The expected texts: see README.md.
import os
import socket
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
M1 = '02:00:00:00:01:00'
M2 = '02:00:00:00:02:00'


def mac(s):
    return bytes.fromhex(s.replace(':', ''))


def a4(s):
    return socket.inet_aton(s)


def a6(s):
    return socket.inet_pton(socket.AF_INET6, s)


def csum(b):
    if len(b) % 2:
        b += b'\0'
    s = sum(struct.unpack('!%dH' % (len(b) // 2), b))
    while s >> 16:
        s = (s >> 16) + (s & 0xffff)
    return (~s) & 0xffff


def eth(t, p, dst=M2, src=M1):
    return mac(dst) + mac(src) + struct.pack('!H', t) + p


def ip4(src, dst, proto, p, tos=0, ttl=64, ident=1, frag=0x4000, tot=None,
        opts=b'', bad=False, sumfix=True):
    ihl = 5 + (len(opts) + 3) // 4
    opts = opts + b'\0' * (ihl * 4 - 20 - len(opts))
    h = struct.pack('!BBHHHBBH4s4s', 0x40 | ihl, tos,
                    tot if tot is not None else ihl * 4 + len(p), ident,
                    frag, ttl, proto, 0, a4(src), a4(dst)) + opts
    s = csum(h) if sumfix else 0
    if bad:
        s ^= 0x1234
    return h[:10] + struct.pack('!H', s) + h[12:] + p


def ph4(src, dst, proto, n):
    return a4(src) + a4(dst) + struct.pack('!BBH', 0, proto, n)


def ph6(src, dst, proto, n):
    return a6(src) + a6(dst) + struct.pack('!IxxxB', n, proto)


def tcp(sp, dp, seq, ack, flags, win, data=b'', opts=b'', ph=None,
        bad=False):
    off = (20 + len(opts)) // 4
    h = struct.pack('!HHIIBBHHH', sp, dp, seq, ack, off << 4, flags, win, 0,
                    0) + opts + data
    if ph is None:
        return h
    s = csum(ph(len(h)) + h)
    if bad:
        s ^= 0x0101
    return h[:16] + struct.pack('!H', s) + h[18:]


def udp(sp, dp, data, ph=None, bad=False, zero=False, ulen=None):
    h = struct.pack('!HHHH', sp, dp, ulen if ulen else 8 + len(data), 0) + data
    if ph is None or zero:
        return h
    s = csum(ph(len(h)) + h)
    if bad:
        s ^= 0x0101
    return h[:6] + struct.pack('!H', s) + h[8:]


def icmp(t, c, rest, data, bad=False):
    h = struct.pack('!BBH', t, c, 0) + rest + data
    s = csum(h)
    if bad:
        s ^= 0x0110
    return h[:2] + struct.pack('!H', s) + h[4:]


def icmp6(src, dst, t, c, rest, bad=False):
    h = struct.pack('!BBH', t, c, 0) + rest
    s = csum(ph6(src, dst, 58, len(h)) + h)
    if bad:
        s ^= 0x0101
    return h[:2] + struct.pack('!H', s) + h[4:]


def ip6(src, dst, nh, p, plen=None, hlim=64, flow=0):
    return struct.pack('!IHBB16s16s', 0x60000000 | flow,
                       len(p) if plen is None else plen, nh, hlim, a6(src),
                       a6(dst)) + p


def arp(op, sha, spa, tha, tpa, hrd=1, pro=0x800, hl=6, pl=4):
    return (struct.pack('!HHBBH', hrd, pro, hl, pl, op) + mac(sha) + a4(spa)
            + mac(tha) + a4(tpa))


def write(fn, pkts, dlt=1, snap=262144):
    f = open(os.path.join(HERE, fn), 'wb')
    f.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, snap, dlt))
    for i, p in enumerate(pkts):
        if isinstance(p, tuple):
            p, cap = p
        else:
            cap = len(p)
        cap = min(cap, len(p))
        f.write(struct.pack('<IIII', 2000 + i, i * 1000, cap, len(p)) +
                p[:cap])
    f.close()


S, D = '10.0.1.0', '10.0.2.0'
S6, D6 = '2001:db8::1', '2001:db8::2'


def t4(sp, dp, seq, ack, fl, win, data=b'', opts=b'', bad=False):
    return tcp(sp, dp, seq, ack, fl, win, data, opts,
               lambda n: ph4(S, D, 6, n), bad)


def u4(sp, dp, data, **kw):
    return udp(sp, dp, data, lambda n: ph4(S, D, 17, n), **kw)


def u6(sp, dp, data, **kw):
    return udp(sp, dp, data, lambda n: ph6(S6, D6, 17, n), **kw)


def echo(t=8, ident=7, seq=1, n=56, **kw):
    return icmp(t, 0, struct.pack('!HH', ident, seq), bytes(range(n)), **kw)


def ipv4_cases():
    P = []
    E = lambda p: eth(0x800, p)
    P.append(E(ip4(S, D, 1, echo())))
    P.append(E(ip4(S, D, 1, echo(), bad=True)))
    P.append(E(ip4(S, D, 1, echo(bad=True))))
    for tos in (0x01, 0x02, 0x03, 0xb8, 0x10):
        P.append(E(ip4(S, D, 1, echo(), tos=tos)))
    P.append(E(ip4(S, D, 1, echo(), ttl=0)))
    P.append(E(ip4(S, D, 1, echo(), frag=0)))
    P.append(E(ip4(S, D, 1, echo(), frag=0x8000)))
    P.append(E(ip4(S, D, 1, echo(), frag=0xe000)))
    # fragments: the first (MF: no checksum checked), a later one
    P.append(E(ip4(S, D, 1, echo(n=200)[:104], frag=0x2000, tot=124)))
    P.append(E(ip4(S, D, 1, b'x' * 40, frag=0x000d)))
    P.append(E(ip4(S, D, 17, u4(4000, 4001, b'y' * 100)[:48], frag=0x2000)))
    P.append(E(ip4(S, D, 6, t4(4000, 80, 1, 0, 2, 1000)[:16], frag=0x2000)))
    # IPv4 options
    opts = [
        b'\x01\x01\x01\x01',                       # NOP
        b'\x00\x00\x00\x00',                       # EOL
        b'\x94\x04\x00\x00',                       # RA
        b'\x94\x04\x00\x05',                       # RA value
        b'\x94\x03\x00',                           # RA bad length
        b'\x07\x0b\x04' + a4('1.2.3.4') + a4('5.6.7.8'),   # RR
        b'\x07\x0b\x08' + a4('1.2.3.4') + a4('5.6.7.8'),   # RR, ptr 8
        b'\x07\x0b\x05' + a4('1.2.3.4') + a4('5.6.7.8'),   # RR, bad ptr
        b'\x07\x0a\x04' + a4('1.2.3.4') + b'\0\0\0',       # RR bad len
        b'\x07\x02',                                       # RR too short
        b'\x83\x07\x04' + a4('10.9.9.9'),                  # LSRR
        b'\x89\x07\x08' + a4('10.9.9.9'),                  # SSRR
        b'\x44\x0c\x05\x00' + b'\0\0\0\1' + b'\0\0\0\2',   # TS only
        b'\x44\x0c\x0d\x00' + b'\0\0\0\1' + b'\0\0\0\2',   # TS only, full
        b'\x44\x0c\x05\x01' + a4('1.1.1.1') + b'\0\0\0\3', # TS+ADDR
        b'\x44\x0c\x05\x03' + a4('1.1.1.1') + b'\0\0\0\3', # PRESPEC
        b'\x44\x0c\x05\x02' + a4('1.1.1.1') + b'\0\0\0\3', # bad type
        b'\x44\x0c\x05\x30' + b'\0\0\0\1' + b'\0\0\0\2',   # overflow
        b'\x44\x0a\x05\x00' + b'\0\0\0\1' + b'\0\0',       # TS bad len
        b'\x44\x03\x05',                                   # TS too short
        b'\x82\x0b' + b'\0' * 9,                           # security
        b'\x52\x0c' + b'\0' * 10,                          # traceroute
        b'\x99\x04\x00\x00',                               # unknown
        b'\x99\x01',                                       # length < 2
        b'\x99\x28',                                       # length > room
        b'\x01\x07\x06' + b'\0' * 4,                       # NOP, RR
    ]
    for o in opts:
        P.append(E(ip4(S, D, 1, echo(), opts=o)))
    # options cut by the capture
    full = E(ip4(S, D, 1, echo(), opts=b'\x07\x0b\x04' + a4('1.2.3.4') +
                 a4('5.6.7.8')))
    for cut in (35, 36, 37, 40, 43):
        P.append((full, cut))
    full = E(ip4(S, D, 1, echo(), opts=b'\x44\x0c\x05\x01' + a4('1.1.1.1')
                 + b'\0\0\0\3'))
    for cut in (39, 44, 46):
        P.append((full, cut))
    # TCP: checksum right and wrong, -vv sequence, reset with data
    P.append(E(ip4(S, D, 6, t4(40000, 4078, 100, 200, 0x18, 500, b'hello'))))
    P.append(E(ip4(S, D, 6, t4(40000, 4078, 100, 200, 0x18, 500, b'hello',
                               bad=True))))
    P.append(E(ip4(S, D, 6, t4(40000, 4078, 105, 200, 0x10, 500))))
    P.append(E(ip4(S, D, 6, t4(40000, 4078, 105, 200, 0x14, 0,
                               b'reset: \x01\x7f\xc1 why'))))
    P.append(E(ip4(S, D, 6, t4(40000, 4078, 105, 200, 0x04, 0,
                               b'R' * 40))))
    P.append((E(ip4(S, D, 6, t4(40000, 4078, 105, 200, 0x04, 0,
                                b'cut reset data'))), 60))
    P.append(E(ip4(S, D, 6, t4(40000, 4078, 100, 0, 0x02, 500,
                               opts=b'\x02\x04\x05\xb4\x01\x03\x03\x07'))))
    # TCP cut (no checksum), the IP header claiming more
    P.append((E(ip4(S, D, 6, t4(40000, 4078, 100, 200, 0x18, 500,
                                b'abcdefgh'))), 60))
    seg = t4(40000, 4078, 1, 1, 0x18, 5, b'data')
    P.append(E(ip4(S, D, 6, seg, tot=48)))
    P.append(E(ip4(S, D, 6, seg[:20], tot=44)))
    # TCP -q
    P.append(E(ip4(S, D, 6, tcp(40000, 4078, 1, 1, 0x10, 5, opts=b'\x01' * 4,
                                ph=lambda n: ph4(S, D, 6, n))[:20] +
                   b'', tot=60)))
    # UDP: right, wrong, none; bad length; -q
    P.append(E(ip4(S, D, 17, u4(40000, 4078, b'hello'))))
    P.append(E(ip4(S, D, 17, u4(40000, 4078, b'hello', bad=True))))
    P.append(E(ip4(S, D, 17, u4(40000, 4078, b'hello', zero=True))))
    P.append(E(ip4(S, D, 17, u4(40000, 4078, b'hello', ulen=40))))
    P.append((E(ip4(S, D, 17, u4(40000, 4078, b'hello world'))), 45))
    # ICMP errors quoting a packet (-v prints it in full)
    inner_udp = ip4(D, '10.0.3.5', 17, udp(33000, 9, b'x' * 10))
    inner_tcp = ip4(D, '10.0.3.5', 6, tcp(33000, 80, 1, 0, 2, 64))
    inner_echo = ip4(D, '10.0.3.5', 1, echo(n=56))
    for t, c, rest, inner in [
            (3, 1, b'\0' * 4, inner_echo[:28]),
            (3, 3, b'\0' * 4, inner_udp),
            (3, 3, b'\0' * 4, inner_tcp),
            (3, 4, b'\0\0\x05\xdc', inner_tcp[:28]),
            (11, 0, b'\0' * 4, inner_echo[:28]),
            (5, 1, a4('10.0.1.254'), inner_echo[:28]),
            (4, 0, b'\0' * 4, inner_echo[:28]),
            (12, 0, b'\x14\0\0\0', inner_echo[:28]),
            (12, 1, b'\0' * 4, inner_echo[:28]),
            (3, 13, b'\0' * 4, inner_echo)]:
        P.append(E(ip4('10.0.2.254', S, 1, icmp(t, c, rest, inner),
                       frag=0)))
    P.append(E(ip4('10.0.2.254', S, 1, icmp(3, 1, b'\0' * 4, inner_echo[:28],
                                            bad=True), frag=0)))
    # an error long enough for RFC 4884 extensions: none, then one
    big = ip4(D, '10.0.3.5', 17, udp(33000, 9, b'z' * 200))
    P.append(E(ip4('10.0.2.254', S, 1, icmp(3, 3, b'\0' * 4, big),
                   frag=0)))
    quoted = (big + b'\0' * 128)[:128]
    obj = struct.pack('!HBB', 8, 1, 1) + struct.pack('!I', (100 << 12) |
                                                     (1 << 9) | 0x100 | 7)
    ext = struct.pack('!BBH', 0x20, 0, 0) + obj
    ext = ext[:2] + struct.pack('!H', csum(ext)) + ext[4:]
    P.append(E(ip4('10.0.2.254', S, 1,
                   icmp(11, 0, b'\0\x20\0\0', quoted + ext), frag=0)))
    ext2 = struct.pack('!BBH', 0x20, 0, 0) + struct.pack('!HBB', 12, 2, 3) + \
        b'\x01\x02\x03\x04\x05\x06\x07\x08'
    ext2 = ext2[:2] + struct.pack('!H', csum(ext2)) + ext2[4:]
    P.append(E(ip4('10.0.2.254', S, 1,
                   icmp(3, 1, b'\0\x20\0\0', quoted + ext2), frag=0)))
    P.append((E(ip4('10.0.2.254', S, 1, icmp(3, 3, b'\0' * 4, big),
                    frag=0)), 100))
    # ICMP cut inside the quoted packet; types nsviz names
    P.append((E(ip4('10.0.2.254', S, 1, icmp(3, 1, b'\0' * 4, inner_echo),
                    frag=0)), 50))
    P.append((E(ip4('10.0.2.254', S, 1, icmp(4, 0, b'\0' * 4, inner_echo),
                    frag=0)), 40))
    P.append(E(ip4(S, D, 1, icmp(14, 0, struct.pack('!HH', 3, 4),
                                 struct.pack('!III', 1000, 3723004,
                                             90000000)))))
    P.append(E(ip4(S, D, 1, icmp(9, 0, struct.pack('!BBH', 2, 2, 1800),
                                 a4('10.0.1.1') + b'\0\0\0\1' +
                                 a4('10.0.1.2') + b'\0\0\0\2'))))
    P.append(E(ip4(S, D, 1, icmp(9, 0, struct.pack('!BBH', 1, 3, 30),
                                 b'\0' * 12))))
    P.append(E(ip4(S, D, 1, icmp(9, 0, struct.pack('!BBH', 1, 2, 7300),
                                 b'\0' * 8))))
    return P


def ipv6_cases():
    P = []
    E = lambda p: eth(0x86dd, p)
    ping = icmp6(S6, D6, 128, 0, struct.pack('!HH', 5, 1) + b'p' * 16)
    P.append(E(ip6(S6, D6, 58, ping)))
    P.append(E(ip6(S6, D6, 58, icmp6(S6, D6, 128, 0, struct.pack('!HH', 5, 1),
                                     bad=True))))
    P.append(E(ip6(S6, D6, 58, ping, flow=0x12345)))
    P.append(E(ip6(S6, D6, 58, ping, flow=0x0b800000)))
    P.append(E(ip6(S6, D6, 58, ping, flow=0x0fffffff, hlim=1)))
    P.append(E(ip6(S6, D6, 17, u6(5000, 5001, b'six'))))
    P.append(E(ip6(S6, D6, 17, u6(5000, 5001, b'six', bad=True))))
    P.append(E(ip6(S6, D6, 17, u6(5000, 5001, b'six', zero=True))))
    P.append(E(ip6(S6, D6, 6, tcp(5000, 80, 1, 0, 2, 100,
                                  ph=lambda n: ph6(S6, D6, 6, n)))))
    P.append(E(ip6(S6, D6, 6, tcp(5000, 80, 1, 0, 2, 100,
                                  ph=lambda n: ph6(S6, D6, 6, n), bad=True))))
    P.append((E(ip6(S6, D6, 6, tcp(5000, 5001, 1, 0, 0x18, 100, b"data",
                                   ph=lambda n: ph6(S6, D6, 6, n)))), 80))
    # hop-by-hop and destination options
    def ext(nh, body):
        n = 2 + len(body)
        body += b'\0' * ((-n) % 8)
        return struct.pack('!BB', nh, (2 + len(body)) // 8 - 1) + body
    pings = lambda nh: icmp6(S6, D6, 128, 0, struct.pack('!HH', 9, 2))
    hbhs = [b'\x05\x02\x00\x00\x01\x00',              # rtalert, padn
            b'\x00\x00\x00\x00\x00\x00',              # pad1 x6
            b'\x05\x02\x00\x07\x00\x00',
            b'\x3e\x02\xaa\xbb\x01\x00',              # unknown type
            b'\xc9\x10' + a6('2001:db8::99') + b'\x01\x02\0\0',  # homeaddr
            b'\xc2\x04\x00\x01\x00\x00',              # jumbo, plen != 0
            b'\x05\x03\x00\x00\x00\x00',              # rtalert bad len
            b'\x01\x09\x00\x00\x00\x00']              # padn too long
    for b in hbhs:
        P.append(E(ip6(S6, D6, 0, ext(58, b) + pings(58))))
    for b in (b'\x01\x04\0\0\0\0', b'\x3e\x02\xaa\xbb\x01\x00',
              b'\x01\x09\0\0\0\0'):
        P.append(E(ip6(S6, D6, 60, ext(58, b) + pings(58))))
    P.append(E(ip6(S6, D6, 0, ext(60, b'\x01\x04\0\0\0\0') +
                   ext(17, b'\x01\x04\0\0\0\0') + u6(7, 8, b'opts'))))
    P.append(E(ip6(S6, D6, 60, ext(0, b'\x01\x04\0\0\0\0') +
                   ext(58, b'\x01\x04\0\0\0\0') + pings(58))))
    P.append(E(ip6(S6, D6, 0, ext(0, b'\x01\x04\0\0\0\0') +
                   ext(58, b'\x01\x04\0\0\0\0') + pings(58))))
    # fragments
    frag = lambda nh, off, m, ident: struct.pack('!BBHI', nh, 0,
                                                  off << 3 | m, ident)
    P.append(E(ip6(S6, D6, 44, frag(58, 0, 1, 0xabcdef) + ping)))
    P.append(E(ip6(S6, D6, 44, frag(58, 100, 0, 0xabcdef) + b'q' * 24)))
    P.append(E(ip6(S6, D6, 44, frag(17, 0, 1, 7) + u6(1, 2, b'frag'))))
    P.append((E(ip6(S6, D6, 44, frag(58, 0, 1, 7) + ping)), 58))
    P.append((E(ip6(S6, D6, 44, frag(58, 0, 1, 7) + ping)), 62))
    P.append((E(ip6(S6, D6, 44, frag(58, 0, 1, 7) + ping)), 64))
    # cut inside the extension headers
    full = E(ip6(S6, D6, 0, ext(58, b'\x05\x02\x00\x00\x01\x00') + ping))
    for cut in (54, 55, 58, 62, 63):
        P.append((full, cut))
    return P


def link_cases():
    P = []
    ping = ip4(S, D, 1, echo())
    P.append(eth(0x8100, struct.pack('!HH', 0x1000 | 5, 0x800) + ping))
    P.append(eth(0x88a8, struct.pack('!HH', 0x2000 | 10, 0x8100) +
                 struct.pack('!HH', 0xe000 | 20, 0x800) + ping))
    P.append(eth(0x9100, struct.pack('!HH', 30, 0x86dd) +
                 ip6(S6, D6, 59, b'')))
    P.append(eth(0x8100, struct.pack('!HH', 40, 0x1234) + b'\0' * 30))
    P.append(eth(0x1234, b'\0' * 30))
    P.append((eth(0x8100, struct.pack('!HH', 40, 0x800) + ping), 16))
    P.append(eth(0x8035, arp(3, M1, '0.0.0.0', M1, '0.0.0.0')))
    P.append(eth(0x806, arp(1, M1, S, '00:00:00:00:00:00', D),
                 dst='ff:ff:ff:ff:ff:ff'))
    P.append(eth(0x806, arp(1, M1, S, M2, D)))
    P.append(eth(0x806, arp(2, M2, D, M1, S)))
    P.append(eth(0x806, arp(4, M1, S, M2, D)))
    P.append(eth(0x806, arp(9, M1, S, M2, D)))
    P.append(eth(0x806, arp(5, M1, S, M2, D)))
    P.append(eth(0x806, arp(10, M1, S, M2, D)))
    P.append(eth(0x806, arp(1, M1, S, M2, D, hrd=6)))
    P.append(eth(0x806, arp(1, M1, S, M2, D, hrd=99)))
    P.append(eth(0x806, struct.pack('!HHBBH', 1, 0x86dd, 6, 16, 1) +
                 mac(M1) + a6(S6) + mac(M2) + a6(D6)))
    P.append(eth(0x806, struct.pack('!HHBBH', 1, 0x800, 0, 4, 1) +
                 a4(S) + a4(D)))
    P.append((eth(0x806, arp(1, M1, S, M2, D)), 40))
    P.append((eth(0x806, arp(1, M1, S, M2, D)), 20))
    P.append((ping, 10))
    return P


def sll1(pkttype, proto, p, halen=6, addr=M1, hatype=1):
    a = mac(addr) if halen == 6 else bytes(range(halen))[:8]
    return struct.pack('!HHH', pkttype, hatype, halen) + \
        (a + b'\0' * 8)[:8] + struct.pack('!H', proto) + p


def sll2(ifindex, pkttype, proto, p, halen=6, addr=M1, hatype=1):
    a = mac(addr) if halen == 6 else bytes(range(halen))[:8]
    return struct.pack('!HHIHBB', proto, 0, ifindex, hatype, pkttype,
                       halen) + (a + b'\0' * 8)[:8] + p


def cooked_cases(mk):
    P = []
    ping = ip4(S, D, 1, echo())
    ping6 = ip6(S6, D6, 58, icmp6(S6, D6, 128, 0, struct.pack('!HH', 5, 1)))
    for t in range(6):
        P.append(mk(t, 0x800, ping))
    P.append(mk(0, 0x86dd, ping6))
    P.append(mk(4, 0x806, arp(1, M1, S, '00:00:00:00:00:00', D)))
    P.append(mk(0, 0x800, ping, halen=4))
    P.append(mk(0, 0x800, ping, halen=0))
    P.append(mk(0, 0x8100, struct.pack('!HH', 0x2000 | 7, 0x800) + ping))
    P.append(mk(0, 0x8100, struct.pack('!HH', 7, 0x0030) + b'\xaa' * 20))
    P.append(mk(0, 0x1234, b'\0' * 20))
    P.append(mk(0, 0x0004, b'\x42\x42\x03' + b'\0' * 20))
    P.append(mk(0, 0x0001, b'\xff\xff' + b'\0' * 20))
    P.append(mk(0, 0x0010, b'\0' * 20))
    P.append(mk(0, 0x800, ping, hatype=803))
    P.append(mk(1, 0x800, ip4(S, D, 17, u4(40000, 4078, b'hello'))))
    P.append(mk(0, 0x800, ip4(S, D, 6, t4(40000, 4078, 1, 2, 0x18, 9,
                                          b'hi'))))
    P.append((mk(0, 0x800, ping), 10))
    P.append((mk(0, 0x800, ping), 20))
    P.append((mk(0, 0x8100, struct.pack('!HH', 7, 0x800) + ping), 22))
    return P


write('verbose.pcap', ipv4_cases() + ipv6_cases() + link_cases())
write('sll.pcap', cooked_cases(lambda t, pr, p, **kw: sll1(t, pr, p, **kw)),
      dlt=113)
write('sll2-crafted.pcap',
      cooked_cases(lambda t, pr, p, **kw: sll2(0x7ffff000 + t, t, pr, p,
                                               **kw)), dlt=276)
