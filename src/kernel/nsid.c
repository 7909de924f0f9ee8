/* SPDX-License-Identifier: GPL-2.0-or-later */
/* nsid.c - the numbers a namespace gives the others (nsids): `ip netns
 * set NAME ID` (RTM_NEWNSID) and `ip netns list-id` (RTM_GETNSID, a dump
 * or one number), as the messages iproute2 6.1 sends. */
#include "kernel/knl.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/net_namespace.h>
#include <linux/rtnetlink.h>

#include "util/sbuf.h"

static void kerr_nomem(struct kerr *e)
{
	e->err = ENOMEM;
	e->msg[0] = '\0';
}

static struct nl_msg *nsid_msg(int type, int flags, struct kerr *e)
{
	struct rtgenmsg g = { .rtgen_family = AF_UNSPEC };
	struct nl_msg *msg = nlmsg_alloc_simple(type, flags);

	if (msg && nlmsg_append(msg, &g, sizeof g, NLMSG_ALIGNTO) < 0) {
		nlmsg_free(msg);
		msg = NULL;
	}
	if (!msg)
		kerr_nomem(e);
	return msg;
}

int knsid_set(struct ksync *k, struct w_ns *ns, int target_fd, int nsid,
              struct kerr *e)
{
	struct nl_sock *sk = ksync_req_sock(k, ns, e);
	struct nl_msg *msg;
	int rc;

	if (!sk)
		return -1;
	if (!(msg = nsid_msg(RTM_NEWNSID, NLM_F_REQUEST, e)))
		return -1;
	if (nla_put_u32(msg, NETNSA_FD, (uint32_t)target_fd) < 0 ||
	    nla_put_u32(msg, NETNSA_NSID, (uint32_t)nsid) < 0) {
		nlmsg_free(msg);
		kerr_nomem(e);
		return -1;
	}
	rc = knl_talk(sk, msg, NULL, NULL, e);
	nlmsg_free(msg);
	return rc;
}

struct list_ctx {
	struct knsid *v;
	size_t n, cap;
};

static void nsid_entry(void *ctx, struct nlmsghdr *nlh)
{
	struct list_ctx *c = ctx;
	struct nlattr *tb[NETNSA_MAX + 1];
	struct knsid *x;

	if (nlh->nlmsg_type != RTM_NEWNSID ||
	    nlmsg_parse(nlh, sizeof(struct rtgenmsg), tb, NETNSA_MAX, NULL) < 0 ||
	    !tb[NETNSA_NSID])
		return;
	xgrow((void **)&c->v, &c->cap, c->n + 1, sizeof *c->v);
	x = &c->v[c->n++];
	x->nsid = (int32_t)nla_get_u32(tb[NETNSA_NSID]);
	x->has_current = tb[NETNSA_CURRENT_NSID] != NULL;
	x->current = x->has_current ?
	             (int32_t)nla_get_u32(tb[NETNSA_CURRENT_NSID]) : -1;
}

int knsid_list(struct ksync *k, struct w_ns *ns, int target_nsid, int nsid,
               struct knsid **out, size_t *n, struct kerr *e)
{
	struct nl_sock *sk = ksync_req_sock(k, ns, e);
	struct list_ctx c = { NULL, 0, 0 };
	struct nl_msg *msg;
	int rc;

	*out = NULL;
	*n = 0;
	if (!sk)
		return -1;
	/* one number (nsid N) is a plain request, the list a dump */
	msg = nsid_msg(RTM_GETNSID, NLM_F_REQUEST | (nsid < 0 ? NLM_F_DUMP : 0),
	               e);
	if (!msg)
		return -1;
	if ((nsid >= 0 && nla_put_u32(msg, NETNSA_NSID, (uint32_t)nsid) < 0) ||
	    (target_nsid >= 0 &&
	     nla_put_u32(msg, NETNSA_TARGET_NSID, (uint32_t)target_nsid) < 0)) {
		nlmsg_free(msg);
		kerr_nomem(e);
		return -1;
	}
	rc = nsid < 0 ? knl_talk(sk, msg, nsid_entry, &c, e) :
	     knl_get(sk, msg, nsid_entry, &c, e);
	nlmsg_free(msg);
	if (rc < 0) {
		free(c.v);
		return -1;
	}
	*out = c.v;
	*n = c.n;
	return 0;
}
