/* SPDX-License-Identifier: GPL-2.0-or-later */
/* show.c - `nsviz show`: every namespace at a glance, as text or JSON.
 *
 * Text is for a learner at a terminal: one block per namespace, one
 * aligned row per interface (its peer and where that peer lives, admin
 * and operational state, MTU, MAC, addresses), then the routes exactly as
 * `ip route` would print them, so what they read here is what they will
 * type and see in ip.  JSON follows doc/json-schema.md.
 */
#include "show/show.h"

#include <json-c/json.h>
#include <linux/if.h>
#include <linux/if_arp.h>
#include <linux/neighbour.h>
#include <linux/rtnetlink.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "fmt/fmt.h"
#include "util/esc.h"
#include "util/sbuf.h"
#include "world/world.h"

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
static const struct w_ns **sorted_ns(const struct world *w)
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
                        size_t to)
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

static void print_routes(struct sbuf *out, const struct w_ns *ns)
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
		}
		sbuf_free(&line);
	}
	free(v);
}

static void print_neighbours(struct sbuf *out, const struct w_ns *ns)
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
	}
}

void show_world_text(struct sbuf *out, const struct world *w)
{
	const struct w_ns **v = sorted_ns(w);
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
			print_links(out, &t, start[i], start[i + 1]);
		print_routes(out, v[i]);
		print_neighbours(out, v[i]);
	}

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

/* ---- JSON ---------------------------------------------------------------- */

/* Length of the valid UTF-8 sequence at p (1..4), or 0 if invalid. */
static size_t utf8_len(const unsigned char *p)
{
	size_t n;
	unsigned c = p[0];

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		n = 2;
	else if (c >= 0xe0 && c <= 0xef)
		n = 3;
	else if (c >= 0xf0 && c <= 0xf4)
		n = 4;
	else
		return 0;
	for (size_t i = 1; i < n; i++)
		if ((p[i] & 0xc0) != 0x80)
			return 0;
	return n;
}

/* JSON strings must be UTF-8; names from the kernel or /run/netns need
 * not be.  Bytes that are not valid UTF-8 become U+FFFD. */
static json_object *jstr(const char *s)
{
	struct sbuf b = SBUF_INIT;
	json_object *o;
	const unsigned char *p = (const unsigned char *)s;

	while (*p) {
		size_t n = utf8_len(p);
		if (n) {
			sbuf_addn(&b, (const char *)p, n);
			p += n;
		} else {
			sbuf_add(&b, "\xef\xbf\xbd");
			p++;
		}
	}
	o = json_object_new_string(sbuf_str(&b));
	sbuf_free(&b);
	return o;
}

static json_object *jstr_or_null(const char *s)
{
	return s && *s ? jstr(s) : NULL;
}

static json_object *jwords(const char **v, size_t n)
{
	json_object *a = json_object_new_array();

	for (size_t i = 0; i < n; i++)
		json_object_array_add(a, jstr(v[i]));
	return a;
}

static json_object *json_holder(const struct w_ns *ns)
{
	json_object *h;

	if (ns->kind != W_NS_UNNAMED)
		return NULL;
	h = json_object_new_object();
	json_object_object_add(h, "pid", ns->holder_pid ?
	                       json_object_new_int((int)ns->holder_pid) : NULL);
	json_object_object_add(h, "comm", ns->holder_pid ?
	                       jstr(ns->holder_comm) : NULL);
	json_object_object_add(h, "path", jstr_or_null(ns->holder_path));
	return h;
}

static json_object *json_peer(const struct world *w, const struct w_ns *ns,
                              const struct w_link *l)
{
	json_object *p;
	const struct w_ns *pns = NULL;
	const char *name = NULL;
	char label[W_NSNAME_MAX + 80];

	if (!l->has_iflink || l->iflink == 0)
		return NULL;
	if (!l->has_link_netnsid) {
		const struct w_link *pl = world_find_link_index(ns, l->iflink);
		pns = ns;
		name = pl ? pl->name : NULL;
	} else if (l->peer_ns_id >= 0) {
		pns = world_find_ns_id(w, l->peer_ns_id);
		name = l->peer_name[0] ? l->peer_name : NULL;
	}
	p = json_object_new_object();
	json_object_object_add(p, "ifindex", json_object_new_int(l->iflink));
	json_object_object_add(p, "name", name ? jstr(name) : NULL);
	json_object_object_add(p, "namespace", pns ?
	                       jstr(world_ns_label(pns, label, sizeof label)) :
	                       NULL);
	json_object_object_add(p, "namespace_id", pns ?
	                       json_object_new_int(pns->id) : NULL);
	json_object_object_add(p, "netnsid", l->has_link_netnsid ?
	                       json_object_new_int(l->link_netnsid) : NULL);
	return p;
}

static json_object *json_link(const struct world *w, const struct w_ns *ns,
                              const struct w_link *l)
{
	json_object *o = json_object_new_object();
	const char *words[FMT_MAX_FLAG_WORDS];
	char spare[32], buf[128];
	size_t n;

	json_object_object_add(o, "ifindex", json_object_new_int(l->ifindex));
	json_object_object_add(o, "name", jstr(l->name));
	json_object_object_add(o, "kind", jstr(l->kind));
	n = fmt_link_flag_words(l->flags, fmt_link_mdown(ns, l), words,
	                        FMT_MAX_FLAG_WORDS, spare, sizeof spare);
	json_object_object_add(o, "flags", jwords(words, n));
	json_object_object_add(o, "admin", jstr((l->flags & IFF_UP) ? "up" : "down"));
	json_object_object_add(o, "oper", l->operstate >= 0 ?
	                       jstr(fmt_operstate_name(l->operstate)) : NULL);
	json_object_object_add(o, "mtu", json_object_new_int64(l->mtu));
	json_object_object_add(o, "mac", l->addr_len > 0 ?
	                       jstr(fmt_lladdr(l->addr, l->addr_len, l->arptype,
	                                       buf, sizeof buf)) : NULL);
	json_object_object_add(o, "qdisc", jstr_or_null(l->qdisc));
	json_object_object_add(o, "master", l->master ?
	                       jstr(dev_name(ns, l->master, buf, sizeof buf)) :
	                       NULL);
	json_object_object_add(o, "peer", json_peer(w, ns, l));
	return o;
}

static json_object *json_addr(const struct w_ns *ns, const struct w_addr *a)
{
	json_object *o = json_object_new_object();
	const char *words[FMT_MAX_FLAG_WORDS];
	char spare[32], buf[64];
	size_t n;

	json_object_object_add(o, "dev", jstr(dev_name(ns, a->ifindex, buf,
	                                               sizeof buf)));
	json_object_object_add(o, "family", jstr(fmt_family_name(a->family)));
	json_object_object_add(o, "local", jstr(w_ip_str(&a->local, buf,
	                                                 sizeof buf)));
	json_object_object_add(o, "prefixlen", json_object_new_int(a->prefixlen));
	json_object_object_add(o, "scope", jstr(fmt_scope_name(a->scope, buf,
	                                                       sizeof buf)));
	n = fmt_addr_flag_words(a->family, a->flags, words, FMT_MAX_FLAG_WORDS,
	                        spare, sizeof spare);
	json_object_object_add(o, "flags", jwords(words, n));
	if (a->peer.family)
		json_object_object_add(o, "peer", jstr(w_ip_str(&a->peer, buf,
		                                                sizeof buf)));
	if (a->brd.family)
		json_object_object_add(o, "broadcast",
		                       jstr(w_ip_str(&a->brd, buf, sizeof buf)));
	if (a->label[0])
		json_object_object_add(o, "label", jstr(a->label));
	if (a->has_metric)
		json_object_object_add(o, "metric", json_object_new_int64(a->metric));
	if (a->has_cacheinfo && a->valid_lft != 0xffffffffu)
		json_object_object_add(o, "valid_lft",
		                       json_object_new_int64(a->valid_lft));
	if (a->has_cacheinfo && a->preferred_lft != 0xffffffffu)
		json_object_object_add(o, "preferred_lft",
		                       json_object_new_int64(a->preferred_lft));
	return o;
}

static const char *dst_text(const struct w_route *r, char *buf, size_t len)
{
	char ip[64];
	int hl = r->family == AF_INET6 ? 128 : 32;

	if (r->dst_len == 0)
		snprintf(buf, len, "default");
	else if (r->dst_len == hl)
		snprintf(buf, len, "%s", w_ip_str(&r->dst, ip, sizeof ip));
	else
		snprintf(buf, len, "%s/%d", w_ip_str(&r->dst, ip, sizeof ip),
		         r->dst_len);
	return buf;
}

static json_object *json_route(const struct w_ns *ns, const struct w_route *r)
{
	json_object *o = json_object_new_object();
	const char *words[FMT_MAX_FLAG_WORDS];
	char buf[80];
	size_t n;

	json_object_object_add(o, "dst", jstr(dst_text(r, buf, sizeof buf)));
	json_object_object_add(o, "family", jstr(fmt_family_name(r->family)));
	json_object_object_add(o, "type", jstr(fmt_rtype_name(r->type, buf,
	                                                      sizeof buf)));
	json_object_object_add(o, "table", jstr(fmt_table_name(r->table, buf,
	                                                       sizeof buf)));
	if (r->gw.family)
		json_object_object_add(o, "gateway",
		                       jstr(w_ip_str(&r->gw, buf, sizeof buf)));
	if (r->oif)
		json_object_object_add(o, "dev", jstr(dev_name(ns, r->oif, buf,
		                                               sizeof buf)));
	json_object_object_add(o, "scope", jstr(fmt_scope_name(r->scope, buf,
	                                                       sizeof buf)));
	json_object_object_add(o, "protocol",
	                       jstr(fmt_proto_name(r->protocol, buf, sizeof buf)));
	if (r->prefsrc.family)
		json_object_object_add(o, "prefsrc",
		                       jstr(w_ip_str(&r->prefsrc, buf, sizeof buf)));
	if (r->has_priority)
		json_object_object_add(o, "metric",
		                       json_object_new_int64(r->priority));
	if (r->tos)
		json_object_object_add(o, "tos", jstr(fmt_dsfield_name(r->tos, buf,
		                                                       sizeof buf)));
	if (r->mtu)
		json_object_object_add(o, "mtu", json_object_new_int64(r->mtu));
	if (r->has_pref)
		json_object_object_add(o, "pref",
		                       jstr(r->pref == 3 ? "low" :
		                            r->pref == 0 ? "medium" :
		                            r->pref == 1 ? "high" : "invalid"));
	n = fmt_route_flag_words(r->flags, words, FMT_MAX_FLAG_WORDS);
	json_object_object_add(o, "flags", jwords(words, n));
	if (r->nnexthops > 0) {
		json_object *a = json_object_new_array();

		for (int i = 0; i < r->nnexthops && i < W_MAX_NEXTHOPS; i++) {
			const struct w_nexthop *nh = &r->nh[i];
			json_object *h = json_object_new_object();

			if (nh->gw.family)
				json_object_object_add(h, "gateway",
				        jstr(w_ip_str(&nh->gw, buf, sizeof buf)));
			json_object_object_add(h, "dev", nh->ifindex ?
			        jstr(dev_name(ns, nh->ifindex, buf, sizeof buf)) :
			        NULL);
			json_object_object_add(h, "weight",
			                       json_object_new_int(nh->weight));
			n = fmt_route_flag_words(nh->flags, words,
			                         FMT_MAX_FLAG_WORDS);
			json_object_object_add(h, "flags", jwords(words, n));
			json_object_array_add(a, h);
		}
		json_object_object_add(o, "nexthops", a);
	}
	return o;
}

static json_object *json_neigh(const struct w_ns *ns, const struct w_neigh *nb)
{
	json_object *o = json_object_new_object();
	char buf[128];

	json_object_object_add(o, "dev", jstr(dev_name(ns, nb->ifindex, buf,
	                                               sizeof buf)));
	json_object_object_add(o, "family", jstr(fmt_family_name(nb->family)));
	json_object_object_add(o, "dst", jstr(w_ip_str(&nb->dst, buf, sizeof buf)));
	if (nb->lladdr_len > 0)
		json_object_object_add(o, "lladdr",
		                       jstr(fmt_mac(nb->lladdr, nb->lladdr_len,
		                                    buf, sizeof buf)));
	json_object_object_add(o, "state", jstr(fmt_nud_name(nb->state, buf,
	                                                     sizeof buf)));
	return o;
}

static json_object *json_ns(const struct world *w, const struct w_ns *ns)
{
	json_object *o = json_object_new_object();
	json_object *a;
	char label[W_NSNAME_MAX + 80];
	const struct w_route **rv;
	size_t n;

	json_object_object_add(o, "id", json_object_new_int(ns->id));
	json_object_object_add(o, "name", ns->kind == W_NS_NAMED ?
	                       jstr(ns->name) : NULL);
	json_object_object_add(o, "label",
	                       jstr(world_ns_label(ns, label, sizeof label)));
	json_object_object_add(o, "kind", jstr(ns_kind_name(ns->kind)));
	json_object_object_add(o, "inode",
	                       json_object_new_uint64((uint64_t)ns->ino));
	json_object_object_add(o, "holder", json_holder(ns));
	json_object_object_add(o, "readable",
	                       json_object_new_boolean(!ns->unread[0]));
	if (ns->unread[0])
		json_object_object_add(o, "unreadable_reason", jstr(ns->unread));

	a = json_object_new_array();
	for (size_t i = 0; i < ns->nlinks; i++)
		json_object_array_add(a, json_link(w, ns, &ns->links[i]));
	json_object_object_add(o, "links", a);

	a = json_object_new_array();
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < ns->naddrs; i++)
			if ((ns->addrs[i].family == AF_INET) == (pass == 0))
				json_object_array_add(a, json_addr(ns, &ns->addrs[i]));
	json_object_object_add(o, "addresses", a);

	a = json_object_new_array();
	rv = sorted_routes(ns, false, &n);
	for (size_t i = 0; i < n; i++)
		json_object_array_add(a, json_route(ns, rv[i]));
	free(rv);
	json_object_object_add(o, "routes", a);

	a = json_object_new_array();
	for (size_t i = 0; i < ns->nneighs; i++)
		json_object_array_add(a, json_neigh(ns, &ns->neighs[i]));
	json_object_object_add(o, "neighbours", a);
	return o;
}

/* json-c writes C0 controls as \u00XX but DEL, C1 controls and the
 * bidirectional controls as they are, which a terminal may act on.  They
 * can only be inside strings here: written as \uXXXX they mean the same
 * JSON.  (Bytes that are not UTF-8 are already U+FFFD: jstr.) */
static void json_safe(struct sbuf *out, const char *s)
{
	while (*s) {
		size_t n;
		enum esc_kind k = esc_char(s, &n);

		/* C0 controls outside strings are the layout's own newlines */
		if ((k == ESC_CONTROL && (n > 1 || *s == 0x7f)) || k == ESC_BIDI) {
			const unsigned char *u = (const unsigned char *)s;
			unsigned cp = n == 1 ? u[0] :
			              n == 2 ? ((u[0] & 0x1fu) << 6) | (u[1] & 0x3fu) :
			              ((u[0] & 0x0fu) << 12) |
			              ((u[1] & 0x3fu) << 6) | (u[2] & 0x3fu);

			sbuf_printf(out, "\\u%04x", cp);
		} else {
			sbuf_addn(out, s, n);
		}
		s += n;
	}
}

void show_world_json(struct sbuf *out, const struct world *w)
{
	const struct w_ns **v = sorted_ns(w);
	json_object *root = json_object_new_object();
	json_object *a = json_object_new_array();

	for (size_t i = 0; i < w->nns; i++)
		json_object_array_add(a, json_ns(w, v[i]));
	/* whether this is the whole world: no namespace unread, no
	 * process whose namespace could not be looked at */
	json_object_object_add(root, "complete", json_object_new_boolean(
	                       !world_unread_count(w) && !w->unseen_procs));
	json_object_object_add(root, "unseen_processes",
	                       json_object_new_int((int)w->unseen_procs));
	json_object_object_add(root, "namespaces", a);
	json_safe(out, json_object_to_json_string_ext(root,
	          JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED |
	          JSON_C_TO_STRING_NOSLASHESCAPE));
	sbuf_addc(out, '\n');
	json_object_put(root);
	free(v);
}
