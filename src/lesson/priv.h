/* SPDX-License-Identifier: GPL-2.0-or-later */
/* priv.h - what parse.c builds and check.c reads: a lesson's steps and
 * their checks.  Private to src/lesson/ (and its unit test). */
#ifndef NSVIZ_LESSON_PRIV_H
#define NSVIZ_LESSON_PRIV_H

#include "lesson/lesson.h"
#include "world/world.h"

enum lck_kind {
	LCK_NS,           /* namespace NS exists | does not exist */
	LCK_LINK,         /* link DEV [in NS] exists | does not exist */
	LCK_LINK_UP,      /* link DEV [in NS] is up | is down */
	LCK_LINK_CARRIER, /* link DEV [in NS] has carrier | has no carrier */
	LCK_LINK_KIND,    /* link DEV [in NS] is a KIND */
	LCK_LINK_MASTER,  /* link DEV [in NS] has master BR | has no master */
	LCK_LINK_PEER,    /* link DEV [in NS] has peer PEER [in NS2] */
	LCK_ADDR,         /* address A[/L] [is] [not|ready] on DEV [in NS] */
	LCK_ROUTE,        /* [no] route WORDS... [in NS] */
	LCK_ROUTE_GET,    /* route get A [from NS] [via GW] [dev DEV] | fails */
	LCK_PING,         /* ping [from NS] to A succeeds | fails */
	LCK_CAPTURE,      /* capture on IF [in NS] sees [no] EXPR [while ...] */
	LCK_ECHO,         /* echo server runs [in NS] [on] [tcp|udp] [port P] */
	LCK_SEND,         /* send tcp|udp [from NS] to A [port] P gets a reply */
	LCK_PIDS,         /* netns pids NS includes the echo server */
	LCK_SYSCTL,       /* sysctl KEY [in NS] is VALUE */
	LCK_NEIGH,        /* neighbour A [on DEV] [in NS] exists | ... */
	LCK_RAN,          /* you ran CMD */
	LCK_NFT_RULE,     /* nft rule "TEXT" [in NS] exists | does not exist */
	LCK_NFT_COUNT,    /* nft rule "TEXT" [in NS] has counted N packets */
	LCK_QDISC,        /* qdisc KIND on DEV [in NS] is [not] set
	                   * [with "TEXT"] */
	LCK_QDISC_COUNT,  /* qdisc KIND on DEV [in NS] has counted N
	                   * packets|overlimits|drops */
	LCK_PING_RTT,     /* ping [from NS] to A has rtt at least|at most T */
	LCK_PING_LOSS,    /* ping [from NS] to A loses at least|at most P% */
};

/* what a qdisc count check counts (tc -s's Sent ... pkt, overlimits,
 * dropped) */
enum { LCK_Q_PACKETS, LCK_Q_OVERLIMITS, LCK_Q_DROPS };

/* Traffic: a ping or a send, from a namespace. */
struct lck_traffic {
	int kind;                 /* 0 none, 1 ping, 2 send */
	char ns[W_NSNAME_MAX];    /* "" = host */
	struct w_ip dst;
	char zone[W_IFNAMSIZ];    /* ping fe80::1%veth0 */
	int proto;                /* send: ECHO_TCP, ECHO_UDP */
	unsigned port;
};

struct lck {
	char *text;               /* as written, for messages */
	int line;
	enum lck_kind kind;
	bool neg;                 /* the negative form */
	bool ready;               /* address: and not tentative (DAD done) */
	bool slow;
	char ns[W_NSNAME_MAX];    /* in/from NS; "" = host */
	char dev[W_IFNAMSIZ];
	char *arg;                /* master, kind, peer, sysctl key, capture
	                           * filter, the `ran` command (canonical) */
	char *arg2;               /* peer's namespace, sysctl value */
	bool has_ns2;
	struct w_ip ip;           /* address, route get, neigh */
	int plen;                 /* address: -1 = any */
	struct w_ip gw;           /* route get via */
	char **words;             /* route: the words to match */
	int nwords;
	struct lck_traffic tr;    /* ping, send, capture's while */
	int proto;                /* echo: 0 any */
	unsigned port;            /* echo: 0 any */
	unsigned long long count; /* nft, qdisc: at least this many */
	int counts;               /* qdisc: LCK_Q_* */
	bool at_most;             /* rtt, loss: at most (else at least) */
	double limit;             /* rtt: seconds; loss: percent */
};

/* A step's `needs:` line: a kernel feature the step cannot do without. */
struct lneed {
	int line;
	char kind[16];            /* qdisc KIND: as TCA_KIND names it */
};

struct lesson_step_priv {
	struct lck *checks;
	size_t nchecks;
	bool *show_may_fail;      /* per showme command */
	int line;                 /* the step's line */
	struct lneed *needs;      /* needs: lines */
	size_t nneeds;
};

struct lesson {
	int number;
	int line;                 /* of the lesson line */
	bool user;                /* load.c: from the learner's own directory */
	int dirno;                /* load.c: the directory's place in the order */
	char *title;
	char *summary;
	char *filename;
	char **setup;             /* NULL-terminated */
	bool *setup_may_fail;
	struct lesson_step *steps;
	size_t nsteps;
};

/* Parse one check (the text after `check:`).  0, or -1 with the reason
 * in err (no FILE:LINE).  Pure. */
int lck_parse(const char *text, struct lck *c, char *err, size_t errlen);
void lck_free(struct lck *c);

/* Do the words of want (split at blanks) appear in line, one after the
 * other, each a whole word of it?  How a qdisc check's `with "TEXT"`
 * reads tc's show line.  Pure. */
bool lesson_words_in(const char *want, const char *line);

/* Does an `ip route` line match a route check's words?  The first word
 * is the destination (10.0.1.0 and 10.0.1.0/32 are the same); each
 * `key value` pair and each lone word after it must be in the line, in
 * the check's order.  Pure. */
bool lesson_route_match(char *const *cw, int cn, const char *line);

/* Is s[0..n) text as a lesson's lines must be (UTF-8, no control or
 * direction-override characters, a tab allowed)?  Pure. */
bool lesson_is_text(const char *s, size_t n);

/* A command's comment says it is expected to fail: `... # fails...`. */
bool lesson_cmd_may_fail(const char *line);

/* The normal form of a command for `you ran`: its canonical text, with
 * `netns exec NS ip ...` as `ip -n NS ...`, and for ping, send and route
 * get only what matters (namespace, destination, port).  0, or -1 when
 * it does not parse. */
int lesson_cmd_key(const char *line, struct sbuf *key);

/* Run one command of the grammar as show me does (log as there; what
 * went wrong also in errmsg when not NULL).  Returns its exit status. */
struct sbuf;
int lesson_run_command(struct lesson_env *env, const char *line,
                       struct sbuf *log, struct sbuf *errmsg);

/* --host (host.c): what the lesson's setup and show me change, one
 * "  GROUP: NAME, NAME (in NS)" line a kind, then the commands. */
void lesson_host_changes(const struct lesson *l, struct sbuf *out);
/* Say what will change, then ask (yes: do not).  0 go on, -1 do not
 * (no terminal to ask, or not "yes"). */
int lesson_host_warning(const struct lesson *l, bool yes);

#endif
