/* SPDX-License-Identifier: GPL-2.0-or-later */
/* parse_tc.c - the tc command (tc(8) from iproute2): `tc [-s] [-d] [-n NS]
 * qdisc add|change|replace|del|show ...` and `tc class ...`, parse and
 * canonical text.  The words around the kind (dev, handle, root, parent,
 * classid) are read here, as tc_qdisc.c and tc_class.c read them; the
 * kind's own words by its struct tc_kind (src/tc/).  Where tc accepts a
 * word nsviz cannot do (estimator, stab, ingress, blocks), the word is
 * named and the command refused.  Pure: nothing here looks at the kernel.
 */
#include "cmd/parse_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/pkt_sched.h>

#include "tc/tc.h"
#include "util/sbuf.h"

void tc_init(struct cmd *c)
{
	memset(&c->u.tc, 0, sizeof c->u.tc);
}

/* ---- tc [OPTIONS] OBJECT -------------------------------------------------- */

/* tc(8)'s options, in its order of matching (so -n is -netns, before
 * -Numeric) */
static const struct tool_opt tc_opts[] = {
	{ "-stats", TOOL_OPT_STATS }, { "-statistics", TOOL_OPT_STATS },
	{ "-details", TOOL_OPT_DETAILS }, { "-raw", TOOL_OPT_UNSUPPORTED },
	{ "-pretty", TOOL_OPT_UNSUPPORTED }, { "-graph", TOOL_OPT_UNSUPPORTED },
	{ "-Version", TOOL_OPT_HELP }, { "-iec", TOOL_OPT_UNSUPPORTED },
	{ "-help", TOOL_OPT_HELP }, { "-force", TOOL_OPT_UNSUPPORTED },
	{ "-batch", TOOL_OPT_UNSUPPORTED }, { "-netns", TOOL_OPT_NETNS },
	{ "-Numeric", TOOL_OPT_UNSUPPORTED }, { "-names", TOOL_OPT_UNSUPPORTED },
	{ "-nm", TOOL_OPT_UNSUPPORTED }, { "-cf", TOOL_OPT_UNSUPPORTED },
	{ "-conf", TOOL_OPT_UNSUPPORTED }, { "-color", TOOL_OPT_UNSUPPORTED },
	{ "-colour", TOOL_OPT_UNSUPPORTED }, { "-timestamp", TOOL_OPT_UNSUPPORTED },
	{ "-tshort", TOOL_OPT_UNSUPPORTED }, { "-json", TOOL_OPT_UNSUPPORTED },
	{ "-oneline", TOOL_OPT_UNSUPPORTED }, { "-brief", TOOL_OPT_UNSUPPORTED },
	{ NULL, TOOL_OPT_UNKNOWN }
};

int p_tc_words(struct parser *p)
{
	struct cmd *c = p->c;

	p->tool = CMD_TOOL_TC;
	/* ip's options given before the word tc mean nothing to it */
	if (c->family || c->opts.brief || c->opts.oneline || c->all ||
	    c->opts.json || c->opts.pretty)
		return p_fail(p, "%s: not an option of the tc command "
		              "(expected -n NS, -s or -d)",
		              c->family ? p_family_opt(c->family) :
		              c->opts.brief ? "-br" : c->opts.oneline ? "-o" :
		              c->opts.json ? "-j" : c->opts.pretty ? "-p" : "-all");
	return p_tool_options(p, tc_opts, "tc", "-n NS, -s or -d");
}

/* ---- handles: tc's get_qdisc_handle and get_tc_classid ---------------- */

/* "1:", "1", "none" -> 0x10000; the minor must be absent */
static int take_qdisc_handle(struct parser *p, const char *w, uint32_t *h,
                             const char *what)
{
	unsigned long maj;
	char *end;

	if (!strcmp(w, "none")) {
		*h = 0;
		return 0;
	}
	maj = strtoul(w, &end, 16);
	if (end == w || maj >= 1u << 16 || (*end != ':' && *end) ||
	    (*end == ':' && end[1]) || w[0] == '-' || w[0] == '+')
		return p_bad(p, w, "not a %s (expected a hexadecimal major "
		             "number 1..ffff and a colon, like 1:)", what);
	*h = (uint32_t)maj << 16;
	return 0;
}

/* "1:10", ":10", "1:", "root", "none" */
static int take_classid(struct parser *p, const char *w, uint32_t *h,
                        const char *what)
{
	unsigned long maj = 0, min = 0;
	const char *s = w;
	char *end;

	if (!strcmp(w, "root")) {
		*h = TC_H_ROOT;
		return 0;
	}
	if (!strcmp(w, "none")) {
		*h = TC_H_UNSPEC;
		return 0;
	}
	if (w[0] == '-' || w[0] == '+')
		goto bad;
	maj = strtoul(s, &end, 16);
	if (end == s) {
		maj = 0;
		if (*end != ':')
			goto bad;
	}
	if (*end == ':') {
		if (maj >= 1u << 16)
			goto bad;
		s = end + 1;
		if (*s == '-' || *s == '+')
			goto bad;
		min = strtoul(s, &end, 16);
		if (*end || min >= 1u << 16)
			goto bad;
		*h = (uint32_t)(maj << 16 | min);
		return 0;
	}
	if (*end)
		goto bad;
	*h = (uint32_t)maj;
	return 0;
bad:
	return p_bad(p, w, "not a %s (expected MAJOR:MINOR in hexadecimal, "
	             "like 1:10, or root)", what);
}

/* tc's print_tc_classid, for canonical words and for fmt/tc.c */
void tc_classid_str(uint32_t h, char *buf, size_t len)
{
	if (h == TC_H_ROOT)
		snprintf(buf, len, "root");
	else if (h == TC_H_UNSPEC)
		snprintf(buf, len, "none");
	else if (TC_H_MAJ(h) == 0)
		snprintf(buf, len, ":%x", TC_H_MIN(h));
	else if (TC_H_MIN(h) == 0)
		snprintf(buf, len, "%x:", TC_H_MAJ(h) >> 16);
	else
		snprintf(buf, len, "%x:%x", TC_H_MAJ(h) >> 16, TC_H_MIN(h));
}

/* ---- the kind and its words ---------------------------------------------- */

/* A kind's name as TCA_KIND carries it: tc takes any word (then asks
 * the kernel); nsviz the same, but a name must look like one. */
static int take_kind(struct parser *p, const char *w, bool is_class)
{
	struct cmd_tc *t = &p->c->u.tc;
	const struct tc_kind *k;

	if (!*w || strlen(w) >= sizeof t->kind ||
	    strspn(w, "abcdefghijklmnopqrstuvwxyz0123456789_") != strlen(w))
		return p_bad(p, w, "unknown %s argument (expected dev NAME, %s "
		             "or a qdisc kind such as netem, tbf, htb or pfifo)",
		             is_class ? "tc class" : "tc qdisc",
		             is_class ? "parent ID, classid ID" :
		             "root, parent ID, handle ID");
	p_copy(t->kind, sizeof t->kind, w);
	k = tc_kind_find(w);
	t->o.kind = k;
	if (is_class && (!k || !k->classful))
		return p_bad(p, w, "a classless qdisc kind: it has no classes "
		             "(classes are htb's)");
	if (!is_class && k && !k->qdisc)
		return p_bad(p, w, "not a qdisc kind");
	/* a kind nsviz knows is parsed even with no word after it: its
	 * parse sets the defaults tc fills in (htb's direct_qlen, netem's
	 * limit 1000, ...), which tc sends for the bare kind too */
	if (k && k->parse)
		return k->parse(p, &t->o, is_class);
	if (!p_more(p))
		return 0;
	if (!k)
		return p_bad(p, p_peek(p), "options of the qdisc kind %s are "
		             "not supported by nsviz (it knows netem, tbf, htb, "
		             "pfifo and bfifo; other kinds are added without "
		             "options)", w);
	return p_bad(p, p_peek(p), "the qdisc kind %s takes no options", w);
}

static int refuse_tc_word(struct parser *p, const char *w)
{
	if (!strcmp(w, "ingress") || !strcmp(w, "clsact"))
		return p_bad(p, w, "ingress qdiscs are not supported by nsviz "
		             "(only the root egress qdisc and its classes)");
	if (kw_matches(w, "estimator") || kw_matches(w, "stab") ||
	    kw_matches(w, "ingress_block") || kw_matches(w, "egress_block"))
		return p_bad(p, w, "not supported by nsviz");
	if (kw_matches(w, "help"))
		return p_bad(p, w, "not supported by nsviz (nsviz --help lists "
		             "the tc commands)");
	return 1;
}

/* tc qdisc add|change|replace|del dev NAME [handle H:] root|parent P
 * [KIND [OPTIONS]]; tc class add|change|replace|del dev NAME parent P
 * classid C [KIND [OPTIONS]] */
static int parse_change(struct parser *p, bool cls)
{
	struct cmd_tc *t = &p->c->u.tc;
	bool del = p->c->verb == CMD_TC_QDISC_DEL ||
	           p->c->verb == CMD_TC_CLASS_DEL;
	const char *id = cls ? "classid" : "handle";
	int rc;

	while (p_more(p)) {
		const char *w = p_next(p), *v;

		if (!strcmp(w, "dev")) {
			if (t->dev[0])
				return p_twice(p, w);
			if (!(v = p_value(p, "interface name")) ||
			    p_take_ifname(p, v, t->dev))
				return -1;
		} else if (!strcmp(w, id)) {
			if (t->has_handle)
				return p_twice(p, w);
			if (!(v = p_value(p, cls ? "class ID" : "qdisc handle")) ||
			    (cls ? take_classid(p, v, &t->handle, "class ID") :
			     take_qdisc_handle(p, v, &t->handle, "qdisc handle")))
				return -1;
			t->has_handle = true;
		} else if (cls && !strcmp(w, "handle")) {
			return p_bad(p, w, "a class is named by classid ID, not "
			             "handle");
		} else if (!strcmp(w, "root")) {
			if (t->has_parent)
				return p_bad(p, w, "the parent was already given");
			t->parent = TC_H_ROOT;
			t->has_parent = true;
		} else if (!strcmp(w, "parent")) {
			if (t->has_parent)
				return p_twice(p, w);
			if (!(v = p_value(p, "parent class ID")) ||
			    take_classid(p, v, &t->parent, "parent class ID"))
				return -1;
			t->has_parent = true;
		} else if ((rc = refuse_tc_word(p, w)) <= 0) {
			return rc;
		} else {
			if (take_kind(p, w, cls))
				return -1;
			break;
		}
	}
	if (!t->dev[0])
		return p_missing(p, cls ? "dev NAME (the interface the class is "
		                 "on)" : "dev NAME (the interface the qdisc is on)");
	if (!t->has_parent && (!cls || !del))
		return p_missing(p, cls ? "parent ID (the qdisc or class above "
		                 "it)" : "root or parent ID (where the qdisc goes)");
	if (cls && !t->has_handle)
		return p_missing(p, "classid ID (the class, like 1:10)");
	if (!del && !t->kind[0])
		return p_missing(p, cls ? "class kind (htb)" :
		                 "qdisc kind (netem, tbf, htb, pfifo, ...)");
	return 0;
}

int parse_tc_qdisc_change(struct parser *p)
{
	return parse_change(p, false);
}

int parse_tc_class_change(struct parser *p)
{
	return parse_change(p, true);
}

/* tc qdisc show [dev NAME] [root|parent P|handle H] [invisible];
 * tc class show dev NAME [parent P|root] [classid C] [qdisc H] */
int parse_tc_show(struct parser *p)
{
	struct cmd_tc *t = &p->c->u.tc;
	bool cls = p->c->verb == CMD_TC_CLASS_SHOW;
	int rc;

	while (p_more(p)) {
		const char *w = p_next(p), *v;

		if (!strcmp(w, "dev")) {
			if (t->dev[0])
				return p_twice(p, w);
			if (!(v = p_value(p, "interface name")) ||
			    p_take_ifname(p, v, t->dev))
				return -1;
		} else if (!strcmp(w, "root")) {
			if (t->has_parent || (!cls && t->has_handle))
				return p_bad(p, w, "the parent or handle was "
				             "already given");
			t->parent = TC_H_ROOT;
			t->has_parent = true;
		} else if (cls ? !strcmp(w, "parent") : kw_matches(w, "parent")) {
			if (t->has_parent || (!cls && t->has_handle))
				return p_bad(p, w, "the parent or handle was "
				             "already given");
			if (!(v = p_value(p, "parent class ID")) ||
			    take_classid(p, v, &t->parent, "parent class ID"))
				return -1;
			t->has_parent = true;
		} else if (!cls && kw_matches(w, "handle")) {
			if (t->has_parent || t->has_handle)
				return p_bad(p, w, "the parent or handle was "
				             "already given");
			if (!(v = p_value(p, "qdisc handle")) ||
			    take_qdisc_handle(p, v, &t->handle, "qdisc handle"))
				return -1;
			t->has_handle = true;
		} else if (!cls && !strcmp(w, "invisible")) {
			if (t->invisible)
				return p_twice(p, w);
			t->invisible = true;
		} else if (cls && !strcmp(w, "classid")) {
			if (t->has_handle)
				return p_twice(p, w);
			if (!(v = p_value(p, "class ID")) ||
			    take_classid(p, v, &t->handle, "class ID"))
				return -1;
			t->has_handle = true;
		} else if (cls && !strcmp(w, "qdisc")) {
			if (t->has_qdisc)
				return p_twice(p, w);
			if (!(v = p_value(p, "qdisc handle")) ||
			    take_qdisc_handle(p, v, &t->qdisc, "qdisc handle"))
				return -1;
			t->has_qdisc = true;
		} else if ((rc = refuse_tc_word(p, w)) <= 0) {
			return rc;
		} else {
			p->i--;
			return p_bad(p, w, "unknown tc %s show argument (expected "
			             "%s)", cls ? "class" : "qdisc", cls ?
			             "dev NAME, root, parent ID, classid ID or "
			             "qdisc H:" : "dev NAME, root, parent ID, "
			             "handle H: or invisible");
		}
	}
	if (cls && !t->dev[0])
		return p_missing(p, "dev NAME (tc class show lists one "
		                 "interface's classes)");
	return 0;
}

/* ---- canonical text -------------------------------------------------------- */

static void canon_handle(struct canon *o, const char *kw, uint32_t h)
{
	char buf[32];

	canon_word(o, kw);
	tc_classid_str(h, buf, sizeof buf);
	canon_word(o, buf);
}

void canon_tc(const struct cmd *c, struct canon *o)
{
	const struct cmd_entry *e = cmd_verb_entry(c->verb);
	const struct cmd_tc *t = &c->u.tc;
	bool cls = !strcmp(e->object, "tc class");
	bool show = c->verb == CMD_TC_QDISC_SHOW || c->verb == CMD_TC_CLASS_SHOW;

	canon_word(o, "tc");
	if (o->show_ns && c->ns[0]) {
		canon_word(o, "-n");
		canon_word(o, c->ns);
	}
	for (int i = 0; i < c->opts.stats; i++)
		canon_word(o, "-s");
	if (c->opts.details)
		canon_word(o, "-d");
	canon_word(o, e->object + strlen("tc "));
	canon_word(o, e->say);
	if (t->dev[0]) {
		canon_word(o, "dev");
		canon_word(o, t->dev);
	}
	if (cls) {
		if (t->has_parent && t->parent == TC_H_ROOT)
			canon_word(o, "root");
		else if (t->has_parent)
			canon_handle(o, "parent", t->parent);
		if (t->has_handle)
			canon_handle(o, "classid", t->handle);
		if (t->has_qdisc)
			canon_handle(o, "qdisc", t->qdisc);
	} else {
		if (t->has_handle)
			canon_handle(o, "handle", t->handle);
		if (t->has_parent && t->parent == TC_H_ROOT)
			canon_word(o, "root");
		else if (t->has_parent)
			canon_handle(o, "parent", t->parent);
		if (t->invisible)
			canon_word(o, "invisible");
	}
	if (show || !t->kind[0])
		return;
	canon_word(o, t->kind);
	if (t->o.kind && t->o.kind->canon && t->o.any)
		t->o.kind->canon(o, &t->o, cls);
}
