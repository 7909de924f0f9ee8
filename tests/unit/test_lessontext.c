/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_lessontext.c - the lesson panel's text wrapped to the panel: every
 * word of every step of every shipped lesson is there, no line is wider
 * than the panel, and every command can be read whole. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lesson/lesson.h"
#include "ui/lessontext.h"
#include "util/sbuf.h"

#ifndef TEST_LESSONSDIR
#define TEST_LESSONSDIR "lessons"
#endif

static int cols(const char *s)
{
	int c = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			c++;
	return c;
}

/* The lines read as one text: leading blanks dropped, a line ending in
 * the mark joined to the next without it, the others with a blank.
 * Runs of blanks become one. */
static void joined(const struct lt_lines *l, size_t from, size_t to,
                   struct sbuf *out)
{
	bool glue = false;

	for (size_t i = from; i < to; i++) {
		const char *s = l->v[i].s;
		size_t n;

		while (*s == ' ')
			s++;
		n = strlen(s);
		if (!glue && out->len && n)
			sbuf_addc(out, ' ');
		glue = n && s[n - 1] == LT_MARK;
		sbuf_addn(out, s, glue ? n - 1 : n);
	}
	/* squeeze blanks */
	size_t w = 0;
	for (size_t r = 0; r < out->len; r++)
		if (!(out->s[r] == ' ' && w && out->s[w - 1] == ' '))
			out->s[w++] = out->s[r];
	out->len = w;
	if (out->s)
		out->s[w] = '\0';
}

static void squeeze(const char *s, struct sbuf *out)
{
	sbuf_reset(out);
	for (; *s; s++) {
		char c = (*s == '\n' || *s == '\t') ? ' ' : *s;
		if (c == ' ' && (!out->len || out->s[out->len - 1] == ' '))
			continue;
		sbuf_addc(out, c);
	}
	while (out->len && out->s[out->len - 1] == ' ')
		out->s[--out->len] = '\0';
}

/* every blank-separated word of s is somewhere in text */
static void all_words_in(const char *s, const char *text, const char *what)
{
	char *copy = strdup(s), *save = NULL;

	for (char *w = strtok_r(copy, " \n\t", &save); w;
	     w = strtok_r(NULL, " \n\t", &save)) {
		if (!strstr(text, w))
			fail_msg("%s: the word \"%s\" is not in the panel:\n%s",
			         what, w, text);
	}
	free(copy);
}

static void check_step(const struct lesson *l, size_t si, int width)
{
	const struct lesson_step *st = lesson_step(l, si);
	const char *why = "there is no veth0 in the host namespace, and "
	                  "the reason goes on for a while to be wrapped";
	struct lt_lines out = { 0 };
	struct sbuf all = SBUF_INIT, want = SBUF_INIT;
	char what[200];

	snprintf(what, sizeof what, "lesson %d step %zu at width %d",
	         lesson_number(l), si + 1, width);
	lt_render_step(&out, st, width, true, false, why);
	for (size_t i = 0; i < out.n; i++)
		if (cols(out.v[i].s) > width)
			fail_msg("%s: line wider than the panel: \"%s\"", what,
			         out.v[i].s);
	joined(&out, 0, out.n, &all);
	all_words_in(st->text, sbuf_str(&all), what);
	if (st->keys)
		all_words_in(st->keys, sbuf_str(&all), what);
	if (st->hint)
		all_words_in(st->hint, sbuf_str(&all), what);
	all_words_in(why, sbuf_str(&all), what);
	for (size_t i = 0; i < lesson_step_nchecks(st); i++)
		all_words_in(lesson_check_text(st, i), sbuf_str(&all), what);
	/* each command whole, on its own lines, after its ':' */
	for (size_t c = 0; st->todo && st->todo[c]; c++) {
		struct sbuf cmd = SBUF_INIT;
		bool found = false;

		squeeze(st->todo[c], &want);
		for (size_t i = 0; i < out.n && !found; i++) {
			size_t j = i + 1;

			if (out.v[i].cls != LT_CMD ||
			    strncmp(out.v[i].s, "  :", 3))
				continue;
			while (j < out.n && out.v[j].cls == LT_CMD &&
			       strncmp(out.v[j].s, "  :", 3))
				j++;
			sbuf_reset(&cmd);
			joined(&out, i, j, &cmd);
			found = !strcmp(sbuf_str(&cmd) + 1, sbuf_str(&want));
		}
		if (!found)
			fail_msg("%s: command \"%s\" not shown whole", what,
			         sbuf_str(&want));
		sbuf_free(&cmd);
	}
	sbuf_free(&all);
	sbuf_free(&want);
	lt_free(&out);
}

static void test_every_step_every_width(void **state)
{
	struct lesson **v;
	size_t n, steps = 0;
	struct sbuf errs = SBUF_INIT;
	static const int widths[] = { 24, 30, 40, 46, 52, 78, 120 };

	(void)state;
	setenv("XDG_DATA_HOME", "/nonexistent", 1);
	setenv("NSVIZ_LESSONS_DIR", TEST_LESSONSDIR, 1);
	assert_true(lesson_load_all(&v, &n, &errs) >= 8);
	assert_int_equal(errs.len, 0);
	for (size_t i = 0; i < n; i++)
		for (size_t s = 0; s < lesson_nsteps(v[i]); s++, steps++)
			for (size_t w = 0; w < sizeof widths / sizeof *widths; w++)
				check_step(v[i], s, widths[w]);
	assert_true(steps >= 40);
	lesson_free_all(v, n);
	sbuf_free(&errs);
}

static void test_wrap_command_at_blanks(void **state)
{
	struct lt_lines l = { 0 };
	struct sbuf j = SBUF_INIT;

	(void)state;
	lt_wrap(&l, LT_CMD, "ip link add veth0 type veth peer name veth1", 20,
	        "  :", "    ", true);
	assert_true(l.n >= 3);
	for (size_t i = 0; i < l.n; i++) {
		size_t n = strlen(l.v[i].s);
		assert_true(cols(l.v[i].s) <= 20);
		/* every line but the last shows that it goes on */
		if (i + 1 < l.n)
			assert_string_equal(l.v[i].s + n - 2, " \\");
		else
			assert_int_not_equal(l.v[i].s[n - 1], '\\');
	}
	assert_string_equal(l.v[0].s, "  :ip link add \\");
	joined(&l, 0, l.n, &j);
	assert_string_equal(sbuf_str(&j),
	                    ":ip link add veth0 type veth peer name veth1");
	lt_free(&l);
	sbuf_free(&j);
}

static void test_wrap_long_word(void **state)
{
	struct lt_lines l = { 0 };
	struct sbuf j = SBUF_INIT;
	const char *word = "net.ipv6.conf.all.use_tempaddr_and_more_words";

	(void)state;
	/* a command word longer than the line is cut, with the mark */
	lt_wrap(&l, LT_CMD, word, 12, "", "", true);
	assert_true(l.n >= 4);
	for (size_t i = 0; i + 1 < l.n; i++) {
		assert_true(cols(l.v[i].s) <= 12);
		assert_int_equal(l.v[i].s[strlen(l.v[i].s) - 1], '\\');
	}
	joined(&l, 0, l.n, &j);
	assert_string_equal(sbuf_str(&j), word);
	lt_free(&l);
	/* running text breaks at blanks, with no mark */
	lt_wrap(&l, LT_TEXT, "one two  three\nfour", 9, "", "", false);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.v[0].s, "one two");
	assert_string_equal(l.v[1].s, "three");
	assert_string_equal(l.v[2].s, "four");
	lt_free(&l);
	lt_wrap(&l, LT_TEXT, "one two  three\nfour", 10, "", "", false);
	assert_string_equal(l.v[1].s, "three four");
	lt_free(&l);
	/* UTF-8: code points are columns */
	lt_wrap(&l, LT_TEXT, "\xc3\xa9t\xc3\xa9 \xc3\xa9t\xc3\xa9", 8, "", "",
	        false);
	assert_int_equal(l.n, 1);
	lt_free(&l);
	sbuf_free(&j);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_wrap_command_at_blanks),
		cmocka_unit_test(test_wrap_long_word),
		cmocka_unit_test(test_every_step_every_width),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
