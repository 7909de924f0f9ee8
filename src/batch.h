/* SPDX-License-Identifier: GPL-2.0-or-later */
/* batch.h - running commands from text: one line, a -c list, a -b file
 * (FILE:LINE in every message), as ip -batch runs them. */
#ifndef NSVIZ_BATCH_H
#define NSVIZ_BATCH_H

#include <stdbool.h>
#include <stddef.h>

#include "cmd/cmd.h"
#include "cmd/exec.h"
#include "kernel/kernel.h"
#include "world/world.h"

struct app {
	struct world *w;
	struct ksync *k;
	struct exec_ctx x;
	bool verbose;           /* -v: each change as its canonical command */
	bool quiet;             /* what commands print is dropped */
	/* only the commands accept() takes (apply's file: those that
	 * build a topology); NULL: every command */
	bool (*accept)(const struct cmd *c, struct sbuf *why);
};

/* x.emit for commands that print as they go (netns exec) */
void app_emit_stdout(void *ctx, const char *text);
/* Print what a command produced; where = "" or "FILE:LINE: " */
int app_finish(struct app *a, int rc, const char *where);
int app_run_line(struct app *a, const char *line, const char *where);
/* -c: commands separated by ';' or newlines */
int app_run_list(struct app *a, const char *s, bool force);
/* -b: a file of commands ("-": stdin) */
int app_run_batch(struct app *a, const char *path, bool force);
/* len bytes of text as a batch, name in its messages (name:LINE: ...) */
int app_run_text(struct app *a, const char *name, const char *text,
                 size_t len, bool force);

#endif
