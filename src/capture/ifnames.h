/* SPDX-License-Identifier: GPL-2.0-or-later */
/* ifnames.h - the interface names of a capture's namespace, for the
 * lines of a Linux cooked v2 capture (`-i any`), which carry only an
 * interface index: tcpdump, run inside the namespace, names it with
 * if_indextoname there; nsviz decodes in its own namespace, so it keeps
 * the names of the capture's and reads them again (entering it) when an
 * index it does not know comes, at most once a second. */
#ifndef NSVIZ_CAPTURE_IFNAMES_H
#define NSVIZ_CAPTURE_IFNAMES_H

#include <stdbool.h>
#include <stddef.h>

struct cap_ifnames;

/* The names of the namespace of ns_fd (the fd is duplicated); NULL when
 * it cannot be entered. */
struct cap_ifnames *cap_ifnames_new(int ns_fd);
void cap_ifnames_free(struct cap_ifnames *t);

/* Decode with t's names (until cap_ifnames_end): sets the decoder's
 * resolver for this thread. */
void cap_ifnames_begin(struct cap_ifnames *t);
void cap_ifnames_end(void);

#endif
