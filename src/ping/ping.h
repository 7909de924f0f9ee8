/* SPDX-License-Identifier: GPL-2.0-or-later */
/* ping.h - nsviz's own ICMP echo, printing what iputils ping prints.
 * Runs in the calling thread's current network namespace: the caller
 * enters the namespace (kernel/netns) before and leaves after. */
#ifndef NSVIZ_PING_H
#define NSVIZ_PING_H

#include "world/world.h"

/* What a ping counted, for a caller that weighs it (a lesson's rtt and
 * loss checks) rather than reading the summary lines. */
struct ping_stats {
	long transmitted, received, errors;
	long rtt_min_us, rtt_avg_us, rtt_max_us;   /* when received > 0 */
};

struct ping_opts {
	struct w_ip dst;
	int count;          /* 0 = until interrupted (*stop set) */
	double wait;        /* -W: seconds to wait for each reply.  As in
	                     * iputils: after the last request, wait this long
	                     * when no reply came at all, else two round trips
	                     * (at least one interval).  <= 0: iputils' 10 s */
	double interval;    /* -i: seconds between requests; 0 = send as soon
	                     * as the previous one is answered (at least every
	                     * 10 ms, like ping -i 0); < 0: 1 s */
	volatile int *stop; /* optional: set to non-zero to stop early;
	                     * looked at least every 100 ms */
	const char *ifname; /* optional: the zone of a link-local IPv6 dst,
	                     * what ping writes as fe80::1%veth0 (a name or
	                     * an index).  NULL or "" = none */
	const char *ns_name; /* optional: the namespace it runs in, for
	                     * messages ("" = the host namespace) */
	struct ping_stats *stats; /* optional: filled in at the end, with
	                     * the numbers of the statistics lines (zeroed
	                     * when ping could not start) */
};

/* line() is called once per output line, without the newline; iputils'
 * stderr messages ("ping: connect: Network is unreachable") come through
 * it too.  Uses a raw ICMP socket, or the unprivileged ICMP datagram
 * socket when raw ones are refused.
 * Returns the exit status iputils would: 0 some reply came, 1 none came,
 * 2 other error (e.g. "connect: Network is unreachable"). */
int ping_run(const struct ping_opts *o,
             void (*line)(void *ctx, const char *line), void *ctx);

#endif
