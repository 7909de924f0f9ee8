# SPDX-License-Identifier: GPL-2.0-or-later
# capture-lib.sh - shared by the make-*.sh scripts of this folder that
# remake its real captures.  Sourced; POSIX sh.
#
# Sourcing it re-executes the script inside the kernel tests' sandbox
# (tests/lib/common.sh: private network, mount and pid namespaces, no
# route anywhere) and sets
#   DATA  this folder (the scripts and helpers the captures come from)
#   OUT   where the captures and their texts go: $CAPTURE_OUT if set,
#         else this folder (exported, for the craft-*.py scripts too)
# and gives:
#   tutorial_net        the tutorial's veth pair: veth0 10.0.1.0/24 here,
#                       veth1 10.0.2.0/24 in namespace vnet, routes both ways
#   start [-n NS] NAME TCPDUMP-ARGS...
#                       tcpdump -w in the background (in NS if given),
#                       once it listens; several may run at once
#   stop NAME...        stops every capture started, copies each NAME.pcap
#                       to $OUT and decodes it (decode NAME $DECODE_FLAGS)
#   decode NAME [FLAG...]
#                       TZ=UTC tcpdump -n -r: $OUT/NAME.txt, and with -FLAG
#                       $OUT/NAME${TEXT_SEP}FLAG.txt for each (TEXT_SEP: ".")
: "${TOP_SRCDIR:=$(cd "$(dirname "$0")/../.." && pwd)}"
. "$TOP_SRCDIR/tests/lib/common.sh"
sandbox_reexec
set -u
DATA=$TOP_SRCDIR/tests/data
OUT=${CAPTURE_OUT:-$DATA}
CAPTURE_OUT=$OUT
export CAPTURE_OUT
mkdir -p "$OUT" || exit 99
CAP=
DECODE_FLAGS=
TEXT_SEP=.

tutorial_net() {
	ip link add veth0 type veth peer name veth1
	ip link set veth0 address 02:00:00:00:01:00
	ip link set veth1 address 02:00:00:00:02:00
	ip addr add 10.0.1.0/24 dev veth0
	ip link set veth0 up
	ip netns add vnet
	ip link set veth1 netns vnet
	ip -n vnet addr add 10.0.2.0/24 dev veth1
	ip -n vnet link set lo up
	ip -n vnet link set veth1 up
	ip route add 10.0.2.0/24 dev veth0 scope link
	ip -n vnet route add 10.0.1.0 dev veth1 scope link
}

start() {
	_ns=
	if [ "$1" = -n ]; then _ns=$2; shift 2; fi
	_name=$1
	shift
	: >"$TMPD/$_name.err"
	${_ns:+ip netns exec "$_ns"} tcpdump -U --immediate-mode "$@" \
		-w "$TMPD/$_name.pcap" 2>"$TMPD/$_name.err" &
	CAP="$CAP $!"
	wait_grep "$TMPD/$_name.err" listening
}

stop() {
	sleep 0.5
	# shellcheck disable=SC2086
	kill -INT $CAP
	# shellcheck disable=SC2086
	wait $CAP
	CAP=
	for _n in "$@"; do
		cp "$TMPD/$_n.pcap" "$OUT/$_n.pcap"
		# shellcheck disable=SC2086
		decode "$_n" $DECODE_FLAGS
	done
}

decode() {
	_n=$1
	shift
	TZ=UTC tcpdump -n -r "$OUT/$_n.pcap" >"$OUT/$_n.txt" 2>/dev/null
	for _f in "$@"; do
		TZ=UTC tcpdump -n "-$_f" -r "$OUT/$_n.pcap" \
			>"$OUT/$_n$TEXT_SEP$_f.txt" 2>/dev/null
	done
}
