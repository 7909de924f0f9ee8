/* SPDX-License-Identifier: GPL-2.0-or-later */
/* linkstats.c - the counters of every link of a namespace at once:
 * RTM_GETSTATS with only IFLA_STATS_LINK_64 asked for (what `ip stats
 * show group link` asks), a few dozen bytes a link instead of a whole
 * RTM_NEWLINK each, and nothing applied to the world (counters move
 * without an event; the world's links stay as they are). */
#include "kernel/knl.h"

#include <errno.h>
#include <string.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>

struct stats_ctx {
	kstats_fn fn;
	void *ctx;
};

static void on_stats(void *ctx, struct nlmsghdr *nlh)
{
	struct stats_ctx *s = ctx;
	struct if_stats_msg ifsm;
	struct w_stats64 out;
	struct nlattr *a;
	int rem;

	if (nlh->nlmsg_type != RTM_NEWSTATS ||
	    nlh->nlmsg_len < NLMSG_LENGTH(sizeof ifsm))
		return;
	memcpy(&ifsm, NLMSG_DATA(nlh), sizeof ifsm);
	a = (struct nlattr *)((char *)NLMSG_DATA(nlh) + NLMSG_ALIGN(sizeof ifsm));
	rem = (int)nlh->nlmsg_len - (int)NLMSG_LENGTH(NLMSG_ALIGN(sizeof ifsm));
	for (; nla_ok(a, rem); a = nla_next(a, &rem)) {
		if (nla_type(a) != IFLA_STATS_LINK_64)
			continue;
		/* w_stats64 is the kernel's struct (parse.c); a shorter
		 * one from an older kernel leaves the rest 0 */
		memset(&out, 0, sizeof out);
		memcpy(&out, nla_data(a), (size_t)nla_len(a) < sizeof out ?
		       (size_t)nla_len(a) : sizeof out);
		s->fn(s->ctx, (int)ifsm.ifindex, &out);
	}
}

int kstats_links(struct ksync *k, struct w_ns *ns, kstats_fn fn, void *ctx,
                 struct kerr *e)
{
	struct if_stats_msg ifsm = {
		.family = AF_UNSPEC,
		.filter_mask = IFLA_STATS_FILTER_BIT(IFLA_STATS_LINK_64),
	};
	struct stats_ctx s = { fn, ctx };
	struct nl_sock *sk = ksync_req_sock(k, ns, e);
	struct nl_msg *msg;
	int rc;

	if (!sk)
		return -1;
	msg = nlmsg_alloc_simple(RTM_GETSTATS, NLM_F_REQUEST | NLM_F_DUMP);
	if (!msg || nlmsg_append(msg, &ifsm, sizeof ifsm, NLMSG_ALIGNTO) < 0) {
		nlmsg_free(msg);
		e->err = ENOMEM;
		e->msg[0] = '\0';
		return -1;
	}
	rc = knl_talk(sk, msg, on_stats, &s, e);
	nlmsg_free(msg);
	return rc;
}
