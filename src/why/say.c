/* SPDX-License-Identifier: GPL-2.0-or-later */
/* say.c - why's result as text (a few lines per namespace, then the
 * verdict and the fix) and as one JSON object. */
#include "why/priv.h"

#include <netinet/in.h>
#include <stdio.h>
#include <string.h>

#include "fmt/json.h"

static const char *const codes[] = {
	[WHY_OK] = "ok",
	[WHY_NO_ROUTE] = "no-route",
	[WHY_ROUTE_TYPE] = "route-type",
	[WHY_LINK_DOWN] = "link-down",
	[WHY_PEER_DOWN] = "peer-down",
	[WHY_NO_NEIGH] = "no-neighbour",
	[WHY_BRPORT_DOWN] = "bridge-port-down",
	[WHY_BRPORT_STATE] = "bridge-port-state",
	[WHY_VLAN] = "vlan",
	[WHY_NO_FORWARDING] = "no-forwarding",
	[WHY_RP_FILTER] = "rp-filter",
	[WHY_NOT_LISTENING] = "not-listening",
	[WHY_ECHO_IGNORED] = "echo-ignored",
	[WHY_UNREADABLE] = "unreadable",
	[WHY_LOOP] = "loop",
	[WHY_ERROR] = "error",
	[WHY_NFT_DROP] = "nft-drop",
	[WHY_NFT_MAY_DROP] = "nft-may-drop",
};

const char *why_reason_code(enum why_reason r)
{
	if ((size_t)r < sizeof codes / sizeof *codes && codes[r])
		return codes[r];
	return "error";
}

static const char *proto_name(int proto)
{
	return proto == IPPROTO_TCP ? "tcp" : proto == IPPROTO_UDP ? "udp"
	       : "icmp";
}

/* The leg as it started (a NAT on the way changes src and dst) */
static const struct w_ip *leg_src(const struct why_leg *g)
{
	return g->natted ? &g->src0 : &g->src;
}

static const struct w_ip *leg_dst(const struct why_leg *g)
{
	return g->natted ? &g->dst0 : &g->dst;
}

/* "nft: rule 2 (handle 4) in ip filter input: drop: `...`" */
static void rule_text(const struct why_rule_hit *x, int width,
                      struct sbuf *out)
{
	sbuf_printf(out, "  %*s  nft: ", width, "");
	if (x->handle)
		sbuf_printf(out, "rule %d (handle %lu) in %s %s %s: %s: `%s`",
		            x->pos, x->handle, x->family, x->table, x->chain,
		            why_rv_name(x->verdict), x->text);
	else
		sbuf_printf(out, "chain %s %s %s: %s", x->family, x->table,
		            x->chain, why_rv_name(x->verdict));
	if (x->cannot[0])
		sbuf_printf(out, " (cannot judge `%s`)", x->cannot);
	sbuf_addc(out, '\n');
}

/* Hop i of leg g: a line for the lookup (its namespace's name padded to
 * width), a line for the way out, one for a note. */
void why_hop_text(const struct why_leg *g, int i, bool reply, int width,
                  struct sbuf *out)
{
	char s[64], d[64], nb[300], tb[300];
	const struct why_hop *h = &g->hops[i];

	w_ip_str(leg_dst(g), d, sizeof d);
	why_ns_name(h->ns, nb, sizeof nb);
	sbuf_printf(out, "  %s:%*s ", nb, (int)(width - strlen(nb)), "");
	if (h->in[0])
		sbuf_printf(out, "in %s: ", h->in);
	if (h->local)
		sbuf_printf(out, "%s is %s's own address: the %s "
		            "arrives\n", d, nb, reply ? "reply" : "request");
	else if (h->has_route)
		sbuf_printf(out, "%s\n", h->route);
	else if (h->said[0])
		sbuf_printf(out, "route get %s: %s\n", d, h->said);
	else
		sbuf_add(out, "(not looked up)\n");
	if (h->out[0]) {
		sbuf_printf(out, "  %*s  out %s", (int)width, "", h->out);
		if (h->has_gw)
			sbuf_printf(out, " via %s",
			            w_ip_str(&h->nh, s, sizeof s));
		sbuf_printf(out, " (%s%s%s)", h->out_state,
		            h->neigh[0] ? ", neighbour " : "", h->neigh);
		if (h->to_ns) {
			sbuf_printf(out, ", to %s in %s", h->to_if,
			            why_ns_name(h->to_ns, tb, sizeof tb));
			if (h->wire[0])
				sbuf_printf(out, " through the %s", h->wire);
		}
		sbuf_addc(out, '\n');
	}
	if (h->note[0])
		sbuf_printf(out, "  %*s  %s\n", (int)width, "", h->note);
	for (int k = 0; k < h->nrules; k++)
		rule_text(&h->rules[k], width, out);
	if (h->nft_note[0])
		sbuf_printf(out, "  %*s  nft: %s\n", width, "", h->nft_note);
}

static void leg_text(const struct why_result *r, const struct why_leg *g,
                     bool reply, struct sbuf *out)
{
	char s[64], d[64], nb[300];
	size_t width = 0;

	for (int i = 0; i < g->nhops; i++) {
		size_t n = strlen(why_ns_name(g->hops[i].ns, nb, sizeof nb));

		if (n > width)
			width = n;
	}
	if (width > 40)
		width = 40;
	if (leg_src(g)->family)
		sbuf_printf(out, "%s %s > %s:\n", reply ? "reply" : "request",
		            w_ip_str(leg_src(g), s, sizeof s),
		            w_ip_str(leg_dst(g), d, sizeof d));
	else
		sbuf_printf(out, "%s to %s:\n", reply ? "reply" : "request",
		            w_ip_str(leg_dst(g), d, sizeof d));
	for (int i = 0; i < g->nhops; i++)
		why_hop_text(g, i, reply, (int)width, out);
	(void)r;
}

void why_text(const struct why_result *r, struct sbuf *out)
{
	char d[64], nb[300];

	why_ns_name(r->q.ns, nb, sizeof nb);
	w_ip_str(&r->q.dst, d, sizeof d);
	if (r->q.proto == IPPROTO_ICMP)
		sbuf_printf(out, "why: ping %s from %s", d, nb);
	else
		sbuf_printf(out, "why: %s to %s port %u from %s",
		            proto_name(r->q.proto), d, r->q.port, nb);
	if (leg_src(&r->req)->family) {
		char s[64];

		sbuf_printf(out, " (source %s)",
		            w_ip_str(leg_src(&r->req), s, sizeof s));
	}
	sbuf_addc(out, '\n');
	leg_text(r, &r->req, false, out);
	if (r->rep_tried)
		leg_text(r, &r->rep, true, out);
	sbuf_printf(out, "verdict: %s.\n", r->text);
	for (int i = 0; i < r->nfix; i++)
		sbuf_printf(out, "fix: %s\n", r->fix[i]);
}

/* "rules": what nftables did to the packet on this hop */
static void rules_json(struct fj *j, const struct why_hop *h)
{
	fj_open_arr(j, "rules");
	for (int k = 0; k < h->nrules; k++) {
		const struct why_rule_hit *x = &h->rules[k];

		fj_open_obj(j, NULL);
		fj_str(j, "family", x->family);
		fj_str(j, "table", x->table);
		fj_str(j, "chain", x->chain);
		if (x->handle)
			fj_uint(j, "handle", x->handle);
		else
			fj_null(j, "handle");
		fj_str(j, "verdict", why_rv_name(x->verdict));
		if (x->text[0])
			fj_str(j, "rule", x->text);
		else
			fj_null(j, "rule");
		if (x->has_counter) {
			fj_open_obj(j, "counter");
			fj_uint(j, "packets", x->packets);
			fj_uint(j, "bytes", x->bytes);
			fj_close_obj(j);
		} else {
			fj_null(j, "counter");
		}
		if (x->cannot[0])
			fj_str(j, "cannot_judge", x->cannot);
		fj_close_obj(j);
	}
	fj_close_arr(j);
	if (h->nft_note[0])
		fj_str(j, "nft_note", h->nft_note);
}

static void leg_json(struct fj *j, const char *name, const struct why_leg *g)
{
	char b[300];

	fj_open_obj(j, name);
	if (leg_src(g)->family)
		fj_str(j, "source", w_ip_str(leg_src(g), b, sizeof b));
	else
		fj_null(j, "source");
	fj_str(j, "destination", w_ip_str(leg_dst(g), b, sizeof b));
	fj_bool(j, "arrives", g->arrives);
	fj_open_arr(j, "hops");
	for (int i = 0; i < g->nhops; i++) {
		const struct why_hop *h = &g->hops[i];

		fj_open_obj(j, NULL);
		fj_str(j, "namespace", why_ns_name(h->ns, b, sizeof b));
		if (h->in[0])
			fj_str(j, "in", h->in);
		else
			fj_null(j, "in");
		fj_bool(j, "local", h->local);
		if (h->has_route)
			fj_str(j, "route", h->route);
		else
			fj_null(j, "route");
		if (h->said[0])
			fj_str(j, "error", h->said);
		if (h->out[0]) {
			fj_str(j, "out", h->out);
			fj_str(j, "out_state", h->out_state);
		} else {
			fj_null(j, "out");
		}
		if (h->has_gw)
			fj_str(j, "gateway", w_ip_str(&h->nh, b, sizeof b));
		else
			fj_null(j, "gateway");
		if (h->neigh[0])
			fj_str(j, "neighbour", h->neigh);
		else
			fj_null(j, "neighbour");
		if (h->to_ns) {
			fj_str(j, "to_namespace",
			       why_ns_name(h->to_ns, b, sizeof b));
			fj_str(j, "to_interface", h->to_if);
		} else {
			fj_null(j, "to_namespace");
			fj_null(j, "to_interface");
		}
		if (h->wire[0])
			fj_str(j, "wire", h->wire);
		if (h->note[0])
			fj_str(j, "note", h->note);
		rules_json(j, h);
		fj_close_obj(j);
	}
	fj_close_arr(j);
	fj_close_obj(j);
}

void why_json(const struct why_result *r, struct sbuf *out)
{
	struct fj j;
	char b[300];

	fj_init(&j, out, false);
	fj_open_obj(&j, NULL);
	fj_str(&j, "target", w_ip_str(&r->q.dst, b, sizeof b));
	fj_str(&j, "namespace", why_ns_name(r->q.ns, b, sizeof b));
	fj_str(&j, "proto", proto_name(r->q.proto));
	if (r->q.proto == IPPROTO_ICMP)
		fj_null(&j, "port");
	else
		fj_uint(&j, "port", r->q.port);
	if (leg_src(&r->req)->family)
		fj_str(&j, "source", w_ip_str(leg_src(&r->req), b, sizeof b));
	else
		fj_null(&j, "source");
	fj_bool(&j, "ok", r->reason == WHY_OK);
	leg_json(&j, "request", &r->req);
	if (r->rep_tried)
		leg_json(&j, "reply", &r->rep);
	else
		fj_null(&j, "reply");
	fj_open_obj(&j, "verdict");
	fj_str(&j, "reason", why_reason_code(r->reason));
	if (r->where)
		fj_str(&j, "namespace", why_ns_name(r->where, b, sizeof b));
	else
		fj_null(&j, "namespace");
	if (r->object[0])
		fj_str(&j, "object", r->object);
	else
		fj_null(&j, "object");
	fj_str(&j, "direction", r->reason == WHY_OK ? "both"
	       : r->in_reply ? "reply" : "request");
	fj_str(&j, "text", r->text);
	fj_open_arr(&j, "fix");
	for (int i = 0; i < r->nfix; i++)
		fj_str(&j, NULL, r->fix[i]);
	fj_close_arr(&j);
	fj_close_obj(&j);
	fj_close_obj(&j);
	sbuf_addc(out, '\n');
}
