#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# `nsviz show --dot` on a lab made by the real ip: a veth across
# namespaces, a bridge with a port, a macvlan and (where the kernel has
# it) a vlan on the veth, a link down, and names made to break DOT (a
# quote, a backslash, ESC, an entity, a newline); every edge is where the
# kernel says, and Graphviz's dot reads the output without an error nor
# a warning (when dot is installed: graphviz).
. "${TOP_SRCDIR:-$(dirname "$0")/../..}/tests/lib/common.sh"
sandbox_reexec

ip netns add vnet
ip link add veth0 type veth peer name veth1 netns vnet
ip addr add 10.0.1.1/24 dev veth0
ip -n vnet addr add 10.0.1.2/24 dev veth1
ip link set veth0 up
ip -n vnet link set veth1 up
ip -n vnet link add br0 type bridge
ip -n vnet link add p0 type veth peer name p1
ip -n vnet link set p0 master br0
ip -n vnet link set br0 up
ip -n vnet link set p0 up
ip -n vnet link set p1 up
ip link add mv0 link veth0 type macvlan mode bridge
if ip link add link veth0 name veth0.10 type vlan id 10 2>/dev/null; then
	have_vlan=1
else
	have_vlan=0
fi
# names made to break DOT: a quote, a backslash, ESC, an entity, a newline
odd=$(printf 'o"d\\d\033[2J&amp;\nx')
ip netns add "$odd"
ip link add 'q"u\o' type veth peer name w0 netns "$odd"
wait_carrier veth0
wait_carrier -n vnet veth1
wait_carrier -n vnet p0
wait_carrier -n vnet br0

check_rc "show --dot runs" 0 "$NSVIZ" show --dot
DOT=$OUT
printf '%s\n' "$DOT" >"$TMPD/lab.dot"

# nid NAME: the node of the interface NAME (the first line of its label)
nid() {
	printf '%s\n' "$DOT" | sed -n "s/^		\(n[0-9]*_[0-9]*\) \[label=\"$1\\\\n.*/\1/p"
}
for n in veth0 veth1 br0 p0 p1 mv0 w0; do
	[ -n "$(nid "$n")" ] || fail "a node for $n" "$DOT"
done
check_match "veth0 and veth1: one undirected edge across namespaces" "$DOT" \
	"^	$(nid veth0) -> $(nid veth1) \[label=\"veth\", dir=none\];$"
check_eq "a veth pair is drawn once" "$(printf '%s\n' "$DOT" |
	grep -cE -- "^	($(nid veth0) -> $(nid veth1)|$(nid veth1) -> $(nid veth0)) ")" 1
check_match "p0 is a port of br0" "$DOT" \
	"^	$(nid p0) -> $(nid br0) \[label=\"port\"\];$"
check_match "the bridge is an ellipse, up" "$DOT" \
	"^		$(nid br0) \[label=\"br0\\\\nbridge UP\", shape=ellipse\];$"
check_match "mv0's lower device is veth0; mv0 is down: dashed" "$DOT" \
	"^	$(nid mv0) -> $(nid veth0) \[label=\"macvlan\", style=dashed\];$"
check_match "addresses in the node's label" "$DOT" \
	"^		$(nid veth0) \[label=\"veth0\\\\n10\.0\.1\.1/24\\\\nveth UP\"\];$"
if [ $have_vlan = 1 ]; then
	check_match "the vlan's edge says its id" "$DOT" \
		"^	$(nid veth0.10) -> $(nid veth0) \[label=\"vlan 10\", style=dashed\];$"
else
	skip "vlan: the kernel has no 8021q"
fi
check_match "a hostile namespace name is quoted and escaped" "$DOT" \
	'label="o\\"d\\\\d\\\\x1b\[2J&amp;amp;\\\\x0ax";$'
check_match "a hostile interface name is quoted" "$DOT" \
	'\[label="q\\"u\\\\o\\n'
check_nomatch "no ESC reaches the output" "$DOT" "$(printf '\033')"

if command -v dot >/dev/null; then
	check_rc "dot -Tsvg reads it" 0 dot -Tsvg -o "$TMPD/lab.svg" "$TMPD/lab.dot"
	check_eq "dot says nothing (no error, no warning)" "$ERR" ""
	check_match "the SVG has the bridge" "$(cat "$TMPD/lab.svg")" '>br0<'
else
	skip "dot -Tsvg: Graphviz's dot is not installed"
fi

check_rc "--dot and --json together: refused" 2 "$NSVIZ" show --dot --json
check_match "... saying so" "$ERR" "one of them"

done_testing
