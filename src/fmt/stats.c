/* SPDX-License-Identifier: GPL-2.0-or-later */
/* stats.c - the counters under a link with `ip -s` and `ip -s -s`.
 *
 * ip sizes its columns to the widest number it prints (at least the
 * width of each title) and right-aligns numbers and titles, every number
 * followed by a blank; a column title it leaves empty still takes its
 * width, which is why the RX and TX title lines end in blanks.  The
 * titles of the error lines name only the counters ip prints: "transns"
 * (carrier changes) only when the kernel sent IFLA_CARRIER_CHANGES,
 * "nohandler" and "otherhost" only when not zero.
 */
#include <stdio.h>
#include <string.h>

#include "fmt/priv.h"
#include "util/sbuf.h"

#define NCOLS 8

static unsigned digits(uint64_t v)
{
	unsigned n = 1;

	while (v > 9) {
		v /= 10;
		n++;
	}
	return n;
}

/* widen cols to fit the 8 values of one row */
static void size_row(unsigned cols[NCOLS], const uint64_t v[NCOLS])
{
	for (int i = 0; i < NCOLS; i++)
		if (digits(v[i]) > cols[i])
			cols[i] = digits(v[i]);
}

static void num(struct sbuf *out, unsigned width, uint64_t v)
{
	sbuf_printf(out, "%*llu ", (int)width, (unsigned long long)v);
}

void fmt_stats_text(struct sbuf *out, const struct w_link *l, int level)
{
	const struct w_stats64 *s = &l->stats;
	uint64_t cc = l->has_carrier_changes ? l->carrier_changes : 0;
	unsigned cols[NCOLS] = {
		sizeof "*X errors:" - 1, sizeof "packets" - 1,
		sizeof "errors" - 1, sizeof "dropped" - 1,
		sizeof "heartbt" - 1, sizeof "overrun" - 1,
		sizeof "compressed" - 1, sizeof "otherhost" - 1,
	};
	const uint64_t rx[NCOLS] = {
		s->rx_bytes, s->rx_packets, s->rx_errors, s->rx_dropped,
		s->rx_missed_errors, s->multicast, s->rx_compressed, 0,
	};
	const uint64_t rxe[NCOLS] = {
		0, s->rx_length_errors, s->rx_crc_errors, s->rx_frame_errors,
		s->rx_fifo_errors, s->rx_over_errors, s->rx_nohandler,
		s->rx_otherhost_dropped,
	};
	const uint64_t tx[NCOLS] = {
		s->tx_bytes, s->tx_packets, s->tx_errors, s->tx_dropped,
		s->tx_carrier_errors, s->collisions, s->tx_compressed, 0,
	};
	const uint64_t txe[NCOLS] = {
		0, 0, s->tx_aborted_errors, s->tx_fifo_errors,
		s->tx_window_errors, s->tx_heartbeat_errors, cc, 0,
	};

	size_row(cols, rx);
	if (level > 1)
		size_row(cols, rxe);
	size_row(cols, tx);
	if (level > 1)
		size_row(cols, txe);

	sbuf_printf(out, "    RX: %*s %*s %*s %*s %*s %*s %*s\n",
	            (int)cols[0] - 4, "bytes", (int)cols[1], "packets",
	            (int)cols[2], "errors", (int)cols[3], "dropped",
	            (int)cols[4], "missed", (int)cols[5], "mcast",
	            (int)cols[6], s->rx_compressed ? "compressed" : "");
	sbuf_add(out, "    ");
	for (int i = 0; i < 6; i++)
		num(out, cols[i], rx[i]);
	if (s->rx_compressed)
		num(out, cols[6], s->rx_compressed);
	if (level > 1) {
		sbuf_printf(out, "\n    RX errors:%*s %*s %*s %*s %*s %*s%*s%*s\n",
		            (int)cols[0] - 10, "", (int)cols[1], "length",
		            (int)cols[2], "crc", (int)cols[3], "frame",
		            (int)cols[4], "fifo", (int)cols[5], "overrun",
		            s->rx_nohandler ? (int)cols[6] + 1 : 0,
		            s->rx_nohandler ? " nohandler" : "",
		            s->rx_otherhost_dropped ? (int)cols[7] + 1 : 0,
		            s->rx_otherhost_dropped ? " otherhost" : "");
		sbuf_printf(out, "%*s", (int)cols[0] + 5, "");
		for (int i = 1; i < 6; i++)
			num(out, cols[i], rxe[i]);
		if (s->rx_nohandler)
			num(out, cols[6], s->rx_nohandler);
		if (s->rx_otherhost_dropped)
			num(out, cols[7], s->rx_otherhost_dropped);
	}
	sbuf_addc(out, '\n');

	sbuf_printf(out, "    TX: %*s %*s %*s %*s %*s %*s %*s\n",
	            (int)cols[0] - 4, "bytes", (int)cols[1], "packets",
	            (int)cols[2], "errors", (int)cols[3], "dropped",
	            (int)cols[4], "carrier", (int)cols[5], "collsns",
	            (int)cols[6], s->tx_compressed ? "compressed" : "");
	sbuf_add(out, "    ");
	for (int i = 0; i < 6; i++)
		num(out, cols[i], tx[i]);
	if (s->tx_compressed)
		num(out, cols[6], s->tx_compressed);
	if (level > 1) {
		sbuf_printf(out, "\n    TX errors:%*s %*s %*s %*s %*s %*s\n",
		            (int)cols[0] - 10, "", (int)cols[1], "aborted",
		            (int)cols[2], "fifo", (int)cols[3], "window",
		            (int)cols[4], "heartbt",
		            (int)cols[5], l->has_carrier_changes ? "transns" : "");
		sbuf_printf(out, "%*s", (int)cols[0] + 5, "");
		num(out, cols[1], s->tx_aborted_errors);
		num(out, cols[2], s->tx_fifo_errors);
		num(out, cols[3], s->tx_window_errors);
		num(out, cols[4], s->tx_heartbeat_errors);
		if (l->has_carrier_changes)
			num(out, cols[5], cc);
	}
}
