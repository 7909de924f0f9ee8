/* SPDX-License-Identifier: GPL-2.0-or-later */
/* udp.c - the UDP header, as tcpdump -n prints it (its checksum with
 * -v: IPv6, or IPv4 with -vv, as tcpdump 4.99 does), and the hand-over
 * of its payload to the decoder of its port (udpapps.c; not with -q). */
#include <stdio.h>

#include "decode/cursor.h"
#include "decode/priv.h"

void d_udp(struct dctx *c, const struct ipinfo *ip, const uint8_t *p,
           size_t cap, size_t len)
{
	struct dcur k = dc_make(p, cap, len);
	uint16_t sport, dport, u16;
	size_t ulen;

	/* with no text wanted (tracking) the tunnels still walk their inner
	 * frames: TCP inside VXLAN is numbered as tcpdump numbers it */
	if (!dc_be16(&k, 0, &sport) || !dc_be16(&k, 2, &dport)) {
		d_print_addrs(c, ip, true);
		dput(c, " [|udp]");
		return;
	}
	d_print_ports(c, ip, sport, dport);
	if (len < 8) {
		dprintf_(c, "truncated-udp %zu", len);
		return;
	}
	if (!dc_be16(&k, 4, &u16)) {
		dput(c, " [|udp]");
		return;
	}
	ulen = u16;
	if (ulen == 0 && len > 65535)
		ulen = len;            /* a jumbogram's */
	if (ulen < 8) {
		dprintf_(c, "truncated-udplength %zu", ulen);
		return;
	}
	ulen -= 8;
	len -= 8;
	if (ulen < len)
		len = ulen;
	if (!dc_has(&k, 0, 8)) {
		dput(c, " [|udp]");
		return;
	}
	if (c->v && !ip->fragmented) {
		uint16_t field = be16(p + 6), sum;
		bool all = dc_has(&k, 8, len);

		if (ip->family == 4 && c->v > 1) {
			if (field == 0) {
				dput(c, "[no cksum] ");
				all = false;
			}
		} else if (ip->family != 6) {
			all = false;
		}
		if (all) {
			sum = d_l4_cksum(ip, 17, p, len + 8);
			if (sum)
				dprintf_(c, "[bad udp cksum 0x%04x -> 0x%04x!] ", field,
				         d_cksum_shouldbe(field, sum));
			else
				dput(c, "[udp sum ok] ");
		}
	}
	if (!c->q && d_udp_app(c, ip, sport, dport, p + 8, k.cap - 8, len))
		return;
	if (ulen > len && !ip->fragmented)
		dprintf_(c, "UDP, bad length %zu > %zu", ulen, len);
	else
		dprintf_(c, "UDP, length %zu", ulen);
}
