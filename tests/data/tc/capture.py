#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
# capture.py - writes tests/data/tc/requests.txt and replies.txt, the
# fixtures of tests/unit/test_tc.c, from the real tc (iproute2 6.1) under
# strace, in a private network namespace (nothing on the host changes):
#
#   cd tests/data/tc && unshare --net --mount python3 capture.py
#
# requests.txt: for each word list, the attributes after the tcmsg of the
# RTM_NEWQDISC / RTM_NEWTCLASS tc sent (TCA_KIND, TCA_OPTIONS), from
# `strace -f -e trace=sendmsg -e write=all tc qdisc add dev v0 root ...`
# (for a class: after `tc qdisc add dev v0 root handle 1: htb`, `tc class
# add dev v0 parent 1: classid 1:1 htb ...`), or "refused" when tc sent
# none.  The kernel here has no sch_netem: it refuses those requests,
# after tc built them, which is all that is compared.
# replies.txt: for kinds the kernel has, the kernel's dump reply
# (`strace -e trace=recvmsg -e read=all tc -s -d qdisc|class show dev
# v0`: TCA_OPTIONS, TCA_STATS2, TCA_STATS, TCA_XSTATS payloads) and what
# tc printed after its header ("qdisc tbf 8001: root refcnt 2 ") for
# show, show -d and show -s.
import json, os, re, subprocess, sys

REQ = [
 "qdisc netem",
 "qdisc netem delay 100ms",
 "qdisc netem delay 100ms 10ms",
 "qdisc netem delay 100ms 10ms 25%",
 "qdisc netem delay 100ms 10ms 25% loss 1%",
 "qdisc netem latency 1s 1ms",
 "qdisc netem d 20ms limit 500",
 "qdisc netem loss 0.3% 25%",
 "qdisc netem loss random 5%",
 "qdisc netem drop 5",
 "qdisc netem loss state 1% 10% 5% 80% 2%",
 "qdisc netem loss state 3%",
 "qdisc netem loss gemodel 1% 10% 70% 0.1%",
 "qdisc netem loss gemodel 2%",
 "qdisc netem duplicate 1% 10%",
 "qdisc netem duplicate 1%",
 "qdisc netem corrupt 0.1%",
 "qdisc netem corrupt 0.1% 5%",
 "qdisc netem delay 10ms reorder 25% 50%",
 "qdisc netem delay 10ms reorder 25% gap 5",
 "qdisc netem reorder 25%",
 "qdisc netem gap 5",
 "qdisc netem rate 1mbit",
 "qdisc netem rate 100kbit 20 100 -5",
 "qdisc netem rate 10gbit",
 "qdisc netem rate 5.5mbps -10",
 "qdisc netem loss 1% ecn",
 "qdisc netem ecn",
 "qdisc netem slot 10ms 20ms packets 10 bytes 1500",
 "qdisc netem slot 5ms",
 "qdisc netem slot 30ms 20ms",
 "qdisc netem delay 100ms 10ms distribution normal",
 "qdisc netem delay 100ms 10ms distribution pareto",
 "qdisc netem delay 100ms distribution normal",
 "qdisc netem delay 100ms 10ms distribution uniform",
 "qdisc netem limit 1kb delay 1.5ms",
 "qdisc netem loss 1% loss 2%",
 "qdisc netem delay 2ms 1ms 10% duplicate 5% 3% loss 2% corrupt 1% reorder 10% 5% rate 2mbit limit 100",
 "qdisc netem delay 100",
 "qdisc netem seed 5",
 "qdisc netem bogus",
 "qdisc netem loss 101%",
 "qdisc tbf rate 1mbit burst 1600 latency 50ms",
 "qdisc tbf rate 1mbit burst 10kb limit 30000",
 "qdisc tbf rate 10mbit burst 20kb/8 latency 100ms peakrate 12mbit mtu 1514",
 "qdisc tbf rate 1mbit buffer 1600 lat 50ms mpu 64 overhead 14 linklayer atm",
 "qdisc tbf rate 8gbit burst 1mb latency 10ms",
 "qdisc tbf rate 1mbit latency 50ms",
 "qdisc tbf burst 1600 latency 50ms",
 "qdisc tbf rate 1mbit burst 1600",
 "qdisc tbf rate 1mbit burst 1600 limit 3000 latency 5ms",
 "qdisc tbf rate 1mbit burst 1600 latency 5ms peakrate 2mbit",
 "qdisc htb",
 "qdisc htb default 10",
 "qdisc htb default 1f r2q 5 direct_qlen 100",
 "qdisc htb d 12 debug 0123",
 "class htb rate 1mbit",
 "class htb rate 1mbit ceil 2mbit",
 "class htb rate 1mbit ceil 2mbit burst 15k cburst 20k prio 1 quantum 1500",
 "class htb rate 10mbit mtu 9000 mpu 64 overhead 4 linklayer atm",
 "class htb rate 6gbit ceil 8gbit",
 "class htb rate 1mbit burst 10kb/16",
 "class htb ceil 1mbit",
 "qdisc pfifo",
 "qdisc pfifo limit 100",
 "qdisc bfifo limit 10kb",
 "qdisc bfifo limit 3000",
 "qdisc pfifo lim 5",
]

REPLY = [
 ("qdisc tbf rate 1mbit burst 1600 latency 50ms", None),
 ("qdisc tbf rate 10mbit burst 20kb/8 latency 100ms peakrate 12mbit mtu 1514", None),
 ("qdisc tbf rate 1mbit burst 1600 latency 50ms overhead 14 linklayer atm", None),
 ("qdisc tbf rate 8gbit burst 1mb limit 100000", None),
 ("qdisc htb", None),
 ("qdisc htb default 10 r2q 5 direct_qlen 100", None),
 ("qdisc pfifo limit 100", None),
 ("qdisc bfifo limit 10kb", None),
 ("qdisc htb", "class htb rate 1mbit ceil 2mbit"),
 ("qdisc htb", "class htb rate 10mbit burst 15k cburst 20k prio 2 quantum 3000"),
 ("qdisc htb", "class htb rate 6gbit ceil 8gbit"),
 ("qdisc htb", "class htb rate 1mbit overhead 10 linklayer atm"),
]

def sh(cmd, check=False):
    return subprocess.run(cmd, shell=True, capture_output=True, text=True)

def hexdumps(path):
    """the buffers of strace's -e write=/read= dumps, in order"""
    bufs, cur = [], None
    for line in open(path):
        if re.match(r'^\s*\* \d+ bytes in buffer', line):
            cur = bytearray(); bufs.append(cur); continue
        m = re.match(r'^\s*\| [0-9a-f]{5}  ', line)
        if m and cur is not None:
            cur += bytes.fromhex(line[m.end():m.end() + 49].replace(' ', ''))
    return bufs

def nlmsgs(buf):
    off = 0
    while off + 16 <= len(buf):
        ln = int.from_bytes(buf[off:off+4], 'little')
        typ = int.from_bytes(buf[off+4:off+6], 'little')
        if ln < 16 or off + ln > len(buf):
            break
        yield typ, buf[off:off+ln]
        off += (ln + 3) & ~3

def attrs(b):
    off, out = 0, []
    while off + 4 <= len(b):
        ln = int.from_bytes(b[off:off+2], 'little')
        typ = int.from_bytes(b[off+2:off+4], 'little')
        if ln < 4 or off + ln > len(b):
            break
        out.append((typ & 0x3fff, b[off+4:off+ln]))
        off += (ln + 3) & ~3
    return out

def reset():
    sh("ip link del v0 2>/dev/null")
    sh("sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1")
    sh("ip link add v0 type veth peer name v1 && ip link set v0 up && ip link set v1 up")

def tcwords(w):
    obj, rest = w.split(' ', 1)
    if obj == 'qdisc':
        return "tc qdisc add dev v0 root " + rest
    return "tc class add dev v0 parent 1: classid 1:1 " + rest

def main():
    out = open('requests.txt', 'w')
    out.write(open('capture.py').read().split('import json')[0].replace('#!/usr/bin/env python3\n', ''))
    for w in REQ:
        reset()
        if w.startswith('class'):
            sh("tc qdisc add dev v0 root handle 1: htb")
        sh("strace -f -e trace=sendmsg -e write=all -o /tmp/tcw/req.st " + tcwords(w))
        want = 36 if w.startswith('qdisc') else 40
        found = None
        for buf in hexdumps('/tmp/tcw/req.st'):
            for typ, m in nlmsgs(buf):
                if typ == want:
                    found = m[36:]
        out.write("\nwords %s\n" % w)
        out.write("attrs %s\n" % (found.hex() if found is not None else "refused"))
    out.close()

    out = open('replies.txt', 'w')
    out.write("# replies.txt - written by capture.py (see its header): the kernel's\n"
              "# dump replies and tc 6.1's text for them\n")
    for q, c in REPLY:
        reset()
        if c:
            sh("tc qdisc add dev v0 root handle 1: " + q.split(' ', 1)[1])
            sh(tcwords(c))
            show = "class show dev v0"
            want, words = 40, c
        else:
            sh(tcwords(q))
            show = "qdisc show dev v0"
            want, words = 36, q
        kind = words.split()[1]
        stext = sh("strace -e trace=recvmsg -e read=all -o /tmp/tcw/rep.st tc -s " + show).stdout
        msg = None
        for buf in hexdumps('/tmp/tcw/rep.st'):
            for typ, m in nlmsgs(buf):
                if typ != want or msg is not None:
                    continue
                at = dict()
                for t, v in attrs(m[36:]):
                    at.setdefault(t, v)
                if at.get(1, b'').rstrip(b'\0') == kind.encode():
                    msg = at
        out.write("\nwords %s\n" % words)
        for name, t in (("options", 2), ("stats", 3), ("xstats", 4), ("stats2", 7)):
            if msg and t in msg:
                out.write("%s %s\n" % (name, msg[t].hex() or "-"))
        for name, opt in (("show", ""), ("details", "-d "), ("statistics", "-s ")):
            text = stext if opt == "-s " else sh("tc %s%s" % (opt, show)).stdout
            block = None
            for blk in re.split(r'\n(?=qdisc |class )', text):
                if blk.startswith(words.split()[0] + " " + kind + " "):
                    block = blk
                    break
            if block is None:
                continue
            hdr = re.match(r'^qdisc \S+ [0-9a-f]+: (dev \S+ )?(root |parent \S+ )?(refcnt \d+ )?'
                           if not c else
                           r'^class \S+ \S+ (root |parent \S+ )?(leaf \S+ )?', block)
            out.write("%s %s\n" % (name, json.dumps(block[hdr.end():])))
    out.close()

main()
