/* SPDX-License-Identifier: GPL-2.0-or-later */
/* format.c - the echo servers' text: timestamps, log lines, and payloads
 * quoted so that any bytes at all can be logged safely.
 *
 * Pure (bytes in, text out): unit-tested in tests/unit/test_echo.c.  The
 * tutorial's server is written in Go and logs with log.Printf("%q"), so
 * the quoting follows Go's strconv.Quote.  Go decides what is printable
 * from Unicode tables; nsviz carries no tables and instead escapes the
 * characters that are invisible or that can change how a terminal shows
 * the rest (C1 controls, spaces other than ' ', format and bidi controls,
 * private use, noncharacters).  Other characters, unassigned ones
 * included, are shown as they are.
 */
#include "echo/echo.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>

#include "util/sbuf.h"

void echo_opts_default(struct echo_opts *o, enum echo_proto proto)
{
	memset(o, 0, sizeof *o);
	o->proto = proto;
	o->port = ECHO_PORT_DEFAULT;
	o->idle = ECHO_IDLE_DEFAULT;
	o->max_conns = ECHO_MAX_CONNS_DEFAULT;
	o->max_msg = ECHO_MAX_MSG_DEFAULT;
}

const char *echo_proto_name(enum echo_proto p)
{
	return p == ECHO_UDP ? "udp" : "tcp";
}

/* ---- timestamps ------------------------------------------------------------ */

/* Two digits, without printf: the server writes one of these per message. */
static char *put2(char *s, int v)
{
	s[0] = (char)('0' + v / 10 % 10);
	s[1] = (char)('0' + v % 10);
	return s + 2;
}

static char *put_date_time(char *s, const struct tm *tm, char dsep)
{
	int y = tm->tm_year + 1900;

	if (y < 0 || y > 9999)
		y = 0;   /* Go would print more digits; never happens */
	s = put2(s, y / 100);
	s = put2(s, y % 100);
	*s++ = dsep;
	s = put2(s, tm->tm_mon + 1);
	*s++ = dsep;
	s = put2(s, tm->tm_mday);
	*s++ = ' ';
	s = put2(s, tm->tm_hour);
	*s++ = ':';
	s = put2(s, tm->tm_min);
	*s++ = ':';
	s = put2(s, tm->tm_sec);
	return s;
}

void echo_log_prefix(const struct tm *tm, char *out)
{
	char *s = put_date_time(out, tm, '/');

	*s++ = ' ';
	*s = '\0';
}

void echo_reply_prefix(const struct tm *tm, char *out)
{
	char *s = out;

	*s++ = '[';
	s = put_date_time(s, tm, '-');
	*s++ = ']';
	*s++ = ' ';
	*s = '\0';
}

/* ---- UTF-8 ------------------------------------------------------------------ */

/* Decode one character at p (n > 0 bytes available), strictly: no
 * overlong forms, no surrogates, nothing past U+10FFFF.  Returns its
 * length, or 0 when p does not start a valid character. */
static size_t utf8_decode(const uint8_t *p, size_t n, uint32_t *r)
{
	uint32_t c = p[0], min;
	size_t len, k;

	if (c < 0x80) {
		*r = c;
		return 1;
	}
	if (c >= 0xc2 && c <= 0xdf) {
		len = 2;
		c &= 0x1f;
		min = 0x80;
	} else if (c >= 0xe0 && c <= 0xef) {
		len = 3;
		c &= 0x0f;
		min = 0x800;
	} else if (c >= 0xf0 && c <= 0xf4) {
		len = 4;
		c &= 0x07;
		min = 0x10000;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (k = 1; k < len; k++) {
		if ((p[k] & 0xc0) != 0x80)
			return 0;
		c = c << 6 | (p[k] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*r = c;
	return len;
}

/* Go's unicode.IsSpace. */
static bool is_space(uint32_t r)
{
	switch (r) {
	case '\t': case '\n': case '\v': case '\f': case '\r': case ' ':
	case 0x85: case 0xa0: case 0x1680: case 0x2028: case 0x2029:
	case 0x202f: case 0x205f: case 0x3000:
		return true;
	default:
		return r >= 0x2000 && r <= 0x200a;
	}
}

/* Characters shown as escapes although they are valid UTF-8. */
static bool is_hidden(uint32_t r)
{
	if (r < 0xa0)
		return true;                    /* C0 (handled earlier), DEL, C1 */
	if (is_space(r))
		return true;                    /* no space but ' ' is shown */
	if (r == 0xad || r == 0x34f || r == 0x61c || r == 0x115f ||
	    r == 0x1160 || r == 0x180e || r == 0x3164 || r == 0xfeff ||
	    r == 0xffa0)
		return true;                    /* soft hyphen, fillers, BOM */
	if ((r >= 0x600 && r <= 0x605) || r == 0x6dd || r == 0x70f ||
	    r == 0x8e2)
		return true;                    /* Arabic, Syriac format */
	if (r >= 0x200b && r <= 0x200f)
		return true;                    /* zero width, LRM, RLM */
	if (r >= 0x202a && r <= 0x202e)
		return true;                    /* bidi embeddings, overrides */
	if (r >= 0x2060 && r <= 0x206f)
		return true;                    /* joiners, bidi isolates */
	if (r >= 0xe000 && r <= 0xf8ff)
		return true;                    /* private use */
	if (r >= 0xfdd0 && r <= 0xfdef)
		return true;                    /* noncharacters */
	if ((r & 0xfffe) == 0xfffe)
		return true;                    /* U+xFFFE, U+xFFFF */
	if (r >= 0xfff0 && r <= 0xfffb)
		return true;                    /* specials, annotations */
	if (r >= 0x1bca0 && r <= 0x1bca3)
		return true;                    /* shorthand format controls */
	if (r >= 0x1d173 && r <= 0x1d17a)
		return true;                    /* musical format controls */
	if (r >= 0xe0000 && r <= 0xe0fff)
		return true;                    /* tags, variation sel. suppl. */
	if (r >= 0xf0000)
		return true;                    /* private use planes */
	return false;
}

/* ---- trimming and quoting ---------------------------------------------------- */

/* The start of the last character of p[0..n): the last byte, or the lead
 * byte of a valid sequence that ends exactly at n. */
static size_t last_char(const uint8_t *p, size_t n, uint32_t *r)
{
	size_t back;

	for (back = 1; back <= 4 && back <= n; back++) {
		uint32_t c;

		if ((p[n - back] & 0xc0) == 0x80 && back < 4 && back < n)
			continue;
		if (utf8_decode(p + n - back, back, &c) == back) {
			*r = c;
			return n - back;
		}
		break;
	}
	*r = 0xfffd;   /* not a space: stops the trim */
	return n - 1;
}

void echo_trim(const uint8_t *p, size_t n, size_t *start, size_t *len)
{
	size_t a = 0, z = n;

	while (a < z) {
		uint32_t r;
		size_t k = utf8_decode(p + a, z - a, &r);

		if (!k || !is_space(r))
			break;
		a += k;
	}
	while (z > a) {
		uint32_t r;
		size_t at = last_char(p + a, z - a, &r) + a;

		if (!is_space(r))
			break;
		z = at;
	}
	*start = a;
	*len = z - a;
}

static const char hexd[] = "0123456789abcdef";

static void add_hex(struct sbuf *b, const char *pre, uint32_t v, int digits)
{
	char buf[16];
	int k;

	sbuf_add(b, pre);
	for (k = 0; k < digits; k++)
		buf[k] = hexd[(v >> (4 * (digits - 1 - k))) & 0xf];
	sbuf_addn(b, buf, (size_t)digits);
}

void echo_quote(struct sbuf *b, const uint8_t *p, size_t n)
{
	size_t i = 0;

	sbuf_addc(b, '"');
	while (i < n) {
		uint8_t c = p[i];
		uint32_t r;
		size_t k;

		if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
			/* the common case, a run at a time */
			size_t j = i + 1;

			while (j < n && p[j] >= 0x20 && p[j] < 0x7f &&
			       p[j] != '"' && p[j] != '\\')
				j++;
			sbuf_addn(b, (const char *)p + i, j - i);
			i = j;
			continue;
		}
		if (c < 0x80) {
			switch (c) {
			case '"': sbuf_add(b, "\\\""); break;
			case '\\': sbuf_add(b, "\\\\"); break;
			case '\a': sbuf_add(b, "\\a"); break;
			case '\b': sbuf_add(b, "\\b"); break;
			case '\f': sbuf_add(b, "\\f"); break;
			case '\n': sbuf_add(b, "\\n"); break;
			case '\r': sbuf_add(b, "\\r"); break;
			case '\t': sbuf_add(b, "\\t"); break;
			case '\v': sbuf_add(b, "\\v"); break;
			default: add_hex(b, "\\x", c, 2); break;
			}
			i++;
			continue;
		}
		k = utf8_decode(p + i, n - i, &r);
		if (!k) {
			add_hex(b, "\\x", c, 2);
			i++;
		} else if (is_hidden(r)) {
			if (r < 0x10000)
				add_hex(b, "\\u", r, 4);
			else
				add_hex(b, "\\U", r, 8);
			i += k;
		} else {
			sbuf_addn(b, (const char *)p + i, k);
			i += k;
		}
	}
	sbuf_addc(b, '"');
}

void echo_fmt_received(struct sbuf *b, const uint8_t *p, size_t n)
{
	size_t start, len;

	size_t shown;

	echo_trim(p, n, &start, &len);
	shown = len;
	if (shown > ECHO_LOG_PAYLOAD_MAX) {
		shown = ECHO_LOG_PAYLOAD_MAX;
		/* not in the middle of a character: back to its lead byte */
		for (size_t k = 0; k < 3 && shown > 0 &&
		     (p[start + shown] & 0xc0) == 0x80; k++)
			shown--;
		if ((p[start + shown] & 0xc0) == 0x80)
			shown = ECHO_LOG_PAYLOAD_MAX;   /* not UTF-8 anyway */
	}
	sbuf_add(b, "received: ");
	echo_quote(b, p + start, shown);
	if (shown < len)
		sbuf_printf(b, " (+%zu bytes)", len - shown);
	sbuf_printf(b, " (size_bytes=%zu)", n);
}

void echo_fmt_addr_port(struct sbuf *b, const struct w_ip *ip, unsigned port)
{
	char ab[64];
	struct w_ip any;

	if (!ip->family) {
		memset(&any, 0, sizeof any);
		any.family = AF_INET;
		ip = &any;
	}
	w_ip_str(ip, ab, sizeof ab);
	if (ip->family == AF_INET6)
		sbuf_printf(b, "[%s]:%u", ab, port);
	else
		sbuf_printf(b, "%s:%u", ab, port);
}

void echo_fmt_listening(struct sbuf *b, const struct w_ip *bind,
                        unsigned port, enum echo_proto proto)
{
	sbuf_add(b, "listening at ");
	echo_fmt_addr_port(b, bind, port);
	sbuf_printf(b, " (%s)...", echo_proto_name(proto));
}

void echo_fmt_exit(struct sbuf *b, int status)
{
	if (WIFEXITED(status)) {
		sbuf_printf(b, "exited with status %d", WEXITSTATUS(status));
	} else if (WIFSIGNALED(status)) {
		int sig = WTERMSIG(status);
		const char *abbr = sigabbrev_np(sig);

		if (abbr)
			sbuf_printf(b, "killed by signal %d (SIG%s)", sig, abbr);
		else
			sbuf_printf(b, "killed by signal %d", sig);
	} else {
		sbuf_printf(b, "ended with wait status 0x%x", (unsigned)status);
	}
}
