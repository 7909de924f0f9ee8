/* SPDX-License-Identifier: GPL-2.0-or-later */
/* layout.h - where each panel goes for a terminal of a given size.
 * Pure arithmetic, unit-tested: the UI only asks and draws. */
#ifndef NSVIZ_LAYOUT_H
#define NSVIZ_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#define LAYOUT_MIN_W 60
#define LAYOUT_MIN_H 16

struct rect { int x, y, w, h; };

struct layout {
	bool too_small;         /* draw only "enlarge to at least W x H" */
	struct rect title;      /* top line: name, mode badge, counts */
	struct rect ns;         /* namespaces (left column) */
	struct rect ifs;        /* interfaces of the selected namespace */
	struct rect routes;     /* its routes */
	struct rect log;        /* the log, full width */
	struct rect keys;       /* the key bar, last line */
	struct rect main;       /* everything between title and log: the
	                           topology view uses it whole */
};

void layout_compute(int cols, int rows, struct layout *l);
/* log_lines: how many lines the user wants for the log (0 = a quarter
 * of the height, 2 to 10 lines); the panels keep at least 8 rows */
void layout_compute_log(int cols, int rows, int log_lines,
                        struct layout *l);

/* Rows of content inside a bordered panel (h minus borders and header). */
int layout_body_rows(const struct rect *r, bool header);

/* First row to show so that sel stays visible, scrolling as little as
 * possible from top. */
int layout_scroll(int sel, int top, int n, int rows);

bool rect_contains(const struct rect *r, int x, int y);

/* Columns of a table in a panel `width` cells wide. */
struct layout_col {
	int want;               /* the widest cell, header included */
	int min;                /* narrowest it may be shown */
	int drop;               /* hidden first when even the minimums do
	                           not fit: highest first; 0 = never */
	int shrink;             /* order in which shown columns give up
	                           width (0 first), down to min */
	bool grow;              /* takes the width nobody wants */
};

/* Fills w[0..n-1] with each column's width, 0 for a hidden one; returns
 * how many are shown.  The shown widths plus one space between columns
 * fit `width` unless even the columns that are never hidden do not fit
 * at their minimums. */
int layout_columns(const struct layout_col *c, int n, int width, int *w);

/* Space-separated words (addresses) in `width` cells: the whole words
 * that fit, then " +N" for the N left out; when not even the first
 * with " +N" fits, the first and "+" (cut to the width if need be). */
void layout_fit_words(const char *words, int width, char *out, size_t len);

#endif
