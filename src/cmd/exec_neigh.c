/* SPDX-License-Identifier: GPL-2.0-or-later */
/* exec_neigh.c - neigh show [dev NAME]. */
#include "cmd/exec_int.h"

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

