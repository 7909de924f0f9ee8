/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_grammar.c - the command grammar, without a kernel: splitting,
 * parsing every form into struct cmd, canonical text, and the messages
 * for bad input. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <linux/if_addr.h>
#include <linux/rtnetlink.h>
#include <linux/if_link.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "cmd/cmd.h"
#include "cmd/verbs.h"
#include "echo/echo.h"
#include "util/sbuf.h"

static char err[512];

/* ---- helpers ----------------------------------------------------------- */

static int parse_line(const char *line, struct cmd *c)
{
	char **w = NULL;
	int n, r;

	n = cmd_split(line, &w, err, sizeof err);
	if (n < 0)
		fail_msg("split '%s': %s", line, err);
	r = cmd_parse(n, w, c, err, sizeof err);
	cmd_free_words(w, n);
	return r;
}

static void parse_ok(const char *line, struct cmd *c)
{
	if (parse_line(line, c) != 0)
		fail_msg("parse '%s' failed: %s", line, err);
}

static char *canonical_of(const struct cmd *c)
{
	struct sbuf b = SBUF_INIT;
	char *s;

	cmd_canonical(c, &b);
	s = strdup(sbuf_str(&b));
	sbuf_free(&b);
	return s;
}

static void assert_ip(const struct w_ip *ip, int family, const char *text)
{
	struct w_ip want;

	assert_int_equal(ip->family, family);
	assert_int_equal(inet_pton(family, text, want.a), 1);
	assert_memory_equal(ip->a, want.a, family == AF_INET ? 4 : 16);
}

static void assert_ip_absent(const struct w_ip *ip)
{
	static const struct w_ip zero;

	assert_memory_equal(ip, &zero, sizeof zero);
}

/* The name a command is about, wherever its object keeps it: the
 * namespace (netns), the device (link, addr, neigh, route, ping %IF). */
static const char *cname(const struct cmd *c)
{
	const struct cmd_entry *e = cmd_verb_entry(c->verb);

	if (!e)
		return "";
	if (!strcmp(e->object, "netns"))
		return c->u.netns.name;
	if (!strcmp(e->object, "link"))
		return c->u.link.name;
	if (!strcmp(e->object, "addr"))
		return c->u.addr.dev;
	if (!strcmp(e->object, "neigh"))
		return c->u.neigh.dev;
	if (!strcmp(e->object, "route"))
		return c->u.route.dev;
	if (!strcmp(e->object, "ping"))
		return c->u.ping.dev;
	return "";
}

/* Field groups a test has set on purpose; everything else of the verb's
 * object must still hold the value its init gives it (the other members
 * of the union are not the verb's). */
enum {
	G_NS = 1 << 0, G_FAMILY = 1 << 1, G_NAME = 1 << 2, G_PEER = 1 << 3,
	G_SET = 1 << 4, G_ADDR = 1 << 5, G_ROUTE = 1 << 6, G_PING = 1 << 7,
	G_PID = 1 << 8, G_EXEC = 1 << 9, G_DEV = 1 << 10, G_ECHO = 1 << 11,
	G_SYSCTL = 1 << 12, G_NSID = 1 << 13, G_ALL = 1 << 14
};

static bool of(const struct cmd *c, const char *object)
{
	const struct cmd_entry *e = cmd_verb_entry(c->verb);

	return e && !strcmp(e->object, object);
}

static void assert_rest_default(const struct cmd *c, unsigned set)
{
	if (!(set & G_NS))
		assert_string_equal(c->ns, "");
	if (!(set & G_FAMILY))
		assert_int_equal(c->family, 0);
	/* the device of addr, route and ping is part of their group */
	if (!(set & (G_NAME | G_DEV)) &&
	    !(of(c, "addr") && (set & G_ADDR)) &&
	    !(of(c, "route") && (set & G_ROUTE)) &&
	    !(of(c, "ping") && (set & G_PING)))
		assert_string_equal(cname(c), "");
	if (of(c, "link") && !(set & G_PEER)) {
		assert_string_equal(c->u.link.peer, "");
		assert_string_equal(c->u.link.peer_ns, "");
	}
	if (of(c, "link") && !(set & G_SET)) {
		assert_int_equal(c->u.link.up, -1);
		assert_false(c->u.link.has_netns);
		assert_string_equal(c->u.link.netns, "");
		assert_false(c->u.link.has_mtu);
		assert_int_equal(c->u.link.mtu, 0);
		assert_false(c->u.link.has_mac);
		assert_false(c->u.link.has_master);
		assert_string_equal(c->u.link.master, "");
		assert_false(c->u.link.nomaster);
	}
	if (of(c, "sysctl") && !(set & G_SYSCTL)) {
		assert_string_equal(c->u.sysctl.key, "");
		assert_false(c->u.sysctl.write);
		assert_string_equal(c->u.sysctl.value, "");
		assert_false(c->u.sysctl.values_only);
		assert_false(c->u.sysctl.quiet);
	}
	if (of(c, "addr") && !(set & G_ADDR)) {
		assert_ip_absent(&c->u.addr.addr);
		assert_int_equal(c->u.addr.prefixlen, 0);
	}
	if (of(c, "route") && !(set & G_ROUTE)) {
		assert_false(c->u.route.is_default);
		assert_ip_absent(&c->u.route.dst);
		assert_int_equal(c->u.route.dst_len, -1);
		assert_false(c->u.route.has_via);
		assert_ip_absent(&c->u.route.via);
		assert_false(c->u.route.has_dev);
		assert_string_equal(c->u.route.dev, "");
		assert_int_equal(c->u.route.scope, -1);
		assert_false(c->u.route.has_src);
		assert_ip_absent(&c->u.route.src);
		assert_false(c->u.route.has_metric);
		assert_int_equal(c->u.route.metric, 0);
	}
	if (of(c, "ping") && !(set & G_PING)) {
		assert_ip_absent(&c->u.ping.target);
		assert_int_equal(c->u.ping.count, 4);
		assert_true(c->u.ping.wait == 0);
		assert_true(c->u.ping.interval == 1.0);
	}
	if (of(c, "netns") && !(set & G_PID))
		assert_int_equal(c->u.netns.pid, 0);
	if (of(c, "netns") && !(set & G_NSID)) {
		assert_int_equal(c->u.netns.nsid, -1);
		assert_int_equal(c->u.netns.target_nsid, -1);
	}
	if (!(set & G_ALL))
		assert_false(c->all);
	if (!(set & G_EXEC)) {
		assert_int_equal(c->exec_argc, 0);
		assert_null(c->exec_argv);
		assert_null(c->sub);
	}
	if ((of(c, "echo") || of(c, "send")) && !(set & G_ECHO)) {
		assert_int_equal(c->u.echo.proto, 0);
		assert_int_equal(c->u.echo.port, ECHO_PORT_DEFAULT);
		assert_false(c->u.echo.has_bind);
		assert_ip_absent(&c->u.echo.bind);
		assert_true(c->u.echo.idle == ECHO_IDLE_DEFAULT);
		assert_int_equal(c->u.echo.max_conns, ECHO_MAX_CONNS_DEFAULT);
		assert_int_equal(c->u.echo.max_msg, ECHO_MAX_MSG_DEFAULT);
		assert_int_equal(c->u.echo.id, 0);
		assert_ip_absent(&c->u.echo.dst);
		assert_null(c->u.echo.message);
		assert_true(c->u.echo.timeout == ECHO_TIMEOUT_DEFAULT);
	}
}

/* Two parses of the same command: the same verb, options and the same
 * bytes in the verb's member of the union (each init starts from
 * zeros), send's message compared as text. */
static void assert_cmd_eq(const struct cmd *a, const struct cmd *b)
{
	assert_int_equal(a->verb, b->verb);
	assert_string_equal(a->ns, b->ns);
	assert_int_equal(a->family, b->family);
	assert_memory_equal(&a->opts, &b->opts, sizeof a->opts);
	assert_int_equal(a->all, b->all);
	if (a->verb == CMD_SEND) {
		struct cmd_echo ea = a->u.echo, eb = b->u.echo;

		assert_non_null(ea.message);
		assert_non_null(eb.message);
		assert_string_equal(ea.message, eb.message);
		ea.message = eb.message = NULL;
		assert_memory_equal(&ea, &eb, sizeof ea);
	} else if (a->verb == CMD_NFT || a->verb == CMD_NFT_LIST) {
		const struct cmd_nft *na = &a->u.nft, *nb = &b->u.nft;

		assert_int_equal(na->oflags, nb->oflags);
		assert_int_equal(na->check, nb->check);
		assert_int_equal(na->optimize, nb->optimize);
		assert_int_equal(na->argc, nb->argc);
		for (int k = 0; k < na->argc; k++)
			assert_string_equal(na->argv[k], nb->argv[k]);
	} else {
		assert_memory_equal(&a->u, &b->u, sizeof a->u);
	}
	assert_int_equal(a->exec_argc, b->exec_argc);
	if (a->exec_argv || b->exec_argv) {
		assert_non_null(a->exec_argv);
		assert_non_null(b->exec_argv);
		for (int k = 0; k < a->exec_argc; k++)
			assert_string_equal(a->exec_argv[k], b->exec_argv[k]);
		assert_null(a->exec_argv[a->exec_argc]);
		assert_null(b->exec_argv[b->exec_argc]);
	}
	if (a->sub || b->sub) {
		assert_non_null(a->sub);
		assert_non_null(b->sub);
		assert_cmd_eq(a->sub, b->sub);
	}
}

/* parse(line) has canonical text `want`, and that text parses back to
 * the same struct, whose canonical text is again `want`. */
static void check_canonical(const char *line, const char *want)
{
	struct cmd a, b;
	char *t1, *t2;

	parse_ok(line, &a);
	t1 = canonical_of(&a);
	if (strcmp(t1, want))
		fail_msg("canonical of '%s' is '%s', expected '%s'", line, t1, want);
	parse_ok(t1, &b);
	assert_cmd_eq(&a, &b);
	t2 = canonical_of(&b);
	assert_string_equal(t1, t2);
	free(t1);
	free(t2);
	cmd_free(&a);
	cmd_free(&b);
}

/* parse(line) in a namespace (-n NS) has canonical text `want`, `ip
 * netns exec NS ...`, which parses back to a netns exec whose command is
 * the same struct. */
static void check_canonical_ns(const char *line, const char *want)
{
	struct cmd a, b;
	char *s;

	parse_ok(line, &a);
	s = canonical_of(&a);
	if (strcmp(s, want))
		fail_msg("canonical of '%s' is '%s', expected '%s'", line, s, want);
	parse_ok(s, &b);
	assert_int_equal(b.verb, CMD_NETNS_EXEC);
	assert_non_null(b.sub);
	assert_cmd_eq(&a, b.sub);
	free(s);
	cmd_free(&a);
	cmd_free(&b);
}

/* ---- defaults and the ip prefix ------------------------------------------ */

static void test_defaults(void **state)
{
	struct cmd c;

	(void)state;
	parse_ok("netns list", &c);
	assert_int_equal(c.verb, CMD_NETNS_LIST);
	assert_rest_default(&c, 0);
	assert_false(cmd_changes(&c));
	cmd_free(&c);
}

static void test_ip_prefix_and_options(void **state)
{
	static const char *const same[] = {
		"ip netns add vnet", "netns add vnet", "ip net add vnet",
		"ip netns a vnet", "  ip   netns\tadd  vnet  ",
	};
	static const char *const in_vnet[] = {
		"ip -n vnet link show", "-n vnet link show", "ip -netns vnet link",
		"ip --netns vnet l", "ip -ne vnet link list", "-net vnet li sh",
	};
	struct cmd c;

	(void)state;
	for (size_t k = 0; k < sizeof same / sizeof same[0]; k++) {
		parse_ok(same[k], &c);
		assert_int_equal(c.verb, CMD_NETNS_ADD);
		assert_string_equal(cname(&c), "vnet");
		assert_rest_default(&c, G_NAME);
		cmd_free(&c);
	}
	for (size_t k = 0; k < sizeof in_vnet / sizeof in_vnet[0]; k++) {
		parse_ok(in_vnet[k], &c);
		assert_int_equal(c.verb, CMD_LINK_SHOW);
		assert_string_equal(c.ns, "vnet");
		assert_rest_default(&c, G_NS);
		cmd_free(&c);
	}

	parse_ok("ip -6 route", &c);
	assert_int_equal(c.verb, CMD_ROUTE_SHOW);
	assert_int_equal(c.family, AF_INET6);
	assert_rest_default(&c, G_FAMILY);
	cmd_free(&c);

	parse_ok("ip -n vnet -4 addr", &c);
	assert_int_equal(c.verb, CMD_ADDR_SHOW);
	assert_int_equal(c.family, AF_INET);
	assert_string_equal(c.ns, "vnet");
	assert_rest_default(&c, G_FAMILY | G_NS);
	cmd_free(&c);

	parse_ok("ip -family inet6 -n x route show", &c);
	assert_int_equal(c.family, AF_INET6);
	assert_string_equal(c.ns, "x");
	cmd_free(&c);
}

/* iproute2's first-match order decides what an abbreviation means. */
/* ip's output options before the object: parsed into opts, written
 * back, refused where they mean nothing */
static void test_output_options_table(void **state)
{
	struct cmd c;

	(void)state;
	parse_ok("ip -br -s -s -d -o -j -p link", &c);
	assert_int_equal(c.verb, CMD_LINK_SHOW);
	assert_true(c.opts.brief);
	assert_int_equal(c.opts.stats, 2);
	assert_true(c.opts.details && c.opts.oneline && c.opts.json &&
	            c.opts.pretty);
	cmd_free(&c);
	check_canonical("ip -brief -stats -statistics -details -oneline -json "
	                "-pretty link", "ip -br -s -s -d -o -j -p link show");
	check_canonical("ip --json -n vnet addr", "ip -n vnet -j addr show");
	parse_ok("ip -0 addr", &c);
	assert_int_equal(c.family, AF_PACKET);
	assert_int_equal(c.opts.family, AF_PACKET);
	cmd_free(&c);
	parse_ok("ip -f link link", &c);
	assert_int_equal(c.family, AF_PACKET);
	cmd_free(&c);
	check_canonical("ip -family link addr", "ip -0 addr show");
	parse_ok("ip -6 -s route", &c);
	assert_int_equal(c.opts.family, AF_INET6);
	assert_int_equal(c.opts.stats, 1);
	cmd_free(&c);

	assert_int_equal(parse_line("ip -0 -4 addr", &c), -1);
	assert_string_equal(err, "-4: conflicts with -0");
	assert_int_equal(parse_line("ip -0 addr add 10.0.0.1/8 dev x", &c), -1);
	assert_non_null(strstr(err, "cannot go with -0"));
	assert_int_equal(parse_line("ip -j ping 10.0.0.1", &c), -1);
	assert_string_equal(err, "-j: not meaningful for ping (an option of "
	                    "ip's output)");
	assert_int_equal(parse_line("-br sysctl net.ipv4.ip_forward", &c), -1);
	assert_non_null(strstr(err, "-br: not meaningful for sysctl"));
	assert_int_equal(parse_line("ip -all link show", &c), -1);
	assert_string_equal(err, "-all: not meaningful for link (-all goes "
	                    "with netns exec and netns del)");
	assert_int_equal(parse_line("ip -x link", &c), -1);
	assert_non_null(strstr(err, "-x: unknown option"));
	assert_true(cmd_global_option("-br"));
	assert_true(cmd_global_option("--json"));
	assert_true(cmd_global_option("-n"));
	assert_false(cmd_global_option("-S"));
	assert_false(cmd_global_option("-b"));
	assert_false(cmd_global_option("-c"));
}

static void test_abbreviations(void **state)
{
	static const struct { const char *line; enum cmd_verb verb; } t[] = {
		{ "ip a", CMD_ADDR_SHOW }, { "ip ad", CMD_ADDR_SHOW },
		{ "ip addr", CMD_ADDR_SHOW }, { "ip address", CMD_ADDR_SHOW },
		{ "ip r", CMD_ROUTE_SHOW }, { "ip ro", CMD_ROUTE_SHOW },
		{ "ip rou", CMD_ROUTE_SHOW }, { "ip l", CMD_LINK_SHOW },
		{ "ip li", CMD_LINK_SHOW }, { "ip lin", CMD_LINK_SHOW },
		{ "ip net", CMD_NETNS_LIST }, { "ip netn", CMD_NETNS_LIST },
		{ "ip netns s", CMD_NETNS_LIST }, { "ip netns l", CMD_NETNS_LIST },
		{ "ip netns lst", CMD_NETNS_LIST },
		{ "ip netns d x", CMD_NETNS_DEL }, { "ip netns del x", CMD_NETNS_DEL },
		{ "ip netns delete x", CMD_NETNS_DEL },
		{ "ip netns p x", CMD_NETNS_PIDS }, { "ip netns i", CMD_NETNS_IDENTIFY },
		{ "ip netns e x true", CMD_NETNS_EXEC },
		{ "ip link s x up", CMD_LINK_SET }, { "ip link change x up", CMD_LINK_SET },
		{ "ip link c x up", CMD_LINK_SET }, { "ip link sh", CMD_LINK_SHOW },
		{ "ip link ls", CMD_LINK_SHOW }, { "ip link l", CMD_LINK_SHOW },
		{ "ip link d x", CMD_LINK_DEL }, { "ip link del x", CMD_LINK_DEL },
		{ "ip a a 10.0.0.1/8 dev x", CMD_ADDR_ADD },
		{ "ip a d 10.0.0.1/8 dev x", CMD_ADDR_DEL },
		{ "ip a s", CMD_ADDR_SHOW }, { "ip a l", CMD_ADDR_SHOW },
		{ "ip r a 10.0.0.0/8 dev x", CMD_ROUTE_ADD },
		{ "ip r d 10.0.0.0/8", CMD_ROUTE_DEL },
		{ "ip r s", CMD_ROUTE_SHOW }, { "ip r l", CMD_ROUTE_SHOW },
		{ "ip r g 10.0.0.1", CMD_ROUTE_GET },
		/* n, ne, nei... are neighbor, as in iproute2 */
		{ "ip n", CMD_NEIGH_SHOW }, { "ip ne", CMD_NEIGH_SHOW },
		{ "ip neigh", CMD_NEIGH_SHOW }, { "ip neighbor", CMD_NEIGH_SHOW },
		{ "ip neighbour", CMD_NEIGH_SHOW }, { "ip n s", CMD_NEIGH_SHOW },
		{ "ip n l", CMD_NEIGH_SHOW }, { "ip neigh ls", CMD_NEIGH_SHOW },
		{ "ip neigh list", CMD_NEIGH_SHOW },
		{ "ip net", CMD_NETNS_LIST },
	};
	struct cmd c;

	(void)state;
	for (size_t k = 0; k < sizeof t / sizeof t[0]; k++) {
		parse_ok(t[k].line, &c);
		if (c.verb != t[k].verb)
			fail_msg("'%s' parsed as verb %d, expected %d", t[k].line,
			         (int)c.verb, (int)t[k].verb);
		cmd_free(&c);
	}
	/* neigh abbreviations as ip reads them */
	parse_ok("ip n a 10.0.0.1 dev x", &c);
	assert_int_equal(c.verb, CMD_NEIGH_ADD);
	cmd_free(&c);
	parse_ok("ip neigh d 10.0.0.1 dev x", &c);
	assert_int_equal(c.verb, CMD_NEIGH_DEL);
	cmd_free(&c);
	parse_ok("ip n f dev x", &c);
	assert_int_equal(c.verb, CMD_NEIGH_FLUSH);
	cmd_free(&c);
	parse_ok("ip n chg 10.0.0.1 dev x", &c);
	assert_int_equal(c.verb, CMD_NEIGH_CHANGE);
	cmd_free(&c);
	assert_int_equal(parse_line("ip neigh f", &c), -1);
	assert_non_null(strstr(err, "missing what to flush"));
	/* ru is rule, not route; r r is route replace */
	parse_ok("ip ru", &c);
	assert_int_equal(c.verb, CMD_RULE_SHOW);
	cmd_free(&c);
	parse_ok("ip ru a from 10.0.0.0/8 lookup 100", &c);
	assert_int_equal(c.verb, CMD_RULE_ADD);
	cmd_free(&c);
	parse_ok("ip ru d pref 100", &c);
	assert_int_equal(c.verb, CMD_RULE_DEL);
	cmd_free(&c);
	parse_ok("ip r r 10.0.0.0/8 dev x", &c);
	assert_int_equal(c.verb, CMD_ROUTE_REPLACE);
	cmd_free(&c);
	parse_ok("ip r c 10.0.0.0/8 dev x", &c);
	assert_int_equal(c.verb, CMD_ROUTE_CHANGE);
	cmd_free(&c);
	parse_ok("ip r ap 10.0.0.0/8 dev x", &c);
	assert_int_equal(c.verb, CMD_ROUTE_APPEND);
	cmd_free(&c);
	parse_ok("ip r p 10.0.0.0/8 dev x", &c);
	assert_int_equal(c.verb, CMD_ROUTE_PREPEND);
	cmd_free(&c);
	parse_ok("ip a f dev x", &c);
	assert_int_equal(c.verb, CMD_ADDR_FLUSH);
	cmd_free(&c);
}

/* ---- netns ------------------------------------------------------------- */

static void test_netns(void **state)
{
	struct cmd c;

	(void)state;
	parse_ok("netns", &c);
	assert_int_equal(c.verb, CMD_NETNS_LIST);
	assert_rest_default(&c, 0);
	cmd_free(&c);

	parse_ok("ip netns show vnet", &c);
	assert_int_equal(c.verb, CMD_NETNS_LIST);
	assert_string_equal(cname(&c), "vnet");
	assert_rest_default(&c, G_NAME);
	cmd_free(&c);

	parse_ok("netns del vnet", &c);
	assert_int_equal(c.verb, CMD_NETNS_DEL);
	assert_string_equal(cname(&c), "vnet");
	assert_rest_default(&c, G_NAME);
	cmd_free(&c);

	parse_ok("netns pids vnet", &c);
	assert_int_equal(c.verb, CMD_NETNS_PIDS);
	assert_string_equal(cname(&c), "vnet");
	assert_rest_default(&c, G_NAME);
	cmd_free(&c);

	parse_ok("netns identify", &c);
	assert_int_equal(c.verb, CMD_NETNS_IDENTIFY);
	assert_rest_default(&c, 0);
	cmd_free(&c);

	/* ids are per namespace: list from inside one */
	parse_ok("ip -n vnet netns", &c);
	assert_int_equal(c.verb, CMD_NETNS_LIST);
	assert_string_equal(c.ns, "vnet");
	assert_rest_default(&c, G_NS);
	cmd_free(&c);

	/* identify from inside a namespace names that namespace */
	parse_ok("ip -n vnet netns identify", &c);
	assert_int_equal(c.verb, CMD_NETNS_IDENTIFY);
	assert_string_equal(c.ns, "vnet");
	assert_rest_default(&c, G_NS);
	cmd_free(&c);
	parse_ok("ip netns exec vnet ip netns identify", &c);
	assert_non_null(c.sub);
	assert_int_equal(c.sub->verb, CMD_NETNS_IDENTIFY);
	assert_string_equal(c.sub->ns, "vnet");
	cmd_free(&c);

	parse_ok("netns identify 14091", &c);
	assert_int_equal(c.verb, CMD_NETNS_IDENTIFY);
	assert_int_equal(c.u.netns.pid, 14091);
	assert_rest_default(&c, G_PID);
	cmd_free(&c);

	/* names iproute2 allows: blanks, dots, 255 characters */
	parse_ok("netns add 'my net.ns'", &c);
	assert_string_equal(cname(&c), "my net.ns");
	cmd_free(&c);
	{
		char line[300];
		memset(line, 0, sizeof line);
		strcpy(line, "netns add ");
		memset(line + 10, 'n', 255);
		parse_ok(line, &c);
		assert_int_equal(strlen(cname(&c)), 255);
		cmd_free(&c);
	}
}

/* netns attach, set, list-id and -all (issue 11) */
static void test_netns_ids(void **state)
{
	struct cmd c;

	(void)state;
	parse_ok("netns attach h 4242", &c);
	assert_int_equal(c.verb, CMD_NETNS_ATTACH);
	assert_string_equal(cname(&c), "h");
	assert_int_equal(c.u.netns.pid, 4242);
	assert_rest_default(&c, G_NAME | G_PID);
	cmd_free(&c);
	/* abbreviations in ip's order: `a` is add, `at` attach, `s` show */
	parse_ok("netns at h 7", &c);
	assert_int_equal(c.verb, CMD_NETNS_ATTACH);
	cmd_free(&c);
	parse_ok("netns s", &c);
	assert_int_equal(c.verb, CMD_NETNS_LIST);
	cmd_free(&c);
	parse_ok("netns se a 3", &c);
	assert_int_equal(c.verb, CMD_NETNS_SET);
	cmd_free(&c);
	parse_ok("netns list-", &c);
	assert_int_equal(c.verb, CMD_NETNS_LIST_ID);
	cmd_free(&c);

	parse_ok("netns set a 5", &c);
	assert_int_equal(c.verb, CMD_NETNS_SET);
	assert_string_equal(cname(&c), "a");
	assert_int_equal(c.u.netns.nsid, 5);
	assert_int_equal(c.u.netns.target_nsid, -1);
	assert_rest_default(&c, G_NAME | G_NSID);
	cmd_free(&c);
	parse_ok("ip -n b netns set a auto", &c);
	assert_int_equal(c.verb, CMD_NETNS_SET);
	assert_string_equal(c.ns, "b");
	assert_int_equal(c.u.netns.nsid, -1);
	assert_rest_default(&c, G_NAME | G_NS);
	cmd_free(&c);
	parse_ok("netns set a 0", &c);
	assert_int_equal(c.u.netns.nsid, 0);
	cmd_free(&c);
	parse_ok("netns set a 2147483647", &c);
	assert_int_equal(c.u.netns.nsid, 2147483647);
	cmd_free(&c);
	/* in a namespace: the numbers it gives */
	parse_ok("netns exec b ip netns set a 1", &c);
	assert_non_null(c.sub);
	assert_int_equal(c.sub->verb, CMD_NETNS_SET);
	assert_string_equal(c.sub->ns, "b");
	cmd_free(&c);

	parse_ok("netns list-id", &c);
	assert_int_equal(c.verb, CMD_NETNS_LIST_ID);
	assert_rest_default(&c, 0);
	cmd_free(&c);
	parse_ok("ip -n a netns list-id nsid 3 target-nsid 0", &c);
	assert_int_equal(c.verb, CMD_NETNS_LIST_ID);
	assert_string_equal(c.ns, "a");
	assert_int_equal(c.u.netns.nsid, 3);
	assert_int_equal(c.u.netns.target_nsid, 0);
	assert_rest_default(&c, G_NS | G_NSID);
	cmd_free(&c);
	parse_ok("-j -p netns list-id", &c);
	assert_true(c.opts.json);
	assert_true(c.opts.pretty);
	cmd_free(&c);

	parse_ok("ip -all netns del", &c);
	assert_int_equal(c.verb, CMD_NETNS_DEL);
	assert_true(c.all);
	assert_rest_default(&c, G_ALL);
	cmd_free(&c);
	parse_ok("-a netns exec echo hi", &c);
	assert_int_equal(c.verb, CMD_NETNS_EXEC);
	assert_true(c.all);
	assert_string_equal(cname(&c), "");
	assert_int_equal(c.exec_argc, 2);
	assert_string_equal(c.exec_argv[0], "echo");
	assert_string_equal(c.exec_argv[1], "hi");
	assert_null(c.sub);
	cmd_free(&c);
	/* ip's own commands run in-process, in each namespace */
	parse_ok("-all netns exec ip -br link", &c);
	assert_true(c.all);
	assert_non_null(c.sub);
	assert_int_equal(c.sub->verb, CMD_LINK_SHOW);
	assert_true(c.sub->opts.brief);
	assert_string_equal(c.sub->ns, "");
	assert_null(c.exec_argv);
	cmd_free(&c);
	/* ip accepts -all with list and ignores it */
	parse_ok("-all netns list", &c);
	assert_int_equal(c.verb, CMD_NETNS_LIST);
	cmd_free(&c);

	/* what changes and what does not */
	parse_ok("netns set a 1", &c);
	assert_true(cmd_changes(&c));
	cmd_free(&c);
	parse_ok("netns attach a 1", &c);
	assert_true(cmd_changes(&c));
	cmd_free(&c);
	parse_ok("netns list-id", &c);
	assert_false(cmd_changes(&c));
	cmd_free(&c);
	parse_ok("-all netns del", &c);
	assert_true(cmd_changes(&c));
	cmd_free(&c);
	parse_ok("-all netns exec ip link set lo up", &c);
	assert_true(cmd_changes(&c));
	cmd_free(&c);
	parse_ok("-all netns exec ip link", &c);
	assert_false(cmd_changes(&c));
	cmd_free(&c);
}

static void test_netns_exec_program(void **state)
{
	struct cmd c;

	(void)state;
	parse_ok("ip netns exec vnet tcpdump -i veth1 icmp -l", &c);
	assert_int_equal(c.verb, CMD_NETNS_EXEC);
	assert_string_equal(cname(&c), "vnet");
	assert_int_equal(c.exec_argc, 5);
	assert_non_null(c.exec_argv);
	assert_string_equal(c.exec_argv[0], "tcpdump");
	assert_string_equal(c.exec_argv[1], "-i");
	assert_string_equal(c.exec_argv[2], "veth1");
	assert_string_equal(c.exec_argv[3], "icmp");
	assert_string_equal(c.exec_argv[4], "-l");
	assert_null(c.exec_argv[5]);
	assert_null(c.sub);
	assert_false(cmd_changes(&c));
	assert_rest_default(&c, G_NAME | G_EXEC);
	cmd_free(&c);
	assert_null(c.exec_argv);
	assert_int_equal(c.exec_argc, 0);

	/* a path is a program, even when it is ip */
	parse_ok("netns exec vnet /usr/sbin/ip link", &c);
	assert_int_equal(c.exec_argc, 2);
	assert_string_equal(c.exec_argv[0], "/usr/sbin/ip");
	assert_null(c.sub);
	cmd_free(&c);

	/* words after the program are its own, even -n and ip */
	parse_ok("netns exec vnet sh -c 'ip -n x link; echo ok'", &c);
	assert_int_equal(c.exec_argc, 3);
	assert_string_equal(c.exec_argv[2], "ip -n x link; echo ok");
	cmd_free(&c);
}

static void test_netns_exec_sub(void **state)
{
	struct cmd c;

	(void)state;
	parse_ok("ip netns exec vnet ip link show veth1", &c);
	assert_int_equal(c.verb, CMD_NETNS_EXEC);
	assert_string_equal(cname(&c), "vnet");
	assert_int_equal(c.exec_argc, 0);
	assert_null(c.exec_argv);
	assert_non_null(c.sub);
	assert_int_equal(c.sub->verb, CMD_LINK_SHOW);
	assert_string_equal(c.sub->ns, "vnet");
	assert_string_equal(cname(c.sub), "veth1");
	assert_rest_default(c.sub, G_NS | G_NAME);
	assert_false(cmd_changes(&c));
	cmd_free(&c);
	assert_null(c.sub);

	parse_ok("ip netns exec vnet ip addr add 10.0.2.0/24 dev veth1", &c);
	assert_non_null(c.sub);
	assert_int_equal(c.sub->verb, CMD_ADDR_ADD);
	assert_string_equal(c.sub->ns, "vnet");
	assert_ip(&c.sub->u.addr.addr, AF_INET, "10.0.2.0");
	assert_int_equal(c.sub->u.addr.prefixlen, 24);
	assert_string_equal(cname(c.sub), "veth1");
	assert_true(cmd_changes(&c));
	cmd_free(&c);

	/* an object name right after the namespace is nsviz's own command */
	parse_ok("netns exec vnet route", &c);
	assert_non_null(c.sub);
	assert_int_equal(c.sub->verb, CMD_ROUTE_SHOW);
	assert_string_equal(c.sub->ns, "vnet");
	cmd_free(&c);

	parse_ok("netns exec vnet ping -c10 10.0.2.1", &c);
	assert_non_null(c.sub);
	assert_int_equal(c.sub->verb, CMD_PING);
	assert_string_equal(c.sub->ns, "vnet");
	assert_int_equal(c.sub->u.ping.count, 10);
	assert_ip(&c.sub->u.ping.target, AF_INET, "10.0.2.1");
	cmd_free(&c);

	parse_ok("netns exec vnet ip -6 route", &c);
	assert_non_null(c.sub);
	assert_int_equal(c.sub->family, AF_INET6);
	cmd_free(&c);
}

/* ---- link -------------------------------------------------------------- */

static void test_link_add(void **state)
{
	static const char *const forms[] = {
		"ip link add veth0 type veth peer name veth1",
		"link add name veth0 type veth peer name veth1",
		"link add veth0 type veth peer veth1",
		"link add dev veth0 type veth peer veth1",
		"l a veth0 type veth peer name veth1",
	};
	struct cmd c;

	(void)state;
	for (size_t k = 0; k < sizeof forms / sizeof forms[0]; k++) {
		parse_ok(forms[k], &c);
		assert_int_equal(c.verb, CMD_LINK_ADD);
		assert_string_equal(cname(&c), "veth0");
		assert_string_equal(c.u.link.peer, "veth1");
		assert_string_equal(c.u.link.peer_ns, "");
		assert_true(cmd_changes(&c));
		assert_rest_default(&c, G_NAME | G_PEER);
		cmd_free(&c);
	}

	parse_ok("ip -n a link add v0 type veth peer name v1 netns b", &c);
	assert_int_equal(c.verb, CMD_LINK_ADD);
	assert_string_equal(c.ns, "a");
	assert_string_equal(cname(&c), "v0");
	assert_string_equal(c.u.link.peer, "v1");
	assert_string_equal(c.u.link.peer_ns, "b");
	assert_rest_default(&c, G_NS | G_NAME | G_PEER);
	cmd_free(&c);

	/* same names are fine when the peer goes elsewhere */
	parse_ok("link add eth0 type veth peer name eth0 netns vnet", &c);
	assert_string_equal(c.u.link.peer, "eth0");
	assert_string_equal(c.u.link.peer_ns, "vnet");
	cmd_free(&c);

	/* 15 characters is the limit, and fits */
	parse_ok("link add veth01234567890 type veth peer name p", &c);
	assert_string_equal(cname(&c), "veth01234567890");
	cmd_free(&c);
}

static void test_link_set(void **state)
{
	struct cmd c;

	(void)state;
	parse_ok("ip link set veth0 up", &c);
	assert_int_equal(c.verb, CMD_LINK_SET);
	assert_string_equal(cname(&c), "veth0");
	assert_int_equal(c.u.link.up, 1);
	assert_true(cmd_changes(&c));
	assert_rest_default(&c, G_NAME | G_SET);
	assert_false(c.u.link.has_netns);
	assert_false(c.u.link.has_mtu);
	assert_false(c.u.link.has_mac);
	cmd_free(&c);

	parse_ok("link set dev veth0 down", &c);
	assert_string_equal(cname(&c), "veth0");
	assert_int_equal(c.u.link.up, 0);
	cmd_free(&c);

	parse_ok("ip link set veth1 netns vnet", &c);
	assert_int_equal(c.u.link.up, -1);
	assert_true(c.u.link.has_netns);
	assert_string_equal(c.u.link.netns, "vnet");
	assert_false(c.u.link.has_mtu);
	assert_false(c.u.link.has_mac);
	cmd_free(&c);

	parse_ok("link set veth1 mtu 1400 up", &c);
	assert_true(c.u.link.has_mtu);
	assert_int_equal(c.u.link.mtu, 1400);
	assert_int_equal(c.u.link.up, 1);
	cmd_free(&c);

	parse_ok("link set up dev veth1 address 0A:1b:2c:3d:4e:5F mtu 68", &c);
	assert_string_equal(cname(&c), "veth1");
	assert_int_equal(c.u.link.up, 1);
	assert_true(c.u.link.has_mac);
	{
		static const uint8_t mac[6] = { 0x0a, 0x1b, 0x2c, 0x3d, 0x4e, 0x5f };
		assert_memory_equal(c.u.link.mac, mac, 6);
	}
	assert_int_equal(c.u.link.mtu, 68);
	cmd_free(&c);

	parse_ok("link set x addr 2:0:0:0:0:1 mtu 65535", &c);
	{
		static const uint8_t mac[6] = { 2, 0, 0, 0, 0, 1 };
		assert_memory_equal(c.u.link.mac, mac, 6);
	}
	assert_int_equal(c.u.link.mtu, 65535);
	cmd_free(&c);

	parse_ok("ip -n vnet link set veth1 up", &c);
	assert_string_equal(c.ns, "vnet");
	assert_rest_default(&c, G_NS | G_NAME | G_SET);
	cmd_free(&c);
}

static void test_link_del_show(void **state)
{
	static const char *const dels[] = {
		"link del veth0", "link delete veth0", "link del dev veth0",
		"ip l d veth0",
	};
	static const char *const shows[] = {
		"link show veth0", "link show dev veth0", "link list veth0",
		"link ls veth0", "ip l sh veth0",
	};
	struct cmd c;

	(void)state;
	for (size_t k = 0; k < sizeof dels / sizeof dels[0]; k++) {
		parse_ok(dels[k], &c);
		assert_int_equal(c.verb, CMD_LINK_DEL);
		assert_string_equal(cname(&c), "veth0");
		assert_true(cmd_changes(&c));
		assert_rest_default(&c, G_NAME);
		cmd_free(&c);
	}
	for (size_t k = 0; k < sizeof shows / sizeof shows[0]; k++) {
		parse_ok(shows[k], &c);
		assert_int_equal(c.verb, CMD_LINK_SHOW);
		assert_string_equal(cname(&c), "veth0");
		assert_false(cmd_changes(&c));
		assert_rest_default(&c, G_NAME);
		cmd_free(&c);
	}
	parse_ok("link", &c);
	assert_int_equal(c.verb, CMD_LINK_SHOW);
	assert_rest_default(&c, 0);
	cmd_free(&c);
	parse_ok("link show", &c);
	assert_int_equal(c.verb, CMD_LINK_SHOW);
	assert_rest_default(&c, 0);
	cmd_free(&c);
}

/* ---- bridges ------------------------------------------------------------ */

static void test_link_bridge(void **state)
{
	static const char *const forms[] = {
		"ip link add br0 type bridge", "link add name br0 type bridge",
		"link add dev br0 type bridge", "l a br0 type bridge",
	};
	struct cmd c;

	(void)state;
	for (size_t k = 0; k < sizeof forms / sizeof forms[0]; k++) {
		parse_ok(forms[k], &c);
		assert_int_equal(c.verb, CMD_LINK_ADD);
		assert_string_equal(cname(&c), "br0");
		assert_true(cmd_changes(&c));
		assert_rest_default(&c, G_NAME);
		cmd_free(&c);
	}
	parse_ok("ip -n sw link add br0 type bridge", &c);
	assert_int_equal(c.verb, CMD_LINK_ADD);
	assert_string_equal(c.ns, "sw");
	assert_rest_default(&c, G_NS | G_NAME);
	cmd_free(&c);
	parse_ok("netns exec sw ip link add br0 type bridge", &c);
	assert_non_null(c.sub);
	assert_int_equal(c.sub->verb, CMD_LINK_ADD);
	assert_string_equal(c.sub->ns, "sw");
	assert_true(cmd_changes(&c));
	cmd_free(&c);
}

/* ---- bridges: type bridge|bridge_slave options, the bridge command ------- */

static void test_link_bridge_options(void **state)
{
	struct cmd c;
	const struct w_bropts *o;

	(void)state;
	parse_ok("link add br0 type bridge vlan_filtering 1 stp_state 0 "
	         "forward_delay 400 hello_time 100 max_age 1000 ageing_time 300 "
	         "priority 7 vlan_protocol 802.1ad vlan_default_pvid 0 "
	         "mcast_snooping 0", &c);
	assert_int_equal(c.verb, CMD_LINK_ADD);
	o = &c.u.link.bropts;
	assert_false(o->slave);
	assert_int_equal(o->n, 10);
	assert_int_equal(o->v[0].key, W_BR_VLAN_FILTERING);
	assert_int_equal(o->v[0].value, 1);
	assert_int_equal(o->v[2].key, W_BR_FORWARD_DELAY);
	assert_int_equal(o->v[2].value, 400);
	assert_int_equal(o->v[6].key, W_BR_PRIORITY);
	assert_int_equal(o->v[7].key, W_BR_VLAN_PROTOCOL);
	assert_int_equal(o->v[7].value, 0x88a8);
	assert_int_equal(o->v[9].key, W_BR_MCAST_SNOOPING);
	assert_true(cmd_changes(&c));
	cmd_free(&c);
	/* abbreviated as ip abbreviates them: in ip's order */
	parse_ok("l a br0 type bridge vlan 1 f 2 h 3 m 4 p 5 s 6", &c);
	o = &c.u.link.bropts;
	assert_int_equal(o->n, 6);
	assert_int_equal(o->v[0].key, W_BR_VLAN_FILTERING);
	assert_int_equal(o->v[1].key, W_BR_FORWARD_DELAY);
	assert_int_equal(o->v[2].key, W_BR_HELLO_TIME);
	assert_int_equal(o->v[3].key, W_BR_MAX_AGE);
	assert_int_equal(o->v[4].key, W_BR_PRIORITY);
	assert_int_equal(o->v[5].key, W_BR_STP_STATE);
	cmd_free(&c);
	parse_ok("link set v0 type bridge_slave learning off flood on state 3 "
	         "cost 9 priority 5 hairpin on isolated off", &c);
	assert_int_equal(c.verb, CMD_LINK_SET);
	assert_true(c.u.link.has_bropts);
	o = &c.u.link.bropts;
	assert_true(o->slave);
	assert_int_equal(o->n, 7);
	assert_int_equal(o->v[0].key, W_BRPORT_LEARNING);
	assert_int_equal(o->v[0].value, 0);
	assert_int_equal(o->v[1].key, W_BRPORT_FLOOD);
	assert_int_equal(o->v[1].value, 1);
	assert_int_equal(o->v[4].key, W_BRPORT_PRIORITY);
	cmd_free(&c);
	/* type comes last: everything after it is its options */
	parse_ok("link set br0 up type bridge stp_state 1", &c);
	assert_int_equal(c.u.link.up, 1);
	assert_int_equal(c.u.link.bropts.n, 1);
	cmd_free(&c);
}

static void test_bridge_command(void **state)
{
	struct cmd c;

	(void)state;
	parse_ok("bridge vlan add dev v0 vid 10 pvid untagged", &c);
	assert_int_equal(c.verb, CMD_BRIDGE_VLAN_ADD);
	assert_string_equal(c.u.bridge.dev, "v0");
	assert_int_equal(c.u.bridge.vid, 10);
	assert_int_equal(c.u.bridge.vid_end, 0);
	assert_true(c.u.bridge.pvid);
	assert_true(c.u.bridge.untagged);
	assert_false(c.u.bridge.self);
	assert_true(cmd_changes(&c));
	cmd_free(&c);
	parse_ok("bridge -n sw vlan d vid 20-30 dev br0 self master", &c);
	assert_int_equal(c.verb, CMD_BRIDGE_VLAN_DEL);
	assert_string_equal(c.ns, "sw");
	assert_int_equal(c.u.bridge.vid, 20);
	assert_int_equal(c.u.bridge.vid_end, 30);
	assert_true(c.u.bridge.self);
	assert_true(c.u.bridge.master);
	cmd_free(&c);
	parse_ok("bridge vlan", &c);
	assert_int_equal(c.verb, CMD_BRIDGE_VLAN_SHOW);
	assert_false(cmd_changes(&c));
	cmd_free(&c);
	parse_ok("bridge -j -p v s dev v0", &c);
	assert_int_equal(c.verb, CMD_BRIDGE_VLAN_SHOW);
	assert_true(c.opts.json);
	assert_true(c.opts.pretty);
	assert_string_equal(c.u.bridge.dev, "v0");
	cmd_free(&c);
	parse_ok("bridge fdb show br br0 brport v0", &c);
	assert_int_equal(c.verb, CMD_BRIDGE_FDB_SHOW);
	assert_string_equal(c.u.bridge.br, "br0");
	assert_string_equal(c.u.bridge.dev, "v0");
	cmd_free(&c);
	parse_ok("bridge -s -d l", &c);
	assert_int_equal(c.verb, CMD_BRIDGE_LINK_SHOW);
	assert_int_equal(c.opts.stats, 1);
	assert_true(c.opts.details);
	cmd_free(&c);
	/* inside netns exec, as `ip` is */
	parse_ok("netns exec sw bridge fdb", &c);
	assert_non_null(c.sub);
	assert_int_equal(c.sub->verb, CMD_BRIDGE_FDB_SHOW);
	assert_string_equal(c.sub->ns, "sw");
	cmd_free(&c);
	/* `link` after `bridge` is bridge's, and `vlan` is no ip object */
	parse_ok("link", &c);
	assert_int_equal(c.verb, CMD_LINK_SHOW);
	cmd_free(&c);
	assert_int_equal(parse_line("vlan show", &c), -1);
	assert_int_equal(parse_line("ip bridge vlan show", &c), -1);
	assert_int_equal(parse_line("ip -n sw bridge vlan show", &c), -1);
	parse_ok("nsviz -n sw bridge vlan show", &c);
	assert_string_equal(c.ns, "sw");
	assert_int_equal(c.verb, CMD_BRIDGE_VLAN_SHOW);
	cmd_free(&c);
	assert_null(cmd_keyword(NULL, "vlan"));
	assert_string_equal(cmd_keyword("bridge vlan", "d"), "delete");
	assert_string_equal(cmd_keyword("bridge fdb", "s"), "show");
	assert_null(cmd_keyword("bridge link", "set"));
	assert_null(cmd_keyword("vlan", "add"));
}

static void test_link_set_master(void **state)
{
	struct cmd c;

	(void)state;
	parse_ok("ip link set veth0 master br0", &c);
	assert_int_equal(c.verb, CMD_LINK_SET);
	assert_string_equal(cname(&c), "veth0");
	assert_true(c.u.link.has_master);
	assert_string_equal(c.u.link.master, "br0");
	assert_false(c.u.link.nomaster);
	assert_true(cmd_changes(&c));
	assert_rest_default(&c, G_NAME | G_SET);
	assert_int_equal(c.u.link.up, -1);
	assert_false(c.u.link.has_mtu);
	cmd_free(&c);

	parse_ok("link set dev veth0 nomaster", &c);
	assert_string_equal(cname(&c), "veth0");
	assert_false(c.u.link.has_master);
	assert_true(c.u.link.nomaster);
	cmd_free(&c);

	/* with the other settings, in any order */
	parse_ok("link set master br0 up dev veth0 mtu 1400", &c);
	assert_string_equal(cname(&c), "veth0");
	assert_string_equal(c.u.link.master, "br0");
	assert_int_equal(c.u.link.up, 1);
	assert_int_equal(c.u.link.mtu, 1400);
	cmd_free(&c);
	parse_ok("ip -n sw link set veth0 nomaster down netns other", &c);
	assert_string_equal(c.ns, "sw");
	assert_true(c.u.link.nomaster);
	assert_int_equal(c.u.link.up, 0);
	assert_string_equal(c.u.link.netns, "other");
	cmd_free(&c);
	/* a bridge may be called anything an interface may */
	parse_ok("link set x master up", &c);
	assert_string_equal(c.u.link.master, "up");
	assert_int_equal(c.u.link.up, -1);
	cmd_free(&c);
}

/* ---- neigh --------------------------------------------------------------- */

/* link add for the kinds of kernel/linkkind.c, and the link set and
 * link show words of issue 11 (linkkinds) */
static void test_link_kinds(void **state)
{
	struct cmd c;

	(void)state;
	parse_ok("ip link add link veth0 name veth0.10 type vlan id 10", &c);
	assert_int_equal(c.verb, CMD_LINK_ADD);
	assert_string_equal(c.u.link.kind, "vlan");
	assert_string_equal(c.u.link.link, "veth0");
	assert_string_equal(c.u.link.name, "veth0.10");
	assert_int_equal(c.u.link.vlan_id, 10);
	assert_int_equal(c.u.link.vlan_proto, 0);
	assert_true(c.u.link.kind_opts);
	assert_rest_default(&c, G_NAME);
	parse_ok("link add name v link veth0 type vlan proto 802.1AD i 4094", &c);
	assert_int_equal(c.u.link.vlan_proto, 0x88a8);
	assert_int_equal(c.u.link.vlan_id, 4094);
	parse_ok("link add link veth0 mv0 type macvlan", &c);
	assert_string_equal(c.u.link.name, "mv0");
	assert_false(c.u.link.kind_opts);
	assert_int_equal(c.u.link.macvlan_mode, 0);
	parse_ok("link add link veth0 name mv0 type macvlan mode passthru", &c);
	assert_int_equal(c.u.link.macvlan_mode, MACVLAN_MODE_PASSTHRU);
	parse_ok("link add link veth0 name i type ipvlan m l3s v", &c);
	assert_int_equal(c.u.link.ipvlan_mode, IPVLAN_MODE_L3S);
	assert_int_equal(c.u.link.ipvlan_flags, IPVLAN_F_VEPA);
	parse_ok("link add d0 type dummy", &c);
	assert_string_equal(c.u.link.kind, "dummy");
	assert_false(c.u.link.kind_opts);
	parse_ok("link add vx0 type vxlan id 42 remote 10.0.0.2 local 10.0.0.1 "
	         "ds 4789 d veth0 t 10", &c);
	assert_true(c.u.link.has_vni);
	assert_int_equal(c.u.link.vni, 42);
	assert_ip(&c.u.link.vx_remote, AF_INET, "10.0.0.2");
	assert_false(c.u.link.vx_group);
	assert_ip(&c.u.link.vx_local, AF_INET, "10.0.0.1");
	assert_string_equal(c.u.link.vx_dev, "veth0");
	assert_int_equal(c.u.link.vx_ttl, 10);
	assert_int_equal(c.u.link.vx_dstport, 4789);
	parse_ok("link add vx1 type vxlan vni 43 group ff05::1 dev veth0", &c);
	assert_true(c.u.link.vx_group);
	assert_int_equal(c.u.link.vx_ttl, -1);
	assert_int_equal(c.u.link.vx_dstport, -1);
	parse_ok("link set veth1 name v1 alias 'a b' qlen 5 promisc on arp off", &c);
	assert_int_equal(c.verb, CMD_LINK_SET);
	assert_true(c.u.link.has_newname);
	assert_string_equal(c.u.link.newname, "v1");
	assert_true(c.u.link.has_alias);
	assert_string_equal(c.u.link.alias, "a b");
	assert_int_equal(c.u.link.txqlen, 5);
	assert_int_equal(c.u.link.promisc, 1);
	assert_int_equal(c.u.link.arp, 0);
	assert_int_equal(c.u.link.up, -1);
	parse_ok("link set x alias ''", &c);
	assert_true(c.u.link.has_alias);
	assert_string_equal(c.u.link.alias, "");
	parse_ok("link show up type bridge_slave", &c);
	assert_int_equal(c.verb, CMD_LINK_SHOW);
	assert_true(c.u.link.show_up);
	assert_string_equal(c.u.link.show_type, "bridge_slave");
	assert_string_equal(c.u.link.name, "");
	parse_ok("link show type veth dev veth0", &c);
	assert_string_equal(c.u.link.name, "veth0");
	assert_false(c.u.link.show_up);
	cmd_free(&c);

	/* canonical text: ip's words in one order (kernel/linkkind.c sends
	 * what ip sends for exactly this text), and back again */
	check_canonical("ip link add link veth0 name veth0.10 type vlan id 10",
	                "ip link add link veth0 name veth0.10 type vlan id 10");
	check_canonical("link add name v link veth0 type vlan proto 802.1AD i 20",
	                "ip link add link veth0 name v type vlan id 20 protocol 802.1ad");
	check_canonical("link add link veth0 v type vlan protocol 802.1q id 0",
	                "ip link add link veth0 name v type vlan id 0 protocol 802.1Q");
	check_canonical("link add link veth0 name mv0 type macvlan mode bridge",
	                "ip link add link veth0 name mv0 type macvlan mode bridge");
	check_canonical("link add link veth0 mv1 type macvlan",
	                "ip link add link veth0 name mv1 type macvlan");
	check_canonical("link add link veth0 name i type ipvlan mode l2",
	                "ip link add link veth0 name i type ipvlan mode l2");
	check_canonical("link add link veth0 name i type ipvlan p m l3",
	                "ip link add link veth0 name i type ipvlan mode l3 private");
	check_canonical("link add link veth0 name i type ipvlan",
	                "ip link add link veth0 name i type ipvlan");
	check_canonical("link add d0 type dummy", "ip link add d0 type dummy");
	check_canonical("link add name up type dummy",
	                "ip link add name up type dummy");
	check_canonical("ip -n a link add vx0 type vxlan id 42 remote 10.0.0.2 "
	                "local 10.0.0.1 dstport 4789 dev veth0 ttl 10",
	                "ip -n a link add vx0 type vxlan id 42 remote 10.0.0.2 "
	                "local 10.0.0.1 dev veth0 ttl 10 dstport 4789");
	check_canonical("link add vx1 type vxlan vni 43 group 239.1.1.1 dev veth0",
	                "ip link add vx1 type vxlan id 43 group 239.1.1.1 dev veth0");
	check_canonical("link add vx2 type vxlan id 44 loc fd00::1 rem fd00::2 "
	                "hoplimit auto ds 0",
	                "ip link add vx2 type vxlan id 44 remote fd00::2 local "
	                "fd00::1 ttl auto dstport 0");
	check_canonical("link set dev veth1 name v1 alias 'hello there' "
	                "txqueuelen 500 promisc on arp off up",
	                "ip link set veth1 txqueuelen 500 alias 'hello there' up "
	                "promisc on arp off name v1");
	check_canonical("link set veth1 txqlen 0 alias ''",
	                "ip link set veth1 txqueuelen 0 alias ''");
	check_canonical("link set veth1 netns b mtu 1400 name v2 qlen 7",
	                "ip link set veth1 netns b mtu 1400 txqueuelen 7 name v2");
	check_canonical("link set veth1 master br0 qlen 7 alias x",
	                "ip link set veth1 txqueuelen 7 alias x master br0");
	check_canonical("link set dev alias up", "ip link set dev alias up");
	check_canonical("link set dev link arp on", "ip link set dev link arp on");
	check_canonical("link show up", "ip link show up");
	check_canonical("link show type bridge up dev br0",
	                "ip link show br0 up type bridge");
	check_canonical("link show type bridge_slave", "ip link show type bridge_slave");
}

static void test_neigh(void **state)
{
	static const char *const all[] = {
		"neigh", "neigh show", "ip neighbor list", "ip neighbour lst",
		"ip n", "ip ne sh", "n s",
	};
	struct cmd c;

	(void)state;
	for (size_t k = 0; k < sizeof all / sizeof all[0]; k++) {
		parse_ok(all[k], &c);
		assert_int_equal(c.verb, CMD_NEIGH_SHOW);
		assert_false(cmd_changes(&c));
		assert_rest_default(&c, 0);
		cmd_free(&c);
	}
	parse_ok("ip -n vnet -6 neigh show dev veth1", &c);
	assert_int_equal(c.verb, CMD_NEIGH_SHOW);
	assert_string_equal(c.ns, "vnet");
	assert_int_equal(c.family, AF_INET6);
	assert_string_equal(cname(&c), "veth1");
	assert_rest_default(&c, G_NS | G_FAMILY | G_NAME);
	cmd_free(&c);
	parse_ok("netns exec vnet neigh", &c);
	assert_non_null(c.sub);
	assert_int_equal(c.sub->verb, CMD_NEIGH_SHOW);
	assert_string_equal(c.sub->ns, "vnet");
	cmd_free(&c);
}

/* ---- sysctl -------------------------------------------------------------- */

static void test_sysctl(void **state)
{
	struct cmd c;

	(void)state;
	parse_ok("sysctl net.ipv4.ip_forward", &c);
	assert_int_equal(c.verb, CMD_SYSCTL);
	assert_string_equal(c.u.sysctl.key, "net.ipv4.ip_forward");
	assert_false(c.u.sysctl.write);
	assert_false(cmd_changes(&c));
	assert_rest_default(&c, G_SYSCTL);
	cmd_free(&c);

	parse_ok("-n router sysctl -w net.ipv4.ip_forward=1", &c);
	assert_int_equal(c.verb, CMD_SYSCTL);
	assert_string_equal(c.ns, "router");
	assert_string_equal(c.u.sysctl.key, "net.ipv4.ip_forward");
	assert_true(c.u.sysctl.write);
	assert_string_equal(c.u.sysctl.value, "1");
	assert_true(cmd_changes(&c));
	assert_rest_default(&c, G_NS | G_SYSCTL);
	cmd_free(&c);

	/* KEY=VALUE writes without -w too, as with sysctl(8) */
	parse_ok("sysctl net.ipv6.conf.all.forwarding=1", &c);
	assert_true(c.u.sysctl.write);
	assert_string_equal(c.u.sysctl.key, "net.ipv6.conf.all.forwarding");
	assert_string_equal(c.u.sysctl.value, "1");
	cmd_free(&c);

	/* -n prints the value alone, -q nothing; flags may be joined; a
	 * value may hold blanks and '=' */
	parse_ok("sysctl -nq -w 'net.ipv4.ping_group_range=0 2147483647'", &c);
	assert_true(c.u.sysctl.values_only);
	assert_true(c.u.sysctl.quiet);
	assert_string_equal(c.u.sysctl.value, "0 2147483647");
	cmd_free(&c);
	parse_ok("sysctl -w net.x.y=a=b", &c);
	assert_string_equal(c.u.sysctl.key, "net.x.y");
	assert_string_equal(c.u.sysctl.value, "a=b");
	cmd_free(&c);
	parse_ok("sysctl -n net.ipv4.conf.veth0.forwarding", &c);
	assert_true(c.u.sysctl.values_only);
	assert_false(c.u.sysctl.write);
	cmd_free(&c);

	/* the canonical spelling in a namespace reads back in-process */
	parse_ok("ip netns exec router sysctl -w net.ipv4.ip_forward=1", &c);
	assert_int_equal(c.verb, CMD_NETNS_EXEC);
	assert_non_null(c.sub);
	assert_int_equal(c.sub->verb, CMD_SYSCTL);
	assert_string_equal(c.sub->ns, "router");
	assert_true(cmd_changes(&c));
	cmd_free(&c);
}

/* ---- addr -------------------------------------------------------------- */

static void test_addr(void **state)
{
	struct cmd c;

	(void)state;
	parse_ok("ip addr add 10.0.1.0/24 dev veth0", &c);
	assert_int_equal(c.verb, CMD_ADDR_ADD);
	assert_ip(&c.u.addr.addr, AF_INET, "10.0.1.0");
	assert_int_equal(c.u.addr.prefixlen, 24);
	assert_string_equal(cname(&c), "veth0");
	assert_true(cmd_changes(&c));
	assert_rest_default(&c, G_ADDR);
	cmd_free(&c);

	parse_ok("ip -n vnet address del 10.0.2.0/24 dev veth1", &c);
	assert_int_equal(c.verb, CMD_ADDR_DEL);
	assert_string_equal(c.ns, "vnet");
	assert_ip(&c.u.addr.addr, AF_INET, "10.0.2.0");
	assert_int_equal(c.u.addr.prefixlen, 24);
	assert_string_equal(cname(&c), "veth1");
	assert_rest_default(&c, G_ADDR | G_NS);
	cmd_free(&c);

	/* without /len: a host address */
	parse_ok("a a 10.0.1.1 dev veth0", &c);
	assert_int_equal(c.u.addr.prefixlen, 32);
	cmd_free(&c);
	parse_ok("addr add fe80::1 dev veth0", &c);
	assert_ip(&c.u.addr.addr, AF_INET6, "fe80::1");
	assert_int_equal(c.u.addr.prefixlen, 128);
	cmd_free(&c);
	parse_ok("addr add fe80::1/64 dev veth0", &c);
	assert_int_equal(c.u.addr.prefixlen, 64);
	cmd_free(&c);

	/* dev first, and the local keyword */
	parse_ok("addr add dev veth0 local 192.168.7.9/0", &c);
	assert_ip(&c.u.addr.addr, AF_INET, "192.168.7.9");
	assert_int_equal(c.u.addr.prefixlen, 0);
	assert_string_equal(cname(&c), "veth0");
	cmd_free(&c);

	parse_ok("ip -6 addr add 2001:db8::5/64 dev x", &c);
	assert_int_equal(c.family, AF_INET6);
	cmd_free(&c);

	parse_ok("addr", &c);
	assert_int_equal(c.verb, CMD_ADDR_SHOW);
	assert_rest_default(&c, 0);
	cmd_free(&c);

	parse_ok("ip addr show veth0", &c);
	assert_int_equal(c.verb, CMD_ADDR_SHOW);
	assert_string_equal(cname(&c), "veth0");
	assert_string_equal(cname(&c), "veth0");
	assert_false(cmd_changes(&c));
	assert_rest_default(&c, G_NAME | G_DEV);
	cmd_free(&c);

	parse_ok("ip addr show dev veth0", &c);
	assert_string_equal(cname(&c), "veth0");
	cmd_free(&c);
}

/* issue 14: ipaddr_modify()'s options */
static void test_addr_options(void **state)
{
	struct cmd c;

	(void)state;
	parse_ok("addr add 10.0.0.1/24 brd 10.0.0.255 dev a", &c);
	assert_int_equal(c.u.addr.brd, 1);
	assert_ip(&c.u.addr.brd_ip, AF_INET, "10.0.0.255");
	assert_int_equal(c.u.addr.scope, -1);
	cmd_free(&c);
	parse_ok("addr add 10.0.0.1/24 b + dev a", &c);
	assert_int_equal(c.u.addr.brd, '+');
	cmd_free(&c);
	parse_ok("addr add 10.0.1.1/32 peer 10.0.1.2/32 dev a", &c);
	assert_true(c.u.addr.has_peer);
	assert_ip(&c.u.addr.peer, AF_INET, "10.0.1.2");
	assert_int_equal(c.u.addr.peer_len, 32);
	cmd_free(&c);
	/* a peer without /len is a host */
	parse_ok("addr add 10.0.1.1 remote 10.0.1.2 dev a", &c);
	assert_int_equal(c.u.addr.peer_len, 32);
	cmd_free(&c);
	parse_ok("addr add 2001:db8::5/64 nodad noprefixroute dev a", &c);
	assert_int_equal(c.u.addr.flags, IFA_F_NODAD | IFA_F_NOPREFIXROUTE);
	cmd_free(&c);
	parse_ok("addr add 2001:db8::5/64 home mngtmpaddr dev a", &c);
	assert_int_equal(c.u.addr.flags, IFA_F_HOMEADDRESS |
	                 IFA_F_MANAGETEMPADDR);
	cmd_free(&c);
	parse_ok("addr add 10.0.2.1/24 metric 5 dev a", &c);
	assert_true(c.u.addr.has_metric);
	assert_int_equal(c.u.addr.metric, 5);
	cmd_free(&c);
	/* matches(): p is priority, pre preference, v valid_lft */
	parse_ok("addr add 10.0.2.1/24 p 0x10 dev a", &c);
	assert_int_equal(c.u.addr.metric, 16);
	cmd_free(&c);
	parse_ok("addr add 10.0.2.1/24 dev a scope host label a:x", &c);
	assert_int_equal(c.u.addr.scope, 254);
	assert_string_equal(c.u.addr.label, "a:x");
	cmd_free(&c);
	parse_ok("addr add 10.0.2.1/24 dev a scope 7 label a", &c);
	assert_int_equal(c.u.addr.scope, 7);
	cmd_free(&c);
	/* IPv6 has no labels: the kernel ignores one, as for ip */
	parse_ok("addr add 2001:db8::1/64 dev a label b", &c);
	cmd_free(&c);
	parse_ok("addr add 10.0.3.1/24 dev a v 100 preferred_lft 50", &c);
	assert_true(c.u.addr.has_valid);
	assert_int_equal(c.u.addr.valid_lft, 100);
	assert_true(c.u.addr.has_preferred);
	assert_int_equal(c.u.addr.preferred_lft, 50);
	cmd_free(&c);
	parse_ok("addr add 10.0.3.1/24 dev a preferred_lft 50", &c);
	assert_false(c.u.addr.has_valid);
	cmd_free(&c);
	parse_ok("addr add 10.0.3.1/24 dev a valid_lft forever", &c);
	assert_int_equal(c.u.addr.valid_lft, 0xffffffffu);
	cmd_free(&c);
	parse_ok("addr del 10.0.1.1/32 peer 10.0.1.2/32 dev a", &c);
	assert_int_equal(c.verb, CMD_ADDR_DEL);
	assert_true(c.u.addr.has_peer);
	cmd_free(&c);
}

static void test_route_nexthops(void **state)
{
	struct cmd c;

	(void)state;
	parse_ok("route add 10.9.0.0/16 nexthop via 10.0.0.2 dev a weight 2 "
	         "nexthop via 10.0.0.3 dev a", &c);
	assert_int_equal(c.u.route.nnh, 2);
	assert_true(c.u.route.nh[0].has_via);
	assert_ip(&c.u.route.nh[0].via, AF_INET, "10.0.0.2");
	assert_string_equal(c.u.route.nh[0].dev, "a");
	assert_int_equal(c.u.route.nh[0].weight, 2);
	assert_ip(&c.u.route.nh[1].via, AF_INET, "10.0.0.3");
	assert_int_equal(c.u.route.nh[1].weight, 0);
	assert_false(c.u.route.has_dev);
	cmd_free(&c);
	parse_ok("route add 10.8.0.0/16 via 10.5.5.5 dev a onlink", &c);
	assert_true(c.u.route.onlink);
	assert_int_equal(c.u.route.nnh, 0);
	cmd_free(&c);
	parse_ok("route add 10.7.0.0/16 nexthop via 10.5.5.5 dev a onlink "
	         "nexthop dev b weight 256", &c);
	assert_true(c.u.route.nh[0].onlink);
	assert_false(c.u.route.nh[1].has_via);
	assert_string_equal(c.u.route.nh[1].dev, "b");
	assert_int_equal(c.u.route.nh[1].weight, 256);
	cmd_free(&c);
	/* default takes its family from the first next hop */
	parse_ok("route add default nexthop via fd00::1 dev a", &c);
	assert_int_equal(c.u.route.dst.family, AF_INET6);
	cmd_free(&c);
	parse_ok("route del 10.9.0.0/16 nexthop via 10.0.0.2", &c);
	assert_int_equal(c.verb, CMD_ROUTE_DEL);
	assert_int_equal(c.u.route.nnh, 1);
	cmd_free(&c);
}

static void test_canonical_opts(void **state)
{
	static const struct { const char *in, *out; } t[] = {
		{ "addr add 10.0.0.1/24 brd 10.0.0.255 dev a",
		  "ip addr add 10.0.0.1/24 brd 10.0.0.255 dev a" },
		{ "addr add 10.0.0.1/24 broadcast + dev a",
		  "ip addr add 10.0.0.1/24 brd + dev a" },
		{ "addr add 10.0.0.1/24 dev a brd -",
		  "ip addr add 10.0.0.1/24 brd - dev a" },
		{ "addr add 10.0.1.1/32 peer 10.0.1.2/32 dev a",
		  "ip addr add 10.0.1.1/32 peer 10.0.1.2/32 dev a" },
		{ "addr add 10.0.1.1 dev a remote 10.0.1.0/24",
		  "ip addr add 10.0.1.1/32 peer 10.0.1.0/24 dev a" },
		{ "addr add 2001:db8::5/64 nodad dev a",
		  "ip addr add 2001:db8::5/64 dev a nodad" },
		{ "addr add dev a noprefixroute mngtmpaddr home nodad "
		  "2001:db8::5/64",
		  "ip addr add 2001:db8::5/64 dev a home nodad mngtmpaddr "
		  "noprefixroute" },
		{ "addr add 10.0.2.1/24 metric 5 dev a",
		  "ip addr add 10.0.2.1/24 metric 5 dev a" },
		{ "addr add 10.0.2.1/24 pref 0x5 dev a",
		  "ip addr add 10.0.2.1/24 metric 5 dev a" },
		{ "addr add 10.0.2.1/24 dev a scope link label a:1",
		  "ip addr add 10.0.2.1/24 label a:1 scope link dev a" },
		{ "addr add 10.0.2.1/24 dev a scope 9",
		  "ip addr add 10.0.2.1/24 scope 9 dev a" },
		{ "addr add 10.0.2.1/24 dev a scope global",
		  "ip addr add 10.0.2.1/24 scope global dev a" },
		{ "addr add 10.0.3.1/24 preferred_lft 50 valid_lft 100 dev a",
		  "ip addr add 10.0.3.1/24 dev a valid_lft 100 preferred_lft 50" },
		{ "addr add 10.0.3.1/24 valid_lft forever dev a",
		  "ip addr add 10.0.3.1/24 dev a valid_lft forever" },
		{ "addr add 10.0.3.1/24 preferred_lft 0 dev a",
		  "ip addr add 10.0.3.1/24 dev a preferred_lft 0" },
		{ "-n x addr del 10.0.1.1/32 peer 10.0.1.2/32 dev a",
		  "ip -n x addr del 10.0.1.1/32 peer 10.0.1.2/32 dev a" },
		{ "route add 10.9.0.0/16 nexthop via 10.0.0.2 dev a weight 2 "
		  "nexthop via 10.0.0.3 dev a",
		  "ip route add 10.9.0.0/16 nexthop via 10.0.0.2 dev a weight 2 "
		  "nexthop via 10.0.0.3 dev a" },
		{ "route add 10.9.0.0/16 proto static table 5 nexthop dev a "
		  "onlink weight 1 via 10.0.0.2",
		  "ip route add 10.9.0.0/16 table 5 proto static nexthop via "
		  "10.0.0.2 dev a weight 1 onlink" },
		{ "route add 10.8.0.0/16 onlink via 10.5.5.5 dev a",
		  "ip route add 10.8.0.0/16 via 10.5.5.5 dev a onlink" },
		{ "route replace 10.8.0.0/16 via 10.5.5.5 dev a onlink metric 3",
		  "ip route replace 10.8.0.0/16 via 10.5.5.5 dev a onlink metric 3" },
		{ "-6 route append default nexthop via fe80::1 dev a",
		  "ip -6 route append default nexthop via fe80::1 dev a" },
		{ "route prepend 10.9.0.0/16 nexthop dev a",
		  "ip route prepend 10.9.0.0/16 nexthop dev a" },
		{ "route change 10.9.0.0/16 nexthop via 10.0.0.2",
		  "ip route change 10.9.0.0/16 nexthop via 10.0.0.2" },
		{ "route del 10.9.0.0/16 nexthop via 10.0.0.2",
		  "ip route del 10.9.0.0/16 nexthop via 10.0.0.2" },
		/* a gateway of the other family (RTA_VIA) */
		{ "route add 10.30.0.0/16 via inet6 fe80::1 dev a",
		  "ip route add 10.30.0.0/16 via inet6 fe80::1 dev a" },
		{ "route add 10.30.0.0/16 via inet 10.0.0.1",
		  "ip route add 10.30.0.0/16 via 10.0.0.1" },
		{ "route add 10.31.0.0/16 nexthop via inet6 fe80::2 dev a "
		  "nexthop via inet 10.0.0.2 dev a",
		  "ip route add 10.31.0.0/16 nexthop via inet6 fe80::2 dev a "
		  "nexthop via 10.0.0.2 dev a" },
		{ "-4 route add default via inet6 fe80::1 dev a",
		  "ip -4 route add default via inet6 fe80::1 dev a" },
		/* what nsviz save writes: tos, mtu, pref */
		{ "route add 10.2.0.0/16 via 10.0.0.2 tos 16 mtu 1300",
		  "ip route add 10.2.0.0/16 tos 0x10 via 10.0.0.2 mtu 1300" },
		{ "route del 10.2.0.0/16 ds 0x10",
		  "ip route del 10.2.0.0/16 tos 0x10" },
		{ "-6 route add 2001:db8:a::/48 pref high via fe80::1 dev a",
		  "ip -6 route add 2001:db8:a::/48 via fe80::1 dev a pref high" },
		{ "-6 route add 2001:db8:a::/48 dev a pref low mtu 1280 nexthop "
		  "dev b",
		  "ip -6 route add 2001:db8:a::/48 dev a mtu 1280 pref low "
		  "nexthop dev b" },
		{ "-6 route replace default dev a pref medium",
		  "ip -6 route replace default dev a pref medium" },
	};

	(void)state;
	for (size_t k = 0; k < sizeof t / sizeof t[0]; k++)
		check_canonical(t[k].in, t[k].out);
}

/* ---- route ------------------------------------------------------------- */

static void test_route_add(void **state)
{
	struct cmd c;

	(void)state;
	parse_ok("ip route add 10.0.2.0/24 dev veth0 scope link", &c);
	assert_int_equal(c.verb, CMD_ROUTE_ADD);
	assert_false(c.u.route.is_default);
	assert_ip(&c.u.route.dst, AF_INET, "10.0.2.0");
	assert_int_equal(c.u.route.dst_len, 24);
	assert_false(c.u.route.has_via);
	assert_true(c.u.route.has_dev);
	assert_string_equal(c.u.route.dev, "veth0");
	assert_int_equal(c.u.route.scope, RT_SCOPE_LINK);
	assert_false(c.u.route.has_src);
	assert_false(c.u.route.has_metric);
	assert_true(cmd_changes(&c));
	assert_rest_default(&c, G_ROUTE);
	cmd_free(&c);

	/* the tutorial's host route, written without /32 */
	parse_ok("ip netns exec vnet ip route add 10.0.1.0 dev veth1 scope link",
	         &c);
	assert_non_null(c.sub);
	assert_int_equal(c.sub->verb, CMD_ROUTE_ADD);
	assert_string_equal(c.sub->ns, "vnet");
	assert_ip(&c.sub->u.route.dst, AF_INET, "10.0.1.0");
	assert_int_equal(c.sub->u.route.dst_len, -1);
	assert_string_equal(c.sub->u.route.dev, "veth1");
	assert_rest_default(c.sub, G_ROUTE | G_NS);
	cmd_free(&c);

	parse_ok("route add default via 10.0.1.1", &c);
	assert_true(c.u.route.is_default);
	assert_int_equal(c.u.route.dst.family, AF_INET);
	assert_int_equal(c.u.route.dst_len, 0);
	assert_true(c.u.route.has_via);
	assert_ip(&c.u.route.via, AF_INET, "10.0.1.1");
	assert_false(c.u.route.has_dev);
	assert_int_equal(c.u.route.scope, -1);
	cmd_free(&c);

	/* a default route's family: from -6, else from the gateway */
	parse_ok("ip -6 route add default dev veth0", &c);
	assert_true(c.u.route.is_default);
	assert_int_equal(c.u.route.dst.family, AF_INET6);
	assert_int_equal(c.family, AF_INET6);
	cmd_free(&c);
	parse_ok("route add default via fe80::1 dev veth0", &c);
	assert_int_equal(c.u.route.dst.family, AF_INET6);
	assert_int_equal(c.family, 0);
	assert_ip(&c.u.route.via, AF_INET6, "fe80::1");
	cmd_free(&c);
	parse_ok("route add default dev veth0", &c);
	assert_int_equal(c.u.route.dst.family, AF_INET);
	cmd_free(&c);

	parse_ok("r a 10.9.0.0/16 via 10.0.1.1 dev veth0 scope global "
	         "src 10.0.1.0 metric 100", &c);
	assert_ip(&c.u.route.dst, AF_INET, "10.9.0.0");
	assert_int_equal(c.u.route.dst_len, 16);
	assert_ip(&c.u.route.via, AF_INET, "10.0.1.1");
	assert_string_equal(c.u.route.dev, "veth0");
	assert_int_equal(c.u.route.scope, RT_SCOPE_UNIVERSE);
	assert_true(c.u.route.has_src);
	assert_ip(&c.u.route.src, AF_INET, "10.0.1.0");
	assert_true(c.u.route.has_metric);
	assert_int_equal(c.u.route.metric, 100);
	cmd_free(&c);

	parse_ok("route add to 10.3.0.0/16 dev x scope host priority 7 table main",
	         &c);
	assert_ip(&c.u.route.dst, AF_INET, "10.3.0.0");
	assert_int_equal(c.u.route.scope, RT_SCOPE_HOST);
	assert_int_equal(c.u.route.metric, 7);
	cmd_free(&c);

	parse_ok("route add 10.4.0.0/16 oif x scope 200 preference 4294967295",
	         &c);
	assert_string_equal(c.u.route.dev, "x");
	assert_int_equal(c.u.route.scope, 200);
	assert_int_equal(c.u.route.metric, 4294967295u);
	cmd_free(&c);

	parse_ok("ip -n vnet route add 2001:db8::/32 via fe80::1 dev veth1", &c);
	assert_string_equal(c.ns, "vnet");
	assert_ip(&c.u.route.dst, AF_INET6, "2001:db8::");
	assert_int_equal(c.u.route.dst_len, 32);
	cmd_free(&c);
}

static void test_route_other(void **state)
{
	struct cmd c;

	(void)state;
	/* del needs neither via nor dev, as in iproute2 */
	parse_ok("route del 10.0.2.0/24", &c);
	assert_int_equal(c.verb, CMD_ROUTE_DEL);
	assert_ip(&c.u.route.dst, AF_INET, "10.0.2.0");
	assert_int_equal(c.u.route.dst_len, 24);
	assert_false(c.u.route.has_dev);
	assert_true(cmd_changes(&c));
	assert_rest_default(&c, G_ROUTE);
	cmd_free(&c);

	parse_ok("route delete default", &c);
	assert_int_equal(c.verb, CMD_ROUTE_DEL);
	assert_true(c.u.route.is_default);
	cmd_free(&c);

	parse_ok("route", &c);
	assert_int_equal(c.verb, CMD_ROUTE_SHOW);
	assert_false(cmd_changes(&c));
	assert_rest_default(&c, 0);
	cmd_free(&c);

	parse_ok("ip route list table main", &c);
	assert_int_equal(c.verb, CMD_ROUTE_SHOW);
	assert_rest_default(&c, 0);
	cmd_free(&c);

	parse_ok("ip route get 10.0.2.1", &c);
	assert_int_equal(c.verb, CMD_ROUTE_GET);
	assert_ip(&c.u.route.dst, AF_INET, "10.0.2.1");
	assert_int_equal(c.u.route.dst_len, -1);
	assert_false(cmd_changes(&c));
	assert_rest_default(&c, G_ROUTE);
	cmd_free(&c);

	parse_ok("ip -n vnet route get to fe80::2", &c);
	assert_ip(&c.u.route.dst, AF_INET6, "fe80::2");
	assert_string_equal(c.ns, "vnet");
	cmd_free(&c);
}

/* ---- ping -------------------------------------------------------------- */

static void test_ping(void **state)
{
	struct cmd c;

	(void)state;
	parse_ok("ping 10.0.2.0", &c);
	assert_int_equal(c.verb, CMD_PING);
	assert_ip(&c.u.ping.target, AF_INET, "10.0.2.0");
	assert_int_equal(c.u.ping.count, 4);
	assert_true(c.u.ping.wait == 0);
	assert_true(c.u.ping.interval == 1.0);
	assert_false(cmd_changes(&c));
	assert_rest_default(&c, G_PING);
	cmd_free(&c);

	parse_ok("ping -c 10 10.0.2.0", &c);
	assert_int_equal(c.u.ping.count, 10);
	cmd_free(&c);

	parse_ok("ping -c10 10.0.2.1", &c);
	assert_int_equal(c.u.ping.count, 10);
	cmd_free(&c);

	parse_ok("ping 10.0.2.0 -c 2 -W 0.5 -i 0.2", &c);
	assert_int_equal(c.u.ping.count, 2);
	assert_true(c.u.ping.wait == 0.5);
	assert_true(c.u.ping.interval == 0.2);
	cmd_free(&c);

	parse_ok("ip -n vnet ping -W3 -i1.5 fe80::1", &c);
	assert_string_equal(c.ns, "vnet");
	assert_ip(&c.u.ping.target, AF_INET6, "fe80::1");
	assert_true(c.u.ping.wait == 3.0);
	assert_true(c.u.ping.interval == 1.5);
	assert_rest_default(&c, G_PING | G_NS);
	cmd_free(&c);

	/* a link-local address with its interface, as iputils takes it */
	parse_ok("ip -n vnet ping -c 1 fe80::1%veth1", &c);
	assert_ip(&c.u.ping.target, AF_INET6, "fe80::1");
	assert_string_equal(cname(&c), "veth1");
	cmd_free(&c);
}

/* ---- echo and send --------------------------------------------------------- */

static void test_echo(void **state)
{
	struct cmd c;

	(void)state;
	/* the tutorial's server, started inside vnet */
	parse_ok("-n vnet echo tcp", &c);
	assert_int_equal(c.verb, CMD_ECHO_START);
	assert_string_equal(c.ns, "vnet");
	assert_int_equal(c.u.echo.proto, ECHO_TCP);
	assert_int_equal(c.u.echo.port, 4078);
	assert_true(cmd_changes(&c));
	assert_rest_default(&c, G_NS | G_ECHO);
	assert_false(c.u.echo.has_bind);
	assert_true(c.u.echo.idle == 5.0);
	assert_null(c.u.echo.message);
	cmd_free(&c);

	parse_ok("ip -n vnet echo udp port 9000", &c);
	assert_int_equal(c.u.echo.proto, ECHO_UDP);
	assert_int_equal(c.u.echo.port, 9000);
	cmd_free(&c);

	/* every option, as words and as nsviz echo's --options */
	parse_ok("echo tcp port 1 bind 10.0.2.0 idle 0 max-conns 7 max-msg 100",
	         &c);
	assert_int_equal(c.u.echo.port, 1);
	assert_true(c.u.echo.has_bind);
	assert_ip(&c.u.echo.bind, AF_INET, "10.0.2.0");
	assert_true(c.u.echo.idle == 0.0);
	assert_int_equal(c.u.echo.max_conns, 7);
	assert_int_equal(c.u.echo.max_msg, 100);
	assert_string_equal(c.ns, "");
	cmd_free(&c);
	parse_ok("nsviz echo tcp --max-msg 65536 --idle 0.25 --bind :: "
	         "--port 65535 --max-conns 1048576", &c);
	assert_int_equal(c.u.echo.port, 65535);
	assert_ip(&c.u.echo.bind, AF_INET6, "::");
	assert_true(c.u.echo.idle == 0.25);
	assert_int_equal(c.u.echo.max_conns, 1048576);
	assert_int_equal(c.u.echo.max_msg, 65536);
	cmd_free(&c);
	parse_ok("echo udp 53", &c);
	assert_int_equal(c.u.echo.port, 53);
	cmd_free(&c);

	/* `ip netns exec NS nsviz echo ...` runs here, in NS */
	parse_ok("ip netns exec vnet nsviz echo tcp --port 4078", &c);
	assert_int_equal(c.verb, CMD_NETNS_EXEC);
	assert_non_null(c.sub);
	assert_int_equal(c.sub->verb, CMD_ECHO_START);
	assert_string_equal(c.sub->ns, "vnet");
	assert_true(cmd_changes(&c));
	cmd_free(&c);
	/* ... but echo(1) is still echo(1) */
	parse_ok("ip netns exec vnet echo tcp", &c);
	assert_int_equal(c.verb, CMD_NETNS_EXEC);
	assert_null(c.sub);
	assert_int_equal(c.exec_argc, 2);
	assert_string_equal(c.exec_argv[0], "echo");
	cmd_free(&c);
	parse_ok("netns exec vnet nsviz show", &c);
	assert_null(c.sub);
	assert_int_equal(c.exec_argc, 2);
	cmd_free(&c);

	parse_ok("echo list", &c);
	assert_int_equal(c.verb, CMD_ECHO_LIST);
	assert_false(cmd_changes(&c));
	assert_rest_default(&c, 0);
	cmd_free(&c);
	parse_ok("nsviz echo ls", &c);
	assert_int_equal(c.verb, CMD_ECHO_LIST);
	cmd_free(&c);
	parse_ok("echo stop 12", &c);
	assert_int_equal(c.verb, CMD_ECHO_STOP);
	assert_int_equal(c.u.echo.id, 12);
	assert_true(cmd_changes(&c));
	assert_rest_default(&c, G_ECHO);
	cmd_free(&c);
	parse_ok("echo log 3", &c);
	assert_int_equal(c.verb, CMD_ECHO_LOG);
	assert_int_equal(c.u.echo.id, 3);
	assert_false(cmd_changes(&c));
	cmd_free(&c);
}

static void test_send(void **state)
{
	struct cmd c;

	(void)state;
	parse_ok("send tcp 10.0.2.0 4078 hello", &c);
	assert_int_equal(c.verb, CMD_SEND);
	assert_int_equal(c.u.echo.proto, ECHO_TCP);
	assert_ip(&c.u.echo.dst, AF_INET, "10.0.2.0");
	assert_int_equal(c.u.echo.port, 4078);
	assert_string_equal(c.u.echo.message, "hello");
	assert_true(c.u.echo.timeout == 5.0);
	assert_false(cmd_changes(&c));
	assert_string_equal(c.ns, "");
	cmd_free(&c);

	parse_ok("-n vnet send udp fe80::1 53 'a b  c' timeout 0.5", &c);
	assert_string_equal(c.ns, "vnet");
	assert_int_equal(c.u.echo.proto, ECHO_UDP);
	assert_ip(&c.u.echo.dst, AF_INET6, "fe80::1");
	assert_string_equal(c.u.echo.message, "a b  c");
	assert_true(c.u.echo.timeout == 0.5);
	cmd_free(&c);

	/* nsviz send [-n NS] ... [--timeout S], and options first */
	parse_ok("nsviz send -n vnet tcp 10.0.1.0 80 x --timeout 2", &c);
	assert_string_equal(c.ns, "vnet");
	assert_true(c.u.echo.timeout == 2.0);
	cmd_free(&c);
	parse_ok("send timeout 9 tcp 10.0.1.0 80 ''", &c);
	assert_true(c.u.echo.timeout == 9.0);
	assert_string_equal(c.u.echo.message, "");
	cmd_free(&c);
	/* the message may be any word, keywords included */
	parse_ok("send tcp 10.0.1.0 80 timeout", &c);
	assert_string_equal(c.u.echo.message, "timeout");
	assert_true(c.u.echo.timeout == 5.0);
	cmd_free(&c);
	parse_ok("send tcp 10.0.1.0 80 --timeout timeout 1", &c);
	assert_string_equal(c.u.echo.message, "--timeout");
	assert_true(c.u.echo.timeout == 1.0);
	cmd_free(&c);
	parse_ok("ip netns exec vnet nsviz send tcp 10.0.2.0 4078 hi", &c);
	assert_non_null(c.sub);
	assert_int_equal(c.sub->verb, CMD_SEND);
	assert_string_equal(c.sub->ns, "vnet");
	assert_string_equal(c.sub->u.echo.message, "hi");
	cmd_free(&c);
}

/* `-n NS echo|send` is written as `ip netns exec NS nsviz ...`, which
 * reads back as netns exec of the same command */
static void test_canonical_echo_ns(void **state)
{
	static const struct { const char *in, *out; } t[] = {
		{ "-n vnet echo tcp",
		  "ip netns exec vnet nsviz echo tcp --port 4078" },
		{ "ip -n vnet echo udp port 53 idle 1.5",
		  "ip netns exec vnet nsviz echo udp --port 53 --idle 1.5" },
		{ "-n vnet send tcp 10.0.2.0 4078 hello",
		  "ip netns exec vnet nsviz send tcp 10.0.2.0 4078 hello" },
		{ "nsviz send -n 'a b' udp 10.0.2.0 1 'x y' timeout 3",
		  "ip netns exec 'a b' nsviz send udp 10.0.2.0 1 'x y' --timeout 3" },
	};

	(void)state;
	for (size_t k = 0; k < sizeof t / sizeof t[0]; k++)
		check_canonical_ns(t[k].in, t[k].out);
}

/* ---- iproute2's output options (issue 11) ---------------------------------- */

/* -br, -s (counted), -d, -o, -j, -p and the families in every spelling ip
 * takes, into c->opts; the canonical text spells them one way, in one
 * order, and reads back to the same command */
static void test_output_options(void **state)
{
	static const struct { const char *in, *out; } t[] = {
		{ "ip -br link", "ip -br link show" },
		{ "-brief link show", "ip -br link show" },
		{ "ip -brief -stats -s addr show dev lo",
		  "ip -br -s -s addr show lo" },
		{ "-statistics link", "ip -s link show" },
		{ "-details link", "ip -d link show" },
		{ "-j -p route", "ip -j -p route show" },
		{ "-json -pretty neigh show", "ip -j -p neigh show" },
		{ "-p -j -br neigh show dev lo", "ip -br -j -p neigh show dev lo" },
		{ "-o -0 addr", "ip -0 -o addr show" },
		{ "-family inet6 -oneline addr", "ip -6 -o addr show" },
		{ "-f link -br addr", "ip -0 -br addr show" },
		{ "-s -s -o route list", "ip -s -s -o route show" },
		{ "ip -n vnet -6 -s -j link show veth0",
		  "ip -n vnet -6 -s -j link show veth0" },
		{ "-4 -br -o -s -d -j -p addr",
		  "ip -4 -br -s -d -o -j -p addr show" },
	};
	struct cmd c;

	(void)state;
	for (size_t k = 0; k < sizeof t / sizeof t[0]; k++)
		check_canonical(t[k].in, t[k].out);

	parse_ok("ip -br -s -s -o -j -p -0 link", &c);
	assert_int_equal(c.verb, CMD_LINK_SHOW);
	assert_true(c.opts.brief);
	assert_int_equal(c.opts.stats, 2);
	assert_true(c.opts.oneline);
	assert_true(c.opts.json);
	assert_true(c.opts.pretty);
	assert_false(c.opts.details);
	assert_int_equal(c.opts.family, AF_PACKET);
	assert_int_equal(c.family, AF_PACKET);
	cmd_free(&c);
	parse_ok("ip -6 addr", &c);
	assert_int_equal(c.opts.family, AF_INET6);
	assert_false(c.opts.brief || c.opts.stats || c.opts.json);
	cmd_free(&c);
	/* a family given twice the same way is fine, two families are not */
	parse_ok("ip -4 -family inet addr", &c);
	assert_int_equal(c.opts.family, AF_INET);
	cmd_free(&c);
	assert_int_equal(parse_line("ip -4 -0 addr", &c), -1);
	assert_non_null(strstr(err, "-0"));
	assert_int_equal(parse_line("ip -jsonx link", &c), -1);
	assert_non_null(strstr(err, "-jsonx: unknown option"));
}

/* ---- routing (issue 11): the new forms, parsed and written back -------- */

static void test_canonical_routing(void **state)
{
	static const struct { const char *in, *out; } t[] = {
		/* routes in other tables; replace, append, change, prepend */
		{ "route add 10.10.0.0/16 via 10.0.1.2 table 100",
		  "ip route add 10.10.0.0/16 via 10.0.1.2 table 100" },
		{ "route add 10.11.0.0/16 dev a1 table 70000 proto static",
		  "ip route add 10.11.0.0/16 dev a1 table 70000 proto static" },
		{ "route add 10.12.0.0/16 dev a0 table local",
		  "ip route add 10.12.0.0/16 dev a0 table local" },
		{ "route add 10.12.0.0/16 dev a0 table 0x10",
		  "ip route add 10.12.0.0/16 dev a0 table 16" },
		{ "route add blackhole 10.13.0.0/16",
		  "ip route add blackhole 10.13.0.0/16" },
		{ "route add unreachable default table 5",
		  "ip route add unreachable default table 5" },
		{ "route add local 10.0.9.1 dev lo table local",
		  "ip route add local 10.0.9.1 dev lo table local" },
		{ "route replace 10.10.0.0/16 via 10.0.2.2 table 100",
		  "ip route replace 10.10.0.0/16 via 10.0.2.2 table 100" },
		{ "route append 10.14.0.0/16 via 10.0.1.2",
		  "ip route append 10.14.0.0/16 via 10.0.1.2" },
		{ "route chg 10.13.0.0/16 via 10.0.2.2 metric 7",
		  "ip route change 10.13.0.0/16 via 10.0.2.2 metric 7" },
		{ "route prepend 10.14.0.0/16 dev a1",
		  "ip route prepend 10.14.0.0/16 dev a1" },
		{ "route del 10.10.0.0/16 table 100 proto boot",
		  "ip route del 10.10.0.0/16 table 100 proto boot" },
		{ "-6 route add fd00:9::/64 via fd00:1::2 table 100",
		  "ip -6 route add fd00:9::/64 via fd00:1::2 table 100" },
		/* route show filters */
		{ "route show table all", "ip route show table all" },
		{ "route list table 100", "ip route show table 100" },
		{ "route show table main", "ip route show table main" },
		{ "route list proto kernel", "ip route show proto kernel" },
		{ "route show proto all", "ip route show" },
		{ "route show table all scope host type local dev lo",
		  "ip route show table all scope host type local dev lo" },
		{ "route show via 10.0.2.2 src 10.0.1.0/24 metric 7",
		  "ip route show via 10.0.2.2 src 10.0.1.0/24 metric 7" },
		{ "route show 10.14.0.0/16", "ip route show 10.14.0.0/16" },
		{ "route show exact 10.14.0.0/16", "ip route show 10.14.0.0/16" },
		{ "route show to root 10.0.0.0/8", "ip route show root 10.0.0.0/8" },
		{ "route show match 10.14.1.1", "ip route show match 10.14.1.1" },
		{ "route show table 100 default", "ip route show table 100 default" },
		{ "route show all", "ip route show" },
		{ "-6 route show table all fd00:9::/64",
		  "ip -6 route show table all fd00:9::/64" },
		{ "route show dev up", "ip route show dev up" },
		/* route get */
		{ "route get 10.99.1.1 from 10.0.2.9 iif a1",
		  "ip route get 10.99.1.1 from 10.0.2.9 iif a1" },
		{ "route get to 10.99.1.1 mark 0x11 oif a1",
		  "ip route get 10.99.1.1 oif a1 mark 17" },
		{ "route get 10.99.1.1 dev a1", "ip route get 10.99.1.1 oif a1" },
		{ "route get fd00::1 from fd00::2",
		  "ip route get fd00::1 from fd00::2" },
		/* rules */
		{ "rule", "ip rule show" },
		{ "rule list", "ip rule show" },
		{ "-6 rule show", "ip -6 rule show" },
		{ "rule add from 10.3.0.0/16 lookup 100",
		  "ip rule add from 10.3.0.0/16 lookup 100" },
		{ "rule add to 192.168.0.0/16 table 100 priority 300",
		  "ip rule add to 192.168.0.0/16 pref 300 lookup 100" },
		{ "rule add from 10.4.0.5 iif a0 pref 301 blackhole",
		  "ip rule add from 10.4.0.5 iif a0 pref 301 blackhole" },
		{ "rule add oif a1 order 302 unreachable",
		  "ip rule add oif a1 pref 302 unreachable" },
		{ "rule add fwmark 0x10 pref 303 type prohibit",
		  "ip rule add fwmark 0x10 pref 303 prohibit" },
		{ "rule add fwmark 5/0xff lookup 1000 pref 304",
		  "ip rule add fwmark 0x5/0xff pref 304 lookup 1000" },
		{ "rule add not from 10.5.0.0/16 lookup main tos 0x10",
		  "ip rule add not from 10.5.0.0/16 tos 0x10 lookup main" },
		{ "rule add from all dev lo lookup local proto static",
		  "ip rule add iif lo proto static lookup local" },
		{ "rule add from fd00:5::/64 lookup 100",
		  "ip -6 rule add from fd00:5::/64 lookup 100" },
		{ "rule add from 10.0.0.1/32 to 10.0.0.2 lookup 7",
		  "ip rule add from 10.0.0.1 to 10.0.0.2 lookup 7" },
		{ "rule del pref 304", "ip rule del pref 304" },
		{ "rule show pref 304", "ip rule show pref 304" },
		{ "rule list from 10.0.0.0/8 lookup 100 iif a0",
		  "ip rule show from 10.0.0.0/8 iif a0 lookup 100" },
		{ "rule show not to 192.168.0.0/16", "ip rule show not to 192.168.0.0/16" },
		{ "rule show 192.168.0.0/16", "ip rule show to 192.168.0.0/16" },
		{ "rule show fwmark 5/0xff oif a1", "ip rule show oif a1 fwmark 0x5/0xff" },
		{ "rule show from all", "ip rule show" },
		{ "rule show from fd00::/8", "ip -6 rule show from fd00::/8" },
		{ "ru d from 10.3.0.0/16 lookup 100",
		  "ip rule del from 10.3.0.0/16 lookup 100" },
		/* addresses */
		{ "addr show up", "ip addr show up" },
		{ "addr show dev x up", "ip addr show x up" },
		{ "addr flush dev x", "ip addr flush dev x" },
		{ "-4 addr flush dev x scope global",
		  "ip -4 addr flush dev x scope global" },
		{ "addr flush x scope all", "ip addr flush dev x" },
		{ "addr flush scope link", "ip addr flush scope link" },
		/* neighbours */
		{ "neigh add 10.0.1.50 lladdr 02:00:00:00:00:50 dev a0",
		  "ip neigh add 10.0.1.50 lladdr 02:00:00:00:00:50 dev a0" },
		{ "neigh add 10.0.1.51 lladdr 2:0:0:0:0:51 dev a0 nud reach",
		  "ip neigh add 10.0.1.51 lladdr 02:00:00:00:00:51 dev a0 nud "
		  "reachable" },
		{ "neigh replace to fd00::54 lladdr 02:00:00:00:00:54 dev a0 router",
		  "ip neigh replace fd00::54 lladdr 02:00:00:00:00:54 dev a0 router" },
		{ "neigh change 10.0.2.52 dev a1 nud stale",
		  "ip neigh change 10.0.2.52 dev a1 nud stale" },
		{ "neigh add 10.0.2.53 lladdr null dev a1 nud noarp",
		  "ip neigh add 10.0.2.53 lladdr null dev a1 nud noarp" },
		{ "neigh del 10.0.1.55 dev a0", "ip neigh del 10.0.1.55 dev a0" },
		{ "neigh flush dev a0", "ip neigh flush dev a0" },
		{ "neigh flush dev a1 nud permanent nud stale",
		  "ip neigh flush dev a1 nud permanent nud stale" },
		{ "neigh flush nud all", "ip neigh flush nud all" },
		{ "neigh flush nud none", "ip neigh flush nud none" },
	};

	(void)state;
	for (size_t k = 0; k < sizeof t / sizeof t[0]; k++)
		check_canonical(t[k].in, t[k].out);
}

/* ---- canonical text ------------------------------------------------------ */

static void test_canonical(void **state)
{
	static const struct { const char *in, *out; } t[] = {
		/* the tutorial, as typed and as logged */
		{ "ip link add veth0 type veth peer name veth1",
		  "ip link add veth0 type veth peer name veth1" },
		{ "ip addr add 10.0.1.0/24 dev veth0",
		  "ip addr add 10.0.1.0/24 dev veth0" },
		{ "ip link set veth0 up", "ip link set veth0 up" },
		{ "ip netns add vnet", "ip netns add vnet" },
		{ "ip link set veth1 netns vnet", "ip link set veth1 netns vnet" },
		{ "ip netns exec vnet ip addr add 10.0.2.0/24 dev veth1",
		  "ip netns exec vnet ip addr add 10.0.2.0/24 dev veth1" },
		{ "ip -n vnet addr add 10.0.2.0/24 dev veth1",
		  "ip -n vnet addr add 10.0.2.0/24 dev veth1" },
		{ "ip netns exec vnet ip link set veth1 up",
		  "ip netns exec vnet ip link set veth1 up" },
		{ "ip route add 10.0.2.0/24 dev veth0 scope link",
		  "ip route add 10.0.2.0/24 dev veth0 scope link" },
		{ "ip -n vnet route add 10.0.1.0 dev veth1 scope link",
		  "ip -n vnet route add 10.0.1.0 dev veth1 scope link" },
		{ "ip netns exec vnet ip route add 10.0.1.0 dev veth1 scope link",
		  "ip netns exec vnet ip route add 10.0.1.0 dev veth1 scope link" },
		{ "ip netns exec vnet ip route", "ip netns exec vnet ip route show" },
		/* normalised spellings */
		{ "l a name v0 type veth peer v1", "ip link add v0 type veth peer name v1" },
		{ "link add a type veth peer b netns vnet",
		  "ip link add a type veth peer name b netns vnet" },
		{ "ip -n x link add a type veth peer b netns y",
		  "ip -n x link add a type veth peer name b netns y" },
		{ "link set dev veth0 up", "ip link set veth0 up" },
		{ "link change veth0 down", "ip link set veth0 down" },
		{ "link set up veth1 mtu 1400 address 0A:1B:2C:3D:4E:5F netns vnet",
		  "ip link set veth1 netns vnet mtu 1400 address 0a:1b:2c:3d:4e:5f up" },
		{ "link delete dev veth0", "ip link del veth0" },
		{ "ip netns delete vnet", "ip netns del vnet" },
		{ "a d 10.0.1.1 dev x", "ip addr del 10.0.1.1/32 dev x" },
		{ "address add dev x fe80:0:0::1/64", "ip addr add fe80::1/64 dev x" },
		{ "r a default via 10.0.1.1", "ip route add default via 10.0.1.1" },
		{ "ip -6 r a default dev v", "ip -6 route add default dev v" },
		{ "route add default via fe80::1 dev v",
		  "ip route add default via fe80::1 dev v" },
		{ "route add 10.9.0.0/16 metric 5 src 10.0.1.0 scope 200 dev v via 10.0.1.1",
		  "ip route add 10.9.0.0/16 via 10.0.1.1 dev v scope site src 10.0.1.0 metric 5" },
		{ "route add 10.9.0.0/16 dev v scope 17 table main",
		  "ip route add 10.9.0.0/16 dev v scope 17 table main" },
		{ "route delete 10.9.0.0/16 priority 9",
		  "ip route del 10.9.0.0/16 metric 9" },
		{ "ip -4 route add 10.1.0.0/16 dev v", "ip -4 route add 10.1.0.0/16 dev v" },
		/* not changing, but with one normal form too */
		{ "ip r", "ip route show" },
		{ "ip route list table main", "ip route show table main" },
		{ "ip route get 10.0.2.1", "ip route get 10.0.2.1" },
		{ "ip a", "ip addr show" },
		{ "ip addr show dev veth0", "ip addr show veth0" },
		{ "ip l ls dev veth0", "ip link show veth0" },
		{ "ip netns", "ip netns list" },
		{ "ip netns show vnet", "ip netns list vnet" },
		{ "ip netns pids vnet", "ip netns pids vnet" },
		{ "ip netns attach h 4242", "ip netns attach h 4242" },
		{ "netns at 'my ns' 7", "ip netns attach 'my ns' 7" },
		{ "ip netns set a 5", "ip netns set a 5" },
		{ "netns set a 0", "ip netns set a 0" },
		{ "netns se a auto", "ip netns set a auto" },
		{ "ip -n b netns set a 3", "ip -n b netns set a 3" },
		{ "netns exec b ip netns set a 3", "ip netns exec b ip netns set a 3" },
		{ "ip netns list-id", "ip netns list-id" },
		{ "netns list-id nsid 3 target-nsid 1",
		  "ip netns list-id target-nsid 1 nsid 3" },
		{ "ip -n a netns list-id target-nsid 0",
		  "ip -n a netns list-id target-nsid 0" },
		{ "ip -all netns del", "ip -all netns del" },
		{ "-a netns d", "ip -all netns del" },
		{ "ip -all netns exec echo hi", "ip -all netns exec echo hi" },
		{ "-all netns exec sh -c 'exit 3'", "ip -all netns exec sh -c 'exit 3'" },
		{ "ip -all netns exec ip link", "ip -all netns exec ip link show" },
		{ "-all netns exec ip link set lo up",
		  "ip -all netns exec ip link set lo up" },
		{ "-all netns list", "ip -all netns list" },
		{ "ip netns identify 12", "ip netns identify 12" },
		{ "ip netns identify", "ip netns identify" },
		{ "ip -n vnet netns identify", "ip -n vnet netns identify" },
		{ "ip -n vnet netns show", "ip -n vnet netns list" },
		{ "ip netns exec vnet ip netns", "ip netns exec vnet ip netns list" },
		{ "ip netns exec vnet ip netns identify",
		  "ip netns exec vnet ip netns identify" },
		{ "ip netns exec vnet tcpdump -i veth1 icmp -l",
		  "ip netns exec vnet tcpdump -i veth1 icmp -l" },
		{ "netns exec vnet sh -c 'echo hi; exit 3'",
		  "ip netns exec vnet sh -c 'echo hi; exit 3'" },
		{ "ip netns exec vnet ping -c1 10.0.1.0",
		  "ip netns exec vnet ping -c 1 10.0.1.0" },
		{ "ping 10.0.2.0", "ping -c 4 10.0.2.0" },
		{ "ping 10.0.2.0 -i 0.2 -W 2 -c 3", "ping -c 3 -W 2 -i 0.2 10.0.2.0" },
		{ "ping -c1 fe80::1%veth1", "ping -c 1 fe80::1%veth1" },
		/* names that need quoting or a keyword in front */
		{ "netns add 'my ns'", "ip netns add 'my ns'" },
		{ "netns add \"it's\"", "ip netns add 'it'\\''s'" },
		{ "-n 'my ns' link", "ip -n 'my ns' link show" },
		{ "netns add '#x;y'", "ip netns add '#x;y'" },
		{ "link set dev up up", "ip link set dev up up" },
		{ "link set dev mtu mtu 1500", "ip link set dev mtu mtu 1500" },
		{ "link set dev addr down", "ip link set dev addr down" },
		{ "link add name type type veth peer name name",
		  "ip link add name type type veth peer name name" },
		{ "link del dev dev", "ip link del dev dev" },
		/* bridges and their ports */
		{ "link add br0 type bridge vlan_filtering 1 stp_state 0",
		  "ip link add br0 type bridge vlan_filtering 1 stp_state 0" },
		{ "l a br0 type bridge vlan 1 vlan_protocol 802.1Q f 0 p 9",
		  "ip link add br0 type bridge vlan_filtering 1 vlan_protocol 802.1Q "
		  "forward_delay 0 priority 9" },
		{ "-n sw link add br0 type bridge mcast_snooping 0 "
		  "vlan_default_pvid 5 ageing_time 1 hello_time 2 max_age 3",
		  "ip -n sw link add br0 type bridge mcast_snooping 0 "
		  "vlan_default_pvid 5 ageing_time 1 hello_time 2 max_age 3" },
		{ "link set br0 type bridge stp_state 1",
		  "ip link set br0 type bridge stp_state 1" },
		{ "link set dev v0 up type bridge_slave learning off fl on st 3 "
		  "c 9 pr 5 hairpin on isolated on",
		  "ip link set v0 up type bridge_slave learning off flood on state 3 "
		  "cost 9 priority 5 hairpin on isolated on" },
		{ "link set br0 type bridge", "ip link set br0 type bridge" },
		{ "bridge vlan add dev v0 vid 10 untagged pvid",
		  "bridge vlan add dev v0 vid 10 pvid untagged" },
		{ "bridge -n sw vlan a vid 20-30 dev br0 master self",
		  "bridge -n sw vlan add dev br0 vid 20-30 self master" },
		{ "bridge vlan delete dev v0 vid 10", "bridge vlan del dev v0 vid 10" },
		{ "bridge vlan", "bridge vlan show" },
		{ "bridge -j -p vlan list dev v0", "bridge -j -p vlan show dev v0" },
		{ "bridge fdb", "bridge fdb show" },
		{ "bridge -s -s fdb show brport v0 br br0",
		  "bridge -s -s fdb show dev v0 br br0" },
		{ "bridge -d link lst dev v0", "bridge -d link show dev v0" },
		{ "netns exec sw bridge vlan add dev v0 vid 7",
		  "ip netns exec sw bridge vlan add dev v0 vid 7" },
		{ "ip link add br0 type bridge", "ip link add br0 type bridge" },
		{ "l a name br0 type bridge", "ip link add br0 type bridge" },
		{ "ip -n sw link add br0 type bridge",
		  "ip -n sw link add br0 type bridge" },
		{ "link add name master type bridge",
		  "ip link add name master type bridge" },
		{ "ip link set veth0 master br0", "ip link set veth0 master br0" },
		{ "link set dev veth0 up master br0",
		  "ip link set veth0 master br0 up" },
		{ "link set veth0 nomaster", "ip link set veth0 nomaster" },
		{ "link set veth0 nomaster mtu 1400 down",
		  "ip link set veth0 mtu 1400 nomaster down" },
		{ "link set dev nomaster master br0",
		  "ip link set dev nomaster master br0" },
		{ "ip netns exec sw ip link set v1 master br0",
		  "ip netns exec sw ip link set v1 master br0" },
		/* neighbours */
		{ "ip n", "ip neigh show" },
		{ "ip neighbour list dev veth0", "ip neigh show dev veth0" },
		{ "ip -n vnet -4 neigh", "ip -n vnet -4 neigh show" },
		{ "netns exec vnet ip neigh show dev veth1",
		  "ip netns exec vnet ip neigh show dev veth1" },
		/* sysctl, as in a shell */
		{ "sysctl -w net.ipv4.ip_forward=1",
		  "sysctl -w net.ipv4.ip_forward=1" },
		{ "sysctl net.ipv4.ip_forward=1", "sysctl -w net.ipv4.ip_forward=1" },
		{ "ip sysctl net.ipv4.ip_forward", "sysctl net.ipv4.ip_forward" },
		{ "sysctl -qwn net.ipv4.ip_forward=0",
		  "sysctl -n -q -w net.ipv4.ip_forward=0" },
		{ "sysctl -w 'net.ipv4.ping_group_range=0 2147483647'",
		  "sysctl -w 'net.ipv4.ping_group_range=0 2147483647'" },
		{ "ip netns exec router sysctl -w net.ipv4.ip_forward=1",
		  "ip netns exec router sysctl -w net.ipv4.ip_forward=1" },
		{ "netns exec router sysctl net.ipv6.conf.all.forwarding",
		  "ip netns exec router sysctl net.ipv6.conf.all.forwarding" },
		/* nsviz's own */
		{ "echo tcp", "nsviz echo tcp --port 4078" },
		{ "echo udp 53 max-msg 4096 max-conns 16384 idle 5",
		  "nsviz echo udp --port 53" },
		{ "ip echo tcp --bind fe80:0::1 --max-conns 10 --max-msg 1 --idle 0",
		  "nsviz echo tcp --port 4078 --bind fe80::1 --idle 0 "
		  "--max-conns 10 --max-msg 1" },
		{ "ip netns exec vnet nsviz echo tcp",
		  "ip netns exec vnet nsviz echo tcp --port 4078" },
		{ "echo list", "nsviz echo list" },
		{ "echo show", "nsviz echo list" },
		{ "echo stop 1", "nsviz echo stop 1" },
		{ "nsviz echo log 007", "nsviz echo log 7" },
		{ "send tcp 10.0.2.0 4078 hello",
		  "nsviz send tcp 10.0.2.0 4078 hello" },
		{ "send udp 10.0.2.0 4078 \"it's\" --timeout 0.25",
		  "nsviz send udp 10.0.2.0 4078 'it'\\''s' --timeout 0.25" },
		{ "send tcp 10.0.2.0 4078 ''", "nsviz send tcp 10.0.2.0 4078 ''" },
		{ "send tcp 10.0.2.0 4078 '#1 ; x'",
		  "nsviz send tcp 10.0.2.0 4078 '#1 ; x'" },
		{ "ip netns exec vnet nsviz send tcp 10.0.1.0 80 hi timeout 5",
		  "ip netns exec vnet nsviz send tcp 10.0.1.0 80 hi" },
	};

	(void)state;
	for (size_t k = 0; k < sizeof t / sizeof t[0]; k++)
		check_canonical(t[k].in, t[k].out);
}

/* `-n NS ping` and `netns exec NS ping` are the same thing, spelled once */
static void test_canonical_ping_ns(void **state)
{
	(void)state;
	check_canonical_ns("ip -n vnet ping 10.0.1.0 -c 2",
	                   "ip netns exec vnet ping -c 2 10.0.1.0");
}

/* `-n NS sysctl` is written as a learner would type it in a shell */
static void test_canonical_sysctl_ns(void **state)
{
	static const struct { const char *in, *out; } t[] = {
		{ "-n router sysctl -w net.ipv4.ip_forward=1",
		  "ip netns exec router sysctl -w net.ipv4.ip_forward=1" },
		{ "ip -n router sysctl net.ipv4.ip_forward",
		  "ip netns exec router sysctl net.ipv4.ip_forward" },
		{ "-n 'my ns' sysctl -n net.ipv4.ip_forward",
		  "ip netns exec 'my ns' sysctl -n net.ipv4.ip_forward" },
	};

	(void)state;
	for (size_t k = 0; k < sizeof t / sizeof t[0]; k++)
		check_canonical_ns(t[k].in, t[k].out);
}

/* canonical text appends to what the buffer holds */
static void test_canonical_appends(void **state)
{
	struct sbuf b = SBUF_INIT;
	struct cmd c;

	(void)state;
	parse_ok("netns add vnet", &c);
	sbuf_add(&b, "$ ");
	cmd_canonical(&c, &b);
	assert_string_equal(sbuf_str(&b), "$ ip netns add vnet");
	sbuf_free(&b);
	cmd_free(&c);
}

/* Random sentences from the grammar's own words: whatever is accepted
 * must survive canonical text and back, struct for struct; whatever is
 * refused must say why. */
static void test_round_trip_random(void **state)
{
	static const char *const vocab[] = {
		"ip", "-n", "vnet", "-4", "-6", "netns", "link", "addr", "route",
		"ping", "a", "r", "l", "add", "del", "set", "show", "list", "get",
		"exec", "pids", "identify", "veth0", "veth1", "type", "veth", "peer",
		"name", "dev", "up", "down", "mtu", "1400", "address",
		"0a:1b:2c:3d:4e:5f", "10.0.1.0/24", "10.0.1.0", "fe80::1",
		"fe80::/64", "default", "via", "10.0.1.1", "scope", "host", "global",
		"src", "metric", "5", "table", "main", "-c", "3", "-W", "-i", "0.5",
		"to", "'a b'", "x", "''", "ls", "1234", "tcpdump", "\\'q",
		"echo", "send", "tcp", "udp", "port", "4078", "--port", "bind",
		"idle", "max-conns", "max-msg", "timeout", "--timeout", "stop",
		"log", "nsviz", "hello", "bridge", "master", "nomaster", "br0",
		"neigh", "n", "sysctl", "-w", "-n", "net.ipv4.ip_forward",
		"net.ipv4.ip_forward=1", "kernel.x=1", "-q",
	};
	const size_t nv = sizeof vocab / sizeof vocab[0];
	unsigned long rnd = 12345;
	int accepted = 0;

	(void)state;
	for (int it = 0; it < 40000; it++) {
		char line[512] = "";
		int n;
		struct cmd a, b;

		rnd = rnd * 6364136223846793005ul + 1442695040888963407ul;
		n = 1 + (int)((rnd >> 33) % 8);
		for (int k = 0; k < n; k++) {
			rnd = rnd * 6364136223846793005ul + 1442695040888963407ul;
			strcat(line, vocab[(rnd >> 33) % nv]);
			strcat(line, " ");
		}
		if (parse_line(line, &a) != 0) {
			if (!err[0])
				fail_msg("'%s' refused without a message", line);
			continue;
		}
		accepted++;
		{
			char *t = canonical_of(&a);

			if (parse_line(t, &b) != 0)
				fail_msg("'%s' -> '%s' does not parse: %s", line, t, err);
			/* `-n NS ping|echo|send` is written `ip netns exec NS ...` */
			if (a.verb != CMD_NETNS_EXEC && b.verb == CMD_NETNS_EXEC &&
			    b.sub)
				assert_cmd_eq(&a, b.sub);
			else
				assert_cmd_eq(&a, &b);
			free(t);
		}
		cmd_free(&a);
		cmd_free(&b);
	}
	/* the vocabulary makes enough valid commands to mean something */
	assert_true(accepted > 500);
}

/* issue 14: random address and route options after addr/route verbs
 * parse back from their canonical text to the same struct */
static void test_round_trip_random_opts(void **state)
{
	/* a head, then groups in any order (some refused: twice, the
	 * wrong family, a flag of the other family, a lone valid_lft) */
	static const char *const heads[] = {
		"addr add 10.0.1.1/24", "addr del 10.0.1.1", "-6 addr add fe80::1/64",
		"addr add fe80::5", "route add 10.0.0.0/8", "route del default",
		"route replace 10.9.0.0/16", "-6 route add fe80::/64",
		"route append default",
	};
	static const char *const groups[] = {
		"dev veth0", "dev veth0", "dev veth1", "peer 10.0.1.2",
		"remote 10.0.1.0/30", "peer fe80::2/64", "brd +", "brd -",
		"broadcast 10.0.1.255", "label veth0:1", "label veth0",
		"scope link", "scope 7", "metric 5", "priority 0x10",
		"valid_lft forever", "preferred_lft 100",
		"valid_lft 100 preferred_lft 0", "valid_lft 100", "nodad", "home",
		"mngtmpaddr", "noprefixroute", "via 10.0.1.2", "via fe80::2",
		"onlink", "table 100", "proto static", "src 10.0.1.1",
		"nexthop via 10.0.1.2", "nexthop dev veth0 weight 2",
		"nexthop via 10.0.1.3 dev veth1 onlink",
		"nexthop via fe80::9 weight 256", "weight 3", "tos 0x10", "mtu 1400",
		"pref high", "pref low", "via inet6 fe80::3", "via inet 10.0.1.9",
		"nexthop via inet6 fe80::4 dev veth0",
	};
	const size_t nh = sizeof heads / sizeof heads[0];
	const size_t ng = sizeof groups / sizeof groups[0];
	unsigned long rnd = 4242;
	int accepted = 0;

	(void)state;
	for (int it = 0; it < 30000; it++) {
		char line[512];
		struct cmd a, b;
		int n;

		rnd = rnd * 6364136223846793005ul + 1442695040888963407ul;
		snprintf(line, sizeof line, "%s ", heads[(rnd >> 33) % nh]);
		rnd = rnd * 6364136223846793005ul + 1442695040888963407ul;
		n = 1 + (int)((rnd >> 33) % 6);
		for (int k = 0; k < n; k++) {
			rnd = rnd * 6364136223846793005ul + 1442695040888963407ul;
			strcat(line, groups[(rnd >> 33) % ng]);
			strcat(line, " ");
		}
		if (parse_line(line, &a) != 0) {
			if (!err[0])
				fail_msg("'%s' refused without a message", line);
			continue;
		}
		accepted++;
		{
			char *t = canonical_of(&a);

			if (parse_line(t, &b) != 0)
				fail_msg("'%s' -> '%s' does not parse: %s", line, t,
				         err);
			assert_cmd_eq(&a, &b);
			free(t);
		}
		cmd_free(&a);
		cmd_free(&b);
	}
	/* 1598 of them with this seed */
	assert_true(accepted > 1000);
}

/* ---- splitting ----------------------------------------------------------- */

static void assert_words(const char *line, int n, ...)
{
	char **w = NULL;
	va_list ap;
	int got = cmd_split(line, &w, err, sizeof err);

	if (got != n)
		fail_msg("split '%s': %d words, expected %d (%s)", line, got, n, err);
	va_start(ap, n);
	for (int k = 0; k < n; k++)
		assert_string_equal(w[k], va_arg(ap, const char *));
	va_end(ap);
	if (n > 0)
		assert_null(w[n]);
	else
		assert_null(w);
	cmd_free_words(w, got);
}

static void test_split(void **state)
{
	(void)state;
	assert_words("", 0);
	assert_words("   \t  ", 0);
	assert_words("# only a comment", 0);
	assert_words("ip link", 2, "ip", "link");
	assert_words("  a\tb  c ", 3, "a", "b", "c");
	assert_words("netns add 'my ns'", 3, "netns", "add", "my ns");
	assert_words("netns add \"my ns\"", 3, "netns", "add", "my ns");
	assert_words("a 'x\"y' \"x'y\"", 3, "a", "x\"y", "x'y");
	assert_words("a \"q\\\"q\" \"b\\\\s\" \"k\\n\"", 4, "a", "q\"q", "b\\s",
	             "k\\n");
	assert_words("a 'no\\escape'", 2, "a", "no\\escape");
	assert_words("a\\ b c\\'d \\#e", 3, "a b", "c'd", "#e");
	assert_words("'a'\"b\"c 'it'\\''s'", 2, "abc", "it's");
	assert_words("x '' \"\" y", 4, "x", "", "", "y");
	assert_words("netns list # list them", 2, "netns", "list");
	assert_words("a#b c", 2, "a#b", "c");
	assert_words("a '#b' \"#c\"", 3, "a", "#b", "#c");
	assert_words("a # one\nb", 2, "a", "b");
	assert_words("a\\\nb", 1, "ab");
	assert_words("a 'x\ny'", 2, "a", "x\ny");
}

static void test_split_errors(void **state)
{
	char **w = (char **)0x1;

	(void)state;
	assert_int_equal(cmd_split("netns add 'vnet", &w, err, sizeof err), -1);
	assert_null(w);
	assert_non_null(strstr(err, "'vnet"));
	assert_non_null(strstr(err, "unterminated single quote"));

	assert_int_equal(cmd_split("a \"b c", &w, err, sizeof err), -1);
	assert_null(w);
	assert_non_null(strstr(err, "\"b c"));
	assert_non_null(strstr(err, "unterminated double quote"));

	assert_int_equal(cmd_split("a b\\", &w, err, sizeof err), -1);
	assert_non_null(strstr(err, "backslash"));

	/* no room for a message is fine */
	assert_int_equal(cmd_split("'", &w, NULL, 0), -1);
	assert_null(w);
}

/* Names with bytes a terminal acts on: refused when nsviz is to make
 * them, taken when they name what someone else made (typed with bash's
 * $'...'), and never echoed raw in a message. */
static void test_unsafe_names(void **state)
{
	static const struct { const char *line, *word, *reason; } refused[] = {
		{ "netns add $'\\x1b[2J\\x1b[31mred'", "\\x1b[2J\\x1b[31mred: ",
		  "namespace name contains control character \\x1b" },
		{ "netns add a\x01" "b", "a\\x01b: ",
		  "namespace name contains control character \\x01" },
		{ "netns add $'a\\x7f'", "a\\x7f: ", "control character \\x7f" },
		{ "netns add $'a\\tb'", "a\\x09b: ", "control character \\x09" },
		{ "netns add $'a\\nb'", "a\\x0ab: ", "control character \\x0a" },
		{ "netns add $'\\xc2\\x9b' ", "\\xc2\\x9b: ",
		  "control character \\xc2\\x9b" },
		{ "netns add $'\\xe2\\x80\\xaeabc'", "\\xe2\\x80\\xaeabc: ",
		  "bidirectional control character \\xe2\\x80\\xae" },
		{ "netns add $'ab\\xff'", "ab\\xff: ",
		  "namespace name is not valid UTF-8 (byte \\xff)" },
		{ "netns add $'\\xc0\\xaf'", "\\xc0\\xaf: ", "not valid UTF-8 (byte \\xc0)" },
		{ "link add $'v\\x1b' type veth peer name p", "v\\x1b: ",
		  "interface name contains control character \\x1b" },
		{ "link add name $'v\\x1b' type veth peer name p", "v\\x1b: ",
		  "interface name contains control character \\x1b" },
		{ "link add v type veth peer name $'p\\x1b'", "p\\x1b: ",
		  "interface name contains control character \\x1b" },
		{ "link add v type veth peer $'p\\x01'", "p\\x01: ",
		  "interface name contains control character \\x01" },
		{ "link add $'b\\x1b' type bridge", "b\\x1b: ",
		  "interface name contains control character \\x1b" },
		{ "link add $'b\\xfe' type bridge", "b\\xfe: ", "not valid UTF-8" },
		{ "link add ünïcödé-namé type veth peer name p",
		  "ünïcödé-namé: ", "interface name longer than 15 bytes" },
	};
	static const struct { const char *line, *name, *canon; } taken[] = {
		{ "link set $'a\\x1bb' up", "a\x1b" "b", "ip link set $'a\\x1bb' up" },
		{ "link del $'a\\x01'", "a\x01", "ip link del $'a\\x01'" },
		{ "netns del $'x\\x1b[2Jy'", "x\x1b[2Jy", "ip netns del $'x\\x1b[2Jy'" },
		{ "netns del $'it\\'s\\x7f'", "it's\x7f", "ip netns del $'it\\'s\\x7f'" },
		{ "link set $'\\xff' up", "\xff", "ip link set $'\\xff' up" },
		/* unicode is a name like any other */
		{ "link add ünï type veth peer name p", "ünï",
		  "ip link add 'ünï' type veth peer name p" },
		{ "netns add café", "café", "ip netns add 'café'" },
	};
	struct cmd c;

	(void)state;
	for (size_t k = 0; k < sizeof refused / sizeof *refused; k++) {
		memset(err, 0, sizeof err);
		if (parse_line(refused[k].line, &c) != -1)
			fail_msg("'%s' was accepted", refused[k].line);
		if (strncmp(err, refused[k].word, strlen(refused[k].word)) ||
		    !strstr(err, refused[k].reason))
			fail_msg("'%s': message '%s' should start with '%s' and "
			         "say '%s'", refused[k].line, err, refused[k].word,
			         refused[k].reason);
		for (const char *e = err; *e; e++)
			if ((unsigned char)*e < 0x20 || *e == 0x7f)
				fail_msg("'%s': raw control byte in '%s'",
				         refused[k].line, err);
		cmd_free(&c);
	}
	for (size_t k = 0; k < sizeof taken / sizeof *taken; k++) {
		struct sbuf b = SBUF_INIT;
		struct cmd again;

		parse_ok(taken[k].line, &c);
		assert_string_equal(cname(&c), taken[k].name);
		cmd_canonical(&c, &b);
		assert_string_equal(sbuf_str(&b), taken[k].canon);
		/* the canonical form reads back as the same command */
		parse_ok(sbuf_str(&b), &again);
		assert_string_equal(cname(&again), cname(&c));
		assert_int_equal(again.verb, c.verb);
		cmd_free(&again);
		cmd_free(&c);
		sbuf_free(&b);
	}
	/* a message that echoes a word never holds the raw byte */
	assert_int_equal(parse_line("link set veth0 $'fr\\x1b[2Job'", &c), -1);
	assert_string_equal(err, "fr\\x1b[2Job: unknown link setting "
	                    "(expected up, down, netns NS, mtu N, address MAC, "
	                    "master BRIDGE, nomaster, name NEW, alias TEXT, "
	                    "txqueuelen N, promisc on|off, arp on|off or type bridge|bridge_slave OPTIONS)");
	assert_int_equal(parse_line("$'\\x1b]0;title\\x07'", &c), -1);
	assert_non_null(strstr(err, "\\x1b]0;title\\x07: unknown command"));
	/* $'...' errors */
	{
		char **w = NULL;

		assert_int_equal(cmd_split("netns add $'abc", &w, err, sizeof err), -1);
		assert_string_equal(err, "$'abc: unterminated $'...' quote");
		assert_int_equal(cmd_split("netns add $'a\\x00b'", &w, err,
		                           sizeof err), -1);
		assert_non_null(strstr(err, "\\x00: a word cannot hold a NUL byte"));
		/* what bash keeps, kept */
		assert_int_equal(cmd_split("$'\\xzz\\q\\e\\\\'", &w, err, sizeof err), 1);
		assert_string_equal(w[0], "\\xzz\\q\x1b\\");
		cmd_free_words(w, 1);
		/* in a -c list, a quote or ; inside $'...' does not end it */
		assert_int_equal(cmd_split_list("netns add $'a\\';b'; netns list",
		                                 &w, err, sizeof err), 2);
		assert_string_equal(w[0], "netns add $'a\\';b'");
		cmd_free_words(w, 2);
		assert_int_equal(cmd_split_list("netns add $'a", &w, err,
		                                sizeof err), -1);
		assert_string_equal(err, "$'a: unterminated $'...' quote");
	}
}

/* The lists in "unknown command (expected ...)" come from the grammar's
 * own tables: every word listed is taken, and every command nsviz takes
 * is listed. */
static void list_words(const char *msg, char words[][16], size_t *n)
{
	const char *s = strstr(msg, "(expected ");

	*n = 0;
	assert_non_null(s);
	s += strlen("(expected ");
	while (*s && *s != ')') {
		size_t len = strcspn(s, ", )");

		if (len == 2 && !strncmp(s, "or", 2)) {
			s += 2;
		} else if (len) {
			assert_true(len < 16);
			memcpy(words[*n], s, len);
			words[(*n)++][len] = '\0';
			s += len;
		}
		s += strspn(s, ", ");
	}
}

static void test_hints_from_tables(void **state)
{
	static const char *const objs[] = { "netns", "link", "addr", "route" };
	char words[32][16];
	struct cmd c;
	size_t n;

	(void)state;
	assert_int_equal(parse_line("frob", &c), -1);
	list_words(err, words, &n);
	assert_int_equal(n, 12);
	for (size_t k = 0; k < n; k++) {
		char line[64];

		snprintf(line, sizeof line, "%.15s frob", words[k]);
		memset(err, 0, sizeof err);
		if (parse_line(line, &c) == 0)
			cmd_free(&c);
		/* it is a command: whatever is wrong is after it */
		if (strstr(err, "unknown command") || strstr(err, "not supported by"))
			fail_msg("'%s' is listed but not taken: %s", words[k], err);
	}
	/* each object's verbs */
	for (size_t o = 0; o < sizeof objs / sizeof *objs; o++) {
		char line[64];

		snprintf(line, sizeof line, "%s frob", objs[o]);
		assert_int_equal(parse_line(line, &c), -1);
		list_words(err, words, &n);
		assert_true(n >= 3);
		for (size_t k = 0; k < n; k++) {
			snprintf(line, sizeof line, "%s %.15s", objs[o], words[k]);
			memset(err, 0, sizeof err);
			if (parse_line(line, &c) == 0)
				cmd_free(&c);
			if (strstr(err, "unknown") || strstr(err, "not supported"))
				fail_msg("'%s' is listed but not taken: %s", line, err);
		}
	}
	/* the same list where a command is missing */
	assert_int_equal(parse_line("ip", &c), -1);
	assert_string_equal(err, "ip: missing command (expected addr, route, "
	                    "rule, neigh, link, netns, ping, echo, send, "
	                    "sysctl or why)");
	assert_int_equal(parse_line("netns exec x ip", &c), -1);
	assert_non_null(strstr(err, "missing command (expected addr, route, "));
	assert_int_equal(parse_line("link frob", &c), -1);
	assert_string_equal(err, "link frob: unknown link command (expected add, "
	                    "set, del or show)");
}

static void assert_cmds(const char *s, int n, ...)
{
	char **v = NULL;
	va_list ap;
	int got = cmd_split_list(s, &v, err, sizeof err);

	if (got != n)
		fail_msg("split_list '%s': %d commands, expected %d (%s)", s, got, n,
		         err);
	va_start(ap, n);
	for (int k = 0; k < n; k++)
		assert_string_equal(v[k], va_arg(ap, const char *));
	va_end(ap);
	if (n > 0)
		assert_null(v[n]);
	else
		assert_null(v);
	cmd_free_words(v, got);
}

static void test_split_list(void **state)
{
	char **v = (char **)0x1;

	(void)state;
	assert_cmds("", 0);
	assert_cmds(" ; ;\n\n ;", 0);
	assert_cmds("netns add a", 1, "netns add a");
	assert_cmds("netns add a; netns add b", 2, "netns add a", "netns add b");
	assert_cmds("netns add a;netns add b;", 2, "netns add a", "netns add b");
	assert_cmds("link\n\n  route  \n", 2, "link", "route");
	assert_cmds("netns exec a sh -c 'x; y'; link", 2,
	            "netns exec a sh -c 'x; y'", "link");
	assert_cmds("netns add \"a;b\"\nlink", 2, "netns add \"a;b\"", "link");
	assert_cmds("netns add a\\;b; link", 2, "netns add a\\;b", "link");
	assert_cmds("netns add a # not; a command\nlink", 2, "netns add a", "link");
	assert_cmds("# just a comment; still comment", 0);
	assert_cmds("a#b;c", 2, "a#b", "c");
	assert_cmds("netns add 'x\ny'; link", 2, "netns add 'x\ny'", "link");

	/* each piece splits into the words it had in the list */
	{
		char **cmds, **w;
		int n = cmd_split_list("netns add 'my ns'; link set a\\;b up", &cmds,
		                       err, sizeof err);
		int k;

		assert_int_equal(n, 2);
		k = cmd_split(cmds[1], &w, err, sizeof err);
		assert_int_equal(k, 4);
		assert_string_equal(w[2], "a;b");
		cmd_free_words(w, k);
		cmd_free_words(cmds, n);
	}

	assert_int_equal(cmd_split_list("link; netns add 'x", &v, err, sizeof err),
	                 -1);
	assert_null(v);
	assert_non_null(strstr(err, "'x"));
	assert_non_null(strstr(err, "unterminated"));
}

/* ---- bad input ----------------------------------------------------------- */

static const struct { const char *line, *word, *reason; } bad_inputs[] = {
	/* names */
	{ "link set veth0123456789012 up", "veth0123456789012",
	  "interface name longer than 15 characters" },
	{ "link set a/b up", "a/b", "interface name must not contain '/'" },
	{ "link set a:b up", "a:b", "must not contain ':'" },
	{ "link set 'a b' up", "a b", "must not contain blanks" },
	{ "link set .. up", "..", "not a valid interface name" },
	{ "link set '' up", "''", "interface name is empty" },
	{ "link add a type veth peer name veth0123456789012", "veth0123456789012",
	  "longer than 15" },
	{ "netns add a/b", "a/b", "namespace name must not contain '/'" },
	{ "netns add .", ".", "not a valid namespace name" },
	{ "netns add ''", "''", "namespace name is empty" },
	{ "-n a/b link", "a/b", "must not contain '/'" },
	{ "link set x netns ..", "..", "not a valid namespace name" },
	/* addresses */
	{ "addr add 10.0.1.300/24 dev x", "10.0.1.300/24", "not a valid IPv4 address" },
	{ "addr add 10.0.1.0/33 dev x", "10.0.1.0/33",
	  "prefix length 33 out of range (0..32)" },
	{ "addr add 10.0.1.0/abc dev x", "10.0.1.0/abc", "is not a number" },
	{ "addr add 10.0.1.0/ dev x", "10.0.1.0/", "missing prefix length" },
	{ "addr add 10.0.1.0/-1 dev x", "10.0.1.0/-1", "is not a number" },
	{ "addr add fe80::1/129 dev x", "fe80::1/129", "out of range (0..128)" },
	{ "addr add fe80::zz/64 dev x", "fe80::zz/64", "not a valid IPv6 address" },
	{ "addr add 10.1/8 dev x", "10.1/8", "not a valid IPv4 address" },
	{ "addr add myhost/8 dev x", "myhost/8", "not an IP address" },
	{ "-4 addr add fe80::1/64 dev x", "fe80::1/64", "not an IPv4 address" },
	{ "-6 route add 10.0.0.0/8 dev x", "10.0.0.0/8", "not an IPv6 address" },
	{ "route add 10.0.2.1/24 dev veth0", "10.0.2.1/24", "host bits set" },
	{ "route add fe80::/64 via 10.0.0.1", "10.0.0.1", "gateway is IPv4" },
	{ "route add 10.0.0.0/8 dev x src fe80::1", "fe80::1", "source is IPv6" },
	{ "route add 10.0.2.0/24", "10.0.2.0/24",
	  "needs a gateway (via ADDR) or a device (dev NAME)" },
	{ "route add default", "default", "needs a gateway" },
	{ "route add 10.0.0.0/8 via 10.0.0.1/32", "10.0.0.1/32", "not a prefix" },
	{ "route get 10.0.0.0/8", "10.0.0.0/8", "not a prefix" },
	{ "ping 10.0.0.0/8", "10.0.0.0/8", "not a prefix" },
	{ "ping example.com", "example.com", "not an IP address" },
	/* link settings */
	{ "link set x address zz:00:00:00:00:01", "zz:00:00:00:00:01",
	  "not a MAC address (expected six hex bytes like 0a:1b:2c:3d:4e:5f)" },
	{ "link set x address 00:11:22:33:44", "00:11:22:33:44", "not a MAC address" },
	{ "link set x address 00:11:22:33:44:55:66", "00:11:22:33:44:55:66",
	  "not a MAC address" },
	{ "link set x address 01:00:5e:00:00:01", "01:00:5e:00:00:01", "multicast" },
	{ "link set x address 00:00:00:00:00:00", "00:00:00:00:00:00", "all-zero" },
	{ "link set x mtu 70000", "70000", "mtu out of range (68..65536)" },
	{ "link set x mtu 67", "67", "mtu out of range" },
	{ "link set x mtu abc", "abc", "mtu must be a number" },
	{ "link set x mtu -1", "-1", "mtu must be a number" },
	{ "link set x up down", "down", "conflicts with up" },
	{ "link set x up up", "up", "given twice" },
	{ "link set x mtu 1400 mtu 1500", "mtu", "given twice" },
	{ "link set x", "link set x", "nothing to change" },
	{ "link set x mtu 1400 extra", "extra", "unknown link setting" },
	{ "link set x name a/b", "a/b", "must not contain '/'" },
	{ "link set x name 'a%d'", "a%d", "must not contain '%'" },
	{ "link set x name $'a\\x1b'", "a\\x1b", "control character" },
	{ "link set x name", "link set x name", "missing new interface name" },
	{ "link set x name y name z", "name", "given twice" },
	{ "link set x alias $'\\x1b[2J'", "\\x1b[2J", "alias name contains control" },
	{ "link set x txqueuelen -1", "-1", "txqueuelen must be a number 0..2147483647" },
	{ "link set x qlen 2147483648", "2147483648", "qlen must be a number" },
	{ "link set x qlen 1 txqueuelen 2", "txqueuelen", "given twice" },
	{ "link set x promisc maybe", "maybe", "promisc takes on or off" },
	{ "link set x arp", "link set x arp", "missing on or off" },
	{ "link set x arp 1", "1", "arp takes on or off" },
	{ "link show type", "link show type", "missing link type" },
	{ "link show up up", "up", "given twice" },
	{ "link show x y", "y", "unexpected" },
	{ "link show type Bridge", "Bridge", "not a link type" },
	/* link add KIND */
	{ "link add x type geneve", "geneve", "link type not supported (nsviz "
	  "creates veth, bridge, vlan, macvlan, ipvlan, dummy and vxlan links)" },
	{ "link add x type vlan id 5", "link add x type vlan", "missing link DEV" },
	{ "link add link veth0 name v type vlan", "link add link veth0 name v "
	  "type vlan", "missing VLAN id" },
	{ "link add link veth0 name v type vlan id 4095", "4095",
	  "VLAN id must be a number 0..4094" },
	{ "link add link veth0 name v type vlan id 5 protocol 802.1x", "802.1x",
	  "not a VLAN protocol (802.1Q or 802.1ad)" },
	{ "link add link veth0 name v type vlan id 5 id 6", "id", "given twice" },
	{ "link add link veth0 name v type vlan id 5 gvrp on", "gvrp",
	  "vlan option not supported by nsviz" },
	{ "link add link a link b name v type vlan id 5", "link", "given twice" },
	{ "link add link veth0 name m type macvlan mode foo", "foo",
	  "not a macvlan mode" },
	{ "link add link veth0 name m type macvlan nopromisc", "nopromisc",
	  "macvlan option not supported by nsviz" },
	{ "link add link veth0 name i type ipvlan mode l4", "l4",
	  "not an ipvlan mode (l2, l3 or l3s)" },
	{ "link add link veth0 name i type ipvlan private vepa", "vepa",
	  "given twice" },
	{ "link add d0 type dummy foo", "foo", "a dummy takes no options" },
	{ "link add d0 type dummy up", "up", "set it afterwards with link set" },
	{ "link add link veth0 name d0 type dummy", "link veth0",
	  "a dummy does not sit on another interface" },
	{ "link add link veth0 name vx type vxlan id 1", "link veth0",
	  "a vxlan takes dev NAME" },
	{ "link add link veth0 name x type veth peer y", "link veth0",
	  "does not sit on another interface" },
	{ "link add vx type vxlan", "link add vx type vxlan", "missing VXLAN id" },
	{ "link add vx type vxlan remote 10.0.0.1", "link add vx type vxlan "
	  "remote 10.0.0.1", "missing VXLAN id" },
	{ "link add vx type vxlan id 16777216", "16777216",
	  "VXLAN id must be a number 0..16777215" },
	{ "link add vx type vxlan id 1 group 10.0.0.1 dev x", "10.0.0.1",
	  "a group is a multicast address" },
	{ "link add vx type vxlan id 1 remote 239.1.1.1", "239.1.1.1",
	  "a remote is a unicast address" },
	{ "link add vx type vxlan id 1 group 239.1.1.1", "group",
	  "a multicast group needs dev NAME" },
	{ "link add vx type vxlan id 1 remote 10.0.0.1 group 239.1.1.1 dev x",
	  "group", "both group and remote given" },
	{ "link add vx type vxlan id 1 local 10.0.0.1 remote fd00::1", "fd00::1",
	  "IPv4" },
	{ "link add vx type vxlan id 1 local 239.0.0.1", "239.0.0.1",
	  "the local address cannot be multicast" },
	{ "link add vx type vxlan id 1 ttl 256", "256",
	  "ttl must be a number 0..255 or auto" },
	{ "link add vx type vxlan id 1 dstport 65536", "65536",
	  "dstport must be a port number 0..65535" },
	{ "link add vx type vxlan id 1 learning", "learning",
	  "vxlan option not supported by nsviz" },
	{ "link add vx type vxlan id 1 remote nowhere", "nowhere", "address" },
	{ "link set", "link set", "missing interface name" },
	{ "link set x mtu", "link set x mtu", "missing mtu value" },
	/* link add */
	{ "link add x type vlan", "link add x type vlan", "missing link DEV" },
	{ "link add x", "link add x", "missing type KIND" },
	{ "link add x type", "link add x type", "missing link type (veth, "
	  "bridge, vlan, macvlan, ipvlan, dummy or vxlan)" },
	{ "link add br0 type bridge group_fwd_mask 1", "group_fwd_mask",
	  "bridge option not supported" },
	{ "link add br0 type bridge up", "up", "set it afterwards with link set" },
	{ "link add br0 type bridge g 1", "g", "means group_fwd_mask" },
	{ "link add br0 type bridge stp_state", "link add br0 type bridge stp_state",
	  "missing stp_state value" },
	{ "link add br0 type bridge stp_state on", "on", "must be a number" },
	{ "link add br0 type bridge vlan_filtering 256", "256",
	  "vlan_filtering must be a number (0..255)" },
	{ "link add br0 type bridge priority 65536", "65536", "(0..65535)" },
	{ "link add br0 type bridge vlan_protocol 802.1x", "802.1x",
	  "must be 802.1Q or 802.1ad" },
	{ "link add br0 type bridge learning off", "learning",
	  "unknown bridge option" },
	{ "link set v0 type bridge_slave learning yes", "yes", "must be on or off" },
	{ "link set v0 type bridge_slave stp_state 1", "stp_state",
	  "unknown bridge_slave option" },
	{ "link set v0 type bridge_slave guard on", "guard",
	  "bridge_slave option not supported by nsviz" },
	{ "link set v0 type vxlan id 1", "vxlan", "link type not supported by link set" },
	{ "link set v0 type", "link set v0 type", "missing link type" },
	{ "link set v0 netns n1 type bridge_slave cost 1", "type",
	  "cannot be combined with netns" },
	/* the bridge command */
	{ "bridge", "bridge", "missing object (expected link, fdb or vlan)" },
	{ "bridge vxlan", "vxlan", "unknown bridge command (expected link, fdb or vlan)" },
	{ "bridge mdb", "mdb", "not supported by nsviz" },
	{ "bridge monitor", "monitor", "run nsviz monitor" },
	{ "bridge -c vlan", "-c", "bridge option not supported by nsviz" },
	{ "bridge -4 vlan", "-4", "unknown bridge option" },
	{ "bridge -n", "bridge -n", "missing namespace name" },
	{ "bridge vlan frob", "vlan frob", "unknown bridge vlan command" },
	{ "bridge vlan t", "vlan t", "means bridge vlan tunnelshow" },
	{ "bridge vlan set vid 1 dev x state 1", "vlan set", "not supported by nsviz" },
	{ "bridge fdb add 02:00:00:00:00:01 dev v0", "fdb add", "not supported by nsviz" },
	{ "bridge link set dev v0 cost 1", "link set", "not supported by nsviz" },
	{ "bridge vlan add vid 10", "vlan add vid 10", "missing dev NAME" },
	{ "bridge vlan add dev v0", "vlan add dev v0", "missing vid VID" },
	{ "bridge vlan add dev v0 vid 0", "0", "not a VLAN ID (expected 1..4094" },
	{ "bridge vlan add dev v0 vid 4095", "4095", "not a VLAN ID" },
	{ "bridge vlan add dev v0 vid 10-", "10-", "not a VLAN ID" },
	{ "bridge vlan add dev v0 vid x", "x", "not a VLAN ID" },
	{ "bridge vlan add dev v0 vid 20-10", "20-10", "not a VLAN range" },
	{ "bridge vlan add dev v0 vid 10-20 pvid", "pvid",
	  "cannot be set for a VLAN range" },
	{ "bridge vlan add dev v0 vid 10 vid 11", "vid", "given twice" },
	{ "bridge vlan add dev v0 vid 10 pvid pvid", "pvid", "given twice" },
	{ "bridge vlan add dev v0 vid 10 tagged", "tagged",
	  "unknown bridge vlan argument" },
	{ "bridge vlan add dev v0 vid 10 tunnel_info id 5", "tunnel_info",
	  "not supported by nsviz" },
	{ "bridge vlan add dev v/0 vid 10", "v/0", "must not contain '/'" },
	{ "bridge vlan show v0", "v0", "unknown argument after vlan show" },
	{ "bridge vlan show vid 10", "vid", "filter not supported by nsviz" },
	{ "bridge fdb show vlan 10", "vlan", "filter not supported by nsviz" },
	{ "bridge fdb show dev v0 dev v1", "dev", "given twice" },
	{ "bridge fdb show br", "fdb show br", "missing bridge name" },
	{ "bridge link show br br0", "br", "unknown argument after link show" },
	{ "bridge -d vlan show", "-d", "not supported by nsviz" },
	{ "bridge -s vlan show", "-s", "not supported by nsviz" },
	{ "bridge -n sw -n sw vlan", "-n", "given twice" },
	{ "link add br0 type bridge peer name x", "peer", "a bridge has no peer" },
	{ "link add x master br0 type veth peer y", "master", "set it afterwards" },
	{ "link add br/0 type bridge", "br/0", "must not contain '/'" },
	/* master, nomaster */
	{ "link set x master", "link set x master", "missing bridge name" },
	{ "link set x master br0 master br1", "master", "given twice" },
	{ "link set x nomaster nomaster", "nomaster", "given twice" },
	{ "link set x master br0 nomaster", "nomaster", "conflicts with master br0" },
	{ "link set x nomaster master br0", "master", "conflicts with nomaster" },
	{ "link set x master x", "master x", "cannot be its own master" },
	{ "link set x master br0 netns y", "master br0",
	  "cannot be combined with netns" },
	{ "link set x master a/b", "a/b", "must not contain '/'" },
	{ "link set x master br01234567890123", "br01234567890123",
	  "longer than 15" },
	/* neigh */
	{ "neigh show veth0", "veth0", "unexpected argument after neigh show "
	  "(expected dev NAME)" },
	{ "neigh show dev", "neigh show dev", "missing interface name" },
	{ "neigh show dev a dev b", "dev", "given twice" },
	{ "neigh show nud all", "nud", "neigh show option not supported" },
	{ "neigh show proxy", "proxy", "not supported" },
	{ "neigh add 10.0.0.1 dev x nud sleepy", "sleepy",
	  "not a neighbour state" },
	{ "neigh flush", "neigh flush", "missing what to flush" },
	{ "neigh frob", "neigh frob", "unknown neigh command" },
	{ "neigh show dev a/b", "a/b", "must not contain '/'" },
	/* sysctl */
	{ "sysctl", "sysctl", "missing key (like net.ipv4.ip_forward)" },
	{ "sysctl -w", "sysctl -w", "missing KEY=VALUE" },
	{ "sysctl kernel.hostname", "kernel.hostname",
	  "not a network sysctl (nsviz reads and sets net.* keys only" },
	{ "sysctl -w kernel.hostname=x", "kernel.hostname=x",
	  "not a network sysctl" },
	{ "sysctl net", "net", "names every network sysctl" },
	{ "sysctl net.ipv4..ip_forward", "net.ipv4..ip_forward",
	  "empty part between dots" },
	{ "sysctl net.ipv4.", "net.ipv4.", "empty part between dots" },
	{ "sysctl .net.ipv4", ".net.ipv4", "empty part between dots" },
	{ "sysctl net/ipv4/ip_forward", "net/ipv4/ip_forward",
	  "must not contain '/'" },
	{ "sysctl net.ipv4.conf.a/b.forwarding", "net.ipv4.conf.a/b.forwarding",
	  "must not contain '/'" },
	{ "sysctl net.ipv4.../etc", "net.ipv4.../etc", "must not contain '/'" },
	{ "sysctl -w net.ipv4.ip_forward", "net.ipv4.ip_forward",
	  "malformed setting: -w needs KEY=VALUE" },
	{ "sysctl -w =1", "=1", "malformed setting: the key before '=' is empty" },
	{ "sysctl -w net.ipv4.ip_forward=", "net.ipv4.ip_forward=",
	  "malformed setting: the value after '=' is empty" },
	{ "sysctl -w 'net.ipv4.ip_forward=1\n2'", "net.ipv4.ip_forward=1",
	  "must not contain a newline" },
	{ "sysctl -w net.ipv4.ip_forward = 1", "net.ipv4.ip_forward",
	  "without blanks around '='" },
	{ "sysctl net.ipv4.$'\\x1b'", "net.ipv4.\\x1b",
	  "sysctl key must not contain control character \\x1b" },
	{ "sysctl 'net.ipv4.a b'", "net.ipv4.a b", "must not contain blanks" },
	{ "sysctl -a", "-a", "sysctl option not supported (nsviz's sysctl "
	  "takes -w, -n and -q)" },
	{ "sysctl -w -w net.ipv4.ip_forward=1", "-w", "given twice" },
	{ "sysctl net.ipv4.ip_forward net.ipv6.conf.all.forwarding",
	  "net.ipv6.conf.all.forwarding", "unexpected argument after sysctl "
	  "net.ipv4.ip_forward" },
	{ "-4 sysctl net.ipv4.ip_forward", "-4", "not meaningful for sysctl" },
	{ "sysctl -n router net.ipv4.ip_forward", "router",
	  "a namespace goes first: -n NS sysctl KEY" },
	{ "netns exec r sysctl -a", "-a", "sysctl option not supported" },
	{ "link add", "link add", "missing interface name" },
	{ "link add type veth peer name y", "link add", "missing interface name" },
	{ "link add x type veth", "link add x type veth", "missing peer" },
	{ "link add x type veth peer", "link add x type veth peer",
	  "missing peer name" },
	{ "link add x type veth peer name x", "x", "same name" },
	{ "link add x type veth peer name y netns a netns b", "netns", "given twice" },
	{ "link add x mtu 1400 type veth peer y", "mtu", "set it afterwards" },
	{ "link add x type veth frob", "frob", "expected peer name PEER" },
	{ "link add x type veth peer y z", "z", "unexpected argument after" },
	/* unknown or unsupported words */
	{ "frobnicate", "frobnicate",
	  "unknown command (expected addr, route, rule, neigh, link, netns, ping, "
	  "echo, send, sysctl, why or nft)" },
	{ "link frob", "link frob", "unknown link command" },
	{ "addr frob", "addr frob", "unknown addr command" },
	{ "route frob", "route frob", "unknown route command" },
	{ "netns frob", "netns frob", "unknown netns command" },
	{ "rule add", "rule add", "missing selectors and an action" },
	{ "ip nt", "nt", "means ntable" },
	{ "monitor", "monitor", "nsviz monitor" },
	{ "route replace 10.0.0.0/8", "10.0.0.0/8", "needs a gateway" },
	{ "route t 10.0.0.0/8 dev x", "route t", "means route test" },
	{ "link replace x", "link replace", "not supported" },
	{ "netns monitor", "netns monitor", "not supported" },
	{ "netns attach", "netns attach", "missing namespace name" },
	{ "netns attach h", "netns attach h", "missing process id" },
	{ "netns attach h 0", "0", "not a process id" },
	{ "netns attach h -3", "-3", "not a process id" },
	{ "netns attach h abc", "abc", "not a process id" },
	{ "netns attach h 1 2", "2", "unexpected argument" },
	{ "netns attach a/b 1", "a/b", "must not contain '/'" },
	{ "netns attach $'e\x1b' 1", "e\\x1b", "control character" },
	{ "-n x netns attach h 1", "-n x", "takes no -n" },
	{ "netns set", "netns set", "missing namespace name" },
	{ "netns set a", "netns set a", "missing nsid" },
	{ "netns set a -1", "-1", "not a valid nsid (expected auto or a number" },
	{ "netns set a x", "x", "not a valid nsid" },
	{ "netns set a 2147483648", "2147483648", "not a valid nsid" },
	{ "netns set a 1 2", "2", "unexpected argument" },
	{ "netns list-id nsid", "netns list-id nsid", "missing nsid" },
	{ "netns list-id nsid -1", "-1", "not a valid nsid" },
	{ "netns list-id target-nsid x", "x", "not a valid target-nsid" },
	{ "netns list-id nsid 1 nsid 2", "nsid", "given twice" },
	{ "netns list-id foo", "foo", "unexpected argument" },
	{ "-4 netns list-id", "-4", "not meaningful for netns" },
	{ "-all netns del a", "a", "takes no name" },
	{ "-all netns exec", "netns exec", "missing program to run" },
	{ "-all netns exec ip", "netns exec ip", "missing command" },
	{ "-all netns exec ip -n a link", "-n a", "inside -all netns exec" },
	{ "-all netns exec ip netns add x", "netns", "cannot run inside netns exec" },
	{ "-all netns add x", "-all", "not meaningful for netns add" },
	{ "-all netns set a 1", "-all", "not meaningful for netns set" },
	{ "-all netns attach a 1", "-all", "not meaningful for netns attach" },
	{ "-all link show", "-all", "not meaningful for link" },
	{ "-all -n vnet echo tcp port 5003", "-all", "not meaningful for echo" },
	{ "netns exec a ip -all link", "-all", "not meaningful for link" },
	{ "addr flush", "addr flush", "missing what to flush" },
	/* issue 14: address options */
	{ "addr add 10.0.0.1/8 dev x anycast 10.0.0.9", "anycast",
	  "address option not supported" },
	{ "addr add 10.0.0.1/8 dev x label foo", "foo",
	  "label must be the device's name (x) or start with \"x:\"" },
	{ "addr add 10.0.0.1/8 dev x label xy", "xy", "label must be" },
	{ "addr add 10.0.0.1/8 dev x label x:0123456789abcdef", "x:0123456789abcdef",
	  "label longer than 15 bytes" },
	{ "addr add 10.0.0.1/8 dev x label 'x:\ta'", "x:", "printable ASCII" },
	{ "addr add 10.0.0.1/8 dev x label ''", "''", "label is empty" },
	{ "addr add 10.0.0.1/8 dev x label x label x:1", "label", "given twice" },
	{ "addr add 10.0.0.1/8 peer fe80::1 dev x", "fe80::1",
	  "peer is IPv6 but the address is IPv4" },
	{ "addr add 10.0.0.1/8 peer 10.0.0.2 peer 10.0.0.3 dev x", "peer",
	  "given twice" },
	{ "addr add 10.0.0.1/8 peer 10.0.0.2/33 dev x", "10.0.0.2/33",
	  "prefix length" },
	{ "addr add fe80::1/64 brd + dev x", "+",
	  "a broadcast address is only for IPv4" },
	{ "addr add 10.0.0.1/8 brd fe80::1 dev x", "fe80::1",
	  "broadcast is IPv6 but the address is IPv4" },
	{ "addr add 10.0.0.1/8 brd 10.0.0.300 dev x", "10.0.0.300",
	  "not a valid IPv4 address" },
	{ "addr add 10.0.0.1/8 brd * dev x", "*", "not an IP address" },
	{ "addr add 10.0.0.1/8 scope galaxy dev x", "galaxy", "not a route scope" },
	{ "addr add 10.0.0.1/8 metric -1 dev x", "-1", "metric must be a number" },
	{ "addr add 10.0.0.1/8 metric 4294967296 dev x", "4294967296",
	  "must be a number" },
	{ "addr add 10.0.0.1/8 dev x valid_lft never", "never",
	  "valid_lft must be forever or a number of seconds" },
	{ "addr add 10.0.0.1/8 dev x valid_lft 0 preferred_lft 0", "valid_lft",
	  "must not be 0" },
	{ "addr add 10.0.0.1/8 dev x valid_lft 10", "valid_lft",
	  "needs preferred_lft too" },
	{ "addr add 10.0.0.1/8 dev x valid_lft 10 preferred_lft 20",
	  "preferred_lft", "must not be greater than valid_lft" },
	{ "addr add 10.0.0.1/8 dev x preferred_lft -5", "-5",
	  "preferred_lft must be forever or a number" },
	{ "addr add 10.0.0.1/8 dev x nodad", "nodad", "only for IPv6" },
	{ "addr add 10.0.0.1/8 dev x home", "home", "only for IPv6" },
	{ "addr add 10.0.0.1/8 dev x mngtmpaddr", "mngtmpaddr", "only for IPv6" },
	{ "addr add fe80::1/64 dev x nodad nodad", "nodad", "given twice" },
	{ "addr add 10.0.0.1/8 dev x autojoin", "autojoin", "not supported" },
	/* issue 14: onlink and next hops */
	{ "route add 10.0.0.0/8 nexthop", "nexthop",
	  "a next hop needs via ADDR or dev NAME" },
	{ "route add 10.0.0.0/8 nexthop weight 2", "nexthop", "needs via ADDR" },
	{ "route add 10.0.0.0/8 nexthop via 10.0.0.1 nexthop", "nexthop",
	  "needs via ADDR or dev NAME" },
	{ "route add 10.0.0.0/8 nexthop via 10.0.0.1 weight 0", "0",
	  "weight must be a number (1..256)" },
	{ "route add 10.0.0.0/8 nexthop via 10.0.0.1 weight 257", "257",
	  "weight must be a number" },
	{ "route add 10.0.0.0/8 nexthop via 10.0.0.1 weight",
	  "route add 10.0.0.0/8 nexthop via 10.0.0.1 weight", "missing weight" },
	{ "route add 10.0.0.0/8 nexthop via fe80::1", "fe80::1",
	  "gateway is IPv6 but the route is IPv4" },
	{ "route add default nexthop via 10.0.0.1 nexthop via fe80::1", "fe80::1",
	  "gateway is IPv6 but the route is IPv4" },
	{ "route add 10.0.0.0/8 nexthop via 10.0.0.1 via 10.0.0.2", "via",
	  "given twice" },
	{ "route add 10.0.0.0/8 nexthop dev x onlink onlink", "onlink",
	  "given twice" },
	{ "route add 10.0.0.0/8 nexthop dev x mtu 1400", "mtu",
	  "next hop option not supported by nsviz" },
	{ "route add 10.0.0.0/8 nexthop dev x 10.1.0.0/16", "10.1.0.0/16",
	  "next hop option not supported" },
	{ "route add nexthop dev x", "nexthop",
	  "the destination comes before nexthop" },
	{ "route add 10.0.0.0/8 nexthop dev x nexthop dev x nexthop dev x "
	  "nexthop dev x nexthop dev x nexthop dev x nexthop dev x nexthop dev x "
	  "nexthop dev x", "nexthop", "at most 8 next hops" },
	{ "route add 10.0.0.0/8 dev x onlink onlink", "onlink", "given twice" },
	{ "route add 10.0.0.0/8 dev x tos 256", "256", "tos must be a number (0..255" },
	{ "route add 10.0.0.0/8 via inet6 10.0.0.1", "10.0.0.1", "not an IPv6 address" },
	{ "route add 10.0.0.0/8 via inet", "route add 10.0.0.0/8 via inet",
	  "missing gateway address" },
	{ "route add 10.0.0.0/8 nexthop via inet fe80::1", "fe80::1",
	  "not an IPv4 address" },
	{ "route add 10.0.0.0/8 dev x tos lowdelay", "lowdelay", "tos must be a number" },
	{ "route add 10.0.0.0/8 dev x mtu lock 1300", "lock",
	  "a locked mtu is not supported" },
	{ "route add 10.0.0.0/8 dev x mtu 0", "0", "mtu must be a number (1.." },
	{ "route add 10.0.0.0/8 dev x mtu", "route add 10.0.0.0/8 dev x mtu",
	  "missing mtu value" },
	{ "route add 10.0.0.0/8 dev x pref top", "top",
	  "not a route preference (expected low, medium or high)" },
	{ "route add 10.0.0.0/8 dev x pref low pref high", "pref", "given twice" },
	{ "route add 10.0.0.0/8 dev x nhid 5", "nhid", "route option not supported" },
	{ "route add 10.0.0.0/8 dev x proto nosuch", "nosuch",
	  "not a route protocol" },
	{ "route add 10.0.0.0/8 dev x scope galaxy", "galaxy", "not a route scope" },
	{ "route add 10.0.0.0/8 dev x scope 256", "256", "not a route scope" },
	{ "route add 10.0.0.0/8 dev x metric -5", "-5", "metric must be a number" },
	{ "route add 10.0.0.0/8 dev x metric 4294967296", "4294967296",
	  "must be a number" },
	{ "route show table nosuch", "nosuch", "not a routing table" },
	{ "route add 10.0.0.0/8 dev x table -1", "-1", "not a routing table" },
	{ "ip -x link", "-x", "unknown option" },
	{ "ip -4 -6 route", "-6", "conflicts with -4" },
	{ "ip -family ipx route", "ipx", "family not supported" },
	{ "ip -4 netns list", "-4", "not meaningful for netns" },
	{ "ip -6 ping fe80::1", "-6", "not meaningful for ping" },
	{ "ip -n vnet netns add x", "-n vnet", "netns add takes no -n" },
	{ "ip -n vnet netns pids x", "-n vnet", "netns pids takes no -n" },
	{ "ip -n vnet netns exec x ip link", "-n vnet", "netns exec takes no -n" },
	/* missing and extra words */
	{ "", "", "empty command" },
	{ "ip", "ip", "missing command" },
	{ "ip -n vnet", "ip -n vnet", "missing command" },
	{ "-n", "-n", "missing namespace name" },
	{ "ip -n a -n b link", "-n", "given twice" },
	{ "netns add", "netns add", "missing namespace name" },
	{ "ip netns add", "netns add", "missing namespace name" },
	{ "netns add a b", "b", "unexpected argument after netns add a" },
	{ "netns del", "netns del", "missing namespace name" },
	{ "netns pids", "netns pids", "missing namespace name" },
	{ "netns pids a b", "b", "unexpected argument after netns pids a" },
	{ "netns identify abc", "abc", "not a process id" },
	{ "netns identify 0", "0", "not a process id" },
	{ "netns identify -5", "-5", "not a process id" },
	{ "netns identify 1 2", "2", "unexpected argument" },
	{ "netns list a b", "b", "unexpected argument" },
	{ "netns exec", "netns exec", "missing namespace name" },
	{ "netns exec vnet", "netns exec vnet", "missing program to run" },
	{ "netns exec vnet ip", "netns exec vnet ip", "missing command" },
	{ "netns exec vnet ip link frob", "link frob", "unknown link command" },
	{ "netns exec vnet ip -n x link", "-n x", "not allowed inside netns exec" },
	{ "netns exec vnet ip netns add x", "netns", "cannot run inside netns exec" },
	{ "netns exec vnet netns del x", "netns", "cannot run inside netns exec" },
	{ "netns exec a/b ip link", "a/b", "must not contain '/'" },
	{ "link del", "link del", "missing interface name" },
	{ "link del dev", "link del dev", "missing interface name" },
	{ "link del x y", "y", "unexpected argument after link del x" },
	{ "link show x y", "y", "unexpected argument" },
	{ "addr add 10.0.1.0/24", "addr add 10.0.1.0/24", "missing dev NAME" },
	{ "addr add dev x", "addr add dev x", "missing address" },
	{ "addr add 10.0.1.0/24 dev a dev b", "dev", "given twice" },
	{ "addr add 10.0.1.0/24 10.0.2.0/24 dev a", "10.0.2.0/24",
	  "unexpected argument" },
	{ "addr add 10.0.1.0/24 dev", "addr add 10.0.1.0/24 dev",
	  "missing interface name" },
	{ "addr show a b", "b", "unexpected argument" },
	{ "route add", "route add", "missing destination" },
	{ "route add 10.0.0.0/8 dev a dev b", "dev", "given twice" },
	{ "route add 10.0.0.0/8 via 10.0.0.1 via 10.0.0.2", "via", "given twice" },
	{ "route add 10.0.0.0/8 via", "route add 10.0.0.0/8 via",
	  "missing gateway address" },
	{ "route add 10.0.0.0/8 10.1.0.0/16 dev x", "10.1.0.0/16",
	  "unexpected argument" },
	{ "route add default default dev x", "default", "unexpected argument" },
	{ "route get", "route get", "missing address" },
	{ "route get 10.0.0.1 10.0.0.2", "10.0.0.2", "unexpected argument" },
	{ "route show 10.0.0.0/8 10.1.0.0/16", "10.1.0.0/16",
	  "unexpected argument" },
	/* routing (issue 11) */
	{ "route add 10.0.0.0/8 dev x table", "route add 10.0.0.0/8 dev x table",
	  "missing table" },
	{ "route add 10.0.0.0/8 dev x table 4294967296", "4294967296",
	  "not a routing table" },
	{ "route add 10.0.0.0/8 dev x table 1 table 2", "table", "given twice" },
	{ "route add 10.0.0.0/8 dev x proto 256", "256", "not a route protocol" },
	{ "route add broadcast 10.0.0.255 dev x", "broadcast",
	  "route type not supported" },
	{ "route add blackhole", "route add blackhole", "missing destination" },
	{ "route append 10.0.0.0/8", "10.0.0.0/8", "needs a gateway" },
	{ "route change 10.0.0.0/8 dev x realm 4", "realm", "not supported" },
	{ "route show table", "route show table", "missing table" },
	{ "route show table cache", "cache", "routing cache is not shown" },
	{ "route show table 100 table all", "table", "given twice" },
	{ "route show type frob", "frob", "not a route type" },
	{ "route show scope galaxy", "galaxy", "not a route scope" },
	{ "route show proto nosuch", "nosuch", "not a route protocol" },
	{ "route show dev a/b", "a/b", "must not contain '/'" },
	{ "route show via 10.0.0.300", "10.0.0.300", "not a valid IPv4" },
	{ "route show iif x", "iif", "route show filter not supported" },
	{ "route show root", "route show root", "missing prefix" },
	{ "route show 10.0.0.0/33", "10.0.0.0/33", "out of range" },
	{ "route get 10.0.0.1 iif x", "iif", "needs from ADDR" },
	{ "route get 10.0.0.1 from fd00::1", "fd00::1", "source is IPv6" },
	{ "route get 10.0.0.1 mark x", "x", "mark must be a number" },
	{ "route get 10.0.0.1 mark -1", "-1", "mark must be a number" },
	{ "route get 10.0.0.1 oif", "route get 10.0.0.1 oif",
	  "missing interface name" },
	{ "route get 10.0.0.1 from 10.0.0.2 from 10.0.0.3", "from", "given twice" },
	{ "route get 10.0.0.1 fibmatch", "fibmatch", "not supported by nsviz" },
	{ "route get from 10.0.0.2", "route get from 10.0.0.2", "missing address" },
	{ "rule add", "rule add", "missing selectors" },
	{ "rule del", "rule del", "missing selectors" },
	{ "rule add from", "rule add from", "missing prefix" },
	{ "rule add from 10.0.0.0/33 lookup 1", "10.0.0.0/33", "out of range" },
	{ "rule add from 10.0.0.0/8 to fd00::/8 lookup 1", "fd00::/8",
	  "the rule's other address (10.0.0.0/8) is IPv4" },
	{ "-4 rule add from fd00::/8 lookup 1", "fd00::/8", "not an IPv4 address" },
	{ "-0 rule add pref 1", "-0", "not meaningful for rules" },
	{ "rule add pref abc lookup 1", "abc", "pref must be a number" },
	{ "rule add pref 1 pref 2", "pref", "given twice" },
	{ "rule add fwmark 0xzz lookup 1", "0xzz", "not a firewall mark" },
	{ "rule add fwmark 1/x lookup 1", "1/x", "not a firewall mask" },
	{ "rule add tos 256 lookup 1", "256", "not a TOS value" },
	{ "rule add lookup nosuch", "nosuch", "not a routing table" },
	{ "rule add lookup 1 blackhole", "blackhole", "not both" },
	{ "rule add prohibit lookup 1", "lookup", "not both" },
	{ "rule add type nat", "nat", "rule type not supported" },
	{ "rule add goto 5", "goto", "rule option not supported" },
	{ "rule add uidrange 1-2 lookup 1", "uidrange", "rule option not supported" },
	{ "rule add frobnicate lookup 1", "frobnicate",
	  "not a rule selector or action" },
	{ "rule add iif abcdefghijklmnopq lookup 1", "abcdefghijklmnopq",
	  "longer than 15" },
	{ "rule show ipproto tcp", "ipproto", "rule show filter not supported" },
	{ "rule show pref x", "x", "pref must be a number" },
	{ "rule show to 10.0.0.0/8 10.1.0.0/16", "10.1.0.0/16", "unexpected argument" },
	{ "rule flush", "rule flush", "not supported" },
	{ "addr show up up", "up", "given twice" },
	{ "addr show x y", "y", "unexpected argument" },
	{ "addr flush", "addr flush", "missing what to flush" },
	{ "addr flush dev", "addr flush dev", "missing interface name" },
	{ "addr flush dev x scope galaxy", "galaxy", "not a route scope" },
	{ "addr flush dev x label x:1", "label", "addr flush option not supported" },
	{ "-0 addr flush dev x", "-0", "not meaningful for addr flush" },
	{ "neigh add 10.0.1.60 lladdr 02:00:00:00:00:60",
	  "neigh add 10.0.1.60 lladdr 02:00:00:00:00:60", "missing dev NAME" },
	{ "neigh add lladdr 02:00:00:00:00:60 dev x", "neigh add lladdr "
	  "02:00:00:00:00:60 dev x", "missing address" },
	{ "neigh add 10.0.1.60 lladdr zz:00:00:00:00:00 dev x",
	  "zz:00:00:00:00:00", "not a MAC address" },
	{ "neigh add 10.0.1.60 dev x nud", "neigh add 10.0.1.60 dev x nud",
	  "missing state" },
	{ "neigh add 10.0.1.60 dev x proxy 10.0.0.1", "proxy",
	  "neigh option not supported" },
	{ "neigh add 10.0.1.60 10.0.1.61 dev x", "10.0.1.61",
	  "unexpected argument" },
	{ "neigh add 10.0.1/24 dev x", "10.0.1/24", "expected an address" },
	{ "neigh del 10.0.1.60 dev a/b", "a/b", "must not contain '/'" },
	{ "neigh flush nud frob", "frob", "not a neighbour state" },
	{ "neigh flush proxy", "proxy", "neigh flush option not supported" },
	{ "neigh flush dev x extra", "extra", "unexpected argument" },
	{ "ping", "ping", "missing address to ping" },
	{ "ping -c 0 10.0.0.1", "0", "ping count must be a positive number" },
	{ "ping -c -3 10.0.0.1", "-3", "ping count must be a positive number" },
	{ "ping -c abc 10.0.0.1", "abc", "ping count must be a positive number" },
	{ "ping -cx 10.0.0.1", "x", "ping count" },
	{ "ping -c", "ping -c", "missing count" },
	{ "ping -c 1 -c 2 10.0.0.1", "-c", "given twice" },
	{ "ping -W 0 10.0.0.1", "0", "wait (-W) out of range" },
	{ "ping -W soon 10.0.0.1", "soon", "wait (-W) must be a number" },
	{ "ping -i 0.001 10.0.0.1", "0.001", "interval (-i) out of range" },
	{ "ping -i inf 10.0.0.1", "inf", "must be a number" },
	{ "ping -s 100 10.0.0.1", "-s", "ping option not supported" },
	{ "ping 10.0.0.1 10.0.0.2", "10.0.0.2", "unexpected argument" },
	{ "ping 10.0.0.1%eth0", "10.0.0.1%eth0", "zone is for IPv6 link-local" },
	{ "ping fe80::1%", "fe80::1%", "expected ADDRESS%INTERFACE" },
	{ "ping fe80::1%0123456789abcdef", "fe80::1%0123456789abcdef",
	  "at most 15 characters" },
	{ "ping fe80::/64%eth0", "fe80::/64%eth0", "not a prefix" },
	{ "ping nothing%eth0", "nothing%eth0", "not an IP address" },
	/* echo */
	{ "echo", "echo", "missing protocol (expected tcp, udp, list" },
	{ "echo sctp", "sctp", "unknown echo command" },
	{ "-n vnet echo", "echo", "missing protocol" },
	{ "echo tcp port 0", "0", "not a port (expected a number 1..65535)" },
	{ "echo tcp port 65536", "65536", "not a port" },
	{ "echo tcp port http", "http", "not a port" },
	{ "echo tcp port -1", "-1", "not a port" },
	{ "echo tcp 0", "0", "not a port" },
	{ "echo tcp port", "echo tcp port", "missing port number" },
	{ "echo tcp port 1 port 2", "port", "given twice" },
	{ "echo tcp port 1 --port 2", "--port", "given twice" },
	{ "echo tcp 1 2", "2", "unknown echo option" },
	{ "echo tcp bind 10.0.2.0/24", "10.0.2.0/24", "not a prefix" },
	{ "echo tcp bind localhost", "localhost", "not an IP address" },
	{ "echo tcp bind", "echo tcp bind", "missing address to listen at" },
	{ "echo tcp idle -1", "-1", "idle must be a number of seconds" },
	{ "echo tcp idle soon", "soon", "idle must be a number of seconds" },
	{ "echo tcp idle 86401", "86401", "idle out of range" },
	{ "echo tcp idle 0.0001", "0.0001", "idle out of range" },
	{ "echo tcp max-conns 0", "0", "max-conns must be a number 1..1048576" },
	{ "echo tcp max-conns 1048577", "1048577", "max-conns must be a number" },
	{ "echo udp max-msg 0", "0", "max-msg must be a number 1..1048576" },
	{ "echo udp max-msg 4k", "4k", "max-msg must be a number" },
	{ "echo tcp frob", "frob", "unknown echo option (expected port P" },
	{ "echo tcp --verbose", "--verbose", "unknown echo option" },
	{ "ip -6 echo tcp", "-6", "not meaningful for echo" },
	{ "echo stop", "echo stop", "missing server id" },
	{ "echo stop x", "x", "not an echo server id" },
	{ "echo stop 0", "0", "not an echo server id" },
	{ "echo stop -2", "-2", "not an echo server id" },
	{ "echo stop 1 2", "2", "unexpected argument after echo stop 1" },
	{ "echo log", "echo log", "missing server id" },
	{ "echo list all", "all", "unexpected argument" },
	{ "-n vnet echo list", "-n vnet", "echo list takes no -n" },
	{ "-n vnet echo stop 1", "-n vnet", "echo stop takes no -n" },
	{ "netns exec vnet nsviz echo list", "echo", "cannot run inside netns exec" },
	{ "netns exec vnet nsviz echo tcp port 0", "0", "not a port" },
	/* send */
	{ "send", "send", "missing protocol (send tcp|udp ADDR PORT MESSAGE" },
	{ "send icmp 10.0.2.0 4078 hi", "icmp",
	  "unknown protocol (expected tcp or udp)" },
	{ "send tcp", "send tcp", "missing address to send to" },
	{ "send tcp 10.0.2.0", "send tcp 10.0.2.0", "missing port" },
	{ "send tcp 10.0.2.0 4078", "send tcp 10.0.2.0 4078", "missing message" },
	{ "send tcp example.com 80 hi", "example.com", "not an IP address" },
	{ "send tcp 10.0.2.0/24 80 hi", "10.0.2.0/24", "not a prefix" },
	{ "send tcp 10.0.2.0 0 hi", "0", "not a port" },
	{ "send udp 10.0.2.0 99999 hi", "99999", "not a port" },
	{ "send tcp 10.0.2.0 80 hi there", "there", "unexpected argument" },
	{ "send tcp 10.0.2.0 80 hi timeout", "send tcp 10.0.2.0 80 hi timeout",
	  "missing seconds" },
	{ "send tcp 10.0.2.0 80 hi timeout 0", "0", "timeout out of range" },
	{ "send tcp 10.0.2.0 80 hi timeout x", "x",
	  "timeout must be a number of seconds" },
	{ "send tcp 10.0.2.0 80 hi timeout 1 timeout 2", "timeout", "given twice" },
	{ "send -n a -n b tcp 10.0.2.0 80 hi", "-n", "given twice" },
	{ "send -n a/b tcp 10.0.2.0 80 hi", "a/b", "must not contain '/'" },
	{ "ip -4 send tcp 10.0.2.0 80 hi", "-4", "not meaningful for send" },
	{ "netns exec vnet nsviz send -n x tcp 10.0.2.0 80 hi", "-n x",
	  "not allowed inside netns exec" },
};

static void test_bad_inputs(void **state)
{
	size_t n = sizeof bad_inputs / sizeof bad_inputs[0];

	(void)state;
	assert_true(n >= 40);
	for (size_t k = 0; k < n; k++) {
		struct cmd c;
		int r;

		memset(&c, 0x5a, sizeof c);
		memset(err, 0, sizeof err);
		r = parse_line(bad_inputs[k].line, &c);
		if (r != -1)
			fail_msg("'%s' was accepted", bad_inputs[k].line);
		if (!strstr(err, bad_inputs[k].word) ||
		    !strstr(err, bad_inputs[k].reason))
			fail_msg("'%s': message '%s' should contain '%s' and '%s'",
			         bad_inputs[k].line, err, bad_inputs[k].word,
			         bad_inputs[k].reason);
		/* the offending word leads the message (or the words so far) */
		if (*bad_inputs[k].word &&
		    strncmp(err, bad_inputs[k].word, strlen(bad_inputs[k].word)))
			fail_msg("'%s': message '%s' should start with '%s'",
			         bad_inputs[k].line, err, bad_inputs[k].word);
		/* nothing left allocated, everything back to the start */
		assert_int_equal(c.verb, CMD_NONE);
		assert_null(c.sub);
		assert_null(c.exec_argv);
		assert_rest_default(&c, 0);
		cmd_free(&c);
	}
}

/* Long words are shortened in messages, so the reason still shows. */
static void test_long_words(void **state)
{
	char line[700], name[600];
	struct cmd c;

	(void)state;
	memset(name, 'n', 256);
	name[256] = '\0';
	snprintf(line, sizeof line, "netns add %s", name);
	assert_int_equal(parse_line(line, &c), -1);
	assert_non_null(strstr(err, "namespace name longer than 255 characters"));
	assert_int_equal(strncmp(err, name, 60), 0);
	assert_true(strlen(err) < 200);

	/* a tiny buffer is truncated, never overrun */
	{
		char small[8];
		char *argv[] = { "netns", "add", name, NULL };

		assert_int_equal(cmd_parse(3, argv, &c, small, sizeof small), -1);
		assert_int_equal(strlen(small), sizeof small - 1);
		assert_int_equal(cmd_parse(3, argv, &c, NULL, 0), -1);
	}
	/* and argv may be empty */
	assert_int_equal(cmd_parse(0, NULL, &c, err, sizeof err), -1);
	assert_non_null(strstr(err, "empty command"));
}

static void test_changes(void **state)
{
	static const struct { const char *line; bool changes; } t[] = {
		{ "netns add a", true }, { "netns del a", true },
		{ "netns list", false }, { "netns pids a", false },
		{ "netns identify", false }, { "netns exec a true", false },
		{ "netns exec a ip link", false },
		{ "netns exec a ip link set x up", true },
		{ "link add a type veth peer b", true }, { "link set a up", true },
		{ "link del a", true }, { "link show", false },
		{ "addr add 10.0.0.1/8 dev a", true }, { "addr del 10.0.0.1/8 dev a", true },
		{ "addr show", false },
		{ "route add 10.0.0.0/8 dev a", true }, { "route del 10.0.0.0/8", true },
		{ "route show", false }, { "route get 10.0.0.1", false },
		{ "ping 10.0.0.1", false },
		{ "echo tcp", true }, { "-n a echo udp port 9", true },
		{ "netns exec a nsviz echo tcp", true },
		{ "echo stop 1", true }, { "echo list", false },
		{ "echo log 1", false }, { "send tcp 10.0.0.1 1 x", false },
		{ "netns exec a nsviz send tcp 10.0.0.1 1 x", false },
		{ "link add br0 type bridge", true },
		{ "link set a master br0", true }, { "link set a nomaster", true },
		{ "neigh show", false }, { "netns exec a ip neigh", false },
		{ "sysctl net.ipv4.ip_forward", false },
		{ "sysctl -w net.ipv4.ip_forward=1", true },
		{ "sysctl net.ipv4.ip_forward=1", true },
		{ "-n a sysctl -w net.ipv4.ip_forward=1", true },
		{ "netns exec a sysctl -w net.ipv4.ip_forward=1", true },
		{ "netns exec a sysctl net.ipv4.ip_forward", false },
	};
	struct cmd c;

	(void)state;
	for (size_t k = 0; k < sizeof t / sizeof t[0]; k++) {
		parse_ok(t[k].line, &c);
		if (cmd_changes(&c) != t[k].changes)
			fail_msg("cmd_changes('%s') should be %d", t[k].line,
			         (int)t[k].changes);
		cmd_free(&c);
	}
	memset(&c, 0, sizeof c);
	assert_false(cmd_changes(&c));   /* CMD_NONE */
}

/* cmd_free is safe twice, and on a command that failed to parse */
static void test_free_twice(void **state)
{
	struct cmd c;

	(void)state;
	parse_ok("netns exec a ip link", &c);
	cmd_free(&c);
	cmd_free(&c);
	assert_int_equal(parse_line("netns exec a ip link frob", &c), -1);
	cmd_free(&c);
	cmd_free(NULL);
}

/* why --probe (issue 15): parsed, written back, sends traffic; why's own
 * -j and its bad input's exit status 2 come from its row of the table */
static void test_why_probe(void **state)
{
	static const char *bad[] = {
		"why --probe --probe 10.0.0.1", "why --probe", "why 10.0.0.1 frob",
		"-n a why 10.0.0.1 port 80",
	};
	const struct cmd_entry *e = cmd_verb_entry(CMD_WHY);
	struct cmd c;
	enum cmd_verb v;
	char *s;

	(void)state;
	parse_ok("why --probe 10.0.0.1", &c);
	assert_true(c.u.why.probe);
	assert_true(cmd_sends_traffic(&c));
	assert_false(cmd_changes(&c));
	s = canonical_of(&c);
	assert_string_equal(s, "nsviz why 10.0.0.1 --probe");
	free(s);
	cmd_free(&c);
	parse_ok("why 10.0.0.1 proto tcp port 80 --probe --json", &c);
	assert_true(c.u.why.probe);
	assert_true(c.opts.json);
	s = canonical_of(&c);
	assert_string_equal(s, "nsviz why 10.0.0.1 proto tcp port 80 --probe --json");
	free(s);
	cmd_free(&c);
	parse_ok("why 10.0.0.1", &c);
	assert_false(c.u.why.probe);
	assert_false(cmd_sends_traffic(&c));
	cmd_free(&c);
	/* -j before why: the row says why takes it */
	assert_non_null(e);
	assert_true(e->flags & CMD_F_OWN_JSON);
	parse_ok("-j why 10.0.0.1", &c);
	assert_true(c.opts.json);
	cmd_free(&c);
	assert_int_equal(parse_line("-j ping 10.0.0.1", &c), -1);
	/* bad input: the verb is known, and its row says 2 */
	for (size_t k = 0; k < sizeof bad / sizeof *bad; k++) {
		char **w = NULL;
		int n = cmd_split(bad[k], &w, err, sizeof err);

		assert_true(n > 0);
		v = CMD_VERB_COUNT;
		assert_int_equal(cmd_parse_verb(n, w, &c, err, sizeof err, &v), -1);
		cmd_free_words(w, n);
		if (v != CMD_WHY)
			fail_msg("'%s': verb %d, expected why", bad[k], (int)v);
		assert_int_equal(cmd_bad_input_status(v), 2);
		assert_int_equal(c.verb, CMD_NONE);
		cmd_free(&c);
	}
	assert_int_equal(cmd_bad_input_status(CMD_PING), 1);
	assert_int_equal(cmd_bad_input_status(CMD_NONE), 1);
	/* a ping's bad input is 1, as ip's */
	{
		char **w = NULL;
		int n = cmd_split("ping 10.0.0.1 -c x", &w, err, sizeof err);

		assert_int_equal(cmd_parse_verb(n, w, &c, err, sizeof err, &v), -1);
		cmd_free_words(w, n);
		assert_int_equal(v, CMD_PING);
		assert_int_equal(cmd_bad_input_status(v), 1);
	}
}

/* ---- nft (issue 14) -------------------------------------------------------- */

static void expect_err(const char *line, const char *want)
{
	struct cmd c;

	if (parse_line(line, &c) == 0) {
		cmd_free(&c);
		fail_msg("'%s' parsed, expected an error", line);
	}
	if (!strstr(err, want))
		fail_msg("'%s': message '%s' lacks '%s'", line, err, want);
}

static void test_nft(void **state)
{
	struct cmd c;
	struct sbuf t = SBUF_INIT;

	(void)state;
	parse_ok("nft add table ip nat", &c);
	assert_int_equal(c.verb, CMD_NFT);
	assert_true(cmd_changes(&c));
	assert_int_equal(c.u.nft.argc, 4);
	cmd_nft_text(&c, &t);
	assert_string_equal(sbuf_str(&t), "add table ip nat");
	sbuf_free(&t);
	cmd_free(&c);

	/* the words joined as nft joins its argv: a quoted word whole */
	parse_ok("-n r nft 'add chain ip nat post { type nat hook postrouting "
	         "priority 100 ; }'", &c);
	assert_int_equal(c.verb, CMD_NFT);
	assert_string_equal(c.ns, "r");
	assert_int_equal(c.u.nft.argc, 1);
	cmd_free(&c);

	/* list, describe, get: change nothing; -c neither */
	parse_ok("nft -a list ruleset", &c);
	assert_int_equal(c.verb, CMD_NFT_LIST);
	assert_false(cmd_changes(&c));
	assert_int_equal(c.u.nft.oflags, CMD_NFT_HANDLE);
	cmd_free(&c);
	parse_ok("nft -c add table ip x", &c);
	assert_false(cmd_changes(&c));
	cmd_free(&c);
	parse_ok("nft -nj list tables", &c);
	assert_int_equal(c.u.nft.oflags, CMD_NFT_NUMERIC | CMD_NFT_JSON);
	cmd_free(&c);
	parse_ok("nft --handle --numeric-priority list ruleset", &c);
	assert_int_equal(c.u.nft.oflags, CMD_NFT_HANDLE | CMD_NFT_NUM_PRIO);
	cmd_free(&c);

	/* canonical: the shell's spelling, in the namespace by ip netns exec */
	check_canonical("nft -an add rule ip t c tcp dport '{ 22, 80 }' accept",
	                "nft -n -a add rule ip t c tcp dport '{ 22, 80 }' accept");
	check_canonical("nft table ip t", "nft table ip t");
	check_canonical("ip netns exec r nft -y -p -c -o add table ip t",
	                "ip netns exec r nft -y -p -c -o add table ip t");
	check_canonical("netns exec r nft flush ruleset",
	                "ip netns exec r nft flush ruleset");
	check_canonical_ns("-n r nft add table ip nat",
	                   "ip netns exec r nft add table ip nat");

	/* refused, with the word and the reason */
	expect_err("nft", "missing command");
	expect_err("nft -a", "missing command");
	expect_err("nft lst ruleset", "lst: unknown nft command");
	expect_err("nft -n r list ruleset", "nft's -n is --numeric");
	expect_err("nft monitor", "monitor: not supported by nsviz");
	expect_err("nft export ruleset", "export: not supported by nsviz");
	expect_err("nft -f /etc/nftables.conf", "-f: not supported by nsviz");
	expect_err("nft -aN list ruleset", "-aN: not supported by nsviz (it "
	           "never resolves names)");
	expect_err("nft -q list ruleset", "-q: unknown option of nft");
	expect_err("nft --file x list ruleset", "--file: not supported");
	expect_err("nft --nosuch list ruleset", "--nosuch: unknown option");
	expect_err("nft 'include \"/etc/passwd\"'", "include: not supported");
	expect_err("nft add table ip x { include \"/etc/passwd\" ; }",
	           "include: not supported");
	expect_err("ip nft list ruleset", "nft: not a command of ip");
	expect_err("nft list ruleset -a", "-a: options must be given before "
	           "the command, as nft takes them (nft -a list...)");
	expect_err("nft list ruleset --handle", "--handle: options must be");
	/* a negative number is not an option */
	parse_ok("nft add chain ip t c { type nat hook prerouting priority "
	         "-100 ; }", &c);
	cmd_free(&c);
	expect_err("-j nft list ruleset", "-j: not an option of the nft command");
	expect_err("-4 nft list ruleset", "-4: not an option of the nft command");
	/* a quoted "include" is nft's string, not the word */
	parse_ok("nft add table ip x { comment '\"include\"' ; }", &c);
	cmd_free(&c);
}

static void test_split_list_nft(void **state)
{
	char **v = NULL;
	int n;

	(void)state;
	n = cmd_split_list("nft add chain ip t c { type filter hook input "
	                   "priority 0 ; policy drop ; }; link show", &v, err,
	                   sizeof err);
	assert_int_equal(n, 2);
	assert_string_equal(v[0], "nft add chain ip t c { type filter hook "
	                    "input priority 0 ; policy drop ; }");
	assert_string_equal(v[1], "link show");
	cmd_free_words(v, n);
	/* over lines, inside the braces */
	n = cmd_split_list("-n r nft add chain ip t c {\n type filter hook "
	                   "input priority 0;\n}\nlink show", &v, err,
	                   sizeof err);
	assert_int_equal(n, 2);
	assert_string_equal(v[0], "-n r nft add chain ip t c {  type filter "
	                    "hook input priority 0; }");
	cmd_free_words(v, n);
	/* braces of other commands do not group */
	n = cmd_split_list("link set x alias { ; link show", &v, err, sizeof err);
	assert_int_equal(n, 2);
	cmd_free_words(v, n);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_ip_prefix_and_options),
		cmocka_unit_test(test_output_options_table),
		cmocka_unit_test(test_abbreviations),
		cmocka_unit_test(test_netns),
		cmocka_unit_test(test_netns_ids),
		cmocka_unit_test(test_netns_exec_program),
		cmocka_unit_test(test_netns_exec_sub),
		cmocka_unit_test(test_link_add),
		cmocka_unit_test(test_link_set),
		cmocka_unit_test(test_link_del_show),
		cmocka_unit_test(test_link_bridge),
		cmocka_unit_test(test_link_bridge_options),
		cmocka_unit_test(test_bridge_command),
		cmocka_unit_test(test_link_set_master),
		cmocka_unit_test(test_link_kinds),
		cmocka_unit_test(test_neigh),
		cmocka_unit_test(test_sysctl),
		cmocka_unit_test(test_addr),
		cmocka_unit_test(test_addr_options),
		cmocka_unit_test(test_route_nexthops),
		cmocka_unit_test(test_canonical_opts),
		cmocka_unit_test(test_round_trip_random_opts),
		cmocka_unit_test(test_route_add),
		cmocka_unit_test(test_route_other),
		cmocka_unit_test(test_ping),
		cmocka_unit_test(test_echo),
		cmocka_unit_test(test_send),
		cmocka_unit_test(test_canonical_echo_ns),
		cmocka_unit_test(test_canonical),
		cmocka_unit_test(test_output_options),
		cmocka_unit_test(test_canonical_ping_ns),
		cmocka_unit_test(test_canonical_sysctl_ns),
		cmocka_unit_test(test_canonical_appends),
		cmocka_unit_test(test_round_trip_random),
		cmocka_unit_test(test_canonical_routing),
		cmocka_unit_test(test_split),
		cmocka_unit_test(test_split_errors),
		cmocka_unit_test(test_split_list),
		cmocka_unit_test(test_bad_inputs),
		cmocka_unit_test(test_unsafe_names),
		cmocka_unit_test(test_hints_from_tables),
		cmocka_unit_test(test_long_words),
		cmocka_unit_test(test_changes),
		cmocka_unit_test(test_free_twice),
		cmocka_unit_test(test_why_probe),
		cmocka_unit_test(test_nft),
		cmocka_unit_test(test_split_list_nft),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
