/* SPDX-License-Identifier: GPL-2.0-or-later */
/* parse_route.c - route add|del|show|get: parse and canonical text. */
#include "cmd/parse_int.h"

#include <arpa/inet.h>
#include <linux/rtnetlink.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

void route_init(struct cmd *c)
{
	memset(&c->u.route, 0, sizeof c->u.route);
	c->u.route.dst_len = -1;
	c->u.route.scope = -1;
}

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
	if (!p_u64(w, 255, &v))
		return p_bad(p, w, "not a route scope (expected link, host, global "
		           "or a number 0..255)");
	*scope = (int)v;
	return 0;
}

/* Only the main table: nsviz shows and changes nothing else. */
static int parse_table(struct parser *p, const char *w)
{
	if (!strcmp(w, "main") || !strcmp(w, "254"))
		return 0;
	return p_bad(p, w, "only table main is supported by nsviz");
}


static int take_via(struct parser *p, const char *kw, const char *v)
{
	struct cmd_route *r = &p->c->u.route;

	(void)kw;
	p->mark[1] = v;
	r->has_via = true;
	return p_ip(p, v, &r->via, p->c->family);
}

static int take_dev(struct parser *p, const char *kw, const char *v)
{
	struct cmd_route *r = &p->c->u.route;

	(void)kw;
	r->has_dev = true;
	return p_take_ifname(p, v, r->dev);
}

static int take_scope(struct parser *p, const char *kw, const char *v)
{
	(void)kw;
	return parse_scope(p, v, &p->c->u.route.scope);
}

static int take_src(struct parser *p, const char *kw, const char *v)
{
	struct cmd_route *r = &p->c->u.route;

	(void)kw;
	p->mark[2] = v;
	r->has_src = true;
	return p_ip(p, v, &r->src, p->c->family);
}

static int take_metric(struct parser *p, const char *kw, const char *v)
{
	struct cmd_route *r = &p->c->u.route;
	unsigned long long m;

	if (!p_u64(v, UINT32_MAX, &m))
		return p_bad(p, v, "%s must be a number (0..4294967295)", kw);
	r->metric = (uint32_t)m;
	r->has_metric = true;
	return 0;
}

static int take_table(struct parser *p, const char *kw, const char *v)
{
	(void)kw;
	return parse_table(p, v);
}

static int take_to(struct parser *p, const char *kw, const char *v);

static int route_positional(struct parser *p, const char *w)
{
	struct cmd_route *r = &p->c->u.route;

	if (route_option(w))
		return p_bad(p, w, "route option not supported by nsviz "
		             "(expected via, dev, scope, src or metric)");
	if (p->mark[0]) {
		p->i--;
		return p_unexpected(p);
	}
	p->mark[0] = w;
	if (!strcmp(w, "default")) {
		r->is_default = true;
		r->dst_len = 0;
		return 0;
	}
	return p_prefix(p, w, &r->dst, &r->dst_len, p->c->family);
}

static int take_to(struct parser *p, const char *kw, const char *v)
{
	if (p->mark[0]) {
		p->i--;
		p->i--;
		return p_unexpected(p);
	}
	(void)kw;
	return route_positional(p, v);
}

static const struct cmd_option route_options[] = {
	{ "via", 0, 0, "gateway address", take_via },
	{ "dev", 0, 1, "interface name", take_dev },
	{ "oif", 0, 1, "interface name", take_dev },
	{ "scope", 2, 2, "scope", take_scope },
	{ "src", 0, 3, "source address", take_src },
	{ "metric", 0, 4, "metric value", take_metric },
	{ "priority", 0, 4, "metric value", take_metric },
	{ "preference", 0, 4, "metric value", take_metric },
	{ "table", 2, 5, "table", take_table },
	{ "to", 0, 6, "destination", take_to },
	{ NULL, 0, 0, NULL, NULL }
};

/* route add|del DESTINATION [via GW] [dev NAME] [scope S] [src A] [metric N] */
int parse_route_change(struct parser *p)
{
	struct cmd *c = p->c;
	struct cmd_route *r = &c->u.route;

	if (p_options(p, route_options, route_positional))
		return -1;
	if (!p->mark[0])
		return p_missing(p, "destination (a prefix like 10.0.2.0/24, "
		               "or default)");

	if (r->is_default) {
		int fam = c->family ? c->family :
		          r->has_via ? r->via.family :
		          r->has_src ? r->src.family : AF_INET;
		memset(&r->dst, 0, sizeof r->dst);
		r->dst.family = fam;
	}
	if (r->has_via && r->via.family != r->dst.family)
		return p_bad(p, p->mark[1], "gateway is %s but the destination %s is %s",
		           p_family_name(r->via.family), p->mark[0],
		           p_family_name(r->dst.family));
	if (r->has_src && r->src.family != r->dst.family)
		return p_bad(p, p->mark[2], "source is %s but the destination %s is %s",
		           p_family_name(r->src.family), p->mark[0],
		           p_family_name(r->dst.family));
	if (p->c->verb == CMD_ROUTE_ADD && !r->has_via && !r->has_dev)
		return p_bad(p, p->mark[0], "route needs a gateway (via ADDR) or a "
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
			return p_bad(p, p->mark[0], "host bits set for a /%d prefix "
			           "(did you mean %s/%d?)", r->dst_len, net,
			           r->dst_len);
		}
	}
	return 0;
}


int parse_route_show(struct parser *p)
{
	const char *v;

	if (p_more(p) && kw_abbrev(p_peek(p), "table", 2)) {
		p->i++;
		if (!(v = p_value(p, "table")) || parse_table(p, v))
			return -1;
	}
	return p_more(p) ? p_unexpected(p) : 0;
}

int parse_route_get(struct parser *p)
{
	struct cmd_route *r = &p->c->u.route;

	if (p_more(p) && !strcmp(p_peek(p), "to"))
		p->i++;
	if (!p_more(p))
		return p_missing(p, "address");
	if (p_ip(p, p_next(p), &r->dst, p->c->family))
		return -1;
	r->dst_len = -1;
	return p_more(p) ? p_unexpected(p) : 0;
}

/* ---- canonical text ------------------------------------------------------ */

static const char *scope_name(int scope)
{
	switch (scope) {
	case RT_SCOPE_UNIVERSE: return "global";
	case RT_SCOPE_SITE: return "site";
	case RT_SCOPE_LINK: return "link";
	case RT_SCOPE_HOST: return "host";
	case RT_SCOPE_NOWHERE: return "nowhere";
	default: return NULL;
	}
}

void canon_route(const struct cmd *c, struct canon *o)
{
	const struct cmd_route *r = &c->u.route;
	const char *sc;

	canon_ip_head(c, o);
	canon_word(o, "route");
	canon_word(o, cmd_verb_entry(c->verb)->say);
	if (c->verb == CMD_ROUTE_SHOW)
		return;
	if (c->verb == CMD_ROUTE_GET) {
		canon_ip(o, &r->dst);
		return;
	}
	if (r->is_default)
		canon_word(o, "default");
	else
		canon_prefix(o, &r->dst, r->dst_len);
	if (r->has_via) {
		canon_word(o, "via");
		canon_ip(o, &r->via);
	}
	if (r->has_dev) {
		canon_word(o, "dev");
		canon_word(o, r->dev);
	}
	if (r->scope >= 0) {
		canon_word(o, "scope");
		if ((sc = scope_name(r->scope)))
			canon_word(o, sc);
		else
			canon_wordf(o, "%d", r->scope);
	}
	if (r->has_src) {
		canon_word(o, "src");
		canon_ip(o, &r->src);
	}
	if (r->has_metric) {
		canon_word(o, "metric");
		canon_wordf(o, "%u", (unsigned)r->metric);
	}
}
