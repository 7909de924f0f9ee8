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
	bool nodump;           /* -q, -x or -X: no d_default_print */
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
/* one byte of a name or string as tcpdump shows it ("M-", "^X") */
void d_put_char(struct dctx *c, uint8_t ch);
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
 * frame (its MAC addresses; NULL in a Linux cooked capture, which has
 * none), p the 802.2 header, len the bytes the length field gives (at
 * most what was on the wire). */
bool d_llc(struct dctx *c, const uint8_t *frame, const uint8_t *p,
           size_t cap, size_t len);

/* tcpopt.c: the options of the TCP header at the start of seg (the
 * segment: what was captured, and its length as the IP header gives it),
 * hlen bytes long; false if cut short or bad (the caller ends the line).
 * *mark: "tcp" or "mptcp", the name tcpdump uses in a truncation mark
 * after these options. */
struct dcur;
bool d_tcp_opts(struct dctx *c, const struct dcur *seg, size_t hlen,
                uint32_t sack_base, const char **mark);
/* mptcp.c: one MPTCP option (o: all its n bytes, captured), what follows
 * "mptcp"; false if malformed ("[bad opt]").  tcpflags: the header's. */
bool d_mptcp_option(struct dctx *c, const struct dcur *o, size_t n,
                    unsigned tcpflags);
/* ICMPv6 (icmp6.c, nd6opt.c, rpl.c): the -v checksum mark is ip.c's. */
/* tcpdump's hex dump of unknown bytes (n of them at p, all captured) */
void d_icmp6_hex(struct dctx *c, const char *ident, const uint8_t *p,
                 size_t n);
/* the same of n bytes at off, as much as was captured (cap) */
void d_icmp6_hexcap(struct dctx *c, const char *ident, const uint8_t *p,
                    size_t cap, size_t off, size_t n);
/* "medium", "high", "rsv", "low": a router preference's 2 bits */
const char *d_icmp6_rtpref(unsigned v);
/* ND options from off on (resid: what the ICMPv6 length leaves) */
bool d_nd6_opts(struct dctx *c, const uint8_t *p, size_t cap, size_t off,
                long resid);
/* RPL: p after the ICMPv6 header's first 4 bytes */
bool d_rpl(struct dctx *c, unsigned code, const uint8_t *p, size_t cap,
           uint32_t len);
/* ip6ext.c: the routing header at q, cap bytes of it captured: prints
 * "RT6 (...) " and returns true when the walk goes on, else (unknown
 * type, odd length, cut short: " (invalid)" or " [|rt6]" printed) false,
 * and the packet's line ends there, as tcpdump's does. */
bool d_ip6_rthdr_cap(struct dctx *c, const uint8_t *q, size_t cap);
/* dns.c: DNS over TCP, the segment's payload after ", length N" (the
 * two-byte length prefix, then the message: what tcpdump prints for port
 * 53). */
bool d_dns_tcp(struct dctx *c, const uint8_t *p, size_t cap, size_t len);
/* gre.c: how deep tunnels (VXLAN, Geneve, GRE) are nested in the packet
 * being decoded; d_encap_enter is false past the bound (then the caller
 * prints its truncation mark instead of the inner frame), and each true
 * one is paired with a d_encap_leave. */
bool d_encap_enter(void);
void d_encap_leave(void);
/* tcpdump's name of an ethertype ("IPv4", "TEB"), "unknown" if none */
const char *d_ethertype_str(unsigned type);
/* vxlan.c: OTV, UDP port 8472 (Linux's default VXLAN port): a d_udp_fn
 * for udpapps.c's table, where tcpdump tries it (after syslog, before
 * VXLAN) */
bool d_otv(struct dctx *c, const struct ipinfo *ip, unsigned sport,
           unsigned dport, const uint8_t *p, size_t cap, size_t len);
/* stp.c: a spanning tree BPDU (after its LLC or SNAP header) */
void d_stp(struct dctx *c, const uint8_t *p, size_t cap, size_t len);

/* ---- h-verbose: -v/-e/-q and the checksums (ip.c, decode.c) ---- */

/* The Internet checksum: d_sum_add adds n bytes (an odd last byte padded
 * with zero) to a running sum, d_sum_fold gives the checksum of it (0
 * when the bytes, checksum field included, were right), and
 * d_cksum_shouldbe what the field should have held (tcpdump's "->"). */
uint32_t d_sum_add(uint32_t acc, const uint8_t *p, size_t n);
uint16_t d_sum_fold(uint32_t acc);
uint16_t d_cksum_shouldbe(uint16_t field, uint16_t computed);
/* The checksum of a transport segment (len bytes at p, all captured)
 * with ip's pseudo-header: 0 when correct. */
uint16_t d_l4_cksum(const struct ipinfo *ip, unsigned proto,
                    const uint8_t *p, size_t len);
/* "TCP", "ICMPv6", ... as tcpdump's -v names a protocol, or "unknown" */
const char *d_ipproto_name(unsigned proto);
/* ICMP with the network header it came in (-v checks the checksum
 * unless a fragment, and prints the quoted packet of an error) */
void d_icmp_v(struct dctx *c, const struct ipinfo *ip, const uint8_t *p,
              size_t cap, size_t len);
/* tcpdump's hex dump of undecoded data: lines "IDENT0x0000:  0102 ..." */
void d_hex_lines(struct dctx *c, const char *ident, const uint8_t *p,
                 size_t n);
/* An ethertype's name as tcpdump's -e prints it, or NULL */
const char *d_ethertype_name(unsigned type);

/* How a Linux cooked v2 header's interface index becomes the name at
 * the start of the line (tcpdump: if_indextoname where it runs, "?" if
 * none); false when there is none.  NULL: that default again. */
typedef bool (*d_ifname_fn)(unsigned ifindex, char *buf, size_t len);
void d_set_ifname_fn(d_ifname_fn fn);

/* What tcpdump prints for bytes it does not decode (its default
 * printer): lines "\n\t0x0000:  0102 0304 ...  ASCII"; not with -q, -x
 * or -X (tcpdump's suppress_default_print), unless _always (the few
 * printers that call it without asking). */
void d_default_print(struct dctx *c, const uint8_t *p, size_t n);
void d_default_print_always(struct dctx *c, const uint8_t *p, size_t n);

/* true once a printer stopped where tcpdump abandons the whole packet
 * (reset by each decode); an enclosing printer then prints no more.
 * Set it exactly where tcpdump's printer jumps out (its GET_ macros,
 * ND_BYTES, nd_trunc_longjmp, and ND_TCHECK in the files built with
 * ND_LONGJMP_FROM_TCHECK), not where it checks, marks and returns:
 * decode_summary_res reports it as abandoned, and the -x/-X/-A dumps
 * then show the whole frame, as tcpdump's do. */
extern _Thread_local bool d_hard_stop;

#endif
