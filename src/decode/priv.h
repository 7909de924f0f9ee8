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

#endif
