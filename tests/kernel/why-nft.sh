#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# nsviz why and nftables (issue 15): the rules on the path, made with the
# real nft in the test's namespaces (nsviz itself reads them through
# libnftables).  For each world: the exit status, the reason, the
# namespace, the object and the fix, in text and in --json (jq); the rule
# text nsviz prints against what `nft -a list ruleset` prints for that
# rule; the prediction against a real ping or nc; and the fix, applied as
# given, making why say 0.
. "${TOP_SRCDIR:-$(dirname "$0")/../..}/tests/lib/common.sh"
sandbox_reexec

need jq "the --json checks"
need ping "the checks against reality"
need nft "making the rules (nsviz reads them with libnftables)"
need nc "the tcp checks against reality (netcat-openbsd)"

sysctl -qw net.ipv4.conf.all.rp_filter=0 net.ipv4.conf.default.rp_filter=0
if ! nft list ruleset >/dev/null 2>&1; then
	echo "SKIP: this kernel has no nf_tables (nft list ruleset fails)" >&2
	exit 77
fi

# ---- helpers ---------------------------------------------------------------

# check_has, jget, mkns, inns, teardown
. "${TOP_SRCDIR:-$(dirname "$0")/../..}/tests/lib/why.sh"
ECHOS=

echo_on() {
	_log=$TMPD/echo$(echo "$ECHOS" | wc -w).log
	"$NSVIZ" -n "$1" echo tcp port "$2" >"$_log" 2>&1 &
	ECHOS="$ECHOS $!"
	wait_grep "$_log" 'listening at'
	grep -q 'listening at' "$_log" || { cat "$_log"; exit 99; }
}

# ask NS WHYARGS...: nsviz -n NS why WHYARGS, in text (W_*) and --json (J_*)
ask() {
	_n=$1
	shift
	run "$NSVIZ" -n "$_n" why "$@"
	W_RC=$RC W_OUT=$OUT W_ERR=$ERR
	W_VERDICT=$(printf '%s\n' "$OUT" | sed -n 's/^verdict: //p')
	W_FIX=$(printf '%s\n' "$OUT" | sed -n 's/^fix: //p')
	run "$NSVIZ" -n "$_n" why "$@" --json
	J_RC=$RC J_OUT=$OUT
}


# expect D RC REASON NS OBJECT [FIX...]: the last ask, text and --json
expect() {
	_d=$1 _rc=$2 _reason=$3 _ns=$4 _obj=$5
	shift 5
	_want_fix=
	for _f in "$@"; do _want_fix="${_want_fix:+$_want_fix
}$_f"; done
	check_eq "$_d: exit status" "$W_RC" "$_rc"
	check_eq "$_d --json: exit status" "$J_RC" "$_rc"
	check_eq "$_d --json: reason" "$(jget .verdict.reason)" "$_reason"
	if [ "$_reason" != ok ]; then
		check_eq "$_d --json: namespace" "$(jget .verdict.namespace)" "$_ns"
		check_eq "$_d --json: object" "$(jget .verdict.object)" "$_obj"
		check_has "$_d: the verdict names the namespace" "$W_VERDICT" "$_ns"
		check_eq "$_d: the fix lines" "$W_FIX" "$_want_fix"
		check_eq "$_d --json: the fix" "$(jget '.verdict.fix | join("\n")')" "$_want_fix"
	else
		check_eq "$_d: no fix" "$W_FIX" ""
	fi
	check_eq "$_d: the stderr is empty" "$W_ERR" ""
}

# nft_line NS HANDLE TABLE: the rule of handle HANDLE in table TABLE as
# `nft -a list ruleset` prints it, without its indent and "# handle N"
nft_line() {
	ip netns exec "$1" nft -a list ruleset | awk -v h="$2" -v t="$3" '
		/^table / { in_t = ($3 == t) }
		in_t && $0 ~ (" # handle " h "$") && !/{ # handle/ {
			sub(/^[ \t]+/, ""); sub(/ # handle [0-9]+$/, ""); print; exit }'
}

# handle_of NS TABLE PATTERN: the handle of the rule matching PATTERN
handle_of() {
	ip netns exec "$1" nft -a list ruleset | awk -v t="$2" -v p="$3" '
		/^table / { in_t = ($3 == t) }
		in_t && index($0, p) && / # handle [0-9]+$/ { print $NF; exit }'
}

ping_is() {
	if [ "$2" = 0 ]; then
		ip netns exec "$3" ping -c 1 -W 2 "$4" >"$TMPD/ping" 2>&1
	else
		ip netns exec "$3" ping -c 1 -W 1 "$4" >"$TMPD/ping" 2>&1
	fi
	_r=$?
	if { [ "$2" = 0 ] && [ $_r = 0 ]; } || { [ "$2" != 0 ] && [ $_r != 0 ]; }; then
		pass "$1: real ping $4 from $3 $([ "$2" = 0 ] && echo works || echo fails)"
	else
		fail "$1: real ping $4 from $3 $([ "$2" = 0 ] && echo works || echo fails)" \
			"ping exit status $_r" "$(cat "$TMPD/ping")"
	fi
}

tcp_is() {
	ip netns exec "$3" nc -z -w 1 "$4" "$5" >"$TMPD/nc" 2>&1
	_r=$?
	if { [ "$2" = 0 ] && [ $_r = 0 ]; } || { [ "$2" != 0 ] && [ $_r != 0 ]; }; then
		pass "$1: real nc -z $4 $5 from $3 $([ "$2" = 0 ] && echo connects || echo fails)"
	else
		fail "$1: real nc -z $4 $5 from $3 $([ "$2" = 0 ] && echo connects || echo fails)" \
			"nc exit status $_r" "$(cat "$TMPD/nc")"
	fi
}

# apply D FIX: run the fix line as given
apply() {
	run sh -c "$2"
	check_eq "$1: the fix runs: $2" "$RC${ERR:+ ($ERR)}" 0
}

# pair: a (10.0.0.1) -- b (10.0.0.2) on one cable
pair() {
	mkns a b
	ip link add eth0 netns a type veth peer name eth0 netns b &&
	ip -n a addr add 10.0.0.1/24 dev eth0 && ip -n b addr add 10.0.0.2/24 dev eth0 &&
	ip -n a link set eth0 up && ip -n b link set eth0 up || exit 99
	wait_carrier -n a eth0; wait_carrier -n b eth0
}

# router: c (10.0.1.2) -- r (10.0.1.1, 10.0.2.1) -- s (10.0.2.2); s's
# default route only when $1 is "back"
router() {
	mkns c r s
	ip link add eth0 netns c type veth peer name r-c netns r &&
	ip link add eth0 netns s type veth peer name r-s netns r &&
	ip -n c addr add 10.0.1.2/24 dev eth0 && ip -n r addr add 10.0.1.1/24 dev r-c &&
	ip -n r addr add 10.0.2.1/24 dev r-s && ip -n s addr add 10.0.2.2/24 dev eth0 &&
	ip -n c link set eth0 up && ip -n s link set eth0 up &&
	ip -n r link set r-c up && ip -n r link set r-s up &&
	ip -n c route add default via 10.0.1.1 &&
	ip netns exec r sysctl -qw net.ipv4.ip_forward=1 || exit 99
	if [ "$1" = back ]; then ip -n s route add default via 10.0.2.1 || exit 99; fi
	wait_carrier -n c eth0; wait_carrier -n s eth0
	wait_carrier -n r r-c; wait_carrier -n r r-s
}

# filter NS HOOK POLICY: table ip filter, base chain HOOK
filter() {
	ip netns exec "$1" nft add table ip filter &&
	ip netns exec "$1" nft "add chain ip filter $2 { type filter hook $2 priority 0; policy $3; }" ||
		exit 99
}

# ---- 1: an input drop of icmp, its counter after a real ping -------------------
pair
filter b input accept
ip netns exec b nft add rule ip filter input ip protocol icmp counter drop || exit 99
H=$(handle_of b filter 'ip protocol icmp')
D="input drop: -n a why 10.0.0.2"
ping_is "$D" 1 a 10.0.0.2
ask a 10.0.0.2
expect "$D" 1 nft-drop b "ip filter input handle $H" \
	"ip netns exec b nft delete rule ip filter input handle $H"
check_has "$D: the verdict says it is dropped, by which rule" "$W_VERDICT" \
	"the request is dropped in b by rule 1 (handle $H) in chain filter input (ip family, input hook)"
LINE=$(nft_line b "$H" filter)
check_has "$D: nft's words for the rule" "$LINE" "ip protocol icmp counter packets 1 bytes 84 drop"
check_has "$D: the verdict quotes the rule as nft -a list ruleset prints it" "$W_VERDICT" "\`$LINE\`"
check_match "$D: the hop shows the rule" "$W_OUT" \
	"^ +nft: rule 1 \\(handle $H\\) in ip filter input: drop: \`$LINE\`\$"
check_has "$D: the counter's real value (the ping dropped)" "$W_VERDICT" "its counter: 1 packets, 84 bytes"
check_eq "$D --json: the rules of b's hop" \
	"$(jget '.request.hops[1].rules[0] | [.family, .table, .chain, .handle, .verdict, .counter.packets, .counter.bytes] | map(tostring) | join(" ")')" \
	"ip filter input $H drop 1 84"
check_eq "$D --json: the rule's text" "$(jget '.request.hops[1].rules[0].rule')" "$LINE"
check_eq "$D --json: a's hop met no rule" "$(jget '.request.hops[0].rules | length')" 0
check_eq "$D --json: the reply was not followed" "$(jget .reply)" null
apply "$D" "$W_FIX"
D="input drop, after the fix"
ask a 10.0.0.2
expect "$D" 0 ok b a
ping_is "$D" 0 a 10.0.0.2

# ---- 2: a rule nsviz cannot judge --------------------------------------------
ip netns exec b nft add rule ip filter input meta mark 0x1 drop || exit 99
H=$(handle_of b filter 'meta mark')
D="meta mark drop: -n a why 10.0.0.2"
ask a 10.0.0.2
expect "$D" 1 nft-may-drop b "ip filter input handle $H" \
	"ip netns exec b nft delete rule ip filter input handle $H"
check_has "$D: the verdict says may, and what it cannot judge" "$W_VERDICT" \
	"rule 1 (handle $H) in chain filter input may drop it: nsviz cannot judge \`meta mark\`"
check_has "$D: ... and quotes the rule as nft does" "$W_VERDICT" "\`$(nft_line b "$H" filter)\`"
check_eq "$D --json: the hop's rule is may-drop" "$(jget '.request.hops[1].rules[0].verdict')" may-drop
check_eq "$D --json: what it cannot judge" "$(jget '.request.hops[1].rules[0].cannot_judge')" "meta mark"
ip netns exec b nft flush chain ip filter input
ip netns exec b nft add rule ip filter input numgen random mod 2 0 drop || exit 99
H=$(handle_of b filter 'numgen')
D="numgen drop: -n a why 10.0.0.2"
ask a 10.0.0.2
expect "$D" 1 nft-may-drop b "ip filter input handle $H" \
	"ip netns exec b nft delete rule ip filter input handle $H"
check_has "$D: cannot judge numgen" "$W_VERDICT" "nsviz cannot judge \`numgen\`"
ip netns exec b nft flush chain ip filter input

# ---- 3: a chain's policy drop ---------------------------------------------------
ip netns exec b nft "add chain ip filter input { policy drop; }" || exit 99
D="input policy drop: -n a why 10.0.0.2"
ping_is "$D" 1 a 10.0.0.2
ask a 10.0.0.2
expect "$D" 1 nft-drop b "ip filter input policy" \
	"ip netns exec b nft insert rule ip filter input ip saddr 10.0.0.1 ip daddr 10.0.0.2 accept" \
	"ip netns exec b nft chain ip filter input '{ policy accept; }'"
check_has "$D: the verdict names the policy" "$W_VERDICT" \
	"no rule of chain filter input (ip family) accepts it and the chain's policy is drop"
check_eq "$D --json: the policy as the hop's rule" \
	"$(jget '.request.hops[1].rules[0] | [.chain, .handle, .verdict] | map(tostring) | join(" ")')" \
	"input null policy-drop"
apply "$D" "$(printf '%s\n' "$W_FIX" | sed -n 2p)"
D="input policy drop, after the policy fix"
ask a 10.0.0.2
expect "$D" 0 ok b a
ping_is "$D" 0 a 10.0.0.2
ip netns exec b nft "add chain ip filter input { policy drop; }"
D="input policy drop, the accept rule offered"
ask a 10.0.0.2
apply "$D" "$(printf '%s\n' "$W_FIX" | sed -n 1p)"
ask a 10.0.0.2
expect "$D, after it" 0 ok b a
ping_is "$D, after it" 0 a 10.0.0.2
teardown

# ---- 4: tcp port drops, one that matches and one that does not -----------------
pair
filter b input accept
echo_on b 8080
ip netns exec b nft add rule ip filter input tcp dport 9090 drop || exit 99
D="tcp dport 9090 drop: -n a why 10.0.0.2 proto tcp port 8080"
ask a 10.0.0.2 proto tcp port 8080
expect "$D" 0 ok b a
check_eq "$D --json: no rule met" "$(jget '[.request.hops[].rules[]] | length')" 0
tcp_is "$D" 0 a 10.0.0.2 8080
ip netns exec b nft add rule ip filter input tcp dport '{ 22, 8000-8100 }' counter drop || exit 99
H=$(handle_of b filter '8000-8100')
D="tcp dport { 22, 8000-8100 } drop: -n a why 10.0.0.2 proto tcp port 8080"
ask a 10.0.0.2 proto tcp port 8080
expect "$D" 1 nft-drop b "ip filter input handle $H" \
	"ip netns exec b nft delete rule ip filter input handle $H"
check_has "$D: rule 2 of the chain" "$W_VERDICT" "by rule 2 (handle $H) in chain filter input"
check_has "$D: nft's words" "$W_VERDICT" "\`$(nft_line b "$H" filter)\`"
tcp_is "$D" 1 a 10.0.0.2 8080
D="the same rule, udp: -n a why 10.0.0.2 proto udp port 8080"
ask a 10.0.0.2 proto udp port 8080
check_eq "$D --json: no tcp rule meets a datagram" "$(jget '.verdict.reason')" not-listening
apply "tcp dport drop" "ip netns exec b nft delete rule ip filter input handle $H"
ask a 10.0.0.2 proto tcp port 8080
expect "tcp dport drop, after the fix" 0 ok b a
tcp_is "tcp dport drop, after the fix" 0 a 10.0.0.2 8080
teardown

# ---- 5: a forward drop on a router ----------------------------------------------
router back
filter r forward accept
ip netns exec r nft add rule ip filter forward iifname r-c ip daddr 10.0.2.0/24 drop || exit 99
H=$(handle_of r filter 'ip daddr 10.0.2.0/24')
D="forward drop: -n c why 10.0.2.2"
ping_is "$D" 1 c 10.0.2.2
ask c 10.0.2.2
expect "$D" 1 nft-drop r "ip filter forward handle $H" \
	"ip netns exec r nft delete rule ip filter forward handle $H"
check_has "$D: the forward hook" "$W_VERDICT" "(ip family, forward hook)"
check_eq "$D --json: the rule on r's hop" "$(jget '.request.hops[1].rules[0].handle')" "$H"
ip netns exec r nft add rule ip filter forward ct state established accept
ip netns exec r nft insert rule ip filter forward ct state established accept
D="forward drop, the request is new: -n c why 10.0.2.2"
ask c 10.0.2.2
check_eq "$D --json: still the drop" "$(jget .verdict.object)" "ip filter forward handle $H"
ip netns exec r nft flush chain ip filter forward
ip netns exec r nft add rule ip filter forward iifname r-s ct state new drop || exit 99
H=$(handle_of r filter 'ct state new')
D="forward drop of new from s, the reply is established: -n c why 10.0.2.2"
ask c 10.0.2.2
expect "$D" 0 ok s c
ping_is "$D" 0 c 10.0.2.2
teardown

# ---- 6: masquerade where the far side has no route back ------------------------
router
D="no route back, no NAT: -n c why 10.0.2.2"
ask c 10.0.2.2
expect "$D" 1 no-route s 10.0.1.2 "ip -n s route add 10.0.1.0/24 via 10.0.2.1"
ip netns exec r nft add table ip nat &&
ip netns exec r nft 'add chain ip nat postrouting { type nat hook postrouting priority srcnat; }' &&
ip netns exec r nft add rule ip nat postrouting oifname r-s masquerade || exit 99
H=$(handle_of r nat masquerade)
D="masquerade: -n c why 10.0.2.2"
ask c 10.0.2.2
expect "$D" 0 ok s c
check_has "$D: the verdict says why (the NAT)" "$W_VERDICT" \
	"a NAT rule on the way makes the request's source 10.0.2.1"
check_has "$D: the hop's note" "$W_OUT" \
	"masqueraded by rule handle $H in ip nat postrouting: source now 10.0.2.1"
check_eq "$D --json: the rule met on r" \
	"$(jget '.request.hops[1].rules[0] | [.table, .chain, .handle, .verdict] | map(tostring) | join(" ")')" \
	"nat postrouting $H masquerade"
check_eq "$D --json: the request as it started" "$(jget .request.source)" 10.0.1.2
check_eq "$D --json: the reply goes back to r, then c" \
	"$(jget '[.reply.hops[].namespace] | join(" ")')" "s r c"
check_eq "$D --json: the reply's destination (as it leaves s)" "$(jget .reply.destination)" 10.0.2.1
ping_is "$D" 0 c 10.0.2.2
teardown

# ---- 7: dnat to a server behind the router -------------------------------------
router back
ip netns exec r nft add table ip nat &&
ip netns exec r nft 'add chain ip nat prerouting { type nat hook prerouting priority dstnat; }' &&
ip netns exec r nft add rule ip nat prerouting ip daddr 10.0.1.1 tcp dport 80 dnat to 10.0.2.2:8080 ||
	exit 99
H=$(handle_of r nat dnat)
D="dnat, nothing listening behind it: -n c why 10.0.1.1 proto tcp port 80"
ask c 10.0.1.1 proto tcp port 80
expect "$D" 1 not-listening s "tcp port 8080" "nsviz -n s echo tcp port 8080"
check_has "$D: the hop's note" "$W_OUT" \
	"destination-translated (dnat) by rule handle $H in ip nat prerouting: destination now 10.0.2.2 port 8080"
tcp_is "$D" 1 c 10.0.1.1 80
echo_on s 8080
D="dnat: -n c why 10.0.1.1 proto tcp port 80"
ask c 10.0.1.1 proto tcp port 80
expect "$D" 0 ok s c
check_eq "$D --json: the request goes on to s" \
	"$(jget '[.request.hops[].namespace] | join(" ")')" "c r s"
check_eq "$D --json: the request as it was sent" "$(jget .request.destination)" 10.0.1.1
check_has "$D: the verdict says where it goes" "$W_VERDICT" "a NAT rule on the way sends the request to 10.0.2.2"
tcp_is "$D" 0 c 10.0.1.1 80
teardown

# ---- 8: IPv6, an inet table; the reply dropped on its way out ------------------
pair
ip -n a addr add fd00::1/64 dev eth0 nodad && ip -n b addr add fd00::2/64 dev eth0 nodad || exit 99
ip netns exec b nft add table inet filter &&
ip netns exec b nft 'add chain inet filter input { type filter hook input priority 0; policy accept; }' &&
ip netns exec b nft add rule inet filter input ip protocol icmp drop &&
ip netns exec b nft add rule inet filter input icmpv6 type echo-request counter drop || exit 99
H=$(handle_of b filter 'icmpv6 type echo-request')
D="inet icmpv6 drop: -n a why fd00::2"
ping_is "$D" 1 a fd00::2
ask a fd00::2
expect "$D" 1 nft-drop b "inet filter input handle $H" \
	"ip netns exec b nft delete rule inet filter input handle $H"
check_eq "$D --json: the rule is rule 2 (the ip rule does not meet IPv6)" \
	"$(jget '.request.hops[1].rules | map(.handle) | join(" ")')" "$H"
check_has "$D: nft's words, the real count" "$W_VERDICT" "\`$(nft_line b "$H" filter)\`"
check_eq "$D --json: the counter saw the ping" "$(jget '.request.hops[1].rules[0].counter.packets')" 1
ip netns exec b nft flush ruleset
ip netns exec b nft add table ip6 t &&
ip netns exec b nft 'add chain ip6 t output { type filter hook output priority 0; policy accept; }' &&
ip netns exec b nft add rule ip6 t output oifname eth0 icmpv6 type echo-reply drop || exit 99
H=$(handle_of b t 'echo-reply')
D="ip6 output drop of the reply: -n a why fd00::2"
ping_is "$D" 1 a fd00::2
ask a fd00::2
expect "$D" 1 nft-drop b "ip6 t output handle $H" \
	"ip netns exec b nft delete rule ip6 t output handle $H"
check_eq "$D --json: in the reply" "$(jget .verdict.direction)" reply
check_has "$D: the reply is dropped" "$W_VERDICT" "the reply is dropped in b by rule 1 (handle $H) in chain t output (ip6 family, output hook)"
apply "$D" "$W_FIX"
ask a fd00::2
expect "$D, after the fix" 0 ok b a
ping_is "$D, after the fix" 0 a fd00::2
teardown

# ---- 9: hostile table and chain names --------------------------------------------
pair
E=$(printf '\033')
T="t;\$(touch x)"
C="in put'$E[31m"
printf '{"nftables":[{"add":{"table":{"family":"ip","name":"%s"}}},{"add":{"chain":{"family":"ip","table":"%s","name":"%s","type":"filter","hook":"input","prio":0,"policy":"accept"}}},{"add":{"rule":{"family":"ip","table":"%s","chain":"%s","expr":[{"drop":null}]}}}]}' \
	"$T" "$T" "in put'\\u001b[31m" "$T" "in put'\\u001b[31m" |
	ip netns exec b nft -j -f - || exit 99
D="hostile names: -n a why 10.0.0.2"
ask a 10.0.0.2
check_eq "$D: exit status" "$W_RC" 1
check_eq "$D --json: reason" "$(jget .verdict.reason)" nft-drop
check_eq "$D --json: the object, as it is" "$(jget .verdict.object)" "ip $T $C handle 2"
check_nomatch "$D: no raw ESC in the text" "$W_OUT" "$E"
check_has "$D: the ESC is escaped" "$W_VERDICT" "in put'\\x1b[31m"
check_eq "$D: the names quoted in the fix" "$W_FIX" \
	"ip netns exec b nft delete rule ip 't;\$(touch x)' \$'in put\\'\\x1b[31m' handle 2"
(cd "$TMPD" && sh -c "$W_FIX" >/dev/null 2>&1)
check_eq "$D: the fix ran nothing else" "$(ls "$TMPD" | grep -cx x)" 0
teardown

done_testing
