/* SPDX-License-Identifier: GPL-2.0-or-later */
/* complete.h - Tab completion for the `:` line: verbs, namespaces and
 * devices, by position in the grammar.  Pure. */
#ifndef NSVIZ_COMPLETE_H
#define NSVIZ_COMPLETE_H

#include <stddef.h>

#include "world/world.h"

struct sbuf;

/* Complete the last word of line (the cursor is at the end).  Writes the
 * completed line to out: the longest common prefix of the candidates,
 * plus a space when only one fits.  Lists the candidates, space
 * separated, in cands (when not NULL).  Returns how many there are. */
int complete_line(const struct world *w, const char *line, char *out,
                  size_t outlen, struct sbuf *cands);

#endif
