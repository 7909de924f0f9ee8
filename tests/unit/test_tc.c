/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_tc.c - the tc kinds (src/tc/) against the real tc 6.1: for each
 * word list of tests/data/tc/requests.txt, parse + build gives the bytes
 * tc sent (TCA_KIND + TCA_OPTIONS), or nsviz refuses where tc refused;
 * canonical words parse back to the same options; for each kernel reply
 * of tests/data/tc/replies.txt, print, print_xstats and tc_print_stats
 * give tc's text (show, show -d, show -s).  Both files were captured
 * from tc under strace (tests/data/tc/capture.py says how).  netem's
 * print cases are not captured (this kernel has no sch_netem): their
 * replies are nsviz's own request payloads, which the kernel's
 * netem_dump echoes, and the text is derived from reading q_netem.c's
 * netem_print_opt. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <linux/rtnetlink.h>

#include "cmd/cmd.h"
#include "cmd/parse_int.h"
#include "fmt/tc.h"
#include "tc/tc.h"
#include "util/sbuf.h"
#include "world/world.h"

static const char *srcdir(void)
{
	const char *d = getenv("TOP_SRCDIR");

	return d && *d ? d : ".";
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *s;
	long n;

	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	s = malloc((size_t)n + 1);
	if (fread(s, 1, (size_t)n, f) != (size_t)n)
		n = 0;
	s[n] = '\0';
	fclose(f);
	if (len)
		*len = (size_t)n;
	return s;
}

/* ---- parsing a word list ---------------------------------------------- */

struct parsed {
	struct tc_opts o;
	bool is_class;
	char err[256];
	int16_t dist[TC_DIST_MAX];
	char words[512];
	char *argv[64];
	int argc;
};

/* "qdisc KIND WORDS..." or "class KIND WORDS..." -> p->o; 0 or -1 */
static int parse_words(struct parsed *r, const char *line)
{
	struct cmd *c = calloc(1, sizeof *c);
	struct parser p;
	char *s;
	int rc;

	memset(&r->o, 0, sizeof r->o);
	r->err[0] = '\0';
	snprintf(r->words, sizeof r->words, "%s", line);
	r->argc = 0;
	for (s = strtok(r->words, " "); s && r->argc < 64; s = strtok(NULL, " "))
		r->argv[r->argc++] = s;
	assert_true(r->argc >= 2);
	r->is_class = !strcmp(r->argv[0], "class");
	r->o.kind = tc_kind_find(r->argv[1]);
	assert_non_null(r->o.kind);
	memset(&p, 0, sizeof p);
	p.argc = r->argc;
	p.argv = r->argv;
	p.i = 2;
	p.first = 0;
	p.c = c;
	p.err = r->err;
	p.errlen = sizeof r->err;
	rc = r->o.kind->parse(&p, &r->o, r->is_class);
	if (rc == 0)
		assert_false(p_more(&p));
	free(c);
	return rc;
}

/* the caller's part of a distribution: read the table tc reads */
static bool load_dist(struct parsed *r)
{
	struct tc_netem *n = &r->o.u.netem;
	char path[256], err[128];
	char *text;
	size_t len;
	int cnt;

	if (r->o.kind != tc_kind_find("netem") || !n->dist[0])
		return true;
	snprintf(path, sizeof path, "%s/%s.dist", TC_DIST_DIR, n->dist);
	text = slurp(path, &len);
	if (!text)
		return false;
	cnt = tc_dist_parse(text, len, r->dist, TC_DIST_MAX, err, sizeof err);
	free(text);
	assert_true(cnt > 0);
	n->dist_data = r->dist;
	n->dist_n = (size_t)cnt;
	return true;
}

static int build(struct parsed *r, struct sbuf *b)
{
	struct tc_clock k;
	const char *id = r->o.kind->id;

	tc_clock_default(&k);
	/* TCA_KIND as tc sends it: the name with its NUL, padded */
	{
		unsigned short hdr[2] = { (unsigned short)(4 + strlen(id) + 1), 1 };
		static const char zero[4];

		sbuf_addn(b, (const char *)hdr, 4);
		sbuf_addn(b, id, strlen(id) + 1);
		sbuf_addn(b, zero, (4 - (strlen(id) + 1) % 4) % 4);
	}
	if (!r->o.kind->build)
		return 0;
	return r->o.kind->build(&r->o, r->is_class, &k, b, r->err,
	                        sizeof r->err);
}

static char *hex(const void *data, size_t len)
{
	char *s = malloc(len * 2 + 1);
	size_t i;

	for (i = 0; i < len; i++)
		sprintf(s + 2 * i, "%02x", ((const unsigned char *)data)[i]);
	s[2 * len] = '\0';
	return s;
}

static size_t unhex(const char *h, unsigned char *out, size_t max)
{
	size_t n = 0;

	if (!strcmp(h, "-"))
		return 0;
	while (h[0] && h[1] && n < max) {
		unsigned v;

		assert_int_equal(sscanf(h, "%2x", &v), 1);
		out[n++] = (unsigned char)v;
		h += 2;
	}
	return n;
}

/* canonical words, parsed back, give the same options */
static void check_canon(struct parsed *r, const char *line)
{
	struct sbuf b = SBUF_INIT;
	struct canon c = { &b, true, true };
	struct parsed *again = calloc(1, sizeof *again);
	char words[600];

	r->o.kind->canon(&c, &r->o, r->is_class);
	snprintf(words, sizeof words, "%s %s%s%s", r->is_class ? "class" :
	         "qdisc", r->o.kind->id, b.len ? " " : "", sbuf_str(&b));
	if (parse_words(again, words)) {
		print_error("%s: canon '%s' refused: %s\n", line, words,
		            again->err);
		fail();
	}
	again->o.any = r->o.any;
	again->o.u.netem.dist_data = r->o.u.netem.dist_data;
	again->o.u.netem.dist_n = r->o.u.netem.dist_n;
	if (memcmp(&again->o, &r->o, sizeof r->o)) {
		print_error("%s: canon '%s' parses differently\n", line, words);
		fail();
	}
	sbuf_free(&b);
	free(again);
}

/* decode: the request's own TCA_OPTIONS, decoded, written as canonical
 * words, parsed and built again, gives the bytes tc sent.  1 when checked,
 * 0 when the request has no options (pfifo without a limit) */
static unsigned decoded_kinds;      /* bit i: tc_kinds[i] (class: << 8) */

static int check_decode(const struct parsed *r, const char *line,
                        const struct sbuf *sent)
{
	struct tc_rta tb[TCA_MAX + 1];
	struct tc_opts o;
	struct tc_clock k;
	struct sbuf w = SBUF_INIT, again_b = SBUF_INIT;
	struct canon c = { &w, true, true };
	struct parsed *again;
	char err[256] = "", words[600], *got, *want;
	int rc;

	tc_attrs(tb, TCA_MAX, sent->s, sent->len);
	if (!tb[TCA_OPTIONS].data)
		return 0;
	tc_clock_default(&k);
	assert_non_null(r->o.kind->decode);
	rc = r->o.kind->decode(&o, tb[TCA_OPTIONS].data, tb[TCA_OPTIONS].len,
	                       r->is_class, &k, err, sizeof err);
	if (strstr(line, "distribution")) {
		/* the table's name is not in the bytes: refused, said */
		assert_int_equal(rc, -1);
		assert_non_null(strstr(err, "distribution"));
		return 0;
	}
	if (rc) {
		print_error("%s: decode refused: %s\n", line, err);
		fail();
	}
	assert_ptr_equal(o.kind, r->o.kind);
	o.kind->canon(&c, &o, r->is_class);
	snprintf(words, sizeof words, "%s %s%s%s", r->is_class ? "class" :
	         "qdisc", o.kind->id, w.len ? " " : "", sbuf_str(&w));
	again = calloc(1, sizeof *again);
	if (parse_words(again, words)) {
		print_error("%s: decoded as '%s', refused: %s\n", line, words,
		            again->err);
		fail();
	}
	if (build(again, &again_b)) {
		print_error("%s: decoded as '%s', not built: %s\n", line, words,
		            again->err);
		fail();
	}
	got = hex(again_b.s, again_b.len);
	want = hex(sent->s, sent->len);
	if (strcmp(got, want)) {
		print_error("%s: decoded as '%s':\n sent  %s\n again %s\n", line,
		            words, want, got);
		fail();
	}
	for (size_t i = 0; i < tc_nkinds; i++)
		if (tc_kinds[i] == o.kind)
			decoded_kinds |= 1u << (i + (r->is_class ? 8 : 0));
	free(got);
	free(want);
	free(again);
	sbuf_free(&w);
	sbuf_free(&again_b);
	return 1;
}

static void test_requests(void **state)
{
	char path[512], *text, *line, *save = NULL;
	const char *words = NULL;
	unsigned cases = 0, refused = 0, skipped = 0, decoded = 0;

	(void)state;
	snprintf(path, sizeof path, "%s/tests/data/tc/requests.txt", srcdir());
	text = slurp(path, NULL);
	assert_non_null(text);
	for (line = strtok_r(text, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		struct parsed *r;
		struct sbuf b = SBUF_INIT;
		int rc;

		if (!strncmp(line, "words ", 6)) {
			words = line + 6;
			continue;
		}
		if (strncmp(line, "attrs ", 6) || !words)
			continue;
		r = calloc(1, sizeof *r);
		rc = parse_words(r, words);
		if (rc == 0 && !load_dist(r)) {
			/* a table tc does not have either: tc refused it */
			rc = build(r, &b);
			assert_int_equal(rc, -1);
			assert_string_equal(line + 6, "refused");
			refused++;
		} else if (rc == 0) {
			rc = build(r, &b);
		}
		if (!strcmp(line + 6, "refused")) {
			if (rc == 0) {
				print_error("%s: tc refused it, nsviz did not\n", words);
				fail();
			}
			assert_true(r->err[0] != '\0');
			refused++;
		} else {
			char *got;

			if (rc) {
				print_error("%s: refused: %s\n", words, r->err);
				fail();
			}
			got = hex(b.s, b.len);
			if (strcmp(got, line + 6)) {
				print_error("%s:\n tc    %s\n nsviz %s\n", words,
				            line + 6, got);
				fail();
			}
			free(got);
			check_canon(r, words);
			decoded += (unsigned)check_decode(r, words, &b);
		}
		(void)skipped;
		cases++;
		sbuf_free(&b);
		free(r);
	}
	assert_true(cases >= 60);
	assert_true(refused >= 10);
	/* every kind's decode was run: netem, tbf, htb and its class, pfifo,
	 * bfifo */
	assert_true(decoded >= 45);
	assert_int_equal(decoded_kinds, 0x1f | (1u << (8 + 2)));
	free(text);
}

/* ---- printing replies ----------------------------------------------------- */

static char *unjson(const char *q)
{
	char *s = malloc(strlen(q) + 1), *o = s;

	assert_int_equal(*q, '"');
	for (q++; *q && *q != '"'; q++) {
		if (*q == '\\') {
			q++;
			*o++ = *q == 'n' ? '\n' : *q == 't' ? '\t' : *q;
		} else {
			*o++ = *q;
		}
	}
	*o = '\0';
	return s;
}

struct reply {
	char words[256];
	unsigned char opt[4096], st[256], st2[1024], xst[256];
	size_t optlen, stlen, st2len, xstlen;
	bool has_opt, has_st, has_st2, has_xst;
};

static void print_reply(const struct reply *r, const char *variant,
                        struct sbuf *out)
{
	const char *sp = strchr(r->words, ' ');
	char kind[32];
	const struct tc_kind *k;
	struct tc_clock clk;
	struct tc_print_ctx pc = { 0 };
	bool is_class = !strncmp(r->words, "class", 5);

	snprintf(kind, sizeof kind, "%s", sp + 1);
	*strchrnul(kind, ' ') = '\0';
	k = tc_kind_find(kind);
	assert_non_null(k);
	tc_clock_default(&clk);
	pc.clock = &clk;
	pc.details = !strcmp(variant, "details");
	pc.stats = !strcmp(variant, "statistics");
	if (r->has_opt)
		k->print(out, r->opt, r->optlen, is_class, &pc);
	sbuf_addc(out, '\n');
	if (pc.stats && (r->has_st || r->has_st2 || r->has_xst)) {
		const void *x = NULL;
		size_t xl = 0;

		tc_print_stats(out, r->has_st2 ? r->st2 : NULL, r->st2len,
		               r->has_st ? r->st : NULL, r->stlen, " ", &x, &xl);
		if (!x && r->has_xst) {
			x = r->xst;
			xl = r->xstlen;
		}
		sbuf_addc(out, '\n');
		if (x && k->print_xstats) {
			k->print_xstats(out, x, xl, is_class, &pc);
			sbuf_addc(out, '\n');
		}
	}
}

static unsigned run_replies(const char *file)
{
	char path[512], *text, *line, *save = NULL;
	struct reply *r = calloc(1, sizeof *r);
	unsigned checked = 0;

	snprintf(path, sizeof path, "%s/tests/data/tc/%s", srcdir(), file);
	text = slurp(path, NULL);
	assert_non_null(text);
	for (line = strtok_r(text, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		const char *v = strchr(line, ' ');

		if (line[0] == '#' || !v)
			continue;
		v++;
		if (!strncmp(line, "words ", 6)) {
			memset(r, 0, sizeof *r);
			snprintf(r->words, sizeof r->words, "%s", v);
		} else if (!strncmp(line, "options ", 8)) {
			r->optlen = unhex(v, r->opt, sizeof r->opt);
			r->has_opt = true;
		} else if (!strncmp(line, "stats ", 6)) {
			r->stlen = unhex(v, r->st, sizeof r->st);
			r->has_st = true;
		} else if (!strncmp(line, "stats2 ", 7)) {
			r->st2len = unhex(v, r->st2, sizeof r->st2);
			r->has_st2 = true;
		} else if (!strncmp(line, "xstats ", 7)) {
			r->xstlen = unhex(v, r->xst, sizeof r->xst);
			r->has_xst = true;
		} else {
			char variant[16];
			struct sbuf out = SBUF_INIT;
			char *want = unjson(v);

			snprintf(variant, sizeof variant, "%.*s", (int)(v - 1 - line),
			         line);
			print_reply(r, variant, &out);
			if (strcmp(sbuf_str(&out), want)) {
				print_error("%s (%s):\n tc    '%s'\n nsviz '%s'\n",
				            r->words, variant, want, sbuf_str(&out));
				fail();
			}
			checked++;
			free(want);
			sbuf_free(&out);
		}
	}
	free(text);
	free(r);
	return checked;
}

static void test_replies(void **state)
{
	(void)state;
	assert_true(run_replies("replies.txt") >= 30);
}

static void test_netem_print(void **state)
{
	(void)state;
	assert_true(run_replies("netem-print.txt") >= 8);
}

/* ---- decoding the kernel's replies --------------------------------------- */

/* What save writes of each reply's options: the words given, as the
 * kernel holds them (the kernel's defaults written out: limits, quantum,
 * direct_qlen; latency as the limit tc computed) */
static const struct {
	const char *words, *decoded;
} dumps[] = {
	{ "qdisc tbf rate 1mbit burst 1600 latency 50ms",
	  "rate 1mbit burst 1600b limit 7850b" },
	{ "qdisc tbf rate 10mbit burst 20kb/8 latency 100ms peakrate 12mbit "
	  "mtu 1514", "rate 10mbit burst 20kb limit 145480b peakrate 12mbit "
	  "mtu 1514b" },
	{ "qdisc tbf rate 1mbit burst 1600 latency 50ms overhead 14 linklayer "
	  "atm", "rate 1mbit burst 1600b limit 7850b overhead 14 linklayer atm" },
	{ "qdisc tbf rate 8gbit burst 1mb limit 100000",
	  "rate 8gbit burst 1mb limit 100000b" },
	{ "qdisc htb", "direct_qlen 1000" },
	{ "qdisc htb default 10 r2q 5 direct_qlen 100",
	  "default 10 r2q 5 direct_qlen 100" },
	{ "qdisc pfifo limit 100", "limit 100" },
	{ "qdisc bfifo limit 10kb", "limit 10kb" },
	{ "class htb rate 1mbit ceil 2mbit",
	  "rate 1mbit ceil 2mbit quantum 12500" },
	{ "class htb rate 10mbit burst 15k cburst 20k prio 2 quantum 3000",
	  "rate 10mbit burst 15kb cburst 20kb prio 2 quantum 3000" },
	{ "class htb rate 6gbit ceil 8gbit",
	  "rate 6gbit ceil 8gbit quantum 200000" },
	{ "class htb rate 1mbit overhead 10 linklayer atm",
	  "rate 1mbit quantum 12500 overhead 10 linklayer atm" },
};

static void test_decode_replies(void **state)
{
	char path[512], *text, *line, *save = NULL, words[256] = "";
	unsigned checked = 0;

	(void)state;
	snprintf(path, sizeof path, "%s/tests/data/tc/replies.txt", srcdir());
	text = slurp(path, NULL);
	assert_non_null(text);
	for (line = strtok_r(text, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		unsigned char opt[4096];
		struct parsed *r;
		struct tc_opts o;
		struct tc_clock k;
		struct sbuf w = SBUF_INIT;
		struct canon c = { &w, true, true };
		char err[256] = "", again[600];
		const char *want = NULL;
		size_t n;
		bool is_class;
		int rc;

		if (!strncmp(line, "words ", 6))
			snprintf(words, sizeof words, "%s", line + 6);
		if (strncmp(line, "options ", 8))
			continue;
		n = unhex(line + 8, opt, sizeof opt);
		r = calloc(1, sizeof *r);
		assert_int_equal(parse_words(r, words), 0);
		is_class = r->is_class;
		tc_clock_default(&k);
		rc = r->o.kind->decode(&o, opt, n, is_class, &k, err, sizeof err);
		if (rc) {
			print_error("%s: decode refused: %s\n", words, err);
			fail();
		}
		o.kind->canon(&c, &o, is_class);
		for (size_t i = 0; i < sizeof dumps / sizeof dumps[0]; i++)
			if (!strcmp(dumps[i].words, words))
				want = dumps[i].decoded;
		if (!want || strcmp(want, sbuf_str(&w))) {
			print_error("%s: decoded as '%s', expected '%s'\n", words,
			            sbuf_str(&w), want ? want : "(none)");
			fail();
		}
		/* the words are tc's: they parse */
		snprintf(again, sizeof again, "%s %s %s", is_class ? "class" :
		         "qdisc", o.kind->id, sbuf_str(&w));
		assert_int_equal(parse_words(r, again), 0);
		/* every shorter payload: refused or decoded, never read past */
		for (size_t m = 0; m < n; m++) {
			unsigned char *cut = malloc(m ? m : 1);

			memcpy(cut, opt, m);
			(void)r->o.kind->decode(&o, m ? cut : NULL, m, is_class, &k,
			                        err, sizeof err);
			free(cut);
		}
		checked++;
		sbuf_free(&w);
		free(r);
	}
	assert_int_equal(checked, sizeof dumps / sizeof dumps[0]);
	free(text);
}

/* ---- parse messages --------------------------------------------------- */

static void expect_refused(const char *words, const char *msg)
{
	struct parsed *r = calloc(1, sizeof *r);

	if (parse_words(r, words) == 0) {
		print_error("%s: accepted\n", words);
		fail();
	}
	if (!strstr(r->err, msg)) {
		print_error("%s: '%s' lacks '%s'\n", words, r->err, msg);
		fail();
	}
	free(r);
}

static void test_messages(void **state)
{
	(void)state;
	expect_refused("qdisc netem delay", "missing delay");
	expect_refused("qdisc netem delay 10parsecs", "10parsecs: not a delay");
	expect_refused("qdisc netem loss 101%", "101%: not a loss percentage");
	expect_refused("qdisc netem loss 1% loss 2%", "loss: given twice");
	expect_refused("qdisc netem loss foo", "foo: unknown loss model");
	expect_refused("qdisc netem reorder 5%", "reorder: reordering needs a delay");
	expect_refused("qdisc netem gap 5", "gap: gap needs a reorder");
	expect_refused("qdisc netem ecn", "ecn: ecn needs a loss model");
	expect_refused("qdisc netem delay 10ms distribution normal",
	               "distribution: a distribution needs a delay and a jitter");
	expect_refused("qdisc netem distribution ../x", "../x: not a distribution");
	expect_refused("qdisc netem seed 5", "seed: not an option of netem in tc 6.1");
	expect_refused("qdisc netem slot 30ms 20ms", "20ms: slot maximum delay below");
	expect_refused("qdisc netem slot foo", "foo: unknown slot parameter");
	expect_refused("qdisc netem rate 10%", "10%: a rate as a share");
	expect_refused("qdisc netem frob", "frob: unknown netem option");
	expect_refused("qdisc tbf rate 1mbit latency 5ms", "tbf: missing burst");
	expect_refused("qdisc tbf burst 1600 latency 5ms", "tbf: missing rate");
	expect_refused("qdisc tbf rate 1mbit burst 1600", "missing limit or latency");
	expect_refused("qdisc tbf rate 1mbit burst 1600 limit 3000 latency 5ms",
	               "latency: not with limit");
	expect_refused("qdisc tbf rate 1mbit rate 2mbit", "rate: given twice");
	expect_refused("qdisc tbf rate 1mbit burst 1600/3 latency 1ms",
	               "1600/3: not a burst");
	expect_refused("qdisc tbf rate 1mbit burst 1600 latency 1ms peakrate 2mbit",
	               "peakrate needs mtu");
	expect_refused("qdisc tbf m 5", "m: unknown tbf option");
	expect_refused("class htb ceil 1mbit", "htb: missing rate");
	expect_refused("class htb rate 1mbit linklayer foo", "foo: not a link layer");
	expect_refused("qdisc htb r2q x", "x: not a r2q");
	expect_refused("qdisc pfifo lim 5", "lim: unknown pfifo option");
	expect_refused("qdisc bfifo limit 1x", "1x: not a limit");
}

/* ---- units ------------------------------------------------------------ */

static void test_units(void **state)
{
	struct sbuf b = SBUF_INIT;
	uint64_t r;
	unsigned u;
	uint32_t f;
	struct tc_clock k;

	(void)state;
	assert_int_equal(tc_get_rate64(&r, "1mbit"), 0);
	assert_int_equal(r, 125000);
	assert_int_equal(tc_get_rate64(&r, "1MBps"), 0);
	assert_int_equal(r, 1000000);
	assert_int_equal(tc_get_rate64(&r, "1kibit"), 0);
	assert_int_equal(r, 128);
	assert_int_equal(tc_get_rate64(&r, "1furlong"), -1);
	assert_int_equal(tc_get_time(&u, "1.5ms"), 0);
	assert_int_equal(u, 1500);
	assert_int_equal(tc_get_time(&u, "100"), 0);
	assert_int_equal(u, 100);
	assert_int_equal(tc_get_time(&u, "5000s"), -1);
	assert_int_equal(tc_get_size(&u, "1.5kb"), 0);
	assert_int_equal(u, 1536);
	assert_int_equal(tc_get_size(&u, "1.5"), 0);     /* tc truncates */
	assert_int_equal(u, 1);
	assert_int_equal(tc_get_size(&u, "4294967296"), -1);
	assert_int_equal(tc_get_percent(&f, "1%"), 0);
	assert_int_equal(f, 42949673);
	tc_put_rate(&b, 187500);
	sbuf_addc(&b, ' ');
	tc_put_rate(&b, 1000000000);
	sbuf_addc(&b, ' ');
	tc_put_time(&b, 1234);
	sbuf_addc(&b, ' ');
	tc_put_size(&b, 1600);
	sbuf_addc(&b, ' ');
	tc_put_size(&b, 20480);
	sbuf_addc(&b, ' ');
	tc_put_percent(&b, f);
	assert_string_equal(sbuf_str(&b), "1500Kbit 8Gbit 1.23ms 1600b 20Kb 1%");
	sbuf_free(&b);
	assert_int_equal(tc_clock_parse(&k, "000003e8 00000040 000f4240 3b9aca00\n"), 0);
	assert_true(k.tick_in_usec == 15.625);
	assert_int_equal(k.hz, 1000000000);
	assert_int_equal(tc_clock_parse(&k, "nonsense"), -1);
	assert_null(tc_kind_find("sfq"));
}

/* fmt_impair: the words of a root qdisc's options that impair the link,
 * nothing for the kernel's default; a kind's control bytes escaped */
static void test_impair(void **state)
{
	static const struct {
		const char *kind;
		uint32_t handle;
		const char *opts, *want;
	} cases[] = {
		{ "netem", 0x80010000u, "limit 1000 delay 100ms  10ms loss 1% "
		  "rate 1Mbit ", "netem delay 100ms 10ms loss 1% rate 1Mbit" },
		{ "netem", 0x10000u, "limit 1000 delay 5ms loss 0.3% 25% "
		  "duplicate 1% corrupt 0.1% ",
		  "netem delay 5ms loss 0.3% duplicate 1% corrupt 0.1%" },
		{ "tbf", 0x80020000u, "rate 1Mbit burst 10Kb lat 50ms ",
		  "tbf rate 1Mbit" },
		{ "htb", 0x10000u, "r2q 10 default 0x10 direct_packets_stat 0 ",
		  "htb" },
		{ "pfifo", 0x80030000u, "limit 100p ", "pfifo" },
		{ "noqueue", 0, NULL, "" },
		{ "pfifo_fast", 0, "bands 3 priomap ...", "" },
		{ "x\033[2J", 0x10000u, NULL, "x\\x1b[2J" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct w_link l;
		char buf[96];

		memset(&l, 0, sizeof l);
		snprintf(l.qdisc, sizeof l.qdisc, "%s", cases[i].kind);
		l.tc_handle = cases[i].handle;
		l.tc_opts = (char *)cases[i].opts;
		fmt_impair(&l, buf, sizeof buf);
		assert_string_equal(buf, cases[i].want);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_units),
		cmocka_unit_test(test_requests),
		cmocka_unit_test(test_messages),
		cmocka_unit_test(test_replies),
		cmocka_unit_test(test_netem_print),
		cmocka_unit_test(test_impair),
		cmocka_unit_test(test_decode_replies),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
