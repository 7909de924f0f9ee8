/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tckind.c - does this kernel have a qdisc kind (netem: sch_netem)?
 *
 * Asked without changing anything anyone can see.  The question goes to
 * a network namespace made for it (unshare on this thread, the
 * namespace's fd kept, the thread back home at once), whose only device
 * is its lo, down: the request tc sends to add the kind at lo's root,
 * spoiled on purpose so that the kernel refuses it once it has looked
 * the kind up (and loaded its module, as for tc): TCA_INGRESS_BLOCK 0
 * ("Ingress block index cannot be 0", checked before the kind's init)
 * and an empty TCA_OPTIONS (which every kind's init refuses, on a kernel
 * older than ingress blocks).  "Specified qdisc kind is unknown"
 * (ENOENT) means there is no such kind; any other answer that there is.
 * Even a kernel that took the request would have changed a namespace
 * that goes away with the socket. */
#include "kernel/knl.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <linux/rtnetlink.h>
#include <linux/pkt_sched.h>
#include <netlink/attr.h>

#define LOOPBACK_IFINDEX 1      /* lo, in every namespace */

/* A namespace of its own for the question: its fd, or -1 (errno). */
static int scratch_ns(void)
{
	int home = kernel_home_fd(), fd, err;

	if (home < 0) {
		errno = EBADF;
		return -1;
	}
	kns_leave();
	if (unshare(CLONE_NEWNET) < 0)
		return -1;
	fd = open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC);
	err = errno;
	if (setns(home, CLONE_NEWNET) < 0) {
		/* as kns_leave: every later request would go astray */
		perror("nsviz: cannot return to the starting network namespace");
		abort();
	}
	errno = err;
	return fd;
}

int ktc_kind_known(const char *kind, struct kerr *e)
{
	struct tcmsg t = {
		.tcm_family = AF_UNSPEC,
		.tcm_ifindex = LOOPBACK_IFINDEX,
		.tcm_parent = TC_H_ROOT,
	};
	struct kerr ke = { 0 };
	struct nl_sock *sk;
	struct nl_msg *msg;
	struct nlattr *opts;
	int fd, rc;

	memset(e, 0, sizeof *e);
	fd = scratch_ns();
	if (fd < 0) {
		e->err = errno;
		snprintf(e->msg, sizeof e->msg, "a namespace to ask in: %s",
		         strerror(errno));
		return -1;
	}
	sk = knl_open(fd, false, e);
	close(fd);
	if (!sk)
		return -1;
	msg = nlmsg_alloc_simple(RTM_NEWQDISC, NLM_F_REQUEST | NLM_F_CREATE |
	                         NLM_F_EXCL);
	if (!msg || nlmsg_append(msg, &t, sizeof t, NLMSG_ALIGNTO) < 0 ||
	    nla_put_string(msg, TCA_KIND, kind) < 0 ||
	    nla_put_u32(msg, TCA_INGRESS_BLOCK, 0) < 0 ||
	    !(opts = nla_nest_start(msg, TCA_OPTIONS))) {
		nlmsg_free(msg);
		knl_close(sk);
		e->err = ENOMEM;
		return -1;
	}
	nla_nest_end(msg, opts);
	rc = knl_talk(sk, msg, NULL, NULL, &ke);
	nlmsg_free(msg);
	knl_close(sk);
	if (rc < 0 && ke.err == ENOENT)
		return 0;
	if (rc < 0 && ke.err == EIO) {
		*e = ke;                /* netlink itself failed: no answer */
		return -1;
	}
	return 1;
}
