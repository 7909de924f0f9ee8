/* SPDX-License-Identifier: GPL-2.0-or-later */
/* list.c - `link show`, `addr show`, `route show` and `neigh show` with
 * iproute2's output options (-br, -o, -s, -j, -p, -4, -6, -0), combined
 * the way ip 6.1 combines them:
 *
 *   - `link show` ignores the family (ip forces AF_PACKET) and prints
 *     counters with -s; -br wins over -s and -o.
 *   - `addr show -4|-6` lists only links with an address of that family
 *     and prints no link/ether line (the link-netns words stay, on the
 *     header line); -6 shows the link as the kernel's AF_INET6 reply has
 *     it (no qdisc, master, group).  -0 lists every link and no address.
 *     -o prints one line per address ("2: veth0    inet ..."), no link.
 *     -s adds the counters after the addresses (not with -o or -br).
 *   - `route show`: IPv4 unless -6; -0 lists nothing; -br, -s ignored;
 *     -d prints the type, protocol and scope even as defaults.
 *   - `neigh show`: both families unless -4/-6; -0 lists nothing.
 *   - -o writes every newline inside one record as '\'.
 *   - -j is one JSON array of ip's objects (json.c); -p pretty-prints it.
 */
#include <linux/if.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "fmt/json.h"
#include "fmt/priv.h"
#include "util/esc.h"
#include "util/sbuf.h"

static const struct fmt_opts no_opts;

void fmt_oneline(struct sbuf *out, const char *rec)
{
	size_t n = strlen(rec);

	for (size_t i = 0; i < n; i++)
		sbuf_addc(out, rec[i] == '\n' && i + 1 < n ? '\\' : rec[i]);
}

static void json_begin(struct fj *j, struct sbuf *out, const struct fmt_opts *o)
{
	fj_init(j, out, o->pretty);
	fj_open_arr(j, NULL);
}

static void json_end(struct fj *j)
{
	fj_close_arr(j);
	sbuf_addc(j->out, '\n');
}

/* ---- links ----------------------------------------------------------------- */

static void link_record(struct sbuf *out, const struct w_ns *ns,
                        const struct w_link *l, const struct fmt_opts *o)
{
	struct sbuf rec = SBUF_INIT;

	fmt_link_head(&rec, ns, l, FMT_LH_MODE);
	sbuf_addc(&rec, '\n');
	fmt_link_lladdr(&rec, l);
	fmt_link_netns(&rec, ns, l);
	/* -d (details): the link kinds' part (fmt/details.c), after
	 * link-netns, as ip prints it */
	if (o->details) {
		if ((l->d_has & W_D_PROTO_DOWN) && l->proto_down)
			sbuf_add(&rec, " protodown on ");
		fmt_link_details(&rec, ns, l);
	}
	fmt_link_alias(&rec, l);
	if (o->stats && l->has_stats) {
		sbuf_addc(&rec, '\n');
		fmt_stats_text(&rec, l, o->stats);
	}
	sbuf_addc(&rec, '\n');
	if (o->oneline)
		fmt_oneline(out, sbuf_str(&rec));
	else
		sbuf_add(out, sbuf_str(&rec));
	sbuf_free(&rec);
}

void fmt_link_list(struct sbuf *out, const struct w_ns *ns,
                   const struct w_link *only, const struct fmt_opts *o)
{
	fmt_link_list_if(out, ns, only, NULL, NULL, o);
}

void fmt_link_list_if(struct sbuf *out, const struct w_ns *ns,
                      const struct w_link *only, fmt_link_keep keep,
                      void *ctx, const struct fmt_opts *o)
{
	size_t n = only ? 1 : ns ? ns->nlinks : 0;
	struct fj j;

	if (!o)
		o = &no_opts;
	if (o->json)
		json_begin(&j, out, o);
	for (size_t i = 0; i < n; i++) {
		const struct w_link *l = only ? only : &ns->links[i];

		if (keep && !keep(ns, l, ctx))
			continue;
		if (o->json) {
			fj_open_obj(&j, NULL);
			fj_link_members(&j, ns, l, o, FJ_LINK, false);
			fj_close_obj(&j);
		} else if (o->brief) {
			fmt_brief_link(out, ns, l);
		} else {
			link_record(out, ns, l, o);
		}
	}
	if (o->json)
		json_end(&j);
}

/* ---- addresses ------------------------------------------------------------- */

/* ipaddr_filter(): with -4/-6 a link needs an address of that family;
 * without a family, a link with no address at all is listed too */
static bool addr_listed(const struct w_ns *ns, const struct w_link *l,
                        int family)
{
	bool any = false;

	if (family == AF_PACKET)
		return true;
	for (size_t i = 0; ns && i < ns->naddrs; i++) {
		if (ns->addrs[i].ifindex != l->ifindex)
			continue;
		any = true;
		if (!family || ns->addrs[i].family == family)
			return true;
	}
	return !any && !family;
}

static void addr_record(struct sbuf *out, const struct w_ns *ns,
                        const struct w_link *l, const struct fmt_opts *o,
                        bool inet6)
{
	struct sbuf rec = SBUF_INIT;
	const struct w_addr **v;
	int family = o->family;
	size_t n;

	fmt_link_head(&rec, ns, l, inet6 ? FMT_LH_INET6 : 0);
	if (!family || family == AF_PACKET || o->details) {
		sbuf_addc(&rec, '\n');
		if (inet6) {
			/* the kernel's AF_INET6 view has no broadcast */
			struct w_link nobrd = *l;

			nobrd.brd_len = 0;
			fmt_link_lladdr(&rec, &nobrd);
		} else {
			fmt_link_lladdr(&rec, l);
		}
	}
	fmt_link_netns(&rec, ns, l);
	/* -d (details): as for link, without addrgenmode; then the alias,
	 * which ip prints under addr show only with -d */
	if (o->details && !inet6) {
		/* (the kernel's AF_INET6 view of a link has none of it) */
		fmt_addr_link_details(&rec, ns, l);
		fmt_link_alias(&rec, l);
	}
	sbuf_addc(&rec, '\n');
	if (o->oneline)   /* only with -0: the link without addresses */
		fmt_oneline(out, sbuf_str(&rec));
	else
		sbuf_add(out, sbuf_str(&rec));
	if (family != AF_PACKET) {
		n = fmt_addrs_of(ns, l->ifindex, family, &v);
		for (size_t i = 0; i < n; i++)
			fmt_addr(out, ns, v[i]);
		free(v);
	}
	if (o->stats && l->has_stats) {
		sbuf_reset(&rec);
		fmt_stats_text(&rec, l, o->stats);
		sbuf_addc(&rec, '\n');
		if (o->oneline) {   /* every print_nl() is a '\' then */
			for (const char *p = sbuf_str(&rec); *p; p++)
				sbuf_addc(out, *p == '\n' ? '\\' : *p);
		} else {
			sbuf_add(out, sbuf_str(&rec));
		}
	}
	sbuf_free(&rec);
}

/* ip -o addr: "2: veth0    inet 10.0.1.1/24 ...\       valid_lft ..." */
static void addr_lines(struct sbuf *out, const struct w_ns *ns,
                       const struct w_link *l, int family)
{
	const struct w_addr **v;
	size_t n = fmt_addrs_of(ns, l->ifindex, family, &v);
	struct sbuf rec = SBUF_INIT;

	for (size_t i = 0; i < n; i++) {
		sbuf_reset(&rec);
		sbuf_printf(&rec, "%d: ", l->ifindex);
		esc_add(&rec, l->name, 0);
		fmt_addr(&rec, ns, v[i]);
		fmt_oneline(out, sbuf_str(&rec));
	}
	sbuf_free(&rec);
	free(v);
}

void fmt_addr_list(struct sbuf *out, const struct w_ns *ns,
                   const struct w_link *only, const struct fmt_opts *o)
{
	fmt_addr_list_if(out, ns, only, NULL, NULL, o);
}

void fmt_addr_list_if(struct sbuf *out, const struct w_ns *ns,
                      const struct w_link *only, fmt_link_keep keep,
                      void *ctx, const struct fmt_opts *o)
{
	size_t n = only ? 1 : ns ? ns->nlinks : 0;
	struct fj j;
	bool inet6;

	if (!o)
		o = &no_opts;
	/* ip -6 addr dumps the links as AF_INET6; with a device it asks
	 * for that one link as AF_UNSPEC, which is the whole link */
	inet6 = o->family == AF_INET6 && !only;
	if (o->json)
		json_begin(&j, out, o);
	for (size_t i = 0; i < n; i++) {
		const struct w_link *l = only ? only : &ns->links[i];
		struct w_link v6;

		if ((keep && !keep(ns, l, ctx)) || !addr_listed(ns, l, o->family))
			continue;
		if (inet6) {
			fmt_link_inet6_view(l, &v6);
			l = &v6;
		}
		if (o->json) {
			fj_open_obj(&j, NULL);
			fj_link_members(&j, ns, l, o, FJ_ADDR, inet6);
			fj_close_obj(&j);
		} else if (o->brief) {
			if (o->family == AF_PACKET)
				fmt_brief_link(out, ns, l);
			else
				fmt_brief_addrs(out, ns, l, o->family);
		} else if (o->oneline && o->family != AF_PACKET) {
			addr_lines(out, ns, l, o->family);
		} else {
			addr_record(out, ns, l, o, inet6);
		}
	}
	if (o->json)
		json_end(&j);
}

/* ---- routes and neighbours --------------------------------------------------- */

void fmt_route_list(struct sbuf *out, const struct w_ns *ns,
                    const struct fmt_opts *o)
{
	const struct w_route **v = NULL;
	struct sbuf rec = SBUF_INIT;
	struct fj j;
	size_t n = 0;
	int family;

	if (!o)
		o = &no_opts;
	family = o->family ? o->family : AF_INET;
	if (family != AF_PACKET)
		n = fmt_routes_of(ns, family, &v);
	if (o->json)
		json_begin(&j, out, o);
	for (size_t i = 0; i < n; i++) {
		if (o->json) {
			fj_open_obj(&j, NULL);
			fj_route_members(&j, ns, v[i], o->details, false);
			fj_close_obj(&j);
		} else if (o->oneline) {
			sbuf_reset(&rec);
			fmt_route_details(&rec, ns, v[i], o->details, false);
			fmt_oneline(out, sbuf_str(&rec));
		} else {
			fmt_route_details(out, ns, v[i], o->details, false);
		}
	}
	if (o->json)
		json_end(&j);
	sbuf_free(&rec);
	free(v);
}

void fmt_route_get_opts(struct sbuf *out, const struct w_ns *ns,
                        const struct w_route *r, const struct fmt_opts *o)
{
	struct sbuf rec = SBUF_INIT;
	struct fj j;

	if (!o)
		o = &no_opts;
	if (o->json) {
		json_begin(&j, out, o);
		fj_open_obj(&j, NULL);
		fj_route_members(&j, ns, r, o->details, true);
		fj_close_obj(&j);
		json_end(&j);
		return;
	}
	/* ip prints an answer as it lists a route (fmt_route_get), with
	 * no table asked for: -d names the main one */
	fmt_route_details(&rec, ns, r, o->details, true);
	if (o->oneline)
		fmt_oneline(out, sbuf_str(&rec));
	else
		sbuf_add(out, sbuf_str(&rec));
	sbuf_free(&rec);
}

void fmt_neigh_list(struct sbuf *out, const struct w_ns *ns, int ifindex,
                    const struct fmt_opts *o)
{
	struct fj j;

	if (!o)
		o = &no_opts;
	if (o->json)
		json_begin(&j, out, o);
	/* the kernel dumps the ARP table, then the IPv6 one */
	for (int pass = 0; ns && pass < 2; pass++) {
		int fam = pass == 0 ? AF_INET : AF_INET6;

		if (o->family && o->family != fam)
			continue;
		for (size_t i = 0; i < ns->nneighs; i++) {
			const struct w_neigh *nb = &ns->neighs[i];

			if (nb->family != fam || !fmt_neigh_listed(nb) ||
			    (ifindex && nb->ifindex != ifindex))
				continue;
			if (o->json) {
				fj_open_obj(&j, NULL);
				fj_neigh_members(&j, ns, nb, ifindex == 0,
				                 o->brief, o->stats > 0);
				fj_close_obj(&j);
			} else if (o->brief) {
				fmt_brief_neigh(out, ns, nb, ifindex == 0);
			} else {
				fmt_neigh_stats(out, ns, nb, ifindex == 0,
				                o->stats > 0);
			}
		}
	}
	if (o->json)
		json_end(&j);
}
