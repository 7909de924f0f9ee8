# SPDX-License-Identifier: GPL-2.0-or-later
"""pcaplib.py - shared by the craft-*.py scripts of this folder: the pcap
writer, the Internet checksum and the Ethernet, IPv4, IPv6 and UDP header
builders their hand-built packets are made of.

A packet is its bytes, or (bytes, length on the wire) for a copy cut short
(cut() makes those).  write() puts the files in $CAPTURE_OUT when it is
set (make-*.sh set it), else in this folder."""
import os
import socket
import struct

HERE = os.path.dirname(os.path.abspath(__file__))


def path(name):
    """where the file NAME is written"""
    return os.path.join(os.environ.get('CAPTURE_OUT') or HERE, name)


def csum(b):
    """the Internet checksum (RFC 1071) of b"""
    if len(b) % 2:
        b += b'\0'
    s = sum(struct.unpack('!%dH' % (len(b) // 2), b))
    s = (s >> 16) + (s & 0xffff)
    s += s >> 16
    return (~s) & 0xffff


def mac(s):
    """a MAC address, '02:00:00:00:00:01' (or already its 6 bytes)"""
    return s if isinstance(s, bytes) else bytes.fromhex(s.replace(':', ''))


def a4(s):
    return s if isinstance(s, bytes) else socket.inet_aton(s)


def a6(s):
    return s if isinstance(s, bytes) else socket.inet_pton(socket.AF_INET6, s)


def eth(etype, payload, dst, src):
    return mac(dst) + mac(src) + struct.pack('!H', etype) + payload


def ip4(src, dst, proto, payload, ttl=64, opts=b'', tot=None, tos=0,
        ident=0, frag=0, check=True):
    """an IPv4 header (options opts) and payload; tot: a total length
    other than the true one; check=False leaves the checksum 0"""
    h = struct.pack('!BBHHHBBH4s4s', 0x40 | (5 + len(opts) // 4), tos,
                    20 + len(opts) + len(payload) if tot is None else tot,
                    ident, frag, ttl, proto, 0, a4(src), a4(dst)) + opts
    if check:
        h = h[:10] + struct.pack('!H', csum(h)) + h[12:]
    return h + payload


def ip6(src, dst, nh, payload, plen=None, hlim=64, vtf=0x60000000):
    """an IPv6 header (version, class and flow label vtf) and payload"""
    return struct.pack('!IHBB16s16s', vtf,
                       len(payload) if plen is None else plen, nh, hlim,
                       a6(src), a6(dst)) + payload


def udp(sp, dp, data, ulen=None):
    """a UDP header (checksum 0) and data"""
    return struct.pack('!HHHH', sp, dp,
                       8 + len(data) if ulen is None else ulen, 0) + data


def cut(frame, lengths):
    """copies of frame captured up to each of lengths"""
    return [(frame[:n], len(frame)) for n in lengths]


def stamp_ms(i):
    """the i-th packet's time: a second apart, i milliseconds past"""
    return 1700000000 + i, i % 1000 * 1000


def write(name, pkts, stamp=stamp_ms, snap=262144, nano=False):
    """pkts as an Ethernet pcap file NAME (see path()); stamp(i) gives the
    i-th packet's seconds and fraction (micro-, or with nano nanoseconds)"""
    with open(path(name), 'wb') as f:
        f.write(struct.pack('<IHHiIII', 0xa1b23c4d if nano else 0xa1b2c3d4,
                            2, 4, 0, 0, snap, 1))
        for i, p in enumerate(pkts):
            p, orig = p if isinstance(p, tuple) else (p, len(p))
            s, frac = stamp(i)
            f.write(struct.pack('<IIII', s, frac, len(p), orig) + p)
