/* SPDX-License-Identifier: GPL-2.0-or-later */
/* capture.h - live packet capture on any interface of any namespace, and
 * pcap files.
 *
 * A capture is a libpcap handle opened inside the interface's namespace
 * (setns in, activate, setns home: the socket stays bound to that
 * namespace), non-blocking, packets handed over in kernel blocks at
 * most latency_ms old (TPACKET_V3: thousands of small packets fit the
 * kernel buffer, where immediate mode's fixed slots hold a handful).  The caller owns the
 * loop: it polls capture_fd() with everything else and calls
 * capture_read() when it is readable.  Packets are kept raw in a bounded
 * ring; text is made only for the packets someone looks at
 * (capture_line), so a flood costs a copy per packet, not a decode.
 *
 * Nothing here prints: errors and the end-of-capture reason are strings
 * for the caller (the CLI prints them, a UI panel shows them). */
#ifndef NSVIZ_CAPTURE_H
#define NSVIZ_CAPTURE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/time.h>

#include "decode/decode.h"

#define CAPTURE_RING_DEFAULT 10000
#define CAPTURE_SNAPLEN_DEFAULT 262144
/* The ring is bounded in bytes too: room for its packets at this size
 * each (a full-size Ethernet frame and some).  A veth hands a packet
 * socket a TCP stream in segments of up to 64 KiB, so 10,000 of those
 * would be 640 MB; the oldest go first, counted as overwritten. */
#define CAPTURE_RING_BYTES_PER_PACKET 1600

struct capture_opts {
	const char *ifname;    /* live: the interface */
	int ns_fd;             /* nsfs fd of its namespace; -1: the current */
	const char *ns_label;  /* for messages: "vnet", "" or NULL = host */
	const char *ns_path;   /* /run/netns/NAME, or NULL: when it no longer
	                          names the namespace the capture was opened
	                          in, the capture ends (capture_check) */
	const char *filter;    /* BPF expression, NULL or "" = everything */
	size_t ring;           /* packets kept; 0 = CAPTURE_RING_DEFAULT (and
	                          ring * CAPTURE_RING_BYTES_PER_PACKET bytes
	                          of them at most) */
	int buffer_kib;        /* kernel buffer; 0 = libpcap's default */
	int snaplen;           /* 0 = CAPTURE_SNAPLEN_DEFAULT */
	int latency_ms;        /* longest a packet waits in the kernel before
	                          the fd turns readable; 0 = 20 ms */
	bool immediate;        /* every packet at once (libpcap's immediate
	                          mode: one fixed-size kernel slot per packet,
	                          so far fewer fit the buffer; for slow
	                          traffic only) */
	bool promisc;          /* promiscuous mode (tcpdump's default; nsviz
	                          leaves it off unless asked: it changes the
	                          link's flags, which nsviz shows) */
	int direction;         /* CAPTURE_DIR_*: which way packets went */
	bool nano;             /* timestamps in nanoseconds (struct timeval's
	                          tv_usec holds them then) */
};

/* -Q in|out|inout (pcap_setdirection); ANY: not set */
#define CAPTURE_DIR_ANY   0
#define CAPTURE_DIR_IN    1
#define CAPTURE_DIR_OUT   2
#define CAPTURE_DIR_INOUT 3

/* How capture_line makes its text: tcpdump's output flags.  All zero:
 * `tcpdump -n`.  A per-capture setting (capture_set_print). */
struct capture_print {
	int ts;                /* DECODE_TS_*: -t count */
	struct decode_opts dec;        /* -v, -e, -q */
	int dump;              /* DECODE_DUMP_*: -x, -X, -A */
	bool dump_link;        /* -xx, -XX, -AA: from the link header on */
	bool absolute;         /* -S: TCP sequence numbers as sent */
	bool number;           /* -#: each line numbered */
};

struct capture_pkt {
	struct timeval ts;
	uint32_t caplen;       /* bytes in data */
	uint32_t len;          /* bytes on the wire */
	const uint8_t *data;
};

struct capture_stats {
	uint64_t seen;         /* packets that reached the ring */
	uint64_t overwritten;  /* pushed out of the ring by newer ones */
	uint64_t kernel_recv;  /* pcap_stats ps_recv ("received by filter") */
	uint64_t kernel_drops; /* pcap_stats ps_drop: lost before we read */
	uint64_t if_drops;     /* pcap_stats ps_ifdrop */
};

struct capture;

/* Open a live capture; NULL with a plain message in err on failure
 * ("veth9: no such device in namespace vnet", "bad filter `tcp prt 80':
 * ..."). */
struct capture *capture_open(const struct capture_opts *o, char *err,
                             size_t errlen);
/* Open a pcap/pcapng file (read with capture_read like a live one). */
struct capture *capture_open_file(const char *path, const char *filter,
                                  size_t ring, char *err, size_t errlen);
/* The same with nanosecond timestamps when nano (libpcap scales the
 * file's to the precision asked for, as tcpdump
 * --time-stamp-precision=nano). */
struct capture *capture_open_file_prec(const char *path, const char *filter,
                                       size_t ring, bool nano, char *err,
                                       size_t errlen);
void capture_close(struct capture *c);

/* The descriptor to poll for input; -1 for files (always ready). */
int capture_fd(const struct capture *c);
/* Take what is pending, at most max packets (0 = all there is), without
 * blocking.  Returns the number of packets added to the ring, or -1
 * when the capture has ended (capture_ended says why). */
int capture_read(struct capture *c, int max);
/* Look for a vanished interface or namespace; call it on a slow timer
 * (a few times a second).  Returns true if the capture (now) ended. */
bool capture_check(struct capture *c);
/* Stop a capture from outside (e.g. the world saw its namespace go). */
void capture_end(struct capture *c, const char *why);
/* NULL while running; else why it ended ("" for end of file). */
const char *capture_ended(const struct capture *c);

/* Change the filter of a running capture ("" = everything). */
int capture_set_filter(struct capture *c, const char *expr, char *err,
                       size_t errlen);
const char *capture_filter(const struct capture *c);

void capture_get_stats(struct capture *c, struct capture_stats *s);
/* The decoder's link type (DECODE_LINK_*) and the interface name. */
int capture_linktype(const struct capture *c);
int capture_snaplen(const struct capture *c);
const char *capture_ifname(const struct capture *c);
/* pcap's own link type (DLT_*), for tcpdump's "link-type" words */
int capture_dlt(const struct capture *c);
/* true when timestamps are in nanoseconds */
bool capture_nano(const struct capture *c);

/* The output flags capture_line follows; setting them drops every line
 * made so far (they are made again, the new way, when looked at). */
void capture_set_print(struct capture *c, const struct capture_print *pr);
const struct capture_print *capture_get_print(const struct capture *c);

/* The ring: packets numbered from 0 in arrival order; those in
 * [capture_first, capture_next) are still there. */
uint64_t capture_first(const struct capture *c);
uint64_t capture_next(const struct capture *c);
bool capture_get(const struct capture *c, uint64_t n, struct capture_pkt *p);
/* The tcpdump -n line of packet n ("HH:MM:SS.ffffff IP ..."), made on
 * first use and kept while the packet is in the ring; NULL if gone.
 * With capture_set_print: the timestamp form, -v/-e/-q and the dumps
 * chosen there (the dumps and -v add lines: "\n\t..."). */
const char *capture_line(struct capture *c, uint64_t n);
/* Forget every packet (counters stay). */
void capture_clear(struct capture *c);
/* Write the ring as a pcap file, atomically (a temporary name in the
 * same directory, then rename). */
int capture_save(struct capture *c, const char *path, char *err,
                 size_t errlen);

/* Writing packets one by one as they come (`capture -w`): an unnamed
 * file (O_TMPFILE; a named FILE.tmp.XXXXXX where the filesystem has
 * none) given its name on commit, so a reader never sees half a file
 * and a killed capture leaves nothing.  After a write error, add and
 * flush fail; commit still names the file, cut after the last packet
 * flush saw written, and says so in err (returns -1). */
struct capture_writer;
struct capture_writer *capture_writer_open(const char *path, int linktype,
                                           int snaplen, char *err,
                                           size_t errlen);
/* The same, the file's timestamps in nanoseconds when nano (the
 * packets' tv_usec then holds nanoseconds). */
struct capture_writer *capture_writer_open_prec(const char *path,
                                                int linktype, int snaplen,
                                                bool nano, char *err,
                                                size_t errlen);
int capture_writer_add(struct capture_writer *wr, const struct capture_pkt *p);
/* Push what was added to the file; -1 after a write error. */
int capture_writer_flush(struct capture_writer *wr);
int capture_writer_commit(struct capture_writer *wr, char *err,
                          size_t errlen);
void capture_writer_abort(struct capture_writer *wr);

/* `nsviz capture ...` (cli.c). */
struct world;
struct ksync;
int capture_main(struct world *w, struct ksync *k, int argc, char **argv);

#endif
