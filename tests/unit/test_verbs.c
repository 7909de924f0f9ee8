/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_verbs.c - the verb table (src/cmd/verbs.c) is whole: every verb
 * has one entry with its usage, parse and canon functions and an exec
 * function; every word of an entry stands for that entry (no earlier
 * word swallows it); words nsviz does not support are refused; the
 * flags agree with what the commands do; and the bash completion
 * (which tests/docs/agree.sh holds against --help, nsviz(1) and the
 * README) offers every object and verb of the table. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "cmd/exec.h"
#include "cmd/verbs.h"

static const struct cmd_object *object_of(const char *name)
{
	for (size_t i = 0; i < cmd_nobjects; i++)
		if (cmd_objects[i].name && !strcmp(cmd_objects[i].name, name))
			return &cmd_objects[i];
	return NULL;
}

/* "bridge", "tc": the word before a tool's objects */
static const char *tool_word(enum cmd_tool t)
{
	return t == CMD_TOOL_BRIDGE ? "bridge" : "tc";
}

/* The object as cmd_keyword takes it: ip's by its word ("address"),
 * the bridge and tc commands' by name ("bridge vlan", "tc qdisc") */
static const char *object_word(const char *name)
{
	const struct cmd_object *o = object_of(name);

	return !o ? NULL : o->tool ? o->name : o->word;
}

/* "tc [-s] [-d] qdisc add ..." for the object "tc qdisc": the tool's
 * word, bracketed options, then the object's own word */
static bool tool_usage(const char *usage, const char *object)
{
	const char *sp = strchr(object, ' ');
	size_t n;

	if (!sp)
		return false;
	n = (size_t)(sp - object) + 1;
	if (strncmp(usage, object, n))
		return false;
	usage += n;
	while (*usage == '[') {
		const char *end = strchr(usage, ']');

		if (!end || end[1] != ' ')
			return false;
		usage = end + 2;
	}
	return !strncmp(usage, sp + 1, strlen(sp + 1)) &&
	       usage[strlen(sp + 1)] == ' ';
}

static void test_every_verb_one_entry(void **state)
{
	(void)state;
	for (int v = CMD_NONE + 1; v < CMD_VERB_COUNT; v++) {
		const struct cmd_entry *e = cmd_verb_entry((enum cmd_verb)v);

		if (!e)
			fail_msg("verb %d has no entry in the table", v);
		if (!e->usage || !*e->usage || !e->parse || !e->canon ||
		    !e->init)
			fail_msg("verb %d (%s): usage, init, parse or canon missing",
			         v, e->object);
		if (!object_word(e->object))
			fail_msg("verb %d: object %s is not in cmd_objects", v,
			         e->object);
		if (!exec_has((enum cmd_verb)v))
			fail_msg("verb %d (%s %s): no exec function", v,
			         e->object, e->say ? e->say : "");
		if ((e->flags & CMD_F_CHANGES) && (e->flags & CMD_F_READ_ONLY))
			fail_msg("verb %d: both CHANGES and READ_ONLY", v);
		/* the usage line starts with the object's name; a tool's
		 * options may come between its word and the object ("tc [-s]
		 * [-d] qdisc add") */
		if (strncmp(e->usage, e->object, strlen(e->object)) &&
		    !tool_usage(e->usage, e->object))
			fail_msg("verb %d: usage '%s' does not start with %s", v,
			         e->usage, e->object);
	}
	assert_false(exec_has(CMD_NONE));
	assert_false(exec_has(CMD_VERB_COUNT));
}

/* Each word of an entry is read as that entry, in full; and the
 * unsupported ones as nothing. */
static void test_words_stand_for_their_entry(void **state)
{
	(void)state;
	for (size_t i = 0; i < cmd_nentries; i++) {
		const struct cmd_entry *e = &cmd_entries[i];
		const char *ow = object_word(e->object);

		if (!e->words)
			continue;
		for (const char *w = e->words; *w; w += strlen(w) + 1) {
			const char *full = cmd_keyword(ow, w);

			if (e->verb == CMD_NONE) {
				if (full)
					fail_msg("%s %s: unsupported, yet cmd_keyword "
					         "gives %s", ow, w, full);
				continue;
			}
			if (!full || strcmp(full, w))
				fail_msg("%s %s: read as %s", ow, w,
				         full ? full : "nothing");
		}
	}
}

/* An unsupported word is refused by name, and the message's list of
 * what nsviz takes is the table's. */
static void test_unsupported_refused(void **state)
{
	char err[512];
	char *argv[4];
	struct cmd c;

	(void)state;
	for (size_t i = 0; i < cmd_nentries; i++) {
		const struct cmd_entry *e = &cmd_entries[i];

		if (e->verb != CMD_NONE)
			continue;
		const struct cmd_object *o = object_of(e->object);
		int n = 0;

		if (o->tool)
			argv[n++] = (char *)tool_word(o->tool);
		argv[n++] = (char *)o->word;
		argv[n++] = (char *)e->words;
		argv[n++] = (char *)"x";
		if (cmd_parse(n, argv, &c, err, sizeof err) == 0)
			fail_msg("%s %s was accepted", argv[0], argv[1]);
		if (!strstr(err, "not supported by nsviz") &&
		    !strstr(err, "which nsviz does not support"))
			fail_msg("%s %s: '%s'", argv[0], argv[1], err);
		if (!strstr(err, "expected "))
			fail_msg("%s %s: no list of what is taken: '%s'",
			         argv[0], argv[1], err);
	}
	for (size_t i = 0; i < cmd_nobjects; i++) {
		int n = 0;

		if (cmd_objects[i].supported || cmd_objects[i].why)
			continue;
		if (cmd_objects[i].tool)
			argv[n++] = (char *)tool_word(cmd_objects[i].tool);
		argv[n++] = (char *)cmd_objects[i].word;
		if (cmd_parse(n, argv, &c, err, sizeof err) == 0)
			fail_msg("%s was accepted", argv[0]);
		if (!strstr(err, "not supported by nsviz"))
			fail_msg("%s: '%s'", argv[0], err);
	}
}

static bool parses(const char *line, struct cmd *c)
{
	char **w = NULL, err[512];
	int n = cmd_split(line, &w, err, sizeof err);
	int r = n > 0 ? cmd_parse(n, w, c, err, sizeof err) : -1;

	cmd_free_words(w, n);
	if (r)
		fail_msg("'%s': %s", line, err);
	return r == 0;
}

/* cmd_changes and cmd_sends_traffic come from the flags */
static void test_flags_match_commands(void **state)
{
	static const struct { const char *line; bool changes, traffic; } t[] = {
		{ "netns add a", true, false }, { "netns list", false, false },
		{ "link add a type veth peer name b", true, false },
		{ "link show", false, false }, { "addr add 10.0.0.1/8 dev a", true, false },
		{ "route get 10.0.0.1", false, false }, { "ping 10.0.0.1", false, true },
		{ "send udp 10.0.0.1 7 hi", false, true },
		{ "sysctl net.ipv4.ip_forward", false, false },
		{ "sysctl -w net.ipv4.ip_forward=1", true, false },
		{ "netns exec a ip link show", false, true },
		{ "netns exec a ip link set a up", true, true },
		{ "echo tcp", true, false }, { "echo list", false, false },
		{ "why 10.0.0.1", false, false },
		{ "why --probe 10.0.0.1", false, true },
	};
	struct cmd c;

	(void)state;
	for (size_t k = 0; k < sizeof t / sizeof *t; k++) {
		if (!parses(t[k].line, &c))
			continue;
		if (cmd_changes(&c) != t[k].changes)
			fail_msg("'%s': cmd_changes %d", t[k].line, cmd_changes(&c));
		if (cmd_sends_traffic(&c) != t[k].traffic)
			fail_msg("'%s': cmd_sends_traffic %d", t[k].line,
			         cmd_sends_traffic(&c));
		cmd_free(&c);
	}
}

/* The completion's list for OBJ ("link" -> _nsviz_link="add set ..."),
 * or for the commands (_nsviz_commands). */
static char *completion_list(const char *var)
{
	const char *top = getenv("TOP_SRCDIR");
	char path[4096], line[4096], want[128];
	char *found = NULL;
	FILE *f;

	snprintf(path, sizeof path, "%s/completion/nsviz", top ? top : "..");
	f = fopen(path, "r");
	if (!f)
		fail_msg("%s: cannot open", path);
	snprintf(want, sizeof want, "_nsviz_%s=\"", var);
	while (!found && fgets(line, sizeof line, f))
		if (!strncmp(line, want, strlen(want))) {
			char *end = strrchr(line, '"');

			if (end)
				*end = '\0';
			found = strdup(line + strlen(want));
		}
	fclose(f);
	return found;
}

static bool has_word(const char *list, const char *w)
{
	size_t n = strlen(w);

	for (const char *s = list; (s = strstr(s, w)); s += n)
		if ((s == list || s[-1] == ' ') && (s[n] == ' ' || !s[n]))
			return true;
	return false;
}

static void test_completion_offers_the_table(void **state)
{
	char *objs = completion_list("commands");

	(void)state;
	assert_non_null(objs);
	for (size_t i = 0; i < cmd_nentries; i++) {
		const struct cmd_entry *e = &cmd_entries[i];
		char first[32];
		char *verbs;

		const struct cmd_object *o = object_of(e->object);
		char var[64];

		if (e->verb == CMD_NONE || cmd_verb_entry(e->verb) != e)
			continue;
		if (o->tool) {
			/* bridge vlan add: _nsviz_bridge="link fdb vlan", then
			 * _nsviz_bridge_vlan="add del show"; tc the same */
			const char *tw = tool_word(o->tool);
			char *objs2 = completion_list(tw);

			if (!has_word(objs, tw) || !objs2 ||
			    !has_word(objs2, o->word))
				fail_msg("completion lacks %s", e->object);
			free(objs2);
			snprintf(var, sizeof var, "%s_%s", tw, o->word);
		} else {
			if (!has_word(objs, e->object))
				fail_msg("completion lacks the object %s", e->object);
			snprintf(var, sizeof var, "%s", e->object);
		}
		if (!e->words)
			continue;
		verbs = completion_list(var);
		if (!verbs)
			fail_msg("completion has no _nsviz_%s list", var);
		/* the verb as messages say it, its first word ("stop ID") */
		snprintf(first, sizeof first, "%.*s",
		         (int)strcspn(e->say, " ,"), e->say);
		if (!has_word(verbs, first))
			fail_msg("completion's _nsviz_%s lacks %s", var, first);
		free(verbs);
	}
	free(objs);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_verb_one_entry),
		cmocka_unit_test(test_words_stand_for_their_entry),
		cmocka_unit_test(test_unsupported_refused),
		cmocka_unit_test(test_flags_match_commands),
		cmocka_unit_test(test_completion_offers_the_table),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
