# SPDX-License-Identifier: GPL-2.0-or-later
# common.sh - shared by the kernel tests.  Sourced; POSIX sh.
#
# Every kernel test re-executes itself inside a sandbox first: private
# network, mount and pid namespaces (plus a user namespace when not root),
# its own /proc (so only the test's processes are seen), with
# tmpfs on /run and /run/netns, lo up, no route anywhere.  Nothing a test
# does can reach the host's namespaces, and no packet can leave.

: "${NSVIZ:=$(pwd)/nsviz}"
: "${TOP_SRCDIR:=$(cd "$(dirname "$0")/../.." && pwd)}"
# the tests' tmux servers read this (never the user's ~/.tmux.conf)
TMUX_CONF=$TOP_SRCDIR/tests/lib/tmux.conf
export NSVIZ TOP_SRCDIR TMUX_CONF LC_ALL=C

sandbox_reexec() {
	if [ "${NSVIZ_TEST_SANDBOX:-}" != 1 ]; then
		if ! command -v unshare >/dev/null || ! command -v ip >/dev/null; then
			echo "SKIP: unshare and ip (util-linux, iproute2) are needed" >&2
			exit 77
		fi
		set -- --net --mount --pid --fork --mount-proc
		[ "$(id -u)" = 0 ] || set -- --user --map-root-user "$@"
		NSVIZ_TEST_SANDBOX=1 exec unshare "$@" --propagation private \
			sh "$0"
	fi
	mount -t tmpfs -o mode=0755 tmpfs /run || exit 99
	mkdir -p /run/netns || exit 99
	mount -t tmpfs -o mode=0755 tmpfs /run/netns || exit 99
	mount -t sysfs sysfs /sys 2>/dev/null || true
	ip link set lo up || exit 99
	# the guarantee the tests stand on: nothing is routed anywhere
	if [ -n "$(ip route show default)" ]; then
		echo "sandbox has a default route: refusing to run" >&2
		exit 99
	fi
	TMPD=$(mktemp -d)
	trap 'rm -rf "$TMPD"' EXIT
}

# wait_ll [-n NS] DEV: until the kernel has given DEV its IPv6 link-local
# address, DAD is over (not tentative) and its local route is in: that
# happens some time after the carrier, so a comparison of two reads of
# the routes or addresses taken meanwhile could differ.
wait_ll() {
	_ns=
	if [ "$1" = -n ]; then _ns=$2; shift 2; fi
	_i=0
	while [ $_i -lt 200 ]; do
		# shellcheck disable=SC2086
		if ip ${_ns:+-n "$_ns"} -6 addr show dev "$1" scope link 2>/dev/null |
		   grep -q 'inet6 fe80' &&
		   ! ip ${_ns:+-n "$_ns"} -6 addr show dev "$1" 2>/dev/null |
		   grep -q tentative &&
		   ip ${_ns:+-n "$_ns"} -6 route show table local dev "$1" 2>/dev/null |
		   grep -q '^local fe80'; then
			return 0
		fi
		sleep 0.05
		_i=$((_i + 1))
	done
	echo "# ${_ns:+$_ns: }$1: no IPv6 link-local address after 10 s"
	return 1
}

# wait_carrier [-n NS] DEV: until the kernel has finished bringing DEV's
# carrier up.  IFF_LOWER_UP is set at once, but the operstate (state UP) and
# the routes' linkdown flag follow later, from the kernel's linkwatch work
# (later still under load): wait for both before comparing listings that
# show them.  10 s at most (a hang guard); says so and returns 1 if not.
wait_carrier() {
	_ns=
	if [ "$1" = -n ]; then _ns=$2; shift 2; fi
	_i=0
	while [ $_i -lt 200 ]; do
		# shellcheck disable=SC2086
		if ip ${_ns:+-n "$_ns"} -o link show dev "$1" 2>/dev/null | grep -q ' state UP ' &&
		   ! ip ${_ns:+-n "$_ns"} route show dev "$1" 2>/dev/null | grep -q ' linkdown' &&
		   ! ip ${_ns:+-n "$_ns"} -6 route show dev "$1" 2>/dev/null | grep -q ' linkdown'; then
			return 0
		fi
		sleep 0.05
		_i=$((_i + 1))
	done
	echo "# ${_ns:+$_ns: }$1: no carrier after 10 s"
	return 1
}

# need CMD WHY: the test is skipped (exit 77) where there is no CMD
need() {
	if ! command -v "$1" >/dev/null; then
		echo "SKIP: $1 is needed ($2)" >&2
		exit 77
	fi
}

# wait_grep FILE REGEX: until a line of FILE matches REGEX (grep), 5 s at
# most (a hang guard: the caller looks again when it matters)
wait_grep() {
	_i=0
	while ! grep -q -- "$2" "$1" 2>/dev/null && [ $_i -lt 50 ]; do
		sleep 0.1; _i=$((_i + 1))
	done
}

# finish PID: wait for it (at most 5 s; then it is killed), its status
# in RC
finish() {
	_i=0
	while kill -0 "$1" 2>/dev/null && [ $_i -lt 50 ]; do
		sleep 0.1; _i=$((_i + 1))
	done
	kill -0 "$1" 2>/dev/null && kill -9 "$1"
	wait "$1"
	RC=$?
}

T_PASS=0
T_FAIL=0
T_N=0

T_SKIP=0
pass() { T_N=$((T_N + 1)); T_PASS=$((T_PASS + 1)); echo "ok $T_N - $1"; }
# skip WHY: a check that could not run here (TAP's SKIP), counted apart:
# never a pass
skip() { T_N=$((T_N + 1)); T_SKIP=$((T_SKIP + 1)); echo "ok $T_N # SKIP $1"; }
fail() {
	T_N=$((T_N + 1)); T_FAIL=$((T_FAIL + 1))
	echo "not ok $T_N - $1"
	shift
	for l in "$@"; do printf '#   %s\n' "$l"; done
}

# run CMD...: sets OUT, ERR, RC
run() {
	"$@" >"$TMPD/out" 2>"$TMPD/err"
	RC=$?
	OUT=$(cat "$TMPD/out")
	ERR=$(cat "$TMPD/err")
}

# check_rc DESC EXPECTED CMD...
check_rc() {
	d=$1 want=$2
	shift 2
	run "$@"
	if [ "$RC" = "$want" ]; then pass "$d"; else
		fail "$d" "command: $*" "exit status $RC, expected $want" \
			"stdout: $OUT" "stderr: $ERR"
	fi
}

# check_eq DESC GOT WANT
check_eq() {
	if [ "$2" = "$3" ]; then pass "$1"; else
		fail "$1" "got:" "$2" "expected:" "$3"
	fi
}

# check_match DESC TEXT PATTERN (grep -E)
check_match() {
	if printf '%s\n' "$2" | grep -Eq -- "$3"; then pass "$1"; else
		fail "$1" "text:" "$2" "does not match: $3"
	fi
}

check_nomatch() {
	if printf '%s\n' "$2" | grep -Eq -- "$3"; then
		fail "$1" "text:" "$2" "unexpectedly matches: $3"
	else pass "$1"; fi
}

done_testing() {
	echo "1..$T_N"
	echo "# $T_PASS passed, $T_FAIL failed${T_SKIP:+, $T_SKIP skipped}"
	[ "$T_FAIL" = 0 ]
}
