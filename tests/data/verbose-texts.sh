#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# verbose-texts.sh - remake the expected texts of every capture here that
# has none of its own making: NAME.txt and, for tcpdump's flags,
# NAME.e.txt (-e), NAME.v.txt (-v), NAME.vv.txt (-vv), NAME.q.txt (-q):
#   sh tests/data/verbose-texts.sh [NAME...]
# In a network namespace of its own (unshare -n: only lo), so a Linux
# cooked v2 capture's interface indexes have no name ("?") unless
# NAME.ifnames says which (then the text comes from the sandbox that made
# the capture, make-captures.sh, and is left alone).
set -eu
cd "$(dirname "$0")"
[ $# -gt 0 ] || set -- $(ls *.pcap | sed 's/\.pcap$//')
for n in "$@"; do
	[ -e "$n.ifnames" ] && continue
	unshare -n sh -c '
		n=$1
		TZ=UTC tcpdump -n -r "$n.pcap" >"$n.txt" 2>/dev/null
		TZ=UTC tcpdump -n -e -r "$n.pcap" >"$n.e.txt" 2>/dev/null
		TZ=UTC tcpdump -n -v -r "$n.pcap" >"$n.v.txt" 2>/dev/null
		TZ=UTC tcpdump -n -vv -r "$n.pcap" >"$n.vv.txt" 2>/dev/null
		TZ=UTC tcpdump -n -q -r "$n.pcap" >"$n.q.txt" 2>/dev/null
	' sh "$n"
done
