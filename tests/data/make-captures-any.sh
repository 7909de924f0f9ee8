#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# make-captures-any.sh - remake the real `tcpdump -i any` captures of this
# folder, by hand:  sh tests/data/make-captures-any.sh
# Inside a sandbox (tests/lib/common.sh): the tutorial's veth pair and
# loopback traffic, captured on "any" as Linux cooked v2 (any-sll2, what
# tcpdump 4.99 writes) and v1 (any-sll, -y LINUX_SLL).  tcpdump -r then
# writes the expected texts (NAME.txt, NAME.e.txt, NAME.v.txt,
# NAME.vv.txt, NAME.q.txt) in the same sandbox, where the interface
# indexes have their names; NAME.ifnames keeps those names for the unit
# test.  Needs tcpdump, ping, nc (netcat-openbsd) and socat.
. "$(dirname "$0")/capture-lib.sh"
DECODE_FLAGS="e v vv q"

tutorial_net
sleep 1
ip netns exec vnet socat TCP-LISTEN:4078,reuseaddr,fork EXEC:/bin/cat &
SRV=$!
ip netns exec vnet socat UDP-RECVFROM:4078,fork EXEC:/bin/cat &
USRV=$!
sleep 0.5

# traffic NAME TCPDUMP-ARGS...: capture it on "any"
traffic() {
	name=$1
	shift
	start "$name" -i any "$@"
	ip neigh flush dev veth0
	ip -n vnet neigh flush dev veth1
	ping -c 2 -i 0.2 10.0.2.0 >/dev/null
	ping -c 1 127.0.0.1 >/dev/null
	echo hello | nc -4 -q1 10.0.2.0 4078 >/dev/null
	echo hello | socat -t 0.5 - UDP:10.0.2.0:4078 >/dev/null
	ip -n vnet neigh flush dev veth1
	ip netns exec vnet ping -c 1 10.0.1.0 >/dev/null
	stop "$name"
	ip -o link | awk -F': ' '{ split($2, n, "@"); print $1, n[1] }' \
		>"$OUT/$name.ifnames"
}

traffic any-sll2 not ip6
traffic any-sll -y LINUX_SLL not ip6
kill "$SRV" "$USRV" 2>/dev/null
echo "captures written to $OUT"
