#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Cross-checks with the real iproute2, both ways: the kernel holds what
# nsviz made (seen through `ip -j`), and nsviz shows what ip made, with
# link/addr/route lines identical to iproute2's.
. "${TOP_SRCDIR:-$(dirname "$0")/../..}/tests/lib/common.sh"
sandbox_reexec

nsv() { "$NSVIZ" "$@"; }

# ---- nsviz makes, the kernel (ip -j) holds -------------------------------
check_rc "nsviz builds a small topology" 0 nsv -c '
	netns add red; netns add blue
	link add r0 type veth peer name b0 netns blue
	link set r0 netns red
	-n red addr add 192.168.7.1/24 dev r0
	-n red addr add fd00:7::1/64 dev r0
	-n blue addr add 192.168.7.2/24 dev b0
	-n red link set r0 up; -n blue link set b0 up
	-n red link set lo up
	-n red link set r0 mtu 1400
	-n red link set r0 address 02:00:00:00:07:01
	-n red route add 10.77.0.0/16 via 192.168.7.2 metric 50
	-n red route add default via 192.168.7.2
	-n blue route add 10.88.0.0/24 dev b0 scope link src 192.168.7.2'

check_eq "ip netns list sees both" "$(ip netns list | cut -d' ' -f1 | sort | tr '\n' ' ')" "blue red "
check_eq "r0 in red (ip -j)" "$(ip -n red -j link show r0 | grep -o '"ifname":"r0"')" '"ifname":"r0"'
check_match "r0 mtu 1400 (ip -j)" "$(ip -n red -j link show r0)" '"mtu":1400'
check_match "r0 MAC (ip -j)" "$(ip -n red -j link show r0)" '"address":"02:00:00:00:07:01"'
check_match "r0 up (ip -j)" "$(ip -n red -j link show r0)" '"operstate":"UP"'
check_match "r0 peer is b0 in blue" "$(ip -n blue -j link show b0)" '"link_netnsid":[0-9]+'
check_match "r0 IPv4 address (ip -j)" "$(ip -n red -j addr show r0)" '"local":"192.168.7.1","prefixlen":24'
check_match "r0 IPv6 address (ip -j)" "$(ip -n red -j addr show r0)" '"local":"fd00:7::1","prefixlen":64'
check_match "route via gateway with metric (ip -j)" "$(ip -n red -j route show 10.77.0.0/16)" '"gateway":"192.168.7.2".*"metric":50'
check_match "default route (ip -j)" "$(ip -n red -j route show default)" '"dst":"default","gateway":"192.168.7.2"'
check_match "route with src (ip -j)" "$(ip -n blue -j route show 10.88.0.0/24)" '"scope":"link","prefsrc":"192.168.7.2"'

# ---- nsviz shows the same text as ip ----------------------------------------
for ns in red blue; do
	for what in "link show" "addr show" "route show"; do
		# shellcheck disable=SC2086
		check_eq "-n $ns $what == ip" "$(nsv -n $ns $what)" "$(ip -n $ns $what)"
	done
	check_eq "netns exec $ns ip link (in-process) == ip" \
		"$(nsv netns exec $ns ip link show)" "$(ip -n $ns link show)"
done
check_eq "route get via a gateway == ip" "$(nsv -n red route get 10.77.1.1)" "$(ip -n red route get 10.77.1.1)"
check_eq "route get on-link == ip" "$(nsv -n red route get 192.168.7.2)" "$(ip -n red route get 192.168.7.2)"
check_eq "route get local == ip" "$(nsv -n red route get 192.168.7.1)" "$(ip -n red route get 192.168.7.1)"
check_eq "route get IPv6 == ip" "$(nsv -n red route get fd00:7::2)" "$(ip -n red route get fd00:7::2)"

# ---- ip makes, nsviz shows ---------------------------------------------------
ip netns add green
ip -n green link add g0 type veth peer name g1
ip -n green addr add 172.16.5.1/16 brd + dev g0
ip -n green addr add 172.16.9.9 peer 172.16.9.10 dev g1
ip -n green link set g0 up
ip -n green link set g1 up
ip -n green link set lo up
ip -n green route add 10.5.0.0/16 via 172.16.0.1
ip -n green route add blackhole 10.6.0.0/16
ip -n green route add 10.7.0.0/16 dev g0 metric 7 proto static
ip -n green -6 addr add 2001:db8::5/64 dev g0 nodad
ip -n green -6 route add 2001:db8:1::/48 via 2001:db8::1

run nsv netns list
check_match "nsviz sees ip's namespace" "$OUT" '^green'
for what in "link show" "addr show" "route show"; do
	# shellcheck disable=SC2086
	check_eq "ip-made: -n green $what == ip" "$(nsv -n green $what)" "$(ip -n green $what)"
done
check_eq "ip-made: link show g1 == ip" "$(nsv -n green link show dev g1)" "$(ip -n green link show dev g1)"
check_eq "ip-made: addr show dev g0 == ip" "$(nsv -n green addr show dev g0)" "$(ip -n green addr show dev g0)"

# changes made by ip while one nsviz process runs are seen by its world
cat >"$TMPD/live.nsviz" <<'B'
-n green link show g0
netns exec green env ip link set g0 mtu 1300
-n green link show g0
B
run nsv -b "$TMPD/live.nsviz"
check_match "a change by a child ip process reaches the world" "$OUT" 'g0@g1: .* mtu 1300 '

# the kernel drops a down link's routes without a notification: one
# nsviz process must still show what ip shows, before and after
cat >"$TMPD/down.nsviz" <<'B'
-n green link set g0 down
-n green route show
-n green link set g0 up
-n green route show
B
run nsv -b "$TMPD/down.nsviz"
# (10.7.0.0/16 dev g0 went with the link and never comes back)
check_nomatch "link down: its routes leave the world too" "$OUT" '^10\.7\.0\.0/16 dev g0'
# (carrier comes back a moment after `up`, so `linkdown` may differ in
# time: compare the routes themselves)
check_eq "link up again: the same routes as ip, in the same process" \
	"$(printf '%s\n' "$OUT" | tail -n "$(ip -n green route show | wc -l)" | cut -d' ' -f1-3)" \
	"$(ip -n green route show | cut -d' ' -f1-3)"

# nsviz deletes what ip made, ip sees it gone
check_rc "nsviz deletes ip's namespace" 0 nsv netns del green
check_eq "ip netns list no longer has green" "$(ip netns list | grep -c green)" "0"
check_rc "ip netns add; nsviz netns del" 0 sh -c 'ip netns add tmpns && "$NSVIZ" netns del tmpns'
check_eq "and ip agrees" "$(ip netns list | grep -c tmpns)" "0"

done_testing
