# SPDX-License-Identifier: GPL-2.0-or-later
# why.sh - the helpers the why tests share (tests/kernel/why*.sh): worlds
# made with the real ip and torn down, and text checks.  Sourced after
# common.sh, inside the sandbox.

# check_has DESC TEXT STRING: TEXT contains STRING (fixed string)
check_has() {
	if printf '%s\n' "$2" | grep -Fq -- "$3"; then pass "$1"; else
		fail "$1" "text:" "$2" "does not contain: $3"
	fi
}

# jget FILTER: jq -r FILTER of the last --json answer, J_OUT ("(bad
# json)" when it is none)
jget() {
	printf '%s\n' "$J_OUT" | jq -r "$1" 2>/dev/null || echo "(bad json)"
}

# mkns NAME...: namespaces with lo up and rp_filter 0
mkns() {
	for _n in "$@"; do
		ip netns add "$_n" || exit 99
		ip -n "$_n" link set lo up
		ip netns exec "$_n" sysctl -qw net.ipv4.conf.all.rp_filter=0 \
			net.ipv4.conf.default.rp_filter=0
	done
}

# inns NS CMD...: CMD in namespace NS ("" or host: here)
inns() {
	_n=$1
	shift
	if [ -z "$_n" ] || [ "$_n" = host ]; then "$@"; else ip netns exec "$_n" "$@"; fi
}

# teardown: no namespace, no link but lo, no echo server left
teardown() {
	for _p in $ECHOS; do kill "$_p" 2>/dev/null; wait "$_p" 2>/dev/null; done
	ECHOS=
	ip -all netns delete 2>/dev/null
	for _l in $(ip -o link show | awk -F': ' '{sub(/@.*/, "", $2); print $2}'); do
		[ "$_l" = lo ] || ip link del "$_l" 2>/dev/null
	done
	# a deleted namespace's veths go a moment later
	_i=0
	while [ "$(ip -o link show | wc -l)" != 1 ] && [ $_i -lt 50 ]; do
		sleep 0.1; _i=$((_i + 1))
	done
}
