/* SPDX-License-Identifier: GPL-2.0-or-later */
/* hmap.c - see hmap.h. */
#include "util/hmap.h"

#include <stdlib.h>
#include <string.h>

#include "util/sbuf.h"

static char gone_mark;
#define HMAP_GONE ((void *)&gone_mark)

uint64_t hmap_hash_u64(uint64_t x)
{
	/* a 64-bit finaliser: every input bit moves every output bit */
	x ^= x >> 33;
	x *= UINT64_C(0xff51afd7ed558ccd);
	x ^= x >> 33;
	x *= UINT64_C(0xc4ceb9fe1a85ec53);
	x ^= x >> 33;
	return x;
}

uint64_t hmap_hash_str(const char *s)
{
	uint64_t h = UINT64_C(0xcbf29ce484222325);   /* FNV-1a */

	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= UINT64_C(0x100000001b3);
	}
	return hmap_hash_u64(h);
}

static void rehash(struct hmap *m, size_t cap)
{
	struct hmap_slot *old = m->s;
	size_t ocap = m->cap;

	m->s = xcalloc(cap, sizeof *m->s);
	m->cap = cap;
	m->n = m->used = 0;
	for (size_t i = 0; i < ocap; i++)
		if (old[i].v && old[i].v != HMAP_GONE)
			hmap_put(m, old[i].h, old[i].v);
	free(old);
}

void hmap_put(struct hmap *m, uint64_t h, void *v)
{
	size_t i;

	/* at most 3/4 full, deleted slots counted */
	if ((m->used + 1) * 4 > m->cap * 3)
		rehash(m, m->cap ? (m->n * 2 + 2 > m->cap ? m->cap * 2 : m->cap)
		                 : 16);
	for (i = h & (m->cap - 1); m->s[i].v && m->s[i].v != HMAP_GONE;
	     i = (i + 1) & (m->cap - 1))
		;
	if (!m->s[i].v)
		m->used++;
	m->s[i].h = h;
	m->s[i].v = v;
	m->n++;
}

int hmap_del(struct hmap *m, uint64_t h, const void *v)
{
	if (!m->cap)
		return -1;
	for (size_t i = h & (m->cap - 1); m->s[i].v; i = (i + 1) & (m->cap - 1)) {
		if (m->s[i].h == h && m->s[i].v == v) {
			m->s[i].v = HMAP_GONE;
			m->n--;
			return 0;
		}
	}
	return -1;
}

void *hmap_next(const struct hmap *m, uint64_t h, size_t *it)
{
	if (!m->cap)
		return NULL;
	/* *it counts the slots already looked at from h's home */
	for (; *it < m->cap; (*it)++) {
		const struct hmap_slot *s = &m->s[(h + *it) & (m->cap - 1)];

		if (!s->v)
			return NULL;
		if (s->v != HMAP_GONE && s->h == h) {
			(*it)++;
			return s->v;
		}
	}
	return NULL;
}

void hmap_clear(struct hmap *m)
{
	if (m->cap)
		memset(m->s, 0, m->cap * sizeof *m->s);
	m->n = m->used = 0;
}

void hmap_free(struct hmap *m)
{
	free(m->s);
	m->s = NULL;
	m->cap = m->n = m->used = 0;
}
