/* SPDX-License-Identifier: GPL-2.0-or-later */
/* show.h - `nsviz show`: the whole world at once, for people (text) and
 * for programs (JSON, described in doc/json-schema.md).
 *
 * Namespaces come host first, then named ones sorted by name, then the
 * unnamed ones (by holder pid, then path).  Pure: reads the world only.
 */
#ifndef NSVIZ_SHOW_H
#define NSVIZ_SHOW_H

struct sbuf;
struct world;

/* Aligned tables, no colours: every namespace with its links (peer and
 * the peer's namespace, admin/oper state, MTU, MAC, addresses), its
 * main-table routes as `ip route` prints them, and its neighbours. */
void show_world_text(struct sbuf *out, const struct world *w);

/* Pretty-printed JSON (json-c), ending in a newline. */
void show_world_json(struct sbuf *out, const struct world *w);

#endif
