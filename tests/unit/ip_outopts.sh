#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# ip_outopts.sh - makes the topology of tests/unit/test_fmt_opts.c with the real
# ip and prints what ip shows for it; its output, split at the "=== ip" lines,
# is tests/unit/ip_outopts.h.  Run inside a sandbox only:
#   unshare --user --map-root-user --net --mount --pid --fork --mount-proc \
#       --propagation private sh tests/unit/ip_outopts.sh
mount -t tmpfs tmpfs /run 2>/dev/null; mkdir -p /run/netns; mount -t tmpfs tmpfs /run/netns
ip link set lo up
ip netns add a; ip netns add b
ip -n a link set lo up
ip -n a link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02 netns b
ip -n a link set veth0 up; ip -n b link set veth1 up
ip -n a link add br0 address 02:00:00:00:00:10 type bridge
ip -n a link add vx0 address 02:00:00:00:00:20 type veth peer name vx1 address 02:00:00:00:00:21
ip -n a link set vx1 master br0
ip -n a link set vx0 alias "my alias"
ip -n a link set vx0 up
ip -n a addr add 10.0.1.1/24 dev veth0
ip -n a addr add 10.0.1.5/24 dev veth0
ip -n a addr add fd00::1/64 dev veth0 nodad
ip -n a addr add 10.0.7.1 peer 10.0.7.2/32 dev vx0
ip -n b addr add 10.0.1.2/24 dev veth1
ip -n b addr add fd00::2/64 dev veth1 nodad
ip -n a -6 addr add fd00::99/64 dev veth0 nodad  valid_lft 3000 preferred_lft 2000
ip -n a route add 10.9.0.0/16 via 10.0.1.2
ip -n a route add 10.5.0.0/16 dev veth0 metric 7 mtu 1400
ip -n a route add blackhole 10.6.0.0/16
ip -n a -6 route add fd09::/64 via fd00::2
ip -n a neigh add 10.0.1.77 lladdr 02:00:00:00:00:77 dev veth0
ip -n a neigh add 10.0.1.78 dev veth0 nud incomplete 2>/dev/null
ip -n a neigh add fd00::2 lladdr 02:00:00:00:00:02 dev veth0 nud reachable router
sleep 2
ip netns exec a ping -c 3 -i 0.2 10.0.1.2 >/dev/null
sleep 1
for o in "" -br -o -s "-s -s" -j "-j -p" "-j -s -s -p" -4 -6 -0 "-br -4" "-br -6" "-o -4" "-j -6" "-j -br" "-j -o" "-j -p -br" "-j -p -0" "-br -0"; do
 for obj in link addr route neigh; do
  echo "=== ip $o $obj"
  ip -n a $o $obj show 2>&1
 done
done
