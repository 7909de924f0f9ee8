/* SPDX-License-Identifier: GPL-2.0-or-later */
/* exec_int.h - what the files that run commands share (exec.c,
 * exec_more.c, exec_echo.c): messages that name the object and the
 * reason, and the checks every command makes before it sends anything. */
#ifndef NSVIZ_EXEC_INT_H
#define NSVIZ_EXEC_INT_H

#include "cmd/exec.h"

/* Set x->err and return 1 (a command's failure status). */
int exec_fail(struct exec_ctx *x, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* "obj: the kernel's own message" */
int exec_kfail(struct exec_ctx *x, const char *obj, const struct kerr *e);
/* "NS: no such network namespace" (or "not a network namespace" when
 * /run/netns/NS is a file that is not one); returns 1 */
int exec_no_ns(struct exec_ctx *x, const char *name);
/* What /run/netns/NAME is when it is there but no namespace ("a regular
 * file", "a directory", ...), or NULL */
const char *exec_not_a_namespace(const char *name);
/* "in the host namespace" / "in namespace vnet" */
const char *exec_where(const struct w_ns *ns, char *buf, size_t len);
/* A namespace as iproute2 resolves one: a name, "host", or a pid. */
struct w_ns *exec_resolve_ns(struct exec_ctx *x, const char *name);
/* The namespace, read and current, or NULL with *rc and x->err set. */
struct w_ns *exec_need_ns(struct exec_ctx *x, const char *name, int *rc);
/* The device in ns, or NULL with "DEV: no such device in ..." */
struct w_link *exec_need_link(struct exec_ctx *x, struct w_ns *ns,
                              const char *dev, int *rc);

#endif
