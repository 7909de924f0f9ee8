/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core.c - what every tc kind stands on, as tc 6.1's tc_core.c has it:
 * the packet scheduler's clock (from the text of /proc/net/psched, given
 * by the caller), the time/tick conversions, the transmit times and rate
 * tables tbf and htb send; raw rtattr writing and bounds-checked
 * reading; and the table of kinds. */
#include "tc/priv.h"

#include <linux/netlink.h>
#include <linux/pkt_sched.h>
#include <stdio.h>
#include <string.h>

#include "util/sbuf.h"

#define USEC_PER_SEC 1000000.0
#define TC_HZ_FALLBACK 100      /* tc's HZ when psched says nothing */

/* ---- the clock ----------------------------------------------------------- */

int tc_clock_parse(struct tc_clock *c, const char *text)
{
	unsigned t2us, us2t, res, nom, denom;
	int n;

	if (!text)
		return -1;
	n = sscanf(text, "%08x%08x%08x%08x", &t2us, &us2t, &res, &denom);
	if (n < 3 || us2t == 0)
		return -1;
	nom = res;
	/* tc_core_init(): a kernel with a nanosecond clock says 1000 ticks
	 * per µs for old binaries, which means one */
	if (res == 1000000000)
		t2us = us2t;
	c->clock_factor = (double)res / USEC_PER_SEC;
	c->tick_in_usec = (double)t2us / us2t * c->clock_factor;
	/* get_hz(): the fourth number when the third is a million */
	c->hz = (n == 4 && nom == 1000000 && denom) ? denom : TC_HZ_FALLBACK;
	return 0;
}

void tc_clock_default(struct tc_clock *c)
{
	tc_clock_parse(c, "000003e8 00000040 000f4240 3b9aca00\n");
}

/* ---- rtattrs ------------------------------------------------------------- */

size_t tc_attr(struct sbuf *b, unsigned short type, const void *data,
               size_t len)
{
	size_t at = b->len;
	unsigned short hdr[2] = { (unsigned short)(4 + len), type };
	static const char zero[4];

	sbuf_addn(b, (const char *)hdr, sizeof hdr);
	if (len)
		sbuf_addn(b, data, len);
	sbuf_addn(b, zero, (4 - len % 4) % 4);
	return at;
}

size_t tc_nest(struct sbuf *b, unsigned short type)
{
	return tc_attr(b, type, NULL, 0);
}

void tc_nest_end(struct sbuf *b, size_t at)
{
	unsigned short len = (unsigned short)(b->len - at);

	memcpy(b->s + at, &len, sizeof len);
}

static void attrs(struct tc_rta *tb, unsigned max, const void *data,
                  size_t len, unsigned short mask)
{
	const uint8_t *p = data;

	memset(tb, 0, sizeof *tb * (max + 1));
	while (p && len >= 4) {
		unsigned short alen, type;

		memcpy(&alen, p, 2);
		memcpy(&type, p + 2, 2);
		type &= mask;
		if (alen < 4 || alen > len)
			break;
		if (type <= max && !tb[type].data) {
			tb[type].data = p + 4;
			tb[type].len = alen - 4u;
		}
		alen = (unsigned short)((alen + 3u) & ~3u);
		if (alen >= len)
			break;
		p += alen;
		len -= alen;
	}
}

void tc_attrs(struct tc_rta *tb, unsigned max, const void *data, size_t len)
{
	attrs(tb, max, data, len, 0xffff);
}

void tc_attrs_masked(struct tc_rta *tb, unsigned max, const void *data,
                     size_t len)
{
	attrs(tb, max, data, len, (unsigned short)NLA_TYPE_MASK);
}

bool tc_rta_get(const struct tc_rta *a, void *dst, size_t n)
{
	memset(dst, 0, n);
	if (!a->data || a->len < n)
		return false;
	memcpy(dst, a->data, n);
	return true;
}

/* ---- the kinds ----------------------------------------------------------- */

const struct tc_kind *const tc_kinds[] = {
	&tc_kind_netem, &tc_kind_tbf, &tc_kind_htb, &tc_kind_pfifo,
	&tc_kind_bfifo,
};
const size_t tc_nkinds = sizeof tc_kinds / sizeof tc_kinds[0];

const struct tc_kind *tc_kind_find(const char *id)
{
	size_t i;

	for (i = 0; id && i < tc_nkinds; i++)
		if (!strcmp(tc_kinds[i]->id, id))
			return tc_kinds[i];
	return NULL;
}
