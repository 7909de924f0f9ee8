/* SPDX-License-Identifier: GPL-2.0-or-later */
/* render.c - the topology view: namespaces as boxes, veth pairs as wires, on
 * a character canvas (pure: no curses).
 *
 * Layout
 *   Columns.  The host box has a column of its own.  The other namespaces
 *   are layered by their veth distance from the host (BFS; namespaces not
 *   connected to the host come after, layered from their own component's
 *   first member).  A layer longer than R boxes is split into several
 *   columns; when layer 1 needs several columns, the later ones that hold
 *   only leaves (namespaces wired to nothing but the host) go to the left
 *   of the host, so the host sits centre-left.  Boxes of a column share one
 *   width.
 *   Bands.  Slot r of every column (except the host's) lies in band r;
 *   bands are as tall as their tallest box and are separated by gaps whose
 *   rows carry horizontal wire tracks.  The host box spans the bands: each
 *   of its interface rows is placed at the row of its peer when that can
 *   be a straight wire, otherwise next to the gap its wire uses, and never
 *   on a gap track row (its blank interior rows stay blank).
 *   Channels.  Between column c and c+1 lies channel c: on its left side
 *   the vertical tracks of wires leaving column c, on its right side those
 *   of wires entering column c+1.  A wire leaves the left end's box on its
 *   right border and enters the right end's box on its left border (both
 *   ends on the right border when the two boxes share a column: a loop).
 *   Wires between adjacent columns are straight or bend once in the
 *   channel when that cannot run along another wire; every other wire
 *   goes: stub, vertical in the left channel, along its own track row of a
 *   gap (crossing the columns between), vertical in the channel before the
 *   target column, stub.  Gap rows hold no box and no stub, and tracks are
 *   shared only by wires whose extents are disjoint, so wires cross each
 *   other but never run along each other or through a box; a crossing is
 *   drawn as the vertical wire, the horizontal one passing under it.
 *   Labels.  Every wire's end says where the wire goes ("→ ns:if"); a
 *   router's title is followed by "(router)".
 */
#include "ui/topo/topo_int.h"

#include <linux/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

/* ---- the whole thing ------------------------------------------------------------ */

static void ctx_free(struct ctx *cx)
{
	for (int i = 0; i < cx->nb; i++) {
		free(cx->b[i].rows);
		free(cx->b[i].order);
	}
	for (int c = 0; c < cx->ncols; c++)
		free(cx->cols[c]);
	free(cx->cols);
	free(cx->ncol);
	free(cx->b);
	free(cx->wr);
	free(cx->band_h);
	free(cx->band_top);
	free(cx->gap_h);
	free(cx->gap_top);
	free(cx->gap_ntr);
	free(cx->forbid);
	free(cx->ch_l);
	free(cx->ch_r);
	free(cx->ch_x);
	free(cx->ch_w);
	free(cx->col_x);
	free(cx->col_w);
}

void topo_render(const struct world *w, int selected_ns_id, bool ascii,
                 struct topo *out)
{
	struct topo_opts o = { .selected_ns_id = selected_ns_id, .ascii = ascii };

	topo_render_opts(w, &o, out);
}

void topo_render_opts(const struct world *w, const struct topo_opts *opt,
                      struct topo *out)
{
	int selected_ns_id = opt->selected_ns_id;
	bool ascii = opt->ascii;
	struct ctx cx;
	const struct w_ns **nss;
	int *boxof, maxid = 0, shift, ymin, ymax, iter;

	memset(out, 0, sizeof *out);
	if (!w || !w->nns)
		return;
	memset(&cx, 0, sizeof cx);
	cx.g = ascii ? &tp_g_ascii : &tp_g_utf8;
	cx.ascii = ascii;
	cx.selected = selected_ns_id;
	cx.overview = opt->overview;
	cx.pad = cx.overview ? 0 : 1;
	cx.captured = opt->captured;
	cx.ncaptured = opt->captured ? opt->ncaptured : 0;
	cx.path = opt->path;
	cx.npath = opt->path ? opt->npath : 0;
	cx.path_stop = opt->path ? opt->path_stop : -1;
	cx.selected_if = opt->selected_if;
	cx.fit_h = opt->overview ? opt->fit_h : 0;

	/* boxes: the host first, then named, then unnamed namespaces */
	nss = xmalloc(w->nns * sizeof *nss);
	for (size_t i = 0; i < w->nns; i++) {
		nss[i] = w->ns[i];
		maxid = imax(maxid, w->ns[i]->id + 1);
	}
	qsort(nss, w->nns, sizeof *nss, tp_cmp_ns);
	cx.nb = (int)w->nns;
	cx.b = xcalloc((size_t)cx.nb, sizeof *cx.b);
	boxof = xmalloc((size_t)maxid * sizeof *boxof);
	for (int i = 0; i < maxid; i++)
		boxof[i] = -1;
	for (int i = 0; i < cx.nb; i++) {
		struct box *b = &cx.b[i];

		b->ns = nss[i];
		if (b->ns->id >= 0)
			boxof[b->ns->id] = i;
		world_ns_label(b->ns, b->title, sizeof b->title);
		tp_box_rows(b);
	}
	free(nss);
	cx.host = 0;
	for (size_t i = 0; opt->routers && i < opt->nrouters; i++)
		if (opt->routers[i] >= 0 && opt->routers[i] < maxid &&
		    boxof[opt->routers[i]] >= 0)
			cx.b[boxof[opt->routers[i]]].router = true;
	tp_collect_wires(&cx, boxof, maxid);
	free(boxof);
	if (cx.overview)
		tp_overview_rows(&cx);
	else {
		tp_peer_labels(&cx);
		tp_capture_marks(&cx);
		tp_impair_marks(&cx);
		tp_path_marks(&cx);
	}
	for (int i = 0; i < cx.nb; i++) {
		tp_box_order(&cx.b[i]);
		tp_box_measure(&cx, &cx.b[i]);
		cx.b[i].h = cx.b[i].nrows + 2 * cx.pad;
	}

	tp_make_columns(&cx);
	for (int i = 0; i < cx.nw; i++) {
		struct wire *wr = &cx.wr[i];
		int d;

		if (col_of(&cx, wr->ba) > col_of(&cx, wr->bb) ||
		    (col_of(&cx, wr->ba) == col_of(&cx, wr->bb) &&
		     cx.b[wr->ba].slot > cx.b[wr->bb].slot)) {
			int tb = wr->ba, tr = wr->ra;

			wr->ba = wr->bb;
			wr->ra = wr->rb;
			wr->bb = tb;
			wr->rb = tr;
		}
		d = col_of(&cx, wr->bb) - col_of(&cx, wr->ba);
		wr->kind = d == 0 ? W_SAME : d == 1 ? W_ADJ : W_LONG;
		wr->lt = wr->rt = -1;
	}
	cx.band_h = xcalloc((size_t)cx.nbands + 1, sizeof *cx.band_h);
	cx.band_top = xcalloc((size_t)cx.nbands + 1, sizeof *cx.band_top);
	cx.gap_h = xcalloc((size_t)cx.nbands + 1, sizeof *cx.gap_h);
	cx.gap_top = xcalloc((size_t)cx.nbands + 1, sizeof *cx.gap_top);
	cx.gap_ntr = xcalloc((size_t)cx.nbands + 1, sizeof *cx.gap_ntr);

	/* adjacent wires that cannot bend in their channel take a gap; the
	 * gaps grow, so everything is laid out again (rarely more than once) */
	for (iter = 0; iter <= cx.nw + 1; iter++) {
		tp_assign_gaps(&cx);
		tp_geometry(&cx);
		tp_host_rows(&cx);
		if (!tp_route_adjacent(&cx))
			break;
	}

	cx.ch_l = xcalloc((size_t)cx.ncols, sizeof *cx.ch_l);
	cx.ch_r = xcalloc((size_t)cx.ncols, sizeof *cx.ch_r);
	cx.ch_x = xcalloc((size_t)cx.ncols, sizeof *cx.ch_x);
	cx.ch_w = xcalloc((size_t)cx.ncols, sizeof *cx.ch_w);
	cx.col_x = xcalloc((size_t)cx.ncols, sizeof *cx.col_x);
	cx.col_w = xcalloc((size_t)cx.ncols, sizeof *cx.col_w);
	tp_assign_tracks(&cx);
	tp_place_columns(&cx);

	/* everything down so that the top row is 0 */
	ymin = imin(0, cx.b[cx.host].y);
	shift = -ymin;
	ymax = imax(cx.grid_end, cx.b[cx.host].y + cx.b[cx.host].h);
	for (int i = 0; i < cx.nb; i++) {
		cx.b[i].y += shift;
		for (int k = 0; k < cx.b[i].nrows; k++)
			cx.b[i].rows[k].y += shift;
	}
	for (int i = 0; i < cx.nw; i++)
		cx.wr[i].yg += shift;

	out->c.w = cx.ncols ? cx.ch_x[cx.ncols - 1] + cx.ch_w[cx.ncols - 1] : 0;
	out->c.h = ymax + shift;
	out->c.cells = xmalloc((size_t)out->c.w * (size_t)out->c.h *
	                       sizeof *out->c.cells);
	for (size_t i = 0; i < (size_t)out->c.w * (size_t)out->c.h; i++) {
		out->c.cells[i].ch = ' ';
		out->c.cells[i].cls = TC_BLANK;
	}
	out->nboxes = (size_t)cx.nb;
	out->boxes = xcalloc((size_t)cx.nb, sizeof *out->boxes);
	for (int i = 0; i < cx.nb; i++) {
		out->boxes[i].ns_id = cx.b[i].ns->id;
		out->boxes[i].x = cx.b[i].x;
		out->boxes[i].y = cx.b[i].y;
		out->boxes[i].w = cx.b[i].w;
		out->boxes[i].h = cx.b[i].h;
		out->boxes[i].col = cx.b[i].col - cx.hcol;
		out->boxes[i].slot = cx.b[i].slot;
		tp_draw_box(&cx, out, i);
	}
	tp_draw_wires(&cx, out);
	out->nwires = (size_t)cx.nw;
	out->wires = xcalloc((size_t)(cx.nw ? cx.nw : 1), sizeof *out->wires);
	for (int i = 0; i < cx.nw; i++) {
		const struct wire *wr = &cx.wr[i];
		const struct box *a = &cx.b[wr->ba], *b = &cx.b[wr->bb];
		struct topo_wire *o = &out->wires[i];

		o->a_ns_id = a->ns->id;
		o->b_ns_id = b->ns->id;
		snprintf(o->a_if, sizeof o->a_if, "%s", a->rows[wr->ra].l->name);
		snprintf(o->b_if, sizeof o->b_if, "%s", b->rows[wr->rb].l->name);
		o->ax = a->x + a->w - 1;
		o->ay = a->rows[wr->ra].y;
		o->bx = wr->kind == W_SAME ? b->x + b->w - 1 : b->x;
		o->by = b->rows[wr->rb].y;
		o->up = wr->up;
	}
	ctx_free(&cx);
}

void topo_free(struct topo *t)
{
	if (!t)
		return;
	free(t->c.cells);
	free(t->boxes);
	free(t->wires);
	memset(t, 0, sizeof *t);
}

const struct topo_box *topo_find_box(const struct topo *t, int ns_id)
{
	for (size_t i = 0; i < t->nboxes; i++)
		if (t->boxes[i].ns_id == ns_id)
			return &t->boxes[i];
	return NULL;
}

int topo_hit(const struct topo *t, int x, int y)
{
	for (size_t i = 0; i < t->nboxes; i++) {
		const struct topo_box *b = &t->boxes[i];

		if (x >= b->x && x < b->x + b->w && y >= b->y && y < b->y + b->h)
			return b->ns_id;
	}
	return -1;
}

const struct topo_cell *topo_cell_at(const struct topo *t, int x, int y)
{
	if (x < 0 || y < 0 || x >= t->c.w || y >= t->c.h)
		return NULL;
	return &t->c.cells[(size_t)y * (size_t)t->c.w + (size_t)x];
}

