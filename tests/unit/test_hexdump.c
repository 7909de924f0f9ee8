/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_hexdump.c - what tcpdump prints around the summary line: the -x,
 * -X and -A dumps (their layout, odd lengths, where the network header
 * starts for each link type) and the -t timestamp forms (borrows,
 * negative deltas, nanoseconds, times tcpdump cannot convert). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "decode/decode.h"
#include "util/sbuf.h"

static char *dump(int kind, bool link, int linktype, const void *p,
                  size_t n)
{
	struct sbuf b = SBUF_INIT;

	decode_dump(&b, kind, link, linktype, p, n);
	sbuf_add(&b, "");
	return b.s;
}

static void test_hex_layout(void **state)
{
	const char *s = "ABCDEFGHIJKLMNOPQ";  /* 17 bytes */
	char *o;

	(void)state;
	o = dump(DECODE_DUMP_HEX, true, DECODE_LINK_RAW, s, 17);
	assert_string_equal(o, "\n\t0x0000:  4142 4344 4546 4748 494a 4b4c 4d4e 4f50"
	                       "\n\t0x0010:  51");
	free(o);
	o = dump(DECODE_DUMP_HEX_ASCII, true, DECODE_LINK_RAW, s, 3);
	assert_string_equal(o, "\n\t0x0000:  4142 43"
	                       "                                  ABC");
	free(o);
	o = dump(DECODE_DUMP_HEX_ASCII, true, DECODE_LINK_RAW, " \x7f~\n", 4);
	assert_string_equal(o, "\n\t0x0000:  207f 7e0a"
	                       "                                ..~.");
	free(o);
	o = dump(DECODE_DUMP_HEX, true, DECODE_LINK_RAW, "", 0);
	assert_string_equal(o, "");
	free(o);
}

static void test_ascii(void **state)
{
	char *o;

	(void)state;
	/* CR before LF dropped, elsewhere '.', in the last two bytes dropped */
	o = dump(DECODE_DUMP_ASCII, true, DECODE_LINK_RAW, "a\r\nb\rc\t \x01z\r", 11);
	assert_string_equal(o, "\na\nb.c\t .z");
	free(o);
	o = dump(DECODE_DUMP_ASCII, true, DECODE_LINK_RAW, "x\ry", 3);
	assert_string_equal(o, "\nxy");
	free(o);
}

static void test_link_hdrlen(void **state)
{
	uint8_t e[64] = { 0 }, sll[40] = { 0 }, sll2[40] = { 0 };

	(void)state;
	e[12] = 0x08;
	assert_int_equal(decode_link_hdrlen(DECODE_LINK_ETHERNET, e, 64), 14);
	assert_int_equal(decode_link_hdrlen(DECODE_LINK_ETHERNET, e, 10), 10);
	e[12] = 0x81;
	e[13] = 0x00;
	e[16] = 0x08;
	assert_int_equal(decode_link_hdrlen(DECODE_LINK_ETHERNET, e, 64), 18);
	assert_int_equal(decode_link_hdrlen(DECODE_LINK_ETHERNET, e, 16), 16);
	/* 802.3: LLC U frame 3, SNAP 8, I frame 4 */
	e[12] = 0;
	e[13] = 40;
	e[14] = 0x42; e[15] = 0x42; e[16] = 0x03;
	assert_int_equal(decode_link_hdrlen(DECODE_LINK_ETHERNET, e, 64), 17);
	e[14] = 0xaa; e[15] = 0xaa;
	assert_int_equal(decode_link_hdrlen(DECODE_LINK_ETHERNET, e, 64), 22);
	/* SNAP counts 8 however much was captured, as in tcpdump */
	assert_int_equal(decode_link_hdrlen(DECODE_LINK_ETHERNET, e, 20), 22);
	e[16] = 0x00;
	assert_int_equal(decode_link_hdrlen(DECODE_LINK_ETHERNET, e, 64), 18);
	assert_int_equal(decode_link_hdrlen(DECODE_LINK_RAW, e, 64), 0);
	sll[15] = 0x00; sll[14] = 0x08;
	assert_int_equal(decode_link_hdrlen(113, sll, 40), 16);
	sll2[0] = 0x08;
	assert_int_equal(decode_link_hdrlen(276, sll2, 40), 20);
	assert_int_equal(decode_link_hdrlen(276, sll2, 19), 19);
	/* the -x dump of a frame that is all header: nothing */
	{
		char *o = dump(DECODE_DUMP_HEX, false, DECODE_LINK_ETHERNET, e, 14);

		assert_string_equal(o, "");
		free(o);
	}
}

/* The decoder says when tcpdump abandons a packet, and the dumps then
 * show the whole frame: an ARP request cut inside its addresses is
 * abandoned, the whole one is not; an IGMP message cut after its type
 * likewise; a UDP header cut short only marks the line. */
static bool abandoned(const uint8_t *p, size_t n)
{
	struct sbuf b = SBUF_INIT;
	struct decode_result r = { true };

	decode_summary_res(&b, NULL, false, NULL, DECODE_LINK_ETHERNET, p, n,
	                   n, &r);
	sbuf_free(&b);
	return r.abandoned;
}

static void test_abandoned(void **state)
{
	static const uint8_t arp[42] = {
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 2, 0, 0, 0, 0, 1, 0x08, 0x06,
		0, 1, 0x08, 0, 6, 4, 0, 1, 2, 0, 0, 0, 0, 1, 10, 0, 0, 1,
		0, 0, 0, 0, 0, 0, 10, 0, 0, 2,
	};
	static const uint8_t igmp[35] = {
		1, 0, 0x5e, 0, 0, 1, 2, 0, 0, 0, 0, 1, 0x08, 0,
		0x45, 0, 0, 21, 0, 0, 0, 0, 1, 2, 0, 0, 10, 0, 0, 1,
		224, 0, 0, 1, 0x11,
	};
	static const uint8_t udp[38] = {
		2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1, 0x08, 0,
		0x45, 0, 0, 28, 0, 0, 0, 0, 64, 17, 0, 0, 10, 0, 0, 1,
		10, 0, 0, 2, 0x9c, 0x40, 0, 53,
	};
	char *o;
	struct sbuf b = SBUF_INIT;

	(void)state;
	assert_false(abandoned(arp, sizeof arp));
	assert_true(abandoned(arp, 30));
	assert_true(abandoned(igmp, sizeof igmp));
	assert_false(abandoned(udp, sizeof udp));
	/* decode_summary_opts is decode_summary_res without the result */
	decode_summary_opts(&b, NULL, false, NULL, DECODE_LINK_ETHERNET, arp,
	                    30, 30);
	assert_string_equal(b.s, " [|arp]");
	sbuf_free(&b);
	/* abandoned: the link-level header is dumped too */
	{
		struct sbuf d = SBUF_INIT;

		decode_dump_after(&d, DECODE_DUMP_HEX, false, DECODE_LINK_ETHERNET,
		                  arp, 16, true);
		sbuf_add(&d, "");
		assert_string_equal(d.s, "\n\t0x0000:  ffff ffff ffff 0200 0000 "
		                         "0001 0806 0001");
		sbuf_free(&d);
	}
	o = dump(DECODE_DUMP_HEX, false, DECODE_LINK_ETHERNET, arp, 16);
	assert_string_equal(o, "\n\t0x0000:  0001");
	free(o);
}

static char *ts(int form, bool nano, int64_t s, long f, int64_t rs, long rf)
{
	struct sbuf b = SBUF_INIT;

	decode_timestamp_form(&b, form, nano, s, f, rs, rf);
	sbuf_add(&b, "");
	return b.s;
}

static void test_timestamps(void **state)
{
	struct { int form; bool nano; int64_t s; long f; int64_t rs; long rf;
	         const char *want; } c[] = {
		{ DECODE_TS_DEFAULT, false, 3661, 5, 0, 0, "01:01:01.000005 " },
		{ DECODE_TS_NONE, false, 3661, 5, 0, 0, "" },
		{ DECODE_TS_EPOCH, false, 1795911923, 135484, 0, 0,
		  "1795911923.135484 " },
		{ DECODE_TS_EPOCH, true, 7, 5, 0, 0, "7.000000005 " },
		{ DECODE_TS_EPOCH, false, 2147483648LL, 0, 0, 0,
		  "[Error converting time] " },
		{ DECODE_TS_DATE, false, 86400 + 59, 999999, 0, 0,
		  "1970-01-02 00:00:59.999999 " },
		{ DECODE_TS_DELTA, false, 2, 100, 1, 999999, " 00:00:00.000101 " },
		{ DECODE_TS_DELTA, false, 1, 400000, 1, 500000, "-00:00:00.100000 " },
		{ DECODE_TS_DELTA, true, 2, 1, 1, 999999999, " 00:00:00.000000002 " },
		{ DECODE_TS_SINCE_FIRST, false, 90061, 0, 0, 0, " 01:01:01.000000 " },
		{ DECODE_TS_SINCE_FIRST, false, 0, 0, 2147483649LL, 0,
		  "-[Error converting time] " },
	};

	(void)state;
	for (size_t i = 0; i < sizeof c / sizeof *c; i++) {
		char *o = ts(c[i].form, c[i].nano, c[i].s, c[i].f, c[i].rs, c[i].rf);

		assert_string_equal(o, c[i].want);
		free(o);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hex_layout),
		cmocka_unit_test(test_ascii),
		cmocka_unit_test(test_link_hdrlen),
		cmocka_unit_test(test_abandoned),
		cmocka_unit_test(test_timestamps),
	};

	setenv("TZ", "UTC", 1);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
