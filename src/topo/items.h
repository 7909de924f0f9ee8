/* SPDX-License-Identifier: GPL-2.0-or-later */
/* items.h - a topology as a list of items: each thing `save` writes, with
 * the command that makes it, the one that changes it and the one that
 * deletes it (pure: no kernel).
 *
 * One item per object (a namespace, a link, an address, a route, a
 * neighbour, a rule) and per setting that is not an object of its own
 * (a link's mtu, master and admin state; a sysctl).  Settings are always
 * present, with their value: those at the value a new object gets are
 * TI_HIDDEN (save does not write them, diff still compares them).  An
 * item is known by its namespace and key, so the items of the live world
 * and those of a file (run in a scratch sandbox, saved the same way) can
 * be matched one by one (diff.c).  Commands are nsviz's canonical text
 * without the leading `ip -n NS` (the namespace is the item's).
 */
#ifndef NSVIZ_TOPO_ITEMS_H
#define NSVIZ_TOPO_ITEMS_H

#include <stdbool.h>
#include <stddef.h>

#include "util/sbuf.h"

/* The order a topology is built in; pruning goes backwards. */
enum ti_phase {
	TP_NETNS,          /* netns add */
	TP_SYSCTL_NS,      /* sysctls of the namespace (before its links, so
	                    * links made later start from its defaults) */
	TP_LINK,           /* links that stand alone: veth, bridge, dummy */
	TP_LINK_SET,       /* their mtu, MAC, master, bridge options */
	TP_LINK_STACKED,   /* links on a lower one: vlan, macvlan, vxlan
	                    * (after the lower's mtu: they take it) */
	TP_STACKED_SET,    /* their settings */
	TP_SYSCTL_IF,      /* per-interface sysctls */
	TP_ADDR,
	TP_UP,             /* admin state */
	TP_NEIGH,
	TP_ROUTE,
	TP_RULE,
	TP_NFT,            /* nftables tables, each whole (issue 14) */
	TP_TC_QDISC,       /* root qdiscs (tc, issue 14) */
	TP_TC_CLASS,       /* their classes, parents first */
	TP_NPHASES
};

#define TI_HIDDEN   1u   /* a setting at its default: not written */
#define TI_CLAIM    2u   /* made by another item (the far end of a veth
                          * pair): never created or deleted by itself */
#define TI_BUILTIN  4u   /* there in every namespace (lo): never created
                          * or deleted */
#define TI_SETTING  8u   /* a value, not an object: changed, never
                          * deleted */
#define TI_DERIVED 32u   /* at its default because it follows another
                          * setting (a bridge's mtu its ports', an
                          * interface's forwarding ip_forward): when
                          * hidden, never enforced */
#define TI_SYSCTL 16u    /* a sysctl: its default is the system's (a
                          * namespace inherits the host's IPv4 settings,
                          * an interface its namespace's), so one the
                          * file leaves at its default is enforced only
                          * with --prune */

/* what an item depends on: a link, in a namespace ("" = the host) */
struct ti_dep {
	char *ns;
	char *link;
};

struct titem {
	enum ti_phase phase;
	unsigned flags;
	char *ns;          /* the namespace's name, "" = the host */
	char *key;         /* unique in ns: "link veth0", "link veth0 mtu" */
	char *line;        /* the command that makes it so */
	char *cmp;         /* what is compared, when not line (a bridge is
	                    * the same bridge whatever its options: they are
	                    * a setting of their own) */
	char *repl;        /* the command when it is there but differs
	                    * (NULL: delete it and make it again) */
	char *del;         /* the command that deletes it (NULL: none) */
	struct ti_dep dep[2];   /* NULL names: unused */
	char *link;        /* for a link's own item: its name (its
	                    * dependents name it), else NULL; a root
	                    * qdisc's is "tc qdisc DEV" (no link has a space
	                    * in its name): its classes name it, and one that
	                    * differs is deleted and made again, with them */
};

struct tilist {
	struct titem *v;
	size_t n, cap;
	/* what was left out, and why: one line each ("eth0: a physical
	 * interface of the host"), written in the header */
	char **left;
	size_t nleft, capleft;
};

void tilist_init(struct tilist *l);
void tilist_free(struct tilist *l);
/* A new item (strings copied; repl, del, link and deps may be NULL). */
struct titem *tilist_add(struct tilist *l, enum ti_phase phase,
                         unsigned flags, const char *ns, const char *key,
                         const char *line, const char *repl,
                         const char *del);
void titem_dep(struct titem *it, int i, const char *ns, const char *link);
/* what diff compares: cmp, else line */
const char *titem_cmp(const struct titem *it);
void tilist_leave(struct tilist *l, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Sort by phase, keeping the order of each phase (stable). */
void tilist_sort(struct tilist *l);
/* The item of (ns, key), NULL when none (a linear search over a sorted
 * copy's index is the caller's: see diff.c). */
const struct titem *tilist_find(const struct tilist *l, const char *ns,
                                const char *key);

/* Serialize to bytes and back (the scratch sandbox sends its items to
 * nsviz through a pipe).  Parsing fails (-1) on anything malformed. */
void tilist_pack(const struct tilist *l, struct sbuf *out);
int tilist_unpack(struct tilist *l, const char *p, size_t len);

#endif
