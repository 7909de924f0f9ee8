/* SPDX-License-Identifier: GPL-2.0-or-later */
/* impair.c - how a link is slowed, limited or made lossy, in a few words
 * for a panel cell or a map label: the root qdisc's kind and the words
 * of its options (as tc prints them, kept by the world) that change what
 * a packet meets: "netem delay 100ms 10ms loss 1%", "tbf rate 1Mbit".
 * A qdisc the kernel put there itself (handle 0:, noqueue, pfifo_fast,
 * fq_codel...) is no impairment: "".  Pure. */
#include "fmt/tc.h"

#include <stdio.h>
#include <string.h>

#include "util/esc.h"
#include "util/sbuf.h"
#include "world/world.h"

/* The words of a kind's options kept, each with how many values follow
 * it (at most: a value is kept while it looks like one, a time, a rate
 * or a percent, not the next keyword). */
static const struct keep {
	const char *kind, *word;
	int values;
} keeps[] = {
	{ "netem", "delay", 2 }, { "netem", "loss", 1 },
	{ "netem", "duplicate", 1 }, { "netem", "corrupt", 1 },
	{ "netem", "reorder", 1 }, { "netem", "rate", 1 },
	{ "netem", "slot", 2 },
	{ "tbf", "rate", 1 }, { "tbf", "peakrate", 1 },
	{ NULL, NULL, 0 }
};

static int kept(const char *kind, const char *w, size_t n)
{
	for (const struct keep *k = keeps; k->kind; k++)
		if (!strcmp(k->kind, kind) && strlen(k->word) == n &&
		    !strncmp(k->word, w, n))
			return k->values;
	return -1;
}

/* a value: starts with a digit (100ms, 1%, 1Mbit, 2.5%) */
static bool is_value(const char *w)
{
	return *w >= '0' && *w <= '9';
}

void fmt_impair(const struct w_link *l, char *buf, size_t len)
{
	struct sbuf b = SBUF_INIT;
	const char *p = l->tc_opts;

	buf[0] = '\0';
	if (!l->tc_handle || !l->qdisc[0] || !len)
		return;
	esc_add(&b, l->qdisc, 0);
	while (p && *p) {
		size_t n;
		int values;

		p += strspn(p, " ");
		n = strcspn(p, " ");
		if (!n)
			break;
		values = kept(l->qdisc, p, n);
		if (values < 0) {
			p += n;
			continue;
		}
		sbuf_addc(&b, ' ');
		sbuf_addn(&b, p, n);
		p += n;
		while (values-- > 0) {
			p += strspn(p, " ");
			n = strcspn(p, " ");
			if (!n || !is_value(p))
				break;
			sbuf_addc(&b, ' ');
			sbuf_addn(&b, p, n);
			p += n;
		}
	}
	snprintf(buf, len, "%s", sbuf_str(&b));
	sbuf_free(&b);
}
