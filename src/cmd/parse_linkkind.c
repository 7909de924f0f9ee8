/* SPDX-License-Identifier: GPL-2.0-or-later */
/* parse_linkkind.c - the options after `link add ... type KIND` for the
 * kinds vlan, macvlan, ipvlan, dummy and vxlan (parse_link.c reads the
 * rest of link add), and their canonical text.
 *
 * Keywords, abbreviations and checks are iproute2 6.1's (ip/iplink_vlan.c,
 * iplink_macvlan.c, iplink_ipvlan.c, iplink_vxlan.c), said as nsviz says
 * things: the word first, then why.  The canonical text lists options in
 * one fixed order, for which kernel/linkkind.c sends the request ip sends
 * for that text. */
#include "cmd/parse_int.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <linux/if_link.h>

bool link_kind_known(const char *kind)
{
	return !strcmp(kind, "vlan") || !strcmp(kind, "macvlan") ||
	       !strcmp(kind, "ipvlan") || !strcmp(kind, "dummy") ||
	       !strcmp(kind, "vxlan");
}

/* ---- vlan [protocol 802.1Q|802.1ad] id N --------------------------------- */

static int vlan_proto(struct parser *p, const char *kw, const char *v)
{
	(void)kw;
	/* ll_proto_a2n compares without case */
	if (!strcasecmp(v, "802.1Q"))
		p->c->u.link.vlan_proto = 0x8100;
	else if (!strcasecmp(v, "802.1ad"))
		p->c->u.link.vlan_proto = 0x88a8;
	else
		return p_bad(p, v, "not a VLAN protocol (802.1Q or 802.1ad)");
	return 0;
}

static int vlan_id(struct parser *p, const char *kw, const char *v)
{
	unsigned long long n;

	(void)kw;
	if (!p_u64(v, 4094, &n))
		return p_bad(p, v, "VLAN id must be a number 0..4094");
	p->c->u.link.vlan_id = (int)n;
	return 0;
}

static const struct cmd_option vlan_options[] = {
	{ "protocol", 1, 0, "VLAN protocol (802.1Q or 802.1ad)", vlan_proto },
	{ "id", 1, 1, "VLAN id", vlan_id },
	{ NULL, 0, 0, NULL, NULL }
};

/* ---- macvlan [mode private|vepa|bridge|passthru|source] -------------------- */

static int macvlan_mode(struct parser *p, const char *kw, const char *v)
{
	static const struct { const char *w; uint32_t mode; } m[] = {
		{ "private", MACVLAN_MODE_PRIVATE }, { "vepa", MACVLAN_MODE_VEPA },
		{ "bridge", MACVLAN_MODE_BRIDGE },
		{ "passthru", MACVLAN_MODE_PASSTHRU },
		{ "source", MACVLAN_MODE_SOURCE },
	};

	(void)kw;
	for (size_t i = 0; i < sizeof m / sizeof m[0]; i++)
		if (!strcmp(v, m[i].w)) {
			p->c->u.link.macvlan_mode = m[i].mode;
			return 0;
		}
	return p_bad(p, v, "not a macvlan mode (private, vepa, bridge, "
	             "passthru or source)");
}

static const struct cmd_option macvlan_options[] = {
	{ "mode", 1, 0, "macvlan mode", macvlan_mode },
	{ NULL, 0, 0, NULL, NULL }
};

/* ---- ipvlan [mode l2|l3|l3s] [bridge|private|vepa] ------------------------- */

static int ipvlan_mode(struct parser *p, const char *kw, const char *v)
{
	struct cmd_link *l = &p->c->u.link;

	(void)kw;
	if (!strcmp(v, "l2"))
		l->ipvlan_mode = IPVLAN_MODE_L2;
	else if (!strcmp(v, "l3"))
		l->ipvlan_mode = IPVLAN_MODE_L3;
	else if (!strcmp(v, "l3s"))
		l->ipvlan_mode = IPVLAN_MODE_L3S;
	else
		return p_bad(p, v, "not an ipvlan mode (l2, l3 or l3s)");
	return 0;
}

/* the three share a slot: one of them, once (ip takes the first) */
static int ipvlan_flag(struct parser *p, const char *kw, const char *v)
{
	(void)v;
	p->c->u.link.ipvlan_flags = kw_matches(kw, "private") ? IPVLAN_F_PRIVATE
	                          : kw_matches(kw, "vepa") ? IPVLAN_F_VEPA : 0;
	return 0;
}

static const struct cmd_option ipvlan_options[] = {
	{ "mode", 1, 0, "ipvlan mode (l2, l3 or l3s)", ipvlan_mode },
	{ "private", 1, 1, NULL, ipvlan_flag },
	{ "vepa", 1, 1, NULL, ipvlan_flag },
	{ "bridge", 1, 1, NULL, ipvlan_flag },
	{ NULL, 0, 0, NULL, NULL }
};

/* ---- vxlan id N [remote|group ADDR] [local ADDR] [dev NAME] [ttl N|auto]
 *      [dstport P] -------------------------------------------------------- */

static int vx_id(struct parser *p, const char *kw, const char *v)
{
	unsigned long long n;

	(void)kw;
	if (!p_u64(v, (1u << 24) - 1, &n))
		return p_bad(p, v, "VXLAN id must be a number 0..16777215");
	p->c->u.link.has_vni = true;
	p->c->u.link.vni = (uint32_t)n;
	return 0;
}

static bool multicast(const struct w_ip *ip)
{
	return ip->family == AF_INET ? (ip->a[0] & 0xf0) == 0xe0
	                             : ip->a[0] == 0xff;
}

/* remote or group: one far end */
static int vx_remote(struct parser *p, const char *kw, const char *v)
{
	struct cmd_link *l = &p->c->u.link;
	bool group = kw_matches(kw, "group");

	if (l->vx_remote.family)
		return p_bad(p, kw, "both group and remote given (a vxlan has "
		             "one: remote ADDR for a peer, group ADDR for "
		             "multicast)");
	if (p_ip(p, v, &l->vx_remote, l->vx_local.family))
		return -1;
	if (group && !multicast(&l->vx_remote))
		return p_bad(p, v, "a group is a multicast address (a single "
		             "peer is remote ADDR)");
	if (!group && multicast(&l->vx_remote))
		return p_bad(p, v, "a remote is a unicast address (a multicast "
		             "one is group ADDR)");
	l->vx_group = group;
	return 0;
}

static int vx_local(struct parser *p, const char *kw, const char *v)
{
	struct cmd_link *l = &p->c->u.link;

	(void)kw;
	if (p_ip(p, v, &l->vx_local, l->vx_remote.family))
		return -1;
	if (multicast(&l->vx_local))
		return p_bad(p, v, "the local address cannot be multicast");
	return 0;
}

static int vx_dev(struct parser *p, const char *kw, const char *v)
{
	(void)kw;
	return p_take_ifname(p, v, p->c->u.link.vx_dev);
}

static int vx_ttl(struct parser *p, const char *kw, const char *v)
{
	unsigned long long n;

	if (!strcmp(v, "auto")) {
		p->c->u.link.vx_ttl = 0;
		return 0;
	}
	if (!p_u64(v, 255, &n))
		return p_bad(p, v, "%s must be a number 0..255 or auto", kw);
	p->c->u.link.vx_ttl = (int)n;
	return 0;
}

static int vx_dstport(struct parser *p, const char *kw, const char *v)
{
	unsigned long long n;

	(void)kw;
	if (!p_u64(v, 65535, &n))
		return p_bad(p, v, "dstport must be a port number 0..65535");
	p->c->u.link.vx_dstport = (int)n;
	return 0;
}

/* iproute2's order decides abbreviations: "d" is dev, "ds" dstport */
static const struct cmd_option vxlan_options[] = {
	{ "id", 1, 0, "VXLAN id", vx_id },
	{ "vni", 1, 0, "VXLAN id", vx_id },
	{ "group", 1, 1, "multicast group address", vx_remote },
	{ "remote", 1, 6, "remote address", vx_remote },
	{ "local", 1, 2, "local address", vx_local },
	{ "dev", 1, 3, "interface name", vx_dev },
	{ "ttl", 1, 4, "ttl (0..255 or auto)", vx_ttl },
	{ "hoplimit", 1, 4, "hop limit (0..255 or auto)", vx_ttl },
	{ "dstport", 2, 5, "destination port", vx_dstport },
	{ NULL, 0, 0, NULL, NULL }
};

static int kind_positional(struct parser *p, const char *w)
{
	const char *kind = p->c->u.link.kind;

	if (!strcmp(w, "up") || !strcmp(w, "mtu") || !strcmp(w, "master"))
		return p_bad(p, w, "not supported in link add; set it afterwards "
		             "with link set");
	if (!strcmp(kind, "dummy"))
		return p_bad(p, w, "a dummy takes no options");
	return p_bad(p, w, "%s option not supported by nsviz (%s)", kind,
	             !strcmp(kind, "vlan") ? "id N, protocol 802.1Q|802.1ad"
	             : !strcmp(kind, "macvlan") ? "mode private|vepa|bridge|"
	                                          "passthru|source"
	             : !strcmp(kind, "ipvlan") ? "mode l2|l3|l3s, bridge|private|"
	                                         "vepa"
	             : "id N, remote ADDR, group ADDR, local ADDR, dev NAME, "
	               "ttl N, dstport P");
}

int parse_link_kind_rest(struct parser *p)
{
	struct cmd_link *l = &p->c->u.link;
	const struct cmd_option *t = NULL;

	if (!strcmp(l->kind, "vlan"))
		t = vlan_options;
	else if (!strcmp(l->kind, "macvlan"))
		t = macvlan_options;
	else if (!strcmp(l->kind, "ipvlan"))
		t = ipvlan_options;
	else if (!strcmp(l->kind, "vxlan"))
		t = vxlan_options;
	l->kind_opts = p_more(p);
	if (!t) {
		if (p_more(p))
			return kind_positional(p, p_next(p));
		return 0;
	}
	if (p_options(p, t, kind_positional))
		return -1;
	if (!strcmp(l->kind, "vlan") && l->vlan_id < 0)
		return p_missing(p, "VLAN id (type vlan id N)");
	if (!strcmp(l->kind, "vxlan")) {
		if (!l->has_vni)
			return p_missing(p, "VXLAN id (type vxlan id N)");
		if (l->vx_group && !l->vx_dev[0])
			return p_fail(p, "group: a multicast group needs dev NAME "
			              "(the interface to send it on)");
	}
	return 0;
}

/* ---- canonical text: one order, ip's words -------------------------------- */

void canon_link_kind_opts(const struct cmd *c, struct canon *o)
{
	const struct cmd_link *l = &c->u.link;

	if (!strcmp(l->kind, "vlan")) {
		canon_word(o, "id");
		canon_wordf(o, "%d", l->vlan_id);
		if (l->vlan_proto) {
			canon_word(o, "protocol");
			canon_word(o, l->vlan_proto == 0x88a8 ? "802.1ad" : "802.1Q");
		}
	} else if (!strcmp(l->kind, "macvlan") && l->macvlan_mode) {
		canon_word(o, "mode");
		canon_word(o, l->macvlan_mode == MACVLAN_MODE_PRIVATE ? "private"
		           : l->macvlan_mode == MACVLAN_MODE_VEPA ? "vepa"
		           : l->macvlan_mode == MACVLAN_MODE_BRIDGE ? "bridge"
		           : l->macvlan_mode == MACVLAN_MODE_PASSTHRU ? "passthru"
		           : "source");
	} else if (!strcmp(l->kind, "ipvlan")) {
		if (l->ipvlan_mode >= 0) {
			canon_word(o, "mode");
			canon_word(o, l->ipvlan_mode == IPVLAN_MODE_L2 ? "l2"
			           : l->ipvlan_mode == IPVLAN_MODE_L3 ? "l3" : "l3s");
		}
		if (l->ipvlan_flags >= 0)
			canon_word(o, l->ipvlan_flags == IPVLAN_F_PRIVATE ? "private"
			           : l->ipvlan_flags == IPVLAN_F_VEPA ? "vepa"
			           : "bridge");
	} else if (!strcmp(l->kind, "vxlan")) {
		canon_word(o, "id");
		canon_wordf(o, "%u", l->vni);
		if (l->vx_remote.family) {
			canon_word(o, l->vx_group ? "group" : "remote");
			canon_ip(o, &l->vx_remote);
		}
		if (l->vx_local.family) {
			canon_word(o, "local");
			canon_ip(o, &l->vx_local);
		}
		if (l->vx_dev[0]) {
			canon_word(o, "dev");
			canon_word(o, l->vx_dev);
		}
		if (l->vx_ttl >= 0) {
			canon_word(o, "ttl");
			if (l->vx_ttl)
				canon_wordf(o, "%d", l->vx_ttl);
			else
				canon_word(o, "auto");
		}
		if (l->vx_dstport >= 0) {
			canon_word(o, "dstport");
			canon_wordf(o, "%d", l->vx_dstport);
		}
	}
}
