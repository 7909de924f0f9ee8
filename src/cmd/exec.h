/* SPDX-License-Identifier: GPL-2.0-or-later */
/* exec.h - running parsed commands against the world and the kernel.
 * The one path every door uses: keys and forms, the `:` line, -c, -b. */
#ifndef NSVIZ_EXEC_H
#define NSVIZ_EXEC_H

#include <stdbool.h>

#include "cmd/cmd.h"
#include "kernel/kernel.h"
#include "util/sbuf.h"

struct why_result;

struct exec_ctx {
	struct world *w;
	struct ksync *k;
	struct sbuf out;        /* what the command printed */
	struct sbuf err;        /* why it failed: "veth1: no such device ..." */
	struct sbuf canon;      /* canonical ip command of a change */
	/* When set, output is handed over line by line as it happens
	 * (ping, netns exec) instead of being collected in out. */
	void (*emit)(void *ctx, const char *text);
	void *emit_ctx;
	volatile int *stop;     /* set by SIGINT: stop a running ping */
	bool inherit_stdio;     /* netns exec: the program uses our terminal */
	int exec_signal;        /* netns exec: the signal that ended it, or 0 */
	/* why (issue 15): when set, called with the result after it is
	 * printed (the UI marks the path on its map) */
	void (*why_done)(void *ctx, const struct why_result *r);
	void *why_ctx;
};

void exec_init(struct exec_ctx *x, struct world *w, struct ksync *k);
void exec_done(struct exec_ctx *x);

/* Run one parsed command.  Returns its exit status: 0 success, 1 failure
 * (err says why, and nothing was changed), or what ping / the executed
 * program returned. */
int exec_cmd(struct exec_ctx *x, const struct cmd *c);
/* The options of a ping command (c->verb CMD_PING) for ping_run(), all
 * but its stop flag (exec_ping.c; the UI's ping runs it in a child). */
struct ping_opts;
void exec_ping_opts(const struct cmd *c, struct ping_opts *o);

/* true when exec_cmd knows how to run verb (a test checks every verb of
 * the table) */
bool exec_has(enum cmd_verb verb);

/* Split, parse and run one command line (empty lines succeed). */
int exec_line(struct exec_ctx *x, const char *line);

#endif
