#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The program's surface: --help, --version, unknown options, -c (';',
# newlines, quoting, comments, stop at the first error), -force, -b (comments,
# blank lines, continuation lines, FILE:LINE, stdin, a missing file), -c with
# -b, -v and the canonical ip commands, the optional leading `ip`,
# abbreviations, the prompt fed through stdin, show and show --json, the exit
# status of ping and netns exec, and --sandbox.
. "${TOP_SRCDIR:-$(dirname "$0")/../..}/tests/lib/common.sh"
sandbox_reexec

nsv() { "$NSVIZ" "$@"; }

# nss NAME...: "NAME:yes" or "NAME:no" for each named namespace
nss() {
	r=
	for n in "$@"; do
		if [ -e "/run/netns/$n" ]; then r="$r$n:yes "; else r="$r$n:no "; fi
	done
	printf '%s' "${r% }"
}

# IPv6 off (no DAD): two listings of an unchanged namespace are identical
no_ipv6='for f in all default; do
	p=/proc/sys/net/ipv6/conf/$f/disable_ipv6
	[ ! -e "$p" ] || echo 1 >"$p" || exit 1
done'
sh -c "$no_ipv6" || echo "# could not turn IPv6 off in the host namespace"

# --- --help, --version ----------------------------------------------------------
run nsv --help
check_eq "--help: exit status 0" "$RC" 0
check_eq "--help: nothing on stderr" "$ERR" ""
for w in --sandbox -c -b -force -v show monitor; do
	check_match "--help mentions $w" "$OUT" "(^|[^a-z-])$w([^a-z-]|\$)"
done
check_match "--help: usage line" "$OUT" '^Usage: nsviz'
HELP=$OUT
run nsv -h
check_eq "-h: exit status 0" "$RC" 0
check_eq "-h is --help" "$OUT" "$HELP"

VERSION=$(sed -n 's/^AC_INIT(\[nsviz\], *\[\([^]]*\)\].*/\1/p' "$TOP_SRCDIR/configure.ac")
run nsv --version
check_eq "--version: exit status 0" "$RC" 0
check_match "--version: nsviz X.Y.Z" "$OUT" '^nsviz [0-9]+\.[0-9]+\.[0-9]+$'
check_eq "--version: the version in configure.ac" "$OUT" "nsviz $VERSION"
check_eq "-V is --version" "$(nsv -V)" "$OUT"

# --- invocation errors: exit status 2, nothing done -------------------------------
for o in --frobnicate -q; do
	run nsv "$o" netns add never1
	check_eq "unknown option $o: exit status 2" "$RC" 2
	check_match "unknown option $o: named" "$ERR" "^nsviz: $o: unknown option"
	check_eq "unknown option $o: nothing on stdout" "$OUT" ""
done
run nsv -c
check_eq "-c without its argument: exit status 2" "$RC" 2
check_match "-c without its argument: message" "$ERR" '^nsviz: -c needs an argument'
run nsv -b
check_eq "-b without its argument: exit status 2" "$RC" 2
check_match "-b without its argument: message" "$ERR" '^nsviz: -b needs an argument'
run nsv -c 'netns add never2' extra
check_eq "-c CMDS extra: exit status 2" "$RC" 2
check_match "-c CMDS extra: names the extra word" "$ERR" '^nsviz: extra: unexpected argument'
printf 'netns add never3\n' >"$TMPD/never.batch"
run nsv -c 'netns add never4' -b "$TMPD/never.batch"
check_eq "-c with -b: exit status 2" "$RC" 2
check_match "-c with -b: message" "$ERR" '^nsviz: -c and -b cannot be used together'
run nsv -b "$TMPD/never.batch" -c 'netns add never4'
check_eq "-b with -c: exit status 2" "$RC" 2
check_match "-b with -c: message" "$ERR" '^nsviz: -c and -b cannot be used together'
run nsv show --frob
check_eq "show --frob: exit status 2" "$RC" 2
check_match "show --frob: named" "$ERR" '--frob: unknown option'
run nsv monitor extra
check_eq "monitor extra: exit status 2" "$RC" 2
check_match "monitor extra: named" "$ERR" 'extra: unexpected argument'
check_eq "no invocation error ran anything" "$(nss never1 never2 never3 never4)" \
	"never1:no never2:no never3:no never4:no"

# --- -v: the tutorial, with short spellings, logged as canonical ip commands ----
run nsv -v -c 'ip netns add vnet'
check_eq "-v netns add vnet: exit status 0" "$RC" 0
check_eq "-v: + ip netns add vnet" "$ERR" "+ ip netns add vnet"
ip netns exec vnet sh -c "$no_ipv6" || echo "# could not turn IPv6 off in vnet"
run nsv -v -c '
link add veth0 type veth peer name veth1
ip a a 10.0.1.0/24 dev veth0
ip l s dev veth0 up
link set veth1 netns vnet
netns list
-n vnet a a 10.0.2.0/24 dev veth1
netns exec vnet ip link set up veth1
ip r a 10.0.2.0/24 dev veth0 scope link
ip netns exec vnet ip route add 10.0.1.0 dev veth1 scope link
route show'
check_eq "-v tutorial: exit status 0" "$RC" 0
V1=$ERR
check_eq "-v tutorial: each change as its canonical ip command, nothing else" "$ERR" \
"+ ip link add veth0 type veth peer name veth1
+ ip addr add 10.0.1.0/24 dev veth0
+ ip link set veth0 up
+ ip link set veth1 netns vnet
+ ip -n vnet addr add 10.0.2.0/24 dev veth1
+ ip -n vnet link set veth1 up
+ ip route add 10.0.2.0/24 dev veth0 scope link
+ ip -n vnet route add 10.0.1.0 dev veth1 scope link"
# (route show ran a moment after veth1 came up: the kernel may still mark
# veth0's routes linkdown then, until its linkwatch work has run; compare
# the routes themselves)
check_eq "-v tutorial: stdout has what netns list and route show print" \
	"$(printf '%s\n' "$OUT" | sed 's/ linkdown $/ /')" \
"vnet (id: 0)
10.0.1.0/24 dev veth0 proto kernel scope link src 10.0.1.0 
10.0.2.0/24 dev veth0 scope link "
# from here on, listings show state UP and no linkdown: wait for the kernel
wait_carrier veth0
wait_carrier -n vnet veth1
check_eq "-v tutorial: the kernel has it (host routes)" "$(ip route)" \
"10.0.1.0/24 dev veth0 proto kernel scope link src 10.0.1.0 
10.0.2.0/24 dev veth0 scope link "
check_eq "-v tutorial: the kernel has it (vnet routes)" "$(ip -n vnet route)" \
"10.0.1.0 dev veth1 scope link 
10.0.2.0/24 dev veth1 proto kernel scope link src 10.0.2.0 "

run nsv -v -c 'link set veth0 mtu 1400; ip a a 10.0.1.9 dev veth0
addr del 10.0.1.9/32 dev veth0; link add t0 type veth peer name t1 netns vnet
link del dev t0; route show
link set nope0 up; netns add never5'
check_eq "-v with an error: exit status 1" "$RC" 1
V2=$(printf '%s\n' "$ERR" | grep '^+ ')
check_eq "-v: more changes logged; the failed command is not, only its error" "$ERR" \
"+ ip link set veth0 mtu 1400
+ ip addr add 10.0.1.9/32 dev veth0
+ ip addr del 10.0.1.9/32 dev veth0
+ ip link add t0 type veth peer name t1 netns vnet
+ ip link del t0
nsviz: nope0: no such device in the host namespace"
check_eq "-v: nothing after the error ran" "$(nss never5)" "never5:no"

# names that need quoting: the logged command, read by the shell, gives
# back the words
run nsv -v -c "netns add 'x y'; netns add \"it's\"; netns add 'a\"b;c'"
check_eq "-v, names that need quoting: exit status 0" "$RC" 0
check_eq "-v, names that need quoting: three commands logged" "$(printf '%s\n' "$ERR" | grep -c '^+ ip netns add ')" 3
Q=$ERR
i=0
for want in "x y" "it's" 'a"b;c'; do
	i=$((i + 1))
	line=$(printf '%s\n' "$Q" | sed -n "${i}s/^+ //p")
	# the shell reads it in a subshell: bad quoting must not end this script
	words=$( (eval "set -- $line" && printf '%s|%s %s %s|%s' "$#" "$1" "$2" "$3" "$4") 2>&1)
	check_eq "-v: the canonical command for <$want> is quoted for the shell" \
		"$words" "4|ip netns add|$want"
done
printf '%s\n' "$Q" | sed 's/^+ //' >"$TMPD/quoted.batch"
run nsv -S -v -b "$TMPD/quoted.batch"
check_eq "-v: the quoted canonical commands replay to the same" "$RC|$ERR" "0|$Q"
V2="$V2
$(sed 's/^/+ /' "$TMPD/quoted.batch")"

run nsv -v netns add w1
check_eq "-v with words: exit status 0" "$RC" 0
check_eq "-v with words: the canonical command" "$ERR" "+ ip netns add w1"
run nsv -v ip -n vnet l s veth1 mtu 1400
check_eq "-v ip -n vnet l s veth1 mtu 1400" "$ERR" "+ ip -n vnet link set veth1 mtu 1400"
check_eq "... and the kernel has mtu 1400" \
	"$(ip -n vnet -o link show veth1 | sed -n 's/.* mtu \([0-9]*\) .*/\1/p')" 1400
run nsv -v netns list
check_eq "-v: a command that changes nothing logs nothing" "$ERR" ""

# canonical commands parse back to themselves: replay them in a fresh sandbox
printf '%s\n%s\n' "+ ip netns add vnet" "$V1" >"$TMPD/canon"
printf '%s\n' "$V2" >>"$TMPD/canon"
sed 's/^+ //' "$TMPD/canon" >"$TMPD/canon.batch"
run nsv --sandbox -v -b "$TMPD/canon.batch"
check_eq "canonical commands replayed (-S -v -b): exit status 0" "$RC" 0
check_eq "canonical commands replayed: logged the same" "$ERR" "$(cat "$TMPD/canon")"

# --- the leading ip is optional; abbreviations --------------------------------------
run nsv ip a
check_eq "ip a: exit status 0" "$RC" 0
check_match "ip a: lists veth0 with its address" "$OUT" '^    inet 10\.0\.1\.0/24 scope global veth0$'
A=$OUT
check_eq "ip a == address show" "$A" "$(nsv address show)"
check_eq "a == ip addr show" "$(nsv a)" "$A"
check_eq "ip a == iproute2's ip a" "$A" "$(ip a)"
run nsv ip r
check_eq "ip r: exit status 0" "$RC" 0
check_match "ip r: lists the route to vnet" "$OUT" '^10\.0\.2\.0/24 dev veth0 scope link $'
check_eq "ip r == route show" "$OUT" "$(nsv route show)"
check_eq "ro == ip route" "$(nsv ro)" "$OUT"
check_eq "ip r == iproute2's ip r" "$OUT" "$(ip r)"
run nsv ip l
check_eq "ip l: exit status 0" "$RC" 0
check_match "ip l: lists veth0" "$OUT" '^[0-9]+: veth0@'
check_eq "ip l == link show" "$OUT" "$(nsv link show)"
check_eq "li == ip link" "$(nsv li)" "$OUT"
run nsv ip -n vnet r
check_eq "ip -n vnet r == ip -n vnet route" "$OUT" "$(ip -n vnet route)"
check_eq "-c 'ip netns list' == -c 'netns list'" "$(nsv -c 'ip netns list')" "$(nsv -c 'netns list')"

# --- show, show --json ---------------------------------------------------------------
run nsv show
check_eq "show: exit status 0" "$RC" 0
check_match "show: the vnet namespace" "$OUT" '^vnet'
check_match "show: veth1 with its address" "$OUT" 'veth1 .*10\.0\.2\.0/24'
check_match "show: the host's route to vnet" "$OUT" '10\.0\.2\.0/24 dev veth0 scope link'

run nsv show --json
check_eq "show --json: exit status 0" "$RC" 0
J=$OUT
check_eq "show --json: valid JSON" "$(printf '%s' "$J" | jq -e 'type' 2>&1)" '"object"'
check_eq "show -j == show --json" "$(nsv show -j | jq -S .)" "$(printf '%s' "$J" | jq -S .)"
# every object has its keys, of the types doc/json-schema.md gives
SCHEMA='
def is($t): . as $v | any($t[]; . == ($v | type));
def str: is(["string"]);
def num: is(["number"]);
def strn: is(["string", "null"]);
def numn: is(["number", "null"]);
def strs: type == "array" and all(.[]; type == "string");
def keysok($req; $opt): (($req - keys) == []) and ((keys - $req - $opt) == []);
def bad($what): "\($what): \(tojson)";
def counters: type == "object" and (keys == ["rx","tx"])
    and ([.rx[], .tx[]] | all(type == "number"));
(if (keys == ["complete","namespaces","unseen_processes","version"]) and (.version == 2)
    and (.namespaces | type == "array")
    and (.complete | type == "boolean") and (.unseen_processes | num) then empty
 else bad("top level") end),
(.namespaces[] |
  (if keysok(["id","name","label","kind","inode","holder","readable","links","routes","rules","neighbours"]; ["unreadable_reason"])
      and (.readable | type == "boolean") and (.unreadable_reason == null or (.unreadable_reason | str))
      and (.id | num) and (.name | strn) and (.label | str)
      and ([.kind] | inside(["host","named","unnamed"])) and (.inode | num)
      and (.holder == null or (.holder | keysok(["pid","comm","path"]; [])
           and (.pid | numn) and (.comm | strn) and (.path | strn)))
      and ([.links, .routes, .rules, .neighbours] | all(type == "array"))
   then empty else bad("namespace") end),
  (.links[] |
    if keysok(["ifindex","ifname","flags","mtu","group","link_type","addr_info","peer"];
              ["link","link_index","qdisc","master","operstate","linkmode","txqlen","address",
               "broadcast","link_pointtopoint","link_netnsid","linkinfo","ifalias","stats64"])
       and (.ifindex | num) and (.ifname | str) and (.flags | strs) and (.mtu | num)
       and ([.qdisc, .master, .operstate, .linkmode, .address, .broadcast, .ifalias, .group, .link_type]
            | all(. == null or type == "string"))
       and ([.link_index, .txqlen, .link_netnsid] | all(. == null or type == "number"))
       and (.linkinfo == null or (.linkinfo | (.info_kind | str)
            and (keys - ["info_kind","info_data","info_slave_kind","info_slave_data"] == [])))
       and (.stats64 == null or (.stats64 | counters))
       and (.peer == null or (.peer | keysok(["ifindex","name","namespace","namespace_id","netnsid"]; [])
            and (.ifindex | num) and (.name | strn) and (.namespace | strn)
            and (.namespace_id | numn) and (.netnsid | numn)))
    then empty else bad("link") end),
  (.links[].addr_info[] |
    if keysok(["family","local","prefixlen","scope"];
              ["address","broadcast","label","metric","valid_life_time","preferred_life_time",
               "secondary","temporary","nodad","optimistic","dadfailed","home","deprecated",
               "tentative","dynamic","mngtmpaddr","noprefixroute","autojoin","stable-privacy","ifa_flags"])
       and ([.family] | inside(["inet","inet6"])) and (.local | str)
       and (.prefixlen | num) and (.scope | str)
       and ([.address, .broadcast, .label, .ifa_flags] | all(. == null or type == "string"))
       and ([.metric, .valid_life_time, .preferred_life_time] | all(. == null or type == "number"))
    then empty else bad("address") end),
  (.routes[] |
    if keysok(["type","dst","table","protocol","scope","flags","family"];
              ["from","src","tos","gateway","via","dev","prefsrc","metric","uid","metrics","iif","pref","nexthops"])
       and (.dst | str) and ([.family] | inside(["inet","inet6"])) and (.type | str)
       and (.table | str) and (.scope | str) and (.protocol | str) and (.flags | strs)
       and ([.gateway, .dev, .prefsrc, .tos, .pref] | all(. == null or type == "string"))
       and (.metric == null or (.metric | num))
       and ([.nexthops, .metrics] | all(. == null or type == "array"))
    then empty else bad("route") end),
  (.neighbours[] |
    if keysok(["dst","dev","family"]; ["lladdr","router","proxy","extern_learn","offload","state"])
       and (.dev | str) and ([.family] | inside(["inet","inet6"])) and (.dst | str)
       and (.state == null or (.state | strs)) and (.lladdr == null or (.lladdr | str))
    then empty else bad("neighbour") end)
)'
check_eq "show --json: every key and type as in json-schema.md" \
	"$(printf '%s' "$J" | jq -r "$SCHEMA" 2>&1)" ""
jq_() { printf '%s' "$J" | jq -r "$@" 2>&1; }
check_eq "show --json: the host first, id 0, kind host, no name, no holder" \
	"$(jq_ '.namespaces[0] | [.id, .kind, .name, .label, .holder] | tojson')" '[0,"host",null,"host",null]'
check_eq "show --json: the host's inode is ours" \
	"$(jq_ '.namespaces[0].inode')" "$(stat -L -c %i /proc/self/ns/net)"
check_eq "show --json: vnet is named, with the inode of /run/netns/vnet" \
	"$(jq_ '.namespaces[] | select(.name == "vnet") | [.kind, .label, .inode] | tojson')" \
	"[\"named\",\"vnet\",$(stat -L -c %i /run/netns/vnet)]"
VNET_ID=$(jq_ '.namespaces[] | select(.name == "vnet") | .id')
check_eq "show --json: veth0's peer is veth1 in vnet" \
	"$(jq_ '.namespaces[0].links[] | select(.ifname == "veth0") | .peer | [.name, .namespace, .namespace_id] | tojson')" \
	"[\"veth1\",\"vnet\",$VNET_ID]"
check_eq "show --json: veth1's peer is veth0 in the host" \
	"$(jq_ '.namespaces[] | select(.name == "vnet") | .links[] | select(.ifname == "veth1") | .peer | [.name, .namespace, .namespace_id] | tojson')" \
	'["veth0","host",0]'
# the members a link shares with ip are ip's: every key of ip -j -s -s
# link show and of ip -j addr show, with its value (the counters
# separately: traffic may move them between the two reads)
for dev in lo veth0; do
	check_eq "show --json: $dev's link members are ip -j -s -s link show's" \
		"$(jq_ --arg d $dev -S '.namespaces[0].links[] | select(.ifname == $d)
			| del(.addr_info, .peer, .linkinfo, .stats64)')" \
		"$(ip -j -s -s link show $dev | jq -S '.[0] | del(.stats64)')"
	check_eq "show --json: $dev's counters have ip's names" \
		"$(jq_ --arg d $dev -c '.namespaces[0].links[] | select(.ifname == $d)
			| .stats64 | [(.rx | keys), (.tx | keys)]')" \
		"$(ip -j -s -s link show $dev | jq -c '.[0].stats64 | [(.rx | keys), (.tx | keys)]')"
	check_eq "show --json: $dev's addr_info is ip -j addr show's" \
		"$(jq_ --arg d $dev -S '.namespaces[0].links[] | select(.ifname == $d) | .addr_info')" \
		"$(ip -j addr show $dev | jq -S '.[0].addr_info')"
done
check_eq "show --json: veth0's kind as ip -d -j shows it" \
	"$(jq_ '.namespaces[0].links[] | select(.ifname == "veth0") | .linkinfo.info_kind')" \
	"$(ip -d -j link show veth0 | jq -r '.[0].linkinfo.info_kind')"
check_eq "show --json: lo's counters are lo's (no traffic on it here)" \
	"$(jq_ -S '.namespaces[0].links[] | select(.ifname == "lo") | .stats64')" \
	"$(ip -j -s -s link show lo | jq -S '.[0].stats64')"
check_eq "show --json: links by ascending ifindex" \
	"$(jq_ '[.namespaces[] | [.links[].ifindex] | . == sort] | all')" true
check_eq "show --json: vnet's IPv4 address" \
	"$(jq_ '.namespaces[] | select(.name == "vnet") | .links[] | select(.ifname == "veth1") | .addr_info[] | select(.family == "inet") | [.local, .prefixlen, .scope, .label] | tojson')" \
	'["10.0.2.0",24,"global","veth1"]'
check_eq "show --json: vnet's main table, as ip -n vnet route lists it" \
	"$(jq_ '.namespaces[] | select(.name == "vnet") | .routes[] | select(.table == "main" and .family == "inet") | [.dst, .dev, .scope, .protocol, .prefsrc] | tojson')" \
	'["10.0.1.0","veth1","link","boot",null]
["10.0.2.0/24","veth1","link","kernel","10.0.2.0"]'
check_eq "show --json: w1 is there too, empty but for lo" \
	"$(jq_ '.namespaces[] | select(.name == "w1") | [.kind, [.links[].ifname]] | tojson')" '["named",["lo"]]'
# show writes as it goes: output it cannot write is said, exit 1
if [ -w /dev/full ]; then
	for j in "" --json; do
		nsv show $j >/dev/full 2>"$TMPD/err"
		check_eq "show${j:+ $j} >/dev/full: exit status 1" "$?" 1
		check_eq "show${j:+ $j} >/dev/full: said why" "$(cat "$TMPD/err")" \
			"nsviz: show: cannot write the output: No space left on device"
	done
fi

# --- ping and netns exec: exit statuses ---------------------------------------------
run nsv ping -c 1 -W 2 10.0.2.0
check_eq "ping with a reply: exit status 0" "$RC" 0
check_match "ping with a reply: 1 received" "$OUT" '^1 packets transmitted, 1 received, 0% packet loss'
ip netns exec vnet sh -c 'echo 1 >/proc/sys/net/ipv4/icmp_echo_ignore_all' ||
	echo "# could not make vnet ignore echo requests"
run nsv ping -c 1 -W 1 10.0.2.0
check_eq "ping with no reply: exit status 1" "$RC" 1
check_match "ping with no reply: 0 received" "$OUT" '^1 packets transmitted, 0 received, 100% packet loss'
ip netns exec vnet sh -c 'echo 0 >/proc/sys/net/ipv4/icmp_echo_ignore_all'
run nsv -n w1 ping -c 1 -W 1 10.0.2.0
check_eq "ping with no route: exit status 2" "$RC" 2
check_match "ping with no route: connect: Network is unreachable" "$OUT$ERR" 'connect: Network is unreachable'
run nsv ping -c 0 10.0.2.0
check_eq "ping with a bad count: exit status 1" "$RC" 1
# a link-local address with its interface (ADDR%IF), as iputils takes it,
# between two new namespaces (IPv6 is on there; no duplicate address
# detection, so neither end's address is ever tentative)
ip netns add z1 && ip netns add z2 &&
	for z in z1 z2; do
		ip netns exec $z sh -c 'echo 0 >/proc/sys/net/ipv6/conf/default/accept_dad'
	done &&
	ip -n z1 link add zz type veth peer name zz netns z2 &&
	ip -n z1 link set zz up && ip -n z2 link set zz up ||
	echo "# could not make z1 and z2"
i=0
while [ $i -lt 200 ] && { [ -z "$(ip -n z1 -6 addr show dev zz scope link -tentative)" ] ||
	[ -z "$(ip -n z2 -6 addr show dev zz scope link -tentative)" ]; }; do
	sleep 0.05; i=$((i + 1))
done
LL=$(ip -n z2 -6 -o addr show dev zz scope link | awk '{print $4}' | cut -d/ -f1)
run nsv -n z1 ping -c 1 "$LL%zz"
check_eq "ping LL%zz: exit status 0" "$RC" 0
check_eq "ping LL%zz: iputils' first line" "$(printf '%s\n' "$OUT" | head -n1)" \
	"$(ip netns exec z1 ping -c 1 "$LL%zz" | head -n1)"
check_match "ping LL%zz: the reply, from LL%zz" "$OUT" \
	"^64 bytes from $LL%zz: icmp_seq=1 ttl=64 time="
run nsv -n z1 ping -c 1 "$LL%nosuch"
# checked before the ping, as every command checks its device (iputils
# says "Name or service not known")
check_eq "ping LL%nosuch: exit status 1" "$RC" 1
check_eq "ping LL%nosuch: the device and the namespace named" "$OUT$ERR" \
	"nsviz: nosuch: no such device in namespace z1"
ip netns del z1; ip netns del z2
check_rc "netns exec: the program's status (0)" 0 nsv netns exec vnet true
check_rc "netns exec: the program's status (7)" 7 nsv netns exec vnet sh -c 'exit 7'
run nsv netns exec vnet cat /proc/net/dev
check_match "netns exec: the program's output, from inside vnet" "$OUT" '^ *veth1:'

# --- -c: ';' and newlines, quoting, comments, empty commands ------------------------
run nsv -c 'netns add s1; netns add s2
netns add s3;;  ;
netns add s4'
check_eq "-c: ';' and newlines: exit status 0" "$RC" 0
check_eq "-c: ';' and newlines: quiet" "$OUT$ERR" ""
check_eq "-c: ';' and newlines: all four ran" "$(nss s1 s2 s3 s4)" "s1:yes s2:yes s3:yes s4:yes"
run nsv -c "netns add 'q;1'; netns add q\\;2; netns add \"q;3\""
check_eq "-c: quoted and escaped ';': exit status 0" "$RC" 0
check_eq "-c: a quoted or escaped ';' is part of the word" "$(nss 'q;1' 'q;2' 'q;3' q 1 2 3)" \
	"q;1:yes q;2:yes q;3:yes q:no 1:no 2:no 3:no"
run nsv -c 'netns add k1 # netns add k2; netns add k3
netns add k4'
check_eq "-c: comment: exit status 0" "$RC" 0
check_eq "-c: '#' comments out the rest of its line" "$(nss k1 k2 k3 k4)" "k1:yes k2:no k3:no k4:yes"

# --- -c stops at the first error; -force goes on ------------------------------------
run nsv -c 'netns add e1; link set nope0 up; netns add e2
netns add e3'
check_eq "-c: an error: exit status 1" "$RC" 1
check_eq "-c: an error: its message" "$ERR" "nsviz: nope0: no such device in the host namespace"
check_eq "-c: ran up to the error, nothing after it" "$(nss e1 e2 e3)" "e1:yes e2:no e3:no"
run nsv -c 'netns add e4
frob
netns add e5'
check_eq "-c: an error on line 2: exit status 1" "$RC" 1
check_eq "-c: nothing after line 2 ran" "$(nss e4 e5)" "e4:yes e5:no"

run nsv -force -c 'netns add f1; link set nope0 up; netns add f2
frob
netns add f3'
check_eq "-force -c: exit status still 1" "$RC" 1
check_eq "-force -c: both errors reported" "$ERR" \
"nsviz: nope0: no such device in the host namespace
nsviz: frob: unknown command (expected addr, route, rule, neigh, link, netns, ping, echo, send, sysctl, why or nft)"
check_eq "-force -c: went on after the errors" "$(nss f1 f2 f3)" "f1:yes f2:yes f3:yes"
check_rc "-force -c with no error: exit status 0" 0 nsv -force -c 'netns add f4; netns add f5'
check_rc "--force is -force" 1 nsv --force -c 'frob; netns add f6'
check_eq "--force went on" "$(nss f6)" "f6:yes"

# --- -b ---------------------------------------------------------------------------------
cat >"$TMPD/ok.batch" <<'EOF'
# a batch file: comments, blank lines, continued lines

netns add b1
   # an indented comment
link add bv0 type veth \
    peer name bv1
netns add b2 # a comment after a command

addr add 10.0.7.1/24 \
  dev bv0
EOF
run nsv -b "$TMPD/ok.batch"
check_eq "-b: exit status 0" "$RC" 0
check_eq "-b: quiet" "$OUT$ERR" ""
check_eq "-b: the namespaces" "$(nss b1 b2)" "b1:yes b2:yes"
check_eq "-b: the continued link add" "$(ip -o link show bv1 2>&1 | cut -d' ' -f2)" "bv1@bv0:"
check_match "-b: the continued addr add" "$(ip -o addr show dev bv0 2>&1)" ' inet 10\.0\.7\.1/24 '

cat >"$TMPD/err.batch" <<'EOF'
# line 1

netns add b3
link add \
  bv0 type veth peer name bv9
netns add b4
frob
netns add b5
EOF
run nsv -b "$TMPD/err.batch"
check_eq "-b with an error: exit status 1" "$RC" 1
check_match "-b: the error of a continued command as FILE:LINE: message" "$ERR" \
	"^$TMPD/err\\.batch:[45]: bv0: device already exists in the host namespace\$"
check_eq "-b: one error reported" "$(printf '%s\n' "$ERR" | wc -l)" 1
check_eq "-b: stopped at the first error" "$(nss b3 b4 b5)" "b3:yes b4:no b5:no"
ip netns del b3
run nsv -force -b "$TMPD/err.batch"
check_eq "-force -b: exit status still 1" "$RC" 1
check_match "-force -b: first error" "$ERR" "^$TMPD/err\\.batch:[45]: bv0: device already exists"
check_match "-force -b: second error on line 7, counting continued lines" "$ERR" \
	"^$TMPD/err\\.batch:7: frob: unknown command"
check_eq "-force -b: went on" "$(nss b3 b4 b5)" "b3:yes b4:yes b5:yes"

run sh -c 'printf "netns add i1\n\n# c\nfrob\nnetns add i2\n" | "$NSVIZ" -b -'
check_eq "-b - (stdin): exit status 1" "$RC" 1
check_eq "-b - (stdin): errors as stdin:LINE: message" "$ERR" \
	"stdin:4: frob: unknown command (expected addr, route, rule, neigh, link, netns, ping, echo, send, sysctl, why or nft)"
check_eq "-b - (stdin): ran up to the error" "$(nss i1 i2)" "i1:yes i2:no"

run nsv -b "$TMPD/missing.batch"
check_eq "-b of a missing file: exit status 1" "$RC" 1
check_match "-b of a missing file: names it" "$ERR" "$TMPD/missing\\.batch: No such file or directory"
mkdir "$TMPD/dir.batch"
run nsv -b "$TMPD/dir.batch"
check_eq "-b of a directory: exit status 1" "$RC" 1
check_match "-b of a directory: names it" "$ERR" "$TMPD/dir\\.batch: .*[Ii]s a directory"

# --- the prompt, fed through stdin ----------------------------------------------------
run sh -c 'printf "netns add x\nnetns list\nquit\nnetns add y\n" | "$NSVIZ"'
check_eq "prompt: exit status 0" "$RC" 0
check_match "prompt: netns list prints x" "$OUT" '^x$'
check_eq "prompt: no banner or prompt text when stdin is not a terminal" \
	"$(printf '%s\n' "$OUT" | head -n1)" "x"
check_eq "prompt: quit stops reading" "$(nss x y)" "x:yes y:no"
run sh -c 'printf "frob\nnetns add p2\nhelp\nshow\n" | "$NSVIZ"'
check_match "prompt: an error is reported" "$ERR" '^(nsviz: )?frob: unknown command'
check_eq "prompt: goes on after an error" "$(nss p2)" "p2:yes"
check_match "prompt: help prints the usage" "$OUT" '^Usage: nsviz'
check_match "prompt: show prints the world" "$OUT" '^vnet'
check_eq "prompt: ends at end of input, exit status 0" "$RC" 0

# --- --sandbox ----------------------------------------------------------------------------
state() {
	ip netns list; ls -A /run/netns; ip -o link; ip -o addr; ip route
	ip -n vnet -o link; ip -n vnet -o addr; ip -n vnet route
}
state >"$TMPD/state0" 2>&1
run nsv --sandbox -c 'netns add sbx; link add s0 type veth peer name s1 netns sbx
addr add 10.9.0.1/24 dev s0; link set s0 up; netns list; link show s0'
check_eq "--sandbox -c: exit status 0" "$RC" 0
check_eq "--sandbox: its own namespaces only" "$(printf '%s\n' "$OUT" | grep -v '^ ' | grep -v '^[0-9]')" "sbx (id: 0)"
check_match "--sandbox: its own s0" "$OUT" '^[0-9]+: s0@if[0-9]+: '
state >"$TMPD/state1" 2>&1
check_eq "--sandbox left nothing in the enclosing world" "$(cat "$TMPD/state1")" "$(cat "$TMPD/state0")"
check_eq "... no sbx, no s0 here" "$(nss sbx)/$(ip link show s0 2>/dev/null)" "sbx:no/"
run nsv -S netns list
check_eq "-S netns list: empty (the enclosing namespaces are not seen)" "$OUT" ""
run nsv -S show --json
check_eq "-S show --json: exit status 0" "$RC" 0
check_eq "-S show --json: one namespace, the sandbox's host, with lo only" \
	"$(printf '%s' "$OUT" | jq -c '[.namespaces[] | [.kind, [.links[].ifname]]]' 2>&1)" '[["host",["lo"]]]'
SB_INODE=$(printf '%s' "$OUT" | jq -r '.namespaces[0].inode' 2>&1)
check_match "-S show --json: an inode" "$SB_INODE" '^[0-9]+$'
check_nomatch "-S show --json: not our namespace's inode" "$SB_INODE" \
	"^$(stat -L -c %i /proc/self/ns/net)\$"
run nsv -S -v -c 'netns add v1'
check_eq "-S -v: the canonical command" "$ERR" "+ ip netns add v1"
check_eq "-S -v: not here" "$(nss v1)" "v1:no"

done_testing
