/* SPDX-License-Identifier: GPL-2.0-or-later */
/* rules.c - which nftables rules a packet meets at one hook, and what
 * they do to it (issue 15): the base chains of that hook in the packet's
 * families, in priority order, each rule judged by its match
 * expressions, jumps and gotos followed, the chain's policy at its end.
 * What nsviz cannot judge (a mark, a random number, a rate) makes the
 * rule one that "may" match: never a guess.  The rule's words are nft's
 * own, found by handle in the `list ruleset -a` text. */
#include "why/rules.h"

#include <ctype.h>
#include <json-c/json.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#define MAX_DEPTH 16

enum chain_end { END_NONE, END_ACCEPT, END_DROP, END_RETURN, END_NAT };

struct judge {
	json_object *items;     /* the "nftables" array */
	const char *text;
	enum why_hook hook;
	const struct why_pkt *p;
	struct why_rules *out;
	char unsure[128];       /* a rule before that may have matched */
	bool skip_nat;
	unsigned steps;         /* rules judged: a bound on jumps in loops */
};

#define MAX_STEPS 20000

static const char *const hook_names[] = {
	[WHY_HOOK_PRE] = "prerouting", [WHY_HOOK_IN] = "input",
	[WHY_HOOK_FWD] = "forward", [WHY_HOOK_OUT] = "output",
	[WHY_HOOK_POST] = "postrouting",
};

const char *why_hook_name(enum why_hook h)
{
	return (unsigned)h < 5 ? hook_names[h] : "?";
}

const char *why_rv_name(enum why_rv v)
{
	switch (v) {
	case WHY_RV_ACCEPT: return "accept";
	case WHY_RV_DROP: return "drop";
	case WHY_RV_REJECT: return "reject";
	case WHY_RV_MAY_DROP: return "may-drop";
	case WHY_RV_POLICY_DROP: return "policy-drop";
	case WHY_RV_MASQUERADE: return "masquerade";
	case WHY_RV_SNAT: return "snat";
	case WHY_RV_DNAT: return "dnat";
	}
	return "?";
}

/* ---- JSON helpers ------------------------------------------------------ */

static json_object *get(json_object *o, const char *key)
{
	json_object *v = NULL;

	if (!o || !json_object_is_type(o, json_type_object) ||
	    !json_object_object_get_ex(o, key, &v))
		return NULL;
	return v;
}

static const char *str(json_object *o, const char *key)
{
	json_object *v = get(o, key);

	return v && json_object_is_type(v, json_type_string)
	       ? json_object_get_string(v) : NULL;
}

static bool num(json_object *o, long long *out)
{
	if (!o || !json_object_is_type(o, json_type_int))
		return false;
	*out = (long long)json_object_get_int64(o);
	return true;
}

/* The one key of a one-member object ({"drop": null}), or NULL */
static const char *only_key(json_object *o, json_object **val)
{
	struct json_object_iterator it, end;

	if (!o || !json_object_is_type(o, json_type_object) ||
	    json_object_object_length(o) != 1)
		return NULL;
	it = json_object_iter_begin(o);
	end = json_object_iter_end(o);
	if (json_object_iter_equal(&it, &end))
		return NULL;
	*val = json_object_iter_peek_value(&it);
	return json_object_iter_peek_name(&it);
}

static bool fam_fits(const char *fam, int family)
{
	if (!fam)
		return false;
	if (!strcmp(fam, "inet"))
		return true;
	return family == AF_INET6 ? !strcmp(fam, "ip6") : !strcmp(fam, "ip");
}

/* ---- values -------------------------------------------------------------- */

/* What of the packet an expression reads. */
enum vkind { V_NONE, V_ADDR, V_NUM, V_NAME, V_STATE, V_ICMP };

struct val {
	enum vkind kind;
	struct w_ip ip;
	long long n;
	const char *name;
};

static int cmp_ip(const struct w_ip *a, const struct w_ip *b)
{
	int bytes = a->family == AF_INET6 ? 16 : 4;

	return memcmp(a->a, b->a, (size_t)bytes);
}

static bool ip_in(const struct w_ip *ip, const struct w_ip *pfx, long long len)
{
	int bytes = ip->family == AF_INET6 ? 16 : 4;

	if (ip->family != pfx->family || len < 0 || len > bytes * 8)
		return false;
	for (int i = 0; i < bytes; i++) {
		long long bits = len - i * 8;
		uint8_t m = bits >= 8 ? 0xff : bits <= 0 ? 0 :
		            (uint8_t)(0xff << (8 - bits));

		if ((ip->a[i] & m) != (pfx->a[i] & m))
			return false;
	}
	return true;
}

static const struct { const char *name; int n; } symbols[] = {
	{ "icmp", IPPROTO_ICMP }, { "tcp", IPPROTO_TCP },
	{ "udp", IPPROTO_UDP }, { "ipv6-icmp", IPPROTO_ICMPV6 },
	{ "icmpv6", IPPROTO_ICMPV6 }, { "ipv4", AF_INET },
	{ "ipv6", AF_INET6 }, { "ip", 0x0800 }, { "ip6", 0x86dd },
};

/* A scalar of the rule (a number, a symbol, a name) against v:
 * 1 equal, 0 not, -1 cannot say */
static int eq_scalar(const struct val *v, json_object *r)
{
	long long n;
	const char *s = json_object_is_type(r, json_type_string)
	                ? json_object_get_string(r) : NULL;

	switch (v->kind) {
	case V_ADDR: {
		struct w_ip ip;

		if (!s || w_ip_parse(s, &ip) < 0)
			return -1;
		return ip.family == v->ip.family && w_ip_eq(&ip, &v->ip);
	}
	case V_NUM:
		if (num(r, &n))
			return n == v->n;
		if (s) {
			for (size_t i = 0; i < sizeof symbols / sizeof *symbols; i++)
				if (!strcmp(symbols[i].name, s))
					return symbols[i].n == v->n;
		}
		return -1;
	case V_NAME: {
		size_t l;

		if (!s)
			return -1;
		l = strlen(s);
		if (l && s[l - 1] == '*')       /* "veth*" */
			return !strncmp(s, v->name, l - 1);
		return !strcmp(s, v->name);
	}
	case V_STATE:
		if (!s)
			return -1;
		return !strcmp(s, v->name);
	case V_ICMP:            /* a type: its name, or its number */
		if (s)
			return !strcmp(s, v->name);
		if (num(r, &n))
			return n == v->n;
		return -1;
	case V_NONE:
		break;
	}
	return -1;
}

struct set_ref {
	struct judge *j;
	const char *family, *table;
};

static int match_one(const struct val *v, json_object *r,
                     const struct set_ref *sr, int depth);

/* v against the members of an array: 1 when one is v, 0 when none is,
 * -1 when one cannot be judged and none is v */
static int in_array(const struct val *v, json_object *a,
                    const struct set_ref *sr, int depth)
{
	int res = 0;
	size_t n = json_object_array_length(a);

	for (size_t i = 0; i < n; i++) {
		json_object *e = json_object_array_get_idx(a, i), *ev;
		int m;

		if ((ev = get(e, "elem")) && get(ev, "val"))
			e = get(ev, "val");
		m = match_one(v, e, sr, depth + 1);
		if (m == 1)
			return 1;
		if (m < 0)
			res = -1;
	}
	return res;
}

/* A named set of the rule's table, "@name" */
static json_object *named_set(const struct set_ref *sr, const char *name)
{
	size_t n = json_object_array_length(sr->j->items);

	for (size_t i = 0; i < n; i++) {
		json_object *s = get(json_object_array_get_idx(sr->j->items, i),
		                     "set");
		const char *f = str(s, "family"), *t = str(s, "table"),
		           *nm = str(s, "name");

		if (s && f && t && nm && !strcmp(f, sr->family) &&
		    !strcmp(t, sr->table) && !strcmp(nm, name))
			return s;
	}
	return NULL;
}

static int match_one(const struct val *v, json_object *r,
                     const struct set_ref *sr, int depth)
{
	json_object *x;

	if (!r || depth > 8)
		return -1;
	if (json_object_is_type(r, json_type_array))
		return in_array(v, r, sr, depth);
	if ((x = get(r, "set"))) {
		if (json_object_is_type(x, json_type_array))
			return in_array(v, x, sr, depth);
		return match_one(v, x, sr, depth + 1);
	}
	if ((x = get(r, "prefix"))) {
		struct w_ip ip;
		long long len;
		const char *a = str(x, "addr");

		if (v->kind != V_ADDR || !a || w_ip_parse(a, &ip) < 0 ||
		    !num(get(x, "len"), &len))
			return -1;
		return ip_in(&v->ip, &ip, len);
	}
	if ((x = get(r, "range"))) {
		json_object *lo, *hi;
		long long a, b;

		if (!json_object_is_type(x, json_type_array) ||
		    json_object_array_length(x) != 2)
			return -1;
		lo = json_object_array_get_idx(x, 0);
		hi = json_object_array_get_idx(x, 1);
		if (v->kind == V_NUM && num(lo, &a) && num(hi, &b))
			return v->n >= a && v->n <= b;
		if (v->kind == V_ADDR && json_object_is_type(lo, json_type_string)
		    && json_object_is_type(hi, json_type_string)) {
			struct w_ip l, h;

			if (w_ip_parse(json_object_get_string(lo), &l) < 0 ||
			    w_ip_parse(json_object_get_string(hi), &h) < 0 ||
			    l.family != v->ip.family || h.family != v->ip.family)
				return -1;
			return cmp_ip(&v->ip, &l) >= 0 && cmp_ip(&v->ip, &h) <= 0;
		}
		return -1;
	}
	if (json_object_is_type(r, json_type_string)) {
		const char *s = json_object_get_string(r);

		if (s[0] == '@') {
			json_object *set = named_set(sr, s + 1), *el;

			if (!set || !(el = get(set, "elem")))
				return set ? 0 : -1;
			if (!json_object_is_type(el, json_type_array))
				return -1;
			return in_array(v, el, sr, depth);
		}
		return eq_scalar(v, r);
	}
	if (json_object_is_type(r, json_type_int))
		return eq_scalar(v, r);
	return -1;
}

/* ---- one expression ------------------------------------------------------ */

/* What the left side of a match reads of the packet: 1 and *v set; 0:
 * the packet cannot match (a tcp field of a udp packet); -1: nsviz
 * cannot say (what in name) */
static int read_left(const struct judge *j, json_object *l, struct val *v,
                     char *name, size_t nlen)
{
	const struct why_pkt *p = j->p;
	json_object *x;
	const char *proto, *field, *key;

	memset(v, 0, sizeof *v);
	if ((x = get(l, "payload"))) {
		proto = str(x, "protocol");
		field = str(x, "field");
		snprintf(name, nlen, "%s %s", proto ? proto : "payload",
		         field ? field : "(raw)");
		if (!proto || !field)
			return -1;
		if (!strcmp(proto, "ip") || !strcmp(proto, "ip6")) {
			if ((p->family == AF_INET6) != !strcmp(proto, "ip6"))
				return 0;
			if (!strcmp(field, "saddr") || !strcmp(field, "daddr")) {
				v->kind = V_ADDR;
				v->ip = field[0] == 's' ? p->src : p->dst;
				return 1;
			}
			if (!strcmp(field, "protocol") || !strcmp(field, "nexthdr")) {
				v->kind = V_NUM;
				v->n = p->family == AF_INET6 && p->proto == IPPROTO_ICMP
				       ? IPPROTO_ICMPV6 : p->proto;
				return 1;
			}
			return -1;
		}
		if (!strcmp(proto, "tcp") || !strcmp(proto, "udp") ||
		    !strcmp(proto, "th")) {
			unsigned port;

			if (p->proto != IPPROTO_TCP && p->proto != IPPROTO_UDP)
				return 0;
			if (strcmp(proto, "th") &&
			    (p->proto == IPPROTO_TCP) != !strcmp(proto, "tcp"))
				return 0;
			if (strcmp(field, "sport") && strcmp(field, "dport"))
				return -1;
			port = field[0] == 's' ? p->sport : p->dport;
			if (!port)
				return -1;
			v->kind = V_NUM;
			v->n = port;
			return 1;
		}
		if (!strcmp(proto, "icmp") || !strcmp(proto, "icmpv6")) {
			bool six = !strcmp(proto, "icmpv6");

			if (p->proto != IPPROTO_ICMP || (p->family == AF_INET6) != six)
				return 0;
			if (strcmp(field, "type"))
				return -1;
			v->kind = V_ICMP;
			v->n = six ? (p->reply ? 129 : 128) : (p->reply ? 0 : 8);
			v->name = p->reply ? "echo-reply" : "echo-request";
			return 1;
		}
		return -1;
	}
	if ((x = get(l, "meta"))) {
		key = str(x, "key");
		snprintf(name, nlen, "meta %s", key ? key : "?");
		if (!key)
			return -1;
		if (!strcmp(key, "l4proto")) {
			v->kind = V_NUM;
			v->n = p->family == AF_INET6 && p->proto == IPPROTO_ICMP
			       ? IPPROTO_ICMPV6 : p->proto;
			return 1;
		}
		if (!strcmp(key, "nfproto")) {
			v->kind = V_NUM;
			v->n = p->family;
			return 1;
		}
		if (!strcmp(key, "protocol")) {
			v->kind = V_NUM;
			v->n = p->family == AF_INET6 ? 0x86dd : 0x0800;
			return 1;
		}
		if (!strcmp(key, "iifname") || !strcmp(key, "iif") ||
		    !strcmp(key, "oifname") || !strcmp(key, "oif")) {
			/* "": none (a packet made here came in by nothing) */
			v->kind = V_NAME;
			v->name = key[0] == 'i' ? p->iif : p->oif;
			return 1;
		}
		return -1;
	}
	if ((x = get(l, "ct"))) {
		key = str(x, "key");
		snprintf(name, nlen, "ct %s", key ? key : "?");
		if (key && !strcmp(key, "state") && !get(x, "dir")) {
			v->kind = V_STATE;
			v->name = p->reply ? "established" : "new";
			return 1;
		}
		return -1;
	}
	{
		json_object *dummy;
		const char *k = only_key(l, &dummy);

		snprintf(name, nlen, "%s", k ? k : "expression");
	}
	return -1;
}

/* A match: 1, 0 or -1 (what in name) */
static int judge_match(struct judge *j, json_object *m, const char *family,
                       const char *table, char *name, size_t nlen)
{
	const char *op = str(m, "op");
	struct set_ref sr = { j, family, table };
	struct val v;
	int r;

	r = read_left(j, get(m, "left"), &v, name, nlen);
	if (r <= 0)
		return r;
	if (!op)
		return -1;
	if (!strcmp(op, "==") || !strcmp(op, "in") || !strcmp(op, "!=")) {
		r = match_one(&v, get(m, "right"), &sr, 0);
		if (r < 0)
			return -1;
		return !strcmp(op, "!=") ? !r : r;
	}
	if (v.kind == V_NUM) {
		long long n;

		if (!num(get(m, "right"), &n))
			return -1;
		if (!strcmp(op, "<")) return v.n < n;
		if (!strcmp(op, ">")) return v.n > n;
		if (!strcmp(op, "<=")) return v.n <= n;
		if (!strcmp(op, ">=")) return v.n >= n;
	}
	return -1;
}

/* ---- the rules' words ------------------------------------------------------ */

static bool ends_handle(const char *line, size_t len, unsigned long *h,
                        size_t *textlen)
{
	static const char tag[] = " # handle ";
	const char *p = NULL;

	for (size_t i = 0; i + sizeof tag - 1 <= len; i++)
		if (!memcmp(line + i, tag, sizeof tag - 1))
			p = line + i;
	if (!p)
		return false;
	{
		const char *d = p + sizeof tag - 1, *e = line + len;
		unsigned long n = 0;

		if (d == e)
			return false;
		for (; d < e; d++) {
			if (!isdigit((unsigned char)*d) || n > 100000000ul)
				return false;
			n = n * 10 + (unsigned long)(*d - '0');
		}
		*h = n;
	}
	*textlen = (size_t)(p - line);
	return true;
}

/* The line of rule handle rh in the table (family, table handle th) of
 * nft's text, without its indent and "# handle N", into buf */
static bool rule_text(const char *text, const char *family, unsigned long th,
                      unsigned long rh, char *buf, size_t blen)
{
	bool in_table = false;
	int depth = 0;

	if (!text)
		return false;
	for (const char *l = text; *l;) {
		const char *e = strchr(l, '\n');
		size_t len = e ? (size_t)(e - l) : strlen(l);
		const char *s = l;
		size_t sl = len, tl;
		unsigned long h;
		int opens = 0, closes = 0;
		bool quoted = false;

		while (sl && (*s == '\t' || *s == ' '))
			s++, sl--;
		for (size_t i = 0; i < sl; i++) {
			if (s[i] == '"')
				quoted = !quoted;
			else if (!quoted && s[i] == '{')
				opens++;
			else if (!quoted && s[i] == '}')
				closes++;
		}
		if (depth == 0 && sl > 6 && !memcmp(s, "table ", 6)) {
			size_t fl = strlen(family);

			in_table = sl > 6 + fl && !memcmp(s + 6, family, fl) &&
			           s[6 + fl] == ' ' && ends_handle(s, sl, &h, &tl) &&
			           h == th;
		} else if (in_table && depth == 2 && opens == closes &&
		           ends_handle(s, sl, &h, &tl) && h == rh) {
			snprintf(buf, blen, "%.*s", (int)tl, s);
			return true;
		}
		depth += opens - closes;
		if (depth < 0)
			depth = 0;
		l = e ? e + 1 : l + len;
	}
	return false;
}

static unsigned long table_handle(struct judge *j, const char *family,
                                  const char *table)
{
	size_t n = json_object_array_length(j->items);

	for (size_t i = 0; i < n; i++) {
		json_object *t = get(json_object_array_get_idx(j->items, i),
		                     "table");
		const char *f = str(t, "family"), *nm = str(t, "name");
		long long h;

		if (t && f && nm && !strcmp(f, family) && !strcmp(nm, table) &&
		    num(get(t, "handle"), &h) && h > 0)
			return (unsigned long)h;
	}
	return 0;
}

/* ---- chains ------------------------------------------------------------------ */

static struct why_rule_hit *hit(struct judge *j, const char *family,
                                const char *table, const char *chain)
{
	struct why_rule_hit *h;

	if (j->out->n >= WHY_MAX_RULES)
		return NULL;
	h = &j->out->v[j->out->n++];
	memset(h, 0, sizeof *h);
	snprintf(h->family, sizeof h->family, "%s", family);
	snprintf(h->table, sizeof h->table, "%s", table);
	snprintf(h->chain, sizeof h->chain, "%s", chain);
	return h;
}

/* A hit for rule (its position pos) with verdict v */
static void note_rule(struct judge *j, json_object *rule, int pos,
                      const char *family, const char *table,
                      const char *chain, enum why_rv v, const char *cannot,
                      const struct why_rule_hit *nat, bool stops)
{
	struct why_rule_hit *h = hit(j, family, table, chain);
	size_t n;
	json_object *ex = get(rule, "expr");
	long long x;

	if (!h)
		return;
	if (num(get(rule, "handle"), &x) && x > 0)
		h->handle = (unsigned long)x;
	h->pos = pos;
	h->verdict = v;
	if (cannot)
		snprintf(h->cannot, sizeof h->cannot, "%s", cannot);
	if (nat) {
		h->nat_addr = nat->nat_addr;
		h->nat_port = nat->nat_port;
	}
	n = ex && json_object_is_type(ex, json_type_array)
	    ? json_object_array_length(ex) : 0;
	for (size_t i = 0; i < n; i++) {
		json_object *c = get(json_object_array_get_idx(ex, i), "counter");
		long long a, b;

		if (c && num(get(c, "packets"), &a) && num(get(c, "bytes"), &b) &&
		    a >= 0 && b >= 0) {
			h->has_counter = true;
			h->packets = (unsigned long long)a;
			h->bytes = (unsigned long long)b;
			break;
		}
	}
	rule_text(j->text, family, table_handle(j, family, table), h->handle,
	          h->text, sizeof h->text);
	if (stops)
		j->out->stop = j->out->n - 1;
	if (v == WHY_RV_MASQUERADE || v == WHY_RV_SNAT || v == WHY_RV_DNAT)
		j->out->nat = j->out->n - 1;
}

static void nat_to(json_object *st, struct why_rule_hit *h)
{
	const char *a = str(st, "addr");
	long long port;

	if (a)
		w_ip_parse(a, &h->nat_addr);
	if (num(get(st, "port"), &port) && port > 0 && port < 65536)
		h->nat_port = (unsigned)port;
}

static enum chain_end run_chain(struct judge *j, const char *family,
                                const char *table, const char *chain,
                                int depth);

/* One rule: END_NONE to go on with the next */
static enum chain_end run_rule(struct judge *j, json_object *rule, int pos,
                               const char *family, const char *table,
                               const char *chain, int depth)
{
	json_object *ex = get(rule, "expr");
	char cannot[128] = "", name[128];
	size_t n;

	if (!ex || !json_object_is_type(ex, json_type_array))
		return END_NONE;
	n = json_object_array_length(ex);
	for (size_t i = 0; i < n; i++) {
		json_object *e = json_object_array_get_idx(ex, i), *val = NULL;
		const char *k = only_key(e, &val);

		if (!k)
			continue;
		if (!strcmp(k, "match")) {
			int m = judge_match(j, val, family, table, name, sizeof name);

			if (m == 0)
				return END_NONE;
			if (m < 0 && !cannot[0])
				snprintf(cannot, sizeof cannot, "%s", name);
			continue;
		}
		if (!strcmp(k, "counter") || !strcmp(k, "log") ||
		    !strcmp(k, "notrack"))
			continue;
		if (!strcmp(k, "accept")) {
			if (cannot[0]) {
				if (!j->unsure[0])
					snprintf(j->unsure, sizeof j->unsure, "%s", cannot);
				return END_NONE;
			}
			note_rule(j, rule, pos, family, table, chain, WHY_RV_ACCEPT,
			          NULL, NULL, false);
			return END_ACCEPT;
		}
		if (!strcmp(k, "drop") || !strcmp(k, "reject")) {
			const char *why = cannot[0] ? cannot
			                  : j->unsure[0] ? j->unsure : NULL;

			note_rule(j, rule, pos, family, table, chain,
			          why ? WHY_RV_MAY_DROP : k[0] == 'd' ? WHY_RV_DROP
			          : WHY_RV_REJECT, why, NULL, true);
			if (!cannot[0] && why && j->out->stop >= 0)
				j->out->v[j->out->stop].cannot_before = true;
			return END_DROP;
		}
		if (!strcmp(k, "masquerade") || !strcmp(k, "snat") ||
		    !strcmp(k, "dnat")) {
			struct why_rule_hit nh;

			if (cannot[0]) {
				if (!j->unsure[0])
					snprintf(j->unsure, sizeof j->unsure, "%s", cannot);
				return END_NONE;
			}
			memset(&nh, 0, sizeof nh);
			if (k[0] != 'm')
				nat_to(val, &nh);
			note_rule(j, rule, pos, family, table, chain,
			          k[0] == 'm' ? WHY_RV_MASQUERADE : k[0] == 's'
			          ? WHY_RV_SNAT : WHY_RV_DNAT, NULL, &nh, false);
			return END_NAT;
		}
		if (!strcmp(k, "jump") || !strcmp(k, "goto")) {
			const char *to = str(val, "target");
			enum chain_end r;

			if (cannot[0]) {
				if (!j->unsure[0])
					snprintf(j->unsure, sizeof j->unsure, "%s", cannot);
				return END_NONE;
			}
			if (!to)
				return END_NONE;
			r = run_chain(j, family, table, to, depth + 1);
			if (k[0] == 'g')
				return r == END_NONE ? END_RETURN : r;
			return r == END_RETURN ? END_NONE : r;
		}
		if (!strcmp(k, "return")) {
			if (cannot[0]) {
				if (!j->unsure[0])
					snprintf(j->unsure, sizeof j->unsure, "%s", cannot);
				return END_NONE;
			}
			return END_RETURN;
		}
		if (!strcmp(k, "continue"))
			return END_NONE;
		/* a statement nsviz does not know (limit, quota, meta set):
		 * the rule may or may not go on */
		if (!cannot[0])
			snprintf(cannot, sizeof cannot, "%s", k);
	}
	return END_NONE;
}

static enum chain_end run_chain(struct judge *j, const char *family,
                                const char *table, const char *chain,
                                int depth)
{
	size_t n = json_object_array_length(j->items);
	int pos = 0;

	if (depth > MAX_DEPTH)
		return END_NONE;
	for (size_t i = 0; i < n; i++) {
		json_object *r = get(json_object_array_get_idx(j->items, i), "rule");
		const char *f = str(r, "family"), *t = str(r, "table"),
		           *c = str(r, "chain");
		enum chain_end e;

		if (!r || !f || !t || !c || strcmp(f, family) || strcmp(t, table) ||
		    strcmp(c, chain))
			continue;
		pos++;
		if (++j->steps > MAX_STEPS)
			return END_NONE;
		e = run_rule(j, r, pos, family, table, chain, depth);
		if (e != END_NONE)
			return e;
		if (j->out->stop >= 0)
			return END_DROP;
	}
	return END_NONE;
}

struct base {
	json_object *c;
	long long prio;
	size_t at;
};

static int by_prio(const void *a, const void *b)
{
	const struct base *x = a, *y = b;

	if (x->prio != y->prio)
		return x->prio < y->prio ? -1 : 1;
	return x->at < y->at ? -1 : x->at > y->at;
}

bool why_rules_any(const char *json)
{
	json_object *root, *items;
	bool any = false;

	if (!json || !(root = json_tokener_parse(json)))
		return false;
	items = get(root, "nftables");
	if (items && json_object_is_type(items, json_type_array))
		for (size_t i = 0; i < json_object_array_length(items) && !any; i++)
			any = get(json_object_array_get_idx(items, i), "table") != NULL;
	json_object_put(root);
	return any;
}

int why_rules_judge(const char *json, const char *text, enum why_hook hook,
                    const struct why_pkt *p, struct why_rules *out)
{
	json_object *root;
	struct judge j;
	struct base *bases = NULL;
	size_t n, nb = 0;

	memset(out, 0, sizeof *out);
	out->stop = out->nat = -1;
	if (!json || !(root = json_tokener_parse(json)))
		return -1;
	memset(&j, 0, sizeof j);
	j.items = get(root, "nftables");
	if (!j.items || !json_object_is_type(j.items, json_type_array)) {
		json_object_put(root);
		return -1;
	}
	j.text = text;
	j.hook = hook;
	j.p = p;
	j.out = out;
	/* a reply belongs to a connection conntrack knows: the nat chains
	 * see only a connection's first packet */
	j.skip_nat = p->reply;
	n = json_object_array_length(j.items);
	bases = calloc(n ? n : 1, sizeof *bases);
	if (!bases) {
		json_object_put(root);
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		json_object *it = json_object_array_get_idx(j.items, i), *c;
		const char *hk, *ty;
		long long prio = 0;

		if (get(it, "table") && fam_fits(str(get(it, "table"), "family"),
		                                 p->family))
			out->ntables++;
		if (!(c = get(it, "chain")) || !(hk = str(c, "hook")) ||
		    strcmp(hk, why_hook_name(hook)) ||
		    !fam_fits(str(c, "family"), p->family) || !str(c, "table") ||
		    !str(c, "name"))
			continue;
		ty = str(c, "type");
		if (ty && !strcmp(ty, "nat") && j.skip_nat)
			continue;
		num(get(c, "prio"), &prio);
		bases[nb].c = c;
		bases[nb].prio = prio;
		bases[nb].at = i;
		nb++;
	}
	qsort(bases, nb, sizeof *bases, by_prio);
	for (size_t b = 0; b < nb && out->stop < 0; b++) {
		json_object *c = bases[b].c;
		const char *f = str(c, "family"), *t = str(c, "table"),
		           *nm = str(c, "name"), *pol = str(c, "policy");
		enum chain_end e = run_chain(&j, f, t, nm, 0);

		if (e == END_DROP || out->stop >= 0)
			break;
		if ((e == END_NONE || e == END_RETURN) && pol &&
		    !strcmp(pol, "drop")) {
			struct why_rule_hit *h = hit(&j, f, t, nm);

			if (!h)
				break;
			h->verdict = j.unsure[0] ? WHY_RV_MAY_DROP
			             : WHY_RV_POLICY_DROP;
			if (j.unsure[0]) {
				snprintf(h->cannot, sizeof h->cannot, "%s", j.unsure);
				h->cannot_before = true;
			}
			snprintf(h->text, sizeof h->text, "policy drop");
			out->stop = out->n - 1;
		}
	}
	free(bases);
	json_object_put(root);
	return 0;
}
