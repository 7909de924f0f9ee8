/* SPDX-License-Identifier: GPL-2.0-or-later */
/* parse_link.c - link add|set|del|show: parse and canonical text. */
#include "cmd/parse_int.h"

#include <stdio.h>
#include <string.h>

#define LINK_SET_HINT "expected up, down, netns NS, mtu N, address MAC, " \
                      "master BRIDGE, nomaster, name NEW, alias TEXT, " \
                      "txqueuelen N, promisc on|off, arp on|off or " \
                      "type bridge|bridge_slave OPTIONS"
#define LINK_TYPES "nsviz creates veth, bridge, vlan, macvlan, ipvlan, " \
                   "dummy and vxlan links"
#define LINK_KINDS "veth, bridge, vlan, macvlan, ipvlan, dummy or vxlan"
#define LINK_ADD_FORMS "link add NAME type veth peer name PEER, " \
                       "link add NAME type bridge|dummy, " \
                       "link add link DEV name NAME type vlan|macvlan|ipvlan " \
                       "..., or link add NAME type vxlan id N ..."

void link_init(struct cmd *c)
{
	struct cmd_link *l = &c->u.link;

	memset(l, 0, sizeof *l);
	l->up = -1;
	l->vlan_id = l->ipvlan_mode = l->ipvlan_flags = -1;
	l->vx_ttl = l->vx_dstport = -1;
	l->txqlen = l->promisc = l->arp = -1;
}

/* Settings of the new link itself that nsviz leaves to `link set`. */
static bool later_setting(const char *w)
{
	return !strcmp(w, "up") || !strcmp(w, "down") || !strcmp(w, "mtu") ||
	       !strcmp(w, "netns") || kw_abbrev(w, "address", 4) ||
	       !strcmp(w, "txqueuelen") || !strcmp(w, "qlen") ||
	       !strcmp(w, "txqlen") || !strcmp(w, "alias") ||
	       !strcmp(w, "promisc") || !strcmp(w, "arp") ||
	       !strcmp(w, "master") || !strcmp(w, "nomaster");
}

/* ---- link add ------------------------------------------------------------ */

/* A word after `link add NAME type bridge` that is no bridge option */
static int bridge_add_other(struct parser *p, const char *w)
{
	if (later_setting(w))
		return p_bad(p, w, "not supported in link add; set it afterwards "
		             "with link set");
	if (!strcmp(w, "peer"))
		return p_bad(p, w, "a bridge has no peer (only a veth pair has "
		             "one)");
	p->i--;
	return p_bropts(p, &p->c->u.link.bropts, false, NULL);
}

/* After `link add NAME type bridge`: its options (parse_bridge.c) */
static int parse_bridge_rest(struct parser *p)
{
	return p_bropts(p, &p->c->u.link.bropts, false, bridge_add_other);
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

/* kinds that sit on top of another link (link DEV) */
static bool on_top(const char *kind)
{
	return !strcmp(kind, "vlan") || !strcmp(kind, "macvlan") ||
	       !strcmp(kind, "ipvlan");
}

int parse_link_add(struct parser *p)
{
	struct cmd_link *l = &p->c->u.link;
	const char *w, *v;
	bool have_name = false;

	for (;;) {
		if (!p_more(p))
			return p_missing(p, have_name
			                 ? "type KIND (" LINK_ADD_FORMS ")"
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
			if (!(v = p_value(p, "link type (" LINK_KINDS ")")))
				return -1;
			if (strcmp(v, "bridge") && strcmp(v, "veth") &&
			    !link_kind_known(v))
				return p_bad(p, v, "link type not supported "
				             "(" LINK_TYPES ")");
			p_copy(l->kind, sizeof l->kind, v);
			if (l->link[0] && !on_top(v))
				return p_fail(p, "link %s: a %s does not sit on "
				              "another interface (link DEV is for "
				              "vlan, macvlan and ipvlan%s)", l->link, v,
				              !strcmp(v, "vxlan")
				              ? "; a vxlan takes dev NAME" : "");
			if (!l->link[0] && on_top(v))
				return p_missing(p, "link DEV (a vlan, macvlan or "
				                 "ipvlan sits on another interface: "
				                 "link add link DEV name NAME type ...)");
			if (!strcmp(v, "bridge"))
				return parse_bridge_rest(p);
			if (!strcmp(v, "veth"))
				return parse_veth_rest(p);
			return parse_link_kind_rest(p);
		} else if (later_setting(w)) {
			return p_bad(p, w, "not supported in link add; set it "
			             "afterwards with link set");
		} else if (!strcmp(w, "link") && p_more(p)) {
			/* iproute2's link add link DEV name NAME type vlan|... */
			if (l->link[0])
				return p_twice(p, w);
			if (!(v = p_value(p, "lower device")) ||
			    p_take_ifname(p, v, l->link))
				return -1;
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
	struct cmd_link *l = &p->c->u.link;

	(void)kw;
	if (p_take_ifname(p, v, l->newname) ||
	    p_check_new_name(p, v, "interface"))
		return -1;
	/* the kernel reads "%d" in a name as "pick a number" */
	if (strchr(v, '%'))
		return p_bad(p, v, "interface names must not contain '%%' (the "
		             "kernel would replace %%d by a number)");
	l->has_newname = true;
	return 0;
}

/* ip: "alias too long" at IFALIASZ (256) */
static int take_alias(struct parser *p, const char *kw, const char *v)
{
	struct cmd_link *l = &p->c->u.link;

	(void)kw;
	if (strlen(v) >= sizeof l->alias)
		return p_bad(p, v, "alias too long (at most %zu bytes)",
		             sizeof l->alias - 1);
	if (p_check_new_name(p, v, "alias"))
		return -1;
	p_copy(l->alias, sizeof l->alias, v);
	l->has_alias = true;
	return 0;
}

static int take_txqlen(struct parser *p, const char *kw, const char *v)
{
	unsigned long long n;

	/* ip reads an int: 0..2147483647 */
	if (!p_u64(v, 2147483647ULL, &n))
		return p_bad(p, v, "%s must be a number 0..2147483647", kw);
	p->c->u.link.txqlen = (int32_t)n;
	return 0;
}

static int on_off(struct parser *p, const char *kw, const char *v, int *out)
{
	if (!strcmp(v, "on"))
		*out = 1;
	else if (!strcmp(v, "off"))
		*out = 0;
	else
		return p_bad(p, v, "%s takes on or off", kw);
	return 0;
}

static int take_promisc(struct parser *p, const char *kw, const char *v)
{
	return on_off(p, kw, v, &p->c->u.link.promisc);
}

static int take_arp(struct parser *p, const char *kw, const char *v)
{
	return on_off(p, kw, v, &p->c->u.link.arp);
}

/* type bridge OPTS | type bridge_slave OPTS: the rest of the line */
static int take_type(struct parser *p, const char *kw, const char *v)
{
	struct cmd_link *l = &p->c->u.link;

	(void)kw;
	if (strcmp(v, "bridge") && strcmp(v, "bridge_slave"))
		return p_bad(p, v, "link type not supported by link set (nsviz "
		             "sets the options of type bridge and type "
		             "bridge_slave)");
	l->has_bropts = true;
	return p_bropts(p, &l->bropts, !strcmp(v, "bridge_slave"), NULL);
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
	{ "name", 0, 8, "new interface name", take_rename },
	{ "alias", 0, 9, "alias text", take_alias },
	{ "txqueuelen", 0, 10, "queue length", take_txqlen },
	{ "qlen", 0, 10, "queue length", take_txqlen },
	{ "txqlen", 0, 10, "queue length", take_txqlen },
	{ "promisc", 0, 11, "on or off", take_promisc },
	{ "arp", 0, 12, "on or off", take_arp },
	{ "type", 0, 13, "link type (bridge or bridge_slave)", take_type },
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
	    !l->has_master && !l->nomaster && !l->has_newname &&
	    !l->has_alias && l->txqlen < 0 && l->promisc < 0 && l->arp < 0 &&
	    !l->has_bropts)
		return p_fail(p, "%s: nothing to change (" LINK_SET_HINT ")",
		              p_ctx(p));
	/* the kernel would look the bridge up in the namespace the link
	 * moves to: two steps say what is meant */
	if (l->has_master && l->has_netns)
		return p_fail(p, "master %s: cannot be combined with netns (move "
		              "the interface first, then set its master there)",
		              l->master);
	if (l->has_bropts && l->has_netns)
		return p_fail(p, "type: cannot be combined with netns (move the "
		              "interface first, then set its options there)");
	if (l->has_bropts && (l->has_newname || l->has_alias ||
	                      l->txqlen >= 0 || l->promisc >= 0 || l->arp >= 0))
		return p_fail(p, "type: cannot be combined with name, alias, "
		              "txqueuelen, promisc or arp (set those with a link "
		              "set of their own)");
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

/* link show [[dev] NAME] [up] [type KIND] */
static int take_show_dev(struct parser *p, const char *kw, const char *v)
{
	return take_dev(p, kw, v);
}

static int take_show_up(struct parser *p, const char *kw, const char *v)
{
	(void)kw;
	(void)v;
	p->c->u.link.show_up = true;
	return 0;
}

static int take_show_type(struct parser *p, const char *kw, const char *v)
{
	(void)kw;
	if (strlen(v) >= sizeof p->c->u.link.show_type ||
	    p_check_new_name(p, v, "link type"))
		return strlen(v) >= sizeof p->c->u.link.show_type
		       ? p_bad(p, v, "not a link type") : -1;
	if (strspn(v, "abcdefghijklmnopqrstuvwxyz0123456789_-") != strlen(v))
		return p_bad(p, v, "not a link type (lowercase letters, digits, "
		             "'_' and '-')");
	p_copy(p->c->u.link.show_type, sizeof p->c->u.link.show_type, v);
	return 0;
}

static int show_positional(struct parser *p, const char *w)
{
	if (p->c->u.link.name[0]) {
		p->i--;
		return p_unexpected(p);
	}
	return p_take_ifname(p, w, p->c->u.link.name);
}

static const struct cmd_option show_options[] = {
	{ "dev", 0, 0, "interface name", take_show_dev },
	{ "up", 0, 1, NULL, take_show_up },
	{ "type", 0, 2, "link type", take_show_type },
	{ NULL, 0, 0, NULL, NULL }
};

int parse_link_show(struct parser *p)
{
	return p_options(p, show_options, show_positional);
}

/* ---- canonical text ------------------------------------------------------ */

void canon_link_add(const struct cmd *c, struct canon *o)
{
	const struct cmd_link *l = &c->u.link;

	canon_ip_head(c, o);
	canon_word(o, "link");
	canon_word(o, "add");
	if (l->link[0]) {
		/* ip's own spelling: link add link veth0 name veth0.10 ... */
		canon_word(o, "link");
		canon_word(o, l->link);
		canon_word(o, "name");
		canon_word(o, l->name);
	} else {
		canon_dev(o, "name", l->name);
	}
	if (!strcmp(l->kind, "bridge")) {
		canon_bropts(o, &l->bropts);
		return;
	}
	canon_word(o, "type");
	canon_word(o, l->kind);
	canon_link_kind_opts(c, o);
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
	if (l->txqlen >= 0) {
		canon_word(o, "txqueuelen");
		canon_wordf(o, "%d", (int)l->txqlen);
	}
	if (l->has_alias) {
		canon_word(o, "alias");
		canon_word(o, l->alias);
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
	if (l->promisc >= 0) {
		canon_word(o, "promisc");
		canon_word(o, l->promisc ? "on" : "off");
	}
	if (l->arp >= 0) {
		canon_word(o, "arp");
		canon_word(o, l->arp ? "on" : "off");
	}
	if (l->has_newname) {
		canon_word(o, "name");
		canon_word(o, l->newname);
	}
	if (l->has_bropts)
		canon_bropts(o, &l->bropts);   /* last: ip reads the rest as its */
}

/* link del DEV, link show [DEV] [up] [type KIND] */
void canon_link_dev(const struct cmd *c, struct canon *o)
{
	canon_ip_head(c, o);
	canon_word(o, "link");
	canon_word(o, c->verb == CMD_LINK_DEL ? "del" : "show");
	if (c->u.link.name[0])
		canon_dev(o, "dev", c->u.link.name);
	if (c->verb != CMD_LINK_SHOW)
		return;
	if (c->u.link.show_up)
		canon_word(o, "up");
	if (c->u.link.show_type[0]) {
		canon_word(o, "type");
		canon_word(o, c->u.link.show_type);
	}
}
