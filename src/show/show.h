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

/* Where a listing goes while it is made, so that a world of 1,000
 * namespaces is never all text in memory at once: write() is handed out
 * whenever it holds SHOW_SPILL bytes or more (between two objects), and
 * at the end; it writes them and empties out (sbuf_reset). */
#define SHOW_SPILL 65536
struct show_sink {
	void (*write)(struct sbuf *out, void *ctx);
	void *ctx;
};

/* Aligned tables, no colours: every namespace with its links (peer and
 * the peer's namespace, admin/oper state, MTU, MAC, addresses), its
 * main-table routes as `ip route` prints them, and its neighbours.
 * sink NULL: all of it is left in out. */
void show_world_text_to(struct sbuf *out, const struct world *w,
                        const struct show_sink *sink);
void show_world_text(struct sbuf *out, const struct world *w);

/* Pretty-printed JSON, ending in a newline; sink as above. */
void show_world_json_to(struct sbuf *out, const struct world *w,
                        const struct show_sink *sink);
void show_world_json(struct sbuf *out, const struct world *w);

/* Graphviz DOT (`nsviz show --dot`, show/dot.c): every namespace a
 * cluster, every interface a node in it (name, addresses, state), veth
 * pairs, bridge ports and lower devices as edges; sink as above. */
void show_world_dot_to(struct sbuf *out, const struct world *w,
                       const struct show_sink *sink);
void show_world_dot(struct sbuf *out, const struct world *w);

/* The world's namespaces in show's order (host, named by name, unnamed
 * by holder); the caller frees the array. */
struct w_ns;
const struct w_ns **show_sorted_ns(const struct world *w);

#endif
