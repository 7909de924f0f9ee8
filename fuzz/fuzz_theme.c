/* SPDX-License-Identifier: GPL-2.0-or-later */
/* fuzz_theme.c - libFuzzer target for the theme parser (make fuzz).
 *
 * Input: the text of a theme file.  `inherit NAME` finds the shipped
 * themes (NSVIZ_THEMES_DIR is the source tree's themes/, no user
 * directory).  A theme that parses has every colour in -1..255 and only
 * known attribute bits, and is reduced for 256, 16 and 8 colours as the
 * UI does; one that does not is the default theme, with a message
 * "fuzz.theme:LINE: reason" that holds no control character (it is
 * shown on the terminal). */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "ui/theme.h"

#ifndef FUZZ_THEMES_DIR
#define FUZZ_THEMES_DIR "themes"
#endif

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FN "fuzz.theme"

static void fail(const char *what, const char *err)
{
	fprintf(stderr, "fuzz_theme: %s: [%s]\n", what, err);
	abort();
}

static bool colour_ok(short c)
{
	return c >= -1 && c <= 255;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	setenv("NSVIZ_THEMES_DIR", FUZZ_THEMES_DIR, 1);
	setenv("XDG_CONFIG_HOME", "/nonexistent/nsviz-fuzz", 1);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct theme t, d;
	char err[512];
	char *s;
	short col;

	s = fuzz_text(data, size);
	if (!s)
		return 0;
	err[0] = '\0';
	theme_default(&d);
	if (theme_parse(s, FN, &t, err, sizeof err) == 0) {
		for (int e = 0; e < TH_COUNT; e++) {
			struct theme_attr r;

			if (!colour_ok(t.a[e].fg) || !colour_ok(t.a[e].bg) ||
			    (t.a[e].attrs & ~THEME_ATTR_ALL))
				fail("a value out of range", theme_elem_name(e));
			for (int nc = 8; nc <= 256; nc *= 2) {
				theme_reduce(&t.a[e], nc, &r);
				if (!colour_ok(r.fg) || !colour_ok(r.bg) ||
				    (nc < 256 && (r.fg > 15 || r.bg > 15)))
					fail("a reduced value out of range",
					     theme_elem_name(e));
			}
		}
		(void)theme_uses_colour(&t);
		if (!memchr(t.name, '\0', sizeof t.name))
			fail("the name is not a string", "");
	} else {
		if (strncmp(err, FN ":", sizeof FN))
			fail("an error without FILE:LINE", err);
		if (!theme_equal(&t, &d))
			fail("a failed parse is not the default theme", err);
	}
	for (const char *p = err; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			fail("a control character in the message", err);
	/* one colour word, as `theme_parse_colour` takes it */
	if (size < 64 && theme_parse_colour(s, &col) == 0 && !colour_ok(col))
		fail("a colour out of range", s);
	free(s);
	return 0;
}
