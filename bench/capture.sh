#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# capture.sh - capturing a UDP flood across the tutorial's veth pair:
# nsviz's capture core as a capture panel runs it (raw packets into the
# ring, only the lines on screen decoded: `nsviz capture --ring-only`)
# against `tcpdump -n -l > /dev/null` on the same traffic.  For each rate:
# packets captured, kernel drops, CPU time per packet; then the highest
# rate each captured with zero drops, and the ratios.
#
#   sh bench/capture.sh [path/to/nsviz]       (default $NSVIZ, else ./nsviz)
#
# Environment: RATES (packets/s to try, default "100000 200000 300000
# 400000 600000 800000"), SECS (seconds of flood per run, default 3),
# CC (compiler for the sender, default cc), BUFFER_KIB (kernel buffer
# of both captures, -B; default libpcap's 2 MiB), NSVIZ_OPTS (more
# options for nsviz capture, e.g. --immediate-mode or -s 256).  The sender, bench/
# capture-flood.c (sendmmsg, 64-byte UDP payloads), runs in the sandbox's
# first namespace and sends to 10.0.2.0 in vnet; both captures listen on
# veth1 inside vnet with libpcap's default kernel buffer (2 MiB).
set -u

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
. "$BENCH_DIR/lib.sh"

RATES=${RATES:-"100000 200000 300000 400000 600000 800000"}
BUFFER_KIB=${BUFFER_KIB:-}
SECS=${SECS:-3}
NSVIZ_OPTS=${NSVIZ_OPTS:-}
export NSVIZ_OPTS

# cpu_ticks PID: user+system clock ticks used so far
cpu_ticks() {
	awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0
}

# one TOOL RATE: run the flood under one capture; prints
# "TOOL RATE SENT_PPS CAPTURED DROPS CPU_SECONDS"
one() {
	tool=$1 rate=$2
	: >"$WORK/err"
	if [ "$tool" = nsviz ]; then
		# shellcheck disable=SC2086
		"$NSVIZ" capture -n vnet -i veth1 --ring-only $BUF $NSVIZ_OPTS \
			2>"$WORK/err" &
	else
		ip netns exec vnet tcpdump -n -l -i veth1 $BUF >/dev/null 2>"$WORK/err" &
	fi
	pid=$!
	i=0
	while ! grep -q 'listening on' "$WORK/err" && [ $i -lt 50 ]; do
		sleep 0.1; i=$((i + 1))
	done
	c0=$(cpu_ticks "$pid")
	sent=$("$WORK/flood" 10.0.2.0 9 "$rate" "$SECS" | awk '{print $NF == "pps" ? $(NF-1) : 0}')
	sleep 0.5
	c1=$(cpu_ticks "$pid")
	kill -INT "$pid"
	wait "$pid"
	cap=$(sed -n 's/^\([0-9]*\) packets captured$/\1/p' "$WORK/err")
	drop=$(sed -n 's/^\([0-9]*\) packets dropped by kernel$/\1/p' "$WORK/err")
	cpu=$(awk -v a="$c0" -v b="$c1" -v hz="$(getconf CLK_TCK)" \
		'BEGIN { printf "%.3f", (b - a) / hz }')
	echo "$tool $rate $sent ${cap:-0} ${drop:-0} $cpu"
}

if [ "${1:-}" = --run ]; then
	NSVIZ=$2 WORK=$3
	BUF=
	[ -n "${BUFFER_KIB:-}" ] && BUF="-B $BUFFER_KIB"
	bench_sandbox_setup
	ip link add veth0 type veth peer name veth1
	ip addr add 10.0.1.0/24 dev veth0
	ip link set veth0 up
	ip netns add vnet
	ip link set veth1 netns vnet
	ip -n vnet addr add 10.0.2.0/24 dev veth1
	ip -n vnet link set veth1 up
	ip route add 10.0.2.0/24 dev veth0 scope link
	ip -n vnet route add 10.0.1.0 dev veth1 scope link
	ping -c 1 -W 2 10.0.2.0 >/dev/null || die "the veth pair does not work"
	for rate in $RATES; do
		one nsviz "$rate"
		one tcpdump "$rate"
	done
	exit 0
fi

bench_need unshare ip date awk getconf
command -v tcpdump >/dev/null || die "tcpdump is needed (it is the reference)"
NSVIZ=$(bench_nsviz "${1:-}") || exit 1
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
${CC:-cc} -O2 -o "$WORK/flood" "$BENCH_DIR/capture-flood.c" ||
	die "cannot build capture-flood.c"
BENCH_HOST_NETNS=$(bench_host_netns)
export BENCH_HOST_NETNS RATES SECS BUFFER_KIB
UNSHARE=$(bench_unshare_opts)
# shellcheck disable=SC2086
unshare $UNSHARE sh "$0" --run "$NSVIZ" "$WORK" >"$WORK/results" ||
	die "the benchmark failed"

awk '
{
	tool = $1; rate = $2; sent = $3; cap = $4; drop = $5; cpu = $6
	tot = cap + drop
	loss = tot ? 100 * drop / tot : 0
	us = cap ? 1e6 * cpu / cap : 0
	printf "%-8s target %7d pps  sent %7d pps  captured %8d  dropped %8d (%5.1f%%)  CPU %6.2f us/packet\n", \
		tool, rate, sent, cap, drop, loss, us
	if (drop == 0 && cap > 0 && sent > best[tool]) best[tool] = sent
	if (tool == "nsviz") { ncpu[rate] = us; nloss[rate] = loss }
	else { tcpu[rate] = us; tloss[rate] = loss }
	rates[rate] = 1
}
END {
	print ""
	printf "highest rate with zero kernel drops: nsviz %d pps, tcpdump -n -l %d pps", best["nsviz"], best["tcpdump"]
	if (best["tcpdump"] > 0) printf " (ratio %.2f)", best["nsviz"] / best["tcpdump"]
	print ""
	for (r in rates) if (tcpu[r] > 0 && ncpu[r] > 0)
		printf "at %7d pps: CPU per packet tcpdump/nsviz = %.2f; drops tcpdump %.1f%%, nsviz %.1f%%\n", \
			r, tcpu[r] / ncpu[r], tloss[r], nloss[r]
}' "$WORK/results"
