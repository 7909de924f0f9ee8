/* SPDX-License-Identifier: GPL-2.0-or-later */
/* grammar.c - words to struct cmd: the iproute2 syntax nsviz understands.
 *
 * Pure: nothing here looks at the kernel, so every message is about what
 * was typed.  A message always starts with the offending word and says
 * what is wrong with it; "the kernel said no" messages come later, from
 * exec.c.  Abbreviations follow iproute2's matches(): a typed word stands
 * for the first keyword, in iproute2's own order, that it is a prefix of
 * (so `a` is address, `r` is route, `l` is link, `ne` is neighbor).
 */
#include "cmd/cmd.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <linux/rtnetlink.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "echo/echo.h"
#include "util/esc.h"
#include "util/sbuf.h"

#define LINK_SET_HINT "expected up, down, netns NS, mtu N, address MAC, " \
                      "master BRIDGE or nomaster"
#define MAC_HINT "expected six hex bytes like 0a:1b:2c:3d:4e:5f"

#define MTU_MIN 68
#define MTU_MAX 65535
#define PING_SECONDS_MAX 86400.0
#define PING_INTERVAL_MIN 0.002   /* iputils' floor for ordinary users */

struct parser {
	int argc;
	char **argv;
	int i;             /* the next word to read */
	int first;         /* where the command's own words start (messages) */
	struct cmd *c;
	char *err;
	size_t errlen;
	char ctxbuf[512];
	char hintbuf[256];
};

struct keyword;
static const char *hint(struct parser *p, const struct keyword *t,
                        const struct keyword *t2);
static const char *objects_hint(struct parser *p);

/* ---- messages ---------------------------------------------------------- */

static int fail(struct parser *p, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static int fail(struct parser *p, const char *fmt, ...)
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

#define SHOWN_MAX 68

/* A word as a message shows it: long ones shortened so the reason still
 * fits, the empty word as ''. */
static const char *shown(const char *w, char *buf)
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
static int bad(struct parser *p, const char *word, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int bad(struct parser *p, const char *word, const char *fmt, ...)
{
	char buf[SHOWN_MAX];
	int n;
	va_list ap;

	if (!p->err || !p->errlen)
		return -1;
	n = snprintf(p->err, p->errlen, "%s: ", shown(word, buf));
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
static const char *ctx(struct parser *p)
{
	size_t len = 0;
	int k;

	p->ctxbuf[0] = '\0';
	for (k = p->first; k < p->i && k < p->argc; k++) {
		char buf[SHOWN_MAX];
		int n = snprintf(p->ctxbuf + len, sizeof p->ctxbuf - len, "%s%s",
		                 k > p->first ? " " : "",
		                 shown(p->argv[k], buf));
		if (n < 0 || (size_t)n >= sizeof p->ctxbuf - len)
			break;
		len += (size_t)n;
	}
	return p->ctxbuf;
}

static int missing(struct parser *p, const char *what)
{
	return fail(p, "%s: missing %s", ctx(p), what);
}

static int unexpected(struct parser *p)
{
	return bad(p, p->argv[p->i], "unexpected argument after %s", ctx(p));
}

/* kw was just read, and was read before: the context stops before it */
static int twice(struct parser *p, const char *kw)
{
	int r;

	p->i--;
	r = bad(p, kw, "given twice in %s", ctx(p));
	p->i++;
	return r;
}

/* ---- words ------------------------------------------------------------- */

static bool more(const struct parser *p)
{
	return p->i < p->argc;
}

static const char *peek(const struct parser *p)
{
	return more(p) ? p->argv[p->i] : "";
}

static const char *next_word(struct parser *p)
{
	return p->argv[p->i++];
}

/* iproute2's matches(): the typed word is a non-empty prefix of kw. */
static bool matches(const char *w, const char *kw)
{
	size_t n = strlen(w);

	return n > 0 && n <= strlen(kw) && strncmp(w, kw, n) == 0;
}

/* A prefix of at least min characters: for keywords that share a place
 * with free-form names, where one letter would swallow a name. */
static bool abbrev(const char *w, const char *kw, size_t min)
{
	return strlen(w) >= min && matches(w, kw);
}

/* The value after a keyword; NULL (message set) when there is none. */
static const char *value(struct parser *p, const char *what)
{
	if (!more(p)) {
		missing(p, what);
		return NULL;
	}
	return next_word(p);
}

/* Keyword tables: first match wins, in iproute2's order. */
enum { UNSUPPORTED = -1, NOT_FOUND = -2 };

/* say: how a message that lists what nsviz takes spells the entry
 * ("del" for delete); NULL for aliases and what nsviz does not take.
 * The lists in "unknown command (expected ...)" messages are made from
 * these tables (hint()), so they cannot disagree with what is parsed. */
struct keyword {
	const char *kw;
	int id;
	const char *say;
};

static int lookup(const struct keyword *t, const char *w, const char **full)
{
	for (; t->kw; t++) {
		if (matches(w, t->kw)) {
			if (full)
				*full = t->kw;
			return t->id;
		}
	}
	return NOT_FOUND;
}

/* "expected add, del or show": the entries of t, then of t2 (may be
 * NULL), that say how they are spelled. */
static const char *hint(struct parser *p, const struct keyword *t,
                        const struct keyword *t2)
{
	const char *said[64];
	size_t n = 0, len;

	for (int pass = 0; pass < 2; pass++)
		for (const struct keyword *k = pass ? t2 : t; k && k->kw; k++)
			if (k->say && n < sizeof said / sizeof *said)
				said[n++] = k->say;
	len = (size_t)snprintf(p->hintbuf, sizeof p->hintbuf, "expected");
	for (size_t i = 0; i < n && len < sizeof p->hintbuf; i++)
		len += (size_t)snprintf(p->hintbuf + len, sizeof p->hintbuf - len,
		                        "%s%s", i == 0 ? " " :
		                        i + 1 == n ? " or " : ", ", said[i]);
	return p->hintbuf;
}

/* "ne: means neighbor, which ..." when abbreviated, "rule: ..." when not.
 * For an object's commands the message starts with the object as typed
 * ("l rep: means link replace, ..."); obj is its full name. */
static int unsupported(struct parser *p, const char *obj, const char *w,
                       const char *full, const char *hint)
{
	char b1[SHOWN_MAX], b2[SHOWN_MAX];
	const char *typed = *obj ? shown(p->argv[p->first], b1) : "";
	const char *sp = *obj ? " " : "";

	if (strcmp(w, full))
		return fail(p, "%s%s%s: means %s%s%s, which nsviz does not "
		            "support (%s)", typed, sp, shown(w, b2), obj, sp,
		            full, hint);
	return fail(p, "%s%s%s: not supported by nsviz (%s)", typed, sp,
	            shown(w, b2), hint);
}

/* "l frob: unknown link command (...)", with the words as typed */
static int unknown(struct parser *p, const char *obj, const char *w,
                   const char *hint)
{
	char b1[SHOWN_MAX], b2[SHOWN_MAX];

	return fail(p, "%s %s: unknown %s command (%s)",
	            shown(p->argv[p->first], b1), shown(w, b2), obj, hint);
}

/* ---- validation -------------------------------------------------------- */

static void copy(char *dst, size_t size, const char *src)
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
static int check_new_name(struct parser *p, const char *w, const char *what)
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
		return bad(p, w, "%s name contains control character %s", what,
		           hex);
	case ESC_BIDI:
		return bad(p, w, "%s name contains bidirectional control "
		           "character %s", what, hex);
	default:
		return bad(p, w, "%s name is not valid UTF-8 (byte %s)", what,
		           hex);
	}
}

/* The kernel's dev_valid_name(), said in words. */
static int check_ifname(struct parser *p, const char *w)
{
	const char *s;

	if (!*w)
		return bad(p, w, "interface name is empty");
	if (strlen(w) >= W_IFNAMSIZ)
		return bad(p, w, "interface name longer than %d %s", W_IFNAMSIZ - 1,
		           ascii(w) ? "characters" : "bytes");
	if (!strcmp(w, ".") || !strcmp(w, ".."))
		return bad(p, w, "not a valid interface name");
	for (s = w; *s; s++) {
		if (*s == '/')
			return bad(p, w, "interface name must not contain '/'");
		if (*s == ':')
			return bad(p, w, "interface name must not contain ':'");
		if (isspace((unsigned char)*s))
			return bad(p, w, "interface name must not contain blanks");
	}
	return 0;
}

/* iproute2's rule: a file name in /run/netns. */
static int check_nsname(struct parser *p, const char *w)
{
	if (!*w)
		return bad(p, w, "namespace name is empty");
	if (strlen(w) >= W_NSNAME_MAX)
		return bad(p, w, "namespace name longer than %d %s",
		           W_NSNAME_MAX - 1, ascii(w) ? "characters" : "bytes");
	if (strchr(w, '/'))
		return bad(p, w, "namespace name must not contain '/'");
	if (!strcmp(w, ".") || !strcmp(w, ".."))
		return bad(p, w, "not a valid namespace name");
	return 0;
}

static int take_ifname(struct parser *p, const char *w, char *dst)
{
	if (check_ifname(p, w))
		return -1;
	copy(dst, W_IFNAMSIZ, w);
	return 0;
}

static int take_nsname(struct parser *p, const char *w, char *dst)
{
	if (check_nsname(p, w))
		return -1;
	copy(dst, W_NSNAME_MAX, w);
	return 0;
}

static const char *family_name(int family)
{
	return family == AF_INET6 ? "IPv6" : "IPv4";
}

static const char *family_opt(int family)
{
	return family == AF_INET6 ? "-6" : family == AF_PACKET ? "-0" : "-4";
}

/* Parse the address part of word (text, without any /len). */
static int parse_addr_text(struct parser *p, const char *word,
                           const char *text, struct w_ip *ip, int want)
{
	if (w_ip_parse(text, ip) == 0) {
		if (want && ip->family != want)
			return bad(p, word, "not an %s address (%s was given)",
			           family_name(want), family_opt(want));
		return 0;
	}
	if (strchr(text, ':'))
		return bad(p, word, "not a valid IPv6 address");
	if (*text && strspn(text, "0123456789.") == strlen(text))
		return bad(p, word, "not a valid IPv4 address");
	return bad(p, word, "not an IP address (expected a numeric address "
	           "like 10.0.1.1 or fe80::1)");
}

/* A single address: a gateway, a source, a ping target. */
static int parse_ip(struct parser *p, const char *w, struct w_ip *ip, int want)
{
	if (strchr(w, '/'))
		return bad(p, w, "expected an address, not a prefix (drop the /LEN)");
	return parse_addr_text(p, w, w, ip, want);
}

/* ADDR or ADDR/LEN; *len is -1 when no /LEN was written. */
static int parse_prefix(struct parser *p, const char *w, struct w_ip *ip,
                        int *len, int want)
{
	char text[64];
	const char *slash = strchr(w, '/'), *l;
	size_t alen = slash ? (size_t)(slash - w) : strlen(w);
	int max;
	long v;

	if (alen >= sizeof text) {
		/* far too long for any address; say why in the usual words */
		return parse_addr_text(p, w, "x", ip, 0);
	}
	memcpy(text, w, alen);
	text[alen] = '\0';
	if (parse_addr_text(p, w, text, ip, want))
		return -1;
	max = ip->family == AF_INET6 ? 128 : 32;
	if (!slash) {
		*len = -1;
		return 0;
	}
	l = slash + 1;
	if (!*l)
		return bad(p, w, "missing prefix length after '/'");
	if (strspn(l, "0123456789") != strlen(l))
		return bad(p, w, "prefix length '%s' is not a number", l);
	if (strlen(l) > 3 || (v = strtol(l, NULL, 10)) > max)
		return bad(p, w, "prefix length %s out of range (0..%d)", l, max);
	*len = (int)v;
	return 0;
}

/* Strict unsigned decimal: digits only, no sign, no blanks. */
static bool parse_u64(const char *w, unsigned long long max,
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

static int parse_mtu(struct parser *p, const char *w, unsigned *mtu)
{
	unsigned long long v;

	if (!*w || strspn(w, "0123456789") != strlen(w))
		return bad(p, w, "mtu must be a number (%d..%d)", MTU_MIN, MTU_MAX);
	if (!parse_u64(w, MTU_MAX, &v) || v < MTU_MIN)
		return bad(p, w, "mtu out of range (%d..%d)", MTU_MIN, MTU_MAX);
	*mtu = (unsigned)v;
	return 0;
}

/* Six bytes of one or two hex digits, separated by colons. */
static int parse_mac(struct parser *p, const char *w, uint8_t mac[6])
{
	const char *s = w;
	int k;

	for (k = 0; k < 6; k++) {
		int hi = esc_hexval(s[0]), lo;

		if (hi < 0)
			return bad(p, w, "not a MAC address (" MAC_HINT ")");
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
				return bad(p, w, "not a MAC address (" MAC_HINT ")");
			s++;
		}
	}
	if (*s)
		return bad(p, w, "not a MAC address (" MAC_HINT ")");
	/* what the kernel's is_valid_ether_addr() would refuse */
	if (mac[0] & 1)
		return bad(p, w, "a multicast MAC address cannot be an "
		           "interface's address (the first byte must be even)");
	if (!(mac[0] | mac[1] | mac[2] | mac[3] | mac[4] | mac[5]))
		return bad(p, w, "the all-zero MAC address cannot be an "
		           "interface's address");
	return 0;
}

/* ---- netns ------------------------------------------------------------- */

enum { NS_LIST = 1, NS_ADD, NS_DEL, NS_PIDS, NS_IDENTIFY, NS_EXEC };

static const struct keyword netns_verbs[] = {
	{ "list", NS_LIST, "list" }, { "show", NS_LIST, NULL }, { "lst", NS_LIST, NULL },
	{ "list-id", UNSUPPORTED, NULL }, { "help", UNSUPPORTED, NULL },
	{ "add", NS_ADD, "add" }, { "set", UNSUPPORTED, NULL }, { "delete", NS_DEL, "del" },
	{ "pids", NS_PIDS, "pids" }, { "identify", NS_IDENTIFY, "identify" },
	{ "monitor", UNSUPPORTED, NULL }, { "exec", NS_EXEC, "exec" },
	{ "attach", UNSUPPORTED, NULL },
	{ NULL, 0, NULL }
};


static int parse_object(struct parser *p);
static void cmd_init(struct cmd *c);

/* Words that, right after `netns exec NAME`, mean nsviz's own command
 * rather than a program: `ip` and the full object names. */
static bool runs_in_process(const char *prog)
{
	static const char *const words[] = {
		"ip", "link", "addr", "address", "route", "ping", "netns",
		"neigh", "neighbor", "neighbour", "sysctl", NULL
	};
	const char *const *w;

	for (w = words; *w; w++)
		if (!strcmp(prog, *w))
			return true;
	return false;
}

static int parse_words(struct parser *p, bool ip_seen);

/* `nsviz echo ...` and `nsviz send ...` after `netns exec NAME`: nsviz's
 * own commands (the canonical spelling of `-n NS echo|send`), run by this
 * nsviz rather than by a second one. */
static bool nsviz_own(const struct parser *p)
{
	return p->i + 1 < p->argc && !strcmp(p->argv[p->i], "nsviz") &&
	       (!strcmp(p->argv[p->i + 1], "echo") ||
	        !strcmp(p->argv[p->i + 1], "send"));
}

static int parse_exec(struct parser *p)
{
	struct cmd *c = p->c;
	const char *name, *prog;

	if (!more(p))
		return missing(p, "namespace name");
	name = next_word(p);
	if (take_nsname(p, name, c->name))
		return -1;
	if (!more(p))
		return missing(p, "program to run");
	prog = peek(p);

	if (!strcmp(prog, "ip") && p->i + 1 == p->argc) {
		char what[300];

		p->i++;
		snprintf(what, sizeof what, "command (%s)", objects_hint(p));
		return missing(p, what);
	}
	if (runs_in_process(prog) || nsviz_own(p)) {
		struct parser sp;
		struct cmd *sub = xcalloc(1, sizeof *sub);
		bool ip = !strcmp(prog, "ip");
		bool skip = ip || !strcmp(prog, "nsviz");

		cmd_init(sub);
		c->sub = sub;   /* owned from here on: cmd_free releases it */
		memset(&sp, 0, sizeof sp);
		sp.argc = p->argc - p->i - (skip ? 1 : 0);
		sp.argv = p->argv + p->i + (skip ? 1 : 0);
		sp.c = sub;
		sp.err = p->err;
		sp.errlen = p->errlen;
		if (ip) {
			if (parse_words(&sp, true))
				return -1;
		} else {
			if (parse_object(&sp))
				return -1;
		}
		switch (sub->verb) {
		case CMD_NETNS_ADD: case CMD_NETNS_DEL: case CMD_NETNS_PIDS:
		case CMD_NETNS_EXEC:
			return bad(p, sp.argv[sp.first], "netns commands cannot run "
			           "inside netns exec (namespace names are the same "
			           "in every namespace)");
		case CMD_ECHO_LIST: case CMD_ECHO_STOP: case CMD_ECHO_LOG:
			return bad(p, sp.argv[sp.first], "echo list, stop and log "
			           "cannot run inside netns exec (they cover the "
			           "servers of every namespace)");
		default:
			break;
		}
		if (sub->ns[0])
			return fail(p, "-n %s: not allowed inside netns exec %s "
			            "(the command already runs there)",
			            sub->ns, name);
		copy(sub->ns, sizeof sub->ns, name);
		p->i = p->argc;
		return 0;
	}

	c->exec_argc = p->argc - p->i;
	c->exec_argv = xcalloc((size_t)c->exec_argc + 1, sizeof *c->exec_argv);
	for (int k = 0; k < c->exec_argc; k++)
		c->exec_argv[k] = xstrdup(p->argv[p->i + k]);
	p->i = p->argc;
	return 0;
}

static int parse_netns(struct parser *p)
{
	struct cmd *c = p->c;
	const char *w, *full = NULL;
	int id;

	if (c->family)
		return bad(p, family_opt(c->family),
		           "not meaningful for netns commands");
	if (more(p)) {
		w = next_word(p);
		id = lookup(netns_verbs, w, &full);
	} else {
		w = full = "list";
		id = NS_LIST;
	}
	/* Names are the same in every namespace; only list (the ids are
	 * per namespace) and identify (it names where it runs) say
	 * something different from inside one. */
	if (c->ns[0] && id != NS_LIST && id != NS_IDENTIFY && id > 0)
		return fail(p, "-n %s: netns %s takes no -n (namespace names are "
		            "the same in every namespace)", c->ns, full);
	switch (id) {
	case NS_LIST:
		c->verb = CMD_NETNS_LIST;
		if (more(p) && take_nsname(p, next_word(p), c->name))
			return -1;
		break;
	case NS_ADD:
	case NS_DEL:
	case NS_PIDS:
		c->verb = id == NS_ADD ? CMD_NETNS_ADD :
		          id == NS_DEL ? CMD_NETNS_DEL : CMD_NETNS_PIDS;
		if (!more(p))
			return missing(p, "namespace name");
		if (take_nsname(p, peek(p), c->name) ||
		    (id == NS_ADD && check_new_name(p, peek(p), "namespace")))
			return -1;
		p->i++;
		break;
	case NS_IDENTIFY:
		c->verb = CMD_NETNS_IDENTIFY;
		if (more(p)) {
			unsigned long long v;
			const char *pid = next_word(p);

			if (!parse_u64(pid, INT_MAX, &v) || v == 0)
				return bad(p, pid, "not a process id (expected a "
				           "positive number like 1234)");
			c->pid = (pid_t)v;
		}
		break;
	case NS_EXEC:
		c->verb = CMD_NETNS_EXEC;
		return parse_exec(p);
	case UNSUPPORTED:
		return unsupported(p, "netns", w, full, hint(p, netns_verbs, NULL));
	default:
		return unknown(p, "netns", w, hint(p, netns_verbs, NULL));
	}
	if (more(p))
		return unexpected(p);
	return 0;
}

/* ---- link -------------------------------------------------------------- */

enum { LK_ADD = 1, LK_SET, LK_DEL, LK_SHOW };

static const struct keyword link_verbs[] = {
	{ "add", LK_ADD, "add" }, { "set", LK_SET, "set" }, { "change", LK_SET, NULL },
	{ "replace", UNSUPPORTED, NULL }, { "delete", LK_DEL, "del" },
	{ "show", LK_SHOW, "show" }, { "lst", LK_SHOW, NULL }, { "list", LK_SHOW, NULL },
	{ "xstats", UNSUPPORTED, NULL }, { "afstats", UNSUPPORTED, NULL },
	{ "property", UNSUPPORTED, NULL }, { "help", UNSUPPORTED, NULL },
	{ NULL, 0, NULL }
};


/* `[dev] NAME` where the name is optional (show) or required (del). */
static int parse_dev_name(struct parser *p, char *dst, bool required)
{
	if (more(p) && !strcmp(peek(p), "dev")) {
		p->i++;
		if (!more(p))
			return missing(p, "interface name");
	}
	if (!more(p))
		return required ? missing(p, "interface name") : 0;
	return take_ifname(p, next_word(p), dst);
}

/* Settings of the new link itself that nsviz leaves to `link set`. */
static bool later_setting(const char *w)
{
	return !strcmp(w, "up") || !strcmp(w, "down") || !strcmp(w, "mtu") ||
	       !strcmp(w, "netns") || abbrev(w, "address", 4) ||
	       !strcmp(w, "txqueuelen") || !strcmp(w, "qlen") ||
	       !strcmp(w, "master") || !strcmp(w, "nomaster");
}

#define LINK_TYPES "nsviz creates veth pairs and bridges"
#define LINK_ADD_FORMS "link add NAME type veth peer name PEER, " \
                       "or link add NAME type bridge"

/* After `link add NAME type bridge`: nothing more (no bridge options). */
static int parse_link_add_bridge(struct parser *p)
{
	const char *w;

	p->c->verb = CMD_LINK_ADD_BRIDGE;
	if (!more(p))
		return 0;
	w = peek(p);
	if (later_setting(w))
		return bad(p, w, "not supported in link add; set it afterwards "
		           "with link set");
	if (!strcmp(w, "peer"))
		return bad(p, w, "a bridge has no peer (only a veth pair has "
		           "one)");
	return bad(p, w, "bridge option not supported by nsviz (link add "
	           "NAME type bridge takes no options)");
}

static int parse_link_add(struct parser *p)
{
	struct cmd *c = p->c;
	const char *w, *v, *peer_word = NULL;
	bool have_name = false, have_peer = false, have_pns = false;

	c->verb = CMD_LINK_ADD_VETH;
	for (;;) {
		if (!more(p))
			return missing(p, have_name
			               ? "type veth or type bridge (" LINK_ADD_FORMS ")"
			               : "interface name");
		w = next_word(p);
		if (!strcmp(w, "name") || !strcmp(w, "dev")) {
			if (have_name)
				return twice(p, w);
			if (!(v = value(p, "interface name")) ||
			    take_ifname(p, v, c->name) ||
			    check_new_name(p, v, "interface"))
				return -1;
			have_name = true;
		} else if (!strcmp(w, "type")) {
			if (!have_name) {
				p->i--;
				return missing(p, "interface name (" LINK_ADD_FORMS ")");
			}
			if (!(v = value(p, "link type (veth or bridge)")))
				return -1;
			if (!strcmp(v, "bridge"))
				return parse_link_add_bridge(p);
			if (strcmp(v, "veth"))
				return bad(p, v, "link type not supported "
				           "(" LINK_TYPES ")");
			break;
		} else if (later_setting(w)) {
			return bad(p, w, "not supported in link add; set it "
			           "afterwards with link set");
		} else if (!have_name && !strcmp(w, "link") && more(p)) {
			/* iproute2's link add link DEV name NAME type vlan|... */
			return bad(p, w, "a link on top of another (link add "
			           "link DEV ...) is not supported by nsviz ("
			           LINK_TYPES ")");
		} else if (!have_name) {
			if (take_ifname(p, w, c->name) ||
			    check_new_name(p, w, "interface"))
				return -1;
			have_name = true;
		} else {
			p->i--;
			return unexpected(p);
		}
	}

	if (!more(p))
		return missing(p, "peer (add peer name PEER)");
	if (strcmp(peek(p), "peer"))
		return bad(p, peek(p), "unexpected argument after %s "
		           "(expected peer name PEER)", ctx(p));
	p->i++;
	while (more(p)) {
		w = next_word(p);
		if (!strcmp(w, "name")) {
			if (have_peer)
				return twice(p, w);
			if (!(v = value(p, "peer name")) ||
			    take_ifname(p, v, c->peer) ||
			    check_new_name(p, v, "interface"))
				return -1;
			peer_word = v;
			have_peer = true;
		} else if (!strcmp(w, "netns")) {
			if (have_pns)
				return twice(p, w);
			if (!(v = value(p, "namespace name")) ||
			    take_nsname(p, v, c->peer_ns))
				return -1;
			have_pns = true;
		} else if (later_setting(w)) {
			return bad(p, w, "not supported for the veth peer; set "
			           "it afterwards with link set");
		} else if (!have_peer) {
			if (take_ifname(p, w, c->peer) ||
			    check_new_name(p, w, "interface"))
				return -1;
			peer_word = w;
			have_peer = true;
		} else {
			p->i--;
			return unexpected(p);
		}
	}
	if (!have_peer)
		return missing(p, "peer name (peer name PEER)");
	if (!strcmp(c->name, c->peer) &&
	    (!c->peer_ns[0] || !strcmp(c->peer_ns, c->ns)))
		return bad(p, peer_word, "the peer cannot have the same name as "
		           "the interface in the same namespace");
	return 0;
}

static int parse_link_set(struct parser *p)
{
	struct cmd *c = p->c;
	struct cmd_link_set *s = &c->set;
	bool have_name = false;
	const char *w, *v;

	c->verb = CMD_LINK_SET;
	while (more(p)) {
		w = next_word(p);
		if (!strcmp(w, "dev")) {
			if (have_name)
				return twice(p, w);
			if (!(v = value(p, "interface name")) ||
			    take_ifname(p, v, c->name))
				return -1;
			have_name = true;
		} else if (!strcmp(w, "up") || !strcmp(w, "down")) {
			int up = w[0] == 'u';

			if (s->up == up)
				return twice(p, w);
			if (s->up != -1)
				return bad(p, w, "conflicts with %s",
				           s->up ? "up" : "down");
			s->up = up;
		} else if (!strcmp(w, "netns")) {
			if (s->has_netns)
				return twice(p, w);
			if (!(v = value(p, "namespace name")) ||
			    take_nsname(p, v, s->netns))
				return -1;
			s->has_netns = true;
		} else if (!strcmp(w, "mtu")) {
			if (s->has_mtu)
				return twice(p, w);
			if (!(v = value(p, "mtu value")) || parse_mtu(p, v, &s->mtu))
				return -1;
			s->has_mtu = true;
		} else if (abbrev(w, "address", 4)) {
			if (s->has_mac)
				return twice(p, w);
			if (!(v = value(p, "MAC address")) || parse_mac(p, v, s->mac))
				return -1;
			s->has_mac = true;
		} else if (!strcmp(w, "master")) {
			if (s->has_master)
				return twice(p, w);
			if (s->nomaster)
				return bad(p, w, "conflicts with nomaster");
			if (!(v = value(p, "bridge name")) ||
			    take_ifname(p, v, s->master))
				return -1;
			s->has_master = true;
		} else if (!strcmp(w, "nomaster")) {
			if (s->nomaster)
				return twice(p, w);
			if (s->has_master)
				return bad(p, w, "conflicts with master %s", s->master);
			s->nomaster = true;
		} else if (!strcmp(w, "name")) {
			return bad(p, w, "renaming interfaces is not supported by "
			           "nsviz (" LINK_SET_HINT ")");
		} else if (!have_name) {
			if (take_ifname(p, w, c->name))
				return -1;
			have_name = true;
		} else {
			return bad(p, w, "unknown link setting (" LINK_SET_HINT ")");
		}
	}
	if (!have_name)
		return missing(p, "interface name");
	if (s->up == -1 && !s->has_netns && !s->has_mtu && !s->has_mac &&
	    !s->has_master && !s->nomaster)
		return fail(p, "%s: nothing to change (" LINK_SET_HINT ")", ctx(p));
	/* the kernel would look the bridge up in the namespace the link
	 * moves to: two steps say what is meant */
	if (s->has_master && s->has_netns)
		return fail(p, "master %s: cannot be combined with netns (move "
		            "the interface first, then set its master there)",
		            s->master);
	if (s->has_master && !strcmp(s->master, c->name))
		return fail(p, "master %s: an interface cannot be its own master",
		            s->master);
	return 0;
}

static int parse_link(struct parser *p)
{
	struct cmd *c = p->c;
	const char *w, *full = NULL;
	int id;

	if (!more(p)) {
		c->verb = CMD_LINK_SHOW;
		return 0;
	}
	w = next_word(p);
	id = lookup(link_verbs, w, &full);
	switch (id) {
	case LK_ADD:
		return parse_link_add(p);
	case LK_SET:
		return parse_link_set(p);
	case LK_DEL:
		c->verb = CMD_LINK_DEL;
		if (parse_dev_name(p, c->name, true))
			return -1;
		break;
	case LK_SHOW:
		c->verb = CMD_LINK_SHOW;
		if (parse_dev_name(p, c->name, false))
			return -1;
		break;
	case UNSUPPORTED:
		return unsupported(p, "link", w, full, hint(p, link_verbs, NULL));
	default:
		return unknown(p, "link", w, hint(p, link_verbs, NULL));
	}
	if (more(p))
		return unexpected(p);
	return 0;
}

/* ---- addr -------------------------------------------------------------- */

enum { AD_ADD = 1, AD_DEL, AD_SHOW };

static const struct keyword addr_verbs[] = {
	{ "add", AD_ADD, "add" }, { "change", UNSUPPORTED, NULL }, { "replace", UNSUPPORTED, NULL },
	{ "delete", AD_DEL, "del" },
	{ "list", AD_SHOW, NULL }, { "show", AD_SHOW, "show" }, { "lst", AD_SHOW, NULL },
	{ "flush", UNSUPPORTED, NULL }, { "save", UNSUPPORTED, NULL },
	{ "showdump", UNSUPPORTED, NULL }, { "restore", UNSUPPORTED, NULL },
	{ "help", UNSUPPORTED, NULL },
	{ NULL, 0, NULL }
};


static bool addr_option(const char *w)
{
	static const char *const opts[] = {
		"peer", "broadcast", "brd", "label", "scope", "valid_lft",
		"preferred_lft", "metric", "noprefixroute", "home", "nodad",
		"mngtmpaddr", "autojoin", "anycast", "proto", NULL
	};
	const char *const *o;

	for (o = opts; *o; o++)
		if (!strcmp(w, *o))
			return true;
	return false;
}

static int parse_addr_change(struct parser *p, bool add)
{
	struct cmd *c = p->c;
	bool have_addr = false, have_dev = false;
	const char *w, *v;
	int len = -1;

	c->verb = add ? CMD_ADDR_ADD : CMD_ADDR_DEL;
	while (more(p)) {
		w = next_word(p);
		if (!strcmp(w, "dev")) {
			if (have_dev)
				return twice(p, w);
			if (!(v = value(p, "interface name")) ||
			    take_ifname(p, v, c->dev))
				return -1;
			have_dev = true;
		} else if (!strcmp(w, "local")) {
			if (have_addr)
				return twice(p, w);
			if (!(v = value(p, "address")) ||
			    parse_prefix(p, v, &c->addr, &len, c->family))
				return -1;
			have_addr = true;
		} else if (addr_option(w)) {
			return bad(p, w, "address option not supported by nsviz "
			           "(expected ADDRESS/LEN dev NAME)");
		} else if (!have_addr) {
			if (parse_prefix(p, w, &c->addr, &len, c->family))
				return -1;
			have_addr = true;
		} else {
			p->i--;
			return unexpected(p);
		}
	}
	if (!have_addr)
		return missing(p, "address (like 10.0.1.1/24)");
	if (!have_dev)
		return missing(p, "dev NAME (the interface the address is on)");
	c->prefixlen = len >= 0 ? len : c->addr.family == AF_INET6 ? 128 : 32;
	return 0;
}

static int parse_addr(struct parser *p)
{
	struct cmd *c = p->c;
	const char *w, *full = NULL;
	int id;

	if (!more(p)) {
		c->verb = CMD_ADDR_SHOW;
		return 0;
	}
	w = next_word(p);
	id = lookup(addr_verbs, w, &full);
	switch (id) {
	case AD_ADD:
	case AD_DEL:
		return parse_addr_change(p, id == AD_ADD);
	case AD_SHOW:
		c->verb = CMD_ADDR_SHOW;
		if (parse_dev_name(p, c->name, false))
			return -1;
		/* the device, in both places readers may look for it */
		copy(c->dev, sizeof c->dev, c->name);
		break;
	case UNSUPPORTED:
		return unsupported(p, "addr", w, full, hint(p, addr_verbs, NULL));
	default:
		return unknown(p, "addr", w, hint(p, addr_verbs, NULL));
	}
	if (more(p))
		return unexpected(p);
	return 0;
}

/* ---- route ------------------------------------------------------------- */

enum { RT_ADD = 1, RT_DEL, RT_SHOW, RT_GET };

static const struct keyword route_verbs[] = {
	{ "add", RT_ADD, "add" }, { "change", UNSUPPORTED, NULL }, { "replace", UNSUPPORTED, NULL },
	{ "prepend", UNSUPPORTED, NULL }, { "append", UNSUPPORTED, NULL },
	{ "test", UNSUPPORTED, NULL }, { "delete", RT_DEL, "del" },
	{ "list", RT_SHOW, NULL }, { "show", RT_SHOW, "show" }, { "lst", RT_SHOW, NULL },
	{ "get", RT_GET, "get" }, { "flush", UNSUPPORTED, NULL }, { "save", UNSUPPORTED, NULL },
	{ "restore", UNSUPPORTED, NULL }, { "showdump", UNSUPPORTED, NULL },
	{ "help", UNSUPPORTED, NULL },
	{ NULL, 0, NULL }
};


static bool route_option(const char *w)
{
	static const char *const opts[] = {
		"proto", "protocol", "onlink", "nexthop", "nhid", "mtu", "advmss",
		"type", "realm", "realms", "tos", "dsfield", "expires", "encap",
		"from", "pref", "rtt", "rttvar", "window", "cwnd", "initcwnd",
		"initrwnd", "hoplimit", "reordering", "features", "quickack",
		"congctl", "fastopen_no_cookie", "ttl-propagate", "vrf", "as",
		"unicast", "local", "broadcast", "multicast", "blackhole",
		"unreachable", "prohibit", "throw", "nat", NULL
	};
	const char *const *o;

	for (o = opts; *o; o++)
		if (!strcmp(w, *o))
			return true;
	return false;
}

static int parse_scope(struct parser *p, const char *w, int *scope)
{
	static const struct { const char *name; int scope; } names[] = {
		{ "global", RT_SCOPE_UNIVERSE }, { "site", RT_SCOPE_SITE },
		{ "link", RT_SCOPE_LINK }, { "host", RT_SCOPE_HOST },
		{ "nowhere", RT_SCOPE_NOWHERE },
	};
	unsigned long long v;
	size_t k;

	for (k = 0; k < sizeof names / sizeof names[0]; k++) {
		if (!strcmp(w, names[k].name)) {
			*scope = names[k].scope;
			return 0;
		}
	}
	if (!parse_u64(w, 255, &v))
		return bad(p, w, "not a route scope (expected link, host, global "
		           "or a number 0..255)");
	*scope = (int)v;
	return 0;
}

/* Only the main table: nsviz shows and changes nothing else. */
static int parse_table(struct parser *p, const char *w)
{
	if (!strcmp(w, "main") || !strcmp(w, "254"))
		return 0;
	return bad(p, w, "only table main is supported by nsviz");
}

static int parse_route_change(struct parser *p, bool add)
{
	struct cmd *c = p->c;
	struct cmd_route *r = &c->route;
	const char *w, *v, *dst_word = NULL, *via_word = NULL, *src_word = NULL;
	bool have_table = false;

	c->verb = add ? CMD_ROUTE_ADD : CMD_ROUTE_DEL;
	while (more(p)) {
		w = next_word(p);
		if (!strcmp(w, "via")) {
			if (r->has_via)
				return twice(p, w);
			if (!(v = value(p, "gateway address")) ||
			    parse_ip(p, v, &r->via, c->family))
				return -1;
			r->has_via = true;
			via_word = v;
		} else if (!strcmp(w, "dev") || !strcmp(w, "oif")) {
			if (r->has_dev)
				return twice(p, w);
			if (!(v = value(p, "interface name")) ||
			    take_ifname(p, v, r->dev))
				return -1;
			r->has_dev = true;
		} else if (abbrev(w, "scope", 2)) {
			if (r->scope != -1)
				return twice(p, w);
			if (!(v = value(p, "scope")) || parse_scope(p, v, &r->scope))
				return -1;
		} else if (!strcmp(w, "src")) {
			if (r->has_src)
				return twice(p, w);
			if (!(v = value(p, "source address")) ||
			    parse_ip(p, v, &r->src, c->family))
				return -1;
			r->has_src = true;
			src_word = v;
		} else if (!strcmp(w, "metric") || !strcmp(w, "priority") ||
		           !strcmp(w, "preference")) {
			unsigned long long m;

			if (r->has_metric)
				return twice(p, w);
			if (!(v = value(p, "metric value")))
				return -1;
			if (!parse_u64(v, UINT32_MAX, &m))
				return bad(p, v, "%s must be a number (0..4294967295)", w);
			r->metric = (uint32_t)m;
			r->has_metric = true;
		} else if (abbrev(w, "table", 2)) {
			if (have_table)
				return twice(p, w);
			if (!(v = value(p, "table")) || parse_table(p, v))
				return -1;
			have_table = true;
		} else if (route_option(w)) {
			return bad(p, w, "route option not supported by nsviz "
			           "(expected via, dev, scope, src or metric)");
		} else if (!dst_word) {
			if (!strcmp(w, "to")) {
				if (!(w = value(p, "destination")))
					return -1;
			}
			dst_word = w;
			if (!strcmp(w, "default")) {
				r->is_default = true;
				r->dst_len = 0;
			} else if (parse_prefix(p, w, &r->dst, &r->dst_len,
			                        c->family)) {
				return -1;
			}
		} else {
			p->i--;
			return unexpected(p);
		}
	}
	if (!dst_word)
		return missing(p, "destination (a prefix like 10.0.2.0/24, "
		               "or default)");

	if (r->is_default) {
		int fam = c->family ? c->family :
		          r->has_via ? r->via.family :
		          r->has_src ? r->src.family : AF_INET;
		memset(&r->dst, 0, sizeof r->dst);
		r->dst.family = fam;
	}
	if (r->has_via && r->via.family != r->dst.family)
		return bad(p, via_word, "gateway is %s but the destination %s is %s",
		           family_name(r->via.family), dst_word,
		           family_name(r->dst.family));
	if (r->has_src && r->src.family != r->dst.family)
		return bad(p, src_word, "source is %s but the destination %s is %s",
		           family_name(r->src.family), dst_word,
		           family_name(r->dst.family));
	if (add && !r->has_via && !r->has_dev)
		return bad(p, dst_word, "route needs a gateway (via ADDR) or a "
		           "device (dev NAME)");

	/* The kernel refuses 10.0.2.1/24 for IPv4; say what was meant. */
	if (r->dst.family == AF_INET && r->dst_len >= 0 && r->dst_len < 32 &&
	    !r->is_default) {
		uint32_t a, mask;
		char net[INET_ADDRSTRLEN];
		struct in_addr in;

		memcpy(&a, r->dst.a, 4);
		a = ntohl(a);
		mask = r->dst_len ? ~0u << (32 - r->dst_len) : 0;
		if (a & ~mask) {
			in.s_addr = htonl(a & mask);
			inet_ntop(AF_INET, &in, net, sizeof net);
			return bad(p, dst_word, "host bits set for a /%d prefix "
			           "(did you mean %s/%d?)", r->dst_len, net,
			           r->dst_len);
		}
	}
	return 0;
}

static int parse_route(struct parser *p)
{
	struct cmd *c = p->c;
	const char *w, *v, *full = NULL;
	int id;

	if (!more(p)) {
		c->verb = CMD_ROUTE_SHOW;
		return 0;
	}
	w = next_word(p);
	id = lookup(route_verbs, w, &full);
	switch (id) {
	case RT_ADD:
	case RT_DEL:
		return parse_route_change(p, id == RT_ADD);
	case RT_SHOW:
		c->verb = CMD_ROUTE_SHOW;
		if (more(p) && abbrev(peek(p), "table", 2)) {
			p->i++;
			if (!(v = value(p, "table")) || parse_table(p, v))
				return -1;
		}
		break;
	case RT_GET:
		c->verb = CMD_ROUTE_GET;
		if (more(p) && !strcmp(peek(p), "to"))
			p->i++;
		if (!more(p))
			return missing(p, "address");
		if (parse_ip(p, next_word(p), &c->route.dst, c->family))
			return -1;
		c->route.dst_len = -1;
		break;
	case UNSUPPORTED:
		return unsupported(p, "route", w, full, hint(p, route_verbs, NULL));
	default:
		return unknown(p, "route", w, hint(p, route_verbs, NULL));
	}
	if (more(p))
		return unexpected(p);
	return 0;
}

/* ---- ping -------------------------------------------------------------- */

static int parse_seconds(struct parser *p, const char *w, const char *what,
                         double min, double *out)
{
	char *end;
	double v;

	if (!*w || strspn(w, "0123456789.") != strlen(w))
		return bad(p, w, "%s must be a number of seconds", what);
	errno = 0;
	v = strtod(w, &end);
	if (errno || *end || !isfinite(v))
		return bad(p, w, "%s must be a number of seconds", what);
	if (v < min || v <= 0 || v > PING_SECONDS_MAX)
		return bad(p, w, "%s out of range (%g..%g seconds)", what,
		           min > 0 ? min : 0.001, PING_SECONDS_MAX);
	*out = v;
	return 0;
}

#define PING_HINT "nsviz's ping takes -c COUNT, -W SECONDS and -i SECONDS"

static int parse_ping(struct parser *p)
{
	struct cmd *c = p->c;
	bool have_target = false, have_c = false, have_w = false, have_i = false;
	const char *w, *v;

	c->verb = CMD_PING;
	if (c->family)
		return bad(p, family_opt(c->family), "not meaningful for ping "
		           "(the address says which family)");
	while (more(p)) {
		w = next_word(p);
		if (w[0] == '-' && w[1]) {
			char opt = w[1];
			bool *seen = opt == 'c' ? &have_c : opt == 'W' ? &have_w :
			             opt == 'i' ? &have_i : NULL;
			char name[3] = { '-', opt, '\0' };

			if (!seen)
				return bad(p, w, "ping option not supported (" PING_HINT ")");
			if (*seen)
				return twice(p, name);
			*seen = true;
			/* -c10 and -c 10 both work, as in iputils */
			if (w[2])
				v = w + 2;
			else if (!(v = value(p, opt == 'c' ? "count" : "seconds")))
				return -1;
			if (opt == 'c') {
				unsigned long long n;

				if (!parse_u64(v, INT_MAX, &n) || n == 0)
					return bad(p, v, "ping count must be a positive "
					           "number");
				c->count = (int)n;
			} else if (opt == 'W') {
				if (parse_seconds(p, v, "wait (-W)", 0, &c->wait))
					return -1;
			} else if (parse_seconds(p, v, "interval (-i)",
			                         PING_INTERVAL_MIN, &c->interval)) {
				return -1;
			}
		} else if (!have_target) {
			/* ADDR%IF: the interface a link-local address is on,
			 * as iputils takes it */
			const char *pct = strchr(w, '%');
			char text[64];

			if (pct && !strchr(w, '/')) {  /* a /LEN: parse_ip says */
				size_t alen = (size_t)(pct - w);

				if (!pct[1] || strlen(pct + 1) >= W_IFNAMSIZ)
					return bad(p, w, "expected ADDRESS%%INTERFACE "
					           "(an interface name of at most 15 "
					           "characters)");
				if (alen >= sizeof text)
					alen = sizeof text - 1;
				memcpy(text, w, alen);
				text[alen] = '\0';
				if (parse_addr_text(p, w, text, &c->target, 0))
					return -1;
				if (c->target.family != AF_INET6 ||
				    !(w_ip_link_local(&c->target) ||
				      (c->target.a[0] == 0xff &&
				       (c->target.a[1] & 0x0f) == 0x02)))
					return bad(p, w, "a %%INTERFACE zone is for "
					           "IPv6 link-local addresses");
				snprintf(c->dev, sizeof c->dev, "%s", pct + 1);
			} else if (parse_ip(p, w, &c->target, 0)) {
				return -1;
			}
			have_target = true;
		} else {
			p->i--;
			return unexpected(p);
		}
	}
	if (!have_target)
		return missing(p, "address to ping");
	return 0;
}

/* ---- echo and send: nsviz's own ------------------------------------------ */

#define ECHO_HINT "expected tcp, udp, list, stop ID or log ID"
#define ECHO_OPT_HINT "expected port P, bind ADDR, idle SECONDS, " \
                      "max-conns N or max-msg BYTES"

/* `port` and `--port` alike: `nsviz echo` takes the same words. */
static const char *optword(const char *w)
{
	return w[0] == '-' && w[1] == '-' && w[2] ? w + 2 : w;
}

static int parse_proto(struct parser *p, const char *w, int *proto)
{
	if (!strcmp(w, "tcp"))
		*proto = ECHO_TCP;
	else if (!strcmp(w, "udp"))
		*proto = ECHO_UDP;
	else
		return bad(p, w, "unknown protocol (expected tcp or udp)");
	return 0;
}

static int parse_port(struct parser *p, const char *w, unsigned *port)
{
	unsigned long long v;

	if (!parse_u64(w, 65535, &v) || v == 0)
		return bad(p, w, "not a port (expected a number 1..65535)");
	*port = (unsigned)v;
	return 0;
}

static int parse_unsigned(struct parser *p, const char *w, const char *what,
                          unsigned min, unsigned max, unsigned *out)
{
	unsigned long long v;

	if (!parse_u64(w, max, &v) || v < min)
		return bad(p, w, "%s must be a number %u..%u", what, min, max);
	*out = (unsigned)v;
	return 0;
}

/* Seconds, 0.001..86400; 0 too when zero means "never". */
static int parse_echo_secs(struct parser *p, const char *w, const char *what,
                           bool zero_ok, double *out)
{
	char *end;
	double v;

	if (!*w || strspn(w, "0123456789.") != strlen(w))
		return bad(p, w, "%s must be a number of seconds", what);
	errno = 0;
	v = strtod(w, &end);
	if (errno || *end || !isfinite(v))
		return bad(p, w, "%s must be a number of seconds", what);
	if ((v == 0 && !zero_ok) || (v > 0 && v < 0.001) ||
	    v > ECHO_SECONDS_MAX)
		return bad(p, w, "%s out of range (%s0.001..%g seconds)", what,
		           zero_ok ? "0 = never, or " : "", ECHO_SECONDS_MAX);
	*out = v;
	return 0;
}

static int parse_echo_start(struct parser *p, const char *proto)
{
	struct cmd *c = p->c;
	struct cmd_echo *e = &c->echo;
	bool have_port = false, have_idle = false, have_conns = false,
	     have_msg = false;
	const char *w, *o, *v;

	c->verb = CMD_ECHO_START;
	if (parse_proto(p, proto, &e->proto))
		return -1;
	while (more(p)) {
		w = next_word(p);
		o = optword(w);
		if (!strcmp(o, "port")) {
			if (have_port)
				return twice(p, w);
			if (!(v = value(p, "port number")) ||
			    parse_port(p, v, &e->port))
				return -1;
			have_port = true;
		} else if (!strcmp(o, "bind")) {
			if (e->has_bind)
				return twice(p, w);
			if (!(v = value(p, "address to listen at")) ||
			    parse_ip(p, v, &e->bind, 0))
				return -1;
			e->has_bind = true;
		} else if (!strcmp(o, "idle")) {
			if (have_idle)
				return twice(p, w);
			if (!(v = value(p, "seconds")) ||
			    parse_echo_secs(p, v, "idle", true, &e->idle))
				return -1;
			have_idle = true;
		} else if (!strcmp(o, "max-conns")) {
			if (have_conns)
				return twice(p, w);
			if (!(v = value(p, "number of connections")) ||
			    parse_unsigned(p, v, "max-conns", 1,
			                   ECHO_MAX_CONNS_MAX, &e->max_conns))
				return -1;
			have_conns = true;
		} else if (!strcmp(o, "max-msg")) {
			if (have_msg)
				return twice(p, w);
			if (!(v = value(p, "bytes")) ||
			    parse_unsigned(p, v, "max-msg", 1, ECHO_MAX_MSG_MAX,
			                   &e->max_msg))
				return -1;
			have_msg = true;
		} else if (!have_port && w[0] >= '0' && w[0] <= '9') {
			/* `echo tcp 4078` */
			if (parse_port(p, w, &e->port))
				return -1;
			have_port = true;
		} else {
			return bad(p, w, "unknown echo option (" ECHO_OPT_HINT ")");
		}
	}
	return 0;
}

static int parse_echo(struct parser *p)
{
	struct cmd *c = p->c;
	const char *w;

	if (c->family)
		return bad(p, family_opt(c->family), "not meaningful for echo "
		           "(the address to listen at says which family)");
	if (!more(p))
		return missing(p, "protocol (" ECHO_HINT ")");
	w = next_word(p);
	if (!strcmp(w, "tcp") || !strcmp(w, "udp"))
		return parse_echo_start(p, w);
	if (!strcmp(w, "list") || !strcmp(w, "show") || !strcmp(w, "ls"))
		c->verb = CMD_ECHO_LIST;
	else if (!strcmp(w, "stop"))
		c->verb = CMD_ECHO_STOP;
	else if (!strcmp(w, "log"))
		c->verb = CMD_ECHO_LOG;
	else
		return bad(p, w, "unknown echo command (" ECHO_HINT ")");
	if (c->ns[0])
		return fail(p, "-n %s: echo %s takes no -n (it covers the "
		            "servers of every namespace)", c->ns, w);
	if (c->verb != CMD_ECHO_LIST) {
		const char *id;
		unsigned long long v;

		if (!more(p))
			return missing(p, "server id (a number from echo list)");
		id = next_word(p);
		if (!parse_u64(id, INT_MAX, &v) || v == 0)
			return bad(p, id, "not an echo server id (expected a "
			           "number from echo list)");
		c->echo.id = (unsigned)v;
	}
	if (more(p))
		return unexpected(p);
	return 0;
}

#define SEND_HINT "send tcp|udp ADDR PORT MESSAGE [timeout SECONDS]"

static int parse_send(struct parser *p)
{
	struct cmd *c = p->c;
	struct cmd_echo *e = &c->echo;
	bool have_timeout = false;
	int have = 0;           /* protocol, address, port, message */
	const char *w, *v;

	c->verb = CMD_SEND;
	if (c->family)
		return bad(p, family_opt(c->family), "not meaningful for send "
		           "(the address says which family)");
	while (more(p)) {
		w = next_word(p);
		if ((have == 0 || have == 4) && !strcmp(optword(w), "timeout")) {
			if (have_timeout)
				return twice(p, w);
			if (!(v = value(p, "seconds")) ||
			    parse_echo_secs(p, v, "timeout", false, &e->timeout))
				return -1;
			have_timeout = true;
		} else if (have == 0 && (!strcmp(w, "-n") ||
		                         !strcmp(w, "--netns") ||
		                         !strcmp(w, "-netns"))) {
			/* `nsviz send -n NS ...` */
			if (c->ns[0])
				return twice(p, w);
			if (!(v = value(p, "namespace name")) ||
			    take_nsname(p, v, c->ns))
				return -1;
		} else if (have == 0) {
			if (parse_proto(p, w, &e->proto))
				return -1;
			have++;
		} else if (have == 1) {
			if (parse_ip(p, w, &e->dst, 0))
				return -1;
			have++;
		} else if (have == 2) {
			if (parse_port(p, w, &e->port))
				return -1;
			have++;
		} else if (have == 3) {
			if (strlen(w) > ECHO_MESSAGE_MAX)
				return bad(p, w, "message longer than %d bytes",
				           ECHO_MESSAGE_MAX);
			e->message = xstrdup(w);
			have++;
		} else {
			p->i--;
			return unexpected(p);
		}
	}
	if (have < 4)
		return missing(p, have == 0 ? "protocol (" SEND_HINT ")" :
		                  have == 1 ? "address to send to (" SEND_HINT ")" :
		                  have == 2 ? "port (" SEND_HINT ")" :
		                  "message (" SEND_HINT "; quote it when it has "
		                  "blanks)");
	return 0;
}

/* ---- neigh ------------------------------------------------------------- */

enum { NB_SHOW = 1 };

/* iproute2's order: `s` is show, `l` is lst, `d` is delete, `g` get */
static const struct keyword neigh_verbs[] = {
	{ "add", UNSUPPORTED, NULL }, { "change", UNSUPPORTED, NULL }, { "chg", UNSUPPORTED, NULL },
	{ "replace", UNSUPPORTED, NULL }, { "delete", UNSUPPORTED, NULL },
	{ "get", UNSUPPORTED, NULL }, { "show", NB_SHOW, NULL }, { "lst", NB_SHOW, NULL },
	{ "list", NB_SHOW, NULL }, { "flush", UNSUPPORTED, NULL }, { "help", UNSUPPORTED, NULL },
	{ NULL, 0, NULL }
};

#define NEIGH_HINT "nsviz shows the table: neigh show [dev NAME]"

static int parse_neigh(struct parser *p)
{
	struct cmd *c = p->c;
	const char *w, *v, *full = NULL;
	bool have_dev = false;
	int id;

	c->verb = CMD_NEIGH_SHOW;
	if (!more(p))
		return 0;
	w = next_word(p);
	id = lookup(neigh_verbs, w, &full);
	switch (id) {
	case NB_SHOW:
		break;
	case UNSUPPORTED:
		return unsupported(p, "neigh", w, full, NEIGH_HINT);
	default:
		return unknown(p, "neigh", w, NEIGH_HINT);
	}
	while (more(p)) {
		w = next_word(p);
		if (!strcmp(w, "dev")) {
			if (have_dev)
				return twice(p, w);
			if (!(v = value(p, "interface name")) ||
			    take_ifname(p, v, c->name))
				return -1;
			have_dev = true;
		} else if (!strcmp(w, "proxy") || !strcmp(w, "nud") ||
		           !strcmp(w, "to") || !strcmp(w, "vrf") ||
		           !strcmp(w, "nomaster") || !strcmp(w, "master") ||
		           !strcmp(w, "unused")) {
			return bad(p, w, "neigh show option not supported by nsviz "
			           "(expected dev NAME)");
		} else {
			p->i--;
			return bad(p, w, "unexpected argument after %s (expected "
			           "dev NAME)", ctx(p));
		}
	}
	return 0;
}

/* ---- sysctl: per network namespace ------------------------------------- */

#define SYSCTL_HINT "sysctl [-w] KEY[=VALUE], like sysctl -w " \
                    "net.ipv4.ip_forward=1"

/* A key the way sysctl(8) writes it, dots between the parts; only keys
 * under net. belong to a network namespace.  The kernel's /proc/sys
 * names decide the rest (exec: "no such sysctl"). */
static int parse_sysctl_key(struct parser *p, const char *word,
                            const char *key, size_t len)
{
	size_t k;

	if (!len)
		return bad(p, word, "malformed setting: the key before '=' is "
		           "empty (" SYSCTL_HINT ")");
	if (len >= CMD_SYSCTL_KEY_MAX)
		return bad(p, word, "sysctl key longer than %d characters",
		           CMD_SYSCTL_KEY_MAX - 1);
	for (k = 0; k < len; k++) {
		unsigned char ch = (unsigned char)key[k];

		if (ch == '/')
			return bad(p, word, "sysctl key must not contain '/' "
			           "(write it with dots, like "
			           "net.ipv4.ip_forward)");
		if (ch == ' ')
			return bad(p, word, "sysctl key must not contain blanks "
			           "(%s)", SYSCTL_HINT);
		if (ch < 0x20 || ch == 0x7f) {
			char hex[8];

			snprintf(hex, sizeof hex, "\\x%02x", ch);
			return bad(p, word, "sysctl key must not contain control "
			           "character %s", hex);
		}
	}
	if (key[0] == '.' || key[len - 1] == '.' ||
	    memmem(key, len, "..", 2))
		return bad(p, word, "not a sysctl key (empty part between dots)");
	if (len == 3 && !strncmp(key, "net", 3))
		return bad(p, word, "names every network sysctl; give one key, "
		           "like net.ipv4.ip_forward");
	if (len < 5 || strncmp(key, "net.", 4))
		return bad(p, word, "not a network sysctl (nsviz reads and sets "
		           "net.* keys only: they belong to a network "
		           "namespace)");
	memcpy(p->c->sysctl.key, key, len);
	p->c->sysctl.key[len] = '\0';
	return 0;
}

static int parse_sysctl_setting(struct parser *p, const char *w, bool dash_w)
{
	struct cmd_sysctl *s = &p->c->sysctl;
	const char *eq = strchr(w, '='), *val;
	size_t vlen;

	if (!eq) {
		if (dash_w)
			return bad(p, w, "malformed setting: -w needs KEY=VALUE, "
			           "without blanks around '=' (like "
			           "net.ipv4.ip_forward=1)");
		return parse_sysctl_key(p, w, w, strlen(w));
	}
	if (parse_sysctl_key(p, w, w, (size_t)(eq - w)))
		return -1;
	val = eq + 1;
	vlen = strlen(val);
	if (!vlen)
		return bad(p, w, "malformed setting: the value after '=' is "
		           "empty (like net.ipv4.ip_forward=1)");
	if (vlen >= CMD_SYSCTL_VALUE_MAX)
		return bad(p, w, "value longer than %d characters",
		           CMD_SYSCTL_VALUE_MAX - 1);
	for (size_t k = 0; k < vlen; k++)
		if (iscntrl((unsigned char)val[k]) && val[k] != '\t')
			return bad(p, w, "the value must not contain a newline "
			           "or control characters");
	memcpy(s->value, val, vlen + 1);
	s->write = true;
	return 0;
}

/* sysctl [-w] [-n] [-q] KEY[=VALUE], flags as sysctl(8) takes them (also
 * together: -wq).  Like sysctl(8), KEY=VALUE writes even without -w. */
static int parse_sysctl(struct parser *p)
{
	struct cmd *c = p->c;
	struct cmd_sysctl *s = &c->sysctl;
	bool dash_w = false, have_key = false;
	const char *w;

	c->verb = CMD_SYSCTL;
	if (c->family)
		return bad(p, family_opt(c->family), "not meaningful for sysctl "
		           "(the key says which family)");
	while (more(p)) {
		w = next_word(p);
		if (w[0] == '-' && w[1] && !have_key) {
			for (const char *f = w + 1; *f; f++) {
				bool *flag = *f == 'w' ? &dash_w :
				             *f == 'n' ? &s->values_only :
				             *f == 'q' ? &s->quiet : NULL;
				char name[3] = { '-', *f, '\0' };

				if (!flag)
					return bad(p, w, "sysctl option not supported "
					           "(nsviz's sysctl takes -w, -n and "
					           "-q)");
				if (*flag)
					return twice(p, name);
				*flag = true;
			}
		} else if (!have_key) {
			/* `sysctl -n NS KEY`: sysctl(8)'s -n, not ip's */
			if (s->values_only && !strchr(w, '.') && !strchr(w, '='))
				return bad(p, w, "not a sysctl key (-n after sysctl "
				           "means values only, as in sysctl(8); a "
				           "namespace goes first: -n NS sysctl KEY)");
			if (parse_sysctl_setting(p, w, dash_w))
				return -1;
			have_key = true;
		} else {
			p->i--;
			return unexpected(p);
		}
	}
	if (!have_key)
		return missing(p, dash_w ? "KEY=VALUE (like "
		                           "net.ipv4.ip_forward=1)"
		                         : "key (like net.ipv4.ip_forward)");
	return 0;
}

/* ---- objects ----------------------------------------------------------- */

enum { OB_NETNS = 1, OB_LINK, OB_ADDR, OB_ROUTE, OB_MONITOR, OB_NEIGH };

/* iproute2's object table, in its order, so abbreviations agree. */
static const struct keyword objects[] = {
	{ "address", OB_ADDR, "addr" }, { "addrlabel", UNSUPPORTED, NULL },
	{ "maddress", UNSUPPORTED, NULL }, { "route", OB_ROUTE, "route" },
	{ "rule", UNSUPPORTED, NULL }, { "neighbor", OB_NEIGH, "neigh" },
	{ "neighbour", OB_NEIGH, NULL }, { "ntable", UNSUPPORTED, NULL },
	{ "ntbl", UNSUPPORTED, NULL }, { "link", OB_LINK, "link" },
	{ "l2tp", UNSUPPORTED, NULL }, { "fou", UNSUPPORTED, NULL }, { "ila", UNSUPPORTED, NULL },
	{ "macsec", UNSUPPORTED, NULL }, { "tunnel", UNSUPPORTED, NULL },
	{ "tunl", UNSUPPORTED, NULL }, { "tuntap", UNSUPPORTED, NULL },
	{ "tap", UNSUPPORTED, NULL }, { "token", UNSUPPORTED, NULL },
	{ "tcpmetrics", UNSUPPORTED, NULL }, { "tcp_metrics", UNSUPPORTED, NULL },
	{ "monitor", OB_MONITOR, NULL }, { "xfrm", UNSUPPORTED, NULL },
	{ "mroute", UNSUPPORTED, NULL }, { "mrule", UNSUPPORTED, NULL },
	{ "netns", OB_NETNS, "netns" }, { "netconf", UNSUPPORTED, NULL },
	{ "vrf", UNSUPPORTED, NULL }, { "sr", UNSUPPORTED, NULL },
	{ "nexthop", UNSUPPORTED, NULL }, { "mptcp", UNSUPPORTED, NULL },
	{ "ioam", UNSUPPORTED, NULL }, { "stats", UNSUPPORTED, NULL },
	{ "help", UNSUPPORTED, NULL },
	{ NULL, 0, NULL }
};

/* nsviz's own commands: never abbreviated */
enum { OWN_PING = 1, OWN_ECHO, OWN_SEND, OWN_SYSCTL };

static const struct keyword own_commands[] = {
	{ "ping", OWN_PING, "ping" }, { "echo", OWN_ECHO, "echo" },
	{ "send", OWN_SEND, "send" }, { "sysctl", OWN_SYSCTL, "sysctl" },
	{ NULL, 0, NULL }
};

static const char *objects_hint(struct parser *p)
{
	return hint(p, objects, own_commands);
}

/* The object word and what follows it. */
static int parse_object(struct parser *p)
{
	const char *w, *full = NULL;
	int id;

	p->first = p->i;
	w = next_word(p);
	for (const struct keyword *k = own_commands; k->kw; k++) {
		if (strcmp(w, k->kw))
			continue;
		switch (k->id) {
		case OWN_PING: return parse_ping(p);
		case OWN_ECHO: return parse_echo(p);
		case OWN_SEND: return parse_send(p);
		default: return parse_sysctl(p);
		}
	}
	id = lookup(objects, w, &full);
	switch (id) {
	case OB_NETNS:
		return parse_netns(p);
	case OB_LINK:
		return parse_link(p);
	case OB_ADDR:
		return parse_addr(p);
	case OB_ROUTE:
		return parse_route(p);
	case OB_NEIGH:
		return parse_neigh(p);
	case OB_MONITOR:
		return bad(p, w, "not a command here; run nsviz monitor to watch "
		           "kernel events");
	case UNSUPPORTED:
		return unsupported(p, "", w, full, objects_hint(p));
	default:
		return bad(p, w, "unknown command (%s)", objects_hint(p));
	}
}

/* [ip|nsviz] [-n NS] [-4|-6] OBJECT ... (a leading `nsviz` so that the
 * canonical `nsviz echo list` reads back) */
static int parse_words(struct parser *p, bool ip_seen)
{
	struct cmd *c = p->c;

	p->first = 0;
	if (!ip_seen && more(p) &&
	    (!strcmp(peek(p), "ip") || !strcmp(peek(p), "nsviz")))
		p->i++;
	while (more(p) && peek(p)[0] == '-' && peek(p)[1]) {
		const char *o = next_word(p), *opt = o;

		if (o[1] == '-' && o[2])
			opt = o + 1;    /* --netns, as iproute2 allows */
		if (!strcmp(opt, "-4") || !strcmp(opt, "-6") ||
		    abbrev(opt, "-family", 2)) {
			int fam;

			if (opt[1] == 'f') {
				const char *v = value(p, "family (inet or inet6)");

				if (!v)
					return -1;
				if (!strcmp(v, "inet"))
					fam = AF_INET;
				else if (!strcmp(v, "inet6"))
					fam = AF_INET6;
				else
					return bad(p, v, "family not supported "
					           "(expected inet or inet6)");
			} else {
				fam = opt[1] == '4' ? AF_INET : AF_INET6;
			}
			if (c->family && c->family != fam)
				return bad(p, o, "conflicts with %s",
				           family_opt(c->family));
			c->family = fam;
		} else if (!strcmp(opt, "-0")) {
			if (c->family && c->family != AF_PACKET)
				return bad(p, o, "conflicts with %s",
				           family_opt(c->family));
			c->family = AF_PACKET;
		} else if (abbrev(opt, "-brief", 3)) {
			c->opts.brief = true;
		} else if (matches(opt, "-stats") ||
		           matches(opt, "-statistics")) {
			c->opts.stats++;
		} else if (matches(opt, "-details")) {
			c->opts.details = true;
		} else if (matches(opt, "-oneline")) {
			c->opts.oneline = true;
		} else if (matches(opt, "-json")) {
			c->opts.json = true;
		} else if (matches(opt, "-pretty")) {
			c->opts.pretty = true;
		} else if (abbrev(opt, "-all", 2)) {
			c->all = true;
		} else if (abbrev(opt, "-netns", 2)) {
			const char *v;

			if (c->ns[0])
				return twice(p, o);
			if (!(v = value(p, "namespace name")))
				return -1;
			if (take_nsname(p, v, c->ns))
				return -1;
		} else {
			return bad(p, o, "unknown option (expected -n NS, -4 or -6 "
			           "before the command)");
		}
	}
	if (!more(p)) {
		char what[300];

		if (p->argc == 0)
			return fail(p, "empty command (%s)", objects_hint(p));
		snprintf(what, sizeof what, "command (%s)", objects_hint(p));
		return missing(p, what);
	}
	return parse_object(p);
}

/* ---- public ------------------------------------------------------------ */

static void cmd_init(struct cmd *c)
{
	memset(c, 0, sizeof *c);
	c->verb = CMD_NONE;
	c->set.up = -1;
	c->route.dst_len = -1;
	c->route.scope = -1;
	c->count = 4;
	c->wait = 0;            /* -W not given: iputils' 10 s after the last request */
	c->interval = 1.0;
	c->echo.port = ECHO_PORT_DEFAULT;
	c->echo.idle = ECHO_IDLE_DEFAULT;
	c->echo.max_conns = ECHO_MAX_CONNS_DEFAULT;
	c->echo.max_msg = ECHO_MAX_MSG_DEFAULT;
	c->echo.timeout = ECHO_TIMEOUT_DEFAULT;
}

int cmd_parse(int argc, char **argv, struct cmd *c, char *err, size_t errlen)
{
	struct parser p;

	cmd_init(c);
	if (err && errlen)
		err[0] = '\0';
	memset(&p, 0, sizeof p);
	p.argc = argv ? argc : 0;
	p.argv = argv;
	p.c = c;
	p.err = err;
	p.errlen = errlen;
	if (p.argc < 0)
		p.argc = 0;
	if (parse_words(&p, false) == 0)
		return 0;
	if (err && errlen && !err[0])
		snprintf(err, errlen, "invalid command");
	cmd_free(c);
	cmd_init(c);
	return -1;
}

void cmd_free(struct cmd *c)
{
	if (!c)
		return;
	if (c->exec_argv) {
		for (int k = 0; k < c->exec_argc; k++)
			free(c->exec_argv[k]);
		free(c->exec_argv);
	}
	c->exec_argv = NULL;
	c->exec_argc = 0;
	if (c->sub) {
		cmd_free(c->sub);
		free(c->sub);
	}
	c->sub = NULL;
	free(c->echo.message);
	c->echo.message = NULL;
}

bool cmd_changes(const struct cmd *c)
{
	switch (c->verb) {
	case CMD_NETNS_ADD: case CMD_NETNS_DEL:
	case CMD_LINK_ADD_VETH: case CMD_LINK_SET: case CMD_LINK_DEL:
	case CMD_ADDR_ADD: case CMD_ADDR_DEL:
	case CMD_ROUTE_ADD: case CMD_ROUTE_DEL:
	case CMD_LINK_ADD_BRIDGE:
	/* a server appears in (or leaves) a namespace's pids */
	case CMD_ECHO_START: case CMD_ECHO_STOP:
		return true;
	case CMD_NETNS_EXEC:
		/* a program may do anything, but nsviz cannot know; an
		 * in-process sub-command changes what it changes */
		return c->sub && cmd_changes(c->sub);
	case CMD_SYSCTL:
		return c->sysctl.write;
	default:
		return false;
	}
}

/* The keyword an object or verb word stands for, by the tables and rules
 * cmd_parse uses: NULL when it stands for nothing nsviz does. */
const char *cmd_keyword(const char *object, const char *w)
{
	static const struct { const char *obj; const struct keyword *t; } v[] = {
		{ "netns", netns_verbs }, { "link", link_verbs },
		{ "address", addr_verbs }, { "route", route_verbs },
		{ "neighbor", neigh_verbs }, { "neighbour", neigh_verbs },
	};
	const struct keyword *t = NULL;
	const char *full = NULL;

	if (!object) {
		t = objects;
	} else {
		for (size_t i = 0; i < sizeof v / sizeof *v; i++)
			if (!strcmp(object, v[i].obj))
				t = v[i].t;
	}
	if (!t || lookup(t, w, &full) < 0)
		return NULL;
	return full;
}
