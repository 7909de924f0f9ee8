#!/bin/sh
# run.sh BUILDDIR/fuzz DATADIR - fuzz the decoder for FUZZ_SECONDS (30)
# from a seed corpus of the real captures; exit 1 on any finding.
set -eu
dir=$1
data=$2
secs=${FUZZ_SECONDS:-30}
mkdir -p "$dir/corpus"
"$dir/pcap2corpus" "$dir/corpus" "$data"/*.pcap
# inputs that once crashed the decoder stay in the corpus for good
srcdir=$(cd "$(dirname "$0")" && pwd)
cp "$srcdir"/regress/* "$dir/corpus/" 2>/dev/null || true
cd "$dir"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	./fuzz_decode -max_total_time="$secs" -max_len=4096 \
	-print_final_stats=1 corpus >fuzz.log 2>&1 || {
	tail -60 fuzz.log
	echo "fuzz: the decoder failed; the input is in $dir/crash-*" >&2
	exit 1
}
grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb)' fuzz.log || true
echo "fuzz: ${secs}s, no crash, no sanitizer report"
