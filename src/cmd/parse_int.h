/* SPDX-License-Identifier: GPL-2.0-or-later */
/* parse_int.h - what the grammar's files share: the parser state, the
 * messages that name the offending word, word and value readers, option
 * tables, and the canonical-text writer.  Internal to src/cmd/.
 *
 * Messages always start with the offending word and say what is wrong
 * with it; abbreviations follow iproute2's matches(): a typed word
 * stands for the first keyword, in iproute2's order, it is a prefix of.
 */
#ifndef NSVIZ_PARSE_INT_H
#define NSVIZ_PARSE_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cmd/cmd.h"
#include "cmd/verbs.h"

struct sbuf;

struct parser {
	int argc;
	char **argv;
	int i;             /* the next word to read */
	int first;         /* where the command's own words start (messages) */
	struct cmd *c;
	const struct cmd_entry *e;  /* the verb being parsed */
	const char *verb_word;      /* the verb as typed ("a"), or NULL */
	const char *mark[4];        /* words a verb's parser keeps for its
	                             * messages (the destination as typed) */
	enum cmd_tool tool;         /* after `bridge` or `tc`: their objects
	                             * (bridge vlan, tc qdisc) */
	bool ip;                    /* after `ip`: not nft, a command of its own */
	char *err;
	size_t errlen;
	char ctxbuf[512];
	char hintbuf[256];
};

#define SHOWN_MAX 68

/* ---- messages (parse_util.c); each returns -1 ---------------------------- */
int p_fail(struct parser *p, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* "WORD: reason" */
int p_bad(struct parser *p, const char *word, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* "link set veth1 mtu: missing mtu value" */
int p_missing(struct parser *p, const char *what);
int p_unexpected(struct parser *p);
/* kw was just read, and was read before */
int p_twice(struct parser *p, const char *kw);
/* kw and its value were just read, and kw was given before */
int p_twice_value(struct parser *p, const char *kw);
/* The words read so far ("link set veth1 mtu") */
const char *p_ctx(struct parser *p);
/* A word as a message shows it (long ones shortened, '' for empty) */
const char *p_shown(const char *w, char *buf);
/* "expected add, del or show": the verbs of an object, from the table */
const char *p_verbs_hint(struct parser *p, const char *object);
/* "expected addr, route, link, ...": the objects, from the table */
const char *p_objects_hint(struct parser *p);

/* ---- words --------------------------------------------------------------- */
bool p_more(const struct parser *p);
const char *p_peek(const struct parser *p);
const char *p_next(struct parser *p);
/* The value after a keyword; NULL (message set) when there is none. */
const char *p_value(struct parser *p, const char *what);
/* iproute2's matches(): w is a non-empty prefix of kw */
bool kw_matches(const char *w, const char *kw);
/* a prefix of at least min characters */
bool kw_abbrev(const char *w, const char *kw, size_t min);

/* ---- values: each checks, stores, and says why not (-1) ------------------ */
void p_copy(char *dst, size_t size, const char *src);
int p_check_new_name(struct parser *p, const char *w, const char *what);
int p_take_ifname(struct parser *p, const char *w, char *dst);
int p_take_nsname(struct parser *p, const char *w, char *dst);
/* -n NS before a command (ip's, bridge's, tc's): o was just read; the
 * namespace's name follows, once */
int p_netns_opt(struct parser *p, const char *o);
/* The options a tool (bridge, tc) takes before its object: a table of
 * names in the tool's own order of matching (the word may abbreviate the
 * name, as iproute2's matches() lets it), ended by a NULL name */
enum tool_opt_what {
	TOOL_OPT_UNKNOWN, TOOL_OPT_STATS, TOOL_OPT_DETAILS, TOOL_OPT_NETNS,
	TOOL_OPT_JSON, TOOL_OPT_PRETTY,
	TOOL_OPT_HELP,          /* -help, -Version: refused, nsviz --help says */
	TOOL_OPT_UNSUPPORTED,   /* the tool's own, refused by name */
};
struct tool_opt {
	const char *name;       /* "-stats" */
	enum tool_opt_what what;
};
/* read the options, then the object; expected: "-n NS, -s or -d" */
int p_tool_options(struct parser *p, const struct tool_opt *tab,
                   const char *tool, const char *expected);
const char *p_family_name(int family);      /* "IPv4" */
const char *p_family_opt(int family);       /* "-4" */
int p_addr_text(struct parser *p, const char *word, const char *text,
                struct w_ip *ip, int want);
int p_ip(struct parser *p, const char *w, struct w_ip *ip, int want);
/* ADDR or ADDR%IF (IPv6 link-local or link-scope multicast only); dev:
 * W_IFNAMSIZ bytes, IF or "" */
int p_ip_zone(struct parser *p, const char *w, struct w_ip *ip, char *dev);
int p_prefix(struct parser *p, const char *w, struct w_ip *ip, int *len,
             int want);
bool p_u64(const char *w, unsigned long long max, unsigned long long *out);
int p_mtu(struct parser *p, const char *w, unsigned *mtu);
int p_mac(struct parser *p, const char *w, uint8_t mac[6]);
/* the -4/-6 given before an object that has no use for it */
int p_no_family(struct parser *p, const char *why);
/* `[dev] NAME`, the name optional (show) or required (del) */
int p_dev_name(struct parser *p, char *dst, bool required);

/* ---- option tables --------------------------------------------------------
 * A verb's keywords and what each takes, instead of a hand-written loop
 * per verb.  p_options() reads words until the end: a keyword of the
 * table (exact, or abbreviated to at least min characters) is taken with
 * its value (what != NULL: the next word, "missing WHAT" if none) by
 * take(); a keyword given twice (the same slot: aliases share one) is
 * refused; any other word goes to positional() (NULL: unexpected). */
struct cmd_option {
	const char *kw;
	unsigned min;           /* 0: exact only */
	unsigned slot;          /* for "given twice"; aliases share a slot */
	const char *what;       /* the value's name; NULL: a flag */
	int (*take)(struct parser *p, const char *kw, const char *v);
};
int p_options(struct parser *p, const struct cmd_option *t,
              int (*positional)(struct parser *p, const char *w));

/* ---- canonical text (canon.c) ------------------------------------------- */
struct canon {
	struct sbuf *b;
	bool first;
	bool show_ns;           /* false inside `netns exec NS` */
};
void canon_word(struct canon *o, const char *w);
void canon_wordf(struct canon *o, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void canon_ip(struct canon *o, const struct w_ip *ip);
void canon_prefix(struct canon *o, const struct w_ip *ip, int len);
/* a device name that could be read as a keyword gets kw in front */
void canon_dev(struct canon *o, const char *kw, const char *name);
/* `-W 0.5`: seconds as %g when that reads back exactly */
void canon_seconds(struct canon *o, const char *opt, double v);
/* "ip [-n NS] [-4|-6]" */
void canon_ip_head(const struct cmd *c, struct canon *o);
/* what a learner types in a shell for nsviz's own commands in NS:
 * "ip netns exec NS" (nothing for the host) */
void canon_exec_head(const struct cmd *c, struct canon *o);
/* the whole command (sub-commands of netns exec) */
void canon_cmd(const struct cmd *c, struct canon *o);

/* ---- the verbs' functions, by object (verbs.c puts them in the table) --- */
/* parse_netns.c */
void netns_init(struct cmd *c);
int parse_netns_list(struct parser *p);
int parse_netns_name(struct parser *p);     /* add, del, pids */
int parse_netns_identify(struct parser *p);
int parse_netns_exec(struct parser *p);
int parse_netns_list_id(struct parser *p);
int parse_netns_set(struct parser *p);
int parse_netns_attach(struct parser *p);
void canon_netns(const struct cmd *c, struct canon *o);
void canon_netns_exec(const struct cmd *c, struct canon *o);
/* parse_link.c */
void link_init(struct cmd *c);
int parse_link_add(struct parser *p);
int parse_link_set(struct parser *p);
int parse_link_del(struct parser *p);
int parse_link_show(struct parser *p);
void canon_link_add(const struct cmd *c, struct canon *o);
void canon_link_set(const struct cmd *c, struct canon *o);
void canon_link_dev(const struct cmd *c, struct canon *o);  /* del, show */
/* parse_linkkind.c: link add ... type vlan|macvlan|ipvlan|dummy|vxlan */
bool link_kind_known(const char *kind);
int parse_link_kind_rest(struct parser *p);
void canon_link_kind_opts(const struct cmd *c, struct canon *o);
/* parse_addr.c */
void addr_init(struct cmd *c);
int parse_addr_change(struct parser *p);    /* add, del */
int parse_addr_show(struct parser *p);
int parse_addr_flush(struct parser *p);
void canon_addr(const struct cmd *c, struct canon *o);
/* parse_route.c */
void route_init(struct cmd *c);
int parse_route_change(struct parser *p);   /* add, del */
int parse_route_show(struct parser *p);
int parse_route_get(struct parser *p);
void canon_route(const struct cmd *c, struct canon *o);
/* parse_neigh.c */
void neigh_init(struct cmd *c);
int parse_neigh_show(struct parser *p);
int parse_neigh_change(struct parser *p);   /* add, change, replace, del */
int parse_neigh_flush(struct parser *p);
void canon_neigh(const struct cmd *c, struct canon *o);
/* parse_rule.c */
void rule_init(struct cmd *c);
int parse_rule_show(struct parser *p);
int parse_rule_change(struct parser *p);    /* add, del */
void canon_rule(const struct cmd *c, struct canon *o);
/* parse_route.c: names of tables, protocols, route types, scopes (ip's
 * words or numbers) for route, rule and addr; -1 with a message */
int p_table(struct parser *p, const char *w, uint32_t *table);
int p_rtproto(struct parser *p, const char *w, int *proto);
int p_scope(struct parser *p, const char *w, int *scope);
void canon_table(struct canon *o, uint32_t table);
/* a number as ip's get_u32(.., 0) takes it: decimal, 0x hex, 0 octal */
bool p_u32_c(const char *w, uint32_t max, uint32_t *out);
/* parse_own.c: ping, sysctl */
void ping_init(struct cmd *c);
int parse_ping(struct parser *p);
void canon_ping(const struct cmd *c, struct canon *o);
/* why (parse_why.c, issue 15) */
void why_init(struct cmd *c);
int parse_why(struct parser *p);
void canon_why(const struct cmd *c, struct canon *o);
void sysctl_init(struct cmd *c);
int parse_sysctl(struct parser *p);
void canon_sysctl(const struct cmd *c, struct canon *o);
/* parse_echo.c: echo, send */
void echo_init(struct cmd *c);
int parse_echo_start(struct parser *p);
int parse_echo_list(struct parser *p);
int parse_echo_id(struct parser *p);        /* stop, log */
int parse_send(struct parser *p);
void canon_echo(const struct cmd *c, struct canon *o);

/* parse_bridge.c: the bridge command, `type bridge|bridge_slave` options */
void bridge_init(struct cmd *c);
/* bridge [-n NS] [-s -d -j -p] OBJECT ..., after the word `bridge` */
int p_bridge_words(struct parser *p);
int parse_bridge_vlan_change(struct parser *p);    /* vlan add, del */
int parse_bridge_show(struct parser *p);   /* vlan, fdb, link show */
void canon_bridge(const struct cmd *c, struct canon *o);
/* The rest of the words after `type bridge` (slave false) or `type
 * bridge_slave`, into o; a word that is no option of ip's goes to other
 * (NULL: refused); and their canonical text ("type bridge ...") */
int p_bropts(struct parser *p, struct w_bropts *o, bool slave,
             int (*other)(struct parser *p, const char *w));
void canon_bropts(struct canon *o, const struct w_bropts *b);

/* parse_nft.c: the nft command (issue 14) */
void nft_init(struct cmd *c);
/* nft [OPTIONS] COMMAND..., after the word `nft` */
int p_nft_words(struct parser *p);
int parse_nft(struct parser *p);
void canon_nft(const struct cmd *c, struct canon *o);

/* parse_tc.c: the tc command (issue 14) */
void tc_init(struct cmd *c);
/* tc [-s] [-d] [-n NS] OBJECT ..., after the word `tc` */
int p_tc_words(struct parser *p);
int parse_tc_qdisc_change(struct parser *p);   /* add, change, replace, del */
int parse_tc_class_change(struct parser *p);
int parse_tc_show(struct parser *p);            /* qdisc show, class show */
void canon_tc(const struct cmd *c, struct canon *o);

/* grammar.c: [ip|nsviz] [OPTIONS] OBJECT ...; ip_seen when `ip` is read */
int p_words(struct parser *p, bool ip_seen);
int p_object(struct parser *p);

#endif
