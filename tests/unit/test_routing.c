/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_routing.c - `ip rule show` text and `ip route show` filters.
 *
 * Every expected string is what iproute2 6.1 printed here (Debian 12) for
 * real rules and routes made in a throwaway namespace (unshare --net
 * --mount); the structs hold what the kernel sent for them (seen with
 * `ip -d` and `ip -j`).  Trailing spaces matter.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <linux/fib_rules.h>
#include <linux/rtnetlink.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "fmt/fmt.h"
#include "util/sbuf.h"
#include "world/world.h"

static struct w_ip IP(const char *s)
{
	struct w_ip ip;

	assert_int_equal(w_ip_parse(s, &ip), 0);
	return ip;
}

/* A rule as the kernel reports one made by `ip rule add` (FRA_PROTOCOL
 * 0, lookup), priority pref, table t. */
static struct w_rule rule(int family, uint32_t pref, uint32_t table)
{
	struct w_rule r;

	memset(&r, 0, sizeof r);
	r.family = family;
	r.action = FR_ACT_TO_TBL;
	r.table = table;
	r.has_priority = pref != 0;
	r.priority = pref;
	r.has_protocol = true;
	r.protocol = RTPROT_UNSPEC;
	return r;
}

static struct w_rule kernel_rule(int family, uint32_t pref, uint32_t table)
{
	struct w_rule r = rule(family, pref, table);

	r.protocol = RTPROT_KERNEL;
	return r;
}

static void check_rule(const struct w_rule *r, bool details, const char *want)
{
	struct sbuf b = SBUF_INIT;

	fmt_rule(&b, r, details);
	assert_string_equal(sbuf_str(&b), want);
	sbuf_free(&b);
}

static void test_rule_defaults(void **state)
{
	struct w_rule r;

	(void)state;
	r = kernel_rule(AF_INET, 0, RT_TABLE_LOCAL);
	check_rule(&r, false, "0:\tfrom all lookup local\n");
	check_rule(&r, true, "0:\tfrom all lookup local proto kernel\n");
	r = kernel_rule(AF_INET, 32766, RT_TABLE_MAIN);
	check_rule(&r, false, "32766:\tfrom all lookup main\n");
	r = kernel_rule(AF_INET, 32767, RT_TABLE_DEFAULT);
	check_rule(&r, false, "32767:\tfrom all lookup default\n");
}

static void test_rule_selectors(void **state)
{
	struct w_rule r;

	(void)state;
	/* ip rule add from 10.1.0.0/24 lookup 100 pref 100 */
	r = rule(AF_INET, 100, 100);
	r.src = IP("10.1.0.0");
	r.src_len = 24;
	check_rule(&r, false, "100:\tfrom 10.1.0.0/24 lookup 100\n");
	check_rule(&r, true, "100:\tfrom 10.1.0.0/24 lookup 100 proto unspec\n");
	/* ip rule add to 192.168.0.0/16 table 200 (priority 99 picked) */
	r = rule(AF_INET, 99, 200);
	r.dst = IP("192.168.0.0");
	r.dst_len = 16;
	check_rule(&r, false, "99:\tfrom all to 192.168.0.0/16 lookup 200\n");
	/* ip rule add from 10.2.0.5 iif v0 priority 300 blackhole */
	r = rule(AF_INET, 300, 0);
	r.action = FR_ACT_BLACKHOLE;
	r.src = IP("10.2.0.5");
	r.src_len = 32;
	snprintf(r.iifname, sizeof r.iifname, "v0");
	check_rule(&r, false, "300:\tfrom 10.2.0.5 iif v0 blackhole\n");
	/* ip rule add oif v1 pref 301 unreachable */
	r = rule(AF_INET, 301, 0);
	r.action = FR_ACT_UNREACHABLE;
	snprintf(r.oifname, sizeof r.oifname, "v1");
	check_rule(&r, false, "301:\tfrom all oif v1 unreachable\n");
	/* ip rule add fwmark 0x10 pref 302 prohibit */
	r = rule(AF_INET, 302, 0);
	r.action = FR_ACT_PROHIBIT;
	r.has_fwmark = r.has_fwmask = true;
	r.fwmark = 0x10;
	r.fwmask = 0xffffffff;
	check_rule(&r, false, "302:\tfrom all fwmark 0x10 prohibit\n");
	/* ip rule add fwmark 5/0xff lookup 1000 pref 303 */
	r = rule(AF_INET, 303, 1000);
	r.has_fwmark = r.has_fwmask = true;
	r.fwmark = 5;
	r.fwmask = 0xff;
	check_rule(&r, false, "303:\tfrom all fwmark 0x5/0xff lookup 1000\n");
	/* ip rule add not from 10.3.0.0/16 lookup main pref 304 */
	r = rule(AF_INET, 304, RT_TABLE_MAIN);
	r.flags = FIB_RULE_INVERT;
	r.src = IP("10.3.0.0");
	r.src_len = 16;
	check_rule(&r, false, "304:\tnot from 10.3.0.0/16 lookup main\n");
	/* ip rule add tos 0x10 lookup default pref 305 */
	r = rule(AF_INET, 305, RT_TABLE_DEFAULT);
	r.tos = 0x10;
	check_rule(&r, false, "305:\tfrom all tos 0x10 lookup default\n");
	/* ip rule add from all lookup 100 proto static pref 306 */
	r = rule(AF_INET, 306, 100);
	r.protocol = RTPROT_STATIC;
	check_rule(&r, false, "306:\tfrom all lookup 100 proto static\n");
	/* ip rule add iif lo lookup local pref 307 */
	r = rule(AF_INET, 307, RT_TABLE_LOCAL);
	snprintf(r.iifname, sizeof r.iifname, "lo");
	check_rule(&r, false, "307:\tfrom all iif lo lookup local\n");
	/* ip rule add iif nosuch0 lookup 100 pref 314 */
	r = rule(AF_INET, 314, 100);
	r.flags = FIB_RULE_IIF_DETACHED;
	snprintf(r.iifname, sizeof r.iifname, "nosuch0");
	check_rule(&r, false, "314:\tfrom all iif nosuch0 [detached] lookup 100\n");
}

static void test_rule_more(void **state)
{
	struct w_rule r;

	(void)state;
	/* ip rule add ipproto tcp dport 80 sport 1000-2000 lookup 100 pref 308 */
	r = rule(AF_INET, 308, 100);
	r.ipproto = 6;
	r.has_sport = r.has_dport = true;
	r.sport_start = 1000;
	r.sport_end = 2000;
	r.dport_start = r.dport_end = 80;
	check_rule(&r, false, "308:\tfrom all ipproto tcp sport 1000-2000 "
	           "dport 80 lookup 100\n");
	/* ip rule add uidrange 100-200 lookup 100 pref 309 */
	r = rule(AF_INET, 309, 100);
	r.has_uid_range = true;
	r.uid_start = 100;
	r.uid_end = 200;
	check_rule(&r, false, "309:\tfrom all uidrange 100-200 lookup 100\n");
	/* ip rule add pref 310 goto 320 */
	r = rule(AF_INET, 310, 0);
	r.action = FR_ACT_GOTO;
	r.has_goto = true;
	r.goto_target = 320;
	r.flags = FIB_RULE_UNRESOLVED;
	check_rule(&r, false, "310:\tfrom all goto 320 [unresolved]\n");
	/* ip rule add pref 311 nop */
	r = rule(AF_INET, 311, 0);
	r.action = FR_ACT_NOP;
	check_rule(&r, false, "311:\tfrom all nop\n");
	/* ip rule add pref 312 lookup main suppress_prefixlength 0 */
	r = rule(AF_INET, 312, RT_TABLE_MAIN);
	r.has_suppress_prefixlen = r.has_suppress_ifgroup = true;
	r.suppress_prefixlen = 0;
	r.suppress_ifgroup = -1;
	check_rule(&r, false, "312:\tfrom all lookup main suppress_prefixlength 0\n");
	/* ip rule add realms 3/4 lookup 100 pref 315 */
	r = rule(AF_INET, 315, 100);
	r.has_flow = true;
	r.flow = 3u << 16 | 4;
	check_rule(&r, false, "315:\tfrom all lookup 100 realms 3/4\n");
	/* IPv6: ip -6 rule add from 2001:db8::/64 lookup 100 pref 100 */
	r = rule(AF_INET6, 100, 100);
	r.src = IP("2001:db8::");
	r.src_len = 64;
	check_rule(&r, false, "100:\tfrom 2001:db8::/64 lookup 100\n");
	/* ip -6 rule add to 2001:db8:1::5 lookup 200 */
	r = rule(AF_INET6, 99, 200);
	r.dst = IP("2001:db8:1::5");
	r.dst_len = 128;
	check_rule(&r, false, "99:\tfrom all to 2001:db8:1::5 lookup 200\n");
}

/* The world keeps rules in the kernel's order: a new rule goes after
 * every rule of its family whose priority is not above its own. */
static void test_rule_order(void **state)
{
	struct world *w = world_new();
	struct w_ns *ns = world_add_ns(w, W_NS_HOST, "", 1, 1);
	struct w_event ev;
	struct sbuf b = SBUF_INIT;

	(void)state;
	memset(&ev, 0, sizeof ev);
	ev.from_dump = true;
	ev.type = W_EV_NEWRULE;
	ev.u.rule = kernel_rule(AF_INET, 0, RT_TABLE_LOCAL);
	world_apply(w, ns, &ev);
	ev.u.rule = kernel_rule(AF_INET6, 0, RT_TABLE_LOCAL);
	world_apply(w, ns, &ev);
	ev.u.rule = kernel_rule(AF_INET, 32766, RT_TABLE_MAIN);
	world_apply(w, ns, &ev);
	ev.u.rule = kernel_rule(AF_INET6, 32766, RT_TABLE_MAIN);
	world_apply(w, ns, &ev);
	ev.from_dump = false;
	ev.u.rule = rule(AF_INET, 100, 100);
	world_apply(w, ns, &ev);
	ev.u.rule = rule(AF_INET, 100, 101);   /* same priority: after */
	world_apply(w, ns, &ev);
	ev.u.rule = rule(AF_INET, 50, 102);
	world_apply(w, ns, &ev);
	ev.u.rule = rule(AF_INET, 100, 100);   /* again: kept once */
	world_apply(w, ns, &ev);
	fmt_rule_show(&b, ns, 0, false);
	assert_string_equal(sbuf_str(&b),
	                    "0:\tfrom all lookup local\n"
	                    "50:\tfrom all lookup 102\n"
	                    "100:\tfrom all lookup 100\n"
	                    "100:\tfrom all lookup 101\n"
	                    "32766:\tfrom all lookup main\n");
	sbuf_reset(&b);
	ev.type = W_EV_DELRULE;
	ev.u.rule = rule(AF_INET, 100, 100);
	world_apply(w, ns, &ev);
	fmt_rule_show(&b, ns, AF_INET, false);
	assert_string_equal(sbuf_str(&b),
	                    "0:\tfrom all lookup local\n"
	                    "50:\tfrom all lookup 102\n"
	                    "100:\tfrom all lookup 101\n"
	                    "32766:\tfrom all lookup main\n");
	sbuf_reset(&b);
	fmt_rule_show(&b, ns, AF_INET6, false);
	assert_string_equal(sbuf_str(&b),
	                    "0:\tfrom all lookup local\n"
	                    "32766:\tfrom all lookup main\n");
	sbuf_free(&b);
	world_free(w);
}

/* ip rule show from PREFIX: the rules whose source lies inside it */
static void test_rule_filter(void **state)
{
	struct w_rule r = rule(AF_INET, 100, 100);
	struct fmt_rule_filter f;

	(void)state;
	r.src = IP("10.1.0.0");
	r.src_len = 24;
	memset(&f, 0, sizeof f);
	assert_true(fmt_rule_match(&f, &r));
	f.src = IP("10.0.0.0");
	f.src_len = 8;
	assert_true(fmt_rule_match(&f, &r));
	f.src_len = 25;                 /* narrower than the rule's */
	assert_false(fmt_rule_match(&f, &r));
	f.src = IP("10.2.0.0");
	f.src_len = 16;
	assert_false(fmt_rule_match(&f, &r));
	f.src = IP("fd00::");           /* another family */
	f.src_len = 8;
	assert_false(fmt_rule_match(&f, &r));
	memset(&f, 0, sizeof f);
	f.table = 100;
	f.has_priority = true;
	f.priority = 100;
	assert_true(fmt_rule_match(&f, &r));
	f.priority = 101;
	assert_false(fmt_rule_match(&f, &r));
	memset(&f, 0, sizeof f);
	snprintf(f.iif, sizeof f.iif, "a0");
	assert_false(fmt_rule_match(&f, &r));
	snprintf(r.iifname, sizeof r.iifname, "a0");
	assert_true(fmt_rule_match(&f, &r));
}

/* ---- route show filters ------------------------------------------------- */

static struct w_route route(int table, const char *dst, int len, int oif)
{
	struct w_route r;

	memset(&r, 0, sizeof r);
	r.dst = IP(dst);
	r.family = r.dst.family;
	r.dst_len = len;
	r.table = table;
	r.type = RTN_UNICAST;
	r.protocol = RTPROT_BOOT;
	r.scope = RT_SCOPE_LINK;
	r.oif = oif;
	return r;
}

static struct w_ns *route_world(struct world **wp)
{
	struct world *w = world_new();
	struct w_ns *ns = world_add_ns(w, W_NS_HOST, "", 1, 1);
	struct w_event ev;
	struct w_route r;

	memset(&ev, 0, sizeof ev);
	ev.from_dump = true;
	ev.type = W_EV_NEWLINK;
	ev.u.link.ifindex = 1;
	snprintf(ev.u.link.name, sizeof ev.u.link.name, "lo");
	world_apply(w, ns, &ev);
	ev.u.link.ifindex = 2;
	snprintf(ev.u.link.name, sizeof ev.u.link.name, "v0");
	world_apply(w, ns, &ev);
	ev.type = W_EV_NEWROUTE;
	/* ip route add 10.5.0.0/16 dev v0 table 100, ... table 1000, 356 */
	ev.u.route = route(100, "10.5.0.0", 16, 2);
	world_apply(w, ns, &ev);
	ev.u.route = route(1000, "10.6.0.0", 16, 2);
	world_apply(w, ns, &ev);
	ev.u.route = route(356, "10.7.0.0", 16, 2);
	world_apply(w, ns, &ev);
	r = route(RT_TABLE_MAIN, "10.1.0.0", 24, 2);
	r.protocol = RTPROT_KERNEL;
	r.prefsrc = IP("10.1.0.1");
	ev.u.route = r;
	world_apply(w, ns, &ev);
	r = route(RT_TABLE_LOCAL, "10.1.0.1", 32, 2);
	r.type = RTN_LOCAL;
	r.protocol = RTPROT_KERNEL;
	r.scope = RT_SCOPE_HOST;
	r.prefsrc = IP("10.1.0.1");
	ev.u.route = r;
	world_apply(w, ns, &ev);
	r = route(RT_TABLE_MAIN, "2001:db8::", 64, 2);
	r.protocol = RTPROT_KERNEL;
	r.scope = RT_SCOPE_UNIVERSE;
	r.has_priority = true;
	r.priority = 256;
	r.has_pref = true;
	ev.u.route = r;
	world_apply(w, ns, &ev);
	r = route(RT_TABLE_LOCAL, "::1", 128, 1);
	r.type = RTN_LOCAL;
	r.protocol = RTPROT_KERNEL;
	r.scope = RT_SCOPE_UNIVERSE;
	r.has_priority = true;
	r.has_pref = true;
	ev.u.route = r;
	world_apply(w, ns, &ev);
	*wp = w;
	return ns;
}

static void check_show(const struct w_ns *ns, const struct fmt_route_filter *f,
                       const char *want)
{
	struct sbuf b = SBUF_INIT;

	fmt_route_show_filtered(&b, ns, f);
	assert_string_equal(sbuf_str(&b), want);
	sbuf_free(&b);
}

static void test_route_tables(void **state)
{
	struct world *w;
	struct w_ns *ns = route_world(&w);
	struct fmt_route_filter f;

	(void)state;
	/* ip route show table all */
	fmt_route_filter_init(&f);
	f.table = 0;
	check_show(ns, &f,
	           "10.7.0.0/16 dev v0 table 356 scope link \n"
	           "10.5.0.0/16 dev v0 table 100 scope link \n"
	           "10.6.0.0/16 dev v0 table 1000 scope link \n"
	           "10.1.0.0/24 dev v0 proto kernel scope link src 10.1.0.1 \n"
	           "local 10.1.0.1 dev v0 table local proto kernel scope host "
	           "src 10.1.0.1 \n"
	           "2001:db8::/64 dev v0 proto kernel metric 256 pref medium\n"
	           "local ::1 dev lo table local proto kernel metric 0 pref medium\n");
	/* ip route show table 100: no "table 100" */
	fmt_route_filter_init(&f);
	f.family = AF_INET;
	f.table = 100;
	check_show(ns, &f, "10.5.0.0/16 dev v0 scope link \n");
	/* ip route show (main, IPv4) */
	fmt_route_filter_init(&f);
	f.family = AF_INET;
	check_show(ns, &f,
	           "10.1.0.0/24 dev v0 proto kernel scope link src 10.1.0.1 \n");
	world_free(w);
}

static void test_route_filters(void **state)
{
	struct world *w;
	struct w_ns *ns = route_world(&w);
	struct fmt_route_filter f;

	(void)state;
	/* ip route list proto kernel: "proto kernel" left out */
	fmt_route_filter_init(&f);
	f.family = AF_INET;
	f.has_protocol = true;
	f.protocol = RTPROT_KERNEL;
	check_show(ns, &f, "10.1.0.0/24 dev v0 scope link src 10.1.0.1 \n");
	/* ip route show table all type local dev lo */
	fmt_route_filter_init(&f);
	f.table = 0;
	f.typemask = 1u << RTN_LOCAL;
	f.oif = 1;
	check_show(ns, &f, "local ::1 table local proto kernel metric 0 "
	           "pref medium\n");
	/* ip route show table all scope host */
	fmt_route_filter_init(&f);
	f.table = 0;
	f.has_scope = true;
	f.scope = RT_SCOPE_HOST;
	check_show(ns, &f, "local 10.1.0.1 dev v0 table local proto kernel "
	           "src 10.1.0.1 \n");
	/* ip route show table all 10.0.0.0/8: exact, nothing */
	fmt_route_filter_init(&f);
	f.table = 0;
	f.dst_match = FMT_PFX_EXACT;
	f.dst = IP("10.0.0.0");
	f.dst_len = 8;
	check_show(ns, &f, "");
	/* root 10.0.0.0/8: everything inside */
	f.dst_match = FMT_PFX_ROOT;
	check_show(ns, &f,
	           "10.7.0.0/16 dev v0 table 356 scope link \n"
	           "10.5.0.0/16 dev v0 table 100 scope link \n"
	           "10.6.0.0/16 dev v0 table 1000 scope link \n"
	           "10.1.0.0/24 dev v0 proto kernel scope link src 10.1.0.1 \n"
	           "local 10.1.0.1 dev v0 table local proto kernel scope host "
	           "src 10.1.0.1 \n");
	/* match 10.1.0.7: what covers it */
	f.dst_match = FMT_PFX_MATCH;
	f.dst = IP("10.1.0.7");
	f.dst_len = 32;
	check_show(ns, &f,
	           "10.1.0.0/24 dev v0 proto kernel scope link src 10.1.0.1 \n");
	/* src 10.1.0.1 leaves "src" out */
	fmt_route_filter_init(&f);
	f.family = AF_INET;
	f.has_src = true;
	f.src = IP("10.1.0.1");
	f.src_len = 32;
	check_show(ns, &f, "10.1.0.0/24 dev v0 proto kernel scope link \n");
	/* -6 metric 256 leaves "metric" out */
	fmt_route_filter_init(&f);
	f.family = AF_INET6;
	f.has_metric = true;
	f.metric = 256;
	check_show(ns, &f, "2001:db8::/64 dev v0 proto kernel pref medium\n");
	world_free(w);
}

static void test_route_get_mark(void **state)
{
	struct w_route r = route(100, "10.5.0.9", 32, 2);
	struct sbuf b = SBUF_INIT;
	struct world *w;
	struct w_ns *ns = route_world(&w);

	(void)state;
	/* ip route get 10.5.0.9 mark 17 */
	r.flags = RTM_F_CLONED;
	r.prefsrc = IP("10.1.0.1");
	r.has_uid = true;
	r.mark = 17;
	fmt_route_get(&b, ns, &r);
	assert_string_equal(sbuf_str(&b), "10.5.0.9 dev v0 table 100 src "
	                    "10.1.0.1 mark 0x11 uid 0 \n    cache \n");
	sbuf_reset(&b);
	r.mark = 5;
	fmt_route_get(&b, ns, &r);
	assert_string_equal(sbuf_str(&b), "10.5.0.9 dev v0 table 100 src "
	                    "10.1.0.1 mark 5 uid 0 \n    cache \n");
	sbuf_free(&b);
	world_free(w);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rule_defaults),
		cmocka_unit_test(test_rule_selectors),
		cmocka_unit_test(test_rule_more),
		cmocka_unit_test(test_rule_order),
		cmocka_unit_test(test_rule_filter),
		cmocka_unit_test(test_route_tables),
		cmocka_unit_test(test_route_filters),
		cmocka_unit_test(test_route_get_mark),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
