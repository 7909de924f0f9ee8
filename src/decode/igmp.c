/* SPDX-License-Identifier: GPL-2.0-or-later */
/* igmp.c - IGMP v1, v2 and v3 (queries, reports, leaves, v3 group
 * records), mtrace, DVMRP and PIMv1 carried in IGMP, as tcpdump -n, -v
 * and -vv print them.  Called after "a > b: "; p is the IGMP message,
 * len its length by the IP header.  A field cut short ends the line with
 * " [|igmp]" (" [|dvmrp]", " [|pimv1]") where tcpdump ends it. */
#include <stdio.h>

#include "decode/priv.h"
#include "decode/cursor.h"

/* what went wrong, for the mark at the end */
enum { OK, TRUNC };

static const char *ip4(const uint8_t *a, char *buf, size_t n)
{
	return d_ip4str(a, buf, n);
}

/* "1h2m3s", tcpdump's relative time */
static void relts(struct dctx *c, uint32_t secs)
{
	static const char *const unit[] = { "y", "w", "d", "h", "m", "s" };
	static const uint32_t sec[] = { 31536000, 604800, 86400, 3600, 60, 1 };

	if (!secs) {
		dput(c, "0s");
		return;
	}
	for (size_t i = 0; secs && i < 6; i++)
		if (secs >= sec[i]) {
			dprintf_(c, "%u%s", secs / sec[i], unit[i]);
			secs %= sec[i];
		}
}

static int mtrace(struct dctx *c, const char *name, const struct dcur *k)
{
	const uint8_t *src, *dst, *resp;
	uint32_t qid;
	uint8_t ttl;
	char a[16], b[16], r[16];

	if (k->len < 8 + 16) {
		dprintf_(c, " [invalid len %zu]", k->len);
		return OK;
	}
	if (!dc_be24(k, 8 + 13, &qid) || !dc_bytes(k, 8, 4, &src) ||
	    !dc_bytes(k, 12, 4, &dst) || !dc_bytes(k, 16, 4, &resp))
		return TRUNC;
	dprintf_(c, "%s %u: %s to %s reply-to %s", name, qid,
	         ip4(src, a, sizeof a), ip4(dst, b, sizeof b),
	         ip4(resp, r, sizeof r));
	if ((resp[0] & 0xf0) == 0xe0) {
		if (!dc_u8(k, 8 + 12, &ttl))
			return TRUNC;
		dprintf_(c, " with-ttl %u", ttl);
	}
	return OK;
}

static const char *v3rec_name(unsigned t)
{
	static const char *const n[] = {
		NULL, "is_in", "is_ex", "to_in", "to_ex", "allow", "block",
	};

	return t < 7 ? n[t] : NULL;
}

static int v3_report(struct dctx *c, const struct dcur *k)
{
	uint16_t ngroups, nsrcs;
	size_t group = 8;
	char a[16];

	if (k->len < 16 || k->len & 3) {
		dprintf_(c, " [invalid len %zu]", k->len);
		return OK;
	}
	if (!dc_be16(k, 6, &ngroups))
		return TRUNC;
	dprintf_(c, ", %u group record(s)", ngroups);
	if (!c->v)
		return OK;
	for (unsigned i = 0; i < ngroups; i++) {
		const uint8_t *g;
		uint8_t t;
		const char *n;

		if (k->len < group + 8) {
			dput(c, " [invalid number of groups]");
			return OK;
		}
		if (!dc_bytes(k, group + 4, 4, &g))
			return TRUNC;
		dprintf_(c, " [gaddr %s", ip4(g, a, sizeof a));
		if (!dc_u8(k, group, &t))
			return TRUNC;
		n = v3rec_name(t);
		if (n)
			dprintf_(c, " %s", n);
		else
			dprintf_(c, "  [v3-report-#%u]", t);
		if (!dc_be16(k, group + 2, &nsrcs))
			return TRUNC;
		if (k->len < group + 8 + ((size_t)nsrcs << 2)) {
			dprintf_(c, " [invalid number of sources %u]", nsrcs);
			return OK;
		}
		if (c->v == 1) {
			dprintf_(c, ", %u source(s)", nsrcs);
		} else {
			dput(c, " {");
			for (unsigned j = 0; j < nsrcs; j++) {
				if (!dc_bytes(k, group + 8 + 4 * (size_t)j, 4, &g))
					return TRUNC;
				dprintf_(c, " %s", ip4(g, a, sizeof a));
			}
			dput(c, " }");
		}
		group += 8 + ((size_t)nsrcs << 2);
		dput(c, "]");
	}
	return OK;
}

static int v3_query(struct dctx *c, const struct dcur *k)
{
	uint8_t mrc;
	uint32_t mrt, ga;
	uint16_t nsrcs;
	const uint8_t *g;
	char a[16];

	dput(c, " v3");
	if (k->len < 12 || k->len & 3) {
		dprintf_(c, " [invalid len %zu]", k->len);
		return OK;
	}
	if (!dc_u8(k, 1, &mrc))
		return TRUNC;
	if (mrc < 128)
		mrt = mrc;
	else
		mrt = (uint32_t)((mrc & 0x0f) | 0x10) << (((mrc & 0x70) >> 4) + 3);
	if (mrc != 100) {
		dput(c, " [max resp time ");
		if (mrt < 600)
			dprintf_(c, "%.1fs", mrt * 0.1);
		else
			relts(c, mrt / 10);
		dput(c, "]");
	}
	if (!dc_be32(k, 4, &ga))
		return TRUNC;
	if (!ga)
		return OK;
	dc_bytes(k, 4, 4, &g);
	dprintf_(c, " [gaddr %s", ip4(g, a, sizeof a));
	if (!dc_be16(k, 10, &nsrcs))
		return TRUNC;
	if (nsrcs) {
		if (k->len < 12 + ((size_t)nsrcs << 2)) {
			dput(c, " [invalid number of sources]");
		} else if (c->v > 1) {
			dput(c, " {");
			for (unsigned i = 0; i < nsrcs; i++) {
				if (!dc_bytes(k, 12 + 4 * (size_t)i, 4, &g))
					return TRUNC;
				dprintf_(c, " %s", ip4(g, a, sizeof a));
			}
			dput(c, " }");
		} else {
			dprintf_(c, ", %u source(s)", nsrcs);
		}
	}
	dput(c, "]");
	return OK;
}

/* ---- DVMRP (RFC 1075, draft-ietf-idmr-dvmrp-v3) ------------------------ */

/* Each returns false when cut short ( [|dvmrp]); " (invalid)" is
 * printed here. */
static bool dvmrp_report(struct dctx *c, struct dcur k)
{
	while (k.len > 0) {
		uint8_t m[3];
		unsigned width = 1;
		bool done;

		if (k.len < 3) {
			dprintf_(c, " [length %zu < 3] (invalid)", k.len);
			return true;
		}
		for (int i = 0; i < 3; i++)
			if (!dc_u8(&k, (size_t)i, &m[i]))
				return false;
		if (m[0])
			width = 2;
		if (m[1])
			width = 3;
		if (m[2])
			width = 4;
		dprintf_(c, "\n\tMask 255.%u.%u.%u", m[0], m[1], m[2]);
		dc_skip(&k, 3);
		do {
			uint8_t o[4] = { 0, 0, 0, 0 }, metric;

			if (k.len < width + 1) {
				dput(c, "\n\t  [Truncated Report] (invalid)");
				return true;
			}
			for (unsigned i = 0; i < width; i++)
				if (!dc_u8(&k, i, &o[i]))
					return false;
			if (!dc_u8(&k, width, &metric))
				return false;
			done = metric & 0x80;
			dprintf_(c, "\n\t  %u.%u.%u.%u metric %u", o[0], o[1], o[2],
			         o[3], metric & 0x7f);
			if (!dc_skip(&k, width + 1))
				return false;
		} while (!done);
	}
	return true;
}

static bool dvmrp_probe(struct dctx *c, struct dcur k)
{
	uint32_t genid;
	const uint8_t *a;
	char buf[16];

	if (k.len < 4) {
		dprintf_(c, " [full length %zu < 4] (invalid)", k.len);
		return true;
	}
	dput(c, c->v > 1 ? "\n\t" : " ");
	if (!dc_be32(&k, 0, &genid))
		return false;
	dprintf_(c, "genid %u", genid);
	if (c->v < 2)
		return true;
	dc_skip(&k, 4);
	while (k.len > 0) {
		if (k.len < 4) {
			dprintf_(c, "[remaining length %zu < 4] (invalid)", k.len);
			return true;
		}
		if (!dc_bytes(&k, 0, 4, &a))
			return false;
		dprintf_(c, "\n\tneighbor %s", ip4(a, buf, sizeof buf));
		dc_skip(&k, 4);
	}
	return true;
}

static bool dvmrp_neighbors(struct dctx *c, struct dcur k, bool v2,
                            unsigned major, unsigned minor)
{
	size_t hl = v2 ? 8 : 7;
	char a[16], b[16];

	if (v2)
		dprintf_(c, " (v %u.%u):", major, minor);
	while (k.len > 0) {
		const uint8_t *laddr, *n;
		uint8_t metric, thresh, flags = 0, cnt;
		int ncount;

		if (k.len < hl) {
			dprintf_(c, " [length %zu < %zu] (invalid)", k.len, hl);
			return true;
		}
		if (!dc_u8(&k, 4, &metric) || !dc_u8(&k, 5, &thresh) ||
		    (v2 && !dc_u8(&k, 6, &flags)) || !dc_u8(&k, hl - 1, &cnt))
			return false;
		laddr = k.p;
		ncount = cnt;
		dc_skip(&k, hl);
		while (--ncount >= 0 && (!v2 || k.len > 0)) {
			if (k.len < 4) {
				dprintf_(c, " [length %zu < 4] (invalid)", k.len);
				return true;
			}
			dprintf_(c, v2 ? " [%s -> " : " [%s ->", ip4(laddr, a, sizeof a));
			if (!dc_bytes(&k, 0, 4, &n))
				return false;
			if (!v2) {
				dprintf_(c, " %s, (%u/%u)]", ip4(n, b, sizeof b), metric,
				         thresh);
			} else {
				dprintf_(c, "%s (%u/%u", ip4(n, b, sizeof b), metric,
				         thresh);
				if (flags & 0x01)
					dput(c, "/tunnel");
				if (flags & 0x02)
					dput(c, "/srcrt");
				if (flags & 0x40)
					dput(c, "/querier");
				if (flags & 0x20)
					dput(c, "/disabled");
				if (flags & 0x10)
					dput(c, "/down");
				dput(c, ")]");
			}
			dc_skip(&k, 4);
		}
		if (v2 && ncount != -1) {
			dput(c, " [invalid ncount] (invalid)");
			return true;
		}
	}
	return true;
}

static bool dvmrp(struct dctx *c, const struct dcur *k)
{
	static const char *const names[] = {
		NULL, "Probe", "Report", "Ask-neighbors(old)", "Neighbors(old)",
		"Ask-neighbors2", "Neighbors2", "Prune", "Graft", "Graft-ACK",
	};
	uint8_t type, major, minor;
	struct dcur b;
	const uint8_t *s, *g;
	uint32_t timer;
	char x[16], y[16];

	if (k->len < 8) {
		dprintf_(c, " [length %zu < 8] (invalid)", k->len);
		return true;
	}
	if (!dc_u8(k, 1, &type))
		return false;
	b = dc_sub(k, 8, SIZE_MAX);
	if (type < 10 && names[type])
		dprintf_(c, " %s", names[type]);
	else
		dprintf_(c, " [type %u]", type);
	switch (type) {
	case 1:
		return c->v ? dvmrp_probe(c, b) : true;
	case 2:
		return c->v > 1 ? dvmrp_report(c, b) : true;
	case 4:
		return dvmrp_neighbors(c, b, false, 0, 0);
	case 6:
		if (!dc_u8(k, 7, &major) || !dc_u8(k, 6, &minor))
			return false;
		return dvmrp_neighbors(c, b, true, major, minor);
	case 7:
	case 8:
	case 9:
		if (!dc_bytes(&b, 0, 4, &s) || !dc_bytes(&b, 4, 4, &g))
			return false;
		dprintf_(c, " src %s grp %s", ip4(s, x, sizeof x),
		         ip4(g, y, sizeof y));
		if (type != 7)
			return true;
		dput(c, " timer ");
		if (!dc_be32(&b, 8, &timer))
			return false;
		relts(c, timer);
		return true;
	}
	return true;
}

/* ---- PIMv1 ---------------------------------------------------------- */

static bool pim1_mask(struct dctx *c, const struct dcur *k, size_t off)
{
	uint32_t m;
	const uint8_t *a;
	char buf[16];

	if (!dc_be32(k, off, &m))
		return false;
	if (m != 0xffffffff) {
		dc_bytes(k, off, 4, &a);
		dprintf_(c, "/%s", ip4(a, buf, sizeof buf));
	}
	return true;
}

/* join/prune, graft and graft-ack bodies (tcpdump prints them with -v):
 * JP_SHORT when the lengths run out (tcpdump marks it and goes on),
 * JP_CUT when a field was not captured (the line ends there) */
enum { JP_OK, JP_SHORT, JP_CUT };

static int pim1_joinprune(struct dctx *c, struct dcur k)
{
	const uint8_t *a, *g;
	uint8_t n11, b24, b25;
	uint16_t nj, np, hold;
	char x[16], y[16];

	if (k.cap >= 30 && dc_u8(&k, 11, &n11) && n11 == 1 &&
	    dc_be16(&k, 20, &nj) && dc_be16(&k, 22, &np) && nj + np == 1) {
		dc_bytes(&k, 0, 4, &a);
		dprintf_(c, " RPF %s ", ip4(a, x, sizeof x));
		dc_be16(&k, 6, &hold);
		if (hold != 180) {
			dput(c, "Hold ");
			relts(c, hold);
		}
		dc_u8(&k, 24, &b24);
		dc_u8(&k, 25, &b25);
		dc_bytes(&k, 26, 4, &a);
		dc_bytes(&k, 12, 4, &g);
		dprintf_(c, "%s (%s/%u, %s", nj ? "Join" : "Prune",
		         ip4(a, x, sizeof x), b25 & 0x3f, ip4(g, y, sizeof y));
		if (!pim1_mask(c, &k, 16))
			return JP_CUT;
		dprintf_(c, ") %s%s %s", b24 & 1 ? "Sparse" : "Dense",
		         b25 & 0x80 ? " WC" : "", b25 & 0x40 ? "RP" : "SPT");
		return JP_OK;
	}
	if (k.len < 4)
		return JP_SHORT;
	if (c->v > 1)
		dput(c, "\n");
	if (!dc_bytes(&k, 0, 4, &a))
		return JP_CUT;
	dprintf_(c, " Upstream Nbr: %s", ip4(a, x, sizeof x));
	dc_skip(&k, 4);
	if (k.len < 4)
		return JP_SHORT;
	if (c->v > 1)
		dput(c, "\n");
	dput(c, " Hold time: ");
	if (!dc_be16(&k, 2, &hold))
		return JP_CUT;
	relts(c, hold);
	if (c->v < 2)
		return JP_OK;
	dc_skip(&k, 4);
	if (k.len < 4)
		return JP_SHORT;
	{
		uint8_t ng;

		if (!dc_u8(&k, 3, &ng))
			return JP_CUT;
		dc_skip(&k, 4);
		for (; ng; ng--) {
			if (k.len < 4)
				return JP_SHORT;
			if (!dc_bytes(&k, 0, 4, &g))
				return JP_CUT;
			dprintf_(c, "\n\tGroup: %s", ip4(g, x, sizeof x));
			dc_skip(&k, 4);
			if (k.len < 4)
				return JP_SHORT;
			if (!pim1_mask(c, &k, 0))
				return JP_CUT;
			dc_skip(&k, 4);
			if (k.len < 4)
				return JP_SHORT;
			if (!dc_be16(&k, 0, &nj) || !dc_be16(&k, 2, &np))
				return JP_CUT;
			dprintf_(c, " joined: %u pruned: %u", nj, np);
			dc_skip(&k, 4);
			for (unsigned i = 0; i < (unsigned)nj + np; i++) {
				uint8_t f0, f1;

				if (k.len < 6)
					return JP_SHORT;
				if (!dc_u8(&k, 0, &f0) || !dc_u8(&k, 1, &f1) ||
				    !dc_bytes(&k, 2, 4, &a))
					return JP_CUT;
				dprintf_(c, "\n\t%s %s%s%s%s/%u",
				         i < nj ? "Join " : "Prune",
				         f0 & 1 ? "Sparse " : "Dense ",
				         f1 & 0x80 ? "WC " : "",
				         f1 & 0x40 ? "RP " : "SPT ",
				         ip4(a, x, sizeof x), f1 & 0x3f);
				dc_skip(&k, 6);
			}
		}
	}
	return JP_OK;
}

/* false: cut short (the caller ends the line with " [|pimv1]") */
static bool pimv1(struct dctx *c, const struct dcur *k)
{
	static const char *const names[] = {
		"Query", "Register", "Register-Stop", "Join/Prune",
		"RP-reachable", "Assert", "Graft", "Graft-ACK",
	};
	uint8_t type, b, ver;
	const uint8_t *a, *g;
	uint16_t h;
	uint32_t w20, w24;
	char x[16], y[16];

	if (!dc_u8(k, 1, &type))
		return false;
	if (type < 8)
		dprintf_(c, " %s", names[type]);
	else
		dprintf_(c, " [type %u]", type);
	switch (type) {
	case 0:
		if (dc_u8(k, 8, &b)) {
			switch (b >> 4) {
			case 0: dput(c, " Dense-mode"); break;
			case 1: dput(c, " Sparse-mode"); break;
			case 2: dput(c, " Sparse-Dense-mode"); break;
			default: dprintf_(c, " mode-%u", b >> 4); break;
			}
		}
		if (c->v) {
			dput(c, " (Hold-time ");
			if (!dc_be16(k, 10, &h))
				return false;
			relts(c, h);
			dput(c, ")");
		}
		break;
	case 1:
		/* the IP header inside, checked whole: tcpdump marks it and
		 * goes on (to the checksum) */
		if (!dc_has(k, 8, 20)) {
			dput(c, " [|pimv1]");
			return true;
		}
		dc_bytes(k, 20, 4, &a);
		dc_bytes(k, 24, 4, &g);
		dprintf_(c, " for %s > %s", ip4(a, x, sizeof x),
		         ip4(g, y, sizeof y));
		break;
	case 2:
		if (!dc_bytes(k, 8, 4, &a) || !dc_bytes(k, 12, 4, &g))
			return false;
		dprintf_(c, " for %s > %s", ip4(a, x, sizeof x),
		         ip4(g, y, sizeof y));
		break;
	case 4:
		if (c->v) {
			if (!dc_bytes(k, 8, 4, &a))
				return false;
			dprintf_(c, " group %s", ip4(a, x, sizeof x));
			if (!pim1_mask(c, k, 12) || !dc_bytes(k, 16, 4, &a))
				return false;
			dprintf_(c, " RP %s hold ", ip4(a, x, sizeof x));
			if (!dc_be16(k, 22, &h))
				return false;
			relts(c, h);
		}
		break;
	case 5:
		if (!dc_bytes(k, 16, 4, &a) || !dc_bytes(k, 8, 4, &g))
			return false;
		dprintf_(c, " for %s > %s", ip4(a, x, sizeof x),
		         ip4(g, y, sizeof y));
		if (!pim1_mask(c, k, 12))
			return false;
		if (!dc_be32(k, 20, &w20) || !dc_be32(k, 24, &w24))
			return false;
		dprintf_(c, " %s pref %u metric %u",
		         w20 & 0x80000000u ? "RP-tree" : "SPT",
		         w20 & 0x7fffffffu, w24);
		break;
	case 3:
	case 6:
	case 7:
		if (c->v) {
			int jp;

			if (k->len < 8) {
				dput(c, " [|pimv1]");
				return true;
			}
			jp = pim1_joinprune(c, dc_sub(k, 8, SIZE_MAX));
			if (jp == JP_CUT)
				return false;
			if (jp == JP_SHORT)
				dput(c, " [|pimv1]");
		}
		break;
	}
	if (!dc_u8(k, 4, &ver))
		return false;
	if (ver >> 4 != 1)
		dprintf_(c, " [v%u]", ver >> 4);
	return true;
}

/* ---- IGMP ----------------------------------------------------------- */

static uint16_t cksum(const uint8_t *p, size_t n)
{
	uint32_t s = 0;

	for (size_t i = 0; i + 1 < n; i += 2)
		s += (uint32_t)(p[i] << 8 | p[i + 1]);
	if (n & 1)
		s += (uint32_t)p[n - 1] << 8;
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	return (uint16_t)~s;
}

bool d_igmp(struct dctx *c, const struct ipinfo *ip, const uint8_t *p,
            size_t cap, size_t len)
{
	struct dcur k = dc_make(p, cap, len);
	uint8_t type, b1;
	uint32_t ga;
	const uint8_t *g;
	char a[16];
	int r = OK;
	const char *mark = " [|igmp]";

	(void)ip;
	if (!c->out)
		return true;
	if (c->q) {
		dput(c, "igmp");
		return true;
	}
	if (!dc_u8(&k, 0, &type)) {
		dput(c, mark);
		d_hard_stop = true;
		return true;
	}
	switch (type) {
	case 0x11:
		dput(c, "igmp query");
		if (k.len >= 12) {
			r = v3_query(c, &k);
			break;
		}
		if (!dc_u8(&k, 1, &b1)) {
			r = TRUNC;
			break;
		}
		if (b1) {
			dput(c, " v2");
			if (b1 != 100)
				dprintf_(c, " [max resp time %u]", b1);
		} else {
			dput(c, " v1");
		}
		if (!dc_be32(&k, 4, &ga)) {
			r = TRUNC;
			break;
		}
		if (ga) {
			dc_bytes(&k, 4, 4, &g);
			dprintf_(c, " [gaddr %s]", ip4(g, a, sizeof a));
		}
		if (k.len != 8)
			dprintf_(c, " [len %zu]", k.len);
		break;
	case 0x12:
	case 0x16:
	case 0x17:
		if (!dc_bytes(&k, 4, 4, &g)) {
			r = TRUNC;
			break;
		}
		dprintf_(c, "igmp %s %s", type == 0x12 ? "v1 report" :
		         type == 0x16 ? "v2 report" : "leave", ip4(g, a, sizeof a));
		if (type == 0x12 && k.len != 8)
			dprintf_(c, " [len %zu]", k.len);
		break;
	case 0x22:
		dput(c, "igmp v3 report");
		r = v3_report(c, &k);
		break;
	case 0x13:
		dput(c, "igmp dvmrp");
		if (k.len < 8) {
			dprintf_(c, " [len %zu]", k.len);
		} else if (!dvmrp(c, &k)) {
			mark = " [|dvmrp]";
			r = TRUNC;
		}
		break;
	case 0x14:
		dput(c, "igmp pimv1");
		if (!pimv1(c, &k)) {
			mark = " [|pimv1]";
			r = TRUNC;
		}
		break;
	case 0x1e:
		r = mtrace(c, "mresp", &k);
		break;
	case 0x1f:
		r = mtrace(c, "mtrace", &k);
		break;
	default:
		dprintf_(c, "igmp-%u", type);
		break;
	}
	if (r == TRUNC) {
		/* tcpdump's IGMP, DVMRP and mtrace printers read every field
		 * with its jumping macros (PIMv1's own checks mark and go on,
		 * above): a byte missing abandons the packet */
		dput(c, mark);
		d_hard_stop = true;
		return true;
	}
	if (c->v && k.len >= 4 && dc_bytes(&k, 0, k.len, &g) &&
	    cksum(g, k.len)) {
		uint16_t sum = 0;

		dc_be16(&k, 2, &sum);
		dprintf_(c, " bad igmp cksum %x!", sum);
	}
	return true;
}
