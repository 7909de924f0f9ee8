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


static int take_dev(struct parser *p, const char *kw, const char *v)
{
	(void)kw;
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

int parse_addr_show(struct parser *p)
{
	if (p_dev_name(p, p->c->u.addr.dev, false))
		return -1;
	return p_more(p) ? p_unexpected(p) : 0;
}

void canon_addr(const struct cmd *c, struct canon *o)
{
	const struct cmd_addr *a = &c->u.addr;

	canon_ip_head(c, o);
	canon_word(o, "addr");
	canon_word(o, cmd_verb_entry(c->verb)->say);
	if (c->verb == CMD_ADDR_SHOW) {
		if (a->dev[0])
			canon_dev(o, "dev", a->dev);
		return;
	}
	canon_prefix(o, &a->addr, a->prefixlen);
	canon_word(o, "dev");
	canon_word(o, a->dev);
}
