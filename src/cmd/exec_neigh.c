/* SPDX-License-Identifier: GPL-2.0-or-later */
/* exec_neigh.c - neigh show [dev NAME]; neigh add|change|replace|del and
 * neigh flush (routing, issue 11). */
#include "cmd/exec_int.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/neighbour.h>

#include "fmt/fmt.h"

int exec_neigh_show(struct exec_ctx *x, const struct cmd *c)
{
	struct w_ns *ns;
	int rc, ifindex = 0;

	if (!(ns = exec_need_ns(x, c->ns, &rc)))
		return rc;
	if (c->u.neigh.dev[0]) {
		struct w_link *l = world_find_link(ns, c->u.neigh.dev);

		if (!l)
			/* ip's own words for neigh */
			return exec_fail(x, "Cannot find device \"%s\"", c->u.neigh.dev);
		ifindex = l->ifindex;
	}
	if (c->opts.stats) {
		/* ages move with time: read them now, as ip does */
		struct kerr e = { 0 };

		if (ksync_read_neighs(x->k, ns, &e) < 0)
			return exec_kfail(x, "neigh show", &e);
	}
	fmt_neigh_list(&x->out, ns, ifindex, &c->opts);
	return 0;
}


/* ---- routing (issue 11) -------------------------------------------------- */

int exec_neigh_change(struct exec_ctx *x, const struct cmd *c)
{
	const struct cmd_neigh *n = &c->u.neigh;
	bool del = c->verb == CMD_NEIGH_DEL;
	struct kneigh_req q;
	struct kerr e = { 0 };
	struct w_ns *ns;
	struct w_link *l;
	unsigned flags;
	char ab[64], obj[128];
	int rc;

	if (!(ns = exec_need_ns(x, c->ns, &rc)))
		return rc;
	if (!(l = exec_need_link(x, ns, n->dev, &rc)))
		return rc;
	snprintf(obj, sizeof obj, "neigh %s dev %s",
	         w_ip_str(&n->dst, ab, sizeof ab), n->dev);
	memset(&q, 0, sizeof q);
	q.dst = n->dst;
	q.ifindex = l->ifindex;
	/* as ip: permanent unless nud says otherwise */
	q.state = n->has_nud ? n->nud : NUD_PERMANENT;
	q.flags = n->router ? NTF_ROUTER : 0;
	if (n->has_lladdr) {
		memcpy(q.lladdr, n->lladdr, 6);
		q.lladdr_len = 6;
	}
	flags = c->verb == CMD_NEIGH_CHANGE ? KROUTE_CHANGE
	        : c->verb == CMD_NEIGH_REPLACE ? KROUTE_REPLACE : KROUTE_ADD;
	if (kneigh_modify(x->k, ns, del, flags, &q, &e) < 0) {
		if (del && e.err == ENOENT && !e.msg[0])
			return exec_fail(x, "%s: no such neighbour entry", obj);
		if (!del && e.err == EEXIST && !e.msg[0])
			return exec_fail(x, "%s: the entry exists already (neigh "
			                 "replace changes it)", obj);
		if (c->verb == CMD_NEIGH_CHANGE && e.err == ENOENT && !e.msg[0])
			return exec_fail(x, "%s: no such neighbour entry to change",
			                 obj);
		return exec_kfail(x, obj, &e);
	}
	ksync_drain(x->k);
	return 0;
}

int exec_neigh_flush(struct exec_ctx *x, const struct cmd *c)
{
	const struct cmd_neigh *n = &c->u.neigh;
	struct kerr e = { 0 };
	struct w_ns *ns;
	unsigned states, count;
	int rc, ifindex = 0;

	if (!(ns = exec_need_ns(x, c->ns, &rc)))
		return rc;
	if (n->dev[0]) {
		struct w_link *l = world_find_link(ns, n->dev);

		if (!l)
			return exec_fail(x, "Cannot find device \"%s\"", n->dev);
		ifindex = l->ifindex;
	}
	/* ip's flush: every state but permanent and noarp, unless nud */
	states = ~(unsigned)(NUD_PERMANENT | NUD_NOARP);
	if (n->has_nud || n->nud_all)
		states = (n->has_nud ? n->nud : 0) |
		         (n->nud_all ? ~(unsigned)NUD_NOARP : 0);
	if (kneigh_flush(x->k, ns, ifindex,
	                 c->family == AF_INET || c->family == AF_INET6
	                 ? c->family : 0, states, &count, &e) < 0)
		return exec_kfail(x, "neigh flush", &e);
	ksync_drain(x->k);
	return 0;
}
