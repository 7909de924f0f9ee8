/* SPDX-License-Identifier: GPL-2.0-or-later */
/* exec_echo.c - the grammar's echo and send commands.
 *
 * `-n NS echo tcp|udp` starts a server as a child process inside NS that
 * belongs to this session (echo/echosup.h); `echo list|stop|log` look at
 * and stop them; `send` is the client, run in-process inside the
 * namespace the way ping is.  Servers that end, or whose namespace is
 * deleted, are reported by exec_echo_notices around every command.
 */
#include "cmd/exec_int.h"
#include "cmd/exec_echo.h"

#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "echo/echo.h"
#include "echo/echosup.h"
#include "util/esc.h"

static void emit(struct exec_ctx *x, const char *text)
{
	if (x->emit)
		x->emit(x->emit_ctx, text);
	else
		sbuf_add(&x->out, text);
}

static void opts_of(const struct cmd_echo *e, struct echo_opts *o)
{
	echo_opts_default(o, e->proto == ECHO_UDP ? ECHO_UDP : ECHO_TCP);
	o->port = e->port;
	if (e->has_bind)
		o->bind = e->bind;
	o->idle = e->idle;
	o->max_conns = e->max_conns;
	o->max_msg = e->max_msg;
}

/* The namespace's nsfs fd (owned by ksync), or -1 with the error set. */
static int ns_fd(struct exec_ctx *x, const char *name, int *rc)
{
	struct kerr e = { 0 };
	struct w_ns *ns;
	int fd;

	ksync_drain(x->k);
	ns = ksync_find_ns(x->k, name);
	if (!ns) {
		*rc = exec_no_ns(x, name);
		return -1;
	}
	fd = ksync_ns_fd(x->k, ns, &e);
	if (fd < 0)
		*rc = exec_fail(x, "%s: %s", *name ? name : "host", kerr_str(&e));
	return fd;
}

void exec_echo_notices(struct exec_ctx *x)
{
	struct echosup *sup = echosup_session_existing();
	struct sbuf b = SBUF_INIT;

	if (!sup)
		return;
	echosup_dispatch(sup);
	if (echosup_take_notices(sup, &b)) {
		struct sbuf safe = SBUF_INIT;

		/* they name namespaces, which anyone may have named */
		esc_add(&safe, sbuf_str(&b), ESC_KEEP_NL);
		emit(x, sbuf_str(&safe));
		sbuf_free(&safe);
	}
	sbuf_free(&b);
}

/* "namespace vnet" / "the host namespace" */
static const char *ns_name(const char *ns, char *buf, size_t len)
{
	char safe[ESC_NAME_LEN];

	if (*ns)
		snprintf(buf, len, "namespace %s", esc_str(ns, safe, sizeof safe));
	else
		snprintf(buf, len, "the host namespace");
	return buf;
}

int exec_echo_start(struct exec_ctx *x, const struct cmd *c)
{
	const struct echo_server *srv;
	struct sbuf err = SBUF_INIT, out = SBUF_INIT;
	struct echo_opts o;
	char wb[300];
	int fd, rc = 1;

	if ((fd = ns_fd(x, c->ns, &rc)) < 0)
		return rc;
	opts_of(&c->u.echo, &o);
	srv = echosup_start(echosup_session(), fd, c->ns, &o, &err);
	if (!srv) {
		rc = exec_fail(x, "echo %s in %s: %s", echo_proto_name(o.proto),
		          ns_name(c->ns, wb, sizeof wb), sbuf_str(&err));
	} else {
		sbuf_printf(&out, "echo %d: %s server listening at %s in %s, "
		            "pid %d\n", srv->id, echo_proto_name(o.proto),
		            srv->listen, ns_name(c->ns, wb, sizeof wb),
		            (int)srv->pid);
		emit(x, sbuf_str(&out));
		rc = 0;
	}
	sbuf_free(&err);
	sbuf_free(&out);
	return rc;
}

int exec_echo_list(struct exec_ctx *x, const struct cmd *c)
{
	(void)c;
	struct echosup *sup = echosup_session_existing();
	struct sbuf b = SBUF_INIT;
	int wns = 9;

	if (!sup || !echosup_count(sup))
		return 0;
	char safe[ESC_NAME_LEN];

	for (size_t i = 0; i < echosup_count(sup); i++) {
		int l = (int)strlen(esc_str(echosup_at(sup, i)->ns, safe,
		                            sizeof safe));

		if (l > wns)
			wns = l;
	}
	sbuf_printf(&b, "%-4s %-*s %-5s %-5s %-15s %-7s %-5s %s\n", "ID", wns,
	            "NAMESPACE", "PROTO", "PORT", "ADDRESS", "PID", "CONNS",
	            "MESSAGES");
	for (size_t i = 0; i < echosup_count(sup); i++) {
		const struct echo_server *srv = echosup_at(sup, i);
		struct echo_counts n;
		char ab[64] = "0.0.0.0";

		echo_server_counts(srv, &n);
		if (srv->opts.bind.family)
			w_ip_str(&srv->opts.bind, ab, sizeof ab);
		sbuf_printf(&b, "%-4d %-*s %-5s %-5u %-15s %-7d %-5u %llu\n",
		            srv->id, wns, srv->ns[0] ?
		            esc_str(srv->ns, safe, sizeof safe) : "host",
		            echo_proto_name(srv->opts.proto), srv->opts.port, ab,
		            (int)srv->pid, n.conns, (unsigned long long)n.msgs);
	}
	emit(x, sbuf_str(&b));
	sbuf_free(&b);
	return 0;
}

static int no_server(struct exec_ctx *x, unsigned id)
{
	return exec_fail(x, "echo %u: no such server (echo list shows the running "
	            "ones)", id);
}

int exec_echo_stop(struct exec_ctx *x, const struct cmd *c)
{
	struct echosup *sup = echosup_session_existing();

	if (!sup || echosup_stop(sup, (int)c->u.echo.id) < 0)
		return no_server(x, c->u.echo.id);
	return 0;
}

int exec_echo_log(struct exec_ctx *x, const struct cmd *c)
{
	struct echosup *sup = echosup_session_existing();
	const struct echo_server *srv;
	struct sbuf b = SBUF_INIT;

	if (!sup || !(srv = echosup_find(sup, (int)c->u.echo.id)))
		return no_server(x, c->u.echo.id);
	for (size_t i = 0; i < echo_server_log_count(srv); i++)
		sbuf_printf(&b, "%s\n", echo_server_log_line(srv, i));
	emit(x, sbuf_str(&b));
	sbuf_free(&b);
	return 0;
}

int exec_send(struct exec_ctx *x, const struct cmd *c)
{
	struct echo_send_req r;
	struct sbuf reply = SBUF_INIT, err = SBUF_INIT, out = SBUF_INIT;
	int fd, rc = 1;

	if ((fd = ns_fd(x, c->ns, &rc)) < 0)
		return rc;
	memset(&r, 0, sizeof r);
	r.proto = c->u.echo.proto == ECHO_UDP ? ECHO_UDP : ECHO_TCP;
	r.dst = c->u.echo.dst;
	r.port = c->u.echo.port;
	r.message = c->u.echo.message ? c->u.echo.message : "";
	r.len = strlen(r.message);
	r.timeout = c->u.echo.timeout;
	/* the socket is made inside the namespace and stays bound to it */
	if (kns_enter_fd(fd) < 0)
		return exec_fail(x, "%s: cannot enter namespace: %s",
		            c->ns[0] ? c->ns : "host", strerror(errno));
	rc = echo_send(&r, &reply, &err);
	kns_leave();
	if (rc) {
		rc = exec_fail(x, "%s", sbuf_str(&err));
	} else {
		/* as received; a NUL would end the text early */
		for (size_t i = 0; i < reply.len; i++) {
			if (reply.s[i])
				sbuf_addc(&out, reply.s[i]);
			else
				sbuf_add(&out, "\\0");
		}
		if (!out.len || out.s[out.len - 1] != '\n')
			sbuf_addc(&out, '\n');
		emit(x, sbuf_str(&out));
	}
	sbuf_free(&reply);
	sbuf_free(&err);
	sbuf_free(&out);
	return rc;
}

int exec_echo_foreground(int argc, char **argv)
{
	const struct cmd *e;
	struct echo_opts o;
	struct cmd c;
	char err[512];
	bool looks = false;
	int rc;

	for (int k = 0; k < argc && k < 6; k++)
		if (!strcmp(argv[k], "echo"))
			looks = true;
	/* anything else (and bad input: the grammar says why) is not ours */
	if (!looks || cmd_parse(argc, argv, &c, err, sizeof err) < 0)
		return -1;
	e = c.verb == CMD_NETNS_EXEC && c.sub ? c.sub : &c;
	if (e->verb != CMD_ECHO_START) {
		cmd_free(&c);
		return -1;
	}
	if (e->ns[0]) {
		struct kerr ke = { 0 };
		int fd = kns_open_named(e->ns, &ke);
		char safe[ESC_NAME_LEN];

		if (fd < 0 || setns(fd, CLONE_NEWNET) < 0) {
			const char *what = fd < 0 ? exec_not_a_namespace(e->ns)
			                          : NULL;

			if (what)
				fprintf(stderr, "nsviz: %s: not a network "
				        "namespace (" NETNS_RUN_DIR "/%s is %s, not "
				        "a namespace mounted there)\n",
				        esc_str(e->ns, safe, sizeof safe),
				        esc_str(e->ns, safe, sizeof safe), what);
			else if (fd < 0 && ke.err == ENOENT)
				fprintf(stderr, "nsviz: %s: no such network "
				        "namespace\n",
				        esc_str(e->ns, safe, sizeof safe));
			else if (fd < 0)
				fprintf(stderr, "nsviz: %s: %s\n",
				        esc_str(e->ns, safe, sizeof safe),
				        kerr_str(&ke));
			else
				fprintf(stderr, "nsviz: %s: cannot enter "
				        "namespace: %s\n",
				        esc_str(e->ns, safe, sizeof safe),
				        strerror(errno));
			if (fd >= 0)
				close(fd);
			cmd_free(&c);
			return 1;
		}
		close(fd);
	}
	opts_of(&e->u.echo, &o);
	cmd_free(&c);
	rc = echo_serve(&o);
	return rc;
}
