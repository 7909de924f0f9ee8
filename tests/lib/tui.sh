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
# key KEY...: tmux's key names; text STRING: typed as it is; cmd LINE: on
# nsviz's command line.  TUI_PAUSE=S: a pause of S seconds after each
# (for the tests that let nsviz settle between keys)
key() { T send-keys -t m "$@"; [ -z "${TUI_PAUSE:-}" ] || sleep "$TUI_PAUSE"; }
text() { T send-keys -t m -l -- "$1"; [ -z "${TUI_PAUSE:-}" ] || sleep 0.1; }
cmd() { key :; text "$1"; key Enter; }
screen() { T capture-pane -p -t m; }

# tui_tutorial: the tutorial's network (veth0 10.0.1.0/24 here, veth1
# 10.0.2.0/24 in vnet, routes both ways), made by nsviz -b: a test line
tui_tutorial() {
	cat >"$TMPD/tut" <<'B'
link add veth0 type veth peer name veth1
addr add 10.0.1.0/24 dev veth0
link set veth0 up
netns add vnet
link set veth1 netns vnet
-n vnet addr add 10.0.2.0/24 dev veth1
-n vnet link set veth1 up
route add 10.0.2.0/24 dev veth0 scope link
-n vnet route add 10.0.1.0 dev veth1 scope link
B
	check_rc "the tutorial's network" 0 "$NSVIZ" -b "$TMPD/tut"
}

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
