/* SPDX-License-Identifier: GPL-2.0-or-later */
/* exec_addr.c - addr add|del|show. */
#include "cmd/exec_int.h"

#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/if.h>

#include "fmt/fmt.h"

static const struct w_addr *find_addr(const struct w_ns *ns, int ifindex,
                                      const struct w_ip *ip, int plen)
{
	for (size_t i = 0; i < ns->naddrs; i++) {
		const struct w_addr *a = &ns->addrs[i];
		if (a->ifindex == ifindex && w_ip_eq(&a->local, ip) &&
		    (plen < 0 || a->prefixlen == plen))
			return a;
	}
	return NULL;
}

int exec_addr_change(struct exec_ctx *x, const struct cmd *c)
{
	bool add = c->verb == CMD_ADDR_ADD;
	struct kerr e = { 0 };
	struct w_ns *ns;
	struct w_link *l;
	char ab[64], obj[96];
	int rc;

	if (!(ns = exec_need_ns(x, c->ns, &rc)))
		return rc;
	if (!(l = exec_need_link(x, ns, c->u.addr.dev, &rc)))
		return rc;
	snprintf(obj, sizeof obj, "%s/%d",
	         w_ip_str(&c->u.addr.addr, ab, sizeof ab), c->u.addr.prefixlen);
	/* the kernel keys IPv4 addresses by address and prefix length
	 * (10.0.1.0/25 may sit beside 10.0.1.0/24), IPv6 by address */
	if (add && find_addr(ns, l->ifindex, &c->u.addr.addr,
	                     c->u.addr.addr.family == AF_INET ? c->u.addr.prefixlen : -1))
		return exec_fail(x, "%s: address already assigned to %s", obj,
		            c->u.addr.dev);
	if (!add && !find_addr(ns, l->ifindex, &c->u.addr.addr, c->u.addr.prefixlen))
		return exec_fail(x, "%s: no such address on %s", obj, c->u.addr.dev);
	if (kaddr_change(x->k, ns, add, l->ifindex, &c->u.addr.addr, c->u.addr.prefixlen,
	                 &e) < 0)
		return exec_kfail(x, obj, &e);
	ksync_drain(x->k);
	return 0;
}

int exec_addr_show(struct exec_ctx *x, const struct cmd *c)
{
	struct w_ns *ns;
	int rc;

	if (!c->u.addr.up)
		return exec_show_links(x, c, c->u.addr.dev, true);
	/* routing (issue 11): addr show up, the links that are up */
	if (!(ns = exec_need_ns(x, c->ns, &rc)))
		return rc;
	for (size_t i = 0; i < ns->nlinks; i++) {
		const struct w_link *l = &ns->links[i];

		if (c->u.addr.dev[0] && strcmp(l->name, c->u.addr.dev))
			continue;
		if (l->flags & IFF_UP)
			fmt_link_addrs(&x->out, ns, l);
	}
	if (c->u.addr.dev[0] && !world_find_link(ns, c->u.addr.dev))
		return exec_fail(x, "Device \"%s\" does not exist.",
		                 c->u.addr.dev);
	return 0;
}

/* routing (issue 11): addr flush [dev NAME] [scope S], -4/-6 */
int exec_addr_flush(struct exec_ctx *x, const struct cmd *c)
{
	struct kerr e = { 0 };
	struct w_ns *ns;
	unsigned count;
	int rc, ifindex = 0;

	if (!(ns = exec_need_ns(x, c->ns, &rc)))
		return rc;
	if (c->u.addr.dev[0]) {
		struct w_link *l = exec_need_link(x, ns, c->u.addr.dev, &rc);
		if (!l)
			return rc;
		ifindex = l->ifindex;
	}
	if (kaddr_flush(x->k, ns, ifindex,
	                c->family == AF_INET || c->family == AF_INET6
	                ? c->family : 0, c->u.addr.scope, &count, &e) < 0)
		return exec_kfail(x, "addr flush", &e);
	ksync_drain(x->k);
	return 0;
}
