/* SPDX-License-Identifier: GPL-2.0-or-later */
/* exec_more.c - bridges, bridge ports, sysctls and neighbours.
 *
 *   link add NAME type bridge
 *   link set [dev] NAME master BRIDGE | nomaster [other settings]
 *   sysctl [-w] [-n] [-q] KEY[=VALUE]     (KEY under net., per namespace)
 *   neigh show [dev NAME]
 *
 * As in exec.c: everything that can be checked against the world is
 * checked first, so bad input changes nothing and the message names the
 * object; then the kernel has the last word.  sysctl runs no program:
 * the key's file under /proc/sys/net is opened inside the namespace
 * (kernel/requests.c), which is what makes it that namespace's value.
 */
#include "cmd/exec_int.h"
#include "cmd/exec_more.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "fmt/fmt.h"

/* ---- bridges ------------------------------------------------------------- */

static int do_link_add_bridge(struct exec_ctx *x, const struct cmd *c)
{
	struct kerr e = { 0 };
	struct w_ns *ns;
	char wb[300];
	int rc;

	if (strchr(c->name, '%'))
		return exec_fail(x, "%s: interface names must not contain '%%' "
		            "(the kernel would replace %%d by a number)", c->name);
	if (!(ns = exec_need_ns(x, c->ns, &rc)))
		return rc;
	if (world_find_link(ns, c->name))
		return exec_fail(x, "%s: device already exists %s", c->name,
		            exec_where(ns, wb, sizeof wb));
	if (klink_add_bridge(x->k, ns, c->name, &e) < 0) {
		if (e.err == EOPNOTSUPP && !e.msg[0])
			return exec_fail(x, "%s: this kernel cannot make bridges (the "
			            "bridge module is not available)", c->name);
		return exec_kfail(x, c->name, &e);
	}
	ksync_drain(x->k);
	return 0;
}

/* `link set` with master or nomaster: everything do_link_set checks, and
 * the bridge, sent as one request the way ip sends it. */
static int do_link_set_master(struct exec_ctx *x, const struct cmd *c)
{
	const struct cmd_link_set *s = &c->set;
	struct kerr e = { 0 };
	struct w_ns *ns, *to = NULL;
	struct w_link *l, *br;
	char wb[300];
	int rc, master = -1;

	if (!(ns = exec_need_ns(x, c->ns, &rc)))
		return rc;
	if (!(l = exec_need_link(x, ns, c->name, &rc)))
		return rc;
	if (s->has_master) {
		if (!strcmp(s->master, c->name))
			return exec_fail(x, "%s: an interface cannot be its own master",
			            c->name);
		if (!(br = exec_need_link(x, ns, s->master, &rc)))
			return rc;
		if (strcmp(br->kind, "bridge"))
			return exec_fail(x, "%s: not a bridge%s%s (a master is made "
			            "with link add NAME type bridge)", s->master,
			            br->kind[0] ? " but a " : "", br->kind);
		master = br->ifindex;
	} else if (s->nomaster) {
		master = 0;
	}
	if (s->has_netns) {
		if (!(to = exec_need_ns(x, s->netns, &rc)))
			return rc;
		if (to != ns && world_find_link(to, c->name))
			return exec_fail(x, "%s: device already exists %s", c->name,
			            exec_where(to, wb, sizeof wb));
		if (to == ns)
			to = NULL;
	}
	if (klink_set_master(x->k, ns, l->ifindex, s->up,
	                     s->has_mtu ? s->mtu : 0,
	                     s->has_mac ? s->mac : NULL, to, master, &e) < 0) {
		if (e.err == EINVAL && s->has_mtu && !e.msg[0])
			return exec_fail(x, "%s: mtu %u: invalid for this device",
			            c->name, s->mtu);
		return exec_kfail(x, c->name, &e);
	}
	ksync_drain(x->k);
	return 0;
}

/* ---- sysctl -------------------------------------------------------------- */

/* What sysctl(8) prints: "KEY = VALUE" per line of the value, or the
 * value alone with -n. */
static void sysctl_print(struct exec_ctx *x, const struct cmd_sysctl *s,
                         const char *text)
{
	size_t len = strlen(text);
	const char *line = text, *end;

	if (len && text[len - 1] == '\n')
		len--;
	end = text + len;
	for (;;) {
		const char *nl = memchr(line, '\n', (size_t)(end - line));
		int n = (int)((nl ? nl : end) - line);

		if (s->values_only)
			sbuf_printf(&x->out, "%.*s\n", n, line);
		else
			sbuf_printf(&x->out, "%s = %.*s\n", s->key, n, line);
		if (!nl)
			break;
		line = nl + 1;
	}
}

static int sysctl_fail(struct exec_ctx *x, const struct cmd *c,
                       const struct w_ns *ns, const struct kerr *e)
{
	const struct cmd_sysctl *s = &c->sysctl;
	char wb[300];

	switch (e->err) {
	case ENOENT:
	case ENOTDIR:
		return exec_fail(x, "%s: no such sysctl %s", s->key,
		            exec_where(ns, wb, sizeof wb));
	case EISDIR:
		return exec_fail(x, "%s: not one sysctl but a directory of them (give "
		            "a whole key, like net.ipv4.conf.all.forwarding)",
		            s->key);
	case EACCES:
	case EPERM:
		return exec_fail(x, "%s: %s (%s)", s->key, strerror(e->err),
		            s->write ? "the key is read-only here" :
		                       "the key cannot be read");
	case EINVAL:
		if (s->write && !e->msg[0])
			return exec_fail(x, "%s=%s: the kernel refused the value "
			            "(Invalid argument)", s->key, s->value);
		break;
	default:
		break;
	}
	return exec_fail(x, "%s: cannot %s: %s", s->key, s->write ? "set" : "read",
	            kerr_str(e));
}

static int do_sysctl(struct exec_ctx *x, const struct cmd *c)
{
	const struct cmd_sysctl *s = &c->sysctl;
	struct kerr e = { 0 };
	struct sbuf text = SBUF_INIT;
	struct w_ns *ns;
	int rc;

	if (!(ns = exec_need_ns(x, c->ns, &rc)))
		return rc;
	if (s->write) {
		if (ksysctl_write(x->k, ns, s->key, s->value, &e) < 0)
			return sysctl_fail(x, c, ns, &e);
		/* forwarding and the like change no object the world keeps,
		 * but read whatever the kernel said */
		ksync_drain(x->k);
		if (!s->quiet)
			sysctl_print(x, s, s->value);
		return 0;
	}
	if (ksysctl_read(x->k, ns, s->key, &text, &e) < 0) {
		sbuf_free(&text);
		return sysctl_fail(x, c, ns, &e);
	}
	sysctl_print(x, s, sbuf_str(&text));
	sbuf_free(&text);
	return 0;
}

/* ---- neighbours ---------------------------------------------------------- */

static int do_neigh_show(struct exec_ctx *x, const struct cmd *c)
{
	struct w_ns *ns;
	int rc, ifindex = 0;

	if (!(ns = exec_need_ns(x, c->ns, &rc)))
		return rc;
	if (c->name[0]) {
		struct w_link *l = world_find_link(ns, c->name);

		if (!l)
			/* ip's own words for neigh */
			return exec_fail(x, "Cannot find device \"%s\"", c->name);
		ifindex = l->ifindex;
	}
	fmt_neigh_show(&x->out, ns, ifindex, c->family);
	return 0;
}

/* ---- dispatch ------------------------------------------------------------ */

bool exec_more_takes(const struct cmd *c)
{
	switch (c->verb) {
	case CMD_LINK_ADD_BRIDGE: case CMD_SYSCTL: case CMD_NEIGH_SHOW:
		return true;
	case CMD_LINK_SET:
		return c->set.has_master || c->set.nomaster;
	default:
		return false;
	}
}

int exec_more(struct exec_ctx *x, const struct cmd *c)
{
	switch (c->verb) {
	case CMD_LINK_ADD_BRIDGE:
		return do_link_add_bridge(x, c);
	case CMD_LINK_SET:
		return do_link_set_master(x, c);
	case CMD_SYSCTL:
		return do_sysctl(x, c);
	case CMD_NEIGH_SHOW:
		return do_neigh_show(x, c);
	default:
		return exec_fail(x, "not a bridge, sysctl or neigh command");
	}
}
