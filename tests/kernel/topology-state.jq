# SPDX-License-Identifier: GPL-2.0-or-later
# topology-state.jq - a world, object by object, as ip -j shows it
# (tests/kernel/topology.sh): one JSON line per object, without what a
# rebuild changes (ifindex, MAC addresses, nsid numbers, counters,
# operstate) nor what the kernel makes by itself (IPv6 link-local
# addresses, lo's loopback addresses, proto kernel/ra routes, table
# local, the default rules).
#
# Input: one object per namespace, slurped:
#   {ns: "" (the host) | NAME, ids: ip -j netns list-id, links: ip -j -d
#    link, addrs: ip -j addr, r4, r6: ip -j -4|-6 route show table all,
#    u4, u6: ip -j -4|-6 rule, nb: ip -j neigh show nud permanent,
#    sys: ["PATH:VALUE", ...]}

def nsname: if . == "" then "host" else . end;
def clean: with_entries(select(.value != null));

. as $all
| ($all | map({key: .ns,
               value: ((.links // []) | map({key: (.ifindex | tostring),
                                            value: .ifname}) | from_entries)})
  | from_entries) as $idx
| $all[]
| .ns as $ns
| ($ns | nsname) as $N
| ((.ids // []) | map({key: (.nsid | tostring), value: (.name // "")})
  | from_entries) as $ids
| (
    ((.links // [])[]
     | (.linkinfo.info_kind // "") as $k
     | (.linkinfo.info_data // {}) as $d
     | {ns: $N, t: "link", name: .ifname, kind: $k, mtu: .mtu,
        up: ((.flags // []) | index("UP") != null),
        master: .master, alias: .ifalias, txqlen: .txqlen,
        flags: ((.flags // []) - ["UP", "LOWER_UP", "NO-CARRIER", "M-DOWN",
                                  "DORMANT"]),
        group: .group,
        port: (.linkinfo.info_slave_data // null
               | if . == null then null
                 else {cost, priority, learning, flood, hairpin, guard,
                       root_block, fastleave, mcast_flood, bcast_flood,
                       isolated} end),
        peer: (if $k != "veth" then null
               elif .link_netnsid != null then
                 ($ids[.link_netnsid | tostring]) as $pn
                 | if $pn == null then "?nsid\(.link_netnsid)"
                   else ($pn | nsname) + "/" +
                        ($idx[$pn][.link_index | tostring] // "?") end
               else $N + "/" + (.link // $idx[$ns][.link_index | tostring]
                                // "?") end),
        lower: (if $k == "macvlan" or $k == "ipvlan" then .link else null end),
        opts: (if $k == "bridge" then
                 $d | {stp_state, priority, forward_delay, hello_time,
                       max_age, ageing_time, vlan_filtering, mcast_snooping}
               elif $k == "macvlan" or $k == "ipvlan" then $d | {mode}
               elif $k == "vxlan" then
                 $d | {id, remote, group, local, remote6, group6, local6,
                       link, port, ttl}
               else null end)}
     | clean),
    ((.addrs // [])[]
     | .ifname as $dev
     | (.addr_info // [])[]
     | select(.local != null)
     | select((.family == "inet6" and (.local | startswith("fe80:"))
               and .prefixlen == 64) | not)
     | select(($dev == "lo" and ((.local == "127.0.0.1" and .prefixlen == 8)
                                 or .local == "::1")) | not)
     | {ns: $N, t: "addr", dev: $dev, family, local, prefixlen,
        peer: .address, broadcast, scope,
        label: (if .label == $dev then null else .label end)}
     | clean),
    ((((.r4 // []) | map(. + {fam: 4})) + ((.r6 // []) | map(. + {fam: 6})))[]
     | select(.protocol != "kernel" and .protocol != "ra"
              and .table != "local")
     | .flags = ((.flags // []) - ["linkdown"])
     | del(.expires)
     | {ns: $N, t: "route"} + .),
    ((((.u4 // []) | map(. + {fam: 4})) + ((.u6 // []) | map(. + {fam: 6})))[]
     | select(((keys == ["fam", "priority", "src", "table"]) and .src == "all" and
               ((.priority == 0 and .table == "local") or
                (.priority == 32766 and .table == "main") or
                (.priority == 32767 and .table == "default"))) | not)
     | {ns: $N, t: "rule"} + .),
    ((.nb // [])[] | {ns: $N, t: "neigh"} + .),
    ((.sys // [])[]
     | capture("^/proc/sys/(?<k>[^:]*):(?<v>.*)$")
     | {ns: $N, t: "sysctl", k, v})
  )
