/* SPDX-License-Identifier: GPL-2.0-or-later */
/* nl.c - netlink sockets inside namespaces, and requests whose errors
 * keep the kernel's own errno and extended-ack message.
 *
 * libnl's nl_wait_for_ack() folds errno into its own codes (ENETUNREACH
 * becomes "Unspecific failure") and drops the extack text, so replies are
 * read here with nl_recv() and NLMSG_ERROR is decoded by hand. */
#include "kernel/knl.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/net_namespace.h>
#include <linux/fib_rules.h>
#include <netlink/socket.h>

#ifndef NETLINK_EXT_ACK
#define NETLINK_EXT_ACK 11
#endif
#ifndef NETLINK_GET_STRICT_CHK
#define NETLINK_GET_STRICT_CHK 12
#endif
#ifndef NETLINK_CAP_ACK
#define NETLINK_CAP_ACK 10
#endif

const char *kerr_str(const struct kerr *e)
{
	if (e->msg[0])
		return e->msg;
	return strerror(e->err ? e->err : EIO);
}

static void kerr_set(struct kerr *e, int err, const char *msg)
{
	if (!e)
		return;
	e->err = err;
	snprintf(e->msg, sizeof e->msg, "%s", msg ? msg : "");
}

struct nl_sock *knl_open(int nsfd, bool events, struct kerr *e)
{
	struct nl_sock *sk;
	int one = 1, err;

	if (nsfd >= 0 && kns_enter_fd(nsfd) < 0) {
		kerr_set(e, errno, NULL);
		return NULL;
	}
	sk = nl_socket_alloc();
	if (!sk) {
		kerr_set(e, ENOMEM, NULL);
		goto out;
	}
	if (events)
		nl_socket_disable_seq_check(sk);
	/* knl_talk asks for the ack itself: a dump goes out as iproute2
	 * sends it, NLM_F_REQUEST|NLM_F_DUMP (libnl would add NLM_F_ACK) */
	nl_socket_disable_auto_ack(sk);
	errno = 0;
	err = nl_connect(sk, NETLINK_ROUTE);
	if (err < 0) {
		/* libnl folds socket()'s errno into a lossy code: keep the
		 * ones a person must see ("Too many open files") */
		if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS)
			kerr_set(e, errno, NULL);
		else
			kerr_set(e, EIO, nl_geterror(err));
		nl_socket_free(sk);
		sk = NULL;
		goto out;
	}
	setsockopt(nl_socket_get_fd(sk), SOL_NETLINK, NETLINK_EXT_ACK, &one,
	           sizeof one);
	setsockopt(nl_socket_get_fd(sk), SOL_NETLINK, NETLINK_CAP_ACK, &one,
	           sizeof one);
	if (events) {
		/* A burst of events (a hundred namespaces built by a script)
		 * must not overrun us; ENOBUFS still re-dumps if it does. */
		nl_socket_set_buffer_size(sk, 4 << 20, 0);
		nl_socket_set_nonblocking(sk);
		nl_socket_add_memberships(sk, RTNLGRP_LINK, RTNLGRP_IPV4_IFADDR,
		                          RTNLGRP_IPV6_IFADDR,
		                          RTNLGRP_IPV4_ROUTE,
		                          RTNLGRP_IPV6_ROUTE, RTNLGRP_NEIGH,
		                          RTNLGRP_NSID, RTNLGRP_IPV4_RULE,
		                          RTNLGRP_IPV6_RULE, RTNLGRP_TC, 0);
	} else {
		nl_socket_set_buffer_size(sk, 1 << 20, 0);
		/* lets dumps be filtered by the kernel (routes by RTA_OIF) */
		setsockopt(nl_socket_get_fd(sk), SOL_NETLINK,
		           NETLINK_GET_STRICT_CHK, &one, sizeof one);
	}
out:
	if (nsfd >= 0)
		kns_leave();
	return sk;
}

void knl_close(struct nl_sock *sk)
{
	if (sk)
		nl_socket_free(sk);
}

/* The extack message among the attributes from p to end. */
static void decode_extack(const char *p, const char *end, struct kerr *e)
{
	while (p + sizeof(struct nlattr) <= end) {
		const struct nlattr *a = (const struct nlattr *)p;
		size_t alen = a->nla_len;

		if (alen < sizeof *a || p + alen > end)
			break;
		if ((a->nla_type & NLA_TYPE_MASK) == NLMSGERR_ATTR_MSG &&
		    alen > sizeof *a) {
			size_t n = alen - sizeof *a;
			if (n >= sizeof e->msg)
				n = sizeof e->msg - 1;
			memcpy(e->msg, p + sizeof *a, n);
			e->msg[n] = '\0';
			/* strip a trailing newline or NUL padding */
			n = strlen(e->msg);
			while (n && e->msg[n - 1] == '\n')
				e->msg[--n] = '\0';
		}
		p += NLA_ALIGN(alen);
	}
}

/* NLMSG_ERROR: errno and, with NLM_F_ACK_TLVS, the extack message. */
static int decode_error(const struct nlmsghdr *nlh, struct kerr *e)
{
	const struct nlmsgerr *err = NLMSG_DATA(nlh);
	size_t off;

	if (nlh->nlmsg_len < NLMSG_LENGTH(sizeof *err)) {
		kerr_set(e, EIO, "truncated netlink error message");
		return -1;
	}
	if (err->error == 0)
		return 0;
	kerr_set(e, -err->error, NULL);
	if (!(nlh->nlmsg_flags & NLM_F_ACK_TLVS))
		return -1;
	off = sizeof *err;
	if (!(nlh->nlmsg_flags & NLM_F_CAPPED))
		off += err->msg.nlmsg_len - NLMSG_HDRLEN;
	decode_extack((const char *)err + NLMSG_ALIGN(off),
	              (const char *)nlh + nlh->nlmsg_len, e);
	return -1;
}

/* NLMSG_DONE of a dump: the kernel puts a dump's failure there (a bad
 * filter: `ip netns list-id target-nsid 77`), an int and, with
 * NLM_F_ACK_TLVS, the extack message after it. */
static int decode_done(const struct nlmsghdr *nlh, struct kerr *e)
{
	int err;

	if (nlh->nlmsg_len < NLMSG_LENGTH(sizeof err))
		return 0;
	memcpy(&err, NLMSG_DATA(nlh), sizeof err);
	if (err >= 0)
		return 0;
	kerr_set(e, -err, NULL);
	if (nlh->nlmsg_flags & NLM_F_ACK_TLVS)
		decode_extack((const char *)NLMSG_DATA(nlh) + NLMSG_ALIGN(sizeof err),
		              (const char *)nlh + nlh->nlmsg_len, e);
	return -1;
}

/* get: a request whose answer is one message, sent without NLM_F_ACK
 * as iproute2 sends it (the answer, or an error, ends it) */
static int talk(struct nl_sock *sk, struct nl_msg *msg, knl_msg_fn fn,
                void *ctx, struct kerr *e, bool get)
{
	struct nlmsghdr *req = nlmsg_hdr(msg);
	bool dump = (req->nlmsg_flags & NLM_F_DUMP) == NLM_F_DUMP;
	uint32_t seq;
	int n, rc = 0;

	if (!dump && !get)
		req->nlmsg_flags |= NLM_F_ACK;
	n = nl_send_auto(sk, msg);
	if (n < 0) {
		kerr_set(e, EIO, nl_geterror(n));
		return -1;
	}
	seq = req->nlmsg_seq;
	for (;;) {
		struct sockaddr_nl peer;
		unsigned char *buf = NULL;
		struct nlmsghdr *nlh;

		n = nl_recv(sk, &peer, &buf, NULL);
		if (n <= 0) {
			free(buf);
			if (n == -NLE_INTR || n == -NLE_AGAIN)
				continue;
			kerr_set(e, EIO, n ? nl_geterror(n) : "netlink closed");
			return -1;
		}
		for (nlh = (struct nlmsghdr *)buf; nlmsg_ok(nlh, n);
		     nlh = nlmsg_next(nlh, &n)) {
			if (nlh->nlmsg_seq != seq)
				continue;
			if (nlh->nlmsg_type == NLMSG_DONE) {
				int r = decode_done(nlh, e);
				free(buf);
				return r < 0 ? -1 : rc;
			}
			if (nlh->nlmsg_type == NLMSG_ERROR) {
				int r = decode_error(nlh, e);
				free(buf);
				return r < 0 ? -1 : rc;
			}
			if (fn)
				fn(ctx, nlh);
			if (get && !dump) {
				free(buf);
				return 0;
			}
		}
		free(buf);
	}
}

int knl_talk(struct nl_sock *sk, struct nl_msg *msg, knl_msg_fn fn,
             void *ctx, struct kerr *e)
{
	return talk(sk, msg, fn, ctx, e, false);
}

int knl_get(struct nl_sock *sk, struct nl_msg *msg, knl_msg_fn fn,
            void *ctx, struct kerr *e)
{
	return talk(sk, msg, fn, ctx, e, true);
}

int knl_dump(struct nl_sock *sk, int type, int family, knl_msg_fn fn,
             void *ctx, struct kerr *e)
{
	struct nl_msg *msg;
	int rc;

	/* An ifinfomsg is as long as any of the get-request headers and
	 * the kernel only reads the family byte of a dump request. */
	struct ifinfomsg hdr = { .ifi_family = (unsigned char)family };

	msg = nlmsg_alloc_simple(type, NLM_F_REQUEST | NLM_F_DUMP);
	if (!msg) {
		kerr_set(e, ENOMEM, NULL);
		return -1;
	}
	if (type == RTM_GETADDR || type == RTM_GETNSID) {
		struct ifaddrmsg ah = { .ifa_family = (unsigned char)family };
		nlmsg_append(msg, &ah, sizeof ah, NLMSG_ALIGNTO);
	} else if (type == RTM_GETROUTE) {
		struct rtmsg rh = { .rtm_family = (unsigned char)family };
		nlmsg_append(msg, &rh, sizeof rh, NLMSG_ALIGNTO);
	} else if (type == RTM_GETRULE) {
		/* strict checking refuses bytes after a fib_rule_hdr */
		struct fib_rule_hdr fh = { .family = (unsigned char)family };
		nlmsg_append(msg, &fh, sizeof fh, NLMSG_ALIGNTO);
	} else if (type == RTM_GETNEIGH) {
		struct ndmsg nh = { .ndm_family = (unsigned char)family };
		nlmsg_append(msg, &nh, sizeof nh, NLMSG_ALIGNTO);
	} else {
		nlmsg_append(msg, &hdr, sizeof hdr, NLMSG_ALIGNTO);
	}
	rc = knl_talk(sk, msg, fn, ctx, e);
	nlmsg_free(msg);
	return rc;
}

static void nsid_reply(void *ctx, struct nlmsghdr *nlh)
{
	int *out = ctx;
	struct nlattr *tb[NETNSA_MAX + 1];

	if (nlh->nlmsg_type != RTM_NEWNSID)
		return;
	if (nlmsg_parse(nlh, sizeof(struct rtgenmsg), tb, NETNSA_MAX,
	                NULL) < 0)
		return;
	if (tb[NETNSA_NSID])
		*out = (int32_t)nla_get_u32(tb[NETNSA_NSID]);
}

int knl_get_nsid(struct nl_sock *sk, int target_fd)
{
	struct rtgenmsg g = { .rtgen_family = AF_UNSPEC };
	struct nl_msg *msg;
	struct kerr e;
	int nsid = -1;

	msg = nlmsg_alloc_simple(RTM_GETNSID, NLM_F_REQUEST);
	if (!msg)
		return -1;
	if (nlmsg_append(msg, &g, sizeof g, NLMSG_ALIGNTO) < 0 ||
	    nla_put_u32(msg, NETNSA_FD, (uint32_t)target_fd) < 0) {
		nlmsg_free(msg);
		return -1;
	}
	/* the answer alone, as ip asks for it */
	if (knl_get(sk, msg, nsid_reply, &nsid, &e) < 0)
		nsid = -1;
	nlmsg_free(msg);
	return nsid;
}

/* Send msg on ns's request socket, every reply to fn; msg is freed.  A
 * dump goes without NLM_F_ACK, as iproute2 sends it (libnl would add it). */
int knl_ns_talk(struct ksync *k, struct w_ns *ns, struct nl_msg *msg,
                knl_msg_fn fn, void *ctx, struct kerr *e)
{
	bool dump = (nlmsg_hdr(msg)->nlmsg_flags & NLM_F_DUMP) == NLM_F_DUMP;
	struct nl_sock *sk;
	int rc;

	memset(e, 0, sizeof *e);
	sk = ksync_req_sock(k, ns, e);
	if (!sk) {
		nlmsg_free(msg);
		return -1;
	}
	if (dump)
		nl_socket_disable_auto_ack(sk);
	rc = knl_talk(sk, msg, fn, ctx, e);
	if (dump)
		nl_socket_enable_auto_ack(sk);
	nlmsg_free(msg);
	return rc;
}
