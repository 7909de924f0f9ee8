/* SPDX-License-Identifier: GPL-2.0-or-later */
/* grammar.c - words to struct cmd: the options before the object, the
 * object word, the verb word, then the verb's own parser, all through
 * the verb table (verbs.c).  Pure: nothing here looks at the kernel.
 */
#include "cmd/cmd.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "cmd/parse_int.h"
#include "cmd/verbs.h"

/* The first word of a NUL-separated list matching w (exactly, for nsviz's
 * own objects), or NULL. */
static const char *match_words(const char *words, const char *w, bool exact)
{
	for (const char *k = words; *k; k += strlen(k) + 1)
		if (exact ? !strcmp(w, k) : kw_matches(w, k))
			return k;
	return NULL;
}

/* The entry the typed verb word w of object stands for (unsupported
 * words have verb CMD_NONE); NULL when none.  *full: the word matched. */
static const struct cmd_entry *find_verb(const struct cmd_object *o,
                                         const char *w, const char **full)
{
	for (size_t i = 0; i < cmd_nentries; i++) {
		const struct cmd_entry *e = &cmd_entries[i];
		const char *k;

		if (!e->words || strcmp(e->object, o->name))
			continue;
		if ((k = match_words(e->words, w, o->exact))) {
			*full = k;
			return e;
		}
	}
	return NULL;
}

/* An entry for an object that is its own command (ping, sysctl, send). */
static const struct cmd_entry *own_command(const struct cmd_object *o)
{
	for (size_t i = 0; i < cmd_nentries; i++)
		if (!cmd_entries[i].words && !strcmp(cmd_entries[i].object, o->name))
			return &cmd_entries[i];
	return NULL;
}

/* "expected add, set, del or show" */
static const char *join_hint(struct parser *p, const char **said, size_t n)
{
	size_t len = (size_t)snprintf(p->hintbuf, sizeof p->hintbuf, "expected");

	for (size_t i = 0; i < n && len < sizeof p->hintbuf; i++)
		len += (size_t)snprintf(p->hintbuf + len, sizeof p->hintbuf - len,
		                        "%s%s", i == 0 ? " " :
		                        i + 1 == n ? " or " : ", ", said[i]);
	return p->hintbuf;
}

const char *p_verbs_hint(struct parser *p, const char *object)
{
	const char *said[64];
	size_t n = 0;

	for (size_t i = 0; i < cmd_nentries && n < 64; i++)
		if (cmd_entries[i].say && !strcmp(cmd_entries[i].object, object))
			said[n++] = cmd_entries[i].say;
	return join_hint(p, said, n);
}

const char *p_objects_hint(struct parser *p)
{
	const char *said[64];
	size_t n = 0;

	for (size_t i = 0; i < cmd_nobjects && n < 64; i++) {
		const struct cmd_object *o = &cmd_objects[i];
		bool dup = false;

		if (!o->supported || !o->name)
			continue;
		for (size_t k = 0; k < n; k++)
			dup |= !strcmp(said[k], o->name);
		if (!dup)
			said[n++] = o->name;
	}
	return join_hint(p, said, n);
}

/* "ne: means neighbor, which ..." when abbreviated, "rule: ..." when not.
 * For an object's verbs the message starts with the object as typed
 * ("l rep: means link replace, ..."); obj is its name. */
static int unsupported(struct parser *p, const char *obj, const char *w,
                       const char *full, const char *hint)
{
	char b1[SHOWN_MAX], b2[SHOWN_MAX];
	const char *typed = *obj ? p_shown(p->argv[p->first], b1) : "";
	const char *sp = *obj ? " " : "";

	if (strcmp(w, full))
		return p_fail(p, "%s%s%s: means %s%s%s, which nsviz does not "
		              "support (%s)", typed, sp, p_shown(w, b2), obj, sp,
		              full, hint);
	return p_fail(p, "%s%s%s: not supported by nsviz (%s)", typed, sp,
	              p_shown(w, b2), hint);
}

/* Run the entry's parser on the rest of the words. */
static int parse_entry(struct parser *p, const struct cmd_entry *e)
{
	p->e = e;
	p->c->verb = e->verb;
	if (e->init)
		e->init(p->c);
	return e->parse(p);
}

/* The object word and what follows it. */
int p_object(struct parser *p)
{
	const char *w, *full = NULL;
	const struct cmd_object *o;
	const struct cmd_entry *e;

	p->first = p->i;
	w = p_next(p);
	o = cmd_find_object(w);
	if (!o)
		return p_bad(p, w, "unknown command (%s)", p_objects_hint(p));
	if (!o->supported) {
		if (o->why)
			return p_bad(p, w, "%s", o->why);
		return unsupported(p, "", w, o->word, p_objects_hint(p));
	}
	if ((e = own_command(o)))
		return parse_entry(p, e);
	if (!p_more(p)) {
		if (!o->dflt) {
			char what[300];

			snprintf(what, sizeof what, "%s (%s)",
			         o->need ? o->need : "command",
			         p_verbs_hint(p, o->name));
			return p_missing(p, what);
		}
		p->verb_word = NULL;
		e = find_verb(o, o->dflt, &full);
		return parse_entry(p, e);
	}
	w = p_next(p);
	p->verb_word = w;
	e = find_verb(o, w, &full);
	if (!e) {
		char b1[SHOWN_MAX], b2[SHOWN_MAX];

		if (o->exact)
			return p_bad(p, w, "unknown %s command (%s)", o->name,
			             p_verbs_hint(p, o->name));
		return p_fail(p, "%s %s: unknown %s command (%s)",
		              p_shown(p->argv[p->first], b1), p_shown(w, b2),
		              o->name, p_verbs_hint(p, o->name));
	}
	if (e->verb == CMD_NONE)
		return unsupported(p, o->name, w, full, p_verbs_hint(p, o->name));
	return parse_entry(p, e);
}

/* [ip|nsviz] [-n NS] [-4|-6|-0] [-br -s -d -o -j -p -a] OBJECT ... (a
 * leading `nsviz` so that the canonical `nsviz echo list` reads back) */
int p_words(struct parser *p, bool ip_seen)
{
	struct cmd *c = p->c;

	p->first = 0;
	if (!ip_seen && p_more(p) &&
	    (!strcmp(p_peek(p), "ip") || !strcmp(p_peek(p), "nsviz")))
		p->i++;
	while (p_more(p) && p_peek(p)[0] == '-' && p_peek(p)[1]) {
		const char *o = p_next(p), *opt = o;
		int fam = 0;

		if (o[1] == '-' && o[2])
			opt = o + 1;    /* --netns, as iproute2 allows */
		if (!strcmp(opt, "-4")) {
			fam = AF_INET;
		} else if (!strcmp(opt, "-6")) {
			fam = AF_INET6;
		} else if (!strcmp(opt, "-0")) {
			fam = AF_PACKET;
		} else if (kw_abbrev(opt, "-family", 2)) {
			const char *v = p_value(p, "family (inet, inet6 or link)");

			if (!v)
				return -1;
			if (!strcmp(v, "inet"))
				fam = AF_INET;
			else if (!strcmp(v, "inet6"))
				fam = AF_INET6;
			else if (!strcmp(v, "link"))
				fam = AF_PACKET;
			else
				return p_bad(p, v, "family not supported "
				             "(expected inet, inet6 or link)");
		} else if (kw_abbrev(opt, "-brief", 3)) {
			c->opts.brief = true;
		} else if (kw_matches(opt, "-stats") ||
		           kw_matches(opt, "-statistics")) {
			c->opts.stats++;
		} else if (kw_matches(opt, "-details")) {
			c->opts.details = true;
		} else if (kw_matches(opt, "-oneline")) {
			c->opts.oneline = true;
		} else if (kw_matches(opt, "-json")) {
			c->opts.json = true;
		} else if (kw_matches(opt, "-pretty")) {
			c->opts.pretty = true;
		} else if (kw_abbrev(opt, "-all", 2)) {
			c->all = true;
		} else if (kw_abbrev(opt, "-netns", 2)) {
			const char *v;

			if (c->ns[0])
				return p_twice(p, o);
			if (!(v = p_value(p, "namespace name")))
				return -1;
			if (p_take_nsname(p, v, c->ns))
				return -1;
		} else {
			return p_bad(p, o, "unknown option (expected -n NS, -4, -6, "
			             "-0, -br, -s, -d, -o, -j or -p before the "
			             "command)");
		}
		if (fam) {
			if (c->family && c->family != fam)
				return p_bad(p, o, "conflicts with %s",
				             p_family_opt(c->family));
			c->family = fam;
		}
	}
	c->opts.family = c->family;
	if (!p_more(p)) {
		char what[300];

		if (p->argc == 0)
			return p_fail(p, "empty command (%s)", p_objects_hint(p));
		snprintf(what, sizeof what, "command (%s)", p_objects_hint(p));
		return p_missing(p, what);
	}
	return p_object(p);
}

/* ---- public ------------------------------------------------------------ */

int cmd_parse(int argc, char **argv, struct cmd *c, char *err, size_t errlen)
{
	struct parser p;

	memset(c, 0, sizeof *c);
	if (err && errlen)
		err[0] = '\0';
	memset(&p, 0, sizeof p);
	p.argc = argv ? argc : 0;
	p.argv = argv;
	p.c = c;
	p.err = err;
	p.errlen = errlen;
	if (p.argc < 0)
		p.argc = 0;
	if (p_words(&p, false) == 0)
		return 0;
	if (err && errlen && !err[0])
		snprintf(err, errlen, "invalid command");
	cmd_free(c);
	memset(c, 0, sizeof *c);
	return -1;
}

void cmd_free(struct cmd *c)
{
	if (!c)
		return;
	if (c->exec_argv) {
		for (int k = 0; k < c->exec_argc; k++)
			free(c->exec_argv[k]);
		free(c->exec_argv);
	}
	c->exec_argv = NULL;
	c->exec_argc = 0;
	if (c->sub) {
		cmd_free(c->sub);
		free(c->sub);
	}
	c->sub = NULL;
	if (c->verb == CMD_SEND) {
		free(c->u.echo.message);
		c->u.echo.message = NULL;
	}
}

bool cmd_changes(const struct cmd *c)
{
	const struct cmd_entry *e = cmd_verb_entry(c->verb);

	if (c->verb == CMD_NETNS_EXEC)
		/* a program may do anything, but nsviz cannot know; an
		 * in-process sub-command changes what it changes */
		return c->sub && cmd_changes(c->sub);
	if (c->verb == CMD_SYSCTL)
		return c->u.sysctl.write;
	return e && (e->flags & CMD_F_CHANGES);
}

bool cmd_sends_traffic(const struct cmd *c)
{
	const struct cmd_entry *e = cmd_verb_entry(c->verb);

	return e && (e->flags & CMD_F_SENDS_TRAFFIC);
}

/* The keyword an object or verb word stands for, by the tables and rules
 * cmd_parse uses: NULL when it stands for nothing nsviz does. */
const char *cmd_keyword(const char *object, const char *w)
{
	const struct cmd_object *o;
	const struct cmd_entry *e;
	const char *full = NULL;

	if (!object) {
		o = cmd_find_object(w);
		return o && o->supported ? o->word : NULL;
	}
	o = cmd_find_object(object);
	if (!o || !o->supported || !o->name || strcmp(o->word, object))
		return NULL;
	e = find_verb(o, w, &full);
	return e && e->verb != CMD_NONE ? full : NULL;
}
