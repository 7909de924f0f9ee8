/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_rates.c - interface rates (ui/rates.c): samples from counter
 * readings, the ring of the last 60, the set of rings on screen, compact
 * numbers and sparklines. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "ui/rates.h"

static struct rate_reading rd(uint64_t rxp, uint64_t txp, uint64_t rxb,
                              uint64_t txb, long long ms)
{
	struct rate_reading r = { rxp, txp, rxb, txb, ms };
	return r;
}

static void test_first_reading_no_sample(void **st)
{
	struct rate_ring r;
	struct rate_sample s;
	struct rate_reading a = rd(10, 20, 1000, 2000, 5000);

	(void)st;
	rate_ring_init(&r, 3, 7);
	assert_int_equal(r.ns_id, 3);
	assert_int_equal(r.ifindex, 7);
	assert_false(rate_ring_last(&r, &s));
	assert_false(rate_ring_add(&r, &a));
	assert_false(rate_ring_last(&r, &s));
	assert_int_equal(r.n, 0);
}

static void test_rates_per_second(void **st)
{
	struct rate_ring r;
	struct rate_sample s;
	struct rate_reading a = rd(10, 20, 1000, 2000, 5000);
	struct rate_reading b = rd(15, 30, 1500, 4000, 6000);
	struct rate_reading c = rd(25, 30, 2500, 4000, 8000);   /* 2 s later */

	(void)st;
	rate_ring_init(&r, 0, 1);
	rate_ring_add(&r, &a);
	assert_true(rate_ring_add(&r, &b));
	assert_true(rate_ring_last(&r, &s));
	assert_true(s.rx_pps == 5.0);
	assert_true(s.tx_pps == 10.0);
	assert_true(s.rx_bps == 4000.0);
	assert_true(s.tx_bps == 16000.0);
	assert_true(rate_ring_add(&r, &c));
	assert_true(rate_ring_last(&r, &s));
	assert_true(s.rx_pps == 5.0);          /* 10 packets in 2 s */
	assert_true(s.tx_pps == 0.0);
	assert_true(s.rx_bps == 4000.0);
	assert_int_equal(r.n, 2);
}

static void test_reset_and_clock(void **st)
{
	struct rate_ring r;
	struct rate_sample s;
	struct rate_reading a = rd(100, 100, 10000, 10000, 1000);
	struct rate_reading same = rd(200, 200, 20000, 20000, 1000);
	struct rate_reading back = rd(5, 100, 500, 10000, 2000);
	struct rate_reading after = rd(7, 101, 700, 10100, 3000);

	(void)st;
	rate_ring_init(&r, 0, 1);
	rate_ring_add(&r, &a);
	/* the clock did not move: counted from this reading, no sample */
	assert_false(rate_ring_add(&r, &same));
	assert_int_equal(r.n, 0);
	/* a counter went backwards: the link was made again */
	assert_false(rate_ring_add(&r, &back));
	assert_int_equal(r.n, 0);
	assert_true(rate_ring_add(&r, &after));
	assert_true(rate_ring_last(&r, &s));
	assert_true(s.rx_pps == 2.0);
	assert_true(s.tx_pps == 1.0);
	assert_true(s.rx_bps == 1600.0);
}

static void test_ring_keeps_60(void **st)
{
	struct rate_ring r;
	struct rate_reading x;
	double v[100];
	size_t n;
	uint64_t p = 0;

	(void)st;
	rate_ring_init(&r, 0, 1);
	x = rd(0, 0, 0, 0, 0);
	rate_ring_add(&r, &x);
	/* sample i (1..100) is i packets/s */
	for (int i = 1; i <= 100; i++) {
		p += (uint64_t)i;
		x = rd(p, 0, 0, 0, (long long)i * 1000);
		assert_true(rate_ring_add(&r, &x));
		if (i == 3) {
			n = rate_ring_values(&r, RATE_RX_PPS, v, 100);
			assert_int_equal(n, 3);
			assert_true(v[0] == 1.0 && v[1] == 2.0 && v[2] == 3.0);
		}
	}
	assert_int_equal(r.n, RATES_HIST);
	n = rate_ring_values(&r, RATE_RX_PPS, v, 100);
	assert_int_equal(n, RATES_HIST);
	for (size_t i = 0; i < n; i++)
		assert_true(v[i] == (double)(41 + i));   /* oldest first */
	/* fewer asked for: the newest */
	n = rate_ring_values(&r, RATE_RX_PPS, v, 5);
	assert_int_equal(n, 5);
	assert_true(v[0] == 96.0 && v[4] == 100.0);
	n = rate_ring_values(&r, RATE_TX_PPS, v, 100);
	assert_true(v[0] == 0.0);
	assert_int_equal(rate_ring_values(NULL, RATE_RX_PPS, v, 100), 0);
}

static void test_set(void **st)
{
	struct rates_set s = { 0 };
	struct rate_ring *a, *b;

	(void)st;
	for (int i = 0; i < 40; i++)
		rates_set_get(&s, 1, i);
	assert_int_equal(s.n, 40);
	a = rates_set_get(&s, 1, 5);
	assert_int_equal(s.n, 40);
	assert_int_equal(a->ifindex, 5);
	a->have_last = true;
	rates_set_prune(&s);            /* all were marked */
	assert_int_equal(s.n, 40);
	rates_set_get(&s, 1, 5);
	rates_set_get(&s, 2, 5);        /* another namespace, same ifindex */
	rates_set_prune(&s);
	assert_int_equal(s.n, 2);
	b = (struct rate_ring *)rates_set_find(&s, 1, 5);
	assert_non_null(b);
	assert_true(b->have_last);      /* kept whole */
	assert_non_null(rates_set_find(&s, 2, 5));
	assert_null(rates_set_find(&s, 1, 6));
	rates_set_prune(&s);            /* none marked since */
	assert_int_equal(s.n, 0);
	rates_set_free(&s);
	assert_null(s.r);
}

static void test_fmt(void **st)
{
	static const struct { double v; const char *want; } t[] = {
		{ 0, "0" }, { -3, "0" }, { 0.4, "0" }, { 0.6, "1" }, { 7, "7" },
		{ 12.4, "12" }, { 999, "999" }, { 999.6, "1.0k" },
		{ 1234, "1.2k" }, { 9949, "9.9k" }, { 9951, "10k" },
		{ 34567, "35k" }, { 999499, "999k" }, { 999500, "1.0M" },
		{ 1.5e6, "1.5M" }, { 2.5e9, "2.5G" }, { 7e12, "7.0T" },
	};
	char b[16];

	(void)st;
	for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
		rate_fmt(t[i].v, b, sizeof b);
		assert_string_equal(b, t[i].want);
		assert_true(strlen(b) <= 5);
	}
	rate_fmt(0.0 / 0.0, b, sizeof b);       /* NaN */
	assert_string_equal(b, "0");
}

static void test_spark(void **st)
{
	double v[] = { 0, 1, 2, 4, 8, 0.01 };
	double z[] = { 0, 0, 0 };
	char b[256];

	(void)st;
	rate_spark(v, 6, true, b, sizeof b);
	assert_string_equal(b, "_..-#.");
	rate_spark(v, 6, false, b, sizeof b);
	assert_string_equal(b, "\u2581\u2582\u2583\u2585\u2588\u2582");
	rate_spark(z, 3, true, b, sizeof b);
	assert_string_equal(b, "___");
	rate_spark(z, 0, false, b, sizeof b);
	assert_string_equal(b, "");
	/* cut to the buffer, whole characters only */
	rate_spark(v, 6, false, b, 8);
	assert_string_equal(b, "\u2581\u2582");
	rate_spark(v, 6, true, b, 4);
	assert_string_equal(b, "_..");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_first_reading_no_sample),
		cmocka_unit_test(test_rates_per_second),
		cmocka_unit_test(test_reset_and_clock),
		cmocka_unit_test(test_ring_keeps_60),
		cmocka_unit_test(test_set),
		cmocka_unit_test(test_fmt),
		cmocka_unit_test(test_spark),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
