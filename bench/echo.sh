#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# echo.sh - nsviz's echo server against the one-liner a user would reach
# for, `socat TCP-LISTEN:4078,fork,reuseaddr EXEC:cat`, on the same load
# generator (bench/echoload), in the tutorial's topology: the server in
# vnet (10.0.2.0), the clients in the host namespace, a veth between.
#
#   sh bench/echo.sh [path/to/nsviz]       (default $NSVIZ, else ./nsviz)
#
# 1. Throughput and latency: CLIENTS connections at once, each sending a
#    request of SIZE bytes and waiting for the whole reply before the next
#    (every reply checked byte for byte); WARMUP seconds untimed, then
#    DURATION seconds counted.  RUNS runs of each server, alternating;
#    medians reported, ratio nsviz/socat (target: 5x the requests/s).
#    Also the servers' own CPU time per request (user + system of nsviz's
#    server; of socat and every socat and cat it forked), which does not
#    depend on how much CPU the load generator needs.
# 2. Idle connections: IDLE_CONNS connections to nsviz's server, each
#    answered once and then silent, held HOLD seconds; the server's RSS
#    and open descriptors while they are held.  socat for comparison at
#    IDLE_SOCAT connections (a socat and a cat process each), as the sum
#    of their proportional set sizes (Pss).
#
# Environment: CLIENTS (100), SIZE (32), DURATION (10), WARMUP (2), RUNS (3),
# IDLE_CONNS (10000), HOLD (3), IDLE_SOCAT (1000, 0 = skip), KEEP=1 keeps
# the work directory.  Everything runs in a sandbox (lib.sh): no packet
# leaves it.
set -u

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
. "$BENCH_DIR/lib.sh"

PORT=4078
ADDR=10.0.2.0

# port_open: something in vnet listens on PORT
port_open() {
	ip netns exec vnet cat /proc/net/tcp 2>/dev/null |
		awk -v p="$(printf '%04X' $PORT)" \
			'$4 == "0A" && substr($2, index($2, ":") + 1) == p {f = 1} END {exit !f}'
}

# wait_port: until something listens (5 s)
wait_port() {
	_p_i=0
	while [ $_p_i -lt 50 ]; do
		port_open && return 0
		sleep 0.1
		_p_i=$((_p_i + 1))
	done
	return 1
}

# field NAME LINE: the value of NAME=... in echoload's output line
field() {
	printf '%s\n' "$2" | tr ' ' '\n' | sed -n "s/^$1=//p"
}

median() {
	sort -n | awk '{v[NR] = $1} END {
		if (NR == 0) { print 0; exit }
		print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# cpu_ns PID...: the time these processes spent on a CPU, in ns (the
# scheduler's own count: utime and stime are sampled at each tick, which
# misses processes that run for microseconds at a time, as socat's do)
cpu_ns() {
	for _c_p in "$@"; do
		awk '{print $1}' "/proc/$_c_p/schedstat" 2>/dev/null
	done | awk '{s += $1} END {printf "%.0f\n", s}'
}

# group PGID: the processes of a process group
group() {
	ps -e -o pid=,pgid= | awk -v g="$1" '$2 == g {print $1}'
}

# pss PID...: the sum of their Pss, in kB
pss() {
	for _s_p in "$@"; do
		awk '/^Pss:/ {print $2}' "/proc/$_s_p/smaps_rollup" 2>/dev/null
	done | awk '{s += $1} END {print s + 0}'
}

# now_s: seconds, with nanoseconds
now_s() {
	date +%s.%N
}

# load_and_measure PREFIX PGID: run the load generator against what listens
# now; meanwhile take the CPU time of the server's process group over the
# measured window.  Prints echoload's line and cpu_us=, the server's CPU
# microseconds per request in that window.
load_and_measure() {
	$PIN_LOAD "$ECHOLOAD" -c "$CLIENTS" -s "$SIZE" -d "$DURATION" -w "$WARMUP" \
		--prefix "$1" --check $ADDR $PORT >"$WORK/load.out" 2>&1 &
	_l_gen=$!
	sleep "$(awk -v w="$WARMUP" 'BEGIN {print w + 0.5}')"
	_l_t0=$(now_s)
	# shellcheck disable=SC2046
	_l_c0=$(cpu_ns $(group "$2"))
	sleep "$(awk -v d="$DURATION" 'BEGIN {print (d > 1.5 ? d - 1 : d / 2)}')"
	_l_t1=$(now_s)
	# shellcheck disable=SC2046
	_l_c1=$(cpu_ns $(group "$2"))
	wait "$_l_gen" || die "the load generator failed: $(cat "$WORK/load.out")"
	_l_out=$(cat "$WORK/load.out")
	echo "$_l_out cpu_us=$(awk -v c0="$_l_c0" -v c1="$_l_c1" \
		-v r="$(field rps "$_l_out")" -v t0="$_l_t0" -v t1="$_l_t1" \
		'BEGIN {if (r > 0 && t1 > t0) printf "%.1f", (c1 - c0) / 1e3 / (r * (t1 - t0)); else print 0}')"
}

run_nsviz() {
	setsid $PIN_SRV ip netns exec vnet "$NSVIZ" echo tcp --port $PORT --max-conns 20000 \
		>"$WORK/nsviz.log" 2>&1 &
	_r_srv=$!
	wait_port || die "nsviz's server did not start: $(cat "$WORK/nsviz.log")"
	_r_out=$(load_and_measure 22 "$_r_srv") || exit 1
	kill "$_r_srv"
	wait "$_r_srv"
	# it really answered and logged every one of them
	_r_n=$(grep -c ' received: "c[0-9]* r[0-9]* x*" (size_bytes='"$SIZE"')$' "$WORK/nsviz.log")
	[ "$_r_n" -ge "$(field replies "$_r_out")" ] ||
		die "nsviz logged $_r_n messages for $(field replies "$_r_out") replies"
	echo "$_r_out"
}

run_socat() {
	setsid $PIN_SRV ip netns exec vnet socat TCP-LISTEN:$PORT,fork,reuseaddr EXEC:cat \
		>/dev/null 2>&1 &
	_r_srv=$!
	wait_port || die "socat did not start"
	# socat, the socat it forks per connection and its cat: one group
	_r_out=$(load_and_measure 0 "$_r_srv") || exit 1
	kill -- -"$_r_srv" 2>/dev/null
	wait "$_r_srv" 2>/dev/null
	_r_i=0
	while [ $_r_i -lt 50 ] && port_open; do
		sleep 0.1
		_r_i=$((_r_i + 1))
	done
	echo "$_r_out"
}

# ---- inside the sandbox -------------------------------------------------------
if [ "${1:-}" = --inner ]; then
	NSVIZ=$2 WORK=$3
	ECHOLOAD=$(dirname "$NSVIZ")/bench/echoload
	bench_sandbox_setup
	ip link add veth0 type veth peer name veth1 &&
	ip addr add 10.0.1.0/24 dev veth0 && ip link set veth0 up &&
	ip netns add vnet && ip link set veth1 netns vnet &&
	ip -n vnet addr add 10.0.2.0/24 dev veth1 &&
	ip -n vnet link set veth1 up && ip -n vnet link set lo up &&
	ip route add 10.0.2.0/24 dev veth0 scope link &&
	ip -n vnet route add 10.0.1.0 dev veth1 scope link ||
		die "cannot build the tutorial's topology"
	# many connections from one address: room in the ephemeral range
	sysctl -qw net.ipv4.ip_local_port_range="10000 65000" 2>/dev/null

	echo "throughput: $CLIENTS clients, request/response of $SIZE bytes," \
		"${WARMUP}s warm-up + ${DURATION}s, $RUNS runs each"
	for f in n.rps n.p50 n.p99 n.cpu s.rps s.p50 s.p99 s.cpu; do
		: >"$WORK/$f"
	done
	r=1
	while [ $r -le "$RUNS" ]; do
		n=$(run_nsviz) || exit 1
		s=$(run_socat) || exit 1
		printf '  run %d  nsviz: %s\n         socat: %s\n' "$r" "$n" "$s"
		field rps "$n" >>"$WORK/n.rps"; field p50_us "$n" >>"$WORK/n.p50"
		field p99_us "$n" >>"$WORK/n.p99"; field cpu_us "$n" >>"$WORK/n.cpu"
		field rps "$s" >>"$WORK/s.rps"; field p50_us "$s" >>"$WORK/s.p50"
		field p99_us "$s" >>"$WORK/s.p99"; field cpu_us "$s" >>"$WORK/s.cpu"
		r=$((r + 1))
	done
	n_rps=$(median <"$WORK/n.rps"); n_50=$(median <"$WORK/n.p50")
	n_99=$(median <"$WORK/n.p99"); n_cpu=$(median <"$WORK/n.cpu")
	s_rps=$(median <"$WORK/s.rps"); s_50=$(median <"$WORK/s.p50")
	s_99=$(median <"$WORK/s.p99"); s_cpu=$(median <"$WORK/s.cpu")
	printf '%-24s %10s %10s %10s %14s\n' "median of $RUNS runs" "req/s" \
		"p50 us" "p99 us" "server CPU us"
	printf '%-24s %10.0f %10.1f %10.1f %14.1f\n' \
		"nsviz echo tcp" "$n_rps" "$n_50" "$n_99" "$n_cpu" \
		"socat ... EXEC:cat" "$s_rps" "$s_50" "$s_99" "$s_cpu"
	bench_target "throughput nsviz/socat" "$(bench_ratio "$n_rps" "$s_rps")" 5
	echo "p50 latency socat/nsviz: $(bench_ratio "$s_50" "$n_50")x," \
		"p99 latency socat/nsviz: $(bench_ratio "$s_99" "$n_99")x," \
		"server CPU per request socat/nsviz: $(bench_ratio "$s_cpu" "$n_cpu")x"

	echo
	echo "idle connections: $IDLE_CONNS to nsviz's server, held ${HOLD}s"
	ip netns exec vnet "$NSVIZ" echo tcp --port $PORT --idle 0 \
		--max-conns $((IDLE_CONNS + 100)) >"$WORK/idle.log" 2>&1 &
	srv=$!
	wait_port || die "nsviz's server did not start: $(cat "$WORK/idle.log")"
	rss0=$(awk '/^VmRSS/ {print $2}' /proc/$srv/status)
	pss0=$(pss $srv)
	"$ECHOLOAD" --idle -c "$IDLE_CONNS" -d "$HOLD" -t 20 --prefix 22 --check \
		$ADDR $PORT >"$WORK/idle.out" 2>&1 &
	gen=$!
	i=0
	while ! grep -q '^held ' "$WORK/idle.out" 2>/dev/null && [ $i -lt 600 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	rss1=$(awk '/^VmRSS/ {print $2}' /proc/$srv/status)
	pss1=$(pss $srv)
	fds=$(ls /proc/$srv/fd | wc -l)
	wait $gen
	gen_rc=$?
	kill $srv
	wait $srv
	held=$(sed -n 's/^held=\([0-9]*\) .*/\1/p' "$WORK/idle.out")
	[ "$gen_rc" = 0 ] && [ "${held:-0}" = "$IDLE_CONNS" ] ||
		die "idle: $(cat "$WORK/idle.out")"
	echo "  held $held connections, every one answered once and none closed" \
		"($(tail -n1 "$WORK/idle.out"))"
	echo "  nsviz's server: $fds open descriptors," \
		"VmRSS ${rss0} kB idle -> ${rss1} kB holding them," \
		"Pss ${pss0} -> ${pss1} kB"
	echo "  per connection: $(awk -v a="$rss0" -v b="$rss1" -v n="$held" \
		'BEGIN {printf "%.0f", (b - a) * 1024 / n}') bytes of RSS" \
		"(kernel socket buffers not included)"

	if [ "$IDLE_SOCAT" -gt 0 ]; then
		setsid ip netns exec vnet socat TCP-LISTEN:$PORT,fork,reuseaddr \
			EXEC:cat >/dev/null 2>&1 &
		srv=$!
		wait_port || die "socat did not start"
		# socat's accept queue is 5 long: a few connects at a time
		"$ECHOLOAD" --idle -C 4 -c "$IDLE_SOCAT" -d "$HOLD" -t 20 --prefix 0 \
			--check $ADDR $PORT >"$WORK/sidle.out" 2>&1 &
		gen=$!
		i=0
		while ! grep -q '^held ' "$WORK/sidle.out" 2>/dev/null && [ $i -lt 600 ]; do
			sleep 0.1
			i=$((i + 1))
		done
		pids=$(group "$srv")
		np=$(echo "$pids" | grep -c .)
		# shellcheck disable=SC2086
		spss=$(pss $pids)
		wait $gen
		kill -- -"$srv" 2>/dev/null
		wait $srv 2>/dev/null
		echo "  socat for comparison: $(tail -n1 "$WORK/sidle.out") at" \
			"$IDLE_SOCAT connections: $np processes, Pss ${spss} kB" \
			"($(awk -v p="$spss" -v n="$IDLE_SOCAT" \
			'BEGIN {printf "%.0f", p * 1024 / n}') bytes per connection)"
	fi
	exit 0
fi

# ---- outside ---------------------------------------------------------------------
NSVIZ=$(bench_nsviz "${1:-}") || exit 1
bench_need unshare ip date awk sort stat socat setsid
[ -x "$(dirname "$NSVIZ")/bench/echoload" ] ||
	die "$(dirname "$NSVIZ")/bench/echoload: not built (run make)"
CLIENTS=${CLIENTS:-100} SIZE=${SIZE:-32} DURATION=${DURATION:-10}
# PIN=1: the servers on CPU 0, the load generator on CPU 1, so that the
# generator's own cost does not come out of the server's share of the
# machine (both servers get the same one CPU).
PIN_SRV="" PIN_LOAD=""
if [ "${PIN:-0}" = 1 ] && command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ]; then
	PIN_SRV="taskset -c 0" PIN_LOAD="taskset -c 1"
fi
export PIN_SRV PIN_LOAD
WARMUP=${WARMUP:-2} RUNS=${RUNS:-3} IDLE_CONNS=${IDLE_CONNS:-10000}
HOLD=${HOLD:-3} IDLE_SOCAT=${IDLE_SOCAT:-1000}
export CLIENTS SIZE DURATION WARMUP RUNS IDLE_CONNS HOLD IDLE_SOCAT
BENCH_HOST_NETNS=$(bench_host_netns)
export BENCH_HOST_NETNS
UNSHARE=$(bench_unshare_opts)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/nsviz-bench.XXXXXX") || exit 1
case $WORK in
/run/*) rmdir "$WORK"; die "TMPDIR must not be under /run (the sandbox mounts over it)" ;;
esac
if [ "${KEEP:-0}" = 1 ]; then
	echo "work directory: $WORK"
else
	trap 'rm -rf "$WORK"' EXIT
fi
trap 'exit 130' INT TERM

echo "echo: nsviz's echo server against socat TCP-LISTEN:$PORT,fork,reuseaddr" \
	"EXEC:cat, in vnet; clients in the host namespace (one sandbox)"
echo "nsviz: $NSVIZ ($("$NSVIZ" -V))"
echo "socat: $(command -v socat) ($(socat -V 2>/dev/null | sed -n 's/^socat version \([^ ]*\).*/\1/p'))"
echo "load:  $(dirname "$NSVIZ")/bench/echoload, $(nproc) CPUs"
# shellcheck disable=SC2086
unshare $UNSHARE sh "$0" --inner "$NSVIZ" "$WORK"
