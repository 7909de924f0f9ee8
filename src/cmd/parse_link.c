/* SPDX-License-Identifier: GPL-2.0-or-later */
/* parse_link.c - link add|set|del|show: parse and canonical text. */
#include "cmd/parse_int.h"

#include <stdio.h>
#include <string.h>

#define LINK_SET_HINT "expected up, down, netns NS, mtu N, address MAC, " \
                      "master BRIDGE or nomaster"
#define LINK_TYPES "nsviz creates veth pairs and bridges"
#define LINK_ADD_FORMS "link add NAME type veth peer name PEER, " \
                       "or link add NAME type bridge"

void link_init(struct cmd *c)
{
	memset(&c->u.link, 0, sizeof c->u.link);
	c->u.link.up = -1;
}

/* Settings of the new link itself that nsviz leaves to `link set`. */
static bool later_setting(const char *w)
{
	return !strcmp(w, "up") || !strcmp(w, "down") || !strcmp(w, "mtu") ||
	       !strcmp(w, "netns") || kw_abbrev(w, "address", 4) ||
	       !strcmp(w, "txqueuelen") || !strcmp(w, "qlen") ||
	       !strcmp(w, "master") || !strcmp(w, "nomaster");
}

/* ---- link add ------------------------------------------------------------ */

/* After `link add NAME type bridge`: nothing more (no bridge options). */
static int parse_bridge_rest(struct parser *p)
{
	const char *w;

	if (!p_more(p))
		return 0;
	w = p_peek(p);
	if (later_setting(w))
		return p_bad(p, w, "not supported in link add; set it afterwards "
		             "with link set");
	if (!strcmp(w, "peer"))
		return p_bad(p, w, "a bridge has no peer (only a veth pair has "
		             "one)");
	return p_bad(p, w, "bridge option not supported by nsviz (link add "
	             "NAME type bridge takes no options)");
}

static int take_peer_name(struct parser *p, const char *kw, const char *v)
{
	if (p->c->u.link.peer[0] && !strcmp(kw, "name"))
		return p_twice_value(p, kw);
	return p_take_ifname(p, v, p->c->u.link.peer) ||
	       p_check_new_name(p, v, "interface");
}

static int take_peer_ns(struct parser *p, const char *kw, const char *v)
{
	(void)kw;
	return p_take_nsname(p, v, p->c->u.link.peer_ns);
}

static int peer_positional(struct parser *p, const char *w)
{
	if (later_setting(w))
		return p_bad(p, w, "not supported for the veth peer; set it "
		             "afterwards with link set");
	if (p->c->u.link.peer[0]) {
		p->i--;
		return p_unexpected(p);
	}
	return take_peer_name(p, "", w);
}

static const struct cmd_option peer_options[] = {
	{ "name", 0, 0, "peer name", take_peer_name },
	{ "netns", 0, 1, "namespace name", take_peer_ns },
	{ NULL, 0, 0, NULL, NULL }
};

/* After `link add NAME type veth`: peer name PEER [netns NS] */
static int parse_veth_rest(struct parser *p)
{
	struct cmd_link *l = &p->c->u.link;

	if (!p_more(p))
		return p_missing(p, "peer (add peer name PEER)");
	if (strcmp(p_peek(p), "peer"))
		return p_bad(p, p_peek(p), "unexpected argument after %s "
		             "(expected peer name PEER)", p_ctx(p));
	p->i++;
	if (p_options(p, peer_options, peer_positional))
		return -1;
	if (!l->peer[0])
		return p_missing(p, "peer name (peer name PEER)");
	if (!strcmp(l->name, l->peer) &&
	    (!l->peer_ns[0] || !strcmp(l->peer_ns, p->c->ns)))
		return p_bad(p, l->peer, "the peer cannot have the "
		             "same name as the interface in the same namespace");
	return 0;
}

int parse_link_add(struct parser *p)
{
	struct cmd_link *l = &p->c->u.link;
	const char *w, *v;
	bool have_name = false;

	for (;;) {
		if (!p_more(p))
			return p_missing(p, have_name
			                 ? "type veth or type bridge (" LINK_ADD_FORMS ")"
			                 : "interface name");
		w = p_next(p);
		if (!strcmp(w, "name") || !strcmp(w, "dev")) {
			if (have_name)
				return p_twice(p, w);
			if (!(v = p_value(p, "interface name")) ||
			    p_take_ifname(p, v, l->name) ||
			    p_check_new_name(p, v, "interface"))
				return -1;
			have_name = true;
		} else if (!strcmp(w, "type")) {
			if (!have_name) {
				p->i--;
				return p_missing(p, "interface name (" LINK_ADD_FORMS ")");
			}
			if (!(v = p_value(p, "link type (veth or bridge)")))
				return -1;
			if (strcmp(v, "bridge") && strcmp(v, "veth"))
				return p_bad(p, v, "link type not supported "
				             "(" LINK_TYPES ")");
			p_copy(l->kind, sizeof l->kind, v);
			return !strcmp(v, "bridge") ? parse_bridge_rest(p)
			                            : parse_veth_rest(p);
		} else if (later_setting(w)) {
			return p_bad(p, w, "not supported in link add; set it "
			             "afterwards with link set");
		} else if (!have_name && !strcmp(w, "link") && p_more(p)) {
			/* iproute2's link add link DEV name NAME type vlan|... */
			return p_bad(p, w, "a link on top of another (link add "
			             "link DEV ...) is not supported by nsviz ("
			             LINK_TYPES ")");
		} else if (!have_name) {
			if (p_take_ifname(p, w, l->name) ||
			    p_check_new_name(p, w, "interface"))
				return -1;
			have_name = true;
		} else {
			p->i--;
			return p_unexpected(p);
		}
	}
}

/* ---- link set ------------------------------------------------------------ */

static int take_dev(struct parser *p, const char *kw, const char *v)
{
	if (p->c->u.link.name[0])
		return p_twice_value(p, kw);
	return p_take_ifname(p, v, p->c->u.link.name);
}

static int take_updown(struct parser *p, const char *kw, const char *v)
{
	struct cmd_link *l = &p->c->u.link;
	int up = kw[0] == 'u';

	(void)v;
	if (l->up != -1)
		return p_bad(p, kw, "conflicts with %s", l->up ? "up" : "down");
	l->up = up;
	return 0;
}

static int take_netns(struct parser *p, const char *kw, const char *v)
{
	(void)kw;
	p->c->u.link.has_netns = true;
	return p_take_nsname(p, v, p->c->u.link.netns);
}

static int take_mtu(struct parser *p, const char *kw, const char *v)
{
	(void)kw;
	p->c->u.link.has_mtu = true;
	return p_mtu(p, v, &p->c->u.link.mtu);
}

static int take_mac(struct parser *p, const char *kw, const char *v)
{
	(void)kw;
	p->c->u.link.has_mac = true;
	return p_mac(p, v, p->c->u.link.mac);
}

static int take_master(struct parser *p, const char *kw, const char *v)
{
	struct cmd_link *l = &p->c->u.link;

	if (l->nomaster)
		return p_bad(p, kw, "conflicts with nomaster");
	l->has_master = true;
	return p_take_ifname(p, v, l->master);
}

static int take_nomaster(struct parser *p, const char *kw, const char *v)
{
	struct cmd_link *l = &p->c->u.link;

	(void)v;
	if (l->has_master)
		return p_bad(p, kw, "conflicts with master %s", l->master);
	l->nomaster = true;
	return 0;
}

static int take_rename(struct parser *p, const char *kw, const char *v)
{
	(void)v;
	return p_bad(p, kw, "renaming interfaces is not supported by nsviz ("
	             LINK_SET_HINT ")");
}

static int set_positional(struct parser *p, const char *w)
{
	if (p->c->u.link.name[0])
		return p_bad(p, w, "unknown link setting (" LINK_SET_HINT ")");
	return p_take_ifname(p, w, p->c->u.link.name);
}

static const struct cmd_option set_options[] = {
	{ "dev", 0, 0, "interface name", take_dev },
	{ "up", 0, 1, NULL, take_updown },
	{ "down", 0, 2, NULL, take_updown },
	{ "netns", 0, 3, "namespace name", take_netns },
	{ "mtu", 0, 4, "mtu value", take_mtu },
	{ "address", 4, 5, "MAC address", take_mac },
	{ "master", 0, 6, "bridge name", take_master },
	{ "nomaster", 0, 7, NULL, take_nomaster },
	{ "name", 0, 8, NULL, take_rename },
	{ NULL, 0, 0, NULL, NULL }
};

int parse_link_set(struct parser *p)
{
	struct cmd_link *l = &p->c->u.link;

	if (p_options(p, set_options, set_positional))
		return -1;
	if (!l->name[0])
		return p_missing(p, "interface name");
	if (l->up == -1 && !l->has_netns && !l->has_mtu && !l->has_mac &&
	    !l->has_master && !l->nomaster)
		return p_fail(p, "%s: nothing to change (" LINK_SET_HINT ")",
		              p_ctx(p));
	/* the kernel would look the bridge up in the namespace the link
	 * moves to: two steps say what is meant */
	if (l->has_master && l->has_netns)
		return p_fail(p, "master %s: cannot be combined with netns (move "
		              "the interface first, then set its master there)",
		              l->master);
	if (l->has_master && !strcmp(l->master, l->name))
		return p_fail(p, "master %s: an interface cannot be its own "
		              "master", l->master);
	return 0;
}

/* ---- link del, link show ------------------------------------------------- */

int parse_link_del(struct parser *p)
{
	if (p_dev_name(p, p->c->u.link.name, true))
		return -1;
	return p_more(p) ? p_unexpected(p) : 0;
}

int parse_link_show(struct parser *p)
{
	if (p_dev_name(p, p->c->u.link.name, false))
		return -1;
	return p_more(p) ? p_unexpected(p) : 0;
}

/* ---- canonical text ------------------------------------------------------ */

void canon_link_add(const struct cmd *c, struct canon *o)
{
	const struct cmd_link *l = &c->u.link;

	canon_ip_head(c, o);
	canon_word(o, "link");
	canon_word(o, "add");
	canon_dev(o, "name", l->name);
	canon_word(o, "type");
	canon_word(o, l->kind);
	if (!strcmp(l->kind, "veth")) {
		canon_word(o, "peer");
		canon_word(o, "name");
		canon_word(o, l->peer);
		if (l->peer_ns[0]) {
			canon_word(o, "netns");
			canon_word(o, l->peer_ns);
		}
	}
}

void canon_link_set(const struct cmd *c, struct canon *o)
{
	const struct cmd_link *l = &c->u.link;

	canon_ip_head(c, o);
	canon_word(o, "link");
	canon_word(o, "set");
	canon_dev(o, "dev", l->name);
	if (l->has_netns) {
		canon_word(o, "netns");
		canon_word(o, l->netns);
	}
	if (l->has_mtu) {
		canon_word(o, "mtu");
		canon_wordf(o, "%u", l->mtu);
	}
	if (l->has_mac) {
		canon_word(o, "address");
		canon_wordf(o, "%02x:%02x:%02x:%02x:%02x:%02x", l->mac[0],
		            l->mac[1], l->mac[2], l->mac[3], l->mac[4], l->mac[5]);
	}
	if (l->has_master) {
		canon_word(o, "master");
		canon_word(o, l->master);
	}
	if (l->nomaster)
		canon_word(o, "nomaster");
	if (l->up == 1)
		canon_word(o, "up");
	else if (l->up == 0)
		canon_word(o, "down");
}

/* link del DEV, link show [DEV] */
void canon_link_dev(const struct cmd *c, struct canon *o)
{
	canon_ip_head(c, o);
	canon_word(o, "link");
	canon_word(o, c->verb == CMD_LINK_DEL ? "del" : "show");
	if (c->u.link.name[0])
		canon_dev(o, "dev", c->u.link.name);
}
