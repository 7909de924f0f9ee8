/* SPDX-License-Identifier: GPL-2.0-or-later */
/* exec.c - one parsed command, checked against the world, then sent to
 * the kernel.  Checks come first so that bad input changes nothing and
 * the message names the object and the reason; the kernel has the last
 * word and its own errno and extack text are passed on. */
#include "cmd/exec.h"
#include "cmd/exec_echo.h"
#include "cmd/exec_more.h"

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
#include "ping/ping.h"
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

static void emit_text(struct exec_ctx *x, const char *text)
{
	if (x->emit)
		x->emit(x->emit_ctx, text);
	else
		sbuf_add(&x->out, text);
}

static void changed(struct exec_ctx *x)
{
	ksync_drain(x->k);
}

/* ---- netns ------------------------------------------------------------ */

static int do_netns_add(struct exec_ctx *x, const struct cmd *c)
{
	struct kerr e = { 0 };
	int rc;

	if (!exec_need_ns(x, "", &rc))
		return rc;
	if (ksync_find_ns(x->k, c->name))
		return exec_fail(x, "%s: namespace already exists", c->name);
	if (knetns_add(c->name, &e) < 0) {
		if (e.err == EEXIST) {
			const char *what = exec_not_a_namespace(c->name);

			if (what)
				return exec_fail(x, "%s: cannot create namespace: "
				                 NETNS_RUN_DIR "/%s is there already "
				                 "(%s, not a namespace)", c->name,
				                 c->name, what);
			return exec_fail(x, "%s: namespace already exists", c->name);
		}
		return exec_fail(x, "%s: cannot create namespace: %s", c->name,
		            kerr_str(&e));
	}
	ksync_scan_named(x->k);
	changed(x);
	return 0;
}

static int do_netns_del(struct exec_ctx *x, const struct cmd *c)
{
	struct kerr e = { 0 };

	ksync_drain(x->k);
	if (!ksync_find_ns(x->k, c->name)) {
		if (!strcmp(c->name, "host"))
			return exec_fail(x, "host: the host namespace cannot be "
			               "deleted (it is not a named namespace)");
		return exec_no_ns(x, c->name);
	}
	if (knetns_del(c->name, &e) < 0)
		return exec_fail(x, "%s: cannot delete namespace: %s", c->name,
		            kerr_str(&e));
	ksync_scan_named(x->k);
	changed(x);
	return 0;
}

static int do_netns_list(struct exec_ctx *x, const struct cmd *c)
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

static int do_netns_pids(struct exec_ctx *x, const struct cmd *c)
{
	struct w_ns *ns;
	pid_t *pids;
	size_t n;

	ksync_drain(x->k);
	ns = ksync_find_ns(x->k, c->name);
	if (!ns)
		return exec_no_ns(x, c->name);
	if (kns_pids(ns->dev, ns->ino, &pids, &n) < 0)
		return exec_fail(x, "/proc: %s", strerror(errno));
	for (size_t i = 0; i < n; i++)
		sbuf_printf(&x->out, "%d\n", (int)pids[i]);
	free(pids);
	return 0;
}

static int do_netns_identify(struct exec_ctx *x, const struct cmd *c)
{
	dev_t dev;
	ino_t ino;

	ksync_scan_named(x->k);
	ksync_drain(x->k);
	if (c->pid == 0 && c->ns[0]) {
		struct w_ns *ns = ksync_find_ns(x->k, c->ns);
		if (!ns)
			return exec_no_ns(x, c->ns);
		dev = ns->dev;
		ino = ns->ino;
	} else if (kns_ident_pid(c->pid, &dev, &ino) < 0) {
		return exec_fail(x, "%d: no such process", (int)c->pid);
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

static int do_netns_exec(struct exec_ctx *x, const struct cmd *c)
{
	struct kerr e = { 0 };
	struct w_ns *ns;
	int fd, status;

	if (c->sub)
		return exec_cmd(x, c->sub);
	ksync_drain(x->k);
	ns = ksync_find_ns(x->k, c->name);
	if (!ns)
		return exec_no_ns(x, c->name);
	fd = ksync_ns_fd(x->k, ns, &e);
	if (fd < 0)
		return exec_fail(x, "%s: %s", c->name, kerr_str(&e));
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
	changed(x);
	return status;
}

/* ---- link ------------------------------------------------------------- */

static int do_link_add(struct exec_ctx *x, const struct cmd *c)
{
	struct kerr e = { 0 };
	struct w_ns *ns, *pns;
	char wb[300];
	int rc;

	/* the kernel reads "%d" in a new name as "pick a number": a name
	 * would not be the name the user typed */
	if (strchr(c->name, '%'))
		return exec_fail(x, "%s: interface names must not contain '%%' "
		            "(the kernel would replace %%d by a number)", c->name);
	if (strchr(c->peer, '%'))
		return exec_fail(x, "%s: interface names must not contain '%%' "
		            "(the kernel would replace %%d by a number)", c->peer);
	if (!(ns = exec_need_ns(x, c->ns, &rc)))
		return rc;
	pns = ns;
	if (c->peer_ns[0] && !(pns = exec_need_ns(x, c->peer_ns, &rc)))
		return rc;
	if (world_find_link(ns, c->name))
		return exec_fail(x, "%s: device already exists %s", c->name,
		            exec_where(ns, wb, sizeof wb));
	if (world_find_link(pns, c->peer))
		return exec_fail(x, "%s: device already exists %s", c->peer,
		            exec_where(pns, wb, sizeof wb));
	if (pns == ns && !strcmp(c->name, c->peer))
		return exec_fail(x, "%s: a veth pair needs two different names",
		            c->peer);
	if (klink_add_veth(x->k, ns, c->name, c->peer, pns, &e) < 0)
		return exec_kfail(x, c->name, &e);
	changed(x);
	return 0;
}

static int do_link_set(struct exec_ctx *x, const struct cmd *c)
{
	struct kerr e = { 0 };
	struct w_ns *ns, *to = NULL;
	struct w_link *l;
	int rc;

	if (!(ns = exec_need_ns(x, c->ns, &rc)))
		return rc;
	if (!(l = exec_need_link(x, ns, c->name, &rc)))
		return rc;
	if (c->set.has_netns) {
		char wb[300];
		if (!(to = exec_need_ns(x, c->set.netns, &rc)))
			return rc;
		if (to != ns && world_find_link(to, c->name))
			return exec_fail(x, "%s: device already exists %s", c->name,
			            exec_where(to, wb, sizeof wb));
		if (to == ns)
			to = NULL;
	}
	if (klink_set(x->k, ns, l->ifindex, c->set.up,
	              c->set.has_mtu ? c->set.mtu : 0,
	              c->set.has_mac ? c->set.mac : NULL, to, &e) < 0) {
		if (e.err == EINVAL && c->set.has_mtu && !e.msg[0])
			return exec_fail(x, "%s: mtu %u: invalid for this device",
			            c->name, c->set.mtu);
		return exec_kfail(x, c->name, &e);
	}
	changed(x);
	return 0;
}

static int do_link_del(struct exec_ctx *x, const struct cmd *c)
{
	struct kerr e = { 0 };
	struct w_ns *ns;
	struct w_link *l;
	int rc;

	if (!(ns = exec_need_ns(x, c->ns, &rc)))
		return rc;
	if (!(l = exec_need_link(x, ns, c->name, &rc)))
		return rc;
	if (klink_del(x->k, ns, l->ifindex, &e) < 0)
		return exec_kfail(x, c->name, &e);
	changed(x);
	return 0;
}

static int do_link_show(struct exec_ctx *x, const struct cmd *c, bool addrs)
{
	struct w_ns *ns;
	const char *dev = addrs ? c->dev : c->name;
	int rc;

	if (!(ns = exec_need_ns(x, c->ns, &rc)))
		return rc;
	if (dev[0]) {
		struct w_link *l = world_find_link(ns, dev);
		if (!l)
			/* iproute2's own words: the tutorial shows them */
			return exec_fail(x, "Device \"%s\" does not exist.", dev);
		if (addrs)
			fmt_link_addrs(&x->out, ns, l);
		else
			fmt_link(&x->out, ns, l);
		return 0;
	}
	for (size_t i = 0; i < ns->nlinks; i++) {
		if (addrs)
			fmt_link_addrs(&x->out, ns, &ns->links[i]);
		else
			fmt_link(&x->out, ns, &ns->links[i]);
	}
	return 0;
}

/* ---- addr ------------------------------------------------------------- */

static const struct w_addr *find_addr(const struct w_ns *ns, int ifindex,
                                      const struct w_ip *ip, int plen)
{
	for (size_t i = 0; i < ns->naddrs; i++) {
		const struct w_addr *a = &ns->addrs[i];
		if (a->ifindex == ifindex && w_ip_eq(&a->local, ip) &&
		    (plen < 0 || a->prefixlen == plen))
			return a;
	}
	return NULL;
}

static int do_addr_change(struct exec_ctx *x, const struct cmd *c, bool add)
{
	struct kerr e = { 0 };
	struct w_ns *ns;
	struct w_link *l;
	char ab[64], obj[96];
	int rc;

	if (!(ns = exec_need_ns(x, c->ns, &rc)))
		return rc;
	if (!(l = exec_need_link(x, ns, c->dev, &rc)))
		return rc;
	snprintf(obj, sizeof obj, "%s/%d",
	         w_ip_str(&c->addr, ab, sizeof ab), c->prefixlen);
	/* the kernel keys IPv4 addresses by address and prefix length
	 * (10.0.1.0/25 may sit beside 10.0.1.0/24), IPv6 by address */
	if (add && find_addr(ns, l->ifindex, &c->addr,
	                     c->addr.family == AF_INET ? c->prefixlen : -1))
		return exec_fail(x, "%s: address already assigned to %s", obj,
		            c->dev);
	if (!add && !find_addr(ns, l->ifindex, &c->addr, c->prefixlen))
		return exec_fail(x, "%s: no such address on %s", obj, c->dev);
	if (kaddr_change(x->k, ns, add, l->ifindex, &c->addr, c->prefixlen,
	                 &e) < 0)
		return exec_kfail(x, obj, &e);
	changed(x);
	return 0;
}

/* ---- route ------------------------------------------------------------ */

static void route_obj(const struct cmd *c, char *buf, size_t len)
{
	char ab[64];

	if (c->route.is_default)
		snprintf(buf, len, "route default");
	else if (c->route.dst_len < 0)
		snprintf(buf, len, "route %s",
		         w_ip_str(&c->route.dst, ab, sizeof ab));
	else
		snprintf(buf, len, "route %s/%d",
		         w_ip_str(&c->route.dst, ab, sizeof ab),
		         c->route.dst_len);
}

/* The kernel refused a route's gateway ("Nexthop has invalid gateway",
 * "Network is unreachable"): ask it the way to the gateway, and say in
 * words what is wrong with it.  Returns 1 with x->err set, or 0 when
 * nothing better than the kernel's own text can be said. */
static int gateway_fail(struct exec_ctx *x, struct w_ns *ns,
                        const struct cmd *c, int oif)
{
	struct kerr e = { 0 };
	struct w_route r;
	char gb[64], wb[300], db[64], ob[64];
	const char *gw = w_ip_str(&c->route.via, gb, sizeof gb);
	const char *where = exec_where(ns, wb, sizeof wb);

	if (kroute_get(x->k, ns, &c->route.via, &r, &e) < 0) {
		if (e.err != ENETUNREACH && e.err != EHOSTUNREACH)
			return 0;
		return exec_fail(x, "%s: gateway not reachable: no route to it %s; "
		                 "add an address or a route for it first", gw,
		                 where);
	}
	if (r.type == RTN_LOCAL)
		return exec_fail(x, "%s: gateway not reachable: it is an address "
		                 "of this namespace (%s); a gateway is the address "
		                 "of another host on a connected network", gw,
		                 where + 3);
	if (r.type != RTN_UNICAST)
		return exec_fail(x, "%s: gateway not reachable: the way to it %s "
		                 "is a %s route", gw, where,
		                 fmt_rtype_name(r.type, db, sizeof db));
	if (r.gw.family)
		return exec_fail(x, "%s: gateway not reachable: the way to it %s "
		                 "goes through another gateway (%s); a gateway "
		                 "must be on a directly connected network", gw,
		                 where, w_ip_str(&r.gw, db, sizeof db));
	if (oif && r.oif != oif) {
		const struct w_link *l = world_find_link_index(ns, r.oif);

		if (l)
			snprintf(ob, sizeof ob, "%s", l->name);
		else
			snprintf(ob, sizeof ob, "if%d", r.oif);
		return exec_fail(x, "%s: gateway not reachable through %s: the "
		                 "way to it %s goes through %s", gw, c->route.dev,
		                 where, ob);
	}
	return 0;
}

static int do_route_change(struct exec_ctx *x, const struct cmd *c, bool add)
{
	struct kerr e = { 0 };
	struct kroute_req r;
	struct w_ns *ns;
	char obj[128];
	int rc;

	if (!(ns = exec_need_ns(x, c->ns, &rc)))
		return rc;
	memset(&r, 0, sizeof r);
	route_obj(c, obj, sizeof obj);
	r.dst = c->route.dst;
	r.dst_len = c->route.is_default ? 0
	            : c->route.dst_len >= 0 ? c->route.dst_len
	            : (c->route.dst.family == AF_INET6 ? 128 : 32);
	if (c->route.has_via)
		r.gw = c->route.via;
	if (c->route.has_dev) {
		struct w_link *l = exec_need_link(x, ns, c->route.dev, &rc);
		if (!l)
			return rc;
		r.oif = l->ifindex;
	}
	r.scope = c->route.scope;
	if (c->route.has_src)
		r.prefsrc = c->route.src;
	r.has_metric = c->route.has_metric;
	r.metric = c->route.metric;
	if (kroute_change(x->k, ns, add, &r, &e) < 0) {
		if (!add && e.err == ESRCH && !e.msg[0])
			return exec_fail(x, "%s: no such route", obj);
		if (add && e.err == EEXIST && !e.msg[0])
			return exec_fail(x, "%s: route already exists", obj);
		if (add && c->route.has_via &&
		    (e.err == ENETUNREACH ||
		     !strcmp(e.msg, "Nexthop has invalid gateway")) &&
		    gateway_fail(x, ns, c, r.oif))
			return 1;
		return exec_kfail(x, obj, &e);
	}
	changed(x);
	return 0;
}

static int do_route_show(struct exec_ctx *x, const struct cmd *c)
{
	struct w_ns *ns;
	int rc;

	if (!(ns = exec_need_ns(x, c->ns, &rc)))
		return rc;
	/* plain `ip route` means IPv4, as in iproute2 */
	fmt_route_show(&x->out, ns, c->family == AF_INET6 ? AF_INET6 : AF_INET);
	return 0;
}

static int do_route_get(struct exec_ctx *x, const struct cmd *c)
{
	struct kerr e = { 0 };
	struct w_route r;
	struct w_ns *ns;
	char ab[64];
	int rc;

	if (!(ns = exec_need_ns(x, c->ns, &rc)))
		return rc;
	if (kroute_get(x->k, ns, &c->route.dst, &r, &e) < 0)
		return exec_fail(x, "route get %s: %s",
		            w_ip_str(&c->route.dst, ab, sizeof ab),
		            kerr_str(&e));
	fmt_route_get(&x->out, ns, &r);
	return 0;
}

/* ---- ping ------------------------------------------------------------- */

static void ping_line(void *ctx, const char *line)
{
	struct exec_ctx *x = ctx;
	struct sbuf b = SBUF_INIT;

	/* a line may hold the name of the interface (ADDR%IF) */
	esc_add(&b, line, 0);
	sbuf_addc(&b, '\n');
	emit_text(x, sbuf_str(&b));
	sbuf_free(&b);
}

static int do_ping(struct exec_ctx *x, const struct cmd *c)
{
	struct ping_opts o;
	struct kerr e = { 0 };
	struct w_ns *ns;
	int fd, rc;

	if (!(ns = exec_need_ns(x, c->ns, &rc)))
		return rc;
	/* ADDR%IF: the interface (a name, or an index as iputils takes
	 * it) must be in the namespace the ping runs in */
	if (c->dev[0] && !world_find_link(ns, c->dev)) {
		char *end;
		unsigned long idx = strtoul(c->dev, &end, 10);

		if (*end || !idx || idx > INT_MAX ||
		    !world_find_link_index(ns, (int)idx)) {
			exec_need_link(x, ns, c->dev, &rc);
			return rc;
		}
	}
	fd = ksync_ns_fd(x->k, ns, &e);
	if (fd < 0)
		return exec_fail(x, "%s: %s", c->ns, kerr_str(&e));
	memset(&o, 0, sizeof o);
	o.dst = c->target;
	o.ifname = c->dev[0] ? c->dev : NULL;
	o.ns_name = c->ns;
	o.count = c->count;
	o.wait = c->wait;
	o.interval = c->interval;
	o.stop = x->stop;
	if (kns_enter_fd(fd) < 0)
		return exec_fail(x, "%s: cannot enter namespace: %s",
		            c->ns[0] ? c->ns : "host", strerror(errno));
	rc = ping_run(&o, ping_line, x);
	kns_leave();
	return rc;
}

/* ---- dispatch --------------------------------------------------------- */

int exec_cmd(struct exec_ctx *x, const struct cmd *c)
{
	int rc = 1;

	sbuf_reset(&x->err);
	sbuf_reset(&x->canon);
	if (cmd_changes(c))
		cmd_canonical(c, &x->canon);
	switch (c->verb) {
	case CMD_NONE:
		return 0;
	case CMD_NETNS_ADD: rc = do_netns_add(x, c); break;
	case CMD_NETNS_DEL: rc = do_netns_del(x, c); break;
	case CMD_NETNS_LIST: rc = do_netns_list(x, c); break;
	case CMD_NETNS_PIDS: rc = do_netns_pids(x, c); break;
	case CMD_NETNS_IDENTIFY: rc = do_netns_identify(x, c); break;
	case CMD_NETNS_EXEC: rc = do_netns_exec(x, c); break;
	case CMD_LINK_ADD_VETH: rc = do_link_add(x, c); break;
	case CMD_LINK_SET:
		/* with master or nomaster: exec_more.c */
		rc = exec_more_takes(c) ? exec_more(x, c) : do_link_set(x, c);
		break;
	case CMD_LINK_DEL: rc = do_link_del(x, c); break;
	case CMD_LINK_SHOW: rc = do_link_show(x, c, false); break;
	case CMD_ADDR_ADD: rc = do_addr_change(x, c, true); break;
	case CMD_ADDR_DEL: rc = do_addr_change(x, c, false); break;
	case CMD_ADDR_SHOW: rc = do_link_show(x, c, true); break;
	case CMD_ROUTE_ADD: rc = do_route_change(x, c, true); break;
	case CMD_ROUTE_DEL: rc = do_route_change(x, c, false); break;
	case CMD_ROUTE_SHOW: rc = do_route_show(x, c); break;
	case CMD_ROUTE_GET: rc = do_route_get(x, c); break;
	case CMD_PING: rc = do_ping(x, c); break;
	/* echo servers and send: exec_echo.c */
	case CMD_ECHO_START: case CMD_ECHO_LIST: case CMD_ECHO_STOP:
	case CMD_ECHO_LOG: case CMD_SEND:
		exec_echo_notices(x);
		rc = exec_echo(x, c);
		break;
	/* bridges, sysctl, neigh: exec_more.c */
	case CMD_LINK_ADD_BRIDGE: case CMD_SYSCTL: case CMD_NEIGH_SHOW:
		rc = exec_more(x, c);
		break;
	}
	/* echo servers that died or lost their namespace: said at once */
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
