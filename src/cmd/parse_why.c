/* SPDX-License-Identifier: GPL-2.0-or-later */
/* parse_why.c - `why ADDR[%IF] [proto icmp|tcp|udp] [port P] [from SRC]
 * [--probe] [--json]` (issue 15): the words and the canonical text.  What it does
 * is src/why/'s. */
#include "cmd/parse_int.h"

#include <netinet/in.h>
#include <string.h>

#include "echo/echo.h"

void why_init(struct cmd *c)
{
	memset(&c->u.why, 0, sizeof c->u.why);
	c->u.why.proto = IPPROTO_ICMP;
	c->u.why.port = ECHO_PORT_DEFAULT;
}

int parse_why(struct parser *p)
{
	struct cmd *c = p->c;
	struct cmd_why *y = &c->u.why;
	bool have_target = false, have_proto = false, have_from = false;
	const char *w, *v;

	if (p_no_family(p, "why (the address says which family)"))
		return -1;
	while (p_more(p)) {
		w = p_next(p);
		if (!strcmp(w, "--json") || !strcmp(w, "-j") ||
		    !strcmp(w, "-json")) {
			c->opts.json = true;
		} else if (!strcmp(w, "--probe")) {
			if (y->probe)
				return p_twice(p, "--probe");
			y->probe = true;
		} else if (!strcmp(w, "proto")) {
			if (have_proto)
				return p_twice(p, "proto");
			if (!(v = p_value(p, "protocol (icmp, tcp or udp)")))
				return -1;
			if (!strcmp(v, "icmp") || !strcmp(v, "icmp6") ||
			    !strcmp(v, "ipv6-icmp"))
				y->proto = IPPROTO_ICMP;
			else if (!strcmp(v, "tcp"))
				y->proto = IPPROTO_TCP;
			else if (!strcmp(v, "udp"))
				y->proto = IPPROTO_UDP;
			else
				return p_bad(p, v, "unknown protocol (expected "
				           "icmp, tcp or udp)");
			have_proto = true;
		} else if (!strcmp(w, "port") || !strcmp(w, "dport")) {
			unsigned long long n;

			if (y->has_port)
				return p_twice(p, "port");
			if (!(v = p_value(p, "port")))
				return -1;
			if (!p_u64(v, 65535, &n) || n == 0)
				return p_bad(p, v, "port must be 1..65535");
			y->port = (unsigned)n;
			y->has_port = true;
		} else if (!strcmp(w, "from") || !strcmp(w, "src")) {
			if (have_from)
				return p_twice(p, "from");
			if (!(v = p_value(p, "source address")))
				return -1;
			if (p_ip(p, v, &y->from, 0))
				return -1;
			have_from = true;
		} else if (!have_target && w[0] != '-') {
			if (p_ip_zone(p, w, &y->target, y->dev))
				return -1;
			have_target = true;
		} else {
			p->i--;
			return p_unexpected(p);
		}
	}
	if (!have_target)
		return p_missing(p, "address (why ADDR: where the packet goes)");
	if (y->has_port && y->proto == IPPROTO_ICMP)
		return p_fail(p, "why: port goes with proto tcp or udp (an "
		              "echo request has no port)");
	if (have_from && y->from.family != y->target.family)
		return p_fail(p, "why: from and the address are of different "
		              "families");
	return 0;
}

void canon_why(const struct cmd *c, struct canon *o)
{
	const struct cmd_why *y = &c->u.why;

	canon_word(o, "nsviz");
	if (o->show_ns && c->ns[0]) {
		canon_word(o, "-n");
		canon_word(o, c->ns);
	}
	canon_word(o, "why");
	if (y->dev[0]) {
		char buf[64];

		canon_wordf(o, "%s%%%s", w_ip_str(&y->target, buf, sizeof buf),
		            y->dev);
	} else {
		canon_ip(o, &y->target);
	}
	if (y->proto != IPPROTO_ICMP) {
		canon_word(o, "proto");
		canon_word(o, y->proto == IPPROTO_TCP ? "tcp" : "udp");
		canon_word(o, "port");
		canon_wordf(o, "%u", y->port);
	}
	if (y->from.family) {
		canon_word(o, "from");
		canon_ip(o, &y->from);
	}
	if (y->probe)
		canon_word(o, "--probe");
	if (c->opts.json)
		canon_word(o, "--json");
}
