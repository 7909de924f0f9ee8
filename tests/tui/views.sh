#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The UI's capture and echo-server views, driven through tmux in the
# sandbox: captures on both ends of the tutorial's veth pair (live lines,
# pause, filter, merge, save as .pcap), and an echo server started,
# answered and stopped with keys.
. "${TOP_SRCDIR:-$(dirname "$0")/../..}/tests/lib/common.sh"
command -v tmux >/dev/null || { echo "SKIP: tmux is needed" >&2; exit 77; }
# tui_tutorial; the helpers below are this test's own (they replace tui.sh's)
. "${TOP_SRCDIR:-$(dirname "$0")/../..}/tests/lib/tui.sh"
sandbox_reexec

SOCK="nsviz-views"
export TMUX_TMPDIR="$TMPD"
T() { tmux -L "$SOCK" -f "$TMUX_CONF" "$@"; }
trap 'T kill-server 2>/dev/null; rm -rf "$TMPD"' EXIT
key() { T send-keys -t v "$@"; sleep 0.2; }
text() { T send-keys -t v -l -- "$1"; sleep 0.1; }
screen() { T capture-pane -p -t v; }
# wait_for DESC REGEX: up to 8 s for the screen to match
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

tui_tutorial

T new-session -d -s v -x 120 -y 40 "cd '$TMPD' && NSVIZ_THEMES_DIR='$TOP_SRCDIR/themes' '$NSVIZ'; echo EXIT=\$?; sleep 60"
wait_for "the UI is up" 'Namespaces \(2\)'

# ---- captures ---------------------------------------------------------------
key Tab; key j                     # interfaces panel, veth0
key c
wait_for "c opens a capture on veth0" 'veth0 in host +seen [0-9]+'
cmd "ping -c 2 -i 0.3 10.0.2.0"
wait_for "live lines as tcpdump -n prints them" \
	'[0-9:.]+ IP 10\.0\.1\.0 > 10\.0\.2\.0: ICMP echo request, id [0-9]+, seq 1, length 64'
wait_for "... and the replies" 'IP 10\.0\.2\.0 > 10\.0\.1\.0: ICMP echo reply'
key Space
wait_for "Space pauses" 'PAUSED'
key Space
# the key bar and the help are the capture view's, made from its key table
wait_for "the key bar is the capture view's" \
	'^TabNext SpacePause fFilter EnterDetail EndFollow wSave l-e V-v XHex TTime CClear MMerge xClose cBack qQuit'
key '?'
wait_for "? in the capture view: its keys first" '\| The captures +\|'
wait_for "... each with what it does" 'X +-x, -X, -XX, -A and none'
wait_for "... then the keys of everywhere" '\| Everywhere +\|'
key Escape
wait_for "Esc closes the help: the capture is there" 'veth0 in host +seen [0-9]+'
key f; text "arp"; key Enter
wait_for "f sets a live filter" 'filter: arp'
key w; key C-u; text "$TMPD/saved.pcap"; key Enter
wait_for "w saves the ring" "saved veth0 in host to"
if [ -s "$TMPD/saved.pcap" ] && command -v tcpdump >/dev/null; then
	check_match "the saved file is a pcap tcpdump reads" \
		"$(tcpdump -n -r "$TMPD/saved.pcap" 2>/dev/null)" 'ICMP echo request'
else
	check_eq "the saved file exists" "$(test -s "$TMPD/saved.pcap" && echo yes)" "yes"
fi
# a second capture, inside vnet, and both merged
key c                              # back to the panels
key BTab; key j; key Tab; key j    # vnet, its veth1
key c
wait_for "a second capture, in vnet" 'veth1 in vnet +seen'
key M
cmd "ping -c 1 10.0.2.0"
wait_for "M merges the captures with where each line was seen" \
	'\[veth1 in vnet\] [0-9:.]+ IP 10\.0\.1\.0 > 10\.0\.2\.0: ICMP echo request'
key M
key x; key x
wait_for "x closes captures" 'capture on veth0 in host closed'

# ---- echo servers ------------------------------------------------------------
key e; key Enter                   # tcp 4078 in vnet (selected)
wait_for "e starts a server: the servers view" 'tcp +0\.0\.0\.0:4078'
check_match "the server runs in vnet (netns pids)" "$(ip netns pids vnet)" '^[0-9]+$'
key E
key BTab; key k                    # the host
key S; key Enter
wait_for "S sends from the host: the reply" '\] hello'
check_match "netcat gets the same answer" \
	"$( (echo hello | nc -4 -q1 10.0.2.0 4078) 2>/dev/null || echo '(no nc)')" '^\[[0-9 :-]+\] hello$|no nc'
key E
wait_for "the servers view counts the message" 'tcp +0\.0\.0\.0:4078 +[0-9]+ +[0-9]+ +[1-9]'
key k
wait_for "k stops it" 'stopped'
i=0
while [ -n "$(ip netns pids vnet)" ] && [ $i -lt 30 ]; do sleep 0.1; i=$((i + 1)); done
check_eq "no process left in vnet" "$(ip netns pids vnet)" ""
key E
# ---- the neighbour table ------------------------------------------------------
key N
wait_for "N shows the neighbour table as ip neigh prints it" \
	'10\.0\.2\.0 dev veth0 lladdr ([0-9a-f]{2}:){5}[0-9a-f]{2} (REACHABLE|STALE|DELAY|PROBE)'
check_match "... the same entry the kernel has" "$(ip neigh show 10.0.2.0)" \
	'^10\.0\.2\.0 dev veth0 lladdr'
key N
wait_for "N again: the routes" 'Routes in host'
key q
wait_for "q quits with status 0" 'EXIT=0'

done_testing
