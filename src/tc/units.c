/* SPDX-License-Identifier: GPL-2.0-or-later */
/* units.c - tc's units: rates, sizes, times and percents read as tc 6.1
 * reads them (get_rate64, get_size, get_time, parse_percent: strtod and
 * a case-blind suffix), printed as it prints them (sprint_rate,
 * sprint_size, sprint_time, %g percents), and written back as canonical
 * words that read back to the very same value.
 *
 * Where tc converts a double to an unsigned without a check (a time of
 * 5000s wraps around), nsviz refuses the value instead. */
#include "tc/priv.h"

#include <linux/pkt_sched.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cmd/parse_int.h"
#include "util/sbuf.h"

#define USEC_PER_SEC 1000000.0

uint32_t tc_d2u(double d)
{
	if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0))
		return 0;
	return (uint32_t)(uint64_t)(int64_t)d;
}

/* ---- integers ---------------------------------------------------------- */

int tc_get_u32(uint32_t *v, const char *s, int base)
{
	unsigned long r;
	char *end;

	if (!s || !*s)
		return -1;
	errno = 0;
	r = strtoul(s, &end, base);
	if (end == s || *end || (r == ULONG_MAX && errno == ERANGE) ||
	    r > 0xFFFFFFFFUL)
		return -1;
	*v = (uint32_t)r;
	return 0;
}

int tc_get_u16(uint16_t *v, const char *s, int base)
{
	uint32_t r;

	if (tc_get_u32(&r, s, base) || r > 0xFFFF)
		return -1;
	*v = (uint16_t)r;
	return 0;
}

int tc_get_s32(int32_t *v, const char *s, int base)
{
	long r;
	char *end;

	if (!s || !*s)
		return -1;
	errno = 0;
	r = strtol(s, &end, base);
	if (end == s || *end || errno == ERANGE || r < INT32_MIN ||
	    r > INT32_MAX)
		return -1;
	*v = (int32_t)r;
	return 0;
}

/* ---- rates --------------------------------------------------------------- */

static const struct {
	const char *name;
	double scale;
} rate_units[] = {
	{ "bit", 1. }, { "Kibit", 1024. }, { "kbit", 1000. },
	{ "mibit", 1024. * 1024. }, { "mbit", 1000000. },
	{ "gibit", 1024. * 1024. * 1024. }, { "gbit", 1000000000. },
	{ "tibit", 1024. * 1024. * 1024. * 1024. }, { "tbit", 1000000000000. },
	{ "Bps", 8. }, { "KiBps", 8. * 1024. }, { "KBps", 8000. },
	{ "MiBps", 8. * 1024 * 1024 }, { "MBps", 8000000. },
	{ "GiBps", 8. * 1024. * 1024. * 1024. }, { "GBps", 8000000000. },
	{ "TiBps", 8. * 1024. * 1024. * 1024. * 1024. },
	{ "TBps", 8000000000000. },
};

int tc_get_rate64(uint64_t *bps, const char *s)
{
	char *p;
	double v = strtod(s, &p);
	size_t i;

	if (p == s)
		return -1;
	for (i = 0; i < sizeof rate_units / sizeof rate_units[0]; i++) {
		if (!strcasecmp(rate_units[i].name, p)) {
			v *= rate_units[i].scale;
			p += strlen(p);
			break;
		}
	}
	if (*p)
		return -1;
	v /= 8;
	/* tc converts without a check: refuse what would not convert */
	if (!(v >= 0 && v < 18446744073709551616.0))
		return -1;
	*bps = (uint64_t)v;
	return 0;
}

void tc_put_rate(struct sbuf *out, uint64_t bps)
{
	static const char *const units[] = { "", "K", "M", "G", "T" };
	unsigned long long r = (unsigned long long)bps << 3;
	unsigned i;

	for (i = 0; i < 4; i++) {
		if (r < 1000)
			break;
		if (r % 1000 != 0 && r < 1000 * 1000)
			break;
		r /= 1000;
	}
	sbuf_printf(out, "%.0f%sbit", (double)r, units[i]);
}

void tc_canon_rate(struct canon *c, uint64_t bps)
{
	static const struct {
		const char *name;
		uint64_t scale;
	} u[] = {
		{ "tbit", 1000000000000ULL }, { "gbit", 1000000000ULL },
		{ "mbit", 1000000ULL }, { "kbit", 1000ULL },
	};
	size_t i;

	if (bps >= (1ULL << 50)) {
		canon_wordf(c, "%lluBps", (unsigned long long)bps);
		return;
	}
	for (i = 0; i < sizeof u / sizeof u[0]; i++) {
		if (bps && (bps * 8) % u[i].scale == 0) {
			canon_wordf(c, "%llu%s",
			            (unsigned long long)(bps * 8 / u[i].scale),
			            u[i].name);
			return;
		}
	}
	canon_wordf(c, "%llubit", (unsigned long long)(bps * 8));
}

/* ---- sizes -------------------------------------------------------------- */

int tc_get_size(unsigned *bytes, const char *s)
{
	char *p;
	double v = strtod(s, &p);
	uint32_t r;

	if (p == s)
		return -1;
	if (*p) {
		if (!strcasecmp(p, "kb") || !strcasecmp(p, "k"))
			v *= 1024;
		else if (!strcasecmp(p, "gb") || !strcasecmp(p, "g"))
			v *= 1024 * 1024 * 1024;
		else if (!strcasecmp(p, "gbit"))
			v *= 1024 * 1024 * 1024 / 8;
		else if (!strcasecmp(p, "mb") || !strcasecmp(p, "m"))
			v *= 1024 * 1024;
		else if (!strcasecmp(p, "mbit"))
			v *= 1024 * 1024 / 8;
		else if (!strcasecmp(p, "kbit"))
			v *= 1024 / 8;
		else if (strcasecmp(p, "b"))
			return -1;
	}
	r = tc_d2u(v);
	if ((double)r != floor(v))
		return -1;
	*bytes = r;
	return 0;
}

void tc_put_size(struct sbuf *out, unsigned sz)
{
	double kilo = 1024, mega = 1024 * 1024, t = sz;

	if (sz >= mega && fabs(mega * rint(t / mega) - sz) < 1024)
		sbuf_printf(out, "%gMb", rint(t / mega));
	else if (sz >= kilo && fabs(kilo * rint(t / kilo) - sz) < 16)
		sbuf_printf(out, "%gKb", rint(t / kilo));
	else
		sbuf_printf(out, "%ub", sz);
}

void tc_canon_size(struct canon *c, unsigned bytes)
{
	if (bytes && bytes % (1024 * 1024) == 0)
		canon_wordf(c, "%umb", bytes / (1024 * 1024));
	else if (bytes && bytes % 1024 == 0)
		canon_wordf(c, "%ukb", bytes / 1024);
	else
		canon_wordf(c, "%ub", bytes);
}

int tc_get_size_cell(unsigned *bytes, int *cell_log, const char *s)
{
	const char *slash = strchr(s, '/');
	char num[64];
	size_t n = slash ? (size_t)(slash - s) : strlen(s);
	int32_t cell;
	int i;

	if (n >= sizeof num)
		return -1;
	memcpy(num, s, n);
	num[n] = '\0';
	if (tc_get_size(bytes, num))
		return -1;
	if (!slash)
		return 0;
	if (tc_get_s32(&cell, slash + 1, 0))
		return -1;
	for (i = 0; i < 31; i++) {
		if ((1 << i) == cell) {
			*cell_log = i;
			return 0;
		}
	}
	return -1;
}

void tc_canon_size_cell(struct canon *c, unsigned bytes, int cell_log)
{
	struct sbuf b = SBUF_INIT;
	struct canon tmp = { &b, true, c->show_ns };

	tc_canon_size(&tmp, bytes);
	if (cell_log >= 0)
		sbuf_printf(&b, "/%u", 1u << cell_log);
	canon_word(c, sbuf_str(&b));
	sbuf_free(&b);
}

/* ---- times --------------------------------------------------------------- */

static int time_suffix(const char *p, double *scale, bool ns)
{
	if (!*p)
		*scale = 1;
	else if (!strcasecmp(p, "s") || !strcasecmp(p, "sec") ||
	         !strcasecmp(p, "secs"))
		*scale = ns ? 1e9 : USEC_PER_SEC;
	else if (!strcasecmp(p, "ms") || !strcasecmp(p, "msec") ||
	         !strcasecmp(p, "msecs"))
		*scale = ns ? 1e6 : USEC_PER_SEC / 1000;
	else if (!strcasecmp(p, "us") || !strcasecmp(p, "usec") ||
	         !strcasecmp(p, "usecs"))
		*scale = ns ? 1e3 : 1;
	else if (ns && (!strcasecmp(p, "ns") || !strcasecmp(p, "nsec") ||
	                !strcasecmp(p, "nsecs")))
		*scale = 1;
	else
		return -1;
	return 0;
}

int tc_get_time(unsigned *us, const char *s)
{
	char *p;
	double t = strtod(s, &p), scale;

	if (p == s || time_suffix(p, &scale, false))
		return -1;
	t *= scale;
	if (!(t >= 0 && t < 4294967296.0))
		return -1;
	*us = tc_d2u(t);
	return 0;
}

int tc_get_time64(int64_t *ns, const char *s)
{
	char *p;
	double t = strtod(s, &p), scale;

	if (p == s || time_suffix(p, &scale, true))
		return -1;
	t *= scale;
	if (!(t > -9223372036854775808.0 && t < 9223372036854775808.0))
		return -1;
	*ns = (int64_t)t;
	return 0;
}

void tc_put_time(struct sbuf *out, unsigned us)
{
	double t = us;

	if (t >= USEC_PER_SEC)
		sbuf_printf(out, "%.3gs", t / USEC_PER_SEC);
	else if (t >= USEC_PER_SEC / 1000)
		sbuf_printf(out, "%.3gms", t / (USEC_PER_SEC / 1000));
	else
		sbuf_printf(out, "%uus", us);
}

void tc_put_time64(struct sbuf *out, int64_t ns)
{
	double t = (double)ns;

	if (ns >= 1000000000)
		sbuf_printf(out, "%.3gs", t / 1e9);
	else if (ns >= 1000000)
		sbuf_printf(out, "%.3gms", t / 1e6);
	else if (ns >= 1000)
		sbuf_printf(out, "%.3gus", t / 1e3);
	else
		sbuf_printf(out, "%lldns", (long long)ns);
}

void tc_canon_time(struct canon *c, unsigned us)
{
	if (us && us % 1000000 == 0)
		canon_wordf(c, "%us", us / 1000000);
	else if (us && us % 1000 == 0)
		canon_wordf(c, "%ums", us / 1000);
	else
		canon_wordf(c, "%uus", us);
}

void tc_canon_time64(struct canon *c, int64_t ns)
{
	long long v = ns;

	if (v && v % 1000000000 == 0)
		canon_wordf(c, "%llds", v / 1000000000);
	else if (v && v % 1000000 == 0)
		canon_wordf(c, "%lldms", v / 1000000);
	else if (v && v % 1000 == 0)
		canon_wordf(c, "%lldus", v / 1000);
	else
		canon_wordf(c, "%lldns", v);
}

/* ---- percents ------------------------------------------------------------ */

int tc_parse_percent(double *frac, const char *s)
{
	char *p;
	double v = strtod(s, &p) / 100.;

	if (!(v >= 0.0 && v <= 1.0))
		return -1;
	if (*p && strcmp(p, "%"))
		return -1;
	*frac = v;
	return 0;
}

uint32_t tc_set_percent(double frac)
{
	return tc_d2u(rint(frac * UINT32_MAX));
}

int tc_get_percent(uint32_t *frac, const char *s)
{
	double v;

	if (tc_parse_percent(&v, s))
		return -1;
	*frac = tc_set_percent(v);
	return 0;
}

void tc_put_percent(struct sbuf *out, uint32_t frac)
{
	sbuf_printf(out, "%g%%", (100. * frac) / UINT32_MAX);
}

void tc_canon_percent(struct canon *c, uint32_t frac)
{
	double v = (100. * frac) / UINT32_MAX;
	char buf[64];
	uint32_t back;
	int prec;

	for (prec = 6; prec <= 17; prec++) {
		snprintf(buf, sizeof buf, "%.*g%%", prec, v);
		if (!tc_get_percent(&back, buf) && back == frac)
			break;
	}
	canon_word(c, buf);
}

/* ---- link layers --------------------------------------------------------- */

int tc_get_linklayer(unsigned *ll, const char *s)
{
	if (kw_matches(s, "ethernet"))
		*ll = 1;
	else if (kw_matches(s, "atm") || kw_matches(s, "adsl"))
		*ll = 2;
	else
		return -1;
	return 0;
}

const char *tc_linklayer_name(unsigned ll)
{
	switch (ll) {
	case 0: return "unspec";
	case 1: return "ethernet";
	case 2: return "atm";
	default: return "unknown";
	}
}

/* ---- what tbf and htb share --------------------------------------------- */

int tc_take_rate(struct parser *p, const char *kw, const char *what,
                 uint64_t *rate)
{
	const char *v = p_value(p, what);

	if (!v)
		return -1;
	if (*rate) {
		p->i--;
		return p_twice(p, kw);
	}
	if (strchr(v, '%'))
		return p_bad(p, v, "a rate as a share of the device's speed is "
		             "not supported by nsviz (" TC_RATE_HINT ")");
	if (tc_get_rate64(rate, v))
		return p_bad(p, v, "not a rate (" TC_RATE_HINT ")");
	return 0;
}

int tc_take_linklayer(struct parser *p, unsigned *ll)
{
	const char *v = p_value(p, "link layer (ethernet, atm or adsl)");

	if (!v)
		return -1;
	if (tc_get_linklayer(ll, v))
		return p_bad(p, v, "not a link layer (expected ethernet, atm or "
		             "adsl)");
	return 0;
}

void tc_canon_overhead_ll(struct canon *c, unsigned overhead, unsigned ll)
{
	if (overhead) {
		canon_word(c, "overhead");
		canon_wordf(c, "%u", overhead);
	}
	if (ll != 1) {
		canon_word(c, "linklayer");
		canon_word(c, tc_linklayer_name(ll));
	}
}

unsigned tc_ratespec_ll(unsigned char raw)
{
	unsigned ll = raw & TC_LINKLAYER_MASK;

	return ll ? ll : 1;
}

void tc_put_cell_mpu(struct sbuf *out, unsigned char cell_log, unsigned mpu)
{
	sbuf_printf(out, "/%u mpu ", cell_log < 32 ? 1u << cell_log : 0);
	tc_put_size(out, mpu);
}

void tc_put_linklayer(struct sbuf *out, unsigned char raw, bool details)
{
	unsigned ll = raw & TC_LINKLAYER_MASK;

	if (ll > TC_LINKLAYER_ETHERNET || details)
		sbuf_printf(out, "linklayer %s ", tc_linklayer_name(ll));
}
