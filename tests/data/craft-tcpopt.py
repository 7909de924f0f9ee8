#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
# craft-tcpopt.py - hand-built TCP options for the decoder's unit test:
#   python3 tests/data/craft-tcpopt.py
# writes tests/data/tcpopt.pcap: every option tcpdump 4.99 names (MPTCP
# in all its subtypes and lengths, Fast Open and its experimental form,
# MD5, TCP-AO, user timeout, SCPS, the RFC 1072/1644 ones), options it
# does not name (AccECN, 253), every malformed length, and copies of some
# packets cut at every byte of their options; and tcpopt-random.pcap:
# 2000 headers of random options (mostly the known kinds, with likely and
# unlikely lengths), random flags, some cut short.  Then for each
#   TZ=UTC tcpdump -n -r tests/data/F.pcap > tests/data/F.txt
import socket
import struct

import pcaplib

FIN, SYN, RST, PSH, ACK = 0x01, 0x02, 0x04, 0x08, 0x10


def eth(t, p):
    return pcaplib.eth(t, p, '02:00:00:00:00:02', '02:00:00:00:00:01')


def ip4(proto, p, src='10.0.1.1', dst='10.0.2.1'):
    return pcaplib.ip4(src, dst, proto, p, ident=1, frag=0x4000, check=False)


def ip6(nh, p, src='2001:db8::1', dst='2001:db8::2'):
    return pcaplib.ip6(src, dst, nh, p)


def tcp(opts, flags=ACK, data=b'', sport=40000, dport=4078, seq=1000, ack=1,
        win=512, pad=True):
    if pad:
        opts = b'\x01' * (-len(opts) % 4) + opts
    off = (20 + len(opts) + 3) // 4
    opts += b'\0' * (off * 4 - 20 - len(opts))
    return struct.pack('!HHIIBBHHH', sport, dport, seq, ack, off << 4, flags,
                       win, 0, 0) + opts + data


def opt(kind, body=b'', ln=None):
    return bytes([kind, len(body) + 2 if ln is None else ln]) + body


def mp(sub, low, body=b'', ln=None):
    """an MPTCP option: subtype, the subtype byte's low nibble, the rest"""
    b = bytes([sub << 4 | low]) + body
    return opt(30, b, ln)


KEY_A = bytes.fromhex('0123456789abcdef')
KEY_B = bytes.fromhex('fedcba9876543210')

PKTS = []        # (frame bytes, length on the wire)
N = [0]


def add(opts, flags=ACK, data=b'', v6=False, **kw):
    N[0] += 1
    seg = tcp(opts, flags, data, sport=40000 + N[0], **kw)
    frame = eth(0x86dd, ip6(6, seg)) if v6 else eth(0x800, ip4(6, seg))
    PKTS.append((frame, len(frame)))
    return frame


def add_cuts(frame, start=54):
    """copies of frame captured up to every length from start on"""
    PKTS.extend(pcaplib.cut(frame, range(start, len(frame))))


def basic():
    # the common ones, and their odd lengths
    add(opt(2, struct.pack('!H', 1460)) + b'\x01' + opt(3, b'\x07') +
        opt(4) + opt(8, struct.pack('!II', 1, 0)), SYN)
    add(opt(2, struct.pack('!H', 1460), ln=3) + b'\x01\x01\x01', SYN)
    add(opt(2, struct.pack('!HH', 1460, 1)), SYN)
    add(opt(3, b'', ln=2) + b'\x01\x01', SYN)
    add(opt(3, b'\x0e\x00'), SYN)
    add(opt(4, b'\0\0'), SYN)
    add(opt(8, struct.pack('!III', 5, 6, 7)))
    add(opt(8, struct.pack('!I', 5)) + b'\0' * 8)
    add(opt(5, struct.pack('!II', 1001, 2001)))
    add(opt(5, struct.pack('!IIII', 1001, 2001, 3001, 4001)), seq=5)
    add(opt(5))
    add(opt(5, b'\1\2\3\4\5'))
    add(opt(5, b'\1\2\3\4\5\6\7\x08\x09\x0a'))
    add(b'\x01\x00\x02\x04\x05\xb4\x00\x00')       # eol stops the list
    add(b'\x00')
    add(b'\x01\x01\x01\x01')
    # the RFC 1072 and 1644 ones and SCPS
    add(opt(6, struct.pack('!I', 123456)))
    add(opt(7, struct.pack('!I', 654321)))
    add(opt(11, struct.pack('!I', 11)) + opt(12, struct.pack('!I', 12)) +
        opt(13, struct.pack('!I', 13)))
    add(opt(11, b'\0\0'))
    add(opt(20, b'\xa5\x07'))
    # user timeout: seconds, minutes
    add(opt(28, struct.pack('!H', 600 << 1)))
    add(opt(28, struct.pack('!H', 10 << 1 | 1)))
    add(opt(28, struct.pack('!H', 0xffff)))
    add(opt(28, b'\x01'))
    # MD5: with data and without, IPv4 and IPv6, bad lengths
    sig = bytes(range(0xa0, 0xb0))
    add(opt(19, sig), PSH | ACK, data=b'hello')
    add(opt(19, sig), SYN)
    add(opt(19, sig), PSH | ACK, data=b'hello', v6=True)
    add(opt(19, sig[:8]))
    add(opt(19, sig[:8]) + b'\x01' * 10)
    add(opt(19, sig + b'\0\0'))
    # TCP-AO
    add(opt(29))
    add(opt(29, b'\x05'))
    add(opt(29, b'\x05\x06'))
    add(opt(29, b'\x05\x06' + bytes(range(12))))
    # Fast Open: request, cookies of 4 to 16 bytes, invalid ones
    add(opt(34), SYN)
    add(opt(34, bytes(range(1, 9))), SYN)
    add(opt(34, bytes(range(1, 5))), SYN)
    add(opt(34, bytes(range(1, 17))), SYN)
    add(opt(34, bytes(range(1, 19))), SYN)
    add(opt(34, bytes(range(1, 3))), SYN)
    add(opt(34, bytes(range(1, 6))), SYN)
    add(opt(34, bytes(range(1, 9))), SYN, data=b'GET / HTTP/1.0\r\n\r\n')
    # the experimental form (RFC 6994 magic 0xf989) and other magics
    add(opt(254, b'\xf9\x89'), SYN)
    add(opt(254, b'\xf9\x89' + bytes(range(1, 9))), SYN)
    add(opt(254, b'\xf9\x89' + bytes(range(1, 4))), SYN)
    add(opt(254, b'\x12\x34'))
    add(opt(254, b'\x12\x34\x56\x78'))
    add(opt(254, b'\x12'))
    add(opt(254))
    add(opt(253, b'\x12\x34\x56\x78'))
    add(opt(253))
    # AccECN (tcpdump 4.99 does not know it) and other unknown kinds
    add(opt(172, bytes(range(9))))
    add(opt(174, bytes(range(9))))
    add(opt(69, b'\xab'))
    add(opt(99))
    add(opt(255, b'\x01\x02'))
    # lengths that cannot be
    add(opt(2, b'\x05\xb4', ln=0) + b'\0\0')
    add(opt(2, b'\x05\xb4', ln=1) + b'\0\0')
    add(b'\x01\x01\x01' + opt(2, b'\x05\xb4', ln=9), pad=False)
    add(b'\x01' + opt(99, b'\0\0', ln=40), pad=False)
    add(b'\x01\x01\x01\x02', data=b'\x04payload')   # its length byte: data
    add(b'\x01\x01\x01\x02', data=b'\x60payload')
    add(b'\x01\x01\x01\x13\x06\x00\x00\x00')
    add(b'\x01\x01\x01\x01' + opt(29, b'\x01', ln=3) + b'\x01')


def mptcp():
    # MP_CAPABLE: v0 and v1, on SYN, SYN-ACK and the third ACK
    add(mp(0, 0, b'\x81' + KEY_A), SYN)
    add(mp(0, 0, b'\x01' + KEY_B), SYN | ACK)
    add(mp(0, 0, b'\x81' + KEY_A + KEY_B), ACK)
    add(mp(0, 1, b'\x01'), SYN)
    add(mp(0, 1, b'\x81'), SYN)
    add(mp(0, 1, b'\x01' + KEY_B), SYN | ACK)
    add(mp(0, 1, b'\x01' + KEY_A + KEY_B), ACK)
    add(mp(0, 1, b'\x81' + KEY_A + KEY_B + b'\x00\x10'), PSH | ACK,
        data=b'x' * 16)
    add(mp(0, 2, b'\x01' + KEY_A), SYN)
    add(mp(0, 15, b'\x01'), SYN)
    add(mp(0, 1, b'\x01' + KEY_A), ACK)               # bad: 12 on ACK
    add(mp(0, 1, b'\x01' + KEY_A + KEY_B), SYN | ACK)  # bad: 20 on SYN
    add(mp(0, 1, b'\x01' + KEY_A[:4]), SYN)            # bad: 8
    add(mp(0, 1, b''), SYN)                            # bad: 3
    add(mp(0, 1, b'\x01' + KEY_A + KEY_B), FIN | ACK)
    # MP_JOIN: SYN, SYN-ACK, ACK
    add(mp(1, 1, b'\x02' + struct.pack('!II', 0xdeadbeef, 0x12345678)), SYN)
    add(mp(1, 0, b'\x03' + struct.pack('!II', 0x1, 0x2)), SYN)
    add(mp(1, 0, b'\x02' + KEY_A + struct.pack('!I', 0xcafe)), SYN | ACK)
    add(mp(1, 1, b'\x02' + KEY_B + struct.pack('!I', 0xcafe)), SYN | ACK)
    add(mp(1, 0, b'\x00' + bytes(range(20))), ACK)
    add(mp(1, 0, b'\x02' + KEY_A + struct.pack('!I', 0xcafe)), SYN)  # bad
    add(mp(1, 0, b'\x02' + struct.pack('!II', 0x1, 0x2)), ACK)       # bad
    add(mp(1, 0, b'\x00' + bytes(range(20))), SYN)                   # bad
    add(mp(1, 0, b'\x00' + bytes(range(4))), SYN)                    # bad
    # DSS: every flag combination
    ack4, ack8 = struct.pack('!I', 0x01020304), struct.pack('!Q', 0x0102030405060708)
    dsn4, dsn8 = struct.pack('!I', 3000000000), struct.pack('!Q', 0x1122334455667788)
    ssn, dll, ck = struct.pack('!I', 1), struct.pack('!H', 1400), b'\xbe\xef'
    for f in range(32):
        body = b''
        if f & 0x01:
            body += ack8 if f & 0x02 else ack4
        if f & 0x04:
            body += (dsn8 if f & 0x08 else dsn4) + ssn + dll
        add(mp(2, 0, bytes([f]) + body), PSH | ACK, data=b'abc')
        if f & 0x04:
            add(mp(2, 0, bytes([f]) + body + ck), PSH | ACK, data=b'abc')
    add(mp(2, 0, b'\x01' + ack4 + b'\0'))          # bad: a byte too many
    add(mp(2, 0, b'\x01' + ack4 + b'\0\0\0'))
    add(mp(2, 0, b'\x03' + ack4))                  # bad: ack8 in 4
    add(mp(2, 0, b'\x05' + ack4 + dsn4))           # bad: mapping cut
    add(mp(2, 0, b'\x05' + ack4 + dsn4 + ssn))
    add(mp(2, 0, b'\x04' + dsn8 + ssn + dll))      # bad: m clear, 4 more
    add(mp(2, 0, b'\x0c' + dsn4 + ssn + dll))      # bad: dsn8 in 4
    add(mp(2, 0, b'\x00'), SYN)                    # bad: on SYN
    add(mp(2, 0, b''))                             # bad: 3
    add(mp(2, 0, b'\x20'))                         # unknown flag bits
    add(mp(2, 0, b'\xe0'))
    # ADD_ADDR: IPv4/IPv6, port, HMAC, version/echo nibbles
    a4, a6 = socket.inet_aton('10.0.3.1'), socket.inet_pton(socket.AF_INET6, '2001:db8:3::1')
    port, hm = struct.pack('!H', 8080), bytes.fromhex('00000000a1b2c3d4')
    for low in (0, 1, 4, 6, 2, 15):
        add(mp(3, low, b'\x05' + a4))
    add(mp(3, 0, b'\x05' + a4 + port))
    add(mp(3, 0, b'\x05' + a4 + hm))
    add(mp(3, 0, b'\x05' + a4 + port + hm))
    add(mp(3, 0, b'\x07' + a6), v6=True)
    add(mp(3, 0, b'\x07' + a6 + port), v6=True)
    add(mp(3, 0, b'\x07' + a6 + hm), v6=True)
    add(mp(3, 1, b'\x07' + a6 + port + hm), v6=True)
    add(mp(3, 0, b'\x05' + a4 + port + hm + b'\0\0'))     # bad: 20 is v6
    add(mp(3, 0, b'\x05' + a4 + b'\0\0\0\0'))             # bad: 12
    add(mp(3, 0, b'\x05'))                                # bad: 4
    add(mp(3, 0, b'\x05' + socket.inet_aton('0.0.0.0')))
    add(mp(3, 0, b'\x05' + socket.inet_pton(socket.AF_INET6, '::ffff:10.0.0.1')), v6=True)
    # REMOVE_ADDR, MP_PRIO, MP_FAIL, MP_FASTCLOSE
    add(mp(4, 0, b'\x05'))
    add(mp(4, 0, b'\x05\x06\x07\xff'))
    add(mp(4, 0, b''))                                    # bad: 3
    add(mp(5, 1, b''))
    add(mp(5, 0, b''))
    add(mp(5, 1, b'\x09'))
    add(mp(5, 0, b'\x09'))
    add(mp(5, 0, b'\x09\x00'))                            # bad: 5
    add(mp(6, 0, b'\0' + struct.pack('!Q', 18446744073709551615)))
    add(mp(6, 0, b'\0' + struct.pack('!Q', 42)), RST | ACK)
    add(mp(6, 0, b'\0' + struct.pack('!I', 42)))          # bad: 8
    add(mp(7, 0, b'\0' + KEY_B), RST | ACK)
    add(mp(7, 0, b'\0' + b'\0' * 8), ACK)
    add(mp(7, 0, b'\0' + KEY_B + b'\0'))                  # bad: 13
    # MP_TCPRST (8, which tcpdump 4.99 does not know) and others
    add(mp(8, 1, b'\x01'), RST | ACK)
    add(mp(9, 0, b'\0'))
    add(mp(15, 15, b'\1\2\3\4\5'))
    add(opt(30))                                          # bad: 2
    add(opt(30, b'\x00', ln=2) + b'\0')
    # with other options around it, two of them
    add(opt(8, struct.pack('!II', 77, 88)) +
        mp(2, 0, b'\x05' + ack4 + dsn4 + ssn + dll), PSH | ACK, data=b'abc',
        pad=True)
    add(mp(5, 1, b'\x02') + mp(2, 0, b'\x01' + ack4) + b'\x01\x01')
    add(mp(2, 0, b'\x01' + ack4) + opt(2, b'\x05\xb4', ln=0) + b'\0\0')
    add(mp(2, 0, b'\x01' + ack4 + b'\0') + opt(8, b'\0' * 8))
    add(mp(0, 1, b'\x01') + opt(2, b'\x05\xb4') + b'\x01' +
        opt(3, b'\x07') + opt(4) + opt(8, struct.pack('!II', 1, 0)), SYN)


def cuts():
    # cut at every byte of the options: common, MPTCP, the rest
    add_cuts(add(b'\x01\x01' + opt(8, struct.pack('!II', 9, 10)) +
                 b'\x01\x01' + opt(5, struct.pack('!IIII', 1, 2, 3, 4)),
                 PSH | ACK, data=b'abcd'))
    add_cuts(add(opt(2, struct.pack('!H', 1460)) + opt(4) +
                 opt(3, b'\x07') + opt(34, bytes(range(1, 9))) +
                 opt(254, b'\xf9\x89'), SYN))
    add_cuts(add(mp(2, 0, b'\x05' + struct.pack('!III', 1, 2, 3) +
                    b'\x00\x04\xab\xcd') +
                 mp(3, 0, b'\x05' + socket.inet_aton('10.0.3.1') +
                    b'\x1f\x90') + opt(28, b'\x04\xb0') + opt(99, b'\1\2\3'),
                 PSH | ACK, data=b'abcd'))
    add_cuts(add(opt(29, b'\x05\x06' + bytes(range(6))) + opt(20, b'\1\2') +
                 opt(6, b'\0\0\0\1') + opt(19, bytes(16)), SYN))
    add_cuts(add(opt(8, struct.pack('!II', 1, 2)) + opt(254, b'\x12\x34\x56') +
                 opt(11, b'\0\0\0\5'), ACK, v6=True), start=74)


def write(fn, pkts):
    pcaplib.write(fn, pkts, lambda i: (1700000000 + i // 100, i % 100 * 10000))


def rnd_opt(r):
    kinds = [0, 1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 13, 19, 20, 28, 29, 30, 34,
             253, 254, 172, 99]
    k = r.choice(kinds)
    if k in (0, 1):
        return bytes([k])
    rb = lambda n: bytes(r.randrange(256) for _ in range(max(0, n)))
    if k == 30:
        sub = r.randrange(16) if r.random() < 0.3 else r.randrange(9)
        if r.random() < 0.8:
            ln = r.choice([2, 3, 4, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26,
                           28, 30])
        else:
            ln = r.randrange(0, 40)
        body = bytes([sub << 4 | r.randrange(16)]) + rb(ln - 3)
        if sub == 2 and len(body) > 1:      # DSS: only the flags it has
            body = body[:1] + bytes([r.randrange(32)]) + body[2:]
        return bytes([30, ln]) + (body[:ln - 2] if ln >= 2 else body)
    if k == 254 and r.random() < 0.6:
        ln = r.choice([2, 3, 4, 6, 8, 10, 12, 14, 18, 20])
        return bytes([254, ln, 0xf9, 0x89])[:min(ln, 4)] + rb(ln - 4)
    if r.random() < 0.5:
        ln = r.choice([0, 1, 2, 3, 4, 5, 6, 8, 10, 12, 18, 20])
    else:
        ln = r.randrange(0, 45)
    return bytes([k, ln]) + rb(ln - 2)


def random_opts(n):
    """n headers of random options; those cut short carry no data (with
    data, tcpdump's words there depend on the segment's length, which
    nsviz's TCP printer does not pass on yet: see tests/data/README.md)"""
    import random
    r = random.Random(16)
    for _ in range(n):
        cut = r.random() < 0.4
        data = bytes(r.randrange(256) for _ in range(r.choice([0, 0, 5, 20])))
        if cut:
            data = b''
        o = b''.join(rnd_opt(r) for _ in range(r.randrange(1, 6)))[:40]
        f = add(o, r.choice([SYN, SYN | ACK, ACK, PSH | ACK, RST | ACK,
                             FIN | ACK, 0]),
                data=data, v6=r.random() < 0.3, pad=r.random() < 0.5,
                seq=r.randrange(2 ** 32), ack=r.randrange(2 ** 32))
        if cut:
            PKTS[-1] = (f[:r.randrange(54, len(f) + 1)], len(f))


basic()
mptcp()
cuts()
write('tcpopt.pcap', PKTS)
PKTS.clear()
N[0] = 0
random_opts(2000)
write('tcpopt-random.pcap', PKTS)
