/* SPDX-License-Identifier: GPL-2.0-or-later */
/* save.h - the world as the items of a topology (pure: the world and the
 * sysctl values in, items out); save_text.c writes them as a file. */
#ifndef NSVIZ_TOPO_SAVE_H
#define NSVIZ_TOPO_SAVE_H

#include <stdbool.h>
#include <stddef.h>

#include "topo/items.h"
#include "world/world.h"

/* One sysctl of a namespace as its kernel holds it. */
struct topo_sysctl {
	const char *key;        /* "net.ipv4.ip_forward" */
	const char *value;      /* "1" (sysctl -n's text, no newline) */
	bool at_default;        /* what a new namespace (or interface) has */
	bool derived;           /* ... because it follows another sysctl */
	const char *dev;        /* the interface of a per-interface key
	                         * (net.ipv4.conf.DEV.rp_filter), else NULL */
};

/* One nftables table as `nft -s list table` prints it, in one line:
 * what `nft 'TEXT'` makes again ("table ip nat { chain post { type nat
 * hook postrouting priority srcnat; policy accept; oifname \"r-inet\"
 * masquerade; }; }"). */
struct topo_nft_table {
	const char *family;     /* "ip", "inet", ... */
	const char *name;
	const char *text;
};

/* The tables of `nft -s list ruleset` output, each flattened to one line
 * (pure).  Returns how many; *v (strings in it) is freed with
 * topo_nft_free. */
size_t topo_nft_tables(const char *listing, struct topo_nft_table **v);
void topo_nft_free(struct topo_nft_table *v, size_t n);

/* One qdisc or class of a namespace as a dump reply reports it (`tc
 * qdisc show`, `tc class show dev X`): what save reads of it. */
struct tc_clock;
struct tc_opts;
struct topo_tc {
	bool is_class;
	int ifindex;
	uint32_t handle, parent;   /* tcm_handle, tcm_parent */
	char kind[16];             /* TCA_KIND */
	const void *opts;          /* TCA_OPTIONS' payload; NULL: none */
	size_t optlen;
};

/* A dump reply (RTM_NEWQDISC or RTM_NEWTCLASS, header and all) as a
 * topo_tc whose opts point into msg (pure, every length checked): -1
 * when it is not one. */
int topo_tc_of_msg(const void *msg, size_t len, struct topo_tc *t);
/* The options of t as tc's words would give them (its kind's decode);
 * r2q: a class's qdisc's (a quantum the kernel computed from the rate is
 * left out).  -1 with err when nsviz cannot say them (a kind it has no
 * words for, bytes that are not the kind's). */
int topo_tc_decode(const struct topo_tc *t, const struct tc_clock *clk,
                   uint32_t r2q, struct tc_opts *o, char *err,
                   size_t errlen);
/* The command that makes t on dev, as words for nsviz's parser: "tc
 * qdisc VERB dev DEV root handle H: KIND OPTIONS" or "tc class VERB dev
 * DEV parent P classid C KIND OPTIONS" (o: topo_tc_decode's; NULL, or
 * VERB del: what names it, no kind). */
void topo_tc_command(const struct topo_tc *t, const char *verb,
                     const char *dev, const struct tc_opts *o,
                     struct sbuf *out);

struct topo_save_opts {
	/* the namespaces to save, by name ("" = the host); none: all */
	const char *const *only;
	size_t nonly;
	/* a namespace's sysctls (NULL: none are saved) */
	size_t (*sysctls)(void *ctx, const struct w_ns *ns,
	                  const struct topo_sysctl **v);
	void *ctx;
	/* true when a link's MAC address was set by hand (the kernel's
	 * addr_assign_type NET_ADDR_SET); NULL: none was */
	bool (*mac_set)(void *ctx, const struct w_ns *ns, const char *link);
	/* a namespace's nftables tables (NULL: none are saved) */
	size_t (*nft_tables)(void *ctx, const struct w_ns *ns,
	                     const struct topo_nft_table **v);
	/* a namespace's qdiscs and the classes of its root htb qdiscs, in
	 * the kernel's order (NULL: none are saved); their ticks in clock
	 * (NULL: tc_clock_default's) */
	size_t (*tc)(void *ctx, const struct w_ns *ns,
	             const struct topo_tc **v);
	const struct tc_clock *tc_clock;
};

/* Append the items of w to out (sorted by phase).  What cannot be saved
 * (a physical interface, an unnamed namespace, a link whose peer is
 * outside what is saved) is listed in out->left with the reason. */
void topo_save(const struct world *w, const struct topo_save_opts *o,
               struct tilist *out);

/* The canonical form of a command ("link set dev x up" -> "link set x
 * up"), in namespace ns ("" = the host) but without `ip -n NS`: 0, or
 * -1 with the parser's message when the text is not a command. */
int topo_canon(const char *text, struct sbuf *out, char *err, size_t errlen);
/* The same, whole: "ip -n vnet link set veth1 up", "sysctl -w ..." */
int topo_canon_full(const char *text, struct sbuf *out, char *err,
                    size_t errlen);

/* The whole canonical command of an item, as a file holds it: "ip -n
 * vnet link set veth1 up", "ip netns exec vnet sysctl -w ...", "ip netns
 * add vnet".  0, or -1 with a message. */
int topo_item_command(const struct titem *it, const char *line,
                      struct sbuf *out, char *err, size_t errlen);

struct topo_write_opts {
	bool sh;                /* a shell script of real ip/sysctl commands */
	const char *version;    /* nsviz's */
	const char *when;       /* "2026-12-02 07:40:00 UTC", NULL: none */
	const char *what;       /* "every namespace", "namespaces vnet, x" */
};

/* The items as a file: a header (what, when, what was left out and why),
 * then one command per line in the order they apply; settings at their
 * defaults are not written. */
void topo_write(const struct tilist *l, const struct topo_write_opts *o,
                struct sbuf *out);

#endif
