/* SPDX-License-Identifier: GPL-2.0-or-later */
/* model.c - what the topology view draws: a box per namespace with a row
 * per interface (masters before their ports), a wire per veth pair. */
#include "ui/topo/topo_int.h"

#include "fmt/tc.h"

#include <linux/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

/* Decode one UTF-8 sequence; invalid bytes give U+FFFD (one byte each). */
uint32_t tp_u8_next(const char *s, size_t *i)
{
	const unsigned char *p = (const unsigned char *)s + *i;
	uint32_t cp;
	int n;

	if (p[0] < 0x80) {
		(*i)++;
		return p[0];
	}
	if ((p[0] & 0xE0) == 0xC0) { cp = p[0] & 0x1F; n = 1; }
	else if ((p[0] & 0xF0) == 0xE0) { cp = p[0] & 0x0F; n = 2; }
	else if ((p[0] & 0xF8) == 0xF0) { cp = p[0] & 0x07; n = 3; }
	else { (*i)++; return 0xFFFD; }
	for (int k = 1; k <= n; k++) {
		if ((p[k] & 0xC0) != 0x80) {
			(*i)++;
			return 0xFFFD;
		}
		cp = (cp << 6) | (p[k] & 0x3F);
	}
	*i += (size_t)n + 1;
	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0xFFFD;
	return cp;
}

int tp_u8_width(const char *s)
{
	size_t i = 0;
	int n = 0;

	while (s[i]) {
		tp_u8_next(s, &i);
		n++;
	}
	return n;
}
/* ---- namespaces and their rows --------------------------------------------- */

static int ns_rank(const struct w_ns *ns)
{
	return ns->kind == W_NS_HOST ? 0 : ns->kind == W_NS_NAMED ? 1 : 2;
}

int tp_cmp_ns(const void *pa, const void *pb)
{
	const struct w_ns *a = *(const struct w_ns *const *)pa;
	const struct w_ns *b = *(const struct w_ns *const *)pb;
	int c;

	if (ns_rank(a) != ns_rank(b))
		return ns_rank(a) - ns_rank(b);
	if (a->kind == W_NS_NAMED) {
		c = strverscmp(a->name, b->name);
		if (c)
			return c;
	} else if (a->kind == W_NS_UNNAMED) {
		/* held by a process first, by pid; then bind mounts */
		if ((a->holder_pid == 0) != (b->holder_pid == 0))
			return a->holder_pid == 0 ? 1 : -1;
		if (a->holder_pid != b->holder_pid)
			return a->holder_pid < b->holder_pid ? -1 : 1;
		c = strcmp(a->holder_path, b->holder_path);
		if (c)
			return c;
		if (a->ino != b->ino)
			return a->ino < b->ino ? -1 : 1;
	}
	return a->id < b->id ? -1 : a->id > b->id;
}

static const char *oper_name(int op)
{
	switch (op) {
	case IF_OPER_UNKNOWN: return "UNKNOWN";
	case IF_OPER_NOTPRESENT: return "ABSENT";
	case IF_OPER_DOWN: return "DOWN";
	case IF_OPER_LOWERLAYERDOWN: return "LLDOWN";
	case IF_OPER_TESTING: return "TESTING";
	case IF_OPER_DORMANT: return "DORMANT";
	case IF_OPER_UP: return "UP";
	default: return "?";
	}
}

static bool link_up(const struct w_link *l)
{
	return (l->flags & IFF_UP) && (l->flags & IFF_LOWER_UP);
}

/* The address shown: the first IPv4 one, else the first IPv6 one that is
 * not link-local, else the first; " +N" when there are more. */
static void row_addr(const struct w_ns *ns, const struct w_link *l,
                     char *buf, size_t len)
{
	const struct w_addr *best = NULL;
	int rank = 99, count = 0;
	char ip[48];            /* INET6_ADDRSTRLEN */

	buf[0] = '\0';
	for (size_t i = 0; i < ns->naddrs; i++) {
		const struct w_addr *a = &ns->addrs[i];
		int r;

		if (a->ifindex != l->ifindex)
			continue;
		count++;
		r = a->family == AF_INET ? 0 : w_ip_link_local(&a->local) ? 2 : 1;
		if (r < rank) {
			rank = r;
			best = a;
		}
	}
	if (!best)
		return;
	w_ip_str(&best->local, ip, sizeof ip);
	if (count > 1)
		snprintf(buf, len, "%s/%d +%d", ip, best->prefixlen, count - 1);
	else
		snprintf(buf, len, "%s/%d", ip, best->prefixlen);
}

void tp_box_rows(struct box *b)
{
	const struct w_ns *ns = b->ns;

	b->nrows = ns->nlinks ? (int)ns->nlinks : 1;
	b->rows = xcalloc((size_t)b->nrows, sizeof *b->rows);
	b->order = xcalloc((size_t)b->nrows, sizeof *b->order);
	for (int i = 0; i < b->nrows; i++) {
		struct row *r = &b->rows[i];

		r->parent = -1;
		r->wire = -1;
		r->desire = NODESIRE;
		b->order[i] = i;
		if (!ns->nlinks)
			continue;
		r->l = &ns->links[i];
		snprintf(r->state, sizeof r->state, "%s/%s",
		         (r->l->flags & IFF_UP) ? "UP" : "DOWN",
		         r->l->operstate >= 0 ? oper_name(r->l->operstate) :
		         (r->l->flags & IFF_LOWER_UP) ? "UP" : "DOWN");
		r->up = link_up(r->l);
		row_addr(ns, r->l, r->addr, sizeof r->addr);
		if (r->l->master && r->l->master != r->l->ifindex) {
			for (int j = 0; j < b->nrows; j++)
				if (ns->links[j].ifindex == r->l->master)
					r->parent = j;
		}
	}
	/* no cycles, no deeper nesting than MAXDEPTH */
	for (int i = 0; i < b->nrows; i++) {
		int d = 0, p = b->rows[i].parent;

		while (p >= 0 && d <= MAXDEPTH) {
			d++;
			p = b->rows[p].parent;
		}
		if (d > MAXDEPTH)
			b->rows[i].parent = -1;
	}
	for (int i = 0; i < b->nrows; i++) {
		int d = 0, p = b->rows[i].parent;

		while (p >= 0) {
			d++;
			p = b->rows[p].parent;
		}
		b->rows[i].depth = d;
	}
}

/* Display order: a tree of masters and ports, siblings by desired row
 * (only the host's rows have one), then ifindex. */
static int cmp_sib(const void *pa, const void *pb, void *arg)
{
	const struct box *bx = arg;
	int a = *(const int *)pa, b = *(const int *)pb;
	const struct row *ra = &bx->rows[a], *rb = &bx->rows[b];

	if (ra->parent != rb->parent)
		return ra->parent < rb->parent ? -1 : 1;
	if (ra->desire != rb->desire)
		return ra->desire < rb->desire ? -1 : 1;
	return a < b ? -1 : a > b;
}

static void order_dfs(struct box *b, const int *sorted, const int *first,
                      int node, int *pos)
{
	int start = first[node + 1], end = first[node + 2];

	for (int k = start; k < end; k++) {
		int r = sorted[k];

		b->order[(*pos)++] = r;
		b->rows[r].last = k == end - 1;
		order_dfs(b, sorted, first, r, pos);
	}
}

void tp_box_order(struct box *b)
{
	int n = b->nrows, pos = 0;
	int *sorted = xmalloc((size_t)n * sizeof *sorted);
	int *first = xcalloc((size_t)n + 2, sizeof *first);  /* by parent+1 */

	for (int i = 0; i < n; i++)
		sorted[i] = i;
	qsort_r(sorted, (size_t)n, sizeof *sorted, cmp_sib, b);
	/* first[p + 1] .. first[p + 2]: children of p (p = -1: the roots) */
	for (int i = 0; i < n; i++)
		first[b->rows[i].parent + 2]++;
	for (int p = 1; p <= n + 1; p++)
		first[p] += first[p - 1];
	order_dfs(b, sorted, first, -1, &pos);
	free(sorted);
	free(first);
}

const char *tp_router_tag(const struct ctx *cx)
{
	return cx->overview ? " (R)" : " (router)";
}

void tp_box_measure(struct ctx *cx, struct box *b)
{
	int tag = b->router ? (int)strlen(tp_router_tag(cx)) : 0;

	b->nw = b->sw = b->aw = b->pw = 0;
	if (cx->overview) {
		b->w = imin(tp_u8_width(b->title), OV_TITLE_MAX) + tag + 4;
		return;
	}
	for (int i = 0; i < b->nrows; i++) {
		const struct row *r = &b->rows[i];

		if (!r->l) {
			b->nw = imax(b->nw, 6);     /* "(none)" */
			continue;
		}
		b->nw = imax(b->nw, tree_prefix_len(r) + tp_u8_width(r->l->name) +
		                    (row_bridge(r) ? 2 : 0));
		b->sw = imax(b->sw, (int)strlen(r->state));
		b->aw = imax(b->aw, (int)strlen(r->addr));
		b->pw = imax(b->pw, imin(tp_u8_width(r->peer), PEER_MAX) +
		                    tp_marks_width(r));
	}
	b->w = 2 + b->nw + (b->sw ? 1 + b->sw : 0) + (b->aw ? 1 + b->aw : 0) +
	       (b->pw ? 1 + b->pw : 0) + 2;
	b->w = imax(b->w, imin(tp_u8_width(b->title), TITLE_MAX) + tag + 6);
}

/* ---- wires ------------------------------------------------------------------ */

static int find_row(const struct box *b, const char *name)
{
	for (int i = 0; i < b->nrows; i++)
		if (b->rows[i].l && strcmp(b->rows[i].l->name, name) == 0)
			return i;
	return -1;
}

static bool is_veth(const struct w_link *l)
{
	return l && strcmp(l->kind, "veth") == 0;
}

void tp_collect_wires(struct ctx *cx, const int *boxof, int maxid)
{
	int cap = 0;

	for (int i = 0; i < cx->nb; i++) {
		struct box *b = &cx->b[i];

		for (int j = 0; j < b->nrows; j++) {
			const struct w_link *l = b->rows[j].l;
			const struct w_link *pl;
			struct box *pb;
			int k, m;
			bool back;

			if (!is_veth(l) || l->peer_ns_id < 0 ||
			    l->peer_ns_id >= maxid || !l->peer_name[0])
				continue;
			k = boxof[l->peer_ns_id];
			if (k < 0)
				continue;
			pb = &cx->b[k];
			m = find_row(pb, l->peer_name);
			if (m < 0 || (k == i && m == j))
				continue;
			pl = pb->rows[m].l;
			/* each pair once: from its first end, unless the other
			 * end does not point back (then it draws nothing) */
			back = is_veth(pl) && pl->peer_ns_id == b->ns->id &&
			       strcmp(pl->peer_name, l->name) == 0;
			if (back && (k < i || (k == i && m < j)))
				continue;
			if (b->rows[j].wire >= 0 || pb->rows[m].wire >= 0)
				continue;
			if (cx->nw == cap) {
				cap = cap ? 2 * cap : 16;
				cx->wr = xrealloc(cx->wr, (size_t)cap * sizeof *cx->wr);
			}
			memset(&cx->wr[cx->nw], 0, sizeof cx->wr[cx->nw]);
			cx->wr[cx->nw].ba = i;
			cx->wr[cx->nw].ra = j;
			cx->wr[cx->nw].bb = k;
			cx->wr[cx->nw].rb = m;
			cx->wr[cx->nw].up = link_up(l) && link_up(pl);
			b->rows[j].wire = cx->nw;
			pb->rows[m].wire = cx->nw;
			cx->nw++;
		}
	}
}

void tp_peer_labels(struct ctx *cx)
{
	const char *arrow = cx->ascii ? "> " : "\xe2\x86\x92 ";

	for (int i = 0; i < cx->nw; i++) {
		const struct wire *w = &cx->wr[i];

		for (int e = 0; e < 2; e++) {
			const struct box *me = &cx->b[e ? w->bb : w->ba];
			const struct box *far = &cx->b[e ? w->ba : w->bb];
			struct row *r = &me->rows[e ? w->rb : w->ra];
			const char *fif = far->rows[e ? w->ra : w->rb].l->name;

			if (me == far)
				snprintf(r->peer, sizeof r->peer, "%s%s", arrow, fif);
			else
				snprintf(r->peer, sizeof r->peer, "%s%.*s:%s", arrow,
				         W_NSNAME_MAX, far->title, fif);
		}
	}
}

void tp_overview_rows(struct ctx *cx)
{
	for (int i = 0; i < cx->nb; i++) {
		struct box *b = &cx->b[i];
		int n = 0;

		for (int j = 0; j < b->nrows; j++) {
			struct row *r = &b->rows[j];

			if (r->wire < 0)
				continue;
			/* rows move up: the wire's end follows its row */
			if (cx->wr[r->wire].ba == i && cx->wr[r->wire].ra == j)
				cx->wr[r->wire].ra = n;
			else
				cx->wr[r->wire].rb = n;
			r->parent = -1;
			r->depth = 0;
			b->rows[n++] = *r;
		}
		if (!n) {
			memset(&b->rows[0], 0, sizeof b->rows[0]);
			b->rows[0].parent = -1;
			b->rows[0].wire = -1;
			b->rows[0].desire = NODESIRE;
			n = 1;
		}
		b->nrows = n;
		for (int k = 0; k < n; k++)
			b->order[k] = k;
	}
}

int tp_marks_width(const struct row *r)
{
	int w = r->cap ? (r->peer[0] ? 6 : 5) : 0;
	char why[32];

	if (r->imp[0])
		w += (int)strlen(r->imp) + (r->peer[0] || r->cap ? 2 : 1);
	tp_path_label(r, r->peer[0] || r->cap || r->imp[0], why, sizeof why);
	w += (int)strlen(why);
	return w;
}

void tp_path_label(const struct row *r, bool lead, char *buf, size_t len)
{
	if (!r->hop)
		buf[0] = '\0';
	else
		snprintf(buf, len, "%s[why %d%s]", lead ? " " : "", r->hop,
		         r->stop ? ": stops" : "");
}

void tp_path_marks(struct ctx *cx)
{
	if (cx->overview)
		return;
	for (size_t m = 0; m < cx->npath; m++)
		for (int i = 0; i < cx->nb; i++) {
			struct box *b = &cx->b[i];

			if (b->ns->id != cx->path[m].ns_id)
				continue;
			for (int j = 0; j < b->nrows; j++) {
				struct row *r = &b->rows[j];

				if (!r->l || strcmp(r->l->name, cx->path[m].ifname))
					continue;
				if (!r->hop)
					r->hop = (int)m + 1;
				if ((int)m == cx->path_stop) {
					r->hop = (int)m + 1;
					r->stop = true;
				}
			}
		}
}

void tp_impair_marks(struct ctx *cx)
{
	for (int i = 0; i < cx->nb; i++) {
		struct box *b = &cx->b[i];

		for (int j = 0; j < b->nrows; j++) {
			struct row *r = &b->rows[j];
			char what[96];

			r->imp[0] = '\0';
			if (!r->l)
				continue;
			fmt_impair(r->l, what, sizeof what);
			if (what[0])
				snprintf(r->imp, sizeof r->imp, "%.*s",
				         (int)strcspn(what, " "), what);
		}
	}
}

void tp_capture_marks(struct ctx *cx)
{
	for (size_t m = 0; m < cx->ncaptured; m++)
		for (int i = 0; i < cx->nb; i++) {
			struct box *b = &cx->b[i];

			if (b->ns->id != cx->captured[m].ns_id)
				continue;
			for (int j = 0; j < b->nrows; j++)
				if (b->rows[j].l && !strcmp(b->rows[j].l->name,
				                            cx->captured[m].ifname))
					b->rows[j].cap = true;
		}
}
