#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The keys a lesson proposes satisfy its goal.  Every step of a shipped
# lesson that has a keys: line is started on its own (the world of the earlier steps rebuilt, as when a
# lesson is resumed) and done by the path of its keys: line, in the
# full-screen interface under tmux; the goal must then be met.  Keys that
# only show something (Enter on an interface, a namespace or a route, N,
# E) log the command whose output they show, and the `you ran` check
# sees it.
. "${TOP_SRCDIR:-$(dirname "$0")/../..}/tests/lib/common.sh"
command -v tmux >/dev/null || { echo "SKIP: tmux is needed" >&2; exit 77; }
sandbox_reexec

export TMUX_TMPDIR="$TMPD" XDG_STATE_HOME="$TMPD/state"
export NSVIZ_LESSONS_DIR="$TOP_SRCDIR/lessons" NSVIZ_THEMES_DIR="$TOP_SRCDIR/themes"
export XDG_DATA_HOME="$TMPD/data" XDG_CONFIG_HOME="$TMPD/config"
T() { tmux -L nsviz-lesson-keys -f "$TMUX_CONF" "$@"; }
trap 'T kill-server 2>/dev/null; rm -rf "$TMPD"' EXIT
key() { T send-keys -t "$S" "$@"; }
text() { T send-keys -t "$S" -l -- "$1"; }
screen() { T capture-pane -p -t "$S"; }
# wait_for ERE [TENTHS]: until the screen matches ($SCR: the last capture)
wait_for() {
	i=0
	while [ $i -lt "${2:-300}" ]; do
		SCR=$(screen)
		printf '%s\n' "$SCR" | grep -Eq -- "$1" && return 0
		sleep 0.1; i=$((i + 1))
	done
	return 1
}

# lesson N STEP: start lesson N at STEP (from 1), in a session of its own
lesson() {
	mkdir -p "$XDG_STATE_HOME/nsviz"
	printf 'lesson %d step %d\nlast %d\n' "$1" $(($2 - 1)) "$1" \
		> "$XDG_STATE_HOME/nsviz/lessons.progress"
	old_s=${S:-}
	S=k$1-$2
	T new-session -d -s "$S" -x 140 -y 44 "'$NSVIZ' lesson $1; echo EXIT=\$?; sleep 60"
	[ -n "$old_s" ] && T kill-session -t "$old_s"
	FOCUS=0
	WHAT="lesson $1 step $2"
	STEP=$2
	wait_for "\] [0-9]+/[0-9]+ +step $2: " || fail "$WHAT: the step is shown" "$SCR"
	# the goal must not hold before the keys are pressed
	wait_for "not yet: |Step $2 done"
	if printf '%s\n' "$SCR" | grep -q "Step $2 done"; then
		fail "$WHAT: the goal does not hold before its keys" "$SCR"
	fi
}

# focus N: the panel with the focus (0 namespaces, 1 interfaces, 2 routes)
focus() {
	while [ "$FOCUS" != "$1" ]; do key Tab; FOCUS=$(((FOCUS + 1) % 4)); done
}
# the rows of the namespaces panel, in order (LC_ALL=C: | is the border)
ns_rows() {
	screen | awk -F'|' '$2 ~ /^[^ ]+ +[0-9]+ +[0-9]+ +[0-9]+( +([-0-9.]+[kMGT]?))? *$/ { split($2, a, " "); print a[1] }'
}
# the rows of the interfaces panel, in order
if_rows() {
	screen | awk -F'|' '
	/\+- (> )?Interfaces in / { on = 1; next }
	on && $4 ~ /^NAME / { list = 1; next }
	on && list { if ($4 ~ /^ *$/ || $0 !~ /\|\|/) exit; split($4, a, " "); sub(/@.*/, "", a[1]); print a[1] }'
}
# if_row NAME: the row of interface NAME in the interfaces panel (a
# narrow panel cuts long names: then the row that starts the name)
if_row() {
	if_rows | awk -v want="$1" '$0 == want { print NR; f = 1; exit }
		!f && !p && length($0) >= 6 && index(want, $0) == 1 { p = NR }
		END { if (!f && p) print p }'
}
# settle: until the panels are back (a key that closed a form or left the
# capture view has been handled: the screen is read after it, not before)
settle() {
	i=0
	while SCR=$(screen); { printf '%s\n' "$SCR" | grep -q 'runs: ' ||
		! printf '%s\n' "$SCR" | grep -Eq '\+- (> )?Interfaces in '; } && [ $i -lt 50 ]; do
		sleep 0.1; i=$((i + 1)); done
}
# ns NAME: select the namespace NAME in the namespaces panel
ns() {
	focus 0
	settle
	i=0
	while n=$(ns_rows | grep -nx -- "$1" | cut -d: -f1); [ -z "$n" ] && [ $i -lt 50 ]; do
		sleep 0.1; i=$((i + 1)); done
	[ -n "$n" ] || { fail "$WHAT: namespace $1 listed" "$(screen)"; return; }
	key Home; i=1; while [ $i -lt "$n" ]; do key j; i=$((i + 1)); done
	wait_for "Interfaces in $1 " || fail "$WHAT: $1 selected" "$SCR"
}
# iface NAME: select interface NAME of the selected namespace
iface() {
	focus 1
	settle
	i=0
	while n=$(if_row "$1"); [ -z "$n" ] && [ $i -lt 50 ]; do
		sleep 0.1; i=$((i + 1)); done
	[ -n "$n" ] || { fail "$WHAT: interface $1 listed" "$(screen)"; return; }
	key Home; i=1; while [ $i -lt "$n" ]; do key j; i=$((i + 1)); done
}
# form KEY TEXT: open a form and submit TEXT in its first field
form() { key "$1"; wait_for ' runs: ' 50; text "$2"; key Enter; }
capture() { key c; wait_for 'Capture' 50; key c; }
# details: Enter opens them; any key closes them
details() {
	key Enter
	wait_for '(Interface [^ ]+ in |Namespace |Route$|Route +\|)' 50 ||
		fail "$WHAT: Enter opens the details" "$SCR"
	key Escape
	i=0; while screen | grep -Eq '(Interface [^ ]+ in |Namespace [^(])' && [ $i -lt 50 ]; do
		sleep 0.1; i=$((i + 1)); done
}
cmdline() { key :; text "$1"; key Enter; }
clear() { key BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace \
	BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace; }
# route DEST VIA: the route form in the selected namespace (its device:
# the selected interface)
route() { key r; wait_for ' runs: ' 50; text "$1"; key Tab; text "$2"; key Enter; }
done_step() {
	if wait_for "Step $STEP done" 400; then pass "$WHAT: its keys meet the goal ($1)"
	else fail "$WHAT: its keys meet the goal ($1)" "$SCR"; fi
}

lesson 1 1; key v; wait_for ' runs: ' 50; key Enter
done_step "v, Enter"
lesson 1 2; ns host; iface veth0; details; iface veth1; details
done_step "Enter on veth0, then on veth1"
lesson 1 3; ns host; iface veth0; form a 10.0.1.0/24
done_step "a 10.0.1.0/24 on veth0"
lesson 1 4; ns host; iface veth0; key u; details
done_step "u, then Enter on veth0"
lesson 2 1; key n; wait_for ' runs: ' 50; clear; text vnet; key Enter
done_step "n vnet"
lesson 2 2; ns host; iface veth1; key m; wait_for ' runs: ' 50; key Enter
done_step "m on veth1: vnet"
lesson 2 3; cmdline "link show veth1"
done_step ": link show veth1"
lesson 2 4; ns vnet; iface veth1; details
done_step "vnet, Enter on veth1"
lesson 2 5; ns vnet; iface veth1; form a 10.0.2.0/24; key u
done_step "in vnet, a 10.0.2.0/24 and u on veth1"
lesson 3 1; ns host; form p 10.0.2.1
done_step "p 10.0.2.1"
lesson 3 2; ns host; form g 10.0.2.1
done_step "g 10.0.2.1"
lesson 3 3; ns host; focus 2; details
done_step "Enter on the route"
lesson 3 4; ns host; iface veth0; form r 10.0.2.0/24; form g 10.0.2.0
done_step "r 10.0.2.0/24 on veth0, g 10.0.2.0"
lesson 3 5; ns host; form p 10.0.2.0
done_step "p 10.0.2.0"
lesson 3 6; ns host; cmdline "why 10.0.2.0"
done_step ": why 10.0.2.0"
lesson 3 7; ns host; iface veth0; capture; ns vnet; iface veth1; capture; ns host; form p 10.0.2.0
done_step "captures on veth0 and veth1, p 10.0.2.0"
lesson 3 8; ns vnet; iface veth1; form r 10.0.1.0
done_step "in vnet, r 10.0.1.0 on veth1"
lesson 3 9; ns host; form p 10.0.2.0
done_step "p 10.0.2.0"
lesson 4 1; ns vnet; key e; wait_for ' runs: ' 50; key Enter
done_step "in vnet, e: tcp 4078"
lesson 4 2; ns host; key S; wait_for ' runs: ' 50; key Enter
done_step "S: tcp 10.0.2.0 4078 hello"
lesson 4 3; key E; wait_for 'Echo servers' 50; key E
done_step "E"
lesson 4 4; ns vnet; focus 0; details
done_step "Enter on vnet"
lesson 4 5; ns vnet; iface veth1; capture; ns host; key S; wait_for ' runs: ' 50
key Tab Tab Tab BSpace BSpace BSpace BSpace BSpace; text again; key Enter
done_step "capture on veth1, S again"
lesson 5 1; cmdline "link add br0 type bridge"; ns host; iface br0; key u
done_step ": link add br0 type bridge, u on br0"
lesson 5 2; for c in red green blue; do key n; wait_for ' runs: ' 50; clear; text $c; key Enter; done
done_step "n red, green, blue"
for s in 3:red 4:green 4:blue; do
	[ "${s%:*}" = 4 ] && [ "${s#*:}" = blue ] || lesson 5 "${s%:*}"
	c=${s#*:}
	key v; wait_for ' runs: ' 50; clear; text "veth-$c"; key Tab; clear; text eth0
	key Tab; text "$c"; key Enter
	cmdline "link set veth-$c master br0"
	ns host; iface "veth-$c"; key u
	[ "$c" = green ] || done_step "v veth-$c, eth0 in $c; master br0; u"
done
lesson 5 5; for c in red:1 green:2 blue:3; do ns "${c%:*}"; iface eth0; form a "10.0.0.${c#*:}/24"; key u; done
done_step "a and u on eth0 in red, green and blue"
lesson 5 6; ns red; form p 10.0.0.2; form p 10.0.0.3
done_step "p 10.0.0.2, p 10.0.0.3 from red"
lesson 5 7; ns host; iface veth-green; capture; iface veth-blue; capture; ns red; form p 10.0.0.2
done_step "captures on veth-green and veth-blue, p from red"
lesson 6 1; ns left; iface eth0; form a 10.0.1.2/24; ns router; iface r-left; form a 10.0.1.1/24
iface r-right; form a 10.0.2.1/24; ns right; iface eth0; form a 10.0.2.2/24
done_step "a on the four ends"
lesson 6 2; ns left; form g 10.0.2.2
done_step "left, g 10.0.2.2"
lesson 6 4; ns router; iface r-left; capture; iface r-right; capture; ns left; form p 10.0.2.2
cmdline "-n router sysctl net.ipv4.ip_forward"
done_step "captures on r-left and r-right, p from left, : sysctl"
lesson 6 3; ns left; iface eth0; route default 10.0.1.1; ns right; iface eth0; route default 10.0.2.1
done_step "r default via the router in left and right"
lesson 6 5; cmdline "-n router sysctl -w net.ipv4.ip_forward=1"
done_step ": -n router sysctl -w net.ipv4.ip_forward=1"
lesson 7 1; ns one; iface eth0; key u; ns two; iface eth0; key u; ns one; form p 'fe80::ff:fe00:2%eth0'
done_step "u in one and two, p fe80::ff:fe00:2%eth0"
lesson 7 2; ns one; iface eth0; form a 2001:db8::1/64; ns two; iface eth0; form a 2001:db8::2/64
ns one; focus 2; details
done_step "a in one and two, Enter on an IPv6 route of one"
lesson 7 3; ns one; form p 2001:db8::2
done_step "p 2001:db8::2 from one"
lesson 7 4; ns one; key N
done_step "one, N"
lesson 8 1; ns a; key N
done_step "a, N"
lesson 8 2; ns a; form p 10.0.0.2; key N; key N
done_step "a, p 10.0.0.2, N twice"
lesson 8 3; ns a; key N; ns b
done_step "N, then b"
lesson 8 4; ns b; iface eth0; capture; ns a; form p 10.0.0.9
done_step "capture on eth0 in b, p 10.0.0.9 from a"
lesson 12 1; cmdline "-n left why 10.0.1.1"; cmdline "-n router link set r-left up"
done_step ": -n left why 10.0.1.1, : the fix"
lesson 12 2; cmdline "-n left why 10.0.2.2"; cmdline "-n left route replace default via 10.0.1.1"
done_step ": -n left why 10.0.2.2, : the fix"
lesson 12 3; cmdline "-n left why 10.0.2.2"; cmdline "-n router sysctl -w net.ipv4.ip_forward=1"
done_step ": -n left why 10.0.2.2, : the fix"
lesson 12 4; cmdline "-n left why 10.0.2.2"; cmdline "-n right route add 10.0.1.0/24 via 10.0.2.1"
done_step ": -n left why 10.0.2.2, : the fix"
lesson 12 5; cmdline "-n left why 10.0.2.2 proto tcp port 4078"; cmdline "-n right echo tcp port 4078"
done_step ": -n left why ... proto tcp port 4078, : the fix"
done_testing
