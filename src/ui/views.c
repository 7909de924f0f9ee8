/* SPDX-License-Identifier: GPL-2.0-or-later */
/* views.c - the loop's side of the UI's parts (view.h): which there are,
 * keys through their tables, the help screen and the key bar made from
 * those tables, and the poll set they share. */
#include "ui/ui_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/sbuf.h"

const struct ui_view *const ui_screens[S_COUNT] = {
	[S_PANELS] = &ui_view_panels,
	[S_MAP] = &ui_view_map,
	[S_CAPS] = &ui_view_caps,
	[S_SERVERS] = &ui_view_servers,
	[S_RULES] = &ui_view_rules,
};

/* the order their ticks run in (the lesson sees the world first) and,
 * after the shown screen, the order keys are offered in */
const struct ui_view *const ui_parts[] = {
	&ui_view_lesson, &ui_view_procs, &ui_view_routers, &ui_view_rules,
	&ui_view_counters, &ui_view_ping, &ui_view_caps, &ui_view_servers,
	&ui_view_map, &ui_view_panels, &ui_view_global,
};
const size_t ui_nparts = sizeof ui_parts / sizeof *ui_parts;

_Static_assert(sizeof ui_parts / sizeof *ui_parts <= UI_MAX_PARTS,
               "struct ui_pollset has room for every part");

void ui_show(struct ui *u, enum ui_screen s)
{
	if (s == S_MAP && u->screen != S_MAP)
		u->topo_x = -1;         /* start at the selected box */
	u->screen = s;
	u->dirty = true;
}

static bool is_screen(const struct ui_view *v)
{
	for (int s = 0; s < S_COUNT; s++)
		if (ui_screens[s] == v)
			return true;
	return false;
}

static bool active(const struct ui *u, const struct ui_view *v)
{
	return !v->active || v->active(u);
}

bool ui_keys_run(struct ui *u, const struct ui_key *t, size_t n, int ch)
{
	for (size_t i = 0; i < n; i++)
		for (int c = 0; c < UI_KEY_CODES && t[i].code[c]; c++)
			if (t[i].code[c] == ch) {
				t[i].fn(u, ch);
				u->dirty = true;
				return true;
			}
	return false;
}

static bool view_key(struct ui *u, const struct ui_view *v, int ch)
{
	if (!active(u, v))
		return false;
	if (v->keys && ui_keys_run(u, v->keys, v->nkeys, ch))
		return true;
	return v->key && v->key(u, ch);
}

bool ui_views_key(struct ui *u, int ch)
{
	const struct ui_view *shown = ui_screens[u->screen];

	if (view_key(u, shown, ch))
		return true;
	for (size_t i = 0; i < ui_nparts; i++)
		if (!is_screen(ui_parts[i]) && view_key(u, ui_parts[i], ch))
			return true;
	return false;
}

const char *ui_key_name(int code, char *buf, size_t len)
{
	static const struct { int code; const char *name; } named[] = {
		{ '\n', "Enter" }, { '\r', "Enter" }, { KEY_ENTER, "Enter" },
		{ '\t', "Tab" }, { KEY_BTAB, "Shift-Tab" }, { 27, "Esc" },
		{ ' ', "Space" }, { KEY_UP, "Up" }, { KEY_DOWN, "Down" },
		{ KEY_LEFT, "Left" }, { KEY_RIGHT, "Right" },
		{ KEY_PPAGE, "PgUp" }, { KEY_NPAGE, "PgDn" },
		{ KEY_HOME, "Home" }, { KEY_END, "End" }, { KEY_DC, "Delete" },
		{ KEY_BACKSPACE, "Backspace" }, { 127, "Backspace" },
	};

	for (size_t i = 0; i < sizeof named / sizeof *named; i++)
		if (named[i].code == code)
			return named[i].name;
	if (code >= KEY_F(1) && code <= KEY_F(12))
		snprintf(buf, len, "F%d", code - KEY_F(0));
	else if (code > 0 && code < 32)
		snprintf(buf, len, "Ctrl-%c", code + '@');
	else if (code > 32 && code < 127)
		snprintf(buf, len, "%c", code);
	else
		snprintf(buf, len, "key %d", code);
	return buf;
}

static int fkey_of(const struct ui_key *k)
{
	for (int c = 0; c < UI_KEY_CODES && k->code[c]; c++)
		if (k->code[c] >= KEY_F(1) && k->code[c] <= KEY_F(12))
			return k->code[c] - KEY_F(0);
	return 0;
}

/* "x (F8), Delete": the first key, its F key, the others; each name
 * once (Enter is three codes) */
static void key_label(const struct ui_key *k, char *out, size_t len)
{
	char names[UI_KEY_CODES][16], tmp[16];
	int n = 0, f = fkey_of(k);
	size_t at = 0;

	if (k->name) {
		snprintf(out, len, "%s", k->name);
		return;
	}
	out[0] = '\0';
	for (int c = 0; c < UI_KEY_CODES && k->code[c]; c++) {
		const char *nm;
		bool seen = false;

		if (k->code[c] >= KEY_F(1) && k->code[c] <= KEY_F(12))
			continue;
		nm = ui_key_name(k->code[c], tmp, sizeof tmp);
		for (int i = 0; i < n; i++)
			seen |= !strcmp(names[i], nm);
		if (!seen)
			snprintf(names[n++], sizeof names[0], "%s", nm);
	}
	for (int i = 0; i < n && at < len; i++) {
		at += (size_t)snprintf(out + at, len - at, "%s%s",
		                       i ? ", " : "", names[i]);
		if (i == 0 && f && at < len)
			at += (size_t)snprintf(out + at, len - at, " (F%d)", f);
	}
	if (!n && f)
		snprintf(out, len, "F%d", f);
}

/* one table in two columns of cols/2 (an entry too wide for half takes
 * the whole row) */
static void help_table(const struct ui_key *t, size_t n, int cols,
                       struct sbuf *out)
{
	int nw = 0, half = cols / 2;
	char name[64], cell[256];
	bool open = false;      /* a left cell waits for its right one */

	for (size_t i = 0; i < n; i++)
		if (t[i].help) {
			key_label(&t[i], name, sizeof name);
			if ((int)strlen(name) > nw && strlen(name) < 16)
				nw = (int)strlen(name);
		}
	for (size_t i = 0; i < n; i++) {
		int w;

		if (!t[i].help)
			continue;
		key_label(&t[i], name, sizeof name);
		w = snprintf(cell, sizeof cell, "  %-*s  %s", nw, name,
		             t[i].help);
		if (w >= half) {
			if (open)
				sbuf_add(out, "\n");
			sbuf_printf(out, "%s\n", cell);
			open = false;
		} else if (open) {
			sbuf_printf(out, "%s\n", cell);
			open = false;
		} else {
			sbuf_printf(out, "%-*s", half, cell);
			open = true;
		}
	}
	if (open)
		sbuf_add(out, "\n");
}

static void help_view(const struct ui *u, const struct ui_view *v,
                      int cols, struct sbuf *out)
{
	if (!active(u, v) || (!v->nkeys && !v->note))
		return;
	if (out->len)
		sbuf_add(out, "\n");
	sbuf_printf(out, "%s\n", v->title);
	help_table(v->keys, v->nkeys, cols, out);
	if (v->note)
		sbuf_printf(out, "%s\n", v->note);
}

void ui_help_text(const struct ui *u, struct sbuf *out, int cols)
{
	const struct ui_view *shown = ui_screens[u->screen];

	help_view(u, shown, cols, out);
	for (size_t i = 0; i < ui_nparts; i++)
		if (!is_screen(ui_parts[i]))
			help_view(u, ui_parts[i], cols, out);
}

/* the shown screen's bar when it has one, else the F keys in order */
size_t ui_key_bar(const struct ui *u, struct ui_bar_item *out, size_t max)
{
	const struct ui_view *v = ui_screens[u->screen];
	size_t n = 0;
	char tmp[16];

	if (active(u, v))
		for (size_t i = 0; i < v->nkeys && n < max; i++)
			if (v->keys[i].bar) {
				snprintf(out[n].key, sizeof out[n].key, "%s",
				         v->keys[i].name ? v->keys[i].name :
				         ui_key_name(v->keys[i].code[0], tmp,
				                     sizeof tmp));
				out[n++].label = v->keys[i].bar;
			}
	if (n)
		return n;
	v = &ui_view_global;
	for (int f = 1; f <= 12; f++)
		for (size_t i = 0; i < v->nkeys && n < max; i++)
			if (v->keys[i].bar && fkey_of(&v->keys[i]) == f) {
				snprintf(out[n].key, sizeof out[n].key, "F%d", f);
				out[n++].label = v->keys[i].bar;
			}
	return n;
}

/* ---- the poll set ------------------------------------------------------- */

void ui_pollset_reserve(struct ui_pollset *ps, size_t n)
{
	size_t need = n;

	for (size_t i = 0; i < ui_nparts; i++)
		need += (size_t)ui_parts[i]->nfds;
	if (need <= ps->cap)
		return;
	ps->cap = need + need / 2;
	ps->pfd = xrealloc(ps->pfd, ps->cap * sizeof *ps->pfd);
}

void ui_pollset_free(struct ui_pollset *ps)
{
	free(ps->pfd);
	ps->pfd = NULL;
	ps->cap = 0;
}

void ui_parts_fds(struct ui *u, struct ui_pollset *ps, int *n)
{
	for (size_t i = 0; i < ui_nparts; i++) {
		const struct ui_view *v = ui_parts[i];
		int max = v->nfds;

		ps->first[i] = *n;
		ps->count[i] = 0;
		if (!v->fds || !max)
			continue;
		if ((size_t)*n + (size_t)max > ps->cap)
			max = (int)(ps->cap - (size_t)*n);
		ps->count[i] = v->fds(u, ps->pfd + *n, max);
		*n += ps->count[i];
	}
}

/* every part with descriptors is served after each poll, also when
 * none is ready (a capture's checks are due on the timeout) */
void ui_parts_service(struct ui *u, struct ui_pollset *ps)
{
	for (size_t i = 0; i < ui_nparts; i++) {
		const struct ui_view *v = ui_parts[i];

		if (v->service && ps->count[i])
			v->service(u, ps->pfd + ps->first[i], ps->count[i]);
	}
}

void ui_parts_tick(struct ui *u, long long now)
{
	for (size_t i = 0; i < ui_nparts; i++)
		if (ui_parts[i]->tick)
			ui_parts[i]->tick(u, now);
}

int ui_parts_timeout(struct ui *u, long long now)
{
	int best = -1;

	for (size_t i = 0; i < ui_nparts; i++) {
		int t;

		if (!ui_parts[i]->wait_ms)
			continue;
		t = ui_parts[i]->wait_ms(u, now);
		if (t >= 0 && (best < 0 || t < best))
			best = t;
	}
	return best;
}

void ui_parts_free(struct ui *u)
{
	for (size_t i = 0; i < ui_nparts; i++)
		if (ui_parts[i]->free)
			ui_parts[i]->free(u);
}
