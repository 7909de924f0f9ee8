/* SPDX-License-Identifier: GPL-2.0-or-later */
/* theme_curses.c - a theme applied to the terminal at hand: colour pairs
 * when it has colours (reduced to 16 or 8 as needed), attributes only
 * when it has none or NO_COLOR is set. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "ui/theme.h"

static int attr_of[TH_COUNT];
static bool applied;
static bool colour_on;

static int curses_attrs(unsigned a)
{
	int r = A_NORMAL;

	if (a & THEME_BOLD)
		r |= A_BOLD;
	if (a & THEME_REVERSE)
		r |= A_REVERSE;
	if (a & THEME_UNDERLINE)
		r |= A_UNDERLINE;
	if (a & THEME_DIM)
		r |= A_DIM;
	if (a & THEME_STANDOUT)
		r |= A_STANDOUT;
#ifdef A_ITALIC
	if (a & THEME_ITALIC)
		r |= A_ITALIC;
#endif
	return r;
}

static void apply_mono(const struct theme *t)
{
	struct theme m;

	/* A theme made of attributes alone is used as it is; one that
	 * relies on colour would lose its distinctions: use the built-in
	 * monochrome choices instead. */
	if (theme_uses_colour(t))
		theme_monochrome(&m);
	else
		m = *t;
	for (int i = 0; i < TH_COUNT; i++)
		attr_of[i] = curses_attrs(m.a[i].attrs);
}

void theme_apply(const struct theme *t)
{
	const char *nc = getenv("NO_COLOR");
	short pair_fg[TH_COUNT + 1], pair_bg[TH_COUNT + 1];
	int npairs = 0, ncolours;
	bool defaults;

	applied = true;
	colour_on = false;
	if ((nc && *nc) || !has_colors()) {
		apply_mono(t);
		return;
	}
	if (start_color() == ERR || COLORS < 8 || COLOR_PAIRS < 2) {
		apply_mono(t);
		return;
	}
	colour_on = true;
	defaults = use_default_colors() == OK;
	ncolours = COLORS >= 256 ? 256 : COLORS >= 16 ? 16 : 8;

	for (int i = 0; i < TH_COUNT; i++) {
		struct theme_attr a;
		int pair = -1;

		theme_reduce(&t->a[i], ncolours, &a);
		if (!defaults) {
			if (a.fg < 0)
				a.fg = COLOR_WHITE;
			if (a.bg < 0)
				a.bg = COLOR_BLACK;
		}
		if (a.fg < 0 && a.bg < 0) {
			pair = 0;
		} else {
			for (int p = 0; p < npairs; p++)
				if (pair_fg[p] == a.fg && pair_bg[p] == a.bg)
					pair = p + 1;
			if (pair < 0 && npairs + 1 < COLOR_PAIRS &&
			    init_pair((short)(npairs + 1), a.fg, a.bg) == OK) {
				pair_fg[npairs] = a.fg;
				pair_bg[npairs] = a.bg;
				pair = ++npairs;
			}
		}
		if (pair < 0) {
			/* Out of colour pairs: this element goes monochrome. */
			struct theme m;

			theme_monochrome(&m);
			attr_of[i] = curses_attrs(m.a[i].attrs);
			continue;
		}
		attr_of[i] = curses_attrs(a.attrs) | (int)COLOR_PAIR(pair);
	}
}

int theme_curses_attr(enum theme_elem e)
{
	if ((int)e < 0 || e >= TH_COUNT)
		return A_NORMAL;
	if (!applied) {
		struct theme m;

		theme_monochrome(&m);
		return curses_attrs(m.a[e].attrs);
	}
	return attr_of[e];
}

bool theme_has_colour(void)
{
	return colour_on;
}
