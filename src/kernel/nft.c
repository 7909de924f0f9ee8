/* SPDX-License-Identifier: GPL-2.0-or-later */
/* nft.c - nft commands in a namespace through libnftables, the library
 * nft(8) itself is: the same text in, the same output and messages out,
 * and no nft process.  libnftables opens its netfilter netlink socket
 * when its context is made, so the context is made inside the namespace
 * (entered, made, left); its socket stays there, so it is used from home,
 * and kept for the next command to the same namespace when asked.
 */
#include "kernel/kernel.h"
#include "cmd/cmd.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <linux/netlink.h>
#include <nftables/libnftables.h>

#include "util/sbuf.h"

static unsigned ctx_flags(unsigned f)
{
	static const struct { unsigned ours, theirs; } map[] = {
		{ CMD_NFT_HANDLE, NFT_CTX_OUTPUT_HANDLE },
		{ CMD_NFT_STATELESS, NFT_CTX_OUTPUT_STATELESS },
		{ CMD_NFT_TERSE, NFT_CTX_OUTPUT_TERSE },
		{ CMD_NFT_SERVICE, NFT_CTX_OUTPUT_SERVICE },
		{ CMD_NFT_GUID, NFT_CTX_OUTPUT_GUID },
		{ CMD_NFT_NUM_PRIO, NFT_CTX_OUTPUT_NUMERIC_PRIO },
		{ CMD_NFT_NUM_PROTO, NFT_CTX_OUTPUT_NUMERIC_PROTO },
		{ CMD_NFT_NUM_TIME, NFT_CTX_OUTPUT_NUMERIC_TIME },
		{ CMD_NFT_NUM_SYMBOL, NFT_CTX_OUTPUT_NUMERIC_SYMBOL },
		{ CMD_NFT_ECHO, NFT_CTX_OUTPUT_ECHO },
		{ CMD_NFT_JSON, NFT_CTX_OUTPUT_JSON },
	};
	unsigned out = 0;

	for (size_t k = 0; k < sizeof map / sizeof *map; k++)
		if (f & map[k].ours)
			out |= map[k].theirs;
	return out;
}

/* libnftables ends the process when it cannot open its socket: ask the
 * kernel first, here, so that a kernel without nf_tables is a message. */
static int can_open_netfilter(struct kerr *e)
{
	int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_NETFILTER);

	if (fd < 0) {
		e->err = errno;
		snprintf(e->msg, sizeof e->msg, "cannot open a netfilter netlink "
		         "socket: %s (a kernel without nf_tables?)",
		         strerror(errno));
		return -1;
	}
	close(fd);
	return 0;
}

/* One context kept between the commands of a run of nft commands to one
 * namespace (a batch of rules): its socket stays in that namespace, so
 * the next command needs no setns and no new context.  It holds the
 * namespace alive, so it is released as soon as anything else runs
 * (knft_release). */
static struct {
	struct nft_ctx *ctx;
	dev_t dev;
	ino_t ino;
} kept;

void knft_release(void)
{
	if (kept.ctx)
		nft_ctx_free(kept.ctx);
	kept.ctx = NULL;
}

static int run_in(struct nft_ctx *ctx, const struct knft_req *r,
                  struct sbuf *out, struct sbuf *err)
{
	const char *text;
	int rc;

	nft_ctx_output_set_flags(ctx, ctx_flags(r->oflags));
	nft_ctx_set_dry_run(ctx, r->check);
	nft_ctx_set_optimize(ctx, r->optimize ? NFT_OPTIMIZE_ENABLED : 0);
	rc = nft_run_cmd_from_buffer(ctx, r->text);
	if ((text = nft_ctx_get_output_buffer(ctx)))
		sbuf_add(out, text);
	if ((text = nft_ctx_get_error_buffer(ctx)))
		sbuf_add(err, text);
	return rc;
}

int knft_run(struct ksync *k, struct w_ns *ns, const struct knft_req *r,
             struct sbuf *out, struct sbuf *err, struct kerr *e)
{
	struct nft_ctx *ctx;
	int nsfd, rc;

	memset(e, 0, sizeof *e);
	if (kept.ctx && kept.dev == ns->dev && kept.ino == ns->ino && r->keep) {
		if (run_in(kept.ctx, r, out, err) != 0) {
			e->err = EINVAL;
			return -1;
		}
		return 0;
	}
	knft_release();
	nsfd = kns_enter_ns(k, ns, e);
	if (nsfd < 0)
		return -1;
	if (can_open_netfilter(e) < 0) {
		kns_leave_ns(k, ns, nsfd);
		return -1;
	}
	ctx = nft_ctx_new(NFT_CTX_DEFAULT);
	kns_leave_ns(k, ns, nsfd);
	if (!ctx) {
		e->err = ENOMEM;
		return -1;
	}
	nft_ctx_buffer_output(ctx);
	nft_ctx_buffer_error(ctx);
	rc = run_in(ctx, r, out, err);
	if (r->keep) {
		kept.ctx = ctx;
		kept.dev = ns->dev;
		kept.ino = ns->ino;
	} else {
		nft_ctx_free(ctx);
	}
	if (rc != 0) {
		e->err = EINVAL;
		return -1;
	}
	return 0;
}
