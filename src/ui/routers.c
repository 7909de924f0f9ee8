/* SPDX-License-Identifier: GPL-2.0-or-later */
/* routers.c - which namespaces the map marks as routers: IPv4 forwarding
 * (net.ipv4.ip_forward) or IPv6 forwarding (net.ipv6.conf.all.forwarding)
 * on.  The world does not hold sysctls and the kernel sends no event when
 * one changes, so they are read here, from each namespace's /proc/sys/net
 * (kernel/requests.c, no program run), only while the map is shown: when
 * it is opened, when a namespace's objects change (its generation moves)
 * or a command was run from the UI, and every ROUTERS_MS otherwise.  An
 * idle UI without the map reads nothing. */
#include <stdlib.h>
#include <string.h>

#include "kernel/kernel.h"
#include "ui/ui_int.h"
#include "util/sbuf.h"

#define ROUTERS_MS 2000

struct ui_routers {
	int *ids;                   /* routers, by ns id, ascending */
	size_t n;
	unsigned long ver;          /* bumped when ids changes */
	bool have;                  /* read since the map was opened */
	long long ms;               /* when every namespace was read */
	unsigned long world_gen;    /* w->generation at the last look */
	/* each namespace's gen when it was last read, by ns id */
	unsigned long *gen;
	bool *seen;
	int ngen;
};

static bool key_on(struct ui *u, struct w_ns *ns, const char *key)
{
	struct sbuf v = SBUF_INIT;
	struct kerr e;
	bool on = false;

	/* a namespace without IPv6 has no such key: off */
	if (ksysctl_read(u->k, ns, key, &v, &e) == 0)
		on = atoi(sbuf_str(&v)) != 0;
	sbuf_free(&v);
	return on;
}

static bool forwards(struct ui *u, struct w_ns *ns)
{
	if (ns->unread[0])
		return false;
	return key_on(u, ns, "net.ipv4.ip_forward") ||
	       key_on(u, ns, "net.ipv6.conf.all.forwarding");
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return x < y ? -1 : x > y;
}

/* Read the namespaces whose gen moved (all of them when all): the new
 * set replaces the old one; true when it changed. */
static bool reread(struct ui *u, struct ui_routers *r, bool all)
{
	struct world *w = u->w;
	int *ids = xmalloc((w->nns ? w->nns : 1) * sizeof *ids);
	size_t n = 0;
	int maxid = 0;
	bool changed;

	for (size_t i = 0; i < w->nns; i++)
		if (w->ns[i]->id + 1 > maxid)
			maxid = w->ns[i]->id + 1;
	if (maxid > r->ngen) {
		r->gen = xrealloc(r->gen, (size_t)maxid * sizeof *r->gen);
		r->seen = xrealloc(r->seen, (size_t)maxid * sizeof *r->seen);
		memset(r->seen + r->ngen, 0,
		       (size_t)(maxid - r->ngen) * sizeof *r->seen);
		r->ngen = maxid;
	}
	for (size_t i = 0; i < w->nns; i++) {
		struct w_ns *ns = w->ns[i];
		bool on;

		if (ns->id < 0)
			continue;
		if (all || !r->seen[ns->id] || r->gen[ns->id] != ns->gen) {
			on = forwards(u, ns);
			r->seen[ns->id] = true;
			r->gen[ns->id] = ns->gen;
		} else {
			on = bsearch(&ns->id, r->ids, r->n, sizeof *r->ids,
			             cmp_int) != NULL;
		}
		if (on)
			ids[n++] = ns->id;
	}
	qsort(ids, n, sizeof *ids, cmp_int);
	changed = n != r->n || (n && memcmp(ids, r->ids, n * sizeof *ids));
	free(r->ids);
	r->ids = ids;
	r->n = n;
	if (changed)
		r->ver++;
	return changed;
}

void routers_poll(struct ui *u, long long now)
{
	struct ui_routers *r = u->routers;
	bool all;

	if (!u->topo) {
		if (r)
			r->have = false;    /* read again when it opens */
		return;
	}
	if (!r)
		r = u->routers = xcalloc(1, sizeof *r);
	all = !r->have || now - r->ms >= ROUTERS_MS;
	if (!all && r->world_gen == u->w->generation)
		return;
	if (reread(u, r, all))
		u->dirty = true;
	if (all)
		r->ms = now;
	r->have = true;
	r->world_gen = u->w->generation;
}

void routers_stale(struct ui *u)
{
	if (u->routers)
		u->routers->have = false;
}

int routers_timeout(const struct ui *u, long long now)
{
	long long left;

	if (!u->topo)
		return -1;
	if (!u->routers || !u->routers->have)
		return 0;
	left = u->routers->ms + ROUTERS_MS - now;
	return left < 0 ? 0 : (int)left;
}

const int *routers_ids(const struct ui *u, size_t *n, unsigned long *ver)
{
	if (!u->routers) {
		*n = 0;
		*ver = 0;
		return NULL;
	}
	*n = u->routers->n;
	*ver = u->routers->ver;
	return u->routers->ids;
}

void routers_free(struct ui *u)
{
	if (!u->routers)
		return;
	free(u->routers->ids);
	free(u->routers->gen);
	free(u->routers->seen);
	free(u->routers);
	u->routers = NULL;
}
