/* SPDX-License-Identifier: GPL-2.0-or-later */
/* mapview.c - the topology screen: panning, picking a box and its
 * interfaces, following a wire, and stepping through the hops of the
 * last `why` (issue 15): > and < (or Left and Right once stepping) select
 * each namespace on the path in turn, with its interface, and show that
 * hop's decision (the route, the way out, the neighbour, the wire) under
 * the map; where it stops, the verdict too.  Esc stops stepping, and
 * selects again what was selected before. */
#include "ui/ui_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/theme.h"

/* The map: Tab and Shift-Tab pick the selected namespace's interfaces in
 * turn (the one picked and its wire stand out), f jumps to the other end
 * of its wire. */
static void topo_next_if(struct ui *u, int dir)
{
	struct w_ns *ns = ui_sel_ns(u);
	struct w_link **v;
	size_t n;

	if (!ns)
		return;
	n = ui_if_list(u, ns, &v);
	free(v);
	if (n)
		u->if_sel = ((u->if_sel + dir) % (int)n + (int)n) % (int)n;
}

static void topo_other_end(struct ui *u)
{
	struct w_link *l = ui_sel_link(u), **v;
	struct w_ns *peer;
	char name[W_IFNAMSIZ];
	size_t n;

	if (!l || strcmp(l->kind, "veth") || l->peer_ns_id < 0 ||
	    !l->peer_name[0] ||
	    !(peer = world_find_ns_id(u->w, l->peer_ns_id))) {
		ui_log(u, L_INFO, "%s: no wire to follow", l ? l->name : "no interface");
		return;
	}
	snprintf(name, sizeof name, "%s", l->peer_name);
	u->sel_ns_id = peer->id;
	n = ui_if_list(u, peer, &v);
	u->if_sel = 0;
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i]->name, name) == 0)
			u->if_sel = (int)i;
	free(v);
}


static void select_if(struct ui *u, const struct w_ns *ns, const char *name)
{
	struct w_link **v;
	size_t n = ui_if_list(u, ns, &v);

	for (size_t i = 0; i < n; i++)
		if (!strcmp(v[i]->name, name))
			u->if_sel = (int)i;
	free(v);
}

/* hop `to` of the path: its namespace and interface selected */
static void step_to(struct ui *u, int to)
{
	const struct ui_why_hop *h;
	struct w_ns *ns;

	if (!u->nwhy_hops) {
		ui_log(u, L_INFO, "no path to step through: W (or :why ADDR) "
		       "asks where a packet goes first");
		return;
	}
	if (u->why_step < 0) {          /* Esc comes back here */
		u->why_back_ns = u->sel_ns_id;
		u->why_back_if = u->if_sel;
	}
	if (to < 0)
		to = 0;
	if (to >= u->nwhy_hops)
		to = u->nwhy_hops - 1;
	u->why_step = to;
	h = &u->why_hops[to];
	ns = world_find_ns_id(u->w, h->ns_id);
	if (!ns) {
		ui_log(u, L_INFO, "hop %d: that namespace is gone", to + 1);
		return;
	}
	u->sel_ns_id = ns->id;
	u->if_sel = 0;
	select_if(u, ns, h->out[0] ? h->out : h->in);
}

static void k_pan(struct ui *u, int ch)
{
	if (u->why_step >= 0 && (ch == KEY_LEFT || ch == KEY_RIGHT)) {
		step_to(u, u->why_step + (ch == KEY_RIGHT ? 1 : -1));
		return;
	}
	switch (ch) {
	case KEY_LEFT: case 'h': u->topo_x -= 4; break;
	case KEY_RIGHT: case 'l': u->topo_x += 4; break;
	case KEY_UP: case 'k': u->topo_y -= 2; break;
	case KEY_DOWN: case 'j': u->topo_y += 2; break;
	}
	if (u->topo_x < 0)
		u->topo_x = 0;
	if (u->topo_y < 0)
		u->topo_y = 0;
}

static void k_box(struct ui *u, int ch)
{
	int f = u->focus;

	u->focus = P_NS;
	ui_move_sel(u, ch == KEY_NPAGE || ch == ']' ? 1 : -1);
	u->focus = f;
}

static void k_if(struct ui *u, int ch)
{
	topo_next_if(u, ch == '\t' ? 1 : -1);
}

static void k_follow(struct ui *u, int ch)
{
	topo_other_end(u);
}

static void k_capture(struct ui *u, int ch)
{
	cap_open(u);
}

static void k_overview(struct ui *u, int ch)
{
	u->topo_overview = !u->topo_overview;
	u->topo_x = -1;
}

/* the selected namespace's panels */
static void k_panels(struct ui *u, int ch)
{
	ui_show(u, S_PANELS);
	u->focus = P_IF;
}

static void k_hop(struct ui *u, int ch)
{
	step_to(u, u->why_step < 0 ? 0 :
	        u->why_step + (ch == '>' ? 1 : -1));
}

/* Esc leaves the stepping; otherwise it is not the map's (a ping's) */
static bool map_key(struct ui *u, int ch)
{
	if (ch != 27 || u->why_step < 0)
		return false;
	u->why_step = -1;
	u->sel_ns_id = u->why_back_ns;
	u->if_sel = u->why_back_if;
	u->dirty = true;
	return true;
}

static const struct ui_key map_keys[] = {
	{ { KEY_LEFT, 'h', KEY_RIGHT, 'l' }, "Left/Right, h/l", NULL,
	  "pan (step the hops when stepping)", k_pan },
	{ { KEY_UP, 'k', KEY_DOWN, 'j' }, "Up/Down, k/j", NULL, "pan",
	  k_pan },
	{ { ']', KEY_NPAGE, '[', KEY_PPAGE }, "] [", NULL,
	  "the next, the previous box", k_box },
	{ { '\t', KEY_BTAB }, "Tab", NULL, "the box's interfaces, its wire",
	  k_if },
	{ { 'f' }, NULL, NULL, "follow the wire to its other end", k_follow },
	{ { 'c' }, NULL, NULL, "capture on the interface", k_capture },
	{ { 'z' }, NULL, NULL, "the overview, and back", k_overview },
	{ { '\n', '\r', KEY_ENTER }, NULL, NULL, "the box's panels",
	  k_panels },
	{ { '>', '<' }, "> <", NULL, "the why path: next, previous hop",
	  k_hop },
};

/* the hop being stepped through, under the map: its place on the path,
 * the decision there as why prints it, and where it stops the verdict */
static int hop_rows(const struct ui *u)
{
	return u->why_step >= 0 && u->why_step < u->nwhy_hops ? 5 : 0;
}

static void draw_hop(struct ui *u, const struct rect *r)
{
	const struct ui_why_hop *h = &u->why_hops[u->why_step];
	struct w_ns *ns = world_find_ns_id(u->w, h->ns_id);
	char head[400], label[300], buf[1100];
	const char *p = h->text;
	int y = r->y;

	snprintf(head, sizeof head, " %s hop %d of %d: %s%s  (> < or "
	         "Left/Right step, Esc ends) ", h->reply ? "reply" : "request",
	         h->n, h->of, ns ? world_ns_label(ns, label, sizeof label) : "?",
	         h->stop ? ": it stops here" : "");
	ui_paint(h->stop ? TH_LOG_ERROR : TH_PANEL_TITLE);
	ui_put(y++, r->x, r->w, head, true);
	ui_paint(TH_NORMAL);
	while (*p && y < r->y + r->h) {
		const char *nl = strchr(p, '\n');
		int len = nl ? (int)(nl - p) : (int)strlen(p);

		snprintf(buf, sizeof buf, "%.*s", len, p);
		ui_put(y++, r->x, r->w, buf, true);
		p += len + (nl ? 1 : 0);
	}
	if (h->stop && y < r->y + r->h) {
		ui_paint(TH_LOG_ERROR);
		ui_put(y++, r->x, r->w, u->why_verdict, true);
	}
	ui_paint(TH_NORMAL);
	while (y < r->y + r->h)
		ui_put(y++, r->x, r->w, "", true);
}

static void map_draw(struct ui *u)
{
	int rows = hop_rows(u);
	struct rect map = u->lay.main, hop;

	if (rows && map.h - rows >= 6) {
		map.h -= rows;
		hop = (struct rect){ map.x + 1, map.y + map.h, map.w - 2, rows };
		u->lay.main = map;
		ui_draw_map(u);
		u->lay.main.h += rows;
		draw_hop(u, &hop);
		return;
	}
	ui_draw_map(u);
}

const struct ui_view ui_view_map = {
	.title = "The map",
	.draw = map_draw,
	.key = map_key,
	.keys = UI_KEYS(map_keys),
};
