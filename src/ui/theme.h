/* SPDX-License-Identifier: GPL-2.0-or-later */
/* theme.h - colour themes for the full-screen UI.
 *
 * A theme gives every element of the screen a foreground, a background
 * and attributes.  theme.c parses theme files and finds them on disk (no
 * curses); theme_curses.c turns a theme into curses attributes for the
 * terminal at hand (256, 16, 8 or no colours, NO_COLOR).  The file
 * format is documented in nsviz-theme(5). */
#ifndef NSVIZ_UI_THEME_H
#define NSVIZ_UI_THEME_H

#include <stdbool.h>
#include <stddef.h>

enum theme_elem {
	TH_NORMAL, TH_TITLE, TH_BADGE_SANDBOX, TH_BADGE_HOST, TH_BADGE_READONLY,
	TH_BORDER, TH_BORDER_ACTIVE, TH_PANEL_TITLE, TH_PANEL_TITLE_ACTIVE,
	TH_HEADER, TH_SELECTED, TH_SELECTED_INACTIVE, TH_DIM,
	TH_STATE_UP, TH_STATE_DOWN, TH_STATE_UNKNOWN,
	TH_KEY, TH_KEY_LABEL, TH_LOG_CMD, TH_LOG_OK, TH_LOG_ERROR, TH_LOG_OUTPUT,
	TH_FORM, TH_FORM_FIELD, TH_FORM_FIELD_ACTIVE, TH_FORM_ERROR, TH_DIALOG,
	TH_BANNER, TH_TOPO_BOX, TH_TOPO_BOX_SELECTED, TH_TOPO_WIRE_UP, TH_TOPO_WIRE_DOWN,
	TH_TOPO_LABEL, TH_HELP_KEY, TH_HELP_TEXT,
	TH_COUNT
};

/* Attribute bits of struct theme_attr (nsviz's own, not curses'). */
#define THEME_BOLD      0x01u
#define THEME_REVERSE   0x02u
#define THEME_UNDERLINE 0x04u
#define THEME_DIM       0x08u
#define THEME_STANDOUT  0x10u
#define THEME_ITALIC    0x20u
#define THEME_ATTR_ALL  0x3fu

/* Colour values: -1 = terminal default, 0..7 basic, 8..15 bright,
 * 16..255 xterm-256 (6x6x6 cube 16..231, grey ramp 232..255). */
#define THEME_COLOUR_DEFAULT (-1)

struct theme_attr { short fg, bg; unsigned attrs; };
struct theme { char name[64]; struct theme_attr a[TH_COUNT]; };

/* "panel.border" style names, as in theme files and nsviz-theme(5);
 * NULL for a value out of range. */
const char *theme_elem_name(enum theme_elem e);
/* The element called NAME (exact, lower case), or -1. */
int theme_elem_lookup(const char *name);

/* The built-in dark theme (named "dark"), used when nothing loads;
 * themes/dark.theme holds exactly the same values. */
void theme_default(struct theme *t);
/* The built-in monochrome theme (named "mono"): attributes only, the
 * same as themes/mono.theme.  theme_curses.c uses it when colour is off
 * and the chosen theme relies on colour. */
void theme_monochrome(struct theme *t);
/* true when any element of T sets a foreground or background colour. */
bool theme_uses_colour(const struct theme *t);
bool theme_equal(const struct theme *a, const struct theme *b); /* ignores name */

/* Parse one colour word ("default", "red", "bright-red", "grey",
 * "color42", "colour42", "#rrggbb"), case-insensitively.  0 and *out,
 * or -1. */
int theme_parse_colour(const char *word, short *out);

/* Parse theme text.  Returns 0, or -1 with err = "FILE:LINE: reason"
 * (unknown element, unknown colour, bad attribute, missing field...).
 * On error *t is the default theme.  FILENAME (may be NULL) names the
 * text in messages; its base name without ".theme" becomes t->name.  An
 * `inherit NAME` line loads NAME through the search path of theme_load
 * (skipping FILENAME itself, so a user's dark.theme can inherit the
 * shipped dark). */
int theme_parse(const char *text, const char *filename, struct theme *t, char *err, size_t errlen);

/* Find and load theme NAME: $XDG_CONFIG_HOME/nsviz/themes/NAME.theme (or
 * ~/.config/...), then $NSVIZ_THEMES_DIR/NAME.theme if set (when unset
 * and run from its build tree: the source tree's themes), then
 * NSVIZ_DATADIR "/themes/NAME.theme".  "dark"
 * and "mono" fall back to the built-in themes when no file is found.  A
 * NAME containing '/' is the path of a theme file.  0 ok; -1 with err
 * (not found: where it looked; or the parse error with file:line) and
 * *t = default. */
int theme_load(const char *name, struct theme *t, char *err, size_t errlen);
/* Load the theme file at PATH (as theme_load does for a NAME with '/'). */
int theme_load_file(const char *path, struct theme *t, char *err, size_t errlen);

/* The names of all themes found in the search path (and the built-in
 * ones), sorted, without duplicates.  Returns how many were found (may
 * exceed MAX; only MAX are stored). */
size_t theme_list(char (*names)[64], size_t max);

/* Reduce IN for a terminal with NCOLOURS colours (256, 16 or 8): colours
 * 16..255 become the nearest of the 16 basic ones; with 8 colours a
 * bright foreground becomes its basic colour plus THEME_BOLD and a bright
 * background its basic colour.  When reduction makes fg and bg equal
 * (and they were not), fg becomes black or white, whichever reads. */
void theme_reduce(const struct theme_attr *in, int ncolours, struct theme_attr *out);
/* The nearest of the 16 basic colours to C (C itself when C < 16). */
short theme_colour_to_16(short c);

/* curses side (theme_curses.c): set up colour pairs for the terminal:
 * colour when has_colors() and NO_COLOR is unset or empty; otherwise
 * attributes only (the theme's own when it uses no colour, else the
 * built-in monochrome ones).  8-colour terminals: bright 8..15 map to
 * 0..7 + A_BOLD; 256-colour values map to the nearest of the 8/16 basic
 * ones.  Call after initscr()/newterm() and again after a theme change.
 * Paint the screen with wbkgd(stdscr, theme_curses_attr(TH_NORMAL)) so
 * that themes with a background colour fill it. */
void theme_apply(const struct theme *t);
int theme_curses_attr(enum theme_elem e);            /* attr_t incl. COLOR_PAIR */
bool theme_has_colour(void);

#endif
