/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_world.c - the model: events applied as the kernel reports them. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "fmt/fmt.h"
#include "util/sbuf.h"
#include "world/world.h"

static struct w_event link_ev(enum w_event_type t, int ifindex,
                              const char *name, unsigned flags)
{
	struct w_event ev;

	memset(&ev, 0, sizeof ev);
	ev.type = t;
	ev.u.link.ifindex = ifindex;
	snprintf(ev.u.link.name, sizeof ev.u.link.name, "%s", name);
	ev.u.link.flags = flags;
	return ev;
}

static struct w_event addr_ev(enum w_event_type t, int ifindex,
                              const char *ip, int plen)
{
	struct w_event ev;

	memset(&ev, 0, sizeof ev);
	ev.type = t;
	ev.u.addr.ifindex = ifindex;
	ev.u.addr.family = AF_INET;
	ev.u.addr.prefixlen = plen;
	assert_int_equal(w_ip_parse(ip, &ev.u.addr.local), 0);
	return ev;
}

static struct w_event route_ev(enum w_event_type t, const char *dst,
                               int plen, int oif)
{
	struct w_event ev;

	memset(&ev, 0, sizeof ev);
	ev.type = t;
	ev.u.route.family = AF_INET;
	ev.u.route.table = 254;
	ev.u.route.type = 1;
	ev.u.route.dst_len = plen;
	ev.u.route.oif = oif;
	assert_int_equal(w_ip_parse(dst, &ev.u.route.dst), 0);
	return ev;
}

static void test_links_sorted_and_replaced(void **state)
{
	struct world *w = world_new();
	struct w_ns *ns = world_add_ns(w, W_NS_HOST, "", 1, 100);
	struct w_event ev;

	(void)state;
	ev = link_ev(W_EV_NEWLINK, 5, "veth0", 0);
	world_apply(w, ns, &ev);
	ev = link_ev(W_EV_NEWLINK, 1, "lo", 0);
	world_apply(w, ns, &ev);
	ev = link_ev(W_EV_NEWLINK, 3, "veth1", 0);
	world_apply(w, ns, &ev);
	assert_int_equal(ns->nlinks, 3);
	assert_int_equal(ns->links[0].ifindex, 1);
	assert_int_equal(ns->links[1].ifindex, 3);
	assert_int_equal(ns->links[2].ifindex, 5);
	/* a rename is an update of the same ifindex */
	ev = link_ev(W_EV_NEWLINK, 3, "eth9", 0);
	world_apply(w, ns, &ev);
	assert_int_equal(ns->nlinks, 3);
	assert_non_null(world_find_link(ns, "eth9"));
	assert_null(world_find_link(ns, "veth1"));
	assert_ptr_equal(world_find_link_index(ns, 5), world_find_link(ns, "veth0"));
	world_free(w);
}

static void test_dellink_takes_addresses_and_routes(void **state)
{
	struct world *w = world_new();
	struct w_ns *ns = world_add_ns(w, W_NS_HOST, "", 1, 100);
	struct w_event ev;

	(void)state;
	ev = link_ev(W_EV_NEWLINK, 2, "veth0", 1);
	world_apply(w, ns, &ev);
	ev = link_ev(W_EV_NEWLINK, 7, "other", 1);
	world_apply(w, ns, &ev);
	ev = addr_ev(W_EV_NEWADDR, 2, "10.0.1.0", 24);
	world_apply(w, ns, &ev);
	ev = addr_ev(W_EV_NEWADDR, 7, "10.9.9.9", 8);
	world_apply(w, ns, &ev);
	ev = route_ev(W_EV_NEWROUTE, "10.0.2.0", 24, 2);
	world_apply(w, ns, &ev);
	ev = route_ev(W_EV_NEWROUTE, "10.0.0.0", 8, 7);
	world_apply(w, ns, &ev);
	assert_int_equal(ns->naddrs, 2);
	assert_int_equal(ns->nroutes, 2);

	ev = link_ev(W_EV_DELLINK, 2, "veth0", 1);
	world_apply(w, ns, &ev);
	assert_int_equal(ns->nlinks, 1);
	assert_int_equal(ns->naddrs, 1);
	assert_int_equal(ns->addrs[0].ifindex, 7);
	assert_int_equal(ns->nroutes, 1);
	assert_int_equal(ns->routes[0].oif, 7);
	world_free(w);
}

static void test_addr_and_route_upsert_delete(void **state)
{
	struct world *w = world_new();
	struct w_ns *ns = world_add_ns(w, W_NS_HOST, "", 1, 100);
	struct w_event ev;

	(void)state;
	ev = addr_ev(W_EV_NEWADDR, 2, "10.0.1.0", 24);
	world_apply(w, ns, &ev);
	world_apply(w, ns, &ev);            /* a dump replayed: no dup */
	assert_int_equal(ns->naddrs, 1);
	ev = addr_ev(W_EV_NEWADDR, 2, "10.0.1.0", 25);
	world_apply(w, ns, &ev);            /* another prefix: a new one */
	assert_int_equal(ns->naddrs, 2);
	ev = addr_ev(W_EV_DELADDR, 2, "10.0.1.0", 24);
	world_apply(w, ns, &ev);
	assert_int_equal(ns->naddrs, 1);
	assert_int_equal(ns->addrs[0].prefixlen, 25);

	ev = route_ev(W_EV_NEWROUTE, "10.0.2.0", 24, 2);
	world_apply(w, ns, &ev);
	world_apply(w, ns, &ev);
	assert_int_equal(ns->nroutes, 1);
	ev.u.route.priority = 100;          /* same prefix, other metric */
	world_apply(w, ns, &ev);
	assert_int_equal(ns->nroutes, 2);
	ev.type = W_EV_DELROUTE;
	world_apply(w, ns, &ev);
	assert_int_equal(ns->nroutes, 1);
	assert_int_equal(ns->routes[0].priority, 0);
	world_free(w);
}

static void test_peers_resolved_across_namespaces(void **state)
{
	struct world *w = world_new();
	struct w_ns *host = world_add_ns(w, W_NS_HOST, "", 1, 100);
	struct w_ns *vnet = world_add_ns(w, W_NS_NAMED, "vnet", 1, 200);
	struct w_event ev;
	struct sbuf out = SBUF_INIT;

	(void)state;
	/* host: veth0 (4), peer ifindex 3 in nsid 0 = vnet */
	ev = link_ev(W_EV_NEWLINK, 4, "veth0", 0);
	ev.u.link.has_iflink = 1;
	ev.u.link.iflink = 3;
	ev.u.link.has_link_netnsid = 1;
	ev.u.link.link_netnsid = 0;
	world_apply(w, host, &ev);
	/* vnet: veth1 (3), peer ifindex 4 in nsid 7 = host */
	ev = link_ev(W_EV_NEWLINK, 3, "veth1", 0);
	ev.u.link.has_iflink = 1;
	ev.u.link.iflink = 4;
	ev.u.link.has_link_netnsid = 1;
	ev.u.link.link_netnsid = 7;
	world_apply(w, vnet, &ev);
	world_set_nsid(host, 0, vnet->id);
	world_set_nsid(vnet, 7, host->id);
	world_resolve_peers(w);

	assert_string_equal(host->links[0].peer_name, "veth1");
	assert_int_equal(host->links[0].peer_ns_id, vnet->id);
	/* ip's name after link-netns: the named namespace of the nsid */
	sbuf_reset(&out);
	fmt_link(&out, host, &host->links[0]);
	assert_non_null(strstr(sbuf_str(&out), " link-netns vnet\n"));
	assert_string_equal(vnet->links[0].peer_name, "veth0");
	assert_int_equal(vnet->links[0].peer_ns_id, host->id);
	/* the host has no name: ip prints link-netnsid N instead */
	sbuf_reset(&out);
	fmt_link(&out, vnet, &vnet->links[0]);
	assert_non_null(strstr(sbuf_str(&out), " link-netnsid 7\n"));

	/* equal ifindexes on both sides are a coincidence, not a loop:
	 * the pair again as veth0 (4) <-> veth1 (4) */
	ev = link_ev(W_EV_DELLINK, 3, "veth1", 0);
	world_apply(w, vnet, &ev);
	ev = link_ev(W_EV_NEWLINK, 4, "veth1", 0);
	ev.u.link.has_iflink = 1;
	ev.u.link.iflink = 4;
	ev.u.link.has_link_netnsid = 1;
	ev.u.link.link_netnsid = 7;
	world_apply(w, vnet, &ev);
	ev = link_ev(W_EV_NEWLINK, 4, "veth0", 0);
	ev.u.link.has_iflink = 1;
	ev.u.link.iflink = 4;
	ev.u.link.has_link_netnsid = 1;
	ev.u.link.link_netnsid = 0;
	world_apply(w, host, &ev);
	world_resolve_peers(w);
	assert_string_equal(host->links[0].peer_name, "veth1");
	assert_string_equal(vnet->links[0].peer_name, "veth0");

	world_remove_ns(w, vnet);
	world_resolve_peers(w);
	assert_string_equal(host->links[0].peer_name, "");
	assert_int_equal(host->links[0].peer_ns_id, -1);
	/* its nsid names nothing now */
	sbuf_reset(&out);
	fmt_link(&out, host, &host->links[0]);
	assert_non_null(strstr(sbuf_str(&out), " link-netnsid 0\n"));
	sbuf_free(&out);
	world_free(w);
}

/* ---- incremental peers (issue 12) against a walk of the whole world ----
 * The reference: what world_resolve_peers computed before it became
 * incremental, for every link from scratch. */
struct ref_peer {
	int ns_id;
	char name[W_IFNAMSIZ];
};

static void ref_resolve(const struct world *w, const struct w_ns *ns,
                        const struct w_link *l, struct ref_peer *r)
{
	const struct w_ns *pns = ns;
	const struct w_link *peer;

	memset(r, 0, sizeof *r);
	r->ns_id = -1;
	if (!l->has_iflink || l->iflink == 0 ||
	    (l->iflink == l->ifindex && !l->has_link_netnsid))
		return;
	if (l->has_link_netnsid) {
		/* by a walk, not the world's index */
		pns = NULL;
		for (size_t i = 0; i < ns->nnsids; i++)
			if (ns->nsids[i].nsid == l->link_netnsid)
				for (size_t j = 0; j < w->nns; j++)
					if (w->ns[j]->id == ns->nsids[i].ns_id)
						pns = w->ns[j];
		if (!pns)
			return;
	}
	peer = NULL;
	for (size_t i = 0; i < pns->nlinks; i++)
		if (pns->links[i].ifindex == l->iflink)
			peer = &pns->links[i];
	if (!peer)
		return;
	r->ns_id = pns->id;
	snprintf(r->name, sizeof r->name, "%s", peer->name);
}

static unsigned rnd_state;
static unsigned rnd(unsigned n)
{
	rnd_state = rnd_state * 1103515245u + 12345u;
	return (rnd_state >> 8) % n;
}

static void check_against_ref(const struct world *w, int step)
{
	for (size_t i = 0; i < w->nns; i++) {
		const struct w_ns *ns = w->ns[i];

		for (size_t j = 0; j < ns->nlinks; j++) {
			const struct w_link *l = &ns->links[j];
			struct ref_peer r;

			ref_resolve(w, ns, l, &r);
			if (l->peer_ns_id != r.ns_id ||
			    strcmp(l->peer_name, r.name))
				fail_msg("step %d: ns %d link %d (%s): peer %d '%s', "
				         "expected %d '%s'", step, ns->id,
				         l->ifindex, l->name, l->peer_ns_id,
				         l->peer_name, r.ns_id, r.name);
		}
	}
}

/* Random changes, in the order the kernel may report them: links come,
 * change, move their pointers, get renamed and go; nsids are learnt late
 * or change meaning; namespaces come and go.  After every step the
 * world's peers are those of a full walk. */
static void test_peers_incremental_match_full_walk(void **state)
{
	(void)state;
	for (unsigned seed = 1; seed <= 200; seed++) {
		struct world *w = world_new();
		int nextino = 100;

		rnd_state = seed;
		world_add_ns(w, W_NS_HOST, "", 1, (ino_t)nextino++);
		for (int step = 0; step < 400; step++) {
			unsigned what = rnd(100);
			struct w_ns *ns = w->ns[rnd((unsigned)w->nns)];
			bool trace = getenv("TRACE") != NULL;

			if (trace)
				fprintf(stderr, "seed %u step %d what %u ns %d\n",
				        seed, step, what, ns->id);

			if (what < 6 && w->nns < 12) {
				char name[32];

				snprintf(name, sizeof name, "n%d", nextino);
				world_add_ns(w, rnd(3) ? W_NS_NAMED : W_NS_UNNAMED,
				             name, 1, (ino_t)nextino++);
			} else if (what < 9 && w->nns > 2 && ns->kind != W_NS_HOST) {
				world_remove_ns(w, ns);
			} else if (what < 10) {
				/* read again from scratch (an event overrun) */
				world_clear_ns(ns);
			} else if (what < 11 && ns->kind == W_NS_UNNAMED) {
				char name[32];

				snprintf(name, sizeof name, "named%d", step);
				world_name_ns(w, ns, name);
			} else if (what < 20) {
				/* an nsid for another namespace, maybe a new meaning */
				struct w_ns *o = w->ns[rnd((unsigned)w->nns)];

				if (o != ns)
					world_set_nsid(ns, (int)rnd(6), o->id);
			} else if (what < 30 && ns->nlinks) {
				struct w_link *l = &ns->links[rnd((unsigned)ns->nlinks)];
				struct w_event ev = link_ev(W_EV_DELLINK, l->ifindex,
				                            l->name, 0);
				if (trace)
					fprintf(stderr, "  del %d\n", l->ifindex);
				world_apply(w, ns, &ev);
			} else {
				/* a new link, or an old one again: other name,
				 * flags or pointers */
				int ifindex = 1 + (int)rnd(8);
				char name[16];
				struct w_event ev;

				snprintf(name, sizeof name, "l%d%s", ifindex,
				         rnd(8) ? "" : "x");
				ev = link_ev(W_EV_NEWLINK, ifindex, name, rnd(2));
				switch (rnd(4)) {
				case 0:
					break;   /* no IFLA_LINK */
				case 1:      /* same namespace: a VLAN, a local veth */
					ev.u.link.has_iflink = 1;
					ev.u.link.iflink = 1 + (int)rnd(8);
					break;
				default:     /* another namespace */
					ev.u.link.has_iflink = 1;
					ev.u.link.iflink = 1 + (int)rnd(8);
					ev.u.link.has_link_netnsid = 1;
					ev.u.link.link_netnsid = (int)rnd(6);
					break;
				}
				if (trace)
					fprintf(stderr, "  link %d %s iflink %d/%d nsid %d/%d\n",
					        ifindex, name, ev.u.link.has_iflink,
					        ev.u.link.iflink,
					        ev.u.link.has_link_netnsid,
					        ev.u.link.link_netnsid);
				world_apply(w, ns, &ev);
			}
			world_resolve_peers(w);
			check_against_ref(w, step);
		}
		world_free(w);
	}
}

/* A link's heap parts (alias, attribute runs, a NIC's place) belong to
 * exactly one owner: the world keeps copies of its own, the event stays
 * its sender's.  Wrong ownership is a leak or a double free, which the
 * sanitizer build's leak checker fails; the copies are checked here too. */
static struct w_event heavy_ev(int ifindex, const char *alias, uint8_t tag)
{
	struct w_event ev = link_ev(W_EV_NEWLINK, ifindex, "br0", 0);
	/* one whole attribute (type 1, a u32) and one torn at the end */
	uint8_t run[12] = { 8, 0, 1, 0, tag, 0, 0, 0, 9, 0, 2, 0 };

	w_link_set_alias(&ev.u.link, alias, strlen(alias));
	w_link_set_run(&ev.u.link, false, run, sizeof run);
	w_link_set_run(&ev.u.link, true, run, 8);
	w_link_phys(&ev.u.link)->phys_port_id_len = tag;
	return ev;
}

static void test_link_heap_parts_owned_once(void **state)
{
	struct world *w = world_new();
	struct w_ns *ns = world_add_ns(w, W_NS_HOST, "", 1, 100);
	struct w_event ev = heavy_ev(2, "first", 7), del;
	struct w_link *l;
	struct w_stats64 st = { .rx_packets = 1 };
	uint8_t v = 0;

	(void)state;
	/* the kernel's limits, not fixed arrays, bound the link's size */
	assert_true(sizeof(struct w_link) <= 1024);
	assert_int_equal(ev.u.link.info_data_len, 8);   /* torn one cut */

	world_apply(w, ns, &ev);
	l = world_find_link_index(ns, 2);
	assert_non_null(l);
	assert_ptr_not_equal(l->ifalias, ev.u.link.ifalias);
	assert_ptr_not_equal(l->info_data, ev.u.link.info_data);
	assert_ptr_not_equal(l->slave_data, ev.u.link.slave_data);
	assert_ptr_not_equal(l->phys, ev.u.link.phys);
	w_event_release(&ev);
	assert_null(ev.u.link.ifalias);
	/* the world's copy outlives the event */
	assert_string_equal(l->ifalias, "first");
	assert_true(w_attr_u8(l->info_data, l->info_data_len, 1, &v));
	assert_int_equal(v, 7);
	assert_int_equal(l->phys->phys_port_id_len, 7);

	/* a new report of the link replaces every part; one without
	 * them leaves none behind */
	ev = heavy_ev(2, "second", 9);
	world_apply(w, ns, &ev);
	w_event_release(&ev);
	l = world_find_link_index(ns, 2);
	assert_string_equal(l->ifalias, "second");
	assert_true(w_attr_u8(l->info_data, l->info_data_len, 1, &v));
	assert_int_equal(v, 9);
	ev = link_ev(W_EV_NEWLINK, 2, "br0", 0);
	world_apply(w, ns, &ev);
	l = world_find_link_index(ns, 2);
	assert_null(l->ifalias);
	assert_null(l->info_data);
	assert_int_equal(l->info_data_len, 0);
	assert_null(l->slave_data);
	assert_null(l->phys);

	/* links before and after it keep theirs when one goes */
	ev = heavy_ev(1, "one", 1);
	world_apply(w, ns, &ev);
	w_event_release(&ev);
	ev = heavy_ev(3, "three", 3);
	world_apply(w, ns, &ev);
	w_event_release(&ev);
	ev = heavy_ev(2, "two", 2);
	world_apply(w, ns, &ev);
	/* a removal's own link has parts too (the kernel sends them) */
	del = ev;
	del.type = W_EV_DELLINK;
	world_apply(w, ns, &del);
	w_event_release(&ev);
	assert_int_equal(ns->nlinks, 2);
	assert_string_equal(ns->links[0].ifalias, "one");
	assert_string_equal(ns->links[1].ifalias, "three");

	/* before a re-dump every part goes; the namespace fills again */
	world_clear_ns(ns);
	assert_int_equal(ns->nlinks, 0);
	ev = heavy_ev(4, "four", 4);
	world_apply(w, ns, &ev);
	w_event_release(&ev);
	assert_string_equal(world_find_link_index(ns, 4)->ifalias, "four");
	/* IPv6's counters, read later, are the link's too: set twice,
	 * then gone with a new report of the link */
	world_set_stats6(w, ns, 4, &st);
	st.rx_packets = 2;
	world_set_stats6(w, ns, 4, &st);
	assert_int_equal(world_find_link_index(ns, 4)->stats6->rx_packets, 2);
	ev = heavy_ev(4, "four", 4);
	world_apply(w, ns, &ev);
	w_event_release(&ev);
	assert_null(world_find_link_index(ns, 4)->stats6);
	world_set_stats6(w, ns, 4, &st);

	/* a removed namespace, and the world's end, free the rest */
	ns = world_add_ns(w, W_NS_NAMED, "gone", 1, 200);
	ev = heavy_ev(5, "five", 5);
	world_apply(w, ns, &ev);
	w_event_release(&ev);
	world_remove_ns(w, ns);
	ns = world_add_ns(w, W_NS_NAMED, "kept", 1, 300);
	ev = heavy_ev(6, "six", 6);
	world_apply(w, ns, &ev);
	w_event_release(&ev);
	world_set_stats6(w, ns, 6, &st);
	world_free(w);
}

/* w_link_copy of a link without heap parts makes none; an empty alias
 * or run is none */
static void test_link_heap_parts_empty(void **state)
{
	struct w_link a, b;

	(void)state;
	memset(&a, 0, sizeof a);
	w_link_set_alias(&a, "", 0);
	w_link_set_run(&a, false, "", 0);
	assert_null(a.ifalias);
	assert_null(a.info_data);
	w_link_copy(&b, &a);
	assert_null(b.ifalias);
	assert_null(b.info_data);
	assert_null(b.slave_data);
	assert_null(b.phys);
	/* the kernel's alias limit: longer is cut, not refused */
	w_link_set_alias(&a, "abc", 2);
	assert_string_equal(a.ifalias, "ab");
	w_link_free(&a);
	assert_null(a.ifalias);
	w_link_free(&a);   /* twice is harmless */
}

static void test_find_ns_and_labels(void **state)
{
	struct world *w = world_new();
	struct w_ns *un;
	char buf[300];

	(void)state;
	world_add_ns(w, W_NS_HOST, "", 1, 100);
	world_add_ns(w, W_NS_NAMED, "vnet", 1, 200);
	un = world_add_ns(w, W_NS_UNNAMED, "", 1, 300);
	un->holder_pid = 4242;
	snprintf(un->holder_comm, sizeof un->holder_comm, "containerd");
	assert_ptr_equal(world_find_ns(w, ""), world_host(w));
	assert_string_equal(world_find_ns(w, "vnet")->name, "vnet");
	assert_null(world_find_ns(w, "nope"));
	assert_ptr_equal(world_find_ns_ino(w, 1, 300), un);
	assert_string_equal(world_ns_label(world_host(w), buf, sizeof buf), "host");
	assert_string_equal(world_ns_label(un, buf, sizeof buf),
	                    "pid 4242 (containerd)");
	world_free(w);
}

static void test_ip_parse(void **state)
{
	struct w_ip ip;
	char buf[64];

	(void)state;
	assert_int_equal(w_ip_parse("10.0.2.0", &ip), 0);
	assert_int_equal(ip.family, AF_INET);
	assert_string_equal(w_ip_str(&ip, buf, sizeof buf), "10.0.2.0");
	assert_int_equal(w_ip_parse("fe80::1", &ip), 0);
	assert_int_equal(ip.family, AF_INET6);
	assert_string_equal(w_ip_str(&ip, buf, sizeof buf), "fe80::1");
	assert_int_equal(w_ip_parse("10.0.2", &ip), -1);
	assert_int_equal(w_ip_parse("10.0.2.256", &ip), -1);
	assert_int_equal(w_ip_parse("", &ip), -1);
	assert_int_equal(w_ip_parse("fe80:::1", &ip), -1);
	/* link-local: fe80::/10, IPv6 only */
	static const struct { const char *s; bool ll; } ll[] = {
		{ "fe80::1", true }, { "febf:ffff::1", true },
		{ "fec0::1", false }, { "fe7f::1", false },
		{ "2001:db8::1", false }, { "::1", false },
		{ "254.128.0.1", false },
	};
	for (size_t i = 0; i < sizeof ll / sizeof ll[0]; i++) {
		assert_int_equal(w_ip_parse(ll[i].s, &ip), 0);
		assert_true(w_ip_link_local(&ip) == ll[i].ll);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_links_sorted_and_replaced),
		cmocka_unit_test(test_dellink_takes_addresses_and_routes),
		cmocka_unit_test(test_addr_and_route_upsert_delete),
		cmocka_unit_test(test_peers_resolved_across_namespaces),
		cmocka_unit_test(test_peers_incremental_match_full_walk),
		cmocka_unit_test(test_link_heap_parts_owned_once),
		cmocka_unit_test(test_link_heap_parts_empty),
		cmocka_unit_test(test_find_ns_and_labels),
		cmocka_unit_test(test_ip_parse),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
