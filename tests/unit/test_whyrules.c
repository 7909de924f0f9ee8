/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_whyrules.c - why's nftables judge (src/why/rules.c) on rulesets
 * written in nft's JSON: what matches, what may, the order of the base
 * chains, jumps, gotos and returns, policies, NAT, the families, and the
 * rule's words found by handle in nft -a's text. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "why/rules.h"

#define HEAD "{\"nftables\":[{\"metainfo\":{\"json_schema_version\":1}}," \
	"{\"table\":{\"family\":\"ip\",\"name\":\"f\",\"handle\":7}},"
#define BASE(name, hook, prio, policy) \
	"{\"chain\":{\"family\":\"ip\",\"table\":\"f\",\"name\":\"" name "\"," \
	"\"handle\":1,\"type\":\"filter\",\"hook\":\"" hook "\",\"prio\":" \
	#prio ",\"policy\":\"" policy "\"}},"
#define CHAIN(name) \
	"{\"chain\":{\"family\":\"ip\",\"table\":\"f\",\"name\":\"" name "\",\"handle\":2}},"
#define RULE(chain, handle, exprs) \
	"{\"rule\":{\"family\":\"ip\",\"table\":\"f\",\"chain\":\"" chain "\"," \
	"\"handle\":" #handle ",\"expr\":[" exprs "]}},"
#define MATCH(op, left, right) \
	"{\"match\":{\"op\":\"" op "\",\"left\":" left ",\"right\":" right "}},"
#define PAYLOAD(p, f) "{\"payload\":{\"protocol\":\"" p "\",\"field\":\"" f "\"}}"
#define TAIL "{\"metainfo\":{}}]}"

static struct why_pkt pkt(int proto, bool reply)
{
	struct why_pkt p;

	memset(&p, 0, sizeof p);
	p.family = AF_INET;
	p.proto = proto;
	p.reply = reply;
	w_ip_parse(reply ? "10.0.0.2" : "10.0.0.1", &p.src);
	w_ip_parse(reply ? "10.0.0.1" : "10.0.0.2", &p.dst);
	if (proto != IPPROTO_ICMP) {
		if (reply)
			p.sport = 8080;
		else
			p.dport = 8080;
	}
	snprintf(p.iif, sizeof p.iif, "eth0");
	return p;
}

static struct why_rules rs;

static void judge(const char *json, const char *text, enum why_hook h,
                  struct why_pkt p)
{
	assert_int_equal(why_rules_judge(json, text, h, &p, &rs), 0);
}

static void test_addresses_and_words(void **st)
{
	static const char json[] = HEAD BASE("input", "input", 0, "accept")
		RULE("input", 3, MATCH("==", PAYLOAD("ip", "saddr"),
		     "{\"prefix\":{\"addr\":\"10.0.1.0\",\"len\":24}}") "{\"drop\":null}")
		RULE("input", 4, MATCH("==", PAYLOAD("ip", "saddr"),
		     "{\"prefix\":{\"addr\":\"10.0.0.0\",\"len\":24}}")
		     "{\"counter\":{\"packets\":5,\"bytes\":420}}," "{\"drop\":null}")
		TAIL;
	static const char text[] =
		"table ip g { # handle 8\n\tchain input { # handle 1\n"
		"\t\tip saddr 10.0.0.0/24 wrong # handle 4\n\t}\n}\n"
		"table ip f { # handle 7\n\tchain input { # handle 1\n"
		"\t\ttype filter hook input priority filter; policy accept;\n"
		"\t\tip saddr 10.0.1.0/24 drop # handle 3\n"
		"\t\tip saddr 10.0.0.0/24 counter packets 5 bytes 420 drop # handle 4\n"
		"\t}\n}\n";

	(void)st;
	judge(json, text, WHY_HOOK_IN, pkt(IPPROTO_ICMP, false));
	assert_int_equal(rs.n, 1);
	assert_int_equal(rs.stop, 0);
	assert_int_equal(rs.v[0].verdict, WHY_RV_DROP);
	assert_int_equal(rs.v[0].handle, 4);
	assert_int_equal(rs.v[0].pos, 2);
	assert_true(rs.v[0].has_counter);
	assert_int_equal(rs.v[0].packets, 5);
	assert_int_equal(rs.v[0].bytes, 420);
	assert_string_equal(rs.v[0].text,
	                    "ip saddr 10.0.0.0/24 counter packets 5 bytes 420 drop");
	assert_string_equal(rs.v[0].table, "f");
	/* another hook: nothing */
	judge(json, text, WHY_HOOK_OUT, pkt(IPPROTO_ICMP, false));
	assert_int_equal(rs.n, 0);
	assert_int_equal(rs.stop, -1);
	/* IPv6: an ip table does not see it */
	{
		struct why_pkt p = pkt(IPPROTO_ICMP, false);

		p.family = AF_INET6;
		w_ip_parse("fd00::1", &p.src);
		w_ip_parse("fd00::2", &p.dst);
		judge(json, text, WHY_HOOK_IN, p);
		assert_int_equal(rs.stop, -1);
		assert_int_equal(rs.ntables, 0);
	}
}

static void test_ports_and_state(void **st)
{
	static const char json[] = HEAD BASE("input", "input", 0, "accept")
		RULE("input", 2, MATCH("in", "{\"ct\":{\"key\":\"state\"}}",
		     "[\"established\",\"related\"]") "{\"accept\":null}")
		RULE("input", 3, MATCH("==", PAYLOAD("tcp", "dport"),
		     "{\"set\":[22,{\"range\":[8000,8100]}]}") "{\"drop\":null}")
		RULE("input", 4, MATCH("==", PAYLOAD("tcp", "sport"), "8080")
		     "{\"reject\":null}")
		TAIL;

	(void)st;
	judge(json, NULL, WHY_HOOK_IN, pkt(IPPROTO_TCP, false));
	assert_int_equal(rs.v[rs.stop].handle, 3);
	/* a udp packet: the tcp rules do not meet it */
	judge(json, NULL, WHY_HOOK_IN, pkt(IPPROTO_UDP, false));
	assert_int_equal(rs.stop, -1);
	/* the reply is established: accepted */
	judge(json, NULL, WHY_HOOK_IN, pkt(IPPROTO_TCP, true));
	assert_int_equal(rs.stop, -1);
	assert_int_equal(rs.n, 1);
	assert_int_equal(rs.v[0].verdict, WHY_RV_ACCEPT);
	/* the request's source port is not known: may */
	{
		static const char j2[] = HEAD BASE("input", "input", 0, "accept")
			RULE("input", 4, MATCH("==", PAYLOAD("tcp", "sport"), "8080")
			     "{\"reject\":null}") TAIL;

		judge(j2, NULL, WHY_HOOK_IN, pkt(IPPROTO_TCP, false));
		assert_int_equal(rs.v[rs.stop].verdict, WHY_RV_MAY_DROP);
		assert_string_equal(rs.v[rs.stop].cannot, "tcp sport");
	}
}

static void test_chains(void **st)
{
	/* prio -10 accepts, prio 10 jumps to sub, which returns for icmp,
	 * gotos to end for tcp; policy drop */
	static const char json[] = HEAD
		BASE("late", "input", 10, "drop")
		BASE("early", "input", -10, "accept")
		CHAIN("sub") CHAIN("end")
		RULE("early", 2, "{\"accept\":null}")
		RULE("late", 3, "{\"jump\":{\"target\":\"sub\"}}")
		RULE("late", 4, MATCH("==", PAYLOAD("ip", "protocol"), "\"tcp\"")
		     "{\"accept\":null}")
		RULE("sub", 5, MATCH("==", "{\"meta\":{\"key\":\"l4proto\"}}", "\"icmp\"")
		     "{\"return\":null}")
		RULE("sub", 6, "{\"goto\":{\"target\":\"end\"}}")
		RULE("sub", 7, "{\"accept\":null}")
		RULE("end", 8, MATCH("!=", "{\"meta\":{\"key\":\"iifname\"}}", "\"eth*\"")
		     "{\"accept\":null}")
		TAIL;

	(void)st;
	/* icmp: early accepts, late jumps, sub returns, late's tcp rule
	 * does not match: the policy */
	judge(json, NULL, WHY_HOOK_IN, pkt(IPPROTO_ICMP, false));
	assert_int_equal(rs.n, 2);
	assert_int_equal(rs.v[0].handle, 2);
	assert_int_equal(rs.v[1].verdict, WHY_RV_POLICY_DROP);
	assert_string_equal(rs.v[1].chain, "late");
	assert_int_equal(rs.stop, 1);
	/* tcp: sub gotos to end, whose rule does not match (eth0 is eth*):
	 * the end of end goes back to the chain that jumped to sub (late),
	 * after the jump: rule 4 accepts */
	judge(json, NULL, WHY_HOOK_IN, pkt(IPPROTO_TCP, false));
	assert_int_equal(rs.stop, -1);
	assert_int_equal(rs.n, 2);
	assert_int_equal(rs.v[1].handle, 4);
	assert_int_equal(rs.v[1].verdict, WHY_RV_ACCEPT);
}

static void test_may_and_sets(void **st)
{
	static const char json[] = HEAD BASE("input", "input", 0, "accept")
		"{\"set\":{\"family\":\"ip\",\"name\":\"ok\",\"table\":\"f\","
		"\"type\":\"ipv4_addr\",\"handle\":3,\"elem\":[\"10.0.0.9\","
		"{\"range\":[\"10.0.0.1\",\"10.0.0.3\"]}]}},"
		RULE("input", 2, MATCH("==", "{\"meta\":{\"key\":\"mark\"}}", "1")
		     "{\"accept\":null}")
		RULE("input", 3, MATCH("==", PAYLOAD("ip", "saddr"), "\"@ok\"")
		     "{\"drop\":null}")
		TAIL;

	(void)st;
	judge(json, NULL, WHY_HOOK_IN, pkt(IPPROTO_ICMP, false));
	assert_int_equal(rs.v[rs.stop].handle, 3);
	assert_int_equal(rs.v[rs.stop].verdict, WHY_RV_MAY_DROP);
	assert_string_equal(rs.v[rs.stop].cannot, "meta mark");
	assert_true(rs.v[rs.stop].cannot_before);
	/* the reply (from 10.0.0.2, in the range too) */
	{
		struct why_pkt p = pkt(IPPROTO_ICMP, true);

		w_ip_parse("10.0.0.4", &p.src);
		judge(json, NULL, WHY_HOOK_IN, p);
		assert_int_equal(rs.stop, -1);
	}
	/* a statement nsviz does not know */
	{
		static const char j2[] = HEAD BASE("input", "input", 0, "accept")
			RULE("input", 2, "{\"limit\":{\"rate\":1,\"per\":\"second\"}},"
			     "{\"drop\":null}") TAIL;

		judge(j2, NULL, WHY_HOOK_IN, pkt(IPPROTO_ICMP, false));
		assert_int_equal(rs.v[rs.stop].verdict, WHY_RV_MAY_DROP);
		assert_string_equal(rs.v[rs.stop].cannot, "limit");
		assert_false(rs.v[rs.stop].cannot_before);
	}
}

static void test_nat(void **st)
{
	static const char json[] = HEAD
		"{\"chain\":{\"family\":\"ip\",\"table\":\"f\",\"name\":\"post\","
		"\"handle\":1,\"type\":\"nat\",\"hook\":\"postrouting\",\"prio\":100,"
		"\"policy\":\"accept\"}},"
		RULE("post", 2, MATCH("==", "{\"meta\":{\"key\":\"oifname\"}}", "\"eth9\"")
		     "{\"masquerade\":null}")
		RULE("post", 3, "{\"snat\":{\"addr\":\"1.2.3.4\",\"port\":99}}")
		TAIL;
	struct why_pkt p = pkt(IPPROTO_ICMP, false);
	struct w_ip want;

	(void)st;
	judge(json, NULL, WHY_HOOK_POST, p);
	assert_int_equal(rs.nat, 0);
	assert_int_equal(rs.v[0].verdict, WHY_RV_SNAT);
	w_ip_parse("1.2.3.4", &want);
	assert_true(w_ip_eq(&rs.v[0].nat_addr, &want));
	assert_int_equal(rs.v[0].nat_port, 99);
	snprintf(p.oif, sizeof p.oif, "eth9");
	judge(json, NULL, WHY_HOOK_POST, p);
	assert_int_equal(rs.v[rs.nat].verdict, WHY_RV_MASQUERADE);
	/* a reply: the nat chains are not met */
	p.reply = true;
	judge(json, NULL, WHY_HOOK_POST, p);
	assert_int_equal(rs.n, 0);
	assert_int_equal(rs.nat, -1);
}

static void test_icmp_types(void **st)
{
	static const char json[] = "{\"nftables\":["
		"{\"table\":{\"family\":\"inet\",\"name\":\"f\",\"handle\":1}},"
		"{\"chain\":{\"family\":\"inet\",\"table\":\"f\",\"name\":\"i\","
		"\"handle\":1,\"type\":\"filter\",\"hook\":\"input\",\"prio\":0,"
		"\"policy\":\"accept\"}},"
		"{\"rule\":{\"family\":\"inet\",\"table\":\"f\",\"chain\":\"i\","
		"\"handle\":2,\"expr\":[" MATCH("==", PAYLOAD("icmp", "type"), "0")
		"{\"drop\":null}]}},"
		"{\"rule\":{\"family\":\"inet\",\"table\":\"f\",\"chain\":\"i\","
		"\"handle\":3,\"expr\":[" MATCH("==", PAYLOAD("icmpv6", "type"),
		"\"echo-request\"") "{\"drop\":null}]}}]}";
	struct why_pkt p = pkt(IPPROTO_ICMP, false);

	(void)st;
	judge(json, NULL, WHY_HOOK_IN, p);
	assert_int_equal(rs.stop, -1);
	p.reply = true;         /* an echo reply is type 0 */
	judge(json, NULL, WHY_HOOK_IN, p);
	assert_int_equal(rs.v[rs.stop].handle, 2);
	p.family = AF_INET6;
	p.reply = false;
	w_ip_parse("fd00::1", &p.src);
	w_ip_parse("fd00::2", &p.dst);
	judge(json, NULL, WHY_HOOK_IN, p);
	assert_int_equal(rs.v[rs.stop].handle, 3);
	p.reply = true;
	judge(json, NULL, WHY_HOOK_IN, p);
	assert_int_equal(rs.stop, -1);
}

static void test_not_json(void **st)
{
	struct why_pkt p = pkt(IPPROTO_ICMP, false);

	(void)st;
	assert_int_equal(why_rules_judge("nope", NULL, WHY_HOOK_IN, &p, &rs), -1);
	assert_int_equal(why_rules_judge("{\"x\":1}", NULL, WHY_HOOK_IN, &p, &rs), -1);
	assert_false(why_rules_any("{\"nftables\":[{\"metainfo\":{}}]}"));
	assert_true(why_rules_any(HEAD TAIL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_addresses_and_words),
		cmocka_unit_test(test_ports_and_state),
		cmocka_unit_test(test_chains),
		cmocka_unit_test(test_may_and_sets),
		cmocka_unit_test(test_nat),
		cmocka_unit_test(test_icmp_types),
		cmocka_unit_test(test_not_json),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
