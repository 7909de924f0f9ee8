/* SPDX-License-Identifier: GPL-2.0-or-later */
/* topo.h - the topology view as a drawing on a character canvas (pure: no
 * curses).
 *
 * Every namespace is a box: its label in the top border (then "(router)"
 * when the caller says it forwards, topo_opts.routers), one row per
 * interface inside (name, admin/oper state as "UP/LLDOWN", the first
 * address: IPv4 before IPv6, link-local last, "+N" when it has more; and
 * at a wire's end where it goes, "→ ns:if" or "→ if" within the box).
 * The host box spans the others' rows, so it can hold blank rows: each of
 * its interfaces sits level with what it is wired to.  Every veth
 * pair is a wire between the rows of its two ends; a pair inside one
 * namespace is a loop on the right side of its box.  Ports of a bridge
 * (or any master) are listed under their master with tree glyphs; a
 * bridge is a node of its own, "[br0]", and the lines from it to its
 * ports are drawn as wires (TC_BUS_*, dashed to a port that is down), a
 * port that is a veth end keeping its wire to its peer.  A link
 * that is down (an end not admin-up or without carrier) is drawn with
 * dashed glyphs and TC_WIRE_DOWN cells.  Wires never share a cell, except
 * where one crosses another at a right angle: that cell is the vertical
 * wire's glyph, the horizontal one passing under it (never a ┼, which
 * would read as a junction).
 *
 * The UI blits a window of the canvas with the theme's colour for each
 * cell class; topo_render() is deterministic (the same world gives the
 * same canvas), so the UI may cache it per world generation.
 */
#ifndef NSVIZ_UI_TOPO_H
#define NSVIZ_UI_TOPO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/sbuf.h"
#include "world/world.h"

enum topo_cell_class {
	TC_BLANK,
	TC_BOX,             /* border of a box */
	TC_BOX_SELECTED,    /* border of the selected box */
	TC_TITLE,           /* namespace label in the top border */
	TC_TEXT,            /* interface name, tree glyphs */
	TC_STATE_UP,        /* "UP/UP" of an interface that is up with carrier */
	TC_STATE_DOWN,      /* any other state */
	TC_WIRE_UP,         /* a wire (and its port on the border) of an up pair */
	TC_WIRE_DOWN,       /* ... of a pair with an end down */
	TC_LABEL,           /* addresses */
	TC_SELECTED,        /* the selected interface's name */
	TC_WIRE_SELECTED,   /* its wire, ports included */
	TC_ROUTER,          /* "(router)" after a router's title */
	TC_BRIDGE,          /* the brackets of a bridge's node: "[br0]" */
	TC_BUS_UP,          /* the line from a bridge to a port that is up */
	TC_BUS_DOWN,        /* ... to a port that is down (dashed) */
};

struct topo_cell {
	uint32_t ch;        /* a Unicode code point; ASCII-only in ascii mode */
	unsigned char cls;  /* enum topo_cell_class */
};

struct topo_canvas {
	int w, h;
	struct topo_cell *cells;    /* h rows of w cells */
};

/* Where each namespace landed (for selection, panning to it, clicks). */
struct topo_box {
	int ns_id;
	int x, y, w, h;
	int col;        /* 0 the host's column, -1 the one left of it, 1 right */
	int slot;       /* place in its column, from the top */
};

/* One veth pair as drawn: a_* is the end on the left (or upper) box.
 * (ax, ay) and (bx, by) are the border cells the wire is attached to. */
struct topo_wire {
	int a_ns_id, b_ns_id;
	char a_if[W_IFNAMSIZ], b_if[W_IFNAMSIZ];
	int ax, ay, bx, by;
	bool up;
};

struct topo {
	struct topo_canvas c;
	struct topo_box *boxes;     /* host first, then named, then unnamed */
	size_t nboxes;
	struct topo_wire *wires;
	size_t nwires;
	int nconflicts;             /* cells two wires ran along; 0 unless
	                               the router has a bug (tests check it) */
};

/* Build the drawing into *out (overwritten: topo_free() a previous one
 * first).  selected_ns_id: the box drawn as selected (double lines, '#'
 * and '=' in ascii; -1 none).  ascii: only ASCII glyphs (+ - | . : etc.)
 * instead of box-drawing characters.  Every cell holds one code point
 * that takes one terminal column (wide characters in names become '?').
 * An empty world gives a 0x0 canvas.  Cost: about 0.6 ms for 100
 * namespaces, 10 ms for 1000 (-O2; the overview a quarter of that);
 * cache it per world generation. */
void topo_render(const struct world *w, int selected_ns_id, bool ascii,
                 struct topo *out);
/* The same with every option.  overview: the map at a glance: boxes
 * shrink to their names (a row on the border for each wire, no text
 * inside), wires stay; fit_h > 0: the overview's columns hold as many
 * boxes as fit in that many rows (the host's box may still be taller). */
struct topo_mark {
	int ns_id;
	char ifname[W_IFNAMSIZ];
};
struct topo_opts {
	int selected_ns_id;
	bool ascii;
	bool overview;
	int fit_h;
	/* interfaces being captured: " [cap]" at the end of their row,
	 * after where the wire goes (not in the overview) */
	const struct topo_mark *captured;
	size_t ncaptured;
	/* an interface of the selected namespace: its name is drawn
	 * TC_SELECTED, its wire TC_WIRE_SELECTED (a crossing stays the
	 * vertical wire's); NULL none */
	const char *selected_if;
	/* namespaces that are routers (IPv4 or IPv6 forwarding on), by ns
	 * id, in any order: " (router)" after the box's title, " (R)" in
	 * the overview, TC_ROUTER (the world does not hold sysctls: the
	 * UI reads them) */
	const int *routers;
	size_t nrouters;
	/* the path of the last why (issue 15): each interface a packet
	 * goes out or comes in by, in order, marked " [why N]"; the one
	 * where it stops (path_stop, -1: it gets there) " [why N: stops]"
	 * (not in the overview) */
	const struct topo_mark *path;
	size_t npath;
	int path_stop;
};
void topo_render_opts(const struct world *w, const struct topo_opts *o,
                      struct topo *out);
void topo_free(struct topo *t);
const struct topo_box *topo_find_box(const struct topo *t, int ns_id);
/* The ns_id whose box (border included) contains canvas point (x,y), or -1. */
int topo_hit(const struct topo *t, int x, int y);
/* The cell at (x, y), or NULL outside the canvas. */
const struct topo_cell *topo_cell_at(const struct topo *t, int x, int y);
/* Text dump of the canvas as UTF-8 (for tests and the UI's "copy"): rows
 * joined by '\n', trailing blanks of each row dropped, no final newline. */
void topo_dump(const struct topo *t, struct sbuf *out);
/* The same for the region x..x+w-1, y..y+h-1 (clipped to the canvas). */
void topo_dump_region(const struct topo *t, int x, int y, int w, int h,
                      struct sbuf *out);

#endif
