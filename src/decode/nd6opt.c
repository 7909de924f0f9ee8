/* SPDX-License-Identifier: GPL-2.0-or-later */
/* nd6opt.c - the options of neighbour discovery messages (RFC 4861 and
 * the ones after it), one per line as tcpdump -v prints them: link-layer
 * addresses, prefix information, redirected header, MTU, advertisement
 * interval, home agent information, route information, RDNSS, DNSSL;
 * the others as "unknown option" with a hex dump.  Reads go through the
 * checked cursor; false means cut short (the caller prints the mark). */
#include <stdio.h>
#include <string.h>

#include "decode/cursor.h"
#include "decode/priv.h"

static const char *opt_name(unsigned t)
{
	switch (t) {
	case 1:  return "source link-address";
	case 2:  return "destination link-address";
	case 3:  return "prefix info";
	case 4:  return "redirected header";
	case 5:  return "mtu";
	case 7:  return "advertisement interval";
	case 8:  return "homeagent information";
	case 24: return "route info";
	case 25: return "rdnss";
	case 31: return "dnssl";
	default: return "unknown";
	}
}

static const char *lifetime(uint32_t v, char *buf, size_t n)
{
	if (v == 0xffffffffu)
		snprintf(buf, n, "infinity");
	else
		snprintf(buf, n, "%us", v);
	return buf;
}

/* The length of the label at off as tcpdump counts it (a pointer's
 * first byte for a pointer, the bytes of a bit label); false, with
 * tcpdump's mark, for a bad label type. */
static bool label_len(struct dctx *c, const struct dcur *k, size_t off,
                      unsigned *l)
{
	uint8_t i, bits;

	if (!dc_u8(k, off, &i))
		return false;
	switch (i & 0xc0) {
	case 0x40:
		if ((i & 0x3f) != 1) {
			dprintf_(c, "<ELT %d>", i & 0x3f);
			return false;
		}
		if (!dc_u8(k, off + 1, &bits))
			return false;
		*l = ((bits ? bits : 256u) + 7) / 8 + 1;
		return true;
	case 0x80:
		dput(c, "<BAD LABEL TYPE>");
		return false;
	default:
		*l = i;
		return true;
	}
}

/* a bit-string label (RFC 2673) from its length byte at off */
static bool bit_label(struct dctx *c, const struct dcur *k, size_t off)
{
	uint8_t v;
	unsigned bits, b;
	size_t q, lim;

	if (!dc_u8(k, off, &v))
		return false;
	bits = v ? v : 256;
	lim = off + 1 + (bits + 3) / 4;
	dput(c, "\\[x");
	for (q = off + 1, b = bits; q < lim && b > 7; b -= 8, q++) {
		if (!dc_u8(k, q, &v))
			return false;
		dprintf_(c, "%02x", v);
	}
	if (b > 4) {
		if (!dc_u8(k, q, &v))
			return false;
		dprintf_(c, "%02x", v & (0xff << (8 - b)) & 0xff);
	} else if (b > 0) {
		if (!dc_u8(k, q, &v))
			return false;
		dprintf_(c, "%1x", ((v >> 4) & 0x0f) & (0x0f << (4 - b)) & 0x0f);
	}
	dprintf_(c, "/%u]", bits);
	return true;
}

/* A domain name at *off (compression pointers count from base, the
 * first option, and must point back), as tcpdump prints one.  Moves
 * *off past the name; false when it runs out of the capture or is bad
 * (tcpdump's mark printed). */
static bool domain(struct dctx *c, const struct dcur *k, size_t base,
                   size_t *off)
{
	size_t cp = *off, rp = 0, maxoff = cp - base;
	bool compressed = false;
	unsigned chars = 0, l;
	uint8_t i;

	if (!label_len(c, k, cp, &l))
		return false;
	i = k->p[cp++];
	if ((i & 0xc0) != 0xc0)
		rp = cp + l;
	if (i == 0) {
		dput(c, ".");
		*off = rp;
		return true;
	}
	while (i && cp < k->cap) {
		switch (i & 0xc0) {
		case 0xc0: {
			uint8_t lo;
			size_t to;

			if (!compressed) {
				rp = cp + 1;
				compressed = true;
			}
			if (!dc_u8(k, cp, &lo))
				return false;
			to = ((size_t)(i & 0x3f) << 8) | lo;
			if (to >= maxoff) {
				dput(c, "<BAD PTR>");
				return false;
			}
			maxoff = to;
			cp = base + to;
			if (!label_len(c, k, cp, &l))
				return false;
			i = k->p[cp++];
			continue;
		}
		case 0x40:
			if (!bit_label(c, k, cp))
				return false;
			break;
		case 0x80:
			dput(c, "<BAD LABEL TYPE>");
			return false;
		default: {
			unsigned n = chars + l <= 255 ? l : chars < 255 ? 255 - chars : 0;

			for (unsigned j = 0; j < n; j++) {
				if (cp + j >= k->cap)
					return false;
				d_put_char(c, k->p[cp + j]);
			}
			chars += l;
			break;
		}
		}
		cp += l;
		if (chars <= 255)
			dput(c, ".");
		chars++;
		if (!label_len(c, k, cp, &l))
			return false;
		i = k->p[cp++];
		if (!compressed)
			rp += l + 1;
	}
	if (chars > 255)
		dput(c, "<DOMAIN NAME TOO LONG>");
	*off = rp;
	return true;
}

bool d_nd6_opts(struct dctx *c, const uint8_t *p, size_t cap, size_t off,
                long resid)
{
	struct dcur k = dc_make(p, cap, cap);
	const size_t base = off;
	char a[64], t1[20], t2[20];

	while (off < k.cap) {
		uint8_t type, ol;
		size_t n;

		if (!dc_u8(&k, off + 1, &ol))
			return false;
		if (resid <= 0)
			return true;
		type = k.p[off];
		if (ol == 0)
			return false;
		n = (size_t)ol * 8;
		if (n > k.cap - off)
			return false;
		dprintf_(c, "\n\t  %s option (%u), length %zu (%u): ",
		         opt_name(type), type, n, ol);
		switch (type) {
		case 1:
		case 2:
			for (size_t i = 2; i < n; i++)
				dprintf_(c, i > 2 ? ":%02x" : "%02x", k.p[off + i]);
			break;
		case 3: {
			const uint8_t *q;

			if (!dc_bytes(&k, off, 32, &q))
				goto jump;
			dprintf_(c, "%s/%u%s, Flags [", d_ip6str(q + 16, a, sizeof a),
			         q[2], ol != 4 ? "badlen" : "");
			if (q[3] & 0xe0)
				dprintf_(c, "%s%s%s%s%s", q[3] & 0x80 ? "onlink" : "",
				         (q[3] & 0x80) && (q[3] & 0x40) ? ", " : "",
				         q[3] & 0x40 ? "auto" : "",
				         (q[3] & 0xc0) && (q[3] & 0x20) ? ", " : "",
				         q[3] & 0x20 ? "router" : "");
			else
				dput(c, "none");
			dprintf_(c, "], valid time %s, pref. time %s",
			         lifetime(be32(q + 4), t1, sizeof t1),
			         lifetime(be32(q + 8), t2, sizeof t2));
			break;
		}
		case 4:
			/* tcpdump dumps from the first option on */
			d_icmp6_hexcap(c, "\n\t    ", k.p, k.cap, base, n);
			break;
		case 5: {
			uint32_t mtu;

			if (!dc_be32(&k, off + 4, &mtu))
				goto jump;
			dprintf_(c, " %u%s", mtu, ol != 1 ? "bad option length" : "");
			break;
		}
		case 25: {
			uint32_t lt;

			if (!dc_be32(&k, off + 4, &lt))
				goto jump;
			dprintf_(c, " lifetime %us,", lt);
			for (unsigned i = 0; i < (ol - 1u) / 2; i++) {
				const uint8_t *q;

				if (!dc_bytes(&k, off + 8 + 16 * (size_t)i, 16, &q))
					goto jump;
				dprintf_(c, " addr: %s", d_ip6str(q, a, sizeof a));
			}
			break;
		}
		case 31: {
			uint32_t lt;
			size_t d = off + 8;
			uint8_t b;

			if (!dc_be32(&k, off + 4, &lt))
				goto jump;
			dprintf_(c, " lifetime %us, domain(s):", lt);
			while (d < off + n) {
				if (!dc_u8(&k, d, &b))
					goto jump;
				if (b == 0)
					break;
				dput(c, " ");
				if (!domain(c, &k, base, &d))
					return false;
			}
			break;
		}
		case 7: {
			uint32_t v;

			if (!dc_be32(&k, off + 4, &v))
				goto jump;
			dprintf_(c, " %ums", v);
			break;
		}
		case 8: {
			uint16_t pref, lt;

			if (!dc_be16(&k, off + 4, &pref) || !dc_be16(&k, off + 6, &lt))
				goto jump;
			dprintf_(c, " preference %u, lifetime %u", pref, lt);
			break;
		}
		case 24: {
			uint8_t in6[16] = { 0 };
			uint32_t lt;

			if (!dc_be32(&k, off + 4, &lt))
				return false;
			if (ol == 2 || ol == 3) {
				const uint8_t *q;
				size_t m = ol == 2 ? 8 : 16;

				if (!dc_bytes(&k, off + 8, m, &q))
					goto jump;
				memcpy(in6, q, m);
			} else if (ol != 1) {
				return false;
			}
			dprintf_(c, " %s/%u, pref=%s, lifetime=%s",
			         d_ip6str(in6, a, sizeof a), k.p[off + 2],
			         d_icmp6_rtpref(k.p[off + 3]),
			         lifetime(lt, t1, sizeof t1));
			break;
		}
		default:
			if (c->v <= 1) {
				d_icmp6_hexcap(c, "\n\t  ", k.p, k.cap, off + 2, n - 2);
				return true;
			}
			break;
		}
		if (c->v > 1)
			d_icmp6_hexcap(c, "\n\t    ", k.p, k.cap, off + 2, n - 2);
		off += n;
		resid -= (long)n;
	}
	return true;
jump:
	/* a field past the end of its option, which tcpdump reads with its
	 * jumping macros: the packet is abandoned */
	d_hard_stop = true;
	return false;
}
