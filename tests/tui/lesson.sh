#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# A lesson in the full-screen UI, in tmux: lesson 1 completed by typing
# its commands at the `:` line, step by step, with the goal checked live;
# then its first step again by keys and forms; hint, show me, progress
# saved and resumed.
. "${TOP_SRCDIR:-$(dirname "$0")/../..}/tests/lib/common.sh"
command -v tmux >/dev/null || { echo "SKIP: tmux is needed" >&2; exit 77; }
sandbox_reexec

export TMUX_TMPDIR="$TMPD" XDG_STATE_HOME="$TMPD/state"
export NSVIZ_LESSONS_DIR="$TOP_SRCDIR/lessons" NSVIZ_THEMES_DIR="$TOP_SRCDIR/themes"
export XDG_DATA_HOME="$TMPD/data" XDG_CONFIG_HOME="$TMPD/config"
T() { tmux -L nsviz-lesson -f "$TMUX_CONF" "$@"; }
trap 'T kill-server 2>/dev/null; rm -rf "$TMPD"' EXIT
key() { T send-keys -t l "$@"; sleep 0.2; }
text() { T send-keys -t l -l -- "$1"; sleep 0.1; }
screen() { T capture-pane -p -t l; }
wait_for() {
	i=0
	while [ $i -lt 250 ]; do
		if screen | grep -Eq -- "$2"; then pass "$1"; return 0; fi
		sleep 0.1; i=$((i + 1))
	done
	fail "$1" "screen never matched: $2" "$(screen)"
	return 1
}
cmd() { key :; text "$1"; key Enter; }

start() {
	T kill-session -t l 2>/dev/null
	T new-session -d -s l -x 140 -y 44 "'$NSVIZ' lesson $*; echo EXIT=\$?; sleep 60"
}

# ---- lesson 1 at the : line ------------------------------------------------
start 1
wait_for "lesson 1 opens in the UI with its panel" 'Lesson 1: The veth pair'
wait_for "... in the sandbox" 'SANDBOX'
wait_for "the goal is checked live: not yet" 'not yet: there is no veth0'
cmd "ip link add veth0 type veth peer name veth1"
wait_for "the goal holds: step 1 done, on to step 2" 'Step 1 done: Make a veth pair'
wait_for "progress bar moves" '1/4 +step 2'
cmd "ip link show veth0"
cmd "ip link show veth1"
wait_for "step 2 done" 'Step 2 done'
key h
wait_for "h shows the hint" 'hint: '
cmd "ip addr add 10.0.1.0/24 dev veth0"
wait_for "step 3 done" 'Step 3 done'
cmd "ip link set veth0 up"
cmd "ip addr show veth0"
wait_for "the lesson is complete" 'Lesson 1 complete'
wait_for "progress 4/4" '4/4'
check_match "progress saved under XDG_STATE_HOME" \
	"$(cat "$XDG_STATE_HOME"/nsviz/* 2>/dev/null)" '1'
key q
wait_for "q leaves the lesson, status 0" 'EXIT=0'

# ---- step 1 by keys and forms, in a fresh sandbox ----------------------------
start 1 --restart
wait_for "lesson 1 again, from the start" '0/4 +step 1'
key v                                   # the veth form: veth0 / veth1
wait_for "v opens the veth form with veth0 and veth1" 'Peer name: +veth1'
key Enter
wait_for "the form's command satisfies the goal" 'Step 1 done: Make a veth pair'
# show me runs the step's commands
key .
wait_for "'.' shows me: the commands appear in the log" '\$ ip link show veth1'
wait_for "... and the goal then holds" 'Step 2 done'
key '<'
wait_for "< goes back a step" 'step 2: Look at both ends'
key '>'
wait_for "> goes forward" 'step 3: Give veth0 an address'
key q
wait_for "q: status 0" 'EXIT=0'

# ---- resume where it was left -------------------------------------------------
start 1
wait_for "progress resumed at step 3" 'step 3: Give veth0 an address'
wait_for "... with the world of the earlier steps rebuilt" 'veth0@veth1'
key q
wait_for "q: status 0 again" 'EXIT=0'

# ---- show me says what it does as it does it ---------------------------------
# lesson 6 step 4's show me pings an address the router drops: ping waits
# its 10 s for a late reply.  The command and ping's first line are on the
# screen while it waits, not only once it has given up.
mkdir -p "$XDG_STATE_HOME/nsviz"
printf 'lesson 6 step 3\nlast 6\n' >"$XDG_STATE_HOME/nsviz/lessons.progress"
start 6
wait_for "lesson 6 resumed at step 4" 'step 4: The router does not route'
key .
if wait_for "show me: the ping appears in the log as it starts" \
	'PING 10\.0\.2\.2 \(10\.0\.2\.2\)'; then
	check_nomatch "... before it has given up (no statistics yet)" \
		"$(screen)" 'ping statistics'
fi
wait_for "... and its end appears too" 'ping statistics'
key q
wait_for "q: status 0 after show me" 'EXIT=0'

# ---- the picker ----------------------------------------------------------------
T new-session -d -s p -x 120 -y 40 "'$NSVIZ' -S; echo EXIT=\$?; sleep 60"
sleep 0.5
T send-keys -t p L; sleep 0.5
if T capture-pane -p -t p | grep -Eq 'Lessons \(Enter starts'; then
	pass "L opens the lesson picker"
else
	fail "L opens the lesson picker" "$(T capture-pane -p -t p)"
fi
check_match "the picker lists the shipped lessons" "$(T capture-pane -p -t p)" ' 4  .*steps'
T send-keys -t p q q; sleep 0.3

done_testing
