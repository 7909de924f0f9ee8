/* SPDX-License-Identifier: GPL-2.0-or-later */
/* gre.c - GRE, as tcpdump -n prints it.  Not decoded yet: the
 * caller prints its generic line. */
#include "decode/priv.h"

bool d_gre(struct dctx *c, const struct ipinfo *ip, const uint8_t *p,
           size_t cap, size_t len)
{
	(void)c;
	(void)ip;
	(void)p;
	(void)cap;
	(void)len;
	return false;
}
