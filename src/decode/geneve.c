/* SPDX-License-Identifier: GPL-2.0-or-later */
/* geneve.c - Geneve, as tcpdump -n prints it.  Not decoded yet: the
 * caller prints its generic line. */
#include "decode/priv.h"

bool d_geneve(struct dctx *c, const struct ipinfo *ip, unsigned sport,
              unsigned dport, const uint8_t *p, size_t cap, size_t len)
{
	(void)c;
	(void)ip;
	(void)sport;
	(void)dport;
	(void)p;
	(void)cap;
	(void)len;
	return false;
}
