/* SPDX-License-Identifier: GPL-2.0-or-later */
/* lineedit.c - the one-line editors at the bottom of the screen: the :
 * command line (completion, history kept in a file), the / filter, and
 * the lines other parts ask for (a capture's filter, a file to save to,
 * a topology to open).  readline's keys: Left/Right, Home/End (Ctrl-A,
 * Ctrl-E), Backspace, Delete, Ctrl-U, Ctrl-W. */
#include "ui/ui_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/complete.h"
#include "util/sbuf.h"

#define KEY_ESCAPE 27
#undef CTRL
#define CTRL(c) ((c) & 0x1f)

int ui_form_key_of(int ch)
{
	switch (ch) {
	case '\n': case '\r': case KEY_ENTER: return FKEY_ENTER;
	case KEY_ESCAPE: return FKEY_ESC;
	case '\t': return FKEY_TAB;
	case KEY_BTAB: return FKEY_BTAB;
	case KEY_BACKSPACE: case 127: case CTRL('h'): return FKEY_BACKSPACE;
	case KEY_DC: return FKEY_DELETE;
	case KEY_LEFT: return FKEY_LEFT;
	case KEY_RIGHT: return FKEY_RIGHT;
	case KEY_HOME: case CTRL('a'): return FKEY_HOME;
	case KEY_END: case CTRL('e'): return FKEY_END;
	case CTRL('u'): return FKEY_KILL_START;
	case CTRL('w'): return FKEY_KILL_WORD;
	case KEY_UP: return FKEY_UP;
	case KEY_DOWN: return FKEY_DOWN;
	}
	return ch >= 32 && ch < 127 ? ch : 0;
}

/* The editing keys of a one-line field (the : line, the filter). */
static int line_key_of(int ch)
{
	switch (ch) {
	case '\n': case '\r': case KEY_ENTER: case KEY_ESCAPE: case '\t':
	case KEY_BTAB: case KEY_UP: case KEY_DOWN:
		return 0;
	}
	return ui_form_key_of(ch);
}

/* A line run from the : line joins the history, which is written at
 * once (whole, by rename) so that a session killed keeps it too.  A
 * line with control characters is not kept; a history that cannot be
 * written stays in memory without a word. */
static void hist_add(struct ui *u, const char *line)
{
	if (!history_keepable(line) ||
	    (u->nhist && !strcmp(u->hist[u->nhist - 1], line)))
		return;
	if (u->nhist == HIST_MAX) {
		free(u->hist[0]);
		memmove(&u->hist[0], &u->hist[1], (HIST_MAX - 1) * sizeof *u->hist);
		u->nhist--;
	}
	u->hist[u->nhist++] = xstrdup(line);
	if (u->hist_file[0])
		history_save(u->hist_file, u->hist, u->nhist);
}

void ui_line_key(struct ui *u, int ch)
{
	bool filter = u->modal == M_FILTER;
	bool topoline = u->modal == M_TOPOSAVE || u->modal == M_TOPOOPEN;
	bool capline = u->modal == M_CAPFILTER || u->modal == M_CAPSAVE ||
	               topoline;
	size_t max = filter ? sizeof u->filter - 1 : sizeof u->line - 1;

	u->completions[0] = '\0';
	if (topoline && (ch == '\n' || ch == '\r' || ch == KEY_ENTER)) {
		char line[sizeof u->line];

		u->line_back = 0;
		snprintf(line, sizeof line, "%s", u->line);
		topo_ui_line_done(u, line);
		u->dirty = true;
		return;
	}
	if (capline && (ch == '\n' || ch == '\r' || ch == KEY_ENTER)) {
		u->line_back = 0;
		cap_line_done(u, u->line);
		u->modal = M_NONE;
		u->dirty = true;
		return;
	}
	if (capline && ch == KEY_ESCAPE) {
		u->line_back = 0;
		u->modal = M_NONE;
		u->dirty = true;
		return;
	}
	if (u->line_back < 0 || u->line_back > u->line_len)
		u->line_back = 0;
	switch (ch) {
	case KEY_ESCAPE:
		if (filter)
			u->filter[0] = '\0';
		u->modal = M_NONE;
		break;
	case '\n': case '\r': case KEY_ENTER:
		u->modal = M_NONE;
		if (filter) {
			snprintf(u->filter, sizeof u->filter, "%.63s", u->line);
		} else {
			char line[sizeof u->line];
			snprintf(line, sizeof line, "%s", u->line);
			hist_add(u, line);
			ui_run_line(u, line);
		}
		break;
	case KEY_UP: case KEY_DOWN:
		if (filter || capline || !u->nhist)
			break;
		u->hist_pos += ch == KEY_UP ? -1 : 1;
		if (u->hist_pos < 0)
			u->hist_pos = 0;
		if (u->hist_pos >= u->nhist) {
			u->hist_pos = u->nhist;
			u->line[0] = '\0';
		} else {
			snprintf(u->line, sizeof u->line, "%s",
			         u->hist[u->hist_pos]);
		}
		u->line_len = (int)strlen(u->line);
		u->line_back = 0;
		break;
	case '\t':
		if (!filter && !capline) {
			/* the words before the cursor; the rest stays after */
			char before[sizeof u->line], out[sizeof u->line];
			char rest[sizeof u->line];
			struct sbuf c = SBUF_INIT;
			int at = u->line_len - u->line_back, n;

			snprintf(before, sizeof before, "%.*s", at, u->line);
			snprintf(rest, sizeof rest, "%s", u->line + at);
			n = complete_line(u->w, before, out, sizeof out, &c);
			if (strlen(out) + strlen(rest) <= max) {
				size_t lo = strlen(out), lr = strlen(rest);

				memcpy(u->line, out, lo);
				memcpy(u->line + lo, rest, lr + 1);
				u->line_len = (int)(lo + lr);
				u->line_back = (int)lr;
			}
			if (n > 1)
				snprintf(u->completions, sizeof u->completions,
				         "%s", sbuf_str(&c));
			sbuf_free(&c);
		}
		break;
	default: {
		/* readline's keys: Left/Right, Home/End (^A/^E), Backspace,
		 * Delete, ^U, ^W; printable text goes in at the cursor */
		int k = line_key_of(ch), cur = u->line_len - u->line_back;

		if (k) {
			form_edit(u->line, max + 1, &cur, k);
			u->line_len = (int)strlen(u->line);
			u->line_back = u->line_len - cur;
		}
		break;
	}
	}
	if (u->modal != M_FILTER && u->modal != M_CMDLINE &&
	    u->modal != M_CAPFILTER && u->modal != M_CAPSAVE &&
	    u->modal != M_TOPOSAVE && u->modal != M_TOPOOPEN)
		u->line_back = 0;
	if (filter && u->modal == M_FILTER)
		snprintf(u->filter, sizeof u->filter, "%.63s", u->line);
	u->dirty = true;
}

