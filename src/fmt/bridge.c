/* SPDX-License-Identifier: GPL-2.0-or-later */
/* bridge.c - `bridge vlan show`, `bridge link show` and `bridge fdb show`
 * as bridge(8) from iproute2 6.1 prints them (text and -j, -p), from the
 * dumps kernel/bridge.c reads; and the names of `ip link ... type bridge`
 * and `type bridge_slave` options for the grammar.  Pure code.
 *
 * Names of links come from the namespace's links, as bridge(8) takes them
 * from the link cache it fills at start; an index it does not know is
 * "ifN". */
#include "fmt/fmt.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <net/if.h>
#include <arpa/inet.h>
#include <linux/if_bridge.h>
#include <linux/neighbour.h>

#include "util/esc.h"
#include "util/sbuf.h"

/* ---- option names -------------------------------------------------------- */

static const struct fmt_bropt bropts[W_BROPT_COUNT] = {
	[W_BR_FORWARD_DELAY] = { "forward_delay", W_BR_FORWARD_DELAY, false, FMT_BROPT_U32 },
	[W_BR_HELLO_TIME] = { "hello_time", W_BR_HELLO_TIME, false, FMT_BROPT_U32 },
	[W_BR_MAX_AGE] = { "max_age", W_BR_MAX_AGE, false, FMT_BROPT_U32 },
	[W_BR_AGEING_TIME] = { "ageing_time", W_BR_AGEING_TIME, false, FMT_BROPT_U32 },
	[W_BR_STP_STATE] = { "stp_state", W_BR_STP_STATE, false, FMT_BROPT_U32 },
	[W_BR_PRIORITY] = { "priority", W_BR_PRIORITY, false, FMT_BROPT_U16 },
	[W_BR_VLAN_FILTERING] = { "vlan_filtering", W_BR_VLAN_FILTERING, false, FMT_BROPT_U8 },
	[W_BR_VLAN_PROTOCOL] = { "vlan_protocol", W_BR_VLAN_PROTOCOL, false, FMT_BROPT_PROTO },
	[W_BR_VLAN_DEFAULT_PVID] = { "vlan_default_pvid", W_BR_VLAN_DEFAULT_PVID, false, FMT_BROPT_U16 },
	[W_BR_MCAST_SNOOPING] = { "mcast_snooping", W_BR_MCAST_SNOOPING, false, FMT_BROPT_U8 },
	[W_BRPORT_STATE] = { "state", W_BRPORT_STATE, true, FMT_BROPT_U8 },
	[W_BRPORT_PRIORITY] = { "priority", W_BRPORT_PRIORITY, true, FMT_BROPT_U16 },
	[W_BRPORT_COST] = { "cost", W_BRPORT_COST, true, FMT_BROPT_U32 },
	[W_BRPORT_HAIRPIN] = { "hairpin", W_BRPORT_HAIRPIN, true, FMT_BROPT_ONOFF },
	[W_BRPORT_LEARNING] = { "learning", W_BRPORT_LEARNING, true, FMT_BROPT_ONOFF },
	[W_BRPORT_FLOOD] = { "flood", W_BRPORT_FLOOD, true, FMT_BROPT_ONOFF },
	[W_BRPORT_ISOLATED] = { "isolated", W_BRPORT_ISOLATED, true, FMT_BROPT_ONOFF },
};

const struct fmt_bropt *fmt_bropt_at(size_t i)
{
	return i < W_BROPT_COUNT ? &bropts[i] : NULL;
}

const struct fmt_bropt *fmt_bropt_find(bool slave, const char *word)
{
	for (size_t i = 0; i < W_BROPT_COUNT; i++)
		if (bropts[i].slave == slave && strcmp(bropts[i].word, word) == 0)
			return &bropts[i];
	return NULL;
}

const char *fmt_bropt_value(enum w_bropt key, uint32_t v, char *buf,
                            size_t len)
{
	if ((unsigned)key >= W_BROPT_COUNT)
		return "?";
	switch (bropts[key].type) {
	case FMT_BROPT_ONOFF:
		return v ? "on" : "off";
	case FMT_BROPT_PROTO:
		if (v == 0x8100)
			return "802.1Q";
		if (v == 0x88a8)
			return "802.1ad";
		snprintf(buf, len, "0x%04x", v);
		return buf;
	default:
		snprintf(buf, len, "%u", v);
		return buf;
	}
}

void fmt_bropts(struct sbuf *out, const struct w_bropts *o)
{
	char buf[16];

	sbuf_add(out, o->slave ? "type bridge_slave" : "type bridge");
	for (int i = 0; i < o->n && i < W_BROPTS_MAX; i++) {
		enum w_bropt key = o->v[i].key;

		if ((unsigned)key >= W_BROPT_COUNT)
			continue;
		sbuf_printf(out, " %s %s", bropts[key].word,
		            fmt_bropt_value(key, o->v[i].value, buf, sizeof buf));
	}
}

/* ---- iproute2's JSON writer's layout (lib/json_writer.c) ---------------- */

struct jw {
	struct sbuf *out;
	bool on;              /* -j: JSON, else text */
	bool pretty;
	unsigned depth;
	char sep;             /* ',' once the current level has a member */
};

static void jw_eol(struct jw *j)
{
	if (!j->pretty)
		return;
	sbuf_addc(j->out, '\n');
	for (unsigned i = 0; i < j->depth; i++)
		sbuf_add(j->out, "    ");
}

static void jw_eor(struct jw *j)
{
	if (j->sep)
		sbuf_addc(j->out, j->sep);
	j->sep = ',';
}

/* jsonw_puts(): C escapes for the controls it knows; what else a terminal
 * acts on (util/esc.h: C0, DEL, C1, bidirectional controls) as \uXXXX,
 * which bridge(8) writes raw, and a byte that is not UTF-8 as U+FFFD, so
 * the output stays JSON and safe to print. */
static void jw_str_raw(struct jw *j, const char *s)
{
	sbuf_addc(j->out, '"');
	while (*s) {
		const unsigned char *u = (const unsigned char *)s;
		size_t n;
		enum esc_kind k = esc_char(s, &n);

		switch (*u) {
		case '\t': sbuf_add(j->out, "\\t"); s++; continue;
		case '\n': sbuf_add(j->out, "\\n"); s++; continue;
		case '\r': sbuf_add(j->out, "\\r"); s++; continue;
		case '\f': sbuf_add(j->out, "\\f"); s++; continue;
		case '\b': sbuf_add(j->out, "\\b"); s++; continue;
		case '\\': sbuf_add(j->out, "\\\\"); s++; continue;
		case '"': sbuf_add(j->out, "\\\""); s++; continue;
		}
		if (k == ESC_NOT_UTF8) {
			sbuf_add(j->out, "\\ufffd");
		} else if (k != ESC_SAFE) {
			unsigned cp = n == 1 ? u[0] :
			              n == 2 ? ((u[0] & 0x1fu) << 6) | (u[1] & 0x3fu) :
			              ((u[0] & 0x0fu) << 12) |
			              ((u[1] & 0x3fu) << 6) | (u[2] & 0x3fu);
			sbuf_printf(j->out, "\\u%04x", cp);
		} else {
			sbuf_addn(j->out, s, n);
		}
		s += n;
	}
	sbuf_addc(j->out, '"');
}

static void jw_begin(struct jw *j, char c)
{
	jw_eor(j);
	sbuf_addc(j->out, c);
	j->depth++;
	j->sep = '\0';
}

static void jw_end(struct jw *j, char c)
{
	j->depth--;
	if (j->sep)
		jw_eol(j);
	sbuf_addc(j->out, c);
	j->sep = ',';
}

static void jw_name(struct jw *j, const char *name)
{
	jw_eor(j);
	jw_eol(j);
	j->sep = '\0';
	jw_str_raw(j, name);
	sbuf_addc(j->out, ':');
	if (j->pretty)
		sbuf_addc(j->out, ' ');
}

static void jw_obj(struct jw *j, const char *name)
{
	if (name)
		jw_name(j, name);
	jw_begin(j, '{');
}

static void jw_obj_end(struct jw *j)
{
	jw_end(j, '}');
}

static void jw_arr(struct jw *j, const char *name)
{
	if (name)
		jw_name(j, name);
	jw_begin(j, '[');
	if (j->pretty)
		sbuf_addc(j->out, ' ');
}

static void jw_arr_end(struct jw *j)
{
	if (j->pretty && j->sep)
		sbuf_addc(j->out, ' ');
	j->sep = '\0';
	jw_end(j, ']');
}

static void jw_string(struct jw *j, const char *name, const char *v)
{
	if (name)
		jw_name(j, name);
	jw_eor(j);
	jw_str_raw(j, v);
}

static void jw_uint(struct jw *j, const char *name, unsigned long long v)
{
	jw_name(j, name);
	jw_eor(j);
	sbuf_printf(j->out, "%llu", v);
}

static void jw_int(struct jw *j, const char *name, long long v)
{
	jw_name(j, name);
	jw_eor(j);
	sbuf_printf(j->out, "%lld", v);
}

static void jw_bool(struct jw *j, const char *name, bool v)
{
	jw_name(j, name);
	jw_eor(j);
	sbuf_add(j->out, v ? "true" : "false");
}

static void jw_null(struct jw *j, const char *name)
{
	jw_name(j, name);
	jw_eor(j);
	sbuf_add(j->out, "null");
}

/* new_json_obj() / delete_json_obj(): the whole output is one array */
static void jw_open(struct jw *j, struct sbuf *out, const struct fmt_opts *o)
{
	memset(j, 0, sizeof *j);
	j->out = out;
	j->on = o && o->json;
	j->pretty = j->on && o->pretty;
	if (j->on)
		jw_arr(j, NULL);
}

static void jw_close(struct jw *j)
{
	if (!j->on)
		return;
	jw_arr_end(j);
	sbuf_addc(j->out, '\n');
}

/* ---- helpers -------------------------------------------------------------- */

/* bridge's ll_index_to_name(): the name in the cache, else "ifN" */
static const char *ifname(const struct w_ns *ns, int ifindex, char *buf,
                          size_t len)
{
	const struct w_link *l = ns ? world_find_link_index(ns, ifindex) : NULL;

	if (l) {
		snprintf(buf, len, "%s", l->name);
		return buf;
	}
	snprintf(buf, len, "if%d", ifindex);
	return buf;
}

/* text: printf(fmt, name) with the name escaped, padded to width */
static void add_name(struct sbuf *out, const char *name, int width)
{
	size_t before = out->len;

	esc_add(out, name, 0);
	for (size_t n = out->len - before; (int)n < width; n++)
		sbuf_addc(out, ' ');
}

/* ---- bridge vlan show ---------------------------------------------------- */

#define VLAN_ID_LEN 9

static void vlan_port(struct jw *j, const struct w_ns *ns,
                      const struct w_brview *v, const struct w_brport *p)
{
	char name[64];
	unsigned last_start = 0;
	bool opened = false;

	for (size_t i = p->vlan0; i < p->vlan0 + p->nvlan && i < v->nvlans; i++) {
		const struct w_brvlan *vl = &v->vlans[i];

		if (!(vl->flags & BRIDGE_VLAN_INFO_RANGE_END))
			last_start = vl->vid;
		/* a range's first entry is printed with its last */
		if (vl->flags & BRIDGE_VLAN_INFO_RANGE_BEGIN)
			continue;
		if (!opened) {
			ifname(ns, p->ifindex, name, sizeof name);
			if (j->on) {
				jw_obj(j, NULL);
				jw_string(j, "ifname", name);
				jw_arr(j, "vlans");
			} else {
				add_name(j->out, name, IFNAMSIZ);
				sbuf_add(j->out, "  ");
			}
			opened = true;
		} else if (!j->on) {
			sbuf_printf(j->out, "%-" "16" "s  ", "");
		}
		if (j->on) {
			jw_obj(j, NULL);
			jw_uint(j, "vlan", last_start);
			if (last_start != vl->vid)
				jw_uint(j, "vlanEnd", vl->vid);
		} else {
			sbuf_printf(j->out, "%u", last_start);
			if (last_start != vl->vid)
				sbuf_printf(j->out, "-%u", vl->vid);
		}
		if (vl->flags) {
			if (j->on)
				jw_arr(j, "flags");
			if (vl->flags & BRIDGE_VLAN_INFO_PVID) {
				if (j->on)
					jw_string(j, NULL, "PVID");
				else
					sbuf_add(j->out, " PVID");
			}
			if (vl->flags & BRIDGE_VLAN_INFO_UNTAGGED) {
				if (j->on)
					jw_string(j, NULL, "Egress Untagged");
				else
					sbuf_add(j->out, " Egress Untagged");
			}
			if (j->on)
				jw_arr_end(j);
		}
		if (j->on)
			jw_obj_end(j);
		else
			sbuf_addc(j->out, '\n');
	}
	if (opened && j->on) {
		jw_arr_end(j);
		jw_obj_end(j);
	}
}

void fmt_bridge_vlan_show(struct sbuf *out, const struct w_ns *ns,
                          const struct w_brview *v, int ifindex,
                          const struct fmt_opts *o)
{
	struct jw j;

	jw_open(&j, out, o);
	if (!j.on)
		sbuf_printf(out, "%-16s  %-" "9" "s\n", "port", "vlan-id");
	for (size_t i = 0; i < v->nports; i++)
		if (!ifindex || v->ports[i].ifindex == ifindex)
			vlan_port(&j, ns, v, &v->ports[i]);
	jw_close(&j);
}

/* ---- bridge link show ---------------------------------------------------- */

static const char *const stp_states[] = {
	[BR_STATE_DISABLED] = "disabled",
	[BR_STATE_LISTENING] = "listening",
	[BR_STATE_LEARNING] = "learning",
	[BR_STATE_FORWARDING] = "forwarding",
	[BR_STATE_BLOCKING] = "blocking",
};

const char *fmt_stp_state_name(int state)
{
	if (state >= 0 && state <= BR_STATE_BLOCKING)
		return stp_states[state];
	return NULL;
}

static void stp_state(struct jw *j, int state)
{
	const char *s = fmt_stp_state_name(state);

	if (j->on) {
		if (s)
			jw_string(j, "state", s);
		else
			jw_uint(j, "state", (unsigned)state);
	} else if (s) {
		sbuf_printf(j->out, "state %s ", s);
	} else {
		sbuf_printf(j->out, "state (%d) ", state);
	}
}

/* The -d words of a port, in bridge/link.c's order. */
static const struct {
	enum w_brport_u8 slot;
	const char *word;
	bool number;          /* mcast_router: a number, not on/off */
} port_words[] = {
	{ W_BRP_HAIRPIN, "hairpin", false }, { W_BRP_GUARD, "guard", false },
	{ W_BRP_ROOT_BLOCK, "root_block", false },
	{ W_BRP_FASTLEAVE, "fastleave", false },
	{ W_BRP_LEARNING, "learning", false },
	{ W_BRP_LEARNING_SYNC, "learning_sync", false },
	{ W_BRP_FLOOD, "flood", false },
	{ W_BRP_MCAST_FLOOD, "mcast_flood", false },
	{ W_BRP_BCAST_FLOOD, "bcast_flood", false },
	{ W_BRP_MCAST_ROUTER, "mcast_router", true },
	{ W_BRP_MCAST_TO_UCAST, "mcast_to_unicast", false },
	{ W_BRP_NEIGH_SUPPRESS, "neigh_suppress", false },
	{ W_BRP_VLAN_TUNNEL, "vlan_tunnel", false },
	{ W_BRP_ISOLATED, "isolated", false },
	{ W_BRP_LOCKED, "locked", false },
};

static void port_details(struct jw *j, const struct w_ns *ns,
                         const struct w_brport *p)
{
	char name[64];

	if (!j->on)
		sbuf_add(j->out, "\n    ");
	for (size_t i = 0; i < sizeof port_words / sizeof *port_words; i++) {
		int v = p->u8[port_words[i].slot];

		if (port_words[i].slot == W_BRP_ISOLATED && p->backup_port) {
			ifname(ns, p->backup_port, name, sizeof name);
			if (j->on) {
				jw_string(j, "backup_port", name);
			} else {
				sbuf_add(j->out, "backup_port ");
				esc_add(j->out, name, 0);
				sbuf_addc(j->out, ' ');
			}
		}
		if (v < 0)
			continue;
		if (j->on && port_words[i].number)
			jw_uint(j, port_words[i].word, (unsigned)v);
		else if (j->on)
			jw_bool(j, port_words[i].word, v != 0);
		else if (port_words[i].number)
			sbuf_printf(j->out, "%s %u ", port_words[i].word,
			            (unsigned)v);
		else
			sbuf_printf(j->out, "%s %s ", port_words[i].word,
			            v ? "on" : "off");
	}
}

static void link_port(struct jw *j, const struct w_ns *ns,
                      const struct w_brport *p, bool details)
{
	const char *w[FMT_MAX_FLAG_WORDS];
	char spare[32], name[64], peer[64];
	bool mdown = false;
	size_t n;

	if (j->on) {
		jw_obj(j, NULL);
		jw_int(j, "ifindex", p->ifindex);
	} else {
		sbuf_printf(j->out, "%d: ", p->ifindex);
	}
	/* print_name_and_link(): the AF_BRIDGE message has no link-netnsid,
	 * so bridge(8) reads IFLA_LINK as an index of this namespace */
	if (p->has_iflink && p->iflink) {
		const struct w_link *pl = ns ? world_find_link_index(ns, p->iflink)
		                             : NULL;
		ifname(ns, p->iflink, peer, sizeof peer);
		mdown = !pl || !(pl->flags & IFF_UP);
		if (j->on)
			jw_string(j, "link", peer);
	} else if (p->has_iflink && j->on) {
		jw_null(j, "link");
	}
	if (j->on) {
		jw_string(j, "ifname", p->name);
	} else {
		esc_add(j->out, p->name, 0);
		if (p->has_iflink) {
			sbuf_addc(j->out, '@');
			if (p->iflink)
				esc_add(j->out, peer, 0);
			else
				sbuf_add(j->out, "NONE");
		}
		sbuf_add(j->out, ": ");
	}
	n = fmt_link_flag_words(p->flags, mdown, w, FMT_MAX_FLAG_WORDS, spare,
	                        sizeof spare);
	if (j->on) {
		jw_arr(j, "flags");
		for (size_t i = 0; i < n; i++)
			jw_string(j, NULL, w[i]);
		jw_arr_end(j);
	} else {
		sbuf_addc(j->out, '<');
		for (size_t i = 0; i < n; i++)
			sbuf_printf(j->out, "%s%s", i ? "," : "", w[i]);
		sbuf_add(j->out, "> ");
	}
	if (p->has_mtu) {
		if (j->on)
			jw_int(j, "mtu", p->mtu);
		else
			sbuf_printf(j->out, "mtu %u ", p->mtu);
	}
	if (p->master) {
		ifname(ns, p->master, name, sizeof name);
		if (j->on) {
			jw_string(j, "master", name);
		} else {
			sbuf_add(j->out, "master ");
			esc_add(j->out, name, 0);
			sbuf_addc(j->out, ' ');
		}
	}
	if (p->has_protinfo) {
		if (p->state >= 0)
			stp_state(j, p->state);
		if (p->protinfo_nested) {
			if (p->priority >= 0) {
				if (j->on)
					jw_uint(j, "priority", (unsigned)p->priority);
				else
					sbuf_printf(j->out, "priority %d ", p->priority);
			}
			if (p->cost >= 0) {
				if (j->on)
					jw_uint(j, "cost", (unsigned long long)p->cost);
				else
					sbuf_printf(j->out, "cost %lld ", (long long)p->cost);
			}
			if (details)
				port_details(j, ns, p);
		}
	}
	if (p->hwmode >= 0) {
		static const char *const modes[] = { "VEB", "VEPA" };

		if (p->hwmode < 2) {
			if (j->on)
				jw_string(j, "hwmode", modes[p->hwmode]);
			else
				sbuf_printf(j->out, "hwmode %s ", modes[p->hwmode]);
		} else if (j->on) {
			char hex[16];
			snprintf(hex, sizeof hex, "%#x", (unsigned)p->hwmode);
			jw_string(j, "hwmode", hex);
		} else {
			sbuf_printf(j->out, "hwmode %#x ", (unsigned)p->hwmode);
		}
	}
	if (j->on)
		jw_obj_end(j);
	else
		sbuf_addc(j->out, '\n');
}

void fmt_bridge_link_show(struct sbuf *out, const struct w_ns *ns,
                          const struct w_brview *v, int ifindex,
                          const struct fmt_opts *o)
{
	struct jw j;

	jw_open(&j, out, o);
	for (size_t i = 0; i < v->nports; i++)
		if (!ifindex || v->ports[i].ifindex == ifindex)
			link_port(&j, ns, &v->ports[i], o && o->details);
	jw_close(&j);
}

/* ---- bridge fdb show ----------------------------------------------------- */

/* state_n2a() of bridge/fdb.c */
static const char *fdb_state(unsigned s, bool json, char *buf, size_t len)
{
	if (s & NUD_PERMANENT)
		return "permanent";
	if (s & NUD_NOARP)
		return "static";
	if (s & NUD_STALE)
		return "stale";
	if (s & NUD_REACHABLE)
		return "";
	snprintf(buf, len, json ? "%#x" : "state=%#x", s);
	return buf;
}

static void text_word(struct jw *j, const char *key, const char *value)
{
	sbuf_printf(j->out, "%s ", key);
	esc_add(j->out, value, 0);
	sbuf_addc(j->out, ' ');
}

static void fdb_entry(struct jw *j, const struct w_ns *ns,
                      const struct w_fdb *f, bool with_dev, int stats)
{
	static const struct { unsigned bit; const char *word; } flags[] = {
		{ NTF_SELF, "self" }, { NTF_ROUTER, "router" },
		{ NTF_EXT_LEARNED, "extern_learn" }, { NTF_OFFLOADED, "offload" },
		{ NTF_MASTER, "master" }, { NTF_STICKY, "sticky" },
	};
	char buf[64], st[32];
	const struct w_link *l;

	if (j->on)
		jw_obj(j, NULL);
	if (f->lladdr_len > 0) {
		l = ns ? world_find_link_index(ns, f->ifindex) : NULL;
		fmt_lladdr(f->lladdr, f->lladdr_len, l ? l->arptype : 1, buf,
		           sizeof buf);
		if (j->on)
			jw_string(j, "mac", buf);
		else
			sbuf_printf(j->out, "%s ", buf);
	}
	if (with_dev && f->ifindex) {
		ifname(ns, f->ifindex, buf, sizeof buf);
		if (j->on)
			jw_string(j, "ifname", buf);
		else
			text_word(j, "dev", buf);
	}
	if (f->dst.family) {
		w_ip_str(&f->dst, buf, sizeof buf);
		if (j->on)
			jw_string(j, "dst", buf);
		else
			sbuf_printf(j->out, "dst %s ", buf);
	}
	if (f->vlan) {
		if (j->on)
			jw_uint(j, "vlan", f->vlan);
		else
			sbuf_printf(j->out, "vlan %hu ", f->vlan);
	}
	if (f->has_port) {
		if (j->on)
			jw_uint(j, "port", f->port);
		else
			sbuf_printf(j->out, "port %u ", f->port);
	}
	if (f->has_vni) {
		if (j->on)
			jw_uint(j, "vni", f->vni);
		else
			sbuf_printf(j->out, "vni %u ", f->vni);
	}
	if (f->has_src_vni) {
		if (j->on)
			jw_uint(j, "src_vni", f->src_vni);
		else
			sbuf_printf(j->out, "src_vni %u ", f->src_vni);
	}
	if (f->via) {
		if (f->has_link_netnsid) {
			if (j->on)
				jw_uint(j, "viaIfIndex", (unsigned)f->via);
			else
				sbuf_printf(j->out, "via ifindex %u ", (unsigned)f->via);
		} else {
			ifname(ns, f->via, buf, sizeof buf);
			if (j->on)
				jw_string(j, "viaIf", buf);
			else
				text_word(j, "via", buf);
		}
	}
	if (f->has_nhid) {
		if (j->on)
			jw_uint(j, "nhid", f->nhid);
		else
			sbuf_printf(j->out, "nhid %u ", f->nhid);
	}
	if (f->has_link_netnsid) {
		if (j->on)
			jw_uint(j, "linkNetNsId", (uint32_t)f->link_netnsid);
		else
			sbuf_printf(j->out, "link-netnsid %d ", f->link_netnsid);
	}
	if (stats && f->has_cacheinfo) {
		long hz = sysconf(_SC_CLK_TCK);

		if (hz <= 0)
			hz = 100;
		if (j->on) {
			jw_uint(j, "used", f->used / (unsigned long)hz);
			jw_uint(j, "updated", f->updated / (unsigned long)hz);
		} else {
			sbuf_printf(j->out, "used %d/%d ",
			            (int)(f->used / (unsigned long)hz),
			            (int)(f->updated / (unsigned long)hz));
		}
	}
	if (j->on)
		jw_arr(j, "flags");
	for (size_t i = 0; i < sizeof flags / sizeof *flags; i++) {
		if (!(f->flags & flags[i].bit))
			continue;
		if (j->on)
			jw_string(j, NULL, flags[i].word);
		else
			sbuf_printf(j->out, "%s ", flags[i].word);
	}
	if (j->on)
		jw_arr_end(j);
	if (f->master) {
		ifname(ns, f->master, buf, sizeof buf);
		if (j->on)
			jw_string(j, "master", buf);
		else
			text_word(j, "master", buf);
	}
	if (j->on) {
		jw_string(j, "state", fdb_state(f->state, true, st, sizeof st));
		jw_obj_end(j);
	} else {
		sbuf_printf(j->out, "%s\n", fdb_state(f->state, false, st, sizeof st));
	}
}

void fmt_bridge_fdb_show(struct sbuf *out, const struct w_ns *ns,
                         const struct w_brview *v, int ifindex,
                         const struct fmt_opts *o)
{
	struct jw j;

	jw_open(&j, out, o);
	for (size_t i = 0; i < v->nfdb; i++)
		if (!ifindex || v->fdb[i].ifindex == ifindex)
			fdb_entry(&j, ns, &v->fdb[i], ifindex == 0,
			          o ? o->stats : 0);
	jw_close(&j);
}
