/* SPDX-License-Identifier: GPL-2.0-or-later */
/* parse_bridge.c - the bridge command (bridge(8) from iproute2: `bridge
 * vlan add|del|show`, `bridge fdb show`, `bridge link show`) and the
 * options of `ip link add|set ... type bridge` and `type bridge_slave`:
 * parse and canonical text.
 *
 * Where bridge(8) ignores a word it does not know, nsviz names it and
 * refuses the command; abbreviations follow ip's and bridge's own
 * (options before the object and `type bridge` options by matches(),
 * in iproute2's order; `bridge vlan add` words exactly, as bridge reads
 * them). */
#include "cmd/parse_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/sbuf.h"

#define BR_OPTS_HINT "forward_delay, hello_time, max_age, ageing_time, " \
                     "stp_state, priority, vlan_filtering, vlan_protocol, " \
                     "vlan_default_pvid or mcast_snooping"
#define BRPORT_OPTS_HINT "state, priority, cost, hairpin, learning, " \
                         "flood or isolated"

void bridge_init(struct cmd *c)
{
	memset(&c->u.bridge, 0, sizeof c->u.bridge);
}

/* ---- bridge [OPTIONS] OBJECT --------------------------------------------- */

/* bridge(8)'s options, in its order of matching */
static const struct tool_opt bridge_opts[] = {
	{ "-help", TOOL_OPT_HELP }, { "-Version", TOOL_OPT_HELP },
	{ "-stats", TOOL_OPT_STATS }, { "-statistics", TOOL_OPT_STATS },
	{ "-details", TOOL_OPT_DETAILS }, { "-oneline", TOOL_OPT_UNSUPPORTED },
	{ "-timestamp", TOOL_OPT_UNSUPPORTED },
	{ "-family", TOOL_OPT_UNSUPPORTED }, { "-netns", TOOL_OPT_NETNS },
	{ "-compressvlans", TOOL_OPT_UNSUPPORTED },
	{ "-force", TOOL_OPT_UNSUPPORTED },
	{ "-json", TOOL_OPT_JSON }, { "-pretty", TOOL_OPT_PRETTY },
	{ "-batch", TOOL_OPT_UNSUPPORTED },
	{ "-color", TOOL_OPT_UNSUPPORTED }, { "-colour", TOOL_OPT_UNSUPPORTED },
	{ NULL, TOOL_OPT_UNKNOWN }
};

int p_bridge_words(struct parser *p)
{
	struct cmd *c = p->c;

	p->tool = CMD_TOOL_BRIDGE;
	/* ip's options given before the word bridge mean nothing to it */
	if (c->family || c->opts.brief || c->opts.oneline || c->all)
		return p_fail(p, "%s: not an option of the bridge command "
		              "(expected -n NS, -s, -d, -j or -p)",
		              c->family ? p_family_opt(c->family) :
		              c->opts.brief ? "-br" : c->opts.oneline ? "-o" : "-all");
	return p_tool_options(p, bridge_opts, "bridge",
	                      "-n NS, -s, -d, -j or -p");
}

/* ---- bridge vlan add|del ----------------------------------------------- */

/* "10" or "10-20": 1..4094, a range's first below its last */
static int take_vid(struct parser *p, const char *w)
{
	struct cmd_bridge *b = &p->c->u.bridge;
	char first[16];
	const char *dash = strchr(w, '-');
	unsigned long long a, z = 0;
	size_t n = dash ? (size_t)(dash - w) : strlen(w);

	if (n >= sizeof first)
		n = sizeof first - 1;
	memcpy(first, w, n);
	first[n] = '\0';
	if (!p_u64(first, 4094, &a) || a == 0 ||
	    (dash && (!p_u64(dash + 1, 4094, &z) || z == 0)))
		return p_bad(p, w, "not a VLAN ID (expected 1..4094, or a range "
		             "like 10-20)");
	if (dash && a >= z)
		return p_bad(p, w, "not a VLAN range (the first VLAN ID must be "
		             "below the last)");
	b->vid = (unsigned)a;
	b->vid_end = (unsigned)z;
	return 0;
}

int parse_bridge_vlan_change(struct parser *p)
{
	struct cmd_bridge *b = &p->c->u.bridge;
	bool have_dev = false, have_vid = false;

	while (p_more(p)) {
		const char *w = p_next(p), *v;
		bool *flag = NULL;

		if (!strcmp(w, "dev")) {
			if (have_dev)
				return p_twice(p, w);
			if (!(v = p_value(p, "interface name")) ||
			    p_take_ifname(p, v, b->dev))
				return -1;
			have_dev = true;
		} else if (!strcmp(w, "vid")) {
			if (have_vid)
				return p_twice(p, w);
			if (!(v = p_value(p, "VLAN ID")) || take_vid(p, v))
				return -1;
			have_vid = true;
		} else if (!strcmp(w, "pvid")) {
			flag = &b->pvid;
		} else if (!strcmp(w, "untagged")) {
			flag = &b->untagged;
		} else if (!strcmp(w, "self")) {
			flag = &b->self;
		} else if (!strcmp(w, "master")) {
			flag = &b->master;
		} else if (!strcmp(w, "tunnel_info")) {
			return p_bad(p, w, "VLAN tunnels are not supported by nsviz");
		} else {
			p->i--;
			return p_bad(p, w, "unknown bridge vlan argument (expected "
			             "dev NAME, vid VID, pvid, untagged, self or "
			             "master)");
		}
		if (flag) {
			if (*flag)
				return p_twice(p, w);
			*flag = true;
		}
	}
	if (!have_dev || !have_vid)
		return p_missing(p, !have_dev ? "dev NAME (the bridge port or "
		                 "bridge the VLAN is for)" : "vid VID");
	if (b->pvid && b->vid_end)
		return p_fail(p, "pvid: cannot be set for a VLAN range (%u-%u)",
		              b->vid, b->vid_end);
	return 0;
}

/* ---- bridge vlan|fdb|link show ------------------------------------------- */

int parse_bridge_show(struct parser *p)
{
	struct cmd *c = p->c;
	struct cmd_bridge *b = &c->u.bridge;
	bool fdb = c->verb == CMD_BRIDGE_FDB_SHOW;

	if (c->verb == CMD_BRIDGE_VLAN_SHOW && c->opts.details)
		return p_fail(p, "-d: bridge -d vlan show is not supported by "
		              "nsviz");
	if (c->verb == CMD_BRIDGE_VLAN_SHOW && c->opts.stats)
		return p_fail(p, "-s: bridge -s vlan show is not supported by "
		              "nsviz");
	while (p_more(p)) {
		const char *w = p_next(p), *v;

		if (!strcmp(w, "dev") || (fdb && !strcmp(w, "brport"))) {
			if (b->dev[0])
				return p_twice(p, w);
			if (!(v = p_value(p, "interface name")) ||
			    p_take_ifname(p, v, b->dev))
				return -1;
		} else if (fdb && !strcmp(w, "br")) {
			if (b->br[0])
				return p_twice(p, w);
			if (!(v = p_value(p, "bridge name")) ||
			    p_take_ifname(p, v, b->br))
				return -1;
		} else if ((fdb && (!strcmp(w, "vlan") || !strcmp(w, "state") ||
		                    !strcmp(w, "dynamic"))) ||
		           (c->verb == CMD_BRIDGE_VLAN_SHOW && !strcmp(w, "vid"))) {
			return p_bad(p, w, "filter not supported by nsviz (expected "
			             "dev NAME%s)", fdb ? " or br BRIDGE" : "");
		} else {
			p->i--;
			return p_bad(p, w, "unknown argument after %s (expected dev "
			             "NAME%s)", p_ctx(p), fdb ? " or br BRIDGE" : "");
		}
	}
	return 0;
}

/* ---- canonical text ------------------------------------------------------ */

static void canon_bridge_head(const struct cmd *c, struct canon *o)
{
	canon_word(o, "bridge");
	if (o->show_ns && c->ns[0]) {
		canon_word(o, "-n");
		canon_word(o, c->ns);
	}
	for (int i = 0; i < c->opts.stats; i++)
		canon_word(o, "-s");
	if (c->opts.details)
		canon_word(o, "-d");
	if (c->opts.json)
		canon_word(o, "-j");
	if (c->opts.pretty)
		canon_word(o, "-p");
}

void canon_bridge(const struct cmd *c, struct canon *o)
{
	const struct cmd_entry *e = cmd_verb_entry(c->verb);
	const struct cmd_bridge *b = &c->u.bridge;

	canon_bridge_head(c, o);
	canon_word(o, e->object + strlen("bridge "));
	canon_word(o, e->say);
	if (b->dev[0]) {
		canon_word(o, "dev");
		canon_word(o, b->dev);
	}
	if (b->br[0]) {
		canon_word(o, "br");
		canon_word(o, b->br);
	}
	if (b->vid) {
		canon_word(o, "vid");
		if (b->vid_end)
			canon_wordf(o, "%u-%u", b->vid, b->vid_end);
		else
			canon_wordf(o, "%u", b->vid);
	}
	if (b->pvid)
		canon_word(o, "pvid");
	if (b->untagged)
		canon_word(o, "untagged");
	if (b->self)
		canon_word(o, "self");
	if (b->master)
		canon_word(o, "master");
}

/* ---- ip link add|set ... type bridge|bridge_slave OPTIONS ---------------- */

/* Every option word ip 6.1 knows, in its order (ip/iplink_bridge.c,
 * ip/iplink_bridge_slave.c), so that an abbreviation means what it
 * means to ip; key W_BROPT_COUNT: one nsviz does not support. */
struct bropt_word {
	const char *kw;
	bool exact;             /* ip compares it whole (strcmp) */
	enum w_bropt key;
};

#define UNSUP W_BROPT_COUNT
static const struct bropt_word bridge_words[] = {
	{ "forward_delay", false, W_BR_FORWARD_DELAY },
	{ "hello_time", false, W_BR_HELLO_TIME },
	{ "max_age", false, W_BR_MAX_AGE },
	{ "ageing_time", false, W_BR_AGEING_TIME },
	{ "stp_state", false, W_BR_STP_STATE },
	{ "priority", false, W_BR_PRIORITY },
	{ "vlan_filtering", false, W_BR_VLAN_FILTERING },
	{ "vlan_protocol", false, W_BR_VLAN_PROTOCOL },
	{ "group_fwd_mask", false, UNSUP }, { "group_address", false, UNSUP },
	{ "no_linklocal_learn", true, UNSUP }, { "fdb_flush", false, UNSUP },
	{ "vlan_default_pvid", false, W_BR_VLAN_DEFAULT_PVID },
	{ "vlan_stats_enabled", false, UNSUP },
	{ "vlan_stats_per_port", false, UNSUP },
	{ "mcast_router", false, UNSUP },
	{ "mcast_snooping", false, W_BR_MCAST_SNOOPING },
	{ "mcast_vlan_snooping", true, UNSUP },
	{ "mcast_query_use_ifaddr", false, UNSUP },
	{ "mcast_querier", false, UNSUP },
	{ "mcast_hash_elasticity", false, UNSUP },
	{ "mcast_hash_max", false, UNSUP },
	{ "mcast_last_member_count", false, UNSUP },
	{ "mcast_startup_query_count", false, UNSUP },
	{ "mcast_last_member_interval", false, UNSUP },
	{ "mcast_membership_interval", false, UNSUP },
	{ "mcast_querier_interval", false, UNSUP },
	{ "mcast_query_interval", false, UNSUP },
	{ "mcast_query_response_interval", false, UNSUP },
	{ "mcast_startup_query_interval", false, UNSUP },
	{ "mcast_stats_enabled", false, UNSUP },
	{ "mcast_igmp_version", false, UNSUP },
	{ "mcast_mld_version", false, UNSUP },
	{ "nf_call_iptables", false, UNSUP },
	{ "nf_call_ip6tables", false, UNSUP },
	{ "nf_call_arptables", false, UNSUP },
	{ NULL, false, UNSUP }
};

static const struct bropt_word slave_words[] = {
	{ "fdb_flush", false, UNSUP },
	{ "state", false, W_BRPORT_STATE },
	{ "priority", false, W_BRPORT_PRIORITY },
	{ "cost", false, W_BRPORT_COST },
	{ "hairpin", false, W_BRPORT_HAIRPIN },
	{ "guard", false, UNSUP }, { "root_block", false, UNSUP },
	{ "fastleave", false, UNSUP },
	{ "learning", false, W_BRPORT_LEARNING },
	{ "flood", false, W_BRPORT_FLOOD },
	{ "mcast_flood", false, UNSUP }, { "bcast_flood", false, UNSUP },
	{ "mcast_to_unicast", false, UNSUP }, { "proxy_arp", false, UNSUP },
	{ "proxy_arp_wifi", false, UNSUP }, { "mcast_router", false, UNSUP },
	{ "mcast_fast_leave", false, UNSUP },
	{ "neigh_suppress", false, UNSUP }, { "group_fwd_mask", false, UNSUP },
	{ "vlan_tunnel", false, UNSUP },
	{ "isolated", false, W_BRPORT_ISOLATED },
	{ "locked", false, UNSUP }, { "backup_port", false, UNSUP },
	{ "nobackup_port", false, UNSUP },
	{ NULL, false, UNSUP }
};

static const struct bropt_word *find_bropt(const char *w, bool slave)
{
	for (const struct bropt_word *b = slave ? slave_words : bridge_words;
	     b->kw; b++)
		if (b->exact ? !strcmp(w, b->kw) : kw_matches(w, b->kw))
			return b;
	return NULL;
}

static int take_bropt_value(struct parser *p, const char *kw, const char *v,
                            enum w_bropt key, uint32_t *out)
{
	const struct fmt_bropt *f = fmt_bropt_at(key);
	static const unsigned long long max[] = {
		[FMT_BROPT_U8] = 255, [FMT_BROPT_U16] = 65535,
		[FMT_BROPT_U32] = 4294967295ull,
	};
	unsigned long long n;

	switch (f->type) {
	case FMT_BROPT_ONOFF:
		if (strcmp(v, "on") && strcmp(v, "off"))
			return p_bad(p, v, "%s must be on or off", kw);
		*out = !strcmp(v, "on");
		return 0;
	case FMT_BROPT_PROTO:
		if (!strcasecmp(v, "802.1Q"))
			*out = 0x8100;
		else if (!strcasecmp(v, "802.1ad"))
			*out = 0x88a8;
		else
			return p_bad(p, v, "%s must be 802.1Q or 802.1ad", kw);
		return 0;
	default:
		if (!p_u64(v, max[f->type], &n))
			return p_bad(p, v, "%s must be a number (0..%llu)", kw,
			             max[f->type]);
		*out = (uint32_t)n;
		return 0;
	}
}

int p_bropts(struct parser *p, struct w_bropts *o, bool slave,
             int (*other)(struct parser *p, const char *w))
{
	o->slave = slave;
	while (p_more(p)) {
		const char *w = p_next(p), *v;
		const struct bropt_word *b = find_bropt(w, slave);
		const char *what = slave ? "bridge_slave" : "bridge";
		char vwhat[64];

		if (!b && other)
			return other(p, w);
		if (!b) {
			p->i--;
			return p_bad(p, w, "unknown %s option (nsviz sets %s)", what,
			             slave ? BRPORT_OPTS_HINT : BR_OPTS_HINT);
		}
		if (b->key == UNSUP) {
			if (strcmp(w, b->kw))
				return p_bad(p, w, "means %s, a %s option nsviz does "
				             "not support (nsviz sets %s)", b->kw, what,
				             slave ? BRPORT_OPTS_HINT : BR_OPTS_HINT);
			return p_bad(p, w, "%s option not supported by nsviz (nsviz "
			             "sets %s)", what,
			             slave ? BRPORT_OPTS_HINT : BR_OPTS_HINT);
		}
		if (o->n >= W_BROPTS_MAX)
			return p_bad(p, w, "too many %s options (at most %d)", what,
			             W_BROPTS_MAX);
		snprintf(vwhat, sizeof vwhat, "%s value", b->kw);
		if (!(v = p_value(p, vwhat)) ||
		    take_bropt_value(p, b->kw, v, b->key, &o->v[o->n].value))
			return -1;
		o->v[o->n].key = b->key;
		o->n++;
	}
	return 0;
}

void canon_bropts(struct canon *o, const struct w_bropts *b)
{
	char buf[16];

	canon_word(o, "type");
	canon_word(o, b->slave ? "bridge_slave" : "bridge");
	for (int i = 0; i < b->n && i < W_BROPTS_MAX; i++) {
		const struct fmt_bropt *f = fmt_bropt_at(b->v[i].key);

		if (!f)
			continue;
		canon_word(o, f->word);
		canon_word(o, fmt_bropt_value(b->v[i].key, b->v[i].value, buf,
		                              sizeof buf));
	}
}
