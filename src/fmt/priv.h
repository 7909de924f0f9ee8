/* SPDX-License-Identifier: GPL-2.0-or-later */
/* priv.h - pieces of the iproute2 text shared by the files of src/fmt
 * (iproute.c: plain text; list.c: the show verbs with their options;
 * brief.c, stats.c, json.c).  Not for use outside src/fmt. */
#ifndef NSVIZ_FMT_PRIV_H
#define NSVIZ_FMT_PRIV_H

#include <stdbool.h>
#include <stddef.h>

#include "fmt/fmt.h"

struct sbuf;

/* What ip prints for an ifindex: the name in ns (unsafe bytes escaped),
 * "*" for 0, "ifN" when the index is unknown.  buf: FMT_IFNAME_BUF. */
#define FMT_IFNAME_BUF (4 * W_IFNAMSIZ)
const char *fmt_ifname(const struct w_ns *ns, int ifindex, char *buf,
                       size_t len);

/* The link header line, without its newline: "3: veth0@veth1: <...> mtu
 * 1500 qdisc noqueue ... qlen 1000".  FMT_LH_MODE adds "mode DEFAULT"
 * (`ip link`); FMT_LH_INET6 prints only what the kernel's AF_INET6 link
 * reply holds (`ip -6 addr`: no qdisc, master, mode or group). */
#define FMT_LH_MODE 1u
#define FMT_LH_INET6 2u
void fmt_link_head(struct sbuf *out, const struct w_ns *ns,
                   const struct w_link *l, unsigned what);
/* "    link/ether MAC brd MAC" (no newline before or after) */
void fmt_link_lladdr(struct sbuf *out, const struct w_link *l);
/* " link-netns NAME" / " link-netnsid N", or nothing: NAME is the named
 * namespace that ns numbers link_netnsid (ns->world knows it) */
void fmt_link_netns(struct sbuf *out, const struct w_ns *ns,
                    const struct w_link *l);
/* "\n    alias TEXT", or nothing */
void fmt_link_alias(struct sbuf *out, const struct w_link *l);

/* l as the kernel's AF_INET6 link reply shows it (`ip -6 addr` asks for
 * that one): IFLA_LINK only when it differs from the ifindex, no
 * IFLA_LINK_NETNSID, so ip names the peer's index in this namespace. */
void fmt_link_inet6_view(const struct w_link *l, struct w_link *out);

/* Addresses of ifindex in ns in the kernel's order, of family (0: all);
 * *v is allocated (free it), the count returned. */
size_t fmt_addrs_of(const struct w_ns *ns, int ifindex, int family,
                    const struct w_addr ***v);
/* Listed routes (main table) of family in kernel order, as above. */
size_t fmt_routes_of(const struct w_ns *ns, int family,
                     const struct w_route ***v);

/* The words of a route get answer's cache flags (RTCF_*), ip's order */
size_t fmt_cache_flag_words(unsigned flags, const char **v, size_t max);

/* fmt_route, with `ip -d`'s type, protocol and scope always; and the
 * table, main too, with all_tables (route get, table all) */
void fmt_route_details(struct sbuf *out, const struct w_ns *ns,
                       const struct w_route *r, bool details,
                       bool all_tables);

/* fmt_neigh, with `ip -s`'s cache ages and probes when stats */
void fmt_neigh_stats(struct sbuf *out, const struct w_ns *ns,
                     const struct w_neigh *n, bool with_dev, bool stats);

/* ip -o: every newline of one record but its last written as '\' */
void fmt_oneline(struct sbuf *out, const char *record);

/* The text of -s and -s -s under a link ("    RX:  bytes ..."), lines
 * separated by '\n', ending after the last number (no newline). */
void fmt_stats_text(struct sbuf *out, const struct w_link *l, int level);

/* -br lines */
void fmt_brief_link(struct sbuf *out, const struct w_ns *ns,
                    const struct w_link *l);
void fmt_brief_addrs(struct sbuf *out, const struct w_ns *ns,
                     const struct w_link *l, int family);
void fmt_brief_neigh(struct sbuf *out, const struct w_ns *ns,
                     const struct w_neigh *n, bool with_dev);

#endif
