/* SPDX-License-Identifier: GPL-2.0-or-later */
/* whypath.c - the path of the last `why` (issue 15), kept for the map:
 * every interface the packet leaves or comes in by, the request's hops
 * first, then the reply's, and the one where it stops.  The map
 * (src/ui/topo/) marks those rows " [why N]". */
#include "ui/ui_int.h"

#include <stdio.h>
#include <string.h>

#include "why/why.h"

static void mark(struct ui *u, const struct w_ns *ns, const char *ifname)
{
	struct topo_mark *m;

	if (!ns || !ifname[0] || u->nwhy >= UI_WHY_MARKS)
		return;
	m = &u->why_path[u->nwhy++];
	memset(m, 0, sizeof *m);
	m->ns_id = ns->id;
	snprintf(m->ifname, sizeof m->ifname, "%.*s", W_IFNAMSIZ - 1, ifname);
}

static void leg(struct ui *u, const struct why_leg *g)
{
	for (int i = 0; i < g->nhops; i++) {
		const struct why_hop *h = &g->hops[i];

		mark(u, h->ns, h->in);
		mark(u, h->ns, h->out);
	}
}

void ui_why_done(void *ctx, const struct why_result *r)
{
	struct ui *u = ctx;

	u->nwhy = 0;
	u->why_stop = -1;
	u->why_gen++;
	leg(u, &r->req);
	if (r->rep_tried)
		leg(u, &r->rep);
	if (r->reason == WHY_OK)
		return;
	/* where it stops: the object when it is an interface of that
	 * namespace (a port, the far end of a cable), else the last
	 * interface on the way */
	if (r->where && world_find_link(r->where, r->object)) {
		size_t i;

		for (i = 0; i < u->nwhy; i++)
			if (u->why_path[i].ns_id == r->where->id &&
			    !strcmp(u->why_path[i].ifname, r->object))
				break;
		if (i == u->nwhy)
			mark(u, r->where, r->object);
		u->why_stop = (int)(i < u->nwhy ? i : u->nwhy - 1);
	} else if (u->nwhy) {
		u->why_stop = (int)u->nwhy - 1;
	}
	u->dirty = true;
}
