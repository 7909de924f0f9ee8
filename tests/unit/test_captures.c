/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_captures.c - every capture in tests/data decoded as tcpdump
 * decodes it: for each NAME.pcap, each NAME.txt or NAME.FLAGS.txt beside
 * it is what `TZ=UTC tcpdump -n -FLAGS -r NAME.pcap` printed (FLAGS made
 * of e, q and v: "v" is -v, "vv" -vv, "ev" -e -v), and nsviz's text
 * must be the same, whole packet by whole packet (with -v a packet's
 * text has lines of its own).  NAME.ifnames gives the interface names a
 * Linux cooked v2 capture was made with.  Every difference is printed,
 * then the test fails; a new capture needs no code here. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "decode/decode.h"
#include "decode/priv.h"   /* d_set_ifname_fn */
#include "util/sbuf.h"

#ifndef TEST_DATADIR
#define TEST_DATADIR "tests/data"
#endif

static uint32_t rd32(const uint8_t *b, bool swap)
{
	uint32_t v;

	memcpy(&v, b, 4);
	return swap ? __builtin_bswap32(v) : v;
}

/* The interface names of NAME.ifnames ("INDEX NAME" lines: the machine
 * the expected text was made on), so a Linux cooked v2 capture reads
 * the same everywhere; without the file no index has a name ("?", as
 * tcpdump printed it in a namespace with none of them). */
#define MAX_IFNAMES 32
static struct { unsigned idx; char name[32]; } ifnames[MAX_IFNAMES];
static size_t n_ifnames;

static bool test_ifname(unsigned idx, char *buf, size_t len)
{
	for (size_t i = 0; i < n_ifnames; i++)
		if (ifnames[i].idx == idx) {
			snprintf(buf, len, "%s", ifnames[i].name);
			return true;
		}
	return false;
}

static void load_ifnames(const char *name)
{
	char path[512];
	FILE *f;

	n_ifnames = 0;
	snprintf(path, sizeof path, "%s/%s.ifnames", TEST_DATADIR, name);
	f = fopen(path, "r");
	if (f) {
		while (n_ifnames < MAX_IFNAMES &&
		       fscanf(f, "%u %31s", &ifnames[n_ifnames].idx,
		              ifnames[n_ifnames].name) == 2)
			n_ifnames++;
		fclose(f);
	}
	d_set_ifname_fn(test_ifname);
}

/* Lines of the whole file; a packet's text starts with its timestamp
 * ("00:16:40.000000 "), the lines after it (-v) with white space. */
static char *slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	struct sbuf b = SBUF_INIT;
	char buf[4096];
	size_t n;

	if (!f)
		return NULL;
	while ((n = fread(buf, 1, sizeof buf - 1, f)) > 0) {
		buf[n] = '\0';
		sbuf_add(&b, buf);
	}
	fclose(f);
	if (!b.s)
		sbuf_add(&b, "");
	return b.s;
}

static bool starts_packet(const char *l)
{
	return strlen(l) >= 16 && l[2] == ':' && l[5] == ':' && l[8] == '.' &&
	       l[15] == ' ';
}

/* The next packet's text in *pos (its lines, "\n" between them); NULL at
 * the end. */
static char *next_record(char **pos)
{
	char *s = *pos, *e = s;

	if (!*s)
		return NULL;
	for (;;) {
		char *nl = strchr(e, '\n');

		if (!nl) {
			e += strlen(e);
			break;
		}
		if (!starts_packet(nl + 1) && nl[1]) {
			e = nl + 1;
			continue;
		}
		*nl = '\0';
		*pos = nl + 1;
		return s;
	}
	*pos = e;
	return s;
}

static size_t count_lines(const char *s)
{
	size_t n = 1;

	for (; *s; s++)
		n += *s == '\n';
	return n;
}

/* Lines of a that are the same in b, line for line. */
static size_t same_lines(const char *a, const char *b)
{
	size_t n = 0;

	for (;;) {
		size_t la = strcspn(a, "\n"), lb = strcspn(b, "\n");

		if (la == lb && !memcmp(a, b, la))
			n++;
		if (!a[la] || !b[lb])
			return n;
		a += la + 1;
		b += lb + 1;
	}
}

/* The flags a text's suffix names; false if it names other things. */
static bool suffix_opts(const char *suf, struct decode_opts *o)
{
	memset(o, 0, sizeof *o);
	for (; *suf; suf++) {
		if (*suf == 'v')
			o->verbose++;
		else if (*suf == 'e')
			o->link = true;
		else if (*suf == 'q')
			o->quiet = true;
		else
			return false;
	}
	return o->verbose <= 3;
}

/* Decode NAME.pcap with o; compare with TEXT (a file name in
 * tests/data).  Returns the lines that differ; *lines gets how many. */
static size_t compare(const char *name, const char *text,
                      const struct decode_opts *o, size_t *lines)
{
	char path[512], *want, *pos, *rec;
	FILE *pf;
	uint8_t gh[24], ph[16];
	bool swap, nano;
	uint32_t magic, linktype;
	size_t n = 0, same = 0, total = 0;
	struct decode_state *st = decode_state_new();

	load_ifnames(name);
	snprintf(path, sizeof path, "%s/%s.pcap", TEST_DATADIR, name);
	pf = fopen(path, "rb");
	assert_non_null(pf);
	snprintf(path, sizeof path, "%s/%s", TEST_DATADIR, text);
	want = slurp(path);
	assert_non_null(want);
	pos = want;
	assert_int_equal(fread(gh, 1, 24, pf), 24);
	memcpy(&magic, gh, 4);
	swap = magic == 0xd4c3b2a1 || magic == 0x4d3cb2a1;
	nano = magic == 0xa1b23c4d || magic == 0x4d3cb2a1;
	linktype = rd32(gh + 20, swap);
	while (fread(ph, 1, 16, pf) == 16) {
		uint32_t sec = rd32(ph, swap), frac = rd32(ph + 4, swap);
		uint32_t caplen = rd32(ph + 8, swap), len = rd32(ph + 12, swap);
		uint8_t *buf = malloc(caplen ? caplen : 1);
		struct sbuf out = SBUF_INIT;
		size_t nl;

		assert_int_equal(fread(buf, 1, caplen, pf), caplen);
		decode_timestamp(&out, sec, (long)(nano ? frac / 1000 : frac));
		sbuf_addc(&out, ' ');
		decode_summary_opts(&out, st, true, o, (int)linktype, buf, caplen,
		                    len);
		rec = next_record(&pos);
		if (!rec)
			rec = (char *)"";
		nl = count_lines(rec);
		total += nl;
		if (strcmp(rec, sbuf_str(&out)) != 0) {
			same += same_lines(rec, sbuf_str(&out));
			print_error("%s packet %zu:\n  tcpdump: %s\n  nsviz:   %s\n",
			            text, n + 1, rec, sbuf_str(&out));
		} else {
			same += nl;
		}
		sbuf_free(&out);
		free(buf);
		n++;
	}
	if (n == 0 || next_record(&pos)) {
		print_error("%s: tcpdump printed more packets\n", text);
		total++;
	}
	free(want);
	fclose(pf);
	decode_state_free(st);
	d_set_ifname_fn(NULL);
	*lines = total;
	return total - same;
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

/* NAME.pcap for the text T ("NAME.txt", "NAME.FLAGS.txt"), and its
 * flags; false for files that are not such a text. */
static bool text_of(const char *t, char *name, size_t len,
                    struct decode_opts *o)
{
	size_t n = strlen(t);
	const char *dot;
	char path[600];
	FILE *f;

	if (n < 5 || strcmp(t + n - 4, ".txt") != 0 || n - 4 >= len)
		return false;
	memcpy(name, t, n - 4);
	name[n - 4] = '\0';
	memset(o, 0, sizeof *o);
	dot = strrchr(name, '.');
	if (dot) {
		if (!suffix_opts(dot + 1, o))
			return false;
		name[dot - name] = '\0';
	}
	/* flags*.pcap hold records the capture layer judges before any
	 * decoder (nothing captured, a time that cannot be printed): the
	 * CLI is compared on them, by tests/kernel/capture-flags.sh */
	if (!strncmp(name, "flags", 5))
		return false;
	snprintf(path, sizeof path, "%s/%s.pcap", TEST_DATADIR, name);
	f = fopen(path, "rb");
	if (!f)
		return false;
	fclose(f);
	return true;
}

static void test_every_capture(void **s)
{
	struct dirent **ent;
	int n = scandir(TEST_DATADIR, &ent, NULL, by_name);
	size_t texts = 0, lines = 0, bad = 0;

	(void)s;
	assert_true(n > 0);
	for (int i = 0; i < n; i++) {
		char name[256];
		struct decode_opts o;
		size_t l;

		if (text_of(ent[i]->d_name, name, sizeof name, &o)) {
			bad += compare(name, ent[i]->d_name, &o, &l);
			lines += l;
			texts++;
		}
		free(ent[i]);
	}
	free(ent);
	print_message("%zu texts, %zu of %zu lines identical to tcpdump's\n",
	              texts, lines - bad, lines);
	assert_true(texts > 100);
	assert_int_equal(bad, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_capture),
	};

	/* the expected text was made with TZ=UTC */
	setenv("TZ", "UTC", 1);
	tzset();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
