/* SPDX-License-Identifier: GPL-2.0-or-later */
/* ip.c - IPv4, IPv6 (extension headers walked), ICMP and ICMPv6, in the
 * words tcpdump -n uses.  cap is what was captured from p on, len what
 * was on the wire; nothing reads beyond cap. */
#include <stdio.h>
#include <string.h>

#include "decode/priv.h"

/* payload after a network header, dispatched by protocol number */
static void d_payload(struct dctx *c, const struct ipinfo *ip, unsigned proto,
                      const uint8_t *p, size_t cap, size_t len)
{
	char a[64], b[64];

	switch (proto) {
	case 6:
		d_tcp(c, ip, p, cap, len);
		return;
	case 17:
		d_udp(c, ip, p, cap, len);
		return;
	}
	if (ip->with_addrs && c->out)
		dprintf_(c, "%s > %s: ", d_ipstr(ip, ip->src, a, sizeof a),
		         d_ipstr(ip, ip->dst, b, sizeof b));
	switch (proto) {
	case 1:
		if (ip->family == 4) {
			d_icmp(c, p, cap, len);
			return;
		}
		break;
	case 58:
		if (ip->family == 6) {
			d_icmp6(c, p, cap, len);
			return;
		}
		break;
	case 2:
		if (ip->family == 4 && d_igmp(c, ip, p, cap, len))
			return;
		break;
	case 47:
		if (d_gre(c, ip, p, cap, len))
			return;
		break;
	case 4:
		d_ip4(c, p, cap, len);
		return;
	case 41:
		d_ip6(c, p, cap, len);
		return;
	case 59:
		if (ip->family == 6) {
			dput(c, "no next header");
			return;
		}
		break;
	}
	dprintf_(c, " ip-proto-%u %zu", proto, len);
}

void d_ip4(struct dctx *c, const uint8_t *p, size_t cap, size_t len)
{
	unsigned hlen, tot, off, proto;
	struct ipinfo ip;
	char a[32], b[32];

	if (cap == 0) {
		dput(c, " [|ip]");
		return;
	}
	if (cap < 20) {
		dput(c, "IP  [|ip]");
		return;
	}
	if ((p[0] >> 4) != 4) {
		if ((p[0] >> 4) == 6)
			dput(c, "IP6, wrong link-layer encapsulation (invalid)");
		else
			dprintf_(c, "IP%u (invalid)", p[0] >> 4);
		return;
	}
	hlen = (p[0] & 0x0f) * 4u;
	if (hlen < 20) {
		dprintf_(c, "IP bad-hlen %u", hlen);
		return;
	}
	tot = be16(p + 2);
	if (tot < hlen) {
		dprintf_(c, "IP bad-len %u", tot);
		return;
	}
	dput(c, "IP ");
	if (tot > len) {
		dprintf_(c, "truncated-ip - %zu bytes missing! ", tot - len);
	} else {
		len = tot;
		if (cap > len)
			cap = len;
	}
	if (cap < hlen) {
		dput(c, " [|ip]");
		return;
	}
	off = (be16(p + 6) & 0x1fff) * 8u;
	proto = p[9];
	ip.family = 4;
	ip.src = p + 12;
	ip.dst = p + 16;
	ip.with_addrs = true;
	ip.fragmented = off != 0 || (be16(p + 6) & 0x2000);
	if (off != 0) {
		if (!c->out)
			return;
		dprintf_(c, "%s > %s: ip-proto-%u", d_ip4str(ip.src, a, sizeof a),
		         d_ip4str(ip.dst, b, sizeof b), proto);
		return;
	}
	d_payload(c, &ip, proto, p + hlen, cap - hlen, len - hlen);
}

void d_ip6(struct dctx *c, const uint8_t *p, size_t cap, size_t len)
{
	unsigned nh, plen;
	struct ipinfo ip;
	const uint8_t *q;
	size_t qcap, qlen;
	char a[64], b[64];
	bool first = true;

	if (cap < 40) {
		dput(c, " [|ip6]");
		return;
	}
	if ((p[0] >> 4) != 6) {
		dprintf_(c, "IP6 version error: %u != 6", p[0] >> 4);
		return;
	}
	plen = be16(p + 4);
	dput(c, "IP6 ");
	if (plen == 0 && len > 40)
		plen = (unsigned)(len - 40);   /* a jumbogram: trust the wire */
	if (40 + (size_t)plen > len) {
		dprintf_(c, "truncated-ip6 - %zu bytes missing!",
		         40 + (size_t)plen - len);
	} else {
		len = 40 + (size_t)plen;
		if (cap > len)
			cap = len;
	}
	ip.family = 6;
	ip.src = p + 8;
	ip.dst = p + 24;
	ip.with_addrs = true;
	ip.fragmented = false;
	nh = p[6];
	q = p + 40;
	qcap = cap - 40;
	qlen = len - 40;
	for (;;) {
		size_t hl;

		if (nh != 0 && nh != 60 && nh != 43 && nh != 44)
			break;
		if (first && c->out) {
			dprintf_(c, "%s > %s: ", d_ip6str(ip.src, a, sizeof a),
			         d_ip6str(ip.dst, b, sizeof b));
		}
		ip.with_addrs = false;
		first = false;
		if (nh == 44) {
			unsigned fo;

			if (qcap < 8) {
				dput(c, " [|frag]");
				return;
			}
			fo = be16(q + 2) & 0xfff8;
			dprintf_(c, "frag (%u|%zu)", fo, qlen >= 8 ? qlen - 8 : 0);
			ip.fragmented = true;
			if (fo != 0)
				return;
			dput(c, " ");
			hl = 8;
		} else {
			const char *trunc = nh == 0 ? " [|hbhopt]" :
			                    nh == 60 ? " [|dstopt]" : " [|rthdr]";

			if (qcap < 2) {
				dput(c, trunc);
				return;
			}
			hl = ((size_t)q[1] + 1) * 8;
			if (qcap < hl) {
				dput(c, trunc);
				return;
			}
			if (nh == 0) {
				dput(c, "HBH ");
			} else if (nh == 60) {
				dput(c, "DSTOPT ");
			} else {
				d_ip6_rthdr(c, q, hl);
			}
		}
		if (qlen < hl) {
			/* the header claims more than the packet holds */
			dput(c, " [|ip6]");
			return;
		}
		nh = q[0];
		q += hl;
		qcap -= hl;
		qlen -= hl;
	}
	d_payload(c, &ip, nh, q, qcap, qlen);
}

/* ---- ICMP ---------------------------------------------------------------- */

/* ICMP unreachable codes: the words before and after the address */
static bool unreach_words(unsigned code, const char **pre, const char **post)
{
	static const char *const tab[16][2] = {
		[0] = { "net ", " unreachable" },
		[1] = { "host ", " unreachable" },
		[5] = { "", " unreachable - source route failed" },
		[6] = { "net ", " unreachable - unknown" },
		[7] = { "host ", " unreachable - unknown" },
		[8] = { "", " unreachable - source host isolated" },
		[9] = { "net ", " unreachable - admin prohibited" },
		[10] = { "host ", " unreachable - admin prohibited" },
		[11] = { "net ", " unreachable - tos prohibited" },
		[12] = { "host ", " unreachable - tos prohibited" },
		[13] = { "host ", " unreachable - admin prohibited filter" },
		[14] = { "host ", " unreachable - host precedence violation" },
		[15] = { "host ", " unreachable - precedence cutoff" },
	};

	if (code >= 16 || !tab[code][1])
		return false;
	*pre = tab[code][0];
	*post = tab[code][1];
	return true;
}

/* Builds into t; returns false when the packet was cut short. */
static bool icmp_text(struct sbuf *t, const uint8_t *p, size_t cap)
{
	unsigned type, code;
	const uint8_t *in = p + 8;
	size_t incap = cap >= 8 ? cap - 8 : 0;
	char a[32], b[32];

	if (cap < 4)
		return false;
	type = p[0];
	code = p[1];
	switch (type) {
	case 0:
	case 8:
		if (cap < 8)
			return false;
		sbuf_printf(t, "ICMP echo %s, id %u, seq %u",
		            type ? "request" : "reply", be16(p + 4), be16(p + 6));
		return true;
	case 3: {
		unsigned ihl;
		const char *pre, *post;

		if (incap < 20)
			return false;
		d_ip4str(in + 16, a, sizeof a);
		ihl = (in[0] & 0x0f) * 4u;
		sbuf_add(t, "ICMP ");
		if (code == 2) {
			sbuf_printf(t, "%s protocol %u unreachable", a, in[9]);
		} else if (code == 3) {
			if (incap < ihl + 4)
				return false;
			if (in[9] == 6 || in[9] == 17)
				sbuf_printf(t, "%s %s port %u unreachable", a,
				            in[9] == 6 ? "tcp" : "udp",
				            be16(in + ihl + 2));
			else
				sbuf_printf(t, "%s protocol %u port %u unreachable", a,
				            in[9], be16(in + ihl + 2));
		} else if (code == 4) {
			unsigned mtu = be16(p + 6);

			if (mtu)
				sbuf_printf(t, "%s unreachable - need to frag (mtu %u)",
				            a, mtu);
			else
				sbuf_printf(t, "%s unreachable - need to frag", a);
		} else if (unreach_words(code, &pre, &post)) {
			sbuf_printf(t, "%s%s%s", pre, a, post);
		} else {
			sbuf_printf(t, "%s unreachable - #%u", a, code);
		}
		return true;
	}
	case 4:
		sbuf_add(t, "ICMP source quench");
		return true;
	case 5:
		if (incap < 20)
			return false;
		sbuf_printf(t, "ICMP redirect%s %s to %s %s",
		            code >= 2 ? "-tos" : "", d_ip4str(in + 16, a, sizeof a),
		            code & 1 ? "host" : "net", d_ip4str(p + 4, b, sizeof b));
		return true;
	case 10:
		sbuf_add(t, "ICMP router solicitation");
		return true;
	case 11:
		if (code == 0)
			sbuf_add(t, "ICMP time exceeded in-transit");
		else if (code == 1)
			sbuf_add(t, "ICMP ip reassembly time exceeded");
		else
			sbuf_printf(t, "ICMP time exceeded-#%u", code);
		return true;
	case 12:
		if (cap < 5)
			return false;
		sbuf_printf(t, "ICMP parameter problem - octet %u", p[4]);
		return true;
	case 13:
		if (cap < 8)
			return false;
		sbuf_printf(t, "ICMP time stamp query id %u seq %u", be16(p + 4),
		            be16(p + 6));
		return true;
	case 15:
		sbuf_add(t, "ICMP information request");
		return true;
	case 16:
		sbuf_add(t, "ICMP information reply");
		return true;
	case 17:
		sbuf_add(t, "ICMP address mask request");
		return true;
	case 18:
		if (cap < 12)
			return false;
		sbuf_printf(t, "ICMP address mask is 0x%08x", be32(p + 8));
		return true;
	default:
		sbuf_printf(t, "ICMP type-#%u", type);
		return true;
	}
}

void d_icmp(struct dctx *c, const uint8_t *p, size_t cap, size_t len)
{
	struct sbuf t = SBUF_INIT;

	if (!c->out)
		return;
	if (icmp_text(&t, p, cap)) {
		dprintf_(c, "%s, length %zu", sbuf_str(&t), len);
	} else {
		dput(c, " [|icmp]");
	}
	sbuf_free(&t);
}
