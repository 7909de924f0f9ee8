#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Echo servers and send (issue 4), against the real kernel in a sandbox:
# the tutorial's TCP and UDP exchanges with netcat from the host namespace
# to a server in vnet; many clients at once; silent, binary, over-long,
# half-closed and never-reading clients; the servers a session starts
# (-n NS echo), their list, log and stop; a server killed, and a namespace
# deleted under one, noticed with no zombie left.
. "${TOP_SRCDIR:-$(dirname "$0")/../..}/tests/lib/common.sh"
sandbox_reexec

for t in nc socat; do
	command -v $t >/dev/null || { echo "SKIP: $t is needed (netcat-openbsd, socat)" >&2; exit 77; }
done
ECHOLOAD=${ECHOLOAD:-$(dirname "$NSVIZ")/bench/echoload}
# A build that did not make the load generator (make distcheck's tree):
# build it here from the source, it is one file.
if [ ! -x "$ECHOLOAD" ] && command -v cc >/dev/null &&
   cc -O2 -o "$TMPD/echoload" "$TOP_SRCDIR/bench/echoload.c" 2>/dev/null; then
	ECHOLOAD=$TMPD/echoload
fi

nsv() { "$NSVIZ" "$@"; }
now_ms() { echo $(($(date +%s%N) / 1000000)); }

# wait_until CMD...: up to 5 s for CMD to succeed
wait_until() {
	_w=0
	while [ $_w -lt 50 ]; do
		"$@" 2>/dev/null && return 0
		sleep 0.1
		_w=$((_w + 1))
	done
	return 1
}
listening() { grep -q " listening at " "$1"; }
gone() { [ ! -e "/proc/$1" ]; }

# zombies_of PID: children of PID in Z state ("" when none)
zombies_of() {
	for _s in /proc/[0-9]*/status; do
		awk -v p="$1" '/^State:/ {z = ($2 == "Z")} /^PPid:/ {pp = $2}
			END {if (z && pp == p) print FILENAME}' "$_s" 2>/dev/null
	done
}
# every zombie in the sandbox that was an nsviz
nsviz_zombies() {
	for _s in /proc/[0-9]*/status; do
		awk '/^Name:/ {n = $2} /^State:/ {z = ($2 == "Z")}
			END {if (z && n == "nsviz") print FILENAME}' "$_s" 2>/dev/null
	done
}

DATE_RE='[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}'
LOG_RE='^[0-9]{4}/[0-9]{2}/[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2} '

# --- the tutorial's topology --------------------------------------------------
ip link add veth0 type veth peer name veth1 &&
ip addr add 10.0.1.0/24 dev veth0 && ip link set veth0 up &&
ip netns add vnet && ip link set veth1 netns vnet &&
ip -n vnet addr add 10.0.2.0/24 dev veth1 && ip -n vnet link set veth1 up &&
ip -n vnet link set lo up &&
ip route add 10.0.2.0/24 dev veth0 scope link &&
ip -n vnet route add 10.0.1.0 dev veth1 scope link || exit 99

# --- the tutorial's TCP server, as the tutorial runs it --------------------------
ip netns exec vnet "$NSVIZ" echo tcp >"$TMPD/tcp.log" 2>&1 &
TCP=$!
wait_until listening "$TMPD/tcp.log"
check_match "ip netns exec vnet nsviz echo tcp: the tutorial's first line" \
	"$(head -n1 "$TMPD/tcp.log")" "${LOG_RE}listening at 0\.0\.0\.0:4078 \(tcp\)\.\.\.\$"
check_eq "the server is in vnet (nsviz netns pids)" "$(nsv netns pids vnet)" "$TCP"
check_eq "... and ip netns pids agrees" "$(ip netns pids vnet)" "$TCP"

run sh -c 'echo "hello" | nc -4 -q1 10.0.2.0 4078'
check_match "echo hello | nc -4 -q1 10.0.2.0 4078: [date] hello" "$OUT" "^\[$DATE_RE\] hello\$"
REPLY_DATE=$(printf '%s\n' "$OUT" | sed -n 's/^\[\([0-9-]*\) .*/\1/p')
check_eq "the reply is dated today" "$REPLY_DATE" "$(date +%Y-%m-%d)"
LINE=$(grep 'received:' "$TMPD/tcp.log" | tail -n1)
check_match "the tutorial's log line" "$LINE" "${LOG_RE}received: \"hello\" \(size_bytes=6\)\$"
check_eq "log and reply carry the same time" \
	"$(printf '%s\n' "$LINE" | cut -c1-19 | tr / -)" \
	"$(printf '%s\n' "$OUT" | cut -c2-20)"

run nsv send tcp 10.0.2.0 4078 hello
check_eq "send tcp: exit 0" "$RC" 0
check_match "send tcp 10.0.2.0 4078 hello: [date] hello" "$OUT" "^\[$DATE_RE\] hello\$"
run nsv -n vnet send tcp 127.0.0.1 4078 'from inside'
check_match "-n vnet send: from inside the namespace" "$OUT" "^\[$DATE_RE\] from inside\$"
run nsv send -n vnet tcp 127.0.0.1 4078 again --timeout 2
check_match "nsviz send -n vnet ... --timeout 2" "$OUT" "^\[$DATE_RE\] again\$"

# every message on a connection is answered, not only the first
run sh -c '(printf "one\n"; sleep 0.3; printf "two\n"; sleep 0.3; printf "three\n") | nc -N 10.0.2.0 4078'
check_eq "three messages on one connection: three replies" "$(printf '%s\n' "$OUT" | grep -Ec "^\[$DATE_RE\] (one|two|three)\$")" 3

# --- send's errors, in a person's words ------------------------------------------
run nsv send tcp 10.0.2.0 4079 hello
check_eq "send to a closed port: exit 1" "$RC" 1
check_eq "send to a closed port: nc's words" "$ERR" "nsviz: connect to 10.0.2.0 port 4079: Connection refused"
run nsv send tcp 10.9.9.9 4078 hello
check_eq "send with no route" "$ERR" "nsviz: connect to 10.9.9.9 port 4078: Network is unreachable"
T0=$(now_ms)
run nsv send tcp 10.0.2.1 4078 hello timeout 1
T1=$(now_ms)
check_eq "send to nobody: the timeout" "$ERR" "nsviz: connect to 10.0.2.1 port 4078: no answer within 1 s"
# (not before its second; and not what send's default of 5 s would give)
check_eq "... after its second, not the default 5 s" \
	"$([ $((T1 - T0)) -ge 900 ] && [ $((T1 - T0)) -lt 5000 ] && echo yes || echo "no: $((T1 - T0)) ms")" yes
run nsv -n nowhere send tcp 10.0.2.0 4078 hi
check_eq "send from a namespace that does not exist" "$ERR" "nsviz: nowhere: no such network namespace"

# --- clients a better server must survive -------------------------------------------
# a silent client does not delay anyone (the tutorial's server: 5 s).  On
# a server that keeps it 60 s, one that served a client at a time would
# answer nobody else within send's 5 s; and the silent one must still be
# connected when the answer comes (not closed first to make room).
ip netns exec vnet "$NSVIZ" echo tcp --port 4081 --idle 60 >"$TMPD/long.log" 2>&1 &
LONG=$!
wait_until listening "$TMPD/long.log"
socat -u TCP:10.0.2.0:4081 - >/dev/null 2>&1 &
SILENT=$!
est4081() { ss -Htn state established '( dport = :4081 )' | awk '{print $3}'; }
wait_until test -n "$(est4081)"
CONN=$(est4081)
run nsv send tcp 10.0.2.0 4081 "not waiting"
check_match "with a silent client connected, others are answered" "$OUT" "^\[$DATE_RE\] not waiting\$"
check_eq "... while the silent one is still connected" "$(est4081)" "$CONN"

# binary: every byte value, back exactly, logged escaped
awk 'BEGIN { for (i = 0; i < 256; i++) printf "%c", i }' >"$TMPD/bytes"
nc -N 10.0.2.0 4078 <"$TMPD/bytes" >"$TMPD/reply" 2>/dev/null
check_eq "binary: all 256 byte values come back" "$(tail -c 256 "$TMPD/reply" | cmp - "$TMPD/bytes" && echo same)" same
check_match "binary: after the timestamp" "$(head -c 22 "$TMPD/reply")" "^\[$DATE_RE\] \$"
LINE=$(grep -a 'size_bytes=256' "$TMPD/tcp.log" | tail -n1)
check_match "binary: logged with Go's escapes" "$LINE" 'received: "\\x00\\x01\\x02\\x03\\x04\\x05\\x06\\a\\b\\t\\n\\v\\f\\r\\x0e'
check_match "binary: quotes and backslashes escaped" "$LINE" ' !\\"#\$%&'"'"'\(\)\*\+,-\./0123456789'
check_match "binary: bytes that are not UTF-8 as \\xNN" "$LINE" '\\x7f\\x80\\x81.*\\xfe\\xff" \(size_bytes=256\)$'
check_eq "the log holds no control character" \
	"$(tr -d '\n' <"$TMPD/tcp.log" | LC_ALL=C grep -c '[[:cntrl:]]')" 0

# garbage: an escape sequence meant for a terminal, invalid UTF-8, NULs
printf '\033[2J\033]0;pwned\007\000\300\257\355\240\200\n' >"$TMPD/garbage"
nc -N 10.0.2.0 4078 <"$TMPD/garbage" >"$TMPD/reply" 2>/dev/null
check_eq "garbage: answered byte for byte" "$(tail -c +23 "$TMPD/reply" | cmp - "$TMPD/garbage" && echo same)" same
check_match "garbage: logged harmless" "$(grep -a 'size_bytes=21' "$TMPD/tcp.log" | tail -n1)" \
	'received: "\\x1b\[2J\\x1b\]0;pwned\\a\\x00\\xc0\\xaf\\xed\\xa0\\x80" \(size_bytes=21\)$'

# over-long: 100000 bytes, answered in pieces of at most 4096
BEFORE=$(wc -l <"$TMPD/tcp.log")
# (the log is written before the replies: it is complete when nc ends)
head -c 100000 /dev/zero | tr '\0' a | nc -N 10.0.2.0 4078 >"$TMPD/reply" 2>/dev/null
PIECES=$(tail -n +"$((BEFORE + 1))" "$TMPD/tcp.log" | grep -Ec 'received: "a*"( \(\+[0-9]+ bytes\))? \(size_bytes=[0-9]*\)$')
SUM=$(tail -n +"$((BEFORE + 1))" "$TMPD/tcp.log" | sed -n 's/.*size_bytes=\([0-9]*\))$/\1/p' | awk '{s += $1; if ($1 > m) m = $1} END {print s, m}')
check_eq "over-long: every byte read once, no piece over 4096" "${SUM%% *} $([ "${SUM##* }" -le 4096 ] && echo ok)" "100000 ok"
check_match "over-long: more than one piece" "$PIECES" '^([3-9]|[1-9][0-9]+)$'
check_eq "over-long: one timestamp per piece" "$(wc -c <"$TMPD/reply")" "$((100000 + 22 * PIECES))"
check_eq "over-long: the payload comes back whole" \
	"$(sed "s/\[[0-9-]* [0-9:]*\] //g" "$TMPD/reply" | tr -d '\n' | wc -c) $(sed "s/\[[0-9-]* [0-9:]*\] //g" "$TMPD/reply" | tr -d 'a\n' | wc -c)" "100000 0"

# half-closed: the client shuts down its side and still gets its answer
# (nc -N ends when the server closes: on the --idle 60 server, 20 s is
# only a hang guard)
run timeout 20 sh -c "printf 'half\n' | nc -N 10.0.2.0 4081"
check_match "half-closed: answered" "$OUT" "^\[$DATE_RE\] half\$"
check_eq "half-closed: closed after the answer, not at the idle timeout (exit status)" "$RC" 0
kill $SILENT 2>/dev/null
kill -TERM $LONG
wait $LONG 2>/dev/null
# a connection that sends nothing at all
run sh -c 'nc -N 10.0.2.0 4078 </dev/null'
sleep 0.2
check_match "zero bytes: the tutorial's line" "$(tail -n1 "$TMPD/tcp.log")" "${LOG_RE}no data received \[size_bytes=0\]\$"

# a client that sends and never reads: memory stays bounded, others served
RSS0=$(awk '/^VmRSS/ {print $2}' /proc/$TCP/status)
head -c 20000000 /dev/zero | timeout 3 socat -u - TCP:10.0.2.0:4078 2>/dev/null &
FLOOD=$!
sleep 1.5
RSS1=$(awk '/^VmRSS/ {print $2}' /proc/$TCP/status)
run nsv send tcp 10.0.2.0 4078 "during the flood"
check_match "a client that never reads does not stop the others" "$OUT" "^\[$DATE_RE\] during the flood\$"
[ $((RSS1 - RSS0)) -lt 4096 ] && pass "... and costs the server under 4 MB (${RSS0} -> ${RSS1} kB)" ||
	fail "a never-reading client costs the server under 4 MB" "VmRSS ${RSS0} -> ${RSS1} kB"
wait $FLOOD 2>/dev/null
wait $SILENT 2>/dev/null

# --- many at once ------------------------------------------------------------------
if [ -x "$ECHOLOAD" ]; then
	run "$ECHOLOAD" -c 500 -n 1 --check -t 10 10.0.2.0 4078
	check_eq "500 clients connected at once, all answered, replies checked" \
		"$(printf '%s\n' "$OUT" | sed -n 's/^requests=\([0-9]*\) .* errors=\([0-9]*\) .*$/\1 \2/p')" "500 0"
	run "$ECHOLOAD" -c 50 -n 20 --check -t 10 10.0.2.0 4078
	check_eq "50 clients x 20 requests each, all answered" \
		"$(printf '%s\n' "$OUT" | sed -n 's/^requests=\([0-9]*\) .* errors=\([0-9]*\) .*$/\1 \2/p')" "1000 0"
else
	fail "echoload was built" "$ECHOLOAD is missing"
fi
: >"$TMPD/pids"
i=0
while [ $i -lt 50 ]; do
	(echo "nc $i" | nc -4 -q1 10.0.2.0 4078 >"$TMPD/nc.$i" 2>&1) &
	echo $! >>"$TMPD/pids"
	i=$((i + 1))
done
for p in $(cat "$TMPD/pids"); do wait "$p"; done
OK=0 i=0
while [ $i -lt 50 ]; do
	grep -Eq "^\[$DATE_RE\] nc $i\$" "$TMPD/nc.$i" && OK=$((OK + 1))
	i=$((i + 1))
done
check_eq "50 netcats at once, each its own answer" "$OK" 50

# a log reader that does not read (a busy supervisor): the server never
# waits for it; lines are dropped, counted, and said so, and the log stays
# whole lines.  (The variable is how the supervisor hands over its page.)
if [ -x "$ECHOLOAD" ]; then
	sh -c 'echo $$ >"$1/slow.pid"; exec env NSVIZ_ECHO_STATS_FD=3 "$2" echo tcp --port 4091 3</dev/zero' \
		sh "$TMPD" "$NSVIZ" | (sleep 4; cat >"$TMPD/slow.log") &
	SLOWREADER=$!
	wait_until test -s "$TMPD/slow.pid"
	sleep 0.3
	run "$ECHOLOAD" -c 10 -n 5000 -t 10 127.0.0.1 4091
	check_match "an unread log does not slow the server: 50000 answered" "$OUT" '^requests=50000 .* errors=0 '
	sleep 4.5
	kill "$(cat "$TMPD/slow.pid")"
	wait $SLOWREADER
	check_eq "every message logged or counted as dropped" \
		"$(awk '/ received: / {n++} / log lines dropped: nobody was reading the log\)$/ {sub(/^\(/, "", $3); d += $3} END {print n + d}' "$TMPD/slow.log")" 50000
	check_match "... and said so" "$(cat "$TMPD/slow.log")" "${LOG_RE}\([0-9]+ log lines dropped: nobody was reading the log\)\$"
	check_eq "... in whole lines" "$(grep -Evc "${LOG_RE}(listening at|received: |\([0-9]+ log lines dropped|stopping )" "$TMPD/slow.log")" 0
fi

# --- stopping ----------------------------------------------------------------------
kill -TERM $TCP
wait $TCP
check_eq "SIGTERM: a clean stop (exit 0)" "$?" 0
check_match "SIGTERM: said so in the log" "$(tail -n1 "$TMPD/tcp.log")" "${LOG_RE}stopping \(SIGTERM\): [0-9]+ messages, [0-9]+ connections served\$"

# --- idle timeout and the connection cap --------------------------------------------
ip netns exec vnet "$NSVIZ" echo tcp --port 4080 --idle 1 --max-conns 2 >"$TMPD/cap.log" 2>&1 &
CAP=$!
wait_until listening "$TMPD/cap.log"
T0=$(now_ms)
timeout 20 socat -u TCP:10.0.2.0:4080 - >/dev/null 2>&1
T1=$(now_ms)
# (not before its second; and not what the default --idle 5 would give)
check_eq "--idle 1: a silent client is closed after a second" \
	"$([ $((T1 - T0)) -ge 900 ] && [ $((T1 - T0)) -lt 5000 ] && echo yes || echo "no: $((T1 - T0)) ms")" yes
check_match "... and the tutorial's zero-bytes line is logged" "$(tail -n1 "$TMPD/cap.log")" "no data received \[size_bytes=0\]\$"
sh -c 'printf "a\n"; sleep 0.6; printf "b\n"; sleep 0.6; printf "c\n"' | nc -N 10.0.2.0 4080 >"$TMPD/slow" 2>&1
check_eq "--idle counts from the last message, not from connect" "$(grep -c "^\[" "$TMPD/slow")" 3
# two silent clients fill --max-conns 2 ...
socat -u TCP:10.0.2.0:4080 - >/dev/null 2>&1 &
H1=$!
socat -u TCP:10.0.2.0:4080 - >/dev/null 2>&1 &
H2=$!
wait_until test "$(ss -Htn state established '( dport = :4080 )' | wc -l)" -ge 2
# ... a third waits: the server says so, and answers it only after an
# idle one was closed (in the log's order; not by a clock: the holders'
# second may be over before a slow send even starts; 20 s: a hang guard)
nsv send tcp 10.0.2.0 4080 third timeout 20 >"$TMPD/third" 2>&1 &
THIRD=$!
wait_until grep -q "connection limit reached" "$TMPD/cap.log"
check_match "--max-conns 2: the limit is logged" "$(cat "$TMPD/cap.log")" "connection limit reached \(max-conns 2\): new clients wait"
wait $THIRD
check_match "... and the third is served once a place is free" "$(cat "$TMPD/third")" "^\[$DATE_RE\] third\$"
check_eq "... not before: an idle one was closed first" \
	"$(awk '/connection limit reached/ {l = 1} l && /no data received/ && !c {c = NR}
		/received: "third/ {t = NR} END {print (c && t > c) ? "yes" : "no: " c " " t}' "$TMPD/cap.log")" yes
wait $H1 $H2 2>/dev/null
# a server that takes the message and never answers: send's own words
ip netns exec vnet socat -t 30 TCP-LISTEN:4082,reuseaddr EXEC:"sleep 30" >/dev/null 2>&1 &
MUTE=$!
wait_until test -n "$(ip netns exec vnet ss -Hltn '( sport = :4082 )')"
run nsv send tcp 10.0.2.0 4082 unanswered timeout 0.5
check_eq "send, no reply: its timeout in the message" "$ERR" "nsviz: 10.0.2.0 port 4082 (tcp): no reply within 0.5 s"
kill $MUTE 2>/dev/null
wait $MUTE 2>/dev/null
# (and its sleep, left in vnet)
for p in $(ip netns pids vnet); do [ "$p" = "$CAP" ] || kill "$p"; done
kill -INT $CAP
wait $CAP
check_eq "SIGINT: a clean stop too" "$?" 0

# --- UDP ------------------------------------------------------------------------------
ip netns exec vnet "$NSVIZ" echo udp >"$TMPD/udp.log" 2>&1 &
UDP=$!
wait_until listening "$TMPD/udp.log"
check_match "nsviz echo udp: first line" "$(head -n1 "$TMPD/udp.log")" "${LOG_RE}listening at 0\.0\.0\.0:4078 \(udp\)\.\.\.\$"
# nc -u quits at end of input without waiting for the answer; -w1 waits
run sh -c 'echo "hello" | nc -u -4 -w1 10.0.2.0 4078'
check_match "echo hello | nc -u -w1 10.0.2.0 4078: [date] hello" "$OUT" "^\[$DATE_RE\] hello\$"
check_match "udp: the tutorial's log line" "$(grep received: "$TMPD/udp.log" | tail -n1)" "${LOG_RE}received: \"hello\" \(size_bytes=6\)\$"
run nsv send udp 10.0.2.0 4078 hello
check_match "send udp: [date] hello" "$OUT" "^\[$DATE_RE\] hello\$"
LONG=$(head -c 5000 /dev/zero | tr '\0' u)
run nsv send udp 10.0.2.0 4078 "$LONG"
check_eq "udp: a 5001-byte datagram answered whole, in one" "$(printf '%s' "$OUT" | wc -c)" $((5000 + 22))
check_eq "udp: logged as one message of 5001 bytes" "$(grep -o 'size_bytes=[0-9]*' "$TMPD/udp.log" | tail -n1)" "size_bytes=5001"
check_match "udp: the log keeps the first 256 bytes and says how many it left out" \
	"$(grep received: "$TMPD/udp.log" | tail -n1)" \
	"${LOG_RE}received: \"u{256}\" \(\+4744 bytes\) \(size_bytes=5001\)\$"
BIG=$(head -c 60000 /dev/zero | tr '\0' b)
run nsv send udp 10.0.2.0 4078 "$BIG"
check_eq "udp: a 60001-byte datagram answered whole" "$OUT" "$(printf '%s' "$OUT" | head -c 22)$BIG"
check_eq "udp: ... logged in one short line" \
	"$(grep 'size_bytes=60001' "$TMPD/udp.log" | wc -l) $(grep 'size_bytes=60001' "$TMPD/udp.log" | wc -c | awk '{print ($1 < 400)}')" "1 1"
# the longest IPv4 datagram: the prefix leaves no room for all of it
MAXMSG=$(head -c 65506 /dev/zero | tr '\0' m)
run nsv send udp 10.0.2.0 4078 "$MAXMSG"
check_eq "udp: a 65507-byte datagram: the reply holds what a datagram can" \
	"$(printf '%s' "$OUT" | wc -c)" 65507
check_match "udp: ... and the log says what was cut" "$(tail -n1 "$TMPD/udp.log")" \
	"${LOG_RE}reply cut to 65485 of 65507 bytes: a UDP datagram holds 65485 after the 22-byte prefix\$"
run nsv send udp 10.0.2.0 4079 hello
check_eq "send udp to a closed port" "$ERR" "nsviz: 10.0.2.0 port 4079 (udp): Connection refused (nothing listens there)"
kill $UDP
wait $UDP

# --- a foreground server from nsviz itself, and bad input -----------------------------
"$NSVIZ" -n vnet echo tcp --port 4090 >"$TMPD/fg.log" 2>&1 &
FG=$!
wait_until listening "$TMPD/fg.log"
check_eq "nsviz -n vnet echo tcp: a foreground server in vnet" "$(ip netns identify $FG)" vnet
check_match "... that answers" "$(nsv send tcp 10.0.2.0 4090 fg)" "^\[$DATE_RE\] fg\$"
run "$NSVIZ" -n vnet echo tcp --port 4090
check_eq "a port in use: exit 1" "$RC" 1
check_eq "a port in use: why" "$ERR" "nsviz echo: cannot listen at 0.0.0.0:4090 (tcp): Address already in use"
kill $FG
wait $FG
run "$NSVIZ" echo tcp --port 0
check_match "nsviz echo tcp --port 0: refused" "$RC:$ERR" '^1:nsviz: 0: not a port'
run "$NSVIZ" -n nowhere echo tcp
check_eq "nsviz -n nowhere echo tcp" "$RC:$ERR" "1:nsviz: nowhere: no such network namespace"
run "$NSVIZ" echo sctp
check_match "nsviz echo sctp" "$ERR" '^nsviz: sctp: unknown echo command'

# --- servers of a session: -n NS echo, echo list|log|stop ----------------------------
ip netns add other
mkfifo "$TMPD/in"
"$NSVIZ" <"$TMPD/in" >"$TMPD/s.out" 2>&1 &
NP=$!
exec 3>"$TMPD/in"
say() { echo "$*" >&3; }
# expect PATTERN: the session's output matches within 5 s
expect() { wait_until grep -Eq -- "$1" "$TMPD/s.out"; }

say '-n vnet echo tcp port 5000'
expect '^echo 1: ' || fail "session: echo 1 started" "$(cat "$TMPD/s.out")"
check_match "-n vnet echo tcp port 5000: started" "$(cat "$TMPD/s.out")" \
	'^echo 1: tcp server listening at 0\.0\.0\.0:5000 in namespace vnet, pid [0-9]+$'
S1=$(sed -n 's/^echo 1: .*, pid \([0-9]*\)$/\1/p' "$TMPD/s.out")
check_eq "the server is in vnet's pids" "$(ip netns pids vnet)" "$S1"
check_eq "it runs nsviz's own binary: nsviz echo tcp --port 5000" \
	"$(tr '\0' ' ' </proc/$S1/cmdline)" "nsviz echo tcp --port 5000 "
check_eq "it is a child of the session" "$(awk '/^PPid:/ {print $2}' /proc/$S1/status)" "$NP"
check_eq "in a session of its own (^C at the prompt is not for it)" "$(awk '{print $6}' /proc/$S1/stat)" "$S1"
run sh -c 'echo "hello" | nc -4 -q1 10.0.2.0 5000'
check_match "netcat gets its answer from the session's server" "$OUT" "^\[$DATE_RE\] hello\$"
say '-n vnet echo udp port 5000'
expect '^echo 2: udp server listening at 0\.0\.0\.0:5000 in namespace vnet' &&
	pass "-n vnet echo udp port 5000" || fail "-n vnet echo udp port 5000" "$(cat "$TMPD/s.out")"
S2=$(sed -n 's/^echo 2: .*, pid \([0-9]*\)$/\1/p' "$TMPD/s.out")
say 'send udp 10.0.2.0 5000 "over udp"'
say 'echo list'
expect '^2 +vnet +udp +5000 +0\.0\.0\.0 +[0-9]+ +0 +1$'
check_match "echo list: header" "$(cat "$TMPD/s.out")" '^ID +NAMESPACE +PROTO +PORT +ADDRESS +PID +CONNS +MESSAGES$'
check_match "echo list: the tcp server, one message" "$(cat "$TMPD/s.out")" "^1 +vnet +tcp +5000 +0\.0\.0\.0 +$S1 +0 +1\$"
check_match "echo list: the udp server, one message" "$(cat "$TMPD/s.out")" "^2 +vnet +udp +5000 +0\.0\.0\.0 +$S2 +0 +1\$"
say 'echo log 1'
expect "${LOG_RE}received: \"hello\" \(size_bytes=6\)\$"
check_match "echo log 1: the server's own lines" "$(cat "$TMPD/s.out")" "${LOG_RE}listening at 0\.0\.0\.0:5000 \(tcp\)\.\.\.\$"
say '-n vnet echo tcp port 5000'
expect 'Address already in use'
check_match "a second server on the same port: why not" "$(cat "$TMPD/s.out")" \
	'^echo tcp in namespace vnet: cannot listen at 0\.0\.0\.0:5000 \(tcp\): Address already in use$'
say 'echo stop 2'
say 'echo stop 2'
expect '^echo 2: no such server'
check_eq "echo stop 2: the server is gone" "$(gone "$S2" && echo gone)" gone
check_eq "echo stop 2 again: no such server" "$(grep -c '^echo 2: no such server (echo list shows the running ones)$' "$TMPD/s.out")" 1

# killed by someone else: noticed, reaped at once
kill -9 "$S1"
wait_until gone "$S1"
check_eq "a killed server is reaped at once (no zombie)" "$(gone "$S1" && echo gone; zombies_of $NP)" gone
say 'echo list'
expect 'died: killed by signal 9'
check_match "... and reported at the next command" "$(cat "$TMPD/s.out")" \
	"^echo 1 \(tcp 0\.0\.0\.0:5000 in namespace vnet, pid $S1\) died: killed by signal 9 \(SIGKILL\)\$"

# its namespace deleted under it: stopped, reported, nothing left
say '-n other echo tcp port 6000'
expect '^echo 3: '
S3=$(sed -n 's/^echo 3: .*, pid \([0-9]*\)$/\1/p' "$TMPD/s.out")
check_eq "a server in namespace other" "$(ip netns pids other)" "$S3"
ip netns del other
say 'echo list'
expect 'namespace other was deleted'
check_match "namespace deleted under a server: reported" "$(cat "$TMPD/s.out")" \
	"^echo 3 \(tcp 0\.0\.0\.0:6000 in namespace other, pid $S3\): namespace other was deleted; server stopped\$"
wait_until gone "$S3"
check_eq "... the server is gone, no zombie" "$(gone "$S3" && echo gone; zombies_of $NP)" gone
# ... and when the session itself deletes it, it says so right away
say 'netns add third'
say '-n third echo udp'
expect '^echo 4: '
S4=$(sed -n 's/^echo 4: .*, pid \([0-9]*\)$/\1/p' "$TMPD/s.out")
say 'netns del third'
expect 'namespace third was deleted; server stopped$'
check_eq "netns del in the session: the server stopped at once" "$(gone "$S4" && echo gone)" gone

# the session ends: its servers with it
say '-n vnet echo tcp port 5001'
expect '^echo 5: '
S5=$(sed -n 's/^echo 5: .*, pid \([0-9]*\)$/\1/p' "$TMPD/s.out")
exec 3>&-
wait $NP
check_eq "the session ended cleanly" "$?" 0
check_eq "the session's servers ended with it" "$(gone "$S5" && echo gone)" gone
check_eq "no nsviz zombie anywhere" "$(nsviz_zombies)" ""

# killed outright, the session still takes its servers along
mkfifo "$TMPD/in2"
"$NSVIZ" <"$TMPD/in2" >"$TMPD/s2.out" 2>&1 &
NP2=$!
exec 4>"$TMPD/in2"
echo '-n vnet echo tcp port 5002' >&4
wait_until grep -q '^echo 1: ' "$TMPD/s2.out"
S6=$(sed -n 's/^echo 1: .*, pid \([0-9]*\)$/\1/p' "$TMPD/s2.out")
kill -9 $NP2
wait $NP2 2>/dev/null
exec 4>&-
# (the server is the sandbox's orphan now: this shell reaps it, so wait
# here rather than in a subshell)
wait_until gone "$S6"
check_eq "nsviz killed with SIGKILL: its server follows" "$(gone "$S6" && echo gone)" gone

# -c: the servers live while the commands run
run nsv -c '-n vnet echo tcp port 5003; send tcp 10.0.2.0 5003 "in one -c"; echo list'
check_match "-c: start, send, list" "$OUT" "^\[$DATE_RE\] in one -c\$"
check_match "-c: listed with its message" "$OUT" '^1 +vnet +tcp +5003 .* 1$'
check_eq "-c: nothing runs afterwards" "$(ip netns pids vnet)" ""
run nsv -v -c 'ip netns exec vnet nsviz echo udp --port 5004 --idle 2'
check_match "the canonical command of a session's server" "$ERR" \
	'^\+ ip netns exec vnet nsviz echo udp --port 5004 --idle 2$'
run nsv -c 'echo stop 1'
check_eq "echo stop of nothing" "$RC:$ERR" "1:nsviz: echo 1: no such server (echo list shows the running ones)"

check_eq "no nsviz zombie at the end" "$(nsviz_zombies)" ""
done_testing
