/* SPDX-License-Identifier: GPL-2.0-or-later */
/* detail.c - the detail view: every header field of a packet, one per
 * line, under a line naming the header.  Stops, saying so, where the
 * capture stops. */
#include <stdio.h>
#include <string.h>

#include "decode/priv.h"

#define F(...) sbuf_printf(out, "  " __VA_ARGS__)

static bool short_hdr(struct sbuf *out, const char *what, size_t cap,
                      size_t need)
{
	if (cap >= need)
		return false;
	sbuf_printf(out, "%s: truncated (%zu of %zu bytes captured)\n", what,
	            cap, need);
	return true;
}

static void payload(struct sbuf *out, size_t cap, size_t len)
{
	if (len || cap)
		sbuf_printf(out, "Payload: %zu bytes (%zu captured)\n", len, cap);
}

static const char *proto_name(unsigned p)
{
	switch (p) {
	case 0: return "IPv6 hop-by-hop options";
	case 1: return "ICMP";
	case 4: return "IPv4";
	case 6: return "TCP";
	case 17: return "UDP";
	case 41: return "IPv6";
	case 43: return "IPv6 routing";
	case 44: return "IPv6 fragment";
	case 47: return "GRE";
	case 50: return "ESP";
	case 51: return "AH";
	case 58: return "ICMPv6";
	case 59: return "no next header";
	case 60: return "IPv6 destination options";
	case 132: return "SCTP";
	default: return "unknown";
	}
}

static void dt_l4(struct sbuf *out, unsigned proto, const uint8_t *p,
                  size_t cap, size_t len, int family);

static void dt_tcp(struct sbuf *out, const uint8_t *p, size_t cap, size_t len)
{
	unsigned hl, fl;
	static const char *names[] = { "FIN", "SYN", "RST", "PSH", "ACK",
	                               "URG", "ECE", "CWR" };

	if (short_hdr(out, "TCP", cap, 20))
		return;
	hl = (p[12] >> 4) * 4u;
	fl = p[13];
	sbuf_add(out, "TCP\n");
	F("source port: %u\n", be16(p));
	F("destination port: %u\n", be16(p + 2));
	F("sequence number: %u\n", be32(p + 4));
	F("acknowledgment number: %u\n", be32(p + 8));
	F("header length: %u\n", hl);
	F("flags: 0x%03x", (unsigned)(be16(p + 12) & 0x1ff));
	for (unsigned i = 0; i < 8; i++)
		if (fl & (1u << i))
			sbuf_printf(out, " %s", names[i]);
	sbuf_addc(out, '\n');
	F("window: %u\n", be16(p + 14));
	F("checksum: 0x%04x\n", be16(p + 16));
	F("urgent pointer: %u\n", be16(p + 18));
	if (hl > 20) {
		size_t n = hl - 20, avail = cap - 20;
		const uint8_t *q = p + 20;

		F("options: %zu bytes\n", n);
		while (n > 0 && avail > 0) {
			unsigned opt = q[0], ol = 1;

			if (opt > 1) {
				if (avail < 2 || q[1] < 2 || q[1] > n || q[1] > avail) {
					F("  option %u: malformed or cut short\n", opt);
					break;
				}
				ol = q[1];
			}
			switch (opt) {
			case 0: F("  end of options\n"); break;
			case 1: F("  no-operation\n"); break;
			case 2:
				if (ol == 4)
					F("  maximum segment size: %u\n", be16(q + 2));
				else
					F("  maximum segment size: bad length %u\n", ol);
				break;
			case 3:
				if (ol == 3)
					F("  window scale: %u\n", q[2]);
				else
					F("  window scale: bad length %u\n", ol);
				break;
			case 4: F("  SACK permitted\n"); break;
			case 5:
				F("  SACK:");
				for (unsigned i = 2; i + 8 <= ol; i += 8)
					sbuf_printf(out, " %u-%u", be32(q + i), be32(q + i + 4));
				sbuf_addc(out, '\n');
				break;
			case 8:
				if (ol == 10)
					F("  timestamps: value %u, echo reply %u\n",
					  be32(q + 2), be32(q + 6));
				else
					F("  timestamps: bad length %u\n", ol);
				break;
			default:
				F("  option %u, length %u\n", opt, ol);
				break;
			}
			if (opt == 0)
				break;
			n -= ol;
			avail -= ol;
			q += ol;
		}
	}
	if (hl >= 20 && len >= hl)
		payload(out, cap > hl ? cap - hl : 0, len - hl);
}

static void dt_udp(struct sbuf *out, const uint8_t *p, size_t cap, size_t len)
{
	if (short_hdr(out, "UDP", cap, 8))
		return;
	sbuf_add(out, "UDP\n");
	F("source port: %u\n", be16(p));
	F("destination port: %u\n", be16(p + 2));
	F("length: %u\n", be16(p + 4));
	F("checksum: 0x%04x\n", be16(p + 6));
	if (len >= 8)
		payload(out, cap - 8, len - 8);
}

static void dt_icmp(struct sbuf *out, const uint8_t *p, size_t cap,
                    size_t len, bool v6)
{
	const char *what = v6 ? "ICMPv6" : "ICMP";
	unsigned type;
	char a[64];

	if (short_hdr(out, what, cap, 4))
		return;
	type = p[0];
	sbuf_printf(out, "%s\n", what);
	F("type: %u\n", type);
	F("code: %u\n", p[1]);
	F("checksum: 0x%04x\n", be16(p + 2));
	if (cap < 8) {
		F("(rest cut short)\n");
		return;
	}
	if ((!v6 && (type == 0 || type == 8 || type == 13 || type == 14)) ||
	    (v6 && (type == 128 || type == 129))) {
		F("identifier: %u\n", be16(p + 4));
		F("sequence number: %u\n", be16(p + 6));
	} else if (!v6 && type == 3 && p[1] == 4) {
		F("next-hop MTU: %u\n", be16(p + 6));
	} else if (!v6 && type == 5) {
		F("gateway: %s\n", d_ip4str(p + 4, a, sizeof a));
	} else if (v6 && type == 2) {
		F("MTU: %u\n", be32(p + 4));
	} else if (v6 && (type == 135 || type == 136) && cap >= 24) {
		if (type == 136)
			F("flags: 0x%02x%s%s%s\n", p[4], p[4] & 0x80 ? " router" : "",
			  p[4] & 0x40 ? " solicited" : "",
			  p[4] & 0x20 ? " override" : "");
		F("target address: %s\n", d_ip6str(p + 8, a, sizeof a));
	} else {
		F("rest of header: 0x%08x\n", be32(p + 4));
	}
	if ((!v6 && (type == 3 || type == 5 || type == 11 || type == 12)) ||
	    (v6 && type >= 1 && type <= 4)) {
		sbuf_add(out, "Quoted packet (in the error):\n");
		if (v6)
			dt_l4(out, 41, p + 8, cap - 8, len - 8, 6);
		else
			dt_l4(out, 4, p + 8, cap - 8, len - 8, 4);
		return;
	}
	payload(out, cap - 8, len >= 8 ? len - 8 : 0);
}

static void dt_ip4(struct sbuf *out, const uint8_t *p, size_t cap, size_t len)
{
	unsigned hl, tot, fr;
	char a[32];

	if (short_hdr(out, "IPv4", cap, 20))
		return;
	hl = (p[0] & 15) * 4u;
	tot = be16(p + 2);
	fr = be16(p + 6);
	sbuf_add(out, "IPv4\n");
	F("version: %u\n", p[0] >> 4);
	F("header length: %u\n", hl);
	F("DSCP: %u, ECN: %u (tos 0x%02x)\n", p[1] >> 2, p[1] & 3, p[1]);
	F("total length: %u\n", tot);
	F("identification: %u (0x%04x)\n", be16(p + 4), be16(p + 4));
	F("flags: 0x%x%s%s\n", fr >> 13, fr & 0x4000 ? " DF" : "",
	  fr & 0x2000 ? " MF" : "");
	F("fragment offset: %u\n", (fr & 0x1fff) * 8u);
	F("ttl: %u\n", p[8]);
	F("protocol: %u (%s)\n", p[9], proto_name(p[9]));
	F("header checksum: 0x%04x\n", be16(p + 10));
	F("source: %s\n", d_ip4str(p + 12, a, sizeof a));
	F("destination: %s\n", d_ip4str(p + 16, a, sizeof a));
	if (hl < 20 || tot < hl) {
		F("(bad header or total length)\n");
		return;
	}
	if (hl > 20)
		F("options: %u bytes\n", hl - 20);
	if (tot < len)
		len = tot;
	if (cap > len)
		cap = len;
	if (cap < hl) {
		F("(options cut short)\n");
		return;
	}
	if (fr & 0x1fff) {
		payload(out, cap - hl, len >= hl ? len - hl : 0);
		return;
	}
	dt_l4(out, p[9], p + hl, cap - hl, len >= hl ? len - hl : 0, 4);
}

static void dt_ip6(struct sbuf *out, const uint8_t *p, size_t cap, size_t len)
{
	unsigned nh;
	size_t off = 40, plen;
	uint32_t w;
	char a[64];

	if (short_hdr(out, "IPv6", cap, 40))
		return;
	w = be32(p);
	plen = be16(p + 4);
	sbuf_add(out, "IPv6\n");
	F("version: %u\n", w >> 28);
	F("traffic class: 0x%02x\n", (w >> 20) & 0xff);
	F("flow label: 0x%05x\n", w & 0xfffff);
	F("payload length: %zu\n", plen);
	F("next header: %u (%s)\n", p[6], proto_name(p[6]));
	F("hop limit: %u\n", p[7]);
	F("source: %s\n", d_ip6str(p + 8, a, sizeof a));
	F("destination: %s\n", d_ip6str(p + 24, a, sizeof a));
	if (40 + plen < len)
		len = 40 + plen;
	if (cap > len)
		cap = len;
	nh = p[6];
	while (nh == 0 || nh == 60 || nh == 43 || nh == 44) {
		size_t hl;

		if (cap < off + 8) {
			sbuf_printf(out, "%s: cut short\n", proto_name(nh));
			return;
		}
		hl = nh == 44 ? 8 : ((size_t)p[off + 1] + 1) * 8;
		sbuf_printf(out, "%s\n", proto_name(nh));
		F("next header: %u (%s)\n", p[off], proto_name(p[off]));
		F("length: %zu bytes\n", hl);
		if (nh == 43) {
			F("routing type: %u\n", p[off + 2]);
			F("segments left: %u\n", p[off + 3]);
		} else if (nh == 44) {
			uint16_t fo = be16(p + off + 2);

			F("fragment offset: %u\n", fo & 0xfff8);
			F("more fragments: %s\n", fo & 1 ? "yes" : "no");
			F("identification: 0x%08x\n", be32(p + off + 4));
			if (fo & 0xfff8) {
				nh = p[off];
				off += hl;
				payload(out, cap > off ? cap - off : 0,
				        len > off ? len - off : 0);
				return;
			}
		}
		nh = p[off];
		off += hl;
		if (off > cap || off > len) {
			F("(extension header runs past the packet)\n");
			return;
		}
	}
	dt_l4(out, nh, p + off, cap - off, len >= off ? len - off : 0, 6);
}

static void dt_l4(struct sbuf *out, unsigned proto, const uint8_t *p,
                  size_t cap, size_t len, int family)
{
	if (len < cap)
		len = cap;
	switch (proto) {
	case 4:  dt_ip4(out, p, cap, len); return;
	case 41: dt_ip6(out, p, cap, len); return;
	case 6:  dt_tcp(out, p, cap, len); return;
	case 17: dt_udp(out, p, cap, len); return;
	case 1:
		if (family == 4) {
			dt_icmp(out, p, cap, len, false);
			return;
		}
		break;
	case 58:
		if (family == 6) {
			dt_icmp(out, p, cap, len, true);
			return;
		}
		break;
	}
	payload(out, cap, len);
}

static void dt_arp(struct sbuf *out, const uint8_t *p, size_t cap)
{
	unsigned hln, pln;
	char a[100];

	if (short_hdr(out, "ARP", cap, 8))
		return;
	hln = p[4];
	pln = p[5];
	sbuf_add(out, "ARP\n");
	F("hardware type: %u\n", be16(p));
	F("protocol type: 0x%04x\n", be16(p + 2));
	F("hardware address length: %u\n", hln);
	F("protocol address length: %u\n", pln);
	F("operation: %u (%s)\n", be16(p + 6),
	  be16(p + 6) == 1 ? "request" : be16(p + 6) == 2 ? "reply" : "other");
	if (cap < 8 + 2 * (size_t)(hln + pln)) {
		F("(addresses cut short)\n");
		return;
	}
	F("sender hardware address: %s\n", d_macstr(p + 8, hln, a, sizeof a));
	if (pln == 4)
		F("sender protocol address: %s\n", d_ip4str(p + 8 + hln, a, sizeof a));
	F("target hardware address: %s\n",
	  d_macstr(p + 8 + hln + pln, hln, a, sizeof a));
	if (pln == 4)
		F("target protocol address: %s\n",
		  d_ip4str(p + 8 + 2 * hln + pln, a, sizeof a));
}

void decode_detail(struct sbuf *out, int linktype, const uint8_t *p,
                   size_t cap, size_t len)
{
	unsigned type;
	char a[32];

	if (len < cap)
		len = cap;
	sbuf_printf(out, "Frame: %zu bytes on the wire, %zu captured\n", len,
	            cap);
	if (linktype == DECODE_LINK_RAW) {
		if (cap > 0 && (p[0] >> 4) == 6)
			dt_ip6(out, p, cap, len);
		else
			dt_ip4(out, p, cap, len);
		return;
	}
	if (linktype != DECODE_LINK_ETHERNET) {
		sbuf_printf(out, "Link type %d: not decoded\n", linktype);
		return;
	}
	if (short_hdr(out, "Ethernet", cap, 14))
		return;
	type = be16(p + 12);
	sbuf_add(out, "Ethernet\n");
	F("destination: %s\n", d_macstr(p, 6, a, sizeof a));
	F("source: %s\n", d_macstr(p + 6, 6, a, sizeof a));
	F("type: 0x%04x\n", type);
	p += 14;
	cap -= 14;
	len -= 14;
	while (type == 0x8100 || type == 0x88a8 || type == 0x9100) {
		if (short_hdr(out, "802.1Q", cap, 4))
			return;
		sbuf_add(out, "802.1Q\n");
		F("priority: %u\n", p[0] >> 5);
		F("drop eligible: %u\n", (p[0] >> 4) & 1);
		F("VLAN id: %u\n", be16(p) & 0x0fff);
		type = be16(p + 2);
		F("type: 0x%04x\n", type);
		p += 4;
		cap -= 4;
		len = len >= 4 ? len - 4 : 0;
	}
	switch (type) {
	case 0x0800: dt_ip4(out, p, cap, len); break;
	case 0x86dd: dt_ip6(out, p, cap, len); break;
	case 0x0806: dt_arp(out, p, cap); break;
	default:     payload(out, cap, len); break;
	}
}
