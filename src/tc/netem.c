/* SPDX-License-Identifier: GPL-2.0-or-later */
/* netem.c - the netem qdisc as tc 6.1's q_netem.c has it: its words
 * (delay, loss [random|state|gemodel], duplicate, corrupt, reorder, gap,
 * rate, slot, limit, ecn, distribution), the TCA_OPTIONS it sends (the
 * struct tc_netem_qopt, then the attributes that follow it), canonical
 * words, and how tc prints the kernel's options.
 *
 * Keywords are abbreviated as tc reads them: by matches() in tc's order
 * (d is delay, du duplicate, di distribution, r reorder, ra rate), the
 * words inside loss and slot exactly.  A number after delay, loss,
 * duplicate, corrupt, reorder or rate is its next positional value when
 * it starts with a digit, as in tc.  tc 6.1 has no `seed`. */
#include "tc/priv.h"

#include <ctype.h>
#include <linux/netlink.h>
#include <linux/pkt_sched.h>
#include <linux/rtnetlink.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/parse_int.h"
#include "util/sbuf.h"

#define TIME_HINT "expected a time like 100ms, 1.5s or 500us"
#define PERCENT_HINT "expected a percentage 0..100, like 1%% or 0.5%%"

static bool next_is_number(const struct parser *p)
{
	return p_more(p) && isdigit((unsigned char)p_peek(p)[0]);
}

static bool next_is_signed(const struct parser *p)
{
	return p_more(p) && (isdigit((unsigned char)p_peek(p)[0]) ||
	                     p_peek(p)[0] == '-');
}

static int take_time(struct parser *p, const char *what, unsigned *us)
{
	const char *v = p_value(p, what);

	if (!v)
		return -1;
	if (tc_get_time(us, v))
		return p_bad(p, v, "not a %s (" TIME_HINT ")", what);
	return 0;
}

static int take_time64(struct parser *p, const char *what, int64_t *ns)
{
	const char *v = p_value(p, what);

	if (!v)
		return -1;
	if (tc_get_time64(ns, v))
		return p_bad(p, v, "not a %s (" TIME_HINT ")", what);
	return 0;
}

static int take_percent(struct parser *p, const char *what, uint32_t *frac)
{
	const char *v = p_value(p, what);

	if (!v)
		return -1;
	if (tc_get_percent(frac, v))
		return p_bad(p, v, "not a %s (" PERCENT_HINT ")", what);
	return 0;
}

/* an optional correlation after a percentage */
static int take_corr(struct parser *p, const char *what, uint32_t *frac,
                     bool *set)
{
	if (!next_is_number(p))
		return 0;
	if (take_percent(p, what, frac))
		return -1;
	if (set)
		*set = true;
	return 0;
}

static int take_dist_name(struct parser *p, char *dst, size_t size)
{
	const char *v = p_value(p, "distribution name (normal, pareto or "
	                        "paretonormal)");
	size_t i, n;

	if (!v)
		return -1;
	n = strlen(v);
	for (i = 0; i < n; i++)
		if (!isalnum((unsigned char)v[i]) && !strchr("_-", v[i]))
			break;
	if (!n || i < n || n >= size)
		return p_bad(p, v, "not a distribution name (expected normal, "
		             "pareto, paretonormal or another table tc has in "
		             TC_DIST_DIR ")");
	memcpy(dst, v, n + 1);
	return 0;
}

/* loss random P [CORR] | loss state P13 [P31 [P32 [P23 [P14]]]] |
 * loss gemodel P [R [1-H [1-K]]] | loss P [CORR] */
static int parse_loss(struct parser *p, struct tc_netem *n, const char *kw)
{
	const char *w;
	double v;

	if (n->loss > 0 || n->loss_model != TC_LOSS_RANDOM)
		return p_twice(p, kw);
	if (!p_more(p))
		return p_missing(p, "loss model or percentage (random, state, "
		                 "gemodel or a percentage)");
	w = p_peek(p);
	if (isdigit((unsigned char)w[0]) || !strcmp(w, "random")) {
		if (!strcmp(w, "random"))
			p_next(p);
		if (take_percent(p, "loss percentage", &n->loss))
			return -1;
		return take_corr(p, "loss correlation", &n->loss_corr,
		                 &n->loss_corr_set);
	}
	if (!strcmp(w, "state") || !strcmp(w, "gemodel")) {
		bool gi = !strcmp(w, "state");
		static const char *const gi_names[] = {
			"loss state p13", "loss state p31", "loss state p32",
			"loss state p23", "loss state p14" };
		static const char *const ge_names[] = {
			"loss gemodel p", "loss gemodel r", "loss gemodel 1-h",
			"loss gemodel 1-k" };
		const char *v1;
		unsigned i, max = gi ? 5 : 4;

		p_next(p);
		if (!(v1 = p_value(p, gi ? gi_names[0] : ge_names[0])))
			return -1;
		if (tc_parse_percent(&v, v1))
			return p_bad(p, v1, "not a percentage for %s ("
			             PERCENT_HINT ")", gi ? gi_names[0] : ge_names[0]);
		memset(n->lm, 0, sizeof n->lm);
		n->lm[0] = tc_set_percent(v);
		n->lm[1] = tc_set_percent(1. - v);
		n->lm[2] = tc_set_percent(0);
		n->lm[3] = gi ? tc_set_percent(1.) : tc_set_percent(0);
		n->lm[4] = tc_set_percent(0);
		n->loss_model = gi ? TC_LOSS_STATE : TC_LOSS_GEMODEL;
		for (i = 1; i < max && next_is_number(p); i++) {
			if (take_percent(p, gi ? gi_names[i] : ge_names[i],
			                 &n->lm[i]))
				return -1;
			if (!gi && i == 2)    /* typed 1-h, sent h */
				n->lm[2] = UINT32_MAX - n->lm[2];
		}
		return 0;
	}
	p_next(p);
	return p_bad(p, w, "unknown loss model (expected random, state, "
	             "gemodel or a percentage)");
}

/* slot MIN [MAX] | slot distribution NAME DELAY JITTER; then
 * [packets N] [bytes SIZE] */
static int parse_slot(struct parser *p, struct tc_netem *n)
{
	if (next_is_number(p)) {
		n->slot_set = n->slot_num = true;
		if (take_time64(p, "slot minimum delay", &n->slot_min_ns))
			return -1;
		if (next_is_number(p)) {
			const char *v = p_peek(p);

			if (take_time64(p, "slot maximum delay", &n->slot_max_ns))
				return -1;
			if (n->slot_max_ns < n->slot_min_ns)
				return p_bad(p, v, "slot maximum delay below the "
				             "minimum");
		} else {
			n->slot_max_ns = n->slot_min_ns;
		}
	} else {
		const char *w = p_value(p, "slot delay or distribution");

		if (!w)
			return -1;
		if (strcmp(w, "distribution"))
			return p_bad(p, w, "unknown slot parameter (expected a "
			             "delay or distribution)");
		n->slot_set = true;
		if (take_dist_name(p, n->slot_dist, sizeof n->slot_dist) ||
		    take_time64(p, "slot delay", &n->slot_delay_ns))
			return -1;
		if (take_time64(p, "slot jitter", &n->slot_jitter_ns))
			return -1;
		if (n->slot_jitter_ns <= 0)
			return p_bad(p, p->argv[p->i - 1], "slot jitter must be "
			             "positive");
	}
	if (p_more(p) && kw_matches(p_peek(p), "packets")) {
		const char *v;

		p_next(p);
		if (!(v = p_value(p, "slot packets")))
			return -1;
		if (tc_get_s32(&n->slot_packets, v, 0))
			return p_bad(p, v, "not a number of packets");
	}
	if (p_more(p) && kw_matches(p_peek(p), "bytes")) {
		const char *v;
		unsigned b;

		p_next(p);
		if (!(v = p_value(p, "slot bytes")))
			return -1;
		if (tc_get_size(&b, v))
			return p_bad(p, v, "not a size (expected bytes, like "
			             "1500 or 64kb)");
		n->slot_bytes = (int32_t)b;
	}
	return 0;
}

static int parse_rate(struct parser *p, struct tc_netem *n)
{
	const char *v = p_value(p, "rate");

	if (!v)
		return -1;
	n->rate_set = true;
	if (strchr(v, '%'))
		return p_bad(p, v, "a rate as a share of the device's speed is "
		             "not supported by nsviz (expected a rate like 1mbit)");
	if (tc_get_rate64(&n->rate, v))
		return p_bad(p, v, "not a rate (expected e.g. 1mbit, 100kbit, "
		             "10mbps)");
	if (next_is_signed(p)) {
		v = p_next(p);
		if (tc_get_s32(&n->packet_overhead, v, 0))
			return p_bad(p, v, "not a packet overhead (expected a "
			             "number of bytes, may be negative)");
	}
	if (next_is_number(p)) {
		v = p_next(p);
		if (tc_get_u32(&n->cell_size, v, 0))
			return p_bad(p, v, "not a cell size (expected bytes)");
	}
	if (next_is_signed(p)) {
		v = p_next(p);
		if (tc_get_s32(&n->cell_overhead, v, 0))
			return p_bad(p, v, "not a cell overhead (expected a "
			             "number of bytes, may be negative)");
	}
	return 0;
}

static int netem_parse(struct parser *p, struct tc_opts *o, bool is_class)
{
	struct tc_netem *n = &o->u.netem;
	const char *reorder_w = NULL, *gap_w = NULL, *ecn_w = NULL;
	const char *dist_w = NULL;

	(void)is_class;
	memset(n, 0, sizeof *n);
	n->limit = 1000;
	o->any = p_more(p);
	while (p_more(p)) {
		const char *w = p_next(p), *v;

		if (kw_matches(w, "limit")) {
			if (!(v = p_value(p, "limit (packets)")))
				return -1;
			if (tc_get_size(&n->limit, v))
				return p_bad(p, v, "not a limit (expected a "
				             "number of packets)");
		} else if (kw_matches(w, "latency") || kw_matches(w, "delay")) {
			if (take_time(p, "delay", &n->latency_us))
				return -1;
			if (next_is_number(p)) {
				if (take_time(p, "jitter", &n->jitter_us) ||
				    take_corr(p, "delay correlation",
				              &n->delay_corr, &n->delay_corr_set))
					return -1;
			}
		} else if (kw_matches(w, "loss") || kw_matches(w, "drop")) {
			if (parse_loss(p, n, w))
				return -1;
		} else if (kw_matches(w, "ecn")) {
			n->ecn = true;
			ecn_w = w;
		} else if (kw_matches(w, "reorder")) {
			n->reorder_set = true;
			reorder_w = w;
			if (take_percent(p, "reorder percentage", &n->reorder) ||
			    take_corr(p, "reorder correlation", &n->reorder_corr,
			              &n->reorder_corr_set))
				return -1;
		} else if (kw_matches(w, "corrupt")) {
			n->corrupt_set = true;
			if (take_percent(p, "corrupt percentage", &n->corrupt) ||
			    take_corr(p, "corrupt correlation", &n->corrupt_corr,
			              &n->corrupt_corr_set))
				return -1;
		} else if (kw_matches(w, "gap")) {
			if (!(v = p_value(p, "gap (packets)")))
				return -1;
			if (tc_get_u32(&n->gap, v, 0))
				return p_bad(p, v, "not a gap (expected a number "
				             "of packets)");
			gap_w = w;
		} else if (kw_matches(w, "duplicate")) {
			if (take_percent(p, "duplicate percentage", &n->duplicate) ||
			    take_corr(p, "duplicate correlation", &n->dup_corr,
			              &n->dup_corr_set))
				return -1;
		} else if (kw_matches(w, "distribution")) {
			if (take_dist_name(p, n->dist, sizeof n->dist))
				return -1;
			dist_w = w;
		} else if (kw_matches(w, "rate")) {
			if (parse_rate(p, n))
				return -1;
		} else if (kw_matches(w, "slot")) {
			if (parse_slot(p, n))
				return -1;
		} else if (!strcmp(w, "seed")) {
			return p_bad(p, w, "not an option of netem in tc 6.1");
		} else {
			return p_bad(p, w, "unknown netem option (expected "
			             "delay, loss, duplicate, corrupt, reorder, "
			             "gap, rate, slot, limit, ecn or "
			             "distribution)");
		}
	}
	/* tc's checks once every word is read */
	if (n->reorder) {
		if (!n->latency_us)
			return p_bad(p, reorder_w, "reordering needs a delay "
			             "(delay TIME)");
		if (!n->gap)
			n->gap = 1;
	} else if (n->gap) {
		return p_bad(p, gap_w, "gap needs a reorder percentage "
		             "above 0 (reorder PERCENT)");
	}
	if (n->ecn && !n->loss && n->loss_model == TC_LOSS_RANDOM)
		return p_bad(p, ecn_w, "ecn needs a loss model (loss PERCENT)");
	if (n->dist[0] && (!n->latency_us || !n->jitter_us))
		return p_bad(p, dist_w, "a distribution needs a delay and a "
		             "jitter (delay TIME JITTER)");
	return 0;
}

int tc_dist_parse(const char *text, size_t len, int16_t *data, size_t max,
                  char *err, size_t errlen)
{
	size_t n = 0, at = 0;
	char line[512];

	while (at < len) {
		size_t e = at, l;
		char *s, *end;

		while (e < len && text[e] != '\n')
			e++;
		l = e - at;
		if (l >= sizeof line) {
			snprintf(err, errlen, "line too long in the table");
			return -1;
		}
		memcpy(line, text + at, l);
		line[l] = '\0';
		at = e + 1;
		if (!l || line[0] == '#')
			continue;
		for (s = line;; s = end) {
			long x = strtol(s, &end, 0);

			if (end == s)
				break;
			if (n >= max) {
				snprintf(err, errlen, "too much data in the table "
				         "(at most %zu values)", max);
				return -1;
			}
			data[n++] = (int16_t)x;
		}
	}
	return (int)n;
}

static int ticks(const struct tc_clock *k, unsigned us, const char *what,
                 uint32_t *out, char *err, size_t errlen)
{
	if (tc_time2big(k, us)) {
		snprintf(err, errlen, "%s %uus: too large for the packet "
		         "scheduler's clock", what, us);
		return -1;
	}
	*out = tc_time2tick(k, us);
	return 0;
}

static int netem_build(const struct tc_opts *o, bool is_class,
                       const struct tc_clock *clk, struct sbuf *b,
                       char *err, size_t errlen)
{
	const struct tc_netem *n = &o->u.netem;
	struct tc_netem_qopt q = { 0 };
	size_t at;

	(void)is_class;
	q.limit = n->limit;
	q.loss = n->loss;
	q.gap = n->gap;
	q.duplicate = n->duplicate;
	if (ticks(clk, n->latency_us, "delay", &q.latency, err, errlen) ||
	    ticks(clk, n->jitter_us, "jitter", &q.jitter, err, errlen))
		return -1;
	if (n->dist[0] && (!n->dist_data || n->dist_n == 0)) {
		snprintf(err, errlen, "distribution %s: no table (tc reads it "
		         "from " TC_DIST_DIR "/%s.dist)", n->dist, n->dist);
		return -1;
	}
	if (n->slot_dist[0] && (!n->slot_dist_data || n->slot_dist_n == 0)) {
		snprintf(err, errlen, "slot distribution %s: no table (tc reads "
		         "it from " TC_DIST_DIR "/%s.dist)", n->slot_dist,
		         n->slot_dist);
		return -1;
	}
	at = tc_attr(b, TCA_OPTIONS, &q, sizeof q);
	if (n->delay_corr_set || n->loss_corr_set || n->reorder_corr_set ||
	    n->corrupt_corr_set) {
		struct tc_netem_corr c = { n->delay_corr, n->loss_corr,
		                           n->dup_corr };

		tc_attr(b, TCA_NETEM_CORR, &c, sizeof c);
	}
	if (n->reorder_set) {
		struct tc_netem_reorder r = { n->reorder, n->reorder_corr };

		tc_attr(b, TCA_NETEM_REORDER, &r, sizeof r);
	}
	if (n->ecn) {
		int one = 1;

		tc_attr(b, TCA_NETEM_ECN, &one, sizeof one);
	}
	if (n->corrupt_set) {
		struct tc_netem_corrupt c = { n->corrupt, n->corrupt_corr };

		tc_attr(b, TCA_NETEM_CORRUPT, &c, sizeof c);
	}
	if (n->slot_set) {
		struct tc_netem_slot s = { 0 };

		s.min_delay = n->slot_min_ns;
		s.max_delay = n->slot_max_ns;
		s.max_packets = n->slot_packets;
		s.max_bytes = n->slot_bytes;
		s.dist_delay = n->slot_delay_ns;
		s.dist_jitter = n->slot_jitter_ns;
		tc_attr(b, TCA_NETEM_SLOT, &s, sizeof s);
	}
	if (n->loss_model != TC_LOSS_RANDOM) {
		size_t nest = tc_nest(b, TCA_NETEM_LOSS | NLA_F_NESTED);

		if (n->loss_model == TC_LOSS_STATE) {
			struct tc_netem_gimodel g = {
				.p13 = n->lm[0], .p31 = n->lm[1], .p32 = n->lm[2],
				.p23 = n->lm[3], .p14 = n->lm[4] };

			tc_attr(b, NETEM_LOSS_GI, &g, sizeof g);
		} else {
			struct tc_netem_gemodel g = { n->lm[0], n->lm[1],
			                              n->lm[2], n->lm[3] };

			tc_attr(b, NETEM_LOSS_GE, &g, sizeof g);
		}
		tc_nest_end(b, nest);
	}
	if (n->rate_set) {
		struct tc_netem_rate r = { 0 };

		if (n->rate >= (1ULL << 32)) {
			uint64_t r64 = n->rate;

			tc_attr(b, TCA_NETEM_RATE64, &r64, sizeof r64);
			r.rate = ~0U;
		} else {
			r.rate = (uint32_t)n->rate;
		}
		r.packet_overhead = n->packet_overhead;
		r.cell_size = n->cell_size;
		r.cell_overhead = n->cell_overhead;
		tc_attr(b, TCA_NETEM_RATE, &r, sizeof r);
	}
	if (n->dist[0])
		tc_attr(b, TCA_NETEM_DELAY_DIST, n->dist_data,
		        n->dist_n * sizeof n->dist_data[0]);
	if (n->slot_dist[0])
		tc_attr(b, TCA_NETEM_SLOT_DIST, n->slot_dist_data,
		        n->slot_dist_n * sizeof n->slot_dist_data[0]);
	tc_nest_end(b, at);
	return 0;
}

static void netem_canon(struct canon *c, const struct tc_opts *o,
                        bool is_class)
{
	const struct tc_netem *n = &o->u.netem;

	(void)is_class;
	if (n->limit != 1000) {
		canon_word(c, "limit");
		canon_wordf(c, "%u", n->limit);
	}
	if (n->latency_us || n->jitter_us || n->delay_corr_set) {
		canon_word(c, "delay");
		tc_canon_time(c, n->latency_us);
		if (n->jitter_us || n->delay_corr_set)
			tc_canon_time(c, n->jitter_us);
		if (n->delay_corr_set)
			tc_canon_percent(c, n->delay_corr);
	}
	if (n->dist[0]) {
		canon_word(c, "distribution");
		canon_word(c, n->dist);
	}
	if (n->loss || n->loss_corr_set) {
		canon_word(c, "loss");
		canon_word(c, "random");
		tc_canon_percent(c, n->loss);
		if (n->loss_corr_set)
			tc_canon_percent(c, n->loss_corr);
	}
	if (n->loss_model != TC_LOSS_RANDOM) {
		bool gi = n->loss_model == TC_LOSS_STATE;
		unsigned i;

		canon_word(c, "loss");
		canon_word(c, gi ? "state" : "gemodel");
		for (i = 0; i < (gi ? 5u : 4u); i++)
			tc_canon_percent(c, !gi && i == 2 ?
			                 UINT32_MAX - n->lm[i] : n->lm[i]);
	}
	if (n->duplicate || n->dup_corr_set) {
		canon_word(c, "duplicate");
		tc_canon_percent(c, n->duplicate);
		if (n->dup_corr_set)
			tc_canon_percent(c, n->dup_corr);
	}
	if (n->corrupt_set) {
		canon_word(c, "corrupt");
		tc_canon_percent(c, n->corrupt);
		if (n->corrupt_corr_set)
			tc_canon_percent(c, n->corrupt_corr);
	}
	if (n->reorder_set) {
		canon_word(c, "reorder");
		tc_canon_percent(c, n->reorder);
		if (n->reorder_corr_set)
			tc_canon_percent(c, n->reorder_corr);
	}
	if (n->gap) {
		canon_word(c, "gap");
		canon_wordf(c, "%u", n->gap);
	}
	if (n->rate_set) {
		canon_word(c, "rate");
		tc_canon_rate(c, n->rate);
		if (n->packet_overhead || n->cell_size || n->cell_overhead)
			canon_wordf(c, "%d", n->packet_overhead);
		if (n->cell_size || n->cell_overhead)
			canon_wordf(c, "%u", n->cell_size);
		if (n->cell_overhead)
			canon_wordf(c, "%d", n->cell_overhead);
	}
	if (n->slot_num) {
		canon_word(c, "slot");
		tc_canon_time64(c, n->slot_min_ns);
		if (n->slot_max_ns != n->slot_min_ns)
			tc_canon_time64(c, n->slot_max_ns);
	}
	if (n->slot_dist[0]) {
		canon_word(c, "slot");
		canon_word(c, "distribution");
		canon_word(c, n->slot_dist);
		tc_canon_time64(c, n->slot_delay_ns);
		tc_canon_time64(c, n->slot_jitter_ns);
	}
	if (n->slot_set && n->slot_packets) {
		canon_word(c, "packets");
		canon_wordf(c, "%d", n->slot_packets);
	}
	if (n->slot_set && n->slot_bytes) {
		canon_word(c, "bytes");
		canon_wordf(c, "%u", (unsigned)n->slot_bytes);
	}
	if (n->ecn)
		canon_word(c, "ecn");
}

static void put_pct(struct sbuf *out, const char *label, uint32_t v)
{
	sbuf_printf(out, "%s %g%%", label, (100. * v) / UINT32_MAX);
}

static void netem_print(struct sbuf *out, const void *data, size_t len,
                        bool is_class, const struct tc_print_ctx *pc)
{
	struct tc_netem_qopt q;
	struct tc_netem_corr cor;
	struct tc_netem_reorder reo;
	struct tc_netem_corrupt crp;
	struct tc_netem_rate rate;
	struct tc_netem_slot slot;
	struct tc_netem_gimodel gi;
	struct tc_netem_gemodel ge;
	struct tc_clock dflt;
	const struct tc_clock *k = pc && pc->clock ? pc->clock : NULL;
	bool has_cor = false, has_reo = false, has_crp = false,
	     has_rate = false, has_slot = false, has_gi = false,
	     has_ge = false, ecn = false;
	uint64_t rate64 = 0;

	(void)is_class;
	if (!k) {
		tc_clock_default(&dflt);
		k = &dflt;
	}
	if (!data || len < sizeof q)
		return;            /* tc: "options size error" */
	memcpy(&q, data, sizeof q);
	if (len > sizeof q) {
		struct tc_rta tb[TCA_NETEM_MAX + 1];

		tc_attrs(tb, TCA_NETEM_MAX, (const uint8_t *)data + sizeof q,
		         len - sizeof q);
		/* an attribute shorter than its struct: tc prints nothing */
		if ((tb[TCA_NETEM_CORR].data &&
		     !(has_cor = tc_rta_get(&tb[TCA_NETEM_CORR], &cor, sizeof cor))) ||
		    (tb[TCA_NETEM_REORDER].data &&
		     !(has_reo = tc_rta_get(&tb[TCA_NETEM_REORDER], &reo,
		                            sizeof reo))) ||
		    (tb[TCA_NETEM_CORRUPT].data &&
		     !(has_crp = tc_rta_get(&tb[TCA_NETEM_CORRUPT], &crp,
		                            sizeof crp))) ||
		    (tb[TCA_NETEM_RATE].data &&
		     !(has_rate = tc_rta_get(&tb[TCA_NETEM_RATE], &rate,
		                             sizeof rate))))
			return;
		if (tb[TCA_NETEM_ECN].data) {
			int e;

			if (!(ecn = tc_rta_get(&tb[TCA_NETEM_ECN], &e, sizeof e)))
				return;
		}
		if (tb[TCA_NETEM_RATE64].data &&
		    !tc_rta_get(&tb[TCA_NETEM_RATE64], &rate64, sizeof rate64))
			return;
		if (tb[TCA_NETEM_SLOT].data &&
		    !(has_slot = tc_rta_get(&tb[TCA_NETEM_SLOT], &slot,
		                            sizeof slot)))
			return;
		if (tb[TCA_NETEM_LOSS].data) {
			struct tc_rta lb[NETEM_LOSS_MAX + 1];

			tc_attrs(lb, NETEM_LOSS_MAX, tb[TCA_NETEM_LOSS].data,
			         tb[TCA_NETEM_LOSS].len);
			/* tc reads these without a size check; short ones are
			 * left out here */
			has_gi = tc_rta_get(&lb[NETEM_LOSS_GI], &gi, sizeof gi);
			has_ge = tc_rta_get(&lb[NETEM_LOSS_GE], &ge, sizeof ge);
		}
	}
	sbuf_printf(out, "limit %d", (int)q.limit);
	if (q.latency) {
		sbuf_add(out, " delay ");
		tc_put_time(out, tc_tick2time(k, q.latency));
		if (q.jitter) {
			sbuf_add(out, "  ");
			tc_put_time(out, tc_tick2time(k, q.jitter));
		}
		if (q.jitter && has_cor && cor.delay_corr)
			put_pct(out, "", cor.delay_corr);
	}
	if (q.loss) {
		put_pct(out, " loss", q.loss);
		if (has_cor && cor.loss_corr)
			put_pct(out, "", cor.loss_corr);
	}
	if (has_gi) {
		put_pct(out, " loss state p13", gi.p13);
		put_pct(out, " p31", gi.p31);
		put_pct(out, " p32", gi.p32);
		put_pct(out, " p23", gi.p23);
		put_pct(out, " p14", gi.p14);
	}
	if (has_ge) {
		put_pct(out, " loss gemodel p", ge.p);
		put_pct(out, " r", ge.r);
		put_pct(out, " 1-h", UINT32_MAX - ge.h);
		put_pct(out, " 1-k", ge.k1);
	}
	if (q.duplicate) {
		put_pct(out, " duplicate", q.duplicate);
		if (has_cor && cor.dup_corr)
			put_pct(out, "", cor.dup_corr);
	}
	if (has_reo && reo.probability) {
		put_pct(out, " reorder", reo.probability);
		if (reo.correlation)
			put_pct(out, "", reo.correlation);
	}
	if (has_crp && crp.probability) {
		put_pct(out, " corrupt", crp.probability);
		if (crp.correlation)
			put_pct(out, "", crp.correlation);
	}
	if (has_rate && rate.rate) {
		sbuf_add(out, " rate ");
		tc_put_rate(out, rate64 ? rate64 : rate.rate);
		if (rate.packet_overhead)
			sbuf_printf(out, " packetoverhead %d", rate.packet_overhead);
		if (rate.cell_size)
			sbuf_printf(out, " cellsize %u", rate.cell_size);
		if (rate.cell_overhead)
			sbuf_printf(out, " celloverhead %d", rate.cell_overhead);
	}
	if (has_slot) {
		if (slot.dist_jitter > 0) {
			sbuf_add(out, " slot distribution ");
			tc_put_time64(out, slot.dist_delay);
			sbuf_add(out, " ");
			tc_put_time64(out, slot.dist_jitter);
		} else {
			sbuf_add(out, " slot ");
			tc_put_time64(out, slot.min_delay);
			sbuf_add(out, " ");
			tc_put_time64(out, slot.max_delay);
		}
		if (slot.max_packets)
			sbuf_printf(out, " packets %d", slot.max_packets);
		if (slot.max_bytes)
			sbuf_printf(out, " bytes %d", slot.max_bytes);
	}
	if (ecn)
		sbuf_add(out, " ecn ");
	if (q.gap)
		sbuf_printf(out, " gap %lu", (unsigned long)q.gap);
}

/* A delay in ticks (or the ns of TCA_NETEM_LATENCY64/JITTER64, which the
 * kernel reports beside them) as the µs tc's words give */
static int delay_us(const struct tc_clock *k, uint32_t ticks,
                    const struct tc_rta *ns64, const char *what,
                    unsigned *us, char *err, size_t errlen)
{
	int64_t ns;

	if (ns64->data) {
		double tick_ns = 1000.0 / k->tick_in_usec, t;

		if (!tc_rta_get(ns64, &ns, sizeof ns) || ns < 0) {
			snprintf(err, errlen, "netem: a malformed %s", what);
			return -1;
		}
		t = (double)ns / tick_ns;
		if (!(t < 4294967296.0)) {
			snprintf(err, errlen, "netem: a %s of %lldns: longer than "
			         "tc can say", what, (long long)ns);
			return -1;
		}
		ticks = (uint32_t)t;
	}
	*us = tc_us_of_ticks(k, ticks);
	return 0;
}

/* The kernel's options back into words.  What is lost: the delay and
 * slot distributions (`distribution NAME`): the kernel keeps the table,
 * not its name, and reports neither, so a dump's netem is written
 * without one (a request's, which carries the table, is refused: the
 * name cannot be told from it); a slot distribution is refused for the
 * same reason.  Delays are reported in ticks (and ns): written as the
 * µs tc turns into those ticks, exact for what tc sent.  A correlation,
 * reorder or corrupt of 0 is written as none (the kernel reports them
 * always); slot packets and bytes the kernel holds as "no limit" as none. */
static int netem_decode(struct tc_opts *o, const void *data, size_t len,
                        bool is_class, const struct tc_clock *clk, char *err,
                        size_t errlen)
{
	struct tc_netem *n = &o->u.netem;
	struct tc_rta tb[TCA_NETEM_MAX + 1];
	struct tc_netem_qopt q;
	struct tc_clock dflt;

	(void)is_class;
	memset(o, 0, sizeof *o);
	o->kind = &tc_kind_netem;
	o->any = true;
	n->limit = 1000;
	if (!clk) {
		tc_clock_default(&dflt);
		clk = &dflt;
	}
	if (!data || !len)
		return 0;
	if (len < sizeof q) {
		snprintf(err, errlen, "netem: options of %zu bytes (its struct "
		         "is %zu)", len, sizeof q);
		return -1;
	}
	memcpy(&q, data, sizeof q);
	tc_attrs_masked(tb, TCA_NETEM_MAX, (const uint8_t *)data + sizeof q,
	         len - sizeof q);
	n->limit = q.limit;
	n->loss = q.loss;
	n->gap = q.gap;
	n->duplicate = q.duplicate;
	if (delay_us(clk, q.latency, &tb[TCA_NETEM_LATENCY64], "delay",
	             &n->latency_us, err, errlen) ||
	    delay_us(clk, q.jitter, &tb[TCA_NETEM_JITTER64], "jitter",
	             &n->jitter_us, err, errlen))
		return -1;
	if (tb[TCA_NETEM_DELAY_DIST].data) {
		snprintf(err, errlen, "netem: a delay distribution (the table's "
		         "name is not in it)");
		return -1;
	}
	if (tb[TCA_NETEM_CORR].data) {
		struct tc_netem_corr c;

		if (!tc_rta_get(&tb[TCA_NETEM_CORR], &c, sizeof c))
			goto short_attr;
		n->delay_corr = c.delay_corr;
		n->loss_corr = c.loss_corr;
		n->dup_corr = c.dup_corr;
		n->delay_corr_set = c.delay_corr != 0;
		n->loss_corr_set = c.loss_corr != 0;
		n->dup_corr_set = c.dup_corr != 0;
	}
	if (tb[TCA_NETEM_REORDER].data) {
		struct tc_netem_reorder r;

		if (!tc_rta_get(&tb[TCA_NETEM_REORDER], &r, sizeof r))
			goto short_attr;
		n->reorder = r.probability;
		n->reorder_corr = r.correlation;
		n->reorder_set = r.probability || r.correlation;
		n->reorder_corr_set = r.correlation != 0;
	}
	if (tb[TCA_NETEM_CORRUPT].data) {
		struct tc_netem_corrupt c;

		if (!tc_rta_get(&tb[TCA_NETEM_CORRUPT], &c, sizeof c))
			goto short_attr;
		n->corrupt = c.probability;
		n->corrupt_corr = c.correlation;
		n->corrupt_set = c.probability || c.correlation;
		n->corrupt_corr_set = c.correlation != 0;
	}
	if (tb[TCA_NETEM_ECN].data) {
		uint32_t e;

		if (!tc_rta_get(&tb[TCA_NETEM_ECN], &e, sizeof e))
			goto short_attr;
		n->ecn = e != 0;
	}
	if (tb[TCA_NETEM_RATE].data) {
		struct tc_netem_rate r;
		uint64_t r64;

		if (!tc_rta_get(&tb[TCA_NETEM_RATE], &r, sizeof r))
			goto short_attr;
		n->rate = r.rate;
		if (tc_rta_get(&tb[TCA_NETEM_RATE64], &r64, sizeof r64))
			n->rate = r64;
		n->rate_set = n->rate != 0;
		if (n->rate_set) {
			n->packet_overhead = r.packet_overhead;
			n->cell_size = r.cell_size;
			n->cell_overhead = r.cell_overhead;
		}
	}
	if (tb[TCA_NETEM_SLOT].data) {
		struct tc_netem_slot sl;

		if (!tc_rta_get(&tb[TCA_NETEM_SLOT], &sl, sizeof sl))
			goto short_attr;
		if (sl.dist_jitter > 0 || tb[TCA_NETEM_SLOT_DIST].data) {
			snprintf(err, errlen, "netem: a slot distribution (the "
			         "table's name is not reported)");
			return -1;
		}
		n->slot_set = n->slot_num = true;
		n->slot_min_ns = sl.min_delay;
		n->slot_max_ns = sl.max_delay;
		n->slot_packets = sl.max_packets == INT32_MAX ? 0 : sl.max_packets;
		n->slot_bytes = sl.max_bytes == INT32_MAX ? 0 : sl.max_bytes;
	}
	if (tb[TCA_NETEM_LOSS].data) {
		struct tc_rta lb[NETEM_LOSS_MAX + 1];
		struct tc_netem_gimodel gi;
		struct tc_netem_gemodel ge;

		tc_attrs_masked(lb, NETEM_LOSS_MAX, tb[TCA_NETEM_LOSS].data,
		         tb[TCA_NETEM_LOSS].len);
		if (tc_rta_get(&lb[NETEM_LOSS_GI], &gi, sizeof gi)) {
			n->loss_model = TC_LOSS_STATE;
			n->lm[0] = gi.p13;
			n->lm[1] = gi.p31;
			n->lm[2] = gi.p32;
			n->lm[3] = gi.p23;
			n->lm[4] = gi.p14;
		} else if (tc_rta_get(&lb[NETEM_LOSS_GE], &ge, sizeof ge)) {
			n->loss_model = TC_LOSS_GEMODEL;
			n->lm[0] = ge.p;
			n->lm[1] = ge.r;
			n->lm[2] = ge.h;
			n->lm[3] = ge.k1;
		} else if (lb[NETEM_LOSS_GI].data || lb[NETEM_LOSS_GE].data) {
			goto short_attr;
		}
	}
	return 0;
short_attr:
	snprintf(err, errlen, "netem: an attribute shorter than its struct");
	return -1;
}

const struct tc_kind tc_kind_netem = {
	.id = "netem",
	.qdisc = true,
	.classful = false,
	.parse = netem_parse,
	.build = netem_build,
	.canon = netem_canon,
	.print = netem_print,
	.print_xstats = NULL,
	.decode = netem_decode,
};
