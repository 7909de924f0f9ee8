/* SPDX-License-Identifier: GPL-2.0-or-later */
/* rules.h - nftables rules judged against why's packet (rules.c).
 *
 * Pure: the ruleset comes in as the text libnftables writes (its JSON
 * for the rules, its `list ruleset -a` text for how each rule reads), so
 * a fuzz target can feed it anything.
 */
#ifndef NSVIZ_WHY_RULES_H
#define NSVIZ_WHY_RULES_H

#include <stdbool.h>

#include "world/world.h"

#define WHY_MAX_RULES 8

/* The packet as one hook sees it. */
struct why_pkt {
	int family;             /* AF_INET, AF_INET6 */
	int proto;              /* IPPROTO_ICMP, _TCP, _UDP */
	struct w_ip src, dst;
	unsigned sport, dport;  /* 0: not known (the request's source port) */
	bool reply;             /* ct state established, echo-reply; else
	                         * new, echo-request */
	char iif[W_IFNAMSIZ], oif[W_IFNAMSIZ];   /* "": none */
};

enum why_hook {
	WHY_HOOK_PRE, WHY_HOOK_IN, WHY_HOOK_FWD, WHY_HOOK_OUT, WHY_HOOK_POST
};

enum why_rv {
	WHY_RV_ACCEPT, WHY_RV_DROP, WHY_RV_REJECT, WHY_RV_MAY_DROP,
	WHY_RV_POLICY_DROP, WHY_RV_MASQUERADE, WHY_RV_SNAT, WHY_RV_DNAT
};

/* One rule (or a chain's policy) that decided something for the packet. */
struct why_rule_hit {
	char family[8];
	char table[260], chain[260];
	unsigned long handle;   /* 0: the chain's policy */
	int pos;                /* rule N of its chain, from 1 */
	enum why_rv verdict;
	bool has_counter;
	unsigned long long packets, bytes;
	char text[512];         /* as nft -a prints it, less "# handle N";
	                         * the policy: "policy drop" */
	char cannot[128];       /* may: what nsviz cannot judge */
	bool cannot_before;     /* ... in a rule before it (that may have
	                         * accepted the packet), not in this one */
	struct w_ip nat_addr;   /* snat, dnat: to; family 0: not given */
	unsigned nat_port;      /* 0: unchanged */
};

struct why_rules {
	struct why_rule_hit v[WHY_MAX_RULES];
	int n;
	int stop;               /* the hit that drops it, -1: none */
	int nat;                /* the hit that translates it, -1: none */
	int ntables;            /* tables of the packet's families */
};

/* Judge p at hook against the ruleset.  json: `list ruleset` in JSON,
 * text: `list ruleset -a` (NULL: rule texts left empty).  0, or -1 when
 * json is not nft's JSON (out says nothing then). */
int why_rules_judge(const char *json, const char *text, enum why_hook hook,
                    const struct why_pkt *p, struct why_rules *out);
/* Whether json holds any table at all (none: nothing more to ask) */
bool why_rules_any(const char *json);

const char *why_rv_name(enum why_rv v);   /* "drop", "may-drop", ... */
const char *why_hook_name(enum why_hook h);

#endif
