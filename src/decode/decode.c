/* SPDX-License-Identifier: GPL-2.0-or-later */
/* decode.c - the decoder's entry points, the link layer (Ethernet,
 * 802.1Q) and ARP.  The text follows tcpdump -n 4.99 where it decodes
 * the same protocols. */
#include <arpa/inet.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "decode/priv.h"

void dput(struct dctx *c, const char *s)
{
	if (c->out)
		sbuf_add(c->out, s);
}

void dprintf_(struct dctx *c, const char *fmt, ...)
{
	va_list ap;

	if (!c->out)
		return;
	va_start(ap, fmt);
	sbuf_vprintf(c->out, fmt, ap);
	va_end(ap);
}

const char *d_ip4str(const uint8_t *a, char *buf, size_t len)
{
	snprintf(buf, len, "%u.%u.%u.%u", a[0], a[1], a[2], a[3]);
	return buf;
}

const char *d_ip6str(const uint8_t *a, char *buf, size_t len)
{
	if (!inet_ntop(AF_INET6, a, buf, (socklen_t)len))
		snprintf(buf, len, "?");
	return buf;
}

const char *d_ipstr(const struct ipinfo *ip, const uint8_t *a, char *buf,
                    size_t len)
{
	return ip->family == 4 ? d_ip4str(a, buf, len) : d_ip6str(a, buf, len);
}

const char *d_macstr(const uint8_t *a, size_t n, char *buf, size_t len)
{
	size_t o = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < n && o + 4 <= len; i++)
		o += (size_t)snprintf(buf + o, len - o, i ? ":%02x" : "%02x", a[i]);
	return buf;
}

bool decode_link_supported(int linktype)
{
	return linktype == DECODE_LINK_ETHERNET || linktype == DECODE_LINK_RAW;
}

const char *decode_link_name(int linktype)
{
	switch (linktype) {
	case DECODE_LINK_ETHERNET: return "EN10MB (Ethernet)";
	case DECODE_LINK_RAW:      return "RAW (Raw IP)";
	case 0:                    return "NULL (BSD loopback)";
	case 113:                  return "LINUX_SLL (Linux cooked v1)";
	case 276:                  return "LINUX_SLL2 (Linux cooked v2)";
	case 105:                  return "IEEE802_11 (802.11)";
	case 127:                  return "IEEE802_11_RADIO (802.11 plus radiotap header)";
	default:                   return NULL;
	}
}

/* Ethertypes nsviz names but does not decode (tcpdump decodes some). */
static const char *ethertype_name(unsigned t)
{
	switch (t) {
	case 0x0800: return "IPv4";
	case 0x0806: return "ARP";
	case 0x86dd: return "IPv6";
	case 0x8100: return "802.1Q";
	case 0x88a8: return "802.1Q-QinQ";
	case 0x8035: return "Reverse ARP";
	case 0x8847: return "MPLS unicast";
	case 0x8848: return "MPLS multicast";
	case 0x8863: return "PPPoE D";
	case 0x8864: return "PPPoE S";
	case 0x888e: return "EAPOL";
	case 0x88cc: return "LLDP";
	case 0x88f7: return "PTP";
	case 0x9000: return "Loopback";
	default:     return "Unknown";
	}
}

static void d_arp(struct dctx *c, const uint8_t *p, size_t cap, size_t len)
{
	unsigned hrd, pro, hln, pln, op;
	const uint8_t *sha, *spa, *tha, *tpa;
	char a[64], b[64], m1[100], m2[100];
	bool tha_zero = true;

	if (cap < 8) {
		dput(c, " [|arp]");
		return;
	}
	hrd = be16(p);
	pro = be16(p + 2);
	hln = p[4];
	pln = p[5];
	op = be16(p + 6);
	if (cap < 8 + 2 * (size_t)(hln + pln)) {
		dput(c, " [|arp]");
		return;
	}
	if (pro != 0x0800 || pln != 4 || hln == 0) {
		const char *hn = hrd == 1 ? "Ethernet" : hrd == 6 ? "IEEE 802" :
		                 hrd == 7 ? "ArcNet" : hrd == 15 ? "Frame Relay" :
		                 hrd == 16 ? "ATM" : hrd == 32 ? "InfiniBand" :
		                 NULL;
		const char *pn = pro == 0x86dd ? "IPv6" : NULL;

		dput(c, "ARP, ");
		if (hn)
			dprintf_(c, "%s (len %u), ", hn, hln);
		else
			dprintf_(c, "Unknown Hardware (%u) (len %u), ", hrd, hln);
		if (pn)
			dprintf_(c, "%s (len %u), ", pn, pln);
		else
			dprintf_(c, "Unknown Protocol (0x%04x) (len %u), ", pro, pln);
		dprintf_(c, "length %zu", len);
		return;
	}
	sha = p + 8;
	spa = sha + hln;
	tha = spa + 4;
	tpa = tha + hln;
	for (unsigned i = 0; i < hln; i++)
		if (tha[i])
			tha_zero = false;
	switch (op) {
	case 1:
		dprintf_(c, "ARP, Request who-has %s", d_ip4str(tpa, a, sizeof a));
		if (!tha_zero)
			dprintf_(c, " (%s)", d_macstr(tha, hln, m1, sizeof m1));
		dprintf_(c, " tell %s", d_ip4str(spa, b, sizeof b));
		break;
	case 2:
		dprintf_(c, "ARP, Reply %s is-at %s", d_ip4str(spa, a, sizeof a),
		         d_macstr(sha, hln, m1, sizeof m1));
		break;
	case 3:
		dprintf_(c, "ARP, Reverse Request who-is %s tell %s",
		         d_macstr(tha, hln, m1, sizeof m1),
		         d_macstr(sha, hln, m2, sizeof m2));
		break;
	case 4:
		dprintf_(c, "ARP, Reverse Reply %s at %s",
		         d_macstr(tha, hln, m1, sizeof m1),
		         d_ip4str(tpa, a, sizeof a));
		break;
	case 8:
		dprintf_(c, "ARP, Inverse Request who-is %s tell %s",
		         d_macstr(tha, hln, m1, sizeof m1),
		         d_macstr(sha, hln, m2, sizeof m2));
		break;
	case 9:
		dprintf_(c, "ARP, Inverse Reply %s at %s",
		         d_macstr(sha, hln, m1, sizeof m1),
		         d_ip4str(spa, a, sizeof a));
		break;
	default:
		dprintf_(c, "ARP, Unknown (%u)", op);
		break;
	}
	dprintf_(c, ", length %zu", len);
}

void d_ether(struct dctx *c, const uint8_t *p, size_t cap, size_t len)
{
	const uint8_t *frame = p;
	size_t flen = len;
	unsigned type;
	char m1[32], m2[32];

	if (cap < 14) {
		dput(c, " [|ether]");
		return;
	}
	type = be16(p + 12);
	p += 14;
	cap -= 14;
	len = len >= 14 ? len - 14 : 0;
	/* 802.1Q and QinQ tags: tcpdump -n shows only what they carry */
	while (type == 0x8100 || type == 0x88a8 || type == 0x9100) {
		if (cap < 4) {
			dput(c, " [|vlan]");
			return;
		}
		type = be16(p + 2);
		p += 4;
		cap -= 4;
		len = len >= 4 ? len - 4 : 0;
	}
	if (len < cap)
		len = cap;
	switch (type) {
	case 0x0800:
		d_ip4(c, p, cap, len);
		return;
	case 0x86dd:
		d_ip6(c, p, cap, len);
		return;
	case 0x0806:
		d_arp(c, p, cap, len);
		return;
	}
	if (type < 0x0600 && d_llc(c, frame, p, cap, type < len ? type : len))
		return;
	d_macstr(frame + 6, 6, m1, sizeof m1);
	d_macstr(frame, 6, m2, sizeof m2);
	if (type < 0x0600)
		dprintf_(c, "%s > %s, 802.3, length %zu", m1, m2, flen);
	else
		dprintf_(c, "%s > %s, ethertype %s (0x%04x), length %zu", m1, m2,
		         ethertype_name(type), type, flen);
}

static void run(struct dctx *c, int linktype, const uint8_t *pkt,
                size_t caplen, size_t len)
{
	if (len < caplen)
		len = caplen;
	switch (linktype) {
	case DECODE_LINK_ETHERNET:
		d_ether(c, pkt, caplen, len);
		break;
	case DECODE_LINK_RAW:
		if (caplen == 0) {
			dput(c, " [|ip]");
		} else if ((pkt[0] >> 4) == 6) {
			d_ip6(c, pkt, caplen, len);
		} else {
			d_ip4(c, pkt, caplen, len);
		}
		break;
	default:
		dprintf_(c, "link type %d, length %zu", linktype, len);
		break;
	}
}

void decode_summary_opts(struct sbuf *out, struct decode_state *st,
                         bool update, const struct decode_opts *o,
                         int linktype, const uint8_t *pkt, size_t caplen,
                         size_t len)
{
	struct dctx c = { out, st, update && st, 0, false, false };

	if (o) {
		c.v = o->verbose;
		c.e = o->link;
		c.q = o->quiet;
	}
	run(&c, linktype, pkt, caplen, len);
	/* an empty sbuf has no string yet */
	if (!out->s)
		sbuf_add(out, "");
}

void decode_summary(struct sbuf *out, struct decode_state *st, bool update,
                    int linktype, const uint8_t *pkt, size_t caplen,
                    size_t len)
{
	decode_summary_opts(out, st, update, NULL, linktype, pkt, caplen, len);
}

void decode_track(struct decode_state *st, int linktype, const uint8_t *pkt,
                  size_t caplen, size_t len)
{
	struct dctx c = { NULL, st, st != NULL, 0, false, false };

	if (st)
		run(&c, linktype, pkt, caplen, len);
}

void decode_timestamp(struct sbuf *out, int64_t sec, long usec)
{
	time_t t = (time_t)sec;
	struct tm tm;

	if (!localtime_r(&t, &tm))
		memset(&tm, 0, sizeof tm);
	sbuf_printf(out, "%02d:%02d:%02d.%06ld", tm.tm_hour, tm.tm_min,
	            tm.tm_sec, usec);
}

void decode_hex(struct sbuf *out, const uint8_t *pkt, size_t caplen)
{
	for (size_t off = 0; off < caplen; off += 16) {
		char ascii[17];
		size_t n = caplen - off < 16 ? caplen - off : 16;

		sbuf_printf(out, "%04zx ", off);
		for (size_t i = 0; i < 16; i++) {
			if (i == 8)
				sbuf_addc(out, ' ');
			if (i < n)
				sbuf_printf(out, " %02x", pkt[off + i]);
			else
				sbuf_add(out, "   ");
			ascii[i] = i < n ? (pkt[off + i] >= 0x20 &&
			                    pkt[off + i] < 0x7f ? (char)pkt[off + i]
			                                        : '.') : '\0';
		}
		ascii[16] = '\0';
		sbuf_printf(out, "  %s\n", ascii);
	}
	if (!out->s)
		sbuf_add(out, "");
}
