/* SPDX-License-Identifier: GPL-2.0-or-later */
/* udp.c - the UDP header, as tcpdump -n prints it, and the hand-over of
 * its payload to the decoder of its port (udpapps.c). */
#include <stdio.h>

#include "decode/priv.h"

void d_udp(struct dctx *c, const struct ipinfo *ip, const uint8_t *p,
           size_t cap, size_t len)
{
	unsigned ulen;

	if (!c->out)
		return;
	if (cap < 4) {
		d_print_addrs(c, ip, true);
		dput(c, " [|udp]");
		return;
	}
	d_print_ports(c, ip, be16(p), be16(p + 2));
	if (len < 8) {
		dprintf_(c, "truncated-udp %zu", len);
		return;
	}
	if (cap < 8) {
		dput(c, " [|udp]");
		return;
	}
	ulen = be16(p + 4);
	if (ulen < 8) {
		dprintf_(c, "truncated-udplength %u", ulen);
		return;
	}
	ulen -= 8;
	len -= 8;
	if (ulen < len)
		len = ulen;
	if (ulen > len) {
		dprintf_(c, "UDP, bad length %u > %zu", ulen, len);
		return;
	}
	if (d_udp_app(c, ip, be16(p), be16(p + 2), p + 8, cap - 8, len))
		return;
	dprintf_(c, "UDP, length %zu", len);
}
