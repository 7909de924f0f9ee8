#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# nft.sh - nft commands through nsviz (libnftables, in-process) side by
# side with what a user would run instead, at several sizes (SIZES,
# default "10 100 1000" rules), with the growth exponent between the last
# two sizes (log(t2/t1) / log(N2/N1): 1 is linear).
#
#   sh bench/nft.sh [path/to/nsviz]      (default $NSVIZ, else ./nsviz)
#
# In a sandbox, N rules `tcp dport P counter accept` go into one chain of
# a namespace, each way from an empty table (checked with nft after):
#   nsviz-b     nsviz -b FILE, one `-n fw nft add rule ...` a line
#   sh-nft      sh FILE, one `ip netns exec fw nft add rule ...` a line
#   nft-f       ip netns exec fw nft -f FILE (one transaction: nft's own
#               fastest way, which nsviz's batch files do not have)
# then the listing of those N rules:
#   nsviz-list  nsviz -n fw nft list ruleset
#   nft-list    ip netns exec fw nft list ruleset
# Environment: SIZES, REPS (3).  Exit status 0 with the report, 1 when a
# tool failed or a result was wrong.
set -u

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
. "$BENCH_DIR/lib.sh"

SIZES=${SIZES:-10 100 1000}
REPS=${REPS:-3}

if [ "${1:-}" = --inner ]; then
	NSVIZ=$2 dir=$3
	bench_sandbox_setup
	ip netns add fw || die "ip netns add fw failed"
	fresh() {
		ip netns exec fw nft flush ruleset &&
		ip netns exec fw nft add table inet f &&
		ip netns exec fw nft add chain inet f c '{ type filter hook input priority 0 ; }'
	}
	# time NAME CMD...: one run from a fresh table, checked
	time_one() {
		_name=$1 _n=$2
		shift 2
		fresh || die "setting up the table failed"
		_t0=$(bench_now)
		"$@" >"$dir/out" 2>&1 || die "$_name N=$_n: $(head -3 "$dir/out")"
		_t1=$(bench_now)
		_got=$(ip netns exec fw nft list chain inet f c | grep -c 'counter packets')
		[ "$_got" = "$_n" ] || die "$_name N=$_n: $_got rules, not $_n"
		echo $((_t1 - _t0)) >>"$dir/$_name.$_n"
	}
	for n in $SIZES; do
		: >"$dir/b.$n"; : >"$dir/sh.$n"; : >"$dir/f.$n"
		i=0
		while [ $i -lt "$n" ]; do
			p=$((1000 + i))
			echo "-n fw nft add rule inet f c tcp dport $p counter accept" >>"$dir/b.$n"
			echo "ip netns exec fw nft add rule inet f c tcp dport $p counter accept" >>"$dir/sh.$n"
			echo "add rule inet f c tcp dport $p counter accept" >>"$dir/f.$n"
			i=$((i + 1))
		done
		r=0
		while [ $r -lt "$REPS" ]; do
			time_one nsviz-b "$n" "$NSVIZ" -b "$dir/b.$n"
			time_one sh-nft "$n" sh "$dir/sh.$n"
			time_one nft-f "$n" ip netns exec fw nft -f "$dir/f.$n"
			r=$((r + 1))
		done
		# the listing, of the table nft -f made last
		r=0
		while [ $r -lt "$REPS" ]; do
			_t0=$(bench_now)
			"$NSVIZ" -n fw nft list ruleset >"$dir/l1" || die "nsviz list failed"
			_t1=$(bench_now)
			ip netns exec fw nft list ruleset >"$dir/l2" || die "nft list failed"
			_t2=$(bench_now)
			cmp -s "$dir/l1" "$dir/l2" || die "N=$n: the two listings differ"
			echo $((_t1 - _t0)) >>"$dir/nsviz-list.$n"
			echo $((_t2 - _t1)) >>"$dir/nft-list.$n"
			r=$((r + 1))
		done
	done
	exit 0
fi

bench_need unshare ip nft awk
command -v nft >/dev/null || die "nft is needed (nftables): it is the reference"
NSVIZ=$(bench_nsviz "${1:-}")
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
BENCH_HOST_NETNS=$(bench_host_netns)
export BENCH_HOST_NETNS SIZES REPS
# shellcheck disable=SC2046
unshare $(bench_unshare_opts) sh "$0" --inner "$NSVIZ" "$dir" ||
	die "the benchmark failed"

echo "nft commands: nsviz (libnftables in-process) and nft, medians of $REPS (s)"
printf '%-6s' N
for t in nsviz-b sh-nft nft-f nsviz-list nft-list; do printf ' %11s' "$t"; done
printf ' %12s %12s\n' "sh-nft/b" "nft-list/ns"
last=""
for n in $SIZES; do
	printf '%-6s' "$n"
	for t in nsviz-b sh-nft nft-f nsviz-list nft-list; do
		m=$(bench_stats "$dir/$t.$n" | cut -d' ' -f1)
		eval "M_${t%%-*}_${t#*-}_$n=$m"
		printf ' %11s' "$m"
	done
	eval "b=\$M_nsviz_b_$n s=\$M_sh_nft_$n nl=\$M_nsviz_list_$n fl=\$M_nft_list_$n"
	printf ' %12s %12s\n' "$(bench_ratio "$s" "$b")" "$(bench_ratio "$fl" "$nl")"
	prev=$last
	last=$n
done
if [ -n "$prev" ]; then
	printf 'growth exponent %s -> %s:' "$prev" "$last"
	for t in nsviz-b sh-nft nft-f nsviz-list nft-list; do
		eval "a=\$M_${t%%-*}_${t#*-}_$prev z=\$M_${t%%-*}_${t#*-}_$last"
		printf ' %s %s' "$t" "$(awk -v a="$a" -v z="$z" -v p="$prev" -v l="$last" \
			'BEGIN { if (a > 0 && z > 0) printf "%.2f", log(z / a) / log(l / p); else printf "?" }')"
	done
	echo
fi
