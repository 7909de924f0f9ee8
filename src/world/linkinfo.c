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

#include <arpa/inet.h>
#include <linux/if_link.h>
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
	free(l->tc_opts);
	l->ifalias = NULL;
	l->stats6 = NULL;
	l->tc_opts = NULL;
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
	dst->tc_opts = src->tc_opts ? xstrdup(src->tc_opts) : NULL;
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
	if (ev->type == W_EV_NEWQDISC || ev->type == W_EV_DELQDISC) {
		free(ev->u.qdisc.opts);
		ev->u.qdisc.opts = NULL;
	}
}

/* ---- bridge options: which attribute each is ------------------------- */

/* Each option's attribute and width, as ip/iplink_bridge.c and
 * ip/iplink_bridge_slave.c add them (the request builder in
 * kernel/bridge.c and the readers here share it). */
static const struct {
	int attr;
	int width;          /* bytes: 1, 2, 4 */
	bool be16;          /* vlan_protocol: an ethertype, network order */
} bropt_attr[W_BROPT_COUNT] = {
	[W_BR_FORWARD_DELAY] = { IFLA_BR_FORWARD_DELAY, 4, false },
	[W_BR_HELLO_TIME] = { IFLA_BR_HELLO_TIME, 4, false },
	[W_BR_MAX_AGE] = { IFLA_BR_MAX_AGE, 4, false },
	[W_BR_AGEING_TIME] = { IFLA_BR_AGEING_TIME, 4, false },
	[W_BR_STP_STATE] = { IFLA_BR_STP_STATE, 4, false },
	[W_BR_PRIORITY] = { IFLA_BR_PRIORITY, 2, false },
	[W_BR_VLAN_FILTERING] = { IFLA_BR_VLAN_FILTERING, 1, false },
	[W_BR_VLAN_PROTOCOL] = { IFLA_BR_VLAN_PROTOCOL, 2, true },
	[W_BR_VLAN_DEFAULT_PVID] = { IFLA_BR_VLAN_DEFAULT_PVID, 2, false },
	[W_BR_MCAST_SNOOPING] = { IFLA_BR_MCAST_SNOOPING, 1, false },
	[W_BRPORT_STATE] = { IFLA_BRPORT_STATE, 1, false },
	[W_BRPORT_PRIORITY] = { IFLA_BRPORT_PRIORITY, 2, false },
	[W_BRPORT_COST] = { IFLA_BRPORT_COST, 4, false },
	[W_BRPORT_HAIRPIN] = { IFLA_BRPORT_MODE, 1, false },
	[W_BRPORT_LEARNING] = { IFLA_BRPORT_LEARNING, 1, false },
	[W_BRPORT_FLOOD] = { IFLA_BRPORT_UNICAST_FLOOD, 1, false },
	[W_BRPORT_ISOLATED] = { IFLA_BRPORT_ISOLATED, 1, false },
};

void w_bropt_attr(enum w_bropt key, int *attr, int *width, bool *be16)
{
	*attr = bropt_attr[key].attr;
	*width = bropt_attr[key].width;
	*be16 = bropt_attr[key].be16;
}

int w_bropt_get(const uint8_t *run, size_t len, enum w_bropt key,
                uint32_t *v)
{
	uint8_t u8;
	uint16_t u16;
	uint32_t u32;

	if ((unsigned)key >= W_BROPT_COUNT || !run)
		return -1;
	switch (bropt_attr[key].width) {
	case 1:
		if (!w_attr_u8(run, len, bropt_attr[key].attr, &u8))
			return -1;
		*v = u8;
		return 0;
	case 2:
		if (!w_attr_u16(run, len, bropt_attr[key].attr, &u16))
			return -1;
		*v = bropt_attr[key].be16 ? ntohs(u16) : u16;
		return 0;
	default:
		if (!w_attr_u32(run, len, bropt_attr[key].attr, &u32))
			return -1;
		*v = u32;
		return 0;
	}
}
