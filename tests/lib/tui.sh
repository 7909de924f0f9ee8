# SPDX-License-Identifier: GPL-2.0-or-later
# A real terminal for the UI tests: a private tmux server (socket under
# the test's own $TMPD) and waits on what its pane shows.  Sourced after
# common.sh; tui_start is called inside the sandbox.

# tui_start NAME: the tmux server nsviz-NAME-PID, killed (and $TMPD
# removed) when the test exits
tui_start() {
	SOCK="nsviz-$1-$$"
	export TMUX_TMPDIR="$TMPD"
	trap 'T kill-server 2>/dev/null; rm -rf "$TMPD"' EXIT
}
T() { tmux -L "$SOCK" -f "$TMUX_CONF" "$@"; }
key() { T send-keys -t m "$@"; }
screen() { T capture-pane -p -t m; }

# Every wait gives up after 250 looks 0.1 s apart (a hang guard, not a
# timing assertion).
# wait_for DESC REGEX: a test line, passed once the screen matches
wait_for() {
	_w=0
	while [ $_w -lt 250 ]; do
		if screen | grep -Eq -- "$2"; then pass "$1"; return 0; fi
		sleep 0.1; _w=$((_w + 1))
	done
	fail "$1" "screen never matched: $2" "$(screen)"
	return 1
}
# wait_gone DESC REGEX: the same, once it no longer matches
wait_gone() {
	_w=0
	while [ $_w -lt 250 ]; do
		if ! screen | grep -Eq -- "$2"; then pass "$1"; return 0; fi
		sleep 0.1; _w=$((_w + 1))
	done
	fail "$1" "screen still matches: $2" "$(screen)"
	return 1
}
# quiet_wait REGEX: wait_for without a test line; 0 when it matched
quiet_wait() {
	_w=0
	while [ $_w -lt 250 ]; do
		if screen | grep -Eq -- "$1"; then return 0; fi
		sleep 0.1; _w=$((_w + 1))
	done
	return 1
}
# wait_change OLD: until the screen differs from OLD; 0 when it did
wait_change() {
	_w=0
	while [ $_w -lt 250 ]; do
		[ "$(screen)" != "$1" ] && return 0
		sleep 0.1; _w=$((_w + 1))
	done
	return 1
}
