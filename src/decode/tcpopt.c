/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tcpopt.c - TCP options, between ", options [" and "]", as tcpdump -n
 * 4.99 prints them: the RFC 793/7323 ones (mss, wscale, sack, TS), the
 * old RFC 1072/1644 ones, MD5 signatures, SCPS, user timeout, TCP-AO,
 * Fast Open (option 34 and its experimental form, option 254 with magic
 * 0xf989), other experimental options and MPTCP (mptcp.c).  Options
 * tcpdump 4.99 does not name (AccECN, 253, ...) are "unknown-N 0x..".
 *
 * Malformed options end the list as tcpdump ends it: "[bad opt]" for a
 * length that cannot be (too small, past the header, too short for the
 * option's fields), " [|tcp]" where a byte was not captured. */
#include <stdio.h>

#include "decode/cursor.h"
#include "decode/priv.h"

static const char *tcp_opt_name(unsigned opt)
{
	switch (opt) {
	case 0:   return "eol";
	case 1:   return "nop";
	case 2:   return "mss";
	case 3:   return "wscale";
	case 4:   return "sackOK";
	case 5:   return "sack";
	case 6:   return "echo";
	case 7:   return "echoreply";
	case 8:   return "TS";
	case 11:  return "cc";
	case 12:  return "ccnew";
	case 13:  return "";           /* CC.ECHO: tcpdump names it "" */
	case 19:  return "md5";
	case 20:  return "scps";
	case 28:  return "uto";
	case 29:  return "tcp-ao";
	case 30:  return "mptcp";
	case 34:  return "tfo";
	case 254: return "exp";
	default:  return NULL;
	}
}

static void hex_bytes(struct dctx *c, const uint8_t *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		dprintf_(c, "%02x", b[i]);
}

/* A Fast Open cookie (n bytes at off, all captured) or cookie request. */
static void tfo_cookie(struct dctx *c, const struct dcur *o, size_t off,
                       size_t n)
{
	const uint8_t *b;

	if (n == 0) {
		dput(c, " cookiereq");
	} else if (n % 2 || n < 4 || n > 16 || !dc_bytes(o, off, n, &b)) {
		dput(c, " (invalid)");
	} else {
		dput(c, " cookie ");
		hex_bytes(c, b, n);
	}
}

/* The options of the TCP header at the start of seg (the segment:
 * captured bytes and its length as the IP header gives it), hlen bytes
 * long (more than 20, at most seg->len).  false if the list ended early
 * (bad or cut short: the caller ends the line there, as tcpdump does).
 * *mark: the name tcpdump puts in a truncation mark
 * after these options, "tcp", or "mptcp" once an MPTCP option was met
 * (for a header cut short after an early eol). */
bool d_tcp_opts(struct dctx *c, const struct dcur *seg, size_t hlen,
                uint32_t sack_base, const char **mark)
{
	const char *proto = "tcp";
	size_t optlen = hlen > 20 ? hlen - 20 : 0, pos = 0;
	struct dcur o = dc_sub(seg, 20, optlen);
	/* MD5: tcpdump says why it cannot check the signature */
	bool whole = seg->cap >= seg->len;
	bool first = true;
	uint8_t fl = 0;

	*mark = proto;
	(void)dc_u8(seg, 13, &fl);
	while (pos < optlen) {
		uint8_t kind, l8, u8a, u8b;
		uint16_t u16;
		uint32_t u32a, u32b;
		const uint8_t *b;
		size_t olen = 1, left, datalen = 0;
		const char *name;

		if (!first)
			dput(c, ",");
		if (!dc_u8(&o, pos, &kind))
			goto cut;
		pos++;
		if (kind > 1) {
			/* read in the segment: the last byte of the options
			 * can claim a length byte from the payload */
			if (!dc_u8(seg, 20 + pos, &l8))
				goto cut;
			olen = l8;
			/* the room left counts the kind and length bytes */
			if (olen < 2 || olen > optlen - pos + 1)
				goto bad;
			pos++;
		}
		left = optlen - pos;
		name = tcp_opt_name(kind);
		if (name)
			dput(c, name);
		else
			dprintf_(c, "unknown-%u", kind);
/* n bytes from pos on must be in the header, else the option is bad
 * (checked before the bytes' capture, as tcpdump does); then each read
 * that finds its bytes not captured cuts the list short */
#define ROOM(n) do { if ((n) > left) goto bad; } while (0)
#define NEED(n) do { ROOM(n); \
                     if (!dc_has(&o, pos, (n))) goto trunc; } while (0)
		switch (kind) {
		case 0:
		case 1:
		case 4:
			break;
		case 2:
			datalen = 2;
			ROOM(datalen);
			if (!dc_be16(&o, pos, &u16))
				goto trunc;
			dprintf_(c, " %u", u16);
			break;
		case 3:
			datalen = 1;
			ROOM(datalen);
			if (!dc_u8(&o, pos, &u8a))
				goto trunc;
			dprintf_(c, " %u", u8a);
			break;
		case 5:
			datalen = olen - 2;
			if (datalen % 8) {
				dput(c, " invalid sack");
				break;
			}
			dprintf_(c, " %zu ", datalen / 8);
			for (size_t i = 0; i < datalen; i += 8) {
				ROOM(i + 8);
				if (!dc_be32(&o, pos + i, &u32a))
					goto trunc;
				if (!dc_be32(&o, pos + i + 4, &u32b))
					goto trunc;
				dprintf_(c, "{%u:%u}", u32a - sack_base,
				         u32b - sack_base);
			}
			break;
		case 6:
		case 7:
		case 11:
		case 12:
		case 13:
			datalen = 4;
			ROOM(datalen);
			if (!dc_be32(&o, pos, &u32a))
				goto trunc;
			dprintf_(c, " %u", u32a);
			break;
		case 8:
			datalen = 8;
			ROOM(datalen);
			if (!dc_be32(&o, pos, &u32a))
				goto trunc;
			if (!dc_be32(&o, pos + 4, &u32b))
				goto trunc;
			dprintf_(c, " val %u ecr %u", u32a, u32b);
			break;
		case 19:
			datalen = 16;
			ROOM(datalen);
			if (!dc_bytes(&o, pos, datalen, &b))
				goto trunc;
			dprintf_(c, " %scan't check - ", whole ?
			         "shared secret not supplied with -M, " :
			         "snaplen too short, ");
			hex_bytes(c, b, datalen);
			break;
		case 20:
			datalen = 2;
			ROOM(datalen);
			if (!dc_u8(&o, pos, &u8a))
				goto trunc;
			if (!dc_u8(&o, pos + 1, &u8b))
				goto trunc;
			dprintf_(c, " cap %02x id %u", u8a, u8b);
			break;
		case 28:
			datalen = 2;
			ROOM(datalen);
			if (!dc_be16(&o, pos, &u16))
				goto trunc;
			/* the low bit: the timeout is in minutes, not seconds */
			dprintf_(c, " 0x%x %u", u16,
			         u16 & 1 ? (u16 >> 1) * 60u : u16 >> 1);
			break;
		case 29:
			datalen = olen - 2;
			if (datalen < 2) {
				dput(c, " (invalid)");
				break;
			}
			ROOM(1);
			if (!dc_u8(&o, pos, &u8a))
				goto trunc;
			dprintf_(c, " keyid %u", u8a);
			ROOM(2);
			if (!dc_u8(&o, pos + 1, &u8b))
				goto trunc;
			dprintf_(c, " rnextkeyid %u", u8b);
			if (datalen > 2)
				dput(c, " mac 0x");
			for (size_t i = 2; i < datalen; i++) {
				ROOM(i + 1);
				if (!dc_u8(&o, pos + i, &u8a))
					goto trunc;
				dprintf_(c, "%02x", u8a);
			}
			break;
		case 30: {
			struct dcur m;

			datalen = olen - 2;
			NEED(datalen);
			/* tcpdump names what it cuts short "mptcp" from the
			 * first MPTCP option of a header on */
			proto = "mptcp";
			*mark = proto;
			m = dc_sub(&o, pos - 2, olen);
			if (!d_mptcp_option(c, &m, olen, fl))
				goto bad;
			break;
		}
		case 34:
			datalen = olen - 2;
			NEED(datalen);
			dput(c, " ");
			tfo_cookie(c, &o, pos, datalen);
			break;
		case 254:
			datalen = olen - 2;
			NEED(datalen);
			if (datalen < 2)
				goto bad;
			if (!dc_be16(&o, pos, &u16))
				goto trunc;
			dput(c, "-");
			if (u16 == 0xf989) {
				dput(c, "tfo");
				tfo_cookie(c, &o, pos + 2, datalen - 2);
			} else {
				dprintf_(c, "%04x", u16);
			}
			break;
		default:
			datalen = olen - 2;
			if (datalen)
				dput(c, " 0x");
			for (size_t i = 0; i < datalen; i++) {
				ROOM(i + 1);
				if (!dc_u8(&o, pos + i, &u8a))
					goto trunc;
				dprintf_(c, "%02x", u8a);
			}
			break;
		}
#undef NEED
#undef ROOM
		/* datalen never passes the header's end (checked above);
		 * bytes skipped unread need not have been captured */
		pos += datalen;
		if (datalen + (kind > 1 ? 2 : 1) != olen)
			dprintf_(c, "[len %zu]", olen);
		first = false;
		if (kind == 0)
			break;
	}
	return true;
bad:
	dput(c, "[bad opt]");
	if (!first)
		dput(c, "]");
	return false;
trunc:
	dprintf_(c, " [|%s]", proto);
	if (!first)
		dput(c, ">");
	return false;
cut:
	/* a kind or length byte not captured: tcpdump gives up at once */
	dprintf_(c, " [|%s]", proto);
	d_hard_stop = true;
	return false;
}
