/* SPDX-License-Identifier: GPL-2.0-or-later */
/* htb.c - the hierarchy token bucket as tc 6.1's q_htb.c has it: the
 * qdisc's words (default, r2q, debug, direct_qlen, offload) and TCA_HTB_
 * INIT; a class's words (rate, ceil, burst, cburst, prio, quantum, mtu,
 * mpu, overhead, linklayer) with tc's defaults (ceil as rate, bursts of
 * rate/HZ + mtu, mtu 1600) and its TCA_HTB_PARMS with both rate tables;
 * and how tc prints either, with a class's -s counters (lended,
 * borrowed, giants, tokens).  Words by matches() in tc's order (c is
 * cburst), except rate and ceil, exact. */
#include "tc/priv.h"

#include <linux/pkt_sched.h>
#include <linux/rtnetlink.h>
#include <stdio.h>
#include <string.h>

#include "cmd/parse_int.h"
#include "util/sbuf.h"

#define SIZE_HINT "expected bytes, like 1600 or 10kb, optionally /CELL"

static int take_u32(struct parser *p, const char *what, int base,
                    uint32_t *v)
{
	const char *w = p_value(p, what);

	if (!w)
		return -1;
	if (tc_get_u32(v, w, base))
		return p_bad(p, w, "not a %s (expected a %snumber 0..4294967295)",
		             what, base == 16 ? "hexadecimal " : "");
	return 0;
}

static int take_u16(struct parser *p, const char *what, uint16_t *v)
{
	const char *w = p_value(p, what);

	if (!w)
		return -1;
	if (tc_get_u16(v, w, 10))
		return p_bad(p, w, "not a %s (expected 0..65535)", what);
	return 0;
}

static int parse_qdisc(struct parser *p, struct tc_htb *h)
{
	memset(h, 0, sizeof *h);
	h->r2q = 10;
	h->direct_qlen = ~0U;
	while (p_more(p)) {
		const char *w = p_next(p), *v;

		if (kw_matches(w, "r2q")) {
			if (take_u32(p, "r2q", 10, &h->r2q))
				return -1;
		} else if (kw_matches(w, "default")) {
			if (take_u32(p, "default class", 16, &h->defcls))
				return -1;
		} else if (kw_matches(w, "debug")) {
			unsigned i;

			if (!(v = p_value(p, "debug levels")))
				return -1;
			for (i = 0; i < 16 && v[i] >= '0' && v[i] <= '3'; i++)
				h->debug |= (uint32_t)(v[i] - '0') << (2 * i);
		} else if (kw_matches(w, "direct_qlen")) {
			if (take_u32(p, "direct_qlen", 10, &h->direct_qlen))
				return -1;
		} else if (kw_matches(w, "offload")) {
			h->offload = true;
		} else {
			return p_bad(p, w, "unknown htb option (expected default, "
			             "r2q, direct_qlen or offload)");
		}
	}
	return 0;
}

static int take_burst(struct parser *p, const char *kw, uint32_t *b,
                      int *cell_log)
{
	const char *v = p_value(p, kw);

	if (!v)
		return -1;
	if (tc_get_size_cell(b, cell_log, v))
		return p_bad(p, v, "not a %s (" SIZE_HINT ")", kw);
	return 0;
}

static int parse_class(struct parser *p, struct tc_htb_class *h)
{
	memset(h, 0, sizeof *h);
	h->mtu = 1600;
	h->cell_log = h->ccell_log = -1;
	h->linklayer = 1;
	while (p_more(p)) {
		const char *w = p_next(p);

		if (kw_matches(w, "prio")) {
			if (take_u32(p, "prio", 10, &h->prio))
				return -1;
		} else if (kw_matches(w, "mtu")) {
			if (take_u32(p, "mtu", 10, &h->mtu))
				return -1;
		} else if (kw_matches(w, "mpu")) {
			if (take_u16(p, "mpu", &h->mpu))
				return -1;
		} else if (kw_matches(w, "overhead")) {
			if (take_u16(p, "overhead", &h->overhead))
				return -1;
		} else if (kw_matches(w, "linklayer")) {
			if (tc_take_linklayer(p, &h->linklayer))
				return -1;
		} else if (kw_matches(w, "quantum")) {
			if (take_u32(p, "quantum", 10, &h->quantum))
				return -1;
		} else if (kw_matches(w, "burst") || !strcmp(w, "buffer") ||
		           !strcmp(w, "maxburst")) {
			if (take_burst(p, "burst", &h->burst, &h->cell_log))
				return -1;
		} else if (kw_matches(w, "cburst") || !strcmp(w, "cbuffer") ||
		           !strcmp(w, "cmaxburst")) {
			if (take_burst(p, "cburst", &h->cburst, &h->ccell_log))
				return -1;
		} else if (!strcmp(w, "ceil")) {
			if (tc_take_rate(p, "ceil", "ceil", &h->ceil))
				return -1;
		} else if (!strcmp(w, "rate")) {
			if (tc_take_rate(p, "rate", "rate", &h->rate))
				return -1;
		} else {
			return p_bad(p, w, "unknown htb class option (expected "
			             "rate, ceil, burst, cburst, prio, quantum, "
			             "mtu, mpu, overhead or linklayer)");
		}
	}
	if (!h->rate)
		return p_fail(p, "htb: missing rate (a class needs rate R)");
	return 0;
}

static int htb_parse(struct parser *p, struct tc_opts *o, bool is_class)
{
	o->any = p_more(p);
	return is_class ? parse_class(p, &o->u.htbc) : parse_qdisc(p, &o->u.htb);
}

static int htb_build(const struct tc_opts *o, bool is_class,
                     const struct tc_clock *k, struct sbuf *b,
                     char *err, size_t errlen)
{
	size_t nest;

	(void)err;
	(void)errlen;
	if (!is_class) {
		const struct tc_htb *h = &o->u.htb;
		struct tc_htb_glob g;

		memset(&g, 0, sizeof g);
		g.version = 3;
		g.rate2quantum = h->r2q;
		g.defcls = h->defcls;
		g.debug = h->debug;
		nest = tc_nest(b, TCA_OPTIONS);
		tc_attr(b, TCA_HTB_INIT, &g, sizeof g);
		if (h->direct_qlen != ~0U)
			tc_attr(b, TCA_HTB_DIRECT_QLEN, &h->direct_qlen,
			        sizeof h->direct_qlen);
		if (h->offload)
			tc_attr(b, TCA_HTB_OFFLOAD, NULL, 0);
		tc_nest_end(b, nest);
	} else {
		const struct tc_htb_class *h = &o->u.htbc;
		struct tc_htb_opt q;
		uint32_t rtab[256], ctab[256];
		uint64_t rate = h->rate, ceil = h->ceil ? h->ceil : h->rate;
		uint32_t buffer = h->burst, cbuffer = h->cburst;
		unsigned hz = k->hz ? k->hz : 100;

		memset(&q, 0, sizeof q);
		q.prio = h->prio;
		q.quantum = h->quantum;
		q.rate.rate = rate >= (1ULL << 32) ? ~0U : (uint32_t)rate;
		q.ceil.rate = ceil >= (1ULL << 32) ? ~0U : (uint32_t)ceil;
		if (!buffer)
			buffer = (uint32_t)(rate / hz + h->mtu);
		if (!cbuffer)
			cbuffer = (uint32_t)(ceil / hz + h->mtu);
		q.rate.overhead = q.ceil.overhead = h->overhead;
		q.rate.mpu = q.ceil.mpu = h->mpu;
		tc_rtable(k, &q.rate, rtab, h->cell_log, h->mtu, h->linklayer);
		q.buffer = tc_xmittime(k, rate, buffer);
		tc_rtable(k, &q.ceil, ctab, h->ccell_log, h->mtu, h->linklayer);
		q.cbuffer = tc_xmittime(k, ceil, cbuffer);
		nest = tc_nest(b, TCA_OPTIONS);
		if (rate >= (1ULL << 32))
			tc_attr(b, TCA_HTB_RATE64, &rate, sizeof rate);
		if (ceil >= (1ULL << 32))
			tc_attr(b, TCA_HTB_CEIL64, &ceil, sizeof ceil);
		tc_attr(b, TCA_HTB_PARMS, &q, sizeof q);
		tc_attr(b, TCA_HTB_RTAB, rtab, sizeof rtab);
		tc_attr(b, TCA_HTB_CTAB, ctab, sizeof ctab);
		tc_nest_end(b, nest);
	}
	return 0;
}

static void htb_canon(struct canon *c, const struct tc_opts *o, bool is_class)
{
	if (!is_class) {
		const struct tc_htb *h = &o->u.htb;

		if (h->defcls) {
			canon_word(c, "default");
			canon_wordf(c, "%x", h->defcls);
		}
		if (h->r2q != 10) {
			canon_word(c, "r2q");
			canon_wordf(c, "%u", h->r2q);
		}
		if (h->debug) {
			char d[17];
			unsigned i;

			for (i = 0; i < 16; i++)
				d[i] = (char)('0' + ((h->debug >> (2 * i)) & 3));
			d[16] = '\0';
			canon_word(c, "debug");
			canon_word(c, d);
		}
		if (h->direct_qlen != ~0U) {
			canon_word(c, "direct_qlen");
			canon_wordf(c, "%u", h->direct_qlen);
		}
		if (h->offload)
			canon_word(c, "offload");
	} else {
		const struct tc_htb_class *h = &o->u.htbc;

		canon_word(c, "rate");
		tc_canon_rate(c, h->rate);
		if (h->ceil) {
			canon_word(c, "ceil");
			tc_canon_rate(c, h->ceil);
		}
		if (h->burst || h->cell_log >= 0) {
			canon_word(c, "burst");
			tc_canon_size_cell(c, h->burst, h->cell_log);
		}
		if (h->cburst || h->ccell_log >= 0) {
			canon_word(c, "cburst");
			tc_canon_size_cell(c, h->cburst, h->ccell_log);
		}
		if (h->prio) {
			canon_word(c, "prio");
			canon_wordf(c, "%u", h->prio);
		}
		if (h->quantum) {
			canon_word(c, "quantum");
			canon_wordf(c, "%u", h->quantum);
		}
		if (h->mtu != 1600) {
			canon_word(c, "mtu");
			canon_wordf(c, "%u", h->mtu);
		}
		if (h->mpu) {
			canon_word(c, "mpu");
			canon_wordf(c, "%u", h->mpu);
		}
		tc_canon_overhead_ll(c, h->overhead, h->linklayer);
	}
}

/* tc prints a qdisc's and a class's options with one function */
static void htb_print(struct sbuf *out, const void *data, size_t len,
                      bool is_class, const struct tc_print_ctx *pc)
{
	struct tc_rta tb[TCA_HTB_MAX + 1];
	struct tc_clock dflt;
	const struct tc_clock *k = pc && pc->clock ? pc->clock : NULL;
	bool details = pc && pc->details;
	uint32_t qlen;

	(void)is_class;
	if (!k) {
		tc_clock_default(&dflt);
		k = &dflt;
	}
	tc_attrs(tb, TCA_HTB_MAX, data, len);
	if (tb[TCA_HTB_PARMS].data) {
		struct tc_htb_opt h;
		uint64_t rate64, ceil64, v;
		unsigned buffer, cbuffer;

		if (!tc_rta_get(&tb[TCA_HTB_PARMS], &h, sizeof h))
			return;
		if (!h.level) {
			sbuf_printf(out, "prio %d ", (int)h.prio);
			if (details)
				sbuf_printf(out, "quantum %d ", (int)h.quantum);
		}
		rate64 = h.rate.rate;
		if (tc_rta_get(&tb[TCA_HTB_RATE64], &v, sizeof v))
			rate64 = v;
		ceil64 = h.ceil.rate;
		if (tc_rta_get(&tb[TCA_HTB_CEIL64], &v, sizeof v))
			ceil64 = v;
		sbuf_add(out, "rate ");
		tc_put_rate(out, rate64);
		sbuf_addc(out, ' ');
		if (h.rate.overhead)
			sbuf_printf(out, "overhead %u ", h.rate.overhead);
		buffer = tc_xmitsize(k, rate64, h.buffer);
		sbuf_add(out, "ceil ");
		tc_put_rate(out, ceil64);
		sbuf_addc(out, ' ');
		cbuffer = tc_xmitsize(k, ceil64, h.cbuffer);
		tc_put_linklayer(out, h.rate.linklayer, details);
		if (details) {
			sbuf_add(out, "burst ");
			tc_put_size(out, buffer);
			tc_put_cell_mpu(out, h.rate.cell_log, h.rate.mpu);
			sbuf_add(out, " cburst ");
			tc_put_size(out, cbuffer);
			tc_put_cell_mpu(out, h.ceil.cell_log, h.ceil.mpu);
			sbuf_printf(out, " level %d ", (int)h.level);
		} else {
			sbuf_add(out, "burst ");
			tc_put_size(out, buffer);
			sbuf_add(out, " cburst ");
			tc_put_size(out, cbuffer);
			sbuf_addc(out, ' ');
		}
	}
	if (tb[TCA_HTB_INIT].data) {
		struct tc_htb_glob g;

		if (!tc_rta_get(&tb[TCA_HTB_INIT], &g, sizeof g))
			return;
		sbuf_printf(out, "r2q %d default %#llx direct_packets_stat %u",
		            (int)g.rate2quantum, (unsigned long long)g.defcls,
		            g.direct_pkts);
		if (details)
			sbuf_printf(out, " ver %d.%d", (int)(g.version >> 16),
			            (int)(g.version & 0xffff));
	}
	if (tc_rta_get(&tb[TCA_HTB_DIRECT_QLEN], &qlen, sizeof qlen))
		sbuf_printf(out, " direct_qlen %u", qlen);
	if (tb[TCA_HTB_OFFLOAD].data)
		sbuf_add(out, " offload");
}

static void htb_print_xstats(struct sbuf *out, const void *data, size_t len,
                             bool is_class, const struct tc_print_ctx *pc)
{
	struct tc_htb_xstats st;

	(void)is_class;
	(void)pc;
	if (!data || len < sizeof st)
		return;
	memcpy(&st, data, sizeof st);
	sbuf_printf(out, " lended: %u borrowed: %u giants: %u\n",
	            st.lends, st.borrows, st.giants);
	sbuf_printf(out, " tokens: %d ctokens: %d\n", st.tokens, st.ctokens);
}

/* A bucket's size from its ticks: omitted (0) when it is tc's default
 * for the rate (rate/HZ + mtu) */
static uint32_t burst_of(const struct tc_clock *k, uint64_t rate,
                         unsigned ticks, int cell_log)
{
	unsigned hz = k->hz ? k->hz : 100;

	if (cell_log < 0 && tc_xmittime(k, rate, (unsigned)(rate / hz + 1600)) ==
	    ticks)
		return 0;
	return tc_size_of_ticks(k, rate, ticks);
}

/* A request's rate table was made with the cell size of the mtu (1600
 * unless given) or the one given; a dump reports none (0); past 30 is
 * none tc's words can say. */
static int cell_log_of(unsigned char cl)
{
	return cl && cl < 31 && cl != tc_cell_log_of(1600) ? cl : -1;
}

/* The kernel's options back into words.  The qdisc: everything but
 * debug, which the kernel ignores and reports as 0 (a request's own is
 * kept); direct_qlen, which the kernel always reports, is written even
 * when it is the device's default.  A class: the kernel keeps its
 * buckets as the times tc computed (exactly the ticks tc sent), written
 * back as the roundest size tc turns into those ticks, left out when it
 * is tc's default; its quantum as the kernel holds it (computed from
 * the rate when none was given: topo/ leaves that one out again).  Lost:
 * mtu and the cell sizes, which only shape the rate tables (a request's
 * cell size is kept when it is not the default's), and a ceil given
 * equal to the rate (the same as none). */
static int htb_decode(struct tc_opts *o, const void *data, size_t len,
                      bool is_class, const struct tc_clock *clk, char *err,
                      size_t errlen)
{
	struct tc_rta tb[TCA_HTB_MAX + 1];
	struct tc_clock dflt;

	memset(o, 0, sizeof *o);
	o->kind = &tc_kind_htb;
	o->any = true;
	if (!clk) {
		tc_clock_default(&dflt);
		clk = &dflt;
	}
	tc_attrs_masked(tb, TCA_HTB_MAX, data, data ? len : 0);
	if (!is_class) {
		struct tc_htb *h = &o->u.htb;
		struct tc_htb_glob g;
		uint32_t qlen;

		h->r2q = 10;
		h->direct_qlen = ~0U;
		if (!tc_rta_get(&tb[TCA_HTB_INIT], &g, sizeof g)) {
			snprintf(err, errlen, "htb: no parameters (TCA_HTB_INIT)");
			return -1;
		}
		h->r2q = g.rate2quantum;
		h->defcls = g.defcls;
		h->debug = g.debug;
		if (tc_rta_get(&tb[TCA_HTB_DIRECT_QLEN], &qlen, sizeof qlen))
			h->direct_qlen = qlen;
		h->offload = tb[TCA_HTB_OFFLOAD].data != NULL;
	} else {
		struct tc_htb_class *h = &o->u.htbc;
		struct tc_htb_opt q;
		uint64_t v;

		h->mtu = 1600;
		if (!tc_rta_get(&tb[TCA_HTB_PARMS], &q, sizeof q)) {
			snprintf(err, errlen, "htb: no class parameters "
			         "(TCA_HTB_PARMS)");
			return -1;
		}
		h->rate = q.rate.rate;
		if (tc_rta_get(&tb[TCA_HTB_RATE64], &v, sizeof v))
			h->rate = v;
		h->ceil = q.ceil.rate;
		if (tc_rta_get(&tb[TCA_HTB_CEIL64], &v, sizeof v))
			h->ceil = v;
		if (!h->rate) {
			snprintf(err, errlen, "htb: a class rate of 0");
			return -1;
		}
		h->cell_log = cell_log_of(q.rate.cell_log);
		h->ccell_log = cell_log_of(q.ceil.cell_log);
		h->burst = burst_of(clk, h->rate, q.buffer, h->cell_log);
		h->cburst = burst_of(clk, h->ceil ? h->ceil : h->rate,
		                     q.cbuffer, h->ccell_log);
		if (h->ceil == h->rate)
			h->ceil = 0;
		h->prio = q.prio;
		h->quantum = q.quantum;
		h->mpu = q.rate.mpu;
		h->overhead = q.rate.overhead;
		h->linklayer = tc_ratespec_ll(q.rate.linklayer);
	}
	return 0;
}

const struct tc_kind tc_kind_htb = {
	.id = "htb",
	.qdisc = true,
	.classful = true,
	.parse = htb_parse,
	.build = htb_build,
	.canon = htb_canon,
	.print = htb_print,
	.print_xstats = htb_print_xstats,
	.decode = htb_decode,
};
