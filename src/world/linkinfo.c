/* SPDX-License-Identifier: GPL-2.0-or-later */
/* linkinfo.c - reading the attribute runs a link keeps as the kernel sent
 * them (w_link.info_data, slave_data: the contents of IFLA_INFO_DATA and
 * IFLA_INFO_SLAVE_DATA).  Pure code on the uapi layout of struct nlattr:
 * a 4-byte header (length including the header, type), the payload,
 * padding to 4 bytes.  Nothing here trusts a length it has not checked. */
#include "world/world.h"

#include <linux/netlink.h>
#include <string.h>

#define ALIGN4(n) (((n) + 3u) & ~(size_t)3u)

/* The attribute at run[off] when it is whole: its total length, else 0 */
static size_t attr_at(const uint8_t *run, size_t len, size_t off,
                      uint16_t *type)
{
	struct nlattr h;

	if (off + sizeof h > len)
		return 0;
	memcpy(&h, run + off, sizeof h);
	if (h.nla_len < sizeof h || off + h.nla_len > len)
		return 0;
	if (type)
		*type = h.nla_type & NLA_TYPE_MASK;
	return h.nla_len;
}

const void *w_attr_find(const uint8_t *run, size_t len, int type,
                        size_t *alen)
{
	size_t off = 0, n;
	uint16_t t;

	while ((n = attr_at(run, len, off, &t)) != 0) {
		if (t == type) {
			if (alen)
				*alen = n - NLA_HDRLEN;
			return run + off + NLA_HDRLEN;
		}
		off += ALIGN4(n);
	}
	return NULL;
}

static int get(const uint8_t *run, size_t len, int type, void *v, size_t n)
{
	size_t alen;
	const void *p = w_attr_find(run, len, type, &alen);

	if (!p || alen < n)
		return 0;
	memcpy(v, p, n);
	return 1;
}

int w_attr_u8(const uint8_t *run, size_t len, int type, uint8_t *v)
{
	return get(run, len, type, v, sizeof *v);
}

int w_attr_u16(const uint8_t *run, size_t len, int type, uint16_t *v)
{
	return get(run, len, type, v, sizeof *v);
}

int w_attr_u32(const uint8_t *run, size_t len, int type, uint32_t *v)
{
	return get(run, len, type, v, sizeof *v);
}

int w_attr_u64(const uint8_t *run, size_t len, int type, uint64_t *v)
{
	return get(run, len, type, v, sizeof *v);
}

size_t w_attr_keep(uint8_t *dst, size_t cap, const void *src, size_t len)
{
	size_t off = 0, n, end;

	while ((n = attr_at(src, len, off, NULL)) != 0) {
		end = off + n;
		if (end > cap)
			break;
		off = ALIGN4(n) + off;
		if (off > len)
			off = len;
	}
	if (off > cap)
		off = cap;
	/* whole attributes only: the last one's padding may be cut */
	memcpy(dst, src, off);
	return off;
}
