/* SPDX-License-Identifier: GPL-2.0-or-later */
/* exec_addr.c - addr add|del|show. */
#include "cmd/exec_int.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/if.h>

#include "fmt/fmt.h"

/* the kernel keys IPv4 addresses by address, prefix length and peer's
 * network (10.0.1.0/25 may sit beside 10.0.1.0/24, 10.0.1.1 peer
 * 10.0.1.2 beside 10.0.1.1/32), IPv6 by address */
static bool same_net4(const struct w_ip *a, const struct w_ip *b, int plen)
{
	uint32_t x, y, mask = plen <= 0 ? 0 : plen >= 32 ? ~0u
	                      : ~0u << (32 - plen);

	memcpy(&x, a->a, 4);
	memcpy(&y, b->a, 4);
	return !((ntohl(x) ^ ntohl(y)) & mask);
}

static const struct w_addr *find_addr(const struct w_ns *ns, int ifindex,
                                      const struct w_ip *ip, int plen,
                                      const struct w_ip *peer)
{
	for (size_t i = 0; i < ns->naddrs; i++) {
		const struct w_addr *a = &ns->addrs[i];
		const struct w_ip *ap = a->peer.family ? &a->peer : &a->local;

		if (a->ifindex != ifindex || !w_ip_eq(&a->local, ip) ||
		    (plen >= 0 && a->prefixlen != plen))
			continue;
		if (peer && ip->family == AF_INET &&
		    !same_net4(ap, peer, a->prefixlen))
			continue;
		return a;
	}
	return NULL;
}

/* ip's brd + / brd -: the peer's (or the address's) network with the
 * host bits set or cleared, up to a /30 (none for /31, /32) */
static void computed_brd(const struct cmd_addr *ca, const struct w_ip *net,
                         int plen, struct w_ip *brd)
{
	uint32_t a, host;

	memset(brd, 0, sizeof *brd);
	if (ca->brd == 1) {
		*brd = ca->brd_ip;
		return;
	}
	if (!ca->brd || plen > 30)
		return;
	memcpy(&a, net->a, 4);
	host = plen ? ~0u >> plen : ~0u;
	a = ca->brd == '+' ? ntohl(a) | host : ntohl(a) & ~host;
	a = htonl(a);
	*brd = *net;
	memcpy(brd->a, &a, 4);
}

int exec_addr_change(struct exec_ctx *x, const struct cmd *c)
{
	const struct cmd_addr *ca = &c->u.addr;
	bool add = c->verb == CMD_ADDR_ADD;
	struct kerr e = { 0 };
	struct kaddr_req r;
	struct w_ns *ns;
	struct w_link *l;
	char ab[64], obj[96];
	int rc, plen;

	if (!(ns = exec_need_ns(x, c->ns, &rc)))
		return rc;
	if (!(l = exec_need_link(x, ns, ca->dev, &rc)))
		return rc;
	/* as ip: with a peer, the prefix length is the peer's */
	plen = ca->has_peer && ca->peer_len ? ca->peer_len : ca->prefixlen;
	snprintf(obj, sizeof obj, "%s/%d",
	         w_ip_str(&ca->addr, ab, sizeof ab), plen);
	if (add && find_addr(ns, l->ifindex, &ca->addr,
	                     ca->addr.family == AF_INET ? plen : -1,
	                     ca->has_peer ? &ca->peer : &ca->addr))
		return exec_fail(x, "%s: address already assigned to %s", obj,
		            ca->dev);
	if (!add && !find_addr(ns, l->ifindex, &ca->addr, plen, NULL))
		return exec_fail(x, "%s: no such address on %s", obj, ca->dev);
	memset(&r, 0, sizeof r);
	r.ifindex = l->ifindex;
	r.local = ca->addr;
	r.prefixlen = plen;
	if (ca->has_peer)
		r.peer = ca->peer;
	if (add || ca->brd == 1)
		computed_brd(ca, ca->has_peer ? &ca->peer : &ca->addr, plen,
		             &r.brd);
	r.brd_computed = ca->brd == '+' || ca->brd == '-';
	r.label = ca->label;
	r.has_metric = ca->has_metric;
	r.metric = ca->metric;
	r.scope = ca->scope;
	r.flags = ca->flags;
	if (ca->has_valid || ca->has_preferred) {
		r.has_cacheinfo = true;
		r.valid_lft = ca->has_valid ? ca->valid_lft : 0xffffffffu;
		r.preferred_lft = ca->has_preferred ? ca->preferred_lft
		                                    : 0xffffffffu;
	}
	if (kaddr_change(x->k, ns, add, &r, &e) < 0)
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
