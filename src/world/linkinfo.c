/* SPDX-License-Identifier: GPL-2.0-or-later */
/* linkinfo.c - what a link keeps beyond its fixed fields: the attribute
 * runs as the kernel sent them (w_link.info_data, slave_data: the
 * contents of IFLA_INFO_DATA and IFLA_INFO_SLAVE_DATA), its alias, its
 * NIC's place and its IPv6 counters, all on the heap and owned by the link (world.h says
 * who frees them), and the readers of the runs.  Pure code on the uapi
 * layout of struct nlattr: a 4-byte header (length including the header,
 * type), the payload, padding to 4 bytes.  Nothing here trusts a length
 * it has not checked. */
#include "world/world.h"

#include <linux/netlink.h>
#include <stdlib.h>
#include <string.h>

#include "util/sbuf.h"

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

/* ---- the heap parts ------------------------------------------------------ */

void w_link_free(struct w_link *l)
{
	free(l->ifalias);
	free(l->info_data);
	free(l->slave_data);
	free(l->phys);
	free(l->stats6);
	l->ifalias = NULL;
	l->stats6 = NULL;
	l->info_data = l->slave_data = NULL;
	l->phys = NULL;
}

static void *dup_bytes(const void *p, size_t n)
{
	void *d;

	if (!p)
		return NULL;
	d = xmalloc(n);
	memcpy(d, p, n);
	return d;
}

void w_link_copy(struct w_link *dst, const struct w_link *src)
{
	*dst = *src;
	dst->ifalias = src->ifalias ? xstrdup(src->ifalias) : NULL;
	dst->info_data = dup_bytes(src->info_data, src->info_data_len);
	dst->slave_data = dup_bytes(src->slave_data, src->slave_data_len);
	dst->phys = dup_bytes(src->phys, sizeof *src->phys);
	dst->stats6 = dup_bytes(src->stats6, sizeof *src->stats6);
}

void w_link_set_alias(struct w_link *l, const char *s, size_t n)
{
	free(l->ifalias);
	l->ifalias = NULL;
	n = strnlen(s, n);
	if (n > W_IFALIAS_MAX)
		n = W_IFALIAS_MAX;
	if (!n)
		return;
	l->ifalias = xmalloc(n + 1);
	memcpy(l->ifalias, s, n);
	l->ifalias[n] = '\0';
}

void w_link_set_run(struct w_link *l, bool slave, const void *run,
                    size_t len)
{
	uint8_t **p = slave ? &l->slave_data : &l->info_data;
	uint16_t *plen = slave ? &l->slave_data_len : &l->info_data_len;

	free(*p);
	*p = NULL;
	*plen = 0;
	if (len > UINT16_MAX)
		len = UINT16_MAX;
	if (!len)
		return;
	*p = xmalloc(len);
	*plen = (uint16_t)w_attr_keep(*p, len, run, len);
	if (!*plen) {
		free(*p);
		*p = NULL;
	}
}

struct w_link_phys *w_link_phys(struct w_link *l)
{
	if (!l->phys)
		l->phys = xcalloc(1, sizeof *l->phys);
	return l->phys;
}

void w_event_release(struct w_event *ev)
{
	if (ev->type == W_EV_NEWLINK || ev->type == W_EV_DELLINK)
		w_link_free(&ev->u.link);
}
