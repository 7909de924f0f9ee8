/* SPDX-License-Identifier: GPL-2.0-or-later */
/* rates.c - interface rates from counter readings: the ring of samples,
 * the set of rings on screen, compact numbers and sparklines. */
#include "ui/rates.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/sbuf.h"

void rate_ring_init(struct rate_ring *r, int ns_id, int ifindex)
{
	memset(r, 0, sizeof *r);
	r->ns_id = ns_id;
	r->ifindex = ifindex;
}

bool rate_ring_add(struct rate_ring *r, const struct rate_reading *rd)
{
	const struct rate_reading *p = &r->last;
	struct rate_sample *s;
	double dt;

	if (!r->have_last || rd->ms <= p->ms ||
	    rd->rx_packets < p->rx_packets || rd->tx_packets < p->tx_packets ||
	    rd->rx_bytes < p->rx_bytes || rd->tx_bytes < p->tx_bytes) {
		r->last = *rd;
		r->have_last = true;
		return false;
	}
	dt = (double)(rd->ms - p->ms) / 1000.0;
	s = &r->s[r->head];
	s->rx_pps = (double)(rd->rx_packets - p->rx_packets) / dt;
	s->tx_pps = (double)(rd->tx_packets - p->tx_packets) / dt;
	s->rx_bps = (double)(rd->rx_bytes - p->rx_bytes) * 8.0 / dt;
	s->tx_bps = (double)(rd->tx_bytes - p->tx_bytes) * 8.0 / dt;
	r->head = (r->head + 1) % RATES_HIST;
	if (r->n < RATES_HIST)
		r->n++;
	r->last = *rd;
	return true;
}

bool rate_ring_last(const struct rate_ring *r, struct rate_sample *out)
{
	if (!r || !r->n)
		return false;
	*out = r->s[(r->head + RATES_HIST - 1) % RATES_HIST];
	return true;
}

static double field(const struct rate_sample *s, enum rate_field f)
{
	switch (f) {
	case RATE_RX_PPS: return s->rx_pps;
	case RATE_TX_PPS: return s->tx_pps;
	case RATE_RX_BPS: return s->rx_bps;
	case RATE_TX_BPS: return s->tx_bps;
	}
	return 0;
}

size_t rate_ring_values(const struct rate_ring *r, enum rate_field f,
                        double *out, size_t max)
{
	size_t n = r ? (size_t)r->n : 0, skip;

	if (n > max) {
		skip = n - max;
		n = max;
	} else {
		skip = 0;
	}
	for (size_t i = 0; i < n; i++) {
		int at = (r->head + RATES_HIST - r->n + (int)(skip + i)) %
		         RATES_HIST;
		out[i] = field(&r->s[at], f);
	}
	return n;
}

struct rate_ring *rates_set_get(struct rates_set *s, int ns_id, int ifindex)
{
	struct rate_ring *r;

	for (size_t i = 0; i < s->n; i++)
		if (s->r[i].ns_id == ns_id && s->r[i].ifindex == ifindex) {
			s->r[i].mark = true;
			return &s->r[i];
		}
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 16;
		s->r = xrealloc(s->r, s->cap * sizeof *s->r);
	}
	r = &s->r[s->n++];
	rate_ring_init(r, ns_id, ifindex);
	r->mark = true;
	return r;
}

const struct rate_ring *rates_set_find(const struct rates_set *s, int ns_id,
                                       int ifindex)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->r[i].ns_id == ns_id && s->r[i].ifindex == ifindex)
			return &s->r[i];
	return NULL;
}

void rates_set_prune(struct rates_set *s)
{
	size_t k = 0;

	for (size_t i = 0; i < s->n; i++)
		if (s->r[i].mark) {
			s->r[k] = s->r[i];
			s->r[k].mark = false;
			k++;
		}
	s->n = k;
}

void rates_set_free(struct rates_set *s)
{
	free(s->r);
	memset(s, 0, sizeof *s);
}

void rate_fmt(double v, char *buf, size_t len)
{
	static const char unit[] = "kMGTPE";
	int u = -1;

	if (!len)
		return;
	if (!(v > 0)) {         /* also NaN */
		snprintf(buf, len, "0");
		return;
	}
	if (v < 999.5) {
		snprintf(buf, len, "%.0f", v);
		return;
	}
	while (v >= 999.5 && u < (int)sizeof unit - 2) {
		v /= 1000.0;
		u++;
	}
	/* 1.0 .. 9.9 with a decimal, 10 .. 999 without */
	if (v < 9.95)
		snprintf(buf, len, "%.1f%c", v, unit[u]);
	else
		snprintf(buf, len, "%.0f%c", v, unit[u]);
}

void rate_spark(const double *v, size_t n, bool ascii, char *out,
                size_t len)
{
	static const char *const blocks[] = {
		"\u2581", "\u2582", "\u2583", "\u2584",
		"\u2585", "\u2586", "\u2587", "\u2588"
	};
	static const char asc[] = "_.-=#";
	int levels = ascii ? 5 : 8;
	size_t used = 0, each = ascii ? 1 : 3;
	double max = 0;

	if (!len)
		return;
	out[0] = '\0';
	for (size_t i = 0; i < n; i++)
		if (v[i] > max)
			max = v[i];
	for (size_t i = 0; i < n && used + each < len; i++) {
		int lv = 0;

		if (v[i] > 0 && max > 0) {
			double x = v[i] / max * (levels - 1);

			lv = (int)x;
			if ((double)lv < x)
				lv++;           /* rounded up */
			if (lv < 1)
				lv = 1;
			if (lv > levels - 1)
				lv = levels - 1;
		}
		if (ascii)
			out[used] = asc[lv];
		else
			memcpy(out + used, blocks[lv], 3);
		used += each;
		out[used] = '\0';
	}
}
