/* SPDX-License-Identifier: GPL-2.0-or-later */
/* esc.c - names that are safe to print (see esc.h). */
#include "util/esc.h"

#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "util/sbuf.h"

/* The length of the well-formed UTF-8 sequence at s (RFC 3629: no
 * overlong forms, no surrogates, nothing past U+10FFFF), 0 if none; its
 * code point in *cp. */
static size_t utf8_len(const unsigned char *s, uint32_t *cp)
{
	unsigned char c = s[0];
	size_t n, k;
	uint32_t v, min;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xc2 && c <= 0xdf) {
		n = 2; v = c & 0x1f; min = 0x80;
	} else if (c >= 0xe0 && c <= 0xef) {
		n = 3; v = c & 0x0f; min = 0x800;
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 4; v = c & 0x07; min = 0x10000;
	} else {
		return 0;
	}
	for (k = 1; k < n; k++) {
		if ((s[k] & 0xc0) != 0x80)
			return 0;       /* also stops at the terminating NUL */
		v = (v << 6) | (s[k] & 0x3f);
	}
	if (v < min || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))
		return 0;
	*cp = v;
	return n;
}

enum esc_kind esc_char(const char *s, size_t *len)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t cp = 0;
	size_t n = utf8_len(u, &cp);

	if (n == 0) {
		*len = 1;
		return ESC_NOT_UTF8;
	}
	*len = n;
	if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp <= 0x9f))
		return ESC_CONTROL;
	if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069))
		return ESC_BIDI;
	return ESC_SAFE;
}

const char *esc_find(const char *s, enum esc_kind *kind, size_t *len)
{
	while (*s) {
		size_t n;
		enum esc_kind k = esc_char(s, &n);

		if (k != ESC_SAFE) {
			if (kind)
				*kind = k;
			if (len)
				*len = n;
			return s;
		}
		s += n;
	}
	return NULL;
}

bool esc_safe(const char *s)
{
	return esc_find(s, NULL, NULL) == NULL;
}

const char *esc_hex(const char *s, size_t n, char *buf, size_t len)
{
	size_t at = 0;

	if (!len)
		return buf;
	buf[0] = '\0';
	for (size_t k = 0; k < n && at + 5 <= len; k++) {
		snprintf(buf + at, len - at, "\\x%02x", (unsigned char)s[k]);
		at += 4;
	}
	return buf;
}

void esc_add(struct sbuf *b, const char *s, unsigned flags)
{
	while (*s) {
		const char *run = s;
		size_t n;
		enum esc_kind k;

		/* the safe stretch in one piece */
		while (*s && (k = esc_char(s, &n)) == ESC_SAFE)
			s += n;
		if (s > run)
			sbuf_addn(b, run, (size_t)(s - run));
		if (!*s)
			break;
		if ((*s == '\n' && (flags & ESC_KEEP_NL)) ||
		    (*s == '\t' && (flags & ESC_KEEP_TAB))) {
			sbuf_addc(b, *s);
		} else {
			char hex[20];

			sbuf_add(b, esc_hex(s, n, hex, sizeof hex));
		}
		s += n;
	}
}

const char *esc_str(const char *s, char *buf, size_t len)
{
	size_t at = 0;

	if (!len)
		return buf;
	while (*s) {
		size_t n;
		enum esc_kind k = esc_char(s, &n);
		size_t need = k == ESC_SAFE ? n : 4 * n;

		if (at + need >= len)
			break;
		if (k == ESC_SAFE)
			memcpy(buf + at, s, n);
		else
			esc_hex(s, n, buf + at, len - at);
		at += need;
		s += n;
	}
	buf[at] = '\0';
	return buf;
}

void esc_in_place(char *buf, size_t len)
{
	char *copy;

	if (!len || esc_safe(buf))
		return;
	copy = xstrdup(buf);
	esc_str(copy, buf, len);
	free(copy);
}

int esc_hexval(char ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	if (ch >= 'A' && ch <= 'F')
		return ch - 'A' + 10;
	return -1;
}
