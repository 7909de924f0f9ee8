/* SPDX-License-Identifier: GPL-2.0-or-later */
/* rulesview.c - F: the nftables ruleset of the selected namespace, as
 * `nft -a list ruleset` prints it (through libnftables, kernel/nft.c),
 * read again every second while the view is open and never otherwise;
 * the rules whose counters moved since the last read are highlighted. */
#include "ui/ui_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kernel/kernel.h"
#include "ui/theme.h"
#include "util/esc.h"
#include "util/sbuf.h"

#define RULES_EVERY_MS 1000

struct ui_rules {
	dev_t dev;              /* the namespace, found again at each read */
	ino_t ino;
	char label[300];
	struct sbuf text;       /* the listing, escaped, tabs as spaces */
	struct sbuf prev;       /* the one before, for what moved */
	char err[512];          /* why it could not be read ("" = none) */
	long long read_ms;
	int top;
};

static struct ui_rules *state(struct ui *u)
{
	if (!u->rules)
		u->rules = xcalloc(1, sizeof *u->rules);
	return u->rules;
}

/* nft's tabs, four columns each; the rest as it is (already escaped) */
static void untab(const char *s, struct sbuf *out)
{
	for (; *s; s++) {
		if (*s == '\t')
			sbuf_add(out, "    ");
		else
			sbuf_addc(out, *s);
	}
}

static void rules_read(struct ui *u, long long now)
{
	struct ui_rules *r = state(u);
	struct knft_req req = { "list ruleset", CMD_NFT_HANDLE, false, false, false };
	struct sbuf out = SBUF_INIT, err = SBUF_INIT, safe = SBUF_INIT;
	struct kerr e = { 0 };
	struct w_ns *ns = world_find_ns_ino(u->w, r->dev, r->ino);

	r->read_ms = now;
	r->err[0] = '\0';
	if (!ns) {
		snprintf(r->err, sizeof r->err, "%s: the namespace is gone",
		         r->label);
		sbuf_reset(&r->text);
		u->dirty = true;
		return;
	}
	if (knft_run(u->k, ns, &req, &out, &err, &e) < 0) {
		struct sbuf m = SBUF_INIT;

		esc_add(&m, err.len ? sbuf_str(&err) : kerr_str(&e), 0);
		snprintf(r->err, sizeof r->err, "%s", sbuf_str(&m));
		sbuf_free(&m);
	}
	esc_add(&safe, sbuf_str(&out), ESC_KEEP_NL | ESC_KEEP_TAB);
	sbuf_reset(&r->prev);
	sbuf_add(&r->prev, sbuf_str(&r->text));
	sbuf_reset(&r->text);
	untab(sbuf_str(&safe), &r->text);
	if (strcmp(sbuf_str(&r->prev), sbuf_str(&r->text)))
		u->dirty = true;
	sbuf_free(&out);
	sbuf_free(&err);
	sbuf_free(&safe);
}

void rules_ui_open(struct ui *u)
{
	struct ui_rules *r = state(u);
	struct w_ns *ns = ui_sel_ns(u);

	if (!ns)
		return;
	r->dev = ns->dev;
	r->ino = ns->ino;
	world_ns_label(ns, r->label, sizeof r->label);
	r->top = 0;
	sbuf_reset(&r->text);
	sbuf_reset(&r->prev);
	ui_show(u, S_RULES);
	rules_read(u, ui_now_ms());
	sbuf_reset(&r->prev);   /* nothing moved yet: this is the first */
	u->dirty = true;
}

void rules_ui_poll(struct ui *u, long long now)
{
	if (u->screen == S_RULES && u->rules &&
	    now - u->rules->read_ms >= RULES_EVERY_MS)
		rules_read(u, now);
}

int rules_ui_timeout(const struct ui *u, long long now)
{
	long long left;

	if (u->screen != S_RULES || !u->rules)
		return -1;
	left = u->rules->read_ms + RULES_EVERY_MS - now;
	return left < 0 ? 0 : (int)left;
}

/* line n (from 0) of text: its start and length, or NULL */
static const char *line_at(const char *text, int n, size_t *len)
{
	for (; n > 0 && *text; n--) {
		const char *nl = strchr(text, '\n');

		if (!nl)
			return NULL;
		text = nl + 1;
	}
	if (!*text)
		return NULL;
	*len = strcspn(text, "\n");
	return text;
}

static int count_lines(const char *s)
{
	int n = 0;

	for (; *s; s++)
		n += *s == '\n';
	return n;
}

void rules_ui_draw(struct ui *u)
{
	struct ui_rules *r = state(u);
	const struct rect *m = &u->lay.main;
	const char *text = sbuf_str(&r->text), *prev = sbuf_str(&r->prev);
	int rows = m->h - 1, total = count_lines(text);
	char buf[700];

	if (r->top > total - rows)
		r->top = total - rows;
	if (r->top < 0)
		r->top = 0;
	ui_paint(TH_PANEL_TITLE_ACTIVE);
	snprintf(buf, sizeof buf, " nft -a list ruleset in %s  (every second; "
	         "counters that moved are marked; Up/Down scroll, F back)",
	         r->label);
	ui_put(m->y, m->x, m->w, buf, true);
	for (int y = 0; y < rows; y++) {
		size_t len = 0, plen = 0;
		const char *l = line_at(text, r->top + y, &len);
		const char *p = line_at(prev, r->top + y, &plen);
		char row[600];
		bool moved;

		if (!l) {
			ui_paint(r->err[0] && y == 0 ? TH_LOG_ERROR : TH_DIM);
			ui_put(m->y + 1 + y, m->x, m->w,
			    y ? "" : r->err[0] ? r->err :
			    !total ? "  (no tables: nft add table ... at the : "
			             "line, -n NS nft ... for another namespace)" :
			    "", true);
			continue;
		}
		moved = p && prev[0] && (plen != len || memcmp(p, l, len)) &&
		        memmem(l, len, "counter packets", 15);
		snprintf(row, sizeof row, "%s%.*s", moved ? "* " : "  ",
		         (int)(len < 590 ? len : 590), l);
		ui_paint(moved ? TH_STATE_UP : TH_NORMAL);
		ui_put(m->y + 1 + y, m->x, m->w, row, true);
	}
}

bool rules_ui_key(struct ui *u, int ch)
{
	struct ui_rules *r = state(u);
	int page = u->lay.main.h - 2;

	switch (ch) {
	case KEY_UP: case 'k': r->top--; break;
	case KEY_DOWN: case 'j': r->top++; break;
	case KEY_PPAGE: r->top -= page; break;
	case KEY_NPAGE: r->top += page; break;
	case KEY_HOME: r->top = 0; break;
	case KEY_END: r->top = 1 << 20; break;
	case 'F': case 27:
		ui_show(u, S_PANELS);
		break;
	default:
		return false;
	}
	if (r->top < 0)
		r->top = 0;
	u->dirty = true;
	return true;
}

void rules_ui_free(struct ui *u)
{
	if (!u->rules)
		return;
	sbuf_free(&u->rules->text);
	sbuf_free(&u->rules->prev);
	free(u->rules);
	u->rules = NULL;
}

static int rules_wait(struct ui *u, long long now)
{
	return rules_ui_timeout(u, now);
}

static void rules_k(struct ui *u, int ch)
{
	rules_ui_key(u, ch);
}

static const struct ui_key rules_keys[] = {
	{ { KEY_UP, 'k', KEY_DOWN, 'j' }, "Up/Down, k/j", NULL, "scroll",
	  rules_k },
	{ { KEY_PPAGE, KEY_NPAGE, KEY_HOME, KEY_END }, "PgUp/PgDn, Home/End",
	  NULL, "a page, the ends", rules_k },
	{ { 'F', 27 }, NULL, NULL, "back to the panels", rules_k },
};

const struct ui_view ui_view_rules = {
	.title = "The nft rules",
	.tick = rules_ui_poll,
	.wait_ms = rules_wait,
	.draw = rules_ui_draw,
	.keys = UI_KEYS(rules_keys),
	.free = rules_ui_free,
};
