/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_fmt_opts.c - the show verbs with iproute2's output options
 * (fmt_link_list, fmt_addr_list, fmt_route_list, fmt_neigh_list), and the
 * JSON writer, against what the real ip 6.1 printed.
 *
 * The world built here holds the attributes the kernel sent for the
 * topology of ip_outopts.sh (made with the real ip in a sandbox); every
 * expected text is ip's own output for it (ip_outopts.h), compared byte
 * for byte, trailing blanks included.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <linux/if.h>
#include <linux/if_addr.h>
#include <linux/if_arp.h>
#include <linux/neighbour.h>
#include <linux/rtnetlink.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "fmt/fmt.h"
#include "fmt/json.h"
#include "util/sbuf.h"
#include "world/world.h"

#include "ip_outopts.h"

#define FOREVER 0xffffffffu
#define F_DOWN (IFF_BROADCAST | IFF_MULTICAST)
#define F_UP (F_DOWN | IFF_UP | IFF_RUNNING | IFF_LOWER_UP)
#define F_LO_UP (IFF_LOOPBACK | IFF_UP | IFF_RUNNING | IFF_LOWER_UP)
#define DYNAMIC 0x80000000u   /* put_addr: not IFA_F_PERMANENT */

static struct world *W;
static struct w_ns *A, *B;
static struct sbuf OUT = SBUF_INIT;

/* ---- the world of ip_outopts.sh ---------------------------------------- */

static struct w_ip IP(const char *s)
{
	struct w_ip ip;

	assert_int_equal(w_ip_parse(s, &ip), 0);
	return ip;
}

static int mac(uint8_t *out, const char *s)
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

static struct w_link ether(int ifindex, const char *name, unsigned flags,
                           int operstate, const char *addr)
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
	l.txqlen = 1000;
	l.arptype = ARPHRD_ETHER;
	l.addr_len = mac(l.addr, addr);
	l.brd_len = mac(l.brd, "ff:ff:ff:ff:ff:ff");
	l.peer_ns_id = -1;
	l.has_stats = true;
	l.has_carrier_changes = true;
	l.carrier_changes = 1;
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

static void put_addr(struct w_ns *ns, int ifindex, const char *local,
                     const char *peer, int plen, int scope, unsigned flags,
                     const char *label)
{
	struct w_event ev;
	struct w_addr *a = &ev.u.addr;

	memset(&ev, 0, sizeof ev);
	ev.type = W_EV_NEWADDR;
	ev.from_dump = true;
	a->ifindex = ifindex;
	a->local = IP(local);
	if (peer)
		a->peer = IP(peer);
	a->family = a->local.family;
	a->prefixlen = plen;
	a->scope = scope;
	/* addresses made by hand are permanent, unless given lifetimes */
	a->flags = (flags & DYNAMIC) ? flags & ~DYNAMIC : flags | IFA_F_PERMANENT;
	snprintf(a->label, sizeof a->label, "%s", label ? label : "");
	a->has_cacheinfo = 1;
	a->valid_lft = a->preferred_lft = FOREVER;
	if (strcmp(local, "fd00::99") == 0) {
		a->valid_lft = 2997;
		a->preferred_lft = 1997;
	}
	world_apply(W, ns, &ev);
}

static void put_route(struct w_ns *ns, const char *dst, int len, int oif,
                      int proto, int scope, const char *prefsrc,
                      const char *gw)
{
	struct w_event ev;
	struct w_route *r = &ev.u.route;

	memset(&ev, 0, sizeof ev);
	ev.type = W_EV_NEWROUTE;
	r->dst = IP(dst);
	r->family = r->dst.family;
	r->dst_len = len;
	r->table = RT_TABLE_MAIN;
	r->type = RTN_UNICAST;
	r->protocol = proto;
	r->scope = scope;
	r->oif = oif;
	if (prefsrc)
		r->prefsrc = IP(prefsrc);
	if (gw)
		r->gw = IP(gw);
	if (r->family == AF_INET6) {
		r->has_priority = 1;
		r->priority = proto == RTPROT_KERNEL ? 256 : 1024;
		r->has_pref = 1;
	}
	if (strcmp(dst, "10.0.7.2") == 0)
		r->flags = RTNH_F_LINKDOWN;
	if (strcmp(dst, "10.5.0.0") == 0) {
		r->has_priority = 1;
		r->priority = 7;
		r->mtu = 1400;
	}
	if (strcmp(dst, "10.6.0.0") == 0)
		r->type = RTN_BLACKHOLE;
	world_apply(W, ns, &ev);
}

/* ages in seconds as ip printed them (the kernel sends clock ticks) */
static void put_neigh(struct w_ns *ns, const char *dst, const char *ll,
                      unsigned state, unsigned flags, unsigned refcnt,
                      unsigned used, unsigned confirmed, unsigned probes)
{
	struct w_event ev;
	struct w_neigh *n = &ev.u.neigh;

	memset(&ev, 0, sizeof ev);
	ev.type = W_EV_NEWNEIGH;
	n->ifindex = 2;
	n->dst = IP(dst);
	n->family = n->dst.family;
	n->state = state;
	n->flags = flags;
	if (ll)
		n->lladdr_len = mac(n->lladdr, ll);
	n->has_cacheinfo = true;
	n->refcnt = refcnt;
	n->used = n->updated = used * 100 + 42;
	n->confirmed = confirmed * 100 + 99;
	n->has_probes = true;
	n->probes = probes;
	world_apply(W, ns, &ev);
}

static int setup(void **state)
{
	struct w_link l;

	(void)state;
	W = world_new();
	A = world_add_ns(W, W_NS_NAMED, "a", 1, 101);
	B = world_add_ns(W, W_NS_NAMED, "b", 1, 102);

	l = ether(1, "lo", F_LO_UP, IF_OPER_UNKNOWN, "00:00:00:00:00:00");
	l.kind[0] = '\0';
	l.mtu = 65536;
	l.arptype = ARPHRD_LOOPBACK;
	l.brd_len = mac(l.brd, "00:00:00:00:00:00");
	l.carrier_changes = 0;
	put_link(A, l);

	l = ether(2, "veth0", F_UP, IF_OPER_UP, "02:00:00:00:00:01");
	l.has_iflink = 1;
	l.iflink = 2;
	l.has_link_netnsid = 1;
	l.link_netnsid = 0;
	l.stats.rx_bytes = 852;
	l.stats.rx_packets = 10;
	l.stats.tx_bytes = 1022;
	l.stats.tx_packets = 11;
	l.carrier_changes = 2;
	put_link(A, l);

	l = ether(3, "br0", F_DOWN, IF_OPER_DOWN, "02:00:00:00:00:10");
	snprintf(l.kind, sizeof l.kind, "bridge");
	put_link(A, l);

	l = ether(4, "vx1", F_DOWN, IF_OPER_DOWN, "02:00:00:00:00:21");
	l.has_iflink = 1;
	l.iflink = 5;
	l.master = 3;
	put_link(A, l);

	l = ether(5, "vx0", F_DOWN | IFF_UP, IF_OPER_LOWERLAYERDOWN,
	          "02:00:00:00:00:20");
	l.has_iflink = 1;
	l.iflink = 4;
	w_link_set_alias(&l, "my alias", 8);
	put_link(A, l);
	w_link_free(&l);

	/* A numbers B 0: veth0's link-netns b */
	world_set_nsid(A, 0, B->id);

	put_addr(A, 1, "127.0.0.1", NULL, 8, RT_SCOPE_HOST, 0, "lo");
	put_addr(A, 1, "::1", NULL, 128, RT_SCOPE_HOST, 0, NULL);
	put_addr(A, 2, "10.0.1.1", NULL, 24, RT_SCOPE_UNIVERSE, 0, "veth0");
	put_addr(A, 2, "10.0.1.5", NULL, 24, RT_SCOPE_UNIVERSE,
	         IFA_F_SECONDARY, "veth0");
	put_addr(A, 2, "fd00::99", NULL, 64, RT_SCOPE_UNIVERSE,
	         IFA_F_NODAD | DYNAMIC, NULL);
	put_addr(A, 2, "fd00::1", NULL, 64, RT_SCOPE_UNIVERSE, IFA_F_NODAD,
	         NULL);
	put_addr(A, 2, "fe80::ff:fe00:1", NULL, 64, RT_SCOPE_LINK, 0, NULL);
	put_addr(A, 5, "10.0.7.1", "10.0.7.2", 32, RT_SCOPE_UNIVERSE, 0,
	         "vx0");

	put_route(A, "10.0.1.0", 24, 2, RTPROT_KERNEL, RT_SCOPE_LINK,
	          "10.0.1.1", NULL);
	put_route(A, "10.0.7.2", 32, 5, RTPROT_KERNEL, RT_SCOPE_LINK,
	          "10.0.7.1", NULL);
	put_route(A, "10.5.0.0", 16, 2, RTPROT_BOOT, RT_SCOPE_LINK, NULL,
	          NULL);
	put_route(A, "10.6.0.0", 16, 0, RTPROT_BOOT, RT_SCOPE_UNIVERSE, NULL,
	          NULL);
	put_route(A, "10.9.0.0", 16, 2, RTPROT_BOOT, RT_SCOPE_UNIVERSE, NULL,
	          "10.0.1.2");
	put_route(A, "fd00::", 64, 2, RTPROT_KERNEL, RT_SCOPE_UNIVERSE, NULL,
	          NULL);
	put_route(A, "fd09::", 64, 2, RTPROT_BOOT, RT_SCOPE_UNIVERSE, NULL,
	          "fd00::2");
	put_route(A, "fe80::", 64, 2, RTPROT_KERNEL, RT_SCOPE_UNIVERSE, NULL,
	          NULL);

	put_neigh(A, "10.0.1.2", "02:00:00:00:00:02", NUD_REACHABLE, 0,
	          1, 1, 1, 4);
	put_neigh(A, "10.0.1.77", "02:00:00:00:00:77", NUD_PERMANENT, 0,
	          0, 3, 3, 0);
	put_neigh(A, "10.0.1.78", NULL, NUD_INCOMPLETE, 0, 0, 3, 63, 0);
	put_neigh(A, "fd00::2", "02:00:00:00:00:02", NUD_REACHABLE,
	          NTF_ROUTER, 1, 3, 3, 0);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	world_free(W);
	sbuf_free(&OUT);
	return 0;
}

/* ---- the cases --------------------------------------------------------- */

static void opts_of(const char *s, struct fmt_opts *o)
{
	char buf[128], *save = NULL;

	memset(o, 0, sizeof *o);
	snprintf(buf, sizeof buf, "%s", s);
	for (char *w = strtok_r(buf, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
		if (!strcmp(w, "-br"))
			o->brief = true;
		else if (!strcmp(w, "-s"))
			o->stats++;
		else if (!strcmp(w, "-o"))
			o->oneline = true;
		else if (!strcmp(w, "-j"))
			o->json = true;
		else if (!strcmp(w, "-p"))
			o->pretty = true;
		else if (!strcmp(w, "-4"))
			o->family = AF_INET;
		else if (!strcmp(w, "-6"))
			o->family = AF_INET6;
		else if (!strcmp(w, "-0"))
			o->family = AF_PACKET;
		else
			fail_msg("unknown option %s", w);
	}
}

static const char *show(const char *obj, const struct fmt_opts *o)
{
	sbuf_reset(&OUT);
	if (!strcmp(obj, "link"))
		fmt_link_list(&OUT, A, NULL, o);
	else if (!strcmp(obj, "addr"))
		fmt_addr_list(&OUT, A, NULL, o);
	else if (!strcmp(obj, "route"))
		fmt_route_list(&OUT, A, o);
	else
		fmt_neigh_list(&OUT, A, 0, o);
	return sbuf_str(&OUT);
}

/* Every case ip printed */
static void test_every_case(void **state)
{
	size_t n = 0;

	(void)state;
	for (size_t i = 0; i < sizeof ip_cases / sizeof *ip_cases; i++) {
		const struct ip_case *c = &ip_cases[i];
		struct fmt_opts o;

		opts_of(c->opts, &o);
		if (strcmp(show(c->obj, &o), c->want)) {
			print_error("ip %s %s:\n--- ip\n%s--- nsviz\n%s", c->opts,
			            c->obj, c->want, sbuf_str(&OUT));
			fail();
		}
		n++;
	}
	assert_int_equal(n, sizeof ip_cases / sizeof *ip_cases);
}

/* `ip -6 addr show dev veth0` asks for the one link (AF_UNSPEC): the
 * whole header, unlike the AF_INET6 dump of `ip -6 addr` */
static void test_inet6_with_dev(void **state)
{
	struct fmt_opts o = { .family = AF_INET6 };

	(void)state;
	sbuf_reset(&OUT);
	fmt_addr_list(&OUT, A, world_find_link(A, "veth0"), &o);
	assert_string_equal(sbuf_str(&OUT),
	        "2: veth0@if2: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default qlen 1000 link-netns b\n"
	        "    inet6 fd00::99/64 scope global nodad dynamic \n"
	        "       valid_lft 2997sec preferred_lft 1997sec\n"
	        "    inet6 fd00::1/64 scope global nodad \n"
	        "       valid_lft forever preferred_lft forever\n"
	        "    inet6 fe80::ff:fe00:1/64 scope link \n"
	        "       valid_lft forever preferred_lft forever\n");
	/* with -4 a link without IPv4 is not listed, dev or not */
	o.family = AF_INET;
	sbuf_reset(&OUT);
	fmt_addr_list(&OUT, A, world_find_link(A, "br0"), &o);
	assert_string_equal(sbuf_str(&OUT), "");
}

/* A plain ip listing (no option) is the existing printers' text */
static void test_plain_is_fmt_link(void **state)
{
	struct sbuf b = SBUF_INIT;

	(void)state;
	for (size_t i = 0; i < A->nlinks; i++)
		fmt_link(&b, A, &A->links[i]);
	assert_string_equal(show("link", NULL), sbuf_str(&b));
	sbuf_reset(&b);
	for (size_t i = 0; i < A->nlinks; i++)
		fmt_link_addrs(&b, A, &A->links[i]);
	assert_string_equal(show("addr", NULL), sbuf_str(&b));
	sbuf_free(&b);
}

static bool keep_up(const struct w_ns *ns, const struct w_link *l, void *ctx)
{
	(void)ns;
	(*(int *)ctx)++;
	return l->flags & IFF_UP;
}

/* A verb's own filter (`link show up`) keeps ip's lines of the links it
 * keeps, in every format: here the lines of ip -br link for lo, veth0
 * and vx0 (the links that are up), and for addr show only theirs */
static void test_filter(void **state)
{
	struct fmt_opts o = { .brief = true };
	int asked = 0;

	(void)state;
	sbuf_reset(&OUT);
	fmt_link_list_if(&OUT, A, NULL, keep_up, &asked, &o);
	assert_string_equal(sbuf_str(&OUT),
	        "lo               UNKNOWN        00:00:00:00:00:00 <LOOPBACK,UP,LOWER_UP> \n"
	        "veth0@if2        UP             02:00:00:00:00:01 <BROADCAST,MULTICAST,UP,LOWER_UP> \n"
	        "vx0@vx1          LOWERLAYERDOWN 02:00:00:00:00:20 <NO-CARRIER,BROADCAST,MULTICAST,UP,M-DOWN> \n");
	assert_int_equal(asked, 5);
	sbuf_reset(&OUT);
	o.family = AF_INET;
	fmt_addr_list_if(&OUT, A, NULL, keep_up, &asked, &o);
	assert_string_equal(sbuf_str(&OUT),
	        "lo               UNKNOWN        127.0.0.1/8 \n"
	        "veth0@if2        UP             10.0.1.1/24 10.0.1.5/24 \n"
	        "vx0@vx1          LOWERLAYERDOWN 10.0.7.1 peer 10.0.7.2/32 \n");
}

/* A link seen before the kernel sent counters has none to print, in
 * text and in JSON, rather than zeros that were never read */
static void test_no_stats(void **state)
{
	struct w_link *l = world_find_link(A, "br0");
	struct fmt_opts o = { .stats = 1 };

	(void)state;
	l->has_stats = false;
	sbuf_reset(&OUT);
	fmt_link_list(&OUT, A, l, &o);
	assert_string_equal(sbuf_str(&OUT),
	        "3: br0: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000\n"
	        "    link/ether 02:00:00:00:00:10 brd ff:ff:ff:ff:ff:ff\n");
	o.json = true;
	sbuf_reset(&OUT);
	fmt_link_list(&OUT, A, l, &o);
	assert_null(strstr(sbuf_str(&OUT), "stats64"));
}

/* The writer: ip's layout for nesting, empty containers and escapes,
 * and nothing a terminal acts on, whatever the names hold */
static void test_json_writer(void **state)
{
	struct fj j;

	(void)state;
	for (int pretty = 0; pretty < 2; pretty++) {
		sbuf_reset(&OUT);
		fj_init(&j, &OUT, pretty);
		fj_open_arr(&j, NULL);
		fj_open_obj(&j, NULL);
		fj_str(&j, "s", "a\"b\\c\td\x1b[31m\x7f\xc2\x9b\xe2\x80\xae\xff");
		fj_open_arr(&j, "empty");
		fj_close_arr(&j);
		fj_open_obj(&j, "o");
		fj_uint(&j, "u", 18446744073709551615ull);
		fj_int(&j, "i", -3);
		fj_bool(&j, "b", true);
		fj_null(&j, "n");
		fj_close_obj(&j);
		fj_open_arr(&j, "w");
		fj_str(&j, NULL, "x");
		fj_str(&j, NULL, "y");
		fj_close_arr(&j);
		fj_close_obj(&j);
		fj_close_arr(&j);
		if (!pretty)
			assert_string_equal(sbuf_str(&OUT),
			        "[{\"s\":\"a\\\"b\\\\c\\td\\u001b[31m\\u007f\\u009b\\u202e\\ufffd\","
			        "\"empty\":[],\"o\":{\"u\":18446744073709551615,\"i\":-3,"
			        "\"b\":true,\"n\":null},\"w\":[\"x\",\"y\"]}]");
		else
			assert_string_equal(sbuf_str(&OUT),
			        "[ {\n"
			        "        \"s\": \"a\\\"b\\\\c\\td\\u001b[31m\\u007f\\u009b\\u202e\\ufffd\",\n"
			        "        \"empty\": [ ],\n"
			        "        \"o\": {\n"
			        "            \"u\": 18446744073709551615,\n"
			        "            \"i\": -3,\n"
			        "            \"b\": true,\n"
			        "            \"n\": null\n"
			        "        },\n"
			        "        \"w\": [ \"x\",\"y\" ]\n"
			        "    } ]");
	}
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_every_case),
		T(test_inet6_with_dev),
		T(test_plain_is_fmt_link),
		T(test_no_stats),
		T(test_filter),
		T(test_json_writer),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
