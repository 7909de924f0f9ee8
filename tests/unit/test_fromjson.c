/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_fromjson.c - show --json documents to commands
 * (src/topo/fromjson.c): hand-written documents with the exact commands
 * expected, what is left out and why, and bad documents with their
 * messages (JSON paths), out left as it was.  Every command written is
 * read back through the grammar: it parses and is its own canonical
 * text, and every comment line is no command at all.
 *
 * The documents are written with ' for " (J() turns them back), so a
 * quote in a name is \u0027. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "topo/fromjson.h"
#include "util/sbuf.h"

static char *J(const char *s)
{
	char *t = strdup(s);

	for (char *p = t; *p; p++)
		if (*p == '\'')
			*p = '"';
	return t;
}

/* Every line is a command in its canonical text, or a comment */
static void lines_read_back(const char *text)
{
	const char *s = text;

	while (*s) {
		const char *nl = strchr(s, '\n');
		char *line, **words = NULL, err[512];
		int n;

		assert_non_null(nl);     /* every line ends */
		line = strndup(s, (size_t)(nl - s));
		n = cmd_split(line, &words, err, sizeof err);
		if (line[0] == '#') {
			assert_int_equal(n, 0);
			assert_true(line[strlen(line) - 1] != '\\');
		} else {
			struct cmd c;
			struct sbuf b = SBUF_INIT;

			assert_true(n > 0);
			if (cmd_parse(n, words, &c, err, sizeof err) < 0)
				fail_msg("%s: %s", line, err);
			cmd_canonical(&c, &b);
			assert_string_equal(sbuf_str(&b), line);
			cmd_free(&c);
			sbuf_free(&b);
		}
		cmd_free_words(words, n);
		free(line);
		s = nl + 1;
	}
}

static const char *translate(const char *doc, int want_rc, char *err,
                             size_t errsz)
{
	static struct sbuf out = SBUF_INIT;
	char *j = J(doc);

	sbuf_reset(&out);
	sbuf_add(&out, "KEPT\n");
	if (topo_json_to_cmds("t.json", j, strlen(j), &out, err, errsz) !=
	    want_rc)
		fail_msg("not %d: %s", want_rc, err);
	free(j);
	if (want_rc == 0) {
		assert_memory_equal(sbuf_str(&out), "KEPT\n", 5);
		lines_read_back(sbuf_str(&out) + 5);
		return sbuf_str(&out) + 5;
	}
	assert_string_equal(sbuf_str(&out), "KEPT\n");   /* untouched */
	return NULL;
}

static const char *ok(const char *doc)
{
	char err[512];
	const char *s;

	err[0] = '\0';
	s = translate(doc, 0, err, sizeof err);
	return s;
}

/* the whole text when it differs (cmocka cuts long strings) */
#define SAME(got, want) do {                                            \
		const char *g_ = (got), *w_ = (want);                   \
		if (strcmp(g_, w_))                                     \
			fprintf(stderr, "got:\n%s--\nwanted:\n%s--\n", g_, w_); \
		assert_string_equal(g_, w_);                            \
	} while (0)

static const char *bad(const char *doc)
{
	static char err[512];

	translate(doc, -1, err, sizeof err);
	return err;
}

#define LO_UP "{'ifindex':1,'ifname':'lo','flags':['LOOPBACK','UP','LOWER_UP'],'mtu':65536," \
	"'addr_info':[{'family':'inet','local':'127.0.0.1','prefixlen':8}," \
	"{'family':'inet6','local':'::1','prefixlen':128}]}"
#define LO_DOWN "{'ifindex':1,'ifname':'lo','flags':['LOOPBACK'],'mtu':65536,'addr_info':[]}"
#define NS(id, kind, name, links, routes, extra) \
	"{'id':" #id ",'kind':'" kind "','name':" name ",'label':'x','readable':true," \
	"'links':[" links "],'routes':[" routes "],'neighbours':[]" extra "}"

/* The tutorial's lab, and more: a veth across namespaces (made from the
 * host end), a same-namespace pair (from the higher ifindex), a bridge
 * with options, a port, a vlan, a macvlan, a vxlan, a dummy; MTUs,
 * addresses, up; routes in several tables, a rule, a neighbour; and what
 * is left out */
static void test_lab(void **state)
{
	(void)state;
	SAME(ok(
	"{'version':2,'complete':true,'unseen_processes':0,'namespaces':["
	NS(0, "host", "null",
	   LO_UP ","
	   "{'ifindex':2,'ifname':'eth0','flags':['UP'],'mtu':1500,'addr_info':["
	   "{'family':'inet','local':'192.168.1.5','prefixlen':24}]},"
	   "{'ifindex':3,'ifname':'veth0','flags':['BROADCAST','UP','LOWER_UP'],'mtu':1500,"
	   "'linkinfo':{'info_kind':'veth'},'addr_info':["
	   "{'family':'inet','local':'10.0.1.0','prefixlen':24},"
	   "{'family':'inet6','local':'fe80::1','prefixlen':64,'scope':'link'},"
	   "{'family':'inet6','local':'2001:db8::5','prefixlen':64,'dynamic':true}],"
	   "'peer':{'ifindex':2,'name':'veth1','namespace':'vnet','namespace_id':1,'netnsid':0}}",
	   "{'type':'unicast','dst':'default','gateway':'192.168.1.1','dev':'eth0','table':'main',"
	   "'protocol':'dhcp','scope':'global','flags':[],'family':'inet'},"
	   "{'type':'unicast','dst':'10.0.1.0/24','dev':'veth0','table':'main','protocol':'kernel',"
	   "'scope':'link','prefsrc':'10.0.1.0','flags':[],'family':'inet'},"
	   "{'type':'unicast','dst':'10.0.2.0/24','dev':'veth0','table':'main','protocol':'boot',"
	   "'scope':'link','flags':[],'family':'inet'}",
	   ",'rules':[{'priority':0,'src':'all','table':'local','protocol':'kernel','family':'inet'},"
	   "{'priority':32766,'src':'all','table':'main','family':'inet'}]") ","
	NS(1, "named", "'vnet'",
	   LO_DOWN ","
	   "{'ifindex':2,'ifname':'veth1','flags':['UP','LOWER_UP'],'mtu':1400,"
	   "'linkinfo':{'info_kind':'veth'},'addr_info':["
	   "{'family':'inet','local':'10.0.2.0','prefixlen':24},"
	   "{'family':'inet6','local':'fd00::1','prefixlen':64}],"
	   "'peer':{'ifindex':3,'name':'veth0','namespace':'host','namespace_id':0,'netnsid':0}},"
	   "{'ifindex':3,'ifname':'br0','flags':['UP'],'mtu':1500,"
	   "'linkinfo':{'info_kind':'bridge','info_data':{'forward_delay':1500,'hello_time':200,"
	   "'stp_state':1,'priority':4096,'vlan_protocol':'802.1Q','gc_timer':1.5}},'addr_info':[]},"
	   "{'ifindex':4,'ifname':'p1','flags':[],'mtu':1500,'link':'p0',"
	   "'linkinfo':{'info_kind':'veth'},'addr_info':[],"
	   "'peer':{'ifindex':5,'name':'p0','namespace':'vnet','namespace_id':1,'netnsid':null}},"
	   "{'ifindex':5,'ifname':'p0','flags':['UP'],'mtu':1500,'link':'p1','master':'br0',"
	   "'linkinfo':{'info_kind':'veth','info_slave_kind':'bridge','info_slave_data':"
	   "{'state':'forwarding','priority':32,'cost':2,'hairpin':true,'learning':false,"
	   "'flood':true,'isolated':false}},'addr_info':[],"
	   "'peer':{'ifindex':4,'name':'p1','namespace':'vnet','namespace_id':1,'netnsid':null}},"
	   "{'ifindex':7,'ifname':'veth1.10','flags':['UP'],'mtu':1400,'link':'veth1',"
	   "'linkinfo':{'info_kind':'vlan','info_data':{'protocol':'802.1ad','id':10}},"
	   "'addr_info':[{'family':'inet','local':'10.0.10.1','prefixlen':24}]},"
	   "{'ifindex':6,'ifname':'mv0','flags':[],'mtu':1400,'link':'veth1',"
	   "'linkinfo':{'info_kind':'macvlan','info_data':{'mode':'bridge'}},'addr_info':[]},"
	   "{'ifindex':8,'ifname':'vx0','flags':[],'mtu':1450,"
	   "'linkinfo':{'info_kind':'vxlan','info_data':{'id':42,'remote':'10.0.2.9',"
	   "'link':'veth1','port':4789,'ttl':0}},'addr_info':[]},"
	   "{'ifindex':9,'ifname':'d0','flags':[],'mtu':9000,"
	   "'linkinfo':{'info_kind':'dummy'},'addr_info':[]},"
	   "{'ifindex':10,'ifname':'bond0','flags':[],'mtu':1500,"
	   "'linkinfo':{'info_kind':'bond'},'addr_info':[]},"
	   "{'ifindex':11,'ifname':'bv','flags':[],'mtu':1500,'link':'bond0',"
	   "'linkinfo':{'info_kind':'vlan','info_data':{'id':5}},'addr_info':[]}",
	   "{'type':'unicast','dst':'10.0.1.0','dev':'veth1','table':'main','protocol':'boot',"
	   "'scope':'link','flags':[],'family':'inet'},"
	   "{'type':'unicast','dst':'10.9.0.0/16','gateway':'10.0.2.1','dev':'veth1','table':'100',"
	   "'protocol':'static','scope':'global','metric':50,'flags':[],'family':'inet'},"
	   "{'type':'blackhole','dst':'10.66.0.0/16','table':'main','protocol':'boot',"
	   "'scope':'global','flags':[],'family':'inet'},"
	   "{'type':'unicast','dst':'fd01::/64','gateway':'fd00::2','dev':'veth1','table':'main',"
	   "'protocol':'boot','scope':'global','metric':1024,'flags':[],'pref':'medium','family':'inet6'},"
	   "{'type':'unicast','dst':'fd02::/64','dev':'veth1','table':'main',"
	   "'protocol':'boot','scope':'global','metric':5,'flags':[],'pref':'medium','family':'inet6'},"
	   "{'type':'unicast','dst':'10.7.0.0/16','table':'main','protocol':'boot','scope':'global',"
	   "'flags':[],'nexthops':[{'gateway':'10.0.2.1','dev':'veth1','weight':1,'flags':[]}],"
	   "'family':'inet'},"
	   "{'type':'broadcast','dst':'10.0.2.255','dev':'veth1','table':'local','protocol':'boot',"
	   "'scope':'link','flags':[],'family':'inet'}",
	   ",'rules':[{'priority':1000,'src':'10.0.2.0','srclen':24,'table':'100','protocol':'unspec',"
	   "'family':'inet'},{'priority':5,'not':null,'src':'all','fwmark':'0x5','fwmask':'0xff',"
	   "'iif':'veth1','action':'blackhole','protocol':'unspec','family':'inet'},"
	   "{'priority':7,'src':'all','table':'main','goto':9,'family':'inet'}]") ","
	NS(2, "unnamed", "null", LO_DOWN, "", "")
	"]}"),
	"# namespaces[2] (x): unnamed, left out (only a named namespace can be made again)\n"
	"ip netns add vnet\n"
	"# namespaces[0].links[1] (host/eth0): a device without a kind (a network card?) nsviz cannot make, left out\n"
	"ip link add veth0 type veth peer name veth1 netns vnet\n"
	"ip -n vnet link add br0 type bridge stp_state 1 priority 4096\n"
	"ip -n vnet link add p0 type veth peer name p1\n"
	"ip -n vnet link add link veth1 name veth1.10 type vlan id 10 protocol 802.1ad\n"
	"ip -n vnet link add link veth1 name mv0 type macvlan mode bridge\n"
	"ip -n vnet link add vx0 type vxlan id 42 remote 10.0.2.9 dev veth1 dstport 4789\n"
	"ip -n vnet link add d0 type dummy\n"
	"# namespaces[1].links[9] (vnet/bond0): kind bond, which nsviz cannot make, left out\n"
	"# namespaces[1].links[10] (vnet/bv): its lower device bond0 is not made, left out\n"
	"ip -n vnet link set veth1 mtu 1400\n"
	"ip -n vnet link set p0 master br0\n"
	"ip -n vnet link set p0 type bridge_slave hairpin on learning off\n"
	"ip -n vnet link set veth1.10 mtu 1400\n"
	"ip -n vnet link set mv0 mtu 1400\n"
	"ip -n vnet link set d0 mtu 9000\n"
	"ip addr add 10.0.1.0/24 dev veth0\n"
	"ip -n vnet addr add 10.0.2.0/24 dev veth1\n"
	"ip -n vnet addr add fd00::1/64 dev veth1\n"
	"ip -n vnet addr add 10.0.10.1/24 dev veth1.10\n"
	"ip link set lo up\n"
	"ip link set veth0 up\n"
	"ip -n vnet link set veth1 up\n"
	"ip -n vnet link set br0 up\n"
	"ip -n vnet link set p0 up\n"
	"ip -n vnet link set veth1.10 up\n"
	"# namespaces[0].routes[0] (host): default: its device eth0 is left out\n"
	"ip route add 10.0.2.0/24 dev veth0\n"
	"ip -n vnet route add 10.0.1.0 dev veth1\n"
	"ip -n vnet route add 10.9.0.0/16 via 10.0.2.1 dev veth1 metric 50 table 100 proto static\n"
	"ip -n vnet route add blackhole 10.66.0.0/16\n"
	"ip -n vnet -6 route add fd01::/64 via fd00::2 dev veth1\n"
	"ip -n vnet -6 route add fd02::/64 dev veth1 metric 5\n"
	"# namespaces[1].routes[5] (vnet): unicast 10.7.0.0/16: nsviz's route add has no nexthops, left out\n"
	"# namespaces[1].routes[6] (vnet): a route of type broadcast, which nsviz's route add cannot make, left out\n"
	"ip -n vnet rule add from 10.0.2.0/24 pref 1000 lookup 100\n"
	"ip -n vnet rule add not iif veth1 fwmark 0x5/0xff pref 5 blackhole\n"
	"# namespaces[1].rules[2] (vnet): a rule with goto, which nsviz's rule add cannot make, left out\n");
}

/* Names made by others are one word each: a ';', a quote, a space, a
 * newline or ESC cannot make another command (the grammar reads them
 * back as they were); comments escape them */
static void test_hostile_names(void **state)
{
	(void)state;
	SAME(ok(
	"{'version':2,'namespaces':["
	NS(0, "host", "null", LO_UP, "", "") ","
	NS(4, "named", "'a;b \\u0027c\\u00e9'",
	   "{'ifindex':2,'ifname':'x;rm$(id)','flags':[],'mtu':1500,"
	   "'linkinfo':{'info_kind':'dummy'},'addr_info':[]},"
	   "{'ifindex':3,'ifname':'q\\\\','flags':[],'mtu':1500,"
	   "'linkinfo':{'info_kind':'tun'},'addr_info':[]}", "", "")
	"]}"),
	"ip netns add 'a;b '\\''c\xc3\xa9'\n"
	"ip -n 'a;b '\\''c\xc3\xa9' link add 'x;rm$(id)' type dummy\n"
	"# namespaces[1].links[1] (a;b 'c\xc3\xa9/q\\): kind tun, which nsviz cannot make, left out\n"
	"ip link set lo up\n");
}

/* Edge cases that are not errors */
static void test_edges(void **state)
{
	(void)state;
	/* nothing at all */
	SAME(ok("{'version':2,'namespaces':[]}"), "");
	/* an unreadable named namespace is made, empty, and said so */
	SAME(ok(
	"{'version':2,'namespaces':[{'id':3,'kind':'named','name':'dark','label':'dark',"
	"'readable':false,'links':[],'routes':[],'neighbours':[]}]}"),
	"# namespaces[0] (dark): could not be read by show: its links, addresses and routes are unknown, left out\n"
	"ip netns add dark\n");
	/* a veth whose peer is in a namespace left out, one with no peer,
	 * and one whose other end is not described (made from this end) */
	SAME(ok(
	"{'version':2,'namespaces':["
	NS(1, "named", "'a'",
	   "{'ifindex':2,'ifname':'v0','flags':[],'mtu':1500,'linkinfo':{'info_kind':'veth'},"
	   "'addr_info':[],'peer':{'ifindex':2,'name':'v1','namespace':'p','namespace_id':9,'netnsid':0}},"
	   "{'ifindex':3,'ifname':'v2','flags':[],'mtu':1500,'linkinfo':{'info_kind':'veth'},"
	   "'addr_info':[],'peer':null},"
	   "{'ifindex':4,'ifname':'v3','flags':[],'mtu':1500,'linkinfo':{'info_kind':'veth'},"
	   "'addr_info':[],'peer':{'ifindex':7,'name':'v4','namespace':'b','namespace_id':2,'netnsid':1}}",
	   "", ",'rules':[]") ","
	NS(2, "named", "'b'", "", "", "") ","
	NS(3, "unnamed", "null", "", "", "")
	"]}"),
	"# namespaces[2] (x): unnamed, left out (only a named namespace can be made again)\n"
	"ip netns add a\n"
	"ip netns add b\n"
	"# namespaces[0].links[0] (a/v0): a veth whose peer is not known, left out\n"
	"# namespaces[0].links[1] (a/v2): a veth whose peer is not known, left out\n"
	"ip -n a link add v3 type veth peer name v4 netns b\n");
	/* an ipvlan, an IPv6 rule (and the kernel's own, left alone) */
	SAME(ok(
	"{'version':2,'namespaces':[{'id':1,'kind':'named','name':'n','routes':[],"
	"'neighbours':[],'links':["
	"{'ifindex':2,'ifname':'d','flags':[],'mtu':1500,'linkinfo':{'info_kind':'dummy'}},"
	"{'ifindex':3,'ifname':'iv','flags':[],'mtu':1500,'link':'d',"
	"'linkinfo':{'info_kind':'ipvlan','info_data':{'mode':'l3'}}}],'rules':["
	"{'priority':0,'src':'all','table':'local','protocol':'kernel','family':'inet6'},"
	"{'priority':5,'src':'fd00::','srclen':64,'table':'main','protocol':'unspec',"
	"'family':'inet6'}]}]}"),
	"ip netns add n\n"
	"ip -n n link add d type dummy\n"
	"ip -n n link add link d name iv type ipvlan mode l3\n"
	"ip -n n -6 rule add from fd00::/64 pref 5 lookup main\n");
	/* permanent neighbours only; a proxy entry is said */
	SAME(ok(
	"{'version':2,'namespaces':[{'id':1,'kind':'named','name':'n','routes':[],'links':["
	"{'ifindex':2,'ifname':'d','flags':[],'mtu':1500,'linkinfo':{'info_kind':'dummy'},"
	"'addr_info':[]}],'neighbours':["
	"{'dst':'10.0.0.9','dev':'d','lladdr':'02:00:00:00:00:09','state':['PERMANENT'],"
	"'router':null,'family':'inet'},"
	"{'dst':'10.0.0.8','dev':'d','lladdr':'02:00:00:00:00:08','state':['STALE'],'family':'inet'},"
	"{'dst':'fe80::1','dev':'d','lladdr':'33:33:00:00:00:01','state':['NOARP'],'family':'inet6'},"
	"{'dst':'10.0.0.7','dev':'d','state':['PERMANENT'],'proxy':null,'family':'inet'}]}]}"),
	"ip netns add n\n"
	"ip -n n link add d type dummy\n"
	"ip -n n neigh add 10.0.0.9 lladdr 02:00:00:00:00:09 dev d nud permanent router\n"
	"# namespaces[0].neighbours[3] (n): 10.0.0.7: a proxy entry nsviz's neigh add cannot make, left out\n");
}

/* Bad documents: the message names the file and the JSON path */
static void test_bad(void **state)
{
	(void)state;
	assert_string_equal(bad("{'version':1,'namespaces':[]}"),
		"t.json: version: 1 is not supported (expected 2, from nsviz show --json)");
	assert_string_equal(bad("{'namespaces':[]}"),
		"t.json: version: missing: version 1 (nsviz 0.2) is not read; expected 2, from nsviz show --json");
	assert_string_equal(bad("{'version':'2','namespaces':[]}"),
		"t.json: version: not an integer");
	assert_string_equal(bad("{'version':99999999999999999999999,'namespaces':[]}"),
		"t.json: version: out of range "
		"(-9223372036854775808..9223372036854775807)");
	assert_string_equal(bad("{'version':18446744073709551615,'namespaces':[]}"),
		"t.json: version: out of range "
		"(-9223372036854775808..9223372036854775807)");
	assert_string_equal(bad("[1,2]"),
		"t.json: not a JSON object (expected nsviz show --json's output)");
	assert_string_equal(bad("{'version':2}"), "t.json: namespaces: missing");
	assert_string_equal(bad("{'version':2,'namespaces':{}}"),
		"t.json: namespaces: not an array");
	assert_string_equal(bad("{'version':2,'namespaces':[7]}"),
		"t.json: namespaces[0]: not an object");
	assert_string_equal(bad(
		"{'version':2,'namespaces':[{'id':0,'kind':'host','links':[{'ifindex':1}]}]}"),
		"t.json: namespaces[0].links[0].ifname: missing");
	assert_string_equal(bad(
		"{'version':2,'namespaces':[{'id':0,'kind':'host','links':[],'routes':[]}]}"),
		"t.json: namespaces[0].neighbours: missing");
	assert_string_equal(bad(
		"{'version':2,'namespaces':[{'id':0,'kind':'host','links':["
		"{'ifindex':99999999999,'ifname':'a'}]}]}"),
		"t.json: namespaces[0].links[0].ifindex: out of range (1..2147483647)");
	assert_string_equal(bad(
		"{'version':2,'namespaces':[{'id':0,'kind':'host','links':["
		"{'ifindex':1,'ifname':'a\\u0000b'}]}]}"),
		"t.json: namespaces[0].links[0].ifname: holds a NUL character");
	assert_string_equal(bad(
		"{'version':2,'namespaces':[{'id':0,'kind':'pod','links':[]}]}"),
		"t.json: namespaces[0].kind: pod: not host, named or unnamed");
	assert_string_equal(bad(
		"{'version':2,'namespaces':[{'id':1,'kind':'named','name':'a','links':[]},"
		"{'id':1,'kind':'named','name':'b','links':[]}]}"),
		"t.json: namespaces[1].id: 1 twice");
	assert_string_equal(bad(
		"{'version':2,'namespaces':[{'id':1,'kind':'named','name':'a','links':[]},"
		"{'id':2,'kind':'named','name':'a','links':[]}]}"),
		"t.json: namespaces[1].name: a twice");
	/* the grammar's word, with the path of what it came from */
	assert_string_equal(bad(
		"{'version':2,'namespaces':[{'id':1,'kind':'named','name':'a/b','links':[]}]}"),
		"t.json: namespaces[0].name: a/b: namespace name must not contain '/'");
	assert_string_equal(bad(
		"{'version':2,'namespaces':[{'id':1,'kind':'named','name':'a','links':["
		"{'ifindex':2,'ifname':'a-name-too-long-for-linux','linkinfo':{'info_kind':'dummy'}}]}]}"),
		"t.json: namespaces[0].links[0]: a-name-too-long-for-linux: interface "
		"name longer than 15 characters");
	assert_string_equal(bad(
		"{'version':2,'namespaces':[{'id':1,'kind':'named','name':'a','routes':["
		"{'type':'unicast','dst':'10.0.0.0/99','table':'main','family':'inet'}],"
		"'neighbours':[],'links':[]}]}"),
		"t.json: namespaces[0].routes[0]: 10.0.0.0/99: prefix length 99 out of range (0..32)");
	/* names the grammar refuses: the grammar's reason */
	assert_string_equal(bad(
		"{'version':2,'namespaces':[{'id':1,'kind':'named','name':'a\\u001b[2J',"
		"'links':[]}]}"),
		"t.json: namespaces[0].name: a\\x1b[2J: namespace name contains "
		"control character \\x1b");
	/* not JSON: the line */
	assert_string_equal(bad("{'version':2,\n'namespaces':[\n}"),
		"t.json:3: not JSON: unexpected character");
	assert_string_equal(bad("{'version':2,'namespaces':[]} x"),
		"t.json:1: not JSON: text after the document");
	assert_string_equal(bad(""), "t.json:1: not JSON: unexpected end of data");
}

/* Deep nesting is refused, not followed */
static void test_deep(void **state)
{
	struct sbuf doc = SBUF_INIT, out = SBUF_INIT;
	char err[512];

	(void)state;
	for (int i = 0; i < 100000; i++)
		sbuf_addc(&doc, '[');
	assert_int_equal(topo_json_to_cmds("deep.json", doc.s, doc.len, &out,
	                                   err, sizeof err), -1);
	assert_string_equal(err, "deep.json:1: not JSON: nesting too deep");
	assert_int_equal(out.len, 0);
	sbuf_free(&doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lab),
		cmocka_unit_test(test_hostile_names),
		cmocka_unit_test(test_edges),
		cmocka_unit_test(test_bad),
		cmocka_unit_test(test_deep),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
