/* SPDX-License-Identifier: GPL-2.0-or-later */
/* parse_rule.c - rule add|del|show (policy routing): parse and canonical
 * text.  The words are iproute2's (iprule_modify): not, from, to,
 * preference|order|priority, tos|dsfield, fwmark, iif|dev, oif,
 * protocol, table|lookup, and a type (blackhole, unreachable, prohibit,
 * or `type T`). */
#include "cmd/parse_int.h"

#include <linux/fib_rules.h>
#include <linux/rtnetlink.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

void rule_init(struct cmd *c)
{
	memset(&c->u.rule, 0, sizeof c->u.rule);
}

static const struct { const char *name; int action; } actions[] = {
	{ "blackhole", FR_ACT_BLACKHOLE }, { "unreachable", FR_ACT_UNREACHABLE },
	{ "prohibit", FR_ACT_PROHIBIT },
};

static int action_of(const char *w)
{
	for (size_t i = 0; i < sizeof actions / sizeof *actions; i++)
		if (!strcmp(w, actions[i].name))
			return actions[i].action;
	return -1;
}

static const char *action_name(int action)
{
	for (size_t i = 0; i < sizeof actions / sizeof *actions; i++)
		if (actions[i].action == action)
			return actions[i].name;
	return NULL;
}

/* A rule has one family: -4/-6, else that of its addresses (IPv4 when
 * none; an IPv6 one makes it -6, which the canonical text then says). */
static int take_prefix(struct parser *p, const char *w, struct w_ip *ip,
                       int *len)
{
	const struct cmd_rule *r = &p->c->u.rule;
	const struct w_ip *other = ip == &r->from ? &r->to : &r->from;

	/* "all" as ip prints it: from all */
	if (!strcmp(w, "all")) {
		memset(ip, 0, sizeof *ip);
		*len = 0;
		return 0;
	}
	if (p_prefix(p, w, ip, len, p->c->family))
		return -1;
	if (*len < 0)
		*len = ip->family == AF_INET6 ? 128 : 32;
	if (other->family && other->family != ip->family)
		return p_bad(p, w, "is %s, but the rule's other address (%s) is %s",
		             p_family_name(ip->family), p->mark[3],
		             p_family_name(other->family));
	p->mark[3] = w;
	return 0;
}

static int take_not(struct parser *p, const char *kw, const char *v)
{
	(void)kw;
	(void)v;
	p->c->u.rule.invert = true;
	return 0;
}

static int take_from(struct parser *p, const char *kw, const char *v)
{
	struct cmd_rule *r = &p->c->u.rule;

	(void)kw;
	return take_prefix(p, v, &r->from, &r->from_len);
}

static int take_to(struct parser *p, const char *kw, const char *v)
{
	struct cmd_rule *r = &p->c->u.rule;

	(void)kw;
	return take_prefix(p, v, &r->to, &r->to_len);
}

static int take_pref(struct parser *p, const char *kw, const char *v)
{
	struct cmd_rule *r = &p->c->u.rule;

	if (!p_u32_c(v, UINT32_MAX, &r->pref))
		return p_bad(p, v, "%s must be a number (0..4294967295)", kw);
	r->has_pref = true;
	return 0;
}

static int take_tos(struct parser *p, const char *kw, const char *v)
{
	uint32_t n;

	(void)kw;
	if (!p_u32_c(v, 255, &n))
		return p_bad(p, v, "not a TOS value (expected a number 0..255, "
		             "like 0x10)");
	p->c->u.rule.tos = (int)n;
	return 0;
}

/* fwmark MARK[/MASK], each a number (0x hex too) */
static int take_fwmark(struct parser *p, const char *kw, const char *v)
{
	struct cmd_rule *r = &p->c->u.rule;
	const char *slash = strchr(v, '/');
	char mark[32];
	size_t len = slash ? (size_t)(slash - v) : strlen(v);

	(void)kw;
	if (len >= sizeof mark)
		return p_bad(p, v, "not a firewall mark (expected a number, "
		             "or MARK/MASK)");
	memcpy(mark, v, len);
	mark[len] = '\0';
	if (!p_u32_c(mark, UINT32_MAX, &r->fwmark))
		return p_bad(p, v, "not a firewall mark (expected a number, "
		             "or MARK/MASK)");
	r->has_fwmark = true;
	if (slash) {
		if (!p_u32_c(slash + 1, UINT32_MAX, &r->fwmask))
			return p_bad(p, v, "not a firewall mask (expected a "
			             "number after the /)");
		r->has_fwmask = true;
	}
	return 0;
}

static int take_iif(struct parser *p, const char *kw, const char *v)
{
	(void)kw;
	return p_take_ifname(p, v, p->c->u.rule.iif);
}

static int take_oif(struct parser *p, const char *kw, const char *v)
{
	(void)kw;
	return p_take_ifname(p, v, p->c->u.rule.oif);
}

static int take_proto(struct parser *p, const char *kw, const char *v)
{
	struct cmd_rule *r = &p->c->u.rule;

	(void)kw;
	r->has_proto = true;
	return p_rtproto(p, v, &r->proto);
}

static int take_table(struct parser *p, const char *kw, const char *v)
{
	struct cmd_rule *r = &p->c->u.rule;

	(void)kw;
	if (r->action)
		return p_bad(p, kw, "a rule either looks up a table or is %s, "
		             "not both", action_name(r->action));
	r->has_table = true;
	return p_table(p, v, &r->table);
}

static int set_action(struct parser *p, const char *w)
{
	struct cmd_rule *r = &p->c->u.rule;
	int a = action_of(w);

	if (a < 0)
		return -1;
	if (r->action)
		return p_bad(p, w, "given twice in %s", p_ctx(p));
	if (r->has_table)
		return p_bad(p, w, "a rule either looks up a table or is %s, "
		             "not both", action_name(a));
	r->action = a;
	return 0;
}

static int take_type(struct parser *p, const char *kw, const char *v)
{
	(void)kw;
	if (action_of(v) < 0)
		return p_bad(p, v, "rule type not supported by nsviz (expected "
		             "blackhole, unreachable or prohibit)");
	return set_action(p, v);
}

static int rule_unsupported(struct parser *p, const char *kw, const char *v)
{
	(void)v;
	return p_bad(p, kw, "rule option not supported by nsviz (expected "
	             "from, to, iif, oif, fwmark, tos, pref, proto, lookup, "
	             "blackhole, unreachable or prohibit)");
}

static int rule_positional(struct parser *p, const char *w)
{
	if (action_of(w) >= 0)
		return set_action(p, w);
	if (!strcmp(w, "goto") || kw_matches(w, "nop") || !strcmp(w, "nat") ||
	    kw_matches(w, "map-to"))
		return rule_unsupported(p, w, NULL);
	return p_bad(p, w, "not a rule selector or action (expected from, to, "
	             "iif, oif, fwmark, tos, pref, proto, lookup, blackhole, "
	             "unreachable or prohibit)");
}

/* iproute2's order of the words, so abbreviations agree */
static const struct cmd_option rule_options[] = {
	{ "not", 0, 0, NULL, take_not },
	{ "from", 0, 1, "prefix", take_from },
	{ "to", 0, 2, "prefix", take_to },
	{ "preference", 1, 3, "priority", take_pref },
	{ "order", 1, 3, "priority", take_pref },
	{ "priority", 1, 3, "priority", take_pref },
	{ "tos", 0, 4, "TOS value", take_tos },
	{ "dsfield", 1, 4, "TOS value", take_tos },
	{ "fwmark", 0, 5, "mark", take_fwmark },
	{ "realms", 1, 6, "realms", rule_unsupported },
	{ "protocol", 1, 7, "protocol", take_proto },
	{ "tun_id", 1, 8, "id", rule_unsupported },
	{ "table", 1, 9, "table", take_table },
	{ "lookup", 0, 9, "table", take_table },
	{ "suppress_prefixlength", 1, 10, "length", rule_unsupported },
	{ "sup_pl", 0, 10, "length", rule_unsupported },
	{ "suppress_ifgroup", 1, 11, "group", rule_unsupported },
	{ "sup_group", 0, 11, "group", rule_unsupported },
	{ "dev", 0, 12, "interface name", take_iif },
	{ "iif", 0, 12, "interface name", take_iif },
	{ "oif", 0, 13, "interface name", take_oif },
	{ "l3mdev", 0, 14, NULL, rule_unsupported },
	{ "uidrange", 0, 15, "range", rule_unsupported },
	{ "ipproto", 0, 16, "protocol", rule_unsupported },
	{ "sport", 0, 17, "port", rule_unsupported },
	{ "dport", 0, 18, "port", rule_unsupported },
	{ "type", 0, 19, "rule type", take_type },
	{ NULL, 0, 0, NULL, NULL }
};

int parse_rule_change(struct parser *p)
{
	struct cmd *c = p->c;

	if (c->family == AF_PACKET)
		return p_no_family(p, "rules (they are IPv4 or IPv6)");
	if (!p_more(p))
		return p_missing(p, "selectors and an action (like from "
		                 "10.0.2.0/24 lookup 100)");
	if (p_options(p, rule_options, rule_positional))
		return -1;
	if (!c->family && (c->u.rule.from.family == AF_INET6 ||
	                   c->u.rule.to.family == AF_INET6))
		c->family = c->opts.family = AF_INET6;
	return 0;
}

/* rule show [FILTERS]: ip's words (iprule_list_flush_or_save) */
static int show_unsupported(struct parser *p, const char *kw, const char *v)
{
	(void)v;
	return p_bad(p, kw, "rule show filter not supported by nsviz "
	             "(expected pref, not, from, to, iif, oif, fwmark, tos or "
	             "lookup)");
}

static int show_positional(struct parser *p, const char *w)
{
	struct cmd_rule *r = &p->c->u.rule;

	if (kw_matches(w, "dst") || kw_matches(w, "to")) {
		if (!(w = p_value(p, "prefix")))
			return -1;
	}
	if (r->to.family || r->to_len) {
		p->i--;
		return p_unexpected(p);
	}
	if (take_prefix(p, w, &r->to, &r->to_len))
		return -1;
	/* "to all" (ip's get_prefix): every rule, as no filter */
	return 0;
}

static const struct cmd_option show_options[] = {
	{ "preference", 1, 0, "priority", take_pref },
	{ "order", 1, 0, "priority", take_pref },
	{ "priority", 1, 0, "priority", take_pref },
	{ "not", 0, 1, NULL, take_not },
	{ "tos", 0, 2, "TOS value", take_tos },
	{ "dsfield", 0, 2, "TOS value", take_tos },
	{ "fwmark", 0, 3, "mark", take_fwmark },
	{ "dev", 0, 4, "interface name", take_iif },
	{ "iif", 0, 4, "interface name", take_iif },
	{ "oif", 0, 5, "interface name", take_oif },
	{ "l3mdev", 0, 6, NULL, show_unsupported },
	{ "uidrange", 0, 7, "range", show_unsupported },
	{ "tun_id", 1, 8, "id", show_unsupported },
	{ "lookup", 1, 9, "table", take_table },
	{ "table", 1, 9, "table", take_table },
	{ "from", 1, 10, "prefix", take_from },
	{ "src", 1, 10, "prefix", take_from },
	{ "protocol", 1, 11, "protocol", show_unsupported },
	{ "ipproto", 0, 12, "protocol", show_unsupported },
	{ "sport", 0, 13, "port", show_unsupported },
	{ "dport", 0, 14, "port", show_unsupported },
	{ NULL, 0, 0, NULL, NULL }
};

int parse_rule_show(struct parser *p)
{
	struct cmd *c = p->c;

	if (c->family == AF_PACKET)
		return p_no_family(p, "rules (they are IPv4 or IPv6)");
	if (p_options(p, show_options, show_positional))
		return -1;
	if (!c->family && (c->u.rule.from.family == AF_INET6 ||
	                   c->u.rule.to.family == AF_INET6))
		c->family = c->opts.family = AF_INET6;
	return 0;
}

static void canon_rule_prefix(struct canon *o, const char *kw,
                              const struct w_ip *ip, int len)
{
	canon_word(o, kw);
	if (!ip->family)
		canon_word(o, "all");
	else
		canon_prefix(o, ip, len == (ip->family == AF_INET6 ? 128 : 32)
		                    ? -1 : len);
}

void canon_rule(const struct cmd *c, struct canon *o)
{
	const struct cmd_rule *r = &c->u.rule;
	char buf[32];

	canon_ip_head(c, o);
	canon_word(o, "rule");
	canon_word(o, cmd_verb_entry(c->verb)->say);
	if (r->invert)
		canon_word(o, "not");
	/* "from all" alone says what `rule add` with no selector means */
	if (r->from.family || (c->verb != CMD_RULE_SHOW &&
	                       !(r->invert || r->to.family || r->iif[0] ||
	                         r->oif[0] || r->has_fwmark || r->tos ||
	                         r->has_pref || r->has_proto || r->has_table ||
	                         r->action)))
		canon_rule_prefix(o, "from", &r->from, r->from_len);
	if (r->to.family)
		canon_rule_prefix(o, "to", &r->to, r->to_len);
	if (r->iif[0]) {
		canon_word(o, "iif");
		canon_word(o, r->iif);
	}
	if (r->oif[0]) {
		canon_word(o, "oif");
		canon_word(o, r->oif);
	}
	if (r->has_fwmark) {
		canon_word(o, "fwmark");
		if (r->has_fwmask)
			canon_wordf(o, "%#x/%#x", (unsigned)r->fwmark,
			            (unsigned)r->fwmask);
		else
			canon_wordf(o, "%#x", (unsigned)r->fwmark);
	}
	if (r->tos) {
		canon_word(o, "tos");
		canon_wordf(o, "%#x", (unsigned)r->tos);
	}
	if (r->has_pref) {
		canon_word(o, "pref");
		canon_wordf(o, "%u", (unsigned)r->pref);
	}
	if (r->has_proto) {
		canon_word(o, "proto");
		canon_word(o, fmt_proto_name(r->proto, buf, sizeof buf));
	}
	if (r->has_table) {
		canon_word(o, "lookup");
		canon_table(o, r->table);
	}
	if (r->action)
		canon_word(o, action_name(r->action));
}
