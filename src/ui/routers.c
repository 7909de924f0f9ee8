/* SPDX-License-Identifier: GPL-2.0-or-later */
/* routers.c - which namespaces the map marks as routers: IPv4 forwarding
 * (net.ipv4.ip_forward) or IPv6 forwarding (net.ipv6.conf.all.forwarding)
 * on.  The world does not hold sysctls and the kernel sends no event when
 * one changes, so they are read here, from each namespace's /proc/sys/net
 * (kernel/requests.c, no program run), only while the map is shown: when
 * it is opened, when a namespace's objects change (its generation moves)
 * or a command was run from the UI, and every ROUTERS_MS otherwise.  An
 * idle UI without the map reads nothing.
 *
 * A read costs 0.05-0.2 ms a namespace (two keys, a setns each): a sweep
 * of thousands is done ROUTERS_TURN_US at a time, between frames and
 * keys, as the namespaces themselves are read at start (issue 12), and
 * sweeps are further apart than ROUTERS_MS when one costs more than
 * 1/ROUTERS_SHARE of that (1,001 namespaces: about 180 ms, so every
 * 3.6 s). */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "kernel/kernel.h"
#include "ui/ui_int.h"
#include "util/sbuf.h"

#define ROUTERS_MS 2000
#define ROUTERS_TURN_US 5000
#define ROUTERS_SHARE 20

struct ui_routers {
	int *ids;                   /* routers' ns ids, in w->ns order */
	size_t n;
	unsigned long ver;          /* bumped when ids changes */
	bool have;                  /* a sweep begun since the map opened */
	bool sweeping;              /* a sweep under way: at w->ns[next] */
	size_t next;
	bool behind;                /* changed namespaces left to read */
	long long ms;               /* when the last sweep began */
	long long sweep_us;         /* what this sweep has cost so far */
	long long every_ms;         /* from one sweep's start to the next */
	unsigned long world_gen;    /* w->generation at the last look */
	/* by ns id: its gen when last read, read at all, forwarding */
	unsigned long *gen;
	bool *seen, *on;
	int nid;
};

static long long now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

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

static void read_ns(struct ui *u, struct ui_routers *r, struct w_ns *ns)
{
	r->on[ns->id] = !ns->unread[0] &&
	                (key_on(u, ns, "net.ipv4.ip_forward") ||
	                 key_on(u, ns, "net.ipv6.conf.all.forwarding"));
	r->seen[ns->id] = true;
	r->gen[ns->id] = ns->gen;
}

static void grow(struct ui_routers *r, int maxid)
{
	if (maxid <= r->nid)
		return;
	r->gen = xrealloc(r->gen, (size_t)maxid * sizeof *r->gen);
	r->seen = xrealloc(r->seen, (size_t)maxid * sizeof *r->seen);
	r->on = xrealloc(r->on, (size_t)maxid * sizeof *r->on);
	memset(r->seen + r->nid, 0, (size_t)(maxid - r->nid) * sizeof *r->seen);
	memset(r->on + r->nid, 0, (size_t)(maxid - r->nid) * sizeof *r->on);
	r->nid = maxid;
}

/* The set from on[], over the namespaces there are; true when it changed. */
static bool publish(struct ui *u, struct ui_routers *r)
{
	struct world *w = u->w;
	int *ids = xmalloc((w->nns ? w->nns : 1) * sizeof *ids);
	size_t n = 0;
	bool changed;

	for (size_t i = 0; i < w->nns; i++)
		if (w->ns[i]->id >= 0 && w->ns[i]->id < r->nid &&
		    r->on[w->ns[i]->id])
			ids[n++] = w->ns[i]->id;
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
	struct world *w = u->w;
	long long until, t0;
	int maxid = 0;

	if (u->screen != S_MAP) {
		if (r)
			r->have = r->sweeping = false;  /* again when it opens */
		return;
	}
	if (!r) {
		r = u->routers = xcalloc(1, sizeof *r);
		r->every_ms = ROUTERS_MS;
	}
	if (!r->have || (!r->sweeping && now - r->ms >= r->every_ms)) {
		r->have = r->sweeping = true;
		r->next = 0;
		r->ms = now;
		r->sweep_us = 0;
	}
	if (!r->sweeping && !r->behind && r->world_gen == w->generation)
		return;
	for (size_t i = 0; i < w->nns; i++)
		if (w->ns[i]->id + 1 > maxid)
			maxid = w->ns[i]->id + 1;
	grow(r, maxid);
	t0 = now_us();
	until = t0 + ROUTERS_TURN_US;
	/* the namespaces that changed (or are new) first, then the sweep */
	r->behind = false;
	if (r->world_gen != w->generation)
		for (size_t i = 0; i < w->nns; i++) {
			struct w_ns *ns = w->ns[i];

			if (ns->id < 0 ||
			    (r->seen[ns->id] && r->gen[ns->id] == ns->gen))
				continue;
			if (now_us() >= until) {
				r->behind = true;
				break;
			}
			read_ns(u, r, ns);
		}
	r->world_gen = w->generation;
	for (; r->sweeping && r->next < w->nns && now_us() < until; r->next++)
		if (w->ns[r->next]->id >= 0)
			read_ns(u, r, w->ns[r->next]);
	r->sweep_us += now_us() - t0;
	if (r->sweeping && r->next >= w->nns) {
		r->sweeping = false;
		r->every_ms = r->sweep_us * ROUTERS_SHARE / 1000;
		if (r->every_ms < ROUTERS_MS)
			r->every_ms = ROUTERS_MS;
	}
	if (publish(u, r))
		u->dirty = true;
}

void routers_stale(struct ui *u)
{
	if (u->routers)
		u->routers->have = u->routers->sweeping = false;
}

int routers_timeout(const struct ui *u, long long now)
{
	const struct ui_routers *r = u->routers;
	long long left;

	if (u->screen != S_MAP)
		return -1;
	if (!r || !r->have || r->sweeping || r->behind)
		return 0;
	left = r->ms + r->every_ms - now;
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
	free(u->routers->on);
	free(u->routers);
	u->routers = NULL;
}

static int routers_wait(struct ui *u, long long now)
{
	return routers_timeout(u, now);
}

const struct ui_view ui_view_routers = {
	.title = "The map's routers",
	.tick = routers_poll,
	.wait_ms = routers_wait,
	.free = routers_free,
};
