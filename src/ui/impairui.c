/* SPDX-License-Identifier: GPL-2.0-or-later */
/* impairui.c - what the `i` form does when it is submitted: the loss
 * rules it made for the device before are deleted (by handle, each
 * delete logged as the nft command it is; on the device's way out or at
 * its veth peer's way in), then its netem command runs;
 * when the kernel has no netem, the log says so and what is used
 * instead, and the commands of form_impair_fallback() run. */
#include "ui/ui_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "kernel/kernel.h"
#include "ui/form.h"
#include "util/sbuf.h"

/* Delete the loss rules made for dev before (their comment names it),
 * in chain of ns: nft -a lists their handles.  Nothing when there is no
 * such chain. */
static void drop_loss_rules(struct ui *u, struct w_ns *ns, const char *chain,
                            const struct form *f)
{
	char text[96];
	struct knft_req r = { text, CMD_NFT_HANDLE, false, false, false };
	struct sbuf out = SBUF_INIT, err = SBUF_INIT;
	struct kerr e = { 0 };
	char want[W_NSNAME_MAX + 48], line[512];
	const char *p;

	if (!ns)
		return;
	snprintf(text, sizeof text, "list chain inet nsviz_impair %s", chain);
	form_impair_comment(f->ns, f->dev, want, sizeof want);
	if (knft_run(u->k, ns, &r, &out, &err, &e) == 0) {
		for (p = sbuf_str(&out); *p;) {
			size_t n = strcspn(p, "\n");
			char *l = strndup(p, n);
			const char *h = strstr(l, " # handle ");
			char quoted[sizeof want + 16];

			snprintf(quoted, sizeof quoted, "comment \"%s\"", want);
			if (h && strstr(l, quoted)) {
				snprintf(line, sizeof line, "%s%s%snft delete rule "
				         "inet nsviz_impair %s handle %ld",
				         ns->kind == W_NS_NAMED ? "-n " : "",
				         ns->kind == W_NS_NAMED ? ns->name : "",
				         ns->kind == W_NS_NAMED ? " " : "", chain,
				         strtol(h + 10, NULL, 10));
				ui_run_line(u, line);
			}
			free(l);
			p += n + (p[n] == '\n');
		}
	}
	knft_release();
	sbuf_free(&out);
	sbuf_free(&err);
}

void impair_ui_submit(struct ui *u, const struct form *f)
{
	struct w_ns *ns = ui_sel_ns(u);
	struct sbuf cmd = SBUF_INIT, note = SBUF_INIT;
	bool netem = f->f[IMP_DELAY].value[0] || f->f[IMP_LOSS].value[0] ||
	             f->f[IMP_RATE].value[0];
	int rc;

	if (!ns)
		return;
	/* where a rule for it may be: its own way out, its peer's way in */
	drop_loss_rules(u, ns, "postrouting", f);
	if (f->has_peer)
		drop_loss_rules(u, f->peer_ns[0] ? world_find_ns(u->w, f->peer_ns)
		                                 : world_host(u->w),
		                "prerouting", f);
	if (!netem && !f->impaired) {
		ui_log(u, L_INFO, "%s: nothing to take away", f->dev);
		return;
	}
	form_command(f, &cmd);
	/* the kernel's own words come first; the way round, after */
	sbuf_reset(&u->x.err);
	rc = ui_run_line(u, sbuf_str(&cmd));
	if (rc != 0 && netem && u->last_error[0] &&
	    strstr(u->last_error, "qdisc kind is unknown")) {
		const char *c;

		sbuf_reset(&cmd);
		form_impair_fallback(f, &cmd, &note);
		ui_log(u, L_INFO, "%s", sbuf_str(&note));
		for (c = sbuf_str(&cmd); *c;) {
			size_t n = strcspn(c, "\n");
			char *one = strndup(c, n);

			ui_run_line(u, one);
			free(one);
			c += n + (c[n] == '\n');
		}
	}
	sbuf_free(&cmd);
	sbuf_free(&note);
}
