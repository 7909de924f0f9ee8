/* ping.h - nsviz's own ICMP echo, printing what iputils ping prints.
 * Runs in the calling thread's current network namespace: the caller
 * enters the namespace (kernel/netns) before and leaves after. */
#ifndef NSVIZ_PING_H
#define NSVIZ_PING_H

#include "world/world.h"

struct ping_opts {
	struct w_ip dst;
	int count;          /* 0 = until interrupted (*stop set) */
	double wait;        /* -W: seconds to wait for each reply */
	double interval;    /* -i: seconds between requests */
	volatile int *stop; /* optional: set to non-zero to stop early */
};

/* line() is called once per output line, without the newline.
 * Returns the exit status iputils would: 0 some reply came, 1 none came,
 * 2 other error (e.g. "connect: Network is unreachable"). */
int ping_run(const struct ping_opts *o,
             void (*line)(void *ctx, const char *line), void *ctx);

#endif
