/* SPDX-License-Identifier: GPL-2.0-or-later */
/* fuzz_items.c - libFuzzer target for the packed items a scratch sandbox
 * sends back (src/topo/items.c tilist_unpack; make fuzz), and for what
 * reads them after: diff and the file writer.
 *
 * Input: bytes.  What unpacks packs back to the same bytes; diff of a
 * list against itself points only into it; the writer writes lines that
 * are comments or commands, each ending in a newline. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "topo/diff.h"
#include "topo/items.h"
#include "topo/save.h"
#include "util/sbuf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fail(const char *what)
{
	fprintf(stderr, "fuzz_items: %s\n", what);
	abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tilist l;
	struct sbuf again = SBUF_INIT, text = SBUF_INIT;
	struct topo_plan p;
	struct topo_write_opts wo = { false, "fuzz", NULL, NULL };

	if (tilist_unpack(&l, (const char *)data, size) < 0)
		return 0;
	tilist_pack(&l, &again);
	if (again.len != size || memcmp(again.s, data, size))
		fail("unpacked and packed again: other bytes");
	topo_diff(&l, &l, &p);
	for (size_t i = 0; i < p.n; i++) {
		const struct titem *it = p.v[i].it;

		if (it < l.v || it >= l.v + l.n)
			fail("a step that is not an item of the lists");
		if (!p.v[i].line)
			fail("a step without a command");
	}
	topo_plan_free(&p);
	tilist_sort(&l);
	topo_write(&l, &wo, &text);
	if (text.len && text.s[text.len - 1] != '\n')
		fail("the file does not end in a newline");
	for (const char *s = sbuf_str(&text); *s; ) {
		const char *nl = strchr(s, '\n');

		if (*s != '#' && strncmp(s, "ip ", 3) && strncmp(s, "sysctl ", 7))
			fail("a line that is neither a comment nor a command");
		s = nl + 1;
	}
	sbuf_free(&again);
	sbuf_free(&text);
	tilist_free(&l);
	return 0;
}
