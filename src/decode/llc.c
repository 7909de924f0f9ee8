/* SPDX-License-Identifier: GPL-2.0-or-later */
/* llc.c - 802.2 LLC and SNAP, as tcpdump -n (and -e) prints them, and the
 * hand-over of what rides on them: STP BPDUs (stp.c), IPv4, IPv6 and ARP
 * inside SNAP, bridged Ethernet (RFC 2684).
 *
 * The caller (d_ether) gives the frame, the bytes after the length field
 * and the length the field gives.  Without -e, the MAC addresses are
 * printed here when tcpdump prints them ("a > b SNAP, ..."); with -e the
 * caller has printed "a > b, 802.3, length N: " already and the line goes
 * on with "LLC, dsap ...".  What tcpdump decodes with printers nsviz does
 * not have (IPX, OSI, CDP, VTP, DTP, UDLD, Token Ring and FDDI in SNAP,
 * ethertypes other than IPv4, IPv6 and ARP) is left to the caller's
 * generic line: false, nothing printed.  NetBEUI gets the generic LLC
 * line, as from a tcpdump built without SMB (Debian's 4.99.3).
 *
 * tcpdump hex-dumps frames it decodes only in part on extra lines (its
 * "default print": the LLC header and all after it), after U and I
 * frames, generic SNAP and a cut LLC header; -q, -x, -X and -A turn the
 * dump after a frame off, not the one after a cut header.
 *
 * A Linux cooked capture has no MAC addresses: frame is NULL then and
 * the lines go without them, as tcpdump's do.
 *
 * tcpdump's LLC and SNAP printers check the lengths before they read
 * and only mark a cut header (" [|llc]", " [|snap]"): they never give
 * up on the packet, so nothing here sets d_hard_stop (what rides on
 * them, STP, IP, Ethernet, may).  Where -x starts its dump after such
 * a header is hexdump.c's to say. */
#include <stdio.h>
#include <string.h>

#include "decode/priv.h"
#include "decode/cursor.h"

#define SAP_SNAP 0xaa
#define SAP_STP  0x42
#define SAP_IP   0x06
#define SAP_IPX  0xe0
#define SAP_OSI  0xfe
#define LLC_UI   0x03

static const char *sap_name(unsigned sap)
{
	switch (sap) {
	case 0x00: return "Null";
	case 0xff: return "Global";
	case 0x02: return "802.1B I";
	case 0x03: return "802.1B G";
	case 0x06: return "IP";
	case 0x04: return "SNA";
	case 0x0e: return "ProWay NM";
	case 0x42: return "STP";
	case 0x4e: return "RS511";
	case 0x7e: return "ISO8208";
	case 0x8e: return "ProWay";
	case 0xaa: return "SNAP";
	case 0xe0: return "IPX";
	case 0xf0: return "NetBeui";
	case 0xfe: return "OSI";
	default:   return NULL;
	}
}

/* the C/R bit with the poll/final bit (0x10 in U, 0x100 in I/S frames) */
static const char *crpf_name(unsigned v)
{
	switch (v) {
	case 0: return "Command";
	case 1: return "Response";
	case 0x10: case 0x100: return "Poll";
	case 0x11: case 0x101: return "Final";
	default: return "?";
	}
}

static const char *ucmd_name(unsigned cmd)
{
	switch (cmd) {
	case 0x03: return "ui";
	case 0xe3: return "test";
	case 0xaf: return "xid";
	case 0x63: return "ua";
	case 0x43: return "disc";
	case 0x0f: return "dm";
	case 0x6f: return "sabme";
	case 0x87: return "frmr";
	default:   return NULL;
	}
}

/* tcpdump's names of ethertypes (SNAP with OUI 0 prints them) */
static const char *etype_name(unsigned t)
{
	const char *s = d_ethertype_name(t);

	return s ? s : "Unknown";
}

static const char *oui_name(uint32_t oui)
{
	switch (oui) {
	case 0x000000: return "Ethernet";
	case 0x00000c: return "Cisco";
	case 0x00005e: return "IANA";
	case 0x000081: return "Nortel Networks SONMP";
	case 0x0000f8: return "Cisco bridged";
	case 0x0080c2: return "Ethernet bridged";
	case 0x00a03e: return "ATM Forum";
	case 0x00e02f: return "DOCSIS Spanning Tree";
	case 0x080007: return "Appletalk";
	case 0x009069: return "Juniper";
	case 0x080009: return "Hewlett-Packard";
	case 0x00120f: return "IEEE 802.3 Private";
	case 0x0012bb: return "ANSI/TIA";
	case 0x001b21: return "DCBX";
	case 0x002320: return "Nicira Networks";
	case 0x5c16c7: return "Big Switch Networks";
	case 0xb0d2f5: return "Vello Systems";
	case 0x002481: return "HP";
	case 0x0004ea: return "HP-Labs";
	case 0x748771: return "Infoblox Inc";
	case 0xa42305: return "Open Networking Lab";
	case 0x00049f: return "Freescale";
	case 0x0015ad: return "Netronome";
	case 0x001018: return "Broadcom";
	case 0x00e004: return "PMC-Sierra";
	case 0xd0f0db: return "Ericsson";
	default:       return "Unknown";
	}
}

/* the name of a SNAP protocol id, by the table its OUI uses */
static const char *pid_name(uint32_t oui, unsigned pid)
{
	if (oui == 0x000000 || oui == 0x0000f8 || oui == 0x080007)
		return etype_name(pid);
	if (oui == 0x00000c) {
		switch (pid) {
		case 0x2000: return "CDP";
		case 0x2003: return "VTP";
		case 0x2004: return "DTP";
		case 0x0111: return "UDLD";
		case 0x010b: return "PVST";
		case 0x010c: return "VLAN Bridge";
		}
	} else if (oui == 0x0080c2) {
		static const char *const br[] = {
			NULL, "Ethernet + FCS", "802.4 + FCS", "Token Ring + FCS",
			"FDDI + FCS", "802.6 + FCS", NULL, "Ethernet w/o FCS",
			"802.4 w/o FCS", "Token Ring w/o FCS", "FDDI w/o FCS",
			"802.6 w/o FCS", NULL, NULL, "BPDU",
		};

		if (pid < sizeof br / sizeof br[0] && br[pid])
			return br[pid];
	}
	return "Unknown";
}

/* Ethertypes tcpdump hands to a printer of its own inside SNAP; nsviz
 * decodes three of them. */
static bool etype_tcpdump_decodes(unsigned t)
{
	switch (t) {
	case 0x6003: case 0x809b: case 0x80f3: case 0x8137: case 0xfefe:
	case 0x8863: case 0x8864: case 0x3c12: case 0x3c13: case 0x888e:
	case 0x8899: case 0x880b: case 0x8808: case 0x8809: case 0x8902:
	case 0xabcd: case 0x88cc: case 0x894f: case 0x9000: case 0x8847:
	case 0x8848: case 0x88ca: case 0x886f: case 0x0707: case 0x8947:
	case 0x1111: case 0x88a2: case 0x88f7: case 0x8035:
		return true;
	default:
		return false;
	}
}

enum snap_kind {
	SNAP_GENERIC,          /* the SNAP header only, then tcpdump's hex */
	SNAP_IP4, SNAP_IP6, SNAP_ARP,
	SNAP_STP,              /* Cisco PVST, RFC 2684 BPDU */
	SNAP_ETHER,            /* RFC 2684 bridged Ethernet */
	SNAP_OTHER,            /* a printer nsviz does not have */
};

static enum snap_kind snap_kind(uint32_t oui, unsigned pid)
{
	switch (oui) {
	case 0x000000:
	case 0x0000f8:
		if (pid == 0x0800)
			return SNAP_IP4;
		if (pid == 0x86dd)
			return SNAP_IP6;
		if (pid == 0x0806)
			return SNAP_ARP;
		return etype_tcpdump_decodes(pid) ? SNAP_OTHER : SNAP_GENERIC;
	case 0x080007:
		return pid == 0x809b ? SNAP_OTHER : SNAP_GENERIC;
	case 0x00000c:
		if (pid == 0x010b || pid == 0x010c)
			return SNAP_STP;
		if (pid == 0x2000 || pid == 0x2003 || pid == 0x2004 ||
		    pid == 0x0111)
			return SNAP_OTHER;
		return SNAP_GENERIC;
	case 0x0080c2:
		if (pid == 0x0001 || pid == 0x0007)
			return SNAP_ETHER;
		if (pid == 0x000e)
			return SNAP_STP;
		if (pid == 0x0003 || pid == 0x0009 || pid == 0x0004 ||
		    pid == 0x000a)
			return SNAP_OTHER;
		return SNAP_GENERIC;
	default:
		return SNAP_GENERIC;
	}
}

/* ARP inside SNAP: d_arp belongs to decode.c, so hand d_ether a frame
 * of its own (the MAC addresses, ethertype ARP, the payload); ARP reads
 * at most 8 + 2 * (255 + 255) bytes. */
static void snap_arp(struct dctx *c, const uint8_t *frame, const uint8_t *p,
                     size_t cap, size_t len)
{
	uint8_t buf[14 + 8 + 2 * 510];
	struct dctx c2 = *c;
	size_t n = cap < sizeof buf - 14 ? cap : sizeof buf - 14;
	size_t at = c->out ? c->out->len : 0;

	if (frame)
		memcpy(buf, frame, 12);
	else
		memset(buf, 0, 12);
	buf[12] = 0x08;
	buf[13] = 0x06;
	memcpy(buf + 14, p, n);
	c2.e = false;
	d_ether(&c2, buf, 14 + n, 14 + len);
	/* with -e tcpdump's ARP line has no "ARP, " (the SNAP header named
	 * the protocol): take it out of what d_ether printed */
	if (c->e && c->out && c->out->len - at >= 5 &&
	    memcmp(c->out->s + at, "ARP, ", 5) == 0) {
		memmove(c->out->s + at, c->out->s + at + 5,
		        c->out->len - at - 5 + 1);
		c->out->len -= 5;
	}
}

static void print_macs(struct dctx *c, const uint8_t *frame)
{
	char a[32], b[32];

	if (!frame)
		return;
	dprintf_(c, "%s > %s ", d_macstr(frame + 6, 6, a, sizeof a),
	         d_macstr(frame, 6, b, sizeof b));
}

/* the SNAP header and what follows it; k starts after the LLC header.
 * true when tcpdump dumps the frame after the line (a SNAP payload it
 * has no printer for). */
static bool snap(struct dctx *c, const uint8_t *frame, struct dcur k)
{
	uint32_t oui;
	uint16_t pid;
	enum snap_kind kind;

	if (!dc_be24(&k, 0, &oui) || !dc_be16(&k, 3, &pid) || k.len < 5) {
		dput(c, " [|snap]");
		return false;
	}
	kind = snap_kind(oui, pid);
	if (c->e)
		dprintf_(c, "oui %s (0x%06x), %s %s (0x%04x), length %zu: ",
		         oui_name(oui), oui, oui == 0 ? "ethertype" : "pid",
		         pid_name(oui, pid), pid, k.len - 5);
	dc_skip(&k, 5);
	switch (kind) {
	case SNAP_IP4:
		d_ip4(c, k.p, k.cap, k.len);
		return false;
	case SNAP_IP6:
		d_ip6(c, k.p, k.cap, k.len);
		return false;
	case SNAP_ARP:
		snap_arp(c, frame, k.p, k.cap, k.len);
		return false;
	case SNAP_STP:
		d_stp(c, k.p, k.cap, k.len);
		return false;
	case SNAP_ETHER: {
		/* two bytes of padding, then a whole Ethernet frame; frames
		 * in frames in frames... stop somewhere (tcpdump does not) */
		static _Thread_local unsigned depth;

		if (!dc_skip(&k, 2) || depth >= 16) {
			dput(c, " [|snap]");
			return false;
		}
		depth++;
		d_ether(c, k.p, k.cap, k.len);
		depth--;
		return false;
	}
	case SNAP_GENERIC:
	case SNAP_OTHER:
		break;
	}
	if (!c->e) {
		print_macs(c, frame);
		if (oui == 0)
			dprintf_(c, "SNAP, ethertype %s (0x%04x), length %zu: ",
			         etype_name(pid), pid, k.len);
		else
			dprintf_(c, "SNAP, oui %s (0x%06x), pid %s (0x%04x), "
			         "length %zu: ", oui_name(oui), oui,
			         pid_name(oui, pid), pid, k.len);
	}
	return true;
}

/* tcpdump's default print of the whole LLC frame after a line it could
 * not finish (-q turns it off, as -x/-X/-A do in d_default_print) */
static void frame_dump(struct dctx *c, const struct dcur *k)
{
	if (!c->q)
		d_default_print(c, k->p, k->cap);
}

/* the dump after a cut header: tcpdump prints it whatever the flags
 * (-q, -x, -X, -A included) */
static void cut_dump(struct dctx *c, const struct dcur *k)
{
	struct dctx c2 = *c;

	c2.nodump = false;
	d_default_print(&c2, k->p, k->cap);
}

/* true for the frames whose payload nsviz leaves to the caller */
static bool not_ours(const struct dcur *k, unsigned dsap, unsigned ssap,
                     unsigned ctl)
{
	uint32_t oui;
	uint16_t pid;

	if (dsap != ssap)
		return false;
	if (dsap == SAP_SNAP && ctl == LLC_UI)
		return dc_be24(k, 3, &oui) && dc_be16(k, 6, &pid) &&
		       k->len >= 8 && snap_kind(oui, pid) == SNAP_OTHER;
	if ((dsap == SAP_IPX || dsap == SAP_OSI) && ctl == LLC_UI)
		return true;
	return false;
}

bool d_llc(struct dctx *c, const uint8_t *frame, const uint8_t *p,
           size_t cap, size_t len)
{
	struct dcur k;
	uint8_t dsap_f, ssap_f, b;
	unsigned dsap, ssap, ctl, hl;
	bool is_u;
	const char *n;

	if (cap > len)
		cap = len;     /* what follows the length field is padding */
	k = dc_make(p, cap, len);
	if (!dc_u8(&k, 0, &dsap_f) || !dc_u8(&k, 1, &ssap_f) ||
	    !dc_u8(&k, 2, &b) || k.len < 3) {
		dput(c, " [|llc]");
		cut_dump(c, &k);
		return true;
	}
	ctl = b;
	is_u = (ctl & 3) == 3;
	hl = 3;
	if (!is_u) {
		uint8_t hi;

		if (!dc_u8(&k, 3, &hi) || k.len < 4) {
			dput(c, " [|llc]");
			cut_dump(c, &k);
			return true;
		}
		ctl |= (unsigned)hi << 8;
		hl = 4;
	}
	if (dsap_f == 0xff && ssap_f == 0xff)
		return false;  /* Novell's raw 802.3 IPX */
	dsap = dsap_f & 0xfeu;
	ssap = ssap_f & 0xfeu;
	if (not_ours(&k, dsap, ssap, ctl))
		return false;
	if (!c->out) {
		/* tracking only: IP inside SNAP may carry TCP */
		if (dsap == SAP_SNAP && ssap == SAP_SNAP && ctl == LLC_UI)
			snap(c, frame, dc_sub(&k, 3, SIZE_MAX));
		else if (dsap == SAP_IP && ssap == SAP_IP && ctl == LLC_UI) {
			struct dcur r = dc_sub(&k, 3, SIZE_MAX);

			d_ip4(c, r.p, r.cap, r.len);
		}
		return true;
	}
	if (c->e) {
		const char *dn = sap_name(dsap), *sn = sap_name(ssap);

		dprintf_(c, "LLC, dsap %s (0x%02x) %s, ssap %s (0x%02x) %s",
		         dn ? dn : "Unknown", dsap,
		         dsap_f & 1 ? "Group" : "Individual",
		         sn ? sn : "Unknown", ssap,
		         ssap_f & 1 ? "Response" : "Command");
		dprintf_(c, is_u ? ", ctrl 0x%02x: " : ", ctrl 0x%04x: ", ctl);
	}
	if (dsap == ssap && ctl == LLC_UI) {
		struct dcur r = dc_sub(&k, hl, SIZE_MAX);

		switch (dsap) {
		case SAP_SNAP:
			if (snap(c, frame, r))
				frame_dump(c, &k);
			return true;
		case SAP_STP:
			d_stp(c, r.p, r.cap, r.len);
			return true;
		case SAP_IP:
			d_ip4(c, r.p, r.cap, r.len);
			return true;
		}
	}
	if (!c->e) {
		const char *dn = sap_name(dsap), *sn = sap_name(ssap);
		char ma[32], mb[32], sb[32], db[32];

		/* "src SSAP > dst DSAP ", or "src > dst SAP " when the same;
		 * without addresses "SSAP > DSAP " or "SAP " */
		if (!dn) {
			snprintf(db, sizeof db, "Unknown DSAP 0x%02x", dsap);
			dn = db;
		}
		if (!sn) {
			snprintf(sb, sizeof sb, "Unknown SSAP 0x%02x", ssap);
			sn = sb;
		}
		if (!frame) {
			if (ssap == dsap)
				dprintf_(c, "%s ", dn);
			else
				dprintf_(c, "%s > %s ", sn, dn);
		} else {
			d_macstr(frame + 6, 6, ma, sizeof ma);
			d_macstr(frame, 6, mb, sizeof mb);
			if (ssap == dsap)
				dprintf_(c, "%s > %s %s ", ma, mb, dn);
			else
				dprintf_(c, "%s %s > %s %s ", ma, sn, mb, dn);
		}
	}
	if (is_u) {
		unsigned cmd = ctl & 0xef;

		n = ucmd_name(cmd);
		if (n)
			dprintf_(c, "Unnumbered, %s", n);
		else
			dprintf_(c, "Unnumbered, %02x", cmd);
		dprintf_(c, ", Flags [%s], length %zu",
		         crpf_name((ssap_f & 1u) | (ctl & 0x10)), k.len);
		if (cmd == 0xaf && k.len == 3)
			return true;   /* an XID without payload */
		if (cmd == 0xaf) {
			struct dcur r = dc_sub(&k, 3, SIZE_MAX);

			if (!dc_u8(&r, 0, &b)) {
				dput(c, " [|llc]");
				return true;
			}
			if (b == 0x81) {
				uint8_t x1, x2;

				if (!dc_u8(&r, 1, &x1) || !dc_u8(&r, 2, &x2) ||
				    r.len < 3) {
					dput(c, " [|llc]");
					cut_dump(c, &r);
				} else {
					dprintf_(c, ": %02x %02x", x1, x2);
				}
				return true;
			}
		}
		frame_dump(c, &k);
	} else if (ctl & 1) {
		static const char *const sup[] = {
			"Receiver Ready", "Receiver not Ready", "Reject", "?",
		};

		dprintf_(c, "Supervisory, %s, rcv seq %u, Flags [%s], length %zu",
		         sup[(ctl >> 2) & 3], (ctl >> 9) & 0x7f,
		         crpf_name((ssap_f & 1u) | (ctl & 0x100)), k.len);
	} else {
		dprintf_(c, "Information, send seq %u, rcv seq %u, Flags [%s], "
		         "length %zu", (ctl >> 1) & 0x7f, (ctl >> 9) & 0x7f,
		         crpf_name((ssap_f & 1u) | (ctl & 0x100)), k.len);
		frame_dump(c, &k);
	}
	return true;
}
