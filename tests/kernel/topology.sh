#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# nsviz save / apply / diff against the real kernel (issue 13).
#   - random labs made by the real ip (topology-gen.awk: every link kind
#     the kernel has, v4/v6, routes, rules, neighbours, sysctls), saved,
#     then rebuilt in fresh sandboxes by `nsviz -b`, by `nsviz apply` and
#     by the `save --sh` script: each rebuild equals the lab object by
#     object (topology-state.jq over ip -j), diff is empty in the lab
#     and after apply, a second apply has nothing to change, and one
#     change to the lab (topology-mut.awk) is named by diff and undone
#     by apply;
#   - a fixed lab, one change at a time (mtu, a route gone or other, a
#     link down, an address gone, bridge options, sysctls, a rule, a
#     neighbour, links gone): diff names it, apply undoes it; an extra
#     object: diff shows it as "- ...", only apply --prune removes it;
#   - bad files (an unknown verb, a line the kernel refuses half-way, a
#     program to run): FILE:LINE, and nothing changed; a change the live
#     kernel refuses: apply says how far it got;
#   - hostile names (quotes, $, ;, backquotes) round-trip, running nothing;
#   - a file of one namespace says nothing of the others;
#   - what save cannot write is saved or said, and the file still runs.
# Each lab is built in a fresh nested sandbox (its own network and
# mount namespaces inside the test's): the host of the lab is that
# sandbox's namespace.  TOPO_SEEDS=N (default 20) labs, from seed
# TOPO_SEED0 (default 1); a failing lab prints its seed and its commands:
# `awk -v seed=N -f tests/kernel/topology-gen.awk` makes it again.
. "${TOP_SRCDIR:-$(dirname "$0")/../..}/tests/lib/common.sh"

HERE=$TOP_SRCDIR/tests/kernel
SELF=$HERE/topology.sh

# ip in namespace $1 ("" = the one we are in)
ipn() {
	_n=$1
	shift
	if [ -n "$_n" ]; then ip -n "$_n" "$@"; else ip "$@"; fi
}
inns() {
	_n=$1
	shift
	if [ -n "$_n" ]; then ip netns exec "$_n" "$@"; else "$@"; fi
}
json() { _j=$("$@" 2>/dev/null); printf '%s' "${_j:-[]}"; }

# state: the world we are in (this namespace as "host", and every named
# one), one JSON line per object, sorted
state() {
	_st=$(mktemp) || return 1
	{
		printf '%s\n' ""
		ls -1 /run/netns
	} | while IFS= read -r ns; do
		# links first: dumping a veth whose peer is in another
		# namespace gives that one an nsid here (the kernel does it
		# then), which list-id then knows
		_links=$(json ipn "$ns" -j -d link show)
		printf '{"ns":%s,"links":%s,"ids":%s,"addrs":%s,' \
			"$(printf '%s' "$ns" | jq -R -s .)" "$_links" \
			"$(json ipn "$ns" -j netns list-id)" \
			"$(json ipn "$ns" -j addr show)"
		printf '"r4":%s,"r6":%s,"u4":%s,"u6":%s,"nb":%s,"sys":%s}\n' \
			"$(json ipn "$ns" -j -4 route show table all)" \
			"$(json ipn "$ns" -j -6 route show table all)" \
			"$(json ipn "$ns" -j -4 rule show)" \
			"$(json ipn "$ns" -j -6 rule show)" \
			"$(json ipn "$ns" -j neigh show nud permanent)" \
			"$(inns "$ns" sh -c 'cd /proc/sys/net && grep -H "" \
				ipv4/ip_forward ipv4/conf/*/rp_filter \
				ipv4/conf/*/forwarding ipv6/conf/*/forwarding \
				ipv6/conf/*/disable_ipv6' |
			   sed 's|^|/proc/sys/net/|' | jq -R . | jq -s -c .)"
	done >"$_st.in" || return 1
	jq -s -c -S -f "$HERE/topology-state.jq" <"$_st.in" >"$_st.out" ||
		{ echo "state: jq failed" >&2; return 1; }
	sort "$_st.out"
}

# mutate: (in a lab's sandbox, in its directory) each change of the file
# muts (NAME TAB PRUNE TAB COMMAND), then diff F, apply F (and apply
# --prune F when PRUNE is 1): each one's output and status, and the state
# after it, in NAME.*
mutate() {
	while IFS='	' read -r name prune cmd; do
		sh -c "$cmd" </dev/null >"$name.mut" 2>&1 ||
			echo "the change failed: $?" >>"$name.mut"
		"$NSVIZ" diff F </dev/null >"$name.diff" 2>&1; echo $? >>"$name.diff"
		"$NSVIZ" apply F </dev/null >"$name.apply" 2>&1; echo $? >>"$name.apply"
		state </dev/null >"$name.state"
		if [ "$prune" = 1 ]; then
			"$NSVIZ" apply --prune F </dev/null >"$name.prune" 2>&1
			echo $? >>"$name.prune"
			state </dev/null >"$name.pstate"
		fi
		# whatever happened, the next change starts from the lab
		"$NSVIZ" apply --prune F </dev/null >/dev/null 2>&1
	done <muts
}

case "${1:-}" in
state) state; _rc=$?; rm -f "$_st" "$_st.in" "$_st.out"; exit $_rc ;;
mutate) mutate; exit ;;
esac

sandbox_reexec
# TOPO_KEEP=DIR: the labs' files are left there (to look at a failure)
if [ -n "${TOPO_KEEP:-}" ]; then
	trap 'rm -rf "$TOPO_KEEP"; cp -r "$TMPD" "$TOPO_KEEP"; rm -rf "$TMPD"' EXIT
fi
command -v jq >/dev/null || { echo "SKIP: jq is needed"; exit 77; }
command -v sysctl >/dev/null || { echo "SKIP: sysctl is needed"; exit 77; }

# fresh DIR SCRIPT [ARG...]: SCRIPT (shell text, ARGs in $1...) in a new
# sandbox of its own, in DIR; its exit status
fresh() {
	_d=$1
	shift
	(cd "$_d" && unshare --net --mount --pid --fork --mount-proc \
		--propagation private sh -c '
		mount -t tmpfs -o mode=0755 tmpfs /run/netns || exit 99
		ip link set lo up || exit 99
		_s=$1
		shift
		eval "$_s"' fresh "$@")
}
export NSVIZ SELF

# ml TEXT: TEXT with its lines after the first as TAP comments
ml() { printf '%s\n' "$1" | sed '2,$s/^/#   /'; }
# same DESC A B [NOTE...]: the two states (files) are equal, else the
# difference (and the NOTEs)
same() {
	_d=$1 _a=$2 _b=$3
	shift 3
	if cmp -s "$_a" "$_b"; then pass "$_d"; else
		_w=$(diff "$_a" "$_b" | grep '^[<>]' | head -20)
		fail "$_d" "$(ml "$_w")" "$(for _l in "$@"; do ml "$_l"; done)"
	fi
}

# the kinds this kernel has
IPVLAN=0
if fresh "$TMPD" 'ip link add d0 type veth peer name d1 &&
		ip link add link d0 name iv0 type ipvlan' 2>/dev/null; then
	IPVLAN=1
fi
for k in macvlan vxlan bridge; do
	case $k in
	macvlan) c='ip link add d0 type veth peer name d1 && ip link add link d0 name k0 type macvlan' ;;
	vxlan) c='ip link add k0 type vxlan id 1 dstport 4789' ;;
	bridge) c='ip link add k0 type bridge' ;;
	esac
	if ! fresh "$TMPD" "$c" 2>/dev/null; then
		echo "# this kernel has no $k links"
		fail "the kernel makes $k links (the labs need them)"
	fi
done
[ $IPVLAN = 1 ] || skip "ipvlan in the labs: this kernel has no ipvlan links"

# ---- 1-3. random labs: save, then -b, apply, the --sh script ----------------

N=${TOPO_SEEDS:-20}
SEED0=${TOPO_SEED0:-1}
seed=$SEED0
while [ "$seed" -lt $((SEED0 + N)) ]; do
	D=$TMPD/lab$seed
	mkdir -p "$D"
	awk -v seed="$seed" -v ipvlan=$IPVLAN -f "$HERE/topology-gen.awk" >"$D/lab.sh"
	why="seed $seed: awk -v seed=$seed -v ipvlan=$IPVLAN -f tests/kernel/topology-gen.awk"
	# A: the lab, made by ip; saved
	if ! fresh "$D" 'sh -e -x lab.sh 2>lab.err || exit 3
		sh "$SELF" state >A || exit 5
		"$NSVIZ" save F 2>save.err || exit 4
		"$NSVIZ" save --sh F.sh 2>>save.err || exit 4
		"$NSVIZ" diff F >a.diff 2>&1; echo $? >a.diffrc
		sh "$SELF" state >A2'; then
		fail "$why: the lab is made and saved" "$(tail -3 "$D/lab.err")" \
			"$(cat "$D/save.err" 2>/dev/null)"
		seed=$((seed + 1))
		continue
	fi
	# a lab of a few objects, so the comparisons compare something
	check_match "seed $seed: the lab is read ($(wc -l <"$D/A") objects)" \
		"$(wc -l <"$D/A")" '^[1-9][0-9]+$'
	# the lab is still itself (save changed nothing)
	same "seed $seed: save changes nothing" "$D/A" "$D/A2" "$why"
	check_eq "seed $seed: diff of the lab with its own file: nothing, exit 0" \
		"$(cat "$D/a.diffrc") $(cat "$D/a.diff")" "0 "
	check_nomatch "seed $seed: the file leaves nothing out" \
		"$(sed -n '/^# Left out/,/^[^#]/p' "$D/F")" '^# Left out'
	# B: nsviz -b F
	if fresh "$D" '"$NSVIZ" -b F >b.out 2>&1 || exit 1; sh "$SELF" state >B'; then
		same "seed $seed: -b rebuilds the lab" "$D/A" "$D/B" "$why"
	else
		fail "seed $seed: -b F runs" "$(cat "$D/b.out")" "$why"
	fi
	# C: nsviz apply F; then diff, apply again; then one change
	awk -v seed="$seed" -f "$HERE/topology-mut.awk" "$D/lab.sh" >"$D/mut.sh"
	fresh "$D" '"$NSVIZ" apply F >c.out 2>c.err; echo $? >c.rc
		sh "$SELF" state >C
		"$NSVIZ" diff F >c.diff 2>c.differr; echo $? >c.diffrc
		"$NSVIZ" apply F >c.out2 2>c.err2; echo $? >c.rc2
		sh mut.sh >m.err 2>&1 || echo "the change failed: $?" >>m.err
		"$NSVIZ" diff F >m.diff 2>&1; echo $? >>m.diff
		"$NSVIZ" apply F >m.apply 2>&1; echo $? >>m.apply
		sh "$SELF" state >M'
	if [ "$(cat "$D/c.rc")" = 0 ]; then
		same "seed $seed: apply rebuilds the lab" "$D/A" "$D/C" "$why"
	else
		fail "seed $seed: apply F succeeds" "$(tail -5 "$D/c.err")" "$why"
	fi
	check_eq "seed $seed: diff after apply: nothing, exit 0" \
		"$(cat "$D/c.diffrc") $(cat "$D/c.diff" "$D/c.differr")" "0 "
	check_match "seed $seed: a second apply has nothing to change" \
		"$(cat "$D/c.rc2") $(cat "$D/c.out2" "$D/c.err2")" \
		'^0 nsviz: apply: nothing to change'
	m="seed $seed: after \`$(cat "$D/mut.sh")\`"
	if [ -s "$D/m.err" ]; then
		fail "$m: the change is made" "$(cat "$D/m.err")" "$why"
	else
		check_match "$m: diff exits 1, with commands" \
			"$(cat "$D/m.diff")" '^(- )?ip .*
1$'
		# against the world before the change (C): a lab that does
		# not round-trip fails above, not here too
		same "$m: apply undoes it" "$D/C" "$D/M" \
			"diff said: $(cat "$D/m.diff")" "apply said: $(cat "$D/m.apply")" \
			"$why"
	fi
	# D: the --sh script
	if [ -x "$D/F.sh" ] && head -1 "$D/F.sh" | grep -q '^#!/bin/sh'; then
		pass "seed $seed: the --sh script is an executable sh script"
	else
		fail "seed $seed: the --sh script is an executable sh script" \
			"$(ls -l "$D/F.sh")" "$(head -1 "$D/F.sh")"
	fi
	if fresh "$D" 'sh F.sh >d.out 2>&1 || exit 1; sh "$SELF" state >D'; then
		same "seed $seed: the --sh script rebuilds the lab" "$D/A" "$D/D" "$why"
	else
		fail "seed $seed: the --sh script runs" "$(tail -5 "$D/d.out")" "$why"
	fi
	seed=$((seed + 1))
done

# ---- 4. one change: diff names it, apply undoes it ------------------------

D=$TMPD/fixed
mkdir -p "$D"
cat >"$D/lab.sh" <<'EOF'
ip netns add r
ip netns add s
ip -n r link add a0 type veth peer name b0 netns s
ip -n r addr add 10.9.0.1/24 dev a0
ip -n r addr add 2001:db8:9::1/64 dev a0
ip -n s addr add 10.9.0.2/24 dev b0
ip -n r link set a0 up
ip -n s link set b0 up
ip -n s link add br0 type bridge stp_state 1 priority 4096
ip -n s link add p0 type veth peer name q0
ip -n s link set p0 master br0
ip -n s link set p0 up
ip -n s link set q0 up
ip -n s link set br0 up
ip -n s addr add 10.8.0.1/24 dev br0
ip -n s link add link b0 name mv0 type macvlan mode bridge
ip -n r route add 172.16.1.0/24 via 10.9.0.2 metric 5
ip -n r route add 172.16.2.0/24 via 10.9.0.2 table 100
ip -n r -6 route add 2001:db8:ff::/64 via 2001:db8:9::2 dev a0
ip -n r rule add from 10.9.0.0/24 lookup 100 pref 100
ip -n r neigh add 10.9.0.7 lladdr 02:00:00:00:00:07 dev a0 nud permanent
ip netns exec s sysctl -q -w net.ipv4.ip_forward=1
ip netns exec r sysctl -q -w net.ipv4.conf.a0.rp_filter=2
EOF
: >"$D/muts"
: >"$D/pats"
# mut NAME PRUNE COMMAND PATTERN: the change COMMAND; diff's output must
# match PATTERN (grep -E); PRUNE 1: an extra object (diff: "- ...")
mut() {
	printf '%s\t%s\t%s\n' "$1" "$2" "$3" >>"$D/muts"
	printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$4" "$3" >>"$D/pats"
}
mut mtu 0 'ip -n r link set a0 mtu 1400' '^ip -n r link set (dev )?a0 mtu 1500$'
mut route-gone 0 'ip -n r route del 172.16.1.0/24' \
	'^ip -n r route add 172.16.1.0/24 via 10.9.0.2 .*metric 5'
mut route-other 0 'ip -n r route replace 172.16.2.0/24 via 10.9.0.3 table 100' \
	'^ip -n r route (replace|add) 172.16.2.0/24 .*via 10.9.0.2'
mut route6-gone 0 'ip -n r -6 route del 2001:db8:ff::/64' \
	'^ip -n r -6 route add 2001:db8:ff::/64 via 2001:db8:9::2'
mut link-down 0 'ip -n s link set br0 down' '^ip -n s link set (dev )?br0 up$'
# a link down takes its routes and neighbours with it
mut link-down-routes 0 'ip -n r link set a0 down' \
	'^ip -n r link set (dev )?a0 up$'
mut addr-gone 0 'ip -n s addr del 10.8.0.1/24 dev br0' \
	'^ip -n s addr add 10.8.0.1/24 dev br0$'
mut bridge-opt 0 'ip -n s link set dev br0 type bridge priority 8192' \
	'^ip -n s link set (dev )?br0 type bridge priority 4096$'
mut bridge-stp 0 'ip -n s link set dev br0 type bridge stp_state 0' \
	'^ip -n s link set (dev )?br0 type bridge stp_state 1$'
mut sysctl 0 'ip netns exec s sysctl -q -w net.ipv4.ip_forward=0' \
	'net\.ipv4\.ip_forward=1'
mut sysctl-if 0 'ip netns exec r sysctl -q -w net.ipv4.conf.a0.rp_filter=0' \
	'net\.ipv4\.conf\.a0\.rp_filter=2'
mut rule-gone 0 'ip -n r rule del pref 100' \
	'^ip -n r rule add from 10.9.0.0/24 .*lookup 100'
mut neigh-other 0 'ip -n r neigh replace 10.9.0.7 lladdr 02:00:00:00:00:08 dev a0 nud permanent' \
	'^ip -n r neigh (replace|add) 10.9.0.7 lladdr 02:00:00:00:00:07 dev a0'
mut port-gone 0 'ip -n s link del p0' \
	'^ip -n s link add (p0 type veth peer name q0|q0 type veth peer name p0)'
mut nomaster 0 'ip -n s link set p0 nomaster' '^ip -n s link set (dev )?p0 master br0$'
mut macvlan-gone 0 'ip -n s link del mv0' \
	'^ip -n s link add link b0 name mv0 type macvlan mode bridge$'
mut pair-gone 0 'ip -n r link del a0' \
	'^ip -n r link add a0 type veth peer name b0 netns s$'
# links in the way: the same name, made otherwise
mut other-kind 0 'ip -n s link del br0 && ip -n s link add br0 type veth peer name zz' \
	'^ip -n s link add br0 type bridge'
mut other-peer 0 'ip -n r link del a0 && ip -n r link add a0 type veth peer name c0' \
	'^ip -n r link add a0 type veth peer name b0 netns s$'
mut other-mode 0 'ip -n s link del mv0 && ip -n s link add link b0 name mv0 type macvlan mode private' \
	'^ip -n s link add link b0 name mv0 type macvlan mode bridge$'
mut extra-route 1 'ip -n r route add 172.16.9.0/24 via 10.9.0.2' \
	'^- ip -n r route del 172.16.9.0/24'
mut extra-addr 1 'ip -n r addr add 10.9.0.50/24 dev a0' \
	'^- ip -n r addr del 10.9.0.50/24 dev a0$'
mut extra-link 1 'ip -n s link add x0 type veth peer name x1' \
	'^- ip -n s link del (dev )?x[01]$'
mut extra-rule 1 'ip -n r rule add to 172.16.0.0/12 lookup 100 pref 200' \
	'^- ip -n r rule del .*pref 200'
mut extra-neigh 1 'ip -n s neigh add 10.9.0.8 lladdr 02:00:00:00:00:08 dev b0 nud permanent' \
	'^- ip -n s neigh del 10.9.0.8 dev b0$'
mut extra-sysctl 1 'ip netns exec r sysctl -q -w net.ipv4.conf.all.rp_filter=1' \
	'^- .*net\.ipv4\.conf\.all\.rp_filter=0'

if fresh "$D" 'sh -e -x lab.sh 2>lab.err || exit 3
	"$NSVIZ" save F 2>save.err || exit 4
	sh "$SELF" state >A || exit 5
	sh "$SELF" mutate'; then
	while IFS='	' read -r name prune pat cmd; do
		d="after \`$cmd\`"
		if [ -s "$D/$name.mut" ]; then
			fail "$name: the change is made" "$(cat "$D/$name.mut")"
			continue
		fi
		out=$(sed '$d' "$D/$name.diff")
		check_eq "$name: diff exits 1 $d" "$(tail -1 "$D/$name.diff")" 1
		check_match "$name: diff names the change $d" "$out" "$pat"
		if [ "$prune" = 0 ]; then
			check_nomatch "$name: nothing to prune $d" "$out" '^- '
			check_eq "$name: apply succeeds $d" "$(tail -1 "$D/$name.apply")" 0
			same "$name: apply undoes it $d" "$D/A" "$D/$name.state" \
				"apply said: $(cat "$D/$name.apply")"
		else
			# apply without --prune leaves it, and says so
			check_match "$name: apply leaves it, and says so $d" \
				"$(cat "$D/$name.apply")" 'apply --prune deletes it'
			if cmp -s "$D/A" "$D/$name.state"; then
				fail "$name: apply without --prune leaves it $d"
			else
				pass "$name: apply without --prune leaves it $d"
			fi
			check_eq "$name: apply --prune succeeds $d" \
				"$(tail -1 "$D/$name.prune")" 0
			same "$name: apply --prune removes it $d" "$D/A" \
				"$D/$name.pstate" "apply --prune said: $(cat "$D/$name.prune")"
		fi
	done <"$D/pats"
else
	fail "the fixed lab is made and saved" "$(tail -3 "$D/lab.err")" \
		"$(cat "$D/save.err" 2>/dev/null)"
fi

# ---- 5. bad files: FILE:LINE, nothing changed --------------------------------

D=$TMPD/bad
mkdir -p "$D"
cp "$TMPD/fixed/lab.sh" "$D/lab.sh"
# an unknown verb on line 3
printf '%s\n' 'netns add z' '-n z link add z0 type veth peer name z1' \
	'frobnicate z0' '-n z link set z0 up' >"$D/verb"
# line 5 of 8 fails in the kernel: a gateway no link reaches
printf '%s\n' 'netns add z' '-n z link add z0 type veth peer name z1' \
	'-n z addr add 10.77.0.1/24 dev z0' '-n z link set z0 up' \
	'-n z route add 172.30.0.0/24 via 10.99.0.1' '-n z link set z1 up' \
	'-n r route add 172.31.0.0/24 via 10.9.0.2' '-n s link set br0 down' \
	>"$D/kernel"
# programs: a shell, a ping
printf '%s\n' 'netns add z' 'netns exec z sh -c "touch PWNED"' \
	'-n z link set lo up' >"$D/exec"
printf '%s\n' 'netns add z' '-n z link set lo up' 'ping -c 1 127.0.0.1' \
	>"$D/ping"
# bad FILE N WHAT: apply, diff and -b of FILE say FILE:N, change nothing
bad_file() {
	fresh "$D" 'sh -e lab.sh 2>lab.err || exit 3
		sh "$SELF" state >S0 || exit 5
		"$NSVIZ" apply "$1" >"$1.apply" 2>&1; echo $? >>"$1.apply"
		sh "$SELF" state >"$1.S1"
		"$NSVIZ" diff "$1" >"$1.diff" 2>&1; echo $? >>"$1.diff"
		sh "$SELF" state >"$1.S2"' "$1" ||
		{ fail "$1: the lab is made" "$(cat "$D/lab.err")"; return; }
	out=$(sed '$d' "$D/$1.apply")
	check_match "$1 ($3): apply says $1:$2" "$out" "(^|[ /])$1:$2: "
	check_match "$1 ($3): apply says nothing was changed" "$out" \
		'nothing was changed'
	check_nomatch "$1 ($3): apply runs no command" "$out" '^ip '
	check_eq "$1 ($3): apply exits 1" "$(tail -1 "$D/$1.apply")" 1
	same "$1 ($3): apply changes nothing" "$D/S0" "$D/$1.S1"
	check_match "$1 ($3): diff says $1:$2" "$(cat "$D/$1.diff")" \
		"(^|[ /])$1:$2: "
	check_eq "$1 ($3): diff exits 2" "$(tail -1 "$D/$1.diff")" 2
	same "$1 ($3): diff changes nothing" "$D/S0" "$D/$1.S2"
}
bad_file verb 3 "an unknown verb"
bad_file kernel 5 "a route the kernel refuses"
bad_file exec 2 "netns exec of a shell"
check_eq "exec: the shell did not run" \
	"$(find "$D" -maxdepth 1 -name PWNED | wc -l)" 0
bad_file ping 3 "a ping"
# a line apply cannot make is refused, not dropped: a sysctl a topology
# does not hold, an echo server
D=$TMPD/bad
printf '%s\n' 'netns add z' 'sysctl -q -w net.ipv4.tcp_syncookies=0' >"$D/ksys"
printf '%s\n' 'netns add z' '-n z echo tcp port 5000' >"$D/echo"
for f in ksys echo; do
	fresh "$D" '"$NSVIZ" apply "$1" >"$1.apply" 2>&1; echo $? >>"$1.apply"
		sysctl -n net.ipv4.tcp_syncookies >"$1.after"' "$f"
	if [ "$(tail -1 "$D/$f.apply")" = 1 ] && grep -q "^$f:2: " "$D/$f.apply"; then
		pass "$f: apply refuses line 2 (FILE:LINE)"
	elif [ $f = ksys ] && [ "$(cat "$D/$f.after")" = 0 ]; then
		pass "$f: apply sets net.ipv4.tcp_syncookies"
	else
		fail "$f: apply refuses line 2 or makes it, not drop it (bugs.md 6, 7)" \
			"$(ml "$(cat "$D/$f.apply")")"
	fi
done

# -b stops at the line too (what came before it is made: -b is ip -batch)
fresh "$D" '"$NSVIZ" -b verb >verb.b 2>&1; echo $? >>verb.b' 
check_match "verb: -b says verb:3" "$(cat "$D/verb.b")" '(^|[ /])verb:3: '

# A file that is right but meets the live world half-way: the kernel
# refuses a change that the scratch sandbox took (a VXLAN id that a link
# the file does not have already uses).  apply says how far it got,
# and what it made is what it printed.
sed 's/^ip //' "$D/lab.sh" >"$D/vni"
printf '%s\n' '-n r link add w0 type veth peer name w1' \
	'-n r link add vxb type vxlan id 7 dstport 4789' >>"$D/vni"
fresh "$D" 'sh -e lab.sh 2>lab.err || exit 3
	ip -n r link add vxa type vxlan id 7 dstport 4789 || exit 3
	sh "$SELF" state >V0 || exit 5
	"$NSVIZ" apply vni >vni.out 2>vni.err; echo $? >vni.rc
	sh "$SELF" state >V1' || fail "vni: the lab is made" "$(cat "$D/lab.err")"
check_eq "vni: apply exits 1 when the kernel refuses a change" \
	"$(cat "$D/vni.rc")" 1
check_match "vni: apply says how far it got" "$(cat "$D/vni.err")" \
	'stopped: 1 of [0-9]+ changes? (was|were) made'
check_eq "vni: apply printed the commands it ran, the failed one last" \
	"$(cat "$D/vni.out")" 'ip -n r link add w0 type veth peer name w1
ip -n r link add vxb type vxlan id 7 dstport 4789'
check_match "vni: w0 was made" "$(diff "$D/V0" "$D/V1")" '^> .*"name":"w0"'
check_eq "vni: what changed is what apply printed (w0, w1)" \
	"$(diff "$D/V0" "$D/V1" | grep '^[<>]' |
	   grep -Ev -e '^> .*"(name|dev)":"w[01]"' -e '^> .*/w[01]/')" ""

# ---- hostile names: quotes, $, ;, backquotes -----------------------------

D=$TMPD/names
mkdir -p "$D"
cat >"$D/lab.sh" <<'EOF'
NS='h'"'"'$(touch PWN1);"x'
L1='x;touch${IFS}P2'
L2='q'"'"'"$x'
ip netns add "$NS"
ip -n "$NS" link add "$L1" type veth peer name "$L2"
ip -n "$NS" addr add 10.66.0.1/24 dev "$L1"
ip -n "$NS" addr add 10.66.0.2/24 dev "$L2"
ip -n "$NS" link set "$L1" up
ip -n "$NS" link set "$L2" up
ip -n "$NS" route add 172.16.66.0/24 via 10.66.0.2 dev "$L1" table 100
ip -n "$NS" rule add iif "$L1" lookup 100 pref 10
ip -n "$NS" neigh add 10.66.0.9 lladdr 02:00:00:00:66:09 dev "$L1" nud permanent
ip link add 'h$(>P3)' type veth peer name 'g`>P4`' netns "$NS"
ip link set 'h$(>P3)' mtu 1400
ip -n "$NS" link add 'b"r;' type bridge priority 7
ip -n "$NS" link set 'g`>P4`' master 'b"r;'
ip netns exec "$NS" sh -c 'echo 2 >"/proc/sys/net/ipv4/conf/$1/rp_filter"' sh "$L1"
EOF
if fresh "$D" 'sh -e -x lab.sh 2>lab.err || exit 3
	sh "$SELF" state >A || exit 5
	"$NSVIZ" save F 2>save.err || exit 4
	"$NSVIZ" save --sh F.sh 2>>save.err || exit 4'; then
	check_match "names: the lab is read" "$(wc -l <"$D/A")" '^[1-9][0-9]+$'
	check_nomatch "names: the file leaves nothing out" "$(cat "$D/F")" \
		'^# Left out'
	fresh "$D" '"$NSVIZ" -b F >b.out 2>&1; sh "$SELF" state >B'
	same "names: -b rebuilds the lab" "$D/A" "$D/B" "$(cat "$D/b.out")"
	fresh "$D" '"$NSVIZ" apply F >c.out 2>&1; sh "$SELF" state >C
		"$NSVIZ" diff F >c.diff 2>&1; echo $? >>c.diff'
	same "names: apply rebuilds the lab" "$D/A" "$D/C" "$(cat "$D/c.out")"
	check_eq "names: diff after apply: nothing, exit 0" "$(cat "$D/c.diff")" 0
	fresh "$D" 'sh F.sh >d.out 2>&1; sh "$SELF" state >D'
	same "names: the --sh script rebuilds the lab" "$D/A" "$D/D" \
		"$(cat "$D/d.out")"
	check_eq "names: nothing in a name ran" \
		"$(find "$D" -maxdepth 1 -name 'P*' | wc -l)" 0
else
	fail "names: the lab is made and saved" "$(tail -3 "$D/lab.err")" \
		"$(cat "$D/save.err" 2>/dev/null)"
fi

# ---- a file of some namespaces says nothing of the others ----------------

D=$TMPD/part
mkdir -p "$D"
cp "$TMPD/fixed/lab.sh" "$D/lab.sh"
fresh "$D" 'sh -e lab.sh 2>lab.err || exit 3
	"$NSVIZ" save -n s Fs 2>save.err || exit 4
	ip -n r route del 172.16.1.0/24
	ip -n r link add x0 type veth peer name x1
	ip link add h0 type veth peer name h1
	sh "$SELF" state >P0
	"$NSVIZ" diff Fs >diff.out 2>&1; echo $? >>diff.out
	"$NSVIZ" apply --prune Fs >apply.out 2>&1; echo $? >>apply.out
	sh "$SELF" state >P1' || fail "part: the lab is made" "$(cat "$D/lab.err")"
check_match "part: save -n s saves s" "$(cat "$D/Fs")" '^ip -n s link add br0 '
check_nomatch "part: save -n s saves nothing of r or the host" \
	"$(grep -v '^#' "$D/Fs")" '^ip (-n r |link|addr|route)'
check_eq "part: diff of a file of s ignores changes in r and the host" \
	"$(grep -v '^nsviz: diff: not compared' "$D/diff.out")" 0
check_match "... and says r was not compared" "$(cat "$D/diff.out")" \
	'^nsviz: diff: not compared \(Fs does not name it\): r$'

check_match "part: apply --prune of a file of s has nothing to change" \
	"$(cat "$D/apply.out")" 'nothing to change'
same "part: apply --prune of a file of s leaves r and the host" "$D/P0" "$D/P1"

# ---- what save cannot write: said, and the rest still works ----------------

# limit NAME WHAT: the lab in $TMPD/NAME/lab.sh, saved; -b of the file in
# a fresh sandbox; the file in the world it was saved from (diff)
limit() {
	D=$TMPD/$1
	fresh "$D" 'sh -e -x lab.sh 2>lab.err || exit 3
		sh "$SELF" state >A || exit 5
		"$NSVIZ" save F 2>save.err || exit 4
		"$NSVIZ" diff F >a.diff 2>&1; echo $? >>a.diff' ||
		{ fail "$1: the lab is made and saved" "$(cat "$D/lab.err")"; return 1; }
	fresh "$D" '"$NSVIZ" -b F >b.out 2>&1; echo $? >>b.out
		sh "$SELF" state >B'
}
# addresses with peer, brd, scope (nsviz's addr add has none of them)
mkdir -p "$TMPD/addropts"
cat >"$TMPD/addropts/lab.sh" <<'EOF'
ip netns add r
ip -n r link add a0 type veth peer name a1
ip -n r link set a0 up
ip -n r link set a1 up
ip -n r addr add 10.1.0.1/24 dev a0
ip -n r addr add 10.2.0.1/32 peer 10.2.0.2/32 dev a0
ip -n r addr add 10.3.0.1/24 brd 10.3.0.255 dev a0
ip -n r addr add 10.4.0.1/24 scope link dev a0
ip -n r addr add 2001:db8:4::1/64 scope site dev a0
EOF
if limit addropts; then
	D=$TMPD/addropts
	for a in 10.2.0.1/32 10.3.0.1/24 10.4.0.1/24 2001:db8:4::1/64; do
		if grep -q "^ip -n r addr add $a " "$D/F" ||
		   grep -q "^#   addr $a .*in r: .*cannot be read back" "$D/F"; then
			pass "addropts: $a is saved, or said to be left out"
		else
			fail "addropts: $a is saved, or said to be left out" "$(cat "$D/F")"
		fi
	done
	check_eq "addropts: -b F runs" "$(tail -1 "$D/b.out")" 0
	same "addropts: -b rebuilds addresses with peer, brd, scope (bugs.md 2)" \
		"$D/A" "$D/B"
fi
# a route whose src is one of those addresses
mkdir -p "$TMPD/srcaddr"
cat >"$TMPD/srcaddr/lab.sh" <<'EOF'
ip netns add r
ip -n r link add a0 type veth peer name a1
ip -n r link set a0 up
ip -n r addr add 10.1.0.1/24 dev a0
ip -n r addr add 10.4.0.1/24 scope link dev a0
ip -n r route add 172.16.4.0/24 dev a0 src 10.4.0.1
EOF
if limit srcaddr; then
	D=$TMPD/srcaddr
	check_eq "srcaddr: the file runs where it was saved: diff exits 0 (bugs.md 2)" \
		"$(cat "$D/a.diff")" 0
	check_eq "srcaddr: -b F runs (bugs.md 2)" "$(cat "$D/b.out")" 0
fi
# what ip link set sets beyond mtu, master, up: alias, txqueuelen,
# promisc, arp
mkdir -p "$TMPD/linkset"
cat >"$TMPD/linkset/lab.sh" <<'EOF'
ip link add a0 type veth peer name a1
ip link set a0 alias "my link"
ip link set a1 txqueuelen 5
ip link set a0 promisc on
ip link set a1 arp off
ip link set a1 group 5
ip link set a0 multicast off
ip link set a1 allmulticast on
ip link add br0 type bridge
ip link set a0 master br0
ip link set a0 type bridge_slave cost 5
EOF
if limit linkset; then
	D=$TMPD/linkset
	for w in '"alias":"my link"' '"txqlen":5,' '"PROMISC"' '"NOARP"' \
		'"group":"5"' '"flags":["BROADCAST","PROMISC"]' '"ALLMULTI"' \
		'"cost":5,'; do
		l=$(grep -F "$w" "$D/A")
		# the same link, rebuilt
		lb=$(grep -F "\"name\":\"$(printf '%s' "$l" | jq -r .name)\"" "$D/B" |
		     grep -F '"t":"link"')
		if [ -z "$l" ]; then
			fail "linkset: the lab has $w"
		elif printf '%s' "$lb" | grep -qF "$w" ||
		     grep -qi "^#   .*$(echo "$w" | tr -cd 'a-zA-Z' |
			sed 's/txqlen/txqueuelen/; s/NOARP/arp/; s/^flags.*/multicast/
			     s/ALLMULTI/allmulticast/')" "$D/F"; then
			pass "linkset: $w is saved, or said to be left out"
		else
			fail "linkset: $w is saved, or said to be left out (bugs.md 3, 11)" \
				"$(ml "$(grep -F "$w" "$D/A")")" \
				"$(ml "$(grep -v '^#' "$D/F")")"
		fi
	done
fi

# neighbours that are not permanent but the user's: noarp, proxy
D=$TMPD/neighs
mkdir -p "$D"
cat >"$D/lab.sh" <<'EOF'
ip link add a0 type veth peer name a1
ip link set a0 up
ip addr add 10.1.0.1/24 dev a0
ip neigh add 10.1.0.5 lladdr 02:00:00:00:00:05 dev a0 nud noarp
ip neigh add proxy 10.1.0.6 dev a0
EOF
neighs='ip neigh show nud noarp to 10.1.0.0/24; ip neigh show proxy'
if fresh "$D" 'sh -e -x lab.sh 2>lab.err || exit 3
		eval "$1" >A.n
		"$NSVIZ" save F 2>save.err || exit 4' "$neighs"; then
	fresh "$D" '"$NSVIZ" -b F >b.out 2>&1; eval "$1" >B.n' "$neighs"
	for w in 'nud noarp' 'proxy'; do
		case $w in proxy) a=10.1.0.6 ;; *) a=10.1.0.5 ;; esac
		# proxy entries are not in nsviz's world: the header says
		# they are not saved
		if [ "$(grep "$a" "$D/A.n")" = "$(grep "$a" "$D/B.n")" ] ||
		   grep -q "^#   .*$a" "$D/F" ||
		   { [ "$w" = proxy ] &&
		     grep -q '^# Not saved: .*proxy neighbour entries' "$D/F"; }; then
			pass "neighs: a neighbour with $w is saved, or said to be left out"
		else
			fail "neighs: a neighbour with $w is saved, or said to be left out (bugs.md 11)" \
				"$(grep "$a" "$D/A.n")" "$(ml "$(grep -v '^#' "$D/F")")"
		fi
	done
else
	fail "neighs: the lab is made and saved" "$(cat "$D/lab.err")"
fi

done_testing
