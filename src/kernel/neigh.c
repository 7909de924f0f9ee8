/* SPDX-License-Identifier: GPL-2.0-or-later */
/* neigh.c - changes to the neighbour table (`ip neigh add|replace|change|
 * del`), and the flushes of `ip neigh flush` and `ip addr flush`: dump
 * the kernel's table, delete each entry that passes the filter with the
 * message the kernel sent for it (its type made a delete), in rounds
 * until nothing passes, as iproute2 does. */
#include "kernel/knl.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/if_addr.h>
#include <linux/neighbour.h>
#include <linux/rtnetlink.h>
#include <netlink/attr.h>

static int oom(struct kerr *e)
{
	e->err = ENOMEM;
	e->msg[0] = '\0';
	return -1;
}

/* As ipneigh_modify(): ndm_state NUD_PERMANENT unless nud was given
 * (the caller passes ip's default), NDA_DST, NDA_LLADDR when given. */
int kneigh_modify(struct ksync *k, struct w_ns *ns, bool del,
                  unsigned nlflags, const struct kneigh_req *r,
                  struct kerr *e)
{
	struct ndmsg ndm = {
		.ndm_family = (unsigned char)r->dst.family,
		.ndm_ifindex = r->ifindex,
		.ndm_state = (uint16_t)r->state,
		.ndm_flags = (uint8_t)r->flags,
	};
	struct nl_sock *sk;
	struct nl_msg *msg;
	int rc;

	memset(e, 0, sizeof *e);
	msg = nlmsg_alloc_simple(del ? RTM_DELNEIGH : RTM_NEWNEIGH,
	                         NLM_F_REQUEST | (del ? 0 : nlflags));
	if (!msg)
		return oom(e);
	if (nlmsg_append(msg, &ndm, sizeof ndm, NLMSG_ALIGNTO) < 0 ||
	    nla_put(msg, NDA_DST, r->dst.family == AF_INET6 ? 16 : 4,
	            r->dst.a) < 0 ||
	    (r->lladdr_len > 0 &&
	     nla_put(msg, NDA_LLADDR, r->lladdr_len, r->lladdr) < 0)) {
		nlmsg_free(msg);
		return oom(e);
	}
	if (!(sk = ksync_req_sock(k, ns, e))) {
		nlmsg_free(msg);
		return -1;
	}
	rc = knl_talk(sk, msg, NULL, NULL, e);
	nlmsg_free(msg);
	return rc;
}

/* ---- flushes ------------------------------------------------------------ */

#define FLUSH_ROUNDS 10        /* ip's MAX_ROUNDS / max_flush_loops */

typedef bool (*flush_match_fn)(void *ctx, const struct nlmsghdr *nlh);

struct flush_ctx {
	flush_match_fn match;
	void *mctx;
	struct nlmsghdr **v;
	size_t n, cap;
};

static void flush_collect(void *ctx, struct nlmsghdr *nlh)
{
	struct flush_ctx *f = ctx;
	struct nlmsghdr *copy;

	if (!f->match(f->mctx, nlh))
		return;
	if (f->n == f->cap) {
		size_t cap = f->cap ? 2 * f->cap : 16;
		struct nlmsghdr **v = realloc(f->v, cap * sizeof *v);
		if (!v)
			return;
		f->v = v;
		f->cap = cap;
	}
	if (!(copy = malloc(nlh->nlmsg_len)))
		return;
	memcpy(copy, nlh, nlh->nlmsg_len);
	f->v[f->n++] = copy;
}

static void flush_clear(struct flush_ctx *f)
{
	for (size_t i = 0; i < f->n; i++)
		free(f->v[i]);
	f->n = 0;
}

/* One round: dump, then delete what passed.  Returns how many were
 * deleted, or -1 with e set. */
static int flush_round(struct nl_sock *sk, int dump_type, int family,
                       int del_type, int ignore,
                       struct flush_ctx *f, struct kerr *e)
{
	int done = 0;

	flush_clear(f);
	if (knl_dump(sk, dump_type, family, flush_collect, f, e) < 0)
		return -1;
	for (size_t i = 0; i < f->n; i++) {
		struct nlmsghdr *old = f->v[i];
		struct nl_msg *msg = nlmsg_alloc_simple(del_type, NLM_F_REQUEST);
		struct kerr de = { 0 };
		int rc;

		if (!msg)
			return oom(e);
		if (nlmsg_append(msg, nlmsg_data(old),
		                 old->nlmsg_len - NLMSG_HDRLEN,
		                 NLMSG_ALIGNTO) < 0) {
			nlmsg_free(msg);
			return oom(e);
		}
		rc = knl_talk(sk, msg, NULL, NULL, &de);
		nlmsg_free(msg);
		if (rc < 0 && de.err != ignore) {
			*e = de;
			return -1;
		}
		if (rc == 0)
			done++;
	}
	return done;
}

struct neigh_filter {
	int ifindex, family;
	unsigned states;
};

/* print_neigh()'s filter under flush */
static bool neigh_match(void *ctx, const struct nlmsghdr *nlh)
{
	const struct neigh_filter *nf = ctx;
	const struct ndmsg *nd;

	if (nlh->nlmsg_type != RTM_NEWNEIGH ||
	    nlh->nlmsg_len < NLMSG_LENGTH(sizeof *nd))
		return false;
	nd = nlmsg_data(nlh);
	if (nd->ndm_family != AF_INET && nd->ndm_family != AF_INET6)
		return false;
	if (nf->family && nf->family != nd->ndm_family)
		return false;
	if (nf->ifindex && nf->ifindex != nd->ndm_ifindex)
		return false;
	if (!(nf->states & nd->ndm_state) &&
	    !(nd->ndm_flags & (NTF_PROXY | NTF_EXT_LEARNED)) &&
	    (nd->ndm_state || !(nf->states & 0x100)))
		return false;
	return true;
}

int kneigh_flush(struct ksync *k, struct w_ns *ns, int ifindex, int family,
                 unsigned states, unsigned *count, struct kerr *e)
{
	struct neigh_filter nf = { ifindex, family, states };
	struct flush_ctx f = { neigh_match, &nf, NULL, 0, 0 };
	struct nl_sock *sk;
	int rc = 0;

	memset(e, 0, sizeof *e);
	*count = 0;
	if (!(sk = ksync_req_sock(k, ns, e)))
		return -1;
	for (int round = 0;; round++) {
		if (round == FLUSH_ROUNDS) {
			e->err = EBUSY;
			snprintf(e->msg, sizeof e->msg, "flush remains "
			         "incomplete after %d rounds", FLUSH_ROUNDS);
			rc = -1;
			break;
		}
		int n = flush_round(sk, RTM_GETNEIGH, family, RTM_DELNEIGH,
		                    ENOENT, &f, e);
		if (n < 0) {
			rc = -1;
			break;
		}
		*count += (unsigned)n;
		if (f.n == 0)
			break;
		/* as ip: a failed entry deleted once may come back failed */
		nf.states &= ~(unsigned)NUD_FAILED;
	}
	flush_clear(&f);
	free(f.v);
	return rc;
}

struct addr_filter {
	int ifindex, family, scope;
};

/* print_addrinfo()'s filter under flush */
static bool addr_match(void *ctx, const struct nlmsghdr *nlh)
{
	const struct addr_filter *af = ctx;
	const struct ifaddrmsg *ifa;

	if (nlh->nlmsg_type != RTM_NEWADDR ||
	    nlh->nlmsg_len < NLMSG_LENGTH(sizeof *ifa))
		return false;
	ifa = nlmsg_data(nlh);
	if (af->ifindex && af->ifindex != (int)ifa->ifa_index)
		return false;
	if (af->scope >= 0 && af->scope != ifa->ifa_scope)
		return false;
	if (af->family && af->family != ifa->ifa_family)
		return false;
	return true;
}

int kaddr_flush(struct ksync *k, struct w_ns *ns, int ifindex, int family,
                int scope, unsigned *count, struct kerr *e)
{
	struct addr_filter af = { ifindex, family, scope };
	struct flush_ctx f = { addr_match, &af, NULL, 0, 0 };
	struct nl_sock *sk;
	int rc = 0;

	memset(e, 0, sizeof *e);
	*count = 0;
	if (!(sk = ksync_req_sock(k, ns, e)))
		return -1;
	for (int round = 0;; round++) {
		if (round == FLUSH_ROUNDS) {
			e->err = EBUSY;
			snprintf(e->msg, sizeof e->msg, "flush remains "
			         "incomplete after %d rounds", FLUSH_ROUNDS);
			rc = -1;
			break;
		}
		/* an IPv4 primary takes its secondaries with it (or
		 * promotes one): ip ignores EADDRNOTAVAIL for the rest */
		int n = flush_round(sk, RTM_GETADDR, family, RTM_DELADDR,
		                    EADDRNOTAVAIL, &f, e);
		if (n < 0) {
			rc = -1;
			break;
		}
		*count += (unsigned)n;
		if (f.n == 0)
			break;
	}
	flush_clear(&f);
	free(f.v);
	return rc;
}
