#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# nsviz --sandbox: private namespaces, lo up, no route, nothing outside
# touched or seen; works with every mode, and without root.
. "${TOP_SRCDIR:-$(dirname "$0")/../..}/tests/lib/common.sh"
sandbox_reexec

nsv() { "$NSVIZ" "$@"; }

# what the enclosing world looks like before
ip netns add outer
ip link add out0 type veth peer name out1
BEFORE_NS=$(ip netns list)
BEFORE_LINKS=$(ip -j link show)
BEFORE_ROUTES=$(ip -j route show table all)

run nsv -S -c 'netns add a; link add x0 type veth peer name x1 netns a; addr add 10.1.0.1/24 dev x0; link set x0 up; netns list; link show lo; route show'
check_eq "-S -c runs" "$RC" 0
check_eq "-S: the sandbox sees only its own namespaces" "$(printf '%s\n' "$OUT" | grep -c '^outer')" "0"
check_match "-S: lo is up" "$OUT" '^1: lo: <LOOPBACK,UP,LOWER_UP>'
check_match "-S: its namespace is listed" "$OUT" '^a( \(id: [0-9]+\))?$'
check_nomatch "-S: no default route in the sandbox" "$OUT" '^default'
check_eq "-S: the enclosing namespaces are untouched" "$(ip netns list)" "$BEFORE_NS"
check_eq "-S: the enclosing links are untouched" "$(ip -j link show)" "$BEFORE_LINKS"
check_eq "-S: the enclosing routes are untouched" "$(ip -j route show table all)" "$BEFORE_ROUTES"

run nsv -S show --json
check_eq "-S show --json: only the sandbox's host namespace" \
	"$(printf '%s' "$OUT" | jq -r '[.namespaces[].kind] | join(",")')" "host"
check_eq "-S show --json: lo only" \
	"$(printf '%s' "$OUT" | jq -r '[.namespaces[0].links[].ifname] | join(",")')" "lo"

printf 'netns add viaB\nnetns list\n' >"$TMPD/b"
run nsv --sandbox -b "$TMPD/b"
check_eq "--sandbox -b works" "$OUT" "viaB"

run nsv -S -c 'link show nosuch'
check_eq "-S relays the exit status of a failed command" "$RC" 1
check_eq "-S relays the message" "$ERR" 'nsviz: Device "nosuch" does not exist.'

run sh -c 'printf "netns add p\nnetns list\nquit\n" | "$NSVIZ" -S'
check_eq "-S with the prompt fed on stdin" "$OUT" "p"

# monitor in the sandbox ends cleanly on SIGTERM
"$NSVIZ" -S monitor >"$TMPD/mon" 2>&1 &
MP=$!
sleep 0.5
kill -TERM "$MP"
wait "$MP"
check_eq "-S monitor exits 0 on SIGTERM" "$?" 0

# a long ping in the sandbox is ended by SIGTERM, status 128+15
"$NSVIZ" -S ping -c 100 127.0.0.1 >"$TMPD/ping" 2>&1 &
PP=$!
sleep 0.5
kill -TERM "$PP"
wait "$PP"
check_eq "-S ping ended by SIGTERM: status 143" "$?" 143

# and SIGINT stops it the way ^C stops ping: statistics, then exit
"$NSVIZ" -S ping -c 100 -i 0.2 127.0.0.1 >"$TMPD/ping" 2>&1 &
PP=$!
sleep 0.7
kill -INT "$PP"
wait "$PP"
check_eq "-S ping ended by SIGINT exits 0 (replies came)" "$?" 0
check_match "... after printing the statistics" "$(cat "$TMPD/ping")" '^--- 127\.0\.0\.1 ping statistics ---$'

# no root needed: run as nobody (needs unprivileged user namespaces)
if command -v setpriv >/dev/null && \
   setpriv --reuid=65534 --regid=65534 --clear-groups unshare --user true 2>/dev/null; then
	run setpriv --reuid=65534 --regid=65534 --clear-groups \
		"$NSVIZ" -S -c 'netns add u; link add u0 type veth peer name u1 netns u; -n u link set u1 up; netns list; -n u link show u1'
	check_eq "-S as an unprivileged user: exit 0" "$RC" 0
	check_match "-S as an unprivileged user: netns made" "$OUT" '^u( \(id: [0-9]+\))?$'
	check_match "-S as an unprivileged user: veth in it" "$OUT" 'u1@if[0-9]+: '
	run setpriv --reuid=65534 --regid=65534 --clear-groups "$NSVIZ" netns add nope
	check_eq "without -S an unprivileged user is refused" "$RC" 1
	check_match "... with the kernel's reason" "$ERR" 'nope: cannot create namespace: (Permission denied|Operation not permitted)'
else
	echo "# skipped the unprivileged part: no setpriv or no user namespaces"
fi
# every mount(2) of the sandbox passes strings where the system call
# takes strings (valgrind checks each argument)
# (not for a sanitizer build: ASan and valgrind cannot share a process)
if command -v valgrind >/dev/null && \
   ! ldd "$NSVIZ" 2>/dev/null | grep -q 'lib[a-z]*san'; then
	run valgrind -q "$NSVIZ" -S -c 'netns add v; netns list'
	check_eq "-S under valgrind: exit 0" "$RC" 0
	check_nomatch "-S under valgrind: no bad system call argument" "$ERR" \
		'Syscall param|unaddressable'
else
	echo "# skipped the valgrind check: no valgrind, or a sanitizer build"
fi

check_eq "nothing leaked into the enclosing namespaces" "$(ip netns list)" "$BEFORE_NS"

done_testing
