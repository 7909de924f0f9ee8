/* SPDX-License-Identifier: GPL-2.0-or-later */
/* fromjson.h - a `nsviz show --json` document (doc/json-schema.md,
 * version 2) as the batch of commands that makes the same topology.
 *
 * Pure: text in, text out.  The commands are nsviz's canonical iproute2
 * text (what `nsviz -v` prints), one a line, for `nsviz -b`; what cannot
 * be made is said on a `# ` comment line instead.  See fromjson.c for
 * what is made, in which order, and what is left out. */
#ifndef NSVIZ_TOPO_FROMJSON_H
#define NSVIZ_TOPO_FROMJSON_H

#include <stddef.h>

struct sbuf;

/* Translate len bytes of text (the JSON document read from file, named
 * in messages) and append the commands to out.  0 on success; -1 with
 * "FILE: PATH: reason" in err (PATH the JSON path, e.g.
 * namespaces[2].links[0].ifname) and out left as it was. */
int topo_json_to_cmds(const char *file, const char *text, size_t len,
                      struct sbuf *out, char *err, size_t errsz);

#endif
