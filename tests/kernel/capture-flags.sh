#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# nsviz capture takes tcpdump's flags and prints what tcpdump prints:
#
# 1. every tests/data/*.pcap read with each flag set of FLAGSETS by both
#    `tcpdump -n FLAGS -r F` and `nsviz capture FLAGS -r F` (TZ=UTC):
#    standard output byte for byte and standard error's first line; each
#    differing line is reported, and the lines that agree are counted.
#    NSVIZ_CAPTURE_SKIP lists flag sets (as written in FLAGSETS) and file
#    names (udp.pcap) to leave out, each reported as SKIP: the -v, -e and
#    -q text comes from the decoder, Linux cooked captures too.
# 2. live, in the sandbox: two namespaces joined by a veth pair, ping
#    between them, `nsviz -n NS capture -c N -i IF` and tcpdump on the
#    same interface at the same time print the same lines; -Q in/out;
#    -D as `ip netns exec NS tcpdump -D`; -i any; `ip netns exec NS nsviz
#    capture`; the old `capture -n NS -i IF`; bad flags (exit 2).
. "${TOP_SRCDIR:-$(dirname "$0")/../..}/tests/lib/common.sh"
sandbox_reexec

need tcpdump "it is the reference"
DATA=$TOP_SRCDIR/tests/data
# one word each, "," between the words of one ("-tt,--nano")
FLAGSETS="-n -nn -t -tt -ttt -tttt -ttttt -x -xx -X -XX -A -AA -nnX -ttX
	-tttxx --nano -tt,--nano -ttt,--nano -ttttt,--nano
	--time-stamp-precision=nano,-ttttt -c3 -s60 -s60,-X -s48,-xx -nnc5,-A
	-S -# -#ttS,-X
	-e -q -v -vv -vvv -nnvvX -eX -ev -qx -vvvexx"
SKIPS=" ${NSVIZ_CAPTURE_SKIP:-} "
skipped() { case "$SKIPS" in *" $1 "*) return 0 ;; esac; return 1; }
# tests/data/capture-known.txt: "FILE FLAGSET WHY" lines, where nsviz is
# known to print other text than tcpdump (a decoder not yet written):
# such a difference is reported as SKIP with its reason, and a listed
# pair that has become identical fails, so the list only shrinks.
KNOWN=$TOP_SRCDIR/tests/data/capture-known.txt
known() {   # FILE FLAGSET: the reason, if the pair is listed
	[ -f "$KNOWN" ] || return 1
	awk -v f="$1" -v s="$2" '$1 == f && $2 == s {
		$1 = ""; $2 = ""; sub(/^ +/, ""); print; found = 1; exit }
		END { exit !found }' "$KNOWN"
}
words() { printf '%s\n' "$1" | tr ',' ' '; }

SAME=0 TOTAL=0
for f in "$DATA"/*.pcap; do
	skipped "$(basename "$f")" && skip "$(basename "$f") (NSVIZ_CAPTURE_SKIP)"
done
for fs in $FLAGSETS; do
	if skipped "$fs"; then
		skip "flag set $fs (NSVIZ_CAPTURE_SKIP)"
		continue
	fi
	# shellcheck disable=SC2046
	set -- $(words "$fs")
	desc="capture $* -r == tcpdump -n $* -r, every tests/data/*.pcap"
	bad=""
	for f in "$DATA"/*.pcap; do
		b=$(basename "$f")
		skipped "$b" && continue
		TZ=UTC tcpdump -n "$@" -r "$f" >"$TMPD/t.out" 2>"$TMPD/t.err"
		TZ=UTC "$NSVIZ" capture "$@" -r "$f" >"$TMPD/n.out" 2>"$TMPD/n.err"
		t=$(wc -l <"$TMPD/t.out")
		TOTAL=$((TOTAL + t))
		why=$(known "$b" "$fs") || why=""
		if cmp -s "$TMPD/t.out" "$TMPD/n.out"; then
			SAME=$((SAME + t))
			[ -z "$why" ] || bad="$bad$b: identical now, but listed in capture-known.txt: take it out
"
		elif [ -n "$why" ]; then
			d=$(diff "$TMPD/t.out" "$TMPD/n.out" | grep -c '^<')
			SAME=$((SAME + t - d))
			skip "capture $* -r $b: $d of $t lines differ, known: $why"
		else
			d=$(diff "$TMPD/t.out" "$TMPD/n.out" | grep -c '^<')
			SAME=$((SAME + t - d))
			bad="$bad$b: $(diff "$TMPD/t.out" "$TMPD/n.out" | grep '^[<>]' | head -n 6 | tr '\n' '|')
"
		fi
		if [ "$(head -n1 "$TMPD/t.err")" != "$(head -n1 "$TMPD/n.err")" ]; then
			bad="${bad}$b stderr: tcpdump: $(head -n1 "$TMPD/t.err") | nsviz: $(head -n1 "$TMPD/n.err")
"
		fi
	done
	if [ -z "$bad" ]; then
		pass "$desc"
	else
		IFS='
'
		# shellcheck disable=SC2086
		fail "$desc" $bad
		unset IFS
	fi
done
echo "# lines identical to tcpdump's: $SAME of $TOTAL"

# Where tcpdump gives up on a packet cut short, -x may dump the whole
# frame: every packet of the test captures cut at every length from 14
# to 89 bytes, the dumps compared wherever the summary lines agree (the
# summary lines themselves are the decoder's)
if command -v python3 >/dev/null; then
	python3 - "$TMPD/cuts.pcap" "$DATA"/*.pcap <<'PY'
import struct, sys
out = open(sys.argv[1], 'wb')
out.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 262144, 1))
n = 0
for f in sys.argv[2:]:
    d = open(f, 'rb').read()
    if struct.unpack('<I', d[:4])[0] != 0xa1b2c3d4 or \
       struct.unpack('<I', d[20:24])[0] != 1:
        continue
    o = 24
    while o + 16 <= len(d):
        s, us, cl, ol = struct.unpack('<IIII', d[o:o + 16])
        p = d[o + 16:o + 16 + cl]
        o += 16 + cl
        if cl == 0 or ol < cl:
            continue
        for c in range(14, min(cl, 90)):
            out.write(struct.pack('<IIII', n, 0, c, ol) + p[:c])
            n += 1
PY
	for fl in -x -X -A; do
		# numbered (-#), so that each packet's text is known: its line,
		# then its dump lines, joined by \037 into one record
		TZ=UTC tcpdump -n -# $fl -r "$TMPD/cuts.pcap" >"$TMPD/ct.out" 2>/dev/null
		TZ=UTC "$NSVIZ" capture -# $fl -r "$TMPD/cuts.pcap" >"$TMPD/cn.out" 2>/dev/null
		for w in ct cn; do
			awk '/^ *[0-9]+  / && NR > 1 { print "" }
			     /^ *[0-9]+  / { printf "%s", $0; next }
			     { printf "\037%s", $0 } END { print "" }' \
				"$TMPD/$w.out" >"$TMPD/$w.rec"
		done
		r=$(paste -d "$(printf '\036')" "$TMPD/ct.rec" "$TMPD/cn.rec" | awk -F '\036' '
			{ split($1, a, "\037"); split($2, b, "\037") }
			a[1] != b[1] { next }
			{ n++ } $1 == $2 { same++ }
			$1 != $2 && bad == "" { bad = a[1] }
			END { printf "%d %d %s", same, n, bad }')
		# shellcheck disable=SC2086
		set -- $r
		if [ "$1" = "$2" ] && [ "$2" -gt 1000 ]; then
			pass "$fl on every cut copy: the dump tcpdump prints ($1 of $2 packets)"
		else
			shift 2
			fail "$fl on every cut copy: the dump tcpdump prints" \
				"$(echo "$r" | cut -d' ' -f1-2 | sed 's/ / of /') packets whose lines agree; the first that differs: $*"
		fi
	done
else
	skip "dumps of cut copies (python3 writes them)"
fi

# ---- live ---------------------------------------------------------------
# two namespaces, a veth pair between them
ip netns add a
ip netns add b
ip link add va type veth peer name vb
ip link set va netns a
ip link set vb netns b
ip -n a addr add 10.9.0.1/24 dev va
ip -n b addr add 10.9.0.2/24 dev vb
ip -n a link set va up
ip -n b link set vb up
wait_carrier -n a va
# listening NAME: until the capture that writes $TMPD/NAME.err listens
listening() { wait_grep "$TMPD/$1.err" 'listening on'; }
# one_ping NAME CMD...: CMD (a capture) in the background, its output in
# $TMPD/NAME.out and .err, while a pings b once; its status in RC
one_ping() {
	_name=$1
	shift
	"$@" >"$TMPD/$_name.out" 2>"$TMPD/$_name.err" &
	_pid=$!
	listening "$_name"
	ip netns exec a ping -c 1 10.9.0.2 >/dev/null
	finish "$_pid"
}
# both NAME COUNT FLAGS...: tcpdump and nsviz capture on va in a at the
# same time, -c COUNT, while a pings b three times; the lines compared
# whole with -t, else without their timestamps (each packet socket
# stamps its copy)
nostamp() { sed -E 's/^[ -]?[0-9][-0-9:.]* //' "$1"; }
both() {
	name=$1 count=$2
	shift 2
	: >"$TMPD/$name-t.err"
	: >"$TMPD/$name-n.err"
	ip netns exec a tcpdump -c "$count" "$@" >"$TMPD/$name-t.out" 2>"$TMPD/$name-t.err" &
	TPID=$!
	"$NSVIZ" -n a capture -c "$count" "$@" >"$TMPD/$name-n.out" 2>"$TMPD/$name-n.err" &
	NPID=$!
	listening "$name-t"
	listening "$name-n"
	ip netns exec a ping -c 3 -i 0.2 10.9.0.2 >/dev/null
	finish "$TPID"
	TRC=$RC
	finish "$NPID"
	check_eq "$name: nsviz exits 0 after -c $count" "$RC" 0
	check_eq "$name: tcpdump exits 0 after -c $count" "$TRC" 0
	case " $* " in
	*" -t "* | *" -tX "* | *" -nn -tX "*)
		check_eq "$name: nsviz -n a capture -c $count $* == tcpdump $* on the same interface" \
			"$(cat "$TMPD/$name-n.out")" "$(cat "$TMPD/$name-t.out")" ;;
	*)
		check_eq "$name: nsviz -n a capture -c $count $* == tcpdump $* on the same interface (timestamps aside)" \
			"$(nostamp "$TMPD/$name-n.out")" "$(nostamp "$TMPD/$name-t.out")" ;;
	esac
}
both plain 6 -n -t -i va icmp
check_eq "plain: 6 lines" "$(wc -l <"$TMPD/plain-n.out")" 6
check_eq "the counters, as tcpdump's" \
	"$(sed -n '/captured$/p' "$TMPD/plain-n.err")" "$(sed -n '/captured$/p' "$TMPD/plain-t.err")"
check_match "received by filter" "$(cat "$TMPD/plain-n.err")" '^[0-9]+ packets? received by filter$'
check_match "dropped by kernel" "$(cat "$TMPD/plain-n.err")" '^0 packets dropped by kernel$'
check_eq "stderr's first line, tcpdump's with nsviz's name" \
	"$(head -n1 "$TMPD/plain-n.err")" "$(head -n1 "$TMPD/plain-t.err" | sed 's/^tcpdump:/nsviz:/')"
check_eq "listening on ..., in namespace a" \
	"$(sed -n 2p "$TMPD/plain-n.err")" \
	"$(sed -n 2p "$TMPD/plain-t.err" | sed 's/^listening on va,/listening on va in namespace a,/')"
both hex 2 -nn -tX -i va icmp
check_match "-X: hex and ASCII lines" "$(cat "$TMPD/hex-n.out")" \
	'^	0x0000:  4500 0054 '
both in 3 -t -Q in -i va icmp
check_eq "-Q in: the 3 replies only" "$(grep -c 'echo reply' "$TMPD/in-n.out")" 3
both out 3 -t -Q out -i va icmp
check_eq "-Q out: the 3 requests only" "$(grep -c 'echo request' "$TMPD/out-n.out")" 3
both stamps 4 -l -i va icmp
check_match "live timestamps: tcpdump's form" "$(cat "$TMPD/stamps-n.out")" \
	'^[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6} IP 10\.9\.0\.1 > 10\.9\.0\.2: ICMP echo request'
both nano 2 --nano -ttttt -i va icmp
check_match "--nano live: nine digits" "$(cat "$TMPD/nano-n.out")" \
	'^ 00:00:00\.000000000 IP 10\.9\.0\.1 > 10\.9\.0\.2'

# ip netns exec a nsviz capture: the current namespace, tcpdump's lines
one_ping exec ip netns exec a "$NSVIZ" capture -c 2 -t -i va icmp
check_eq "ip netns exec a nsviz capture: exit 0" "$RC" 0
check_eq "ip netns exec a nsviz capture: the request and the reply" \
	"$(cat "$TMPD/exec.out")" \
	"IP 10.9.0.1 > 10.9.0.2: ICMP echo request, id $(sed -n 's/.* id \([0-9]*\),.*/\1/p' "$TMPD/exec.out" | head -n1), seq 1, length 64
IP 10.9.0.2 > 10.9.0.1: ICMP echo reply, id $(sed -n 's/.* id \([0-9]*\),.*/\1/p' "$TMPD/exec.out" | head -n1), seq 1, length 64"
check_eq "ip netns exec a nsviz capture: tcpdump's listening line" \
	"$(sed -n 2p "$TMPD/exec.err")" \
	'listening on va, link-type EN10MB (Ethernet), snapshot length 262144 bytes'

# the old form: capture -n NS -i IF
one_ping old "$NSVIZ" capture -n a -i va -c 2 -t icmp
check_eq "capture -n a -i va (the old form): exit 0" "$RC" 0
check_eq "capture -n a -i va: 2 lines" "$(wc -l <"$TMPD/old.out")" 2

# -w with -U: each packet in the file as it comes; tcpdump reads it
one_ping u "$NSVIZ" -n a capture -U -w "$TMPD/u.pcap" -c 2 -i va icmp
check_eq "-U -w: exit 0" "$RC" 0
check_eq "-U -w: tcpdump reads the 2 packets" \
	"$(tcpdump -n -r "$TMPD/u.pcap" 2>/dev/null | wc -l)" 2
check_match "-w: tcpdump's listening line (nsviz's name)" "$(cat "$TMPD/u.err")" \
	'^nsviz: listening on va in namespace a, link-type EN10MB \(Ethernet\), snapshot length 262144 bytes$'

# -D: the namespace's interfaces, as tcpdump -D there
run "$NSVIZ" -n a capture -D
check_eq "nsviz -n a capture -D: exit 0" "$RC" 0
check_eq "nsviz -n a capture -D == ip netns exec a tcpdump -D" "$OUT" \
	"$(ip netns exec a tcpdump -D 2>/dev/null)"
run ip netns exec b "$NSVIZ" capture -D
check_eq "ip netns exec b nsviz capture -D == ip netns exec b tcpdump -D" "$OUT" \
	"$(ip netns exec b tcpdump -D 2>/dev/null)"
run "$NSVIZ" capture -D
check_eq "nsviz capture -D (here) == tcpdump -D" "$OUT" "$(tcpdump -D 2>/dev/null)"

# -i any: Linux cooked v2, every interface of the namespace
if "$NSVIZ" capture -r "$DATA/sll2.pcap" >/dev/null 2>&1; then
	both any 6 -t -i any icmp
	check_eq "-i any: 6 lines" "$(wc -l <"$TMPD/any-n.out")" 6
	check_match "-i any: tcpdump's link type" "$(cat "$TMPD/any-n.err")" \
		'link-type LINUX_SLL2 \(Linux cooked v2\)'
else
	run "$NSVIZ" -n a capture -i any -c 1
	check_eq "-i any without a Linux cooked decoder: exit 1" "$RC" 1
	check_match "-i any without a Linux cooked decoder: said" "$ERR" \
		'^nsviz: capture: any in namespace a: link type LINUX_SLL2 is not supported'
	skip "-i any against tcpdump (the decoder has no Linux cooked v2 yet)"
fi

# ---- bad flags: exit 2, the flag and the reason named ----------------------
bad() {
	want=$1
	shift
	run "$NSVIZ" capture "$@"
	check_eq "capture $*: exit 2" "$RC" 2
	check_match "capture $*: says why" "$ERR" "$want"
}
bad '^nsviz: capture: -k: unknown option' -k -i va
bad '^nsviz: capture: -k \(in -nnk\): unknown option' -nnk -i va
bad '^nsviz: capture: --frobnicate: unknown option' --frobnicate
bad '^nsviz: capture: -Q sideways: unknown capture direction \(in, out or inout\)$' -Q sideways -i va
bad '^nsviz: capture: only -t, -tt, -ttt, -tttt and -ttttt are supported$' -tttttt -r "$DATA/udp.pcap"
bad '^nsviz: capture: -c needs a value$' -i va -c
bad '^nsviz: capture: -c 0: expected a number from 1 to' -i va -c 0
bad '^nsviz: capture: --time-stamp-precision pico: unsupported time stamp precision' \
	--time-stamp-precision pico -i va
bad '^nsviz: capture: --time-stamp-precision pico: unsupported time stamp precision' \
	--time-stamp-precision=pico -i va
bad '^nsviz: capture: -s 300000: expected a number from 0 to 262144$' -s 300000 -i va
bad '^nsviz: capture: --immediate-mode takes no value$' --immediate-mode=1 -i va
bad '^nsviz: capture: -r reads a file: -Q does not apply$' -Q in -r "$DATA/udp.pcap"
run "$NSVIZ" -n a capture -n b -i va
check_eq "two namespaces: exit 2" "$RC" 2
check_match "two namespaces: said" "$ERR" '^nsviz: capture: two namespaces \(a and b\)'
run "$NSVIZ" capture -n nosuch -i va
check_eq "capture -n nosuch -i va: no such namespace (exit 1)" "$RC" 1
check_eq "capture -n nosuch -i va: said" "$ERR" 'nsviz: capture: nosuch: no such network namespace'
run "$NSVIZ" -n nosuch capture -i va
check_eq "nsviz -n nosuch capture: said" "$ERR" 'nsviz: capture: nosuch: no such network namespace'
run "$NSVIZ" capture -n -i va
check_eq "capture -n -i va here: tcpdump's -n, va is not here" "$ERR" \
	'nsviz: capture: va: no such device'
run "$NSVIZ" capture -h
check_eq "capture -h: exit 0" "$RC" 0
check_match "capture -h: the usage" "$OUT" '^Usage: nsviz \[-n NS\] capture'
done_testing
