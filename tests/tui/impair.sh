#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# i on an interface: delay, loss and rate in a real terminal (issue 14).
# The form's netem command runs; on a kernel without sch_netem (this
# one) the log says so and what stands in: tbf for the rate, an nft rule
# that drops at random for the loss, no delay.  The interfaces panel
# grows a QDISC column and the map marks the wire "~KIND", live from the
# kernel's qdisc events (a tc run by another process shows too); the
# form emptied takes it all away again.
. "${TOP_SRCDIR:-$(dirname "$0")/../..}/tests/lib/common.sh"
command -v tmux >/dev/null || { echo "SKIP: tmux is needed" >&2; exit 77; }
command -v nft >/dev/null || { echo "SKIP: nft is needed (nftables)" >&2; exit 77; }
command -v tc >/dev/null || { echo "SKIP: tc is needed (iproute2)" >&2; exit 77; }
. "${TOP_SRCDIR:-$(dirname "$0")/../..}/tests/lib/tui.sh"
sandbox_reexec

tui_start impair
cat >"$TMPD/net" <<'B'
netns add lab
-n lab sysctl -w net.ipv6.conf.default.disable_ipv6=1
link add v0 type veth peer name eth0 netns lab
addr add 10.8.0.1/24 dev v0
link set v0 up
-n lab addr add 10.8.0.2/24 dev eth0
-n lab link set eth0 up
B
check_rc "a namespace on a veth" 0 "$NSVIZ" -b "$TMPD/net"
NETEM=no
if ip netns exec lab tc qdisc add dev eth0 root netem delay 1ms 2>/dev/null; then
	ip netns exec lab tc qdisc del dev eth0 root
	NETEM=yes
fi

T new-session -d -s m -x 160 -y 40 "'$NSVIZ'; echo EXIT=\$?; sleep 60"
wait_for "the UI is up" 'Namespaces \(2\)'
key Home j
wait_for "lab selected" 'Interfaces in lab '
check_match "no impairment: no QDISC column" "$(screen)" 'NAME +PEER IN +ADMIN +OPER +ADDRESSES +MAC'
key Tab
key Home
quiet_wait '> Interfaces in lab '
key j
key i
wait_for "i: the form, on the selected interface" 'Impair eth0 in lab'
key 1 0 0 m s Tab 1 0 m s Tab 2 0 Tab 1 m b i t
wait_for "... and the netem command it runs, whole" \
	'runs: -n lab tc qdisc replace dev eth0 root netem delay 100ms 10ms loss 20% rate 1mbit'
key Enter
if [ $NETEM = yes ]; then
	wait_for "netem: the panel's QDISC column" 'netem delay 100ms 10ms loss 20% rate 1Mbit'
	check_match "... as tc shows it" "$(ip netns exec lab tc qdisc show dev eth0)" \
		'qdisc netem [0-9a-f]+: root .*delay 100ms  10ms loss 20% rate 1Mbit'
	skip "the way round without netem: this kernel has netem"
else
	wait_for "no netem: the kernel's words in the log" 'Specified qdisc kind is unknown'
	wait_for "... what stands in, said" \
		'no netem \(sch_netem\): the rate by tbf; the loss by an nft rule that drops 20\.0% of what leaves eth0 at random \(as v0 in the host receives it'
	wait_for "... the loss rule made at the wire's far end" \
		"nft 'add table inet nsviz_impair; add chain inet nsviz_impair prerouting"
	wait_for "... the panel's QDISC column: tbf" 'QDISC .*MTU'
	wait_for "... with its rate" 'tbf rate 1Mbit'
	check_match "... the tbf as tc shows it" "$(ip netns exec lab tc qdisc show dev eth0)" \
		'qdisc tbf [0-9a-f]+: root refcnt [0-9]+ rate 1Mbit burst 2500b lat 50ms'
	check_match "... the loss rule as nft lists it, in the host" \
		"$(nft list chain inet nsviz_impair prerouting)" \
		'iifname "v0" numgen random mod 1000 < 200 counter packets [0-9]+ bytes [0-9]+ drop comment "nsviz impair eth0 in lab"'
	# what the rule drops: pings out of lab, a fifth of them lost
	# (counted by the rule and by ping, not by timing); ping's sends
	# all succeed (a drop on lab's own way out would fail them)
	run ip netns exec lab ping -q -c 50 -i 0.01 10.8.0.1
	check_match "... ping sends them all, and loses some" "$OUT" \
		'50 packets transmitted, [0-9]+ received, [1-9][0-9]*(\.[0-9]+)?% packet loss'
	DROPS=$(nft list chain inet nsviz_impair prerouting |
		sed -n 's/.*counter packets \([0-9]*\).*/\1/p')
	check_match "... and the rule counts them: $DROPS" "$DROPS" '^[1-9][0-9]*$'
fi
key t
wait_for "t: the map marks the wire" '~(tbf|netem)'
key t
# another process changes the qdisc: the panel follows the kernel's event
ip netns exec lab tc qdisc replace dev eth0 root tbf rate 2mbit burst 10kb latency 40ms
wait_for "tc from elsewhere: the panel follows" 'tbf rate 2Mbit'
# the form again, prefilled from the kernel; emptied, it takes it away
key i
wait_for "i again: the rate there now, proposed" 'Rate \(1mbit\) \(optional\): +2Mbit'
key Tab Tab Tab C-u
key Enter
wait_gone "... emptied: the QDISC column goes" 'tbf rate 2Mbit'
check_match "... tc shows the default again" "$(ip netns exec lab tc qdisc show dev eth0)" \
	'qdisc noqueue 0: root'
if [ $NETEM = no ]; then
	run nft list chain inet nsviz_impair prerouting
	check_eq "... and the loss rule is gone" \
		"$(printf '%s\n' "$OUT" | grep -c 'nsviz impair eth0')" 0
fi
key q
wait_for "q quits, status 0" 'EXIT=0'
done_testing
