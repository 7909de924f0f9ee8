#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Guided lessons (issue 6), against the real kernel in a sandbox: the
# list; every shipped lesson verified end to end through its show-me path
# (each in a fresh sandbox of its own, so none can rot); lessons that
# cannot be completed, failing with the lesson, step and check; malformed
# lesson files reported with file:line; the plain-text lesson, progress
# and resuming; usage errors.
. "${TOP_SRCDIR:-$(dirname "$0")/../..}/tests/lib/common.sh"
sandbox_reexec

LESSONS="$TOP_SRCDIR/lessons"
export NSVIZ_LESSONS_DIR="$LESSONS"
export XDG_DATA_HOME="$TMPD/data" XDG_STATE_HOME="$TMPD/state"
USER_DIR="$XDG_DATA_HOME/nsviz/lessons"
PROGRESS="$XDG_STATE_HOME/nsviz/lessons.progress"

nsv() { "$NSVIZ" "$@"; }

# --- lesson --list -----------------------------------------------------------
run nsv lesson --list
check_eq "lesson --list: exit 0" "$RC" 0
check_eq "lesson --list: nothing on stderr" "$ERR" ""
check_eq "one line per shipped lesson" "$(printf '%s\n' "$OUT" | wc -l)" \
	"$(ls "$LESSONS"/*.lesson | wc -l)"
check_match "lesson 1 is the veth pair, 4 steps" "$OUT" '^ 1  The veth pair +4 steps$'
BADLINES=$(printf '%s\n' "$OUT" | grep -Ev '^ *[0-9]+  .+ +[0-9]+ steps?( +\((done|started)\))?$')
check_eq "every line is: number, title, steps" "$BADLINES" ""
check_eq "numbered 1 to N in order" "$(printf '%s\n' "$OUT" | awk '{print $1}' | tr '\n' ' ')" \
	"$(seq 1 "$(ls "$LESSONS"/*.lesson | wc -l)" | tr '\n' ' ')"

# --- lesson --verify, every shipped lesson -------------------------------------
# A step whose kernel feature is missing (needs: qdisc netem, and this
# kernel has no sch_netem) is SKIPPED, with the reason: one SKIP here for
# each, never a pass; the other steps are verified.
for f in "$LESSONS"/*.lesson; do
	n=$(sed -n 's/^lesson \([0-9]*\) .*/\1/p' "$f" | head -n1)
	nsteps=$(grep -c '^step ' "$f")
	run nsv lesson --verify "$n"
	if [ "$RC" = 0 ]; then pass "lesson --verify $n ($(basename "$f"))"; else
		fail "lesson --verify $n ($(basename "$f"))" "exit status $RC" \
			"stdout: $OUT" "stderr: $ERR"
	fi
	skipped=$(printf '%s\n' "$OUT" | grep -c "^lesson $n, step [0-9]*: SKIPPED: ")
	while read -r st why; do
		[ -n "$st" ] && skip "lesson --verify $n step $st ($(basename "$f")): $why"
	done <<EOF
$(printf '%s\n' "$OUT" | sed -n "s/^lesson $n, step \([0-9]*\): SKIPPED: \(.*\)/\1 \2/p")
EOF
	if [ "$skipped" = 0 ]; then
		check_match "... lesson $n: every step verified" "$OUT" \
			"^lesson $n \(.+\): $nsteps steps verified\$"
	else
		check_match "... lesson $n: the others verified, $skipped skipped" "$OUT" \
			"^lesson $n \(.+\): $((nsteps - skipped)) steps? verified, $skipped skipped\$"
	fi
done
check_eq "verification left no namespace here" "$(ip netns list)" ""
check_eq "... and no interface but lo" "$(ip -o link show | wc -l)" 1
check_eq "... and no progress saved" "$(cat "$PROGRESS" 2>/dev/null)" ""

run nsv lesson --verify -v 1
check_eq "lesson --verify -v 1: exit 0" "$RC" 0
check_match "-v prints each step" "$OUT" '^  step 1: Make a veth pair$'
check_match "-v prints the canonical commands of show me" "$OUT" \
	'^    \$ ip link add veth0 type veth peer name veth1$'
check_match "-v prints what they printed" "$OUT" \
	'^    [0-9]+: veth0@veth1: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 '

# --- lessons that cannot be completed -------------------------------------------
mkdir -p "$USER_DIR"
cat >"$USER_DIR/impossible.lesson" <<'L'
lesson 90 "Impossible"
step "Make x"
  This one works.
do: ip netns add x
check: namespace x exists
step "Find a ghost"
  Nothing makes a ghost.
do: ip -n x link show
check: you ran ip -n x link show
check: link ghost in x exists
L
cat >"$USER_DIR/showme-fails.lesson" <<'L'
lesson 91 "Show me fails"
step "Up"
  There is nothing to bring up.
do: ip link set nothere up
check: link nothere is up
L
cat >"$USER_DIR/already.lesson" <<'L'
lesson 92 "Already done"
step "lo"
  lo is always there.
do: ip link show lo
check: link lo exists
L
cat >"$USER_DIR/already-slow.lesson" <<'L'
lesson 77 "Already answers"
setup: ip netns add x
step "lo up"
  Bring lo up.
do: ip -n x link set lo up
check: link lo in x is up
step "Ping lo"
  Its only check sends traffic, and lo already answers.
do: ip netns exec x ping -c 1 127.0.0.1
check: ping from x to 127.0.0.1 succeeds
L
cat >"$USER_DIR/setup-fails.lesson" <<'L'
lesson 93 "Setup fails"
setup: ip link set nothere up
step "Never reached"
  The setup fails first.
do: ip netns add x
check: namespace x exists
L
cat >"$USER_DIR/slow-fails.lesson" <<'L'
lesson 94 "Nobody answers"
step "Ping nowhere"
  10.9.9.9 is nowhere.
do: ip netns add x
check: namespace x exists
check: ping from x to 10.9.9.9 succeeds
L
cat >"$USER_DIR/showme-ping.lesson" <<'L'
lesson 95 "Show me pings nowhere"
setup: ip netns add x
step "Ping"
  Nobody is there.
do: ip -n x link set lo up
do: ip netns exec x ping -c 1 10.9.9.9
check: link lo in x is up
L

run nsv lesson --verify 90
check_eq "an impossible goal: exit 1" "$RC" 1
check_eq "... names lesson, step, check and why" "$ERR" \
	'lesson 90, step 2: check "link ghost in x exists" failed: there is no ghost in namespace x'
check_nomatch "... and is not called verified" "$OUT" 'verified'
run nsv lesson --verify 91
check_eq "a show-me command that fails: exit 1" "$RC" 1
check_eq "... names the command and the reason" "$ERR" \
	'lesson 91, step 1: show me: "ip link set nothere up" failed: nothere: no such device in the host namespace'
run nsv lesson --verify 92
check_eq "a goal that holds before its step: exit 1" "$RC" 1
check_eq "... says so" "$ERR" \
	'lesson 92, step 1: the goal already holds before the step: nothing to do'
run nsv lesson --verify 77
check_eq "a goal checked by traffic that holds before its step: exit 1" "$RC" 1
check_eq "... says so (the traffic is sent once the other checks hold)" "$ERR" \
	'lesson 77, step 2: the goal already holds before the step: nothing to do'
run nsv lesson --verify 93
check_eq "a setup command that fails: exit 1" "$RC" 1
check_eq "... names it" "$ERR" \
	'lesson 93, setup: "ip link set nothere up" failed: nothere: no such device in the host namespace'
run nsv lesson --verify 94
check_eq "a ping that gets no reply: exit 1" "$RC" 1
check_eq "... with ping's own words" "$ERR" \
	'lesson 94, step 1: check "ping from x to 10.9.9.9 succeeds" failed: ping from namespace x to 10.9.9.9 got no reply: ping: connect: Network is unreachable'
run nsv lesson --verify 95
check_eq "a show-me ping that fails: exit 1" "$RC" 1
check_eq "... with what ping printed" "$ERR" \
'lesson 95, step 1: show me: "ip netns exec x ping -c 1 10.9.9.9" failed: exit status not 0
  ping: connect: Network is unreachable'
# a step whose kernel feature is missing: skipped, with the reason, when
# it starts (--verify, the plain-text lesson), and the lesson passes with
# its skips; asking the kernel changes nothing here
cat >"$USER_DIR/needs.lesson" <<'L'
lesson 96 "Needs what is not there"
setup: ip netns add x
step "tbf is there"
  Every kernel nsviz runs on has tbf.
needs: qdisc tbf
do: tc -n x qdisc add dev lo root tbf rate 1mbit burst 10kb latency 50ms
check: qdisc tbf on lo in x is set with "rate 1Mbit"
step "No such kind"
  No kernel has it.
needs: qdisc nosuchqdisc
do: tc -n x qdisc del dev lo root
check: qdisc tbf on lo in x is not set
L
cat >"$USER_DIR/qdisc-fails.lesson" <<'L'
lesson 97 "Not that rate"
setup: ip netns add x
setup: ip -n x link set lo up
step "tbf"
  The rate is 1Mbit.
do: tc -n x qdisc add dev lo root tbf rate 1mbit burst 10kb latency 50ms
check: qdisc tbf on lo in x is set with "rate 2Mbit"
L
cat >"$USER_DIR/rtt-fails.lesson" <<'L'
lesson 98 "Not that slow"
setup: ip netns add x
step "lo"
  lo answers at once.
do: ip -n x link set lo up
check: ping from x to 127.0.0.1 has rtt at least 1s
L
run nsv lesson --verify 96
check_eq "a step whose qdisc kind is missing: exit 0" "$RC" 0
check_match "... SKIPPED, with the reason" "$OUT" \
	'^lesson 96, step 2: SKIPPED: this kernel has no nosuchqdisc qdisc \(sch_nosuchqdisc\)$'
check_nomatch "... the step with a kind the kernel has is not" "$OUT" 'step 1: SKIPPED'
check_match "... the others verified, the skip counted apart" "$OUT" \
	'^lesson 96 \(Needs what is not there\): 1 step verified, 1 skipped$'
check_eq "... nothing on stderr" "$ERR" ""
check_eq "... asking left no namespace here" "$(ip netns list)" ""
run sh -c 'printf "%s\n" "show me" "next" | "$NSVIZ" lesson 96 --restart'
check_match "the plain-text lesson says so when the step starts" "$OUT" \
	'^  this kernel has no nosuchqdisc qdisc \(sch_nosuchqdisc\): this step is skipped \(next goes on\)\.$'
check_match "... and next, on its last step, ends the lesson" "$OUT" \
	'^Lesson 96 complete \(step 2 skipped\)\.$'
run nsv lesson --verify 97
check_eq "a qdisc without the words: exit 1" "$RC" 1
check_match "... says what tc shows" "$ERR" \
	'^lesson 97, step 1: check "qdisc tbf on lo in x is set with "rate 2Mbit"" failed: the root qdisc of lo in namespace x shows no `rate 2Mbit`: qdisc tbf [0-9a-f]+: root refcnt [0-9]+ rate 1Mbit burst 10Kb lat 50ms$'
run nsv lesson --verify 98
check_eq "an rtt that is too short: exit 1" "$RC" 1
check_match "... says what ping measured" "$ERR" \
	'^lesson 98, step 1: check "ping from x to 127.0.0.1 has rtt at least 1s" failed: ping from namespace x to 127.0.0.1: the shortest round trip of 3 took [0-9.]+ ms, not at least 1000 ms$'

run nsv lesson --verify 99
check_eq "--verify of a lesson that does not exist: exit 1" "$RC" 1
check_eq "... says so" "$ERR" 'nsviz: lesson 99: no such lesson (nsviz lesson --list shows them)'
rm -f "$USER_DIR"/*.lesson

# --- malformed lesson files, reported with file:line -------------------------------
cp "$TOP_SRCDIR"/tests/data/lessons-bad/*.lesson "$USER_DIR/"
run nsv lesson --list
check_eq "broken lesson files: --list exits 1" "$RC" 1
check_match "... and still lists the good ones" "$OUT" '^ 1  The veth pair'
U=$USER_DIR
for want in \
	"$U/bad-check.lesson:7: check: expected up, down, a KIND, in NAMESPACE or not in NAMESPACE after \`is\`, found \`sideways\`" \
	"$U/bad-command.lesson:6: do: 10.0.1.0/33: prefix length 33 out of range (0..32)" \
	"$U/no-goal.lesson:8: step \"Second\" has no goal (add a check: line)" \
	"$U/no-lesson-line.lesson:2: the file must start with the lesson line: lesson NUMBER \"TITLE\"" \
	"$U/stray-text.lesson:6: indented text here belongs to nothing (text goes under a step line, a summary:, keys: or hint:; commands and checks are one line each)" \
	"$U/unknown-directive.lesson:6: expect: unknown directive (expected lesson, summary, setup, step, do, show, keys, hint, check or needs)" \
	"$U/runs-program.lesson:6: setup: netns exec box sh: a lesson runs nsviz's own commands, not programs (netns exec NS ip ..., netns exec NS nsviz echo|send ...)" \
	"$U/escape.lesson:1: a control character (0x1b) in column 20 (a lesson is text: no escapes, no CR but at the end of a line)"
do
	if printf '%s\n' "$ERR" | grep -qxF "nsviz: $want"; then
		pass "reported: ${want#"$U"/}"
	else
		fail "reported: ${want#"$U"/}" "stderr:" "$ERR"
	fi
done
check_eq "one message per broken file" "$(printf '%s\n' "$ERR" | wc -l)" \
	"$(ls "$TOP_SRCDIR"/tests/data/lessons-bad/*.lesson | wc -l)"
run nsv lesson --verify 99
check_match "--verify reports them too" "$ERR" 'bad-check\.lesson:7: '
rm -f "$USER_DIR"/*.lesson

# a user's lesson never replaces the shipped one with its number: it is
# refused, with its file and line, and the shipped one stays
cat >"$USER_DIR/mine.lesson" <<'L'
# my own
lesson 1 "My own first lesson"
step "One"
  Mine.
do: ip netns add mine
check: namespace mine exists
L
run nsv lesson --list
check_eq "a user lesson with a shipped lesson's number: --list exits 1" "$RC" 1
check_match "... the shipped one is listed" "$OUT" '^ 1  The veth pair +4 steps$'
check_nomatch "... not the user's" "$OUT" 'My own first lesson'
check_eq "... which is refused, with file and line" "$ERR" \
	"nsviz: $USER_DIR/mine.lesson:2: lesson 1 is the shipped lesson \"The veth pair\" ($LESSONS/01-veth-pair.lesson): give yours a number of its own"
run sh -c 'echo quit | "$NSVIZ" lesson 1'
check_match "... and lesson 1 is the shipped one" "$OUT" '^Lesson 1: The veth pair$'
rm -f "$USER_DIR/mine.lesson"

# --- lesson files are data: no programs ----------------------------------------
PWNED="$TMPD/pwned"
cat >"$USER_DIR/setup-sh.lesson" <<L
lesson 85 "Setup runs a shell"
setup: netns add box
setup: netns exec box sh -c 'touch $PWNED.setup'
step "s"
  Text.
do: netns add x
check: namespace x exists
L
cat >"$USER_DIR/do-sh.lesson" <<L
lesson 86 "Show me runs a shell"
setup: netns add box
step "s"
  Text.
do: ip netns exec box touch $PWNED.do
check: namespace x exists
L
cat >"$USER_DIR/ok-ip.lesson" <<'L'
lesson 84 "nsviz's own commands in netns exec"
setup: netns add box
step "s"
  Text.
do: ip netns exec box ip link set lo up
do: netns exec box ping -c 1 127.0.0.1
check: link lo in box is up
L
run nsv lesson --verify
check_eq "lessons that run programs: --verify exits 1" "$RC" 1
check_eq "... the setup's program never ran" "$(ls "$TMPD" | grep pwned)" ""
check_match "... refused with file and line" "$ERR" \
	"^nsviz: $USER_DIR/setup-sh.lesson:3: setup: netns exec box sh: a lesson runs nsviz's own commands, not programs "
check_match "... a do: line too" "$ERR" \
	"^nsviz: $USER_DIR/do-sh.lesson:5: do: netns exec box touch: a lesson runs nsviz's own commands, not programs "
check_match "... netns exec NS ip and ping (nsviz's own) are fine" "$OUT" \
	'^lesson 84 \(.*\): 1 step verified$'
run sh -c 'printf "%s\n" "show me" quit | "$NSVIZ" lesson 86'
check_eq "... show me of it cannot be had: no such lesson" "$RC" 1
check_eq "... nothing ran" "$(ls "$TMPD" | grep pwned)" ""
rm -f "$USER_DIR"/*.lesson

# --- hostile files in the lessons directory ------------------------------------
# each reported (file, line when there is one, and why) and skipped; no
# hang, no crash; the other lessons still load
printf 'lesson 1 "x"\nstep "s"\n  t\ndo: netns add a\ncheck: you r""an netns add a\n' \
	>"$USER_DIR/ran-quotes.lesson"
printf 'lesson 89 "x"\nstep "s"\n  t\ndo: netns add a\ncheck: you r""an netns add a\n' \
	>"$USER_DIR/ran-quotes89.lesson"
mkfifo "$USER_DIR/fifo.lesson"
ln -s /dev/zero "$USER_DIR/zero.lesson"
head -c 4096 "$NSVIZ" >"$USER_DIR/binary.lesson"
printf 'lesson 81 "huge"\n' >"$USER_DIR/huge.lesson"
truncate -s 50M "$USER_DIR/huge.lesson"
printf 'lesson 82 "nul"\nstep "s"\n  te\000xt\n' >"$USER_DIR/nul.lesson"
{ printf 'lesson 83 "long"\n  '; head -c 1000000 /dev/zero | tr '\0' x; echo; } \
	>"$USER_DIR/longline.lesson"
printf 'lesson 80 "CRLF"\r\nstep "s"\r\n  Text.\r\ndo: ip netns add x\r\ncheck: namespace x exists\r\n' \
	>"$USER_DIR/crlf.lesson"
printf 'no lesson line\n' >"$USER_DIR/$(printf 'e\033[2Jvil').lesson"
run timeout 20 "$NSVIZ" lesson --list
check_eq "hostile lesson files: --list exits 1 (not a crash, no hang)" "$RC" 1
check_eq "... no escape reaches the terminal" "$(printf '%s' "$ERR$OUT" | tr -d '\n' | tr -d '[:print:]')" ""
check_match "... the shipped lessons still load" "$OUT" '^ 8  '
check_match "... the r\"\"an lesson loads (it is a lesson)" "$OUT" '^89  x +1 step $'
check_match "... a file with CRLF line ends is a lesson" "$OUT" '^80  CRLF +1 step $'
for want in \
	"$U/ran-quotes.lesson:1: lesson 1 is the shipped lesson \"The veth pair\" ($LESSONS/01-veth-pair.lesson): give yours a number of its own" \
	"$U/fifo.lesson: not a regular file (a FIFO)" \
	"$U/zero.lesson: not a regular file (a character device)" \
	"$U/huge.lesson: larger than 1 MiB (not a lesson file)" \
	"$U/nul.lesson:3: a NUL byte (this is not a text file)" \
	"$U/longline.lesson:2: a line longer than 4096 bytes (this is not a lesson)" \
	"$U/e?[2Jvil.lesson: a file name that is not text (control characters): skipped"
do
	if printf '%s\n' "$ERR" | grep -qxF "nsviz: $want"; then
		pass "reported: ${want#"$U"/}"
	else
		fail "reported: ${want#"$U"/}" "stderr:" "$ERR"
	fi
done
check_match "reported: binary.lesson, as not text" "$ERR" \
	"^nsviz: $U/binary.lesson:1: (a control character|not UTF-8 text)"
check_eq "... one message per file" "$(printf '%s\n' "$ERR" | wc -l)" 8
run timeout 60 "$NSVIZ" lesson --verify 80
check_eq "--verify of a lesson beside them: exit 0" "$RC" 0
check_match "... verified" "$OUT" '^lesson 80 \(CRLF\): 1 step verified$'
run sh -c 'echo quit | timeout 20 "$NSVIZ" lesson 2'
check_match "the plain-text lesson beside them" "$OUT" '^Lesson 2: A namespace of its own$'
rm -f "$USER_DIR"/*.lesson

# --- --verify shows what it is doing -------------------------------------------
cat >"$USER_DIR/slow.lesson" <<'L'
lesson 79 "Nobody answers"
setup: ip netns add x
setup: ip -n x link add d0 type veth peer name d1
setup: ip -n x addr add 10.9.0.1/24 dev d0
setup: ip -n x link set d1 up
setup: ip -n x link set d0 up
step "Wait"
  Nobody has 10.9.0.2.
do: ip netns exec x ping -c 1 -W 8 10.9.0.2    # fails: nobody is there
check: you ran ip netns exec x ping -c 1 -W 8 10.9.0.2
L
run nsv lesson --verify -v 79
check_eq "a ping that waits: --verify -v exit 0" "$RC" 0
check_match "-v says how long a ping may wait, before it does" "$OUT" \
	'^    \$ ip netns exec x ping -c 1 -W 8 10\.9\.0\.2$'
check_match "... (the line after the command)" "$(printf '%s\n' "$OUT" | grep -A1 'ping -c 1 -W 8')" \
	'^    \(up to 8 s when nothing answers: ping waits 8 s for a late reply\)$'
check_match "one step: \"1 step verified\"" "$OUT" '^lesson 79 \(Nobody answers\): 1 step verified$'
run sh -c 'printf "%s\n" "show me" quit | "$NSVIZ" lesson 79'
check_match "the plain-text lesson's show me says so too" "$OUT" \
	'^\(up to 8 s when nothing answers: ping waits 8 s for a late reply\)$'

if command -v tmux >/dev/null; then
	export TMUX_TMPDIR="$TMPD"
	T() { tmux -L nsviz-lessons -f "$TMUX_CONF" "$@"; }
	screen() { T capture-pane -p -t v; }
	wait_for() {
		i=0
		while [ $i -lt 250 ]; do
			if screen | grep -Eq -- "$2"; then pass "$1"; return 0; fi
			sleep 0.1; i=$((i + 1))
		done
		fail "$1" "screen never matched: $2" "$(screen)"
		return 1
	}
	T new-session -d -s v -x 120 -y 20 "'$NSVIZ' lesson --verify 79; echo EXIT=\$?; sleep 60"
	wait_for "on a terminal, --verify shows the command that runs and what it waits for" \
		'^lesson 79, step 1/1: (PING 10\.9\.0\.2|\(up to 8 s)'
	wait_for "... then the result" '^lesson 79 \(Nobody answers\): 1 step verified'
	wait_for "... exit 0" '^EXIT=0'
	check_nomatch "... and the status line is gone" "$(screen)" 'step 1/1'
	T kill-session -t v

	# --host on a terminal: the question
	T new-session -d -s v -x 120 -y 40 "'$NSVIZ' lesson 2 --host --restart; echo EXIT=\$?; sleep 60"
	wait_for "--host on a terminal asks" '^Type yes to go on:'
	T send-keys -t v no Enter
	wait_for "... no is no" '^nsviz: lesson: not on the host, then\.'
	wait_for "... exit 1" '^EXIT=1'
	T kill-server 2>/dev/null
else
	echo "# tmux not found: the terminal checks of --verify and --host skipped"
fi
rm -f "$USER_DIR"/*.lesson

# --- the plain-text lesson, progress, resuming --------------------------------------
run sh -c 'printf "%s\n" "hint" "link add veth0 type veth peer name veth1" \
	"link show veth0" "link show veth1" "goal" \
	"ip addr add 10.0.1.0/24 dev veth0" "ip link set veth0 up" \
	"ip addr show veth0" | "$NSVIZ" lesson 1'
check_eq "lesson 1 typed at stdin: exit 0" "$RC" 0
check_match "it starts with the lesson's title" "$OUT" '^Lesson 1: The veth pair$'
check_match "the first step, numbered" "$OUT" '^== Step 1 of 4: Make a veth pair ==$'
check_match "what to do" "$OUT" '^  ip link add veth0 type veth peer name veth1$'
check_match "hint" "$OUT" '^  The shape of the command is ip link add NAME type veth peer name'
check_match "the goal is checked after each command" "$OUT" \
	'^  \(goal: not yet: you have not run `ip link show veth1` yet\)$'
check_match "goal lists each check, and why it does not hold" "$OUT" \
	'^  \[ \] address 10\.0\.1\.0/24 is on veth0: veth0 has no address 10\.0\.1\.0/24 \(it has none\)$'
check_match "a step is done when its goal holds" "$OUT" '^  Goal reached: step 1 done\.$'
check_match "... all of them" "$OUT" '^  Goal reached: step 4 done\.$'
check_match "the lesson ends" "$OUT" '^Lesson 1 complete\.$'
check_match "the commands ran (in nsviz's own sandbox)" "$OUT" \
	'^[0-9]+: veth0@veth1: <BROADCAST,MULTICAST,M-DOWN> '
check_eq "... which is gone: nothing left here" "$(ip -o link show | wc -l)" 1
check_match "progress saved: lesson 1 done" "$(cat "$PROGRESS")" '^lesson 1 step 4$'
check_match "progress: the last lesson" "$(cat "$PROGRESS")" '^last 1$'
check_eq "the progress file is private" "$(stat -c %a "$PROGRESS")" 600
run nsv lesson --list
check_match "--list shows it done" "$OUT" '^ 1  The veth pair +4 steps  \(done\)$'

# no number: the next lesson after a finished one
run sh -c 'echo quit | "$NSVIZ" lesson'
check_match "nsviz lesson goes on with lesson 2" "$OUT" '^Lesson 2: A namespace of its own$'
check_match "... building what lesson 1 left" "$OUT" '^\$ ip link add veth0 type veth peer name veth1$'
# part of lesson 2, then resume
run sh -c 'printf "%s\n" "netns add vnet" "quit" | "$NSVIZ" lesson 2'
check_match "lesson 2 step 1 done" "$OUT" '^  Goal reached: step 1 done\.$'
check_match "progress: lesson 2 at step 2" "$(cat "$PROGRESS")" '^lesson 2 step 1$'
run sh -c 'printf "%s\n" "goal" "quit" | "$NSVIZ" lesson'
check_match "resumed where it was left" "$OUT" '^== Step 2 of 5: Move veth1 into vnet ==$'
check_match "... after doing the steps before again" "$OUT" '^\$ ip netns add vnet$'
check_match "... so the goal of step 2 is not met yet" "$OUT" '^  \[ \] link veth1 is in vnet: veth1 is not in namespace vnet \(it is in the host namespace\)$'
run sh -c 'printf "%s\n" "show me" "quit" | "$NSVIZ" lesson 2'
check_match "show me runs the step's commands" "$OUT" '^\$ ip link set veth1 netns vnet$'
check_match "... which meets the goal" "$OUT" '^  Goal reached: step 2 done\.$'
run sh -c 'printf "%s\n" "back" "next" "next" "quit" | "$NSVIZ" lesson 2 --restart'
check_match "--restart starts at step 1" "$OUT" '^== Step 1 of 5: Create the namespace vnet ==$'
check_match "back on the first step" "$OUT" '^  This is the first step\.$'
check_match "next skips ahead" "$OUT" '^== Step 3 of 5: veth1 is gone from here ==$'

# --host: a warning that says what will change; without a terminal to
# ask, only --yes goes on
run sh -c 'echo quit | "$NSVIZ" lesson 2 --restart --host'
check_eq "lesson --host without a terminal: exit 1" "$RC" 1
check_match "... says why" "$ERR" \
	'^nsviz: lesson --host: no terminal to ask: not on the host \(--yes goes on without asking\)$'
check_nomatch "... and nothing ran" "$OUT" 'Lesson 2'
run sh -c 'echo quit | "$NSVIZ" lesson 2 --restart --host --yes'
check_eq "lesson --host --yes: exit 0" "$RC" 0
check_match "--host warns" "$ERR" \
	'^nsviz: lesson --host: lesson 2 "A namespace of its own" will change the real$'
check_match "... with the namespaces it makes" "$ERR" '^  namespaces it makes: vnet$'
check_match "... the interfaces" "$ERR" '^  interfaces it makes: veth0, veth1$'
check_match "... the addresses" "$ERR" \
	'^  addresses it adds: 10\.0\.1\.0/24 on veth0, 10\.0\.2\.0/24 on veth1 \(in vnet\)$'
check_match "... and then the lesson runs, here" "$OUT" '^Lesson 2: A namespace of its own$'
check_match "... whose setup made veth0 here" "$(ip -o link show)" '^[0-9]+: veth0@veth1: '
ip link del veth0
run sh -c 'echo quit | "$NSVIZ" lesson 6 --restart --host --yes'
check_match "--host names routes" "$ERR" \
	'^  routes it adds: default via 10\.0\.1\.1 \(in left\), default via 10\.0\.2\.1 \(in$'
check_match "... and settings" "$ERR" \
	'^  settings it writes: net\.ipv4\.ip_forward=0 \(in router\),$'
for ns in left router right; do ip netns del $ns 2>/dev/null; done
check_rc "--yes without --host: usage error" 2 nsv lesson 2 --yes

# --- usage ---------------------------------------------------------------------------
check_rc "lesson --help" 0 nsv lesson --help
check_match "... says what lesson does" "$OUT" '^Usage: nsviz lesson \[N\] \[--host \[--yes\]\] \[--restart\]$'
check_match "... and what --yes does" "$OUT" '^  --yes       with --host: do not ask'
check_rc "lesson abc: usage error" 2 nsv lesson abc
check_eq "... says why" "$ERR" 'nsviz: lesson: abc: not a lesson number'
check_rc "lesson --frob: usage error" 2 nsv lesson --frob
check_rc "lesson --list 3: usage error" 2 nsv lesson --list 3
check_rc "lesson --verify --host: usage error" 2 nsv lesson --verify --host
check_rc "lesson 2 -v: usage error" 2 nsv lesson 2 -v
run sh -c 'echo quit | "$NSVIZ" lesson 99'
check_eq "lesson 99: exit 1" "$RC" 1
check_eq "... no such lesson" "$ERR" 'nsviz: lesson 99: no such lesson (nsviz lesson --list shows them)'
run env NSVIZ_LESSONS_DIR=/nonexistent "$NSVIZ" lesson --list
check_eq "no lessons anywhere: exit 1" "$RC" 1
check_match "... says so" "$ERR" '^nsviz: no lessons found'

done_testing
