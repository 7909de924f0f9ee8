/* SPDX-License-Identifier: GPL-2.0-or-later */
/* bridge-vlan-dump.c - an LD_PRELOAD for `bridge vlan show` (iproute2):
 * answers the AF_BRIDGE link dump from $FAKEVLAN ("IDX:VID/FLAGS,...;IDX:...") instead of the
 * kernel (whose VLAN filtering the test machines lack), to capture bridge(8)'s own
 * text for given VLANs: the expected strings of tests/unit/test_fmt_bridge.c.
 * A fixture tool, not built or run by the tests:
 *   gcc -shared -fPIC -o fakevlan.so bridge-vlan-dump.c -ldl
 *   FAKEVLAN="2:1/6;4:10,20/4" LD_PRELOAD=./fakevlan.so bridge vlan show
 * (inside a sandbox: unshare --net --mount).  FLAGS: BRIDGE_VLAN_INFO_*.
 * It answers nsviz's dump too (libnl sends with sendmsg), which checks
 * kernel/bridge.c's reading of VLANs as well:
 *   LD_PRELOAD=./fakevlan.so nsviz bridge vlan show  (== bridge's) */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/if_link.h>
#include <linux/if_bridge.h>

static char buf[65536];
static size_t blen, boff;
static int fakefd = -1;

static void put(const void *p, size_t n) { memcpy(buf + blen, p, n); blen += NLMSG_ALIGN(n); }

static unsigned pid;
static void build(unsigned seq)
{
	char *spec = strdup(getenv("FAKEVLAN") ? getenv("FAKEVLAN") : "");
	char *save, *port;
	blen = boff = 0;
	for (port = strtok_r(spec, ";", &save); port; port = strtok_r(NULL, ";", &save)) {
		size_t start = blen;
		struct nlmsghdr h = { 0, RTM_NEWLINK, NLM_F_MULTI, seq, pid };
		struct ifinfomsg ifi = { .ifi_family = AF_BRIDGE };
		ifi.ifi_index = atoi(port);
		put(&h, sizeof h); put(&ifi, sizeof ifi);
		size_t af = blen;
		struct rtattr ra = { 4, IFLA_AF_SPEC };
		put(&ra, sizeof ra);
		char *v = strchr(port, ':');
		for (v = v ? v + 1 : NULL; v && *v; ) {
			struct { struct rtattr a; struct bridge_vlan_info i; } e = { { 8, IFLA_BRIDGE_VLAN_INFO } };
			e.i.vid = (unsigned short)strtoul(v, &v, 10);
			if (*v == '/') e.i.flags = (unsigned short)strtoul(v + 1, &v, 0);
			put(&e, sizeof e);
			if (*v == ',') v++;
		}
		((struct rtattr *)(buf + af))->rta_len = (unsigned short)(blen - af);
		((struct nlmsghdr *)(buf + start))->nlmsg_len = (unsigned)(blen - start);
	}
	struct { struct nlmsghdr h; int err; } done = { { sizeof done, NLMSG_DONE, NLM_F_MULTI, seq, pid }, 0 };
	put(&done, sizeof done);
	free(spec);
}

ssize_t send(int fd, const void *b, size_t n, int flags)
{
	static ssize_t (*real)(int, const void *, size_t, int);
	const struct nlmsghdr *h = b;
	if (!real) real = dlsym(RTLD_NEXT, "send");
	if (n >= NLMSG_LENGTH(sizeof(struct ifinfomsg)) && h->nlmsg_type == RTM_GETLINK &&
	    ((const struct ifinfomsg *)NLMSG_DATA(h))->ifi_family == AF_BRIDGE) {
		struct sockaddr_nl sa; socklen_t sl = sizeof sa;
		if (getsockname(fd, (struct sockaddr *)&sa, &sl) == 0) pid = sa.nl_pid;
		build(h->nlmsg_seq);
		fakefd = fd;
		return (ssize_t)n;
	}
	return real(fd, b, n, flags);
}

ssize_t sendmsg(int fd, const struct msghdr *m, int flags)
{
	static ssize_t (*real)(int, const struct msghdr *, int);
	const struct nlmsghdr *h = m->msg_iov[0].iov_base;
	if (!real) real = dlsym(RTLD_NEXT, "sendmsg");
	if (m->msg_iov[0].iov_len >= NLMSG_LENGTH(sizeof(struct ifinfomsg)) && h->nlmsg_type == RTM_GETLINK &&
	    (h->nlmsg_flags & NLM_F_DUMP) == NLM_F_DUMP &&
	    ((const struct ifinfomsg *)NLMSG_DATA(h))->ifi_family == AF_BRIDGE) {
		struct sockaddr_nl sa; socklen_t sl = sizeof sa;
		if (getsockname(fd, (struct sockaddr *)&sa, &sl) == 0) pid = sa.nl_pid;
		build(h->nlmsg_seq);
		fakefd = fd;
		return (ssize_t)m->msg_iov[0].iov_len;
	}
	return real(fd, m, flags);
}

ssize_t recvmsg(int fd, struct msghdr *m, int flags)
{
	static ssize_t (*real)(int, struct msghdr *, int);
	if (!real) real = dlsym(RTLD_NEXT, "recvmsg");
	if (fd != fakefd || boff >= blen)
		return real(fd, m, flags);
	size_t n = blen - boff, cap = m->msg_iov[0].iov_len;
	memcpy(m->msg_iov[0].iov_base, buf + boff, n < cap ? n : cap);
	if (m->msg_name) { struct sockaddr_nl *sa = m->msg_name; memset(sa, 0, sizeof *sa); sa->nl_family = AF_NETLINK; m->msg_namelen = sizeof *sa; }
	m->msg_flags = 0;
	if (!(flags & MSG_PEEK)) boff = blen;
	return (ssize_t)n;
}
