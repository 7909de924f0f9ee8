/* SPDX-License-Identifier: GPL-2.0-or-later */
/* exec_link.c - link add (veth, bridge), set, del, show.  Checks come
 * first so that bad input changes nothing and the message names the
 * object; then the kernel has the last word (kernel/requests.c). */
#include "cmd/exec_int.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "fmt/fmt.h"

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
	if (klink_add_bridge(x->k, ns, c->u.link.name, &e) < 0) {
		if (e.err == EOPNOTSUPP && !e.msg[0])
			return exec_fail(x, "%s: this kernel cannot make bridges (the "
			            "bridge module is not available)", c->u.link.name);
		return exec_kfail(x, c->u.link.name, &e);
	}
	ksync_drain(x->k);
	return 0;
}

int exec_link_add(struct exec_ctx *x, const struct cmd *c)
{
	return !strcmp(c->u.link.kind, "bridge") ? add_bridge(x, c)
	                                         : add_veth(x, c);
}

/* link set: every setting in one request, the way ip sends it (the
 * bridge of master looked up in the namespace of the link) */
int exec_link_set(struct exec_ctx *x, const struct cmd *c)
{
	const struct cmd_link *s = &c->u.link;
	struct kerr e = { 0 };
	struct w_ns *ns, *to = NULL;
	struct w_link *l, *br;
	char wb[300];
	int rc, master = -1;

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
	if (s->has_netns) {
		if (!(to = exec_need_ns(x, s->netns, &rc)))
			return rc;
		if (to != ns && world_find_link(to, s->name))
			return exec_fail(x, "%s: device already exists %s", s->name,
			            exec_where(to, wb, sizeof wb));
		if (to == ns)
			to = NULL;
	}
	if (klink_set_master(x->k, ns, l->ifindex, s->up,
	                     s->has_mtu ? s->mtu : 0,
	                     s->has_mac ? s->mac : NULL, to, master, &e) < 0) {
		if (e.err == EINVAL && s->has_mtu && !e.msg[0])
			return exec_fail(x, "%s: mtu %u: invalid for this device",
			            s->name, s->mtu);
		return exec_kfail(x, s->name, &e);
	}
	ksync_drain(x->k);
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

/* link show and addr show: the links of one namespace, or one link */
int exec_show_links(struct exec_ctx *x, const struct cmd *c, const char *dev,
                    bool addrs)
{
	struct w_ns *ns;
	int rc;

	if (!(ns = exec_need_ns(x, c->ns, &rc)))
		return rc;
	if (dev[0]) {
		struct w_link *l = world_find_link(ns, dev);
		if (!l)
			/* iproute2's own words: the tutorial shows them */
			return exec_fail(x, "Device \"%s\" does not exist.", dev);
		if (addrs)
			fmt_link_addrs(&x->out, ns, l);
		else
			fmt_link(&x->out, ns, l);
		return 0;
	}
	for (size_t i = 0; i < ns->nlinks; i++) {
		if (addrs)
			fmt_link_addrs(&x->out, ns, &ns->links[i]);
		else
			fmt_link(&x->out, ns, &ns->links[i]);
	}
	return 0;
}

int exec_link_show(struct exec_ctx *x, const struct cmd *c)
{
	return exec_show_links(x, c, c->u.link.name, false);
}
