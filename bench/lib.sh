# SPDX-License-Identifier: GPL-2.0-or-later
# lib.sh - shared by the benchmark scripts.  Sourced; POSIX sh.
#
# Everything a benchmark does happens inside a throwaway sandbox: private
# network, mount and pid namespaces (plus a user namespace when not root),
# a tmpfs on /run and on /run/netns, lo up.  The sandbox refuses to run if
# it is not in a network namespace of its own or if it can route anywhere,
# so nothing can touch the host's namespaces and no packet can leave.

export LC_ALL=C

die() {
	echo "${0##*/}: $*" >&2
	exit 1
}

# bench_nsviz ARG: the nsviz binary, from ARG, $NSVIZ or ./nsviz, made
# absolute (the sandbox runs elsewhere).
bench_nsviz() {
	_n_b=${1:-${NSVIZ:-./nsviz}}
	case $_n_b in
	*/*) ;;
	*) _n_b=$(command -v "$_n_b" 2>/dev/null || echo "./$_n_b") ;;
	esac
	[ -f "$_n_b" ] && [ -x "$_n_b" ] ||
		die "$_n_b: no nsviz binary here (give its path as \$1 or \$NSVIZ)"
	_n_b=$(cd "$(dirname "$_n_b")" && pwd)/$(basename "$_n_b")
	"$_n_b" -V >/dev/null 2>&1 || die "$_n_b: does not run (nsviz -V failed)"
	echo "$_n_b"
}

bench_need() {
	for _d_t in "$@"; do
		command -v "$_d_t" >/dev/null 2>&1 ||
			die "$_d_t is needed (util-linux, iproute2, coreutils)"
	done
	case $(date +%N) in
	*N*|'') die "date +%N does not give nanoseconds (GNU date needed)" ;;
	esac
}

# The unshare options of a sandbox.
bench_unshare_opts() {
	_u_o="--net --mount --pid --fork --mount-proc --propagation private"
	[ "$(id -u)" = 0 ] || _u_o="--user --map-root-user $_u_o"
	echo "$_u_o"
}

# bench_host_netns: the inode of the network namespace we start in, so the
# sandbox can prove it is elsewhere.
bench_host_netns() {
	stat -L -c %i /proc/self/ns/net
}

# Inside the sandbox: mounts, lo, and the safety checks.
bench_sandbox_setup() {
	_s_here=$(stat -L -c %i /proc/self/ns/net) ||
		die "cannot read /proc/self/ns/net"
	[ -n "${BENCH_HOST_NETNS:-}" ] && [ "$_s_here" != "$BENCH_HOST_NETNS" ] ||
		die "not in a private network namespace: refusing to run"
	mount -t tmpfs -o mode=0755 tmpfs /run || die "cannot mount /run"
	mkdir -p /run/netns || die "cannot create /run/netns"
	mount -t tmpfs -o mode=0755 tmpfs /run/netns ||
		die "cannot mount /run/netns"
	ip link set lo up || die "cannot bring lo up"
	[ -z "$(ip route show default)" ] ||
		die "sandbox has a default route: refusing to run"
	[ -z "$(ip netns list)" ] || die "sandbox /run/netns is not empty"
}

# Addresses of pair N: host side 10.A.B.1/30, namespace side 10.A.B.2/30
# with A.B = N as a 16-bit number (10.0.1.x for 1 ... 10.0.100.x for 100).
bench_net() {
	echo "10.$(($1 / 256)).$(($1 % 256))"
}

# bench_gen_cmds N [lo]: the commands that build the topology, one a line,
# in ip's own syntax (nsviz takes the same lines with -b).  Per namespace:
# create it, a veth pair whose peer is made inside it, an address and
# "up" on each end, a default route inside via the host end; with "lo",
# also lo up inside each namespace.
bench_gen_cmds() {
	_g_n=1
	while [ "$_g_n" -le "$1" ]; do
		_g_p=$(bench_net "$_g_n")
		cat <<EOF
ip netns add ns$_g_n
ip link add h$_g_n type veth peer name n$_g_n netns ns$_g_n
ip addr add $_g_p.1/30 dev h$_g_n
ip link set h$_g_n up
EOF
		[ "${2:-}" != lo ] || echo "ip -n ns$_g_n link set lo up"
		cat <<EOF
ip -n ns$_g_n addr add $_g_p.2/30 dev n$_g_n
ip -n ns$_g_n link set n$_g_n up
ip -n ns$_g_n route add default via $_g_p.1
EOF
		_g_n=$((_g_n + 1))
	done
}

# bench_gen_ipbatch CMDS DIR: the same commands as ip -batch runs them (ip
# refuses -n inside a batch): DIR/host.batch gets every line without -n,
# DIR/nsK.batch the lines of `ip -n nsK`, and DIR/ipbatch.sh runs
# `ip -batch DIR/host.batch`, then `ip -n nsK -batch DIR/nsK.batch` for
# each namespace in the order of CMDS.  Derived from CMDS line by line, so
# that both tools build exactly the same thing.
bench_gen_ipbatch() {
	awk -v d="$2" '
		function fail(m) { print "bench_gen_ipbatch: " m > "/dev/stderr"; err = 1; exit 1 }
		$1 != "ip" { fail("not an ip command: " $0) }
		$2 == "-n" {
			if ($3 != cur) {
				if (cur != "") close(f)
				if ($3 in seen) fail("the lines of " $3 " are not together")
				seen[$3] = 1
				cur = $3
				f = d "/" cur ".batch"
				order[++n] = cur
			}
			$1 = $2 = $3 = ""
			sub(/^ +/, "")
			print > f
			next
		}
		{ $1 = ""; sub(/^ +/, ""); print > (d "/host.batch") }
		END {
			if (err) exit 1
			s = d "/ipbatch.sh"
			print "set -e" > s
			print "ip -batch " d "/host.batch" > s
			for (i = 1; i <= n; i++)
				print "ip -n " order[i] " -batch " d "/" order[i] ".batch" > s
		}' "$1"
}

# bench_verify N [lo]: check with ip (never with nsviz) that the sandbox
# holds exactly the topology of bench_gen_cmds N [lo].  Prints what is
# wrong.  One ip process per namespace (ip -all netns exec ip -batch), so
# that it stays quick with thousands of namespaces.
bench_verify() {
	_v_N=$1
	_v_bad=0
	_v_got=$(ip netns list | cut -d' ' -f1 | sort)
	_v_want=$(_v_i=1; while [ $_v_i -le "$_v_N" ]; do echo "ns$_v_i"; _v_i=$((_v_i + 1)); done | sort)
	if [ "$_v_got" != "$_v_want" ]; then
		echo "verify: ip netns list has $(echo "$_v_got" | grep -c .) namespaces, expected ns1..ns$_v_N" >&2
		return 1
	fi
	# host side: every hN is up and has its address
	_v_got=$(ip -o -4 addr show up | awk '$2 ~ /^h[0-9]+$/ {print $2, $4}' | sort)
	_v_want=$(_v_i=1; while [ $_v_i -le "$_v_N" ]; do echo "h$_v_i $(bench_net $_v_i).1/30"; _v_i=$((_v_i + 1)); done | sort)
	if [ "$_v_got" != "$_v_want" ]; then
		echo "verify: host side veths/addresses wrong:" >&2
		echo "$_v_got" | head -5 >&2
		_v_bad=1
	fi
	# namespace side: nN up with its address (and lo up with 127.0.0.1
	# when asked for), the default route via hN's address
	_v_f=$(mktemp "${TMPDIR:-/tmp}/nsviz-verify.XXXXXX") || return 1
	printf 'addr show up\nroute show default\n' >"$_v_f"
	ip -all netns exec ip -o -4 -batch "$_v_f" 2>&1 | awk -v N="$_v_N" -v lo="${2:-}" '
		/^netns: / { ns = $2; next }
		/^$/ { next }
		$1 == "default" {
			$1 = $1
			rt[ns] = rt[ns] (rt[ns] == "" ? "" : "; ") $0
			next
		}
		$3 == "inet" {
			if ($2 == "lo" && lo != "lo")
				next
			ad[ns] = ad[ns] " " $2 " " $4
			next
		}
		{ other[ns] = other[ns] " [" $0 "]" }
		END {
			for (i = 1; i <= N && bad < 5; i++) {
				ns = "ns" i
				p = "10." int(i / 256) "." (i % 256)
				want = (lo == "lo" ? " lo 127.0.0.1/8" : "") " n" i " " p ".2/30"
				if (ad[ns] != want) {
					printf "verify: %s: addresses on links up: got \"%s\", expected \"%s\"%s\n",
						ns, ad[ns], want, other[ns]
					bad++
				}
				want = "default via " p ".1 dev n" i
				if (rt[ns] != want) {
					printf "verify: %s: default route: got \"%s\", expected \"%s\"\n",
						ns, rt[ns], want
					bad++
				}
			}
			exit bad > 0
		}' >&2 || _v_bad=1
	rm -f "$_v_f"
	# and a few looked at whole: the veth really joins nsK to the host
	for _v_i in 1 $(((_v_N + 1) / 2)) "$_v_N"; do
		ip -n "ns$_v_i" -o link show dev "n$_v_i" | grep -q "n$_v_i@if[0-9]*: .*UP.* link-netnsid 0" || {
			echo "verify: ns$_v_i: n$_v_i is not a veth to the host:" >&2
			ip -n "ns$_v_i" -o link show dev "n$_v_i" >&2
			_v_bad=1
		}
	done
	return $_v_bad
}

# bench_wait_carrier [TENTHS]: veths report carrier a little after "up"
# (linkwatch); wait (at most TENTHS tenths of a second, 50) until every
# veth is UP so what is read is settled.
# shellcheck disable=SC2120
bench_wait_carrier() {
	_w_i=0
	while [ $_w_i -lt "${1:-50}" ]; do
		ip -br link show type veth | awk '$2 != "UP" {x = 1} END {exit x}' &&
			return 0
		sleep 0.1
		_w_i=$((_w_i + 1))
	done
	echo "warning: some veths never reported carrier" >&2
}

# bench_settle [TENTHS]: the kernel frees a dead sandbox's namespaces in a
# work queue after it exits; wait for that to finish (at most TENTHS tenths
# of a second, 100), so the next run does not share the CPUs (and the rtnl
# lock) with it.
# shellcheck disable=SC2120
bench_settle() {
	if [ -r /proc/slabinfo ] &&
	   awk '$1 == "net_namespace" {f = 1} END {exit !f}' /proc/slabinfo 2>/dev/null; then
		_t_prev='' _t_same=0 _t_i=0
		while [ $_t_i -lt "${1:-100}" ]; do
			_t_cur=$(awk '$1 == "net_namespace" {print $2}' /proc/slabinfo)
			if [ "$_t_cur" = "$_t_prev" ]; then
				_t_same=$((_t_same + 1))
				[ $_t_same -ge 3 ] && break
			else
				_t_same=0
			fi
			_t_prev=$_t_cur
			sleep 0.1
			_t_i=$((_t_i + 1))
		done
		sleep 0.2
	else
		sleep 1.5
	fi
}

bench_now() {
	date +%s%N
}

# bench_stats FILE: nanosecond samples, one a line -> "MEDIAN MIN" in s.
bench_stats() {
	sort -n "$1" | awk '{v[NR] = $1}
		END {
			if (NR == 0) exit 1
			m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
			printf "%.4f %.4f\n", m / 1e9, v[1] / 1e9
		}'
}

# bench_ratio A B: A/B to one decimal.
bench_ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f", a / b; else printf "inf" }'
}

# bench_target NAME RATIO TARGET
bench_target() {
	if awk -v r="$2" -v t="$3" 'BEGIN {exit !(r >= t)}'; then
		echo "$1: ${2}x (target ${3}x: met)"
	else
		echo "$1: ${2}x (target ${3}x: BELOW TARGET)"
	fi
}

# bench_refused FILE: when the errors in FILE say that the kernel or a
# limit refused (rather than a tool being wrong), print why and return 0.
# (ulimit -n is not POSIX, but dash, bash, busybox and ksh have it.)
# shellcheck disable=SC3045
bench_refused() {
	_f_why=$(grep -Eo 'No space left on device|Cannot allocate memory|Too many open files|Resource temporarily unavailable|Too many users|No buffer space available' "$1" 2>/dev/null | head -1)
	[ -n "$_f_why" ] || return 1
	case $_f_why in
	"No space left on device") _f_hint="ENOSPC: a kernel limit, e.g. user.max_net_namespaces ($(cat /proc/sys/user/max_net_namespaces 2>/dev/null || echo ?)) or fs.inotify limits" ;;
	"Cannot allocate memory") _f_hint="ENOMEM: the kernel ran out of memory ($(awk '$1 == "MemAvailable:" {printf "%d MB available now", $2 / 1024}' /proc/meminfo))" ;;
	"Too many open files") _f_hint="EMFILE: ulimit -n is $(ulimit -n)" ;;
	*) _f_hint="a resource limit" ;;
	esac
	echo "refused by the kernel or a limit: \"$_f_why\" ($_f_hint); first errors:"
	grep -m 3 -E 'No space left|Cannot allocate|Too many|temporarily unavailable|No buffer space' "$1"
	return 0
}

# bench_res RESFILE N MEASURE TOOL SAMPLES UNIT [SCALE]: the median and
# the minimum of the numbers in SAMPLES (one a line, divided by SCALE)
# appended to RESFILE as "N MEASURE TOOL MEDIAN MIN UNIT".
bench_res() {
	sort -n "$5" | awk -v n="$2" -v m="$3" -v t="$4" -v u="$6" -v s="${7:-1}" '
		{ v[NR] = $1 }
		END {
			if (NR == 0) exit 1
			med = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
			printf "%s %s %s %.6g %.6g %s\n", n, m, t, med / s, v[1] / s, u
		}' >>"$1"
}
