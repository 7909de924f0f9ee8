/* SPDX-License-Identifier: GPL-2.0-or-later */
/* exec_bridge.c - the bridge command: bridge vlan add|del|show, bridge fdb
 * show, bridge link show; and the checks of `ip link set ... type bridge
 * | bridge_slave`.  The dumps are read from the kernel when asked
 * (kernel/bridge.c) and printed as bridge(8) prints them (fmt/bridge.c). */
#include "cmd/exec_int.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <linux/if_bridge.h>

#include "fmt/fmt.h"

static bool is_bridge(const struct w_link *l)
{
	return l && !strcmp(l->kind, "bridge");
}

int exec_check_bropts(struct exec_ctx *x, struct w_ns *ns,
                      const struct w_link *l, const struct w_bropts *o)
{
	if (!o->slave && !is_bridge(l))
		return exec_fail(x, "%s: not a bridge (type bridge options are a "
		            "bridge's own; a port's are type bridge_slave)", l->name);
	if (o->slave && !is_bridge(world_find_link_index(ns, l->master)))
		return exec_fail(x, "%s: not a bridge port (make it one first: "
		            "link set %s master BRIDGE)", l->name, l->name);
	return 0;
}

/* The kernel's refusal of type bridge options; without VLAN filtering in
 * the kernel, vlan_filtering 1 gets a bare EOPNOTSUPP, which is said. */
int exec_bropts_kfail(struct exec_ctx *x, const char *name,
                      const struct w_bropts *o, const struct kerr *e)
{
	for (int i = 0; i < o->n && i < W_BROPTS_MAX; i++)
		if (!o->slave && o->v[i].key == W_BR_VLAN_FILTERING &&
		    o->v[i].value && e->err == EOPNOTSUPP && !e->msg[0])
			return exec_fail(x, "%s: Operation not supported (the "
			            "kernel's answer to vlan_filtering 1 when its "
			            "bridges have no VLAN filtering: "
			            "CONFIG_BRIDGE_VLAN_FILTERING)", name);
	return exec_kfail(x, name, e);
}

int exec_bridge_vlan_change(struct exec_ctx *x, const struct cmd *c)
{
	const struct cmd_bridge *b = &c->u.bridge;
	bool add = c->verb == CMD_BRIDGE_VLAN_ADD;
	struct kerr e = { 0 };
	struct w_ns *ns;
	struct w_link *l;
	unsigned vflags = 0, brflags = 0;
	int rc;

	if (!(ns = exec_need_ns(x, c->ns, &rc)))
		return rc;
	if (!(l = exec_need_link(x, ns, b->dev, &rc)))
		return rc;
	if (!is_bridge(l) && !is_bridge(world_find_link_index(ns, l->master)))
		return exec_fail(x, "%s: neither a bridge nor a bridge port (VLANs "
		            "are a bridge's and its ports')", b->dev);
	if (b->pvid)
		vflags |= BRIDGE_VLAN_INFO_PVID;
	if (b->untagged)
		vflags |= BRIDGE_VLAN_INFO_UNTAGGED;
	if (b->self)
		brflags |= BRIDGE_FLAGS_SELF;
	if (b->master)
		brflags |= BRIDGE_FLAGS_MASTER;
	if (kbridge_vlan_change(x->k, ns, add, l->ifindex, b->vid, b->vid_end,
	                        vflags, brflags, &e) < 0) {
		if (e.err == EOPNOTSUPP && !e.msg[0])
			return exec_fail(x, "%s: Operation not supported (the "
			            "kernel's answer when its bridges have no VLAN "
			            "filtering: CONFIG_BRIDGE_VLAN_FILTERING)", b->dev);
		return exec_kfail(x, b->dev, &e);
	}
	ksync_drain(x->k);
	return 0;
}

/* bridge(8)'s own words for a device that is not there */
static int need_dev(struct exec_ctx *x, struct w_ns *ns, const char *dev,
                    const char *what, int *ifindex)
{
	const struct w_link *l;

	*ifindex = 0;
	if (!dev[0])
		return 0;
	if (!(l = world_find_link(ns, dev)))
		return exec_fail(x, "Cannot find %sdevice \"%s\"", what, dev);
	*ifindex = l->ifindex;
	return 0;
}

int exec_bridge_show(struct exec_ctx *x, const struct cmd *c)
{
	const struct cmd_bridge *b = &c->u.bridge;
	struct w_brview v = { 0 };
	struct kerr e = { 0 };
	struct w_ns *ns;
	int rc, ifindex, master;

	if (!(ns = exec_need_ns(x, c->ns, &rc)))
		return rc;
	if ((rc = need_dev(x, ns, b->br, "bridge ", &master)) ||
	    (rc = need_dev(x, ns, b->dev, "", &ifindex)))
		return rc;
	if (c->verb == CMD_BRIDGE_FDB_SHOW)
		rc = kbridge_dump_fdb(x->k, ns, ifindex, master, &v, &e);
	else
		rc = kbridge_dump_links(x->k, ns, c->verb == CMD_BRIDGE_VLAN_SHOW,
		                        &v, &e);
	if (rc < 0) {
		kbridge_view_free(&v);
		return exec_kfail(x, "bridge", &e);
	}
	if (c->verb == CMD_BRIDGE_FDB_SHOW)
		fmt_bridge_fdb_show(&x->out, ns, &v, ifindex, &c->opts);
	else if (c->verb == CMD_BRIDGE_VLAN_SHOW)
		fmt_bridge_vlan_show(&x->out, ns, &v, ifindex, &c->opts);
	else
		fmt_bridge_link_show(&x->out, ns, &v, ifindex, &c->opts);
	kbridge_view_free(&v);
	return 0;
}
