/* SPDX-License-Identifier: GPL-2.0-or-later */
/* priv.h - what the tc kinds' files share: tc's number readers (get_u32,
 * get_size_and_cell, ...), the clock's conversions (tc_core.c's), the
 * rate tables, and raw rtattr writing and reading.  Internal to src/tc/. */
#ifndef NSVIZ_TC_PRIV_H
#define NSVIZ_TC_PRIV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tc/tc.h"

struct sbuf;
struct canon;
struct parser;

/* ---- numbers as tc's get_u32/get_u16/get_s32/get_integer read them ---- */
int tc_get_u32(uint32_t *v, const char *s, int base);
int tc_get_u16(uint16_t *v, const char *s, int base);
int tc_get_s32(int32_t *v, const char *s, int base);
/* get_time64: "10ms" -> ns (no suffix: ns) */
int tc_get_time64(int64_t *ns, const char *s);
/* parse_percent: "10%" -> 0.1 (0..1) */
int tc_parse_percent(double *frac, const char *s);
uint32_t tc_set_percent(double frac);
/* get_size_and_cell: "10kb" or "10kb/8" (*cell_log stays when no /) */
int tc_get_size_cell(unsigned *bytes, int *cell_log, const char *s);
/* get_linklayer: ethernet, atm, adsl by matches() */
int tc_get_linklayer(unsigned *ll, const char *s);
const char *tc_linklayer_name(unsigned ll);   /* sprint_linklayer */
/* sprint_time64 */
void tc_put_time64(struct sbuf *out, int64_t ns);
/* a double converted to an unsigned int as the x86-64 code tc runs does
 * (cvttsd2si, the low 32 bits): tc's implicit conversions */
uint32_t tc_d2u(double d);

/* canonical words of each unit, read back to the same value */
void tc_canon_rate(struct canon *c, uint64_t bps);
void tc_canon_time(struct canon *c, unsigned us);
void tc_canon_time64(struct canon *c, int64_t ns);
void tc_canon_size(struct canon *c, unsigned bytes);
void tc_canon_percent(struct canon *c, uint32_t frac);
void tc_canon_size_cell(struct canon *c, unsigned bytes, int cell_log);

/* ---- tc_core.c's conversions, with the clock given ---------------------- */
bool tc_time2big(const struct tc_clock *k, unsigned us);
unsigned tc_time2tick(const struct tc_clock *k, unsigned us);
unsigned tc_tick2time(const struct tc_clock *k, unsigned tick);
unsigned tc_xmittime(const struct tc_clock *k, uint64_t rate, unsigned size);
unsigned tc_xmitsize(const struct tc_clock *k, uint64_t rate, unsigned ticks);
/* The inverses decode needs (rtab.c).  tc_us_of_ticks: the µs that
 * tc_time2tick turns into ticks (the one tc_tick2time gives, or the next:
 * tick2time truncates); when none does (ticks another tool sent), the
 * nearest below.  tc_size_of_ticks: a size in bytes that tc_xmittime
 * turns into ticks at rate, as round as the sizes that do allow (a
 * multiple of 1mb, 1kb, 1000, 100, 10), else tc's print's (xmitsize).
 * tc_size_of_kticks: the same for the kernel's own conversion of a
 * size to time (psched_l2t_ns: the rate's overhead, mpu and ATM cells
 * counted), which tbf reports its bucket in when tc sent the size
 * itself (TCA_TBF_BURST); ticks are the kernel's (ns >> 6). */
unsigned tc_us_of_ticks(const struct tc_clock *k, unsigned ticks);
unsigned tc_size_of_ticks(const struct tc_clock *k, uint64_t rate,
                          unsigned ticks);
unsigned tc_size_of_kticks(const struct tc_clock *k, uint64_t rate,
                           unsigned overhead, unsigned mpu,
                           unsigned linklayer, unsigned ticks);
/* the cell_log tc_rtable picks for mtu when none is given */
int tc_cell_log_of(unsigned mtu);
/* tc_calc_rtable: fills rtab[256] and r's cell_log, cell_align,
 * linklayer (r->rate and r->mpu read); returns the cell_log */
struct tc_ratespec;
int tc_rtable(const struct tc_clock *k, struct tc_ratespec *r, uint32_t *rtab,
              int cell_log, unsigned mtu, unsigned linklayer);

/* ---- rtattrs ------------------------------------------------------------- */
/* append one attribute (header, payload, zero padding); its offset */
size_t tc_attr(struct sbuf *b, unsigned short type, const void *data,
               size_t len);
/* open a nest (an empty attribute), close it: its length covers what was
 * appended since */
size_t tc_nest(struct sbuf *b, unsigned short type);
void tc_nest_end(struct sbuf *b, size_t at);

/* tc_attrs with the types' flag bits (NLA_F_NESTED) cleared, as the
 * kernel reads them: what decode reads requests and dumps with (tc sends
 * netem's TCA_NETEM_LOSS flagged, the kernel reports it without) */
void tc_attrs_masked(struct tc_rta *tb, unsigned max, const void *data,
                     size_t len);
/* copy of an attribute's payload into a zeroed struct of size n: false
 * when absent or shorter than n (tc's RTA_PAYLOAD < sizeof checks) */
bool tc_rta_get(const struct tc_rta *a, void *dst, size_t n);

/* ---- what tbf and htb share (units.c) ------------------------------------ */
#define TC_RATE_HINT "expected a rate like 1mbit, 100kbit or 10mbps"
/* The value after kw as a rate (what: its name when it is missing) into
 * *rate: refused given twice (*rate set already) and as a percent of
 * the device's speed, which nsviz does not do. */
int tc_take_rate(struct parser *p, const char *kw, const char *what,
                 uint64_t *rate);
/* linklayer NAME's value into *ll */
int tc_take_linklayer(struct parser *p, unsigned *ll);
/* canonical "overhead N" and "linklayer NAME", each unless the default */
void tc_canon_overhead_ll(struct canon *c, unsigned overhead, unsigned ll);
/* the link layer a tc_ratespec carries (its linklayer byte), 0 read as
 * ethernet (1) */
unsigned tc_ratespec_ll(unsigned char raw);
/* tc's -d "/CELL mpu SIZE" after a bucket's size (cell_log as a
 * tc_ratespec carries it) */
void tc_put_cell_mpu(struct sbuf *out, unsigned char cell_log, unsigned mpu);
/* "linklayer NAME " when it is not ethernet, or with -d */
void tc_put_linklayer(struct sbuf *out, unsigned char raw, bool details);

/* the kinds (each file's) */
extern const struct tc_kind tc_kind_netem;
extern const struct tc_kind tc_kind_tbf;
extern const struct tc_kind tc_kind_htb;
extern const struct tc_kind tc_kind_pfifo;
extern const struct tc_kind tc_kind_bfifo;

#endif
