/* SPDX-License-Identifier: GPL-2.0-or-later */
/* write.c - a topology's items as the file `save` writes (save.h): nsviz's
 * canonical commands, which are iproute2's (ip, tc), sysctl's and nft's
 * own, so the same lines make a shell script for machines without nsviz. */
#include "topo/save.h"

#include <stdio.h>
#include <string.h>

#include "cmd/cmd.h"
#include "util/esc.h"

int topo_item_command(const struct titem *it, const char *line,
                      struct sbuf *out, char *err, size_t errlen)
{
	struct sbuf t = SBUF_INIT;
	int rc;

	if (it->ns[0] && it->phase != TP_NETNS) {
		cmd_quote_word(&t, "-n");
		cmd_quote_word(&t, it->ns);
		sbuf_addc(&t, ' ');
	}
	sbuf_add(&t, line);
	rc = topo_canon_full(sbuf_str(&t), out, err, errlen);
	sbuf_free(&t);
	return rc;
}

static void comment(struct sbuf *out, const char *text)
{
	sbuf_add(out, "# ");
	/* a comment is one line of safe text, whatever names it holds */
	for (const char *s = text; *s; s++) {
		if (*s == '\n' || *s == '\r') {
			sbuf_add(out, "\\n");
			continue;
		}
		{
			char one[2] = { *s, 0 };
			size_t n;

			if (esc_char(s, &n) == ESC_SAFE) {
				sbuf_addn(out, s, n);
				s += n - 1;
			} else {
				char hex[20];

				sbuf_add(out, esc_hex(s, n, hex, sizeof hex));
				s += n - 1;
			}
			(void)one;
		}
	}
	sbuf_addc(out, '\n');
}

void topo_write(const struct tilist *l, const struct topo_write_opts *o,
                struct sbuf *out)
{
	struct sbuf line = SBUF_INIT, t = SBUF_INIT;
	size_t written = 0;

	if (o->sh) {
		sbuf_add(out, "#!/bin/sh\n");
		sbuf_printf(&t, "A network topology saved by nsviz %s as a "
		            "shell script of ip, sysctl, nft and tc commands.",
		            o->version);
	} else {
		sbuf_printf(&t, "A network topology saved by nsviz %s.",
		            o->version);
	}
	comment(out, sbuf_str(&t));
	sbuf_reset(&t);
	if (o->what || o->when) {
		sbuf_printf(&t, "Of %s%s%s.", o->what ? o->what : "the world",
		            o->when ? ", on " : "", o->when ? o->when : "");
		comment(out, sbuf_str(&t));
		sbuf_reset(&t);
	}
	if (o->sh)
		comment(out, "Run it as root on a machine that does not have "
		        "these namespaces yet: sh FILE");
	else
		comment(out, "Rebuild it with `nsviz -b FILE` (or make a live "
		        "world match it: `nsviz apply FILE`).");
	comment(out, "Not saved: what the kernel makes by itself (MAC "
	        "addresses not set by hand, link-local addresses, proto "
	        "kernel routes, the default rules, the default qdiscs), proxy "
	        "neighbour entries, address lifetimes.");
	if (l->nleft) {
		comment(out, "Left out:");
		for (size_t i = 0; i < l->nleft; i++) {
			sbuf_reset(&t);
			sbuf_printf(&t, "  %s", l->left[i]);
			comment(out, sbuf_str(&t));
		}
	}
	if (o->sh)
		sbuf_add(out, "set -e\n");
	for (size_t i = 0; i < l->n; i++) {
		const struct titem *it = &l->v[i];
		char err[300];

		if (it->flags & (TI_HIDDEN | TI_CLAIM | TI_BUILTIN))
			continue;
		sbuf_reset(&line);
		if (topo_item_command(it, it->line, &line, err, sizeof err) < 0) {
			sbuf_reset(&t);
			sbuf_printf(&t, "left out: %s (%s)", it->key, err);
			comment(out, sbuf_str(&t));
			continue;
		}
		if (o->sh && strstr(sbuf_str(&line), "$'")) {
			/* $'...' is bash's, not POSIX sh's */
			sbuf_reset(&t);
			sbuf_printf(&t, "left out (a name POSIX sh cannot "
			            "spell): %s", sbuf_str(&line));
			comment(out, sbuf_str(&t));
			continue;
		}
		sbuf_add(out, sbuf_str(&line));
		sbuf_addc(out, '\n');
		written++;
	}
	if (!written)
		comment(out, "(nothing to make)");
	sbuf_free(&line);
	sbuf_free(&t);
}
