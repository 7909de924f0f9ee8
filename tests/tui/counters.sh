#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Counters that move (issue 15), in a real terminal: the interfaces
# panel's RX and TX columns (packets/s) and an interface's details (the
# totals, the rates, the last 60 s as a sparkline) follow a ping through
# the tutorial's veth pair; the sparkline is ASCII in the C locale and
# with --ascii, block characters in a UTF-8 one.  Never a timed
# assertion: the screen is read until the value rises (the waits give up
# after 25 s, a hang guard).
. "${TOP_SRCDIR:-$(dirname "$0")/../..}/tests/lib/common.sh"
command -v tmux >/dev/null || { echo "SKIP: tmux is needed" >&2; exit 77; }
command -v ping >/dev/null || { echo "SKIP: ping is needed (iputils)" >&2; exit 77; }
. "${TOP_SRCDIR:-$(dirname "$0")/../..}/tests/lib/tui.sh"
sandbox_reexec

tui_start counters
tui_tutorial

# veth0's RX and TX cells in the interfaces panel, as numbers ("1.2k" is
# 1200), "- -" before the second reading, nothing when not shown
if_rates() {
	screen | awk -F'|' '$4 ~ /^veth0@veth1 / {
		n = split($4, a, " ")
		if (a[n - 2] != "1500") exit
		for (i = n - 1; i <= n; i++) {
			v = a[i]; m = 1
			if (v ~ /k$/) m = 1e3; else if (v ~ /M$/) m = 1e6
			else if (v ~ /G$/) m = 1e9
			sub(/[kMG]$/, "", v)
			printf "%s%s", i == n ? " " : "", v == "-" ? "-" : v * m
		}
		print ""; exit }'
}
# until veth0's RX rate is at least $1 packets/s; 0 when it was
rx_at_least() {
	_w=0
	while [ $_w -lt 250 ]; do
		set -- "$1" $(if_rates)
		[ $# -eq 3 ] && [ "$2" != - ] && [ "${2%.*}" -ge "$1" ] && return 0
		sleep 0.1; _w=$((_w + 1))
	done
	return 1
}
# the details' "RX" or "TX" row: packets bytes errors dropped pps bps
det_row() {
	screen | awk -v w="$1" '{ sub(/^[|+ -]*\| */, "") }
		$1 == w && $2 ~ /^[0-9]+$/ { print $2, $3, $4, $5, $6, $7; exit }'
}

T new-session -d -s m -x 160 -y 40 "'$NSVIZ'; echo EXIT=\$?; sleep 60"
wait_for "the UI is up" 'Namespaces \(2\)'
key Tab
key Home
key j
wait_for "veth0 selected, the panel is wide: RX and TX columns" \
	'\|NAME +PEER IN +ADMIN +OPER +ADDRESSES +MAC +MTU +RX +TX\|'
wait_for "... a rate once the counters were read twice" \
	'\|veth0@veth1 +vnet +up +UP .* 1500 +[0-9.]+[kMG]? +[0-9.]+[kMG]?\|'
before=$(if_rates)
check_match "... veth0's rates before the ping: $before" "$before" '^[0-9.]+ [0-9.]+$'
bef_rx=${before%% *}
bef_rx=${bef_rx%.*}

# 20 pings a second from vnet to the host's end, for as long as it takes
ip netns exec vnet ping -q -i 0.05 -c 6000 10.0.1.0 >/dev/null 2>&1 &
PING=$!
trap 'kill $PING 2>/dev/null; T kill-server 2>/dev/null; rm -rf "$TMPD"' EXIT
want=$((bef_rx + 5))
[ $want -ge 10 ] || want=10
if rx_at_least $want; then
	pass "the ping: veth0's RX rate rises from $bef_rx to $(if_rates | cut -d' ' -f1) (>= $want) packets/s"
else
	fail "the ping: veth0's RX rate rises from $bef_rx to >= $want" "screen:" "$(screen)"
fi
tx=$(if_rates | cut -d' ' -f2)
if [ "${tx%.*}" -ge 10 ] 2>/dev/null; then
	pass "... and so does its TX, the replies ($tx packets/s)"
else
	fail "... and so does its TX, the replies" "TX: $tx" "$(screen)"
fi
# the namespaces panel: each visible namespace's packets/s, its
# interfaces' RX and TX together (vnet: 20 requests in, 20 replies out)
wait_for "the namespaces panel has a PKT/S column" \
	'\|NAME +IF PROC ECHO PKT/S \|'
_w=0
while [ $_w -lt 250 ]; do
	vn=$(screen | awk -F'|' '$2 ~ /^vnet / { n = split($2, a, " "); print a[n]; exit }')
	[ "${vn%%[.kM]*}" -ge 30 ] 2>/dev/null && break
	sleep 0.1; _w=$((_w + 1))
done
if [ "${vn%%[.kM]*}" -ge 30 ] 2>/dev/null; then
	pass "... vnet's total rises with the ping ($vn packets/s, >= 30)"
else
	fail "... vnet's total rises with the ping" "vnet: $vn" "$(screen)"
fi

# the details: totals, rates and the sparkline, live
key Enter
wait_for "Enter: veth0's details, with its counters" \
	'Counters \(read every second while shown'
wait_for "... the totals and the rates under their headers" \
	'packets +bytes +errors +dropped +packets/s +bits/s'
wait_for "... the RX row" '\| +RX +[0-9]+ +[0-9]+ +0 +[0-9]+ +[0-9.]+[kMG]? +[0-9.]+[kMG]? +\|'
rx1=$(det_row RX | cut -d' ' -f1)
check_match "... RX packets read: $rx1" "$rx1" '^[0-9]+$'
_w=0
while [ $_w -lt 250 ]; do
	rx2=$(det_row RX | cut -d' ' -f1)
	[ -n "$rx2" ] && [ "$rx2" -gt "$rx1" ] && break
	sleep 0.1; _w=$((_w + 1))
done
if [ -n "$rx2" ] && [ "$rx2" -gt "$rx1" ]; then
	pass "... RX packets rise while the popup is open ($rx1 -> $rx2)"
else
	fail "... RX packets rise while the popup is open" "screen:" "$(screen)"
fi
wait_for "... the rates in bits/s too (84-byte requests, 20 a second)" \
	'\| +RX +[0-9]+ +[0-9]+ +0 +[0-9]+ +[0-9.]+[kMG]? +[0-9.]+[kM] +\|'
wait_for "... the last 60 s, in ASCII in the C locale" \
	'RX packets/s, last 60 s +\|[_.=-]*#'
wait_for "... TX too" 'TX packets/s, last 60 s +\|[_.=-]*#'
check_match "... the sparkline counts its samples: at most 60" \
	"$(screen | sed -n 's/.*RX packets\/s, last 60 s *|\([^ ]*\).*/\1/p' | tr -d '\n' | wc -c)" \
	'^([1-9]|[1-5][0-9]|60)$'
# its qdisc with its counters, as tc -s prints it, read with them
wait_for "... its qdiscs and their counters" \
	'Queueing \(tc -s qdisc show dev veth0, read with the counters\)'
tcq=$(tc -s qdisc show dev veth0 | head -n 1 | sed 's/ *$//; s/[.]/\\./g')
wait_for "... the qdisc line as tc -s qdisc show prints it ($tcq)" "\\| *$tcq *\\|"
wait_for "... and its Sent line" '\| *Sent [0-9]+ bytes [0-9]+ pkt \(dropped [0-9]+, overlimits [0-9]+ requeues [0-9]+\) *\|'
check_match "... which tc prints too" "$(tc -s qdisc show dev veth0)" \
	'Sent [0-9]+ bytes [0-9]+ pkt \(dropped [0-9]+, overlimits [0-9]+ requeues [0-9]+\)'
key Escape
wait_gone "any other key closes the details" 'Counters \(read every second'

# elsewhere, nothing: the map shows no interface table
key t
wait_for "t: the map" 'Topology  \('
key t
wait_for "t again: the panels, the rates back" \
	'\|veth0@veth1 +vnet +up +UP .* 1500 +([0-9.]+[kMG]?|-) +([0-9.]+[kMG]?|-)\|'
key q
wait_for "q quits, status 0" 'EXIT=0'

# Unicode blocks in a UTF-8 locale
if locale -a 2>/dev/null | grep -qix 'c\.utf-\?8'; then
	T new-session -d -s u -x 160 -y 40 "LC_ALL=C.UTF-8 '$NSVIZ'; echo EXIT=\$?; sleep 60"
	T send-keys -t u Tab Home j Enter
	_w=0
	while [ $_w -lt 250 ]; do
		T capture-pane -p -t u | grep -q 'RX packets/s, last 60 s.*█' && break
		sleep 0.1; _w=$((_w + 1))
	done
	check_match "UTF-8: the sparkline in block characters" \
		"$(T capture-pane -p -t u | grep 'RX packets/s, last 60 s')" \
		'last 60 s +\|(▁|▂|▃|▄|▅|▆|▇|█)*█'
	T send-keys -t u Escape q
	# --ascii: ASCII even in a UTF-8 locale
	T new-session -d -s a -x 160 -y 40 "LC_ALL=C.UTF-8 '$NSVIZ' --ascii; echo EXIT=\$?; sleep 60"
	T send-keys -t a Tab Home j Enter
	_w=0
	while [ $_w -lt 250 ]; do
		T capture-pane -p -t a | grep -Eq 'RX packets/s, last 60 s +\|[_.=-]*#' && break
		sleep 0.1; _w=$((_w + 1))
	done
	check_match "UTF-8 with --ascii: the sparkline in ASCII" \
		"$(T capture-pane -p -t a | grep 'RX packets/s, last 60 s')" \
		'last 60 s +\|[_.=#-]*# '
	T send-keys -t a Escape q
else
	skip "UTF-8: no C.UTF-8 locale here"
	skip "UTF-8 with --ascii: no C.UTF-8 locale here"
fi
done_testing
