/* SPDX-License-Identifier: GPL-2.0-or-later */
/* panels.c - the panels screen: namespaces, their interfaces, their
 * routes (or neighbours) and the log side by side; moving in them. */
#include "ui/ui_int.h"

#include <stdlib.h>

#include "fmt/fmt.h"

int ui_list_len(struct ui *u, enum panel p)
{
	struct w_ns *ns = ui_sel_ns(u);
	size_t n;

	if (p == P_NS) {
		struct w_ns **v;
		n = ui_ns_list(u, &v);
		free(v);
	} else if (p == P_IF) {
		struct w_link **v;
		n = ui_if_list(u, ns, &v);
		free(v);
	} else if (p == P_ROUTES && u->neigh) {
		n = 0;
		for (size_t i = 0; i < ns->nneighs; i++)
			n += fmt_neigh_listed(&ns->neighs[i]);
	} else if (p == P_ROUTES) {
		const struct w_route **v;
		n = ui_route_list(ns, &v);
		free(v);
	} else {
		n = (size_t)u->nlog;
	}
	return (int)n;
}

void ui_move_sel(struct ui *u, int delta)
{
	if (u->focus == P_NS) {
		struct w_ns **v;
		size_t n = ui_ns_list(u, &v);
		int cur = 0;

		for (size_t i = 0; i < n; i++)
			if (v[i]->id == u->sel_ns_id)
				cur = (int)i;
		cur += delta;
		if (cur < 0)
			cur = 0;
		if (cur >= (int)n)
			cur = (int)n - 1;
		if (n && v[cur]->id != u->sel_ns_id) {
			u->sel_ns_id = v[cur]->id;
			u->if_sel = u->rt_sel = 0;
			/* the neighbour table shown is now this one's */
			if (u->neigh)
				ui_looked(u, v[cur], "neigh show");
		}
		free(v);
	} else if (u->focus == P_IF || u->focus == P_ROUTES) {
		int *sel = u->focus == P_IF ? &u->if_sel : &u->rt_sel;
		int n = ui_list_len(u, u->focus);

		*sel += delta;
		if (*sel >= n)
			*sel = n - 1;
		if (*sel < 0)
			*sel = 0;
	} else {
		u->log_scroll -= delta;
		if (u->log_scroll < 0)
			u->log_scroll = 0;
		if (u->log_scroll > u->nlog)
			u->log_scroll = u->nlog;
	}
	u->dirty = true;
}

static void k_move(struct ui *u, int ch)
{
	switch (ch) {
	case KEY_UP: case 'k': ui_move_sel(u, -1); break;
	case KEY_DOWN: case 'j': ui_move_sel(u, 1); break;
	case KEY_PPAGE: ui_move_sel(u, -10); break;
	case KEY_NPAGE: ui_move_sel(u, 10); break;
	case KEY_HOME: ui_move_sel(u, -100000); break;
	case KEY_END: ui_move_sel(u, 100000); break;
	}
}

/* the arrows stop at the edges, as htop's do; Tab wraps */
static void k_side(struct ui *u, int ch)
{
	if (ch == KEY_LEFT && u->focus > P_NS)
		u->focus--;
	else if (ch == KEY_RIGHT && u->focus < P_COUNT - 1)
		u->focus++;
}

static const struct ui_key panel_keys[] = {
	{ { KEY_UP, 'k', KEY_DOWN, 'j' }, "Up/Down, k/j", NULL,
	  "move in the panel", k_move },
	{ { KEY_PPAGE, KEY_NPAGE }, "PgUp/PgDn", NULL, "a page", k_move },
	{ { KEY_HOME, KEY_END }, "Home/End", NULL, "first, last", k_move },
	{ { KEY_LEFT, KEY_RIGHT }, "Left/Right", NULL,
	  "the panel beside", k_side },
};

const struct ui_view ui_view_panels = {
	.title = "The panels",
	.draw = ui_draw_panels,
	.keys = UI_KEYS(panel_keys),
	.note = "  the log: Tab to it, then Up/Down, PgUp/PgDn, Home/End; "
	        "+ - its height\n"
	        "  mouse: a click selects, the wheel scrolls what is under it",
};
