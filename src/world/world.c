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
	free(ns);
}

void world_free(struct world *w)
{
	if (!w)
		return;
	for (size_t i = 0; i < w->nns; i++)
		ns_free(w->ns[i]);
	free(w->ns);
	free(w);
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
	w->generation++;
	return ns;
}

void world_remove_ns(struct world *w, struct w_ns *ns)
{
	for (size_t i = 0; i < w->nns; i++) {
		if (w->ns[i] != ns)
			continue;
		memmove(&w->ns[i], &w->ns[i + 1],
		        (w->nns - i - 1) * sizeof *w->ns);
		w->nns--;
		/* Other namespaces' nsid maps may point at it; leave the
		 * numbers (the kernel drops them with DELNSID) but nothing
		 * will resolve to this id any more. */
		ns_free(ns);
		w->generation++;
		return;
	}
}

void world_clear_ns(struct w_ns *ns)
{
	links_free(ns);
	ns->naddrs = ns->nroutes = ns->nneighs = 0;
	ns->nrules = 0;
	ns->synced = false;
}

/* Routes through oif (single path), before they are read again. */
void world_clear_routes_oif(struct w_ns *ns, int oif)
{
	size_t j = 0;

	for (size_t i = 0; i < ns->nroutes; i++)
		if (ns->routes[i].oif != oif || ns->routes[i].nnexthops)
			ns->routes[j++] = ns->routes[i];
	ns->nroutes = j;
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
}

void world_set_nsid(struct w_ns *ns, int nsid, int ns_id)
{
	for (size_t i = 0; i < ns->nnsids; i++) {
		if (ns->nsids[i].nsid == nsid) {
			ns->nsids[i].ns_id = ns_id;
			return;
		}
	}
	xgrow((void **)&ns->nsids, &ns->capnsids, ns->nnsids + 1,
	      sizeof *ns->nsids);
	ns->nsids[ns->nnsids].nsid = nsid;
	ns->nsids[ns->nnsids].ns_id = ns_id;
	ns->nnsids++;
}

/* ---- keyed upsert / delete ------------------------------------------ */

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
	for (size_t i = 0; i < ns->naddrs; i++) {
		if (addr_same(&ns->addrs[i], a)) {
			ns->addrs[i] = *a;
			return;
		}
	}
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

static bool link_same(const struct w_link *a, const struct w_link *b)
{
	return a->ifindex == b->ifindex;
}

/* Links arrive in ifindex order in dumps; notifications may not.  Keep
 * them sorted by ifindex, as `ip link` lists them. */
static void link_upsert(struct w_ns *ns, const struct w_link *l)
{
	size_t i;

	for (i = 0; i < ns->nlinks; i++) {
		if (ns->links[i].ifindex == l->ifindex) {
			/* keep what the world resolved until it resolves again */
			struct w_link keep = ns->links[i];
			w_link_free(&ns->links[i]);
			w_link_copy(&ns->links[i], l);
			if (!ns->links[i].peer_name[0]) {
				memcpy(ns->links[i].peer_name, keep.peer_name,
				       sizeof keep.peer_name);
				ns->links[i].peer_ns_id = keep.peer_ns_id;
			}
			return;
		}
		if (ns->links[i].ifindex > l->ifindex)
			break;
	}
	xgrow((void **)&ns->links, &ns->caplinks, ns->nlinks + 1,
	      sizeof *ns->links);
	memmove(&ns->links[i + 1], &ns->links[i],
	        (ns->nlinks - i) * sizeof *ns->links);
	w_link_copy(&ns->links[i], l);
	ns->links[i].peer_ns_id = -1;
	ns->nlinks++;
}

static void link_remove(struct w_ns *ns, const struct w_link *l)
{
	/* The kernel drops a link's addresses, routes and neighbours with
	 * it and does not always say so one by one (routes go silently). */
	size_t j = 0;

	for (size_t i = 0; i < ns->naddrs; i++)
		if (ns->addrs[i].ifindex != l->ifindex)
			ns->addrs[j++] = ns->addrs[i];
	ns->naddrs = j;
	j = 0;
	for (size_t i = 0; i < ns->nroutes; i++)
		if (ns->routes[i].oif != l->ifindex ||
		    ns->routes[i].nnexthops > 0)
			ns->routes[j++] = ns->routes[i];
	ns->nroutes = j;
	j = 0;
	for (size_t i = 0; i < ns->nneighs; i++)
		if (ns->neighs[i].ifindex != l->ifindex)
			ns->neighs[j++] = ns->neighs[i];
	ns->nneighs = j;
	for (size_t i = 0; i < ns->nlinks; i++)
		if (link_same(&ns->links[i], l)) {
			w_link_free(&ns->links[i]);
			break;
		}
	REMOVE(ns->links, ns->nlinks, l, link_same);
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

void world_apply(struct world *w, struct w_ns *ns, const struct w_event *ev)
{
	switch (ev->type) {
	case W_EV_NEWLINK:
		/* routes the kernel drops silently when a link goes down are
		 * read again by kernel/sync.c, not guessed here */
		link_upsert(ns, &ev->u.link);
		break;
	case W_EV_DELLINK:
		link_remove(ns, &ev->u.link);
		break;
	case W_EV_NEWADDR:
		addr_upsert(ns, &ev->u.addr, ev->from_dump);
		break;
	case W_EV_DELADDR:
		REMOVE(ns->addrs, ns->naddrs, &ev->u.addr, addr_same);
		break;
	case W_EV_NEWROUTE:
		route_upsert(ns, &ev->u.route,
		             ev->from_dump ? W_EV_APPEND : ev->route_how);
		break;
	case W_EV_DELROUTE:
		REMOVE(ns->routes, ns->nroutes, &ev->u.route, route_exact);
		break;
	case W_EV_NEWNEIGH:
		UPSERT(ns->neighs, ns->nneighs, ns->capneighs, &ev->u.neigh,
		       neigh_same);
		break;
	case W_EV_DELNEIGH:
		REMOVE(ns->neighs, ns->nneighs, &ev->u.neigh, neigh_same);
		break;
	case W_EV_NEWRULE:
		rule_upsert(ns, &ev->u.rule, ev->from_dump);
		break;
	case W_EV_DELRULE:
		REMOVE(ns->rules, ns->nrules, &ev->u.rule, rule_same);
		break;
	case W_EV_NEWNSID:
	case W_EV_DELNSID:
	case W_EV_OTHER:
		break;
	}
	w->generation++;
}

/* ---- lookups ---------------------------------------------------------- */

struct w_ns *world_host(const struct world *w)
{
	return w->nns ? w->ns[0] : NULL;
}

struct w_ns *world_find_ns(const struct world *w, const char *name)
{
	if (!name || !*name)
		return world_host(w);
	for (size_t i = 0; i < w->nns; i++)
		if (w->ns[i]->kind == W_NS_NAMED &&
		    strcmp(w->ns[i]->name, name) == 0)
			return w->ns[i];
	return NULL;
}

struct w_ns *world_find_ns_id(const struct world *w, int id)
{
	for (size_t i = 0; i < w->nns; i++)
		if (w->ns[i]->id == id)
			return w->ns[i];
	return NULL;
}

struct w_ns *world_find_ns_ino(const struct world *w, dev_t dev, ino_t ino)
{
	for (size_t i = 0; i < w->nns; i++)
		if (w->ns[i]->dev == dev && w->ns[i]->ino == ino)
			return w->ns[i];
	return NULL;
}

struct w_link *world_find_link(const struct w_ns *ns, const char *name)
{
	for (size_t i = 0; i < ns->nlinks; i++)
		if (strcmp(ns->links[i].name, name) == 0)
			return &ns->links[i];
	return NULL;
}

struct w_link *world_find_link_index(const struct w_ns *ns, int ifindex)
{
	for (size_t i = 0; i < ns->nlinks; i++)
		if (ns->links[i].ifindex == ifindex)
			return &ns->links[i];
	return NULL;
}

struct w_ns *world_ns_by_nsid(const struct world *w, const struct w_ns *ns,
                              int nsid)
{
	for (size_t i = 0; i < ns->nnsids; i++)
		if (ns->nsids[i].nsid == nsid)
			return world_find_ns_id(w, ns->nsids[i].ns_id);
	return NULL;
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

void world_resolve_peers(struct world *w)
{
	for (size_t i = 0; i < w->nns; i++) {
		struct w_ns *ns = w->ns[i];

		for (size_t j = 0; j < ns->nlinks; j++) {
			struct w_link *l = &ns->links[j];
			struct w_ns *pns = ns;
			struct w_link *peer;

			l->peer_ns_id = -1;
			l->peer_name[0] = '\0';
			/* a device pointing at itself has no peer; across
			 * namespaces equal indexes are just a coincidence */
			if (!l->has_iflink || l->iflink == 0 ||
			    (l->iflink == l->ifindex && !l->has_link_netnsid))
				continue;
			if (l->has_link_netnsid) {
				pns = world_ns_by_nsid(w, ns, l->link_netnsid);
				if (!pns)
					continue;
			}
			peer = world_find_link_index(pns, l->iflink);
			if (!peer)
				continue;
			l->peer_ns_id = pns->id;
			memcpy(l->peer_name, peer->name, sizeof l->peer_name);
		}
	}
	w->generation++;
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
