#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# F: the nftables rules of the selected namespace, in a real terminal: the
# listing is nft's own (-a), a rule's counter rises while another process
# pings through it, and the rule that moved is marked; the host's (empty)
# ruleset says how to make one; F goes back to the panels.  M on an
# interface: the form that masquerades what leaves by it.
. "${TOP_SRCDIR:-$(dirname "$0")/../..}/tests/lib/common.sh"
command -v tmux >/dev/null || { echo "SKIP: tmux is needed" >&2; exit 77; }
command -v nft >/dev/null || { echo "SKIP: nft is needed (nftables)" >&2; exit 77; }
. "${TOP_SRCDIR:-$(dirname "$0")/../..}/tests/lib/tui.sh"
sandbox_reexec

tui_start rules
cat >"$TMPD/net" <<'B'
netns add fw
link add v0 type veth peer name eth0 netns fw
addr add 10.7.0.1/24 dev v0
link set v0 up
-n fw addr add 10.7.0.2/24 dev eth0
-n fw link set eth0 up
-n fw nft add table inet filter
-n fw nft add chain inet filter input { type filter hook input priority filter ; policy accept ; }
-n fw nft add rule inet filter input icmp type echo-request counter accept
B
check_rc "a namespace with a counting rule" 0 "$NSVIZ" -b "$TMPD/net"

T new-session -d -s m -x 160 -y 40 "'$NSVIZ'; echo EXIT=\$?; sleep 60"
wait_for "the UI is up" 'Namespaces \(2\)'
key F
wait_for "F on the host: its ruleset" 'nft -a list ruleset in host '
wait_for "... empty, and how to make one" '\(no tables: nft add table'
key F
wait_gone "F again: back to the panels" 'nft -a list ruleset in host'
# select fw: the second namespace row
key Home j
wait_for "fw selected" 'Interfaces in fw '
key F
wait_for "F on fw: nft's listing, with handles" \
	'icmp type echo-request counter packets 0 bytes 0 accept # handle [0-9]+$'
check_match "... the table and the chain as nft prints them" "$(screen)" \
	'table inet filter \{ # handle 1'
check_match "... the command logged as a shell would run it" "$(screen)" \
	'ip netns exec fw nft -a list ruleset'
# another process pings fw: the counter rises and the rule is marked
ping -c 3 -i 0.3 10.7.0.2 >/dev/null 2>&1 &
PING=$!
wait_for "a ping from elsewhere: the counter rises, the rule is marked" \
	'\* +icmp type echo-request counter packets [1-9][0-9]* bytes [0-9]+ accept'
wait "$PING"
REAL=$(ip netns exec fw nft -a list ruleset | sed -n 's/^[[:space:]]*icmp type echo-request counter \(packets [0-9]* bytes [0-9]*\).*/\1/p')
wait_for "... and settles at what nft lists ($REAL)" \
	"echo-request counter $REAL accept"
wait_gone "... no longer marked once it stops moving" '\* +icmp type echo-request'
key F
wait_gone "F: back" 'nft -a list ruleset in fw'
wait_for "... to the panels" 'Interfaces in fw '
# M on fw's eth0: the masquerade form, one nft command
key Tab
key Home
quiet_wait '\+- > Interfaces in fw '
key j
key M
wait_for "M: the NAT form, the selected interface proposed" 'Outside interface: +eth0'
wait_for "... and the command it runs (as far as the form shows it)" "runs: -n fw nft 'add table ip nat; add chain ip nat postrout"
key Enter
wait_for "... logged as the shell command" "ip netns exec fw nft 'add table ip nat; add chain"
check_match "... the rule is there, as nft lists it" \
	"$(ip netns exec fw nft list chain ip nat postrouting)" 'oifname "eth0" counter packets 0 bytes 0 masquerade'
key q
wait_for "q quits, status 0" 'EXIT=0'
done_testing
