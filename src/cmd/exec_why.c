/* SPDX-License-Identifier: GPL-2.0-or-later */
/* exec_why.c - why ADDR (issue 15): the walk is src/why/'s; this checks
 * the words against the world (bad input exits 2: the namespace, the
 * %IF device, a source that is not the namespace's) and prints the
 * result.  Exit status 0 when both directions work, 1 when one does
 * not.  With --probe the probe follows the prediction (src/why/probe.c)
 * and the status is what reality said. */
#include "cmd/exec_int.h"

#include <stdlib.h>
#include <string.h>

#include "util/esc.h"
#include "why/why.h"

int exec_why(struct exec_ctx *x, const struct cmd *c)
{
	const struct cmd_why *y = &c->u.why;
	struct why_query q;
	struct why_result *r;
	struct why_probe *p = NULL;
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

		if (!why_has_addr(ns, NULL, &y->from, NULL)) {
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
	rc = r->reason == WHY_OK ? 0 : 1;
	if (y->probe && !(p = calloc(1, sizeof *p))) {
		free(r);
		return exec_fail(x, "why: out of memory");
	}
	if (p && why_probe(x->k, r, p) == 0)
		rc = p->ok ? 0 : 1;   /* reality, when it was asked */
	if (c->opts.json) {
		why_json(r, &out);
		if (p)
			why_probe_json(r, p, &out);
		sbuf_add(&x->out, sbuf_str(&out));
	} else {
		why_text(r, &out);
		if (p)
			why_probe_text(r, p, &out);
		esc_add(&x->out, sbuf_str(&out), ESC_KEEP_NL);
	}
	if (x->why_done)
		x->why_done(x->why_ctx, r);
	sbuf_free(&out);
	free(p);
	free(r);
	return rc;
}
