/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_topo_place.c - the topology view's placement: where boxes go, the
 * overview fitting the screen, placement that stays as namespaces come and
 * go, look-ups. */
#include "topo_check.h"

static void test_hub_100(void **state)
{
	struct world *w = hub(100, false);
	struct topo t;

	(void)state;
	topo_render(w, 42, false, &t);
	check_invariants(&t, w);
	assert_int_equal(t.nboxes, 101);
	assert_int_equal(t.nwires, 100);
	printf("hub 100: canvas %d x %d\n", t.c.w, t.c.h);
	assert_true(t.c.w <= 320);
	assert_true(t.c.h <= 260);
	/* area: not much more than 4 times the boxes' own */
	{
		long area = 0;

		for (size_t i = 0; i < t.nboxes; i++)
			area += (long)t.boxes[i].w * t.boxes[i].h;
		assert_true((long)t.c.w * t.c.h <= 4 * area);
	}
	/* the host has boxes on both sides: centre-left */
	{
		const struct topo_box *h = topo_find_box(&t, 0);
		int left = 0, right = 0;

		for (size_t i = 0; i < t.nboxes; i++) {
			if (t.boxes[i].x < h->x)
				left++;
			else if (t.boxes[i].x > h->x)
				right++;
		}
		assert_true(left > 0 && right >= left);
	}
	/* the selected box is drawn double */
	{
		const struct topo_box *b = topo_find_box(&t, 42);

		assert_non_null(b);
		assert_int_equal(at(&t, b->x, b->y)->ch, 0x2554);
		assert_int_equal(at(&t, b->x, b->y)->cls, TC_BOX_SELECTED);
		assert_int_equal(at(&t, b->x + 1, b->y + b->h - 1)->ch, 0x2550);
		b = topo_find_box(&t, 41);
		assert_int_equal(at(&t, b->x, b->y)->ch, 0x250C);
		assert_int_equal(at(&t, b->x, b->y)->cls, TC_BOX);
	}
	/* ns7's pair is down (i % 7 == 0), ns8's up */
	for (size_t i = 0; i < t.nwires; i++) {
		const struct topo_wire *wr = &t.wires[i];
		const char *a = strcmp(wr->a_if, "eth0") ? wr->a_if : wr->b_if;

		if (strcmp(a, "vh7") == 0)
			assert_false(wr->up);
		if (strcmp(a, "vh8") == 0)
			assert_true(wr->up);
	}
	topo_free(&t);
	world_free(w);
}

static void test_hit_and_find(void **state)
{
	struct world *w = hub(12, false);
	struct topo t;

	(void)state;
	topo_render(w, -1, false, &t);
	check_invariants(&t, w);
	for (size_t i = 0; i < t.nboxes; i++) {
		const struct topo_box *b = &t.boxes[i];

		assert_ptr_equal(topo_find_box(&t, b->ns_id), b);
		assert_int_equal(topo_hit(&t, b->x, b->y), b->ns_id);
		assert_int_equal(topo_hit(&t, b->x + b->w - 1, b->y + b->h - 1),
		                 b->ns_id);
		assert_int_equal(topo_hit(&t, b->x + b->w / 2, b->y + b->h / 2),
		                 b->ns_id);
		assert_int_not_equal(topo_hit(&t, b->x + b->w, b->y), b->ns_id);
		assert_int_not_equal(topo_hit(&t, b->x - 1, b->y), b->ns_id);
	}
	assert_null(topo_find_box(&t, 999));
	assert_int_equal(topo_hit(&t, -1, -1), -1);
	assert_int_equal(topo_hit(&t, t.c.w, 0), -1);
	assert_int_equal(topo_hit(&t, 0, t.c.h + 5), -1);
	/* a point of a wire is in no box */
	assert_int_equal(topo_hit(&t, t.wires[0].ax + 1, t.wires[0].ay), -1);
	/* the host is box 0; the others come sorted by name: ns2 before ns10 */
	assert_int_equal(t.boxes[0].ns_id, 0);
	assert_int_equal(world_find_ns_id(w, t.boxes[2].ns_id)->name[2], '2');
	assert_null(topo_cell_at(&t, t.c.w, 0));
	assert_null(topo_cell_at(&t, 0, -1));
	topo_free(&t);
	world_free(w);
}

static void test_deterministic(void **state)
{
	struct world *a = hub(37, false), *b = hub(37, true);
	struct topo ta, ta2, tb;
	char *sa, *sa2, *sb;

	(void)state;
	topo_render(a, -1, false, &ta);
	topo_render(a, -1, false, &ta2);
	topo_render(b, -1, false, &tb);   /* same world, found in another order */
	sa = dump(&ta);
	sa2 = dump(&ta2);
	sb = dump(&tb);
	assert_string_equal(sa, sa2);
	assert_string_equal(sa, sb);
	assert_int_equal(ta.c.w, tb.c.w);
	assert_int_equal(ta.c.h, tb.c.h);
	for (int i = 0; i < ta.c.w * ta.c.h; i++)
		assert_int_equal(ta.c.cells[i].cls, tb.c.cells[i].cls);
	free(sa);
	free(sa2);
	free(sb);
	topo_free(&ta);
	topo_free(&ta2);
	topo_free(&tb);
	world_free(a);
	world_free(b);
}

/* z: the overview.  Boxes shrink to their names, the wires stay, and at
 * 30 namespaces the map fits 120x36 (the view is 118x24 inside its frame,
 * above the log). */
static void test_overview(void **state)
{
	struct world *w = hub(30, false);
	struct topo full, t;
	struct topo_opts o = { .selected_ns_id = 3, .overview = true,
	                       .fit_h = 24 };
	char *s;

	(void)state;
	topo_render(w, 3, false, &full);
	topo_render_opts(w, &o, &t);
	s = dump(&t);
	printf("overview of 30 (%d x %d, full %d x %d):\n%s\n", t.c.w, t.c.h,
	       full.c.w, full.c.h, s);
	check_overview(&t, w);
	assert_int_equal(t.nwires, full.nwires);
	assert_true(t.c.w <= 118);
	assert_true(t.c.h <= 24);
	assert_true(full.c.w > 118 || full.c.h > 24);
	for (size_t i = 0; i < t.nboxes; i++) {
		const struct topo_box *b = &t.boxes[i];
		const struct w_ns *ns = world_find_ns_id(w, b->ns_id);
		char label[128], text[256];

		world_ns_label(ns, label, sizeof label);
		/* "│ name │" and a row for each more wire, nothing else (a
		 * column's boxes share the widest one's width) */
		assert_true(b->w >= (int)strlen(label) + 4 && b->w <= 4 + 4);
		row_text(&t, b->y, b->x, b->x + b->w, text, sizeof text);
		assert_non_null(strstr(text, label));
		for (int y = b->y + 1; y < b->y + b->h; y++)
			for (int x = b->x + 1; x < b->x + b->w - 1; x++)
				assert_int_equal(at(&t, x, y)->ch, ' ');
	}
	/* the same wires, between the same interfaces */
	for (size_t i = 0; i < t.nwires; i++) {
		const struct topo_wire *ov = &t.wires[i], *f = &full.wires[i];
		bool same = ov->a_ns_id == f->a_ns_id && !strcmp(ov->a_if, f->a_if) &&
		            ov->b_ns_id == f->b_ns_id && !strcmp(ov->b_if, f->b_if);
		bool swapped = ov->a_ns_id == f->b_ns_id && !strcmp(ov->a_if, f->b_if) &&
		               ov->b_ns_id == f->a_ns_id && !strcmp(ov->b_if, f->a_if);

		assert_true(same || swapped);
	}
	{
		const struct topo_box *b = topo_find_box(&t, 3);

		/* ns3 is on the right, wired on its left border: the
		 * selected box's right border is double */
		assert_int_equal(at(&t, b->x + b->w - 1, b->y)->cls,
		                 TC_BOX_SELECTED);
		assert_int_equal(at(&t, b->x + b->w - 1, b->y)->ch, 0x2551);
	}
	free(s);
	topo_free(&t);
	topo_free(&full);
	world_free(w);

	/* at 100: as wide as the screen, as tall as the host's wires on
	 * each side (50), so panned once (the full map is 289x181) */
	w = hub(100, false);
	topo_render_opts(w, &o, &t);
	printf("overview of 100: %d x %d\n", t.c.w, t.c.h);
	check_overview(&t, w);
	assert_true(t.c.w <= 118);
	assert_true(t.c.h <= 50);
	topo_free(&t);
	world_free(w);

	/* with a chain of ten among them */
	w = hub_chain(30, 10);
	topo_render_opts(w, &o, &t);
	s = dump(&t);
	printf("overview of 30 and a chain (%d x %d):\n%s\n", t.c.w, t.c.h, s);
	check_overview(&t, w);
	assert_int_equal(t.nwires, 39);
	free(s);
	topo_free(&t);
	world_free(w);
}

/* A namespace that comes or goes moves only the boxes after it, in the
 * order: layer by layer (veth distance from the host), namespaces wired
 * to others before leaves, by name.  Between sizes (all at once moves at
 * 10, 37 and 145 namespaces of this shape) the k-th box in that order
 * keeps the k-th place. */
static void places(const struct topo *t, const struct world *w,
                   const char *skip, int (*pl)[2], int *n)
{
	char name[32];

	*n = 0;
	for (int i = 1; i < 200; i++) {
		const struct w_ns *ns;
		const struct topo_box *b;

		snprintf(name, sizeof name, "ns%d", i);
		ns = world_find_ns(w, name);
		if (!ns || (skip && strcmp(skip, name) == 0))
			continue;
		b = topo_find_box(t, ns->id);
		assert_non_null(b);
		pl[*n][0] = b->col;
		pl[*n][1] = b->slot;
		(*n)++;
	}
}

static void test_stable_placement(void **state)
{
	int a[200][2], b[200][2], na, nb;

	(void)state;
	/* one more at the end: nobody moves */
	for (int n = 10; n < 36; n++) {
		struct world *w1 = hub(n, false), *w2 = hub(n + 1, false);
		struct topo t1, t2;

		topo_render(w1, -1, false, &t1);
		topo_render(w2, -1, false, &t2);
		places(&t1, w1, NULL, a, &na);
		places(&t2, w2, NULL, b, &nb);
		assert_int_equal(na + 1, nb);
		for (int k = 0; k < na; k++) {
			if (a[k][0] != b[k][0] || a[k][1] != b[k][1])
				fprintf(stderr, "%d -> %d: ns%d moved from %d/%d to "
				        "%d/%d\n", n, n + 1, k + 1, a[k][0],
				        a[k][1], b[k][0], b[k][1]);
			assert_int_equal(a[k][0], b[k][0]);
			assert_int_equal(a[k][1], b[k][1]);
		}
		/* the new one: after the others, on a side already used
		 * or a new column */
		assert_true(b[na][0] != 0);
		topo_free(&t1);
		topo_free(&t2);
		world_free(w1);
		world_free(w2);
	}
	/* one goes from the middle (ns7 of 30): those before stay, each
	 * after it takes the place of the one before it */
	{
		struct world *w1 = hub(30, false), *w2 = hub(30, false);
		struct topo t1, t2;
		struct w_ns *gone = world_find_ns(w2, "ns7");

		assert_non_null(gone);
		world_remove_ns(w2, gone);
		world_resolve_peers(w2);
		topo_render(w1, -1, false, &t1);
		topo_render(w2, -1, false, &t2);
		places(&t1, w1, NULL, a, &na);
		places(&t2, w2, NULL, b, &nb);     /* ns1..ns6, ns8..ns30 */
		assert_int_equal(nb, 29);
		for (int k = 0; k < nb; k++) {
			assert_int_equal(a[k][0], b[k][0]);
			assert_int_equal(a[k][1], b[k][1]);
		}
		topo_free(&t1);
		topo_free(&t2);
		world_free(w1);
		world_free(w2);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hub_100),
		cmocka_unit_test(test_hit_and_find),
		cmocka_unit_test(test_deterministic),
		cmocka_unit_test(test_overview),
		cmocka_unit_test(test_stable_placement),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
