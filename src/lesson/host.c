/* SPDX-License-Identifier: GPL-2.0-or-later */
/* host.c - `nsviz lesson --host`: before a lesson changes the machine's
 * real network, say what it will change (from its setup and show-me
 * commands, which nsviz runs itself; the learner's typed commands are
 * the learner's), and ask; without a terminal to ask, only --yes goes
 * on. */
#include "lesson/priv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd/cmd.h"
#include "echo/echo.h"
#include "util/sbuf.h"

/* A list of words, each once, in the order first seen. */
struct names {
	char **v;
	size_t n, cap;
};

static void names_add(struct names *s, const char *a, const char *ns)
{
	struct sbuf b = SBUF_INIT;

	if (ns && *ns)
		sbuf_printf(&b, "%s (in %s)", a, ns);
	else
		sbuf_add(&b, a);
	for (size_t i = 0; i < s->n; i++) {
		if (!strcmp(s->v[i], sbuf_str(&b))) {
			sbuf_free(&b);
			return;
		}
	}
	xgrow((void **)&s->v, &s->cap, s->n + 1, sizeof *s->v);
	s->v[s->n++] = xstrdup(sbuf_str(&b));
	sbuf_free(&b);
}

static bool names_has(const struct names *s, const char *a)
{
	for (size_t i = 0; i < s->n; i++)
		if (!strcmp(s->v[i], a))
			return true;
	return false;
}

static void names_free(struct names *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
	memset(s, 0, sizeof *s);
}

enum { MADE_NS, GONE_NS, MADE_LINK, GONE_LINK, SET_LINK, ADD_ADDR, DEL_ADDR,
       ADD_ROUTE, DEL_ROUTE, SYSCTLS, SERVERS, NGROUPS };

static const char *const group_name[NGROUPS] = {
	"namespaces it makes", "namespaces it deletes",
	"interfaces it makes", "interfaces it deletes",
	"interfaces it changes that it did not make",
	"addresses it adds", "addresses it deletes",
	"routes it adds", "routes it deletes", "settings it writes",
	"echo servers it starts",
};

struct changes {
	struct names g[NGROUPS];
	struct names made;      /* interfaces made, by name */
};

static void note(struct changes *ch, const char *line)
{
	char **words = NULL;
	char err[512];
	struct cmd c;
	const struct cmd *e;
	struct sbuf b = SBUF_INIT;
	char a[80];
	int n = cmd_split(line, &words, err, sizeof err);

	if (n <= 0 || cmd_parse(n, words, &c, err, sizeof err) < 0) {
		cmd_free_words(words, n);
		return;
	}
	cmd_free_words(words, n);
	if (!cmd_changes(&c)) {
		cmd_free(&c);
		return;
	}
	e = c.verb == CMD_NETNS_EXEC && c.sub ? c.sub : &c;
	switch (e->verb) {
	case CMD_NETNS_ADD:
		names_add(&ch->g[MADE_NS], e->u.netns.name, NULL);
		break;
	case CMD_NETNS_DEL:
		names_add(&ch->g[GONE_NS], e->u.netns.name, NULL);
		break;
	case CMD_LINK_ADD:
		names_add(&ch->g[MADE_LINK], e->u.link.name, e->ns);
		names_add(&ch->made, e->u.link.name, NULL);
		if (e->u.link.peer[0]) {
			names_add(&ch->g[MADE_LINK], e->u.link.peer,
			          e->u.link.peer_ns[0] ? e->u.link.peer_ns : e->ns);
			names_add(&ch->made, e->u.link.peer, NULL);
		}
		break;
	case CMD_LINK_DEL:
		names_add(&ch->g[GONE_LINK], e->u.link.name, e->ns);
		break;
	case CMD_LINK_SET:
		if (!names_has(&ch->made, e->u.link.name))
			names_add(&ch->g[SET_LINK], e->u.link.name, e->ns);
		break;
	case CMD_ADDR_ADD:
	case CMD_ADDR_DEL:
		sbuf_printf(&b, "%s/%d on %s",
		            w_ip_str(&e->u.addr.addr, a, sizeof a),
		            e->u.addr.prefixlen, e->u.addr.dev);
		names_add(&ch->g[e->verb == CMD_ADDR_ADD ? ADD_ADDR : DEL_ADDR],
		          sbuf_str(&b), e->ns);
		break;
	case CMD_ROUTE_ADD:
	case CMD_ROUTE_DEL: {
		struct cmd r = *e;
		const char *t;

		/* the route as the command names it, without `ip -n NS` */
		r.ns[0] = '\0';
		cmd_canonical(&r, &b);
		t = strstr(sbuf_str(&b), e->verb == CMD_ROUTE_ADD ? "route add "
		                                                  : "route del ");
		names_add(&ch->g[e->verb == CMD_ROUTE_ADD ? ADD_ROUTE : DEL_ROUTE],
		          t ? t + 10 : sbuf_str(&b), e->ns);
		break;
	}
	case CMD_SYSCTL:
		sbuf_printf(&b, "%s=%s", e->u.sysctl.key, e->u.sysctl.value);
		names_add(&ch->g[SYSCTLS], sbuf_str(&b), e->ns);
		break;
	case CMD_ECHO_START:
		snprintf(a, sizeof a, "%s port %u",
		         echo_proto_name(e->u.echo.proto == ECHO_UDP ? ECHO_UDP
		                                                   : ECHO_TCP),
		         e->u.echo.port);
		names_add(&ch->g[SERVERS], a, e->ns);
		break;
	default:
		break;
	}
	sbuf_free(&b);
	cmd_free(&c);
}

/* "  text" wrapped at 78 columns, continued 4 in */
static void wrap_item(const char *text, struct sbuf *out)
{
	struct sbuf b = SBUF_INIT;
	const char *p;
	bool first = true;

	lesson_wrap(text, 74, &b);
	for (p = sbuf_str(&b); *p;) {
		size_t n = strcspn(p, "\n");

		sbuf_printf(out, "%s%.*s\n", first ? "  " : "    ", (int)n, p);
		first = false;
		p += n;
		if (*p)
			p++;
	}
	sbuf_free(&b);
}

void lesson_host_changes(const struct lesson *l, struct sbuf *out)
{
	struct changes ch;

	memset(&ch, 0, sizeof ch);
	for (size_t i = 0; l->setup && l->setup[i]; i++)
		note(&ch, l->setup[i]);
	for (size_t i = 0; i < l->nsteps; i++)
		for (size_t k = 0; l->steps[i].showme && l->steps[i].showme[k];
		     k++)
			note(&ch, l->steps[i].showme[k]);
	for (int g = 0; g < NGROUPS; g++) {
		struct sbuf line = SBUF_INIT;

		if (!ch.g[g].n)
			continue;
		sbuf_printf(&line, "%s:", group_name[g]);
		for (size_t i = 0; i < ch.g[g].n; i++)
			sbuf_printf(&line, "%s %s", i ? "," : "", ch.g[g].v[i]);
		wrap_item(sbuf_str(&line), out);
		sbuf_free(&line);
		names_free(&ch.g[g]);
	}
	names_free(&ch.made);
}

int lesson_host_warning(const struct lesson *l, bool yes)
{
	struct sbuf what = SBUF_INIT, head = SBUF_INIT, wrapped = SBUF_INIT;
	char line[64];

	lesson_host_changes(l, &what);
	sbuf_printf(&head, "nsviz: lesson --host: lesson %d \"%s\" will change "
	            "the real network of this machine, not a sandbox's.  Its "
	            "setup and show me (%s) make these changes, and its steps "
	            "ask you to make them:", lesson_number(l), lesson_title(l),
	            lesson_filename(l));
	lesson_wrap(sbuf_str(&head), 78, &wrapped);
	fprintf(stderr, "%s%s", sbuf_str(&wrapped),
	        what.len ? sbuf_str(&what) : "  (nothing)\n");
	fputs("They stay after the lesson.  Without --host the lesson runs in a "
	      "private\nsandbox that vanishes when it ends.\n", stderr);
	sbuf_free(&head);
	sbuf_free(&wrapped);
	sbuf_free(&what);
	if (yes)
		return 0;
	if (!isatty(0) || !isatty(2)) {
		fputs("nsviz: lesson --host: no terminal to ask: not on the host "
		      "(--yes goes on without asking)\n", stderr);
		return -1;
	}
	fputs("Type yes to go on: ", stderr);
	if (!fgets(line, sizeof line, stdin) || strcmp(line, "yes\n") != 0) {
		fputs("nsviz: lesson: not on the host, then.\n", stderr);
		return -1;
	}
	return 0;
}
