#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# tc-request.sh - the requests of `nsviz tc qdisc add` and `tc class add`
# are the bytes tc 6.1 sends for the same words: both run under strace
# in the same namespace, and their RTM_NEWQDISC / RTM_NEWTCLASS /
# RTM_DELQDISC are compared: the message's type and flags, the tcmsg and
# the attributes after it (TCA_KIND, TCA_OPTIONS); only seq and pid may
# differ.  This kernel may
# lack sch_netem: it then refuses both requests, after they were sent,
# which is all that is compared.
. "${TOP_SRCDIR:-$(dirname "$0")/../..}/tests/lib/common.sh"
sandbox_reexec
command -v tc >/dev/null || { echo "SKIP: tc (iproute2) is the reference" >&2; exit 77; }
command -v strace >/dev/null || { echo "SKIP: strace is needed" >&2; exit 77; }
command -v python3 >/dev/null || { echo "SKIP: python3 reads strace's dumps" >&2; exit 77; }

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
ip netns add tcq
ip -n tcq link add v0 type veth peer name v1
ip -n tcq link set v0 up

# the last message of type $2 in the strace dump $1 (-e write=all), in
# hex: type and flags, then the tcmsg and the attributes (seq and pid
# left out)
attrs() {
	python3 - "$1" "$2" <<'PY'
import re, sys
bufs, cur = [], None
for line in open(sys.argv[1]):
    if re.match(r'^\s*\* \d+ bytes in buffer', line):
        cur = bytearray(); bufs.append(cur); continue
    m = re.match(r'^\s*\| [0-9a-f]{5}  ', line)
    if m and cur is not None:
        cur += bytes.fromhex(line[m.end():m.end() + 49].replace(' ', ''))
found = ''
for b in bufs:
    off = 0
    while off + 16 <= len(b):
        ln = int.from_bytes(b[off:off+4], 'little')
        if ln < 16 or off + ln > len(b):
            break
        if int.from_bytes(b[off+4:off+6], 'little') == int(sys.argv[2]):
            found = b[off+4:off+8].hex() + ' ' + b[off+16:off+ln].hex()
        off += (ln + 3) & ~3
print(found or 'none')
PY
}

reset() {
	ip netns exec tcq tc qdisc del dev v0 root 2>/dev/null
	[ "$1" = class ] && ip netns exec tcq tc qdisc add dev v0 root handle 1: htb
	return 0
}

# compare OBJECT WORDS...: qdisc -> "add dev v0 root WORDS", class ->
# "add dev v0 parent 1: classid 1:1 WORDS"; VERB=replace|change|del
# instead of add (a pfifo root made first for change and del)
compare() {
	obj=$1; shift
	verb=${VERB:-add}
	if [ "$obj" = qdisc ]; then where="root"; type=36
	else where="parent 1: classid 1:1"; type=40; fi
	[ "$verb" = del ] && type=$((type + 1))
	for who in tc nsviz; do
		reset "$obj"
		case $verb in change | del)
			ip netns exec tcq tc qdisc add dev v0 root pfifo ;;
		esac
		if [ $who = tc ]; then
			ip netns exec tcq strace -f -e trace=sendmsg -e write=all \
				-o "$TMP/tc" tc "$obj" "$verb" dev v0 $where "$@" \
				>/dev/null 2>&1
		else
			strace -f -e trace=sendmsg -e write=all -o "$TMP/nsviz" \
				"$NSVIZ" -n tcq tc "$obj" "$verb" dev v0 $where "$@" \
				>/dev/null 2>&1
		fi
	done
	want=$(attrs "$TMP/tc" $type)
	got=$(attrs "$TMP/nsviz" $type)
	if [ "$want" = "$got" ] && [ "$want" != none ]; then
		pass "tc $obj $verb $*: the same request ($(printf %.60s "$want")...)"
	else
		fail "tc $obj $verb $*: tc sent $want, nsviz $got"
	fi
}

compare qdisc netem delay 100ms
compare qdisc netem delay 100ms 10ms
compare qdisc netem delay 100ms 10ms 25%
compare qdisc netem delay 100ms 10ms 25% loss 1%
compare qdisc netem latency 1s 1ms limit 500
compare qdisc netem loss 0.3% 25%
compare qdisc netem loss random 5%
compare qdisc netem loss state 1% 10% 5% 80% 2%
compare qdisc netem loss gemodel 1% 10% 70% 0.1%
compare qdisc netem duplicate 1% 10%
compare qdisc netem corrupt 0.1% 5%
compare qdisc netem delay 10ms reorder 25% 50%
compare qdisc netem delay 10ms reorder 25% gap 5
compare qdisc netem rate 1mbit
compare qdisc netem rate 100kbit 20 100 -5
compare qdisc netem rate 10gbit
compare qdisc netem loss 1% ecn
compare qdisc netem slot 10ms 20ms packets 10 bytes 1500
compare qdisc netem delay 100ms 10ms distribution normal
compare qdisc netem delay 2ms 1ms 10% duplicate 5% 3% loss 2% corrupt 1% reorder 10% 5% rate 2mbit limit 100
compare qdisc tbf rate 1mbit burst 1600 latency 50ms
compare qdisc tbf rate 10mbit burst 20kb/8 latency 100ms peakrate 12mbit mtu 1514
compare qdisc tbf rate 8gbit burst 1mb latency 10ms
compare qdisc htb default 10 r2q 5 direct_qlen 100
compare qdisc pfifo limit 100
# a kind with no word after it: tc still fills in the kind's defaults
# (htb's r2q 10 and no direct_qlen, netem's limit 1000; pfifo none)
compare qdisc htb
compare qdisc netem
compare qdisc pfifo
compare qdisc bfifo limit 10kb
compare class htb rate 1mbit ceil 2mbit
compare class htb rate 1mbit ceil 2mbit burst 15k cburst 20k prio 1 quantum 1500
compare class htb rate 6gbit ceil 8gbit
VERB=replace compare qdisc tbf rate 1mbit burst 1600 latency 50ms
VERB=replace compare qdisc netem delay 5ms
VERB=change compare qdisc pfifo limit 5
VERB=del compare qdisc
VERB=replace compare class htb rate 2mbit

ip netns del tcq
done_testing
