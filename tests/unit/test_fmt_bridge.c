/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_fmt_bridge.c - `bridge vlan|link|fdb show` text and JSON (fmt/bridge.c)
 * and the names of the `type bridge` / `type bridge_slave` options.
 *
 * The expected strings are what bridge(8) from iproute2 6.1 printed for
 * the same objects in a throwaway namespace (unshare --net --mount, MACs
 * set by hand); the structs hold what the kernel sent.  The kernel here
 * has no VLAN filtering, so the `vlan show` strings are bridge 6.1's own
 * output for a dump answered with these VLANs (tests/data/
 * bridge-vlan-dump.c, an LD_PRELOAD for bridge(8) itself).  Trailing
 * spaces matter.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <linux/if.h>
#include <linux/if_bridge.h>
#include <linux/neighbour.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fmt/fmt.h"
#include "util/sbuf.h"
#include "world/world.h"

#define F_DOWN (IFF_BROADCAST | IFF_MULTICAST)
#define F_UP (F_DOWN | IFF_UP | IFF_RUNNING | IFF_LOWER_UP)

static struct world *W;
static struct w_ns *NS;
static struct sbuf OUT = SBUF_INIT;
static struct w_brview V;

static void put_link(int ifindex, const char *name, unsigned flags)
{
	struct w_event ev;

	memset(&ev, 0, sizeof ev);
	ev.type = W_EV_NEWLINK;
	ev.u.link.ifindex = ifindex;
	snprintf(ev.u.link.name, sizeof ev.u.link.name, "%s", name);
	ev.u.link.flags = flags;
	ev.u.link.arptype = 1;        /* ARPHRD_ETHER */
	ev.u.link.operstate = -1;
	ev.u.link.linkmode = -1;
	ev.u.link.txqlen = -1;
	world_apply(W, NS, &ev);
}

static int setup(void **state)
{
	(void)state;
	W = world_new();
	NS = world_add_ns(W, W_NS_HOST, "", 4, 4026531840u);
	memset(&V, 0, sizeof V);
	sbuf_reset(&OUT);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	free(V.ports);
	free(V.vlans);
	free(V.fdb);
	memset(&V, 0, sizeof V);
	world_free(W);
	sbuf_free(&OUT);
	return 0;
}

static struct w_brport *port(int ifindex, const char *name)
{
	struct w_brport *p;

	xgrow((void **)&V.ports, &V.capports, V.nports + 1, sizeof *V.ports);
	p = &V.ports[V.nports++];
	memset(p, 0, sizeof *p);
	p->ifindex = ifindex;
	snprintf(p->name, sizeof p->name, "%s", name);
	p->state = p->priority = p->hwmode = -1;
	p->cost = -1;
	for (int i = 0; i < W_BRP_U8_COUNT; i++)
		p->u8[i] = -1;
	p->vlan0 = V.nvlans;
	return p;
}

/* VLANs of the port added last: "VID/FLAGS" pairs, 0 ends */
static void vlans(const unsigned *vf)
{
	struct w_brport *p = &V.ports[V.nports - 1];

	for (; vf[0]; vf += 2) {
		xgrow((void **)&V.vlans, &V.capvlans, V.nvlans + 1,
		      sizeof *V.vlans);
		V.vlans[V.nvlans].vid = (uint16_t)vf[0];
		V.vlans[V.nvlans].flags = (uint16_t)vf[1];
		V.nvlans++;
		p->nvlan++;
	}
}

static const char *show(void (*fn)(struct sbuf *, const struct w_ns *,
                                   const struct w_brview *, int,
                                   const struct fmt_opts *),
                        int ifindex, bool json, bool pretty, bool details)
{
	struct fmt_opts o = { .json = json, .pretty = pretty,
	                      .details = details };

	sbuf_reset(&OUT);
	fn(&OUT, NS, &V, ifindex, &o);
	return sbuf_str(&OUT);
}

/* ---- bridge vlan show ---------------------------------------------------- */

#define PV BRIDGE_VLAN_INFO_PVID
#define UT BRIDGE_VLAN_INFO_UNTAGGED

static void vlan_world(void)
{
	static const unsigned br0[] = { 1, PV | UT, 0 };
	static const unsigned v0[] = { 1, PV | UT, 10, 0, 20, UT, 30, PV,
		40, BRIDGE_VLAN_INFO_RANGE_BEGIN, 45, BRIDGE_VLAN_INFO_RANGE_END,
		0 };
	static const unsigned v3[] = { 7, 0, 0 };
	static const unsigned none[] = { 0 };
	static const unsigned lo[] = { 100, PV, 4094, 0, 0 };

	put_link(1, "lo", IFF_LOOPBACK);
	put_link(2, "br0", F_DOWN);
	put_link(3, "v1", F_DOWN);
	put_link(4, "v0", F_DOWN);
	put_link(5, "v3", F_DOWN);
	put_link(6, "averyveryverylo", F_DOWN);
	port(2, "br0"); vlans(br0);
	port(4, "v0"); vlans(v0);
	port(5, "v3"); vlans(v3);
	port(3, "v1"); vlans(none);
	port(6, "averyveryverylo"); vlans(lo);
}

static void test_vlan_show_none(void **state)
{
	(void)state;
	put_link(1, "lo", IFF_LOOPBACK);
	assert_string_equal(show(fmt_bridge_vlan_show, 0, false, false, false),
		"port              vlan-id  \n");
	assert_string_equal(show(fmt_bridge_vlan_show, 0, true, false, false),
		"[]\n");
	assert_string_equal(show(fmt_bridge_vlan_show, 0, true, true, false),
		"[ ]\n");
}

static void test_vlan_show_text(void **state)
{
	(void)state;
	vlan_world();
	assert_string_equal(show(fmt_bridge_vlan_show, 0, false, false, false),
		"port              vlan-id  \n"
		"br0               1 PVID Egress Untagged\n"
		"v0                1 PVID Egress Untagged\n"
		"                  10\n"
		"                  20 Egress Untagged\n"
		"                  30 PVID\n"
		"                  40-45\n"
		"v3                7\n"
		"averyveryverylo   100 PVID\n"
		"                  4094\n");
	assert_string_equal(show(fmt_bridge_vlan_show, 4, false, false, false),
		"port              vlan-id  \n"
		"v0                1 PVID Egress Untagged\n"
		"                  10\n"
		"                  20 Egress Untagged\n"
		"                  30 PVID\n"
		"                  40-45\n");
}

static void test_vlan_show_json(void **state)
{
	(void)state;
	vlan_world();
	assert_string_equal(show(fmt_bridge_vlan_show, 0, true, false, false),
		"[{\"ifname\":\"br0\",\"vlans\":[{\"vlan\":1,\"flags\":[\"PVID\",\"Egress Untagged\"]}]},"
		"{\"ifname\":\"v0\",\"vlans\":[{\"vlan\":1,\"flags\":[\"PVID\",\"Egress Untagged\"]},"
		"{\"vlan\":10},{\"vlan\":20,\"flags\":[\"Egress Untagged\"]},{\"vlan\":30,\"flags\":[\"PVID\"]},"
		"{\"vlan\":40,\"vlanEnd\":45,\"flags\":[]}]},{\"ifname\":\"v3\",\"vlans\":[{\"vlan\":7}]},"
		"{\"ifname\":\"averyveryverylo\",\"vlans\":[{\"vlan\":100,\"flags\":[\"PVID\"]},{\"vlan\":4094}]}]\n");
	assert_string_equal(show(fmt_bridge_vlan_show, 4, true, false, false),
		"[{\"ifname\":\"v0\",\"vlans\":[{\"vlan\":1,\"flags\":[\"PVID\",\"Egress Untagged\"]},"
		"{\"vlan\":10},{\"vlan\":20,\"flags\":[\"Egress Untagged\"]},{\"vlan\":30,\"flags\":[\"PVID\"]},"
		"{\"vlan\":40,\"vlanEnd\":45,\"flags\":[]}]}]\n");
	assert_string_equal(show(fmt_bridge_vlan_show, 0, true, true, false),
		"[ {\n"
		"        \"ifname\": \"br0\",\n"
		"        \"vlans\": [ {\n"
		"                \"vlan\": 1,\n"
		"                \"flags\": [ \"PVID\",\"Egress Untagged\" ]\n"
		"            } ]\n"
		"    },{\n"
		"        \"ifname\": \"v0\",\n"
		"        \"vlans\": [ {\n"
		"                \"vlan\": 1,\n"
		"                \"flags\": [ \"PVID\",\"Egress Untagged\" ]\n"
		"            },{\n"
		"                \"vlan\": 10\n"
		"            },{\n"
		"                \"vlan\": 20,\n"
		"                \"flags\": [ \"Egress Untagged\" ]\n"
		"            },{\n"
		"                \"vlan\": 30,\n"
		"                \"flags\": [ \"PVID\" ]\n"
		"            },{\n"
		"                \"vlan\": 40,\n"
		"                \"vlanEnd\": 45,\n"
		"                \"flags\": [ ]\n"
		"            } ]\n"
		"    },{\n"
		"        \"ifname\": \"v3\",\n"
		"        \"vlans\": [ {\n"
		"                \"vlan\": 7\n"
		"            } ]\n"
		"    },{\n"
		"        \"ifname\": \"averyveryverylo\",\n"
		"        \"vlans\": [ {\n"
		"                \"vlan\": 100,\n"
		"                \"flags\": [ \"PVID\" ]\n"
		"            },{\n"
		"                \"vlan\": 4094\n"
		"            } ]\n"
		"    } ]\n");
}

/* ---- bridge link show ---------------------------------------------------- */

/* br0 (2) with v0 (4, peer v1 3 here) and v2 (5, peer v3 in another
 * namespace, ifindex 2 there: bridge(8) prints that index's name here) */
static void link_world(void)
{
	struct w_brport *p;

	put_link(1, "lo", IFF_LOOPBACK | IFF_UP | IFF_RUNNING | IFF_LOWER_UP);
	put_link(2, "br0", F_UP);
	put_link(3, "v1", F_UP);
	put_link(4, "v0", F_UP);
	put_link(5, "v2", F_DOWN);

	p = port(4, "v0");
	p->flags = F_UP;
	p->has_mtu = 1; p->mtu = 1500;
	p->master = 2;
	p->has_iflink = 1; p->iflink = 3;
	p->has_protinfo = p->protinfo_nested = 1;
	p->state = BR_STATE_FORWARDING; p->priority = 5; p->cost = 7;
	p->u8[W_BRP_HAIRPIN] = 1; p->u8[W_BRP_GUARD] = 0;
	p->u8[W_BRP_ROOT_BLOCK] = 0; p->u8[W_BRP_FASTLEAVE] = 0;
	p->u8[W_BRP_LEARNING] = 0; p->u8[W_BRP_FLOOD] = 1;
	p->u8[W_BRP_MCAST_FLOOD] = 1; p->u8[W_BRP_BCAST_FLOOD] = 1;
	p->u8[W_BRP_MCAST_ROUTER] = 1; p->u8[W_BRP_MCAST_TO_UCAST] = 0;
	p->u8[W_BRP_NEIGH_SUPPRESS] = 0; p->u8[W_BRP_VLAN_TUNNEL] = 0;
	p->u8[W_BRP_ISOLATED] = 1; p->u8[W_BRP_LOCKED] = 0;

	p = port(5, "v2");
	p->flags = F_DOWN;
	p->has_mtu = 1; p->mtu = 1500;
	p->master = 2;
	p->has_iflink = 1; p->iflink = 2;
	p->has_protinfo = p->protinfo_nested = 1;
	p->state = BR_STATE_DISABLED; p->priority = 32; p->cost = 2;
	for (int i = 0; i < W_BRP_U8_COUNT; i++)
		p->u8[i] = 0;
	p->u8[W_BRP_LEARNING_SYNC] = -1;
	p->u8[W_BRP_LEARNING] = 1; p->u8[W_BRP_FLOOD] = 1;
	p->u8[W_BRP_MCAST_FLOOD] = 1; p->u8[W_BRP_BCAST_FLOOD] = 1;
	p->u8[W_BRP_MCAST_ROUTER] = 1;
}

static void test_link_show_text(void **state)
{
	(void)state;
	link_world();
	assert_string_equal(show(fmt_bridge_link_show, 0, false, false, false),
		"4: v0@v1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 master br0 state forwarding priority 5 cost 7 \n"
		"5: v2@br0: <BROADCAST,MULTICAST> mtu 1500 master br0 state disabled priority 32 cost 2 \n");
	assert_string_equal(show(fmt_bridge_link_show, 5, false, false, false),
		"5: v2@br0: <BROADCAST,MULTICAST> mtu 1500 master br0 state disabled priority 32 cost 2 \n");
	assert_string_equal(show(fmt_bridge_link_show, 0, false, false, true),
		"4: v0@v1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 master br0 state forwarding priority 5 cost 7 \n"
		"    hairpin on guard off root_block off fastleave off learning off flood on mcast_flood on bcast_flood on mcast_router 1 mcast_to_unicast off neigh_suppress off vlan_tunnel off isolated on locked off \n"
		"5: v2@br0: <BROADCAST,MULTICAST> mtu 1500 master br0 state disabled priority 32 cost 2 \n"
		"    hairpin off guard off root_block off fastleave off learning on flood on mcast_flood on bcast_flood on mcast_router 1 mcast_to_unicast off neigh_suppress off vlan_tunnel off isolated off locked off \n");
}

static void test_link_show_json(void **state)
{
	(void)state;
	link_world();
	assert_string_equal(show(fmt_bridge_link_show, 0, true, false, false),
		"[{\"ifindex\":4,\"link\":\"v1\",\"ifname\":\"v0\",\"flags\":[\"BROADCAST\",\"MULTICAST\",\"UP\",\"LOWER_UP\"],"
		"\"mtu\":1500,\"master\":\"br0\",\"state\":\"forwarding\",\"priority\":5,\"cost\":7},"
		"{\"ifindex\":5,\"link\":\"br0\",\"ifname\":\"v2\",\"flags\":[\"BROADCAST\",\"MULTICAST\"],"
		"\"mtu\":1500,\"master\":\"br0\",\"state\":\"disabled\",\"priority\":32,\"cost\":2}]\n");
	assert_string_equal(show(fmt_bridge_link_show, 0, true, false, true),
		"[{\"ifindex\":4,\"link\":\"v1\",\"ifname\":\"v0\",\"flags\":[\"BROADCAST\",\"MULTICAST\",\"UP\",\"LOWER_UP\"],"
		"\"mtu\":1500,\"master\":\"br0\",\"state\":\"forwarding\",\"priority\":5,\"cost\":7,\"hairpin\":true,"
		"\"guard\":false,\"root_block\":false,\"fastleave\":false,\"learning\":false,\"flood\":true,"
		"\"mcast_flood\":true,\"bcast_flood\":true,\"mcast_router\":1,\"mcast_to_unicast\":false,"
		"\"neigh_suppress\":false,\"vlan_tunnel\":false,\"isolated\":true,\"locked\":false},"
		"{\"ifindex\":5,\"link\":\"br0\",\"ifname\":\"v2\",\"flags\":[\"BROADCAST\",\"MULTICAST\"],"
		"\"mtu\":1500,\"master\":\"br0\",\"state\":\"disabled\",\"priority\":32,\"cost\":2,\"hairpin\":false,"
		"\"guard\":false,\"root_block\":false,\"fastleave\":false,\"learning\":true,\"flood\":true,"
		"\"mcast_flood\":true,\"bcast_flood\":true,\"mcast_router\":1,\"mcast_to_unicast\":false,"
		"\"neigh_suppress\":false,\"vlan_tunnel\":false,\"isolated\":false,\"locked\":false}]\n");
	assert_string_equal(show(fmt_bridge_link_show, 0, true, true, false),
		"[ {\n"
		"        \"ifindex\": 4,\n"
		"        \"link\": \"v1\",\n"
		"        \"ifname\": \"v0\",\n"
		"        \"flags\": [ \"BROADCAST\",\"MULTICAST\",\"UP\",\"LOWER_UP\" ],\n"
		"        \"mtu\": 1500,\n"
		"        \"master\": \"br0\",\n"
		"        \"state\": \"forwarding\",\n"
		"        \"priority\": 5,\n"
		"        \"cost\": 7\n"
		"    },{\n"
		"        \"ifindex\": 5,\n"
		"        \"link\": \"br0\",\n"
		"        \"ifname\": \"v2\",\n"
		"        \"flags\": [ \"BROADCAST\",\"MULTICAST\" ],\n"
		"        \"mtu\": 1500,\n"
		"        \"master\": \"br0\",\n"
		"        \"state\": \"disabled\",\n"
		"        \"priority\": 32,\n"
		"        \"cost\": 2\n"
		"    } ]\n");
}

/* ---- bridge fdb show ----------------------------------------------------- */

static void fdb(int ifindex, const char *mac, unsigned flags, unsigned st,
                int master)
{
	struct w_fdb *f;
	unsigned b[6];

	xgrow((void **)&V.fdb, &V.capfdb, V.nfdb + 1, sizeof *V.fdb);
	f = &V.fdb[V.nfdb++];
	memset(f, 0, sizeof *f);
	f->ifindex = ifindex;
	f->flags = flags;
	f->state = st;
	f->master = master;
	assert_int_equal(sscanf(mac, "%x:%x:%x:%x:%x:%x", &b[0], &b[1], &b[2],
	                        &b[3], &b[4], &b[5]), 6);
	for (int i = 0; i < 6; i++)
		f->lladdr[i] = (uint8_t)b[i];
	f->lladdr_len = 6;
}

static void fdb_world(void)
{
	link_world();
	fdb(2, "33:33:00:00:00:01", NTF_SELF, NUD_PERMANENT, 0);
	fdb(2, "02:00:00:00:00:b0", 0, NUD_PERMANENT, 2);
	fdb(3, "33:33:ff:00:00:02", NTF_SELF, NUD_PERMANENT, 0);
	fdb(4, "02:00:00:00:00:99", 0, NUD_NOARP, 2);
	fdb(4, "02:00:00:00:00:01", 0, NUD_PERMANENT, 2);
	fdb(4, "33:33:00:00:00:01", NTF_SELF, NUD_PERMANENT, 0);
	fdb(4, "da:25:6c:41:04:7c", 0, NUD_REACHABLE, 2);
}

static void test_fdb_show_text(void **state)
{
	(void)state;
	fdb_world();
	assert_string_equal(show(fmt_bridge_fdb_show, 0, false, false, false),
		"33:33:00:00:00:01 dev br0 self permanent\n"
		"02:00:00:00:00:b0 dev br0 master br0 permanent\n"
		"33:33:ff:00:00:02 dev v1 self permanent\n"
		"02:00:00:00:00:99 dev v0 master br0 static\n"
		"02:00:00:00:00:01 dev v0 master br0 permanent\n"
		"33:33:00:00:00:01 dev v0 self permanent\n"
		"da:25:6c:41:04:7c dev v0 master br0 \n");
	/* dev: no "dev NAME" (the entries the kernel sent are all v0's) */
	assert_string_equal(show(fmt_bridge_fdb_show, 4, false, false, false),
		"02:00:00:00:00:99 master br0 static\n"
		"02:00:00:00:00:01 master br0 permanent\n"
		"33:33:00:00:00:01 self permanent\n"
		"da:25:6c:41:04:7c master br0 \n");
}

static void test_fdb_show_json(void **state)
{
	(void)state;
	fdb_world();
	V.nfdb = 6;
	assert_string_equal(show(fmt_bridge_fdb_show, 0, true, false, false),
		"[{\"mac\":\"33:33:00:00:00:01\",\"ifname\":\"br0\",\"flags\":[\"self\"],\"state\":\"permanent\"},"
		"{\"mac\":\"02:00:00:00:00:b0\",\"ifname\":\"br0\",\"flags\":[],\"master\":\"br0\",\"state\":\"permanent\"},"
		"{\"mac\":\"33:33:ff:00:00:02\",\"ifname\":\"v1\",\"flags\":[\"self\"],\"state\":\"permanent\"},"
		"{\"mac\":\"02:00:00:00:00:99\",\"ifname\":\"v0\",\"flags\":[],\"master\":\"br0\",\"state\":\"static\"},"
		"{\"mac\":\"02:00:00:00:00:01\",\"ifname\":\"v0\",\"flags\":[],\"master\":\"br0\",\"state\":\"permanent\"},"
		"{\"mac\":\"33:33:00:00:00:01\",\"ifname\":\"v0\",\"flags\":[\"self\"],\"state\":\"permanent\"}]\n");
	assert_string_equal(show(fmt_bridge_fdb_show, 4, true, false, false),
		"[{\"mac\":\"02:00:00:00:00:99\",\"flags\":[],\"master\":\"br0\",\"state\":\"static\"},"
		"{\"mac\":\"02:00:00:00:00:01\",\"flags\":[],\"master\":\"br0\",\"state\":\"permanent\"},"
		"{\"mac\":\"33:33:00:00:00:01\",\"flags\":[\"self\"],\"state\":\"permanent\"}]\n");
	V.nfdb = 2;
	assert_string_equal(show(fmt_bridge_fdb_show, 0, true, true, false),
		"[ {\n"
		"        \"mac\": \"33:33:00:00:00:01\",\n"
		"        \"ifname\": \"br0\",\n"
		"        \"flags\": [ \"self\" ],\n"
		"        \"state\": \"permanent\"\n"
		"    },{\n"
		"        \"mac\": \"02:00:00:00:00:b0\",\n"
		"        \"ifname\": \"br0\",\n"
		"        \"flags\": [ ],\n"
		"        \"master\": \"br0\",\n"
		"        \"state\": \"permanent\"\n"
		"    } ]\n");
}

/* Names nsviz must not let reach the terminal are escaped in the text */
static void test_escaped_names(void **state)
{
	(void)state;
	put_link(2, "br\x1b" "0", F_DOWN);
	fdb(2, "02:00:00:00:00:b0", 0, NUD_PERMANENT, 2);
	assert_string_equal(show(fmt_bridge_fdb_show, 0, false, false, false),
		"02:00:00:00:00:b0 dev br\\x1b0 master br\\x1b0 permanent\n");
	assert_string_equal(show(fmt_bridge_fdb_show, 0, true, false, false),
		"[{\"mac\":\"02:00:00:00:00:b0\",\"ifname\":\"br\\u001b0\",\"flags\":[],"
		"\"master\":\"br\\u001b0\",\"state\":\"permanent\"}]\n");
}

/* JSON stays JSON and safe: C1 and bidirectional controls as \uXXXX, a
 * byte that is not UTF-8 as U+FFFD; the text escapes them as \xHH */
static void test_json_unsafe_names(void **state)
{
	struct w_brport *p;

	(void)state;
	put_link(2, "b\xc2\x85r", F_UP);
	put_link(4, "v\xe2\x80\xae" "0", F_UP);
	put_link(5, "x\xff", F_UP);
	p = port(4, "v\xe2\x80\xae" "0");
	p->flags = F_UP;
	p->master = 2;
	p->has_iflink = 1; p->iflink = 5;
	assert_string_equal(show(fmt_bridge_link_show, 0, true, false, false),
		"[{\"ifindex\":4,\"link\":\"x\\ufffd\",\"ifname\":\"v\\u202e0\","
		"\"flags\":[\"BROADCAST\",\"MULTICAST\",\"UP\",\"LOWER_UP\"],"
		"\"master\":\"b\\u0085r\"}]\n");
	assert_string_equal(show(fmt_bridge_link_show, 0, false, false, false),
		"4: v\\xe2\\x80\\xae0@x\\xff: <BROADCAST,MULTICAST,UP,LOWER_UP> "
		"master b\\xc2\\x85r \n");
}

/* A peer whose index this namespace does not know: "ifN" and M-DOWN, as
 * bridge(8)'s link cache answers; -s: fdb's used/updated in seconds
 * (bridge/fdb.c: ndm_used / USER_HZ) */
static void test_unknown_peer_and_stats(void **state)
{
	struct w_brport *p;
	struct fmt_opts o = { .stats = 1 };

	(void)state;
	put_link(2, "br0", F_UP);
	put_link(4, "v0", F_UP);
	p = port(4, "v0");
	p->flags = F_UP;
	p->has_mtu = 1; p->mtu = 1500;
	p->master = 2;
	p->has_iflink = 1; p->iflink = 9;
	p->has_protinfo = 1;            /* an old kernel's: the state alone */
	p->state = 7;
	assert_string_equal(show(fmt_bridge_link_show, 0, false, false, true),
		"4: v0@if9: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 "
		"master br0 state (7) \n");
	fdb(4, "02:00:00:00:00:99", 0, NUD_NOARP, 2);
	V.fdb[0].has_cacheinfo = 1;
	V.fdb[0].used = 1234;
	V.fdb[0].updated = 500;
	V.fdb[0].vlan = 10;
	sbuf_reset(&OUT);
	fmt_bridge_fdb_show(&OUT, NS, &V, 0, &o);
	assert_string_equal(sbuf_str(&OUT),
		"02:00:00:00:00:99 dev v0 vlan 10 used 12/5 master br0 static\n");
	o.json = true;
	sbuf_reset(&OUT);
	fmt_bridge_fdb_show(&OUT, NS, &V, 0, &o);
	assert_string_equal(sbuf_str(&OUT),
		"[{\"mac\":\"02:00:00:00:00:99\",\"ifname\":\"v0\",\"vlan\":10,"
		"\"used\":12,\"updated\":5,\"flags\":[],\"master\":\"br0\","
		"\"state\":\"static\"}]\n");
}

/* ---- option names -------------------------------------------------------- */

static void test_bropt_names(void **state)
{
	struct w_bropts o = { .slave = false, .n = 3 };
	const struct fmt_bropt *b;

	(void)state;
	b = fmt_bropt_find(false, "priority");
	assert_non_null(b);
	assert_int_equal(b->key, W_BR_PRIORITY);
	b = fmt_bropt_find(true, "priority");
	assert_non_null(b);
	assert_int_equal(b->key, W_BRPORT_PRIORITY);
	assert_null(fmt_bropt_find(true, "vlan_filtering"));
	assert_null(fmt_bropt_find(false, "learning"));
	for (size_t i = 0; i < W_BROPT_COUNT; i++) {
		assert_non_null(fmt_bropt_at(i));
		assert_int_equal(fmt_bropt_at(i)->key, i);
	}
	assert_null(fmt_bropt_at(W_BROPT_COUNT));

	o.v[0].key = W_BR_VLAN_FILTERING; o.v[0].value = 1;
	o.v[1].key = W_BR_VLAN_PROTOCOL; o.v[1].value = 0x88a8;
	o.v[2].key = W_BR_FORWARD_DELAY; o.v[2].value = 1500;
	fmt_bropts(&OUT, &o);
	assert_string_equal(sbuf_str(&OUT),
		"type bridge vlan_filtering 1 vlan_protocol 802.1ad forward_delay 1500");
	sbuf_reset(&OUT);
	o.slave = true;
	o.n = 2;
	o.v[0].key = W_BRPORT_LEARNING; o.v[0].value = 0;
	o.v[1].key = W_BRPORT_COST; o.v[1].value = 7;
	fmt_bropts(&OUT, &o);
	assert_string_equal(sbuf_str(&OUT), "type bridge_slave learning off cost 7");
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_vlan_show_none), T(test_vlan_show_text),
		T(test_vlan_show_json), T(test_link_show_text),
		T(test_link_show_json), T(test_fdb_show_text),
		T(test_fdb_show_json), T(test_escaped_names),
		T(test_json_unsafe_names), T(test_unknown_peer_and_stats),
		T(test_bropt_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
