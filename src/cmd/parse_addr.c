/* SPDX-License-Identifier: GPL-2.0-or-later */
/* parse_addr.c - addr add|del|show: parse and canonical text. */
#include "cmd/parse_int.h"

#include <string.h>
#include <sys/socket.h>

void addr_init(struct cmd *c)
{
	memset(&c->u.addr, 0, sizeof c->u.addr);
}

/* ip's address options nsviz does not take */
static bool addr_option(const char *w)
{
	static const char *const opts[] = {
		"peer", "broadcast", "brd", "label", "scope", "valid_lft",
		"preferred_lft", "metric", "noprefixroute", "home", "nodad",
		"mngtmpaddr", "autojoin", "anycast", "proto", NULL
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

static int addr_positional(struct parser *p, const char *w)
{
	struct cmd_addr *a = &p->c->u.addr;

	if (addr_option(w))
		return p_bad(p, w, "address option not supported by nsviz "
		             "(expected ADDRESS/LEN dev NAME)");
	if (a->addr.family) {
		p->i--;
		return p_unexpected(p);
	}
	return p_prefix(p, w, &a->addr, &a->prefixlen, p->c->family);
}

static const struct cmd_option addr_options[] = {
	{ "dev", 0, 0, "interface name", take_dev },
	{ "local", 0, 1, "address", take_local },
	{ NULL, 0, 0, NULL, NULL }
};

int parse_addr_change(struct parser *p)
{
	struct cmd_addr *a = &p->c->u.addr;

	a->prefixlen = -1;
	if (p_options(p, addr_options, addr_positional))
		return -1;
	if (!a->addr.family)
		return p_missing(p, "address (like 10.0.1.1/24)");
	if (!a->dev[0])
		return p_missing(p, "dev NAME (the interface the address is on)");
	if (a->prefixlen < 0)
		a->prefixlen = a->addr.family == AF_INET6 ? 128 : 32;
	return 0;
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
			switch (a->scope) {
			case 0: canon_word(o, "global"); break;
			case 200: canon_word(o, "site"); break;
			case 253: canon_word(o, "link"); break;
			case 254: canon_word(o, "host"); break;
			case 255: canon_word(o, "nowhere"); break;
			default: canon_wordf(o, "%d", a->scope); break;
			}
		}
		return;
	}
	canon_prefix(o, &a->addr, a->prefixlen);
	canon_word(o, "dev");
	canon_word(o, a->dev);
}
