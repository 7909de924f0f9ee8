/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tc.c - qdiscs and classes through rtnetlink, as tc(8) sends them: a
 * tcmsg (ifindex, handle, parent), TCA_KIND, then the kind's TCA_OPTIONS
 * as src/tc/ built them (raw attribute bytes, appended as they are); and
 * the dumps tc qdisc show / tc class show read, each reply handed to the
 * caller whole (fmt/tc.c prints it). */
#include "kernel/knl.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <linux/rtnetlink.h>
#include <linux/pkt_sched.h>
#include <netlink/attr.h>

#include "tc/tc.h"

const struct tc_clock *ktc_clock(void)
{
	static struct tc_clock clk;
	static bool read;
	char buf[128];
	FILE *f;
	size_t n;

	if (read)
		return &clk;
	read = true;
	tc_clock_default(&clk);
	if (!(f = fopen("/proc/net/psched", "re")))
		return &clk;
	n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	if (tc_clock_parse(&clk, buf) < 0)
		tc_clock_default(&clk);
	return &clk;
}

static int oom(struct kerr *e)
{
	e->err = ENOMEM;
	e->msg[0] = '\0';
	return -1;
}

/* a handle as tc prints it: "1:", "1:10", "root" */
static void handle_str(uint32_t h, char *buf, size_t len)
{
	if (h == TC_H_ROOT)
		snprintf(buf, len, "root");
	else if (TC_H_MIN(h))
		snprintf(buf, len, "%x:%x", TC_H_MAJ(h) >> 16, TC_H_MIN(h));
	else
		snprintf(buf, len, "%x:", TC_H_MAJ(h) >> 16);
}

/* The kernel's answer names no object (a bare ENOENT), or names a kind
 * without saying which: say what the request was about, the kernel's
 * own words after it (the caller puts the device first). */
static void say_what(const struct ktc_req *r, struct kerr *e)
{
	char why[sizeof e->msg], a[32], b[32];
	char *m = e->msg;
	size_t n = sizeof e->msg;
	bool bare = e->err == ENOENT && !e->msg[0];
	uint32_t up = r->parent ? r->parent : r->handle & TC_H_MAJ_MASK;

	snprintf(why, sizeof why, "%s", kerr_str(e));
	handle_str(r->handle, a, sizeof a);
	handle_str(up, b, sizeof b);
	if (r->type == RTM_NEWQDISC && r->kind && e->err == ENOENT &&
	    strstr(why, "kind"))
		snprintf(m, n, "qdisc kind %.32s: %.160s", r->kind, why);
	else if (r->type == RTM_NEWTCLASS && bare)
		snprintf(m, n, "class %s: no qdisc %x: on this interface to "
		         "hold it (%.160s)", a, TC_H_MAJ(up) >> 16, why);
	else if (r->type == RTM_DELTCLASS && bare)
		snprintf(m, n, "class %s: no such class on this interface "
		         "(%.160s)", a, why);
	else if (r->type == RTM_DELQDISC && r->parent == TC_H_ROOT &&
	         strstr(why, "handle of zero"))
		snprintf(m, n, "root qdisc: none was added, the kernel's "
		         "default has nothing to delete (%.160s)", why);
	else if (r->type == RTM_DELQDISC && bare)
		snprintf(m, n, "qdisc %s: no such qdisc on this interface "
		         "(%.160s)", b, why);
}

int ktc_modify(struct ksync *k, struct w_ns *ns, const struct ktc_req *r,
               struct kerr *e)
{
	struct tcmsg t = {
		.tcm_family = AF_UNSPEC,
		.tcm_ifindex = r->ifindex,
		.tcm_handle = r->handle,
		.tcm_parent = r->parent,
	};
	struct nl_msg *msg;
	unsigned flags = NLM_F_REQUEST;

	if (r->create)
		flags |= NLM_F_CREATE;
	if (r->excl)
		flags |= NLM_F_EXCL;
	if (r->replace)
		flags |= NLM_F_REPLACE;
	memset(e, 0, sizeof *e);
	/* a netem distribution table is past libnl's default size */
	msg = nlmsg_alloc_size(NLMSG_SPACE(sizeof t) + r->alen + 256);
	if (!msg)
		goto oom;
	if (!nlmsg_put(msg, NL_AUTO_PORT, NL_AUTO_SEQ, r->type, 0, (int)flags))
		goto oom_free;
	if (nlmsg_append(msg, &t, sizeof t, NLMSG_ALIGNTO) < 0 ||
	    (r->kind && *r->kind &&
	     nla_put(msg, TCA_KIND, (int)strlen(r->kind) + 1, r->kind) < 0))
		goto oom_free;
	if (r->attrs && r->alen) {
		void *dst = nlmsg_reserve(msg, r->alen, NLMSG_ALIGNTO);

		if (!dst)
			goto oom_free;
		memcpy(dst, r->attrs, r->alen);
	}
	if (knl_ns_talk(k, ns, msg, NULL, NULL, e) < 0) {
		say_what(r, e);
		return -1;
	}
	return 0;
oom_free:
	nlmsg_free(msg);
oom:
	return oom(e);
}

struct dump_ctx {
	ktc_msg_fn fn;
	void *ctx;
};

static void on_reply(void *ctx, struct nlmsghdr *nlh)
{
	struct dump_ctx *d = ctx;

	d->fn(d->ctx, nlh);
}

int ktc_dump(struct ksync *k, struct w_ns *ns, bool classes, int ifindex,
             uint32_t parent, bool invisible, ktc_msg_fn fn, void *ctx,
             struct kerr *e)
{
	struct tcmsg t = {
		.tcm_family = AF_UNSPEC,
		.tcm_ifindex = ifindex,
		.tcm_parent = classes ? parent : 0,
	};
	struct dump_ctx d = { fn, ctx };
	struct nl_msg *msg;

	memset(e, 0, sizeof *e);
	msg = nlmsg_alloc_simple(classes ? RTM_GETTCLASS : RTM_GETQDISC,
	                         NLM_F_REQUEST | NLM_F_DUMP);
	if (!msg)
		return oom(e);
	if (nlmsg_append(msg, &t, sizeof t, NLMSG_ALIGNTO) < 0 ||
	    (invisible && nla_put(msg, TCA_DUMP_INVISIBLE, 0, NULL) < 0)) {
		nlmsg_free(msg);
		return oom(e);
	}
	return knl_ns_talk(k, ns, msg, on_reply, &d, e);
}
