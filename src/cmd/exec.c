/* SPDX-License-Identifier: GPL-2.0-or-later */
/* exec.c - one parsed command, checked against the world, then sent to
 * the kernel, by the function at the verb's index of exec_fns (the
 * verb table's second half; the functions live in exec_OBJECT.c).
 * Checks come first so that bad input changes nothing and the message
 * names the object and the reason; the kernel has the last word and its
 * own errno and extack text are passed on.  Shared here: the messages
 * and the lookups every exec function makes first. */
#include "cmd/exec.h"
#include "cmd/exec_echo.h"
#include "cmd/verbs.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#include <linux/rtnetlink.h>

#include "cmd/exec_int.h"
#include "fmt/fmt.h"
#include "util/esc.h"

void exec_init(struct exec_ctx *x, struct world *w, struct ksync *k)
{
	memset(x, 0, sizeof *x);
	x->w = w;
	x->k = k;
}

void exec_done(struct exec_ctx *x)
{
	sbuf_free(&x->out);
	sbuf_free(&x->err);
	sbuf_free(&x->canon);
}

/* Messages echo names made by anyone: unsafe bytes escaped (util/esc.h). */
int exec_fail(struct exec_ctx *x, const char *fmt, ...)
{
	struct sbuf raw = SBUF_INIT;
	va_list ap;

	sbuf_reset(&x->err);
	va_start(ap, fmt);
	sbuf_vprintf(&raw, fmt, ap);
	va_end(ap);
	esc_add(&x->err, sbuf_str(&raw), 0);
	sbuf_free(&raw);
	return 1;
}

/* What /run/netns/NAME is when it is there but is no namespace (a regular
 * file, not a bind mount of one): "a regular file", ...; NULL otherwise. */
const char *exec_not_a_namespace(const char *name)
{
	char path[sizeof NETNS_RUN_DIR + W_NSNAME_MAX + 1];
	struct stat st;
	int fd;
	struct kerr e = { 0 };

	if (!*name || strchr(name, '/'))
		return NULL;
	snprintf(path, sizeof path, NETNS_RUN_DIR "/%s", name);
	if (lstat(path, &st) < 0)
		return NULL;
	if (S_ISREG(st.st_mode)) {
		/* a namespace mounted there reads as a regular file too */
		fd = kns_open_named(name, &e);
		if (fd >= 0) {
			close(fd);
			return NULL;
		}
		return "a regular file";
	}
	return S_ISDIR(st.st_mode) ? "a directory" :
	       S_ISLNK(st.st_mode) ? "a symbolic link" : "a special file";
}

/* "NAME: no such network namespace", or "NAME: not a network namespace
 * (/run/netns/NAME is a regular file, ...)". */
int exec_no_ns(struct exec_ctx *x, const char *name)
{
	const char *what = exec_not_a_namespace(name);

	if (what)
		return exec_fail(x, "%s: not a network namespace (" NETNS_RUN_DIR
		                 "/%s is %s, not a namespace mounted there)",
		                 name, name, what);
	return exec_fail(x, "%s: no such network namespace", name);
}

/* "in the host namespace" / "in namespace vnet" */
const char *exec_where(const struct w_ns *ns, char *buf, size_t len)
{
	char label[300];

	if (ns->kind == W_NS_HOST)
		snprintf(buf, len, "in the host namespace");
	else
		snprintf(buf, len, "in namespace %s",
		         world_ns_label(ns, label, sizeof label));
	return buf;
}

int exec_kfail(struct exec_ctx *x, const char *obj, const struct kerr *e)
{
	return exec_fail(x, "%s: %s", obj, kerr_str(e));
}

/* A namespace as iproute2 resolves one: a name in /run/netns, else a
 * process id whose namespace is meant (`ip link set X netns 1`); nsviz
 * also takes "host" for the namespace it started in, when no namespace
 * is named so. */
struct w_ns *exec_resolve_ns(struct exec_ctx *x, const char *name)
{
	struct w_ns *ns = ksync_find_ns(x->k, name);
	char *end;
	long pid;
	dev_t dev;
	ino_t ino;

	if (ns)
		return ns;
	if (!strcmp(name, "host"))
		return world_host(x->w);
	pid = strtol(name, &end, 10);
	if (*name && !*end && pid > 0 &&
	    kns_ident_pid((pid_t)pid, &dev, &ino) == 0) {
		ns = world_find_ns_ino(x->w, dev, ino);
		if (!ns) {
			ksync_rescan(x->k);
			ns = world_find_ns_ino(x->w, dev, ino);
		}
	}
	return ns;
}

struct w_ns *exec_need_ns(struct exec_ctx *x, const char *name, int *rc)
{
	struct w_ns *ns;
	struct kerr e = { 0 };

	ksync_drain(x->k);
	ns = exec_resolve_ns(x, name);
	if (!ns) {
		*rc = exec_no_ns(x, name);
		return NULL;
	}
	if (ksync_ns_ready(x->k, ns, &e) < 0) {
		*rc = exec_fail(x, "%s: cannot read namespace: %s",
		           *name ? name : "host", kerr_str(&e));
		return NULL;
	}
	return ns;
}

struct w_link *exec_need_link(struct exec_ctx *x, struct w_ns *ns,
                                const char *dev, int *rc)
{
	struct w_link *l = world_find_link(ns, dev);
	char wb[300];

	if (!l)
		*rc = exec_fail(x, "%s: no such device %s", dev,
		           exec_where(ns, wb, sizeof wb));
	return l;
}

/* ---- dispatch: the exec half of the verb table ------------------------ */

typedef int (*exec_fn)(struct exec_ctx *x, const struct cmd *c);

static const exec_fn exec_fns[CMD_VERB_COUNT] = {
	[CMD_NETNS_LIST] = exec_netns_list,
	[CMD_NETNS_ADD] = exec_netns_add,
	[CMD_NETNS_DEL] = exec_netns_del,
	[CMD_NETNS_PIDS] = exec_netns_pids,
	[CMD_NETNS_IDENTIFY] = exec_netns_identify,
	[CMD_NETNS_EXEC] = exec_netns_exec,
	[CMD_NETNS_LIST_ID] = exec_netns_list_id,
	[CMD_NETNS_SET] = exec_netns_set,
	[CMD_NETNS_ATTACH] = exec_netns_attach,
	[CMD_LINK_ADD] = exec_link_add,
	[CMD_LINK_SET] = exec_link_set,
	[CMD_LINK_DEL] = exec_link_del,
	[CMD_LINK_SHOW] = exec_link_show,
	[CMD_ADDR_ADD] = exec_addr_change,
	[CMD_ADDR_DEL] = exec_addr_change,
	[CMD_ADDR_SHOW] = exec_addr_show,
	[CMD_ROUTE_ADD] = exec_route_change,
	[CMD_ROUTE_DEL] = exec_route_change,
	[CMD_ROUTE_SHOW] = exec_route_show,
	[CMD_ROUTE_GET] = exec_route_get,
	[CMD_NEIGH_SHOW] = exec_neigh_show,
	[CMD_BRIDGE_LINK_SHOW] = exec_bridge_show,
	[CMD_BRIDGE_FDB_SHOW] = exec_bridge_show,
	[CMD_BRIDGE_VLAN_ADD] = exec_bridge_vlan_change,
	[CMD_BRIDGE_VLAN_DEL] = exec_bridge_vlan_change,
	[CMD_BRIDGE_VLAN_SHOW] = exec_bridge_show,
	/* routing (issue 11) */
	[CMD_ROUTE_CHANGE] = exec_route_change,
	[CMD_ROUTE_REPLACE] = exec_route_change,
	[CMD_ROUTE_PREPEND] = exec_route_change,
	[CMD_ROUTE_APPEND] = exec_route_change,
	[CMD_RULE_SHOW] = exec_rule_show,
	[CMD_RULE_ADD] = exec_rule_change,
	[CMD_RULE_DEL] = exec_rule_change,
	[CMD_ADDR_FLUSH] = exec_addr_flush,
	[CMD_NEIGH_ADD] = exec_neigh_change,
	[CMD_NEIGH_CHANGE] = exec_neigh_change,
	[CMD_NEIGH_REPLACE] = exec_neigh_change,
	[CMD_NEIGH_DEL] = exec_neigh_change,
	[CMD_NEIGH_FLUSH] = exec_neigh_flush,
	[CMD_PING] = exec_ping,
	[CMD_SYSCTL] = exec_sysctl,
	[CMD_ECHO_START] = exec_echo_start,
	[CMD_ECHO_LIST] = exec_echo_list,
	[CMD_ECHO_STOP] = exec_echo_stop,
	[CMD_ECHO_LOG] = exec_echo_log,
	[CMD_SEND] = exec_send,
	[CMD_NFT] = exec_nft,
	[CMD_NFT_LIST] = exec_nft,
	[CMD_TC_QDISC_ADD] = exec_tc_change,
	[CMD_TC_QDISC_CHANGE] = exec_tc_change,
	[CMD_TC_QDISC_REPLACE] = exec_tc_change,
	[CMD_TC_QDISC_DEL] = exec_tc_change,
	[CMD_TC_QDISC_SHOW] = exec_tc_show,
	[CMD_TC_CLASS_ADD] = exec_tc_change,
	[CMD_TC_CLASS_CHANGE] = exec_tc_change,
	[CMD_TC_CLASS_REPLACE] = exec_tc_change,
	[CMD_TC_CLASS_DEL] = exec_tc_change,
	[CMD_TC_CLASS_SHOW] = exec_tc_show,
	[CMD_WHY] = exec_why,
};

bool exec_has(enum cmd_verb verb)
{
	return verb > CMD_NONE && verb < CMD_VERB_COUNT && exec_fns[verb];
}

int exec_cmd(struct exec_ctx *x, const struct cmd *c)
{
	const struct cmd_entry *e;
	int rc;

	sbuf_reset(&x->err);
	sbuf_reset(&x->canon);
	if (c->verb == CMD_NONE)
		return 0;
	if (!exec_has(c->verb))
		return exec_fail(x, "internal error: no way to run this command");
	/* nft's kept context lives through a run of nft commands only: it
	 * holds its namespace alive */
	if (c->verb != CMD_NFT && c->verb != CMD_NFT_LIST &&
	    !(c->verb == CMD_NETNS_EXEC && c->sub &&
	      (c->sub->verb == CMD_NFT || c->sub->verb == CMD_NFT_LIST)))
		knft_release();
	if (cmd_changes(c))
		cmd_canonical(c, &x->canon);
	/* echo servers that died or lost their namespace: said at once */
	e = cmd_verb_entry(c->verb);
	if (e && (!strcmp(e->object, "echo") || !strcmp(e->object, "send")))
		exec_echo_notices(x);
	/* a command that reads the world reads it whole (batch runs defer
	 * the routes a link's state change alters) */
	if (!cmd_changes(c)) {
		ksync_drain(x->k);
		ksync_routes_now(x->k);
	}
	rc = exec_fns[c->verb](x, c);
	exec_echo_notices(x);
	return rc;
}

int exec_line(struct exec_ctx *x, const char *line)
{
	char **words = NULL;
	char err[512];
	struct cmd c;
	int n, rc;

	sbuf_reset(&x->err);
	n = cmd_split(line, &words, err, sizeof err);
	if (n < 0)
		return exec_fail(x, "%s", err);
	if (n == 0) {
		cmd_free_words(words, n);
		return 0;
	}
	if (cmd_parse(n, words, &c, err, sizeof err) < 0) {
		cmd_free_words(words, n);
		return exec_fail(x, "%s", err);
	}
	cmd_free_words(words, n);
	rc = exec_cmd(x, &c);
	cmd_free(&c);
	return rc;
}
