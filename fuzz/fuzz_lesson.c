/* SPDX-License-Identifier: GPL-2.0-or-later */
/* fuzz_lesson.c - libFuzzer target for the lesson parser (make fuzz).
 *
 * Input: the text of a lesson file.  A file that parses is then read the
 * way the UI and the CLI read it: every accessor, every step, every
 * check's text, the commands' `you ran` keys and `# fails` marks, and
 * the text wrapped at narrow and wide widths.  A file that does not
 * parse must say where: "fuzz.lesson:LINE: reason". */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "lesson/priv.h"
#include "util/sbuf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FN "fuzz.lesson"

/* below 10, lesson_wrap takes 10 */
static const int widths[] = { 0, 11, 80 };

static void wrap_all(const char *text, struct sbuf *b)
{
	for (size_t i = 0; i < sizeof widths / sizeof widths[0]; i++) {
		sbuf_reset(b);
		lesson_wrap(text, widths[i], b);
		(void)strlen(sbuf_str(b));
	}
}

static void commands(const char *const *v, struct sbuf *b)
{
	for (size_t i = 0; v && v[i]; i++) {
		(void)lesson_cmd_may_fail(v[i]);
		sbuf_reset(b);
		(void)lesson_cmd_key(v[i], b);
	}
}

static void walk(const struct lesson *l, struct sbuf *b)
{
	(void)lesson_number(l);
	(void)strlen(lesson_title(l));
	wrap_all(lesson_summary(l), b);
	(void)strlen(lesson_filename(l));
	commands(lesson_setup(l), b);
	for (size_t i = 0; i < lesson_nsteps(l); i++) {
		const struct lesson_step *s = lesson_step(l, i);
		size_t n;

		if (!s || !s->title || !s->text) {
			fprintf(stderr, "fuzz_lesson: step %zu has no title or "
			        "text\n", i);
			abort();
		}
		wrap_all(s->title, b);
		wrap_all(s->text, b);
		if (s->keys)
			wrap_all(s->keys, b);
		if (s->hint)
			wrap_all(s->hint, b);
		commands(s->todo, b);
		commands(s->showme, b);
		n = lesson_step_nchecks(s);
		for (size_t k = 0; k < n; k++) {
			const struct lck *c = &s->priv->checks[k];

			(void)strlen(lesson_check_text(s, k));
			(void)lesson_check_is_slow(s, k);
			/* a qdisc check's words against its own text */
			if (c->kind == LCK_QDISC && c->arg2)
				(void)lesson_words_in(c->arg2, c->text);
		}
		for (size_t k = 0; k < s->priv->nneeds; k++)
			if (!s->priv->needs[k].kind[0]) {
				fprintf(stderr, "fuzz_lesson: an empty needs: "
				        "kind\n");
				abort();
			}
		(void)lesson_step_has_slow(s);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sbuf b = SBUF_INIT;
	struct lesson *l = NULL;
	char err[512];
	char *s;

	s = fuzz_text(data, size);
	if (!s)
		return 0;
	err[0] = '\0';
	if (lesson_parse(s, FN, &l, err, sizeof err) == 0) {
		walk(l, &b);
		lesson_free(l);
	} else if (strncmp(err, FN ":", sizeof FN)) {
		fprintf(stderr, "fuzz_lesson: an error without FILE:LINE: [%s]\n",
		        err);
		abort();
	}
	/* the raw text as a step's text, too */
	sbuf_reset(&b);
	lesson_wrap(s, 17, &b);
	sbuf_free(&b);
	free(s);
	return 0;
}
