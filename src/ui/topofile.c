/* SPDX-License-Identifier: GPL-2.0-or-later */
/* topofile.c - the UI's topology files: `w` saves the live world as a
 * file of commands (nsviz save), `o` opens one and shows what applying it
 * would run (nsviz diff), and applies it when confirmed (nsviz apply). */
#include "ui/ui_int.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "topo/cli.h"
#include "topo/diff.h"
#include "topo/live.h"
#include "topo/save.h"
#include "util/esc.h"
#include "util/sbuf.h"

#ifndef KEY_ESCAPE
#define KEY_ESCAPE 27
#endif

static void start_line(struct ui *u, enum modal m, const char *text)
{
	u->modal = m;
	snprintf(u->line, sizeof u->line, "%.500s", text);
	u->line_len = (int)strlen(u->line);
	u->line_back = 0;
	u->dirty = true;
}

/* lab.nsviz, or lab-2.nsviz... the first that is not there */
static void propose(char *buf, size_t len)
{
	snprintf(buf, len, "lab.nsviz");
	for (int n = 2; n < 1000 && access(buf, F_OK) == 0; n++)
		snprintf(buf, len, "lab-%d.nsviz", n);
}

void topo_ui_save_start(struct ui *u)
{
	char path[64];

	if (u->topo_file[0]) {
		start_line(u, M_TOPOSAVE, u->topo_file);
		return;
	}
	propose(path, sizeof path);
	start_line(u, M_TOPOSAVE, path);
}

void topo_ui_open_start(struct ui *u)
{
	start_line(u, M_TOPOOPEN, u->topo_file[0] ? u->topo_file : "lab.nsviz");
}

static void save(struct ui *u, const char *path)
{
	struct tilist l;
	struct kerr e = { 0 };
	struct sbuf text = SBUF_INIT;
	struct topo_write_opts wo = { 0 };
	char when[64], err[700], safe[ESC_NAME_LEN];
	time_t t = time(NULL);
	struct tm tm;
	size_t n = 0;

	esc_str(path, safe, sizeof safe);
	if (topo_live(u->w, u->k, NULL, 0, &l, &e) < 0) {
		ui_log(u, L_ERROR, "save: %s", kerr_str(&e));
		return;
	}
	gmtime_r(&t, &tm);
	strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S UTC", &tm);
	wo.version = PACKAGE_VERSION;
	wo.when = when;
	wo.what = "every namespace";
	topo_write(&l, &wo, &text);
	for (size_t i = 0; i < l.n; i++)
		if (!(l.v[i].flags & (TI_HIDDEN | TI_CLAIM | TI_BUILTIN)))
			n++;
	if (topo_write_file(path, sbuf_str(&text), text.len, err,
	                    sizeof err) < 0) {
		ui_log(u, L_ERROR, "save: %s", err);
	} else {
		ui_log(u, L_OK, "saved the world to %s: %zu commands%s", safe, n,
		       l.nleft ? " (what was left out is listed at its top)"
		               : "");
		snprintf(u->topo_file, sizeof u->topo_file, "%s", path);
	}
	tilist_free(&l);
	sbuf_free(&text);
}

void topo_ui_apply_free(struct ui *u)
{
	for (size_t i = 0; i < u->topo_ncmds; i++)
		free(u->topo_cmds[i]);
	free(u->topo_cmds);
	u->topo_cmds = NULL;
	u->topo_ncmds = 0;
}

/* Open: the steps, shown for confirmation (what --prune would delete is
 * listed apart, and not run). */
static void open_file(struct ui *u, const char *path)
{
	struct tilist want, have;
	struct topo_plan p;
	struct sbuf msgs = SBUF_INIT, text = SBUF_INIT, c = SBUF_INIT;
	char err[700], safe[ESC_NAME_LEN];
	size_t nrun = 0;
	int rc;

	esc_str(path, safe, sizeof safe);
	rc = topo_plan_file(u->w, u->k, path, &msgs, &want, &have, &p, err,
	                    sizeof err);
	if (rc) {
		const char *m = rc == 1 ? sbuf_str(&msgs) : err;
		struct sbuf one = SBUF_INIT, flat = SBUF_INIT;

		/* the message on one line, escaped */
		sbuf_add(&flat, m);
		while (flat.len && flat.s[flat.len - 1] == '\n')
			flat.s[--flat.len] = '\0';
		for (size_t i = 0; i < flat.len; i++)
			if (flat.s[i] == '\n')
				flat.s[i] = ' ';
		esc_add(&one, sbuf_str(&flat), 0);
		sbuf_free(&flat);
		ui_log(u, L_ERROR, "open %s: %s%s", safe, sbuf_str(&one),
		       rc == 1 ? " (nothing was changed)" : "");
		sbuf_free(&one);
		sbuf_free(&msgs);
		tilist_free(&want);
		return;
	}
	snprintf(u->topo_file, sizeof u->topo_file, "%s", path);
	topo_ui_apply_free(u);
	u->topo_cmds = xcalloc(p.n + 1, sizeof *u->topo_cmds);
	for (size_t i = 0; i < p.n; i++) {
		sbuf_reset(&c);
		if (topo_item_command(p.v[i].it, p.v[i].line, &c, err,
		                      sizeof err) < 0)
			continue;
		if (p.v[i].kind != TS_PRUNE) {
			sbuf_printf(&text, "%s\n", sbuf_str(&c));
			u->topo_cmds[nrun++] = xstrdup(sbuf_str(&c));
		}
	}
	u->topo_ncmds = nrun;
	if (p.nprune) {
		sbuf_printf(&text, "\nNot in %s (nsviz apply --prune would "
		            "delete it; applying here keeps it):\n", safe);
		for (size_t i = 0; i < p.n; i++) {
			if (p.v[i].kind != TS_PRUNE)
				continue;
			sbuf_reset(&c);
			if (topo_item_command(p.v[i].it, p.v[i].line, &c, err,
			                      sizeof err) == 0)
				sbuf_printf(&text, "- %s\n", sbuf_str(&c));
		}
	}
	if (!nrun) {
		ui_log(u, L_OK, "%s: the live world matches it, nothing to "
		       "apply%s", safe, p.nprune ? " (it has more: see nsviz "
		       "diff)" : "");
		topo_ui_apply_free(u);
	} else {
		free(u->details);
		{
			struct sbuf head = SBUF_INIT;

			sbuf_printf(&head, "Applying %s runs these %zu "
			            "command%s:\n\n", safe, nrun,
			            nrun == 1 ? "" : "s");
			sbuf_add(&head, sbuf_str(&text));
			u->details = xstrdup(sbuf_str(&head));
			sbuf_free(&head);
		}
		u->details_top = 0;
		u->modal = M_TOPOAPPLY;
	}
	sbuf_free(&msgs);
	sbuf_free(&text);
	sbuf_free(&c);
	topo_plan_free(&p);
	tilist_free(&want);
	tilist_free(&have);
}

/* Enter on the file name line */
void topo_ui_line_done(struct ui *u, const char *text)
{
	enum modal m = u->modal;

	u->modal = M_NONE;
	if (!*text) {
		ui_log(u, L_INFO, "no file given");
		return;
	}
	if (m == M_TOPOSAVE)
		save(u, text);
	else
		open_file(u, text);
}

/* The confirmation: y or Enter applies, Esc or n does not; arrows
 * scroll. */
void topo_ui_apply_key(struct ui *u, int ch)
{
	switch (ch) {
	case KEY_DOWN: case 'j':
		u->details_top++;
		return;
	case KEY_UP: case 'k':
		if (u->details_top > 0)
			u->details_top--;
		return;
	case KEY_NPAGE:
		u->details_top += 10;
		return;
	case KEY_PPAGE:
		u->details_top = u->details_top > 10 ? u->details_top - 10 : 0;
		return;
	case 'y': case 'Y': case '\n': case '\r': case KEY_ENTER: {
		size_t done = 0;

		u->modal = M_NONE;
		for (size_t i = 0; i < u->topo_ncmds; i++) {
			if (ui_run_line(u, u->topo_cmds[i]) != 0) {
				ui_log(u, L_ERROR, "apply stopped: %zu of %zu "
				       "changes were made", done,
				       u->topo_ncmds);
				topo_ui_apply_free(u);
				return;
			}
			done++;
		}
		ui_log(u, L_OK, "applied: %zu change%s", done,
		       done == 1 ? "" : "s");
		topo_ui_apply_free(u);
		return;
	}
	default:
		u->modal = M_NONE;
		ui_log(u, L_INFO, "not applied");
		topo_ui_apply_free(u);
		return;
	}
}
