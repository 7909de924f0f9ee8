/* SPDX-License-Identifier: GPL-2.0-or-later */
/* icmp6.c - ICMPv6 in the words tcpdump -n uses.  cap is what was
 * captured from p on, len what was on the wire; nothing reads beyond
 * cap. */
#include <stdio.h>
#include <string.h>

#include "decode/priv.h"

static const char *icmp6_name(unsigned type)
{
	switch (type) {
	case 1:   return "destination unreachable";
	case 2:   return "packet too big";
	case 3:   return "time exceeded";
	case 4:   return "parameter problem";
	case 128: return "echo request";
	case 129: return "echo reply";
	case 130: return "multicast listener query";
	case 131: return "multicast listener report";
	case 132: return "multicast listener done";
	case 133: return "router solicitation";
	case 134: return "router advertisement";
	case 135: return "neighbor solicitation";
	case 136: return "neighbor advertisement";
	case 137: return "redirect";
	case 143: return "multicast listener report v2";
	default:  return NULL;
	}
}

/* The transport header inside an ICMPv6 error: walk the inner packet's
 * extension headers.  Returns the protocol and sets *tp, or -1. */
static int inner6_transport(const uint8_t *in, size_t cap, const uint8_t **tp,
                            size_t *tcap)
{
	unsigned nh;
	size_t off = 40;

	if (cap < 40)
		return -1;
	nh = in[6];
	while (nh == 0 || nh == 60 || nh == 43 || nh == 44) {
		size_t hl;

		if (cap < off + 2)
			return -1;
		hl = nh == 44 ? 8 : ((size_t)in[off + 1] + 1) * 8;
		nh = in[off];
		off += hl;
	}
	if (off > cap)
		return -1;
	*tp = in + off;
	*tcap = cap - off;
	return (int)nh;
}

/* Appends the rest of the ICMPv6 text; false when cut short. */
static bool icmp6_text(struct sbuf *t, const uint8_t *p, size_t cap,
                       size_t len, bool *no_length)
{
	unsigned type = p[0], code;
	const uint8_t *in = p + 8;
	size_t incap = cap >= 8 ? cap - 8 : 0;
	char a[64], b[64];

	if (cap < 2)
		return false;
	code = p[1];
	switch (type) {
	case 1:
		if (code > 4) {
			sbuf_printf(t, ", unknown unreach code (%u)", code);
			*no_length = true;
			return true;
		}
		if (incap < 40)
			return false;
		d_ip6str(in + 24, a, sizeof a);
		switch (code) {
		case 0:
			sbuf_printf(t, ", unreachable route %s", a);
			break;
		case 1:
			sbuf_printf(t, ",  unreachable prohibited %s", a);
			break;
		case 2:
			sbuf_printf(t, ", beyond scope %s, source address %s", a,
			            d_ip6str(in + 8, b, sizeof b));
			break;
		case 3:
			sbuf_printf(t, ", unreachable address %s", a);
			break;
		case 4: {
			const uint8_t *tp;
			size_t tcap;
			int proto = inner6_transport(in, incap, &tp, &tcap);

			sbuf_add(t, ", unreachable port");
			if ((proto != 6 && proto != 17) || tcap < 4)
				return false;
			sbuf_printf(t, ", %s %s port %u", a,
			            proto == 6 ? "tcp" : "udp", be16(tp + 2));
			break;
		}
		}
		return true;
	case 2:
		if (cap < 8)
			return false;
		sbuf_printf(t, ", mtu %u", be32(p + 4));
		return true;
	case 3:
		if (code == 0) {
			if (incap < 40)
				return false;
			sbuf_printf(t, " in-transit for %s",
			            d_ip6str(in + 24, a, sizeof a));
		} else if (code == 1) {
			sbuf_add(t, " in-transit (reassembly)");
		} else {
			sbuf_printf(t, " in-transit, unknown code (%u)", code);
		}
		return true;
	case 4:
		if (cap < 8 || code > 2)
			return false;
		sbuf_printf(t, ", %s - octet %u",
		            code == 0 ? "erroneous" : code == 1 ? "next header"
		                                                : "option",
		            be32(p + 4));
		return true;
	case 128:
	case 129:
		if (cap < 8)
			return false;
		sbuf_printf(t, ", id %u, seq %u", be16(p + 4), be16(p + 6));
		return true;
	case 130:
	case 131:
	case 132:
		if (len != 24)
			return true;
		if (cap < 24)
			return false;
		sbuf_printf(t, "max resp delay: %u addr: %s", be16(p + 4),
		            d_ip6str(p + 8, a, sizeof a));
		return true;
	case 133:
	case 134:
		return true;
	case 135:
		if (cap < 24)
			return false;
		sbuf_printf(t, ", who has %s", d_ip6str(p + 8, a, sizeof a));
		return true;
	case 136:
		if (cap < 24)
			return false;
		sbuf_printf(t, ", tgt is %s", d_ip6str(p + 8, a, sizeof a));
		return true;
	case 137:
		if (cap < 40)
			return false;
		sbuf_printf(t, ", %s to %s", d_ip6str(p + 24, a, sizeof a),
		            d_ip6str(p + 8, b, sizeof b));
		return true;
	case 143:
		if (cap < 8)
			return false;
		sbuf_printf(t, ", %u group record(s)", be16(p + 6));
		return true;
	}
	return true;
}

void d_icmp6(struct dctx *c, const uint8_t *p, size_t cap, size_t len)
{
	struct sbuf t = SBUF_INIT;
	const char *name;
	bool no_length = false;

	if (!c->out)
		return;
	if (cap < 1) {
		dput(c, " [|icmp6]");
		return;
	}
	name = icmp6_name(p[0]);
	if (name)
		dprintf_(c, "ICMP6, %s", name);
	else
		dprintf_(c, "ICMP6, unknown icmp6 type (%u)", p[0]);
	if (!name) {
		dprintf_(c, ", length %zu", len);
	} else if (icmp6_text(&t, p, cap, len, &no_length)) {
		dput(c, sbuf_str(&t));
		if (!no_length)
			dprintf_(c, ", length %zu", len);
	} else {
		dput(c, sbuf_str(&t));
		dput(c, " [|icmp6]");
	}
	sbuf_free(&t);
}
