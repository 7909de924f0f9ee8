/* SPDX-License-Identifier: GPL-2.0-or-later */
/* geneve.c - Geneve (RFC 8926, UDP port 6081) as tcpdump -n 4.99 prints
 * it: version check, flags, VNI, the options (their size, or each one
 * with -v, its data words too with -vv), then what it carries. */
#include "decode/cursor.h"
#include "decode/priv.h"

static const char *opt_class_name(unsigned cls)
{
	switch (cls) {
	case 0x0100: return "Linux";
	case 0x0101: return "Open vSwitch";
	case 0x0102: return "Open Virtual Networking (OVN)";
	case 0x0103: return "In-band Network Telemetry (INT)";
	case 0x0104: return "VMware";
	}
	if (cls <= 0x00ff)
		return "Standard";
	if (cls >= 0xfff0)
		return "Experimental";
	return "Unknown";
}

/* The options, all of them captured (the caller checked). */
static void geneve_opts(struct dctx *c, struct dcur k)
{
	const char *sep = "";
	size_t left = k.len;
	size_t at = 0;

	while (left > 0) {
		uint16_t cls;
		uint8_t type, l;
		size_t olen;

		dput(c, sep);
		sep = ", ";
		if (!dc_be16(&k, at, &cls) || !dc_u8(&k, at + 2, &type) ||
		    !dc_u8(&k, at + 3, &l)) {
			/* a last option shorter than its own header */
			dput(c, " [|geneve]");
			return;
		}
		olen = 4 + (size_t)(l & 0x1f) * 4;
		dprintf_(c, "class %s (0x%x) type 0x%x%s len %zu",
		         opt_class_name(cls), cls, type, type & 0x80 ? "(C)" : "",
		         olen);
		if (olen > left) {
			dput(c, " [bad length]");
			return;
		}
		if (c->v > 1 && olen > 4) {
			dput(c, " data");
			for (size_t i = 4; i < olen; i += 4) {
				uint32_t w = 0;

				dc_be32(&k, at + i, &w);
				dprintf_(c, " %08x", w);
			}
		}
		at += olen;
		left -= olen;
	}
}

bool d_geneve(struct dctx *c, const struct ipinfo *ip, unsigned sport,
              unsigned dport, const uint8_t *p, size_t cap, size_t len)
{
	struct dcur k = dc_make(p, cap, len);
	uint8_t vo, flags, rsvd;
	uint16_t prot;
	uint32_t vni;
	size_t optlen;
	static const char *const fl[8] = {
		"R6", "R5", "R4", "R3", "R2", "R1", "C", "O",
	};

	(void)ip;
	(void)sport;
	(void)dport;
	if (c->q)
		return false;          /* tcpdump -q: "UDP, length N" */
	dput(c, "Geneve");
	if (len < 8) {
		dprintf_(c, " [length %zu < 8] (invalid)", len);
		return true;
	}
	if (!dc_has(&k, 0, 8))
		goto trunc;
	dc_u8(&k, 0, &vo);
	dc_u8(&k, 1, &flags);
	dc_be16(&k, 2, &prot);
	dc_be24(&k, 4, &vni);
	dc_u8(&k, 7, &rsvd);
	if (vo >> 6) {
		dprintf_(c, " ERROR: unknown-version %u", vo >> 6);
		return true;
	}
	dput(c, ", Flags [");
	if (!flags)
		dput(c, "none");
	for (int b = 7; b >= 0; b--)
		if (flags & (1u << b))
			dput(c, fl[b]);
	dprintf_(c, "], vni 0x%x", vni);
	if (rsvd)
		dprintf_(c, ", rsvd 0x%x", rsvd);
	if (c->e)
		dprintf_(c, ", proto %s (0x%04x)", d_ethertype_str(prot), prot);
	optlen = (size_t)(vo & 0x3f) * 4;
	if (len - 8 < optlen) {
		dprintf_(c, " truncated-geneve - %zu bytes missing",
		         optlen - (len - 8));
		return true;
	}
	if (!dc_has(&k, 8, optlen))
		goto trunc;
	if (optlen) {
		dput(c, ", options [");
		if (c->v)
			geneve_opts(c, dc_sub(&k, 8, optlen));
		else
			dprintf_(c, "%zu bytes", optlen);
		dput(c, "]");
	}
	dc_skip(&k, 8 + optlen);
	dput(c, c->v ? "\n\t" : ": ");
	if (!d_encap_enter())
		goto trunc;
	switch (prot) {
	case 0x0800:
		d_ip4(c, k.p, k.cap, k.len);
		break;
	case 0x86dd:
		d_ip6(c, k.p, k.cap, k.len);
		break;
	case 0x6558:
		if (len < cap)
			dprintf_(c, "[length %zu < caplen %zu] (invalid)",
			         len - 8 - optlen, cap - 8 - optlen);
		else
			d_ether(c, k.p, k.cap, k.len);
		break;
	default:
		/* tcpdump decodes ARP, 802.1Q, MPLS, ... here too */
		dprintf_(c, "geneve-proto-0x%x", prot);
		break;
	}
	d_encap_leave();
	return true;
trunc:
	dput(c, " [|geneve]");
	return true;
}
