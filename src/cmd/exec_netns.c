/* SPDX-License-Identifier: GPL-2.0-or-later */
/* exec_netns.c - netns add|del|list|pids|identify|exec|attach|set|
 * list-id: named namespaces the iproute2 way (kernel/netns.c), their
 * nsids (kernel/nsid.c), and programs run inside them.  What is printed
 * is ip 6.1's bytes (fmt/netns.h). */
#include "cmd/exec_int.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fmt/netns.h"
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
	ksync_named_changed(x->k, c->u.netns.name);
	ksync_drain(x->k);
	return 0;
}

/* `ip -all netns del`: every name in /run/netns, in directory order;
 * the first that cannot be deleted stops it (ip says so and stops too). */
static int del_all(struct exec_ctx *x)
{
	char **names;
	size_t n;
	struct kerr e = { 0 };
	int rc = 0;

	if (kns_list_named(&names, &n) < 0)
		return exec_fail(x, NETNS_RUN_DIR ": %s", strerror(errno));
	for (size_t i = 0; i < n && !rc; i++)
		if (knetns_del(names[i], &e) < 0)
			rc = exec_fail(x, "%s: cannot delete namespace: %s",
			               names[i], kerr_str(&e));
	kns_free_names(names, n);
	ksync_scan_named(x->k);
	ksync_drain(x->k);
	return rc;
}

int exec_netns_del(struct exec_ctx *x, const struct cmd *c)
{
	struct kerr e = { 0 };

	if (c->all)
		return del_all(x);
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
	ksync_named_changed(x->k, c->u.netns.name);
	ksync_drain(x->k);
	return 0;
}

/* The names in /run/netns in directory order (ip's), each with the nsid
 * that here gives it (-1: none, or not a namespace).  Free with
 * free_named(). */
static int named_ids(struct exec_ctx *x, struct w_ns *here, char ***names,
                     size_t *n, struct fmt_netns **v)
{
	struct kerr e = { 0 };

	if (kns_list_named(names, n) < 0)
		return exec_fail(x, NETNS_RUN_DIR ": %s", strerror(errno));
	*v = xcalloc(*n ? *n : 1, sizeof **v);
	for (size_t i = 0; i < *n; i++) {
		int fd = kns_open_named((*names)[i], &e);

		(*v)[i].name = (*names)[i];
		(*v)[i].id = -1;
		if (fd >= 0) {
			(*v)[i].id = ksync_nsid_of(x->k, here, fd);
			close(fd);
		}
	}
	return 0;
}

static void free_named(char **names, size_t n, struct fmt_netns *v)
{
	free(v);
	kns_free_names(names, n);
}

int exec_netns_list(struct exec_ctx *x, const struct cmd *c)
{
	char **names;
	size_t n;
	struct fmt_netns *v;
	int rc;
	struct w_ns *here = exec_need_ns(x, c->ns, &rc);

	if (!here)
		return rc;
	if ((rc = named_ids(x, here, &names, &n, &v)))
		return rc;
	fmt_netns_list(&x->out, v, n, &c->opts);
	free_named(names, n, v);
	return 0;
}

/* `ip netns list-id`: the kernel's list (or one entry), each named as ip
 * names it from the ids of /run/netns (fmt_nsid_name). */
int exec_netns_list_id(struct exec_ctx *x, const struct cmd *c)
{
	const struct cmd_netns *a = &c->u.netns;
	char **names;
	size_t n, nk;
	struct fmt_netns *v;
	struct knsid *k;
	struct fmt_nsid *f;
	struct kerr e = { 0 };
	char obj[64];
	int rc;
	struct w_ns *here = exec_need_ns(x, c->ns, &rc);

	if (!here)
		return rc;
	if (knsid_list(x->k, here, a->target_nsid, a->nsid, &k, &nk, &e) < 0) {
		/* the kernel's words, after what it refused */
		if (a->nsid >= 0)
			snprintf(obj, sizeof obj, "nsid %d", a->nsid);
		else if (a->target_nsid >= 0)
			snprintf(obj, sizeof obj, "target-nsid %d", a->target_nsid);
		else
			snprintf(obj, sizeof obj, "netns list-id");
		return exec_kfail(x, obj, &e);
	}
	if ((rc = named_ids(x, here, &names, &n, &v))) {
		free(k);
		return rc;
	}
	f = xcalloc(nk ? nk : 1, sizeof *f);
	for (size_t i = 0; i < nk; i++) {
		f[i].nsid = k[i].nsid;
		f[i].has_current = k[i].has_current;
		f[i].current = k[i].current;
		f[i].name = fmt_nsid_name(v, n, &f[i]);
	}
	fmt_nsid_list(&x->out, f, nk, &c->opts);
	free(f);
	free(k);
	free_named(names, n, v);
	return 0;
}

/* `ip [-n NS] netns set NAME N|auto`: NS gives NAME the number N. */
int exec_netns_set(struct exec_ctx *x, const struct cmd *c)
{
	const struct cmd_netns *a = &c->u.netns;
	struct kerr e = { 0 };
	struct w_ns *here, *ns;
	int rc, fd;

	if (!(here = exec_need_ns(x, c->ns, &rc)))
		return rc;
	ns = ksync_find_ns(x->k, a->name);
	if (!ns || ns->kind != W_NS_NAMED)
		return exec_no_ns(x, a->name);
	fd = ksync_ns_fd(x->k, ns, &e);
	if (fd < 0)
		return exec_fail(x, "%s: %s", a->name, kerr_str(&e));
	if (knsid_set(x->k, here, fd, a->nsid, &e) < 0)
		return exec_kfail(x, a->name, &e);
	ksync_drain(x->k);
	return 0;
}

/* `ip netns attach NAME PID`: the namespace of PID gets a name. */
int exec_netns_attach(struct exec_ctx *x, const struct cmd *c)
{
	const struct cmd_netns *a = &c->u.netns;
	struct kerr e = { 0 };
	const char *what;
	dev_t dev;
	ino_t ino;
	int rc;

	if (!exec_need_ns(x, "", &rc))
		return rc;
	if (ksync_find_ns(x->k, a->name))
		return exec_fail(x, "%s: namespace already exists", a->name);
	if ((what = exec_not_a_namespace(a->name)))
		return exec_fail(x, "%s: cannot create namespace: " NETNS_RUN_DIR
		                 "/%s is there already (%s, not a namespace)",
		                 a->name, a->name, what);
	if (kns_ident_pid(a->pid, &dev, &ino) < 0)
		return exec_fail(x, "%d: no such process", (int)a->pid);
	if (knetns_attach(a->name, a->pid, &e) < 0) {
		if (e.err == EEXIST)
			return exec_fail(x, "%s: namespace already exists", a->name);
		if (e.err == ESRCH)
			return exec_fail(x, "%d: no such process", (int)a->pid);
		return exec_fail(x, "%s: cannot attach namespace: %s", a->name,
		                 kerr_str(&e));
	}
	ksync_named_changed(x->k, a->name);
	ksync_drain(x->k);
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

/* As ip 6.1: one line, the last name in /run/netns (directory order)
 * that is the namespace, or an empty line when none is. */
int exec_netns_identify(struct exec_ctx *x, const struct cmd *c)
{
	char **names;
	size_t n;
	const char *found = "";
	dev_t dev;
	ino_t ino;
	struct kerr e = { 0 };

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
	if (kns_list_named(&names, &n) < 0)
		return exec_fail(x, NETNS_RUN_DIR ": %s", strerror(errno));
	for (size_t i = 0; i < n; i++) {
		int fd = kns_open_named(names[i], &e);
		dev_t d;
		ino_t in;

		if (fd < 0)
			continue;
		if (kns_ident_fd(fd, &d, &in) == 0 && d == dev && in == ino)
			found = names[i];
		close(fd);
	}
	esc_add(&x->out, found, 0);
	sbuf_addc(&x->out, '\n');
	kns_free_names(names, n);
	return 0;
}

/* What is pending in out, handed over now when there is an emit: -all
 * netns exec's text must come in order with what a program run on our
 * terminal prints. */
static void flush_out(struct exec_ctx *x)
{
	if (x->emit && x->out.len) {
		x->emit(x->emit_ctx, sbuf_str(&x->out));
		sbuf_reset(&x->out);
	}
}

static void say(struct exec_ctx *x, const char *text)
{
	sbuf_add(&x->out, text);
	flush_out(x);
}

/* A namespace's failure in -all netns exec: said where a program's
 * stderr goes, and the next namespace runs (as ip's children fail). */
static void say_err(struct exec_ctx *x, const char *msg)
{
	if (x->inherit_stdio) {
		flush_out(x);
		fprintf(stderr, "%s\n", msg);
		fflush(stderr);
	} else {
		sbuf_printf(&x->out, "%s\n", msg);
	}
}

/* `ip -all netns exec CMD...`, as ip 6.1: for each name in /run/netns,
 * in directory order, "\nnetns: NAME\n" and what CMD prints there.  The
 * status is 0 whatever each one returns; a program killed by a signal
 * ends it, status 1.  A command of nsviz's own (`ip ...`) runs
 * in-process, as in netns exec. */
static int exec_all(struct exec_ctx *x, const struct cmd *c)
{
	char **names;
	size_t n;
	int rc = 0;
	struct sbuf canon = SBUF_INIT;

	ksync_scan_named(x->k);
	ksync_drain(x->k);
	if (kns_list_named(&names, &n) < 0)
		return exec_fail(x, NETNS_RUN_DIR ": %s", strerror(errno));
	sbuf_add(&canon, sbuf_str(&x->canon));
	x->exec_signal = 0;
	for (size_t i = 0; i < n && !rc && !(x->stop && *x->stop); i++) {
		struct sbuf h = SBUF_INIT;
		struct kerr e = { 0 };
		struct w_ns *ns;
		int fd, status;

		fmt_netns_exec_header(&h, names[i]);
		say(x, sbuf_str(&h));
		sbuf_free(&h);
		if (c->sub) {
			struct cmd sub = *c->sub;
			size_t len = strlen(names[i]);

			if (len >= sizeof sub.ns)
				len = sizeof sub.ns - 1;
			memcpy(sub.ns, names[i], len);
			sub.ns[len] = '\0';
			if (exec_cmd(x, &sub) != 0 && x->err.len) {
				struct sbuf m = SBUF_INIT;

				sbuf_printf(&m, "nsviz: %s", sbuf_str(&x->err));
				say_err(x, sbuf_str(&m));
				sbuf_free(&m);
			}
			sbuf_reset(&x->err);
			flush_out(x);
			continue;
		}
		ns = ksync_find_ns(x->k, names[i]);
		fd = ns ? ksync_ns_fd(x->k, ns, &e) : -1;
		if (fd < 0) {
			struct sbuf m = SBUF_INIT;

			/* a file that is no namespace, or one gone since */
			if (ns)
				exec_fail(x, "%s: %s", names[i], kerr_str(&e));
			else
				exec_no_ns(x, names[i]);
			sbuf_printf(&m, "nsviz: %s", sbuf_str(&x->err));
			sbuf_reset(&x->err);
			say_err(x, sbuf_str(&m));
			sbuf_free(&m);
			continue;
		}
		status = kns_exec(fd, c->exec_argv,
		                  x->inherit_stdio ? NULL : &x->out, &e);
		if (status < 0)
			say_err(x, e.msg[0] ? e.msg : kerr_str(&e));
		else if (WIFSIGNALED(status))
			rc = 1;
		flush_out(x);
	}
	kns_free_names(names, n);
	/* the log shows the -all command, not its last sub-command */
	sbuf_reset(&x->canon);
	sbuf_add(&x->canon, sbuf_str(&canon));
	sbuf_free(&canon);
	/* the programs may have made or removed namespaces */
	ksync_scan_named(x->k);
	ksync_drain(x->k);
	return rc;
}

int exec_netns_exec(struct exec_ctx *x, const struct cmd *c)
{
	struct kerr e = { 0 };
	struct w_ns *ns;
	int fd, status;

	if (c->all)
		return exec_all(x, c);
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

