/* SPDX-License-Identifier: GPL-2.0-or-later */
/* rates.h - interface rates from successive counter readings: a ring of
 * the last RATES_HIST samples per interface, compact numbers and
 * sparklines.  Pure code (no curses, no kernel), unit-tested. */
#ifndef NSVIZ_RATES_H
#define NSVIZ_RATES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define RATES_HIST 60

/* The four counters a rate is made of, as read at `ms` (a monotonic
 * clock, milliseconds). */
struct rate_reading {
	uint64_t rx_packets, tx_packets, rx_bytes, tx_bytes;
	long long ms;
};

/* One sample: per second over the interval since the reading before. */
struct rate_sample {
	double rx_pps, tx_pps;          /* packets/s */
	double rx_bps, tx_bps;          /* bits/s */
};

enum rate_field { RATE_RX_PPS, RATE_TX_PPS, RATE_RX_BPS, RATE_TX_BPS };

/* The history of one interface, by namespace id and ifindex. */
struct rate_ring {
	int ns_id, ifindex;
	struct rate_reading last;
	bool have_last;                 /* a reading to count from */
	struct rate_sample s[RATES_HIST];
	int head;                       /* where the next sample goes */
	int n;                          /* samples kept, up to RATES_HIST */
	bool mark;                      /* rates_set_prune(): seen lately */
};

void rate_ring_init(struct rate_ring *r, int ns_id, int ifindex);
/* A new reading: a sample when there is one before it to count from.
 * A counter gone backwards (the link made again, counters reset) or a
 * clock that did not move starts again from this reading, no sample.
 * Returns true when a sample was added. */
bool rate_ring_add(struct rate_ring *r, const struct rate_reading *rd);
/* The newest sample; false when there is none yet. */
bool rate_ring_last(const struct rate_ring *r, struct rate_sample *out);
/* Up to max values of one field, oldest first; returns how many. */
size_t rate_ring_values(const struct rate_ring *r, enum rate_field f,
                        double *out, size_t max);

/* The rings of the interfaces on screen. */
struct rates_set {
	struct rate_ring *r;
	size_t n, cap;
};

/* The ring of (ns_id, ifindex), made when there is none; it is marked
 * as seen. */
struct rate_ring *rates_set_get(struct rates_set *s, int ns_id, int ifindex);
/* The ring of (ns_id, ifindex) or NULL; not marked. */
const struct rate_ring *rates_set_find(const struct rates_set *s, int ns_id,
                                       int ifindex);
/* Forget the rings not marked since the last prune; clears the marks. */
void rates_set_prune(struct rates_set *s);
void rates_set_free(struct rates_set *s);

/* A rate in at most 5 characters: "0", "7", "12", "999", "1.2k", "34k",
 * "999k", "1.2M", ... "T"; whole numbers below 1000, rounded. */
void rate_fmt(double v, char *buf, size_t len);

/* A sparkline of n values, a character each, scaled to their largest:
 * zero is the lowest level, anything above zero at least the next one.
 * Unicode blocks (U+2581..U+2588, 3 bytes each) or, ascii, "_.-=#". */
void rate_spark(const double *v, size_t n, bool ascii, char *out,
                size_t len);

#endif
