#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The lesson panel shows all of every step: every step of every shipped
# lesson, at 80x24 and at 120x36, is paged through with ] and each of its
# commands (do: lines) and its hint must be on the panel whole, wrapped
# at blanks (a line that goes on ends in a backslash), never cut.
. "${TOP_SRCDIR:-$(dirname "$0")/../..}/tests/lib/common.sh"
command -v tmux >/dev/null || { echo "SKIP: tmux is needed" >&2; exit 77; }
sandbox_reexec

export TMUX_TMPDIR="$TMPD" XDG_STATE_HOME="$TMPD/state"
export NSVIZ_LESSONS_DIR="$TOP_SRCDIR/lessons" NSVIZ_THEMES_DIR="$TOP_SRCDIR/themes"
export XDG_DATA_HOME="$TMPD/data" XDG_CONFIG_HOME="$TMPD/config"
T() { tmux -L nsviz-lesson-panel -f "$TMUX_CONF" "$@"; }
trap 'T kill-server 2>/dev/null; rm -rf "$TMPD"' EXIT
screen() { T capture-pane -p -t "$S"; }

# wait_screen ERE: until the screen matches (the screen is then in $SCR)
wait_screen() {
	i=0
	while [ $i -lt 300 ]; do
		SCR=$(screen)
		if printf '%s\n' "$SCR" | grep -Eq -- "$1"; then return 0; fi
		sleep 0.1; i=$((i + 1))
	done
	return 1
}

# The lesson panel's body in $SCR (LC_ALL=C: one byte a column): the
# columns from the panel's title on; the lines above the key line that
# the position (A-B/N) says are shown.  Prints "A B N", then the lines.
panel() {
	printf '%s\n' "$SCR" | awk '
	{ S[NR] = $0; if (!c && (i = index($0, " Lesson ")) > 0) c = i }
	END {
		if (!c) exit 1
		for (i = 1; i <= NR; i++) L[i] = substr(S[i], c)
		for (i = 1; i <= NR; i++) if (index(L[i], " h hint . show me") == 1) { f = i; break }
		if (!f) exit 1
		p = L[f]
		if (!match(p, /[0-9]+-[0-9]+\/[0-9]+$/)) {
			p = L[f + 1]
			if (!match(p, /lines [0-9]+-[0-9]+ of [0-9]+/)) exit 1
			p = substr(p, RSTART + 6, RLENGTH - 6); sub(/ of /, "/", p)
		} else p = substr(p, RSTART, RLENGTH)
		split(p, a, /[-\/]/)
		n = a[2] - a[1] + 1
		e = f - 1
		if (a[1] == 1 && a[2] == a[3]) while (e > 0 && L[e] ~ /^ *$/) e--
		print a[1], a[2], a[3]
		for (i = e - n + 1; i <= e; i++) print L[i]
	}'
}

# The lines read as one text (as the panel means them): leading blanks
# dropped, a line ending in a backslash glued to the next, blanks
# squeezed.
join_lines() {
	awk '{ sub(/^ +/, ""); g = sub(/\\$/, "")
	       printf "%s%s", glue ? "" : " ", $0; glue = g }' | tr -s ' '
}

# The steps of a lesson file: "STEP", "DO cmd" and "HINT text" lines.
steps_of() {
	awk '
	function flush() { if (hint != "") print "HINT " hint; hint = ""; inh = 0 }
	/^step[ :]/ { flush(); print "STEP"; next }
	/^do:? / { flush(); sub(/^do:? +/, ""); print "DO " $0; next }
	/^hint:? / { flush(); sub(/^hint:? +/, ""); hint = $0; inh = 1; next }
	/^[ \t]/ { if (inh) { l = $0; sub(/^[ \t]+/, "", l); hint = hint " " l }; next }
	{ flush() }
	END { flush() }' "$1" | tr -s ' '
}

# page [OLD]: the panel, once the screen is drawn (two captures alike)
# and its position is not OLD, into $TMPD/page
page() {
	i=0 prev=
	while [ $i -lt 300 ]; do
		SCR=$(screen)
		if [ "$SCR" = "$prev" ] && panel > "$TMPD/page" &&
		   [ "$(head -1 "$TMPD/page")" != "${1:-}" ]; then
			return 0
		fi
		prev=$SCR
		sleep 0.05; i=$((i + 1))
	done
	return 1
}

check_size() {
	cols=$1 rows=$2
	for f in "$TOP_SRCDIR"/lessons/*.lesson; do
		num=$(awk '/^lesson /{print $2; exit}' "$f")
		# a new session first, then the old one goes (killing the
		# last session would stop the server under the new one)
		old_s=${S:-}
		S=l$num-$cols
		T new-session -d -s "$S" -x "$cols" -y "$rows" \
			"'$NSVIZ' lesson $num --restart; echo EXIT=\$?; sleep 60"
		[ -n "$old_s" ] && T kill-session -t "$old_s"
		steps_of "$f" > "$TMPD/steps"
		k=0
		nsteps=$(grep -c '^STEP' "$TMPD/steps")
		while [ $k -lt "$nsteps" ]; do
			k=$((k + 1))
			what="lesson $num step $k at ${cols}x$rows"
			if ! wait_screen "\] [0-9]+/[0-9]+ +step $k: "; then
				fail "$what: the step is shown" "$SCR"; break
			fi
			T send-keys -t "$S" h
			wait_screen 'hint: ' || true
			# to the top, then page down to the end
			page || { fail "$what: the panel's position" "$SCR"; continue; }
			while [ "$(head -1 "$TMPD/page" | cut -d' ' -f1)" != 1 ]; do
				T send-keys -t "$S" '['
				page "$(head -1 "$TMPD/page")" || break
			done
			: > "$TMPD/body"
			seen=0
			while :; do
				set -- $(head -1 "$TMPD/page")
				a=$1 b=$2 n=$3
				# only the lines not seen yet (the last page may overlap)
				tail -n +2 "$TMPD/page" | awk -v a="$a" -v s="$seen" 'NR + a - 1 > s' >> "$TMPD/body"
				seen=$b
				[ "$b" -ge "$n" ] && break
				T send-keys -t "$S" ']'
				page "$a $b $n" || { fail "$what: ] pages on" "$SCR"; break; }
			done
			text=$(join_lines < "$TMPD/body")
			awk -v k="$k" '/^STEP/ { s++ } s == k && /^(DO|HINT) /' "$TMPD/steps" > "$TMPD/want"
			ok=1
			while IFS= read -r w; do
				case $w in
				DO\ *) s=":${w#DO }" ;;
				HINT\ *) s="hint: ${w#HINT }" ;;
				esac
				case $text in
				*"$s"*) ;;
				*) ok=0; fail "$what: whole on the panel: $s" "panel: $text" ;;
				esac
			done < "$TMPD/want"
			[ $ok = 1 ] && pass "$what: every command and the hint whole ($(grep -c . "$TMPD/want") lines, $n panel lines)"
			T send-keys -t "$S" '>'
		done
	done
}

check_size 80 24
check_size 120 36
done_testing
