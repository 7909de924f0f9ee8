#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# uiscale.sh - the full-screen UI at one size N, for scale.sh
# (MEASURES=ui): run by it inside a fresh sandbox as
#
#   uiscale.sh --inner NSVIZ DIR N
#
# DIR holds ipbatch.sh (the topology of bench_gen_cmds N lo, built with
# ip) and the helpers elapsed and uilat; the figures go to DIR/res.  In a
# tmux server of its own (socket in DIR/tmux), 120x36:
#
#   frame   from starting nsviz (tmux new-session "exec nsviz") to the
#           end of the first capture-pane showing "Namespaces (N+1)",
#           captures every FRAME_POLL_US (10000) us; WARMUP + REPS times
#   idle    nsviz's CPU time (schedstat) over IDLE_SECS with ns1 selected
#   vmhwm   nsviz's VmHWM after that
#   lat-*   `ip -n ns1 link add latK type veth peer name lpK` run as
#           another process, to the capture showing latK@lpK: in nsviz's
#           pane (lat-nsviz) and in a pane of the same tmux running
#           `ip -n ns1 monitor link` (lat-ipmon), both captured by one tmux
#           client each round, every POLL_US (2000) us; lat-tmux is the
#           same poller on a plain pane while a process writes a line to
#           its tty (tmux's own share); del-nsviz: `ip link del latK`
#           until nsviz's pane no longer shows it.  CHANGES times each.
#   round   the mean time of one round of captures (both panes): the
#           resolution of lat-*
# Exit status 1 when something did not happen (nothing shown, a change
# never reached the screen, nsviz died or its screen changed while idle).
# the numbers read from /proc are split into words on purpose
# shellcheck disable=SC2046,SC2086
set -u

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
. "$BENCH_DIR/lib.sh"
. "$BENCH_DIR/uilib.sh"

[ "${1:-}" = --inner ] && [ $# = 4 ] ||
	die "run by scale.sh: MEASURES=ui sh bench/scale.sh [path/to/nsviz]"
NSVIZ=$2 dir=$3 N=$4 RES=$3/res
REPS=${REPS:-3}
WARMUP=${WARMUP:-1}
IDLE_SECS=${IDLE_SECS:-30}
CHANGES=${CHANGES:-20}
POLL_US=${POLL_US:-2000}
FRAME_POLL_US=${FRAME_POLL_US:-10000}
sock=nsviz-bench-$$

bench_sandbox_setup
export TMUX_TMPDIR="$dir/tmux"
mkdir -p "$TMUX_TMPDIR" || die "cannot create $TMUX_TMPDIR"
trap 'tm kill-server >/dev/null 2>&1' EXIT
sh "$dir/ipbatch.sh" >"$dir/build.log" 2>&1 || {
	bench_refused "$dir/build.log" >&2 && exit 2
	head -5 "$dir/build.log" >&2
	die "N=$N: building the topology with ip -batch failed"
}
bench_verify "$N" lo || die "N=$N: the topology built with ip -batch is wrong"
bench_wait_carrier $((50 + N / 10))

# the server lives as long as this session
tm new-session -d -s hold -x 120 -y 36 "exec sleep 1000000" ||
	die "tmux new-session failed"

# stop_ui: end the nsviz session and wait until nsviz is gone
stop_ui() {
	_p=$(tm display-message -p -t ui '#{pane_pid}' 2>/dev/null) || return 0
	tm kill-session -t ui
	_i=0
	while [ -d "/proc/$_p" ] && [ $_i -lt $((500 + N)) ]; do
		sleep 0.02
		_i=$((_i + 1))
	done
	[ ! -d "/proc/$_p" ] || die "N=$N: nsviz ($_p) did not exit after its tmux session was killed"
}

# ---- first frame -------------------------------------------------------------
title="Namespaces ($((N + 1)))"
: >"$dir/frame.us"
i=0
while [ $i -lt $((WARMUP + REPS)) ]; do
	[ $i = 0 ] || stop_ui
	UILAT_TIMEOUT_S=$((10 + N / 50)) "$dir/uilat" "$sock" ui present "$title" "$FRAME_POLL_US" \
		tmux -L "$sock" -f /dev/null new-session -d -s ui -x 120 -y 36 "exec $NSVIZ" \
		>"$dir/one.us" 2>"$dir/uilat.err" || {
		grep -v "can't find" "$dir/uilat.err" | tail -3 >&2
		tm capture-pane -p -t ui >&2 2>/dev/null
		die "N=$N: nsviz never showed '$title'"
	}
	wait_screen ui " ns$N " 1 >/dev/null 2>&1 || wait_screen ui "ns1" 1 ||
		die "N=$N: '$title' but no namespace names on the screen"
	[ $i -lt "$WARMUP" ] || awk '{print $1}' "$dir/one.us" >>"$dir/frame.us"
	i=$((i + 1))
done
bench_res "$RES" "$N" ui frame "$dir/frame.us" s 1e6 || die "no first-frame times"
UIPID=$(tm display-message -p -t ui '#{pane_pid}')
[ -d "/proc/$UIPID" ] || die "N=$N: nsviz is gone"

# ---- idle ---------------------------------------------------------------------
tm send-keys -t ui j
wait_screen ui "Interfaces in ns1" || die "N=$N: j did not select ns1"
sleep 2     # let the last carrier events and the first scans pass
set -- $(cpu "$UIPID")
c0=$1
sleep "$IDLE_SECS"
set -- $(cpu "$UIPID")
c1=$1
kill -0 "$UIPID" 2>/dev/null || die "N=$N: nsviz died while idle"
wait_screen ui "Interfaces in ns1" 1 || die "N=$N: the screen changed while idle"
echo $((c1 - c0)) >"$dir/idle.ns"
bench_res "$RES" "$N" ui idle "$dir/idle.ns" s 1e9
awk '$1 == "VmHWM:" {print $2}' "/proc/$UIPID/status" >"$dir/hwm.kb"
[ -s "$dir/hwm.kb" ] || die "N=$N: no VmHWM in /proc/$UIPID/status"
bench_res "$RES" "$N" ui vmhwm "$dir/hwm.kb" MB 1024

# ---- an outside change to the screen, nsviz beside ip monitor -------------------
tm new-window -d -t ui: -n mon "exec ip -n ns1 monitor link" ||
	die "cannot start ip monitor in tmux"
tm new-window -d -t ui: -n plain "exec sleep 1000000" || die "tmux new-window failed"
tty=$(tm display-message -p -t ui:plain '#{pane_tty}')
sleep 0.5   # ip monitor subscribes
# a first change, not counted: both panes must show it
"$dir/uilat" "$sock" ui:0.0,ui:mon present "lat0@lp0" "$POLL_US" \
	ip -n ns1 link add lat0 type veth peer name lp0 >/dev/null ||
	die "N=$N: the first change did not show in both panes"
"$dir/uilat" "$sock" ui:0.0 gone "lat0@lp0" "$POLL_US" ip -n ns1 link del lat0 >/dev/null ||
	die "N=$N: lat0 did not go"
: >"$dir/lat.us"
: >"$dir/del.us"
: >"$dir/tmux.us"
i=1
while [ $i -le "$CHANGES" ]; do
	sleep 0.05
	"$dir/uilat" "$sock" ui:0.0,ui:mon present "lat$i@lp$i" "$POLL_US" \
		ip -n ns1 link add "lat$i" type veth peer name "lp$i" >>"$dir/lat.us" ||
		die "N=$N: change $i: lat$i never showed"
	sleep 0.05
	"$dir/uilat" "$sock" ui:0.0 gone "lat$i@lp$i" "$POLL_US" \
		ip -n ns1 link del "lat$i" >>"$dir/del.us" ||
		die "N=$N: change $i: lat$i never went"
	sleep 0.05
	# tmux alone, with the same two captures a round
	"$dir/uilat" "$sock" ui:plain,ui:plain present "MARK-$i-" "$POLL_US" \
		sh -c 'printf "MARK-%s-\n" "$1" >"$0"' "$tty" "$i" >>"$dir/tmux.us" ||
		die "N=$N: tmux alone: MARK-$i- never showed"
	i=$((i + 1))
done
kill -0 "$UIPID" 2>/dev/null || die "N=$N: nsviz died"
awk '{print $1}' "$dir/lat.us" >"$dir/lat-nsviz.us"
awk '{print $2}' "$dir/lat.us" >"$dir/lat-ipmon.us"
awk '{print $1}' "$dir/tmux.us" >"$dir/lat-tmux.us"
awk '{print $1}' "$dir/del.us" >"$dir/del-nsviz.us"
awk '{print $5}' "$dir/lat.us" >"$dir/round.us"   # one round: both captures
for t in lat-nsviz lat-ipmon lat-tmux del-nsviz round; do
	bench_res "$RES" "$N" ui $t "$dir/$t.us" ms 1000 || die "no $t samples"
done
stop_ui
exit 0
