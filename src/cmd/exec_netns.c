/* SPDX-License-Identifier: GPL-2.0-or-later */
/* exec_netns.c - netns add|del|list|pids|identify|exec: named namespaces
 * the iproute2 way (kernel/netns.c), and programs run inside them. */
#include "cmd/exec_int.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "util/esc.h"

int exec_netns_add(struct exec_ctx *x, const struct cmd *c)
{
	struct kerr e = { 0 };
	int rc;

	if (!exec_need_ns(x, "", &rc))
		return rc;
	if (ksync_find_ns(x->k, c->u.netns.name))
		return exec_fail(x, "%s: namespace already exists", c->u.netns.name);
	if (knetns_add(c->u.netns.name, &e) < 0) {
		if (e.err == EEXIST) {
			const char *what = exec_not_a_namespace(c->u.netns.name);

			if (what)
				return exec_fail(x, "%s: cannot create namespace: "
				                 NETNS_RUN_DIR "/%s is there already "
				                 "(%s, not a namespace)", c->u.netns.name,
				                 c->u.netns.name, what);
			return exec_fail(x, "%s: namespace already exists", c->u.netns.name);
		}
		return exec_fail(x, "%s: cannot create namespace: %s", c->u.netns.name,
		            kerr_str(&e));
	}
	ksync_scan_named(x->k);
	ksync_drain(x->k);
	return 0;
}

int exec_netns_del(struct exec_ctx *x, const struct cmd *c)
{
	struct kerr e = { 0 };

	ksync_drain(x->k);
	if (!ksync_find_ns(x->k, c->u.netns.name)) {
		if (!strcmp(c->u.netns.name, "host"))
			return exec_fail(x, "host: the host namespace cannot be "
			               "deleted (it is not a named namespace)");
		return exec_no_ns(x, c->u.netns.name);
	}
	if (knetns_del(c->u.netns.name, &e) < 0)
		return exec_fail(x, "%s: cannot delete namespace: %s", c->u.netns.name,
		            kerr_str(&e));
	ksync_scan_named(x->k);
	ksync_drain(x->k);
	return 0;
}

int exec_netns_list(struct exec_ctx *x, const struct cmd *c)
{
	char **names;
	size_t n;
	struct kerr e = { 0 };
	int rc;
	struct w_ns *here = exec_need_ns(x, c->ns, &rc);

	if (!here)
		return rc;
	if (kns_list_named(&names, &n) < 0)
		return exec_fail(x, NETNS_RUN_DIR ": %s", strerror(errno));
	/* in directory order, as ip lists them */
	for (size_t i = 0; i < n; i++) {
		int fd = kns_open_named(names[i], &e);
		int nsid = -1;

		if (fd >= 0) {
			nsid = ksync_nsid_of(x->k, here, fd);
			close(fd);
		}
		esc_add(&x->out, names[i], 0);
		if (nsid >= 0)
			sbuf_printf(&x->out, " (id: %d)\n", nsid);
		else
			sbuf_addc(&x->out, '\n');
	}
	kns_free_names(names, n);
	return 0;
}

int exec_netns_pids(struct exec_ctx *x, const struct cmd *c)
{
	struct w_ns *ns;
	pid_t *pids;
	size_t n;

	ksync_drain(x->k);
	ns = ksync_find_ns(x->k, c->u.netns.name);
	if (!ns)
		return exec_no_ns(x, c->u.netns.name);
	if (kns_pids(ns->dev, ns->ino, &pids, &n) < 0)
		return exec_fail(x, "/proc: %s", strerror(errno));
	for (size_t i = 0; i < n; i++)
		sbuf_printf(&x->out, "%d\n", (int)pids[i]);
	free(pids);
	return 0;
}

int exec_netns_identify(struct exec_ctx *x, const struct cmd *c)
{
	dev_t dev;
	ino_t ino;

	ksync_scan_named(x->k);
	ksync_drain(x->k);
	if (c->u.netns.pid == 0 && c->ns[0]) {
		struct w_ns *ns = ksync_find_ns(x->k, c->ns);
		if (!ns)
			return exec_no_ns(x, c->ns);
		dev = ns->dev;
		ino = ns->ino;
	} else if (kns_ident_pid(c->u.netns.pid, &dev, &ino) < 0) {
		return exec_fail(x, "%d: no such process", (int)c->u.netns.pid);
	}
	for (size_t i = 0; i < x->w->nns; i++) {
		struct w_ns *ns = x->w->ns[i];
		if (ns->kind == W_NS_NAMED && ns->dev == dev && ns->ino == ino) {
			esc_add(&x->out, ns->name, 0);
			sbuf_addc(&x->out, '\n');
		}
	}
	return 0;
}

int exec_netns_exec(struct exec_ctx *x, const struct cmd *c)
{
	struct kerr e = { 0 };
	struct w_ns *ns;
	int fd, status;

	if (c->sub)
		return exec_cmd(x, c->sub);
	ksync_drain(x->k);
	ns = ksync_find_ns(x->k, c->u.netns.name);
	if (!ns)
		return exec_no_ns(x, c->u.netns.name);
	fd = ksync_ns_fd(x->k, ns, &e);
	if (fd < 0)
		return exec_fail(x, "%s: %s", c->u.netns.name, kerr_str(&e));
	x->exec_signal = 0;
	status = kns_exec(fd, c->exec_argv,
	                  x->inherit_stdio ? NULL : &x->out, &e);
	if (status < 0 && e.msg[0])
		return exec_fail(x, "%s", e.msg);
	if (status < 0)
		return exec_fail(x, "%s: %s", c->exec_argv[0], kerr_str(&e));
	/* as `ip netns exec`, which becomes the program: its exit status,
	 * nothing said (a shell reports a death by signal) */
	if (WIFSIGNALED(status)) {
		x->exec_signal = WTERMSIG(status);
		status = 128 + WTERMSIG(status);
	} else {
		status = WIFEXITED(status) ? WEXITSTATUS(status) : 1;
	}
	/* the program may have made or removed namespaces */
	ksync_scan_named(x->k);
	ksync_drain(x->k);
	return status;
}

