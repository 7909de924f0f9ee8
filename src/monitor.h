/* SPDX-License-Identifier: GPL-2.0-or-later */
/* monitor.h - `nsviz monitor`: one line per kernel event, every namespace */
#ifndef NSVIZ_MONITOR_H
#define NSVIZ_MONITOR_H

#include "kernel/kernel.h"

/* Runs until SIGINT/SIGTERM/SIGHUP; returns the exit status. */
int monitor_run(struct world *w, struct ksync *k);

#endif
