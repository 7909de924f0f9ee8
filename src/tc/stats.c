/* SPDX-License-Identifier: GPL-2.0-or-later */
/* stats.c - tc's -s lines of a qdisc or class (tc_util.c's
 * print_tcstats2_attr, and print_tcstats_attr's reading of the old
 * struct tc_stats): "Sent ... bytes ... pkt (dropped ..., overlimits ...
 * requeues ...)", rates, "backlog ...".  Every read bounds-checked; a
 * short struct reads as zeros past its end, as tc's MIN() copies do. */
#include "tc/priv.h"

#include <linux/gen_stats.h>
#include <linux/pkt_sched.h>
#include <string.h>

#include "util/sbuf.h"

/* tc's memcpy(&s, data, MIN(len, sizeof s)) */
static void copy_min(void *dst, size_t n, const struct tc_rta *a)
{
	memset(dst, 0, n);
	if (a->data)
		memcpy(dst, a->data, a->len < n ? a->len : n);
}

static void basic_hw(struct sbuf *out, const struct tc_rta *tb,
                     const char *prefix)
{
	struct gnet_stats_basic hw, bs;

	copy_min(&hw, sizeof hw, &tb[TCA_STATS_BASIC_HW]);
	if (hw.bytes == 0 && hw.packets == 0)
		return;
	if (tb[TCA_STATS_BASIC].data) {
		copy_min(&bs, sizeof bs, &tb[TCA_STATS_BASIC]);
		if (bs.bytes >= hw.bytes && bs.packets >= hw.packets)
			sbuf_printf(out, "\n%sSent software %llu bytes %u pkt",
			            prefix, (unsigned long long)(bs.bytes - hw.bytes),
			            bs.packets - hw.packets);
	}
	sbuf_printf(out, "\n%sSent hardware %llu bytes %u pkt", prefix,
	            (unsigned long long)hw.bytes, hw.packets);
}

/* the rate estimator's line (TCA_STATS_RATE_EST64 or _RATE_EST) */
static void rate_est(struct sbuf *out, const char *prefix, uint64_t bps,
                     uint64_t pps)
{
	sbuf_printf(out, "\n%srate ", prefix);
	tc_put_rate(out, bps);
	sbuf_printf(out, " %llupps", (unsigned long long)pps);
}

static void stats2(struct sbuf *out, const void *data, size_t len,
                   const char *prefix, const void **xstats, size_t *xlen)
{
	struct tc_rta tb[TCA_STATS_MAX + 1];
	struct gnet_stats_queue q;

	tc_attrs(tb, TCA_STATS_MAX, data, len);
	if (tb[TCA_STATS_BASIC].data) {
		struct gnet_stats_basic bs;
		uint64_t pkt64 = 0;

		tc_rta_get(&tb[TCA_STATS_PKT64], &pkt64, sizeof pkt64);
		copy_min(&bs, sizeof bs, &tb[TCA_STATS_BASIC]);
		sbuf_printf(out, "%sSent %llu bytes", prefix,
		            (unsigned long long)bs.bytes);
		if (pkt64)
			sbuf_printf(out, " %llu pkt", (unsigned long long)pkt64);
		else
			sbuf_printf(out, " %u pkt", bs.packets);
	}
	if (tb[TCA_STATS_QUEUE].data) {
		copy_min(&q, sizeof q, &tb[TCA_STATS_QUEUE]);
		sbuf_printf(out, " (dropped %u, overlimits %u requeues %u) ",
		            q.drops, q.overlimits, q.requeues);
	}
	if (tb[TCA_STATS_BASIC_HW].data)
		basic_hw(out, tb, prefix);
	if (tb[TCA_STATS_RATE_EST64].data) {
		struct gnet_stats_rate_est64 re;

		copy_min(&re, sizeof re, &tb[TCA_STATS_RATE_EST64]);
		rate_est(out, prefix, re.bps, re.pps);
	} else if (tb[TCA_STATS_RATE_EST].data) {
		struct gnet_stats_rate_est re;

		copy_min(&re, sizeof re, &tb[TCA_STATS_RATE_EST]);
		rate_est(out, prefix, re.bps, re.pps);
	}
	if (tb[TCA_STATS_QUEUE].data) {
		copy_min(&q, sizeof q, &tb[TCA_STATS_QUEUE]);
		if (!tb[TCA_STATS_RATE_EST].data)
			sbuf_addc(out, '\n');
		sbuf_printf(out, "%sbacklog ", prefix);
		tc_put_size(out, q.backlog);
		sbuf_printf(out, " %up requeues %u", q.qlen, q.requeues);
	}
	if (xstats) {
		*xstats = tb[TCA_STATS_APP].data;
		if (xlen)
			*xlen = tb[TCA_STATS_APP].data ? tb[TCA_STATS_APP].len : 0;
	}
}

/* the old struct's estimator ("rate 8bit 1pps ") or queue ("backlog 10b
 * 1p "): each number only when it is not 0, none of it when both are */
static void old_pair(struct sbuf *out, bool rate, uint32_t v, uint32_t n)
{
	if (!v && !n)
		return;
	sbuf_add(out, rate ? "rate " : "backlog ");
	if (v) {
		if (rate)
			tc_put_rate(out, v);
		else
			tc_put_size(out, v);
		sbuf_addc(out, ' ');
	}
	if (n)
		sbuf_printf(out, "%u%s ", n, rate ? "pps" : "p");
}

static void old_stats(struct sbuf *out, const void *data, size_t len,
                      const char *prefix)
{
	struct tc_stats st;
	struct tc_rta a = { data, len };

	copy_min(&st, sizeof st, &a);
	sbuf_printf(out, "%sSent %llu bytes %u pkts (dropped %u, overlimits %u) ",
	            prefix, (unsigned long long)st.bytes, st.packets, st.drops,
	            st.overlimits);
	if (!(st.bps || st.pps || st.qlen || st.backlog))
		return;
	sbuf_printf(out, "\n%s", prefix);
	old_pair(out, true, st.bps, st.pps);
	old_pair(out, false, st.backlog, st.qlen);
}

void tc_print_stats(struct sbuf *out, const void *st2, size_t len2,
                    const void *st, size_t len, const char *prefix,
                    const void **xstats, size_t *xlen)
{
	if (xstats)
		*xstats = NULL;
	if (xlen)
		*xlen = 0;
	if (!prefix)
		prefix = "";
	if (st2) {
		stats2(out, st2, len2, prefix, xstats, xlen);
		return;
	}
	if (st)
		old_stats(out, st, len, prefix);
}
