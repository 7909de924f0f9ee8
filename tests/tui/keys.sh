#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# keys.sh - what a newcomer meets first, end to end in tmux inside the test
# sandbox: the route form with a gateway, the address choices of the ping
# and route-get forms, ping's own outcome in the log, Tab completion after
# abbreviations, the arrows stopping at the edges, the focused panel
# marked without colour, the log's scrolling, readline's editing keys in
# forms and on the : line, the mouse wheel, the : history kept between
# sessions, and an unnamed namespace appearing without a key.
. "${TOP_SRCDIR:-$(dirname "$0")/../..}/tests/lib/common.sh"
command -v tmux >/dev/null || { echo "SKIP: tmux is needed" >&2; exit 77; }
# tui_tutorial; the helpers below are this test's own (they replace tui.sh's)
. "${TOP_SRCDIR:-$(dirname "$0")/../..}/tests/lib/tui.sh"
sandbox_reexec

SOCK="nsviz-keys-$$"
unset TMUX TMUX_PANE
export TMUX_TMPDIR="$TMPD" HOME="$TMPD/home" XDG_CONFIG_HOME="$TMPD/config"
export XDG_STATE_HOME="$TMPD/state" NSVIZ_THEMES_DIR="$TOP_SRCDIR/themes"
mkdir -p "$HOME" "$XDG_CONFIG_HOME"
T() { tmux -L "$SOCK" -f "$TMUX_CONF" "$@"; }
trap 'T kill-server 2>/dev/null; rm -rf "$TMPD"' EXIT
trap 'exit 1' INT TERM HUP

now_ms() { echo $(($(date +%s%N) / 1000000)); }
S=k                                # the session the helpers talk to
key() { T send-keys -t "$S" "$@"; }
text() { T send-keys -t "$S" -l -- "$1"; }
screen() { T capture-pane -p -t "$S"; }
# wait_for REGEX [SECONDS]: poll the screen until a line matches
wait_for() {
	_end=$(($(now_ms) + ${2:-10} * 1000))
	while :; do
		SCREEN=$(screen)
		printf '%s\n' "$SCREEN" | grep -Eq -- "$1" && return 0
		[ "$(now_ms)" -ge "$_end" ] && return 1
		sleep 0.05
	done
}
wait_gone() {
	_end=$(($(now_ms) + ${2:-10} * 1000))
	while :; do
		SCREEN=$(screen)
		printf '%s\n' "$SCREEN" | grep -Eq -- "$1" || return 0
		[ "$(now_ms)" -ge "$_end" ] && return 1
		sleep 0.05
	done
}
see() {
	if wait_for "$2" "${3:-10}"; then pass "$1"; else
		fail "$1" "no line of the screen matches: $2" "screen:" "$SCREEN"
	fi
}
unseen() {
	if wait_gone "$2" "${3:-10}"; then pass "$1"; else
		fail "$1" "the screen still matches: $2" "screen:" "$SCREEN"
	fi
}
# kernel DESC SHELL-CONDITION: true within 5 s
kernel() {
	_end=$(($(now_ms) + 5000))
	while ! sh -c "$2" >/dev/null 2>&1; do
		if [ "$(now_ms)" -ge "$_end" ]; then
			fail "$1" "still false after 5 s: $2"
			return
		fi
		sleep 0.05
	done
	pass "$1"
}
cmd() { key :; text "$1"; key Enter; }
# mouse BUTTON X Y: an xterm (X10) mouse report, as the terminal sends it
# for a click (0) or the wheel (64 up, 65 down) at column X, row Y (from 0)
mouse() {
	text "$(printf '\033[M%b%b%b' "\\$(printf %03o $((32 + $1)))" \
		"\\$(printf %03o $((33 + $2)))" "\\$(printf %03o $((33 + $3)))")"
}
# nsviz NAME [ENV...]: a 120x36 session running nsviz, then its exit status
nsviz() {
	S=$1
	shift
	T new-session -d -s "$S" -x 120 -y 36 \
		"cd '$TMPD' && env $* '$NSVIZ'; echo EXIT=\$?; sleep 600"
	wait_for 'Namespaces \([0-9]+\)' || { fail "nsviz starts" "$SCREEN"; exit 1; }
}
quit() {
	key q
	see "q quits ($S)" '^EXIT=0'
	T kill-session -t "$S"
}

tui_tutorial
printf 'netns add lone\n-n lone link set lo up\n' >"$TMPD/lone"
check_rc "... and a namespace with no route" 0 "$NSVIZ" -b "$TMPD/lone"
T new-session -d -s keep "exec sleep 1000000" || exit 99

nsviz k
# ==== the panels: arrows stop at the edges; focus shown without colour ======
see "the focused panel is marked in its title" '[>] Namespaces \(3\)'
key Left
see "Left on the namespaces stays there (no wrap to the log)" '[>] Namespaces \(3\)'
check_nomatch "... the log is not focused" "$SCREEN" '[>] Log'
key Right
see "Right: the interfaces" '[>] Interfaces in host'
check_nomatch "... and only they are marked" "$SCREEN" '[>] Namespaces'
key Right Right
see "Right twice more: the log" '[>] Log'
key Right
see "Right on the log stays there" '[>] Log'
key Tab
see "Tab wraps to the namespaces" '[>] Namespaces \(3\)'

# ==== the route form: no dev lo, a gateway alone ============================
key Down Down                      # host, lone, vnet: vnet (lo selected)
see "vnet selected" 'Interfaces in vnet'
key r
see "r: the route form in vnet" 'Add a route in vnet'
check_nomatch "the device is not lo" "$SCREEN" 'dev lo'
text "default"; key Tab; text "10.0.1.0"
see "with a gateway the form leaves dev out" \
	'runs: -n vnet route add default via 10\.0\.1\.0 +[|]'
key Enter
kernel "default via 10.0.1.0 in vnet (kernel)" \
	'ip -n vnet route show default | grep -q "via 10.0.1.0 dev veth1"'
see "... logged, and the kernel agreed" 'ok *[|]?$'
check_nomatch "no Nexthop error" "$SCREEN" 'Nexthop has invalid gateway'

# ==== the ping and route-get forms offer the other namespaces' addresses ====
key Up Up                          # the host
see "host selected" 'Interfaces in host'
key p
see "p: the ping form" 'Ping from the host'
see "... it lists the addresses of the other namespaces" \
	'Up/Down: 10\.0\.2\.0 \(vnet veth1\)'
key Down
see "Down picks one" 'runs: ping -c 3 10\.0\.2\.0 '
key Escape
key g
see "g: the route-get form offers them too" 'Up/Down: 10\.0\.2\.0 \(vnet veth1\)'
key Down
see "... Down picks one" 'runs: route get 10\.0\.2\.0 '
key Enter
see "route get: the kernel's answer" '10\.0\.2\.0 dev veth0 src 10\.0\.1\.0'

# ==== ping's own outcome only ===============================================
key Down                           # lone: no route anywhere
see "lone selected" 'Interfaces in lone'
cmd "-n lone ping -c 1 10.0.2.0"
see "ping says why" 'ping: connect: Network is unreachable'
unseen "the ping ends" 'ping running'
check_nomatch "no made-up 'no reply' after it" "$SCREEN" 'no reply'
see "a failed ping offers why" 'where it stops, and why: W, or :-n lone why 10\.0\.2\.0'
key Up
cmd "ping -c 1000 -i 0.2 10.0.2.0"
see "a long ping runs" 'icmp_seq=2 '
mouse 64 10 32                     # wheel up over the log
see "the log scrolled back while ping runs" 'Log \(3 lines back'
see "... its new lines keep the view where it is" \
	'Log \(([4-9]|[1-9][0-9]+) lines back'
key Escape
key End
see "Esc stops it: ping's statistics, as on ^C" 'packets transmitted, [0-9]+ received'
see "... and it got replies" 'ping: replies came'
check_nomatch "... not 'no reply'" "$SCREEN" 'no reply'

# ==== Tab completion after abbreviations ====================================
key :
text "ro a 10.0.3.0/24 dev ve"
key Tab
see "ro a ... dev ve<Tab> completes the device" '^:ro a 10\.0\.3\.0/24 dev veth0 *$'
key Enter
kernel "... and runs (kernel)" 'ip route show 10.0.3.0/24 | grep -q "dev veth0"'

# ==== readline's keys on the : line and in forms ============================
key :
text "route add 10.0.4.0/24 dev nosuch"
key C-w
see "C-w deletes the word before the cursor" '^:route add 10\.0\.4\.0/24 dev *$'
key C-a
text "ip "
see "C-a goes to the start" '^:ip route add 10\.0\.4\.0/24 dev *$'
key C-e
text "veth0"
see "C-e goes to the end" '^:ip route add 10\.0\.4\.0/24 dev veth0 *$'
key Enter
kernel "... the edited line runs (kernel)" \
	'ip route show 10.0.4.0/24 | grep -q "dev veth0"'
key :
text "garbage here"
key Left Left Left Left
key C-u
see "C-u deletes up to the cursor" '^:here *$'
key Escape
key n
see "n: the namespace form" 'runs: netns add ns1'
key C-w
see "C-w in a form field" 'runs: netns add +[|]'
text "xyz"; key C-a; text "q"
see "C-a in a form field" 'runs: netns add qxyz'
key C-e; text "w"
see "C-e in a form field" 'runs: netns add qxyzw'
key C-u
see "C-u in a form field" 'runs: netns add +[|]'
key Escape

# ==== the log: scrolled with keys and the wheel, and said so ================
i=0
while [ $i -lt 12 ]; do cmd "netns list"; i=$((i + 1)); done
key Left Left Left Right Right Right
see "the focused log says how it scrolls" '[>] Log \(Up/Down, PgUp/PgDn scroll\)'
key PPage
see "PgUp scrolls the log back, and says so" 'Log \([0-9]+ lines back; End: the newest\)'
key End
see "End: the newest again" '[>] Log \(Up/Down'
mouse 64 10 32                     # wheel up over the log
see "the wheel over the log scrolls it" 'Log \(3 lines back'
mouse 65 10 32
see "... and back" '[>] Log \(Up/Down'
mouse 65 5 5                       # wheel down over the namespaces
see "the wheel over the namespaces moves the selection" 'Interfaces in lone'
see "... and focuses them" '[>] Namespaces'
mouse 64 5 5
see "... wheel up: back" 'Interfaces in host'
# + and - resize the log
log_rows() {
	screen | awk '/^\+- (> )?Log/ { f = 1; next }
		f && /^\+-+\+$/ { print n + 0; exit } f { n++ }'
}
check_eq "the log shows 6 lines on 36 rows" "$(log_rows)" 6
key + + +
i=0
while [ "$(log_rows)" != 12 ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
check_eq "+ three times: the log grows to 12 lines" "$(log_rows)" 12
see "... showing more of it" '^[|]\$ ip netns list'
key - - - - - - - - -
i=0
while [ "$(log_rows)" != 2 ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
check_eq "- shrinks it, down to 2 lines" "$(log_rows)" 2
key + +
i=0
while [ "$(log_rows)" != 6 ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
check_eq "... and + brings it back" "$(log_rows)" 6
key '?'
see "help: the log's keys" 'log: Tab to it, then Up/Down, PgUp/PgDn, Home/End'
see "help: the wheel" 'mouse: a click selects, the wheel scrolls what is under it'
see "help: the editing keys" 'Ctrl-A/E start/end, Ctrl-U/W delete to the start, a word back'
key Escape

# ==== an unnamed namespace appears (and goes) without a key =================
see "three namespaces before" 'Namespaces \(3\)'
unshare --net sleep 300 &
UNNAMED=$!
see "unshare --net sleep, started outside the UI, appears by itself" \
	'Namespaces \(4\)'
see "... named by its process" "pid $UNNAMED \\(sleep\\)"
kill "$UNNAMED"
wait "$UNNAMED" 2>/dev/null
see "... and goes when its process ends" 'Namespaces \(3\)'
quit

# ==== w saves the world, o opens a file: its changes, then applied ==========
nsviz w
key w
see "w: a file name is proposed in the current directory" \
	'^save the world to: lab\.nsviz *$'
key Enter
see "... Enter saves it, and says how many commands" \
	'saved the world to lab\.nsviz: [0-9]+ commands'
check_match "the file rebuilds the tutorial" "$(cat "$TMPD/lab.nsviz")" \
	'ip -n vnet route add 10\.0\.1\.0/32 dev veth1'
key w
see "w again proposes the same file" '^save the world to: lab\.nsviz *$'
key Escape
# the world changes behind the UI's back: o shows what applying undoes
ip -n vnet route del 10.0.1.0/32 dev veth1
ip link set veth0 mtu 1400
key o
see "o: the last file is proposed" '^open topology: lab\.nsviz *$'
key Enter
see "... Enter shows what applying it runs, to confirm" \
	'Applying lab\.nsviz runs these 2 commands'
check_match "... the mtu set back" "$SCREEN" 'ip link set veth0 mtu 1500'
check_match "... and the route made again" "$SCREEN" \
	'ip -n vnet route add 10\.0\.1\.0/32 dev veth1'
check_eq "... nothing is changed before y" \
	"$(ip -n vnet route show 10.0.1.0/32; ip -o link show veth0 | grep -c 'mtu 1400')" "1"
key y
see "y applies it" 'applied: 2 changes'
kernel "... the route is back" \
	'ip -n vnet route show 10.0.1.0/32 | grep -q veth1'
kernel "... and the mtu" 'ip -o link show veth0 | grep -q "mtu 1500"'
key o
key Enter
see "o again: nothing to apply" \
	'lab\.nsviz: the live world matches it, nothing to apply'
printf 'netns add x1\nlink set nothere up\n' >"$TMPD/bad.nsviz"
key o
key C-u
text bad.nsviz
key Enter
see "a file that fails: its line and message, nothing changed" \
	'open bad\.nsviz: bad\.nsviz:2: nothere: no such device.*\(nothing was changed\)'
check_eq "... x1 was not made" "$(ip netns list | grep -c '^x1')" "0"
quit

# ==== the : history outlives the session ====================================
H="$XDG_STATE_HOME/nsviz/history"
check_match "the history file holds the : lines" "$(cat "$H" 2>&1)" \
	'^ro a 10\.0\.3\.0/24 dev veth0 ?$'
check_eq "... each once when repeated, the newest last" \
	"$(grep -c '^netns list$' "$H"; tail -n 1 "$H")" "1
netns list"
check_eq "... and only the file itself is there (written by rename)" \
	"$(ls -A "$XDG_STATE_HOME/nsviz")" "history"
nsviz h2
key :
key Up
see "a new session: Up brings back the last command" '^:netns list *$'
key Up
see "... and the one before" '^:ip route add 10\.0\.4\.0/24 dev veth0 *$'
key Escape
quit
# a state directory that cannot be written: no file, no complaint
mkdir -p "$TMPD/ro/nsviz"
if mount --bind "$TMPD/ro" "$TMPD/ro" 2>/dev/null &&
	mount -o remount,bind,ro "$TMPD/ro" 2>/dev/null; then
	nsviz h3 XDG_STATE_HOME="$TMPD/ro"
	cmd "netns list"
	see "read-only state dir: the command runs" '\$ ip netns list'
	check_nomatch "... and nothing is said about the history" "$SCREEN" \
		'history|Read-only|ermission'
	key :
	key Up
	see "... which lives on in memory" '^:netns list *$'
	key Escape
	quit
	check_eq "... no file was made" "$(ls -A "$TMPD/ro/nsviz")" ""
	umount "$TMPD/ro"
else
	echo "# (no read-only bind mount here: that check skipped)"
fi

done_testing
