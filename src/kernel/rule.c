/* SPDX-License-Identifier: GPL-2.0-or-later */
/* rule.c - policy routing rules (`ip rule`): RTM_NEWRULE / RTM_DELRULE
 * requests as iproute2 sends them, and the decoder of the kernel's rule
 * messages (dumps and RTNLGRP_IPV4_RULE / RTNLGRP_IPV6_RULE events alike)
 * into struct w_rule. */
#include "kernel/knl.h"

#include <endian.h>
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/fib_rules.h>
#include <linux/rtnetlink.h>
#include <netlink/attr.h>

static void rule_ip(const struct nlattr *a, int family, struct w_ip *out)
{
	int want = family == AF_INET6 ? 16 : family == AF_INET ? 4 : 0;

	memset(out, 0, sizeof *out);
	if (want && nla_len(a) >= want) {
		out->family = family;
		memcpy(out->a, nla_data(a), (size_t)want);
	}
}

static void rule_str(const struct nlattr *a, char *buf, size_t len)
{
	size_t n = (size_t)nla_len(a);

	if (n >= len)
		n = len - 1;
	memcpy(buf, nla_data(a), n);
	buf[n] = '\0';
}

int krule_parse(const struct nlmsghdr *nlh, struct w_rule *r)
{
	struct nlattr *tb[FRA_MAX + 1];
	const struct fib_rule_hdr *frh;

	if (nlh->nlmsg_len < NLMSG_LENGTH(sizeof *frh))
		return -1;
	frh = nlmsg_data(nlh);
	if (nlmsg_parse((struct nlmsghdr *)nlh, sizeof *frh, tb, FRA_MAX,
	                NULL) < 0)
		return -1;
	memset(r, 0, sizeof *r);
	r->family = frh->family;
	r->action = frh->action;
	r->flags = frh->flags;
	r->tos = frh->tos;
	r->src_len = frh->src_len;
	r->dst_len = frh->dst_len;
	r->table = frh->table;
	if (tb[FRA_TABLE] && nla_len(tb[FRA_TABLE]) >= 4)
		r->table = nla_get_u32(tb[FRA_TABLE]);
	if (tb[FRA_PRIORITY] && nla_len(tb[FRA_PRIORITY]) >= 4) {
		r->has_priority = true;
		r->priority = nla_get_u32(tb[FRA_PRIORITY]);
	}
	if (tb[FRA_SRC])
		rule_ip(tb[FRA_SRC], r->family, &r->src);
	if (tb[FRA_DST])
		rule_ip(tb[FRA_DST], r->family, &r->dst);
	if (tb[FRA_FWMARK] && nla_len(tb[FRA_FWMARK]) >= 4) {
		r->has_fwmark = true;
		r->fwmark = nla_get_u32(tb[FRA_FWMARK]);
	}
	if (tb[FRA_FWMASK] && nla_len(tb[FRA_FWMASK]) >= 4) {
		r->has_fwmask = true;
		r->fwmask = nla_get_u32(tb[FRA_FWMASK]);
	}
	if (tb[FRA_IFNAME])
		rule_str(tb[FRA_IFNAME], r->iifname, sizeof r->iifname);
	if (tb[FRA_OIFNAME])
		rule_str(tb[FRA_OIFNAME], r->oifname, sizeof r->oifname);
	if (tb[FRA_GOTO] && nla_len(tb[FRA_GOTO]) >= 4) {
		r->has_goto = true;
		r->goto_target = nla_get_u32(tb[FRA_GOTO]);
	}
	if (tb[FRA_PROTOCOL] && nla_len(tb[FRA_PROTOCOL]) >= 1) {
		r->has_protocol = true;
		r->protocol = nla_get_u8(tb[FRA_PROTOCOL]);
	}
	if (tb[FRA_L3MDEV] && nla_len(tb[FRA_L3MDEV]) >= 1)
		r->l3mdev = nla_get_u8(tb[FRA_L3MDEV]) != 0;
	if (tb[FRA_UID_RANGE] &&
	    nla_len(tb[FRA_UID_RANGE]) >= (int)sizeof(struct fib_rule_uid_range)) {
		const struct fib_rule_uid_range *u = nla_data(tb[FRA_UID_RANGE]);
		r->has_uid_range = true;
		r->uid_start = u->start;
		r->uid_end = u->end;
	}
	if (tb[FRA_IP_PROTO] && nla_len(tb[FRA_IP_PROTO]) >= 1)
		r->ipproto = nla_get_u8(tb[FRA_IP_PROTO]);
	if (tb[FRA_SPORT_RANGE] &&
	    nla_len(tb[FRA_SPORT_RANGE]) >= (int)sizeof(struct fib_rule_port_range)) {
		const struct fib_rule_port_range *p = nla_data(tb[FRA_SPORT_RANGE]);
		r->has_sport = true;
		r->sport_start = p->start;
		r->sport_end = p->end;
	}
	if (tb[FRA_DPORT_RANGE] &&
	    nla_len(tb[FRA_DPORT_RANGE]) >= (int)sizeof(struct fib_rule_port_range)) {
		const struct fib_rule_port_range *p = nla_data(tb[FRA_DPORT_RANGE]);
		r->has_dport = true;
		r->dport_start = p->start;
		r->dport_end = p->end;
	}
	if (tb[FRA_TUN_ID] && nla_len(tb[FRA_TUN_ID]) >= 8) {
		r->has_tun_id = true;
		r->tun_id = be64toh(nla_get_u64(tb[FRA_TUN_ID]));
	}
	if (tb[FRA_SUPPRESS_PREFIXLEN] &&
	    nla_len(tb[FRA_SUPPRESS_PREFIXLEN]) >= 4) {
		r->has_suppress_prefixlen = true;
		r->suppress_prefixlen =
			(int32_t)nla_get_u32(tb[FRA_SUPPRESS_PREFIXLEN]);
	}
	if (tb[FRA_SUPPRESS_IFGROUP] &&
	    nla_len(tb[FRA_SUPPRESS_IFGROUP]) >= 4) {
		r->has_suppress_ifgroup = true;
		r->suppress_ifgroup =
			(int32_t)nla_get_u32(tb[FRA_SUPPRESS_IFGROUP]);
	}
	if (tb[FRA_FLOW] && nla_len(tb[FRA_FLOW]) >= 4) {
		r->has_flow = true;
		r->flow = nla_get_u32(tb[FRA_FLOW]);
	}
	return 0;
}

static int iplen(const struct w_ip *ip)
{
	return ip->family == AF_INET6 ? 16 : 4;
}

/* As iprule_modify(): an add is NLM_F_CREATE|NLM_F_EXCL with action
 * "lookup" and table main unless a table or a type was given; a delete
 * carries only what was typed (action unspec, table 0 unless given).
 * A table id above 255 goes in FRA_TABLE with frh.table unspec. */
int krule_change(struct ksync *k, struct w_ns *ns, bool add,
                 const struct krule_req *q, struct kerr *e)
{
	struct fib_rule_hdr frh = {
		.family = (unsigned char)q->family,
		.action = FR_ACT_UNSPEC,
		.tos = (unsigned char)q->tos,
	};
	struct nl_sock *sk;
	struct nl_msg *msg;
	int rc;

	memset(e, 0, sizeof *e);
	if (add)
		frh.action = FR_ACT_TO_TBL;
	if (q->action)
		frh.action = (unsigned char)q->action;
	if (q->invert)
		frh.flags |= FIB_RULE_INVERT;
	if (q->has_table && q->table < 256)
		frh.table = (unsigned char)q->table;
	else if (add && !q->has_table && !q->action)
		frh.table = RT_TABLE_MAIN;
	if (q->src.family)
		frh.src_len = (unsigned char)q->src_len;
	if (q->dst.family)
		frh.dst_len = (unsigned char)q->dst_len;

	msg = nlmsg_alloc_simple(add ? RTM_NEWRULE : RTM_DELRULE,
	                         add ? NLM_F_REQUEST | NLM_F_CREATE | NLM_F_EXCL
	                             : NLM_F_REQUEST);
	if (!msg)
		goto oom;
	if (nlmsg_append(msg, &frh, sizeof frh, NLMSG_ALIGNTO) < 0)
		goto fail;
	if (q->src.family &&
	    nla_put(msg, FRA_SRC, iplen(&q->src), q->src.a) < 0)
		goto fail;
	if (q->dst.family &&
	    nla_put(msg, FRA_DST, iplen(&q->dst), q->dst.a) < 0)
		goto fail;
	if (q->has_priority && nla_put_u32(msg, FRA_PRIORITY, q->priority) < 0)
		goto fail;
	if (q->has_fwmark && nla_put_u32(msg, FRA_FWMARK, q->fwmark) < 0)
		goto fail;
	if (q->has_fwmask && nla_put_u32(msg, FRA_FWMASK, q->fwmask) < 0)
		goto fail;
	if (q->has_table && q->table >= 256 &&
	    nla_put_u32(msg, FRA_TABLE, q->table) < 0)
		goto fail;
	if (q->iif[0] && nla_put_string(msg, FRA_IFNAME, q->iif) < 0)
		goto fail;
	if (q->oif[0] && nla_put_string(msg, FRA_OIFNAME, q->oif) < 0)
		goto fail;
	if (q->has_protocol &&
	    nla_put_u8(msg, FRA_PROTOCOL, (uint8_t)q->protocol) < 0)
		goto fail;
	if (!(sk = ksync_req_sock(k, ns, e))) {
		nlmsg_free(msg);
		return -1;
	}
	rc = knl_talk(sk, msg, NULL, NULL, e);
	nlmsg_free(msg);
	return rc;
fail:
	nlmsg_free(msg);
oom:
	e->err = ENOMEM;
	return -1;
}
