/* SPDX-License-Identifier: GPL-2.0-or-later */
/* topo.c - the topology view: namespaces as boxes, veth pairs as wires, on
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
 *   other (┼) but never run along each other or through a box.
 */
#include "ui/topo.h"

#include <limits.h>
#include <linux/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#define NODESIRE INT_MIN
#define MAXDEPTH 4             /* bridge / bond nesting shown */
#define TITLE_MAX 40           /* code points of a box title */
#define MINCH 4                /* narrowest channel between columns */
#define MINR 6                 /* boxes per column, at least */

/* ---- glyphs --------------------------------------------------------------- */

enum { G_TL, G_TR, G_BL, G_BR, G_H, G_V, G_ATT_R, G_ATT_L, G_NBOX };

struct glyphs {
	uint32_t box[2][G_NBOX];   /* [selected] */
	uint32_t wh[2], wv[2];     /* [down] */
	uint32_t arms[16];         /* wire glyph by N/E/S/W arms */
	uint32_t tree_mid[2], tree_last[2], tree_bar;
	uint32_t ellipsis;
};

enum { A_N = 1, A_E = 2, A_S = 4, A_W = 8 };

static const struct glyphs g_utf8 = {
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

static const struct glyphs g_ascii = {
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

/* ---- the model of the drawing -------------------------------------------- */

struct row {
	const struct w_link *l;    /* NULL: the "(none)" row of an empty box */
	char state[24];
	char addr[96];
	bool up;                   /* admin up with carrier */
	int parent;                /* row index of its master, -1 */
	int depth;
	bool last;                 /* last of its siblings as displayed */
	int wire;                  /* wire index, -1 */
	int desire;                /* host only: wanted y, NODESIRE */
	int y;                     /* absolute row (before the final shift) */
};

struct box {
	const struct w_ns *ns;
	char title[W_NSNAME_MAX + 80];
	struct row *rows;
	int nrows;
	int *order;                /* display order: row indices */
	int col, slot;
	int depth;
	bool leaf;
	int x, y, w, h;
	int nw, sw, aw;            /* field widths: name (with tree), state, addr */
};

enum wkind { W_SAME, W_ADJ, W_LONG };
enum wroute { R_STRAIGHT, R_LEFT, R_RIGHT, R_SAME, R_GAP };

struct wire {
	int ba, ra, bb, rb;        /* ends: box, row; col(ba) <= col(bb) */
	bool up;
	enum wkind kind;
	enum wroute route;
	bool detour;               /* adjacent but routed through a gap */
	int gap, gtrack, yg;
	int lt, rt;                /* vertical tracks (indices), -1 none */
};

struct chan_iv { int y1, y2, wire; bool right; };

struct ctx {
	const struct glyphs *g;
	bool ascii;
	int selected;
	struct box *b;
	int nb;
	struct wire *wr;
	int nw;
	int host;                  /* box index of the host: 0 */
	int ncols, hcol;
	int **cols;                /* box indices per column, by slot */
	int *ncol;
	int nbands;
	int *band_h, *band_top, *gap_h, *gap_top, *gap_ntr;
	int grid_end;
	unsigned char *forbid;     /* [grid_end]: gap track rows */
	int *ch_l, *ch_r, *ch_x, *ch_w;    /* per channel (after column c) */
	int *col_x, *col_w;
};

/* ---- small helpers --------------------------------------------------------- */

static int imax(int a, int b) { return a > b ? a : b; }
static int imin(int a, int b) { return a < b ? a : b; }

/* Decode one UTF-8 sequence; invalid bytes give U+FFFD (one byte each). */
static uint32_t u8_next(const char *s, size_t *i)
{
	const unsigned char *p = (const unsigned char *)s + *i;
	uint32_t cp;
	int n;

	if (p[0] < 0x80) {
		(*i)++;
		return p[0];
	}
	if ((p[0] & 0xE0) == 0xC0) { cp = p[0] & 0x1F; n = 1; }
	else if ((p[0] & 0xF0) == 0xE0) { cp = p[0] & 0x0F; n = 2; }
	else if ((p[0] & 0xF8) == 0xF0) { cp = p[0] & 0x07; n = 3; }
	else { (*i)++; return 0xFFFD; }
	for (int k = 1; k <= n; k++) {
		if ((p[k] & 0xC0) != 0x80) {
			(*i)++;
			return 0xFFFD;
		}
		cp = (cp << 6) | (p[k] & 0x3F);
	}
	*i += (size_t)n + 1;
	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0xFFFD;
	return cp;
}

static int u8_width(const char *s)
{
	size_t i = 0;
	int n = 0;

	while (s[i]) {
		u8_next(s, &i);
		n++;
	}
	return n;
}

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
	int len = u8_width(s), n = 0;
	size_t i = 0;

	while (s[i] && n < max) {
		uint32_t cp = u8_next(s, &i);

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

/* ---- namespaces and their rows --------------------------------------------- */

static int ns_rank(const struct w_ns *ns)
{
	return ns->kind == W_NS_HOST ? 0 : ns->kind == W_NS_NAMED ? 1 : 2;
}

static int cmp_ns(const void *pa, const void *pb)
{
	const struct w_ns *a = *(const struct w_ns *const *)pa;
	const struct w_ns *b = *(const struct w_ns *const *)pb;
	int c;

	if (ns_rank(a) != ns_rank(b))
		return ns_rank(a) - ns_rank(b);
	if (a->kind == W_NS_NAMED) {
		c = strverscmp(a->name, b->name);
		if (c)
			return c;
	} else if (a->kind == W_NS_UNNAMED) {
		/* held by a process first, by pid; then bind mounts */
		if ((a->holder_pid == 0) != (b->holder_pid == 0))
			return a->holder_pid == 0 ? 1 : -1;
		if (a->holder_pid != b->holder_pid)
			return a->holder_pid < b->holder_pid ? -1 : 1;
		c = strcmp(a->holder_path, b->holder_path);
		if (c)
			return c;
		if (a->ino != b->ino)
			return a->ino < b->ino ? -1 : 1;
	}
	return a->id < b->id ? -1 : a->id > b->id;
}

static const char *oper_name(int op)
{
	switch (op) {
	case IF_OPER_UNKNOWN: return "UNKNOWN";
	case IF_OPER_NOTPRESENT: return "ABSENT";
	case IF_OPER_DOWN: return "DOWN";
	case IF_OPER_LOWERLAYERDOWN: return "LLDOWN";
	case IF_OPER_TESTING: return "TESTING";
	case IF_OPER_DORMANT: return "DORMANT";
	case IF_OPER_UP: return "UP";
	default: return "?";
	}
}

static bool link_up(const struct w_link *l)
{
	return (l->flags & IFF_UP) && (l->flags & IFF_LOWER_UP);
}

/* The address shown: the first IPv4 one, else the first IPv6 one that is
 * not link-local, else the first; " +N" when there are more. */
static void row_addr(const struct w_ns *ns, const struct w_link *l,
                     char *buf, size_t len)
{
	const struct w_addr *best = NULL;
	int rank = 99, count = 0;
	char ip[48];            /* INET6_ADDRSTRLEN */

	buf[0] = '\0';
	for (size_t i = 0; i < ns->naddrs; i++) {
		const struct w_addr *a = &ns->addrs[i];
		int r;

		if (a->ifindex != l->ifindex)
			continue;
		count++;
		r = a->family == AF_INET ? 0 : w_ip_link_local(&a->local) ? 2 : 1;
		if (r < rank) {
			rank = r;
			best = a;
		}
	}
	if (!best)
		return;
	w_ip_str(&best->local, ip, sizeof ip);
	if (count > 1)
		snprintf(buf, len, "%s/%d +%d", ip, best->prefixlen, count - 1);
	else
		snprintf(buf, len, "%s/%d", ip, best->prefixlen);
}

static void box_rows(struct box *b)
{
	const struct w_ns *ns = b->ns;

	b->nrows = ns->nlinks ? (int)ns->nlinks : 1;
	b->rows = xcalloc((size_t)b->nrows, sizeof *b->rows);
	b->order = xcalloc((size_t)b->nrows, sizeof *b->order);
	for (int i = 0; i < b->nrows; i++) {
		struct row *r = &b->rows[i];

		r->parent = -1;
		r->wire = -1;
		r->desire = NODESIRE;
		b->order[i] = i;
		if (!ns->nlinks)
			continue;
		r->l = &ns->links[i];
		snprintf(r->state, sizeof r->state, "%s/%s",
		         (r->l->flags & IFF_UP) ? "UP" : "DOWN",
		         r->l->operstate >= 0 ? oper_name(r->l->operstate) :
		         (r->l->flags & IFF_LOWER_UP) ? "UP" : "DOWN");
		r->up = link_up(r->l);
		row_addr(ns, r->l, r->addr, sizeof r->addr);
		if (r->l->master && r->l->master != r->l->ifindex) {
			for (int j = 0; j < b->nrows; j++)
				if (ns->links[j].ifindex == r->l->master)
					r->parent = j;
		}
	}
	/* no cycles, no deeper nesting than MAXDEPTH */
	for (int i = 0; i < b->nrows; i++) {
		int d = 0, p = b->rows[i].parent;

		while (p >= 0 && d <= MAXDEPTH) {
			d++;
			p = b->rows[p].parent;
		}
		if (d > MAXDEPTH)
			b->rows[i].parent = -1;
	}
	for (int i = 0; i < b->nrows; i++) {
		int d = 0, p = b->rows[i].parent;

		while (p >= 0) {
			d++;
			p = b->rows[p].parent;
		}
		b->rows[i].depth = d;
	}
}

/* Display order: a tree of masters and ports, siblings by desired row
 * (only the host's rows have one), then ifindex. */
static int cmp_sib(const void *pa, const void *pb, void *arg)
{
	const struct box *bx = arg;
	int a = *(const int *)pa, b = *(const int *)pb;
	const struct row *ra = &bx->rows[a], *rb = &bx->rows[b];

	if (ra->parent != rb->parent)
		return ra->parent < rb->parent ? -1 : 1;
	if (ra->desire != rb->desire)
		return ra->desire < rb->desire ? -1 : 1;
	return a < b ? -1 : a > b;
}

static void order_dfs(struct box *b, const int *sorted, const int *first,
                      int node, int *pos)
{
	int start = first[node + 1], end = first[node + 2];

	for (int k = start; k < end; k++) {
		int r = sorted[k];

		b->order[(*pos)++] = r;
		b->rows[r].last = k == end - 1;
		order_dfs(b, sorted, first, r, pos);
	}
}

static void box_order(struct box *b)
{
	int n = b->nrows, pos = 0;
	int *sorted = xmalloc((size_t)n * sizeof *sorted);
	int *first = xcalloc((size_t)n + 2, sizeof *first);  /* by parent+1 */

	for (int i = 0; i < n; i++)
		sorted[i] = i;
	qsort_r(sorted, (size_t)n, sizeof *sorted, cmp_sib, b);
	/* first[p + 1] .. first[p + 2]: children of p (p = -1: the roots) */
	for (int i = 0; i < n; i++)
		first[b->rows[i].parent + 2]++;
	for (int p = 1; p <= n + 1; p++)
		first[p] += first[p - 1];
	order_dfs(b, sorted, first, -1, &pos);
	free(sorted);
	free(first);
}

static int tree_prefix_len(const struct row *r)
{
	return 2 * r->depth;
}

static void box_measure(struct ctx *cx, struct box *b)
{
	b->nw = b->sw = b->aw = 0;
	for (int i = 0; i < b->nrows; i++) {
		const struct row *r = &b->rows[i];

		if (!r->l) {
			b->nw = imax(b->nw, 6);     /* "(none)" */
			continue;
		}
		b->nw = imax(b->nw, tree_prefix_len(r) + u8_width(r->l->name));
		b->sw = imax(b->sw, (int)strlen(r->state));
		b->aw = imax(b->aw, (int)strlen(r->addr));
	}
	b->w = 2 + b->nw + (b->sw ? 1 + b->sw : 0) + (b->aw ? 1 + b->aw : 0) + 2;
	b->w = imax(b->w, imin(u8_width(b->title), TITLE_MAX) + 6);
	(void)cx;
}

/* ---- wires ------------------------------------------------------------------ */

static int find_row(const struct box *b, const char *name)
{
	for (int i = 0; i < b->nrows; i++)
		if (b->rows[i].l && strcmp(b->rows[i].l->name, name) == 0)
			return i;
	return -1;
}

static bool is_veth(const struct w_link *l)
{
	return l && strcmp(l->kind, "veth") == 0;
}

static void collect_wires(struct ctx *cx, const int *boxof, int maxid)
{
	int cap = 0;

	for (int i = 0; i < cx->nb; i++) {
		struct box *b = &cx->b[i];

		for (int j = 0; j < b->nrows; j++) {
			const struct w_link *l = b->rows[j].l;
			const struct w_link *pl;
			struct box *pb;
			int k, m;
			bool back;

			if (!is_veth(l) || l->peer_ns_id < 0 ||
			    l->peer_ns_id >= maxid || !l->peer_name[0])
				continue;
			k = boxof[l->peer_ns_id];
			if (k < 0)
				continue;
			pb = &cx->b[k];
			m = find_row(pb, l->peer_name);
			if (m < 0 || (k == i && m == j))
				continue;
			pl = pb->rows[m].l;
			/* each pair once: from its first end, unless the other
			 * end does not point back (then it draws nothing) */
			back = is_veth(pl) && pl->peer_ns_id == b->ns->id &&
			       strcmp(pl->peer_name, l->name) == 0;
			if (back && (k < i || (k == i && m < j)))
				continue;
			if (b->rows[j].wire >= 0 || pb->rows[m].wire >= 0)
				continue;
			if (cx->nw == cap) {
				cap = cap ? 2 * cap : 16;
				cx->wr = xrealloc(cx->wr, (size_t)cap * sizeof *cx->wr);
			}
			memset(&cx->wr[cx->nw], 0, sizeof cx->wr[cx->nw]);
			cx->wr[cx->nw].ba = i;
			cx->wr[cx->nw].ra = j;
			cx->wr[cx->nw].bb = k;
			cx->wr[cx->nw].rb = m;
			cx->wr[cx->nw].up = link_up(l) && link_up(pl);
			b->rows[j].wire = cx->nw;
			pb->rows[m].wire = cx->nw;
			cx->nw++;
		}
	}
}

/* ---- columns ----------------------------------------------------------------- */

static int isqrt_ceil(int n)
{
	int r = 0;

	while (r * r < n)
		r++;
	return r;
}

static void add_col(int ***cols, int **ncol, int *ncols, const int *items,
                    int n)
{
	*cols = xrealloc(*cols, (size_t)(*ncols + 1) * sizeof **cols);
	*ncol = xrealloc(*ncol, (size_t)(*ncols + 1) * sizeof **ncol);
	(*cols)[*ncols] = xmalloc((size_t)(n ? n : 1) * sizeof ***cols);
	memcpy((*cols)[*ncols], items, (size_t)n * sizeof *items);
	(*ncol)[*ncols] = n;
	(*ncols)++;
}

static void make_columns(struct ctx *cx)
{
	int nb = cx->nb, n = nb - 1, R, maxd = 0, head = 0, tail = 0;
	int *adjn = xcalloc((size_t)nb + 1, sizeof *adjn);
	int *adj, *fill, *queue = xmalloc((size_t)nb * sizeof *queue);
	int *layer = xmalloc((size_t)nb * sizeof *layer);
	int **rc = NULL, *rn = NULL, nrc = 0;      /* right of the host */
	int **lc = NULL, *ln = NULL, nlc = 0;      /* left, nearest first */
	int hsum = 0;

	/* adjacency (CSR) over cross-namespace wires, sorted */
	for (int i = 0; i < cx->nw; i++) {
		if (cx->wr[i].ba == cx->wr[i].bb)
			continue;
		adjn[cx->wr[i].ba + 1]++;
		adjn[cx->wr[i].bb + 1]++;
	}
	for (int i = 0; i < nb; i++)
		adjn[i + 1] += adjn[i];
	adj = xmalloc((size_t)(adjn[nb] ? adjn[nb] : 1) * sizeof *adj);
	fill = xmalloc((size_t)nb * sizeof *fill);
	for (int i = 0; i < nb; i++)
		fill[i] = adjn[i];
	for (int i = 0; i < cx->nw; i++) {
		int a = cx->wr[i].ba, b = cx->wr[i].bb;

		if (a == b)
			continue;
		adj[fill[a]++] = b;
		adj[fill[b]++] = a;
	}
	for (int i = 0; i < nb; i++) {
		/* insertion sort: lists are short */
		for (int p = adjn[i] + 1; p < adjn[i + 1]; p++)
			for (int q = p; q > adjn[i] && adj[q - 1] > adj[q]; q--) {
				int t = adj[q];
				adj[q] = adj[q - 1];
				adj[q - 1] = t;
			}
	}

	/* BFS from the host, then from each unreached component */
	for (int i = 0; i < nb; i++)
		cx->b[i].depth = -1;
	for (int pass = 0; pass < 2; pass++) {
		int base = pass ? maxd + 1 : 0;

		for (int s = 0; s < nb; s++) {
			if (cx->b[s].depth >= 0 || (pass == 0 && s != cx->host))
				continue;
			cx->b[s].depth = base;
			queue[tail++] = s;
			while (head < tail) {
				int u = queue[head++];

				maxd = imax(maxd, cx->b[u].depth);
				for (int p = adjn[u]; p < adjn[u + 1]; p++) {
					int v = adj[p];

					if (cx->b[v].depth < 0) {
						cx->b[v].depth = cx->b[u].depth + 1;
						queue[tail++] = v;
					}
				}
			}
			if (pass == 0)
				break;
		}
	}
	for (int i = 0; i < nb; i++) {
		cx->b[i].leaf = cx->b[i].depth == 1 && i != cx->host;
		for (int p = adjn[i]; p < adjn[i + 1]; p++)
			if (adj[p] != cx->host)
				cx->b[i].leaf = false;
	}

	/* boxes per column */
	for (int i = 0; i < nb; i++)
		if (i != cx->host)
			hsum += cx->b[i].h;
	R = imax(MINR, isqrt_ceil(4 * n));
	if (n > 0) {
		int pitch = hsum / n + 2;

		R = imax(R, cx->b[cx->host].nrows / pitch + 1);
	}

	for (int d = 1; d <= maxd + 1; d++) {
		int cnt = 0, s, per;

		for (int pass = 0; pass < 2; pass++)
			for (int i = 0; i < nb; i++) {
				if (i == cx->host || cx->b[i].depth != d)
					continue;
				/* layer 1: leaves last (they may go left) */
				if (d == 1 && cx->b[i].leaf != (pass == 1))
					continue;
				if (d != 1 && pass == 1)
					continue;
				layer[cnt++] = i;
			}
		if (!cnt)
			continue;
		s = (cnt + R - 1) / R;
		per = (cnt + s - 1) / s;
		for (int k = 0; k < s; k++) {
			int lo = k * per, hi = imin(cnt, lo + per);
			bool left = d == 1 && k >= (s + 1) / 2;

			for (int j = lo; j < hi && left; j++)
				if (!cx->b[layer[j]].leaf)
					left = false;
			if (hi <= lo)
				continue;
			if (left)
				add_col(&lc, &ln, &nlc, layer + lo, hi - lo);
			else
				add_col(&rc, &rn, &nrc, layer + lo, hi - lo);
		}
	}

	cx->ncols = nlc + 1 + nrc;
	cx->hcol = nlc;
	cx->cols = xcalloc((size_t)cx->ncols, sizeof *cx->cols);
	cx->ncol = xcalloc((size_t)cx->ncols, sizeof *cx->ncol);
	for (int k = 0; k < nlc; k++) {
		cx->cols[nlc - 1 - k] = lc[k];
		cx->ncol[nlc - 1 - k] = ln[k];
	}
	cx->cols[nlc] = xmalloc(sizeof **cx->cols);
	cx->cols[nlc][0] = cx->host;
	cx->ncol[nlc] = 1;
	for (int k = 0; k < nrc; k++) {
		cx->cols[nlc + 1 + k] = rc[k];
		cx->ncol[nlc + 1 + k] = rn[k];
	}
	cx->nbands = 0;
	for (int c = 0; c < cx->ncols; c++) {
		for (int s = 0; s < cx->ncol[c]; s++) {
			cx->b[cx->cols[c][s]].col = c;
			cx->b[cx->cols[c][s]].slot = s;
		}
		if (c != cx->hcol)
			cx->nbands = imax(cx->nbands, cx->ncol[c]);
	}
	free(lc);
	free(ln);
	free(rc);
	free(rn);
	free(adjn);
	free(adj);
	free(fill);
	free(queue);
	free(layer);
}

/* ---- routing ------------------------------------------------------------------ */

static int col_of(const struct ctx *cx, int box) { return cx->b[box].col; }

static int row_y(const struct ctx *cx, int box, int row)
{
	return cx->b[box].rows[row].y;
}

static bool forbidden(const struct ctx *cx, int y)
{
	return y >= 0 && y < cx->grid_end && cx->forbid[y];
}

static bool uses_gap(const struct wire *w)
{
	return w->kind == W_LONG || (w->kind == W_ADJ && w->detour);
}

/* Which gap each gap-routed wire uses, and its track row there. */
static void assign_gaps(struct ctx *cx)
{
	int ng = cx->nbands + 1;
	int *cnt = xcalloc((size_t)ng, sizeof *cnt);
	struct { int lo, hi, wire; } *iv;
	int niv;

	iv = xmalloc((size_t)(cx->nw ? cx->nw : 1) * sizeof *iv);
	for (int i = 0; i < cx->nw; i++) {
		struct wire *w = &cx->wr[i];
		int c1, c2;

		if (!uses_gap(w))
			continue;
		if (w->ba == cx->host || w->bb == cx->host) {
			int o = w->ba == cx->host ? w->bb : w->ba;

			c1 = cx->b[o].slot;
			c2 = c1 + 1;
		} else {
			int sa = cx->b[w->ba].slot, sb = cx->b[w->bb].slot;

			if (sa < sb) { c1 = sa + 1; c2 = sb; }
			else if (sa > sb) { c1 = sb + 1; c2 = sa; }
			else { c1 = sa; c2 = sa + 1; }
		}
		w->gap = cnt[c2] < cnt[c1] ? c2 : c1;
		cnt[w->gap]++;
	}
	for (int g = 0; g < ng; g++) {
		int *end = NULL, nt = 0;

		niv = 0;
		for (int i = 0; i < cx->nw; i++)
			if (uses_gap(&cx->wr[i]) && cx->wr[i].gap == g) {
				iv[niv].lo = col_of(cx, cx->wr[i].ba);
				iv[niv].hi = col_of(cx, cx->wr[i].bb) - 1;
				iv[niv].wire = i;
				niv++;
			}
		/* left edge first fit; wires come in index order, sort by lo */
		for (int p = 1; p < niv; p++)
			for (int q = p; q > 0 && (iv[q - 1].lo > iv[q].lo ||
			     (iv[q - 1].lo == iv[q].lo && iv[q - 1].wire > iv[q].wire)); q--) {
				__typeof__(*iv) t = iv[q];
				iv[q] = iv[q - 1];
				iv[q - 1] = t;
			}
		end = xmalloc((size_t)(niv ? niv : 1) * sizeof *end);
		for (int k = 0; k < niv; k++) {
			int t = 0;

			while (t < nt && end[t] >= iv[k].lo)
				t++;
			if (t == nt)
				nt++;
			end[t] = iv[k].hi;
			cx->wr[iv[k].wire].gtrack = t;
		}
		cx->gap_ntr[g] = nt;
		free(end);
	}
	free(iv);
	free(cnt);
}

/* Bands, gaps and the rows of every box but the host. */
static void geometry(struct ctx *cx)
{
	int nbd = cx->nbands, y = 0;

	for (int r = 0; r < nbd; r++)
		cx->band_h[r] = 0;
	for (int c = 0; c < cx->ncols; c++) {
		if (c == cx->hcol)
			continue;
		for (int s = 0; s < cx->ncol[c]; s++)
			cx->band_h[s] = imax(cx->band_h[s], cx->b[cx->cols[c][s]].h);
	}
	for (int g = 0; g <= nbd; g++) {
		int nt = cx->gap_ntr[g];

		cx->gap_top[g] = y;
		cx->gap_h[g] = nt ? 2 * nt + 1 : (g == 0 || g == nbd) ? 0 : 1;
		y += cx->gap_h[g];
		if (g < nbd) {
			cx->band_top[g] = y;
			y += cx->band_h[g];
		}
	}
	cx->grid_end = y;
	free(cx->forbid);
	cx->forbid = xcalloc((size_t)(y ? y : 1), 1);
	for (int g = 0; g <= nbd; g++)
		for (int k = 0; k < cx->gap_ntr[g]; k++)
			cx->forbid[cx->gap_top[g] + 1 + 2 * k] = 1;
	for (int i = 0; i < cx->nb; i++) {
		struct box *b = &cx->b[i];

		if (i == cx->host)
			continue;
		b->y = cx->band_top[b->slot];
		for (int k = 0; k < b->nrows; k++)
			b->rows[b->order[k]].y = b->y + 1 + k;
	}
	for (int i = 0; i < cx->nw; i++) {
		struct wire *w = &cx->wr[i];

		if (uses_gap(w))
			w->yg = cx->gap_top[w->gap] + 1 + 2 * w->gtrack;
	}
}

/* The host's rows: next to what they are wired to, never on a gap track. */
static void host_rows(struct ctx *cx)
{
	struct box *h = &cx->b[cx->host];
	int f = -1, y;

	for (int i = 0; i < h->nrows; i++) {
		struct row *r = &h->rows[i];
		const struct wire *w;
		int o, orow;

		r->desire = NODESIRE;
		if (r->wire < 0)
			continue;
		w = &cx->wr[r->wire];
		o = w->ba == cx->host ? w->bb : w->ba;
		orow = w->ba == cx->host ? w->rb : w->ra;
		if (o == cx->host)
			continue;                   /* a loop: with the rest */
		if (uses_gap(w))
			r->desire = w->yg;
		else
			r->desire = row_y(cx, o, orow);
	}
	box_order(h);
	for (int k = 0; k < h->nrows && f < 0; k++)
		if (h->rows[h->order[k]].desire != NODESIRE)
			f = k;
	if (f < 0) {
		y = 0;
		for (int k = 0; k < h->nrows; k++) {
			y++;
			while (forbidden(cx, y))
				y++;
			h->rows[h->order[k]].y = y;
		}
	} else {
		y = h->rows[h->order[f]].desire;
		while (forbidden(cx, y))
			y++;
		h->rows[h->order[f]].y = y;
		for (int k = f + 1; k < h->nrows; k++) {
			struct row *r = &h->rows[h->order[k]];

			y = imax(y + 1, r->desire);
			while (forbidden(cx, y))
				y++;
			r->y = y;
		}
		y = h->rows[h->order[f]].y;
		for (int k = f - 1; k >= 0; k--) {
			y--;
			while (forbidden(cx, y))
				y--;
			h->rows[h->order[k]].y = y;
		}
	}
	h->y = h->rows[h->order[0]].y - 1;
	h->h = h->rows[h->order[h->nrows - 1]].y - h->y + 2;
}

/* Route adjacent wires; returns true when one had to take a gap. */
static bool route_adjacent(struct ctx *cx)
{
	int ymin = imin(0, cx->b[cx->host].y);
	int ymax = imax(cx->grid_end, cx->b[cx->host].y + cx->b[cx->host].h);
	int span = ymax - ymin;
	unsigned char *ratt = xcalloc((size_t)cx->ncols * (size_t)span, 1);
	unsigned char *latt = xcalloc((size_t)cx->ncols * (size_t)span, 1);
	bool changed = false;

#define ATT(a, c, y) a[(size_t)(c) * (size_t)span + (size_t)((y) - ymin)]
	for (int i = 0; i < cx->nw; i++) {
		const struct wire *w = &cx->wr[i];

		ATT(ratt, col_of(cx, w->ba), row_y(cx, w->ba, w->ra)) = 1;
		if (w->kind == W_SAME)
			ATT(ratt, col_of(cx, w->bb), row_y(cx, w->bb, w->rb)) = 1;
		else
			ATT(latt, col_of(cx, w->bb), row_y(cx, w->bb, w->rb)) = 1;
	}
	for (int i = 0; i < cx->nw; i++) {
		struct wire *w = &cx->wr[i];
		int ya = row_y(cx, w->ba, w->ra), yb = row_y(cx, w->bb, w->rb);

		if (w->kind == W_SAME) {
			w->route = R_SAME;
			continue;
		}
		if (uses_gap(w)) {
			w->route = R_GAP;
			continue;
		}
		if (ya == yb)
			w->route = R_STRAIGHT;
		else if (!ATT(ratt, col_of(cx, w->ba), yb))
			w->route = R_LEFT;
		else if (!ATT(latt, col_of(cx, w->bb), ya))
			w->route = R_RIGHT;
		else {
			w->detour = true;
			w->route = R_GAP;
			changed = true;
		}
	}
#undef ATT
	free(ratt);
	free(latt);
	return changed;
}

static int cmp_iv(const void *pa, const void *pb)
{
	const struct chan_iv *a = pa, *b = pb;

	if (a->y1 != b->y1)
		return a->y1 < b->y1 ? -1 : 1;
	if (a->y2 != b->y2)
		return a->y2 < b->y2 ? -1 : 1;
	return a->wire < b->wire ? -1 : a->wire > b->wire;
}

/* Vertical tracks in each channel, shared by wires whose extents are at
 * least one row apart. */
static void assign_tracks(struct ctx *cx)
{
	struct chan_iv *iv = xmalloc((size_t)(cx->nw ? cx->nw : 1) * sizeof *iv);
	int *end = xmalloc((size_t)(cx->nw ? cx->nw : 1) * sizeof *end);

	for (int c = 0; c < cx->ncols; c++) {
		for (int side = 0; side < 2; side++) {
			int niv = 0, nt = 0;

			for (int i = 0; i < cx->nw; i++) {
				struct wire *w = &cx->wr[i];
				int ya = row_y(cx, w->ba, w->ra);
				int yb = row_y(cx, w->bb, w->rb);
				int ca = col_of(cx, w->ba), cb = col_of(cx, w->bb);
				int y1, y2;

				if (side == 0) {
					if (ca != c || !(w->route == R_LEFT ||
					    w->route == R_SAME || w->route == R_GAP))
						continue;
					y1 = ya;
					y2 = w->route == R_GAP ? w->yg : yb;
				} else {
					if (cb - 1 != c || !(w->route == R_RIGHT ||
					    w->route == R_GAP))
						continue;
					y1 = w->route == R_GAP ? w->yg : ya;
					y2 = yb;
				}
				iv[niv].y1 = imin(y1, y2);
				iv[niv].y2 = imax(y1, y2);
				iv[niv].wire = i;
				iv[niv].right = side;
				niv++;
			}
			qsort(iv, (size_t)niv, sizeof *iv, cmp_iv);
			for (int k = 0; k < niv; k++) {
				int t = 0;

				while (t < nt && end[t] + 1 >= iv[k].y1)
					t++;
				if (t == nt)
					nt++;
				end[t] = iv[k].y2;
				if (side == 0)
					cx->wr[iv[k].wire].lt = t;
				else
					cx->wr[iv[k].wire].rt = t;
			}
			if (side == 0)
				cx->ch_l[c] = nt;
			else
				cx->ch_r[c] = nt;
		}
	}
	free(iv);
	free(end);
}

static void place_columns(struct ctx *cx)
{
	int x = 0;

	for (int c = 0; c < cx->ncols; c++) {
		int w = 0;

		for (int s = 0; s < cx->ncol[c]; s++)
			w = imax(w, cx->b[cx->cols[c][s]].w);
		cx->col_x[c] = x;
		cx->col_w[c] = w;
		for (int s = 0; s < cx->ncol[c]; s++) {
			cx->b[cx->cols[c][s]].x = x;
			cx->b[cx->cols[c][s]].w = w;
		}
		x += w;
		cx->ch_x[c] = x;
		if (c + 1 < cx->ncols)
			cx->ch_w[c] = imax(MINCH, 2 * (cx->ch_l[c] + cx->ch_r[c]) + 1);
		else
			cx->ch_w[c] = cx->ch_l[c] ? 2 * cx->ch_l[c] + 1 : 0;
		x += cx->ch_w[c];
	}
}

static int ltrack_x(const struct ctx *cx, int c, int t)
{
	return cx->ch_x[c] + 1 + 2 * t;
}

static int rtrack_x(const struct ctx *cx, int c, int t)
{
	return cx->ch_x[c] + cx->ch_w[c] - 2 - 2 * (cx->ch_r[c] - 1 - t);
}

/* ---- drawing ------------------------------------------------------------------ */

struct paint {
	int *hown, *vown;          /* wire + 1 owning the cell's H / V, 0 */
	unsigned char *arms;
};

static void draw_box(struct ctx *cx, struct topo *t, int bi)
{
	const struct box *b = &cx->b[bi];
	bool sel = b->ns->id == cx->selected;
	const uint32_t *bg = cx->g->box[sel];
	int bc = sel ? TC_BOX_SELECTED : TC_BOX;
	int x0 = b->x, y0 = b->y, x1 = b->x + b->w - 1, y1 = b->y + b->h - 1;
	int tx;

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
	                      imin(TITLE_MAX, b->w - 6), TC_TITLE);
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
				put(t, px, y, tg[0], TC_TEXT);
				put(t, px + 1, y, tg[1], TC_TEXT);
			} else if (!a->last) {
				put(t, px, y, cx->g->tree_bar, TC_TEXT);
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
				put(t, px, yy, cx->g->tree_bar, TC_TEXT);
		}
		x += tree_prefix_len(r);
		put_str(cx, t, x, y, r->l->name, W_IFNAMSIZ, TC_TEXT);
		x = x0 + 2 + b->nw + 1;
		put_str(cx, t, x, y, r->state, b->sw,
		        r->up ? TC_STATE_UP : TC_STATE_DOWN);
		x += b->sw + 1;
		put_str(cx, t, x, y, r->addr, b->aw, TC_LABEL);
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
	    t->c.cells[i].cls != TC_WIRE_DOWN)
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
	int prev_arm = 0, cls = w->up ? TC_WIRE_UP : TC_WIRE_DOWN;
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

static void draw_wires(struct ctx *cx, struct topo *t)
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
			PT(ltrack_x(cx, ca, w->lt), ya);
			PT(ltrack_x(cx, ca, w->lt), yb);
			PT(bxl, yb);
			break;
		case R_RIGHT:
			PT(rtrack_x(cx, ca, w->rt), ya);
			PT(rtrack_x(cx, ca, w->rt), yb);
			PT(bxl, yb);
			break;
		case R_SAME:
			PT(ltrack_x(cx, ca, w->lt), ya);
			PT(ltrack_x(cx, ca, w->lt), yb);
			PT(bxr, yb);
			break;
		case R_GAP:
			PT(ltrack_x(cx, ca, w->lt), ya);
			PT(ltrack_x(cx, ca, w->lt), w->yg);
			PT(rtrack_x(cx, cb - 1, w->rt), w->yg);
			PT(rtrack_x(cx, cb - 1, w->rt), yb);
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
		if (arms == (A_E | A_W))
			t->c.cells[i].ch = cx->g->wh[down];
		else if (arms == (A_N | A_S))
			t->c.cells[i].ch = cx->g->wv[down];
		else
			t->c.cells[i].ch = cx->g->arms[arms];
		t->c.cells[i].cls = down ? TC_WIRE_DOWN : TC_WIRE_UP;
	}
	free(p.hown);
	free(p.vown);
	free(p.arms);
}

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
	struct ctx cx;
	const struct w_ns **nss;
	int *boxof, maxid = 0, shift, ymin, ymax, iter;

	memset(out, 0, sizeof *out);
	if (!w || !w->nns)
		return;
	memset(&cx, 0, sizeof cx);
	cx.g = ascii ? &g_ascii : &g_utf8;
	cx.ascii = ascii;
	cx.selected = selected_ns_id;

	/* boxes: the host first, then named, then unnamed namespaces */
	nss = xmalloc(w->nns * sizeof *nss);
	for (size_t i = 0; i < w->nns; i++) {
		nss[i] = w->ns[i];
		maxid = imax(maxid, w->ns[i]->id + 1);
	}
	qsort(nss, w->nns, sizeof *nss, cmp_ns);
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
		box_rows(b);
	}
	free(nss);
	cx.host = 0;
	collect_wires(&cx, boxof, maxid);
	free(boxof);
	for (int i = 0; i < cx.nb; i++) {
		box_order(&cx.b[i]);
		box_measure(&cx, &cx.b[i]);
		cx.b[i].h = cx.b[i].nrows + 2;
	}

	make_columns(&cx);
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
		assign_gaps(&cx);
		geometry(&cx);
		host_rows(&cx);
		if (!route_adjacent(&cx))
			break;
	}

	cx.ch_l = xcalloc((size_t)cx.ncols, sizeof *cx.ch_l);
	cx.ch_r = xcalloc((size_t)cx.ncols, sizeof *cx.ch_r);
	cx.ch_x = xcalloc((size_t)cx.ncols, sizeof *cx.ch_x);
	cx.ch_w = xcalloc((size_t)cx.ncols, sizeof *cx.ch_w);
	cx.col_x = xcalloc((size_t)cx.ncols, sizeof *cx.col_x);
	cx.col_w = xcalloc((size_t)cx.ncols, sizeof *cx.col_w);
	assign_tracks(&cx);
	place_columns(&cx);

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
		draw_box(&cx, out, i);
	}
	draw_wires(&cx, out);
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
