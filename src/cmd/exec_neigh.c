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
	fmt_neigh_show(&x->out, ns, ifindex, c->family);
	return 0;
}

