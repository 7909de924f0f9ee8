# SPDX-License-Identifier: GPL-2.0-or-later
# craft-llc.py - hand-built 802.2 LLC/SNAP frames, STP BPDUs and IGMP
# messages for the decoder's unit test:
#   python3 tests/data/craft-llc.py
# writes llc.pcap, stp.pcap and igmp.pcap here; then the expected text
# (see README.md):
#   TZ=UTC tcpdump -n -r llc.pcap > llc.txt       (and -e > llc-e.txt)
#   TZ=UTC tcpdump -n -r stp.pcap > stp.txt       (and -v, -e)
#   TZ=UTC tcpdump -n -r igmp.pcap > igmp.txt     (and -v, -vv)
# Every frame is followed by copies cut short at each field (a smaller
# capture length), and some carry lengths that lie.
import socket
import struct

import pcaplib
from pcaplib import a4, csum, mac, udp

M1 = '02:00:00:00:00:01'
M2 = '02:00:00:00:00:02'
STPMAC = '01:80:c2:00:00:00'


def dot3(payload, dst=STPMAC, src=M1, length=None, pad=True):
    """An 802.3 frame: the length field, then the LLC payload."""
    n = len(payload) if length is None else length
    f = mac(dst) + mac(src) + struct.pack('!H', n) + payload
    if pad and len(f) < 60:
        f += b'\0' * (60 - len(f))
    return f


def eth(t, payload, dst=M2, src=M1):
    return pcaplib.eth(t, payload, dst, src)


def ip4(src, dst, proto, p, frag=0x4000, **kw):
    return pcaplib.ip4(src, dst, proto, p, frag=frag, **kw)


def write(fn, pkts):
    pcaplib.write(fn, pkts, lambda i: (1700000000 + i, i * 1000))


def cuts(frame, start, end=None):
    """the frame cut short at every length from start to end"""
    return pcaplib.cut(frame, range(start, len(frame) if end is None else end))


# ---- STP -----------------------------------------------------------------

def bid(prio, m):
    return struct.pack('!H', prio) + mac(m)


def bpdu_config(ver=0, typ=0, flags=0, root=bid(0x8000, M1), cost=0,
                bridge=bid(0x8000, M1), port=0x8001, age=0, maxage=20 * 256,
                hello=2 * 256, fwd=15 * 256):
    return struct.pack('!HBBB', 0, ver, typ, flags) + root + \
        struct.pack('!I', cost) + bridge + \
        struct.pack('!HHHHH', port, age, maxage, hello, fwd)


def bpdu_rstp(flags=0x3c, **kw):
    return bpdu_config(ver=2, typ=2, flags=flags, **kw) + b'\0'


def bpdu_mstp(ver=3, flags=0x7c, name=b'region1', mstis=(), extra=b''):
    b = bpdu_config(ver=ver, typ=2, flags=flags,
                    root=bid(0x8000, M2), cost=20000,
                    bridge=bid(0x9000, M1), port=0x8002,
                    age=256, fwd=15 * 256 + 128)
    body = b'\0' + name.ljust(32, b'\0') + struct.pack('!H', 7) + \
        bytes(range(16)) + struct.pack('!I', 2000) + bid(0x7000, M1) + \
        bytes([20])
    ms = b''
    for m in mstis:
        ms += m
    v3len = len(body) + len(ms)
    return b + b'\0' + struct.pack('!H', v3len) + body + ms + extra


def msti(n, flags=0x2c, cost=200, bprio=0x80, pprio=0x80, hops=19):
    return bytes([flags]) + struct.pack('!H', 0x8000 | n) + mac(M2) + \
        struct.pack('!I', cost) + bytes([bprio, pprio, hops])


def spb_ext():
    b = b'\0' + b'aux-name'.ljust(32, b'\0') + struct.pack('!H', 3) + \
        bytes(range(0x20, 0x30)) + bytes([0xd4, 0, 0x35, 0x12]) + \
        struct.pack('!H', 5) + b'\0' * 8 + bytes(range(0x40, 0x54))
    return struct.pack('!H', len(b)) + b


def llc_stp(b):
    return b'\x42\x42\x03' + b


def stp_frames():
    P = []
    cfg = dot3(llc_stp(bpdu_config()))
    P.append(cfg)
    P.append(dot3(llc_stp(bpdu_config(flags=0x81, root=bid(0x1000, M2),
                                      cost=4, port=0x8003, age=512))))
    P.append(dot3(llc_stp(bpdu_config(flags=0x7f, age=1, maxage=257,
                                      hello=384, fwd=65535))))
    P.append(dot3(llc_stp(b'\0\0\0\x80')))            # TCN
    P.append(dot3(llc_stp(bpdu_rstp())))
    P.append(dot3(llc_stp(bpdu_rstp(flags=0x02 | 0x04))))
    P.append(dot3(llc_stp(bpdu_rstp(flags=0x08 | 0x40))))
    P.append(dot3(llc_stp(bpdu_rstp(flags=0x00))))
    mst = bpdu_mstp(mstis=(msti(1), msti(2, flags=0x01, cost=7)))
    P.append(dot3(llc_stp(mst)))
    P.append(dot3(llc_stp(bpdu_mstp(name=b'a\x01b\xe9c\x7f'))))
    P.append(dot3(llc_stp(bpdu_mstp(name=b'x' * 32))))
    spb = bpdu_mstp(ver=4, mstis=(msti(3),), extra=spb_ext())
    P.append(dot3(llc_stp(spb)))
    P.append(dot3(llc_stp(bpdu_mstp(ver=4, extra=b'\0\x10' + b'\0' * 16))))
    # odd versions and types, bad lengths
    P.append(dot3(llc_stp(b'\x00\x01' + bpdu_config()[2:])))
    P.append(dot3(llc_stp(b'\0\0\x05\0' + b'\0' * 31)))
    P.append(dot3(llc_stp(b'\0\0\x01\0' + b'\0' * 31)))
    P.append(dot3(llc_stp(b'\0\0\0\x55' + b'\0' * 31)))
    P.append(dot3(llc_stp(b'\0\0\0\x02' + b'\0' * 31)))   # RSTP type, v0
    P.append(dot3(llc_stp(bpdu_config(ver=2))))           # config, v2
    P.append(dot3(llc_stp(bpdu_config(ver=3))))
    P.append(dot3(llc_stp(bpdu_config()[:30])))           # short config
    P.append(dot3(llc_stp(bpdu_rstp()[:35])))             # short RSTP
    P.append(dot3(llc_stp(mst[:101])))                    # short MSTP
    bad = bytearray(mst)
    bad[35] = 1                                           # v1 length
    P.append(dot3(llc_stp(bytes(bad))))
    bad = bytearray(mst)
    bad[36:38] = struct.pack('!H', 200)                   # v3 length
    P.append(dot3(llc_stp(bytes(bad))))
    P.append(dot3(llc_stp(b'\0\0\0')))                    # < 4
    P.append(dot3(llc_stp(b''), pad=False))
    # the length field says less than the BPDU
    P.append(dot3(llc_stp(bpdu_config()), length=20))
    P.append(dot3(llc_stp(bpdu_config()), length=1500))
    # PVST+ (Cisco SNAP) and an RFC 2684 BPDU
    P.append(dot3(b'\xaa\xaa\x03\x00\x00\x0c\x01\x0b' + bpdu_rstp(),
                  dst='01:00:0c:cc:cc:cd'))
    P.append(dot3(b'\xaa\xaa\x03\x00\x00\x0c\x01\x0c' + bpdu_config()))
    P.append(dot3(b'\xaa\xaa\x03\x00\x80\xc2\x00\x0e' + bpdu_config()))
    # cut short at every byte: config, RSTP, MSTP, SPB
    P += cuts(cfg, 14, 14 + 3 + 35)
    P += cuts(dot3(llc_stp(bpdu_rstp())), 14 + 3 + 30, 14 + 3 + 36)
    P += cuts(dot3(llc_stp(mst)), 14 + 3 + 3, 14 + 3 + len(mst))
    P += cuts(dot3(llc_stp(spb)), 14 + 3 + 3, 14 + 3 + len(spb))
    return P


# ---- LLC and SNAP --------------------------------------------------------

def llc_frames():
    P = []
    U = lambda d, s, c, body=b'': dot3(bytes([d, s, c]) + body, dst=M2)
    IS = lambda d, s, c0, c1, body=b'': dot3(bytes([d, s, c0, c1]) + body,
                                            dst=M2)
    P.append(U(0x12, 0x12, 0x03, b'payload'))
    P.append(U(0x12, 0x13, 0x03, b'payload'))
    P.append(U(0x42, 0x07, 0x03, b'x'))
    P.append(U(0x06, 0x42, 0x03, b'x'))
    P.append(U(0x13, 0x34, 0x13, b'x'))
    P.append(U(0x04, 0x05, 0x03))
    P.append(U(0x0e, 0x4e, 0x03))
    P.append(U(0x7e, 0x8e, 0x03))
    P.append(U(0x02, 0x03, 0x03))
    P.append(U(0x00, 0x00, 0x03))
    P.append(U(0x00, 0xff, 0x03))
    P.append(U(0xff, 0x00, 0x03))
    for ctl in (0x03, 0x13, 0xe3, 0xf3, 0xaf, 0xbf, 0x63, 0x73, 0x43, 0x53,
                0x0f, 0x1f, 0x6f, 0x7f, 0x87, 0x97, 0x2b, 0x3b, 0xff):
        P.append(U(0x04, 0x04, ctl, b'data'))
        P.append(U(0x04, 0x05, ctl, b'data'))
    # XID: the IEEE format identifier and its two bytes
    P.append(dot3(b'\x00\x01\xbf\x81\x01\x00', dst=M2, pad=False))
    P.append(dot3(b'\x00\x00\xaf\x81\x01\x02\x03', dst=M2))
    P.append(dot3(b'\x00\x00\xaf', dst=M2, pad=False))        # no payload
    P.append(dot3(b'\x00\x00\xaf\x81\x01', dst=M2, pad=False))
    P.append(dot3(b'\x00\x00\xaf\x82\x01\x02', dst=M2))       # not IEEE
    P += pcaplib.cut(dot3(b'\x00\x00\xaf\x81\x01\x02', dst=M2), (18, 17))
    # supervisory and information frames, with P/F
    for c0 in (0x01, 0x05, 0x09, 0x0d):
        for c1 in (0x00, 0x01, 0x0e, 0xff):
            P.append(IS(0x04, 0x04, c0, c1))
            P.append(IS(0x04, 0x05, c0, c1))
    for c0, c1 in ((0x00, 0x00), (0x02, 0x04), (0xfe, 0xff), (0x10, 0x01)):
        P.append(IS(0xf4, 0xf4, c0, c1, b'info'))
        P.append(IS(0xf4, 0xf5, c0, c1, b'info'))
    # NetBEUI (this tcpdump has no SMB printer: the generic LLC line)
    P.append(U(0xf0, 0xf0, 0x03, b'\xffSMB' + b'\0' * 20))
    P.append(IS(0xf0, 0xf0, 0x00, 0x02, b'\0' * 20))
    P.append(IS(0xf0, 0xf1, 0x01, 0x03))
    # IP over 802.2 (RFC 948), and the group bit on a known SAP
    icmp = struct.pack('!BBHHH', 8, 0, 0, 1, 1) + b'ping'
    icmp = icmp[:2] + struct.pack('!H', csum(icmp)) + icmp[4:]
    P.append(dot3(b'\x06\x06\x03' + ip4('10.0.0.1', '10.0.0.2', 1, icmp),
                  dst=M2))
    P.append(dot3(b'\x43\x42\x03' + bpdu_config()))
    P.append(dot3(b'\x43\x43\x03' + bpdu_config()))
    # SNAP
    SN = lambda oui, pid, body: dot3(b'\xaa\xaa\x03' + oui.to_bytes(3, 'big')
                                     + struct.pack('!H', pid) + body, dst=M2)
    u = ip4('10.0.0.1', '10.0.0.2', 17, udp(4000, 4001, b'hello'))
    P.append(SN(0, 0x0800, u))
    P.append(SN(0xf8, 0x0800, u))
    ip6 = struct.pack('!IHBB', 0x60000000, 13, 17, 64) + \
        socket.inet_pton(socket.AF_INET6, 'fe80::1') + \
        socket.inet_pton(socket.AF_INET6, 'fe80::2') + udp(4000, 4001, b'hello')
    P.append(SN(0, 0x86dd, ip6))
    arp = struct.pack('!HHBBH', 1, 0x800, 6, 4, 1) + mac(M1) + \
        a4('10.0.0.1') + b'\0' * 6 + a4('10.0.0.2')
    P.append(SN(0, 0x0806, arp))
    P.append(SN(0, 0x0806, arp[:20]))
    arp2 = struct.pack('!HHBBH', 1, 0x800, 6, 4, 2) + mac(M2) + \
        a4('10.0.0.2') + mac(M1) + a4('10.0.0.1')
    P.append(SN(0, 0x0806, arp2))
    for pid in (0x1234, 0x8100, 0x0600, 0x88a8, 0x9100, 0x6558, 0xd28b,
                0x0004):
        P.append(SN(0, pid, b'data'))
    P.append(SN(0xf8, 0x1234, b'data'))
    P.append(SN(0x080007, 0x80f3, b'data'))
    P.append(SN(0x080007, 0x1234, b'data'))
    P.append(SN(0x00000c, 0x0123, b'data'))
    P.append(SN(0x00000c, 0x010c, b'\0\0\0\x80'))
    P.append(SN(0x0080c2, 0x0002, b'data'))
    P.append(SN(0x0080c2, 0x000b, b'data'))
    P.append(SN(0x0080c2, 0x0077, b'data'))
    P.append(SN(0x123456, 0x0800, b'data'))
    P.append(SN(0x00e02f, 0x0001, b'data'))
    for oui in (0x00005e, 0x000081, 0x00a03e, 0x009069, 0x080009, 0x00120f,
                0x0012bb, 0x001b21, 0x002320, 0x5c16c7, 0xb0d2f5, 0x002481,
                0x0004ea, 0x748771, 0xa42305, 0x00049f, 0x0015ad, 0x001018,
                0x00e004, 0xd0f0db):
        P.append(SN(oui, 0x0001, b''))
    # bridged Ethernet (RFC 2684) inside SNAP
    inner = eth(0x0800, u, dst='02:00:00:00:00:0a', src='02:00:00:00:00:0b')
    P.append(SN(0x0080c2, 0x0007, b'\0\0' + inner))
    P.append(SN(0x0080c2, 0x0001, b'\0\0' + inner))
    P.append(SN(0x0080c2, 0x0007, b'\0'))
    # SNAP that is not UI, SNAP from a group SAP
    P.append(dot3(b'\xaa\xaa\x13\x00\x00\x00\x08\x00' + u, dst=M2))
    P.append(dot3(b'\xab\xaa\x03\x00\x00\x00\x08\x00' + u, dst=M2))
    P.append(dot3(b'\xaa\xab\x03\x00\x00\x00\x08\x00' + u, dst=M2))
    # lengths that lie, and frames cut short
    P.append(dot3(b'\x04\x04\x03data', dst=M2, length=0))
    P.append(dot3(b'\x04\x04\x03data', dst=M2, length=2))
    P.append(dot3(b'\x04\x04\x03data', dst=M2, length=3))
    P.append(dot3(b'\x04\x04\x00\x00data', dst=M2, length=3))
    P.append(dot3(b'\x04\x04\x03data', dst=M2, length=1500, pad=False))
    P.append(dot3(b'\xaa\xaa\x03\x00\x00', dst=M2, length=5, pad=False))
    P.append(dot3(b'\xaa\xaa\x03\x00\x00\x00\x08\x00' + u, dst=M2,
                  length=7))
    P.append(dot3(b'\xaa\xaa\x03\x00\x00\x00\x08\x00' + u, dst=M2,
                  length=8))
    P.append(dot3(b'\xaa\xaa\x03\x00\x00\x00\x08\x00' + u, dst=M2,
                  length=30))
    P += cuts(dot3(b'\x04\x04\x03data', dst=M2), 14, 18)
    P += cuts(dot3(b'\x04\x04\x00\x02data', dst=M2), 14, 19)
    P += cuts(SN(0, 0x0800, u), 14, 14 + 8 + 21)
    P += cuts(SN(0, 0x1234, b'data'), 14, 23)
    P += cuts(SN(0x0080c2, 0x0007, b'\0\0' + inner), 20, 14 + 10 + 15)
    return P


# ---- IGMP ----------------------------------------------------------------

RA = b'\x94\x04\x00\x00'


def igmp_msg(t, code, rest, fix=True):
    m = struct.pack('!BBH', t, code, 0) + rest
    if fix:
        m = m[:2] + struct.pack('!H', csum(m)) + m[4:]
    return m


def igmp_frame(msg, src='10.0.0.1', dst='224.0.0.1', tot=None):
    return eth(0x0800, ip4(src, dst, 2, msg, ttl=1, opts=RA, tos=0xc0,
                           tot=tot), dst='01:00:5e:00:00:01')


def v3rec(t, group, srcs=(), aux=b''):
    return struct.pack('!BBH4s', t, len(aux) // 4, len(srcs), a4(group)) + \
        b''.join(a4(s) for s in srcs) + aux


def v3report(recs, n=None):
    body = b''.join(recs)
    return igmp_msg(0x22, 0, struct.pack('!HH', 0,
                                         len(recs) if n is None else n) + body)


def v3query(mrc, group, srcs=(), qrv=2, qqic=125):
    return igmp_msg(0x11, mrc, a4(group) + struct.pack(
        '!BBH', qrv, qqic, len(srcs)) + b''.join(a4(s) for s in srcs))


def igmp_frames():
    P = []
    G = '239.1.1.1'
    P.append(igmp_frame(igmp_msg(0x11, 0, a4('0.0.0.0'))))
    P.append(igmp_frame(igmp_msg(0x11, 100, a4('0.0.0.0'))))
    P.append(igmp_frame(igmp_msg(0x11, 10, a4(G)), dst=G))
    P.append(igmp_frame(igmp_msg(0x11, 0, a4(G) + b'\0\0')))
    P.append(igmp_frame(v3query(100, '0.0.0.0')))
    P.append(igmp_frame(v3query(10, G)))
    P.append(igmp_frame(v3query(127, G, ('10.0.0.5', '10.0.0.6'))))
    P.append(igmp_frame(v3query(128, G)))
    P.append(igmp_frame(v3query(0x8f, G)))
    P.append(igmp_frame(v3query(0xff, G, ('10.0.0.5',))))
    P.append(igmp_frame(v3query(0xd3, '0.0.0.0')))
    q = v3query(20, G, ('10.0.0.5', '10.0.0.6'))
    P.append(igmp_frame(q[:16]))                      # too few sources
    P.append(igmp_frame(q + b'\0\0'))                 # not a multiple of 4
    P.append(igmp_frame(igmp_msg(0x12, 0, a4(G)), dst=G))
    P.append(igmp_frame(igmp_msg(0x12, 0, a4(G) + b'\0\0\0\0'), dst=G))
    P.append(igmp_frame(igmp_msg(0x16, 0, a4(G)), dst=G))
    P.append(igmp_frame(igmp_msg(0x16, 0, a4(G) + b'xxxx'), dst=G))
    P.append(igmp_frame(igmp_msg(0x17, 0, a4(G)), dst='224.0.0.2'))
    P.append(igmp_frame(v3report([v3rec(2, G)]), dst='224.0.0.22'))
    P.append(igmp_frame(v3report([v3rec(4, G), v3rec(3, '239.1.1.2')]),
                        dst='224.0.0.22'))
    P.append(igmp_frame(v3report([v3rec(1, G, ('10.0.0.5', '10.0.0.6')),
                                  v3rec(5, '239.2.2.2', ('10.0.0.7',)),
                                  v3rec(6, '239.3.3.3', ('10.0.0.8',)),
                                  v3rec(9, '239.4.4.4')]),
                        dst='224.0.0.22'))
    P.append(igmp_frame(v3report([v3rec(2, G)], n=3), dst='224.0.0.22'))
    P.append(igmp_frame(v3report([v3rec(1, G, ('10.0.0.5',))])[:16] +
                        b'', dst='224.0.0.22'))
    P.append(igmp_frame(v3report([]), dst='224.0.0.22'))
    P.append(igmp_frame(v3report([v3rec(2, G)]) + b'\0\0', dst='224.0.0.22'))
    P.append(igmp_frame(v3report([v3rec(2, G, aux=b'\0\0\0\0')]),
                        dst='224.0.0.22'))
    # a bad checksum, unknown types
    P.append(igmp_frame(igmp_msg(0x16, 0, a4(G), fix=False), dst=G))
    P.append(igmp_frame(igmp_msg(0x11, 0, a4('0.0.0.0'), fix=False)))
    P.append(igmp_frame(igmp_msg(0x42, 0, a4(G))))
    P.append(igmp_frame(igmp_msg(0x99, 7, b'')))
    # mtrace and its response
    tr = a4('10.0.0.9') + a4('10.0.0.1') + a4('10.0.0.2') + \
        bytes([32]) + (0x123456).to_bytes(3, 'big')
    P.append(igmp_frame(igmp_msg(0x1f, 0, a4(G) + tr)))
    P.append(igmp_frame(igmp_msg(0x1e, 0, a4(G) + tr)))
    trm = a4('10.0.0.9') + a4('10.0.0.1') + a4('224.0.1.32') + \
        bytes([32]) + (7).to_bytes(3, 'big')
    P.append(igmp_frame(igmp_msg(0x1f, 0, a4(G) + trm)))
    P.append(igmp_frame(igmp_msg(0x1f, 0, a4(G) + tr[:10])))
    # DVMRP
    D = lambda code, body, ver=b'\0\0\x03\x0b': igmp_frame(
        igmp_msg(0x13, code, ver + body), dst='224.0.0.4')
    P.append(D(1, struct.pack('!I', 123456) + a4('10.0.0.2') +
               a4('10.0.0.3')))
    P.append(D(1, b'\0\0'))
    P.append(D(1, struct.pack('!I', 5) + b'\0\0'))
    P.append(D(2, b'\xff\xff\x00' + b'\x0a\x01\x02\x01' + b'\x0a\x01\x03\x82'
               + b'\xff\x00\x00' + b'\x0a\x05' + b'\x0b\x86'))
    P.append(D(2, b'\xff\xff\xff' + b'\x0a\x01\x02\x03\x01'))
    P.append(D(2, b'\xff'))
    P.append(D(3, b''))
    P.append(D(4, a4('10.0.0.1') + bytes([1, 2, 2]) + a4('10.0.0.2') +
               a4('10.0.0.3')))
    P.append(D(4, a4('10.0.0.1') + bytes([1, 2, 2]) + a4('10.0.0.2')))
    P.append(D(5, b''))
    P.append(D(6, a4('10.0.0.1') + bytes([1, 2, 0x73, 1]) + a4('10.0.0.2')
               + a4('10.0.0.5') + bytes([3, 4, 0, 2]) + a4('10.0.0.6')
               + a4('10.0.0.7')))
    P.append(D(6, a4('10.0.0.1') + bytes([1, 2, 0, 3]) + a4('10.0.0.2')))
    P.append(D(6, a4('10.0.0.1') + bytes([1, 2, 0])))
    P.append(D(7, a4('10.0.0.1') + a4(G) + struct.pack('!I', 7384)))
    P.append(D(7, a4('10.0.0.1') + a4(G) + struct.pack('!I', 0)))
    P.append(D(8, a4('10.0.0.1') + a4(G)))
    P.append(D(9, a4('10.0.0.1') + a4(G)))
    P.append(D(42, b''))
    P.append(igmp_frame(igmp_msg(0x13, 1, b''), dst='224.0.0.4'))
    # PIMv1
    PM = lambda code, body, ver=0x10, fix=True: igmp_frame(
        igmp_msg(0x14, code, bytes([ver, 0, 0, 0]) + body, fix=fix),
        dst='224.0.0.2')
    P.append(PM(0, bytes([0x00, 0, 0, 105])))
    P.append(PM(0, bytes([0x10, 0, 0, 30])))
    P.append(PM(0, bytes([0x20, 0, 1, 44])))
    P.append(PM(0, bytes([0x50, 0, 0, 0])))
    P.append(PM(0, bytes([0x10, 0, 0, 30]), ver=0x20))
    P.append(PM(0, b''))
    hdr = ip4('10.0.0.7', G, 17, b'')
    P.append(PM(1, hdr))
    P.append(PM(1, hdr[:10]))
    P.append(PM(1, hdr[:10], fix=False))      # marked, then the checksum
    P.append(PM(3, b'', fix=False))
    P.append(igmp_frame(igmp_msg(0x13, 2, b'\0\0\x03\x0b\xff', fix=False),
                        dst='224.0.0.4'))
    P.append(PM(2, a4('10.0.0.7') + a4(G)))
    P.append(PM(4, a4(G) + a4('255.255.255.255') + a4('10.0.0.9') +
                b'\0\0\x00\xd2'))
    P.append(PM(4, a4(G) + a4('255.255.0.0') + a4('10.0.0.9') +
                b'\0\0\x0e\x10'))
    P.append(PM(5, a4(G) + a4('255.255.255.255') + a4('10.0.0.7') +
                struct.pack('!II', 0x80000010, 20)))
    P.append(PM(5, a4(G) + a4('255.255.255.0') + a4('10.0.0.7') +
                struct.pack('!II', 0x10, 20)))
    jp1 = a4('10.0.0.9') + b'\0\0\x00\xb4' + b'\0\0\0\x01' + a4(G) + \
        a4('255.255.255.255') + struct.pack('!HH', 1, 0) + \
        bytes([1, 0x20]) + a4('10.0.0.7')
    P.append(PM(3, jp1))
    jp2 = a4('10.0.0.9') + b'\0\0\x00\x3c' + b'\0\0\0\x01' + a4(G) + \
        a4('255.255.0.0') + struct.pack('!HH', 0, 1) + \
        bytes([0, 0xe0]) + a4('10.0.0.7')
    P.append(PM(6, jp2))
    jpn = a4('10.0.0.9') + b'\0\0\x00\x3c' + b'\0\0\0\x02' + \
        a4(G) + a4('255.255.255.255') + struct.pack('!HH', 1, 1) + \
        bytes([1, 0x20]) + a4('10.0.0.7') + bytes([0, 0xc8]) + \
        a4('10.0.0.8') + \
        a4('239.9.9.9') + a4('255.0.0.0') + struct.pack('!HH', 0, 0)
    P.append(PM(7, jpn))
    P.append(PM(3, jpn[:30]))
    P.append(PM(3, b'\0\0'))
    P.append(PM(3, a4('10.0.0.9') + b'\0\0'))
    P.append(PM(9, b''))
    # lengths that lie and messages cut short
    P.append(igmp_frame(igmp_msg(0x16, 0, a4(G)), dst=G, tot=24 + 6))
    P.append(igmp_frame(igmp_msg(0x16, 0, a4(G)), dst=G, tot=24 + 2))
    r = igmp_frame(v3report([v3rec(1, G, ('10.0.0.5', '10.0.0.6')),
                             v3rec(2, '239.2.2.2')]), dst='224.0.0.22')
    P += cuts(r, 14 + 24, len(r))
    q = igmp_frame(v3query(20, G, ('10.0.0.5', '10.0.0.6')))
    P += cuts(q, 14 + 24, len(q))
    v2 = igmp_frame(igmp_msg(0x11, 10, a4(G)), dst=G)
    P += cuts(v2, 14 + 24, len(v2))
    m = igmp_frame(igmp_msg(0x1f, 0, a4(G) + trm))
    P += cuts(m, 14 + 24 + 8, len(m))
    d = D(6, a4('10.0.0.1') + bytes([1, 2, 0x73, 1]) + a4('10.0.0.2'))
    P += cuts(d, 14 + 24 + 1, len(d))
    d = D(7, a4('10.0.0.1') + a4(G) + struct.pack('!I', 7384))
    P += cuts(d, 14 + 24 + 8, len(d))
    d = D(2, b'\xff\xff\x00' + b'\x0a\x01\x02\x81')
    P += cuts(d, 14 + 24 + 8, len(d))
    d = D(1, struct.pack('!I', 123456) + a4('10.0.0.2'))
    P += cuts(d, 14 + 24 + 8, len(d))
    p = PM(5, a4(G) + a4('255.255.255.0') + a4('10.0.0.7') +
           struct.pack('!II', 0x10, 20))
    P += cuts(p, 14 + 24 + 1, len(p))
    p = PM(7, jpn)
    P += cuts(p, 14 + 24 + 8, len(p))
    p = PM(4, a4(G) + a4('255.255.0.0') + a4('10.0.0.9') + b'\0\0\x0e\x10')
    P += cuts(p, 14 + 24 + 8, len(p))
    p = PM(0, bytes([0x10, 0, 0, 30]))
    P += cuts(p, 14 + 24 + 1, len(p))
    return P


write('stp.pcap', stp_frames())
write('llc.pcap', llc_frames())
write('igmp.pcap', igmp_frames())
