#!/bin/sh
# nsviz monitor: one line per kernel event, from every namespace,
# including namespaces created after it started, with time and namespace.
. "${TOP_SRCDIR:-$(dirname "$0")/../..}/tests/lib/common.sh"
sandbox_reexec

"$NSVIZ" monitor >"$TMPD/mon" 2>"$TMPD/mon.err" &
MON=$!
sleep 0.5
ip link add m0 type veth peer name m1
ip addr add 10.9.0.1/24 dev m0
ip netns add later
sleep 0.5
ip link set m1 netns later
ip -n later addr add 10.9.0.2/24 dev m1
ip -n later link set m1 up
ip link set m0 up
sleep 0.3
ip route add 10.10.0.0/16 via 10.9.0.2
ip route del 10.10.0.0/16 via 10.9.0.2
ip netns del later
sleep 0.5
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

done_testing
