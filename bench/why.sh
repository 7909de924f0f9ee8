#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# why.sh - `nsviz why` side by side with what a user does by hand to find
# where a ping stops: `ip route get` in every namespace on the way, both
# directions (with the input interface and source past the first hop,
# as the kernel asks), at several path lengths and world sizes, with how
# each cost grows.
#
#   sh bench/why.sh [path/to/nsviz]      (default $NSVIZ, else ./nsviz)
#
# In a sandbox: a chain a - r1 - ... - rH - z of namespaces joined by
# veth pairs, forwarding on in the routers, routes both ways; then
#   why       nsviz -n a why Z (one process: both legs, every hop, link,
#             neighbour and sysctl it reads)
#   ip-get    sh FILE: `ip -n NS route get DST [from SRC iif IF]` for every
#             namespace of both legs (2 (H + 2) ip processes; the by-hand
#             minimum, which reads no link, neighbour or sysctl)
# for H in HOPS (default "1 4 16 30"), then at H=4 with IDLE more
# namespaces that are not on the way (default "0 100 1000"): why reads
# the whole world first.  Every why must say "both ways work" (exit 0).
# Environment: HOPS, IDLE, REPS (5), CC (cc).
set -u

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
. "$BENCH_DIR/lib.sh"

HOPS=${HOPS:-1 4 16 30}
IDLE=${IDLE:-0 100 1000}
REPS=${REPS:-5}

# chain H: a, r1..rH, z; link k joins node k-1 and node k with 10.k.0.0/24
chain() {
	_h=$1
	ip -all netns delete 2>/dev/null
	bench_settle
	nodes="a"
	i=1; while [ $i -le "$_h" ]; do nodes="$nodes r$i"; i=$((i + 1)); done
	nodes="$nodes z"
	for n in $nodes; do ip netns add "$n" || die "ip netns add $n"; done
	set -- $nodes
	k=1 prev=$1
	shift
	for n in "$@"; do
		ip -n "$prev" link add "e$k" type veth peer name "w$k" netns "$n" ||
			die "veth $k"
		ip -n "$prev" addr add "10.$k.0.1/24" dev "e$k"
		ip -n "$n" addr add "10.$k.0.2/24" dev "w$k"
		ip -n "$prev" link set "e$k" up
		ip -n "$n" link set "w$k" up
		prev=$n k=$((k + 1))
	done
	last=$((k - 1))
	# routes: a and z by default; each router to a's and z's networks
	ip -n a route add default via 10.1.0.2
	ip -n z route add default via "10.$last.0.1"
	i=1
	while [ $i -le "$_h" ]; do
		ip netns exec "r$i" sysctl -qw net.ipv4.ip_forward=1
		[ $i -gt 1 ] && ip -n "r$i" route add 10.1.0.0/24 via "10.$i.0.1"
		[ $i -lt "$_h" ] && ip -n "r$i" route add "10.$last.0.0/24" via "10.$((i + 1)).0.2"
		i=$((i + 1))
	done
	Z=10.$last.0.2
	# the by-hand lookups: forward from a, then back from z
	: >"$dir/get.sh"
	echo "ip -n a route get $Z >/dev/null" >>"$dir/get.sh"
	i=1
	while [ $i -le "$_h" ]; do
		echo "ip -n r$i route get $Z from 10.1.0.1 iif w$i >/dev/null" >>"$dir/get.sh"
		i=$((i + 1))
	done
	echo "ip -n z route get $Z from 10.1.0.1 iif w$last >/dev/null" >>"$dir/get.sh"
	echo "ip -n z route get 10.1.0.1 from $Z >/dev/null" >>"$dir/get.sh"
	i=$_h
	while [ $i -ge 1 ]; do
		echo "ip -n r$i route get 10.1.0.1 from $Z iif e$((i + 1)) >/dev/null" >>"$dir/get.sh"
		i=$((i - 1))
	done
	echo "ip -n a route get 10.1.0.1 from $Z iif e1 >/dev/null" >>"$dir/get.sh"
	w=0
	while ip -all netns exec ip -br link show type veth 2>/dev/null | grep -q 'LOWERLAYERDOWN\|DOWN '; do
		w=$((w + 1)); [ $w -lt 100 ] || die "H=$_h: carrier never came"; sleep 0.1
	done
}

idle() {
	i=1
	while [ $i -le "$1" ]; do echo "netns add idle$i"; i=$((i + 1)); done >"$dir/idle.b"
	[ "$1" = 0 ] || "$NSVIZ" -b "$dir/idle.b" >/dev/null || die "idle namespaces"
}

measure() {   # measure TAG
	r=0
	while [ $r -lt "$REPS" ]; do
		"$dir/elapsed" -o "$dir/t" "$NSVIZ" -n a why "$Z" >"$dir/out" 2>&1 ||
			die "$1: why did not say both ways work: $(grep verdict "$dir/out")"
		cat "$dir/t" >>"$dir/why.$1"
		"$dir/elapsed" -o "$dir/t" sh -e "$dir/get.sh" >"$dir/out" 2>&1 ||
			die "$1: ip route get failed: $(head -3 "$dir/out")"
		cat "$dir/t" >>"$dir/ip-get.$1"
		r=$((r + 1))
	done
}

if [ "${1:-}" = --inner ]; then
	NSVIZ=$2 dir=$3
	bench_sandbox_setup
	for h in $HOPS; do
		chain "$h"
		measure "h$h"
	done
	for e in $IDLE; do
		chain 4
		idle "$e"
		measure "e$e"
	done
	exit 0
fi

bench_need unshare ip awk sed sysctl
CC=${CC:-cc}
NSVIZ=$(bench_nsviz "${1:-}")
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$CC" -O2 -Wall -o "$dir/elapsed" "$BENCH_DIR/elapsed.c" ||
	die "cannot build bench/elapsed.c (set CC to a C compiler)"
BENCH_HOST_NETNS=$(bench_host_netns)
export BENCH_HOST_NETNS HOPS IDLE REPS
# shellcheck disable=SC2046
unshare $(bench_unshare_opts) sh "$0" --inner "$NSVIZ" "$dir" ||
	die "the benchmark failed"

report() {   # report TITLE PREFIX VALUES
	echo "$1"
	printf '%-8s %10s %10s %12s\n' "$2" why ip-get "ip-get/why"
	prev="" pw="" pi=""
	for v in $3; do
		w=$(bench_stats "$dir/why.$4$v" | cut -d' ' -f1)
		g=$(bench_stats "$dir/ip-get.$4$v" | cut -d' ' -f1)
		printf '%-8s %10s %10s %12s\n' "$v" "$w" "$g" "$(bench_ratio "$g" "$w")"
		if [ -n "$prev" ]; then
			GROW="$GROW  $4 $prev -> $v: why x$(bench_ratio "$w" "$pw"), ip-get x$(bench_ratio "$g" "$pi")
"
		fi
		prev=$v pw=$w pi=$g
	done
}
GROW=""
report "why along a chain of H routers (medians of $REPS, s)" H "$HOPS" h
report "why at H=4 with N namespaces more, not on the way (medians of $REPS, s)" N "$IDLE" e
printf 'growth from one size to the next:\n%s' "$GROW"
