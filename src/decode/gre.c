/* SPDX-License-Identifier: GPL-2.0-or-later */
/* gre.c - GRE (RFC 2784/2890 version 0, with RFC 1701 routing, and the
 * enhanced GRE of PPTP, version 1) as tcpdump -n 4.99 prints it, with
 * the PPP that GREv1 carries; and what the tunnel decoders (VXLAN,
 * Geneve, GRE) share: the bound on how deep they nest, ethertype names.
 * Every read of the packet goes through the checked cursor. */
#include <stdio.h>

#include "decode/cursor.h"
#include "decode/priv.h"

/* ---- shared by the tunnels ----------------------------------------------- */

/* A packet can hold tunnels in tunnels (VXLAN in GRE in VXLAN ...), each
 * level a few dozen bytes: without a bound a crafted 256 KiB packet
 * would recurse thousands of frames deep.  tcpdump has no bound; 32
 * levels is far beyond any real overlay. */
#define ENCAP_MAX 32

static _Thread_local unsigned encap_depth;

bool d_encap_enter(void)
{
	if (encap_depth >= ENCAP_MAX)
		return false;
	encap_depth++;
	return true;
}

void d_encap_leave(void)
{
	if (encap_depth)
		encap_depth--;
}

const char *d_ethertype_str(unsigned type)
{
	const char *s = d_ethertype_name(type);

	return s ? s : "unknown";
}

/* ---- GRE ----------------------------------------------------------------- */

#define GRE_CP 0x8000          /* checksum present */
#define GRE_RP 0x4000          /* routing present */
#define GRE_KP 0x2000          /* key present */
#define GRE_SP 0x1000          /* sequence number present */
#define GRE_SSR 0x0800         /* strict source route */
#define GRE_AP 0x0080          /* acknowledgment number present (v1) */

static void gre_flags(struct dctx *c, unsigned flags)
{
	static const struct { unsigned bit; const char *s; } tab[] = {
		{ GRE_CP, "checksum present" }, { GRE_RP, "routing present" },
		{ GRE_KP, "key present" }, { GRE_SP, "sequence# present" },
		{ GRE_SSR, "source routing present" }, { GRE_AP, "ack present" },
	};
	const char *sep = "";

	dput(c, ", Flags [");
	for (size_t i = 0; i < sizeof tab / sizeof tab[0]; i++)
		if (flags & tab[i].bit) {
			dprintf_(c, "%s%s", sep, tab[i].s);
			sep = ", ";
		}
	dprintf_(c, "%s]", *sep ? "" : "none");
}

/* One source route entry's addresses (RFC 1701): IPv4 ones (unit 4) or
 * AS numbers (unit 2), the one at the offset starred.  false: cut short. */
static bool gre_sre(struct dctx *c, unsigned af, unsigned off, unsigned slen,
                    const struct dcur *k)
{
	unsigned unit = af == 0x0800 ? 4 : 2;
	char a[32];

	dprintf_(c, ", (rtaf=%s", af == 0x0800 ? "ip" : "asn");
	if (off & (unit - 1)) {
		dprintf_(c, ", badoffset=%u)", off);
		return true;
	}
	if (slen & (unit - 1)) {
		dprintf_(c, ", badlength=%u)", slen);
		return true;
	}
	if (off >= slen) {
		dprintf_(c, ", badoff/len=%u/%u)", off, slen);
		return true;
	}
	for (unsigned at = 0; at < slen; at += unit) {
		const uint8_t *q;

		if (!dc_bytes(k, at, unit, &q) || at + unit > k->len) {
			dput(c, ")");
			return false;
		}
		if (unit == 4)
			dprintf_(c, " %s%s", at == off ? "*" : "",
			         d_ip4str(q, a, sizeof a));
		else
			dprintf_(c, " %s%x", at == off ? "*" : "", be16(q));
	}
	dput(c, ")");
	return true;
}

/* tcpdump's names of PPP protocols, NULL if none */
static const char *ppp_name(unsigned proto)
{
	static const struct { unsigned short t; const char *s; } tab[] = {
		{ 0x0021, "IP" }, { 0x0023, "OSI" }, { 0x0025, "NS" },
		{ 0x0027, "DECNET" }, { 0x0029, "APPLE" }, { 0x002b, "IPX" },
		{ 0x002d, "VJC IP" }, { 0x002f, "VJNC IP" }, { 0x0031, "BRPDU" },
		{ 0x0033, "STII" }, { 0x0035, "VINES" }, { 0x0281, "MPLS" },
		{ 0x0283, "MPLS" }, { 0x00fd, "Compressed" }, { 0x003d, "MLPPP" },
		{ 0x0057, "IP6" }, { 0x0201, "HELLO" }, { 0x0231, "LUXCOM" },
		{ 0x0233, "SNS" }, { 0x8021, "IPCP" }, { 0x8023, "OSICP" },
		{ 0x8025, "NSCP" }, { 0x8027, "DECNETCP" }, { 0x8029, "APPLECP" },
		{ 0x802b, "IPXCP" }, { 0x8033, "STIICP" }, { 0x8035, "VINESCP" },
		{ 0x8057, "IP6CP" }, { 0x8281, "MPLSCP" }, { 0xc021, "LCP" },
		{ 0xc023, "PAP" }, { 0xc025, "LQM" }, { 0xc223, "CHAP" },
		{ 0xc227, "EAP" }, { 0xc027, "SPAP" }, { 0xc123, "Old-SPAP" },
		{ 0xc02b, "BACP" }, { 0xc02d, "BAP" }, { 0xc03d, "MLPPP-CP" },
		{ 0x80fd, "CCP" },
	};

	for (size_t i = 0; i < sizeof tab / sizeof tab[0]; i++)
		if (tab[i].t == proto)
			return tab[i].s;
	return NULL;
}

/* The captured bytes as tcpdump dumps what it does not decode:
 * "\n\t0x0000: " and 16 bytes a line in groups of two (no mark when cut
 * short: tcpdump dumps what there is). */
static void hex_lines_at(struct dctx *c, const char *ident,
                         const struct dcur *k)
{
	for (size_t i = 0; i < k->cap; i++) {
		if (i % 16 == 0)
			dprintf_(c, "%s0x%04zx: ", ident, i);
		dprintf_(c, i % 2 ? "%02x" : " %02x", k->p[i]);
	}
}

static void hex_lines(struct dctx *c, const struct dcur *k)
{
	hex_lines_at(c, "\n\t", k);
}

/* n bytes of k from off on in hex lines after ident, as many of them as
 * were captured */
static void hex_part(struct dctx *c, const char *ident, const struct dcur *k,
                     size_t off, size_t n)
{
	struct dcur r = dc_sub(k, off, SIZE_MAX);

	if (r.cap > n)
		r.cap = n;
	hex_lines_at(c, ident, &r);
}

/* the names of the OUIs tcpdump knows (a PPP Vendor-Extension's) */
static const char *ppp_oui_name(uint32_t oui)
{
	static const struct { uint32_t oui; const char *s; } tab[] = {
		{ 0x000000, "Ethernet" }, { 0x00000c, "Cisco" },
		{ 0x00005e, "IANA" }, { 0x000081, "Nortel Networks SONMP" },
		{ 0x0000f8, "Cisco bridged" }, { 0x0080c2, "Ethernet bridged" },
		{ 0x00a03e, "ATM Forum" }, { 0x00e02f, "DOCSIS Spanning Tree" },
		{ 0x080007, "Appletalk" }, { 0x009069, "Juniper" },
		{ 0x080009, "Hewlett-Packard" },
		{ 0x00120f, "IEEE 802.3 Private" }, { 0x0012bb, "ANSI/TIA" },
		{ 0x001b21, "DCBX" }, { 0x002320, "Nicira Networks" },
		{ 0x5c16c7, "Big Switch Networks" },
		{ 0xb0d2f5, "Vello Systems" }, { 0x002481, "HP" },
		{ 0x0004ea, "HP-Labs" }, { 0x748771, "Infoblox Inc" },
		{ 0xa42305, "Open Networking Lab" }, { 0x00049f, "Freescale" },
		{ 0x0015ad, "Netronome" }, { 0x001018, "Broadcom" },
		{ 0x00e004, "PMC-Sierra" }, { 0xd0f0db, "Ericsson" },
	};

	for (size_t i = 0; i < sizeof tab / sizeof tab[0]; i++)
		if (tab[i].oui == oui)
			return tab[i].s;
	return "Unknown";
}

/* What -v adds to a control packet: its encoded length and what its
 * code carries; tcpdump's decoding of the options of a Conf-Request,
 * -Ack, -Nak and -Reject (LCP, IPCP, IP6CP, CCP, BACP) nsviz has not.
 * k starts at the code; the protocol field is the two bytes before it,
 * from off on in whole (tcpdump shows them with -vv). */
static void ppp_ctrl_v(struct dctx *c, const char *name, unsigned code,
                       const struct dcur *k, const struct dcur *whole,
                       size_t off)
{
	uint16_t len;
	uint32_t magic, x;
	size_t length = k->len;

	if (!dc_be16(k, 2, &len))
		goto trunc;
	if (len < 4) {
		dprintf_(c, "\n\tencoded length %u (< 4))", len);
		return;
	}
	if (len > length) {
		dprintf_(c, "\n\tencoded length %u (> packet length %zu))", len,
		         length);
		return;
	}
	length = len;
	dprintf_(c, "\n\tencoded length %u (=Option(s) length %u)", len,
	         len - 4u);
	if (length == 4)
		return;
	if (c->v > 1)
		hex_part(c, "\n\t", whole, off, 6);
	switch (code) {
	case 0:                                /* Vendor-Extension */
		if (length < 11)
			break;
		if (!dc_be32(k, 4, &magic) || !dc_be24(k, 8, &x))
			goto trunc;
		dprintf_(c, "\n\t  Magic-Num 0x%08x Vendor: %s (%u)", magic,
		         ppp_oui_name(x), x);
		break;
	case 1: case 2: case 3: case 4:        /* the options: not decoded */
	case 5: case 6: case 7:                /* Term-*, Code-Reject */
		break;
	case 8: {                              /* Prot-Reject */
		uint16_t rp;
		const char *rn;

		if (length < 6)
			break;
		if (!dc_be16(k, 4, &rp))
			goto trunc;
		rn = ppp_name(rp);
		dprintf_(c, "\n\t  Rejected %s Protocol (0x%04x)",
		         rn ? rn : "unknown", rp);
		if (len > 6) {
			dput(c, "\n\t  Rejected Packet");
			hex_part(c, "\n\t    ", k, 6, len - 2u);
		}
		break;
	}
	case 9: case 10: case 11:              /* Echo-*, Disc-Req */
		if (length < 8)
			break;
		if (!dc_be32(k, 4, &magic))
			goto trunc;
		dprintf_(c, "\n\t  Magic-Num 0x%08x", magic);
		if (len > 8) {
			dput(c, "\n\t  -----trailing data-----");
			if (!dc_has(k, 8, len - 8u)) {
				dprintf_(c, "[|%s]", name);
				return;
			}
			hex_part(c, "\n\t  ", k, 8, len - 8u);
		}
		break;
	case 12:                               /* Ident */
		if (length < 8)
			break;
		if (!dc_be32(k, 4, &magic))
			goto trunc;
		dprintf_(c, "\n\t  Magic-Num 0x%08x", magic);
		if (len > 8) {
			/* tcpdump prints len - 4 bytes from the message on */
			dput(c, "\n\t  Message\n\t    ");
			for (size_t i = 0; i < len - 4u; i++) {
				uint8_t ch;

				if (!dc_u8(k, 8 + i, &ch)) {
					dprintf_(c, "[|%s]", name);
					return;
				}
				d_put_char(c, ch);
			}
		}
		break;
	case 13:                               /* Time-Remaining */
		if (length < 12)
			break;
		if (!dc_be32(k, 4, &magic) || !dc_be32(k, 8, &x))
			goto trunc;
		dprintf_(c, "\n\t  Magic-Num 0x%08x, Seconds-Remaining %us",
		         magic, x);
		break;
	default:
		if (c->v <= 1)
			hex_part(c, "\n\t  ", whole, off, length + 2);
		break;
	}
	return;
trunc:
	/* a field tcpdump reads with its GET_ macros: it gives up on the
	 * packet (the "[|LCP]" forms above only end the message) */
	dput(c, " [|ppp]");
	d_hard_stop = true;
}

/* A PPP control protocol's packet (LCP, IPCP, CCP, ...): its code, id
 * and with -v what ppp_ctrl_v prints; whole and off as there. */
static void ppp_ctrl(struct dctx *c, const char *name, const struct dcur *k,
                     const struct dcur *whole, size_t off)
{
	static const char *const codes[16] = {
		"Vendor-Extension", "Conf-Request", "Conf-Ack", "Conf-Nack",
		"Conf-Reject", "Term-Request", "Term-Ack", "Code-Reject",
		"Prot-Reject", "Echo-Request", "Echo-Reply", "Disc-Req", "Ident",
		"Time-Rem", "Reset-Req", "Reset-Ack",
	};
	uint8_t code, id;

	dprintf_(c, "%s, ", name);
	if (k->len < 4 || !dc_u8(k, 0, &code) || !dc_u8(k, 1, &id)) {
		dprintf_(c, "[|%s]", name);
		return;
	}
	dprintf_(c, "%s (0x%02x), id %u, length %zu",
	         code < 16 ? codes[code] : "Unknown Opcode", code, id,
	         k->len + 2);
	if (c->v)
		ppp_ctrl_v(c, name, code, k, whole, off);
}

/* PPP as GREv1 carries it: address and control (or not), the protocol
 * (one byte when compressed), and the IP or IPv6 datagram in it. */
static void gre_ppp(struct dctx *c, struct dcur k)
{
	uint16_t hdr;
	uint8_t b;
	unsigned proto;
	size_t olen = k.len, at = 0;
	const char *name;
	struct dcur whole;

	if (k.len < 2)
		goto trunc;
	if (!dc_be16(&k, 0, &hdr))
		goto cut;
	if (hdr == 0xff03 || hdr == 0x0003 || hdr == 0x0103) {
		if (c->e && hdr != 0xff03)
			dput(c, hdr == 0x0003 ? "In  " : "Out ");
		at = 2;
	}
	if (k.len - at < 2)
		goto trunc;
	if (!dc_u8(&k, at, &b))
		goto cut;
	if (b & 1) {
		proto = b;
		at++;
	} else {
		if (!dc_be16(&k, at, &hdr))
			goto cut;
		proto = hdr;
		at += 2;
	}
	name = ppp_name(proto);
	whole = k;
	if (c->e) {
		if (!name) {
			dprintf_(c, "unknown (0x%04x), length %zu", proto, olen);
			return;
		}
		dprintf_(c, "%s (0x%04x), length %zu: ", name, proto, olen);
	}
	dc_skip(&k, at);
	switch (proto) {
	case 0x21:
	case 0x2f:
	case 0x0800:
		d_ip4(c, k.p, k.cap, k.len);
		return;
	case 0x57:
	case 0x86dd:
		d_ip6(c, k.p, k.cap, k.len);
		return;
	case 0xfd:
		dput(c, "compressed PPP data");
		return;
	}
	if (proto == 0xc021 || proto == 0x8021 || proto == 0x8023 ||
	    proto == 0x8281 || proto == 0x8057 || proto == 0x80fd ||
	    proto == 0xc02b) {
		ppp_ctrl(c, name, &k, &whole, at - 2);
		return;
	}
	/* tcpdump decodes CHAP, PAP, BAP, MLPPP, MPLS, IPX and OSI too;
	 * nsviz names them and dumps them as tcpdump dumps the rest */
	if ((proto & 0xff00) == 0x7e00)
		return;                /* tcpdump's un-escaping of HDLC */
	if (name)
		dprintf_(c, "%s ", name);
	else
		dprintf_(c, "unknown PPP protocol (0x%04x) ", proto);
	hex_lines(c, &k);
	return;
cut:
	/* the length says the bytes are there, the capture has not got
	 * them: tcpdump's GET_ read gives up on the whole packet */
	d_hard_stop = true;
trunc:
	dput(c, " [|ppp]");
}

/* MPLS (RFC 3032) in GRE: the label stack, then IPv4 or IPv6 when the
 * bottom label or the first byte says which, else a dump.  tcpdump's
 * MPLS printer jumps out on every byte it misses (its checks too), so
 * each " [|mpls]" abandons the packet. */
static void gre_mpls(struct dctx *c, struct dcur k)
{
	static const char *const names[4] = {
		"IPv4 explicit NULL", "router alert", "IPv6 explicit NULL",
		"implicit NULL",
	};
	uint32_t e;
	unsigned label, depth = 0;
	uint8_t first;
	int pt;

	dput(c, "MPLS");
	do {
		if (k.len < 4) {
			dput(c, " (invalid)");
			if (k.cap < k.len) {
				dput(c, " [|mpls]");
				d_hard_stop = true;
			}
			return;
		}
		if (!dc_be32(&k, 0, &e)) {
			dput(c, " [|mpls]");
			d_hard_stop = true;
			return;
		}
		label = e >> 12;
		dprintf_(c, "%s(label %u", depth && c->v ? "\n\t" : " ", label);
		depth++;
		if (c->v && label < 16)
			dprintf_(c, " (%s)", label < 4 ? names[label] : "rsvd");
		dprintf_(c, ", tc %u", (e >> 9) & 7u);
		if (e & 0x100)
			dput(c, ", [S]");
		dprintf_(c, ", ttl %u)", e & 0xffu);
		dc_skip(&k, 4);
	} while (!(e & 0x100));
	if (label == 0 || label == 3) {
		pt = 4;
	} else if (label == 2) {
		pt = 6;
	} else {
		if (k.len < 1)
			return;
		if (!dc_u8(&k, 0, &first)) {
			dput(c, " [|mpls]");
			d_hard_stop = true;
			return;
		}
		pt = first >= 0x45 && first <= 0x4f ? 4 :
		     first >= 0x60 && first <= 0x6f ? 6 : 0;
	}
	if (pt == 0) {
		/* OSI (first byte 0x81-0x83) tcpdump decodes too; -q, -x,
		 * -X and -A turn its dump of the rest off */
		if (c->q || c->nodump)
			return;
		d_default_print(c, k.p, k.cap);
		if (k.cap != k.len) {
			/* the dump of fewer bytes than the length jumps out */
			dput(c, " [|mpls]");
			d_hard_stop = true;
		}
		return;
	}
	dput(c, c->v ? "\n\t" : " ");
	if (pt == 4)
		d_ip4(c, k.p, k.cap, k.len);
	else
		d_ip6(c, k.p, k.cap, k.len);
}

/* What the GRE header carries, by its protocol type. */
static void gre_inner(struct dctx *c, unsigned prot, struct dcur k, int vers)
{
	if (!d_encap_enter()) {
		dput(c, " [|gre]");
		return;
	}
	if (vers == 1 && prot == 0x880b) {
		gre_ppp(c, k);
	} else if (vers == 0 && prot == 0x0800) {
		d_ip4(c, k.p, k.cap, k.len);
	} else if (vers == 0 && prot == 0x86dd) {
		d_ip6(c, k.p, k.cap, k.len);
	} else if (vers == 0 && prot == 0x6558) {
		d_ether(c, k.p, k.cap, k.len);
	} else if (vers == 0 && prot == 0x8847) {
		gre_mpls(c, k);
	} else {
		/* IPX, AppleTalk and OSI tcpdump decodes too */
		dprintf_(c, "gre-proto-0x%x", prot);
	}
	d_encap_leave();
}

/* An optional 32-bit field: false when cut short. */
static bool gre_word(struct dcur *k, uint32_t *v)
{
	if (k->len < 4 || !dc_be32(k, 0, v))
		return false;
	dc_skip(k, 4);
	return true;
}

static void gre_v0(struct dctx *c, struct dcur k, unsigned flags,
                   size_t length)
{
	uint16_t prot, w;
	uint32_t v;

	if (c->v)
		gre_flags(c, flags);
	dc_skip(&k, 2);
	if (!dc_be16(&k, 0, &prot) || k.len < 2)
		goto trunc;
	dc_skip(&k, 2);
	if (flags & (GRE_CP | GRE_RP)) {
		if (!dc_be16(&k, 0, &w) || k.len < 2)
			goto trunc;
		if (c->v)
			dprintf_(c, ", sum 0x%x", w);
		dc_skip(&k, 2);
		if (!dc_be16(&k, 0, &w) || k.len < 2)
			goto trunc;
		dprintf_(c, ", off 0x%x", w);
		dc_skip(&k, 2);
	}
	if (flags & GRE_KP) {
		if (!gre_word(&k, &v))
			goto trunc;
		dprintf_(c, ", key=0x%x", v);
	}
	if (flags & GRE_SP) {
		if (!gre_word(&k, &v))
			goto trunc;
		dprintf_(c, ", seq %u", v);
	}
	if (flags & GRE_RP) {
		for (;;) {
			uint16_t af;
			uint8_t off, slen;

			if (k.len < 4 || !dc_be16(&k, 0, &af) ||
			    !dc_u8(&k, 2, &off) || !dc_u8(&k, 3, &slen))
				goto trunc;
			dc_skip(&k, 4);
			if (af == 0 && slen == 0)
				break;
			if (af == 0x0800 || af == 0xfffe) {
				if (!gre_sre(c, af, off, slen, &k))
					goto trunc;
			} else {
				dprintf_(c, ", (rtaf=0x%x)", af);
			}
			if (k.len < slen)
				goto trunc;
			if (!dc_skip(&k, slen))
				k = dc_sub(&k, k.cap, SIZE_MAX);
		}
	}
	if (c->e)
		dprintf_(c, ", proto %s (0x%04x)", d_ethertype_str(prot), prot);
	dprintf_(c, ", length %zu", length);
	dput(c, c->v ? "\n\t" : ": ");
	gre_inner(c, prot, k, 0);
	return;
trunc:
	dput(c, " [|gre]");
}

static void gre_v1(struct dctx *c, struct dcur k, unsigned flags,
                   size_t length)
{
	uint16_t prot;
	uint32_t v;

	dc_skip(&k, 2);
	if (c->v)
		gre_flags(c, flags);
	if (!dc_be16(&k, 0, &prot) || k.len < 2)
		goto trunc;
	dc_skip(&k, 2);
	if (flags & GRE_KP) {
		if (!gre_word(&k, &v))
			goto trunc;
		dprintf_(c, ", call %u", v & 0xffff);
	}
	if (flags & GRE_SP) {
		if (!gre_word(&k, &v))
			goto trunc;
		dprintf_(c, ", seq %u", v);
	}
	if (flags & GRE_AP) {
		if (!gre_word(&k, &v))
			goto trunc;
		dprintf_(c, ", ack %u", v);
	}
	if (!(flags & GRE_SP))
		dput(c, ", no-payload");
	if (c->e)
		dprintf_(c, ", proto %s (0x%04x)", d_ethertype_str(prot), prot);
	dprintf_(c, ", length %zu", length);
	if (!(flags & GRE_SP))
		return;
	dput(c, c->v ? "\n\t" : ": ");
	gre_inner(c, prot, k, 1);
	return;
trunc:
	dput(c, " [|gre]");
}

bool d_gre(struct dctx *c, const struct ipinfo *ip, const uint8_t *p,
           size_t cap, size_t len)
{
	struct dcur k = dc_make(p, cap < len ? cap : len, len);
	uint16_t flags;

	(void)ip;
	if (!dc_be16(&k, 0, &flags) || k.len < 2) {
		dput(c, " [|gre]");
		return true;
	}
	dprintf_(c, "GREv%u", flags & 7u);
	switch (flags & 7u) {
	case 0:
		gre_v0(c, k, flags, k.len);
		break;
	case 1:
		gre_v1(c, k, flags, k.len);
		break;
	default:
		dput(c, " ERROR: unknown-version");
		break;
	}
	return true;
}
