/* SPDX-License-Identifier: GPL-2.0-or-later */
/* netns.h - `ip netns list`, `ip netns list-id` and `ip -all netns exec`'s
 * headers, printed as iproute2 6.1 prints them (text, -j, -j -p).  The
 * caller asks the kernel; this is pure code. */
#ifndef NSVIZ_FMT_NETNS_H
#define NSVIZ_FMT_NETNS_H

#include <stdbool.h>
#include <stddef.h>

#include "fmt/fmt.h"

struct sbuf;

/* One name in /run/netns, in directory order, with the nsid the
 * namespace the command runs in gives it (-1: none assigned, or not a
 * namespace). */
struct fmt_netns {
	const char *name;
	int id;
};

/* `ip netns list`: "NAME (id: N)\n" or "NAME\n" per entry; with -j
 * `[{"name":"NAME","id":N},...]`.  Other options change nothing, as in
 * ip. */
void fmt_netns_list(struct sbuf *out, const struct fmt_netns *v, size_t n,
                    const struct fmt_opts *o);

/* One entry of the kernel's RTM_GETNSID answer. */
struct fmt_nsid {
	int nsid;               /* NETNSA_NSID; < 0: unassigned */
	bool has_current;       /* NETNSA_CURRENT_NSID was there (target-nsid) */
	int current;            /* < 0: unassigned */
	const char *name;       /* the iproute2 name, NULL for none */
};

/* The name ip 6.1 prints for an entry: the first name (in directory
 * order) whose id is the entry's current-nsid when the kernel sent one,
 * else its nsid; failing that, the first whose id is its nsid (ip looks
 * a second time by nsid, even when the number is the target's). */
const char *fmt_nsid_name(const struct fmt_netns *v, size_t n,
                          const struct fmt_nsid *e);

/* `ip netns list-id`: "nsid 0 (iproute2 netns name: x)\n", "nsid 3
 * current-nsid 0 \n", "nsid unassigned current-nsid 1 \n"; with -j
 * `[{"nsid":0,"current-nsid":1,"name":"x"}]` (unassigned numbers left
 * out). */
void fmt_nsid_list(struct sbuf *out, const struct fmt_nsid *v, size_t n,
                   const struct fmt_opts *o);

/* What `ip -all netns exec` prints before each namespace's output:
 * "\nnetns: NAME\n". */
void fmt_netns_exec_header(struct sbuf *out, const char *name);

/* A JSON string as ip's writer escapes it (\t \n \r \f \b \\ \"), and
 * whatever else a terminal would act on (util/esc.h) as \uXXXX, a byte
 * that is not UTF-8 as the code point of its value. */
void fmt_json_str(struct sbuf *out, const char *s);

#endif
