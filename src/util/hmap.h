/* SPDX-License-Identifier: GPL-2.0-or-later */
/* hmap.h - a small hash index: 64-bit hashes to non-NULL pointers (or
 * small integers stored as pointers), open addressing with linear probing.
 *
 * The map does not know the keys: several values may share a hash, and a
 * lookup walks the values stored under one hash (hmap_next) for the caller
 * to compare.  It is how the world finds a namespace by id, name or inode
 * and a link by name without walking everything (issue 12). */
#ifndef NSVIZ_HMAP_H
#define NSVIZ_HMAP_H

#include <stddef.h>
#include <stdint.h>

struct hmap_slot {
	uint64_t h;
	void *v;               /* NULL: empty; HMAP_GONE: deleted */
};

struct hmap {
	struct hmap_slot *s;
	size_t cap;            /* a power of two, or 0 */
	size_t n;              /* values stored */
	size_t used;           /* values plus deleted slots */
};

#define HMAP_INIT { NULL, 0, 0, 0 }

/* Store v (not NULL) under h; the same pair twice is stored twice. */
void hmap_put(struct hmap *m, uint64_t h, void *v);
/* Remove one v stored under h; returns 0, or -1 when it was not there. */
int hmap_del(struct hmap *m, uint64_t h, const void *v);
/* The values under h, one a call: *it starts at 0; NULL at the end. */
void *hmap_next(const struct hmap *m, uint64_t h, size_t *it);
void hmap_clear(struct hmap *m);
void hmap_free(struct hmap *m);

/* Hashes of the keys the world uses. */
uint64_t hmap_hash_str(const char *s);
uint64_t hmap_hash_u64(uint64_t x);

/* An integer > 0 as a value */
#define HMAP_INT(i) ((void *)(uintptr_t)(i))
#define HMAP_TO_INT(v) ((int)(uintptr_t)(v))

#endif
