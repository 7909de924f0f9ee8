#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Link kinds (vlan, macvlan, ipvlan, dummy, vxlan), link settings (name,
# alias, txqueuelen, promisc, arp), `link show up|type KIND` and `-d link
# show`, checked with the real iproute2 both ways:
#   - nsviz makes it, ip sees it (ip -j and ip -d text);
#   - ip makes it, nsviz shows the same bytes as `ip -d link show`;
#   - the request nsviz sends is the one ip sends for the same (canonical)
#     text: both run under strace, the RTM_NEWLINK payloads compared with
#     nlmsg_seq and nlmsg_pid left out.
# Kinds this kernel lacks ("Unknown device type": dummy, vlan, ipvlan on
# these machines) get the grammar, the canonical text and the request
# compared; their kernel part is reported as SKIP, not as passed.
. "${TOP_SRCDIR:-$(dirname "$0")/../..}/tests/lib/common.sh"
sandbox_reexec

nsv() { "$NSVIZ" "$@"; }

# IPv6 off (no DAD, no addrgenmode-driven changes while we compare)
for f in all default; do
	p=/proc/sys/net/ipv6/conf/$f/disable_ipv6
	[ ! -e "$p" ] || echo 1 >"$p"
done

ip link add veth0 type veth peer name veth1

# has_kind KIND [OPTIONS]: can this kernel make one?  (a probe made with
# ip on veth0 where the kind needs a lower device, and undone)
has_kind() {
	case $1 in
	vlan|macvlan|ipvlan) set -- "$1" "$2" "link veth0" ;;
	*) set -- "$1" "$2" "" ;;
	esac
	# shellcheck disable=SC2086
	if ip link add $3 name lk-probe type "$1" $2 2>/dev/null; then
		ip link del lk-probe
		return 0
	fi
	return 1
}

# ---- the request: strace of ip and of nsviz for the same text ----------------

HAVE_STRACE=
if command -v strace >/dev/null 2>&1 &&
   strace -f -o /dev/null true 2>/dev/null; then
	HAVE_STRACE=1
fi

# The RTM_NEWLINK requests a program sent, as strace decodes them, without
# nlmsg_seq and nlmsg_pid (and not ip's 32-byte probe at start-up)
newlink_reqs() {
	grep -o 'iov_base=\[{nlmsg_len=[0-9]*, nlmsg_type=RTM_NEWLINK, .*' "$1" |
		grep -v 'nlmsg_len=32, nlmsg_type=RTM_NEWLINK' |
		sed 's/nlmsg_seq=[0-9]*, nlmsg_pid=[0-9-]*//; s/, iov_len=.*//;
		     s/nla_type=IFLA_NET_NS_FD}, [0-9]*/nla_type=IFLA_NET_NS_FD}, FD/'
}

# same_request DESC IPTEXT [UNDO [NSVIZTEXT]]: ip IPTEXT, then UNDO (to
# get the state back), then nsviz -c NSVIZTEXT (default: the same text),
# then UNDO again; the two requests must be equal.  A NSVIZTEXT other
# than the canonical IPTEXT shows that the canonical text means what
# was typed.
same_request() {
	_d=$1 _c=$2 _undo=$3 _n=${4:-$2}
	if [ -z "$HAVE_STRACE" ]; then
		skip "request of $_d (strace is not available)"
		return
	fi
	# shellcheck disable=SC2086
	strace -f -e trace=sendmsg,sendto -xx -s 4096 -o "$TMPD/ip.st" \
		ip $_c >/dev/null 2>&1
	[ -z "$_undo" ] || sh -c "$_undo" >/dev/null 2>&1
	strace -f -e trace=sendmsg,sendto -xx -s 4096 -o "$TMPD/nsv.st" \
		"$NSVIZ" -c "$_n" >/dev/null 2>&1
	[ -z "$_undo" ] || sh -c "$_undo" >/dev/null 2>&1
	newlink_reqs "$TMPD/ip.st" >"$TMPD/ip.req"
	newlink_reqs "$TMPD/nsv.st" >"$TMPD/nsv.req"
	if [ -s "$TMPD/ip.req" ] && cmp -s "$TMPD/ip.req" "$TMPD/nsv.req"; then
		pass "request of $_d == ip's"
	else
		fail "request of $_d == ip's" "ip:" "$(cat "$TMPD/ip.req")" \
			"nsviz:" "$(cat "$TMPD/nsv.req")"
	fi
}

# the canonical text nsviz logs (-v) for a command that succeeds
canon_of() {
	"$NSVIZ" -v -c "$1" 2>&1 >/dev/null | sed -n 's/^+ //p'
}

# ---- kinds this kernel has: nsviz makes, ip sees -------------------------------

check_rc "nsviz makes macvlans, vxlans" 0 nsv -c '
	link add link veth0 name mv0 type macvlan mode bridge
	link add link veth0 name mv1 type macvlan mode private
	link add link veth0 name mv2 type macvlan mode vepa
	link add link veth1 name mv3 type macvlan
	link add vx0 type vxlan id 42 remote 10.0.0.2 local 10.0.0.1 dev veth0 ttl 10 dstport 4789
	link add vx1 type vxlan id 43 group 239.1.1.1 dev veth0 dstport 0
	link add vx2 type vxlan id 44 remote fd00::2 local fd00::1 ttl auto dstport 4789'
check_eq "macvlan: canonical text (-v)" \
	"$(canon_of 'link add link veth0 mvc type macvlan m bridge')" \
	"ip link add link veth0 name mvc type macvlan mode bridge"
check_eq "vxlan: canonical text (-v)" \
	"$(canon_of 'link add vxc type vxlan vni 60 ds 4789 rem 10.0.0.9 d veth0 t 3')" \
	"ip link add vxc type vxlan id 60 remote 10.0.0.9 dev veth0 ttl 3 dstport 4789"
ip link del mvc
ip link del vxc
J=$(ip -j -d link show)
check_match "ip -j: mv0 is a macvlan on veth0, mode bridge" "$J" \
	'"link":"veth0","ifname":"mv0",[^}]*"linkinfo":\{"info_kind":"macvlan","info_data":\{"mode":"bridge"'
check_match "ip -j: mv1 mode private" "$J" '"ifname":"mv1",[^}]*"info_data":\{"mode":"private"'
check_match "ip -j: mv2 mode vepa" "$J" '"ifname":"mv2",[^}]*"info_data":\{"mode":"vepa"'
check_match "ip -j: mv3 on veth1, the kernel's default mode (vepa)" "$J" \
	'"link":"veth1","ifname":"mv3",[^}]*"info_data":\{"mode":"vepa"'
check_match "ip -j: vx0 id, remote, local, dev, dstport, ttl" "$J" \
	'"ifname":"vx0",.*"info_data":\{"id":42,"remote":"10.0.0.2","local":"10.0.0.1","link":"veth0","port_range":\{"low":0,"high":0\},"port":4789,"learning":true,"ttl":10'
check_match "ip -j: vx1 group, the kernel's default port" "$J" \
	'"ifname":"vx1",.*"info_data":\{"id":43,"group":"239.1.1.1","link":"veth0",[^}]*\},"port":8472'
check_match "ip -j: vx2 over IPv6, ttl auto" "$J" \
	'"ifname":"vx2",.*"info_data":\{"id":44,"remote6":"fd00::2","local6":"fd00::1",[^}]*\},"port":4789,"learning":true,"ttl":0'
check_eq "nsviz -d link show == ip -d link show" \
	"$(nsv -c '-d link show')" "$(ip -d link show)"
for l in mv0 vx0 vx2; do
	check_eq "nsviz -d link show $l == ip" "$(nsv -c "-d link show $l")" \
		"$(ip -d link show $l)"
done
check_eq "nsviz link show (no -d) still == ip" "$(nsv link show)" "$(ip link show)"

# ---- link show up / type KIND -------------------------------------------------

ip link set veth0 up
ip link set mv0 up
for f in "up" "type macvlan" "type vxlan" "type veth" "type bridge" \
         "type bridge_slave" "type nosuchkind" "up type macvlan" \
         "dev mv1 type macvlan" "dev mv1 type vxlan" "dev veth1 up"; do
	# shellcheck disable=SC2086
	check_eq "link show $f == ip" "$(nsv link show $f)" "$(ip link show $f)"
done
check_eq "-d link show type vxlan == ip" "$(nsv -c '-d link show type vxlan')" \
	"$(ip -d link show type vxlan)"
ip link set mv0 down
ip link set veth0 down

# ---- ip makes, nsviz shows the same bytes -------------------------------------

ip link add link veth0 name mv4 type macvlan mode passthru 2>/dev/null ||
	ip link add link veth1 name mv4 type macvlan mode source
ip link add vx3 type vxlan id 45 dstport 4789 srcport 1000 2000 proxy l2miss l3miss df set gbp
ip link add vx4 type vxlan id 46 dstport 4789 remote fd00::9 nolearning tos inherit ttl inherit flowlabel 5
ip link add vx5 type vxlan id 47 dstport 4789 ageing 0 maxaddress 10 noudpcsum udp6zerocsumtx
ip link add vx6 type vxlan external dstport 4789
ip link add br0 type bridge
ip link add br1 type bridge mcast_snooping 0 group_fwd_mask 8 no_linklocal_learn 1
ip link add pa type veth peer name pb
ip link set pa master br1
ip link set vx0 alias "a vxlan, for the tests"
ip netns add other
ip link add vo type veth peer name vp netns other
check_eq "ip-made: nsviz -d link show == ip -d link show" \
	"$(nsv -c '-d link show')" "$(ip -d link show)"
check_eq "ip-made: nsviz -n other -d link show == ip" \
	"$(nsv -c '-n other -d link show')" "$(ip -n other -d link show)"
for l in br1 pa vx3 vx4 vx6; do
	check_eq "ip-made: -d link show $l == ip" "$(nsv -c "-d link show $l")" \
		"$(ip -d link show $l)"
done
check_eq "ip-made: link show type bridge_slave == ip" \
	"$(nsv link show type bridge_slave)" "$(ip link show type bridge_slave)"
# tun and tap (ip tuntap: its own ioctl, no rtnetlink), whose options ip
# prints too, owner and group by name or number
TUNS=
if ip tuntap add tp0 mode tap 2>/dev/null &&
   ip tuntap add tn0 mode tun multi_queue vnet_hdr user 0 group 0 &&
   ip tuntap add tp1 mode tap pi user 54321 group 54321; then
	TUNS="tp0 tn0 tp1"
	for kl in $TUNS; do
		check_eq "ip-made: -d link show $kl (tun) == ip" \
			"$(nsv -c "-d link show $kl")" "$(ip -d link show $kl)"
	done
else
	skip "tun and tap: no /dev/net/tun here"
fi
# -d -j: the same details as JSON, ip's keys, types and order, for every
# kind (lo, veth, bridge, a bridge port, macvlan, vxlan), and pretty
for o in "-d -j" "-d -j -p"; do
	for obj in link addr; do
		check_eq "ip-made: $o $obj show == ip" \
			"$(nsv -c "$o $obj show")" "$(ip $o $obj show)"
	done
	check_eq "ip-made: -n other $o link show == ip" \
		"$(nsv -c "-n other $o link show")" "$(ip -n other $o link show)"
	for kl in lo br1 pa mv0 mv4 vx0 vx3 vx4 vx5 vx6 $TUNS; do
		check_eq "ip-made: $o link show $kl == ip" \
			"$(nsv -c "$o link show $kl")" "$(ip $o link show $kl)"
		check_eq "ip-made: $o addr show $kl == ip" \
			"$(nsv -c "$o addr show $kl")" "$(ip $o addr show $kl)"
	done
done
check_match "-d -j: a bridge's timers are numbers with two decimals" \
	"$(nsv -c '-d -j link show br1')" '"hello_timer":[0-9]+\.[0-9][0-9],'
check_match "-d -j: a port's options under info_slave_data" \
	"$(nsv -c '-d -j link show pa')" \
	'"info_kind":"veth","info_slave_kind":"bridge","info_slave_data":\{"state":"[a-z]+","priority":32,'

# ---- requests of the kinds this kernel has, and of link set -------------------

same_request "macvlan mode bridge" \
	"link add link veth0 name mvr type macvlan mode bridge" "ip link del mvr"
same_request "macvlan without a mode" \
	"link add link veth0 name mvr type macvlan" "ip link del mvr"
ip link del mvr 2>/dev/null
same_request "vxlan id remote local dev ttl dstport" \
	"link add vxr type vxlan id 50 remote 10.0.0.2 local 10.0.0.1 dev veth0 ttl 10 dstport 4789" \
	"ip link del vxr"
same_request "vxlan group dev" \
	"link add vxr type vxlan id 51 group 239.1.1.2 dev veth0" "ip link del vxr"
same_request "vxlan over IPv6, ttl auto, dstport 0" \
	"link add vxr type vxlan id 52 remote fd00::2 local fd00::1 ttl auto dstport 0" \
	"ip link del vxr"
ip link del vxr 2>/dev/null
same_request "link set name alias txqueuelen promisc arp" \
	"link set veth1 txqueuelen 500 alias hello promisc on arp off name v1" \
	"ip link set v1 promisc off arp on alias '' txqueuelen 1000 name veth1" \
	"link set dev veth1 name v1 arp off alias hello promisc on qlen 500"
same_request "link set mtu address up name" \
	"link set veth1 mtu 1400 address 02:00:00:00:00:09 up name v9" \
	"ip link set v9 down mtu 1500 name veth1"
same_request "link set txqueuelen alias master" \
	"link set veth1 txqueuelen 7 alias p master br0" \
	"ip link set veth1 nomaster txqueuelen 1000 alias ''" \
	"link set veth1 master br0 alias p qlen 7"
# pid 1 is this script, in the sandbox's own namespace
same_request "link set netns name" "link set veth1 netns other name vq" \
	"ip -n other link set vq netns 1 name veth1"

# ---- kinds this kernel may lack: grammar, canonical text, request -------------

# kind_case KIND TYPED CANONICAL NAME PROBE-OPTIONS: ip's request for the
# canonical text is nsviz's for the typed one (the canonical text itself
# is checked in tests/unit/test_grammar.c and, where the kernel has the
# kind, by -v here)
kind_case() {
	_kind=$1 _cmd=$2 _canon=$3 _name=$4 _probe=$5
	same_request "$_kind ($_cmd)" "${_canon#ip }" "ip link del $_name" "$_cmd"
	ip link del "$_name" 2>/dev/null
	# shellcheck disable=SC2086
	if has_kind "$_kind" "$_probe"; then
		check_eq "$_kind: canonical text (-v)" "$(canon_of "$_cmd")" "$_canon"
		ip link del "$_name" 2>/dev/null
		check_rc "$_kind: nsviz makes it" 0 nsv -c "$_cmd"
		check_eq "$_kind: -d link show $_name == ip" \
			"$(nsv -c "-d link show $_name")" "$(ip -d link show "$_name")"
		ip link del "$_name" 2>/dev/null
	else
		run nsv -c "$_cmd"
		check_eq "$_kind: refused in the kernel's words, exit 1" \
			"$RC:$ERR" "1:nsviz: $_name: Unknown device type"
		skip "$_kind: the kernel part (this kernel has no $_kind)"
	fi
}
# the same path for two kinds this kernel has: the kernel part runs here
kind_case macvlan "link add link veth0 mvk type macvlan m private" \
	"ip link add link veth0 name mvk type macvlan mode private" mvk ""
kind_case vxlan "link add vxk type vxlan vni 70 ds 4789 l 10.9.9.9" \
	"ip link add vxk type vxlan id 70 local 10.9.9.9 dstport 4789" vxk \
	"id 71 dstport 4789"
kind_case dummy "link add d0 type dummy" "ip link add d0 type dummy" d0 ""
kind_case vlan "link add name veth0.10 link veth0 type vlan id 10" \
	"ip link add link veth0 name veth0.10 type vlan id 10" veth0.10 "id 99"
kind_case vlan "link add link veth0 veth0.20 type vlan proto 802.1AD id 20" \
	"ip link add link veth0 name veth0.20 type vlan id 20 protocol 802.1ad" \
	veth0.20 "id 99"
kind_case ipvlan "link add link veth0 name ipv0 type ipvlan mode l3s" \
	"ip link add link veth0 name ipv0 type ipvlan mode l3s" ipv0 ""
kind_case ipvlan "link add link veth0 name ipv1 type ipvlan m l2 private" \
	"ip link add link veth0 name ipv1 type ipvlan mode l2 private" ipv1 ""

# ---- link set: nsviz sets, ip sees; ip sets, nsviz shows -----------------------

check_rc "nsviz: link set name alias txqueuelen promisc arp" 0 nsv -c \
	"link set dev veth1 name v1 alias 'the other end' txqueuelen 500 promisc on arp off"
J=$(ip -j -d link show v1)
check_match "ip -j: renamed, alias, qlen 500" "$J" \
	'"ifname":"v1",.*"flags":\["BROADCAST","MULTICAST","NOARP","PROMISC"'
check_match "ip -j: txqlen 500" "$J" '"txqlen":500'
check_match "ip -j: promiscuity 1" "$J" '"promiscuity":1'
check_match "ip -j: the alias" "$J" '"ifalias":"the other end"'
check_eq "-d link show v1 == ip" "$(nsv -c '-d link show v1')" "$(ip -d link show v1)"
check_rc "nsviz: link set promisc off arp on alias '' qlen 1000 name veth1" 0 \
	nsv -c "link set v1 promisc off arp on alias '' qlen 1000 name veth1"
check_match "ip -j: back: no NOARP, no PROMISC, txqlen 1000" \
	"$(ip -j link show veth1)" '"flags":\["BROADCAST","MULTICAST","M-DOWN"\].*"txqlen":1000'
check_nomatch "ip -j: the alias is cleared" "$(ip -j link show veth1)" 'ifalias'
ip link set dev veth1 name v2 alias "set by ip" txqueuelen 42 promisc on arp off
check_eq "ip-set: nsviz link show v2 == ip" "$(nsv link show v2)" "$(ip link show v2)"
check_eq "ip-set: nsviz -d link show v2 == ip" "$(nsv -c '-d link show v2')" \
	"$(ip -d link show v2)"
ip link set dev v2 name veth1 promisc off arp on
check_rc "nsviz: link set name into another namespace" 0 \
	nsv -c 'link set veth1 netns other name vq'
check_eq "ip: vq in other, its peer veth0 here" \
	"$(ip -n other -br link show vq | awk '{print $1}')" \
	"vq@if$(cat /sys/class/net/veth0/ifindex)"

# ---- bad inputs: a clear message, exit 1, nothing changed ---------------------

snap() { ip -d link show; ip -n other -d link show; }
bad() {
	_d=$1 _cmd=$2 _msg=$3
	before=$(snap)
	run nsv -c "$_cmd"
	after=$(snap)
	if [ "$RC" = 1 ] && [ -z "$OUT" ] && [ "$ERR" = "nsviz: $_msg" ] &&
	   [ "$before" = "$after" ]; then
		pass "bad: $_d"
	else
		fail "bad: $_d" "command: $_cmd" "exit $RC, stdout '$OUT'" \
			"stderr: $ERR" "expected: nsviz: $_msg" \
			"$( [ "$before" = "$after" ] || echo 'and the links changed')"
	fi
}
bad "lower device missing" "link add link nosuch name m type macvlan" \
	"nosuch: no such device in the host namespace"
bad "vxlan dev missing" "link add vx9 type vxlan id 9 dev nosuch" \
	"nosuch: no such device in the host namespace"
bad "name taken" "link add link veth0 name mv0 type macvlan" \
	"mv0: device already exists in the host namespace"
bad "vlan without link" "link add v type vlan id 5" \
	"link add v type vlan: missing link DEV (a vlan, macvlan or ipvlan sits on another interface: link add link DEV name NAME type ...)"
bad "bad vlan id" "link add link veth0 name v type vlan id 5000" \
	"5000: VLAN id must be a number 0..4094"
bad "vxlan group without dev" "link add vx9 type vxlan id 9 group 239.1.1.9" \
	"group: a multicast group needs dev NAME (the interface to send it on)"
bad "rename onto an existing name" "link set mv1 name mv0" \
	"mv0: device already exists in the host namespace"
bad "rename a device that is not there" "link set nosuch name x" \
	"nosuch: no such device in the host namespace"
bad "promisc needs on or off" "link set mv1 promisc yes" \
	"yes: promisc takes on or off"
bad "txqueuelen negative" "link set mv1 txqueuelen -5" \
	"-5: txqueuelen must be a number 0..2147483647"
bad "alias with an escape" "link set mv1 alias \$'\\x1b[2J'" \
	"\\x1b[2J: alias name contains control character \\x1b"
bad "a kind nsviz does not make" "link add g0 type geneve id 1" \
	"geneve: link type not supported (nsviz creates veth, bridge, vlan, macvlan, ipvlan, dummy and vxlan links)"
bad "the kernel's words: vxlan id taken on the same port" \
	"link add vx9 type vxlan id 42 remote 10.0.0.2 local 10.0.0.1 dev veth0 ttl 10 dstport 4789" \
	"vx9: A VXLAN device with the specified VNI already exists"

done_testing
