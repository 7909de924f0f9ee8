/* SPDX-License-Identifier: GPL-2.0-or-later */
/* ip6ext.c - the IPv6 routing header as tcpdump -n (and -v) prints it:
 * "RT6 (len=N, type=T, segleft=S, ...) ", the addresses of types 0 and 2,
 * the segments of type 4 (segment routing), " (unknown type) (invalid)"
 * for the rest, " [|rt6]" where the capture ends.  Every read goes
 * through the checked cursor. */
#include <stdio.h>

#include "decode/cursor.h"
#include "decode/priv.h"

bool d_ip6_rthdr_cap(struct dctx *c, const uint8_t *q, size_t cap)
{
	struct dcur k = dc_make(q, cap, cap);
	uint8_t len, type, segleft, b;
	uint32_t rsv;
	uint16_t tag;
	size_t at;
	char a[64];

	if (cap == 0) {
		/* tcpdump checks the first byte before it names the header */
		dput(c, " [|ip6]");
		return false;
	}
	dput(c, "RT6");
	if (!dc_u8(&k, 1, &len))
		goto trunc;
	dprintf_(c, " (len=%u", len);
	if (!dc_u8(&k, 2, &type))
		goto trunc;
	dprintf_(c, ", type=%u%s", type, type == 0 ? " [Deprecated]" : "");
	if (!dc_u8(&k, 3, &segleft))
		goto trunc;
	dprintf_(c, ", segleft=%u", segleft);
	switch (type) {
	case 0:
	case 2:
		if (!dc_be32(&k, 4, &rsv))
			goto trunc;
		if (rsv || c->v)
			dprintf_(c, ", rsv=0x%x", rsv);
		at = 8;
		break;
	case 4:
		if (!dc_u8(&k, 4, &b))
			goto trunc;
		dprintf_(c, ", last-entry=%u", b);
		if (!dc_u8(&k, 5, &b))
			goto trunc;
		if (b || c->v)
			dprintf_(c, ", flags=0x%x", b);
		if (!dc_be16(&k, 6, &tag))
			goto trunc;
		dprintf_(c, ", tag=%x", tag);
		at = 8;
		break;
	default:
		dput(c, " (unknown type) (invalid)");
		return false;
	}
	if (len % 2 == 1) {
		dprintf_(c, " (invalid length %u) (invalid)", len);
		return false;
	}
	for (unsigned i = 0; i < len / 2u; i++) {
		const uint8_t *p;

		if (!dc_bytes(&k, at + 16 * (size_t)i, 16, &p))
			goto trunc;
		dprintf_(c, ", [%u]%s", i, d_ip6str(p, a, sizeof a));
	}
	dput(c, ") ");
	return true;
trunc:
	/* tcpdump reads the header with its jumping macros: the packet is
	 * abandoned */
	dput(c, " [|rt6]");
	d_hard_stop = true;
	return false;
}
