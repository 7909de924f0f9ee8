# SPDX-License-Identifier: GPL-2.0-or-later
# Twin namespaces for tests that hold nsviz to ip: the same commands run
# by ip in I and by nsviz in its twin N must leave the same kernel state.
# Sourced after common.sh, inside the sandbox.

# twins_make [HOOK]: namespace P with no IPv6 (nothing it sends on its
# own makes neighbour entries in I or N), and I and N, each with veths
# a0/a1 facing P's p0I/p1I and p0N/p1N.  HOOK, when given, is called as
# HOOK NS once the veths exist and before they get their MACs and come
# up.  Both twins get the same MACs (the same link-local addresses and
# local routes in what is compared).  Returns once every veth has its
# carrier and its link-local address (seen under ASan in CI: one read of
# table all had fe80::'s route, the next not yet).
twins_make() {
	tw_hook=${1:-}
	ip netns add P
	ip netns exec P sysctl -qw net.ipv6.conf.all.disable_ipv6=1
	ip netns exec P sysctl -qw net.ipv6.conf.default.disable_ipv6=1
	for tw_ns in I N; do
		ip netns add $tw_ns
		ip -n $tw_ns link set lo up
		ip -n $tw_ns link add a0 type veth peer name p0$tw_ns netns P
		ip -n $tw_ns link add a1 type veth peer name p1$tw_ns netns P
		[ -z "$tw_hook" ] || "$tw_hook" $tw_ns
		ip -n $tw_ns link set a0 address 02:00:00:00:00:a0
		ip -n $tw_ns link set a1 address 02:00:00:00:00:a1
		ip -n $tw_ns link set a0 up
		ip -n $tw_ns link set a1 up
		ip -n P link set p0$tw_ns up
		ip -n P link set p1$tw_ns up
		wait_carrier -n $tw_ns a0
		wait_carrier -n $tw_ns a1
	done
	for tw_ns in I N; do
		wait_ll -n $tw_ns a0
		wait_ll -n $tw_ns a1
	done
}

# on_both DESC CMD: ip -n I CMD and nsviz -n N CMD; both must succeed
on_both() {
	d=$1
	shift
	run ip -n I "$@"
	irc=$RC ierr=$ERR
	run "$NSVIZ" -n N "$@"
	if [ "$irc" = 0 ] && [ "$RC" = 0 ]; then pass "$d"; else
		fail "$d" "command: $*" "ip: exit $irc $ierr" \
			"nsviz: exit $RC $ERR"
	fi
}
