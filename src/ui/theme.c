/* SPDX-License-Identifier: GPL-2.0-or-later */
/* theme.c - theme files: the built-in themes, parsing, the search path
 * and colour reduction.  No curses here (see theme_curses.c). */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "ui/config.h"
#include "ui/theme.h"
#include "util/uninstalled.h"

#ifndef NSVIZ_DATADIR
#define NSVIZ_DATADIR "/usr/local/share/nsviz"
#endif

/* An inherit chain longer than this is taken for a loop. */
#define INHERIT_MAX 8

static const char *const elem_names[TH_COUNT] = {
	[TH_NORMAL]             = "normal",
	[TH_TITLE]              = "title",
	[TH_BADGE_SANDBOX]      = "badge.sandbox",
	[TH_BADGE_HOST]         = "badge.host",
	[TH_BADGE_READONLY]     = "badge.readonly",
	[TH_BORDER]             = "panel.border",
	[TH_BORDER_ACTIVE]      = "panel.border.active",
	[TH_PANEL_TITLE]        = "panel.title",
	[TH_PANEL_TITLE_ACTIVE] = "panel.title.active",
	[TH_HEADER]             = "list.header",
	[TH_SELECTED]           = "list.selected",
	[TH_SELECTED_INACTIVE]  = "list.selected.inactive",
	[TH_DIM]                = "dim",
	[TH_STATE_UP]           = "state.up",
	[TH_STATE_DOWN]         = "state.down",
	[TH_STATE_UNKNOWN]      = "state.unknown",
	[TH_KEY]                = "keybar.key",
	[TH_KEY_LABEL]          = "keybar.label",
	[TH_LOG_CMD]            = "log.command",
	[TH_LOG_OK]             = "log.ok",
	[TH_LOG_ERROR]          = "log.error",
	[TH_LOG_OUTPUT]         = "log.output",
	[TH_FORM]               = "form",
	[TH_FORM_FIELD]         = "form.field",
	[TH_FORM_FIELD_ACTIVE]  = "form.field.active",
	[TH_FORM_ERROR]         = "form.error",
	[TH_DIALOG]             = "dialog",
	[TH_BANNER]             = "banner",
	[TH_TOPO_BOX]           = "topology.box",
	[TH_TOPO_BOX_SELECTED]  = "topology.box.selected",
	[TH_TOPO_WIRE_UP]       = "topology.wire.up",
	[TH_TOPO_WIRE_DOWN]     = "topology.wire.down",
	[TH_TOPO_LABEL]         = "topology.label",
	[TH_HELP_KEY]           = "help.key",
	[TH_HELP_TEXT]          = "help.text",
};

const char *theme_elem_name(enum theme_elem e)
{
	if ((int)e < 0 || e >= TH_COUNT)
		return NULL;
	return elem_names[e];
}

int theme_elem_lookup(const char *name)
{
	for (int i = 0; i < TH_COUNT; i++)
		if (strcasecmp(name, elem_names[i]) == 0)
			return i;
	return -1;
}

/* ------------------------------------------------------------------ */
/* Built-in themes.  themes/dark.theme and themes/mono.theme hold the  */
/* same values; the unit tests compare them.                          */
/* ------------------------------------------------------------------ */

#define D THEME_COLOUR_DEFAULT
enum { BLACK, RED, GREEN, YELLOW, BLUE, MAGENTA, CYAN, WHITE,
       BR_BLACK, BR_RED, BR_GREEN, BR_YELLOW, BR_BLUE, BR_MAGENTA,
       BR_CYAN, BR_WHITE };
#define B THEME_BOLD
#define R THEME_REVERSE
#define U THEME_UNDERLINE

/* Dark: the terminal's own background, basic colours (so the user's
 * palette is respected), cyan as the accent, grey for the quiet parts;
 * popups on a dark grey (xterm-256), which degrades to black. */
static const struct theme_attr dark[TH_COUNT] = {
	[TH_NORMAL]             = { D,          D,        0 },
	[TH_TITLE]              = { BR_WHITE,   BLUE,     B },
	[TH_BADGE_SANDBOX]      = { BLACK,      GREEN,    B },
	[TH_BADGE_HOST]         = { BR_WHITE,   RED,      B },
	[TH_BADGE_READONLY]     = { BLACK,      YELLOW,   B },
	[TH_BORDER]             = { BR_BLACK,   D,        0 },
	[TH_BORDER_ACTIVE]      = { CYAN,       D,        0 },
	[TH_PANEL_TITLE]        = { WHITE,      D,        0 },
	[TH_PANEL_TITLE_ACTIVE] = { BR_CYAN,    D,        B },
	[TH_HEADER]             = { CYAN,       D,        B },
	[TH_SELECTED]           = { BLACK,      CYAN,     0 },
	[TH_SELECTED_INACTIVE]  = { BR_WHITE,   BR_BLACK, 0 },
	[TH_DIM]                = { BR_BLACK,   D,        0 },
	[TH_STATE_UP]           = { GREEN,      D,        B },
	[TH_STATE_DOWN]         = { RED,        D,        0 },
	[TH_STATE_UNKNOWN]      = { YELLOW,     D,        0 },
	[TH_KEY]                = { D,          D,        B },
	[TH_KEY_LABEL]          = { BLACK,      CYAN,     0 },
	[TH_LOG_CMD]            = { CYAN,       D,        0 },
	[TH_LOG_OK]             = { GREEN,      D,        0 },
	[TH_LOG_ERROR]          = { BR_RED,     D,        B },
	[TH_LOG_OUTPUT]         = { D,          D,        0 },
	[TH_FORM]               = { WHITE,      236,      0 },
	[TH_FORM_FIELD]         = { BR_WHITE,   238,      0 },
	[TH_FORM_FIELD_ACTIVE]  = { BLACK,      CYAN,     0 },
	[TH_FORM_ERROR]         = { BR_RED,     236,      B },
	[TH_DIALOG]             = { WHITE,      236,      0 },
	[TH_BANNER]             = { BLACK,      YELLOW,   B },
	[TH_TOPO_BOX]           = { WHITE,      D,        0 },
	[TH_TOPO_BOX_SELECTED]  = { BR_CYAN,    D,        B },
	[TH_TOPO_WIRE_UP]       = { GREEN,      D,        0 },
	[TH_TOPO_WIRE_DOWN]     = { RED,        D,        0 },
	[TH_TOPO_LABEL]         = { YELLOW,     D,        0 },
	[TH_HELP_KEY]           = { CYAN,       D,        B },
	[TH_HELP_TEXT]          = { D,          D,        0 },
};

/* Monochrome: attributes only.  Selection reverse, titles and errors
 * bold, down and secondary text dim, input fields underlined. */
static const struct theme_attr mono[TH_COUNT] = {
	[TH_NORMAL]             = { D, D, 0 },
	[TH_TITLE]              = { D, D, R | B },
	[TH_BADGE_SANDBOX]      = { D, D, R },
	[TH_BADGE_HOST]         = { D, D, R | B },
	[TH_BADGE_READONLY]     = { D, D, R | U },
	[TH_BORDER]             = { D, D, 0 },
	[TH_BORDER_ACTIVE]      = { D, D, B },
	[TH_PANEL_TITLE]        = { D, D, 0 },
	[TH_PANEL_TITLE_ACTIVE] = { D, D, R | B },
	[TH_HEADER]             = { D, D, B | U },
	[TH_SELECTED]           = { D, D, R },
	[TH_SELECTED_INACTIVE]  = { D, D, U },
	[TH_DIM]                = { D, D, THEME_DIM },
	[TH_STATE_UP]           = { D, D, B },
	[TH_STATE_DOWN]         = { D, D, THEME_DIM },
	[TH_STATE_UNKNOWN]      = { D, D, 0 },
	[TH_KEY]                = { D, D, B },
	[TH_KEY_LABEL]          = { D, D, R },
	[TH_LOG_CMD]            = { D, D, B },
	[TH_LOG_OK]             = { D, D, 0 },
	[TH_LOG_ERROR]          = { D, D, B | U },
	[TH_LOG_OUTPUT]         = { D, D, 0 },
	[TH_FORM]               = { D, D, 0 },
	[TH_FORM_FIELD]         = { D, D, U },
	[TH_FORM_FIELD_ACTIVE]  = { D, D, R },
	[TH_FORM_ERROR]         = { D, D, B },
	[TH_DIALOG]             = { D, D, 0 },
	[TH_BANNER]             = { D, D, R | B },
	[TH_TOPO_BOX]           = { D, D, 0 },
	[TH_TOPO_BOX_SELECTED]  = { D, D, R },
	[TH_TOPO_WIRE_UP]       = { D, D, 0 },
	[TH_TOPO_WIRE_DOWN]     = { D, D, THEME_DIM },
	[TH_TOPO_LABEL]         = { D, D, 0 },
	[TH_HELP_KEY]           = { D, D, B },
	[TH_HELP_TEXT]          = { D, D, 0 },
};
#undef D
#undef B
#undef R
#undef U

void theme_default(struct theme *t)
{
	memset(t, 0, sizeof *t);
	snprintf(t->name, sizeof t->name, "dark");
	memcpy(t->a, dark, sizeof t->a);
}

void theme_monochrome(struct theme *t)
{
	memset(t, 0, sizeof *t);
	snprintf(t->name, sizeof t->name, "mono");
	memcpy(t->a, mono, sizeof t->a);
}

bool theme_uses_colour(const struct theme *t)
{
	for (int i = 0; i < TH_COUNT; i++)
		if (t->a[i].fg != THEME_COLOUR_DEFAULT ||
		    t->a[i].bg != THEME_COLOUR_DEFAULT)
			return true;
	return false;
}

bool theme_equal(const struct theme *a, const struct theme *b)
{
	for (int i = 0; i < TH_COUNT; i++)
		if (a->a[i].fg != b->a[i].fg || a->a[i].bg != b->a[i].bg ||
		    a->a[i].attrs != b->a[i].attrs)
			return false;
	return true;
}

/* ------------------------------------------------------------------ */
/* Colours                                                            */
/* ------------------------------------------------------------------ */

static const char *const basic_names[8] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"
};

/* xterm's default values for the 16 basic colours. */
static const unsigned char basic_rgb[16][3] = {
	{ 0x00, 0x00, 0x00 }, { 0xcd, 0x00, 0x00 }, { 0x00, 0xcd, 0x00 },
	{ 0xcd, 0xcd, 0x00 }, { 0x00, 0x00, 0xee }, { 0xcd, 0x00, 0xcd },
	{ 0x00, 0xcd, 0xcd }, { 0xe5, 0xe5, 0xe5 }, { 0x7f, 0x7f, 0x7f },
	{ 0xff, 0x00, 0x00 }, { 0x00, 0xff, 0x00 }, { 0xff, 0xff, 0x00 },
	{ 0x5c, 0x5c, 0xff }, { 0xff, 0x00, 0xff }, { 0x00, 0xff, 0xff },
	{ 0xff, 0xff, 0xff },
};

/* The levels of the xterm-256 colour cube (16..231). */
static const unsigned char cube_level[6] = { 0, 95, 135, 175, 215, 255 };

static void colour_rgb(int c, int rgb[3])
{
	if (c < 16) {
		for (int i = 0; i < 3; i++)
			rgb[i] = basic_rgb[c][i];
	} else if (c < 232) {
		c -= 16;
		rgb[0] = cube_level[c / 36];
		rgb[1] = cube_level[(c / 6) % 6];
		rgb[2] = cube_level[c % 6];
	} else {
		rgb[0] = rgb[1] = rgb[2] = 8 + 10 * (c - 232);
	}
}

static long dist2(const int a[3], const int b[3])
{
	long d = 0;

	for (int i = 0; i < 3; i++)
		d += (long)(a[i] - b[i]) * (a[i] - b[i]);
	return d;
}

/* The xterm-256 colour (16..255) nearest to an RGB value. */
static short nearest_256(const int rgb[3])
{
	short best = 16;
	long bestd = -1;

	for (int c = 16; c < 256; c++) {
		int v[3];
		long d;

		colour_rgb(c, v);
		d = dist2(rgb, v);
		if (bestd < 0 || d < bestd) {
			best = (short)c;
			bestd = d;
		}
	}
	return best;
}

short theme_colour_to_16(short c)
{
	int rgb[3];
	short best = 0;
	long bestd = -1;

	if (c < 16)
		return c;
	if (c > 255)
		return 7;
	colour_rgb(c, rgb);
	for (int i = 0; i < 16; i++) {
		int v[3];
		long d;

		colour_rgb(i, v);
		d = dist2(rgb, v);
		if (bestd < 0 || d < bestd) {
			best = (short)i;
			bestd = d;
		}
	}
	return best;
}

static bool colour_is_light(short c)
{
	int rgb[3];

	colour_rgb(c, rgb);
	return 299 * rgb[0] + 587 * rgb[1] + 114 * rgb[2] > 110 * 1000;
}

void theme_reduce(const struct theme_attr *in, int ncolours, struct theme_attr *out)
{
	*out = *in;
	if (ncolours >= 256)
		return;
	if (out->fg >= 16)
		out->fg = theme_colour_to_16(out->fg);
	if (out->bg >= 16)
		out->bg = theme_colour_to_16(out->bg);
	if (ncolours < 16) {
		if (out->fg >= 8) {
			out->fg -= 8;
			out->attrs |= THEME_BOLD;
		}
		/* A grey bar would vanish into the (usually black)
		 * background: make it a light one instead. */
		if (out->bg == 8)
			out->bg = 7;
		else if (out->bg > 8)
			out->bg -= 8;
	}
	if (out->fg >= 0 && out->fg == out->bg && in->fg != in->bg) {
		bool light = colour_is_light(out->bg);

		if (ncolours < 16)
			out->fg = light ? 0 : 7;
		else
			out->fg = light ? 0 : 15;
	}
}

static int hexval(int ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	ch = tolower(ch);
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	return -1;
}

/* Parse a colour word; on failure *why says what was wrong. */
static int colour_word(const char *w, short *out, const char **why)
{
	*why = "unknown colour";
	if (strcasecmp(w, "default") == 0) {
		*out = THEME_COLOUR_DEFAULT;
		return 0;
	}
	if (strcasecmp(w, "grey") == 0 || strcasecmp(w, "gray") == 0) {
		*out = 8;
		return 0;
	}
	for (int i = 0; i < 8; i++) {
		if (strcasecmp(w, basic_names[i]) == 0) {
			*out = (short)i;
			return 0;
		}
		if (strncasecmp(w, "bright-", 7) == 0 &&
		    strcasecmp(w + 7, basic_names[i]) == 0) {
			*out = (short)(i + 8);
			return 0;
		}
	}
	if (strncasecmp(w, "colour", 6) == 0 || strncasecmp(w, "color", 5) == 0) {
		const char *d = w + (tolower((unsigned char)w[4]) == 'u' ? 6 : 5);
		int v = 0;

		if (!*d)
			return -1;
		for (const char *p = d; *p; p++) {
			if (!isdigit((unsigned char)*p))
				return -1;
			v = v * 10 + (*p - '0');
			if (v > 255) {
				*why = "colour number out of range (0-255)";
				return -1;
			}
		}
		*out = (short)v;
		return 0;
	}
	if (w[0] == '#') {
		int rgb[3];

		*why = "bad colour (#rrggbb: six hex digits)";
		if (strlen(w) != 7)
			return -1;
		for (int i = 0; i < 3; i++) {
			int hi = hexval((unsigned char)w[1 + 2 * i]);
			int lo = hexval((unsigned char)w[2 + 2 * i]);

			if (hi < 0 || lo < 0)
				return -1;
			rgb[i] = hi * 16 + lo;
		}
		*out = nearest_256(rgb);
		return 0;
	}
	return -1;
}

int theme_parse_colour(const char *word, short *out)
{
	const char *why;

	return colour_word(word, out, &why);
}

static const struct {
	const char *name;
	unsigned bit;
} attr_names[] = {
	{ "bold", THEME_BOLD },
	{ "dim", THEME_DIM },
	{ "italic", THEME_ITALIC },
	{ "reverse", THEME_REVERSE },
	{ "standout", THEME_STANDOUT },
	{ "underline", THEME_UNDERLINE },
	{ "none", 0 },
};

/* ------------------------------------------------------------------ */
/* Parsing                                                            */
/* ------------------------------------------------------------------ */

static int errf(char *err, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int errf(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	if (err && errlen) {
		va_start(ap, fmt);
		vsnprintf(err, errlen, fmt, ap);
		va_end(ap);
	}
	return -1;
}

/* Split LINE (modified in place) into at most MAX words; returns the
 * count, or MAX + 1 when there are more. */
static int split_words(char *line, char **w, int max)
{
	int n = 0;
	char *p = line;

	for (;;) {
		while (*p && isspace((unsigned char)*p))
			p++;
		if (!*p)
			return n;
		if (n == max)
			return max + 1;
		w[n++] = p;
		while (*p && !isspace((unsigned char)*p))
			p++;
		if (*p)
			*p++ = '\0';
	}
}

static int load_named(const char *name, struct theme *t, char *err, size_t errlen,
                      int depth, const struct stat *skip);

#define MAX_WORDS 16

static int parse_rec(const char *text, const char *filename, struct theme *t,
                     char *err, size_t errlen, int depth)
{
	const char *fn = filename ? filename : "<string>";
	int set_on[TH_COUNT] = { 0 };
	bool seen_elem = false, seen_inherit = false;
	const char *p = text;
	int lineno = 0;
	int rc = 0;

	while (*p && rc == 0) {
		const char *eol = strchr(p, '\n');
		size_t n = eol ? (size_t)(eol - p) : strlen(p);
		char *line = malloc(n + 1);
		char *w[MAX_WORDS];
		int nw, e;
		struct theme_attr a;
		const char *why, *bad;
		char sh[64];

		lineno++;
		if (!line)
			return errf(err, errlen, "%s:%d: out of memory", fn, lineno);
		memcpy(line, p, n);
		line[n] = '\0';
		p = eol ? eol + 1 : p + n;

		bad = config_bad_char(line);
		if (bad) {
			rc = errf(err, errlen, "%s:%d: control character 0x%02x: not "
			          "a text file", fn, lineno, (unsigned char)*bad);
			goto next;
		}
		nw = split_words(line, w, MAX_WORDS);
		if (nw > MAX_WORDS) {
			rc = errf(err, errlen, "%s:%d: too many fields", fn, lineno);
			goto next;
		}
		/* A word starting with '#' ends the line, except a colour
		 * such as #rrggbb in the two colour fields. */
		for (int i = 0; i < nw; i++) {
			if (w[i][0] != '#')
				continue;
			if ((i == 1 || i == 2) && w[i][1] &&
			    strcasecmp(w[0], "inherit") != 0)
				continue;
			nw = i;
			break;
		}
		if (nw == 0)
			goto next;

		if (strcasecmp(w[0], "inherit") == 0) {
			struct stat self, *skip = NULL;
			char name[64];
			int r;

			if (seen_elem || seen_inherit) {
				rc = errf(err, errlen, "%s:%d: inherit must be the first "
				          "setting, and come only once", fn, lineno);
				goto next;
			}
			if (nw != 2) {
				rc = errf(err, errlen, "%s:%d: inherit: expected one theme name",
				          fn, lineno);
				goto next;
			}
			seen_inherit = true;
			if (depth + 1 > INHERIT_MAX) {
				rc = errf(err, errlen, "%s:%d: inherit %s: nested too deeply "
				          "(an inherit loop?)", fn, lineno,
				          config_shown(w[1], sh, sizeof sh));
				goto next;
			}
			if (filename && stat(filename, &self) == 0)
				skip = &self;
			snprintf(name, sizeof name, "%s", t->name);
			r = load_named(w[1], t, err, errlen, depth + 1, skip);
			snprintf(t->name, sizeof t->name, "%s", name);
			if (r == -2) {
				char inner[1024];

				snprintf(inner, sizeof inner, "%s", err ? err : "not found");
				rc = errf(err, errlen, "%s:%d: inherit: %s", fn, lineno, inner);
			} else if (r < 0) {
				size_t len = err ? strlen(err) : 0;

				if (err && len < errlen)
					snprintf(err + len, errlen - len,
					         " (inherited at %s:%d)", fn, lineno);
				rc = -1;
			}
			goto next;
		}

		e = theme_elem_lookup(w[0]);
		if (e < 0) {
			rc = errf(err, errlen, "%s:%d: unknown element '%s'", fn, lineno,
			          config_shown(w[0], sh, sizeof sh));
			goto next;
		}
		if (set_on[e]) {
			rc = errf(err, errlen, "%s:%d: %s: already set on line %d",
			          fn, lineno, elem_names[e], set_on[e]);
			goto next;
		}
		if (nw < 2) {
			rc = errf(err, errlen, "%s:%d: %s: missing foreground colour",
			          fn, lineno, elem_names[e]);
			goto next;
		}
		if (colour_word(w[1], &a.fg, &why) < 0) {
			rc = errf(err, errlen, "%s:%d: %s: %s '%s'",
			          fn, lineno, elem_names[e], why,
			          config_shown(w[1], sh, sizeof sh));
			goto next;
		}
		if (nw < 3) {
			rc = errf(err, errlen, "%s:%d: %s: missing background colour",
			          fn, lineno, elem_names[e]);
			goto next;
		}
		if (colour_word(w[2], &a.bg, &why) < 0) {
			rc = errf(err, errlen, "%s:%d: %s: %s '%s'",
			          fn, lineno, elem_names[e], why,
			          config_shown(w[2], sh, sizeof sh));
			goto next;
		}
		a.attrs = 0;
		for (int i = 3; i < nw && rc == 0; i++) {
			char *save = NULL;

			for (char *tok = strtok_r(w[i], ",", &save); tok;
			     tok = strtok_r(NULL, ",", &save)) {
				size_t k;

				for (k = 0; k < sizeof attr_names / sizeof attr_names[0]; k++)
					if (strcasecmp(tok, attr_names[k].name) == 0)
						break;
				if (k == sizeof attr_names / sizeof attr_names[0]) {
					rc = errf(err, errlen, "%s:%d: %s: unknown attribute '%s' "
					          "(bold, dim, italic, reverse, standout, "
					          "underline or none)",
					          fn, lineno, elem_names[e],
					          config_shown(tok, sh, sizeof sh));
					break;
				}
				a.attrs |= attr_names[k].bit;
			}
		}
		if (rc == 0) {
			t->a[e] = a;
			set_on[e] = lineno;
			seen_elem = true;
		}
next:
		free(line);
	}
	return rc;
}

/* t->name from a file name: its base name without ".theme". */
static void name_from_file(struct theme *t, const char *filename)
{
	const char *base, *slash;
	size_t n;

	if (!filename) {
		snprintf(t->name, sizeof t->name, "custom");
		return;
	}
	slash = strrchr(filename, '/');
	base = slash ? slash + 1 : filename;
	n = strlen(base);
	if (n > 6 && strcmp(base + n - 6, ".theme") == 0)
		n -= 6;
	if (n >= sizeof t->name)
		n = sizeof t->name - 1;
	memcpy(t->name, base, n);
	t->name[n] = '\0';
}

int theme_parse(const char *text, const char *filename, struct theme *t,
                char *err, size_t errlen)
{
	struct theme tmp;

	if (err && errlen)
		err[0] = '\0';
	theme_default(&tmp);
	name_from_file(&tmp, filename);
	if (parse_rec(text, filename, &tmp, err, errlen, 0) < 0) {
		theme_default(t);
		return -1;
	}
	*t = tmp;
	return 0;
}

/* ------------------------------------------------------------------ */
/* Finding themes                                                     */
/* ------------------------------------------------------------------ */

#define NDIRS 3

/* The theme directories in search order; returns how many. */
static int theme_dirs(char dirs[NDIRS][PATH_MAX])
{
	int n = 0;
	const char *env = getenv("NSVIZ_THEMES_DIR");
	int r;

	if (config_dir(dirs[n], PATH_MAX) == 0 &&
	    strlen(dirs[n]) + sizeof "/themes" <= PATH_MAX) {
		strcat(dirs[n], "/themes");
		n++;
	}
	/* run from its build tree, the source tree's themes stand in for an
	 * unset NSVIZ_THEMES_DIR */
	if (env && *env) {
		r = snprintf(dirs[n], PATH_MAX, "%s", env);
		if (r > 0 && r < PATH_MAX)
			n++;
	} else if (uninstalled_dir("themes", dirs[n], PATH_MAX)) {
		n++;
	}
	r = snprintf(dirs[n], PATH_MAX, "%s/themes", NSVIZ_DATADIR);
	if (r > 0 && r < PATH_MAX)
		n++;
	return n;
}

static bool valid_name(const char *name)
{
	size_t n = strlen(name);

	if (n == 0 || n >= 64 || name[0] == '.')
		return false;
	for (const char *p = name; *p; p++)
		if (!isalnum((unsigned char)*p) && !strchr("._+-", *p))
			return false;
	return true;
}

/* Load NAME into *t (which holds what it inherits from, if anything).
 * 0 ok; -1 read or parse error; -2 not found (err lists the places) or
 * not a valid name.
 * With SKIP, search after that file when it is one of the candidates. */
static int load_named(const char *name, struct theme *t, char *err, size_t errlen,
                      int depth, const struct stat *skip)
{
	char dirs[NDIRS][PATH_MAX];
	char paths[NDIRS][PATH_MAX + 64];
	char looked[3 * (PATH_MAX + 64)];
	int n, start = 0;
	size_t used = 0;

	if (!valid_name(name)) {
		char sh[64];

		errf(err, errlen, "invalid theme name '%s' (letters, digits, "
		     "'.', '_', '+', '-')", config_shown(name, sh, sizeof sh));
		return -2;
	}
	n = theme_dirs(dirs);
	for (int i = 0; i < n; i++)
		snprintf(paths[i], sizeof paths[i], "%.4000s/%.63s.theme", dirs[i], name);
	if (skip) {
		for (int i = 0; i < n; i++) {
			struct stat st;

			if (stat(paths[i], &st) == 0 && st.st_dev == skip->st_dev &&
			    st.st_ino == skip->st_ino)
				start = i + 1;
		}
	}
	looked[0] = '\0';
	for (int i = start; i < n; i++) {
		char *text;
		int rc;

		if (config_read_text(paths[i], &text, err, errlen) < 0) {
			if (errno == ENOENT || errno == ENOTDIR) {
				if (err && errlen)
					err[0] = '\0';
				used += (size_t)snprintf(looked + used, sizeof looked - used,
				                         "%s%s", used ? ", " : "", paths[i]);
				if (used >= sizeof looked)
					used = sizeof looked - 1;
				continue;
			}
			return -1;   /* err says why */
		}
		rc = parse_rec(text, paths[i], t, err, errlen, depth);
		free(text);
		if (rc < 0)
			return -1;
		snprintf(t->name, sizeof t->name, "%s", name);
		return 0;
	}
	if (strcmp(name, "dark") == 0) {
		theme_default(t);
		return 0;
	}
	if (strcmp(name, "mono") == 0) {
		theme_monochrome(t);
		return 0;
	}
	errf(err, errlen, "theme '%s' not found (looked in %s)", name,
	     used ? looked : "no directory");
	return -2;
}

int theme_load_file(const char *path, struct theme *t, char *err, size_t errlen)
{
	char *text;
	int rc;

	if (err && errlen)
		err[0] = '\0';
	if (config_read_text(path, &text, err, errlen) < 0) {
		theme_default(t);
		return -1;
	}
	rc = theme_parse(text, path, t, err, errlen);
	free(text);
	return rc;
}

int theme_load(const char *name, struct theme *t, char *err, size_t errlen)
{
	struct theme tmp;

	if (err && errlen)
		err[0] = '\0';
	if (!name || !*name)
		name = "dark";
	if (strchr(name, '/'))
		return theme_load_file(name, t, err, errlen);
	theme_default(&tmp);
	if (load_named(name, &tmp, err, errlen, 0, NULL) < 0) {
		theme_default(t);
		return -1;
	}
	*t = tmp;
	return 0;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp((const char *)a, (const char *)b);
}

struct name_list {
	char (*v)[64];
	size_t n, cap;
};

/* Add NAME unless it is there; -1 on allocation failure. */
static int list_add(struct name_list *l, const char *name)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i], name) == 0)
			return 0;
	if (l->n == l->cap) {
		size_t cap = l->cap ? 2 * l->cap : 16;
		char (*v)[64] = realloc(l->v, cap * sizeof *v);

		if (!v)
			return -1;
		l->v = v;
		l->cap = cap;
	}
	snprintf(l->v[l->n++], 64, "%s", name);
	return 0;
}

size_t theme_list(char (*names)[64], size_t max)
{
	char dirs[NDIRS][PATH_MAX];
	struct name_list l = { NULL, 0, 0 };
	int nd = theme_dirs(dirs);
	size_t n;

	list_add(&l, "dark");
	list_add(&l, "mono");
	for (int d = 0; d < nd; d++) {
		DIR *dir = opendir(dirs[d]);
		struct dirent *de;

		if (!dir)
			continue;
		while ((de = readdir(dir))) {
			size_t len = strlen(de->d_name);
			char name[64];

			if (len <= 6 || len - 6 >= sizeof name ||
			    strcmp(de->d_name + len - 6, ".theme") != 0)
				continue;
			memcpy(name, de->d_name, len - 6);
			name[len - 6] = '\0';
			if (valid_name(name))
				list_add(&l, name);
		}
		closedir(dir);
	}
	if (l.n)
		qsort(l.v, l.n, sizeof *l.v, cmp_names);
	for (size_t i = 0; i < l.n && i < max; i++)
		memcpy(names[i], l.v[i], 64);
	n = l.n;
	free(l.v);
	return n;
}
