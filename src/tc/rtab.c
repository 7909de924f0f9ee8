/* SPDX-License-Identifier: GPL-2.0-or-later */
/* rtab.c - the scheduler's clock arithmetic tbf and htb need, as tc 6.1's
 * tc_core.c does it: times in µs to ticks and back, the ticks a size
 * takes at a rate, and the 256-entry rate table (kernels since 3.8 no
 * longer look it up, but still require it), with its link layer (ATM
 * pays whole 53-byte cells for each 48 bytes).  Conversions of a double
 * to an unsigned behave as tc's do on x86-64 (tc_d2u). */
#include "tc/priv.h"

#include <linux/pkt_sched.h>

#define USEC_PER_SEC 1000000.0

bool tc_time2big(const struct tc_clock *k, unsigned us)
{
	uint64_t t = us;

	t = (uint64_t)(t * k->tick_in_usec);
	return (t >> 32) != 0;
}

unsigned tc_time2tick(const struct tc_clock *k, unsigned us)
{
	return tc_d2u(us * k->tick_in_usec);
}

unsigned tc_tick2time(const struct tc_clock *k, unsigned tick)
{
	return tc_d2u(tick / k->tick_in_usec);
}

unsigned tc_xmittime(const struct tc_clock *k, uint64_t rate, unsigned size)
{
	return tc_time2tick(k, tc_d2u(USEC_PER_SEC * ((double)size /
	                                              (double)rate)));
}

unsigned tc_xmitsize(const struct tc_clock *k, uint64_t rate, unsigned ticks)
{
	return tc_d2u(((double)rate * tc_tick2time(k, ticks)) / USEC_PER_SEC);
}

/* an ATM cell carries 48 bytes and takes 53 on the wire */
static unsigned adjust_size(unsigned sz, unsigned mpu, unsigned linklayer)
{
	if (sz < mpu)
		sz = mpu;
	if (linklayer == 2)
		return (sz / 48 + (sz % 48 > 0)) * 53;
	return sz;
}

int tc_rtable(const struct tc_clock *k, struct tc_ratespec *r, uint32_t *rtab,
              int cell_log, unsigned mtu, unsigned linklayer)
{
	int i;

	if (mtu == 0)
		mtu = 2047;
	if (cell_log < 0) {
		cell_log = 0;
		while ((mtu >> cell_log) > 255)
			cell_log++;
	}
	for (i = 0; i < 256; i++) {
		unsigned sz = adjust_size((unsigned)(i + 1) << cell_log,
		                          r->mpu, linklayer);

		rtab[i] = tc_xmittime(k, r->rate, sz);
	}
	r->cell_align = -1;
	r->cell_log = (unsigned char)cell_log;
	r->linklayer = linklayer & TC_LINKLAYER_MASK;
	return cell_log;
}
