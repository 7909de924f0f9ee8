/* SPDX-License-Identifier: GPL-2.0-or-later */
/* cursor.h - bounds-checked reads for the decoders.
 *
 * A cursor is a window on a packet: p, the bytes captured from p on
 * (cap) and the bytes that were on the wire from p on (len, >= cap).
 * Every read names its offset in the window and fails cleanly (returns
 * false, reads nothing) when the bytes were not captured, so a decoder
 * checks each read where it makes it instead of once, far away:
 *
 *	uint16_t flags;
 *	if (!dc_be16(&k, 2, &flags))
 *		goto trunc;            (prints " [|proto]")
 *
 * Nothing here prints; the decoder says what was cut short. */
#ifndef NSVIZ_DECODE_CURSOR_H
#define NSVIZ_DECODE_CURSOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct dcur {
	const uint8_t *p;
	size_t cap;            /* captured from p on */
	size_t len;            /* on the wire from p on (never below cap) */
};

static inline struct dcur dc_make(const uint8_t *p, size_t cap, size_t len)
{
	struct dcur k = { p, cap, len < cap ? cap : len };

	return k;
}

/* true when the n bytes at off were captured */
static inline bool dc_has(const struct dcur *k, size_t off, size_t n)
{
	return off <= k->cap && n <= k->cap - off;
}

static inline bool dc_u8(const struct dcur *k, size_t off, uint8_t *v)
{
	if (!dc_has(k, off, 1))
		return false;
	*v = k->p[off];
	return true;
}

static inline bool dc_be16(const struct dcur *k, size_t off, uint16_t *v)
{
	if (!dc_has(k, off, 2))
		return false;
	*v = (uint16_t)(k->p[off] << 8 | k->p[off + 1]);
	return true;
}

static inline bool dc_be24(const struct dcur *k, size_t off, uint32_t *v)
{
	if (!dc_has(k, off, 3))
		return false;
	*v = (uint32_t)k->p[off] << 16 | (uint32_t)k->p[off + 1] << 8 |
	     k->p[off + 2];
	return true;
}

static inline bool dc_be32(const struct dcur *k, size_t off, uint32_t *v)
{
	if (!dc_has(k, off, 4))
		return false;
	*v = (uint32_t)k->p[off] << 24 | (uint32_t)k->p[off + 1] << 16 |
	     (uint32_t)k->p[off + 2] << 8 | k->p[off + 3];
	return true;
}

static inline bool dc_be64(const struct dcur *k, size_t off, uint64_t *v)
{
	uint32_t hi, lo;

	if (!dc_be32(k, off, &hi) || !dc_be32(k, off + 4, &lo))
		return false;
	*v = (uint64_t)hi << 32 | lo;
	return true;
}

/* A pointer to n captured bytes at off (for addresses, copies). */
static inline bool dc_bytes(const struct dcur *k, size_t off, size_t n,
                            const uint8_t **v)
{
	if (!dc_has(k, off, n))
		return false;
	*v = k->p + off;
	return true;
}

/* Move the window n bytes on; false (and no move) when fewer than n
 * were captured.  len shrinks with it, never below cap. */
static inline bool dc_skip(struct dcur *k, size_t n)
{
	if (n > k->cap)
		return false;
	k->p += n;
	k->cap -= n;
	k->len = k->len - n;
	return true;
}

/* The window from off on, at most n bytes long on the wire (n = SIZE_MAX:
 * all the rest); an empty window when off is past what was captured. */
static inline struct dcur dc_sub(const struct dcur *k, size_t off, size_t n)
{
	struct dcur s = { k->p + (off <= k->cap ? off : k->cap), 0, 0 };

	if (off <= k->cap)
		s.cap = k->cap - off;
	if (off <= k->len)
		s.len = k->len - off;
	if (s.len > n)
		s.len = n;
	if (s.cap > s.len)
		s.cap = s.len;
	return s;
}

#endif
