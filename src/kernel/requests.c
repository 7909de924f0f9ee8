/* SPDX-License-Identifier: GPL-2.0-or-later */
/* requests.c - the changes nsviz makes, as rtnetlink requests built with
 * libnl's message API and sent on the request socket of the namespace they
 * apply to.  Each mirrors what iproute2 sends for the same command, so the
 * kernel answers (and fails) exactly as it does for `ip`. */
#include "kernel/knl.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#include <linux/if.h>
#include <linux/if_addr.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include <linux/veth.h>
#include <netlink/attr.h>

#include "util/sbuf.h"


static int oom(struct kerr *e)
{
	e->err = ENOMEM;
	e->msg[0] = '\0';
	return -1;
}

static int send_req(struct ksync *k, struct w_ns *ns, struct nl_msg *msg,
                    knl_msg_fn fn, void *ctx, struct kerr *e)
{
	struct nl_sock *sk = ksync_req_sock(k, ns, e);
	int rc;

	if (!sk) {
		nlmsg_free(msg);
		return -1;
	}
	memset(e, 0, sizeof *e);
	rc = knl_talk(sk, msg, fn, ctx, e);
	nlmsg_free(msg);
	return rc;
}

static int ns_fd(struct ksync *k, struct w_ns *ns, struct kerr *e)
{
	return ksync_ns_fd_brief(k, ns, e);
}

int kns_enter_ns(struct ksync *k, struct w_ns *ns, struct kerr *e)
{
	int nsfd = ns_fd(k, ns, e);

	if (nsfd < 0)
		return -1;
	if (kns_enter_fd(nsfd) < 0) {
		e->err = errno;
		snprintf(e->msg, sizeof e->msg, "cannot enter the namespace: %s",
		         strerror(errno));
		ksync_ns_fd_done(k, ns, nsfd);
		return -1;
	}
	return nsfd;
}

void kns_leave_ns(struct ksync *k, struct w_ns *ns, int nsfd)
{
	kns_leave();
	ksync_ns_fd_done(k, ns, nsfd);
}

int klink_add_veth(struct ksync *k, struct w_ns *ns, const char *name,
                   const char *peer, struct w_ns *peer_ns, struct kerr *e)
{
	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC };
	struct nlattr *linkinfo, *data, *peerattr;
	struct nl_msg *msg;
	int fd = -1, rc;

	msg = nlmsg_alloc_simple(RTM_NEWLINK,
	                         NLM_F_REQUEST | NLM_F_CREATE | NLM_F_EXCL);
	if (!msg)
		return oom(e);
	if (nlmsg_append(msg, &ifi, sizeof ifi, NLMSG_ALIGNTO) < 0 ||
	    nla_put_string(msg, IFLA_IFNAME, name) < 0 ||
	    !(linkinfo = nla_nest_start(msg, IFLA_LINKINFO)) ||
	    nla_put_string(msg, IFLA_INFO_KIND, "veth") < 0 ||
	    !(data = nla_nest_start(msg, IFLA_INFO_DATA)) ||
	    !(peerattr = nla_nest_start(msg, VETH_INFO_PEER)))
		goto fail;
	/* The peer is an ifinfomsg followed by its own attributes. */
	if (nlmsg_append(msg, &ifi, sizeof ifi, NLMSG_ALIGNTO) < 0 ||
	    nla_put_string(msg, IFLA_IFNAME, peer) < 0)
		goto fail;
	if (peer_ns && peer_ns != ns) {
		fd = ns_fd(k, peer_ns, e);
		if (fd < 0 || nla_put_u32(msg, IFLA_NET_NS_FD, (uint32_t)fd) < 0)
			goto fail;
	}
	nla_nest_end(msg, peerattr);
	nla_nest_end(msg, data);
	nla_nest_end(msg, linkinfo);
	rc = send_req(k, ns, msg, NULL, NULL, e);
	if (peer_ns)
		ksync_ns_fd_done(k, peer_ns, fd);
	return rc;
fail:
	nlmsg_free(msg);
	if (peer_ns)
		ksync_ns_fd_done(k, peer_ns, fd);
	return e->err ? -1 : oom(e);
}

int klink_set(struct ksync *k, struct w_ns *ns, int ifindex, int up,
              unsigned mtu, const uint8_t *mac, struct w_ns *to_ns,
              struct kerr *e)
{
	return klink_set_master(k, ns, ifindex, up, mtu, mac, to_ns, -1, e);
}

int klink_set_master(struct ksync *k, struct w_ns *ns, int ifindex, int up,
                     unsigned mtu, const uint8_t *mac, struct w_ns *to_ns,
                     int master, struct kerr *e)
{
	struct klink_set_req r;

	/* one builder for every `link set` request (kernel/linkkind.c) */
	klink_set_req_init(&r);
	r.up = up;
	r.mtu = mtu;
	r.mac = mac;
	r.to_ns = to_ns;
	r.master = master;
	return klink_change(k, ns, ifindex, &r, e);
}

int klink_del(struct ksync *k, struct w_ns *ns, int ifindex, struct kerr *e)
{
	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC, .ifi_index = ifindex };
	struct nl_msg *msg = nlmsg_alloc_simple(RTM_DELLINK, NLM_F_REQUEST);

	if (!msg)
		return oom(e);
	if (nlmsg_append(msg, &ifi, sizeof ifi, NLMSG_ALIGNTO) < 0) {
		nlmsg_free(msg);
		return oom(e);
	}
	return send_req(k, ns, msg, NULL, NULL, e);
}

static int iplen(const struct w_ip *ip)
{
	return ip->family == AF_INET6 ? 16 : 4;
}

/* As ipaddr_modify(): the flags in ifa_flags while they fit, else in
 * IFA_FLAGS; the scope ip picks when none was given (host for 127/8) on
 * a change only; the attributes in the order ip puts them for the
 * canonical text (the words' order, then what it adds after them). */
int kaddr_change(struct ksync *k, struct w_ns *ns, bool add,
                 const struct kaddr_req *r, struct kerr *e)
{
	const struct w_ip *ip = &r->local;
	const struct w_ip *peer = r->peer.family ? &r->peer : &r->local;
	struct ifaddrmsg ifa = {
		.ifa_family = (unsigned char)ip->family,
		.ifa_prefixlen = (unsigned char)r->prefixlen,
		.ifa_index = (unsigned)r->ifindex,
	};
	struct nl_msg *msg;

	if (r->scope >= 0)
		ifa.ifa_scope = (unsigned char)r->scope;
	else if (add && ip->family == AF_INET && ip->a[0] == 127)
		ifa.ifa_scope = RT_SCOPE_HOST;
	if (r->flags <= 0xff)
		ifa.ifa_flags = (unsigned char)r->flags;
	msg = nlmsg_alloc_simple(add ? RTM_NEWADDR : RTM_DELADDR,
	                         add ? NLM_F_REQUEST | NLM_F_CREATE | NLM_F_EXCL
	                             : NLM_F_REQUEST);
	if (!msg)
		return oom(e);
	if (nlmsg_append(msg, &ifa, sizeof ifa, NLMSG_ALIGNTO) < 0 ||
	    nla_put(msg, IFA_LOCAL, iplen(ip), ip->a) < 0)
		goto fail;
	if (r->peer.family &&
	    nla_put(msg, IFA_ADDRESS, iplen(peer), peer->a) < 0)
		goto fail;
	if (r->brd.family && !r->brd_computed &&
	    nla_put(msg, IFA_BROADCAST, iplen(&r->brd), r->brd.a) < 0)
		goto fail;
	if (r->label && r->label[0] &&
	    nla_put(msg, IFA_LABEL, (int)strlen(r->label) + 1, r->label) < 0)
		goto fail;
	if (r->has_metric && nla_put_u32(msg, IFA_RT_PRIORITY, r->metric) < 0)
		goto fail;
	if (r->flags > 0xff && nla_put_u32(msg, IFA_FLAGS, r->flags) < 0)
		goto fail;
	if (!r->peer.family &&
	    nla_put(msg, IFA_ADDRESS, iplen(peer), peer->a) < 0)
		goto fail;
	if (r->brd.family && r->brd_computed &&
	    nla_put(msg, IFA_BROADCAST, iplen(&r->brd), r->brd.a) < 0)
		goto fail;
	if (r->has_cacheinfo) {
		struct ifa_cacheinfo ci = {
			.ifa_prefered = r->preferred_lft,
			.ifa_valid = r->valid_lft,
		};

		if (nla_put(msg, IFA_CACHEINFO, sizeof ci, &ci) < 0)
			goto fail;
	}
	return send_req(k, ns, msg, NULL, NULL, e);
fail:
	nlmsg_free(msg);
	return oom(e);
}

int kroute_change(struct ksync *k, struct w_ns *ns, bool add,
                  const struct kroute_req *r, struct kerr *e)
{
	return kroute_modify(k, ns, !add, add ? KROUTE_ADD : 0, r, e);
}

/* parse_nexthops(): RTA_MULTIPATH, a struct rtnexthop per next hop,
 * each followed by its RTA_GATEWAY (its length counted in rtnh_len) */
static int put_multipath(struct nl_msg *msg, const struct kroute_req *r)
{
	uint8_t buf[W_MAX_NEXTHOPS * (sizeof(struct rtnexthop) +
	                              RTA_SPACE(18))];
	size_t len = 0;

	memset(buf, 0, sizeof buf);
	for (int i = 0; i < r->nnh && i < W_MAX_NEXTHOPS; i++) {
		const struct kroute_nh *h = &r->nh[i];
		struct rtnexthop *rtnh = (struct rtnexthop *)(void *)(buf + len);
		size_t hl = sizeof *rtnh;

		rtnh->rtnh_flags = (unsigned char)h->flags;
		rtnh->rtnh_hops = (unsigned char)h->hops;
		rtnh->rtnh_ifindex = h->ifindex;
		if (h->gw.family) {
			struct rtattr *rta = (struct rtattr *)(void *)(buf +
			                                               len + hl);
			int gl = iplen(&h->gw);
			uint8_t *d = RTA_DATA(rta);

			if (h->gw.family == r->dst.family) {
				rta->rta_type = RTA_GATEWAY;
			} else {        /* struct rtvia: family, address */
				uint16_t f = (uint16_t)h->gw.family;

				rta->rta_type = RTA_VIA;
				memcpy(d, &f, 2);
				d += 2;
				gl += 2;
			}
			rta->rta_len = (unsigned short)RTA_LENGTH(gl);
			memcpy(d, h->gw.a, (size_t)iplen(&h->gw));
			hl += RTA_SPACE(gl);
		}
		rtnh->rtnh_len = (unsigned short)hl;
		len += RTNH_ALIGN(hl);
	}
	return nla_put(msg, RTA_MULTIPATH, (int)len, buf);
}

/* As iproute_modify(): a change is "boot" protocol, unicast, scope
 * universe, table main; then, when no scope was given, IPv6 stays
 * universe, local and nat get host scope, broadcast, multicast and
 * anycast link, and unicast without a gateway link (a delete nowhere).
 * local, broadcast, nat and anycast go in table local when none was
 * given; a table id above 255 goes in RTA_TABLE. */
int kroute_modify(struct ksync *k, struct w_ns *ns, bool del,
                  unsigned nlflags, const struct kroute_req *r,
                  struct kerr *e)
{
	struct rtmsg rtm = {
		.rtm_family = (unsigned char)r->dst.family,
		.rtm_dst_len = (unsigned char)r->dst_len,
		.rtm_table = RT_TABLE_MAIN,
		.rtm_scope = RT_SCOPE_NOWHERE,
	};
	struct nl_msg *msg;
	static const uint8_t zero[16];
	int type = r->type;

	if (!del) {
		rtm.rtm_protocol = RTPROT_BOOT;
		rtm.rtm_scope = RT_SCOPE_UNIVERSE;
		rtm.rtm_type = RTN_UNICAST;
	}
	if (r->protocol)
		rtm.rtm_protocol = (unsigned char)r->protocol;
	if (type)
		rtm.rtm_type = (unsigned char)type;
	if (r->table)
		rtm.rtm_table = r->table < 256 ? (unsigned char)r->table
		                               : RT_TABLE_UNSPEC;
	else if (type == RTN_LOCAL || type == RTN_BROADCAST ||
	         type == RTN_NAT || type == RTN_ANYCAST)
		rtm.rtm_table = RT_TABLE_LOCAL;
	if (r->scope >= 0)
		rtm.rtm_scope = (unsigned char)r->scope;
	else if (r->dst.family == AF_INET6)
		rtm.rtm_scope = RT_SCOPE_UNIVERSE;
	else if (type == RTN_LOCAL || type == RTN_NAT)
		rtm.rtm_scope = RT_SCOPE_HOST;
	else if (type == RTN_BROADCAST || type == RTN_MULTICAST ||
	         type == RTN_ANYCAST)
		rtm.rtm_scope = RT_SCOPE_LINK;
	else if (type == RTN_UNICAST || type == RTN_UNSPEC)
		rtm.rtm_scope = del ? RT_SCOPE_NOWHERE
		              : r->gw.family || r->nnh ? RT_SCOPE_UNIVERSE
		              : RT_SCOPE_LINK;
	rtm.rtm_flags = r->flags;
	rtm.rtm_tos = (unsigned char)r->tos;
	msg = nlmsg_alloc_simple(del ? RTM_DELROUTE : RTM_NEWROUTE,
	                         NLM_F_REQUEST | (del ? 0 : nlflags));
	if (!msg)
		return oom(e);
	if (nlmsg_append(msg, &rtm, sizeof rtm, NLMSG_ALIGNTO) < 0)
		goto fail;
	/* in the order ip puts them for the canonical text: the words'
	 * (dst via src metric table), then the device, then the next hops */
	if (r->dst_len > 0 || memcmp(r->dst.a, zero, (size_t)iplen(&r->dst)))
		if (nla_put(msg, RTA_DST, iplen(&r->dst), r->dst.a) < 0)
			goto fail;
	if (r->gw.family && r->gw.family == r->dst.family &&
	    nla_put(msg, RTA_GATEWAY, iplen(&r->gw), r->gw.a) < 0)
		goto fail;
	if (r->gw.family && r->gw.family != r->dst.family) {
		/* struct rtvia: the gateway's family, then its address */
		uint8_t via[2 + 16];
		uint16_t f = (uint16_t)r->gw.family;

		memcpy(via, &f, 2);
		memcpy(via + 2, r->gw.a, (size_t)iplen(&r->gw));
		if (nla_put(msg, RTA_VIA, 2 + iplen(&r->gw), via) < 0)
			goto fail;
	}
	if (r->prefsrc.family &&
	    nla_put(msg, RTA_PREFSRC, iplen(&r->prefsrc), r->prefsrc.a) < 0)
		goto fail;
	if (r->has_metric && nla_put_u32(msg, RTA_PRIORITY, r->metric) < 0)
		goto fail;
	if (r->table >= 256 && nla_put_u32(msg, RTA_TABLE, r->table) < 0)
		goto fail;
	if (r->pref && nla_put_u8(msg, RTA_PREF, (uint8_t)(r->pref - 1)) < 0)
		goto fail;
	if (r->oif && nla_put_u32(msg, RTA_OIF, (uint32_t)r->oif) < 0)
		goto fail;
	if (r->mtu) {
		/* ip's RTA_METRICS: a run of attributes, not flagged nested */
		struct { struct rtattr rta; uint32_t v; } mx = {
			{ RTA_LENGTH(sizeof(uint32_t)), RTAX_MTU }, r->mtu
		};

		if (nla_put(msg, RTA_METRICS, sizeof mx, &mx) < 0)
			goto fail;
	}
	if (r->nnh && put_multipath(msg, r) < 0)
		goto fail;
	return send_req(k, ns, msg, NULL, NULL, e);
fail:
	nlmsg_free(msg);
	return oom(e);
}

/* As ip's filtered dump: RTM_GETROUTE with RTA_TABLE, answered (under
 * strict checking) with ENOENT for a table that does not exist. */
int kroute_table_check(struct ksync *k, struct w_ns *ns, int family,
                       uint32_t table, struct kerr *e)
{
	struct rtmsg rtm = { .rtm_family = (unsigned char)family };
	struct nl_msg *msg = nlmsg_alloc_simple(RTM_GETROUTE,
	                                        NLM_F_REQUEST | NLM_F_DUMP);

	if (!msg)
		return oom(e);
	if (nlmsg_append(msg, &rtm, sizeof rtm, NLMSG_ALIGNTO) < 0 ||
	    nla_put_u32(msg, RTA_TABLE, table) < 0) {
		nlmsg_free(msg);
		return oom(e);
	}
	return send_req(k, ns, msg, NULL, NULL, e);
}

struct get_ctx {
	struct w_route *out;
	bool got;
};

static void route_reply(void *ctx, struct nlmsghdr *nlh)
{
	struct get_ctx *g = ctx;
	struct w_event ev;

	if (kparse(nlh, &ev) < 0)
		return;
	if (ev.type == W_EV_NEWROUTE) {
		*g->out = ev.u.route;
		g->got = true;
	}
	w_event_release(&ev);
}

int kroute_get(struct ksync *k, struct w_ns *ns, const struct w_ip *dst,
               struct w_route *out, struct kerr *e)
{
	struct kroute_query q = { .dst = *dst };

	return kroute_lookup(k, ns, &q, out, e);
}

/* As iproute_get(): RTA_SRC (with rtm_src_len) for from, RTA_IIF and
 * RTA_OIF, RTA_MARK when not 0; IPv4 asks for the table too. */
int kroute_lookup(struct ksync *k, struct w_ns *ns,
                  const struct kroute_query *q, struct w_route *out,
                  struct kerr *e)
{
	const struct w_ip *dst = &q->dst;
	struct rtmsg rtm = {
		.rtm_family = (unsigned char)dst->family,
		.rtm_dst_len = (unsigned char)(iplen(dst) * 8),
	};
	struct get_ctx g = { out, false };
	struct nl_msg *msg;

	if (q->src.family)
		rtm.rtm_src_len = (unsigned char)(iplen(&q->src) * 8);
	if (dst->family == AF_INET)
		rtm.rtm_flags |= RTM_F_LOOKUP_TABLE;
	msg = nlmsg_alloc_simple(RTM_GETROUTE, NLM_F_REQUEST);
	if (!msg)
		return oom(e);
	if (nlmsg_append(msg, &rtm, sizeof rtm, NLMSG_ALIGNTO) < 0 ||
	    (q->src.family &&
	     nla_put(msg, RTA_SRC, iplen(&q->src), q->src.a) < 0) ||
	    nla_put(msg, RTA_DST, iplen(dst), dst->a) < 0 ||
	    (q->iif && nla_put_u32(msg, RTA_IIF, (uint32_t)q->iif) < 0) ||
	    (q->oif && nla_put_u32(msg, RTA_OIF, (uint32_t)q->oif) < 0) ||
	    (q->mark && nla_put_u32(msg, RTA_MARK, q->mark) < 0)) {
		nlmsg_free(msg);
		return oom(e);
	}
	if (send_req(k, ns, msg, route_reply, &g, e) < 0)
		return -1;
	if (!g.got) {
		e->err = EIO;
		snprintf(e->msg, sizeof e->msg, "the kernel sent no route");
		return -1;
	}
	return 0;
}

/* ---- sysctls of a network namespace ------------------------------------ */

#define SYSCTL_READ_MAX 65536

/* /proc/sys/net/ipv4/ip_forward for net.ipv4.ip_forward; EINVAL for what
 * is not a key under net. (the grammar refuses those already). */
static int sysctl_path(const char *key, char *path, size_t len,
                       struct kerr *e)
{
	size_t n = strlen(key);
	int w;

	if (n < 5 || strncmp(key, "net.", 4) || key[n - 1] == '.' ||
	    strstr(key, "..") || strchr(key, '/')) {
		e->err = EINVAL;
		snprintf(e->msg, sizeof e->msg, "not a key under net.");
		return -1;
	}
	w = snprintf(path, len, "/proc/sys/%s", key);
	if (w < 0 || (size_t)w >= len) {
		e->err = ENAMETOOLONG;
		return -1;
	}
	for (char *s = path + strlen("/proc/sys/"); *s; s++)
		if (*s == '.')
			*s = '/';
	return 0;
}

/* Open the key's file from inside ns.  The sysctls under /proc/sys/net
 * are looked up in the network namespace of whoever opens them, and the
 * open file keeps acting on that namespace after we are home again. */
static int sysctl_open(struct ksync *k, struct w_ns *ns, const char *key,
                       int flags, struct kerr *e)
{
	char path[512];
	struct stat st;
	int nsfd, fd, err;

	memset(e, 0, sizeof *e);
	if (sysctl_path(key, path, sizeof path, e) < 0)
		return -1;
	nsfd = kns_enter_ns(k, ns, e);
	if (nsfd < 0)
		return -1;
	fd = open(path, flags | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY);
	err = errno;
	kns_leave_ns(k, ns, nsfd);
	if (fd < 0) {
		e->err = err;
		return -1;
	}
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		e->err = EISDIR;
		return -1;
	}
	return fd;
}

int ksysctl_read(struct ksync *k, struct w_ns *ns, const char *key,
                 struct sbuf *out, struct kerr *e)
{
	char buf[4096];
	size_t total = 0;
	ssize_t n;
	int fd = sysctl_open(k, ns, key, O_RDONLY, e);

	if (fd < 0)
		return -1;
	while ((n = read(fd, buf, sizeof buf)) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			e->err = errno;
			close(fd);
			return -1;
		}
		if (total + (size_t)n > SYSCTL_READ_MAX)
			break;
		sbuf_addn(out, buf, (size_t)n);
		total += (size_t)n;
	}
	close(fd);
	return 0;
}

int ksysctl_write(struct ksync *k, struct w_ns *ns, const char *key,
                  const char *value, struct kerr *e)
{
	size_t len = strlen(value);
	ssize_t n;
	int fd = sysctl_open(k, ns, key, O_WRONLY, e);

	if (fd < 0)
		return -1;
	/* one write from offset 0, as sysctl(8) does: the kernel parses
	 * the whole value or refuses it */
	do
		n = write(fd, value, len);
	while (n < 0 && errno == EINTR);
	if (n < 0 || (size_t)n != len) {
		e->err = n < 0 ? errno : EIO;
		close(fd);
		return -1;
	}
	if (close(fd) < 0) {
		e->err = errno;
		return -1;
	}
	return 0;
}
