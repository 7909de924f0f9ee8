/* SPDX-License-Identifier: GPL-2.0-or-later */
/* bridge.c - bridges through rtnetlink: `ip link add|set ... type bridge`
 * and `type bridge_slave` options, `bridge vlan add|del`, and the dumps
 * behind `bridge vlan|link|fdb show`.
 *
 * Every request is the message iproute2 6.1 sends for the same command
 * (ip/iplink.c, ip/iplink_bridge*.c, bridge/vlan.c, bridge/fdb.c,
 * bridge/link.c): the same header, flags and attributes in the same
 * order, so the kernel answers, and fails, as it does for ip and bridge.
 * The dumps are read on demand into a struct w_brview; kparse() leaves
 * AF_BRIDGE messages out of the world (see doc/ARCHITECTURE.md). */
#include "kernel/knl.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <arpa/inet.h>
#include <linux/if.h>
#include <linux/if_bridge.h>
#include <linux/if_link.h>
#include <linux/neighbour.h>
#include <linux/rtnetlink.h>
#include <netlink/attr.h>
#include <netlink/socket.h>

#include "util/sbuf.h"

static int oom(struct kerr *e)
{
	e->err = ENOMEM;
	e->msg[0] = '\0';
	return -1;
}

/* iproute2's addattr_nest(): a nest without NLA_F_NESTED, which libnl's
 * nest() sets; nla_nest_end() closes either. */
static struct nlattr *nest(struct nl_msg *msg, int type)
{
	struct nlattr *a = (struct nlattr *)nlmsg_tail(nlmsg_hdr(msg));

	if (nla_put(msg, type, 0, NULL) < 0)
		return NULL;
	return a;
}

/* ---- link options ------------------------------------------------------ */

static int put_opt(struct nl_msg *msg, enum w_bropt key, uint32_t v)
{
	int attr, width;
	bool be16;

	w_bropt_attr(key, &attr, &width, &be16);
	switch (width) {
	case 1:
		return nla_put_u8(msg, attr, (uint8_t)v);
	case 2:
		return nla_put_u16(msg, attr, be16
		                   ? htons((uint16_t)v) : (uint16_t)v);
	default:
		return nla_put_u32(msg, attr, v);
	}
}

/* IFLA_LINKINFO { IFLA_INFO_KIND, [IFLA_INFO_DATA|IFLA_INFO_SLAVE_DATA
 * { options }] }: the kind without a NUL, and the data nest only when
 * there are options, as iplink_modify() does. */
static int put_linkinfo(struct nl_msg *msg, const struct w_bropts *o)
{
	const char *kind = o && o->slave ? "bridge_slave" : "bridge";
	struct nlattr *li, *data;

	if (!(li = nest(msg, IFLA_LINKINFO)) ||
	    nla_put(msg, IFLA_INFO_KIND, (int)strlen(kind), kind) < 0)
		return -1;
	if (o && o->n > 0) {
		data = nest(msg, o->slave ? IFLA_INFO_SLAVE_DATA
		                                    : IFLA_INFO_DATA);
		if (!data)
			return -1;
		for (int i = 0; i < o->n && i < W_BROPTS_MAX; i++) {
			if ((unsigned)o->v[i].key >= W_BROPT_COUNT ||
			    put_opt(msg, o->v[i].key, o->v[i].value) < 0)
				return -1;
		}
		nla_nest_end(msg, data);
	}
	nla_nest_end(msg, li);
	return 0;
}

int klink_add_bridge_opts(struct ksync *k, struct w_ns *ns, const char *name,
                          const struct w_bropts *o, struct kerr *e)
{
	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC };
	struct nl_msg *msg;

	memset(e, 0, sizeof *e);
	if (o && o->slave) {
		e->err = EINVAL;
		snprintf(e->msg, sizeof e->msg,
		         "bridge_slave options are for a port (link set)");
		return -1;
	}
	msg = nlmsg_alloc_simple(RTM_NEWLINK,
	                         NLM_F_REQUEST | NLM_F_CREATE | NLM_F_EXCL);
	if (!msg)
		return oom(e);
	if (nlmsg_append(msg, &ifi, sizeof ifi, NLMSG_ALIGNTO) < 0 ||
	    nla_put_string(msg, IFLA_IFNAME, name) < 0 ||
	    put_linkinfo(msg, o) < 0) {
		nlmsg_free(msg);
		return oom(e);
	}
	return knl_ns_talk(k, ns, msg, NULL, NULL, e);
}

int klink_add_bridge(struct ksync *k, struct w_ns *ns, const char *name,
                     struct kerr *e)
{
	return klink_add_bridge_opts(k, ns, name, NULL, e);
}

int klink_set_bropts(struct ksync *k, struct w_ns *ns, int ifindex,
                     const struct w_bropts *o, struct kerr *e)
{
	return klink_set_with_bropts(k, ns, ifindex, -1, 0, NULL, -1, o, e);
}

/* `ip link set DEV [mtu N] [address MAC] [master BR|nomaster] [up|down]
 * type ...`: one request, the attributes in that order (ip's is the
 * order typed; this is the canonical text's), IFLA_LINKINFO last. */
int klink_set_with_bropts(struct ksync *k, struct w_ns *ns, int ifindex,
                          int up, unsigned mtu, const uint8_t *mac,
                          int master, const struct w_bropts *o,
                          struct kerr *e)
{
	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC, .ifi_index = ifindex };
	struct nl_msg *msg;

	memset(e, 0, sizeof *e);
	if (up >= 0) {
		ifi.ifi_change = IFF_UP;
		ifi.ifi_flags = up ? IFF_UP : 0;
	}
	msg = nlmsg_alloc_simple(RTM_NEWLINK, NLM_F_REQUEST);
	if (!msg)
		return oom(e);
	if (nlmsg_append(msg, &ifi, sizeof ifi, NLMSG_ALIGNTO) < 0 ||
	    (mtu && nla_put_u32(msg, IFLA_MTU, mtu) < 0) ||
	    (mac && nla_put(msg, IFLA_ADDRESS, 6, mac) < 0) ||
	    (master >= 0 && nla_put_u32(msg, IFLA_MASTER, (uint32_t)master) < 0) ||
	    put_linkinfo(msg, o) < 0) {
		nlmsg_free(msg);
		return oom(e);
	}
	return knl_ns_talk(k, ns, msg, NULL, NULL, e);
}

/* ---- bridge vlan add|del ----------------------------------------------- */

int kbridge_vlan_change(struct ksync *k, struct w_ns *ns, bool add,
                        int ifindex, unsigned vid, unsigned vid_end,
                        unsigned vflags, unsigned brflags, struct kerr *e)
{
	struct ifinfomsg ifi = { .ifi_family = AF_BRIDGE, .ifi_index = ifindex };
	struct bridge_vlan_info vi = { .flags = (uint16_t)vflags,
	                               .vid = (uint16_t)vid };
	struct nlattr *af;
	struct nl_msg *msg;

	memset(e, 0, sizeof *e);
	msg = nlmsg_alloc_simple(add ? RTM_SETLINK : RTM_DELLINK,
	                         NLM_F_REQUEST);
	if (!msg)
		return oom(e);
	if (nlmsg_append(msg, &ifi, sizeof ifi, NLMSG_ALIGNTO) < 0 ||
	    !(af = nest(msg, IFLA_AF_SPEC)))
		goto fail;
	if (brflags && nla_put_u16(msg, IFLA_BRIDGE_FLAGS,
	                           (uint16_t)brflags) < 0)
		goto fail;
	if (vid_end) {
		/* a range: its first VLAN, then its last (bridge/vlan.c) */
		vi.flags |= BRIDGE_VLAN_INFO_RANGE_BEGIN;
		if (nla_put(msg, IFLA_BRIDGE_VLAN_INFO, sizeof vi, &vi) < 0)
			goto fail;
		vi.flags &= (uint16_t)~BRIDGE_VLAN_INFO_RANGE_BEGIN;
		vi.flags |= BRIDGE_VLAN_INFO_RANGE_END;
		vi.vid = (uint16_t)vid_end;
	}
	if (nla_put(msg, IFLA_BRIDGE_VLAN_INFO, sizeof vi, &vi) < 0)
		goto fail;
	nla_nest_end(msg, af);
	return knl_ns_talk(k, ns, msg, NULL, NULL, e);
fail:
	nlmsg_free(msg);
	return oom(e);
}

/* ---- dumps ------------------------------------------------------------- */

void kbridge_view_free(struct w_brview *v)
{
	free(v->ports);
	free(v->vlans);
	free(v->fdb);
	memset(v, 0, sizeof *v);
}

/* IFLA_BRPORT_* of each enum w_brport_u8 slot. */
static const int brport_u8_attr[W_BRP_U8_COUNT] = {
	[W_BRP_HAIRPIN] = IFLA_BRPORT_MODE,
	[W_BRP_GUARD] = IFLA_BRPORT_GUARD,
	[W_BRP_ROOT_BLOCK] = IFLA_BRPORT_PROTECT,
	[W_BRP_FASTLEAVE] = IFLA_BRPORT_FAST_LEAVE,
	[W_BRP_LEARNING] = IFLA_BRPORT_LEARNING,
	[W_BRP_LEARNING_SYNC] = IFLA_BRPORT_LEARNING_SYNC,
	[W_BRP_FLOOD] = IFLA_BRPORT_UNICAST_FLOOD,
	[W_BRP_MCAST_FLOOD] = IFLA_BRPORT_MCAST_FLOOD,
	[W_BRP_BCAST_FLOOD] = IFLA_BRPORT_BCAST_FLOOD,
	[W_BRP_MCAST_ROUTER] = IFLA_BRPORT_MULTICAST_ROUTER,
	[W_BRP_MCAST_TO_UCAST] = IFLA_BRPORT_MCAST_TO_UCAST,
	[W_BRP_NEIGH_SUPPRESS] = IFLA_BRPORT_NEIGH_SUPPRESS,
	[W_BRP_VLAN_TUNNEL] = IFLA_BRPORT_VLAN_TUNNEL,
	[W_BRP_ISOLATED] = IFLA_BRPORT_ISOLATED,
	[W_BRP_LOCKED] = IFLA_BRPORT_LOCKED,
};

static void get_name(const struct nlattr *a, char *buf, size_t len)
{
	size_t n = (size_t)nla_len(a);

	if (n >= len)
		n = len - 1;
	memcpy(buf, nla_data(a), n);
	buf[n] = '\0';
}

static bool attr_len_ok(const struct nlattr *a, int need)
{
	return a && nla_len(a) >= need;
}

static void parse_protinfo(struct nlattr *pi, struct w_brport *p)
{
	struct nlattr *tb[IFLA_BRPORT_MAX + 1];

	p->has_protinfo = 1;
	if (!(pi->nla_type & NLA_F_NESTED)) {
		/* old kernels: the port's STP state as one byte */
		if (attr_len_ok(pi, 1))
			p->state = nla_get_u8(pi);
		return;
	}
	p->protinfo_nested = 1;
	if (nla_parse_nested(tb, IFLA_BRPORT_MAX, pi, NULL) < 0)
		return;
	if (attr_len_ok(tb[IFLA_BRPORT_STATE], 1))
		p->state = nla_get_u8(tb[IFLA_BRPORT_STATE]);
	if (attr_len_ok(tb[IFLA_BRPORT_PRIORITY], 2))
		p->priority = nla_get_u16(tb[IFLA_BRPORT_PRIORITY]);
	if (attr_len_ok(tb[IFLA_BRPORT_COST], 4))
		p->cost = nla_get_u32(tb[IFLA_BRPORT_COST]);
	for (int i = 0; i < W_BRP_U8_COUNT; i++)
		if (attr_len_ok(tb[brport_u8_attr[i]], 1))
			p->u8[i] = nla_get_u8(tb[brport_u8_attr[i]]);
	if (attr_len_ok(tb[IFLA_BRPORT_BACKUP_PORT], 4))
		p->backup_port = (int)nla_get_u32(tb[IFLA_BRPORT_BACKUP_PORT]);
}

static void parse_af_spec(struct nlattr *af, struct w_brview *v,
                          struct w_brport *p)
{
	struct nlattr *a;
	int rem;

	p->vlan0 = v->nvlans;
	nla_for_each_nested(a, af, rem) {
		int t = nla_type(a);

		if (t == IFLA_BRIDGE_MODE && attr_len_ok(a, 2)) {
			p->hwmode = nla_get_u16(a);
		} else if (t == IFLA_BRIDGE_VLAN_INFO &&
		           attr_len_ok(a, (int)sizeof(struct bridge_vlan_info))) {
			const struct bridge_vlan_info *vi = nla_data(a);

			xgrow((void **)&v->vlans, &v->capvlans, v->nvlans + 1,
			      sizeof *v->vlans);
			v->vlans[v->nvlans].vid = vi->vid;
			v->vlans[v->nvlans].flags = vi->flags;
			v->nvlans++;
		}
	}
	p->nvlan = v->nvlans - p->vlan0;
}

static void link_reply(void *ctx, struct nlmsghdr *nlh)
{
	struct w_brview *v = ctx;
	struct nlattr *tb[IFLA_MAX + 1];
	const struct ifinfomsg *ifi;
	struct w_brport *p;

	if (nlh->nlmsg_type != RTM_NEWLINK ||
	    nlh->nlmsg_len < NLMSG_LENGTH(sizeof *ifi))
		return;
	ifi = nlmsg_data(nlh);
	/* bridge(8) takes AF_UNSPEC too: some drivers answer with it */
	if (ifi->ifi_family != AF_BRIDGE && ifi->ifi_family != AF_UNSPEC)
		return;
	if (nlmsg_parse(nlh, sizeof *ifi, tb, IFLA_MAX, NULL) < 0)
		return;
	xgrow((void **)&v->ports, &v->capports, v->nports + 1,
	      sizeof *v->ports);
	p = &v->ports[v->nports++];
	memset(p, 0, sizeof *p);
	p->ifindex = ifi->ifi_index;
	p->flags = ifi->ifi_flags;
	p->state = p->priority = p->hwmode = -1;
	p->cost = -1;
	for (int i = 0; i < W_BRP_U8_COUNT; i++)
		p->u8[i] = -1;
	p->vlan0 = v->nvlans;
	if (tb[IFLA_IFNAME])
		get_name(tb[IFLA_IFNAME], p->name, sizeof p->name);
	else
		snprintf(p->name, sizeof p->name, "if%d", p->ifindex);
	if (attr_len_ok(tb[IFLA_MTU], 4)) {
		p->has_mtu = 1;
		p->mtu = nla_get_u32(tb[IFLA_MTU]);
	}
	if (attr_len_ok(tb[IFLA_MASTER], 4))
		p->master = (int)nla_get_u32(tb[IFLA_MASTER]);
	if (attr_len_ok(tb[IFLA_LINK], 4)) {
		p->has_iflink = 1;
		p->iflink = (int)nla_get_u32(tb[IFLA_LINK]);
	}
	if (tb[IFLA_PROTINFO])
		parse_protinfo(tb[IFLA_PROTINFO], p);
	if (tb[IFLA_AF_SPEC])
		parse_af_spec(tb[IFLA_AF_SPEC], v, p);
}

/* RTM_GETLINK dump, AF_BRIDGE: with vlans, IFLA_EXT_MASK
 * RTEXT_FILTER_BRVLAN as `bridge vlan show` asks (the bridges themselves
 * answer too); without, the plain request of `bridge link show`. */
int kbridge_dump_links(struct ksync *k, struct w_ns *ns, bool vlans,
                       struct w_brview *out, struct kerr *e)
{
	struct ifinfomsg ifi = { .ifi_family = AF_BRIDGE };
	struct nl_msg *msg;

	memset(e, 0, sizeof *e);
	msg = nlmsg_alloc_simple(RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP);
	if (!msg)
		return oom(e);
	if (nlmsg_append(msg, &ifi, sizeof ifi, NLMSG_ALIGNTO) < 0 ||
	    (vlans && nla_put_u32(msg, IFLA_EXT_MASK, RTEXT_FILTER_BRVLAN) < 0)) {
		nlmsg_free(msg);
		return oom(e);
	}
	return knl_ns_talk(k, ns, msg, link_reply, out, e);
}

static void fdb_reply(void *ctx, struct nlmsghdr *nlh)
{
	struct w_brview *v = ctx;
	struct nlattr *tb[NDA_MAX + 1];
	const struct ndmsg *nd;
	struct w_fdb *f;

	if (nlh->nlmsg_type != RTM_NEWNEIGH ||
	    nlh->nlmsg_len < NLMSG_LENGTH(sizeof *nd))
		return;
	nd = nlmsg_data(nlh);
	if (nd->ndm_family != AF_BRIDGE ||
	    nlmsg_parse(nlh, sizeof *nd, tb, NDA_MAX, NULL) < 0)
		return;
	xgrow((void **)&v->fdb, &v->capfdb, v->nfdb + 1, sizeof *v->fdb);
	f = &v->fdb[v->nfdb++];
	memset(f, 0, sizeof *f);
	f->ifindex = nd->ndm_ifindex;
	f->state = nd->ndm_state;
	f->flags = nd->ndm_flags;
	if (tb[NDA_LLADDR]) {
		int n = nla_len(tb[NDA_LLADDR]);
		if (n > (int)sizeof f->lladdr)
			n = sizeof f->lladdr;
		memcpy(f->lladdr, nla_data(tb[NDA_LLADDR]), (size_t)n);
		f->lladdr_len = n;
	}
	if (tb[NDA_DST]) {
		/* the family by the address's length, as bridge(8) */
		int n = nla_len(tb[NDA_DST]);
		if (n == 16 || n == 4) {
			f->dst.family = n == 16 ? AF_INET6 : AF_INET;
			memcpy(f->dst.a, nla_data(tb[NDA_DST]), (size_t)n);
		}
	}
	if (attr_len_ok(tb[NDA_VLAN], 2))
		f->vlan = nla_get_u16(tb[NDA_VLAN]);
	if (attr_len_ok(tb[NDA_PORT], 2)) {
		f->has_port = 1;
		f->port = ntohs(nla_get_u16(tb[NDA_PORT]));
	}
	if (attr_len_ok(tb[NDA_VNI], 4)) {
		f->has_vni = 1;
		f->vni = nla_get_u32(tb[NDA_VNI]);
	}
	if (attr_len_ok(tb[NDA_SRC_VNI], 4)) {
		f->has_src_vni = 1;
		f->src_vni = nla_get_u32(tb[NDA_SRC_VNI]);
	}
	if (attr_len_ok(tb[NDA_IFINDEX], 4))
		f->via = (int)nla_get_u32(tb[NDA_IFINDEX]);
	if (attr_len_ok(tb[NDA_NH_ID], 4)) {
		f->has_nhid = 1;
		f->nhid = nla_get_u32(tb[NDA_NH_ID]);
	}
	if (attr_len_ok(tb[NDA_LINK_NETNSID], 4)) {
		f->has_link_netnsid = 1;
		f->link_netnsid = (int32_t)nla_get_u32(tb[NDA_LINK_NETNSID]);
	}
	if (attr_len_ok(tb[NDA_MASTER], 4))
		f->master = (int)nla_get_u32(tb[NDA_MASTER]);
	if (attr_len_ok(tb[NDA_CACHEINFO], (int)sizeof(struct nda_cacheinfo))) {
		const struct nda_cacheinfo *ci = nla_data(tb[NDA_CACHEINFO]);
		f->has_cacheinfo = 1;
		f->used = ci->ndm_used;
		f->updated = ci->ndm_updated;
	}
}

/* RTM_GETNEIGH dump, AF_BRIDGE, the filters in the request as `bridge
 * fdb show` sends them on a strict socket: ndm_ifindex for dev, NDA_MASTER
 * for br. */
int kbridge_dump_fdb(struct ksync *k, struct w_ns *ns, int ifindex,
                     int master, struct w_brview *out, struct kerr *e)
{
	struct ndmsg nd = { .ndm_family = AF_BRIDGE, .ndm_ifindex = ifindex };
	struct nl_msg *msg;

	memset(e, 0, sizeof *e);
	msg = nlmsg_alloc_simple(RTM_GETNEIGH, NLM_F_REQUEST | NLM_F_DUMP);
	if (!msg)
		return oom(e);
	if (nlmsg_append(msg, &nd, sizeof nd, NLMSG_ALIGNTO) < 0 ||
	    (master && nla_put_u32(msg, NDA_MASTER, (uint32_t)master) < 0)) {
		nlmsg_free(msg);
		return oom(e);
	}
	return knl_ns_talk(k, ns, msg, fdb_reply, out, e);
}
