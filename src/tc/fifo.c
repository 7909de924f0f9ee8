/* SPDX-License-Identifier: GPL-2.0-or-later */
/* fifo.c - the pfifo and bfifo qdiscs as tc 6.1's q_fifo.c has them:
 * `limit N` (exactly that word; packets for pfifo, bytes for bfifo, both
 * read as a size), a struct tc_fifo_qopt sent only when a limit was
 * given, and "limit 100p" / "limit 10Kb" as tc prints them. */
#include "tc/priv.h"

#include <linux/pkt_sched.h>
#include <linux/rtnetlink.h>
#include <stdio.h>
#include <string.h>

#include "cmd/parse_int.h"
#include "util/sbuf.h"

static int fifo_parse(struct parser *p, struct tc_opts *o, bool is_class)
{
	struct tc_fifo *f = &o->u.fifo;
	bool bytes = o->kind == &tc_kind_bfifo;

	(void)is_class;
	memset(f, 0, sizeof *f);
	o->any = p_more(p);
	while (p_more(p)) {
		const char *w = p_next(p), *v;

		if (strcmp(w, "limit"))
			return p_bad(p, w, "unknown %s option (expected limit)",
			             bytes ? "bfifo" : "pfifo");
		if (!(v = p_value(p, bytes ? "limit (bytes)" : "limit (packets)")))
			return -1;
		if (tc_get_size(&f->limit, v))
			return p_bad(p, v, "not a limit (expected a number of %s)",
			             bytes ? "bytes, like 10kb" : "packets");
		f->has_limit = true;
	}
	return 0;
}

static int fifo_build(const struct tc_opts *o, bool is_class,
                      const struct tc_clock *k, struct sbuf *b,
                      char *err, size_t errlen)
{
	struct tc_fifo_qopt q = { o->u.fifo.limit };

	(void)is_class;
	(void)k;
	(void)err;
	(void)errlen;
	if (o->u.fifo.has_limit)
		tc_attr(b, TCA_OPTIONS, &q, sizeof q);
	return 0;
}

static void fifo_canon(struct canon *c, const struct tc_opts *o,
                       bool is_class)
{
	(void)is_class;
	if (!o->u.fifo.has_limit)
		return;
	canon_word(c, "limit");
	if (o->kind == &tc_kind_bfifo)
		tc_canon_size(c, o->u.fifo.limit);
	else
		canon_wordf(c, "%u", o->u.fifo.limit);
}

static void print_limit(struct sbuf *out, const void *data, size_t len,
                        bool bytes)
{
	struct tc_fifo_qopt q;

	if (!data || len < sizeof q)
		return;
	memcpy(&q, data, sizeof q);
	sbuf_add(out, "limit ");
	if (bytes)
		tc_put_size(out, q.limit);
	else
		sbuf_printf(out, "%up", q.limit);
}

static void pfifo_print(struct sbuf *out, const void *data, size_t len,
                        bool is_class, const struct tc_print_ctx *pc)
{
	(void)is_class;
	(void)pc;
	print_limit(out, data, len, false);
}

static void bfifo_print(struct sbuf *out, const void *data, size_t len,
                        bool is_class, const struct tc_print_ctx *pc)
{
	(void)is_class;
	(void)pc;
	print_limit(out, data, len, true);
}

/* The kernel's struct tc_fifo_qopt back into `limit N`: exact.  A fifo
 * made without a limit is reported with the one the kernel chose (the
 * device's txqueuelen, times its mtu for bfifo): it is written. */
static int fifo_decode(struct tc_opts *o, const void *data, size_t len,
                       const struct tc_kind *k, char *err, size_t errlen)
{
	struct tc_fifo_qopt q;

	memset(o, 0, sizeof *o);
	o->kind = k;
	o->any = true;
	if (!data || !len)
		return 0;
	if (len < sizeof q) {
		snprintf(err, errlen, "%s: options of %zu bytes (a limit is %zu)",
		         k->id, len, sizeof q);
		return -1;
	}
	memcpy(&q, data, sizeof q);
	o->u.fifo.has_limit = true;
	o->u.fifo.limit = q.limit;
	return 0;
}

static int pfifo_decode(struct tc_opts *o, const void *data, size_t len,
                        bool is_class, const struct tc_clock *clk, char *err,
                        size_t errlen)
{
	(void)is_class;
	(void)clk;
	return fifo_decode(o, data, len, &tc_kind_pfifo, err, errlen);
}

static int bfifo_decode(struct tc_opts *o, const void *data, size_t len,
                        bool is_class, const struct tc_clock *clk, char *err,
                        size_t errlen)
{
	(void)is_class;
	(void)clk;
	return fifo_decode(o, data, len, &tc_kind_bfifo, err, errlen);
}

const struct tc_kind tc_kind_pfifo = {
	.id = "pfifo",
	.qdisc = true,
	.parse = fifo_parse,
	.build = fifo_build,
	.canon = fifo_canon,
	.print = pfifo_print,
	.decode = pfifo_decode,
};

const struct tc_kind tc_kind_bfifo = {
	.id = "bfifo",
	.qdisc = true,
	.parse = fifo_parse,
	.build = fifo_build,
	.canon = fifo_canon,
	.print = bfifo_print,
	.decode = bfifo_decode,
};
