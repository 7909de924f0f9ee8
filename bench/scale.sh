#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# scale.sh - how nsviz's costs grow with the number of namespaces: every
# measure at each N of SIZES (10 100 1000), side by side with what a user
# would run instead, then per tool the growth exponent between the last
# two sizes, log(t2/t1) / log(N2/N1): 1 is linear, 2 quadratic.
#
#   sh bench/scale.sh [path/to/nsviz]        (default $NSVIZ, else ./nsviz)
#
# The topology is bench_gen_cmds N lo (lib.sh): per namespace a veth to the
# host, an address on each end, both ends and lo up, a default route.
# MEASURES (default "build show rss ui"), any of:
#   build  nsviz -b FILE against ip -batch: one `ip -batch` for the host's
#          commands and one `ip -n nsK -batch` per namespace; a fresh
#          sandbox per run, the result checked with ip after every run
#   show   nsviz show and show --json against `ip -all netns exec ip -br
#          addr` and the shell loop of show100.sh (ip link/addr/route show
#          for the host and each namespace); outputs checked first
#   rss    peak RSS of nsviz show and show --json (GNU time's %M, else
#          VmHWM at exit through bench/peakrss.c; RSS_TOOL=time|vmhwm)
#   ui     the full-screen UI in tmux, see uiscale.sh
# Environment: SIZES ("10 100 1000"; 10000 works, slowly), REPS (3),
# WARMUP (1), MEASURES, IDLE_SECS (30), CHANGES (20), KEEP=1 keeps the
# work directory, CC (cc: the helpers are built here).
#
# Exit status: 0 with the report; 1 when a tool failed or produced a wrong
# result (nothing is reported then); 2 when the kernel or a limit refused a
# size (reported for the sizes done before it, and why).
set -u

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
. "$BENCH_DIR/lib.sh"
. "$BENCH_DIR/checks.sh"

# ---- inside a sandbox: one build run -----------------------------------------
# $0 --build-run TOOL DIR N RESULT  (TOOL: an nsviz binary, or ipbatch)
if [ "${1:-}" = --build-run ]; then
	tool=$2 dir=$3 N=$4 result=$5
	bench_sandbox_setup
	if [ "$tool" = ipbatch ]; then
		set -- sh "$dir/ipbatch.sh"
	else
		set -- "$tool" -b "$dir/cmds"
	fi
	"$dir/elapsed" -o "$result" "$@" >"$result.out" 2>"$result.err"
	rc=$?
	if [ $rc != 0 ]; then
		echo "$*: exit status $rc" >&2
		bench_refused "$result.err" >&2 && exit 2
		head -5 "$result.err" >&2
		exit 1
	fi
	bench_verify "$N" lo || { echo "$*: wrong topology" >&2; exit 1; }
	exit 0
fi

# ---- inside a sandbox: show and rss at one size ---------------------------------
# $0 --show-inner NSVIZ DIR N MEASURES
if [ "${1:-}" = --show-inner ]; then
	NSVIZ=$2 dir=$3 N=$4 RES=$dir/res
	do_show=0 do_rss=0
	case " $5 " in *" show "*) do_show=1 ;; esac
	case " $5 " in *" rss "*) do_rss=1 ;; esac
	bench_sandbox_setup
	sh "$dir/ipbatch.sh" >"$dir/build.log" 2>&1 || {
		bench_refused "$dir/build.log" >&2 && exit 2
		head -5 "$dir/build.log" >&2
		die "N=$N: building the topology with ip -batch failed"
	}
	bench_verify "$N" lo || die "N=$N: the topology built with ip -batch is wrong"
	bench_wait_carrier $((50 + N / 10))
	cat >"$dir/loop.sh" <<'EOF'
ip link show
ip addr show
ip route show
for ns in $(ip netns list | cut -d' ' -f1); do
	ip -n "$ns" link show
	ip -n "$ns" addr show
	ip -n "$ns" route show
done
EOF
	# tool TAG: set the command line of a tool
	tool() {
		case $1 in
		show) set -- "$NSVIZ" show ;;
		json) set -- "$NSVIZ" show --json ;;
		allns) set -- ip -all netns exec ip -br addr ;;
		loop) set -- sh "$dir/loop.sh" ;;
		esac
		CMD=$*
	}
	# check TAG FILE
	check() {
		case $1 in
		show) check_text "$2" ;;
		json) check_json "$2" ;;
		allns) check_allns "$2" ;;
		loop) check_ip "$2" ;;
		esac
	}
	# once each, checked, before anything is timed
	for t in show json allns loop; do
		tool "$t"
		# shellcheck disable=SC2086
		$CMD >"$dir/$t.out" 2>"$dir/$t.err" || {
			bench_refused "$dir/$t.err" >&2 && exit 2
			head -5 "$dir/$t.err" >&2
			die "N=$N: $CMD failed"
		}
		check $t "$dir/$t.out" || die "N=$N: $CMD: wrong output; nothing timed"
	done
	if [ $do_show = 1 ]; then
		for t in show json allns loop; do : >"$dir/$t.t"; done
		i=0
		while [ $i -lt $((WARMUP + REPS)) ]; do
			# alternate the order: A B C D, then D C B A
			if [ $((i % 2)) = 0 ]; then order="allns loop show json"
			else order="json show loop allns"; fi
			for t in $order; do
				tool "$t"
				# shellcheck disable=SC2086
				"$dir/elapsed" -o "$dir/one" $CMD >/dev/null 2>"$dir/$t.err" ||
					{ head -5 "$dir/$t.err" >&2; die "N=$N: $CMD failed while timed"; }
				[ $i -lt "$WARMUP" ] || cat "$dir/one" >>"$dir/$t.t"
			done
			i=$((i + 1))
		done
		for t in show json allns loop; do
			bench_res "$RES" "$N" show $t "$dir/$t.t" s 1e9 || die "no timings of $t"
		done
	fi
	if [ $do_rss = 1 ]; then
		for t in show json; do
			: >"$dir/$t.kb"
			i=0
			while [ $i -lt "$REPS" ]; do
				tool "$t"
				if [ "$RSS_TOOL" = time ]; then
					# shellcheck disable=SC2086
					/usr/bin/time -f %M -o "$dir/one.kb" $CMD >"$dir/$t.out" 2>"$dir/$t.err"
				else
					# shellcheck disable=SC2086
					"$dir/peakrss" -o "$dir/one.kb" $CMD >"$dir/$t.out" 2>"$dir/$t.err"
				fi || { head -5 "$dir/$t.err" >&2; die "N=$N: $CMD failed (peak RSS)"; }
				check $t "$dir/$t.out" || die "N=$N: $CMD: wrong output (peak RSS run)"
				kb=$(tail -1 "$dir/one.kb")
				case $kb in
				''|*[!0-9]*) die "N=$N: $RSS_TOOL gave no peak RSS for $CMD: '$kb'" ;;
				esac
				echo "$kb" >>"$dir/$t.kb"
				i=$((i + 1))
			done
			bench_res "$RES" "$N" rss $t "$dir/$t.kb" MB 1024 || die "no RSS of $t"
		done
	fi
	exit 0
fi

# ---- outside -------------------------------------------------------------------
NSVIZ=$(bench_nsviz "${1:-}") || exit 1
bench_need unshare ip date awk sort stat
SIZES=${SIZES:-10 100 1000}
REPS=${REPS:-3}
WARMUP=${WARMUP:-1}
MEASURES=${MEASURES:-build show rss ui}
IDLE_SECS=${IDLE_SECS:-30}
CHANGES=${CHANGES:-20}
CC=${CC:-cc}
for m in $MEASURES; do
	case $m in
	build|show|rss|ui) ;;
	*) die "MEASURES: unknown measure '$m' (build, show, rss, ui)" ;;
	esac
done
for n in $SIZES; do
	case $n in
	''|*[!0-9]*|0*) die "SIZES: '$n' is not a positive number" ;;
	esac
	[ "$n" -le 60000 ] || die "SIZES: $n: at most 60000 (the addresses are 10.A.B.x with A.B < 60000)"
done
case $REPS in ''|*[!0-9]*|0) die "REPS: a positive number" ;; esac
case $WARMUP in ''|*[!0-9]*) die "WARMUP: a number" ;; esac
if [ -z "${RSS_TOOL:-}" ]; then
	if [ -x /usr/bin/time ] && /usr/bin/time -f %M -o /dev/null true 2>/dev/null; then
		RSS_TOOL="time"
	else
		RSS_TOOL=vmhwm
	fi
fi
case $RSS_TOOL in time|vmhwm) ;; *) die "RSS_TOOL: time or vmhwm" ;; esac
case " $MEASURES " in *" ui "*) bench_need tmux ;; esac
export REPS WARMUP RSS_TOOL IDLE_SECS CHANGES
unset TMUX TMUX_PANE
BENCH_HOST_NETNS=$(bench_host_netns)
export BENCH_HOST_NETNS
UNSHARE=$(bench_unshare_opts)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/nsviz-scale.XXXXXX") || exit 1
case $WORK in
/run/*) rmdir "$WORK"; die "TMPDIR must not be under /run (the sandbox mounts over it)" ;;
esac
if [ "${KEEP:-0}" = 1 ]; then
	echo "work directory: $WORK"
else
	trap 'rm -rf "$WORK"' EXIT
fi
trap 'exit 130' INT TERM
RES=$WORK/res
: >"$RES"

for h in elapsed peakrss uilat; do
	"$CC" -O2 -Wall -o "$WORK/$h" "$BENCH_DIR/$h.c" ||
		die "cannot build bench/$h.c (set CC to a C compiler)"
done

echo "scale: SIZES=\"$SIZES\" MEASURES=\"$MEASURES\" REPS=$REPS WARMUP=$WARMUP"
echo "nsviz: $NSVIZ ($("$NSVIZ" -V))"
echo "ip:    $(command -v ip) ($(ip -V))"
echo "machine: $(nproc) CPUs, kernel $(uname -r), load $(cut -d' ' -f1-3 /proc/loadavg)"

# ulimit -n is not POSIX, but dash, bash, busybox and ksh have it
# shellcheck disable=SC3045
# limits N: can this size run at all?  nsviz takes up to three descriptors
# per namespace (two netlink sockets and a namespace fd): raise the soft
# limit of open files towards 3N+64 as far as the hard limit allows, and
# say so when that may be too few (nsviz then fails with "Too many open
# files", which is reported as a refusal).  A kernel that allows fewer
# network namespaces than N refuses the size at once (REFUSED, return 2).
limits() {
	_l_need=$((3 * $1 + 64))
	_l_cur=$(ulimit -n)
	_l_hard=$(ulimit -Hn)
	if [ "$_l_cur" != unlimited ] && [ "$_l_cur" -lt "$_l_need" ]; then
		_l_to=$_l_need
		[ "$_l_hard" = unlimited ] || [ "$_l_hard" -ge "$_l_need" ] || _l_to=$_l_hard
		if [ "$_l_to" -gt "$_l_cur" ] && ulimit -Sn "$_l_to" 2>/dev/null; then
			echo "note: N=$1: ulimit -n raised from $_l_cur to $_l_to"
		fi
		[ "$_l_to" -ge "$_l_need" ] ||
			echo "warning: N=$1: ulimit -n is $(ulimit -n) (hard limit $_l_hard), nsviz may need up to $_l_need descriptors; if it runs out the size is reported as refused"
	fi
	_l_max=$(cat /proc/sys/user/max_net_namespaces 2>/dev/null || echo '')
	if [ -n "$_l_max" ] && [ "$_l_max" -lt $(($1 + 2)) ]; then
		REFUSED="N=$1: the kernel allows $_l_max network namespaces (user.max_net_namespaces), $1 are needed, plus the sandbox's"
		return 2
	fi
	return 0
}

# build_run TOOL DIR N TAG: one build in a fresh sandbox
build_run() {
	bench_settle $((100 + $3 / 10))
	# shellcheck disable=SC2086
	unshare $UNSHARE sh "$0" --build-run "$1" "$2" "$3" "$2/one" 2>"$2/run.err"
	_b_rc=$?
	if [ $_b_rc != 0 ]; then
		cat "$2/run.err" >&2
		if [ $_b_rc = 2 ]; then
			REFUSED="N=$3: $(cat "$2/run.err")"
			return 2
		fi
		echo "scale: N=$3: build with $1 failed (see above); nothing reported" >&2
		return 1
	fi
	cat "$2/one" >>"$2/$4.t"
}

measure_build() {
	_m_d=$WORK/build$1
	mkdir -p "$_m_d"
	cp "$WORK/elapsed" "$_m_d/"
	bench_gen_cmds "$1" lo >"$_m_d/cmds"
	bench_gen_ipbatch "$_m_d/cmds" "$_m_d" || die "cannot write the ip -batch files"
	: >"$_m_d/ipbatch.t"
	: >"$_m_d/nsviz.t"
	_m_i=0
	while [ $_m_i -lt $((WARMUP + REPS)) ]; do
		_m_tag=ipbatch _m_tag2=nsviz
		[ $_m_i -lt "$WARMUP" ] && _m_tag=warm _m_tag2=warm
		# A B, then B A
		if [ $((_m_i % 2)) = 0 ]; then
			build_run ipbatch "$_m_d" "$1" $_m_tag || return
			build_run "$NSVIZ" "$_m_d" "$1" $_m_tag2 || return
		else
			build_run "$NSVIZ" "$_m_d" "$1" $_m_tag2 || return
			build_run ipbatch "$_m_d" "$1" $_m_tag || return
		fi
		_m_i=$((_m_i + 1))
	done
	bench_res "$RES" "$1" build ipbatch "$_m_d/ipbatch.t" s 1e9 &&
		bench_res "$RES" "$1" build nsviz "$_m_d/nsviz.t" s 1e9 ||
		die "no build timings"
	echo "  N=$1 build (s): ip -batch $(awk '{printf "%.4f ", $1 / 1e9}' "$_m_d/ipbatch.t")" \
		"| nsviz -b $(awk '{printf "%.4f ", $1 / 1e9}' "$_m_d/nsviz.t")"
}

measure_show() {
	_m_d=$WORK/show$1
	mkdir -p "$_m_d"
	cp "$WORK/elapsed" "$WORK/peakrss" "$_m_d/"
	bench_gen_cmds "$1" lo >"$_m_d/cmds"
	bench_gen_ipbatch "$_m_d/cmds" "$_m_d" || die "cannot write the ip -batch files"
	bench_settle $((100 + $1 / 10))
	# shellcheck disable=SC2086
	unshare $UNSHARE sh "$0" --show-inner "$NSVIZ" "$_m_d" "$1" "$MEASURES" 2>"$_m_d/run.err"
	_m_rc=$?
	if [ $_m_rc != 0 ]; then
		cat "$_m_d/run.err" >&2
		if [ $_m_rc = 2 ]; then
			REFUSED="N=$1: $(cat "$_m_d/run.err")"
			return 2
		fi
		echo "scale: N=$1: show/rss failed (see above); nothing reported" >&2
		return 1
	fi
	cat "$_m_d/res" >>"$RES"
	awk '{printf "  N=%s %s %s: median %s %s\n", $1, $2, $3, $4, $6}' "$_m_d/res"
}

measure_ui() {
	_m_d=$WORK/ui$1
	mkdir -p "$_m_d"
	cp "$WORK/elapsed" "$WORK/uilat" "$_m_d/"
	bench_gen_cmds "$1" lo >"$_m_d/cmds"
	bench_gen_ipbatch "$_m_d/cmds" "$_m_d" || die "cannot write the ip -batch files"
	bench_settle $((100 + $1 / 10))
	# shellcheck disable=SC2086
	unshare $UNSHARE sh "$BENCH_DIR/uiscale.sh" --inner "$NSVIZ" "$_m_d" "$1" 2>"$_m_d/run.err"
	_m_rc=$?
	if [ $_m_rc != 0 ]; then
		cat "$_m_d/run.err" >&2
		if [ $_m_rc = 2 ]; then
			REFUSED="N=$1: $(cat "$_m_d/run.err")"
			return 2
		fi
		echo "scale: N=$1: ui failed (see above); nothing reported" >&2
		return 1
	fi
	cat "$_m_d/res" >>"$RES"
	awk '{printf "  N=%s %s %s: median %s %s\n", $1, $2, $3, $4, $6}' "$_m_d/res"
}

REFUSED=
done_sizes=
for n in $SIZES; do
	echo "N=$n: $(date -u +%H:%M:%S)"
	limits "$n" || break
	rc=0
	show_done=0
	for m in $MEASURES; do
		case $m in
		build) measure_build "$n" ;;
		show|rss)
			[ $show_done = 1 ] && continue
			show_done=1
			measure_show "$n" ;;
		ui) measure_ui "$n" ;;
		esac
		rc=$?
		[ $rc = 0 ] || break
	done
	[ $rc = 0 ] || [ $rc = 2 ] || exit 1
	if [ $rc = 2 ]; then
		# a size refused half-way is left out whole
		awk -v n="$n" '$1 != n' "$RES" >"$RES.new" && mv "$RES.new" "$RES"
		break
	fi
	done_sizes="$done_sizes $n"
done

echo
echo "nsviz: $NSVIZ ($("$NSVIZ" -V)); peak RSS from $(
	[ "$RSS_TOOL" = time ] && echo "GNU time -f %M (ru_maxrss)" ||
	echo "VmHWM at exit (bench/peakrss.c)")"
awk -f "$BENCH_DIR/scale-report.awk" "$RES"
if [ -n "$REFUSED" ]; then
	echo
	echo "NOT MEASURED: $REFUSED"
	[ -n "$done_sizes" ] && echo "(the report above covers N =$done_sizes)"
	exit 2
fi
exit 0
