/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_ui.c - the UI's pure parts: layout arithmetic, forms (defaults,
 * validation as you type, the commands they build), `:` completion. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <unistd.h>
#include <net/if.h>
#include <sys/socket.h>

#include "cmd/cmd.h"
#include "ui/complete.h"
#include "ui/form.h"
#include "ui/history.h"
#include "ui/layout.h"
#include "util/sbuf.h"
#include "world/world.h"

/* ---- layout ------------------------------------------------------------ */

static bool overlap(const struct rect *a, const struct rect *b)
{
	return a->x < b->x + b->w && b->x < a->x + a->w &&
	       a->y < b->y + b->h && b->y < a->y + a->h;
}

static void check_layout(int cols, int rows)
{
	struct layout l;
	const struct rect *all[5];

	layout_compute(cols, rows, &l);
	assert_false(l.too_small);
	all[0] = &l.title; all[1] = &l.ns; all[2] = &l.ifs;
	all[3] = &l.routes; all[4] = &l.log;
	for (int i = 0; i < 5; i++) {
		assert_true(all[i]->w > 0 && all[i]->h > 0);
		assert_true(all[i]->x >= 0 && all[i]->x + all[i]->w <= cols);
		assert_true(all[i]->y >= 0 && all[i]->y + all[i]->h <= rows);
		for (int j = i + 1; j < 5; j++)
			assert_false(overlap(all[i], all[j]));
	}
	assert_false(overlap(&l.keys, &l.log));
	assert_int_equal(l.keys.y, rows - 1);
	/* the panels tile the middle: nothing left over */
	assert_int_equal(l.ns.w + l.ifs.w, cols);
	assert_int_equal(l.ifs.h + l.routes.h, l.ns.h);
	assert_int_equal(l.title.h + l.ns.h + l.log.h + l.keys.h, rows);
	/* every panel has room for content */
	assert_true(layout_body_rows(&l.ifs, true) >= 1);
	assert_true(layout_body_rows(&l.routes, false) >= 1);
	assert_true(layout_body_rows(&l.log, false) >= 2);
}

static void test_layout_sizes(void **state)
{
	(void)state;
	check_layout(80, 24);
	check_layout(LAYOUT_MIN_W, LAYOUT_MIN_H);
	check_layout(120, 40);
	check_layout(300, 100);
	check_layout(61, 17);
}

/* + and - set the log's height; the panels keep their 8 rows */
static void test_layout_log_lines(void **state)
{
	struct layout l;

	(void)state;
	layout_compute_log(120, 36, 0, &l);
	assert_int_equal(l.log.h, 8);           /* a quarter: 6 lines */
	layout_compute_log(120, 36, 12, &l);
	assert_int_equal(l.log.h, 14);
	assert_int_equal(l.title.h + l.ns.h + l.log.h + l.keys.h, 36);
	assert_true(layout_body_rows(&l.routes, false) >= 1);
	layout_compute_log(120, 36, 500, &l);
	assert_int_equal(l.ns.h, 8);
	assert_true(layout_body_rows(&l.ifs, true) >= 1);
	assert_true(layout_body_rows(&l.routes, false) >= 1);
	layout_compute_log(120, 36, 1, &l);
	assert_int_equal(l.log.h, 4);           /* 2 lines at least */
	layout_compute_log(LAYOUT_MIN_W, LAYOUT_MIN_H, 40, &l);
	assert_false(l.too_small);
	assert_int_equal(l.title.h + l.ns.h + l.log.h + l.keys.h, LAYOUT_MIN_H);
	assert_true(layout_body_rows(&l.routes, false) >= 1);
}

static void test_layout_too_small(void **state)
{
	struct layout l;

	(void)state;
	layout_compute(40, 12, &l);
	assert_true(l.too_small);
	layout_compute(LAYOUT_MIN_W - 1, 50, &l);
	assert_true(l.too_small);
	layout_compute(200, LAYOUT_MIN_H - 1, &l);
	assert_true(l.too_small);
}

static int used(const int *w, int n)
{
	int t = 0, shown = 0;

	for (int i = 0; i < n; i++)
		if (w[i]) {
			t += w[i];
			shown++;
		}
	return shown ? t + shown - 1 : 0;
}

static void test_layout_columns(void **state)
{
	/* name, state, addresses (grows, shrinks first), mac (dropped first) */
	struct layout_col c[4] = {
		{ .want = 10, .min = 6, .shrink = 1 },
		{ .want = 5, .min = 5, .drop = 1, .shrink = 2 },
		{ .want = 30, .min = 11, .shrink = 0, .grow = true },
		{ .want = 17, .min = 17, .drop = 2, .shrink = 3 },
	};
	int w[4];

	(void)state;
	/* room for all: wants, the rest to the growing column */
	assert_int_equal(layout_columns(c, 4, 100, w), 4);
	assert_int_equal(w[0], 10);
	assert_int_equal(w[1], 5);
	assert_int_equal(w[3], 17);
	assert_int_equal(used(w, 4), 100);
	assert_int_equal(w[2], 100 - 10 - 5 - 17 - 3);
	/* exactly the wants */
	assert_int_equal(layout_columns(c, 4, 65, w), 4);
	assert_int_equal(w[2], 30);
	/* tighter: addresses shrink first, then the name */
	assert_int_equal(layout_columns(c, 4, 50, w), 4);
	assert_int_equal(w[0], 10);
	assert_int_equal(w[2], 15);
	assert_int_equal(used(w, 4), 50);
	assert_int_equal(layout_columns(c, 4, 42, w), 4);
	assert_int_equal(w[2], 11);
	assert_int_equal(w[0], 6);
	assert_int_equal(used(w, 4), 42);
	/* one less: the MAC goes, the others get their wants back */
	assert_int_equal(layout_columns(c, 4, 41, w), 3);
	assert_int_equal(w[3], 0);
	assert_int_equal(w[0], 10);
	assert_int_equal(w[1], 5);
	assert_int_equal(used(w, 4), 41);
	/* then the state, never the name or the addresses */
	assert_int_equal(layout_columns(c, 4, 23, w), 2);
	assert_int_equal(w[1], 0);
	assert_int_equal(used(w, 4), 23);
	assert_int_equal(layout_columns(c, 4, 5, w), 2);
	assert_int_equal(w[0], 6);
	assert_int_equal(w[2], 11);
	/* nothing wanted, nothing shown */
	assert_int_equal(layout_columns(c, 0, 80, w), 0);
}

static void test_layout_fit_words(void **state)
{
	char out[64];
	const char *a = "10.0.1.0/24 10.0.9.1/32 fe80::1/64";

	(void)state;
	layout_fit_words(a, 80, out, sizeof out);
	assert_string_equal(out, a);
	layout_fit_words(a, (int)strlen(a), out, sizeof out);
	assert_string_equal(out, a);
	layout_fit_words(a, (int)strlen(a) - 1, out, sizeof out);
	assert_string_equal(out, "10.0.1.0/24 10.0.9.1/32 +1");
	layout_fit_words(a, 26, out, sizeof out);
	assert_string_equal(out, "10.0.1.0/24 10.0.9.1/32 +1");
	layout_fit_words(a, 25, out, sizeof out);
	assert_string_equal(out, "10.0.1.0/24 +2");
	layout_fit_words(a, 14, out, sizeof out);
	assert_string_equal(out, "10.0.1.0/24 +2");
	/* the first word and a "+" for more, or the first word, cut */
	layout_fit_words(a, 13, out, sizeof out);
	assert_string_equal(out, "10.0.1.0/24+");
	layout_fit_words(a, 12, out, sizeof out);
	assert_string_equal(out, "10.0.1.0/24+");
	layout_fit_words(a, 11, out, sizeof out);
	assert_string_equal(out, "10.0.1.0/24");
	layout_fit_words(a, 5, out, sizeof out);
	assert_string_equal(out, "10.0.");
	layout_fit_words("10.0.1.0/24", 12, out, sizeof out);
	assert_string_equal(out, "10.0.1.0/24");
	layout_fit_words("-", 5, out, sizeof out);
	assert_string_equal(out, "-");
	layout_fit_words("", 5, out, sizeof out);
	assert_string_equal(out, "");
	layout_fit_words(a, 0, out, sizeof out);
	assert_string_equal(out, "");
	/* never past the buffer */
	layout_fit_words(a, 80, out, 8);
	assert_true(strlen(out) < 8);
}

static void test_layout_scroll(void **state)
{
	(void)state;
	assert_int_equal(layout_scroll(0, 0, 100, 10), 0);
	assert_int_equal(layout_scroll(15, 0, 100, 10), 6);   /* just enough */
	assert_int_equal(layout_scroll(3, 6, 100, 10), 3);    /* up */
	assert_int_equal(layout_scroll(99, 0, 100, 10), 90);
	assert_int_equal(layout_scroll(5, 50, 8, 10), 0);     /* all fits */
	assert_int_equal(layout_scroll(0, 0, 0, 10), 0);
}

/* ---- a small world ------------------------------------------------------ */

static void add_link(struct world *w, struct w_ns *ns, int ifindex,
                     const char *name)
{
	struct w_event ev;

	memset(&ev, 0, sizeof ev);
	ev.type = W_EV_NEWLINK;
	ev.u.link.ifindex = ifindex;
	snprintf(ev.u.link.name, sizeof ev.u.link.name, "%s", name);
	world_apply(w, ns, &ev);
}

static void add_addr(struct world *w, struct w_ns *ns, int ifindex,
                     const char *ip, int plen)
{
	struct w_event ev;

	memset(&ev, 0, sizeof ev);
	ev.type = W_EV_NEWADDR;
	ev.u.addr.ifindex = ifindex;
	ev.u.addr.family = AF_INET;
	ev.u.addr.prefixlen = plen;
	w_ip_parse(ip, &ev.u.addr.local);
	world_apply(w, ns, &ev);
}

static struct world *tutorial_world(void)
{
	struct world *w = world_new();
	struct w_ns *host = world_add_ns(w, W_NS_HOST, "", 1, 100);
	struct w_ns *vnet = world_add_ns(w, W_NS_NAMED, "vnet", 1, 200);

	add_link(w, host, 1, "lo");
	add_link(w, host, 4, "veth0");
	add_addr(w, host, 4, "10.0.1.0", 24);
	add_link(w, vnet, 1, "lo");
	add_link(w, vnet, 3, "veth1");
	return w;
}

static void type(struct form *f, const struct world *w, const char *s)
{
	for (; *s; s++)
		form_key(f, w, (unsigned char)*s);
}

static void clear(struct form *f, const struct world *w)
{
	form_key(f, w, FKEY_END);
	while (f->f[f->cur].value[0])
		form_key(f, w, FKEY_BACKSPACE);
}

static const char *command(const struct form *f)
{
	static char buf[512];
	struct sbuf b = SBUF_INIT;

	form_command(f, &b);
	snprintf(buf, sizeof buf, "%s", sbuf_str(&b));
	sbuf_free(&b);
	return buf;
}

/* ---- forms ------------------------------------------------------------- */

static void test_form_netns(void **state)
{
	struct world *w = tutorial_world();
	struct form f;

	(void)state;
	form_init(&f, FORM_NETNS, w, world_host(w), NULL);
	/* vnet exists: the default is the next free nsN */
	assert_string_equal(f.f[0].value, "ns1");
	assert_true(form_validate(&f, w));
	assert_string_equal(command(&f), "netns add ns1");
	clear(&f, w);
	type(&f, w, "vnet");
	assert_false(form_validate(&f, w));
	assert_non_null(strstr(form_field_error(&f, 0), "exists"));
	assert_int_equal(form_key(&f, w, FKEY_ENTER), FORM_CONTINUE);
	clear(&f, w);
	type(&f, w, "a/b");
	assert_non_null(strstr(form_field_error(&f, 0), "a/b"));
	assert_int_equal(form_key(&f, w, FKEY_ENTER), FORM_CONTINUE);
	clear(&f, w);
	type(&f, w, "red");
	assert_int_equal(form_key(&f, w, FKEY_ENTER), FORM_SUBMIT);
	assert_string_equal(command(&f), "netns add red");
	assert_int_equal(form_key(&f, w, FKEY_ESC), FORM_CANCEL);
	world_free(w);
}

static void test_form_veth_defaults_and_checks(void **state)
{
	struct world *w = tutorial_world();
	struct form f;

	(void)state;
	form_init(&f, FORM_VETH, w, world_host(w), NULL);
	/* veth0 and veth1 are taken (in any namespace) */
	assert_string_equal(f.f[0].value, "veth2");
	assert_string_equal(f.f[1].value, "veth3");
	assert_true(form_validate(&f, w));
	assert_string_equal(command(&f),
	                    "link add veth2 type veth peer name veth3");
	/* a name over 15 characters is flagged before submit */
	clear(&f, w);
	type(&f, w, "averyveryverylongname");
	assert_false(form_validate(&f, w));
	assert_non_null(strstr(form_field_error(&f, 0), "15 characters"));
	clear(&f, w);
	type(&f, w, "veth0");       /* taken in the host */
	assert_non_null(strstr(form_field_error(&f, 0), "exists"));
	clear(&f, w);
	type(&f, w, "x0");
	/* peer straight into vnet */
	form_key(&f, w, FKEY_TAB);
	form_key(&f, w, FKEY_TAB);
	type(&f, w, "vnet");
	assert_true(form_validate(&f, w));
	assert_string_equal(command(&f),
	                    "link add x0 type veth peer name veth3 netns vnet");
	/* veth1 is free in the host but taken in vnet, where the peer goes */
	form_key(&f, w, FKEY_BTAB);
	clear(&f, w);
	type(&f, w, "veth1");
	assert_false(form_validate(&f, w));
	assert_non_null(strstr(f.f[1].err, "vnet"));
	/* an unknown peer namespace */
	clear(&f, w);
	type(&f, w, "p1");
	form_key(&f, w, FKEY_TAB);
	clear(&f, w);
	type(&f, w, "nope");
	assert_non_null(strstr(form_field_error(&f, 2), "no such namespace"));
	world_free(w);
}

static void test_form_addr_route_move(void **state)
{
	struct world *w = tutorial_world();
	struct w_ns *host = world_host(w), *vnet = world_find_ns(w, "vnet");
	struct form f;

	(void)state;
	form_init(&f, FORM_ADDR, w, host, world_find_link(host, "veth0"));
	type(&f, w, "10.0.1.300/24");
	assert_false(form_validate(&f, w));
	assert_non_null(strstr(form_field_error(&f, 0), "10.0.1.300"));
	clear(&f, w);
	type(&f, w, "10.0.1.0/33");
	assert_non_null(strstr(form_field_error(&f, 0), "0..32"));
	clear(&f, w);
	type(&f, w, "10.0.1.0/24");  /* already there */
	assert_non_null(strstr(form_field_error(&f, 0), "already"));
	clear(&f, w);
	type(&f, w, "fd00::1/64");
	assert_int_equal(form_key(&f, w, FKEY_ENTER), FORM_SUBMIT);
	assert_string_equal(command(&f), "addr add fd00::1/64 dev veth0");

	/* a route in vnet: needs via or dev; the device is prefilled */
	form_init(&f, FORM_ROUTE, w, vnet, world_find_link(vnet, "veth1"));
	type(&f, w, "10.0.1.0");
	assert_true(form_validate(&f, w));
	assert_string_equal(command(&f),
	                    "-n vnet route add 10.0.1.0 dev veth1");
	form_key(&f, w, FKEY_TAB);
	form_key(&f, w, FKEY_TAB);
	clear(&f, w);
	assert_false(form_validate(&f, w));
	assert_non_null(strstr(f.f[2].err, "gateway"));
	form_key(&f, w, FKEY_BTAB);
	type(&f, w, "10.0.2.254");
	assert_true(form_validate(&f, w));
	assert_string_equal(command(&f),
	                    "-n vnet route add 10.0.1.0 via 10.0.2.254");
	form_key(&f, w, FKEY_TAB);
	type(&f, w, "nosuch");
	assert_non_null(strstr(form_field_error(&f, 2), "no such device"));

	/* move veth1 back to the host: iproute2 names it by pid 1 */
	form_init(&f, FORM_MOVE, w, vnet, world_find_link(vnet, "veth1"));
	assert_string_equal(f.f[0].value, "host");
	assert_true(form_validate(&f, w));
	assert_string_equal(command(&f), "-n vnet link set veth1 netns 1");
	clear(&f, w);
	type(&f, w, "vnet");
	assert_non_null(strstr(form_field_error(&f, 0), "already"));
	world_free(w);
}

/* M: masquerade what leaves by the selected interface, one nft command
 * that the grammar takes */
static void test_form_nat(void **state)
{
	struct world *w = tutorial_world();
	struct w_ns *vnet = world_find_ns(w, "vnet");
	struct form f;
	char **words = NULL, err[512];
	struct cmd c;
	int n;

	(void)state;
	form_init(&f, FORM_NAT, w, vnet, world_find_link(vnet, "veth1"));
	assert_string_equal(f.f[0].value, "veth1");
	assert_true(form_validate(&f, w));
	assert_string_equal(command(&f),
	    "-n vnet nft 'add table ip nat; add chain ip nat postrouting { "
	    "type nat hook postrouting priority srcnat ; policy accept ; }; "
	    "add rule ip nat postrouting oifname \"veth1\" counter "
	    "masquerade'");
	n = cmd_split(command(&f), &words, err, sizeof err);
	assert_true(n > 0);
	assert_int_equal(cmd_parse(n, words, &c, err, sizeof err), 0);
	assert_int_equal(c.verb, CMD_NFT);
	assert_string_equal(c.ns, "vnet");
	assert_true(cmd_changes(&c));
	cmd_free(&c);
	cmd_free_words(words, n);
	/* the interface must be there */
	clear(&f, w);
	type(&f, w, "nosuch");
	assert_non_null(strstr(form_field_error(&f, 0), "no such device"));
	/* lo is no way out: nothing is proposed */
	world_find_link(world_host(w), "lo")->flags |= IFF_LOOPBACK;
	form_init(&f, FORM_NAT, w, world_host(w),
	          world_find_link(world_host(w), "lo"));
	assert_string_equal(f.f[0].value, "");
	assert_false(form_validate(&f, w));
	world_free(w);
}

/* the words of each command of a text, one a line, each taken by the
 * grammar as a change in ns */
static void parses_as_change(const char *text, const char *ns)
{
	char line[1024], **words = NULL, err[512];
	const char *p = text;

	while (*p) {
		size_t n = strcspn(p, "\n");
		struct cmd c;
		int k;

		snprintf(line, sizeof line, "%.*s", (int)n, p);
		p += n + (p[n] == '\n');
		k = cmd_split(line, &words, err, sizeof err);
		assert_true(k > 0);
		if (cmd_parse(k, words, &c, err, sizeof err) < 0)
			fail_msg("%s: %s", line, err);
		assert_string_equal(c.ns, ns);
		assert_true(cmd_changes(&c));
		cmd_free(&c);
		cmd_free_words(words, k);
	}
}

/* i: delay, jitter, loss and rate as one netem qdisc; prefilled from the
 * netem or tbf the link has; emptied, the root qdisc deleted; without
 * netem, tbf and an nft rule in its place, and the note says which */
static void test_form_impair(void **state)
{
	struct world *w = tutorial_world();
	struct w_ns *vnet = world_find_ns(w, "vnet");
	struct w_link *l = world_find_link(vnet, "veth1");
	struct sbuf cmds = SBUF_INIT, note = SBUF_INIT;
	struct form f;

	(void)state;
	/* its peer, as world_resolve_peers finds it */
	l->peer_ns_id = world_host(w)->id;
	snprintf(l->peer_name, sizeof l->peer_name, "veth0");
	form_init(&f, FORM_IMPAIR, w, vnet, l);
	assert_true(f.has_peer);
	assert_int_equal(f.nfields, 4);
	assert_false(f.impaired);
	assert_true(form_validate(&f, w));
	assert_string_equal(command(&f), "-n vnet tc qdisc del dev veth1 root");
	type(&f, w, "100ms");
	form_key(&f, w, FKEY_TAB);
	type(&f, w, "10ms");
	form_key(&f, w, FKEY_TAB);
	type(&f, w, "5");
	form_key(&f, w, FKEY_TAB);
	type(&f, w, "1mbit");
	assert_true(form_validate(&f, w));
	assert_string_equal(command(&f), "-n vnet tc qdisc replace dev veth1 "
	                    "root netem delay 100ms 10ms loss 5% rate 1mbit");
	parses_as_change(command(&f), "vnet");
	/* without netem: tbf for the rate, an nft rule for the loss */
	form_impair_fallback(&f, &cmds, &note);
	assert_string_equal(sbuf_str(&cmds),
	    "-n vnet tc qdisc replace dev veth1 root tbf rate 1mbit burst 2500 "
	    "latency 50ms\n"
	    "nft 'add table inet nsviz_impair; add chain inet nsviz_impair "
	    "prerouting { type filter hook prerouting priority 0 ; policy "
	    "accept ; }; add rule inet nsviz_impair prerouting iifname "
	    "\"veth0\" numgen random mod 1000 < 50 counter drop comment "
	    "\"nsviz impair veth1 in vnet\"'\n");
	assert_string_equal(sbuf_str(&note), "this kernel has no netem "
	    "(sch_netem): the rate by tbf; the loss by an nft rule that drops "
	    "5.0% of what leaves veth1 at random (as veth0 in the host "
	    "receives it); a delay needs netem: not made");
	/* the rate in vnet, the loss at the far end, in the host */
	{
		char *nl = strchr(sbuf_str(&cmds), '\n');

		*nl = '\0';
		parses_as_change(sbuf_str(&cmds), "vnet");
		parses_as_change(nl + 1, "");
	}
	/* bad values, named; a jitter needs a delay */
	clear(&f, w);
	type(&f, w, "fast");
	assert_non_null(strstr(form_field_error(&f, IMP_RATE), "fast: a rate"));
	f.cur = IMP_LOSS;
	clear(&f, w);
	type(&f, w, "101");
	assert_non_null(strstr(form_field_error(&f, IMP_LOSS),
	                       "a percentage from 0 to 100"));
	f.cur = IMP_DELAY;
	clear(&f, w);
	type(&f, w, "soon");
	assert_non_null(strstr(form_field_error(&f, IMP_DELAY), "soon: a time"));
	clear(&f, w);
	assert_false(form_validate(&f, w));
	assert_string_equal(f.f[IMP_JITTER].err, "a jitter needs a delay");
	/* prefilled from the netem the link has */
	snprintf(l->qdisc, sizeof l->qdisc, "netem");
	l->tc_handle = 0x80010000u;
	l->tc_opts = xstrdup("limit 1000 delay 20ms  5ms loss 1% rate 2Mbit ");
	form_init(&f, FORM_IMPAIR, w, vnet, l);
	assert_true(f.impaired);
	assert_string_equal(f.f[IMP_DELAY].value, "20ms");
	assert_string_equal(f.f[IMP_JITTER].value, "5ms");
	assert_string_equal(f.f[IMP_LOSS].value, "1%");
	assert_string_equal(f.f[IMP_RATE].value, "2Mbit");
	/* the rate alone, no netem: the tbf; no loss rule */
	for (int i = IMP_DELAY; i <= IMP_LOSS; i++) {
		f.cur = i;
		clear(&f, w);
	}
	sbuf_reset(&cmds);
	sbuf_reset(&note);
	form_impair_fallback(&f, &cmds, &note);
	assert_string_equal(sbuf_str(&cmds), "-n vnet tc qdisc replace dev veth1 "
	                    "root tbf rate 2Mbit burst 5000 latency 50ms\n");
	/* the loss alone: the qdisc there is taken away */
	f.cur = IMP_RATE;
	clear(&f, w);
	f.cur = IMP_LOSS;
	type(&f, w, "0.5%");
	sbuf_reset(&cmds);
	sbuf_reset(&note);
	form_impair_fallback(&f, &cmds, &note);
	assert_non_null(strstr(sbuf_str(&cmds),
	    "-n vnet tc qdisc del dev veth1 root\nnft "));
	assert_non_null(strstr(sbuf_str(&cmds), "mod 1000 < 5 counter drop"));
	assert_non_null(strstr(sbuf_str(&note), "drops 0.5% of what leaves"));
	/* no peer the grammar can name: the rule on its own way out */
	l->peer_ns_id = -1;
	form_init(&f, FORM_IMPAIR, w, vnet, l);
	assert_false(f.has_peer);
	f.cur = IMP_LOSS;
	clear(&f, w);
	type(&f, w, "10");
	sbuf_reset(&cmds);
	sbuf_reset(&note);
	form_impair_fallback(&f, &cmds, &note);
	assert_non_null(strstr(sbuf_str(&cmds), "-n vnet nft 'add table inet "
	    "nsviz_impair; add chain inet nsviz_impair postrouting { type "
	    "filter hook postrouting priority 0 ;"));
	assert_non_null(strstr(sbuf_str(&cmds), "oifname \"veth1\" numgen "
	    "random mod 1000 < 100 counter drop"));
	sbuf_free(&cmds);
	sbuf_free(&note);
	world_free(w);
}

static void test_form_lookup_ping(void **state)
{
	struct world *w = tutorial_world();
	struct form f;

	(void)state;
	form_init(&f, FORM_LOOKUP, w, world_host(w), NULL);
	type(&f, w, "10.0.2.1");
	assert_int_equal(form_key(&f, w, FKEY_ENTER), FORM_SUBMIT);
	assert_string_equal(command(&f), "route get 10.0.2.1");
	form_init(&f, FORM_PING, w, world_find_ns(w, "vnet"), NULL);
	type(&f, w, "10.0.1.0");
	form_key(&f, w, FKEY_TAB);
	clear(&f, w);
	type(&f, w, "0");
	assert_false(form_validate(&f, w));
	clear(&f, w);
	type(&f, w, "5");
	assert_true(form_validate(&f, w));
	assert_string_equal(command(&f), "-n vnet ping -c 5 10.0.1.0");
	/* a link-local address with its interface, which must be here */
	form_init(&f, FORM_PING, w, world_find_ns(w, "vnet"), NULL);
	type(&f, w, "fe80::1%veth1");
	assert_true(form_validate(&f, w));
	assert_string_equal(command(&f), "-n vnet ping -c 3 fe80::1%veth1");
	form_init(&f, FORM_PING, w, world_find_ns(w, "vnet"), NULL);
	type(&f, w, "fe80::1%veth0");
	assert_false(form_validate(&f, w));
	assert_string_equal(f.f[0].err, "veth0: no such device in vnet");
	form_init(&f, FORM_PING, w, world_find_ns(w, "vnet"), NULL);
	type(&f, w, "10.0.1.0%veth1");
	assert_false(form_validate(&f, w));
	assert_non_null(strstr(f.f[0].err, "link-local"));
	form_init(&f, FORM_PING, w, world_find_ns(w, "vnet"), NULL);
	type(&f, w, "fe80::1%");
	assert_false(form_validate(&f, w));
	assert_non_null(strstr(f.f[0].err, "interface is missing"));
	world_free(w);
}

static void test_form_editing(void **state)
{
	struct world *w = tutorial_world();
	struct form f;

	(void)state;
	form_init(&f, FORM_NETNS, w, world_host(w), NULL);
	clear(&f, w);
	type(&f, w, "abc");
	form_key(&f, w, FKEY_LEFT);
	form_key(&f, w, FKEY_LEFT);
	type(&f, w, "X");
	assert_string_equal(f.f[0].value, "aXbc");
	form_key(&f, w, FKEY_HOME);
	form_key(&f, w, FKEY_DELETE);
	assert_string_equal(f.f[0].value, "Xbc");
	/* errors of untouched empty fields wait for Enter */
	form_init(&f, FORM_ADDR, w, world_host(w), world_find_link(world_host(w), "veth0"));
	assert_false(form_validate(&f, w));
	assert_string_equal(form_field_error(&f, 0), "");
	assert_int_equal(form_key(&f, w, FKEY_ENTER), FORM_CONTINUE);
	assert_string_not_equal(form_field_error(&f, 0), "");
	world_free(w);
}

/* The route form's device: never lo by default, and left out when a
 * gateway is given and the user chose no device (`ip route add default
 * via 10.0.1.1` finds its device; `dev lo` makes the kernel refuse). */
static void test_form_route_device(void **state)
{
	struct world *w = tutorial_world();
	struct w_ns *host = world_host(w);
	struct form f;

	(void)state;
	world_find_link(host, "lo")->flags |= IFF_LOOPBACK;
	form_init(&f, FORM_ROUTE, w, host, world_find_link(host, "lo"));
	assert_string_equal(f.f[2].value, "");
	type(&f, w, "default");
	form_key(&f, w, FKEY_TAB);
	type(&f, w, "10.0.1.1");
	assert_true(form_validate(&f, w));
	assert_string_equal(command(&f), "route add default via 10.0.1.1");

	/* a selected veth is the default while Via is empty */
	form_init(&f, FORM_ROUTE, w, host, world_find_link(host, "veth0"));
	assert_string_equal(f.f[2].value, "veth0");
	type(&f, w, "default");
	form_key(&f, w, FKEY_TAB);
	type(&f, w, "10.0.1.1");
	assert_string_equal(f.f[2].value, "");
	assert_string_equal(command(&f), "route add default via 10.0.1.1");
	clear(&f, w);
	assert_string_equal(f.f[2].value, "veth0");
	assert_string_equal(command(&f), "route add default dev veth0");
	/* a device the user typed stays, with a gateway too */
	type(&f, w, "10.0.1.1");
	form_key(&f, w, FKEY_TAB);
	clear(&f, w);
	type(&f, w, "veth0");
	form_key(&f, w, FKEY_BTAB);
	clear(&f, w);
	type(&f, w, "10.0.1.2");
	assert_string_equal(command(&f),
	                    "route add default via 10.0.1.2 dev veth0");
	world_free(w);
}

/* Ping, route get, send and via offer the other namespaces' addresses:
 * Up/Down in the field cycle through them. */
static void test_form_address_choices(void **state)
{
	struct world *w = tutorial_world();
	struct w_ns *host = world_host(w), *vnet = world_find_ns(w, "vnet");
	struct form_choice c[FORM_CHOICES_MAX];
	struct form f;

	(void)state;
	world_find_link(vnet, "lo")->flags |= IFF_LOOPBACK;
	add_addr(w, vnet, 1, "127.0.0.1", 8);
	add_addr(w, vnet, 3, "10.0.2.0", 24);
	add_addr(w, vnet, 3, "10.0.3.7", 24);
	form_init(&f, FORM_PING, w, host, NULL);
	assert_int_equal(form_choices(&f, w, 0, c, FORM_CHOICES_MAX), 2);
	assert_string_equal(c[0].addr, "10.0.2.0");
	assert_string_equal(c[0].where, "vnet veth1");
	assert_string_equal(c[1].addr, "10.0.3.7");
	assert_int_equal(form_choices(&f, w, 1, c, FORM_CHOICES_MAX), 0);
	form_key(&f, w, FKEY_DOWN);
	assert_int_equal(f.cur, 0);
	assert_string_equal(f.f[0].value, "10.0.2.0");
	form_key(&f, w, FKEY_DOWN);
	assert_string_equal(f.f[0].value, "10.0.3.7");
	form_key(&f, w, FKEY_DOWN);
	assert_string_equal(f.f[0].value, "10.0.2.0");
	form_key(&f, w, FKEY_UP);
	assert_string_equal(f.f[0].value, "10.0.3.7");
	assert_true(form_validate(&f, w));
	assert_string_equal(command(&f), "ping -c 3 10.0.3.7");
	/* the count field has none: Down moves on */
	form_key(&f, w, FKEY_TAB);
	form_key(&f, w, FKEY_DOWN);
	assert_int_equal(f.cur, 0);

	/* route get from vnet: the host's address (its own are not offered) */
	form_init(&f, FORM_LOOKUP, w, vnet, NULL);
	assert_int_equal(form_choices(&f, w, 0, c, FORM_CHOICES_MAX), 1);
	assert_string_equal(c[0].addr, "10.0.1.0");
	assert_string_equal(c[0].where, "host veth0");
	form_key(&f, w, FKEY_UP);
	assert_string_equal(command(&f), "-n vnet route get 10.0.1.0");
	world_free(w);
}

/* Line editing, as readline does it: the forms and the : line. */
static void test_form_edit_keys(void **state)
{
	char b[32];
	int cur;

	(void)state;
	snprintf(b, sizeof b, "route add 10.0.1.0");
	cur = (int)strlen(b);
	assert_true(form_edit(b, sizeof b, &cur, FKEY_KILL_WORD));
	assert_string_equal(b, "route add ");
	assert_true(form_edit(b, sizeof b, &cur, FKEY_KILL_WORD));
	assert_string_equal(b, "route ");
	assert_int_equal(cur, 6);
	assert_false(form_edit(b, sizeof b, &cur, FKEY_HOME));
	assert_int_equal(cur, 0);
	assert_false(form_edit(b, sizeof b, &cur, FKEY_KILL_WORD));
	assert_true(form_edit(b, sizeof b, &cur, 'x'));
	assert_string_equal(b, "xroute ");
	assert_false(form_edit(b, sizeof b, &cur, FKEY_END));
	assert_int_equal(cur, 7);
	assert_false(form_edit(b, sizeof b, &cur, FKEY_LEFT));
	assert_false(form_edit(b, sizeof b, &cur, FKEY_LEFT));
	assert_true(form_edit(b, sizeof b, &cur, FKEY_KILL_START));
	assert_string_equal(b, "e ");
	assert_int_equal(cur, 0);
	assert_true(form_edit(b, sizeof b, &cur, FKEY_DELETE));
	assert_string_equal(b, " ");
	/* full: nothing more goes in */
	snprintf(b, sizeof b, "%31s", "");
	cur = 31;
	assert_false(form_edit(b, sizeof b, &cur, 'y'));
	assert_int_equal((int)strlen(b), 31);
	assert_false(form_edit(b, sizeof b, &cur, 7));

	/* in a form: Ctrl-W deletes the last word of a field */
	{
		struct world *w = tutorial_world();
		struct form f;

		form_init(&f, FORM_SEND, w, world_host(w), NULL);
		form_key(&f, w, FKEY_BTAB);
		type(&f, w, " there");
		assert_string_equal(f.f[3].value, "hello there");
		form_key(&f, w, FKEY_KILL_WORD);
		assert_string_equal(f.f[3].value, "hello ");
		form_key(&f, w, FKEY_KILL_START);
		assert_string_equal(f.f[3].value, "");
		world_free(w);
	}
}

/* ---- completion --------------------------------------------------------- */

static void test_complete(void **state)
{
	struct world *w = tutorial_world();
	char out[256];
	struct sbuf c = SBUF_INIT;

	(void)state;
	assert_int_equal(complete_line(w, "net", out, sizeof out, NULL), 1);
	assert_string_equal(out, "netns ");
	assert_int_equal(complete_line(w, "netns d", out, sizeof out, NULL), 1);
	assert_string_equal(out, "netns del ");
	assert_int_equal(complete_line(w, "netns del v", out, sizeof out, NULL), 1);
	assert_string_equal(out, "netns del vnet ");
	assert_int_equal(complete_line(w, "-n v", out, sizeof out, NULL), 1);
	assert_string_equal(out, "-n vnet ");
	assert_int_equal(complete_line(w, "-n vnet link set v", out, sizeof out,
	                               NULL), 1);
	assert_string_equal(out, "-n vnet link set veth1 ");
	/* two devices start with "veth"? only veth0 in the host */
	assert_int_equal(complete_line(w, "link set ", out, sizeof out, &c), 2);
	assert_string_equal(sbuf_str(&c), "lo veth0");
	sbuf_reset(&c);
	/* the verbs of the verb table, in its order */
	assert_int_equal(complete_line(w, "route ", out, sizeof out, &c), 8);
	assert_string_equal(sbuf_str(&c), "add change replace prepend append "
	                    "del show get");
	assert_int_equal(complete_line(w, "link set veth0 netns ", out,
	                               sizeof out, NULL), 1);
	assert_string_equal(out, "link set veth0 netns vnet ");
	assert_int_equal(complete_line(w, "frob", out, sizeof out, NULL), 0);
	assert_string_equal(out, "frob");
	/* after the CIDR of addr add comes dev, not in its place */
	assert_int_equal(complete_line(w, "addr add 10.0.1.0/24 d", out,
	                               sizeof out, NULL), 1);
	assert_string_equal(out, "addr add 10.0.1.0/24 dev ");
	assert_int_equal(complete_line(w, "addr add d", out, sizeof out,
	                               NULL), 0);
	sbuf_free(&c);
	world_free(w);
}

/* Abbreviated objects and verbs complete as the grammar reads them
 * (iproute2's rules, from cmd_keyword: `ro` route, `a` add, `l` link). */
static void test_complete_abbrev(void **state)
{
	struct world *w = tutorial_world();
	char out[256];
	struct sbuf c = SBUF_INIT;

	(void)state;
	assert_int_equal(complete_line(w, "ro a 10.0.1.0 dev ve", out,
	                               sizeof out, NULL), 1);
	assert_string_equal(out, "ro a 10.0.1.0 dev veth0 ");
	assert_int_equal(complete_line(w, "ip r add 10.0.3.0/24 s", out,
	                               sizeof out, &c), 2);
	assert_string_equal(sbuf_str(&c), "scope src");
	assert_int_equal(complete_line(w, "ro d 10.0.2.0/24 dev ve", out,
	                               sizeof out, NULL), 1);
	assert_string_equal(out, "ro d 10.0.2.0/24 dev veth0 ");
	assert_int_equal(complete_line(w, "ro a 10.0.1.0 scope l", out,
	                               sizeof out, NULL), 1);
	assert_string_equal(out, "ro a 10.0.1.0 scope link ");
	assert_int_equal(complete_line(w, "l s v", out, sizeof out, NULL), 1);
	assert_string_equal(out, "l s veth0 ");
	assert_int_equal(complete_line(w, "li set veth0 netns v", out,
	                               sizeof out, NULL), 1);
	assert_string_equal(out, "li set veth0 netns vnet ");
	assert_int_equal(complete_line(w, "-n vnet a a 10.0.2.0/24 dev v", out,
	                               sizeof out, NULL), 1);
	assert_string_equal(out, "-n vnet a a 10.0.2.0/24 dev veth1 ");
	assert_int_equal(complete_line(w, "addr a 10.0.1.0/24 d", out,
	                               sizeof out, NULL), 1);
	assert_string_equal(out, "addr a 10.0.1.0/24 dev ");
	assert_int_equal(complete_line(w, "netns d v", out, sizeof out, NULL), 1);
	assert_string_equal(out, "netns d vnet ");
	assert_int_equal(complete_line(w, "net pids v", out, sizeof out, NULL),
	                 1);
	assert_string_equal(out, "net pids vnet ");
	assert_int_equal(complete_line(w, "neigh show d", out, sizeof out,
	                               NULL), 1);
	assert_int_equal(complete_line(w, "n show dev v", out, sizeof out,
	                               NULL), 1);
	assert_string_equal(out, "n show dev veth0 ");
	/* the grammar's words, not a second copy: `rou` is route, `ru` is
	 * rule, which nsviz does not do */
	assert_int_equal(complete_line(w, "ru a 10.0.1.0 dev v", out,
	                               sizeof out, NULL), 0);
	sbuf_free(&c);
	world_free(w);
}

/* ---- the : history file ------------------------------------------------ */

static int count_lines(const char *path)
{
	FILE *f = fopen(path, "r");
	int n = 0, c;

	if (!f)
		return -1;
	while ((c = fgetc(f)) != EOF)
		n += c == '\n';
	fclose(f);
	return n;
}

static void test_history_path(void **state)
{
	char p[256];

	(void)state;
	setenv("XDG_STATE_HOME", "/x/state", 1);
	setenv("HOME", "/home/u", 1);
	assert_int_equal(history_path(p, sizeof p), 0);
	assert_string_equal(p, "/x/state/nsviz/history");
	setenv("XDG_STATE_HOME", "relative", 1);   /* invalid: ignored */
	assert_int_equal(history_path(p, sizeof p), 0);
	assert_string_equal(p, "/home/u/.local/state/nsviz/history");
	unsetenv("XDG_STATE_HOME");
	assert_int_equal(history_path(p, sizeof p), 0);
	assert_string_equal(p, "/home/u/.local/state/nsviz/history");
	unsetenv("HOME");
	assert_int_equal(history_path(p, sizeof p), -1);
}

static void test_history_file(void **state)
{
	char dir[] = "/tmp/nsviz-hist-XXXXXX", path[256], bad[256];
	char *lines[HISTORY_MAX + 100], *back[HISTORY_MAX];
	char longline[HISTORY_LINE_MAX + 10];
	int n;
	DIR *d;
	struct dirent *de;
	FILE *f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	/* the directory is made, and only the newest HISTORY_MAX kept */
	snprintf(path, sizeof path, "%s/state/nsviz/history", dir);
	for (int i = 0; i < HISTORY_MAX + 100; i++) {
		char b[64];
		snprintf(b, sizeof b, "netns add ns%d", i);
		lines[i] = strdup(b);
	}
	free(lines[7]);
	lines[7] = strdup("link set \033[2J veth0 up");   /* not kept */
	lines[7][9] = 27;
	assert_int_equal(history_save(path, lines, HISTORY_MAX + 100), 0);
	assert_int_equal(count_lines(path), HISTORY_MAX);
	n = history_load(path, back, HISTORY_MAX);
	assert_int_equal(n, HISTORY_MAX);
	assert_string_equal(back[0], "netns add ns100");
	assert_string_equal(back[n - 1], "netns add ns599");
	for (int i = 0; i < n; i++)
		free(back[i]);
	/* no temporary file is left beside it */
	snprintf(bad, sizeof bad, "%s/state/nsviz", dir);
	assert_non_null(d = opendir(bad));
	n = 0;
	while ((de = readdir(d)))
		n += de->d_name[0] != '.';
	closedir(d);
	assert_int_equal(n, 1);
	/* control characters in the file are not read back, nor are
	 * lines longer than the : line; a last line without \n is */
	f = fopen(path, "w");
	assert_non_null(f);
	memset(longline, 'x', sizeof longline - 1);
	longline[sizeof longline - 1] = '\0';
	fprintf(f, "netns list\n\033]0;title\a\n%s\n\nroute show\ttab\n"
	        "link show", longline);
	fclose(f);
	n = history_load(path, back, HISTORY_MAX);
	assert_int_equal(n, 2);
	assert_string_equal(back[0], "netns list");
	assert_string_equal(back[1], "link show");
	for (int i = 0; i < n; i++)
		free(back[i]);
	assert_false(history_keepable(""));
	assert_false(history_keepable("a\x9b" "2J"));
	assert_true(history_keepable("ping -c 1 10.0.2.0"));
	/* a place that cannot be written: -1, nothing made */
	snprintf(bad, sizeof bad, "%s/state/nsviz/history/below/history", dir);
	assert_int_equal(history_save(bad, lines, 3), -1);
	assert_int_equal(count_lines(path), 5);     /* untouched */
	/* a missing file is an empty history */
	snprintf(bad, sizeof bad, "%s/none/history", dir);
	assert_int_equal(history_load(bad, back, HISTORY_MAX), 0);
	for (int i = 0; i < HISTORY_MAX + 100; i++)
		free(lines[i]);
	unlink(path);
	snprintf(bad, sizeof bad, "%s/state/nsviz", dir);
	rmdir(bad);
	snprintf(bad, sizeof bad, "%s/state", dir);
	rmdir(bad);
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_layout_sizes),
		cmocka_unit_test(test_layout_too_small),
		cmocka_unit_test(test_layout_log_lines),
		cmocka_unit_test(test_layout_scroll),
		cmocka_unit_test(test_layout_columns),
		cmocka_unit_test(test_layout_fit_words),
		cmocka_unit_test(test_form_netns),
		cmocka_unit_test(test_form_veth_defaults_and_checks),
		cmocka_unit_test(test_form_addr_route_move),
		cmocka_unit_test(test_form_nat),
		cmocka_unit_test(test_form_impair),
		cmocka_unit_test(test_form_lookup_ping),
		cmocka_unit_test(test_form_editing),
		cmocka_unit_test(test_form_route_device),
		cmocka_unit_test(test_form_address_choices),
		cmocka_unit_test(test_form_edit_keys),
		cmocka_unit_test(test_complete),
		cmocka_unit_test(test_complete_abbrev),
		cmocka_unit_test(test_history_path),
		cmocka_unit_test(test_history_file),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
