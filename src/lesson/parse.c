/* SPDX-License-Identifier: GPL-2.0-or-later */
/* parse.c - a lesson file's text into a struct lesson (nsviz-lesson(5)).
 * Pure: no kernel, no files; every command and check is validated here,
 * so a broken lesson is refused with FILE:LINE before anyone runs it.
 *
 * The format is line based.  A line that starts at the first column is a
 * directive (`lesson`, `summary:`, `setup:`, `step`, `do:`, `show:`,
 * `keys:`, `hint:`, `check:`) or a `#` comment; an indented line
 * continues the text of the directive before it (a step's explanation,
 * a summary, keys, a hint).  Blank lines separate paragraphs.
 */
#include "lesson/priv.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>

#include "cmd/cmd.h"
#include "echo/echo.h"
#include "util/sbuf.h"

/* ------------------------------------------------------------------ */
/* small helpers                                                      */
/* ------------------------------------------------------------------ */

static void copy(char *dst, size_t size, const char *src)
{
	size_t n = strlen(src);

	if (n >= size)
		n = size - 1;
	memcpy(dst, src, n);
	dst[n] = '\0';
}

static void seterr(char *err, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void seterr(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	if (!err || !errlen)
		return;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

static char *trim_dup(const char *s, size_t n)
{
	while (n && isspace((unsigned char)*s)) {
		s++;
		n--;
	}
	while (n && isspace((unsigned char)s[n - 1]))
		n--;
	{
		char *r = xmalloc(n + 1);
		memcpy(r, s, n);
		r[n] = '\0';
		return r;
	}
}

/* ------------------------------------------------------------------ */
/* commands                                                           */
/* ------------------------------------------------------------------ */

bool lesson_cmd_may_fail(const char *line)
{
	bool boundary = true;   /* at the start of a word */
	char q = 0;
	const char *p;

	for (p = line; *p; p++) {
		if (q) {
			if (*p == q)
				q = 0;
			else if (q == '"' && *p == '\\' && p[1])
				p++;
			continue;
		}
		if (*p == ' ' || *p == '\t') {
			boundary = true;
			continue;
		}
		if (*p == '#' && boundary) {
			p++;
			while (*p == ' ' || *p == '\t')
				p++;
			return strncasecmp(p, "fails", 5) == 0;
		}
		boundary = false;
		if (*p == '\\' && p[1])
			p++;
		else if (*p == '\'' || *p == '"')
			q = *p;
	}
	return false;
}

/* Parse a command line of the grammar; -1 with the grammar's reason. */
static int parse_cmd(const char *line, struct cmd *c, char *err, size_t errlen)
{
	char **words = NULL;
	int n = cmd_split(line, &words, err, errlen);

	if (n < 0)
		return -1;
	if (n == 0) {
		cmd_free_words(words, n);
		seterr(err, errlen, "empty command");
		return -1;
	}
	if (cmd_parse(n, words, c, err, errlen) < 0) {
		cmd_free_words(words, n);
		return -1;
	}
	cmd_free_words(words, n);
	return 0;
}

/* A lesson's commands are nsviz's own: `netns exec NS PROG` of a program
 * is refused (the namespace and the program's name follow). */
#define NOT_PROGRAMS "netns exec %s %.60s: a lesson runs nsviz's own " \
	"commands, not programs (netns exec NS ip ..., netns exec NS nsviz " \
	"echo|send ...)"
/* -all netns exec|del: every namespace there is, which a lesson cannot
 * know, nor --host say before it runs */
#define NOT_ALL "-all: a lesson names the namespaces it works in (-all " \
	"netns exec and -all netns del are not for lessons)"

/* The `you ran` key of a command given as words (no programs). */
static int cmd_key_words(int n, char **words, struct sbuf *key, char *err,
                         size_t errlen)
{
	struct cmd c;
	const struct cmd *e;
	char a[64];

	if (n <= 0) {
		seterr(err, errlen, "empty command");
		return -1;
	}
	if (cmd_parse(n, words, &c, err, errlen) < 0)
		return -1;
	if (c.all) {
		seterr(err, errlen, "%s", NOT_ALL);
		cmd_free(&c);
		return -1;
	}
	if (c.verb == CMD_NETNS_EXEC && !c.sub) {
		seterr(err, errlen, NOT_PROGRAMS, c.u.netns.name, c.exec_argv[0]);
		cmd_free(&c);
		return -1;
	}
	e = c.verb == CMD_NETNS_EXEC && c.sub ? c.sub : &c;
	switch (e->verb) {
	case CMD_PING:
		sbuf_printf(key, "ping -n %s %s", e->ns,
		            w_ip_str(&e->u.ping.target, a, sizeof a));
		break;
	case CMD_SEND:
		sbuf_printf(key, "send -n %s %s %s %u", e->ns,
		            echo_proto_name(e->u.echo.proto == ECHO_UDP ? ECHO_UDP
		                                                      : ECHO_TCP),
		            w_ip_str(&e->u.echo.dst, a, sizeof a), e->u.echo.port);
		break;
	case CMD_ROUTE_GET:
		sbuf_printf(key, "route get -n %s %s", e->ns,
		            w_ip_str(&e->u.route.dst, a, sizeof a));
		break;
	default: {
		/* ip's output options (-br, -s, -j...) change how it is
		 * shown, not what was looked at: `ip -br link` is a `you ran
		 * ip link show`; the family (-4 addr) stays */
		struct cmd k = *e;
		int family = k.opts.family;

		memset(&k.opts, 0, sizeof k.opts);
		k.opts.family = family;
		cmd_canonical(&k, key);
		break;
	}
	}
	cmd_free(&c);
	return 0;
}

int lesson_cmd_key(const char *line, struct sbuf *key)
{
	char **words = NULL;
	char err[512];
	int n = cmd_split(line, &words, err, sizeof err), rc;

	if (n <= 0) {
		cmd_free_words(words, n);
		return -1;
	}
	rc = cmd_key_words(n, words, key, err, sizeof err);
	cmd_free_words(words, n);
	return rc;
}

/* ------------------------------------------------------------------ */
/* checks                                                             */
/* ------------------------------------------------------------------ */

struct wp {
	char **w;
	int n, i;
	char *err;
	size_t errlen;
};

static const char *peek(struct wp *p)
{
	return p->i < p->n ? p->w[p->i] : NULL;
}

static const char *take(struct wp *p)
{
	return p->i < p->n ? p->w[p->i++] : NULL;
}

static bool is(const char *w, const char *kw)
{
	return w && strcmp(w, kw) == 0;
}

static bool acc(struct wp *p, const char *kw)
{
	if (is(peek(p), kw)) {
		p->i++;
		return true;
	}
	return false;
}

/* "the end" when nothing follows, else `word` */
static const char *at(struct wp *p)
{
	static char buf[96];
	const char *w = peek(p);

	if (!w)
		return "the end";
	snprintf(buf, sizeof buf, "`%.80s`", w);
	return buf;
}

static int expect(struct wp *p, const char *what)
{
	seterr(p->err, p->errlen, "expected %s, found %s", what, at(p));
	return -1;
}

static int need(struct wp *p, const char *kw, const char *what)
{
	if (acc(p, kw))
		return 0;
	return expect(p, what);
}

static int take_ns(struct wp *p, char *dst)
{
	const char *w = take(p);

	if (!w) {
		seterr(p->err, p->errlen, "expected a namespace name "
		       "(or host), found the end");
		return -1;
	}
	if (!*w || strlen(w) >= W_NSNAME_MAX || strchr(w, '/') ||
	    !strcmp(w, ".") || !strcmp(w, "..")) {
		seterr(p->err, p->errlen, "%s: not a valid namespace name", w);
		return -1;
	}
	copy(dst, W_NSNAME_MAX, w);
	return 0;
}

static int take_dev(struct wp *p, char *dst)
{
	const char *w = take(p);

	if (!w) {
		seterr(p->err, p->errlen, "expected an interface name, "
		       "found the end");
		return -1;
	}
	if (!*w || strlen(w) >= W_IFNAMSIZ || strpbrk(w, "/: \t")) {
		seterr(p->err, p->errlen, "%s: not a valid interface name "
		       "(1 to 15 characters, no '/', ':' or blanks)", w);
		return -1;
	}
	copy(dst, W_IFNAMSIZ, w);
	return 0;
}

/* ADDR or ADDR/LEN (plen -1 without); with zone: ADDR%IF allowed */
static int take_ip(struct wp *p, struct w_ip *ip, int *plen, char *zone)
{
	const char *w = take(p);
	char buf[128], *slash, *pct;

	if (!w) {
		seterr(p->err, p->errlen, "expected an address, found the end");
		return -1;
	}
	copy(buf, sizeof buf, w);
	slash = strchr(buf, '/');
	if (slash && !plen)
		goto bad;
	if (slash)
		*slash++ = '\0';
	pct = strchr(buf, '%');
	if (pct) {
		if (!zone || !pct[1] || strlen(pct + 1) >= W_IFNAMSIZ)
			goto bad;
		copy(zone, W_IFNAMSIZ, pct + 1);
		*pct = '\0';
	}
	if (w_ip_parse(buf, ip) < 0)
		goto bad;
	if (plen) {
		*plen = -1;
		if (slash) {
			char *end;
			long v = strtol(slash, &end, 10);
			int max = ip->family == AF_INET6 ? 128 : 32;

			if (!*slash || *end || v < 0 || v > max) {
				seterr(p->err, p->errlen, "%s: prefix length "
				       "out of range (0..%d)", w, max);
				return -1;
			}
			*plen = (int)v;
		}
	}
	return 0;
bad:
	seterr(p->err, p->errlen, "%s: not an IPv4 or IPv6 address%s", w,
	       plen ? " (ADDRESS or ADDRESS/LENGTH)" : "");
	return -1;
}

static int take_port(struct wp *p, unsigned *port)
{
	const char *w = take(p);
	char *end;
	long v;

	if (!w) {
		seterr(p->err, p->errlen, "expected a port number, found the end");
		return -1;
	}
	v = strtol(w, &end, 10);
	if (!*w || *end || v < 1 || v > 65535) {
		seterr(p->err, p->errlen, "%s: not a port number (1..65535)", w);
		return -1;
	}
	*port = (unsigned)v;
	return 0;
}

static int take_proto(struct wp *p, int *proto)
{
	if (acc(p, "tcp"))
		*proto = ECHO_TCP;
	else if (acc(p, "udp"))
		*proto = ECHO_UDP;
	else
		return expect(p, "tcp or udp");
	return 0;
}

/* T: a time with its unit, 100ms, 1.5s, 500us; in seconds */
static int take_time(struct wp *p, double *secs)
{
	const char *w = take(p);
	char *end;
	double v, unit = 0;

	if (!w) {
		seterr(p->err, p->errlen, "expected a time (100ms, 1s, 500us), "
		       "found the end");
		return -1;
	}
	v = strtod(w, &end);
	if (end != w && (*w >= '0' && *w <= '9')) {
		if (!strcmp(end, "s") || !strcmp(end, "sec"))
			unit = 1;
		else if (!strcmp(end, "ms") || !strcmp(end, "msec"))
			unit = 1e-3;
		else if (!strcmp(end, "us") || !strcmp(end, "usec"))
			unit = 1e-6;
	}
	if (!unit || !(v >= 0) || v * unit > 60) {
		seterr(p->err, p->errlen, "%.80s: not a time of at most a minute "
		       "with its unit (100ms, 1s, 500us)", w);
		return -1;
	}
	*secs = v * unit;
	return 0;
}

/* P%: a percentage, 0 to 100 */
static int take_percent(struct wp *p, double *pct)
{
	const char *w = take(p);
	char *end;
	double v;

	if (!w) {
		seterr(p->err, p->errlen, "expected a percentage (10%%), found "
		       "the end");
		return -1;
	}
	v = strtod(w, &end);
	if (end == w || !(*w >= '0' && *w <= '9') || strcmp(end, "%") ||
	    !(v >= 0 && v <= 100)) {
		seterr(p->err, p->errlen, "%.80s: not a percentage from 0%% to "
		       "100%% (10%%, 2.5%%)", w);
		return -1;
	}
	*pct = v;
	return 0;
}

/* at least | at most */
static int least_or_most(struct wp *p, bool *at_most)
{
	if (!acc(p, "at"))
		return expect(p, "`at least` or `at most`");
	if (acc(p, "least"))
		*at_most = false;
	else if (acc(p, "most"))
		*at_most = true;
	else
		return expect(p, "`least` or `most` after `at`");
	return 0;
}

/* A qdisc kind as TCA_KIND names it: tbf, netem, pfifo_fast, fq_codel */
static bool qdisc_kind_ok(const char *k)
{
	size_t n = strlen(k);

	if (!n || n >= 16)
		return false;
	for (; *k; k++)
		if (!((*k >= 'a' && *k <= 'z') || (*k >= '0' && *k <= '9') ||
		      *k == '_' || *k == '-'))
			return false;
	return true;
}

static int take_qdisc_kind(struct wp *p, char *dst, size_t size)
{
	const char *w = take(p);

	if (!w)
		return expect(p, "a qdisc kind (tbf, netem, htb, ...)");
	if (!qdisc_kind_ok(w)) {
		seterr(p->err, p->errlen, "%.80s: not a qdisc kind (tbf, netem, "
		       "htb, pfifo: lower-case letters, digits and _, at most "
		       "15)", w);
		return -1;
	}
	copy(dst, size, w);
	return 0;
}

/* [in NS] */
static int opt_in(struct wp *p, const char *kw, char *ns)
{
	if (acc(p, kw))
		return take_ns(p, ns);
	return 0;
}

static int at_end(struct wp *p)
{
	if (!peek(p))
		return 0;
	seterr(p->err, p->errlen, "unexpected `%.80s` at the end of the check",
	       peek(p));
	return -1;
}

/* exists | does not exist */
static int exists_or_not(struct wp *p, bool *neg)
{
	if (acc(p, "exists")) {
		*neg = false;
		return 0;
	}
	if (acc(p, "does")) {
		if (need(p, "not", "`not` after `does`") ||
		    need(p, "exist", "`exist` after `does not`"))
			return -1;
		*neg = true;
		return 0;
	}
	return expect(p, "exists or does not exist");
}

/* ping [from NS] to ADDR | send tcp|udp [from NS] to ADDR [port] P */
static int parse_traffic(struct wp *p, struct lck_traffic *t)
{
	if (acc(p, "ping")) {
		t->kind = 1;
		if (opt_in(p, "from", t->ns))
			return -1;
		if (need(p, "to", "`to ADDRESS`"))
			return -1;
		return take_ip(p, &t->dst, NULL, t->zone);
	}
	if (acc(p, "send")) {
		t->kind = 2;
		if (take_proto(p, &t->proto) || opt_in(p, "from", t->ns))
			return -1;
		if (need(p, "to", "`to ADDRESS PORT`") ||
		    take_ip(p, &t->dst, NULL, NULL))
			return -1;
		acc(p, "port");
		return take_port(p, &t->port);
	}
	return expect(p, "ping or send");
}

static int parse_link(struct wp *p, struct lck *c)
{
	if (take_dev(p, c->dev) || opt_in(p, "in", c->ns))
		return -1;
	if (is(peek(p), "exists") || is(peek(p), "does")) {
		c->kind = LCK_LINK;
		return exists_or_not(p, &c->neg);
	}
	if (acc(p, "is")) {
		if (acc(p, "up") || (is(peek(p), "down") && (c->neg = true) &&
		                        acc(p, "down"))) {
			c->kind = LCK_LINK_UP;
			return 0;
		}
		if (acc(p, "a") || acc(p, "an")) {
			const char *k = take(p);

			if (!k)
				return expect(p, "a kind of link (veth, bridge, ...)");
			c->kind = LCK_LINK_KIND;
			c->arg = xstrdup(k);
			return 0;
		}
		if (acc(p, "not"))
			c->neg = true;
		if (acc(p, "in")) {
			if (c->ns[0]) {
				seterr(p->err, p->errlen, "the namespace is "
				       "given twice");
				return -1;
			}
			c->kind = LCK_LINK;
			return take_ns(p, c->ns);
		}
		return expect(p, c->neg ? "`in NAMESPACE` after `is not`"
		                        : "up, down, a KIND, in NAMESPACE or "
		                          "not in NAMESPACE after `is`");
	}
	if (acc(p, "has")) {
		if (acc(p, "no")) {
			c->neg = true;
			if (acc(p, "carrier")) {
				c->kind = LCK_LINK_CARRIER;
				return 0;
			}
			if (acc(p, "master")) {
				c->kind = LCK_LINK_MASTER;
				return 0;
			}
			return expect(p, "carrier or master after `has no`");
		}
		if (acc(p, "carrier")) {
			c->kind = LCK_LINK_CARRIER;
			return 0;
		}
		if (acc(p, "master")) {
			c->kind = LCK_LINK_MASTER;
			c->arg = xmalloc(W_IFNAMSIZ);
			return take_dev(p, c->arg);
		}
		if (acc(p, "peer")) {
			c->kind = LCK_LINK_PEER;
			c->arg = xmalloc(W_IFNAMSIZ);
			if (take_dev(p, c->arg))
				return -1;
			if (acc(p, "in")) {
				c->has_ns2 = true;
				c->arg2 = xmalloc(W_NSNAME_MAX);
				return take_ns(p, c->arg2);
			}
			return 0;
		}
		return expect(p, "carrier, no carrier, master BRIDGE, "
		              "no master or peer NAME after `has`");
	}
	return expect(p, "exists, does not exist, is up, is down, is a KIND, "
	              "is in NAMESPACE, is not in NAMESPACE, has carrier, "
	              "has master BRIDGE, has no master or has peer NAME");
}

/* The route keys of `ip route` that take a value. */
static bool route_key(const char *w)
{
	static const char *const keys[] = {
		"dev", "via", "proto", "scope", "src", "metric", "table",
		"from", "mtu", "pref", "uid", "tos", "nhid", "expires",
		"iif", "realms", "weight", NULL
	};
	for (int i = 0; keys[i]; i++)
		if (!strcmp(w, keys[i]))
			return true;
	return false;
}

/* the first word of a route line, as an address and length */
static bool dst_eq(const char *a, const char *b)
{
	struct w_ip x, y;
	char ba[80], bb[80], *sa, *sb;
	int la, lb;

	if (!strcmp(a, b))
		return true;
	snprintf(ba, sizeof ba, "%s", a);
	snprintf(bb, sizeof bb, "%s", b);
	sa = strchr(ba, '/');
	sb = strchr(bb, '/');
	if (sa)
		*sa++ = '\0';
	if (sb)
		*sb++ = '\0';
	if (w_ip_parse(ba, &x) < 0 || w_ip_parse(bb, &y) < 0 ||
	    !w_ip_eq(&x, &y))
		return false;
	la = sa ? atoi(sa) : (x.family == AF_INET6 ? 128 : 32);
	lb = sb ? atoi(sb) : (y.family == AF_INET6 ? 128 : 32);
	return la == lb;
}

/* Do the check's words describe this `ip route` line?  The destination
 * must be the line's; then each `key value` pair and each single word,
 * in the check's order, must be in the line. */
bool lesson_route_match(char *const *cw, int cn, const char *line)
{
	char **lw = NULL;
	char err[128];
	int ln = cmd_split(line, &lw, err, sizeof err);
	int pos = 1, i = 1;
	bool ok = false;

	if (ln <= 0 || cn <= 0)
		goto out;
	if (!dst_eq(cw[0], lw[0]))
		goto out;
	while (i < cn) {
		bool pair = route_key(cw[i]) && i + 1 < cn;
		int j;

		for (j = pos; j < ln; j++) {
			if (strcmp(lw[j], cw[i]) != 0)
				continue;
			if (!pair || (j + 1 < ln && !strcmp(lw[j + 1], cw[i + 1])))
				break;
		}
		if (j >= ln)
			goto out;
		pos = j + (pair ? 2 : 1);
		i += pair ? 2 : 1;
	}
	ok = true;
out:
	if (ln > 0)
		cmd_free_words(lw, ln);
	return ok;
}

static int parse_route(struct wp *p, struct lck *c)
{
	int first, last;

	c->kind = LCK_ROUTE;
	if (opt_in(p, "in", c->ns))
		return -1;
	first = p->i;
	last = p->n;
	if (last - first >= 2 && is(p->w[last - 2], "in")) {
		if (c->ns[0]) {
			seterr(p->err, p->errlen, "the namespace is given twice");
			return -1;
		}
		p->i = last - 1;
		if (take_ns(p, c->ns))
			return -1;
		last -= 2;
	}
	if (last <= first) {
		seterr(p->err, p->errlen, "expected the route as ip route "
		       "prints it (10.0.2.0/24 dev veth0 ...), found the end");
		return -1;
	}
	{
		const char *d = p->w[first];

		if (strcmp(d, "default") != 0) {
			struct wp q = *p;
			struct w_ip ip;
			int plen;

			q.i = first;
			if (take_ip(&q, &ip, &plen, NULL))
				return -1;
		}
	}
	for (int k = first + 1; k < last; k++) {
		if (route_key(p->w[k]) && k + 1 >= last) {
			seterr(p->err, p->errlen, "`%s` needs a value", p->w[k]);
			return -1;
		}
		if (route_key(p->w[k]))
			k++;
	}
	c->nwords = last - first;
	c->words = xcalloc((size_t)c->nwords + 1, sizeof *c->words);
	for (int k = 0; k < c->nwords; k++)
		c->words[k] = xstrdup(p->w[first + k]);
	p->i = p->n;
	return 0;
}

static int parse_route_get(struct wp *p, struct lck *c)
{
	c->kind = LCK_ROUTE_GET;
	if (take_ip(p, &c->ip, NULL, NULL) || opt_in(p, "from", c->ns))
		return -1;
	if (acc(p, "fails")) {
		c->neg = true;
		return at_end(p);
	}
	acc(p, "resolves");
	acc(p, "succeeds");
	while (peek(p)) {
		if (acc(p, "via")) {
			const char *w = peek(p);
			struct w_ip ip;

			if (!w)
				return expect(p, "a gateway or a device after `via`");
			if (w_ip_parse(w, &ip) == 0) {
				c->gw = ip;
				p->i++;
			} else if (take_dev(p, c->dev)) {
				return -1;
			}
		} else if (acc(p, "dev")) {
			if (take_dev(p, c->dev))
				return -1;
		} else {
			return expect(p, "via GATEWAY, via DEVICE, dev DEVICE or "
			              "fails");
		}
	}
	return 0;
}

static int parse_capture(struct wp *p, struct lck *c)
{
	struct sbuf expr = SBUF_INIT;

	c->kind = LCK_CAPTURE;
	c->slow = true;
	if (need(p, "on", "`on INTERFACE`") || take_dev(p, c->dev) ||
	    opt_in(p, "in", c->ns))
		return -1;
	if (need(p, "sees", "`sees`"))
		return -1;
	if (acc(p, "no"))
		c->neg = true;
	while (peek(p) && !is(peek(p), "while")) {
		if (expr.len)
			sbuf_addc(&expr, ' ');
		sbuf_add(&expr, take(p));
	}
	if (!expr.len) {
		sbuf_free(&expr);
		seterr(p->err, p->errlen, "expected what the capture should see: "
		       "a pcap filter such as icmp or \"tcp port 4078\"");
		return -1;
	}
	c->arg = xstrdup(sbuf_str(&expr));
	sbuf_free(&expr);
	if (acc(p, "while"))
		return parse_traffic(p, &c->tr);
	return 0;
}

static int parse_echo(struct wp *p, struct lck *c)
{
	c->kind = LCK_ECHO;
	if (need(p, "server", "`server runs`") ||
	    need(p, "runs", "`runs`"))
		return -1;
	while (peek(p)) {
		if (acc(p, "in")) {
			if (c->ns[0]) {
				seterr(p->err, p->errlen, "the namespace is "
				       "given twice");
				return -1;
			}
			if (take_ns(p, c->ns))
				return -1;
		} else if (acc(p, "on")) {
			continue;
		} else if (is(peek(p), "tcp") || is(peek(p), "udp")) {
			if (take_proto(p, &c->proto))
				return -1;
		} else if (acc(p, "port")) {
			if (take_port(p, &c->port))
				return -1;
		} else {
			return expect(p, "in NAMESPACE, tcp, udp or port PORT");
		}
	}
	return 0;
}

static int parse_send(struct wp *p, struct lck *c)
{
	c->kind = LCK_SEND;
	c->slow = true;
	p->i--;                         /* parse_traffic reads `send` again */
	if (parse_traffic(p, &c->tr))
		return -1;
	if (need(p, "gets", "`gets a reply` or `gets no reply`"))
		return -1;
	if (acc(p, "no"))
		c->neg = true;
	else if (!acc(p, "a"))
		return expect(p, "`a reply` or `no reply` after `gets`");
	if (need(p, "reply", "`reply`"))
		return -1;
	return at_end(p);
}

bool lesson_words_in(const char *want, const char *line)
{
	char **ww = NULL, **lw = NULL;
	char err[128];
	int wn = cmd_split(want, &ww, err, sizeof err);
	int ln = wn > 0 ? cmd_split(line, &lw, err, sizeof err) : -1;
	bool ok = false;

	for (int i = 0; ln > 0 && !ok && i + wn <= ln; i++) {
		int k = 0;

		while (k < wn && !strcmp(ww[k], lw[i + k]))
			k++;
		ok = k == wn;
	}
	if (wn > 0)
		cmd_free_words(ww, wn);
	if (ln > 0)
		cmd_free_words(lw, ln);
	return ok;
}

/* qdisc KIND on DEV [in NS] is set [with "TEXT"] | is not set [with "TEXT"]
 * | has counted N packets|overlimits|drops */
static int parse_qdisc(struct wp *p, struct lck *c)
{
	const char *n, *what;
	char *end;

	c->kind = LCK_QDISC;
	c->arg = xmalloc(16);
	if (take_qdisc_kind(p, c->arg, 16) ||
	    need(p, "on", "`on INTERFACE` after the qdisc's kind") ||
	    take_dev(p, c->dev) || opt_in(p, "in", c->ns))
		return -1;
	if (acc(p, "has")) {
		c->kind = LCK_QDISC_COUNT;
		if (need(p, "counted", "`counted N packets|overlimits|drops` "
		         "after `has`"))
			return -1;
		n = take(p);
		if (!n || !*n || *n == '-' ||
		    (c->count = strtoull(n, &end, 10), *end)) {
			if (n)
				p->i--;
			return expect(p, "a number");
		}
		what = peek(p);
		if (is(what, "packets") || is(what, "packet"))
			c->counts = LCK_Q_PACKETS;
		else if (is(what, "overlimits") || is(what, "overlimit"))
			c->counts = LCK_Q_OVERLIMITS;
		else if (is(what, "drops") || is(what, "drop"))
			c->counts = LCK_Q_DROPS;
		else
			return expect(p, "packets, overlimits or drops");
		p->i++;
		return at_end(p);
	}
	if (need(p, "is", "`is set`, `is not set` or `has counted N ...`"))
		return -1;
	if (acc(p, "not"))
		c->neg = true;
	if (need(p, "set", c->neg ? "`set` after `is not`"
	                          : "`set` or `not set` after `is`"))
		return -1;
	if (acc(p, "with")) {
		const char *t = take(p);
		char **tw = NULL;
		char e2[128];
		int tn;

		if (!t || !*t) {
			if (t)
				p->i--;
			return expect(p, "the words tc shows, quoted (\"rate "
			              "1Mbit\")");
		}
		tn = cmd_split(t, &tw, e2, sizeof e2);
		if (tn > 0)
			cmd_free_words(tw, tn);
		if (tn <= 0) {
			seterr(p->err, p->errlen, "with: expected the words tc "
			       "shows, quoted (\"rate 1Mbit\")%s%s",
			       tn < 0 ? ": " : "", tn < 0 ? e2 : "");
			return -1;
		}
		c->arg2 = xstrdup(t);
	}
	return at_end(p);
}

/* after ping [from NS] to ADDR: has rtt at least|at most T | loses at
 * least|at most P% */
static int parse_ping_measure(struct wp *p, struct lck *c)
{
	if (acc(p, "has")) {
		c->kind = LCK_PING_RTT;
		if (need(p, "rtt", "`rtt` after `has`") ||
		    least_or_most(p, &c->at_most) || take_time(p, &c->limit))
			return -1;
		return at_end(p);
	}
	c->kind = LCK_PING_LOSS;
	p->i++;                 /* loses */
	if (least_or_most(p, &c->at_most) || take_percent(p, &c->limit))
		return -1;
	return at_end(p);
}

static int parse_words(struct wp *p, struct lck *c)
{
	const char *w = take(p);

	if (!w) {
		seterr(p->err, p->errlen, "empty check");
		return -1;
	}
	if (!strcmp(w, "namespace") || !strcmp(w, "netns")) {
		if (!strcmp(w, "netns") && acc(p, "pids")) {
			c->kind = LCK_PIDS;
			if (take_ns(p, c->ns) ||
			    need(p, "includes", "`includes the echo server`"))
				return -1;
			acc(p, "the");
			if (need(p, "echo", "`echo server`") ||
			    need(p, "server", "`server`"))
				return -1;
			return at_end(p);
		}
		c->kind = LCK_NS;
		if (take_ns(p, c->ns) || exists_or_not(p, &c->neg))
			return -1;
		return at_end(p);
	}
	if (!strcmp(w, "link")) {
		if (parse_link(p, c))
			return -1;
		return at_end(p);
	}
	if (!strcmp(w, "address") || !strcmp(w, "addr")) {
		c->kind = LCK_ADDR;
		if (take_ip(p, &c->ip, &c->plen, NULL))
			return -1;
		acc(p, "is");
		if (acc(p, "not"))
			c->neg = true;
		else if (acc(p, "ready"))
			c->ready = true;
		if (need(p, "on", "`on INTERFACE`") || take_dev(p, c->dev) ||
		    opt_in(p, "in", c->ns))
			return -1;
		return at_end(p);
	}
	if (!strcmp(w, "no")) {
		if (!acc(p, "route"))
			return expect(p, "`route` after `no`");
		c->neg = true;
		return parse_route(p, c);
	}
	if (!strcmp(w, "route")) {
		if (acc(p, "get")) {
			if (parse_route_get(p, c))
				return -1;
			return at_end(p);
		}
		return parse_route(p, c);
	}
	if (!strcmp(w, "ping")) {
		c->kind = LCK_PING;
		c->slow = true;
		p->i--;
		if (parse_traffic(p, &c->tr))
			return -1;
		if (is(peek(p), "has") || is(peek(p), "loses"))
			return parse_ping_measure(p, c);
		if (acc(p, "fails"))
			c->neg = true;
		else if (!acc(p, "succeeds"))
			return expect(p, "succeeds, fails, has rtt or loses");
		return at_end(p);
	}
	if (!strcmp(w, "qdisc"))
		return parse_qdisc(p, c);
	if (!strcmp(w, "capture")) {
		if (parse_capture(p, c))
			return -1;
		return at_end(p);
	}
	if (!strcmp(w, "echo")) {
		return parse_echo(p, c);
	}
	if (!strcmp(w, "send"))
		return parse_send(p, c);
	if (!strcmp(w, "sysctl")) {
		const char *k = take(p);
		struct sbuf v = SBUF_INIT;

		c->kind = LCK_SYSCTL;
		if (!k || !*k)
			return expect(p, "a sysctl key (net.ipv4.ip_forward)");
		for (const char *s = k; *s; s++) {
			if (!isalnum((unsigned char)*s) && !strchr("._-/", *s)) {
				seterr(p->err, p->errlen, "%s: not a sysctl key", k);
				return -1;
			}
		}
		if (strstr(k, "..") || k[0] == '/' || k[0] == '.') {
			seterr(p->err, p->errlen, "%s: not a sysctl key", k);
			return -1;
		}
		c->arg = xstrdup(k);
		if (opt_in(p, "in", c->ns) || need(p, "is", "`is VALUE`"))
			return -1;
		while (peek(p)) {
			if (v.len)
				sbuf_addc(&v, ' ');
			sbuf_add(&v, take(p));
		}
		if (!v.len) {
			sbuf_free(&v);
			return expect(p, "a value after `is`");
		}
		c->arg2 = xstrdup(sbuf_str(&v));
		sbuf_free(&v);
		return 0;
	}
	if (!strcmp(w, "neighbour") || !strcmp(w, "neighbor") ||
	    !strcmp(w, "neigh")) {
		c->kind = LCK_NEIGH;
		if (take_ip(p, &c->ip, NULL, NULL))
			return -1;
		if (acc(p, "on") && take_dev(p, c->dev))
			return -1;
		if (opt_in(p, "in", c->ns) || exists_or_not(p, &c->neg))
			return -1;
		return at_end(p);
	}
	if (!strcmp(w, "nft")) {
		const char *t, *n;
		char *end;

		c->kind = LCK_NFT_RULE;
		if (need(p, "rule", "`rule \"TEXT\"` after `nft`"))
			return -1;
		t = take(p);
		if (!t || !*t)
			return expect(p, "the rule as nft lists it, quoted "
			              "('oifname \"r-inet\" masquerade')");
		c->arg = xstrdup(t);
		if (opt_in(p, "in", c->ns))
			return -1;
		if (acc(p, "has")) {
			c->kind = LCK_NFT_COUNT;
			if (need(p, "counted", "`counted N packets` after `has`"))
				return -1;
			n = take(p);
			if (!n || !*n || *n == '-' ||
			    (c->count = strtoull(n, &end, 10), *end)) {
				if (n)
					p->i--;
				return expect(p, "a number of packets");
			}
			if (!acc(p, "packets") && !acc(p, "packet"))
				return expect(p, "`packets`");
			return at_end(p);
		}
		if (exists_or_not(p, &c->neg))
			return -1;
		return at_end(p);
	}
	if (!strcmp(w, "you") || !strcmp(w, "ran")) {
		struct sbuf key = SBUF_INIT;
		char e2[400];

		if (!strcmp(w, "you") && !acc(p, "ran"))
			return expect(p, "`ran COMMAND` after `you`");
		c->kind = LCK_RAN;
		/* the command is the words after `ran` (as split, so quotes
		 * mean what they mean in a command) */
		if (!peek(p)) {
			seterr(p->err, p->errlen, "expected a command after `ran`");
			return -1;
		}
		if (cmd_key_words(p->n - p->i, p->w + p->i, &key, e2,
		                  sizeof e2) < 0) {
			seterr(p->err, p->errlen, "ran: %s", e2);
			sbuf_free(&key);
			return -1;
		}
		p->i = p->n;
		c->arg = xstrdup(sbuf_str(&key));
		sbuf_free(&key);
		return 0;
	}
	p->i--;
	seterr(p->err, p->errlen, "%s: unknown check (expected namespace, "
	       "link, address, route, no route, route get, ping, capture, "
	       "echo server, send, netns pids, sysctl, neighbour, nft rule, "
	       "qdisc or you ran)",
	       w);
	return -1;
}

int lck_parse(const char *text, struct lck *c, char *err, size_t errlen)
{
	struct wp p;
	char **words = NULL;
	int n, rc;

	memset(c, 0, sizeof *c);
	c->plen = -1;
	n = cmd_split(text, &words, err, errlen);
	if (n < 0)
		return -1;
	p.w = words;
	p.n = n;
	p.i = 0;
	p.err = err;
	p.errlen = errlen;
	rc = parse_words(&p, c);
	cmd_free_words(words, n);
	if (rc < 0) {
		lck_free(c);
		return -1;
	}
	c->text = trim_dup(text, strlen(text));
	return 0;
}

void lck_free(struct lck *c)
{
	free(c->text);
	free(c->arg);
	free(c->arg2);
	for (int k = 0; k < c->nwords; k++)
		free(c->words[k]);
	free(c->words);
	memset(c, 0, sizeof *c);
}

/* ------------------------------------------------------------------ */
/* the file                                                           */
/* ------------------------------------------------------------------ */

struct strv {
	char **v;
	bool *flag;
	size_t n, cap, fcap;
};

static void strv_push(struct strv *s, char *str, bool flag)
{
	xgrow((void **)&s->v, &s->cap, s->n + 2, sizeof *s->v);
	xgrow((void **)&s->flag, &s->fcap, s->n + 2, sizeof *s->flag);
	s->v[s->n] = str;
	s->flag[s->n] = flag;
	s->n++;
	s->v[s->n] = NULL;
}

static void strv_free(struct strv *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
	free(s->flag);
	memset(s, 0, sizeof *s);
}

/* A text being written: paragraphs, running text and preformatted. */
struct text {
	struct sbuf b;
	int base;               /* indentation of running text; -1 unset */
	bool blank;             /* blank line(s) since the last line */
	bool pre;               /* the last line was preformatted */
	bool used;
};

static void text_init(struct text *t)
{
	memset(t, 0, sizeof *t);
	t->base = -1;
}

static void text_add(struct text *t, const char *s, int indent)
{
	bool pre;

	t->used = true;
	if (t->base < 0)
		t->base = indent;
	pre = indent > t->base;
	if (t->b.len) {
		if (t->blank || pre != t->pre)
			sbuf_add(&t->b, "\n\n");
		else
			sbuf_add(&t->b, pre ? "\n" : " ");
	}
	if (pre)
		for (int k = t->base; k < indent; k++)
			sbuf_addc(&t->b, ' ');
	sbuf_add(&t->b, s);
	t->blank = false;
	t->pre = pre;
}

struct bstep {
	char *title;
	int line;
	struct text text, keys, hint;
	bool has_keys, has_hint;
	struct strv todo, show;
	struct lck *checks;
	size_t nchecks, capchecks;
	struct lneed *needs;
	size_t nneeds, capneeds;
};

struct parser {
	const char *file;
	int line;
	char *err;
	size_t errlen;
	int number;
	int lesson_line;
	char *title;
	struct text summary;
	bool has_summary, has_lesson;
	struct strv setup;
	struct bstep *steps;
	size_t nsteps, capsteps;
	struct text *tt;        /* where indented lines go */
	const char *tt_name;    /* the directive that owns them */
};

static int perr(struct parser *p, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static int perr(struct parser *p, const char *fmt, ...)
{
	char msg[700];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	seterr(p->err, p->errlen, "%s:%d: %s", p->file, p->line, msg);
	return -1;
}

static void bstep_free(struct bstep *s)
{
	free(s->title);
	sbuf_free(&s->text.b);
	sbuf_free(&s->keys.b);
	sbuf_free(&s->hint.b);
	strv_free(&s->todo);
	strv_free(&s->show);
	for (size_t i = 0; i < s->nchecks; i++)
		lck_free(&s->checks[i]);
	free(s->checks);
	free(s->needs);
}

static void parser_free(struct parser *p)
{
	free(p->title);
	sbuf_free(&p->summary.b);
	strv_free(&p->setup);
	for (size_t i = 0; i < p->nsteps; i++)
		bstep_free(&p->steps[i]);
	free(p->steps);
}

/* "TITLE" or TITLE: the title in *out */
static int parse_title(struct parser *p, const char *s, const char *what,
                       char **out)
{
	size_t n;

	while (*s == ' ' || *s == '\t')
		s++;
	n = strlen(s);
	if (*s == '"') {
		const char *end = strchr(s + 1, '"');

		if (!end)
			return perr(p, "%s: the title's closing \" is missing",
			            what);
		if (end[1 + strspn(end + 1, " \t")])
			return perr(p, "%s: unexpected text after the title's "
			            "closing \"", what);
		*out = trim_dup(s + 1, (size_t)(end - s - 1));
	} else {
		*out = trim_dup(s, n);
	}
	if (!**out) {
		free(*out);
		*out = NULL;
		return perr(p, "%s: the title is empty", what);
	}
	return 0;
}

static struct bstep *cur(struct parser *p)
{
	return p->nsteps ? &p->steps[p->nsteps - 1] : NULL;
}

/* A step is complete: say what it lacks. */
static int finish_step(struct parser *p)
{
	struct bstep *s = cur(p);
	int saved = p->line;

	if (!s)
		return 0;
	p->line = s->line;
	if (!s->text.b.len)
		return perr(p, "step \"%s\" has no explanation (indented text "
		            "under the step line)", s->title);
	if (!s->todo.n)
		return perr(p, "step \"%s\" says nothing to do (add a do: line)",
		            s->title);
	if (!s->nchecks)
		return perr(p, "step \"%s\" has no goal (add a check: line)",
		            s->title);
	p->line = saved;
	return 0;
}

static int add_command(struct parser *p, struct strv *v, const char *what,
                       const char *rest)
{
	struct cmd c;
	char err[512];
	char *line = trim_dup(rest, strlen(rest));

	if (!*line) {
		free(line);
		return perr(p, "%s: the command is missing", what);
	}
	if (parse_cmd(line, &c, err, sizeof err) < 0) {
		free(line);
		return perr(p, "%s: %s", what, err);
	}
	if (c.all) {
		int rc = perr(p, "%s: %s", what, NOT_ALL);

		cmd_free(&c);
		free(line);
		return rc;
	}
	if (c.verb == CMD_NETNS_EXEC && !c.sub) {
		char msg[640];
		int rc;

		snprintf(msg, sizeof msg, NOT_PROGRAMS, c.u.netns.name, c.exec_argv[0]);
		rc = perr(p, "%s: %s", what, msg);
		cmd_free(&c);
		free(line);
		return rc;
	}
	cmd_free(&c);
	strv_push(v, line, lesson_cmd_may_fail(line));
	return 0;
}

/* needs: qdisc KIND - what the kernel must have for the step */
static int add_need(struct parser *p, struct bstep *s, const char *rest)
{
	struct lneed nd;
	struct wp q;
	char **words = NULL;
	char err[512];
	int n = cmd_split(rest, &words, err, sizeof err), rc = -1;

	if (n < 0)
		return perr(p, "needs: %s", err);
	memset(&nd, 0, sizeof nd);
	nd.line = p->line;
	q.w = words;
	q.n = n;
	q.i = 0;
	q.err = err;
	q.errlen = sizeof err;
	if (!acc(&q, "qdisc"))
		expect(&q, "`qdisc KIND` (the kernel feature the step needs)");
	else if (take_qdisc_kind(&q, nd.kind, sizeof nd.kind) == 0) {
		if (peek(&q))
			seterr(err, sizeof err, "unexpected `%.80s` after the "
			       "qdisc's kind (one needs: line a feature)",
			       peek(&q));
		else
			rc = 0;
	}
	cmd_free_words(words, n);
	if (rc < 0)
		return perr(p, "needs: %s", err);
	xgrow((void **)&s->needs, &s->capneeds, s->nneeds + 1,
	      sizeof *s->needs);
	s->needs[s->nneeds++] = nd;
	return 0;
}

/* directive names, with their colon or not */
static bool directive(const char *line, const char *name, const char **rest)
{
	size_t n = strlen(name);

	if (strncmp(line, name, n) != 0)
		return false;
	if (line[n] == ':') {
		*rest = line + n + 1;
		return true;
	}
	if (line[n] == ' ' || line[n] == '\t' || line[n] == '\0') {
		*rest = line + n;
		return true;
	}
	return false;
}

static int do_directive(struct parser *p, const char *line)
{
	const char *rest;
	struct bstep *s = cur(p);

	p->tt = NULL;
	if (directive(line, "lesson", &rest)) {
		char *end;
		long num;

		if (p->has_lesson)
			return perr(p, "a second lesson line (one lesson a file)");
		while (*rest == ' ' || *rest == '\t')
			rest++;
		num = strtol(rest, &end, 10);
		if (end == rest || num < 1 || num > 9999 ||
		    (*end != ' ' && *end != '\t' && *end != '\0'))
			return perr(p, "lesson: expected a number from 1 to 9999 "
			            "and a title: lesson 1 \"The veth pair\"");
		p->number = (int)num;
		p->lesson_line = p->line;
		if (parse_title(p, end, "lesson", &p->title))
			return -1;
		p->has_lesson = true;
		return 0;
	}
	if (!p->has_lesson)
		return perr(p, "the file must start with the lesson line: "
		            "lesson NUMBER \"TITLE\"");
	if (directive(line, "summary", &rest)) {
		if (p->nsteps)
			return perr(p, "summary: must come before the first step");
		if (p->has_summary)
			return perr(p, "a second summary: line");
		p->has_summary = true;
		while (*rest == ' ' || *rest == '\t')
			rest++;
		if (*rest)
			text_add(&p->summary, rest, 0);
		p->tt = &p->summary;
		p->tt->base = -1;
		p->tt_name = "summary:";
		return 0;
	}
	if (directive(line, "setup", &rest)) {
		if (p->nsteps)
			return perr(p, "setup: must come before the first step");
		return add_command(p, &p->setup, "setup", rest);
	}
	if (directive(line, "step", &rest)) {
		char *title = NULL;

		if (finish_step(p))
			return -1;
		if (parse_title(p, rest, "step", &title))
			return -1;
		xgrow((void **)&p->steps, &p->capsteps, p->nsteps + 1,
		      sizeof *p->steps);
		s = &p->steps[p->nsteps++];
		memset(s, 0, sizeof *s);
		s->title = title;
		s->line = p->line;
		text_init(&s->text);
		text_init(&s->keys);
		text_init(&s->hint);
		p->tt = &s->text;
		p->tt_name = "step";
		return 0;
	}
	{
		static const char *const in_step[] = {
			"do", "show", "keys", "hint", "check", "needs", NULL
		};
		for (int k = 0; in_step[k]; k++) {
			if (directive(line, in_step[k], &rest) && !s)
				return perr(p, "%s: outside a step (a step starts "
				            "with step \"TITLE\")", in_step[k]);
		}
	}
	if (directive(line, "do", &rest))
		return add_command(p, &s->todo, "do", rest);
	if (directive(line, "show", &rest))
		return add_command(p, &s->show, "show", rest);
	if (directive(line, "keys", &rest) || directive(line, "hint", &rest)) {
		bool keys = line[0] == 'k';
		struct text *t = keys ? &s->keys : &s->hint;
		bool *has = keys ? &s->has_keys : &s->has_hint;

		if (*has)
			return perr(p, "a second %s line in this step (continue "
			            "on indented lines)", keys ? "keys:" : "hint:");
		*has = true;
		while (*rest == ' ' || *rest == '\t')
			rest++;
		if (*rest)
			text_add(t, rest, 0);
		t->base = -1;
		p->tt = t;
		p->tt_name = keys ? "keys:" : "hint:";
		return 0;
	}
	if (directive(line, "check", &rest)) {
		struct lck c;
		char err[512];

		while (*rest == ' ' || *rest == '\t')
			rest++;
		if (!*rest)
			return perr(p, "check: the check is missing");
		if (lck_parse(rest, &c, err, sizeof err) < 0)
			return perr(p, "check: %s", err);
		c.line = p->line;
		xgrow((void **)&s->checks, &s->capchecks, s->nchecks + 1,
		      sizeof *s->checks);
		s->checks[s->nchecks++] = c;
		return 0;
	}
	if (directive(line, "needs", &rest))
		return add_need(p, s, rest);
	{
		size_t n = strcspn(line, ": \t");

		return perr(p, "%.*s: unknown directive (expected lesson, "
		            "summary, setup, step, do, show, keys, hint, check "
		            "or needs)",
		            (int)(n > 60 ? 60 : n), line);
	}
}

static int indentation(const char *s, const char **text)
{
	int col = 0;

	for (; *s == ' ' || *s == '\t'; s++)
		col = *s == '\t' ? (col / 8 + 1) * 8 : col + 1;
	*text = s;
	return col;
}

static void build(struct parser *p, struct lesson *l)
{
	l->number = p->number;
	l->line = p->lesson_line;
	l->title = p->title;
	p->title = NULL;
	l->summary = xstrdup(sbuf_str(&p->summary.b));
	l->setup = p->setup.v ? p->setup.v : xcalloc(1, sizeof *l->setup);
	l->setup_may_fail = p->setup.flag;
	memset(&p->setup, 0, sizeof p->setup);
	l->nsteps = p->nsteps;
	l->steps = xcalloc(p->nsteps, sizeof *l->steps);
	for (size_t i = 0; i < p->nsteps; i++) {
		struct bstep *b = &p->steps[i];
		struct lesson_step *s = &l->steps[i];
		struct lesson_step_priv *pv = xcalloc(1, sizeof *pv);

		s->title = b->title;
		b->title = NULL;
		s->text = xstrdup(sbuf_str(&b->text.b));
		s->keys = b->has_keys && b->keys.b.len
		          ? xstrdup(sbuf_str(&b->keys.b)) : NULL;
		s->hint = b->has_hint && b->hint.b.len
		          ? xstrdup(sbuf_str(&b->hint.b)) : NULL;
		s->todo = (const char *const *)b->todo.v;
		if (b->show.n) {
			s->showme = (const char *const *)b->show.v;
			pv->show_may_fail = b->show.flag;
			free(b->todo.flag);
		} else {
			s->showme = s->todo;
			pv->show_may_fail = b->todo.flag;
		}
		memset(&b->todo, 0, sizeof b->todo);
		memset(&b->show, 0, sizeof b->show);
		pv->checks = b->checks;
		pv->nchecks = b->nchecks;
		pv->line = b->line;
		pv->needs = b->needs;
		pv->nneeds = b->nneeds;
		b->checks = NULL;
		b->nchecks = 0;
		b->needs = NULL;
		b->nneeds = 0;
		s->priv = pv;
	}
}

/* Why the line s[0..n) is not lesson text (NULL when it is): a NUL or
 * another control character (a tab is a blank), or bytes that are not
 * UTF-8.  Control characters, C1 ones (U+0080..U+009F) included, would
 * reach the learner's terminal as escape sequences. */
static const char *not_text(const unsigned char *s, size_t n, char *buf,
                            size_t len)
{
	for (size_t i = 0; i < n; i++) {
		unsigned c = s[i], cp, need;

		if (c == '\t' || (c >= 0x20 && c < 0x7f))
			continue;
		if (c == 0)
			return "a NUL byte (this is not a text file)";
		if (c < 0x20 || c == 0x7f) {
			snprintf(buf, len, "a control character (0x%02x) in column "
			         "%zu (a lesson is text: no escapes, no CR but "
			         "at the end of a line)", c, i + 1);
			return buf;
		}
		if (c >= 0xc2 && c <= 0xdf) {
			need = 1;
			cp = c & 0x1f;
		} else if (c >= 0xe0 && c <= 0xef) {
			need = 2;
			cp = c & 0x0f;
		} else if (c >= 0xf0 && c <= 0xf4) {
			need = 3;
			cp = c & 0x07;
		} else {
			goto bad;
		}
		if (n - i - 1 < need)
			goto bad;
		for (unsigned k = 1; k <= need; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				goto bad;
			cp = cp << 6 | (s[i + k] & 0x3f);
		}
		if ((need == 2 && cp < 0x800) || (need == 3 && cp < 0x10000) ||
		    cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			goto bad;
		if (cp >= 0x80 && cp <= 0x9f) {
			snprintf(buf, len, "a control character (U+%04X) in column "
			         "%zu (a lesson is text: no escapes)", cp, i + 1);
			return buf;
		}
		/* explicit direction overrides and isolates make text read
		 * otherwise than it is (a command that is not what it shows) */
		if ((cp >= 0x202a && cp <= 0x202e) ||
		    (cp >= 0x2066 && cp <= 0x2069)) {
			snprintf(buf, len, "a bidirectional control character "
			         "(U+%04X) in column %zu (it would show the text "
			         "otherwise than it is)", cp, i + 1);
			return buf;
		}
		i += need;
		continue;
bad:
		snprintf(buf, len, "not UTF-8 text (byte 0x%02x in column %zu)",
		         c, i + 1);
		return buf;
	}
	return NULL;
}

bool lesson_is_text(const char *s, size_t n)
{
	char buf[160];

	return !not_text((const unsigned char *)s, n, buf, sizeof buf);
}

int lesson_parse(const char *text, const char *filename, struct lesson **out,
                 char *err, size_t errlen)
{
	return lesson_parse_buf(text ? text : "", text ? strlen(text) : 0,
	                        filename, out, err, errlen);
}

int lesson_parse_buf(const char *text, size_t len, const char *filename,
                     struct lesson **out, char *err, size_t errlen)
{
	struct parser p;
	struct lesson *l;
	const char *s = text ? text : "", *end = s + (text ? len : 0);
	struct sbuf line = SBUF_INIT;
	int rc = 0;

	*out = NULL;
	memset(&p, 0, sizeof p);
	p.file = filename ? filename : "lesson";
	p.err = err;
	p.errlen = errlen;
	text_init(&p.summary);
	/* a byte order mark is no part of the text */
	if (end - s >= 3 && !memcmp(s, "\xef\xbb\xbf", 3))
		s += 3;
	while (s < end && rc == 0) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		size_t n = nl ? (size_t)(nl - s) : (size_t)(end - s);
		const char *body, *why;
		char whybuf[160];
		int ind;

		p.line++;
		if (n > LESSON_LINE_MAX) {
			rc = perr(&p, "a line longer than %d bytes (this is not a "
			          "lesson)", LESSON_LINE_MAX);
			break;
		}
		sbuf_reset(&line);
		sbuf_addn(&line, s, n);
		s += n;
		if (s < end)
			s++;                    /* the newline */
		/* CRLF line ends are line ends */
		if (line.len && line.s[line.len - 1] == '\r')
			line.s[--line.len] = '\0';
		why = not_text((const unsigned char *)line.s, line.len, whybuf,
		               sizeof whybuf);
		if (why) {
			rc = perr(&p, "%s", why);
			break;
		}
		/* trailing blanks go */
		while (line.len && isspace((unsigned char)line.s[line.len - 1]))
			line.s[--line.len] = '\0';
		ind = indentation(sbuf_str(&line), &body);
		if (!*body) {
			if (p.tt)
				p.tt->blank = p.tt->used;
			continue;
		}
		if (ind == 0) {
			if (*body == '#')
				continue;
			rc = do_directive(&p, body);
			continue;
		}
		if (!p.tt) {
			rc = perr(&p, "indented text here belongs to nothing "
			          "(text goes under a step line, a summary:, "
			          "keys: or hint:; commands and checks are one "
			          "line each)");
			break;
		}
		text_add(p.tt, body, ind);
	}
	sbuf_free(&line);
	if (rc == 0 && !p.has_lesson) {
		p.line = p.line ? p.line : 1;
		rc = perr(&p, "no lesson line: a lesson file starts with "
		          "lesson NUMBER \"TITLE\"");
	}
	if (rc == 0 && !p.nsteps)
		rc = perr(&p, "the lesson has no steps (step \"TITLE\")");
	if (rc == 0)
		rc = finish_step(&p);
	if (rc < 0) {
		parser_free(&p);
		return -1;
	}
	l = xcalloc(1, sizeof *l);
	l->filename = xstrdup(p.file);
	build(&p, l);
	parser_free(&p);
	*out = l;
	return 0;
}

void lesson_free(struct lesson *l)
{
	if (!l)
		return;
	free(l->title);
	free(l->summary);
	free(l->filename);
	for (size_t i = 0; l->setup && l->setup[i]; i++)
		free(l->setup[i]);
	free(l->setup);
	free(l->setup_may_fail);
	for (size_t i = 0; i < l->nsteps; i++) {
		struct lesson_step *s = &l->steps[i];
		struct lesson_step_priv *pv = s->priv;

		free((char *)s->title);
		free((char *)s->text);
		free((char *)s->keys);
		free((char *)s->hint);
		for (size_t k = 0; s->todo && s->todo[k]; k++)
			free((char *)s->todo[k]);
		free((void *)s->todo);
		if (s->showme != s->todo) {
			for (size_t k = 0; s->showme && s->showme[k]; k++)
				free((char *)s->showme[k]);
			free((void *)s->showme);
		}
		for (size_t k = 0; k < pv->nchecks; k++)
			lck_free(&pv->checks[k]);
		free(pv->checks);
		free(pv->needs);
		free(pv->show_may_fail);
		free(pv);
	}
	free(l->steps);
	free(l);
}

/* ------------------------------------------------------------------ */
/* accessors                                                          */
/* ------------------------------------------------------------------ */

int lesson_number(const struct lesson *l) { return l->number; }
const char *lesson_title(const struct lesson *l) { return l->title; }
const char *lesson_summary(const struct lesson *l) { return l->summary; }
const char *lesson_filename(const struct lesson *l) { return l->filename; }

const char *const *lesson_setup(const struct lesson *l)
{
	return (const char *const *)l->setup;
}

size_t lesson_nsteps(const struct lesson *l) { return l->nsteps; }

const struct lesson_step *lesson_step(const struct lesson *l, size_t i)
{
	return i < l->nsteps ? &l->steps[i] : NULL;
}

size_t lesson_step_nchecks(const struct lesson_step *s)
{
	return s->priv->nchecks;
}

const char *lesson_check_text(const struct lesson_step *s, size_t i)
{
	return i < s->priv->nchecks ? s->priv->checks[i].text : "";
}

bool lesson_check_is_slow(const struct lesson_step *s, size_t i)
{
	return i < s->priv->nchecks && s->priv->checks[i].slow;
}

bool lesson_step_has_slow(const struct lesson_step *s)
{
	for (size_t i = 0; i < s->priv->nchecks; i++)
		if (s->priv->checks[i].slow)
			return true;
	return false;
}

const struct lesson *lesson_find(struct lesson *const *v, size_t n, int num)
{
	for (size_t i = 0; i < n; i++)
		if (v[i]->number == num)
			return v[i];
	return NULL;
}

/* ------------------------------------------------------------------ */
/* wrapping                                                           */
/* ------------------------------------------------------------------ */

/* code points in s[0..n) */
static int width_of(const char *s, size_t n)
{
	int w = 0;

	for (size_t i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			w++;
	return w;
}

static void wrap_para(const char *p, size_t n, int width, struct sbuf *out)
{
	int col = 0;
	size_t i = 0;

	while (i < n) {
		size_t j;
		int w;

		while (i < n && (p[i] == ' ' || p[i] == '\n'))
			i++;
		if (i >= n)
			break;
		for (j = i; j < n && p[j] != ' ' && p[j] != '\n'; j++)
			;
		w = width_of(p + i, j - i);
		if (col > 0 && col + 1 + w > width) {
			sbuf_addc(out, '\n');
			col = 0;
		}
		if (col > 0) {
			sbuf_addc(out, ' ');
			col++;
		}
		sbuf_addn(out, p + i, j - i);
		col += w;
		i = j;
	}
	sbuf_addc(out, '\n');
}

void lesson_wrap(const char *text, int width, struct sbuf *out)
{
	const char *p = text ? text : "";
	bool first = true;

	if (width < 10)
		width = 10;
	while (*p) {
		const char *end = strstr(p, "\n\n");
		size_t n = end ? (size_t)(end - p) : strlen(p);

		if (n) {
			if (!first)
				sbuf_addc(out, '\n');
			first = false;
			if (p[0] == ' ') {
				sbuf_addn(out, p, n);
				sbuf_addc(out, '\n');
			} else {
				wrap_para(p, n, width, out);
			}
		}
		p += n;
		while (*p == '\n')
			p++;
	}
}
