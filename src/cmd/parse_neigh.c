/* SPDX-License-Identifier: GPL-2.0-or-later */
/* parse_neigh.c - neigh show [dev NAME]: parse and canonical text. */
#include "cmd/parse_int.h"

#include <string.h>

void neigh_init(struct cmd *c)
{
	memset(&c->u.neigh, 0, sizeof c->u.neigh);
}

static int take_dev(struct parser *p, const char *kw, const char *v)
{
	(void)kw;
	return p_take_ifname(p, v, p->c->u.neigh.dev);
}

static int neigh_positional(struct parser *p, const char *w)
{
	static const char *const opts[] = {
		"proxy", "nud", "to", "vrf", "nomaster", "master", "unused", NULL
	};

	for (const char *const *o = opts; *o; o++)
		if (!strcmp(w, *o))
			return p_bad(p, w, "neigh show option not supported by "
			             "nsviz (expected dev NAME)");
	p->i--;
	return p_bad(p, w, "unexpected argument after %s (expected dev NAME)",
	             p_ctx(p));
}

static const struct cmd_option neigh_options[] = {
	{ "dev", 0, 0, "interface name", take_dev },
	{ NULL, 0, 0, NULL, NULL }
};

int parse_neigh_show(struct parser *p)
{
	return p_options(p, neigh_options, neigh_positional);
}

/* ip wants `dev` here: a bare word would be an address */
void canon_neigh(const struct cmd *c, struct canon *o)
{
	canon_ip_head(c, o);
	canon_word(o, "neigh");
	canon_word(o, "show");
	if (c->u.neigh.dev[0]) {
		canon_word(o, "dev");
		canon_word(o, c->u.neigh.dev);
	}
}
