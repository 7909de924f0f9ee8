/* SPDX-License-Identifier: GPL-2.0-or-later */
/* ifnames.c - the interface names of a capture's namespace (ifnames.h). */
#include <fcntl.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "capture/ifnames.h"
#include "decode/decode.h"
#include "kernel/kernel.h"

struct name {
	unsigned idx;
	char name[IF_NAMESIZE];
};

struct cap_ifnames {
	int ns_fd;
	struct name *v;
	size_t n;
	time_t read_at;        /* when the names were last read */
};

static _Thread_local struct cap_ifnames *current;

/* Read the namespace's names again; false if it cannot be entered. */
static bool reread(struct cap_ifnames *t)
{
	struct if_nameindex *ni;
	size_t n = 0;

	t->read_at = time(NULL);
	if (kns_enter_fd(t->ns_fd) < 0)
		return false;
	ni = if_nameindex();
	kns_leave();
	if (!ni)
		return false;
	while (ni[n].if_index)
		n++;
	free(t->v);
	t->v = calloc(n ? n : 1, sizeof *t->v);
	t->n = 0;
	for (size_t i = 0; t->v && i < n; i++) {
		t->v[t->n].idx = ni[i].if_index;
		snprintf(t->v[t->n].name, sizeof t->v[t->n].name, "%s",
		         ni[i].if_name);
		t->n++;
	}
	if_freenameindex(ni);
	return true;
}

struct cap_ifnames *cap_ifnames_new(int ns_fd)
{
	struct cap_ifnames *t = calloc(1, sizeof *t);

	if (!t)
		return NULL;
	t->ns_fd = fcntl(ns_fd, F_DUPFD_CLOEXEC, 0);
	if (t->ns_fd < 0 || !reread(t)) {
		cap_ifnames_free(t);
		return NULL;
	}
	return t;
}

void cap_ifnames_free(struct cap_ifnames *t)
{
	if (!t)
		return;
	if (current == t)
		cap_ifnames_end();
	if (t->ns_fd >= 0)
		close(t->ns_fd);
	free(t->v);
	free(t);
}

static bool lookup(const struct cap_ifnames *t, unsigned idx, char *buf,
                   size_t len)
{
	for (size_t i = 0; i < t->n; i++)
		if (t->v[i].idx == idx) {
			snprintf(buf, len, "%s", t->v[i].name);
			return true;
		}
	return false;
}

static bool resolve(unsigned idx, char *buf, size_t len)
{
	struct cap_ifnames *t = current;

	if (!t)
		return false;
	if (lookup(t, idx, buf, len))
		return true;
	/* a link made (or renamed) since: read again, once a second */
	if (time(NULL) != t->read_at && reread(t))
		return lookup(t, idx, buf, len);
	return false;
}

void cap_ifnames_begin(struct cap_ifnames *t)
{
	current = t;
	decode_set_ifname_fn(t ? resolve : NULL);
}

void cap_ifnames_end(void)
{
	current = NULL;
	decode_set_ifname_fn(NULL);
}
