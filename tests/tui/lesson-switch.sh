#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# A lesson picked with L in the middle of a session starts from an empty
# world, as nsviz-lesson(5) promises: finish lesson 1 (and leave more
# behind: a namespace, an address and a route on lo, a sysctl, an echo
# server), pick
# lesson 6, and nothing of it is left in the sandbox.
. "${TOP_SRCDIR:-$(dirname "$0")/../..}/tests/lib/common.sh"
command -v tmux >/dev/null || { echo "SKIP: tmux is needed" >&2; exit 77; }
sandbox_reexec

export TMUX_TMPDIR="$TMPD" XDG_STATE_HOME="$TMPD/state"
export NSVIZ_LESSONS_DIR="$TOP_SRCDIR/lessons" NSVIZ_THEMES_DIR="$TOP_SRCDIR/themes"
export XDG_DATA_HOME="$TMPD/data" XDG_CONFIG_HOME="$TMPD/config"
T() { tmux -L nsviz-lesson-switch -f "$TMUX_CONF" "$@"; }
trap 'T kill-server 2>/dev/null; rm -rf "$TMPD"' EXIT
key() { T send-keys -t l "$@"; }
screen() { T capture-pane -p -t l; }
wait_for() {
	i=0
	while [ $i -lt 300 ]; do
		if screen | grep -Eq -- "$2"; then pass "$1"; return 0; fi
		sleep 0.1; i=$((i + 1))
	done
	fail "$1" "screen never matched: $2" "$(screen)"
	return 1
}
# a command at the : line, once the line is open
cmd() {
	key :
	wait_for "the : line opens for $1" '^:' >/dev/null
	T send-keys -t l -l -- "$1"; key Enter
}

T new-session -d -s l -x 140 -y 44 "'$NSVIZ' lesson 1 --restart; echo EXIT=\$?; sleep 60"
wait_for "lesson 1 opens" 'step 1: Make a veth pair'
for s in 1 2 3 4; do
	key .
	if [ $s -lt 4 ]; then
		wait_for "show me: step $s done" "Step $s done"
	fi
done
wait_for "lesson 1 complete" 'Lesson 1 complete'
# more left behind by hand
cmd "netns add extra"
wait_for "... a namespace extra" '^.extra '
cmd "addr add 10.9.9.9/32 dev lo"
cmd "route add 10.7.0.0/16 dev lo"
cmd "sysctl -w net.ipv4.ip_default_ttl=32"
wait_for "... the default TTL 32" "net.ipv4.ip_default_ttl = 32"
cmd "echo tcp port 4078"
wait_for "... an echo server in the host namespace" '^.host +[0-9]+ +[0-9]+ +1 '
check_match "veth0 is there before" "$(screen)" 'veth0'

key L
wait_for "L opens the picker" 'Lessons \(Enter starts'
key j j j j j
key Enter
wait_for "lesson 6 starts" 'Lesson 6: A router between two networks'
wait_for "... and says the world is fresh" 'A fresh world for this lesson'
wait_for "... its setup ran" '^.router '
check_nomatch "the namespace extra is gone" "$(screen)" '^.extra '
wait_for "the host has only lo (1 interface) and no echo server" '^.host +1 +[0-9]+ +0 '
cmd "link show veth0"
wait_for "veth0 is gone" 'Device "veth0" does not exist'
cmd "sysctl net.ipv4.ip_default_ttl"
wait_for "the default TTL is back to 64" "net.ipv4.ip_default_ttl = 64"
cmd "addr show lo"
wait_for "lo is up with its own addresses" 'inet 127.0.0.1/8 scope host lo'
check_nomatch "... and not 10.9.9.9" "$(screen)" '10\.9\.9\.9'
cmd "route show"
wait_for "the route show ran" '\$ ip route show'
check_nomatch "no route to 10.7.0.0/16 nor via veth0" "$(screen)" '10\.7\.0\.0/16|dev veth0'
key q
wait_for "q: status 0" 'EXIT=0'
done_testing
