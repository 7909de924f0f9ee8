#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# decode.sh - the cost of a printed line: `nsviz capture FLAGS -r FILE`
# against `tcpdump -n FLAGS -r FILE`, both to /dev/null, on the same
# file: CPU time (user + system) per packet, for each flag set and at
# several file sizes, with the ratio nsviz/tcpdump (the target: at most
# 0.5) and how the cost grows from one size to the next.  The outputs
# are compared too: the share of lines that are identical.
#
#   sh bench/decode.sh [path/to/nsviz]       (default $NSVIZ, else ./nsviz)
#
# Environment: SIZES (packets in the file, default "10000 100000
# 1000000"), FLAGS (flag sets, ';' between them, default "-n;-n -e;-n
# -v;-n -q;-n -x;-n -X;-n -tt"), REPS (runs of each, median; default 3).
# The file is every Ethernet packet of tests/data/*.pcap, repeated until
# SIZES packets: the protocols the decoder knows, in the mix the tests
# have.  No kernel is involved: nothing here needs a sandbox.
set -u

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
. "$BENCH_DIR/lib.sh"

NSVIZ=$(bench_nsviz "${1:-}") || exit 1
command -v tcpdump >/dev/null 2>&1 || die "tcpdump is needed"
command -v python3 >/dev/null 2>&1 || die "python3 is needed"
SIZES=${SIZES:-"10000 100000 1000000"}
FLAGS=${FLAGS:-"-n;-n -e;-n -v;-n -q;-n -x;-n -X;-n -tt"}
REPS=${REPS:-3}
TMPD=$(mktemp -d) || die "mktemp failed"
trap 'rm -rf "$TMPD"' EXIT INT TERM HUP

NSVIZ=$NSVIZ DATA="$BENCH_DIR/../tests/data" SIZES=$SIZES FLAGS=$FLAGS \
REPS=$REPS TMPD=$TMPD python3 - <<'EOF'
import glob, math, os, resource, struct, subprocess, sys

data, tmpd = os.environ["DATA"], os.environ["TMPD"]
sizes = [int(s) for s in os.environ["SIZES"].split()]
flagsets = [f.split() for f in os.environ["FLAGS"].split(";") if f.strip()]
reps = int(os.environ["REPS"])
nsviz = os.environ["NSVIZ"]

def packets(path):
    b = open(path, "rb").read()
    if len(b) < 24:
        return []
    magic = struct.unpack("<I", b[:4])[0]
    if magic not in (0xa1b2c3d4, 0xa1b23c4d):
        return []           # big-endian or pcapng: not in the mix
    if struct.unpack("<I", b[20:24])[0] != 1:
        return []           # Ethernet only
    nano = magic == 0xa1b23c4d
    out, o = [], 24
    while o + 16 <= len(b):
        sec, frac, cap, ln = struct.unpack("<IIII", b[o:o + 16])
        out.append((frac // 1000 if nano else frac, cap, ln,
                    b[o + 16:o + 16 + cap]))
        o += 16 + cap
    return out

mix = []
for f in sorted(glob.glob(os.path.join(data, "*.pcap"))):
    mix += packets(f)
if not mix:
    sys.exit("decode.sh: no Ethernet packets in tests/data")

def make(n, path):
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 262144, 1))
        for i in range(n):
            usec, cap, ln, d = mix[i % len(mix)]
            f.write(struct.pack("<IIII", 1700000000 + i // 1000,
                                (i % 1000) * 1000, cap, ln) + d)

def cpu(cmd, out):
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(out, "wb") as o:
        p = subprocess.run(cmd, stdout=o, stderr=subprocess.DEVNULL,
                           env=dict(os.environ, TZ="UTC"))
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    if p.returncode != 0:
        return None
    return (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)

def median(v):
    v = sorted(v)
    return v[len(v) // 2]

rows, prev = [], {}
print("%-10s %-8s %12s %12s %8s %10s" % ("packets", "flags", "nsviz us/pkt",
      "tcpdump", "ratio", "identical"))
for n in sizes:
    pcap = os.path.join(tmpd, "mix-%d.pcap" % n)
    make(n, pcap)
    for fl in flagsets:
        name = "".join(fl).replace("-", "") or "-"
        nout, tout = os.path.join(tmpd, "n.txt"), os.path.join(tmpd, "t.txt")
        nt = [cpu([nsviz, "capture"] + fl + ["-r", pcap], nout)
              for _ in range(reps)]
        tt = [cpu(["tcpdump"] + fl + ["-r", pcap], tout) for _ in range(reps)]
        if None in nt or None in tt:
            print("%-10d %-8s %s" % (n, name, "failed (flag not taken?)"))
            continue
        # lines of tcpdump's text that diff finds unchanged in nsviz's
        tn = sum(1 for _ in open(tout, "rb"))
        d = subprocess.run(["diff", tout, nout], stdout=subprocess.PIPE)
        gone = sum(1 for l in d.stdout.split(b"\n") if l.startswith(b"<"))
        ident = 100.0 * (tn - gone) / max(tn, 1)
        nu, tu = 1e6 * median(nt) / n, 1e6 * median(tt) / n
        print("%-10d %-8s %12.3f %12.3f %8.2f %9.2f%%" %
              (n, name, nu, tu, nu / tu if tu else 0, ident))
        if name in prev:
            pn, pnu, ptu = prev[name]
            g = lambda a, b: math.log((b * n) / (a * pn)) / math.log(n / pn) \
                if a > 0 and b > 0 else float("nan")
            rows.append("%s %d -> %d: nsviz %.2f tcpdump %.2f" %
                        (name, pn, n, g(pnu, nu), g(ptu, tu)))
        prev[name] = (n, nu, tu)
if rows:
    print("growth exponent of total CPU (1 = linear):")
    for r in rows:
        print("  " + r)
EOF
