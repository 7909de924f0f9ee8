/* SPDX-License-Identifier: GPL-2.0-or-later */
/* whypath.c - the path of the last `why` (issue 15), kept for the map:
 * every interface the packet leaves or comes in by, the request's hops
 * first, then the reply's, and the one where it stops.  The map
 * (src/ui/topo/) marks those rows " [why N]".  Each hop's decision is
 * kept too, as why prints it, for stepping through them on the map
 * (mapview.c). */
#include "ui/ui_int.h"

#include <stdio.h>
#include <string.h>

#include "util/esc.h"
#include "util/sbuf.h"
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

static void leg(struct ui *u, const struct why_result *r,
                const struct why_leg *g, bool reply)
{
	for (int i = 0; i < g->nhops; i++) {
		const struct why_hop *h = &g->hops[i];
		struct ui_why_hop *k;
		struct sbuf b = SBUF_INIT, e = SBUF_INIT;

		mark(u, h->ns, h->in);
		mark(u, h->ns, h->out);
		if (!h->ns || u->nwhy_hops >= UI_WHY_HOPS)
			continue;
		k = &u->why_hops[u->nwhy_hops++];
		memset(k, 0, sizeof *k);
		k->ns_id = h->ns->id;
		snprintf(k->in, sizeof k->in, "%s", h->in);
		snprintf(k->out, sizeof k->out, "%s", h->out);
		k->reply = reply;
		k->n = i + 1;
		k->of = g->nhops;
		/* the last hop of the leg it stops in, in its namespace */
		k->stop = r->reason != WHY_OK && r->in_reply == reply &&
		          r->where == h->ns;
		why_hop_text(g, i, reply, 0, &b);
		esc_add(&e, sbuf_str(&b), ESC_KEEP_NL);
		snprintf(k->text, sizeof k->text, "%s", sbuf_str(&e));
		sbuf_free(&b);
		sbuf_free(&e);
	}
}

void ui_why_done(void *ctx, const struct why_result *r)
{
	struct ui *u = ctx;

	u->nwhy = 0;
	u->nwhy_hops = 0;
	u->why_step = -1;
	u->why_stop = -1;
	u->why_gen++;
	{
		struct sbuf e = SBUF_INIT;

		esc_add(&e, r->text, 0);
		snprintf(u->why_verdict, sizeof u->why_verdict, "%s",
		         sbuf_str(&e));
		sbuf_free(&e);
	}
	leg(u, r, &r->req, false);
	if (r->rep_tried)
		leg(u, r, &r->rep, true);
	/* only the last hop in that namespace is where it stops; when
	 * it stops past the last hop (the far end of a cable is down),
	 * the last hop of that leg */
	for (int i = 0; i < u->nwhy_hops; i++)
		for (int j = i + 1; j < u->nwhy_hops && u->why_hops[i].stop; j++)
			if (u->why_hops[j].stop)
				u->why_hops[i].stop = false;
	if (r->reason != WHY_OK) {
		int last = -1;
		bool any = false;

		for (int i = 0; i < u->nwhy_hops; i++) {
			any |= u->why_hops[i].stop;
			if (u->why_hops[i].reply == r->in_reply)
				last = i;
		}
		if (!any && last >= 0)
			u->why_hops[last].stop = true;
	}
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
