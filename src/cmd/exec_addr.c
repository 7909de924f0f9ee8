/* SPDX-License-Identifier: GPL-2.0-or-later */
/* exec_addr.c - addr add|del|show. */
#include "cmd/exec_int.h"

#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

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
	return exec_show_links(x, c, c->u.addr.dev, true);
}
