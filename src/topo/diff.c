/* SPDX-License-Identifier: GPL-2.0-or-later */
/* diff.c - the steps from one topology's items to another's (diff.h).
 *
 * Items are matched by (namespace, key).  An object whose command differs
 * is changed in place when it has a command for that (route replace,
 * neigh replace, the settings), else deleted and made again; a link that
 * is deleted takes with it everything that depends on it (its addresses,
 * its routes, the far end of its pair), which is then made again from
 * the file.  Only the namespaces the file names are compared: a file of
 * two namespaces says nothing about a third.
 */
#include "topo/diff.h"

#include <stdlib.h>
#include <string.h>

#include "util/sbuf.h"

/* ---- a set of (namespace, link) -------------------------------------- */

struct linkset {
	struct ti_dep *v;
	size_t n, cap;
};

static bool ls_has(const struct linkset *s, const char *ns, const char *l)
{
	for (size_t i = 0; i < s->n; i++)
		if (!strcmp(s->v[i].ns, ns) && !strcmp(s->v[i].link, l))
			return true;
	return false;
}

static bool ls_add(struct linkset *s, const char *ns, const char *l)
{
	if (!ns || !l || ls_has(s, ns, l))
		return false;
	xgrow((void **)&s->v, &s->cap, s->n + 1, sizeof *s->v);
	s->v[s->n].ns = (char *)ns;
	s->v[s->n].link = (char *)l;
	s->n++;
	return true;
}

/* an item that goes when the links of g go */
static bool dep_gone(const struct linkset *g, const struct titem *it)
{
	for (int d = 0; d < 2; d++)
		if (it->dep[d].ns && ls_has(g, it->dep[d].ns, it->dep[d].link))
			return true;
	return it->link && ls_has(g, it->ns, it->link);
}

/* Close g over dependencies: a link that depends on a gone one goes too
 * (and the end that made a gone claim). */
static void close_gone(struct linkset *g, const struct tilist *have)
{
	bool more = true;

	while (more) {
		more = false;
		for (size_t i = 0; i < have->n; i++) {
			const struct titem *it = &have->v[i];

			if (!it->link || !dep_gone(g, it))
				continue;
			if (ls_add(g, it->ns, it->link))
				more = true;
			if ((it->flags & TI_CLAIM) && it->dep[0].ns &&
			    ls_add(g, it->dep[0].ns, it->dep[0].link))
				more = true;
		}
	}
}

/* ---- the plan -------------------------------------------------------- */

static void step(struct topo_plan *p, enum topo_step_kind k,
                 const struct titem *it, const char *line)
{
	xgrow((void **)&p->v, &p->cap, p->n + 1, sizeof *p->v);
	p->v[p->n].kind = k;
	p->v[p->n].it = it;
	p->v[p->n].line = line;
	p->n++;
	if (k == TS_PRUNE)
		p->nprune++;
}

static bool in_scope(const struct topo_plan *p, const char *ns)
{
	for (size_t i = 0; i < p->nscope; i++)
		if (!strcmp(p->scope[i], ns))
			return true;
	return false;
}

static void scope_add(struct topo_plan *p, const char *ns)
{
	if (in_scope(p, ns))
		return;
	xgrow((void **)&p->scope, &p->capscope, p->nscope + 1, sizeof *p->scope);
	p->scope[p->nscope++] = xstrdup(ns);
}

/* The item of have for (ns, key) (NULL: none), by a sorted index. */
struct index {
	const struct titem **v;
	size_t n;
};

static int cmp_item(const struct titem *a, const char *ns, const char *key)
{
	int c = strcmp(a->ns, ns);

	return c ? c : strcmp(a->key, key);
}

static int cmp_ptr(const void *a, const void *b)
{
	const struct titem *x = *(const struct titem *const *)a;
	const struct titem *y = *(const struct titem *const *)b;

	return cmp_item(x, y->ns, y->key);
}

static void index_build(struct index *ix, const struct tilist *l)
{
	ix->v = xcalloc(l->n + 1, sizeof *ix->v);
	ix->n = l->n;
	for (size_t i = 0; i < l->n; i++)
		ix->v[i] = &l->v[i];
	qsort(ix->v, ix->n, sizeof *ix->v, cmp_ptr);
}

static const struct titem *index_find(const struct index *ix, const char *ns,
                                      const char *key)
{
	size_t lo = 0, hi = ix->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = cmp_item(ix->v[mid], ns, key);

		if (!c)
			return ix->v[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

void topo_diff(const struct tilist *want, const struct tilist *have,
               struct topo_plan *p)
{
	struct index hx, wx;
	struct linkset gone = { 0 }, pruned = { 0 }, all = { 0 };

	memset(p, 0, sizeof *p);
	/* the scope: namespaces the file makes, the host when the file
	 * says something of it */
	for (size_t i = 0; i < want->n; i++) {
		const struct titem *w = &want->v[i];

		if (w->phase == TP_NETNS)
			scope_add(p, w->ns);
		else if (!w->ns[0] &&
		         !(w->flags & (TI_HIDDEN | TI_BUILTIN | TI_CLAIM)))
			scope_add(p, "");
	}
	index_build(&hx, have);
	index_build(&wx, want);

	/* 1. links in the way: the same name, made otherwise (another
	 * kind, other options, a pair with another peer) */
	for (size_t i = 0; i < want->n; i++) {
		const struct titem *w = &want->v[i], *h;

		if (!w->link || (w->flags & TI_BUILTIN))
			continue;
		h = index_find(&hx, w->ns, w->key);
		if (!h || (h->flags & TI_BUILTIN) || dep_gone(&gone, h))
			continue;
		if (!strcmp(titem_cmp(h), titem_cmp(w)))
			continue;
		if (h->del)
			step(p, TS_REMAKE, h, h->del);
		ls_add(&gone, h->ns, h->link);
		if ((h->flags & TI_CLAIM) && h->dep[0].ns)
			ls_add(&gone, h->dep[0].ns, h->dep[0].link);
		close_gone(&gone, have);
	}

	/* 2. what is missing or differs, phase by phase (want is sorted) */
	for (size_t i = 0; i < want->n; i++) {
		const struct titem *w = &want->v[i], *h;

		h = index_find(&hx, w->ns, w->key);
		if (h && dep_gone(&gone, h))
			h = NULL;
		if (w->flags & (TI_BUILTIN | TI_CLAIM))
			continue;
		if (w->flags & TI_SETTING) {
			if ((w->flags & TI_DERIVED) && (w->flags & TI_HIDDEN))
				continue;       /* follows what is set */
			if (!h) {
				/* a new object starts at the defaults */
				if (!(w->flags & TI_HIDDEN))
					step(p, TS_ADD, w, w->line);
			} else if (strcmp(titem_cmp(h), titem_cmp(w))) {
				/* a sysctl that the file leaves at the
				 * system's default is the file's only with
				 * --prune */
				step(p, (w->flags & TI_SYSCTL) &&
				        (w->flags & TI_HIDDEN) ? TS_PRUNE
				                               : TS_CHANGE,
				     w, w->line);
			}
			continue;
		}
		if (!h)
			step(p, TS_ADD, w, w->line);
		else if (strcmp(titem_cmp(h), titem_cmp(w)))
			step(p, TS_CHANGE, w, w->repl ? w->repl : w->line);
	}

	/* 3. what the file does not have, in the namespaces it names:
	 * links first decide what goes with them */
	for (size_t i = 0; i < have->n; i++) {
		const struct titem *h = &have->v[i];

		if (!h->link || !h->del || !in_scope(p, h->ns) ||
		    dep_gone(&gone, h) || index_find(&wx, h->ns, h->key))
			continue;
		ls_add(&pruned, h->ns, h->link);
	}
	for (size_t i = 0; i < gone.n; i++)
		ls_add(&all, gone.v[i].ns, gone.v[i].link);
	for (size_t i = 0; i < pruned.n; i++)
		ls_add(&all, pruned.v[i].ns, pruned.v[i].link);
	close_gone(&all, have);
	for (int ph = TP_NPHASES - 1; ph >= 0; ph--)
		for (size_t i = have->n; i-- > 0; ) {
			const struct titem *h = &have->v[i];
			bool own = h->link && ls_has(&pruned, h->ns, h->link);

			if ((int)h->phase != ph || !h->del ||
			    !in_scope(p, h->ns) || (h->flags & TI_SETTING) ||
			    index_find(&wx, h->ns, h->key))
				continue;
			if (!own && dep_gone(&all, h))
				continue;
			/* a claim goes with the end that made it */
			if (own && (h->flags & TI_CLAIM) && h->dep[0].ns &&
			    ls_has(&pruned, h->dep[0].ns, h->dep[0].link))
				continue;
			step(p, TS_PRUNE, h, h->del);
		}
	free(hx.v);
	free(wx.v);
	free(gone.v);
	free(pruned.v);
	free(all.v);
}

void topo_plan_free(struct topo_plan *p)
{
	for (size_t i = 0; i < p->nscope; i++)
		free(p->scope[i]);
	free(p->scope);
	free(p->v);
	memset(p, 0, sizeof *p);
}
