/* SPDX-License-Identifier: GPL-2.0-or-later */
/* exec_route.c - route add|del|show|get; a refused gateway explained. */
#include "cmd/exec_int.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/rtnetlink.h>

#include "fmt/fmt.h"

static void route_obj(const struct cmd *c, char *buf, size_t len)
{
	char ab[64];

	if (c->u.route.is_default)
		snprintf(buf, len, "route default");
	else if (c->u.route.dst_len < 0)
		snprintf(buf, len, "route %s",
		         w_ip_str(&c->u.route.dst, ab, sizeof ab));
	else
		snprintf(buf, len, "route %s/%d",
		         w_ip_str(&c->u.route.dst, ab, sizeof ab),
		         c->u.route.dst_len);
}

/* The kernel refused a route's gateway ("Nexthop has invalid gateway",
 * "Network is unreachable"): ask it the way to the gateway, and say in
 * words what is wrong with it.  Returns 1 with x->err set, or 0 when
 * nothing better than the kernel's own text can be said. */
static int gateway_fail(struct exec_ctx *x, struct w_ns *ns,
                        const struct cmd *c, int oif)
{
	struct kerr e = { 0 };
	struct w_route r;
	char gb[64], wb[300], db[64], ob[64];
	const char *gw = w_ip_str(&c->u.route.via, gb, sizeof gb);
	const char *where = exec_where(ns, wb, sizeof wb);

	if (kroute_get(x->k, ns, &c->u.route.via, &r, &e) < 0) {
		if (e.err != ENETUNREACH && e.err != EHOSTUNREACH)
			return 0;
		return exec_fail(x, "%s: gateway not reachable: no route to it %s; "
		                 "add an address or a route for it first", gw,
		                 where);
	}
	if (r.type == RTN_LOCAL)
		return exec_fail(x, "%s: gateway not reachable: it is an address "
		                 "of this namespace (%s); a gateway is the address "
		                 "of another host on a connected network", gw,
		                 where + 3);
	if (r.type != RTN_UNICAST)
		return exec_fail(x, "%s: gateway not reachable: the way to it %s "
		                 "is a %s route", gw, where,
		                 fmt_rtype_name(r.type, db, sizeof db));
	if (r.gw.family)
		return exec_fail(x, "%s: gateway not reachable: the way to it %s "
		                 "goes through another gateway (%s); a gateway "
		                 "must be on a directly connected network", gw,
		                 where, w_ip_str(&r.gw, db, sizeof db));
	if (oif && r.oif != oif) {
		const struct w_link *l = world_find_link_index(ns, r.oif);

		if (l)
			snprintf(ob, sizeof ob, "%s", l->name);
		else
			snprintf(ob, sizeof ob, "if%d", r.oif);
		return exec_fail(x, "%s: gateway not reachable through %s: the "
		                 "way to it %s goes through %s", gw, c->u.route.dev,
		                 where, ob);
	}
	return 0;
}

/* What ip sends for each verb (do_iproute) */
static unsigned route_nlflags(enum cmd_verb verb)
{
	switch (verb) {
	case CMD_ROUTE_CHANGE: return KROUTE_CHANGE;
	case CMD_ROUTE_REPLACE: return KROUTE_REPLACE;
	case CMD_ROUTE_PREPEND: return KROUTE_ADD & ~0x200u;  /* CREATE */
	case CMD_ROUTE_APPEND: return KROUTE_APPEND;
	default: return KROUTE_ADD;
	}
}

int exec_route_change(struct exec_ctx *x, const struct cmd *c)
{
	bool del = c->verb == CMD_ROUTE_DEL;
	bool add = c->verb == CMD_ROUTE_ADD;
	struct kerr e = { 0 };
	struct kroute_req r;
	struct w_ns *ns;
	char obj[128];
	int rc;

	if (!(ns = exec_need_ns(x, c->ns, &rc)))
		return rc;
	memset(&r, 0, sizeof r);
	route_obj(c, obj, sizeof obj);
	r.dst = c->u.route.dst;
	r.dst_len = c->u.route.is_default ? 0
	            : c->u.route.dst_len >= 0 ? c->u.route.dst_len
	            : (c->u.route.dst.family == AF_INET6 ? 128 : 32);
	if (c->u.route.has_via)
		r.gw = c->u.route.via;
	if (c->u.route.has_dev) {
		struct w_link *l = exec_need_link(x, ns, c->u.route.dev, &rc);
		if (!l)
			return rc;
		r.oif = l->ifindex;
	}
	r.scope = c->u.route.scope;
	if (c->u.route.has_src)
		r.prefsrc = c->u.route.src;
	r.has_metric = c->u.route.has_metric;
	r.metric = c->u.route.metric;
	/* table 0 is what ip sends as "main" too */
	r.table = c->u.route.has_table ? c->u.route.table : 0;
	if (c->u.route.has_table && c->u.route.table == 0)
		r.table = RT_TABLE_MAIN;
	r.type = c->u.route.type;
	/* issue 14: onlink, and the next hops of a multipath route */
	if (c->u.route.onlink)
		r.flags |= RTNH_F_ONLINK;
	r.tos = c->u.route.tos;
	r.mtu = c->u.route.has_mtu ? c->u.route.mtu : 0;
	r.pref = c->u.route.has_pref ? c->u.route.pref + 1 : 0;
	r.nnh = c->u.route.nnh;
	for (int i = 0; i < c->u.route.nnh; i++) {
		const struct cmd_nexthop *h = &c->u.route.nh[i];

		if (h->has_via)
			r.nh[i].gw = h->via;
		if (h->dev[0]) {
			struct w_link *l = exec_need_link(x, ns, h->dev, &rc);
			if (!l)
				return rc;
			r.nh[i].ifindex = l->ifindex;
		}
		r.nh[i].hops = h->weight ? h->weight - 1 : 0;
		if (h->onlink)
			r.nh[i].flags |= RTNH_F_ONLINK;
	}
	if (c->u.route.has_proto)
		r.protocol = c->u.route.proto;
	if (kroute_modify(x->k, ns, del, route_nlflags(c->verb), &r, &e) < 0) {
		if (del && e.err == ESRCH && !e.msg[0])
			return exec_fail(x, "%s: no such route", obj);
		if (!del && e.err == EEXIST && !e.msg[0])
			return exec_fail(x, "%s: route already exists", obj);
		if (c->verb == CMD_ROUTE_CHANGE && e.err == ENOENT && !e.msg[0])
			return exec_fail(x, "%s: no such route to change", obj);
		if (!del && c->u.route.has_via &&
		    (e.err == ENETUNREACH ||
		     !strcmp(e.msg, "Nexthop has invalid gateway")) &&
		    gateway_fail(x, ns, c, r.oif))
			return 1;
		return exec_kfail(x, obj, &e);
	}
	(void)add;
	ksync_drain(x->k);
	return 0;
}

/* any of ip's route show filters given (plain `ip route show` is the
 * main table, no filter) */
static bool filtered(const struct cmd_route *cr)
{
	return cr->table_all || cr->has_table || cr->has_proto ||
	       cr->scope >= 0 || cr->type || cr->has_dev || cr->has_metric ||
	       cr->has_via || cr->has_src || cr->match != FMT_PFX_NONE;
}

int exec_route_show(struct exec_ctx *x, const struct cmd *c)
{
	const struct cmd_route *cr = &c->u.route;
	struct fmt_route_filter f;
	struct w_ns *ns;
	int rc;

	if (!(ns = exec_need_ns(x, c->ns, &rc)))
		return rc;
	fmt_route_filter_init(&f);
	if (cr->table_all)
		f.table = 0;
	else if (cr->has_table)
		f.table = cr->table ? cr->table : RT_TABLE_MAIN;
	/* as ip: -4/-6 when given; else IPv4, but both for table all */
	f.family = c->family == AF_INET6 || c->family == AF_INET ? c->family
	           : f.table ? AF_INET : 0;
	f.has_protocol = cr->has_proto;
	f.protocol = cr->proto;
	f.has_scope = cr->scope >= 0;
	f.scope = cr->scope;
	if (cr->type)
		f.typemask = 1u << cr->type;
	if (cr->has_dev) {
		struct w_link *l = world_find_link(ns, cr->dev);

		if (!l)
			/* ip's own words */
			return exec_fail(x, "Cannot find device \"%s\"", cr->dev);
		f.oif = l->ifindex;
	}
	f.has_metric = cr->has_metric;
	f.metric = cr->metric;
	if (cr->has_via) {
		f.has_via = true;
		f.via = cr->via;
		f.via_len = cr->via_len >= 0 ? cr->via_len
		            : cr->via.family == AF_INET6 ? 128 : 32;
	}
	if (cr->has_src) {
		f.has_src = true;
		f.src = cr->src;
		f.src_len = cr->src_len >= 0 ? cr->src_len
		            : cr->src.family == AF_INET6 ? 128 : 32;
	}
	f.dst_match = (enum fmt_prefix_match)cr->match;
	if (cr->match != FMT_PFX_NONE) {
		f.dst = cr->dst;
		f.dst_len = cr->is_default ? 0 : cr->dst_len >= 0 ? cr->dst_len
		            : cr->dst.family == AF_INET6 ? 128 : 32;
	}
	/* the kernel refuses a dump of a table it does not have (one that
	 * was ever used stays, empty or not) */
	if (f.table && f.table != RT_TABLE_MAIN && f.table != RT_TABLE_LOCAL &&
	    f.family) {
		struct kerr e = { 0 };

		if (kroute_table_check(x->k, ns, f.family, f.table, &e) < 0)
			return exec_fail(x, "table %u: %s", (unsigned)f.table,
			                 kerr_str(&e));
	}
	if (!filtered(cr)) {
		/* plain `ip route` means IPv4, as in iproute2; -0 lists
		 * nothing; every output option (fmt/list.c) */
		fmt_route_list(&x->out, ns, &c->opts);
		return 0;
	}
	if (c->opts.json || c->opts.details || c->opts.oneline ||
	    c->opts.stats)
		return exec_fail(x, "%s: route show with a filter (table, proto, "
		                 "scope, type, dev, via, src, metric or a prefix) "
		                 "is not supported by nsviz together with -j, -d, "
		                 "-o or -s", c->opts.json ? "-j" :
		                 c->opts.details ? "-d" : c->opts.oneline ? "-o"
		                 : "-s");
	if (c->family == AF_PACKET)
		return 0;       /* ip -0 route lists nothing */
	fmt_route_show_filtered(&x->out, ns, &f);
	return 0;
}

int exec_route_get(struct exec_ctx *x, const struct cmd *c)
{
	const struct cmd_route *cr = &c->u.route;
	struct kroute_query q;
	struct kerr e = { 0 };
	struct w_route r;
	struct w_ns *ns;
	char ab[64];
	int rc;

	if (!(ns = exec_need_ns(x, c->ns, &rc)))
		return rc;
	memset(&q, 0, sizeof q);
	q.dst = cr->dst;
	if (cr->has_from)
		q.src = cr->from;
	if (cr->iif[0]) {
		struct w_link *l = exec_need_link(x, ns, cr->iif, &rc);
		if (!l)
			return rc;
		q.iif = l->ifindex;
	}
	if (cr->has_dev) {
		struct w_link *l = exec_need_link(x, ns, cr->dev, &rc);
		if (!l)
			return rc;
		q.oif = l->ifindex;
	}
	q.mark = cr->has_mark ? cr->mark : 0;
	if (kroute_lookup(x->k, ns, &q, &r, &e) < 0)
		return exec_fail(x, "route get %s: %s",
		            w_ip_str(&cr->dst, ab, sizeof ab),
		            kerr_str(&e));
	fmt_route_get_opts(&x->out, ns, &r, &c->opts);
	return 0;
}
