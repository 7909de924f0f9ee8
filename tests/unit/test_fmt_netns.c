/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_fmt_netns.c - `ip netns list`, `ip netns list-id` and `ip -all
 * netns exec`'s headers (src/fmt/netns.c).
 *
 * Every expected string is what iproute2 6.1 printed here (kernel 6.18)
 * for the same namespaces and nsids, made in a throwaway sandbox
 * (unshare --net --mount --pid) with `ip netns add`, `ip netns set` and
 * `ip -n a netns set`; trailing blanks matter. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "fmt/netns.h"
#include "util/sbuf.h"

static const struct fmt_opts TEXT = { .json = false };
static const struct fmt_opts JSON = { .json = true };
static const struct fmt_opts PRETTY = { .json = true, .pretty = true };
/* ip ignores these for netns */
static const struct fmt_opts OTHERS = { .brief = true, .stats = 2,
                                        .details = true, .oneline = true };

#define CHECK(call, want) do {                                  \
		struct sbuf b_ = SBUF_INIT;                     \
		call;                                           \
		assert_string_equal(sbuf_str(&b_), want);       \
		sbuf_free(&b_);                                 \
	} while (0)

/* `ip netns add a; add b; add c; set a 5; set b auto` */
static const struct fmt_netns CBA[] = {
	{ "c", -1 }, { "b", 0 }, { "a", 5 },
};

static void list_text(void **state)
{
	(void)state;
	CHECK(fmt_netns_list(&b_, CBA, 3, &TEXT), "c\nb (id: 0)\na (id: 5)\n");
	CHECK(fmt_netns_list(&b_, CBA, 3, &OTHERS), "c\nb (id: 0)\na (id: 5)\n");
	CHECK(fmt_netns_list(&b_, CBA, 0, &TEXT), "");
}

static void list_json(void **state)
{
	(void)state;
	CHECK(fmt_netns_list(&b_, CBA, 3, &JSON),
	      "[{\"name\":\"c\"},{\"name\":\"b\",\"id\":0},"
	      "{\"name\":\"a\",\"id\":5}]\n");
	CHECK(fmt_netns_list(&b_, CBA, 0, &JSON), "[]\n");
	CHECK(fmt_netns_list(&b_, CBA, 0, &PRETTY), "[ ]\n");
	/* `ip -j -p netns list` after add a; add b; set a 1 */
	static const struct fmt_netns ba[] = { { "b", -1 }, { "a", 1 } };
	CHECK(fmt_netns_list(&b_, ba, 2, &PRETTY),
	      "[ {\n"
	      "        \"name\": \"b\"\n"
	      "    },{\n"
	      "        \"name\": \"a\",\n"
	      "        \"id\": 1\n"
	      "    } ]\n");
}

/* Names made by someone else: ip prints ESC as it is, nsviz never */
static void list_escapes(void **state)
{
	static const struct fmt_netns bad[] = { { "q\033x\"y\\", -1 } };

	(void)state;
	CHECK(fmt_netns_list(&b_, bad, 1, &TEXT), "q\\x1bx\"y\\\n");
	CHECK(fmt_netns_list(&b_, bad, 1, &JSON),
	      "[{\"name\":\"q\\u001bx\\\"y\\\\\"}]\n");
	CHECK(fmt_json_str(&b_, "t\tn\nr\rf\fb\b"), "\"t\\tn\\nr\\rf\\fb\\b\"");
	/* C1, bidirectional controls and a byte that is not UTF-8 */
	CHECK(fmt_json_str(&b_, "\xc2\x9b|\xe2\x80\xae|\xff|\xc3\xa9"),
	      "\"\\u009b|\\u202e|\\u00ff|\xc3\xa9\"");
}

static void list_id_text(void **state)
{
	/* `ip netns list-id` with b = 0, a = 5 */
	static const struct fmt_nsid v[] = {
		{ 0, false, -1, "b" }, { 5, false, -1, "a" },
	};
	/* an nsid given to a namespace no name points to (a veth into a
	 * process's namespace) */
	static const struct fmt_nsid unnamed[] = { { 0, false, -1, NULL } };
	/* `ip netns list-id target-nsid 5` after `ip -n a netns set b 3` */
	static const struct fmt_nsid target[] = { { 3, true, 0, "b" } };
	/* the same when the host gave b no number */
	static const struct fmt_nsid target_un[] = { { 2, true, -1, NULL } };
	/* `ip netns list-id nsid 0 target-nsid 0`: the target has no number
	 * for itself */
	static const struct fmt_nsid self[] = { { -1, true, 0, NULL } };

	(void)state;
	CHECK(fmt_nsid_list(&b_, v, 2, &TEXT),
	      "nsid 0 (iproute2 netns name: b)\n"
	      "nsid 5 (iproute2 netns name: a)\n");
	CHECK(fmt_nsid_list(&b_, v, 2, &OTHERS),
	      "nsid 0 (iproute2 netns name: b)\n"
	      "nsid 5 (iproute2 netns name: a)\n");
	CHECK(fmt_nsid_list(&b_, unnamed, 1, &TEXT), "nsid 0 \n");
	CHECK(fmt_nsid_list(&b_, target, 1, &TEXT),
	      "nsid 3 current-nsid 0 (iproute2 netns name: b)\n");
	CHECK(fmt_nsid_list(&b_, target_un, 1, &TEXT),
	      "nsid 2 current-nsid unassigned \n");
	CHECK(fmt_nsid_list(&b_, self, 1, &TEXT),
	      "nsid unassigned current-nsid 0 \n");
	CHECK(fmt_nsid_list(&b_, v, 0, &TEXT), "");
}

static void list_id_json(void **state)
{
	static const struct fmt_nsid v[] = {
		{ 0, false, -1, "b" }, { 5, false, -1, "a" },
	};
	static const struct fmt_nsid unnamed[] = { { 0, false, -1, NULL } };
	static const struct fmt_nsid target_un[] = { { 2, true, -1, NULL } };
	static const struct fmt_nsid a_self[] = { { -1, true, 1, "a" } };
	static const struct fmt_nsid one[] = { { 1, false, -1, "a" } };

	(void)state;
	CHECK(fmt_nsid_list(&b_, v, 2, &JSON),
	      "[{\"nsid\":0,\"name\":\"b\"},{\"nsid\":5,\"name\":\"a\"}]\n");
	CHECK(fmt_nsid_list(&b_, v, 2, &PRETTY),
	      "[ {\n"
	      "        \"nsid\": 0,\n"
	      "        \"name\": \"b\"\n"
	      "    },{\n"
	      "        \"nsid\": 5,\n"
	      "        \"name\": \"a\"\n"
	      "    } ]\n");
	CHECK(fmt_nsid_list(&b_, unnamed, 1, &JSON), "[{\"nsid\":0}]\n");
	CHECK(fmt_nsid_list(&b_, target_un, 1, &JSON), "[{\"nsid\":2}]\n");
	CHECK(fmt_nsid_list(&b_, target_un, 1, &PRETTY),
	      "[ {\n        \"nsid\": 2\n    } ]\n");
	CHECK(fmt_nsid_list(&b_, a_self, 1, &JSON),
	      "[{\"current-nsid\":1,\"name\":\"a\"}]\n");
	CHECK(fmt_nsid_list(&b_, one, 1, &PRETTY),
	      "[ {\n        \"nsid\": 1,\n        \"name\": \"a\"\n    } ]\n");
	CHECK(fmt_nsid_list(&b_, v, 0, &JSON), "[]\n");
	CHECK(fmt_nsid_list(&b_, v, 0, &PRETTY), "[ ]\n");
}

/* Which name ip prints for an entry */
static void list_id_names(void **state)
{
	/* directory order; two names for one namespace: the first wins */
	static const struct fmt_netns names[] = {
		{ "x", -1 }, { "b", 0 }, { "b2", 0 }, { "a", 5 }, { "c", 2 },
	};
	struct fmt_nsid e = { 0, false, -1, NULL };

	(void)state;
	assert_string_equal(fmt_nsid_name(names, 5, &e), "b");
	e.nsid = 5;
	assert_string_equal(fmt_nsid_name(names, 5, &e), "a");
	e.nsid = 7;
	assert_null(fmt_nsid_name(names, 5, &e));
	/* with a target: by current-nsid, the host's number */
	e = (struct fmt_nsid){ 3, true, 0, NULL };
	assert_string_equal(fmt_nsid_name(names, 5, &e), "b");
	/* current unassigned: ip looks again by the target's number, which
	 * may name another namespace (what ip 6.1 prints) */
	e = (struct fmt_nsid){ 2, true, -1, NULL };
	assert_string_equal(fmt_nsid_name(names, 5, &e), "c");
	e = (struct fmt_nsid){ -1, true, -1, NULL };
	assert_null(fmt_nsid_name(names, 5, &e));
}

static void exec_header(void **state)
{
	(void)state;
	CHECK(fmt_netns_exec_header(&b_, "att"), "\nnetns: att\n");
	CHECK(fmt_netns_exec_header(&b_, "e\033[2J"), "\nnetns: e\\x1b[2J\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(list_text),
		cmocka_unit_test(list_json),
		cmocka_unit_test(list_escapes),
		cmocka_unit_test(list_id_text),
		cmocka_unit_test(list_id_json),
		cmocka_unit_test(list_id_names),
		cmocka_unit_test(exec_header),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
