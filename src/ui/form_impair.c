/* SPDX-License-Identifier: GPL-2.0-or-later */
/* form_impair.c - the `i` form: delay, jitter, loss and rate on the
 * selected interface, as one netem qdisc at its root (what containerlab's
 * `tools netem` and Mininet's TCLink make); where the kernel has no
 * sch_netem, what can be done without it: the rate by tbf, the loss by an
 * nft rule that drops at random (numgen), the delay not at all, and the
 * note says so.  Pure: the world in, command text out. */
#include "ui/form.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fmt/tc.h"
#include "tc/tc.h"
#include "util/sbuf.h"

/* The value after word in tc's option text ("delay 100ms  10ms loss 1%
 * "), the next one too when two is set: "" when absent */
static void opt_value(const char *opts, const char *word, int nth,
                      char *buf, size_t len)
{
	size_t n = strlen(word);

	buf[0] = '\0';
	for (const char *p = opts; p && *p;) {
		size_t m;

		p += strspn(p, " ");
		m = strcspn(p, " ");
		if (m == n && !strncmp(p, word, n)) {
			p += m;
			for (int i = 0; i <= nth; i++) {
				p += strspn(p, " ");
				m = strcspn(p, " ");
				if (!m || *p < '0' || *p > '9')
					return;
				if (i == nth)
					snprintf(buf, len, "%.*s", (int)m, p);
				p += m;
			}
			return;
		}
		p += m;
	}
}

static void add_field(struct form *f, const char *label,
                      enum field_kind kind, const char *value)
{
	struct form_field *x = &f->f[f->nfields++];

	memset(x, 0, sizeof *x);
	x->label = label;
	x->kind = kind;
	x->optional = true;
	snprintf(x->value, sizeof x->value, "%s", value);
	x->cursor = (int)strlen(x->value);
}

void form_impair_init(struct form *f, const struct w_link *l)
{
	char v[4][FORM_VALUE_MAX] = { "", "", "", "" };
	char what[96] = "";

	if (l) {
		fmt_impair(l, what, sizeof what);
		f->impaired = what[0] != '\0';
	}
	if (l && !strcmp(l->qdisc, "netem")) {
		opt_value(l->tc_opts, "delay", 0, v[0], sizeof v[0]);
		opt_value(l->tc_opts, "delay", 1, v[1], sizeof v[1]);
		opt_value(l->tc_opts, "loss", 0, v[2], sizeof v[2]);
		opt_value(l->tc_opts, "rate", 0, v[3], sizeof v[3]);
	} else if (l && !strcmp(l->qdisc, "tbf")) {
		opt_value(l->tc_opts, "rate", 0, v[3], sizeof v[3]);
	}
	add_field(f, "Delay (100ms)", FK_TIME, v[0]);
	add_field(f, "Jitter (10ms)", FK_TIME, v[1]);
	add_field(f, "Loss (5%)", FK_PERCENT, v[2]);
	add_field(f, "Rate (1mbit)", FK_RATE, v[3]);
}

/* "5" and "5%" alike: tc takes both, and prints the second */
static void add_percent(struct sbuf *out, const char *v)
{
	sbuf_add(out, v);
	if (!strchr(v, '%'))
		sbuf_addc(out, '%');
}

void form_impair_command(const struct form *f, struct sbuf *out)
{
	const char *d = f->f[IMP_DELAY].value, *j = f->f[IMP_JITTER].value;
	const char *loss = f->f[IMP_LOSS].value, *rate = f->f[IMP_RATE].value;

	if (!*d && !*loss && !*rate) {
		sbuf_printf(out, "tc qdisc del dev %s root", f->dev);
		return;
	}
	sbuf_printf(out, "tc qdisc replace dev %s root netem", f->dev);
	if (*d) {
		sbuf_printf(out, " delay %s", d);
		if (*j)
			sbuf_printf(out, " %s", j);
	}
	if (*loss) {
		sbuf_add(out, " loss ");
		add_percent(out, loss);
	}
	if (*rate)
		sbuf_printf(out, " rate %s", rate);
}

void form_impair_comment(const char *ns, const char *dev, char *buf,
                         size_t len)
{
	if (*ns)
		snprintf(buf, len, "nsviz impair %s in %s", dev, ns);
	else
		snprintf(buf, len, "nsviz impair %s in the host", dev);
}

void form_impair_fallback(const struct form *f, struct sbuf *cmds,
                          struct sbuf *note)
{
	const char *d = f->f[IMP_DELAY].value;
	const char *loss = f->f[IMP_LOSS].value, *rate = f->f[IMP_RATE].value;
	const char *ns = f->ns;
	char comment[W_NSNAME_MAX + 48];
	uint64_t bps = 0;

	sbuf_add(note, "this kernel has no netem (sch_netem): ");
	if (*rate && tc_get_rate64(&bps, rate) == 0) {
		/* a bucket of 20 ms at the rate, never less than a packet */
		uint64_t burst = bps / 50 < 1600 ? 1600 : bps / 50;

		if (*ns)
			sbuf_printf(cmds, "-n %s ", ns);
		sbuf_printf(cmds, "tc qdisc replace dev %s root tbf rate %s "
		            "burst %llu latency 50ms\n", f->dev, rate,
		            (unsigned long long)burst);
		sbuf_add(note, "the rate by tbf");
	} else if (f->impaired) {
		if (*ns)
			sbuf_printf(cmds, "-n %s ", ns);
		sbuf_printf(cmds, "tc qdisc del dev %s root\n", f->dev);
	}
	const char *where = f->has_peer ? f->peer_dev : f->dev;

	if (*loss && (strpbrk(f->dev, "\"'\\") || strpbrk(where, "\"'\\"))) {
		sbuf_printf(note, "%sno nft rule for a name with quotes: the "
		            "loss is not made", *rate ? "; " : "");
	} else if (*loss) {
		/* numgen random mod 1000 is 0..999: below P*10, P in a
		 * hundred to a tenth of a percent */
		long tenths = (long)(strtod(loss, NULL) * 10 + 0.5);
		const char *rns = f->has_peer ? f->peer_ns : ns;
		const char *chain = f->has_peer ? "prerouting" : "postrouting";

		form_impair_comment(f->ns, f->dev, comment, sizeof comment);
		if (*rns)
			sbuf_printf(cmds, "-n %s ", rns);
		sbuf_printf(cmds, "nft 'add table inet nsviz_impair; add chain "
		            "inet nsviz_impair %s { type filter hook %s priority "
		            "0 ; policy accept ; }; add rule inet nsviz_impair %s "
		            "%s \"%s\" numgen random mod 1000 < %ld counter drop "
		            "comment \"%s\"'\n", chain, chain, chain,
		            f->has_peer ? "iifname" : "oifname", where, tenths,
		            comment);
		sbuf_printf(note, "%sthe loss by an nft rule that drops %ld.%ld%% "
		            "of what leaves %s at random", *rate ? "; " : "",
		            tenths / 10, tenths % 10, f->dev);
		if (f->has_peer)
			sbuf_printf(note, " (as %s in %s receives it)", where,
			            *rns ? rns : "the host");
	}
	if (*d)
		sbuf_printf(note, "%sa delay needs netem: not made",
		            *rate || *loss ? "; " : "");
}
