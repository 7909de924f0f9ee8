/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_hmap.c - the hash index under the world's lookups (issue 12):
 * against a plain array of (hash, value) pairs, through puts, deletes,
 * collisions (equal hashes on purpose) and growth. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "util/hmap.h"

static unsigned seed_state;
static unsigned rnd(unsigned n)
{
	seed_state = seed_state * 1103515245u + 12345u;
	return (seed_state >> 8) % n;
}

/* How many times v is stored under h */
static unsigned count(const struct hmap *m, uint64_t h, void *v)
{
	size_t it = 0;
	unsigned n = 0;
	void *got;

	while ((got = hmap_next(m, h, &it)))
		n += got == v;
	return n;
}

#define NREF 4096
static struct { uint64_t h; void *v; } ref[NREF];
static size_t nref;

static unsigned ref_count(uint64_t h, void *v)
{
	unsigned n = 0;

	for (size_t i = 0; i < nref; i++)
		n += ref[i].h == h && ref[i].v == v;
	return n;
}

static void test_against_array(void **state)
{
	struct hmap m = HMAP_INIT;

	(void)state;
	seed_state = 7;
	nref = 0;
	for (int step = 0; step < 20000; step++) {
		/* few hashes (many collisions), values 1..20 */
		uint64_t h = rnd(3) ? hmap_hash_u64(rnd(64)) : rnd(64);
		void *v = HMAP_INT(1 + rnd(20));

		if (rnd(3) && nref < NREF) {
			hmap_put(&m, h, v);
			ref[nref].h = h;
			ref[nref].v = v;
			nref++;
		} else {
			int had = -1;

			for (size_t i = 0; i < nref; i++)
				if (ref[i].h == h && ref[i].v == v) {
					had = (int)i;
					break;
				}
			assert_int_equal(hmap_del(&m, h, v), had >= 0 ? 0 : -1);
			if (had >= 0)
				ref[had] = ref[--nref];
		}
		assert_int_equal(m.n, nref);
		assert_int_equal(count(&m, h, v), ref_count(h, v));
	}
	for (size_t i = 0; i < nref; i++)
		assert_int_equal(count(&m, ref[i].h, ref[i].v),
		                 ref_count(ref[i].h, ref[i].v));
	hmap_clear(&m);
	assert_int_equal(m.n, 0);
	assert_null(hmap_next(&m, ref[0].h, &(size_t){ 0 }));
	hmap_free(&m);
}

static void test_empty_and_strings(void **state)
{
	struct hmap m = HMAP_INIT;
	size_t it = 0;

	(void)state;
	assert_null(hmap_next(&m, 1, &it));
	assert_int_equal(hmap_del(&m, 1, HMAP_INT(1)), -1);
	assert_true(hmap_hash_str("ns1") != hmap_hash_str("ns2"));
	assert_true(hmap_hash_str("") == hmap_hash_str(""));
	/* deleted slots do not stop a lookup of what lies past them */
	for (int i = 1; i <= 100; i++)
		hmap_put(&m, 5, HMAP_INT(i));
	for (int i = 1; i <= 99; i++)
		assert_int_equal(hmap_del(&m, 5, HMAP_INT(i)), 0);
	it = 0;
	assert_ptr_equal(hmap_next(&m, 5, &it), HMAP_INT(100));
	assert_null(hmap_next(&m, 5, &it));
	hmap_free(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_against_array),
		cmocka_unit_test(test_empty_and_strings),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
