/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_theme.c - theme files, the shipped themes, colour reduction, the
 * search path and the config file. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ui/config.h"
#include "ui/theme.h"

#ifndef NSVIZ_DATADIR
#define NSVIZ_DATADIR "/usr/local/share/nsviz"   /* as theme.c */
#endif

static const char *const shipped[] = { "dark", "light", "mono", "high-contrast" };

/* ------------------------------------------------------------------ */
/* helpers                                                            */
/* ------------------------------------------------------------------ */

static const char *srcdir(void)
{
	const char *d = getenv("TOP_SRCDIR");

	return d && *d ? d : ".";
}

static char *slurp(const char *path)
{
	char *text = NULL;

	if (config_read_file(path, &text) < 0)
		fail_msg("cannot read %s: %s", path, strerror(errno));
	return text;
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	assert_int_equal(fputs(text, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
}

static void mkdir_or_fail(const char *path)
{
	if (mkdir(path, 0700) < 0 && errno != EEXIST)
		fail_msg("mkdir %s: %s", path, strerror(errno));
}

/* A temporary tree, removed by the teardown. */
struct tmp {
	char root[64];
	char xdg[128];            /* $XDG_CONFIG_HOME */
	char user[160];           /* $XDG_CONFIG_HOME/nsviz/themes */
	char envdir[128];         /* $NSVIZ_THEMES_DIR */
	char home[128];           /* $HOME */
};

static int tmp_setup(void **state)
{
	struct tmp *t = calloc(1, sizeof *t);
	char p[144];

	if (!t)
		return -1;
	snprintf(t->root, sizeof t->root, "/tmp/nsviz-test-theme.XXXXXX");
	if (!mkdtemp(t->root))
		return -1;
	snprintf(t->xdg, sizeof t->xdg, "%s/xdg", t->root);
	snprintf(p, sizeof p, "%s/nsviz", t->xdg);
	snprintf(t->user, sizeof t->user, "%s/themes", p);
	snprintf(t->envdir, sizeof t->envdir, "%s/env", t->root);
	snprintf(t->home, sizeof t->home, "%s/home", t->root);
	mkdir_or_fail(t->xdg);
	mkdir_or_fail(p);
	mkdir_or_fail(t->user);
	mkdir_or_fail(t->envdir);
	mkdir_or_fail(t->home);
	setenv("XDG_CONFIG_HOME", t->xdg, 1);
	setenv("NSVIZ_THEMES_DIR", t->envdir, 1);
	setenv("HOME", t->home, 1);
	*state = t;
	return 0;
}

static int tmp_teardown(void **state)
{
	struct tmp *t = *state;
	char cmd[PATH_MAX + 16];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", t->root);
	if (system(cmd) != 0)
		return -1;
	unsetenv("XDG_CONFIG_HOME");
	unsetenv("NSVIZ_THEMES_DIR");
	free(t);
	return 0;
}

static void assert_attr(const struct theme *t, enum theme_elem e,
                        short fg, short bg, unsigned attrs)
{
	if (t->a[e].fg != fg || t->a[e].bg != bg || t->a[e].attrs != attrs)
		fail_msg("%s: got %d %d 0x%x, want %d %d 0x%x", theme_elem_name(e),
		         t->a[e].fg, t->a[e].bg, t->a[e].attrs, fg, bg, attrs);
}

static void assert_is_default(const struct theme *t)
{
	struct theme d;

	theme_default(&d);
	assert_true(theme_equal(t, &d));
	assert_string_equal(t->name, "dark");
}

/* ------------------------------------------------------------------ */
/* names                                                              */
/* ------------------------------------------------------------------ */

static void test_elem_names(void **state)
{
	(void)state;
	for (int i = 0; i < TH_COUNT; i++) {
		const char *n = theme_elem_name((enum theme_elem)i);

		assert_non_null(n);
		assert_int_equal(theme_elem_lookup(n), i);
		for (int j = 0; j < i; j++)
			assert_string_not_equal(n, theme_elem_name((enum theme_elem)j));
	}
	assert_null(theme_elem_name(TH_COUNT));
	assert_string_equal(theme_elem_name(TH_BORDER), "panel.border");
	assert_string_equal(theme_elem_name(TH_TOPO_WIRE_DOWN), "topology.wire.down");
	assert_int_equal(theme_elem_lookup("Panel.Border"), TH_BORDER);
	assert_int_equal(theme_elem_lookup("panel"), -1);
	assert_int_equal(theme_elem_lookup(""), -1);
}

/* Every element name appears in the man page. */
static void test_man_page_lists_every_element(void **state)
{
	char path[PATH_MAX];
	char *man;

	(void)state;
	snprintf(path, sizeof path, "%s/man/nsviz-theme.5.in", srcdir());
	man = slurp(path);
	for (int i = 0; i < TH_COUNT; i++) {
		char want[80];

		snprintf(want, sizeof want, ".B %s\n", theme_elem_name((enum theme_elem)i));
		if (!strstr(man, want))
			fail_msg("man/nsviz-theme.5 does not document %s",
			         theme_elem_name((enum theme_elem)i));
	}
	free(man);
}

/* ------------------------------------------------------------------ */
/* parsing                                                            */
/* ------------------------------------------------------------------ */

static void test_parse_every_element(void **state)
{
	char text[8192] = "";
	size_t len = 0;
	struct theme t;
	char err[256];

	(void)state;
	/* element i gets fg color(i+16), bg color(i+100), one attribute */
	for (int i = 0; i < TH_COUNT; i++)
		len += (size_t)snprintf(text + len, sizeof text - len,
		                        "%s color%d colour%d %s\n",
		                        theme_elem_name((enum theme_elem)i), i + 16, i + 100,
		                        i % 2 ? "bold" : "underline");
	assert_int_equal(theme_parse(text, "all.theme", &t, err, sizeof err), 0);
	assert_string_equal(err, "");
	assert_string_equal(t.name, "all");
	for (int i = 0; i < TH_COUNT; i++)
		assert_attr(&t, (enum theme_elem)i, (short)(i + 16), (short)(i + 100),
		            i % 2 ? THEME_BOLD : THEME_UNDERLINE);
}

static void test_parse_colours(void **state)
{
	static const struct {
		const char *word;
		short want;
	} good[] = {
		{ "default", -1 }, { "DEFAULT", -1 },
		{ "black", 0 }, { "red", 1 }, { "green", 2 }, { "yellow", 3 },
		{ "blue", 4 }, { "magenta", 5 }, { "cyan", 6 }, { "white", 7 },
		{ "bright-black", 8 }, { "bright-red", 9 }, { "bright-green", 10 },
		{ "bright-yellow", 11 }, { "bright-blue", 12 }, { "bright-magenta", 13 },
		{ "bright-cyan", 14 }, { "bright-white", 15 },
		{ "grey", 8 }, { "gray", 8 }, { "Red", 1 }, { "Bright-Cyan", 14 },
		{ "color0", 0 }, { "color7", 7 }, { "color15", 15 }, { "color16", 16 },
		{ "color255", 255 }, { "colour42", 42 }, { "COLOR200", 200 },
		{ "color007", 7 },
		{ "#000000", 16 }, { "#ffffff", 231 }, { "#FF0000", 196 },
		{ "#5f87af", 67 }, { "#808080", 244 }, { "#00ff00", 46 },
		{ "#0a0a0a", 232 }, { "#eeeeee", 255 },
	};
	static const char *const bad[] = {
		"", "none", "brightred", "bright-", "bright-default", "color", "colour",
		"color256", "color1000", "color-1", "color1x", "colorx", "#fff",
		"#gggggg", "#1234567", "#", "8", "purple",
	};

	(void)state;
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		short c = -99;

		if (theme_parse_colour(good[i].word, &c) != 0 || c != good[i].want)
			fail_msg("'%s': got %d, want %d", good[i].word, c, good[i].want);
	}
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		short c;

		if (theme_parse_colour(bad[i], &c) == 0)
			fail_msg("'%s' accepted as %d", bad[i], c);
	}
}

static void test_parse_attributes(void **state)
{
	struct theme t;
	char err[256];
	const char *text =
		"normal default default bold\n"
		"title default default reverse\n"
		"dim default default dim\n"
		"list.header default default underline\n"
		"banner default default standout\n"
		"help.key default default italic\n"
		"help.text default default none\n"
		"log.error red default bold,underline,reverse\n"
		"log.ok green default BOLD, dim\n"
		"log.command cyan default bold italic\n"
		"log.output default default\n";

	(void)state;
	assert_int_equal(theme_parse(text, "a.theme", &t, err, sizeof err), 0);
	assert_attr(&t, TH_NORMAL, -1, -1, THEME_BOLD);
	assert_attr(&t, TH_TITLE, -1, -1, THEME_REVERSE);
	assert_attr(&t, TH_DIM, -1, -1, THEME_DIM);
	assert_attr(&t, TH_HEADER, -1, -1, THEME_UNDERLINE);
	assert_attr(&t, TH_BANNER, -1, -1, THEME_STANDOUT);
	assert_attr(&t, TH_HELP_KEY, -1, -1, THEME_ITALIC);
	assert_attr(&t, TH_HELP_TEXT, -1, -1, 0);
	assert_attr(&t, TH_LOG_ERROR, 1, -1, THEME_BOLD | THEME_UNDERLINE | THEME_REVERSE);
	assert_attr(&t, TH_LOG_OK, 2, -1, THEME_BOLD | THEME_DIM);
	assert_attr(&t, TH_LOG_CMD, 6, -1, THEME_BOLD | THEME_ITALIC);
	assert_attr(&t, TH_LOG_OUTPUT, -1, -1, 0);
}

static void test_parse_comments_blank_lines(void **state)
{
	struct theme t, d;
	char err[256];
	const char *text =
		"# a comment\n"
		"\n"
		"   \t\n"
		"   # an indented comment\n"
		"\tnormal\t  white   black\t\r\n"
		"title #ffffff #000000 bold # a comment after the attributes\n"
		"dim grey default #comment right after the colours\n"
		"state.up green default # bold is in a comment\n"
		"state.down red # that is the background\n";

	(void)state;
	/* the last line has a comment where the background should be */
	assert_int_equal(theme_parse(text, "c.theme", &t, err, sizeof err), -1);
	assert_string_equal(err, "c.theme:9: state.down: missing background colour");

	{
		/* without the last line it parses */
		char *copy = strdup(text);
		char *last = strstr(copy, "state.down");

		*last = '\0';
		assert_int_equal(theme_parse(copy, "c.theme", &t, err, sizeof err), 0);
		free(copy);
	}
	theme_default(&d);
	assert_attr(&t, TH_NORMAL, 7, 0, 0);
	assert_attr(&t, TH_TITLE, 231, 16, THEME_BOLD);
	assert_attr(&t, TH_DIM, 8, -1, 0);
	assert_attr(&t, TH_STATE_UP, 2, -1, 0);
	/* untouched elements keep the default theme's values */
	assert_memory_equal(&t.a[TH_BORDER], &d.a[TH_BORDER], sizeof d.a[0]);
	assert_memory_equal(&t.a[TH_STATE_DOWN], &d.a[TH_STATE_DOWN], sizeof d.a[0]);

	/* empty text, no final newline, NULL file name */
	assert_int_equal(theme_parse("", "empty.theme", &t, err, sizeof err), 0);
	assert_true(theme_equal(&t, &d));
	assert_string_equal(t.name, "empty");
	assert_int_equal(theme_parse("dim red blue", NULL, &t, err, sizeof err), 0);
	assert_attr(&t, TH_DIM, 1, 4, 0);
	assert_string_equal(t.name, "custom");
}

static void test_parse_errors(void **state)
{
	static const struct {
		const char *text;
		const char *err;
	} cases[] = {
		{ "# x\n\npanel.boder red default\n",
		  "t.theme:3: unknown element 'panel.boder'" },
		{ "normal purple default\n",
		  "t.theme:1: normal: unknown colour 'purple'" },
		{ "normal\tred\n\ntitle red bright-purple bold\n",
		  "t.theme:1: normal: missing background colour" },
		{ "title red white\ndim red bright-purple bold\n",
		  "t.theme:2: dim: unknown colour 'bright-purple'" },
		{ "\n\n\n\nhelp.key color256 default\n",
		  "t.theme:5: help.key: colour number out of range (0-255) 'color256'" },
		{ "help.key default #12345\n",
		  "t.theme:1: help.key: bad colour (#rrggbb: six hex digits) '#12345'" },
		{ "help.key default #12345g\n",
		  "t.theme:1: help.key: bad colour (#rrggbb: six hex digits) '#12345g'" },
		{ "dim red blue bold,blink\n",
		  "t.theme:1: dim: unknown attribute 'blink' (bold, dim, italic, "
		  "reverse, standout, underline or none)" },
		{ "dim red blue bold underlined\n",
		  "t.theme:1: dim: unknown attribute 'underlined' (bold, dim, italic, "
		  "reverse, standout, underline or none)" },
		{ "\ndim\n", "t.theme:2: dim: missing foreground colour" },
		{ "dim # red blue\n", "t.theme:1: dim: missing foreground colour" },
		{ "dim red\n", "t.theme:1: dim: missing background colour" },
		{ "dim red blue\nnormal red blue\nDIM red blue\n",
		  "t.theme:3: dim: already set on line 1" },
		{ "dim red blue\ninherit light\n",
		  "t.theme:2: inherit must be the first setting, and come only once" },
		{ "inherit\n", "t.theme:1: inherit: expected one theme name" },
		{ "inherit a b\n", "t.theme:1: inherit: expected one theme name" },
		{ "dim a b c d e f g h i j k l m n o p q\n", "t.theme:1: too many fields" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct theme t;
		char err[256] = "";

		theme_monochrome(&t);
		if (theme_parse(cases[i].text, "t.theme", &t, err, sizeof err) != -1)
			fail_msg("case %zu accepted: %s", i, cases[i].text);
		if (strcmp(err, cases[i].err) != 0)
			fail_msg("case %zu: got \"%s\", want \"%s\"", i, err, cases[i].err);
		assert_is_default(&t);
	}
}

/* A short buffer truncates the message, it does not overflow. */
static void test_parse_error_small_buffer(void **state)
{
	struct theme t;
	char err[12];

	(void)state;
	memset(err, 'x', sizeof err);
	assert_int_equal(theme_parse("nope a b\n", "long-file-name.theme", &t,
	                             err, sizeof err), -1);
	assert_int_equal(strlen(err), sizeof err - 1);
	assert_int_equal(theme_parse("nope a b\n", "f", &t, NULL, 0), -1);
}

/* ------------------------------------------------------------------ */
/* the shipped themes                                                 */
/* ------------------------------------------------------------------ */

static char *shipped_text(const char *name, char *path, size_t len)
{
	snprintf(path, len, "%s/themes/%s.theme", srcdir(), name);
	return slurp(path);
}

static void test_shipped_themes_parse(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof shipped / sizeof shipped[0]; i++) {
		char path[PATH_MAX], err[512] = "";
		char *text = shipped_text(shipped[i], path, sizeof path);
		struct theme t;

		if (theme_parse(text, path, &t, err, sizeof err) != 0)
			fail_msg("%s", err);
		assert_string_equal(t.name, shipped[i]);

		/* every element is set explicitly: a shipped theme does not
		 * lean on the built-in values */
		for (int e = 0; e < TH_COUNT; e++) {
			const char *n = theme_elem_name((enum theme_elem)e);
			size_t nl = strlen(n);
			bool found = false;

			for (const char *p = text; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : p)
				if (strncmp(p, n, nl) == 0 && (p[nl] == ' ' || p[nl] == '\t'))
					found = true;
			if (!found)
				fail_msg("%s does not set %s", path, n);
		}
		free(text);

		/* and loading it by name finds the same */
		{
			struct theme byname;
			char dir[PATH_MAX];

			snprintf(dir, sizeof dir, "%s/themes", srcdir());
			setenv("NSVIZ_THEMES_DIR", dir, 1);
			setenv("XDG_CONFIG_HOME", "/nonexistent", 1);
			assert_int_equal(theme_load(shipped[i], &byname, err, sizeof err), 0);
			assert_true(theme_equal(&t, &byname));
			assert_string_equal(byname.name, shipped[i]);
			unsetenv("NSVIZ_THEMES_DIR");
			unsetenv("XDG_CONFIG_HOME");
		}
	}
}

static void load_shipped(const char *name, struct theme *t)
{
	char path[PATH_MAX], err[512];
	char *text = shipped_text(name, path, sizeof path);

	if (theme_parse(text, path, t, err, sizeof err) != 0)
		fail_msg("%s", err);
	free(text);
}

static void test_dark_is_the_default(void **state)
{
	struct theme file, builtin;

	(void)state;
	load_shipped("dark", &file);
	theme_default(&builtin);
	for (int e = 0; e < TH_COUNT; e++)
		assert_attr(&file, (enum theme_elem)e, builtin.a[e].fg,
		            builtin.a[e].bg, builtin.a[e].attrs);
	assert_string_equal(builtin.name, "dark");
	assert_true(theme_uses_colour(&builtin));
}

static void test_mono_is_the_builtin_mono(void **state)
{
	struct theme file, builtin, t;

	(void)state;
	load_shipped("mono", &file);
	theme_monochrome(&builtin);
	for (int e = 0; e < TH_COUNT; e++)
		assert_attr(&file, (enum theme_elem)e, builtin.a[e].fg,
		            builtin.a[e].bg, builtin.a[e].attrs);
	assert_false(theme_uses_colour(&file));
	/* sensible monochrome choices */
	assert_true(builtin.a[TH_SELECTED].attrs & THEME_REVERSE);
	assert_true(builtin.a[TH_TITLE].attrs & THEME_BOLD);
	assert_true(builtin.a[TH_LOG_ERROR].attrs & THEME_BOLD);
	assert_true(builtin.a[TH_STATE_DOWN].attrs & THEME_DIM);
	assert_int_not_equal(builtin.a[TH_SELECTED].attrs,
	                     builtin.a[TH_SELECTED_INACTIVE].attrs);
	assert_int_not_equal(builtin.a[TH_STATE_UP].attrs,
	                     builtin.a[TH_STATE_DOWN].attrs);

	load_shipped("light", &t);
	assert_true(theme_uses_colour(&t));
	assert_false(theme_equal(&t, &file));
	load_shipped("high-contrast", &t);
	assert_true(theme_uses_colour(&t));
}

/* Everything the UI tells apart stays apart in each shipped theme,
 * at 256, 16 and 8 colours. */
static void test_shipped_distinctions(void **state)
{
	static const enum theme_elem pairs[][2] = {
		{ TH_SELECTED, TH_NORMAL }, { TH_SELECTED, TH_SELECTED_INACTIVE },
		{ TH_SELECTED_INACTIVE, TH_NORMAL },
		{ TH_BORDER, TH_BORDER_ACTIVE }, { TH_PANEL_TITLE, TH_PANEL_TITLE_ACTIVE },
		{ TH_STATE_UP, TH_STATE_DOWN }, { TH_STATE_DOWN, TH_STATE_UNKNOWN },
		{ TH_STATE_UP, TH_STATE_UNKNOWN },
		{ TH_TOPO_WIRE_UP, TH_TOPO_WIRE_DOWN }, { TH_TOPO_BOX, TH_TOPO_BOX_SELECTED },
		{ TH_FORM_FIELD, TH_FORM_FIELD_ACTIVE }, { TH_LOG_OK, TH_LOG_ERROR },
		{ TH_LOG_CMD, TH_LOG_OUTPUT }, { TH_KEY, TH_KEY_LABEL },
		{ TH_BADGE_SANDBOX, TH_BADGE_HOST },
	};
	static const int depths[] = { 256, 16, 8 };

	(void)state;
	for (size_t i = 0; i < sizeof shipped / sizeof shipped[0]; i++) {
		struct theme t;

		load_shipped(shipped[i], &t);
		for (size_t d = 0; d < 3; d++) {
			for (size_t k = 0; k < sizeof pairs / sizeof pairs[0]; k++) {
				struct theme_attr a, b;

				theme_reduce(&t.a[pairs[k][0]], depths[d], &a);
				theme_reduce(&t.a[pairs[k][1]], depths[d], &b);
				if (a.fg == b.fg && a.bg == b.bg && a.attrs == b.attrs)
					fail_msg("%s at %d colours: %s looks like %s", shipped[i],
					         depths[d], theme_elem_name(pairs[k][0]),
					         theme_elem_name(pairs[k][1]));
			}
			/* no element draws its text in its own background */
			for (int e = 0; e < TH_COUNT; e++) {
				struct theme_attr a;

				theme_reduce(&t.a[e], depths[d], &a);
				if (a.fg >= 0 && a.fg == a.bg)
					fail_msg("%s at %d colours: %s is invisible", shipped[i],
					         depths[d], theme_elem_name((enum theme_elem)e));
			}
		}
	}
}

/* ------------------------------------------------------------------ */
/* colour reduction                                                   */
/* ------------------------------------------------------------------ */

static void test_colour_to_16(void **state)
{
	(void)state;
	assert_int_equal(theme_colour_to_16(-1), -1);
	for (short c = 0; c < 16; c++)
		assert_int_equal(theme_colour_to_16(c), c);
	assert_int_equal(theme_colour_to_16(16), 0);     /* black */
	assert_int_equal(theme_colour_to_16(196), 9);    /* ff0000 */
	assert_int_equal(theme_colour_to_16(46), 10);    /* 00ff00 */
	assert_int_equal(theme_colour_to_16(226), 11);   /* ffff00 */
	assert_int_equal(theme_colour_to_16(51), 14);    /* 00ffff */
	assert_int_equal(theme_colour_to_16(231), 15);   /* ffffff */
	assert_int_equal(theme_colour_to_16(160), 1);    /* d70000 */
	assert_int_equal(theme_colour_to_16(28), 2);     /* 008700 */
	assert_int_equal(theme_colour_to_16(18), 4);     /* 000087 */
	assert_int_equal(theme_colour_to_16(236), 0);    /* 303030 */
	assert_int_equal(theme_colour_to_16(244), 8);    /* 808080 */
	assert_int_equal(theme_colour_to_16(252), 7);    /* d0d0d0 */
	for (int c = 16; c < 256; c++) {
		short r = theme_colour_to_16((short)c);

		assert_true(r >= 0 && r < 16);
	}
}

static void test_reduce(void **state)
{
	struct theme_attr in, out;

	(void)state;
	/* 256 colours: untouched */
	in = (struct theme_attr){ 236, 67, THEME_UNDERLINE };
	theme_reduce(&in, 256, &out);
	assert_memory_equal(&in, &out, sizeof in);

	/* 16: nearest basic */
	in = (struct theme_attr){ 196, 18, 0 };
	theme_reduce(&in, 16, &out);
	assert_int_equal(out.fg, 9);
	assert_int_equal(out.bg, 4);
	assert_int_equal(out.attrs, 0);

	/* 8: a bright foreground becomes basic + bold */
	in = (struct theme_attr){ 14, -1, THEME_UNDERLINE };
	theme_reduce(&in, 8, &out);
	assert_int_equal(out.fg, 6);
	assert_int_equal(out.bg, -1);
	assert_int_equal(out.attrs, THEME_BOLD | THEME_UNDERLINE);
	in = (struct theme_attr){ 196, 11, 0 };
	theme_reduce(&in, 8, &out);
	assert_int_equal(out.fg, 1);
	assert_int_equal(out.bg, 3);
	assert_int_equal(out.attrs, THEME_BOLD);
	/* a grey background becomes light grey, not black */
	in = (struct theme_attr){ 0, 8, 0 };
	theme_reduce(&in, 8, &out);
	assert_int_equal(out.fg, 0);
	assert_int_equal(out.bg, 7);

	/* colours that collapse into one: the text stays readable */
	in = (struct theme_attr){ 15, 8, 0 };       /* white on grey at 8 */
	theme_reduce(&in, 8, &out);
	assert_int_equal(out.bg, 7);
	assert_int_equal(out.fg, 0);
	in = (struct theme_attr){ 4, 18, 0 };       /* blue on navy at 16 */
	theme_reduce(&in, 16, &out);
	assert_int_equal(out.bg, 4);
	assert_int_equal(out.fg, 15);
	in = (struct theme_attr){ 232, 16, 0 };     /* near-black on black */
	theme_reduce(&in, 16, &out);
	assert_int_equal(out.bg, 0);
	assert_int_equal(out.fg, 15);
	/* but deliberately equal colours are left alone */
	in = (struct theme_attr){ 4, 4, 0 };
	theme_reduce(&in, 8, &out);
	assert_int_equal(out.fg, 4);
	assert_int_equal(out.bg, 4);
}

/* ------------------------------------------------------------------ */
/* the search path                                                    */
/* ------------------------------------------------------------------ */

static void put_theme(const char *dir, const char *name, const char *text)
{
	char path[PATH_MAX + 128];

	snprintf(path, sizeof path, "%s/%s.theme", dir, name);
	write_file(path, text);
}

static void test_load_search_order(void **state)
{
	struct tmp *tp = *state;
	struct theme t;
	char err[8192];
	char want[8192];

	/* foo in the user dir and in NSVIZ_THEMES_DIR: the user's wins */
	put_theme(tp->user, "foo", "dim red default\n");
	put_theme(tp->envdir, "foo", "dim green default\n");
	put_theme(tp->envdir, "bar", "dim blue default\n");
	assert_int_equal(theme_load("foo", &t, err, sizeof err), 0);
	assert_attr(&t, TH_DIM, 1, -1, 0);
	assert_string_equal(t.name, "foo");
	assert_int_equal(theme_load("bar", &t, err, sizeof err), 0);
	assert_attr(&t, TH_DIM, 4, -1, 0);
	assert_string_equal(t.name, "bar");

	/* without XDG_CONFIG_HOME: ~/.config/nsviz/themes */
	unsetenv("XDG_CONFIG_HOME");
	assert_int_equal(theme_load("foo", &t, err, sizeof err), 0);
	assert_attr(&t, TH_DIM, 2, -1, 0);
	{
		char d[512];

		snprintf(d, sizeof d, "%s/.config", tp->home);
		mkdir_or_fail(d);
		snprintf(d, sizeof d, "%s/.config/nsviz", tp->home);
		mkdir_or_fail(d);
		snprintf(d, sizeof d, "%s/.config/nsviz/themes", tp->home);
		mkdir_or_fail(d);
		put_theme(d, "foo", "dim yellow default\n");
	}
	assert_int_equal(theme_load("foo", &t, err, sizeof err), 0);
	assert_attr(&t, TH_DIM, 3, -1, 0);
	/* a relative XDG_CONFIG_HOME is ignored, as the XDG spec says */
	setenv("XDG_CONFIG_HOME", "relative/dir", 1);
	assert_int_equal(theme_load("foo", &t, err, sizeof err), 0);
	assert_attr(&t, TH_DIM, 3, -1, 0);
	setenv("XDG_CONFIG_HOME", tp->xdg, 1);

	/* not found: where it looked, in order */
	theme_monochrome(&t);
	assert_int_equal(theme_load("nope", &t, err, sizeof err), -1);
	snprintf(want, sizeof want,
	         "theme 'nope' not found (looked in %s/nope.theme, %s/nope.theme, %s/themes/nope.theme)",
	         tp->user, tp->envdir, NSVIZ_DATADIR);
	assert_string_equal(err, want);
	assert_is_default(&t);

	/* a broken theme: file:line, and the default theme */
	put_theme(tp->user, "broken", "# broken\nnormal red\n");
	theme_monochrome(&t);
	assert_int_equal(theme_load("broken", &t, err, sizeof err), -1);
	snprintf(want, sizeof want, "%s/broken.theme:2: normal: missing background colour",
	         tp->user);
	assert_string_equal(err, want);
	assert_is_default(&t);

	/* an unreadable candidate is reported, not skipped */
	{
		char path[PATH_MAX];

		snprintf(path, sizeof path, "%s/adir.theme", tp->user);
		mkdir_or_fail(path);
		assert_int_equal(theme_load("adir", &t, err, sizeof err), -1);
		snprintf(want, sizeof want, "%s: %s", path, strerror(EISDIR));
		assert_string_equal(err, want);
	}

	/* bad names */
	assert_int_equal(theme_load(".hidden", &t, err, sizeof err), -1);
	assert_non_null(strstr(err, "invalid theme name '.hidden'"));
	assert_int_equal(theme_load("a b", &t, err, sizeof err), -1);
	assert_non_null(strstr(err, "invalid theme name"));
}

static void test_load_builtin_and_path(void **state)
{
	struct tmp *tp = *state;
	struct theme t, d, m;
	char err[8192], path[PATH_MAX], want[8192];

	theme_default(&d);
	theme_monochrome(&m);
	/* dark and mono exist even when no file does (the data dir of the
	 * test build may hold the shipped ones: equal anyway) */
	assert_int_equal(theme_load("dark", &t, err, sizeof err), 0);
	assert_true(theme_equal(&t, &d));
	assert_int_equal(theme_load("mono", &t, err, sizeof err), 0);
	assert_true(theme_equal(&t, &m));
	assert_string_equal(t.name, "mono");
	assert_int_equal(theme_load(NULL, &t, err, sizeof err), 0);
	assert_true(theme_equal(&t, &d));

	/* a name with '/' is a path */
	snprintf(path, sizeof path, "%s/mine.theme", tp->root);
	write_file(path, "title red blue bold\n");
	assert_int_equal(theme_load(path, &t, err, sizeof err), 0);
	assert_attr(&t, TH_TITLE, 1, 4, THEME_BOLD);
	assert_string_equal(t.name, "mine");
	snprintf(path, sizeof path, "%s/missing.theme", tp->root);
	assert_int_equal(theme_load(path, &t, err, sizeof err), -1);
	snprintf(want, sizeof want, "%s: %s", path, strerror(ENOENT));
	assert_string_equal(err, want);
	assert_is_default(&t);
}

static void test_inherit(void **state)
{
	struct tmp *tp = *state;
	struct theme t, d;
	char err[8192], want[8192], shipped_dir[256];

	/* the shipped themes play the data dir's part */
	snprintf(shipped_dir, sizeof shipped_dir, "%s/themes", srcdir());
	setenv("NSVIZ_THEMES_DIR", shipped_dir, 1);

	/* a user's light.theme that tweaks the shipped light */
	put_theme(tp->user, "light",
	          "# my light\ninherit light\nlist.selected black yellow\n");
	assert_int_equal(theme_load("light", &t, err, sizeof err), 0);
	assert_attr(&t, TH_SELECTED, 0, 3, 0);
	assert_string_equal(t.name, "light");
	{
		struct theme orig;
		char path[PATH_MAX];
		char *text;

		snprintf(path, sizeof path, "%s/light.theme", shipped_dir);
		text = slurp(path);
		assert_int_equal(theme_parse(text, path, &orig, err, sizeof err), 0);
		free(text);
		assert_memory_equal(&t.a[TH_TITLE], &orig.a[TH_TITLE], sizeof t.a[0]);
		assert_memory_equal(&t.a[TH_FORM], &orig.a[TH_FORM], sizeof t.a[0]);
		assert_false(theme_equal(&t, &orig));
	}

	/* a chain: c inherits b inherits high-contrast */
	put_theme(tp->user, "b", "inherit high-contrast\ndim red default\n");
	put_theme(tp->user, "c", "inherit b\nstate.up blue default\n");
	assert_int_equal(theme_load("c", &t, err, sizeof err), 0);
	assert_string_equal(t.name, "c");
	assert_attr(&t, TH_STATE_UP, 4, -1, 0);
	assert_attr(&t, TH_DIM, 1, -1, 0);
	assert_attr(&t, TH_NORMAL, 231, 16, 0);

	/* a user's dark.theme inheriting dark when no file holds dark:
	 * the built-in one */
	setenv("NSVIZ_THEMES_DIR", tp->envdir, 1);
	put_theme(tp->user, "dark", "inherit dark\ndim white default\n");
	assert_int_equal(theme_load("dark", &t, err, sizeof err), 0);
	theme_default(&d);
	assert_attr(&t, TH_DIM, 7, -1, 0);
	assert_memory_equal(&t.a[TH_TITLE], &d.a[TH_TITLE], sizeof t.a[0]);

	/* a missing parent */
	put_theme(tp->user, "orphan", "\ninherit nobody\n");
	assert_int_equal(theme_load("orphan", &t, err, sizeof err), -1);
	snprintf(want, sizeof want, "%s/orphan.theme:2: inherit: theme 'nobody' not found "
	         "(looked in %s/nobody.theme, %s/nobody.theme, %s/themes/nobody.theme)",
	         tp->user, tp->user, tp->envdir, NSVIZ_DATADIR);
	assert_string_equal(err, want);
	assert_is_default(&t);

	/* a broken parent: its own file:line, then where it was inherited */
	put_theme(tp->envdir, "bad", "normal red\n");
	put_theme(tp->user, "child", "inherit bad\n");
	assert_int_equal(theme_load("child", &t, err, sizeof err), -1);
	snprintf(want, sizeof want, "%s/bad.theme:1: normal: missing background colour "
	         "(inherited at %s/child.theme:1)", tp->envdir, tp->user);
	assert_string_equal(err, want);

	/* a loop */
	put_theme(tp->user, "x", "inherit y\n");
	put_theme(tp->user, "y", "inherit x\n");
	assert_int_equal(theme_load("x", &t, err, sizeof err), -1);
	assert_non_null(strstr(err, "nested too deeply (an inherit loop?)"));
	assert_is_default(&t);
	/* a theme that inherits its own name, with nothing behind it */
	put_theme(tp->user, "self", "inherit self\n");
	assert_int_equal(theme_load("self", &t, err, sizeof err), -1);
	snprintf(want, sizeof want, "%s/self.theme:1: inherit: theme 'self' not found "
	         "(looked in %s/self.theme, %s/themes/self.theme)",
	         tp->user, tp->envdir, NSVIZ_DATADIR);
	assert_string_equal(err, want);
}

static void test_list(void **state)
{
	struct tmp *tp = *state;
	char names[8][64];
	size_t n;

	put_theme(tp->user, "zeta", "");
	put_theme(tp->user, "alpha", "");
	put_theme(tp->envdir, "alpha", "");
	put_theme(tp->envdir, "mono", "");
	put_theme(tp->envdir, ".hidden", "");
	n = theme_list(names, 8);
	/* the installed data dir may add more; ours must be there, once */
	assert_true(n >= 4);
	{
		size_t seen_alpha = 0, seen_mono = 0, seen_dark = 0, seen_zeta = 0;

		for (size_t i = 0; i < n && i < 8; i++) {
			if (i)
				assert_true(strcmp(names[i - 1], names[i]) < 0);
			seen_alpha += !strcmp(names[i], "alpha");
			seen_mono += !strcmp(names[i], "mono");
			seen_dark += !strcmp(names[i], "dark");
			seen_zeta += !strcmp(names[i], "zeta");
			assert_true(names[i][0] != '.');
		}
		if (n <= 8) {
			assert_int_equal(seen_alpha, 1);
			assert_int_equal(seen_mono, 1);
			assert_int_equal(seen_dark, 1);
			assert_int_equal(seen_zeta, 1);
		}
	}
	/* MAX = 0 only counts */
	assert_int_equal(theme_list(NULL, 0), n);
}

/* ------------------------------------------------------------------ */
/* the config file                                                    */
/* ------------------------------------------------------------------ */

static void test_config_parse(void **state)
{
	struct ui_config c;
	char err[256];

	(void)state;
	config_defaults(&c);
	assert_string_equal(c.theme, "dark");
	assert_int_equal(c.ascii, 0);
	assert_int_equal(c.mouse, 1);
	assert_int_equal(c.confirm_delete, 1);

	assert_int_equal(config_parse("", "cfg", &c, err, sizeof err), 0);
	assert_string_equal(c.theme, "dark");

	assert_int_equal(config_parse(
		"# nsviz config\n"
		"\n"
		"  theme   high-contrast   # comment\n"
		"ascii yes\r\n"
		"\tmouse\tno\n"
		"confirm-delete off\n", "cfg", &c, err, sizeof err), 0);
	assert_string_equal(c.theme, "high-contrast");
	assert_int_equal(c.ascii, 1);
	assert_int_equal(c.mouse, 0);
	assert_int_equal(c.confirm_delete, 0);

	/* later lines win; every boolean spelling */
	assert_int_equal(config_parse("mouse no\nmouse yes\ntheme a\ntheme ./my.theme",
	                              NULL, &c, err, sizeof err), 0);
	assert_int_equal(c.mouse, 1);
	assert_string_equal(c.theme, "./my.theme");
	{
		static const char *const yes[] = { "yes", "on", "true", "1", "YES" };
		static const char *const no[] = { "no", "off", "false", "0", "No" };

		for (size_t i = 0; i < 5; i++) {
			char text[64];

			snprintf(text, sizeof text, "ascii %s\n", yes[i]);
			assert_int_equal(config_parse(text, "cfg", &c, err, sizeof err), 0);
			assert_int_equal(c.ascii, 1);
			snprintf(text, sizeof text, "ascii %s\n", no[i]);
			assert_int_equal(config_parse(text, "cfg", &c, err, sizeof err), 0);
			assert_int_equal(c.ascii, 0);
		}
	}
}

static void test_config_errors(void **state)
{
	static const struct {
		const char *text;
		const char *err;
	} cases[] = {
		{ "theme light\ncolour red\n",
		  "cfg:2: unknown key 'colour' (theme, ascii, mouse or confirm-delete)" },
		{ "\n\nmouse maybe\n", "cfg:3: mouse: expected yes or no, not 'maybe'" },
		{ "confirm-delete\n", "cfg:1: confirm-delete: missing value (yes or no)" },
		{ "# t\ntheme\n", "cfg:2: theme: missing theme name" },
		{ "theme dark light\n", "cfg:1: theme: expected one value, got more" },
		{ "ascii yes no\n", "cfg:1: ascii: expected one value, got more" },
		{ "Theme dark\n",
		  "cfg:1: unknown key 'Theme' (theme, ascii, mouse or confirm-delete)" },
		{ "theme 0123456789012345678901234567890123456789012345678901234567890123\n",
		  "cfg:1: theme: name too long (at most 63 characters)" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct ui_config c;
		char err[256] = "";

		memset(&c, 0x55, sizeof c);
		if (config_parse(cases[i].text, "cfg", &c, err, sizeof err) != -1)
			fail_msg("case %zu accepted: %s", i, cases[i].text);
		if (strcmp(err, cases[i].err) != 0)
			fail_msg("case %zu: got \"%s\", want \"%s\"", i, err, cases[i].err);
		assert_string_equal(c.theme, "dark");
		assert_int_equal(c.mouse, 1);
	}
}

static void test_config_load(void **state)
{
	struct tmp *tp = *state;
	struct ui_config c;
	char err[8192], path[PATH_MAX], want[8192];

	/* no file: the defaults */
	memset(&c, 0x55, sizeof c);
	assert_int_equal(config_load(&c, err, sizeof err), 0);
	assert_string_equal(err, "");
	assert_string_equal(c.theme, "dark");
	assert_int_equal(c.confirm_delete, 1);

	assert_int_equal(config_path(path, sizeof path), 0);
	snprintf(want, sizeof want, "%s/nsviz/config", tp->xdg);
	assert_string_equal(path, want);

	write_file(path, "theme light\nmouse no\n");
	assert_int_equal(config_load(&c, err, sizeof err), 0);
	assert_string_equal(c.theme, "light");
	assert_int_equal(c.mouse, 0);

	write_file(path, "theme light\n\nmouse sometimes\n");
	assert_int_equal(config_load(&c, err, sizeof err), -1);
	snprintf(want, sizeof want, "%s:3: mouse: expected yes or no, not 'sometimes'", path);
	assert_string_equal(err, want);
	assert_string_equal(c.theme, "dark");

	/* ~/.config/nsviz/config without XDG_CONFIG_HOME */
	unsetenv("XDG_CONFIG_HOME");
	assert_int_equal(config_path(path, sizeof path), 0);
	snprintf(want, sizeof want, "%s/.config/nsviz/config", tp->home);
	assert_string_equal(path, want);
	assert_int_equal(config_load(&c, err, sizeof err), 0);
	assert_string_equal(c.theme, "dark");

	/* a config that is a directory is an error, not "missing" */
	setenv("XDG_CONFIG_HOME", tp->xdg, 1);
	snprintf(path, sizeof path, "%s/nsviz/config", tp->xdg);
	unlink(path);
	mkdir_or_fail(path);
	assert_int_equal(config_load(&c, err, sizeof err), -1);
	snprintf(want, sizeof want, "%s: %s", path, strerror(EISDIR));
	assert_string_equal(err, want);
	rmdir(path);

	/* too small a buffer for the path */
	assert_int_equal(config_path(path, 4), -1);
}

/* ------------------------------------------------------------------ */
/* hostile files: each refused with FILE(:LINE) and a reason, the     */
/* defaults used, never a hang (a FIFO without a writer would block   */
/* a plain open: the alarm turns such a hang into a failure)          */
/* ------------------------------------------------------------------ */

static void write_bytes(const char *path, const char *b, size_t n)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(b, 1, n, f), n);
	assert_int_equal(fclose(f), 0);
}

/* PATH loaded as a theme (by path, and by name when it is NAME.theme
 * in the user's directory) and as the config file: both refused with
 * the path and then WHY, the defaults kept. */
static void assert_refused(const struct tmp *tp, const char *path,
                           const char *name, const char *why)
{
	struct theme th;
	struct ui_config c;
	char err[512], want[PATH_MAX + 128], cfg[PATH_MAX];

	snprintf(want, sizeof want, "%s%s", path, why);
	memset(&th, 0x5a, sizeof th);
	assert_int_equal(theme_load_file(path, &th, err, sizeof err), -1);
	assert_string_equal(err, want);
	assert_is_default(&th);
	if (name) {
		memset(&th, 0x5a, sizeof th);
		assert_int_equal(theme_load(name, &th, err, sizeof err), -1);
		assert_string_equal(err, want);
		assert_is_default(&th);
	}
	/* the same bytes as the config file */
	snprintf(cfg, sizeof cfg, "%s/nsviz/config", tp->xdg);
	unlink(cfg);
	assert_int_equal(symlink(path, cfg), 0);
	snprintf(want, sizeof want, "%s%s", cfg, why);
	memset(&c, 0x5a, sizeof c);
	assert_int_equal(config_load(&c, err, sizeof err), -1);
	assert_string_equal(err, want);
	assert_string_equal(c.theme, "dark");
	assert_int_equal(c.ascii, 0);
	assert_int_equal(c.mouse, 1);
	assert_int_equal(c.confirm_delete, 1);
	unlink(cfg);
}

static void test_hostile_fifo_and_devices(void **state)
{
	struct tmp *tp = *state;
	char path[PATH_MAX];

	alarm(60);
	snprintf(path, sizeof path, "%s/fifo.theme", tp->user);
	assert_int_equal(mkfifo(path, 0600), 0);
	assert_refused(tp, path, "fifo", ": not a regular file (a FIFO)");
	assert_refused(tp, "/dev/zero", NULL,
	               ": not a regular file (a character device)");
	assert_refused(tp, "/dev/null", NULL,
	               ": not a regular file (a character device)");
	alarm(0);
}

static void test_hostile_contents(void **state)
{
	static const char elf[] = "\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0"
	                          "\x03\0>\0\x01\0\0\0";
	static const char nul[] = "normal default default\n"
	                          "title red default\0 bold\n";
	struct tmp *tp = *state;
	char path[PATH_MAX];
	char *line;
	int fd;

	/* a binary file: its NUL byte, with the line it is on */
	snprintf(path, sizeof path, "%s/binary.theme", tp->user);
	write_bytes(path, elf, sizeof elf - 1);
	assert_refused(tp, path, "binary", ":1: a NUL byte: not a text file");
	/* a NUL byte in the middle of a text (the rest would be lost) */
	snprintf(path, sizeof path, "%s/nul.theme", tp->user);
	write_bytes(path, nul, sizeof nul - 1);
	assert_refused(tp, path, "nul", ":2: a NUL byte: not a text file");
	/* control characters, as a terminal would take them */
	snprintf(path, sizeof path, "%s/esc.theme", tp->user);
	write_file(path, "# fine\nnormal \x1b[2Jred default\n");
	assert_refused(tp, path, "esc",
	               ":2: control character 0x1b: not a text file");
	/* 50 MB (sparse: no disk used), refused before it is read */
	snprintf(path, sizeof path, "%s/huge.theme", tp->user);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(fd >= 0);
	assert_int_equal(ftruncate(fd, 50 * 1024 * 1024), 0);
	close(fd);
	assert_refused(tp, path, "huge",
	               ": too large (52428800 bytes; at most 1 MiB)");
	/* a 1 MB line: the message shows the start of it */
	line = malloc(1000001);
	assert_non_null(line);
	memset(line, 'a', 1000000);
	line[1000000] = '\0';
	snprintf(path, sizeof path, "%s/longline.theme", tp->user);
	write_file(path, line);
	{
		struct theme th;
		char err[512], w[PATH_MAX + 600];

		assert_int_equal(theme_load_file(path, &th, err, sizeof err), -1);
		snprintf(w, sizeof w, "%s:1: unknown element '%.40s...'", path, line);
		assert_string_equal(err, w);
		assert_is_default(&th);
	}
	{
		struct ui_config c;
		char err[512], w[PATH_MAX + 600];

		snprintf(path, sizeof path, "%s/nsviz/config", tp->xdg);
		write_file(path, line);
		assert_int_equal(config_load(&c, err, sizeof err), -1);
		snprintf(w, sizeof w, "%s:1: unknown key '%.40s...' (theme, ascii, "
		         "mouse or confirm-delete)", path, line);
		assert_string_equal(err, w);
		assert_string_equal(c.theme, "dark");
		unlink(path);
	}
	free(line);
}

static void test_crlf_files(void **state)
{
	struct tmp *tp = *state;
	struct theme th, lf;
	struct ui_config c;
	char path[PATH_MAX], err[512] = "";
	char *text, *crlf, *q;

	/* the shipped light theme with CRLF line ends: the same theme */
	snprintf(path, sizeof path, "%s/themes/light.theme", srcdir());
	text = slurp(path);
	assert_int_equal(theme_parse(text, "light.theme", &lf, err, sizeof err), 0);
	crlf = malloc(2 * strlen(text) + 1);
	assert_non_null(crlf);
	q = crlf;
	for (const char *p = text; *p; p++) {
		if (*p == '\n')
			*q++ = '\r';
		*q++ = *p;
	}
	*q = '\0';
	snprintf(path, sizeof path, "%s/crlf.theme", tp->user);
	write_file(path, crlf);
	assert_int_equal(theme_load("crlf", &th, err, sizeof err), 0);
	assert_string_equal(err, "");
	assert_true(theme_equal(&th, &lf));
	free(text);
	free(crlf);

	snprintf(path, sizeof path, "%s/nsviz/config", tp->xdg);
	write_file(path, "theme light\r\nmouse no\r\nascii yes\r\n");
	assert_int_equal(config_load(&c, err, sizeof err), 0);
	assert_string_equal(c.theme, "light");
	assert_int_equal(c.mouse, 0);
	assert_int_equal(c.ascii, 1);
	unlink(path);
}

/* What a file holds reaches the terminal only escaped. */
static void test_messages_escape_bytes(void **state)
{
	struct theme th;
	struct ui_config c;
	char err[512];

	(void)state;
	assert_int_equal(theme_parse("normal \xc2\x9b" "31m default\n", "t", &th,
	                             err, sizeof err), -1);
	assert_string_equal(err, "t:1: normal: unknown colour '\\xc2\\x9b31m'");
	assert_int_equal(theme_parse("n\xe9rmal red default\n", "t", &th,
	                             err, sizeof err), -1);
	assert_string_equal(err, "t:1: unknown element 'n\\xe9rmal'");
	assert_int_equal(theme_parse("normal red default bold,\x7f" "x\n", "t", &th,
	                             err, sizeof err), -1);
	assert_string_equal(err, "t:1: control character 0x7f: not a text file");
	assert_int_equal(config_parse("mouse \xc2\x9b" "2J\n", "c", &c, err,
	                              sizeof err), -1);
	assert_string_equal(err, "c:1: mouse: expected yes or no, not '\\xc2\\x9b2J'");
	assert_int_equal(config_parse("ascii yes\nmouse f\x0f" "alse\n", "c", &c,
	                              err, sizeof err), -1);
	assert_string_equal(err, "c:2: control character 0x0f: not a text file");
	/* a long word of bytes to escape: cut, and marked as cut */
	assert_int_equal(theme_parse("normal \x01\x02\x03\x04\x05\x06\x07\x08\x0b"
	                             "\x0c\x0e\x0f\x10\x11\x12 default\n", "t", &th,
	                             err, sizeof err), -1);
	assert_string_equal(err, "t:1: control character 0x01: not a text file");
	assert_int_equal(theme_parse("normal \x80\x81\x82\x83\x84\x85\x86\x87\x88"
	                             "\x89\x8a\x8b\x8c\x8d\x8e\x8f default\n", "t", &th,
	                             err, sizeof err), -1);
	assert_string_equal(err, "t:1: normal: unknown colour '\\x80\\x81\\x82"
	                    "\\x83\\x84\\x85\\x86\\x87\\x88\\x89\\x8a\\x8b\\x8c\\x8d\\x8e...'");
	/* an invalid name to inherit: FILE:LINE first, as every error */
	assert_int_equal(theme_parse("inherit \xf3x\n", "t", &th, err, sizeof err), -1);
	assert_string_equal(err, "t:1: inherit: invalid theme name '\\xf3x' "
	                    "(letters, digits, '.', '_', '+', '-')");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_elem_names),
		cmocka_unit_test(test_man_page_lists_every_element),
		cmocka_unit_test(test_parse_every_element),
		cmocka_unit_test(test_parse_colours),
		cmocka_unit_test(test_parse_attributes),
		cmocka_unit_test(test_parse_comments_blank_lines),
		cmocka_unit_test(test_parse_errors),
		cmocka_unit_test(test_parse_error_small_buffer),
		cmocka_unit_test(test_shipped_themes_parse),
		cmocka_unit_test(test_dark_is_the_default),
		cmocka_unit_test(test_mono_is_the_builtin_mono),
		cmocka_unit_test(test_shipped_distinctions),
		cmocka_unit_test(test_colour_to_16),
		cmocka_unit_test(test_reduce),
		cmocka_unit_test_setup_teardown(test_load_search_order, tmp_setup, tmp_teardown),
		cmocka_unit_test_setup_teardown(test_load_builtin_and_path, tmp_setup, tmp_teardown),
		cmocka_unit_test_setup_teardown(test_inherit, tmp_setup, tmp_teardown),
		cmocka_unit_test_setup_teardown(test_list, tmp_setup, tmp_teardown),
		cmocka_unit_test(test_config_parse),
		cmocka_unit_test(test_config_errors),
		cmocka_unit_test_setup_teardown(test_config_load, tmp_setup, tmp_teardown),
		cmocka_unit_test_setup_teardown(test_hostile_fifo_and_devices, tmp_setup,
		                                tmp_teardown),
		cmocka_unit_test_setup_teardown(test_hostile_contents, tmp_setup, tmp_teardown),
		cmocka_unit_test_setup_teardown(test_crlf_files, tmp_setup, tmp_teardown),
		cmocka_unit_test(test_messages_escape_bytes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
