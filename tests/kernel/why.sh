#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# nsviz why (issue 15): the broken worlds of doc why-spec (the contract),
# built with the real ip, bridge and sysctl, each torn down before the next.
# For each world:
#   - exit status, the verdict line (it names the namespace and the
#     object), the exact fix lines or their absence, and the same in
#     --json (reason, namespace, object, fix);
#   - the prediction against reality: a real ping (nc for tcp) fails
#     when why says 1 and works when why says 0;
#   - each fix line, applied as given, repairs the world: why gives the
#     next verdict of the contract and the real ping works;
#   - why is read-only: the namespaces' links, addresses, routes,
#     neighbours, sysctls, bridge ports and vlans are the same before and
#     after, and a tcpdump on the wire sees no packet of why's;
#   - bad input: exit 2 with a message naming the word.
# Where this kernel lacks something (bridge vlan filtering), SKIP with the
# reason.
. "${TOP_SRCDIR:-$(dirname "$0")/../..}/tests/lib/common.sh"
sandbox_reexec

need jq "the --json checks"
need tcpdump "the checks that why sends nothing"
need ping "the checks against reality"
need nc "the tcp checks against reality (netcat-openbsd)"

# The worlds' namespaces start from rp_filter 0 (a new namespace inherits
# the first namespace's IPv4 settings; a distribution's 2 there would
# change worlds 2 and 9): the host here, and every namespace before its
# devices come in.
sysctl -qw net.ipv4.conf.all.rp_filter=0 net.ipv4.conf.default.rp_filter=0

# ---- helpers ---------------------------------------------------------------

# check_has, jget, mkns, inns, teardown
. "${TOP_SRCDIR:-$(dirname "$0")/../..}/tests/lib/why.sh"
ECHOS=
DUMPS=0

# snap: what why must not change, in the host and every namespace (IPv4
# only unless SNAP6=1: IPv6's link-local addresses come and go on their
# own while DAD runs); neighbours by address and device only (their states
# age by themselves)
snap() {
	for _n in host $(ip netns list | cut -d' ' -f1 | sort); do
		echo "== $_n"
		if [ "$_n" = host ]; then _o=; else _o="-n $_n"; fi
		# shellcheck disable=SC2086
		{
			ip $_o -o link show | sed 's/ qlen [0-9]*//'
			ip $_o -4 -o addr show
			ip $_o -4 route show table all
			ip $_o -4 neigh show | awk '{print $1, $3}' | sort
			if [ "${SNAP6:-0}" = 1 ]; then
				ip $_o -6 -o addr show
				ip $_o -6 route show table all
				ip $_o -6 neigh show | awk '{print $1, $3}' | sort
			fi
			bridge $_o link show
			bridge $_o vlan show 2>/dev/null
			inns "$_n" sysctl net.ipv4.ip_forward net.ipv4.conf.all.rp_filter \
				net.ipv4.icmp_echo_ignore_all net.ipv6.conf.all.forwarding
			inns "$_n" ss -Htuln | sort
		} 2>&1
	done
}

# ask NS WHYARGS...: nsviz [-n NS] why WHYARGS, in text and in --json.
# W_RC/W_OUT/W_ERR (text), W_VERDICT (the verdict line without
# "verdict: "), W_FIX (the fix lines without "fix: "), J_RC/J_OUT (json)
ask() {
	_n=$1
	shift
	if [ -n "$_n" ] && [ "$_n" != host ]; then
		set -- -n "$_n" why "$@"
	else
		set -- why "$@"
	fi
	run "$NSVIZ" "$@"
	W_RC=$RC W_OUT=$OUT W_ERR=$ERR
	W_VERDICT=$(printf '%s\n' "$OUT" | sed -n 's/^verdict: //p')
	W_FIX=$(printf '%s\n' "$OUT" | sed -n 's/^fix: //p')
	run "$NSVIZ" "$@" --json
	J_RC=$RC J_OUT=$OUT J_ERR=$ERR
}


# expect D RC REASON NS OBJECT FIX...: the last ask said exit RC, reason
# REASON in namespace NS about OBJECT ("" to leave the object unchecked:
# the contract does not say), with exactly the FIX lines (none given: no
# fix line).  For reason ok, NS is where the request goes and OBJECT where
# it comes from: "both ways work: the request reaches NS and the reply
# comes back to OBJECT."
expect() {
	_d=$1 _rc=$2 _reason=$3 _ns=$4 _obj=$5
	shift 5
	_want_fix=
	for _f in "$@"; do _want_fix="${_want_fix:+$_want_fix
}$_f"; done
	check_eq "$_d: exit status $_rc" "$W_RC" "$_rc"
	[ -n "$W_ERR" ] && [ "$_rc" != 2 ] && fail "$_d: nothing on stderr" "$W_ERR"
	# the last lines: one verdict line, then only fix lines
	_tail=$(printf '%s\n' "$W_OUT" | sed -n '/^verdict: /,$p')
	check_eq "$_d: one verdict line" "$(printf '%s\n' "$W_OUT" | grep -c '^verdict: ')" 1
	check_eq "$_d: after the verdict line only fix lines" \
		"$(printf '%s\n' "$_tail" | sed 1d | grep -vc '^fix: ')" 0
	if [ "$_reason" = ok ]; then
		check_match "$_d: verdict: both ways work" "$W_VERDICT" '^both ways work'
		check_match "$_d: the verdict names $_obj (where from)" "$W_VERDICT" \
			"(^|[^[:alnum:]_-])$_obj([^[:alnum:]_-]|\$)"
	fi
	check_match "$_d: the verdict names $_ns" "$W_VERDICT" "(^|[^[:alnum:]_-])$_ns([^[:alnum:]_-]|\$)"
	[ -n "$_obj" ] && [ "$_reason" != ok ] &&
		check_has "$_d: the verdict names $_obj" "$W_VERDICT" "$_obj"
	check_eq "$_d: fix lines" "$W_FIX" "$_want_fix"
	# --json
	check_eq "$_d --json: exit status $_rc" "$J_RC" "$_rc"
	if printf '%s\n' "$J_OUT" | jq -e 'type == "object"' >/dev/null 2>&1; then
		pass "$_d --json: one JSON object"
	else
		fail "$_d --json: one JSON object" "$J_OUT" "$J_ERR"
	fi
	check_eq "$_d --json: reason" "$(jget .verdict.reason)" "$_reason"
	# (an ok verdict's namespace and object: the contract does not say)
	[ "$_reason" != ok ] &&
		check_eq "$_d --json: namespace" "$(jget .verdict.namespace)" "$_ns"
	[ -n "$_obj" ] && [ "$_reason" != ok ] && check_eq "$_d --json: object" "$(jget .verdict.object)" "$_obj"
	check_eq "$_d --json: fix" "$(jget '.verdict.fix[]')" "$_want_fix"
	if [ "$_rc" = 0 ]; then _ok=true; else _ok=false; fi
	check_eq "$_d --json: ok" "$(jget .ok)" "$_ok"
	# (the same sentence; the text line may end it with a full stop)
	check_eq "$_d --json: verdict.text is the verdict line's sentence" \
		"$(jget .verdict.text | sed 's/\.$//')" "$(printf '%s\n' "$W_VERDICT" | sed 's/\.$//')"
}

# apply D FIX...: the fix lines of the last ask, each with sh -c, when
# they are the contract's FIX; when they are not (a failure already
# reported), the contract's, so that the next case still stands
apply() {
	_d=$1
	shift
	_want=
	for _f in "$@"; do _want="${_want:+$_want
}$_f"; done
	if [ "$W_FIX" = "$_want" ]; then _what=given; else _what="the contract's"; fi
	for _f in "$@"; do
		case $_f in
		nsviz\ *)	# an echo server: in the background, stopped at teardown
			_cmd="\"\$NSVIZ\" ${_f#nsviz }"
			_log=$TMPD/echo$(echo "$ECHOS" | wc -w).log
			sh -c "exec $_cmd" >"$_log" 2>&1 &
			ECHOS="$ECHOS $!"
			wait_grep "$_log" 'listening at'
			check_match "$_d: $_what fix runs: $_f" "$(cat "$_log")" 'listening at';;
		*)	run sh -c "$_f"
			if [ "$RC" = 0 ]; then pass "$_d: $_what fix runs: $_f"; else
				fail "$_d: $_what fix runs: $_f" "exit status $RC" "$OUT" "$ERR"
			fi;;
		esac
	done
}

# offered D NS ADDR: where the contract names no fix, a fix offered
# anyway must be one ("a real command ... that would fix it"): each line
# runs, and then why NS ADDR says 0, or gives a new verdict whose own fix
# goes on from there (three rounds at most), and a real ping works
offered() {
	[ -n "$W_FIX" ] || return 0
	_round=1 _all=
	while [ -n "$W_FIX" ] && [ $_round -le 3 ]; do
		_was="$(jget .verdict.reason) $(jget .verdict.namespace) $(jget .verdict.object)"
		printf '%s\n' "$W_FIX" >"$TMPD/fixes"
		_all="$_all$(tr '\n' ';' <"$TMPD/fixes")"
		while IFS= read -r _f; do
			run sh -c "$_f"
			check_eq "$1: the fix offered runs: $_f" "$RC${ERR:+ ($ERR)}" 0
		done <"$TMPD/fixes"
		ask "$2" "$3"
		[ "$W_RC" = 0 ] && break
		_now="$(jget .verdict.reason) $(jget .verdict.namespace) $(jget .verdict.object)"
		if [ "$_now" = "$_was" ]; then
			fail "$1: the fix offered ($_all) changes the verdict" "still: $W_VERDICT"
			return
		fi
		_round=$((_round + 1))
	done
	check_eq "$1: after the fixes offered ($_all) why says 0" "$W_RC${W_RC#0}" 0
	[ "$W_RC" = 0 ] || printf '#   last verdict: %s\n' "$W_VERDICT"
	ping_is "$1, the fixes offered applied" 0 "$2" "$3"
}

# ping_is D WANT NS ADDR [PING-ARGS]: a real ping from NS works (WANT 0)
# or does not (WANT 1)
ping_is() {
	_d=$1 _want=$2 _n=$3 _a=$4
	shift 4
	if [ "$_want" = 0 ]; then
		inns "$_n" ping -c 1 -W 2 "$@" "$_a" >"$TMPD/ping" 2>&1
	else
		inns "$_n" ping -c 1 -W 1 "$@" "$_a" >"$TMPD/ping" 2>&1
	fi
	_r=$?
	# a failed ping leaves its neighbour entry resolving (INCOMPLETE,
	# then FAILED, the queued packets lost with it): gone, so that the
	# next ping, after a fix, starts afresh
	if [ "$_want" != 0 ]; then
		if [ -z "$_n" ] || [ "$_n" = host ]; then _o=; else _o="-n $_n"; fi
		# shellcheck disable=SC2086
		{ ip $_o neigh flush nud incomplete; ip $_o neigh flush nud failed; } 2>/dev/null
	fi
	if { [ "$_want" = 0 ] && [ $_r = 0 ]; } || { [ "$_want" != 0 ] && [ $_r != 0 ]; }; then
		pass "$_d: real ping ${*:+$* }$_a from $_n $([ "$_want" = 0 ] && echo works || echo fails)"
	else
		fail "$_d: real ping ${*:+$* }$_a from $_n $([ "$_want" = 0 ] && echo works || echo fails)" \
			"ping exit status $_r" "$(cat "$TMPD/ping")"
	fi
}

# tcp_is D WANT NS ADDR PORT: a real tcp connection from NS
tcp_is() {
	inns "$3" nc -z -w 1 "$4" "$5" >"$TMPD/nc" 2>&1
	_r=$?
	if { [ "$2" = 0 ] && [ $_r = 0 ]; } || { [ "$2" != 0 ] && [ $_r != 0 ]; }; then
		pass "$1: real nc -z $4 $5 from $3 $([ "$2" = 0 ] && echo connects || echo fails)"
	else
		fail "$1: real nc -z $4 $5 from $3 $([ "$2" = 0 ] && echo connects || echo fails)" \
			"nc exit status $_r" "$(cat "$TMPD/nc")"
	fi
}

# quiet D DUMPNS DUMPIF FILTER NS WHYARGS...: why (text and --json)
# changes nothing anywhere and sends nothing: a tcpdump on DUMPIF in
# DUMPNS (FILTER) runs meanwhile and sees no packet
quiet() {
	_d=$1 _dn=$2 _di=$3 _flt=$4
	shift 4
	snap >"$TMPD/before"
	# a file of its own for each tcpdump; --immediate-mode: each packet
	# printed as it comes (not a buffer's worth a second later, or never
	# when it is stopped); $! the timeout itself (ip netns exec execs it),
	# that stops tcpdump and waits for it
	DUMPS=$((DUMPS + 1))
	_do=$TMPD/dump$DUMPS.out _de=$TMPD/dump$DUMPS.err
	if [ "$_dn" = host ]; then
		timeout 10 tcpdump --immediate-mode -l -n -i "$_di" -c 1 "$_flt" >"$_do" 2>"$_de" &
	else
		ip netns exec "$_dn" timeout 10 tcpdump --immediate-mode -l -n -i "$_di" -c 1 "$_flt" \
			>"$_do" 2>"$_de" &
	fi
	_td=$!
	wait_grep "$_de" 'listening on'
	if ! grep -q 'listening on' "$_de"; then
		skip "$_d: tcpdump could not listen on $_di in $_dn: $(cat "$_de")"
		kill $_td 2>/dev/null; wait $_td 2>/dev/null
		return
	fi
	_t0=$(date +%T.%N)
	ask "$@"
	_t1=$(date +%T.%N)
	sleep 0.5
	kill $_td 2>/dev/null
	wait $_td 2>/dev/null
	snap >"$TMPD/after"
	check_eq "$_d: why changed nothing (links, addresses, routes, neighbours, sysctls, bridge, sockets)" \
		"$(cat "$TMPD/after")" "$(cat "$TMPD/before")"
	# (stopped, tcpdump prints an empty line: packets are the lines with text)
	if grep -q . "$_do"; then
		fail "$_d: why sent nothing (tcpdump on $_di in $_dn: $_flt)" \
			"tcpdump saw: $(cat "$_do")" "why ran from $_t0 to $_t1" \
			"processes: $(ps -eo pid,args | tr '\n' ';')"
	else
		pass "$_d: why sent nothing (tcpdump on $_di in $_dn: $_flt)"
	fi
}

# ---- world 1-3: the tutorial -------------------------------------------------
tutorial() {
	mkns vnet
	ip link add veth0 type veth peer name veth1 &&
	ip addr add 10.0.1.0/24 dev veth0 && ip link set veth0 up &&
	ip link set veth1 netns vnet &&
	ip -n vnet addr add 10.0.2.0/24 dev veth1 && ip -n vnet link set veth1 up || exit 99
	wait_carrier veth0
	wait_carrier -n vnet veth1
}
tutorial

# stage 1
D="world 1 (tutorial stage 1): why 10.0.2.0"
quiet "$D" vnet veth1 "icmp or arp" host 10.0.2.0
expect "$D" 1 no-route host 10.0.2.0 "ip route add 10.0.2.0/24 dev veth0"
check_eq "$D --json: target" "$(jget .target)" 10.0.2.0
check_eq "$D --json: namespace" "$(jget .namespace)" host
check_eq "$D --json: proto" "$(jget .proto)" icmp
check_eq "$D --json: port" "$(jget .port)" null
# (no route, no source: the kernel takes it from the route)
check_eq "$D --json: request.arrives" "$(jget .request.arrives)" false
check_eq "$D --json: reply is null (the request never arrives)" "$(jget .reply)" null
check_eq "$D --json: first hop in host" "$(jget '.request.hops[0].namespace')" host
run "$NSVIZ" -j why 10.0.2.0
check_eq "$D: -j why == why --json" "$OUT" "$J_OUT"
run "$NSVIZ" -c 'why 10.0.2.0'
check_eq "$D: -c 'why 10.0.2.0': exit status" "$RC" 1
check_eq "$D: -c 'why 10.0.2.0' == why 10.0.2.0" "$OUT" "$W_OUT"
printf 'why 10.0.2.0\n' >"$TMPD/why.nsviz"
run "$NSVIZ" -b "$TMPD/why.nsviz"
check_has "$D: -b: the verdict line" "$OUT" "verdict: $W_VERDICT"
ping_is "$D" 1 host 10.0.2.0
apply "$D" "ip route add 10.0.2.0/24 dev veth0"

# stage 2
D="world 2 (tutorial stage 2): why 10.0.2.0"
quiet "$D" vnet veth1 "icmp or arp" host 10.0.2.0
expect "$D" 1 no-route vnet 10.0.1.0 "ip -n vnet route add 10.0.1.0/24 dev veth1"
check_has "$D: verdict says no route back" "$W_VERDICT" "no route back"
check_eq "$D: first line" "$(printf '%s\n' "$W_OUT" | head -n1)" \
	"why: ping 10.0.2.0 from host (source 10.0.1.0)"
check_match "$D: the request" "$W_OUT" '^request 10\.0\.1\.0 > 10\.0\.2\.0:$'
check_eq "$D --json: source" "$(jget .source)" 10.0.1.0
check_eq "$D --json: request.arrives" "$(jget .request.arrives)" true
check_eq "$D --json: reply.arrives" "$(jget .reply.arrives)" false
check_eq "$D --json: request hop 1: out veth0" "$(jget '.request.hops[0].out')" veth0
check_eq "$D --json: request hop 1: to vnet" "$(jget '.request.hops[0].to_namespace')" vnet
check_eq "$D --json: request hop 1: to veth1" "$(jget '.request.hops[0].to_interface')" veth1
check_eq "$D --json: request hop 2: in vnet" "$(jget '.request.hops[1].namespace')" vnet
check_eq "$D --json: request hop 2: in veth1" "$(jget '.request.hops[1].in')" veth1
check_eq "$D --json: reply hop 1: in vnet" "$(jget '.reply.hops[0].namespace')" vnet
check_match "$D: the host's hop is ip route get's first line" "$W_OUT" \
	"^  host: $(ip route get 10.0.2.0 | head -n1 | sed 's/ *$//; s/\./\\./g')"
check_match "$D: the way out" "$W_OUT" '^ +out veth0 \(up\), to veth1 in vnet$'
check_match "$D: the request arrives" "$W_OUT" \
	"^  vnet: in veth1: 10\.0\.2\.0 is vnet's own address: the request arrives\$"
check_match "$D: the reply" "$W_OUT" '^reply 10\.0\.2\.0 > 10\.0\.1\.0:$'
ping_is "$D" 1 host 10.0.2.0
apply "$D" "ip -n vnet route add 10.0.1.0/24 dev veth1"

# stage 3
D="world 3 (tutorial stage 3): why 10.0.2.0"
quiet "$D" vnet veth1 "icmp" host 10.0.2.0
expect "$D" 0 ok vnet host
check_eq "$D: the verdict of the contract" "$W_VERDICT" \
	"both ways work: the request reaches vnet and the reply comes back to host."
check_eq "$D --json: request.arrives" "$(jget .request.arrives)" true
check_eq "$D --json: reply.arrives" "$(jget .reply.arrives)" true
ping_is "$D" 0 host 10.0.2.0
# the method works: the same tcpdump sees a real ping
ip netns exec vnet timeout 10 tcpdump --immediate-mode -l -n -i veth1 -c 1 icmp \
	>"$TMPD/control.out" 2>"$TMPD/control.err" &
TD=$!
wait_grep "$TMPD/control.err" 'listening on'
ping -c 1 -W 2 10.0.2.0 >/dev/null 2>&1
finish $TD
check_match "$D: (control) the tcpdump that saw nothing of why sees a real ping" \
	"$(cat "$TMPD/control.out")" 'ICMP echo request'

D="world 3: why 10.0.2.0 proto tcp port 4078"
quiet "$D" vnet veth1 "tcp or icmp" host 10.0.2.0 proto tcp port 4078
expect "$D" 1 not-listening vnet "tcp port 4078" "nsviz -n vnet echo tcp port 4078"
check_eq "$D --json: proto" "$(jget .proto)" tcp
check_eq "$D --json: port" "$(jget .port)" 4078
tcp_is "$D" 1 host 10.0.2.0 4078
ask host 10.0.2.0 proto tcp
check_eq "world 3: why 10.0.2.0 proto tcp (no port): port 4078" "$(jget .port)" 4078
check_eq "world 3: why 10.0.2.0 proto tcp (no port) == ... port 4078" "$(jget .verdict.reason)" not-listening
ask host 10.0.2.0 proto tcp port 4078
apply "$D" "nsviz -n vnet echo tcp port 4078"
D="world 3 with the echo server: why 10.0.2.0 proto tcp port 4078"
ask host 10.0.2.0 proto tcp port 4078
expect "$D" 0 ok vnet host
tcp_is "$D" 0 host 10.0.2.0 4078
ask host 10.0.2.0 proto tcp port 4079
expect "world 3: why 10.0.2.0 proto tcp port 4079 (the server is on 4078)" 1 not-listening vnet "tcp port 4079" \
	"nsviz -n vnet echo tcp port 4079"

# udp (the contract's not-listening for udp, by analogy with tcp)
D="world 3: why 10.0.2.0 proto udp"
ask host 10.0.2.0 proto udp
expect "$D" 1 not-listening vnet "udp port 4078" "nsviz -n vnet echo udp port 4078"
check_eq "$D --json: proto" "$(jget .proto)" udp
run timeout 5 "$NSVIZ" send udp 10.0.2.0 4078 hello timeout 1
check_nomatch "$D: real nsviz send udp gets no echo" "$OUT" 'hello'
apply "$D" "nsviz -n vnet echo udp port 4078"
ask host 10.0.2.0 proto udp
expect "$D, with the echo server" 0 ok vnet host
run timeout 5 "$NSVIZ" send udp 10.0.2.0 4078 hello timeout 2
check_match "$D, with the echo server: real nsviz send udp gets the echo" "$OUT" 'hello'

# ---- bad input (in world 3) --------------------------------------------------
bad() {
	_d=$1 _word=$2
	shift 2
	run "$NSVIZ" "$@"
	check_eq "bad input: nsviz $*: exit status 2" "$RC" 2
	check_has "bad input: nsviz $*: the message names $_word" "$ERR" "$_word"
	check_eq "bad input: nsviz $*: nothing on stdout" "$OUT" ""
}
bad "no address" why why
bad "a bad address" 10.0.2.300 why 10.0.2.300
bad "an unknown protocol" sctp why 10.0.2.0 proto sctp
bad "port with icmp" port why 10.0.2.0 port 80
bad "port with icmp (explicit)" port why 10.0.2.0 proto icmp port 80
bad "no such namespace" nope -n nope why 10.0.2.0
bad "a source not of the namespace" 10.9.9.9 why 10.0.2.0 from 10.9.9.9
bad "a bad port" 99999 why 10.0.2.0 proto tcp port 99999
bad "an unknown word" bogus why 10.0.2.0 bogus
bad "%IF: no such device" nosuch0 why fe80::1%nosuch0
bad "a prefix, not an address" 10.0.2.0/24 why 10.0.2.0/24
run "$NSVIZ" why 10.0.2.0 from 10.9.9.9 --json
check_eq "bad input: why ... from 10.9.9.9 --json: exit status 2" "$RC" 2
run "$NSVIZ" -n vnet why 10.0.1.0 from 10.0.1.0
check_eq "bad input: -n vnet why 10.0.1.0 from 10.0.1.0 (the host's address): exit status 2" "$RC" 2
check_has "bad input: ... the message names 10.0.1.0" "$ERR" 10.0.1.0
# and the other way, from vnet: both routes are in
ask vnet 10.0.1.0 from 10.0.2.0
expect "world 3: -n vnet why 10.0.1.0 from 10.0.2.0" 0 ok host vnet
check_eq "world 3: -n vnet why 10.0.1.0 from 10.0.2.0 --json: source" "$(jget .source)" 10.0.2.0

# extra reason codes on the tutorial (the contract lists them; its worlds
# do not): a blackhole route, echo ignored
for t in blackhole unreachable prohibit; do
	ip route replace $t 10.0.2.0/24
	D="tutorial with route type $t in the host: why 10.0.2.0"
	quiet "$D" vnet veth1 "icmp or arp" host 10.0.2.0
	check_eq "$D: exit status 1" "$W_RC" 1
	check_eq "$D --json: reason route-type" "$(jget .verdict.reason)" route-type
	check_eq "$D --json: namespace host" "$(jget .verdict.namespace)" host
	check_has "$D: the verdict names the route's type" \
		"$(printf '%s\n' "$W_VERDICT" | sed 's/is unreachable//g')" $t
	ping_is "$D" 1 host 10.0.2.0
	offered "$D" host 10.0.2.0
	ip route replace 10.0.2.0/24 dev veth0
done
ip -n vnet route replace blackhole 10.0.1.0/24
D="tutorial with a blackhole route back in vnet: why 10.0.2.0"
quiet "$D" vnet veth1 "icmp or arp" host 10.0.2.0
check_eq "$D: exit status 1" "$W_RC" 1
check_eq "$D --json: reason route-type" "$(jget .verdict.reason)" route-type
check_eq "$D --json: namespace vnet" "$(jget .verdict.namespace)" vnet
check_eq "$D --json: request.arrives" "$(jget .request.arrives)" true
check_has "$D: the verdict names the route's type" "$W_VERDICT" blackhole
ping_is "$D" 1 host 10.0.2.0
offered "$D" host 10.0.2.0
ip -n vnet route replace 10.0.1.0/24 dev veth1
ip netns exec vnet sysctl -qw net.ipv4.icmp_echo_ignore_all=1
D="tutorial with icmp_echo_ignore_all=1 in vnet: why 10.0.2.0"
quiet "$D" vnet veth1 "icmp" host 10.0.2.0
check_eq "$D: exit status 1" "$W_RC" 1
check_eq "$D --json: reason echo-ignored" "$(jget .verdict.reason)" echo-ignored
check_eq "$D --json: namespace vnet" "$(jget .verdict.namespace)" vnet
# the contract's form for sysctl fixes
check_eq "$D: fix (the contract's form of a sysctl fix)" "$W_FIX" \
	"ip netns exec vnet sysctl -w net.ipv4.icmp_echo_ignore_all=0"
ping_is "$D" 1 host 10.0.2.0
ip netns exec vnet sysctl -qw net.ipv4.icmp_echo_ignore_all=0
teardown

# ---- world 4: a router that does not forward ---------------------------------
router() {
	mkns left router right
	ip link add eth0 netns left type veth peer name r-left netns router &&
	ip link add eth0 netns right type veth peer name r-right netns router &&
	ip -n left addr add 10.0.1.1/24 dev eth0 && ip -n router addr add 10.0.1.2/24 dev r-left &&
	ip -n router addr add 10.0.2.2/24 dev r-right && ip -n right addr add 10.0.2.1/24 dev eth0 &&
	ip -n left link set eth0 up && ip -n right link set eth0 up &&
	ip -n router link set r-left up && ip -n router link set r-right up &&
	ip -n left route add default via 10.0.1.2 && ip -n right route add default via 10.0.2.2 &&
	ip netns exec router sysctl -qw net.ipv4.ip_forward=0 || exit 99
	wait_carrier -n left eth0; wait_carrier -n right eth0
	wait_carrier -n router r-left; wait_carrier -n router r-right
}
router
D="world 4 (a router, ip_forward 0): -n left why 10.0.2.1"
quiet "$D" router r-right "icmp or arp" left 10.0.2.1
expect "$D" 1 no-forwarding router "" "ip netns exec router sysctl -w net.ipv4.ip_forward=1"
ping_is "$D" 1 left 10.0.2.1
apply "$D" "ip netns exec router sysctl -w net.ipv4.ip_forward=1"
D="world 4 after the fix: -n left why 10.0.2.1"
quiet "$D" right eth0 "icmp" left 10.0.2.1
expect "$D" 0 ok right left
check_eq "$D --json: the request passes the router" \
	"$(jget '[.request.hops[].namespace] | join(" ")')" "left router right"
check_eq "$D --json: the reply passes the router" \
	"$(jget '[.reply.hops[].namespace] | join(" ")')" "right router left"
check_eq "$D --json: the gateway of the first hop" "$(jget '.request.hops[0].gateway')" 10.0.1.2
ping_is "$D" 0 left 10.0.2.1
teardown

# ---- world 5, 6, 10: two namespaces on one cable ------------------------------
pair() {
	mkns a b
	ip link add eth0 netns a type veth peer name eth0 netns b &&
	ip -n a addr add 10.0.0.1/24 dev eth0 && ip -n b addr add 10.0.0.2/24 dev eth0 &&
	ip -n a link set eth0 up && ip -n b link set eth0 up || exit 99
	wait_carrier -n a eth0; wait_carrier -n b eth0
}

# no_carrier NS DEV: until DEV has lost its carrier (its peer went down)
no_carrier() {
	_i=0
	while ! ip -n "$1" -o link show dev "$2" | grep -q 'NO-CARRIER' && [ $_i -lt 100 ]; do
		sleep 0.05; _i=$((_i + 1))
	done
	# the operstate and the routes' linkdown follow from linkwatch
	sleep 1
}

pair
ip -n b link set eth0 down
no_carrier a eth0
D="world 5 (the far end down): -n a why 10.0.0.2"
quiet "$D" a eth0 "icmp or arp" a 10.0.0.2
expect "$D" 1 peer-down b eth0 "ip -n b link set eth0 up"
ping_is "$D" 1 a 10.0.0.2
apply "$D" "ip -n b link set eth0 up"
wait_carrier -n a eth0; wait_carrier -n b eth0
ask a 10.0.0.2
expect "world 5 after the fix: -n a why 10.0.0.2" 0 ok b a
ping_is "world 5 after the fix" 0 a 10.0.0.2
ip -n a link set eth0 down
no_carrier b eth0
D="world 5 (a's own eth0 down): -n a why 10.0.0.2"
quiet "$D" b eth0 "icmp or arp" a 10.0.0.2
expect "$D" 1 link-down a eth0 "ip -n a link set eth0 up"
ping_is "$D" 1 a 10.0.0.2
apply "$D" "ip -n a link set eth0 up"
wait_carrier -n a eth0; wait_carrier -n b eth0
ask a 10.0.0.2
expect "world 5 after the second fix: -n a why 10.0.0.2" 0 ok b a
ping_is "world 5 after the second fix" 0 a 10.0.0.2
teardown

pair
D="world 6 (nobody has it): -n a why 10.0.0.9"
quiet "$D" b eth0 "icmp or arp" a 10.0.0.9
expect "$D" 1 no-neighbour a 10.0.0.9
ping_is "$D" 1 a 10.0.0.9
teardown

pair
ip -n a route add default via 10.0.0.254 || exit 99
D="world 10 (a gateway nobody has): -n a why 192.0.2.1"
quiet "$D" b eth0 "icmp or arp" a 192.0.2.1
expect "$D" 1 no-neighbour a 10.0.0.254
check_eq "$D --json: the first hop's gateway" "$(jget '.request.hops[0].gateway')" 10.0.0.254
ping_is "$D" 1 a 192.0.2.1
# the contract gives no fix here; a fix offered anyway must fix it
offered "$D" a 192.0.2.1
teardown

# extra: a routing loop (the contract's "loop"): a and b send 10.9.0.0/16
# to each other, c sends it to a.  (From a itself there is no loop: a
# drops its own packet when b sends it back, a source of its own.)
pair
mkns c
ip link add eth0 netns c type veth peer name c0 netns a &&
ip -n c addr add 10.0.5.1/24 dev eth0 && ip -n a addr add 10.0.5.2/24 dev c0 &&
ip -n c link set eth0 up && ip -n a link set c0 up &&
ip -n c route add default via 10.0.5.2 || exit 99
wait_carrier -n c eth0; wait_carrier -n a c0
ip netns exec a sysctl -qw net.ipv4.ip_forward=1
ip netns exec b sysctl -qw net.ipv4.ip_forward=1
ip -n a route add 10.9.0.0/16 via 10.0.0.2 && ip -n b route add 10.9.0.0/16 via 10.0.0.1 || exit 99
D="a routing loop: -n c why 10.9.0.1"
quiet "$D" b eth0 "icmp" c 10.9.0.1
check_eq "$D: exit status 1" "$W_RC" 1
check_eq "$D --json: reason loop" "$(jget .verdict.reason)" loop
ping_is "$D" 1 c 10.9.0.1
# from a itself: b sends it back, and a drops a packet with its own
# source (a martian): a loop too, told in words, not as the errno
D="a routing loop back to the sender: -n a why 10.9.0.1"
quiet "$D" b eth0 "icmp" a 10.9.0.1
check_eq "$D: exit status 1" "$W_RC" 1
check_eq "$D --json: reason loop" "$(jget .verdict.reason)" loop
check_match "$D: the verdict says who sends it back" "$W_OUT" \
	'^verdict: b sends the request back to a, .* the routes of a and b for 10\.9\.0\.1 point at each other\.$'
check_nomatch "$D: not the errno" "$W_OUT" '^verdict: .*Invalid argument'
ping_is "$D" 1 a 10.9.0.1
teardown

# ---- world 7, 8: a bridge in the host -------------------------------------------
bridged() {
	mkns red blue
	ip link add br0 "$@" || return 1
	ip link set br0 up &&
	ip link add veth-red type veth peer name eth0 netns red &&
	ip link add veth-blue type veth peer name eth0 netns blue &&
	ip link set veth-red master br0 && ip link set veth-blue master br0 &&
	ip -n red addr add 10.0.0.1/24 dev eth0 && ip -n blue addr add 10.0.0.3/24 dev eth0 &&
	ip -n red link set eth0 up && ip -n blue link set eth0 up &&
	ip link set veth-red up && ip link set veth-blue up || exit 99
	wait_carrier veth-red; wait_carrier veth-blue
	wait_carrier -n red eth0; wait_carrier -n blue eth0
}

bridged type bridge || exit 99
ip link set veth-blue down
no_carrier blue eth0
D="world 7 (a bridge port down): -n red why 10.0.0.3"
quiet "$D" red eth0 "icmp or arp" red 10.0.0.3
expect "$D" 1 bridge-port-down host veth-blue "ip link set veth-blue up"
ping_is "$D" 1 red 10.0.0.3
apply "$D" "ip link set veth-blue up"
wait_carrier veth-blue; wait_carrier -n blue eth0
D="world 7 after the fix: -n red why 10.0.0.3"
ask red 10.0.0.3
expect "$D" 0 ok blue red
ping_is "$D" 0 red 10.0.0.3
# extra: the port up but disabled (the contract's bridge-port-state; STP's
# blocking, state 4, is refused without STP: silently, the port stays
# forwarding)
bridge link set dev veth-blue state 0 2>/dev/null
if bridge link show dev veth-blue | grep -q ' state disabled '; then
	D="a bridge port disabled (state 0): -n red why 10.0.0.3"
	ask red 10.0.0.3
	check_eq "$D: exit status 1" "$W_RC" 1
	check_eq "$D --json: reason bridge-port-state" "$(jget .verdict.reason)" bridge-port-state
	check_eq "$D --json: namespace host" "$(jget .verdict.namespace)" host
	check_eq "$D --json: object veth-blue" "$(jget .verdict.object)" veth-blue
	ip -n red neigh flush dev eth0
	ip -n blue neigh flush dev eth0
	ping_is "$D" 1 red 10.0.0.3
else
	skip "a bridge port disabled: bridge link set dev veth-blue state 0 did not take here"
fi
teardown

D="world 8 (the wrong VLAN): -n red why 10.0.0.3"
if bridged type bridge vlan_filtering 1 2>"$TMPD/vlan.err"; then
	bridge vlan add dev veth-red vid 10 pvid untagged &&
	bridge vlan del dev veth-red vid 1 &&
	bridge vlan add dev veth-blue vid 20 pvid untagged &&
	bridge vlan del dev veth-blue vid 1 || exit 99
	quiet "$D" red eth0 "icmp or arp" red 10.0.0.3
	expect "$D" 1 vlan host veth-blue "bridge vlan add dev veth-blue vid 10 pvid untagged"
	ping_is "$D" 1 red 10.0.0.3
	apply "$D" "bridge vlan add dev veth-blue vid 10 pvid untagged"
	ask red 10.0.0.3
	expect "world 8 after the fix: -n red why 10.0.0.3" 0 ok blue red
	ping_is "world 8 after the fix" 0 red 10.0.0.3
else
	skip "$D: this kernel has no bridge vlan filtering (ip link add br0 type bridge vlan_filtering 1: $(tr '\n' ' ' <"$TMPD/vlan.err"))"
fi
teardown

# ---- world 9: rp_filter ----------------------------------------------------------
mkns a r b
ip link add eth0 netns a type veth peer name r0 netns r &&
ip link add eth1 netns a type veth peer name r2 netns r &&
ip link add r1 netns r type veth peer name eth0 netns b &&
ip -n a addr add 10.0.1.1/24 dev eth0 && ip -n r addr add 10.0.1.2/24 dev r0 &&
ip -n a addr add 10.0.3.1/24 dev eth1 && ip -n r addr add 10.0.3.2/24 dev r2 &&
ip -n r addr add 10.0.2.2/24 dev r1 && ip -n b addr add 10.0.2.1/24 dev eth0 &&
for l in "a eth0" "a eth1" "r r0" "r r1" "r r2" "b eth0"; do
	# shellcheck disable=SC2086
	set -- $l
	ip -n "$1" link set "$2" up || exit 99
done &&
ip netns exec r sysctl -qw net.ipv4.ip_forward=1 &&
ip -n a route add 10.0.2.0/24 via 10.0.1.2 &&
ip -n b route add default via 10.0.2.2 &&
ip netns exec r sysctl -qw net.ipv4.conf.all.rp_filter=1 || exit 99
for l in "a eth0" "a eth1" "r r0" "r r1" "r r2" "b eth0"; do
	# shellcheck disable=SC2086
	set -- $l
	wait_carrier -n "$1" "$2"
done
D="world 9 (rp_filter): -n a why 10.0.2.1 from 10.0.3.1"
quiet "$D" r r1 "icmp or arp" a 10.0.2.1 from 10.0.3.1
expect "$D" 1 rp-filter r r0 "ip netns exec r sysctl -w net.ipv4.conf.all.rp_filter=2"
check_eq "$D --json: source" "$(jget .source)" 10.0.3.1
ping_is "$D" 1 a 10.0.2.1 -I 10.0.3.1
ask a 10.0.2.1
expect "world 9: -n a why 10.0.2.1 (source 10.0.1.1: the filter lets it pass)" 0 ok b a
ping_is "world 9: source 10.0.1.1" 0 a 10.0.2.1
ask a 10.0.2.1 from 10.0.3.1
apply "$D" "ip netns exec r sysctl -w net.ipv4.conf.all.rp_filter=2"
D="world 9 after the fix: -n a why 10.0.2.1 from 10.0.3.1"
ask a 10.0.2.1 from 10.0.3.1
expect "$D" 0 ok b a
ping_is "$D" 0 a 10.0.2.1 -I 10.0.3.1
teardown

# ---- world 11: IPv6 link-local ---------------------------------------------------
mkns one two
ip link add eth0 netns one type veth peer name eth0 netns two &&
ip -n one link set eth0 up && ip -n two link set eth0 up || exit 99
wait_carrier -n one eth0; wait_carrier -n two eth0
wait_ll -n one eth0; wait_ll -n two eth0
LL=$(ip -n two -6 addr show dev eth0 scope link | awk '/inet6/ {sub(/\/.*/, "", $2); print $2; exit}')
D="world 11 (IPv6 link-local): -n one why $LL%eth0"
SNAP6=1 quiet "$D" two eth0 "icmp6 and (ip6[40] == 128 or (ip6[40] == 135 and not src ::))" one "$LL%eth0"
expect "$D" 0 ok two one
ping_is "$D" 0 one "$LL%eth0"
ip -n two link set eth0 down
no_carrier one eth0
D="world 11, two's eth0 down: -n one why $LL%eth0"
SNAP6=1 quiet "$D" one eth0 "icmp6 and (ip6[40] == 128 or (ip6[40] == 135 and not src ::))" one "$LL%eth0"
# the fix: the contract's for peer-down (world 5)
expect "$D" 1 peer-down two eth0 "ip -n two link set eth0 up"
ping_is "$D" 1 one "$LL%eth0"
apply "$D" "ip -n two link set eth0 up"
wait_carrier -n one eth0; wait_carrier -n two eth0
wait_ll -n one eth0; wait_ll -n two eth0
LL2=$(ip -n two -6 addr show dev eth0 scope link | awk '/inet6/ {sub(/\/.*/, "", $2); print $2; exit}')
check_eq "world 11: two's link-local is the same after down and up" "$LL2" "$LL"
ask one "$LL%eth0"
expect "world 11 after the fix: -n one why $LL%eth0" 0 ok two one
ping_is "world 11 after the fix" 0 one "$LL%eth0"
teardown

# names made by someone else: a fix is meant to be pasted into a shell,
# so the names in it are quoted (unquoted, `ip link set e;touch up` would
# make a file named up)
mkns 'a$b' b
ip -n 'a$b' link add 'e;touch' type veth peer name 'p;touch' netns b &&
ip -n 'a$b' addr add 10.0.0.1/24 dev 'e;touch' &&
ip -n b addr add 10.0.0.2/24 dev 'p;touch' &&
ip -n 'a$b' link set 'e;touch' up || exit 99
D="hostile names: -n 'a\$b' why 10.0.0.2"
run "$NSVIZ" -n 'a$b' why 10.0.0.2
check_eq "$D: exit status 1" "$RC" 1
FIX=$(printf '%s\n' "$OUT" | sed -n 's/^fix: //p')
check_eq "$D: the far end's name quoted in the fix" "$FIX" "ip -n b link set 'p;touch' up"
(cd "$TMPD" && sh -c "$FIX")
check_eq "$D: the fix ran nothing else" "$(ls "$TMPD" | grep -cx up)" 0
check_match "$D: ... and did what it says" "$(ip -n b link show 'p;touch')" ',UP'
ip -n 'a$b' link set 'e;touch' down
run "$NSVIZ" -n 'a$b' why 10.0.0.2
FIX=$(printf '%s\n' "$OUT" | sed -n 's/^fix: //p')
check_eq "$D, own end down: namespace and device quoted" "$FIX" "ip -n 'a\$b' link set 'e;touch' up"
(cd "$TMPD" && sh -c "$FIX")
check_eq "$D: that fix ran nothing else" "$(ls "$TMPD" | grep -cx up)" 0
check_match "$D: ... and did what it says" "$(ip -n 'a$b' link show 'e;touch')" ',UP'
teardown

done_testing
