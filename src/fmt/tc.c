/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tc.c - one qdisc or class reply of the kernel as tc 6.1 prints it:
 * "qdisc KIND H: [dev X] root|parent P [refcnt N] OPTIONS" and the -s
 * lines; "class KIND ID [dev X] root|parent P [leaf H:] OPTIONS".  The
 * kind's options and statistics are printed by its struct tc_kind
 * (src/tc/).  Pure: the message's bytes in, text out, every attribute
 * bounds-checked. */
#include "fmt/tc.h"

#include <string.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/pkt_sched.h>

#include "cmd/cmd.h"
#include "util/esc.h"
#include "util/sbuf.h"

/* TCA_KIND's string, if it is one (NUL-terminated within the attribute) */
static const char *kind_of(const struct tc_rta *a)
{
	if (!a->data || !a->len || memchr(a->data, '\0', a->len) == NULL)
		return NULL;
	return (const char *)a->data;
}

static void devname(struct sbuf *out, const struct fmt_tc_ctx *c, int ifindex)
{
	const char *n = c->ifname ? c->ifname(c->ctx, ifindex) : NULL;

	if (n)
		esc_add(out, n, 0);
	else
		sbuf_printf(out, "if%d", ifindex);
}

static void stats(struct sbuf *out, const struct tc_rta *tb,
                  const struct tc_kind *k, bool is_class,
                  const struct tc_print_ctx *pc)
{
	const void *xs = NULL;
	size_t xl = 0;

	if (tb[TCA_STATS].data || tb[TCA_STATS2].data ||
	    (!is_class && tb[TCA_XSTATS].data)) {
		/* tc prints the lines (and their newline) for TCA_XSTATS
		 * alone too, for a qdisc */
		tc_print_stats(out, tb[TCA_STATS2].data, tb[TCA_STATS2].len,
		               tb[TCA_STATS].data, tb[TCA_STATS].len, " ", &xs, &xl);
		sbuf_add(out, "\n");
	}
	/* an older kernel's TCA_XSTATS, when TCA_STATS2 has no app stats */
	if (!xs && tb[TCA_XSTATS].data) {
		xs = tb[TCA_XSTATS].data;
		xl = tb[TCA_XSTATS].len;
	}
	if (k && xs && k->print_xstats) {
		k->print_xstats(out, xs, xl, is_class, pc);
		sbuf_add(out, "\n");
	}
}

int fmt_tc_msg(struct sbuf *out, const void *msg, size_t len,
               const struct fmt_tc_ctx *c)
{
	struct nlmsghdr h;
	struct tcmsg t;
	struct tc_rta tb[TCA_MAX + 1];
	const struct tc_kind *k;
	const char *kind;
	bool is_class;
	char buf[32];

	if (len < NLMSG_LENGTH(sizeof t))
		return -1;
	memcpy(&h, msg, sizeof h);
	if (h.nlmsg_len < NLMSG_LENGTH(sizeof t) || h.nlmsg_len > len)
		return -1;
	is_class = h.nlmsg_type == RTM_NEWTCLASS || h.nlmsg_type == RTM_DELTCLASS;
	if (!is_class && h.nlmsg_type != RTM_NEWQDISC &&
	    h.nlmsg_type != RTM_DELQDISC)
		return -1;
	memcpy(&t, (const char *)msg + NLMSG_HDRLEN, sizeof t);
	if (c->ifindex && c->ifindex != t.tcm_ifindex)
		return 0;
	if (!is_class && c->handle && c->handle != t.tcm_handle)
		return 0;
	if (!is_class && c->parent && c->parent != t.tcm_parent)
		return 0;
	if (is_class && c->qdisc && TC_H_MAJ(t.tcm_handle ^ c->qdisc))
		return 0;
	if (is_class && c->classid && c->classid != t.tcm_handle)
		return 0;
	tc_attrs(tb, TCA_MAX, (const char *)msg + NLMSG_LENGTH(sizeof t),
	         h.nlmsg_len - NLMSG_LENGTH(sizeof t));
	if (!(kind = kind_of(&tb[TCA_KIND])))
		return -1;
	k = tc_kind_find(kind);
	if (h.nlmsg_type == RTM_DELTCLASS || h.nlmsg_type == RTM_DELQDISC)
		sbuf_add(out, "deleted ");
	if (h.nlmsg_type == RTM_NEWQDISC && (h.nlmsg_flags & NLM_F_CREATE) &&
	    (h.nlmsg_flags & NLM_F_REPLACE))
		sbuf_add(out, "replaced ");
	if (h.nlmsg_type == RTM_NEWQDISC && (h.nlmsg_flags & NLM_F_CREATE) &&
	    (h.nlmsg_flags & NLM_F_EXCL))
		sbuf_add(out, "added ");
	sbuf_add(out, is_class ? "class " : "qdisc ");
	esc_add(out, kind, 0);
	if (is_class) {
		buf[0] = '\0';
		if (t.tcm_handle)
			tc_classid_str(c->qdisc ? TC_H_MIN(t.tcm_handle) :
			               t.tcm_handle, buf, sizeof buf);
		sbuf_printf(out, " %s ", buf);
	} else {
		sbuf_printf(out, " %x: ", t.tcm_handle >> 16);
	}
	if (!c->ifindex) {
		sbuf_add(out, "dev ");
		devname(out, c, t.tcm_ifindex);
		sbuf_add(out, " ");
	}
	/* a class under a qdisc asked for (tc class show ... parent H:) is
	 * named by its minor alone, as tc does */
	if (t.tcm_parent == TC_H_ROOT) {
		sbuf_add(out, "root ");
	} else if (is_class || t.tcm_parent) {
		tc_classid_str(is_class && c->qdisc ? TC_H_MIN(t.tcm_parent) :
		               t.tcm_parent, buf, sizeof buf);
		sbuf_printf(out, "parent %s ", buf);
	}
	if (is_class) {
		if (t.tcm_info)
			sbuf_printf(out, "leaf %x: ", t.tcm_info >> 16);
	} else {
		if (t.tcm_info != 1)
			sbuf_printf(out, "refcnt %u ", t.tcm_info);
		if (tb[TCA_HW_OFFLOAD].data && tb[TCA_HW_OFFLOAD].len >= 1 &&
		    *tb[TCA_HW_OFFLOAD].data)
			sbuf_add(out, "offloaded ");
	}
	if (tb[TCA_OPTIONS].data && k && k->print)
		k->print(out, tb[TCA_OPTIONS].data, tb[TCA_OPTIONS].len, is_class,
		         &c->pc);
	sbuf_add(out, "\n");
	if (c->pc.stats)
		stats(out, tb, k, is_class, &c->pc);
	return 0;
}
