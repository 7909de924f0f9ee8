#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# tc.sh - tc commands through nsviz (rtnetlink, in-process) side by side
# with what a user would run instead, at several sizes (SIZES, default
# "10 100 1000" qdiscs), with how each cost grows from one size to the
# next (t(N) / t(previous N)) and the growth exponent between the last two
# sizes (log(t2/t1) / log(N2/N1): 1 is linear).
#
#   sh bench/tc.sh [path/to/nsviz]      (default $NSVIZ, else ./nsviz)
#
# In a sandbox, a namespace q holds N veth pairs vaK/vbK, all up (IPv6
# off, no addresses: no packet moves, so the counters stay at 0 and two
# listings can be compared).  N root qdiscs `tbf rate Rmbit burst 10kb
# latency 50ms`, one on every vaK, are added each way, from none (checked
# with tc after every run against what `tc -batch` made):
#   nsviz-b     nsviz -b FILE, one `-n q tc qdisc add dev vaK root tbf ...`
#               a line
#   sh-tc       sh FILE, one `tc -n q qdisc add dev vaK root tbf ...` a line
#   tc-batch    tc -n q -batch FILE (tc's own batch mode, one process)
# then the listing of them, with the statistics:
#   nsviz-show  nsviz -n q tc -s qdisc show
#   tc-show     tc -n q -s qdisc show
# whose outputs are compared (a note is printed when they differ).
# Environment: SIZES, REPS (3), CC (cc).  Exit status 0 with the report,
# 1 when a tool failed or a result was wrong.
set -u

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
. "$BENCH_DIR/lib.sh"

SIZES=${SIZES:-10 100 1000}
REPS=${REPS:-3}
TOOLS="nsviz-b sh-tc tc-batch nsviz-show tc-show"

# the root qdiscs of q, without their handles (the kernel numbers them)
qdiscs() {
	tc -n q qdisc show | awk '$2 == "tbf" { $3 = ""; print }' | sort
}

if [ "${1:-}" = --inner ]; then
	NSVIZ=$2 dir=$3
	bench_sandbox_setup
	for n in $SIZES; do
		if ip netns list | awk '$1 == "q" {f = 1} END {exit !f}'; then
			ip netns del q || die "ip netns del q failed"
			bench_settle
		fi
		ip netns add q || die "ip netns add q failed"
		ip netns exec q sh -c 'sysctl -qw net.ipv6.conf.all.disable_ipv6=1 &&
			sysctl -qw net.ipv6.conf.default.disable_ipv6=1' ||
			die "cannot turn IPv6 off in q"
		: >"$dir/links.$n"; : >"$dir/b.$n"; : >"$dir/sh.$n"
		: >"$dir/batch.$n"; : >"$dir/del.$n"
		i=1
		while [ $i -le "$n" ]; do
			q="root tbf rate $((i % 100 + 1))mbit burst 10kb latency 50ms"
			printf 'link add va%d type veth peer name vb%d\nlink set va%d up\nlink set vb%d up\n' \
				$i $i $i $i >>"$dir/links.$n"
			echo "-n q tc qdisc add dev va$i $q" >>"$dir/b.$n"
			echo "tc -n q qdisc add dev va$i $q" >>"$dir/sh.$n"
			echo "qdisc add dev va$i $q" >>"$dir/batch.$n"
			echo "qdisc del dev va$i root" >>"$dir/del.$n"
			i=$((i + 1))
		done
		sed -i '1i set -e' "$dir/sh.$n"
		ip -n q -batch "$dir/links.$n" || die "N=$n: creating the veths failed"
		# carrier comes a little after "up" (linkwatch): wait for it
		w=0
		while ! ip -n q -br link show type veth | awk '$2 != "UP" {x = 1} END {exit x}'; do
			w=$((w + 1))
			[ $w -lt 100 ] || die "N=$n: the veths of q never all reported carrier"
			sleep 0.1
		done
		# the reference: what tc -batch makes (untimed; a warm-up too)
		tc -n q -batch "$dir/batch.$n" || die "N=$n: tc -batch failed"
		qdiscs >"$dir/want"
		[ "$(grep -c . "$dir/want")" = "$n" ] ||
			die "N=$n: tc -batch made $(grep -c . "$dir/want") tbf qdiscs, not $n"
		tc -n q -batch "$dir/del.$n" || die "N=$n: deleting the qdiscs failed"
		# time_one NAME CMD...: one run from no qdisc, checked
		time_one() {
			_name=$1
			shift
			[ -z "$(qdiscs)" ] || die "N=$n: qdiscs left before $_name"
			"$dir/elapsed" -o "$dir/t" "$@" >"$dir/out" 2>&1 ||
				die "$_name N=$n: $(head -3 "$dir/out")"
			qdiscs >"$dir/got"
			cmp -s "$dir/got" "$dir/want" ||
				die "$_name N=$n: the qdiscs are not those tc -batch makes: $(diff "$dir/want" "$dir/got" | head -4)"
			cat "$dir/t" >>"$dir/$_name.$n"
			tc -n q -batch "$dir/del.$n" || die "N=$n: deleting the qdiscs failed"
		}
		r=0
		while [ $r -lt "$REPS" ]; do
			time_one nsviz-b "$NSVIZ" -b "$dir/b.$n"
			time_one sh-tc sh "$dir/sh.$n"
			time_one tc-batch tc -n q -batch "$dir/batch.$n"
			r=$((r + 1))
		done
		# the listing, of the qdiscs tc -batch makes, the order alternating
		tc -n q -batch "$dir/batch.$n" || die "N=$n: tc -batch failed"
		show_nsviz() {
			"$dir/elapsed" -o "$dir/t" "$NSVIZ" -n q tc -s qdisc show >"$dir/l1" ||
				die "N=$n: nsviz tc -s qdisc show failed"
			cat "$dir/t" >>"$dir/nsviz-show.$n"
		}
		show_tc() {
			"$dir/elapsed" -o "$dir/t" tc -n q -s qdisc show >"$dir/l2" ||
				die "N=$n: tc -s qdisc show failed"
			cat "$dir/t" >>"$dir/tc-show.$n"
		}
		r=0
		while [ $r -lt "$REPS" ]; do
			if [ $((r % 2)) = 0 ]; then show_nsviz; show_tc; else show_tc; show_nsviz; fi
			[ "$(grep -c '^qdisc tbf' "$dir/l2")" = "$n" ] ||
				die "N=$n: tc -s qdisc show lists $(grep -c '^qdisc tbf' "$dir/l2") tbf qdiscs, not $n"
			if ! cmp -s "$dir/l1" "$dir/l2"; then
				{
					echo "note: N=$n, run $((r + 1)): the outputs of nsviz tc -s qdisc show and tc -s qdisc show differ ($(wc -l <"$dir/l1") and $(wc -l <"$dir/l2") lines); first lines that differ:"
					diff "$dir/l2" "$dir/l1" | head -6 | sed 's/^/    /'
				} >>"$dir/notes"
			fi
			r=$((r + 1))
		done
	done
	exit 0
fi

bench_need unshare ip tc awk sed sysctl
CC=${CC:-cc}
NSVIZ=$(bench_nsviz "${1:-}")
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$CC" -O2 -Wall -o "$dir/elapsed" "$BENCH_DIR/elapsed.c" ||
	die "cannot build bench/elapsed.c (set CC to a C compiler)"
BENCH_HOST_NETNS=$(bench_host_netns)
export BENCH_HOST_NETNS SIZES REPS
# shellcheck disable=SC2046
unshare $(bench_unshare_opts) sh "$0" --inner "$NSVIZ" "$dir" ||
	die "the benchmark failed"

echo "tc commands: nsviz (rtnetlink in-process) and tc, N root qdiscs on N veth pairs, medians of $REPS (s)"
printf '%-9s' N
for t in $TOOLS; do printf ' %11s' "$t"; done
printf ' %10s %10s %12s\n' "sh-tc/b" "batch/b" "tc-show/ns"
for n in $SIZES; do
	printf '%-9s' "$n"
	for t in $TOOLS; do
		m=$(bench_stats "$dir/$t.$n" | cut -d' ' -f1)
		eval "M_${t%%-*}_${t#*-}_$n=$m"
		printf ' %11s' "$m"
	done
	eval "b=\$M_nsviz_b_$n s=\$M_sh_tc_$n tb=\$M_tc_batch_$n ns=\$M_nsviz_show_$n ts=\$M_tc_show_$n"
	# shellcheck disable=SC2154 # b s tb ns ts: set by the eval above
	printf ' %10s %10s %12s\n' "$(bench_ratio "$s" "$b")" "$(bench_ratio "$tb" "$b")" \
		"$(bench_ratio "$ts" "$ns")"
done
# growth: t(N) / t(previous N), per tool
prev="" last_prev=""
for n in $SIZES; do
	if [ -n "$prev" ]; then
		printf '%-9s' "$n/$prev"
		for t in $TOOLS; do
			eval "a=\$M_${t%%-*}_${t#*-}_$prev z=\$M_${t%%-*}_${t#*-}_$n"
			# shellcheck disable=SC2154 # a z: set by the eval above
			printf ' %11s' "$(bench_ratio "$z" "$a")"
		done
		echo
	fi
	last_prev=$prev
	prev=$n
done
if [ -n "$last_prev" ]; then
	printf 'growth exponent %s -> %s:' "$last_prev" "$prev"
	for t in $TOOLS; do
		eval "a=\$M_${t%%-*}_${t#*-}_$last_prev z=\$M_${t%%-*}_${t#*-}_$prev"
		printf ' %s %s' "$t" "$(awk -v a="$a" -v z="$z" -v p="$last_prev" -v l="$prev" \
			'BEGIN { if (a > 0 && z > 0) printf "%.2f", log(z / a) / log(l / p); else printf "?" }')"
	done
	echo
fi
[ ! -s "$dir/notes" ] || cat "$dir/notes"
