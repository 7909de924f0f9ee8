/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tcpopt.c - TCP options, between ", options [" and "]", as tcpdump -n
 * prints them. */
#include <stdio.h>

#include "decode/priv.h"

static const char *tcp_opt_name(unsigned opt)
{
	switch (opt) {
	case 0:  return "eol";
	case 1:  return "nop";
	case 2:  return "mss";
	case 3:  return "wscale";
	case 4:  return "sackOK";
	case 5:  return "sack";
	case 8:  return "TS";
	default: return NULL;
	}
}

/* The options between ", options [" and "]"; false if cut short (the
 * caller ends the line there, as tcpdump does). */
bool d_tcp_options(struct dctx *c, const uint8_t *q, size_t optlen,
                   size_t avail, uint32_t sack_base)
{
	bool first = true;

	if (avail > optlen)
		avail = optlen;
	while (optlen > 0) {
		unsigned opt, olen = 1, hdr = 1;
		size_t datalen = 0;
		const char *name;

		if (!first)
			dput(c, ",");
		if (avail < 1)
			goto trunc;
		opt = q[0];
		if (opt > 1) {
			if (avail < 2)
				goto trunc;
			olen = q[1];
			if (olen < 2 || olen > optlen)
				goto bad;
			hdr = 2;
		}
		q += hdr;
		optlen -= hdr;
		avail -= hdr;
		name = tcp_opt_name(opt);
		if (name)
			dput(c, name);
		else
			dprintf_(c, "unknown-%u", opt);
#define NEED(n) do { if ((n) > optlen) goto bad; \
                     if ((n) > avail) goto trunc; } while (0)
		switch (opt) {
		case 2:
			datalen = 2;
			NEED(datalen);
			dprintf_(c, " %u", be16(q));
			break;
		case 3:
			datalen = 1;
			NEED(datalen);
			dprintf_(c, " %u", q[0]);
			break;
		case 5:
			datalen = olen - 2;
			if (datalen % 8) {
				dput(c, " invalid sack");
				break;
			}
			dprintf_(c, " %zu ", datalen / 8);
			for (size_t i = 0; i < datalen; i += 8) {
				NEED(i + 8);
				dprintf_(c, "{%u:%u}", be32(q + i) - sack_base,
				         be32(q + i + 4) - sack_base);
			}
			break;
		case 8:
			datalen = 8;
			NEED(datalen);
			dprintf_(c, " val %u ecr %u", be32(q), be32(q + 4));
			break;
		case 0:
		case 1:
		case 4:
			break;
		default:
			datalen = olen - 2;
			NEED(datalen);
			if (datalen)
				dput(c, " 0x");
			for (size_t i = 0; i < datalen; i++)
				dprintf_(c, "%02x", q[i]);
			break;
		}
#undef NEED
		/* An option can claim more than is left (a bad sack length):
		 * never step past the options or the captured bytes. */
		if (datalen > optlen || datalen > avail)
			goto trunc;
		q += datalen;
		optlen -= datalen;
		avail -= datalen;
		if (opt > 1 && datalen + 2 != olen)
			dprintf_(c, "[len %u]", olen);
		first = false;
		if (opt == 0)
			break;
	}
	return true;
bad:
	dput(c, "[bad opt]");
	if (!first)
		dput(c, ">");
	return false;
trunc:
	dput(c, " [|tcp]");
	if (!first)
		dput(c, ">");
	return false;
}
