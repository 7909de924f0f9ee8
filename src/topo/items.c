/* SPDX-License-Identifier: GPL-2.0-or-later */
/* items.c - the list of a topology's items (items.h). */
#include "topo/items.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

void tilist_init(struct tilist *l)
{
	memset(l, 0, sizeof *l);
}

static void item_free(struct titem *it)
{
	free(it->ns);
	free(it->key);
	free(it->line);
	free(it->cmp);
	free(it->repl);
	free(it->del);
	free(it->link);
	for (int i = 0; i < 2; i++) {
		free(it->dep[i].ns);
		free(it->dep[i].link);
	}
}

void tilist_free(struct tilist *l)
{
	for (size_t i = 0; i < l->n; i++)
		item_free(&l->v[i]);
	for (size_t i = 0; i < l->nleft; i++)
		free(l->left[i]);
	free(l->v);
	free(l->left);
	memset(l, 0, sizeof *l);
}

struct titem *tilist_add(struct tilist *l, enum ti_phase phase,
                         unsigned flags, const char *ns, const char *key,
                         const char *line, const char *repl,
                         const char *del)
{
	struct titem *it;

	xgrow((void **)&l->v, &l->cap, l->n + 1, sizeof *l->v);
	it = &l->v[l->n++];
	memset(it, 0, sizeof *it);
	it->phase = phase;
	it->flags = flags;
	it->ns = xstrdup(ns);
	it->key = xstrdup(key);
	it->line = xstrdup(line ? line : "");
	it->repl = dup_or_null(repl);
	it->del = dup_or_null(del);
	return it;
}

void titem_dep(struct titem *it, int i, const char *ns, const char *link)
{
	free(it->dep[i].ns);
	free(it->dep[i].link);
	it->dep[i].ns = xstrdup(ns);
	it->dep[i].link = xstrdup(link);
}

const char *titem_cmp(const struct titem *it)
{
	return it->cmp ? it->cmp : it->line;
}

void tilist_leave(struct tilist *l, const char *fmt, ...)
{
	struct sbuf b = SBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	sbuf_vprintf(&b, fmt, ap);
	va_end(ap);
	xgrow((void **)&l->left, &l->capleft, l->nleft + 1, sizeof *l->left);
	l->left[l->nleft++] = xstrdup(sbuf_str(&b));
	sbuf_free(&b);
}

void tilist_sort(struct tilist *l)
{
	/* a counting sort by phase: stable, and phases are few */
	struct titem *v;
	size_t at = 0;

	if (!l->n)
		return;
	v = xcalloc(l->n, sizeof *v);
	for (int p = 0; p < TP_NPHASES; p++)
		for (size_t i = 0; i < l->n; i++)
			if ((int)l->v[i].phase == p)
				v[at++] = l->v[i];
	free(l->v);
	l->v = v;
	l->cap = l->n;
}

const struct titem *tilist_find(const struct tilist *l, const char *ns,
                                const char *key)
{
	for (size_t i = 0; i < l->n; i++)
		if (!strcmp(l->v[i].ns, ns) && !strcmp(l->v[i].key, key))
			return &l->v[i];
	return NULL;
}

/* ---- packing: a field is its length (4 bytes, 0xffffffff = NULL) and
 * its bytes; a list is "TI1", the item count, the items, the left-out
 * count and lines ---------------------------------------------------- */

static void put_u32(struct sbuf *b, uint32_t v)
{
	char c[4] = { (char)(v >> 24), (char)(v >> 16), (char)(v >> 8),
	              (char)v };

	sbuf_addn(b, c, 4);
}

static void put_str(struct sbuf *b, const char *s)
{
	if (!s) {
		put_u32(b, 0xffffffffu);
		return;
	}
	put_u32(b, (uint32_t)strlen(s));
	sbuf_addn(b, s, strlen(s));
}

void tilist_pack(const struct tilist *l, struct sbuf *out)
{
	sbuf_addn(out, "TI1", 3);
	put_u32(out, (uint32_t)l->n);
	for (size_t i = 0; i < l->n; i++) {
		const struct titem *it = &l->v[i];

		put_u32(out, (uint32_t)it->phase);
		put_u32(out, it->flags);
		put_str(out, it->ns);
		put_str(out, it->key);
		put_str(out, it->line);
		put_str(out, it->cmp);
		put_str(out, it->repl);
		put_str(out, it->del);
		put_str(out, it->link);
		for (int d = 0; d < 2; d++) {
			put_str(out, it->dep[d].ns);
			put_str(out, it->dep[d].link);
		}
	}
	put_u32(out, (uint32_t)l->nleft);
	for (size_t i = 0; i < l->nleft; i++)
		put_str(out, l->left[i]);
}

struct rd {
	const char *p;
	size_t left;
	bool bad;
};

static uint32_t get_u32(struct rd *r)
{
	const unsigned char *u = (const unsigned char *)r->p;
	uint32_t v;

	if (r->bad || r->left < 4) {
		r->bad = true;
		return 0;
	}
	v = (uint32_t)u[0] << 24 | (uint32_t)u[1] << 16 |
	    (uint32_t)u[2] << 8 | u[3];
	r->p += 4;
	r->left -= 4;
	return v;
}

/* a string, or NULL (for NULL and on error: r->bad says which) */
static char *get_str(struct rd *r)
{
	uint32_t n = get_u32(r);
	char *s;

	if (r->bad || n == 0xffffffffu)
		return NULL;
	if (n > r->left || memchr(r->p, '\0', n)) {
		r->bad = true;
		return NULL;
	}
	s = xmalloc((size_t)n + 1);
	memcpy(s, r->p, n);
	s[n] = '\0';
	r->p += n;
	r->left -= n;
	return s;
}

int tilist_unpack(struct tilist *l, const char *p, size_t len)
{
	struct rd r = { p, len, false };
	uint32_t n, nleft;

	tilist_init(l);
	if (len < 3 || memcmp(p, "TI1", 3))
		return -1;
	r.p += 3;
	r.left -= 3;
	n = get_u32(&r);
	for (uint32_t i = 0; i < n && !r.bad; i++) {
		struct titem it;

		memset(&it, 0, sizeof it);
		it.phase = (enum ti_phase)get_u32(&r);
		it.flags = get_u32(&r);
		it.ns = get_str(&r);
		it.key = get_str(&r);
		it.line = get_str(&r);
		it.cmp = get_str(&r);
		it.repl = get_str(&r);
		it.del = get_str(&r);
		it.link = get_str(&r);
		for (int d = 0; d < 2; d++) {
			it.dep[d].ns = get_str(&r);
			it.dep[d].link = get_str(&r);
		}
		if (!r.bad && ((unsigned)it.phase >= TP_NPHASES || !it.ns ||
		               !it.key || !it.line ||
		               !it.dep[0].ns != !it.dep[0].link ||
		               !it.dep[1].ns != !it.dep[1].link))
			r.bad = true;
		xgrow((void **)&l->v, &l->cap, l->n + 1, sizeof *l->v);
		l->v[l->n++] = it;
	}
	nleft = get_u32(&r);
	for (uint32_t i = 0; i < nleft && !r.bad; i++) {
		char *s = get_str(&r);

		if (!s) {
			r.bad = true;
			break;
		}
		xgrow((void **)&l->left, &l->capleft, l->nleft + 1,
		      sizeof *l->left);
		l->left[l->nleft++] = s;
	}
	if (r.bad || r.left) {
		tilist_free(l);
		return -1;
	}
	return 0;
}
