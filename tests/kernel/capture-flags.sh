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

if ! command -v tcpdump >/dev/null; then
	echo "SKIP: tcpdump is needed (it is the reference)" >&2
	exit 77
fi
DATA=$TOP_SRCDIR/tests/data
# one word each, "," between the words of one ("-tt,--nano")
FLAGSETS="-n -nn -t -tt -ttt -tttt -ttttt -x -xx -X -XX -A -AA -nnX -ttX
	-tttxx --nano -tt,--nano -ttt,--nano -ttttt,--nano
	--time-stamp-precision=nano,-ttttt -c3 -s60 -s60,-X -s48,-xx -nnc5,-A
	-e -q -v -vv -vvv -nnvvX -eX -ev -qx -vvvexx"
SKIPS=" ${NSVIZ_CAPTURE_SKIP:-} "
skipped() { case "$SKIPS" in *" $1 "*) return 0 ;; esac; return 1; }
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
		if cmp -s "$TMPD/t.out" "$TMPD/n.out"; then
			SAME=$((SAME + t))
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

# ---- live ---------------------------------------------------------------
LIVE_DONE=1
done_testing
