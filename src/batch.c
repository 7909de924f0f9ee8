/* SPDX-License-Identifier: GPL-2.0-or-later */
/* batch.c - running commands from text (batch.h). */
#include "batch.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cmd/cmd.h"
#include "kernel/kernel.h"
#include "util/sbuf.h"


void app_emit_stdout(void *ctx, const char *text)
{
	(void)ctx;
	fputs(text, stdout);
	fflush(stdout);
}

/* Print what a command produced; where = "" or "FILE:LINE: " */
int app_finish(struct app *a, int rc, const char *where)
{
	if (a->x.out.len && !a->quiet) {
		fputs(sbuf_str(&a->x.out), stdout);
		fflush(stdout);
	}
	if (rc == 0 && a->verbose && a->x.canon.len)
		fprintf(stderr, "+ %s\n", sbuf_str(&a->x.canon));
	if (rc != 0 && a->x.err.len)
		fprintf(stderr, "%s%s\n", where, sbuf_str(&a->x.err));
	sbuf_reset(&a->x.out);
	sbuf_reset(&a->x.err);
	return rc;
}

/* a command that accept() must take first */
static int accepted_only(struct app *a, const char *line)
{
	char **words = NULL, err[512];
	struct cmd c;
	int n = cmd_split(line, &words, err, sizeof err), rc;

	if (n <= 0) {
		cmd_free_words(words, n < 0 ? 0 : n);
		return n < 0 ? (sbuf_add(&a->x.err, err), 1) : 0;
	}
	rc = cmd_parse(n, words, &c, err, sizeof err);
	cmd_free_words(words, n);
	if (rc < 0) {
		sbuf_add(&a->x.err, err);
		return 1;
	}
	if (!a->accept(&c, &a->x.err)) {
		cmd_free(&c);
		return 1;
	}
	rc = exec_cmd(&a->x, &c);
	cmd_free(&c);
	return rc;
}

int app_run_line(struct app *a, const char *line, const char *where)
{
	if (a->accept)
		return app_finish(a, accepted_only(a, line), where);
	return app_finish(a, exec_line(&a->x, line), where);
}

int app_run_list(struct app *a, const char *s, bool force)
{
	char **cmds = NULL;
	char err[512];
	int n, status = 0;

	n = cmd_split_list(s, &cmds, err, sizeof err);
	if (n < 0) {
		fprintf(stderr, "nsviz: -c: %s\n", err);
		return 1;
	}
	if (n == 0) {
		fprintf(stderr, "nsviz: -c: empty command\n");
		cmd_free_words(cmds, n);
		return 1;
	}
	for (int i = 0; i < n; i++) {
		int rc = app_run_line(a, cmds[i], "nsviz: ");
		if (rc != 0) {
			status = rc;
			if (!force)
				break;
		}
	}
	cmd_free_words(cmds, n);
	knft_release();
	return status;
}

/* The lines of f (named name in messages) as a batch */
static int run_stream(struct app *a, FILE *f, const char *name, bool force)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	int lineno = 0, first = 0, status = 0;
	struct sbuf cmd = SBUF_INIT;

	while ((len = getline(&line, &cap, f)) >= 0) {
		char where[600];
		int rc;

		lineno++;
		if (!cmd.len)
			first = lineno;
		while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		snprintf(where, sizeof where, "%.500s:%d: ", name, lineno);
		if (memchr(line, '\0', (size_t)len)) {
			/* the rest of the line would be lost without a word */
			fprintf(stderr, "%sthe line holds a NUL byte (at column "
			        "%zu); a batch file is text\n", where,
			        strlen(line) + 1);
			sbuf_reset(&cmd);
			status = 1;
			if (!force)
				break;
			continue;
		}
		/* a trailing backslash continues the command */
		if (len && line[len - 1] == '\\') {
			line[len - 1] = ' ';
			sbuf_add(&cmd, line);
			continue;
		}
		sbuf_add(&cmd, line);
		snprintf(where, sizeof where, "%.500s:%d: ", name, first);
		rc = app_run_line(a, sbuf_str(&cmd), where);
		sbuf_reset(&cmd);
		if (rc != 0) {
			status = rc;
			if (!force)
				break;
		}
	}
	if (ferror(f)) {
		fprintf(stderr, "nsviz: %s: %s\n", name, strerror(errno));
		status = 1;
	} else if (cmd.len && (status == 0 || force)) {
		/* one rule with -c: a backslash at the very end has nothing
		 * to continue, and the command is not run */
		fprintf(stderr, "%.500s:%d: \\: backslash at the end of the file "
		        "has nothing to continue\n", name, lineno);
		status = 1;
	}
	free(line);
	sbuf_free(&cmd);
	return status;
}

int app_run_batch(struct app *a, const char *path, bool force)
{
	FILE *f = strcmp(path, "-") ? fopen(path, "re") : stdin;
	int status;

	if (!f) {
		fprintf(stderr, "nsviz: %s: %s\n", path, strerror(errno));
		return 1;
	}
	{
		struct stat st;
		if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
			fprintf(stderr, "nsviz: %s: Is a directory\n", path);
			fclose(f);
			return 1;
		}
	}
	status = run_stream(a, f, strcmp(path, "-") ? path : "stdin", force);
	knft_release();
	if (f != stdin)
		fclose(f);
	return status;
}

int app_run_text(struct app *a, const char *name, const char *text,
                 size_t len, bool force)
{
	FILE *f;
	int status;

	if (!len)
		return 0;
	f = fmemopen((void *)text, len, "r");
	if (!f) {
		fprintf(stderr, "nsviz: %s: %s\n", name, strerror(errno));
		return 1;
	}
	status = run_stream(a, f, name, force);
	fclose(f);
	return status;
}
