/* SPDX-License-Identifier: GPL-2.0-or-later */
/* parse_neigh.c - neigh show [dev NAME]; neigh add|change|replace|del
 * ADDR [lladdr MAC] dev NAME [nud STATE] [router]; neigh flush [dev
 * NAME] [nud STATE]: parse and canonical text. */
#include "cmd/parse_int.h"

#include <linux/neighbour.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

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

/* ---- routing (issue 11): add, change, replace, del, flush -------------- */

/* nud_state_a2n's words, in its order (abbreviations agree) */
static const struct { const char *name; unsigned state; } nuds[] = {
	{ "permanent", NUD_PERMANENT }, { "reachable", NUD_REACHABLE },
	{ "noarp", NUD_NOARP }, { "none", NUD_NONE }, { "stale", NUD_STALE },
	{ "incomplete", NUD_INCOMPLETE }, { "delay", NUD_DELAY },
	{ "probe", NUD_PROBE }, { "failed", NUD_FAILED },
};

static int nud_of(struct parser *p, const char *w, unsigned *state)
{
	for (size_t i = 0; i < sizeof nuds / sizeof *nuds; i++) {
		if (kw_matches(w, nuds[i].name)) {
			*state = nuds[i].state;
			return 0;
		}
	}
	return p_bad(p, w, "not a neighbour state (expected permanent, noarp, "
	             "reachable, stale, none, incomplete, delay, probe or "
	             "failed)");
}

static int take_lladdr(struct parser *p, const char *kw, const char *v)
{
	struct cmd_neigh *n = &p->c->u.neigh;

	(void)kw;
	if (!strcmp(v, "null")) {
		n->lladdr_null = true;
		return 0;
	}
	n->has_lladdr = true;
	return p_mac(p, v, n->lladdr);
}

static int take_nud(struct parser *p, const char *kw, const char *v)
{
	struct cmd_neigh *n = &p->c->u.neigh;

	(void)kw;
	n->has_nud = true;
	return nud_of(p, v, &n->nud);
}

static int take_router(struct parser *p, const char *kw, const char *v)
{
	(void)kw;
	(void)v;
	p->c->u.neigh.router = true;
	return 0;
}

static int change_positional(struct parser *p, const char *w)
{
	struct cmd_neigh *n = &p->c->u.neigh;

	if (!strcmp(w, "use") || !strcmp(w, "managed") ||
	    kw_matches(w, "extern_learn") || kw_matches(w, "proxy"))
		return p_bad(p, w, "neigh option not supported by nsviz "
		             "(expected lladdr, dev, nud or router)");
	if (n->dst.family) {
		p->i--;
		return p_unexpected(p);
	}
	p->mark[0] = w;
	return p_ip(p, w, &n->dst, p->c->family);
}

static int take_to(struct parser *p, const char *kw, const char *v)
{
	(void)kw;
	return change_positional(p, v);
}

static int neigh_unsupported(struct parser *p, const char *kw, const char *v)
{
	(void)v;
	return p_bad(p, kw, "neigh option not supported by nsviz (expected "
	             "lladdr, dev, nud or router)");
}

static const struct cmd_option change_options[] = {
	{ "lladdr", 1, 0, "MAC address", take_lladdr },
	{ "nud", 0, 1, "state", take_nud },
	{ "router", 0, 2, NULL, take_router },
	{ "dev", 0, 3, "interface name", take_dev },
	{ "protocol", 1, 4, "protocol", neigh_unsupported },
	{ "to", 0, 5, "address", take_to },
	{ NULL, 0, 0, NULL, NULL }
};

int parse_neigh_change(struct parser *p)
{
	struct cmd_neigh *n = &p->c->u.neigh;

	if (p_options(p, change_options, change_positional))
		return -1;
	if (!n->dst.family)
		return p_missing(p, "address (the neighbour's IP address)");
	if (!n->dev[0])
		return p_missing(p, "dev NAME (the interface the neighbour is on)");
	return 0;
}

static int take_flush_nud(struct parser *p, const char *kw, const char *v)
{
	struct cmd_neigh *n = &p->c->u.neigh;
	unsigned state = 0;

	(void)kw;
	if (!strcmp(v, "all")) {
		n->nud_all = true;
		return 0;
	}
	if (nud_of(p, v, &state))
		return -1;
	n->has_nud = true;
	n->nud |= state ? state : 0x100;
	return 0;
}

static int flush_positional(struct parser *p, const char *w)
{
	if (!strcmp(w, "nud")) {
		const char *v = p_value(p, "state");

		return v ? take_flush_nud(p, w, v) : -1;
	}
	if (!strcmp(w, "proxy") || !strcmp(w, "to") || !strcmp(w, "vrf") ||
	    !strcmp(w, "nomaster") || !strcmp(w, "master") ||
	    !strcmp(w, "unused") || kw_matches(w, "protocol"))
		return p_bad(p, w, "neigh flush option not supported by nsviz "
		             "(expected dev NAME or nud STATE)");
	p->i--;
	return p_bad(p, w, "unexpected argument after %s (expected dev NAME "
	             "or nud STATE)", p_ctx(p));
}

static const struct cmd_option flush_options[] = {
	{ "dev", 0, 0, "interface name", take_dev },
	{ NULL, 0, 0, NULL, NULL }
};

/* as ip: at least one argument ("Flush requires arguments") */
int parse_neigh_flush(struct parser *p)
{
	if (!p_more(p))
		return p_missing(p, "what to flush (dev NAME, nud STATE)");
	return p_options(p, flush_options, flush_positional);
}

static const char *nud_name(unsigned state)
{
	for (size_t i = 0; i < sizeof nuds / sizeof *nuds; i++)
		if (nuds[i].state == state)
			return nuds[i].name;
	return NULL;
}

/* ip wants `dev` here: a bare word would be an address */
void canon_neigh(const struct cmd *c, struct canon *o)
{
	const struct cmd_neigh *n = &c->u.neigh;

	canon_ip_head(c, o);
	canon_word(o, "neigh");
	canon_word(o, cmd_verb_entry(c->verb)->say);
	if (c->verb != CMD_NEIGH_SHOW && c->verb != CMD_NEIGH_FLUSH) {
		canon_ip(o, &n->dst);
		if (n->lladdr_null) {
			canon_word(o, "lladdr");
			canon_word(o, "null");
		} else if (n->has_lladdr) {
			canon_word(o, "lladdr");
			canon_wordf(o, "%02x:%02x:%02x:%02x:%02x:%02x",
			            n->lladdr[0], n->lladdr[1], n->lladdr[2],
			            n->lladdr[3], n->lladdr[4], n->lladdr[5]);
		}
	}
	if (n->dev[0]) {
		canon_word(o, "dev");
		canon_word(o, n->dev);
	}
	if (c->verb == CMD_NEIGH_FLUSH) {
		if (n->has_nud) {
			if (n->nud & 0x100) {
				canon_word(o, "nud");
				canon_word(o, "none");
			}
			for (size_t i = 0; i < sizeof nuds / sizeof *nuds; i++) {
				if (nuds[i].state && (n->nud & nuds[i].state)) {
					canon_word(o, "nud");
					canon_word(o, nuds[i].name);
				}
			}
		}
		if (n->nud_all) {
			canon_word(o, "nud");
			canon_word(o, "all");
		}
		return;
	}
	if (n->has_nud) {
		canon_word(o, "nud");
		canon_word(o, nud_name(n->nud));
	}
	if (n->router)
		canon_word(o, "router");
}
