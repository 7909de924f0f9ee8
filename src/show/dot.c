/* SPDX-License-Identifier: GPL-2.0-or-later */
/* dot.c - `nsviz show --dot`: the world for Graphviz (dot -Tsvg).
 *
 * One `subgraph cluster_ID` per namespace (ID is the namespace's id, as
 * in show --json), labelled as nsviz labels it; one node per interface
 * inside it, named nID_IFINDEX, labelled with its name, its addresses
 * (not IPv6 link-local ones, which the kernel makes for every link) and
 * its kind and state.  Then the edges: a veth pair once (from the end
 * with the lower namespace id, then ifindex), a port to its master, a
 * vlan/macvlan/ipvlan/vxlan (any link with a lower device) to that
 * device, across namespaces too.  A link that is not up with a carrier
 * is dashed, and so is an edge with such an end.  Namespaces come in
 * show's order, links by ifindex: the output is the same for the same
 * world.
 *
 * Names are made by anyone: every string is written through esc_add
 * (controls, bidirectional controls and bytes that are not UTF-8 become
 * \xHH) and then quoted for DOT ('"' and '\' escaped, '&' as &amp; so
 * Graphviz does not read an entity in it): the output is always valid
 * DOT and what it draws is the name as show prints it.
 */
#include "show/show.h"

#include <linux/if.h>
#include <linux/if_arp.h>
#include <linux/if_link.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "fmt/fmt.h"
#include "util/esc.h"
#include "util/sbuf.h"
#include "world/world.h"

static void spill(struct sbuf *out, const struct show_sink *sink, bool end)
{
	if (sink && out->len && (end || out->len >= SHOW_SPILL))
		sink->write(out, sink->ctx);
}

/* The text of one label line, quoted for DOT (without the quotes) */
static void dot_text(struct sbuf *out, const char *s)
{
	struct sbuf e = SBUF_INIT;

	esc_add(&e, s, 0);
	for (const char *p = sbuf_str(&e); *p; p++) {
		if (*p == '"' || *p == '\\')
			sbuf_addc(out, '\\');
		if (*p == '&')
			sbuf_add(out, "&amp;");
		else
			sbuf_addc(out, *p);
	}
	sbuf_free(&e);
}

/* admin up and a carrier */
static bool link_up(const struct w_link *l)
{
	return (l->flags & IFF_UP) && (l->flags & IFF_LOWER_UP);
}

static const char *kind_text(const struct w_link *l)
{
	if (l->kind[0])
		return l->kind;
	if (l->arptype == ARPHRD_LOOPBACK)
		return "loopback";
	return "device";
}

static void node_id(struct sbuf *out, const struct w_ns *ns, int ifindex)
{
	sbuf_printf(out, "n%d_%d", ns->id, ifindex);
}

static void node(struct sbuf *out, const struct w_ns *ns,
                 const struct w_link *l)
{
	char buf[128], ip[64], pip[64];

	sbuf_add(out, "\t\t");
	node_id(out, ns, l->ifindex);
	sbuf_add(out, " [label=\"");
	dot_text(out, l->name);
	/* addresses: IPv4 first, in the world's order within a family */
	for (int pass = 0; pass < 2; pass++) {
		int fam = pass == 0 ? AF_INET : AF_INET6;

		for (size_t i = 0; i < ns->naddrs; i++) {
			const struct w_addr *a = &ns->addrs[i];

			if (a->ifindex != l->ifindex || a->family != fam ||
			    w_ip_link_local(&a->local))
				continue;
			if (a->peer.family)
				snprintf(buf, sizeof buf, "%s peer %s/%d",
				         w_ip_str(&a->local, ip, sizeof ip),
				         w_ip_str(&a->peer, pip, sizeof pip),
				         a->prefixlen);
			else
				snprintf(buf, sizeof buf, "%s/%d",
				         w_ip_str(&a->local, ip, sizeof ip),
				         a->prefixlen);
			sbuf_add(out, "\\n");
			dot_text(out, buf);
		}
	}
	sbuf_add(out, "\\n");
	dot_text(out, kind_text(l));
	sbuf_addc(out, ' ');
	if (l->operstate >= 0)
		dot_text(out, fmt_operstate_name(l->operstate));
	else
		sbuf_add(out, (l->flags & IFF_UP) ? "up" : "down");
	sbuf_addc(out, '"');
	if (!strcmp(l->kind, "bridge"))
		sbuf_add(out, ", shape=ellipse");
	if (!link_up(l))
		sbuf_add(out, ", style=dashed");
	sbuf_add(out, "];\n");
}

static void cluster(struct sbuf *out, const struct w_ns *ns,
                    const struct show_sink *sink)
{
	char label[W_NSNAME_MAX + 80];

	sbuf_printf(out, "\tsubgraph cluster_%d {\n\t\tlabel=\"", ns->id);
	dot_text(out, world_ns_label(ns, label, sizeof label));
	sbuf_add(out, "\";\n");
	/* an empty cluster is not drawn: say why it is empty */
	if (ns->unread[0]) {
		sbuf_printf(out, "\t\tn%d_none [label=\"cannot be read: ", ns->id);
		dot_text(out, ns->unread);
		sbuf_add(out, "\", shape=plaintext];\n");
	} else if (!ns->nlinks) {
		sbuf_printf(out, "\t\tn%d_none [label=\"no interfaces\", "
		            "shape=plaintext];\n", ns->id);
	}
	for (size_t i = 0; i < ns->nlinks; i++) {
		node(out, ns, &ns->links[i]);
		spill(out, sink, false);
	}
	sbuf_add(out, "\t}\n");
}

static void edge(struct sbuf *out, const struct w_ns *ns,
                 const struct w_link *l, const struct w_ns *pns,
                 const struct w_link *p, const char *label, bool undirected)
{
	sbuf_addc(out, '\t');
	node_id(out, ns, l->ifindex);
	sbuf_add(out, " -> ");
	node_id(out, pns, p->ifindex);
	sbuf_add(out, " [label=\"");
	dot_text(out, label);
	sbuf_addc(out, '"');
	if (undirected)
		sbuf_add(out, ", dir=none");
	if (!link_up(l) || !link_up(p))
		sbuf_add(out, ", style=dashed");
	sbuf_add(out, "];\n");
}

/* The other end of l's IFLA_LINK (a veth's peer, a lower device), and
 * its namespace; NULL when it is not in the world */
static const struct w_link *linked(const struct world *w,
                                   const struct w_ns *ns,
                                   const struct w_link *l,
                                   const struct w_ns **pns)
{
	const struct w_link *p;

	if (!l->has_iflink || l->iflink == 0)
		return NULL;
	*pns = ns;
	if (l->has_link_netnsid)
		*pns = l->peer_ns_id >= 0 ?
		       world_find_ns_id(w, l->peer_ns_id) : NULL;
	p = *pns ? world_find_link_index(*pns, l->iflink) : NULL;
	return p != l ? p : NULL;
}

/* (namespace id, ifindex) of a before b */
static bool before(const struct w_ns *a, const struct w_link *la,
                   const struct w_ns *b, const struct w_link *lb)
{
	return a->id != b->id ? a->id < b->id : la->ifindex < lb->ifindex;
}

static void link_edges(struct sbuf *out, const struct world *w,
                       const struct w_ns *ns, const struct w_link *l)
{
	const struct w_ns *pns = NULL, *back_ns = NULL;
	const struct w_link *p = linked(w, ns, l, &pns);
	char label[64];

	if (p && !strcmp(l->kind, "veth")) {
		/* once per pair; both ends are in the world and name each
		 * other, or this end is the only one that says so */
		const struct w_link *back = strcmp(p->kind, "veth") ? NULL :
		                            linked(w, pns, p, &back_ns);

		if (back != l || before(ns, l, pns, p))
			edge(out, ns, l, pns, p, "veth", true);
	} else if (p) {
		uint16_t vid;

		if (!strcmp(l->kind, "vlan") && l->info_data &&
		    w_attr_u16(l->info_data, l->info_data_len, IFLA_VLAN_ID,
		               &vid))
			snprintf(label, sizeof label, "vlan %u", vid);
		else
			snprintf(label, sizeof label, "%s", kind_text(l));
		edge(out, ns, l, pns, p, label, false);
	} else if (!strcmp(l->kind, "vxlan") && l->info_data) {
		/* a vxlan names its device in its own options */
		uint32_t dev;

		if (w_attr_u32(l->info_data, l->info_data_len, IFLA_VXLAN_LINK,
		               &dev) && dev &&
		    (p = world_find_link_index(ns, (int)dev)) != NULL)
			edge(out, ns, l, ns, p, "vxlan", false);
	}
	if (l->master) {
		p = world_find_link_index(ns, l->master);
		if (p)
			edge(out, ns, l, ns, p,
			     !strcmp(p->kind, "bridge") ? "port" : "master",
			     false);
	}
}

void show_world_dot_to(struct sbuf *out, const struct world *w,
                       const struct show_sink *sink)
{
	const struct w_ns **v = show_sorted_ns(w);

	sbuf_add(out, "digraph nsviz {\n"
	              "\trankdir=LR;\n"
	              "\tnode [shape=box];\n");
	for (size_t i = 0; i < w->nns; i++)
		cluster(out, v[i], sink);
	for (size_t i = 0; i < w->nns; i++) {
		for (size_t j = 0; j < v[i]->nlinks; j++) {
			link_edges(out, w, v[i], &v[i]->links[j]);
			spill(out, sink, false);
		}
	}
	sbuf_add(out, "}\n");
	spill(out, sink, true);
	free(v);
}

void show_world_dot(struct sbuf *out, const struct world *w)
{
	show_world_dot_to(out, w, NULL);
}
