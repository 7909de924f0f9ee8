/* SPDX-License-Identifier: GPL-2.0-or-later */
/* topo_check.h - worlds to draw and the checks every drawing must pass,
 * shared by the topology view's unit tests (test_topo: paint,
 * test_topo_place, test_topo_route). */
#ifndef NSVIZ_TESTS_TOPO_CHECK_H
#define NSVIZ_TESTS_TOPO_CHECK_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <linux/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "ui/topo.h"
#include "util/sbuf.h"
#include "world/world.h"

#define UPFLAGS (IFF_UP | IFF_LOWER_UP | IFF_RUNNING)

/* building worlds */
struct w_link *add_link(struct world *w, struct w_ns *ns, int ifindex,
                        const char *name, const char *kind, unsigned flags);
void add_addr(struct world *w, struct w_ns *ns, int ifindex, const char *ip,
              int plen);
void add_lo(struct world *w, struct w_ns *ns, bool up);
/* a@ia in A <-> b@ib in B as the kernel reports it; world_resolve_peers
 * after */
void add_veth(struct world *w, struct w_ns *A, const char *a, int ia,
              bool upa, struct w_ns *B, const char *b, int ib, bool upb);
/* host veth0 10.0.1.0/24 <-> vnet veth1 10.0.2.0/24 */
struct world *tutorial(bool vnet_up);
/* host + ns1..nsN, each with a veth to the host */
struct world *hub(int n, bool reversed);
/* hub(n) plus a chain ns1 - ... - ns<chain> (eth1 <-> eth2) */
struct world *hub_chain(int n, int chain);

/* reading the canvas */
const struct topo_cell *at(const struct topo *t, int x, int y);
char *dump(const struct topo *t);
/* row y from x0 to x1 (exclusive); non-ASCII as '#' */
void row_text(const struct topo *t, int y, int x0, int x1, char *buf,
              size_t len);
bool is_wire_cls(int cls);

/* everything the layout promises, for any world (UTF-8 canvas): boxes
 * apart, wires traced from end to end, no cell shared but at a crossing */
void check_invariants(const struct topo *t, const struct world *w);
/* the same for the overview (no text in the boxes, no top or bottom) */
void check_overview(const struct topo *t, const struct world *w);

/* a seeded generator: the same numbers every run */
extern unsigned long rng;
int rnd(int n);

#endif
