/* SPDX-License-Identifier: GPL-2.0-or-later */
/* verbs.c - the verb table: every command of the grammar, one entry each.
 *
 * Objects and verbs are listed in iproute2's order, words nsviz does not
 * support included, so that an abbreviation means what it means to ip
 * (`ip a` is address, `ip r` route, `ip link s` set).  Adding a verb:
 * an enum value (cmd.h), its arguments in the object's struct (cmd.h),
 * one entry here, its parse/canon functions in parse_OBJECT.c, its exec
 * function in exec_OBJECT.c and its line in exec.c's table; see "Adding
 * a verb" in doc/ARCHITECTURE.md.
 */
#include "cmd/verbs.h"

#include <string.h>

#include "cmd/parse_int.h"

#define N(a) (sizeof a / sizeof a[0])

/* iproute2's object table, in its order, then nsviz's own commands. */
#define OBJ(word, name, dflt) { word, name, true, false, dflt, NULL, NULL, CMD_TOOL_IP }
#define OBJ_NOT(word) { word, NULL, false, false, NULL, NULL, NULL, CMD_TOOL_IP }
#define OBJ_OWN(word, need) { word, word, true, true, NULL, NULL, need, CMD_TOOL_IP }

const struct cmd_object cmd_objects[] = {
	OBJ("address", "addr", "show"),
	OBJ_NOT("addrlabel"),
	OBJ_NOT("maddress"),
	OBJ("route", "route", "show"),
	OBJ("rule", "rule", "show"),
	OBJ("neighbor", "neigh", "show"),
	OBJ("neighbour", "neigh", "show"),
	OBJ_NOT("ntable"),
	OBJ_NOT("ntbl"),
	OBJ("link", "link", "show"),
	OBJ_NOT("l2tp"),
	OBJ_NOT("fou"),
	OBJ_NOT("ila"),
	OBJ_NOT("macsec"),
	OBJ_NOT("tunnel"),
	OBJ_NOT("tunl"),
	OBJ_NOT("tuntap"),
	OBJ_NOT("tap"),
	OBJ_NOT("token"),
	OBJ_NOT("tcpmetrics"),
	OBJ_NOT("tcp_metrics"),
	{ "monitor", NULL, false, false, NULL,
	  "not a command here; run nsviz monitor to watch kernel events", NULL,
	  CMD_TOOL_IP },
	OBJ_NOT("xfrm"),
	OBJ_NOT("mroute"),
	OBJ_NOT("mrule"),
	OBJ("netns", "netns", "list"),
	OBJ_NOT("netconf"),
	OBJ_NOT("vrf"),
	OBJ_NOT("sr"),
	OBJ_NOT("nexthop"),
	OBJ_NOT("mptcp"),
	OBJ_NOT("ioam"),
	OBJ_NOT("stats"),
	OBJ_NOT("help"),
	/* nsviz's own: never abbreviated */
	OBJ_OWN("ping", NULL),
	OBJ_OWN("echo", "protocol"),
	OBJ_OWN("send", NULL),
	OBJ_OWN("sysctl", NULL),
	OBJ_OWN("why", NULL),
	/* the nft command: its own options and words (parse_nft.c) */
	OBJ_OWN("nft", "command"),
	/* the bridge command's objects, in bridge(8)'s order */
	{ "link", "bridge link", true, false, "show", NULL, NULL, CMD_TOOL_BRIDGE },
	{ "fdb", "bridge fdb", true, false, "show", NULL, NULL, CMD_TOOL_BRIDGE },
	{ "mdb", NULL, false, false, NULL, NULL, NULL, CMD_TOOL_BRIDGE },
	{ "vlan", "bridge vlan", true, false, "show", NULL, NULL, CMD_TOOL_BRIDGE },
	{ "vni", NULL, false, false, NULL, NULL, NULL, CMD_TOOL_BRIDGE },
	{ "monitor", NULL, false, false, NULL,
	  "not a command here; run nsviz monitor to watch kernel events", NULL,
	  CMD_TOOL_BRIDGE },
	{ "help", NULL, false, false, NULL, NULL, NULL, CMD_TOOL_BRIDGE },
	/* the tc command's objects, in tc(8)'s order */
	{ "qdisc", "tc qdisc", true, false, "show", NULL, NULL, CMD_TOOL_TC },
	{ "class", "tc class", true, false, "show", NULL, NULL, CMD_TOOL_TC },
	{ "filter", NULL, false, false, NULL, NULL, NULL, CMD_TOOL_TC },
	{ "chain", NULL, false, false, NULL, NULL, NULL, CMD_TOOL_TC },
	{ "actions", NULL, false, false, NULL, NULL, NULL, CMD_TOOL_TC },
	{ "monitor", NULL, false, false, NULL,
	  "not a command here; run nsviz monitor to watch kernel events", NULL,
	  CMD_TOOL_TC },
	{ "exec", NULL, false, false, NULL, NULL, NULL, CMD_TOOL_TC },
	{ "help", NULL, false, false, NULL, NULL, NULL, CMD_TOOL_TC },
};
const size_t cmd_nobjects = N(cmd_objects);

#define CH CMD_F_CHANGES
#define NS CMD_F_TAKES_NS
#define RO CMD_F_READ_ONLY
#define NX CMD_F_NOT_IN_EXEC
#define TR CMD_F_SENDS_TRAFFIC
#define OWN CMD_F_OWN
#define OJ CMD_F_OWN_JSON
#define BAD2 CMD_F_BAD_INPUT_2
#define NOT(obj, w) { CMD_NONE, obj, w "\0", NULL, NULL, 0, NULL, NULL, NULL }

const struct cmd_entry cmd_entries[] = {
	/* ---- netns: names are the same in every namespace ---------- */
	{ CMD_NETNS_LIST, "netns", "list\0show\0lst\0", "list",
	  "netns list", RO | NS, netns_init, parse_netns_list, canon_netns },
	{ CMD_NETNS_LIST_ID, "netns", "list-id\0", "list-id",
	  "netns list-id [target-nsid N] [nsid N]", RO | NS, netns_init,
	  parse_netns_list_id, canon_netns },
	NOT("netns", "help"),
	{ CMD_NETNS_ADD, "netns", "add\0", "add",
	  "netns add NAME", CH | NX, netns_init, parse_netns_name, canon_netns },
	{ CMD_NETNS_SET, "netns", "set\0", "set",
	  "netns set NAME N|auto", CH | NS, netns_init, parse_netns_set,
	  canon_netns },
	{ CMD_NETNS_DEL, "netns", "delete\0", "del",
	  "netns del NAME\n-all netns del", CH | NX, netns_init,
	  parse_netns_name, canon_netns },
	{ CMD_NETNS_PIDS, "netns", "pids\0", "pids",
	  "netns pids NAME", RO | NX, netns_init, parse_netns_name, canon_netns },
	{ CMD_NETNS_IDENTIFY, "netns", "identify\0", "identify",
	  "netns identify [PID]", RO | NS, netns_init, parse_netns_identify,
	  canon_netns },
	NOT("netns", "monitor"),
	{ CMD_NETNS_EXEC, "netns", "exec\0", "exec",
	  "netns exec NAME PROG [ARGS...]\n-all netns exec PROG [ARGS...]",
	  TR | NX, netns_init, parse_netns_exec, canon_netns_exec },
	{ CMD_NETNS_ATTACH, "netns", "attach\0", "attach",
	  "netns attach NAME PID", CH | NX, netns_init, parse_netns_attach,
	  canon_netns },

	/* ---- link ----------------------------------------------------- */
	{ CMD_LINK_ADD, "link", "add\0", "add",
	  "link add NAME type veth peer name PEER [netns NS]\n"
	  "link add NAME type bridge [BRIDGE OPTIONS]\n"
	  "link add NAME type dummy\n"
	  "link add link DEV name NAME type vlan id N [protocol 802.1Q|802.1ad]\n"
	  "link add link DEV name NAME type macvlan [mode MODE]\n"
	  "link add link DEV name NAME type ipvlan [mode l2|l3|l3s]\n"
	  "link add NAME type vxlan id N [remote|group ADDR] [local ADDR] "
	  "[dev NAME] [ttl N] [dstport P]", CH | NS, link_init, parse_link_add,
	  canon_link_add },
	{ CMD_LINK_SET, "link", "set\0change\0", "set",
	  "link set [dev] NAME up|down|netns NS|mtu N|address MAC|master BR|"
	  "nomaster|name NEW|alias TEXT|txqueuelen N|promisc on|off|arp on|off\n"
	  "link set [dev] NAME type bridge|bridge_slave OPTIONS",
	  CH | NS, link_init, parse_link_set, canon_link_set },
	NOT("link", "replace"),
	{ CMD_LINK_DEL, "link", "delete\0", "del",
	  "link del [dev] NAME", CH | NS, link_init, parse_link_del,
	  canon_link_dev },
	{ CMD_LINK_SHOW, "link", "show\0lst\0list\0", "show",
	  "link show [[dev] NAME] [up] [type KIND]", RO | NS, link_init,
	  parse_link_show,
	  canon_link_dev },
	NOT("link", "xstats"), NOT("link", "afstats"), NOT("link", "property"),
	NOT("link", "help"),

	/* ---- addr ----------------------------------------------------- */
	{ CMD_ADDR_ADD, "addr", "add\0", "add",
	  "addr add CIDR [peer CIDR] [brd ADDR|+|-] [label NAME] [scope S]"
	  " [metric N]\n"
	  "    dev NAME [valid_lft T] [preferred_lft T]\n"
	  "    [home] [nodad] [mngtmpaddr] [noprefixroute]", CH | NS, addr_init, parse_addr_change,
	  canon_addr },
	NOT("addr", "change"), NOT("addr", "replace"),
	{ CMD_ADDR_DEL, "addr", "delete\0", "del",
	  "addr del CIDR [peer CIDR] [label NAME] dev NAME", CH | NS, addr_init,
	  parse_addr_change, canon_addr },
	{ CMD_ADDR_SHOW, "addr", "list\0show\0lst\0", "show",
	  "addr show [dev NAME] [up]", RO | NS, addr_init, parse_addr_show,
	  canon_addr },
	{ CMD_ADDR_FLUSH, "addr", "flush\0", "flush",
	  "addr flush [dev NAME] [scope S]", CH | NS, addr_init,
	  parse_addr_flush, canon_addr },
	NOT("addr", "save"), NOT("addr", "showdump"),
	NOT("addr", "restore"), NOT("addr", "help"),

	/* ---- route ---------------------------------------------------- */
	{ CMD_ROUTE_ADD, "route", "add\0", "add",
	  "route add PREFIX|default [tos T] [via GW] [dev NAME] [onlink]\n"
	  "    [scope link|host|global] [src ADDR] [metric N] [table T]"
	  " [proto P]\n"
	  "    [mtu N] [pref low|medium|high]\n"
	  "    [nexthop [via GW] [dev NAME] [weight W] [onlink]]...\n"
	  "route add blackhole|unreachable|prohibit|local PREFIX ...",
	  CH | NS, route_init, parse_route_change, canon_route },
	{ CMD_ROUTE_CHANGE, "route", "change\0chg\0", "change",
	  "route change PREFIX|default ... (as route add: the route must exist)",
	  CH | NS, route_init, parse_route_change, canon_route },
	{ CMD_ROUTE_REPLACE, "route", "replace\0", "replace",
	  "route replace PREFIX|default ... (as route add: made or replaced)",
	  CH | NS, route_init, parse_route_change, canon_route },
	{ CMD_ROUTE_PREPEND, "route", "prepend\0", "prepend",
	  "route prepend PREFIX|default ... (as route add: before its equals)",
	  CH | NS, route_init, parse_route_change, canon_route },
	{ CMD_ROUTE_APPEND, "route", "append\0", "append",
	  "route append PREFIX|default ... (as route add: after its equals)",
	  CH | NS, route_init, parse_route_change, canon_route },
	NOT("route", "test"),
	{ CMD_ROUTE_DEL, "route", "delete\0", "del",
	  "route del PREFIX|default [via GW] [dev NAME] [table T] ...", CH | NS,
	  route_init, parse_route_change, canon_route },
	{ CMD_ROUTE_SHOW, "route", "list\0show\0lst\0", "show",
	  "route show [table T|all] [proto P] [scope S] [type T] [dev NAME]\n"
	  "    [via PREFIX] [src PREFIX] [metric N] [[root|match|exact] PREFIX]",
	  RO | NS, route_init, parse_route_show, canon_route },
	{ CMD_ROUTE_GET, "route", "get\0", "get",
	  "route get ADDR [from ADDR [iif NAME]] [oif NAME] [mark M]", RO | NS,
	  route_init, parse_route_get, canon_route },
	NOT("route", "flush"), NOT("route", "save"), NOT("route", "restore"),
	NOT("route", "showdump"), NOT("route", "help"),

	/* ---- rule: `s` is show, `a` add, `d` delete ------------------ */
	{ CMD_RULE_SHOW, "rule", "list\0lst\0show\0", "show",
	  "rule show [not] [from PREFIX] [to PREFIX] [iif NAME] [oif NAME]\n"
	  "    [fwmark M[/MASK]] [tos T] [pref N] [lookup T]", RO | NS,
	  rule_init, parse_rule_show, canon_rule },
	NOT("rule", "save"), NOT("rule", "restore"),
	{ CMD_RULE_ADD, "rule", "add\0", "add",
	  "rule add [not] [from PREFIX] [to PREFIX] [iif NAME] [oif NAME]\n"
	  "    [fwmark M[/MASK]] [tos T] [pref N] [proto P]\n"
	  "    [lookup T | blackhole | unreachable | prohibit]",
	  CH | NS, rule_init, parse_rule_change, canon_rule },
	{ CMD_RULE_DEL, "rule", "delete\0", "del",
	  "rule del SELECTORS [ACTION] (as rule add: the first rule that "
	  "matches)", CH | NS, rule_init, parse_rule_change, canon_rule },
	NOT("rule", "flush"), NOT("rule", "help"),

	/* ---- neigh: `s` is show, `l` is lst, `d` is delete ----------- */
	{ CMD_NEIGH_ADD, "neigh", "add\0", "add",
	  "neigh add ADDR [lladdr MAC] dev NAME\n"
	  "    [nud permanent|noarp|reachable|stale] [router]", CH | NS,
	  neigh_init, parse_neigh_change, canon_neigh },
	{ CMD_NEIGH_CHANGE, "neigh", "change\0chg\0", "change",
	  "neigh change ADDR ... (as neigh add: the entry must exist)", CH | NS,
	  neigh_init, parse_neigh_change, canon_neigh },
	{ CMD_NEIGH_REPLACE, "neigh", "replace\0", "replace",
	  "neigh replace ADDR ... (as neigh add: made or replaced)", CH | NS,
	  neigh_init, parse_neigh_change, canon_neigh },
	{ CMD_NEIGH_DEL, "neigh", "delete\0", "del",
	  "neigh del ADDR dev NAME", CH | NS,
	  neigh_init, parse_neigh_change, canon_neigh },
	NOT("neigh", "get"),
	{ CMD_NEIGH_SHOW, "neigh", "show\0lst\0list\0", "show",
	  "neigh show [dev NAME]", RO | NS, neigh_init, parse_neigh_show,
	  canon_neigh },
	{ CMD_NEIGH_FLUSH, "neigh", "flush\0", "flush",
	  "neigh flush [dev NAME] [nud STATE|all]", CH | NS, neigh_init,
	  parse_neigh_flush, canon_neigh },
	NOT("neigh", "help"),

	/* ---- the bridge command: bridge link|fdb|vlan ----------------- */
	NOT("bridge link", "set\0change"),
	{ CMD_BRIDGE_LINK_SHOW, "bridge link", "show\0lst\0list\0", "show",
	  "bridge link show [dev NAME]", RO | NS, bridge_init,
	  parse_bridge_show, canon_bridge },
	NOT("bridge link", "help"),
	NOT("bridge fdb", "add"), NOT("bridge fdb", "append"),
	NOT("bridge fdb", "replace"), NOT("bridge fdb", "delete"),
	NOT("bridge fdb", "get"),
	{ CMD_BRIDGE_FDB_SHOW, "bridge fdb", "show\0lst\0list\0", "show",
	  "bridge fdb show [dev NAME] [br BRIDGE]", RO | NS, bridge_init,
	  parse_bridge_show, canon_bridge },
	NOT("bridge fdb", "flush"), NOT("bridge fdb", "help"),
	{ CMD_BRIDGE_VLAN_ADD, "bridge vlan", "add\0", "add",
	  "bridge vlan add dev NAME vid VID|FIRST-LAST [pvid] [untagged] [self] "
	  "[master]", CH | NS, bridge_init, parse_bridge_vlan_change,
	  canon_bridge },
	{ CMD_BRIDGE_VLAN_DEL, "bridge vlan", "delete\0", "del",
	  "bridge vlan del dev NAME vid VID|FIRST-LAST [self] [master]", CH | NS,
	  bridge_init, parse_bridge_vlan_change, canon_bridge },
	{ CMD_BRIDGE_VLAN_SHOW, "bridge vlan", "show\0lst\0list\0", "show",
	  "bridge vlan show [dev NAME]", RO | NS, bridge_init,
	  parse_bridge_show, canon_bridge },
	NOT("bridge vlan", "tunnelshow"), NOT("bridge vlan", "set"),
	NOT("bridge vlan", "global"), NOT("bridge vlan", "help"),

	/* ---- nsviz's own ---------------------------------------------- */
	{ CMD_PING, "ping", NULL, NULL,
	  "ping ADDR[%IF] [-c N] [-W SECONDS] [-i SECONDS]", TR | NS | OWN,
	  ping_init, parse_ping, canon_ping },
	{ CMD_SYSCTL, "sysctl", NULL, NULL,
	  "sysctl [-n] KEY\nsysctl -w [-n] [-q] KEY=VALUE", NS | OWN,
	  sysctl_init, parse_sysctl, canon_sysctl },
	{ CMD_WHY, "why", NULL, NULL,
	  "why ADDR[%IF] [proto icmp|tcp|udp] [port P] [from SRC] [--probe] "
	  "[--json]",
	  /* read-only without --probe; with it cmd_sends_traffic() says so */
	  RO | NS | OWN | OJ | BAD2, why_init, parse_why, canon_why },
	{ CMD_ECHO_START, "echo", "tcp\0udp\0", "tcp, udp",
	  "echo tcp|udp [port P] [bind ADDR] [idle S] [max-conns N] "
	  "[max-msg BYTES]", CH | NS | OWN, echo_init, parse_echo_start,
	  canon_echo },
	{ CMD_ECHO_LIST, "echo", "list\0show\0ls\0", "list",
	  "echo list", RO | NX | OWN, echo_init, parse_echo_list, canon_echo },
	{ CMD_ECHO_STOP, "echo", "stop\0", "stop ID",
	  "echo stop ID", CH | NX | OWN, echo_init, parse_echo_id, canon_echo },
	{ CMD_ECHO_LOG, "echo", "log\0", "log ID",
	  "echo log ID", RO | NX | OWN, echo_init, parse_echo_id, canon_echo },
	{ CMD_SEND, "send", NULL, NULL,
	  "send tcp|udp ADDR PORT MESSAGE [timeout S]", TR | NS | OWN,
	  echo_init, parse_send, canon_echo },

	/* ---- the nft command (nft(8)), through libnftables: nft's words,
	 * never abbreviated; the bare object words are nft's implicit add */
	{ CMD_NFT, "nft", "add\0create\0insert\0replace\0delete\0destroy\0"
	  "flush\0reset\0rename\0table\0chain\0rule\0set\0map\0element\0"
	  "flowtable\0counter\0quota\0ct\0limit\0secmark\0synproxy\0",
	  "add",
	  "nft [-a -s -t -S -u -n -y -p -T -e -j -c -o] add|create|insert|"
	  "replace|delete|\n"
	  "    flush|reset|rename ... (nft(8)'s commands, run in the namespace "
	  "of -n)", CH | NS | OWN, nft_init, parse_nft, canon_nft },
	{ CMD_NFT_LIST, "nft", "list\0describe\0get\0", "list",
	  "nft [-a -s -t -S -u -n -y -p -T -j] list ruleset|tables|table|"
	  "chain|set|map ...\n"
	  "nft describe EXPR, nft get element ...", RO | NS | OWN, nft_init,
	  parse_nft, canon_nft },
	NOT("nft", "monitor"), NOT("nft", "export"), NOT("nft", "import"),

	/* ---- the tc command (tc(8)): tc's words and matches() ---------- */
	{ CMD_TC_QDISC_ADD, "tc qdisc", "add\0", "add",
	  "tc [-s] [-d] qdisc add dev NAME [handle H:] root|parent ID\n"
	  "    [netem|tbf|htb|pfifo|bfifo|KIND [OPTIONS]]\n"
	  "    netem [delay T [JITTER [CORR%]] [distribution D]] [loss P% [CORR%]]"
	  " [duplicate P%]\n"
	  "          [corrupt P%] [reorder P% [CORR%]] [gap N] [rate R] "
	  "[limit N]\n"
	  "    tbf rate R burst B latency T|limit B [peakrate R mtu B]\n"
	  "    htb [default ID] [r2q N]    pfifo|bfifo [limit N]",
	  CH | NS, tc_init, parse_tc_qdisc_change, canon_tc },
	{ CMD_TC_QDISC_CHANGE, "tc qdisc", "change\0", "change",
	  "tc qdisc change dev NAME ... (as tc qdisc add: the qdisc must exist)", CH | NS, tc_init, parse_tc_qdisc_change, canon_tc },
	{ CMD_TC_QDISC_REPLACE, "tc qdisc", "replace\0", "replace",
	  "tc qdisc replace dev NAME ... (as tc qdisc add, over what is there)", CH | NS, tc_init, parse_tc_qdisc_change, canon_tc },
	NOT("tc qdisc", "link"),
	{ CMD_TC_QDISC_DEL, "tc qdisc", "delete\0", "del",
	  "tc qdisc del dev NAME [handle H:] root|parent ID", CH | NS, tc_init, parse_tc_qdisc_change, canon_tc },
	{ CMD_TC_QDISC_SHOW, "tc qdisc", "list\0show\0lst\0", "show",
	  "tc [-s] [-d] qdisc show [dev NAME] [root|parent ID|handle H:] "
	  "[invisible]", RO | NS, tc_init, parse_tc_show, canon_tc },
	NOT("tc qdisc", "help"),
	{ CMD_TC_CLASS_ADD, "tc class", "add\0", "add",
	  "tc class add dev NAME parent ID classid ID\n"
	  "    htb rate R [ceil R] [burst B] [cburst B] [prio N] [quantum N]",
	  CH | NS, tc_init, parse_tc_class_change, canon_tc },
	{ CMD_TC_CLASS_CHANGE, "tc class", "change\0", "change",
	  "tc class change dev NAME parent ID classid ID htb ... (as tc class "
	  "add)", CH | NS, tc_init, parse_tc_class_change, canon_tc },
	{ CMD_TC_CLASS_REPLACE, "tc class", "replace\0", "replace",
	  "tc class replace dev NAME parent ID classid ID htb ...", CH | NS, tc_init, parse_tc_class_change, canon_tc },
	{ CMD_TC_CLASS_DEL, "tc class", "delete\0", "del",
	  "tc class del dev NAME classid ID", CH | NS, tc_init, parse_tc_class_change, canon_tc },
	{ CMD_TC_CLASS_SHOW, "tc class", "list\0show\0lst\0", "show",
	  "tc [-s] [-d] class show dev NAME [root|parent ID] [classid ID] "
	  "[qdisc H:]", RO | NS, tc_init, parse_tc_show, canon_tc },
	NOT("tc class", "help"),
};
const size_t cmd_nentries = N(cmd_entries);

const struct cmd_entry *cmd_verb_entry(enum cmd_verb verb)
{
	if (verb == CMD_NONE)
		return NULL;
	for (size_t i = 0; i < cmd_nentries; i++)
		if (cmd_entries[i].verb == verb)
			return &cmd_entries[i];
	return NULL;
}

const struct cmd_object *cmd_find_tool_object(enum cmd_tool tool,
                                              const char *w)
{
	for (size_t i = 0; i < cmd_nobjects; i++) {
		const struct cmd_object *o = &cmd_objects[i];

		if (o->tool != tool)
			continue;
		if (o->exact ? !strcmp(w, o->word) : kw_matches(w, o->word))
			return o;
	}
	return NULL;
}

const struct cmd_object *cmd_find_object(const char *w)
{
	return cmd_find_tool_object(CMD_TOOL_IP, w);
}

const char *cmd_tool_prefix(enum cmd_tool tool)
{
	return tool == CMD_TOOL_BRIDGE ? "bridge " : tool == CMD_TOOL_TC ? "tc " : "";
}
