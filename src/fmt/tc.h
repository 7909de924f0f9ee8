/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tc.h - qdisc and class replies of the kernel printed as tc 6.1 prints
 * them (tc qdisc show, tc class show, with -s and -d).  Pure. */
#ifndef NSVIZ_FMT_TC_H
#define NSVIZ_FMT_TC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tc/tc.h"

struct sbuf;

/* What tc's filters and options were: the messages that do not match
 * are skipped (printed as nothing), as tc skips them. */
struct fmt_tc_ctx {
	int ifindex;            /* dev NAME: only its own; and no "dev X " */
	uint32_t handle;        /* qdisc show handle H: (0: any) */
	uint32_t parent;        /* qdisc show root|parent P (0: any) */
	uint32_t qdisc;         /* class show qdisc H: */
	uint32_t classid;       /* class show classid C */
	struct tc_print_ctx pc; /* -s, -d, the clock */
	/* an interface's name by index (NULL: unknown, printed ifN) */
	const char *(*ifname)(void *ctx, int ifindex);
	void *ctx;
};

/* One RTM_NEWQDISC/RTM_DELQDISC/RTM_NEWTCLASS/RTM_DELTCLASS message (msg,
 * len: its bytes, the header included) appended to out with its newline.
 * Returns 0 (printed or filtered out), -1 for what is no such message. */
int fmt_tc_msg(struct sbuf *out, const void *msg, size_t len,
               const struct fmt_tc_ctx *c);

/* impair.c: how link l is impaired, in a few words ("netem delay 100ms
 * loss 1%", "tbf rate 1Mbit"), from the root qdisc the world holds; ""
 * for the kernel's own default qdisc (handle 0:).  Escaped. */
struct w_link;
void fmt_impair(const struct w_link *l, char *buf, size_t len);

#endif
