/* SPDX-License-Identifier: GPL-2.0-or-later */
/* linkkind.c - `ip link add ... type vlan|macvlan|ipvlan|dummy|vxlan` and
 * `ip link set dev X name|alias|txqueuelen|promisc|arp|...`, each as the
 * one RTM_NEWLINK request iproute2 6.1 sends for the canonical text of the
 * same command (attributes in the order ip adds them), so the kernel
 * answers, and fails in its own words, exactly as it does for ip.
 *
 * iproute2's layout for link add: the generic attributes (IFLA_LINK,
 * IFLA_IFNAME), then IFLA_LINKINFO holding IFLA_INFO_KIND and, only when
 * options followed the kind, IFLA_INFO_DATA with the kind's attributes.
 * Checked against strace of ip itself in tests/kernel/link-kinds.sh. */
#include "kernel/knl.h"

#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <arpa/inet.h>
#include <linux/if.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include <netlink/attr.h>

static int oom(struct kerr *e)
{
	e->err = ENOMEM;
	e->msg[0] = '\0';
	return -1;
}

static int send_req(struct ksync *k, struct w_ns *ns, struct nl_msg *msg,
                    struct kerr *e)
{
	struct nl_sock *sk = ksync_req_sock(k, ns, e);
	int rc;

	if (!sk) {
		nlmsg_free(msg);
		return -1;
	}
	memset(e, 0, sizeof *e);
	rc = knl_talk(sk, msg, NULL, NULL, e);
	nlmsg_free(msg);
	return rc;
}

/* iproute2's addattr_nest: a nest without NLA_F_NESTED (libnl's
 * nla_nest_start sets it; the kernel takes both, but the request is to be
 * ip's, byte for byte).  Closed with nla_nest_end. */
static struct nlattr *nest_start(struct nl_msg *msg, int type)
{
	struct nlattr *start = (struct nlattr *)nlmsg_tail(nlmsg_hdr(msg));

	return nla_put(msg, type, 0, NULL) < 0 ? NULL : start;
}

static int iplen(const struct w_ip *ip)
{
	return ip->family == AF_INET6 ? 16 : 4;
}

/* vxlan_parse_opt's order: the options it adds as it reads them (dev,
 * ttl), then id, local, remote/group, learning, dstport */
static int put_vxlan(struct nl_msg *msg, const struct klink_kind_req *r)
{
	if (r->vx_dev && nla_put_u32(msg, IFLA_VXLAN_LINK, (uint32_t)r->vx_dev) < 0)
		return -1;
	if (r->vx_ttl >= 0 && nla_put_u8(msg, IFLA_VXLAN_TTL, (uint8_t)r->vx_ttl) < 0)
		return -1;
	if (r->has_vni && nla_put_u32(msg, IFLA_VXLAN_ID, r->vni) < 0)
		return -1;
	if (r->vx_local.family &&
	    nla_put(msg, r->vx_local.family == AF_INET6 ? IFLA_VXLAN_LOCAL6
	                                                : IFLA_VXLAN_LOCAL,
	            iplen(&r->vx_local), r->vx_local.a) < 0)
		return -1;
	if (r->vx_remote.family &&
	    nla_put(msg, r->vx_remote.family == AF_INET6 ? IFLA_VXLAN_GROUP6
	                                                 : IFLA_VXLAN_GROUP,
	            iplen(&r->vx_remote), r->vx_remote.a) < 0)
		return -1;
	if (nla_put_u8(msg, IFLA_VXLAN_LEARNING, 1) < 0)
		return -1;
	/* dstport 0 means the kernel's default: ip sends nothing then */
	if (r->vx_dstport > 0 &&
	    nla_put_u16(msg, IFLA_VXLAN_PORT, htons((uint16_t)r->vx_dstport)) < 0)
		return -1;
	return 0;
}

static int put_data(struct nl_msg *msg, const struct klink_kind_req *r)
{
	if (!strcmp(r->kind, "vlan")) {
		if (r->vlan_id >= 0 &&
		    nla_put_u16(msg, IFLA_VLAN_ID, (uint16_t)r->vlan_id) < 0)
			return -1;
		if (r->vlan_proto &&
		    nla_put_u16(msg, IFLA_VLAN_PROTOCOL, htons(r->vlan_proto)) < 0)
			return -1;
		return 0;
	}
	if (!strcmp(r->kind, "macvlan"))
		return r->macvlan_mode &&
		       nla_put_u32(msg, IFLA_MACVLAN_MODE, r->macvlan_mode) < 0
		       ? -1 : 0;
	if (!strcmp(r->kind, "ipvlan")) {
		/* ip always ends with the flags (0: bridge) */
		if (r->ipvlan_mode >= 0 &&
		    nla_put_u16(msg, IFLA_IPVLAN_MODE, (uint16_t)r->ipvlan_mode) < 0)
			return -1;
		return nla_put_u16(msg, IFLA_IPVLAN_FLAGS,
		                   (uint16_t)(r->ipvlan_flags > 0 ? r->ipvlan_flags : 0));
	}
	if (!strcmp(r->kind, "vxlan"))
		return put_vxlan(msg, r);
	return 0;
}

int klink_add_kind(struct ksync *k, struct w_ns *ns,
                   const struct klink_kind_req *r, struct kerr *e)
{
	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC };
	struct nlattr *linkinfo, *data;
	struct nl_msg *msg;

	memset(e, 0, sizeof *e);
	msg = nlmsg_alloc_simple(RTM_NEWLINK,
	                         NLM_F_REQUEST | NLM_F_CREATE | NLM_F_EXCL);
	if (!msg)
		return oom(e);
	if (nlmsg_append(msg, &ifi, sizeof ifi, NLMSG_ALIGNTO) < 0)
		goto fail;
	if (r->link && nla_put_u32(msg, IFLA_LINK, (uint32_t)r->link) < 0)
		goto fail;
	/* the name with its NUL, the kind without one, as ip sends them */
	if (nla_put_string(msg, IFLA_IFNAME, r->name) < 0 ||
	    !(linkinfo = nest_start(msg, IFLA_LINKINFO)) ||
	    nla_put(msg, IFLA_INFO_KIND, (int)strlen(r->kind), r->kind) < 0)
		goto fail;
	if (r->has_data) {
		if (!(data = nest_start(msg, IFLA_INFO_DATA)) ||
		    put_data(msg, r) < 0)
			goto fail;
		nla_nest_end(msg, data);
	}
	nla_nest_end(msg, linkinfo);
	return send_req(k, ns, msg, e);
fail:
	nlmsg_free(msg);
	return oom(e);
}

void klink_set_req_init(struct klink_set_req *r)
{
	memset(r, 0, sizeof *r);
	r->up = r->promisc = r->arp = -1;
	r->master = -1;
	r->txqlen = -1;
}

/* iplink_parse's order for the canonical `link set dev X netns NS mtu M
 * address A txqueuelen Q alias TEXT master BR|nomaster up|down promisc
 * on|off arp on|off name NEW`: each attribute as its word is read, the
 * flags in the header, the new name last. */
int klink_change(struct ksync *k, struct w_ns *ns, int ifindex,
                 const struct klink_set_req *r, struct kerr *e)
{
	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC, .ifi_index = ifindex };
	struct nl_msg *msg;
	int pending_fd = -1, rc;

	memset(e, 0, sizeof *e);
	if (r->up >= 0) {
		ifi.ifi_change |= IFF_UP;
		ifi.ifi_flags |= r->up ? IFF_UP : 0;
	}
	if (r->promisc >= 0) {
		ifi.ifi_change |= IFF_PROMISC;
		ifi.ifi_flags |= r->promisc ? IFF_PROMISC : 0;
	}
	if (r->arp >= 0) {
		ifi.ifi_change |= IFF_NOARP;
		ifi.ifi_flags |= r->arp ? 0 : IFF_NOARP;
	}
	msg = nlmsg_alloc_simple(RTM_NEWLINK, NLM_F_REQUEST);
	if (!msg)
		return oom(e);
	if (nlmsg_append(msg, &ifi, sizeof ifi, NLMSG_ALIGNTO) < 0)
		goto fail;
	if (r->to_ns) {
		int fd = ksync_ns_fd_brief(k, r->to_ns, e);
		int bad;

		if (fd < 0) {
			nlmsg_free(msg);
			return -1;
		}
		/* open until the kernel has the request */
		pending_fd = fd;
		bad = nla_put_u32(msg, IFLA_NET_NS_FD, (uint32_t)fd) < 0;
		if (bad)
			goto fail;
	}
	if (r->mtu && nla_put_u32(msg, IFLA_MTU, r->mtu) < 0)
		goto fail;
	if (r->mac && nla_put(msg, IFLA_ADDRESS, 6, r->mac) < 0)
		goto fail;
	if (r->txqlen >= 0 && nla_put_u32(msg, IFLA_TXQLEN, (uint32_t)r->txqlen) < 0)
		goto fail;
	/* ip sends the alias without its NUL; "" clears it */
	if (r->alias &&
	    nla_put(msg, IFLA_IFALIAS, (int)strlen(r->alias), r->alias) < 0)
		goto fail;
	/* as ip: IFLA_MASTER 0 is nomaster */
	if (r->master >= 0 && nla_put_u32(msg, IFLA_MASTER, (uint32_t)r->master) < 0)
		goto fail;
	if (r->name && nla_put_string(msg, IFLA_IFNAME, r->name) < 0)
		goto fail;
	rc = send_req(k, ns, msg, e);
	if (r->to_ns)
		ksync_ns_fd_done(k, r->to_ns, pending_fd);
	return rc;
fail:
	nlmsg_free(msg);
	if (r->to_ns)
		ksync_ns_fd_done(k, r->to_ns, pending_fd);
	return oom(e);
}
