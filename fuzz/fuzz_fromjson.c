/* SPDX-License-Identifier: GPL-2.0-or-later */
/* fuzz_fromjson.c - libFuzzer target for the show --json translator
 * (src/topo/fromjson.c; make fuzz).
 *
 * Input: a JSON document.  What translates is lines, each a comment
 * (no command, not continued by a trailing backslash) or a command that
 * the grammar reads back as the same canonical text; what does not has a
 * message "fuzz.json: ..." or "fuzz.json:LINE: ..." without a control
 * character, and the output is left as it was. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "fuzz.h"
#include "topo/fromjson.h"
#include "util/sbuf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FN "fuzz.json"

static void fail(const char *what, const char *text)
{
	fprintf(stderr, "fuzz_fromjson: %s: [%s]\n", what, text);
	abort();
}

static void check_line(const char *line)
{
	char **words = NULL, err[512];
	int n = cmd_split(line, &words, err, sizeof err);

	if (line[0] == '#') {
		if (n != 0)
			fail("a comment that is a command", line);
		if (line[strlen(line) - 1] == '\\')
			fail("a comment that continues", line);
	} else {
		struct cmd c;
		struct sbuf b = SBUF_INIT;

		if (n <= 0)
			fail("a line that is no command", line);
		if (cmd_parse(n, words, &c, err, sizeof err) < 0)
			fail("a command the grammar refuses", line);
		cmd_canonical(&c, &b);
		if (strcmp(sbuf_str(&b), line))
			fail("a command that is not canonical", line);
		cmd_free(&c);
		sbuf_free(&b);
	}
	cmd_free_words(words, n);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sbuf out = SBUF_INIT;
	char err[1024];
	int rc;

	sbuf_add(&out, "x\n");
	err[0] = '\0';
	rc = topo_json_to_cmds(FN, (const char *)data, size, &out, err,
	                       sizeof err);
	if (rc == 0) {
		char *s = out.s + 2;

		while (*s) {
			char *nl = strchr(s, '\n');

			if (!nl)
				fail("a line without its end", s);
			*nl = '\0';
			check_line(s);
			s = nl + 1;
		}
	} else {
		if (rc != -1)
			fail("neither 0 nor -1", err);
		if (strcmp(sbuf_str(&out), "x\n"))
			fail("a failure that wrote commands", sbuf_str(&out));
		if (strncmp(err, FN ":", sizeof FN))
			fail("an error without the file", err);
		for (const char *p = err; *p; p++)
			if ((unsigned char)*p < 0x20 || *p == 0x7f)
				fail("a control character in the message", err);
	}
	sbuf_free(&out);
	return 0;
}
