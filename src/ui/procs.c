/* SPDX-License-Identifier: GPL-2.0-or-later */
/* procs.c - how many processes each namespace has (the namespaces
 * panel's column), and the unnamed namespaces they reveal. */
#include "ui/ui_int.h"

#include <stdlib.h>
#include <string.h>

#include "kernel/kernel.h"
#include "util/sbuf.h"

/* One pass over /proc counts the processes of every namespace.
 * Unnamed namespaces have no event of their own (a container that
 * starts without a veth announces no nsid): the same walk notices a
 * process in a namespace the world does not know, or an unnamed
 * namespace's last process gone, and only then asks for a rescan of
 * /proc (want_rescan).  Whichever caller counts, nothing is missed. */
static void count_procs(struct ui *u)
{
	int others;
	dev_t *dev = xcalloc(u->w->nns + 1, sizeof *dev);
	ino_t *ino = xcalloc(u->w->nns + 1, sizeof *ino);
	size_t nbusy = 0;

	free(u->nprocs);
	u->nnprocs = u->w->nns;
	u->nprocs = xcalloc(u->nnprocs + 1, sizeof *u->nprocs);
	u->procs_gen = u->w->ns_epoch;
	u->procs_ms = ui_now_ms();
	hmap_clear(&u->procs_ix);
	for (size_t i = 0; i < u->nnprocs; i++) {
		dev[i] = u->w->ns[i]->dev;
		ino[i] = u->w->ns[i]->ino;
		hmap_put(&u->procs_ix, hmap_hash_u64((uint64_t)u->w->ns[i]->id),
		         HMAP_INT(i + 1));
	}
	others = kns_count_pids(dev, ino, u->nnprocs, u->nprocs);
	if (others > u->procs_others)
		u->want_rescan = true;
	if (others >= 0)
		u->procs_others = others;
	/* unnamed namespaces with processes: was one of them busy and is
	 * empty now? */
	for (size_t i = 0; i < u->nnprocs; i++) {
		const struct w_ns *ns = u->w->ns[i];

		if (ns->kind != W_NS_UNNAMED)
			continue;
		if (u->nprocs[i] > 0) {
			dev[nbusy] = ns->dev;
			ino[nbusy++] = ns->ino;
			continue;
		}
		for (size_t j = 0; j < u->nbusy; j++)
			if (u->busy_dev[j] == ns->dev && u->busy_ino[j] == ns->ino)
				u->want_rescan = true;
	}
	free(u->busy_dev);
	free(u->busy_ino);
	u->busy_dev = dev;
	u->busy_ino = ino;
	u->nbusy = nbusy;
}

/* Look in /proc for unnamed namespaces (new ones, gone ones) and read
 * the new ones' interfaces. */
void ui_rescan(struct ui *u)
{
	struct kerr e = { 0 };

	u->want_rescan = false;
	ksync_rescan(u->k);
	ksync_all_ready(u->k, &e);
	count_procs(u);
	u->dirty = true;
}

/* Processes come and go without a kernel event: count again when the
 * last count is UI_PROCS_MS old, and repaint only if a count changed;
 * rescan when the count asks for it. */
static void recount_procs(struct ui *u, long long now)
{
	int *old;
	size_t nold;

	if (u->nprocs && now - u->procs_ms >= UI_PROCS_MS) {
		old = u->nprocs;
		nold = u->nnprocs;
		u->nprocs = NULL;
		count_procs(u);
		if (nold != u->nnprocs ||
		    memcmp(old, u->nprocs, nold * sizeof *old) != 0)
			u->dirty = true;
		free(old);
	}
	if (u->want_rescan)
		ui_rescan(u);
}

static int procs_timeout(const struct ui *u, long long now)
{
	long long left;

	if (u->want_rescan)
		return 0;       /* asked for while drawing */
	if (!u->nprocs)
		return -1;
	left = u->procs_ms + UI_PROCS_MS - now;
	return left < 0 ? 0 : (int)left;
}

/* Counted again when namespaces came or went, not on every change of
 * the world (that was a walk of /proc for every event, issue 12) */
int ui_ns_procs(struct ui *u, const struct w_ns *ns)
{
	size_t it = 0;
	void *v;

	if (!u->nprocs || u->procs_gen != u->w->ns_epoch)
		count_procs(u);
	while ((v = hmap_next(&u->procs_ix, hmap_hash_u64((uint64_t)ns->id),
	                      &it))) {
		size_t i = (size_t)HMAP_TO_INT(v) - 1;

		if (i < u->nnprocs && i < u->w->nns && u->w->ns[i] == ns)
			return u->nprocs[i];
	}
	return 0;
}

static void procs_tick(struct ui *u, long long now)
{
	recount_procs(u, now);
}

static int procs_wait(struct ui *u, long long now)
{
	return procs_timeout(u, now);
}

static void procs_free(struct ui *u)
{
	free(u->nprocs);
	hmap_free(&u->procs_ix);
	free(u->busy_dev);
	free(u->busy_ino);
}

const struct ui_view ui_view_procs = {
	.title = "Process counts",
	.tick = procs_tick,
	.wait_ms = procs_wait,
	.free = procs_free,
};
