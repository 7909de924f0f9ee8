/* SPDX-License-Identifier: GPL-2.0-or-later */
/* exec_more.h - bridges, `link set ... master|nomaster`, per-namespace
 * sysctls and the neighbour table, as commands of the grammar. */
#ifndef NSVIZ_EXEC_MORE_H
#define NSVIZ_EXEC_MORE_H

#include <stdbool.h>

#include "cmd/exec.h"

/* true for the commands exec_more runs: CMD_LINK_ADD_BRIDGE,
 * CMD_SYSCTL, CMD_NEIGH_SHOW, and CMD_LINK_SET with master or
 * nomaster (the whole `link set`, in one request as ip sends it). */
bool exec_more_takes(const struct cmd *c);

/* Run one of them; the same contract as exec_cmd. */
int exec_more(struct exec_ctx *x, const struct cmd *c);

#endif
