/* SPDX-License-Identifier: GPL-2.0-or-later */
/* parse_addr.c - addr add|del|show: parse and canonical text. */
#include "cmd/parse_int.h"

#include <ctype.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/if_addr.h>

void addr_init(struct cmd *c)
{
	memset(&c->u.addr, 0, sizeof c->u.addr);
}

/* ip's address options nsviz does not take */
static bool addr_option(const char *w)
{
	static const char *const opts[] = {
		"autojoin", "anycast", "proto", "optimistic", NULL
	};

	for (const char *const *o = opts; *o; o++)
		if (!strcmp(w, *o))
			return true;
	return false;
}


/* dev NAME, or NAME alone where the verb takes it (show, flush): once,
 * as ip ("duplicate dev") */
static int take_dev(struct parser *p, const char *kw, const char *v)
{
	if (p->c->u.addr.dev[0])
		return p_twice_value(p, kw);
	return p_take_ifname(p, v, p->c->u.addr.dev);
}

static int take_local(struct parser *p, const char *kw, const char *v)
{
	struct cmd_addr *a = &p->c->u.addr;

	if (a->addr.family)
		return p_twice_value(p, kw);
	return p_prefix(p, v, &a->addr, &a->prefixlen, p->c->family);
}

/* issue 14: ipaddr_modify()'s options */
static int take_peer(struct parser *p, const char *kw, const char *v)
{
	struct cmd_addr *a = &p->c->u.addr;

	(void)kw;
	p->mark[1] = v;
	a->has_peer = true;
	a->peer_len = -1;
	return p_prefix(p, v, &a->peer, &a->peer_len, p->c->family);
}

static int take_brd(struct parser *p, const char *kw, const char *v)
{
	struct cmd_addr *a = &p->c->u.addr;

	(void)kw;
	p->mark[2] = v;
	if (!strcmp(v, "+") || !strcmp(v, "-")) {
		a->brd = v[0];
		return 0;
	}
	a->brd = 1;
	return p_ip(p, v, &a->brd_ip, p->c->family);
}

static int take_addr_scope(struct parser *p, const char *kw, const char *v)
{
	(void)kw;
	return p_scope(p, v, &p->c->u.addr.scope);
}

static int take_label(struct parser *p, const char *kw, const char *v)
{
	(void)kw;
	p->mark[3] = v;
	if (!*v)
		return p_bad(p, v, "label is empty");
	if (strlen(v) >= W_IFNAMSIZ)
		return p_bad(p, v, "label longer than %d bytes", W_IFNAMSIZ - 1);
	for (const char *s = v; *s; s++)
		if (isspace((unsigned char)*s) || iscntrl((unsigned char)*s) ||
		    (unsigned char)*s >= 0x7f)
			return p_bad(p, v, "label must be printable ASCII "
			             "without blanks");
	p_copy(p->c->u.addr.label, sizeof p->c->u.addr.label, v);
	return 0;
}

static int take_addr_metric(struct parser *p, const char *kw, const char *v)
{
	struct cmd_addr *a = &p->c->u.addr;

	if (!p_u32_c(v, UINT32_MAX, &a->metric))
		return p_bad(p, v, "%s must be a number (0..4294967295)", kw);
	a->has_metric = true;
	return 0;
}

/* set_lifetime(): forever or seconds */
static int lifetime(struct parser *p, const char *kw, const char *v,
                    uint32_t *out)
{
	if (!strcmp(v, "forever")) {
		*out = 0xffffffffu;
		return 0;
	}
	if (!p_u32_c(v, 0xffffffffu, out))
		return p_bad(p, v, "%s must be forever or a number of seconds "
		             "(0..4294967295)", kw);
	return 0;
}

static int take_valid(struct parser *p, const char *kw, const char *v)
{
	(void)kw;
	p->c->u.addr.has_valid = true;
	return lifetime(p, "valid_lft", v, &p->c->u.addr.valid_lft);
}

static int take_preferred(struct parser *p, const char *kw, const char *v)
{
	(void)kw;
	p->c->u.addr.has_preferred = true;
	return lifetime(p, "preferred_lft", v, &p->c->u.addr.preferred_lft);
}

/* ip's CONFFLAG words, in its order */
static const struct { const char *name; unsigned flag; bool v6only; }
addr_flags[] = {
	{ "home", IFA_F_HOMEADDRESS, true },
	{ "nodad", IFA_F_NODAD, true },
	{ "mngtmpaddr", IFA_F_MANAGETEMPADDR, true },
	{ "noprefixroute", IFA_F_NOPREFIXROUTE, false },
};

static int take_flag(struct parser *p, const char *kw, const char *v)
{
	(void)v;
	for (size_t i = 0; i < sizeof addr_flags / sizeof *addr_flags; i++)
		if (!strcmp(kw, addr_flags[i].name))
			p->c->u.addr.flags |= addr_flags[i].flag;
	return 0;
}

static int addr_positional(struct parser *p, const char *w)
{
	struct cmd_addr *a = &p->c->u.addr;

	if (addr_option(w))
		return p_bad(p, w, "address option not supported by nsviz "
		             "(expected ADDRESS/LEN [peer P] [brd B] [label L] "
		             "[scope S] [metric N] dev NAME [valid_lft T] "
		             "[preferred_lft T] [home] [nodad] [mngtmpaddr] "
		             "[noprefixroute])");
	if (a->addr.family) {
		p->i--;
		return p_unexpected(p);
	}
	return p_prefix(p, w, &a->addr, &a->prefixlen, p->c->family);
}

/* in ipaddr_modify()'s order (abbreviations as its matches() take them) */
static const struct cmd_option addr_options[] = {
	{ "peer", 0, 2, "peer address", take_peer },
	{ "remote", 0, 2, "peer address", take_peer },
	{ "broadcast", 1, 3, "broadcast address", take_brd },
	{ "brd", 0, 3, "broadcast address", take_brd },
	{ "scope", 0, 4, "scope", take_addr_scope },
	{ "dev", 0, 0, "interface name", take_dev },
	{ "label", 0, 5, "label", take_label },
	{ "metric", 1, 6, "metric value", take_addr_metric },
	{ "priority", 1, 6, "metric value", take_addr_metric },
	{ "preference", 1, 6, "metric value", take_addr_metric },
	{ "valid_lft", 1, 7, "lifetime", take_valid },
	{ "preferred_lft", 1, 8, "lifetime", take_preferred },
	{ "home", 0, 9, NULL, take_flag },
	{ "nodad", 0, 10, NULL, take_flag },
	{ "mngtmpaddr", 0, 11, NULL, take_flag },
	{ "noprefixroute", 0, 12, NULL, take_flag },
	{ "local", 0, 1, "address", take_local },
	{ NULL, 0, 0, NULL, NULL }
};

/* what the options say about each other, once all are read */
static int addr_check_options(struct parser *p)
{
	struct cmd_addr *a = &p->c->u.addr;
	int fam = a->addr.family;

	if (a->has_peer && a->peer.family != fam)
		return p_bad(p, p->mark[1], "peer is %s but the address is %s",
		             p_family_name(a->peer.family), p_family_name(fam));
	if (a->has_peer && a->peer_len < 0)
		a->peer_len = fam == AF_INET6 ? 128 : 32;
	if (a->brd && fam != AF_INET)
		return p_bad(p, p->mark[2], "a broadcast address is only for "
		             "IPv4 addresses");
	if (a->brd == 1 && a->brd_ip.family != fam)
		return p_bad(p, p->mark[2], "broadcast is %s but the address is "
		             "%s", p_family_name(a->brd_ip.family),
		             p_family_name(fam));
	/* ip-address(8): an IPv4 label is the device's name, or starts with
	 * it and a colon (Linux 2.0's aliases) */
	if (a->label[0] && fam == AF_INET && strcmp(a->label, a->dev) &&
	    (strncmp(a->label, a->dev, strlen(a->dev)) ||
	     a->label[strlen(a->dev)] != ':'))
		return p_bad(p, p->mark[3], "label must be the device's name "
		             "(%s) or start with \"%s:\"", a->dev, a->dev);
	for (size_t i = 0; i < sizeof addr_flags / sizeof *addr_flags; i++)
		if ((a->flags & addr_flags[i].flag) && addr_flags[i].v6only &&
		    fam != AF_INET6)
			return p_bad(p, addr_flags[i].name, "only for IPv6 "
			             "addresses");
	if (a->has_valid || a->has_preferred) {
		uint32_t v = a->has_valid ? a->valid_lft : 0xffffffffu;
		uint32_t pr = a->has_preferred ? a->preferred_lft : 0xffffffffu;

		if (!v)
			return p_bad(p, "valid_lft", "must not be 0 (the address "
			             "would be gone at once)");
		if (v < pr && !a->has_preferred)
			return p_bad(p, "valid_lft", "needs preferred_lft too "
			             "(it is forever unless given, and must not "
			             "be greater than valid_lft)");
		if (v < pr)
			return p_bad(p, "preferred_lft", "must not be greater "
			             "than valid_lft");
	}
	return 0;
}

int parse_addr_change(struct parser *p)
{
	struct cmd_addr *a = &p->c->u.addr;

	a->prefixlen = -1;
	a->scope = -1;
	if (p_options(p, addr_options, addr_positional))
		return -1;
	if (!a->addr.family)
		return p_missing(p, "address (like 10.0.1.1/24)");
	if (!a->dev[0])
		return p_missing(p, "dev NAME (the interface the address is on)");
	if (a->prefixlen < 0)
		a->prefixlen = a->addr.family == AF_INET6 ? 128 : 32;
	return addr_check_options(p);
}

/* addr show [[dev] NAME] [up], in any order */
static int take_up(struct parser *p, const char *kw, const char *v)
{
	(void)kw;
	(void)v;
	p->c->u.addr.up = true;
	return 0;
}

static int show_positional(struct parser *p, const char *w)
{
	struct cmd_addr *a = &p->c->u.addr;

	if (a->dev[0]) {
		p->i--;
		return p_unexpected(p);
	}
	return p_take_ifname(p, w, a->dev);
}

static const struct cmd_option show_options[] = {
	{ "dev", 0, 0, "interface name", take_dev },
	{ "up", 0, 1, NULL, take_up },
	{ NULL, 0, 0, NULL, NULL }
};

int parse_addr_show(struct parser *p)
{
	return p_options(p, show_options, show_positional);
}

/* ---- routing (issue 11): addr flush [dev NAME] [scope S|all] ----------- */

static int take_scope(struct parser *p, const char *kw, const char *v)
{
	(void)kw;
	if (!strcmp(v, "all")) {
		p->c->u.addr.scope = -1;
		return 0;
	}
	return p_scope(p, v, &p->c->u.addr.scope);
}

static int flush_positional(struct parser *p, const char *w)
{
	if (!strcmp(w, "to") || !strcmp(w, "label") || !strcmp(w, "up") ||
	    !strcmp(w, "group") || !strcmp(w, "master") ||
	    !strcmp(w, "vrf") || !strcmp(w, "type") || !strcmp(w, "nomaster") ||
	    !strcmp(w, "primary") || !strcmp(w, "secondary") ||
	    !strcmp(w, "permanent") || !strcmp(w, "dynamic"))
		return p_bad(p, w, "addr flush option not supported by nsviz "
		             "(expected dev NAME or scope S)");
	return show_positional(p, w);
}

static const struct cmd_option flush_options[] = {
	{ "dev", 0, 0, "interface name", take_dev },
	{ "scope", 0, 1, "scope", take_scope },
	{ NULL, 0, 0, NULL, NULL }
};

/* as ip: at least one argument ("Flush requires arguments") */
int parse_addr_flush(struct parser *p)
{
	p->c->u.addr.scope = -1;
	if (p->c->family == AF_PACKET)
		return p_no_family(p, "addr flush (link addresses are not "
		                   "flushed)");
	if (!p_more(p))
		return p_missing(p, "what to flush (dev NAME, scope S)");
	return p_options(p, flush_options, flush_positional);
}

static void canon_addr_scope(struct canon *o, int scope)
{
	switch (scope) {
	case 0: canon_word(o, "global"); break;
	case 200: canon_word(o, "site"); break;
	case 253: canon_word(o, "link"); break;
	case 254: canon_word(o, "host"); break;
	case 255: canon_word(o, "nowhere"); break;
	default: canon_wordf(o, "%d", scope); break;
	}
}

static void canon_lifetime(struct canon *o, uint32_t t)
{
	if (t == 0xffffffffu)
		canon_word(o, "forever");
	else
		canon_wordf(o, "%u", (unsigned)t);
}

void canon_addr(const struct cmd *c, struct canon *o)
{
	const struct cmd_addr *a = &c->u.addr;

	canon_ip_head(c, o);
	canon_word(o, "addr");
	canon_word(o, cmd_verb_entry(c->verb)->say);
	if (c->verb == CMD_ADDR_SHOW || c->verb == CMD_ADDR_FLUSH) {
		if (a->dev[0] && c->verb == CMD_ADDR_FLUSH) {
			canon_word(o, "dev");
			canon_word(o, a->dev);
		} else if (a->dev[0]) {
			canon_dev(o, "dev", a->dev);
		}
		if (a->up)
			canon_word(o, "up");
		/* flush needs something: with no dev, "scope all" said so */
		if (c->verb == CMD_ADDR_FLUSH && a->scope < 0 && !a->dev[0]) {
			canon_word(o, "scope");
			canon_word(o, "all");
		}
		if (c->verb == CMD_ADDR_FLUSH && a->scope >= 0) {
			canon_word(o, "scope");
			canon_addr_scope(o, a->scope);
		}
		return;
	}
	canon_prefix(o, &a->addr, a->prefixlen);
	/* ip's usage order: IFADDR dev IFNAME [LIFETIME] [CONFFLAG-LIST] */
	if (a->has_peer) {
		canon_word(o, "peer");
		canon_prefix(o, &a->peer, a->peer_len);
	}
	if (a->brd) {
		canon_word(o, "brd");
		if (a->brd == 1)
			canon_ip(o, &a->brd_ip);
		else
			canon_word(o, a->brd == '+' ? "+" : "-");
	}
	if (a->label[0]) {
		canon_word(o, "label");
		canon_word(o, a->label);
	}
	if (a->scope >= 0) {
		canon_word(o, "scope");
		canon_addr_scope(o, a->scope);
	}
	if (a->has_metric) {
		canon_word(o, "metric");
		canon_wordf(o, "%u", (unsigned)a->metric);
	}
	canon_word(o, "dev");
	canon_word(o, a->dev);
	if (a->has_valid) {
		canon_word(o, "valid_lft");
		canon_lifetime(o, a->valid_lft);
	}
	if (a->has_preferred) {
		canon_word(o, "preferred_lft");
		canon_lifetime(o, a->preferred_lft);
	}
	for (size_t i = 0; i < sizeof addr_flags / sizeof *addr_flags; i++)
		if (a->flags & addr_flags[i].flag)
			canon_word(o, addr_flags[i].name);
}
