/* SPDX-License-Identifier: GPL-2.0-or-later */
/* show.c - `nsviz show`: every namespace at a glance, as text or JSON.
 *
 * Text is for a learner at a terminal: one block per namespace, one
 * aligned row per interface (its peer and where that peer lives, admin
 * and operational state, MTU, MAC, addresses), then the routes exactly as
 * `ip route` would print them, so what they read here is what they will
 * type and see in ip.  JSON follows doc/json-schema.md: ip -j's objects.
 */
#include "show/show.h"

#include <linux/if.h>
#include <linux/if_arp.h>
#include <linux/neighbour.h>
#include <linux/rtnetlink.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "fmt/fmt.h"
#include "fmt/json.h"
#include "util/esc.h"
#include "util/sbuf.h"
#include "world/world.h"

/* The text made so far to the sink, once there is enough of it (or all
 * of it, at the end) */
static void spill(struct sbuf *out, const struct show_sink *sink, bool end)
{
	if (sink && out->len && (end || out->len >= SHOW_SPILL))
		sink->write(out, sink->ctx);
}

/* ---- namespace order --------------------------------------------------- */

static int ns_cmp(const void *pa, const void *pb)
{
	const struct w_ns *a = *(const struct w_ns *const *)pa;
	const struct w_ns *b = *(const struct w_ns *const *)pb;
	int c;

	if (a->kind != b->kind)
		return (int)a->kind - (int)b->kind;   /* host, named, unnamed */
	if (a->kind == W_NS_NAMED)
		return strcmp(a->name, b->name);
	if (a->kind == W_NS_UNNAMED) {
		/* processes first, by pid; then bind mounts, by path */
		if (!a->holder_pid != !b->holder_pid)
			return a->holder_pid ? -1 : 1;
		if (a->holder_pid != b->holder_pid)
			return a->holder_pid < b->holder_pid ? -1 : 1;
		c = strcmp(a->holder_path, b->holder_path);
		if (c)
			return c;
		if (a->ino != b->ino)
			return a->ino < b->ino ? -1 : 1;
	}
	return a->id - b->id;
}

/* The world's namespaces in show order; caller frees. */
const struct w_ns **show_sorted_ns(const struct world *w)
{
	const struct w_ns **v = xcalloc(w->nns ? w->nns : 1, sizeof *v);

	for (size_t i = 0; i < w->nns; i++)
		v[i] = w->ns[i];
	qsort(v, w->nns, sizeof *v, ns_cmp);
	return v;
}

/* Routes of ns in kernel order; main table only when main_only. */
static const struct w_route **sorted_routes(const struct w_ns *ns,
                                            bool main_only, size_t *n)
{
	const struct w_route **v = xcalloc(ns->nroutes ? ns->nroutes : 1,
	                                   sizeof *v);

	*n = 0;
	for (size_t i = 0; i < ns->nroutes; i++) {
		const struct w_route *r = &ns->routes[i];

		if (main_only ? fmt_route_listed(r) : !(r->flags & RTM_F_CLONED))
			v[(*n)++] = r;
	}
	qsort(v, *n, sizeof *v, fmt_route_cmp);
	return v;
}

static const char *dev_name(const struct w_ns *ns, int ifindex, char *buf,
                            size_t len)
{
	const struct w_link *l = world_find_link_index(ns, ifindex);

	if (l)
		return l->name;
	snprintf(buf, len, "if%d", ifindex);
	return buf;
}

/* Where a link's peer (or lower device) is, in words, or NULL if it has
 * none.  Same namespace: "veth1"; elsewhere: "veth1 in vnet". */
static const char *peer_text(const struct world *w, const struct w_ns *ns,
                             const struct w_link *l, char *buf, size_t len)
{
	char label[W_NSNAME_MAX + 80];
	const struct w_ns *pns;

	if (!l->has_iflink || l->iflink == 0)
		return NULL;
	if (!l->has_link_netnsid) {
		char tmp[32];
		snprintf(buf, len, "%s", dev_name(ns, l->iflink, tmp, sizeof tmp));
		return buf;
	}
	pns = l->peer_ns_id >= 0 ? world_find_ns_id(w, l->peer_ns_id) : NULL;
	if (pns && l->peer_name[0])
		snprintf(buf, len, "%s in %s", l->peer_name,
		         world_ns_label(pns, label, sizeof label));
	else
		snprintf(buf, len, "if%d (nsid %d)", l->iflink, l->link_netnsid);
	return buf;
}

static const char *kind_text(const struct w_link *l)
{
	if (l->kind[0])
		return l->kind;
	if (l->arptype == ARPHRD_LOOPBACK)
		return "loopback";
	return "-";
}

static const char *ns_kind_name(enum w_ns_kind k)
{
	switch (k) {
	case W_NS_HOST: return "host";
	case W_NS_NAMED: return "named";
	case W_NS_UNNAMED: return "unnamed";
	}
	return "?";
}

/* ---- text ---------------------------------------------------------------- */

enum { C_IF, C_KIND, C_PEER, C_MASTER, C_ADMIN, C_OPER, C_MTU, C_MAC,
       C_ADDR, NCOLS };

static const char *const col_title[NCOLS] = {
	"IF", "KIND", "PEER", "MASTER", "ADMIN", "OPER", "MTU", "MAC",
	"ADDRESSES",
};

struct row {
	char *cell[NCOLS];
	char **more;          /* further addresses, one per line */
	size_t nmore;
};

struct table {
	struct row *rows;
	size_t nrows, cap;
	size_t width[NCOLS];
	bool show[NCOLS];
};

/* Cells hold names made by anyone: unsafe bytes escaped (util/esc.h). */
static void set_cell(struct table *t, struct row *r, int col, const char *s)
{
	struct sbuf b = SBUF_INIT;

	esc_add(&b, s, 0);
	r->cell[col] = xstrdup(sbuf_str(&b));
	if (b.len > t->width[col])
		t->width[col] = b.len;
	sbuf_free(&b);
}

static void link_row(struct table *t, const struct world *w,
                     const struct w_ns *ns, const struct w_link *l)
{
	struct row *r;
	char buf[W_NSNAME_MAX + 128];
	size_t naddr = 0;

	xgrow((void **)&t->rows, &t->cap, t->nrows + 1, sizeof *t->rows);
	r = &t->rows[t->nrows++];
	memset(r, 0, sizeof *r);

	set_cell(t, r, C_IF, l->name);
	set_cell(t, r, C_KIND, kind_text(l));
	set_cell(t, r, C_PEER, peer_text(w, ns, l, buf, sizeof buf) ?
	                       buf : "-");
	if (l->master) {
		set_cell(t, r, C_MASTER, dev_name(ns, l->master, buf, sizeof buf));
		t->show[C_MASTER] = true;
	} else {
		set_cell(t, r, C_MASTER, "-");
	}
	set_cell(t, r, C_ADMIN, (l->flags & IFF_UP) ? "up" : "down");
	set_cell(t, r, C_OPER, l->operstate >= 0 ?
	                       fmt_operstate_name(l->operstate) : "-");
	snprintf(buf, sizeof buf, "%u", l->mtu);
	set_cell(t, r, C_MTU, buf);
	set_cell(t, r, C_MAC, l->addr_len > 0 ?
	         fmt_lladdr(l->addr, l->addr_len, l->arptype, buf, sizeof buf) :
	         "-");

	/* addresses: IPv4 first, in the world's order within a family */
	for (int pass = 0; pass < 2; pass++) {
		int fam = pass == 0 ? AF_INET : AF_INET6;

		for (size_t i = 0; i < ns->naddrs; i++) {
			const struct w_addr *a = &ns->addrs[i];
			char ip[64];

			if (a->ifindex != l->ifindex || a->family != fam)
				continue;
			if (a->peer.family) {
				char pip[64];
				snprintf(buf, sizeof buf, "%s peer %s/%d",
				         w_ip_str(&a->local, ip, sizeof ip),
				         w_ip_str(&a->peer, pip, sizeof pip),
				         a->prefixlen);
			} else {
				snprintf(buf, sizeof buf, "%s/%d",
				         w_ip_str(&a->local, ip, sizeof ip),
				         a->prefixlen);
			}
			if (naddr++ == 0) {
				set_cell(t, r, C_ADDR, buf);
			} else {
				r->more = xrealloc(r->more,
				                   (r->nmore + 1) * sizeof *r->more);
				r->more[r->nmore++] = xstrdup(buf);
			}
		}
	}
	if (!naddr)
		set_cell(t, r, C_ADDR, "-");
}

/* Append s with indent before every line, trailing blanks trimmed and
 * tabs (multipath "\tnexthop") turned into four spaces. */
static void add_indented(struct sbuf *out, const char *indent, const char *s)
{
	while (*s) {
		const char *nl = strchr(s, '\n');
		size_t n = nl ? (size_t)(nl - s) : strlen(s);
		size_t end = n;

		while (end > 0 && (s[end - 1] == ' ' || s[end - 1] == '\t'))
			end--;
		sbuf_add(out, indent);
		for (size_t i = 0; i < end; i++) {
			if (s[i] == '\t')
				sbuf_add(out, "    ");
			else
				sbuf_addc(out, s[i]);
		}
		sbuf_addc(out, '\n');
		s += n + (nl ? 1 : 0);
	}
}

static void add_padded(struct sbuf *out, const char *s, size_t width,
                       bool last)
{
	sbuf_add(out, s);
	if (last)
		return;
	for (size_t n = strlen(s); n < width + 2; n++)
		sbuf_addc(out, ' ');
}

static int last_col(const struct table *t)
{
	int last = 0;

	for (int c = 0; c < NCOLS; c++)
		if (t->show[c])
			last = c;
	return last;
}

static void print_row(struct sbuf *out, const struct table *t,
                      const char *const *cells)
{
	int last = last_col(t);

	sbuf_add(out, "  ");
	for (int c = 0; c < NCOLS; c++)
		if (t->show[c])
			add_padded(out, cells[c], t->width[c], c == last);
	sbuf_addc(out, '\n');
}

static void print_links(struct sbuf *out, const struct table *t, size_t from,
                        size_t to, const struct show_sink *sink)
{
	size_t addr_col = 2;

	for (int c = 0; c < C_ADDR; c++)
		if (t->show[c])
			addr_col += t->width[c] + 2;
	print_row(out, t, col_title);
	for (size_t i = from; i < to; i++) {
		const struct row *r = &t->rows[i];

		print_row(out, t, (const char *const *)r->cell);
		for (size_t j = 0; j < r->nmore; j++) {
			for (size_t k = 0; k < addr_col; k++)
				sbuf_addc(out, ' ');
			sbuf_add(out, r->more[j]);
			sbuf_addc(out, '\n');
		}
		spill(out, sink, false);
	}
}

static void ns_heading(struct sbuf *out, const struct w_ns *ns)
{
	char label[W_NSNAME_MAX + 80];
	char name[ESC_NAME_LEN];

	esc_add(out, world_ns_label(ns, label, sizeof label), 0);
	switch (ns->kind) {
	case W_NS_HOST:
		sbuf_printf(out, ": where nsviz started, inode %lu\n",
		            (unsigned long)ns->ino);
		break;
	case W_NS_NAMED:
		sbuf_printf(out, ": named (/run/netns/%s), inode %lu\n",
		            esc_str(ns->name, name, sizeof name),
		            (unsigned long)ns->ino);
		break;
	case W_NS_UNNAMED:
		sbuf_printf(out, ": unnamed, inode %lu\n",
		            (unsigned long)ns->ino);
		break;
	}
}

static void print_routes(struct sbuf *out, const struct w_ns *ns,
                         const struct show_sink *sink)
{
	size_t n;
	const struct w_route **v = sorted_routes(ns, true, &n);

	if (!n) {
		sbuf_add(out, "  routes: none\n");
	} else {
		struct sbuf line = SBUF_INIT;

		sbuf_add(out, "  routes (main table):\n");
		for (size_t i = 0; i < n; i++) {
			sbuf_reset(&line);
			fmt_route(&line, ns, v[i]);
			add_indented(out, "    ", sbuf_str(&line));
			spill(out, sink, false);
		}
		sbuf_free(&line);
	}
	free(v);
}

static void print_neighbours(struct sbuf *out, const struct w_ns *ns,
                             const struct show_sink *sink)
{
	bool any = false;

	for (size_t i = 0; i < ns->nneighs; i++) {
		const struct w_neigh *nb = &ns->neighs[i];
		char ip[64], dev[32], safe[4 * W_IFNAMSIZ], mac[128], st[64];

		/* what `ip neigh` hides (NOARP, NONE) stays hidden here */
		if (!fmt_neigh_listed(nb))
			continue;
		if (!any)
			sbuf_add(out, "  neighbours:\n");
		any = true;
		sbuf_printf(out, "    %s dev %s", w_ip_str(&nb->dst, ip, sizeof ip),
		            esc_str(dev_name(ns, nb->ifindex, dev, sizeof dev),
		                    safe, sizeof safe));
		if (nb->lladdr_len > 0)
			sbuf_printf(out, " lladdr %s",
			            fmt_mac(nb->lladdr, nb->lladdr_len, mac,
			                    sizeof mac));
		sbuf_printf(out, " %s\n", fmt_nud_name(nb->state, st, sizeof st));
		spill(out, sink, false);
	}
}

void show_world_text_to(struct sbuf *out, const struct world *w,
                        const struct show_sink *sink)
{
	const struct w_ns **v = show_sorted_ns(w);
	struct table t;
	size_t *start = xcalloc(w->nns + 1, sizeof *start);

	/* One table for the whole world, so columns line up across
	 * namespaces and the eye can compare them. */
	memset(&t, 0, sizeof t);
	for (int c = 0; c < NCOLS; c++) {
		t.show[c] = c != C_MASTER;
		t.width[c] = strlen(col_title[c]);
	}
	for (size_t i = 0; i < w->nns; i++) {
		start[i] = t.nrows;
		for (size_t j = 0; j < v[i]->nlinks; j++)
			link_row(&t, w, v[i], &v[i]->links[j]);
	}
	start[w->nns] = t.nrows;

	if (!w->nns)
		sbuf_add(out, "no namespaces\n");
	for (size_t i = 0; i < w->nns; i++) {
		if (i)
			sbuf_addc(out, '\n');
		ns_heading(out, v[i]);
		if (v[i]->unread[0]) {
			/* never as if it were empty */
			sbuf_printf(out, "  cannot be read: %s\n", v[i]->unread);
			continue;
		}
		if (start[i] == start[i + 1])
			sbuf_add(out, "  no interfaces\n");
		else
			print_links(out, &t, start[i], start[i + 1], sink);
		print_routes(out, v[i], sink);
		print_neighbours(out, v[i], sink);
	}
	spill(out, sink, true);

	for (size_t i = 0; i < t.nrows; i++) {
		for (int c = 0; c < NCOLS; c++)
			free(t.rows[i].cell[c]);
		for (size_t j = 0; j < t.rows[i].nmore; j++)
			free(t.rows[i].more[j]);
		free(t.rows[i].more);
	}
	free(t.rows);
	free(start);
	free(v);
}

void show_world_text(struct sbuf *out, const struct world *w)
{
	show_world_text_to(out, w, NULL);
}

/* ---- JSON ---------------------------------------------------------------- */

/* Version 2 of doc/json-schema.md: links, routes and neighbours are the
 * objects `ip -j` prints (ip -j -s -s -d for links, their addresses in
 * addr_info; ip -d -j for routes), written by the same code (fmt/json.c),
 * plus what only nsviz knows (where a veth's peer is).  ip's writer
 * lays it out (-p); unsafe characters in names are \uXXXX escapes. */
#define SHOW_JSON_VERSION 2

static void json_holder(struct fj *j, const struct w_ns *ns)
{
	if (ns->kind != W_NS_UNNAMED) {
		fj_null(j, "holder");
		return;
	}
	fj_open_obj(j, "holder");
	if (ns->holder_pid) {
		fj_int(j, "pid", ns->holder_pid);
		fj_str(j, "comm", ns->holder_comm);
	} else {
		fj_null(j, "pid");
		fj_null(j, "comm");
	}
	if (ns->holder_path[0])
		fj_str(j, "path", ns->holder_path);
	else
		fj_null(j, "path");
	fj_close_obj(j);
}

/* nsviz's own: where the other end of a veth (or the lower device) is */
static void json_peer(struct fj *j, const struct world *w,
                      const struct w_ns *ns, const struct w_link *l)
{
	const struct w_ns *pns = NULL;
	const char *name = NULL;
	char label[W_NSNAME_MAX + 80];

	if (!l->has_iflink || l->iflink == 0) {
		fj_null(j, "peer");
		return;
	}
	if (!l->has_link_netnsid) {
		const struct w_link *pl = world_find_link_index(ns, l->iflink);
		pns = ns;
		name = pl ? pl->name : NULL;
	} else if (l->peer_ns_id >= 0) {
		pns = world_find_ns_id(w, l->peer_ns_id);
		name = l->peer_name[0] ? l->peer_name : NULL;
	}
	fj_open_obj(j, "peer");
	fj_int(j, "ifindex", l->iflink);
	if (name)
		fj_str(j, "name", name);
	else
		fj_null(j, "name");
	if (pns) {
		fj_str(j, "namespace", world_ns_label(pns, label, sizeof label));
		fj_int(j, "namespace_id", pns->id);
	} else {
		fj_null(j, "namespace");
		fj_null(j, "namespace_id");
	}
	if (l->has_link_netnsid)
		fj_int(j, "netnsid", l->link_netnsid);
	else
		fj_null(j, "netnsid");
	fj_close_obj(j);
}

static void json_ns(struct fj *j, const struct world *w, const struct w_ns *ns,
                    const struct show_sink *sink)
{
	static const struct fmt_opts all = { .stats = 2 };
	char label[W_NSNAME_MAX + 80];
	const struct w_route **rv;
	size_t n;

	fj_open_obj(j, NULL);
	fj_int(j, "id", ns->id);
	if (ns->kind == W_NS_NAMED)
		fj_str(j, "name", ns->name);
	else
		fj_null(j, "name");
	fj_str(j, "label", world_ns_label(ns, label, sizeof label));
	fj_str(j, "kind", ns_kind_name(ns->kind));
	fj_uint(j, "inode", (uint64_t)ns->ino);
	json_holder(j, ns);
	fj_bool(j, "readable", !ns->unread[0]);
	if (ns->unread[0])
		fj_str(j, "unreadable_reason", ns->unread);

	fj_open_arr(j, "links");
	for (size_t i = 0; i < ns->nlinks; i++) {
		fj_open_obj(j, NULL);
		fj_link_members(j, ns, &ns->links[i], &all, FJ_SHOW, false);
		json_peer(j, w, ns, &ns->links[i]);
		fj_close_obj(j);
		spill(j->out, sink, false);
	}
	fj_close_arr(j);

	fj_open_arr(j, "routes");
	rv = sorted_routes(ns, false, &n);
	for (size_t i = 0; i < n; i++) {
		fj_open_obj(j, NULL);
		fj_route_members(j, ns, rv[i], true, true);
		fj_str(j, "family", fmt_family_name(rv[i]->family));
		fj_close_obj(j);
		spill(j->out, sink, false);
	}
	free(rv);
	fj_close_arr(j);

	/* the policy rules, in the kernel's order (both families) */
	fj_open_arr(j, "rules");
	for (size_t i = 0; i < ns->nrules; i++) {
		const struct w_rule *ru = &ns->rules[i];

		if (ru->family != AF_INET && ru->family != AF_INET6)
			continue;
		fj_open_obj(j, NULL);
		fj_rule_members(j, ru);
		fj_str(j, "family", fmt_family_name(ru->family));
		fj_close_obj(j);
		spill(j->out, sink, false);
	}
	fj_close_arr(j);

	/* every entry, those ip neigh hides (NOARP, NONE) too */
	fj_open_arr(j, "neighbours");
	for (size_t i = 0; i < ns->nneighs; i++) {
		const struct w_neigh *nb = &ns->neighs[i];

		if (nb->family != AF_INET && nb->family != AF_INET6)
			continue;
		fj_open_obj(j, NULL);
		fj_neigh_members(j, ns, nb, true, false, false);
		fj_str(j, "family", fmt_family_name(nb->family));
		fj_close_obj(j);
		spill(j->out, sink, false);
	}
	fj_close_arr(j);
	fj_close_obj(j);
}

void show_world_json_to(struct sbuf *out, const struct world *w,
                        const struct show_sink *sink)
{
	const struct w_ns **v = show_sorted_ns(w);
	struct fj j;

	fj_init(&j, out, true);
	fj_open_obj(&j, NULL);
	fj_int(&j, "version", SHOW_JSON_VERSION);
	/* whether this is the whole world: no namespace unread, no
	 * process whose namespace could not be looked at */
	fj_bool(&j, "complete", !world_unread_count(w) && !w->unseen_procs);
	fj_int(&j, "unseen_processes", (int)w->unseen_procs);
	fj_open_arr(&j, "namespaces");
	for (size_t i = 0; i < w->nns; i++)
		json_ns(&j, w, v[i], sink);
	fj_close_arr(&j);
	fj_close_obj(&j);
	sbuf_addc(out, '\n');
	spill(out, sink, true);
	free(v);
}

void show_world_json(struct sbuf *out, const struct world *w)
{
	show_world_json_to(out, w, NULL);
}
