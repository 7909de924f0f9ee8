/* SPDX-License-Identifier: GPL-2.0-or-later */
/* fuzz_decode.c - libFuzzer target for the decoder (make fuzz).
 *
 * Input: one byte of flags, then the packet.  Bits 0-1 pick the link
 * type: 0 Ethernet, 1 raw IP, 2 Linux cooked v1 (SLL), 3 Linux cooked v2
 * (SLL2).  Bits 2-7 add up to 63 bytes to the wire length, so the "cut
 * by the snapshot length" paths run too.  (Until issue 16 bit 0 alone
 * picked raw IP and bits 1-7 were the extra length: older corpus inputs
 * still decode, as other link types or lengths.)  The packet is copied
 * to a buffer of exactly its size: ASan catches any read past caplen.
 * Each packet is decoded plain, with -vvv -e, with -q -v and with
 * -vv -e -q, then tcpdump's dumps and timestamp forms are made of it.
 * SLL2 interface indexes get names from a stand-in (even
 * ones have one), not from the kernel. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decode/decode.h"
#include "decode/priv.h"
#include "util/sbuf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct decode_state *st;

static bool fake_ifname(unsigned idx, char *buf, size_t len)
{
	if (idx % 2)
		return false;
	snprintf(buf, len, "%s%u", idx % 4 ? "veth" : "a-long-ifname", idx);
	return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct decode_opts loud = { 3, true, false, false };
	static const struct decode_opts quiet = { 1, false, true, true };
	static const struct decode_opts both = { 2, true, true, false };
	static const int links[4] = { DECODE_LINK_ETHERNET, DECODE_LINK_RAW,
	                               DECODE_LINK_LINUX_SLL,
	                               DECODE_LINK_LINUX_SLL2 };
	struct sbuf out = SBUF_INIT;
	int link;
	size_t caplen, len;
	uint8_t *pkt;

	if (size < 1)
		return 0;
	if (!st) {
		st = decode_state_new();
		d_set_ifname_fn(fake_ifname);
	}
	link = links[data[0] & 3];
	caplen = size - 1;
	len = caplen + (data[0] >> 2);
	pkt = malloc(caplen ? caplen : 1);
	memcpy(pkt, data + 1, caplen);
	/* with memory (as a capture feeds it), then a second look */
	decode_summary(&out, st, true, link, pkt, caplen, len);
	sbuf_reset(&out);
	decode_summary(&out, st, false, link, pkt, caplen, len);
	sbuf_reset(&out);
	decode_summary_opts(&out, st, false, &loud, link, pkt, caplen, len);
	sbuf_reset(&out);
	decode_summary_opts(&out, st, false, &quiet, link, pkt, caplen, len);
	sbuf_reset(&out);
	decode_summary_opts(&out, st, false, &both, link, pkt, caplen, len);
	sbuf_reset(&out);
	/* tcpdump's dumps after the line, where the decoder says they
	 * start, and the timestamp forms from the packet's first bytes */
	{
		struct decode_result res;
		int64_t sec = 0, ref = 0;

		decode_summary_res(&out, st, false, &loud, link, pkt, caplen, len,
		                   &res);
		for (int k = DECODE_DUMP_HEX; k <= DECODE_DUMP_ASCII; k++) {
			decode_dump_after(&out, k, k == DECODE_DUMP_HEX, link, pkt,
			                  caplen, res.abandoned);
			decode_dump(&out, k, false, link, pkt, caplen);
		}
		sbuf_reset(&out);
		for (size_t i = 0; i < 8 && i < caplen; i++)
			sec = (int64_t)((uint64_t)sec << 8 | pkt[i]);
		for (size_t i = 8; i < 16 && i < caplen; i++)
			ref = (int64_t)((uint64_t)ref << 8 | pkt[i]);
		for (int f = DECODE_TS_DEFAULT; f <= DECODE_TS_SINCE_FIRST; f++)
			decode_timestamp_form(&out, f, data[0] & 1, sec,
			                      (long)(data[0] * 3907), ref,
			                      (long)(size * 7919 % 1000000));
		sbuf_reset(&out);
	}
	decode_track(st, link, pkt, caplen, len);
	decode_detail(&out, link, pkt, caplen, len);
	sbuf_reset(&out);
	decode_hex(&out, pkt, caplen);
	sbuf_free(&out);
	free(pkt);
	return 0;
}
