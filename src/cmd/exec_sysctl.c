/* SPDX-License-Identifier: GPL-2.0-or-later */
/* exec_sysctl.c - sysctl [-w] [-n] [-q] KEY[=VALUE] for keys under net.:
 * no program runs; the key's file under /proc/sys/net is opened inside
 * the namespace (kernel/requests.c), which makes it that namespace's. */
#include "cmd/exec_int.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

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
	const struct cmd_sysctl *s = &c->u.sysctl;
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

int exec_sysctl(struct exec_ctx *x, const struct cmd *c)
{
	const struct cmd_sysctl *s = &c->u.sysctl;
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

