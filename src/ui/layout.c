/* SPDX-License-Identifier: GPL-2.0-or-later */
/* layout.c - panel geometry.
 *
 *   title                                              (1 line)
 *   namespaces | interfaces                            (the rest,
 *              |-----------                             split 3:2
 *              | routes                                 on the right)
 *   log                                                (about a quarter)
 *   key bar                                            (1 line)
 *
 * The namespaces column takes about a third of the width, never less than
 * 24 columns nor more than 44. */
#include "ui/layout.h"

#include <stdio.h>
#include <string.h>

static int clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

void layout_compute(int cols, int rows, struct layout *l)
{
	layout_compute_log(cols, rows, 0, l);
}

void layout_compute_log(int cols, int rows, int log_lines, struct layout *l)
{
	int body, log_h, nsw, top, right_w, if_h;

	*l = (struct layout){ 0 };
	if (cols < LAYOUT_MIN_W || rows < LAYOUT_MIN_H) {
		l->too_small = true;
		return;
	}
	l->title = (struct rect){ 0, 0, cols, 1 };
	l->keys = (struct rect){ 0, rows - 1, cols, 1 };
	body = rows - 2;
	/* the log's lines and its borders; the panels keep 8 rows */
	if (log_lines > 0)
		log_h = clamp(log_lines + 2, 4, body - 8 > 4 ? body - 8 : 4);
	else
		log_h = clamp(body / 4, 4, 12);
	l->log = (struct rect){ 0, rows - 1 - log_h, cols, log_h };
	top = body - log_h;
	l->main = (struct rect){ 0, 1, cols, top };
	nsw = clamp(cols / 3, 24, 44);
	l->ns = (struct rect){ 0, 1, nsw, top };
	right_w = cols - nsw;
	if_h = clamp(top * 3 / 5, 4, top - 3);
	l->ifs = (struct rect){ nsw, 1, right_w, if_h };
	l->routes = (struct rect){ nsw, 1 + if_h, right_w, top - if_h };
}

int layout_body_rows(const struct rect *r, bool header)
{
	int n = r->h - 2 - (header ? 1 : 0);
	return n < 0 ? 0 : n;
}

int layout_scroll(int sel, int top, int n, int rows)
{
	if (rows <= 0 || n <= 0)
		return 0;
	if (sel < top)
		top = sel;
	if (sel >= top + rows)
		top = sel - rows + 1;
	if (top > n - rows)
		top = n - rows;
	if (top < 0)
		top = 0;
	return top;
}

bool rect_contains(const struct rect *r, int x, int y)
{
	return x >= r->x && x < r->x + r->w && y >= r->y && y < r->y + r->h;
}

/* Every column gets what it wants when that fits.  Otherwise columns are
 * hidden, highest `drop` first (0: never), until their minimums fit; then
 * the shown columns give up width, lowest `shrink` first, each down to
 * its minimum.  Width left over goes to the column marked `grow` (the
 * first one, if any).  One space between shown columns. */
int layout_columns(const struct layout_col *c, int n, int width, int *w)
{
	int total = 0, shown = 0, over, last = 0;

	for (int i = 0; i < n; i++) {
		w[i] = c[i].want > c[i].min ? c[i].want : c[i].min;
		if (c[i].shrink > last)
			last = c[i].shrink;
	}
	/* hide columns while even the minimums do not fit */
	for (;;) {
		int mins = 0, nshown = 0, worst = -1;

		for (int i = 0; i < n; i++)
			if (w[i]) {
				mins += c[i].min;
				nshown++;
				if (c[i].drop > 0 &&
				    (worst < 0 || c[i].drop > c[worst].drop))
					worst = i;
			}
		if (nshown)
			mins += nshown - 1;
		if (mins <= width || worst < 0)
			break;
		w[worst] = 0;
	}
	for (int i = 0; i < n; i++)
		if (w[i]) {
			total += w[i];
			shown++;
		}
	if (shown)
		total += shown - 1;
	/* shrink, in order, down to the minimums */
	over = total - width;
	for (int order = 0; over > 0 && order <= last; order++)
		for (int i = 0; i < n && over > 0; i++) {
			int give;

			if (!w[i] || c[i].shrink != order)
				continue;
			give = w[i] - c[i].min;
			if (give > over)
				give = over;
			if (give > 0) {
				w[i] -= give;
				over -= give;
			}
		}
	/* what is left over widens the growing column */
	if (over < 0)
		for (int i = 0; i < n; i++)
			if (w[i] && c[i].grow) {
				w[i] += -over;
				break;
			}
	return shown;
}

/* Space-separated words in `width` cells: as many whole words as fit,
 * then " +N" for the N left out; when not even the first word and " +N"
 * fit, the first word and "+", or the first word cut to the width.
 * ASCII words (addresses), so a byte is a cell. */
void layout_fit_words(const char *words, int width, char *out, size_t len)
{
	size_t used = 0;
	int nwords = 0, shown = 0;
	const char *p;

	if (!len)
		return;
	out[0] = '\0';
	if (width <= 0)
		return;
	for (p = words; *p;) {
		size_t n;

		p += strspn(p, " ");
		if (!*p)
			break;
		n = strcspn(p, " ");
		nwords++;
		p += n;
	}
	for (p = words; *p && shown < nwords;) {
		size_t n, need;
		char more[16];
		int left;

		p += strspn(p, " ");
		n = strcspn(p, " ");
		left = nwords - shown - 1;
		more[0] = '\0';
		if (left)
			snprintf(more, sizeof more, " +%d", left);
		need = (used ? 1 : 0) + n;
		/* this word fits, and so does the " +N" after it if needed */
		if (used + need + strlen(more) <= (size_t)width) {
			if (used + need + 1 > len)
				break;
			if (used)
				out[used++] = ' ';
			memcpy(out + used, p, n);
			used += n;
			out[used] = '\0';
			shown++;
			p += n;
			continue;
		}
		break;
	}
	if (shown == nwords)
		return;
	if (!shown) {
		/* the first word with "+" when there is room for it, else
		 * the first word, cut to the width */
		size_t n;

		p = words + strspn(words, " ");
		n = strcspn(p, " ");
		if (n > (size_t)width)
			n = (size_t)width;
		if (n + 1 > len)
			n = len - 1;
		memcpy(out, p, n);
		out[n] = '\0';
		if (n < (size_t)width && n + 2 <= len && p[n] == ' ')
			memcpy(out + n, "+", 2);
		return;
	}
	snprintf(out + used, len - used, " +%d", nwords - shown);
}
