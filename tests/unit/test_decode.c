/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_decode.c - the decoder: hand-built packets, and real captures
 * (the .pcap files in tests/data) decoded line for line as tcpdump -n printed them
 * (the .txt beside each, made by tcpdump 4.99 with TZ=UTC). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "decode/decode.h"
#include "decode/cursor.h"
#include "decode/priv.h"
#include "util/sbuf.h"

#ifndef TEST_DATADIR
#define TEST_DATADIR "tests/data"
#endif

/* ---- building packets by hand ---------------------------------------- */

struct pk {
	uint8_t b[2048];
	size_t n;
};

static void put(struct pk *p, const void *d, size_t n)
{
	memcpy(p->b + p->n, d, n);
	p->n += n;
}

static void put8(struct pk *p, unsigned v) { p->b[p->n++] = (uint8_t)v; }
static void put16(struct pk *p, unsigned v) { put8(p, v >> 8); put8(p, v); }
static void put32(struct pk *p, uint32_t v)
{
	put16(p, v >> 16);
	put16(p, v & 0xffff);
}

static const uint8_t MAC1[6] = { 2, 0, 0, 0, 1, 0 };
static const uint8_t MAC2[6] = { 2, 0, 0, 0, 2, 0 };

static void eth(struct pk *p, unsigned type)
{
	p->n = 0;
	put(p, MAC2, 6);
	put(p, MAC1, 6);
	put16(p, type);
}

/* IPv4 header; total length fixed up by ip4_done */
static size_t ip4(struct pk *p, const char *src, const char *dst,
                  unsigned proto)
{
	size_t at = p->n;
	unsigned a, b, c, d;

	put8(p, 0x45); put8(p, 0); put16(p, 0); put16(p, 1); put16(p, 0x4000);
	put8(p, 64); put8(p, proto); put16(p, 0);
	sscanf(src, "%u.%u.%u.%u", &a, &b, &c, &d);
	put8(p, a); put8(p, b); put8(p, c); put8(p, d);
	sscanf(dst, "%u.%u.%u.%u", &a, &b, &c, &d);
	put8(p, a); put8(p, b); put8(p, c); put8(p, d);
	return at;
}

static void ip4_done(struct pk *p, size_t at)
{
	size_t tot = p->n - at;

	p->b[at + 2] = (uint8_t)(tot >> 8);
	p->b[at + 3] = (uint8_t)tot;
}

static void tcp(struct pk *p, unsigned sp, unsigned dp, uint32_t seq,
                uint32_t ack, unsigned flags, unsigned win,
                const char *data)
{
	put16(p, sp); put16(p, dp); put32(p, seq); put32(p, ack);
	put8(p, 5 << 4); put8(p, flags); put16(p, win); put16(p, 0);
	put16(p, 0);
	if (data)
		put(p, data, strlen(data));
}

/* The summary with a fresh or given state; the caller frees. */
static char *summary(struct decode_state *st, bool update, const uint8_t *b,
                     size_t caplen, size_t len)
{
	struct sbuf out = SBUF_INIT;
	/* an exactly-sized copy: a read past caplen is a sanitizer error */
	uint8_t *copy = malloc(caplen ? caplen : 1);

	memcpy(copy, b, caplen);
	decode_summary(&out, st, update, DECODE_LINK_ETHERNET, copy, caplen,
	               len);
	free(copy);
	return out.s;
}

#define ASSERT_SUMMARY(st, p, want) do { \
	char *got_ = summary((st), true, (p)->b, (p)->n, (p)->n); \
	assert_string_equal(got_, (want)); \
	free(got_); \
} while (0)

/* ---- hand-built packets ------------------------------------------------ */

static void test_icmp_echo(void **state)
{
	struct pk p;
	size_t ip;

	(void)state;
	eth(&p, 0x0800);
	ip = ip4(&p, "10.0.1.0", "10.0.2.0", 1);
	put8(&p, 8); put8(&p, 0); put16(&p, 0); put16(&p, 9557); put16(&p, 16);
	for (int i = 0; i < 56; i++)
		put8(&p, i);
	ip4_done(&p, ip);
	/* the tutorial's line */
	ASSERT_SUMMARY(NULL, &p,
	    "IP 10.0.1.0 > 10.0.2.0: ICMP echo request, id 9557, seq 16, length 64");
	p.b[ip + 20] = 0;
	ASSERT_SUMMARY(NULL, &p,
	    "IP 10.0.1.0 > 10.0.2.0: ICMP echo reply, id 9557, seq 16, length 64");
}

static void test_icmp_unreachable(void **state)
{
	struct pk p;
	size_t ip, in;

	(void)state;
	eth(&p, 0x0800);
	ip = ip4(&p, "10.0.2.0", "10.0.1.0", 1);
	put8(&p, 3); put8(&p, 1); put16(&p, 0); put32(&p, 0);
	in = ip4(&p, "10.0.1.0", "10.0.3.5", 1);
	put8(&p, 8); put8(&p, 0); put16(&p, 0); put16(&p, 1); put16(&p, 1);
	ip4_done(&p, in);
	ip4_done(&p, ip);
	ASSERT_SUMMARY(NULL, &p,
	    "IP 10.0.2.0 > 10.0.1.0: ICMP host 10.0.3.5 unreachable, length 36");
	p.b[ip + 21] = 4;      /* need to frag, mtu 1400 */
	p.b[ip + 26] = 1400 >> 8;
	p.b[ip + 27] = 1400 & 0xff;
	ASSERT_SUMMARY(NULL, &p, "IP 10.0.2.0 > 10.0.1.0: ICMP 10.0.3.5 "
	               "unreachable - need to frag (mtu 1400), length 36");
}

static void test_arp(void **state)
{
	struct pk p;

	(void)state;
	eth(&p, 0x0806);
	put16(&p, 1); put16(&p, 0x0800); put8(&p, 6); put8(&p, 4); put16(&p, 1);
	put(&p, MAC1, 6); put32(&p, 0x0a000100);
	put(&p, "\0\0\0\0\0\0", 6); put32(&p, 0x0a000200);
	ASSERT_SUMMARY(NULL, &p,
	    "ARP, Request who-has 10.0.2.0 tell 10.0.1.0, length 28");
	p.b[21] = 2;
	memcpy(p.b + 22, MAC2, 6);
	p.b[31] = 0;           /* spa 10.0.2.0 */
	p.b[30] = 2;
	ASSERT_SUMMARY(NULL, &p,
	    "ARP, Reply 10.0.2.0 is-at 02:00:00:00:02:00, length 28");
}

static void test_tcp_relative(void **state)
{
	struct decode_state *st = decode_state_new();
	struct pk p;
	size_t ip;
	char *s;

	(void)state;
	eth(&p, 0x0800);
	ip = ip4(&p, "10.0.1.0", "10.0.2.0", 6);
	tcp(&p, 40000, 4078, 1000, 0, 0x02, 64240, NULL);
	ip4_done(&p, ip);
	ASSERT_SUMMARY(st, &p, "IP 10.0.1.0.40000 > 10.0.2.0.4078: Flags [S], "
	               "seq 1000, win 64240, length 0");
	eth(&p, 0x0800);
	ip = ip4(&p, "10.0.2.0", "10.0.1.0", 6);
	tcp(&p, 4078, 40000, 5000, 1001, 0x12, 65160, NULL);
	ip4_done(&p, ip);
	ASSERT_SUMMARY(st, &p, "IP 10.0.2.0.4078 > 10.0.1.0.40000: Flags [S.], "
	               "seq 5000, ack 1001, win 65160, length 0");
	eth(&p, 0x0800);
	ip = ip4(&p, "10.0.1.0", "10.0.2.0", 6);
	tcp(&p, 40000, 4078, 1001, 5001, 0x18, 502, "hello\n");
	ip4_done(&p, ip);
	ASSERT_SUMMARY(st, &p, "IP 10.0.1.0.40000 > 10.0.2.0.4078: Flags [P.], "
	               "seq 1:7, ack 1, win 502, length 6");
	/* without memory: absolute numbers */
	s = summary(NULL, true, p.b, p.n, p.n);
	assert_string_equal(s, "IP 10.0.1.0.40000 > 10.0.2.0.4078: Flags [P.], "
	                    "seq 1001:1007, ack 5001, win 502, length 6");
	free(s);
	eth(&p, 0x0800);
	ip = ip4(&p, "10.0.2.0", "10.0.1.0", 6);
	tcp(&p, 4078, 40000, 5001, 1007, 0x11, 509, NULL);
	ip4_done(&p, ip);
	ASSERT_SUMMARY(st, &p, "IP 10.0.2.0.4078 > 10.0.1.0.40000: Flags [F.], "
	               "seq 1, ack 7, win 509, length 0");
	/* a new SYN restarts the numbering; a look without update does not */
	eth(&p, 0x0800);
	ip = ip4(&p, "10.0.2.0", "10.0.1.0", 6);
	tcp(&p, 4078, 40000, 9000, 2000, 0x12, 509, NULL);
	ip4_done(&p, ip);
	s = summary(st, false, p.b, p.n, p.n);
	assert_string_equal(s, "IP 10.0.2.0.4078 > 10.0.1.0.40000: Flags [S.], "
	                    "seq 9000, ack 2000, win 509, length 0");
	free(s);
	eth(&p, 0x0800);
	ip = ip4(&p, "10.0.1.0", "10.0.2.0", 6);
	tcp(&p, 40000, 4078, 1007, 5002, 0x10, 502, NULL);
	ip4_done(&p, ip);
	ASSERT_SUMMARY(st, &p, "IP 10.0.1.0.40000 > 10.0.2.0.4078: Flags [.], "
	               "ack 2, win 502, length 0");
	/* decode_track keeps the same memory without text */
	eth(&p, 0x0800);
	ip = ip4(&p, "10.0.2.0", "10.0.1.0", 6);
	tcp(&p, 4078, 40000, 7000, 1008, 0x12, 509, NULL);
	ip4_done(&p, ip);
	decode_track(st, DECODE_LINK_ETHERNET, p.b, p.n, p.n);
	eth(&p, 0x0800);
	ip = ip4(&p, "10.0.2.0", "10.0.1.0", 6);
	tcp(&p, 4078, 40000, 7001, 1008, 0x10, 509, NULL);
	ip4_done(&p, ip);
	ASSERT_SUMMARY(st, &p, "IP 10.0.2.0.4078 > 10.0.1.0.40000: Flags [.], "
	               "ack 1, win 509, length 0");
	decode_state_free(st);
}

static void test_udp(void **state)
{
	struct pk p;
	size_t ip;

	(void)state;
	eth(&p, 0x0800);
	ip = ip4(&p, "10.0.1.0", "10.0.2.0", 17);
	put16(&p, 40000); put16(&p, 4078); put16(&p, 14); put16(&p, 0);
	put(&p, "hello\n", 6);
	ip4_done(&p, ip);
	ASSERT_SUMMARY(NULL, &p,
	    "IP 10.0.1.0.40000 > 10.0.2.0.4078: UDP, length 6");
	p.b[ip + 25] = 100;    /* the UDP length lies */
	ASSERT_SUMMARY(NULL, &p,
	    "IP 10.0.1.0.40000 > 10.0.2.0.4078: UDP, bad length 92 > 6");
}

static void test_vlan(void **state)
{
	struct pk p;
	size_t ip;

	(void)state;
	eth(&p, 0x8100);
	put16(&p, 100); put16(&p, 0x0800);
	ip = ip4(&p, "10.0.100.1", "10.0.100.2", 1);
	put8(&p, 8); put8(&p, 0); put16(&p, 0); put16(&p, 7); put16(&p, 1);
	ip4_done(&p, ip);
	ASSERT_SUMMARY(NULL, &p, "IP 10.0.100.1 > 10.0.100.2: ICMP echo request, "
	               "id 7, seq 1, length 8");
	p.n = 15;
	ASSERT_SUMMARY(NULL, &p, " [|vlan]");
}

static void test_ipv6_ns_with_hbh(void **state)
{
	static const uint8_t src[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 1 };
	static const uint8_t dst[16] = { 0xff, 0x02, [11] = 1, [12] = 0xff,
	                                 [15] = 2 };
	static const uint8_t tgt[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 2 };
	struct pk p;
	char *s;

	(void)state;
	eth(&p, 0x86dd);
	put32(&p, 0x60000000); put16(&p, 8 + 24); put8(&p, 0); put8(&p, 255);
	put(&p, src, 16); put(&p, dst, 16);
	/* hop-by-hop: next 58, len 0, PadN */
	put8(&p, 58); put8(&p, 0); put8(&p, 1); put8(&p, 4); put32(&p, 0);
	put8(&p, 135); put8(&p, 0); put16(&p, 0); put32(&p, 0); put(&p, tgt, 16);
	ASSERT_SUMMARY(NULL, &p, "IP6 2001:db8::1 > ff02::1:ff00:2: HBH ICMP6, "
	               "neighbor solicitation, who has 2001:db8::2, length 24");
	/* the hop-by-hop header cut by the snapshot length */
	s = summary(NULL, true, p.b, 14 + 40 + 4, p.n);
	assert_string_equal(s, "IP6 2001:db8::1 > ff02::1:ff00:2:  [|hbhopt]");
	free(s);
}

static void test_truncated_everywhere(void **state)
{
	struct decode_state *st = decode_state_new();
	struct pk p;
	size_t ip;
	char *s;

	(void)state;
	eth(&p, 0x0800);
	ip = ip4(&p, "10.0.1.0", "10.0.2.0", 6);
	tcp(&p, 40000, 4078, 1, 1, 0x18, 5, "data");
	ip4_done(&p, ip);
	/* every cut: no crash, no read past caplen (copies are exact) */
	for (size_t cut = 0; cut <= p.n; cut++) {
		s = summary(st, true, p.b, cut, p.n);
		assert_non_null(s);
		free(s);
	}
	s = summary(NULL, true, p.b, 10, p.n);
	assert_string_equal(s, " [|ether]");
	free(s);
	s = summary(NULL, true, p.b, 20, p.n);
	assert_string_equal(s, "IP  [|ip]");
	free(s);
	s = summary(NULL, true, p.b, 36, p.n);
	assert_string_equal(s, "IP 10.0.1.0 > 10.0.2.0: [|tcp]");
	free(s);
	s = summary(NULL, true, p.b, 40, p.n);
	assert_string_equal(s, "IP 10.0.1.0.40000 > 10.0.2.0.4078:  [|tcp]");
	free(s);
	/* the wire had less than the IP header says */
	s = summary(NULL, true, p.b, p.n - 4, p.n - 4);
	/* (tcpdump takes the TCP length from the IP header) */
	assert_string_equal(s, "IP truncated-ip - 4 bytes missing! 10.0.1.0.40000"
	                    " > 10.0.2.0.4078: Flags [P.], seq 1:5, ack 1, win 5,"
	                    " length 4");
	free(s);
	decode_state_free(st);
}

static void test_generic_and_links(void **state)
{
	struct pk p;
	struct sbuf out = SBUF_INIT;

	(void)state;
	eth(&p, 0x1234);
	put32(&p, 0xdeadbeef);
	ASSERT_SUMMARY(NULL, &p, "02:00:00:00:01:00 > 02:00:00:00:02:00, "
	               "ethertype Unknown (0x1234), length 18: \n"
	               "\t0x0000:  dead beef                                ....");
	assert_true(decode_link_supported(DECODE_LINK_ETHERNET));
	assert_true(decode_link_supported(DECODE_LINK_RAW));
	assert_true(decode_link_supported(DECODE_LINK_LINUX_SLL));
	assert_true(decode_link_supported(DECODE_LINK_LINUX_SLL2));
	assert_false(decode_link_supported(105));
	decode_summary(&out, NULL, false, 105, p.b, p.n, p.n);
	assert_string_equal(sbuf_str(&out), "link type 105, length 18");
	sbuf_free(&out);
}

static void test_detail_and_hex(void **state)
{
	struct pk p;
	size_t ip;
	struct sbuf out = SBUF_INIT;

	(void)state;
	eth(&p, 0x0800);
	ip = ip4(&p, "10.0.1.0", "10.0.2.0", 6);
	tcp(&p, 40000, 4078, 1, 2, 0x12, 5, "hi");
	ip4_done(&p, ip);
	decode_detail(&out, DECODE_LINK_ETHERNET, p.b, p.n, p.n);
	assert_non_null(strstr(sbuf_str(&out), "Ethernet\n  destination: "
	                       "02:00:00:00:02:00\n  source: 02:00:00:00:01:00\n"));
	assert_non_null(strstr(sbuf_str(&out), "  ttl: 64\n"));
	assert_non_null(strstr(sbuf_str(&out), "  flags: 0x2 DF\n"));
	assert_non_null(strstr(sbuf_str(&out), "  protocol: 6 (TCP)\n"));
	assert_non_null(strstr(sbuf_str(&out), "  flags: 0x012 SYN ACK\n"));
	assert_non_null(strstr(sbuf_str(&out), "Payload: 2 bytes (2 captured)\n"));
	sbuf_reset(&out);
	decode_detail(&out, DECODE_LINK_ETHERNET, p.b, 30, p.n);
	assert_non_null(strstr(sbuf_str(&out),
	                       "IPv4: truncated (16 of 20 bytes captured)"));
	sbuf_reset(&out);
	decode_hex(&out, (const uint8_t *)"ABCDEFGHIJKLMNOPQR\n", 19);
	assert_string_equal(sbuf_str(&out),
	    "0000  41 42 43 44 45 46 47 48  49 4a 4b 4c 4d 4e 4f 50  ABCDEFGHIJKLMNOP\n"
	    "0010  51 52 0a                                          QR.\n");
	sbuf_free(&out);
}

/* ---- decoders called alone -------------------------------------------- */

/* DNS over TCP (d_dns_tcp: what tcp.c would print after ", length N" on
 * port 53), against tcpdump's text for the same segments. */
static void test_dns_tcp(void **s)
{
	static const uint8_t m[] =
		"\x00\x3d\x12\x34\x81\x80\x00\x01\x00\x02\x00\x00\x00\x00\x07\x65"
		"\x78\x61\x6d\x70\x6c\x65\x03\x63\x6f\x6d\x00\x00\x01\x00\x01\xc0"
		"\x0c\x00\x01\x00\x01\x00\x00\x01\x2c\x00\x04\x0a\x00\x00\x01\xc0"
		"\x0c\x00\x01\x00\x01\x00\x00\x01\x2c\x00\x04\x0a\x00\x00\x02";
	static const struct {
		size_t cap, len;
		int v;
		const char *want;
	} t[] = {
		{ 63, 63, 0, " 4660 2/0/0 A 10.0.0.1, A 10.0.0.2 (61)" },
		{ 63, 63, 2, " 4660 q: A? example.com. 2/0/0 example.com. A "
		             "10.0.0.1, example.com. A 10.0.0.2 (61)" },
		{ 63, 68, 0, " [prefix length(61) != length(66)] (invalid)" },
		{ 1, 1, 0, " [DNS over TCP: length 1 < 2] (invalid)" },
		{ 1, 63, 0, " [|domain]" },
		{ 40, 63, 0, " 4660 2/0/0 [|domain]" },
		{ 60, 63, 0, " 4660 2/0/0 A 10.0.0.1, A [|domain]" },
	};

	(void)s;
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		struct sbuf out = SBUF_INIT;
		struct dctx c = { &out, NULL, false, t[i].v, false, false, false };

		assert_true(d_dns_tcp(&c, m, t[i].cap, t[i].len));
		assert_string_equal(sbuf_str(&out), t[i].want);
		sbuf_free(&out);
	}
}

/* VXLAN in VXLAN 100 deep (fuzz/regress/decode): the frames of 32
 * levels decoded, as tcpdump would; the 33rd header printed, and the
 * truncation mark instead of the frame in it */
static void test_overlay_nesting_bound(void **s)
{
	char path[512];
	uint8_t buf[8192];
	size_t n, count = 0;
	struct sbuf out = SBUF_INIT;
	const char *q;
	FILE *f;

	(void)s;
	snprintf(path, sizeof path,
	         "%s/../../fuzz/regress/decode/vxlan-nested-100", TEST_DATADIR);
	f = fopen(path, "rb");
	assert_non_null(f);
	n = fread(buf, 1, sizeof buf, f);
	fclose(f);
	assert_true(n > 1000);
	/* the first byte is the fuzz target's flags: Ethernet follows */
	decode_summary(&out, NULL, false, DECODE_LINK_ETHERNET, buf + 1, n - 1,
	               n - 1);
	for (q = sbuf_str(&out); (q = strstr(q, "VXLAN, flags")); q++)
		count++;
	assert_int_equal(count, 33);
	q = strrchr(sbuf_str(&out), '\n');
	assert_non_null(q);
	assert_string_equal(q, "\n [|vxlan]");
	sbuf_free(&out);
}

static void test_llc_not_ours(void **s)
{
	static const char *const frames[] = {
		"e0e003ffff001e0000",               /* IPX over 802.2 */
		"ffff001e00000000",                 /* raw 802.3 IPX */
		"fefe03831b0100",                   /* OSI (IS-IS) */
		"aaaa0300000c2000020000000001",     /* CDP */
		"aaaa0300000c2003",                 /* VTP */
		"aaaa030000008847",                 /* MPLS in SNAP */
		"aaaa030080c20009",                 /* bridged Token Ring */
	};
	struct decode_opts o = { 0, false, false, false };

	(void)s;
	for (size_t i = 0; i < sizeof frames / sizeof frames[0]; i++) {
		uint8_t b[64] = { 2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1 };
		size_t n = strlen(frames[i]) / 2;
		struct sbuf out = SBUF_INIT;

		for (size_t j = 0; j < n; j++)
			sscanf(frames[i] + 2 * j, "%2hhx", &b[14 + j]);
		b[13] = (uint8_t)n;
		for (int e = 0; e < 2; e++) {
			struct dctx c = { &out, NULL, false, 0, e == 1, false, false };

			assert_false(d_llc(&c, b, b + 14, n, n));
			assert_null(out.s);
		}
		decode_summary_opts(&out, NULL, false, &o, DECODE_LINK_ETHERNET,
		                    b, 14 + n, 14 + n);
		assert_non_null(strstr(sbuf_str(&out), ", 802.3, length "));
		sbuf_free(&out);
	}
}

/* d_tcp_opts with the segment's length: an MD5 signature whose segment
 * was captured whole, and cut (tcpdump: "snaplen too short, "); an MPTCP
 * option, then an early eol (what tcpdump names a header cut short after
 * it: "[|mptcp]").  Text from tcpdump 4.99.3 on the same segments. */
static void test_tcpopt_segment(void **s)
{
	static const uint8_t md5[] = {
		0x9c, 0x41, 0x0f, 0xee, 0x00, 0x00, 0x03, 0xe8, 0x00, 0x00,
		0x00, 0x01, 0xa0, 0x18, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00,
		0x01, 0x01, 0x13, 0x12, 0xa0, 0xa1, 0xa2, 0xa3, 0xa4, 0xa5,
		0xa6, 0xa7, 0xa8, 0xa9, 0xaa, 0xab, 0xac, 0xad, 0xae, 0xaf,
		'h', 'e', 'l', 'l', 'o',
	};
	static const uint8_t mptcp[] = {
		0x9c, 0x42, 0x0f, 0xee, 0x00, 0x00, 0x03, 0xe8, 0x00, 0x00,
		0x00, 0x01, 0xa0, 0x18, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00,
		0x1e, 0x08, 0x20, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01,
		0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01,
		'h', 'e', 'l', 'l', 'o',
	};
	static const struct {
		const uint8_t *seg;
		size_t cap, len;
		const char *text, *mark;
	} t[] = {
		{ md5, sizeof md5, sizeof md5,
		  "nop,nop,md5 shared secret not supplied with -M, can't check - "
		  "a0a1a2a3a4a5a6a7a8a9aaabacadaeaf", "tcp" },
		{ md5, sizeof md5 - 2, sizeof md5,
		  "nop,nop,md5 snaplen too short, can't check - "
		  "a0a1a2a3a4a5a6a7a8a9aaabacadaeaf", "tcp" },
		{ mptcp, 36, sizeof mptcp, "mptcp 8 dss ack 1,eol", "mptcp" },
	};

	(void)s;
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		struct sbuf out = SBUF_INIT;
		struct dctx c = { .out = &out };
		struct dcur k = dc_make(t[i].seg, t[i].cap, t[i].len);
		const char *mark = NULL;

		assert_true(d_tcp_opts(&c, &k, 40, 0, &mark));
		assert_string_equal(sbuf_str(&out), t[i].text);
		assert_string_equal(mark, t[i].mark);
		sbuf_free(&out);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_icmp_echo),
		cmocka_unit_test(test_icmp_unreachable),
		cmocka_unit_test(test_arp),
		cmocka_unit_test(test_tcp_relative),
		cmocka_unit_test(test_udp),
		cmocka_unit_test(test_vlan),
		cmocka_unit_test(test_ipv6_ns_with_hbh),
		cmocka_unit_test(test_truncated_everywhere),
		cmocka_unit_test(test_generic_and_links),
		cmocka_unit_test(test_detail_and_hex),
		cmocka_unit_test(test_dns_tcp),
		cmocka_unit_test(test_overlay_nesting_bound),
		cmocka_unit_test(test_llc_not_ours),
		cmocka_unit_test(test_tcpopt_segment),
	};

	/* the expected text was made with TZ=UTC */
	setenv("TZ", "UTC", 1);
	tzset();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
