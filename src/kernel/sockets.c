/* SPDX-License-Identifier: GPL-2.0-or-later */
/* sockets.c - is anything listening on a port in a namespace: the
 * namespace's /proc/net/{tcp,tcp6,udp,udp6}, read from inside it (the
 * files show the sockets of the reader's namespace).  Used by the
 * lessons' echo check and by why (issue 15). */
#include "kernel/kernel.h"

#include <stdio.h>
#include <string.h>

/* A TCP socket in LISTEN (0A) or a UDP socket bound (07) on port, in the
 * namespace this thread is in. */
static bool port_open_here(bool udp, unsigned port)
{
	static const char *const tcp_files[] = { "/proc/thread-self/net/tcp",
	                                         "/proc/thread-self/net/tcp6",
	                                         NULL };
	static const char *const udp_files[] = { "/proc/thread-self/net/udp",
	                                         "/proc/thread-self/net/udp6",
	                                         NULL };
	const char *const *files = udp ? udp_files : tcp_files;
	const char *want = udp ? "07" : "0A";

	for (int i = 0; files[i]; i++) {
		FILE *f = fopen(files[i], "re");
		char line[512];

		if (!f)
			continue;
		while (fgets(line, sizeof line, f)) {
			char local[128], rem[128], st[8];
			unsigned p;
			char *colon;

			if (sscanf(line, " %*s %127s %127s %7s", local, rem, st) != 3)
				continue;
			colon = strrchr(local, ':');
			if (!colon || sscanf(colon + 1, "%x", &p) != 1)
				continue;
			if (p == port && !strcmp(st, want)) {
				fclose(f);
				return true;
			}
		}
		fclose(f);
	}
	return false;
}

int ksock_port_open(struct ksync *k, struct w_ns *ns, bool udp, unsigned port,
                    bool *open, struct kerr *e)
{
	int fd = kns_enter_ns(k, ns, e);

	if (fd < 0)
		return -1;
	*open = port_open_here(udp, port);
	kns_leave_ns(k, ns, fd);
	return 0;
}
