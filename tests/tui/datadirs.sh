#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The README's path: a binary run from its build tree finds the lessons
# and themes of its source tree with no environment variable (lesson
# --list, L in the UI, --theme light); the same binary copied elsewhere
# (as make install does) never looks in the source tree; a variable that
# is set replaces the source tree's directory.
. "${TOP_SRCDIR:-$(dirname "$0")/../..}/tests/lib/common.sh"
command -v tmux >/dev/null || { echo "SKIP: tmux is needed" >&2; exit 77; }
sandbox_reexec

unset NSVIZ_LESSONS_DIR NSVIZ_THEMES_DIR
export HOME="$TMPD/home" TMUX_TMPDIR="$TMPD" XDG_DATA_HOME="$TMPD/data" \
	XDG_CONFIG_HOME="$TMPD/config" XDG_STATE_HOME="$TMPD/state"
mkdir -p "$HOME"
T() { tmux -L nsviz-datadirs -f "$TMUX_CONF" "$@"; }
trap 'T kill-server 2>/dev/null; rm -rf "$TMPD"' EXIT
key() { T send-keys -t d "$@"; sleep 0.2; }
screen() { T capture-pane -p -J -t d -S -100; }
wait_for() {
	i=0
	while [ $i -lt 250 ]; do
		if screen | grep -Eq -- "$2"; then pass "$1"; return 0; fi
		sleep 0.1; i=$((i + 1))
	done
	fail "$1" "screen never matched: $2" "$(screen)"
	return 1
}
# wide: the log line naming where a theme was looked for must fit
start() {
	T kill-session -t d 2>/dev/null
	T new-session -d -s d -x 400 -y 44 "$*; echo EXIT=\$?; sleep 60"
}
NLESSONS=$(ls "$TOP_SRCDIR"/lessons/*.lesson | wc -l)

# ---- the build tree's binary --------------------------------------------------
run "$NSVIZ" lesson --list
check_eq "build tree: lesson --list, no variable: exit 0" "$RC" 0
check_eq "... every lesson of the source tree" "$(printf '%s\n' "$OUT" | wc -l)" "$NLESSONS"
check_match "... lesson 1 first" "$OUT" '^ 1  The veth pair'
# through a symbolic link: the binary is still the build tree's
mkdir -p "$TMPD/bin"
ln -s "$NSVIZ" "$TMPD/bin/nsviz-link"
run "$TMPD/bin/nsviz-link" lesson --list
check_eq "... also through a symbolic link" "$(printf '%s\n' "$OUT" | wc -l)" "$NLESSONS"
# a variable that is set takes the source tree's place
mkdir -p "$TMPD/mine"
sed 's/^lesson 1 .*/lesson 1 Mine/' "$TOP_SRCDIR/lessons/01-veth-pair.lesson" \
	>"$TMPD/mine/01.lesson"
run env NSVIZ_LESSONS_DIR="$TMPD/mine" "$NSVIZ" lesson --list
check_match "NSVIZ_LESSONS_DIR replaces the source tree's lessons" "$OUT" '^ 1  Mine '
check_eq "... only its lesson" "$(printf '%s\n' "$OUT" | wc -l)" 1

start "'$NSVIZ' --theme light"
wait_for "the UI is up" 'Namespaces \('
check_eq "--theme light is found, no variable" \
	"$(screen | grep -c "not found")" 0
key L
wait_for "L lists the source tree's lessons" 'The veth pair'
check_eq "... not 'no lessons installed'" \
	"$(screen | grep -c "no lessons installed")" 0

# ---- the same binary installed elsewhere ----------------------------------------
cp "$NSVIZ" "$TMPD/bin/nsviz"
if command -v strace >/dev/null; then
	strace -f -qq -e trace=file -o "$TMPD/trace" "$TMPD/bin/nsviz" lesson --list \
		>/dev/null 2>&1
	# (it may stat the configured build dir, to compare it with its own
	# dir; a build dir inside the source tree is not the source tree)
	check_eq "installed copy: lesson --list opens nothing in the source tree" \
		"$(grep -F "$TOP_SRCDIR/" "$TMPD/trace" |
			grep -vF "(AT_FDCWD, \"$(dirname "$NSVIZ")\", {")" ""
	check_match "... (the trace shows the installed datadir)" \
		"$(cat "$TMPD/trace")" "$NSVIZ_PKGDATADIR/lessons"
fi
if [ ! -d "$NSVIZ_PKGDATADIR" ]; then
	run "$TMPD/bin/nsviz" lesson --list
	check_eq "installed copy, nothing installed: no lessons (exit 1)" "$RC" 1
	check_match "... says so" "$ERR" '^nsviz: no lessons found'
	start "'$TMPD/bin/nsviz' --theme light"
	wait_for "installed copy: light is not found" "theme 'light' not found"
	check_eq "... it looked in the installed datadir, not the source tree" \
		"$(screen | grep -c -F "$TOP_SRCDIR")" 0
	wait_for "... where it looked: the installed datadir" "$NSVIZ_PKGDATADIR/themes"
else
	echo "# $NSVIZ_PKGDATADIR exists: the 'nothing installed' cases are skipped"
fi

done_testing
