/* SPDX-License-Identifier: GPL-2.0-or-later */
/* live.h - the items of a real world: the live one nsviz sees, and the
 * one a file makes, built in a scratch sandbox that vanishes after. */
#ifndef NSVIZ_TOPO_LIVE_H
#define NSVIZ_TOPO_LIVE_H

#include <stddef.h>

#include "kernel/kernel.h"
#include "topo/items.h"
#include "world/world.h"

/* The items of the world nsviz is connected to (only: the namespaces to
 * save by name, "" = the host; nonly 0: all), sysctls read from each
 * namespace.  0, or -1 with e set. */
int topo_live(struct world *w, struct ksync *k, const char *const *only,
              size_t nonly, struct tilist *out, struct kerr *e);

/* The items of the world that FILE ("-": stdin) makes from nothing: it
 * runs in a scratch sandbox (new network, mount and pid namespaces, as
 * --sandbox makes), whose items come back and which then vanishes, so
 * nothing outside changes.  Only commands that build a topology are
 * taken.  0; 1 when FILE fails (its FILE:LINE message is on stderr);
 * -1 with a message in err when the sandbox cannot be made. */
int topo_scratch(const char *file, struct tilist *out, char *err,
                 size_t errlen);
/* The same with the sandbox's messages (FILE:LINE: ...) in msgs instead
 * of on stderr, and nothing of the terminal's (the full-screen UI). */
int topo_scratch_quiet(const char *file, struct tilist *out,
                       struct sbuf *msgs, char *err, size_t errlen);

/* What a topology file may hold (batch.h's accept): false, saying why
 * in why, for a command that runs a program, sends, shows, starts a
 * server, or makes or sets what a topology does not keep. */
struct cmd;
bool topo_accept(const struct cmd *c, struct sbuf *why);

struct topo_plan;
/* What it takes to make the live world match FILE: want (FILE's world,
 * from the scratch sandbox), have (the live world's, in the namespaces
 * FILE names), the steps.  0; 1 when FILE fails (its message on stderr,
 * or in msgs when msgs is not NULL: then quiet, for the UI); -1 with a
 * message in err. */
int topo_plan_file(struct world *w, struct ksync *k, const char *file,
                   struct sbuf *msgs, struct tilist *want,
                   struct tilist *have, struct topo_plan *p, char *err,
                   size_t errlen);

#endif
