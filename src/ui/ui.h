/* SPDX-License-Identifier: GPL-2.0-or-later */
/* ui.h - the full-screen UI: namespaces, interfaces, routes, topology and
 * the log as live panels; every change by keystroke, through the grammar. */
#ifndef NSVIZ_UI_H
#define NSVIZ_UI_H

#include <stdbool.h>
#include <stddef.h>

#include "kernel/kernel.h"

struct ui_opts {
	bool sandbox;           /* running in --sandbox: the SANDBOX badge */
	bool ascii;             /* --ascii: no line-drawing characters */
	const char *theme;      /* --theme NAME, or NULL for the config's */
	int lesson;             /* `nsviz lesson N`: open lesson N (0: none) */
	int lesson_step;        /* ... at this step (from 0) */
};

/* Can this terminal (TERM, its terminfo entry) show the full-screen UI?
 * If not, why and what to do, in one sentence (src/ui/term.c). */
bool ui_terminal_usable(char *why, size_t len);

/* Runs until the user quits (0) or a signal ends it (128 + signal). The
 * terminal is restored on every way out. */
int ui_run(struct world *w, struct ksync *k, const struct ui_opts *o);

#endif
