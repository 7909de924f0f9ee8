/* SPDX-License-Identifier: GPL-2.0-or-later */
/* llc.c - 802.2 LLC and SNAP (and what rides on them: STP BPDUs), as tcpdump -n prints it.  Not decoded yet: the
 * caller prints its generic line. */
#include "decode/priv.h"

bool d_llc(struct dctx *c, const uint8_t *frame, const uint8_t *p,
           size_t cap, size_t len)
{
	(void)c;
	(void)frame;
	(void)p;
	(void)cap;
	(void)len;
	return false;
}
