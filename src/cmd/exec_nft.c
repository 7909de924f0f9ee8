/* SPDX-License-Identifier: GPL-2.0-or-later */
/* exec_nft.c - nft commands in the namespace of -n, through libnftables
 * (kernel/nft.c): what nft prints is printed, what nft says on failure is
 * the message, both with unsafe bytes escaped (a ruleset holds names and
 * comments made by anyone) and nft's tabs and newlines kept. */
#include "cmd/exec_int.h"

#include <string.h>

#include "util/esc.h"

int exec_nft(struct exec_ctx *x, const struct cmd *c)
{
	const struct cmd_nft *n = &c->u.nft;
	struct sbuf text = SBUF_INIT, out = SBUF_INIT, err = SBUF_INIT;
	struct knft_req r = { NULL, n->oflags, n->check, n->optimize, true };
	struct kerr e = { 0 };
	struct w_ns *ns;
	int rc;

	if (!(ns = exec_need_ns(x, c->ns, &rc)))
		return rc;
	cmd_nft_text(c, &text);
	r.text = sbuf_str(&text);
	rc = knft_run(x->k, ns, &r, &out, &err, &e);
	esc_add(&x->out, sbuf_str(&out), ESC_KEEP_NL | ESC_KEEP_TAB);
	if (rc < 0) {
		size_t len;

		sbuf_reset(&x->err);
		if (err.len) {
			esc_add(&x->err, sbuf_str(&err), ESC_KEEP_NL | ESC_KEEP_TAB);
			len = x->err.len;
			while (len && sbuf_str(&x->err)[len - 1] == '\n')
				len--;
			x->err.len = len;
			if (x->err.s)
				x->err.s[len] = '\0';
		} else {
			exec_kfail(x, "nft", &e);
		}
		rc = 1;
	} else {
		rc = 0;
		if (!n->check)
			ksync_drain(x->k);
	}
	sbuf_free(&text);
	sbuf_free(&out);
	sbuf_free(&err);
	return rc;
}
