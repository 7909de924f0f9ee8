/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_echo.c - the echo servers' pure text: the tutorial's timestamps and
 * log lines, Go-style trimming and quoting of any bytes at all, and the
 * words for how a server ended. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>

#include "echo/echo.h"
#include "util/sbuf.h"

/* 2020-06-10 11:06:50, the tutorial's moment */
static struct tm tutorial_tm(void)
{
	struct tm tm;

	memset(&tm, 0, sizeof tm);
	tm.tm_year = 2020 - 1900;
	tm.tm_mon = 5;
	tm.tm_mday = 10;
	tm.tm_hour = 11;
	tm.tm_min = 6;
	tm.tm_sec = 50;
	return tm;
}

static void test_prefixes(void **state)
{
	struct tm tm = tutorial_tm();
	char log[ECHO_LOG_PREFIX_LEN + 1], reply[ECHO_REPLY_PREFIX_LEN + 1];

	(void)state;
	memset(log, 'x', sizeof log);
	memset(reply, 'x', sizeof reply);
	echo_log_prefix(&tm, log);
	echo_reply_prefix(&tm, reply);
	assert_string_equal(log, "2020/06/10 11:06:50 ");
	assert_string_equal(reply, "[2020-06-10 11:06:50] ");
	assert_int_equal(strlen(log), ECHO_LOG_PREFIX_LEN);
	assert_int_equal(strlen(reply), ECHO_REPLY_PREFIX_LEN);

	/* single digits padded, the ends of the ranges */
	tm.tm_year = 1999 - 1900;
	tm.tm_mon = 0;
	tm.tm_mday = 1;
	tm.tm_hour = 0;
	tm.tm_min = 0;
	tm.tm_sec = 0;
	echo_log_prefix(&tm, log);
	assert_string_equal(log, "1999/01/01 00:00:00 ");
	tm.tm_year = 9999 - 1900;
	tm.tm_mon = 11;
	tm.tm_mday = 31;
	tm.tm_hour = 23;
	tm.tm_min = 59;
	tm.tm_sec = 60;   /* a leap second, as localtime may give */
	echo_reply_prefix(&tm, reply);
	assert_string_equal(reply, "[9999-12-31 23:59:60] ");
}

static char *received(const char *p, size_t n)
{
	struct sbuf b = SBUF_INIT;
	char *s;

	echo_fmt_received(&b, (const uint8_t *)p, n);
	s = strdup(sbuf_str(&b));
	sbuf_free(&b);
	return s;
}

static void check_received(const char *p, size_t n, const char *want)
{
	char *got = received(p, n);

	if (strcmp(got, want))
		fail_msg("received line '%s', expected '%s'", got, want);
	free(got);
}

/* The tutorial's line, and what the Go server logs for other input. */
static void test_received(void **state)
{
	(void)state;
	check_received("hello\n", 6, "received: \"hello\" (size_bytes=6)");
	check_received("  hello world \r\n", 16,
	               "received: \"hello world\" (size_bytes=16)");
	check_received("\n", 1, "received: \"\" (size_bytes=1)");
	check_received("say \"hi\"\\\n", 10,
	               "received: \"say \\\"hi\\\"\\\\\" (size_bytes=10)");
	check_received("a\0b", 3, "received: \"a\\x00b\" (size_bytes=3)");
	check_received("tab\there\n", 9, "received: \"tab\\there\" (size_bytes=9)");
}

/* A long message logs its first ECHO_LOG_PAYLOAD_MAX bytes and how many
 * were left out, never cutting a UTF-8 character in two. */
static void test_received_capped(void **state)
{
	char msg[70000], want[1024];
	char *got;

	(void)state;
	memset(msg, 'a', sizeof msg);
	msg[sizeof msg - 1] = '\n';
	got = received(msg, sizeof msg);
	snprintf(want, sizeof want, "received: \"%.*s\" (+%d bytes) "
	         "(size_bytes=%zu)", ECHO_LOG_PAYLOAD_MAX, msg,
	         (int)(sizeof msg - 1 - ECHO_LOG_PAYLOAD_MAX), sizeof msg);
	assert_string_equal(got, want);
	free(got);
	/* exactly the cap: nothing left out */
	got = received(msg, ECHO_LOG_PAYLOAD_MAX);
	assert_null(strstr(got, "(+"));
	free(got);
	/* a 2-byte character across the cap is left out whole */
	msg[ECHO_LOG_PAYLOAD_MAX - 1] = (char)0xc3;
	msg[ECHO_LOG_PAYLOAD_MAX] = (char)0xa9;
	got = received(msg, 1000);
	snprintf(want, sizeof want, "received: \"%.*s\" (+%d bytes) "
	         "(size_bytes=1000)", ECHO_LOG_PAYLOAD_MAX - 1, msg,
	         1000 - (ECHO_LOG_PAYLOAD_MAX - 1));
	assert_string_equal(got, want);
	free(got);
	/* bytes that are not UTF-8 are cut at the cap */
	memset(msg, 0x80, 1000);
	got = received(msg, 1000);
	assert_non_null(strstr(got, " (+744 bytes) (size_bytes=1000)"));
	free(got);
}

static char *quoted(const void *p, size_t n)
{
	struct sbuf b = SBUF_INIT;
	char *s;

	echo_quote(&b, p, n);
	s = strdup(sbuf_str(&b));
	sbuf_free(&b);
	return s;
}

static void check_quote(const char *in, size_t n, const char *want)
{
	char *got = quoted(in, n);

	if (strcmp(got, want))
		fail_msg("quote of %zu bytes: '%s', expected '%s'", n, got, want);
	free(got);
}

#define CQ(lit, want) check_quote(lit, sizeof lit - 1, want)

/* Go's strconv.Quote, case by case. */
static void test_quote(void **state)
{
	(void)state;
	CQ("", "\"\"");
	CQ("hello", "\"hello\"");
	CQ("\a\b\f\n\r\t\v", "\"\\a\\b\\f\\n\\r\\t\\v\"");
	CQ("\x00\x01\x1b\x1f\x7f", "\"\\x00\\x01\\x1b\\x1f\\x7f\"");
	CQ("\"\\", "\"\\\"\\\\\"");
	CQ("'", "\"'\"");
	/* an escape sequence that would clear the screen */
	CQ("\x1b[2J\x1b]0;owned\a", "\"\\x1b[2J\\x1b]0;owned\\a\"");
	/* valid UTF-8 shown as it is */
	CQ("h\xc3\xa9llo", "\"h\xc3\xa9llo\"");
	CQ("\xe6\x97\xa5\xe6\x9c\xac", "\"\xe6\x97\xa5\xe6\x9c\xac\"");
	CQ("\xf0\x9f\x98\x80", "\"\xf0\x9f\x98\x80\"");      /* U+1F600 */
	CQ("e\xcc\x81", "\"e\xcc\x81\"");                    /* combining */
	/* not UTF-8: each byte as \xNN */
	CQ("\xff\xfe", "\"\\xff\\xfe\"");
	CQ("\xc3", "\"\\xc3\"");                               /* cut short */
	CQ("\xc3(", "\"\\xc3(\"");
	CQ("\xc0\xaf", "\"\\xc0\\xaf\"");                      /* overlong */
	CQ("\xe0\x80\xaf", "\"\\xe0\\x80\\xaf\"");
	CQ("\xed\xa0\x80", "\"\\xed\\xa0\\x80\"");             /* surrogate */
	CQ("\xf4\x90\x80\x80", "\"\\xf4\\x90\\x80\\x80\"");    /* > U+10FFFF */
	CQ("\x80", "\"\\x80\"");
	/* valid but invisible or unsafe: \u, \U */
	CQ("\xc2\x85", "\"\\u0085\"");                         /* NEL (C1) */
	CQ("\xc2\x9b", "\"\\u009b\"");                         /* CSI (C1) */
	CQ("\xc2\xa0", "\"\\u00a0\"");                         /* NBSP */
	CQ("\xc2\xad", "\"\\u00ad\"");                         /* soft hyphen */
	CQ("\xe2\x80\x8b", "\"\\u200b\"");                     /* zero width */
	CQ("\xe2\x80\xae", "\"\\u202e\"");                     /* RLO */
	CQ("\xe2\x81\xa6", "\"\\u2066\"");                     /* LRI */
	CQ("\xe2\x80\xa8", "\"\\u2028\"");                     /* line sep */
	CQ("\xe3\x80\x80", "\"\\u3000\"");                     /* ideogr. sp */
	CQ("\xef\xbb\xbf", "\"\\ufeff\"");                     /* BOM */
	CQ("\xee\x80\x80", "\"\\ue000\"");                     /* private */
	CQ("\xef\xbf\xbf", "\"\\uffff\"");                     /* nonchar */
	CQ("\xef\xb7\x90", "\"\\ufdd0\"");                     /* nonchar */
	CQ("\xf3\xa0\x80\x81", "\"\\U000e0001\"");             /* tag */
	CQ("\xf4\x8f\xbf\xbd", "\"\\U0010fffd\"");             /* private */
	CQ("\xf0\x9f\xbf\xbe", "\"\\U0001fffe\"");             /* nonchar */
	/* the replacement character is a character like any other */
	CQ("\xef\xbf\xbd", "\"\xef\xbf\xbd\"");
}

static void test_trim(void **state)
{
	static const struct { const char *in; size_t n; size_t start, len; } t[] = {
		{ "", 0, 0, 0 },
		{ "   ", 3, 3, 0 },
		{ "hello\n", 6, 0, 5 },
		{ "\t\v\f\r\n x y \n", 11, 6, 3 },
		{ "\xc2\xa0hi\xc2\xa0", 6, 2, 2 },          /* NBSP */
		{ "\xc2\x85hi\xe3\x80\x80", 7, 2, 2 },      /* NEL, U+3000 */
		{ "\xe2\x80\x83hi\xe2\x80\x8a", 8, 3, 2 },  /* U+2003, U+200A */
		{ "hi\xe2\x80\x8b", 5, 0, 5 },              /* ZWSP: no space */
		{ "\xff hi \xff", 6, 0, 6 },                 /* bytes stop it */
		{ "hi \xc2", 4, 0, 4 },                      /* cut UTF-8 */
		{ " \x80", 2, 1, 1 },
	};

	(void)state;
	for (size_t k = 0; k < sizeof t / sizeof t[0]; k++) {
		size_t start = 99, len = 99;

		echo_trim((const uint8_t *)t[k].in, t[k].n, &start, &len);
		if (start != t[k].start || len != t[k].len)
			fail_msg("trim case %zu: start %zu len %zu, expected %zu %zu",
			         k, start, len, t[k].start, t[k].len);
	}
}

/* ---- any bytes: the quote is safe, and says exactly what came ------------ */

static size_t utf8_put(uint32_t r, uint8_t *out)
{
	if (r < 0x80) {
		out[0] = (uint8_t)r;
		return 1;
	}
	if (r < 0x800) {
		out[0] = (uint8_t)(0xc0 | r >> 6);
		out[1] = (uint8_t)(0x80 | (r & 0x3f));
		return 2;
	}
	if (r < 0x10000) {
		out[0] = (uint8_t)(0xe0 | r >> 12);
		out[1] = (uint8_t)(0x80 | (r >> 6 & 0x3f));
		out[2] = (uint8_t)(0x80 | (r & 0x3f));
		return 3;
	}
	out[0] = (uint8_t)(0xf0 | r >> 18);
	out[1] = (uint8_t)(0x80 | (r >> 12 & 0x3f));
	out[2] = (uint8_t)(0x80 | (r >> 6 & 0x3f));
	out[3] = (uint8_t)(0x80 | (r & 0x3f));
	return 4;
}

/* Go's strconv.Unquote, enough of it for what echo_quote writes. */
static size_t unquote(const char *q, uint8_t *out)
{
	size_t n = 0, len = strlen(q);

	assert_true(len >= 2);
	assert_int_equal(q[0], '"');
	assert_int_equal(q[len - 1], '"');
	for (size_t i = 1; i < len - 1;) {
		char c = q[i];

		if (c != '\\') {
			assert_true(c != '"');
			out[n++] = (uint8_t)c;
			i++;
			continue;
		}
		c = q[i + 1];
		i += 2;
		switch (c) {
		case 'a': out[n++] = '\a'; break;
		case 'b': out[n++] = '\b'; break;
		case 'f': out[n++] = '\f'; break;
		case 'n': out[n++] = '\n'; break;
		case 'r': out[n++] = '\r'; break;
		case 't': out[n++] = '\t'; break;
		case 'v': out[n++] = '\v'; break;
		case '"': out[n++] = '"'; break;
		case '\\': out[n++] = '\\'; break;
		case 'x': case 'u': case 'U': {
			int digits = c == 'x' ? 2 : c == 'u' ? 4 : 8;
			char hex[9];
			uint32_t v;

			memcpy(hex, q + i, (size_t)digits);
			hex[digits] = '\0';
			assert_int_equal(strspn(hex, "0123456789abcdef"), digits);
			v = (uint32_t)strtoul(hex, NULL, 16);
			i += (size_t)digits;
			if (c == 'x')
				out[n++] = (uint8_t)v;
			else
				n += utf8_put(v, out + n);
			break;
		}
		default:
			fail_msg("unknown escape \\%c in %s", c, q);
		}
	}
	return n;
}

static void test_quote_any_bytes(void **state)
{
	unsigned long rnd = 4078;
	uint8_t in[64], back[64 * 4];

	(void)state;
	for (int it = 0; it < 20000; it++) {
		size_t n, m;
		char *q;

		rnd = rnd * 6364136223846793005ul + 1442695040888963407ul;
		n = (rnd >> 33) % sizeof in;
		for (size_t k = 0; k < n; k++) {
			rnd = rnd * 6364136223846793005ul + 1442695040888963407ul;
			/* half the time bytes that make plausible UTF-8 */
			in[k] = (uint8_t)(rnd >> 40);
			if ((rnd >> 20) & 1)
				in[k] = (uint8_t)(k % 3 ? 0x80 | (in[k] & 0x3f)
				                        : 0xc2 + (in[k] % 0x33));
		}
		q = quoted(in, n);
		/* safe: no control byte, no DEL, no C1 encoded in UTF-8 */
		for (const unsigned char *s = (const unsigned char *)q; *s; s++) {
			assert_true(*s >= 0x20 && *s != 0x7f);
			if (s[0] == 0xc2)
				assert_true(s[1] >= 0xa0);
		}
		/* exact: it reads back to the bytes */
		m = unquote(q, back);
		if (m != n || memcmp(back, in, n))
			fail_msg("quote '%s' does not read back (%zu vs %zu bytes)",
			         q, m, n);
		free(q);
	}
}

static void test_listening(void **state)
{
	struct sbuf b = SBUF_INIT;
	struct w_ip ip;

	(void)state;
	memset(&ip, 0, sizeof ip);
	echo_fmt_listening(&b, &ip, 4078, ECHO_TCP);
	assert_string_equal(sbuf_str(&b), "listening at 0.0.0.0:4078 (tcp)...");
	sbuf_reset(&b);
	assert_int_equal(w_ip_parse("10.0.2.0", &ip), 0);
	echo_fmt_listening(&b, &ip, 9, ECHO_UDP);
	assert_string_equal(sbuf_str(&b), "listening at 10.0.2.0:9 (udp)...");
	sbuf_reset(&b);
	assert_int_equal(w_ip_parse("::", &ip), 0);
	echo_fmt_listening(&b, &ip, 4078, ECHO_UDP);
	assert_string_equal(sbuf_str(&b), "listening at [::]:4078 (udp)...");
	sbuf_reset(&b);
	assert_int_equal(w_ip_parse("fe80::1", &ip), 0);
	echo_fmt_addr_port(&b, &ip, 65535);
	assert_string_equal(sbuf_str(&b), "[fe80::1]:65535");
	sbuf_free(&b);
}

static void test_exit_words(void **state)
{
	struct sbuf b = SBUF_INIT;

	(void)state;
	echo_fmt_exit(&b, W_EXITCODE(0, 0));
	assert_string_equal(sbuf_str(&b), "exited with status 0");
	sbuf_reset(&b);
	echo_fmt_exit(&b, W_EXITCODE(1, 0));
	assert_string_equal(sbuf_str(&b), "exited with status 1");
	sbuf_reset(&b);
	echo_fmt_exit(&b, W_EXITCODE(0, SIGKILL));
	assert_string_equal(sbuf_str(&b), "killed by signal 9 (SIGKILL)");
	sbuf_reset(&b);
	echo_fmt_exit(&b, W_EXITCODE(0, SIGSEGV) | WCOREFLAG);
	assert_string_equal(sbuf_str(&b), "killed by signal 11 (SIGSEGV)");
	sbuf_free(&b);
}

static void test_defaults(void **state)
{
	struct echo_opts o;

	(void)state;
	memset(&o, 0x5a, sizeof o);
	echo_opts_default(&o, ECHO_UDP);
	assert_int_equal(o.proto, ECHO_UDP);
	assert_int_equal(o.port, 4078);
	assert_int_equal(o.bind.family, 0);
	assert_true(o.idle == 5.0);
	assert_int_equal(o.max_conns, ECHO_MAX_CONNS_DEFAULT);
	assert_int_equal(o.max_msg, 4096);
	assert_string_equal(echo_proto_name(ECHO_TCP), "tcp");
	assert_string_equal(echo_proto_name(ECHO_UDP), "udp");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_prefixes),
		cmocka_unit_test(test_received),
		cmocka_unit_test(test_received_capped),
		cmocka_unit_test(test_quote),
		cmocka_unit_test(test_trim),
		cmocka_unit_test(test_quote_any_bytes),
		cmocka_unit_test(test_listening),
		cmocka_unit_test(test_exit_words),
		cmocka_unit_test(test_defaults),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
