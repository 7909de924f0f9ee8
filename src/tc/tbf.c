/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tbf.c - the token bucket filter qdisc as tc 6.1's q_tbf.c has it: its
 * words (rate, burst|buffer|maxburst, limit | latency, mtu|minburst,
 * mpu, peakrate, overhead, linklayer; limit, latency, burst, peakrate,
 * overhead and linklayer abbreviated by matches(), the others exact),
 * tc's rules (rate and burst required, limit or latency but not both,
 * mtu with peakrate), the TCA_OPTIONS nest it sends (TCA_TBF_PARMS,
 * BURST, RATE64, RTAB, and for a peak rate PRATE64, PBURST, PTAB) and
 * how tc prints the kernel's options. */
#include "tc/priv.h"

#include <linux/pkt_sched.h>
#include <linux/rtnetlink.h>
#include <stdio.h>
#include <string.h>

#include "cmd/parse_int.h"
#include "util/sbuf.h"

#define SIZE_HINT "expected bytes, like 1600, 10kb or 1mb"

static int tbf_parse(struct parser *p, struct tc_opts *o, bool is_class)
{
	struct tc_tbf *t = &o->u.tbf;

	(void)is_class;
	memset(t, 0, sizeof *t);
	t->burst_cell_log = t->mtu_cell_log = -1;
	t->linklayer = 1;
	o->any = p_more(p);
	while (p_more(p)) {
		const char *w = p_next(p), *v;

		if (kw_matches(w, "limit")) {
			if (!(v = p_value(p, "limit (bytes)")))
				return -1;
			if (t->limit)
				return p->i--, p_twice(p, w);
			if (t->latency_us)
				return p_bad(p, w, "not with latency (tbf takes "
				             "limit or latency, not both)");
			if (tc_get_size(&t->limit, v))
				return p_bad(p, v, "not a limit (" SIZE_HINT ")");
		} else if (kw_matches(w, "latency")) {
			if (!(v = p_value(p, "latency (time)")))
				return -1;
			if (t->latency_us)
				return p->i--, p_twice(p, w);
			if (t->limit)
				return p_bad(p, w, "not with limit (tbf takes "
				             "limit or latency, not both)");
			if (tc_get_time(&t->latency_us, v))
				return p_bad(p, v, "not a latency (expected a time "
				             "like 50ms or 1s)");
		} else if (kw_matches(w, "burst") || !strcmp(w, "buffer") ||
		           !strcmp(w, "maxburst")) {
			if (!(v = p_value(p, "burst (bytes)")))
				return -1;
			if (t->burst)
				return p->i--, p_twice(p, w);
			if (tc_get_size_cell(&t->burst, &t->burst_cell_log, v))
				return p_bad(p, v, "not a burst (" SIZE_HINT
				             ", optionally /CELL, a power of two)");
		} else if (!strcmp(w, "mtu") || !strcmp(w, "minburst")) {
			if (!(v = p_value(p, "mtu (bytes)")))
				return -1;
			if (t->mtu)
				return p->i--, p_twice(p, w);
			if (tc_get_size_cell(&t->mtu, &t->mtu_cell_log, v))
				return p_bad(p, v, "not an mtu (" SIZE_HINT
				             ", optionally /CELL, a power of two)");
		} else if (!strcmp(w, "mpu")) {
			if (!(v = p_value(p, "mpu (bytes)")))
				return -1;
			if (t->mpu)
				return p->i--, p_twice(p, w);
			if (tc_get_size(&t->mpu, v))
				return p_bad(p, v, "not an mpu (" SIZE_HINT ")");
		} else if (!strcmp(w, "rate")) {
			if (tc_take_rate(p, w, "rate", &t->rate))
				return -1;
		} else if (kw_matches(w, "peakrate")) {
			if (tc_take_rate(p, w, "rate", &t->peakrate))
				return -1;
		} else if (kw_matches(w, "overhead")) {
			if (!(v = p_value(p, "overhead (bytes)")))
				return -1;
			if (t->overhead)
				return p->i--, p_twice(p, w);
			if (tc_get_u16(&t->overhead, v, 10))
				return p_bad(p, v, "not an overhead (expected "
				             "0..65535 bytes)");
		} else if (kw_matches(w, "linklayer")) {
			if (tc_take_linklayer(p, &t->linklayer))
				return -1;
		} else {
			return p_bad(p, w, "unknown tbf option (expected rate, "
			             "burst, limit, latency, mtu, mpu, peakrate, "
			             "overhead or linklayer)");
		}
	}
	if (!t->rate)
		return p_fail(p, "tbf: missing rate (tbf needs rate, burst and "
		              "limit or latency)");
	if (!t->burst)
		return p_fail(p, "tbf: missing burst (tbf needs rate, burst and "
		              "limit or latency)");
	if (t->peakrate && !t->mtu)
		return p_fail(p, "tbf: peakrate needs mtu (the size of the peak "
		              "rate's bucket)");
	if (!t->limit && !t->latency_us)
		return p_fail(p, "tbf: missing limit or latency (tbf needs "
		              "rate, burst and limit or latency)");
	return 0;
}

static int tbf_build(const struct tc_opts *o, bool is_class,
                     const struct tc_clock *k, struct sbuf *b,
                     char *err, size_t errlen)
{
	const struct tc_tbf *t = &o->u.tbf;
	struct tc_tbf_qopt q;
	uint32_t rtab[256], ptab[256];
	size_t nest;

	(void)is_class;
	(void)err;
	(void)errlen;
	memset(&q, 0, sizeof q);
	q.limit = t->limit;
	q.rate.rate = t->rate >= (1ULL << 32) ? ~0U : (uint32_t)t->rate;
	q.peakrate.rate = t->peakrate >= (1ULL << 32) ? ~0U :
	                  (uint32_t)t->peakrate;
	if (!q.limit) {
		double lim = (double)t->rate * (double)t->latency_us / 1000000.0 +
		             t->burst;

		if (t->peakrate) {
			double lim2 = (double)t->peakrate *
			              (double)t->latency_us / 1000000.0 + t->mtu;

			if (lim2 < lim)
				lim = lim2;
		}
		q.limit = tc_d2u(lim);
	}
	q.rate.mpu = (uint16_t)t->mpu;
	q.rate.overhead = t->overhead;
	tc_rtable(k, &q.rate, rtab, t->burst_cell_log, t->mtu, t->linklayer);
	q.buffer = tc_xmittime(k, q.rate.rate, t->burst);
	if (q.peakrate.rate) {
		q.peakrate.mpu = (uint16_t)t->mpu;
		q.peakrate.overhead = t->overhead;
		tc_rtable(k, &q.peakrate, ptab, t->mtu_cell_log, t->mtu,
		          t->linklayer);
		q.mtu = tc_xmittime(k, q.peakrate.rate, t->mtu);
	}
	nest = tc_nest(b, TCA_OPTIONS);
	tc_attr(b, TCA_TBF_PARMS, &q, sizeof q);
	tc_attr(b, TCA_TBF_BURST, &t->burst, sizeof t->burst);
	if (t->rate >= (1ULL << 32))
		tc_attr(b, TCA_TBF_RATE64, &t->rate, sizeof t->rate);
	tc_attr(b, TCA_TBF_RTAB, rtab, sizeof rtab);
	if (q.peakrate.rate) {
		if (t->peakrate >= (1ULL << 32))
			tc_attr(b, TCA_TBF_PRATE64, &t->peakrate,
			        sizeof t->peakrate);
		tc_attr(b, TCA_TBF_PBURST, &t->mtu, sizeof t->mtu);
		tc_attr(b, TCA_TBF_PTAB, ptab, sizeof ptab);
	}
	tc_nest_end(b, nest);
	return 0;
}

static void tbf_canon(struct canon *c, const struct tc_opts *o, bool is_class)
{
	const struct tc_tbf *t = &o->u.tbf;

	(void)is_class;
	canon_word(c, "rate");
	tc_canon_rate(c, t->rate);
	canon_word(c, "burst");
	tc_canon_size_cell(c, t->burst, t->burst_cell_log);
	if (t->limit) {
		canon_word(c, "limit");
		tc_canon_size(c, t->limit);
	}
	if (t->latency_us) {
		canon_word(c, "latency");
		tc_canon_time(c, t->latency_us);
	}
	if (t->peakrate) {
		canon_word(c, "peakrate");
		tc_canon_rate(c, t->peakrate);
	}
	if (t->mtu || t->mtu_cell_log >= 0) {
		canon_word(c, "mtu");
		tc_canon_size_cell(c, t->mtu, t->mtu_cell_log);
	}
	if (t->mpu) {
		canon_word(c, "mpu");
		tc_canon_size(c, t->mpu);
	}
	tc_canon_overhead_ll(c, t->overhead, t->linklayer);
}

static void tbf_print(struct sbuf *out, const void *data, size_t len,
                      bool is_class, const struct tc_print_ctx *pc)
{
	struct tc_rta tb[TCA_TBF_MAX + 1];
	struct tc_tbf_qopt q;
	struct tc_clock dflt;
	const struct tc_clock *k = pc && pc->clock ? pc->clock : NULL;
	bool details = pc && pc->details;
	uint64_t rate64, prate64, v64;
	double latency, lat2;
	unsigned buffer, mtu;

	(void)is_class;
	if (!k) {
		tc_clock_default(&dflt);
		k = &dflt;
	}
	tc_attrs(tb, TCA_TBF_MAX, data, len);
	if (!tc_rta_get(&tb[TCA_TBF_PARMS], &q, sizeof q))
		return;
	rate64 = q.rate.rate;
	if (tc_rta_get(&tb[TCA_TBF_RATE64], &v64, sizeof v64))
		rate64 = v64;
	sbuf_add(out, "rate ");
	tc_put_rate(out, rate64);
	sbuf_addc(out, ' ');
	buffer = tc_xmitsize(k, rate64, q.buffer);
	sbuf_add(out, "burst ");
	tc_put_size(out, buffer);
	if (details)
		tc_put_cell_mpu(out, q.rate.cell_log, q.rate.mpu);
	sbuf_addc(out, ' ');
	prate64 = q.peakrate.rate;
	if (tc_rta_get(&tb[TCA_TBF_PRATE64], &v64, sizeof v64))
		prate64 = v64;
	if (prate64) {
		sbuf_add(out, "peakrate ");
		tc_put_rate(out, prate64);
		sbuf_addc(out, ' ');
		if (q.mtu || q.peakrate.mpu) {
			mtu = tc_xmitsize(k, prate64, q.mtu);
			if (details) {
				sbuf_add(out, "mtu ");
				tc_put_size(out, mtu);
				tc_put_cell_mpu(out, q.peakrate.cell_log,
				                q.peakrate.mpu);
			} else {
				sbuf_add(out, "minburst ");
				tc_put_size(out, mtu);
			}
			sbuf_addc(out, ' ');
		}
	}
	latency = 1000000.0 * (q.limit / (double)rate64) -
	          tc_tick2time(k, q.buffer);
	if (prate64) {
		lat2 = 1000000.0 * (q.limit / (double)prate64) -
		       tc_tick2time(k, q.mtu);
		if (lat2 > latency)
			latency = lat2;
	}
	if (latency >= 0.0) {
		sbuf_add(out, "lat ");
		tc_put_time(out, tc_d2u(latency));
		sbuf_addc(out, ' ');
	}
	if (latency < 0.0) {
		sbuf_add(out, "limit ");
		tc_put_size(out, q.limit);
		sbuf_addc(out, ' ');
	}
	if (q.rate.overhead)
		sbuf_printf(out, "overhead %d ", q.rate.overhead);
	tc_put_linklayer(out, q.rate.linklayer, details);
}

/* The kernel's options back into words.  What is lost: the cell sizes
 * (/CELL) and an mtu given without a peak rate only shape the rate
 * tables, which the kernel neither keeps nor reports (a request's own
 * bytes still say the cell size: it is kept when it is not tc's
 * default); latency is reported as the limit tc computed from it, and
 * written as that limit.  The bucket sizes: a request carries them in
 * bytes (TCA_TBF_BURST, TCA_TBF_PBURST); a dump only as times in ticks,
 * which the kernel computed from those bytes itself (psched_l2t_ns:
 * with the overhead, the mpu and ATM's cells), so the size written is
 * the roundest one the kernel turns into the same ticks, which is the
 * one given whenever it was a round number (tc's print shows its own
 * conversion back, which may be a few bytes off). */
static int tbf_decode(struct tc_opts *o, const void *data, size_t len,
                      bool is_class, const struct tc_clock *clk, char *err,
                      size_t errlen)
{
	struct tc_rta tb[TCA_TBF_MAX + 1];
	struct tc_tbf *t = &o->u.tbf;
	struct tc_tbf_qopt q;
	struct tc_clock dflt;
	uint64_t v64;
	uint32_t v32;

	(void)is_class;
	memset(o, 0, sizeof *o);
	o->kind = &tc_kind_tbf;
	o->any = true;
	t->burst_cell_log = t->mtu_cell_log = -1;
	t->linklayer = 1;
	if (!clk) {
		tc_clock_default(&dflt);
		clk = &dflt;
	}
	tc_attrs_masked(tb, TCA_TBF_MAX, data, data ? len : 0);
	if (!tc_rta_get(&tb[TCA_TBF_PARMS], &q, sizeof q)) {
		snprintf(err, errlen, "tbf: no parameters (TCA_TBF_PARMS)");
		return -1;
	}
	t->rate = q.rate.rate;
	if (tc_rta_get(&tb[TCA_TBF_RATE64], &v64, sizeof v64))
		t->rate = v64;
	t->peakrate = q.peakrate.rate;
	if (t->peakrate && tc_rta_get(&tb[TCA_TBF_PRATE64], &v64, sizeof v64))
		t->peakrate = v64;
	if (!t->rate) {
		snprintf(err, errlen, "tbf: a rate of 0");
		return -1;
	}
	t->limit = q.limit;
	t->mpu = q.rate.mpu;
	t->overhead = q.rate.overhead;
	t->linklayer = tc_ratespec_ll(q.rate.linklayer);
	if (tc_rta_get(&tb[TCA_TBF_BURST], &v32, sizeof v32))
		t->burst = v32;
	else
		t->burst = tc_size_of_kticks(clk, t->rate, q.rate.overhead,
		                             q.rate.mpu, t->linklayer, q.buffer);
	if (t->peakrate) {
		if (tc_rta_get(&tb[TCA_TBF_PBURST], &v32, sizeof v32))
			t->mtu = v32;
		else
			t->mtu = tc_size_of_kticks(clk, t->peakrate,
			                           q.peakrate.overhead,
			                           q.peakrate.mpu, t->linklayer,
			                           q.mtu);
		/* tc's table for the peak rate: its cell size from mtu */
		if (q.peakrate.cell_log && q.peakrate.cell_log < 31 &&
		    q.peakrate.cell_log != tc_cell_log_of(t->mtu))
			t->mtu_cell_log = q.peakrate.cell_log;
	}
	/* a request's rate table was made with mtu's cell size, or 2047's
	 * (a dump reports none: 0; past 30 none tc's words can say) */
	if (q.rate.cell_log && q.rate.cell_log < 31 &&
	    q.rate.cell_log != tc_cell_log_of(t->mtu))
		t->burst_cell_log = q.rate.cell_log;
	return 0;
}

const struct tc_kind tc_kind_tbf = {
	.id = "tbf",
	.qdisc = true,
	.classful = false,
	.parse = tbf_parse,
	.build = tbf_build,
	.canon = tbf_canon,
	.print = tbf_print,
	.print_xstats = NULL,
	.decode = tbf_decode,
};
