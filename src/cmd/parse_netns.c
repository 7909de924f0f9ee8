/* SPDX-License-Identifier: GPL-2.0-or-later */
/* parse_netns.c - netns list|list-id|add|set|del|pids|identify|exec|
 * attach: parse and canonical text.  Names are the same in every
 * namespace, so only list, list-id and set (the ids are per namespace)
 * and identify (it names where it runs) take a -n (CMD_F_TAKES_NS in the
 * table).  -all goes with exec and del (every named namespace, in
 * directory order, as ip 6.1 does) and, ignored as by ip, list. */
#include "cmd/parse_int.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/sbuf.h"

void netns_init(struct cmd *c)
{
	memset(&c->u.netns, 0, sizeof c->u.netns);
	c->u.netns.nsid = -1;
	c->u.netns.target_nsid = -1;
}

/* the checks every netns verb makes first */
static int netns_head(struct parser *p)
{
	struct cmd *c = p->c;

	if (c->family)
		return p_bad(p, p_family_opt(c->family),
		             "not meaningful for netns commands");
	if (c->ns[0] && !(p->e->flags & CMD_F_TAKES_NS))
		return p_fail(p, "-n %s: netns %s takes no -n (namespace names "
		              "are the same in every namespace)", c->ns,
		              p->e->say);
	if (c->all && c->verb != CMD_NETNS_EXEC && c->verb != CMD_NETNS_DEL &&
	    c->verb != CMD_NETNS_LIST)
		return p_fail(p, "-all: not meaningful for netns %s (-all goes "
		              "with netns exec and netns del)", p->e->say);
	return 0;
}

/* netns list [NAME]: ip accepts a name and ignores it */
int parse_netns_list(struct parser *p)
{
	if (netns_head(p))
		return -1;
	if (p_more(p) && p_take_nsname(p, p_next(p), p->c->u.netns.name))
		return -1;
	return p_more(p) ? p_unexpected(p) : 0;
}

/* netns add|del|pids NAME */
int parse_netns_name(struct parser *p)
{
	struct cmd *c = p->c;

	if (netns_head(p))
		return -1;
	if (c->all) {
		/* ip 6.1 deletes every namespace and ignores a name: refuse
		 * one, it says something else than what would be done */
		if (p_more(p))
			return p_bad(p, p_peek(p), "-all netns del deletes every "
			             "named namespace and takes no name");
		return 0;
	}
	if (!p_more(p))
		return p_missing(p, "namespace name");
	if (p_take_nsname(p, p_peek(p), c->u.netns.name) ||
	    (c->verb == CMD_NETNS_ADD &&
	     p_check_new_name(p, p_peek(p), "namespace")))
		return -1;
	p->i++;
	return p_more(p) ? p_unexpected(p) : 0;
}

int parse_netns_identify(struct parser *p)
{
	if (netns_head(p))
		return -1;
	if (p_more(p)) {
		unsigned long long v;
		const char *pid = p_next(p);

		if (!p_u64(pid, INT_MAX, &v) || v == 0)
			return p_bad(p, pid, "not a process id (expected a "
			             "positive number like 1234)");
		p->c->u.netns.pid = (pid_t)v;
	}
	return p_more(p) ? p_unexpected(p) : 0;
}

/* A number ip calls POSITIVE-INT (0 included): 0..INT_MAX */
static int take_nsid(struct parser *p, const char *kw, const char *v,
                     int *dst)
{
	unsigned long long n;

	if (!p_u64(v, INT_MAX, &n))
		return p_bad(p, v, "not a valid %s (expected a number 0..%d)",
		             kw, INT_MAX);
	*dst = (int)n;
	return 0;
}

static int take_target(struct parser *p, const char *kw, const char *v)
{
	return take_nsid(p, kw, v, &p->c->u.netns.target_nsid);
}

static int take_listed(struct parser *p, const char *kw, const char *v)
{
	return take_nsid(p, kw, v, &p->c->u.netns.nsid);
}

/* as ip: both keywords exact */
static const struct cmd_option list_id_options[] = {
	{ "target-nsid", 0, 0, "nsid", take_target },
	{ "nsid", 0, 1, "nsid", take_listed },
	{ NULL, 0, 0, NULL, NULL }
};

/* netns list-id [target-nsid N] [nsid N] */
int parse_netns_list_id(struct parser *p)
{
	if (netns_head(p))
		return -1;
	return p_options(p, list_id_options, NULL);
}

/* netns set NAME N|auto: the number the namespace of -n gives NAME */
int parse_netns_set(struct parser *p)
{
	struct cmd *c = p->c;
	const char *v;

	if (netns_head(p))
		return -1;
	if (!p_more(p))
		return p_missing(p, "namespace name");
	if (p_take_nsname(p, p_next(p), c->u.netns.name))
		return -1;
	if (!(v = p_value(p, "nsid (a number, or auto)")))
		return -1;
	if (!strcmp(v, "auto")) {
		c->u.netns.nsid = -1;
	} else {
		unsigned long long n;

		if (!p_u64(v, INT_MAX, &n))
			return p_bad(p, v, "not a valid nsid (expected auto or "
			             "a number 0..%d)", INT_MAX);
		c->u.netns.nsid = (int)n;
	}
	return p_more(p) ? p_unexpected(p) : 0;
}

/* netns attach NAME PID: a name for the namespace of process PID */
int parse_netns_attach(struct parser *p)
{
	struct cmd *c = p->c;
	unsigned long long v;
	const char *pid;

	if (netns_head(p))
		return -1;
	if (!p_more(p))
		return p_missing(p, "namespace name");
	if (p_take_nsname(p, p_peek(p), c->u.netns.name) ||
	    p_check_new_name(p, p_peek(p), "namespace"))
		return -1;
	p->i++;
	if (!(pid = p_value(p, "process id")))
		return -1;
	if (!p_u64(pid, INT_MAX, &v) || v == 0)
		return p_bad(p, pid, "not a process id (expected a positive "
		             "number like 1234)");
	c->u.netns.pid = (pid_t)v;
	return p_more(p) ? p_unexpected(p) : 0;
}

/* Words that, right after `netns exec NAME`, mean nsviz's own command
 * rather than a program: `ip` and the full object names. */
static bool runs_in_process(const char *prog)
{
	static const char *const words[] = {
		"ip", "link", "addr", "address", "route", "ping", "netns",
		"neigh", "neighbor", "neighbour", "sysctl", "bridge", "nft", "tc",
		NULL
	};

	for (const char *const *w = words; *w; w++)
		if (!strcmp(prog, *w))
			return true;
	return false;
}

/* `nsviz echo ...` and `nsviz send ...` after `netns exec NAME`: nsviz's
 * own commands (the canonical spelling of `-n NS echo|send`), run by this
 * nsviz rather than by a second one. */
static bool nsviz_own(const struct parser *p)
{
	return p->i + 1 < p->argc && !strcmp(p->argv[p->i], "nsviz") &&
	       (!strcmp(p->argv[p->i + 1], "echo") ||
	        !strcmp(p->argv[p->i + 1], "send"));
}

/* The rest of `netns exec NAME ip ...` as a command of its own. */
static int parse_sub(struct parser *p, const char *name)
{
	struct cmd *c = p->c;
	const char *prog = p_peek(p);
	struct parser sp;
	struct cmd *sub = xcalloc(1, sizeof *sub);
	bool ip = !strcmp(prog, "ip");
	bool skip = ip || !strcmp(prog, "nsviz");
	const struct cmd_entry *se;

	c->sub = sub;   /* owned from here on: cmd_free releases it */
	memset(&sp, 0, sizeof sp);
	sp.argc = p->argc - p->i - (skip ? 1 : 0);
	sp.argv = p->argv + p->i + (skip ? 1 : 0);
	sp.c = sub;
	sp.err = p->err;
	sp.errlen = p->errlen;
	if (!strcmp(prog, "nft"))
		sp.i = 1;
	if (ip ? p_words(&sp, true) :
	    !strcmp(prog, "bridge") || !strcmp(prog, "tc") ?
	    p_words(&sp, false) :
	    !strcmp(prog, "nft") ? p_nft_words(&sp) : p_object(&sp))
		return -1;
	se = cmd_verb_entry(sub->verb);
	if (se && (se->flags & CMD_F_NOT_IN_EXEC)) {
		if (!strcmp(se->object, "echo"))
			return p_bad(p, sp.argv[sp.first], "echo list, stop and "
			             "log cannot run inside netns exec (they cover "
			             "the servers of every namespace)");
		return p_bad(p, sp.argv[sp.first], "netns commands cannot run "
		             "inside netns exec (namespace names are the same "
		             "in every namespace)");
	}
	if (sub->ns[0] && c->all)
		return p_fail(p, "-n %s: not allowed inside -all netns exec "
		              "(the command runs in every namespace)", sub->ns);
	if (sub->ns[0])
		return p_fail(p, "-n %s: not allowed inside netns exec %s "
		              "(the command already runs there)", sub->ns, name);
	p_copy(sub->ns, sizeof sub->ns, name);
	p->i = p->argc;
	return 0;
}

int parse_netns_exec(struct parser *p)
{
	struct cmd *c = p->c;
	const char *name, *prog;

	if (netns_head(p))
		return -1;
	if (c->all) {
		/* -all netns exec PROG...: the name is each one's */
		name = "";
	} else {
		if (!p_more(p))
			return p_missing(p, "namespace name");
		name = p_next(p);
		if (p_take_nsname(p, name, c->u.netns.name))
			return -1;
	}
	if (!p_more(p))
		return p_missing(p, "program to run");
	prog = p_peek(p);

	if (!strcmp(prog, "ip") && p->i + 1 == p->argc) {
		char what[300];

		p->i++;
		snprintf(what, sizeof what, "command (%s)", p_objects_hint(p));
		return p_missing(p, what);
	}
	if (runs_in_process(prog) || nsviz_own(p))
		return parse_sub(p, name);

	c->exec_argc = p->argc - p->i;
	c->exec_argv = xcalloc((size_t)c->exec_argc + 1, sizeof *c->exec_argv);
	for (int k = 0; k < c->exec_argc; k++)
		c->exec_argv[k] = xstrdup(p->argv[p->i + k]);
	p->i = p->argc;
	return 0;
}

/* ---- canonical text ------------------------------------------------------ */

void canon_netns(const struct cmd *c, struct canon *o)
{
	const struct cmd_netns *n = &c->u.netns;

	canon_ip_head(c, o);
	if (c->all)
		canon_word(o, "-all");
	canon_word(o, "netns");
	canon_word(o, cmd_verb_entry(c->verb)->say);
	switch (c->verb) {
	case CMD_NETNS_IDENTIFY:
		if (n->pid > 0)
			canon_wordf(o, "%ld", (long)n->pid);
		break;
	case CMD_NETNS_LIST_ID:
		if (n->target_nsid >= 0) {
			canon_word(o, "target-nsid");
			canon_wordf(o, "%d", n->target_nsid);
		}
		if (n->nsid >= 0) {
			canon_word(o, "nsid");
			canon_wordf(o, "%d", n->nsid);
		}
		break;
	case CMD_NETNS_SET:
		canon_word(o, n->name);
		if (n->nsid >= 0)
			canon_wordf(o, "%d", n->nsid);
		else
			canon_word(o, "auto");
		break;
	case CMD_NETNS_ATTACH:
		canon_word(o, n->name);
		canon_wordf(o, "%ld", (long)n->pid);
		break;
	default:
		if (n->name[0])
			canon_word(o, n->name);
		break;
	}
}

void canon_netns_exec(const struct cmd *c, struct canon *o)
{
	bool show_ns = o->show_ns;

	o->show_ns = false;
	canon_ip_head(c, o);
	if (c->all)
		canon_word(o, "-all");
	canon_word(o, "netns");
	canon_word(o, "exec");
	if (!c->all)
		canon_word(o, c->u.netns.name);
	if (c->sub) {
		canon_cmd(c->sub, o);
	} else {
		for (int k = 0; k < c->exec_argc; k++)
			canon_word(o, c->exec_argv[k]);
	}
	o->show_ns = show_ns;
}
