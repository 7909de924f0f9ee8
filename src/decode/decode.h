/* SPDX-License-Identifier: GPL-2.0-or-later */
/* decode.h - the packet decoder: bytes in, text out.  Pure code: no pcap,
 * no kernel, no curses, so it can be unit-tested and fuzzed alone.
 *
 * The one-line summary is what `tcpdump -n` prints for Ethernet, 802.1Q,
 * ARP, IPv4, IPv6 (extension headers walked), ICMP, ICMPv6, TCP and UDP,
 * truncation marks included; anything else gets an honest generic line.
 * No function here reads past caplen, whatever the bytes claim.
 *
 * TCP sequence numbers are printed relative to the first packet of a
 * conversation, as tcpdump does; that needs memory of earlier packets,
 * kept in a struct decode_state.  Feed it every packet in capture order
 * (decode_summary with update, or the cheaper decode_track for packets
 * that are not shown) and the lines match tcpdump's. */
#ifndef NSVIZ_DECODE_H
#define NSVIZ_DECODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct sbuf;

/* Link types (pcap's LINKTYPE_ values, which are what files carry). */
#define DECODE_LINK_ETHERNET 1
#define DECODE_LINK_RAW      101    /* raw IPv4/IPv6, no link header */
#define DECODE_LINK_LINUX_SLL 113   /* Linux cooked v1 (-i any, old) */
#define DECODE_LINK_LINUX_SLL2 276  /* Linux cooked v2 (-i any) */

/* true when the decoder understands this link type */
bool decode_link_supported(int linktype);
/* "EN10MB (Ethernet)" as tcpdump names it, or "NNN" */
const char *decode_link_name(int linktype);

/* The conversation memory for relative TCP sequence numbers. */
struct decode_state;
struct decode_state *decode_state_new(void);
void decode_state_free(struct decode_state *st);
void decode_state_reset(struct decode_state *st);

/* How much to print, as tcpdump's flags say; zero: tcpdump -n. */
struct decode_opts {
	int verbose;           /* -v 1, -vv 2, -vvv 3 */
	bool link;             /* -e: the link-level header on each line */
	bool quiet;            /* -q: less protocol information */
	bool no_default_dump;  /* -x or -X given: no hex lines for bytes the
	                          decoder does not know (tcpdump prints them
	                          unless a hex dump of its own is asked, or
	                          -q; -A does not stop them) */
};

/* The summary line of one packet, without timestamp, appended to out.
 * st may be NULL (absolute sequence numbers).  With update false the
 * state is only read: use it to show a packet again (scrolling back). */
void decode_summary(struct sbuf *out, struct decode_state *st, bool update,
                    int linktype, const uint8_t *pkt, size_t caplen,
                    size_t len);

/* The same with tcpdump's -v/-e/-q (o NULL: none); with -v a packet
 * can take more than one line ("\n    " between them, as tcpdump). */
void decode_summary_opts(struct sbuf *out, struct decode_state *st,
                         bool update, const struct decode_opts *o,
                         int linktype, const uint8_t *pkt, size_t caplen,
                         size_t len);

/* What a decode learnt besides the text. */
struct decode_result {
	bool abandoned;        /* printing stopped where tcpdump gives up on
	                          the whole packet (its printers jump out at
	                          a missing byte): tcpdump's -x/-X/-A then
	                          dump the whole frame, link header too */
};

/* decode_summary_opts that also fills *res (res may be NULL). */
void decode_summary_res(struct sbuf *out, struct decode_state *st,
                        bool update, const struct decode_opts *o,
                        int linktype, const uint8_t *pkt, size_t caplen,
                        size_t len, struct decode_result *res);

/* What decode_summary(update=true) does to st, without making text:
 * the cost of keeping TCP numbering right for packets nobody looks at. */
void decode_track(struct decode_state *st, int linktype, const uint8_t *pkt,
                  size_t caplen, size_t len);

/* "HH:MM:SS.ffffff" in local time, as tcpdump prints it. */
void decode_timestamp(struct sbuf *out, int64_t sec, long usec);

/* Every header field, one per line ("IPv4\n  ttl: 64\n..."). */
void decode_detail(struct sbuf *out, int linktype, const uint8_t *pkt,
                   size_t caplen, size_t len);

/* Offset, 16 bytes in hex, the same as ASCII ('.' for the unprintable). */
void decode_hex(struct sbuf *out, const uint8_t *pkt, size_t caplen);

/* ---- hexdump.c: what tcpdump prints around the summary line ---------- */

/* The raw dumps after the line: -x (hex), -X (hex and ASCII), -A (ASCII
 * only); link true (-xx, -XX, -AA) from the link-level header on, else
 * from the network header on (nothing when nothing follows it).  Each
 * dump line starts with "\n\t" (-A: one "\n", then the bytes). */
#define DECODE_DUMP_NONE      0
#define DECODE_DUMP_HEX       1
#define DECODE_DUMP_HEX_ASCII 2
#define DECODE_DUMP_ASCII     3
void decode_dump(struct sbuf *out, int kind, bool link, int linktype,
                 const uint8_t *pkt, size_t caplen);
/* The same after the packet's summary line: abandoned is what
 * decode_summary_res said of the packet; when true the whole frame is
 * dumped whatever link says, as tcpdump does. */
void decode_dump_after(struct sbuf *out, int kind, bool link, int linktype,
                       const uint8_t *pkt, size_t caplen, bool abandoned);
/* The bytes of link-level header those dumps leave out, as tcpdump
 * counts them (Ethernet with its 802.1Q tags and LLC header, Linux
 * cooked v1 and v2; 0 for raw IP). */
size_t decode_link_hdrlen(int linktype, const uint8_t *pkt, size_t caplen);

/* tcpdump's timestamp forms, numbered as its -t count: */
#define DECODE_TS_DEFAULT     0   /* HH:MM:SS.frac, local time */
#define DECODE_TS_NONE        1   /* -t: none */
#define DECODE_TS_EPOCH       2   /* -tt: seconds since 1970 */
#define DECODE_TS_DELTA       3   /* -ttt: since the previous packet */
#define DECODE_TS_DATE        4   /* -tttt: date and local time */
#define DECODE_TS_SINCE_FIRST 5   /* -ttttt: since the first packet */
/* The timestamp and the space after it (nothing for DECODE_TS_NONE);
 * frac is in microseconds, or nanoseconds with nano; ref is the
 * previous or first packet's time for the two relative forms. */
void decode_timestamp_form(struct sbuf *out, int form, bool nano,
                           int64_t sec, long frac, int64_t ref_sec,
                           long ref_frac);

/* Where a Linux cooked v2 capture's interface indexes get their names:
 * fn(index, buf, len) puts the name in buf and returns true.  NULL: this
 * process's namespace (if_indextoname, as tcpdump run there).  For this
 * thread. */
typedef bool (*decode_ifname_fn)(unsigned ifindex, char *buf, size_t len);
void decode_set_ifname_fn(decode_ifname_fn fn);

#endif
