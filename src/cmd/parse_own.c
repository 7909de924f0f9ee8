/* SPDX-License-Identifier: GPL-2.0-or-later */
/* parse_own.c - nsviz's own commands that stand alone: ping (iputils'
 * options) and sysctl (sysctl(8)'s, for keys under net.), parse and
 * canonical text.  Their canonical text is what a learner types in a
 * shell: `ping -c 4 10.0.2.1`, in a namespace `ip netns exec vnet ...`. */
#include "cmd/parse_int.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#define PING_SECONDS_MAX 86400.0
#define PING_INTERVAL_MIN 0.002   /* iputils' floor for ordinary users */

void ping_init(struct cmd *c)
{
	memset(&c->u.ping, 0, sizeof c->u.ping);
	c->u.ping.count = 4;
	c->u.ping.wait = 0;     /* -W not given: iputils' 10 s after the last */
	c->u.ping.interval = 1.0;
}

void sysctl_init(struct cmd *c)
{
	memset(&c->u.sysctl, 0, sizeof c->u.sysctl);
}

/* ---- ping -------------------------------------------------------------- */

static int parse_seconds(struct parser *p, const char *w, const char *what,
                         double min, double *out)
{
	char *end;
	double v;

	if (!*w || strspn(w, "0123456789.") != strlen(w))
		return p_bad(p, w, "%s must be a number of seconds", what);
	errno = 0;
	v = strtod(w, &end);
	if (errno || *end || !isfinite(v))
		return p_bad(p, w, "%s must be a number of seconds", what);
	if (v < min || v <= 0 || v > PING_SECONDS_MAX)
		return p_bad(p, w, "%s out of range (%g..%g seconds)", what,
		           min > 0 ? min : 0.001, PING_SECONDS_MAX);
	*out = v;
	return 0;
}

#define PING_HINT "nsviz's ping takes -c COUNT, -W SECONDS and -i SECONDS"

int parse_ping(struct parser *p)
{
	struct cmd *c = p->c;
	bool have_target = false, have_c = false, have_w = false, have_i = false;
	const char *w, *v;

		if (p_no_family(p, "ping (the address says which family)"))
		return -1;
	while (p_more(p)) {
		w = p_next(p);
		if (w[0] == '-' && w[1]) {
			char opt = w[1];
			bool *seen = opt == 'c' ? &have_c : opt == 'W' ? &have_w :
			             opt == 'i' ? &have_i : NULL;
			char name[3] = { '-', opt, '\0' };

			if (!seen)
				return p_bad(p, w, "ping option not supported (" PING_HINT ")");
			if (*seen)
				return p_twice(p, name);
			*seen = true;
			/* -c10 and -c 10 both work, as in iputils */
			if (w[2])
				v = w + 2;
			else if (!(v = p_value(p, opt == 'c' ? "count" : "seconds")))
				return -1;
			if (opt == 'c') {
				unsigned long long n;

				if (!p_u64(v, INT_MAX, &n) || n == 0)
					return p_bad(p, v, "ping count must be a positive "
					           "number");
				c->u.ping.count = (int)n;
			} else if (opt == 'W') {
				if (parse_seconds(p, v, "wait (-W)", 0, &c->u.ping.wait))
					return -1;
			} else if (parse_seconds(p, v, "interval (-i)",
			                         PING_INTERVAL_MIN, &c->u.ping.interval)) {
				return -1;
			}
		} else if (!have_target) {
			if (p_ip_zone(p, w, &c->u.ping.target, c->u.ping.dev))
				return -1;
			have_target = true;
		} else {
			p->i--;
			return p_unexpected(p);
		}
	}
	if (!have_target)
		return p_missing(p, "address to ping");
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
		return p_bad(p, word, "malformed setting: the key before '=' is "
		           "empty (" SYSCTL_HINT ")");
	if (len >= CMD_SYSCTL_KEY_MAX)
		return p_bad(p, word, "sysctl key longer than %d characters",
		           CMD_SYSCTL_KEY_MAX - 1);
	for (k = 0; k < len; k++) {
		unsigned char ch = (unsigned char)key[k];

		if (ch == '/')
			return p_bad(p, word, "sysctl key must not contain '/' "
			           "(write it with dots, like "
			           "net.ipv4.ip_forward)");
		if (ch == ' ')
			return p_bad(p, word, "sysctl key must not contain blanks "
			           "(%s)", SYSCTL_HINT);
		if (ch < 0x20 || ch == 0x7f) {
			char hex[8];

			snprintf(hex, sizeof hex, "\\x%02x", ch);
			return p_bad(p, word, "sysctl key must not contain control "
			           "character %s", hex);
		}
	}
	if (key[0] == '.' || key[len - 1] == '.' ||
	    memmem(key, len, "..", 2))
		return p_bad(p, word, "not a sysctl key (empty part between dots)");
	if (len == 3 && !strncmp(key, "net", 3))
		return p_bad(p, word, "names every network sysctl; give one key, "
		           "like net.ipv4.ip_forward");
	if (len < 5 || strncmp(key, "net.", 4))
		return p_bad(p, word, "not a network sysctl (nsviz reads and sets "
		           "net.* keys only: they belong to a network "
		           "namespace)");
	memcpy(p->c->u.sysctl.key, key, len);
	p->c->u.sysctl.key[len] = '\0';
	return 0;
}

static int parse_sysctl_setting(struct parser *p, const char *w, bool dash_w)
{
	struct cmd_sysctl *s = &p->c->u.sysctl;
	const char *eq = strchr(w, '='), *val;
	size_t vlen;

	if (!eq) {
		if (dash_w)
			return p_bad(p, w, "malformed setting: -w needs KEY=VALUE, "
			           "without blanks around '=' (like "
			           "net.ipv4.ip_forward=1)");
		return parse_sysctl_key(p, w, w, strlen(w));
	}
	if (parse_sysctl_key(p, w, w, (size_t)(eq - w)))
		return -1;
	val = eq + 1;
	vlen = strlen(val);
	if (!vlen)
		return p_bad(p, w, "malformed setting: the value after '=' is "
		           "empty (like net.ipv4.ip_forward=1)");
	if (vlen >= CMD_SYSCTL_VALUE_MAX)
		return p_bad(p, w, "value longer than %d characters",
		           CMD_SYSCTL_VALUE_MAX - 1);
	for (size_t k = 0; k < vlen; k++)
		if (iscntrl((unsigned char)val[k]) && val[k] != '\t')
			return p_bad(p, w, "the value must not contain a newline "
			           "or control characters");
	memcpy(s->value, val, vlen + 1);
	s->write = true;
	return 0;
}

/* sysctl [-w] [-n] [-q] KEY[=VALUE], flags as sysctl(8) takes them (also
 * together: -wq).  Like sysctl(8), KEY=VALUE writes even without -w. */
int parse_sysctl(struct parser *p)
{
	struct cmd *c = p->c;
	struct cmd_sysctl *s = &c->u.sysctl;
	bool dash_w = false, have_key = false;
	const char *w;

		if (p_no_family(p, "sysctl (the key says which family)"))
		return -1;
	while (p_more(p)) {
		w = p_next(p);
		if (w[0] == '-' && w[1] && !have_key) {
			for (const char *f = w + 1; *f; f++) {
				bool *flag = *f == 'w' ? &dash_w :
				             *f == 'n' ? &s->values_only :
				             *f == 'q' ? &s->quiet : NULL;
				char name[3] = { '-', *f, '\0' };

				if (!flag)
					return p_bad(p, w, "sysctl option not supported "
					           "(nsviz's sysctl takes -w, -n and "
					           "-q)");
				if (*flag)
					return p_twice(p, name);
				*flag = true;
			}
		} else if (!have_key) {
			/* `sysctl -n NS KEY`: sysctl(8)'s -n, not ip's */
			if (s->values_only && !strchr(w, '.') && !strchr(w, '='))
				return p_bad(p, w, "not a sysctl key (-n after sysctl "
				           "means values only, as in sysctl(8); a "
				           "namespace goes first: -n NS sysctl KEY)");
			if (parse_sysctl_setting(p, w, dash_w))
				return -1;
			have_key = true;
		} else {
			p->i--;
			return p_unexpected(p);
		}
	}
	if (!have_key)
		return p_missing(p, dash_w ? "KEY=VALUE (like "
		                           "net.ipv4.ip_forward=1)"
		                         : "key (like net.ipv4.ip_forward)");
	return 0;
}


/* ---- canonical text ------------------------------------------------------ */

void canon_ping(const struct cmd *c, struct canon *o)
{
	const struct cmd_ping *g = &c->u.ping;

	canon_exec_head(c, o);
	canon_word(o, "ping");
	if (g->count > 0) {
		canon_word(o, "-c");
		canon_wordf(o, "%d", g->count);
	}
	if (g->wait > 0)
		canon_seconds(o, "-W", g->wait);
	if (g->interval != 1.0)
		canon_seconds(o, "-i", g->interval);
	if (g->dev[0]) {
		char buf[64];

		canon_wordf(o, "%s%%%s", w_ip_str(&g->target, buf, sizeof buf),
		            g->dev);
	} else {
		canon_ip(o, &g->target);
	}
}

/* sysctl(8) is not ip: `sysctl -w net.ipv4.ip_forward=1` for the host,
 * `ip netns exec router sysctl -w net.ipv4.ip_forward=1` in a namespace. */
void canon_sysctl(const struct cmd *c, struct canon *o)
{
	const struct cmd_sysctl *s = &c->u.sysctl;
	char buf[CMD_SYSCTL_KEY_MAX + CMD_SYSCTL_VALUE_MAX + 1];

	canon_exec_head(c, o);
	canon_word(o, "sysctl");
	if (s->values_only)
		canon_word(o, "-n");
	if (s->quiet)
		canon_word(o, "-q");
	if (s->write) {
		canon_word(o, "-w");
		snprintf(buf, sizeof buf, "%s=%s", s->key, s->value);
		canon_word(o, buf);
	} else {
		canon_word(o, s->key);
	}
}
