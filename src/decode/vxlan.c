/* SPDX-License-Identifier: GPL-2.0-or-later */
/* vxlan.c - VXLAN (RFC 7348, UDP port 4789) as tcpdump -n 4.99 prints
 * it: "VXLAN, flags [I] (0x08), vni 42", a line break, then the inner
 * Ethernet frame as a frame of its own would be printed.  And OTV (UDP
 * port 8472), whose header is VXLAN's: Linux's VXLAN port when `ip link
 * add ... type vxlan` is given no dstport, and tcpdump's name for it. */
#include "decode/cursor.h"
#include "decode/priv.h"

/* The Ethernet frame after an 8-byte header (cap, len: from the header
 * on); mark: the truncation mark to print instead when the tunnels nest
 * too deep. */
static void inner_frame(struct dctx *c, const struct dcur *k, size_t cap,
                        size_t len, const char *mark)
{
	if (!d_encap_enter()) {
		dput(c, mark);
		return;
	}
	if (len < cap) {
		/* the UDP length ends before what the IP length kept */
		dprintf_(c, "[length %zu < caplen %zu] (invalid)", len - 8,
		         cap - 8);
	} else {
		d_ether(c, k->p, k->cap, k->len);
	}
	d_encap_leave();
}

bool d_otv(struct dctx *c, const struct ipinfo *ip, unsigned sport,
           unsigned dport, const uint8_t *p, size_t cap, size_t len)
{
	struct dcur k = dc_make(p, cap, len);
	uint8_t flags;
	uint32_t overlay, inst;

	(void)ip;
	(void)sport;
	(void)dport;
	if (c->q)
		return false;          /* tcpdump -q: "UDP, length N" */
	dput(c, "OTV, ");
	if (len < 8) {
		dprintf_(c, "[length %zu < 8] (invalid)", len);
		if (!dc_has(&k, 0, len))
			goto trunc;
		return true;
	}
	if (!dc_u8(&k, 0, &flags))
		goto trunc;
	dprintf_(c, "flags [%s] (0x%02x), ", flags & 0x08 ? "I" : ".", flags);
	if (!dc_be24(&k, 1, &overlay))
		goto trunc;
	dprintf_(c, "overlay %u, ", overlay);
	if (!dc_be24(&k, 4, &inst))
		goto trunc;
	dprintf_(c, "instance %u\n", inst);
	if (!dc_skip(&k, 8))
		goto trunc;
	inner_frame(c, &k, cap, len, " [|otv]");
	return true;
trunc:
	/* tcpdump's OTV printer jumps out at a missing byte, its checks
	 * included: the packet is abandoned */
	dput(c, " [|otv]");
	d_hard_stop = true;
	return true;
}

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
	inner_frame(c, &k, cap, len, " [|vxlan]");
	return true;
trunc:
	/* tcpdump's VXLAN printer jumps out at a missing byte, its checks
	 * included: the packet is abandoned */
	dput(c, " [|vxlan]");
	d_hard_stop = true;
	return true;
}
