/* SPDX-License-Identifier: GPL-2.0-or-later */
/* counters.c - the rates of the interfaces on screen: the counters of
 * the interfaces panel's visible rows (or of the interface whose details
 * are open) read again from the kernel at most once a second, and never
 * while none is shown; the samples kept in ui/rates.c's rings.  When the
 * namespaces panel has room for its PKT/S column, the namespaces in its
 * visible rows too: every link of each, one RTM_GETSTATS dump a
 * namespace, summed (their ring is (ns id, 0): no link has ifindex 0). */
#include "ui/ui_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "cmd/exec.h"
#include "kernel/kernel.h"
#include "util/esc.h"
#include "ui/rates.h"
#include "util/sbuf.h"

/* The interfaces on screen that need their counters: their namespace
 * (NULL: none) and up to max ifindexes. */
static struct w_ns *shown(struct ui *u, int *ifx, size_t max, size_t *n)
{
	struct w_ns *ns;
	struct w_link **v;
	size_t nl;
	int rows;

	*n = 0;
	if (u->modal == M_DETAILS) {
		/* the popup covers the panels: its interface only */
		if (!u->det_ifindex || !max)
			return NULL;
		ns = world_find_ns_id(u->w, u->det_ns_id);
		if (!ns || !world_find_link_index(ns, u->det_ifindex))
			return NULL;
		ifx[0] = u->det_ifindex;
		*n = 1;
		return ns;
	}
	if (u->screen != S_PANELS ||
	    u->lay.too_small || u->lay.ifs.w < 20)
		return NULL;
	ns = world_find_ns_id(u->w, u->sel_ns_id);
	if (!ns)
		return NULL;
	rows = layout_body_rows(&u->lay.ifs, true);
	nl = ui_if_list(u, ns, &v);
	for (int i = 0; i < rows && *n < max; i++) {
		size_t idx = (size_t)(u->if_top + i);

		if (u->if_top < 0 || idx >= nl)
			break;
		ifx[(*n)++] = v[idx]->ifindex;
	}
	free(v);
	return *n ? ns : NULL;
}

#define SHOWN_MAX 512

bool counters_ns_column(const struct ui *u)
{
	return u->lay.ns.w >= COUNTERS_NS_MIN_W;
}

/* The namespaces panel is on screen with its PKT/S column */
static bool ns_column_live(const struct ui *u)
{
	return u->screen == S_PANELS && u->modal != M_DETAILS &&
	       !u->lay.too_small && counters_ns_column(u);
}

/* The namespaces in the panel's visible rows that need their totals:
 * up to max, the count. */
static size_t ns_shown(struct ui *u, struct w_ns **out, size_t max)
{
	struct w_ns **v;
	size_t nv, n = 0;
	int rows;

	if (!ns_column_live(u))
		return 0;
	rows = layout_body_rows(&u->lay.ns, true);
	nv = ui_ns_list(u, &v);
	for (int i = 0; i < rows && n < max; i++) {
		size_t idx = (size_t)(u->ns_top + i);

		if (u->ns_top < 0 || idx >= nv)
			break;
		out[n++] = v[idx];
	}
	free(v);
	return n;
}

static void add_stats(void *ctx, int ifindex, const struct w_stats64 *st)
{
	struct rate_reading *rd = ctx;

	rd->rx_packets += st->rx_packets;
	rd->tx_packets += st->tx_packets;
	rd->rx_bytes += st->rx_bytes;
	rd->tx_bytes += st->tx_bytes;
	rd->ms = 1;             /* one link at least */
}

/* one RTM_GETSTATS dump of ns's links, their counters summed into its
 * ring */
static void ns_total(struct ui *u, struct w_ns *ns)
{
	struct kerr e = { 0 };
	struct rate_reading rd = { 0 };

	if (kstats_links(u->k, ns, add_stats, &rd, &e) < 0 || !rd.ms)
		return;
	rd.ms = ui_now_ms();
	rate_ring_add(rates_set_get(&u->rates, ns->id, 0), &rd);
}

static void read_qdiscs(struct ui *u, struct w_ns *ns, const struct w_link *l)
{
	struct cmd c;

	if (!u->det_qdisc)
		u->det_qdisc = xcalloc(1, sizeof *u->det_qdisc);
	sbuf_reset(u->det_qdisc);
	if (ns->kind == W_NS_UNNAMED)
		return;
	memset(&c, 0, sizeof c);
	c.verb = CMD_TC_QDISC_SHOW;
	if (ns->kind == W_NS_NAMED)
		snprintf(c.ns, sizeof c.ns, "%s", ns->name);
	snprintf(c.u.tc.dev, sizeof c.u.tc.dev, "%s", l->name);
	c.opts.stats = 1;
	if (exec_cmd(&u->x, &c) == 0)
		sbuf_add(u->det_qdisc, sbuf_str(&u->x.out));
	sbuf_reset(&u->x.out);
	sbuf_reset(&u->x.err);
}

void counters_poll(struct ui *u, long long now)
{
	int ifx[SHOWN_MAX];
	size_t n, nns;
	struct w_ns *nsv[SHOWN_MAX];
	struct w_ns *ns = shown(u, ifx, SHOWN_MAX, &n);

	if (!ns && !ns_column_live(u)) {
		/* nothing shown: nothing kept, nothing read */
		u->rates.n = 0;
		return;
	}
	if (u->rates_ms && now - u->rates_ms < COUNTERS_EVERY_MS)
		return;
	u->rates_ms = now;
	/* the namespaces' list only when they are read, once a second */
	nns = ns_shown(u, nsv, SHOWN_MAX);
	for (size_t i = 0; i < nns; i++)
		ns_total(u, nsv[i]);
	for (size_t i = 0; ns && i < n; i++) {
		struct w_link *l;
		struct rate_ring *r;
		struct rate_reading rd;

		ksync_refresh_link(u->k, ns, ifx[i]);
		/* found again: applying the answer may move the links */
		l = world_find_link_index(ns, ifx[i]);
		if (!l || !l->has_stats)
			continue;
		rd.rx_packets = l->stats.rx_packets;
		rd.tx_packets = l->stats.tx_packets;
		rd.rx_bytes = l->stats.rx_bytes;
		rd.tx_bytes = l->stats.tx_bytes;
		rd.ms = ui_now_ms();
		r = rates_set_get(&u->rates, ns->id, ifx[i]);
		rate_ring_add(r, &rd);
		if (u->modal == M_DETAILS && l->qdisc[0])
			read_qdiscs(u, ns, l);
	}
	rates_set_prune(&u->rates);
	u->dirty = true;
}

int counters_timeout(struct ui *u, long long now)
{
	int ifx[SHOWN_MAX];
	size_t n;
	long long left;

	if (!shown(u, ifx, SHOWN_MAX, &n) && !ns_column_live(u))
		return -1;
	if (!u->rates_ms)
		return 0;
	left = u->rates_ms + COUNTERS_EVERY_MS - now;
	return left < 0 ? 0 : (int)left;
}

const struct rate_ring *counters_ring(const struct ui *u,
                                      const struct w_ns *ns,
                                      const struct w_link *l)
{
	return rates_set_find(&u->rates, ns->id, l->ifindex);
}

void counters_cell(const struct ui *u, const struct w_ns *ns,
                   const struct w_link *l, bool tx, char *buf, size_t len)
{
	const struct rate_ring *r = counters_ring(u, ns, l);
	struct rate_sample s;

	if (!rate_ring_last(r, &s)) {
		snprintf(buf, len, "-");
		return;
	}
	rate_fmt(tx ? s.tx_pps : s.rx_pps, buf, len);
}

void counters_ns_cell(const struct ui *u, const struct w_ns *ns, char *buf,
                      size_t len)
{
	const struct rate_ring *r = rates_set_find(&u->rates, ns->id, 0);
	struct rate_sample s;

	if (!rate_ring_last(r, &s)) {
		snprintf(buf, len, "-");
		return;
	}
	rate_fmt(s.rx_pps + s.tx_pps, buf, len);
}

/* The details' counters: the totals, the rates, the last 60 s. */
void counters_details(struct ui *u, struct sbuf *b)
{
	struct w_ns *ns;
	struct w_link *l;
	const struct rate_ring *r;
	struct rate_sample s;
	bool have;
	double v[RATES_HIST];
	char spark[RATES_HIST * 3 + 1], pr[16], pt[16], br[16], bt[16];
	size_t n;

	if (!u->det_ifindex)
		return;
	ns = world_find_ns_id(u->w, u->det_ns_id);
	l = ns ? world_find_link_index(ns, u->det_ifindex) : NULL;
	if (!l)
		return;
	sbuf_add(b, "\nCounters (read every second while shown; "
	         "ip -s link show)\n");
	if (!l->has_stats) {
		sbuf_add(b, "  the kernel sent none for this interface\n");
		return;
	}
	r = counters_ring(u, ns, l);
	have = rate_ring_last(r, &s);
	if (have) {
		rate_fmt(s.rx_pps, pr, sizeof pr);
		rate_fmt(s.tx_pps, pt, sizeof pt);
		rate_fmt(s.rx_bps, br, sizeof br);
		rate_fmt(s.tx_bps, bt, sizeof bt);
	} else {
		snprintf(pr, sizeof pr, "-");
		snprintf(pt, sizeof pt, "-");
		snprintf(br, sizeof br, "-");
		snprintf(bt, sizeof bt, "-");
	}
	sbuf_printf(b, "      %14s %16s %8s %8s %9s %8s\n", "packets", "bytes",
	            "errors", "dropped", "packets/s", "bits/s");
	sbuf_printf(b, "  RX  %14llu %16llu %8llu %8llu %9s %8s\n",
	            (unsigned long long)l->stats.rx_packets,
	            (unsigned long long)l->stats.rx_bytes,
	            (unsigned long long)l->stats.rx_errors,
	            (unsigned long long)l->stats.rx_dropped, pr, br);
	sbuf_printf(b, "  TX  %14llu %16llu %8llu %8llu %9s %8s\n",
	            (unsigned long long)l->stats.tx_packets,
	            (unsigned long long)l->stats.tx_bytes,
	            (unsigned long long)l->stats.tx_errors,
	            (unsigned long long)l->stats.tx_dropped, pt, bt);
	n = rate_ring_values(r, RATE_RX_PPS, v, RATES_HIST);
	rate_spark(v, n, !u->utf8, spark, sizeof spark);
	sbuf_printf(b, "  RX packets/s, last 60 s  |%s\n", spark);
	n = rate_ring_values(r, RATE_TX_PPS, v, RATES_HIST);
	rate_spark(v, n, !u->utf8, spark, sizeof spark);
	sbuf_printf(b, "  TX packets/s, last 60 s  |%s\n", spark);
	if (l->qdisc[0] && u->det_qdisc && u->det_qdisc->len) {
		sbuf_add(b, "\nQueueing (tc -s qdisc show dev ");
		esc_add(b, l->name, 0);
		sbuf_add(b, ", read with the counters)\n");
		sbuf_add(b, sbuf_str(u->det_qdisc));
	}
}

static void counters_free(struct ui *u)
{
	if (u->det_qdisc)
		sbuf_free(u->det_qdisc);
	free(u->det_qdisc);
	u->det_qdisc = NULL;
}

const struct ui_view ui_view_counters = {
	.title = "Counters",
	.tick = counters_poll,
	.wait_ms = counters_timeout,
	.free = counters_free,
};
