/* SPDX-License-Identifier: GPL-2.0-or-later */
/* stp.c - spanning tree BPDUs (802.1D config and topology change,
 * 802.1w rapid STP, 802.1s MSTP with its MSTIs, 802.1aq SPB), as
 * tcpdump -n and -v print them.  p is the BPDU (after the LLC or SNAP
 * header); a field cut short ends the line with " [|stp]" where tcpdump
 * ends it: each of its print statements comes whole or not at all.
 * tcpdump reads every field with its jumping GET_ macros, so a cut
 * field abandons the whole packet (d_hard_stop). */
#include <stdio.h>

#include "decode/priv.h"
#include "decode/cursor.h"

/* the flags in tcpdump's words, "none" when none is known */
static void stp_flags(struct dctx *c, unsigned f)
{
	static const struct { unsigned bit; const char *s; } tab[] = {
		{ 0x01, "Topology change" }, { 0x02, "Proposal" },
		{ 0x10, "Learn" }, { 0x20, "Forward" }, { 0x40, "Agreement" },
		{ 0x80, "Topology change ACK" },
	};
	bool any = false;

	for (size_t i = 0; i < sizeof tab / sizeof tab[0]; i++)
		if (f & tab[i].bit) {
			dprintf_(c, "%s%s", any ? ", " : "", tab[i].s);
			any = true;
		}
	if (!any)
		dput(c, "none");
}

static const char *port_role(unsigned flags)
{
	static const char *const r[] = {
		"Unknown", "Alternate", "Root", "Designated",
	};

	return r[(flags >> 2) & 3];
}

/* "8000.02:00:00:00:00:01": priority and MAC; the 8 bytes were checked */
static const char *bridge_id(const uint8_t *b, char *buf, size_t len)
{
	snprintf(buf, len, "%02x%02x.%02x:%02x:%02x:%02x:%02x:%02x", b[0],
	         b[1], b[2], b[3], b[4], b[5], b[6], b[7]);
	return buf;
}

/* the four timers, in 1/256 s */
static bool stp_times(struct dctx *c, const struct dcur *k)
{
	uint16_t age, max, hello, fwd;

	if (!dc_be16(k, 27, &age) || !dc_be16(k, 29, &max) ||
	    !dc_be16(k, 31, &hello) || !dc_be16(k, 33, &fwd))
		return false;
	dprintf_(c, "\n\tmessage-age %.2fs, max-age %.2fs, hello-time %.2fs, "
	         "forwarding-delay %.2fs", age / 256.0, max / 256.0,
	         hello / 256.0, fwd / 256.0);
	return true;
}

static bool stp_config(struct dctx *c, const struct dcur *k, unsigned ver)
{
	uint8_t flags;
	const uint8_t *id;
	uint16_t port;
	uint32_t cost;
	char buf[32];

	if (!dc_u8(k, 4, &flags))
		return false;
	dput(c, ", Flags [");
	stp_flags(c, flags);
	dput(c, "]");
	if (!dc_bytes(k, 17, 8, &id) || !dc_be16(k, 25, &port))
		return false;
	dprintf_(c, ", bridge-id %s.%04x, length %zu",
	         bridge_id(id, buf, sizeof buf), port, k->len);
	if (!c->v)
		return true;
	if (!stp_times(c, k))
		return false;
	if (!dc_bytes(k, 5, 8, &id) || !dc_be32(k, 13, &cost))
		return false;
	dprintf_(c, "\n\troot-id %s, root-pathcost %u",
	         bridge_id(id, buf, sizeof buf), cost);
	if (ver == 2)
		dprintf_(c, ", port-role %s", port_role(flags));
	return true;
}

/* up to n bytes of a name, to its NUL, as tcpdump shows unprintables */
static bool stp_name(struct dctx *c, const struct dcur *k, size_t off,
                     size_t n)
{
	for (size_t i = 0; i < n; i++) {
		uint8_t ch;

		if (!dc_u8(k, off + i, &ch))
			return false;
		if (!ch)
			break;
		d_put_char(c, ch);
	}
	return true;
}

static bool stp_mstp(struct dctx *c, const struct dcur *k)
{
	uint8_t flags, hops;
	const uint8_t *id;
	uint16_t port, v3len, rev;
	uint32_t cost, d[4];
	char buf[32];

	if (!dc_u8(k, 4, &flags))
		return false;
	dput(c, ", CIST Flags [");
	stp_flags(c, flags);
	dprintf_(c, "], length %zu", k->len);
	if (!c->v)
		return true;
	dprintf_(c, "\n\tport-role %s, ", port_role(flags));
	if (!dc_bytes(k, 5, 8, &id) || !dc_be32(k, 13, &cost))
		return false;
	dprintf_(c, "CIST root-id %s, CIST ext-pathcost %u",
	         bridge_id(id, buf, sizeof buf), cost);
	if (!dc_bytes(k, 17, 8, &id))
		return false;
	dprintf_(c, "\n\tCIST regional-root-id %s, ",
	         bridge_id(id, buf, sizeof buf));
	if (!dc_be16(k, 25, &port))
		return false;
	dprintf_(c, "CIST port-id %04x,", port);
	if (!stp_times(c, k) || !dc_be16(k, 36, &v3len))
		return false;
	dprintf_(c, "\n\tv3len %u, MCID Name ", v3len);
	if (!stp_name(c, k, 39, 32))
		return false;
	if (!dc_be16(k, 71, &rev) || !dc_be32(k, 73, &d[0]) ||
	    !dc_be32(k, 77, &d[1]) || !dc_be32(k, 81, &d[2]) ||
	    !dc_be32(k, 85, &d[3]))
		return false;
	dprintf_(c, ", rev %u,\n\t\tdigest %08x%08x%08x%08x, ", rev, d[0], d[1],
	         d[2], d[3]);
	if (!dc_be32(k, 89, &cost))
		return false;
	dprintf_(c, "CIST int-root-pathcost %u,", cost);
	if (!dc_bytes(k, 93, 8, &id))
		return false;
	dprintf_(c, "\n\tCIST bridge-id %s, ", bridge_id(id, buf, sizeof buf));
	if (!dc_u8(k, 101, &hops))
		return false;
	dprintf_(c, "CIST remaining-hops %u", hops);
	if (v3len > 64) {
		unsigned left = v3len - 64u;

		for (size_t off = 102; left >= 16; off += 16, left -= 16) {
			uint16_t msti;
			uint8_t mf, bp, pp, mh;

			if (!dc_be16(k, off + 1, &msti) || !dc_u8(k, off, &mf))
				return false;
			dprintf_(c, "\n\tMSTI %u, Flags [", msti & 0x0fffu);
			stp_flags(c, mf);
			dprintf_(c, "], port-role %s", port_role(mf));
			if (!dc_bytes(k, off + 1, 8, &id) ||
			    !dc_be32(k, off + 9, &cost))
				return false;
			dprintf_(c, "\n\t\tMSTI regional-root-id %s, pathcost %u",
			         bridge_id(id, buf, sizeof buf), cost);
			if (!dc_u8(k, off + 13, &bp) || !dc_u8(k, off + 14, &pp) ||
			    !dc_u8(k, off + 15, &mh))
				return false;
			dprintf_(c, "\n\t\tMSTI bridge-prio %u, port-prio %u, "
			         "hops %u", bp >> 4, pp >> 4, mh);
		}
	}
	return true;
}

static bool stp_spb(struct dctx *c, const struct dcur *k, size_t off)
{
	uint16_t v4len, rev, edge;
	uint8_t ag, fmt, con;
	uint32_t d[5];

	if (!c->v)
		return true;
	if (!dc_be16(k, off, &v4len))
		return false;
	dprintf_(c, "\n\tv4len %u, AUXMCID Name ", v4len);
	if (!stp_name(c, k, off + 3, 32))
		return false;
	if (!dc_be16(k, off + 35, &rev))
		return false;
	for (size_t i = 0; i < 4; i++)
		if (!dc_be32(k, off + 37 + 4 * i, &d[i]))
			return false;
	dprintf_(c, ", Rev %u,\n\t\tdigest %08x%08x%08x%08x", rev, d[0], d[1],
	         d[2], d[3]);
	if (!dc_u8(k, off + 53, &ag) || !dc_u8(k, off + 55, &fmt) ||
	    !dc_u8(k, off + 56, &con) || !dc_be16(k, off + 57, &edge))
		return false;
	for (size_t i = 0; i < 5; i++)
		if (!dc_be32(k, off + 67 + 4 * i, &d[i]))
			return false;
	dprintf_(c, "\n\tAgreement num %u, Discarded Agreement num %u, "
	         "Agreement valid-flag %u,\n\tRestricted role-flag: %u, "
	         "Format id %u cap %u, Convention id %u cap %u,\n\t"
	         "Edge count %u, Agreement digest %08x%08x%08x%08x%08x",
	         ag >> 6, ag >> 4 & 3, ag >> 3 & 1, ag >> 2 & 1, fmt >> 4, fmt,
	         con >> 4, con, edge, d[0], d[1], d[2], d[3], d[4]);
	return true;
}

void d_stp(struct dctx *c, const uint8_t *p, size_t cap, size_t len)
{
	struct dcur k = dc_make(p, cap, len);
	uint16_t proto;
	uint8_t ver, type, v1len;
	bool ok = true;

	if (!c->out)
		return;
	if (k.len < 4) {
		dput(c, " (invalid)");
		return;
	}
	if (!dc_be16(&k, 0, &proto))
		goto trunc;
	if (proto) {
		dprintf_(c, "unknown STP version, length %zu", k.len);
		return;
	}
	if (!dc_u8(&k, 2, &ver))
		goto trunc;
	switch (ver) {
	case 0: dput(c, "STP 802.1d"); break;
	case 2: dput(c, "STP 802.1w"); break;
	case 3: dput(c, "STP 802.1s"); break;
	case 4: dput(c, "STP 802.1aq"); break;
	default:
		dprintf_(c, "STP Unknown STP protocol (0x%02x)", ver);
		return;
	}
	if (!dc_u8(&k, 3, &type))
		goto trunc;
	switch (type) {
	case 0x00:
		dput(c, ", Config");
		if (k.len < 35)
			goto invalid;
		ok = stp_config(c, &k, ver);
		break;
	case 0x02:
		dput(c, ", Rapid STP");
		if (ver == 2) {
			if (k.len < 36)
				goto invalid;
			ok = stp_config(c, &k, ver);
		} else if (ver == 3 || ver == 4) {
			uint16_t v3len, v4len;
			size_t mlen, slen;

			if (k.len < 102)
				goto invalid;
			if (!dc_u8(&k, 35, &v1len))
				goto trunc;
			if (v1len)
				goto invalid;
			if (!dc_be16(&k, 36, &v3len))
				goto trunc;
			mlen = (size_t)v3len + 2;
			if (k.len < 36 + mlen)
				goto invalid;
			if (!stp_mstp(c, &k))
				goto trunc;
			if (ver == 4) {
				if (!dc_be16(&k, 36 + mlen, &v4len))
					goto trunc;
				slen = (size_t)v4len + 2;
				if (k.len < 36 + mlen + slen || slen < 87)
					goto invalid;
				ok = stp_spb(c, &k, 36 + mlen);
			}
		}
		break;
	case 0x80:
		dput(c, ", Topology Change");
		break;
	default:
		dprintf_(c, ", Unknown BPDU Type (0x%02x)", type);
		break;
	}
	if (ok)
		return;
trunc:
	dput(c, " [|stp]");
	d_hard_stop = true;
	return;
invalid:
	dput(c, " (invalid)");
}
