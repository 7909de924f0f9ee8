/* SPDX-License-Identifier: GPL-2.0-or-later */
/* verbs.h - the verb table: one entry per command of the grammar.
 *
 * Like tmux's cmd_entry: everything about a verb lives in its entry in
 * src/cmd/verbs.c (the words that name it, in iproute2's order so that
 * abbreviations agree; its usage line; its flags; how its arguments are
 * initialised, parsed and written back), and the one function that runs
 * it sits at the same index of src/cmd/exec.c's table.  `--help`, the
 * `:` line's completion, the unknown-command messages, cmd_changes() and
 * the lessons' "sends traffic" all read this table.
 */
#ifndef NSVIZ_VERBS_H
#define NSVIZ_VERBS_H

#include <stdbool.h>
#include <stddef.h>

#include "cmd/cmd.h"

struct parser;          /* cmd/parse_int.h */
struct canon;

enum cmd_flag {
	CMD_F_CHANGES = 1u << 0,       /* changes the kernel: logged as its
	                                * canonical command */
	CMD_F_SENDS_TRAFFIC = 1u << 1, /* sends packets (lessons settle first) */
	CMD_F_TAKES_NS = 1u << 2,      /* -n NS says where it runs */
	CMD_F_NOT_IN_EXEC = 1u << 3,   /* refused inside `netns exec NS` */
	CMD_F_OWN = 1u << 4,           /* nsviz's own, not iproute2's */
	CMD_F_READ_ONLY = 1u << 5,     /* only shows: safe anywhere */
	CMD_F_OWN_JSON = 1u << 6,      /* an own command that takes -j/--json
	                                * (its own JSON), before it or after */
	CMD_F_BAD_INPUT_2 = 1u << 7,   /* its words' errors exit 2 (its 1
	                                * means something else: why's "does
	                                * not get there") */
};

/* The commands whose objects the grammar reads: ip(8)'s, bridge(8)'s and
 * tc(8)'s (each object is found only after its command's word). */
enum cmd_tool { CMD_TOOL_IP = 0, CMD_TOOL_BRIDGE, CMD_TOOL_TC };

/* An object word of the grammar (`link`, `address`, `ping`), in
 * iproute2's order of objects so that `a` is address, `r` route. */
struct cmd_object {
	const char *word;       /* the full word as matched ("address") */
	const char *name;       /* how messages and canonical text spell it
	                         * ("addr"); NULL: an alias, or unsupported */
	bool supported;         /* false: "not supported by nsviz" */
	bool exact;             /* nsviz's own: never abbreviated */
	const char *dflt;       /* the verb word meant when none is typed
	                         * ("show"); NULL: a verb is needed */
	const char *why;        /* unsupported: what to say instead, or NULL */
	const char *need;       /* no verb typed: what is missing ("protocol");
	                         * NULL: "command" */
	enum cmd_tool tool;     /* whose object: ip's, or the bridge or tc
	                         * command's (`bridge vlan show`, `tc qdisc
	                         * show`), found only after that word */
};

struct cmd_entry {
	enum cmd_verb verb;     /* CMD_NONE: a word nsviz does not support */
	const char *object;     /* the object's name ("link"), as in
	                         * cmd_object.name */
	const char *words;      /* the verb's words in iproute2's order,
	                         * each ended by a NUL, the list by an empty
	                         * one ("show\0lst\0list\0"); NULL for a
	                         * command that is its own object (ping,
	                         * sysctl, send) */
	const char *say;        /* how messages list it ("del"); NULL: don't */
	const char *usage;      /* for --help: "link del [dev] NAME"; several
	                         * forms one per line */
	unsigned flags;         /* enum cmd_flag */
	void (*init)(struct cmd *c);        /* defaults of the arguments */
	int (*parse)(struct parser *p);     /* the words after the verb */
	void (*canon)(const struct cmd *c, struct canon *o);
};

extern const struct cmd_object cmd_objects[];
extern const size_t cmd_nobjects;
extern const struct cmd_entry cmd_entries[];
extern const size_t cmd_nentries;

/* The entry of a verb (the first one when several words share it). */
const struct cmd_entry *cmd_verb_entry(enum cmd_verb verb);
/* The object that the user typed w for (NULL: none): one of ip's, or
 * of the bridge or tc command, which have their own (`bridge link` is not
 * `ip link`). */
const struct cmd_object *cmd_find_object(const char *w);
const struct cmd_object *cmd_find_tool_object(enum cmd_tool tool,
                                              const char *w);
/* "bridge ", "tc ", "" for ip: how a tool's objects are named */
const char *cmd_tool_prefix(enum cmd_tool tool);

#endif
