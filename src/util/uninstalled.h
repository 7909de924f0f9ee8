/* SPDX-License-Identifier: GPL-2.0-or-later */
/* uninstalled.h - the source tree's data for a binary run from its build
 * tree. */
#ifndef NSVIZ_UNINSTALLED_H
#define NSVIZ_UNINSTALLED_H

#include <stdbool.h>
#include <stddef.h>

/* When this process is the nsviz of a build tree (/proc/self/exe lies in
 * the build directory configure was run in), write the source tree's
 * directory SUB (such as "lessons") to buf and return true.  An installed
 * binary gets false: it uses only the installed datadir and the XDG
 * directories. */
bool uninstalled_dir(const char *sub, char *buf, size_t len);

#endif
