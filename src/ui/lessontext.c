/* SPDX-License-Identifier: GPL-2.0-or-later */
/* lessontext.c - the lesson panel's text wrapped to the panel (pure). */
#include "ui/lessontext.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lesson/lesson.h"
#include "util/sbuf.h"

/* Columns of n bytes of UTF-8: code points (continuation bytes do not
 * count). */
static int cols(const char *s, size_t n)
{
	int c = 0;

	for (size_t i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			c++;
	return c;
}

/* Bytes of s that make at most c columns, not cutting a code point. */
static size_t bytes_for(const char *s, size_t n, int c)
{
	size_t i = 0;

	while (i < n) {
		size_t j = i + 1;

		while (j < n && ((unsigned char)s[j] & 0xc0) == 0x80)
			j++;
		if (c-- <= 0)
			break;
		i = j;
	}
	return i;
}

static void push(struct lt_lines *out, enum lt_class cls, struct sbuf *b)
{
	xgrow((void **)&out->v, &out->cap, out->n + 1, sizeof *out->v);
	out->v[out->n].cls = cls;
	out->v[out->n].s = xstrdup(sbuf_str(b));
	out->n++;
	sbuf_reset(b);
}

static void push_str(struct lt_lines *out, enum lt_class cls, const char *s)
{
	struct sbuf b = SBUF_INIT;

	sbuf_add(&b, s);
	push(out, cls, &b);
	sbuf_free(&b);
}

void lt_wrap(struct lt_lines *out, enum lt_class cls, const char *s,
             int width, const char *first, const char *cont, bool mark)
{
	struct sbuf text = SBUF_INIT, line = SBUF_INIT;
	const char *p, *end;
	bool first_line = true;

	if (width < 8)
		width = 8;
	/* newlines and tabs are blanks; running text has single blanks */
	for (p = s; *p; p++) {
		char c = (*p == '\n' || *p == '\t' || *p == '\r') ? ' ' : *p;

		if (c == ' ' && !mark &&
		    (!text.len || text.s[text.len - 1] == ' '))
			continue;
		sbuf_addc(&text, c);
	}
	while (text.len && text.s[text.len - 1] == ' ')
		text.s[--text.len] = '\0';
	p = sbuf_str(&text);
	end = p + text.len;
	while (*p == ' ')
		p++;
	for (;;) {
		const char *pre = first_line ? first : cont;
		int avail = width - cols(pre, strlen(pre));
		int reserve = mark ? 2 : 0;
		size_t rest = (size_t)(end - p), brk = 0, cut;
		bool found = false;

		if (avail < 2 + reserve)
			avail = 2 + reserve;
		sbuf_add(&line, pre);
		if (cols(p, rest) <= avail) {
			sbuf_addn(&line, p, rest);
			push(out, cls, &line);
			break;
		}
		/* the last blank that leaves the text before it on this line */
		for (size_t i = 1; i < rest; i++) {
			if (p[i] == ' ' && p[i - 1] != ' ') {
				if (cols(p, i) > avail - reserve)
					break;
				brk = i;
				found = true;
			}
		}
		if (found) {
			sbuf_addn(&line, p, brk);
			if (mark)
				sbuf_add(&line, " \\");
			p += brk;
			while (*p == ' ')
				p++;
		} else {
			/* one word longer than the line: cut it */
			cut = bytes_for(p, rest, avail - (mark ? 1 : 0));
			if (!cut)
				cut = 1;
			sbuf_addn(&line, p, cut);
			if (mark)
				sbuf_addc(&line, LT_MARK);
			p += cut;
		}
		push(out, cls, &line);
		first_line = false;
	}
	sbuf_free(&text);
	sbuf_free(&line);
}

/* The explanation: paragraphs separated by a blank line; one that starts
 * with a blank is a listing, its lines kept (and wrapped with the mark
 * when too long), the others running text. */
static void render_text(struct lt_lines *out, const char *text, int width)
{
	const char *p = text;
	bool any = false;

	while (*p) {
		const char *e = strstr(p, "\n\n");
		size_t n = e ? (size_t)(e - p) : strlen(p);
		char *para = xmalloc(n + 1);

		memcpy(para, p, n);
		para[n] = '\0';
		p += n;
		while (*p == '\n')
			p++;
		if (!para[strspn(para, " \n")]) {
			free(para);
			continue;
		}
		if (any)
			push_str(out, LT_TEXT, "");
		any = true;
		if (para[0] == ' ') {
			char *save = NULL;

			for (char *l = strtok_r(para, "\n", &save); l;
			     l = strtok_r(NULL, "\n", &save)) {
				size_t ind = strspn(l, " ");
				char first[64], cont[64];

				if (ind > 20)
					ind = 20;
				snprintf(first, sizeof first, "%*s", (int)ind, "");
				snprintf(cont, sizeof cont, "%*s", (int)ind + 2, "");
				lt_wrap(out, LT_TEXT, l + strspn(l, " "), width,
				        first, cont, true);
			}
		} else {
			lt_wrap(out, LT_TEXT, para, width, "", "", false);
		}
		free(para);
	}
}

void lt_render_step(struct lt_lines *out, const struct lesson_step *st,
                    int width, bool show_hint, bool done, const char *why)
{
	size_t nc = lesson_step_nchecks(st);

	render_text(out, st->text ? st->text : "", width);
	if (st->todo && st->todo[0]) {
		push_str(out, LT_TEXT, "");
		push_str(out, LT_HEAD, "Type at the : line:");
		for (size_t i = 0; st->todo[i]; i++)
			lt_wrap(out, LT_CMD, st->todo[i], width, "  :", "    ",
			        true);
	}
	if (st->keys && st->keys[0]) {
		push_str(out, LT_TEXT, "");
		lt_wrap(out, LT_KEYS, st->keys, width, "Or with keys: ", "  ",
		        false);
	}
	push_str(out, LT_TEXT, "");
	push_str(out, LT_HEAD, done ? "Goal: done" : "Goal (checked live):");
	for (size_t i = 0; i < nc; i++) {
		struct sbuf b = SBUF_INIT;

		sbuf_printf(&b, "%s%s", lesson_check_text(st, i),
		            lesson_check_is_slow(st, i) ? "  (every 2 s)" : "");
		lt_wrap(out, LT_CHECK, sbuf_str(&b), width, "  - ", "    ",
		        false);
		sbuf_free(&b);
	}
	if (!done && why && why[0])
		lt_wrap(out, LT_WHY, why, width, "  not yet: ", "    ", false);
	if (show_hint && st->hint && st->hint[0]) {
		push_str(out, LT_TEXT, "");
		lt_wrap(out, LT_HINT, st->hint, width, "hint: ", "  ", false);
	}
}

void lt_free(struct lt_lines *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i].s);
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}
