#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# make-dns-captures.sh - remake the DNS and DHCP captures of this folder,
# by hand:  sh tests/data/make-dns-captures.sh
# Inside a sandbox (tests/lib/common.sh): the tutorial's veth pair; in
# vnet a small DNS server and a DHCP server (python3 sockets: they answer
# what is asked with records made up on the spot), on the host side a
# resolver's queries (UDP, IPv4 and IPv6, with and without EDNS) and a
# DHCP client's discover/request; mDNS queries and answers to 224.0.0.251
# and ff02::fb.  tcpdump -w on veth0, then tcpdump -n (-v) -r writes the
# texts the decoder must print (TZ=UTC).  The crafted ones
# (craft-dns.py) are remade at the end.  Needs tcpdump and python3.
. "$(dirname "$0")/capture-lib.sh"
DECODE_FLAGS=v

tutorial_net
ip addr add 2001:db8::1/64 dev veth0 nodad
ip -n vnet addr add 2001:db8::2/64 dev veth1 nodad
ip route add 224.0.0.0/4 dev veth0
ip -n vnet route add 224.0.0.0/4 dev veth1
sleep 1

# ---- DNS: a server in vnet, queries from the host side ----------------
cat >"$TMPD/dnsd.py" <<'EOF'
import socket, struct, sys
def name(s):
    return b''.join(bytes([len(l)]) + l.encode() for l in s.rstrip('.').split('.') if l) + b'\0'
def rr(t, data, ttl=300):
    return b'\xc0\x0c' + struct.pack('!HHIH', t, 1, ttl, len(data)) + data
socks = []
for fam, addr in ((socket.AF_INET, '10.0.2.0'), (socket.AF_INET6, '2001:db8::2')):
    s = socket.socket(fam, socket.SOCK_DGRAM)
    s.bind((addr, 53))
    socks.append(s)
import select
sys.stdout.write('ready\n'); sys.stdout.flush()
while True:
    r, _, _ = select.select(socks, [], [], 10)
    if not r:
        break
    for s in r:
        q, peer = s.recvfrom(2048)
        ident, fl, qd, an, ns, ar = struct.unpack('!6H', q[:12])
        i = 12
        labels = []
        while q[i]:
            labels.append(q[i + 1:i + 1 + q[i]].decode()); i += 1 + q[i]
        qname = '.'.join(labels)
        qtype = struct.unpack('!H', q[i + 1:i + 3])[0]
        question = q[12:i + 5]
        edns = ar > 0
        rcode, ans, auth = 0, [], []
        if qname.startswith('nx.'):
            rcode = 3
            soa = name('ns1.lab.example') + name('hostmaster.lab.example') + struct.pack('!5I', 2024120301, 7200, 3600, 1209600, 300)
            auth = [b'\xc0\x0f' + struct.pack('!HHIH', 6, 1, 900, len(soa)) + soa]
        elif qname.startswith('fail.'):
            rcode = 2
        elif qname.startswith('refused.'):
            rcode = 5
        elif qtype == 1:
            ans = [rr(1, bytes([10, 0, 2, 10])), rr(1, bytes([10, 0, 2, 11]))]
        elif qtype == 28:
            ans = [rr(28, socket.inet_pton(socket.AF_INET6, '2001:db8::10'))]
        elif qtype == 5:
            ans = [rr(5, name('web.lab.example'))]
        elif qtype == 12:
            ans = [rr(12, name('web.lab.example'))]
        elif qtype == 15:
            ans = [rr(15, b'\x00\x0a' + b'\x04mail\xc0\x0c')]
        elif qtype == 16:
            ans = [rr(16, b'\x0bv=spf1 -all\x05hello')]
        elif qtype == 33:
            ans = [rr(33, struct.pack('!HHH', 10, 5, 5060) + name('sip.lab.example'))]
        elif qtype == 2:
            ans = [rr(2, name('ns1.lab.example')), rr(2, name('ns2.lab.example'))]
        add = []
        if edns:
            add.append(b'\0' + struct.pack('!HHBBHH', 41, 1232, 0, 0, 0, 0))
        flags = 0x8000 | (fl & 0x0100) | 0x0080 | rcode
        if qname.endswith('lab.example'):
            flags |= 0x0400
        resp = struct.pack('!6H', ident, flags, 1, len(ans), len(auth), len(add)) + question + b''.join(ans) + b''.join(auth) + b''.join(add)
        s.sendto(resp, peer)
EOF
cat >"$TMPD/dnsq.py" <<'EOF'
import random, socket, struct, time
random.seed(16)
def name(s):
    return b''.join(bytes([len(l)]) + l.encode() for l in s.rstrip('.').split('.') if l) + b'\0'
OPT = b'\0' + struct.pack('!HHBBHH', 41, 1232, 0, 0, 0, 0)
def ask(fam, srv, qname, qtype, edns=False, rd=True):
    s = socket.socket(fam, socket.SOCK_DGRAM)
    s.settimeout(2)
    ident = random.randrange(65536)
    m = struct.pack('!6H', ident, 0x0100 if rd else 0, 1, 0, 0, 1 if edns else 0)
    m += name(qname) + struct.pack('!HH', qtype, 1) + (OPT if edns else b'')
    s.sendto(m, (srv, 53))
    try:
        s.recvfrom(2048)
    except socket.timeout:
        pass
    s.close()
    time.sleep(0.05)
V4, V6 = (socket.AF_INET, '10.0.2.0'), (socket.AF_INET6, '2001:db8::2')
for fam, srv in (V4, V6):
    ask(fam, srv, 'www.lab.example', 1)
    ask(fam, srv, 'www.lab.example', 28, edns=True)
for q, t, e in (('example.com', 1, True), ('alias.lab.example', 5, False),
                ('10.2.0.10.in-addr.arpa', 12, False), ('lab.example', 15, True),
                ('lab.example', 16, False), ('_sip._udp.lab.example', 33, False),
                ('lab.example', 2, True), ('nx.lab.example', 1, True),
                ('fail.example', 1, False), ('refused.example', 28, False),
                ('lab.example', 255, False)):
    ask(V4[0], V4[1], q, t, edns=e)
ask(V4[0], V4[1], 'norecurse.lab.example', 1, rd=False)
EOF
: >"$TMPD/dnsd.out"
ip netns exec vnet python3 "$TMPD/dnsd.py" >"$TMPD/dnsd.out" &
SRV=$!
wait_grep "$TMPD/dnsd.out" ready
start dns-real -i veth0 'udp port 53 or udp port 5353'
python3 "$TMPD/dnsq.py"

# mDNS: a query from the host side, an answer from vnet (both multicast)
cat >"$TMPD/mdns.py" <<'EOF'
import socket, struct, sys
def name(s):
    return b''.join(bytes([len(l)]) + l.encode() for l in s.rstrip('.').split('.') if l) + b'\0'
fam = socket.AF_INET6 if sys.argv[1] == '6' else socket.AF_INET
grp = 'ff02::fb' if fam == socket.AF_INET6 else '224.0.0.251'
s = socket.socket(fam, socket.SOCK_DGRAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
if fam == socket.AF_INET6:
    s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_IF, socket.if_nametoindex(sys.argv[3]))
    s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_HOPS, 255)
else:
    s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_TTL, 255)
s.bind(('', 5353))
if sys.argv[2] == 'q':
    m = struct.pack('!6H', 0, 0, 2, 0, 0, 0) + name('_ipp._tcp.local') + struct.pack('!HH', 12, 1)
    m += name('printer.local') + struct.pack('!HH', 1, 0x8001)
else:
    a = b'\x07printer\x05local\x00'
    m = struct.pack('!6H', 0, 0x8400, 0, 3, 0, 0)
    m += a + struct.pack('!HHIH', 1, 0x8001, 120, 4) + bytes([10, 0, 2, 0])
    m += name('_ipp._tcp.local') + struct.pack('!HHIH', 12, 1, 4500, 7) + b'\x04lab1\xc0\x0c'
    m += b'\xc0\x0c' + struct.pack('!HHIH', 28, 0x8001, 120, 16) + socket.inet_pton(socket.AF_INET6, 'fe80::2')
s.sendto(m, (grp, 5353))
EOF
python3 "$TMPD/mdns.py" 4 q
sleep 0.1
ip netns exec vnet python3 "$TMPD/mdns.py" 4 a
sleep 0.1
python3 "$TMPD/mdns.py" 6 q veth0
sleep 0.1
ip netns exec vnet python3 "$TMPD/mdns.py" 6 a veth1
stop dns-real
kill "$SRV" 2>/dev/null

# ---- DHCP: a server in vnet, a client's exchange from the host side ---
cat >"$TMPD/dhcp.py" <<'EOF'
import socket, struct, sys, time
role, dev = sys.argv[1], sys.argv[2]
MAC = bytes.fromhex('020000000100')
def opt(t, d): return bytes([t, len(d)]) + d
def msg(op, xid, yi=b'\0' * 4, si=b'\0' * 4, flags=0, opts=b'', secs=0):
    m = struct.pack('!BBBBIHH', op, 1, 6, 0, xid, secs, flags) + b'\0' * 4 + yi + si + b'\0' * 4
    m += MAC.ljust(16, b'\0') + b'\0' * 192 + b'\x63\x82\x53\x63' + opts + b'\xff'
    return m.ljust(300, b'\0')
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
s.setsockopt(socket.SOL_SOCKET, socket.SO_BINDTODEVICE, dev.encode())
s.settimeout(3)
PRL = opt(55, bytes([1, 3, 6, 12, 15, 28, 42, 51, 54, 58, 59, 119, 121]))
if role == 'server':
    s.bind(('', 67))
    sys.stdout.write('ready\n'); sys.stdout.flush()
    for _ in range(2):
        m, _ = s.recvfrom(2048)
        xid = struct.unpack('!I', m[4:8])[0]
        kind = 2 if m[242] == 1 else 5
        o = (opt(53, bytes([kind])) + opt(54, bytes([10, 0, 2, 0])) + opt(51, struct.pack('!I', 3600)) +
             opt(58, struct.pack('!I', 1800)) + opt(59, struct.pack('!I', 3150)) +
             opt(1, bytes([255, 255, 255, 0])) + opt(3, bytes([10, 0, 2, 0])) +
             opt(6, bytes([10, 0, 2, 0])) + opt(15, b'lab.example') +
             opt(121, bytes([24, 10, 0, 9, 10, 0, 2, 1])))
        r = msg(2, xid, yi=bytes([10, 0, 1, 50]), si=bytes([10, 0, 2, 0]), opts=o)
        s.sendto(r, ('255.255.255.255', 68))
else:
    s.bind(('', 68))
    xid = 0x3903f326
    o = opt(53, b'\x01') + opt(61, b'\x01' + MAC) + opt(57, struct.pack('!H', 1500)) + opt(12, b'client1') + PRL + opt(60, b'nsviz-test')
    s.sendto(msg(1, xid, opts=o), ('255.255.255.255', 67))
    s.recvfrom(2048)
    o = (opt(53, b'\x03') + opt(61, b'\x01' + MAC) + opt(50, bytes([10, 0, 1, 50])) +
         opt(54, bytes([10, 0, 2, 0])) + opt(12, b'client1') + opt(81, b'\x01\x00\x00client1') + PRL)
    s.sendto(msg(1, xid, opts=o, secs=1), ('255.255.255.255', 67))
    s.recvfrom(2048)
    time.sleep(0.1)
    o = opt(53, b'\x07') + opt(54, bytes([10, 0, 2, 0])) + opt(61, b'\x01' + MAC)
    s.sendto(msg(1, xid + 1, opts=o), ('10.0.2.0', 67))
EOF
: >"$TMPD/dhcpd.out"
ip netns exec vnet python3 "$TMPD/dhcp.py" server veth1 >"$TMPD/dhcpd.out" &
DSRV=$!
wait_grep "$TMPD/dhcpd.out" ready
start dhcp-real -i veth0 'udp port 67 or udp port 68'
python3 "$TMPD/dhcp.py" client veth0
stop dhcp-real
kill "$DSRV" 2>/dev/null

# ---- the crafted ones ----------------------------------------------------
python3 "$DATA/craft-dns.py"
for f in dns dhcp; do
	decode $f v vv vvv
done
echo "captures written to $OUT"
