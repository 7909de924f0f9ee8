/* SPDX-License-Identifier: GPL-2.0-or-later */
/* draw.c - painting the world.  Only visible rows are drawn; curses sends
 * the terminal just what changed. */
#include "ui/ui_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <wchar.h>

#include "capture/capture.h"
#include "fmt/fmt.h"
#include "fmt/tc.h"
#include "ui/theme.h"
#include "ui/topo.h"
#include "util/sbuf.h"

void ui_paint(enum theme_elem e)
{
	attrset((attr_t)theme_curses_attr(e));
}

/* Print at most w columns of UTF-8 text at (y, x); pads with blanks to w
 * when pad.  Returns the columns used. */
int ui_put(int y, int x, int w, const char *s, bool pad)
{
	mbstate_t st;
	int used = 0;

	memset(&st, 0, sizeof st);
	move(y, x);
	while (*s && used < w) {
		wchar_t wc;
		size_t n = mbrtowc(&wc, s, MB_CUR_MAX, &st);
		int cw;

		if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
			addch('?');
			used++;
			s++;
			memset(&st, 0, sizeof st);
			continue;
		}
		cw = wcwidth(wc);
		if (cw < 0)
			cw = 1;
		if (used + cw > w)
			break;
		addnstr(s, (int)n);
		s += n;
		used += cw;
	}
	if (pad)
		for (; used < w; used++)
			addch(' ');
	return used;
}

static void box_at(struct ui *u, const struct rect *r, const char *title,
                   bool active)
{
	int x2 = r->x + r->w - 1, y2 = r->y + r->h - 1;

	if (r->w < 2 || r->h < 2)
		return;
	ui_paint(active ? TH_BORDER_ACTIVE : TH_BORDER);
	if (u->utf8) {
		mvhline(r->y, r->x + 1, ACS_HLINE, r->w - 2);
		mvhline(y2, r->x + 1, ACS_HLINE, r->w - 2);
		mvvline(r->y + 1, r->x, ACS_VLINE, r->h - 2);
		mvvline(r->y + 1, x2, ACS_VLINE, r->h - 2);
		mvaddch(r->y, r->x, ACS_ULCORNER);
		mvaddch(r->y, x2, ACS_URCORNER);
		mvaddch(y2, r->x, ACS_LLCORNER);
		mvaddch(y2, x2, ACS_LRCORNER);
	} else {
		mvhline(r->y, r->x + 1, '-', r->w - 2);
		mvhline(y2, r->x + 1, '-', r->w - 2);
		mvvline(r->y + 1, r->x, '|', r->h - 2);
		mvvline(r->y + 1, x2, '|', r->h - 2);
		mvaddch(r->y, r->x, '+');
		mvaddch(r->y, x2, '+');
		mvaddch(y2, r->x, '+');
		mvaddch(y2, x2, '+');
	}
	if (title && r->w > 6) {
		char t[256];
		snprintf(t, sizeof t, " %s ", title);
		ui_paint(active ? TH_PANEL_TITLE_ACTIVE : TH_PANEL_TITLE);
		ui_put(r->y, r->x + 2, r->w - 4, t, false);
	}
}

/* A panel's box: the focused one also says so in its title ("▶ Log",
 * "> Log" in ASCII), not by colour alone. */
static void panel_box(struct ui *u, const struct rect *r, const char *title,
                      bool active)
{
	char t[512];

	snprintf(t, sizeof t, "%s%s", !active ? "" : u->utf8 ? "\u25b6 " : "> ",
	         title);
	box_at(u, r, t, active);
}

/* A row of a list: selection drawn across the whole inner width. */
static void row(struct ui *u, const struct rect *r, int line, const char *text,
                bool selected, bool active, enum theme_elem normal)
{
	ui_paint(selected ? (active ? TH_SELECTED : TH_SELECTED_INACTIVE)
	                 : normal);
	ui_put(r->y + line, r->x + 1, r->w - 2, text, true);
}

static void draw_title(struct ui *u)
{
	char buf[512];
	size_t nlinks = 0;
	const char *badge = u->readonly ? " READ-ONLY " :
	                    u->o.sandbox ? " SANDBOX " : " HOST ";
	enum theme_elem be = u->readonly ? TH_BADGE_READONLY :
	                     u->o.sandbox ? TH_BADGE_SANDBOX : TH_BADGE_HOST;
	int x;

	nlinks = u->w->nlinks;
	if (u->readonly || world_unread_count(u->w)) {
		/* why nothing can be changed, and what to do about it; a
		 * partial world is never shown as if it were whole */
		char why[400];

		ui_paint(TH_BANNER);
		world_unread_summary(u->w, why, sizeof why);
		snprintf(buf, sizeof buf, " %s%s%s",
		         u->readonly ? "read-only (no CAP_NET_ADMIN): "
		                       "nsviz --sandbox, or sudo nsviz" : "",
		         u->readonly && why[0] ? "; " : "", why);
	} else {
		ui_paint(TH_TITLE);
		char reading[64] = "";

		/* the screen comes first; the namespaces fill in */
		if (u->reading_left)
			snprintf(reading, sizeof reading, "  (reading %zu more)",
			         u->reading_left);
		snprintf(buf, sizeof buf,
		         " nsviz %s  %zu namespace%s, %zu interface%s%s%s%s",
		         PACKAGE_VERSION, u->w->nns, u->w->nns == 1 ? "" : "s",
		         nlinks, nlinks == 1 ? "" : "s", reading,
		         u->filter[0] ? "  filter: " : "", u->filter);
	}
	x = u->cols - (int)strlen(badge) - 1;
	ui_put(0, 0, x > 0 ? x : u->cols, buf, true);
	if (x > 0) {
		ui_paint(TH_TITLE);
		ui_put(0, x, u->cols - x, "", true);
	}
	if (x > 0) {
		ui_paint(be);
		ui_put(0, x, (int)strlen(badge), badge, false);
	}
}

static void draw_ns(struct ui *u)
{
	const struct rect *r = &u->lay.ns;
	struct w_ns **v;
	size_t n = ui_ns_list(u, &v);
	int rows = layout_body_rows(r, true), sel = 0;
	bool active = u->focus == P_NS && u->screen != S_MAP;
	char title[64], line[512], label[300];

	for (size_t i = 0; i < n; i++)
		if (v[i]->id == u->sel_ns_id)
			sel = (int)i;
	u->ns_top = layout_scroll(sel, u->ns_top, (int)n, rows);
	snprintf(title, sizeof title, "Namespaces (%zu)", n);
	panel_box(u, r, title, active);
	ui_paint(TH_HEADER);
	bool rate = counters_ns_column(u);
	int nw = r->w - 17 - (rate ? 6 : 0);

	snprintf(line, sizeof line, "%-*s %3s %4s %4s%s", nw, "NAME",
	         "IF", "PROC", "ECHO", rate ? " PKT/S" : "");
	ui_put(r->y + 1, r->x + 1, r->w - 2, line, true);
	for (int i = 0; i < rows; i++) {
		int idx = u->ns_top + i;
		if (idx >= (int)n) {
			ui_paint(TH_NORMAL);
			ui_put(r->y + 2 + i, r->x + 1, r->w - 2, "", true);
			continue;
		}
		world_ns_label(v[idx], label, sizeof label);
		snprintf(line, sizeof line, "%-*.*s %3zu %4d %4d", nw, nw,
		         label, v[idx]->nlinks, ui_ns_procs(u, v[idx]),
		         echo_ui_count_in(u, v[idx]));
		if (rate) {
			char cell[16];

			counters_ns_cell(u, v[idx], cell, sizeof cell);
			snprintf(line + strlen(line), sizeof line - strlen(line),
			         " %5s", cell);
		}
		row(u, r, 2 + i, line, idx == sel, active,
		    v[idx]->kind == W_NS_UNNAMED ? TH_DIM : TH_NORMAL);
	}
	free(v);
}

static const char *state_word(const struct w_link *l)
{
	if (!(l->flags & 1))
		return "down";
	return fmt_operstate_name(l->operstate);
}

/* The interfaces table.  Columns are as wide as their widest cell; when
 * the panel is narrower the addresses give up width first (whole
 * addresses, then "+N" for the rest), then the names; at the narrowest
 * the MAC, then MTU, peer namespace and admin state are left out (Enter
 * shows everything about the selected interface).  RX and TX, the
 * packets per second, come last and only when the addresses can spare
 * their width (issue 15). */
enum {
	IC_NAME, IC_PEER, IC_ADMIN, IC_OPER, IC_ADDRS, IC_QDISC, IC_MAC, IC_MTU,
	IC_RX, IC_TX,           /* packets/s, read while shown (counters.c) */
	IC_N
};
/* the columns laid out by layout_columns(); RX and TX come after them,
 * out of the addresses' width (below) */
#define IC_LAID IC_RX
#define IC_RATE_W 4             /* rate_fmt(): at most "999k" */
#define IC_ADDRS_KEEP 24        /* "255.255.255.255/32 +9" and to spare */

struct if_cells {
	char name[2 * W_IFNAMSIZ + 2];
	char peer[W_NSNAME_MAX + 16];
	char addrs[512];
	char mac[100];
	char mtu[16];
	char qdisc[96];         /* the impairment ("tbf rate 1Mbit"), "" none */
	const char *admin, *oper;
};

static void if_cells_of(struct ui *u, const struct w_link *l,
                        struct if_cells *c)
{
	if (l->peer_name[0])
		snprintf(c->name, sizeof c->name, "%s@%s", l->name, l->peer_name);
	else
		snprintf(c->name, sizeof c->name, "%s", l->name);
	c->peer[0] = '\0';
	if (l->peer_ns_id >= 0) {
		struct w_ns *pns = world_find_ns_id(u->w, l->peer_ns_id);
		if (pns)
			world_ns_label(pns, c->peer, sizeof c->peer);
	} else if (l->has_iflink && l->has_link_netnsid) {
		snprintf(c->peer, sizeof c->peer, "nsid %d", l->link_netnsid);
	}
	if (!c->peer[0])
		snprintf(c->peer, sizeof c->peer, "-");
	if (l->addr_len == 6)
		fmt_mac(l->addr, l->addr_len, c->mac, sizeof c->mac);
	else
		snprintf(c->mac, sizeof c->mac, "-");
	snprintf(c->mtu, sizeof c->mtu, "%u", l->mtu);
	fmt_impair(l, c->qdisc, sizeof c->qdisc);
	c->admin = (l->flags & 1) ? "up" : "down";
	c->oper = state_word(l);
}

struct if_slot { int ifindex; size_t cell; size_t used; };

static int slot_cmp(const void *a, const void *b)
{
	const struct if_slot *x = a, *y = b;

	return (x->ifindex > y->ifindex) - (x->ifindex < y->ifindex);
}

/* Every link's addresses in one pass over the namespace's addresses
 * (IPv4 first: the ones people typed, before link-locals), found by
 * ifindex: a host with a thousand veths stays quick to draw. */
static void fill_addrs(const struct w_ns *ns, struct w_link **v, size_t n,
                       struct if_cells *cells)
{
	struct if_slot *slot = xcalloc(n ? n : 1, sizeof *slot);

	for (size_t i = 0; i < n; i++) {
		slot[i].ifindex = v[i]->ifindex;
		slot[i].cell = i;
		cells[i].addrs[0] = '\0';
	}
	qsort(slot, n, sizeof *slot, slot_cmp);
	for (int pass = 0; pass < 2; pass++)
		for (size_t j = 0; j < ns->naddrs; j++) {
			const struct w_addr *a = &ns->addrs[j];
			struct if_slot key = { .ifindex = a->ifindex }, *sl;
			struct if_cells *c;
			char ab[64];
			int k;

			if ((a->family == AF_INET) != (pass == 0))
				continue;
			sl = bsearch(&key, slot, n, sizeof *slot, slot_cmp);
			if (!sl)
				continue;
			c = &cells[sl->cell];
			if (sl->used + 2 >= sizeof c->addrs)
				continue;
			k = snprintf(c->addrs + sl->used, sizeof c->addrs - sl->used,
			             "%s%s/%d", sl->used ? " " : "",
			             w_ip_str(&a->local, ab, sizeof ab),
			             a->prefixlen);
			if (k < 0 || (size_t)k >= sizeof c->addrs - sl->used) {
				c->addrs[sl->used] = '\0';
				continue;
			}
			sl->used += (size_t)k;
		}
	for (size_t i = 0; i < n; i++)
		if (!cells[i].addrs[0])
			snprintf(cells[i].addrs, sizeof cells[i].addrs, "-");
	free(slot);
}

static int widest(int have, const char *s)
{
	int n = (int)strlen(s);

	return n > have ? n : have;
}

/* One line of the table: the shown columns, one space apart, the MTU
 * and the rates right-aligned; cells cut to their column. */
static void if_line(char *line, size_t len, const int *w,
                    const char *const *cell)
{
	size_t used = 0;

	line[0] = '\0';
	for (int k = 0; k < IC_N && used < len; k++) {
		int m;

		if (!w[k])
			continue;
		m = snprintf(line + used, len - used,
		             k >= IC_MTU ? "%s%*.*s" : "%s%-*.*s",
		             used ? " " : "", w[k], w[k], cell[k]);
		if (m < 0)
			break;
		used += (size_t)m;
	}
}

/* the cells of the namespace on screen, kept while nothing changes */
static struct {
	struct if_cells *cells;
	size_t n;
	unsigned long gen, epoch;  /* the namespace's generation; the world's
	                            * namespaces (peers' labels) */
	int ns_id;
	char filter[sizeof ((struct ui *)0)->filter];
	int want[IC_N];
} ifc;

static void draw_ifs(struct ui *u)
{
	const struct rect *r = &u->lay.ifs;
	struct w_ns *ns = ui_sel_ns(u);
	struct w_link **v;
	struct if_cells *cells;
	size_t n;
	int rows = layout_body_rows(r, true), w[IC_N];
	bool active = u->focus == P_IF;
	char title[400], line[1024], label[300], addrs[512];
	static const char *const head[IC_N] = {
		"NAME", "PEER IN", "ADMIN", "OPER", "ADDRESSES", "QDISC", "MAC",
		"MTU", "RX", "TX"
	};
	char rx[16], tx[16];
	struct layout_col col[IC_N] = {
		[IC_NAME] = { .min = 8, .shrink = 1 },
		[IC_PEER] = { .min = 6, .drop = 3, .shrink = 2 },
		[IC_ADMIN] = { .min = 5, .drop = 2, .shrink = 9 },
		[IC_OPER] = { .min = 4, .drop = 1, .shrink = 3 },
		[IC_ADDRS] = { .min = 11, .shrink = 0, .grow = true },
		/* shown only when a link here is impaired (issue 14);
		 * hidden after the MAC, before the rest */
		[IC_QDISC] = { .min = 0, .drop = 5, .shrink = 4 },
		[IC_MAC] = { .min = 17, .drop = 6, .shrink = 9 },
		[IC_MTU] = { .min = 5, .drop = 4, .shrink = 9 },
	};

	if (!ns)
		return;
	n = ui_if_list(u, ns, &v);
	if (u->if_sel >= (int)n)
		u->if_sel = n ? (int)n - 1 : 0;
	u->if_top = layout_scroll(u->if_sel, u->if_top, (int)n, rows);
	snprintf(title, sizeof title, "Interfaces in %s",
	         world_ns_label(ns, label, sizeof label));
	panel_box(u, r, title, active);
	/* every interface's cells (not only the visible ones: the columns
	 * must not jump as the list scrolls), made again only when the
	 * namespace on screen, the namespaces or the filter changed: not
	 * for a change elsewhere (issue 12) */
	if (!ifc.cells || ifc.gen != ns->lgen || ifc.epoch != u->w->ns_epoch ||
	    ifc.ns_id != ns->id || ifc.n != n ||
	    strcmp(ifc.filter, u->filter) != 0) {
		free(ifc.cells);
		ifc.cells = xcalloc(n ? n : 1, sizeof *ifc.cells);
		ifc.n = n;
		ifc.gen = ns->lgen;
		ifc.epoch = u->w->ns_epoch;
		ifc.ns_id = ns->id;
		snprintf(ifc.filter, sizeof ifc.filter, "%s", u->filter);
		for (int i = 0; i < IC_N; i++)
			ifc.want[i] = (int)strlen(head[i]);
		ifc.want[IC_MAC] = 17;
		ifc.want[IC_QDISC] = 0;
		fill_addrs(ns, v, n, ifc.cells);
		for (size_t i = 0; i < n; i++) {
			struct if_cells *c = &ifc.cells[i];

			if_cells_of(u, v[i], c);
			ifc.want[IC_NAME] = widest(ifc.want[IC_NAME], c->name);
			ifc.want[IC_PEER] = widest(ifc.want[IC_PEER], c->peer);
			ifc.want[IC_ADMIN] = widest(ifc.want[IC_ADMIN], c->admin);
			ifc.want[IC_OPER] = widest(ifc.want[IC_OPER], c->oper);
			ifc.want[IC_ADDRS] = widest(ifc.want[IC_ADDRS], c->addrs);
			ifc.want[IC_MTU] = widest(ifc.want[IC_MTU], c->mtu);
			if (c->qdisc[0])
				ifc.want[IC_QDISC] = widest(widest(
					ifc.want[IC_QDISC], head[IC_QDISC]), c->qdisc);
		}
	}
	col[IC_QDISC].min = ifc.want[IC_QDISC] ? 8 : 0;
	cells = ifc.cells;
	for (int i = 0; i < IC_LAID; i++)
		col[i].want = ifc.want[i];
	layout_columns(col, IC_LAID, r->w - 2, w);
	/* the rates, out of the addresses' width when they keep what they
	 * want or at least IC_ADDRS_KEEP cells: the other columns stay as
	 * they are */
	w[IC_RX] = w[IC_TX] = 0;
	{
		int keep = ifc.want[IC_ADDRS] > col[IC_ADDRS].min ?
		           ifc.want[IC_ADDRS] : col[IC_ADDRS].min;

		if (keep > IC_ADDRS_KEEP)
			keep = IC_ADDRS_KEEP;
		if (w[IC_ADDRS] - 2 * (IC_RATE_W + 1) >= keep) {
			w[IC_ADDRS] -= 2 * (IC_RATE_W + 1);
			w[IC_RX] = w[IC_TX] = IC_RATE_W;
		}
	}

	ui_paint(TH_HEADER);
	if_line(line, sizeof line, w, head);
	ui_put(r->y + 1, r->x + 1, r->w - 2, line, true);
	for (int i = 0; i < rows; i++) {
		int idx = u->if_top + i;
		const struct if_cells *c;
		const char *cell[IC_N];

		if (idx >= (int)n) {
			/* the first frames come before every namespace
			 * is read (issue 12) */
			ui_paint(TH_NORMAL);
			ui_put(r->y + 2 + i, r->x + 1, r->w - 2,
			       idx == 0 && !ns->synced && !ns->unread[0]
			       ? "(reading...)" : "", true);
			continue;
		}
		c = &cells[idx];
		layout_fit_words(c->addrs, w[IC_ADDRS], addrs, sizeof addrs);
		cell[IC_NAME] = c->name;
		cell[IC_PEER] = c->peer;
		cell[IC_ADMIN] = c->admin;
		cell[IC_OPER] = c->oper;
		cell[IC_ADDRS] = addrs;
		cell[IC_QDISC] = c->qdisc[0] ? c->qdisc : "-";
		cell[IC_MAC] = c->mac;
		cell[IC_MTU] = c->mtu;
		rx[0] = tx[0] = '\0';
		if (w[IC_RX]) {
			counters_cell(u, ns, v[idx], false, rx, sizeof rx);
			counters_cell(u, ns, v[idx], true, tx, sizeof tx);
		}
		cell[IC_RX] = rx;
		cell[IC_TX] = tx;
		if_line(line, sizeof line, w, cell);
		row(u, r, 2 + i, line, idx == u->if_sel, active,
		    (v[idx]->flags & 1) ? TH_NORMAL : TH_STATE_DOWN);
	}
	free(v);
}

/* The neighbour table, as `ip neigh show` prints it, in the routes'
 * place (N toggles). */
static void draw_routes_list(struct ui *u);

static void draw_neighs(struct ui *u)
{
	const struct rect *r = &u->lay.routes;
	struct w_ns *ns = ui_sel_ns(u);
	struct sbuf b = SBUF_INIT;
	int rows = layout_body_rows(r, false), n = 0;
	char title[400], label[300];
	const char *lines[4096];
	char *p, *save = NULL;

	if (!ns)
		return;
	fmt_neigh_show(&b, ns, 0, 0);
	for (p = strtok_r(b.s ? b.s : (char *)"", "\n", &save); p && n < 4096;
	     p = strtok_r(NULL, "\n", &save))
		lines[n++] = p;
	if (u->rt_sel >= n)
		u->rt_sel = n ? n - 1 : 0;
	u->rt_top = layout_scroll(u->rt_sel, u->rt_top, n, rows);
	snprintf(title, sizeof title, "Neighbours in %s (ip neigh; N: routes)",
	         world_ns_label(ns, label, sizeof label));
	panel_box(u, r, title, u->focus == P_ROUTES);
	for (int i = 0; i < rows; i++) {
		int idx = u->rt_top + i;
		row(u, r, 1 + i, idx < n ? lines[idx] :
		    (idx == 0 ? "(none yet: they appear as traffic flows)" : ""),
		    idx == u->rt_sel && idx < n, u->focus == P_ROUTES,
		    TH_NORMAL);
	}
	sbuf_free(&b);
}

static void draw_routes(struct ui *u)
{
	if (u->neigh) {
		draw_neighs(u);
		return;
	}
	draw_routes_list(u);
}

static void draw_routes_list(struct ui *u)
{
	const struct rect *r = &u->lay.routes;
	struct w_ns *ns = ui_sel_ns(u);
	const struct w_route **v;
	size_t n;
	int rows = layout_body_rows(r, false);
	bool active = u->focus == P_ROUTES;
	char title[400], label[300];

	if (!ns)
		return;
	n = ui_route_list(ns, &v);
	if (u->rt_sel >= (int)n)
		u->rt_sel = n ? (int)n - 1 : 0;
	u->rt_top = layout_scroll(u->rt_sel, u->rt_top, (int)n, rows);
	snprintf(title, sizeof title, "Routes in %s (ip route; ip -6 route)",
	         world_ns_label(ns, label, sizeof label));
	panel_box(u, r, title, active);
	for (int i = 0; i < rows; i++) {
		int idx = u->rt_top + i;
		struct sbuf b = SBUF_INIT;

		if (idx < (int)n) {
			fmt_route(&b, ns, v[idx]);
			if (b.len && b.s[b.len - 1] == '\n')
				b.s[--b.len] = '\0';
		} else if (idx == 0 && n == 0) {
			sbuf_add(&b, !ns->synced && !ns->unread[0]
			         ? "(reading...)" : "(no routes)");
		}
		row(u, r, 1 + i, sbuf_str(&b), idx == u->rt_sel && idx < (int)n,
		    active, TH_NORMAL);
		sbuf_free(&b);
	}
	free(v);
}

static void draw_log(struct ui *u)
{
	const struct rect *r = &u->lay.log;
	int rows = r->h - 2, first;
	bool active = u->focus == P_LOG;
	char title[128];

	if (u->log_scroll > u->nlog - rows)
		u->log_scroll = u->nlog > rows ? u->nlog - rows : 0;
	if (u->log_scroll > 0)
		snprintf(title, sizeof title, "Log (%d line%s back; End: the "
		         "newest)%s", u->log_scroll, u->log_scroll == 1 ? "" : "s",
		         u->ping_pid > 0 ? " (ping running: Esc stops it)" : "");
	else
		snprintf(title, sizeof title, "Log%s", u->ping_pid > 0 ?
		         " (ping running: Esc stops it)" : active ?
		         " (Up/Down, PgUp/PgDn scroll)" : "");
	panel_box(u, r, title, active);
	first = u->nlog - rows - u->log_scroll;
	if (first < 0)
		first = 0;
	for (int i = 0; i < rows; i++) {
		int idx = first + i;
		enum theme_elem e = TH_NORMAL;
		char buf[1100];

		if (idx >= u->nlog) {
			ui_paint(TH_NORMAL);
			ui_put(r->y + 1 + i, r->x + 1, r->w - 2, "", true);
			continue;
		}
		switch (u->log[idx].cls) {
		case L_CMD: e = TH_LOG_CMD; break;
		case L_OK: e = TH_LOG_OK; break;
		case L_ERROR: e = TH_LOG_ERROR; break;
		case L_OUTPUT: e = TH_LOG_OUTPUT; break;
		case L_INFO: e = TH_DIM; break;
		}
		snprintf(buf, sizeof buf, "%s%s",
		         u->log[idx].cls == L_CMD ? "$ " :
		         u->log[idx].cls == L_ERROR ? "! " : "  ",
		         u->log[idx].text);
		ui_paint(e);
		ui_put(r->y + 1 + i, r->x + 1, r->w - 2, buf, true);
	}
}

static void draw_keys(struct ui *u)
{
	int x = 0, y = u->lay.keys.y;

	if (u->modal == M_CMDLINE || u->modal == M_FILTER ||
	    u->modal == M_CAPFILTER || u->modal == M_CAPSAVE ||
	    u->modal == M_TOPOSAVE || u->modal == M_TOPOOPEN) {
		char buf[700];
		const char *prompt = u->modal == M_FILTER ? "/" :
		                     u->modal == M_CMDLINE ? ":" :
		                     u->modal == M_CAPFILTER ? "capture filter: " :
		                     u->modal == M_TOPOSAVE ? "save the world to: " :
		                     u->modal == M_TOPOOPEN ? "open topology: "
		                                            : "save to: ";
		int cx;

		ui_paint(TH_FORM_FIELD_ACTIVE);
		snprintf(buf, sizeof buf, "%s%s", prompt, u->line);
		ui_put(y, 0, u->cols, buf, true);
		if (u->completions[0] && y > 0) {
			ui_paint(TH_DIALOG);
			ui_put(y - 1, 0, u->cols, u->completions, true);
		}
		/* the cursor where the next key edits */
		cx = (int)strlen(prompt) + u->line_len - u->line_back;
		if (cx < u->cols) {
			move(y, cx);
			curs_set(1);
		}
		return;
	}
	{
		struct ui_bar_item bar[32];
		size_t n = ui_key_bar(u, bar, sizeof bar / sizeof *bar);

		for (size_t i = 0; i < n && x < u->cols; i++) {
			ui_paint(TH_KEY);
			x += ui_put(y, x, u->cols - x, bar[i].key, false);
			ui_paint(TH_KEY_LABEL);
			x += ui_put(y, x, u->cols - x, bar[i].label, false);
			x += ui_put(y, x, u->cols - x, " ", false);
		}
	}
	ui_paint(TH_KEY_LABEL);
	if (x < u->cols)
		ui_put(y, x, u->cols - x, "", true);
}

/* ---- the topology view ---------------------------------------------- */

/* The drawing depends only on the world, the selection, the glyphs and
 * (the overview) the view's height: render it again only when one of
 * them changed. */
static struct topo *topo_cached(struct ui *u, int vh)
{
	static struct topo t;
	static bool have;
	static unsigned long gen;
	static struct topo_opts o;
	static struct topo_mark caps[UI_MAX_CAPS];
	static char sel_if[W_IFNAMSIZ];
	static unsigned long rver;
	static unsigned why_gen;
	unsigned long rnow;
	struct topo_mark cnow[UI_MAX_CAPS];
	struct w_link *l = ui_sel_link(u);
	struct topo_opts now = { .selected_ns_id = u->sel_ns_id,
	                         .ascii = !u->utf8,
	                         .overview = u->topo_overview,
	                         .fit_h = u->topo_overview ? vh : 0,
	                         .captured = caps,
	                         .selected_if = sel_if,
	                         .path = u->why_path, .npath = u->nwhy,
	                         .path_stop = u->why_stop };

	now.routers = routers_ids(u, &now.nrouters, &rnow);
	/* the captures still running are marked on their rows */
	memset(cnow, 0, sizeof cnow);
	for (int i = 0; i < u->ncaps; i++)
		if (!capture_ended(u->caps[i].c)) {
			cnow[now.ncaptured].ns_id = u->caps[i].ns_id;
			snprintf(cnow[now.ncaptured].ifname, W_IFNAMSIZ, "%s",
			         capture_ifname(u->caps[i].c));
			now.ncaptured++;
		}
	if (have && gen == u->w->generation &&
	    o.selected_ns_id == now.selected_ns_id && o.ascii == now.ascii &&
	    o.overview == now.overview && o.fit_h == now.fit_h &&
	    o.ncaptured == now.ncaptured && rver == rnow &&
	    why_gen == u->why_gen &&
	    !memcmp(caps, cnow, sizeof caps) &&
	    strcmp(sel_if, l ? l->name : "") == 0)
		return &t;
	if (have)
		topo_free(&t);
	memcpy(caps, cnow, sizeof caps);
	snprintf(sel_if, sizeof sel_if, "%s", l ? l->name : "");
	topo_render_opts(u->w, &now, &t);
	have = true;
	gen = u->w->generation;
	rver = rnow;
	why_gen = u->why_gen;
	o = now;
	return &t;
}

int ui_topo_hit(struct ui *u, int x, int y)
{
	const struct rect *r = &u->lay.main;
	struct topo *t = topo_cached(u, r->h - 2);

	if (x <= r->x || y <= r->y || x >= r->x + r->w - 1 || y >= r->y + r->h - 1)
		return -1;
	return topo_hit(t, x - r->x - 1 + u->topo_x, y - r->y - 1 + u->topo_y);
}

void ui_draw_panels(struct ui *u)
{
	draw_ns(u);
	if (u->lay.ifs.w >= 20)
		draw_ifs(u);
	if (u->lay.routes.w >= 20)
		draw_routes(u);
}

void ui_draw_map(struct ui *u)
{
	static int seen_sel = -2;
	const struct rect *r = &u->lay.main;
	int vw = r->w - 2, vh = r->h - 2;
	struct topo *tp = topo_cached(u, vh), t = *tp;
	const struct topo_box *b;

	/* a newly selected box comes into view; the arrows pan freely */
	b = topo_find_box(&t, u->sel_ns_id);
	if (u->sel_ns_id != seen_sel || u->topo_x < 0) {
		seen_sel = u->sel_ns_id;
		if (u->topo_x < 0)
			u->topo_x = u->topo_y = 0;
	} else {
		b = NULL;
	}
	if (b) {
		if (b->x < u->topo_x || b->x + b->w > u->topo_x + vw)
			u->topo_x = b->x - 2 > 0 ? b->x - 2 : 0;
		if (b->y < u->topo_y || b->y + b->h > u->topo_y + vh)
			u->topo_y = b->y - 1 > 0 ? b->y - 1 : 0;
	}
	if (u->topo_x > t.c.w - vw)
		u->topo_x = t.c.w - vw > 0 ? t.c.w - vw : 0;
	if (u->topo_y > t.c.h - vh)
		u->topo_y = t.c.h - vh > 0 ? t.c.h - vh : 0;
	{
		char title[300];

		snprintf(title, sizeof title, "%s  (%sarrows pan, [ ] select, "
		         "Tab interface, f follow, c capture, Enter panels, %s, "
		         "t back)", u->topo_overview ? "Topology overview" :
		         "Topology", u->nwhy_hops ? "> < the why path's hops, "
		                                  : "",
		         u->topo_overview ? "z full size" : "z overview");
		box_at(u, r, title, true);
	}
	for (int y = 0; y < vh; y++) {
		move(r->y + 1 + y, r->x + 1);
		for (int x = 0; x < vw; x++) {
			int cx = u->topo_x + x, cy = u->topo_y + y;
			struct topo_cell c = { ' ', TC_BLANK };
			enum theme_elem e = TH_NORMAL;
			cchar_t cc;
			wchar_t wc[2];

			if (cx < t.c.w && cy < t.c.h)
				c = t.c.cells[cy * t.c.w + cx];
			switch (c.cls) {
			case TC_BOX: e = TH_TOPO_BOX; break;
			case TC_BOX_SELECTED: e = TH_TOPO_BOX_SELECTED; break;
			case TC_TITLE: e = TH_PANEL_TITLE; break;
			case TC_STATE_UP: e = TH_STATE_UP; break;
			case TC_STATE_DOWN: e = TH_STATE_DOWN; break;
			case TC_WIRE_UP: e = TH_TOPO_WIRE_UP; break;
			case TC_WIRE_DOWN: e = TH_TOPO_WIRE_DOWN; break;
			case TC_LABEL: e = TH_TOPO_LABEL; break;
			case TC_ROUTER: e = TH_HEADER; break;
			case TC_BRIDGE: e = TH_HEADER; break;
			case TC_BUS_UP: e = TH_TOPO_WIRE_UP; break;
			case TC_BUS_DOWN: e = TH_TOPO_WIRE_DOWN; break;
			case TC_SELECTED: case TC_WIRE_SELECTED:
				e = TH_SELECTED; break;
			default: e = TH_NORMAL; break;
			}
			wc[0] = c.ch ? (wchar_t)c.ch : L' ';
			wc[1] = L'\0';
			if (!u->utf8 && wc[0] > 126)
				wc[0] = L'?';
			setcchar(&cc, wc, (attr_t)theme_curses_attr(e), 0, NULL);
			add_wch(&cc);
		}
	}
}

/* ---- popups ------------------------------------------------------------- */

static struct rect centred(struct ui *u, int w, int h)
{
	struct rect r;

	if (w > u->cols - 2)
		w = u->cols - 2;
	if (h > u->rows - 2)
		h = u->rows - 2;
	r.w = w;
	r.h = h;
	r.x = (u->cols - w) / 2;
	r.y = (u->rows - h) / 2;
	return r;
}

static void fill(const struct rect *r, enum theme_elem e)
{
	ui_paint(e);
	for (int y = r->y; y < r->y + r->h; y++)
		ui_put(y, r->x, r->w, "", true);
}

/* Multi-line text in a popup, from line `top`. */
static void text_in(const struct rect *r, const char *text, int top,
                    enum theme_elem e)
{
	int line = 0, y = r->y + 1;
	const char *p = text;

	ui_paint(e);
	while (*p && y < r->y + r->h - 1) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		char buf[1024];

		if (line++ >= top) {
			snprintf(buf, sizeof buf, "%.*s", (int)len, p);
			ui_put(y++, r->x + 2, r->w - 4, buf, true);
		}
		p += len + (nl ? 1 : 0);
	}
}

/* The addresses an address field offers: "Up/Down: 10.0.2.0 (vnet
 * veth1)  ...", or "" when it offers none. */
static void form_choices_line(struct ui *u, char *buf, size_t len)
{
	struct form_choice c[FORM_CHOICES_MAX];
	int n = form_choices(&u->form, u->w, u->form.cur, c, FORM_CHOICES_MAX);
	size_t at = 0;

	buf[0] = '\0';
	for (int i = 0; i < n && at + 1 < len; i++) {
		int k = snprintf(buf + at, len - at, "%s%s (%s)",
		                 i ? "  " : "Up/Down: ", c[i].addr, c[i].where);
		if (k < 0)
			break;
		at += (size_t)k;
	}
}

static void draw_form(struct ui *u)
{
	struct form *f = &u->form;
	struct form_choice c[1];
	char choices[1024];
	bool offers = false;
	struct rect r;
	struct sbuf cmd = SBUF_INIT;
	int y, width = 64;

	/* a line for the addresses on offer when a field has some */
	for (int i = 0; i < f->nfields && !offers; i++)
		offers = form_choices(f, u->w, i, c, 1) > 0;
	/* wide enough for the command it runs, as the screen allows */
	form_command(f, &cmd);
	if ((int)cmd.len + 10 > width)
		width = (int)cmd.len + 10;     /* centred() keeps it on screen */
	r = centred(u, width, f->nfields * 2 + 7 + (offers ? 1 : 0));
	y = r.y + 2;
	fill(&r, TH_FORM);
	box_at(u, &r, f->title, true);
	for (int i = 0; i < f->nfields; i++, y += 2) {
		const char *err = form_field_error(f, i);
		char label[64];

		snprintf(label, sizeof label, "%s%s:", f->f[i].label,
		         f->f[i].optional ? " (optional)" : "");
		ui_paint(TH_FORM);
		ui_put(y, r.x + 2, 28, label, true);
		ui_paint(i == f->cur ? TH_FORM_FIELD_ACTIVE : TH_FORM_FIELD);
		ui_put(y, r.x + 30, r.w - 32, f->f[i].value, true);
		if (err[0]) {
			ui_paint(TH_FORM_ERROR);
			ui_put(y + 1, r.x + 4, r.w - 6, err, true);
		}
	}
	if (offers) {
		form_choices_line(u, choices, sizeof choices);
		ui_paint(TH_DIM);
		ui_put(r.y + r.h - 4, r.x + 2, r.w - 4, choices, true);
	}
	ui_paint(TH_DIM);
	{
		char buf[700];
		snprintf(buf, sizeof buf, "runs: %s", sbuf_str(&cmd));
		ui_put(r.y + r.h - 3, r.x + 2, r.w - 4, buf, true);
	}
	ui_paint(TH_FORM);
	ui_put(r.y + r.h - 2, r.x + 2, r.w - 4,
	    "Enter: do it   Tab: next field   Esc: cancel", true);
	sbuf_free(&cmd);
	/* the cursor in the active field */
	{
		struct form_field *x = &f->f[f->cur];
		int cx = r.x + 30 + x->cursor;
		if (cx < r.x + r.w - 2) {
			move(r.y + 2 + f->cur * 2, cx);
			curs_set(1);
		}
	}
}

/* The help: made from the key tables of what is on screen (views.c),
 * scrolled with the arrows when it is taller than the screen. */
static void draw_help(struct ui *u)
{
	struct sbuf b = SBUF_INIT;
	int w = u->cols - 2 > 100 ? 100 : u->cols - 2, lines = 0, h;
	struct rect r;

	ui_help_text(u, &b, w - 4);
	for (const char *p = sbuf_str(&b); *p; p++)
		lines += *p == '\n';
	h = lines + 2;
	r = centred(u, w, h);
	if (u->help_top > lines - (r.h - 2))
		u->help_top = lines - (r.h - 2) > 0 ? lines - (r.h - 2) : 0;
	fill(&r, TH_DIALOG);
	box_at(u, &r, "Help", true);
	text_in(&r, sbuf_str(&b), u->help_top, TH_HELP_TEXT);
	ui_paint(TH_DIALOG);
	ui_put(r.y + r.h - 1, r.x + 2, r.w - 4, lines > r.h - 2 ?
	       " Up/Down: more.  Press any key to close. " :
	       " Press any key to close. ", false);
	sbuf_free(&b);
}

static void draw_confirm(struct ui *u)
{
	struct rect r = centred(u, 64, 10);
	char buf[1700];

	fill(&r, TH_DIALOG);
	box_at(u, &r, "Confirm", true);
	snprintf(buf, sizeof buf, "%s\n\nruns: %s\n\ny: yes, delete    any other key: no",
	         u->confirm_text, u->confirm_cmd);
	text_in(&r, buf, 0, TH_DIALOG);
}

static void draw_details(struct ui *u)
{
	struct rect r = centred(u, u->cols - 4, u->rows - 4);
	struct sbuf b = SBUF_INIT;

	/* an interface's: its counters under the text, as they are now */
	sbuf_add(&b, u->details ? u->details : "");
	counters_details(u, &b);
	fill(&r, TH_DIALOG);
	box_at(u, &r, "Details (Up/Down scroll, any other key closes)", true);
	text_in(&r, sbuf_str(&b), u->details_top, TH_DIALOG);
	sbuf_free(&b);
}

/* o: what applying the file runs, to confirm */
static void draw_apply(struct ui *u)
{
	struct rect r = centred(u, u->cols - 4, u->rows - 4);

	fill(&r, TH_DIALOG);
	box_at(u, &r, "Apply? y or Enter: apply, n or Esc: do not; Up/Down "
	       "scroll", true);
	text_in(&r, u->details ? u->details : "", u->details_top, TH_DIALOG);
}

void ui_draw(struct ui *u)
{
	curs_set(0);
	ui_paint(TH_NORMAL);
	erase();
	if (u->lay.too_small) {
		char l1[80], l2[80];
		int y = u->rows / 2 - 1;

		snprintf(l1, sizeof l1, "enlarge to at least %d x %d",
		         LAYOUT_MIN_W, LAYOUT_MIN_H);
		snprintf(l2, sizeof l2, "(now %d x %d)", u->cols, u->rows);
		ui_paint(TH_BANNER);
		ui_put(y < 0 ? 0 : y, 0, u->cols, "nsviz:", true);
		ui_put(y + 1, 0, u->cols, l1, true);
		ui_put(y + 2, 0, u->cols, l2, true);
		refresh();
		return;
	}
	draw_title(u);
	/* a lesson takes the right part of the panels */
	layout_compute_log(u->cols, u->rows, u->log_lines, &u->lay);
	if (lesson_ui_active(u) &&
	    (u->screen == S_PANELS || u->screen == S_RULES)) {
		struct rect lr = u->lay.ifs;
		int lw = u->cols * 40 / 100;

		if (lw < 44)
			lw = 44;
		if (u->lay.ifs.w - lw < 30) {
			lr.w = u->lay.ifs.w;
			u->lay.ifs.w = u->lay.routes.w = 0;
		} else {
			u->lay.ifs.w -= lw;
			u->lay.routes.w -= lw;
			lr.x = u->lay.ifs.x + u->lay.ifs.w;
			lr.w = lw;
		}
		lr.h = u->lay.main.h;
		lesson_ui_draw(u, &lr);
	}
	ui_screens[u->screen]->draw(u);
	draw_log(u);
	draw_keys(u);
	switch (u->modal) {
	case M_FORM: draw_form(u); break;
	case M_HELP: draw_help(u); break;
	case M_CONFIRM: draw_confirm(u); break;
	case M_DETAILS: draw_details(u); break;
	case M_TOPOAPPLY: draw_apply(u); break;
	case M_LESSONS: lesson_ui_pick_draw(u); break;
	default: break;
	}
	refresh();
}
