/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_lesson.c - lesson files: every directive, every check, malformed
 * files refused with FILE:LINE, text wrapping, command keys, route
 * matching, the loader's search order, and the progress file. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd/cmd.h"
#include "echo/echo.h"
#include "lesson/lesson.h"
#include "lesson/priv.h"
#include "util/sbuf.h"

#ifndef TEST_DATADIR
#define TEST_DATADIR "tests/data"
#endif
#ifndef TEST_LESSONSDIR
#define TEST_LESSONSDIR "lessons"
#endif

/* ------------------------------------------------------------------ */
/* helpers                                                            */
/* ------------------------------------------------------------------ */

static struct lesson *parse_ok(const char *text)
{
	struct lesson *l = NULL;
	char err[1024] = "";

	if (lesson_parse(text, "t.lesson", &l, err, sizeof err) < 0)
		fail_msg("lesson_parse failed: %s", err);
	assert_non_null(l);
	return l;
}

static void parse_bad(const char *text, const char *want)
{
	struct lesson *l = (struct lesson *)1;
	char err[1024] = "";

	if (lesson_parse(text, "t.lesson", &l, err, sizeof err) == 0)
		fail_msg("expected an error: %s", want);
	assert_null(l);
	assert_string_equal(err, want);
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	assert_true(fputs(text, f) >= 0);
	assert_int_equal(fclose(f), 0);
}

static void mkdir_p(const char *path)
{
	char tmp[PATH_MAX];

	snprintf(tmp, sizeof tmp, "%s", path);
	for (char *p = tmp + 1; *p; p++) {
		if (*p == '/') {
			*p = '\0';
			mkdir(tmp, 0700);
			*p = '/';
		}
	}
	if (mkdir(tmp, 0700) < 0 && errno != EEXIST)
		fail_msg("mkdir %s: %s", path, strerror(errno));
}

static void rm_rf(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *de;

	if (!d) {
		unlink(path);
		return;
	}
	while ((de = readdir(d))) {
		char sub[PATH_MAX];

		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		snprintf(sub, sizeof sub, "%s/%s", path, de->d_name);
		rm_rf(sub);
	}
	closedir(d);
	rmdir(path);
}

static const struct lck *chk(const struct lesson_step *s, size_t i)
{
	assert_true(i < s->priv->nchecks);
	return &s->priv->checks[i];
}

/* ------------------------------------------------------------------ */
/* a whole file, every directive                                      */
/* ------------------------------------------------------------------ */

static const char full[] =
"# a comment at the top\n"
"lesson 7 \"Everything at once\"\n"
"summary: The first line of the summary\n"
"  and its second line.\n"
"\n"
"setup: ip netns add vnet\n"
"setup: ip link add veth0 type veth peer name veth1   # fails: maybe there\n"
"\n"
"step \"First step\"\n"
"  One paragraph\n"
"  on two lines.\n"
"\n"
"  Second paragraph.\n"
"     a preformatted line\n"
"       and one more\n"
"  Back to text.\n"
"do: ip link set veth1 netns vnet\n"
"do: ping -c 1 10.0.2.1    # fails: no route\n"
"keys: m (move), then\n"
"  Enter.\n"
"hint: The hint.\n"
"check: link veth1 is in vnet\n"
"check: ping from host to 10.0.2.1 fails\n"
"\n"
"step Second step without quotes\n"
"\tTabbed text.\n"
"do: ip -n vnet link set veth1 up\n"
"show: ip netns exec vnet ip link set veth1 up\n"
"show: ip -n vnet link show   # fails: just looking\n"
"check: link veth1 in vnet is up\n";

static void test_parse_full(void **state)
{
	struct lesson *l = parse_ok(full);
	const struct lesson_step *s;

	(void)state;
	assert_int_equal(lesson_number(l), 7);
	assert_string_equal(lesson_title(l), "Everything at once");
	assert_string_equal(lesson_summary(l),
	                    "The first line of the summary and its second line.");
	assert_string_equal(lesson_filename(l), "t.lesson");
	assert_string_equal(lesson_setup(l)[0], "ip netns add vnet");
	assert_string_equal(lesson_setup(l)[1], "ip link add veth0 type veth "
	                    "peer name veth1   # fails: maybe there");
	assert_null(lesson_setup(l)[2]);
	assert_false(l->setup_may_fail[0]);
	assert_true(l->setup_may_fail[1]);
	assert_int_equal(lesson_nsteps(l), 2);
	assert_null(lesson_step(l, 2));

	s = lesson_step(l, 0);
	assert_string_equal(s->title, "First step");
	assert_string_equal(s->text,
	                    "One paragraph on two lines.\n\n"
	                    "Second paragraph.\n\n"
	                    "   a preformatted line\n"
	                    "     and one more\n\n"
	                    "Back to text.");
	assert_string_equal(s->todo[0], "ip link set veth1 netns vnet");
	assert_string_equal(s->todo[1], "ping -c 1 10.0.2.1    # fails: no route");
	assert_null(s->todo[2]);
	/* no show: lines: show me runs the do: lines */
	assert_ptr_equal(s->showme, s->todo);
	assert_false(s->priv->show_may_fail[0]);
	assert_true(s->priv->show_may_fail[1]);
	assert_string_equal(s->keys, "m (move), then Enter.");
	assert_string_equal(s->hint, "The hint.");
	assert_int_equal(lesson_step_nchecks(s), 2);
	assert_string_equal(lesson_check_text(s, 0), "link veth1 is in vnet");
	assert_string_equal(lesson_check_text(s, 1),
	                    "ping from host to 10.0.2.1 fails");
	assert_string_equal(lesson_check_text(s, 9), "");
	assert_false(lesson_check_is_slow(s, 0));
	assert_true(lesson_check_is_slow(s, 1));
	assert_true(lesson_step_has_slow(s));
	assert_int_equal(s->priv->line, 9);
	assert_int_equal(chk(s, 0)->line, 22);

	s = lesson_step(l, 1);
	assert_string_equal(s->title, "Second step without quotes");
	assert_string_equal(s->text, "Tabbed text.");
	assert_null(s->keys);
	assert_null(s->hint);
	assert_string_equal(s->todo[0], "ip -n vnet link set veth1 up");
	assert_null(s->todo[1]);
	assert_string_equal(s->showme[0],
	                    "ip netns exec vnet ip link set veth1 up");
	assert_string_equal(s->showme[1], "ip -n vnet link show   # fails: just looking");
	assert_null(s->showme[2]);
	assert_false(s->priv->show_may_fail[0]);
	assert_true(s->priv->show_may_fail[1]);
	assert_false(lesson_step_has_slow(s));
	lesson_free(l);
}

/* needs: lines, kept with their step */
static void test_parse_needs(void **state)
{
	static const char text[] =
		"lesson 3 \"n\"\n"
		"step \"one\"\n  text\ndo: ip netns add x\ncheck: namespace x exists\n"
		"step \"two\"\n  text\nneeds: qdisc netem\nneeds qdisc tbf\n"
		"do: tc -n x qdisc add dev lo root netem delay 100ms\n"
		"check: qdisc netem on lo in x is set with \"delay 100ms\"\n";
	struct lesson *l;
	char err[512];

	(void)state;
	if (lesson_parse(text, "n.lesson", &l, err, sizeof err) < 0)
		fail_msg("%s", err);
	assert_int_equal(lesson_step(l, 0)->priv->nneeds, 0);
	assert_int_equal(lesson_step(l, 1)->priv->nneeds, 2);
	assert_string_equal(lesson_step(l, 1)->priv->needs[0].kind, "netem");
	assert_int_equal(lesson_step(l, 1)->priv->needs[0].line, 8);
	assert_string_equal(lesson_step(l, 1)->priv->needs[1].kind, "tbf");
	lesson_free(l);
}

static void test_parse_crlf_and_no_final_newline(void **state)
{
	struct lesson *l = parse_ok("lesson 3 \"CRLF\"\r\n"
	                            "step \"s\"\r\n"
	                            "  text   \r\n"
	                            "do: ip netns add x\r\n"
	                            "check: namespace x exists");
	const struct lesson_step *s = lesson_step(l, 0);

	(void)state;
	assert_string_equal(s->text, "text");
	assert_string_equal(s->todo[0], "ip netns add x");
	assert_string_equal(lesson_check_text(s, 0), "namespace x exists");
	assert_string_equal(lesson_summary(l), "");
	lesson_free(l);
}

/* ------------------------------------------------------------------ */
/* every check                                                        */
/* ------------------------------------------------------------------ */

static struct lck one(const char *text)
{
	struct lck c;
	char err[512] = "";

	if (lck_parse(text, &c, err, sizeof err) < 0)
		fail_msg("check `%s': %s", text, err);
	assert_string_equal(c.text, text);
	return c;
}

static void ipeq(const struct w_ip *ip, const char *want)
{
	char b[64];

	assert_string_equal(w_ip_str(ip, b, sizeof b), want);
}

static void test_checks(void **state)
{
	struct lck c;

	(void)state;
	c = one("namespace vnet exists");
	assert_int_equal(c.kind, LCK_NS);
	assert_false(c.neg);
	assert_string_equal(c.ns, "vnet");
	lck_free(&c);
	c = one("netns vnet does not exist");
	assert_int_equal(c.kind, LCK_NS);
	assert_true(c.neg);
	lck_free(&c);

	c = one("link veth0 exists");
	assert_int_equal(c.kind, LCK_LINK);
	assert_string_equal(c.dev, "veth0");
	assert_string_equal(c.ns, "");
	assert_false(c.slow);
	lck_free(&c);
	c = one("link veth1 in vnet does not exist");
	assert_int_equal(c.kind, LCK_LINK);
	assert_true(c.neg);
	assert_string_equal(c.ns, "vnet");
	lck_free(&c);
	c = one("link veth1 is in vnet");
	assert_int_equal(c.kind, LCK_LINK);
	assert_false(c.neg);
	assert_string_equal(c.ns, "vnet");
	lck_free(&c);
	c = one("link veth1 is not in host");
	assert_int_equal(c.kind, LCK_LINK);
	assert_true(c.neg);
	assert_string_equal(c.ns, "host");
	lck_free(&c);
	c = one("link veth0 is up");
	assert_int_equal(c.kind, LCK_LINK_UP);
	assert_false(c.neg);
	lck_free(&c);
	c = one("link veth1 in vnet is down");
	assert_int_equal(c.kind, LCK_LINK_UP);
	assert_true(c.neg);
	assert_string_equal(c.ns, "vnet");
	lck_free(&c);
	c = one("link veth0 has carrier");
	assert_int_equal(c.kind, LCK_LINK_CARRIER);
	assert_false(c.neg);
	lck_free(&c);
	c = one("link veth0 has no carrier");
	assert_int_equal(c.kind, LCK_LINK_CARRIER);
	assert_true(c.neg);
	lck_free(&c);
	c = one("link br0 is a bridge");
	assert_int_equal(c.kind, LCK_LINK_KIND);
	assert_string_equal(c.arg, "bridge");
	lck_free(&c);
	c = one("link veth-red has master br0");
	assert_int_equal(c.kind, LCK_LINK_MASTER);
	assert_string_equal(c.arg, "br0");
	assert_false(c.neg);
	lck_free(&c);
	c = one("link veth-red has no master");
	assert_int_equal(c.kind, LCK_LINK_MASTER);
	assert_true(c.neg);
	lck_free(&c);
	c = one("link veth0 has peer veth1 in vnet");
	assert_int_equal(c.kind, LCK_LINK_PEER);
	assert_string_equal(c.arg, "veth1");
	assert_true(c.has_ns2);
	assert_string_equal(c.arg2, "vnet");
	lck_free(&c);
	c = one("link veth0 has peer veth1");
	assert_false(c.has_ns2);
	lck_free(&c);

	c = one("address 10.0.1.0/24 is on veth0");
	assert_int_equal(c.kind, LCK_ADDR);
	ipeq(&c.ip, "10.0.1.0");
	assert_int_equal(c.plen, 24);
	assert_string_equal(c.dev, "veth0");
	lck_free(&c);
	c = one("address 2001:db8::1 on eth0 in one");
	ipeq(&c.ip, "2001:db8::1");
	assert_int_equal(c.plen, -1);
	assert_string_equal(c.ns, "one");
	lck_free(&c);
	c = one("addr 10.0.1.0 is not on veth0");
	assert_true(c.neg);
	lck_free(&c);
	c = one("address fe80::ff:fe00:1/64 is ready on eth0 in one");
	assert_true(c.ready);
	assert_false(c.neg);
	lck_free(&c);

	c = one("route 10.0.2.0/24 dev veth0 scope link");
	assert_int_equal(c.kind, LCK_ROUTE);
	assert_int_equal(c.nwords, 5);
	assert_string_equal(c.words[0], "10.0.2.0/24");
	assert_string_equal(c.words[4], "link");
	assert_string_equal(c.ns, "");
	lck_free(&c);
	c = one("route 10.0.1.0 dev veth1 scope link in vnet");
	assert_int_equal(c.nwords, 5);
	assert_string_equal(c.ns, "vnet");
	lck_free(&c);
	c = one("route in vnet default via 10.0.2.1");
	assert_int_equal(c.nwords, 3);
	assert_string_equal(c.ns, "vnet");
	lck_free(&c);
	c = one("no route 10.0.2.0/24");
	assert_int_equal(c.kind, LCK_ROUTE);
	assert_true(c.neg);
	lck_free(&c);

	c = one("route get 10.0.2.0 from host via veth0");
	assert_int_equal(c.kind, LCK_ROUTE_GET);
	assert_string_equal(c.dev, "veth0");
	assert_int_equal(c.gw.family, 0);
	assert_string_equal(c.ns, "host");
	lck_free(&c);
	c = one("route get 10.0.2.2 from left via 10.0.1.1 dev eth0");
	ipeq(&c.gw, "10.0.1.1");
	assert_string_equal(c.dev, "eth0");
	lck_free(&c);
	c = one("route get 10.0.2.1 fails");
	assert_true(c.neg);
	lck_free(&c);
	c = one("route get 10.0.2.1 resolves");
	assert_false(c.neg);
	lck_free(&c);

	c = one("ping from vnet to 10.0.1.0 succeeds");
	assert_int_equal(c.kind, LCK_PING);
	assert_true(c.slow);
	assert_false(c.neg);
	assert_int_equal(c.tr.kind, 1);
	assert_string_equal(c.tr.ns, "vnet");
	ipeq(&c.tr.dst, "10.0.1.0");
	lck_free(&c);
	c = one("ping to fe80::ff:fe00:2%eth0 fails");
	assert_true(c.neg);
	assert_string_equal(c.tr.zone, "eth0");
	assert_string_equal(c.tr.ns, "");
	lck_free(&c);

	c = one("capture on veth1 in vnet sees \"icmp[icmptype] == icmp-echo\" "
	        "while ping from host to 10.0.2.0");
	assert_int_equal(c.kind, LCK_CAPTURE);
	assert_true(c.slow);
	assert_string_equal(c.dev, "veth1");
	assert_string_equal(c.ns, "vnet");
	assert_string_equal(c.arg, "icmp[icmptype] == icmp-echo");
	assert_int_equal(c.tr.kind, 1);
	lck_free(&c);
	c = one("capture on veth0 sees no icmp and host 10.0.2.0");
	assert_true(c.neg);
	assert_string_equal(c.arg, "icmp and host 10.0.2.0");
	assert_int_equal(c.tr.kind, 0);
	lck_free(&c);
	c = one("capture on veth1 in vnet sees tcp port 4078 while send tcp "
	        "from host to 10.0.2.0 port 4078");
	assert_string_equal(c.arg, "tcp port 4078");
	assert_int_equal(c.tr.kind, 2);
	assert_int_equal(c.tr.proto, ECHO_TCP);
	assert_int_equal(c.tr.port, 4078);
	lck_free(&c);

	c = one("echo server runs in vnet on tcp port 4078");
	assert_int_equal(c.kind, LCK_ECHO);
	assert_string_equal(c.ns, "vnet");
	assert_int_equal(c.proto, ECHO_TCP);
	assert_int_equal(c.port, 4078);
	assert_false(c.slow);
	lck_free(&c);
	c = one("echo server runs");
	assert_int_equal(c.proto, 0);
	assert_int_equal(c.port, 0);
	lck_free(&c);

	c = one("send udp from vnet to 10.0.1.0 4079 gets a reply");
	assert_int_equal(c.kind, LCK_SEND);
	assert_true(c.slow);
	assert_int_equal(c.tr.proto, ECHO_UDP);
	assert_int_equal(c.tr.port, 4079);
	assert_false(c.neg);
	lck_free(&c);
	c = one("send tcp to 10.0.2.0 port 4078 gets no reply");
	assert_true(c.neg);
	lck_free(&c);

	c = one("netns pids vnet includes the echo server");
	assert_int_equal(c.kind, LCK_PIDS);
	assert_string_equal(c.ns, "vnet");
	lck_free(&c);

	c = one("sysctl net.ipv4.ip_forward in router is 1");
	assert_int_equal(c.kind, LCK_SYSCTL);
	assert_string_equal(c.arg, "net.ipv4.ip_forward");
	assert_string_equal(c.arg2, "1");
	assert_string_equal(c.ns, "router");
	lck_free(&c);
	c = one("sysctl net/ipv4/ping_group_range is 0 2147483647");
	assert_string_equal(c.arg2, "0 2147483647");
	lck_free(&c);

	c = one("nft rule 'oifname \"r-inet\" masquerade' in router exists");
	assert_int_equal(c.kind, LCK_NFT_RULE);
	assert_string_equal(c.arg, "oifname \"r-inet\" masquerade");
	assert_string_equal(c.ns, "router");
	assert_false(c.neg);
	lck_free(&c);
	c = one("nft rule \"tcp dport 22 drop\" does not exist");
	assert_int_equal(c.kind, LCK_NFT_RULE);
	assert_string_equal(c.ns, "");
	assert_true(c.neg);
	lck_free(&c);
	c = one("nft rule \"counter drop\" in fw has counted 3 packets");
	assert_int_equal(c.kind, LCK_NFT_COUNT);
	assert_int_equal(c.count, 3);
	lck_free(&c);
	c = one("nft rule \"counter drop\" has counted 1 packet");
	assert_int_equal(c.count, 1);
	lck_free(&c);

	c = one("qdisc tbf on eth0 in r is set");
	assert_int_equal(c.kind, LCK_QDISC);
	assert_string_equal(c.arg, "tbf");
	assert_string_equal(c.dev, "eth0");
	assert_string_equal(c.ns, "r");
	assert_null(c.arg2);
	assert_false(c.neg);
	assert_false(c.slow);
	lck_free(&c);
	c = one("qdisc tbf on eth0 is set with \"rate 1Mbit\"");
	assert_int_equal(c.kind, LCK_QDISC);
	assert_string_equal(c.arg2, "rate 1Mbit");
	assert_string_equal(c.ns, "");
	lck_free(&c);
	c = one("qdisc netem on eth0 in a is not set");
	assert_int_equal(c.kind, LCK_QDISC);
	assert_true(c.neg);
	lck_free(&c);
	c = one("qdisc pfifo_fast on veth-0 in a is not set with 'bands 3'");
	assert_true(c.neg);
	assert_string_equal(c.arg, "pfifo_fast");
	assert_string_equal(c.arg2, "bands 3");
	lck_free(&c);
	c = one("qdisc tbf on eth0 in a has counted 8 packets");
	assert_int_equal(c.kind, LCK_QDISC_COUNT);
	assert_int_equal(c.counts, LCK_Q_PACKETS);
	assert_int_equal(c.count, 8);
	lck_free(&c);
	c = one("qdisc tbf on eth0 has counted 1 overlimit");
	assert_int_equal(c.counts, LCK_Q_OVERLIMITS);
	lck_free(&c);
	c = one("qdisc tbf on eth0 has counted 0 drops");
	assert_int_equal(c.counts, LCK_Q_DROPS);
	assert_int_equal(c.count, 0);
	lck_free(&c);

	c = one("ping from a to 10.0.0.2 has rtt at least 100ms");
	assert_int_equal(c.kind, LCK_PING_RTT);
	assert_true(c.slow);
	assert_false(c.at_most);
	assert_string_equal(c.tr.ns, "a");
	ipeq(&c.tr.dst, "10.0.0.2");
	assert_true(c.limit > 0.0999 && c.limit < 0.1001);
	lck_free(&c);
	c = one("ping to 2001:db8::2 has rtt at most 1.5s");
	assert_int_equal(c.kind, LCK_PING_RTT);
	assert_true(c.at_most);
	assert_true(c.limit > 1.4999 && c.limit < 1.5001);
	lck_free(&c);
	c = one("ping from a to 10.0.0.2 has rtt at least 500us");
	assert_true(c.limit > 0.000499 && c.limit < 0.000501);
	lck_free(&c);
	c = one("ping from a to 10.0.0.2 loses at least 5%");
	assert_int_equal(c.kind, LCK_PING_LOSS);
	assert_true(c.slow);
	assert_false(c.at_most);
	assert_true(c.limit > 4.999 && c.limit < 5.001);
	lck_free(&c);
	c = one("ping to 10.0.0.2 loses at most 0.5%");
	assert_true(c.at_most);
	lck_free(&c);

	c = one("neighbour 10.0.0.2 on eth0 in a exists");
	assert_int_equal(c.kind, LCK_NEIGH);
	assert_string_equal(c.dev, "eth0");
	assert_string_equal(c.ns, "a");
	assert_false(c.neg);
	lck_free(&c);
	c = one("neigh 10.0.0.9 does not exist");
	assert_true(c.neg);
	assert_string_equal(c.dev, "");
	lck_free(&c);
	c = one("neighbor 2001:db8::2 in one exists");
	lck_free(&c);

	c = one("you ran ip netns exec vnet ip route");
	assert_int_equal(c.kind, LCK_RAN);
	assert_string_equal(c.arg, "ip -n vnet route show");
	lck_free(&c);
	c = one("ran ping -c 1 10.0.2.0");
	assert_int_equal(c.kind, LCK_RAN);
	assert_string_equal(c.arg, "ping -n  10.0.2.0");
	lck_free(&c);
}

/* a qdisc check's `with "TEXT"`: whole words of tc's line, in a row */
static void test_words_in(void **state)
{
	static const char line[] = "qdisc tbf 8001: root refcnt 2 rate 1Mbit "
	                           "burst 10Kb lat 50ms ";

	(void)state;
	assert_true(lesson_words_in("rate 1Mbit", line));
	assert_true(lesson_words_in("rate   1Mbit", line));
	assert_true(lesson_words_in("lat 50ms", line));
	assert_true(lesson_words_in("qdisc", line));
	assert_true(lesson_words_in("1Mbit burst 10Kb", line));
	assert_false(lesson_words_in("rate 1Mbi", line));
	assert_false(lesson_words_in("ate 1Mbit", line));
	assert_false(lesson_words_in("burst 10Kb rate", line));
	assert_false(lesson_words_in("rate 10Kb", line));
	assert_false(lesson_words_in("", line));
	assert_false(lesson_words_in("50ms x", line));
	assert_false(lesson_words_in("rate", ""));
}

static void test_bad_checks(void **state)
{
	static const struct { const char *text, *err; } bad[] = {
		{ "", "empty check" },
		{ "lnk veth0 exists", "lnk: unknown check (expected namespace, "
		  "link, address, route, no route, route get, ping, capture, "
		  "echo server, send, netns pids, sysctl, neighbour, nft rule, "
		  "qdisc or you ran)" },
		{ "link veth0 is sideways", "expected up, down, a KIND, in "
		  "NAMESPACE or not in NAMESPACE after `is`, found `sideways`" },
		{ "link veth0", "expected exists, does not exist, is up, is down, "
		  "is a KIND, is in NAMESPACE, is not in NAMESPACE, has carrier, "
		  "has master BRIDGE, has no master or has peer NAME, found the "
		  "end" },
		{ "link veth0123456789abc exists", "veth0123456789abc: not a valid "
		  "interface name (1 to 15 characters, no '/', ':' or blanks)" },
		{ "link veth0 exists now", "unexpected `now` at the end of the "
		  "check" },
		{ "link veth0 does exist", "expected `not` after `does`, found "
		  "`exist`" },
		{ "link veth1 in vnet is in vnet", "the namespace is given twice" },
		{ "link veth0 has master", "expected an interface name, found the "
		  "end" },
		{ "namespace a/b exists", "a/b: not a valid namespace name" },
		{ "address 10.0.1.0/33 on veth0", "10.0.1.0/33: prefix length out "
		  "of range (0..32)" },
		{ "address 10.0.1.x on veth0", "10.0.1.x: not an IPv4 or IPv6 "
		  "address (ADDRESS or ADDRESS/LENGTH)" },
		{ "address 10.0.1.0 at veth0", "expected `on INTERFACE`, found "
		  "`at`" },
		{ "route", "expected the route as ip route prints it "
		  "(10.0.2.0/24 dev veth0 ...), found the end" },
		{ "route nowhere dev veth0", "nowhere: not an IPv4 or IPv6 address "
		  "(ADDRESS or ADDRESS/LENGTH)" },
		{ "route 10.0.2.0/24 dev", "`dev` needs a value" },
		{ "no link", "expected `route` after `no`, found `link`" },
		{ "route get 10.0.2.0 through veth0", "expected via GATEWAY, via "
		  "DEVICE, dev DEVICE or fails, found `through`" },
		{ "ping 10.0.2.0 succeeds", "expected `to ADDRESS`, found "
		  "`10.0.2.0`" },
		{ "ping to 10.0.2.0", "expected succeeds, fails, has rtt or loses, "
		  "found the end" },
		{ "ping to 10.0.2.0 works", "expected succeeds, fails, has rtt or "
		  "loses, found `works`" },
		{ "capture veth0 sees icmp", "expected `on INTERFACE`, found "
		  "`veth0`" },
		{ "capture on veth0 sees", "expected what the capture should see: "
		  "a pcap filter such as icmp or \"tcp port 4078\"" },
		{ "capture on veth0 sees icmp while pong to 10.0.2.0",
		  "expected ping or send, found `pong`" },
		{ "echo server runs on sctp", "expected in NAMESPACE, tcp, udp or "
		  "port PORT, found `sctp`" },
		{ "echo server runs port 0", "0: not a port number (1..65535)" },
		{ "send tcp to 10.0.2.0 4078", "expected `gets a reply` or `gets "
		  "no reply`, found the end" },
		{ "send tcp to 10.0.2.0 4078 gets an answer", "expected `a reply` "
		  "or `no reply` after `gets`, found `an`" },
		{ "send icmp to 10.0.2.0 4078 gets a reply", "expected tcp or "
		  "udp, found `icmp`" },
		{ "netns pids vnet has the server", "expected `includes the echo "
		  "server`, found `has`" },
		{ "sysctl net.ipv4.ip_forward", "expected `is VALUE`, found the "
		  "end" },
		{ "sysctl ../../etc/passwd is 1", "../../etc/passwd: not a sysctl "
		  "key" },
		{ "sysctl net.ipv4.ip_forward is", "expected a value after `is`, "
		  "found the end" },
		{ "neighbour 10.0.0.2 on eth0", "expected exists or does not "
		  "exist, found the end" },
		{ "nft table ip nat exists", "expected `rule \"TEXT\"` after "
		  "`nft`, found `table`" },
		{ "nft rule", "expected the rule as nft lists it, quoted "
		  "('oifname \"r-inet\" masquerade'), found the end" },
		{ "nft rule drop in fw", "expected exists or does not exist, "
		  "found the end" },
		{ "nft rule drop has counted packets", "expected a number of "
		  "packets, found `packets`" },
		{ "nft rule drop has counted -1 packets", "expected a number of "
		  "packets, found `-1`" },
		{ "nft rule drop has counted 2", "expected `packets`, found the "
		  "end" },
		{ "nft rule drop exists now", "unexpected `now` at the end of the "
		  "check" },
		{ "qdisc", "expected a qdisc kind (tbf, netem, htb, ...), found "
		  "the end" },
		{ "qdisc TBF on eth0 is set", "TBF: not a qdisc kind (tbf, netem, "
		  "htb, pfifo: lower-case letters, digits and _, at most 15)" },
		{ "qdisc tbf eth0 is set", "expected `on INTERFACE` after the "
		  "qdisc's kind, found `eth0`" },
		{ "qdisc tbf on eth0", "expected `is set`, `is not set` or `has "
		  "counted N ...`, found the end" },
		{ "qdisc tbf on eth0 is there", "expected `set` or `not set` after "
		  "`is`, found `there`" },
		{ "qdisc tbf on eth0 is not", "expected `set` after `is not`, "
		  "found the end" },
		{ "qdisc tbf on eth0 is set with", "expected the words tc shows, "
		  "quoted (\"rate 1Mbit\"), found the end" },
		{ "qdisc tbf on eth0 is set with ''", "expected the words tc shows, "
		  "quoted (\"rate 1Mbit\"), found ``" },
		{ "qdisc tbf on eth0 is set with \"rate 1Mbit\" now",
		  "unexpected `now` at the end of the check" },
		{ "qdisc tbf on eth0 has counted many packets", "expected a "
		  "number, found `many`" },
		{ "qdisc tbf on eth0 has counted 3 bytes", "expected packets, "
		  "overlimits or drops, found `bytes`" },
		{ "ping to 10.0.0.2 has latency 1s", "expected `rtt` after `has`, "
		  "found `latency`" },
		{ "ping to 10.0.0.2 has rtt 100ms", "expected `at least` or `at "
		  "most`, found `100ms`" },
		{ "ping to 10.0.0.2 has rtt at 100ms", "expected `least` or `most` "
		  "after `at`, found `100ms`" },
		{ "ping to 10.0.0.2 has rtt at least 100", "100: not a time of at "
		  "most a minute with its unit (100ms, 1s, 500us)" },
		{ "ping to 10.0.0.2 has rtt at least 2min", "2min: not a time of "
		  "at most a minute with its unit (100ms, 1s, 500us)" },
		{ "ping to 10.0.0.2 has rtt at least 61s", "61s: not a time of "
		  "at most a minute with its unit (100ms, 1s, 500us)" },
		{ "ping to 10.0.0.2 has rtt at least", "expected a time (100ms, "
		  "1s, 500us), found the end" },
		{ "ping to 10.0.0.2 has rtt at least 1s twice", "unexpected "
		  "`twice` at the end of the check" },
		{ "ping to 10.0.0.2 loses at least 20", "20: not a percentage "
		  "from 0% to 100% (10%, 2.5%)" },
		{ "ping to 10.0.0.2 loses at least 101%", "101%: not a percentage "
		  "from 0% to 100% (10%, 2.5%)" },
		{ "ping to 10.0.0.2 loses at least -1%", "-1%: not a percentage "
		  "from 0% to 100% (10%, 2.5%)" },
		{ "ping to 10.0.0.2 loses some", "expected `at least` or `at "
		  "most`, found `some`" },
		{ "you ran", "expected a command after `ran`" },
		{ "you ran ip addr add 10.0.1.0/33 dev veth0", "ran: 10.0.1.0/33: "
		  "prefix length 33 out of range (0..32)" },
		{ "you did ip route", "expected `ran COMMAND` after `you`, found "
		  "`did`" },
		{ "link 'veth0 exists", "'veth0 exists: unterminated single "
		  "quote" },
	};
	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct lck c;
		char err[512] = "";

		if (lck_parse(bad[i].text, &c, err, sizeof err) == 0)
			fail_msg("check `%s' was accepted", bad[i].text);
		if (strcmp(err, bad[i].err) != 0)
			fail_msg("check `%s':\n got: %s\nwant: %s", bad[i].text,
			         err, bad[i].err);
	}
}

/* ------------------------------------------------------------------ */
/* malformed files                                                    */
/* ------------------------------------------------------------------ */

#define STEP "step \"s\"\n  text\ndo: ip netns add x\ncheck: namespace x exists\n"

static void test_bad_files(void **state)
{
	(void)state;
	parse_bad("", "t.lesson:1: no lesson line: a lesson file starts with "
	          "lesson NUMBER \"TITLE\"");
	parse_bad("# only a comment\n\n", "t.lesson:2: no lesson line: a lesson "
	          "file starts with lesson NUMBER \"TITLE\"");
	parse_bad("\n" STEP, "t.lesson:2: the file must start with the lesson "
	          "line: lesson NUMBER \"TITLE\"");
	parse_bad("lesson \"no number\"\n" STEP, "t.lesson:1: lesson: expected "
	          "a number from 1 to 9999 and a title: lesson 1 \"The veth "
	          "pair\"");
	parse_bad("lesson 0 \"zero\"\n" STEP, "t.lesson:1: lesson: expected a "
	          "number from 1 to 9999 and a title: lesson 1 \"The veth "
	          "pair\"");
	parse_bad("lesson 1x \"x\"\n" STEP, "t.lesson:1: lesson: expected a "
	          "number from 1 to 9999 and a title: lesson 1 \"The veth "
	          "pair\"");
	parse_bad("lesson 1\n" STEP, "t.lesson:1: lesson: the title is empty");
	parse_bad("lesson 1 \"open\n" STEP, "t.lesson:1: lesson: the title's "
	          "closing \" is missing");
	parse_bad("lesson 1 \"t\" more\n" STEP, "t.lesson:1: lesson: unexpected "
	          "text after the title's closing \"");
	parse_bad("lesson 1 \"t\"\nlesson 2 \"u\"\n", "t.lesson:2: a second "
	          "lesson line (one lesson a file)");
	parse_bad("lesson 1 \"t\"\n", "t.lesson:1: the lesson has no steps "
	          "(step \"TITLE\")");
	parse_bad("lesson 1 \"t\"\nsummary: a\nsummary: b\n", "t.lesson:3: a "
	          "second summary: line");
	parse_bad("lesson 1 \"t\"\n" STEP "summary: late\n", "t.lesson:6: "
	          "summary: must come before the first step");
	parse_bad("lesson 1 \"t\"\n" STEP "setup: ip netns add y\n",
	          "t.lesson:6: setup: must come before the first step");
	parse_bad("lesson 1 \"t\"\nsetup: ip netns add\n" STEP, "t.lesson:2: "
	          "setup: netns add: missing namespace name");
	parse_bad("lesson 1 \"t\"\ndo: ip netns add x\n", "t.lesson:2: do: "
	          "outside a step (a step starts with step \"TITLE\")");
	parse_bad("lesson 1 \"t\"\ncheck: namespace x exists\n", "t.lesson:2: "
	          "check: outside a step (a step starts with step \"TITLE\")");
	parse_bad("lesson 1 \"t\"\n  stray\n", "t.lesson:2: indented text here "
	          "belongs to nothing (text goes under a step line, a summary:, "
	          "keys: or hint:; commands and checks are one line each)");
	parse_bad("lesson 1 \"t\"\nstep \"\"\n", "t.lesson:2: step: the title "
	          "is empty");
	parse_bad("lesson 1 \"t\"\nstep \"a\"\ndo: ip netns add x\n"
	          "check: namespace x exists\n", "t.lesson:2: step \"a\" has no "
	          "explanation (indented text under the step line)");
	parse_bad("lesson 1 \"t\"\nstep \"a\"\n  text\ncheck: namespace x "
	          "exists\n", "t.lesson:2: step \"a\" says nothing to do (add "
	          "a do: line)");
	parse_bad("lesson 1 \"t\"\nstep \"a\"\n  text\ndo: ip netns add x\n"
	          "step \"b\"\n  more\ndo: ip netns add y\ncheck: namespace y "
	          "exists\n", "t.lesson:2: step \"a\" has no goal (add a check: "
	          "line)");
	parse_bad("lesson 1 \"t\"\n" STEP "do:\n", "t.lesson:6: do: the command "
	          "is missing");
	parse_bad("lesson 1 \"t\"\n" STEP "do: ip addr add 10.0.1.0/33 dev "
	          "veth0\n", "t.lesson:6: do: 10.0.1.0/33: prefix length 33 out "
	          "of range (0..32)");
	parse_bad("lesson 1 \"t\"\n" STEP "show: ip 'route\n", "t.lesson:6: "
	          "show: 'route: unterminated single quote");
	parse_bad("lesson 1 \"t\"\n" STEP "check:\n", "t.lesson:6: check: the "
	          "check is missing");
	parse_bad("lesson 1 \"t\"\n" STEP "check: link veth0 is sideways\n",
	          "t.lesson:6: check: expected up, down, a KIND, in NAMESPACE "
	          "or not in NAMESPACE after `is`, found `sideways`");
	parse_bad("lesson 1 \"t\"\n" STEP "hint: a\nhint: b\n", "t.lesson:7: a "
	          "second hint: line in this step (continue on indented lines)");
	parse_bad("lesson 1 \"t\"\n" STEP "keys: a\nkeys: b\n", "t.lesson:7: a "
	          "second keys: line in this step (continue on indented lines)");
	parse_bad("lesson 1 \"t\"\n" STEP "expect: something\n", "t.lesson:6: "
	          "expect: unknown directive (expected lesson, summary, setup, "
	          "step, do, show, keys, hint, check or needs)");
	parse_bad("lesson 1 \"t\"\n" STEP "needs: netem\n", "t.lesson:6: "
	          "needs: expected `qdisc KIND` (the kernel feature the step "
	          "needs), found `netem`");
	parse_bad("lesson 1 \"t\"\n" STEP "needs:\n", "t.lesson:6: "
	          "needs: expected `qdisc KIND` (the kernel feature the step "
	          "needs), found the end");
	parse_bad("lesson 1 \"t\"\n" STEP "needs: qdisc\n", "t.lesson:6: "
	          "needs: expected a qdisc kind (tbf, netem, htb, ...), found "
	          "the end");
	parse_bad("lesson 1 \"t\"\n" STEP "needs: qdisc Net/em\n", "t.lesson:6: "
	          "needs: Net/em: not a qdisc kind (tbf, netem, htb, pfifo: "
	          "lower-case letters, digits and _, at most 15)");
	parse_bad("lesson 1 \"t\"\n" STEP "needs: qdisc netem tbf\n",
	          "t.lesson:6: needs: unexpected `tbf` after the qdisc's kind "
	          "(one needs: line a feature)");
	parse_bad("lesson 1 \"t\"\nneeds: qdisc netem\n" STEP, "t.lesson:2: "
	          "needs: outside a step (a step starts with step \"TITLE\")");
	parse_bad("lesson 1 \"t\"\n" STEP "do: ip netns add y\n  more\n",
	          "t.lesson:7: indented text here belongs to nothing (text goes "
	          "under a step line, a summary:, keys: or hint:; commands and "
	          "checks are one line each)");
	{
		char nul[] = "lesson 1 \"t\"\nstep \"x\0\"\n";
		struct lesson *l;
		char err[256];
		/* lesson_parse takes a C string: a NUL ends it, so the file
		 * simply stops early */
		assert_int_equal(lesson_parse(nul, "t.lesson", &l, err,
		                              sizeof err), -1);
		assert_string_equal(err, "t.lesson:2: step: the title's closing "
		                    "\" is missing");
	}
}

/* The files in tests/data/lessons-bad, each with its first error. */
static void test_bad_data_files(void **state)
{
	static const struct { const char *file, *err; } files[] = {
		{ "no-lesson-line.lesson", ":2: the file must start with the "
		  "lesson line: lesson NUMBER \"TITLE\"" },
		{ "bad-check.lesson", ":7: check: expected up, down, a KIND, in "
		  "NAMESPACE or not in NAMESPACE after `is`, found `sideways`" },
		{ "bad-command.lesson", ":6: do: 10.0.1.0/33: prefix length 33 "
		  "out of range (0..32)" },
		{ "no-goal.lesson", ":8: step \"Second\" has no goal (add a "
		  "check: line)" },
		{ "stray-text.lesson", ":6: indented text here belongs to nothing "
		  "(text goes under a step line, a summary:, keys: or hint:; "
		  "commands and checks are one line each)" },
		{ "unknown-directive.lesson", ":6: expect: unknown directive "
		  "(expected lesson, summary, setup, step, do, show, keys, hint, "
		  "check or needs)" },
		{ "runs-program.lesson", ":6: setup: netns exec box sh: a lesson "
		  "runs nsviz's own commands, not programs (netns exec NS ip ..., "
		  "netns exec NS nsviz echo|send ...)" },
		{ "escape.lesson", ":1: a control character (0x1b) in column 20 "
		  "(a lesson is text: no escapes, no CR but at the end of a "
		  "line)" },
	};
	(void)state;
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		char path[PATH_MAX], want[PATH_MAX + 300], err[1024];
		struct sbuf text = SBUF_INIT;
		struct lesson *l;
		FILE *f;
		char buf[4096];
		size_t n;

		snprintf(path, sizeof path, "%s/lessons-bad/%s", TEST_DATADIR,
		         files[i].file);
		f = fopen(path, "r");
		if (!f)
			fail_msg("%s: %s", path, strerror(errno));
		while ((n = fread(buf, 1, sizeof buf, f)) > 0)
			sbuf_addn(&text, buf, n);
		fclose(f);
		assert_int_equal(lesson_parse(sbuf_str(&text), path, &l, err,
		                              sizeof err), -1);
		snprintf(want, sizeof want, "%s%s", path, files[i].err);
		assert_string_equal(err, want);
		sbuf_free(&text);
	}
}

/* ------------------------------------------------------------------ */
/* commands, routes, text                                             */
/* ------------------------------------------------------------------ */

static void key_is(const char *line, const char *want)
{
	struct sbuf k = SBUF_INIT;

	if (lesson_cmd_key(line, &k) < 0)
		fail_msg("`%s' does not parse", line);
	assert_string_equal(sbuf_str(&k), want);
	sbuf_free(&k);
}

static void test_command_keys(void **state)
{
	struct sbuf k = SBUF_INIT;

	(void)state;
	key_is("ip link show veth1", "ip link show veth1");
	key_is("l sh dev veth1", "ip link show veth1");
	key_is("ip netns exec vnet ip link show veth1",
	       "ip -n vnet link show veth1");
	key_is("ip -n vnet link show veth1", "ip -n vnet link show veth1");
	key_is("ip route", "ip route show");
	key_is("route show", "ip route show");
	/* output options are how, not what: the same key */
	key_is("ip -br -s -j -p link show veth1", "ip link show veth1");
	key_is("ip -n vnet -o -d route", "ip -n vnet route show");
	key_is("ip -4 -br addr", "ip -4 addr show");
	key_is("ping -c 10 10.0.2.0", "ping -n  10.0.2.0");
	key_is("ping 10.0.2.0 -c 1 -W 5", "ping -n  10.0.2.0");
	key_is("ip netns exec a ping -c 1 10.0.0.2", "ping -n a 10.0.0.2");
	key_is("-n a ping 10.0.0.2", "ping -n a 10.0.0.2");
	key_is("route get 10.0.2.1", "route get -n  10.0.2.1");
	key_is("ip -n left route get to 10.0.2.2", "route get -n left 10.0.2.2");
	key_is("send tcp 10.0.2.0 4078 hello", "send -n  tcp 10.0.2.0 4078");
	key_is("send tcp 10.0.2.0 4078 again timeout 2",
	       "send -n  tcp 10.0.2.0 4078");
	assert_int_equal(lesson_cmd_key("ip link frob", &k), -1);
	assert_int_equal(lesson_cmd_key("", &k), -1);
	sbuf_free(&k);

	assert_true(lesson_cmd_may_fail("ping 10.0.2.1 # fails"));
	assert_true(lesson_cmd_may_fail("ping 10.0.2.1	#Fails: no route"));
	assert_false(lesson_cmd_may_fail("ping 10.0.2.1"));
	assert_false(lesson_cmd_may_fail("ping 10.0.2.1 # works"));
	assert_false(lesson_cmd_may_fail("send tcp 10.0.2.0 4078 '# fails'"));
	assert_false(lesson_cmd_may_fail("send tcp 10.0.2.0 4078 \"a # fails\""));
	assert_false(lesson_cmd_may_fail("send tcp 10.0.2.0 4078 a\\ #fails"));
	assert_false(lesson_cmd_may_fail("send tcp 10.0.2.0 4078 a#fails"));
}

static bool rmatch(const char *check, const char *line)
{
	char **w = NULL;
	char err[128];
	int n = cmd_split(check, &w, err, sizeof err);
	bool r;

	assert_true(n > 0);
	r = lesson_route_match(w, n, line);
	cmd_free_words(w, n);
	return r;
}

static void test_route_match(void **state)
{
	const char *k = "10.0.1.0/24 dev veth0 proto kernel scope link src "
	                "10.0.1.0 linkdown ";

	(void)state;
	assert_true(rmatch("10.0.1.0/24", k));
	assert_true(rmatch("10.0.1.0/24 dev veth0", k));
	assert_true(rmatch("10.0.1.0/24 dev veth0 proto kernel scope link", k));
	assert_true(rmatch("10.0.1.0/24 dev veth0 scope link", k));
	assert_true(rmatch("10.0.1.0/24 linkdown", k));
	assert_false(rmatch("10.0.1.0/24 dev veth1", k));
	assert_false(rmatch("10.0.1.0/25 dev veth0", k));
	assert_false(rmatch("10.0.2.0/24", k));
	/* order matters, and a key's value is its own */
	assert_false(rmatch("10.0.1.0/24 scope link dev veth0", k));
	assert_false(rmatch("10.0.1.0/24 dev link", k));
	assert_false(rmatch("10.0.1.0/24 src 10.0.1.1", k));
	/* a host route is written without /32 */
	assert_true(rmatch("10.0.1.0 dev veth1", "10.0.1.0 dev veth1 scope link "));
	assert_true(rmatch("10.0.1.0/32 dev veth1", "10.0.1.0 dev veth1 scope link "));
	assert_false(rmatch("10.0.1.0/24 dev veth1", "10.0.1.0 dev veth1 scope link "));
	assert_true(rmatch("default via 10.0.1.1", "default via 10.0.1.1 dev eth0 "));
	assert_false(rmatch("default via 10.0.1.2", "default via 10.0.1.1 dev eth0 "));
	assert_true(rmatch("2001:db8::/64 dev eth0 proto kernel",
	                   "2001:db8::/64 dev eth0 proto kernel metric 256 pref "
	                   "medium"));
	assert_true(rmatch("2001:0db8:0::/64", "2001:db8::/64 dev eth0"));
}

static void wrap_is(const char *text, int width, const char *want)
{
	struct sbuf b = SBUF_INIT;

	lesson_wrap(text, width, &b);
	assert_string_equal(sbuf_str(&b), want);
	sbuf_free(&b);
}

static void test_wrap(void **state)
{
	(void)state;
	wrap_is("", 20, "");
	wrap_is("one two three four five six", 14,
	        "one two three\nfour five six\n");
	wrap_is("a\n\nb", 20, "a\n\nb\n");
	wrap_is("text\n\n   pre  formatted\n   kept    as is\n\nmore", 10,
	        "text\n\n   pre  formatted\n   kept    as is\n\nmore\n");
	/* a word longer than the width gets a line of its own */
	wrap_is("a verylongwordindeed b", 10, "a\nverylongwordindeed\nb\n");
	/* code points, not bytes: "é" is one column */
	wrap_is("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9 \xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", 10,
	        "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9 \xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\n");
	/* widths under 10 count as 10 */
	wrap_is("aaaa bbbb cccc", 1, "aaaa bbbb\ncccc\n");
}

/* ------------------------------------------------------------------ */
/* loading and progress, in a temporary tree                          */
/* ------------------------------------------------------------------ */

struct tmp {
	char root[64];
	char data[128];          /* $XDG_DATA_HOME */
	char user[160];          /* $XDG_DATA_HOME/nsviz/lessons */
	char env[128];           /* $NSVIZ_LESSONS_DIR */
	char state[128];         /* $XDG_STATE_HOME */
};

static int tmp_setup(void **state)
{
	struct tmp *t = calloc(1, sizeof *t);

	if (!t)
		return -1;
	snprintf(t->root, sizeof t->root, "/tmp/nsviz-test-lesson.XXXXXX");
	if (!mkdtemp(t->root))
		return -1;
	snprintf(t->data, sizeof t->data, "%s/data", t->root);
	snprintf(t->user, sizeof t->user, "%s/nsviz/lessons", t->data);
	snprintf(t->env, sizeof t->env, "%s/env", t->root);
	snprintf(t->state, sizeof t->state, "%s/state/deep", t->root);
	mkdir_p(t->user);
	mkdir_p(t->env);
	setenv("XDG_DATA_HOME", t->data, 1);
	setenv("NSVIZ_LESSONS_DIR", t->env, 1);
	setenv("XDG_STATE_HOME", t->state, 1);
	*state = t;
	return 0;
}

static int tmp_teardown(void **state)
{
	struct tmp *t = *state;

	rm_rf(t->root);
	unsetenv("XDG_DATA_HOME");
	unsetenv("NSVIZ_LESSONS_DIR");
	unsetenv("XDG_STATE_HOME");
	free(t);
	return 0;
}

static void lesson_file(const char *dir, const char *name, int num,
                        const char *title)
{
	char path[PATH_MAX], text[512];

	snprintf(path, sizeof path, "%s/%s", dir, name);
	snprintf(text, sizeof text, "lesson %d \"%s\"\n" STEP, num, title);
	write_file(path, text);
}

static void test_load_all(void **state)
{
	struct tmp *t = *state;
	struct lesson **v;
	struct sbuf errs = SBUF_INIT;
	char path[PATH_MAX], want[4096];
	size_t n;

	lesson_file(t->env, "b.lesson", 2, "shipped two");
	lesson_file(t->env, "c.lesson", 3, "shipped three");
	lesson_file(t->env, "d.lesson", 3, "three again");
	lesson_file(t->env, "notes.txt", 9, "not a lesson file");
	lesson_file(t->user, "mine.lesson", 2, "my own two");
	lesson_file(t->user, "z.lesson", 1, "one");
	snprintf(path, sizeof path, "%s/broken.lesson", t->user);
	write_file(path, "lesson 5 \"broken\"\nstep \"s\"\n  text\n"
	           "do: ip netns add x\ncheck: link x is sideways\n");
	snprintf(path, sizeof path, "%s/dir.lesson", t->user);
	mkdir_p(path);

	assert_int_equal(lesson_load_all(&v, &n, &errs), 3);
	assert_int_equal(n, 3);
	assert_int_equal(lesson_number(v[0]), 1);
	assert_int_equal(lesson_number(v[1]), 2);
	/* a user's lesson never replaces a shipped one */
	assert_string_equal(lesson_title(v[1]), "shipped two");
	assert_int_equal(lesson_number(v[2]), 3);
	assert_string_equal(lesson_title(v[2]), "shipped three");
	assert_non_null(lesson_find(v, n, 3));
	assert_null(lesson_find(v, n, 4));
	snprintf(want, sizeof want,
	         "%s/broken.lesson:5: check: expected up, down, a KIND, in "
	         "NAMESPACE or not in NAMESPACE after `is`, found `sideways`\n"
	         "%s/dir.lesson: not a regular file (a directory)\n"
	         "%s/d.lesson:1: lesson 3 is also %s/c.lesson\n"
	         "%s/mine.lesson:1: lesson 2 is the shipped lesson \"shipped "
	         "two\" (%s/b.lesson): give yours a number of its own\n",
	         t->user, t->user, t->env, t->env, t->user, t->env);
	assert_string_equal(sbuf_str(&errs), want);
	lesson_free_all(v, n);
	sbuf_free(&errs);

	/* nothing anywhere is no error */
	rm_rf(t->user);
	rm_rf(t->env);
	assert_int_equal(lesson_load_all(&v, &n, &errs), 0);
	assert_string_equal(sbuf_str(&errs), "");
	lesson_free_all(v, n);
	sbuf_free(&errs);
}

/* Every shipped lesson parses (its commands and checks too). */
static void test_shipped_lessons(void **state)
{
	struct lesson **v;
	struct sbuf errs = SBUF_INIT;
	size_t n;

	(void)state;
	setenv("XDG_DATA_HOME", "/nonexistent", 1);
	setenv("NSVIZ_LESSONS_DIR", TEST_LESSONSDIR, 1);
	lesson_load_all(&v, &n, &errs);
	assert_string_equal(sbuf_str(&errs), "");
	assert_true(n >= 8);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(lesson_number(v[i]), (int)i + 1);
		assert_true(lesson_nsteps(v[i]) >= 3);
		for (size_t s = 0; s < lesson_nsteps(v[i]); s++) {
			const struct lesson_step *st = lesson_step(v[i], s);

			assert_non_null(st->hint);
			assert_non_null(st->todo[0]);
			assert_true(lesson_step_nchecks(st) >= 1);
		}
	}
	lesson_free_all(v, n);
	sbuf_free(&errs);
	unsetenv("XDG_DATA_HOME");
	unsetenv("NSVIZ_LESSONS_DIR");
}

static int count_entries(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	int n = 0;

	assert_non_null(d);
	while ((de = readdir(d)))
		if (de->d_name[0] != '.')
			n++;
	closedir(d);
	return n;
}

static void test_progress(void **state)
{
	struct tmp *t = *state;
	char dir[256], file[2 * PATH_MAX], text[4096];
	struct stat st;
	int step = -7, last = -7;
	FILE *f;
	size_t n;

	snprintf(dir, sizeof dir, "%s/nsviz", t->state);
	snprintf(file, sizeof file, "%s/lessons.progress", dir);

	/* nothing saved yet */
	assert_int_equal(lesson_progress_load(1, &step), -1);
	assert_int_equal(step, -7);
	assert_int_equal(lesson_progress_last(&last), -1);

	/* the directories are made, private */
	assert_int_equal(lesson_progress_save(3, 2), 0);
	assert_int_equal(stat(dir, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0700);
	assert_int_equal(lesson_progress_load(3, &step), 0);
	assert_int_equal(step, 2);
	assert_int_equal(lesson_progress_last(&last), 0);
	assert_int_equal(last, 3);

	assert_int_equal(lesson_progress_save(1, 4), 0);
	assert_int_equal(lesson_progress_save(3, 5), 0);
	assert_int_equal(lesson_progress_load(1, &step), 0);
	assert_int_equal(step, 4);
	assert_int_equal(lesson_progress_load(3, &step), 0);
	assert_int_equal(step, 5);
	assert_int_equal(lesson_progress_load(2, &step), -1);
	assert_int_equal(lesson_progress_last(&last), 0);
	assert_int_equal(last, 3);

	/* written whole, under a temporary name renamed into place: only
	 * the file is left, private, and reads as documented */
	assert_int_equal(count_entries(dir), 1);
	assert_int_equal(stat(file, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	f = fopen(file, "r");
	assert_non_null(f);
	n = fread(text, 1, sizeof text - 1, f);
	fclose(f);
	text[n] = '\0';
	assert_string_equal(text, "# nsviz lesson progress: the step to resume "
	                    "each lesson at (from 0)\nlast 3\nlesson 1 step 4\n"
	                    "lesson 3 step 5\n");

	/* someone else's junk is ignored, and dropped on the next save */
	write_file(file, "garbage\nlesson x step 1\nlesson 2 step -1\n"
	           "last 0\nlesson 2 step 1 extra\nlesson 6 step 0\n");
	assert_int_equal(lesson_progress_load(2, &step), -1);
	assert_int_equal(lesson_progress_load(6, &step), 0);
	assert_int_equal(step, 0);
	assert_int_equal(lesson_progress_last(&last), -1);
	assert_int_equal(lesson_progress_save(6, 1), 0);
	f = fopen(file, "r");
	assert_non_null(f);
	n = fread(text, 1, sizeof text - 1, f);
	fclose(f);
	text[n] = '\0';
	assert_string_equal(text, "# nsviz lesson progress: the step to resume "
	                    "each lesson at (from 0)\nlast 6\nlesson 6 step 1\n");

	/* bad arguments; a state directory that cannot be made */
	assert_int_equal(lesson_progress_save(0, 1), -1);
	assert_int_equal(errno, EINVAL);
	assert_int_equal(lesson_progress_save(1, -1), -1);
	{
		char blocked[3 * PATH_MAX];

		snprintf(blocked, sizeof blocked, "%s/sub", file);
		setenv("XDG_STATE_HOME", blocked, 1);
		assert_int_equal(lesson_progress_save(1, 1), -1);
		assert_int_equal(errno, ENOTDIR);
		setenv("XDG_STATE_HOME", t->state, 1);
	}
	/* a relative XDG_STATE_HOME is ignored: ~/.local/state then */
	{
		char home[256];

		snprintf(home, sizeof home, "%s/home", t->root);
		mkdir_p(home);
		setenv("HOME", home, 1);
		setenv("XDG_STATE_HOME", "relative", 1);
		assert_int_equal(lesson_progress_save(2, 3), 0);
		snprintf(file, sizeof file, "%s/.local/state/nsviz/lessons.progress",
		         home);
		assert_int_equal(stat(file, &st), 0);
		setenv("XDG_STATE_HOME", t->state, 1);
	}
}

/* The man page's example lesson is a lesson, and the man page names
 * every kind of check. */
static void test_man_page(void **state)
{
	char path[PATH_MAX];
	struct sbuf page = SBUF_INIT, ex = SBUF_INIT;
	struct lesson *l;
	const char *p, *end;
	char buf[4096], err[1024];
	size_t n;
	FILE *f;
	static const char *const words[] = {
		"namespace ", "does not exist", "is in ", "is not in ", "is up",
		"is down", "has carrier", "has no carrier", "is a ",
		"has master ", "has no master", "has peer ", "address ",
		"is ready on", "route ", "no route ", "route get ", "fails",
		"ping ", "succeeds", "send tcp", "gets a reply", "gets no reply",
		"capture on ", "sees no ", "while ", "echo server runs",
		"netns pids ", "includes the echo server", "sysctl ",
		"neighbour ", "nft rule ", "has counted ", "qdisc ", "is set",
		"is not set", "with ", "overlimits", "has rtt at least",
		"has rtt at most", "loses at least", "loses at most", "needs:",
		"SKIPPED", "you ran ", "# fails", "setup:", "summary:",
		"do:", "show:", "keys:", "hint:", "check:", NULL
	};

	(void)state;
	snprintf(path, sizeof path, "%s/../man/nsviz-lesson.5.in", TEST_LESSONSDIR);
	f = fopen(path, "r");
	if (!f)
		fail_msg("%s: %s", path, strerror(errno));
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		sbuf_addn(&page, buf, n);
	fclose(f);
	/* the example: from its comment line to the end of its .nf block,
	 * with roff's \- as - */
	p = strstr(sbuf_str(&page), "# lessons/20");
	assert_non_null(p);
	end = strstr(p, "\n.fi\n");
	assert_non_null(end);
	for (; p < end; p++) {
		if (p[0] == '\\' && p[1] == '-') {
			sbuf_addc(&ex, '-');
			p++;
		} else {
			sbuf_addc(&ex, *p);
		}
	}
	sbuf_addc(&ex, '\n');
	if (lesson_parse(sbuf_str(&ex), "nsviz-lesson.5", &l, err,
	                 sizeof err) < 0)
		fail_msg("the man page's example: %s", err);
	assert_int_equal(lesson_number(l), 20);
	assert_int_equal(lesson_nsteps(l), 2);
	lesson_free(l);
	for (int i = 0; words[i]; i++) {
		struct sbuf w = SBUF_INIT;

		/* roff writes - as \- */
		for (const char *q = words[i]; *q; q++) {
			if (*q == '-')
				sbuf_add(&w, "\\-");
			else
				sbuf_addc(&w, *q);
		}
		if (!strstr(sbuf_str(&page), words[i]) &&
		    !strstr(sbuf_str(&page), sbuf_str(&w)))
			fail_msg("nsviz-lesson.5 does not mention `%s'", words[i]);
		sbuf_free(&w);
	}
	sbuf_free(&page);
	sbuf_free(&ex);
}

/* ------------------------------------------------------------------ */
/* untrusted lesson files                                             */
/* ------------------------------------------------------------------ */

static void parse_bad_buf(const char *text, size_t len, const char *want)
{
	struct lesson *l = (struct lesson *)1;
	char err[1024] = "";

	if (lesson_parse_buf(text, len, "t.lesson", &l, err, sizeof err) == 0)
		fail_msg("expected an error: %s", want);
	assert_null(l);
	assert_string_equal(err, want);
}

/* A lesson is UTF-8 text: NULs, control characters (escape sequences for
 * the learner's terminal), bytes that are not UTF-8 and endless lines
 * are refused with FILE:LINE; CRLF line ends and a byte order mark are
 * fine. */
static void test_text_only(void **state)
{
	static const char nul[] = "lesson 1 \"t\"\nstep \"x\0\"\n  text\n";
	struct sbuf b = SBUF_INIT;
	struct lesson *l;

	(void)state;
	parse_bad_buf(nul, sizeof nul - 1, "t.lesson:2: a NUL byte (this is "
	              "not a text file)");
	parse_bad("lesson 1 \"t\x1b[2J\"\n" STEP, "t.lesson:1: a control "
	          "character (0x1b) in column 12 (a lesson is text: no escapes, "
	          "no CR but at the end of a line)");
	parse_bad("lesson 1 \"t\"\n" STEP "hint: a\rb\n", "t.lesson:6: a control "
	          "character (0x0d) in column 8 (a lesson is text: no escapes, "
	          "no CR but at the end of a line)");
	parse_bad("lesson 1 \"t\"\n" STEP "hint: \x7f\n", "t.lesson:6: a control "
	          "character (0x7f) in column 7 (a lesson is text: no escapes, "
	          "no CR but at the end of a line)");
	parse_bad("lesson 1 \"t\xc2\x9b" "31m\"\n" STEP, "t.lesson:1: a control "
	          "character (U+009B) in column 12 (a lesson is text: no "
	          "escapes)");
	parse_bad("lesson 1 \"t\"\n" STEP "do: ip link show \xe2\x80\xae"
	          "0htev\n", "t.lesson:6: a bidirectional control character "
	          "(U+202E) in column 18 (it would show the text otherwise than "
	          "it is)");
	parse_bad("lesson 1 \"t\"\n  \xff\xfe\n", "t.lesson:2: not UTF-8 text "
	          "(byte 0xff in column 3)");
	parse_bad("lesson 1 \"\xc0\xaf\"\n", "t.lesson:1: not UTF-8 text "
	          "(byte 0xc0 in column 11)");
	parse_bad("lesson 1 \"\xe0\x80\xaf\"\n", "t.lesson:1: not UTF-8 text "
	          "(byte 0xe0 in column 11)");
	parse_bad("lesson 1 \"\xed\xa0\x80\"\n", "t.lesson:1: not UTF-8 text "
	          "(byte 0xed in column 11)");
	parse_bad("lesson 1 \"\xe2\x86\"\n", "t.lesson:1: not UTF-8 text "
	          "(byte 0xe2 in column 11)");
	/* a 1 MB line */
	sbuf_add(&b, "lesson 1 \"t\"\n  ");
	for (int i = 0; i < 1000000; i++)
		sbuf_addc(&b, 'x');
	sbuf_add(&b, "\n" STEP);
	parse_bad(sbuf_str(&b), "t.lesson:2: a line longer than 4096 bytes "
	          "(this is not a lesson)");
	sbuf_free(&b);

	/* UTF-8 is text; a BOM and CRLF line ends are fine */
	l = parse_ok("\xef\xbb\xbflesson 1 \"Caf\xc3\xa9 \xe2\x86\x92 "
	             "\xf0\x9f\x90\xa7\"\r\nstep \"s\"\r\n  text\r\n"
	             "do: ip netns add x\r\ncheck: namespace x exists\r\n");
	assert_string_equal(lesson_title(l), "Caf\xc3\xa9 \xe2\x86\x92 "
	                    "\xf0\x9f\x90\xa7");
	assert_int_equal(lesson_number(l), 1);
	lesson_free(l);
}

/* `check: you r""an ...` once crashed every lesson command (the raw
 * text was searched for "ran"): the command is the words after it. */
static void test_ran_words(void **state)
{
	static const char *const ok[] = {
		"you r\"\"an netns add a", "you 'ran' netns add a",
		"y\"ou\" ran netns add a", "r\\an netns add a",
		"you ran   netns add a   # a comment",
		"you ran 'netns' add a",
	};
	struct lck c;
	char err[512];

	(void)state;
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		if (lck_parse(ok[i], &c, err, sizeof err) < 0)
			fail_msg("%s: %s", ok[i], err);
		assert_int_equal(c.kind, LCK_RAN);
		assert_string_equal(c.arg, "ip netns add a");
		lck_free(&c);
	}
	parse_bad("lesson 1 \"x\"\nstep \"s\"\n  t\ndo: netns add a\ncheck: you "
	          "r\"\"an\n", "t.lesson:5: check: expected a command after "
	          "`ran`");
	assert_int_equal(lck_parse("\"you ran\" netns add a", &c, err,
	                           sizeof err), -1);
	assert_int_equal(lck_parse("you \"\"", &c, err, sizeof err), -1);
	assert_string_equal(err, "expected `ran COMMAND` after `you`, found "
	                    "``");
}

/* A lesson runs nsviz's own commands: netns exec of a program is refused
 * where the file says it, whichever line it is on. */
static void test_no_programs(void **state)
{
	struct lesson *l;

	(void)state;
	parse_bad("lesson 1 \"t\"\nsetup: netns exec box sh -c 'touch "
	          "~/pwned'\n" STEP, "t.lesson:2: setup: netns exec box sh: a "
	          "lesson runs nsviz's own commands, not programs (netns exec NS "
	          "ip ..., netns exec NS nsviz echo|send ...)");
	parse_bad("lesson 1 \"t\"\nstep \"s\"\n  text\ndo: ip netns exec box "
	          "/usr/bin/touch /tmp/x\ncheck: namespace x exists\n",
	          "t.lesson:4: do: netns exec box /usr/bin/touch: a lesson runs "
	          "nsviz's own commands, not programs (netns exec NS ip ..., "
	          "netns exec NS nsviz echo|send ...)");
	parse_bad("lesson 1 \"t\"\n" STEP "show: netns exec x /sbin/ip link\n",
	          "t.lesson:6: show: netns exec x /sbin/ip: a lesson runs nsviz's "
	          "own commands, not programs (netns exec NS ip ..., netns exec "
	          "NS nsviz echo|send ...)");
	parse_bad("lesson 1 \"t\"\n" STEP "check: you ran netns exec x nc -l 1\n",
	          "t.lesson:6: check: ran: netns exec x nc: a lesson runs nsviz's "
	          "own commands, not programs (netns exec NS ip ..., netns exec "
	          "NS nsviz echo|send ...)");
	/* -all: every namespace there is, which no lesson can know */
	parse_bad("lesson 1 \"t\"\nsetup: ip -all netns del\n" STEP,
	          "t.lesson:2: setup: -all: a lesson names the namespaces it "
	          "works in (-all netns exec and -all netns del are not for "
	          "lessons)");
	parse_bad("lesson 1 \"t\"\n" STEP "show: -all netns exec sh -c x\n",
	          "t.lesson:6: show: -all: a lesson names the namespaces it "
	          "works in (-all netns exec and -all netns del are not for "
	          "lessons)");
	parse_bad("lesson 1 \"t\"\n" STEP "do: -all netns exec ip link set lo up\n",
	          "t.lesson:6: do: -all: a lesson names the namespaces it "
	          "works in (-all netns exec and -all netns del are not for "
	          "lessons)");
	parse_bad("lesson 1 \"t\"\n" STEP "check: you ran -all netns exec ip link\n",
	          "t.lesson:6: check: ran: -all: a lesson names the namespaces "
	          "it works in (-all netns exec and -all netns del are not for "
	          "lessons)");
	/* nsviz's own, in process: fine */
	l = parse_ok("lesson 1 \"t\"\nsetup: netns add x\nstep \"s\"\n  text\n"
	             "do: ip netns exec x ip link set lo up\n"
	             "do: netns exec x ping -c 1 127.0.0.1\n"
	             "do: netns exec x nsviz echo tcp\n"
	             "do: netns exec x sysctl net.ipv4.ip_forward\n"
	             "check: you ran netns exec x ip link set lo up\n");
	lesson_free(l);
}

/* Files in a lessons directory that are not lessons: each reported with
 * the file (and the line) and why, none opened that could block or never
 * end, and the good lessons still load. */
static void test_load_hostile(void **state)
{
	struct tmp *t = *state;
	struct lesson **v;
	struct sbuf errs = SBUF_INIT, want = SBUF_INIT;
	char path[PATH_MAX];
	size_t n;
	FILE *f;
	int fd;

	lesson_file(t->user, "good.lesson", 70, "good");
	snprintf(path, sizeof path, "%s/crlf.lesson", t->user);
	write_file(path, "lesson 71 \"crlf\"\r\nstep \"s\"\r\n  text\r\n"
	           "do: ip netns add x\r\ncheck: namespace x exists\r\n");
	snprintf(path, sizeof path, "%s/fifo.lesson", t->user);
	assert_int_equal(mkfifo(path, 0600), 0);
	snprintf(path, sizeof path, "%s/zero.lesson", t->user);
	assert_int_equal(symlink("/dev/zero", path), 0);
	snprintf(path, sizeof path, "%s/dangling.lesson", t->user);
	assert_int_equal(symlink("nothere", path), 0);
	snprintf(path, sizeof path, "%s/huge.lesson", t->user);
	fd = open(path, O_WRONLY | O_CREAT, 0600);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "lesson 72 \"huge\"\n", 17), 17);
	assert_int_equal(ftruncate(fd, 50 * 1024 * 1024), 0);
	close(fd);
	snprintf(path, sizeof path, "%s/nul.lesson", t->user);
	f = fopen(path, "w");
	assert_non_null(f);
	fwrite("lesson 73 \"nul\"\nstep \"s\"\n  te\0xt\n", 1, 33, f);
	fclose(f);
	snprintf(path, sizeof path, "%s/binary.lesson", t->user);
	f = fopen(path, "w");
	assert_non_null(f);
	for (int i = 0; i < 4096; i++)
		fputc((i * 7 + 3) & 0xff, f);
	fclose(f);
	snprintf(path, sizeof path, "%s/longline.lesson", t->user);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("lesson 74 \"long\"\n", f);
	for (int i = 0; i < 1000000; i++)
		fputc('x', f);
	fputs("\n" STEP, f);
	fclose(f);

	/* a name that would paint the terminal in every message about it */
	snprintf(path, sizeof path, "%s/e\x1b[31mvil.lesson", t->user);
	write_file(path, "not a lesson\n");

	assert_int_equal(lesson_load_all(&v, &n, &errs), 2);
	assert_int_equal(lesson_number(v[0]), 70);
	assert_int_equal(lesson_number(v[1]), 71);
	assert_string_equal(lesson_title(v[1]), "crlf");
	sbuf_printf(&want,
	            "%s/e?[31mvil.lesson: a file name that is not text (control "
	            "characters): skipped\n"
	            "%s/binary.lesson:1: a control character (0x03) in column 1 "
	            "(a lesson is text: no escapes, no CR but at the end of a "
	            "line)\n"
	            "%s/dangling.lesson: a symbolic link to nothing\n"
	            "%s/fifo.lesson: not a regular file (a FIFO)\n"
	            "%s/huge.lesson: larger than 1 MiB (not a lesson file)\n"
	            "%s/longline.lesson:2: a line longer than 4096 bytes (this is "
	            "not a lesson)\n"
	            "%s/nul.lesson:3: a NUL byte (this is not a text file)\n"
	            "%s/zero.lesson: not a regular file (a character device)\n",
	            t->user, t->user, t->user, t->user, t->user, t->user,
	            t->user, t->user);
	assert_string_equal(sbuf_str(&errs), sbuf_str(&want));
	lesson_free_all(v, n);
	sbuf_free(&errs);
	sbuf_free(&want);
}

/* --host says what the lesson's setup and show me change. */
static void test_host_changes(void **state)
{
	struct lesson *l;
	struct sbuf b = SBUF_INIT;

	(void)state;
	l = parse_ok("lesson 1 \"t\"\n"
	             "setup: ip netns add vnet\n"
	             "setup: ip link add veth0 type veth peer name veth1\n"
	             "setup: ip link set veth1 netns vnet\n"
	             "step \"s\"\n  text\n"
	             "do: ip addr add 10.0.1.0/24 dev veth0\n"
	             "do: ip -n vnet route add default dev veth1\n"
	             "do: ip link set eth0 down\n"
	             "do: ip netns exec vnet sysctl -w net.ipv4.ip_forward=1\n"
	             "do: ip netns exec vnet nsviz echo udp --port 7\n"
	             "do: ip link show\n"
	             "check: namespace vnet exists\n"
	             "step \"t\"\n  text\n"
	             "do: ip link set eth0 up\n"
	             "show: ip netns del other\n"
	             "show: ip route del 10.9.0.0/16\n"
	             "check: namespace other does not exist\n");
	lesson_host_changes(l, &b);
	assert_string_equal(sbuf_str(&b),
	                    "  namespaces it makes: vnet\n"
	                    "  namespaces it deletes: other\n"
	                    "  interfaces it makes: veth0, veth1\n"
	                    "  interfaces it changes that it did not make: eth0\n"
	                    "  addresses it adds: 10.0.1.0/24 on veth0\n"
	                    "  routes it adds: default dev veth1 (in vnet)\n"
	                    "  routes it deletes: 10.9.0.0/16\n"
	                    "  settings it writes: net.ipv4.ip_forward=1 (in "
	                    "vnet)\n"
	                    "  echo servers it starts: udp port 7 (in vnet)\n");
	sbuf_free(&b);
	lesson_free(l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_full),
		cmocka_unit_test(test_parse_needs),
		cmocka_unit_test(test_parse_crlf_and_no_final_newline),
		cmocka_unit_test(test_checks),
		cmocka_unit_test(test_bad_checks),
		cmocka_unit_test(test_words_in),
		cmocka_unit_test(test_bad_files),
		cmocka_unit_test(test_bad_data_files),
		cmocka_unit_test(test_text_only),
		cmocka_unit_test(test_ran_words),
		cmocka_unit_test(test_no_programs),
		cmocka_unit_test(test_host_changes),
		cmocka_unit_test_setup_teardown(test_load_hostile, tmp_setup,
		                                tmp_teardown),
		cmocka_unit_test(test_command_keys),
		cmocka_unit_test(test_route_match),
		cmocka_unit_test(test_wrap),
		cmocka_unit_test_setup_teardown(test_load_all, tmp_setup, tmp_teardown),
		cmocka_unit_test(test_shipped_lessons),
		cmocka_unit_test(test_man_page),
		cmocka_unit_test_setup_teardown(test_progress, tmp_setup, tmp_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
