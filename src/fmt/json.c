/* SPDX-License-Identifier: GPL-2.0-or-later */
/* json.c - `ip -j` output: the writer (ip's layout, byte for byte) and
 * the members ip prints for a link, an address, a route and a neighbour,
 * in ip's order and with ip's names (iproute2 6.1: ip/ipaddress.c,
 * ip/iproute.c, ip/ipneigh.c).  The unit tests hold real `ip -j` and
 * `ip -j -p` output for every shape written here.
 */
#include "fmt/json.h"

#include <inttypes.h>
#include <linux/if.h>
#include <linux/if_addr.h>
#include <linux/neighbour.h>
#include <linux/rtnetlink.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "fmt/priv.h"
#include "util/esc.h"
#include "util/sbuf.h"

/* ---- the writer ---------------------------------------------------------- */

void fj_init(struct fj *j, struct sbuf *out, bool pretty)
{
	memset(j, 0, sizeof *j);
	j->out = out;
	j->pretty = pretty;
}

/* a newline and the indent of the current depth, when pretty */
static void eol(struct fj *j)
{
	if (!j->pretty)
		return;
	sbuf_addc(j->out, '\n');
	for (unsigned i = 0; i < j->depth; i++)
		sbuf_add(j->out, "    ");
}

/* the comma between two elements of one level */
static void eor(struct fj *j)
{
	if (j->sep)
		sbuf_addc(j->out, j->sep);
	j->sep = ',';
}

/* Code point of a character esc_char() found unsafe (1 to 3 bytes) */
static unsigned code_point(const unsigned char *u, size_t n)
{
	if (n == 1)
		return u[0];
	if (n == 2)
		return ((u[0] & 0x1fu) << 6) | (u[1] & 0x3fu);
	return ((u[0] & 0x0fu) << 12) | ((u[1] & 0x3fu) << 6) | (u[2] & 0x3fu);
}

static void quoted(struct fj *j, const char *s)
{
	sbuf_addc(j->out, '"');
	while (*s) {
		size_t n;
		enum esc_kind k = esc_char(s, &n);

		switch (*s) {
		case '\t': sbuf_add(j->out, "\\t"); s++; continue;
		case '\n': sbuf_add(j->out, "\\n"); s++; continue;
		case '\r': sbuf_add(j->out, "\\r"); s++; continue;
		case '\f': sbuf_add(j->out, "\\f"); s++; continue;
		case '\b': sbuf_add(j->out, "\\b"); s++; continue;
		case '\\': sbuf_add(j->out, "\\\\"); s++; continue;
		case '"': sbuf_add(j->out, "\\\""); s++; continue;
		default: break;
		}
		if (k == ESC_NOT_UTF8)
			sbuf_add(j->out, "\\ufffd");
		else if (k != ESC_SAFE)
			sbuf_printf(j->out, "\\u%04x",
			            code_point((const unsigned char *)s, n));
		else
			sbuf_addn(j->out, s, n);
		s += n;
	}
	sbuf_addc(j->out, '"');
}

/* Before a value: the comma after the previous member, and "key": in an
 * object (key NULL: an array element) */
static void name(struct fj *j, const char *key)
{
	if (!key) {
		eor(j);
		return;
	}
	eor(j);
	eol(j);
	j->sep = '\0';
	quoted(j, key);
	sbuf_addc(j->out, ':');
	if (j->pretty)
		sbuf_addc(j->out, ' ');
	eor(j);   /* the value: no comma before it, one after */
}

static void begin(struct fj *j, const char *key, char c)
{
	name(j, key);
	sbuf_addc(j->out, c);
	j->depth++;
	j->sep = '\0';
}

static void end(struct fj *j, char c)
{
	j->depth--;
	if (j->sep)
		eol(j);
	sbuf_addc(j->out, c);
	j->sep = ',';
}

void fj_open_obj(struct fj *j, const char *key) { begin(j, key, '{'); }
void fj_close_obj(struct fj *j) { end(j, '}'); }

void fj_open_arr(struct fj *j, const char *key)
{
	begin(j, key, '[');
	if (j->pretty)
		sbuf_addc(j->out, ' ');
}

void fj_close_arr(struct fj *j)
{
	if (j->pretty && j->sep)
		sbuf_addc(j->out, ' ');
	j->sep = '\0';
	end(j, ']');
}

void fj_str(struct fj *j, const char *key, const char *v)
{
	name(j, key);
	quoted(j, v);
}

void fj_uint(struct fj *j, const char *key, uint64_t v)
{
	name(j, key);
	sbuf_printf(j->out, "%" PRIu64, v);
}

void fj_int(struct fj *j, const char *key, int64_t v)
{
	name(j, key);
	sbuf_printf(j->out, "%" PRId64, v);
}

void fj_bool(struct fj *j, const char *key, bool v)
{
	name(j, key);
	sbuf_add(j->out, v ? "true" : "false");
}

/* a value written as it is: ip's jsonw_printf (a bridge's timers) */
void fj_raw(struct fj *j, const char *key, const char *text)
{
	name(j, key);
	sbuf_add(j->out, text);
}

void fj_null(struct fj *j, const char *key)
{
	name(j, key);
	sbuf_add(j->out, "null");
}

/* ---- links ----------------------------------------------------------------- */

/* the raw name for JSON (the writer escapes); "ifN" when unknown */
static const char *raw_name(const struct w_ns *ns, int ifindex, char *buf,
                            size_t len)
{
	const struct w_link *l = ns ? world_find_link_index(ns, ifindex) : NULL;

	if (l)
		return l->name;
	snprintf(buf, len, "if%d", ifindex);
	return buf;
}

static void name_and_link(struct fj *j, const struct w_ns *ns,
                          const struct w_link *l)
{
	char buf[32];

	if (l->has_iflink) {
		if (l->iflink == 0)
			fj_null(j, "link");
		else if (l->has_link_netnsid)
			fj_int(j, "link_index", l->iflink);
		else
			fj_str(j, "link", raw_name(ns, l->iflink, buf, sizeof buf));
	}
	fj_str(j, "ifname", l->name);
}

static void link_flags(struct fj *j, const struct w_ns *ns,
                       const struct w_link *l, bool mdown_known)
{
	const char *w[FMT_MAX_FLAG_WORDS];
	char spare[32];
	size_t n = fmt_link_flag_words(l->flags, mdown_known &&
	                               fmt_link_mdown(ns, l), w,
	                               FMT_MAX_FLAG_WORDS, spare, sizeof spare);

	fj_open_arr(j, "flags");
	for (size_t i = 0; i < n; i++)
		fj_str(j, NULL, w[i]);
	fj_close_arr(j);
}

static void operstate(struct fj *j, const struct w_link *l)
{
	if (l->operstate < 0)
		return;
	if (strcmp(fmt_operstate_name(l->operstate), "?") == 0)
		fj_uint(j, "operstate_index", (unsigned)l->operstate);
	else
		fj_str(j, "operstate", fmt_operstate_name(l->operstate));
}

void fj_stats64(struct fj *j, const struct w_link *l, int level)
{
	const struct w_stats64 *s = &l->stats;

	if (!l->has_stats)
		return;
	fj_open_obj(j, "stats64");
	fj_open_obj(j, "rx");
	fj_uint(j, "bytes", s->rx_bytes);
	fj_uint(j, "packets", s->rx_packets);
	fj_uint(j, "errors", s->rx_errors);
	fj_uint(j, "dropped", s->rx_dropped);
	fj_uint(j, "over_errors", s->rx_over_errors);
	fj_uint(j, "multicast", s->multicast);
	if (s->rx_compressed)
		fj_uint(j, "compressed", s->rx_compressed);
	if (level > 1) {
		fj_uint(j, "length_errors", s->rx_length_errors);
		fj_uint(j, "crc_errors", s->rx_crc_errors);
		fj_uint(j, "frame_errors", s->rx_frame_errors);
		fj_uint(j, "fifo_errors", s->rx_fifo_errors);
		fj_uint(j, "missed_errors", s->rx_missed_errors);
		if (s->rx_nohandler)
			fj_uint(j, "nohandler", s->rx_nohandler);
		if (s->rx_otherhost_dropped)
			fj_uint(j, "otherhost", s->rx_otherhost_dropped);
	}
	fj_close_obj(j);
	fj_open_obj(j, "tx");
	fj_uint(j, "bytes", s->tx_bytes);
	fj_uint(j, "packets", s->tx_packets);
	fj_uint(j, "errors", s->tx_errors);
	fj_uint(j, "dropped", s->tx_dropped);
	fj_uint(j, "carrier_errors", s->tx_carrier_errors);
	fj_uint(j, "collisions", s->collisions);
	if (s->tx_compressed)
		fj_uint(j, "compressed", s->tx_compressed);
	if (level > 1) {
		fj_uint(j, "aborted_errors", s->tx_aborted_errors);
		fj_uint(j, "fifo_errors", s->tx_fifo_errors);
		fj_uint(j, "window_errors", s->tx_window_errors);
		fj_uint(j, "heartbeat_errors", s->tx_heartbeat_errors);
		if (l->has_carrier_changes)
			fj_uint(j, "carrier_changes", l->carrier_changes);
	}
	fj_close_obj(j);
	fj_close_obj(j);
}

static void addr_info(struct fj *j, const struct w_ns *ns,
                      const struct w_link *l, const struct fmt_opts *o)
{
	const struct w_addr **v;
	int family = o->family == AF_PACKET ? 0 : o->family;
	size_t n = fmt_addrs_of(ns, l->ifindex, family, &v);

	fj_open_arr(j, "addr_info");
	for (size_t i = 0; i < n; i++) {
		fj_open_obj(j, NULL);
		fj_addr_members(j, ns, v[i], o);
		fj_close_obj(j);
	}
	fj_close_arr(j);
	free(v);
}

void fj_link_members(struct fj *j, const struct w_ns *ns,
                     const struct w_link *l, const struct fmt_opts *o,
                     enum fj_link_as as, bool inet6)
{
	bool do_link = as != FJ_ADDR;
	/* ip prints the link/ether line unless a family (-4, -6) hides it,
	 * and always with -d */
	bool lines = do_link || !o->family || o->family == AF_PACKET ||
	             o->details;
	char buf[64];

	if (!do_link && o->oneline && !o->brief) {
		/* ip -o addr prints no link, only its addresses */
		if (o->family != AF_PACKET)
			addr_info(j, ns, l, o);
		return;
	}
	if (o->brief) {
		name_and_link(j, ns, l);
		operstate(j, l);
		if (do_link || o->family == AF_PACKET) {
			if (l->addr_len > 0)
				fj_str(j, "address",
				       fmt_lladdr(l->addr, l->addr_len,
				                  l->arptype, buf, sizeof buf));
			link_flags(j, ns, l, true);
		} else {
			addr_info(j, ns, l, o);
		}
		return;
	}
	fj_int(j, "ifindex", l->ifindex);
	name_and_link(j, ns, l);
	link_flags(j, ns, l, true);
	fj_int(j, "mtu", l->mtu);
	if (l->qdisc[0])
		fj_str(j, "qdisc", l->qdisc);
	if (l->master)
		fj_str(j, "master", raw_name(ns, l->master, buf, sizeof buf));
	operstate(j, l);
	if (do_link && l->linkmode >= 0) {
		if (l->linkmode <= 1)
			fj_str(j, "linkmode",
			       fmt_linkmode_name(l->linkmode, buf, sizeof buf));
		else
			fj_int(j, "linkmode_index", l->linkmode);
	}
	if (!inet6)
		fj_str(j, "group", fmt_group_name(l->group, buf, sizeof buf));
	if (l->txqlen > 0)
		fj_int(j, "txqlen", l->txqlen);
	if (lines) {
		fj_str(j, "link_type", fmt_arphrd_name(l->arptype, buf, sizeof buf));
		if (l->addr_len > 0)
			fj_str(j, "address", fmt_lladdr(l->addr, l->addr_len,
			                                l->arptype, buf, sizeof buf));
		/* the kernel's AF_INET6 view (-d -6 addr) has no broadcast */
		if (l->brd_len > 0 && !inet6) {
			if (l->flags & IFF_POINTOPOINT)
				fj_bool(j, "link_pointtopoint", true);
			fj_str(j, "broadcast", fmt_lladdr(l->brd, l->brd_len,
			                                  l->arptype, buf,
			                                  sizeof buf));
		}
	}
	if (l->has_link_netnsid)
		fj_int(j, "link_netnsid", l->link_netnsid);
	/* ip prints protodown with and without -d, before the details */
	if ((l->d_has & W_D_PROTO_DOWN) && l->proto_down)
		fj_bool(j, "proto_down", true);
	/* -d (details): promiscuity, linkinfo, ... (details_json.c); none
	 * in the kernel's AF_INET6 view, which has none of them */
	if (o->details && !inet6)
		fj_link_details(j, ns, l, do_link);
	else if (as == FJ_SHOW && l->kind[0])
		fj_linkinfo_show(j, ns, l);
	if ((do_link || o->details) && l->ifalias)
		fj_str(j, "ifalias", l->ifalias);
	if (as == FJ_LINK && o->stats)
		fj_stats64(j, l, o->stats);
	if (as != FJ_LINK) {
		if (o->family != AF_PACKET)
			addr_info(j, ns, l, o);
		if (o->stats)
			fj_stats64(j, l, o->stats);
	}
}

/* ---- addresses ------------------------------------------------------------- */

void fj_addr_members(struct fj *j, const struct w_ns *ns,
                     const struct w_addr *a, const struct fmt_opts *o)
{
	const char *w[FMT_MAX_FLAG_WORDS];
	char buf[64], spare[32];
	size_t n;

	if (!o->brief) {
		if (o->oneline) {
			fj_int(j, "index", a->ifindex);
			fj_str(j, "dev", raw_name(ns, a->ifindex, buf, sizeof buf));
		}
		if (strcmp(fmt_family_name(a->family), "?"))
			fj_str(j, "family", fmt_family_name(a->family));
		else
			fj_int(j, "family_index", a->family);
	}
	fj_str(j, "local", w_ip_str(&a->local, buf, sizeof buf));
	if (a->peer.family)
		fj_str(j, "address", w_ip_str(&a->peer, buf, sizeof buf));
	fj_int(j, "prefixlen", a->prefixlen);
	if (a->has_metric)
		fj_uint(j, "metric", a->metric);
	if (o->brief)
		return;
	if (a->brd.family)
		fj_str(j, "broadcast", w_ip_str(&a->brd, buf, sizeof buf));
	fj_str(j, "scope", fmt_scope_name(a->scope, buf, sizeof buf));
	n = fmt_addr_flag_words(a->family, a->flags, w, FMT_MAX_FLAG_WORDS,
	                        spare, sizeof spare);
	for (size_t i = 0; i < n; i++) {
		if (w[i] == spare)   /* "flags 1000": ip's JSON says ifa_flags */
			fj_str(j, "ifa_flags", spare + strlen("flags "));
		else
			fj_bool(j, w[i], true);
	}
	if (a->label[0])
		fj_str(j, "label", a->label);
	if (a->has_cacheinfo) {
		fj_uint(j, "valid_life_time", a->valid_lft);
		if (a->preferred_lft != 0xffffffffu &&
		    (a->flags & IFA_F_DEPRECATED))
			fj_int(j, "preferred_life_time", (int32_t)a->preferred_lft);
		else
			fj_uint(j, "preferred_life_time", a->preferred_lft);
	}
}

/* ---- routes ---------------------------------------------------------------- */

static void route_flags(struct fj *j, unsigned flags)
{
	const char *w[FMT_MAX_FLAG_WORDS];
	size_t n = fmt_route_flag_words(flags, w, FMT_MAX_FLAG_WORDS);

	fj_open_arr(j, "flags");
	for (size_t i = 0; i < n; i++)
		fj_str(j, NULL, w[i]);
	fj_close_arr(j);
}

static void gateway(struct fj *j, int family, const struct w_ip *gw)
{
	char buf[64];

	if (gw->family == family) {
		fj_str(j, "gateway", w_ip_str(gw, buf, sizeof buf));
		return;
	}
	fj_open_obj(j, "via");   /* RTA_VIA: a gateway of another family */
	fj_str(j, "family", fmt_family_name(gw->family));
	fj_str(j, "host", w_ip_str(gw, buf, sizeof buf));
	fj_close_obj(j);
}

static void prefix(char *buf, size_t len, const struct w_ip *ip, int plen,
                   int family)
{
	char a[64];
	int hl = family == AF_INET6 ? 128 : 32;

	if (plen == hl)
		snprintf(buf, len, "%s", w_ip_str(ip, a, sizeof a));
	else
		snprintf(buf, len, "%s/%d", w_ip_str(ip, a, sizeof a), plen);
}

void fj_route_members(struct fj *j, const struct w_ns *ns,
                      const struct w_route *r, bool details,
                      bool all_tables)
{
	char buf[80];

	if (r->type != RTN_UNICAST || details)
		fj_str(j, "type", fmt_rtype_name(r->type, buf, sizeof buf));
	if (r->dst_len == 0)
		fj_str(j, "dst", "default");
	else if (r->dst.family == 0)
		fj_str(j, "dst", (snprintf(buf, sizeof buf, "0/%d ", r->dst_len),
		                  buf));
	else {
		prefix(buf, sizeof buf, &r->dst, r->dst_len, r->family);
		fj_str(j, "dst", buf);
	}
	if (r->src.family) {
		prefix(buf, sizeof buf, &r->src, r->src_len, r->family);
		fj_str(j, "from", buf);
	} else if (r->src_len) {
		snprintf(buf, sizeof buf, "0/%d", r->src_len);
		fj_str(j, "src", buf);
	}
	if (r->tos)
		fj_str(j, "tos", fmt_dsfield_name(r->tos, buf, sizeof buf));
	if (r->gw.family)
		gateway(j, r->family, &r->gw);
	if (r->oif)
		fj_str(j, "dev", raw_name(ns, r->oif, buf, sizeof buf));
	if (r->table && (r->table != RT_TABLE_MAIN || (details && all_tables)))
		fj_str(j, "table", fmt_table_name(r->table, buf, sizeof buf));
	if (!(r->flags & RTM_F_CLONED)) {
		if (r->protocol != RTPROT_BOOT || details)
			fj_str(j, "protocol",
			       fmt_proto_name(r->protocol, buf, sizeof buf));
		if (r->scope != RT_SCOPE_UNIVERSE || details)
			fj_str(j, "scope", fmt_scope_name(r->scope, buf, sizeof buf));
	}
	if (r->prefsrc.family)
		fj_str(j, "prefsrc", w_ip_str(&r->prefsrc, buf, sizeof buf));
	if (r->has_priority)
		fj_uint(j, "metric", r->priority);
	route_flags(j, r->flags);
	if (r->has_uid)
		fj_uint(j, "uid", r->uid);
	if (r->family == AF_INET && (r->flags & RTM_F_CLONED)) {
		/* a route get answer: RTCF_* in the top half of rtm_flags */
		const char *w[FMT_MAX_FLAG_WORDS];
		size_t n = fmt_cache_flag_words(r->flags, w, FMT_MAX_FLAG_WORDS);

		fj_open_arr(j, "cache");
		for (size_t i = 0; i < n; i++)
			fj_str(j, NULL, w[i]);
		fj_close_arr(j);
	}
	if (r->expires)
		fj_int(j, "expires", (int)(r->expires / 100u));  /* USER_HZ */
	if (r->mtu) {
		fj_open_arr(j, "metrics");
		fj_open_obj(j, NULL);
		fj_uint(j, "mtu", r->mtu);
		fj_close_obj(j);
		fj_close_arr(j);
	}
	if (r->iif)
		fj_str(j, "iif", raw_name(ns, r->iif, buf, sizeof buf));
	if (r->has_pref) {
		switch (r->pref) {
		case 3: fj_str(j, "pref", "low"); break;
		case 0: fj_str(j, "pref", "medium"); break;
		case 1: fj_str(j, "pref", "high"); break;
		default: fj_uint(j, "pref", (unsigned)r->pref); break;
		}
	}
	if (r->nnexthops > 0) {
		fj_open_arr(j, "nexthops");
		for (int i = 0; i < r->nnexthops && i < W_MAX_NEXTHOPS; i++) {
			const struct w_nexthop *nh = &r->nh[i];

			fj_open_obj(j, NULL);
			if (nh->gw.family)
				gateway(j, r->family, &nh->gw);
			fj_str(j, "dev", nh->ifindex ?
			       raw_name(ns, nh->ifindex, buf, sizeof buf) : "*");
			fj_int(j, "weight", nh->weight);
			route_flags(j, nh->flags);
			fj_close_obj(j);
		}
		fj_close_arr(j);
	}
}

/* ---- neighbours -------------------------------------------------------------- */

void fj_neigh_members(struct fj *j, const struct w_ns *ns,
                      const struct w_neigh *n, bool with_dev, bool brief,
                      bool stats)
{
	static const struct { unsigned bit; const char *name; } states[] = {
		{ NUD_INCOMPLETE, "INCOMPLETE" }, { NUD_REACHABLE, "REACHABLE" },
		{ NUD_STALE, "STALE" }, { NUD_DELAY, "DELAY" },
		{ NUD_PROBE, "PROBE" }, { NUD_FAILED, "FAILED" },
		{ NUD_NOARP, "NOARP" }, { NUD_PERMANENT, "PERMANENT" },
	};
	const struct w_link *l;
	char buf[128];

	if (n->dst.family)
		fj_str(j, "dst", w_ip_str(&n->dst, buf, sizeof buf));
	if (with_dev && n->ifindex)
		fj_str(j, "dev", raw_name(ns, n->ifindex, buf, sizeof buf));
	if (n->lladdr_len > 0) {
		l = ns ? world_find_link_index(ns, n->ifindex) : NULL;
		fj_str(j, "lladdr", fmt_lladdr(n->lladdr, n->lladdr_len,
		                               l ? l->arptype : 0, buf,
		                               sizeof buf));
	}
	if (brief)
		return;
	if (n->flags & NTF_ROUTER)
		fj_null(j, "router");
	if (n->flags & NTF_PROXY)
		fj_null(j, "proxy");
	if (n->flags & NTF_EXT_LEARNED)
		fj_null(j, "extern_learn");
	if (n->flags & NTF_OFFLOADED)
		fj_null(j, "offload");
	if (stats && n->has_cacheinfo) {   /* clock ticks: USER_HZ, 100 */
		if (n->refcnt)
			fj_uint(j, "refcnt", n->refcnt);
		fj_uint(j, "used", n->used / 100);
		fj_uint(j, "confirmed", n->confirmed / 100);
		fj_uint(j, "updated", n->updated / 100);
	}
	if (stats && n->has_probes)
		fj_uint(j, "probes", n->probes);
	if (n->state) {
		fj_open_arr(j, "state");
		for (size_t i = 0; i < sizeof states / sizeof *states; i++)
			if (n->state & states[i].bit)
				fj_str(j, NULL, states[i].name);
		fj_close_arr(j);
	}
}
