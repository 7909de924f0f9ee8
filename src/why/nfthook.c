/* SPDX-License-Identifier: GPL-2.0-or-later */
/* nfthook.c - why meets nftables (issue 15): each namespace's ruleset
 * is listed once per why through libnftables (JSON to judge, nft -a's
 * text for the rules' words), judged at the hooks the packet passes
 * there (rules.c), and what the rules do becomes part of the hop: a drop
 * is the verdict, a NAT changes the packet followed from there (and is
 * undone for the reply, as conntrack does). */
#include "why/priv.h"

#include <netinet/in.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"

void why_nft_done(struct why_ctx *c)
{
	for (int i = 0; i < c->nnft; i++) {
		free(c->nft[i].json);
		free(c->nft[i].text);
	}
	c->nnft = 0;
	c->nnat = 0;
}

static char *list(struct why_ctx *c, struct w_ns *ns, unsigned flags,
                  char *err, size_t elen)
{
	struct knft_req q = { .text = "list ruleset", .oflags = flags };
	struct sbuf out = SBUF_INIT, eb = SBUF_INIT;
	struct kerr e = { 0 };
	char *s = NULL;

	if (knft_run(c->k, ns, &q, &out, &eb, &e) < 0) {
		size_t n = strcspn(sbuf_str(&eb), "\n");

		snprintf(err, elen, "%.*s", (int)(n > 150 ? 150 : n),
		         n ? sbuf_str(&eb) : kerr_str(&e));
	} else if (!(s = strdup(sbuf_str(&out)))) {
		snprintf(err, elen, "out of memory");
	}
	sbuf_free(&out);
	sbuf_free(&eb);
	return s;
}

/* ns's ruleset (read at the first hop there); NULL json: none to judge */
static int ruleset(struct why_ctx *c, struct w_ns *ns)
{
	int i;

	for (i = 0; i < c->nnft; i++)
		if (c->nft[i].ns == ns)
			return i;
	if (c->nnft >= WHY_MAX_HOPS)
		return -1;
	i = c->nnft++;
	memset(&c->nft[i], 0, sizeof c->nft[i]);
	c->nft[i].ns = ns;
	c->nft[i].json = list(c, ns, CMD_NFT_JSON | CMD_NFT_HANDLE,
	                      c->nft[i].err, sizeof c->nft[i].err);
	/* no table: nothing more to ask */
	if (c->nft[i].json && !why_rules_any(c->nft[i].json)) {
		free(c->nft[i].json);
		c->nft[i].json = NULL;
	} else if (c->nft[i].json) {
		c->nft[i].text = list(c, ns, CMD_NFT_HANDLE, c->nft[i].err,
		                      sizeof c->nft[i].err);
	}
	return i;
}

static void add_fix(struct why_result *r, const struct w_ns *ns,
                    const char *const *words, int n)
{
	struct sbuf b = SBUF_INIT;

	if (r->nfix >= WHY_MAX_FIX)
		return;
	why_cmd_head(ns, "nft", &b);
	for (int i = 0; i < n; i++)
		cmd_quote_word(&b, words[i]);
	snprintf(r->fix[r->nfix++], sizeof r->fix[0], "%s", sbuf_str(&b));
	sbuf_free(&b);
}

static void note(struct why_hop *h, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void note(struct why_hop *h, const char *fmt, ...)
{
	size_t n = strlen(h->nft_note);
	va_list ap;

	if (n && n < sizeof h->nft_note - 2) {
		snprintf(h->nft_note + n, sizeof h->nft_note - n, "; ");
		n += 2;
	}
	va_start(ap, fmt);
	vsnprintf(h->nft_note + n, sizeof h->nft_note - n, fmt, ap);
	va_end(ap);
}

/* A global address of family on the link named ifname of ns */
static bool out_addr(const struct w_ns *ns, const char *ifname, int family,
                     struct w_ip *ip)
{
	const struct w_link *l = world_find_link((struct w_ns *)ns, ifname);

	for (size_t i = 0; l && i < ns->naddrs; i++)
		if (ns->addrs[i].ifindex == l->ifindex &&
		    ns->addrs[i].family == family &&
		    ns->addrs[i].scope < 253 /* RT_SCOPE_LINK */) {
			*ip = ns->addrs[i].local;
			return true;
		}
	return false;
}

static void stop_text(struct why_result *r, struct w_ns *ns, bool reply,
                      enum why_hook hook, const struct why_rule_hit *x)
{
	const char *what = reply ? "reply" : "request";
	char nb[300], cnt[96] = "";
	/* nft's text did not have it (a name that confuses the reading) */
	const char *words = x->text[0] ? x->text
	                    : "(not found in nft -a list ruleset)";

	why_ns_name(ns, nb, sizeof nb);
	r->where = ns;
	r->in_reply = reply;
	if (x->has_counter)
		snprintf(cnt, sizeof cnt, "; its counter: %llu packets, %llu "
		         "bytes", x->packets, x->bytes);
	if (!x->handle) {
		snprintf(r->object, sizeof r->object, "%s %s %s policy",
		         x->family, x->table, x->chain);
		if (x->verdict == WHY_RV_MAY_DROP) {
			r->reason = WHY_NFT_MAY_DROP;
			snprintf(r->text, sizeof r->text, "in %s, the policy of "
			         "chain %s %s (%s family, %s hook) is drop and may "
			         "drop it: nsviz cannot judge `%s` in a rule before "
			         "it", nb, x->table, x->chain, x->family,
			         why_hook_name(hook), x->cannot);
		} else {
			r->reason = WHY_NFT_DROP;
			snprintf(r->text, sizeof r->text, "the %s reaches the %s "
			         "hook of %s, where no rule of chain %s %s (%s "
			         "family) accepts it and the chain's policy is "
			         "drop: the %s is dropped there", what,
			         why_hook_name(hook), nb, x->table, x->chain,
			         x->family, what);
		}
		return;
	}
	snprintf(r->object, sizeof r->object, "%s %s %s handle %lu",
	         x->family, x->table, x->chain, x->handle);
	if (x->verdict == WHY_RV_MAY_DROP) {
		r->reason = WHY_NFT_MAY_DROP;
		snprintf(r->text, sizeof r->text, "in %s, rule %d (handle %lu) "
		         "in chain %s %s may drop it: nsviz cannot judge `%s`%s "
		         "(%s family, %s hook; the rule: `%s`%s)", nb, x->pos,
		         x->handle, x->table, x->chain, x->cannot,
		         x->cannot_before ? " in a rule before it, which may "
		         "have let it through" : "", x->family,
		         why_hook_name(hook), words, cnt);
	} else {
		r->reason = WHY_NFT_DROP;
		snprintf(r->text, sizeof r->text, "the %s is %s in %s by rule "
		         "%d (handle %lu) in chain %s %s (%s family, %s hook): "
		         "`%s`%s", what, x->verdict == WHY_RV_REJECT ? "rejected"
		         : "dropped", nb, x->pos, x->handle, x->table, x->chain,
		         x->family, why_hook_name(hook), words, cnt);
	}
}

static void stop_fix(struct why_result *r, struct w_ns *ns,
                     const struct why_leg *g, const struct why_rule_hit *x)
{
	char hb[24], sa[64], da[64];

	if (x->handle) {
		const char *w[] = { "delete", "rule", x->family, x->table,
		                    x->chain, "handle", hb };

		snprintf(hb, sizeof hb, "%lu", x->handle);
		add_fix(r, ns, w, 7);
		return;
	}
	{
		bool six = g->dst.family == AF_INET6;
		const char *w[] = { "insert", "rule", x->family, x->table,
		                    x->chain, six ? "ip6" : "ip", "saddr",
		                    w_ip_str(&g->src, sa, sizeof sa),
		                    six ? "ip6" : "ip", "daddr",
		                    w_ip_str(&g->dst, da, sizeof da), "accept" };
		const char *p[] = { "chain", x->family, x->table, x->chain,
		                    "{ policy accept; }" };

		add_fix(r, ns, w, 12);
		add_fix(r, ns, p, 5);
	}
}

bool why_nft_hook(struct why_ctx *c, struct why_result *r, struct why_leg *g,
                  struct why_hop *h, bool reply, enum why_hook hook,
                  const char *in, const char *out)
{
	struct why_rules *rs;
	struct why_pkt p;
	int i = ruleset(c, h->ns);
	bool go = true;

	if (i < 0)
		return true;
	if (!c->nft[i].json) {
		if (c->nft[i].err[0] && !strstr(h->nft_note, "not read"))
			note(h, "nft rules not read: %s", c->nft[i].err);
		return true;
	}
	memset(&p, 0, sizeof p);
	p.family = g->dst.family;
	p.proto = r->q.proto;
	p.src = g->src;
	p.dst = g->dst;
	p.reply = reply;
	if (p.proto != IPPROTO_ICMP) {
		unsigned port = r->req.port ? r->req.port : r->q.port;

		if (reply)
			p.sport = port;
		else
			p.dport = g->port ? g->port : r->q.port;
	}
	snprintf(p.iif, sizeof p.iif, "%s", in ? in : "");
	snprintf(p.oif, sizeof p.oif, "%s", out ? out : "");
	if (!(rs = calloc(1, sizeof *rs)))
		return true;
	if (why_rules_judge(c->nft[i].json, c->nft[i].text, hook, &p, rs) < 0) {
		note(h, "nft rules not understood (not nft's JSON)");
		free(rs);
		return true;
	}
	for (int k = 0; k < rs->n && h->nrules < WHY_MAX_RULES; k++)
		h->rules[h->nrules++] = rs->v[k];
	if (rs->stop >= 0) {
		stop_text(r, h->ns, reply, hook, &rs->v[rs->stop]);
		stop_fix(r, h->ns, g, &rs->v[rs->stop]);
		go = false;
	} else if (rs->nat >= 0) {
		const struct why_rule_hit *x = &rs->v[rs->nat];
		struct w_ip to = { 0 };
		bool dst = x->verdict == WHY_RV_DNAT;
		char a[64], b[64];

		if (x->verdict == WHY_RV_MASQUERADE)
			out_addr(h->ns, out ? out : "", g->dst.family, &to);
		else if (x->nat_addr.family == g->dst.family)
			to = x->nat_addr;
		if (!to.family && !x->nat_port) {
			note(h, "%s by rule handle %lu in %s %s %s: to what, nsviz "
			     "cannot say", why_rv_name(x->verdict), x->handle,
			     x->family, x->table, x->chain);
		} else {
			if (!g->natted) {
				g->natted = true;
				g->src0 = g->src;
				g->dst0 = g->dst;
			}
			if (c->nnat < 8) {
				c->nat[c->nnat].ns = h->ns;
				c->nat[c->nnat].dst = dst;
				c->nat[c->nnat].from = dst ? g->dst : g->src;
				c->nat[c->nnat].to = to.family ? to
				                     : dst ? g->dst : g->src;
				c->nat[c->nnat].from_port = dst ? (g->port ? g->port
				                                   : r->q.port) : 0;
				c->nat[c->nnat].to_port = x->nat_port;
				c->nnat++;
			}
			if (dst) {
				if (to.family)
					g->dst = to;
				if (x->nat_port && p.proto != IPPROTO_ICMP)
					g->port = x->nat_port;
			} else if (to.family) {
				g->src = to;
			}
			b[0] = 0;
			if (dst && g->port && p.proto != IPPROTO_ICMP)
				snprintf(b, sizeof b, " port %u", g->port);
			note(h, "%s by rule handle %lu in %s %s %s: %s now %s%s",
			     x->verdict == WHY_RV_MASQUERADE ? "masqueraded"
			     : x->verdict == WHY_RV_SNAT ? "source-translated (snat)"
			     : "destination-translated (dnat)", x->handle,
			     x->family, x->table, x->chain,
			     dst ? "destination" : "source",
			     w_ip_str(dst ? &g->dst : &g->src, a, sizeof a), b);
		}
	}
	free(rs);
	return go;
}

void why_nft_unnat(struct why_ctx *c, struct why_leg *g, struct w_ns *ns,
                   bool dst)
{
	for (int i = 0; i < c->nnat; i++) {
		if (c->nat[i].ns != ns || c->nat[i].dst == dst)
			continue;
		if (!w_ip_eq(&c->nat[i].to, dst ? &g->dst : &g->src))
			continue;
		if (!g->natted) {
			g->natted = true;
			g->src0 = g->src;
			g->dst0 = g->dst;
		}
		/* the reply's destination is the request's translated source
		 * (snat, masquerade): back to who sent it */
		if (dst) {
			g->dst = c->nat[i].from;
			return;
		}
		/* its source is the translated destination (dnat): back to
		 * the address the request was sent to */
		g->src = c->nat[i].from;
		return;
	}
}
