/* SPDX-License-Identifier: GPL-2.0-or-later */
/* fmt.h - text the way iproute2 prints it, from world structs.
 *
 * `link show`, `addr show`, `route show` and `route get` print exactly what
 * iproute2 6.x prints for the attributes nsviz keeps, so a learner's eyes
 * transfer.  The UI's route panel uses fmt_route too.  Pure code.
 */
#ifndef NSVIZ_FMT_H
#define NSVIZ_FMT_H

#include "world/world.h"

struct sbuf;

/* iproute2's output options, as given before the object (`ip -br -s
 * link`); the command's family (-4, -6, -0: AF_PACKET) travels with them
 * so that printers filter as ip does. */
struct fmt_opts {
	bool brief;             /* -br, -brief */
	int stats;              /* -s, -stats: how many times given */
	bool details;           /* -d, -details */
	bool oneline;           /* -o, -oneline */
	bool json;              /* -j, -json */
	bool pretty;            /* -p, -pretty (with -j) */
	int family;             /* 0, AF_INET, AF_INET6, AF_PACKET */
};

/* `ip link show`: "1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 ..." + newline
 * + "    link/loopback ..." + newline.  ns is the namespace the link is in. */
void fmt_link(struct sbuf *out, const struct w_ns *ns, const struct w_link *l);

/* `ip addr show`: the link header (without "mode ...") and then every
 * address of that link in ns. dev may be restricted by the caller.
 * Addresses come in the kernel's order: IPv4 first (primaries by scope,
 * host/link before global, secondaries last), then IPv6 (global before
 * link); ties keep world order, which for IPv6 should be newest first. */
void fmt_link_addrs(struct sbuf *out, const struct w_ns *ns,
                    const struct w_link *l);

/* One address, as its two lines under `ip addr show`. */
void fmt_addr(struct sbuf *out, const struct w_ns *ns, const struct w_addr *a);

/* `ip route show` one line (with trailing newline) for a route of ns. */
void fmt_route(struct sbuf *out, const struct w_ns *ns, const struct w_route *r);

/* true when `ip route show` (main table, no options) would list r: main
 * table, not a cached clone.  Family-blind: plain `ip route show` lists
 * IPv4 only and `ip -6 route show` IPv6 only (fmt_route_show does both). */
bool fmt_route_listed(const struct w_route *r);

/* `ip route get ADDR` reply: "10.0.2.0 dev veth0 src 10.0.1.0 uid 0 \n    cache \n".
 * Same printer as fmt_route: the differences come from the kernel's answer
 * (RTM_F_CLONED and RTCF_* in flags, has_uid, RTA_SRC "from ::" for IPv6). */
void fmt_route_get(struct sbuf *out, const struct w_ns *ns,
                   const struct w_route *r);

/* `ip neigh show` one entry, with its newline:
 * "10.0.1.1 dev veth0 lladdr 0a:1b:2c:3d:4e:5f REACHABLE \n" (every word
 * followed by a blank, as ip prints them); "dev NAME " left out when
 * with_dev is false, as `ip neigh show dev NAME` leaves it out. */
void fmt_neigh(struct sbuf *out, const struct w_ns *ns,
               const struct w_neigh *n, bool with_dev);

/* true when plain `ip neigh show` lists n: an IPv4 or IPv6 entry (not a
 * bridge's fdb entry, which the world may hold too) in any state but
 * NOARP and NONE, or a proxy or externally learned one. */
bool fmt_neigh_listed(const struct w_neigh *n);

/* `ip neigh show` (ifindex 0) or `ip neigh show dev NAME` (its ifindex)
 * for ns, family 0 for both (`ip -4 neigh`: AF_INET): IPv4 entries first,
 * as the kernel dumps its ARP table before the IPv6 one, each in world
 * order (which after a dump is the kernel's hash order). */
void fmt_neigh_show(struct sbuf *out, const struct w_ns *ns, int ifindex,
                    int family);

/* Name tables, as iproute2 spells them. */
const char *fmt_scope_name(int scope, char *buf, size_t len);
const char *fmt_proto_name(int proto, char *buf, size_t len);
const char *fmt_rtype_name(int type, char *buf, size_t len);
const char *fmt_operstate_name(int state);   /* "?" if not IF_OPER_* */
const char *fmt_mac(const uint8_t *a, int len, char *buf, size_t buflen);

/* ---- additions: more names, flag words, ordering ---------------------- */

/* Link-layer address as ip prints it: hex with colons, or dotted/IPv6
 * text for tunnel types (ipip, sit, gre: 4 bytes; tunnel6, gre6: 16). */
const char *fmt_lladdr(const uint8_t *a, int len, unsigned arptype,
                       char *buf, size_t buflen);
/* "ether", "loopback", "none", ... ; "[N]" for unknown ARPHRD_* */
const char *fmt_arphrd_name(unsigned type, char *buf, size_t len);
const char *fmt_table_name(int table, char *buf, size_t len); /* "main", "100" */
const char *fmt_dsfield_name(int tos, char *buf, size_t len); /* "AF11", "0x04" */
const char *fmt_group_name(int32_t group, char *buf, size_t len); /* "default", "7" */
const char *fmt_linkmode_name(int mode, char *buf, size_t len); /* "DEFAULT" */
const char *fmt_family_name(int family);        /* "inet", "inet6", "?" */
/* NUD_* state bits the way `ip neigh` spells them ("REACHABLE", "NONE");
 * several bits are joined with a space. */
const char *fmt_nud_name(unsigned state, char *buf, size_t len);

/* The words iproute2 prints for a set of flags, in its order.  Store at
 * most max pointers in v and return how many were stored.  Bits with no
 * name become one last word written into spare (links: hex "10000";
 * addresses: "flags 1000"), so spare must outlive v's use. */
#define FMT_MAX_FLAG_WORDS 32
size_t fmt_link_flag_words(unsigned flags, bool mdown, const char **v,
                           size_t max, char *spare, size_t sparelen);
size_t fmt_addr_flag_words(int family, unsigned flags, const char **v,
                           size_t max, char *spare, size_t sparelen);
size_t fmt_route_flag_words(unsigned flags, const char **v, size_t max);

/* True when ip would add ",M-DOWN" to l's flags: its IFLA_LINK peer is in
 * the same namespace (no link-netnsid) and is not admin-up (or unknown). */
bool fmt_link_mdown(const struct w_ns *ns, const struct w_link *l);

/* The order the kernel dumps routes in (so `ip route show` matches):
 * family, table, then IPv4 by destination ascending with longer prefixes
 * first, tos descending, metric ascending; IPv6 in fib6 tree order (by
 * last address of the prefix, longer first), metric ascending.  For
 * qsort over an array of `const struct w_route *` pointing into one
 * ns->routes array: ties keep world order. */
int fmt_route_cmp(const void *a, const void *b);

/* `ip route show` (family AF_INET) or `ip -6 route show` (AF_INET6) for
 * all of ns: every listed route in kernel order. */
void fmt_route_show(struct sbuf *out, const struct w_ns *ns, int family);

/* ---- linkkinds: `ip -d` details and `ip link show` filters ----------- */

/* What `ip -d link show` appends to a link's "    link/ether ..." line
 * (after its link-netns part, before "\n    alias"): " promiscuity 0 
 * allmulti 0 minmtu 68 maxmtu 65535 ", the kind's line ("\n    vxlan id
 * 42 ... "), a port's line ("\n    bridge_slave ... "), then
 * "addrgenmode eui64 numtxqueues 1 ... gro_max_size 65536 ".  No final
 * newline; every item ends in a blank, as ip prints it.  With -o, ip
 * writes each "\n" inside an entry as "\\". */
void fmt_link_details(struct sbuf *out, const struct w_ns *ns,
                      const struct w_link *l);
/* The same for `ip -d addr show`, which leaves out addrgenmode. */
void fmt_addr_link_details(struct sbuf *out, const struct w_ns *ns,
                           const struct w_link *l);
/* One whole `ip -d link show` entry: fmt_link's lines with the details
 * in their place (and " protodown on " when set), newline included. */
void fmt_link_d(struct sbuf *out, const struct w_ns *ns, const struct w_link *l);

/* Which links `ip link show [up] [type KIND]` lists: kind NULL for any;
 * "bridge_slave" (any "KIND_slave") matches ports of that kind of
 * master, as ip's filter does; a link without linkinfo matches no kind. */
bool fmt_link_listed(const struct w_link *l, const char *kind, bool up_only);

/* ---- bridges (fmt/bridge.c): bridge(8) 6.1's text and -j, -p ----------- */

/* `bridge vlan show`, `bridge link show`, `bridge fdb show` of one dump
 * (kernel/bridge.c) of ns; ifindex not 0: `dev NAME` (fdb show then
 * leaves "dev NAME" out of its lines, as bridge does).  o: -j, -p; -d
 * (link show: the port's settings); -s (fdb show: used/updated). */
void fmt_bridge_vlan_show(struct sbuf *out, const struct w_ns *ns,
                          const struct w_brview *v, int ifindex,
                          const struct fmt_opts *o);
void fmt_bridge_link_show(struct sbuf *out, const struct w_ns *ns,
                          const struct w_brview *v, int ifindex,
                          const struct fmt_opts *o);
void fmt_bridge_fdb_show(struct sbuf *out, const struct w_ns *ns,
                         const struct w_brview *v, int ifindex,
                         const struct fmt_opts *o);
/* "forwarding", ... for BR_STATE_*; NULL for other numbers */
const char *fmt_stp_state_name(int state);

/* The options of `ip link add|set ... type bridge` and `type
 * bridge_slave`, for the grammar: the word, what it sets, its value. */
enum fmt_bropt_type {
	FMT_BROPT_U8, FMT_BROPT_U16, FMT_BROPT_U32,
	FMT_BROPT_ONOFF,        /* on | off: 1 | 0 */
	FMT_BROPT_PROTO         /* 802.1Q | 802.1ad: 0x8100 | 0x88a8 */
};
struct fmt_bropt {
	const char *word;
	enum w_bropt key;
	bool slave;             /* a bridge_slave option */
	enum fmt_bropt_type type;
};
/* i in [0, W_BROPT_COUNT): every option; NULL past the end */
const struct fmt_bropt *fmt_bropt_at(size_t i);
const struct fmt_bropt *fmt_bropt_find(bool slave, const char *word);
/* A value as the canonical text writes it: "on", "802.1Q", "1500" */
const char *fmt_bropt_value(enum w_bropt key, uint32_t v, char *buf,
                            size_t len);
/* "type bridge vlan_filtering 1 stp_state 0", "type bridge_slave
 * learning off": the canonical text of a list of options */
void fmt_bropts(struct sbuf *out, const struct w_bropts *o);

/* ---- the show verbs with iproute2's output options (list.c) -----------
 * What `ip [OPTS] link|addr|route|neigh show` prints for ns, every option
 * of struct fmt_opts and its family honoured as ip 6.1 honours them (see
 * list.c for the rules); o NULL is the plain output.  only restricts
 * links to one (`dev NAME`), ifindex neighbours to one device (0: all). */
void fmt_link_list(struct sbuf *out, const struct w_ns *ns,
                   const struct w_link *only, const struct fmt_opts *o);
void fmt_addr_list(struct sbuf *out, const struct w_ns *ns,
                   const struct w_link *only, const struct fmt_opts *o);
void fmt_route_list(struct sbuf *out, const struct w_ns *ns,
                    const struct fmt_opts *o);
/* The same, listing only the links keep() keeps (`link show up`, `type
 * KIND`, `master BR`: the verb's own filters, in ip's order of the dump) */
typedef bool (*fmt_link_keep)(const struct w_ns *ns, const struct w_link *l,
                              void *ctx);
void fmt_link_list_if(struct sbuf *out, const struct w_ns *ns,
                      const struct w_link *only, fmt_link_keep keep,
                      void *ctx, const struct fmt_opts *o);
void fmt_addr_list_if(struct sbuf *out, const struct w_ns *ns,
                      const struct w_link *only, fmt_link_keep keep,
                      void *ctx, const struct fmt_opts *o);
void fmt_neigh_list(struct sbuf *out, const struct w_ns *ns, int ifindex,
                    const struct fmt_opts *o);
/* `ip [-j [-p]] [-o] route get` for the kernel's answer r */
void fmt_route_get_opts(struct sbuf *out, const struct w_ns *ns,
                        const struct w_route *r, const struct fmt_opts *o);

/* ---- routing (issue 11): route show filters, rules --------------------- */

/* `ip route show` filters, as iproute2 applies them (filter_nlmsg), and
 * what they hide from the printed line (a filter by dev leaves out "dev
 * D", by proto "proto P", ...).  fmt_route_filter_init gives plain `ip
 * route show`: table main, no filter.  The caller sets family as ip
 * does: -4/-6 when given, else AF_INET, but 0 (both) for `table all`. */
enum fmt_prefix_match {
	FMT_PFX_NONE,           /* no prefix given ("all", "any") */
	FMT_PFX_EXACT,          /* PREFIX, exact PREFIX: that very prefix */
	FMT_PFX_ROOT,           /* root PREFIX: routes inside it */
	FMT_PFX_MATCH           /* match PREFIX: routes that cover it */
};
struct fmt_route_filter {
	int family;             /* 0 = every family */
	uint32_t table;         /* 0 = every table (table all) */
	bool has_protocol;      /* proto P ("all": false) */
	int protocol;
	bool has_scope;         /* scope S ("all": false) */
	int scope;
	unsigned typemask;      /* type T: 1u << RTN_*; 0 = any */
	bool has_tos;
	int tos;
	int oif;                /* dev D, oif D: its ifindex; 0 = any */
	bool has_metric;        /* metric, priority, preference N */
	uint32_t metric;
	bool has_via;           /* via PREFIX (a gateway inside it) */
	struct w_ip via;
	int via_len;
	bool has_src;           /* src PREFIX (the preferred source) */
	struct w_ip src;
	int src_len;
	enum fmt_prefix_match dst_match;   /* the destination prefix */
	struct w_ip dst;        /* family 0: "default" of any family */
	int dst_len;
};
void fmt_route_filter_init(struct fmt_route_filter *f);
/* Would ip list r under f?  (Cached clones never: no `table cache`.) */
bool fmt_route_match(const struct fmt_route_filter *f, const struct w_route *r);
/* One route line as ip prints it under f (f NULL: no filter, as for a
 * `route get` answer: "table T" shown when not main). */
void fmt_route_line(struct sbuf *out, const struct w_ns *ns,
                    const struct w_route *r, const struct fmt_route_filter *f);
/* `ip route show [table T] [proto P] [scope S] [type T] [dev D] [via G]
 * [src S] [metric M] [PREFIX]`: every route of ns that passes, in the
 * kernel's dump order (IPv4 then IPv6, each table by table id). */
void fmt_route_show_filtered(struct sbuf *out, const struct w_ns *ns,
                             const struct fmt_route_filter *f);

/* `ip rule show` one rule, with its newline: "0:\tfrom all lookup local".
 * details (-d) prints "proto P" even for the kernel's own rules. */
void fmt_rule(struct sbuf *out, const struct w_rule *r, bool details);
/* `ip rule show` (family AF_INET; 0 means AF_INET too, as for ip) or
 * `ip -6 rule show` (AF_INET6): every rule of ns of that family. */
void fmt_rule_show(struct sbuf *out, const struct w_ns *ns, int family,
                   bool details);
const char *fmt_realm_name(uint32_t realm, char *buf, size_t len);
/* `ip rule show` filters (iprule.c's filter_nlmsg): zero/false/"" is
 * "any".  src/dst: the rule's prefix lies inside (from PREFIX, to
 * PREFIX; family 0 = any). */
struct fmt_rule_filter {
	bool has_priority;
	uint32_t priority;
	bool invert;            /* not: inverted rules only */
	struct w_ip src, dst;
	int src_len, dst_len;
	bool has_tos;
	int tos;
	uint32_t fwmark, fwmask;    /* 0 = any */
	char iif[W_IFNAMSIZ], oif[W_IFNAMSIZ];
	uint32_t table;         /* 0 = any */
};
bool fmt_rule_match(const struct fmt_rule_filter *f, const struct w_rule *r);
void fmt_rule_show_filtered(struct sbuf *out, const struct w_ns *ns,
                            int family, bool details,
                            const struct fmt_rule_filter *f);

#endif
