/* SPDX-License-Identifier: GPL-2.0-or-later */
/* exec_rule.c - rule add|del|show: policy routing rules, kept in the
 * world (kernel/rule.c), printed as ip rule prints them (fmt/rule.c). */
#include "cmd/exec_int.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "fmt/fmt.h"

int exec_rule_change(struct exec_ctx *x, const struct cmd *c)
{
	const struct cmd_rule *cr = &c->u.rule;
	bool add = c->verb == CMD_RULE_ADD;
	struct krule_req q;
	struct kerr e = { 0 };
	struct w_ns *ns;
	int rc;

	if (!(ns = exec_need_ns(x, c->ns, &rc)))
		return rc;
	memset(&q, 0, sizeof q);
	q.family = c->family == AF_INET6 ? AF_INET6 : AF_INET;
	q.invert = cr->invert;
	q.src = cr->from;
	q.src_len = cr->from_len;
	q.dst = cr->to;
	q.dst_len = cr->to_len;
	q.has_priority = cr->has_pref;
	q.priority = cr->pref;
	q.tos = cr->tos;
	q.has_fwmark = cr->has_fwmark;
	q.fwmark = cr->fwmark;
	q.has_fwmask = cr->has_fwmask;
	q.fwmask = cr->fwmask;
	snprintf(q.iif, sizeof q.iif, "%s", cr->iif);
	snprintf(q.oif, sizeof q.oif, "%s", cr->oif);
	q.has_table = cr->has_table;
	q.table = cr->table;
	q.action = cr->action;
	q.has_protocol = cr->has_proto;
	q.protocol = cr->proto;
	if (krule_change(x->k, ns, add, &q, &e) < 0) {
		if (!add && e.err == ENOENT && !e.msg[0])
			return exec_fail(x, "rule del: no such rule (%s)",
			                 kerr_str(&e));
		if (add && e.err == EEXIST && !e.msg[0])
			return exec_fail(x, "rule add: the rule exists already (%s)",
			                 kerr_str(&e));
		return exec_kfail(x, add ? "rule add" : "rule del", &e);
	}
	ksync_drain(x->k);
	return 0;
}

int exec_rule_show(struct exec_ctx *x, const struct cmd *c)
{
	const struct cmd_rule *cr = &c->u.rule;
	struct fmt_rule_filter f;
	struct w_ns *ns;
	int rc;

	if (!(ns = exec_need_ns(x, c->ns, &rc)))
		return rc;
	/* -s, -o, -br change nothing in ip's rule lines */
	if (c->opts.json)
		return exec_fail(x, "rule show -j: JSON output of rules is not "
		                 "supported by nsviz (ip rule show's text is)");
	memset(&f, 0, sizeof f);
	f.has_priority = cr->has_pref;
	f.priority = cr->pref;
	f.invert = cr->invert;
	f.src = cr->from;
	f.src_len = cr->from_len;
	f.dst = cr->to;
	f.dst_len = cr->to_len;
	f.has_tos = cr->tos != 0;
	f.tos = cr->tos;
	f.fwmark = cr->fwmark;
	f.fwmask = cr->has_fwmask ? cr->fwmask : 0;
	snprintf(f.iif, sizeof f.iif, "%s", cr->iif);
	snprintf(f.oif, sizeof f.oif, "%s", cr->oif);
	f.table = cr->has_table ? cr->table : 0;
	fmt_rule_show_filtered(&x->out, ns, c->family, c->opts.details, &f);
	return 0;
}
