#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The map's nodes: routers and bridges.
# A router, a namespace whose IPv4 forwarding
# (net.ipv4.ip_forward) or IPv6 forwarding (net.ipv6.conf.all.forwarding)
# is on has "(router)" after its name, "(R)" in the overview.  The kernel
# sends no event when a sysctl changes: the UI reads them while the map is
# shown (when it opens, and every 2 s), and never while it is not.  The
# sysctls are changed by another nsviz process, as a user in another
# terminal would, and by the UI's own : line.  A bridge is a node of its
# own, "[br0]", its ports hanging from it, the line to a port that is down
# dashed, a port that is a veth end keeping its wire.
#
# The world: r1, r2, r3 wired host - r1 - r2 - r3; in r3 a bridge br0
# with ports eth0 (the veth from r2) and p0 (a veth to p1 in r3, down).
# The UI runs in the C locale (ASCII glyphs); strace, attached to it for
# a while (LeakSanitizer cannot run under ptrace at the exit), counts its
# reads of the forwarding sysctls.
. "${TOP_SRCDIR:-$(dirname "$0")/../..}/tests/lib/common.sh"
command -v tmux >/dev/null || { echo "SKIP: tmux is needed" >&2; exit 77; }
# without strace (or ptrace), the reads are not counted
HAVE_STRACE=
command -v strace >/dev/null && strace -o /dev/null true 2>/dev/null &&
	HAVE_STRACE=1
. "${TOP_SRCDIR:-$(dirname "$0")/../..}/tests/lib/tui.sh"
sandbox_reexec

tui_start router
# reads: how many times the UI opened a forwarding sysctl so far
reads() { grep -c 'ip_forward\|conf/all/forwarding' "$TMPD/trace"; }
# wait_reads N: until the UI has read them more than N times
wait_reads() {
	_w=0
	while [ $_w -lt 250 ]; do
		[ "$(reads)" -gt "$1" ] && return 0
		sleep 0.1; _w=$((_w + 1))
	done
	return 1
}
fwd() { "$NSVIZ" -c "-n $1 sysctl -w $2=$3" >/dev/null; }

cat >"$TMPD/net" <<EOF
netns add r1
netns add r2
netns add r3
link add v1 type veth peer name eth0 netns r1
-n r1 link add eth1 type veth peer name eth0 netns r2
-n r2 link add eth1 type veth peer name eth0 netns r3
-n r3 link add br0 type bridge
-n r3 link add p0 type veth peer name p1
-n r3 link set eth0 master br0
-n r3 link set p0 master br0
-n r3 link set br0 up
-n r3 link set eth0 up
-n r2 link set eth1 up
EOF
check_rc "three namespaces in a chain" 0 "$NSVIZ" -b "$TMPD/net"

# the UI's pid, for strace -p
cat >"$TMPD/run" <<EOF
echo \$\$ >"$TMPD/pid"
exec "$NSVIZ"
EOF
T new-session -d -s m -x 220 -y 36 "cd '$TMPD' && sh ./run; echo EXIT=\$?; sleep 60"
wait_for "the UI is up" 'Namespaces \(4\)'
key t
wait_for "t: the map" '#= host =+'
check_nomatch "no namespace forwards: no router" "$(screen)" 'router'

# ---- a bridge, its ports ----------------------------------------------------------------
wait_for "r3's bridge is a node" '\| \[br0\] +UP/'
wait_for "... its port p0 (down) on a dashed line, its wire to p1 kept" \
	'\| [|`]\.p0 +DOWN/DOWN .*> p1 +\+'
wait_for "... its port eth0 on a solid one, the wire to r2 kept" \
	'\+ [|`]-eth0 +UP/[A-Z]+ .*> r2:eth1 +\|'

# ---- another process turns forwarding on and off ----------------------------------
fwd r1 net.ipv4.ip_forward 1
wait_for "ip_forward=1 in r1: its box is marked" '\+- r1 \(router\) -+\+'
check_nomatch "... the others are not" "$(screen)" '(host|r2|r3) \(router\)'
fwd r1 net.ipv4.ip_forward 0
wait_gone "ip_forward=0: the mark goes" 'r1 \(router\)'
fwd r2 net.ipv6.conf.all.forwarding 1
wait_for "IPv6 forwarding on in r2: marked too" '\+- r2 \(router\) -+\+'
key z
wait_for "z: the overview marks it (R)" '[|[+] r2 \(R\) +[]|+]'
check_nomatch "... and only it" "$(screen)" '(host|r1|r3) \(R\)'
key z
wait_for "z again: full size" 'Topology  \('

# ---- the map closed: nothing read; opened: read at once -----------------------------
key t
wait_gone "t: the map closed" 'Topology'
if [ -n "$HAVE_STRACE" ]; then
pid=$(cat "$TMPD/pid")
: >"$TMPD/trace"
strace -qq -e trace=openat -p "$pid" -o "$TMPD/trace" 2>"$TMPD/strace.err" &
st=$!
# tracer PID: who traces PID (0 none)
tracer() { sed -n 's/^TracerPid:[[:space:]]*//p' "/proc/$1/status"; }
_w=0
while [ "$(tracer "$pid")" = 0 ] && [ $_w -lt 250 ]; do sleep 0.1; _w=$((_w + 1)); done
check_eq "strace is attached to the UI" "$(tracer "$pid")" "$st"
fwd r3 net.ipv4.ip_forward 1
# a hang guard, not a timing: the UI must not read at all while the map
# is closed, however long one waits (it would have twice in 4 s)
sleep 4
check_eq "the map closed: the sysctls are not read" "$(reads)" 0
key t
wait_for "t: opened, r3 marked at once" '\+- r3 \(router\) -+\+'
n1=$(reads)
if wait_reads "$n1"; then
	pass "the map open: they are read again (every 2 s)"
else
	fail "the map open: they are read again" "$n1 reads, no more"
fi
{ kill "$st"; wait "$st"; } 2>/dev/null
_w=0
while [ "$(tracer "$pid")" != 0 ] && [ $_w -lt 250 ]; do sleep 0.1; _w=$((_w + 1)); done
else
fwd r3 net.ipv4.ip_forward 1
key t
wait_for "t: opened, r3 marked at once" '\+- r3 \(router\) -+\+'
skip "the reads counted (strace is needed)"
fi

# ---- the UI's own : line ----------------------------------------------------------------
key :
T send-keys -t m -l -- '-n r3 sysctl -w net.ipv4.ip_forward=0'
key Enter
wait_gone ": sysctl -w in r3 from the UI: its mark goes" 'r3 \(router\)'

key q
wait_for "q quits with status 0" 'EXIT=0'

done_testing
