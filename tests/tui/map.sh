#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The topology view ("the map") at 30 namespaces on a 120x36 terminal,
# driven through tmux in the sandbox: every wire's two ends are named
# (the interface, and where its wire goes) inside the right boxes, found
# by selecting each box with ] and panning with the arrows; the arrows
# pan away from the selected box; z shows the whole map at once; Enter
# opens the selected namespace's panels; a capture is marked on its row;
# f follows a wire to its other end, Tab picks the next interface, c
# captures on it; a click selects the box under it.
#
# The world: n01..n30, each wired to the host (vhNN <-> eth0), a chain
# n01 - n02 - ... - n10 (eth1 <-> eth2), n30's pair down.  The UI runs in
# the C locale: ASCII glyphs, a selected box drawn with '#' and '='.
. "${TOP_SRCDIR:-$(dirname "$0")/../..}/tests/lib/common.sh"
command -v tmux >/dev/null || { echo "SKIP: tmux is needed" >&2; exit 77; }
. "${TOP_SRCDIR:-$(dirname "$0")/../..}/tests/lib/tui.sh"
sandbox_reexec

tui_start map

# the inside of the selected box (#= NAME = on its top border) on the
# screen, a line per row; with COLS "c0 c1" from a previous screen, the
# rows between those columns whose both ends are a border or a port
# (the top may be panned out of view)
selected_rows() {
	awk -v name="$1" -v cols="${2:-}" '
	BEGIN { if (cols != "") { split(cols, c, " "); c0 = c[1]; c1 = c[2]; inbox = 1 } }
	{
		if (!inbox) {
			p = index($0, "#= " name " =")
			if (p) {
				c0 = p
				rest = substr($0, p + 1)
				c1 = p + index(rest, "#")
				inbox = 1
				print "COLS " c0 " " c1
			}
			next
		}
		s = substr($0, c0, c1 - c0 + 1)
		l = substr(s, 1, 1); r = substr(s, length(s), 1)
		if (s ~ /^#=+#$/) { print "BOTTOM"; exit }
		if ((l == "#" || l == "+") && (r == "#" || r == "+") && length(s) == c1 - c0 + 1)
			print s
	}'
}

B="$TMPD/net"
: >"$B"
i=1
while [ $i -le 30 ]; do
	n=$(printf '%02d' $i)
	cat >>"$B" <<EOF
netns add n$n
link add vh$n type veth peer name eth0 netns n$n
link set vh$n up
-n n$n addr add 10.1.$i.2/24 dev eth0
EOF
	[ $i -eq 30 ] || echo "-n n$n link set eth0 up" >>"$B"
	i=$((i + 1))
done
i=1
while [ $i -le 9 ]; do
	n=$(printf '%02d' $i); m=$(printf '%02d' $((i + 1)))
	cat >>"$B" <<EOF
-n n$n link add eth1 type veth peer name eth2 netns n$m
-n n$n link set eth1 up
-n n$m link set eth2 up
EOF
	i=$((i + 1))
done
check_rc "30 namespaces wired to the host, a chain of 10" 0 "$NSVIZ" -b "$B"

# the ends each box must name: "NS IF PEER" (PEER: where the wire goes)
E="$TMPD/ends"
: >"$E"
i=1
while [ $i -le 30 ]; do
	n=$(printf '%02d' $i)
	echo "host vh$n n$n:eth0" >>"$E"
	echo "n$n eth0 host:vh$n" >>"$E"
	if [ $i -le 9 ]; then
		m=$(printf '%02d' $((i + 1)))
		echo "n$n eth1 n$m:eth2" >>"$E"
		echo "n$m eth2 n$n:eth1" >>"$E"
	fi
	i=$((i + 1))
done

T new-session -d -s m -x 120 -y 36 "cd '$TMPD' && '$NSVIZ'; echo EXIT=\$?; sleep 60"
wait_for "the UI is up" 'Namespaces \(31\)'
key t
wait_for "t: the map, the host selected" '#= host =+'

# ---- the host's box, panned down with the arrows ------------------------------
R="$TMPD/rows"
S=$(screen)
printf '%s\n' "$S" | selected_rows host >"$R"
cols=$(sed -n 's/^COLS //p' "$R")
steps=0
while ! grep -q '^BOTTOM' "$R" && [ $steps -lt 20 ]; do
	key Down Down Down Down Down Down Down Down Down Down   # 20 rows
	wait_change "$S" || break
	S=$(screen)
	printf '%s\n' "$S" | selected_rows host "$cols" >>"$R"
	steps=$((steps + 1))
done
if [ $steps -gt 0 ] && ! printf '%s\n' "$S" | grep -q '#= host ='; then
	pass "arrows pan away from the selected box (its top left the screen)"
else
	fail "arrows pan away from the selected box" "$steps steps" "$S"
fi
check_eq "... down to the host box's bottom" "$(grep -c '^BOTTOM' "$R")" 1

# every end in NS's box: a row "IF ... > PEER" with a port on a border
check_ends() {
	_ns=$1
	_bad=
	while read -r ns ifn peer; do
		[ "$ns" = "$_ns" ] || continue
		grep -Eq -- "^[#+] $ifn .*> $peer +[#+]\$" "$R" &&
			grep -E -- "^[#+] $ifn .*> $peer +[#+]\$" "$R" | grep -Eq '^\+|\+$' ||
			_bad="$_bad $ifn>$peer"
	done <"$E"
	if [ -z "$_bad" ]; then
		pass "$_ns: every wire's end named in its box, with its port"
	else
		fail "$_ns: every wire's end named in its box" "missing:$_bad" "$(cat "$R")"
	fi
}
check_ends host

# ---- every namespace's box, selected with ] -------------------------------------
i=1
while [ $i -le 30 ]; do
	n=$(printf '%02d' $i)
	key ']'
	if quiet_wait "#= n$n =+#"; then
		screen | selected_rows "n$n" >"$R"
		check_ends "n$n"
	else
		fail "] selects n$n, its box in view" "" "$(screen)"
	fi
	i=$((i + 1))
done

# a down pair is dashed: n30 is selected, its wire leaves its box's port
# (on the left or the right border)
S=$(screen)
check_match "n30's pair (down) is drawn dashed from its port" "$S" \
	'[.:]\+ eth0 DOWN/DOWN .*> host:vh30 +#|# eth0 DOWN/DOWN .*> host:vh30 +\+[.:]'
check_match "... an up pair solid" "$S" \
	'[-|]\+ eth0 UP/UP .*> host:vh29 +\||\| eth0 UP/UP .*> host:vh29 +\+-'

# ---- z: the whole map at once -------------------------------------------------------
# (it fits the screen when the wires allow: 30 namespaces wired to the
# host alone do, see test_topo; the chain's boxes here need a row per
# wire, so it is panned down once or twice)
key z
wait_for "z: the overview" 'Topology overview'
# n30 (selected) is in view: up to the top, then down a screen at a time
key Up Up Up Up Up Up Up Up Up Up Up Up Up Up Up Up Up Up Up Up Up Up Up Up Up
wait_for "... panned up to the host" '[|#+] host +[|#+]'
S=$(screen)
printf '%s\n' "$S" >"$TMPD/ov"
steps=0
while [ $steps -lt 5 ]; do
	key Down Down Down Down Down Down Down Down Down Down
	wait_change "$S" || break
	S=$(screen)
	printf '%s\n' "$S" >>"$TMPD/ov"
	steps=$((steps + 1))
done
missing=
for n in host $(seq -f 'n%02g' 1 30); do
	grep -Eq -- "[][|#+] $n +[][|#+]" "$TMPD/ov" || missing="$missing $n"
done
check_eq "the overview: every namespace by name, the map $((steps + 1)) screens tall" \
	"$missing" ""
check_eq "... at most 3 screens (the full map is more than 6 here)" \
	"$([ $steps -le 2 ] && echo yes)" yes
check_match "... the selected one drawn double" "$(cat "$TMPD/ov")" '# n30 +[#+]'
check_match "... the one-row boxes as [ name ]" "$(cat "$TMPD/ov")" '\[ n2[0-9] \+'
check_nomatch "... and no interface inside the boxes" "$(cat "$TMPD/ov")" 'eth0|vh0'
key z
wait_for "z again: full size" 'Topology  \('

# ---- Enter: the selected namespace's panels -------------------------------------------
key Enter
wait_for "Enter opens the selected namespace's panels" 'Interfaces in n30'
check_nomatch "... instead of the map" "$(screen)" 'Topology'

# ---- a capture is marked on its wire's end --------------------------------------------
key BTab
key k
wait_for "n29 in the panels" 'Interfaces in n29'
key Tab
key j
key c
wait_for "c captures on n29's eth0" 'eth0 in n29 +seen'
key t
wait_for "the map marks the capture at the end of its row" \
	'[#+] eth0 UP/UP .*> host:vh29 \[cap\] +[#+]'
check_nomatch "... and no other" "$(screen)" 'vh2[0-8] \[cap\]|vh30 \[cap\]'

# ---- in the map: f follows the wire, c captures, Tab picks the next ------------------
key f
wait_for "f: the other end of eth0's wire, in the host" '#= host =+#'
key c
wait_for "... c captures there: vh29 in the host" 'vh29 in host +seen'
key t
wait_for "back to the map" 'Topology  \('
key Tab
key c
wait_for "Tab picks the host's next interface: c captures on vh30" 'vh30 in host +seen'
key t
wait_for "back to the map" 'Topology  \('
# ---- a click selects the box under it ------------------------------------------------
# (X10 mouse reports, as the tests' TERM=screen has them: ESC [ M, then
# button, column and row, each plus 32, 1-based)
at=$(screen | awk '{ p = index($0, "+- n"); if (p && p < 90) { print p - 1, NR - 1, substr($0, p + 3, 3); exit } }')
if [ -n "$at" ]; then
	set -- $at
	xy=$(printf "\\$(printf '%03o' $(($1 + 33)))\\$(printf '%03o' $(($2 + 33)))")
	T send-keys -t m -l "$(printf '\033[M ')$xy"
	T send-keys -t m -l "$(printf '\033[M#')$xy"
	wait_for "a click on $3's box selects it" "#= $3 =+#"
else
	fail "a box's title to click on" "" "$(screen)"
fi

key q
wait_for "q quits with status 0" 'EXIT=0'

done_testing
