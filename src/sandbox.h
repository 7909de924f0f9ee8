/* SPDX-License-Identifier: GPL-2.0-or-later */
/* sandbox.h - `nsviz --sandbox`: private network and mount namespaces
 * (plus a user namespace when not root), a tmpfs on /run/netns, lo up. */
#ifndef NSVIZ_SANDBOX_H
#define NSVIZ_SANDBOX_H

#include <stddef.h>

/* Enter the sandbox.  Must be called before anything else opens
 * namespaces or starts threads.  Returns 0, or -1 with a message. */
int sandbox_enter(char *err, size_t errlen);

#endif
