/* layout.h - where each panel goes for a terminal of a given size.
 * Pure arithmetic, unit-tested: the UI only asks and draws. */
#ifndef NSVIZ_LAYOUT_H
#define NSVIZ_LAYOUT_H

#include <stdbool.h>

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

/* log_lines: how many lines the user wants for the log (0 = default) */
void layout_compute(int cols, int rows, struct layout *l);

/* Rows of content inside a bordered panel (h minus borders and header). */
int layout_body_rows(const struct rect *r, bool header);

/* First row to show so that sel stays visible, scrolling as little as
 * possible from top. */
int layout_scroll(int sel, int top, int n, int rows);

bool rect_contains(const struct rect *r, int x, int y);

#endif
