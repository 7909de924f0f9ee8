/* SPDX-License-Identifier: GPL-2.0-or-later */
/* cli.h - `nsviz save [-n NS]... [--sh] [FILE]`, `nsviz apply FILE
 * [--dry-run] [--prune]`, `nsviz diff FILE`: a topology as a file. */
#ifndef NSVIZ_TOPO_CLI_H
#define NSVIZ_TOPO_CLI_H

#include <stddef.h>

#include "batch.h"

int topo_cli_save(struct app *a, int argc, char **argv);
int topo_cli_apply(struct app *a, int argc, char **argv);
int topo_cli_diff(struct app *a, int argc, char **argv);

/* path gets text, all of it or (on any error or signal) none of it: a
 * temporary file beside it, then rename.  0, or -1 with a message. */
int topo_write_file(const char *path, const char *text, size_t len,
                    char *err, size_t errlen);

#endif
