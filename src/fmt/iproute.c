/* SPDX-License-Identifier: GPL-2.0-or-later */
/* iproute.c - `ip link`, `ip addr`, `ip route`, `ip route get` and
 * `ip neigh` text.
 *
 * The target is byte-for-byte what iproute2 6.1 prints on Debian 12,
 * trailing spaces included: ip prints most items as "word value " and
 * never trims, so "10.0.1.0/24 dev veth0 scope link " ends in a space
 * while an IPv6 route ends in "pref medium" without one.  The unit tests
 * hold real ip output for every line shape handled here.
 */
#include "fmt/fmt.h"

#include <linux/if.h>
#include <linux/if_addr.h>
#include <linux/in_route.h>
#include <linux/neighbour.h>
#include <linux/rtnetlink.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "util/esc.h"
#include "util/sbuf.h"
#include "fmt/priv.h"

/* print_rta_cacheinfo(): the kernel's ticks over sysconf(_SC_CLK_TCK),
 * USER_HZ (100) on Linux */
#define ROUTE_HZ 100u

/* linux/icmpv6.h drags in more than we need */
#define PREF_MEDIUM 0x0
#define PREF_HIGH 0x1
#define PREF_LOW 0x3

#define IFNAME_BUF FMT_IFNAME_BUF
#define ifname fmt_ifname
const char *fmt_ifname(const struct w_ns *ns, int ifindex, char *buf,
                       size_t len)
{
	const struct w_link *l;

	if (ifindex == 0)
		return "*";
	l = ns ? world_find_link_index(ns, ifindex) : NULL;
	if (l)
		return esc_str(l->name, buf, len);
	snprintf(buf, len, "if%d", ifindex);
	return buf;
}

static void add_words(struct sbuf *out, const char **v, size_t n,
                      const char *sep, const char *last)
{
	for (size_t i = 0; i < n; i++)
		sbuf_printf(out, "%s%s", v[i], i + 1 < n ? sep : last);
}

/* ---- links ------------------------------------------------------------- */

bool fmt_link_mdown(const struct w_ns *ns, const struct w_link *l)
{
	const struct w_link *peer;

	if (!l->has_iflink || l->iflink == 0 || l->has_link_netnsid)
		return false;
	peer = ns ? world_find_link_index(ns, l->iflink) : NULL;
	/* ip asks its cache for the peer's flags; unknown reads as down */
	return !peer || !(peer->flags & IFF_UP);
}

/* "3: veth0@veth1: <BROADCAST,...> mtu 1500 ... qlen 1000" (no newline).
 * `ip link` shows "mode", `ip addr` does not. */
void fmt_link_head(struct sbuf *out, const struct w_ns *ns,
                   const struct w_link *l, unsigned what)
{
	bool with_mode = what & FMT_LH_MODE, inet6 = what & FMT_LH_INET6;

	const char *w[FMT_MAX_FLAG_WORDS];
	char spare[32], buf[64];
	size_t n;

	sbuf_printf(out, "%d: ", l->ifindex);
	esc_add(out, l->name, 0);
	if (l->has_iflink) {
		if (l->iflink == 0)
			sbuf_add(out, "@NONE");
		else if (l->has_link_netnsid)
			sbuf_printf(out, "@if%d", l->iflink);
		else
			sbuf_printf(out, "@%s",
			            ifname(ns, l->iflink, buf, sizeof buf));
	}
	n = fmt_link_flag_words(l->flags, fmt_link_mdown(ns, l), w,
	                        FMT_MAX_FLAG_WORDS, spare, sizeof spare);
	sbuf_add(out, ": <");
	add_words(out, w, n, ",", "");
	sbuf_add(out, "> ");
	sbuf_printf(out, "mtu %u ", l->mtu);
	if (l->qdisc[0] && !inet6)
		sbuf_printf(out, "qdisc %s ", l->qdisc);
	if (l->master && !inet6)
		sbuf_printf(out, "master %s ", ifname(ns, l->master, buf, sizeof buf));
	if (l->operstate >= 0) {
		if (strcmp(fmt_operstate_name(l->operstate), "?") == 0)
			sbuf_printf(out, "state 0x%x", (unsigned)l->operstate);
		else
			sbuf_printf(out, "state %s ",
			            fmt_operstate_name(l->operstate));
	}
	if (with_mode && !inet6 && l->linkmode >= 0)
		sbuf_printf(out, "mode %s ",
		            fmt_linkmode_name(l->linkmode, buf, sizeof buf));
	if (!inet6)
		sbuf_printf(out, "group %s ",
		            fmt_group_name(l->group, buf, sizeof buf));
	if (l->txqlen > 0)
		sbuf_printf(out, "qlen %d", (int)l->txqlen);
}

void fmt_link_lladdr(struct sbuf *out, const struct w_link *l)
{
	char buf[128];

	sbuf_printf(out, "    link/%s ",
	            fmt_arphrd_name(l->arptype, buf, sizeof buf));
	if (l->addr_len > 0)
		sbuf_add(out, fmt_lladdr(l->addr, l->addr_len, l->arptype, buf,
		                         sizeof buf));
	if (l->brd_len > 0) {
		sbuf_add(out, (l->flags & IFF_POINTOPOINT) ? " peer " : " brd ");
		sbuf_add(out, fmt_lladdr(l->brd, l->brd_len, l->arptype, buf,
		                         sizeof buf));
	}
}

void fmt_link_netns(struct sbuf *out, const struct w_ns *ns,
                    const struct w_link *l)
{
	const struct w_ns *pns = NULL;

	if (!l->has_link_netnsid)
		return;
	if (l->link_netnsid >= 0 && ns && ns->world)
		pns = world_ns_by_nsid(ns->world, ns, l->link_netnsid);
	if (pns && pns->kind == W_NS_NAMED) {
		sbuf_add(out, " link-netns ");
		esc_add(out, pns->name, 0);
	} else if (l->link_netnsid >= 0) {
		sbuf_printf(out, " link-netnsid %d", l->link_netnsid);
	} else {
		sbuf_add(out, " link-netnsid unknown");
	}
}

/* an alias is anyone's text: escaped like a name */
void fmt_link_alias(struct sbuf *out, const struct w_link *l)
{
	if (!l->ifalias)
		return;
	sbuf_add(out, "\n    alias ");
	esc_add(out, l->ifalias, 0);
}

void fmt_link_inet6_view(const struct w_link *l, struct w_link *out)
{
	*out = *l;
	out->has_iflink = l->has_iflink && l->iflink != l->ifindex;
	out->has_link_netnsid = 0;
	out->qdisc[0] = '\0';
	out->master = 0;
	/* its counters are IPv6's own (IFLA_INET6_STATS), not the link's,
	 * and it has no IFLA_CARRIER_CHANGES */
	out->has_stats = l->stats6 != NULL;
	if (l->stats6)
		out->stats = *l->stats6;
	else
		memset(&out->stats, 0, sizeof out->stats);
	out->has_carrier_changes = false;
}

/* "    link/ether MAC brd MAC link-netns vnet" (no newline) */
static void link_line(struct sbuf *out, const struct w_ns *ns,
                      const struct w_link *l, bool alias)
{
	fmt_link_lladdr(out, l);
	fmt_link_netns(out, ns, l);
	if (alias)
		fmt_link_alias(out, l);
}

void fmt_link(struct sbuf *out, const struct w_ns *ns, const struct w_link *l)
{
	fmt_link_head(out, ns, l, FMT_LH_MODE);
	sbuf_addc(out, '\n');
	link_line(out, ns, l, true);
	sbuf_addc(out, '\n');
}

/* ---- addresses ----------------------------------------------------------- */

void fmt_addr(struct sbuf *out, const struct w_ns *ns, const struct w_addr *a)
{
	const char *w[FMT_MAX_FLAG_WORDS];
	char buf[64], spare[32];
	size_t n;

	(void)ns;
	sbuf_printf(out, "    %s ", fmt_family_name(a->family));
	sbuf_add(out, w_ip_str(&a->local, buf, sizeof buf));
	if (a->peer.family)
		sbuf_printf(out, " peer %s", w_ip_str(&a->peer, buf, sizeof buf));
	sbuf_printf(out, "/%d ", a->prefixlen);
	if (a->has_metric)
		sbuf_printf(out, "metric %u ", a->metric);
	if (a->brd.family)
		sbuf_printf(out, "brd %s ", w_ip_str(&a->brd, buf, sizeof buf));
	sbuf_printf(out, "scope %s ", fmt_scope_name(a->scope, buf, sizeof buf));
	n = fmt_addr_flag_words(a->family, a->flags, w, FMT_MAX_FLAG_WORDS,
	                        spare, sizeof spare);
	add_words(out, w, n, " ", " ");
	esc_add(out, a->label, 0);
	if (a->has_cacheinfo) {
		sbuf_add(out, "\n       valid_lft ");
		if (a->valid_lft == 0xffffffffu)
			sbuf_add(out, "forever");
		else
			sbuf_printf(out, "%usec", a->valid_lft);
		sbuf_add(out, " preferred_lft ");
		if (a->preferred_lft == 0xffffffffu)
			sbuf_add(out, "forever");
		else if (a->flags & IFA_F_DEPRECATED)
			sbuf_printf(out, "%dsec", (int)a->preferred_lft);
		else
			sbuf_printf(out, "%usec", a->preferred_lft);
	}
	sbuf_addc(out, '\n');
}

/* Kernel order within one device: IPv4 before IPv6; IPv4 primaries by
 * scope (host, link, then global), secondaries after them; IPv6 global
 * before link before host.  Ties keep world order. */
static int family_rank(int family)
{
	return family == AF_INET ? 0 : family == AF_INET6 ? 1 : 2;
}

static int addr_cmp(const void *pa, const void *pb)
{
	const struct w_addr *a = *(const struct w_addr *const *)pa;
	const struct w_addr *b = *(const struct w_addr *const *)pb;
	int fa = family_rank(a->family), fb = family_rank(b->family);

	if (fa != fb)
		return fa - fb;
	if (a->family == AF_INET) {
		int sa = !!(a->flags & IFA_F_SECONDARY);
		int sb = !!(b->flags & IFA_F_SECONDARY);
		if (sa != sb)
			return sa - sb;
		if (!sa && a->scope != b->scope)
			return b->scope - a->scope;
	} else if (a->family == AF_INET6 && a->scope != b->scope) {
		return a->scope - b->scope;
	}
	return (a > b) - (a < b);
}

size_t fmt_addrs_of(const struct w_ns *ns, int ifindex, int family,
                    const struct w_addr ***v)
{
	size_t n = 0;

	*v = xcalloc(ns && ns->naddrs ? ns->naddrs : 1, sizeof **v);
	for (size_t i = 0; ns && i < ns->naddrs; i++)
		if (ns->addrs[i].ifindex == ifindex &&
		    (!family || ns->addrs[i].family == family))
			(*v)[n++] = &ns->addrs[i];
	qsort(*v, n, sizeof **v, addr_cmp);
	return n;
}

void fmt_link_addrs(struct sbuf *out, const struct w_ns *ns,
                    const struct w_link *l)
{
	const struct w_addr **v;
	size_t n = 0;

	fmt_link_head(out, ns, l, 0);
	sbuf_addc(out, '\n');
	link_line(out, ns, l, false);
	sbuf_addc(out, '\n');
	if (!ns || !ns->naddrs)
		return;
	v = xcalloc(ns->naddrs, sizeof *v);
	for (size_t i = 0; i < ns->naddrs; i++)
		if (ns->addrs[i].ifindex == l->ifindex)
			v[n++] = &ns->addrs[i];
	qsort(v, n, sizeof *v, addr_cmp);
	for (size_t i = 0; i < n; i++)
		fmt_addr(out, ns, v[i]);
	free(v);
}

/* ---- routes -------------------------------------------------------------- */

static int host_len(int family)
{
	return family == AF_INET6 ? 128 : family == AF_INET ? 32 : 0;
}

static void gateway(struct sbuf *out, int family, const struct w_ip *gw)
{
	char buf[64];

	if (gw->family == family)
		sbuf_printf(out, "via %s ", w_ip_str(gw, buf, sizeof buf));
	else   /* RTA_VIA: a gateway of another family */
		sbuf_printf(out, "via %s %s ", fmt_family_name(gw->family),
		            w_ip_str(gw, buf, sizeof buf));
}

static void route_flags(struct sbuf *out, unsigned flags)
{
	const char *w[FMT_MAX_FLAG_WORDS];
	size_t n = fmt_route_flag_words(flags, w, FMT_MAX_FLAG_WORDS);

	add_words(out, w, n, " ", " ");
}

static const struct { unsigned bit; const char *name; } cache_names[] = {
	{ RTCF_LOCAL, "local" }, { RTCF_REJECT, "reject" },
	{ RTCF_MULTICAST, "mc" }, { RTCF_BROADCAST, "brd" },
	{ RTCF_DNAT, "dst-nat" }, { RTCF_SNAT, "src-nat" },
	{ RTCF_MASQ, "masq" }, { RTCF_DIRECTDST, "dst-direct" },
	{ RTCF_DIRECTSRC, "src-direct" },
	{ RTCF_REDIRECTED, "redirected" },
	{ RTCF_DOREDIRECT, "redirect" }, { RTCF_FAST, "fastroute" },
	{ RTCF_NOTIFY, "notify" }, { RTCF_TPROXY, "proxy" },
};

size_t fmt_cache_flag_words(unsigned flags, const char **v, size_t max)
{
	size_t n = 0;

	for (size_t i = 0; i < sizeof cache_names / sizeof *cache_names; i++)
		if ((flags & cache_names[i].bit) && n < max)
			v[n++] = cache_names[i].name;
	return n;
}

/* The cache line of an IPv4 `route get` answer: RTCF_* in the top half
 * of rtm_flags, in ip's order. */
static void cache_flags(struct sbuf *out, unsigned flags)
{
	flags &= ~0xffffu;
	sbuf_add(out, "\n    cache ");
	if (!flags)
		return;
	sbuf_addc(out, '<');
	for (size_t i = 0; i < sizeof cache_names / sizeof *cache_names; i++) {
		if (flags & cache_names[i].bit) {
			flags &= ~cache_names[i].bit;
			sbuf_printf(out, "%s%s", cache_names[i].name,
			            flags ? "," : "> ");
		}
	}
	if (flags)
		sbuf_printf(out, "%x>", flags);
}

/* f: the `route show` filter (routing): what it selects on is left out
 * of the line, as ip leaves it out; NULL for none.  details: `ip -d`,
 * which prints the type, protocol and scope even when they are the
 * defaults; all_tables: and the table, main too, when no table was asked
 * for (route get, table all) */
static void route_line(struct sbuf *out, const struct w_ns *ns,
                       const struct w_route *r,
                       const struct fmt_route_filter *f, bool details,
                       bool all_tables)
{
	char buf[64], nbuf[IFNAME_BUF];
	int hl = host_len(r->family);

	if (r->type != RTN_UNICAST || details)
		sbuf_printf(out, "%s ", fmt_rtype_name(r->type, buf, sizeof buf));
	if (r->dst_len == 0)
		sbuf_add(out, "default ");
	else if (r->dst.family == 0)
		sbuf_printf(out, "0/%d ", r->dst_len);
	else if (r->dst_len == hl)
		sbuf_printf(out, "%s ", w_ip_str(&r->dst, buf, sizeof buf));
	else
		sbuf_printf(out, "%s/%d ", w_ip_str(&r->dst, buf, sizeof buf),
		            r->dst_len);
	if (r->src.family) {
		if (r->src_len == hl)
			sbuf_printf(out, "from %s ",
			            w_ip_str(&r->src, buf, sizeof buf));
		else
			sbuf_printf(out, "from %s/%d ",
			            w_ip_str(&r->src, buf, sizeof buf), r->src_len);
	} else if (r->src_len) {
		sbuf_printf(out, "from 0/%d ", r->src_len);
	}
	if (r->tos && !(f && f->has_tos))
		sbuf_printf(out, "tos %s ", fmt_dsfield_name(r->tos, buf, sizeof buf));
	if (r->gw.family && !(f && f->has_via && f->via_len == hl))
		gateway(out, r->family, &r->gw);
	if (r->oif && !(f && f->oif))
		sbuf_printf(out, "dev %s ", ifname(ns, r->oif, nbuf, sizeof nbuf));
	/* listing the main table, ip never names it, -d or not */
	if (r->table && !(f && f->table) &&
	    (r->table != RT_TABLE_MAIN || (details && all_tables)))
		sbuf_printf(out, "table %s ",
		            fmt_table_name(r->table, buf, sizeof buf));
	if (!(r->flags & RTM_F_CLONED)) {
		if ((r->protocol != RTPROT_BOOT || details) &&
		    !(f && f->has_protocol))
			sbuf_printf(out, "proto %s ",
			            fmt_proto_name(r->protocol, buf, sizeof buf));
		if ((r->scope != RT_SCOPE_UNIVERSE || details) &&
		    !(f && f->has_scope))
			sbuf_printf(out, "scope %s ",
			            fmt_scope_name(r->scope, buf, sizeof buf));
	}
	if (r->prefsrc.family && !(f && f->has_src && f->src_len == hl))
		sbuf_printf(out, "src %s ", w_ip_str(&r->prefsrc, buf, sizeof buf));
	if (r->has_priority && !(f && f->has_metric))
		sbuf_printf(out, "metric %u ", r->priority);
	route_flags(out, r->flags);
	if (r->mark >= 16)
		sbuf_printf(out, "mark 0x%x ", r->mark);
	else if (r->mark)
		sbuf_printf(out, "mark %u ", r->mark);
	if (r->has_uid)
		sbuf_printf(out, "uid %u ", r->uid);
	if (r->family == AF_INET && (r->flags & RTM_F_CLONED))
		cache_flags(out, r->flags);
	if (r->expires)
		sbuf_printf(out, "expires %dsec ", (int)(r->expires / ROUTE_HZ));
	if (r->mtu)
		sbuf_printf(out, "mtu %u ", r->mtu);
	if (r->iif)
		sbuf_printf(out, "iif %s ", ifname(ns, r->iif, nbuf, sizeof nbuf));
	if (r->has_pref) {
		switch (r->pref) {
		case PREF_LOW: sbuf_add(out, "pref low"); break;
		case PREF_MEDIUM: sbuf_add(out, "pref medium"); break;
		case PREF_HIGH: sbuf_add(out, "pref high"); break;
		default: sbuf_printf(out, "%u", (unsigned)r->pref); break;
		}
	}
	for (int i = 0; i < r->nnexthops && i < W_MAX_NEXTHOPS; i++) {
		const struct w_nexthop *nh = &r->nh[i];

		sbuf_add(out, "\n\tnexthop ");
		if (nh->gw.family)
			gateway(out, r->family, &nh->gw);
		sbuf_printf(out, "dev %s ", ifname(ns, nh->ifindex, nbuf, sizeof nbuf));
		sbuf_printf(out, "weight %d ", nh->weight);
		route_flags(out, nh->flags);
	}
	sbuf_addc(out, '\n');
}

void fmt_route(struct sbuf *out, const struct w_ns *ns, const struct w_route *r)
{
	route_line(out, ns, r, NULL, false, false);
}

void fmt_route_details(struct sbuf *out, const struct w_ns *ns,
                       const struct w_route *r, bool details, bool all_tables)
{
	route_line(out, ns, r, NULL, details, all_tables);
}

void fmt_route_line(struct sbuf *out, const struct w_ns *ns,
                    const struct w_route *r, const struct fmt_route_filter *f)
{
	route_line(out, ns, r, f, false, false);
}

/* ip prints a `route get` answer with the same code as a listed route;
 * what differs is in the answer: RTM_F_CLONED (so no proto/scope and, for
 * IPv4, the cache line), RTA_UID, table main shown only when not main. */
void fmt_route_get(struct sbuf *out, const struct w_ns *ns,
                   const struct w_route *r)
{
	route_line(out, ns, r, NULL, false, false);
}

bool fmt_route_listed(const struct w_route *r)
{
	return r->table == RT_TABLE_MAIN && !(r->flags & RTM_F_CLONED);
}

/* Last address covered by an IPv6 prefix: fib6's tree walk visits a
 * prefix after everything inside it, which sorts this way. */
static void prefix_last(const struct w_route *r, uint8_t out[16])
{
	memcpy(out, r->dst.a, 16);
	for (int bit = r->dst_len < 0 ? 0 : r->dst_len; bit < 128; bit++)
		out[bit / 8] |= (uint8_t)(0x80u >> (bit % 8));
}

int fmt_route_cmp(const void *pa, const void *pb)
{
	const struct w_route *a = *(const struct w_route *const *)pa;
	const struct w_route *b = *(const struct w_route *const *)pb;
	int c;

	if (a->family != b->family)
		return family_rank(a->family) - family_rank(b->family);
	/* the kernel walks its tables by hash bucket (id mod 256), each
	 * bucket newest table first: a guess, the larger id first */
	if ((a->table & 0xff) != (b->table & 0xff))
		return (a->table & 0xff) - (b->table & 0xff);
	if (a->table != b->table)
		return (a->table < b->table) - (a->table > b->table);
	if (a->family == AF_INET) {
		c = memcmp(a->dst.a, b->dst.a, 4);
		if (c)
			return c;
		if (a->dst_len != b->dst_len)
			return b->dst_len - a->dst_len;
		if (a->tos != b->tos)
			return b->tos - a->tos;
	} else if (a->family == AF_INET6) {
		uint8_t la[16], lb[16];

		prefix_last(a, la);
		prefix_last(b, lb);
		c = memcmp(la, lb, 16);
		if (c)
			return c;
		if (a->dst_len != b->dst_len)
			return b->dst_len - a->dst_len;
	}
	if (a->priority != b->priority)
		return (a->priority > b->priority) - (a->priority < b->priority);
	return (a > b) - (a < b);
}

size_t fmt_routes_of(const struct w_ns *ns, int family,
                     const struct w_route ***v)
{
	size_t n = 0;

	*v = xcalloc(ns && ns->nroutes ? ns->nroutes : 1, sizeof **v);
	for (size_t i = 0; ns && i < ns->nroutes; i++)
		if (ns->routes[i].family == family &&
		    fmt_route_listed(&ns->routes[i]))
			(*v)[n++] = &ns->routes[i];
	qsort(*v, n, sizeof **v, fmt_route_cmp);
	return n;
}

void fmt_route_show(struct sbuf *out, const struct w_ns *ns, int family)
{
	const struct w_route **v;
	size_t n = 0;

	if (!ns || !ns->nroutes)
		return;
	v = xcalloc(ns->nroutes, sizeof *v);
	for (size_t i = 0; i < ns->nroutes; i++)
		if (ns->routes[i].family == family &&
		    fmt_route_listed(&ns->routes[i]))
			v[n++] = &ns->routes[i];
	qsort(v, n, sizeof *v, fmt_route_cmp);
	for (size_t i = 0; i < n; i++)
		fmt_route(out, ns, v[i]);
	free(v);
}

/* ---- neighbours ---------------------------------------------------------- */

bool fmt_neigh_listed(const struct w_neigh *n)
{
	/* ip's default state filter: every NUD_* bit but NOARP, and not
	 * NUD_NONE; proxy and externally learned entries pass regardless */
	const unsigned shown = 0xffu & ~(unsigned)NUD_NOARP;

	if (n->family != AF_INET && n->family != AF_INET6)
		return false;     /* bridge fdb entries: `bridge fdb`, not ip */
	return (n->state & shown) || (n->flags & (NTF_PROXY | NTF_EXT_LEARNED));
}

void fmt_neigh(struct sbuf *out, const struct w_ns *ns,
               const struct w_neigh *n, bool with_dev)
{
	fmt_neigh_stats(out, ns, n, with_dev, false);
}

/* ip divides the kernel's clock ticks by sysconf(_SC_CLK_TCK), which
 * is USER_HZ, 100 on Linux */
#define USER_HZ 100

void fmt_neigh_stats(struct sbuf *out, const struct w_ns *ns,
                     const struct w_neigh *n, bool with_dev, bool stats)
{
	static const struct { unsigned bit; const char *name; } states[] = {
		{ NUD_INCOMPLETE, "INCOMPLETE" }, { NUD_REACHABLE, "REACHABLE" },
		{ NUD_STALE, "STALE" }, { NUD_DELAY, "DELAY" },
		{ NUD_PROBE, "PROBE" }, { NUD_FAILED, "FAILED" },
		{ NUD_NOARP, "NOARP" }, { NUD_PERMANENT, "PERMANENT" },
	};
	const struct w_link *l;
	unsigned state = n->state;
	char buf[128];

	if (n->dst.family)
		sbuf_printf(out, "%s ", w_ip_str(&n->dst, buf, sizeof buf));
	if (with_dev && n->ifindex)
		sbuf_printf(out, "dev %s ", ifname(ns, n->ifindex, buf, sizeof buf));
	if (n->lladdr_len > 0) {
		l = ns ? world_find_link_index(ns, n->ifindex) : NULL;
		sbuf_printf(out, "lladdr %s ",
		            fmt_lladdr(n->lladdr, n->lladdr_len,
		                       l ? l->arptype : 0, buf, sizeof buf));
	}
	if (n->flags & NTF_ROUTER)
		sbuf_add(out, "router ");
	if (n->flags & NTF_PROXY)
		sbuf_add(out, "proxy ");
	if (n->flags & NTF_EXT_LEARNED)
		sbuf_add(out, "extern_learn ");
	if (n->flags & NTF_OFFLOADED)
		sbuf_add(out, "offload ");
	if (stats && n->has_cacheinfo) {
		if (n->refcnt)
			sbuf_printf(out, " ref %u", n->refcnt);
		sbuf_printf(out, " used %u/%u/%u", n->used / USER_HZ,
		            n->confirmed / USER_HZ, n->updated / USER_HZ);
	}
	if (stats && n->has_probes)
		sbuf_printf(out, "probes %u ", n->probes);
	for (size_t i = 0; i < sizeof states / sizeof *states; i++) {
		if (state & states[i].bit) {
			state &= ~states[i].bit;
			sbuf_printf(out, "%s ", states[i].name);
		}
	}
	if (state)
		sbuf_printf(out, "%x ", state);
	sbuf_addc(out, '\n');
}

void fmt_neigh_show(struct sbuf *out, const struct w_ns *ns, int ifindex,
                    int family)
{
	if (!ns)
		return;
	/* the kernel dumps the ARP table, then the IPv6 one */
	for (int pass = 0; pass < 2; pass++) {
		int fam = pass == 0 ? AF_INET : AF_INET6;

		if (family && family != fam)
			continue;
		for (size_t i = 0; i < ns->nneighs; i++) {
			const struct w_neigh *n = &ns->neighs[i];

			if (n->family != fam || !fmt_neigh_listed(n) ||
			    (ifindex && n->ifindex != ifindex))
				continue;
			fmt_neigh(out, ns, n, ifindex == 0);
		}
	}
}
