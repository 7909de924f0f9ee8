#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The capture view's switches for tcpdump's output flags, driven through
# tmux in the sandbox: l (-e), V (-v, cycling), X (the dumps: -x, -X,
# -XX, -A, none), T (the timestamp forms): each shown in the panel's
# title and applied to the lines already there; the merged view too.
. "${TOP_SRCDIR:-$(dirname "$0")/../..}/tests/lib/common.sh"
command -v tmux >/dev/null || { echo "SKIP: tmux is needed" >&2; exit 77; }
sandbox_reexec
. "$TOP_SRCDIR/tests/lib/tui.sh"
tui_start capflags
TUI_PAUSE=0.2

tui_tutorial
T new-session -d -s m -x 132 -y 45 "cd '$TMPD' && NSVIZ_THEMES_DIR='$TOP_SRCDIR/themes' '$NSVIZ'; echo EXIT=\$?; sleep 60"
wait_for "the UI is up" 'Namespaces \(2\)'

key Tab; key j                     # interfaces panel, veth0
key c
wait_for "c opens a capture on veth0" 'veth0 in host +seen [0-9]+'
key f; text "icmp"; key Enter
cmd "ping -c 1 10.0.2.0"
wait_for "a request, tcpdump -n's line" \
	'^\| *[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6} IP 10\.0\.1\.0 > 10\.0\.2\.0: ICMP echo request, id [0-9]+, seq 1, length 64'

key l
wait_for "l: -e in the title" 'veth0 in host  filter: icmp  tcpdump -e  seen'
# the decoder's -e text (until it has one, the lines stay as they are)
if "$NSVIZ" capture -e -r "$TOP_SRCDIR/tests/data/udp.pcap" 2>/dev/null |
   grep -q ethertype; then
	wait_for "l: the link-level header on the lines already there" \
		'[0-9] [0-9a-f:]{17} > [0-9a-f:]{17}, ethertype IPv4 \(0x0800\), length 98: '
else
	skip "l: the link-level header (the decoder has no -e text yet)"
fi
key l
wait_gone "l again: no -e" 'tcpdump -e'

key X
wait_for "X: -x in the title" 'tcpdump -x  seen'
wait_for "X: hex lines under the packet, tabs as a terminal shows them" \
	'^\|        0x0000:  4500 0054 '
key X
wait_for "X again: -X, hex and ASCII" 'tcpdump -X  seen'
wait_for "-X: the ASCII column" '^\|        0x0000:  4500 0054 .{29}  E\.\.T'
key X
wait_for "X again: -XX, from the link-level header" 'tcpdump -XX  seen'
wait_for "-XX: the Ethernet header first" '^\|        0x0000:  [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4} 0800 4500 '
key X
wait_for "X again: -A" 'tcpdump -A  seen'
key X
wait_gone "X again: no dump" 'tcpdump -A'
wait_gone "... and no hex lines" '0x0000:'

key T
wait_for "T: -t, no timestamp" 'tcpdump -t  seen'
wait_for "-t: the line starts with IP" '^\| *IP 10\.0\.1\.0 > 10\.0\.2\.0: ICMP echo request'
key T
wait_for "T again: -tt, seconds since 1970" '^\| *[0-9]{10}\.[0-9]{6} IP 10\.0\.1\.0'
key T
wait_for "T again: -ttt, since the previous packet" \
	'^\| 00:00:00\.[0-9]{6} IP 10\.0\.2\.0 > 10\.0\.1\.0: ICMP echo reply'
key T
wait_for "T again: -tttt, with the date" '^\| *20[0-9]{2}-[0-9]{2}-[0-9]{2} [0-9:]{8}\.[0-9]{6} IP 10\.0\.1\.0'
key T; key T
wait_gone "T round to the default" 'tcpdump -t'

key V
wait_for "V: -v in the title" 'tcpdump -v  seen'
key V
wait_for "V again: -vv" 'tcpdump -vv  seen'
key V
wait_for "V again: -vvv" 'tcpdump -vvv  seen'
key V
wait_gone "V again: none" 'tcpdump -v'

# the merged view: the same switches, every capture's lines
key c
key BTab; key j; key Tab; key j    # vnet, its veth1
key c
wait_for "a second capture, in vnet" 'veth1 in vnet +seen'
key M
key X
wait_for "merged: X shows -x in the title" 'All captures, by time  tcpdump -x'
cmd "ping -c 1 10.0.2.0"
wait_for "merged: the line with where it was seen, then its hex" \
	'\[veth1 in vnet\] [0-9:.]+ IP 10\.0\.1\.0 > 10\.0\.2\.0: ICMP echo request'
wait_for "merged: hex lines" '^        0x0000:  4500 0054 '
key X; key X; key X; key X
wait_gone "merged: X round to none" 'tcpdump -'
key M
key q
wait_for "q quits" 'EXIT=0'
done_testing
