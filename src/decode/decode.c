/* SPDX-License-Identifier: GPL-2.0-or-later */
/* decode.c - the decoder's entry points, the link layer (Ethernet,
 * 802.1Q, Linux cooked captures v1 and v2 as `tcpdump -i any` writes
 * them) and ARP, with tcpdump's -e, -v and -q forms.  The text follows
 * tcpdump -n 4.99 where it decodes the same protocols. */
#include <arpa/inet.h>
#include <net/if.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "decode/cursor.h"
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

/* One byte of a name or string from a packet, as tcpdump 4.99's
 * fn_print_char (util-print.c) shows it: printable ASCII (0x20..0x7e) as
 * itself, "M-" before a byte with the high bit set (then its low 7 bits),
 * "^" and the byte xor 0x40 for a control character or DEL ("^@", "^?").
 * Every printer nsviz follows here prints with that one function
 * (nd_printn, nd_printjnp, nd_printztn, or fn_print_char directly: DNS,
 * BOOTP, ICMPv6 node information and ND options, PPP LCP in GRE, NTP's
 * reference id, STP's MST/SPB names, TCP reset data), so there is no
 * variant. */
void d_put_char(struct dctx *c, uint8_t ch)
{
	char b[4];
	size_t n = 0;

	if (!c->out)
		return;
	if (ch >= 0x20 && ch < 0x7f) {
		sbuf_addc(c->out, (char)ch);
		return;
	}
	if (ch & 0x80) {
		ch &= 0x7f;
		b[n++] = 'M';
		b[n++] = '-';
	}
	if (ch < 0x20 || ch == 0x7f) {
		ch ^= 0x40;
		b[n++] = '^';
	}
	b[n++] = (char)ch;
	sbuf_addn(c->out, b, n);
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
	return linktype == DECODE_LINK_ETHERNET || linktype == DECODE_LINK_RAW ||
	       linktype == DECODE_LINK_LINUX_SLL ||
	       linktype == DECODE_LINK_LINUX_SLL2;
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

/* Ethertypes by tcpdump's names (what -e prints; most are not decoded) */
const char *d_ethertype_name(unsigned t)
{
	switch (t) {
	case 0x0800: return "IPv4";
	case 0x8847: return "MPLS unicast";
	case 0x8848: return "MPLS multicast";
	case 0x86dd: return "IPv6";
	case 0x8100: return "802.1Q";
	case 0x9100: return "802.1Q-9100";
	case 0x88a8: return "802.1Q-QinQ";
	case 0x9200: return "802.1Q-9200";
	case 0x88e5: return "802.1AE MACsec";
	case 0x0200: return "PUP";
	case 0x0806: return "ARP";
	case 0x8035: return "Reverse ARP";
	case 0x0600: return "NS";
	case 0x0500: return "Sprite";
	case 0x1000: return "Trail";
	case 0x6001: return "MOP DL";
	case 0x6002: return "MOP RC";
	case 0x6003: return "DN";
	case 0x6004: return "LAT";
	case 0x6007: return "SCA";
	case 0x6558: return "TEB";
	case 0x8038: return "Lanbridge";
	case 0x803c: return "DEC DNS";
	case 0x803e: return "DEC DTS";
	case 0x805b: return "VEXP";
	case 0x805c: return "VPROD";
	case 0x809b: return "Appletalk";
	case 0x80f3: return "Appletalk ARP";
	case 0x8137: return "IPX";
	case 0x880b: return "PPP";
	case 0x8808: return "MPCP";
	case 0x8809: return "Slow Protocols";
	case 0x8863: return "PPPoE D";
	case 0x8864: return "PPPoE S";
	case 0x888e: return "EAPOL";
	case 0x8899: return "Realtek protocols";
	case 0x886f: return "MS NLB heartbeat";
	case 0x8870: return "Jumbo";
	case 0x894f: return "NSH";
	case 0x9000: return "Loopback";
	case 0xfefe: return "OSI";
	case 0x00fe: return "GRE-OSI";
	case 0xabcd: return "CFM (old)";
	case 0x8902: return "CFM";
	case 0x893a: return "IEEE1905.1";
	case 0x88cc: return "LLDP";
	case 0x88ca: return "TIPC";
	case 0x0707: return "GeoNet (old)";
	case 0x8947: return "GeoNet";
	case 0x1111: return "CALM FAST";
	case 0x88a2: return "AoE";
	case 0x88f7: return "PTP";
	case 0xd28b: return "Arista Vendor Specific Protocol";
	default:     return NULL;
	}
}

void d_default_print(struct dctx *c, const uint8_t *p, size_t n)
{
	if (!c->nodump)
		d_default_print_always(c, p, n);
}

void d_default_print_always(struct dctx *c, const uint8_t *p, size_t n)
{
	char hex[41], asc[17];
	size_t h = 0, a = 0, off = 0;

	if (!c->out)
		return;
	for (size_t i = 0; i < n; i++) {
		if (i % 2 == 0)
			h += (size_t)snprintf(hex + h, sizeof hex - h, " ");
		h += (size_t)snprintf(hex + h, sizeof hex - h, "%02x", p[i]);
		asc[a++] = p[i] > 0x20 && p[i] < 0x7f ? (char)p[i] : '.';
		if (a == 16 || i + 1 == n) {
			asc[a] = '\0';
			dprintf_(c, "\n\t0x%04zx: %-40s  %s", off, hex, asc);
			off += 16;
			h = a = 0;
			hex[0] = '\0';
		}
	}
}

static const char *ethertype_name(unsigned t)
{
	const char *n = d_ethertype_name(t);

	return n ? n : "Unknown";
}

/* "ethertype IPv4 (0x0800)", or with -q "IPv4" */
static void ether_type_print(struct dctx *c, unsigned t)
{
	if (!c->q)
		dprintf_(c, "ethertype %s (0x%04x)", ethertype_name(t), t);
	else if (d_ethertype_name(t))
		dput(c, d_ethertype_name(t));
	else
		dprintf_(c, "Unknown Ethertype (0x%04x)", t);
}

/* a link-level address as tcpdump's linkaddr_string writes it */
static const char *arp_addr(const uint8_t *a, unsigned n, char *buf,
                            size_t len)
{
	if (n == 0)
		return "<empty>";
	return d_macstr(a, n, buf, len);
}

static void arp_ip(struct dctx *c, unsigned pro, unsigned pln,
                   const uint8_t *a)
{
	char s[32];

	if (pro != 0x0800 && pro != 0x1000)
		dput(c, "<wrong proto type>");
	else if (pln != 4)
		dput(c, "<wrong len>");
	else
		dput(c, d_ip4str(a, s, sizeof s));
}

static void d_arp(struct dctx *c, const uint8_t *p, size_t cap, size_t len)
{
	struct dcur k = dc_make(p, cap, len);
	unsigned hrd, pro, hln, pln, op;
	const uint8_t *sha, *spa, *tha, *tpa;
	char m1[800], m2[800];
	bool tha_zero = true;
	const char *opn;

	if (!dc_has(&k, 0, 8)) {
		dput(c, " [|arp]");
		d_hard_stop = true;
		return;
	}
	hrd = be16(p);
	if (hrd == 19 && !dc_has(&k, 0, 12)) {
		/* ATM ARP (RFC 2225): a longer fixed header, not decoded */
		dput(c, " [|arp]");
		d_hard_stop = true;
		return;
	}
	pro = be16(p + 2);
	hln = p[4];
	pln = p[5];
	op = be16(p + 6);
	if (!dc_has(&k, 8 + 2 * (size_t)hln + pln, pln)) {
		dput(c, " [|arp]");
		d_hard_stop = true;
		return;
	}
	if (!c->e)
		dput(c, "ARP, ");
	if ((pro != 0x0800 && pro != 0x1000) || pln != 4 || hln == 0 || c->v) {
		const char *hn = hrd == 1 ? "Ethernet" : hrd == 6 ? "TokenRing" :
		                 hrd == 7 ? "ArcNet" : hrd == 15 ? "FrameRelay" :
		                 hrd == 23 ? "Strip" : hrd == 24 ? "IEEE 1394" :
		                 hrd == 19 ? "ATM" : hrd == 32 ? "InfiniBand" :
		                 NULL;
		const char *pn = d_ethertype_name(pro);

		if (hn)
			dprintf_(c, "%s (len %u), ", hn, hln);
		else
			dprintf_(c, "Unknown Hardware (%u) (len %u), ", hrd, hln);
		if (pn)
			dprintf_(c, "%s (len %u)", pn, pln);
		else
			dprintf_(c, "Unknown Protocol (0x%04x) (len %u)", pro, pln);
		if (!c->v) {
			dprintf_(c, ", length %zu", len);
			return;
		}
	}
	sha = p + 8;
	spa = sha + hln;
	tha = spa + pln;
	tpa = tha + hln;
	for (unsigned i = 0; i < hln; i++)
		if (tha[i])
			tha_zero = false;
	switch (op) {
	case 1: opn = "Request"; break;
	case 2: opn = "Reply"; break;
	case 3: opn = "Reverse Request"; break;
	case 4: opn = "Reverse Reply"; break;
	case 8: opn = "Inverse Request"; break;
	case 9: opn = "Inverse Reply"; break;
	case 10: opn = "NACK Reply"; break;
	default: opn = NULL; break;
	}
	if (opn)
		dprintf_(c, "%s%s ", c->v ? ", " : "", opn);
	else
		dprintf_(c, "%sUnknown (%u) ", c->v ? ", " : "", op);
	switch (op) {
	case 1:
		dput(c, "who-has ");
		arp_ip(c, pro, pln, tpa);
		if (!tha_zero)
			dprintf_(c, " (%s)", arp_addr(tha, hln, m1, sizeof m1));
		dput(c, " tell ");
		arp_ip(c, pro, pln, spa);
		break;
	case 2:
		arp_ip(c, pro, pln, spa);
		dprintf_(c, " is-at %s", arp_addr(sha, hln, m1, sizeof m1));
		break;
	case 3:
	case 8:
		dprintf_(c, "who-is %s tell %s", arp_addr(tha, hln, m1, sizeof m1),
		         arp_addr(sha, hln, m2, sizeof m2));
		break;
	case 4:
		dprintf_(c, "%s at ", arp_addr(tha, hln, m1, sizeof m1));
		arp_ip(c, pro, pln, tpa);
		break;
	case 9:
		dprintf_(c, "%s at ", arp_addr(sha, hln, m1, sizeof m1));
		arp_ip(c, pro, pln, spa);
		break;
	default:
		/* an operation tcpdump does not know: the bytes in hex, with
		 * -q, -x or -X as well (tcpdump does not ask its flag here) */
		d_default_print_always(c, p, cap);
		return;
	}
	dprintf_(c, ", length %zu", len);
}

/* What an ethertype carries; false when nsviz does not decode it. */
static bool ethertype_payload(struct dctx *c, unsigned type, const uint8_t *p,
                              size_t cap, size_t len)
{
	switch (type) {
	case 0x0800:
		d_ip4(c, p, cap, len);
		return true;
	case 0x86dd:
		d_ip6(c, p, cap, len);
		return true;
	case 0x0806:
	case 0x8035:
		d_arp(c, p, cap, len);
		return true;
	}
	return false;
}

static bool is_vlan_type(unsigned t)
{
	return t == 0x8100 || t == 0x9100 || t == 0x9200 || t == 0x88a8;
}

static void vlan_tci(struct dctx *c, unsigned tci)
{
	dprintf_(c, "vlan %u, p %u%s, ", tci & 0xfff, tci >> 13,
	         (tci & 0x1000) ? ", DEI" : "");
}

void d_ether(struct dctx *c, const uint8_t *p, size_t cap, size_t len)
{
	struct dcur k = dc_make(p, cap, len);
	const uint8_t *frame = p;
	size_t flen = len;
	uint16_t type;
	bool printed_length = false;
	char m1[32], m2[32];

	if (!dc_be16(&k, 12, &type)) {
		dput(c, " [|ether]");
		return;
	}
	if (c->e && c->out)
		dprintf_(c, "%s > %s, ", d_macstr(frame + 6, 6, m1, sizeof m1),
		         d_macstr(frame, 6, m2, sizeof m2));
	dc_skip(&k, 14);
	/* 802.1Q and QinQ tags: -e shows them, tcpdump -n only what they carry */
	while (is_vlan_type(type)) {
		uint16_t tci;
		unsigned tagtype = type;

		if (!dc_be16(&k, 0, &tci) || !dc_be16(&k, 2, &type) ||
		    k.len < 4) {
			dput(c, " [|vlan]");
			return;
		}
		if (c->e) {
			ether_type_print(c, tagtype);
			if (!printed_length) {
				dprintf_(c, ", length %zu: ", flen);
				printed_length = true;
			} else {
				dput(c, ", ");
			}
			vlan_tci(c, tci);
		}
		dc_skip(&k, 4);
	}
	if (type <= 1500) {
		size_t l = k.len;

		if (type < l)
			l = type;
		if (c->e) {
			dput(c, "802.3");
			if (!printed_length)
				dprintf_(c, ", length %zu: ", l);
		}
		if (d_llc(c, frame, k.p, k.cap < l ? k.cap : l, l))
			return;
		if (!c->e && c->out)
			dprintf_(c, "%s > %s, 802.3, length %zu",
			         d_macstr(frame + 6, 6, m1, sizeof m1),
			         d_macstr(frame, 6, m2, sizeof m2), flen);
		return;
	}
	if (c->e) {
		ether_type_print(c, type);
		if (!printed_length)
			dprintf_(c, ", length %zu: ", flen);
		else
			dput(c, ", ");
	}
	if (ethertype_payload(c, type, k.p, k.cap, k.len))
		return;
	if (!c->e && c->out) {
		dprintf_(c, "%s > %s, ", d_macstr(frame + 6, 6, m1, sizeof m1),
		         d_macstr(frame, 6, m2, sizeof m2));
		ether_type_print(c, type);
		dprintf_(c, ", length %zu: ", flen);
	}
	if (!c->q)             /* tcpdump -q: no hex of what it cannot decode */
		d_default_print(c, k.p, k.cap);
}

/* ---- Linux cooked captures (tcpdump -i any) ---------------------------- */

static const char *sll_pkttype(unsigned t)
{
	switch (t) {
	case 0: return "In";
	case 1: return "B";
	case 2: return "M";
	case 3: return "P";
	case 4: return "Out";
	default: return "?";
	}
}

/* if_indextoname costs a socket and an ioctl: a capture on "any" asks
 * for the same few indexes on every packet, so each answer is kept for
 * a second (a renamed interface shows its new name a second later). */
#define IFNAME_SLOTS 8

static bool default_ifname(unsigned idx, char *buf, size_t n)
{
	static _Thread_local struct {
		unsigned idx;
		time_t when;
		bool found;
		char name[IF_NAMESIZE];
	} slot[IFNAME_SLOTS];
	static _Thread_local unsigned next;
	time_t now = time(NULL);
	size_t i;

	for (i = 0; i < IFNAME_SLOTS; i++)
		if (slot[i].when && slot[i].idx == idx && now - slot[i].when < 1)
			break;
	if (i == IFNAME_SLOTS) {
		for (i = 0; i < IFNAME_SLOTS; i++)
			if (slot[i].when && slot[i].idx == idx)
				break;
		if (i == IFNAME_SLOTS)
			i = next++ % IFNAME_SLOTS;
		slot[i].idx = idx;
		slot[i].when = now ? now : 1;
		slot[i].found = if_indextoname(idx, slot[i].name) != NULL;
	}
	if (!slot[i].found)
		return false;
	snprintf(buf, n, "%s", slot[i].name);
	return true;
}

static _Thread_local d_ifname_fn ifname_fn = default_ifname;

void d_set_ifname_fn(d_ifname_fn fn)
{
	ifname_fn = fn ? fn : default_ifname;
}

void decode_set_ifname_fn(decode_ifname_fn fn)
{
	d_set_ifname_fn(fn);
}

/* The -e part of a cooked header after the direction (v1) or the index
 * (v2): the address, then the protocol and the length. */
static void sll_link(struct dctx *c, unsigned halen, const uint8_t *addr,
                     unsigned proto, size_t len)
{
	char m[32];

	if (halen == 6)
		dprintf_(c, "%s ", d_macstr(addr, 6, m, sizeof m));
	if (c->q)
		return;
	if (proto <= 1500) {
		if (proto == 1)
			dput(c, "802.3");
		else if (proto == 4)
			dput(c, "802.2");
		else
			dprintf_(c, "ethertype Unknown (0x%04x)", proto);
	} else {
		dprintf_(c, "ethertype %s (0x%04x)", ethertype_name(proto), proto);
	}
	dprintf_(c, ", length %zu: ", len);
}

/* What follows a cooked header: k from its end on; hdr prints the -e
 * text when the protocol is not decoded and -e did not print it. */
static void sll_payload(struct dctx *c, struct dcur k, unsigned hatype,
                        unsigned proto, void (*hdr)(struct dctx *,
                                                    const uint8_t *, size_t),
                        const uint8_t *h, size_t wire)
{
	if (hatype == 803) {
		/* radiotap and 802.11 are not decoded; only a radiotap
		 * header cut short or shorter than 8 bytes ends as
		 * tcpdump's does */
		uint8_t lo, hi;

		if (!dc_u8(&k, 2, &lo) || !dc_u8(&k, 3, &hi) ||
		    !dc_has(&k, 0, 8) || (unsigned)(lo | hi << 8) < 8 ||
		    !dc_has(&k, 0, (size_t)(lo | hi << 8)))
			dput(c, " [|802.11_radio]");
		return;
	}
	for (;;) {
		if (proto == 4) {
			/* 802.2: an LLC header, no MAC addresses to show */
			if (!d_llc(c, NULL, k.p, k.cap, k.len) && !c->q)
				d_default_print(c, k.p, k.cap);
			return;
		}
		if (proto == 1) {
			/* 802.3: Novell's raw IPX, not decoded but for an
			 * IPX header cut short */
			if (!dc_has(&k, 0, 30) && c->out) {
				if (!c->e)
					dput(c, "IPX ");
				dput(c, " [|ipx]");
				d_hard_stop = true;    /* tcpdump's IPX gives up */
			}
			return;
		}
		if (proto <= 1500) {
			/* nothing tcpdump knows: the bytes in hex */
			if (!c->q)
				d_default_print(c, k.p, k.cap);
			return;
		}
		if (proto == 0x8100) {
			uint16_t tci, inner;

			if (!dc_be16(&k, 0, &tci) || !dc_be16(&k, 2, &inner)) {
				dput(c, " [|vlan]");
				return;
			}
			if (c->e)
				vlan_tci(c, tci);
			proto = inner <= 1500 ? 4 : inner;
			if (!c->q)
				dprintf_(c, "ethertype %s, ", ethertype_name(proto));
			dc_skip(&k, 4);
			wire -= 4;     /* tcpdump's length then counts from here */
			continue;
		}
		if (ethertype_payload(c, proto, k.p, k.cap, k.len))
			return;
		if (!c->e)
			hdr(c, h, wire);
		if (!c->q)
			d_default_print(c, k.p, k.cap);
		return;
	}
}

static void sll1_hdr(struct dctx *c, const uint8_t *h, size_t wire)
{
	dprintf_(c, "%3s ", sll_pkttype(be16(h)));
	sll_link(c, be16(h + 4), h + 6, be16(h + 14), wire);
}

static void d_sll(struct dctx *c, const uint8_t *p, size_t cap, size_t len)
{
	struct dcur k = dc_make(p, cap, len);

	if (!dc_has(&k, 0, 16)) {
		dput(c, " [|sll]");
		d_hard_stop = true;    /* tcpdump's cooked printers give up */
		return;
	}
	if (c->e)
		sll1_hdr(c, p, len);
	dc_skip(&k, 16);
	sll_payload(c, k, be16(p + 2), be16(p + 14), sll1_hdr, p, len);
}

static void sll2_hdr(struct dctx *c, const uint8_t *h, size_t wire)
{
	dprintf_(c, "ifindex %u ", be32(h + 4));
	sll_link(c, h[11], h + 12, be16(h), wire);
}

static void d_sll2(struct dctx *c, const uint8_t *p, size_t cap, size_t len)
{
	struct dcur k = dc_make(p, cap, len);
	char name[64];

	if (!dc_has(&k, 0, 20)) {
		dput(c, " [|sll2]");
		d_hard_stop = true;
		return;
	}
	if (c->out) {
		if (!ifname_fn(be32(p + 4), name, sizeof name))
			snprintf(name, sizeof name, "?");
		dprintf_(c, "%-5s %-3s ", name, sll_pkttype(p[10]));
	}
	if (c->e)
		sll2_hdr(c, p, len);
	dc_skip(&k, 20);
	sll_payload(c, k, be16(p + 8), be16(p), sll2_hdr, p, len);
}

static void run(struct dctx *c, int linktype, const uint8_t *pkt,
                size_t caplen, size_t len)
{
	if (len < caplen)
		len = caplen;
	d_hard_stop = false;
	switch (linktype) {
	case DECODE_LINK_ETHERNET:
		d_ether(c, pkt, caplen, len);
		break;
	case DECODE_LINK_LINUX_SLL:
		d_sll(c, pkt, caplen, len);
		break;
	case DECODE_LINK_LINUX_SLL2:
		d_sll2(c, pkt, caplen, len);
		break;
	case DECODE_LINK_RAW:
		if (c->e)
			dput(c, "ip: ");
		if (caplen == 0)
			dput(c, " [|ip]");
		else if ((pkt[0] >> 4) == 6)
			d_ip6(c, pkt, caplen, len);
		else if ((pkt[0] >> 4) == 4)
			d_ip4(c, pkt, caplen, len);
		else
			dprintf_(c, "unknown ip %u", pkt[0] >> 4);
		break;
	default:
		dprintf_(c, "link type %d, length %zu", linktype, len);
		break;
	}
}

void decode_summary_res(struct sbuf *out, struct decode_state *st,
                        bool update, const struct decode_opts *o,
                        int linktype, const uint8_t *pkt, size_t caplen,
                        size_t len, struct decode_result *res)
{
	struct dctx c = { out, st, update && st, 0, false, false, false };

	if (o) {
		c.v = o->verbose;
		c.e = o->link;
		c.q = o->quiet;
		/* tcpdump's -q stops those hex lines as -x and -X do */
		c.nodump = o->no_default_dump || o->quiet;
	}
	run(&c, linktype, pkt, caplen, len);
	if (res)
		res->abandoned = d_hard_stop;
	/* an empty sbuf has no string yet */
	if (!out->s)
		sbuf_add(out, "");
}

void decode_summary_opts(struct sbuf *out, struct decode_state *st,
                         bool update, const struct decode_opts *o,
                         int linktype, const uint8_t *pkt, size_t caplen,
                         size_t len)
{
	decode_summary_res(out, st, update, o, linktype, pkt, caplen, len,
	                   NULL);
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
	struct dctx c = { NULL, st, st != NULL, 0, false, false, false };

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
