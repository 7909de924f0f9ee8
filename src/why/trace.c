/* SPDX-License-Identifier: GPL-2.0-or-later */
/* trace.c - why's walk: one packet, hop by hop, as the kernel would
 * send it, then its answer.  Every routing decision is the kernel's own
 * (kroute_lookup: RTM_GETROUTE with the source and, past the first hop,
 * the interface the packet came in by, so rp_filter, forwarding and
 * policy rules answer as they would for the packet); what the kernel
 * does not decide in a lookup (the state of the links, who on a wire has
 * an address, a listening socket) is read from the world and /proc. */
#include "why/priv.h"

#include <errno.h>
#include <linux/neighbour.h>
#include <linux/rtnetlink.h>
#include <linux/if.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "fmt/fmt.h"

struct tr {
	struct why_ctx c;
	struct why_result *r;
};

/* ---- naming ------------------------------------------------------------ */

static const char *qw(const char *w, char *buf, size_t len);

const char *why_ns_name(const struct w_ns *ns, char *buf, size_t len)
{
	return world_ns_label(ns, buf, len);
}

void why_cmd_head(const struct w_ns *ns, const char *tool, struct sbuf *out)
{
	bool ip_like = !strcmp(tool, "ip") || !strcmp(tool, "bridge") ||
	               !strcmp(tool, "nsviz");

	switch (ns->kind) {
	case W_NS_HOST:
		sbuf_add(out, tool);
		break;
	case W_NS_NAMED:
		if (ip_like) {
			sbuf_add(out, tool);
			cmd_quote_word(out, "-n");
			cmd_quote_word(out, ns->name);
		} else {
			sbuf_add(out, "ip netns exec");
			cmd_quote_word(out, ns->name);
			cmd_quote_word(out, tool);
		}
		break;
	case W_NS_UNNAMED:
		if (ns->holder_pid)
			sbuf_printf(out, "nsenter -t %d -n %s", (int)ns->holder_pid,
			            tool);
		else {
			char q[600];

			sbuf_printf(out, "nsenter --net=%s %s",
			            qw(ns->holder_path, q, sizeof q), tool);
		}
		break;
	}
}

static void add_fix(struct why_result *r, const struct w_ns *ns,
                    const char *tool, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void add_fix(struct why_result *r, const struct w_ns *ns,
                    const char *tool, const char *fmt, ...)
{
	struct sbuf b = SBUF_INIT;
	va_list ap;

	if (r->nfix >= WHY_MAX_FIX)
		return;
	why_cmd_head(ns, tool, &b);
	sbuf_addc(&b, ' ');
	va_start(ap, fmt);
	sbuf_vprintf(&b, fmt, ap);
	va_end(ap);
	snprintf(r->fix[r->nfix++], sizeof r->fix[0], "%s", sbuf_str(&b));
	sbuf_free(&b);
}

static void fix_sysctl(struct why_result *r, const struct w_ns *ns,
                       const char *key, int value)
{
	char kv[160], qb[200];

	snprintf(kv, sizeof kv, "%s=%d", key, value);
	add_fix(r, ns, "sysctl", "-w %s", qw(kv, qb, sizeof qb));
}

/* w as one shell word (a name made by someone else may hold ; $ or a
 * blank: a fix is meant to be pasted) into buf */
static const char *qw(const char *w, char *buf, size_t len)
{
	struct sbuf b = SBUF_INIT;

	cmd_quote_word(&b, w);
	snprintf(buf, len, "%s", sbuf_str(&b));
	sbuf_free(&b);
	return buf;
}

/* sysctl -w KEY=VALUE, the word quoted */
static void fix_sysctl(struct why_result *r, const struct w_ns *ns,
                       const char *key, int value);

static void stop(struct tr *t, bool reply, enum why_reason why,
                 struct w_ns *ns, const char *obj, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
static void stop(struct tr *t, bool reply, enum why_reason why,
                 struct w_ns *ns, const char *obj, const char *fmt, ...)
{
	va_list ap;

	t->r->reason = why;
	t->r->where = ns;
	t->r->in_reply = reply;
	snprintf(t->r->object, sizeof t->r->object, "%s", obj);
	va_start(ap, fmt);
	vsnprintf(t->r->text, sizeof t->r->text, fmt, ap);
	va_end(ap);
}

static const char *ip_s(const struct w_ip *ip, char *buf, size_t len)
{
	return w_ip_str(ip, buf, len);
}

/* ---- what the kernel says outside a lookup ------------------------------ */

/* A sysctl's integer value in ns; def when it cannot be read */
static long sysctl_int(struct tr *t, struct w_ns *ns, const char *key, long def)
{
	struct sbuf out = SBUF_INIT;
	struct kerr e = { 0 };
	long v = def;

	if (ksysctl_read(t->c.k, ns, key, &out, &e) == 0) {
		char *end;
		long n = strtol(sbuf_str(&out), &end, 10);

		if (end != sbuf_str(&out))
			v = n;
	}
	sbuf_free(&out);
	return v;
}

/* "net.ipv4.conf.veth0.rp_filter": sysctl writes a '.' of a name as '/' */
static void conf_key(char *buf, size_t len, const char *fam, const char *dev,
                     const char *what)
{
	char d[W_IFNAMSIZ];

	snprintf(d, sizeof d, "%s", dev);
	for (char *p = d; *p; p++)
		if (*p == '.')
			*p = '/';
	snprintf(buf, len, "net.%s.conf.%s.%s", fam, d, what);
}

/* The address ip on link l (l NULL: any link) of ns; *tentative when it
 * is there but still in duplicate address detection (or failed it) */
bool why_has_addr(const struct w_ns *ns, const struct w_link *l,
                  const struct w_ip *ip, bool *tentative)
{
	for (size_t i = 0; i < ns->naddrs; i++) {
		const struct w_addr *a = &ns->addrs[i];

		if (a->family != ip->family || !w_ip_eq(&a->local, ip) ||
		    (l && a->ifindex != l->ifindex))
			continue;
		if (a->flags & (IFA_F_TENTATIVE | IFA_F_DADFAILED)) {
			if (tentative)
				*tentative = true;
			continue;
		}
		return true;
	}
	return false;
}

/* Whether ip is inside prefix/len */
static bool in_prefix(const struct w_ip *ip, const struct w_ip *pfx, int len)
{
	int bytes = ip->family == AF_INET6 ? 16 : 4;

	if (ip->family != pfx->family || len < 0 || len > bytes * 8)
		return false;
	for (int i = 0; i < bytes; i++) {
		int bits = len - i * 8;
		uint8_t m = bits >= 8 ? 0xff : bits <= 0 ? 0 :
		            (uint8_t)(0xff << (8 - bits));

		if ((ip->a[i] & m) != (pfx->a[i] & m))
			return false;
	}
	return true;
}

/* Whether ip is in the prefix of one of ns's addresses on ifindex (a
 * neighbour there could be a gateway) */
static bool on_link_prefix(const struct w_ns *ns, int ifindex,
                           const struct w_ip *ip)
{
	for (size_t b = 0; b < ns->naddrs; b++)
		if (ns->addrs[b].ifindex == ifindex &&
		    in_prefix(ip, &ns->addrs[b].local, ns->addrs[b].prefixlen))
			return true;
	return false;
}

static void net_of(const struct w_ip *ip, int len, char *buf, size_t blen)
{
	struct w_ip n = *ip;
	int bytes = ip->family == AF_INET6 ? 16 : 4;
	char a[64];

	for (int i = 0; i < bytes; i++) {
		int bits = len - i * 8;
		uint8_t m = bits >= 8 ? 0xff : bits <= 0 ? 0 :
		            (uint8_t)(0xff << (8 - bits));

		n.a[i] &= m;
	}
	snprintf(buf, blen, "%s/%d", ip_s(&n, a, sizeof a), len);
}

static const char *nud_name(unsigned s)
{
	if (s & NUD_PERMANENT) return "PERMANENT";
	if (s & NUD_NOARP) return "NOARP";
	if (s & NUD_REACHABLE) return "REACHABLE";
	if (s & NUD_STALE) return "STALE";
	if (s & NUD_DELAY) return "DELAY";
	if (s & NUD_PROBE) return "PROBE";
	if (s & NUD_INCOMPLETE) return "INCOMPLETE";
	if (s & NUD_FAILED) return "FAILED";
	return "NONE";
}

static const struct w_neigh *neigh_of(const struct w_ns *ns, int ifindex,
                                      const struct w_ip *ip)
{
	for (size_t i = 0; i < ns->nneighs; i++)
		if (ns->neighs[i].ifindex == ifindex &&
		    w_ip_eq(&ns->neighs[i].dst, ip))
			return &ns->neighs[i];
	return NULL;
}

/* ---- a fix for a missing route ------------------------------------------ */

/* The address of some namespace whose prefix holds dst (dst itself
 * first): *owner, *ol, the prefix */
static bool find_prefix_owner(struct tr *t, const struct w_ip *dst,
                              struct w_ns **owner, const struct w_addr **oa)
{
	const struct w_addr *best = NULL;
	struct w_ns *bns = NULL;

	for (size_t n = 0; n < t->c.w->nns; n++) {
		struct w_ns *ns = t->c.w->ns[n];

		for (size_t i = 0; i < ns->naddrs; i++) {
			const struct w_addr *a = &ns->addrs[i];

			if (a->family != dst->family || a->scope >= RT_SCOPE_HOST)
				continue;
			if (w_ip_eq(&a->local, dst)) {
				*owner = ns;
				*oa = a;
				return true;
			}
			if (in_prefix(dst, &a->local, a->prefixlen) &&
			    (!best || a->prefixlen > best->prefixlen)) {
				best = a;
				bns = ns;
			}
		}
	}
	if (!best)
		return false;
	*owner = bns;
	*oa = best;
	return true;
}

/* ns has no route to dst: say how one would look.  A link of ns whose
 * wire reaches the namespace that has dst: a route by that device; else
 * a namespace on one of ns's wires with a route to dst: a route via it. */
static void fix_no_route(struct tr *t, struct w_ns *ns, const struct w_ip *dst)
{
	char qb[80];
	struct w_ns *owner;
	const struct w_addr *oa;
	struct why_ends ends;
	char net[80], gw[64];

	if (!find_prefix_owner(t, dst, &owner, &oa))
		return;
	net_of(&oa->local, oa->prefixlen, net, sizeof net);
	for (size_t i = 0; i < ns->nlinks; i++) {
		struct w_link *l = &ns->links[i];

		if (l->flags & IFF_LOOPBACK)
			continue;
		why_wire(&t->c, ns, l, &ends);
		for (int j = 0; j < ends.n; j++)
			if (ends.v[j].ns == owner && ends.v[j].block == WHY_OK) {
				add_fix(t->r, ns, "ip", "route add %s dev %s", net,
				        qw(l->name, qb, sizeof qb));
				return;
			}
	}
	/* a gateway: a neighbour on one of ns's wires, whose address is in
	 * one of ns's own prefixes on that link, with a route to dst */
	for (size_t i = 0; i < ns->nlinks; i++) {
		struct w_link *l = &ns->links[i];

		if (l->flags & IFF_LOOPBACK)
			continue;
		why_wire(&t->c, ns, l, &ends);
		for (int j = 0; j < ends.n; j++) {
			struct why_end *e = &ends.v[j];
			struct kroute_query q;
			struct w_route rt;
			struct kerr ke = { 0 };

			if (e->block != WHY_OK || e->ns == ns)
				continue;
			for (size_t a = 0; a < e->ns->naddrs; a++) {
				const struct w_addr *ea = &e->ns->addrs[a];

				if (ea->ifindex != e->l->ifindex ||
				    ea->family != dst->family ||
				    ea->scope >= RT_SCOPE_LINK ||
				    !on_link_prefix(ns, l->ifindex, &ea->local))
					continue;
				memset(&q, 0, sizeof q);
				q.dst = *dst;
				if (kroute_lookup(t->c.k, e->ns, &q, &rt, &ke) < 0)
					continue;
				add_fix(t->r, ns, "ip", "route add %s via %s", net,
				        ip_s(&ea->local, gw, sizeof gw));
				return;
			}
		}
	}
}

/* ns's gateway gw on out is nobody's: a route by the same prefix via
 * the one address on that wire in ns's own prefix (a likely typo) */
static void fix_gateway(struct tr *t, struct w_ns *ns, const struct w_link *out,
                        const struct w_ip *gw, const struct w_ip *dst,
                        const struct why_ends *ends)
{
	const struct w_route *rt = NULL;
	const struct w_ip *cand = NULL;
	struct w_ns *cand_ns = NULL;
	const struct w_link *cand_l = NULL;
	char g[64], pfx[80];
	int ncand = 0;

	for (size_t i = 0; i < ns->nroutes && !rt; i++)
		if (ns->routes[i].table == RT_TABLE_MAIN &&
		    w_ip_eq(&ns->routes[i].gw, gw) &&
		    ns->routes[i].oif == out->ifindex)
			rt = &ns->routes[i];
	if (!rt)
		return;
	for (int i = 0; i < ends->n; i++) {
		const struct why_end *e = &ends->v[i];

		if (e->block != WHY_OK || (e->ns == ns && e->l == out))
			continue;
		for (size_t a = 0; a < e->ns->naddrs; a++) {
			const struct w_addr *x = &e->ns->addrs[a];

			if (x->ifindex != e->l->ifindex || x->family != gw->family ||
			    x->scope >= RT_SCOPE_LINK)
				continue;
			if (on_link_prefix(ns, out->ifindex, &x->local) &&
			    (!cand || !w_ip_eq(cand, &x->local))) {
				cand = &x->local;
				cand_ns = e->ns;
				cand_l = e->l;
				ncand++;
			}
		}
	}
	if (ncand != 1)
		return;
	/* only a neighbour that has a way on: dst is its own, or its route
	 * to dst leaves by another link (forwarding is the next hop's
	 * business: why says so then) */
	{
		struct kroute_query q;
		struct w_route r2;
		struct kerr e = { 0 };

		memset(&q, 0, sizeof q);
		q.dst = *dst;
		if (kroute_lookup(t->c.k, cand_ns, &q, &r2, &e) < 0 ||
		    (r2.type != RTN_LOCAL && r2.oif == cand_l->ifindex))
			return;
	}
	if (rt->dst_len == 0)
		snprintf(pfx, sizeof pfx, "default");
	else
		net_of(&rt->dst, rt->dst_len, pfx, sizeof pfx);
	add_fix(t->r, ns, "ip", "route replace %s via %s", pfx,
	        ip_s(cand, g, sizeof g));
}

/* ---- one direction ------------------------------------------------------- */

static bool link_up(const struct w_link *l)
{
	return l->flags & IFF_UP;
}

static bool carrier(const struct w_link *l)
{
	return (l->flags & IFF_LOWER_UP) || (l->flags & IFF_LOOPBACK);
}

/* The first address of family on l (link-local only for IPv6 when none
 * other), for a source the kernel did not name */
static bool addr_on(const struct w_ns *ns, int ifindex, int family,
                    struct w_ip *out)
{
	for (size_t i = 0; i < ns->naddrs; i++)
		if (ns->addrs[i].ifindex == ifindex &&
		    ns->addrs[i].family == family) {
			*out = ns->addrs[i].local;
			return true;
		}
	return false;
}

static void read_ns(struct tr *t, struct w_ns *ns)
{
	struct kerr e = { 0 };

	ksync_ns_ready(t->c.k, ns, &e);
	ksync_read_neighs(t->c.k, ns, &e);
}

/* The route of ns's main table that dst matches best, when it is an
 * unreachable, blackhole or prohibit route (the kernel's lookup says
 * only EHOSTUNREACH, EINVAL or EACCES for them) */
static const struct w_route *special_route(const struct w_ns *ns,
                                           const struct w_ip *dst)
{
	const struct w_route *best = NULL;

	for (size_t i = 0; i < ns->nroutes; i++) {
		const struct w_route *r = &ns->routes[i];

		if (r->table != RT_TABLE_MAIN || r->family != dst->family ||
		    (r->dst_len && !in_prefix(dst, &r->dst, r->dst_len)))
			continue;
		if (!best || r->dst_len > best->dst_len)
			best = r;
	}
	if (best && (best->type == RTN_UNREACHABLE ||
	             best->type == RTN_BLACKHOLE || best->type == RTN_PROHIBIT))
		return best;
	return NULL;
}

static bool stop_special(struct tr *t, bool reply, struct w_ns *ns,
                         const struct w_ip *dst)
{
	const struct w_route *sr = special_route(ns, dst);
	const char *what = reply ? "reply" : "request";
	char nb[300], d[64], pfx[80];
	const char *ty;

	if (!sr)
		return false;
	ty = sr->type == RTN_UNREACHABLE ? "unreachable"
	     : sr->type == RTN_BLACKHOLE ? "blackhole" : "prohibit";
	why_ns_name(ns, nb, sizeof nb);
	ip_s(dst, d, sizeof d);
	if (sr->dst_len == 0)
		snprintf(pfx, sizeof pfx, "default");
	else
		net_of(&sr->dst, sr->dst_len, pfx, sizeof pfx);
	stop(t, reply, WHY_ROUTE_TYPE, ns, pfx, "%s's route to %s is %s %s "
	     "route (%s %s): the %s is dropped there on purpose%s", nb, d,
	     sr->type == RTN_UNREACHABLE ? "an" : "a", ty, ty, pfx, what, sr->type == RTN_BLACKHOLE ? ", without a word"
	     : sr->type == RTN_PROHIBIT ? " (ICMP \"administratively "
	     "prohibited\")" : " (ICMP \"host unreachable\")");
	add_fix(t->r, ns, "ip", "route del %s %s", ty, pfx);
	/* and what would carry it once that route is gone, when a route
	 * like the one it stood for is not there */
	fix_no_route(t, ns, dst);
	return true;
}

/* Whether strict reverse path filtering is on for in, and ns's way back
 * to src leaves by another link */
static bool rp_strict_drop(struct tr *t, struct w_ns *ns,
                           const struct w_link *in, const struct w_ip *src)
{
	struct kroute_query q;
	struct w_route rt;
	struct kerr e = { 0 };
	char key[128];
	long all, dev;

	conf_key(key, sizeof key, "ipv4", "all", "rp_filter");
	all = sysctl_int(t, ns, key, 0);
	conf_key(key, sizeof key, "ipv4", in->name, "rp_filter");
	dev = sysctl_int(t, ns, key, 0);
	if ((all > dev ? all : dev) != 1)
		return false;
	memset(&q, 0, sizeof q);
	q.dst = *src;
	if (kroute_lookup(t->c.k, ns, &q, &rt, &e) < 0)
		return true;    /* no way back at all */
	return rt.oif != in->ifindex;
}

/* The route lookup failed where the packet came in by iif (a router):
 * which of the kernel's reasons */
static void input_refused(struct tr *t, bool reply, struct w_ns *ns,
                          struct w_link *in, const struct why_leg *g,
                          const struct kerr *ke)
{
	char nb[300], s[64], d[64], key[128];
	bool v6 = g->dst.family == AF_INET6;
	const char *fam = v6 ? "ipv6" : "ipv4";

	why_ns_name(ns, nb, sizeof nb);
	ip_s(&g->src, s, sizeof s);
	ip_s(&g->dst, d, sizeof d);
	if (!v6 && (ke->err == EXDEV || ke->err == EINVAL) &&
	    rp_strict_drop(t, ns, in, &g->src)) {
		/* fib_validate_source: the way back to the source is not
		 * the way it came in (the kernel's answer is EXDEV or, on
		 * some paths, EINVAL; the reverse lookup says which) */
		long all, dev;

		conf_key(key, sizeof key, fam, "all", "rp_filter");
		all = sysctl_int(t, ns, key, 0);
		conf_key(key, sizeof key, fam, in->name, "rp_filter");
		dev = sysctl_int(t, ns, key, 0);
		stop(t, reply, WHY_RP_FILTER, ns, in->name,
		     "%s drops the %s from %s that comes in by %s: its route "
		     "back to %s does not leave by %s, and strict reverse path "
		     "filtering (rp_filter=1) drops such packets",
		     nb, reply ? "reply" : "request", s, in->name, s, in->name);
		if (all == 1)
			add_fix(t->r, ns, "sysctl", "-w %s=2",
			        "net.ipv4.conf.all.rp_filter");
		if (dev == 1) {
			conf_key(key, sizeof key, fam, in->name, "rp_filter");
			fix_sysctl(t->r, ns, key, 2);
		}
		return;
	}
	if (ke->err == EINVAL && why_has_addr(ns, NULL, &g->src, NULL)) {
		/* a martian: its own address as the source, so the packet
		 * came back to where it started */
		char pb[300];
		const struct w_ns *prev = g->nhops >= 2
		                          ? g->hops[g->nhops - 2].ns : NULL;

		why_ns_name(prev ? prev : ns, pb, sizeof pb);
		stop(t, reply, WHY_LOOP, ns, d, "%s sends the %s back to %s, "
		     "which drops a packet that comes in with its own address "
		     "as the source: the routes of %s and %s for %s point at "
		     "each other", pb, reply ? "reply" : "request", nb, nb, pb,
		     d);
		return;
	}
	if (ke->err == EHOSTUNREACH || ke->err == ENETUNREACH) {
		long fwd;

		if (v6)
			snprintf(key, sizeof key, "net.ipv6.conf.all.forwarding");
		else
			snprintf(key, sizeof key, "net.ipv4.ip_forward");
		fwd = sysctl_int(t, ns, key, 1);
		if (!fwd) {
			stop(t, reply, WHY_NO_FORWARDING, ns, key,
			     "the %s reaches %s, which is not its destination, "
			     "and %s does not forward packets (%s is 0)",
			     reply ? "reply" : "request", nb, nb, key);
			add_fix(t->r, ns, "sysctl", "-w %s=1", key);
			return;
		}
		if (!v6) {
			conf_key(key, sizeof key, fam, in->name, "forwarding");
			if (!sysctl_int(t, ns, key, 1)) {
				stop(t, reply, WHY_NO_FORWARDING, ns, in->name,
				     "%s forwards packets, but not those that come "
				     "in by %s (%s is 0)", nb, in->name, key);
				fix_sysctl(t->r, ns, key, 1);
				return;
			}
		}
		stop(t, reply, WHY_NO_ROUTE, ns, d,
		     "the %s reaches %s, which has no route to %s: it is "
		     "dropped there", reply ? "reply" : "request", nb, d);
		fix_no_route(t, ns, &g->dst);
		return;
	}
	stop(t, reply, WHY_ERROR, ns, d, "%s refuses the %s from %s to %s "
	     "that comes in by %s: %s", nb, reply ? "reply" : "request", s, d,
	     in->name, kerr_str(ke));
}

/* No route to dst in ns, and a link of ns with addresses is down: the
 * kernel took its routes away when it went down.  The verdict is that
 * link (the one whose wire leads to dst's namespace, when one does). */
static bool down_link_first(struct tr *t, bool reply, struct w_ns *ns,
                            const struct w_ip *dst)
{
	char qb[80];
	struct w_link *pick = NULL;
	struct w_ns *owner = NULL;
	const struct w_addr *oa = NULL;
	char nb[300], d[64];

	find_prefix_owner(t, dst, &owner, &oa);
	for (size_t i = 0; i < ns->nlinks; i++) {
		struct w_link *l = &ns->links[i];
		struct why_ends ends;
		bool addrs = false;

		if ((l->flags & IFF_LOOPBACK) || link_up(l))
			continue;
		for (size_t a = 0; a < ns->naddrs; a++)
			if (ns->addrs[a].ifindex == l->ifindex &&
			    ns->addrs[a].family == dst->family &&
			    ns->addrs[a].scope < RT_SCOPE_LINK)
				addrs = true;
		if (!addrs)
			continue;
		if (!pick)
			pick = l;
		if (owner) {
			why_wire(&t->c, ns, l, &ends);
			for (int j = 0; j < ends.n; j++)
				if (ends.v[j].ns == owner) {
					pick = l;
					goto found;
				}
		}
	}
found:
	if (!pick)
		return false;
	why_ns_name(ns, nb, sizeof nb);
	ip_s(dst, d, sizeof d);
	stop(t, reply, WHY_LINK_DOWN, ns, pick->name,
	     "%s has no route to %s because %s is down: the kernel takes "
	     "away the routes through a link that goes down (those added "
	     "by hand, like a default route, must be added again after it "
	     "is up)", nb, d, pick->name);
	add_fix(t->r, ns, "ip", "link set %s up", qw(pick->name, qb, sizeof qb));
	return true;
}

/* Follow leg g from ns (out of oif when not 0).  Returns true when it
 * arrives (g->arrives), false with the verdict set. */
static bool walk(struct tr *t, struct why_leg *g, struct w_ns *ns, int oif,
                 bool reply, bool src_given)
{
	struct w_link *in = NULL;
	char nb[300], d[64], s[64], n2[300], qb[80];
	const char *what = reply ? "reply" : "request";

	ip_s(&g->dst, d, sizeof d);
	for (int hop = 0;; hop++) {
		struct why_hop *h;
		struct kroute_query q;
		struct w_route rt;
		struct kerr ke = { 0 };
		struct w_link *out;
		struct why_ends ends;
		struct why_end *to = NULL, *blocked = NULL;
		bool tentative = false;
		struct sbuf rb = SBUF_INIT;

		if (hop >= WHY_MAX_HOPS) {
			stop(t, reply, WHY_LOOP, ns, d, "the %s to %s goes round: "
			     "more than %d namespaces on the way", what, d,
			     WHY_MAX_HOPS);
			return false;
		}
		h = &g->hops[g->nhops++];
		memset(h, 0, sizeof *h);
		h->ns = ns;
		why_ns_name(ns, nb, sizeof nb);
		if (in)
			snprintf(h->in, sizeof h->in, "%s", in->name);
		if (ns->unread[0]) {
			stop(t, reply, WHY_UNREADABLE, ns, nb, "the %s reaches %s, "
			     "which nsviz cannot read: %s", what, nb, ns->unread);
			return false;
		}
		read_ns(t, ns);
		/* nftables' prerouting: a reply's translated destination is
		 * undone first (conntrack), a dnat changes where it goes */
		if (in && reply)
			why_nft_unnat(&t->c, g, ns, true);
		if (in && !why_nft_hook(&t->c, t->r, g, h, reply, WHY_HOOK_PRE,
		                        in->name, NULL))
			return false;
		ip_s(&g->dst, d, sizeof d);
		memset(&q, 0, sizeof q);
		q.dst = g->dst;
		if (hop > 0 || src_given)
			q.src = g->src;
		q.iif = in ? in->ifindex : 0;
		q.oif = hop == 0 ? oif : 0;
		if (kroute_lookup(t->c.k, ns, &q, &rt, &ke) < 0) {
			snprintf(h->said, sizeof h->said, "%s", kerr_str(&ke));
			if (stop_special(t, reply, ns, &g->dst))
				return false;
			if (in) {
				input_refused(t, reply, ns, in, g, &ke);
				return false;
			}
			if ((ke.err == ENETUNREACH || ke.err == EHOSTUNREACH) &&
			    down_link_first(t, reply, ns, &g->dst))
				return false;
			if (ke.err == ENETUNREACH || ke.err == EHOSTUNREACH) {
				if (reply) {
					stop(t, reply, WHY_NO_ROUTE, ns, d,
					     "the %s reaches %s, but %s has no "
					     "route back to %s: the %s is dropped "
					     "there", t->r->q.proto == IPPROTO_ICMP
					     ? "request" : "packet", nb, nb, d,
					     t->r->q.proto == IPPROTO_ICMP ? "reply"
					     : "answer");
				} else {
					stop(t, reply, WHY_NO_ROUTE, ns, d,
					     "%s has no route to %s: the %s cannot "
					     "leave (%s says \"Network is "
					     "unreachable\")", nb, d,
					     t->r->q.proto == IPPROTO_ICMP ? "request"
					     : "packet", t->r->q.proto == IPPROTO_ICMP
					     ? "ping" : "connect");
				}
				fix_no_route(t, ns, &g->dst);
				return false;
			}
			if (ke.err == EINVAL && src_given && !reply) {
				ip_s(&g->src, s, sizeof s);
				stop(t, reply, WHY_ERROR, ns, s, "%s is not an "
				     "address of %s: a packet from it cannot "
				     "start there", s, nb);
				return false;
			}
			stop(t, reply, WHY_ERROR, ns, d, "route get %s in %s "
			     "fails: %s", d, nb, kerr_str(&ke));
			return false;
		}
		h->has_route = true;
		fmt_route_get(&rb, ns, &rt);
		{
			int n = (int)strcspn(sbuf_str(&rb), "\n");

			while (n > 0 && sbuf_str(&rb)[n - 1] == ' ')
				n--;
			snprintf(h->route, sizeof h->route, "%.*s", n,
			         sbuf_str(&rb));
		}
		sbuf_free(&rb);
		if (hop == 0 && !src_given && !g->src.family) {
			if (rt.prefsrc.family)
				g->src = rt.prefsrc;
			else if (!addr_on(ns, rt.oif, g->dst.family, &g->src))
				g->src = g->dst;
		}
		if (rt.type == RTN_LOCAL) {
			if (!in && !why_nft_hook(&t->c, t->r, g, h, reply,
			                         WHY_HOOK_OUT, NULL, "lo"))
				return false;
			if (!why_nft_hook(&t->c, t->r, g, h, reply, WHY_HOOK_IN,
			                  in ? in->name : "lo", NULL))
				return false;
			h->local = true;
			g->arrives = true;
			return true;
		}
		if (rt.type == RTN_UNREACHABLE || rt.type == RTN_BLACKHOLE ||
		    rt.type == RTN_PROHIBIT) {
			const char *ty = rt.type == RTN_UNREACHABLE ? "unreachable"
			                 : rt.type == RTN_BLACKHOLE ? "blackhole"
			                 : "prohibit";

			stop(t, reply, WHY_ROUTE_TYPE, ns, d, "%s's route to %s is "
			     "%s %s route: the %s is dropped there on purpose",
			     nb, d, rt.type == RTN_UNREACHABLE ? "an" : "a", ty,
			     what);
			return false;
		}
		/* passing through: forwarding must be on (IPv6's lookup does
		 * not say: the forwarding code drops it) */
		if (in && g->dst.family == AF_INET6 &&
		    !sysctl_int(t, ns, "net.ipv6.conf.all.forwarding", 1)) {
			stop(t, reply, WHY_NO_FORWARDING, ns,
			     "net.ipv6.conf.all.forwarding",
			     "the %s reaches %s, which is not its destination, "
			     "and %s does not forward IPv6 packets "
			     "(net.ipv6.conf.all.forwarding is 0)", what, nb, nb);
			add_fix(t->r, ns, "sysctl", "-w %s=1",
			        "net.ipv6.conf.all.forwarding");
			return false;
		}
		if (!(out = world_find_link_index(ns, rt.oif))) {
			stop(t, reply, WHY_ERROR, ns, d, "route get %s in %s names "
			     "interface %d, which nsviz does not see", d, nb,
			     rt.oif);
			return false;
		}
		snprintf(h->out, sizeof h->out, "%s", out->name);
		snprintf(h->out_state, sizeof h->out_state, "%s",
		         !link_up(out) ? "down" : !carrier(out) ? "no carrier"
		         : "up");
		h->has_gw = rt.gw.family != 0;
		h->nh = rt.gw.family ? rt.gw : rt.nnexthops ? rt.nh[0].gw : g->dst;
		if (!h->nh.family)
			h->nh = g->dst;
		if (!strcmp(out->qdisc, "netem"))
			snprintf(h->note, sizeof h->note, "netem on %s%s%s",
			         out->name, out->tc_opts ? ": " : "",
			         out->tc_opts ? out->tc_opts : "");
		/* nftables' forward (or output) and postrouting; the reply's
		 * translated source is undone before postrouting */
		if (!why_nft_hook(&t->c, t->r, g, h, reply,
		                  in ? WHY_HOOK_FWD : WHY_HOOK_OUT,
		                  in ? in->name : NULL, out->name))
			return false;
		if (reply)
			why_nft_unnat(&t->c, g, ns, false);
		if (!why_nft_hook(&t->c, t->r, g, h, reply, WHY_HOOK_POST,
		                  in ? in->name : NULL, out->name))
			return false;
		if (!link_up(out)) {
			stop(t, reply, WHY_LINK_DOWN, ns, out->name,
			     "the %s would leave %s by %s, but %s is down", what,
			     nb, out->name, out->name);
			add_fix(t->r, ns, "ip", "link set %s up",
			        qw(out->name, qb, sizeof qb));
			return false;
		}
		{
			const struct w_neigh *nn = neigh_of(ns, out->ifindex, &h->nh);

			if (nn)
				snprintf(h->neigh, sizeof h->neigh, "%s",
				         nud_name(nn->state));
		}
		if (!carrier(out)) {
			struct w_ns *pns = NULL;
			struct w_link *p = why_peer(&t->c, out, &pns);

			if (p && !link_up(p)) {
				why_ns_name(pns, n2, sizeof n2);
				stop(t, reply, WHY_PEER_DOWN, pns, p->name,
				     "the %s leaves %s by %s, but the other end of "
				     "that cable, %s in %s, is down (%s has no "
				     "carrier)", what, nb, out->name, p->name, n2,
				     out->name);
				add_fix(t->r, pns, "ip", "link set %s up",
				        qw(p->name, qb, sizeof qb));
			} else {
				stop(t, reply, WHY_LINK_DOWN, ns, out->name,
				     "the %s would leave %s by %s, which is up but "
				     "has no carrier (nothing at the other end)",
				     what, nb, out->name);
			}
			return false;
		}
		why_wire(&t->c, ns, out, &ends);
		for (int i = 0; i < ends.n && !to; i++) {
			struct why_end *e = &ends.v[i];

			if (e->ns == ns && e->l == out)
				continue;
			if (why_has_addr(e->ns, e->l, &h->nh, &tentative) ||
			    (h->nh.family == AF_INET &&
			     why_has_addr(e->ns, NULL, &h->nh, NULL))) {
				if (e->block == WHY_OK)
					to = e;
				else if (!blocked)
					blocked = e;
			}
		}
		ip_s(&h->nh, s, sizeof s);
		if (!to && blocked) {
			struct why_end *e = blocked;
			char bn[300], en[300];

			why_ns_name(e->block_ns, bn, sizeof bn);
			why_ns_name(e->ns, en, sizeof en);
			switch (e->block) {
			case WHY_BRPORT_DOWN:
				stop(t, reply, WHY_BRPORT_DOWN, e->block_ns,
				     e->block_obj, "%s is %s's, behind port %s "
				     "of the %s, and that port is down: the frames "
				     "stop at the bridge", s, en, e->block_obj,
				     e->wire);
				add_fix(t->r, e->block_ns, "ip", "link set %s up",
				        qw(e->block_obj, qb, sizeof qb));
				break;
			case WHY_BRPORT_STATE:
				stop(t, reply, WHY_BRPORT_STATE, e->block_ns,
				     e->block_obj, "%s is %s's, behind port %s "
				     "of the %s, and that port is not forwarding "
				     "(spanning tree blocks it)", s, en,
				     e->block_obj, e->wire);
				break;
			default: {
				struct w_link *bl = world_find_link(e->block_ns,
				                                    e->block_obj);
				int vid = e->vid;

				if (e->vid)
					stop(t, reply, WHY_VLAN, e->block_ns,
					     e->block_obj, "%s is %s's, behind port "
					     "%s of the %s, but the frames are in "
					     "VLAN %d and %s is not: the bridge does "
					     "not carry them there", s, en,
					     e->block_obj, e->wire, e->vid,
					     e->block_obj);
				else
					stop(t, reply, WHY_VLAN, e->block_ns,
					     e->block_obj, "the frames come into "
					     "the %s by port %s, which has no PVID "
					     "(no VLAN for untagged frames): the "
					     "bridge drops them", e->wire,
					     e->block_obj);
				if (bl && vid)
					add_fix(t->r, e->block_ns, "bridge", "vlan "
					        "add dev %s vid %d pvid untagged",
					        qw(e->block_obj, qb, sizeof qb), vid);
				break;
			}
			}
			(void)bn;
			return false;
		}
		if (!to) {
			const char *st = h->neigh[0] ? h->neigh : NULL;

			if (h->has_gw)
				fix_gateway(t, ns, out, &h->nh, &g->dst, &ends);

			stop(t, reply, WHY_NO_NEIGH, ns, s,
			     "%s sends the %s%s%s out of %s, but nobody on that "
			     "wire has %s: the %s gets no answer%s%s%s", nb, what,
			     h->has_gw ? " to its gateway " : "",
			     h->has_gw ? s : "",
			     out->name, s,
			     h->nh.family == AF_INET6 ? "neighbour solicitation"
			                              : "ARP request",
			     st ? " (the neighbour entry is " : "",
			     st ? st : "", st ? ")" : "");
			for (int i = 0; i < ends.n && !tentative; i++) {
				const struct why_end *e = &ends.v[i];
				char en[300], ea[64];

				if (e->block != WHY_OK || (e->ns == ns && e->l == out))
					continue;
				for (size_t a = 0; a < e->ns->naddrs; a++) {
					const struct w_addr *x = &e->ns->addrs[a];

					if (x->ifindex != e->l->ifindex ||
					    x->family != h->nh.family ||
					    x->scope >= RT_SCOPE_LINK)
						continue;
					snprintf(t->r->text + strlen(t->r->text),
					         sizeof t->r->text - strlen(t->r->text),
					         "; on that wire, %s in %s has %s/%d",
					         e->l->name,
					         why_ns_name(e->ns, en, sizeof en),
					         ip_s(&x->local, ea, sizeof ea),
					         x->prefixlen);
					break;
				}
				break;
			}
			if (tentative)
				snprintf(t->r->text + strlen(t->r->text),
				         sizeof t->r->text - strlen(t->r->text),
				         "; %s is there, but still tentative "
				         "(duplicate address detection)", s);
			return false;
		}
		h->to_ns = to->ns;
		snprintf(h->to_if, sizeof h->to_if, "%s", to->l->name);
		snprintf(h->wire, sizeof h->wire, "%s", to->wire);
		ns = to->ns;
		in = to->l;
		(void)n2;
	}
}

/* ---- the whole trace ---------------------------------------------------- */

static bool arrives_well(struct tr *t, struct w_ns *ns)
{
	const struct why_query *q = &t->r->q;
	char nb[300], obj[64];

	why_ns_name(ns, nb, sizeof nb);
	if (q->proto == IPPROTO_ICMP) {
		bool v6 = q->dst.family == AF_INET6;
		const char *key = v6 ? "net.ipv6.icmp.echo_ignore_all"
		                     : "net.ipv4.icmp_echo_ignore_all";

		if (sysctl_int(t, ns, key, 0) == 1) {
			stop(t, false, WHY_ECHO_IGNORED, ns, key,
			     "the request reaches %s, but %s ignores echo "
			     "requests (%s is 1)", nb, nb, key);
			add_fix(t->r, ns, "sysctl", "-w %s=0", key);
			return false;
		}
		return true;
	} else {
		bool udp = q->proto == IPPROTO_UDP, open = false;
		struct kerr e = { 0 };
		/* a dnat on the way may have changed the port */
		unsigned port = t->r->req.port ? t->r->req.port : q->port;

		snprintf(obj, sizeof obj, "%s port %u", udp ? "udp" : "tcp",
		         port);
		if (ksock_port_open(t->c.k, ns, udp, port, &open, &e) < 0) {
			stop(t, false, WHY_ERROR, ns, obj, "cannot look at %s's "
			     "sockets: %s", nb, kerr_str(&e));
			return false;
		}
		if (!open) {
			stop(t, false, WHY_NOT_LISTENING, ns, obj,
			     "the %s reaches %s, but nothing there listens on "
			     "%s%s", udp ? "datagram" : "connection request",
			     nb, obj, udp ? " (the kernel answers with ICMP port "
			     "unreachable)" : " (the kernel answers with a reset: "
			     "\"Connection refused\")");
			add_fix(t->r, ns, "nsviz", "echo %s port %u",
			        udp ? "udp" : "tcp", port);
			return false;
		}
		return true;
	}
}

int why_trace(struct ksync *k, struct world *w, const struct why_query *q,
              struct why_result *r, struct kerr *e)
{
	struct tr t;
	struct w_ns *dst_ns;
	char a[300], b[300];
	int rep_oif = 0;

	memset(r, 0, sizeof *r);
	memset(&t, 0, sizeof t);
	/* every namespace read, and the veth peers across them resolved:
	 * the walk goes anywhere */
	if (ksync_all_ready(k, e) < 0)
		return -1;
	ksync_routes_now(k);
	world_resolve_peers(w);
	t.c.k = k;
	t.c.w = w;
	t.r = r;
	r->q = *q;
	r->req.dst = q->dst;
	r->req.src = q->src;
	if (!walk(&t, &r->req, q->ns, q->oif, false, q->src.family != 0))
		goto out;
	dst_ns = r->req.hops[r->req.nhops - 1].ns;
	r->dst_ns = dst_ns;
	if (!arrives_well(&t, dst_ns))
		goto out;
	/* the answer: from the address asked, to the request's source;
	 * a link-local one goes back out of the link it came in by */
	r->rep_tried = true;
	/* (the request as it arrived: a NAT on the way changed it) */
	r->rep.src = r->req.dst;
	r->rep.dst = r->req.src;
	if (r->req.nhops >= 1 && w_ip_link_local(&r->rep.dst)) {
		const struct why_hop *last = &r->req.hops[r->req.nhops - 1];
		const struct w_link *l = last->in[0]
		                         ? world_find_link(dst_ns, last->in)
		                         : NULL;

		rep_oif = l ? l->ifindex : 0;
	}
	if (!walk(&t, &r->rep, dst_ns, rep_oif, true, true))
		goto out;
	r->reason = WHY_OK;
	why_ns_name(dst_ns, a, sizeof a);
	why_ns_name(r->rep.hops[r->rep.nhops - 1].ns, b, sizeof b);
	snprintf(r->text, sizeof r->text, "both ways work: the %s reaches %s "
	         "and the %s comes back to %s",
	         q->proto == IPPROTO_ICMP ? "request" : q->proto == IPPROTO_TCP
	         ? "connection request" : "datagram", a,
	         q->proto == IPPROTO_ICMP ? "reply" : "answer", b);
	if (r->req.natted) {
		char s0[64], s1[64];

		if (!w_ip_eq(&r->req.src0, &r->req.src))
			snprintf(r->text + strlen(r->text), sizeof r->text -
			         strlen(r->text), " (a NAT rule on the way makes "
			         "the request's source %s: the reply comes back "
			         "to that address and is translated back)",
			         ip_s(&r->req.src, s0, sizeof s0));
		if (!w_ip_eq(&r->req.dst0, &r->req.dst))
			snprintf(r->text + strlen(r->text), sizeof r->text -
			         strlen(r->text), " (a NAT rule on the way sends "
			         "the request to %s instead)",
			         ip_s(&r->req.dst, s1, sizeof s1));
	}
out:
	why_ctx_done(&t.c);
	return 0;
}
