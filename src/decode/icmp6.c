/* SPDX-License-Identifier: GPL-2.0-or-later */
/* icmp6.c - ICMPv6 in the words tcpdump -n (and -v, -vv) uses: errors,
 * echo, MLDv1/v2, neighbour discovery (the options: nd6opt.c), router
 * renumbering, node information, home agent and mobile prefix
 * discovery, RPL (rpl.c), and the "[icmp6 sum ok]" mark of -v, summed
 * over the IPv6 pseudo-header.  Every read of the packet goes through
 * the checked cursor; a read that fails ends the text with " [|icmp6]"
 * where tcpdump ends it. */
#include <stdio.h>
#include <string.h>

#include "decode/cursor.h"
#include "decode/priv.h"

static const char *icmp6_name(unsigned type)
{
	switch (type) {
	case 1:   return "destination unreachable";
	case 2:   return "packet too big";
	case 3:   return "time exceeded in-transit";
	case 4:   return "parameter problem";
	case 128: return "echo request";
	case 129: return "echo reply";
	case 130: return "multicast listener query";
	case 131: return "multicast listener report";
	case 132: return "multicast listener done";
	case 133: return "router solicitation";
	case 134: return "router advertisement";
	case 135: return "neighbor solicitation";
	case 136: return "neighbor advertisement";
	case 137: return "redirect";
	case 138: return "router renumbering";
	case 139: return "who-are-you request";   /* tcpdump's first name */
	case 140: return "who-are-you reply";
	case 141: return "inverse neighbor solicitation";
	case 142: return "inverse neighbor advertisement";
	case 143: return "multicast listener report v2";
	case 144: return "ha discovery request";
	case 145: return "ha discovery reply";
	case 146: return "mobile router solicitation";
	case 147: return "mobile router advertisement";
	case 155: return "RPL";
	case 200: return "mtrace response";
	case 201: return "mtrace message";
	default:  return NULL;
	}
}

/* An IPv6 address at off, or false when it was not captured. */
static bool addr6(const struct dcur *k, size_t off, char *buf, size_t n)
{
	const uint8_t *a;

	if (!dc_bytes(k, off, 16, &a))
		return false;
	d_ip6str(a, buf, n);
	return true;
}

/* tcpdump's hex dump of unknown data: lines of 8 groups of 2 bytes,
 * each line starting with ident and the offset. */
void d_icmp6_hex(struct dctx *c, const char *ident, const uint8_t *p,
                 size_t n)
{
	size_t i;

	for (i = 0; i + 1 < n; i += 2) {
		if (i % 16 == 0)
			dprintf_(c, "%s0x%04zx: ", ident, i);
		dprintf_(c, " %02x%02x", p[i], p[i + 1]);
	}
	if (n & 1) {
		if (i % 16 == 0)
			dprintf_(c, "%s0x%04zx: ", ident, i);
		dprintf_(c, " %02x", p[i]);
	}
}

/* the hex dump of what was captured of n bytes at off in p (cap bytes) */
void d_icmp6_hexcap(struct dctx *c, const char *ident, const uint8_t *p,
                    size_t cap, size_t off, size_t n)
{
	if (off > cap)
		return;
	if (n > cap - off)
		n = cap - off;
	d_icmp6_hex(c, ident, p + off, n);
}

/* ---- destination unreachable: the inner packet's transport port ------ */

/* The inner packet's TCP or UDP destination port, the extension headers
 * walked as tcpdump walks them; false when it cannot be found. */
static bool inner_port(const struct dcur *in, unsigned *proto, unsigned *port)
{
	uint8_t nh, b;
	uint16_t v;
	size_t off = 0, hl = 40;

	if (!dc_u8(in, 6, &nh))
		return false;
	while (off < in->cap) {
		off += hl;
		switch (nh) {
		case 6: case 17:
			if (!dc_be16(in, off + 2, &v))
				return false;
			*proto = nh;
			*port = v;
			return true;
		case 0: case 60: case 43:
			if (!dc_u8(in, off + 1, &b))
				return false;
			hl = ((size_t)b + 1) << 3;
			nh = in->p[off];
			break;
		case 44:
			if (!dc_be16(in, off + 2, &v))
				return false;
			if (v & 0xfff8)
				return false;
			nh = in->p[off];
			hl = 8;
			break;
		case 51:
			if (!dc_u8(in, off + 1, &b))
				return false;
			hl = ((size_t)b + 2) << 2;
			nh = in->p[off];
			break;
		default:
			return false;
		}
	}
	return false;
}

/* ---- MLD ------------------------------------------------------------------ */

static bool mld1(struct dctx *c, const struct dcur *k)
{
	char a[64];

	if (!dc_has(k, 0, 24))
		return true;
	addr6(k, 8, a, sizeof a);
	dprintf_(c, "max resp delay: %u addr: %s", be16(k->p + 4), a);
	return true;
}

static bool mld2_query(struct dctx *c, const struct dcur *k, size_t len)
{
	uint16_t mrc, nsrc;
	uint8_t b24, b25;
	unsigned mrt, qqi;
	char a[64];

	if (len < 28) {
		dprintf_(c, " [invalid len %zu]", len);
		return true;
	}
	if (!dc_be16(k, 4, &mrc))
		return false;
	mrt = mrc < 32768 ? mrc : ((mrc & 0x0fffu) | 0x1000u)
	                          << (((mrc & 0x7000u) >> 12) + 3);
	if (c->v)
		dprintf_(c, " [max resp delay=%u]", mrt);
	if (!addr6(k, 8, a, sizeof a))
		return false;
	dprintf_(c, " [gaddr %s", a);
	if (c->v) {
		if (!dc_u8(k, 24, &b24))
			return false;
		if (b24 & 0x08)
			dput(c, " sflag");
		if (b24 & 0x07)
			dprintf_(c, " robustness=%u", b24 & 0x07);
		if (!dc_u8(k, 25, &b25))
			return false;
		qqi = b25 < 128 ? b25 : ((b25 & 0x0fu) | 0x10u)
		                        << (((b25 & 0x70u) >> 4) + 3);
		dprintf_(c, " qqi=%u", qqi);
	}
	if (!dc_be16(k, 26, &nsrc))
		return false;
	if (nsrc > 0) {
		if (len < 28 + 16 * (size_t)nsrc) {
			dput(c, " [invalid number of sources]");
		} else if (c->v > 1) {
			dput(c, " {");
			for (unsigned i = 0; i < nsrc; i++) {
				if (!addr6(k, 28 + 16 * (size_t)i, a, sizeof a))
					return false;
				dprintf_(c, " %s", a);
			}
			dput(c, " }");
		} else {
			dprintf_(c, ", %u source(s)", nsrc);
		}
	}
	dput(c, "]");
	return true;
}

static const char *mld2_rec_name(unsigned t)
{
	static const char *const n[] = { NULL, "is_in", "is_ex", "to_in",
	                                 "to_ex", "allow", "block" };

	return t >= 1 && t <= 6 ? n[t] : NULL;
}

static bool mld2_report(struct dctx *c, const struct dcur *k, size_t len)
{
	uint16_t ngr, nsrc;
	uint8_t t;
	size_t g = 8;
	char a[64];

	if (len < 8) {
		dprintf_(c, " [invalid len %zu]", len);
		return true;
	}
	if (!dc_be16(k, 6, &ngr))
		return false;
	dprintf_(c, ", %u group record(s)", ngr);
	if (!c->v)
		return true;
	for (unsigned i = 0; i < ngr; i++) {
		if (len < g + 20) {
			dput(c, " [invalid number of groups]");
			return true;
		}
		if (!addr6(k, g + 4, a, sizeof a))
			return false;
		dprintf_(c, " [gaddr %s", a);
		if (!dc_u8(k, g, &t))
			return false;
		if (mld2_rec_name(t))
			dprintf_(c, " %s", mld2_rec_name(t));
		else
			dprintf_(c, "  [v2-report-#%u]", t);
		if (!dc_be16(k, g + 2, &nsrc))
			return false;
		if (len < g + 20 + 16 * (size_t)nsrc) {
			dprintf_(c, " [invalid number of sources %u]", nsrc);
			return true;
		}
		if (c->v == 1) {
			dprintf_(c, ", %u source(s)", nsrc);
		} else {
			dput(c, " {");
			for (unsigned j = 0; j < nsrc; j++) {
				if (!addr6(k, g + 20 + 16 * (size_t)j, a, sizeof a))
					return false;
				dprintf_(c, " %s", a);
			}
			dput(c, " }");
		}
		g += 20 + 16 * (size_t)nsrc;
		dput(c, "]");
	}
	return true;
}

/* The mark of a check that tcpdump makes without leaving the message:
 * the text goes on after it (", length N" without -v). */
static bool soft_trunc(struct dctx *c)
{
	dput(c, " [|icmp6]");
	return true;
}

/* ---- node information (RFC 4620) ---------------------------------------- */

/* A DNS name without compression, from off to the end of the capture,
 * in quotes after ", ". */
static void ni_dnsname(struct dctx *c, const struct dcur *k, size_t off)
{
	size_t ep = k->cap;

	dput(c, ", \"");
	while (off < ep) {
		unsigned n = k->p[off++];

		if (n) {
			if (n > ep - off) {
				dput(c, "???");
				break;
			}
			while (n-- && off < ep)
				d_put_char(c, k->p[off++]);
			if (off + 1 < ep && k->p[off])
				dput(c, ".");
		} else {
			if (off == ep)
				dput(c, ".");
			else if (!(off + 1 == ep && k->p[off] == 0))
				dput(c, "???");
			break;
		}
	}
	dput(c, "\"");
}

/* a name at off: a length-prefixed string when the length byte says the
 * rest of the capture, else a DNS name; false when off was not captured */
static bool ni_name(struct dctx *c, const struct dcur *k, size_t off)
{
	uint8_t n;

	if (!dc_u8(k, off, &n))
		return false;
	if (n == k->cap - off - 1) {
		if (c->v)
			dput(c, ", 03 draft");
		dput(c, ", \"");
		for (off++; off < k->cap; off++)
			d_put_char(c, k->p[off]);
		dput(c, "\"");
	} else {
		ni_dnsname(c, k, off);
	}
	return true;
}

static void ni_addrflags(struct dctx *c, unsigned f, bool reply)
{
	dprintf_(c, " [%s%s%s%s%s%s%s]", f & 0x40 ? "a" : "", f & 0x20 ? "G" : "",
	         f & 0x10 ? "S" : "", f & 0x08 ? "L" : "", f & 0x04 ? "C" : "",
	         f & 0x02 ? "A" : "", reply && (f & 0x01) ? "T" : "");
}

static bool ni_query(struct dctx *c, const struct dcur *k)
{
	size_t siz = k->cap;
	unsigned qtype, flags, code;
	char a[64];

	if (siz == 12) {
		dput(c, " who-are-you request");
		return true;
	}
	dput(c, " node information query");
	if (!dc_has(k, 0, 16))
		return soft_trunc(c);
	qtype = be16(k->p + 4);
	flags = be16(k->p + 6);
	code = k->p[1];
	dput(c, " (");
	switch (qtype) {
	case 0:
		dput(c, "noop");
		break;
	case 1:
		dput(c, "supported qtypes");
		if (flags)
			dprintf_(c, " [%s]", flags & 1 ? "C" : "");
		break;
	case 2:
		dput(c, "DNS name");
		break;
	case 3:
		dput(c, "node addresses");
		if (flags)
			ni_addrflags(c, flags, false);
		break;
	default:
		dput(c, "unknown");
		break;
	}
	if (qtype == 0 || qtype == 1) {
		if (siz != 16 && c->v)
			dput(c, ", invalid len");
		dput(c, ")");
		return true;
	}
	if (siz == 16) {
		dput(c, ", 03 draft)");
		return true;
	}
	switch (code) {
	case 0:
		if (!dc_has(k, 0, 32))
			break;
		if (siz != 32) {
			if (c->v)
				dput(c, ", invalid subject len");
			break;
		}
		addr6(k, 16, a, sizeof a);
		dprintf_(c, ", subject=%s", a);
		break;
	case 1:
		dput(c, ", subject=DNS name");
		if (!ni_name(c, k, 16))
			return false;
		break;
	case 2:
		if (!dc_has(k, 0, 20))
			break;
		if (siz != 20) {
			if (c->v)
				dput(c, ", invalid subject len");
			break;
		}
		dprintf_(c, ", subject=%s", d_ip4str(k->p + 16, a, sizeof a));
		break;
	default:
		dput(c, ", unknown subject");
		break;
	}
	dput(c, ")");
	return true;
}

static bool ni_reply(struct dctx *c, const struct dcur *k, size_t len)
{
	size_t siz = k->cap;
	unsigned qtype, flags, code;
	bool comma = false;
	char a[64];

	if (len > siz || !dc_has(k, 0, 16))
		return soft_trunc(c);
	qtype = be16(k->p + 4);
	flags = be16(k->p + 6);
	code = k->p[1];
	dput(c, " node information reply (");
	switch (code) {
	case 0:
		if (c->v) {
			dput(c, "success");
			comma = true;
		}
		break;
	case 1:
	case 2:
		dput(c, code == 1 ? "refused" : "unknown");
		comma = true;
		if (siz != 16 && c->v)
			dput(c, ", invalid length");
		break;
	}
	if (code != 0) {
		dput(c, ")");
		return true;
	}
	if (comma)
		dput(c, ", ");
	switch (qtype) {
	case 0:
		dput(c, "noop");
		if (siz != 16 && c->v)
			dput(c, ", invalid length");
		break;
	case 1:
		dput(c, "supported qtypes");
		if (flags)
			dprintf_(c, " [%s]", flags & 1 ? "C" : "");
		break;
	case 2:
		dput(c, "DNS name");
		if (!ni_name(c, k, 20))
			return false;
		if (flags & 1) {
			uint32_t ttl;

			if (!dc_be32(k, 16, &ttl))
				return false;
			dprintf_(c, " [TTL=%u]", ttl);
		}
		break;
	case 3:
		dput(c, "node addresses");
		for (size_t i = 16; i < siz && i + 20 <= siz; i += 20) {
			addr6(k, i + 4, a, sizeof a);
			dprintf_(c, " %s(%u)", a, be32(k->p + i));
		}
		if (flags)
			ni_addrflags(c, flags, true);
		break;
	default:
		dput(c, "unknown");
		break;
	}
	dput(c, ")");
	return true;
}

/* ---- router renumbering ------------------------------------------------- */

static bool rrenum(struct dctx *c, const struct dcur *k)
{
	uint8_t code, fl;
	char a[64];

	if (!dc_has(k, 0, 16))
		return soft_trunc(c);
	code = k->p[1];
	switch (code) {
	case 0:   dput(c, ", command"); break;
	case 1:   dput(c, ", result"); break;
	case 255: dput(c, ", sequence number reset"); break;
	default:  dprintf_(c, ", code-#%u", code); break;
	}
	dprintf_(c, ", seq=%u", be32(k->p + 4));
	if (c->v) {
		fl = k->p[9];
		dput(c, "[");
		if (fl)
			dprintf_(c, "%s%s%s%s%s,", fl & 0x80 ? "T" : "",
			         fl & 0x40 ? "R" : "", fl & 0x20 ? "A" : "",
			         fl & 0x10 ? "S" : "", fl & 0x08 ? "P" : "");
		dprintf_(c, "seg=%u,", k->p[8]);
		dprintf_(c, "maxdelay=%u", be16(k->p + 10));
		if (be32(k->p + 12))
			dprintf_(c, "rsvd=0x%x", be32(k->p + 12));
		dput(c, "]");
	}
	if (code == 0) {
		size_t m = 16, u;
		int n;

		if (!dc_has(k, m, 40 - m))
			return soft_trunc(c);
		dput(c, c->v > 1 ? "\n\t" : " ");
		dput(c, "match(");
		switch (k->p[m]) {
		case 1:  dput(c, "add"); break;
		case 2:  dput(c, "change"); break;
		case 3:  dput(c, "setglobal"); break;
		default: dprintf_(c, "#%u", k->p[m]); break;
		}
		if (c->v)
			dprintf_(c, ",ord=%u,min=%u,max=%u", k->p[m + 2],
			         k->p[m + 4], k->p[m + 5]);
		addr6(k, m + 8, a, sizeof a);
		dprintf_(c, ",%s/%u)", a, k->p[m + 3]);
		n = (int)k->p[m + 1] - 3;
		if (n % 4)
			return soft_trunc(c);
		n /= 4;
		u = 40;
		while (n-- > 0) {
			uint32_t vl, pl;
			uint8_t f;

			if (!dc_has(k, u, 32))
				return soft_trunc(c);
			dput(c, c->v > 1 ? "\n\t" : " ");
			dput(c, "use(");
			f = k->p[u + 12];
			if (f)
				dprintf_(c, "%s%s,", f & 0x80 ? "V" : "",
				         f & 0x40 ? "P" : "");
			if (c->v) {
				dprintf_(c, "mask=0x%x,", k->p[u + 2]);
				dprintf_(c, "raflags=0x%x,", k->p[u + 3]);
				vl = be32(k->p + u + 4);
				pl = be32(k->p + u + 8);
				if (vl == 0xffffffff)
					dput(c, "vltime=infty,");
				else
					dprintf_(c, "vltime=%u,", vl);
				if (pl == 0xffffffff)
					dput(c, "pltime=infty,");
				else
					dprintf_(c, "pltime=%u,", pl);
			}
			addr6(k, u + 16, a, sizeof a);
			dprintf_(c, "%s/%u/%u)", a, k->p[u], k->p[u + 1]);
			u += 32;
		}
	}
	return true;
}

/* ---- the message ---------------------------------------------------------- */

static const char *na_flags(uint32_t f, char *buf, size_t n)
{
	snprintf(buf, n, "%s%s%s%s%s", f & 0x80000000u ? "router" : "",
	         (f & 0x80000000u) && (f & 0x40000000u) ? ", " : "",
	         f & 0x40000000u ? "solicited" : "",
	         (f & 0xc0000000u) && (f & 0x20000000u) ? ", " : "",
	         f & 0x20000000u ? "override" : "");
	if (!buf[0])
		snprintf(buf, n, "none");
	return buf;
}

static const char *ra_flags(unsigned f, char *buf, size_t n)
{
	static const struct { unsigned bit; const char *s; } t[] = {
		{ 0x80, "managed" }, { 0x40, "other stateful" },
		{ 0x20, "home agent" }, { 0x02, "ipv6 only" },
	};
	size_t o = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		if (f & t[i].bit)
			o += (size_t)snprintf(buf + o, n - o, "%s%s", o ? ", " : "",
			                      t[i].s);
	if (!o)
		snprintf(buf, n, "none");
	return buf;
}

const char *d_icmp6_rtpref(unsigned v)
{
	static const char *const s[] = { "medium", "high", "rsv", "low" };

	return s[(v & 0x18) >> 3];
}

/* Whether the message was cut where tcpdump checks and marks it without
 * leaving the packet (d_icmp6 then does not abandon it). */
static _Thread_local bool soft_cut;

/* The ND options: tcpdump checks each whole before it reads it, and a
 * cut one ends the message with a mark (the packet is not abandoned). */
static bool nd_opts(struct dctx *c, const uint8_t *p, size_t cap,
                    size_t off, long resid)
{
	if (d_nd6_opts(c, p, cap, off, resid))
		return true;
	soft_cut = true;
	return false;
}

/* The text after "ICMP6, NAME"; false when cut short.  *done: the
 * message printed its own end (no ", length N"). */
static bool icmp6_body(struct dctx *c, const struct dcur *k, unsigned type,
                       size_t len, bool *done)
{
	struct dcur in = dc_sub(k, 8, SIZE_MAX);
	uint8_t code;
	uint16_t v16;
	uint32_t v32;
	char a[64], b[64], f[64];

	if (!dc_u8(k, 1, &code))
		return false;
	switch (type) {
	case 1: {
		static const char *const cn[] = { "unreachable route",
			" unreachable prohibited", "beyond scope",
			"unreachable address", "unreachable port" };

		if (code <= 4)
			dprintf_(c, ", %s", cn[code]);
		else
			dprintf_(c, ", unknown unreach code (%u)", code);
		switch (code) {
		case 0: case 1: case 3:
			if (!addr6(&in, 24, a, sizeof a))
				return false;
			dprintf_(c, " %s", a);
			break;
		case 2:
			if (!addr6(&in, 24, a, sizeof a) || !addr6(&in, 8, b, sizeof b))
				return false;
			dprintf_(c, " %s, source address %s", a, b);
			break;
		case 4: {
			unsigned proto, port;

			if (!inner_port(&in, &proto, &port) ||
			    !addr6(&in, 24, a, sizeof a))
				return false;
			dprintf_(c, ", %s %s port %u", a, proto == 6 ? "tcp" : "udp",
			         port);
			break;
		}
		default:
			if (c->v <= 1) {
				d_icmp6_hexcap(c, "\n\t", k->p, k->cap, 0, len);
				*done = true;
			}
			break;
		}
		break;
	}
	case 2:
		if (!dc_be32(k, 4, &v32))
			return false;
		dprintf_(c, ", mtu %u", v32);
		break;
	case 3:
		if (code == 0) {
			if (!addr6(&in, 24, a, sizeof a))
				return false;
			dprintf_(c, " for %s", a);
		} else if (code == 1) {
			dput(c, " (reassembly)");
		} else {
			dprintf_(c, ", unknown code (%u)", code);
		}
		break;
	case 4: {
		static const char *const pn[] = { "erroneous", "next header",
			"option", "incomplete header chain" };

		if (!dc_has(&in, 24, 16))
			return false;
		if (code <= 3)
			dprintf_(c, ", %s - octet %u", pn[code], be32(k->p + 4));
		else
			dprintf_(c, ", code-#%u", code);
		break;
	}
	case 128:
	case 129:
		if (!dc_has(k, 4, 4))
			return false;
		dprintf_(c, ", id %u, seq %u", be16(k->p + 4), be16(k->p + 6));
		break;
	case 130:
		if (len == 24) {
			mld1(c, k);
		} else if (len >= 28) {
			dput(c, " v2");
			if (!mld2_query(c, k, len))
				return false;
		} else {
			dprintf_(c, " unknown-version (len %zu) ", len);
		}
		break;
	case 131:
	case 132:
		mld1(c, k);
		break;
	case 133:
		if (c->v && !nd_opts(c, k->p, k->cap, 8, (long)len - 8))
			return false;
		break;
	case 134:
		if (c->v) {
			if (!dc_has(k, 0, 16))
				return false;
			dprintf_(c, "\n\thop limit %u, Flags [%s], pref %s, router "
			         "lifetime %us, reachable time %ums, retrans timer "
			         "%ums", k->p[4], ra_flags(k->p[5], f, sizeof f),
			         d_icmp6_rtpref(k->p[5]), be16(k->p + 6),
			         be32(k->p + 8), be32(k->p + 12));
			if (!nd_opts(c, k->p, k->cap, 16, (long)len - 16))
				return false;
		}
		break;
	case 135:
		if (!addr6(k, 8, a, sizeof a))
			return false;
		dprintf_(c, ", who has %s", a);
		if (c->v && !nd_opts(c, k->p, k->cap, 24, (long)len - 24))
			return false;
		break;
	case 136:
		if (!addr6(k, 8, a, sizeof a))
			return false;
		dprintf_(c, ", tgt is %s", a);
		if (c->v) {
			dprintf_(c, ", Flags [%s]", na_flags(be32(k->p + 4), f,
			                                     sizeof f));
			if (!nd_opts(c, k->p, k->cap, 24, (long)len - 24))
				return false;
		}
		break;
	case 137:
		if (!addr6(k, 24, a, sizeof a))
			return false;
		addr6(k, 8, b, sizeof b);
		dprintf_(c, ", %s to %s", a, b);
		if (c->v && !nd_opts(c, k->p, k->cap, 40, (long)len - 40))
			return false;
		break;
	case 138:
		if (!rrenum(c, k))
			return false;
		break;
	case 139:
		if (!ni_query(c, k))
			return false;
		break;
	case 140:
		if (!ni_reply(c, k, len))
			return false;
		break;
	case 141:
	case 142:
		break;
	case 143:
		if (!mld2_report(c, k, len))
			return false;
		break;
	case 144:
	case 146:
		if (!dc_be16(k, 4, &v16))
			return false;
		dprintf_(c, ", id 0x%04x", v16);
		break;
	case 145:
		if (c->v) {
			if (!dc_be16(k, 4, &v16))
				return false;
			dprintf_(c, ", id 0x%04x", v16);
			for (size_t o = 8; o < len; o += 16) {
				if (!addr6(k, o, a, sizeof a))
					return false;
				dprintf_(c, ", %s", a);
			}
		}
		break;
	case 147:
		if (c->v) {
			if (!dc_be16(k, 4, &v16))
				return false;
			dprintf_(c, ", id 0x%04x", v16);
			if (!dc_be16(k, 6, &v16))
				return false;
			if (v16 & 0xc000)
				dput(c, " ");
			if (v16 & 0x8000)
				dput(c, "M");
			if (v16 & 0x4000)
				dput(c, "O");
			if (!nd_opts(c, k->p, k->cap, 8, (long)len - 8))
				return false;
		}
		break;
	case 155: {
		struct dcur r = dc_sub(k, 4, SIZE_MAX);

		if (!d_rpl(c, code, r.p, r.cap, (uint32_t)len - 4u)) {
			/* tcpdump's RPL printers check before they read */
			soft_cut = true;
			return false;
		}
		break;
	}
	default:
		dprintf_(c, ", length %zu", len);
		if (c->v <= 1)
			d_icmp6_hexcap(c, "\n\t", k->p, k->cap, 0, len);
		*done = true;
		break;
	}
	return true;
}

void d_icmp6(struct dctx *c, const uint8_t *p, size_t cap, size_t len)
{
	struct dcur k = dc_make(p, cap, len);
	const char *name;
	bool done = false;
	uint8_t type;

	if (!c->out)
		return;
	if (len == 0) {
		dput(c, "ICMP6, length 0 (invalid)");
		return;
	}
	if (!dc_u8(&k, 0, &type)) {
		dput(c, " [|icmp6]");
		d_hard_stop = true;
		return;
	}
	soft_cut = false;
	name = icmp6_name(type);
	if (name)
		dprintf_(c, "ICMP6, %s", name);
	else
		dprintf_(c, "ICMP6, unknown icmp6 type (%u)", type);
	if (c->v && (type == 133 || type == 134 || type == 135 || type == 136 ||
	             type == 137 || type == 145 || type == 147))
		dprintf_(c, ", length %zu", len);
	if (!icmp6_body(c, &k, type, len, &done)) {
		uint8_t code;

		dput(c, " [|icmp6]");
		/* tcpdump checks a port unreachable's quoted packet and a
		 * parameter problem's pointer without leaving the message;
		 * everything else it reads jumps out of the packet */
		if (!soft_cut && !(dc_u8(&k, 1, &code) &&
		                   ((type == 1 && code == 4) || type == 4)))
			d_hard_stop = true;
		return;
	}
	if (!done && !c->v)
		dprintf_(c, ", length %zu", len);
}
