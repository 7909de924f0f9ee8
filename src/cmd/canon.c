/* SPDX-License-Identifier: GPL-2.0-or-later */
/* canon.c - a parsed command written back the way iproute2 spells it.
 *
 * One normal form per command, so the log, the lessons and the tests can
 * compare text: `ip`, then `-n NS` and `-4`/`-6` when given, then full
 * keywords (addr, not a; del, not delete; show, not list), no `dev` where
 * iproute2 does not need it (`ip link set veth0 up`), and addresses as
 * inet_ntop writes them.  Parsing the canonical text gives back the same
 * struct cmd.  Words are quoted for the shell when they need it, so a
 * learner can paste a line into a terminal.  This file writes words; each
 * verb's canon function (in its parse_OBJECT.c, named by the verb table)
 * says which.
 */
#include "cmd/parse_int.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "util/esc.h"
#include "util/sbuf.h"

static bool plain(const char *w)
{
	const char *s;

	if (!*w)
		return false;
	for (s = w; *s; s++)
		if (!isalnum((unsigned char)*s) && !strchr("-_.,:/@%+=", *s))
			return false;
	return true;
}

/* One word, after a blank unless it is the first. */
void canon_word(struct canon *o, const char *w)
{
	const char *s;

	if (!o->first)
		sbuf_addc(o->b, ' ');
	o->first = false;
	if (plain(w)) {
		sbuf_add(o->b, w);
		return;
	}
	if (!esc_safe(w)) {
		/* a name someone else made, with bytes a terminal acts on:
		 * bash's $'...', which cmd_split reads back */
		sbuf_add(o->b, "$'");
		for (s = w; *s; ) {
			size_t n;
			char hex[20];

			if (esc_char(s, &n) != ESC_SAFE) {
				sbuf_add(o->b, esc_hex(s, n, hex, sizeof hex));
			} else {
				if (*s == '\\' || *s == '\'')
					sbuf_addc(o->b, '\\');
				sbuf_addn(o->b, s, n);
			}
			s += n;
		}
		sbuf_addc(o->b, '\'');
		return;
	}
	sbuf_addc(o->b, '\'');
	for (s = w; *s; s++) {
		if (*s == '\'')
			sbuf_add(o->b, "'\\''");
		else
			sbuf_addc(o->b, *s);
	}
	sbuf_addc(o->b, '\'');
}

void canon_wordf(struct canon *o, const char *fmt, ...)
{
	char buf[128];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	canon_word(o, buf);
}

void cmd_quote_word(struct sbuf *out, const char *w)
{
	struct canon o = { out, out->len == 0, true };

	canon_word(&o, w);
}

void canon_ip(struct canon *o, const struct w_ip *ip)
{
	char buf[INET6_ADDRSTRLEN];

	canon_word(o, w_ip_str(ip, buf, sizeof buf));
}

void canon_prefix(struct canon *o, const struct w_ip *ip, int len)
{
	char buf[INET6_ADDRSTRLEN];

	w_ip_str(ip, buf, sizeof buf);
	if (len >= 0)
		canon_wordf(o, "%s/%d", buf, len);
	else
		canon_word(o, buf);
}

/* A device name where a bare name could be read as a keyword needs the
 * keyword in front (`ip link set dev up down`); the set is generous. */
static bool clashes(const char *name)
{
	static const char *const kws[] = {
		"dev", "name", "type", "peer", "up", "down", "mtu", "netns",
		"txqueuelen", "qlen", "to", "default", "help", "master",
		"nomaster", "link", "alias", "promisc", "arp", "txqlen", NULL
	};
	const char *const *k;
	size_t n = strlen(name);

	for (k = kws; *k; k++)
		if (!strcmp(name, *k))
			return true;
	return n >= 4 && !strncmp(name, "address", n);
}

void canon_dev(struct canon *o, const char *kw, const char *name)
{
	if (clashes(name))
		canon_word(o, kw);
	canon_word(o, name);
}

/* Seconds as %g when that reads back exactly, else in full. */
void canon_seconds(struct canon *o, const char *opt, double v)
{
	char buf[64];

	snprintf(buf, sizeof buf, "%g", v);
	if (strtod(buf, NULL) != v)
		snprintf(buf, sizeof buf, "%.17g", v);
	canon_word(o, opt);
	canon_word(o, buf);
}

void canon_ip_head(const struct cmd *c, struct canon *o)
{
	canon_word(o, "ip");
	if (o->show_ns && c->ns[0]) {
		canon_word(o, "-n");
		canon_word(o, c->ns);
	}
	if (c->family == AF_INET)
		canon_word(o, "-4");
	else if (c->family == AF_INET6)
		canon_word(o, "-6");
	else if (c->family == AF_PACKET)
		canon_word(o, "-0");
	if (c->opts.brief)
		canon_word(o, "-br");
	for (int k = 0; k < c->opts.stats; k++)
		canon_word(o, "-s");
	if (c->opts.details)
		canon_word(o, "-d");
	if (c->opts.oneline)
		canon_word(o, "-o");
	if (c->opts.json)
		canon_word(o, "-j");
	if (c->opts.pretty)
		canon_word(o, "-p");
}

void canon_exec_head(const struct cmd *c, struct canon *o)
{
	if (o->show_ns && c->ns[0]) {
		canon_word(o, "ip");
		canon_word(o, "netns");
		canon_word(o, "exec");
		canon_word(o, c->ns);
	}
}

void canon_cmd(const struct cmd *c, struct canon *o)
{
	const struct cmd_entry *e = cmd_verb_entry(c->verb);

	if (e && e->canon)
		e->canon(c, o);
}

void cmd_canonical(const struct cmd *c, struct sbuf *out)
{
	struct canon o = { out, true, true };

	canon_cmd(c, &o);
}
