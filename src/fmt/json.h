/* SPDX-License-Identifier: GPL-2.0-or-later */
/* json.h - JSON written the way `ip -j` writes it, and the objects ip
 * prints for links, addresses, routes and neighbours.
 *
 * ip streams its JSON (lib/json_writer.c): no space after ',' or ':'
 * unless pretty (-p), where a member goes on a line of its own indented
 * by four spaces a level, arrays open "[ " and close " ]", and an empty
 * array is "[]" ("[ ]" pretty).  The writer here makes the same bytes,
 * so `nsviz -j` output compares equal to ip's with cmp.  Strings escape
 * what ip escapes, and also every other character util/esc.h calls
 * unsafe (\u00XX; bytes that are not UTF-8 become U+FFFD), which only
 * matters for names nobody should make.  Pure code.
 */
#ifndef NSVIZ_FMT_JSON_H
#define NSVIZ_FMT_JSON_H

#include <stdbool.h>
#include <stdint.h>

#include "fmt/fmt.h"

struct sbuf;

struct fj {
	struct sbuf *out;
	unsigned depth;
	bool pretty;
	char sep;              /* ',' once something was written at this level */
};

void fj_init(struct fj *j, struct sbuf *out, bool pretty);
/* name is NULL for an array element or the top level */
void fj_open_obj(struct fj *j, const char *name);
void fj_close_obj(struct fj *j);
void fj_open_arr(struct fj *j, const char *name);
void fj_close_arr(struct fj *j);
void fj_str(struct fj *j, const char *name, const char *v);
void fj_uint(struct fj *j, const char *name, uint64_t v);
void fj_int(struct fj *j, const char *name, int64_t v);
void fj_bool(struct fj *j, const char *name, bool v);
void fj_null(struct fj *j, const char *name);
void fj_raw(struct fj *j, const char *name, const char *text);

/* The members of one link object, inside an object the caller opened:
 * FJ_LINK is `ip -j link show` (linkmode, ifalias, stats64 with -s),
 * FJ_ADDR `ip -j addr show` (addr_info, then stats64 with -s), FJ_SHOW
 * `nsviz show --json`: both, with linkinfo where -d puts it.  inet6: l
 * is the kernel's AF_INET6 reply (fmt_link_inet6_view: `ip -6 addr`
 * without a device), which has no group. */
enum fj_link_as { FJ_LINK, FJ_ADDR, FJ_SHOW };
void fj_link_members(struct fj *j, const struct w_ns *ns,
                     const struct w_link *l, const struct fmt_opts *o,
                     enum fj_link_as as, bool inet6);
/* What -d adds (details_json.c), after link_netnsid: promiscuity ...
 * linkinfo ... gro_max_size; do_link: link show (inet6_addr_gen_mode) */
void fj_link_details(struct fj *j, const struct w_ns *ns,
                     const struct w_link *l, bool do_link);
/* Whether l's kind or port kind is one ip 6.1 prints options for that
 * nsviz does not print (bond, gre, vrf...: "info_data" would differ);
 * the kind in kind ("bond_slave") */
/* show --json's "linkinfo": ip -d -j's (info_kind, info_data,
 * info_slave_kind, info_slave_data), the data objects only when the
 * kernel sent them, without the bridge's running timers (which change
 * while nothing else does) (details_json.c) */
void fj_linkinfo_show(struct fj *j, const struct w_ns *ns,
                      const struct w_link *l);
/* A rule's members as ip -d -j rule show writes them (fmt/rule.c) */
struct w_rule;
void fj_rule_members(struct fj *j, const struct w_rule *r);
bool fj_details_unprintable(const struct w_link *l, char *kind, size_t len);
/* "stats64": { "rx": {...}, "tx": {...} }; level is the -s count */
void fj_stats64(struct fj *j, const struct w_link *l, int level);
/* one element of addr_info (the caller opens and closes the object) */
void fj_addr_members(struct fj *j, const struct w_ns *ns,
                     const struct w_addr *a, const struct fmt_opts *o);
/* details: as `ip -d -j`, type, protocol and scope always; all_tables:
 * listing every table (`table all`), where -d names the main one too */
void fj_route_members(struct fj *j, const struct w_ns *ns,
                      const struct w_route *r, bool details,
                      bool all_tables);
void fj_neigh_members(struct fj *j, const struct w_ns *ns,
                      const struct w_neigh *n, bool with_dev, bool brief,
                      bool stats);

#endif
