/* SPDX-License-Identifier: GPL-2.0-or-later */
/* sbuf.h - a growable string: every command's output and error text is
 * built in one, so the CLI prints it and the UI can show it in a panel. */
#ifndef NSVIZ_SBUF_H
#define NSVIZ_SBUF_H

#include <stdarg.h>
#include <stddef.h>

struct sbuf {
	char *s;       /* always NUL-terminated once anything was added */
	size_t len;
	size_t cap;
};

#define SBUF_INIT { NULL, 0, 0 }

void sbuf_add(struct sbuf *b, const char *s);
void sbuf_addn(struct sbuf *b, const char *s, size_t n);
void sbuf_addc(struct sbuf *b, char c);
void sbuf_printf(struct sbuf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void sbuf_vprintf(struct sbuf *b, const char *fmt, va_list ap);
void sbuf_reset(struct sbuf *b);
void sbuf_free(struct sbuf *b);
const char *sbuf_str(const struct sbuf *b);   /* "" when empty */

/* Allocation that never returns NULL: nsviz exits cleanly on OOM. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t m);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
/* Grow *arr (of elements of size elt) so that it holds at least need. */
void xgrow(void **arr, size_t *cap, size_t need, size_t elt);

#endif
