/* SPDX-License-Identifier: GPL-2.0-or-later */
/* exec_ping.c - ping: nsviz's own, run inside the namespace
 * (src/ping/), its lines handed over as they come. */
#include "cmd/exec_int.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "ping/ping.h"
#include "util/esc.h"

static void emit_text(struct exec_ctx *x, const char *text)
{
	if (x->emit)
		x->emit(x->emit_ctx, text);
	else
		sbuf_add(&x->out, text);
}

static void ping_line(void *ctx, const char *line)
{
	struct exec_ctx *x = ctx;
	struct sbuf b = SBUF_INIT;

	/* a line may hold the name of the interface (ADDR%IF) */
	esc_add(&b, line, 0);
	sbuf_addc(&b, '\n');
	emit_text(x, sbuf_str(&b));
	sbuf_free(&b);
}

void exec_ping_opts(const struct cmd *c, struct ping_opts *o)
{
	memset(o, 0, sizeof *o);
	o->dst = c->u.ping.target;
	o->ifname = c->u.ping.dev[0] ? c->u.ping.dev : NULL;
	o->ns_name = c->ns;
	o->count = c->u.ping.count;
	o->wait = c->u.ping.wait;
	o->interval = c->u.ping.interval;
}

int exec_ping(struct exec_ctx *x, const struct cmd *c)
{
	struct ping_opts o;
	struct kerr e = { 0 };
	struct w_ns *ns;
	int fd, rc;

	if (!(ns = exec_need_ns(x, c->ns, &rc)))
		return rc;
	/* ADDR%IF: the interface (a name, or an index as iputils takes
	 * it) must be in the namespace the ping runs in */
	if (c->u.ping.dev[0] && !world_find_link(ns, c->u.ping.dev)) {
		char *end;
		unsigned long idx = strtoul(c->u.ping.dev, &end, 10);

		if (*end || !idx || idx > INT_MAX ||
		    !world_find_link_index(ns, (int)idx)) {
			exec_need_link(x, ns, c->u.ping.dev, &rc);
			return rc;
		}
	}
	fd = ksync_ns_fd(x->k, ns, &e);
	if (fd < 0)
		return exec_fail(x, "%s: %s", c->ns, kerr_str(&e));
	exec_ping_opts(c, &o);
	o.stop = x->stop;
	if (kns_enter_fd(fd) < 0)
		return exec_fail(x, "%s: cannot enter namespace: %s",
		            c->ns[0] ? c->ns : "host", strerror(errno));
	rc = ping_run(&o, ping_line, x);
	kns_leave();
	return rc;
}

