/* SPDX-License-Identifier: GPL-2.0-or-later */
/* parse_util.c - the grammar's shared pieces: messages that name the
 * offending word, word readers, and the checks of names, addresses,
 * numbers and MACs every object's parser uses.  Pure: nothing here looks
 * at the kernel, so every message is about what was typed; "the kernel
 * said no" messages come later, from exec_*.c. */
#include "cmd/parse_int.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "util/esc.h"
#include "util/sbuf.h"

#define MAC_HINT "expected six hex bytes like 0a:1b:2c:3d:4e:5f"
#define MTU_MIN 68
#define MTU_MAX 65536          /* lo's own */

/* ---- messages ---------------------------------------------------------- */

int p_fail(struct parser *p, const char *fmt, ...)
{
	va_list ap;

	if (!p->err || !p->errlen)
		return -1;
	va_start(ap, fmt);
	vsnprintf(p->err, p->errlen, fmt, ap);
	va_end(ap);
	esc_in_place(p->err, p->errlen);
	return -1;
}

/* A word as a message shows it: long ones shortened so the reason still
 * fits, the empty word as ''. */
const char *p_shown(const char *w, char *buf)
{
	size_t n = 60;

	if (!*w)
		return "''";
	if (strlen(w) <= 64)
		return w;
	/* not inside a UTF-8 character */
	while (n > 0 && ((unsigned char)w[n] & 0xc0) == 0x80)
		n--;
	snprintf(buf, SHOWN_MAX, "%.*s...", (int)n, w);
	return buf;
}

/* "WORD: reason" */
int p_bad(struct parser *p, const char *word, const char *fmt, ...)
{
	char buf[SHOWN_MAX];
	int n;
	va_list ap;

	if (!p->err || !p->errlen)
		return -1;
	n = snprintf(p->err, p->errlen, "%s: ", p_shown(word, buf));
	if (n < 0 || (size_t)n >= p->errlen)
		return -1;
	va_start(ap, fmt);
	vsnprintf(p->err + n, p->errlen - (size_t)n, fmt, ap);
	va_end(ap);
	esc_in_place(p->err, p->errlen);
	return -1;
}

/* The command's words read so far ("link set veth1 mtu"), for messages
 * about something missing or something extra. */
const char *p_ctx(struct parser *p)
{
	size_t len = 0;
	int k;

	p->ctxbuf[0] = '\0';
	for (k = p->first; k < p->i && k < p->argc; k++) {
		char buf[SHOWN_MAX];
		int n = snprintf(p->ctxbuf + len, sizeof p->ctxbuf - len, "%s%s",
		                 k > p->first ? " " : "",
		                 p_shown(p->argv[k], buf));
		if (n < 0 || (size_t)n >= sizeof p->ctxbuf - len)
			break;
		len += (size_t)n;
	}
	return p->ctxbuf;
}

int p_missing(struct parser *p, const char *what)
{
	return p_fail(p, "%s: missing %s", p_ctx(p), what);
}

int p_unexpected(struct parser *p)
{
	return p_bad(p, p->argv[p->i], "unexpected argument after %s", p_ctx(p));
}

/* kw was just read, and was read before: the context stops before it */
int p_twice(struct parser *p, const char *kw)
{
	int r;

	p->i--;
	r = p_bad(p, kw, "given twice in %s", p_ctx(p));
	p->i++;
	return r;
}

/* ---- words ------------------------------------------------------------- */

bool p_more(const struct parser *p)
{
	return p->i < p->argc;
}

const char *p_peek(const struct parser *p)
{
	return p_more(p) ? p->argv[p->i] : "";
}

const char *p_next(struct parser *p)
{
	return p->argv[p->i++];
}

/* iproute2's kw_matches(): the typed word is a non-empty prefix of kw. */
bool kw_matches(const char *w, const char *kw)
{
	size_t n = strlen(w);

	return n > 0 && n <= strlen(kw) && strncmp(w, kw, n) == 0;
}

/* A prefix of at least min characters: for keywords that share a place
 * with free-form names, where one letter would swallow a name. */
bool kw_abbrev(const char *w, const char *kw, size_t min)
{
	return strlen(w) >= min && kw_matches(w, kw);
}

/* The value after a keyword; NULL (message set) when there is none. */
const char *p_value(struct parser *p, const char *what)
{
	if (!p_more(p)) {
		p_missing(p, what);
		return NULL;
	}
	return p_next(p);
}

/* ---- validation -------------------------------------------------------- */

void p_copy(char *dst, size_t size, const char *src)
{
	size_t n = strlen(src);

	if (n >= size)
		n = size - 1;
	memcpy(dst, src, n);
	dst[n] = '\0';
}

static bool ascii(const char *w)
{
	for (; *w; w++)
		if ((unsigned char)*w >= 0x80)
			return false;
	return true;
}

/* A name nsviz is asked to make ("interface" or "namespace"): besides
 * what the kernel refuses, nothing a terminal would act on when the name
 * is printed (util/esc.h).  Names others made are taken as they are, and
 * escaped when printed. */
int p_check_new_name(struct parser *p, const char *w, const char *what)
{
	enum esc_kind kind;
	size_t n;
	const char *at = esc_find(w, &kind, &n);
	char hex[20];

	if (!at)
		return 0;
	esc_hex(at, n, hex, sizeof hex);
	switch (kind) {
	case ESC_CONTROL:
		return p_bad(p, w, "%s name contains control character %s", what,
		           hex);
	case ESC_BIDI:
		return p_bad(p, w, "%s name contains bidirectional control "
		           "character %s", what, hex);
	default:
		return p_bad(p, w, "%s name is not valid UTF-8 (byte %s)", what,
		           hex);
	}
}

/* The kernel's dev_valid_name(), said in words. */
static int check_ifname(struct parser *p, const char *w)
{
	const char *s;

	if (!*w)
		return p_bad(p, w, "interface name is empty");
	if (strlen(w) >= W_IFNAMSIZ)
		return p_bad(p, w, "interface name longer than %d %s", W_IFNAMSIZ - 1,
		           ascii(w) ? "characters" : "bytes");
	if (!strcmp(w, ".") || !strcmp(w, ".."))
		return p_bad(p, w, "not a valid interface name");
	for (s = w; *s; s++) {
		if (*s == '/')
			return p_bad(p, w, "interface name must not contain '/'");
		if (*s == ':')
			return p_bad(p, w, "interface name must not contain ':'");
		if (isspace((unsigned char)*s))
			return p_bad(p, w, "interface name must not contain blanks");
	}
	return 0;
}

/* iproute2's rule: a file name in /run/netns. */
static int check_nsname(struct parser *p, const char *w)
{
	if (!*w)
		return p_bad(p, w, "namespace name is empty");
	if (strlen(w) >= W_NSNAME_MAX)
		return p_bad(p, w, "namespace name longer than %d %s",
		           W_NSNAME_MAX - 1, ascii(w) ? "characters" : "bytes");
	if (strchr(w, '/'))
		return p_bad(p, w, "namespace name must not contain '/'");
	if (!strcmp(w, ".") || !strcmp(w, ".."))
		return p_bad(p, w, "not a valid namespace name");
	return 0;
}

int p_take_ifname(struct parser *p, const char *w, char *dst)
{
	if (check_ifname(p, w))
		return -1;
	p_copy(dst, W_IFNAMSIZ, w);
	return 0;
}

int p_take_nsname(struct parser *p, const char *w, char *dst)
{
	if (check_nsname(p, w))
		return -1;
	p_copy(dst, W_NSNAME_MAX, w);
	return 0;
}

const char *p_family_name(int family)
{
	return family == AF_INET6 ? "IPv6" : "IPv4";
}

const char *p_family_opt(int family)
{
	return family == AF_INET6 ? "-6" : family == AF_PACKET ? "-0" : "-4";
}

/* Parse the address part of word (text, without any /len). */
int p_addr_text(struct parser *p, const char *word,
                           const char *text, struct w_ip *ip, int want)
{
	if (want == AF_PACKET)
		return p_bad(p, word, "an IP address cannot go with -0 (the "
		             "link layer only)");
	if (w_ip_parse(text, ip) == 0) {
		if (want && ip->family != want)
			return p_bad(p, word, "not an %s address (%s was given)",
			           p_family_name(want), p_family_opt(want));
		return 0;
	}
	if (strchr(text, ':'))
		return p_bad(p, word, "not a valid IPv6 address");
	if (*text && strspn(text, "0123456789.") == strlen(text))
		return p_bad(p, word, "not a valid IPv4 address");
	return p_bad(p, word, "not an IP address (expected a numeric address "
	           "like 10.0.1.1 or fe80::1)");
}

/* A single address: a gateway, a source, a ping target. */
int p_ip(struct parser *p, const char *w, struct w_ip *ip, int want)
{
	if (strchr(w, '/'))
		return p_bad(p, w, "expected an address, not a prefix (drop the /LEN)");
	return p_addr_text(p, w, w, ip, want);
}

/* ADDR or ADDR%IF (the interface a link-local address is on, as iputils
 * takes it): dev gets IF, or "" (W_IFNAMSIZ bytes). */
int p_ip_zone(struct parser *p, const char *w, struct w_ip *ip, char *dev)
{
	const char *pct = strchr(w, '%');
	char text[64];

	dev[0] = '\0';
	if (!pct || strchr(w, '/'))  /* a /LEN: p_ip says */
		return p_ip(p, w, ip, 0);
	{
		size_t alen = (size_t)(pct - w);

		if (!pct[1] || strlen(pct + 1) >= W_IFNAMSIZ)
			return p_bad(p, w, "expected ADDRESS%%INTERFACE "
			           "(an interface name of at most 15 "
			           "characters)");
		if (alen >= sizeof text)
			alen = sizeof text - 1;
		memcpy(text, w, alen);
		text[alen] = '\0';
		if (p_addr_text(p, w, text, ip, 0))
			return -1;
		if (ip->family != AF_INET6 ||
		    !(w_ip_link_local(ip) ||
		      (ip->a[0] == 0xff && (ip->a[1] & 0x0f) == 0x02)))
			return p_bad(p, w, "a %%INTERFACE zone is for "
			           "IPv6 link-local addresses");
		snprintf(dev, W_IFNAMSIZ, "%s", pct + 1);
	}
	return 0;
}

/* ADDR or ADDR/LEN; *len is -1 when no /LEN was written. */
int p_prefix(struct parser *p, const char *w, struct w_ip *ip,
                        int *len, int want)
{
	char text[64];
	const char *slash = strchr(w, '/'), *l;
	size_t alen = slash ? (size_t)(slash - w) : strlen(w);
	int max;
	long v;

	if (alen >= sizeof text) {
		/* far too long for any address; say why in the usual words */
		return p_addr_text(p, w, "x", ip, 0);
	}
	memcpy(text, w, alen);
	text[alen] = '\0';
	if (p_addr_text(p, w, text, ip, want))
		return -1;
	max = ip->family == AF_INET6 ? 128 : 32;
	if (!slash) {
		*len = -1;
		return 0;
	}
	l = slash + 1;
	if (!*l)
		return p_bad(p, w, "missing prefix length after '/'");
	if (strspn(l, "0123456789") != strlen(l))
		return p_bad(p, w, "prefix length '%s' is not a number", l);
	if (strlen(l) > 3 || (v = strtol(l, NULL, 10)) > max)
		return p_bad(p, w, "prefix length %s out of range (0..%d)", l, max);
	*len = (int)v;
	return 0;
}

/* Strict unsigned decimal: digits only, no sign, no blanks. */
bool p_u64(const char *w, unsigned long long max,
                      unsigned long long *out)
{
	unsigned long long v;
	char *end;

	if (!*w || strspn(w, "0123456789") != strlen(w))
		return false;
	errno = 0;
	v = strtoull(w, &end, 10);
	if (errno || *end || v > max)
		return false;
	*out = v;
	return true;
}

int p_mtu(struct parser *p, const char *w, unsigned *mtu)
{
	unsigned long long v;

	if (!*w || strspn(w, "0123456789") != strlen(w))
		return p_bad(p, w, "mtu must be a number (%d..%d)", MTU_MIN, MTU_MAX);
	if (!p_u64(w, MTU_MAX, &v) || v < MTU_MIN)
		return p_bad(p, w, "mtu out of range (%d..%d)", MTU_MIN, MTU_MAX);
	*mtu = (unsigned)v;
	return 0;
}

/* Six bytes of one or two hex digits, separated by colons. */
int p_mac(struct parser *p, const char *w, uint8_t mac[6])
{
	const char *s = w;
	int k;

	for (k = 0; k < 6; k++) {
		int hi = esc_hexval(s[0]), lo;

		if (hi < 0)
			return p_bad(p, w, "not a MAC address (" MAC_HINT ")");
		lo = esc_hexval(s[1]);
		if (lo >= 0) {
			mac[k] = (uint8_t)(hi << 4 | lo);
			s += 2;
		} else {
			mac[k] = (uint8_t)hi;
			s += 1;
		}
		if (k < 5) {
			if (*s != ':')
				return p_bad(p, w, "not a MAC address (" MAC_HINT ")");
			s++;
		}
	}
	if (*s)
		return p_bad(p, w, "not a MAC address (" MAC_HINT ")");
	/* what the kernel's is_valid_ether_addr() would refuse */
	if (mac[0] & 1)
		return p_bad(p, w, "a multicast MAC address cannot be an "
		           "interface's address (the first byte must be even)");
	if (!(mac[0] | mac[1] | mac[2] | mac[3] | mac[4] | mac[5]))
		return p_bad(p, w, "the all-zero MAC address cannot be an "
		           "interface's address");
	return 0;
}


/* -4/-6 before an object that has no use for a family */
int p_no_family(struct parser *p, const char *why)
{
	if (!p->c->family)
		return 0;
	return p_bad(p, p_family_opt(p->c->family), "not meaningful for %s", why);
}

/* `[dev] NAME` where the name is optional (show) or required (del). */
int p_dev_name(struct parser *p, char *dst, bool required)
{
	if (p_more(p) && !strcmp(p_peek(p), "dev")) {
		p->i++;
		if (!p_more(p))
			return p_missing(p, "interface name");
	}
	if (!p_more(p))
		return required ? p_missing(p, "interface name") : 0;
	return p_take_ifname(p, p_next(p), dst);
}

/* ---- option tables ------------------------------------------------------- */

static const struct cmd_option *find_option(const struct cmd_option *t,
                                            const char *w)
{
	for (; t->kw; t++)
		if (t->min ? kw_abbrev(w, t->kw, t->min) : !strcmp(w, t->kw))
			return t;
	return NULL;
}

int p_options(struct parser *p, const struct cmd_option *t,
              int (*positional)(struct parser *p, const char *w))
{
	uint64_t seen = 0;

	while (p_more(p)) {
		const char *w = p_next(p), *v = NULL;
		const struct cmd_option *o = find_option(t, w);

		if (!o) {
			if (!positional) {
				p->i--;
				return p_unexpected(p);
			}
			if (positional(p, w))
				return -1;
			continue;
		}
		if (seen & (UINT64_C(1) << o->slot))
			return p_twice(p, w);
		seen |= UINT64_C(1) << o->slot;
		if (o->what && !(v = p_value(p, o->what)))
			return -1;
		if (o->take(p, w, v))
			return -1;
	}
	return 0;
}

/* kw and its value were just read, and kw was given before (as a
 * keyword or as the positional word it names) */
int p_twice_value(struct parser *p, const char *kw)
{
	int r;

	p->i--;
	r = p_twice(p, kw);
	p->i++;
	return r;
}

int p_netns_opt(struct parser *p, const char *o)
{
	const char *v;

	if (p->c->ns[0])
		return p_twice(p, o);
	if (!(v = p_value(p, "namespace name")))
		return -1;
	return p_take_nsname(p, v, p->c->ns);
}

int p_tool_options(struct parser *p, const struct tool_opt *tab,
                   const char *tool, const char *expected)
{
	struct cmd *c = p->c;

	while (p_more(p) && p_peek(p)[0] == '-' && p_peek(p)[1]) {
		const char *o = p_next(p), *opt = o;
		const struct tool_opt *t;

		if (o[1] == '-' && o[2])
			opt = o + 1;
		for (t = tab; t->name && !kw_matches(opt, t->name); t++)
			;
		switch (t->name ? t->what : TOOL_OPT_UNKNOWN) {
		case TOOL_OPT_STATS:
			c->opts.stats++;
			break;
		case TOOL_OPT_DETAILS:
			c->opts.details = true;
			break;
		case TOOL_OPT_NETNS:
			if (p_netns_opt(p, o))
				return -1;
			break;
		case TOOL_OPT_JSON:
			c->opts.json = true;
			break;
		case TOOL_OPT_PRETTY:
			c->opts.pretty = true;
			break;
		case TOOL_OPT_HELP:
			return p_bad(p, o, "not supported by nsviz (nsviz --help "
			             "lists the %s commands)", tool);
		case TOOL_OPT_UNSUPPORTED:
			return p_bad(p, o, "%s option not supported by nsviz "
			             "(expected %s)", tool, expected);
		case TOOL_OPT_UNKNOWN:
			return p_bad(p, o, "unknown %s option (expected %s before "
			             "the object)", tool, expected);
		}
	}
	if (!p_more(p)) {
		char what[300];

		snprintf(what, sizeof what, "object (%s)", p_objects_hint(p));
		return p_missing(p, what);
	}
	return p_object(p);
}
