/* SPDX-License-Identifier: GPL-2.0-or-later */
/* rpl.c - RPL control messages (ICMPv6 type 155, RFC 6550) as tcpdump
 * prints them: DIS, DIO, DAO and DAO-ACK, their fields with -v and their
 * options with -vv (-vvv: the options' bytes too).  p is the message
 * after the ICMPv6 type, code and checksum, cap bytes of it captured, len
 * what the ICMPv6 length leaves for it.  false: cut short. */
#include <stdio.h>

#include "decode/cursor.h"
#include "decode/priv.h"

static const char *subopt_name(unsigned t)
{
	switch (t) {
	case 0: return "pad1";
	case 1: return "padN";
	case 2: return "metrics";
	case 3: return "routinginfo";
	case 4: return "config";
	case 5: return "rpltarget";
	case 6: return "transitinfo";
	case 8: return "destprefix";
	case 9: return "rpltargetdesc";
	default: return NULL;
	}
}

/* A field tcpdump reads unchecked, with its jumping macros, is missing:
 * the packet is abandoned (its other checks only mark the message). */
static bool jump(void)
{
	d_hard_stop = true;
	return false;
}

/* the options from off on, len bytes of them; false when cut short */
static bool rpl_opts(struct dctx *c, const struct dcur *k, size_t off,
                     uint32_t len)
{
	while (len != 0) {
		uint8_t t, l;
		uint32_t ol;

		if (!dc_u8(k, off, &t))
			return jump();
		if (t == 0) {
			ol = 1;
			dput(c, " opt:pad1");
		} else {
			if (len < 2)
				return false;
			if (!dc_u8(k, off + 1, &l))
				return jump();
			ol = (uint32_t)l + 2;
			if (subopt_name(t))
				dprintf_(c, " opt:%s len:%u ", subopt_name(t), ol);
			else
				dprintf_(c, " opt:subopt:%u len:%u ", t, ol);
			if (!dc_has(k, off, ol) || len < ol)
				return false;
			if (c->v > 2)
				d_icmp6_hex(c, " ", k->p + off + 2, ol - 2);
		}
		off += ol;
		len -= ol;
	}
	return true;
}

static bool dio(struct dctx *c, const struct dcur *k, uint32_t len)
{
	static const char *const mop[] = { "nonstoring", "storing",
		"nonstoring-multicast", "storing-multicast" };
	const uint8_t *q;
	unsigned m;
	char a[64];

	if (len < 24) {
		dprintf_(c, " [length %u < 24] (invalid)", len);
		return true;
	}
	if (!dc_bytes(k, 0, 24, &q))
		return jump();
	m = (q[4] >> 3) & 7;
	dprintf_(c, " [dagid:%s,seq:%u,instance:%u,rank:%u,%smop:",
	         d_ip6str(q + 8, a, sizeof a), q[5], q[0], be16(q + 2),
	         q[4] & 0x80 ? "grounded," : "");
	if (m < 4)
		dput(c, mop[m]);
	else
		dprintf_(c, "mop%u", m);
	dprintf_(c, ",prf:%u]", q[4] & 7);
	if (c->v > 1)
		return rpl_opts(c, k, 24, len - 24);
	return true;
}

static bool dao(struct dctx *c, const struct dcur *k, uint32_t len)
{
	const uint8_t *q;
	char a[64] = "<elided>";
	size_t off = 4;

	if (!dc_bytes(k, 0, 20, &q))
		return false;
	if (len < 4) {
		dput(c, " [|length too short]");
		return true;
	}
	len -= 4;
	if (q[1] & 0x40) {
		if (len < 16) {
			dput(c, " [|length too short]");
			return true;
		}
		d_ip6str(q + 4, a, sizeof a);
		off += 16;
		len -= 16;
	}
	dprintf_(c, " [dagid:%s,seq:%u,instance:%u%s%s,%02x]", a, q[3], q[0],
	         q[1] & 0x80 ? ",acK" : "", q[1] & 0x40 ? ",Dagid" : "", q[1]);
	if (c->v > 1)
		return rpl_opts(c, k, off, len);
	return true;
}

static bool daoack(struct dctx *c, const struct dcur *k, uint32_t len)
{
	const uint8_t *q;
	char a[64] = "<elided>";
	size_t off = 4;

	if (!dc_bytes(k, 0, 4, &q))
		return false;
	if (len < 4) {
		dput(c, " [|dao-length too short]");
		return true;
	}
	len -= 4;
	if (q[1] & 0x80) {
		const uint8_t *g;

		if (!dc_bytes(k, 4, 16, &g))
			return false;
		if (len < 16) {
			dput(c, " [|dao-length too short]");
			return true;
		}
		d_ip6str(g, a, sizeof a);
		off += 16;
		len -= 16;
	}
	dprintf_(c, " [dagid:%s,seq:%u,instance:%u,status:%u]", a, q[2], q[0],
	         q[3]);
	if (c->v > 1)
		return rpl_opts(c, k, off, len);
	return true;
}

bool d_rpl(struct dctx *c, unsigned code, const uint8_t *p, size_t cap,
           uint32_t len)
{
	struct dcur k = dc_make(p, cap, cap);

	if (code & 0x80) {
		dput(c, ", (SEC) [worktodo]");
		return true;
	}
	dput(c, ", (CLR)");
	switch (code) {
	case 0:
		dput(c, "DODAG Information Solicitation");
		return true;
	case 1:
		dput(c, "DODAG Information Object");
		return !c->v || dio(c, &k, len);
	case 2:
		dput(c, "Destination Advertisement Object");
		return !c->v || dao(c, &k, len);
	case 3:
		dput(c, "Destination Advertisement Object Ack");
		return !c->v || daoack(c, &k, len);
	default:
		dprintf_(c, "RPL message, unknown code %u", code);
		return true;
	}
}
