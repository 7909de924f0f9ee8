#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# nsviz why --probe (issue 15): one real probe, watched by captures on the
# predicted path, against the prediction.  Worlds built with the real ip
# (and nft for the one where prediction and reality differ):
#   - no route at all: the kernel refuses to send it, as predicted;
#   - the tutorial with both routes: confirmed, the reply seen back, exit 0;
#   - no route back: confirmed, the request seen on vnet's veth1, no reply;
#   - an address nobody has: the ARP who-has seen unanswered;
#   - tcp to a port nobody listens on: the RST seen, not-listening confirmed;
#   - udp to a closed port: the ICMP port unreachable seen;
#   - an nft drop rule in vnet: the routes say it works, reality does not
#     (or, if why reads nft rules, the prediction names nft);
#   - --json: the "probe" object; bad input exits 2.
. "${TOP_SRCDIR:-$(dirname "$0")/../..}/tests/lib/common.sh"
sandbox_reexec

need jq "the --json checks"

sysctl -qw net.ipv4.conf.all.rp_filter=0 net.ipv4.conf.default.rp_filter=0

# check_has, jget
. "${TOP_SRCDIR:-$(dirname "$0")/../..}/tests/lib/why.sh"

# probe D WHYARGS...: nsviz why --probe WHYARGS (text: P_RC, P_OUT,
# P_LINE the "probe: confirmed|differs" line) and --json (J_RC, J_OUT).
# Before each, the host's neighbour entries go: an ARP still pending from
# the one before would hold the next probe back without a new who-has.
probe() {
	_d=$1
	shift
	ip neigh flush dev veth0
	run "$NSVIZ" why --probe "$@"
	P_RC=$RC P_OUT=$OUT P_ERR=$ERR
	P_LINE=$(printf '%s\n' "$OUT" | grep -E '^probe: (confirmed|differs): ' | tail -n1)
	check_eq "$_d: nothing on stderr" "$P_ERR" ""
	check_eq "$_d: one confirmed-or-differs line" \
		"$(printf '%s\n' "$OUT" | grep -cE '^probe: (confirmed|differs): ')" 1
	ip neigh flush dev veth0
	run "$NSVIZ" why --probe "$@" --json
	J_RC=$RC J_OUT=$OUT
	if printf '%s\n' "$J_OUT" | jq -e '.probe | type == "object"' >/dev/null 2>&1; then
		pass "$_d --json: one object with a probe object"
	else
		fail "$_d --json: one object with a probe object" "$J_OUT"
	fi
}
# seen NS IF FIELD: the --json probe's FIELD of interface IF in NS
seen() {
	jget "[.probe.interfaces[] | select(.namespace == \"$1\" and .interface == \"$2\") | .$3] | first"
}

# the tutorial, without routes, then stage 2: the route there, none back
ip netns add vnet && ip -n vnet link set lo up &&
ip link add veth0 type veth peer name veth1 &&
ip addr add 10.0.1.0/24 dev veth0 && ip link set veth0 up &&
ip link set veth1 netns vnet &&
ip -n vnet addr add 10.0.2.0/24 dev veth1 && ip -n vnet link set veth1 up ||
	exit 99
wait_carrier veth0
wait_carrier -n vnet veth1

# stage 1: no route there; the kernel refuses the probe
D="no route: why --probe 10.0.2.0"
probe "$D" 10.0.2.0
check_eq "$D: exit status 1" "$P_RC" 1
check_has "$D: confirmed, the kernel refused it" "$P_LINE" \
	"probe: confirmed: the kernel refused to send it: Network is unreachable"
check_eq "$D --json: prediction no-route" "$(jget .verdict.reason)" no-route
check_eq "$D --json: probe.sent" "$(jget .probe.sent)" false
check_eq "$D --json: probe.confirmed" "$(jget .probe.confirmed)" true

ip route add 10.0.2.0/24 dev veth0 || exit 99

D="no route back: why --probe 10.0.2.0"
probe "$D" 10.0.2.0
check_eq "$D: exit status 1" "$P_RC" 1
check_match "$D: confirmed" "$P_LINE" '^probe: confirmed: '
check_has "$D: the request last seen on vnet's veth1" "$P_LINE" \
	"the request was last seen on veth1 in vnet, and no reply came back"
check_match "$D: vnet veth1 saw the request" "$P_OUT" '^  vnet veth1: request seen(,|$)'
check_nomatch "$D: no reply seen anywhere" "$P_OUT" '^  .*reply seen'
check_eq "$D --json: exit status 1" "$J_RC" 1
check_eq "$D --json: prediction no-route" "$(jget .verdict.reason)" no-route
check_eq "$D --json: probe.confirmed" "$(jget .probe.confirmed)" true
check_eq "$D --json: probe.ok" "$(jget .probe.ok)" false
check_eq "$D --json: request on vnet veth1" "$(seen vnet veth1 request)" true
check_eq "$D --json: no reply on vnet veth1" "$(seen vnet veth1 reply)" false
check_eq "$D --json: request on host veth0" "$(seen host veth0 request)" true

ip -n vnet route add 10.0.1.0/24 dev veth1 || exit 99

D="the tutorial: why --probe 10.0.2.0"
probe "$D" 10.0.2.0
check_eq "$D: exit status 0" "$P_RC" 0
check_has "$D: confirmed" "$P_LINE" \
	"probe: confirmed: the echo request reached vnet and the answer came back"
check_match "$D: vnet veth1 saw both" "$P_OUT" '^  vnet veth1: request seen, reply seen(,|$)'
check_match "$D: host veth0 saw both" "$P_OUT" '^  host veth0: request seen, reply seen(,|$)'
check_eq "$D --json: exit status 0" "$J_RC" 0
check_eq "$D --json: probe.back" "$(jget .probe.back)" true
check_eq "$D --json: probe.confirmed" "$(jget .probe.confirmed)" true
check_eq "$D --json: reply on host veth0" "$(seen host veth0 reply)" true
check_eq "$D --json: the prediction's own members stay" "$(jget .verdict.reason)" ok
run "$NSVIZ" -c 'why 10.0.2.0 --probe'
check_eq "$D: -c 'why 10.0.2.0 --probe': exit status 0" "$RC" 0
check_has "$D: -c: the probe line" "$OUT" "probe: confirmed: "
run "$NSVIZ" -n vnet why --probe 10.0.1.0
check_eq "$D: the other way, -n vnet why --probe 10.0.1.0: exit status 0" "$RC" 0
check_has "$D: the other way: confirmed" "$OUT" "probe: confirmed: the echo request reached host"

D="nobody has it: why --probe 10.0.2.9"
probe "$D" 10.0.2.9
check_eq "$D: exit status 1" "$P_RC" 1
check_has "$D: confirmed, the ARP unanswered" "$P_LINE" \
	"probe: confirmed: nobody answered the ARP who-has for 10.0.2.9 on veth0 in host"
check_match "$D: host veth0 line" "$P_OUT" '^  host veth0: .*ARP who-has 10\.0\.2\.9 unanswered'
check_eq "$D --json: prediction no-neighbour" "$(jget .verdict.reason)" no-neighbour
check_eq "$D --json: unanswered on host veth0" "$(seen host veth0 unanswered)" true
check_eq "$D --json: the next hop" "$(seen host veth0 next_hop)" 10.0.2.9

D="tcp, nobody listens: why --probe 10.0.2.0 proto tcp port 4079"
probe "$D" 10.0.2.0 proto tcp port 4079
check_eq "$D: exit status 1" "$P_RC" 1
check_match "$D: confirmed, refused" "$P_LINE" \
	'^probe: confirmed: the connection was refused: a TCP RST came back'
check_match "$D: host veth0 saw the RST" "$P_OUT" '^  host veth0: request seen, TCP RST seen(,|$)'
check_eq "$D --json: prediction not-listening" "$(jget .verdict.reason)" not-listening
check_eq "$D --json: rst on vnet veth1" "$(seen vnet veth1 rst)" true
check_eq "$D --json: probe.refused" "$(jget .probe.refused)" true
check_eq "$D --json: probe.confirmed" "$(jget .probe.confirmed)" true

D="udp, port closed: why --probe 10.0.2.0 proto udp port 4079"
probe "$D" 10.0.2.0 proto udp port 4079
check_eq "$D: exit status 1" "$P_RC" 1
check_match "$D: confirmed, port unreachable" "$P_LINE" \
	'^probe: confirmed: an ICMP port unreachable came back'
check_eq "$D --json: prediction not-listening" "$(jget .verdict.reason)" not-listening
check_eq "$D --json: port unreachable on host veth0" "$(seen host veth0 icmp_error)" \
	"port unreachable"

# prediction and reality differ: nft drops echo requests in vnet, which the
# routes do not show
if ! command -v nft >/dev/null; then
	skip "an nft drop rule: the nft tool is not installed"
elif ! ip netns exec vnet nft -f - <<'NFT'
table inet probetest {
	chain in {
		type filter hook input priority 0; policy accept;
		icmp type echo-request drop
	}
}
NFT
then
	skip "an nft drop rule: this kernel takes no nft rules"
else
	D="nft drops echo requests in vnet: why --probe 10.0.2.0"
	probe "$D" 10.0.2.0
	check_eq "$D: exit status 1 (reality)" "$P_RC" 1
	_reason=$(jget .verdict.reason)
	if [ "$_reason" = ok ]; then
		check_has "$D: differs" "$P_LINE" \
			"probe: differs: the prediction was that both ways work, but the request was last seen on veth1 in vnet"
		check_eq "$D --json: probe.confirmed" "$(jget .probe.confirmed)" false
	else
		# why learnt nft: its prediction names the rule's table or nft
		check_match "$D: the prediction names nft" \
			"$(jget .verdict.text) $(jget .verdict.reason) $(jget .verdict.object)" 'nft|probetest'
		check_eq "$D --json: probe.confirmed" "$(jget .probe.confirmed)" true
	fi
	check_eq "$D --json: exit status 1" "$J_RC" 1
	check_eq "$D --json: probe.ok" "$(jget .probe.ok)" false
	check_eq "$D --json: request on vnet veth1" "$(seen vnet veth1 request)" true
	ip netns exec vnet nft delete table inet probetest
fi

# bad input: exit 2
run "$NSVIZ" why --probe --probe 10.0.2.0
check_eq "bad input: why --probe --probe: exit status 2" "$RC" 2
check_has "bad input: why --probe --probe: names --probe" "$ERR" "--probe"
run "$NSVIZ" -c 'why --probe'
check_has "bad input: -c 'why --probe': no address" "$ERR" "address"

done_testing
