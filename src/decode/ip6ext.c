/* SPDX-License-Identifier: GPL-2.0-or-later */
/* ip6ext.c - the IPv6 routing header (RT6), as tcpdump -n prints it.
 * q points at the header, hl bytes of it captured (its whole length). */
#include <stdio.h>

#include "decode/priv.h"

void d_ip6_rthdr(struct dctx *c, const uint8_t *q, size_t hl)
{
	unsigned type = q[2];
	char a[64];

	dprintf_(c, "RT6 (len=%u, type=%u%s, segleft=%u", q[1], type,
	         type == 0 ? " [Deprecated]" : "", q[3]);
	if (type == 0 || type == 2) {
		for (unsigned i = 0; i < q[1] / 2u && 8 + 16 * (size_t)(i + 1) <= hl;
		     i++)
			dprintf_(c, ", [%u]%s", i, d_ip6str(q + 8 + 16 * i, a, sizeof a));
	}
	dput(c, ") ");
}
