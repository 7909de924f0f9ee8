/* SPDX-License-Identifier: GPL-2.0-or-later */
/* exec_tc.c - tc qdisc and tc class commands in the namespace of -n: the
 * device checked against the world first (so a bad name changes nothing
 * and is named), the kind's options built by src/tc/, the request sent by
 * kernel/tc.c; show dumps printed by fmt/tc.c as tc prints them. */
#include "cmd/exec_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>

#include "fmt/tc.h"
#include "util/sbuf.h"

/* The scheduler clock, as tc reads it at start: /proc/net/psched of the
 * running kernel (the same in every namespace). */
void exec_tc_clock(struct tc_clock *clk)
{
	char buf[128];
	FILE *f = fopen("/proc/net/psched", "re");
	size_t n = 0;

	tc_clock_default(clk);
	if (!f)
		return;
	n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	if (tc_clock_parse(clk, buf) < 0)
		tc_clock_default(clk);
}

/* tc's library directories, where iproute2 installs its .dist files:
 * Debian's and Ubuntu's multiarch one first, then other distributions' */
static const char *const dist_dirs[] = {
	TC_DIST_DIR, "/usr/lib/tc", "/usr/lib64/tc", NULL
};

/* A netem distribution's table, read as tc reads it at parse time: the
 * file NAME.dist of tc's library directory (the name is letters, digits,
 * _ and -, so no other path can be named).  -1 with err set. */
static int load_dist(const char *name, int16_t **data, size_t *n, char *err,
                     size_t errlen)
{
	char path[256], *text;
	size_t len = 0, cap = 1 << 16;
	FILE *f = NULL;
	int got;

	for (const char *const *d = dist_dirs; *d && !f; d++) {
		snprintf(path, sizeof path, "%s/%s.dist", *d, name);
		f = fopen(path, "re");
	}
	if (!f) {
		snprintf(err, errlen, "distribution %s: no table (%s.dist is not "
		         "in %s, /usr/lib/tc or /usr/lib64/tc)", name, name,
		         TC_DIST_DIR);
		return -1;
	}
	text = xmalloc(cap);
	while ((got = (int)fread(text + len, 1, cap - len, f)) > 0) {
		len += (size_t)got;
		if (len == cap) {
			cap *= 2;
			text = xrealloc(text, cap);
		}
	}
	fclose(f);
	*data = xmalloc(TC_DIST_MAX * sizeof **data);
	got = tc_dist_parse(text, len, *data, TC_DIST_MAX, err, errlen);
	free(text);
	if (got < 0) {
		free(*data);
		*data = NULL;
		return -1;
	}
	*n = (size_t)got;
	return 0;
}

int exec_tc_change(struct exec_ctx *x, const struct cmd *c)
{
	const struct cmd_tc *t = &c->u.tc;
	bool cls = c->verb >= CMD_TC_CLASS_ADD && c->verb <= CMD_TC_CLASS_DEL;
	struct ktc_req r = { 0 };
	struct sbuf attrs = SBUF_INIT;
	struct tc_clock clk;
	struct kerr e = { 0 };
	struct w_link *l;
	struct w_ns *ns;
	char err[256] = "";
	int rc;

	if (!(ns = exec_need_ns(x, c->ns, &rc)) ||
	    !(l = exec_need_link(x, ns, t->dev, &rc)))
		return rc;
	switch (c->verb) {
	case CMD_TC_QDISC_ADD: case CMD_TC_CLASS_ADD:
		r.type = cls ? RTM_NEWTCLASS : RTM_NEWQDISC;
		r.create = r.excl = true;
		break;
	case CMD_TC_QDISC_CHANGE: case CMD_TC_CLASS_CHANGE:
		r.type = cls ? RTM_NEWTCLASS : RTM_NEWQDISC;
		break;
	case CMD_TC_QDISC_REPLACE:
		r.type = RTM_NEWQDISC;
		r.create = r.replace = true;
		break;
	case CMD_TC_CLASS_REPLACE:
		r.type = RTM_NEWTCLASS;
		r.create = true;
		break;
	default:
		r.type = cls ? RTM_DELTCLASS : RTM_DELQDISC;
		break;
	}
	r.ifindex = l->ifindex;
	r.handle = t->handle;
	r.parent = t->parent;
	r.kind = t->kind;
	if (t->o.kind && t->o.kind->build) {
		struct tc_opts o = t->o;
		int16_t *d1 = NULL, *d2 = NULL;

		exec_tc_clock(&clk);
		if (!strcmp(t->kind, "netem") &&
		    ((o.u.netem.dist[0] && load_dist(o.u.netem.dist, &d1,
		                                    &o.u.netem.dist_n, err,
		                                    sizeof err) < 0) ||
		     (o.u.netem.slot_dist[0] && load_dist(o.u.netem.slot_dist,
		                                         &d2,
		                                         &o.u.netem.slot_dist_n,
		                                         err, sizeof err) < 0))) {
			free(d1);
			return exec_fail(x, "%s: %s", t->kind, err);
		}
		if (!strcmp(t->kind, "netem")) {
			o.u.netem.dist_data = d1;
			o.u.netem.slot_dist_data = d2;
		}
		rc = t->o.kind->build(&o, cls, &clk, &attrs, err, sizeof err);
		free(d1);
		free(d2);
		if (rc < 0) {
			sbuf_free(&attrs);
			return exec_fail(x, "%s: %s", t->kind,
			                 *err ? err : "cannot be built");
		}
		r.attrs = attrs.s;
		r.alen = attrs.len;
	}
	rc = ktc_modify(x->k, ns, &r, &e);
	sbuf_free(&attrs);
	if (rc < 0)
		return exec_kfail(x, t->dev, &e);
	ksync_drain(x->k);
	return 0;
}

struct show_ctx {
	struct exec_ctx *x;
	struct fmt_tc_ctx f;
	struct w_ns *ns;
};

static const char *name_of(void *ctx, int ifindex)
{
	struct show_ctx *s = ctx;
	const struct w_link *l = world_find_link_index(s->ns, ifindex);

	return l ? l->name : NULL;
}

static void on_msg(void *ctx, const struct nlmsghdr *nlh)
{
	struct show_ctx *s = ctx;

	fmt_tc_msg(&s->x->out, nlh, nlh->nlmsg_len, &s->f);
}

int exec_tc_show(struct exec_ctx *x, const struct cmd *c)
{
	const struct cmd_tc *t = &c->u.tc;
	bool cls = c->verb == CMD_TC_CLASS_SHOW;
	struct show_ctx s = { x, { 0 }, NULL };
	struct tc_clock clk;
	struct kerr e = { 0 };
	struct w_link *l = NULL;
	int rc;

	if (!(s.ns = exec_need_ns(x, c->ns, &rc)))
		return rc;
	if (t->dev[0] && !(l = exec_need_link(x, s.ns, t->dev, &rc)))
		return rc;
	exec_tc_clock(&clk);
	s.f.ifindex = l ? l->ifindex : 0;
	if (!cls) {
		s.f.handle = t->has_handle ? t->handle : 0;
		s.f.parent = t->has_parent ? t->parent : 0;
	} else {
		s.f.qdisc = t->has_qdisc ? t->qdisc : 0;
		s.f.classid = t->has_handle ? t->handle : 0;
	}
	s.f.pc.details = c->opts.details;
	s.f.pc.stats = (unsigned)c->opts.stats;
	s.f.pc.clock = &clk;
	s.f.ifname = name_of;
	s.f.ctx = &s;
	if (ktc_dump(x->k, s.ns, cls, s.f.ifindex,
	             cls && t->has_parent ? t->parent : 0, t->invisible, on_msg,
	             &s, &e) < 0)
		return exec_kfail(x, cls ? "tc class show" : "tc qdisc show", &e);
	return 0;
}
