/* SPDX-License-Identifier: GPL-2.0-or-later */
/* hexdump.c - what tcpdump prints around a packet's summary line: the
 * raw dumps after it (-x, -xx, -X, -XX, -A, -AA) and the timestamp forms
 * before it (-t, -tt, -ttt, -tttt, -ttttt, micro or nano precision).
 * Pure code: bytes and numbers in, text out; every read of packet bytes
 * goes through the checked cursor. */
#include <stdio.h>
#include <time.h>

#include "decode/cursor.h"
#include "decode/priv.h"

/* Linux cooked captures (pcap's LINKTYPE_LINUX_SLL and _SLL2) */
#define LINK_SLL  113
#define LINK_SLL2 276

/* An LLC header at the start of k: its length as tcpdump counts it
 * (3 for U frames, 4 for I and S frames, 8 with a SNAP header), or
 * what there is of it when it is cut short. */
static size_t llc_hdrlen(const struct dcur *k)
{
	uint8_t dsap, ssap, ctrl;

	if (!dc_u8(k, 0, &dsap) || !dc_u8(k, 1, &ssap) || !dc_u8(k, 2, &ctrl))
		return k->cap;
	if ((ctrl & 3) != 3)
		return k->cap < 4 ? k->cap : 4;
	/* the SAPs' low bits (group, response) do not count */
	if ((dsap & 0xfe) == 0xaa && (ssap & 0xfe) == 0xaa && ctrl == 0x03)
		return 8;              /* tcpdump counts SNAP's 8 however cut */
	return 3;
}

/* A radiotap header (a cooked capture of hardware type 803) cut short:
 * tcpdump counts all of it as link-level header, so no dump follows. */
static bool radiotap_cut(const struct dcur *k)
{
	uint8_t lo, hi;

	if (!dc_u8(k, 2, &lo) || !dc_u8(k, 3, &hi))
		return true;
	return k->cap < 8 || k->cap < (size_t)(lo | hi << 8);
}

/* The frame after a length/type field: the 802.1Q tags tcpdump walks
 * and the LLC header of an 802.3 frame count as link-level header too.
 * hdr: bytes before k; the total is returned. */
static size_t after_type(struct dcur k, size_t hdr, uint16_t type, bool sll)
{
	while (type == 0x8100 || (!sll && (type == 0x88a8 || type == 0x9100 ||
	                                   type == 0x9200))) {
		if (!dc_be16(&k, 2, &type) || !dc_skip(&k, 4))
			return hdr + k.cap;        /* " [|vlan]": no dump */
		hdr += 4;
		if (sll && type <= 1500)
			type = 4;                  /* LINUX_SLL_P_802_2 */
	}
	if (sll)
		return type == 4 ? hdr + llc_hdrlen(&k) : hdr;
	if (type <= 1500) {
		/* the length field cuts the frame to what it claims */
		struct dcur s = type < k.len ? dc_sub(&k, 0, type) : k;

		return hdr + llc_hdrlen(&s);
	}
	return hdr;
}

size_t decode_link_hdrlen(int linktype, const uint8_t *pkt, size_t caplen)
{
	struct dcur k = dc_make(pkt, caplen, caplen);
	uint16_t type;

	switch (linktype) {
	case DECODE_LINK_ETHERNET:
		if (!dc_be16(&k, 12, &type) || !dc_skip(&k, 14))
			return caplen;
		return after_type(k, 14, type, false);
	case LINK_SLL:
		if (!dc_be16(&k, 14, &type) || !dc_skip(&k, 16))
			return caplen;
		if (be16(pkt + 2) == 803 && radiotap_cut(&k))
			return caplen;
		return after_type(k, 16, type, true);
	case LINK_SLL2:
		if (!dc_be16(&k, 0, &type) || !dc_skip(&k, 20))
			return caplen;
		if (be16(pkt + 8) == 803 && radiotap_cut(&k))
			return caplen;
		return after_type(k, 20, type, true);
	default:
		return 0;
	}
}

/* tcpdump's idea of a printable byte in the dumps: graphic ASCII */
static bool graph(uint8_t b)
{
	return b > 0x20 && b < 0x7f;
}

/* -x: "\n\t0x0010:  4500 0054 ..." in groups of two bytes */
static void dump_hex(struct sbuf *out, const struct dcur *k)
{
	uint8_t b;

	for (size_t off = 0; dc_u8(k, off, &b); off++) {
		if (off % 16 == 0)
			sbuf_printf(out, "\n\t0x%04zx: ", off);
		sbuf_printf(out, off % 2 ? "%02x" : " %02x", b);
	}
}

/* -X: the same, padded to 40 columns, then the bytes as ASCII */
static void dump_hex_ascii(struct sbuf *out, const struct dcur *k)
{
	char hex[48], asc[20];
	size_t nh = 0, na = 0, off;
	uint8_t b;

	for (off = 0; dc_u8(k, off, &b); off++) {
		nh += (size_t)snprintf(hex + nh, sizeof hex - nh,
		                       na % 2 ? "%02x" : " %02x", b);
		asc[na++] = graph(b) ? (char)b : '.';
		if (na == 16) {
			asc[na] = '\0';
			sbuf_printf(out, "\n\t0x%04zx: %-40s  %s", off - 15, hex, asc);
			nh = na = 0;
		}
	}
	if (na > 0) {
		asc[na] = '\0';
		sbuf_printf(out, "\n\t0x%04zx: %-40s  %s", off - na, hex, asc);
	}
}

/* -A: the bytes themselves, tabs, spaces and newlines kept, others
 * '.'; a CR is left out before a LF (and as the last or next-to-last
 * byte, as tcpdump does), printed as '.' elsewhere */
static void dump_ascii(struct sbuf *out, const struct dcur *k)
{
	uint8_t b, next;

	sbuf_addc(out, '\n');
	for (size_t off = 0; dc_u8(k, off, &b); off++) {
		if (b == '\r') {
			if (k->cap - off > 2 && dc_u8(k, off + 1, &next) &&
			    next != '\n')
				sbuf_addc(out, '.');
		} else if (graph(b) || b == '\t' || b == ' ' || b == '\n') {
			sbuf_addc(out, (char)b);
		} else {
			sbuf_addc(out, '.');
		}
	}
}

void decode_dump_after(struct sbuf *out, int kind, bool link, int linktype,
                       const uint8_t *pkt, size_t caplen, bool abandoned)
{
	struct dcur k = dc_make(pkt, caplen, caplen);

	/* tcpdump learns the link-level header's length only when its link
	 * printer returns: a packet abandoned inside it is dumped whole */
	if (!link && !abandoned) {
		size_t hl = decode_link_hdrlen(linktype, pkt, caplen);

		if (hl >= caplen || !dc_skip(&k, hl))
			return;
	}
	switch (kind) {
	case DECODE_DUMP_HEX:
		dump_hex(out, &k);
		break;
	case DECODE_DUMP_HEX_ASCII:
		dump_hex_ascii(out, &k);
		break;
	case DECODE_DUMP_ASCII:
		dump_ascii(out, &k);
		break;
	default:
		break;
	}
}

void decode_dump(struct sbuf *out, int kind, bool link, int linktype,
                 const uint8_t *pkt, size_t caplen)
{
	decode_dump_after(out, kind, link, linktype, pkt, caplen, false);
}

/* ---- timestamps -------------------------------------------------------- */

static void frac(struct sbuf *out, bool nano, long f)
{
	if (nano)
		sbuf_printf(out, ".%09u", (unsigned)f);
	else
		sbuf_printf(out, ".%06u", (unsigned)f);
}

/* "[YYYY-MM-DD ]HH:MM:SS.frac", local time or UTC */
static void clock_time(struct sbuf *out, int64_t sec, long f, bool nano,
                       bool date, bool utc)
{
	time_t t = (time_t)sec;
	struct tm tm;
	char s[40];

	if ((uint32_t)sec & 0x80000000u ||
	    !(utc ? gmtime_r(&t, &tm) : localtime_r(&t, &tm))) {
		sbuf_add(out, "[Error converting time]");
		return;
	}
	strftime(s, sizeof s, date ? "%Y-%m-%d %H:%M:%S" : "%H:%M:%S", &tm);
	sbuf_add(out, s);
	frac(out, nano, f);
}

void decode_timestamp_form(struct sbuf *out, int form, bool nano,
                           int64_t sec, long f, int64_t ref_sec,
                           long ref_f)
{
	long unit = nano ? 1000000000L : 1000000L;

	switch (form) {
	case DECODE_TS_NONE:
		return;
	case DECODE_TS_EPOCH:
		if ((uint32_t)sec & 0x80000000u)
			sbuf_add(out, "[Error converting time]");
		else {
			sbuf_printf(out, "%u", (unsigned)sec);
			frac(out, nano, f);
		}
		break;
	case DECODE_TS_DELTA:
	case DECODE_TS_SINCE_FIRST: {
		bool neg = sec < ref_sec || (sec == ref_sec && f < ref_f);
		uint64_t ds;           /* unsigned: no overflow, whatever came */
		long df;

		if (neg) {
			ds = (uint64_t)ref_sec - (uint64_t)sec;
			df = ref_f - f;
		} else {
			ds = (uint64_t)sec - (uint64_t)ref_sec;
			df = f - ref_f;
		}
		if (df < 0) {
			ds--;
			df += unit;
		}
		sbuf_addc(out, neg ? '-' : ' ');
		clock_time(out, (int64_t)ds, df, nano, false, true);
		break;
	}
	case DECODE_TS_DATE:
		clock_time(out, sec, f, nano, true, false);
		break;
	default:
		clock_time(out, sec, f, nano, false, false);
		break;
	}
	sbuf_addc(out, ' ');
}
