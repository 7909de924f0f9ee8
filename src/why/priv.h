/* SPDX-License-Identifier: GPL-2.0-or-later */
/* priv.h - what trace.c, wire.c and say.c share. */
#ifndef NSVIZ_WHY_PRIV_H
#define NSVIZ_WHY_PRIV_H

#include "why/why.h"

#include "kernel/kernel.h"
#include "util/sbuf.h"

#define WHY_MAX_ENDS 64

/* Where a frame sent out of a link is received, and what (if anything)
 * stops it on the way: the first port that is down, not forwarding or
 * not in the frame's VLAN. */
struct why_end {
	struct w_ns *ns;
	struct w_link *l;
	enum why_reason block;   /* WHY_OK: nothing stops it */
	struct w_ns *block_ns;
	char block_obj[W_IFNAMSIZ];
	int vid;                 /* the frame's VLAN at the block, 0 none */
	char wire[256];          /* "bridge br0 in host", "" = a cable */
};

struct why_ends {
	struct why_end v[WHY_MAX_ENDS];
	int n;
};

/* What the walk keeps while it runs: the bridges' VLAN tables, read once
 * per namespace. */
struct why_ctx {
	struct ksync *k;
	struct world *w;
	struct {
		struct w_ns *ns;
		struct w_brview view;
		bool ok;
	} br[16];
	int nbr;
	/* each namespace's ruleset, listed once per why (nfthook.c): JSON for
	 * the judging, nft -a's text for the rules' words */
	struct {
		struct w_ns *ns;
		char *json, *text;      /* NULL: none, or unreadable */
		char err[200];          /* why it could not be read, "" */
	} nft[WHY_MAX_HOPS];
	int nnft;
	/* the translations made on the way, undone for the reply */
	struct {
		struct w_ns *ns;
		bool dst;               /* dnat (else snat, masquerade) */
		struct w_ip from, to;
		unsigned from_port, to_port;
	} nat[8];
	int nnat;
};

/* Every end a frame sent out of (ns, l) reaches, through cables and
 * bridges (wire.c) */
void why_wire(struct why_ctx *c, struct w_ns *ns, struct w_link *l,
              struct why_ends *out);
/* The far end of a veth (its namespace in *pns), or NULL */
struct w_link *why_peer(struct why_ctx *c, const struct w_link *l,
                        struct w_ns **pns);
void why_ctx_done(struct why_ctx *c);

/* nftables at one hook of hop h (nfthook.c): the rules met are added to h,
 * NAT changes g's packet (and is remembered for the reply).  false when
 * a rule stops it: r's verdict and fix are set. */
bool why_nft_hook(struct why_ctx *c, struct why_result *r, struct why_leg *g,
                  struct why_hop *h, bool reply, enum why_hook hook,
                  const char *in, const char *out);
/* The reply meets a translation made for the request: undo it (the
 * destination at prerouting, the source at postrouting) */
void why_nft_unnat(struct why_ctx *c, struct why_leg *g, struct w_ns *ns,
                   bool dst);
void why_nft_done(struct why_ctx *c);

/* "ip -n vnet", "ip", "nsenter -t PID -n ip": how a command for ns starts
 * (tool is "ip", "bridge", "sysctl", "nsviz") */
void why_cmd_head(const struct w_ns *ns, const char *tool, struct sbuf *out);
/* the namespace as people read it */
const char *why_ns_name(const struct w_ns *ns, char *buf, size_t len);

#endif
