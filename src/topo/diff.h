/* SPDX-License-Identifier: GPL-2.0-or-later */
/* diff.h - what to run so that the items of one topology (the live
 * world's) become those of another (a file's): pure. */
#ifndef NSVIZ_TOPO_DIFF_H
#define NSVIZ_TOPO_DIFF_H

#include <stdbool.h>
#include <stddef.h>

#include "topo/items.h"

enum topo_step_kind {
	TS_REMAKE,     /* delete what is in the way (made again below) */
	TS_ADD,        /* make what is missing */
	TS_CHANGE,     /* change what differs */
	TS_PRUNE       /* delete what the file does not have (--prune) */
};

struct topo_step {
	enum topo_step_kind kind;
	const struct titem *it;    /* the item (want's, or have's to delete) */
	const char *line;          /* the command, without `ip -n NS` */
};

struct topo_plan {
	struct topo_step *v;
	size_t n, cap;
	size_t nprune;             /* of them TS_PRUNE */
	/* the namespaces the file names ("" = the host): only these are
	 * compared */
	char **scope;
	size_t nscope, capscope;
};

/* The steps that make have into want, in the order they must run:
 * deletions in the way first, then what is made or changed phase by
 * phase, then (kind TS_PRUNE, run only with --prune) what want does not
 * have, in reverse.  The plan points into want and have: keep them. */
void topo_diff(const struct tilist *want, const struct tilist *have,
               struct topo_plan *out);
void topo_plan_free(struct topo_plan *p);

#endif
