/* SPDX-License-Identifier: GPL-2.0-or-later */
/* mptcp.c - the Multipath TCP option (TCP option 30, RFC 6824 and
 * RFC 8684) inside a TCP header's options, printed the way tcpdump 4.99
 * prints it: "mptcp LEN SUBTYPE ...".  tcpdump 4.99 knows the subtypes
 * 0 to 7; 8 (MP_TCPRST) and above are "unknown", their bytes unprinted. */
#include <inttypes.h>
#include <stdio.h>

#include "decode/cursor.h"
#include "decode/priv.h"

#define TCP_SYN 0x02
#define TCP_ACK 0x10

/* Every function below gets the whole option (kind and length bytes
 * included) as a cursor whose bytes were all captured, its length n, and
 * the TCP flags; it prints what follows the subtype's name and returns
 * false when the option does not have a shape tcpdump accepts (the
 * caller then prints "[bad opt]"). */

/* MP_CAPABLE: 4 or 12 bytes on a SYN, 20 or 22 on the ACK that ends the
 * handshake (the keys of both sides, then the data length, unprinted). */
static bool mp_capable(struct dctx *c, const struct dcur *o, size_t n,
                       unsigned fl)
{
	uint8_t subver, mflags;
	uint64_t key;
	unsigned ver;

	if (!((n == 12 || n == 4) && (fl & TCP_SYN)) &&
	    !((n == 20 || n == 22) && (fl & (TCP_SYN | TCP_ACK)) == TCP_ACK))
		return false;
	if (!dc_u8(o, 2, &subver) || !dc_u8(o, 3, &mflags))
		return false;
	ver = subver & 0x0f;
	if (ver > 1) {
		dprintf_(c, " Unknown Version (%u)", ver);
		return true;
	}
	dprintf_(c, " v%u", ver);
	if (mflags & 0x80)
		dput(c, " csum");
	if (n == 12 || n >= 20) {
		if (!dc_be64(o, 4, &key))
			return false;
		dprintf_(c, " {0x%" PRIx64, key);
		if (n >= 20) {
			if (!dc_be64(o, 12, &key))
				return false;
			dprintf_(c, ",0x%" PRIx64, key);
		}
		dput(c, "}");
	}
	return true;
}

/* MP_JOIN: 12 bytes on a SYN, 16 on a SYN-ACK, 24 on the third ACK. */
static bool mp_join(struct dctx *c, const struct dcur *o, size_t n,
                    unsigned fl)
{
	uint8_t b, id;
	uint32_t w1, w2;
	uint64_t mac;
	const uint8_t *h;

	if (!(n == 12 && (fl & TCP_SYN)) &&
	    !(n == 16 && (fl & (TCP_SYN | TCP_ACK)) == (TCP_SYN | TCP_ACK)) &&
	    !(n == 24 && (fl & TCP_ACK)))
		return false;
	if (n != 24) {
		if (!dc_u8(o, 2, &b) || !dc_u8(o, 3, &id))
			return false;
		if (b & 0x01)
			dput(c, " backup");
		dprintf_(c, " id %u", id);
	}
	switch (n) {
	case 12:
		if (!dc_be32(o, 4, &w1) || !dc_be32(o, 8, &w2))
			return false;
		dprintf_(c, " token 0x%x nonce 0x%x", w1, w2);
		break;
	case 16:
		if (!dc_be64(o, 4, &mac) || !dc_be32(o, 12, &w2))
			return false;
		dprintf_(c, " hmac 0x%" PRIx64 " nonce 0x%x", mac, w2);
		break;
	default:
		if (!dc_bytes(o, 4, 20, &h))
			return false;
		dput(c, " hmac 0x");
		for (size_t i = 0; i < 20; i++)
			dprintf_(c, "%02x", h[i]);
		break;
	}
	return true;
}

/* A 4- or 8-byte number of a DSS option at *off, if it fits in n. */
static bool dss_num(struct dctx *c, const struct dcur *o, size_t *off,
                    size_t n, bool wide)
{
	uint32_t w;
	uint64_t q;

	if (wide) {
		if (n - *off < 8 || !dc_be64(o, *off, &q))
			return false;
		dprintf_(c, "%" PRIu64, q);
		*off += 8;
	} else {
		if (n - *off < 4 || !dc_be32(o, *off, &w))
			return false;
		dprintf_(c, "%u", w);
		*off += 4;
	}
	return true;
}

/* DSS: flags F (DATA_FIN), m (8-byte DSN), M (mapping present), a
 * (8-byte ack), A (ack present); then the ack, the mapping (DSN,
 * subflow sequence number, data-level length) and a checksum when two
 * bytes are left.  Anything more, or less, is a bad option. */
static bool mp_dss(struct dctx *c, const struct dcur *o, size_t n,
                   unsigned fl)
{
	uint8_t f;
	uint32_t w;
	uint16_t h;
	size_t off = 4;

	if (n < 4 || (fl & TCP_SYN))
		return false;
	if (!dc_u8(o, 3, &f))
		return false;
	if (f & 0x10)
		dput(c, " fin");
	if (f & 0x01) {
		dput(c, " ack ");
		if (!dss_num(c, o, &off, n, f & 0x02))
			return false;
	}
	if (f & 0x04) {
		dput(c, " seq ");
		if (!dss_num(c, o, &off, n, f & 0x08))
			return false;
		if (n - off < 4 || !dc_be32(o, off, &w))
			return false;
		dprintf_(c, " subseq %u", w);
		off += 4;
		if (n - off < 2 || !dc_be16(o, off, &h))
			return false;
		dprintf_(c, " len %u", h);
		off += 2;
		if (n - off >= 2) {
			if (!dc_be16(o, off, &h))
				return false;
			dprintf_(c, " csum 0x%x", h);
			off += 2;
		}
	}
	return off == n;
}

/* ADD_ADDR: version/echo in the low nibble of the subtype byte, an
 * address id, an IPv4 or IPv6 address, perhaps a port, perhaps an
 * 8-byte truncated HMAC; told apart by the length alone. */
static bool mp_add_addr(struct dctx *c, const struct dcur *o, size_t n)
{
	uint8_t se, id;
	uint16_t port;
	uint64_t mac;
	const uint8_t *a;
	char buf[64];
	bool v6 = n == 20 || n == 22 || n == 28 || n == 30;
	bool withport, withmac;
	size_t al = v6 ? 16 : 4;

	if (!v6 && !(n == 8 || n == 10 || n == 16 || n == 18))
		return false;
	if (!dc_u8(o, 2, &se) || !dc_u8(o, 3, &id) || !dc_bytes(o, 4, al, &a))
		return false;
	switch (se & 0x0f) {
	case 0x6: dput(c, " v0-ip6"); break;
	case 0x4: dput(c, " v0-ip4"); break;
	case 0x1: dput(c, " v1-echo"); break;
	case 0x0: dput(c, " v1"); break;
	default:  dput(c, " [bad version/echo]"); break;
	}
	dprintf_(c, " id %u %s", id,
	         v6 ? d_ip6str(a, buf, sizeof buf) : d_ip4str(a, buf, sizeof buf));
	withport = (n - 4 - al) % 8 == 2;
	withmac = n - 4 - al >= 8;
	if (withport) {
		if (!dc_be16(o, 4 + al, &port))
			return false;
		dprintf_(c, ":%u", port);
	}
	if (withmac) {
		if (!dc_be64(o, 4 + al + (withport ? 2 : 0), &mac))
			return false;
		dprintf_(c, " hmac 0x%" PRIx64, mac);
	}
	return true;
}

/* REMOVE_ADDR: the address ids, one byte each. */
static bool mp_remove_addr(struct dctx *c, const struct dcur *o, size_t n)
{
	uint8_t id;

	if (n < 4)
		return false;
	dput(c, " id");
	for (size_t i = 3; i < n; i++) {
		if (!dc_u8(o, i, &id))
			return false;
		dprintf_(c, " %u", id);
	}
	return true;
}

/* MP_PRIO: the backup bit, and the address id in the 4-byte form. */
static bool mp_prio(struct dctx *c, const struct dcur *o, size_t n)
{
	uint8_t b, id;

	if ((n != 3 && n != 4) || !dc_u8(o, 2, &b))
		return false;
	dput(c, b & 0x01 ? " backup" : " non-backup");
	if (n == 4) {
		if (!dc_u8(o, 3, &id))
			return false;
		dprintf_(c, " id %u", id);
	}
	return true;
}

/* MP_FAIL (the data sequence number, in decimal) and MP_FASTCLOSE (the
 * receiver's key, in hex): 12 bytes, the number after two reserved ones. */
static bool mp_fail_close(struct dctx *c, const struct dcur *o, size_t n,
                          bool fail)
{
	uint64_t v;

	if (n != 12 || !dc_be64(o, 4, &v))
		return false;
	if (fail)
		dprintf_(c, " seq %" PRIu64, v);
	else
		dprintf_(c, " key 0x%" PRIx64, v);
	return true;
}

bool d_mptcp_option(struct dctx *c, const struct dcur *o, size_t n,
                    unsigned tcpflags)
{
	static const char *const names[] = {
		"capable", "join", "dss", "add-addr", "rem-addr", "prio",
		"fail", "fast-close",
	};
	uint8_t sub;
	unsigned st;

	if (n < 3 || !dc_u8(o, 2, &sub))
		return false;
	st = sub >> 4;
	dprintf_(c, " %zu %s", n, st < 8 ? names[st] : "unknown");
	switch (st) {
	case 0: return mp_capable(c, o, n, tcpflags);
	case 1: return mp_join(c, o, n, tcpflags);
	case 2: return mp_dss(c, o, n, tcpflags);
	case 3: return mp_add_addr(c, o, n);
	case 4: return mp_remove_addr(c, o, n);
	case 5: return mp_prio(c, o, n);
	case 6: return mp_fail_close(c, o, n, true);
	case 7: return mp_fail_close(c, o, n, false);
	default: return true;
	}
}
