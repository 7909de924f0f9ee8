/* SPDX-License-Identifier: GPL-2.0-or-later */
/* route.c - how the topology view's wires run: which gap track a long
 * wire takes, how a wire between adjacent columns bends, the vertical
 * tracks of every channel. */
#include "ui/topo/topo_int.h"

#include <linux/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

bool tp_uses_gap(const struct wire *w)
{
	return w->kind == W_LONG || (w->kind == W_ADJ && w->detour);
}

/* Which gap each gap-routed wire uses, and its track row there. */
void tp_assign_gaps(struct ctx *cx)
{
	int ng = cx->nbands + 1;
	int *cnt = xcalloc((size_t)ng, sizeof *cnt);
	struct { int lo, hi, wire; } *iv;
	int niv;

	iv = xmalloc((size_t)(cx->nw ? cx->nw : 1) * sizeof *iv);
	for (int i = 0; i < cx->nw; i++) {
		struct wire *w = &cx->wr[i];
		int c1, c2;

		if (!tp_uses_gap(w))
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
			if (tp_uses_gap(&cx->wr[i]) && cx->wr[i].gap == g) {
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

/* Route adjacent wires; returns true when one had to take a gap. */
bool tp_route_adjacent(struct ctx *cx)
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
		if (tp_uses_gap(w)) {
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
void tp_assign_tracks(struct ctx *cx)
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

int tp_ltrack_x(const struct ctx *cx, int c, int t)
{
	return cx->ch_x[c] + 1 + 2 * t;
}

int tp_rtrack_x(const struct ctx *cx, int c, int t)
{
	return cx->ch_x[c] + cx->ch_w[c] - 2 - 2 * (cx->ch_r[c] - 1 - t);
}

