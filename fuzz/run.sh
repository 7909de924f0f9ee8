#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# run.sh BUILDDIR/fuzz SRCDIR TARGET... - run libFuzzer targets one after
# the other from their seed corpora; exit 1 on any finding.
#
#   FUZZ_SECONDS  time (30); with FUZZ_SPLIT=1 the total for all targets,
#                 split evenly (at least 2 s each), else for each target
#   FUZZ_RUNS     stop each target after this many inputs instead (or as
#                 well: whichever comes first)
#
# Seeds (kept in BUILDDIR/fuzz/corpus-TARGET, which grows from run to
# run): decode: the packets of tests/data/*.pcap; grammar: the commands
# of the lessons and fuzz/seeds/grammar (the tests' commands), one a
# file; lesson: lessons/, tests/data/lessons-bad and fuzz/seeds/lesson;
# theme: themes/;
# config: fuzz/seeds/config; capture: tests/data/*.pcap and
# fuzz/seeds/capture; fromjson: fuzz/seeds/fromjson (show --json
# documents); items: fuzz/seeds/items (what a scratch sandbox sends
# back, packed); whyrules: fuzz/seeds/whyrules (a ruleset as nft lists it,
# JSON and text).  Plus, for each, fuzz/regress/TARGET: the inputs that once
# broke it.  A new finding is kept as BUILDDIR/fuzz/crash-*
# (or leak-, timeout-, oom-); copy it to fuzz/regress/TARGET/ with the fix.
set -eu
dir=$1
src=$2
shift 2
secs=${FUZZ_SECONDS:-30}
runs=${FUZZ_RUNS:-}
if [ "${FUZZ_SPLIT:-0}" = 1 ]; then
	secs=$((secs / $#))
	[ "$secs" -ge 2 ] || secs=2
fi

# one seed file per line of the files given
lines() {
	out=$1
	shift
	cat "$@" | awk -v out="$out" 'NF { f = sprintf("%s/line-%05d", out, NR);
		print > f; close(f) }'
}

seed() {
	c=$dir/corpus-$1
	mkdir -p "$c"
	case $1 in
	decode)
		"$dir/pcap2corpus" "$c" "$src"/tests/data/*.pcap >/dev/null ;;
	grammar)
		lines "$c" "$src"/fuzz/seeds/grammar/*.txt
		sed -n 's/^ *\(setup\|do\|show\): *//p' "$src"/lessons/*.lesson |
			awk -v out="$c" '{ f = sprintf("%s/lesson-%05d", out, NR);
				print > f; close(f) }' ;;
	lesson)
		cp "$src"/lessons/*.lesson "$src"/tests/data/lessons-bad/*.lesson \
			"$src"/fuzz/seeds/lesson/*.lesson "$c"/ ;;
	theme)
		cp "$src"/themes/*.theme "$c"/ ;;
	config)
		cp "$src"/fuzz/seeds/config/* "$c"/ ;;
	capture)
		cp "$src"/tests/data/*.pcap "$src"/fuzz/seeds/capture/* "$c"/ ;;
	fromjson)
		cp "$src"/fuzz/seeds/fromjson/* "$c"/ ;;
	items)
		cp "$src"/fuzz/seeds/items/* "$c"/ ;;
	whyrules)
		cp "$src"/fuzz/seeds/whyrules/* "$c"/ ;;
	esac
	# inputs that once broke a target stay in its corpus for good
	for f in "$src"/fuzz/regress/"$1"/*; do
		[ -f "$f" ] && cp "$f" "$c"/
	done
	return 0
}

status=0
for t in "$@"; do
	seed "$t"
	log=$dir/fuzz-$t.log
	# inputs about twice the largest seed: the texts are small files
	case $t in
	grammar) maxlen=1024 ;;
	decode|config) maxlen=4096 ;;
	lesson|theme) maxlen=16384 ;;
	*) maxlen=32768 ;;
	esac
	echo "== fuzz_$t: ${secs}s${runs:+ or $runs inputs}"
	if (cd "$dir" && ASAN_OPTIONS=detect_leaks=1 \
		UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		"./fuzz_$t" -max_total_time="$secs" ${runs:+-runs="$runs"} \
		-max_len="$maxlen" -timeout=10 -rss_limit_mb=2048 \
		-print_final_stats=1 "corpus-$t") >"$log" 2>&1; then
		grep -E '^(Done [0-9]+ runs|stat::number_of_executed_units|stat::average_exec_per_sec|stat::new_units_added|stat::peak_rss_mb)' "$log" |
			sed "s/^/fuzz_$t: /" || true
		echo "fuzz_$t: no crash, no sanitizer report"
	else
		tail -60 "$log"
		echo "fuzz_$t: FAILED; the input is in $dir/crash-* (or leak-*, timeout-*, oom-*)" >&2
		status=1
	fi
done
exit "$status"
