/* SPDX-License-Identifier: GPL-2.0-or-later */
/* world.c - the model, and the only code that changes it.
 *
 * Every change arrives as a struct w_event decoded from a kernel message
 * (dump or notification) and is applied here.  Objects are keyed the way
 * the kernel keys them, so replaying a dump over a live world is
 * idempotent: links by ifindex, addresses by (ifindex, family, local,
 * prefixlen, peer), routes by (family, table, dst, dst_len, tos, priority,
 * type) plus the output interface for IPv6 (whose routes are per device),
 * neighbours by (ifindex, family, dst).
 */
#include "world/world.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "util/sbuf.h"

struct world *world_new(void)
{
	struct world *w = xcalloc(1, sizeof *w);
	return w;
}

static uint64_t ino_hash(dev_t dev, ino_t ino)
{
	return hmap_hash_u64((uint64_t)ino * UINT64_C(0x9e3779b97f4a7c15) ^
	                     (uint64_t)dev);
}

/* The links' heap parts (world.h: a link owns them) */
static void links_free(struct w_ns *ns)
{
	for (size_t i = 0; i < ns->nlinks; i++)
		w_link_free(&ns->links[i]);
	ns->nlinks = 0;
}

static void ns_free(struct w_ns *ns)
{
	links_free(ns);
	free(ns->links);
	free(ns->addrs);
	free(ns->routes);
	free(ns->neighs);
	free(ns->nsids);
	free(ns->rules);
	hmap_free(&ns->link_names);
	hmap_free(&ns->nsid_of);
	hmap_free(&ns->route_keys);
	hmap_free(&ns->addr_keys);
	hmap_free(&ns->neigh_keys);
	hmap_free(&ns->by_iflink);
	free(ns->waiting);
	free(ns);
}

void world_free(struct world *w)
{
	if (!w)
		return;
	for (size_t i = 0; i < w->nns; i++)
		ns_free(w->ns[i]);
	free(w->ns);
	hmap_free(&w->by_id);
	hmap_free(&w->by_name);
	hmap_free(&w->by_ino);
	hmap_free(&w->by_pair);
	hmap_free(&w->rev);
	free(w->dirty);
	free(w->unres);
	free(w->gone);
	free(w->wake);
	free(w);
}

static void index_name(struct world *w, struct w_ns *ns, bool add)
{
	if (ns->kind != W_NS_NAMED)
		return;
	if (add)
		hmap_put(&w->by_name, hmap_hash_str(ns->name), ns);
	else
		hmap_del(&w->by_name, hmap_hash_str(ns->name), ns);
}

struct w_ns *world_add_ns(struct world *w, enum w_ns_kind kind,
                          const char *name, dev_t dev, ino_t ino)
{
	struct w_ns *ns = xcalloc(1, sizeof *ns);

	ns->id = w->next_id++;
	ns->kind = kind;
	snprintf(ns->name, sizeof ns->name, "%s", name ? name : "");
	ns->dev = dev;
	ns->ino = ino;
	ns->world = w;
	xgrow((void **)&w->ns, &w->capns, w->nns + 1, sizeof *w->ns);
	w->ns[w->nns++] = ns;
	hmap_put(&w->by_id, hmap_hash_u64((uint64_t)ns->id), ns);
	hmap_put(&w->by_ino, ino_hash(dev, ino), ns);
	index_name(w, ns, true);
	/* links that lead into it may resolve now */
	w->retry_unres = true;
	w->generation++;
	w->ns_epoch++;
	return ns;
}

void world_name_ns(struct world *w, struct w_ns *ns, const char *name)
{
	index_name(w, ns, false);
	ns->kind = W_NS_NAMED;
	snprintf(ns->name, sizeof ns->name, "%s", name);
	index_name(w, ns, true);
	/* link-netns NAME of the links that lead into it */
	w->peers_all = true;
	w->generation++;
	w->ns_epoch++;
}

static void peer_drop_count(struct world *w, struct w_ns *ns,
                            const struct w_link *l);
static void iflink_index(struct w_ns *ns, const struct w_link *l, bool add);
static void peer_clear(struct w_link *l);
static void dependents_dirty(struct world *w, struct w_ns *ns, int ifindex);
static void dirty_add(struct world *w, int ns_id, int ifindex);
static void pair_index(struct world *w, struct w_ns *ns,
                       const struct w_link *l, bool add);
static uint64_t route_key(const struct w_route *r);
#define KEY_MARK HMAP_INT(1)

void world_remove_ns(struct world *w, struct w_ns *ns)
{
	for (size_t i = 0; i < w->nns; i++) {
		if (w->ns[i] != ns)
			continue;
		memmove(&w->ns[i], &w->ns[i + 1],
		        (w->nns - i - 1) * sizeof *w->ns);
		w->nns--;
		hmap_del(&w->by_id, hmap_hash_u64((uint64_t)ns->id), ns);
		hmap_del(&w->by_ino, ino_hash(ns->dev, ns->ino), ns);
		index_name(w, ns, false);
		for (size_t j = 0; j < ns->nlinks; j++) {
			peer_drop_count(w, ns, &ns->links[j]);
			pair_index(w, ns, &ns->links[j], false);
		}
		w->nlinks -= ns->nlinks;
		/* links elsewhere that still lead into it lose their peer
		 * at the next resolve (the kernel drops veths of a dead
		 * namespace later, in its own time) */
		if (ns->peers_in) {
			xgrow((void **)&w->gone, &w->capgone, w->ngone + 1,
			      sizeof *w->gone);
			w->gone[w->ngone++] = ns->id;
		}
		/* and those that found it but not their peer in it yet */
		for (size_t j = 0; j < ns->nwaiting; j++)
			dirty_add(w, ns->waiting[j].ns_id,
			          ns->waiting[j].ifindex);
		w->retry_unres = true;
		/* Other namespaces' nsid maps may point at it; leave the
		 * numbers (the kernel drops them with DELNSID) but nothing
		 * will resolve to this id any more. */
		ns_free(ns);
		w->generation++;
		w->ns_epoch++;
		return;
	}
}

void world_clear_ns(struct w_ns *ns)
{
	struct world *w = ns->world;

	if (w) {
		for (size_t j = 0; j < ns->nlinks; j++) {
			/* those that name it: the dump to come may not
			 * bring it back */
			dependents_dirty(w, ns, ns->links[j].ifindex);
			peer_drop_count(w, ns, &ns->links[j]);
			pair_index(w, ns, &ns->links[j], false);
		}
		w->nlinks -= ns->nlinks;
	}
	links_free(ns);
	ns->naddrs = ns->nroutes = ns->nneighs = 0;
	ns->nrules = 0;
	hmap_clear(&ns->link_names);
	hmap_clear(&ns->route_keys);
	hmap_clear(&ns->addr_keys);
	hmap_clear(&ns->neigh_keys);
	hmap_clear(&ns->by_iflink);
	ns->synced = false;
	ns->gen++;
	ns->lgen++;
	ns->rgen++;
}

/* Routes through oif (single path), before they are read again. */
void world_clear_routes_oif(struct w_ns *ns, int oif)
{
	size_t j = 0;

	for (size_t i = 0; i < ns->nroutes; i++)
		if (ns->routes[i].oif != oif || ns->routes[i].nnexthops)
			ns->routes[j++] = ns->routes[i];
		else
			hmap_del(&ns->route_keys, route_key(&ns->routes[i]),
			         KEY_MARK);
	ns->nroutes = j;
	ns->gen++;
	ns->rgen++;
}

bool world_has_routes_oif(const struct w_ns *ns, int oif)
{
	for (size_t i = 0; i < ns->nroutes; i++) {
		const struct w_route *r = &ns->routes[i];

		if (r->oif == oif)
			return true;
		for (int j = 0; j < r->nnexthops; j++)
			if (r->nh[j].ifindex == oif)
				return true;
	}
	return false;
}

void world_set_stats6(struct world *w, struct w_ns *ns, int ifindex,
                      const struct w_stats64 *s)
{
	struct w_link *l = world_find_link_index(ns, ifindex);

	if (!l)
		return;
	if (!l->stats6)   /* a heap part of the link (world.h) */
		l->stats6 = xmalloc(sizeof *l->stats6);
	*l->stats6 = *s;
	w->generation++;
	ns->gen++;
}

/* The index of nsid in ns->nsids, or where it would go */
static size_t nsid_pos(const struct w_ns *ns, int nsid)
{
	size_t lo = 0, hi = ns->nnsids;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (ns->nsids[mid].nsid < nsid)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

void world_set_nsid(struct w_ns *ns, int nsid, int ns_id)
{
	size_t i = nsid_pos(ns, nsid);
	struct world *w = ns->world;

	if (i < ns->nnsids && ns->nsids[i].nsid == nsid) {
		int old = ns->nsids[i].ns_id;

		if (old == ns_id)
			return;
		hmap_del(&ns->nsid_of, hmap_hash_u64((uint64_t)old),
		         HMAP_INT(nsid + 1));
		ns->nsids[i].ns_id = ns_id;
		hmap_put(&ns->nsid_of, hmap_hash_u64((uint64_t)ns_id),
		         HMAP_INT(nsid + 1));
		/* the number means another namespace now: rare */
		if (w)
			w->peers_all = true;
		return;
	}
	xgrow((void **)&ns->nsids, &ns->capnsids, ns->nnsids + 1,
	      sizeof *ns->nsids);
	memmove(&ns->nsids[i + 1], &ns->nsids[i],
	        (ns->nnsids - i) * sizeof *ns->nsids);
	ns->nsids[i].nsid = nsid;
	ns->nsids[i].ns_id = ns_id;
	ns->nnsids++;
	hmap_put(&ns->nsid_of, hmap_hash_u64((uint64_t)ns_id),
	         HMAP_INT(nsid + 1));
	if (w)
		w->retry_unres = true;
}

bool world_nsid_known(const struct w_ns *ns, int ns_id)
{
	size_t it = 0;
	void *v;

	while ((v = hmap_next(&ns->nsid_of, hmap_hash_u64((uint64_t)ns_id),
	                      &it))) {
		size_t i = nsid_pos(ns, HMAP_TO_INT(v) - 1);

		if (i < ns->nnsids && ns->nsids[i].ns_id == ns_id)
			return true;
	}
	return false;
}

/* ---- keyed upsert / delete ------------------------------------------ */

/* ---- key hashes: equal keys (the *_same below) hash alike ------------ */

static uint64_t mix(uint64_t h, uint64_t v)
{
	return hmap_hash_u64(h ^ v) + UINT64_C(0x9e3779b97f4a7c15);
}

static uint64_t ip_mix(uint64_t h, const struct w_ip *ip)
{
	uint64_t a = 0, b = 0;

	if (ip->family == AF_INET) {
		memcpy(&a, ip->a, 4);
	} else if (ip->family == AF_INET6) {
		memcpy(&a, ip->a, 8);
		memcpy(&b, ip->a + 8, 8);
	}
	return mix(mix(mix(h, (uint64_t)ip->family), a), b);
}

static uint64_t route_key(const struct w_route *r)
{
	uint64_t h = mix((uint64_t)r->family, (uint64_t)(uint32_t)r->table);

	h = mix(h, (uint64_t)r->dst_len << 32 | (uint32_t)r->tos);
	h = mix(h, (uint64_t)r->priority << 32 | (uint32_t)r->type);
	h = ip_mix(h, &r->dst);
	if (r->family == AF_INET6)
		h = mix(h, (uint64_t)(uint32_t)r->oif);
	return h;
}

static uint64_t addr_key(const struct w_addr *a)
{
	uint64_t h = mix((uint64_t)(uint32_t)a->ifindex,
	                 (uint64_t)a->family << 32 | (uint32_t)a->prefixlen);

	return ip_mix(ip_mix(h, &a->local), &a->peer);
}

static uint64_t neigh_key(const struct w_neigh *n)
{
	return ip_mix(mix((uint64_t)(uint32_t)n->ifindex, (uint64_t)n->family),
	              &n->dst);
}

static bool key_maybe(const struct hmap *m, uint64_t h)
{
	size_t it = 0;

	return hmap_next(m, h, &it) != NULL;
}

static bool addr_same(const struct w_addr *a, const struct w_addr *b)
{
	return a->ifindex == b->ifindex && a->family == b->family &&
	       a->prefixlen == b->prefixlen && w_ip_eq(&a->local, &b->local) &&
	       w_ip_eq(&a->peer, &b->peer);
}

static bool route_same(const struct w_route *a, const struct w_route *b)
{
	if (a->family != b->family || a->table != b->table ||
	    a->dst_len != b->dst_len || a->tos != b->tos ||
	    a->priority != b->priority || a->type != b->type ||
	    !w_ip_eq(&a->dst, &b->dst))
		return false;
	/* IPv6 keeps one route per (prefix, metric, device) */
	if (a->family == AF_INET6 && a->oif != b->oif)
		return false;
	return true;
}

/* routing (issue 11): IPv4 keeps several routes of one key apart by
 * their next hops (route append, prepend): the kernel's fib aliases */
static bool route_exact(const struct w_route *a, const struct w_route *b)
{
	if (!route_same(a, b))
		return false;
	if (a->family != AF_INET)
		return true;
	return a->oif == b->oif && w_ip_eq(&a->gw, &b->gw) &&
	       a->nnexthops == b->nnexthops &&
	       !memcmp(a->nh, b->nh, (size_t)a->nnexthops * sizeof *a->nh);
}

/* A replace stands for the first route of its key; another new route of
 * a key that exists goes after its equals when appended, else before
 * them (prepend), as the kernel lists them. */
static void route_upsert(struct w_ns *ns, const struct w_route *r,
                         unsigned how)
{
	size_t first = ns->nroutes;
	uint64_t h = route_key(r);

	if (!key_maybe(&ns->route_keys, h)) {
		/* no route of its key: the last one */
		xgrow((void **)&ns->routes, &ns->caproutes, ns->nroutes + 1,
		      sizeof *ns->routes);
		ns->routes[ns->nroutes++] = *r;
		hmap_put(&ns->route_keys, h, KEY_MARK);
		return;
	}
	for (size_t i = 0; i < ns->nroutes; i++) {
		if (route_exact(&ns->routes[i], r)) {
			ns->routes[i] = *r;
			return;
		}
		if (first == ns->nroutes && route_same(&ns->routes[i], r))
			first = i;
	}
	if (first < ns->nroutes && (how & W_EV_REPLACE)) {
		ns->routes[first] = *r;
		return;
	}
	xgrow((void **)&ns->routes, &ns->caproutes, ns->nroutes + 1,
	      sizeof *ns->routes);
	hmap_put(&ns->route_keys, h, KEY_MARK);
	if (first == ns->nroutes || (how & W_EV_APPEND)) {
		ns->routes[ns->nroutes++] = *r;
		return;
	}
	memmove(&ns->routes[first + 1], &ns->routes[first],
	        (ns->nroutes - first) * sizeof *ns->routes);
	ns->routes[first] = *r;
	ns->nroutes++;
}

static bool neigh_same(const struct w_neigh *a, const struct w_neigh *b)
{
	return a->ifindex == b->ifindex && a->family == b->family &&
	       w_ip_eq(&a->dst, &b->dst);
}

#define UPSERT(arr, n, cap, item, same)                                  \
	do {                                                             \
		size_t i_;                                               \
		for (i_ = 0; i_ < (n); i_++)                             \
			if (same(&(arr)[i_], (item)))                    \
				break;                                   \
		if (i_ == (n)) {                                         \
			xgrow((void **)&(arr), &(cap), (n) + 1,          \
			      sizeof *(arr));                            \
			(n)++;                                           \
		}                                                        \
		(arr)[i_] = *(item);                                     \
	} while (0)

#define REMOVE(arr, n, item, same)                                       \
	do {                                                             \
		for (size_t i_ = 0; i_ < (n); i_++) {                    \
			if (!same(&(arr)[i_], (item)))                   \
				continue;                                \
			memmove(&(arr)[i_], &(arr)[i_ + 1],              \
			        ((n) - i_ - 1) * sizeof *(arr));         \
			(n)--;                                           \
			break;                                           \
		}                                                        \
	} while (0)

/* The kernel lists a link's IPv6 addresses newest first: a new one goes
 * in front, so that the world reads in the kernel's order. */
static void addr_upsert(struct w_ns *ns, const struct w_addr *a, bool dump)
{
	uint64_t h = addr_key(a);

	if (key_maybe(&ns->addr_keys, h)) {
		for (size_t i = 0; i < ns->naddrs; i++) {
			if (addr_same(&ns->addrs[i], a)) {
				ns->addrs[i] = *a;
				return;
			}
		}
	}
	hmap_put(&ns->addr_keys, h, KEY_MARK);
	xgrow((void **)&ns->addrs, &ns->capaddrs, ns->naddrs + 1,
	      sizeof *ns->addrs);
	if (a->family == AF_INET6 && !dump) {
		memmove(&ns->addrs[1], &ns->addrs[0],
		        ns->naddrs * sizeof *ns->addrs);
		ns->addrs[0] = *a;
	} else {
		ns->addrs[ns->naddrs] = *a;
	}
	ns->naddrs++;
}

/* The index of ifindex in ns->links (sorted by ifindex), or where it
 * would go */
static size_t link_pos(const struct w_ns *ns, int ifindex)
{
	size_t lo = 0, hi = ns->nlinks;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (ns->links[mid].ifindex < ifindex)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static uint64_t pair_hash(int ifindex, int iflink)
{
	return hmap_hash_u64((uint64_t)(uint32_t)ifindex << 32 |
	                     (uint32_t)iflink);
}

static bool pair_indexed(const struct w_link *l)
{
	return l->has_iflink && l->iflink > 0 &&
	       (l->iflink != l->ifindex || l->has_link_netnsid);
}

static void pair_index(struct world *w, struct w_ns *ns,
                       const struct w_link *l, bool add)
{
	if (!pair_indexed(l))
		return;
	if (add)
		hmap_put(&w->by_pair, pair_hash(l->ifindex, l->iflink), ns);
	else
		hmap_del(&w->by_pair, pair_hash(l->ifindex, l->iflink), ns);
}

struct w_ns *world_pair_next(const struct world *w, int ifindex, int iflink,
                             size_t *it)
{
	struct w_ns *ns;

	while ((ns = hmap_next(&w->by_pair, pair_hash(ifindex, iflink), it))) {
		const struct w_link *l = world_find_link_index(ns, ifindex);

		if (l && pair_indexed(l) && l->iflink == iflink)
			return ns;
	}
	return NULL;
}

static void dirty_add(struct world *w, int ns_id, int ifindex)
{
	xgrow((void **)&w->dirty, &w->capdirty, w->ndirty + 1,
	      sizeof *w->dirty);
	w->dirty[w->ndirty].ns_id = ns_id;
	w->dirty[w->ndirty].ifindex = ifindex;
	w->dirty[w->ndirty].nsid = -1;
	w->ndirty++;
}

static uint64_t rev_hash(int ns_id, int ifindex)
{
	return hmap_hash_u64((uint64_t)(uint32_t)ns_id << 32 |
	                     (uint32_t)ifindex);
}

static void iflink_index(struct w_ns *ns, const struct w_link *l, bool add)
{
	if (!l->has_iflink || l->iflink <= 0)
		return;
	if (add)
		hmap_put(&ns->by_iflink, hmap_hash_u64((uint64_t)l->iflink),
		         HMAP_INT(l->ifindex));
	else
		hmap_del(&ns->by_iflink, hmap_hash_u64((uint64_t)l->iflink),
		         HMAP_INT(l->ifindex));
}

/* The links resolved to link ifindex of ns: to be resolved again (it
 * was renamed, or goes) */
static void dependents_dirty(struct world *w, struct w_ns *ns, int ifindex)
{
	size_t it = 0;
	struct w_ns *s;

	while ((s = hmap_next(&w->rev, rev_hash(ns->id, ifindex), &it))) {
		size_t it2 = 0;
		void *v;

		while ((v = hmap_next(&s->by_iflink,
		                      hmap_hash_u64((uint64_t)ifindex), &it2))) {
			const struct w_link *l =
				world_find_link_index(s, HMAP_TO_INT(v));

			if (l && l->iflink == ifindex && l->peer_ns_id == ns->id)
				dirty_add(w, s->id, l->ifindex);
		}
	}
}

/* Links arrive in ifindex order in dumps; notifications may not.  Keep
 * them sorted by ifindex, as `ip link` lists them.  What the world
 * resolved (the peer) stays until it is resolved again: that happens when
 * the link's own pointers (IFLA_LINK, IFLA_LINK_NETNSID) change. */
static void link_upsert(struct world *w, struct w_ns *ns,
                        const struct w_link *l)
{
	size_t i = link_pos(ns, l->ifindex);

	if (i < ns->nlinks && ns->links[i].ifindex == l->ifindex) {
		struct w_link *cur = &ns->links[i];
		bool renamed = strcmp(cur->name, l->name) != 0;
		bool moved = cur->has_iflink != l->has_iflink ||
		             cur->iflink != l->iflink ||
		             cur->has_link_netnsid != l->has_link_netnsid ||
		             cur->link_netnsid != l->link_netnsid;
		int peer_ns_id = cur->peer_ns_id;
		bool unresolved = cur->unresolved, same_qdisc;
		char peer_name[W_IFNAMSIZ], *tc_opts;
		uint32_t tc_handle;

		memcpy(peer_name, cur->peer_name, sizeof peer_name);
		if (renamed)
			hmap_del(&ns->link_names, hmap_hash_str(cur->name),
			         HMAP_INT(l->ifindex));
		if (moved) {
			pair_index(w, ns, cur, false);
			iflink_index(ns, cur, false);
			/* forgotten under the pointers it was resolved by */
			peer_drop_count(w, ns, cur);
			peer_clear(cur);
			peer_ns_id = -1;
			peer_name[0] = '\0';
		}
		/* the root qdisc's options: known from qdisc events, which
		 * a link event does not repeat */
		tc_opts = cur->tc_opts;
		tc_handle = cur->tc_handle;
		cur->tc_opts = NULL;
		same_qdisc = !strcmp(cur->qdisc, l->qdisc);
		w_link_free(cur);
		w_link_copy(cur, l);
		if (same_qdisc && !cur->tc_opts) {
			cur->tc_opts = tc_opts;
			cur->tc_handle = tc_handle;
		} else {
			free(tc_opts);
		}
		if (moved) {
			pair_index(w, ns, cur, true);
			iflink_index(ns, cur, true);
		}
		cur->peer_ns_id = peer_ns_id;
		cur->unresolved = unresolved;
		memcpy(cur->peer_name, peer_name, sizeof peer_name);
		if (renamed) {
			hmap_put(&ns->link_names, hmap_hash_str(cur->name),
			         HMAP_INT(l->ifindex));
			/* every link that names it: its peer, a VLAN on it,
			 * a macvlan elsewhere */
			dependents_dirty(w, ns, l->ifindex);
		}
		if (moved)
			dirty_add(w, ns->id, l->ifindex);
		return;
	}
	xgrow((void **)&ns->links, &ns->caplinks, ns->nlinks + 1,
	      sizeof *ns->links);
	memmove(&ns->links[i + 1], &ns->links[i],
	        (ns->nlinks - i) * sizeof *ns->links);
	w_link_copy(&ns->links[i], l);
	ns->links[i].peer_ns_id = -1;
	ns->links[i].unresolved = false;
	ns->nlinks++;
	w->nlinks++;
	hmap_put(&ns->link_names, hmap_hash_str(l->name), HMAP_INT(l->ifindex));
	pair_index(w, ns, l, true);
	iflink_index(ns, l, true);
	dirty_add(w, ns->id, l->ifindex);
	/* a link that others may lead to (the second end of a veth pair,
	 * a device moved in) */
	if (ns->nwaiting && !ns->wake) {
		ns->wake = true;
		xgrow((void **)&w->wake, &w->capwake, w->nwake + 1,
		      sizeof *w->wake);
		w->wake[w->nwake++] = ns->id;
	}
}

static void link_remove(struct world *w, struct w_ns *ns,
                        const struct w_link *l)
{
	/* The kernel drops a link's addresses, routes and neighbours with
	 * it and does not always say so one by one (routes go silently). */
	size_t j = 0, at = link_pos(ns, l->ifindex);
	struct w_link *cur;

	if (at >= ns->nlinks || ns->links[at].ifindex != l->ifindex)
		return;
	cur = &ns->links[at];
	for (size_t i = 0; i < ns->naddrs; i++)
		if (ns->addrs[i].ifindex != l->ifindex)
			ns->addrs[j++] = ns->addrs[i];
		else
			hmap_del(&ns->addr_keys, addr_key(&ns->addrs[i]),
			         KEY_MARK);
	ns->naddrs = j;
	world_clear_routes_oif(ns, l->ifindex);
	j = 0;
	for (size_t i = 0; i < ns->nneighs; i++)
		if (ns->neighs[i].ifindex != l->ifindex)
			ns->neighs[j++] = ns->neighs[i];
		else
			hmap_del(&ns->neigh_keys, neigh_key(&ns->neighs[i]),
			         KEY_MARK);
	ns->nneighs = j;
	/* its peer and whoever names it lose it */
	if (cur->peer_ns_id >= 0 && cur->peer_name[0])
		dirty_add(w, cur->peer_ns_id, cur->iflink);
	dependents_dirty(w, ns, cur->ifindex);
	peer_drop_count(w, ns, cur);
	pair_index(w, ns, cur, false);
	iflink_index(ns, cur, false);
	hmap_del(&ns->link_names, hmap_hash_str(cur->name),
	         HMAP_INT(cur->ifindex));
	w_link_free(cur);
	memmove(cur, cur + 1, (ns->nlinks - at - 1) * sizeof *cur);
	ns->nlinks--;
	w->nlinks--;
}

/* ---- routing (issue 11): policy rules ---------------------------------- */

/* The kernel keys a rule by everything it holds (rule_find): two rules
 * differ when any field does. */
static bool rule_same(const struct w_rule *a, const struct w_rule *b)
{
	return a->family == b->family && a->action == b->action &&
	       a->flags == b->flags && a->tos == b->tos &&
	       a->table == b->table && a->priority == b->priority &&
	       w_ip_eq(&a->src, &b->src) && a->src_len == b->src_len &&
	       w_ip_eq(&a->dst, &b->dst) && a->dst_len == b->dst_len &&
	       a->fwmark == b->fwmark && a->fwmask == b->fwmask &&
	       !strcmp(a->iifname, b->iifname) &&
	       !strcmp(a->oifname, b->oifname) &&
	       a->goto_target == b->goto_target && a->l3mdev == b->l3mdev &&
	       a->has_uid_range == b->has_uid_range &&
	       a->uid_start == b->uid_start && a->uid_end == b->uid_end &&
	       a->ipproto == b->ipproto &&
	       a->sport_start == b->sport_start &&
	       a->sport_end == b->sport_end &&
	       a->dport_start == b->dport_start &&
	       a->dport_end == b->dport_end && a->tun_id == b->tun_id &&
	       a->suppress_prefixlen == b->suppress_prefixlen &&
	       a->suppress_ifgroup == b->suppress_ifgroup &&
	       a->flow == b->flow;
}

/* A dump lists rules in the kernel's order; a new rule goes where the
 * kernel puts it: after every rule of its family with a priority not
 * above its own. */
static void rule_upsert(struct w_ns *ns, const struct w_rule *r, bool dump)
{
	size_t at = ns->nrules;

	for (size_t i = 0; i < ns->nrules; i++) {
		if (rule_same(&ns->rules[i], r)) {
			ns->rules[i] = *r;
			return;
		}
	}
	if (!dump) {
		for (at = 0; at < ns->nrules; at++)
			if (ns->rules[at].family == r->family &&
			    ns->rules[at].priority > r->priority)
				break;
	}
	xgrow((void **)&ns->rules, &ns->caprules, ns->nrules + 1,
	      sizeof *ns->rules);
	memmove(&ns->rules[at + 1], &ns->rules[at],
	        (ns->nrules - at) * sizeof *ns->rules);
	ns->rules[at] = *r;
	ns->nrules++;
}

static void addr_remove(struct w_ns *ns, const struct w_addr *a)
{
	for (size_t i = 0; i < ns->naddrs; i++) {
		if (!addr_same(&ns->addrs[i], a))
			continue;
		hmap_del(&ns->addr_keys, addr_key(&ns->addrs[i]), KEY_MARK);
		memmove(&ns->addrs[i], &ns->addrs[i + 1],
		        (ns->naddrs - i - 1) * sizeof *ns->addrs);
		ns->naddrs--;
		return;
	}
}

static void route_remove(struct w_ns *ns, const struct w_route *r)
{
	for (size_t i = 0; i < ns->nroutes; i++) {
		if (!route_exact(&ns->routes[i], r))
			continue;
		hmap_del(&ns->route_keys, route_key(&ns->routes[i]), KEY_MARK);
		memmove(&ns->routes[i], &ns->routes[i + 1],
		        (ns->nroutes - i - 1) * sizeof *ns->routes);
		ns->nroutes--;
		return;
	}
}

static void neigh_upsert(struct w_ns *ns, const struct w_neigh *n)
{
	uint64_t h = neigh_key(n);

	if (key_maybe(&ns->neigh_keys, h))
		for (size_t i = 0; i < ns->nneighs; i++)
			if (neigh_same(&ns->neighs[i], n)) {
				ns->neighs[i] = *n;
				return;
			}
	hmap_put(&ns->neigh_keys, h, KEY_MARK);
	xgrow((void **)&ns->neighs, &ns->capneighs, ns->nneighs + 1,
	      sizeof *ns->neighs);
	ns->neighs[ns->nneighs++] = *n;
}

static void neigh_remove(struct w_ns *ns, const struct w_neigh *n)
{
	for (size_t i = 0; i < ns->nneighs; i++) {
		if (!neigh_same(&ns->neighs[i], n))
			continue;
		hmap_del(&ns->neigh_keys, neigh_key(&ns->neighs[i]), KEY_MARK);
		memmove(&ns->neighs[i], &ns->neighs[i + 1],
		        (ns->nneighs - i - 1) * sizeof *ns->neighs);
		ns->nneighs--;
		return;
	}
}

/* A root qdisc made or replaced: the link's kind, handle and options.
 * One deleted: its options go (the kind the kernel puts in its place,
 * noqueue or a default, comes with the link read again: kernel/sync.c
 * asks). */
static void root_qdisc(struct w_ns *ns, const struct w_event *ev)
{
	const struct w_qdisc *q = &ev->u.qdisc;
	struct w_link *l = world_find_link_index(ns, q->ifindex);

	if (!l)
		return;
	if (ev->type == W_EV_DELQDISC) {
		if (l->tc_handle != q->handle)
			return;
		free(l->tc_opts);
		l->tc_opts = NULL;
		l->tc_handle = 0;
		return;
	}
	snprintf(l->qdisc, sizeof l->qdisc, "%s", q->kind);
	l->tc_handle = q->handle;
	free(l->tc_opts);
	l->tc_opts = q->opts ? xstrdup(q->opts) : NULL;
}

void world_apply(struct world *w, struct w_ns *ns, const struct w_event *ev)
{
	switch (ev->type) {
	case W_EV_NEWLINK:
		/* routes the kernel drops silently when a link goes down are
		 * read again by kernel/sync.c, not guessed here */
		link_upsert(w, ns, &ev->u.link);
		break;
	case W_EV_DELLINK:
		link_remove(w, ns, &ev->u.link);
		break;
	case W_EV_NEWADDR:
		addr_upsert(ns, &ev->u.addr, ev->from_dump);
		break;
	case W_EV_DELADDR:
		if (key_maybe(&ns->addr_keys, addr_key(&ev->u.addr)))
			addr_remove(ns, &ev->u.addr);
		break;
	case W_EV_NEWROUTE:
		route_upsert(ns, &ev->u.route,
		             ev->from_dump ? W_EV_APPEND : ev->route_how);
		break;
	case W_EV_DELROUTE:
		if (key_maybe(&ns->route_keys, route_key(&ev->u.route)))
			route_remove(ns, &ev->u.route);
		break;
	case W_EV_NEWNEIGH:
		neigh_upsert(ns, &ev->u.neigh);
		break;
	case W_EV_DELNEIGH:
		if (key_maybe(&ns->neigh_keys, neigh_key(&ev->u.neigh)))
			neigh_remove(ns, &ev->u.neigh);
		break;
	case W_EV_NEWRULE:
		rule_upsert(ns, &ev->u.rule, ev->from_dump);
		break;
	case W_EV_DELRULE:
		REMOVE(ns->rules, ns->nrules, &ev->u.rule, rule_same);
		break;
	case W_EV_NEWQDISC:
	case W_EV_DELQDISC:
		root_qdisc(ns, ev);
		break;
	case W_EV_NEWNSID:
	case W_EV_DELNSID:
	case W_EV_OTHER:
		break;
	}
	w->generation++;
	ns->gen++;
	switch (ev->type) {
	case W_EV_NEWLINK: case W_EV_DELLINK:
		ns->rgen++;    /* its routes go with it */
		/* fall through */
	case W_EV_NEWADDR: case W_EV_DELADDR:
	case W_EV_NEWQDISC: case W_EV_DELQDISC:
		ns->lgen++;
		break;
	case W_EV_NEWROUTE: case W_EV_DELROUTE:
		ns->rgen++;
		break;
	default:
		break;
	}
}

/* ---- lookups ---------------------------------------------------------- */

struct w_ns *world_host(const struct world *w)
{
	return w->nns ? w->ns[0] : NULL;
}

struct w_ns *world_find_ns(const struct world *w, const char *name)
{
	size_t it = 0;
	struct w_ns *ns;

	if (!name || !*name)
		return world_host(w);
	while ((ns = hmap_next(&w->by_name, hmap_hash_str(name), &it)))
		if (ns->kind == W_NS_NAMED && strcmp(ns->name, name) == 0)
			return ns;
	return NULL;
}

struct w_ns *world_find_ns_id(const struct world *w, int id)
{
	size_t it = 0;
	struct w_ns *ns;

	while ((ns = hmap_next(&w->by_id, hmap_hash_u64((uint64_t)id), &it)))
		if (ns->id == id)
			return ns;
	return NULL;
}

struct w_ns *world_find_ns_ino(const struct world *w, dev_t dev, ino_t ino)
{
	size_t it = 0;
	struct w_ns *ns;

	while ((ns = hmap_next(&w->by_ino, ino_hash(dev, ino), &it)))
		if (ns->dev == dev && ns->ino == ino)
			return ns;
	return NULL;
}

struct w_link *world_find_link(const struct w_ns *ns, const char *name)
{
	size_t it = 0;
	void *v;

	while ((v = hmap_next(&ns->link_names, hmap_hash_str(name), &it))) {
		struct w_link *l = world_find_link_index(ns, HMAP_TO_INT(v));

		if (l && strcmp(l->name, name) == 0)
			return l;
	}
	return NULL;
}

struct w_link *world_find_link_index(const struct w_ns *ns, int ifindex)
{
	size_t i = link_pos(ns, ifindex);

	return i < ns->nlinks && ns->links[i].ifindex == ifindex
	       ? &ns->links[i] : NULL;
}

struct w_ns *world_ns_by_nsid(const struct world *w, const struct w_ns *ns,
                              int nsid)
{
	size_t i = nsid_pos(ns, nsid);

	return i < ns->nnsids && ns->nsids[i].nsid == nsid
	       ? world_find_ns_id(w, ns->nsids[i].ns_id) : NULL;
}

const char *world_ns_label(const struct w_ns *ns, char *buf, size_t len)
{
	switch (ns->kind) {
	case W_NS_HOST:
		snprintf(buf, len, "host");
		break;
	case W_NS_NAMED:
		snprintf(buf, len, "%s", ns->name);
		break;
	case W_NS_UNNAMED:
		if (ns->holder_pid)
			snprintf(buf, len, "pid %d (%s)", (int)ns->holder_pid,
			         ns->holder_comm);
		else if (ns->holder_path[0])
			snprintf(buf, len, "%s", ns->holder_path);
		else
			snprintf(buf, len, "net:[%lu]", (unsigned long)ns->ino);
		break;
	}
	return buf;
}

/* ---- peers (issue 12: incremental) ---------------------------------- */

/* l's peer is forgotten: out of the reverse index, one fewer link into
 * the peer's namespace */
static void peer_drop_count(struct world *w, struct w_ns *ns,
                            const struct w_link *l)
{
	struct w_ns *t;

	if (l->peer_ns_id < 0)
		return;
	hmap_del(&w->rev, rev_hash(l->peer_ns_id, l->iflink), ns);
	if (l->peer_ns_id == ns->id)
		return;
	t = world_find_ns_id(w, l->peer_ns_id);
	if (t && t->peers_in)
		t->peers_in--;
}

static void peer_clear(struct w_link *l)
{
	l->peer_ns_id = -1;
	l->peer_name[0] = '\0';
}

/* Once in the list (l->unresolved); an entry whose link went is
 * dropped when the list is next tried */
static void unres_add(struct world *w, const struct w_ns *ns,
                      struct w_link *l, int nsid)
{
	struct w_linkref *r;

	if (l->unresolved) {
		/* the nsid it waits for may be another now */
		for (size_t i = w->nunres; i-- > 0;)
			if (w->unres[i].ns_id == ns->id &&
			    w->unres[i].ifindex == l->ifindex) {
				w->unres[i].nsid = nsid;
				return;
			}
	}
	l->unresolved = true;
	xgrow((void **)&w->unres, &w->capunres, w->nunres + 1,
	      sizeof *w->unres);
	r = &w->unres[w->nunres++];
	r->ns_id = ns->id;
	r->ifindex = l->ifindex;
	r->nsid = nsid;
}

/* l (of ns) waits for its peer to come into pns */
static void wait_add(struct w_ns *pns, const struct w_ns *ns,
                     const struct w_link *l)
{
	struct w_linkref *r;

	for (size_t i = 0; i < pns->nwaiting; i++)
		if (pns->waiting[i].ns_id == ns->id &&
		    pns->waiting[i].ifindex == l->ifindex)
			return;
	xgrow((void **)&pns->waiting, &pns->capwaiting, pns->nwaiting + 1,
	      sizeof *pns->waiting);
	r = &pns->waiting[pns->nwaiting++];
	r->ns_id = ns->id;
	r->ifindex = l->ifindex;
	r->nsid = -1;
}

enum { PEER_NONE, PEER_FOUND, PEER_UNRESOLVED };

/* Resolve l's peer (ns is l's namespace); *peer_out and *pns_out the
 * peer when found.  Counts the peer's namespace's peers_in. */
static int resolve_link(struct world *w, struct w_ns *ns, struct w_link *l,
                        struct w_ns **pns_out, struct w_link **peer_out)
{
	struct w_ns *pns = ns;
	struct w_link *peer;

	peer_drop_count(w, ns, l);
	peer_clear(l);
	ns->gen++;
	ns->lgen++;
	/* a device pointing at itself has no peer; across namespaces equal
	 * indexes are just a coincidence */
	if (!l->has_iflink || l->iflink == 0 ||
	    (l->iflink == l->ifindex && !l->has_link_netnsid))
		return PEER_NONE;
	if (l->has_link_netnsid) {
		pns = world_ns_by_nsid(w, ns, l->link_netnsid);
		if (!pns) {
			unres_add(w, ns, l, l->link_netnsid);
			return PEER_UNRESOLVED;
		}
	}
	peer = world_find_link_index(pns, l->iflink);
	if (!peer) {
		wait_add(pns, ns, l);
		return PEER_UNRESOLVED;
	}
	l->peer_ns_id = pns->id;
	memcpy(l->peer_name, peer->name, sizeof l->peer_name);
	hmap_put(&w->rev, rev_hash(pns->id, l->iflink), ns);
	if (pns != ns)
		pns->peers_in++;
	*pns_out = pns;
	*peer_out = peer;
	return PEER_FOUND;
}

/* l and, when it has one, the peer that points back at it: a veth
 * pair's ends learn of each other in either order */
static void resolve_pair(struct world *w, struct w_ns *ns, struct w_link *l)
{
	struct w_ns *pns = NULL;
	struct w_link *peer = NULL, *p2 = NULL;
	struct w_ns *p2ns = NULL;

	if (resolve_link(w, ns, l, &pns, &peer) != PEER_FOUND)
		return;
	if (peer != l && peer->has_iflink && peer->iflink == l->ifindex &&
	    (peer->peer_ns_id != ns->id || strcmp(peer->peer_name, l->name)))
		resolve_link(w, pns, peer, &p2ns, &p2);
}

static void resolve_all(struct world *w)
{
	w->nunres = 0;
	w->nwake = 0;
	hmap_clear(&w->rev);
	for (size_t i = 0; i < w->nns; i++) {
		w->ns[i]->peers_in = 0;
		w->ns[i]->nwaiting = 0;
		w->ns[i]->wake = false;
	}
	for (size_t i = 0; i < w->nns; i++) {
		struct w_ns *ns = w->ns[i];

		for (size_t j = 0; j < ns->nlinks; j++) {
			struct w_ns *pns;
			struct w_link *peer;

			/* counted afresh: nothing to take back */
			ns->links[j].peer_ns_id = -1;
			ns->links[j].unresolved = false;
			resolve_link(w, ns, &ns->links[j], &pns, &peer);
		}
	}
}

/* Links that led into namespaces that are gone */
static void drop_gone(struct world *w)
{
	for (size_t i = 0; i < w->nns; i++) {
		struct w_ns *ns = w->ns[i];

		for (size_t j = 0; j < ns->nlinks; j++) {
			struct w_link *l = &ns->links[j];
			bool gone = false;

			for (size_t g = 0; g < w->ngone && !gone; g++)
				gone = l->peer_ns_id == w->gone[g];
			if (!gone)
				continue;
			hmap_del(&w->rev, rev_hash(l->peer_ns_id, l->iflink), ns);
			peer_clear(l);
			ns->gen++;
			ns->lgen++;
			unres_add(w, ns, l, -1);
		}
	}
	w->ngone = 0;
}

static void retry_unres(struct world *w)
{
	struct w_linkref *v = w->unres;
	size_t n = w->nunres;

	/* resolve_link adds back those that still fail */
	w->unres = NULL;
	w->nunres = w->capunres = 0;
	for (size_t i = 0; i < n; i++) {
		struct w_ns *ns = world_find_ns_id(w, v[i].ns_id);
		struct w_link *l = ns ? world_find_link_index(ns, v[i].ifindex)
		                      : NULL;

		if (l && l->unresolved) {
			l->unresolved = false;
			resolve_pair(w, ns, l);
		}
	}
	free(v);
}

void world_resolve_peers(struct world *w)
{
	bool any = w->ndirty || w->ngone || w->peers_all || w->retry_unres;

	/* many changes at once (the first dumps): one walk is cheaper */
	if (w->peers_all || w->ndirty > w->nlinks / 4 + 64) {
		resolve_all(w);
		w->ndirty = w->ngone = 0;
		w->peers_all = w->retry_unres = false;
		w->generation++;
		return;
	}
	if (w->ngone)
		drop_gone(w);
	for (size_t i = 0; i < w->ndirty; i++) {
		struct w_ns *ns = world_find_ns_id(w, w->dirty[i].ns_id);
		struct w_link *l = ns ? world_find_link_index(ns,
		                                              w->dirty[i].ifindex)
		                      : NULL;

		if (l)
			resolve_pair(w, ns, l);
	}
	w->ndirty = 0;
	for (size_t i = 0; i < w->nwake; i++) {
		struct w_ns *pns = world_find_ns_id(w, w->wake[i]);
		struct w_linkref *v;
		size_t n;

		if (!pns)
			continue;
		/* resolve_link puts back those that still wait */
		v = pns->waiting;
		n = pns->nwaiting;
		pns->waiting = NULL;
		pns->nwaiting = pns->capwaiting = 0;
		pns->wake = false;
		for (size_t j = 0; j < n; j++) {
			struct w_ns *ns = world_find_ns_id(w, v[j].ns_id);
			struct w_link *l = ns ? world_find_link_index(ns,
			                                              v[j].ifindex)
			                      : NULL;

			if (l)
				resolve_pair(w, ns, l);
		}
		free(v);
		any = true;
	}
	w->nwake = 0;
	if (w->retry_unres) {
		w->retry_unres = false;
		retry_unres(w);
	}
	if (any)
		w->generation++;
}

const struct w_linkref *world_unresolved(const struct world *w, size_t *n)
{
	*n = w->nunres;
	return w->unres;
}

size_t world_unread_count(const struct world *w)
{
	size_t n = 0;

	for (size_t i = 0; i < w->nns; i++)
		n += w->ns[i]->unread[0] != '\0';
	return n;
}

const char *world_unread_summary(const struct world *w, char *buf,
                                 size_t len)
{
	size_t n = world_unread_count(w), listed = 0, at;
	const char *reason = NULL;

	buf[0] = '\0';
	if (!n || len < 64)
		return buf;
	at = (size_t)snprintf(buf, len, "%zu of %zu namespaces cannot be read:",
	                      n, w->nns);
	for (size_t i = 0; i < w->nns && at < len; i++) {
		const struct w_ns *ns = w->ns[i];
		char label[W_NSNAME_MAX + 80];
		size_t l;

		if (!ns->unread[0])
			continue;
		if (!reason)
			reason = ns->unread;
		world_ns_label(ns, label, sizeof label);
		l = strlen(label);
		/* a few names, room for the reason and "+N more" */
		if (listed && (listed == 8 || at + l + 2 + 100 > len)) {
			at += (size_t)snprintf(buf + at, len - at, " (+%zu more)",
			                       n - listed);
			break;
		}
		at += (size_t)snprintf(buf + at, len - at, "%s %s",
		                       listed ? "," : "", label);
		listed++;
	}
	if (at < len)
		snprintf(buf + at, len - at, " (%s)", reason);
	return buf;
}
