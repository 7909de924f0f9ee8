#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# topology.sh - nsviz save, apply and diff at several sizes (SIZES, default
# "10 100 1000" namespaces), side by side with what a user would run
# instead, then per tool the growth exponent between the last two sizes,
# log(t2/t1) / log(N2/N1): 1 is linear, 2 quadratic.
#
#   sh bench/topology.sh [path/to/nsviz]      (default $NSVIZ, else ./nsviz)
#
# The topology is bench_gen_cmds N lo (lib.sh).  At each size, in a sandbox
# where `ip -batch` built it:
#   save       nsviz save FILE, beside reading the same state with ip
#              (`ip -d -j link`, `-j addr`, `-j route show table all`, `-j
#              rule`, `-j neigh` in the host and, through `ip -all netns
#              exec`, in every namespace), which rebuilds nothing
#   diff       nsviz diff FILE with nothing to change (exit 0 checked)
#   apply=     nsviz apply FILE with nothing to change
# and in a fresh sandbox per run, the world rebuilt from nothing (checked
# with ip after every run):
#   apply      nsviz apply FILE
#   -b         nsviz -b FILE
#   sh         sh FILE.sh (nsviz save --sh: one ip process per command)
#   ip-batch   ip -batch per namespace, as scale.sh builds it
# Environment: SIZES, REPS (3), KEEP=1 keeps the work directory, CC (cc).
# Exit status: 0 with the report, 1 when a tool failed or a result was
# wrong.
set -u

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
. "$BENCH_DIR/lib.sh"

# ---- inside a sandbox: the measures on a built world ---------------------------
# $0 --inner NSVIZ DIR N
if [ "${1:-}" = --inner ]; then
	NSVIZ=$2 dir=$3 N=$4
	bench_sandbox_setup
	sh "$dir/ipbatch.sh" >"$dir/build.log" 2>&1 ||
		die "N=$N: building the topology with ip -batch failed"
	bench_verify "$N" lo || die "N=$N: the topology built with ip -batch is wrong"
	"$NSVIZ" save "$dir/saved" || die "N=$N: nsviz save failed"
	"$NSVIZ" save --sh "$dir/saved.sh" || die "N=$N: nsviz save --sh failed"
	# the state ip reads, in the host and every namespace
	for a in "-d -j link show" "-j addr show" "-j route show table all" \
		"-j rule show" "-j neigh show"; do
		echo "ip $a >/dev/null && ip -all netns exec ip $a >/dev/null || exit 1"
	done >"$dir/ipread.sh"
	r=0
	while [ $r -lt "$REPS" ]; do
		"$dir/elapsed" -o "$dir/t" "$NSVIZ" save "$dir/again" ||
			die "N=$N: nsviz save failed"
		cat "$dir/t" >>"$dir/save.ns"
		cmp -s "$dir/saved" "$dir/again" ||
			[ "$(grep -v '^#' "$dir/saved")" = "$(grep -v '^#' "$dir/again")" ] ||
			die "N=$N: two saves of one world differ"
		"$dir/elapsed" -o "$dir/t" sh "$dir/ipread.sh" ||
			die "N=$N: reading the state with ip failed"
		cat "$dir/t" >>"$dir/ipread.ns"
		"$dir/elapsed" -o "$dir/t" "$NSVIZ" diff "$dir/saved" >"$dir/diff.out" ||
			die "N=$N: nsviz diff of the saved world: exit status $? ($(head -3 "$dir/diff.out"))"
		cat "$dir/t" >>"$dir/diff.ns"
		"$dir/elapsed" -o "$dir/t" "$NSVIZ" apply "$dir/saved" >"$dir/apply.out" 2>&1 ||
			die "N=$N: nsviz apply of the saved world failed"
		grep -q 'nothing to change' "$dir/apply.out" ||
			die "N=$N: apply of the saved world changed something"
		cat "$dir/t" >>"$dir/apply0.ns"
		r=$((r + 1))
	done
	exit 0
fi

# ---- inside a sandbox: one rebuild from nothing ---------------------------------
# $0 --build TOOL NSVIZ DIR N
if [ "${1:-}" = --build ]; then
	tool=$2 NSVIZ=$3 dir=$4 N=$5
	bench_sandbox_setup
	case $tool in
	apply) set -- "$NSVIZ" apply "$dir/saved" ;;
	batch) set -- "$NSVIZ" -b "$dir/saved" ;;
	sh) set -- sh "$dir/saved.sh" ;;
	ipbatch) set -- sh "$dir/ipbatch.sh" ;;
	esac
	"$dir/elapsed" -o "$dir/t" "$@" >"$dir/b.out" 2>&1 ||
		die "N=$N: $*: failed: $(head -3 "$dir/b.out")"
	bench_verify "$N" lo || die "N=$N: $*: wrong topology"
	cat "$dir/t" >>"$dir/$tool.ns"
	exit 0
fi

# ---- outside -------------------------------------------------------------------
NSVIZ=$(bench_nsviz "${1:-}") || exit 1
bench_need unshare ip awk sort stat cmp
SIZES=${SIZES:-10 100 1000}
REPS=${REPS:-3}
CC=${CC:-cc}
case $REPS in ''|*[!0-9]*|0) die "REPS: a positive number" ;; esac
export REPS
BENCH_HOST_NETNS=$(bench_host_netns)
export BENCH_HOST_NETNS
UNSHARE=$(bench_unshare_opts)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/nsviz-topo.XXXXXX") || exit 1
if [ "${KEEP:-0}" = 1 ]; then
	echo "work directory: $WORK"
else
	trap 'rm -rf "$WORK"' EXIT
fi
trap 'exit 130' INT TERM
"$CC" -O2 -Wall -o "$WORK/elapsed" "$BENCH_DIR/elapsed.c" ||
	die "cannot build bench/elapsed.c (set CC to a C compiler)"

echo "topology: SIZES=\"$SIZES\" REPS=$REPS"
echo "nsviz: $NSVIZ ($("$NSVIZ" -V))"
echo "ip:    $(command -v ip) ($(ip -V))"
echo "machine: $(nproc) CPUs, kernel $(uname -r), load $(cut -d' ' -f1-3 /proc/loadavg)"

RES=$WORK/res
: >"$RES"
for N in $SIZES; do
	d=$WORK/n$N
	mkdir -p "$d"
	cp "$WORK/elapsed" "$d/"
	bench_gen_cmds "$N" lo >"$d/cmds"
	bench_gen_ipbatch "$d/cmds" "$d" || die "N=$N: cannot split the commands"
	unshare $UNSHARE sh "$0" --inner "$NSVIZ" "$d" "$N" || exit 1
	for tool in apply batch sh ipbatch; do
		r=0
		while [ $r -lt "$REPS" ]; do
			unshare $UNSHARE sh "$0" --build "$tool" "$NSVIZ" "$d" "$N" ||
				exit 1
			r=$((r + 1))
		done
	done
	for m in save ipread diff apply0 apply batch sh ipbatch; do
		set -- $(bench_stats "$d/$m.ns")
		echo "$N $m $1 $2" >>"$RES"
	done
	echo "N=$N: $(grep -vc '^#' "$d/saved") commands saved, $(wc -c <"$d/saved") bytes"
done

echo
printf '%-8s %-34s %10s %10s\n' N measure median_s min_s
awk '{
	name["save"] = "nsviz save"
	name["ipread"] = "ip -j reading the same state"
	name["diff"] = "nsviz diff (nothing to change)"
	name["apply0"] = "nsviz apply (nothing to change)"
	name["apply"] = "nsviz apply (from nothing)"
	name["batch"] = "nsviz -b (from nothing)"
	name["sh"] = "sh FILE.sh (from nothing)"
	name["ipbatch"] = "ip -batch (from nothing)"
	printf "%-8s %-34s %10.3f %10.3f\n", $1, name[$2], $3, $4
}' "$RES"
echo
echo "ratios (nsviz / the other, median):"
for N in $SIZES; do
	g() { awk -v n="$N" -v m="$1" '$1 == n && $2 == m { print $3 }' "$RES"; }
	echo "  N=$N: save / ip -j read $(bench_ratio "$(g save)" "$(g ipread)"),"\
		"apply / -b $(bench_ratio "$(g apply)" "$(g batch)"),"\
		"apply / sh $(bench_ratio "$(g apply)" "$(g sh)"),"\
		"apply / ip -batch $(bench_ratio "$(g apply)" "$(g ipbatch)"),"\
		"apply= / save $(bench_ratio "$(g apply0)" "$(g save)")"
done
set -- $SIZES
if [ $# -ge 2 ]; then
	eval "n1=\${$(($# - 1))}"
	eval "n2=\${$#}"
	echo
	echo "growth from N=$n1 to N=$n2 (exponent: 1 linear, 2 quadratic):"
	for m in save ipread diff apply0 apply batch sh ipbatch; do
		awk -v a="$n1" -v b="$n2" -v m="$m" '
			$2 == m && $1 == a { t1 = $3 }
			$2 == m && $1 == b { t2 = $3 }
			END { if (t1 > 0 && t2 > 0)
				printf "  %-8s %.2f\n", m, log(t2 / t1) / log(b / a) }' "$RES"
	done
fi
