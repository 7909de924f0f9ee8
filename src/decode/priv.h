/* SPDX-License-Identifier: GPL-2.0-or-later */
/* priv.h - shared by the decoder's files; not for the rest of nsviz. */
#ifndef NSVIZ_DECODE_PRIV_H
#define NSVIZ_DECODE_PRIV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "decode/decode.h"
#include "util/sbuf.h"

/* One decoding pass.  out is NULL when only tracking TCP state. */
struct dctx {
	struct sbuf *out;
	struct decode_state *st;
	bool update;
	int v;                 /* -v, -vv, -vvv: 1, 2, 3 */
	bool e;                /* -e: the link-level header too */
	bool q;                /* -q: less protocol information */
};

/* The network header a transport header sits in: what TCP and UDP need
 * to print addresses and to key TCP conversations. */
struct ipinfo {
	int family;            /* 4 or 6 */
	const uint8_t *src, *dst;   /* 4 or 16 bytes, inside the packet */
	bool with_addrs;       /* print "a.port > b.port" (else ports only) */
	bool fragmented;
};

static inline uint16_t be16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static inline uint32_t be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

void dput(struct dctx *c, const char *s);
void dprintf_(struct dctx *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

const char *d_ip4str(const uint8_t *a, char *buf, size_t len);
const char *d_ip6str(const uint8_t *a, char *buf, size_t len);
const char *d_macstr(const uint8_t *a, size_t n, char *buf, size_t len);
const char *d_ipstr(const struct ipinfo *ip, const uint8_t *a, char *buf,
                    size_t len);

/* cap: bytes captured from p on; len: bytes on the wire from p on. */
void d_ip4(struct dctx *c, const uint8_t *p, size_t cap, size_t len);
void d_ip6(struct dctx *c, const uint8_t *p, size_t cap, size_t len);
void d_icmp(struct dctx *c, const uint8_t *p, size_t cap, size_t len);
void d_icmp6(struct dctx *c, const uint8_t *p, size_t cap, size_t len);
void d_tcp(struct dctx *c, const struct ipinfo *ip, const uint8_t *p,
           size_t cap, size_t len);
void d_udp(struct dctx *c, const struct ipinfo *ip, const uint8_t *p,
           size_t cap, size_t len);
void d_ether(struct dctx *c, const uint8_t *p, size_t cap, size_t len);

/* "a.sport > b.dport: " (ports only when the addresses were printed
 * before, as inside IPv6 extension headers); "a > b:" and a space */
void d_print_ports(struct dctx *c, const struct ipinfo *ip, unsigned sport,
                   unsigned dport);
void d_print_addrs(struct dctx *c, const struct ipinfo *ip, bool space);

/* tcpopt.c: the options between ", options [" and "]"; false if cut
 * short (the caller ends the line there, as tcpdump does). */
bool d_tcp_options(struct dctx *c, const uint8_t *q, size_t optlen,
                   size_t avail, uint32_t sack_base);
/* ip6ext.c: an IPv6 routing header whose hl bytes were captured */
void d_ip6_rthdr(struct dctx *c, const uint8_t *q, size_t hl);

/* Decoders of what rides on the headers above.  Each prints its part of
 * the line and returns true, or returns false having printed nothing,
 * and the caller prints its generic form ("UDP, length N", "ip-proto-N
 * LEN", "802.3, length N"). */

/* UDP payloads, by port (udpapps.c holds the table): p is the payload,
 * len its length as the UDP header gives it, cap what was captured. */
typedef bool (*d_udp_fn)(struct dctx *c, const struct ipinfo *ip,
                         unsigned sport, unsigned dport, const uint8_t *p,
                         size_t cap, size_t len);
bool d_udp_app(struct dctx *c, const struct ipinfo *ip, unsigned sport,
               unsigned dport, const uint8_t *p, size_t cap, size_t len);
bool d_dns(struct dctx *c, const struct ipinfo *ip, unsigned sport,
           unsigned dport, const uint8_t *p, size_t cap, size_t len);
bool d_bootp(struct dctx *c, const struct ipinfo *ip, unsigned sport,
             unsigned dport, const uint8_t *p, size_t cap, size_t len);
bool d_ntp(struct dctx *c, const struct ipinfo *ip, unsigned sport,
           unsigned dport, const uint8_t *p, size_t cap, size_t len);
bool d_vxlan(struct dctx *c, const struct ipinfo *ip, unsigned sport,
             unsigned dport, const uint8_t *p, size_t cap, size_t len);
bool d_geneve(struct dctx *c, const struct ipinfo *ip, unsigned sport,
              unsigned dport, const uint8_t *p, size_t cap, size_t len);

/* IP protocols, after "a > b: " was printed */
bool d_igmp(struct dctx *c, const struct ipinfo *ip, const uint8_t *p,
            size_t cap, size_t len);
bool d_gre(struct dctx *c, const struct ipinfo *ip, const uint8_t *p,
           size_t cap, size_t len);

/* An 802.3 frame (length field, not an ethertype): frame is the whole
 * frame (its MAC addresses), p what follows the length field, len the
 * bytes the length field gives (at most what was on the wire). */
bool d_llc(struct dctx *c, const uint8_t *frame, const uint8_t *p,
           size_t cap, size_t len);

/* stp.c: a spanning tree BPDU (after its LLC or SNAP header) */
void d_stp(struct dctx *c, const uint8_t *p, size_t cap, size_t len);

#endif
