/* SPDX-License-Identifier: GPL-2.0-or-later */
/* lessonreset.c - a fresh world for the next lesson, in the sandbox.
 *
 * A lesson starts from an empty world (nsviz-lesson(5)).  The first
 * lesson of a session gets one from the sandbox itself; a lesson picked
 * later in the same session would inherit what the earlier one built.
 * Before it starts, everything a lesson (or the learner) can have made is
 * taken away again, through the same commands a learner would type, so
 * the world model follows as for any other change:
 *
 *   - the running ping, the captures and the echo servers are stopped
 *     (a process inside a namespace would keep it alive);
 *   - every named namespace is deleted (its interfaces go with it);
 *   - every interface of the sandbox's own namespace but lo is deleted
 *     (a veth's peer goes with it), lo gets back to up with only
 *     127.0.0.1/8 and ::1, and routes nobody's interface explains
 *     (added by hand, not by the kernel) are deleted;
 *   - the sysctls of the sandbox's namespace (net.ipv4.*, net.ipv6.*:
 *     the keys, and conf/ and neigh/ of all, default and lo) get back the
 *     values they had when the interface started.
 *
 * Only in the sandbox: on the real host nothing is touched. */
#include "ui/ui_int.h"

#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/socket.h>

#include "echo/echosup.h"
#include "util/sbuf.h"
#include "world/world.h"

#define SYSCTL_ROOT "/proc/sys/"
#define PATH_LEN 600

struct sysctl_val { char *key, *val; };
static struct sysctl_val *snap;
static size_t nsnap, capsnap;

/* A directory of /proc/sys/net worth keeping: per-device directories are
 * kept only for all, default and lo (other devices go with the world). */
static bool keep_dir(const char *rel, const char *name)
{
	size_t n = strlen(rel);
	bool perdev = (n >= 5 && !strcmp(rel + n - 5, "/conf")) ||
	              (n >= 6 && !strcmp(rel + n - 6, "/neigh"));

	return !perdev || !strcmp(name, "all") || !strcmp(name, "default") ||
	       !strcmp(name, "lo");
}

static bool read_value(const char *path, struct sbuf *b)
{
	char buf[512];
	size_t n;
	FILE *f = fopen(path, "re");

	if (!f)
		return false;
	n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	while (n && buf[n - 1] == '\n')
		buf[--n] = '\0';
	if (!n || strchr(buf, '\n'))
		return false;      /* empty, or more than one value */
	sbuf_reset(b);
	sbuf_add(b, buf);
	return true;
}

/* rel: "net/ipv4", ... under SYSCTL_ROOT */
static void walk(const char *rel, int depth)
{
	char path[PATH_LEN];
	struct sbuf v = SBUF_INIT;
	DIR *d;
	struct dirent *e;

	snprintf(path, sizeof path, SYSCTL_ROOT "%s", rel);
	if (depth > 4 || !(d = opendir(path)))
		return;
	while ((e = readdir(d))) {
		char sub[512];
		struct stat st;

		if (e->d_name[0] == '.')
			continue;
		snprintf(sub, sizeof sub, "%s/%s", rel, e->d_name);
		snprintf(path, sizeof path, SYSCTL_ROOT "%s", sub);
		if (stat(path, &st) < 0)
			continue;
		if (S_ISDIR(st.st_mode)) {
			if (keep_dir(rel, e->d_name))
				walk(sub, depth + 1);
			continue;
		}
		/* only what can be read and written back */
		if (!(st.st_mode & S_IWUSR) || !(st.st_mode & S_IRUSR) ||
		    !read_value(path, &v))
			continue;
		xgrow((void **)&snap, &capsnap, nsnap + 1, sizeof *snap);
		snap[nsnap].key = xstrdup(sub);
		for (char *p = snap[nsnap].key; *p; p++)
			if (*p == '/')
				*p = '.';
		snap[nsnap].val = xstrdup(sbuf_str(&v));
		nsnap++;
	}
	closedir(d);
	sbuf_free(&v);
}

void lesson_ui_snapshot(struct ui *u)
{
	if (!u->o.sandbox || snap)
		return;
	walk("net/ipv4", 0);
	walk("net/ipv6", 0);
}

/* One command, quietly; false (and the reason in err) when it failed. */
static bool run(struct ui *u, const char *line, struct sbuf *err)
{
	int rc = exec_line(&u->x, line);

	if (rc != 0)
		sbuf_printf(err, "%s: %s\n", line, sbuf_str(&u->x.err));
	sbuf_reset(&u->x.out);
	sbuf_reset(&u->x.err);
	return rc == 0;
}

static void join(struct sbuf *b, const char *what)
{
	sbuf_printf(b, "%s%s", b->len ? ", " : "", what);
}

static bool lo_addr_kept(const struct w_addr *a)
{
	static const uint8_t v6lo[16] = { [15] = 1 };

	if (a->family == AF_INET)
		return a->prefixlen == 8 && a->local.a[0] == 127 &&
		       a->local.a[1] == 0 && a->local.a[2] == 0 &&
		       a->local.a[3] == 1;
	return a->prefixlen == 128 && !memcmp(a->local.a, v6lo, 16);
}

void lesson_ui_fresh_world(struct ui *u)
{
	struct sbuf done = SBUF_INIT, err = SBUF_INIT, v = SBUF_INIT;
	struct echosup *sup = echosup_session_existing();
	struct w_ns *host;
	char line[700], ip[64];
	char (*names)[W_NSNAME_MAX] = NULL;
	size_t n = 0;

	if (!u->o.sandbox) {
		ui_log(u, L_INFO, "not in the sandbox: the lesson starts from "
		       "the host's network as it is");
		return;
	}
	/* what keeps namespaces alive: the ping, captures, echo servers */
	if (u->ping_pid > 0)
		kill(u->ping_pid, SIGINT);
	if (u->ncaps) {
		cap_close_all(u);
		join(&done, "captures closed");
	}
	if (sup && echosup_count(sup)) {
		while (echosup_count(sup))
			if (echosup_stop(sup, echosup_at(sup, 0)->id) < 0)
				break;
		join(&done, "echo servers stopped");
	}
	/* the named namespaces */
	names = xcalloc(u->w->nns + 1, sizeof *names);
	for (size_t i = 0; i < u->w->nns; i++)
		if (u->w->ns[i]->kind == W_NS_NAMED)
			snprintf(names[n++], W_NSNAME_MAX, "%s", u->w->ns[i]->name);
	for (size_t i = 0; i < n; i++) {
		snprintf(line, sizeof line, "netns del '%s'", names[i]);
		if (run(u, line, &err)) {
			snprintf(line, sizeof line, "namespace %s deleted",
			         names[i]);
			join(&done, line);
		}
	}
	free(names);
	/* the sandbox's own namespace: interfaces, lo, routes */
	host = world_host(u->w);
	for (bool again = true; again;) {
		again = false;
		for (size_t i = 0; i < host->nlinks; i++) {
			char name[W_IFNAMSIZ];

			if (!strcmp(host->links[i].name, "lo"))
				continue;
			snprintf(name, sizeof name, "%s", host->links[i].name);
			snprintf(line, sizeof line, "link del '%s'", name);
			if (run(u, line, &err)) {
				snprintf(line, sizeof line, "%s deleted", name);
				join(&done, line);
				again = true;   /* the list changed */
				break;
			}
		}
	}
	{
		struct w_link *lo = world_find_link(host, "lo");

		for (bool again = lo != NULL; again;) {
			again = false;
			for (size_t i = 0; i < host->naddrs; i++) {
				const struct w_addr *a = &host->addrs[i];

				if (a->ifindex != lo->ifindex || lo_addr_kept(a))
					continue;
				snprintf(line, sizeof line, "addr del %s/%d dev lo",
				         w_ip_str(&a->local, ip, sizeof ip),
				         a->prefixlen);
				if (run(u, line, &err)) {
					join(&done, line);
					again = true;
					break;
				}
			}
		}
		if (lo && !(lo->flags & 1) && run(u, "link set lo up", &err))
			join(&done, "lo up");
	}
	for (bool again = true; again;) {
		again = false;
		for (size_t i = 0; i < host->nroutes; i++) {
			const struct w_route *r = &host->routes[i];

			/* RT_TABLE_MAIN, not made by the kernel (RTPROT_KERNEL)
			 * nor by IPv6 autoconfiguration (RTPROT_RA) */
			if (r->table != 254 || r->protocol == 2 ||
			    r->protocol == 9)
				continue;
			if (r->dst.family)
				snprintf(line, sizeof line, "%sroute del %s/%d",
				         r->family == AF_INET6 ? "-6 " : "",
				         w_ip_str(&r->dst, ip, sizeof ip),
				         r->dst_len);
			else
				snprintf(line, sizeof line, "%sroute del default",
				         r->family == AF_INET6 ? "-6 " : "");
			if (run(u, line, &err)) {
				join(&done, line);
				again = true;
				break;
			}
		}
	}
	/* sysctls back to what they were */
	for (size_t i = 0; i < nsnap; i++) {
		char path[PATH_LEN], *words[3];
		struct cmd c;
		char cerr[256], set[1024];
		int rc;

		snprintf(path, sizeof path, SYSCTL_ROOT "%s", snap[i].key);
		for (char *p = path + strlen(SYSCTL_ROOT); *p; p++)
			if (*p == '.')
				*p = '/';
		if (!read_value(path, &v) || !strcmp(sbuf_str(&v), snap[i].val))
			continue;
		/* words, not a line: a value may hold a tab */
		snprintf(set, sizeof set, "%s=%s", snap[i].key, snap[i].val);
		words[0] = "sysctl";
		words[1] = "-w";
		words[2] = set;
		if (cmd_parse(3, words, &c, cerr, sizeof cerr) < 0) {
			sbuf_printf(&err, "sysctl %s: %s\n", set, cerr);
			continue;
		}
		rc = exec_cmd(&u->x, &c);
		if (rc == 0) {
			snprintf(line, sizeof line, "%.300s back to %.300s",
			         snap[i].key, snap[i].val);
			join(&done, line);
		} else {
			sbuf_printf(&err, "sysctl -w %s: %s\n", set,
			            sbuf_str(&u->x.err));
		}
		sbuf_reset(&u->x.out);
		sbuf_reset(&u->x.err);
		cmd_free(&c);
	}
	ui_log(u, L_INFO, "a fresh world for the lesson: %s",
	       done.len ? sbuf_str(&done) : "it was empty already");
	if (err.len)
		ui_log(u, L_ERROR, "%s", sbuf_str(&err));
	sbuf_free(&done);
	sbuf_free(&err);
	sbuf_free(&v);
	u->dirty = true;
}
