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
check_eq "netns identify (self, host) prints an empty line" "$(nsv netns identify; echo .)" "$(printf "\n.")"
check_eq "-n a netns identify: the namespace itself" "$(nsv -n a netns identify)" "a"
kill "$SP" 2>/dev/null; wait 2>/dev/null

# deleting
check_rc "netns del a" 0 nsv netns del a
check_rc "ip netns del b" 0 ip netns del b
check_eq "nothing named left" "$(nsv netns list)" ""
run nsv netns del a
check_eq "netns del of a deleted namespace fails" "$RC" 1
check_match "... and says why" "$ERR" 'a: no such network namespace'

# ---- nsids: netns set, list-id, and the ids of netns list, as ip ------------
# nsviz gives no numbers of its own: a veth between two namespaces makes
# the kernel number each for the other when their links are read (by ip
# too: `ip -n z2 link` numbers z1 in z2); after ip read them, nsviz
# reading everything changes nothing (the host numbers neither)
check_rc "ip: z1 and z2 with a veth between them" 0 sh -c \
	'ip netns add z1 && ip netns add z2 && ip -n z1 link add zx type veth peer name zy netns z2'
ip -n z1 link >/dev/null
ip -n z2 link >/dev/null
before=$(ip netns list-id; ip -n z1 netns list-id; ip -n z2 netns list-id)
nsv show >/dev/null
nsv -c 'netns list; -n z1 netns list; netns list-id; -n z2 netns list-id' >/dev/null
check_eq "reading gives no namespace a number" \
	"$(ip netns list-id; ip -n z1 netns list-id; ip -n z2 netns list-id)" "$before"
check_eq "-n z1 netns list == ip (z2 has an id there)" "$(nsv -n z1 netns list; echo .)" "$(ip -n z1 netns list; echo .)"
check_rc "netns del z1, z2" 0 nsv -c 'netns del z1; netns del z2'

check_rc "netns add n1" 0 nsv netns add n1
check_rc "ip netns add n2" 0 ip netns add n2
check_eq "netns list, no ids yet == ip" "$(nsv netns list; echo .)" "$(ip netns list; echo .)"
check_rc "netns set n1 5" 0 nsv netns set n1 5
check_eq "ip sees nsid 5 given to n1" "$(ip netns list-id)" "nsid 5 (iproute2 netns name: n1)"
check_rc "ip netns set n2 auto" 0 ip netns set n2 auto
for o in '' '-j' '-j -p'; do
	# shellcheck disable=SC2086
	check_eq "nsviz $o netns list == ip (ids)" "$(nsv ip $o netns list; echo .)" "$(ip $o netns list; echo .)"
	# shellcheck disable=SC2086
	check_eq "nsviz $o netns list-id == ip" "$(nsv ip $o netns list-id; echo .)" "$(ip $o netns list-id; echo .)"
done
check_rc "netns set NAME auto: the kernel picks" 0 nsv netns add n3
check_rc "... netns set n3 auto" 0 nsv netns set n3 auto
check_match "... and ip sees a number for n3" "$(ip netns list)" '^n3 \(id: [0-9]+\)$'
check_eq "-c netns list == ip" "$(nsv -c 'netns list'; echo .)" "$(ip netns list; echo .)"
# numbers are per namespace: n1 numbers n2 as 3
check_rc "-n n1 netns set n2 3" 0 nsv -n n1 netns set n2 3
check_eq "-n n1 netns list-id == ip" "$(nsv -n n1 netns list-id; echo .)" "$(ip -n n1 netns list-id; echo .)"
check_eq "-n n1 netns list == ip" "$(nsv -n n1 netns list; echo .)" "$(ip -n n1 netns list; echo .)"
check_match "... n2 is 3 there" "$(nsv -n n1 netns list)" '^n2 \(id: 3\)$'
for a in 'target-nsid 5' 'nsid 5' 'nsid 0' 'target-nsid 5 nsid 3'; do
	# shellcheck disable=SC2086
	check_eq "netns list-id $a == ip" "$(nsv netns list-id $a; echo .)" "$(ip netns list-id $a; echo .)"
	# shellcheck disable=SC2086
	check_eq "-j netns list-id $a == ip" "$(nsv ip -j netns list-id $a; echo .)" "$(ip -j netns list-id $a; echo .)"
done
# the kernel's refusals, in its words, and nothing changed
before=$(ip netns list-id)
run nsv netns set n1 6
check_eq "set an nsid twice: exit 1" "$RC" 1
check_eq "... in the kernel's words" "$ERR" "nsviz: n1: Peer netns already has a nsid assigned"
check_rc "netns add n4" 0 nsv netns add n4
run nsv netns set n4 5
check_eq "an nsid already used: exit 1" "$RC" 1
check_eq "... in the kernel's words" "$ERR" "nsviz: n4: The specified nsid is already used"
run nsv netns set zz 1
check_eq "set of no such namespace: exit 1" "$RC" 1
check_eq "... says so" "$ERR" "nsviz: zz: no such network namespace"
run nsv netns list-id nsid 77
check_eq "list-id nsid 77 (unused): exit 1" "$RC" 1
check_eq "... in the kernel's words" "$ERR" "nsviz: nsid 77: Peer netns reference is invalid"
run nsv netns list-id target-nsid 77
check_eq "list-id target-nsid 77 (unused): exit 1" "$RC" 1
check_eq "... in the kernel's words" "$ERR" "nsviz: target-nsid 77: Invalid target network namespace id"
check_eq "nothing changed" "$(ip netns list-id)" "$before"

# the requests themselves, as iproute2 6.1 sends them (strace decodes
# both; sequence numbers, port ids and descriptor numbers left out)
nsid_reqs() {
	strace -f -e trace=sendto,sendmsg -s 4096 "$@" 2>&1 >/dev/null |
		grep -E 'RTM_NEWNSID|RTM_GETNSID.*(NLM_F_DUMP|NETNSA_NSID|NETNSA_TARGET)' |
		sed -E -e 's/.*iov_base=\[//' -e 's/^sendto\([0-9]+, \[//' \
			-e 's/, iov_len=.*//' \
			-e 's/, [0-9]+, 0, NULL, 0\) = [0-9]+$//' \
			-e 's/nlmsg_seq=[0-9]+, nlmsg_pid=-?[0-9]+//' \
			-e 's/(NETNSA_FD\}, )[0-9]+/\1FD/'
}
if command -v strace >/dev/null && strace -f -o /dev/null true 2>/dev/null; then
	check_rc "netns add r1, r2" 0 nsv -c 'netns add r1; netns add r2'
	want=$(nsid_reqs ip netns set r1 40)
	check_match "ip's netns set request seen" "$want" 'RTM_NEWNSID'
	got=$(nsid_reqs "$NSVIZ" netns set r2 41)
	check_eq "netns set: the request ip sends" "$(echo "$got" | sed 's/41/40/')" "$want"
	for a in 'target-nsid 40' 'nsid 41' 'nsid 41 target-nsid 40' ''; do
		# shellcheck disable=SC2086
		want=$(nsid_reqs ip netns list-id $a)
		# shellcheck disable=SC2086
		got=$(nsid_reqs "$NSVIZ" netns list-id $a)
		check_eq "netns list-id $a: the request ip sends" "$got" "$want"
	done
	check_rc "netns del r1, r2" 0 nsv -c 'netns del r1; netns del r2'
else
	echo "# skipped the request comparison: no strace, or ptrace not allowed"
fi

# ---- attach: a process's namespace gets a name ------------------------------
unshare --net sleep 60 &
AH=$!
wait_moved "$AH" sleep
check_rc "netns attach h PID" 0 nsv netns attach h "$AH"
check_eq "ip netns identify PID names it" "$(ip netns identify "$AH")" "h"
check_eq "the same namespace (nsfs inode)" "$(stat -L -c %i /run/netns/h)" "$(stat -L -c %i "/proc/$AH/ns/net")"
check_eq "netns list == ip" "$(nsv netns list; echo .)" "$(ip netns list; echo .)"
run nsv netns attach h "$AH"
check_eq "attach to a name in use: exit 1" "$RC" 1
check_eq "... says so" "$ERR" "nsviz: h: namespace already exists"
run nsv netns attach x 999999
check_eq "attach to no such process: exit 1" "$RC" 1
check_eq "... says so" "$ERR" "nsviz: 999999: no such process"
check_rc "... and makes no /run/netns/x" 1 test -e /run/netns/x
check_rc "ip netns attach h2 PID" 0 ip netns attach h2 "$AH"
check_eq "nsviz identifies as ip does (the last name)" "$(nsv netns identify "$AH")" "$(ip netns identify "$AH")"
check_rc "netns del h2" 0 nsv netns del h2

# ---- identify prints ip's bytes ---------------------------------------------
check_eq "netns identify (host): an empty line, as ip" "$(nsv netns identify | od -c)" "$(ip netns identify | od -c)"

# ---- -all netns exec: each namespace in ip's order ---------------------------
for cmd in 'echo hi' 'ip link' 'ip addr show dev lo' 'ip route' 'sh -c "exit 3"' 'nosuchprogram'; do
	eval "set -- $cmd"
	run ip -all netns exec "$@"
	want=$OUT wantrc=$RC
	run nsv -all netns exec "$@"
	check_eq "-all netns exec $cmd == ip (output)" "$OUT" "$want"
	check_eq "-all netns exec $cmd == ip (exit status)" "$RC" "$wantrc"
	run nsv -c "-all netns exec $cmd"
	check_eq "-c '-all netns exec $cmd' == ip (output)" "$OUT" "$want"
done
run ip -all netns exec sh -c 'kill -9 $$'
want=$OUT
run nsv -all netns exec sh -c 'kill -9 $$'
check_eq "-all netns exec: a program killed stops it, as ip" "$OUT" "$want"
check_eq "... exit 1, as ip" "$RC" 1
kill "$AH" 2>/dev/null; wait 2>/dev/null

# a file in /run/netns that is no namespace: listed without an id, as ip
# does; -all netns exec says so and goes on to the next namespace
: >/run/netns/plainfile
check_eq "netns list with a plain file == ip" "$(nsv netns list; echo .)" "$(ip netns list 2>/dev/null; echo .)"
run nsv -all netns exec echo hi
check_match "-all netns exec: the plain file is said to be no namespace" "$ERR" \
	'^nsviz: plainfile: not a network namespace \(/run/netns/plainfile is a regular file'
check_eq "... and every namespace still runs" "$(printf '%s\n' "$OUT" | grep -c '^hi$')" \
	"$(ls /run/netns | grep -vc plainfile)"
check_eq "... status 0, as ip" "$RC" 0
rm /run/netns/plainfile

# ---- -all netns del -----------------------------------------------------------
check_match "namespaces before -all netns del" "$(nsv netns list)" 'n1'
check_rc "-all netns del" 0 nsv -all netns del
check_eq "... leaves none (ip netns list)" "$(ip netns list)" ""
check_eq "... and /run/netns is empty" "$(ls -A /run/netns)" ""
check_rc "-all netns del with none: exit 0, as ip" 0 nsv -all netns del
check_rc "-all netns exec with none: exit 0" 0 nsv -all netns exec echo hi
check_eq "... prints nothing" "$(nsv -all netns exec echo hi)" ""

done_testing
