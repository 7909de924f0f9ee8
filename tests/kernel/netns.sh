#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Namespaces: named ones compatible with iproute2 both ways, the host,
# unnamed ones held by a process or by a bind mount outside /run/netns,
# pids and identify.
. "${TOP_SRCDIR:-$(dirname "$0")/../..}/tests/lib/common.sh"
sandbox_reexec

nsv() { "$NSVIZ" "$@"; }
js() { "$NSVIZ" show --json; }

# until process PID runs COMM in a network namespace other than ours (a
# process started in the background gets there when it gets there; 10 s
# at most, a hang guard)
wait_moved() {
	_i=0
	while [ $_i -lt 200 ]; do
		if [ "$(readlink "/proc/$1/ns/net" 2>/dev/null)" != "$(readlink /proc/self/ns/net)" ] &&
		   [ "$(cat "/proc/$1/comm" 2>/dev/null)" = "$2" ]; then
			return 0
		fi
		sleep 0.05
		_i=$((_i + 1))
	done
	echo "# pid $1 did not move to a namespace of its own running $2"
	return 1
}

check_rc "netns add a" 0 nsv netns add a
check_rc "ip netns add b" 0 ip netns add b
run nsv netns list
check_match "list has a" "$OUT" '^a$|^a \('
check_match "list has b (made by ip)" "$OUT" '^b$|^b \('
check_eq "nsviz netns list == ip netns list" "$OUT" "$(ip netns list)"

run js
check_eq "show --json: host first" "$(printf '%s' "$OUT" | jq -r '.namespaces[0].kind')" "host"
check_eq "show --json: named a and b" \
	"$(printf '%s' "$OUT" | jq -r '[.namespaces[] | select(.kind=="named") | .name] | sort | join(",")')" "a,b"

# an unnamed namespace held by a process (a container, say)
unshare --net sleep 60 &
HOLDER=$!
wait_moved "$HOLDER" sleep
HPID=$HOLDER
run js
check_eq "an unnamed namespace held by a process is found" \
	"$(printf '%s' "$OUT" | jq -r --argjson p "$HPID" '[.namespaces[] | select(.kind=="unnamed" and .holder.pid==$p)] | length')" "1"
check_eq "... with the command holding it" \
	"$(printf '%s' "$OUT" | jq -r --argjson p "$HPID" '.namespaces[] | select(.kind=="unnamed" and .holder.pid==$p) | .holder.comm')" "sleep"
run nsv show
check_match "show (text) names the holder" "$OUT" "pid $HPID \\(sleep\\)"

# an unnamed namespace kept only by a bind mount outside /run/netns
touch "$TMPD/keep"
mount --bind "/proc/$HPID/ns/net" "$TMPD/keep"
kill "$HOLDER" "$HPID" 2>/dev/null; wait 2>/dev/null
run js
check_eq "a namespace held by a bind mount elsewhere is found" \
	"$(printf '%s' "$OUT" | jq -r --arg p "$TMPD/keep" '[.namespaces[] | select(.kind=="unnamed" and .holder.path==$p)] | length')" "1"
umount "$TMPD/keep"
run js
check_eq "and forgotten once released" \
	"$(printf '%s' "$OUT" | jq -r '[.namespaces[] | select(.kind=="unnamed")] | length')" "0"

# pids and identify
ip netns exec a sleep 60 &
SP=$!
wait_moved "$SP" sleep
run nsv netns pids a
check_eq "netns pids a == ip netns pids a" "$OUT" "$(ip netns pids a)"
check_match "netns pids a lists a pid" "$OUT" '^[0-9]+$'
P=$(printf '%s\n' "$OUT" | head -n1)
check_eq "netns identify PID == ip netns identify" "$(nsv netns identify "$P")" "$(ip netns identify "$P")"
check_eq "netns identify (self, host) prints nothing" "$(nsv netns identify)" ""
check_eq "-n a netns identify: the namespace itself" "$(nsv -n a netns identify)" "a"
kill "$SP" 2>/dev/null; wait 2>/dev/null

# deleting
check_rc "netns del a" 0 nsv netns del a
check_rc "ip netns del b" 0 ip netns del b
check_eq "nothing named left" "$(nsv netns list)" ""
run nsv netns del a
check_eq "netns del of a deleted namespace fails" "$RC" 1
check_match "... and says why" "$ERR" 'a: no such network namespace'

done_testing
