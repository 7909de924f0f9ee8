/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_topo_route.c - the topology view's wire routing over 1,000 seeded random
 * worlds: every wire from its end to its other end, no cell shared but at
 * a crossing, none through a box (full view, overview, ASCII). */
#include "topo_check.h"

static void test_random_worlds(void **state)
{
	(void)state;
	for (int round = 0; round < 1000; round++) {
		struct world *w = world_new();
		int nns = 1 + rnd(round % 4 ? 15 : 70), npairs = rnd(2 * nns + 3);
		int hostshare = 2 + round % 6;
		struct w_ns **ns = xcalloc((size_t)nns, sizeof *ns);
		int *next = xcalloc((size_t)nns, sizeof *next);
		struct topo t;
		char name[32], peer[32];

		for (int i = 0; i < nns; i++) {
			snprintf(name, sizeof name, "n%d", i);
			ns[i] = world_add_ns(w, i ? W_NS_NAMED : W_NS_HOST,
			                     i ? name : "", 1, (ino_t)(100 + i));
			if (rnd(4))
				add_lo(w, ns[i], rnd(2));
			next[i] = 2;
		}
		for (int p = 0; p < npairs; p++) {
			/* the host gets more than its share */
			int a = rnd(hostshare) ? 0 : rnd(nns), b = rnd(nns);

			snprintf(name, sizeof name, "v%da", p);
			snprintf(peer, sizeof peer, "v%db", p);
			if (a == b && next[a] == next[b]) {
				add_veth(w, ns[a], name, next[a], rnd(5) != 0,
				         ns[b], peer, next[a] + 1, rnd(5) != 0);
				next[a] += 2;
			} else {
				add_veth(w, ns[a], name, next[a]++, rnd(5) != 0,
				         ns[b], peer, next[b]++, rnd(5) != 0);
			}
			if (rnd(2))
				add_addr(w, ns[a], next[a] - 1, "192.168.1.1", 24);
		}
		world_resolve_peers(w);
		{
			int sel = rnd(nns);
			struct topo_opts so = { .selected_ns_id = ns[sel]->id,
			                        .selected_if = "v0a" };

			topo_render_opts(w, &so, &t);
		}
		if (t.nconflicts) {
			char *s = dump(&t);
			printf("round %d:\n%s\n", round, s);
			free(s);
		}
		check_invariants(&t, w);
		topo_free(&t);
		topo_render(w, -1, true, &t);      /* ascii: no out of bounds */
		topo_free(&t);
		{
			struct topo_opts o = { .selected_ns_id = -1,
			                       .overview = true,
			                       .fit_h = round % 3 ? 34 : 0 };

			topo_render_opts(w, &o, &t);
			check_overview(&t, w);
			topo_free(&t);
		}
		free(ns);
		free(next);
		world_free(w);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_random_worlds),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
