/* SPDX-License-Identifier: GPL-2.0-or-later */
/* paint.c - the topology view's canvas: boxes with their rows, wires
 * walked cell by cell (glyphs from the arms every cell got), text dumps. */
#include "ui/topo/topo_int.h"

#include <linux/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

const struct glyphs tp_g_utf8 = {
	.box = {
		{ 0x250C, 0x2510, 0x2514, 0x2518, 0x2500, 0x2502, 0x251C, 0x2524 },
		{ 0x2554, 0x2557, 0x255A, 0x255D, 0x2550, 0x2551, 0x255F, 0x2562 },
	},
	.wh = { 0x2500, 0x254C },
	.wv = { 0x2502, 0x254E },
	.arms = {
		[A_N | A_S] = 0x2502, [A_E | A_W] = 0x2500,
		[A_S | A_E] = 0x250C, [A_S | A_W] = 0x2510,
		[A_N | A_E] = 0x2514, [A_N | A_W] = 0x2518,
		[A_N | A_S | A_E] = 0x251C, [A_N | A_S | A_W] = 0x2524,
		[A_E | A_W | A_S] = 0x252C, [A_E | A_W | A_N] = 0x2534,
		[A_N | A_E | A_S | A_W] = 0x253C,
		[A_N] = 0x2502, [A_S] = 0x2502, [A_E] = 0x2500, [A_W] = 0x2500,
	},
	.tree_mid = { 0x251C, 0x2500 }, .tree_last = { 0x2514, 0x2500 },
	.tree_bar = 0x2502,
	.ellipsis = 0x2026,
};

const struct glyphs tp_g_ascii = {
	.box = {
		{ '+', '+', '+', '+', '-', '|', '+', '+' },
		{ '#', '#', '#', '#', '=', '#', '+', '+' },
	},
	.wh = { '-', '.' },
	.wv = { '|', ':' },
	.arms = {
		[A_N | A_S] = '|', [A_E | A_W] = '-',
		[A_S | A_E] = '+', [A_S | A_W] = '+',
		[A_N | A_E] = '+', [A_N | A_W] = '+',
		[A_N | A_S | A_E] = '+', [A_N | A_S | A_W] = '+',
		[A_E | A_W | A_S] = '+', [A_E | A_W | A_N] = '+',
		[A_N | A_E | A_S | A_W] = '+',
		[A_N] = '|', [A_S] = '|', [A_E] = '-', [A_W] = '-',
	},
	.tree_mid = { '|', '-' }, .tree_last = { '`', '-' },
	.tree_bar = '|',
	.ellipsis = '~',
};


static struct topo_cell *cell(struct topo *t, int x, int y)
{
	if (x < 0 || y < 0 || x >= t->c.w || y >= t->c.h)
		return NULL;
	return &t->c.cells[(size_t)y * (size_t)t->c.w + (size_t)x];
}

static void put(struct topo *t, int x, int y, uint32_t ch, int cls)
{
	struct topo_cell *c = cell(t, x, y);

	if (c) {
		c->ch = ch;
		c->cls = (unsigned char)cls;
	}
}

/* Characters that do not take exactly one terminal cell: combining marks,
 * zero-width ones and the wide (East Asian, emoji) ranges.  The canvas has
 * one code point per cell, so they are drawn as '?'. */
static bool not_one_cell(uint32_t cp)
{
	return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x200B && cp <= 0x200F) ||
	       (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
	       (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	       (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
	       (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) ||
	       (cp >= 0x1F300 && cp <= 0x1FAFF) || cp >= 0x20000;
}

/* Draw s at (x, y), at most max cells; the last one becomes an ellipsis
 * when s is longer.  Control and (in ascii mode) non-ASCII characters
 * become '?'.  Returns the cells drawn. */
static int put_str(struct ctx *cx, struct topo *t, int x, int y,
                   const char *s, int max, int cls)
{
	int len = tp_u8_width(s), n = 0;
	size_t i = 0;

	while (s[i] && n < max) {
		uint32_t cp = tp_u8_next(s, &i);

		if (len > max && n == max - 1)
			cp = cx->g->ellipsis;
		else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) ||
		         (cx->ascii && cp >= 0x80) || not_one_cell(cp))
			cp = '?';
		put(t, x + n, y, cp, cls);
		n++;
	}
	return n;
}

/* ---- drawing ------------------------------------------------------------------ */

struct paint {
	int *hown, *vown;          /* wire + 1 owning the cell's H / V, 0 */
	unsigned char *arms;
};

/* The selected namespace's selected interface (topo_opts.selected_if). */
static bool row_selected(const struct ctx *cx, int bi, int ri)
{
	const struct row *r = &cx->b[bi].rows[ri];

	return cx->selected_if && cx->b[bi].ns->id == cx->selected && r->l &&
	       strcmp(r->l->name, cx->selected_if) == 0;
}

static bool wire_selected(const struct ctx *cx, int wi)
{
	const struct wire *w = &cx->wr[wi];

	return row_selected(cx, w->ba, w->ra) || row_selected(cx, w->bb, w->rb);
}

void tp_draw_box(struct ctx *cx, struct topo *t, int bi)
{
	const struct box *b = &cx->b[bi];
	bool sel = b->ns->id == cx->selected;
	const uint32_t *bg = cx->g->box[sel];
	int bc = sel ? TC_BOX_SELECTED : TC_BOX;
	int x0 = b->x, y0 = b->y, x1 = b->x + b->w - 1, y1 = b->y + b->h - 1;
	int tag = b->router ? (int)strlen(tp_router_tag(cx)) : 0;
	int tx;

	if (cx->overview) {
		/* "│ name │", a row per wire below it, no top or bottom;
		 * a box of one row "[ name ]", as it may touch the next */
		for (int y = y0; y <= y1; y++) {
			bool one = y0 == y1 && !sel;

			put(t, x0, y, one ? '[' : bg[G_V], bc);
			put(t, x1, y, one ? ']' : bg[G_V], bc);
			for (int x = x0 + 1; x < x1; x++)
				put(t, x, y, ' ', TC_BLANK);
		}
		tx = x0 + 2 + put_str(cx, t, x0 + 2, y0, b->title,
		                      b->w - 4 - tag, TC_TITLE);
		if (b->router)
			put_str(cx, t, tx, y0, tp_router_tag(cx), tag, TC_ROUTER);
		return;
	}
	for (int x = x0 + 1; x < x1; x++) {
		put(t, x, y0, bg[G_H], bc);
		put(t, x, y1, bg[G_H], bc);
	}
	for (int y = y0 + 1; y < y1; y++) {
		put(t, x0, y, bg[G_V], bc);
		put(t, x1, y, bg[G_V], bc);
		for (int x = x0 + 1; x < x1; x++)
			put(t, x, y, ' ', TC_BLANK);
	}
	put(t, x0, y0, bg[G_TL], bc);
	put(t, x1, y0, bg[G_TR], bc);
	put(t, x0, y1, bg[G_BL], bc);
	put(t, x1, y1, bg[G_BR], bc);
	put(t, x0 + 2, y0, ' ', bc);
	tx = x0 + 3 + put_str(cx, t, x0 + 3, y0, b->title,
	                      imin(TITLE_MAX, b->w - 6 - tag), TC_TITLE);
	if (b->router)
		tx += put_str(cx, t, tx, y0, tp_router_tag(cx), tag, TC_ROUTER);
	put(t, tx, y0, ' ', bc);

	for (int k = 0; k < b->nrows; k++) {
		const struct row *r = &b->rows[b->order[k]];
		int y = r->y, x = x0 + 2;

		if (!r->l) {
			put_str(cx, t, x, y, "(none)", b->nw, TC_TEXT);
			continue;
		}
		/* tree: a bar for every ancestor that has later siblings */
		for (int d = r->depth; d >= 1; d--) {
			const struct row *a = r;
			int px = x + 2 * (d - 1);

			for (int u = r->depth; u > d; u--)
				a = &b->rows[a->parent];
			if (a == r) {
				const uint32_t *tg = r->last ? cx->g->tree_last :
				                               cx->g->tree_mid;
				bool bus = row_on_bus(b, r);
				int cls = !bus ? TC_TEXT :
				          r->up ? TC_BUS_UP : TC_BUS_DOWN;

				put(t, px, y, tg[0], cls);
				put(t, px + 1, y, bus && !r->up ? cx->g->wh[1] :
				                  tg[1], cls);
			} else if (!a->last) {
				put(t, px, y, cx->g->tree_bar,
				    row_on_bus(b, a) ? TC_BUS_UP : TC_TEXT);
			}
		}
		/* the host's rows can be apart: carry the bar down to the
		 * next sibling through blank rows */
		if (r->depth && !r->last) {
			int px = x + 2 * (r->depth - 1), ny = y;

			for (int j = k + 1; j < b->nrows; j++)
				if (b->rows[b->order[j]].parent == r->parent) {
					ny = b->rows[b->order[j]].y;
					break;
				}
			for (int yy = y + 1; yy < ny; yy++)
				put(t, px, yy, cx->g->tree_bar,
				    row_on_bus(b, r) ? TC_BUS_UP : TC_TEXT);
		}
		x += tree_prefix_len(r);
		if (row_bridge(r))
			put(t, x++, y, '[', TC_BRIDGE);
		x += put_str(cx, t, x, y, r->l->name, W_IFNAMSIZ,
		             row_selected(cx, bi, b->order[k]) ? TC_SELECTED :
		             TC_TEXT);
		if (row_bridge(r))
			put(t, x, y, ']', TC_BRIDGE);
		x = x0 + 2 + b->nw + 1;
		put_str(cx, t, x, y, r->state, b->sw,
		        r->up ? TC_STATE_UP : TC_STATE_DOWN);
		x += b->sw + 1;
		put_str(cx, t, x, y, r->addr, b->aw, TC_LABEL);
		x += b->aw + (b->aw ? 1 : 0);
		x += put_str(cx, t, x, y, r->peer, imin(b->pw, PEER_MAX), TC_LABEL);
		if (r->cap)
			x += put_str(cx, t, x, y, r->peer[0] ? " [cap]" : "[cap]", 6,
			             TC_LABEL);
		if (r->imp[0]) {
			char m[20];

			snprintf(m, sizeof m, "%s~%s",
			         r->peer[0] || r->cap ? " " : "", r->imp);
			x += put_str(cx, t, x, y, m, (int)sizeof m, TC_LABEL);
		}
		if (r->hop) {
			char m[32];

			tp_path_label(r, r->peer[0] || r->cap || r->imp[0], m,
			              sizeof m);
			put_str(cx, t, x, y, m, (int)sizeof m,
			        r->stop ? TC_STATE_DOWN : TC_SELECTED);
		}
	}
}

static void paint_cell(struct topo *t, struct paint *p, int wi, int x, int y,
                       int arms)
{
	size_t i;
	bool h = arms & (A_E | A_W), v = arms & (A_N | A_S);

	if (x < 0 || y < 0 || x >= t->c.w || y >= t->c.h) {
		t->nconflicts++;
		return;
	}
	i = (size_t)y * (size_t)t->c.w + (size_t)x;
	if (t->c.cells[i].cls != TC_BLANK && t->c.cells[i].cls != TC_WIRE_UP &&
	    t->c.cells[i].cls != TC_WIRE_DOWN &&
	    t->c.cells[i].cls != TC_WIRE_SELECTED)
		t->nconflicts++;       /* on a box: never */
	if ((h && p->hown[i] && p->hown[i] != wi + 1) ||
	    (v && p->vown[i] && p->vown[i] != wi + 1))
		t->nconflicts++;
	if (h)
		p->hown[i] = wi + 1;
	if (v)
		p->vown[i] = wi + 1;
	p->arms[i] |= (unsigned char)arms;
	t->c.cells[i].cls = TC_WIRE_UP;     /* finished in finish_wires() */
}

static int dir_arm(int dx, int dy)
{
	return dx > 0 ? A_E : dx < 0 ? A_W : dy > 0 ? A_S : A_N;
}

/* Walk the polyline pts[0..n-1] (axis-parallel legs) cell by cell; the
 * end points are border cells and get ports instead. */
static void paint_wire(struct ctx *cx, struct topo *t, struct paint *p,
                       int wi, const int (*pts)[2], int n)
{
	const struct wire *w = &cx->wr[wi];
	int prev_arm = 0, cls = wire_selected(cx, wi) ? TC_WIRE_SELECTED :
	                        w->up ? TC_WIRE_UP : TC_WIRE_DOWN;
	int x = pts[0][0], y = pts[0][1];

	for (int k = 1; k < n; k++) {
		int dx = (pts[k][0] > x) - (pts[k][0] < x);
		int dy = (pts[k][1] > y) - (pts[k][1] < y);

		while (x != pts[k][0] || y != pts[k][1]) {
			int out = dir_arm(dx, dy);

			if (prev_arm)
				paint_cell(t, p, wi, x, y, prev_arm | out);
			x += dx;
			y += dy;
			prev_arm = dir_arm(-dx, -dy);
		}
	}
	/* ports on the borders */
	for (int e = 0; e < 2; e++) {
		int px = e ? pts[n - 1][0] : pts[0][0];
		int py = e ? pts[n - 1][1] : pts[0][1];
		int bi = e ? w->bb : w->ba;
		bool sel = cx->b[bi].ns->id == cx->selected;
		bool right = px == cx->b[bi].x + cx->b[bi].w - 1;

		put(t, px, py, cx->g->box[sel][right ? G_ATT_R : G_ATT_L], cls);
	}
}

void tp_draw_wires(struct ctx *cx, struct topo *t)
{
	size_t ncell = (size_t)t->c.w * (size_t)t->c.h;
	struct paint p;

	p.hown = xcalloc(ncell, sizeof *p.hown);
	p.vown = xcalloc(ncell, sizeof *p.vown);
	p.arms = xcalloc(ncell, 1);
	for (int i = 0; i < cx->nw; i++) {
		const struct wire *w = &cx->wr[i];
		const struct box *a = &cx->b[w->ba], *b = &cx->b[w->bb];
		int ya = row_y(cx, w->ba, w->ra), yb = row_y(cx, w->bb, w->rb);
		int axr = a->x + a->w - 1, bxl = b->x, bxr = b->x + b->w - 1;
		int ca = a->col, cb = b->col;
		int pts[6][2], n = 0;

#define PT(px, py) do { pts[n][0] = (px); pts[n][1] = (py); n++; } while (0)
		PT(axr, ya);
		switch (w->route) {
		case R_STRAIGHT:
			PT(bxl, yb);
			break;
		case R_LEFT:
			PT(tp_ltrack_x(cx, ca, w->lt), ya);
			PT(tp_ltrack_x(cx, ca, w->lt), yb);
			PT(bxl, yb);
			break;
		case R_RIGHT:
			PT(tp_rtrack_x(cx, ca, w->rt), ya);
			PT(tp_rtrack_x(cx, ca, w->rt), yb);
			PT(bxl, yb);
			break;
		case R_SAME:
			PT(tp_ltrack_x(cx, ca, w->lt), ya);
			PT(tp_ltrack_x(cx, ca, w->lt), yb);
			PT(bxr, yb);
			break;
		case R_GAP:
			PT(tp_ltrack_x(cx, ca, w->lt), ya);
			PT(tp_ltrack_x(cx, ca, w->lt), w->yg);
			PT(tp_rtrack_x(cx, cb - 1, w->rt), w->yg);
			PT(tp_rtrack_x(cx, cb - 1, w->rt), yb);
			PT(bxl, yb);
			break;
		}
#undef PT
		paint_wire(cx, t, &p, i, (const int (*)[2])pts, n);
	}
	/* glyphs: a crossing takes the vertical wire's class */
	for (size_t i = 0; i < ncell; i++) {
		int wi, arms = p.arms[i];
		bool down;

		if (!arms)
			continue;
		wi = (p.vown[i] ? p.vown[i] : p.hown[i]) - 1;
		down = !cx->wr[wi].up;
		/* a crossing is the vertical wire's glyph: the horizontal
		 * one passes under it (a ┼ would read as a junction) */
		if (arms == (A_E | A_W))
			t->c.cells[i].ch = cx->g->wh[down];
		else if (arms == (A_N | A_S) || arms == (A_N | A_E | A_S | A_W))
			t->c.cells[i].ch = cx->g->wv[down];
		else
			t->c.cells[i].ch = cx->g->arms[arms];
		t->c.cells[i].cls = wire_selected(cx, wi) ? TC_WIRE_SELECTED :
		                    down ? TC_WIRE_DOWN : TC_WIRE_UP;
	}
	free(p.hown);
	free(p.vown);
	free(p.arms);
}

static void add_utf8(struct sbuf *out, uint32_t cp)
{
	char b[4];

	if (cp < 0x80) {
		sbuf_addc(out, (char)cp);
		return;
	}
	if (cp < 0x800) {
		b[0] = (char)(0xC0 | (cp >> 6));
		b[1] = (char)(0x80 | (cp & 0x3F));
		sbuf_addn(out, b, 2);
	} else if (cp < 0x10000) {
		b[0] = (char)(0xE0 | (cp >> 12));
		b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		b[2] = (char)(0x80 | (cp & 0x3F));
		sbuf_addn(out, b, 3);
	} else {
		b[0] = (char)(0xF0 | (cp >> 18));
		b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		b[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		b[3] = (char)(0x80 | (cp & 0x3F));
		sbuf_addn(out, b, 4);
	}
}

void topo_dump_region(const struct topo *t, int x, int y, int w, int h,
                      struct sbuf *out)
{
	int x0 = imax(0, x), y0 = imax(0, y);
	int x1 = imin(t->c.w, x + w), y1 = imin(t->c.h, y + h);

	sbuf_add(out, "");
	for (int r = y0; r < y1; r++) {
		int end = x1;

		while (end > x0 && t->c.cells[(size_t)r * (size_t)t->c.w +
		                              (size_t)(end - 1)].ch == ' ')
			end--;
		for (int c = x0; c < end; c++)
			add_utf8(out, t->c.cells[(size_t)r * (size_t)t->c.w +
			                         (size_t)c].ch);
		if (r + 1 < y1)
			sbuf_addc(out, '\n');
	}
}

void topo_dump(const struct topo *t, struct sbuf *out)
{
	topo_dump_region(t, 0, 0, t->c.w, t->c.h, out);
}

