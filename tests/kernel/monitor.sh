#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# nsviz monitor: one line per kernel event, from every namespace,
# including namespaces created after it started, with time and namespace.
. "${TOP_SRCDIR:-$(dirname "$0")/../..}/tests/lib/common.sh"
sandbox_reexec

# Nothing here waits a fixed time: every step waits (at most 10 s) for the
# line that says the monitor has seen the step before it.
# wait_line ERE FILE
wait_line() {
	i=0
	while ! grep -Eq -- "$1" "$2" && [ $i -lt 100 ]; do
		sleep 0.1; i=$((i + 1))
	done
}
# ready FILE PREFIX: until the monitor writing FILE reports a change in
# the host (veth pairs PREFIXn are made until one of them is printed)
ready() {
	i=0
	while ! grep -Eq ": $2[0-9]+@" "$1" && [ $i -lt 100 ]; do
		ip link add "$2$i" type veth peer name "$2p$i" 2>/dev/null
		sleep 0.1; i=$((i + 1))
	done
}

"$NSVIZ" monitor >"$TMPD/mon" 2>"$TMPD/mon.err" &
MON=$!
ready "$TMPD/mon" ready
ip link add m0 type veth peer name m1
ip addr add 10.9.0.1/24 dev m0
ip netns add later
wait_line '\[later\] netns add later$' "$TMPD/mon"
ip link set m1 netns later
ip -n later addr add 10.9.0.2/24 dev m1
ip -n later link set m1 up
ip link set m0 up
wait_line '\[later\] [0-9]+: m1@if[0-9]+: <BROADCAST,MULTICAST,UP,LOWER_UP>' "$TMPD/mon"
ip route add 10.10.0.0/16 via 10.9.0.2
ip route del 10.10.0.0/16 via 10.9.0.2
ip netns del later
wait_line '\[later\] netns del later$' "$TMPD/mon"
wait_line 'Deleted 10\.10\.0\.0/16' "$TMPD/mon"
kill -TERM "$MON"
wait "$MON"
RC=$?
OUT=$(cat "$TMPD/mon")

check_eq "monitor exits 0 on SIGTERM" "$RC" 0
TS='^\[[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+\]'
check_match "a new link in the host" "$OUT" "$TS \\[host\\] [0-9]+: m0@m1: "
check_match "an address in the host" "$OUT" "$TS \\[host\\] [0-9]+: m0 +inet 10\\.9\\.0\\.1/24 scope global m0"
check_match "a namespace created later is announced" "$OUT" "$TS \\[later\\] netns add later"
check_match "... and followed: its address" "$OUT" "$TS \\[later\\] [0-9]+: m1 +inet 10\\.9\\.0\\.2/24 scope global m1"
check_match "... and its link going up" "$OUT" "$TS \\[later\\] [0-9]+: m1@if[0-9]+: <BROADCAST,MULTICAST,UP"
check_match "a route added" "$OUT" "$TS \\[host\\] 10\\.10\\.0\\.0/16 via 10\\.9\\.0\\.2 dev m0"
check_match "a route deleted" "$OUT" "$TS \\[host\\] Deleted 10\\.10\\.0\\.0/16 via 10\\.9\\.0\\.2 dev m0"
check_match "the namespace deleted" "$OUT" "$TS \\[later\\] netns del later"
check_eq "nothing on stderr" "$(cat "$TMPD/mon.err")" ""

# Namespaces that live a few milliseconds: each one's add, the change
# made in it and its del are printed, in that order.  The monitor holds
# a namespace from the moment its bind mount lands (no timer), and a
# namespace's first dump tells what happened in it before its event
# socket was open.  (A namespace made and removed while the monitor
# waits for a processor is gone before it can look: the test waits for
# the add line, then changes and deletes the namespace at once.)
"$NSVIZ" monitor >"$TMPD/mon2" 2>"$TMPD/mon2.err" &
MON=$!
ready "$TMPD/mon2" again
for n in 1 2 3 4 5; do
	ip netns add "x$n"
	wait_line "\\[x$n\\] netns add x$n\$" "$TMPD/mon2"
	ip -n "x$n" link set lo up
	ip netns del "x$n"
done
wait_line 'netns del x5$' "$TMPD/mon2"
kill -TERM "$MON"
wait "$MON"
for n in 1 2 3 4 5; do
	order=$(awk -v ns="[x$n]" -v n="$n" '
		index($0, "] " ns " ") == 0 { next }
		$0 ~ "netns add x" n "$" && !add { add = NR }
		add && !up && / 1: lo: <LOOPBACK,UP,LOWER_UP>/ { up = NR }
		$0 ~ "netns del x" n "$" { del = NR }
		END { print (add && up && del && add < up && up < del) ? "in order" : "add=" add " up=" up " del=" del }
	' "$TMPD/mon2")
	check_eq "a namespace living milliseconds (x$n): add, lo up, del, in order" \
		"$order" "in order"
done
check_eq "nothing on stderr (short-lived namespaces)" "$(cat "$TMPD/mon2.err")" ""

done_testing
