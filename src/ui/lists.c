/* SPDX-License-Identifier: GPL-2.0-or-later */
/* lists.c - what the panels list, in the order they list it: the
 * namespaces (the host, the named by name, the unnamed by holder), their
 * interfaces, their routes as `ip route` then `ip -6 route` order them;
 * each filtered by the / filter, and the selection in each. */
#include "ui/ui_int.h"

#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "fmt/fmt.h"
#include "util/sbuf.h"

static int ns_rank(const struct w_ns *ns)
{
	return ns->kind == W_NS_HOST ? 0 : ns->kind == W_NS_NAMED ? 1 : 2;
}

static int ns_cmp(const void *pa, const void *pb)
{
	const struct w_ns *a = *(struct w_ns *const *)pa;
	const struct w_ns *b = *(struct w_ns *const *)pb;

	if (ns_rank(a) != ns_rank(b))
		return ns_rank(a) - ns_rank(b);
	if (a->kind == W_NS_NAMED)
		return strcmp(a->name, b->name);
	return (a->holder_pid > b->holder_pid) - (a->holder_pid < b->holder_pid);
}

static bool ns_matches(const struct ui *u, const struct w_ns *ns)
{
	char label[300];

	if (!u->filter[0] || ns->kind == W_NS_HOST)
		return true;
	if (strstr(world_ns_label(ns, label, sizeof label), u->filter))
		return true;
	for (size_t i = 0; i < ns->nlinks; i++)
		if (strstr(ns->links[i].name, u->filter))
			return true;
	return false;
}

size_t ui_ns_list(struct ui *u, struct w_ns ***out)
{
	struct w_ns **v = xcalloc(u->w->nns + 1, sizeof *v);
	size_t n = 0;

	for (size_t i = 0; i < u->w->nns; i++)
		if (ns_matches(u, u->w->ns[i]))
			v[n++] = u->w->ns[i];
	qsort(v, n, sizeof *v, ns_cmp);
	*out = v;
	return n;
}

struct w_ns *ui_sel_ns(struct ui *u)
{
	struct w_ns *ns = world_find_ns_id(u->w, u->sel_ns_id);

	if (!ns) {
		ns = world_host(u->w);
		u->sel_ns_id = ns ? ns->id : 0;
	}
	return ns;
}

size_t ui_if_list(struct ui *u, const struct w_ns *ns, struct w_link ***out)
{
	struct w_link **v = xcalloc(ns->nlinks + 1, sizeof *v);
	size_t n = 0;
	bool ns_hit;
	char label[300];

	ns_hit = !u->filter[0] ||
	         strstr(world_ns_label(ns, label, sizeof label), u->filter);
	for (size_t i = 0; i < ns->nlinks; i++)
		if (ns_hit || strstr(ns->links[i].name, u->filter))
			v[n++] = &ns->links[i];
	*out = v;
	return n;
}

struct w_link *ui_sel_link(struct ui *u)
{
	struct w_ns *ns = ui_sel_ns(u);
	struct w_link **v, *l = NULL;
	size_t n;

	if (!ns)
		return NULL;
	n = ui_if_list(u, ns, &v);
	if (u->if_sel >= (int)n)
		u->if_sel = n ? (int)n - 1 : 0;
	if (n)
		l = v[u->if_sel];
	free(v);
	return l;
}

/* The order of the last namespace's routes, kept while it does not
 * change: sorting the host's thousands of routes on every frame was most
 * of a frame (issue 12) */
static struct {
	int ns_id;
	unsigned long gen;
	size_t nroutes;
	size_t *ix, n;
	bool have;
} rtc;

size_t ui_route_list(const struct w_ns *ns, const struct w_route ***out)
{
	const struct w_route **v = xcalloc(ns->nroutes + 1, sizeof *v);
	size_t n4 = 0, n;

	if (rtc.have && rtc.ns_id == ns->id && rtc.gen == ns->rgen &&
	    rtc.nroutes == ns->nroutes) {
		for (size_t i = 0; i < rtc.n; i++)
			v[i] = &ns->routes[rtc.ix[i]];
		*out = v;
		return rtc.n;
	}
	for (size_t i = 0; i < ns->nroutes; i++)
		if (ns->routes[i].family == AF_INET &&
		    fmt_route_listed(&ns->routes[i]))
			v[n4++] = &ns->routes[i];
	qsort(v, n4, sizeof *v, fmt_route_cmp);
	n = n4;
	for (size_t i = 0; i < ns->nroutes; i++)
		if (ns->routes[i].family == AF_INET6 &&
		    fmt_route_listed(&ns->routes[i]))
			v[n++] = &ns->routes[i];
	qsort(v + n4, n - n4, sizeof *v, fmt_route_cmp);
	free(rtc.ix);
	rtc.ix = xcalloc(n + 1, sizeof *rtc.ix);
	for (size_t i = 0; i < n; i++)
		rtc.ix[i] = (size_t)(v[i] - ns->routes);
	rtc.n = n;
	rtc.ns_id = ns->id;
	rtc.gen = ns->rgen;
	rtc.nroutes = ns->nroutes;
	rtc.have = true;
	*out = v;
	return n;
}

