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

		if (!o->supported || !o->name || o->tool != p->tool ||
		    (p->ip && !strcmp(o->name, "nft")))
			continue;
		for (size_t k = 0; k < n; k++)
			dup |= !strcmp(said[k], o->name);
		if (!dup)
			said[n++] = o->tool ? o->word : o->name;
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

/* The first output option before the object, as typed (messages) */
static const char *typed_option(const struct parser *p)
{
	for (int k = 0; k < p->argc; k++) {
		const char *w = p->argv[k], *o = w[1] == '-' ? w + 1 : w;

		if (w[0] != '-')
			break;
		if (cmd_global_option(w) && strcmp(o, "-4") && strcmp(o, "-6") &&
		    strcmp(o, "-0") && !kw_abbrev(o, "-family", 2) &&
		    !kw_abbrev(o, "-netns", 2) && !kw_abbrev(o, "-all", 2))
			return w;
	}
	return "-j";
}

static bool any_output_option(const struct fmt_opts *o)
{
	return o->brief || o->stats || o->details || o->oneline || o->json ||
	       o->pretty;
}

/* Run the entry's parser on the rest of the words. */
static int parse_entry(struct parser *p, const struct cmd_entry *e)
{
	struct cmd *c = p->c;

	p->e = e;
	c->verb = e->verb;
	if (e->init)
		e->init(c);
	/* nsviz's own commands are not ip's: its output options mean
	 * nothing there (and could not be written back) */
	if ((e->flags & CMD_F_OWN) && any_output_option(&c->opts) &&
	    !((e->flags & CMD_F_OWN_JSON) && c->opts.json && !c->opts.brief &&
	      !c->opts.stats && !c->opts.details && !c->opts.oneline))
		return p_bad(p, typed_option(p), "not meaningful for %s "
		             "(an option of ip's output)", e->object);
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
	o = cmd_find_tool_object(p->tool, w);
	if (!o)
		return p_bad(p, w, "unknown %scommand (%s)",
		             cmd_tool_prefix(p->tool), p_objects_hint(p));
	if (!o->supported) {
		if (o->why)
			return p_bad(p, w, "%s", o->why);
		return unsupported(p, "", w, o->word, p_objects_hint(p));
	}
	/* `ip nft`: nft is a command of its own, read before ip's objects */
	if (!strcmp(o->name, "nft"))
		return p_bad(p, w, "not a command of ip (nft is its own: nft ..., "
		             "-n NS nft ...)");
	/* ip ignores -all elsewhere; nsviz would log a command without it */
	if (p->c->all && strcmp(o->name, "netns"))
		return p_fail(p, "-all: not meaningful for %s (-all goes with "
		              "netns exec and netns del)", o->name);
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

/* The options before the object, as iproute2 matches them. */
enum gopt { G_4, G_6, G_0, G_FAMILY, G_BRIEF, G_STATS, G_DETAILS,
            G_ONELINE, G_JSON, G_PRETTY, G_ALL, G_NETNS };

static const struct { const char *kw; size_t min; enum gopt id; } gopts[] = {
	{ "-4", 0, G_4 }, { "-6", 0, G_6 }, { "-0", 0, G_0 },
	{ "-family", 2, G_FAMILY }, { "-brief", 3, G_BRIEF },
	{ "-stats", 1, G_STATS }, { "-statistics", 1, G_STATS },
	{ "-details", 1, G_DETAILS }, { "-oneline", 1, G_ONELINE },
	{ "-json", 1, G_JSON }, { "-pretty", 1, G_PRETTY },
	{ "-all", 2, G_ALL }, { "-netns", 2, G_NETNS },
};

static int global_option(const char *o)
{
	const char *opt = o[0] == '-' && o[1] == '-' && o[2] ? o + 1 : o;

	for (size_t k = 0; k < sizeof gopts / sizeof *gopts; k++)
		if (gopts[k].min ? kw_abbrev(opt, gopts[k].kw, gopts[k].min)
		                 : !strcmp(opt, gopts[k].kw))
			return (int)gopts[k].id;
	return -1;
}

bool cmd_global_option(const char *w)
{
	return global_option(w) >= 0;
}

/* [ip|nsviz] [-n NS] [-4|-6|-0] [-br -s -d -o -j -p -a] OBJECT ... (a
 * leading `nsviz` so that the canonical `nsviz echo list` reads back) */
int p_words(struct parser *p, bool ip_seen)
{
	struct cmd *c = p->c;

	p->first = 0;
	if (!ip_seen && p_more(p) && !strcmp(p_peek(p), "bridge")) {
		p->i++;
		return p_bridge_words(p);
	}
	if (!ip_seen && p_more(p) && !strcmp(p_peek(p), "nft")) {
		p->i++;
		return p_nft_words(p);
	}
	if (!ip_seen && p_more(p) && !strcmp(p_peek(p), "tc")) {
		p->i++;
		return p_tc_words(p);
	}
	if (!ip_seen && p_more(p) &&
	    (!strcmp(p_peek(p), "ip") || !strcmp(p_peek(p), "nsviz"))) {
		ip_seen = !strcmp(p_peek(p), "ip");   /* ip has no `bridge` */
		p->i++;
	}
	p->ip = ip_seen;
	while (p_more(p) && p_peek(p)[0] == '-' && p_peek(p)[1]) {
		const char *o = p_next(p), *v;
		int fam = 0;

		switch (global_option(o)) {
		case G_4: fam = AF_INET; break;
		case G_6: fam = AF_INET6; break;
		case G_0: fam = AF_PACKET; break;
		case G_FAMILY:
			if (!(v = p_value(p, "family (inet, inet6 or link)")))
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
			break;
		case G_BRIEF: c->opts.brief = true; break;
		case G_STATS: c->opts.stats++; break;
		case G_DETAILS: c->opts.details = true; break;
		case G_ONELINE: c->opts.oneline = true; break;
		case G_JSON: c->opts.json = true; break;
		case G_PRETTY: c->opts.pretty = true; break;
		case G_ALL: c->all = true; break;
		case G_NETNS:
			if (p_netns_opt(p, o))
				return -1;
			break;
		default:
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
	/* nsviz -n NS bridge ...: nsviz's -n before bridge's command */
	if (!ip_seen && p_more(p) && !strcmp(p_peek(p), "bridge")) {
		p->i++;
		return p_bridge_words(p);
	}
	/* nsviz -n NS nft ...: nsviz's -n, nft's own options after it */
	if (!ip_seen && p_more(p) && !strcmp(p_peek(p), "nft")) {
		p->i++;
		return p_nft_words(p);
	}
	/* nsviz -n NS tc ...: nsviz's -n before tc's command */
	if (!ip_seen && p_more(p) && !strcmp(p_peek(p), "tc")) {
		p->i++;
		return p_tc_words(p);
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
	return cmd_parse_verb(argc, argv, c, err, errlen, NULL);
}

int cmd_parse_verb(int argc, char **argv, struct cmd *c, char *err,
                   size_t errlen, enum cmd_verb *verb)
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
	if (verb)
		*verb = CMD_NONE;
	if (p_words(&p, false) == 0) {
		if (verb)
			*verb = c->verb;
		return 0;
	}
	/* the verb the words got to, so that its row can be read */
	if (verb)
		*verb = p.e ? p.e->verb : CMD_NONE;
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
	if (c->verb == CMD_NFT || c->verb == CMD_NFT_LIST) {
		cmd_free_words(c->u.nft.argv, c->u.nft.argc);
		c->u.nft.argv = NULL;
		c->u.nft.argc = 0;
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
	if (c->verb == CMD_NFT)
		return !c->u.nft.check;
	return e && (e->flags & CMD_F_CHANGES);
}

int cmd_bad_input_status(enum cmd_verb verb)
{
	const struct cmd_entry *e = cmd_verb_entry(verb);

	return e && (e->flags & CMD_F_BAD_INPUT_2) ? 2 : 1;
}

bool cmd_sends_traffic(const struct cmd *c)
{
	const struct cmd_entry *e = cmd_verb_entry(c->verb);

	if (c->verb == CMD_WHY)
		/* read-only, unless it sends its one probe */
		return c->u.why.probe;
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
	/* the bridge and tc commands' objects by name: "bridge vlan" */
	if (!strncmp(object, "bridge ", 7))
		o = cmd_find_tool_object(CMD_TOOL_BRIDGE, object + 7);
	else if (!strncmp(object, "tc ", 3))
		o = cmd_find_tool_object(CMD_TOOL_TC, object + 3);
	else
		o = cmd_find_object(object);
	if (!o || !o->supported || !o->name ||
	    strcmp(o->tool ? o->name : o->word, object))
		return NULL;
	e = find_verb(o, w, &full);
	return e && e->verb != CMD_NONE ? full : NULL;
}
