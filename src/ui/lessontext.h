/* SPDX-License-Identifier: GPL-2.0-or-later */
/* lessontext.h - the lesson panel's text, as lines of a given width
 * (pure: no curses, unit-tested).  Every part of a step is wrapped to
 * the panel: the explanation (listings included), the commands to type,
 * the keys, the goal's checks, why it does not hold yet, and the hint.
 * Running text breaks at blanks; a word longer than the line is cut.  A
 * command, or a listing line, that does not fit goes on over several
 * lines, each but the last ending in a backslash, as in a shell: " \"
 * where it was cut at a blank, "\" where a word itself was cut. */
#ifndef NSVIZ_LESSONTEXT_H
#define NSVIZ_LESSONTEXT_H

#include <stdbool.h>
#include <stddef.h>

struct lesson_step;

enum lt_class {
	LT_TEXT,        /* the explanation */
	LT_HEAD,        /* "Type at the : line:", "Goal ..." */
	LT_CMD,         /* a command to type (and its continuation lines) */
	LT_KEYS,        /* the keys that do the same */
	LT_CHECK,       /* one check of the goal */
	LT_WHY,         /* "not yet: ..." */
	LT_HINT
};

struct lt_line {
	enum lt_class cls;
	char *s;
};

struct lt_lines {
	struct lt_line *v;
	size_t n, cap;
};

/* The continuation mark of a command or listing line that goes on. */
#define LT_MARK '\\'

/* Append s (one logical line: newlines count as blanks) wrapped to width
 * columns (code points): the first line starts with first, the others
 * with cont.  mark: a line that goes on ends in LT_MARK (commands,
 * listings); without it running text breaks at blanks and only a word
 * longer than a whole line is cut.  width < 8 is taken as 8. */
void lt_wrap(struct lt_lines *out, enum lt_class cls, const char *s,
             int width, const char *first, const char *cont, bool mark);

/* The whole step, wrapped to width: explanation, commands, keys, goal
 * (checks, and why when it is given and the step is not done), and the
 * hint when show_hint. */
void lt_render_step(struct lt_lines *out, const struct lesson_step *st,
                    int width, bool show_hint, bool done, const char *why);

void lt_free(struct lt_lines *l);

#endif
