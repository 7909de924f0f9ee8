/* SPDX-License-Identifier: GPL-2.0-or-later */
/* fuzz_decode.c - libFuzzer target for the decoder (make fuzz).
 *
 * Input: one byte of flags, then the packet.  Bit 0 picks raw IP instead
 * of Ethernet; bits 1-7 add up to 127 bytes to the wire length, so the
 * "cut by the snapshot length" paths run too.  The packet is copied to a
 * buffer of exactly its size: ASan catches any read past caplen.  Each
 * packet is decoded plain, with -vvv -e and with -q -v. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "decode/decode.h"
#include "util/sbuf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct decode_state *st;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct decode_opts loud = { 3, true, false };
	static const struct decode_opts quiet = { 1, false, true };
	struct sbuf out = SBUF_INIT;
	int link;
	size_t caplen, len;
	uint8_t *pkt;

	if (size < 1)
		return 0;
	if (!st)
		st = decode_state_new();
	link = data[0] & 1 ? DECODE_LINK_RAW : DECODE_LINK_ETHERNET;
	caplen = size - 1;
	len = caplen + (data[0] >> 1);
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
	decode_track(st, link, pkt, caplen, len);
	decode_detail(&out, link, pkt, caplen, len);
	sbuf_reset(&out);
	decode_hex(&out, pkt, caplen);
	sbuf_free(&out);
	free(pkt);
	return 0;
}
