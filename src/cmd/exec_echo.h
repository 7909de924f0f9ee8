/* SPDX-License-Identifier: GPL-2.0-or-later */
/* exec_echo.h - echo servers and send, as commands of the grammar
 * (`-n NS echo tcp|udp ...`, `echo list|stop|log`, `send ...`), and the
 * foreground server `nsviz [-n NS] echo tcp|udp ...`.  The servers are
 * the session's (echo/echosup.h). */
#ifndef NSVIZ_EXEC_ECHO_H
#define NSVIZ_EXEC_ECHO_H

#include "cmd/exec.h"

/* The verbs' exec functions are declared in cmd/exec_int.h. */

/* Report servers that died or lost their namespace since last time
 * (when no handler takes the session's events, as in the CLI).  Cheap
 * when no server was ever started. */
void exec_echo_notices(struct exec_ctx *x);

/* main(): argv from the first command word.  When it is `[-n NS] echo
 * tcp|udp ...` (or `netns exec NS nsviz echo ...`), run that server here,
 * in the foreground, and return its exit status; otherwise return -1 and
 * touch nothing.  Called before nsviz opens any netlink socket, so a
 * long-running server holds no namespace alive but its own. */
int exec_echo_foreground(int argc, char **argv);

#endif
