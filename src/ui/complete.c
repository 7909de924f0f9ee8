/* SPDX-License-Identifier: GPL-2.0-or-later */
/* complete.c - what may come next, by where we are in the command. */
#include "ui/complete.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "cmd/cmd.h"
#include "cmd/verbs.h"
#include "util/sbuf.h"

enum want { W_NONE, W_WORDS, W_VERBS, W_OBJECTS, W_NS, W_DEV, W_BRIDGE };

struct ctx {
	const char *words[64];
	int n;              /* complete words before the one being typed */
	const char *ns;     /* -n NS given */
	const char *object; /* W_VERBS: the object's name in the verb table */
};

static const char *const link_set[] = { "up", "down", "netns", "mtu",
                                        "address", "master", "nomaster",
                                        NULL };
static const char *const link_types[] = { "veth", "bridge", NULL };
static const char *const dev_word[] = { "dev", NULL };
/* the keys the lessons use; any key under net. is taken */
static const char *const sysctl_keys[] = {
	"-w", "net.ipv4.ip_forward", "net.ipv6.conf.all.forwarding", NULL
};
static const char *const sysctl_settings[] = {
	"net.ipv4.ip_forward=1", "net.ipv4.ip_forward=0",
	"net.ipv6.conf.all.forwarding=1", "net.ipv6.conf.all.forwarding=0", NULL
};
static const char *const route_opts[] = { "via", "dev", "scope", "src",
                                          "metric", NULL };
static const char *const scopes[] = { "link", "host", "global", NULL };

/* The word as the grammar reads it: an object or verb abbreviation
 * (`ro`, `a`) stands for its full keyword, by cmd_parse's own rules. */
static const char *full_word(const char *object, const char *w)
{
	const char *full = cmd_keyword(object, w);

	return full ? full : w;
}

static bool is(const char *w, const char *kw)
{
	return !strcmp(w, kw);
}

/* Work out what the next word can be. */
static enum want what_next(struct ctx *c, const char *const **list)
{
	int i = 0;
	const char *obj, *verb, *prev;

	*list = NULL;
	if (i < c->n && (is(c->words[i], "ip") || is(c->words[i], "nsviz")))
		i++;
	while (i < c->n && is(c->words[i], "-n")) {
		if (i + 1 >= c->n)
			return W_NS;
		c->ns = c->words[i + 1];
		i += 2;
	}
	if (i >= c->n)
		return W_OBJECTS;
	obj = c->words[i++];
	if (!is(obj, "ping") && !is(obj, "sysctl") && !is(obj, "echo") &&
	    !is(obj, "send"))
		obj = full_word(NULL, obj);
	prev = c->n ? c->words[c->n - 1] : "";
	verb = i < c->n ? full_word(obj, c->words[i]) : "";
	if (is(obj, "netns")) {
		if (i++ >= c->n) {
			c->object = "netns";
			return W_VERBS;
		}
		if (i == c->n && (is(verb, "delete") || is(verb, "pids") ||
		                  is(verb, "exec")))
			return W_NS;
		return W_NONE;
	}
	if (is(obj, "link")) {
		if (i++ >= c->n) {
			c->object = "link";
			return W_VERBS;
		}
		if (is(prev, "netns"))
			return W_NS;
		if (is(prev, "dev"))
			return W_DEV;
		if (is(prev, "master"))
			return W_BRIDGE;
		if (is(verb, "add") && is(prev, "type")) {
			*list = link_types;
			return W_WORDS;
		}
		if (i == c->n && !is(verb, "add"))
			return W_DEV;
		if (is(verb, "set") && i < c->n) {
			*list = link_set;
			return W_WORDS;
		}
		return W_NONE;
	}
	if (is(obj, "address")) {
		if (i >= c->n) {
			c->object = "addr";
			return W_VERBS;
		}
		if (is(prev, "dev"))
			return W_DEV;
		if (c->n - i == 2 && !is(verb, "show") && !is(verb, "list") &&
		    !is(verb, "lst")) {
			*list = dev_word;
			return W_WORDS;
		}
		return W_NONE;
	}
	if (is(obj, "neighbor") || is(obj, "neighbour")) {
		if (i >= c->n) {
			c->object = "neigh";
			return W_VERBS;
		}
		if (is(prev, "dev"))
			return W_DEV;
		if (c->n - i == 1) {
			*list = dev_word;
			return W_WORDS;
		}
		return W_NONE;
	}
	if (is(obj, "sysctl")) {
		if (i >= c->n) {
			*list = sysctl_keys;
			return W_WORDS;
		}
		if (c->n - i == 1 && is(prev, "-w")) {
			*list = sysctl_settings;
			return W_WORDS;
		}
		return W_NONE;
	}
	if (is(obj, "route")) {
		if (i++ >= c->n) {
			c->object = "route";
			return W_VERBS;
		}
		if (is(prev, "dev"))
			return W_DEV;
		if (is(prev, "scope")) {
			*list = scopes;
			return W_WORDS;
		}
		if ((is(verb, "add") || is(verb, "delete")) && i < c->n &&
		    !is(prev, "via") && !is(prev, "src") && !is(prev, "metric")) {
			*list = route_opts;
			return W_WORDS;
		}
		return W_NONE;
	}
	return W_NONE;
}

static void add_cand(const char *cand, const char *prefix, const char **v,
                     int *n, int max)
{
	if (strncmp(cand, prefix, strlen(prefix)) != 0 || *n >= max)
		return;
	for (int i = 0; i < *n; i++)
		if (!strcmp(v[i], cand))
			return;
	v[(*n)++] = cand;
}

int complete_line(const struct world *w, const char *line, char *out,
                  size_t outlen, struct sbuf *cands)
{
	char buf[1024];
	struct ctx c = { .n = 0, .ns = "" };
	const char *const *list;
	const char *prefix, *v[512];
	char *p, *save = NULL;
	size_t plen, lcp;
	int n = 0;
	enum want want;
	bool trailing;

	snprintf(out, outlen, "%s", line);
	snprintf(buf, sizeof buf, "%s", line);
	trailing = !*line || line[strlen(line) - 1] == ' ';
	for (p = strtok_r(buf, " ", &save); p && c.n < 64;
	     p = strtok_r(NULL, " ", &save))
		c.words[c.n++] = p;
	prefix = "";
	if (!trailing && c.n)
		prefix = c.words[--c.n];
	want = what_next(&c, &list);
	if (want == W_WORDS) {
		for (; *list; list++)
			add_cand(*list, prefix, v, &n, 512);
	} else if (want == W_OBJECTS) {
		/* the verb table's objects, as messages spell them */
		for (size_t i = 0; i < cmd_nobjects; i++)
			if (cmd_objects[i].supported && cmd_objects[i].name)
				add_cand(cmd_objects[i].name, prefix, v, &n, 512);
		add_cand("ip", prefix, v, &n, 512);
		add_cand("-n", prefix, v, &n, 512);
	} else if (want == W_VERBS) {
		/* the object's verbs: the first word each is listed as */
		for (size_t i = 0; i < cmd_nentries; i++) {
			const struct cmd_entry *e = &cmd_entries[i];

			if (e->verb != CMD_NONE && e->say && e->words &&
			    !strpbrk(e->say, " ,") &&
			    !strcmp(e->object, c.object))
				add_cand(e->say, prefix, v, &n, 512);
		}
	} else if (want == W_NS) {
		for (size_t i = 0; i < w->nns; i++)
			if (w->ns[i]->kind == W_NS_NAMED)
				add_cand(w->ns[i]->name, prefix, v, &n, 512);
	} else if (want == W_DEV || want == W_BRIDGE) {
		const struct w_ns *ns = world_find_ns(w, c.ns);
		for (size_t i = 0; ns && i < ns->nlinks; i++)
			if (want == W_DEV || !strcmp(ns->links[i].kind, "bridge"))
				add_cand(ns->links[i].name, prefix, v, &n, 512);
	}
	if (cands)
		for (int i = 0; i < n; i++)
			sbuf_printf(cands, "%s%s", i ? " " : "", v[i]);
	if (!n)
		return 0;
	/* longest common prefix */
	lcp = strlen(v[0]);
	for (int i = 1; i < n; i++) {
		size_t j = 0;
		while (j < lcp && v[i][j] == v[0][j])
			j++;
		lcp = j;
	}
	plen = strlen(prefix);
	if (lcp >= plen) {
		size_t keep = strlen(line) - plen;
		snprintf(out, outlen, "%.*s%.*s%s", (int)keep, line, (int)lcp,
		         v[0], n == 1 ? " " : "");
	}
	return n;
}
