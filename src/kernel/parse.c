/* SPDX-License-Identifier: GPL-2.0-or-later */
/* parse.c - rtnetlink messages (dumps and notifications alike) decoded
 * into world events.  One decoder for both means a live update and a
 * fresh dump can never disagree about what an attribute means. */
#include "kernel/knl.h"

#include <string.h>
#include <sys/socket.h>
#include <linux/if.h>
#include <linux/if_addr.h>
#include <linux/if_link.h>
#include <linux/neighbour.h>
#include <linux/net_namespace.h>
#include <linux/pkt_sched.h>
#include <linux/rtnetlink.h>
#include <linux/snmp.h>
#include <netlink/attr.h>

#include "tc/tc.h"
#include "util/sbuf.h"

/* w_stats64 mirrors the kernel's struct, so IFLA_STATS64 is copied whole */
_Static_assert(sizeof(struct w_stats64) == sizeof(struct rtnl_link_stats64),
               "struct w_stats64 is struct rtnl_link_stats64");

static void get_ip(const struct nlattr *a, int family, struct w_ip *out)
{
	int len = nla_len(a);

	memset(out, 0, sizeof *out);
	if (family == AF_INET && len >= 4) {
		out->family = AF_INET;
		memcpy(out->a, nla_data(a), 4);
	} else if (family == AF_INET6 && len >= 16) {
		out->family = AF_INET6;
		memcpy(out->a, nla_data(a), 16);
	}
}

static void get_str(const struct nlattr *a, char *buf, size_t len)
{
	size_t n = (size_t)nla_len(a);

	if (n >= len)
		n = len - 1;
	memcpy(buf, nla_data(a), n);
	buf[n] = '\0';
	buf[strnlen(buf, n)] = '\0';
}

/* linkkinds: what `ip -d link show` prints beyond the plain lines */
static void get_u32_bit(struct nlattr *a, uint32_t *v, unsigned bit,
                        struct w_link *l)
{
	if (a && nla_len(a) >= 4) {
		*v = nla_get_u32(a);
		l->d_has |= bit;
	}
}

static void parse_link_details(struct nlattr **tb, struct w_link *l)
{
	get_u32_bit(tb[IFLA_PROMISCUITY], &l->promiscuity, W_D_PROMISC, l);
	get_u32_bit(tb[IFLA_ALLMULTI], &l->allmulti, W_D_ALLMULTI, l);
	get_u32_bit(tb[IFLA_MIN_MTU], &l->min_mtu, W_D_MIN_MTU, l);
	get_u32_bit(tb[IFLA_MAX_MTU], &l->max_mtu, W_D_MAX_MTU, l);
	get_u32_bit(tb[IFLA_NUM_TX_QUEUES], &l->num_tx_queues, W_D_NUM_TXQ, l);
	get_u32_bit(tb[IFLA_NUM_RX_QUEUES], &l->num_rx_queues, W_D_NUM_RXQ, l);
	get_u32_bit(tb[IFLA_GSO_MAX_SIZE], &l->gso_max_size, W_D_GSO_SIZE, l);
	get_u32_bit(tb[IFLA_GSO_MAX_SEGS], &l->gso_max_segs, W_D_GSO_SEGS, l);
	get_u32_bit(tb[IFLA_TSO_MAX_SIZE], &l->tso_max_size, W_D_TSO_SIZE, l);
	get_u32_bit(tb[IFLA_TSO_MAX_SEGS], &l->tso_max_segs, W_D_TSO_SEGS, l);
	get_u32_bit(tb[IFLA_GRO_MAX_SIZE], &l->gro_max_size, W_D_GRO_SIZE, l);
	if (tb[IFLA_PHYS_PORT_NAME])
		get_str(tb[IFLA_PHYS_PORT_NAME], w_link_phys(l)->phys_port_name,
		        sizeof l->phys->phys_port_name);
	if (tb[IFLA_PHYS_PORT_ID] && (size_t)nla_len(tb[IFLA_PHYS_PORT_ID]) <=
	    sizeof ((struct w_link_phys *)0)->phys_port_id) {
		struct w_link_phys *p = w_link_phys(l);

		p->phys_port_id_len = (uint8_t)nla_len(tb[IFLA_PHYS_PORT_ID]);
		memcpy(p->phys_port_id, nla_data(tb[IFLA_PHYS_PORT_ID]),
		       p->phys_port_id_len);
	}
	if (tb[IFLA_PHYS_SWITCH_ID] && (size_t)nla_len(tb[IFLA_PHYS_SWITCH_ID]) <=
	    sizeof ((struct w_link_phys *)0)->phys_switch_id) {
		struct w_link_phys *p = w_link_phys(l);

		p->phys_switch_id_len = (uint8_t)nla_len(tb[IFLA_PHYS_SWITCH_ID]);
		memcpy(p->phys_switch_id, nla_data(tb[IFLA_PHYS_SWITCH_ID]),
		       p->phys_switch_id_len);
	}
	if (tb[IFLA_PARENT_DEV_BUS_NAME])
		get_str(tb[IFLA_PARENT_DEV_BUS_NAME], w_link_phys(l)->parentbus,
		        sizeof l->phys->parentbus);
	if (tb[IFLA_PARENT_DEV_NAME])
		get_str(tb[IFLA_PARENT_DEV_NAME], w_link_phys(l)->parentdev,
		        sizeof l->phys->parentdev);
	if (tb[IFLA_PROTO_DOWN] && nla_len(tb[IFLA_PROTO_DOWN]) >= 1) {
		l->proto_down = nla_get_u8(tb[IFLA_PROTO_DOWN]);
		l->d_has |= W_D_PROTO_DOWN;
	}
	if (tb[IFLA_AF_SPEC]) {
		struct nlattr *af;
		int rem;

		nla_for_each_nested(af, tb[IFLA_AF_SPEC], rem) {
			struct nlattr *i6[IFLA_INET6_MAX + 1];

			if (nla_type(af) != AF_INET6 ||
			    nla_parse_nested(i6, IFLA_INET6_MAX, af, NULL) < 0)
				continue;
			if (i6[IFLA_INET6_ADDR_GEN_MODE] &&
			    nla_len(i6[IFLA_INET6_ADDR_GEN_MODE]) >= 1) {
				l->addrgenmode =
					nla_get_u8(i6[IFLA_INET6_ADDR_GEN_MODE]);
				l->d_has |= W_D_ADDRGENMODE;
			}
			break;
		}
	}
	if (tb[IFLA_LINKINFO]) {
		struct nlattr *li[IFLA_INFO_MAX + 1];

		l->d_has |= W_D_LINKINFO;
		if (nla_parse_nested(li, IFLA_INFO_MAX, tb[IFLA_LINKINFO],
		                     NULL) < 0)
			return;
		if (li[IFLA_INFO_SLAVE_KIND])
			get_str(li[IFLA_INFO_SLAVE_KIND], l->slave_kind,
			        sizeof l->slave_kind);
		if (li[IFLA_INFO_DATA]) {
			l->d_has |= W_D_INFO_DATA;
			w_link_set_run(l, false, nla_data(li[IFLA_INFO_DATA]),
			               (size_t)nla_len(li[IFLA_INFO_DATA]));
		}
		if (li[IFLA_INFO_SLAVE_DATA]) {
			l->d_has |= W_D_SLAVE_DATA;
			w_link_set_run(l, true,
			               nla_data(li[IFLA_INFO_SLAVE_DATA]),
			               (size_t)nla_len(li[IFLA_INFO_SLAVE_DATA]));
		}
	}
}

static int parse_link(const struct nlmsghdr *nlh, struct w_link *l)
{
	struct nlattr *tb[IFLA_MAX + 1];
	const struct ifinfomsg *ifi = nlmsg_data(nlh);

	if (nlmsg_parse((struct nlmsghdr *)nlh, sizeof *ifi, tb, IFLA_MAX,
	                NULL) < 0)
		return -1;
	memset(l, 0, sizeof *l);
	l->ifindex = ifi->ifi_index;
	l->flags = ifi->ifi_flags;
	l->arptype = ifi->ifi_type;
	l->operstate = -1;
	l->linkmode = -1;
	l->txqlen = -1;
	l->peer_ns_id = -1;
	if (tb[IFLA_IFNAME])
		get_str(tb[IFLA_IFNAME], l->name, sizeof l->name);
	if (tb[IFLA_MTU])
		l->mtu = nla_get_u32(tb[IFLA_MTU]);
	if (tb[IFLA_QDISC])
		get_str(tb[IFLA_QDISC], l->qdisc, sizeof l->qdisc);
	if (tb[IFLA_OPERSTATE])
		l->operstate = nla_get_u8(tb[IFLA_OPERSTATE]);
	if (tb[IFLA_LINKMODE])
		l->linkmode = nla_get_u8(tb[IFLA_LINKMODE]);
	if (tb[IFLA_GROUP])
		l->group = (int32_t)nla_get_u32(tb[IFLA_GROUP]);
	if (tb[IFLA_TXQLEN])
		l->txqlen = (int32_t)nla_get_u32(tb[IFLA_TXQLEN]);
	if (tb[IFLA_ADDRESS]) {
		int n = nla_len(tb[IFLA_ADDRESS]);
		if (n > (int)sizeof l->addr)
			n = sizeof l->addr;
		memcpy(l->addr, nla_data(tb[IFLA_ADDRESS]), (size_t)n);
		l->addr_len = n;
	}
	if (tb[IFLA_BROADCAST]) {
		int n = nla_len(tb[IFLA_BROADCAST]);
		if (n > (int)sizeof l->brd)
			n = sizeof l->brd;
		memcpy(l->brd, nla_data(tb[IFLA_BROADCAST]), (size_t)n);
		l->brd_len = n;
	}
	if (tb[IFLA_LINK]) {
		l->has_iflink = 1;
		l->iflink = (int)nla_get_u32(tb[IFLA_LINK]);
	}
	if (tb[IFLA_LINK_NETNSID]) {
		l->has_link_netnsid = 1;
		l->link_netnsid = (int32_t)nla_get_u32(tb[IFLA_LINK_NETNSID]);
	}
	if (tb[IFLA_MASTER])
		l->master = (int)nla_get_u32(tb[IFLA_MASTER]);
	if (tb[IFLA_IFALIAS])
		w_link_set_alias(l, nla_data(tb[IFLA_IFALIAS]),
		                 (size_t)nla_len(tb[IFLA_IFALIAS]));
	if (tb[IFLA_STATS64]) {
		/* same layout (u64s in the kernel's order); an older kernel
		 * sends fewer fields, a newer one more */
		size_t n = (size_t)nla_len(tb[IFLA_STATS64]);

		if (n > sizeof l->stats)
			n = sizeof l->stats;
		memcpy(&l->stats, nla_data(tb[IFLA_STATS64]), n);
		l->has_stats = true;
	}
	if (tb[IFLA_CARRIER_CHANGES]) {
		l->has_carrier_changes = true;
		l->carrier_changes = nla_get_u32(tb[IFLA_CARRIER_CHANGES]);
	}
	if (tb[IFLA_LINKINFO]) {
		struct nlattr *li[IFLA_INFO_MAX + 1];
		if (nla_parse_nested(li, IFLA_INFO_MAX, tb[IFLA_LINKINFO],
		                     NULL) == 0 && li[IFLA_INFO_KIND])
			get_str(li[IFLA_INFO_KIND], l->kind, sizeof l->kind);
	}
	parse_link_details(tb, l);
	return 0;
}

static int parse_addr(const struct nlmsghdr *nlh, struct w_addr *a)
{
	struct nlattr *tb[IFA_MAX + 1];
	const struct ifaddrmsg *ifa = nlmsg_data(nlh);

	if (nlmsg_parse((struct nlmsghdr *)nlh, sizeof *ifa, tb, IFA_MAX,
	                NULL) < 0)
		return -1;
	memset(a, 0, sizeof *a);
	a->ifindex = (int)ifa->ifa_index;
	a->family = ifa->ifa_family;
	a->prefixlen = ifa->ifa_prefixlen;
	a->flags = ifa->ifa_flags;
	a->scope = ifa->ifa_scope;
	if (tb[IFA_FLAGS])
		a->flags = nla_get_u32(tb[IFA_FLAGS]);
	if (tb[IFA_LOCAL])
		get_ip(tb[IFA_LOCAL], a->family, &a->local);
	if (tb[IFA_ADDRESS]) {
		struct w_ip addr;
		get_ip(tb[IFA_ADDRESS], a->family, &addr);
		if (!a->local.family)
			a->local = addr;
		else if (!w_ip_eq(&addr, &a->local))
			a->peer = addr;
	}
	if (tb[IFA_BROADCAST])
		get_ip(tb[IFA_BROADCAST], a->family, &a->brd);
	if (tb[IFA_LABEL])
		get_str(tb[IFA_LABEL], a->label, sizeof a->label);
	if (tb[IFA_CACHEINFO] &&
	    nla_len(tb[IFA_CACHEINFO]) >= (int)sizeof(struct ifa_cacheinfo)) {
		const struct ifa_cacheinfo *ci = nla_data(tb[IFA_CACHEINFO]);
		a->has_cacheinfo = 1;
		a->valid_lft = ci->ifa_valid;
		a->preferred_lft = ci->ifa_prefered;
	} else {
		a->valid_lft = a->preferred_lft = 0xffffffffu;
	}
	if (tb[IFA_RT_PRIORITY]) {
		a->has_metric = 1;
		a->metric = nla_get_u32(tb[IFA_RT_PRIORITY]);
	}
	return 0;
}

/* RTA_VIA: a gateway of another family (IPv4 via inet6) */
static void get_via(const struct nlattr *a, struct w_ip *gw)
{
	const struct rtvia *v = nla_data(a);
	int alen = nla_len(a) - 2;

	memset(gw, 0, sizeof *gw);
	if (nla_len(a) < 2)
		return;
	if (v->rtvia_family == AF_INET6 && alen >= 16) {
		gw->family = AF_INET6;
		memcpy(gw->a, v->rtvia_addr, 16);
	} else if (v->rtvia_family == AF_INET && alen >= 4) {
		gw->family = AF_INET;
		memcpy(gw->a, v->rtvia_addr, 4);
	}
}

static void parse_multipath(const struct nlattr *mp, int family,
                            struct w_route *r)
{
	const struct rtnexthop *nh = nla_data(mp);
	int len = nla_len(mp);

	while (len >= (int)sizeof *nh && r->nnexthops < W_MAX_NEXTHOPS) {
		struct w_nexthop *out = &r->nh[r->nnexthops];
		int nhlen = nh->rtnh_len;

		if (nhlen < (int)sizeof *nh || nhlen > len)
			break;
		memset(out, 0, sizeof *out);
		out->ifindex = nh->rtnh_ifindex;
		out->flags = nh->rtnh_flags;
		out->weight = nh->rtnh_hops + 1;
		if (nhlen > (int)sizeof *nh) {
			struct nlattr *tb[RTA_MAX + 1];
			if (nla_parse(tb, RTA_MAX,
			              (struct nlattr *)RTNH_DATA(nh),
			              nhlen - (int)sizeof *nh, NULL) == 0) {
				if (tb[RTA_GATEWAY])
					get_ip(tb[RTA_GATEWAY], family, &out->gw);
				else if (tb[RTA_VIA])
					get_via(tb[RTA_VIA], &out->gw);
			}
		}
		r->nnexthops++;
		len -= RTNH_ALIGN(nhlen);
		nh = (const struct rtnexthop *)((const char *)nh +
		                                RTNH_ALIGN(nhlen));
	}
}

static int parse_route(const struct nlmsghdr *nlh, struct w_route *r)
{
	struct nlattr *tb[RTA_MAX + 1];
	const struct rtmsg *rtm = nlmsg_data(nlh);

	if (nlmsg_parse((struct nlmsghdr *)nlh, sizeof *rtm, tb, RTA_MAX,
	                NULL) < 0)
		return -1;
	memset(r, 0, sizeof *r);
	r->family = rtm->rtm_family;
	r->table = rtm->rtm_table;
	r->type = rtm->rtm_type;
	r->protocol = rtm->rtm_protocol;
	r->scope = rtm->rtm_scope;
	r->tos = rtm->rtm_tos;
	r->flags = rtm->rtm_flags;
	r->dst_len = rtm->rtm_dst_len;
	r->src_len = rtm->rtm_src_len;
	r->dst.family = rtm->rtm_family;   /* all-zero dst: default */
	if (tb[RTA_TABLE])
		r->table = (int)nla_get_u32(tb[RTA_TABLE]);
	if (tb[RTA_DST])
		get_ip(tb[RTA_DST], r->family, &r->dst);
	if (tb[RTA_SRC])
		get_ip(tb[RTA_SRC], r->family, &r->src);
	if (tb[RTA_PREFSRC])
		get_ip(tb[RTA_PREFSRC], r->family, &r->prefsrc);
	if (tb[RTA_GATEWAY])
		get_ip(tb[RTA_GATEWAY], r->family, &r->gw);
	if (tb[RTA_VIA])
		get_via(tb[RTA_VIA], &r->gw);
	if (tb[RTA_OIF])
		r->oif = (int)nla_get_u32(tb[RTA_OIF]);
	if (tb[RTA_IIF])
		r->iif = (int)nla_get_u32(tb[RTA_IIF]);
	if (tb[RTA_PRIORITY]) {
		r->has_priority = 1;
		r->priority = nla_get_u32(tb[RTA_PRIORITY]);
	}
	if (tb[RTA_PREF]) {
		r->has_pref = 1;
		r->pref = nla_get_u8(tb[RTA_PREF]);
	}
	/* an IPv6 prefix route of an address with a lifetime expires */
	if (tb[RTA_CACHEINFO] &&
	    nla_len(tb[RTA_CACHEINFO]) >= (int)sizeof(struct rta_cacheinfo)) {
		const struct rta_cacheinfo *ci = nla_data(tb[RTA_CACHEINFO]);

		r->expires = ci->rta_expires;
	}
	if (tb[RTA_MARK])
		r->mark = nla_get_u32(tb[RTA_MARK]);
	if (tb[RTA_UID]) {
		r->has_uid = 1;
		r->uid = nla_get_u32(tb[RTA_UID]);
	}
	if (tb[RTA_METRICS]) {
		struct nlattr *mx[RTAX_MAX + 1];
		if (nla_parse_nested(mx, RTAX_MAX, tb[RTA_METRICS], NULL) == 0 &&
		    mx[RTAX_MTU])
			r->mtu = nla_get_u32(mx[RTAX_MTU]);
	}
	if (tb[RTA_MULTIPATH])
		parse_multipath(tb[RTA_MULTIPATH], r->family, r);
	return 0;
}

static int parse_neigh(const struct nlmsghdr *nlh, struct w_neigh *n)
{
	struct nlattr *tb[NDA_MAX + 1];
	const struct ndmsg *nd = nlmsg_data(nlh);

	if (nlmsg_parse((struct nlmsghdr *)nlh, sizeof *nd, tb, NDA_MAX,
	                NULL) < 0)
		return -1;
	memset(n, 0, sizeof *n);
	n->ifindex = nd->ndm_ifindex;
	n->family = nd->ndm_family;
	n->state = nd->ndm_state;
	n->flags = nd->ndm_flags;
	n->type = nd->ndm_type;
	if (tb[NDA_DST])
		get_ip(tb[NDA_DST], n->family, &n->dst);
	if (tb[NDA_LLADDR]) {
		int l = nla_len(tb[NDA_LLADDR]);
		if (l > (int)sizeof n->lladdr)
			l = sizeof n->lladdr;
		memcpy(n->lladdr, nla_data(tb[NDA_LLADDR]), (size_t)l);
		n->lladdr_len = l;
	}
	if (tb[NDA_CACHEINFO] &&
	    nla_len(tb[NDA_CACHEINFO]) >= (int)sizeof(struct nda_cacheinfo)) {
		const struct nda_cacheinfo *ci = nla_data(tb[NDA_CACHEINFO]);

		n->has_cacheinfo = true;
		n->used = ci->ndm_used;
		n->confirmed = ci->ndm_confirmed;
		n->updated = ci->ndm_updated;
		n->refcnt = ci->ndm_refcnt;
	}
	if (tb[NDA_PROBES]) {
		n->has_probes = true;
		n->probes = nla_get_u32(tb[NDA_PROBES]);
	}
	return 0;
}

int kparse_stats6(const struct nlmsghdr *nlh, int *ifindex,
                  struct w_stats64 *st)
{
	struct nlattr *tb[IFLA_MAX + 1], *pi[IFLA_INET6_MAX + 1];
	const struct ifinfomsg *ifi = nlmsg_data(nlh);
	uint64_t mib[__IPSTATS_MIB_MAX];
	size_t n;

	if (nlh->nlmsg_type != RTM_NEWLINK ||
	    nlh->nlmsg_len < NLMSG_LENGTH(sizeof *ifi) ||
	    ifi->ifi_family != AF_INET6 ||
	    nlmsg_parse((struct nlmsghdr *)nlh, sizeof *ifi, tb, IFLA_MAX,
	                NULL) < 0 || !tb[IFLA_PROTINFO] ||
	    nla_parse_nested(pi, IFLA_INET6_MAX, tb[IFLA_PROTINFO], NULL) < 0 ||
	    !pi[IFLA_INET6_STATS])
		return -1;
	/* u64s at a 4-byte aligned place: copied out, not read in place */
	memset(mib, 0, sizeof mib);
	n = (size_t)nla_len(pi[IFLA_INET6_STATS]);
	memcpy(mib, nla_data(pi[IFLA_INET6_STATS]),
	       n < sizeof mib ? n : sizeof mib);
	memset(st, 0, sizeof *st);
#define MIB(i) mib[i]
	/* the fields ip fills from them (lib/utils.c get_snmp_counters) */
	st->rx_packets = MIB(IPSTATS_MIB_INPKTS);
	st->rx_bytes = MIB(IPSTATS_MIB_INOCTETS);
	st->tx_packets = MIB(IPSTATS_MIB_OUTPKTS);
	st->tx_bytes = MIB(IPSTATS_MIB_OUTOCTETS);
	st->rx_errors = MIB(IPSTATS_MIB_INDISCARDS);
	st->tx_errors = MIB(IPSTATS_MIB_OUTDISCARDS);
	st->multicast = MIB(IPSTATS_MIB_INMCASTPKTS);
	st->rx_frame_errors = MIB(IPSTATS_MIB_CSUMERRORS);
#undef MIB
	*ifindex = ifi->ifi_index;
	return 0;
}

/* A root qdisc (tcm_parent TC_H_ROOT): its device, handle, kind, and
 * its options as tc prints them (a kind nsviz has no printer for keeps
 * none).  Other qdiscs (children, ingress) are not the link's. */
static int parse_qdisc(const struct nlmsghdr *nlh, struct w_qdisc *q)
{
	const struct tcmsg *t = nlmsg_data(nlh);
	struct nlattr *tb[TCA_MAX + 1];
	const struct tc_kind *k;

	if (nlh->nlmsg_len < NLMSG_LENGTH(sizeof *t) ||
	    t->tcm_parent != TC_H_ROOT ||
	    nlmsg_parse((struct nlmsghdr *)nlh, sizeof *t, tb, TCA_MAX,
	                NULL) < 0 || !tb[TCA_KIND])
		return -1;
	q->ifindex = t->tcm_ifindex;
	q->handle = t->tcm_handle;
	get_str(tb[TCA_KIND], q->kind, sizeof q->kind);
	k = tc_kind_find(q->kind);
	if (k && k->print && tb[TCA_OPTIONS]) {
		struct tc_print_ctx pc = { .clock = ktc_clock() };
		struct sbuf b = SBUF_INIT;

		k->print(&b, nla_data(tb[TCA_OPTIONS]),
		         (size_t)nla_len(tb[TCA_OPTIONS]), false, &pc);
		if (b.len)
			q->opts = xstrdup(sbuf_str(&b));
		sbuf_free(&b);
	}
	return 0;
}

int kparse(const struct nlmsghdr *nlh, struct w_event *ev)
{
	memset(ev, 0, sizeof *ev);
	ev->type = W_EV_OTHER;
	switch (nlh->nlmsg_type) {
	case RTM_NEWLINK:
	case RTM_DELLINK:
		/* AF_BRIDGE: a bridge port's own report (a port joining
		 * or leaving sends one), a few attributes only; the link
		 * itself comes as AF_UNSPEC */
		if (nlh->nlmsg_len < NLMSG_LENGTH(sizeof(struct ifinfomsg)) ||
		    ((const struct ifinfomsg *)nlmsg_data(nlh))->ifi_family ==
		    AF_BRIDGE ||
		    parse_link(nlh, &ev->u.link) < 0)
			return -1;
		ev->type = nlh->nlmsg_type == RTM_NEWLINK ? W_EV_NEWLINK
		                                          : W_EV_DELLINK;
		return 0;
	case RTM_NEWADDR:
	case RTM_DELADDR:
		if (nlh->nlmsg_len < NLMSG_LENGTH(sizeof(struct ifaddrmsg)) ||
		    parse_addr(nlh, &ev->u.addr) < 0)
			return -1;
		ev->type = nlh->nlmsg_type == RTM_NEWADDR ? W_EV_NEWADDR
		                                          : W_EV_DELADDR;
		return 0;
	case RTM_NEWROUTE:
	case RTM_DELROUTE:
		if (nlh->nlmsg_len < NLMSG_LENGTH(sizeof(struct rtmsg)) ||
		    parse_route(nlh, &ev->u.route) < 0)
			return -1;
		ev->type = nlh->nlmsg_type == RTM_NEWROUTE ? W_EV_NEWROUTE
		                                           : W_EV_DELROUTE;
		if (nlh->nlmsg_flags & NLM_F_REPLACE)
			ev->route_how |= W_EV_REPLACE;
		if (nlh->nlmsg_flags & NLM_F_APPEND)
			ev->route_how |= W_EV_APPEND;
		return 0;
	case RTM_NEWNEIGH:
	case RTM_DELNEIGH:
		/* AF_BRIDGE: a bridge's forwarding database (`bridge fdb`),
		 * which shares the neighbour group; not modelled */
		if (nlh->nlmsg_len < NLMSG_LENGTH(sizeof(struct ndmsg)) ||
		    ((const struct ndmsg *)nlmsg_data(nlh))->ndm_family ==
		    AF_BRIDGE ||
		    parse_neigh(nlh, &ev->u.neigh) < 0)
			return -1;
		ev->type = nlh->nlmsg_type == RTM_NEWNEIGH ? W_EV_NEWNEIGH
		                                           : W_EV_DELNEIGH;
		return 0;
	case RTM_NEWRULE:
	case RTM_DELRULE:
		if (krule_parse(nlh, &ev->u.rule) < 0)
			return -1;
		ev->type = nlh->nlmsg_type == RTM_NEWRULE ? W_EV_NEWRULE
		                                          : W_EV_DELRULE;
		return 0;
	case RTM_NEWQDISC:
	case RTM_DELQDISC:
		if (parse_qdisc(nlh, &ev->u.qdisc) < 0)
			return -1;
		ev->type = nlh->nlmsg_type == RTM_NEWQDISC ? W_EV_NEWQDISC
		                                           : W_EV_DELQDISC;
		return 0;
	case RTM_NEWNSID:
	case RTM_DELNSID: {
		struct nlattr *tb[NETNSA_MAX + 1];

		ev->type = nlh->nlmsg_type == RTM_NEWNSID ? W_EV_NEWNSID
		                                          : W_EV_DELNSID;
		ev->u.nsid.nsid = -1;
		if (nlmsg_parse((struct nlmsghdr *)nlh, sizeof(struct rtgenmsg),
		                tb, NETNSA_MAX, NULL) == 0 && tb[NETNSA_NSID])
			ev->u.nsid.nsid = (int)(int32_t)nla_get_u32(tb[NETNSA_NSID]);
		return 0;
	}
	}
	return -1;
}
