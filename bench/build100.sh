#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# build100.sh - time building 100 namespaces, each wired to the host by a
# veth pair with addresses and a default route: `nsviz -b FILE` against a
# shell script running the same lines as `ip` commands, one process each.
#
#   sh bench/build100.sh [path/to/nsviz]      (default $NSVIZ, else ./nsviz)
#
# Environment: N (namespaces, default 100), REPS (timed runs of each tool,
# default 5), WARMUP (untimed runs of each first, default 1), KEEP=1 keeps
# the work directory.  Every run happens in a fresh sandbox (see lib.sh);
# only the tool is timed, not the sandbox's setup or the verification.
# After each run the topology is checked with ip; a wrong one is an error
# (exit 1), so a broken nsviz cannot look fast.
set -u

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
. "$BENCH_DIR/lib.sh"

# ---- inside a sandbox: one timed run --------------------------------------
# $0 --run TOOL FILE N RESULT  (TOOL is an nsviz binary or "ip")
if [ "${1:-}" = --run ]; then
	tool=$2 file=$3 N=$4 result=$5
	bench_sandbox_setup
	if [ "$tool" = ip ]; then
		set -- sh "$file.sh"
	else
		set -- "$tool" -b "$file"
	fi
	t0=$(bench_now)
	"$@" >"$result.out" 2>"$result.err"
	rc=$?
	t1=$(bench_now)
	if [ $rc != 0 ]; then
		echo "$*: exit status $rc" >&2
		head -5 "$result.err" >&2
		exit 1
	fi
	bench_verify "$N" || { echo "$*: wrong topology" >&2; exit 1; }
	echo $((t1 - t0)) >"$result"
	exit 0
fi

# ---- outside: set up, run, report ------------------------------------------
NSVIZ=$(bench_nsviz "${1:-}") || exit 1
bench_need unshare ip date awk sort stat
N=${N:-100}
REPS=${REPS:-5}
WARMUP=${WARMUP:-1}
BENCH_HOST_NETNS=$(bench_host_netns)
export BENCH_HOST_NETNS
UNSHARE=$(bench_unshare_opts)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/nsviz-bench.XXXXXX") || exit 1
case $WORK in
/run/*) rmdir "$WORK"; die "TMPDIR must not be under /run (the sandbox mounts over it)" ;;
esac
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM

bench_gen_cmds "$N" >"$WORK/cmds"
{ echo "set -e"; cat "$WORK/cmds"; } >"$WORK/cmds.sh"
ncmds=$(wc -l <"$WORK/cmds")

# run TOOL TAG: one run in a fresh sandbox; appends its time to $WORK/TAG
run() {
	bench_settle
	# shellcheck disable=SC2086
	unshare $UNSHARE sh "$0" --run "$1" "$WORK/cmds" "$N" "$WORK/one" ||
		die "$1: run failed (see above); nothing reported"
	cat "$WORK/one" >>"$WORK/$2"
}

echo "build$N: $N namespaces, $ncmds commands; $REPS timed runs each" \
	"(+$WARMUP warm-up), each in a fresh sandbox"
echo "nsviz: $NSVIZ ($("$NSVIZ" -V))"
echo "ip:    $(command -v ip) ($(ip -V))"
: >"$WORK/ip.t"
: >"$WORK/nsviz.t"
i=0
while [ $i -lt "$WARMUP" ]; do
	run ip warm
	run "$NSVIZ" warm
	i=$((i + 1))
done
# alternate, so drift on the machine hits both alike
i=0
while [ $i -lt "$REPS" ]; do
	run ip ip.t
	run "$NSVIZ" nsviz.t
	i=$((i + 1))
done

bench_stats "$WORK/ip.t" >"$WORK/ip.s" || die "no ip timings"
bench_stats "$WORK/nsviz.t" >"$WORK/nsviz.s" || die "no nsviz timings"
read -r ip_med ip_min <"$WORK/ip.s"
read -r nv_med nv_min <"$WORK/nsviz.s"
printf '%-34s median %8.4f s   min %8.4f s\n' \
	"ip (sh script, 1 process/command)" "$ip_med" "$ip_min" \
	"nsviz -b FILE" "$nv_med" "$nv_min"
printf 'runs (s): ip    %s\n' "$(awk '{printf "%.4f ", $1 / 1e9}' "$WORK/ip.t")"
printf 'runs (s): nsviz %s\n' "$(awk '{printf "%.4f ", $1 / 1e9}' "$WORK/nsviz.t")"
echo "topology verified with ip after every run"
bench_target "ratio ip/nsviz (median)" "$(bench_ratio "$ip_med" "$nv_med")" 6
echo "ratio ip/nsviz (min):    $(bench_ratio "$ip_min" "$nv_min")x"
