/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_fmt.c - iproute2 text from world structs, and `nsviz show`.
 *
 * Every expected string in the fmt tests is what iproute2 6.1 printed on
 * Debian 12 for real objects built in a throwaway namespace (unshare
 * --net --mount); the structs hold the attribute values the kernel sent
 * for them (seen with `ip -d` and `ip -j`).  Trailing spaces matter.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <json-c/json.h>
#include <linux/if.h>
#include <linux/if_addr.h>
#include <linux/if_arp.h>
#include <linux/in_route.h>
#include <linux/neighbour.h>
#include <linux/rtnetlink.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "fmt/fmt.h"
#include "show/show.h"
#include "util/esc.h"
#include "util/sbuf.h"
#include "world/world.h"

#define FOREVER 0xffffffffu
#define F_DOWN (IFF_BROADCAST | IFF_MULTICAST)
#define F_NOCARRIER (F_DOWN | IFF_UP)
#define F_UP (F_DOWN | IFF_UP | IFF_RUNNING | IFF_LOWER_UP)
#define F_LO_UP (IFF_LOOPBACK | IFF_UP | IFF_RUNNING | IFF_LOWER_UP)

static struct world *W;
static struct w_ns *HOST, *VNET;
static struct sbuf OUT = SBUF_INIT;

/* ---- builders ------------------------------------------------------------ */

static struct w_ip IP(const char *s)
{
	struct w_ip ip;

	assert_int_equal(w_ip_parse(s, &ip), 0);
	return ip;
}

static int parse_mac(uint8_t *out, const char *s)
{
	int n = 0;
	unsigned b;

	while (*s && sscanf(s, "%2x", &b) == 1) {
		out[n++] = (uint8_t)b;
		s += 2;
		if (*s == ':')
			s++;
	}
	return n;
}

/* A veth as the kernel reports it: txqlen 1000, mode DEFAULT, group 0,
 * qdisc noop until first up, then noqueue (and it stays noqueue). */
static struct w_link veth(int ifindex, const char *name, unsigned flags,
                          int operstate, const char *mac, int peer)
{
	struct w_link l;

	memset(&l, 0, sizeof l);
	l.ifindex = ifindex;
	snprintf(l.name, sizeof l.name, "%s", name);
	snprintf(l.kind, sizeof l.kind, "veth");
	l.flags = flags;
	l.mtu = 1500;
	snprintf(l.qdisc, sizeof l.qdisc, "%s",
	         (flags & IFF_UP) ? "noqueue" : "noop");
	l.operstate = operstate;
	l.linkmode = 0;
	l.group = 0;
	l.txqlen = 1000;
	l.arptype = ARPHRD_ETHER;
	l.addr_len = parse_mac(l.addr, mac);
	l.brd_len = parse_mac(l.brd, "ff:ff:ff:ff:ff:ff");
	if (peer) {
		l.has_iflink = 1;
		l.iflink = peer;
	}
	l.peer_ns_id = -1;
	return l;
}

static struct w_link lo(unsigned flags)
{
	struct w_link l = veth(1, "lo", flags,
	                       (flags & IFF_UP) ? IF_OPER_UNKNOWN : IF_OPER_DOWN,
	                       "00:00:00:00:00:00", 0);

	l.kind[0] = '\0';
	l.mtu = 65536;
	l.arptype = ARPHRD_LOOPBACK;
	l.brd_len = parse_mac(l.brd, "00:00:00:00:00:00");
	return l;
}

static struct w_link *put_link(struct w_ns *ns, struct w_link l)
{
	struct w_event ev;

	memset(&ev, 0, sizeof ev);
	ev.type = W_EV_NEWLINK;
	ev.u.link = l;
	world_apply(W, ns, &ev);
	return world_find_link_index(ns, l.ifindex);
}

static struct w_addr addr(int ifindex, const char *local, int plen, int scope,
                          unsigned flags, const char *label)
{
	struct w_addr a;

	memset(&a, 0, sizeof a);
	a.ifindex = ifindex;
	a.local = IP(local);
	a.family = a.local.family;
	a.prefixlen = plen;
	a.scope = scope;
	a.flags = flags;
	snprintf(a.label, sizeof a.label, "%s", label ? label : "");
	a.has_cacheinfo = 1;
	a.valid_lft = a.preferred_lft = FOREVER;
	return a;
}

static void put_addr(struct w_ns *ns, struct w_addr a)
{
	struct w_event ev;

	memset(&ev, 0, sizeof ev);
	ev.type = W_EV_NEWADDR;
	ev.from_dump = true;        /* listed in the kernel's dump order */
	ev.u.addr = a;
	world_apply(W, ns, &ev);
}

static void del_addr(struct w_ns *ns, struct w_addr a)
{
	struct w_event ev;

	memset(&ev, 0, sizeof ev);
	ev.type = W_EV_DELADDR;
	ev.u.addr = a;
	world_apply(W, ns, &ev);
}

/* A main-table unicast route with the kernel's defaults (proto boot,
 * scope global); dst NULL is the default route. */
static struct w_route route(const char *dst, int len)
{
	struct w_route r;

	memset(&r, 0, sizeof r);
	r.dst = IP(dst ? dst : "0.0.0.0");
	r.family = r.dst.family;
	r.dst_len = len;
	r.table = RT_TABLE_MAIN;
	r.type = RTN_UNICAST;
	r.protocol = RTPROT_BOOT;
	r.scope = RT_SCOPE_UNIVERSE;
	return r;
}

static struct w_route route6(const char *dst, int len, unsigned metric)
{
	struct w_route r = route(dst ? dst : "::", len);

	r.has_priority = 1;
	r.priority = metric;
	r.has_pref = 1;
	r.pref = 0;   /* medium */
	return r;
}

static void put_route(struct w_ns *ns, struct w_route r)
{
	struct w_event ev;

	memset(&ev, 0, sizeof ev);
	ev.type = W_EV_NEWROUTE;
	ev.u.route = r;
	world_apply(W, ns, &ev);
}

static void put_neigh(struct w_ns *ns, int ifindex, const char *dst,
                      const char *mac, unsigned state)
{
	struct w_event ev;

	memset(&ev, 0, sizeof ev);
	ev.type = W_EV_NEWNEIGH;
	ev.u.neigh.ifindex = ifindex;
	ev.u.neigh.dst = IP(dst);
	ev.u.neigh.family = ev.u.neigh.dst.family;
	ev.u.neigh.state = state;
	if (mac)
		ev.u.neigh.lladdr_len = parse_mac(ev.u.neigh.lladdr, mac);
	world_apply(W, ns, &ev);
}

/* ---- output capture ------------------------------------------------------- */

static const char *link_text(const struct w_ns *ns, const struct w_link *l)
{
	sbuf_reset(&OUT);
	fmt_link(&OUT, ns, l);
	return sbuf_str(&OUT);
}

static const char *addr_text(const struct w_ns *ns, const struct w_link *l)
{
	sbuf_reset(&OUT);
	fmt_link_addrs(&OUT, ns, l);
	return sbuf_str(&OUT);
}

static const char *route_text(const struct w_ns *ns, const struct w_route *r)
{
	sbuf_reset(&OUT);
	fmt_route(&OUT, ns, r);
	return sbuf_str(&OUT);
}

static const char *get_text(const struct w_ns *ns, const struct w_route *r)
{
	sbuf_reset(&OUT);
	fmt_route_get(&OUT, ns, r);
	return sbuf_str(&OUT);
}

static int setup(void **state)
{
	(void)state;
	W = world_new();
	HOST = world_add_ns(W, W_NS_HOST, "", 4, 4026531840u);
	VNET = world_add_ns(W, W_NS_NAMED, "vnet", 4, 4026532301u);
	sbuf_reset(&OUT);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	world_free(W);
	W = NULL;
	sbuf_free(&OUT);
	return 0;
}

/* ---- links ---------------------------------------------------------------- */

static void test_lo_down_then_up(void **state)
{
	struct w_link *l;

	(void)state;
	l = put_link(HOST, lo(IFF_LOOPBACK));
	assert_string_equal(link_text(HOST, l),
		"1: lo: <LOOPBACK> mtu 65536 qdisc noop state DOWN mode DEFAULT group default qlen 1000\n"
		"    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n");
	assert_string_equal(addr_text(HOST, l),
		"1: lo: <LOOPBACK> mtu 65536 qdisc noop state DOWN group default qlen 1000\n"
		"    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n");

	l = put_link(HOST, lo(F_LO_UP));
	put_addr(HOST, addr(1, "::1", 128, RT_SCOPE_HOST, IFA_F_PERMANENT, NULL));
	put_addr(HOST, addr(1, "127.0.0.1", 8, RT_SCOPE_HOST, IFA_F_PERMANENT,
	                    "lo"));
	assert_string_equal(link_text(HOST, l),
		"1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000\n"
		"    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n");
	/* IPv4 first although the world got ::1 first; no label on IPv6
	 * leaves "scope host " with its trailing space */
	assert_string_equal(addr_text(HOST, l),
		"1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000\n"
		"    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n"
		"    inet 127.0.0.1/8 scope host lo\n"
		"       valid_lft forever preferred_lft forever\n"
		"    inet6 ::1/128 scope host \n"
		"       valid_lft forever preferred_lft forever\n");
}

/* The tutorial's first steps: a veth pair in one namespace.  M-DOWN
 * marks a link whose same-namespace peer is not admin-up, in `ip link`
 * and `ip addr` alike (iproute2 6.1; the tutorial's older ip differed). */
static void test_veth_pair_same_namespace(void **state)
{
	struct w_link *v0, *v1;

	(void)state;
	v1 = put_link(HOST, veth(2, "veth1", F_DOWN, IF_OPER_DOWN,
	                         "62:26:60:06:85:e4", 3));
	v0 = put_link(HOST, veth(3, "veth0", F_DOWN, IF_OPER_DOWN,
	                         "f2:73:43:4d:d3:53", 2));
	v1 = world_find_link_index(HOST, 2);
	assert_string_equal(link_text(HOST, v1),
		"2: veth1@veth0: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000\n"
		"    link/ether 62:26:60:06:85:e4 brd ff:ff:ff:ff:ff:ff\n");
	assert_string_equal(addr_text(HOST, v0),
		"3: veth0@veth1: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN group default qlen 1000\n"
		"    link/ether f2:73:43:4d:d3:53 brd ff:ff:ff:ff:ff:ff\n");

	/* ip link set veth0 up: no carrier until the peer is up too */
	v0 = put_link(HOST, veth(3, "veth0", F_NOCARRIER,
	                         IF_OPER_LOWERLAYERDOWN, "f2:73:43:4d:d3:53", 2));
	v1 = world_find_link_index(HOST, 2);
	assert_string_equal(addr_text(HOST, v1),
		"2: veth1@veth0: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN group default qlen 1000\n"
		"    link/ether 62:26:60:06:85:e4 brd ff:ff:ff:ff:ff:ff\n");
	assert_string_equal(link_text(HOST, v0),
		"3: veth0@veth1: <NO-CARRIER,BROADCAST,MULTICAST,UP,M-DOWN> mtu 1500 qdisc noqueue state LOWERLAYERDOWN mode DEFAULT group default qlen 1000\n"
		"    link/ether f2:73:43:4d:d3:53 brd ff:ff:ff:ff:ff:ff\n");

	put_addr(HOST, addr(3, "10.0.1.0", 24, RT_SCOPE_UNIVERSE,
	                    IFA_F_PERMANENT, "veth0"));
	assert_string_equal(addr_text(HOST, v0),
		"3: veth0@veth1: <NO-CARRIER,BROADCAST,MULTICAST,UP,M-DOWN> mtu 1500 qdisc noqueue state LOWERLAYERDOWN group default qlen 1000\n"
		"    link/ether f2:73:43:4d:d3:53 brd ff:ff:ff:ff:ff:ff\n"
		"    inet 10.0.1.0/24 scope global veth0\n"
		"       valid_lft forever preferred_lft forever\n");

	/* ip link set veth1 up: both UP, link-local addresses appear */
	put_link(HOST, veth(2, "veth1", F_UP, IF_OPER_UP, "62:26:60:06:85:e4", 3));
	v0 = put_link(HOST, veth(3, "veth0", F_UP, IF_OPER_UP,
	                         "f2:73:43:4d:d3:53", 2));
	v1 = world_find_link_index(HOST, 2);
	put_addr(HOST, addr(2, "fe80::6026:60ff:fe06:85e4", 64, RT_SCOPE_LINK,
	                    IFA_F_PERMANENT | IFA_F_TENTATIVE, NULL));
	assert_string_equal(addr_text(HOST, v1),
		"2: veth1@veth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default qlen 1000\n"
		"    link/ether 62:26:60:06:85:e4 brd ff:ff:ff:ff:ff:ff\n"
		"    inet6 fe80::6026:60ff:fe06:85e4/64 scope link tentative \n"
		"       valid_lft forever preferred_lft forever\n");
	assert_string_equal(link_text(HOST, v0),
		"3: veth0@veth1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default qlen 1000\n"
		"    link/ether f2:73:43:4d:d3:53 brd ff:ff:ff:ff:ff:ff\n");

	/* ip link set veth1 down: its qdisc stays noqueue, and the kernel
	 * takes its link-local address away */
	v1 = put_link(HOST, veth(2, "veth1", F_DOWN, IF_OPER_DOWN,
	                         "62:26:60:06:85:e4", 3));
	del_addr(HOST, addr(2, "fe80::6026:60ff:fe06:85e4", 64, RT_SCOPE_LINK,
	                    IFA_F_PERMANENT, NULL));
	snprintf(v1->qdisc, sizeof v1->qdisc, "noqueue");
	assert_string_equal(addr_text(HOST, v1),
		"2: veth1@veth0: <BROADCAST,MULTICAST> mtu 1500 qdisc noqueue state DOWN group default qlen 1000\n"
		"    link/ether 62:26:60:06:85:e4 brd ff:ff:ff:ff:ff:ff\n");
	v0 = put_link(HOST, veth(3, "veth0", F_NOCARRIER,
	                         IF_OPER_LOWERLAYERDOWN, "f2:73:43:4d:d3:53", 2));
	assert_true(fmt_link_mdown(HOST, v0));
	assert_false(fmt_link_mdown(HOST, world_find_link_index(HOST, 2)));
}

/* veth1 moved to vnet: each end names the other by ifindex; the nsid
 * reads as the namespace's name when it is a named one. */
static void test_veth_across_namespaces(void **state)
{
	struct w_link l, *v0, *v1;

	(void)state;
	l = veth(3, "veth0", F_NOCARRIER, IF_OPER_LOWERLAYERDOWN,
	         "f2:73:43:4d:d3:53", 2);
	l.has_link_netnsid = 1;
	l.link_netnsid = 0;
	put_link(HOST, l);
	l = veth(2, "veth1", F_DOWN, IF_OPER_DOWN, "62:26:60:06:85:e4", 3);
	l.has_link_netnsid = 1;
	l.link_netnsid = 0;
	put_link(VNET, l);
	world_set_nsid(HOST, 0, VNET->id);
	world_set_nsid(VNET, 0, HOST->id);
	world_resolve_peers(W);
	v0 = world_find_link_index(HOST, 3);
	v1 = world_find_link_index(VNET, 2);

	assert_string_equal(link_text(HOST, v0),
		"3: veth0@if2: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state LOWERLAYERDOWN mode DEFAULT group default qlen 1000\n"
		"    link/ether f2:73:43:4d:d3:53 brd ff:ff:ff:ff:ff:ff link-netns vnet\n");
	assert_string_equal(link_text(VNET, v1),
		"2: veth1@if3: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000\n"
		"    link/ether 62:26:60:06:85:e4 brd ff:ff:ff:ff:ff:ff link-netnsid 0\n");
	assert_false(fmt_link_mdown(VNET, v1));

	put_addr(VNET, addr(2, "10.0.2.0", 24, 0, IFA_F_PERMANENT, "veth1"));
	put_addr(VNET, addr(2, "fe80::6026:60ff:fe06:85e4", 64, RT_SCOPE_LINK,
	                    IFA_F_PERMANENT | IFA_F_TENTATIVE, NULL));
	l = *v1;
	l.flags = F_UP;
	l.operstate = IF_OPER_UP;
	snprintf(l.qdisc, sizeof l.qdisc, "noqueue");
	v1 = put_link(VNET, l);
	assert_string_equal(addr_text(VNET, v1),
		"2: veth1@if3: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default qlen 1000\n"
		"    link/ether 62:26:60:06:85:e4 brd ff:ff:ff:ff:ff:ff link-netnsid 0\n"
		"    inet 10.0.2.0/24 scope global veth1\n"
		"       valid_lft forever preferred_lft forever\n"
		"    inet6 fe80::6026:60ff:fe06:85e4/64 scope link tentative \n"
		"       valid_lft forever preferred_lft forever\n");
}

static void test_veth_peer_in_unnamed_namespace(void **state)
{
	struct w_ns *un;
	struct w_link l, *v;

	(void)state;
	un = world_add_ns(W, W_NS_UNNAMED, "", 4, 4026532999u);
	un->holder_pid = 4242;
	snprintf(un->holder_comm, sizeof un->holder_comm, "sleep");
	l = veth(4, "vA", F_DOWN, IF_OPER_DOWN, "c2:fb:06:cc:db:21", 2);
	l.has_link_netnsid = 1;
	l.link_netnsid = 0;
	put_link(HOST, l);
	put_link(un, veth(2, "vB", F_DOWN, IF_OPER_DOWN, "12:34:56:78:9a:bc", 0));
	world_set_nsid(HOST, 0, un->id);
	world_resolve_peers(W);
	v = world_find_link_index(HOST, 4);
	assert_string_equal(v->peer_name, "vB");
	assert_string_equal(link_text(HOST, v),
		"4: vA@if2: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000\n"
		"    link/ether c2:fb:06:cc:db:21 brd ff:ff:ff:ff:ff:ff link-netnsid 0\n");
}

/* ip's own fallbacks, from its code: an index it does not know prints as
 * "ifN" and counts as down; IFLA_LINK 0 is "@NONE". */
static void test_link_fallbacks(void **state)
{
	struct w_link l;

	(void)state;
	l = veth(7, "veth9", F_DOWN, IF_OPER_DOWN, "02:00:00:00:00:09", 42);
	assert_string_equal(link_text(HOST, &l),
		"7: veth9@if42: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000\n"
		"    link/ether 02:00:00:00:00:09 brd ff:ff:ff:ff:ff:ff\n");
	l.iflink = 0;
	l.operstate = 9;     /* not an IF_OPER_*: hex, and no space after */
	l.linkmode = 5;
	l.txqlen = -1;       /* absent: no qlen */
	assert_string_equal(link_text(HOST, &l),
		"7: veth9@NONE: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state 0x9mode 5 group default \n"
		"    link/ether 02:00:00:00:00:09 brd ff:ff:ff:ff:ff:ff\n");
	l.has_link_netnsid = 1;
	l.link_netnsid = -1;
	l.iflink = 3;
	l.flags |= 0x1000000;   /* a bit ip has no name for */
	assert_string_equal(link_text(HOST, &l),
		"7: veth9@if3: <BROADCAST,MULTICAST,1000000> mtu 1500 qdisc noop state 0x9mode 5 group default \n"
		"    link/ether 02:00:00:00:00:09 brd ff:ff:ff:ff:ff:ff link-netnsid unknown\n");
}

/* A bridge and its port, modes, groups, alias, qlen 0, a tun, a
 * macvlan, promiscuous flags: one sandbox, `ip link show`. */
static void test_link_variants(void **state)
{
	struct w_link l, *p;

	(void)state;
	put_link(HOST, veth(3, "veth0", F_UP, IF_OPER_UP, "9a:aa:1e:8a:34:e4", 2));
	l = veth(2, "veth1", F_UP, IF_OPER_UP, "b2:f3:a6:3a:5e:97", 3);
	l.linkmode = 1;
	l.group = 7;
	w_link_set_alias(&l, "hello alias", 11);
	p = put_link(HOST, l);
	w_link_free(&l);
	assert_string_equal(link_text(HOST, p),
		"2: veth1@veth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DORMANT group 7 qlen 1000\n"
		"    link/ether b2:f3:a6:3a:5e:97 brd ff:ff:ff:ff:ff:ff\n"
		"    alias hello alias\n");
	/* ip addr: no mode, no alias */
	assert_string_equal(addr_text(HOST, p),
		"2: veth1@veth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group 7 qlen 1000\n"
		"    link/ether b2:f3:a6:3a:5e:97 brd ff:ff:ff:ff:ff:ff\n");

	/* txqueuelen 0: no qlen, the space before it stays */
	l = veth(3, "veth0", F_UP, IF_OPER_UP, "9a:aa:1e:8a:34:e4", 2);
	l.txqlen = 0;
	p = put_link(HOST, l);
	assert_string_equal(link_text(HOST, p),
		"3: veth0@veth1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default \n"
		"    link/ether 9a:aa:1e:8a:34:e4 brd ff:ff:ff:ff:ff:ff\n");

	put_link(HOST, veth(4, "veth3", F_DOWN, IF_OPER_DOWN, "6e:75:1d:89:78:01", 5));
	l = veth(5, "veth2", F_NOCARRIER, IF_OPER_LOWERLAYERDOWN,
	         "2a:41:3f:00:fe:79", 4);
	l.master = 6;
	put_link(HOST, l);
	l = veth(6, "br0", F_NOCARRIER, IF_OPER_DOWN, "2a:41:3f:00:fe:79", 0);
	snprintf(l.kind, sizeof l.kind, "bridge");
	put_link(HOST, l);
	assert_string_equal(link_text(HOST, world_find_link_index(HOST, 5)),
		"5: veth2@veth3: <NO-CARRIER,BROADCAST,MULTICAST,UP,M-DOWN> mtu 1500 qdisc noqueue master br0 state LOWERLAYERDOWN mode DEFAULT group default qlen 1000\n"
		"    link/ether 2a:41:3f:00:fe:79 brd ff:ff:ff:ff:ff:ff\n");
	assert_string_equal(link_text(HOST, world_find_link_index(HOST, 6)),
		"6: br0: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state DOWN mode DEFAULT group default qlen 1000\n"
		"    link/ether 2a:41:3f:00:fe:79 brd ff:ff:ff:ff:ff:ff\n");

	/* tun: no hardware address at all */
	memset(&l, 0, sizeof l);
	l.ifindex = 7;
	snprintf(l.name, sizeof l.name, "tun0");
	snprintf(l.kind, sizeof l.kind, "tun");
	l.flags = IFF_POINTOPOINT | IFF_MULTICAST | IFF_NOARP;
	l.mtu = 1500;
	snprintf(l.qdisc, sizeof l.qdisc, "noop");
	l.operstate = IF_OPER_DOWN;
	l.txqlen = 500;
	l.arptype = ARPHRD_NONE;
	p = put_link(HOST, l);
	assert_string_equal(link_text(HOST, p),
		"7: tun0: <POINTOPOINT,MULTICAST,NOARP> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 500\n"
		"    link/none \n");

	/* macvlan on veth0 (up, so no M-DOWN) */
	l = veth(9, "mv0", F_DOWN, IF_OPER_DOWN, "a2:70:c4:d1:5e:5d", 3);
	snprintf(l.kind, sizeof l.kind, "macvlan");
	p = put_link(HOST, l);
	assert_string_equal(link_text(HOST, p),
		"9: mv0@veth0: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000\n"
		"    link/ether a2:70:c4:d1:5e:5d brd ff:ff:ff:ff:ff:ff\n");

	/* ip link set veth1 promisc on allmulticast on arp off; veth0 mtu
	 * 9000 group 255 */
	l = veth(2, "veth1", F_UP | IFF_PROMISC | IFF_ALLMULTI | IFF_NOARP,
	         IF_OPER_UP, "92:89:37:59:8c:9f", 3);
	p = put_link(HOST, l);
	assert_string_equal(link_text(HOST, p),
		"2: veth1@veth0: <BROADCAST,MULTICAST,NOARP,ALLMULTI,PROMISC,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default qlen 1000\n"
		"    link/ether 92:89:37:59:8c:9f brd ff:ff:ff:ff:ff:ff\n");
	l = veth(3, "veth0", F_UP, IF_OPER_UP, "f6:c7:ea:14:94:51", 2);
	l.mtu = 9000;
	l.group = 255;
	p = put_link(HOST, l);
	assert_string_equal(link_text(HOST, p),
		"3: veth0@veth1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 9000 qdisc noqueue state UP mode DEFAULT group 255 qlen 1000\n"
		"    link/ether f6:c7:ea:14:94:51 brd ff:ff:ff:ff:ff:ff\n");
}

static void test_lladdr_tunnels(void **state)
{
	char buf[64];
	uint8_t v4[4] = { 1, 2, 3, 4 }, v6[16] = { 0 };
	struct w_link l;

	(void)state;
	assert_string_equal(fmt_lladdr(v4, 4, ARPHRD_TUNNEL, buf, sizeof buf),
	                    "1.2.3.4");
	assert_string_equal(fmt_lladdr(v4, 4, ARPHRD_ETHER, buf, sizeof buf),
	                    "01:02:03:04");
	assert_string_equal(fmt_lladdr(v6, 16, ARPHRD_TUNNEL6, buf, sizeof buf),
	                    "::");
	assert_string_equal(fmt_mac(v4, 0, buf, sizeof buf), "");
	/* a point-to-point link says "peer" where others say "brd" */
	memset(&l, 0, sizeof l);
	l.ifindex = 8;
	snprintf(l.name, sizeof l.name, "tunl0");
	l.flags = IFF_POINTOPOINT | IFF_NOARP;
	l.mtu = 1480;
	l.operstate = IF_OPER_DOWN;
	l.linkmode = -1;
	l.txqlen = -1;
	l.arptype = ARPHRD_TUNNEL;
	memset(l.addr, 0, 4);
	l.addr_len = 4;
	memcpy(l.brd, v4, 4);
	l.brd_len = 4;
	assert_string_equal(link_text(HOST, &l),
		"8: tunl0: <POINTOPOINT,NOARP> mtu 1480 state DOWN group default \n"
		"    link/ipip 0.0.0.0 peer 1.2.3.4\n");
}

/* ---- addresses ------------------------------------------------------------ */

/* Every address shape from one `ip addr show veth0`.  The world holds
 * them in the order they were added; ip shows the kernel's order: IPv4
 * primaries by scope, secondaries last; IPv6 global before link. */
static void test_addr_shapes(void **state)
{
	struct w_link l, *p;
	struct w_addr a;

	(void)state;
	put_link(HOST, veth(2, "veth1", F_UP, IF_OPER_UP, "b2:f3:a6:3a:5e:97", 3));
	l = veth(3, "veth0", F_UP, IF_OPER_UP, "9a:aa:1e:8a:34:e4", 2);
	l.txqlen = 0;
	p = put_link(HOST, l);

	put_addr(HOST, addr(3, "fe80::98aa:1eff:fe8a:34e4", 64, RT_SCOPE_LINK,
	                    IFA_F_PERMANENT, NULL));
	put_addr(HOST, addr(3, "10.0.1.1", 24, 0, IFA_F_PERMANENT, "veth0"));
	a = addr(3, "10.0.3.1", 24, 0, IFA_F_PERMANENT, "veth0");
	a.brd = IP("10.0.3.255");
	put_addr(HOST, a);
	put_addr(HOST, addr(3, "10.0.3.2", 24, 0,
	                    IFA_F_PERMANENT | IFA_F_SECONDARY, "veth0"));
	a = addr(3, "10.0.4.1", 32, 0, IFA_F_PERMANENT, "veth0");
	a.peer = IP("10.0.4.2");
	put_addr(HOST, a);
	put_addr(HOST, addr(3, "10.0.5.1", 24, 0, IFA_F_PERMANENT, "veth0:1"));
	a = addr(3, "10.0.6.1", 24, 0, IFA_F_PERMANENT, "veth0");
	a.has_metric = 1;
	a.metric = 100;
	put_addr(HOST, a);
	a = addr(3, "10.0.7.1", 24, 0, 0, "veth0");
	a.valid_lft = 100;
	a.preferred_lft = 50;
	put_addr(HOST, a);
	put_addr(HOST, addr(3, "10.0.8.1", 24, 0,
	                    IFA_F_PERMANENT | IFA_F_NOPREFIXROUTE, "veth0"));
	a = addr(3, "10.0.9.1", 24, RT_SCOPE_LINK, IFA_F_PERMANENT, "veth0");
	a.brd = IP("10.0.9.7");
	put_addr(HOST, a);
	/* IPv6 in the kernel's (newest first) order */
	put_addr(HOST, addr(3, "2001:db8:7::1", 64, 0, IFA_F_PERMANENT, NULL));
	a = addr(3, "2001:db8:6::1", 128, 0, IFA_F_PERMANENT, NULL);
	a.peer = IP("2001:db8:6::2");
	put_addr(HOST, a);
	a = addr(3, "2001:db8:5::1", 64, 0, IFA_F_PERMANENT, NULL);
	a.has_metric = 1;
	a.metric = 50;
	put_addr(HOST, a);
	a = addr(3, "2001:db8:4::1", 64, 0, IFA_F_HOMEADDRESS, NULL);
	a.valid_lft = 200;
	a.preferred_lft = 100;
	put_addr(HOST, a);
	a = addr(3, "2001:db8:3::1", 64, 0, IFA_F_DEPRECATED, NULL);
	a.valid_lft = 100;
	a.preferred_lft = 0;
	put_addr(HOST, a);
	put_addr(HOST, addr(3, "2001:db8:2::1", 64, 0,
	                    IFA_F_PERMANENT | IFA_F_MANAGETEMPADDR, NULL));
	put_addr(HOST, addr(3, "2001:db8:1::1", 64, 0,
	                    IFA_F_PERMANENT | IFA_F_NOPREFIXROUTE, NULL));
	put_addr(HOST, addr(3, "2001:db8::1", 64, 0,
	                    IFA_F_PERMANENT | IFA_F_NODAD, NULL));

	assert_string_equal(addr_text(HOST, p),
		"3: veth0@veth1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default \n"
		"    link/ether 9a:aa:1e:8a:34:e4 brd ff:ff:ff:ff:ff:ff\n"
		"    inet 10.0.9.1/24 brd 10.0.9.7 scope link veth0\n"
		"       valid_lft forever preferred_lft forever\n"
		"    inet 10.0.1.1/24 scope global veth0\n"
		"       valid_lft forever preferred_lft forever\n"
		"    inet 10.0.3.1/24 brd 10.0.3.255 scope global veth0\n"
		"       valid_lft forever preferred_lft forever\n"
		"    inet 10.0.4.1 peer 10.0.4.2/32 scope global veth0\n"
		"       valid_lft forever preferred_lft forever\n"
		"    inet 10.0.5.1/24 scope global veth0:1\n"
		"       valid_lft forever preferred_lft forever\n"
		"    inet 10.0.6.1/24 metric 100 scope global veth0\n"
		"       valid_lft forever preferred_lft forever\n"
		"    inet 10.0.7.1/24 scope global dynamic veth0\n"
		"       valid_lft 100sec preferred_lft 50sec\n"
		"    inet 10.0.8.1/24 scope global noprefixroute veth0\n"
		"       valid_lft forever preferred_lft forever\n"
		"    inet 10.0.3.2/24 scope global secondary veth0\n"
		"       valid_lft forever preferred_lft forever\n"
		"    inet6 2001:db8:7::1/64 scope global \n"
		"       valid_lft forever preferred_lft forever\n"
		"    inet6 2001:db8:6::1 peer 2001:db8:6::2/128 scope global \n"
		"       valid_lft forever preferred_lft forever\n"
		"    inet6 2001:db8:5::1/64 metric 50 scope global \n"
		"       valid_lft forever preferred_lft forever\n"
		"    inet6 2001:db8:4::1/64 scope global home dynamic \n"
		"       valid_lft 200sec preferred_lft 100sec\n"
		"    inet6 2001:db8:3::1/64 scope global deprecated dynamic \n"
		"       valid_lft 100sec preferred_lft 0sec\n"
		"    inet6 2001:db8:2::1/64 scope global mngtmpaddr \n"
		"       valid_lft forever preferred_lft forever\n"
		"    inet6 2001:db8:1::1/64 scope global noprefixroute \n"
		"       valid_lft forever preferred_lft forever\n"
		"    inet6 2001:db8::1/64 scope global nodad \n"
		"       valid_lft forever preferred_lft forever\n"
		"    inet6 fe80::98aa:1eff:fe8a:34e4/64 scope link \n"
		"       valid_lft forever preferred_lft forever\n");
}

/* /32 without a peer; an address without IFA_CACHEINFO is one line */
static void test_addr_single(void **state)
{
	struct w_addr a = addr(3, "10.0.0.1", 32, 0, IFA_F_PERMANENT, "veth0");

	(void)state;
	sbuf_reset(&OUT);
	fmt_addr(&OUT, HOST, &a);
	assert_string_equal(sbuf_str(&OUT),
		"    inet 10.0.0.1/32 scope global veth0\n"
		"       valid_lft forever preferred_lft forever\n");
	a.has_cacheinfo = 0;
	sbuf_reset(&OUT);
	fmt_addr(&OUT, HOST, &a);
	assert_string_equal(sbuf_str(&OUT), "    inet 10.0.0.1/32 scope global veth0\n");
}

static void test_addr_flag_words(void **state)
{
	const char *v[FMT_MAX_FLAG_WORDS];
	char spare[32];
	size_t n;

	(void)state;
	/* SLAAC: "dynamic" sits where "permanent" would, before mngtmpaddr */
	n = fmt_addr_flag_words(AF_INET6, IFA_F_MANAGETEMPADDR |
	                        IFA_F_NOPREFIXROUTE, v, FMT_MAX_FLAG_WORDS,
	                        spare, sizeof spare);
	assert_int_equal(n, 3);
	assert_string_equal(v[0], "dynamic");
	assert_string_equal(v[1], "mngtmpaddr");
	assert_string_equal(v[2], "noprefixroute");
	/* the secondary bit is "temporary" for IPv6 */
	n = fmt_addr_flag_words(AF_INET6, IFA_F_SECONDARY, v,
	                        FMT_MAX_FLAG_WORDS, spare, sizeof spare);
	assert_int_equal(n, 2);
	assert_string_equal(v[0], "temporary");
	assert_string_equal(v[1], "dynamic");
	n = fmt_addr_flag_words(AF_INET, IFA_F_PERMANENT | IFA_F_SECONDARY |
	                        0x1000, v, FMT_MAX_FLAG_WORDS, spare,
	                        sizeof spare);
	assert_int_equal(n, 2);
	assert_string_equal(v[0], "secondary");
	assert_string_equal(v[1], "flags 1000");
	n = fmt_addr_flag_words(AF_INET6, IFA_F_PERMANENT | IFA_F_NODAD |
	                        IFA_F_OPTIMISTIC | IFA_F_DADFAILED |
	                        IFA_F_TENTATIVE | IFA_F_MCAUTOJOIN |
	                        IFA_F_STABLE_PRIVACY, v, FMT_MAX_FLAG_WORDS,
	                        spare, sizeof spare);
	assert_int_equal(n, 6);
	assert_string_equal(v[0], "nodad");
	assert_string_equal(v[1], "optimistic");
	assert_string_equal(v[2], "dadfailed");
	assert_string_equal(v[3], "tentative");
	assert_string_equal(v[4], "autojoin");
	assert_string_equal(v[5], "stable-privacy");
}

/* ---- routes --------------------------------------------------------------- */

static void add_route_links(void)
{
	put_link(HOST, lo(F_LO_UP));
	put_link(HOST, veth(2, "veth1", F_UP, IF_OPER_UP, "02:00:00:00:00:01", 3));
	put_link(HOST, veth(3, "veth0", F_UP, IF_OPER_UP, "02:00:00:00:00:00", 2));
	put_link(HOST, veth(4, "veth3", F_DOWN, IF_OPER_DOWN, "02:00:00:00:00:03", 5));
	put_link(HOST, veth(5, "veth2", F_NOCARRIER, IF_OPER_LOWERLAYERDOWN,
	                    "02:00:00:00:00:02", 4));
}

static void test_route_ipv4_shapes(void **state)
{
	struct w_route r;

	(void)state;
	add_route_links();

	r = route(NULL, 0);
	r.gw = IP("10.0.1.254");
	r.oif = 3;
	assert_string_equal(route_text(HOST, &r),
	                    "default via 10.0.1.254 dev veth0 \n");

	r = route("1.2.3.4", 32);
	r.scope = RT_SCOPE_LINK;
	r.oif = 3;
	assert_string_equal(route_text(HOST, &r), "1.2.3.4 dev veth0 scope link \n");

	r = route("10.0.1.0", 24);
	r.protocol = RTPROT_KERNEL;
	r.scope = RT_SCOPE_LINK;
	r.oif = 3;
	r.prefsrc = IP("10.0.1.1");
	assert_string_equal(route_text(HOST, &r),
		"10.0.1.0/24 dev veth0 proto kernel scope link src 10.0.1.1 \n");

	r = route("10.0.3.0", 24);
	r.protocol = RTPROT_KERNEL;
	r.scope = RT_SCOPE_LINK;
	r.oif = 5;
	r.prefsrc = IP("10.0.3.1");
	r.flags = RTNH_F_LINKDOWN;
	assert_string_equal(route_text(HOST, &r),
		"10.0.3.0/24 dev veth2 proto kernel scope link src 10.0.3.1 linkdown \n");

	r = route("10.1.0.0", 16);
	r.gw = IP("10.0.1.2");
	r.oif = 3;
	r.protocol = RTPROT_STATIC;
	r.has_priority = 1;
	r.priority = 100;
	assert_string_equal(route_text(HOST, &r),
		"10.1.0.0/16 via 10.0.1.2 dev veth0 proto static metric 100 \n");

	r = route("10.2.0.0", 16);
	r.oif = 3;
	r.protocol = 16;
	r.scope = RT_SCOPE_LINK;
	r.prefsrc = IP("10.0.1.1");
	r.has_priority = 1;
	r.priority = 5;
	assert_string_equal(route_text(HOST, &r),
		"10.2.0.0/16 dev veth0 proto dhcp scope link src 10.0.1.1 metric 5 \n");

	r = route("10.4.0.0", 16);
	r.gw = IP("192.168.9.9");
	r.oif = 3;
	r.flags = RTNH_F_ONLINK;
	assert_string_equal(route_text(HOST, &r),
		"10.4.0.0/16 via 192.168.9.9 dev veth0 onlink \n");

	r = route("10.10.0.0", 16);
	r.gw = IP("10.0.1.2");
	r.oif = 3;
	r.mtu = 1400;
	assert_string_equal(route_text(HOST, &r),
		"10.10.0.0/16 via 10.0.1.2 dev veth0 mtu 1400 \n");

	r = route("10.11.0.0", 16);
	r.oif = 3;
	r.protocol = 77;
	r.scope = RT_SCOPE_HOST;
	assert_string_equal(route_text(HOST, &r),
		"10.11.0.0/16 dev veth0 proto 77 scope host \n");

	r = route("10.15.0.0", 16);
	r.oif = 3;
	r.scope = RT_SCOPE_LINK;
	r.tos = 0x10;
	assert_string_equal(route_text(HOST, &r),
		"10.15.0.0/16 tos 0x10 dev veth0 scope link \n");
	r.tos = 0x28;
	assert_string_equal(route_text(HOST, &r),
		"10.15.0.0/16 tos AF11 dev veth0 scope link \n");
	r.tos = 0x04;
	assert_string_equal(route_text(HOST, &r),
		"10.15.0.0/16 tos 0x04 dev veth0 scope link \n");

	r = route("10.16.0.0", 16);
	r.gw = IP("10.0.1.2");
	r.oif = 3;
	r.protocol = 200;
	r.prefsrc = IP("10.0.1.1");
	r.has_priority = 1;
	r.priority = 7;
	assert_string_equal(route_text(HOST, &r),
		"10.16.0.0/16 via 10.0.1.2 dev veth0 proto 200 src 10.0.1.1 metric 7 \n");

	/* RTA_VIA: an IPv6 gateway for an IPv4 route */
	r = route("10.19.0.0", 16);
	r.gw = IP("fe80::1");
	r.oif = 3;
	assert_string_equal(route_text(HOST, &r),
		"10.19.0.0/16 via inet6 fe80::1 dev veth0 \n");

	/* the tutorial's host route, and a scope-0 route */
	r = route("10.0.1.0", 32);
	r.scope = RT_SCOPE_LINK;
	r.oif = 3;
	assert_string_equal(route_text(HOST, &r), "10.0.1.0 dev veth0 scope link \n");
	r = route("10.21.0.0", 24);
	r.oif = 3;
	assert_string_equal(route_text(HOST, &r), "10.21.0.0/24 dev veth0 \n");
}

static void test_route_types(void **state)
{
	static const struct { int type; const char *text; } t[] = {
		{ RTN_UNREACHABLE, "unreachable 10.6.0.0/16 \n" },
		{ RTN_BLACKHOLE, "blackhole 10.6.0.0/16 \n" },
		{ RTN_PROHIBIT, "prohibit 10.6.0.0/16 \n" },
		{ RTN_THROW, "throw 10.6.0.0/16 \n" },
	};
	struct w_route r;

	(void)state;
	add_route_links();
	for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
		r = route("10.6.0.0", 16);
		r.type = t[i].type;
		assert_string_equal(route_text(HOST, &r), t[i].text);
	}

	r = route("10.13.0.0", 16);
	r.type = RTN_LOCAL;
	r.scope = RT_SCOPE_HOST;
	r.oif = 3;
	assert_string_equal(route_text(HOST, &r),
	                    "local 10.13.0.0/16 dev veth0 scope host \n");
	r = route("10.14.0.1", 32);
	r.type = RTN_BROADCAST;
	r.scope = RT_SCOPE_LINK;
	r.oif = 3;
	assert_string_equal(route_text(HOST, &r),
	                    "broadcast 10.14.0.1 dev veth0 scope link \n");
	r = route("224.1.0.0", 16);
	r.type = RTN_MULTICAST;
	r.scope = RT_SCOPE_LINK;
	r.oif = 3;
	assert_string_equal(route_text(HOST, &r),
	                    "multicast 224.1.0.0/16 dev veth0 scope link \n");

	/* other tables, as `ip route show table all` shows them */
	r = route("10.12.0.0", 16);
	r.table = 100;
	r.scope = RT_SCOPE_LINK;
	r.oif = 3;
	assert_string_equal(route_text(HOST, &r),
	                    "10.12.0.0/16 dev veth0 table 100 scope link \n");
	r.table = RT_TABLE_DEFAULT;
	assert_string_equal(route_text(HOST, &r),
	                    "10.12.0.0/16 dev veth0 table default scope link \n");
	r = route("10.0.1.1", 32);
	r.type = RTN_LOCAL;
	r.table = RT_TABLE_LOCAL;
	r.protocol = RTPROT_KERNEL;
	r.scope = RT_SCOPE_HOST;
	r.oif = 3;
	r.prefsrc = IP("10.0.1.1");
	assert_string_equal(route_text(HOST, &r),
		"local 10.0.1.1 dev veth0 table local proto kernel scope host src 10.0.1.1 \n");
	r = route("10.0.1.255", 32);
	r.type = RTN_BROADCAST;
	r.table = RT_TABLE_LOCAL;
	r.protocol = RTPROT_KERNEL;
	r.scope = RT_SCOPE_LINK;
	r.oif = 3;
	r.prefsrc = IP("10.0.1.1");
	assert_string_equal(route_text(HOST, &r),
		"broadcast 10.0.1.255 dev veth0 table local proto kernel scope link src 10.0.1.1 \n");
}

static void test_route_multipath(void **state)
{
	struct w_route r;

	(void)state;
	add_route_links();
	r = route("10.5.0.0", 16);
	r.nnexthops = 2;
	r.nh[0].gw = IP("10.0.1.2");
	r.nh[0].ifindex = 3;
	r.nh[0].weight = 1;
	r.nh[1].gw = IP("10.0.3.2");
	r.nh[1].ifindex = 5;
	r.nh[1].weight = 3;
	r.nh[1].flags = RTNH_F_LINKDOWN;
	assert_string_equal(route_text(HOST, &r),
		"10.5.0.0/16 \n"
		"\tnexthop via 10.0.1.2 dev veth0 weight 1 \n"
		"\tnexthop via 10.0.3.2 dev veth2 weight 3 linkdown \n");

	r = route("10.18.0.0", 16);
	r.nnexthops = 2;
	r.nh[0].gw = IP("10.0.1.2");
	r.nh[0].ifindex = 3;
	r.nh[0].weight = 1;
	r.nh[1].ifindex = 5;
	r.nh[1].weight = 1;
	r.nh[1].flags = RTNH_F_DEAD | RTNH_F_LINKDOWN;
	assert_string_equal(route_text(HOST, &r),
		"10.18.0.0/16 \n"
		"\tnexthop via 10.0.1.2 dev veth0 weight 1 \n"
		"\tnexthop dev veth2 weight 1 dead linkdown \n");

	/* IPv6: "pref" comes before the nexthops, with no trailing space */
	r = route6("2001:db8:5::", 64, 1024);
	r.nnexthops = 2;
	r.nh[0].gw = IP("2001:db8::2");
	r.nh[0].ifindex = 3;
	r.nh[0].weight = 1;
	r.nh[1].gw = IP("2001:db8::3");
	r.nh[1].ifindex = 3;
	r.nh[1].weight = 2;
	assert_string_equal(route_text(HOST, &r),
		"2001:db8:5::/64 metric 1024 pref medium\n"
		"\tnexthop via 2001:db8::2 dev veth0 weight 1 \n"
		"\tnexthop via 2001:db8::3 dev veth0 weight 2 \n");
}

static void test_route_ipv6_shapes(void **state)
{
	struct w_route r;

	(void)state;
	add_route_links();
	r = route6("2001:db8::", 64, 256);
	r.protocol = RTPROT_KERNEL;
	r.oif = 3;
	assert_string_equal(route_text(HOST, &r),
		"2001:db8::/64 dev veth0 proto kernel metric 256 pref medium\n");
	r = route6("fe80::", 64, 256);
	r.protocol = RTPROT_KERNEL;
	r.oif = 3;
	assert_string_equal(route_text(HOST, &r),
		"fe80::/64 dev veth0 proto kernel metric 256 pref medium\n");

	r = route6("2001:db8:1::", 64, 10);
	r.gw = IP("2001:db8::2");
	r.oif = 3;
	r.protocol = RTPROT_STATIC;
	assert_string_equal(route_text(HOST, &r),
		"2001:db8:1::/64 via 2001:db8::2 dev veth0 proto static metric 10 pref medium\n");

	r = route6("2001:db8:2::", 64, 1024);
	r.oif = 3;
	r.pref = 1;
	assert_string_equal(route_text(HOST, &r),
		"2001:db8:2::/64 dev veth0 metric 1024 pref high\n");

	r = route6("2001:db8:3::", 64, 1024);
	r.type = RTN_UNREACHABLE;
	r.oif = 1;
	assert_string_equal(route_text(HOST, &r),
		"unreachable 2001:db8:3::/64 dev lo metric 1024 pref medium\n");
	r.type = RTN_BLACKHOLE;
	assert_string_equal(route_text(HOST, &r),
		"blackhole 2001:db8:3::/64 dev lo metric 1024 pref medium\n");
	r.type = RTN_PROHIBIT;
	assert_string_equal(route_text(HOST, &r),
		"prohibit 2001:db8:3::/64 dev lo metric 1024 pref medium\n");

	r = route6("2001:db8:6::", 64, 1024);
	r.oif = 5;
	r.pref = 3;
	r.flags = RTNH_F_LINKDOWN;
	assert_string_equal(route_text(HOST, &r),
		"2001:db8:6::/64 dev veth2 metric 1024 linkdown pref low\n");

	r = route6("2001:db8:8::", 64, 1024);
	r.gw = IP("fe80::5");
	r.oif = 3;
	r.mtu = 1300;
	assert_string_equal(route_text(HOST, &r),
		"2001:db8:8::/64 via fe80::5 dev veth0 metric 1024 mtu 1300 pref medium\n");

	/* the prefix route of an address with a lifetime: RTA_CACHEINFO's
	 * rta_expires in clock ticks, printed in seconds before the metrics */
	r = route6("2001:db8:3::", 64, 256);
	r.protocol = RTPROT_KERNEL;
	r.oif = 3;
	r.expires = 719950;
	assert_string_equal(route_text(HOST, &r),
		"2001:db8:3::/64 dev veth0 proto kernel metric 256 expires 7199sec pref medium\n");
	r.mtu = 1300;
	assert_string_equal(route_text(HOST, &r),
		"2001:db8:3::/64 dev veth0 proto kernel metric 256 expires 7199sec mtu 1300 pref medium\n");

	r = route6(NULL, 0, 1024);
	r.gw = IP("fe80::1");
	r.oif = 3;
	assert_string_equal(route_text(HOST, &r),
		"default via fe80::1 dev veth0 metric 1024 pref medium\n");

	r = route6("ff00::", 8, 256);
	r.type = RTN_MULTICAST;
	r.table = RT_TABLE_LOCAL;
	r.protocol = RTPROT_KERNEL;
	r.oif = 2;
	assert_string_equal(route_text(HOST, &r),
		"multicast ff00::/8 dev veth1 table local proto kernel metric 256 pref medium\n");
	r = route6("::1", 128, 0);
	r.type = RTN_LOCAL;
	r.table = RT_TABLE_LOCAL;
	r.protocol = RTPROT_KERNEL;
	r.oif = 1;
	assert_string_equal(route_text(HOST, &r),
		"local ::1 dev lo table local proto kernel metric 0 pref medium\n");
	r.pref = 2;   /* not a known preference: ip prints the bare number */
	assert_string_equal(route_text(HOST, &r),
		"local ::1 dev lo table local proto kernel metric 0 2\n");
}

/* `ip route get` answers: cloned IPv4 routes carry the cache line. */
static void test_route_get(void **state)
{
	struct w_route r;

	(void)state;
	add_route_links();
	/* the tutorial's answer */
	r = route("10.0.2.0", 32);
	r.flags = RTM_F_CLONED;
	r.oif = 3;
	r.prefsrc = IP("10.0.1.0");
	r.has_uid = 1;
	r.uid = 0;
	assert_string_equal(get_text(HOST, &r),
		"10.0.2.0 dev veth0 src 10.0.1.0 uid 0 \n"
		"    cache \n");

	r = route("10.1.2.3", 32);
	r.flags = RTM_F_CLONED;
	r.gw = IP("10.0.1.2");
	r.oif = 3;
	r.prefsrc = IP("10.0.1.1");
	r.has_uid = 1;
	assert_string_equal(get_text(HOST, &r),
		"10.1.2.3 via 10.0.1.2 dev veth0 src 10.0.1.1 uid 0 \n"
		"    cache \n");
	r.mtu = 1400;
	assert_string_equal(get_text(HOST, &r),
		"10.1.2.3 via 10.0.1.2 dev veth0 src 10.0.1.1 uid 0 \n"
		"    cache mtu 1400 \n");

	r = route("127.0.0.1", 32);
	r.type = RTN_LOCAL;
	r.flags = RTM_F_CLONED | RTCF_LOCAL;
	r.oif = 1;
	r.prefsrc = IP("127.0.0.1");
	r.has_uid = 1;
	assert_string_equal(get_text(HOST, &r),
		"local 127.0.0.1 dev lo src 127.0.0.1 uid 0 \n"
		"    cache <local> \n");

	r = route("10.0.1.255", 32);
	r.type = RTN_BROADCAST;
	r.flags = RTM_F_CLONED | RTCF_LOCAL | RTCF_BROADCAST;
	r.oif = 3;
	r.prefsrc = IP("10.0.1.1");
	r.has_uid = 1;
	assert_string_equal(get_text(HOST, &r),
		"broadcast 10.0.1.255 dev veth0 src 10.0.1.1 uid 0 \n"
		"    cache <local,brd> \n");

	/* RTCF_MULTICAST is also RTM_F_OFFLOAD_FAILED's bit */
	r = route("224.1.0.1", 32);
	r.type = RTN_MULTICAST;
	r.flags = RTM_F_CLONED | RTCF_MULTICAST;
	r.oif = 3;
	r.prefsrc = IP("10.0.1.1");
	r.has_uid = 1;
	assert_string_equal(get_text(HOST, &r),
		"multicast 224.1.0.1 dev veth0 src 10.0.1.1 rt_offload_failed uid 0 \n"
		"    cache <mc> \n");

	r = route("10.19.0.1", 32);
	r.flags = RTM_F_CLONED;
	r.gw = IP("fe80::1");
	r.oif = 3;
	r.prefsrc = IP("10.0.1.1");
	r.has_uid = 1;
	assert_string_equal(get_text(HOST, &r),
		"10.19.0.1 via inet6 fe80::1 dev veth0 src 10.0.1.1 uid 0 \n"
		"    cache \n");

	/* IPv6 answers: not cloned, no uid, "from ::" (RTA_SRC, /128) */
	r = route6("2001:db8::5", 128, 256);
	r.src = IP("::");
	r.src_len = 128;
	r.protocol = RTPROT_KERNEL;
	r.oif = 3;
	r.prefsrc = IP("2001:db8::1");
	assert_string_equal(get_text(HOST, &r),
		"2001:db8::5 from :: dev veth0 proto kernel src 2001:db8::1 metric 256 pref medium\n");
	r = route6("::1", 128, 0);
	r.type = RTN_LOCAL;
	r.table = RT_TABLE_LOCAL;
	r.src = IP("::");
	r.src_len = 128;
	r.protocol = RTPROT_KERNEL;
	r.oif = 1;
	r.prefsrc = IP("::1");
	assert_string_equal(get_text(HOST, &r),
		"local ::1 from :: dev lo table local proto kernel src ::1 metric 0 pref medium\n");
	/* a source prefix */
	r.src = IP("2001:db8::");
	r.src_len = 64;
	assert_string_equal(get_text(HOST, &r),
		"local ::1 from 2001:db8::/64 dev lo table local proto kernel src ::1 metric 0 pref medium\n");
}

static void test_route_listed(void **state)
{
	struct w_route r = route("10.0.0.0", 8);

	(void)state;
	assert_true(fmt_route_listed(&r));
	r.table = RT_TABLE_LOCAL;
	assert_false(fmt_route_listed(&r));
	r.table = 100;
	assert_false(fmt_route_listed(&r));
	r.table = RT_TABLE_MAIN;
	r.flags = RTM_F_CLONED;
	assert_false(fmt_route_listed(&r));
	r = route6("2001:db8::", 64, 256);
	assert_true(fmt_route_listed(&r));
}

/* Routes arrive in any order; `ip route` lists them in the kernel's:
 * output checked against one sandbox's `ip route` and `ip -6 route`. */
static void test_route_show_order(void **state)
{
	static const struct { const char *dst; int len; int oif; unsigned metric;
	                      int tos; } v4[] = {
		{ "10.0.0.0", 8, 3, 0, 0 }, { "10.0.0.1", 32, 2, 0, 0 },
		{ "10.0.0.0", 16, 2, 5, 0 }, { "192.168.0.0", 16, 2, 0, 0 },
		{ "10.0.0.0", 16, 2, 2, 0x10 }, { NULL, 0, 2, 3, 0 },
		{ "10.0.0.0", 24, 3, 0, 0 }, { "10.0.0.0", 16, 3, 0, 0 },
		{ "10.0.0.0", 16, 2, 2, 0 }, { "9.0.0.0", 8, 2, 0, 0 },
		{ "10.128.0.0", 9, 2, 0, 0 }, { "10.0.0.0", 16, 2, 2, 0x8 },
		{ NULL, 0, 3, 1, 0 }, { "0.0.0.0", 1, 2, 0, 0 },
	};
	static const struct { const char *dst; int len; int oif;
	                      unsigned metric; } v6[] = {
		{ "2001:db8::", 32, 3, 1024 }, { "2001:db8::", 48, 3, 1024 },
		{ NULL, 0, 3, 1024 }, { "2001:db8::", 64, 3, 1024 },
		{ "fe80::", 64, 2, 256 }, { "2001:db8:1::", 64, 3, 1024 },
		{ "3000::", 16, 3, 1024 }, { "1000::", 16, 3, 1024 },
		{ "::", 1, 3, 1024 }, { "fe80::", 64, 3, 256 },
		{ NULL, 0, 2, 10 }, { "2001:db8::1", 128, 3, 1024 },
		{ "2001:db8:1::", 64, 2, 5 },
	};
	struct w_route r;

	(void)state;
	add_route_links();
	for (size_t i = 0; i < sizeof v4 / sizeof *v4; i++) {
		r = route(v4[i].dst, v4[i].len);
		r.oif = v4[i].oif;
		r.scope = RT_SCOPE_LINK;
		r.tos = v4[i].tos;
		if (v4[i].metric) {
			r.has_priority = 1;
			r.priority = v4[i].metric;
		}
		put_route(HOST, r);
	}
	for (size_t i = 0; i < sizeof v6 / sizeof *v6; i++) {
		r = route6(v6[i].dst, v6[i].len, v6[i].metric);
		r.oif = v6[i].oif;
		if (v6[i].metric == 256)
			r.protocol = RTPROT_KERNEL;
		put_route(HOST, r);
	}
	/* neither listed: another table, a cached clone */
	r = route("10.99.0.0", 16);
	r.table = 100;
	put_route(HOST, r);
	r = route("10.98.0.0", 16);
	r.flags = RTM_F_CLONED;
	put_route(HOST, r);

	sbuf_reset(&OUT);
	fmt_route_show(&OUT, HOST, AF_INET);
	assert_string_equal(sbuf_str(&OUT),
		"0.0.0.0/1 dev veth1 scope link \n"
		"default dev veth0 scope link metric 1 \n"
		"default dev veth1 scope link metric 3 \n"
		"9.0.0.0/8 dev veth1 scope link \n"
		"10.0.0.0/24 dev veth0 scope link \n"
		"10.0.0.0/16 tos 0x10 dev veth1 scope link metric 2 \n"
		"10.0.0.0/16 tos 0x08 dev veth1 scope link metric 2 \n"
		"10.0.0.0/16 dev veth0 scope link \n"
		"10.0.0.0/16 dev veth1 scope link metric 2 \n"
		"10.0.0.0/16 dev veth1 scope link metric 5 \n"
		"10.0.0.0/8 dev veth0 scope link \n"
		"10.0.0.1 dev veth1 scope link \n"
		"10.128.0.0/9 dev veth1 scope link \n"
		"192.168.0.0/16 dev veth1 scope link \n");
	sbuf_reset(&OUT);
	fmt_route_show(&OUT, HOST, AF_INET6);
	assert_string_equal(sbuf_str(&OUT),
		"1000::/16 dev veth0 metric 1024 pref medium\n"
		"2001:db8::1 dev veth0 metric 1024 pref medium\n"
		"2001:db8::/64 dev veth0 metric 1024 pref medium\n"
		"2001:db8::/48 dev veth0 metric 1024 pref medium\n"
		"2001:db8:1::/64 dev veth1 metric 5 pref medium\n"
		"2001:db8:1::/64 dev veth0 metric 1024 pref medium\n"
		"2001:db8::/32 dev veth0 metric 1024 pref medium\n"
		"3000::/16 dev veth0 metric 1024 pref medium\n"
		"::/1 dev veth0 metric 1024 pref medium\n"
		"fe80::/64 dev veth1 proto kernel metric 256 pref medium\n"
		"fe80::/64 dev veth0 proto kernel metric 256 pref medium\n"
		"default dev veth1 metric 10 pref medium\n"
		"default dev veth0 metric 1024 pref medium\n");
}

/* ---- names ---------------------------------------------------------------- */

static void test_names(void **state)
{
	char b[64];

	(void)state;
	assert_string_equal(fmt_scope_name(0, b, sizeof b), "global");
	assert_string_equal(fmt_scope_name(200, b, sizeof b), "site");
	assert_string_equal(fmt_scope_name(253, b, sizeof b), "link");
	assert_string_equal(fmt_scope_name(254, b, sizeof b), "host");
	assert_string_equal(fmt_scope_name(255, b, sizeof b), "nowhere");
	assert_string_equal(fmt_scope_name(1, b, sizeof b), "1");
	assert_string_equal(fmt_proto_name(0, b, sizeof b), "unspec");
	assert_string_equal(fmt_proto_name(2, b, sizeof b), "kernel");
	assert_string_equal(fmt_proto_name(3, b, sizeof b), "boot");
	assert_string_equal(fmt_proto_name(4, b, sizeof b), "static");
	assert_string_equal(fmt_proto_name(16, b, sizeof b), "dhcp");
	assert_string_equal(fmt_proto_name(9, b, sizeof b), "ra");
	assert_string_equal(fmt_proto_name(99, b, sizeof b), "openr");
	assert_string_equal(fmt_proto_name(192, b, sizeof b), "eigrp");
	assert_string_equal(fmt_proto_name(17, b, sizeof b), "17");
	assert_string_equal(fmt_proto_name(255, b, sizeof b), "255");
	assert_string_equal(fmt_rtype_name(RTN_UNICAST, b, sizeof b), "unicast");
	assert_string_equal(fmt_rtype_name(RTN_UNSPEC, b, sizeof b), "none");
	assert_string_equal(fmt_rtype_name(RTN_THROW, b, sizeof b), "throw");
	assert_string_equal(fmt_rtype_name(RTN_NAT, b, sizeof b), "nat");
	assert_string_equal(fmt_rtype_name(RTN_XRESOLVE, b, sizeof b), "xresolve");
	assert_string_equal(fmt_rtype_name(42, b, sizeof b), "42");
	assert_string_equal(fmt_table_name(254, b, sizeof b), "main");
	assert_string_equal(fmt_table_name(255, b, sizeof b), "local");
	assert_string_equal(fmt_table_name(253, b, sizeof b), "default");
	assert_string_equal(fmt_table_name(1024, b, sizeof b), "1024");
	assert_string_equal(fmt_dsfield_name(0xb8, b, sizeof b), "EF");
	assert_string_equal(fmt_group_name(0, b, sizeof b), "default");
	assert_string_equal(fmt_group_name(7, b, sizeof b), "7");
	assert_string_equal(fmt_linkmode_name(1, b, sizeof b), "DORMANT");
	assert_string_equal(fmt_operstate_name(IF_OPER_UNKNOWN), "UNKNOWN");
	assert_string_equal(fmt_operstate_name(IF_OPER_NOTPRESENT), "NOTPRESENT");
	assert_string_equal(fmt_operstate_name(IF_OPER_LOWERLAYERDOWN),
	                    "LOWERLAYERDOWN");
	assert_string_equal(fmt_operstate_name(IF_OPER_TESTING), "TESTING");
	assert_string_equal(fmt_operstate_name(IF_OPER_DORMANT), "DORMANT");
	assert_string_equal(fmt_operstate_name(IF_OPER_UP), "UP");
	assert_string_equal(fmt_operstate_name(7), "?");
	assert_string_equal(fmt_operstate_name(-1), "?");
	assert_string_equal(fmt_arphrd_name(ARPHRD_ETHER, b, sizeof b), "ether");
	assert_string_equal(fmt_arphrd_name(ARPHRD_LOOPBACK, b, sizeof b),
	                    "loopback");
	assert_string_equal(fmt_arphrd_name(ARPHRD_NONE, b, sizeof b), "none");
	assert_string_equal(fmt_arphrd_name(ARPHRD_IP6GRE, b, sizeof b), "gre6");
	assert_string_equal(fmt_arphrd_name(12345, b, sizeof b), "[12345]");
	assert_string_equal(fmt_family_name(AF_INET6), "inet6");
	assert_string_equal(fmt_nud_name(NUD_REACHABLE, b, sizeof b), "REACHABLE");
	assert_string_equal(fmt_nud_name(NUD_NONE, b, sizeof b), "NONE");
	assert_string_equal(fmt_nud_name(NUD_STALE | NUD_PROBE, b, sizeof b),
	                    "STALE PROBE");
	assert_string_equal(fmt_nud_name(0x100, b, sizeof b), "0x100");
	/* truncation stays NUL-terminated */
	assert_string_equal(fmt_nud_name(NUD_INCOMPLETE | NUD_REACHABLE, b, 5),
	                    "INCO");
	assert_string_equal(fmt_mac((const uint8_t *)"\x01\x02\x03", 3, b, 6),
	                    "01:02");
}

static void test_route_flag_words(void **state)
{
	const char *v[FMT_MAX_FLAG_WORDS];
	size_t n;

	(void)state;
	n = fmt_route_flag_words(RTNH_F_DEAD | RTNH_F_ONLINK | RTNH_F_PERVASIVE |
	                         RTNH_F_OFFLOAD | RTNH_F_TRAP | RTM_F_NOTIFY |
	                         RTNH_F_LINKDOWN | RTNH_F_UNRESOLVED |
	                         RTM_F_OFFLOAD | RTM_F_TRAP |
	                         RTM_F_OFFLOAD_FAILED | RTM_F_CLONED,
	                         v, FMT_MAX_FLAG_WORDS);
	assert_int_equal(n, 11);
	assert_string_equal(v[0], "dead");
	assert_string_equal(v[1], "onlink");
	assert_string_equal(v[4], "trap");
	assert_string_equal(v[5], "notify");
	assert_string_equal(v[6], "linkdown");
	assert_string_equal(v[10], "rt_offload_failed");
	n = fmt_route_flag_words(RTNH_F_DEAD | RTNH_F_LINKDOWN, v, 1);
	assert_int_equal(n, 1);
}

/* ---- ip neigh --------------------------------------------------------------- */

static void put_neigh_flags(struct w_ns *ns, int ifindex, const char *dst,
                            const char *mac, unsigned state, unsigned flags)
{
	struct w_event ev;

	memset(&ev, 0, sizeof ev);
	ev.type = W_EV_NEWNEIGH;
	ev.from_dump = true;
	ev.u.neigh.ifindex = ifindex;
	ev.u.neigh.dst = IP(dst);
	ev.u.neigh.family = ev.u.neigh.dst.family;
	ev.u.neigh.state = state;
	ev.u.neigh.flags = flags;
	if (mac)
		ev.u.neigh.lladdr_len = parse_mac(ev.u.neigh.lladdr, mac);
	world_apply(W, ns, &ev);
}

static const char *neigh_text(const struct w_ns *ns, int ifindex, int family)
{
	sbuf_reset(&OUT);
	fmt_neigh_show(&OUT, ns, ifindex, family);
	return sbuf_str(&OUT);
}

/* Namespace a of a throwaway world: veth va (2) and its peer vb (3),
 * neighbours from ARP and ND traffic and from `ip neigh add ... nud S`
 * for every state.  INCOMPLETE and FAILED entries carry no lladdr (the
 * kernel sends NDA_LLADDR only for NUD_VALID states); NOARP and NONE
 * entries are hidden by ip's default filter unless externally learned.
 * The expected text is `ip -n a neigh show` (and `... dev va`, `-6`) as
 * iproute2 6.1 printed it for them, in the kernel's dump order. */
static void test_neigh_show(void **state)
{
	struct w_link *va;

	(void)state;
	va = put_link(VNET, veth(2, "va", F_UP, IF_OPER_UP, "0a:cb:44:91:39:1c", 3));
	put_link(VNET, veth(3, "vb", F_UP, IF_OPER_UP, "5a:50:7d:8e:f2:bb", 2));
	/* in the world, IPv6 and the hidden ones mixed in */
	put_neigh_flags(VNET, 2, "2001:db8::7", "02:00:00:00:00:97", NUD_STALE,
	                NTF_ROUTER | NTF_EXT_LEARNED);
	put_neigh_flags(VNET, 2, "10.9.0.24", "02:00:00:00:00:24", NUD_REACHABLE, 0);
	put_neigh_flags(VNET, 2, "10.9.0.27", NULL, NUD_FAILED, 0);
	put_neigh_flags(VNET, 2, "10.9.0.26", "02:00:00:00:00:26", NUD_PROBE, 0);
	put_neigh_flags(VNET, 2, "10.9.0.29", NULL, NUD_NONE, 0);
	put_neigh_flags(VNET, 2, "10.9.0.28", NULL, NUD_INCOMPLETE, 0);
	put_neigh_flags(VNET, 3, "ff02::16", "33:33:00:00:00:16", NUD_NOARP, 0);
	put_neigh_flags(VNET, 3, "10.9.0.42", "02:00:00:00:00:42", NUD_REACHABLE, 0);
	put_neigh_flags(VNET, 2, "10.9.0.21", "02:00:00:00:00:21", NUD_PERMANENT, 0);
	put_neigh_flags(VNET, 2, "10.9.0.23", "02:00:00:00:00:23", NUD_STALE, 0);
	put_neigh_flags(VNET, 2, "10.9.0.22", "02:00:00:00:00:22", NUD_NOARP, 0);
	put_neigh_flags(VNET, 2, "2001:db8::2", "5a:50:7d:8e:f2:bb", NUD_REACHABLE, 0);
	put_neigh_flags(VNET, 2, "10.9.0.25", "02:00:00:00:00:25", NUD_DELAY, 0);
	put_neigh_flags(VNET, 2, "2001:db8::8", "02:00:00:00:00:98", NUD_PERMANENT,
	                NTF_EXT_LEARNED);
	put_neigh_flags(VNET, 2, "10.9.0.30", "02:00:00:00:00:30", NUD_NOARP,
	                NTF_EXT_LEARNED);
	put_neigh_flags(VNET, 2, "10.9.0.31", NULL, NUD_NONE, NTF_EXT_LEARNED);
	put_neigh_flags(VNET, 2, "fe80::1", "02:00:00:00:00:01", NUD_REACHABLE,
	                NTF_ROUTER);

	assert_string_equal(neigh_text(VNET, 0, 0),
		"10.9.0.24 dev va lladdr 02:00:00:00:00:24 REACHABLE \n"
		"10.9.0.27 dev va FAILED \n"
		"10.9.0.26 dev va lladdr 02:00:00:00:00:26 PROBE \n"
		"10.9.0.28 dev va INCOMPLETE \n"
		"10.9.0.42 dev vb lladdr 02:00:00:00:00:42 REACHABLE \n"
		"10.9.0.21 dev va lladdr 02:00:00:00:00:21 PERMANENT \n"
		"10.9.0.23 dev va lladdr 02:00:00:00:00:23 STALE \n"
		"10.9.0.25 dev va lladdr 02:00:00:00:00:25 DELAY \n"
		"10.9.0.30 dev va lladdr 02:00:00:00:00:30 extern_learn NOARP \n"
		"10.9.0.31 dev va extern_learn \n"
		"2001:db8::7 dev va lladdr 02:00:00:00:00:97 router extern_learn STALE \n"
		"2001:db8::2 dev va lladdr 5a:50:7d:8e:f2:bb REACHABLE \n"
		"2001:db8::8 dev va lladdr 02:00:00:00:00:98 extern_learn PERMANENT \n"
		"fe80::1 dev va lladdr 02:00:00:00:00:01 router REACHABLE \n");
	/* `ip neigh show dev vb`: no "dev vb" */
	assert_string_equal(neigh_text(VNET, 3, 0),
		"10.9.0.42 lladdr 02:00:00:00:00:42 REACHABLE \n");
	assert_string_equal(neigh_text(VNET, va->ifindex, AF_INET6),
		"2001:db8::7 lladdr 02:00:00:00:00:97 router extern_learn STALE \n"
		"2001:db8::2 lladdr 5a:50:7d:8e:f2:bb REACHABLE \n"
		"2001:db8::8 lladdr 02:00:00:00:00:98 extern_learn PERMANENT \n"
		"fe80::1 lladdr 02:00:00:00:00:01 router REACHABLE \n");
	assert_string_equal(neigh_text(VNET, 0, AF_INET6),
		"2001:db8::7 dev va lladdr 02:00:00:00:00:97 router extern_learn STALE \n"
		"2001:db8::2 dev va lladdr 5a:50:7d:8e:f2:bb REACHABLE \n"
		"2001:db8::8 dev va lladdr 02:00:00:00:00:98 extern_learn PERMANENT \n"
		"fe80::1 dev va lladdr 02:00:00:00:00:01 router REACHABLE \n");
	/* a device without neighbours, a namespace without any */
	assert_string_equal(neigh_text(VNET, 1, 0), "");
	assert_string_equal(neigh_text(HOST, 0, 0), "");
}

/* One entry at a time, and what ip's default filter hides. */
static void test_neigh_entry(void **state)
{
	struct w_neigh n;

	(void)state;
	put_link(HOST, veth(7, "veth0", F_UP, IF_OPER_UP, "0a:cb:44:91:39:1c", 0));
	memset(&n, 0, sizeof n);
	n.ifindex = 7;
	n.dst = IP("10.9.0.1");
	n.family = AF_INET;
	n.state = NUD_DELAY;
	n.lladdr_len = parse_mac(n.lladdr, "0a:cb:44:91:39:1c");
	sbuf_reset(&OUT);
	fmt_neigh(&OUT, HOST, &n, true);
	/* ip -n b neigh, after a ping from a */
	assert_string_equal(sbuf_str(&OUT),
		"10.9.0.1 dev veth0 lladdr 0a:cb:44:91:39:1c DELAY \n");
	assert_true(fmt_neigh_listed(&n));

	/* an interface ip does not know is "ifN", as in routes */
	n.ifindex = 9;
	n.state = NUD_STALE;
	sbuf_reset(&OUT);
	fmt_neigh(&OUT, HOST, &n, true);
	assert_string_equal(sbuf_str(&OUT),
		"10.9.0.1 dev if9 lladdr 0a:cb:44:91:39:1c STALE \n");

	n.flags = 0;
	n.state = NUD_NOARP;
	assert_false(fmt_neigh_listed(&n));
	n.state = NUD_NONE;
	assert_false(fmt_neigh_listed(&n));
	n.flags = NTF_PROXY;
	assert_true(fmt_neigh_listed(&n));
	n.flags = 0;
	n.state = NUD_PERMANENT;
	assert_true(fmt_neigh_listed(&n));
	/* a bridge's fdb entry shares the group but is not ip neigh's */
	n.family = AF_BRIDGE;
	n.dst.family = 0;
	assert_false(fmt_neigh_listed(&n));
}

/* ---- nsviz show ------------------------------------------------------------ */

/* The tutorial's end state, plus a bridge port, an unnamed namespace
 * and a neighbour. */
static void build_tutorial_world(void)
{
	struct w_ns *un;
	struct w_link l;
	struct w_route r;

	un = world_add_ns(W, W_NS_UNNAMED, "", 4, 4026532500u);
	un->holder_pid = 4242;
	snprintf(un->holder_comm, sizeof un->holder_comm, "sleep");
	world_add_ns(W, W_NS_NAMED, "alpha", 4, 4026532400u);

	put_link(HOST, lo(F_LO_UP));
	put_addr(HOST, addr(1, "127.0.0.1", 8, RT_SCOPE_HOST, IFA_F_PERMANENT, "lo"));
	put_addr(HOST, addr(1, "::1", 128, RT_SCOPE_HOST, IFA_F_PERMANENT, NULL));
	l = veth(3, "veth0", F_UP, IF_OPER_UP, "f2:73:43:4d:d3:53", 2);
	l.has_link_netnsid = 1;
	l.link_netnsid = 0;
	put_link(HOST, l);
	put_addr(HOST, addr(3, "10.0.1.0", 24, 0, IFA_F_PERMANENT, "veth0"));
	l = veth(4, "br0", F_NOCARRIER, IF_OPER_DOWN, "2a:41:3f:00:fe:79", 0);
	snprintf(l.kind, sizeof l.kind, "bridge");
	put_link(HOST, l);
	l = veth(5, "veth2", F_NOCARRIER, IF_OPER_LOWERLAYERDOWN,
	         "2a:41:3f:00:fe:79", 0);
	l.master = 4;
	put_link(HOST, l);
	r = route("10.0.1.0", 24);
	r.protocol = RTPROT_KERNEL;
	r.scope = RT_SCOPE_LINK;
	r.oif = 3;
	r.prefsrc = IP("10.0.1.0");
	put_route(HOST, r);
	r = route("10.0.2.0", 24);
	r.scope = RT_SCOPE_LINK;
	r.oif = 3;
	put_route(HOST, r);
	r = route("127.0.0.1", 32);
	r.type = RTN_LOCAL;
	r.table = RT_TABLE_LOCAL;
	r.protocol = RTPROT_KERNEL;
	r.scope = RT_SCOPE_HOST;
	r.oif = 1;
	r.prefsrc = IP("127.0.0.1");
	put_route(HOST, r);
	put_neigh(HOST, 3, "10.0.2.0", "62:26:60:06:85:e4", NUD_REACHABLE);
	put_neigh(HOST, 3, "224.0.0.22", "01:00:5e:00:00:16", NUD_NOARP);

	put_link(VNET, lo(IFF_LOOPBACK));
	l = veth(2, "veth1", F_UP, IF_OPER_UP, "62:26:60:06:85:e4", 3);
	l.has_link_netnsid = 1;
	l.link_netnsid = 0;
	put_link(VNET, l);
	put_addr(VNET, addr(2, "10.0.2.0", 24, 0, IFA_F_PERMANENT, "veth1"));
	put_addr(VNET, addr(2, "fe80::6026:60ff:fe06:85e4", 64, RT_SCOPE_LINK,
	                    IFA_F_PERMANENT, NULL));
	r = route("10.0.1.0", 32);
	r.scope = RT_SCOPE_LINK;
	r.oif = 2;
	put_route(VNET, r);
	r = route("10.0.2.0", 24);
	r.protocol = RTPROT_KERNEL;
	r.scope = RT_SCOPE_LINK;
	r.oif = 2;
	r.prefsrc = IP("10.0.2.0");
	put_route(VNET, r);
	r = route6("fe80::", 64, 256);
	r.protocol = RTPROT_KERNEL;
	r.oif = 2;
	put_route(VNET, r);
	r = route("10.5.0.0", 16);
	r.nnexthops = 2;
	r.nh[0].gw = IP("10.0.2.7");
	r.nh[0].ifindex = 2;
	r.nh[0].weight = 1;
	r.nh[1].gw = IP("10.0.2.8");
	r.nh[1].ifindex = 2;
	r.nh[1].weight = 2;
	put_route(VNET, r);

	put_link(un, lo(IFF_LOOPBACK));

	world_set_nsid(HOST, 0, VNET->id);
	world_set_nsid(VNET, 0, HOST->id);
	world_resolve_peers(W);
}

static void test_show_text(void **state)
{
	(void)state;
	build_tutorial_world();
	sbuf_reset(&OUT);
	show_world_text(&OUT, W);
	assert_string_equal(sbuf_str(&OUT),
		"host: where nsviz started, inode 4026531840\n"
		"  IF     KIND      PEER           MASTER  ADMIN  OPER            MTU    MAC                ADDRESSES\n"
		"  lo     loopback  -              -       up     UNKNOWN         65536  00:00:00:00:00:00  127.0.0.1/8\n"
		"                                                                                           ::1/128\n"
		"  veth0  veth      veth1 in vnet  -       up     UP              1500   f2:73:43:4d:d3:53  10.0.1.0/24\n"
		"  br0    bridge    -              -       up     DOWN            1500   2a:41:3f:00:fe:79  -\n"
		"  veth2  veth      -              br0     up     LOWERLAYERDOWN  1500   2a:41:3f:00:fe:79  -\n"
		"  routes (main table):\n"
		"    10.0.1.0/24 dev veth0 proto kernel scope link src 10.0.1.0\n"
		"    10.0.2.0/24 dev veth0 scope link\n"
		"  neighbours:\n"
		"    10.0.2.0 dev veth0 lladdr 62:26:60:06:85:e4 REACHABLE\n"
		"\n"
		"alpha: named (/run/netns/alpha), inode 4026532400\n"
		"  no interfaces\n"
		"  routes: none\n"
		"\n"
		"vnet: named (/run/netns/vnet), inode 4026532301\n"
		"  IF     KIND      PEER           MASTER  ADMIN  OPER            MTU    MAC                ADDRESSES\n"
		"  lo     loopback  -              -       down   DOWN            65536  00:00:00:00:00:00  -\n"
		"  veth1  veth      veth0 in host  -       up     UP              1500   62:26:60:06:85:e4  10.0.2.0/24\n"
		"                                                                                           fe80::6026:60ff:fe06:85e4/64\n"
		"  routes (main table):\n"
		"    10.0.1.0 dev veth1 scope link\n"
		"    10.0.2.0/24 dev veth1 proto kernel scope link src 10.0.2.0\n"
		"    10.5.0.0/16\n"
		"        nexthop via 10.0.2.7 dev veth1 weight 1\n"
		"        nexthop via 10.0.2.8 dev veth1 weight 2\n"
		"    fe80::/64 dev veth1 proto kernel metric 256 pref medium\n"
		"\n"
		"pid 4242 (sleep): unnamed, inode 4026532500\n"
		"  IF     KIND      PEER           MASTER  ADMIN  OPER            MTU    MAC                ADDRESSES\n"
		"  lo     loopback  -              -       down   DOWN            65536  00:00:00:00:00:00  -\n"
		"  routes: none\n");
}

static void test_show_text_empty(void **state)
{
	struct world *w = world_new();

	(void)state;
	sbuf_reset(&OUT);
	show_world_text(&OUT, w);
	assert_string_equal(sbuf_str(&OUT), "no namespaces\n");
	sbuf_reset(&OUT);
	show_world_json(&OUT, w);
	assert_string_equal(sbuf_str(&OUT), "{\n    \"version\": 2,\n"
	                    "    \"complete\": true,\n"
	                    "    \"unseen_processes\": 0,\n"
	                    "    \"namespaces\": [ ]\n}\n");
	world_free(w);
}

/* ---- show streams ---------------------------------------------------------
 * A big world's listing goes to its sink in pieces of about SHOW_SPILL
 * bytes, never as one text: the pieces put together are the listing
 * made in one buffer, byte for byte. */
struct pieces {
	struct sbuf all;
	size_t n, max;
};

static void take_piece(struct sbuf *out, void *ctx)
{
	struct pieces *p = ctx;

	p->n++;
	if (out->len > p->max)
		p->max = out->len;
	sbuf_addn(&p->all, out->s, out->len);
	sbuf_reset(out);
}

static void test_show_streams(void **state)
{
	struct pieces p = { SBUF_INIT, 0, 0 };
	const struct show_sink sink = { take_piece, &p };
	struct sbuf whole = SBUF_INIT;
	char name[32], mac[32];

	(void)state;
	/* 300 namespaces, each with a veth to the host: as big as a
	 * thousand-namespace world's host block gets, per link */
	put_link(HOST, lo(F_LO_UP));
	for (int i = 1; i <= 300; i++) {
		struct w_ns *ns;
		struct w_link l;

		snprintf(name, sizeof name, "ns%d", i);
		ns = world_add_ns(W, W_NS_NAMED, name, 4, 4026540000u + (unsigned)i);
		snprintf(mac, sizeof mac, "02:00:00:00:%02x:%02x", i >> 8, i & 255);
		snprintf(name, sizeof name, "h%d", i);
		l = veth(i + 1, name, F_UP, IF_OPER_UP, mac, 2);
		l.has_link_netnsid = 1;
		l.link_netnsid = i;
		put_link(HOST, l);
		world_set_nsid(HOST, i, ns->id);
		put_link(ns, lo(F_LO_UP));
		snprintf(name, sizeof name, "n%d", i);
		l = veth(2, name, F_UP, IF_OPER_UP, mac, i + 1);
		l.has_link_netnsid = 1;
		l.link_netnsid = 0;
		put_link(ns, l);
		world_set_nsid(ns, 0, HOST->id);
	}
	world_resolve_peers(W);

	show_world_json(&whole, W);
	sbuf_reset(&OUT);
	show_world_json_to(&OUT, W, &sink);
	assert_int_equal(OUT.len, 0);
	assert_true(whole.len > 4 * SHOW_SPILL);
	assert_true(p.n > 4);
	/* a piece is the spill size and one object more, at most */
	assert_true(p.max < SHOW_SPILL + 16384);
	assert_int_equal(p.all.len, whole.len);
	assert_string_equal(sbuf_str(&p.all), sbuf_str(&whole));

	sbuf_reset(&whole);
	sbuf_reset(&p.all);
	p.n = p.max = 0;
	show_world_text(&whole, W);
	show_world_text_to(&OUT, W, &sink);
	assert_int_equal(OUT.len, 0);
	assert_true(whole.len > SHOW_SPILL);
	assert_true(p.n >= 2);
	assert_true(p.max < SHOW_SPILL + 16384);
	assert_string_equal(sbuf_str(&p.all), sbuf_str(&whole));
	sbuf_free(&whole);
	sbuf_free(&p.all);
}

static json_object *jget(json_object *o, const char *key)
{
	json_object *v = NULL;

	assert_true(json_object_object_get_ex(o, key, &v));
	return v;
}

static const char *jstrget(json_object *o, const char *key)
{
	json_object *v = jget(o, key);

	assert_true(json_object_is_type(v, json_type_string));
	return json_object_get_string(v);
}

static bool jhas(json_object *o, const char *key)
{
	return json_object_object_get_ex(o, key, NULL);
}

static void test_show_json(void **state)
{
	json_object *root, *nss, *ns, *links, *l, *peer, *a, *r, *nh, *h;
	size_t i;

	(void)state;
	build_tutorial_world();
	sbuf_reset(&OUT);
	show_world_json(&OUT, W);
	root = json_tokener_parse(sbuf_str(&OUT));
	assert_non_null(root);
	/* pretty as ip -j -p: one key per line, four-space indent */
	assert_non_null(strstr(sbuf_str(&OUT), "\n            \"kind\": \"host\",\n"));
	assert_int_equal(json_object_get_int(jget(root, "version")), 2);

	nss = jget(root, "namespaces");
	assert_int_equal(json_object_array_length(nss), 4);
	assert_string_equal(jstrget(json_object_array_get_idx(nss, 0), "kind"), "host");
	assert_string_equal(jstrget(json_object_array_get_idx(nss, 1), "name"), "alpha");
	assert_string_equal(jstrget(json_object_array_get_idx(nss, 2), "name"), "vnet");
	assert_string_equal(jstrget(json_object_array_get_idx(nss, 3), "kind"), "unnamed");

	/* host: links are ip -j's objects, with nsviz's peer */
	ns = json_object_array_get_idx(nss, 0);
	assert_int_equal(json_object_get_int(jget(ns, "id")), HOST->id);
	assert_null(jget(ns, "name"));
	assert_string_equal(jstrget(ns, "label"), "host");
	assert_int_equal(json_object_get_int64(jget(ns, "inode")), 4026531840LL);
	assert_null(jget(ns, "holder"));
	assert_false(jhas(ns, "addresses"));
	links = jget(ns, "links");
	assert_int_equal(json_object_array_length(links), 4);
	l = json_object_array_get_idx(links, 1);
	assert_int_equal(json_object_get_int(jget(l, "ifindex")), 3);
	assert_string_equal(jstrget(l, "ifname"), "veth0");
	assert_string_equal(jstrget(jget(l, "linkinfo"), "info_kind"), "veth");
	assert_string_equal(jstrget(l, "operstate"), "UP");
	assert_int_equal(json_object_get_int(jget(l, "mtu")), 1500);
	assert_string_equal(jstrget(l, "address"), "f2:73:43:4d:d3:53");
	assert_string_equal(jstrget(l, "qdisc"), "noqueue");
	assert_string_equal(jstrget(l, "link_type"), "ether");
	assert_int_equal(json_object_get_int(jget(l, "link_index")), 2);
	assert_false(jhas(l, "master"));
	assert_int_equal(json_object_array_length(jget(l, "flags")), 4);
	assert_string_equal(json_object_get_string(
		json_object_array_get_idx(jget(l, "flags"), 3)), "LOWER_UP");
	a = jget(l, "addr_info");
	assert_int_equal(json_object_array_length(a), 1);
	assert_string_equal(jstrget(json_object_array_get_idx(a, 0), "local"),
	                    "10.0.1.0");
	peer = jget(l, "peer");
	assert_string_equal(jstrget(peer, "name"), "veth1");
	assert_string_equal(jstrget(peer, "namespace"), "vnet");
	assert_int_equal(json_object_get_int(jget(peer, "namespace_id")), VNET->id);
	assert_int_equal(json_object_get_int(jget(peer, "ifindex")), 2);
	assert_int_equal(json_object_get_int(jget(peer, "netnsid")), 0);
	l = json_object_array_get_idx(links, 3);
	assert_string_equal(jstrget(l, "master"), "br0");
	assert_string_equal(jstrget(l, "operstate"), "LOWERLAYERDOWN");
	assert_string_equal(json_object_get_string(
		json_object_array_get_idx(jget(l, "flags"), 0)), "NO-CARRIER");
	assert_null(jget(l, "peer"));
	l = json_object_array_get_idx(links, 0);
	assert_false(jhas(l, "linkinfo"));

	/* addresses under their link, as ip -j addr nests them */
	a = jget(l, "addr_info");
	assert_int_equal(json_object_array_length(a), 2);
	h = json_object_array_get_idx(a, 0);
	assert_string_equal(jstrget(h, "family"), "inet");
	assert_string_equal(jstrget(h, "local"), "127.0.0.1");
	assert_int_equal(json_object_get_int(jget(h, "prefixlen")), 8);
	assert_string_equal(jstrget(h, "scope"), "host");
	assert_string_equal(jstrget(h, "label"), "lo");
	assert_false(jhas(h, "address"));
	assert_false(jhas(h, "broadcast"));
	assert_int_equal(json_object_get_int64(jget(h, "valid_life_time")),
	                 4294967295LL);
	h = json_object_array_get_idx(a, 1);
	assert_string_equal(jstrget(h, "family"), "inet6");
	assert_false(jhas(h, "label"));

	/* every non-cloned route, all tables, kernel order */
	r = jget(ns, "routes");
	assert_int_equal(json_object_array_length(r), 3);
	h = json_object_array_get_idx(r, 0);
	assert_string_equal(jstrget(h, "dst"), "10.0.1.0/24");
	assert_string_equal(jstrget(h, "dev"), "veth0");
	assert_string_equal(jstrget(h, "scope"), "link");
	assert_string_equal(jstrget(h, "protocol"), "kernel");
	assert_string_equal(jstrget(h, "prefsrc"), "10.0.1.0");
	assert_string_equal(jstrget(h, "type"), "unicast");
	assert_string_equal(jstrget(h, "table"), "main");
	assert_string_equal(jstrget(h, "family"), "inet");
	assert_false(jhas(h, "gateway"));
	assert_false(jhas(h, "metric"));
	h = json_object_array_get_idx(r, 2);
	assert_string_equal(jstrget(h, "dst"), "127.0.0.1");
	assert_string_equal(jstrget(h, "type"), "local");
	assert_string_equal(jstrget(h, "table"), "local");

	a = jget(ns, "neighbours");
	assert_int_equal(json_object_array_length(a), 2);
	h = json_object_array_get_idx(a, 0);
	assert_string_equal(jstrget(h, "dev"), "veth0");
	assert_string_equal(jstrget(h, "dst"), "10.0.2.0");
	assert_string_equal(jstrget(h, "lladdr"), "62:26:60:06:85:e4");
	assert_string_equal(json_object_get_string(
		json_object_array_get_idx(jget(h, "state"), 0)), "REACHABLE");
	assert_string_equal(jstrget(h, "family"), "inet");

	/* vnet: the peer back in host, routes with multipath */
	ns = json_object_array_get_idx(nss, 2);
	l = json_object_array_get_idx(jget(ns, "links"), 1);
	peer = jget(l, "peer");
	assert_string_equal(jstrget(peer, "name"), "veth0");
	assert_string_equal(jstrget(peer, "namespace"), "host");
	r = jget(ns, "routes");
	assert_int_equal(json_object_array_length(r), 4);
	for (i = 0; i < json_object_array_length(r); i++) {
		h = json_object_array_get_idx(r, i);
		if (strcmp(jstrget(h, "dst"), "10.5.0.0/16") != 0)
			continue;
		assert_false(jhas(h, "dev"));
		nh = jget(h, "nexthops");
		assert_int_equal(json_object_array_length(nh), 2);
		assert_string_equal(jstrget(json_object_array_get_idx(nh, 1),
		                            "gateway"), "10.0.2.8");
		assert_int_equal(json_object_get_int(jget(
			json_object_array_get_idx(nh, 1), "weight")), 2);
		break;
	}
	assert_true(i < json_object_array_length(r));
	h = json_object_array_get_idx(r, 3);
	assert_string_equal(jstrget(h, "dst"), "fe80::/64");
	assert_string_equal(jstrget(h, "family"), "inet6");
	assert_int_equal(json_object_get_int(jget(h, "metric")), 256);
	assert_string_equal(jstrget(h, "pref"), "medium");

	/* the unnamed one says who holds it */
	ns = json_object_array_get_idx(nss, 3);
	assert_string_equal(jstrget(ns, "label"), "pid 4242 (sleep)");
	h = jget(ns, "holder");
	assert_int_equal(json_object_get_int(jget(h, "pid")), 4242);
	assert_string_equal(jstrget(h, "comm"), "sleep");
	assert_null(jget(h, "path"));

	json_object_put(root);
}

/* ---- names that are not safe to print (util/esc.h) ------------------------ */

static void test_esc(void **state)
{
	static const struct { const char *in, *out; } t[] = {
		{ "veth0", "veth0" },
		{ "", "" },
		{ "a\x1b[2Jb", "a\\x1b[2Jb" },
		{ "\x01\x1f\x7f", "\\x01\\x1f\\x7f" },
		{ "tab\there", "tab\\x09here" },
		{ "nl\n", "nl\\x0a" },
		{ "back\\slash", "back\\slash" },          /* as ip prints it */
		{ "caf\xc3\xa9", "caf\xc3\xa9" },          /* UTF-8 stays */
		{ "\xe2\x82\xac\xf0\x9f\x98\x80", "\xe2\x82\xac\xf0\x9f\x98\x80" },
		{ "c1\xc2\x9b" "31m", "c1\\xc2\\x9b31m" },  /* U+009B, CSI */
		{ "\xc2\xa0", "\xc2\xa0" },                /* U+00A0 is printable */
		{ "rlo\xe2\x80\xae" "x", "rlo\\xe2\\x80\\xaex" },
		{ "\xe2\x81\xa6" "x", "\\xe2\\x81\\xa6x" },   /* U+2066 */
		{ "bad\xff", "bad\\xff" },
		{ "\xc0\xaf", "\\xc0\\xaf" },             /* overlong '/' */
		{ "\xed\xa0\x80", "\\xed\\xa0\\x80" },     /* a surrogate */
		{ "\xf4\x90\x80\x80", "\\xf4\\x90\\x80\\x80" }, /* > U+10FFFF */
		{ "cut\xe2\x82", "cut\\xe2\\x82" },       /* cut short */
	};
	char buf[ESC_NAME_LEN];

	(void)state;
	for (size_t k = 0; k < sizeof t / sizeof *t; k++) {
		struct sbuf b = SBUF_INIT;

		esc_add(&b, t[k].in, 0);
		assert_string_equal(sbuf_str(&b), t[k].out);
		assert_string_equal(esc_str(t[k].in, buf, sizeof buf), t[k].out);
		assert_int_equal(esc_safe(t[k].in), !strcmp(t[k].in, t[k].out));
		/* escaping is idempotent: its output is safe */
		assert_true(esc_safe(sbuf_str(&b)));
		sbuf_free(&b);
	}
	/* messages keep their line breaks when asked */
	{
		struct sbuf b = SBUF_INIT;

		esc_add(&b, "one\ntwo\x1b", ESC_KEEP_NL);
		assert_string_equal(sbuf_str(&b), "one\ntwo\\x1b");
		sbuf_free(&b);
	}
	/* esc_str shortens at a character boundary, never mid-escape */
	assert_string_equal(esc_str("ab\x1b" "cd", buf, 5), "ab");
	assert_string_equal(esc_str("ab\x1b" "cd", buf, 7), "ab\\x1b");
	assert_string_equal(esc_str("caf\xc3\xa9", buf, 5), "caf");
	/* a 255-byte name of nothing but ESC fits in ESC_NAME_LEN */
	{
		char name[256];

		memset(name, 0x1b, 255);
		name[255] = '\0';
		assert_int_equal(strlen(esc_str(name, buf, sizeof buf)), 4 * 255);
	}
	/* esc_in_place: for messages built with snprintf */
	snprintf(buf, sizeof buf, "%s: no such device", "a\x1b" "b");
	esc_in_place(buf, sizeof buf);
	assert_string_equal(buf, "a\\x1bb: no such device");
}

/* A world whose names others made with control characters in them: every
 * printer escapes them, JSON writes them as \u escapes. */
static void test_unsafe_names_printed(void **state)
{
	struct w_ns *evil;
	struct w_link *l;
	struct w_neigh nb;
	struct w_event ev;
	const char *out;
	json_object *root;

	(void)state;
	put_link(HOST, lo(F_LO_UP));
	l = put_link(HOST, veth(5, "a\x1b[2Jb", F_UP, IF_OPER_UP,
	                        "f2:73:43:4d:d3:53", 6));
	put_link(HOST, veth(6, "p\x7f\xc2\x9b", F_UP, IF_OPER_UP,
	                    "62:26:60:06:85:e4", 5));
	put_addr(HOST, addr(5, "10.0.1.0", 24, RT_SCOPE_UNIVERSE, IFA_F_PERMANENT,
	                    "a\x1b[2Jb"));
	evil = world_add_ns(W, W_NS_NAMED, "x\x1b]0;pwned\x07", 4, 4026532777u);
	assert_non_null(evil);
	memset(&nb, 0, sizeof nb);
	nb.family = AF_INET;
	nb.dst = IP("10.0.1.9");
	nb.ifindex = 5;
	nb.state = NUD_REACHABLE;
	memset(&ev, 0, sizeof ev);
	ev.type = W_EV_NEWNEIGH;
	ev.u.neigh = nb;
	world_apply(W, HOST, &ev);
	/* the links array may have moved since (it grows) */
	l = world_find_link_index(HOST, 5);

	sbuf_reset(&OUT);
	fmt_link(&OUT, HOST, l);
	assert_string_equal(sbuf_str(&OUT),
		"5: a\\x1b[2Jb@p\\x7f\\xc2\\x9b: <BROADCAST,MULTICAST,UP,LOWER_UP> "
		"mtu 1500 qdisc noqueue state UP mode DEFAULT group default "
		"qlen 1000\n"
		"    link/ether f2:73:43:4d:d3:53 brd ff:ff:ff:ff:ff:ff\n");
	sbuf_reset(&OUT);
	fmt_link_addrs(&OUT, HOST, l);
	assert_non_null(strstr(sbuf_str(&OUT), "scope global a\\x1b[2Jb\n"));
	sbuf_reset(&OUT);
	fmt_neigh_show(&OUT, HOST, 0, 0);
	assert_string_equal(sbuf_str(&OUT), "10.0.1.9 dev a\\x1b[2Jb REACHABLE \n");

	sbuf_reset(&OUT);
	show_world_text(&OUT, W);
	out = sbuf_str(&OUT);
	assert_non_null(strstr(out, "  a\\x1b[2Jb "));
	assert_non_null(strstr(out, "p\\x7f\\xc2\\x9b"));
	assert_non_null(strstr(out, "x\\x1b]0;pwned\\x07: named "
	                            "(/run/netns/x\\x1b]0;pwned\\x07)"));
	assert_true(esc_safe(out) || strchr(out, '\n'));
	for (const char *c = out; *c; c++)
		if (*c != '\n')
			assert_true((unsigned char)*c >= 0x20 && *c != 0x7f);
	assert_null(strstr(out, "\xc2\x9b"));

	sbuf_reset(&OUT);
	show_world_json(&OUT, W);
	out = sbuf_str(&OUT);
	for (const char *c = out; *c; c++)
		if (*c != '\n')
			assert_true((unsigned char)*c >= 0x20 && *c != 0x7f);
	assert_null(strstr(out, "\xc2\x9b"));
	assert_non_null(strstr(out, "\"p\\u007f\\u009b\""));
	/* and it is the same JSON: the names read back as they are */
	root = json_tokener_parse(out);
	assert_non_null(root);
	assert_non_null(strstr(json_object_to_json_string(root), "pwned"));
	{
		json_object *nss = NULL, *host, *links, *l5;

		assert_true(json_object_object_get_ex(root, "namespaces", &nss));
		host = json_object_array_get_idx(nss, 0);
		assert_true(json_object_object_get_ex(host, "links", &links));
		l5 = json_object_array_get_idx(links, 1);
		assert_string_equal(jstrget(l5, "ifname"), "a\x1b[2Jb");
		l5 = json_object_array_get_idx(links, 2);
		assert_string_equal(jstrget(l5, "ifname"), "p\x7f\xc2\x9b");
	}
	json_object_put(root);
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_lo_down_then_up),
		T(test_show_streams),
		T(test_esc),
		T(test_unsafe_names_printed),
		T(test_veth_pair_same_namespace),
		T(test_veth_across_namespaces),
		T(test_veth_peer_in_unnamed_namespace),
		T(test_link_fallbacks),
		T(test_link_variants),
		T(test_lladdr_tunnels),
		T(test_addr_shapes),
		T(test_addr_single),
		T(test_addr_flag_words),
		T(test_route_ipv4_shapes),
		T(test_route_types),
		T(test_route_multipath),
		T(test_route_ipv6_shapes),
		T(test_route_get),
		T(test_route_listed),
		T(test_route_show_order),
		T(test_names),
		T(test_route_flag_words),
		T(test_neigh_show),
		T(test_neigh_entry),
		T(test_show_text),
		T(test_show_text_empty),
		T(test_show_json),
	};
#undef T
	return cmocka_run_group_tests(tests, NULL, NULL);
}
