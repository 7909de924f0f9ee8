/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_dot.c - `nsviz show --dot` (src/show/dot.c) on worlds built in
 * code: clusters, nodes, the edges of veth pairs, bridge ports and lower
 * devices, dashed links, and names made by others (quotes, backslashes,
 * newlines, ESC, bytes that are not UTF-8, an entity) always quoted into
 * valid DOT.  The kernel test (tests/kernel/dot.sh) runs dot on it. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <linux/if.h>
#include <linux/if_addr.h>
#include <linux/if_arp.h>
#include <linux/if_link.h>
#include <linux/netlink.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "show/show.h"
#include "util/sbuf.h"
#include "world/world.h"

#define F_DOWN (IFF_BROADCAST | IFF_MULTICAST)
#define F_UP (F_DOWN | IFF_UP | IFF_RUNNING | IFF_LOWER_UP)

static struct world *W;
static struct w_ns *HOST, *VNET;

static struct w_link mklink(int ifindex, const char *name, const char *kind,
                            unsigned flags, int peer)
{
	struct w_link l;

	memset(&l, 0, sizeof l);
	l.ifindex = ifindex;
	snprintf(l.name, sizeof l.name, "%s", name);
	snprintf(l.kind, sizeof l.kind, "%s", kind);
	l.flags = flags;
	l.mtu = 1500;
	l.operstate = (flags & IFF_LOWER_UP) ? IF_OPER_UP : IF_OPER_DOWN;
	l.linkmode = 0;
	l.txqlen = 1000;
	l.arptype = ARPHRD_ETHER;
	if (peer) {
		l.has_iflink = 1;
		l.iflink = peer;
	}
	l.peer_ns_id = -1;
	return l;
}

static void put_link(struct w_ns *ns, struct w_link l)
{
	struct w_event ev;

	memset(&ev, 0, sizeof ev);
	ev.type = W_EV_NEWLINK;
	ev.u.link = l;
	world_apply(W, ns, &ev);
}

static void put_addr(struct w_ns *ns, int ifindex, const char *ip, int plen)
{
	struct w_event ev;

	memset(&ev, 0, sizeof ev);
	ev.type = W_EV_NEWADDR;
	ev.from_dump = true;
	ev.u.addr.ifindex = ifindex;
	assert_int_equal(w_ip_parse(ip, &ev.u.addr.local), 0);
	ev.u.addr.family = ev.u.addr.local.family;
	ev.u.addr.prefixlen = plen;
	ev.u.addr.flags = IFA_F_PERMANENT;
	world_apply(W, ns, &ev);
}

static int setup(void **state)
{
	(void)state;
	W = world_new();
	HOST = world_add_ns(W, W_NS_HOST, "", 4, 4026531840u);
	VNET = world_add_ns(W, W_NS_NAMED, "vnet", 4, 4026532301u);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	world_free(W);
	W = NULL;
	return 0;
}

static const char *dot_text(void)
{
	static struct sbuf out = SBUF_INIT;

	sbuf_reset(&out);
	show_world_dot(&out, W);
	return sbuf_str(&out);
}

/* The tutorial's veth across namespaces, a bridge with a port pair, a
 * vlan on the veth: clusters in show's order, edges once */
static void test_lab(void **state)
{
	struct w_link l;
	/* IFLA_VLAN_ID 10, as the kernel sends it in IFLA_INFO_DATA */
	uint8_t vlan_run[8] = { 6, 0, IFLA_VLAN_ID, 0, 10, 0, 0, 0 };

	(void)state;
	l = mklink(1, "lo", "", IFF_LOOPBACK | IFF_UP | IFF_RUNNING |
	           IFF_LOWER_UP, 0);
	l.operstate = IF_OPER_UNKNOWN;
	l.arptype = ARPHRD_LOOPBACK;
	put_link(HOST, l);
	put_addr(HOST, 1, "127.0.0.1", 8);
	put_addr(HOST, 1, "::1", 128);

	l = mklink(2, "veth0", "veth", F_UP, 2);
	l.has_link_netnsid = 1;
	l.link_netnsid = 0;
	put_link(HOST, l);
	put_addr(HOST, 2, "10.0.1.0", 24);
	put_addr(HOST, 2, "fe80::1", 64);    /* link-local: left out */
	put_addr(HOST, 2, "fd00::1", 64);
	l = mklink(2, "veth1", "veth", F_UP, 2);
	l.has_link_netnsid = 1;
	l.link_netnsid = 0;
	put_link(VNET, l);
	put_addr(VNET, 2, "10.0.2.0", 24);
	world_set_nsid(HOST, 0, VNET->id);
	world_set_nsid(VNET, 0, HOST->id);

	put_link(HOST, mklink(3, "br0", "bridge", F_UP, 0));
	l = mklink(4, "p1", "veth", F_UP, 5);
	put_link(HOST, l);
	l = mklink(5, "p0", "veth", F_UP, 4);
	l.master = 3;
	put_link(HOST, l);
	/* a vlan on veth1, down: dashed, and so is its edge */
	l = mklink(3, "veth1.10", "vlan", F_DOWN, 2);
	w_link_set_run(&l, false, vlan_run, sizeof vlan_run);
	put_link(VNET, l);
	w_link_free(&l);
	world_resolve_peers(W);

	assert_string_equal(dot_text(),
		"digraph nsviz {\n"
		"\trankdir=LR;\n"
		"\tnode [shape=box];\n"
		"\tsubgraph cluster_0 {\n"
		"\t\tlabel=\"host\";\n"
		"\t\tn0_1 [label=\"lo\\n127.0.0.1/8\\n::1/128\\nloopback UNKNOWN\"];\n"
		"\t\tn0_2 [label=\"veth0\\n10.0.1.0/24\\nfd00::1/64\\nveth UP\"];\n"
		"\t\tn0_3 [label=\"br0\\nbridge UP\", shape=ellipse];\n"
		"\t\tn0_4 [label=\"p1\\nveth UP\"];\n"
		"\t\tn0_5 [label=\"p0\\nveth UP\"];\n"
		"\t}\n"
		"\tsubgraph cluster_1 {\n"
		"\t\tlabel=\"vnet\";\n"
		"\t\tn1_2 [label=\"veth1\\n10.0.2.0/24\\nveth UP\"];\n"
		"\t\tn1_3 [label=\"veth1.10\\nvlan DOWN\", style=dashed];\n"
		"\t}\n"
		"\tn0_2 -> n1_2 [label=\"veth\", dir=none];\n"
		"\tn0_4 -> n0_5 [label=\"veth\", dir=none];\n"
		"\tn0_5 -> n0_3 [label=\"port\"];\n"
		"\tn1_3 -> n1_2 [label=\"vlan 10\", style=dashed];\n"
		"}\n");
}

/* Names made by someone else never break the DOT text nor reach the
 * terminal: quotes and backslashes escaped, controls and bytes that are
 * not UTF-8 as \xHH (its backslash escaped), '&' as &amp;; namespaces
 * without links or unreadable get a note (dot draws no empty cluster) */
static void test_hostile_names(void **state)
{
	struct w_ns *odd, *un, *dark;

	(void)state;
	odd = world_add_ns(W, W_NS_NAMED, "a\"b\\c\nd\033[2J\xff&amp;", 4,
	                   4026532400u);
	put_link(odd, mklink(7, "x\"y\\n", "dummy", F_DOWN, 0));
	un = world_add_ns(W, W_NS_UNNAMED, "", 4, 4026532500u);
	un->holder_pid = 4242;
	snprintf(un->holder_comm, sizeof un->holder_comm, "sl\"eep");
	dark = world_add_ns(W, W_NS_NAMED, "dark", 4, 4026532600u);
	snprintf(dark->unread, sizeof dark->unread, "Operation not permitted");

	assert_string_equal(dot_text(),
		"digraph nsviz {\n"
		"\trankdir=LR;\n"
		"\tnode [shape=box];\n"
		"\tsubgraph cluster_0 {\n"
		"\t\tlabel=\"host\";\n"
		"\t\tn0_none [label=\"no interfaces\", shape=plaintext];\n"
		"\t}\n"
		"\tsubgraph cluster_2 {\n"
		"\t\tlabel=\"a\\\"b\\\\c\\\\x0ad\\\\x1b[2J\\\\xff&amp;amp;\";\n"
		"\t\tn2_7 [label=\"x\\\"y\\\\n\\ndummy DOWN\", style=dashed];\n"
		"\t}\n"
		"\tsubgraph cluster_4 {\n"
		"\t\tlabel=\"dark\";\n"
		"\t\tn4_none [label=\"cannot be read: Operation not permitted\", "
		"shape=plaintext];\n"
		"\t}\n"
		"\tsubgraph cluster_1 {\n"
		"\t\tlabel=\"vnet\";\n"
		"\t\tn1_none [label=\"no interfaces\", shape=plaintext];\n"
		"\t}\n"
		"\tsubgraph cluster_3 {\n"
		"\t\tlabel=\"pid 4242 (sl\\\"eep)\";\n"
		"\t\tn3_none [label=\"no interfaces\", shape=plaintext];\n"
		"\t}\n"
		"}\n");
}

/* A veth whose other end is not in the world (its namespace is not
 * known) has no edge; one whose peer does not name it back still has
 * its own; an empty world is an empty graph */
static void test_loose_ends(void **state)
{
	struct w_link l;

	(void)state;
	l = mklink(2, "v0", "veth", F_UP, 9);
	l.has_link_netnsid = 1;
	l.link_netnsid = 3;
	put_link(HOST, l);
	put_link(VNET, mklink(4, "a", "veth", F_UP, 5));
	put_link(VNET, mklink(5, "b", "veth", F_UP, 6));
	put_link(VNET, mklink(6, "c", "dummy", F_UP, 0));
	world_resolve_peers(W);
	assert_string_equal(dot_text(),
		"digraph nsviz {\n"
		"\trankdir=LR;\n"
		"\tnode [shape=box];\n"
		"\tsubgraph cluster_0 {\n"
		"\t\tlabel=\"host\";\n"
		"\t\tn0_2 [label=\"v0\\nveth UP\"];\n"
		"\t}\n"
		"\tsubgraph cluster_1 {\n"
		"\t\tlabel=\"vnet\";\n"
		"\t\tn1_4 [label=\"a\\nveth UP\"];\n"
		"\t\tn1_5 [label=\"b\\nveth UP\"];\n"
		"\t\tn1_6 [label=\"c\\ndummy UP\"];\n"
		"\t}\n"
		"\tn1_4 -> n1_5 [label=\"veth\", dir=none];\n"
		"\tn1_5 -> n1_6 [label=\"veth\", dir=none];\n"
		"}\n");

	world_free(W);
	W = world_new();
	assert_string_equal(dot_text(),
		"digraph nsviz {\n"
		"\trankdir=LR;\n"
		"\tnode [shape=box];\n"
		"}\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_lab, setup, teardown),
		cmocka_unit_test_setup_teardown(test_hostile_names, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(test_loose_ends, setup,
		                                teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
