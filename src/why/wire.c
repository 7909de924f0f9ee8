/* SPDX-License-Identifier: GPL-2.0-or-later */
/* wire.c - the link layer of why: where a frame sent out of a link is
 * received.  A veth's frame comes out of its peer; a frame that comes
 * into a bridge port leaves by the bridge's other ports (those that are
 * up, forwarding and members of its VLAN) and reaches the bridge itself.
 * What stops it is kept with each end, so that "nobody has the address"
 * and "the one who has it is behind a port that is down" can be told
 * apart. */
#include "why/priv.h"

#include <linux/if_bridge.h>
#include <linux/if.h>
#include <stdio.h>
#include <string.h>

#define WIRE_DEPTH 8

struct w_link *why_peer(struct why_ctx *c, const struct w_link *l,
                        struct w_ns **pns)
{
	struct w_ns *ns;

	if (l->peer_ns_id < 0 || !l->peer_name[0])
		return NULL;
	if (!(ns = world_find_ns_id(c->w, l->peer_ns_id)))
		return NULL;
	*pns = ns;
	return world_find_link(ns, l->peer_name);
}

static bool is_bridge(const struct w_link *l)
{
	return !strcmp(l->kind, "bridge");
}

/* The bridge l is a port of, in ns, or NULL */
static struct w_link *bridge_of(const struct w_ns *ns, const struct w_link *l)
{
	struct w_link *b;

	if (!l->master || !(b = world_find_link_index(ns, l->master)))
		return NULL;
	return is_bridge(b) ? b : NULL;
}

static bool vlan_filtering(const struct w_link *br)
{
	uint32_t v = 0;

	return br->info_data &&
	       w_bropt_get(br->info_data, br->info_data_len,
	                   W_BR_VLAN_FILTERING, &v) == 0 && v;
}

/* BR_STATE_* of a port; forwarding when the kernel did not say */
static uint32_t port_state(const struct w_link *port)
{
	uint32_t v = BR_STATE_FORWARDING;

	if (port->slave_data)
		w_bropt_get(port->slave_data, port->slave_data_len,
		            W_BRPORT_STATE, &v);
	return v;
}

/* The VLAN table of ns's bridges, read once per trace */
static const struct w_brview *vlans_of(struct why_ctx *c, struct w_ns *ns)
{
	struct kerr e = { 0 };

	for (int i = 0; i < c->nbr; i++)
		if (c->br[i].ns == ns)
			return c->br[i].ok ? &c->br[i].view : NULL;
	if (c->nbr == (int)(sizeof c->br / sizeof *c->br))
		return NULL;
	c->br[c->nbr].ns = ns;
	memset(&c->br[c->nbr].view, 0, sizeof c->br[c->nbr].view);
	c->br[c->nbr].ok = kbridge_dump_links(c->k, ns, true,
	                                      &c->br[c->nbr].view, &e) == 0;
	return c->br[c->nbr++].ok ? &c->br[c->nbr - 1].view : NULL;
}

void why_ctx_done(struct why_ctx *c)
{
	for (int i = 0; i < c->nbr; i++)
		kbridge_view_free(&c->br[i].view);
	c->nbr = 0;
	why_nft_done(c);
}

/* A port's VLANs: the PVID (0 none) and whether vid is one of them */
static int port_pvid(const struct w_brview *v, int ifindex)
{
	for (size_t i = 0; v && i < v->nports; i++) {
		const struct w_brport *p = &v->ports[i];

		if (p->ifindex != ifindex)
			continue;
		for (size_t j = 0; j < p->nvlan; j++)
			if (v->vlans[p->vlan0 + j].flags & BRIDGE_VLAN_INFO_PVID)
				return v->vlans[p->vlan0 + j].vid;
	}
	return 0;
}

static bool port_has_vid(const struct w_brview *v, int ifindex, int vid)
{
	for (size_t i = 0; v && i < v->nports; i++) {
		const struct w_brport *p = &v->ports[i];

		if (p->ifindex != ifindex)
			continue;
		for (size_t j = 0; j < p->nvlan; j++)
			if (v->vlans[p->vlan0 + j].vid == vid)
				return true;
	}
	return false;
}

struct walk {
	struct why_ctx *c;
	struct why_ends *out;
	/* the first block on the way, inherited by what lies beyond */
	enum why_reason block;
	struct w_ns *block_ns;
	const char *block_obj;
	int vid;
	const char *wire;
};

static void add_end(struct walk *k, struct w_ns *ns, struct w_link *l)
{
	struct why_end *e;

	for (int i = 0; i < k->out->n; i++)
		if (k->out->v[i].ns == ns && k->out->v[i].l == l)
			return;
	if (k->out->n >= WHY_MAX_ENDS)
		return;
	e = &k->out->v[k->out->n++];
	memset(e, 0, sizeof *e);
	e->ns = ns;
	e->l = l;
	e->block = k->block;
	e->block_ns = k->block_ns;
	if (k->block_obj)
		snprintf(e->block_obj, sizeof e->block_obj, "%s", k->block_obj);
	e->vid = k->vid;
	snprintf(e->wire, sizeof e->wire, "%s", k->wire ? k->wire : "");
}

static void send_out(struct walk *k, struct w_ns *ns, struct w_link *l,
                     int vid, int depth);

/* A frame of VLAN vid (0: untagged, no filtering) comes into bridge br
 * through port `in` (NULL: sent by the bridge device itself) */
static void through_bridge(struct walk *k, struct w_ns *ns, struct w_link *br,
                           struct w_link *in, int vid, int depth)
{
	bool filt = vlan_filtering(br);
	const struct w_brview *v = filt ? vlans_of(k->c, ns) : NULL;
	struct walk save = *k;
	char wire[256], nb[300];

	snprintf(wire, sizeof wire, "bridge %s in %s", br->name,
	         why_ns_name(ns, nb, sizeof nb));
	if (!k->wire)
		k->wire = wire;
	/* the bridge device itself receives what comes in by a port,
	 * when it is up and (filtering) a member of the frame's VLAN */
	if (in && (br->flags & IFF_UP) &&
	    (!filt || !vid || port_has_vid(v, br->ifindex, vid)))
		add_end(k, ns, br);
	for (size_t i = 0; i < ns->nlinks; i++) {
		struct w_link *q = &ns->links[i];

		if (q->master != br->ifindex || q == in)
			continue;
		*k = save;
		if (!k->wire)
			k->wire = wire;
		if (k->block == WHY_OK) {
			if (!(q->flags & IFF_UP)) {
				k->block = WHY_BRPORT_DOWN;
			} else if (port_state(q) != BR_STATE_FORWARDING) {
				k->block = WHY_BRPORT_STATE;
			} else if (filt && vid && !port_has_vid(v, q->ifindex, vid)) {
				k->block = WHY_VLAN;
				k->vid = vid;
			}
			if (k->block != WHY_OK) {
				k->block_ns = ns;
				k->block_obj = q->name;
			}
		}
		send_out(k, ns, q, vid, depth + 1);
	}
	*k = save;
}

/* A frame comes in by link l of ns (the far end of a cable) */
static void come_in(struct walk *k, struct w_ns *ns, struct w_link *l,
                    int depth)
{
	struct w_link *br = bridge_of(ns, l);
	struct walk save = *k;
	int vid = 0;

	if (!br) {
		add_end(k, ns, l);
		return;
	}
	if (k->block == WHY_OK) {
		if (!(l->flags & IFF_UP)) {
			k->block = WHY_BRPORT_DOWN;
		} else if (port_state(l) != BR_STATE_FORWARDING) {
			k->block = WHY_BRPORT_STATE;
		}
		if (k->block != WHY_OK) {
			k->block_ns = ns;
			k->block_obj = l->name;
		}
	}
	if (vlan_filtering(br)) {
		vid = port_pvid(vlans_of(k->c, ns), l->ifindex);
		if (!vid && k->block == WHY_OK) {
			/* an untagged frame on a port with no PVID is
			 * dropped where it comes in */
			k->block = WHY_VLAN;
			k->block_ns = ns;
			k->block_obj = l->name;
		}
	}
	through_bridge(k, ns, br, l, vid, depth);
	*k = save;
}

static void send_out(struct walk *k, struct w_ns *ns, struct w_link *l,
                     int vid, int depth)
{
	struct w_ns *pns = NULL;
	struct w_link *p;

	if (depth > WIRE_DEPTH)
		return;
	if (is_bridge(l)) {
		through_bridge(k, ns, l, NULL, vid, depth);
		return;
	}
	if ((p = why_peer(k->c, l, &pns)))
		come_in(k, pns, p, depth + 1);
}

void why_wire(struct why_ctx *c, struct w_ns *ns, struct w_link *l,
              struct why_ends *out)
{
	struct walk k;
	int vid = 0;

	memset(&k, 0, sizeof k);
	k.c = c;
	k.out = out;
	out->n = 0;
	if (is_bridge(l) && vlan_filtering(l))
		vid = port_pvid(vlans_of(c, ns), l->ifindex);
	send_out(&k, ns, l, vid, 0);
}
