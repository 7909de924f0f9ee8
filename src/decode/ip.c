/* SPDX-License-Identifier: GPL-2.0-or-later */
/* ip.c - IPv4 (its -v header and options), IPv6 (-v header, extension
 * headers walked, their options with -v), ICMP, the Internet checksum of
 * the headers and of what rides on them, in the words tcpdump -n uses.
 * cap is what was captured from p on, len what was on the wire; every
 * read goes through a cursor and nothing reads beyond cap. */
#include <stdio.h>
#include <string.h>

#include "decode/cursor.h"
#include "decode/priv.h"

/* Set where tcpdump's printer would give up on the whole packet (a read
 * past the capture: it jumps out), as opposed to the marks after which
 * it goes on; an ICMP error's quoted packet stops the rest with it. */
_Thread_local bool d_hard_stop;

/* ---- the Internet checksum --------------------------------------------- */

uint32_t d_sum_add(uint32_t acc, const uint8_t *p, size_t n)
{
	size_t i;

	for (i = 0; i + 1 < n; i += 2)
		acc += (uint32_t)(p[i] << 8 | p[i + 1]);
	if (i < n)
		acc += (uint32_t)p[i] << 8;
	/* fold now and then so a long packet cannot overflow */
	acc = (acc & 0xffff) + (acc >> 16);
	return acc;
}

uint16_t d_sum_fold(uint32_t acc)
{
	while (acc >> 16)
		acc = (acc & 0xffff) + (acc >> 16);
	return (uint16_t)~acc;
}

uint16_t d_cksum_shouldbe(uint16_t field, uint16_t computed)
{
	uint32_t v = (uint32_t)field + computed;

	v = (v & 0xffff) + (v >> 16);
	v = (v & 0xffff) + (v >> 16);
	return (uint16_t)v;
}

/* The address an IPv4 packet finally goes to: the last hop of a source
 * route option when there is one (the pseudo-header uses it). */
static const uint8_t *ip4_final_dst(const uint8_t *h, size_t hlen)
{
	struct dcur k = dc_make(h, hlen, hlen);
	size_t off = 20;

	while (off < hlen) {
		uint8_t t, l = 1;
		const uint8_t *a;

		if (!dc_u8(&k, off, &t) || t == 0)
			break;
		if (t != 1) {
			if (!dc_u8(&k, off + 1, &l) || l < 2)
				break;
		}
		if (hlen - off < l)
			break;
		if ((t == 131 || t == 137) && l >= 7 &&
		    dc_bytes(&k, off + l - 4, 4, &a))
			return a;
		off += l;
	}
	return h + 16;
}

/* The same for IPv6: the last address of a type 0/2 routing header, or
 * the first segment of a segment routing header.  k: from the IPv6 header
 * on, as much as was captured. */
static const uint8_t *ip6_final_dst(const struct dcur *k)
{
	const uint8_t *dst = k->p + 24;
	uint8_t nh;
	size_t off = 40;

	if (!dc_u8(k, 6, &nh))
		return dst;
	for (;;) {
		uint8_t l, type;
		const uint8_t *a;

		switch (nh) {
		case 0:
		case 60:
		case 135:
		case 62:
			if (!dc_u8(k, off + 1, &l) || !dc_u8(k, off, &nh))
				return dst;
			off += ((size_t)l + 1) * 8;
			continue;
		case 44:
			if (!dc_u8(k, off, &nh))
				return dst;
			off += 8;
			continue;
		case 43:
			if (!dc_u8(k, off + 1, &l) || !dc_u8(k, off + 2, &type))
				return dst;
			if (!dc_has(k, off, 4))
				return dst;
			if (type == 0 || type == 2) {
				if (l % 2)
					return dst;
				for (unsigned i = 0; i < l / 2u; i++) {
					if (!dc_bytes(k, off + 8 + 16 * (size_t)i, 16, &a))
						return dst;
					dst = a;
				}
			} else if (type == 4) {
				if (l % 2 == 0 && dc_bytes(k, off + 8, 16, &a))
					dst = a;
			}
			return dst;
		default:
			return dst;
		}
	}
}

uint16_t d_l4_cksum(const struct ipinfo *ip, unsigned proto,
                    const uint8_t *p, size_t len)
{
	uint8_t ph[40];
	uint32_t acc;

	if (ip->family == 4) {
		const uint8_t *h = ip->src - 12;
		size_t hlen = (h[0] & 0x0f) * 4u;

		memcpy(ph, ip->src, 4);
		memcpy(ph + 4, hlen == 20 ? ip->dst : ip4_final_dst(h, hlen), 4);
		ph[8] = 0;
		ph[9] = (uint8_t)proto;
		ph[10] = (uint8_t)(len >> 8);
		ph[11] = (uint8_t)len;
		acc = d_sum_add(0, ph, 12);
	} else {
		const uint8_t *h = ip->src - 8;
		/* the whole transport part was captured: so was all before it */
		struct dcur k = dc_make(h, (size_t)(p - h) + len,
		                        (size_t)(p - h) + len);

		memcpy(ph, ip->src, 16);
		memcpy(ph + 16, ip6_final_dst(&k), 16);
		ph[32] = (uint8_t)(len >> 24);
		ph[33] = (uint8_t)(len >> 16);
		ph[34] = (uint8_t)(len >> 8);
		ph[35] = (uint8_t)len;
		ph[36] = ph[37] = ph[38] = 0;
		ph[39] = (uint8_t)proto;
		acc = d_sum_add(0, ph, 40);
	}
	acc = d_sum_add(acc, p, len);
	return d_sum_fold(acc);
}

/* ---- names ------------------------------------------------------------- */

const char *d_ipproto_name(unsigned proto)
{
	switch (proto) {
	case 0:   return "Options";
	case 1:   return "ICMP";
	case 2:   return "IGMP";
	case 4:   return "IPIP";
	case 6:   return "TCP";
	case 8:   return "EGP";
	case 9:   return "IGRP";
	case 17:  return "UDP";
	case 33:  return "DCCP";
	case 41:  return "IPv6";
	case 43:  return "Routing";
	case 44:  return "Fragment";
	case 46:  return "RSVP";
	case 47:  return "GRE";
	case 50:  return "ESP";
	case 51:  return "AH";
	case 55:  return "Mobile IP";
	case 58:  return "ICMPv6";
	case 62:  return "Mobile IP (old)";
	case 88:  return "EIGRP";
	case 89:  return "OSPF";
	case 103: return "PIM";
	case 108: return "Compressed IP";
	case 112: return "VRRP";
	case 113: return "PGM";
	case 132: return "SCTP";
	case 135: return "Mobility";
	case 143: return "Ethernet";
	default:  return "unknown";
	}
}

/* payload after a network header, dispatched by protocol number */
static void d_payload(struct dctx *c, const struct ipinfo *ip, unsigned proto,
                      const uint8_t *p, size_t cap, size_t len)
{
	switch (proto) {
	case 6:
		d_tcp(c, ip, p, cap, len);
		return;
	case 17:
		d_udp(c, ip, p, cap, len);
		return;
	}
	if (ip->with_addrs)
		d_print_addrs(c, ip, true);
	switch (proto) {
	case 1:
		if (ip->family == 4)
			d_icmp_v(c, ip, p, cap, len);
		else
			dput(c, "[ICMP requires IPv4] (invalid)");
		return;
	case 58:
		if (ip->family != 6) {
			dput(c, "[ICMPv6 requires IPv6] (invalid)");
			return;
		}
		/* tcpdump's ICMPv6 printer starts with the checksum of the
		 * whole message, when it was all captured */
		if (c->v && !ip->fragmented && len > 0 && cap >= len && c->out) {
			uint16_t sum;

			if (cap < 4) {
				/* the checksum field, read with a jumping macro */
				dput(c, " [|icmp6]");
				d_hard_stop = true;
				return;
			}
			sum = d_l4_cksum(ip, 58, p, len);
			if (sum)
				dprintf_(c, "[bad icmp6 cksum 0x%04x -> 0x%04x!] ",
				         be16(p + 2), d_cksum_shouldbe(be16(p + 2), sum));
			else
				dput(c, "[icmp6 sum ok] ");
		}
		d_icmp6(c, p, cap, len);
		return;
	case 2:
		if (ip->family != 4) {
			dput(c, "[IGMP requires IPv4] (invalid)");
			return;
		}
		if (d_igmp(c, ip, p, cap, len))
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
		dput(c, "no next header");
		return;
	case 77:
		dprintf_(c, " nd %zu", len);
		return;
	case 143:
		if (ip->family == 6)
			d_ether(c, p, cap, len);
		else
			dput(c, "[Ethernet requires IPv6] (invalid)");
		return;
	}
	dprintf_(c, " ip-proto-%u %zu", proto, len);
}

/* ---- IPv4 options (-v) ------------------------------------------------- */

/* What an option printer says: all printed, cut short where tcpdump
 * notes it (" [truncated-option]"), or a read past the capture that
 * ends the whole line with " [|ip]". */
enum { OPT_OK, OPT_TRUNC, OPT_STOP };

static int ip4_route(struct dctx *c, const struct dcur *k, size_t o,
                     unsigned olen)
{
	unsigned ptr;
	uint8_t b;
	const uint8_t *a;
	char s[32];

	if (olen < 3) {
		dprintf_(c, " [bad length %u]", olen);
		return OPT_OK;
	}
	if ((olen + 1) & 3)
		dprintf_(c, " [bad length %u]", olen);
	if (!dc_u8(k, o + 2, &b))
		return OPT_STOP;
	ptr = b - 1u;
	if (ptr < 3 || ((ptr + 1) & 3) || ptr > olen + 1)
		dprintf_(c, " [bad ptr %u]", b);
	for (unsigned l = 3; l < olen; l += 4) {
		if (!dc_bytes(k, o + l, 4, &a))
			return OPT_TRUNC;
		dprintf_(c, " %s", d_ip4str(a, s, sizeof s));
		if (ptr > l)
			dput(c, ",");
	}
	return OPT_OK;
}

static int ip4_ts(struct dctx *c, const struct dcur *k, size_t o,
                  unsigned olen)
{
	unsigned ptr, hop, l = 0;
	uint8_t b2, b3;
	const char *type = " ";
	char s[32];

	if (olen < 4) {
		dprintf_(c, "[bad length %u]", olen);
		return OPT_OK;
	}
	dput(c, " TS{");
	if (!dc_u8(k, o + 3, &b3) || !dc_u8(k, o + 2, &b2))
		return OPT_STOP;
	hop = (b3 & 0xf) != 0 ? 8 : 4;
	if ((olen - 4) & (hop - 1))
		dprintf_(c, "[bad length %u]", olen);
	ptr = b2 - 1u;
	if (ptr < 4 || ((ptr - 4) & (hop - 1)) || ptr > olen + 1)
		dprintf_(c, "[bad ptr %u]", b2);
	switch (b3 & 0xf) {
	case 0: dput(c, "TSONLY"); break;
	case 1: dput(c, "TS+ADDR"); break;
	case 3: dput(c, "PRESPEC"); break;
	default:
		dprintf_(c, "[bad ts type %u]", b3 & 0xf);
		goto done;
	}
	for (l = 4; l < olen; l += hop) {
		uint32_t ts = 0;
		const uint8_t *a = NULL;

		if (ptr == l)
			type = " ^ ";
		/* a hop may reach past the option: tcpdump reads on */
		if (!dc_has(k, o + l, hop))
			return OPT_TRUNC;
		dc_be32(k, o + l + hop - 4, &ts);
		dc_bytes(k, o + l, 4, &a);
		dprintf_(c, "%s%u@%s", type, ts,
		         hop != 8 ? "" : d_ip4str(a, s, sizeof s));
		type = " ";
	}
done:
	dput(c, ptr == l ? " ^ " : "");
	if (b3 >> 4)
		dprintf_(c, " [%u hops not recorded]} ", b3 >> 4);
	else
		dput(c, "}");
	return OPT_OK;
}

static const char *ip4_opt_name(unsigned code, char *buf, size_t n)
{
	switch (code) {
	case 0:   return "EOL";
	case 1:   return "NOP";
	case 68:  return "timestamp";
	case 130: return "security";
	case 7:   return "RR";
	case 137: return "SSRR";
	case 131: return "LSRR";
	case 148: return "RA";
	case 82:  return "traceroute";
	default:
		snprintf(buf, n, "unknown %u", code);
		return buf;
	}
}

/* k: the packet from the IPv4 header on (as much as was captured, up to
 * the total length); the options are [20, hlen). */
static int ip4_options(struct dctx *c, const struct dcur *k, size_t hlen)
{
	size_t o = 20;
	size_t left = hlen - 20;
	const char *sep = "";
	char nb[32];

	while (left > 0) {
		uint8_t code, l8;
		unsigned olen;
		int r = OPT_OK;

		dput(c, sep);
		sep = ",";
		if (!dc_u8(k, o, &code))
			return OPT_STOP;
		dput(c, ip4_opt_name(code, nb, sizeof nb));
		if (code == 0 || code == 1) {
			olen = 1;
		} else {
			if (!dc_u8(k, o + 1, &l8))
				return OPT_STOP;
			olen = l8;
			if (olen < 2) {
				dprintf_(c, " [bad length %u]", olen);
				return OPT_OK;
			}
		}
		if (olen > left) {
			dprintf_(c, " [bad length %u]", olen);
			return OPT_OK;
		}
		if (!dc_has(k, o, olen))
			return OPT_TRUNC;
		switch (code) {
		case 0:
			return OPT_OK;
		case 68:
			r = ip4_ts(c, k, o, olen);
			break;
		case 7:
		case 131:
		case 137:
			r = ip4_route(c, k, o, olen);
			break;
		case 148: {
			uint16_t v;

			if (olen < 4) {
				dprintf_(c, " [bad length %u]", olen);
				break;
			}
			if (!dc_be16(k, o + 2, &v))
				return OPT_TRUNC;
			if (v)
				dprintf_(c, " value %u", v);
			break;
		}
		default:
			break;
		}
		if (r != OPT_OK)
			return r;
		o += olen;
		left -= olen;
	}
	return OPT_OK;
}

/* ---- IPv4 --------------------------------------------------------------- */

void d_ip4(struct dctx *c, const uint8_t *p, size_t cap, size_t len)
{
	struct dcur k = dc_make(p, cap, len);
	unsigned hlen, tot, off, proto, ver;
	uint8_t b0, tos, ttl;
	uint16_t id, foff;
	struct ipinfo ip;
	char a[32], b[32];

	if (!dc_u8(&k, 0, &b0)) {
		dput(c, " [|ip]");
		d_hard_stop = true;
		return;
	}
	ver = b0 >> 4;
	if (ver != 4) {
		if (ver == 6)
			dput(c, "IP6, wrong link-layer encapsulation (invalid)");
		else
			dprintf_(c, "IP%u (invalid)", ver);
		return;
	}
	if (!c->e)
		dput(c, "IP ");
	if (!dc_has(&k, 0, 20)) {
		dput(c, " [|ip]");
		return;
	}
	if (len < 20) {
		dprintf_(c, "truncated-ip %zu", len);
		return;
	}
	hlen = (b0 & 0x0f) * 4u;
	if (hlen < 20) {
		dprintf_(c, "bad-hlen %u", hlen);
		return;
	}
	tot = be16(p + 2);
	if (len < tot)
		dprintf_(c, "truncated-ip - %zu bytes missing! ", tot - len);
	if (tot < hlen) {
		dprintf_(c, "bad-len %u", tot);
		return;
	}
	/* from here on the packet ends where its header says */
	if (cap > tot)
		cap = tot;
	k = dc_make(p, cap, tot);
	foff = be16(p + 6);
	off = (foff & 0x1fff) * 8u;
	proto = p[9];
	ip.family = 4;
	ip.src = p + 12;
	ip.dst = p + 16;
	ip.with_addrs = true;
	ip.fragmented = (foff & 0x2000) != 0;
	if (c->v && c->out) {
		bool opt_trunc = false;

		tos = p[1];
		ttl = p[8];
		id = be16(p + 4);
		dprintf_(c, "(tos 0x%x", tos);
		if ((tos & 3) == 1)
			dput(c, ",ECT(1)");
		else if ((tos & 3) == 2)
			dput(c, ",ECT(0)");
		else if ((tos & 3) == 3)
			dput(c, ",CE");
		if (ttl >= 1)
			dprintf_(c, ", ttl %u", ttl);
		dprintf_(c, ", id %u, offset %u, flags [", id, off);
		if (foff & 0xe000) {
			const char *sep = "";

			if (foff & 0x2000) {
				dput(c, "+");
				sep = ", ";
			}
			if (foff & 0x4000) {
				dprintf_(c, "%sDF", sep);
				sep = ", ";
			}
			if (foff & 0x8000)
				dprintf_(c, "%srsvd", sep);
		} else {
			dput(c, "none");
		}
		dprintf_(c, "], proto %s (%u), length %u", d_ipproto_name(proto),
		         proto, tot);
		if (hlen > 20) {
			int r;

			dput(c, ", options (");
			r = ip4_options(c, &k, hlen);
			if (r == OPT_STOP) {
				dput(c, " [|ip]");
				d_hard_stop = true;
				return;
			}
			if (r == OPT_TRUNC) {
				dput(c, " [truncated-option]");
				opt_trunc = true;
			}
			dput(c, ")");
		}
		if (cap >= hlen) {
			uint16_t sum = d_sum_fold(d_sum_add(0, p, hlen));

			if (sum)
				dprintf_(c, ", bad cksum %x (->%x)!", be16(p + 10),
				         d_cksum_shouldbe(be16(p + 10), sum));
		}
		dput(c, ")\n    ");
		if (opt_trunc) {
			/* a mark, not a jump: tcpdump dumps from the IP header */
			dprintf_(c, "%s > %s:  [|ip]", d_ip4str(ip.src, a, sizeof a),
			         d_ip4str(ip.dst, b, sizeof b));
			return;
		}
	}
	if (off != 0) {
		if (!c->out)
			return;
		dprintf_(c, "%s > %s: ip-proto-%u", d_ip4str(ip.src, a, sizeof a),
		         d_ip4str(ip.dst, b, sizeof b), proto);
		return;
	}
	if (cap < hlen) {
		if (proto != 6 && proto != 17 && proto != 132 && proto != 33)
			d_print_addrs(c, &ip, true);
		dprintf_(c, " [remaining caplen(%zu) < header length(%u)] [|ip]",
		         cap, hlen);
		d_hard_stop = true;
		return;
	}
	d_payload(c, &ip, proto, p + hlen, cap - hlen, tot - hlen);
}

/* ---- IPv6 --------------------------------------------------------------- */

/* The options of a hop-by-hop or destination options header (-v shows
 * them; a broken one is shown always).  o: the options' offset in k, n
 * their length.  jumbo: where a jumbo payload option is noted (hop-by-hop
 * only).  false when cut short (the caller prints the mark). */
static bool ip6_opts(struct dctx *c, const struct dcur *k, size_t o, size_t n,
                     bool hbh, uint32_t plen, bool *found_jumbo,
                     uint32_t *jumbo_len)
{
	size_t i, ol = 0;
	bool seen = false;

	if (n == 0)
		return true;
	for (i = 0; i < n; i += ol) {
		uint8_t t, l;

		if (!dc_u8(k, o + i, &t))
			return false;
		if (t == 0) {
			ol = 1;
		} else {
			if (i + 1 >= n || !dc_u8(k, o + i + 1, &l))
				return false;
			ol = (size_t)l + 2;
		}
		if (i + ol > n)
			return false;
		switch (t) {
		case 0:
			if (c->v)
				dput(c, "(pad1)");
			break;
		case 1:
			if (n - i < 2) {
				dput(c, "(padn: trunc)");
				return false;
			}
			if (c->v)
				dput(c, "(padn)");
			break;
		case 5: {
			uint16_t v;

			if (n - i < 4) {
				dput(c, "(rtalert: trunc)");
				return false;
			}
			if (l != 2) {
				dprintf_(c, "(rtalert: invalid len %u)", l);
				return false;
			}
			if (!dc_be16(k, o + i + 2, &v))
				return false;
			if (c->v)
				dprintf_(c, "(rtalert: 0x%04x) ", v);
			break;
		}
		case 0xc2: {
			uint32_t jl;

			if (n - i < 6) {
				dput(c, "(jumbo: trunc)");
				return false;
			}
			if (l != 4) {
				dprintf_(c, "(jumbo: invalid len %u)", l);
				return false;
			}
			if (!dc_be32(k, o + i + 2, &jl))
				return false;
			if (seen) {
				if (c->v)
					dprintf_(c, "(jumbo: %u - already seen) ", jl);
				break;
			}
			seen = true;
			if (!hbh) {
				if (c->v)
					dprintf_(c, "(jumbo: %u - not a hop-by-hop option) ",
					         jl);
			} else if (plen != 0) {
				if (c->v)
					dprintf_(c, "(jumbo: %u - payload len != 0) ", jl);
			} else if (jl < 65536) {
				if (c->v)
					dprintf_(c, "(jumbo: %u - < 65536) ", jl);
			} else {
				/* the one valid jumbo payload option */
				*found_jumbo = true;
				*jumbo_len = jl;
				if (c->v)
					dprintf_(c, "(jumbo: %u) ", jl);
			}
			break;
		}
		case 0xc9: {
			const uint8_t *a;
			char s[64];

			if (n - i < 18) {
				dput(c, "(homeaddr: trunc)");
				return false;
			}
			if (l < 16) {
				dprintf_(c, "(homeaddr: invalid len %u)", l);
				return false;
			}
			if (!c->v)
				break;
			if (!dc_bytes(k, o + i + 2, 16, &a))
				return false;
			dprintf_(c, "(homeaddr: %s", d_ip6str(a, s, sizeof s));
			if (l > 16) {
				/* sub-options after the address */
				size_t j, sl = 0, so = o + i + 18, sn = ol - 18;

				for (j = 0; j < sn; j += sl) {
					uint8_t st, sb;

					if (!dc_u8(k, so + j, &st))
						return false;
					if (st == 0) {
						sl = 1;
					} else {
						if (j + 1 >= sn || !dc_u8(k, so + j + 1, &sb))
							return false;
						sl = (size_t)sb + 2;
					}
					if (j + sl > sn)
						return false;
					if (st == 0) {
						dput(c, ", pad1");
					} else if (st == 1) {
						if (sn - j < 2) {
							dput(c, ", padn: trunc");
							return false;
						}
						dput(c, ", padn");
					} else {
						if (sn - j < 2) {
							dprintf_(c, ", sopt_type %u: trunc)", st);
							return false;
						}
						dprintf_(c, ", sopt_type 0x%02x: len=%u", st, sb);
					}
				}
			}
			dput(c, ")");
			break;
		}
		default:
			if (n - i < 2) {
				dprintf_(c, "(type %u: trunc)", t);
				return false;
			}
			if (c->v)
				dprintf_(c, "(opt_type 0x%02x: len=%u)", t, l);
			break;
		}
	}
	if (c->v)
		dput(c, " ");
	return true;
}

void d_ip6(struct dctx *c, const uint8_t *p, size_t cap, size_t len)
{
	struct dcur k = dc_make(p, cap, len);
	unsigned nh, ph = 255;
	uint32_t plen;
	struct ipinfo ip;
	size_t off, total, blen;
	bool found_ext = false, found_jumbo = false, found_hbh = false;
	uint32_t jumbo_len = 0;
	uint8_t b0;

	if (!dc_has(&k, 0, 40)) {
		dput(c, " [|ip6]");
		return;
	}
	if (len < 40) {
		dprintf_(c, "truncated-ip6 %zu", len);
		return;
	}
	if (!c->e)
		dput(c, "IP6 ");
	dc_u8(&k, 0, &b0);
	if ((b0 >> 4) != 6) {
		dprintf_(c, "version error: %u != 6", b0 >> 4);
		return;
	}
	plen = be16(p + 4);
	if (plen != 0) {
		blen = 40 + (size_t)plen;
		if (len < blen)
			dprintf_(c, "truncated-ip6 - %zu bytes missing!", blen - len);
	} else {
		blen = len + 40;       /* as tcpdump 4.99 counts it */
	}
	nh = p[6];
	if (c->v && c->out) {
		uint32_t flow = be32(p);

		dput(c, "(");
		if (flow & 0x0ff00000)
			dprintf_(c, "class 0x%02x, ", (flow & 0x0ff00000) >> 20);
		if (flow & 0x000fffff)
			dprintf_(c, "flowlabel 0x%05x, ", flow & 0x000fffff);
		dprintf_(c, "hlim %u, next-header %s (%u) payload length: %u) ",
		         p[7], d_ipproto_name(nh), nh, plen);
	}
	/* the packet ends where its header says (or the capture does) */
	if (cap > blen)
		cap = blen;
	k = dc_make(p, cap, blen);
	ip.family = 6;
	ip.src = p + 8;
	ip.dst = p + 24;
	ip.with_addrs = true;
	ip.fragmented = false;
	off = 40;
	total = 40;
	blen -= 40;
	for (;;) {
		uint8_t l8 = 0, nnh = 0;
		size_t hl;

		if (off == 40 && nh != 6 && nh != 17 && nh != 33 && nh != 132) {
			d_print_addrs(c, &ip, true);
			ip.with_addrs = false;
		}
		switch (nh) {
		case 0:
		case 60: {
			const char *mark = nh == 0 ? " [|hbhopt]" : " [|dstopt]";
			bool ok = true;

			if (nh == 0 && found_hbh) {
				dput(c, "[The Hop-by-Hop Options header was already "
				     "found] (invalid)");
				return;
			}
			if (nh == 0 && ph != 255) {
				dput(c, "[The Hop-by-Hop Options header don't follow "
				     "the IPv6 header] (invalid)");
				return;
			}
			hl = 0;
			if (!dc_u8(&k, off + 1, &l8)) {
				/* tcpdump gives up on the packet right there */
				dput(c, mark);
				d_hard_stop = true;
				return;
			} else {
				hl = ((size_t)l8 + 1) * 8;
				if (!dc_has(&k, off, hl))
					ok = false;
			}
			if (ok) {
				dput(c, nh == 0 ? "HBH " : "DSTOPT ");
				if ((nh == 0 || c->v) &&
				    !ip6_opts(c, &k, off + 2, hl - 2, nh == 0, plen,
				              &found_jumbo, &jumbo_len))
					ok = false;
			}
			if (!ok)
				dput(c, mark);
			if (nh == 0 && plen == 0 && !found_jumbo) {
				dput(c, "[No valid Jumbo Payload Hop-by-Hop option "
				     "found] (invalid)");
				return;
			}
			if (!ok)
				return;
			if (nh == 0)
				found_hbh = true;
			break;
		}
		case 44: {
			uint16_t fo;
			uint32_t ident;
			/* the bytes after the fragment header, by the IPv6
			 * payload length (tcpdump's unsigned arithmetic) */
			size_t rest = 40 + (size_t)plen - off - 8;

			if (!dc_be16(&k, off + 2, &fo) ||
			    (c->v && !dc_be32(&k, off + 4, &ident))) {
				dput(c, " [|frag6]");
				d_hard_stop = true;
				return;
			}
			if (c->v)
				dprintf_(c, "frag (0x%08x:%u|%zu)", ident, fo & 0xfff8u,
				         rest);
			else
				dprintf_(c, "frag (%u|%zu)", fo & 0xfff8u, rest);
			ip.fragmented = true;
			if ((fo & 0xfff8) != 0)
				return;
			dput(c, " ");
			hl = 8;
			if (k.cap <= off + hl)
				return;
			break;
		}
		case 43:
			/* it prints the header, or where it stops the line */
			if (!d_ip6_rthdr_cap(c, p + off, off < k.cap ? k.cap - off : 0))
				return;
			dc_u8(&k, off + 1, &l8);
			hl = ((size_t)l8 + 1) * 8;
			break;
		default:
			if (found_jumbo) {
				uint32_t jl = 40 + jumbo_len;   /* (wraps as tcpdump's) */

				if (jl < total) {
					dput(c, " [|ip6]");
					return;
				}
				if (len < jl)
					dprintf_(c, "truncated-ip6 - %zu bytes missing!",
					         jl - len);
				blen = jl - total;
				if (cap > jl)
					cap = jl;
				k = dc_make(p, cap, jl);
			} else if (plen == 0) {
				if (found_ext) {
					dput(c, " [|ip6]");
					return;
				}
				blen = 0;
				if (cap > 40)
					cap = 40;
				k = dc_make(p, cap, 40);
			}
			if (off > k.cap) {
				dput(c, " [|ip6]");
				return;
			}
			d_payload(c, &ip, nh, p + off, k.cap - off, blen);
			return;
		}
		found_ext = true;
		ip.with_addrs = false;
		dc_u8(&k, off, &nnh);
		ph = nh;
		nh = nnh;
		if (blen < hl) {
			dput(c, " [|ip6]");
			return;
		}
		off += hl;
		total += hl;
		blen -= hl;
	}
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

/* milliseconds since midnight, as tcpdump shows an ICMP timestamp */
static void icmp_ts(struct sbuf *t, uint32_t ms)
{
	unsigned sec = ms / 1000, min = sec / 60, hrs = min / 60;

	sbuf_printf(t, "%02u:%02u:%02u.%03u", hrs, min - hrs * 60,
	            sec - min * 60, ms % 1000);
}

/* Builds into t.  Returns ICMP_OK, or where the packet was cut short:
 * ICMP_SOFT where tcpdump prints the mark and goes on with what
 * encloses it, ICMP_HARD where it abandons the whole packet. */
enum { ICMP_OK, ICMP_SOFT, ICMP_HARD };

static int icmp_text(struct sbuf *t, const uint8_t *p, size_t cap)
{
	struct dcur k = dc_make(p, cap, cap);
	unsigned type, code;
	const uint8_t *in = p + 8;
	size_t incap = cap >= 8 ? cap - 8 : 0;
	char a[32], b[32];

	if (cap < 2)
		return ICMP_HARD;
	type = p[0];
	code = p[1];
	switch (type) {
	case 0:
	case 8:
		if (cap < 8)
			return ICMP_HARD;
		sbuf_printf(t, "ICMP echo %s, id %u, seq %u",
		            type ? "request" : "reply", be16(p + 4), be16(p + 6));
		return ICMP_OK;
	case 3: {
		unsigned ihl;
		const char *pre, *post;

		if (code == 3) {
			uint16_t dport;

			if (incap < 10)
				return ICMP_SOFT;
			if (!dc_be16(&k, 8 + (in[0] & 0x0f) * 4u + 2, &dport))
				return ICMP_HARD;
		}
		if (incap < 20)
			return ICMP_HARD;
		d_ip4str(in + 16, a, sizeof a);
		ihl = (in[0] & 0x0f) * 4u;
		sbuf_add(t, "ICMP ");
		if (code == 2) {
			sbuf_printf(t, "%s protocol %u unreachable", a, in[9]);
		} else if (code == 3) {
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
		return ICMP_OK;
	}
	case 4:
		sbuf_add(t, "ICMP source quench");
		return ICMP_OK;
	case 5:
		if (incap < 20)
			return ICMP_HARD;
		if (code <= 3)
			sbuf_printf(t, "ICMP redirect%s %s to %s %s",
			            code >= 2 ? "-tos" : "",
			            d_ip4str(in + 16, a, sizeof a),
			            code & 1 ? "host" : "net",
			            d_ip4str(p + 4, b, sizeof b));
		else
			sbuf_printf(t, "ICMP redirect-#%u %s to %s", code,
			            d_ip4str(in + 16, a, sizeof a),
			            d_ip4str(p + 4, b, sizeof b));
		return ICMP_OK;
	case 9: {
		unsigned life, num, size;

		sbuf_add(t, "ICMP router advertisement");
		if (cap < 8)
			return ICMP_SOFT;
		life = be16(p + 6);
		if (life < 60)
			sbuf_printf(t, " lifetime %u", life);
		else if (life < 3600)
			sbuf_printf(t, " lifetime %u:%02u", life / 60, life % 60);
		else
			sbuf_printf(t, " lifetime %u:%02u:%02u", life / 3600,
			            (life % 3600) / 60, life % 60);
		num = p[4];
		sbuf_printf(t, " %u:", num);
		size = p[5];
		if (size != 2) {
			sbuf_printf(t, " [size %u]", size);
			return ICMP_OK;
		}
		for (unsigned i = 0; i < num; i++) {
			const uint8_t *e;

			if (!dc_bytes(&k, 8 + 8 * (size_t)i, 8, &e))
				return ICMP_SOFT;
			sbuf_printf(t, " {%s %u}", d_ip4str(e, a, sizeof a),
			            be32(e + 4));
		}
		return ICMP_OK;
	}
	case 10:
		sbuf_add(t, "ICMP router solicitation");
		return ICMP_OK;
	case 11:
		if (incap < 20)
			return ICMP_SOFT;
		if (code == 0)
			sbuf_add(t, "ICMP time exceeded in-transit");
		else if (code == 1)
			sbuf_add(t, "ICMP ip reassembly time exceeded");
		else
			sbuf_printf(t, "ICMP time exceeded-#%u", code);
		return ICMP_OK;
	case 12:
		if (code) {
			sbuf_printf(t, "ICMP parameter problem - code %u", code);
			return ICMP_OK;
		}
		if (cap < 5)
			return ICMP_HARD;
		sbuf_printf(t, "ICMP parameter problem - octet %u", p[4]);
		return ICMP_OK;
	case 13:
		if (cap < 8)
			return ICMP_HARD;
		sbuf_printf(t, "ICMP time stamp query id %u seq %u", be16(p + 4),
		            be16(p + 6));
		return ICMP_OK;
	case 14:
		if (cap < 20)
			return ICMP_SOFT;
		sbuf_printf(t, "ICMP time stamp reply id %u seq %u: org ",
		            be16(p + 4), be16(p + 6));
		icmp_ts(t, be32(p + 8));
		sbuf_add(t, ", recv ");
		icmp_ts(t, be32(p + 12));
		sbuf_add(t, ", xmit ");
		icmp_ts(t, be32(p + 16));
		return ICMP_OK;
	case 15:
		sbuf_add(t, "ICMP information request");
		return ICMP_OK;
	case 16:
		sbuf_add(t, "ICMP information reply");
		return ICMP_OK;
	case 17:
		sbuf_add(t, "ICMP address mask request");
		return ICMP_OK;
	case 18:
		if (cap < 12)
			return ICMP_HARD;
		sbuf_printf(t, "ICMP address mask is 0x%08x", be32(p + 8));
		return ICMP_OK;
	default:
		sbuf_printf(t, "ICMP type-#%u", type);
		return ICMP_OK;
	}
}

/* tcpdump's hex dump of data it does not decode: lines of 16 bytes,
 * each after ident, as "0x0000:  0102 0304 ..." */
void d_hex_lines(struct dctx *c, const char *ident, const uint8_t *p,
                 size_t n)
{
	for (size_t off = 0; off < n; off += 16) {
		size_t m = n - off < 16 ? n - off : 16;

		dprintf_(c, "%s0x%04zx: ", ident, off);
		for (size_t i = 0; i + 1 < m; i += 2)
			dprintf_(c, " %02x%02x", p[off + i], p[off + i + 1]);
		if (m & 1)
			dprintf_(c, " %02x", p[off + m - 1]);
	}
}

/* RFC 4884 extensions after the quoted packet of an error (-v) */
static void icmp_ext(struct dctx *c, const uint8_t *p, size_t cap,
                     size_t plen)
{
	struct dcur k = dc_make(p, cap, plen);
	size_t hlen, o;
	uint8_t ver;

	if (!dc_has(&k, 0, 141)) {
		dput(c, " [|icmp]");
		return;
	}
	if (p[5] == 0 && dc_has(&k, 136, plen - 136) &&
	    d_sum_fold(d_sum_add(0, p + 136, plen - 136)) != 0)
		return;
	ver = p[136] >> 4;
	dprintf_(c, "\n\tICMP Multi-Part extension v%u", ver);
	if (ver != 2) {
		dput(c, " packet not supported");
		return;
	}
	hlen = plen - 136;
	if (dc_has(&k, 136, hlen))
		dprintf_(c, ", checksum 0x%04x (%scorrect), length %zu",
		         be16(p + 138),
		         d_sum_fold(d_sum_add(0, p + 136, hlen)) ? "in" : "", hlen);
	hlen -= 4;
	o = 140;
	while (hlen > 4) {
		uint16_t tlen;
		uint8_t cls, ctype;

		if (!dc_be16(&k, o, &tlen) || !dc_u8(&k, o + 2, &cls) ||
		    !dc_u8(&k, o + 3, &ctype)) {
			dput(c, " [|icmp]");
			return;
		}
		o += 4;
		dprintf_(c, "\n\t  %s Object (%u), Class-Type: %u, length %u",
		         cls == 1 ? "MPLS Stack Entry" :
		         cls == 2 ? "Interface Identification" : "unknown",
		         cls, ctype, tlen);
		hlen -= 4;
		if (cls == 0 || tlen < 4)
			return;
		tlen -= 4;
		if (cls == 1 && ctype == 1) {
			uint32_t l;

			if (!dc_be32(&k, o, &l)) {
				dput(c, " [|icmp]");
				d_hard_stop = true;
				return;
			}
			dprintf_(c, "\n\t    label %u, tc %u", l >> 12, (l >> 9) & 7);
			if (l & 0x100)
				dput(c, ", [S]");
			dprintf_(c, ", ttl %u", l & 0xff);
		} else {
			/* the bytes of it that were captured, in hex */
			size_t have = o <= k.cap ? k.cap - o : 0;

			if (o > k.cap) {
				dput(c, "\n\t    Dissector error: print_unknown_data "
				     "called with pointer past end of packet");
			} else {
				d_hex_lines(c, "\n\t    ", p + o,
				            have < tlen ? have : tlen);
			}
		}
		if (hlen < tlen)
			break;
		hlen -= tlen;
		o += tlen;
	}
}

void d_icmp_v(struct dctx *c, const struct ipinfo *ip, const uint8_t *p,
              size_t cap, size_t len)
{
	struct sbuf t = SBUF_INIT;
	unsigned type;
	int r;

	if (!c->out)
		goto inner;
	r = icmp_text(&t, p, cap);
	if (r != ICMP_OK) {
		dput(c, " [|icmp]");
		sbuf_free(&t);
		if (r == ICMP_HARD)
			d_hard_stop = true;
		return;
	}
	/* tcpdump builds this text (after "ICMP ") in a buffer of 164 bytes */
	dprintf_(c, "%.168s, length %zu", sbuf_str(&t), len);
	sbuf_free(&t);
	if (c->v && !ip->fragmented && cap >= len) {
		uint16_t sum = d_sum_fold(d_sum_add(0, p, len));

		if (sum && cap < 4) {
			dput(c, " [|icmp]");
			d_hard_stop = true;
			return;
		}
		if (sum)
			dprintf_(c, " (wrong icmp cksum %x (->%x)!)", be16(p + 2),
			         d_cksum_shouldbe(be16(p + 2), sum));
	}
inner:
	if (!c->v || cap < 1)
		return;
	type = p[0];
	if (type == 3 || type == 4 || type == 5 || type == 11 || type == 12) {
		/* the packet the error is about, in full */
		uint16_t ilen;
		struct dcur k = dc_make(p, cap, len);

		dput(c, "\n\t");
		/* tcpdump reads the quoted length twice, the second time with
		 * the packet already cut to it */
		if (!dc_be16(&k, 10, &ilen) || ilen < 4) {
			dput(c, " [|icmp]");
			d_hard_stop = true;
			return;
		}
		d_ip4(c, p + 8, cap - 8 < ilen ? cap - 8 : ilen, ilen);
		if (d_hard_stop)
			return;        /* tcpdump stops the whole packet there */
	}
	if (c->out && len > 136 && (type == 3 || type == 11 || type == 12))
		icmp_ext(c, p, cap, len);
}

void d_icmp(struct dctx *c, const uint8_t *p, size_t cap, size_t len)
{
	struct ipinfo ip = { 4, NULL, NULL, true, false };

	d_icmp_v(c, &ip, p, cap, len);
}
