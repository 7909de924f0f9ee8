/* SPDX-License-Identifier: GPL-2.0-or-later */
/* vxlan.c - VXLAN (RFC 7348, UDP port 4789) as tcpdump -n 4.99 prints
 * it: "VXLAN, flags [I] (0x08), vni 42", a line break, then the inner
 * Ethernet frame as a frame of its own would be printed. */
#include "decode/cursor.h"
#include "decode/priv.h"

bool d_vxlan(struct dctx *c, const struct ipinfo *ip, unsigned sport,
             unsigned dport, const uint8_t *p, size_t cap, size_t len)
{
	struct dcur k = dc_make(p, cap, len);
	uint8_t flags;
	uint32_t vni;

	(void)ip;
	(void)sport;
	(void)dport;
	if (c->q)
		return false;          /* tcpdump -q: "UDP, length N" */
	dput(c, "VXLAN");
	if (len < 8) {
		dput(c, " (invalid)");
		return true;
	}
	if (!dc_u8(&k, 0, &flags))
		goto trunc;
	/* only the I bit has a name; without it the flags are "invalid" */
	dprintf_(c, ", flags [%s] (0x%02x), ", flags & 0x08 ? "I" : "invalid",
	         flags);
	if (!dc_be24(&k, 4, &vni))
		goto trunc;
	dprintf_(c, "vni %u\n", vni);
	if (!dc_skip(&k, 8))
		goto trunc;
	if (!d_encap_enter())
		goto trunc;
	if (len < cap) {
		/* the UDP length ends before what the IP length kept */
		dprintf_(c, "[length %zu < caplen %zu] (invalid)", len - 8,
		         cap - 8);
	} else {
		d_ether(c, k.p, k.cap, k.len);
	}
	d_encap_leave();
	return true;
trunc:
	dput(c, " [|vxlan]");
	return true;
}
