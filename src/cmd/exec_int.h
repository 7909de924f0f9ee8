/* SPDX-License-Identifier: GPL-2.0-or-later */
/* exec_int.h - what the files that run commands share (exec.c and
 * exec_OBJECT.c): messages that name the object and the reason, the
 * checks every command makes before it sends anything, and each verb's
 * exec function (exec.c's table lists them by verb). */
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

/* link show and addr show: every link of c's namespace, or dev */
int exec_show_links(struct exec_ctx *x, const struct cmd *c, const char *dev,
                    bool addrs);

/* ---- one per verb (same contract as exec_cmd) ---------------------------- */
int exec_netns_list(struct exec_ctx *x, const struct cmd *c);
int exec_netns_add(struct exec_ctx *x, const struct cmd *c);
int exec_netns_del(struct exec_ctx *x, const struct cmd *c);
int exec_netns_pids(struct exec_ctx *x, const struct cmd *c);
int exec_netns_identify(struct exec_ctx *x, const struct cmd *c);
int exec_netns_exec(struct exec_ctx *x, const struct cmd *c);
int exec_netns_list_id(struct exec_ctx *x, const struct cmd *c);
int exec_netns_set(struct exec_ctx *x, const struct cmd *c);
int exec_netns_attach(struct exec_ctx *x, const struct cmd *c);
int exec_link_add(struct exec_ctx *x, const struct cmd *c);
int exec_link_set(struct exec_ctx *x, const struct cmd *c);
int exec_link_del(struct exec_ctx *x, const struct cmd *c);
int exec_link_show(struct exec_ctx *x, const struct cmd *c);
int exec_addr_change(struct exec_ctx *x, const struct cmd *c);  /* add, del */
int exec_addr_show(struct exec_ctx *x, const struct cmd *c);
int exec_route_change(struct exec_ctx *x, const struct cmd *c); /* add, del */
int exec_route_show(struct exec_ctx *x, const struct cmd *c);
int exec_route_get(struct exec_ctx *x, const struct cmd *c);
int exec_neigh_show(struct exec_ctx *x, const struct cmd *c);
/* exec_bridge.c; and the check of link set ... type bridge|bridge_slave */
int exec_bridge_vlan_change(struct exec_ctx *x, const struct cmd *c);
int exec_bridge_show(struct exec_ctx *x, const struct cmd *c);
int exec_check_bropts(struct exec_ctx *x, struct w_ns *ns,
                      const struct w_link *l, const struct w_bropts *o);
int exec_bropts_kfail(struct exec_ctx *x, const char *name,
                      const struct w_bropts *o, const struct kerr *e);
/* routing (issue 11) */
int exec_addr_flush(struct exec_ctx *x, const struct cmd *c);
int exec_rule_change(struct exec_ctx *x, const struct cmd *c);  /* add, del */
int exec_rule_show(struct exec_ctx *x, const struct cmd *c);
int exec_neigh_change(struct exec_ctx *x, const struct cmd *c); /* add,
                                            * change, replace, del */
int exec_neigh_flush(struct exec_ctx *x, const struct cmd *c);
int exec_ping(struct exec_ctx *x, const struct cmd *c);
int exec_sysctl(struct exec_ctx *x, const struct cmd *c);
int exec_tc_change(struct exec_ctx *x, const struct cmd *c);    /* tc qdisc|
                                         * class add, change, replace, del */
int exec_tc_show(struct exec_ctx *x, const struct cmd *c);
/* exec_echo.c */
int exec_echo_start(struct exec_ctx *x, const struct cmd *c);
int exec_echo_list(struct exec_ctx *x, const struct cmd *c);
int exec_echo_stop(struct exec_ctx *x, const struct cmd *c);
int exec_echo_log(struct exec_ctx *x, const struct cmd *c);
int exec_send(struct exec_ctx *x, const struct cmd *c);
/* exec_why.c (issue 15) */
int exec_why(struct exec_ctx *x, const struct cmd *c);
/* exec_nft.c: nft commands, both verbs */
int exec_nft(struct exec_ctx *x, const struct cmd *c);

#endif
