/* SPDX-License-Identifier: GPL-2.0-or-later */
/* ntp.c - NTP (RFC 5905 and its predecessors, UDP port 123) as tcpdump
 * -n 4.99 prints it: "NTPv4, Client, length 48"; with -v the time
 * message's fields (leap indicator, stratum, poll, precision, root delay
 * and dispersion, reference id, the four timestamps and two of their
 * differences, key id and digest) or the control message's header, on
 * tab-indented lines as tcpdump has them. */
#include <stdio.h>
#include <time.h>

#include "decode/cursor.h"
#include "decode/priv.h"

#define NTP_TIME_LEN 48        /* a time message without its extras */
#define NTP_CTRL_LEN 12        /* a control message's header */

static const char *const mode_names[8] = {
	"unspecified", "symmetric active", "symmetric passive", "Client",
	"Server", "Broadcast", "Control Message", "Reserved",
};

/* A 64-bit timestamp: seconds since 1900 and nanoseconds, then the UTC
 * date when the seconds are not zero. */
static void ntp_time(struct dctx *c, uint32_t sec, uint32_t frac)
{
	double ff = (double)frac / 4294967296.0;
	uint32_t ns = (uint32_t)(ff * 1000000000.0);
	int64_t unix_sec = (int64_t)sec - INT64_C(2208988800);
	time_t t = (time_t)unix_sec;
	struct tm tm;
	char buf[64];

	dprintf_(c, "%u.%09u", sec, ns);
	if (!sec)
		return;
	if (!gmtime_r(&t, &tm)) {
		dput(c, " (unrepresentable)");
		return;
	}
	strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
	dprintf_(c, " (%s)", buf);
}

/* The second timestamp minus the first, signed; the second alone when
 * the first is zero (as tcpdump has it). */
static void ntp_delta(struct dctx *c, uint32_t osec, uint32_t ofrac,
                      uint32_t sec, uint32_t frac)
{
	uint32_t i, f;
	bool neg;

	if (osec == 0 && ofrac == 0) {
		ntp_time(c, sec, frac);
		return;
	}
	if (sec > osec) {
		neg = false;
		i = sec - osec;
		f = frac - ofrac;
		if (ofrac > frac)
			i--;
	} else if (sec < osec) {
		neg = true;
		i = osec - sec;
		f = ofrac - frac;
		if (frac > ofrac)
			i--;
	} else {
		i = 0;
		neg = !(frac > ofrac);
		f = neg ? ofrac - frac : frac - ofrac;
	}
	dprintf_(c, "%s%u.%09u", neg ? "-" : "+", i,
	         (uint32_t)((double)f / 4294967296.0 * 1000000000.0));
}

/* A 32-bit fixed-point 16.16 value in seconds, six decimals. */
static void ntp_short(struct dctx *c, uint32_t v)
{
	double ff = (double)(v & 0xffff) / 65536.0;

	dprintf_(c, "%d.%06d", (int)(v >> 16), (int)(ff * 1000000.0));
}

static void ntp_time_msg(struct dctx *c, const struct dcur *k, size_t len)
{
	uint8_t stratum, b;
	int8_t poll, prec;
	uint32_t w, ts[8];
	static const char *const ts_names[4] = {
		"Reference Timestamp:  ", "Originator Timestamp: ",
		"Receive Timestamp:    ", "Transmit Timestamp:   ",
	};

	if (len < NTP_TIME_LEN) {
		dput(c, " (invalid)");
		if (!dc_has(k, 0, len))
			goto trunc;
		return;
	}
	if (!dc_u8(k, 1, &stratum))
		goto jump;
	dprintf_(c, ", Stratum %u (%s)", stratum,
	         stratum == 0 ? "unspecified" :
	         stratum == 1 ? "primary reference" :
	         stratum <= 15 ? "secondary reference" : "reserved");
	if (!dc_u8(k, 2, &b))
		goto jump;
	poll = (int8_t)b;
	dprintf_(c, ", poll %d", poll);
	if (poll > -32 && poll < 32) {
		if (poll >= 0)
			dprintf_(c, " (%us)", 1u << poll);
		else
			dprintf_(c, " (1/%us)", 1u << -poll);
	}
	if (!dc_u8(k, 3, &b))
		goto jump;
	prec = (int8_t)b;
	dprintf_(c, ", precision %d", prec);
	if (!dc_be32(k, 4, &w))
		goto trunc;
	dput(c, "\n\tRoot Delay: ");
	ntp_short(c, w);
	if (!dc_be32(k, 8, &w))
		goto trunc;
	dput(c, ", Root dispersion: ");
	ntp_short(c, w);
	if (!dc_be32(k, 12, &w))
		goto trunc;
	dput(c, ", Reference-ID: ");
	switch (stratum) {
	case 0:
		dput(c, "(unspec)");
		break;
	case 1:
		for (size_t i = 0; i < 4; i++)
			d_put_char(c, k->p[12 + i]);
		break;
	case 62:
	case 63: {
		char a[32];

		dprintf_(c, "%s %s", d_ip4str(k->p + 12, a, sizeof a),
		         stratum == 62 ? "INFO_QUERY" : "INFO_REPLY");
		return;
	}
	default:
		dprintf_(c, "0x%08x", w);
		break;
	}
	for (size_t i = 0; i < 4; i++) {
		if (!dc_be32(k, 16 + 8 * i, &ts[2 * i]) ||
		    !dc_be32(k, 20 + 8 * i, &ts[2 * i + 1]))
			goto trunc;
		dprintf_(c, "\n\t  %s", ts_names[i]);
		ntp_time(c, ts[2 * i], ts[2 * i + 1]);
	}
	dput(c, "\n\t    Originator - Receive Timestamp:  ");
	ntp_delta(c, ts[2], ts[3], ts[4], ts[5]);
	dput(c, "\n\t    Originator - Transmit Timestamp: ");
	ntp_delta(c, ts[2], ts[3], ts[6], ts[7]);
	if (len == NTP_TIME_LEN + 4 || len == NTP_TIME_LEN + 20 ||
	    len == NTP_TIME_LEN + 24) {
		size_t words = (len - NTP_TIME_LEN - 4) / 4;

		if (!dc_be32(k, 48, &w))
			goto jump;
		dprintf_(c, "\n\tKey id: %u", w);
		if (!words)
			return;
		if (!dc_has(k, 52, words * 4))
			goto trunc;
		dput(c, "\n\tAuthentication: ");
		for (size_t i = 0; i < words; i++) {
			dc_be32(k, 52 + 4 * i, &w);
			dprintf_(c, "%08x", w);
		}
	} else if (len > NTP_TIME_LEN) {
		dprintf_(c, "\n\t(%zu more bytes after the header)",
		         len - NTP_TIME_LEN);
	}
	return;
jump:
	/* a field tcpdump reads with its jumping macros, not checked first:
	 * the packet is abandoned */
	d_hard_stop = true;
trunc:
	dput(c, " [|ntp]");
}

static void ntp_control_msg(struct dctx *c, const struct dcur *k, size_t len)
{
	uint8_t ctl;
	uint16_t seq, status, assoc, offset, count;

	if (len < NTP_CTRL_LEN)
		goto invalid;
	if (!dc_u8(k, 1, &ctl))
		goto jump;
	dprintf_(c, ", %s, %s, %s, OpCode=%u\n", ctl & 0x80 ? "Response" :
	         "Request", ctl & 0x40 ? "Error" : "OK",
	         ctl & 0x20 ? "More" : "Last", ctl & 0x1fu);
	if (!dc_be16(k, 2, &seq))
		goto jump;
	dprintf_(c, "\tSequence=%u", seq);
	if (!dc_be16(k, 4, &status))
		goto jump;
	if (status)
		dprintf_(c, ", Status=%#x", status);
	else
		dput(c, ", Status=0");
	if (!dc_be16(k, 6, &assoc))
		goto jump;
	dprintf_(c, ", Assoc.=%u", assoc);
	if (!dc_be16(k, 8, &offset))
		goto jump;
	dprintf_(c, ", Offset=%u", offset);
	if (!dc_be16(k, 10, &count))
		goto jump;
	dprintf_(c, ", Count=%u", count);
	if (NTP_CTRL_LEN + (size_t)count > len)
		goto invalid;
	if (count) {
		if (!dc_has(k, NTP_CTRL_LEN, count))
			goto trunc;
		dput(c, "\n\tTO-BE-DONE: data not interpreted");
	}
	return;
invalid:
	dput(c, " (invalid)");
	if (dc_has(k, 0, len))
		return;
	goto trunc;
jump:
	d_hard_stop = true;
trunc:
	dput(c, " [|ntp]");
}

bool d_ntp(struct dctx *c, const struct ipinfo *ip, unsigned sport,
           unsigned dport, const uint8_t *p, size_t cap, size_t len)
{
	struct dcur k = dc_make(p, cap, len);
	uint8_t st;
	unsigned mode;

	(void)ip;
	(void)sport;
	(void)dport;
	if (c->q)
		return false;          /* tcpdump -q: "UDP, length N" */
	if (!c->out)
		return true;
	if (!dc_u8(&k, 0, &st)) {
		dput(c, " [|ntp]");
		d_hard_stop = true;
		return true;
	}
	mode = st & 7u;
	dprintf_(c, "NTPv%u, %s, length %zu", (st >> 3) & 7u, mode_names[mode],
	         len);
	if (!c->v)
		return true;
	dprintf_(c, "\n\tLeap indicator: %s (%u)",
	         (st & 0xc0) == 0x00 ? "" : (st & 0xc0) == 0x40 ? "+1s" :
	         (st & 0xc0) == 0x80 ? "-1s" : "clock unsynchronized",
	         st & 0xc0u);
	if (mode <= 5)
		ntp_time_msg(c, &k, len);
	else if (mode == 6)
		ntp_control_msg(c, &k, len);
	return true;
}
