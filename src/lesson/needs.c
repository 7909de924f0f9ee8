/* SPDX-License-Identifier: GPL-2.0-or-later */
/* needs.c - a step's `needs:` lines against the running kernel: a step
 * whose feature is missing (netem, on a kernel built without sch_netem)
 * is skipped, and says why, rather than failing.  The kernel is asked
 * once per feature in a session, without changing anything
 * (kernel/tckind.c). */
#include "lesson/priv.h"

#include <stdio.h>
#include <string.h>

#include "kernel/kernel.h"
#include "util/sbuf.h"

#define KNOWN_MAX 16

/* the kinds asked about so far: what the kernel said */
static struct {
	char kind[16];
	int known;              /* 1 yes, 0 no */
} asked[KNOWN_MAX];
static size_t nasked;

static int kind_known(const char *kind)
{
	struct kerr e;
	int r;

	for (size_t i = 0; i < nasked; i++)
		if (!strcmp(asked[i].kind, kind))
			return asked[i].known;
	r = ktc_kind_known(kind, &e);
	/* cannot ask (no privilege for a namespace): let the step run, its
	 * own commands will say what is missing */
	if (r < 0)
		return 1;
	if (nasked < KNOWN_MAX) {
		snprintf(asked[nasked].kind, sizeof asked[nasked].kind, "%s",
		         kind);
		asked[nasked++].known = r;
	}
	return r;
}

bool lesson_step_skipped(struct lesson_env *env, const struct lesson_step *s,
                         struct sbuf *why)
{
	const struct lesson_step_priv *pv = s->priv;

	(void)env;
	for (size_t i = 0; i < pv->nneeds; i++) {
		const char *k = pv->needs[i].kind;

		if (kind_known(k))
			continue;
		if (why)
			sbuf_printf(why, "this kernel has no %s qdisc (sch_%s)",
			            k, k);
		return true;
	}
	return false;
}
