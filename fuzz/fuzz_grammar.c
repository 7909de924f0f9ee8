/* SPDX-License-Identifier: GPL-2.0-or-later */
/* fuzz_grammar.c - libFuzzer target for the command grammar (make fuzz).
 *
 * Input: the text of a -c string or a batch line.  It is split into
 * commands (cmd_split_list) and each into words (cmd_split), the words
 * parsed (cmd_parse); every command that parses is written back
 * (cmd_canonical) and the canonical text must split and parse again into
 * the same struct cmd and the same canonical text: parse(canonical(
 * parse(x))) == parse(x) (`netns exec NS CMD` being CMD run in NS, as
 * exec.c runs it).  A mismatch aborts with both texts.  A failed
 * parse must say why (a non-empty message). */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "cmd/cmd.h"
#include "util/sbuf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void die(const char *what, const char *in, const char *t1,
                const char *t2)
{
	fprintf(stderr, "fuzz_grammar: %s\n  input:      [%s]\n"
	        "  canonical:  [%s]\n  reparsed:   [%s]\n", what, in,
	        t1 ? t1 : "", t2 ? t2 : "");
	abort();
}

static bool str_eq(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return strcmp(a, b) == 0;
}

/* What runs: `netns exec NS CMD` for a command nsviz runs itself is CMD
 * with -n NS (exec.c runs the sub-command), the canonical spelling of
 * `-n NS sysctl ...` and `-n NS echo ...`. */
static const struct cmd *what_runs(const struct cmd *c)
{
	return c->verb == CMD_NETNS_EXEC && c->sub ? c->sub : c;
}

/* The same command: verb, options, and the verb's member of the union
 * byte for byte (every object's init starts from zeros), send's message
 * and nft's words as text. */
static bool cmd_equal(const struct cmd *a, const struct cmd *b)
{
	a = what_runs(a);
	b = what_runs(b);
	if (a->verb != b->verb || strcmp(a->ns, b->ns) ||
	    a->family != b->family || a->all != b->all ||
	    memcmp(&a->opts, &b->opts, sizeof a->opts))
		return false;
	if (a->verb == CMD_SEND) {
		struct cmd_echo e = a->u.echo, f = b->u.echo;

		if (!str_eq(e.message, f.message))
			return false;
		e.message = f.message = NULL;
		if (memcmp(&e, &f, sizeof e))
			return false;
	} else if (a->verb == CMD_NFT || a->verb == CMD_NFT_LIST) {
		const struct cmd_nft *e = &a->u.nft, *f = &b->u.nft;

		if (e->oflags != f->oflags || e->check != f->check ||
		    e->optimize != f->optimize || e->argc != f->argc)
			return false;
		for (int i = 0; i < e->argc; i++)
			if (!str_eq(e->argv[i], f->argv[i]))
				return false;
	} else if (memcmp(&a->u, &b->u, sizeof a->u)) {
		return false;
	}
	if (a->exec_argc != b->exec_argc || !a->exec_argv != !b->exec_argv)
		return false;
	for (int i = 0; a->exec_argv && i <= a->exec_argc; i++)
		if (!str_eq(a->exec_argv[i], b->exec_argv[i]))
			return false;
	if (!a->sub != !b->sub)
		return false;
	return !a->sub || cmd_equal(a->sub, b->sub);
}

static void one(const char *line)
{
	char err[512], err2[512];
	char **w = NULL, **w2 = NULL;
	struct cmd c, c2;
	struct sbuf t1 = SBUF_INIT, t2 = SBUF_INIT;
	int n, n2;

	err[0] = '\0';
	n = cmd_split(line, &w, err, sizeof err);
	if (n < 0) {
		if (!err[0])
			die("cmd_split failed without a message", line, NULL, NULL);
		return;
	}
	err[0] = '\0';
	if (cmd_parse(n, w, &c, err, sizeof err) < 0) {
		if (!err[0])
			die("cmd_parse failed without a message", line, NULL, NULL);
		cmd_free_words(w, n);
		return;
	}
	(void)cmd_changes(&c);
	cmd_canonical(&c, &t1);
	n2 = cmd_split(sbuf_str(&t1), &w2, err2, sizeof err2);
	if (n2 < 0)
		die("the canonical text does not split", line, sbuf_str(&t1), err2);
	if (cmd_parse(n2, w2, &c2, err2, sizeof err2) < 0)
		die("the canonical text does not parse", line, sbuf_str(&t1), err2);
	cmd_canonical(&c2, &t2);
	if (strcmp(sbuf_str(&t1), sbuf_str(&t2)))
		die("canonical(parse(canonical)) differs", line, sbuf_str(&t1),
		    sbuf_str(&t2));
	if (!cmd_equal(&c, &c2))
		die("parse(canonical) is another command", line, sbuf_str(&t1),
		    sbuf_str(&t2));
	cmd_free(&c);
	cmd_free(&c2);
	cmd_free_words(w, n);
	cmd_free_words(w2, n2);
	sbuf_free(&t1);
	sbuf_free(&t2);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char err[512];
	char **cmds = NULL;
	char *s;
	int n;

	s = fuzz_text(data, size);
	if (!s)
		return 0;
	/* the whole text as one line (the `:` prompt), then as a -c list */
	one(s);
	err[0] = '\0';
	n = cmd_split_list(s, &cmds, err, sizeof err);
	if (n < 0 && !err[0])
		die("cmd_split_list failed without a message", s, NULL, NULL);
	for (int i = 0; i < n; i++)
		one(cmds[i]);
	if (cmds)
		cmd_free_words(cmds, n);
	free(s);
	return 0;
}
