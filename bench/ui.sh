#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# ui.sh - what the full-screen UI costs, measured on the real binary in
# tmux, in a sandbox:
#
#   (a) idle: nsviz's CPU time (utime+stime from /proc/PID/stat, and the
#       kernel's nanosecond sum from /proc/PID/schedstat) over IDLE_SECS
#       (30) with N (100) namespaces on screen, each wired to the host by a
#       veth pair (built with nsviz -b).  Target: at most 0.05 s.
#   (b) latency: `ip -n ns1 link add ...` run as another process, to the
#       moment `tmux capture-pane` shows the new interface (ns1 selected),
#       polled every POLL_US (2000) microseconds; median over CHANGES (20),
#       and the same for `ip link del`.  Target: median under 20 ms.  The
#       same measurement of tmux alone (a process writes a line to a plain
#       pane's tty) says how much of it is tmux and the polling.
#   (c) redraw: CPU time per redraw with N_BIG (1000) namespaces (and with
#       N for comparison): a selection change (j/k: every panel drawn
#       again), Ctrl-L (full repaint, plus the rescans Ctrl-L asks for)
#       and a selection change in the topology view.
#
#   sh bench/ui.sh [path/to/nsviz]       (default $NSVIZ, else ./nsviz)
#
# Environment: N (100), N_BIG (1000; 0 skips part c's big world),
# IDLE_SECS (30), CHANGES (20), POLL_US (2000), REDRAWS (40 per kind),
# TOPO_REDRAWS (10), WIDTH (120 columns; 132 and up shows the namespaces'
# PKT/S column), CC (cc: the poller is a small C program built here),
# KEEP=1 keeps the work directory.  Needs tmux, unshare, ip, cc.
# the numbers read from /proc are split into words on purpose
# shellcheck disable=SC2046,SC2086
set -u

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
. "$BENCH_DIR/lib.sh"

# ---- helpers used inside the sandbox ----------------------------------------
. "$BENCH_DIR/uilib.sh"

# settled PID RUNS: nsviz has run since RUNS and sleeps in poll() again
settle() {
	_s_i=0
	while [ $_s_i -lt 2500 ]; do
		set -- "$1" "$2" $(cat "/proc/$1/schedstat")
		if [ "$5" -gt "$2" ] && grep -q poll "/proc/$1/wchan" &&
		   [ "$(sed 's/^.*) \(.\).*/\1/' "/proc/$1/stat")" = S ]; then
			return 0
		fi
		set -- "$1" "$2"
		sleep 0.002
		_s_i=$((_s_i + 1))
	done
	echo "nsviz did not settle" >&2
	return 1
}

runs() { awk '{print $3}' "/proc/$1/schedstat"; }

# start_ui NAME N: nsviz in a WIDTHx36 session (WIDTH: 120), until it shows N+1
# namespaces; UIPID is its pid
start_ui() {
	tm new-session -d -s "$1" -x "${WIDTH:-120}" -y 36 "exec $NSVIZ" ||
		die "tmux new-session failed"
	UIPID=$(tm display-message -p -t "$1" '#{pane_pid}')
	wait_screen "$1" "Namespaces ($(($2 + 1)))" 120 ||
		die "nsviz did not show the $2 namespaces"
}

# redraws SESSION PID COUNT: from the host (Home), COUNT selection changes
# (j, k, j, ...), each waited for on the screen; CPU ns per redraw
redraws() {
	tm send-keys -t "$1" Home
	wait_screen "$1" "Interfaces in host" || return 1
	sleep 0.2
	set -- "$1" "$2" "$3" $(cpu "$2")
	_r_c0=$4
	_r_i=0
	while [ $_r_i -lt "$3" ]; do
		tm send-keys -t "$1" j
		wait_screen "$1" "Interfaces in ns1" || return 1
		tm send-keys -t "$1" k
		wait_screen "$1" "Interfaces in host" || return 1
		_r_i=$((_r_i + 2))
	done
	# the last redraw's curses output may still be on its way
	settle "$2" "$(runs "$2")" 2>/dev/null || :
	set -- $(cpu "$2")
	echo $((($1 - _r_c0) / _r_i))
}

# keyed SESSION PID KEYS COUNT: send each key of KEYS in turn COUNT times
# in all, waiting for nsviz to handle it and sleep again; CPU ns per key
keyed() {
	_k_s=$1 _k_p=$2 _k_keys=$3 _k_n=$4
	set -- $(cpu "$_k_p")
	_k_c0=$1
	_k_i=0
	while [ $_k_i -lt "$_k_n" ]; do
		for _k_k in $_k_keys; do
			_k_r=$(runs "$_k_p")
			tm send-keys -t "$_k_s" "$_k_k"
			settle "$_k_p" "$_k_r" || return 1
			_k_i=$((_k_i + 1))
		done
	done
	set -- $(cpu "$_k_p")
	echo $((($1 - _k_c0) / _k_i))
}

ms() { awk -v v="$1" 'BEGIN {printf "%.2f", v / 1e6}'; }

# verdict FIGURE TARGET: "FIGURE/TARGET = R (met|ABOVE TARGET)", at most
verdict() {
	awk -v f="$1" -v t="$2" 'BEGIN {
		printf "%.3g of the target (%s)", f / t, f <= t ? "met" : "ABOVE TARGET" }'
}

# median FILE COLUMN (microseconds) -> ms
median_ms() {
	awk -v c="$2" '{print $c}' "$1" | sort -n | awk '{v[NR] = $1}
		END { if (!NR) exit 1
		      m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
		      printf "%.2f", m / 1000 }'
}
min_ms() { awk -v c="$2" '{print $c}' "$1" | sort -n | awk 'NR == 1 {printf "%.2f", $1 / 1000}'; }
max_ms() { awk -v c="$2" '{print $c}' "$1" | sort -n | awk 'END {printf "%.2f", $1 / 1000}'; }

# ---- inside the sandbox: (a), (b), and (c) at N ------------------------------
if [ "${1:-}" = --inner-small ]; then
	NSVIZ=$2 WORK=$3
	bench_sandbox_setup
	export TMUX_TMPDIR="$WORK/tmux-small"
	mkdir -p "$TMUX_TMPDIR"
	trap 'tm kill-server >/dev/null 2>&1' EXIT
	bench_gen_cmds "$N" >"$WORK/cmds"
	"$NSVIZ" -b "$WORK/cmds" >"$WORK/build.log" 2>&1 ||
		{ cat "$WORK/build.log" >&2; die "nsviz -b failed"; }
	bench_verify "$N" || die "the topology built with nsviz -b is wrong"
	bench_wait_carrier

	start_ui ui "$N"
	tm send-keys -t ui j
	wait_screen ui "Interfaces in ns1" || die "j did not select ns1"
	sleep 2     # let the last carrier events and the first scans pass

	# (a) idle
	set -- $(cpu "$UIPID")
	c0=$1 t0=$2 r0=$3 v0=$4
	sleep "$IDLE_SECS"
	set -- $(cpu "$UIPID")
	c1=$1 t1=$2 r1=$3 v1=$4
	kill -0 "$UIPID" 2>/dev/null || die "nsviz died while idle"
	wait_screen ui "Interfaces in ns1" 1 || die "the screen changed while idle"
	tck=$(getconf CLK_TCK)
	idle_s=$(awk -v c=$((c1 - c0)) 'BEGIN {printf "%.4f", c / 1e9}')
	tick_s=$(awk -v t=$((t1 - t0)) -v h="$tck" 'BEGIN {printf "%.2f", t / h}')
	echo
	echo "(a) idle, $N namespaces on screen, ${IDLE_SECS} s:"
	echo "    CPU time ${idle_s} s (schedstat); utime+stime $((t1 - t0)) ticks = ${tick_s} s"
	echo "    woken $((r1 - r0)) times (voluntary context switches: $((v1 - v0)))"
	echo "    target at most 0.05 s: $(verdict "$idle_s" 0.05)"

	# (b) latency: a change made by another process, to the screen
	: >"$WORK/add.us"
	: >"$WORK/del.us"
	i=1
	while [ $i -le "$CHANGES" ]; do
		"$WORK/uilat" "nsviz-bench-$$" ui present "lat$i@lp$i " "$POLL_US" \
			ip -n ns1 link add "lat$i" type veth peer name "lp$i" >>"$WORK/add.us" ||
			die "change $i: lat$i never showed"
		sleep 0.05
		"$WORK/uilat" "nsviz-bench-$$" ui gone "lat$i@lp$i " "$POLL_US" \
			ip -n ns1 link del "lat$i" >>"$WORK/del.us" ||
			die "change $i: lat$i never went"
		sleep 0.05
		i=$((i + 1))
	done
	# tmux alone: a process writes a line to a plain pane's tty
	tm new-session -d -s plain -x 120 -y 36 "exec sleep 1000000"
	tty=$(tm display-message -p -t plain '#{pane_tty}')
	: >"$WORK/tmux.us"
	i=1
	while [ $i -le "$CHANGES" ]; do
		"$WORK/uilat" "nsviz-bench-$$" plain present "MARK-$i-" "$POLL_US" \
			sh -c 'printf "MARK-%s-\n" "$1" >"$0"' "$tty" "$i" >>"$WORK/tmux.us" ||
			die "tmux alone: MARK-$i- never showed"
		sleep 0.05
		i=$((i + 1))
	done
	# columns: latency_us cmd_done_us captures mean_capture_us
	add=$(median_ms "$WORK/add.us" 1)
	del=$(median_ms "$WORK/del.us" 1)
	tmx=$(median_ms "$WORK/tmux.us" 1)
	echo
	echo "(b) another process changes the kernel -> the screen shows it ($CHANGES times each, polled every $((POLL_US / 1000)) ms):"
	echo "    ip link add (veth pair in ns1): median $add ms (min $(min_ms "$WORK/add.us" 1), max $(max_ms "$WORK/add.us" 1));" \
		"ip itself ran $(median_ms "$WORK/add.us" 2) ms"
	echo "    ip link del:                    median $del ms (min $(min_ms "$WORK/del.us" 1), max $(max_ms "$WORK/del.us" 1));" \
		"ip itself ran $(median_ms "$WORK/del.us" 2) ms"
	echo "    tmux alone (a line written to a plain pane): median $tmx ms (min $(min_ms "$WORK/tmux.us" 1), max $(max_ms "$WORK/tmux.us" 1))"
	echo "    one capture-pane takes $(median_ms "$WORK/add.us" 4) ms (median)"
	echo "    target median under 20 ms: add $(verdict "$add" 20), del $(verdict "$del" 20)"

	# (c) at N, for comparison
	ns=$(redraws ui "$UIPID" "$REDRAWS") || die "redraws failed"
	echo
	echo "(c) redraw cost, $N namespaces: selection change (j/k) $(ms "$ns") ms CPU per redraw"
	exit 0
fi

# ---- inside the sandbox: (c) at N_BIG ------------------------------------------
if [ "${1:-}" = --inner-big ]; then
	NSVIZ=$2 WORK=$3
	bench_sandbox_setup
	export TMUX_TMPDIR="$WORK/tmux-big"
	mkdir -p "$TMUX_TMPDIR"
	trap 'tm kill-server >/dev/null 2>&1' EXIT
	bench_gen_cmds "$N_BIG" >"$WORK/cmds-big"
	t0=$(bench_now)
	"$NSVIZ" -b "$WORK/cmds-big" >"$WORK/build-big.log" 2>&1 ||
		{ cat "$WORK/build-big.log" >&2; die "nsviz -b failed"; }
	t1=$(bench_now)
	[ "$(ip netns list | wc -l)" -eq "$N_BIG" ] &&
		[ "$(ip -br link show type veth | wc -l)" -eq "$N_BIG" ] ||
		die "the $N_BIG-namespace topology is wrong"
	bench_wait_carrier
	echo
	echo "(c) $N_BIG namespaces built with nsviz -b in $(ms $((t1 - t0))) ms"
	t0=$(bench_now)
	start_ui ui "$N_BIG"
	t1=$(bench_now)
	echo "    nsviz started and drew them in $(ms $((t1 - t0))) ms (wall)"
	sleep 2
	ns=$(redraws ui "$UIPID" "$REDRAWS") || die "redraws failed"
	echo "    selection change (j/k: every panel drawn again): $(ms "$ns") ms CPU per redraw"
	ns=$(keyed ui "$UIPID" C-l "$REDRAWS") || die "Ctrl-L failed"
	echo "    Ctrl-L (full repaint + namespace and process rescans): $(ms "$ns") ms CPU each"
	tm send-keys -t ui t
	wait_screen ui "Topology" || die "t: no topology view"
	sleep 1
	ns=$(keyed ui "$UIPID" "] [" "$TOPO_REDRAWS") || die "topology redraws failed"
	echo "    topology view, selection change (] / [): $(ms "$ns") ms CPU each"
	exit 0
fi

# ---- outside ---------------------------------------------------------------------
NSVIZ=$(bench_nsviz "${1:-}") || exit 1
bench_need unshare ip date awk sort stat tmux
N=${N:-100}
N_BIG=${N_BIG:-1000}
IDLE_SECS=${IDLE_SECS:-30}
CHANGES=${CHANGES:-20}
POLL_US=${POLL_US:-2000}
REDRAWS=${REDRAWS:-40}
TOPO_REDRAWS=${TOPO_REDRAWS:-10}
export N N_BIG IDLE_SECS CHANGES POLL_US REDRAWS TOPO_REDRAWS
unset TMUX TMUX_PANE
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

# The poller (bench/uilat.c): runs a command, then captures the pane every
# PERIOD microseconds until TEXT is on it (or gone); prints the
# microseconds from just before the command started to the end of that
# capture, when the command had exited, how many captures it took and
# their mean duration.
${CC:-cc} -O2 -Wall -o "$WORK/uilat" "$BENCH_DIR/uilat.c" ||
	die "cannot build the poller (set CC to a C compiler)"

echo "ui: the full-screen UI in tmux $(tmux -V | cut -d' ' -f2), 120x36, in a sandbox"
echo "nsviz: $NSVIZ ($("$NSVIZ" -V))"
bench_settle
# shellcheck disable=SC2086
unshare $UNSHARE sh "$0" --inner-small "$NSVIZ" "$WORK" || exit 1
if [ "$N_BIG" -gt 0 ]; then
	bench_settle
	# shellcheck disable=SC2086
	unshare $UNSHARE sh "$0" --inner-big "$NSVIZ" "$WORK" || exit 1
fi
