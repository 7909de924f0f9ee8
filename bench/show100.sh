#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# show100.sh - time reading back 100 namespaces (each with a veth to the
# host, addresses and a default route): `nsviz show` and `nsviz show --json`
# against the shell loop a user would write with ip:
#
#   ip link show; ip addr show; ip route show
#   for ns in $(ip netns list | cut -d' ' -f1); do
#       ip -n $ns link show; ip -n $ns addr show; ip -n $ns route show
#   done
#
#   sh bench/show100.sh [path/to/nsviz]       (default $NSVIZ, else ./nsviz)
#
# Environment: N (namespaces, default 100), REPS (timed runs, default 10),
# WARMUP (untimed runs first, default 2), HYPERFINE=0 to use the built-in
# timing loop even when hyperfine is installed, KEEP=1 keeps the work
# directory (with each tool's output).  Everything runs in one sandbox
# (see lib.sh), built with ip and checked with ip; each tool's output is
# checked once before timing, so a broken show cannot look fast.
set -u

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
. "$BENCH_DIR/lib.sh"
. "$BENCH_DIR/checks.sh"

# ---- inside the sandbox ------------------------------------------------------
if [ "${1:-}" = --inner ]; then
	NSVIZ=$2 WORK=$3 N=$4 REPS=$5 WARMUP=$6 HF=$7
	bench_sandbox_setup
	sh "$WORK/cmds.sh" >"$WORK/build.log" 2>&1 ||
		{ cat "$WORK/build.log" >&2; die "building the topology with ip failed"; }
	bench_verify "$N" || die "the topology built with ip is wrong"
	bench_wait_carrier

	cat >"$WORK/loop.sh" <<'EOF'
ip link show
ip addr show
ip route show
for ns in $(ip netns list | cut -d' ' -f1); do
	ip -n "$ns" link show
	ip -n "$ns" addr show
	ip -n "$ns" route show
done
EOF
	"$NSVIZ" show >"$WORK/show.txt" 2>"$WORK/show.err" ||
		{ cat "$WORK/show.err" >&2; die "nsviz show failed"; }
	"$NSVIZ" show --json >"$WORK/show.json" 2>"$WORK/show.err" ||
		{ cat "$WORK/show.err" >&2; die "nsviz show --json failed"; }
	sh "$WORK/loop.sh" >"$WORK/ip.txt" 2>"$WORK/ip.err" ||
		{ cat "$WORK/ip.err" >&2; die "the ip loop failed"; }
	ok=0
	check_text "$WORK/show.txt" || ok=1
	check_json "$WORK/show.json" || ok=1
	check_ip "$WORK/ip.txt" || ok=1
	[ $ok = 0 ] || die "wrong output; nothing timed (KEEP=1 keeps the outputs)"
	echo "outputs checked: nsviz show $(wc -l <"$WORK/show.txt") lines," \
		"show --json $(wc -c <"$WORK/show.json") bytes, ip loop $(wc -l <"$WORK/ip.txt") lines"

	if [ "$HF" = 1 ]; then
		echo "timing with $(hyperfine --version), $WARMUP warm-up + $REPS runs each"
		hyperfine -N --style none -w "$WARMUP" -r "$REPS" \
			--export-csv "$WORK/hf.csv" \
			-n ip "sh $WORK/loop.sh" \
			-n show "$NSVIZ show" \
			-n json "$NSVIZ show --json" >/dev/null 2>"$WORK/hf.err" ||
			{ cat "$WORK/hf.err" >&2; die "hyperfine failed"; }
		# command,mean,stddev,median,user,system,min,max
		for t in ip show json; do
			awk -F, -v t="$t" '$1 == t {printf "%.4f %.4f\n", $4, $7}' \
				"$WORK/hf.csv" >"$WORK/$t.s"
		done
	else
		echo "timing with a shell loop, $WARMUP warm-up + $REPS runs each"
		for t in ip show json; do : >"$WORK/$t.t"; done
		i=0
		while [ $i -lt $((WARMUP + REPS)) ]; do
			for t in ip show json; do
				case $t in
				ip) set -- sh "$WORK/loop.sh" ;;
				show) set -- "$NSVIZ" show ;;
				json) set -- "$NSVIZ" show --json ;;
				esac
				t0=$(bench_now)
				"$@" >/dev/null 2>&1
				t1=$(bench_now)
				[ $i -lt "$WARMUP" ] || echo $((t1 - t0)) >>"$WORK/$t.t"
			done
			i=$((i + 1))
		done
		for t in ip show json; do
			bench_stats "$WORK/$t.t" >"$WORK/$t.s"
		done
	fi
	read -r ip_med ip_min <"$WORK/ip.s"
	read -r sh_med sh_min <"$WORK/show.s"
	read -r js_med js_min <"$WORK/json.s"
	printf '%-34s median %8.4f s   min %8.4f s\n' \
		"ip loop ($((3 * N + 4)) ip processes)" "$ip_med" "$ip_min" \
		"nsviz show" "$sh_med" "$sh_min" \
		"nsviz show --json" "$js_med" "$js_min"
	bench_target "ratio ip/nsviz show (median)" "$(bench_ratio "$ip_med" "$sh_med")" 20
	echo "ratio ip/nsviz show (min):    $(bench_ratio "$ip_min" "$sh_min")x"
	bench_target "ratio ip/nsviz show --json (median)" "$(bench_ratio "$ip_med" "$js_med")" 20
	echo "ratio ip/nsviz show --json (min):    $(bench_ratio "$ip_min" "$js_min")x"
	exit 0
fi

# ---- outside ---------------------------------------------------------------------
NSVIZ=$(bench_nsviz "${1:-}") || exit 1
bench_need unshare ip date awk sort stat
N=${N:-100}
REPS=${REPS:-10}
WARMUP=${WARMUP:-2}
HF=0
if [ "${HYPERFINE:-1}" != 0 ] && command -v hyperfine >/dev/null 2>&1 &&
   hyperfine --help 2>/dev/null | grep -q -- '--shell'; then
	HF=1
fi
BENCH_HOST_NETNS=$(bench_host_netns)
export BENCH_HOST_NETNS
UNSHARE=$(bench_unshare_opts)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/nsviz-bench.XXXXXX") || exit 1
case $WORK in
/run/*) rmdir "$WORK"; die "TMPDIR must not be under /run (the sandbox mounts over it)" ;;
esac
if [ "${KEEP:-0}" = 1 ]; then
	echo "work directory: $WORK"
else
	trap 'rm -rf "$WORK"' EXIT
fi
trap 'exit 130' INT TERM

bench_gen_cmds "$N" >"$WORK/cmds"
{ echo "set -e"; cat "$WORK/cmds"; } >"$WORK/cmds.sh"

echo "show$N: the host and $N namespaces, each with a veth to the host," \
	"addresses and a default route (built with ip, in one sandbox)"
echo "nsviz: $NSVIZ ($("$NSVIZ" -V))"
echo "ip:    $(command -v ip) ($(ip -V))"
bench_settle
# shellcheck disable=SC2086
unshare $UNSHARE sh "$0" --inner "$NSVIZ" "$WORK" "$N" "$REPS" "$WARMUP" "$HF"
