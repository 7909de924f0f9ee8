#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# tc in topologies (issue 14): save writes a namespace's root qdiscs and
# their htb classes as tc commands after the links, not the kernel's
# default qdiscs; the world torn down and applied again is the same to
# the real tc (tc -s -d qdisc show, tc -d class show); apply twice
# changes nothing; diff shows a qdisc or class changed by the real tc,
# and apply undoes it; --prune deletes a root qdisc the file lacks; the
# --sh script rebuilds the same with the real ip and tc.
. "${TOP_SRCDIR:-$(dirname "$0")/../..}/tests/lib/common.sh"
sandbox_reexec
command -v tc >/dev/null || { echo "SKIP: tc is needed (iproute2): it is the reference" >&2; exit 77; }

nsv() { "$NSVIZ" "$@"; }
F=$TMPD/shaper.nsviz

# no IPv6: its router solicitations would move the counters of -s
mkworld() {
	ip netns add shaper
	ip netns exec shaper sysctl -qw net.ipv6.conf.all.disable_ipv6=1 \
		net.ipv6.conf.default.disable_ipv6=1
	ip -n shaper link add s0 type veth peer name s1
	ip -n shaper link add p0 type veth peer name p1
	for l in lo s0 s1 p0 p1; do ip -n shaper link set "$l" up; done
}
mkworld
T="ip netns exec shaper tc"
$T qdisc add dev s0 root handle 1: tbf rate 1mbit burst 10kb latency 50ms
$T qdisc add dev s1 root handle 2: htb default 20
$T class add dev s1 parent 2: classid 2:1 htb rate 10mbit
$T class add dev s1 parent 2:1 classid 2:10 htb rate 2mbit ceil 5mbit burst 15k
$T class add dev s1 parent 2:1 classid 2:20 htb rate 3mbit ceil 10mbit prio 1
$T qdisc add dev p1 root handle 5: tbf rate 8gbit burst 1mb limit 100000 \
	mpu 64 overhead 14 linklayer atm

# (classes sorted: htb lists them in its hash's order, which the classes
# added and deleted before change)
state() {
	$T -s -d qdisc show
	for l in s0 s1 p0 p1; do $T -d class show dev "$l"; done | sort
}
BEFORE=$(state)

# --- save ---------------------------------------------------------------------
run nsv save -n shaper "$F"
check_eq "save: exit 0" "$RC.$ERR" "0."
TEXT=$(cat "$F")
check_match "the tbf: tc -n NS qdisc add, its bucket and limit in bytes" "$TEXT" \
	'^tc -n shaper qdisc add dev s0 handle 1: root tbf rate 1mbit burst 10kb limit 16490b$'
check_match "the htb qdisc" "$TEXT" \
	'^tc -n shaper qdisc add dev s1 handle 2: root htb default 20 direct_qlen 1000$'
check_match "its top class, under the qdisc, its default burst and quantum left out" "$TEXT" \
	'^tc -n shaper class add dev s1 parent 2: classid 2:1 htb rate 10mbit$'
check_match "a class under it, with its burst" "$TEXT" \
	'^tc -n shaper class add dev s1 parent 2:1 classid 2:10 htb rate 2mbit ceil 5mbit burst 15kb$'
check_match "a tbf past 32 bits, ATM cells and overhead: the bucket the kernel reported in ticks, as given" "$TEXT" \
	'^tc -n shaper qdisc add dev p1 handle 5: root tbf rate 8gbit burst 1mb limit 100000b mpu 64b overhead 14 linklayer atm$'
check_nomatch "the kernel's default qdiscs (noqueue) are not saved" "$TEXT" 'noqueue|dev (lo|p0) '
check_eq "the classes come after their parents, the qdiscs after the links" \
	"$(grep -n . "$F" | sed -n 's/^\([0-9]*\):\(ip -n shaper link set p1 up\|tc -n shaper qdisc add dev s1 .*\|tc -n shaper class add dev s1 parent 2: .*\|tc -n shaper class add dev s1 parent 2:1 classid 2:10 .*\)$/\1/p' | sort -n | tr '\n' ' ')" \
	"$(for p in 'ip -n shaper link set p1 up' 'tc -n shaper qdisc add dev s1 ' 'tc -n shaper class add dev s1 parent 2: ' 'tc -n shaper class add dev s1 parent 2:1 classid 2:10 '; do grep -n -F "$p" "$F" | cut -d: -f1; done | tr '\n' ' ')"
check_rc "diff: the world matches the file" 0 nsv diff "$F"

# --- torn down, applied: the same to the real tc ------------------------------
ip netns del shaper
check_rc "apply rebuilds it" 0 nsv apply "$F"
check_eq "... tc -s -d qdisc show and tc -d class show as before" "$(state)" "$BEFORE"
run nsv apply "$F"
check_eq "apply again: nothing to change" "$RC.$OUT" "0."
check_match "... and it says so" "$ERR" "nothing to change"

# --- changed by the real tc: diff shows it, apply undoes it ----------------------
$T qdisc change dev s0 root handle 1: tbf rate 2mbit burst 10kb latency 50ms
$T class change dev s1 parent 2:1 classid 2:10 htb rate 4mbit ceil 5mbit burst 15k
run nsv diff "$F"
check_eq "diff after a change: exit 1" "$RC" 1
check_match "... the qdisc deleted and made again as the file has it" "$OUT" \
	'^tc -n shaper qdisc del dev s0 root$'
check_match "... made again" "$OUT" '^tc -n shaper qdisc add dev s0 handle 1: root tbf rate 1mbit '
check_match "... the class changed in place" "$OUT" \
	'^tc -n shaper class change dev s1 parent 2:1 classid 2:10 htb rate 2mbit ceil 5mbit burst 15kb$'
check_eq "... nothing else" "$(printf '%s\n' "$OUT" | wc -l)" 3
check_rc "apply undoes it" 0 nsv apply "$F"
check_eq "... as before" "$(state)" "$BEFORE"

# the htb replaced by another kind: deleted and made again, classes too
$T qdisc replace dev s1 root handle 3: pfifo limit 50
run nsv diff "$F"
check_match "another root qdisc: diff makes the htb and its classes again" "$OUT" \
	'tc -n shaper class add dev s1 parent 2:1 classid 2:20 htb rate 3mbit ceil 10mbit prio 1'
check_rc "... apply" 0 nsv apply "$F"
check_eq "... as before" "$(state)" "$BEFORE"

# --- prune ------------------------------------------------------------------------
$T qdisc add dev p0 root handle 7: bfifo limit 10kb
$T class add dev s1 parent 2:1 classid 2:30 htb rate 1mbit
run nsv apply "$F"
check_match "a qdisc and a class the file lacks: apply leaves them, and says so" \
	"$RC.$ERR" "^0\..*apply --prune deletes it"
run nsv diff "$F"
check_match "diff lists them with -" "$OUT" '^- tc -n shaper qdisc del dev p0 root$'
check_match "... the class too" "$OUT" '^- tc -n shaper class del dev s1 classid 2:30$'
check_rc "apply --prune deletes them" 0 nsv apply --prune "$F"
check_eq "... as before" "$(state)" "$BEFORE"

# --- --sh: the real ip and tc, in a fresh sandbox of its own ------------------
check_rc "save --sh" 0 nsv save --sh -n shaper "$TMPD/shaper.sh"
check_match "... tc is run as tc" "$(cat "$TMPD/shaper.sh")" \
	'^tc -n shaper class add dev s1 parent 2:1 classid 2:10 htb rate 2mbit ceil 5mbit burst 15kb$'
(cd "$TMPD" && unshare --net --mount --fork --propagation private sh -c '
	mount -t tmpfs -o mode=0755 tmpfs /run/netns || exit 99
	sh -e shaper.sh >sh.out 2>&1 || exit 3
	T="ip netns exec shaper tc"
	{ $T -s -d qdisc show
	  for l in s0 s1 p0 p1; do $T -d class show dev "$l"; done | sort
	} >sh.state')
check_eq "... rebuilds the qdiscs and classes with the real tc" \
	"$?.$(cat "$TMPD/sh.state")" "0.$BEFORE"

done_testing
