/* fmt.h - text the way iproute2 prints it, from world structs.
 *
 * `link show`, `addr show`, `route show` and `route get` print exactly what
 * iproute2 6.x prints for the attributes nsviz keeps, so a learner's eyes
 * transfer.  The UI's route panel uses fmt_route too.  Pure code.
 */
#ifndef NSVIZ_FMT_H
#define NSVIZ_FMT_H

#include "world/world.h"

struct sbuf;

/* `ip link show`: "1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 ..." + newline
 * + "    link/loopback ..." + newline.  ns is the namespace the link is in. */
void fmt_link(struct sbuf *out, const struct w_ns *ns, const struct w_link *l);

/* `ip addr show`: the link header (without "mode ...") and then every
 * address of that link in ns. dev may be restricted by the caller. */
void fmt_link_addrs(struct sbuf *out, const struct w_ns *ns,
                    const struct w_link *l);

/* One address, as its two lines under `ip addr show`. */
void fmt_addr(struct sbuf *out, const struct w_ns *ns, const struct w_addr *a);

/* `ip route show` one line (with trailing newline) for a route of ns. */
void fmt_route(struct sbuf *out, const struct w_ns *ns, const struct w_route *r);

/* true when `ip route show` (main table, no options) would list r */
bool fmt_route_listed(const struct w_route *r);

/* `ip route get ADDR` reply: "10.0.2.0 dev veth0 src 10.0.1.0 uid 0 \n    cache \n" */
void fmt_route_get(struct sbuf *out, const struct w_ns *ns,
                   const struct w_route *r);

/* Name tables, as iproute2 spells them. */
const char *fmt_scope_name(int scope, char *buf, size_t len);
const char *fmt_proto_name(int proto, char *buf, size_t len);
const char *fmt_rtype_name(int type, char *buf, size_t len);
const char *fmt_operstate_name(int state);
const char *fmt_mac(const uint8_t *a, int len, char *buf, size_t buflen);

#endif
