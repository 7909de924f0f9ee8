/* SPDX-License-Identifier: GPL-2.0-or-later */
/* topo_int.h - the topology view's phases and the model they share
 * (private to src/ui/topo/; the public interface is ui/topo.h).
 *
 *   model.c   what is drawn: boxes (namespaces) with their rows
 *             (interfaces, in tree order), wires (veth pairs)
 *   place.c   where: columns by veth distance from the host, bands and
 *             gaps, the host's rows, the columns' x
 *   route.c   how wires run: gap tracks, adjacent wires' bends, the
 *             channels' vertical tracks
 *   paint.c   the canvas: boxes, wires cell by cell, glyphs, text dumps
 *   render.c  topo_render(): the phases in order, and the look-ups
 */
#ifndef NSVIZ_UI_TOPO_INT_H
#define NSVIZ_UI_TOPO_INT_H

#include <limits.h>
#include <string.h>

#include "ui/topo.h"

#define NODESIRE INT_MIN
#define MAXDEPTH 4             /* bridge / bond nesting shown */
#define TITLE_MAX 40           /* code points of a box title */
#define MINCH 4                /* narrowest channel between columns */
#define MINR 6                 /* boxes per column, at least */
#define PEER_MAX 28            /* code points of a wire end's label */
#define OV_TITLE_MAX 20        /* ... of a name in the overview */

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

extern const struct glyphs tp_g_utf8, tp_g_ascii;

/* ---- the model of the drawing -------------------------------------------- */

struct row {
	const struct w_link *l;    /* NULL: the "(none)" row of an empty box */
	char state[24];
	char addr[96];
	char peer[W_NSNAME_MAX + W_IFNAMSIZ + 8];  /* "→ ns:if" at a wire's end */
	bool cap;                  /* being captured: " [cap]" after it */
	int hop;                   /* on why's path: " [why N]", 0 not */
	bool stop;                 /* ... where it stops: " [why N: stops]" */
	char imp[16];              /* its root qdisc's kind when it impairs
	                              the link: " ~netem" after it; "" */
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
	bool router;               /* " (router)" after the title */
	struct row *rows;
	int nrows;
	int *order;                /* display order: row indices */
	int col, slot;
	int depth;
	bool leaf;
	int x, y, w, h;
	int nw, sw, aw, pw;        /* field widths: name (with tree), state,
	                              addr, peer */
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
	bool overview;             /* boxes shrink to their names: a row
	                              per wire, no top or bottom border */
	int pad;                   /* rows of border above and below: 1, 0 */
	int fit_h;                 /* overview: rows to fit in, 0 any */
	const struct topo_mark *captured;
	size_t ncaptured;
	const struct topo_mark *path;
	size_t npath;
	int path_stop;
	const char *selected_if;
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

/* ---- small helpers ---------------------------------------------------------- */

static inline int imax(int a, int b) { return a > b ? a : b; }
static inline int imin(int a, int b) { return a < b ? a : b; }

static inline int col_of(const struct ctx *cx, int box) { return cx->b[box].col; }

static inline int row_y(const struct ctx *cx, int box, int row)
{
	return cx->b[box].rows[row].y;
}

static inline bool forbidden(const struct ctx *cx, int y)
{
	return y >= 0 && y < cx->grid_end && cx->forbid[y];
}

static inline int tree_prefix_len(const struct row *r)
{
	return 2 * r->depth;
}

/* A bridge's row: its name drawn as a node, "[br0]" */
static inline bool row_bridge(const struct row *r)
{
	return r->l && strcmp(r->l->kind, "bridge") == 0;
}

/* A port of a bridge: its line to the bridge drawn as a wire */
static inline bool row_on_bus(const struct box *b, const struct row *r)
{
	return r->parent >= 0 && row_bridge(&b->rows[r->parent]);
}

/* ---- model.c ---------------------------------------------------------------- */

uint32_t tp_u8_next(const char *s, size_t *i);
int tp_u8_width(const char *s);
/* qsort order of namespaces: the host, named (by version sort), unnamed */
int tp_cmp_ns(const void *pa, const void *pb);
/* b->rows from the namespace's links: states, addresses, masters */
void tp_box_rows(struct box *b);
/* b->order: masters before their ports, siblings by desire, then index */
void tp_box_order(struct box *b);
/* Each wired row's label: where its wire goes ("→ ns:if", or "→ if" in
 * the same namespace). */
void tp_peer_labels(struct ctx *cx);
/* " [cap]" after the label of every interface being captured */
void tp_capture_marks(struct ctx *cx);
/* " [why N]" after the rows on why's path (the first mark a row gets) */
void tp_path_marks(struct ctx *cx);
/* the text of r's why mark into buf ("" none) */
void tp_path_label(const struct row *r, bool lead, char *buf, size_t len);
/* " ~KIND" after the label of every interface whose root qdisc delays,
 * drops or limits what it sends (issue 14) */
void tp_impair_marks(struct ctx *cx);
/* the width of r's marks after its peer label */
int tp_marks_width(const struct row *r);
/* Overview: only the rows that carry a wire, flat (no tree), no text. */
void tp_overview_rows(struct ctx *cx);
/* the mark after a router's title: " (router)", " (R)" in the overview */
const char *tp_router_tag(const struct ctx *cx);
/* b->w and the field widths */
void tp_box_measure(struct ctx *cx, struct box *b);
/* cx->wr: every veth pair once; boxof maps ns ids (< maxid) to boxes */
void tp_collect_wires(struct ctx *cx, const int *boxof, int maxid);

/* ---- place.c ---------------------------------------------------------------- */

void tp_make_columns(struct ctx *cx);
void tp_geometry(struct ctx *cx);
void tp_host_rows(struct ctx *cx);
void tp_place_columns(struct ctx *cx);

/* ---- route.c ---------------------------------------------------------------- */

bool tp_uses_gap(const struct wire *w);
void tp_assign_gaps(struct ctx *cx);
bool tp_route_adjacent(struct ctx *cx);
void tp_assign_tracks(struct ctx *cx);
int tp_ltrack_x(const struct ctx *cx, int c, int t);
int tp_rtrack_x(const struct ctx *cx, int c, int t);

/* ---- paint.c ---------------------------------------------------------------- */

void tp_draw_box(struct ctx *cx, struct topo *t, int bi);
void tp_draw_wires(struct ctx *cx, struct topo *t);

#endif
