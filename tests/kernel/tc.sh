#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# tc qdiscs and classes in any namespace, through rtnetlink (issue 14),
# against the real tc in the same namespace, both ways: what nsviz makes,
# tc shows as nsviz does; what tc makes, nsviz shows as tc does, with -s
# and -d; bad input named and nothing changed; netem, which this kernel
# lacks, reported as SKIP where the kernel is needed.
. "${TOP_SRCDIR:-$(dirname "$0")/../..}/tests/lib/common.sh"
sandbox_reexec
command -v tc >/dev/null || { echo "SKIP: tc is needed (iproute2): it is the reference" >&2; exit 77; }

nsv() { "$NSVIZ" "$@"; }
ip netns add q
# no IPv6 on the veths: its router solicitations would move the counters
# (htb's direct_packets_stat, -s) between tc's read and nsviz's
ip netns exec q sysctl -qw net.ipv6.conf.all.disable_ipv6=1 \
	net.ipv6.conf.default.disable_ipv6=1
ip -n q link add v0 type veth peer name v1
ip -n q link set v0 up
ip -n q link set v1 up

same() {        # same WHAT ARGS...: nsviz's and tc's show alike, in q
	REAL=$(ip netns exec q tc "$@" 2>&1)
	run nsv -n q tc "$@"
	check_eq "$1: tc $*: identical to tc's" "$OUT" "$REAL"
}

# --- the defaults: noqueue on veth, every device ----------------------------
for o in "" -s -d "-s -d"; do
	# shellcheck disable=SC2086
	same $o qdisc show
	# shellcheck disable=SC2086
	same $o qdisc show dev v0
done

# --- what nsviz makes, tc shows as nsviz does ---------------------------------
check_rc "tc qdisc add ... tbf" 0 nsv -n q tc qdisc add dev v0 root tbf rate 1mbit burst 32kbit latency 400ms
for o in "" -s -d; do
	# shellcheck disable=SC2086
	same $o qdisc show dev v0
done
check_rc "tc qdisc change ... tbf: a new rate" 0 nsv -n q tc qdisc change dev v0 root tbf rate 2mbit burst 32kbit latency 400ms
same qdisc show dev v0
check_rc "tc qdisc replace ... pfifo" 0 nsv -n q tc qdisc replace dev v0 root pfifo limit 100
same -s qdisc show dev v0
check_rc "tc qdisc del root" 0 nsv -n q tc qdisc del dev v0 root
same qdisc show dev v0

check_rc "htb qdisc and classes" 0 nsv -c '-n q tc qdisc add dev v1 root handle 1: htb default 10
-n q tc class add dev v1 parent 1: classid 1:1 htb rate 10mbit
-n q tc class add dev v1 parent 1:1 classid 1:10 htb rate 1mbit ceil 2mbit'
for o in "" -s -d; do
	# shellcheck disable=SC2086
	same $o qdisc show dev v1
	# shellcheck disable=SC2086
	same $o class show dev v1
done

check_rc "tc class change" 0 nsv -n q tc class change dev v1 parent 1:1 classid 1:10 htb rate 3mbit ceil 4mbit
same class show dev v1 classid 1:10
same class show dev v1 parent 1:1
check_rc "tc class del" 0 nsv -n q tc class del dev v1 classid 1:10
same class show dev v1
# htb has no change in this kernel: refused in the kernel's words, as tc is
run nsv tc -n q qdisc change dev v1 root handle 1: htb default 20
check_eq "tc -n q qdisc change ... htb: refused" "$RC" 1
check_match "... in the kernel's words" "$ERR" "v1: Change operation not supported"
check_rc "tc qdisc add ... pfifo on v0" 0 nsv -n q tc qdisc add dev v0 root pfifo limit 10
run ip netns exec q "$NSVIZ" tc qdisc show dev v0
check_eq "netns exec q nsviz tc: in q" "$OUT" "$(ip netns exec q tc qdisc show dev v0)"
run nsv -n q tc qdisc add dev v0 root pfifo limit 20
check_eq "tc qdisc add over the pfifo that is there: refused" "$RC" 1
check_match "... in the kernel's words, the device named" "$ERR" "v0: .*[Ee]xclusivity flag on"
same qdisc show dev v0
check_rc "tc qdisc del dev v0 root" 0 nsv -n q tc qdisc del dev v0 root
check_rc "tc qdisc del of the htb root" 0 nsv -n q tc qdisc del dev v1 root
same qdisc show dev v1

# --- the world holds each link's root qdisc: `link show` names it as ip
# does right after a tc command in the same run (the kernel sends no link
# event for it: nsviz hears the qdisc's own), and after one deleted ------
run nsv -c '-n q tc qdisc add dev v0 root tbf rate 1mbit burst 10kb latency 50ms
-n q link show v0'
check_eq "link show after tc qdisc add, in one run: ip's qdisc" "$OUT" \
	"$(ip -n q link show v0)"
run nsv -c '-n q tc qdisc del dev v0 root
-n q link show v0'
check_eq "... and after tc qdisc del: the kernel's default again" "$OUT" \
	"$(ip -n q link show v0)"

# --- what tc makes, nsviz shows as tc does ------------------------------------
ip netns exec q tc qdisc replace dev v0 root tbf rate 5mbit burst 10kb limit 30000 peakrate 6mbit mtu 1600
same -s -d qdisc show dev v0
ip netns exec q tc qdisc replace dev v0 root bfifo limit 50000
same qdisc show

# --- bad input: named, nothing changed ------------------------------------------
BEFORE=$(ip netns exec q tc -s qdisc show)
check_rc "no such device" 1 nsv -n q tc qdisc add dev nosuch root pfifo
check_match "the device is named" "$ERR" "nosuch: no such device"
check_rc "tbf without burst" 1 nsv -n q tc qdisc replace dev v0 root tbf rate 1mbit latency 10ms
check_rc "a kind's bad value" 1 nsv -n q tc qdisc replace dev v0 root pfifo limit lots
check_eq "nothing changed" "$(ip netns exec q tc -s qdisc show)" "$BEFORE"

# --- netem: the request is tc's (tc-request.sh); the kernel here lacks it -----
if ip netns exec q tc qdisc add dev v1 root netem delay 1ms 2>/dev/null; then
	ip netns exec q tc qdisc del dev v1 root
	check_rc "netem delay" 0 nsv -n q tc qdisc replace dev v1 root netem delay 100ms 10ms loss 1%
	same qdisc show dev v1
else
	skip "netem: this kernel has no sch_netem (Specified qdisc kind is unknown)"
fi
done_testing
