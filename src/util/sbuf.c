/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "util/sbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void die_oom(void)
{
	static const char msg[] = "nsviz: out of memory\n";
	fwrite(msg, 1, sizeof msg - 1, stderr);
	abort();
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		die_oom();
	return p;
}

void *xcalloc(size_t n, size_t m)
{
	void *p = calloc(n ? n : 1, m ? m : 1);
	if (!p)
		die_oom();
	return p;
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		die_oom();
	return p;
}

char *xstrdup(const char *s)
{
	char *p = strdup(s ? s : "");
	if (!p)
		die_oom();
	return p;
}

void xgrow(void **arr, size_t *cap, size_t need, size_t elt)
{
	size_t n;

	if (need <= *cap)
		return;
	n = *cap ? *cap * 2 : 2;
	while (n < need)
		n *= 2;
	*arr = xrealloc(*arr, n * elt);
	memset((char *)*arr + *cap * elt, 0, (n - *cap) * elt);
	*cap = n;
}

static void sbuf_reserve(struct sbuf *b, size_t extra)
{
	size_t need = b->len + extra + 1, n;

	if (need <= b->cap)
		return;
	n = b->cap ? b->cap * 2 : 128;
	while (n < need)
		n *= 2;
	b->s = xrealloc(b->s, n);
	b->cap = n;
}

void sbuf_addn(struct sbuf *b, const char *s, size_t n)
{
	sbuf_reserve(b, n);
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void sbuf_add(struct sbuf *b, const char *s)
{
	sbuf_addn(b, s, strlen(s));
}

void sbuf_addc(struct sbuf *b, char c)
{
	sbuf_addn(b, &c, 1);
}

void sbuf_vprintf(struct sbuf *b, const char *fmt, va_list ap)
{
	char small[256];
	va_list ap2;
	int n;

	/* most pieces are short: format once into a stack buffer, and a
	 * second time only when it was too small */
	va_copy(ap2, ap);
	n = vsnprintf(small, sizeof small, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		return;
	if ((size_t)n < sizeof small) {
		sbuf_addn(b, small, (size_t)n);
		return;
	}
	sbuf_reserve(b, (size_t)n);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void sbuf_printf(struct sbuf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	sbuf_vprintf(b, fmt, ap);
	va_end(ap);
}

void sbuf_reset(struct sbuf *b)
{
	b->len = 0;
	if (b->s)
		b->s[0] = '\0';
}

void sbuf_free(struct sbuf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

const char *sbuf_str(const struct sbuf *b)
{
	return b->s ? b->s : "";
}
