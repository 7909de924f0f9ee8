/* SPDX-License-Identifier: GPL-2.0-or-later */
/* routes.c - which routes `ip route show ...` lists: iproute2's filters
 * (table, proto, scope, type, tos, dev, metric, via, src, and a prefix
 * matched exactly, as its root or as what covers it), applied to the
 * world's routes.  The line itself is fmt_route_line (iproute.c), which
 * leaves out what a filter fixed.  Pure code. */
#include "fmt/fmt.h"

#include <linux/rtnetlink.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "util/sbuf.h"

void fmt_route_filter_init(struct fmt_route_filter *f)
{
	memset(f, 0, sizeof *f);
	f->table = RT_TABLE_MAIN;
}

/* iproute2's inet_addr_match: the first bits of a and b agree */
static bool prefix_eq(const uint8_t *a, const uint8_t *b, int bits)
{
	int bytes = bits / 8, rest = bits % 8;

	if (bits <= 0)
		return true;
	if (memcmp(a, b, (size_t)bytes))
		return false;
	if (rest) {
		uint8_t mask = (uint8_t)(0xffu << (8 - rest));
		if ((a[bytes] ^ b[bytes]) & mask)
			return false;
	}
	return true;
}

static bool dst_match(const struct fmt_route_filter *f,
                      const struct w_route *r)
{
	bool root = f->dst_match == FMT_PFX_EXACT || f->dst_match == FMT_PFX_ROOT;
	bool match = f->dst_match == FMT_PFX_EXACT || f->dst_match == FMT_PFX_MATCH;
	uint8_t zero[16] = { 0 };
	const uint8_t *want = f->dst.family ? f->dst.a : zero;

	if (f->dst_match == FMT_PFX_NONE)
		return true;
	if (f->dst.family && r->family != f->dst.family)
		return false;
	/* root: the route lies inside the prefix */
	if (root && (f->dst_len > r->dst_len ||
	             !prefix_eq(r->dst.a, want, f->dst_len)))
		return false;
	/* match: the route covers the prefix */
	if (match && (f->dst_len < r->dst_len ||
	              !prefix_eq(r->dst.a, want, r->dst_len)))
		return false;
	return true;
}

bool fmt_route_match(const struct fmt_route_filter *f, const struct w_route *r)
{
	if (f->family && r->family != f->family)
		return false;
	if (r->flags & RTM_F_CLONED)
		return false;
	if (f->table && (uint32_t)r->table != f->table)
		return false;
	if (f->has_protocol && r->protocol != f->protocol)
		return false;
	if (f->has_scope && r->scope != f->scope)
		return false;
	if (f->typemask && (r->type < 0 || r->type > 31 ||
	                    !(f->typemask & (1u << r->type))))
		return false;
	if (f->has_tos && r->tos != f->tos)
		return false;
	if (!dst_match(f, r))
		return false;
	if (f->has_via) {
		/* a route without a gateway has gateway 0 of its family */
		int fam = r->gw.family ? r->gw.family : r->family;
		uint8_t zero[16] = { 0 };

		if (fam != f->via.family ||
		    !prefix_eq(r->gw.family ? r->gw.a : zero, f->via.a,
		               f->via_len))
			return false;
	}
	if (f->has_src) {
		uint8_t zero[16] = { 0 };

		if (r->family != f->src.family ||
		    !prefix_eq(r->prefsrc.family ? r->prefsrc.a : zero,
		               f->src.a, f->src_len))
			return false;
	}
	if (f->has_metric && r->priority != f->metric)
		return false;
	if (f->oif && r->oif != f->oif)
		return false;
	return true;
}

void fmt_route_show_filtered(struct sbuf *out, const struct w_ns *ns,
                             const struct fmt_route_filter *f)
{
	const struct w_route **v;
	size_t n = 0;

	if (!ns || !ns->nroutes)
		return;
	v = xcalloc(ns->nroutes, sizeof *v);
	for (size_t i = 0; i < ns->nroutes; i++)
		if (fmt_route_match(f, &ns->routes[i]))
			v[n++] = &ns->routes[i];
	qsort(v, n, sizeof *v, fmt_route_cmp);
	for (size_t i = 0; i < n; i++)
		fmt_route_line(out, ns, v[i], f);
	free(v);
}
