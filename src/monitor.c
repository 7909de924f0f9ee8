/* SPDX-License-Identifier: GPL-2.0-or-later */
/* monitor.c - what `ip monitor` does for one namespace, for all of them,
 * including namespaces created after it started. */
#include "monitor.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include <linux/neighbour.h>

#include "fmt/fmt.h"
#include "util/esc.h"
#include "util/sbuf.h"

#define RESCAN_MS 2000      /* unnamed namespaces have no event: look */

static void stamp(struct sbuf *b, const struct w_ns *ns)
{
	struct timespec ts;
	struct tm tm;
	char label[300], safe[4 * 300];

	clock_gettime(CLOCK_REALTIME, &ts);
	localtime_r(&ts.tv_sec, &tm);
	sbuf_printf(b, "[%04d-%02d-%02dT%02d:%02d:%02d.%06ld] [%s] ",
	            tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
	            tm.tm_min, tm.tm_sec, ts.tv_nsec / 1000,
	            esc_str(world_ns_label(ns, label, sizeof label), safe,
	                    sizeof safe));
}

static void fmt_neigh_line(struct sbuf *b, const struct w_ns *ns,
                           const struct w_neigh *n)
{
	const struct w_link *l = world_find_link_index(ns, n->ifindex);
	char ab[64], mac[100], nud[64], dev[4 * W_IFNAMSIZ];

	sbuf_printf(b, "%s dev %s", w_ip_str(&n->dst, ab, sizeof ab),
	            l ? esc_str(l->name, dev, sizeof dev) : "?");
	if (n->lladdr_len)
		sbuf_printf(b, " lladdr %s",
		            fmt_mac(n->lladdr, n->lladdr_len, mac, sizeof mac));
	sbuf_printf(b, " %s\n", fmt_nud_name(n->state, nud, sizeof nud));
}

static void on_event(void *ctx, const struct w_ns *ns,
                     const struct w_event *ev, const char *text)
{
	struct sbuf b = SBUF_INIT;
	const struct w_link *l;
	char dev[4 * W_IFNAMSIZ];

	(void)ctx;
	if (!ev) {
		stamp(&b, ns);
		esc_add(&b, text, 0);
		sbuf_addc(&b, '\n');
		goto out;
	}
	switch (ev->type) {
	case W_EV_NEWLINK:
	case W_EV_DELLINK:
		stamp(&b, ns);
		if (ev->type == W_EV_DELLINK)
			sbuf_add(&b, "Deleted ");
		fmt_link(&b, ns, &ev->u.link);
		break;
	case W_EV_NEWADDR:
	case W_EV_DELADDR:
		stamp(&b, ns);
		if (ev->type == W_EV_DELADDR)
			sbuf_add(&b, "Deleted ");
		l = world_find_link_index(ns, ev->u.addr.ifindex);
		sbuf_printf(&b, "%d: %-8s ", ev->u.addr.ifindex,
		            l ? esc_str(l->name, dev, sizeof dev) : "?");
		fmt_addr(&b, ns, &ev->u.addr);
		break;
	case W_EV_NEWROUTE:
	case W_EV_DELROUTE:
		if (!fmt_route_listed(&ev->u.route))
			goto out;
		stamp(&b, ns);
		if (ev->type == W_EV_DELROUTE)
			sbuf_add(&b, "Deleted ");
		fmt_route(&b, ns, &ev->u.route);
		break;
	case W_EV_NEWNEIGH:
	case W_EV_DELNEIGH:
		stamp(&b, ns);
		if (ev->type == W_EV_DELNEIGH)
			sbuf_add(&b, "Deleted ");
		fmt_neigh_line(&b, ns, &ev->u.neigh);
		break;
	default:
		goto out;
	}
out:
	if (b.len) {
		fputs(sbuf_str(&b), stdout);
		fflush(stdout);
	}
	sbuf_free(&b);
}

int monitor_run(struct world *w, struct ksync *k)
{
	struct kerr e = { 0 };
	sigset_t mask;
	int sfd;

	sigemptyset(&mask);
	sigaddset(&mask, SIGINT);
	sigaddset(&mask, SIGTERM);
	sigaddset(&mask, SIGHUP);
	sigprocmask(SIG_BLOCK, &mask, NULL);
	sfd = signalfd(-1, &mask, SFD_CLOEXEC);
	if (sfd < 0) {
		perror("nsviz monitor: signalfd");
		return 1;
	}
	if (ksync_all_ready(k, &e) < 0) {
		fprintf(stderr, "nsviz monitor: %s\n", kerr_str(&e));
		close(sfd);
		return 1;
	}
	/* what is not watched is said, once here, then as it changes */
	if (world_unread_count(w)) {
		char why[1024];

		fprintf(stderr, "nsviz monitor: not watched: %s\n",
		        world_unread_summary(w, why, sizeof why));
	}
	if (w->unseen_procs)
		fprintf(stderr, "nsviz monitor: the namespaces of %u process%s "
		        "of other users cannot be looked at (no privileges)\n",
		        w->unseen_procs, w->unseen_procs == 1 ? "" : "es");
	ksync_set_observer(k, on_event, NULL);
	for (;;) {
		/* every namespace's socket, however many there are */
		size_t max = w->nns + 8;
		struct pollfd *pfd = xcalloc(max + 1, sizeof *pfd);
		int *fds = xcalloc(max, sizeof *fds);
		int n = ksync_fds(k, fds, (int)max), r;

		pfd[0].fd = sfd;
		pfd[0].events = POLLIN;
		for (int i = 0; i < n; i++) {
			pfd[i + 1].fd = fds[i];
			pfd[i + 1].events = POLLIN;
		}
		r = poll(pfd, (nfds_t)n + 1, RESCAN_MS);
		free(fds);
		if ((r < 0 && errno != EINTR) || (r > 0 && (pfd[0].revents & POLLIN))) {
			free(pfd);
			break;
		}
		free(pfd);
		if (r == 0)
			ksync_rescan(k);
		ksync_drain(k);
		/* namespaces that appeared: follow them too */
		if (ksync_all_ready(k, &e) < 0)
			ksync_drain(k);
	}
	close(sfd);
	return 0;
}
