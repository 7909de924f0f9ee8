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

static int clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

void layout_compute(int cols, int rows, struct layout *l)
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
