/* SPDX-License-Identifier: GPL-2.0-or-later */
/* dns.c - DNS and multicast DNS (UDP ports 53 and 5353, and the body of
 * DNS over TCP), in the words tcpdump -n 4.99 uses: "4660+ A? example.com.
 * (29)", "4660 2/0/1 A 10.0.0.1, A 10.0.0.2 (61)", the question and the
 * other sections with -vv, TTLs with -vvv.
 *
 * Places in the message are kept as offsets from its first byte (signed
 * and 64 bits wide, so that a record length may point anywhere without
 * wrapping); every byte is read through the cursor, and a name is
 * followed through compression pointers only backwards, so a loop of
 * pointers ends.  Where tcpdump stops at the end of the capture, so does
 * this, with the same " [|domain]" in the same place: both the checks
 * that make a function give up (its caller decides what is printed) and
 * the reads that end the packet at once (the flag jmp). */
#include <stdio.h>
#include <string.h>

#include "decode/cursor.h"
#include "decode/priv.h"

#define NONE (-1)              /* "no place": a name or record cut short */

struct dns {
	struct dctx *c;
	struct dcur k;         /* the message, from its first byte */
	int64_t end;           /* what was captured: k.cap */
	bool mdns;
	bool jmp;              /* a read past the capture: end the packet */
};

/* ---- reads and text ------------------------------------------------------ */

static bool has(const struct dns *d, int64_t at, int64_t n)
{
	return at >= 0 && n >= 0 && at <= d->end && n <= d->end - at;
}

static bool rd8(const struct dns *d, int64_t at, uint8_t *v)
{
	return has(d, at, 1) && dc_u8(&d->k, (size_t)at, v);
}

static bool rd16(const struct dns *d, int64_t at, uint16_t *v)
{
	return has(d, at, 2) && dc_be16(&d->k, (size_t)at, v);
}

static bool rd32(const struct dns *d, int64_t at, uint32_t *v)
{
	return has(d, at, 4) && dc_be32(&d->k, (size_t)at, v);
}

/* A read tcpdump does unchecked: past the capture it ends the packet. */
static uint8_t get8(struct dns *d, int64_t at)
{
	uint8_t v = 0;

	if (!rd8(d, at, &v))
		d->jmp = true;
	return v;
}

static uint16_t get16(struct dns *d, int64_t at)
{
	uint16_t v = 0;

	if (!rd16(d, at, &v))
		d->jmp = true;
	return v;
}

/* pre, then v in decimal: the common numbers without printf */
static void put_u(struct dctx *c, const char *pre, unsigned long v)
{
	char b[24];
	size_t i = sizeof b;

	if (!c->out)
		return;
	do {
		b[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	if (pre)
		sbuf_add(c->out, pre);
	sbuf_addn(c->out, b + i, sizeof b - i);
}

/* n bytes at at, up to the end of the capture; false when cut short */
static bool put_n(struct dns *d, int64_t at, uint32_t n)
{
	const uint8_t *b;
	size_t run, i;

	if (at >= d->end || n == 0)
		return n == 0;
	run = (size_t)(d->end - at) < n ? (size_t)(d->end - at) : n;
	if (at < 0 || !dc_bytes(&d->k, (size_t)at, run, &b)) {
		d->jmp = true;
		return false;
	}
	/* the printable runs at once, the rest byte by byte (d_put_char) */
	for (i = 0; i < run;) {
		size_t j = i;

		while (j < run && b[j] >= 0x20 && b[j] < 0x7f)
			j++;
		if (j > i && d->c->out)
			sbuf_addn(d->c->out, (const char *)b + i, j - i);
		if (j < run)
			d_put_char(d->c, b[j++]);
		i = j;
	}
	return run == n;
}

static const char *type_name(unsigned t)
{
	static const char *const low[] = {
		[1] = "A", [2] = "NS", [3] = "MD", [4] = "MF", [5] = "CNAME",
		[6] = "SOA", [7] = "MB", [8] = "MG", [9] = "MR", [10] = "NULL",
		[11] = "WKS", [12] = "PTR", [13] = "HINFO", [14] = "MINFO",
		[15] = "MX", [16] = "TXT", [17] = "RP", [18] = "AFSDB",
		[19] = "X25", [20] = "ISDN", [21] = "RT", [22] = "NSAP",
		[23] = "NSAP_PTR", [24] = "SIG", [25] = "KEY", [26] = "PX",
		[27] = "GPOS", [28] = "AAAA", [29] = "LOC", [30] = "NXT",
		[31] = "EID", [32] = "NIMLOC", [33] = "SRV", [34] = "ATMA",
		[35] = "NAPTR", [36] = "KX", [37] = "CERT", [38] = "A6",
		[39] = "DNAME", [40] = "SINK", [41] = "OPT", [42] = "APL",
		[43] = "DS", [44] = "SSHFP", [45] = "IPSECKEY", [46] = "RRSIG",
		[47] = "NSEC", [48] = "DNSKEY",
	};

	if (t < sizeof low / sizeof low[0])
		return low[t];
	switch (t) {
	case 99:  return "SPF";
	case 100: return "UINFO";
	case 101: return "UID";
	case 102: return "GID";
	case 103: return "UNSPEC";
	case 104: return "UNSPECA";
	case 249: return "TKEY";
	case 250: return "TSIG";
	case 251: return "IXFR";
	case 252: return "AXFR";
	case 253: return "MAILB";
	case 254: return "MAILA";
	case 255: return "ANY";
	case 256: return "URI";
	default:  return NULL;
	}
}

static void put_type(struct dctx *c, unsigned t)
{
	const char *s = type_name(t);

	if (s) {
		dput(c, " ");
		dput(c, s);
	} else {
		dprintf_(c, " Type%u", t);
	}
}

static void put_class(struct dctx *c, unsigned cl)
{
	switch (cl) {
	case 1:   dput(c, " IN"); break;
	case 3:   dput(c, " CHAOS"); break;
	case 4:   dput(c, " HS"); break;
	case 255: dput(c, " ANY"); break;
	default:  dprintf_(c, " (Class %u)", cl); break;
	}
}

/* a TTL as tcpdump's -vvv shows it: 1d2h3m4s */
static void put_ttl(struct dctx *c, uint32_t s)
{
	static const char units[] = "ywdhms";
	static const uint32_t secs[] = { 31536000, 604800, 86400, 3600, 60, 1 };

	if (s == 0) {
		dput(c, "0s");
		return;
	}
	for (size_t i = 0; i < 6 && s > 0; i++) {
		if (s >= secs[i]) {
			dprintf_(c, "%u%c", s / secs[i], units[i]);
			s %= secs[i];
		}
	}
}

/* ---- names --------------------------------------------------------------- */

/* the length a label's first byte gives, as tcpdump counts it; NONE
 * (having said why, for the kinds it names) when it cannot be used */
static int64_t label_len(struct dns *d, int64_t at)
{
	uint8_t i, b;

	if (!rd8(d, at, &i))
		return NONE;
	switch (i & 0xc0) {
	case 0x40:
		if ((i & 0x3f) != 1) {
			dprintf_(d->c, "<ELT %d>", i & 0x3f);
			return NONE;
		}
		if (!rd8(d, at + 1, &b))
			return NONE;
		return ((b ? b : 256) + 7) / 8 + 1;
	case 0xc0:
	case 0x00:
		return i;
	default:
		dput(d->c, "<BAD LABEL TYPE>");
		return NONE;
	}
}

/* where the name at at ends, without printing it; NONE if cut short */
static int64_t name_skip(const struct dns *d, int64_t at)
{
	uint8_t i, b;

	if (!rd8(d, at, &i))
		return NONE;
	at++;
	while (i) {
		switch (i & 0xc0) {
		case 0xc0:
			return at + 1;
		case 0x40:
			if ((i & 0x3f) != 1 || !rd8(d, at, &b))
				return NONE;
			at += 1 + ((b ? b : 256) + 7) / 8;
			break;
		case 0x80:
			return NONE;
		default:
			at += i;
			break;
		}
		if (!rd8(d, at, &i))
			return NONE;
		at++;
	}
	return at;
}

/* an EDNS0 bit-string label: \[xHEX/BITS]; at is its bit count */
static int64_t bit_label(struct dns *d, int64_t at)
{
	uint8_t b;
	unsigned bits, left;
	int64_t p, lim;

	if (!rd8(d, at, &b))
		return NONE;
	bits = b ? b : 256;
	lim = at + 1 + (bits + 3) / 4;
	dput(d->c, "\\[x");
	for (p = at + 1, left = bits; p < lim && left > 7; left -= 8, p++) {
		b = get8(d, p);
		if (d->jmp)
			return NONE;
		dprintf_(d->c, "%02x", b);
	}
	if (left > 4) {
		b = get8(d, p);
		if (d->jmp)
			return NONE;
		dprintf_(d->c, "%02x", b & (0xff << (8 - left)) & 0xff);
	} else if (left > 0) {
		b = get8(d, p);
		if (d->jmp)
			return NONE;
		dprintf_(d->c, "%1x", (b >> 4) & (0x0f << (4 - left)) & 0x0f);
	}
	dprintf_(d->c, "/%u]", bits);
	return lim;
}

#define NAME_MAX_CHARS 255

/* Prints the name at at ("www.example.com.", "." for the root);
 * compression pointers are offsets from base and must point back.
 * Returns where the name ends in the record (after its first pointer,
 * if it has one), NONE when cut short or bad. */
static int64_t name_print(struct dns *d, int64_t at, int64_t base)
{
	int64_t l, cp, rp = NONE;
	uint32_t max_off, off, chars = 0;
	uint8_t i, lo;
	bool compressed = false;

	l = label_len(d, at);
	if (l == NONE)
		return NONE;
	max_off = (uint32_t)(at - base);
	if (!rd8(d, at, &i))
		return NONE;
	cp = at + 1;
	if ((i & 0xc0) != 0xc0)
		rp = cp + l;
	if (i == 0) {
		dput(d->c, ".");
		return rp;
	}
	while (i && cp < d->end) {
		switch (i & 0xc0) {
		case 0xc0:
			if (!compressed) {
				rp = cp + 1;
				compressed = true;
			}
			if (!rd8(d, cp, &lo))
				return NONE;
			off = ((uint32_t)i << 8 | lo) & 0x3fff;
			if (off >= max_off) {
				dput(d->c, "<BAD PTR>");
				return NONE;
			}
			max_off = off;
			cp = base + off;
			if (!rd8(d, cp, &i))
				return NONE;
			l = label_len(d, cp);
			if (l == NONE)
				return NONE;
			cp++;
			continue;
		case 0x40:
			if ((i & 0x3f) != 1) {
				dprintf_(d->c, "<ELT %u>", i & 0x3f);
				return NONE;
			}
			if (bit_label(d, cp) == NONE)
				return NONE;
			break;
		case 0x80:
			dput(d->c, "<BAD LABEL TYPE>");
			return NONE;
		default:
			if (chars + l <= NAME_MAX_CHARS) {
				if (!put_n(d, cp, (uint32_t)l))
					return NONE;
			} else if (chars < NAME_MAX_CHARS) {
				if (!put_n(d, cp, NAME_MAX_CHARS - chars))
					return NONE;
			}
			chars += (uint32_t)l;
			break;
		}
		cp += l;
		if (chars <= NAME_MAX_CHARS)
			dput(d->c, ".");
		chars++;
		if (!rd8(d, cp, &i))
			return NONE;
		l = label_len(d, cp);
		if (l == NONE)
			return NONE;
		cp++;
		if (!compressed)
			rp += l + 1;
	}
	if (chars > NAME_MAX_CHARS)
		dput(d->c, "<DOMAIN NAME TOO LONG>");
	return rp;
}

/* ---- EDNS options -------------------------------------------------------- */

static const char *edns_opt_name(unsigned o)
{
	static const char *const tab[] = {
		[1] = "LLQ", [2] = "UL", [3] = "NSID", [5] = "DAU", [6] = "DHU",
		[7] = "N3U", [8] = "ECS", [9] = "EXPIRE", [10] = "COOKIE",
		[11] = "KEEPALIVE", [12] = "PADDING", [13] = "CHAIN",
		[14] = "KEY-TAG", [16] = "CLIENT-TAG", [17] = "SERVER-TAG",
	};

	return o < sizeof tab / sizeof tab[0] ? tab[o] : NULL;
}

static const char *dau_name(unsigned a)
{
	static const char *const tab[] = {
		[0] = "DELETE", [1] = "RSAMD5", [2] = "DH", [3] = "DS",
		[5] = "RSASHA1", [6] = "DSA-NSEC3-SHA1",
		[7] = "RSASHA1-NSEC3-SHA1", [8] = "RSASHA256",
		[10] = "RSASHA512", [12] = "ECC-GOST",
		[13] = "ECDSAP256SHA256", [14] = "ECDSAP384SHA384",
		[15] = "ED25519", [16] = "ED448",
	};

	if (a < sizeof tab / sizeof tab[0])
		return tab[a];
	return a == 252 ? "INDIRECT" : a == 253 ? "PRIVATEDNS" :
	       a == 254 ? "PRIVATEOID" : NULL;
}

static const char *dhu_name(unsigned a)
{
	switch (a) {
	case 1:  return "SHA-1";
	case 2:  return "SHA-256";
	case 3:  return "GOST_R_34.11-94";
	case 4:  return "SHA-384";
	default: return NULL;
	}
}

static void invalid(struct dns *d)
{
	dput(d->c, " (invalid)");
}

/* EDNS client subnet: family, source and scope lengths, the address */
static void opt_ecs(struct dns *d, int64_t at, unsigned n)
{
	uint8_t addr[16] = { 0 }, src, scope;
	uint16_t fam;
	unsigned bits;
	char buf[64];

	if (n < 4) {
		invalid(d);
		return;
	}
	fam = get16(d, at);
	src = get8(d, at + 2);
	scope = get8(d, at + 3);
	if (fam == 1) {
		bits = 32;
	} else if (fam == 2) {
		bits = 128;
	} else {
		invalid(d);
		return;
	}
	if (n - 4 > bits / 8 || src > bits || scope > bits ||
	    (src + 7u) / 8 != n - 4) {
		invalid(d);
		return;
	}
	for (unsigned j = 0; j < n - 4; j++)
		addr[j] = get8(d, at + 4 + j);
	if (d->jmp)
		return;
	if (fam == 1)
		d_ip4str(addr, buf, sizeof buf);
	else
		d_ip6str(addr, buf, sizeof buf);
	dprintf_(d->c, "%s/%d/%d", buf, src, scope);
}

/* one EDNS option; where the next begins, or NONE */
static int64_t edns_opt(struct dns *d, int64_t at)
{
	uint16_t opt, n;
	const char *s;
	int64_t q;

	if (!rd16(d, at, &opt))
		return NONE;
	s = edns_opt_name(opt);
	if (s)
		dput(d->c, s);
	else
		dprintf_(d->c, "Opt%u", opt);
	if (!rd16(d, at + 2, &n))
		return NONE;
	q = at + 4;
	if (!has(d, q, n))
		return NONE;
	if (n == 0)
		return q;
	dput(d->c, " ");
	switch (opt) {
	case 8:
		opt_ecs(d, q, n);
		break;
	case 10:
		if (n < 8 || (n > 8 && n < 16) || n > 40) {
			invalid(d);
			break;
		}
		for (unsigned j = 0; j < n; j++)
			dprintf_(d->c, j == 8 ? " %02x" : "%02x", get8(d, q + j));
		break;
	case 11:
		if (n != 2)
			invalid(d);
		else
			dprintf_(d->c, "%0.1f sec", get16(d, q) / 10.0);
		break;
	case 9:
		if (n != 4) {
			invalid(d);
		} else {
			uint32_t v = 0;

			rd32(d, q, &v);
			dprintf_(d->c, "%u sec", v);
		}
		break;
	case 12:
		dprintf_(d->c, "(%u)", n);
		break;
	case 14:
		if (n % 2) {
			invalid(d);
			break;
		}
		for (unsigned j = 0; j < n; j += 2)
			dprintf_(d->c, j ? " %u" : "%u", get16(d, q + j));
		break;
	case 5:
	case 6:
	case 7:
		for (unsigned j = 0; j < n; j++) {
			uint8_t a = get8(d, q + j);
			const char *an = opt == 5 ? dau_name(a) : opt == 6 ?
			                 dhu_name(a) : a == 1 ? "SHA-1" : NULL;

			if (j)
				dput(d->c, " ");
			if (an)
				dput(d->c, an);
			else
				dprintf_(d->c, "Alg_%u", a);
		}
		break;
	case 13:
		/* tcpdump takes the option's end as the base of pointers and
		 * does not mind a name cut short here */
		name_print(d, q, q + n);
		break;
	default:
		for (unsigned j = 0; j < n; j++)
			dprintf_(d->c, "%02x", get8(d, q + j));
		break;
	}
	if (d->jmp)
		return NONE;
	return q + n;
}

/* ---- questions and records ----------------------------------------------- */

/* " A? name." (mDNS: " A (QM)? name."); after it, or NONE */
static int64_t question(struct dns *d, int64_t at)
{
	int64_t cp = name_skip(d, at), r;
	uint16_t t, cl16, cl;

	if (cp == NONE || !has(d, cp, 4))
		return NONE;
	rd16(d, cp, &t);
	rd16(d, cp + 2, &cl16);
	put_type(d->c, t);
	cl = d->mdns ? cl16 & 0x7fff : cl16;
	if (cl != 1)
		put_class(d->c, cl);
	if (d->mdns)
		dput(d->c, cl16 & 0x8000 ? " (QU)" : " (QM)");
	dput(d->c, "? ");
	r = name_print(d, at, 0);
	return r == NONE ? NONE : r + 4;
}

/* The data of a record of type t, from cp to rp; false when cut short. */
static bool rdata(struct dns *d, unsigned t, unsigned cls, unsigned opt_fl,
                  int64_t cp, int64_t rp, unsigned len)
{
	const uint8_t *b = NULL;
	char buf[64];

	switch (t) {
	case 1:
		if (!has(d, cp, 4) || !dc_bytes(&d->k, (size_t)cp, 4, &b))
			return false;
		put_u(d->c, " ", b[0]);
		put_u(d->c, ".", b[1]);
		put_u(d->c, ".", b[2]);
		put_u(d->c, ".", b[3]);
		return true;
	case 2:
	case 5:
	case 12:
	case 39:
		dput(d->c, " ");
		return name_print(d, cp, 0) != NONE;
	case 6:
		if (!d->c->v)
			return true;
		dput(d->c, " ");
		if ((cp = name_print(d, cp, 0)) == NONE)
			return false;
		dput(d->c, " ");
		if ((cp = name_print(d, cp, 0)) == NONE)
			return false;
		if (!has(d, cp, 20))
			return false;
		for (int j = 0; j < 5; j++) {
			uint32_t v = 0;

			rd32(d, cp + 4 * j, &v);
			dprintf_(d->c, " %u", v);
		}
		return true;
	case 15: {
		uint16_t pref;

		dput(d->c, " ");
		if (!rd16(d, cp, &pref))
			return false;
		if (name_print(d, cp + 2, 0) == NONE)
			return false;
		dprintf_(d->c, " %u", pref);
		return true;
	}
	case 16:
		while (cp < rp) {
			uint8_t n;

			dput(d->c, " \"");
			if (!rd8(d, cp, &n))
				return false;
			if (!put_n(d, cp + 1, n))
				return false;
			cp += 1 + n;
			dput(d->c, "\"");
		}
		return true;
	case 33: {
		uint16_t pri, wt, port;

		dput(d->c, " ");
		if (!has(d, cp, 6))
			return false;
		if (name_print(d, cp + 6, 0) == NONE)
			return false;
		rd16(d, cp, &pri);
		rd16(d, cp + 2, &wt);
		rd16(d, cp + 4, &port);
		dprintf_(d->c, ":%u %u %u", port, pri, wt);
		return true;
	}
	case 28:
		if (!has(d, cp, 16) || !dc_bytes(&d->k, (size_t)cp, 16, &b))
			return false;
		dprintf_(d->c, " %s", d_ip6str(b, buf, sizeof buf));
		return true;
	case 38: {
		uint8_t a[16] = { 0 }, pbit;
		unsigned pbyte;

		if (!rd8(d, cp, &pbit))
			return false;
		pbyte = (pbit & ~7u) / 8;
		if (pbit > 128) {
			dprintf_(d->c, " %u(bad plen)", pbit);
			return true;
		}
		if (pbit < 128) {
			for (unsigned j = pbyte; j < 16; j++) {
				if (!rd8(d, cp + 1 + (j - pbyte), &a[j])) {
					d->jmp = true;
					return false;
				}
			}
			dprintf_(d->c, " %u %s", pbit, d_ip6str(a, buf, sizeof buf));
		}
		if (pbit > 0) {
			dput(d->c, " ");
			if (name_print(d, cp + 1 + 16 - pbyte, 0) == NONE)
				return false;
		}
		return true;
	}
	case 256: {
		uint16_t pri = 0, wt = 0;

		if (!has(d, cp, len))
			return false;
		pri = get16(d, cp);
		wt = get16(d, cp + 2);
		if (d->jmp)
			return false;
		dprintf_(d->c, " %u %u ", pri, wt);
		/* a length under 4 wraps, as tcpdump's does: all the rest */
		return put_n(d, cp + 4, (uint32_t)((int)len - 4));
	}
	case 41:
		dprintf_(d->c, " UDPsize=%u", cls);
		if (opt_fl & 0x8000)
			dput(d->c, " DO");
		if (cp < rp) {
			dput(d->c, " [");
			while (cp < rp) {
				if ((cp = edns_opt(d, cp)) == NONE)
					return false;
				if (cp < rp)
					dput(d->c, ",");
			}
			dput(d->c, "]");
		}
		return true;
	case 104:
		if (!has(d, cp, len))
			return false;
		return put_n(d, cp, len);
	case 250: {
		uint16_t v;

		if (!d->c->v)
			return true;
		dput(d->c, " ");
		if ((cp = name_print(d, cp, 0)) == NONE)
			return false;
		cp += 6;
		if (!rd16(d, cp, &v))
			return false;
		dprintf_(d->c, " fudge=%u", v);
		cp += 2;
		if (!rd16(d, cp, &v))
			return false;
		dprintf_(d->c, " maclen=%u", v);
		cp += 2 + v;
		if (!rd16(d, cp, &v))
			return false;
		dprintf_(d->c, " origid=%u", v);
		cp += 2;
		if (!rd16(d, cp, &v))
			return false;
		dprintf_(d->c, " error=%u", v);
		cp += 2;
		if (!rd16(d, cp, &v))
			return false;
		dprintf_(d->c, " otherlen=%u", v);
		return true;
	}
	default:
		return true;
	}
}

/* One resource record: its owner name with -v, class when not IN, TTL
 * with -vvv, type and data.  Returns where the next begins: NONE when cut
 * short, the end of the capture when its fixed part was not captured
 * (tcpdump then goes on as if the section had ended). */
static int64_t record(struct dns *d, int64_t at)
{
	int64_t cp, rp;
	uint16_t t, cl16, len, fl = 0;
	unsigned cl;

	if (d->c->v) {
		dput(d->c, " ");
		if ((cp = name_print(d, at, 0)) == NONE)
			return NONE;
	} else {
		cp = name_skip(d, at);
	}
	if (cp == NONE || !has(d, cp, 10))
		return d->end;
	rd16(d, cp, &t);
	rd16(d, cp + 2, &cl16);
	cl = d->mdns ? cl16 & 0x7fffu : cl16;
	if (cl != 1 && t != 41)
		put_class(d->c, cl);
	if (d->mdns && (cl16 & 0x8000))
		dput(d->c, " (Cache flush)");
	if (t == 41) {
		rd16(d, cp + 6, &fl);
	} else if (d->c->v > 2) {
		uint32_t ttl;

		rd32(d, cp + 4, &ttl);
		dput(d->c, " [");
		put_ttl(d->c, ttl);
		dput(d->c, "]");
	}
	rd16(d, cp + 8, &len);
	cp += 10;
	rp = cp + len;
	put_type(d->c, t);
	if (rp > d->end)
		return NONE;
	if (!rdata(d, t, cl, fl, cp, rp, len) || d->jmp)
		return NONE;
	return rp;
}

/* n records from *at, comma-separated, after prefix (" ns:", " ar:",
 * or nothing); false when the packet ends among them */
static bool section(struct dns *d, int64_t *at, unsigned n, const char *pre)
{
	if (n == 0)
		return true;
	if (pre) {
		if (*at >= d->end)
			return false;
		dput(d->c, pre);
	}
	if ((*at = record(d, *at)) == NONE)
		return false;
	n--;
	while (*at < d->end && n) {
		dput(d->c, ",");
		if ((*at = record(d, *at)) == NONE)
			return false;
		n--;
	}
	return n == 0;
}

/* ---- the message ---------------------------------------------------------- */

static const char *const opcodes[16] = {
	"", " inv_q", " stat", " op3", " notify", " update", " op6", " op7",
	" op8", " updateA", " updateD", " updateDA", " updateM", " updateMA",
	" zoneInit", " zoneRef",
};

static void put_rcode(struct dctx *c, unsigned rc)
{
	/* tcpdump's table, two entries of it without their space */
	static const char *const tab[] = {
		"", " FormErr", " ServFail", " NXDomain", " NotImp", " Refused",
		" YXDomain", " YXRRSet", " NXRRSet", " NotAuth", " NotZone",
		" Resp11", " Resp12", " Resp13", " Resp14", " NoChange",
		" BadVers", "Resp17", " Resp18", " Resp19", " Resp20",
		"Resp21", " Resp22", " BadCookie",
	};

	if (rc < sizeof tab / sizeof tab[0])
		dput(c, tab[rc]);
	else
		dprintf_(c, " Resp%u", rc & 0xfff);
}

/* The extended rcode: the OPT record's high bits, when the sections
 * before it were captured. */
static unsigned full_rcode(const struct dns *d, unsigned qd, unsigned an,
                           unsigned ns, unsigned ar, unsigned rcode)
{
	int64_t cp = 12;
	uint16_t v;
	uint8_t hi;

	for (unsigned i = 0; i < qd; i++) {
		if ((cp = name_skip(d, cp)) == NONE)
			return rcode;
		cp += 4;
		if (cp >= d->end)
			return rcode;
	}
	for (unsigned i = 0; i < an + ns; i++) {
		if ((cp = name_skip(d, cp)) == NONE)
			return rcode;
		cp += 8;
		if (!rd16(d, cp, &v))
			return rcode;
		cp += 2 + v;
		if (cp >= d->end)
			return rcode;
	}
	for (unsigned i = 0; i < ar; i++) {
		if ((cp = name_skip(d, cp)) == NONE || !rd16(d, cp, &v))
			return rcode;
		cp += 4;
		if (!rd8(d, cp, &hi))
			return rcode;
		if (v == 41)
			return rcode | (unsigned)hi << 4;
		cp += 4;
		if (!rd16(d, cp, &v))
			return rcode;
		cp += 2 + v;
		if (cp >= d->end)
			return rcode;
	}
	return rcode;
}

static bool message(struct dns *d, size_t len)
{
	uint16_t id, fl, qd, an, ns, ar;
	unsigned op, rcode;
	int64_t cp = 12;

	if (len < 12) {
		dprintf_(d->c, "domain [length %zu < 12] (invalid)", len);
		return true;
	}
	if (!has(d, 0, 12))
		return false;
	rd16(d, 0, &id);
	rd16(d, 2, &fl);
	rd16(d, 4, &qd);
	rd16(d, 6, &an);
	rd16(d, 8, &ns);
	rd16(d, 10, &ar);
	op = (fl >> 11) & 0xf;
	if (fl & 0x8000) {
		rcode = full_rcode(d, qd, an, ns, ar, fl & 0xf);
		put_u(d->c, NULL, id);
		dput(d->c, opcodes[op]);
		put_rcode(d->c, rcode);
		if (fl & 0x0400)
			dput(d->c, "*");
		if (!(fl & 0x0080))
			dput(d->c, "-");
		if (fl & 0x0200)
			dput(d->c, "|");
		if (fl & 0x0020)
			dput(d->c, "$");
		if (qd != 1)
			dprintf_(d->c, " [%uq]", qd);
		for (unsigned i = 0; i < qd; i++) {
			if (i)
				dput(d->c, ",");
			if (d->c->v > 1) {
				dput(d->c, " q:");
				cp = question(d, cp);
			} else {
				cp = name_skip(d, cp);
				if (cp != NONE)
					cp += 4;
			}
			if (cp == NONE)
				return false;
		}
		put_u(d->c, " ", an);
		put_u(d->c, "/", ns);
		put_u(d->c, "/", ar);
		if (!section(d, &cp, an, NULL))
			return false;
	} else {
		put_u(d->c, NULL, id);
		dput(d->c, opcodes[op]);
		if (fl & 0x0100)
			dput(d->c, "+");
		if (fl & 0x0010)
			dput(d->c, "%");
		if (fl & 0x6cf)
			dprintf_(d->c, " [b2&3=0x%x]", fl);
		if (op == 1) {
			if (qd)
				dprintf_(d->c, " [%uq]", qd);
			if (an != 1)
				dprintf_(d->c, " [%ua]", an);
		} else {
			if (an)
				dprintf_(d->c, " [%ua]", an);
			if (qd != 1)
				dprintf_(d->c, " [%uq]", qd);
		}
		if (ns)
			dprintf_(d->c, " [%un]", ns);
		if (ar)
			dprintf_(d->c, " [%uau]", ar);
		if (qd) {
			unsigned n = qd;

			if ((cp = question(d, cp)) == NONE)
				return false;
			n--;
			while (cp < d->end && n) {
				if ((cp = question(d, cp)) == NONE)
					return false;
				n--;
			}
			if (n)
				return false;
		}
		if (d->c->v > 1 && !section(d, &cp, an, NULL))
			return false;
	}
	if (d->c->v > 1) {
		if (!section(d, &cp, ns, " ns:") || !section(d, &cp, ar, " ar:"))
			return false;
	}
	put_u(d->c, " (", len);
	dput(d->c, ")");
	return true;
}

/* the message at p: cap bytes of it captured, len long */
static void dns_print(struct dctx *c, const uint8_t *p, size_t cap,
                      size_t len, bool mdns)
{
	struct dns d;

	d.c = c;
	d.k = dc_make(p, cap, cap);
	d.end = (int64_t)cap;
	d.mdns = mdns;
	d.jmp = false;
	if (!message(&d, len))
		dput(c, " [|domain]");
	if (d.jmp)
		d_hard_stop = true;
}

bool d_dns(struct dctx *c, const struct ipinfo *ip, unsigned sport,
           unsigned dport, const uint8_t *p, size_t cap, size_t len)
{
	(void)ip;
	if (c->q)
		return false;      /* tcpdump -q: "UDP, length N" */
	if (!c->out)
		return true;
	dns_print(c, p, cap, len, sport != 53 && dport != 53);
	return true;
}

bool d_dns_tcp(struct dctx *c, const uint8_t *p, size_t cap, size_t len)
{
	uint16_t pre;
	struct dcur k = dc_make(p, cap, len);

	if (!c->out)
		return true;
	if (len < 2) {
		dprintf_(c, " [DNS over TCP: length %zu < 2] (invalid)", len);
		return true;
	}
	if (!dc_be16(&k, 0, &pre)) {
		/* tcpdump reads the prefix with a jumping macro */
		dput(c, " [|domain]");
		d_hard_stop = true;
		return true;
	}
	if (pre != len - 2) {
		dprintf_(c, " [prefix length(%u) != length(%zu)] (invalid)", pre,
		         len - 2);
		return true;
	}
	dput(c, " ");
	dns_print(c, p + 2, cap - 2, len - 2, false);
	return true;
}
