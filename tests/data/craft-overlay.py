#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""craft-overlay.py - hand-built tunnel and NTP packets for the decoder's
unit test: python3 tests/data/craft-overlay.py writes

  overlay.pcap  VXLAN, Geneve, GRE v0 (checksum, key, sequence, routing,
                IPv4/IPv6/Ethernet inside, unknown payloads) and GREv1
                (PPTP), bad lengths, nested tunnels;
  overlay-cut.pcap  the same packets cut at every byte of the tunnel
                header and a little beyond (as a small snapshot length
                cuts them);
  ntp.pcap      NTP v1-v4 time messages in every mode, control messages,
                key id and digests, bad lengths;
  ntp-cut.pcap  some of those cut at every byte.

then `TZ=UTC tcpdump -n -r F.pcap > F.txt` gives the text nsviz must
print, and `tcpdump -n -v` (-vv) that of F-v.txt (F-vv.txt): overlay-v,
overlay-vv, ntp-v and ntp-cut-v (where -v shows every field)."""
import socket
import struct

import pcaplib
from pcaplib import ip6, mac, udp, write

M1, M2 = "02:00:00:00:00:01", "02:00:00:00:00:02"
M3, M4 = "0a:00:00:00:00:03", "0a:00:00:00:00:04"


def eth(dst, src, etype, payload):
    return pcaplib.eth(etype, payload, dst, src)


def ip4(src, dst, proto, payload):
    return pcaplib.ip4(src, dst, proto, payload, ident=1, check=False)


def tcp(sport, dport, seq, ack, flags, data=b""):
    return struct.pack("!HHIIBBHHH", sport, dport, seq, ack, 5 << 4, flags,
                       512, 0, 0) + data


def echo(seq, n=56):
    return struct.pack("!BBHHH", 8, 0, 0, 7, seq) + b"x" * n


def ping4(seq=1, src="10.9.0.1", dst="10.9.0.2"):
    return ip4(src, dst, 1, echo(seq))


def ping6(seq=1):
    return ip6("fd00::1", "fd00::2", 58,
               struct.pack("!BBHHH", 128, 0, 0, 7, seq) + b"y" * 16)


def inner_eth(payload, etype=0x0800):
    return eth(M4, M3, etype, payload)


def outer4(proto, payload, src="192.168.1.1", dst="192.168.1.2"):
    return eth(M2, M1, 0x0800, ip4(src, dst, proto, payload))


def outer6(proto, payload):
    return eth(M2, M1, 0x86dd, ip6("2001:db8::1", "2001:db8::2", proto,
                                   payload))


def vxlan(vni, payload, flags=0x08, rsvd=0):
    return struct.pack("!B3sI", flags, b"\0\0\0", vni << 8 | rsvd) + payload


def geneve(vni, proto, payload, opts=b"", ver=0, flags=0, rsvd=0,
           optlen=None):
    ol = len(opts) // 4 if optlen is None else optlen
    return struct.pack("!BBHI", ver << 6 | ol, flags, proto,
                       vni << 8 | rsvd) + opts + payload


def gopt(cls, typ, data, lenfield=None):
    n = len(data) // 4 if lenfield is None else lenfield
    return struct.pack("!HBB", cls, typ, n) + data


def gre(proto, payload, flags=0, ver=0, fields=b""):
    return struct.pack("!HH", flags | ver, proto) + fields + payload


def arp_req():
    return struct.pack("!HHBBH", 1, 0x0800, 6, 4, 1) + mac(M3) + \
        socket.inet_aton("10.9.0.1") + b"\0" * 6 + socket.inet_aton("10.9.0.2")


def overlay():
    P = []
    # VXLAN: IPv4, IPv6, ARP, TCP inside; flags without I; bad lengths
    P.append(outer4(17, udp(40000, 4789, vxlan(42, inner_eth(ping4())))))
    P.append(outer4(17, udp(40000, 4789, vxlan(16777215, inner_eth(
        ping6(), 0x86dd)))))
    P.append(outer4(17, udp(40000, 4789, vxlan(7, inner_eth(arp_req(),
                                                            0x0806)))))
    P.append(outer4(17, udp(40001, 4789, vxlan(7, inner_eth(ip4(
        "10.9.0.1", "10.9.0.2", 6, tcp(1234, 80, 1000, 0, 0x02)))))))
    P.append(outer4(17, udp(40001, 4789, vxlan(7, inner_eth(ip4(
        "10.9.0.2", "10.9.0.1", 6, tcp(80, 1234, 5000, 1001, 0x12)))))))
    P.append(outer4(17, udp(4789, 40000, vxlan(1, inner_eth(ping4()),
                                               flags=0x00))))
    P.append(outer4(17, udp(40000, 4789, vxlan(1, inner_eth(ping4()),
                                               flags=0xff, rsvd=0x55))))
    P.append(outer4(17, udp(40000, 4789, b"\x08\0\0\0\0\0")))
    P.append(outer4(17, udp(40000, 4789, b"")))
    P.append(outer4(17, udp(40000, 4789, vxlan(3, b"\x01\x02\x03"))))
    P.append(outer6(17, udp(40000, 4789, vxlan(9, inner_eth(ping4())))))
    # the inner frame longer than the UDP length says (cut), shorter
    P.append(outer4(17, udp(40000, 4789, vxlan(5, inner_eth(ping4())),
                            ulen=60)))
    # Geneve: Ethernet, IPv4, IPv6 inside; options; flags; versions
    P.append(outer4(17, udp(40000, 6081, geneve(0x123, 0x6558,
                                                inner_eth(ping4())))))
    P.append(outer4(17, udp(40000, 6081, geneve(0x10, 0x0800, ping4()))))
    P.append(outer4(17, udp(40000, 6081, geneve(0x10, 0x86dd, ping6()))))
    opts = gopt(0x0102, 0x80, b"\x00\x01\x00\x02") + \
        gopt(0x0101, 0x01, b"") + gopt(0xfff1, 0x7f, b"\xde\xad\xbe\xef" * 2)
    P.append(outer4(17, udp(40000, 6081, geneve(0xabcdef, 0x6558,
                                                inner_eth(ping4()), opts,
                                                flags=0xc0))))
    P.append(outer4(17, udp(40000, 6081, geneve(1, 0x6558, inner_eth(
        ping4()), gopt(0x0000, 1, b"abcd") + gopt(0x0100, 2, b"") +
        gopt(0x0103, 3, b"") + gopt(0x0104, 4, b"") + gopt(0x1234, 5, b""),
        flags=0x3f, rsvd=9))))
    # an option longer than the options, a version we do not know
    P.append(outer4(17, udp(40000, 6081, geneve(1, 0x6558, inner_eth(
        ping4()), gopt(0x0101, 1, b"abcd", lenfield=5)))))
    P.append(outer4(17, udp(40000, 6081, geneve(1, 0x6558, inner_eth(
        ping4()), ver=1))))
    P.append(outer4(17, udp(40000, 6081, geneve(1, 0x1234, b"abcdefgh"))))
    P.append(outer4(17, udp(40000, 6081, b"\0\0\x65\x58\0\0")))
    P.append(outer4(17, udp(40000, 6081, geneve(1, 0x6558, b"",
                                                optlen=3))))
    P.append(outer4(17, udp(40000, 6081, geneve(1, 0x0800, b""))))
    # GRE v0: plain, checksum, key, sequence, all, IPv6 and Ethernet in
    P.append(outer4(47, gre(0x0800, ping4())))
    P.append(outer4(47, gre(0x86dd, ping6())))
    P.append(outer4(47, gre(0x6558, inner_eth(ping4()))))
    P.append(outer4(47, gre(0x0800, ping4(), 0x8000,
                            fields=b"\x12\x34\0\0")))
    P.append(outer4(47, gre(0x0800, ping4(), 0x2000,
                            fields=b"\0\0\x04\xd2")))
    P.append(outer4(47, gre(0x0800, ping4(), 0x1000,
                            fields=b"\0\0\0\x05")))
    P.append(outer4(47, gre(0x6558, inner_eth(ping4()), 0xb000,
                            fields=b"\xbe\xef\0\0\xff\xff\xff\xff"
                                   b"\xff\xff\xff\xfe")))
    P.append(outer6(47, gre(0x0800, ping4())))
    P.append(outer4(47, gre(0x88be, b"\x10\0\0\x01" + b"z" * 20, 0x1000,
                            fields=b"\0\0\0\x01")))
    # MPLS: one label (IPv4 guessed), a stack, explicit nulls, unknown
    lab = lambda l, s, ttl=64, tc=0: struct.pack("!I", l << 12 | tc << 9 |
                                                 s << 8 | ttl)
    P.append(outer4(47, gre(0x8847, lab(16, 1) + ping4())))
    P.append(outer4(47, gre(0x8847, lab(1, 0, 1, 7) + lab(100, 0) +
                            lab(2, 1, 9) + ping6())))
    P.append(outer4(47, gre(0x8847, lab(0, 1) + ping4())))
    P.append(outer4(47, gre(0x8847, lab(3, 1, 255) + ping4())))
    P.append(outer4(47, gre(0x8847, lab(20, 1) + ping6())))
    P.append(outer4(47, gre(0x8847, lab(5, 0) + lab(21, 1) +
                            b"\x01hello, world! 0123456789 \x7f\x80")))
    P.append(outer4(47, gre(0x8847, lab(21, 1))))
    P.append(outer4(47, gre(0x8847, lab(21, 0) + b"ab")))
    P.append(outer4(47, gre(0x1234, b"abcdefgh", 0x0700)))
    P.append(outer4(47, gre(0x0800, ping4(), ver=5)))
    # routing present (RFC 1701): IPv4 and AS source routes, odd ones
    route = struct.pack("!HBB", 0x0800, 4, 8) + socket.inet_aton("1.1.1.1") + \
        socket.inet_aton("2.2.2.2") + struct.pack("!HBB", 0xfffe, 2, 4) + \
        b"\x00\x64\x00\xc8" + struct.pack("!HBB", 0x1234, 0, 2) + b"zz" + \
        b"\0\0\0\0"
    P.append(outer4(47, gre(0x0800, ping4(), 0xc800,
                            fields=b"\0\0\0\x04" + route)))
    bad = struct.pack("!HBB", 0x0800, 3, 8) + b"\0" * 8 + \
        struct.pack("!HBB", 0x0800, 0, 6) + b"\0" * 6 + \
        struct.pack("!HBB", 0x0800, 8, 8) + b"\0" * 8 + \
        struct.pack("!HBB", 0xfffe, 1, 4) + b"\0" * 4 + \
        struct.pack("!HBB", 0xfffe, 0, 3) + b"\0" * 3 + \
        struct.pack("!HBB", 0xfffe, 4, 4) + b"\0" * 4 + b"\0\0\0\0"
    P.append(outer4(47, gre(0x0800, ping4(), 0x4000,
                            fields=b"\0\0\0\0" + bad)))
    # routing without its end: the packet ends inside the routes
    P.append(outer4(47, gre(0x0800, b"", 0x4000, fields=b"\0\0\0\0" +
                            struct.pack("!HBB", 0x0800, 0, 8) +
                            socket.inet_aton("1.1.1.1"))))
    # GRE v1 (PPTP): data with seq and ack, ack only, PPP variants
    ppp_ip = b"\xff\x03\x00\x21" + ping4()
    P.append(outer4(47, gre(0x880b, ppp_ip, 0x3080, 1,
                            struct.pack("!HHII", len(ppp_ip), 0x1234, 7, 6))))
    P.append(outer4(47, gre(0x880b, b"", 0x2080, 1,
                            struct.pack("!HHI", 0, 0x1234, 7))))
    P.append(outer4(47, gre(0x880b, b"\x21" + ping4(), 0x3000, 1,
                            struct.pack("!HHI", 85, 99, 8))))
    P.append(outer4(47, gre(0x880b, b"\x00\x57" + ping6(), 0x3000, 1,
                            struct.pack("!HHI", 62, 99, 9))))
    P.append(outer4(47, gre(0x880b, b"\xff\x03\x00\xfd" + b"q" * 20, 0x3000,
                            1, struct.pack("!HHI", 24, 99, 10))))
    P.append(outer4(47, gre(0x880b, b"\x21", 0x3000, 1,
                            struct.pack("!HHI", 1, 99, 11))))
    for ppp in (b"\xff\x03\xc0\x21\x01\x01\x00\x04",
                b"\x80\x21\x09\x07\x00\x08abcd", b"\x80\xfd\x20\x07\x00\x04",
                b"\xc0\x21\x01\x01\x00",
                b"\xff\x03\x12\x35" + bytes(range(37)), b"\x2d" + b"v" * 16,
                b"\x00\x03\x00\x21" + ping4(), b"\x01\x03\x00\x57" + ping6()):
        P.append(outer4(47, gre(0x880b, ppp, 0x3000, 1,
                                struct.pack("!HHI", len(ppp), 99, 13))))
    P.append(outer4(47, gre(0x1234, b"abc", 0x3000, 1,
                            struct.pack("!HHI", 3, 99, 12))))
    # nested: VXLAN in GRE in VXLAN, Geneve in GRE in IPv6
    nest = vxlan(2, inner_eth(ip4("172.16.0.1", "172.16.0.2", 47, gre(
        0x6558, inner_eth(ip4("10.8.0.1", "10.8.0.2", 17, udp(
            50000, 4789, vxlan(3, inner_eth(ping4())))))))))
    P.append(outer4(17, udp(40000, 4789, nest)))
    P.append(outer6(47, gre(0x0800, ip4("10.7.0.1", "10.7.0.2", 17, udp(
        1, 6081, geneve(4, 0x86dd, ping6()))))))
    return P


def cuts(P, start, extra):
    """each packet cut at every byte from start to extra bytes past"""
    out = []
    for p in P:
        for n in range(start, min(len(p), start + extra)):
            out.append((p[:n], len(p)))
    return out


def ntp_time(li=0, vn=4, mode=3, stratum=0, poll=6, prec=-20, delay=0,
             disp=0, refid=b"\0\0\0\0", ts=(0, 0, 0, 0, 0, 0, 0, 0),
             tail=b""):
    return struct.pack("!BBbbII4s8I", li << 6 | vn << 3 | mode, stratum,
                       poll, prec, delay, disp, refid, *ts) + tail


def ntp():
    P = []
    U = lambda payload, sp=123, dp=123: outer4(17, udp(sp, dp, payload),
                                               "10.0.0.1", "10.0.0.2")
    now = 3913056000  # 2024-01-01 in NTP seconds
    P.append(U(ntp_time(mode=3, ts=(0, 0, 0, 0, 0, 0, now, 0x80000000)),
               40000, 123))
    P.append(U(ntp_time(mode=4, stratum=2, poll=6, prec=-25,
                        delay=0x00000123, disp=0x0001a000,
                        refid=socket.inet_aton("192.0.2.1"),
                        ts=(now - 100, 0x11111111, now, 0x80000000,
                            now + 1, 0x00000001, now + 1, 0x40000000)),
               123, 40000))
    P.append(U(ntp_time(li=3, vn=3, mode=1, stratum=1, poll=-3, prec=-6,
                        refid=b"GPS\0", ts=(now, 5, now + 10, 0, now - 5,
                                            0xfffffff0, now, 5))))
    P.append(U(ntp_time(li=1, vn=2, mode=2, stratum=16, poll=40, prec=127,
                        delay=0xffffffff, disp=0x80008000,
                        refid=b"\x81\x02\x7f\xff",
                        ts=(1, 1, 2, 2, now, 0x7fffffff, now, 0x7ffffffe))))
    P.append(U(ntp_time(li=2, vn=1, mode=5, stratum=3, poll=-40,
                        ts=(now, 0, now, 9, now, 3, now, 9)), 123, 123))
    P.append(U(ntp_time(mode=0, vn=0, stratum=62,
                        refid=socket.inet_aton("10.1.2.3"))))
    P.append(U(ntp_time(mode=4, stratum=63,
                        refid=socket.inet_aton("10.1.2.4"))))
    P.append(U(ntp_time(mode=7, vn=7)))
    P.append(U(ntp_time(mode=4, stratum=2, tail=b"\0\0\0\x2a")))
    P.append(U(ntp_time(mode=4, stratum=2, tail=b"\0\0\0\x2b" +
                        bytes(range(16)))))
    P.append(U(ntp_time(mode=4, stratum=2, tail=b"\0\0\0\x2c" +
                        bytes(range(20)))))
    P.append(U(ntp_time(mode=4, stratum=2, tail=b"\0" * 8)))
    P.append(U(ntp_time(mode=3)[:40]))
    P.append(U(b""))
    P.append(U(b"\x1b"))
    # control messages: request, response with data, error, bad counts
    P.append(U(struct.pack("!BBHHHHH", 0x16, 0x02, 1, 0, 0, 0, 0)))
    P.append(U(struct.pack("!BBHHHHH", 0x16, 0x82, 1, 0x0615, 0x1234, 0,
                           8) + b"abcdefgh"))
    P.append(U(struct.pack("!BBHHHHH", 0x16, 0xe1, 65535, 0xffff, 1, 2, 0)))
    P.append(U(struct.pack("!BBHHHHH", 0x16, 0x22, 2, 0, 0, 0, 100) +
               b"abc"))
    P.append(U(struct.pack("!BBHHH", 0x16, 0x02, 1, 0, 0)))
    return P


def main():
    P = overlay()
    write("overlay.pcap", P)
    # cut from the tunnel header on: Ethernet + IPv4 (+ UDP) before it
    # (not the one whose UDP length ends inside the inner frame: cut, its
    # inner ICMP length differs, an IPv4 matter, not a tunnel one)
    write("overlay-cut.pcap", cuts([p for p in P if p[23] == 17 and
                                    p[38:40] != b"\0\x3c"], 42, 60) +
          cuts([p for p in P if p[23] == 47], 34, 70) +
          cuts(P[-2:], 100, 200) +
          cuts([p for p in P if p[12:14] == b"\x86\xdd"], 54, 60))
    N = ntp()
    write("ntp.pcap", N)
    write("ntp-cut.pcap", cuts([N[i] for i in (1, 2, 5, 9, 10)], 42, 80) +
          cuts(N[15:18], 42, 24))


if __name__ == "__main__":
    main()
