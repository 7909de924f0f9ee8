#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# shell.sh - the terminal belongs to whoever should have it, however
# nsviz was started: tmux running it directly (nsviz leads the session),
# `sh -c` (no job control), an interactive bash (job control), each with
# and without -S (nsviz is then pid 2 of a pid namespace, under a relay
# outside it).
#
#   - the shell key `s` and `:netns exec` give the program the terminal's
#     foreground; after it ends (exit, ^D, kill -9 from outside) nsviz has
#     the foreground again (/proc: tpgid = its pgrp), redraws, takes keys,
#     does not spin (its CPU time over 2 s is a state, not a speed: a
#     spinning nsviz uses the whole 2 s) and q exits 0 with sane modes;
#   - ^Z in such a program stops nsviz with it, as one job; fg goes on;
#   - the line prompt (TERM=dumb) does the same for netns exec;
#   - fatal signals (QUIT, ABRT, SEGV, BUS, FPE, ILL, and others whose
#     default ends a process) from outside leave the terminal as it was,
#     then act (exit status 128 + signal);
#   - TERM=dumb, unset or unknown: a message saying why and what to do,
#     then the line prompt, never a blank screen; ^C there drops the line.
#
# Everything runs inside the test sandbox, tmux on a private socket.
. "${TOP_SRCDIR:-$(dirname "$0")/../..}/tests/lib/common.sh"

if ! command -v tmux >/dev/null 2>&1 || ! command -v bash >/dev/null 2>&1; then
	echo "SKIP: tmux and bash are needed" >&2
	exit 77
fi
sandbox_reexec

unset TMUX TMUX_PANE
export TMUX_TMPDIR="$TMPD" HOME="$TMPD/home" XDG_CONFIG_HOME="$TMPD/config"
export NSVIZ_THEMES_DIR="$TOP_SRCDIR/themes" SHELL=/bin/sh
mkdir -p "$HOME" "$XDG_CONFIG_HOME"
SOCK=nsviz-shell-$$
tm() { tmux -L "$SOCK" -f "$TMUX_CONF" "$@"; }
trap 'tm kill-server >/dev/null 2>&1; rm -rf "$TMPD"' EXIT
trap 'exit 1' INT TERM HUP

now_ms() { echo $(($(date +%s%N) / 1000000)); }
screen() { tm capture-pane -p -J -t "$1"; }
keys() { _k_n=$1; shift; tm send-keys -t "$_k_n" "$@"; }
text() { tm send-keys -t "$1" -l -- "$2"; }
pane() { tm display-message -p -t "$1" "$2"; }

# wait_for NAME REGEX [SECONDS]: until a line of the screen matches
wait_for() {
	_w_end=$(($(now_ms) + ${3:-10} * 1000))
	while :; do
		SCREEN=$(screen "$1")
		printf '%s\n' "$SCREEN" | grep -Eq -- "$2" && return 0
		[ "$(now_ms)" -ge "$_w_end" ] && return 1
		sleep 0.02
	done
}
# wait_last NAME REGEX [REGEX2]: until the last non-empty line matches
# REGEX (a prompt), or the last two REGEX and REGEX2
wait_last() {
	_w_end=$(($(now_ms) + 10000))
	while :; do
		SCREEN=$(screen "$1")
		if [ $# -ge 3 ]; then
			printf '%s\n' "$SCREEN" | grep -v '^ *$' | tail -n 2 |
				head -n 1 | grep -Eq -- "$2" &&
			printf '%s\n' "$SCREEN" | grep -v '^ *$' | tail -n 1 |
				grep -Eq -- "$3" && return 0
		else
			printf '%s\n' "$SCREEN" | grep -v '^ *$' | tail -n 1 |
				grep -Eq -- "$2" && return 0
		fi
		[ "$(now_ms)" -ge "$_w_end" ] && return 1
		sleep 0.02
	done
}
see() {
	if wait_for "$2" "$3" "${4:-10}"; then pass "$1"; else
		fail "$1" "no line of the screen matches: $3" "screen:" "$SCREEN"
	fi
}
unseen() {
	_u_end=$(($(now_ms) + 10000))
	while SCREEN=$(screen "$2"); printf '%s\n' "$SCREEN" | grep -Eq -- "$3"; do
		if [ "$(now_ms)" -ge "$_u_end" ]; then
			fail "$1" "the screen still matches: $3" "screen:" "$SCREEN"
			return
		fi
		sleep 0.02
	done
	pass "$1"
}

# child_of PID COMM: the pid of PID's child named COMM
child_of() {
	for _c_f in /proc/[0-9]*/stat; do
		{ read -r _c_l <"$_c_f"; } 2>/dev/null || continue
		set -- "$1" "$2" $_c_l
		[ "$6" = "$1" ] && [ "$4" = "($2)" ] && { echo "$3"; return 0; }
		set -- "$1" "$2"
	done
	return 1
}
# stat_field PID N: field N of /proc/PID/stat (comm has no spaces here)
stat_field() { cut -d' ' -f"$2" "/proc/$1/stat" 2>/dev/null; }

# find_nsviz NAME: TOP (the first nsviz under the pane: with -S the
# relay) and NS (the one that runs the UI: with -S pid 2 of the sandbox)
find_nsviz() {
	_f_p=$(pane "$1" '#{pane_pid}')
	_f_i=0
	TOP=
	while [ $_f_i -lt 250 ]; do
		if [ "$(stat_field "$_f_p" 2)" = "(nsviz)" ]; then TOP=$_f_p
		else TOP=$(child_of "$_f_p" nsviz); fi
		[ -n "$TOP" ] && break
		sleep 0.02
		_f_i=$((_f_i + 1))
	done
	NS=$TOP
	while [ -n "$NS" ] && _f_c=$(child_of "$NS" nsviz); do NS=$_f_c; done
	# with -S the chain appears one process at a time: the UI's is
	# the one that has drawn
	wait_for "$1" "$UI_UP|nsviz(\[sandbox\])?> \$" 10
	while [ -n "$NS" ] && _f_c=$(child_of "$NS" nsviz); do NS=$_f_c; done
}

UI_UP='Namespaces \([0-9]+\)'
# the command line after nsviz: exit status, modes (stty -g checksum and
# the four that a raw terminal loses)
TAIL="echo EXIT=\$? AFTER=\$(stty -g|cksum|cut -d' ' -f1) MODES=\$(stty -a|tr ' ;' '\n\n'|grep -Ex -- '-?(icanon|echo|icrnl|onlcr)'|tr '\n' ' ')"
BEFORE="echo BEFORE=\$(stty -g|cksum|cut -d' ' -f1)"

# start NAME MODE CMD...: CMD (nsviz) in a new session, started
#   direct  by tmux itself (nsviz leads the session; with remain-on-exit
#           tmux keeps its exit status)
#   shc     by a non-interactive sh, as sh -c runs it (no job control)
#   bashi   by an interactive bash (job control)
start() {
	_s_n=$1 _s_m=$2
	shift 2
	case $_s_m in
	direct) tm new-session -d -s "$_s_n" -x 120 -y 36 "exec $*" ;;
	shc) printf '%s\n' "$BEFORE" "$*" "$TAIL" "exec sleep 1000000" \
			>"$TMPD/$_s_n.sh"
		tm new-session -d -s "$_s_n" -x 120 -y 36 "exec sh $TMPD/$_s_n.sh" ;;
	bashi) tm new-session -d -s "$_s_n" -x 120 -y 36 \
		"exec bash --norc --noprofile -i"
		wait_last "$_s_n" '[$#] ?$'
		text "$_s_n" "$BEFORE; $*${NO_TAIL:+ #}; $TAIL"
		keys "$_s_n" Enter ;;
	esac
	find_nsviz "$_s_n"
}

# wait_child PID COMM: CHILD, once PID has a child named COMM
wait_child() {
	_wc_i=0
	while ! CHILD=$(child_of "$1" "$2") && [ $_wc_i -lt 500 ]; do
		sleep 0.02
		_wc_i=$((_wc_i + 1))
	done
	[ -n "$CHILD" ]
}

# ticks PID: CPU time used so far (utime + stime, in clock ticks)
ticks() { echo $(($(stat_field "$1" 14) + $(stat_field "$1" 15))); }

# in_ui NAME DESC: nsviz has the terminal back: it is the foreground
# group, the UI is drawn, a key opens a form and Esc closes it, and it
# does not spin
in_ui() {
	see "$2: the UI is drawn again" "$1" "$UI_UP"
	check_eq "$2: nsviz's group has the terminal's foreground (tpgid = pgrp)" \
		"$(stat_field "$NS" 8)" "$(stat_field "$NS" 5)"
	keys "$1" n
	see "$2: keys reach the UI (n opens the form)" "$1" 'New namespace'
	keys "$1" Escape
	unseen "$2: Esc closes it" "$1" 'New namespace'
	_t0=$(ticks "$NS")
	sleep 2
	_t1=$(ticks "$NS")
	_hz=$(getconf CLK_TCK)
	# idle, it wakes every 2 s to count processes: well under 5 %
	if [ $((_t1 - _t0)) -lt $((_hz / 10)) ]; then
		pass "$2: nsviz idles (CPU $((_t1 - _t0)) ticks in 2 s)"
	else
		fail "$2: nsviz idles" "it used $((_t1 - _t0)) ticks of CPU in 2 s ($_hz a second): it spins"
	fi
}

# shell_ends NAME DESC HOW: open a shell with s, end it HOW (exit, ^D,
# kill), check the UI
shell_ends() {
	keys "$1" s
	if ! wait_child "$NS" sh || ! wait_last "$1" '^[$#] ?$'; then
		fail "$2: s opens a shell" "screen:" "$SCREEN"
		return
	fi
	case $3 in
	exit) text "$1" "exit"; keys "$1" Enter ;;
	eof) keys "$1" C-d ;;
	kill) kill -9 "$CHILD" ;;
	esac
	in_ui "$1" "$2"
}

# exec_ends NAME DESC HOW: the : line runs netns exec vnet sh
exec_ends() {
	keys "$1" :
	text "$1" "netns exec vnet sh"
	keys "$1" Enter
	if ! wait_child "$NS" sh || ! wait_last "$1" '^[$#] ?$'; then
		fail "$2: :netns exec vnet sh runs the shell" "screen:" "$SCREEN"
		return
	fi
	case $3 in
	exit) text "$1" "exit 3"; keys "$1" Enter
		see "$2: says how the program ended" "$1" '\[sh exited with status 3: press Enter' ;;
	kill) kill -9 "$CHILD"
		see "$2: says how the program ended" "$1" '\[sh ended by signal 9 .*press Enter' ;;
	esac
	keys "$1" Enter
	in_ui "$1" "$2"
}

# quit NAME MODE DESC: q exits 0, the terminal as it was
quit() {
	keys "$1" q
	if [ "$2" = direct ]; then
		_q_end=$(($(now_ms) + 10000))
		# dead (the pty closed) comes before the status (reaped)
		while [ "$(pane "$1" '#{pane_dead_status}#{pane_dead_signal}')" = "" ] &&
		      [ "$(now_ms)" -lt "$_q_end" ]; do
			sleep 0.02
		done
		_q_got=$(pane "$1" 'dead=#{pane_dead} status=#{pane_dead_status} signal=#{pane_dead_signal}')
		# Under load tmux 3.3a at times leaves a dead pane's process
		# unreaped for many seconds (seen: nsviz a zombie of the tmux
		# server after 10 s, the status not recorded).  The zombie's
		# wait status is in /proc/PID/stat (field 52, exit_code): the
		# same fact, read from the kernel.
		if [ "$_q_got" = "dead=1 status= signal=" ] &&
		   [ "$(stat_field "$TOP" 3)" = Z ]; then
			_q_ws=$(stat_field "$TOP" 52)
			if [ $((_q_ws & 127)) = 0 ]; then
				_q_got="dead=1 status=$((_q_ws >> 8)) signal="
			else
				_q_got="dead=1 status= signal=$((_q_ws & 127))"
			fi
		fi
		check_eq "$3: q exits 0" "$_q_got" "dead=1 status=0 signal="
	else
		if ! wait_for "$1" '^EXIT=[0-9]+ AFTER=' 10; then
			fail "$3: q exits" "screen:" "$SCREEN"
			return
		fi
		check_match "$3: q exits 0" "$SCREEN" '^EXIT=0 AFTER='
		check_terminal "$1" "$3"
	fi
	tm kill-session -t "$1" 2>/dev/null
}

# check_terminal NAME DESC: the modes after are the modes before
check_terminal() {
	check_eq "$2: tty modes as before (stty -g)" \
		"$(printf '%s\n' "$SCREEN" | sed -n 's/^EXIT=[0-9]* AFTER=\([0-9]*\) .*/\1/p')" \
		"$(printf '%s\n' "$SCREEN" | sed -n 's/.*BEFORE=\([0-9][0-9]*\)$/\1/p' | tail -n 1)"
	check_match "$2: stty -a: icrnl onlcr icanon echo" "$SCREEN" \
		'MODES=icrnl onlcr icanon echo *$'
}

# a session that outlives the others (the server must not exit between)
tm new-session -d -s keep "exec sleep 1000000" || {
	echo "tmux cannot start a server here" >&2
	exit 99
}
tm set-option -g remain-on-exit on

# ==========================================================================
# 0. nsviz netns exec ends as ip netns exec does: the program's status,
#    silent, the same words when it cannot run, its signal for the shell
# ==========================================================================
ip netns add vnet || exit 99
: >"$TMPD/not-executable"
both() {
	# the outer shell's own report of a death by signal included
	_ip=$(sh -c 'ip netns exec vnet "$@"; echo "rc=$?"' sh "$@" 2>&1)
	_nv=$(sh -c '"$NSVIZ" netns exec vnet "$@"; echo "rc=$?"' sh "$@" 2>&1 |
		sed 's/^nsviz: //')
	check_eq "netns exec vnet $*: as ip netns exec (output, status)" "$_nv" "$_ip"
}
both sh -c 'exit 3'
both sh -c 'echo out; echo err >&2'
both sh -c 'kill -TERM $$'
both sh -c 'kill -SEGV $$'
both sh -c 'kill -INT $$'
both nosuch-program-x
both "$TMPD/not-executable"
run "$NSVIZ" -c 'netns exec vnet sh -c "exit 3"'
check_eq "-c 'netns exec vnet sh -c \"exit 3\"': status 3, nothing said" \
	"$RC:$OUT:$ERR" "3::"

# ==========================================================================
# 1. the shell and :netns exec, in every way of starting nsviz
# ==========================================================================
for mode in direct shc bashi; do
	for sbx in "" -S; do
		n=$mode${sbx:+-S}
		d="$mode${sbx:+ -S}"
		start "$n" "$mode" "$NSVIZ" $sbx
		see "$d: nsviz starts" "$n" "$UI_UP"
		if [ -n "$sbx" ]; then
			keys "$n" :
			text "$n" "netns add vnet"
			keys "$n" Enter
			see "$d: vnet made in the sandbox" "$n" '^\|vnet '
		fi
		shell_ends "$n" "$d: s, then exit" exit
		see "$d: the log says the shell exited" "$n" 'shell in host exited \(status 0\)'
		shell_ends "$n" "$d: s, then ^D" eof
		shell_ends "$n" "$d: s, then kill -9 of the shell" kill
		see "$d: the log says how it ended" "$n" 'shell in host ended by signal 9'
		exec_ends "$n" "$d: :netns exec vnet sh, exit 3" exit
		exec_ends "$n" "$d: :netns exec vnet sh, kill -9" kill
		quit "$n" "$mode" "$d"
	done
done

# ==========================================================================
# 2. ^Z in a program nsviz runs stops nsviz with it; fg goes on
# ==========================================================================
for sbx in "" -S; do
	n=tstp${sbx:+-S}
	d="bash job control${sbx:+, -S}"
	NO_TAIL=1 start "$n" bashi "$NSVIZ" $sbx
	see "$d: nsviz starts" "$n" "$UI_UP"
	[ -z "$sbx" ] || { keys "$n" :; text "$n" "netns add vnet"; keys "$n" Enter; }
	keys "$n" :
	text "$n" "netns exec vnet sleep 1000000"
	keys "$n" Enter
	wait_child "$NS" sleep
	SL=$CHILD
	check_eq "$d: sleep has the terminal's foreground" \
		"$(stat_field "$SL" 8)" "$(stat_field "$SL" 5)"
	keys "$n" C-z
	see "$d: ^Z: bash reports the job stopped" "$n" 'Stopped'
	check_eq "$d: ^Z: nsviz and sleep are stopped" \
		"$(stat_field "$NS" 3) $(stat_field "$SL" 3)" "T T"
	text "$n" "fg"
	keys "$n" Enter
	_i=0
	while [ "$(stat_field "$SL" 3)" = T ] && [ $_i -lt 250 ]; do sleep 0.02; _i=$((_i + 1)); done
	check_eq "$d: fg: sleep runs again, in the foreground" \
		"$(stat_field "$SL" 3) $(stat_field "$SL" 8)" "S $(stat_field "$SL" 5)"
	keys "$n" C-c
	see "$d: ^C ends sleep alone" "$n" '\[sleep ended by signal 2 .*press Enter'
	keys "$n" Enter
	in_ui "$n" "$d: after ^Z, fg, ^C"
	# a program that cannot run: ip's words, on the terminal and logged
	keys "$n" :
	text "$n" "netns exec vnet nosuch-program-x"
	keys "$n" Enter
	see "$d: a program not found: ip's words, on the terminal" "$n" \
		'^\[exec of "nosuch-program-x" failed: No such file or directory: press Enter'
	keys "$n" Enter
	see "$d: ... and in the log" "$n" \
		'exec of "nosuch-program-x" failed: No such file or directory'
	see "$d: ... and the UI is back" "$n" "$UI_UP"
	keys "$n" q
	wait_last "$n" '[$#] ?$'
	text "$n" "$TAIL"
	keys "$n" Enter
	if wait_for "$n" '^EXIT=[0-9]+ AFTER=' 10; then
		check_match "$d: q exits 0" "$SCREEN" '^EXIT=0 AFTER='
		check_terminal "$n" "$d"
	else
		fail "$d: q exits" "screen:" "$SCREEN"
	fi
	tm kill-session -t "$n" 2>/dev/null
done

# ==========================================================================
# 3. the line prompt on a terminal (TERM=dumb): netns exec gets it too
# ==========================================================================
for sbx in "" -S; do
	n=prompt${sbx:+-S}
	d="TERM=dumb prompt${sbx:+, -S}"
	start "$n" bashi env TERM=dumb "$NSVIZ" $sbx
	if ! wait_last "$n" 'nsviz(\[sandbox\])?> $'; then
		fail "$d: the prompt" "screen:" "$SCREEN"
		tm kill-session -t "$n" 2>/dev/null
		continue
	fi
	pass "$d: the prompt"
	if [ -n "$sbx" ]; then
		text "$n" "netns add vnet"
		keys "$n" Enter
		# the prompt after it, not the one it was typed at
		wait_last "$n" 'netns add vnet$' 'nsviz(\[sandbox\])?> $'
	fi
	for how in exit kill; do
		text "$n" "netns exec vnet sh"
		keys "$n" Enter
		if ! wait_child "$NS" sh || ! wait_last "$n" '^[$#] ?$'; then
			fail "$d: netns exec vnet sh runs the shell" "screen:" "$SCREEN"
			continue
		fi
		if [ $how = exit ]; then
			text "$n" "exit"; keys "$n" Enter
		else
			kill -9 "$CHILD"
		fi
		if wait_last "$n" 'nsviz(\[sandbox\])?> $'; then
			pass "$d: after $how, the prompt again"
		else
			fail "$d: after $how, the prompt again" "screen:" "$SCREEN"
		fi
		check_eq "$d: after $how, nsviz has the terminal's foreground" \
			"$(stat_field "$NS" 8)" "$(stat_field "$NS" 5)"
	done
	text "$n" "netns list"
	keys "$n" Enter
	see "$d: the prompt runs commands" "$n" '^vnet'
	text "$n" "quit"
	keys "$n" Enter
	if wait_for "$n" '^EXIT=[0-9]+ AFTER=' 10; then
		check_match "$d: quit exits 0" "$SCREEN" '^EXIT=0 AFTER='
		check_terminal "$n" "$d"
	else
		fail "$d: quit exits" "screen:" "$SCREEN"
	fi
	tm kill-session -t "$n" 2>/dev/null
done

# ==========================================================================
# 4. fatal signals from outside: the terminal restored, then the signal
# ==========================================================================
for sig in QUIT ABRT SEGV BUS FPE ILL TRAP SYS XCPU USR1 ALRM; do
	for sbx in "" -S; do
		[ -n "$sbx" ] && [ "$sig" != QUIT ] && continue
		n=sig$sig${sbx:+-S}
		d="SIG$sig${sbx:+, -S}"
		start "$n" bashi "$NSVIZ" $sbx
		see "$d: nsviz starts" "$n" "$UI_UP"
		kill -s "$sig" "$NS"
		if ! wait_for "$n" '^EXIT=[0-9]+ AFTER=' 10; then
			fail "$d: nsviz ends" "screen:" "$SCREEN"
			tm kill-session -t "$n" 2>/dev/null
			continue
		fi
		num=$(bash -c "kill -l $sig")
		check_match "$d: exit status 128 + $num" "$SCREEN" \
			"^EXIT=$((128 + num)) AFTER="
		check_terminal "$n" "$d"
		check_eq "$d: the normal screen, cursor shown, keypad off" \
			"$(pane "$n" 'alt=#{alternate_on} cursor=#{cursor_flag} keypad=#{keypad_cursor_flag}')" \
			"alt=0 cursor=1 keypad=0"
		tm kill-session -t "$n" 2>/dev/null
	done
done

# ==========================================================================
# 5. a terminal the UI cannot draw on: say so, then the line prompt
# ==========================================================================
for t in dumb unset nosuchterminal-x; do
	n=term-$t
	if [ $t = unset ]; then set -- env -u TERM "$NSVIZ"
	else set -- env TERM=$t "$NSVIZ"; fi
	start "$n" bashi "$@"
	case $t in
	dumb) why='TERM=dumb: this terminal cannot move the cursor' ;;
	unset) why='TERM is not set' ;;
	*) why="TERM=$t: no terminfo entry" ;;
	esac
	see "TERM $t: the message says why" "$n" "^nsviz: $why"
	see "TERM $t: ... and what to do" "$n" 'set TERM|TERM=xterm-256color'
	if wait_last "$n" 'nsviz> $'; then pass "TERM $t: the line prompt"
	else fail "TERM $t: the line prompt" "screen:" "$SCREEN"; fi
	text "$n" "netns list"
	keys "$n" Enter
	see "TERM $t: the prompt runs commands" "$n" '^vnet'
	if [ $t = dumb ]; then
		# ^C drops the line being typed, as a shell does
		text "$n" "netns add never"
		keys "$n" C-c
		if wait_last "$n" 'netns add never(\^C)?$' '^nsviz> $'; then
			pass "TERM $t: ^C at the prompt: a new prompt"
		else
			fail "TERM $t: ^C at the prompt: a new prompt" "screen:" "$SCREEN"
		fi
		check_eq "TERM $t: ^C: the line did not run, nsviz still reads" \
			"$(ip netns list | grep -c never) $(stat_field "$NS" 3)" "0 S"
	fi
	keys "$n" C-d
	if wait_for "$n" '^EXIT=[0-9]+ AFTER=' 10; then
		check_match "TERM $t: ^D exits 0" "$SCREEN" '^EXIT=0 AFTER='
		check_terminal "$n" "TERM $t"
	else
		fail "TERM $t: ^D exits" "screen:" "$SCREEN"
	fi
	tm kill-session -t "$n" 2>/dev/null
done

done_testing
