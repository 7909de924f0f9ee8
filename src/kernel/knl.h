/* SPDX-License-Identifier: GPL-2.0-or-later */
/* knl.h - kernel/ internals: netlink sockets opened inside a namespace,
 * requests that keep the kernel's errno and extended-ack message, and the
 * decoder from rtnetlink messages to world events.  Only kernel/ includes
 * this file (and libnl). */
#ifndef NSVIZ_KNL_H
#define NSVIZ_KNL_H

#include <netlink/netlink.h>
#include <netlink/msg.h>

#include "kernel/kernel.h"

/* Open a NETLINK_ROUTE socket inside the namespace behind nsfd (-1 = the
 * current one), with extended acks enabled.  groups: RTNLGRP_* bitmap
 * style list for an event socket (0 = a request socket). */
struct nl_sock *knl_open(int nsfd, bool events, struct kerr *e);
void knl_close(struct nl_sock *sk);

/* Send msg (NLM_F_ACK is added) and wait for the ack, or for the end of a
 * dump (NLM_F_DUMP).  Every reply message is passed to fn.  Returns 0 or
 * -1 with e holding the kernel's errno and extack text. */
typedef void (*knl_msg_fn)(void *ctx, struct nlmsghdr *nlh);
int knl_talk(struct nl_sock *sk, struct nl_msg *msg, knl_msg_fn fn,
             void *ctx, struct kerr *e);

/* A request answered by one message (RTM_GETNSID of one nsid), sent
 * without NLM_F_ACK as iproute2 sends it: fn gets the answer; an error
 * answer is -1 with e set. */
int knl_get(struct nl_sock *sk, struct nl_msg *msg, knl_msg_fn fn,
            void *ctx, struct kerr *e);

/* Send msg on ns's request socket, every reply to fn; msg is freed.  A
 * dump (NLM_F_DUMP) goes without NLM_F_ACK, as iproute2 sends it. */
int knl_ns_talk(struct ksync *k, struct w_ns *ns, struct nl_msg *msg,
                knl_msg_fn fn, void *ctx, struct kerr *e);
/* A dump of one kind (RTM_GETLINK, RTM_GETADDR, ...). */
int knl_dump(struct nl_sock *sk, int type, int family, knl_msg_fn fn,
             void *ctx, struct kerr *e);

/* Decode one rtnetlink message into *ev.  Returns 0, or -1 for messages
 * nsviz does not model (ev->type = W_EV_OTHER, nothing to free).  After
 * 0, *ev owns a link's heap parts: w_event_release() it when done. */
int kparse(const struct nlmsghdr *nlh, struct w_event *ev);
/* The kernel's AF_INET6 link reply: its ifindex and IPv6's counters
 * (IFLA_PROTINFO / IFLA_INET6_STATS) in the fields ip prints them in;
 * -1 when the message is not one */
int kparse_stats6(const struct nlmsghdr *nlh, int *ifindex,
                  struct w_stats64 *st);
/* routing (issue 11): one RTM_NEWRULE / RTM_DELRULE (rule.c) */
int krule_parse(const struct nlmsghdr *nlh, struct w_rule *r);

/* The nsid that the namespace of sk gives to the namespace behind fd;
 * -1 when none is assigned. */
int knl_get_nsid(struct nl_sock *sk, int target_fd);

/* The request socket of ns (opened on first use). */
struct nl_sock *ksync_req_sock(struct ksync *k, struct w_ns *ns,
                               struct kerr *e);

#endif
