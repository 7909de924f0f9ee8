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

/* ---- the inverses decode needs ------------------------------------------ */

unsigned tc_us_of_ticks(const struct tc_clock *k, unsigned ticks)
{
	unsigned u = tc_tick2time(k, ticks);

	if (tc_time2tick(k, u) == ticks)
		return u;
	if (u < ~0U && tc_time2tick(k, u + 1) == ticks)
		return u + 1;
	return u;
}

int tc_cell_log_of(unsigned mtu)
{
	int cell_log = 0;

	if (mtu == 0)
		mtu = 2047;
	while ((mtu >> cell_log) > 255)
		cell_log++;
	return cell_log;
}

/* a monotonic conversion of a size to ticks: tc's or the kernel's */
struct conv {
	const struct tc_clock *k;
	uint64_t rate;
	bool kernel;
	uint32_t mult;           /* the kernel's psched_ratecfg */
	unsigned shift, overhead, mpu, linklayer;
	uint64_t tick_ns;
};

static uint64_t conv_ticks(const struct conv *c, uint64_t size)
{
	uint32_t len;
	uint64_t ns;

	if (!c->kernel)
		return tc_xmittime(c->k, c->rate, (unsigned)size);
	/* psched_l2t_ns, in its own (32-bit) arithmetic */
	len = (uint32_t)size + c->overhead;
	if (len < c->mpu)
		len = c->mpu;
	if (c->linklayer == TC_LINKLAYER_ATM)
		len = (len / 48 + (len % 48 > 0)) * 53;
	ns = ((uint64_t)len * c->mult) >> c->shift;
	return (uint32_t)(ns / c->tick_ns);
}

/* the smallest size in [0, max] that converts to at least t (max + 1:
 * none) */
static uint64_t first_at_least(const struct conv *c, uint64_t max, uint64_t t)
{
	uint64_t lo = 0, hi = max + 1;

	while (lo < hi) {
		uint64_t mid = lo + (hi - lo) / 2;

		if (conv_ticks(c, mid) >= t)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

/* the roundest size of [lo, hi]; else near (clamped to it) */
static unsigned roundest(uint64_t lo, uint64_t hi, uint64_t near)
{
	static const uint64_t g[] = { 1024 * 1024, 1024, 1000, 100, 10 };

	for (size_t i = 0; i < sizeof g / sizeof g[0]; i++) {
		uint64_t m = (lo + g[i] - 1) / g[i] * g[i];

		if (!m)
			m = g[i];
		if (m <= hi)
			return (unsigned)m;
	}
	if (near < lo)
		near = lo;
	if (near > hi)
		near = hi;
	return (unsigned)near;
}

static unsigned size_of(const struct conv *c, uint64_t max, unsigned ticks,
                        uint64_t near)
{
	uint64_t lo = first_at_least(c, max, ticks);
	uint64_t hi = first_at_least(c, max, (uint64_t)ticks + 1);

	if (lo > max)
		return (unsigned)max;        /* nothing converts that far */
	if (hi == 0 || conv_ticks(c, lo) != ticks)
		return (unsigned)lo;         /* none exactly: the next above */
	return roundest(lo, hi - 1, near);
}

/* the largest size whose ticks stay within 32 bits (past it tc's
 * conversions wrap: not monotonic), for ns_per_tick ns a tick */
static uint64_t size_cap(uint64_t rate, double ns_per_tick)
{
	double m = 4294967295.0 * ns_per_tick / 1e9 * (double)rate * 0.999;

	return m >= 4294967295.0 ? 0xffffffffULL : m < 1 ? 1 : (uint64_t)m;
}

unsigned tc_size_of_ticks(const struct tc_clock *k, uint64_t rate,
                          unsigned ticks)
{
	struct conv c = { .k = k, .rate = rate };

	if (!rate || !(k->tick_in_usec > 0))
		return 0;
	return size_of(&c, size_cap(rate, 1000.0 / k->tick_in_usec), ticks,
	               tc_xmitsize(k, rate, ticks));
}

unsigned tc_size_of_kticks(const struct tc_clock *k, uint64_t rate,
                           unsigned overhead, unsigned mpu,
                           unsigned linklayer, unsigned ticks)
{
	struct conv c = { .k = k, .rate = rate, .kernel = true,
	                  .overhead = overhead & 0xffff, .mpu = mpu & 0xffff,
	                  .linklayer = linklayer & TC_LINKLAYER_MASK };
	uint64_t factor = 1000000000ULL, max;
	double tns = k->tick_in_usec > 0 ? 1000.0 / k->tick_in_usec : 64.0;

	if (!rate)
		return 0;
	/* psched_ratecfg_precompute__ */
	c.mult = 1;
	for (;;) {
		c.mult = (uint32_t)(factor / rate);
		if ((c.mult & (1U << 31)) || (factor & (1ULL << 63)))
			break;
		factor <<= 1;
		c.shift++;
	}
	c.tick_ns = tns >= 1.0 && tns < 1e9 ? (uint64_t)(tns + 0.5) : 64;
	/* sizes whose arithmetic does not wrap */
	max = c.linklayer == TC_LINKLAYER_ATM ? (0xffffffffULL / 53) * 48
	                                     : 0xffffffffULL;
	max -= c.overhead;
	if (max > size_cap(rate, (double)c.tick_ns))
		max = size_cap(rate, (double)c.tick_ns);
	return size_of(&c, max, ticks, tc_xmitsize(k, rate, ticks));
}
