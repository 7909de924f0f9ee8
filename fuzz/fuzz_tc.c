/* SPDX-License-Identifier: GPL-2.0-or-later */
/* fuzz_tc.c - libFuzzer target for the tc kinds' printers and decoders
 * (make fuzz): what the kernel reports of a qdisc or class is untrusted
 * bytes.
 *
 * Input: one byte (bits 0-2 pick the kind of tc_kinds, bit 3 a class,
 * bit 4 -d, bit 5 -s, bit 6 a whole message, bit 7 decode), then the
 * payload.  Decoded, the payload is TCA_OPTIONS' as save reads it: the
 * kind's decode, then its canonical words and the request built from
 * them.  A
 * payload is given whole to the kind's print and print_xstats and to
 * tc_print_stats (as TCA_STATS2, then as the old TCA_STATS); a whole
 * message (header, tcmsg, attributes) to fmt_tc_msg, as a dump's reply
 * is.  Copied to a buffer of exactly its size: ASan catches any read
 * past it. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/parse_int.h"
#include "fmt/tc.h"
#include "tc/tc.h"
#include "util/sbuf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sbuf out = SBUF_INIT;
	const struct tc_kind *k;
	struct tc_clock clk;
	struct tc_print_ctx pc;
	const void *x = NULL;
	size_t len, xl = 0;
	bool is_class;
	uint8_t *buf;

	if (size < 1)
		return 0;
	k = tc_kinds[(data[0] & 7) % tc_nkinds];
	is_class = data[0] & 8;
	tc_clock_default(&clk);
	pc.clock = &clk;
	pc.details = data[0] & 16;
	pc.stats = data[0] & 32 ? 1 : 0;
	len = size - 1;
	buf = malloc(len ? len : 1);
	memcpy(buf, data + 1, len);
	if (data[0] & 64) {
		struct fmt_tc_ctx c;

		memset(&c, 0, sizeof c);
		c.pc = pc;
		(void)fmt_tc_msg(&out, buf, len, &c);
		sbuf_free(&out);
		free(buf);
		return 0;
	}
	if (data[0] & 128) {
		struct tc_opts o;
		struct canon c = { &out, true, true };
		struct sbuf b = SBUF_INIT;
		char err[256];

		if (k->decode &&
		    k->decode(&o, len ? buf : NULL, len, is_class, &clk, err,
		              sizeof err) == 0) {
			k->canon(&c, &o, is_class);
			if (k->build)
				(void)k->build(&o, is_class, &clk, &b, err,
				               sizeof err);
		}
		sbuf_free(&b);
		sbuf_free(&out);
		free(buf);
		return 0;
	}
	if (k->print)
		k->print(&out, buf, len, is_class, &pc);
	if (k->print_xstats)
		k->print_xstats(&out, buf, len, is_class, &pc);
	tc_print_stats(&out, buf, len, NULL, 0, " ", &x, &xl);
	if (x && k->print_xstats)
		k->print_xstats(&out, x, xl, is_class, &pc);
	tc_print_stats(&out, NULL, 0, buf, len, " ", NULL, NULL);
	sbuf_free(&out);
	free(buf);
	return 0;
}
