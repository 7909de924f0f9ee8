/* SPDX-License-Identifier: GPL-2.0-or-later */
/* exec_link.c - link add (veth, bridge, vlan, macvlan, ipvlan, dummy,
 * vxlan), set, del, show.  Checks come
 * first so that bad input changes nothing and the message names the
 * object; then the kernel has the last word (kernel/requests.c). */
#include "cmd/exec_int.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "fmt/fmt.h"
#include "fmt/json.h"

static int add_veth(struct exec_ctx *x, const struct cmd *c)
{
	struct kerr e = { 0 };
	struct w_ns *ns, *pns;
	char wb[300];
	int rc;

	/* the kernel reads "%d" in a new name as "pick a number": a name
	 * would not be the name the user typed */
	if (strchr(c->u.link.name, '%'))
		return exec_fail(x, "%s: interface names must not contain '%%' "
		            "(the kernel would replace %%d by a number)", c->u.link.name);
	if (strchr(c->u.link.peer, '%'))
		return exec_fail(x, "%s: interface names must not contain '%%' "
		            "(the kernel would replace %%d by a number)", c->u.link.peer);
	if (!(ns = exec_need_ns(x, c->ns, &rc)))
		return rc;
	pns = ns;
	if (c->u.link.peer_ns[0] && !(pns = exec_need_ns(x, c->u.link.peer_ns, &rc)))
		return rc;
	if (world_find_link(ns, c->u.link.name))
		return exec_fail(x, "%s: device already exists %s", c->u.link.name,
		            exec_where(ns, wb, sizeof wb));
	if (world_find_link(pns, c->u.link.peer))
		return exec_fail(x, "%s: device already exists %s", c->u.link.peer,
		            exec_where(pns, wb, sizeof wb));
	if (pns == ns && !strcmp(c->u.link.name, c->u.link.peer))
		return exec_fail(x, "%s: a veth pair needs two different names",
		            c->u.link.peer);
	if (klink_add_veth(x->k, ns, c->u.link.name, c->u.link.peer, pns, &e) < 0)
		return exec_kfail(x, c->u.link.name, &e);
	ksync_drain(x->k);
	return 0;
}

static int add_bridge(struct exec_ctx *x, const struct cmd *c)
{
	struct kerr e = { 0 };
	struct w_ns *ns;
	char wb[300];
	int rc;

	if (strchr(c->u.link.name, '%'))
		return exec_fail(x, "%s: interface names must not contain '%%' "
		            "(the kernel would replace %%d by a number)", c->u.link.name);
	if (!(ns = exec_need_ns(x, c->ns, &rc)))
		return rc;
	if (world_find_link(ns, c->u.link.name))
		return exec_fail(x, "%s: device already exists %s", c->u.link.name,
		            exec_where(ns, wb, sizeof wb));
	if (klink_add_bridge_opts(x->k, ns, c->u.link.name, &c->u.link.bropts,
	                          &e) < 0) {
		if (e.err == EOPNOTSUPP && !e.msg[0] && !c->u.link.bropts.n)
			return exec_fail(x, "%s: this kernel cannot make bridges (the "
			            "bridge module is not available)", c->u.link.name);
		return exec_bropts_kfail(x, c->u.link.name, &c->u.link.bropts, &e);
	}
	ksync_drain(x->k);
	return 0;
}

/* vlan, macvlan, ipvlan, dummy, vxlan (kernel/linkkind.c) */
static int add_kind(struct exec_ctx *x, const struct cmd *c)
{
	const struct cmd_link *l = &c->u.link;
	struct klink_kind_req r;
	struct kerr e = { 0 };
	struct w_ns *ns;
	struct w_link *lower;
	char wb[300];
	int rc;

	if (strchr(l->name, '%'))
		return exec_fail(x, "%s: interface names must not contain '%%' "
		            "(the kernel would replace %%d by a number)", l->name);
	if (!(ns = exec_need_ns(x, c->ns, &rc)))
		return rc;
	if (world_find_link(ns, l->name))
		return exec_fail(x, "%s: device already exists %s", l->name,
		            exec_where(ns, wb, sizeof wb));
	memset(&r, 0, sizeof r);
	r.name = l->name;
	r.kind = l->kind;
	r.has_data = l->kind_opts;
	if (l->link[0]) {
		if (!(lower = exec_need_link(x, ns, l->link, &rc)))
			return rc;
		r.link = lower->ifindex;
	}
	r.vlan_id = l->vlan_id;
	r.vlan_proto = l->vlan_proto;
	r.macvlan_mode = l->macvlan_mode;
	r.ipvlan_mode = l->ipvlan_mode;
	r.ipvlan_flags = l->ipvlan_flags;
	r.has_vni = l->has_vni;
	r.vni = l->vni;
	r.vx_remote = l->vx_remote;
	r.vx_local = l->vx_local;
	r.vx_ttl = l->vx_ttl;
	r.vx_dstport = l->vx_dstport;
	if (l->vx_dev[0]) {
		if (!(lower = exec_need_link(x, ns, l->vx_dev, &rc)))
			return rc;
		r.vx_dev = lower->ifindex;
	}
	if (klink_add_kind(x->k, ns, &r, &e) < 0)
		return exec_kfail(x, l->name, &e);
	ksync_drain(x->k);
	return 0;
}

int exec_link_add(struct exec_ctx *x, const struct cmd *c)
{
	if (!strcmp(c->u.link.kind, "bridge"))
		return add_bridge(x, c);
	if (!strcmp(c->u.link.kind, "veth"))
		return add_veth(x, c);
	return add_kind(x, c);
}

/* link set: every setting in one request, the way ip sends it (the
 * bridge of master looked up in the namespace of the link) */
int exec_link_set(struct exec_ctx *x, const struct cmd *c)
{
	const struct cmd_link *s = &c->u.link;
	struct kerr e = { 0 };
	struct w_ns *ns, *to = NULL;
	struct w_link *l, *br;
	struct klink_set_req r;
	const char *newname;
	char wb[300];
	int rc, master = -1, ifindex;

	if (!(ns = exec_need_ns(x, c->ns, &rc)))
		return rc;
	if (!(l = exec_need_link(x, ns, s->name, &rc)))
		return rc;
	if (s->has_master) {
		if (!strcmp(s->master, s->name))
			return exec_fail(x, "%s: an interface cannot be its own master",
			            s->name);
		if (!(br = exec_need_link(x, ns, s->master, &rc)))
			return rc;
		if (strcmp(br->kind, "bridge"))
			return exec_fail(x, "%s: not a bridge%s%s (a master is made "
			            "with link add NAME type bridge)", s->master,
			            br->kind[0] ? " but a " : "", br->kind);
		master = br->ifindex;
	} else if (s->nomaster) {
		master = 0;
	}
	/* the name it will have where it will be */
	newname = s->has_newname ? s->newname : s->name;
	if (s->has_netns) {
		if (!(to = exec_need_ns(x, s->netns, &rc)))
			return rc;
		if (to != ns && world_find_link(to, newname))
			return exec_fail(x, "%s: device already exists %s", newname,
			            exec_where(to, wb, sizeof wb));
		if (to == ns)
			to = NULL;
	}
	if (!to && s->has_newname && strcmp(s->newname, s->name) &&
	    world_find_link(ns, s->newname))
		return exec_fail(x, "%s: device already exists %s", s->newname,
		            exec_where(ns, wb, sizeof wb));
	if (s->has_bropts) {
		/* type bridge|bridge_slave OPTS (never with netns): in the
		 * same request as the rest, as ip sends it */
		if ((rc = exec_check_bropts(x, ns, l, &s->bropts)))
			return rc;
		if (klink_set_with_bropts(x->k, ns, l->ifindex, s->up,
		                          s->has_mtu ? s->mtu : 0,
		                          s->has_mac ? s->mac : NULL, master,
		                          &s->bropts, &e) < 0) {
			ksync_drain(x->k);
			return exec_bropts_kfail(x, s->name, &s->bropts, &e);
		}
		ksync_drain(x->k);
		/* the kernel says nothing of a bridge's or a port's new
		 * options: ask for the link again */
		if ((l = world_find_link(ns, s->name)))
			ksync_refresh_link(x->k, ns, l->ifindex);
		return 0;
	}
	klink_set_req_init(&r);
	r.up = s->up;
	r.mtu = s->has_mtu ? s->mtu : 0;
	r.mac = s->has_mac ? s->mac : NULL;
	r.to_ns = to;
	r.master = master;
	r.txqlen = s->txqlen;
	r.alias = s->has_alias ? s->alias : NULL;
	r.promisc = s->promisc;
	r.arp = s->arp;
	/* as ip: not renaming to the same name */
	r.name = s->has_newname && strcmp(s->newname, s->name) ? s->newname
	                                                       : NULL;
	ifindex = l->ifindex;
	if (klink_change(x->k, ns, ifindex, &r, &e) < 0) {
		if (e.err == EINVAL && s->has_mtu && !e.msg[0])
			return exec_fail(x, "%s: mtu %u: invalid for this device",
			            s->name, s->mtu);
		return exec_kfail(x, s->name, &e);
	}
	ksync_drain(x->k);
	/* the kernel announces a change of a link that is down only when
	 * its flags change (netdev_state_change): an alias or a queue
	 * length set on it would not reach the world */
	if (!to)
		ksync_refresh_link(x->k, ns, ifindex);
	return 0;
}

int exec_link_del(struct exec_ctx *x, const struct cmd *c)
{
	struct kerr e = { 0 };
	struct w_ns *ns;
	struct w_link *l;
	int rc;

	if (!(ns = exec_need_ns(x, c->ns, &rc)))
		return rc;
	if (!(l = exec_need_link(x, ns, c->u.link.name, &rc)))
		return rc;
	if (klink_del(x->k, ns, l->ifindex, &e) < 0)
		return exec_kfail(x, c->u.link.name, &e);
	ksync_drain(x->k);
	return 0;
}

/* link show [up] [type KIND]: ip's filters (fmt_link_listed) */
static bool keep_listed(const struct w_ns *ns, const struct w_link *l,
                        void *ctx)
{
	const struct cmd_link *cl = ctx;

	(void)ns;
	return fmt_link_listed(l, cl->show_type[0] ? cl->show_type : NULL,
	                       cl->show_up);
}

/* link show and addr show: the links of one namespace, or one link,
 * with iproute2's output options (fmt/list.c) */
int exec_show_links(struct exec_ctx *x, const struct cmd *c, const char *dev,
                    bool addrs)
{
	struct w_link *l = NULL;
	struct w_ns *ns;
	int rc;

	if (!(ns = exec_need_ns(x, c->ns, &rc)))
		return rc;
	if (dev[0] && !(l = world_find_link(ns, dev)))
		/* iproute2's own words: the tutorial shows them */
		return exec_fail(x, "Device \"%s\" does not exist.", dev);
	if (c->opts.stats) {
		/* counters change without a notification: read them now,
		 * as ip does when it prints them */
		struct kerr e = { 0 };

		if (ksync_read_links(x->k, ns, &e) < 0)
			return exec_kfail(x, dev[0] ? dev : "link show", &e);
		/* ip -6 -s addr dumps the links as AF_INET6 and prints
		 * IPv6's own counters (IFLA_INET6_STATS) */
		if (addrs && !dev[0] && c->family == AF_INET6 &&
		    ksync_read_stats6(x->k, ns, &e) < 0)
			return exec_kfail(x, "addr show", &e);
		if (dev[0] && !(l = world_find_link(ns, dev)))
			return exec_fail(x, "Device \"%s\" does not exist.", dev);
	}
	/* -d: a kind whose options nsviz does not print as ip does is
	 * refused rather than shown differently (fmt/details_json.c): a
	 * wrong answer is worse than a refusal */
	for (size_t i = 0; c->opts.details && !c->opts.brief &&
	                   i < (l ? 1 : ns->nlinks); i++) {
		const struct w_link *u = l ? l : &ns->links[i];
		char kind[48];

		if (!addrs && !keep_listed(ns, u, (void *)&c->u.link))
			continue;
		if (fj_details_unprintable(u, kind, sizeof kind))
			return exec_fail(x, "%s: %s is a %s link, whose options "
			                 "nsviz cannot print as ip does (leave out "
			                 "-d)", c->opts.json ? "-d -j" : "-d",
			                 u->name, kind);
	}
	if (addrs)
		fmt_addr_list(&x->out, ns, l, &c->opts);
	else if (c->u.link.show_up || c->u.link.show_type[0])
		fmt_link_list_if(&x->out, ns, l, keep_listed, (void *)&c->u.link,
		                 &c->opts);
	else
		fmt_link_list(&x->out, ns, l, &c->opts);
	return 0;
}

int exec_link_show(struct exec_ctx *x, const struct cmd *c)
{
	return exec_show_links(x, c, c->u.link.name, false);
}
