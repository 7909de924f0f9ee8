/* SPDX-License-Identifier: GPL-2.0-or-later */
/* udpapps.c - which decoder a UDP payload goes to, by port, in the order
 * tcpdump tries them.  A new protocol is one line in the table and its
 * decoder in its own file. */
#include "decode/priv.h"

struct udp_app {
	unsigned port;         /* either end's */
	d_udp_fn fn;
};

static const struct udp_app apps[] = {
	{ 53, d_dns },
	{ 5353, d_dns },
	{ 67, d_bootp },
	{ 68, d_bootp },
	{ 123, d_ntp },
	{ 8472, d_otv },       /* Linux's vxlan port when none is given */
	{ 4789, d_vxlan },
	{ 6081, d_geneve },
	{ 0, NULL },
};

bool d_udp_app(struct dctx *c, const struct ipinfo *ip, unsigned sport,
               unsigned dport, const uint8_t *p, size_t cap, size_t len)
{
	if (c->q)              /* -q: "UDP, length N", whatever the port */
		return false;
	for (size_t i = 0; apps[i].fn; i++)
		if (apps[i].port == sport || apps[i].port == dport)
			if (apps[i].fn(c, ip, sport, dport, p, cap, len))
				return true;
	return false;
}
