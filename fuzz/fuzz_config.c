/* SPDX-License-Identifier: GPL-2.0-or-later */
/* fuzz_config.c - libFuzzer target for the UI's config file parser
 * (make fuzz).
 *
 * Input: the text of a config file.  What parses has booleans 0 or 1 and
 * a theme name that is a string; what does not leaves the defaults, with
 * a message "fuzz.config:LINE: reason" that holds no control character
 * (it is shown on the terminal). */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "ui/config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FN "fuzz.config"

static void fail(const char *what, const char *err)
{
	fprintf(stderr, "fuzz_config: %s: [%s]\n", what, err);
	abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ui_config c, d;
	char err[512];
	char *s;

	s = fuzz_text(data, size);
	if (!s)
		return 0;
	err[0] = '\0';
	config_defaults(&d);
	memset(&c, 0x5a, sizeof c);
	if (config_parse(s, FN, &c, err, sizeof err) == 0) {
		if (!memchr(c.theme, '\0', sizeof c.theme) || !c.theme[0])
			fail("the theme name is not a string", "");
		if ((c.ascii | c.mouse | c.confirm_delete) & ~1)
			fail("a boolean that is not 0 or 1", "");
	} else {
		if (strncmp(err, FN ":", sizeof FN))
			fail("an error without FILE:LINE", err);
		if (memcmp(&c, &d, sizeof c))
			fail("a failed parse did not leave the defaults", err);
	}
	for (const char *p = err; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			fail("a control character in the message", err);
	free(s);
	return 0;
}
