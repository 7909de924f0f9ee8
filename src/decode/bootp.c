/* SPDX-License-Identifier: GPL-2.0-or-later */
/* bootp.c - BOOTP and DHCP (UDP ports 67 and 68), in the words tcpdump
 * -n 4.99 uses: "BOOTP/DHCP, Request from 02:00:00:00:01:00, length 300",
 * and with -v the fixed fields and every option, one per line after a
 * newline and a tab, as tcpdump prints them (the options read up to the
 * end of the capture, as tcpdump reads them).  Every byte is read through
 * the cursor; a read past the capture ends the line with " [|bootp]"
 * where tcpdump's does. */
#include <stdio.h>
#include <string.h>

#include "decode/cursor.h"
#include "decode/priv.h"

struct bootp {
	struct dctx *c;
	struct dcur k;         /* the BOOTP message */
	bool jmp;              /* a read past the capture: end the packet */
};

static uint8_t get8(struct bootp *b, size_t at)
{
	uint8_t v = 0;

	if (!dc_u8(&b->k, at, &v))
		b->jmp = true;
	return v;
}

static uint16_t get16(struct bootp *b, size_t at)
{
	uint16_t v = 0;

	if (!dc_be16(&b->k, at, &v))
		b->jmp = true;
	return v;
}

static uint32_t get32(struct bootp *b, size_t at)
{
	uint32_t v = 0;

	if (!dc_be32(&b->k, at, &v))
		b->jmp = true;
	return v;
}

/* a dotted address; "" (and the packet ends) when not captured */
static const char *ip4_at(struct bootp *b, size_t at, char *buf, size_t len)
{
	const uint8_t *a;

	buf[0] = '\0';
	if (!dc_bytes(&b->k, at, 4, &a)) {
		b->jmp = true;
		return buf;
	}
	return d_ip4str(a, buf, len);
}

/* n bytes at at as text, up to the end of the capture; false if cut */
static bool put_n(struct bootp *b, size_t at, size_t n)
{
	uint8_t ch;

	while (n > 0 && dc_u8(&b->k, at, &ch)) {
		d_put_char(b->c, ch);
		at++;
		n--;
	}
	return n == 0;
}

/* a NUL-terminated string in a field of n bytes; false when no NUL was
 * captured in it (tcpdump then says the packet was cut short) */
static bool put_z(struct bootp *b, size_t at, size_t n)
{
	uint8_t ch;

	for (; n > 0 && dc_u8(&b->k, at, &ch); at++, n--) {
		if (ch == '\0')
			return true;
		d_put_char(b->c, ch);
	}
	return false;
}

/* ---- the options ---------------------------------------------------------- */

/* tcpdump's table: a format letter, then the name.  i: addresses, p:
 * address pairs, l: 32-bit numbers, L: signed, s: 16-bit, b: bytes,
 * a: text, B: booleans, $: its own code, ' ': no data. */
static const char *opt_desc(unsigned tag)
{
	static const char *const tab[256] = {
		[0] = " PAD", [1] = "iSubnet-Mask", [2] = "LTime-Zone",
		[3] = "iDefault-Gateway", [4] = "iTime-Server",
		[5] = "iIEN-Name-Server", [6] = "iDomain-Name-Server",
		[7] = "iLOG", [8] = "iCS", [9] = "iLPR-Server", [10] = "iIM",
		[11] = "iRL", [12] = "aHostname", [13] = "sBS", [255] = " END",
		[14] = "aDP", [15] = "aDomain-Name", [16] = "iSS", [17] = "aRP",
		[18] = "aEP", [19] = "BIPF", [20] = "BSRT", [21] = "pPF",
		[22] = "sRSZ", [23] = "bTTL", [24] = "lMTU-Timeout",
		[25] = "sMTU-Table", [26] = "sMTU", [27] = "BLSN", [28] = "iBR",
		[29] = "BMD", [30] = "BMS", [31] = "BRouter-Discovery",
		[32] = "iRSA", [33] = "pStatic-Route", [34] = "BUT", [35] = "lAT",
		[36] = "BIE", [37] = "bTT", [38] = "lKI", [39] = "BKG",
		[40] = "aYD", [41] = "iYS", [42] = "iNTP", [43] = "bVendor-Option",
		[44] = "iNetbios-Name-Server", [45] = "iWDD",
		[46] = "$Netbios-Node", [47] = "aNetbios-Scope", [48] = "iXFS",
		[49] = "iXDM", [64] = "sN+D", [65] = "iN+S", [68] = "iMH",
		[69] = "iSMTP", [70] = "iPOP3", [71] = "iNNTP", [72] = "iWWW",
		[73] = "iFG", [74] = "iIRC", [75] = "iSTS", [76] = "iSTDA",
		[50] = "iRequested-IP", [51] = "lLease-Time", [52] = "$OO",
		[66] = "aTFTP", [67] = "aBF", [53] = " DHCP-Message",
		[54] = "iServer-ID", [55] = "bParameter-Request", [56] = "aMSG",
		[57] = "sMSZ", [58] = "lRN", [59] = "lRB", [60] = "aVendor-Class",
		[61] = "$Client-ID", [98] = "aUAP", [116] = "BNOAUTO",
		[78] = "bSLP-DA", [79] = "bSLP-SCOPE", [117] = "sNSSEARCH",
		[77] = "$User-Class", [118] = "iSUBNET",
		[121] = "$Classless-Static-Route",
		[249] = "$Classless-Static-Route-Microsoft",
		[150] = "iTFTP-Server-Address", [80] = "aSLP-NA", [81] = "$FQDN",
		[82] = "$Agent-Information", [83] = "bARMT", [88] = "aTZSTR",
		[89] = "bFQDNS", [90] = "bAUTH", [91] = "LLast-Transaction-Time",
		[92] = "iAssociated-IP", [93] = "sARCH", [94] = "bNDI",
		[97] = "bGUID", [95] = "aLDAP", [100] = "aPOSIX-TZ",
		[101] = "aTZ-Name", [112] = "iNI", [113] = "aNITAG", [114] = "aURL",
		[161] = "aMUD-URL",
	};

	return tab[tag & 0xff] ? tab[tag & 0xff] : "?Unknown";
}

static const char *dhcp_msg_name(unsigned t)
{
	static const char *const tab[] = {
		[1] = "Discover", [2] = "Offer", [3] = "Request",
		[4] = "Decline", [5] = "ACK", [6] = "NACK", [7] = "Release",
		[8] = "Inform", [10] = "LeaseQuery", [11] = "LeaseUnassigned",
		[12] = "LeaseUnknown", [13] = "LeaseActive",
	};

	return t < sizeof tab / sizeof tab[0] ? tab[t] : NULL;
}

static void put_flag_name(struct dctx *c, unsigned v, unsigned tag)
{
	const char *s = NULL;

	if (tag == 46)
		s = v == 1 ? "b-node" : v == 2 ? "p-node" : v == 4 ? "m-node" :
		    v == 8 ? "h-node" : NULL;
	else
		s = v == 1 ? "file" : v == 2 ? "sname" : v == 3 ? "file+sname" :
		    NULL;
	if (s)
		dput(c, s);
	else
		dprintf_(c, "#%u", v);
}

/* tcpdump's hex dump of unknown data: "\n\t\t0x0000:  0102 0304" */
static void hex_dump(struct bootp *b, size_t at, size_t n)
{
	size_t i;

	for (i = 0; i < n / 2; i++) {
		if (i % 8 == 0)
			dprintf_(b->c, "\n\t\t0x%04zx: ", i * 2);
		dprintf_(b->c, " %02x%02x", get8(b, at + 2 * i),
		         get8(b, at + 2 * i + 1));
	}
	if (n & 1) {
		if (i % 8 == 0)
			dprintf_(b->c, "\n\t\t0x%04zx: ", i * 2);
		dprintf_(b->c, " %02x", get8(b, at + 2 * i));
	}
}

/* The options that need their own code ('$'); *at and *len move on.
 * False when the packet ends in one. */
static bool opt_special(struct bootp *b, unsigned tag, size_t *at,
                        unsigned *len)
{
	struct dctx *c = b->c;
	size_t p = *at;
	unsigned n = *len;
	char buf[32];
	bool ok = true;

	switch (tag) {
	case 46:
	case 52:
		if (n < 1) {
			dput(c, "[ERROR: length < 1 bytes]");
			break;
		}
		put_flag_name(c, get8(b, p), tag);
		p++;
		n--;
		break;
	case 81: {
		uint8_t fl, r1, r2;

		if (n < 3) {
			dput(c, "[ERROR: length < 3 bytes]");
			p += n;
			n = 0;
			break;
		}
		fl = get8(b, p);
		if (fl & 0xf0)
			dprintf_(c, "[ERROR: MBZ nibble 0x%x != 0] ", (fl & 0xf0) >> 4);
		if (fl & 0x0f)
			dprintf_(c, "[%s%s%s%s] ", fl & 1 ? "S" : "", fl & 2 ? "O" : "",
			         fl & 4 ? "E" : "", fl & 8 ? "N" : "");
		r1 = get8(b, p + 1);
		r2 = get8(b, p + 2);
		if (r1 || r2)
			dprintf_(c, "%u/%u ", r1, r2);
		p += 3;
		dput(c, "\"");
		ok = put_n(b, p, n - 3);
		dput(c, "\"");
		p += n - 3;
		n = 0;
		break;
	}
	case 61: {
		uint8_t type;

		if (n < 1) {
			dput(c, "[ERROR: length < 1 bytes]");
			break;
		}
		type = get8(b, p);
		p++;
		n--;
		if (type == 0) {
			dput(c, "\"");
			ok = put_n(b, p, n);
			dput(c, "\"");
			p += n;
			n = 0;
			break;
		}
		switch (type) {
		case 0x01: dput(c, "ether "); break;
		case 0x06: dput(c, "ieee802 "); break;
		case 0x07: dput(c, "arcnet "); break;
		case 0x0f: dput(c, "frelay "); break;
		case 0x17: dput(c, "strip "); break;
		case 0x18: dput(c, "ieee1394 "); break;
		default:   dprintf_(c, "hardware-type %u, ", type); break;
		}
		for (bool first = true; n > 0; first = false, p++, n--)
			dprintf_(c, first ? "%02x" : ":%02x", get8(b, p));
		break;
	}
	case 82:
		while (n >= 2) {
			uint8_t sub = get8(b, p), sl = get8(b, p + 1);
			const char *sn = sub == 1 ? "Circuit-ID" :
			                 sub == 2 ? "Remote-ID" :
			                 sub == 6 ? "Subscriber-ID" : "Unknown";

			p += 2;
			n -= 2;
			if (sl > n) {
				dprintf_(c, "\n\t      %s SubOption %u, length %u: length goes past end of option",
				         sn, sub, sl);
				p += n;
				n = 0;
				break;
			}
			dprintf_(c, "\n\t      %s SubOption %u, length %u: ", sn, sub,
			         sl);
			if (sub == 1 || sub == 2 || sub == 6) {
				if (!put_n(b, p, sl))
					return false;
			} else {
				hex_dump(b, p, sl);
			}
			n -= sl;
			p += sl;
		}
		break;
	case 121:
	case 249:
		if (n < 5) {
			dput(c, "[ERROR: length < 5 bytes]");
			p += n;
			n = 0;
			break;
		}
		for (bool first = true; n > 0; first = false) {
			unsigned w, sig;

			if (!first)
				dput(c, ",");
			w = get8(b, p);
			p++;
			n--;
			if (w > 32) {
				dprintf_(c, "[ERROR: Mask width (%u) > 32]", w);
				p += n;
				n = 0;
				break;
			}
			sig = (w + 7) / 8;
			if (n < sig + 4) {
				dprintf_(c, "[ERROR: Remaining length (%u) < %u bytes]", n,
				         sig + 4);
				p += n;
				n = 0;
				break;
			}
			dput(c, "(");
			if (w == 0) {
				dput(c, "default");
			} else {
				for (unsigned j = 0; j < sig; j++, p++)
					dprintf_(c, j ? ".%u" : "%u", get8(b, p));
				for (unsigned j = sig; j < 4; j++)
					dput(c, ".0");
				dprintf_(c, "/%u", w);
			}
			dprintf_(c, ":%s)", ip4_at(b, p, buf, sizeof buf));
			p += 4;
			n -= sig + 4;
		}
		break;
	case 77: {
		unsigned inst = 1;

		if (n < 2) {
			dput(c, "[ERROR: length < 2 bytes]");
			p += n;
			n = 0;
			break;
		}
		while (n > 0) {
			uint8_t sl = get8(b, p);

			p++;
			n--;
			dprintf_(c, "\n\t      instance#%u: ", inst);
			if (sl == 0) {
				dput(c, "[ERROR: suboption length must be non-zero]");
				p += n;
				n = 0;
				break;
			}
			if (n < sl) {
				dput(c, "[ERROR: invalid option]");
				p += n;
				n = 0;
				break;
			}
			dput(c, "\"");
			if (!put_n(b, p, sl)) {
				dput(c, "\"");
				return false;
			}
			dprintf_(c, "\", length %u", sl);
			inst++;
			n -= sl;
			p += sl;
		}
		break;
	}
	default:
		dprintf_(c, "[unknown special tag %u, size %u]", tag, n);
		p += n;
		n = 0;
		break;
	}
	*at = p;
	*len = n;
	return ok && !b->jmp;
}

/* The data of one option, by the letter of its kind; false when the
 * packet ends in it. */
static bool opt_data(struct bootp *b, unsigned tag, char kind, size_t *at,
                     unsigned *len)
{
	struct dctx *c = b->c;
	size_t p = *at;
	unsigned n = *len;
	bool first = true;
	char buf[32];

	if (kind == '?')
		kind = (n & 1) ? 'b' : (n & 2) ? 's' : 'l';
	switch (kind) {
	case 'a':
		dput(c, "\"");
		if (!put_n(b, p, n)) {
			dput(c, "\"");
			return false;
		}
		dput(c, "\"");
		p += n;
		n = 0;
		break;
	case 'i':
	case 'l':
	case 'L':
		for (; n >= 4; p += 4, n -= 4, first = false) {
			if (!first)
				dput(c, ",");
			if (kind == 'i')
				dput(c, ip4_at(b, p, buf, sizeof buf));
			else if (kind == 'L')
				dprintf_(c, "%d", (int32_t)get32(b, p));
			else
				dprintf_(c, "%u", get32(b, p));
		}
		break;
	case 'p':
		for (; n >= 8; p += 8, n -= 8, first = false) {
			if (!first)
				dput(c, ",");
			dprintf_(c, "(%s:", ip4_at(b, p, buf, sizeof buf));
			dprintf_(c, "%s)", ip4_at(b, p + 4, buf, sizeof buf));
		}
		break;
	case 's':
		for (; n >= 2; p += 2, n -= 2, first = false)
			dprintf_(c, first ? "%u" : ",%u", get16(b, p));
		break;
	case 'B':
		for (; n > 0; p++, n--, first = false) {
			uint8_t v = get8(b, p);

			if (!first)
				dput(c, ",");
			if (v == 0)
				dput(c, "N");
			else if (v == 1)
				dput(c, "Y");
			else
				dprintf_(c, "%u?", v);
		}
		break;
	case '$':
		if (!opt_special(b, tag, &p, &n))
			return false;
		break;
	default:
		for (; n > 0; p++, n--, first = false)
			dprintf_(c, first ? "%u" : ".%u", get8(b, p));
		break;
	}
	*at = p;
	*len = n;
	return !b->jmp;
}

/* the options after the magic cookie at at; false when cut short */
static bool rfc1048(struct bootp *b, size_t at)
{
	struct dctx *c = b->c;
	uint8_t tag;

	dput(c, "\n\t  Vendor-rfc1048 Extensions");
	dprintf_(c, "\n\t    Magic Cookie 0x%08x", get32(b, at));
	at += 4;
	while (dc_u8(&b->k, at, &tag)) {
		const char *desc;
		unsigned len = 0;
		char kind;

		at++;
		if (tag == 0 && c->v < 3)
			continue;
		if (tag == 255 && c->v < 3)
			return true;
		desc = opt_desc(tag);
		kind = desc[0];
		if (tag != 0 && tag != 255) {
			len = get8(b, at);
			if (b->jmp)
				return false;
			at++;
		}
		dprintf_(c, "\n\t    %s (%u), length %u%s", desc + 1, tag, len,
		         len > 0 ? ": " : "");
		if (tag == 0 && c->v > 2) {
			unsigned pads = 1;
			uint8_t nx;

			while (dc_u8(&b->k, at, &nx) && nx == 0) {
				at++;
				pads++;
			}
			if (pads > 1)
				dprintf_(c, ", occurs %u", pads);
		}
		if (!dc_has(&b->k, at, len))
			return false;
		if (tag == 53 && len == 1) {
			uint8_t t = get8(b, at);
			const char *s = dhcp_msg_name(t);

			if (s)
				dput(c, s);
			else
				dprintf_(c, "Unknown (%u)", t);
			at++;
			continue;
		}
		if (tag == 55) {
			for (unsigned idx = 0; len > 0; idx++, len--, at++) {
				uint8_t t = get8(b, at);

				dput(c, idx % 4 == 0 ? "\n\t      " : ", ");
				dprintf_(c, "%s (%u)", opt_desc(t) + 1, t);
			}
			continue;
		}
		if (!opt_data(b, tag, kind, &at, &len))
			return false;
		if (len) {
			dprintf_(c, "\n\t  trailing data length %u", len);
			at += len;
		}
	}
	return true;
}

/* CMU's vendor area: the addresses that are not zero */
static bool cmu(struct bootp *b, size_t at)
{
	static const struct { size_t off; const char *name; } f[] = {
		{ 12, "DG" }, { 8, NULL }, { 16, "NS1" }, { 20, "NS2" },
		{ 24, "IEN1" }, { 28, "IEN2" }, { 32, "TS1" }, { 36, "TS2" },
	};
	uint8_t fl;
	char buf[32];

	dput(b->c, " vend-cmu");
	if (!dc_has(&b->k, at + 4, 4))
		return false;
	fl = get8(b, at + 4);
	if (fl & ~1u)
		dprintf_(b->c, " F:0x%x", fl);
	for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) {
		const char *name = f[i].name ? f[i].name : fl & 1 ? "SM" : "SM*";

		if (!dc_has(&b->k, at + f[i].off, 4))
			return false;
		if (get32(b, at + f[i].off))
			dprintf_(b->c, " %s:%s", name,
			         ip4_at(b, at + f[i].off, buf, sizeof buf));
	}
	return true;
}

/* ---- the message ---------------------------------------------------------- */

/* false when cut short: the caller adds " [|bootp]" */
static bool message(struct bootp *b, size_t len)
{
	struct dctx *c = b->c;
	uint8_t op, htype, hlen, hops;
	uint16_t fl;
	uint32_t v;
	const uint8_t *ch;
	char m[32], buf[32];
	static const struct { size_t off; const char *name; } addrs[] = {
		{ 12, "Client-IP" }, { 16, "Your-IP" }, { 20, "Server-IP" },
		{ 24, "Gateway-IP" },
	};

	op = get8(b, 0);
	if (b->jmp)
		return false;
	if (op == 1)
		dput(c, "BOOTP/DHCP, Request");
	else if (op == 2)
		dput(c, "BOOTP/DHCP, Reply");
	else
		dprintf_(c, "BOOTP/DHCP, unknown (0x%02x)", op);
	htype = get8(b, 1);
	hlen = get8(b, 2);
	if (b->jmp)
		return false;
	if (htype == 1 && hlen == 6 && op == 1) {
		if (!dc_bytes(&b->k, 28, 6, &ch)) {
			b->jmp = true;     /* read with a jumping macro */
			return false;
		}
		dprintf_(c, " from %s", d_macstr(ch, 6, m, sizeof m));
	}
	dprintf_(c, ", length %zu", len);
	if (!c->v)
		return true;
	if (!dc_has(&b->k, 8, 2))
		return false;
	if (htype != 1)
		dprintf_(c, ", htype %u", htype);
	if (htype != 1 || hlen != 6)
		dprintf_(c, ", hlen %u", hlen);
	hops = get8(b, 3);
	if (hops)
		dprintf_(c, ", hops %u", hops);
	v = get32(b, 4);
	if (v)
		dprintf_(c, ", xid 0x%x", v);
	if (get16(b, 8))
		dprintf_(c, ", secs %u", get16(b, 8));
	fl = get16(b, 10);
	if (b->jmp)
		return false;
	dprintf_(c, ", Flags [%s]", fl & 0x8000 ? "Broadcast" : "none");
	if (c->v > 1)
		dprintf_(c, " (0x%04x)", fl);
	for (size_t i = 0; i < 4; i++) {
		v = get32(b, addrs[i].off);
		if (b->jmp)
			return false;
		if (v)
			dprintf_(c, "\n\t  %s %s", addrs[i].name,
			         ip4_at(b, addrs[i].off, buf, sizeof buf));
	}
	if (htype == 1 && hlen == 6) {
		if (!dc_bytes(&b->k, 28, 6, &ch)) {
			b->jmp = true;     /* read with a jumping macro */
			return false;
		}
		dprintf_(c, "\n\t  Client-Ethernet-Address %s",
		         d_macstr(ch, 6, m, sizeof m));
	}
	if (get8(b, 44)) {
		dput(c, "\n\t  sname \"");
		if (!put_z(b, 44, 64)) {
			dput(c, "\"");
			return false;
		}
		dput(c, "\"");
	}
	if (b->jmp)
		return false;
	if (get8(b, 108)) {
		dput(c, "\n\t  file \"");
		if (!put_z(b, 108, 128)) {
			dput(c, "\"");
			return false;
		}
		dput(c, "\"");
	}
	if (b->jmp || !dc_has(&b->k, 236, 4))
		return false;
	v = get32(b, 236);
	if (v == 0x63825363)
		return rfc1048(b, 236);
	if (v == 0x434d5500)
		return cmu(b, 236);
	if (v)
		dprintf_(c, "\n\t  Vendor-#0x%x", v);
	return true;
}

bool d_bootp(struct dctx *c, const struct ipinfo *ip, unsigned sport,
             unsigned dport, const uint8_t *p, size_t cap, size_t len)
{
	struct bootp b;

	(void)ip;
	/* tcpdump -q prints "UDP, length N"; and it tries DNS before BOOTP */
	if (c->q || sport == 53 || dport == 53 || sport == 5353 ||
	    dport == 5353)
		return false;
	if (!c->out)
		return true;
	b.c = c;
	b.k = dc_make(p, cap, cap);
	b.jmp = false;
	if (!message(&b, len))
		dput(c, " [|bootp]");
	if (b.jmp)
		d_hard_stop = true;
	return true;
}
