/* SPDX-License-Identifier: GPL-2.0-or-later */
/* exec_why.c - why ADDR (issue 15): the walk is src/why/'s; this checks
 * the words against the world (bad input exits 2: the namespace, the
 * %IF device, a source that is not the namespace's) and prints the
 * result.  Exit status 0 when both directions work, 1 when one does
 * not. */
#include "cmd/exec_int.h"

#include <stdlib.h>
#include <string.h>

#include "util/esc.h"
#include "why/why.h"

static bool ns_has(const struct w_ns *ns, const struct w_ip *ip)
{
	for (size_t i = 0; i < ns->naddrs; i++)
		if (ns->addrs[i].family == ip->family &&
		    w_ip_eq(&ns->addrs[i].local, ip))
			return true;
	return false;
}

int exec_why(struct exec_ctx *x, const struct cmd *c)
{
	const struct cmd_why *y = &c->u.why;
	struct why_query q;
	struct why_result *r;
	struct kerr e = { 0 };
	struct sbuf out = SBUF_INIT;
	struct w_ns *ns;
	int rc;

	if (!(ns = exec_need_ns(x, c->ns, &rc)))
		return 2;
	memset(&q, 0, sizeof q);
	q.ns = ns;
	q.dst = y->target;
	q.proto = y->proto;
	q.port = y->port;
	if (y->dev[0]) {
		struct w_link *l = exec_need_link(x, ns, y->dev, &rc);

		if (!l)
			return 2;
		q.oif = l->ifindex;
	}
	if (y->from.family) {
		char a[64], wb[320];

		if (!ns_has(ns, &y->from)) {
			exec_fail(x, "%s: not an address %s", w_ip_str(&y->from, a,
			          sizeof a), exec_where(ns, wb, sizeof wb));
			return 2;
		}
		q.src = y->from;
	}
	if (!(r = calloc(1, sizeof *r)))
		return exec_fail(x, "why: out of memory");
	if (why_trace(x->k, x->w, &q, r, &e) < 0) {
		free(r);
		return exec_fail(x, "why: %s", kerr_str(&e));
	}
	if (c->opts.json) {
		why_json(r, &x->out);
	} else {
		why_text(r, &out);
		esc_add(&x->out, sbuf_str(&out), ESC_KEEP_NL);
	}
	if (x->why_done)
		x->why_done(x->why_ctx, r);
	rc = r->reason == WHY_OK ? 0 : 1;
	sbuf_free(&out);
	free(r);
	return rc;
}
