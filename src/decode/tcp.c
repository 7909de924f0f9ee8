/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tcp.c - TCP (with tcpdump's -v checksum, -vv sequence numbers, -v
 * reset data and -q form), and the conversation memory that lets TCP
 * sequence numbers be printed relative to the start of a conversation
 * (tcpdump's default, without -S). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decode/cursor.h"
#include "decode/priv.h"

/* A conversation is keyed the same whichever way a packet goes: the
 * side with the lower port (or, ports equal, the lower address) first. */
struct conv {
	uint8_t key[37];       /* family, two addresses, two ports */
	uint32_t seq_base;     /* initial seq of the first side */
	uint32_t ack_base;     /* initial seq of the other side */
	struct conv *next;
};

#define CONV_BUCKETS 4096
/* A flood of distinct conversations must not grow memory without
 * bound: past this many, forget them all and start again. */
#define CONV_MAX 65536

struct decode_state {
	struct conv *bucket[CONV_BUCKETS];
	size_t n;
};

struct decode_state *decode_state_new(void)
{
	return xcalloc(1, sizeof(struct decode_state));
}

void decode_state_reset(struct decode_state *st)
{
	if (!st)
		return;
	for (size_t i = 0; i < CONV_BUCKETS; i++) {
		struct conv *cv = st->bucket[i], *nx;

		for (; cv; cv = nx) {
			nx = cv->next;
			free(cv);
		}
		st->bucket[i] = NULL;
	}
	st->n = 0;
}

void decode_state_free(struct decode_state *st)
{
	decode_state_reset(st);
	free(st);
}

static unsigned key_hash(const uint8_t *k)
{
	unsigned h = 2166136261u;

	for (size_t i = 0; i < 37; i++)
		h = (h ^ k[i]) * 16777619u;
	return h % CONV_BUCKETS;
}

static struct conv *conv_get(struct decode_state *st, const uint8_t *key,
                             bool create)
{
	unsigned h = key_hash(key);
	struct conv *cv;

	for (cv = st->bucket[h]; cv; cv = cv->next)
		if (!memcmp(cv->key, key, sizeof cv->key))
			return cv;
	if (!create)
		return NULL;
	if (st->n >= CONV_MAX)
		decode_state_reset(st);
	cv = xcalloc(1, sizeof *cv);
	memcpy(cv->key, key, sizeof cv->key);
	cv->next = st->bucket[h];
	st->bucket[h] = cv;
	st->n++;
	return cv;
}

void d_print_ports(struct dctx *c, const struct ipinfo *ip,
                        unsigned sport, unsigned dport)
{
	char a[64], b[64];

	if (!c->out)
		return;
	if (ip->with_addrs)
		dprintf_(c, "%s.%u > %s.%u: ", d_ipstr(ip, ip->src, a, sizeof a),
		         sport, d_ipstr(ip, ip->dst, b, sizeof b), dport);
	else
		dprintf_(c, "%u > %u: ", sport, dport);
}

void d_print_addrs(struct dctx *c, const struct ipinfo *ip, bool space)
{
	char a[64], b[64];

	if (ip->with_addrs && c->out)
		dprintf_(c, "%s > %s:%s", d_ipstr(ip, ip->src, a, sizeof a),
		         d_ipstr(ip, ip->dst, b, sizeof b), space ? " " : "");
}


static void flags_text(struct dctx *c, unsigned fl)
{
	static const struct { unsigned bit; char ch; } tab[] = {
		{ 0x01, 'F' }, { 0x02, 'S' }, { 0x04, 'R' }, { 0x08, 'P' },
		{ 0x10, '.' }, { 0x20, 'U' }, { 0x40, 'E' }, { 0x80, 'W' },
	};
	char s[9];
	size_t n = 0;

	for (size_t i = 0; i < sizeof tab / sizeof tab[0]; i++)
		if (fl & tab[i].bit)
			s[n++] = tab[i].ch;
	s[n] = '\0';
	dprintf_(c, "Flags [%s]", n ? s : "none");
}

/* The text a reset carries (-v), as tcpdump shows it: at most 30
 * bytes, "M-" for the high bit, "^X" for control characters. */
static void rst_data(struct dctx *c, const uint8_t *p, size_t cap,
                     size_t len)
{
	dput(c, cap >= len ? " [RST" : " [!RST");
	if (len > 30) {
		len = 30;
		dput(c, "+");
	}
	dput(c, " ");
	for (size_t i = 0; i < len && i < cap; i++)
		d_put_char(c, p[i]);
	dput(c, "]");
}

void d_tcp(struct dctx *c, const struct ipinfo *ip, const uint8_t *p,
           size_t cap, size_t len)
{
	unsigned sport, dport, hlen, fl;
	uint32_t seq, ack, sack_base = 0;
	size_t dlen;
	const char *mark = "tcp";   /* the truncation mark after options */

	if (cap < 4) {
		/* (tcpdump prints the addresses here even after IPv6
		 * extension headers) */
		struct ipinfo a = *ip;

		a.with_addrs = true;
		d_print_addrs(c, &a, false);
		dput(c, " [|tcp]");
		return;
	}
	sport = be16(p);
	dport = be16(p + 2);
	d_print_ports(c, ip, sport, dport);
	if (cap < 20) {
		dput(c, " [|tcp]");
		return;
	}
	hlen = (p[12] >> 4) * 4u;
	if (hlen < 20) {
		dprintf_(c, " tcp %zu [bad hdr length %u - too short, < 20]",
		         len >= hlen ? len - hlen : 0, hlen);
		return;
	}
	if (c->q) {
		if (!c->out)
			return;
		dprintf_(c, "tcp %u", (unsigned)(len - hlen));
		if (hlen > len)
			dprintf_(c, " [bad hdr length %u - too long, > %zu]", hlen,
			         len);
		return;
	}
	fl = p[13];
	seq = be32(p + 4);
	ack = be32(p + 8);
	flags_text(c, fl);
	if ((fl & 0x10) && c->st) {
		/* conversation key: lower port side first */
		uint8_t key[37];
		size_t al = ip->family == 4 ? 4 : 16;
		bool rev = sport > dport ||
		           (sport == dport && memcmp(ip->src, ip->dst, al) > 0);
		const uint8_t *lo = rev ? ip->dst : ip->src;
		const uint8_t *hi = rev ? ip->src : ip->dst;
		unsigned plo = rev ? dport : sport, phi = rev ? sport : dport;
		struct conv *cv;

		memset(key, 0, sizeof key);
		key[0] = (uint8_t)ip->family;
		memcpy(key + 1, lo, al);
		memcpy(key + 17, hi, al);
		key[33] = (uint8_t)(plo >> 8);
		key[34] = (uint8_t)plo;
		key[35] = (uint8_t)(phi >> 8);
		key[36] = (uint8_t)phi;
		cv = conv_get(c->st, key, false);
		if (!cv || (fl & 0x02)) {
			/* a new conversation: absolute numbers, remembered */
			if (c->update) {
				if (!cv)
					cv = conv_get(c->st, key, true);
				if (rev) {
					cv->ack_base = seq;
					cv->seq_base = ack - 1;
				} else {
					cv->seq_base = seq;
					cv->ack_base = ack - 1;
				}
				sack_base = rev ? cv->seq_base : cv->ack_base;
			}
		} else {
			if (rev) {
				seq -= cv->ack_base;
				ack -= cv->seq_base;
				sack_base = cv->seq_base;
			} else {
				seq -= cv->seq_base;
				ack -= cv->ack_base;
				sack_base = cv->ack_base;
			}
		}
	}
	if (!c->out)
		return;
	if (hlen > len) {
		dprintf_(c, " [bad hdr length %u - too long, > %zu]", hlen, len);
		return;
	}
	if (c->v && !ip->fragmented && cap >= len) {
		uint16_t sum = d_l4_cksum(ip, 6, p, len);

		dprintf_(c, ", cksum 0x%04x", be16(p + 16));
		if (sum)
			dprintf_(c, " (incorrect -> 0x%04x)",
			         d_cksum_shouldbe(be16(p + 16), sum));
		else
			dput(c, " (correct)");
	}
	dlen = len - hlen;
	if (c->v > 1 || dlen > 0 || (fl & 0x07)) {
		dprintf_(c, ", seq %u", seq);
		if (dlen > 0)
			dprintf_(c, ":%u", seq + (uint32_t)dlen);
	}
	if (fl & 0x10)
		dprintf_(c, ", ack %u", ack);
	dprintf_(c, ", win %u", be16(p + 14));
	if (fl & 0x20)
		dprintf_(c, ", urg %u", be16(p + 18));
	if (hlen > 20) {
		struct dcur seg = dc_make(p, cap, len);

		dput(c, ", options [");
		if (!d_tcp_opts(c, &seg, hlen, sack_base, &mark))
			return;
		dput(c, "]");
	}
	dprintf_(c, ", length %zu", dlen);
	if (dlen > 0 && cap < hlen) {
		/* options cut short after an end-of-list option */
		dprintf_(c, " [remaining caplen(%zu) < header length(%u)] [|%s]",
		         cap, hlen, mark);
		d_hard_stop = true;    /* tcpdump jumps out there */
		return;
	}
	if (dlen > 0 && (fl & 0x04) && c->v)
		rst_data(c, p + hlen, cap - hlen, dlen);
	else if (dlen > 0 && (sport == 53 || dport == 53))
		(void)d_dns_tcp(c, p + hlen, cap - hlen, dlen);
}
