/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tc.h - traffic control's qdisc and class kinds (netem, tbf, htb, pfifo,
 * bfifo), each one struct tc_kind as tc(8)'s q_*.c are: how its words
 * parse, the TCA_OPTIONS attribute it sends (byte for byte what tc 6.1
 * sends for the same words), its canonical words, and how tc prints what
 * the kernel reports of it.  Pure: no kernel, no libnl; attributes are
 * raw rtattr bytes, so unit tests and fuzz targets reach every kind.
 *
 * The tc command itself (tc [-s] [-d] qdisc|class VERB dev X ...) is in
 * cmd/parse_tc.c, cmd/exec_tc.c, kernel/tc.c and fmt/tc.c. */
#ifndef NSVIZ_TC_H
#define NSVIZ_TC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct sbuf;
struct parser;          /* cmd/parse_int.h */
struct canon;

/* What tc_core_init() reads from /proc/net/psched: the scheduler's clock,
 * which rate tables and tick conversions depend on; and the HZ tc's
 * get_hz() uses (burst defaults). */
struct tc_clock {
	double tick_in_usec;
	double clock_factor;
	unsigned hz;
};
/* Parse the text of /proc/net/psched ("000003e8 00000040 000f4240
 * 3b9aca00\n"); -1 when it is not that.  tc_clock_default: what a
 * kernel with high-resolution timers says (the values above). */
int tc_clock_parse(struct tc_clock *c, const char *psched_text);
void tc_clock_default(struct tc_clock *c);

/* ---- each kind's options, as parsed (the kind's file says more) -------- */
/* netem: values as tc keeps them while it reads the words (times in µs or
 * ns as typed, percents as fractions of UINT32_MAX); build() converts
 * times to the clock's ticks.  The *_set flags say which optional words
 * were given, where that changes what tc sends (the correlations make it
 * send TCA_NETEM_CORR; reorder, corrupt, rate and slot their own).
 *
 * Distributions: tc reads `distribution NAME` from NAME.dist in its
 * library directory (TC_DIST_DIR) when it parses.  nsviz's parse reads
 * no file: it keeps the name; the caller reads the file, turns its text
 * into the table with tc_dist_parse() and sets dist_data/dist_n (and
 * slot_dist_data/slot_dist_n) before build(), which refuses a named
 * distribution whose table was not given ("distribution normal: ...").
 * The table is not the caller's to free before build() returns. */
/* Debian's and Ubuntu's (LIBDIR/tc, LIBDIR multiarch); exec_tc.c also
 * looks in /usr/lib/tc and /usr/lib64/tc */
#if defined(__x86_64__)
#define TC_DIST_DIR "/usr/lib/x86_64-linux-gnu/tc"
#elif defined(__aarch64__)
#define TC_DIST_DIR "/usr/lib/aarch64-linux-gnu/tc"
#elif defined(__i386__)
#define TC_DIST_DIR "/usr/lib/i386-linux-gnu/tc"
#else
#define TC_DIST_DIR "/usr/lib/tc"
#endif
#define TC_DIST_MAX (16 * 1024)       /* values in one table, as tc */
enum { TC_LOSS_RANDOM, TC_LOSS_STATE, TC_LOSS_GEMODEL };
struct tc_netem {
	uint32_t limit;                   /* packets; 1000 unless given */
	uint32_t latency_us, jitter_us, gap;
	uint32_t loss, duplicate;         /* fractions of UINT32_MAX */
	uint32_t delay_corr, loss_corr, dup_corr;
	uint32_t reorder, reorder_corr, corrupt, corrupt_corr;
	bool delay_corr_set, loss_corr_set, dup_corr_set;
	bool reorder_set, reorder_corr_set, corrupt_set, corrupt_corr_set;
	bool ecn, rate_set, slot_set, slot_num;
	uint8_t loss_model;               /* TC_LOSS_*: state, gemodel */
	uint32_t lm[5];                   /* state: p13 p31 p32 p23 p14;
	                                   * gemodel: p r h k1 (h as sent:
	                                   * UINT32_MAX - the typed 1-h) */
	uint64_t rate;                    /* bytes/s */
	int32_t packet_overhead, cell_overhead;
	uint32_t cell_size;
	int64_t slot_min_ns, slot_max_ns, slot_delay_ns, slot_jitter_ns;
	int32_t slot_packets, slot_bytes;
	char dist[32], slot_dist[32];     /* names; "" when not given */
	const int16_t *dist_data, *slot_dist_data;   /* the caller's */
	size_t dist_n, slot_dist_n;
};
/* The values of a .dist file's text (tc's get_distribution: lines that
 * start with '#' or are empty skipped, numbers by strtol base 0), into
 * data (max values); their count, or -1 with err ("too much data"). */
int tc_dist_parse(const char *text, size_t len, int16_t *data, size_t max,
                  char *err, size_t errlen);

struct tc_tbf {
	uint64_t rate, peakrate;          /* bytes/s */
	uint32_t burst, mtu, mpu, limit, latency_us;
	int burst_cell_log, mtu_cell_log; /* -1: not given (/CELL) */
	uint16_t overhead;
	unsigned linklayer;               /* 1 ethernet (default), 2 atm */
};
struct tc_htb {                       /* the qdisc: htb [default N] ... */
	uint32_t defcls, r2q, debug;      /* r2q 10 unless given */
	uint32_t direct_qlen;             /* UINT32_MAX: not given */
	bool offload;
};
struct tc_htb_class {                 /* a class: htb rate R [ceil C] ... */
	uint64_t rate, ceil;              /* bytes/s; ceil 0: as rate */
	uint32_t burst, cburst, prio, quantum, mtu;   /* mtu 1600 unless given */
	int cell_log, ccell_log;          /* -1: not given */
	uint16_t mpu, overhead;
	unsigned linklayer;               /* 1 ethernet (default), 2 atm */
};
struct tc_fifo {
	bool has_limit;
	uint32_t limit;                   /* packets (pfifo), bytes (bfifo) */
};

/* A kind and its options: what `tc qdisc add dev X root KIND ...` and
 * `tc class add ... KIND ...` carry after the kind's name. */
struct tc_opts {
	const struct tc_kind *kind;       /* NULL: no kind given */
	bool any;                         /* options were given after it */
	union {
		struct tc_netem netem;
		struct tc_tbf tbf;
		struct tc_htb htb;
		struct tc_htb_class htbc;
		struct tc_fifo fifo;
	} u;
};

/* How a kind's print functions are called: tc's -s/-d and the clock. */
struct tc_print_ctx {
	bool details;                     /* -d */
	unsigned stats;                   /* -s (given once or more) */
	const struct tc_clock *clock;
};

/* One kind: tc's struct qdisc_util, without its global state. */
struct tc_kind {
	const char *id;                   /* "netem", as TCA_KIND names it */
	bool qdisc;                       /* a qdisc kind (tc qdisc ... KIND) */
	bool classful;                    /* has classes (tc class ... KIND) */
	/* The words after KIND, p positioned after it (read to the end), into
	 * o->u; is_class: `tc class` (the class's options).  Call it even
	 * when no word follows, with o->kind set: it sets tc's defaults
	 * (netem limit 1000, htb r2q 10, ...) and o->any.  -1 with the
	 * parser's message ("delay: missing time value", "10%%: ...").  NULL:
	 * the kind takes no options (a word after it is refused). */
	int (*parse)(struct parser *p, struct tc_opts *o, bool is_class);
	/* Append the TCA_OPTIONS attribute (the whole rtattr, header
	 * included, 4-byte aligned) that tc sends for o to attrs.  -1 with
	 * err set when tc would refuse the combination at this point ("tbf:
	 * burst is required").  NULL, or nothing appended (pfifo without
	 * a limit): tc sends no TCA_OPTIONS. */
	int (*build)(const struct tc_opts *o, bool is_class,
	             const struct tc_clock *clk, struct sbuf *attrs,
	             char *err, size_t errlen);
	/* The options' canonical words, after the kind's name (canon_word). */
	void (*canon)(struct canon *c, const struct tc_opts *o, bool is_class);
	/* Print the payload of the kernel's TCA_OPTIONS (data, len) as tc's
	 * print_qopt / print_copt do, with its trailing blanks; each read
	 * bounds-checked (a short attribute prints what tc prints for it, or
	 * nothing; never reads past len). */
	void (*print)(struct sbuf *out, const void *data, size_t len,
	              bool is_class, const struct tc_print_ctx *pc);
	/* The payload of TCA_STATS_APP / TCA_XSTATS, as tc's print_xstats
	 * (-s); NULL: none. */
	void (*print_xstats)(struct sbuf *out, const void *data, size_t len,
	                     bool is_class, const struct tc_print_ctx *pc);
	/* The payload of a TCA_OPTIONS (a dump reply's, or a request's own)
	 * back into *o (o->kind and o->any set too), so that canon() gives
	 * words that, parsed and built, send the same options again.  Each
	 * read bounds-checked: -1 with err set when the bytes are not this
	 * kind's options (too short, a required attribute missing); data
	 * NULL or len 0: the kind's defaults (a kind that takes none sent).
	 * What the kernel does not report, or reports converted, is
	 * recovered as tc's print recovers it; each kind's file says what is
	 * lost.  The clock converts ticks (NULL: tc_clock_default). */
	int (*decode)(struct tc_opts *o, const void *data, size_t len,
	              bool is_class, const struct tc_clock *clk, char *err,
	              size_t errlen);
};

/* Reading attributes as tc's parse_rtattr() does: the first of each type
 * <= max, its type not masked; each entry points at the payload, with its
 * length; a malformed attribute ends the walk.  fmt/tc.c reads the
 * message's top level with it, each kind its TCA_OPTIONS. */
struct tc_rta {
	const uint8_t *data;   /* NULL: absent */
	size_t len;
};
void tc_attrs(struct tc_rta *tb, unsigned max, const void *data, size_t len);

/* The kinds nsviz knows, by TCA_KIND name; NULL for others (which are
 * still shown, by name, without options, as tc shows kinds it lacks). */
const struct tc_kind *tc_kind_find(const char *id);
extern const struct tc_kind *const tc_kinds[];
extern const size_t tc_nkinds;

/* tc's -s lines for a qdisc or class, from the payloads of TCA_STATS2
 * (nested: TCA_STATS_BASIC, _QUEUE, _RATE_EST) and TCA_STATS (the old
 * struct tc_stats), either may be NULL: " Sent 0 bytes 0 pkt (dropped 0,
 * overlimits 0 requeues 0) \n backlog 0b 0p requeues 0" as
 * print_tcstats_attr prints them with prefix " " (no final newline). *xstats,
 * *xlen: TCA_STATS_APP's payload inside stats2 (NULL when none: then tc
 * uses TCA_XSTATS's payload, which is the caller's to pass on). */
void tc_print_stats(struct sbuf *out, const void *stats2, size_t len2,
                    const void *stats, size_t len, const char *prefix,
                    const void **xstats, size_t *xlen);

/* ---- tc's units (tc_util.c's readers and printers) -------------------- */
/* "1mbit", "100kbps", "1gibit" -> bytes per second; -1 when not one */
int tc_get_rate64(uint64_t *bps, const char *s);
/* "10ms", "1s", "500us", "100" (µs) -> µs; -1 when not one */
int tc_get_time(unsigned *us, const char *s);
/* "10kb", "1mb", "1500" (bytes), "1kbit" -> bytes; -1 when not one */
int tc_get_size(unsigned *bytes, const char *s);
/* "10%", "0.5%" -> tc's 32-bit fraction (percent * UINT32_MAX / 100) */
int tc_get_percent(uint32_t *frac, const char *s);
/* How tc prints them: "1Mbit", "10ms", "1600b", "10%" (sprint_rate,
 * sprint_time, sprint_size; percent as netem prints it) */
void tc_put_rate(struct sbuf *out, uint64_t bps);
void tc_put_time(struct sbuf *out, unsigned us);
void tc_put_size(struct sbuf *out, unsigned bytes);
void tc_put_percent(struct sbuf *out, uint32_t frac);

#endif
