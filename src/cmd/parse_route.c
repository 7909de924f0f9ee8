/* SPDX-License-Identifier: GPL-2.0-or-later */
/* parse_route.c - route add|change|replace|prepend|append|del|show|get:
 * parse and canonical text; the names of tables, protocols and scopes
 * (rule and addr flush take them too). */
#include "cmd/parse_int.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
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
		"nhid", "advmss",
		"realm", "realms", "expires", "encap",
		"from", "rtt", "rttvar", "window", "cwnd", "initcwnd",
		"initrwnd", "hoplimit", "reordering", "features", "quickack",
		"congctl", "fastopen_no_cookie", "ttl-propagate", "vrf", "as",
		NULL
	};
	const char *const *o;

	for (o = opts; *o; o++)
		if (!strcmp(w, *o))
			return true;
	return false;
}

int p_scope(struct parser *p, const char *w, int *scope)
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

/* iproute2's rtnl_rttable_a2n: a name of rt_tables (main, local,
 * default; unspec is 0) or a number, decimal or 0x hex. */
int p_table(struct parser *p, const char *w, uint32_t *table)
{
	unsigned long long v;
	char buf[32];

	for (int t = 0; t < 256; t++) {
		if (!strcmp(w, fmt_table_name(t, buf, sizeof buf)) &&
		    (w[0] < '0' || w[0] > '9')) {
			*table = (uint32_t)t;
			return 0;
		}
	}
	(void)v;
	if (!p_u32_c(w, UINT32_MAX, table))
		return p_bad(p, w, "not a routing table (expected main, local, "
		             "default or a number 0..4294967295)");
	return 0;
}

/* rtnl_rtprot_a2n: a name of rt_protos (kernel, boot, static, ...) or a
 * number 0..255 */
int p_rtproto(struct parser *p, const char *w, int *proto)
{
	unsigned long long v;
	char buf[32];

	for (int n = 0; n < 256; n++) {
		if (!strcmp(w, fmt_proto_name(n, buf, sizeof buf)) &&
		    (w[0] < '0' || w[0] > '9')) {
			*proto = n;
			return 0;
		}
	}
	if (!p_u64(w, 255, &v))
		return p_bad(p, w, "not a route protocol (expected kernel, boot, "
		             "static, dhcp, ... or a number 0..255)");
	*proto = (int)v;
	return 0;
}

bool p_u32_c(const char *w, uint32_t max, uint32_t *out)
{
	unsigned long long v;
	char *end;

	if (!*w || *w == '-' || *w == '+' || isspace((unsigned char)*w))
		return false;
	errno = 0;
	v = strtoull(w, &end, 0);
	if (errno || *end || v > max)
		return false;
	*out = (uint32_t)v;
	return true;
}

void canon_table(struct canon *o, uint32_t table)
{
	char buf[32];

	if (table < 256)
		canon_word(o, fmt_table_name((int)table, buf, sizeof buf));
	else
		canon_wordf(o, "%u", (unsigned)table);
}

/* Route types as ip takes them before a prefix (`route add blackhole
 * 10.9.0.0/16`) and after `type` in show */
static const struct { const char *name; int type; } rtypes[] = {
	{ "unicast", RTN_UNICAST }, { "local", RTN_LOCAL },
	{ "broadcast", RTN_BROADCAST }, { "anycast", RTN_ANYCAST },
	{ "multicast", RTN_MULTICAST }, { "blackhole", RTN_BLACKHOLE },
	{ "unreachable", RTN_UNREACHABLE }, { "prohibit", RTN_PROHIBIT },
	{ "throw", RTN_THROW }, { "nat", RTN_NAT }, { "xresolve", RTN_XRESOLVE },
};
/* the types nsviz makes: the rest need options nsviz does not take */
static bool type_makes(int type)
{
	return type == RTN_UNICAST || type == RTN_LOCAL ||
	       type == RTN_BLACKHOLE || type == RTN_UNREACHABLE ||
	       type == RTN_PROHIBIT || type == RTN_THROW;
}

static int rtype_of(const char *w)
{
	for (size_t i = 0; i < sizeof rtypes / sizeof *rtypes; i++)
		if (!strcmp(w, rtypes[i].name))
			return rtypes[i].type;
	return -1;
}

static const char *rtype_name(int type)
{
	for (size_t i = 0; i < sizeof rtypes / sizeof *rtypes; i++)
		if (rtypes[i].type == type)
			return rtypes[i].name;
	return NULL;
}


/* via [inet|inet6] ADDR: with the family word, a gateway of the other
 * family (an IPv4 route through an IPv6 neighbour) */
static int via_addr(struct parser *p, const char *v, struct w_ip *ip,
                    bool *fam_given, const char **word)
{
	int fam = p->c->family == AF_INET || p->c->family == AF_INET6
	          ? p->c->family : 0;

	*fam_given = false;
	if (!strcmp(v, "inet") || !strcmp(v, "inet6")) {
		fam = v[4] ? AF_INET6 : AF_INET;
		*fam_given = true;
		if (!(v = p_value(p, "gateway address")))
			return -1;
	}
	*word = v;
	return p_ip(p, v, ip, fam);
}

static int take_via(struct parser *p, const char *kw, const char *v)
{
	struct cmd_route *r = &p->c->u.route;

	(void)kw;
	r->has_via = true;
	return via_addr(p, v, &r->via, &r->via_fam, &p->mark[1]);
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
	return p_scope(p, v, &p->c->u.route.scope);
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
	struct cmd_route *r = &p->c->u.route;

	(void)kw;
	r->has_table = true;
	return p_table(p, v, &r->table);
}

static int take_proto(struct parser *p, const char *kw, const char *v)
{
	struct cmd_route *r = &p->c->u.route;

	(void)kw;
	r->has_proto = true;
	return p_rtproto(p, v, &r->proto);
}

static int take_onlink(struct parser *p, const char *kw, const char *v)
{
	(void)kw;
	(void)v;
	p->c->u.route.onlink = true;
	return 0;
}

/* tos TOS | dsfield TOS: a number 0..255 (0x hex), as rtnl_dsfield_a2n */
static int take_tos(struct parser *p, const char *kw, const char *v)
{
	uint32_t t;

	if (!p_u32_c(v, 255, &t))
		return p_bad(p, v, "%s must be a number (0..255, or 0x hex)", kw);
	p->c->u.route.tos = (uint8_t)t;
	p->c->u.route.has_tos = true;
	return 0;
}

/* mtu N (ip's "mtu lock N" is not taken) */
static int take_mtu(struct parser *p, const char *kw, const char *v)
{
	uint32_t m;

	(void)kw;
	if (!strcmp(v, "lock"))
		return p_bad(p, v, "a locked mtu is not supported by nsviz "
		             "(expected mtu N)");
	if (!p_u32_c(v, UINT32_MAX, &m) || !m)
		return p_bad(p, v, "mtu must be a number (1..4294967295)");
	p->c->u.route.mtu = m;
	p->c->u.route.has_mtu = true;
	return 0;
}

/* pref low|medium|high: the IPv6 router preference */
static int take_pref(struct parser *p, const char *kw, const char *v)
{
	struct cmd_route *r = &p->c->u.route;

	(void)kw;
	if (!strcmp(v, "low"))
		r->pref = 3;
	else if (!strcmp(v, "medium"))
		r->pref = 0;
	else if (!strcmp(v, "high"))
		r->pref = 1;
	else
		return p_bad(p, v, "not a route preference (expected low, "
		             "medium or high)");
	r->has_pref = true;
	return 0;
}

/* the family the route has so far: its destination's, or for default
 * what -4/-6, via or src said (0: not yet known) */
static int route_family(const struct parser *p)
{
	const struct cmd_route *r = &p->c->u.route;

	if (!r->is_default)
		return r->dst.family;
	return p->c->family == AF_INET || p->c->family == AF_INET6
	       ? p->c->family : r->has_via ? r->via.family
	       : r->has_src ? r->src.family : 0;
}

/* parse_one_nh(): via ADDR, dev NAME, weight 1..256, onlink, until the
 * next `nexthop` or the end */
static int take_one_nh(struct parser *p, struct cmd_nexthop *h)
{
	const char *kw = p->argv[p->i - 1];     /* nexthop, for messages */

	while (p_more(p) && strcmp(p_peek(p), "nexthop")) {
		const char *w = p_next(p), *v;
		int fam;

		if (!strcmp(w, "onlink")) {
			if (h->onlink)
				return p_twice(p, w);
			h->onlink = true;
			continue;
		}
		if (strcmp(w, "via") && strcmp(w, "dev") && strcmp(w, "weight"))
			return p_bad(p, w, "next hop option not supported by "
			             "nsviz (expected via, dev, weight, onlink or "
			             "another nexthop)");
		if ((!strcmp(w, "via") && h->has_via) ||
		    (!strcmp(w, "dev") && h->dev[0]) ||
		    (!strcmp(w, "weight") && h->weight))
			return p_twice(p, w);
		if (!(v = p_value(p, !strcmp(w, "via") ? "gateway address" :
		                  !strcmp(w, "dev") ? "interface name"
		                  : "weight")))
			return -1;
		if (!strcmp(w, "dev")) {
			if (p_take_ifname(p, v, h->dev))
				return -1;
		} else if (!strcmp(w, "weight")) {
			uint32_t wt;

			if (!p_u32_c(v, 256, &wt) || !wt)
				return p_bad(p, v, "weight must be a number "
				             "(1..256)");
			h->weight = (int)wt;
		} else {
			if (via_addr(p, v, &h->via, &h->via_fam, &v))
				return -1;
			h->has_via = true;
			fam = route_family(p);
			if (!fam && p->c->u.route.nnh > 1)
				fam = p->c->u.route.nh[0].via.family;
			if (fam && h->via.family != fam && !h->via_fam)
				return p_bad(p, v, "gateway is %s but the route "
				             "is %s", p_family_name(h->via.family),
				             p_family_name(fam));
		}
	}
	if (!h->has_via && !h->dev[0])
		return p_bad(p, kw, "a next hop needs via ADDR or dev NAME");
	return 0;
}

/* nexthop NH [nexthop NH]...: the rest of the line, as parse_nexthops() */
static int take_nexthop(struct parser *p, const char *kw, const char *v)
{
	struct cmd_route *r = &p->c->u.route;

	(void)v;
	if (!p->mark[0])
		return p_bad(p, kw, "the destination comes before nexthop");
	for (;;) {
		if (r->nnh == W_MAX_NEXTHOPS)
			return p_bad(p, kw, "nsviz takes at most %d next hops",
			             W_MAX_NEXTHOPS);
		if (take_one_nh(p, &r->nh[r->nnh++]))
			return -1;
		if (!p_more(p))
			return 0;
		kw = p_next(p);         /* nexthop */
	}
}

static int take_to(struct parser *p, const char *kw, const char *v);

static int route_positional(struct parser *p, const char *w)
{
	struct cmd_route *r = &p->c->u.route;

	int type;

	if (route_option(w))
		return p_bad(p, w, "route option not supported by nsviz "
		             "(expected via, dev, onlink, scope, src, metric, "
		             "table, proto, tos, mtu, pref or nexthop)");
	if (p->mark[0]) {
		p->i--;
		return p_unexpected(p);
	}
	/* as ip: a type word may stand before the prefix */
	if (!r->type && (type = rtype_of(w)) >= 0) {
		if (!type_makes(type))
			return p_bad(p, w, "route type not supported by nsviz "
			             "(expected unicast, local, blackhole, "
			             "unreachable, prohibit or throw)");
		r->type = type;
		if (!p_more(p))
			return p_missing(p, "destination (a prefix like "
			                 "10.0.2.0/24, or default)");
		w = p_next(p);
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
	{ "protocol", 5, 7, "protocol", take_proto },
	{ "onlink", 0, 8, NULL, take_onlink },
	{ "tos", 0, 10, "TOS", take_tos },
	{ "dsfield", 1, 10, "TOS", take_tos },
	{ "mtu", 0, 11, "mtu value", take_mtu },
	{ "pref", 0, 12, "preference", take_pref },
	{ "nexthop", 0, 9, NULL, take_nexthop },
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
		          r->has_src ? r->src.family :
		          r->nnh && r->nh[0].has_via ? r->nh[0].via.family
		          : AF_INET;
		memset(&r->dst, 0, sizeof r->dst);
		r->dst.family = fam;
	}
	/* the family word said so (RTA_VIA); canonical: only when it differs */
	r->via_fam = r->has_via && r->via.family != r->dst.family &&
	             r->via_fam;
	for (int i = 0; i < r->nnh; i++)
		r->nh[i].via_fam = r->nh[i].has_via && r->nh[i].via_fam &&
		                   r->nh[i].via.family != r->dst.family;
	if (r->has_via && r->via.family != r->dst.family && !r->via_fam)
		return p_bad(p, p->mark[1], "gateway is %s but the destination %s is %s",
		           p_family_name(r->via.family), p->mark[0],
		           p_family_name(r->dst.family));
	if (r->has_src && r->src.family != r->dst.family)
		return p_bad(p, p->mark[2], "source is %s but the destination %s is %s",
		           p_family_name(r->src.family), p->mark[0],
		           p_family_name(r->dst.family));
	if (p->c->verb != CMD_ROUTE_DEL && !r->has_via && !r->has_dev &&
	    !r->nnh &&
	    (!r->type || r->type == RTN_UNICAST || r->type == RTN_LOCAL))
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


/* ---- route show: iproute2's filters ------------------------------------ */

static int take_show_table(struct parser *p, const char *kw, const char *v)
{
	struct cmd_route *r = &p->c->u.route;

	(void)kw;
	if (!strcmp(v, "all")) {
		r->table_all = true;
		return 0;
	}
	if (!strcmp(v, "cache"))
		return p_bad(p, v, "the routing cache is not shown by nsviz "
		             "(expected a table: main, local, all or a number)");
	r->has_table = true;
	return p_table(p, v, &r->table);
}

static int take_show_proto(struct parser *p, const char *kw, const char *v)
{
	(void)kw;
	if (!strcmp(v, "all"))
		return 0;
	return take_proto(p, kw, v);
}

static int take_show_scope(struct parser *p, const char *kw, const char *v)
{
	(void)kw;
	if (!strcmp(v, "all"))
		return 0;
	return p_scope(p, v, &p->c->u.route.scope);
}

static int take_show_type(struct parser *p, const char *kw, const char *v)
{
	int type = rtype_of(v);

	(void)kw;
	if (type < 0)
		return p_bad(p, v, "not a route type (expected unicast, local, "
		             "broadcast, multicast, blackhole, unreachable, "
		             "prohibit, throw, ...)");
	p->c->u.route.type = type;
	return 0;
}

static int take_show_via(struct parser *p, const char *kw, const char *v)
{
	struct cmd_route *r = &p->c->u.route;

	(void)kw;
	r->has_via = true;
	return p_prefix(p, v, &r->via, &r->via_len, p->c->family);
}

static int take_show_src(struct parser *p, const char *kw, const char *v)
{
	struct cmd_route *r = &p->c->u.route;

	(void)kw;
	r->has_src = true;
	return p_prefix(p, v, &r->src, &r->src_len, p->c->family);
}

/* [to] [root|match|exact] PREFIX | default | all | any */
static int show_prefix(struct parser *p, int match, const char *w)
{
	struct cmd_route *r = &p->c->u.route;

	if (p->mark[0]) {
		p->i--;
		return p_unexpected(p);
	}
	p->mark[0] = w;
	if (!strcmp(w, "all") || !strcmp(w, "any")) {
		r->match = FMT_PFX_NONE;
		return 0;
	}
	r->match = match;
	if (!strcmp(w, "default")) {
		r->is_default = true;
		r->dst_len = 0;
		r->dst.family = p->c->family == AF_INET6 ? AF_INET6 :
		                p->c->family == AF_INET ? AF_INET : 0;
		return 0;
	}
	return p_prefix(p, w, &r->dst, &r->dst_len, p->c->family);
}

static int show_positional(struct parser *p, const char *w)
{
	int match = FMT_PFX_EXACT;

	if (kw_matches(w, "root"))
		match = FMT_PFX_ROOT;
	else if (kw_matches(w, "match"))
		match = FMT_PFX_MATCH;
	else if (!kw_matches(w, "exact"))
		return show_prefix(p, match, w);
	if (!(w = p_value(p, "prefix")))
		return -1;
	return show_prefix(p, match, w);
}

static int take_show_to(struct parser *p, const char *kw, const char *v)
{
	(void)kw;
	p->i--;
	return show_positional(p, p_next(p));
}

static int show_unsupported(struct parser *p, const char *kw, const char *v)
{
	(void)v;
	return p_bad(p, kw, "route show filter not supported by nsviz "
	             "(expected table, proto, scope, type, dev, via, src, "
	             "metric or a prefix)");
}

static const struct cmd_option show_options[] = {
	{ "table", 1, 0, "table", take_show_table },
	{ "protocol", 1, 1, "protocol", take_show_proto },
	{ "scope", 1, 2, "scope", take_show_scope },
	{ "type", 1, 3, "route type", take_show_type },
	{ "dev", 0, 4, "interface name", take_dev },
	{ "oif", 0, 4, "interface name", take_dev },
	{ "metric", 1, 5, "metric value", take_metric },
	{ "priority", 1, 5, "metric value", take_metric },
	{ "preference", 0, 5, "metric value", take_metric },
	{ "via", 0, 6, "gateway prefix", take_show_via },
	{ "src", 0, 7, "source prefix", take_show_src },
	{ "to", 0, 8, "prefix", take_show_to },
	{ "iif", 0, 9, "interface name", show_unsupported },
	{ "mark", 0, 10, "mark", show_unsupported },
	{ "vrf", 1, 11, "VRF", show_unsupported },
	{ "cached", 1, 12, NULL, show_unsupported },
	{ "cloned", 2, 12, NULL, show_unsupported },
	{ "tos", 0, 13, "TOS", show_unsupported },
	{ "dsfield", 1, 13, "TOS", show_unsupported },
	{ "realms", 2, 14, "realms", show_unsupported },
	{ "from", 1, 15, "prefix", show_unsupported },
	{ NULL, 0, 0, NULL, NULL }
};

int parse_route_show(struct parser *p)
{
	struct cmd_route *r = &p->c->u.route;

	r->via_len = r->src_len = -1;
	if (p_options(p, show_options, show_positional))
		return -1;
	if (r->has_table && r->table_all)
		r->has_table = false;
	return 0;
}

/* ---- route get ADDR [from ADDR] [iif NAME] [oif|dev NAME] [mark M] ---- */

static int take_get_from(struct parser *p, const char *kw, const char *v)
{
	struct cmd_route *r = &p->c->u.route;

	(void)kw;
	p->mark[2] = v;
	r->has_from = true;
	return p_ip(p, v, &r->from, p->c->family);
}

static int take_get_iif(struct parser *p, const char *kw, const char *v)
{
	(void)kw;
	p->mark[3] = kw;
	return p_take_ifname(p, v, p->c->u.route.iif);
}

static int take_get_mark(struct parser *p, const char *kw, const char *v)
{
	struct cmd_route *r = &p->c->u.route;

	if (!p_u32_c(v, UINT32_MAX, &r->mark))
		return p_bad(p, v, "%s must be a number (0..4294967295, or 0x "
		             "hex)", kw);
	r->has_mark = true;
	return 0;
}

static int get_positional(struct parser *p, const char *w)
{
	struct cmd_route *r = &p->c->u.route;

	if (p->mark[0]) {
		p->i--;
		return p_unexpected(p);
	}
	p->mark[0] = w;
	return p_ip(p, w, &r->dst, p->c->family);
}

static int take_get_to(struct parser *p, const char *kw, const char *v)
{
	(void)kw;
	return get_positional(p, v);
}

static int get_unsupported(struct parser *p, const char *kw, const char *v)
{
	(void)v;
	return p_bad(p, kw, "route get option not supported by nsviz "
	             "(expected from, iif, oif or mark)");
}

static const struct cmd_option get_options[] = {
	{ "from", 1, 0, "source address", take_get_from },
	{ "iif", 1, 1, "interface name", take_get_iif },
	{ "mark", 1, 2, "mark", take_get_mark },
	{ "oif", 1, 3, "interface name", take_dev },
	{ "dev", 0, 3, "interface name", take_dev },
	{ "to", 0, 4, "address", take_get_to },
	{ "tos", 0, 5, "TOS", get_unsupported },
	{ "dsfield", 1, 5, "TOS", get_unsupported },
	{ "uid", 1, 6, "uid", get_unsupported },
	{ "vrf", 1, 7, "VRF", get_unsupported },
	{ "sport", 1, 8, "port", get_unsupported },
	{ "dport", 1, 9, "port", get_unsupported },
	{ "ipproto", 1, 10, "protocol", get_unsupported },
	{ "fibmatch", 1, 11, NULL, get_unsupported },
	{ "connected", 1, 12, NULL, get_unsupported },
	{ "notify", 1, 13, NULL, get_unsupported },
	{ NULL, 0, 0, NULL, NULL }
};

int parse_route_get(struct parser *p)
{
	struct cmd_route *r = &p->c->u.route;

	if (p_options(p, get_options, get_positional))
		return -1;
	if (!p->mark[0])
		return p_missing(p, "address");
	r->dst_len = -1;
	if (r->has_from && r->from.family != r->dst.family)
		return p_bad(p, p->mark[2], "source is %s but the address %s is %s",
		             p_family_name(r->from.family), p->mark[0],
		             p_family_name(r->dst.family));
	/* the kernel takes an input route's source as given: 0.0.0.0 is a
	 * martian and it says only "Invalid argument" */
	if (r->iif[0] && !r->has_from)
		return p_bad(p, p->mark[3], "needs from ADDR too (the source of "
		             "the packet coming in)");
	return 0;
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

static void canon_scope(struct canon *o, int scope)
{
	const char *sc = scope_name(scope);

	if (sc)
		canon_word(o, sc);
	else
		canon_wordf(o, "%d", scope);
}

static void canon_proto(struct canon *o, int proto)
{
	char buf[32];

	canon_word(o, fmt_proto_name(proto, buf, sizeof buf));
}

static void canon_route_show(const struct cmd *c, struct canon *o)
{
	const struct cmd_route *r = &c->u.route;

	if (r->table_all || r->has_table) {
		canon_word(o, "table");
		if (r->table_all)
			canon_word(o, "all");
		else
			canon_table(o, r->table);
	}
	if (r->has_proto) {
		canon_word(o, "proto");
		canon_proto(o, r->proto);
	}
	if (r->scope >= 0) {
		canon_word(o, "scope");
		canon_scope(o, r->scope);
	}
	if (r->type) {
		canon_word(o, "type");
		canon_word(o, rtype_name(r->type));
	}
	if (r->has_dev) {
		canon_word(o, "dev");
		canon_word(o, r->dev);
	}
	if (r->has_via) {
		canon_word(o, "via");
		canon_prefix(o, &r->via, r->via_len);
	}
	if (r->has_src) {
		canon_word(o, "src");
		canon_prefix(o, &r->src, r->src_len);
	}
	if (r->has_metric) {
		canon_word(o, "metric");
		canon_wordf(o, "%u", (unsigned)r->metric);
	}
	if (r->match == FMT_PFX_ROOT)
		canon_word(o, "root");
	else if (r->match == FMT_PFX_MATCH)
		canon_word(o, "match");
	if (r->match != FMT_PFX_NONE) {
		if (r->is_default)
			canon_word(o, "default");
		else
			canon_prefix(o, &r->dst, r->dst_len);
	}
}

static void canon_route_get(const struct cmd *c, struct canon *o)
{
	const struct cmd_route *r = &c->u.route;

	canon_ip(o, &r->dst);
	if (r->has_from) {
		canon_word(o, "from");
		canon_ip(o, &r->from);
	}
	if (r->iif[0]) {
		canon_word(o, "iif");
		canon_word(o, r->iif);
	}
	if (r->has_dev) {
		canon_word(o, "oif");
		canon_word(o, r->dev);
	}
	if (r->has_mark) {
		canon_word(o, "mark");
		canon_wordf(o, "%u", (unsigned)r->mark);
	}
}

void canon_route(const struct cmd *c, struct canon *o)
{
	const struct cmd_route *r = &c->u.route;

	canon_ip_head(c, o);
	canon_word(o, "route");
	canon_word(o, cmd_verb_entry(c->verb)->say);
	if (c->verb == CMD_ROUTE_SHOW) {
		canon_route_show(c, o);
		return;
	}
	if (c->verb == CMD_ROUTE_GET) {
		canon_route_get(c, o);
		return;
	}
	if (r->type)
		canon_word(o, rtype_name(r->type));
	if (r->is_default)
		canon_word(o, "default");
	else
		canon_prefix(o, &r->dst, r->dst_len);
	if (r->has_tos) {
		canon_word(o, "tos");
		canon_wordf(o, "0x%x", (unsigned)r->tos);
	}
	if (r->has_via) {
		canon_word(o, "via");
		if (r->via_fam)
			canon_word(o, r->via.family == AF_INET6 ? "inet6" : "inet");
		canon_ip(o, &r->via);
	}
	if (r->has_dev) {
		canon_word(o, "dev");
		canon_word(o, r->dev);
	}
	if (r->onlink)
		canon_word(o, "onlink");
	if (r->scope >= 0) {
		canon_word(o, "scope");
		canon_scope(o, r->scope);
	}
	if (r->has_src) {
		canon_word(o, "src");
		canon_ip(o, &r->src);
	}
	if (r->has_metric) {
		canon_word(o, "metric");
		canon_wordf(o, "%u", (unsigned)r->metric);
	}
	if (r->has_table) {
		canon_word(o, "table");
		canon_table(o, r->table);
	}
	if (r->has_proto) {
		canon_word(o, "proto");
		canon_proto(o, r->proto);
	}
	if (r->has_mtu) {
		canon_word(o, "mtu");
		canon_wordf(o, "%u", (unsigned)r->mtu);
	}
	if (r->has_pref) {
		canon_word(o, "pref");
		canon_word(o, r->pref == 3 ? "low" : r->pref == 1 ? "high"
		                                                 : "medium");
	}
	/* last: nexthop takes the rest of the line */
	for (int i = 0; i < r->nnh; i++) {
		const struct cmd_nexthop *h = &r->nh[i];

		canon_word(o, "nexthop");
		if (h->has_via) {
			canon_word(o, "via");
			if (h->via_fam)
				canon_word(o, h->via.family == AF_INET6 ? "inet6"
				                                        : "inet");
			canon_ip(o, &h->via);
		}
		if (h->dev[0]) {
			canon_word(o, "dev");
			canon_word(o, h->dev);
		}
		if (h->weight) {
			canon_word(o, "weight");
			canon_wordf(o, "%d", h->weight);
		}
		if (h->onlink)
			canon_word(o, "onlink");
	}
}
