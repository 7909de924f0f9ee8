/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_topo_file.c - a topology as a file (src/topo): what save makes of
 * a world, the steps diff finds between two lists of items, and the
 * packing the scratch sandbox sends them in. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <linux/if.h>
#include <linux/if_addr.h>
#include <linux/rtnetlink.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "topo/diff.h"
#include "topo/items.h"
#include "topo/save.h"
#include "util/sbuf.h"
#include "world/world.h"

/* ---- a world built in code ------------------------------------------- */

#define F_UP (IFF_UP | IFF_BROADCAST | IFF_MULTICAST)

static struct world *W;
static struct w_ns *HOST, *VNET;

static void add_link(struct w_ns *ns, int ifindex, const char *name,
                     const char *kind, unsigned flags, int iflink,
                     int nsid)
{
	struct w_event ev;

	memset(&ev, 0, sizeof ev);
	ev.type = W_EV_NEWLINK;
	ev.from_dump = true;
	ev.u.link.ifindex = ifindex;
	snprintf(ev.u.link.name, sizeof ev.u.link.name, "%s", name);
	snprintf(ev.u.link.kind, sizeof ev.u.link.kind, "%s", kind);
	ev.u.link.flags = flags;
	ev.u.link.mtu = !strcmp(name, "lo") ? 65536 : 1500;
	ev.u.link.arptype = !strcmp(name, "lo") ? 772 : 1;
	ev.u.link.operstate = -1;
	ev.u.link.linkmode = -1;
	ev.u.link.txqlen = -1;
	ev.u.link.peer_ns_id = -1;
	if (iflink) {
		ev.u.link.has_iflink = 1;
		ev.u.link.iflink = iflink;
	}
	if (nsid >= 0) {
		ev.u.link.has_link_netnsid = 1;
		ev.u.link.link_netnsid = nsid;
	}
	world_apply(W, ns, &ev);
}

static void add_addr(struct w_ns *ns, int ifindex, const char *ip, int len)
{
	struct w_event ev;

	memset(&ev, 0, sizeof ev);
	ev.type = W_EV_NEWADDR;
	ev.from_dump = true;
	ev.u.addr.ifindex = ifindex;
	assert_int_equal(w_ip_parse(ip, &ev.u.addr.local), 0);
	ev.u.addr.family = ev.u.addr.local.family;
	ev.u.addr.prefixlen = len;
	ev.u.addr.flags = IFA_F_PERMANENT;
	ev.u.addr.scope = RT_SCOPE_UNIVERSE;
	world_apply(W, ns, &ev);
}

static void add_route(struct w_ns *ns, const char *dst, int len,
                      const char *gw, int oif, int proto)
{
	struct w_event ev;

	memset(&ev, 0, sizeof ev);
	ev.type = W_EV_NEWROUTE;
	ev.from_dump = true;
	ev.u.route.family = AF_INET;
	ev.u.route.table = RT_TABLE_MAIN;
	ev.u.route.type = RTN_UNICAST;
	ev.u.route.protocol = proto;
	ev.u.route.scope = gw ? RT_SCOPE_UNIVERSE : RT_SCOPE_LINK;
	if (dst)
		assert_int_equal(w_ip_parse(dst, &ev.u.route.dst), 0);
	ev.u.route.dst_len = len;
	if (gw)
		assert_int_equal(w_ip_parse(gw, &ev.u.route.gw), 0);
	ev.u.route.oif = oif;
	world_apply(W, ns, &ev);
}

/* The tutorial's world: vnet wired to the host, addresses on both ends,
 * routes both ways, and an eth0 of the host's own. */
static int setup(void **state)
{
	(void)state;
	W = world_new();
	HOST = world_add_ns(W, W_NS_HOST, "", 4, 4026531840u);
	VNET = world_add_ns(W, W_NS_NAMED, "vnet", 4, 4026532301u);
	world_set_nsid(HOST, 0, VNET->id);
	world_set_nsid(VNET, 0, HOST->id);
	add_link(HOST, 1, "lo", "", IFF_UP | IFF_LOOPBACK, 0, -1);
	add_link(HOST, 2, "eth0", "", F_UP, 0, -1);
	add_link(HOST, 5, "veth0", "veth", F_UP, 4, 0);
	add_link(VNET, 1, "lo", "", 0, 0, -1);
	add_link(VNET, 4, "veth1", "veth", F_UP, 5, 0);
	add_addr(HOST, 2, "192.168.1.5", 24);
	add_addr(HOST, 5, "10.0.1.1", 24);
	add_addr(HOST, 5, "fe80::1", 64);
	add_addr(VNET, 4, "10.0.1.2", 24);
	add_route(HOST, "10.0.1.0", 24, NULL, 5, RTPROT_KERNEL);
	add_route(HOST, NULL, 0, "192.168.1.1", 2, RTPROT_DHCP);
	add_route(HOST, "10.0.2.0", 24, NULL, 5, RTPROT_BOOT);
	add_route(VNET, NULL, 0, "10.0.1.1", 4, RTPROT_BOOT);
	world_resolve_peers(W);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	world_free(W);
	return 0;
}

static void saved(struct tilist *l, const char *const *only, size_t nonly,
                  struct sbuf *text)
{
	struct topo_save_opts o = { only, nonly, NULL, NULL, NULL, NULL, NULL,
	                            NULL };
	struct topo_write_opts wo = { false, "0.0", NULL, NULL };

	tilist_init(l);
	topo_save(W, &o, l);
	topo_write(l, &wo, text);
}

/* ---- save ---------------------------------------------------------------- */

static void test_save_tutorial(void **state)
{
	struct tilist l;
	struct sbuf t = SBUF_INIT;

	(void)state;
	saved(&l, NULL, 0, &t);
	assert_string_equal(sbuf_str(&t),
		"# A network topology saved by nsviz 0.0.\n"
		"# Rebuild it with `nsviz -b FILE` (or make a live world match "
		"it: `nsviz apply FILE`).\n"
		"# Not saved: what the kernel makes by itself (MAC addresses not "
		"set by hand, link-local addresses, proto kernel routes, the "
		"default rules, the default qdiscs), proxy neighbour entries, "
		"address lifetimes.\n"
		"# Left out:\n"
		"#   eth0 in the host: a physical interface (or one nsviz cannot "
		"make); its addresses and routes too\n"
		"ip netns add vnet\n"
		"ip link add veth0 type veth peer name veth1 netns vnet\n"
		"ip addr add 10.0.1.1/24 dev veth0\n"
		"ip -n vnet addr add 10.0.1.2/24 dev veth1\n"
		"ip link set veth0 up\n"
		"ip -n vnet link set veth1 up\n"
		"ip route add 10.0.2.0/24 dev veth0\n"
		"ip -n vnet route add default via 10.0.1.1 dev veth1\n");
	/* the far end of the pair is a claim on it: made by the host's */
	{
		const struct titem *c = tilist_find(&l, "vnet", "link veth1");

		assert_non_null(c);
		assert_true(c->flags & TI_CLAIM);
		assert_string_equal(c->dep[0].ns, "");
		assert_string_equal(c->dep[0].link, "veth0");
	}
	tilist_free(&l);
	sbuf_free(&t);
}

static void test_save_only_vnet(void **state)
{
	static const char *const only[] = { "vnet" };
	struct tilist l;
	struct sbuf t = SBUF_INIT;

	(void)state;
	saved(&l, only, 1, &t);
	/* the pair leads out of what is saved: left out, with what stands
	 * on it (its address, the route through it) */
	assert_non_null(strstr(sbuf_str(&t), "#   veth1 in vnet: its peer "
	                       "veth0 is in the host, which is not saved; its addresses and "
	                       "routes too\n"));
	assert_null(strstr(sbuf_str(&t), "10.0.1.2"));
	assert_null(strstr(sbuf_str(&t), "route add"));
	assert_non_null(strstr(sbuf_str(&t), "ip netns add vnet\n"));
	tilist_free(&l);
	sbuf_free(&t);
}

/* Names with quotes, ';', '$' and bytes a terminal acts on: quoted so
 * that each line reads back as the same words, the header stays one
 * line a name, and a namespace nsviz would not make (a control byte in
 * its name) is left out whole, with the reason. */
static void test_save_hostile_names(void **state)
{
	struct w_ns *bad, *worse;
	struct tilist l;
	struct sbuf t = SBUF_INIT;

	(void)state;
	bad = world_add_ns(W, W_NS_NAMED, "a'b;$(x) y", 4, 4026532999u);
	add_link(bad, 1, "lo", "", IFF_UP, 0, -1);
	add_link(bad, 2, "x'$y", "bridge", IFF_MULTICAST, 0, -1);
	add_link(bad, 3, "x\x1b[2J", "bridge", IFF_MULTICAST, 0, -1);
	worse = world_add_ns(W, W_NS_NAMED, "c\nd", 4, 4026533000u);
	add_link(worse, 1, "lo", "", IFF_UP, 0, -1);
	world_resolve_peers(W);
	saved(&l, NULL, 0, &t);
	assert_non_null(strstr(sbuf_str(&t),
	                       "ip netns add 'a'\\''b;$(x) y'\n"));
	assert_non_null(strstr(sbuf_str(&t),
	                       "ip -n 'a'\\''b;$(x) y' link add "
	                       "'x'\\''$y' type bridge\n"));
	assert_non_null(strstr(sbuf_str(&t), "#   link x\\x1b[2J in a'b;$(x) "
	                       "y: `link add $'x\\x1b[2J' type bridge` cannot "
	                       "be read back (x\\x1b[2J: interface name "
	                       "contains control character \\x1b)\n"));
	assert_non_null(strstr(sbuf_str(&t),
	                       "#   the namespace $'c\\x0ad': "));
	assert_null(strstr(sbuf_str(&t), "ip -n $'c"));
	/* every line is a comment or a command: no raw control byte */
	assert_null(strchr(sbuf_str(&t), '\x1b'));
	for (const char *p = sbuf_str(&t); *p; ) {
		assert_true(*p == '#' || !strncmp(p, "ip ", 3));
		p = strchr(p, '\n') + 1;
	}
	tilist_free(&l);
	sbuf_free(&t);
}

/* ---- diff ---------------------------------------------------------------- */

static void add(struct tilist *l, enum ti_phase ph, unsigned flags,
                const char *ns, const char *key, const char *line,
                const char *repl, const char *del, const char *dep,
                const char *link)
{
	struct titem *it = tilist_add(l, ph, flags, ns, key, line, repl, del);

	if (dep)
		titem_dep(it, 0, ns, dep);
	if (link)
		it->link = xstrdup(link);
}

/* the plan as text: one step a line, "-" for --prune's */
static void plan_text(const struct topo_plan *p, struct sbuf *out)
{
	for (size_t i = 0; i < p->n; i++)
		sbuf_printf(out, "%s%s:%s\n",
		            p->v[i].kind == TS_PRUNE ? "-" :
		            p->v[i].kind == TS_REMAKE ? "!" : "",
		            p->v[i].it->ns, p->v[i].line);
}

/* a small world: netns n, a bridge b0 (mtu, up), an address on it, a
 * route through it */
static void world_items(struct tilist *l, const char *bropts, const char *mtu,
                        const char *addr, const char *route)
{
	char line[200];

	tilist_init(l);
	add(l, TP_NETNS, 0, "n", "netns n", "netns add n", NULL, NULL, NULL,
	    NULL);
	snprintf(line, sizeof line, "link add b0 type bridge%s", bropts);
	add(l, TP_LINK, 0, "n", "link b0", line, NULL, "link del b0", NULL,
	    "b0");
	snprintf(line, sizeof line, "link set b0 mtu %s", mtu);
	add(l, TP_LINK_SET, TI_SETTING | (strcmp(mtu, "1500") ? 0 : TI_HIDDEN),
	    "n", "link b0 mtu", line, NULL, NULL, "b0", NULL);
	add(l, TP_UP, TI_SETTING, "n", "link b0 up", "link set b0 up", NULL,
	    NULL, "b0", NULL);
	if (addr) {
		snprintf(line, sizeof line, "addr add %s dev b0", addr);
		add(l, TP_ADDR, 0, "n", line, line, NULL, "addr del", "b0",
		    NULL);
	}
	if (route) {
		snprintf(line, sizeof line, "route add %s dev b0", route);
		add(l, TP_ROUTE, 0, "n", route, line, "route replace", "route del",
		    "b0", NULL);
	}
	tilist_sort(l);
}

static void check_plan(struct tilist *want, struct tilist *have,
                       const char *expect)
{
	struct topo_plan p;
	struct sbuf t = SBUF_INIT;

	topo_diff(want, have, &p);
	plan_text(&p, &t);
	assert_string_equal(sbuf_str(&t), expect);
	sbuf_free(&t);
	topo_plan_free(&p);
}

static void test_diff_same(void **state)
{
	struct tilist a, b;

	(void)state;
	world_items(&a, "", "1500", "10.0.0.1/24", "10.1.0.0/16");
	world_items(&b, "", "1500", "10.0.0.1/24", "10.1.0.0/16");
	check_plan(&a, &b, "");
	tilist_free(&a);
	tilist_free(&b);
}

static void test_diff_from_nothing(void **state)
{
	struct tilist a, none;

	(void)state;
	world_items(&a, "", "1400", "10.0.0.1/24", NULL);
	tilist_init(&none);
	/* settings at their defaults are not run for a new link */
	check_plan(&a, &none,
	           "n:netns add n\n"
	           "n:link add b0 type bridge\n"
	           "n:link set b0 mtu 1400\n"
	           "n:addr add 10.0.0.1/24 dev b0\n"
	           "n:link set b0 up\n");
	tilist_free(&a);
	tilist_free(&none);
}

static void test_diff_changes(void **state)
{
	struct tilist want, have;

	(void)state;
	world_items(&want, "", "1500", "10.0.0.1/24", "10.1.0.0/16");
	world_items(&have, "", "1400", NULL, "10.1.0.0/16 via 1.2.3.4");
	/* have's route differs: replaced; its mtu: set back (a setting of an
	 * object the file has is the file's even at the default) */
	{
		struct titem *r = NULL;

		for (size_t i = 0; i < have.n; i++)
			if (have.v[i].phase == TP_ROUTE)
				r = &have.v[i];
		assert_non_null(r);
		free(r->key);
		r->key = xstrdup("10.1.0.0/16");
	}
	check_plan(&want, &have,
	           "n:link set b0 mtu 1500\n"
	           "n:addr add 10.0.0.1/24 dev b0\n"
	           "n:route replace\n");
	tilist_free(&want);
	tilist_free(&have);
}

static void test_diff_prune(void **state)
{
	struct tilist want, have;

	(void)state;
	world_items(&want, "", "1500", NULL, NULL);
	world_items(&have, "", "1500", "10.0.0.1/24", "10.1.0.0/16");
	/* an extra link goes with what stands on it: its address is not
	 * deleted on its own */
	add(&have, TP_LINK, 0, "n", "link x0", "link add x0 type bridge", NULL,
	    "link del x0", NULL, "x0");
	add(&have, TP_ADDR, 0, "n", "addr 10.9.9.9/32 dev x0",
	    "addr add 10.9.9.9/32 dev x0", NULL, "addr del 10.9.9.9/32 dev x0",
	    "x0", NULL);
	/* another namespace: not the file's business */
	add(&have, TP_LINK, 0, "other", "link y0", "link add y0 type bridge",
	    NULL, "link del y0", NULL, "y0");
	tilist_sort(&have);
	check_plan(&want, &have,
	           "-n:route del\n"
	           "-n:addr del\n"
	           "-n:link del x0\n");
	tilist_free(&want);
	tilist_free(&have);
}

/* A link made otherwise (other options that are part of what it is) is
 * deleted and made again, and what stood on it comes back. */
static void test_diff_remake(void **state)
{
	struct tilist want, have;

	(void)state;
	world_items(&want, "", "1500", "10.0.0.1/24", "10.1.0.0/16");
	world_items(&have, " stp_state 1", "1500", "10.0.0.1/24",
	            "10.1.0.0/16");
	check_plan(&want, &have,
	           "!n:link del b0\n"
	           "n:link add b0 type bridge\n"
	           "n:addr add 10.0.0.1/24 dev b0\n"
	           "n:link set b0 up\n"
	           "n:route add 10.1.0.0/16 dev b0\n");
	tilist_free(&want);
	tilist_free(&have);
}

/* A setting that follows another (a bridge's mtu its ports') is not
 * enforced when the file leaves it at its default; a namespace-wide
 * sysctl the file does not set is --prune's. */
static void test_diff_derived_and_ns_wide(void **state)
{
	struct tilist want, have;

	(void)state;
	tilist_init(&want);
	tilist_init(&have);
	add(&want, TP_LINK_SET, TI_SETTING | TI_HIDDEN | TI_DERIVED, "", "k1",
	    "link set br0 mtu 1500", NULL, NULL, NULL, NULL);
	add(&have, TP_LINK_SET, TI_SETTING | TI_HIDDEN | TI_DERIVED, "", "k1",
	    "link set br0 mtu 1400", NULL, NULL, NULL, NULL);
	add(&want, TP_SYSCTL_NS, TI_SETTING | TI_HIDDEN | TI_SYSCTL, "", "k2",
	    "sysctl -w a=0", NULL, NULL, NULL, NULL);
	add(&have, TP_SYSCTL_NS, TI_SETTING | TI_SYSCTL, "", "k2",
	    "sysctl -w a=1", NULL, NULL, NULL, NULL);
	/* the file says something of the host */
	add(&want, TP_ADDR, 0, "", "a", "addr add 1.1.1.1/32 dev x", NULL,
	    "addr del 1.1.1.1/32 dev x", NULL, NULL);
	tilist_sort(&want);
	tilist_sort(&have);
	check_plan(&want, &have,
	           "-:sysctl -w a=0\n"
	           ":addr add 1.1.1.1/32 dev x\n");
	tilist_free(&want);
	tilist_free(&have);
}

/* ---- packing ------------------------------------------------------------- */

static void test_pack_round_trip(void **state)
{
	struct tilist a, b;
	struct sbuf p = SBUF_INIT, q = SBUF_INIT;

	(void)state;
	world_items(&a, " stp_state 1", "1400", "10.0.0.1/24", "10.1.0.0/16");
	a.v[1].cmp = xstrdup("link add b0 type bridge");
	tilist_leave(&a, "eth0: %s", "physical");
	tilist_pack(&a, &p);
	assert_int_equal(tilist_unpack(&b, p.s, p.len), 0);
	tilist_pack(&b, &q);
	assert_int_equal(p.len, q.len);
	assert_memory_equal(p.s, q.s, p.len);
	assert_string_equal(titem_cmp(&b.v[1]), "link add b0 type bridge");
	/* every cut and every flipped byte is refused or read whole, never
	 * read past the end (ASan watches) */
	for (size_t n = 0; n < p.len; n++) {
		struct tilist c;

		assert_int_equal(tilist_unpack(&c, p.s, n), -1);
	}
	for (size_t n = 0; n < p.len; n++) {
		struct tilist c;
		char save = p.s[n];

		p.s[n] = (char)0xff;
		if (tilist_unpack(&c, p.s, p.len) == 0)
			tilist_free(&c);
		p.s[n] = save;
	}
	tilist_free(&a);
	tilist_free(&b);
	sbuf_free(&p);
	sbuf_free(&q);
}

/* nft -s list ruleset cut into tables, each on one line nft reads back */
static void test_nft_tables(void **state)
{
	static const char listing[] =
		"table ip nat {\n"
		"\tset lan {\n"
		"\t\ttype ipv4_addr\n"
		"\t\telements = { 10.0.0.2, 10.0.0.3,\n"
		"\t\t\t     10.0.0.4 }\n"
		"\t}\n"
		"\n"
		"\tchain post {\n"
		"\t\ttype nat hook postrouting priority srcnat; policy accept;\n"
		"\t\toifname \"r-inet\" counter masquerade\n"
		"\t\tip saddr @lan accept comment \"a { b\"\n"
		"\t}\n"
		"}\n"
		"table inet f {\n"
		"}\n";
	struct topo_nft_table *v;
	size_t n;

	(void)state;
	n = topo_nft_tables(listing, &v);
	assert_int_equal(n, 2);
	assert_string_equal(v[0].family, "ip");
	assert_string_equal(v[0].name, "nat");
	assert_string_equal(v[0].text,
	    "table ip nat { set lan { type ipv4_addr; elements = { 10.0.0.2, "
	    "10.0.0.3, 10.0.0.4 }; }; chain post { type nat hook postrouting "
	    "priority srcnat; policy accept; oifname \"r-inet\" counter "
	    "masquerade; ip saddr @lan accept comment \"a { b\"; }; }");
	assert_string_equal(v[1].family, "inet");
	assert_string_equal(v[1].name, "f");
	assert_string_equal(v[1].text, "table inet f { }");
	topo_nft_free(v, n);
	/* not nft's listing: nothing */
	assert_int_equal(topo_nft_tables("Error: x\n", &v), 0);
	topo_nft_free(v, 0);
	assert_int_equal(topo_nft_tables("", &v), 0);
	topo_nft_free(v, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_save_tutorial, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(test_save_only_vnet, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(test_save_hostile_names, setup,
		                                teardown),
		cmocka_unit_test(test_diff_same),
		cmocka_unit_test(test_diff_from_nothing),
		cmocka_unit_test(test_diff_changes),
		cmocka_unit_test(test_diff_prune),
		cmocka_unit_test(test_diff_remake),
		cmocka_unit_test(test_diff_derived_and_ns_wide),
		cmocka_unit_test(test_pack_round_trip),
		cmocka_unit_test(test_nft_tables),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
