/* SPDX-License-Identifier: GPL-2.0-or-later */
/* brief.c - `ip -br`: one line per link or neighbour.
 *
 * Links: the name (with @peer) padded to 16, the operational state padded
 * to 14, then for `link` the MAC and the flags, for `addr` every address
 * as local/prefix; each item is followed by a blank, as ip prints them.
 * Neighbours: destination padded to 39, device to 16, then the MAC with
 * nothing after it.
 */
#include <linux/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "fmt/priv.h"
#include "util/esc.h"
#include "util/sbuf.h"

static void pad(struct sbuf *out, const char *s, size_t width)
{
	size_t n = strlen(s);

	sbuf_add(out, s);
	while (n++ < width)
		sbuf_addc(out, ' ');
	sbuf_addc(out, ' ');
}

/* "veth0@veth1" padded to 16, then the state padded to 14 */
static void name_state(struct sbuf *out, const struct w_ns *ns,
                       const struct w_link *l)
{
	struct sbuf name = SBUF_INIT;
	char buf[FMT_IFNAME_BUF];

	esc_add(&name, l->name, 0);
	if (l->has_iflink) {
		if (l->iflink == 0)
			sbuf_add(&name, "@NONE");
		else if (l->has_link_netnsid)
			sbuf_printf(&name, "@if%d", l->iflink);
		else
			sbuf_printf(&name, "@%s",
			            fmt_ifname(ns, l->iflink, buf, sizeof buf));
	}
	pad(out, sbuf_str(&name), 16);
	sbuf_free(&name);
	if (l->operstate >= 0) {
		if (strcmp(fmt_operstate_name(l->operstate), "?") == 0)
			sbuf_printf(out, "state %#x", (unsigned)l->operstate);
		else
			pad(out, fmt_operstate_name(l->operstate), 14);
	}
}

void fmt_brief_link(struct sbuf *out, const struct w_ns *ns,
                    const struct w_link *l)
{
	const char *w[FMT_MAX_FLAG_WORDS];
	char buf[128], spare[32];
	size_t n;

	name_state(out, ns, l);
	if (l->addr_len > 0)
		sbuf_printf(out, "%s ", fmt_lladdr(l->addr, l->addr_len,
		                                   l->arptype, buf, sizeof buf));
	n = fmt_link_flag_words(l->flags, fmt_link_mdown(ns, l), w,
	                        FMT_MAX_FLAG_WORDS, spare, sizeof spare);
	sbuf_addc(out, '<');
	for (size_t i = 0; i < n; i++)
		sbuf_printf(out, "%s%s", i ? "," : "", w[i]);
	sbuf_add(out, "> \n");
}

void fmt_brief_addrs(struct sbuf *out, const struct w_ns *ns,
                     const struct w_link *l, int family)
{
	const struct w_addr **v;
	size_t n = fmt_addrs_of(ns, l->ifindex, family, &v);
	char buf[64];

	name_state(out, ns, l);
	for (size_t i = 0; i < n; i++) {
		const struct w_addr *a = v[i];

		sbuf_add(out, w_ip_str(&a->local, buf, sizeof buf));
		if (a->peer.family)
			sbuf_printf(out, " peer %s",
			            w_ip_str(&a->peer, buf, sizeof buf));
		sbuf_printf(out, "/%d ", a->prefixlen);
		if (a->has_metric)
			sbuf_printf(out, "metric %u ", a->metric);
	}
	sbuf_addc(out, '\n');
	free(v);
}

void fmt_brief_neigh(struct sbuf *out, const struct w_ns *ns,
                     const struct w_neigh *n, bool with_dev)
{
	const struct w_link *l;
	char buf[128];

	if (n->dst.family)
		pad(out, w_ip_str(&n->dst, buf, sizeof buf), 39);
	if (with_dev && n->ifindex)
		pad(out, fmt_ifname(ns, n->ifindex, buf, sizeof buf), 16);
	if (n->lladdr_len > 0) {
		l = ns ? world_find_link_index(ns, n->ifindex) : NULL;
		sbuf_add(out, fmt_lladdr(n->lladdr, n->lladdr_len,
		                         l ? l->arptype : 0, buf, sizeof buf));
	}
	sbuf_addc(out, '\n');
}
