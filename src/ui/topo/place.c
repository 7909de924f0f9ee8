/* SPDX-License-Identifier: GPL-2.0-or-later */
/* place.c - where the topology view's boxes go (see render.c for the
 * whole layout): columns, bands and gaps, the host's rows, the x of every
 * column once the channels between them are known. */
#include "ui/topo/topo_int.h"

#include <linux/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

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

/* The overview's first layer: in the two columns beside the host, as a
 * column further out costs each of its wires gap tracks (two rows); the
 * leaves (at the end of layer[]) go left, as many as balance the two
 * columns' heights.  False when there is no leaf to put left. */
static bool overview_split(const struct ctx *cx, const int *layer, int cnt,
                           int ***rc, int **rn, int *nrc,
                           int ***lc, int **ln, int *nlc)
{
	int first_leaf = cnt, total = 0, acc = 0, cut;

	for (int j = 0; j < cnt; j++) {
		if (first_leaf == cnt && cx->b[layer[j]].leaf)
			first_leaf = j;
		total += cx->b[layer[j]].h + (cx->b[layer[j]].h > 1);
	}
	if (first_leaf == cnt)
		return false;
	for (cut = 0; cut < cnt && 2 * acc < total; cut++)
		acc += cx->b[layer[cut]].h + (cx->b[layer[cut]].h > 1);
	cut = imax(cut, first_leaf);
	if (cut > 0)
		add_col(rc, rn, nrc, layer, cut);
	if (cut < cnt)
		add_col(lc, ln, nlc, layer + cut, cnt - cut);
	return true;
}

void tp_make_columns(struct ctx *cx)
{
	int nb = cx->nb, n = nb - 1, R, maxd = 0, head = 0, tail = 0;
	int *adjn = xcalloc((size_t)nb + 1, sizeof *adjn);
	int *adj, *fill, *queue = xmalloc((size_t)nb * sizeof *queue);
	int *layer = xmalloc((size_t)nb * sizeof *layer);
	int **rc = NULL, *rn = NULL, nrc = 0;      /* right of the host */
	int **lc = NULL, *ln = NULL, nlc = 0;      /* left, nearest first */
	int hsum = 0, multi = 0;

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
		if (i != cx->host) {
			hsum += cx->b[i].h;
			multi += cx->b[i].h > 1;
		}
	R = imax(MINR, isqrt_ceil(4 * n));
	if (n > 0) {
		/* a box and the gap below it (none between the overview's
		 * one-row boxes) */
		int pitch = cx->overview ? imax(1, (hsum + multi + n - 1) / n) :
		            hsum / n + 2;

		if (cx->fit_h > 0)      /* the overview: as many as fit */
			R = imax(1, cx->fit_h / pitch);
		/* the host's rows beside the others' (the overview's
		 * host has two sides to them) */
		R = imax(R, cx->b[cx->host].nrows / (cx->overview ? 2 : 1) /
		            pitch + 1);
	}
	/* Stable placement: the full view's columns hold MINR boxes times
	 * a power of two, and fill up in order, so that a namespace that
	 * comes or goes moves only those after it (layer by layer, wired
	 * ones before leaves, by name); everything moves only when the
	 * world crosses a size (here at 10, 37 and 145 namespaces of the
	 * same shape). */
	if (!cx->overview) {
		int r = MINR;

		while (r < R)
			r *= 2;
		R = r;
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
		if (d == 1 && cx->overview && overview_split(cx, layer, cnt,
		                                             &rc, &rn, &nrc,
		                                             &lc, &ln, &nlc))
			continue;
		s = (cnt + R - 1) / R;
		per = cx->overview ? (cnt + s - 1) / s : R;
		for (int k = 0; k < s; k++) {
			int lo = k * per, hi = imin(cnt, lo + per);
			/* the first layer's columns of leaves alternate: right,
			 * left, right ... (a new one does not move the others
			 * to the other side) */
			bool left = d == 1 && (cx->overview ? k >= (s + 1) / 2 :
			                       k % 2 == 1);

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

/* Bands, gaps and the rows of every box but the host. */
void tp_geometry(struct ctx *cx)
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
		/* the overview's one-row boxes ([ name ]) may touch */
		if (!nt && cx->overview && g > 0 && g < nbd &&
		    cx->band_h[g - 1] == 1 && cx->band_h[g] == 1)
			cx->gap_h[g] = 0;
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
			b->rows[b->order[k]].y = b->y + cx->pad + k;
	}
	for (int i = 0; i < cx->nw; i++) {
		struct wire *w = &cx->wr[i];

		if (tp_uses_gap(w))
			w->yg = cx->gap_top[w->gap] + 1 + 2 * w->gtrack;
	}
}

/* The overview's host: its rows carry no text, so a wire on the left
 * border and one on the right may share a row; each side's rows are
 * placed as the full view places all of them (in order, each at its
 * desired row or below the one before). */
static bool host_row_left(const struct ctx *cx, const struct row *r)
{
	const struct wire *w;
	int o;

	if (r->wire < 0)
		return false;
	w = &cx->wr[r->wire];
	o = w->ba == cx->host ? w->bb : w->ba;
	return o != cx->host && col_of(cx, o) < cx->hcol;
}

static void host_rows_sides(struct ctx *cx, struct box *h)
{
	int base = INT_MAX, lo = INT_MAX, hi = INT_MIN;

	for (int k = 0; k < h->nrows; k++)
		if (h->rows[k].desire != NODESIRE)
			base = imin(base, h->rows[k].desire);
	if (base == INT_MAX)
		base = 1;
	for (int side = 0; side < 2; side++) {
		int nnd = 0, prev, y;

		for (int k = 0; k < h->nrows; k++)
			if (host_row_left(cx, &h->rows[k]) == side &&
			    h->rows[k].desire == NODESIRE)
				nnd++;
		prev = base - 1 - nnd;
		for (int k = 0; k < h->nrows; k++) {
			struct row *r = &h->rows[h->order[k]];

			if (host_row_left(cx, r) != side)
				continue;
			y = r->desire == NODESIRE ? prev + 1 :
			    imax(prev + 1, r->desire);
			while (forbidden(cx, y))
				y++;
			r->y = prev = y;
			lo = imin(lo, y);
			hi = imax(hi, y);
		}
	}
	h->y = lo - cx->pad;
	h->h = hi - lo + 1 + 2 * cx->pad;
}

/* The host's rows: next to what they are wired to, never on a gap track. */
void tp_host_rows(struct ctx *cx)
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
		if (tp_uses_gap(w))
			r->desire = w->yg;
		else
			r->desire = row_y(cx, o, orow);
	}
	tp_box_order(h);
	if (cx->overview) {
		host_rows_sides(cx, h);
		return;
	}
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
	h->y = h->rows[h->order[0]].y - cx->pad;
	h->h = h->rows[h->order[h->nrows - 1]].y - h->y + 1 + cx->pad;
}


void tp_place_columns(struct ctx *cx)
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

