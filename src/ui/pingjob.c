/* SPDX-License-Identifier: GPL-2.0-or-later */
/* pingjob.c - a ping run from the UI: iputils' ping in a child process
 * entered into the namespace, its lines through a pipe into the log, Esc
 * to stop it (SIGINT: its statistics, as ^C gives them), and `why`
 * offered when no reply came. */
#include "ui/ui_int.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <netinet/in.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kernel/kernel.h"
#include "ping/ping.h"
#include "util/sbuf.h"

static void ping_to_file(void *ctx, const char *line)
{
	FILE *f = ctx;

	fprintf(f, "%s\n", line);
	fflush(f);
}

static volatile int ping_stop;   /* in the ping's child */

static void on_ping_stop(int sig)
{
	(void)sig;
	ping_stop = 1;
}

void ui_ping_start(struct ui *u, const struct cmd *c)
{
	struct kerr e = { 0 };
	struct w_ns *ns;
	int pfd[2], fd;
	pid_t pid;

	if (u->ping_pid > 0) {
		ui_log(u, L_ERROR, "a ping is already running (Esc stops it)");
		return;
	}
	ksync_drain(u->k);
	ns = c->ns[0] ? world_find_ns(u->w, c->ns) : world_host(u->w);
	if (!ns) {
		ui_log(u, L_ERROR, "%s: no such network namespace", c->ns);
		return;
	}
	fd = ksync_ns_fd(u->k, ns, &e);
	if (fd < 0 || pipe2(pfd, O_CLOEXEC) < 0) {
		ui_log(u, L_ERROR, "ping: %s", fd < 0 ? kerr_str(&e)
		                                      : strerror(errno));
		return;
	}
	pid = fork();
	if (pid < 0) {
		ui_log(u, L_ERROR, "ping: %s", strerror(errno));
		close(pfd[0]);
		close(pfd[1]);
		return;
	}
	if (pid == 0) {
		struct ping_opts o = { 0 };
		FILE *out;
		int rc;

		struct sigaction sa;

		/* Esc sends SIGINT: ping stops and prints its statistics,
		 * as iputils does on ^C */
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = on_ping_stop;
		sigemptyset(&sa.sa_mask);
		sigaction(SIGINT, &sa, NULL);
		signal(SIGTERM, SIG_DFL);
		close(pfd[0]);
		out = fdopen(pfd[1], "w");
		if (!out)
			_exit(2);
		if (kns_enter_fd(fd) < 0) {
			fprintf(out, "ping: entering the namespace: %s\n",
			        strerror(errno));
			fclose(out);
			_exit(2);
		}
		exec_ping_opts(c, &o);
		o.stop = &ping_stop;
		rc = ping_run(&o, ping_to_file, out);
		fclose(out);
		_exit(rc);
	}
	close(pfd[1]);
	u->ping_pid = pid;
	u->ping_fd = pfd[0];
	u->ping_len = 0;
	{
		struct cmd y;
		struct sbuf b = SBUF_INIT;

		memset(&y, 0, sizeof y);
		y.verb = CMD_WHY;
		snprintf(y.ns, sizeof y.ns, "%s", c->ns);
		y.u.why.proto = IPPROTO_ICMP;
		y.u.why.target = c->u.ping.target;
		snprintf(y.u.why.dev, sizeof y.u.why.dev, "%s", c->u.ping.dev);
		cmd_canonical(&y, &b);
		/* "nsviz -n vnet why ADDR": the : line takes it without
		 * the word nsviz */
		snprintf(u->ping_why, sizeof u->ping_why, "%s",
		         strncmp(sbuf_str(&b), "nsviz ", 6) ? sbuf_str(&b)
		                                            : sbuf_str(&b) + 6);
		sbuf_free(&b);
	}
}

/* ---- signals and children ------------------------------------------- */

static void reap_ping(struct ui *u);

static void ping_read(struct ui *u)
{
	ssize_t r = read(u->ping_fd, u->ping_buf + u->ping_len,
	                 sizeof u->ping_buf - 1 - u->ping_len);
	char *nl;

	if (r > 0) {
		u->ping_len += (size_t)r;
		u->ping_buf[u->ping_len] = '\0';
		while ((nl = strchr(u->ping_buf, '\n'))) {
			*nl = '\0';
			/* what iputils writes to stderr starts with "ping: " */
			ui_log_add(u, strncmp(u->ping_buf, "ping: ", 6) ? L_OUTPUT
			                                             : L_ERROR,
			        u->ping_buf);
			u->ping_len -= (size_t)(nl + 1 - u->ping_buf);
			memmove(u->ping_buf, nl + 1, u->ping_len + 1);
		}
		if (u->ping_len == sizeof u->ping_buf - 1) {
			ui_log_add(u, L_OUTPUT, u->ping_buf);
			u->ping_len = 0;
		}
		return;
	}
	if (r < 0 && errno == EINTR)
		return;
	/* EOF: the ping is over */
	if (u->ping_len) {
		u->ping_buf[u->ping_len] = '\0';
		ui_log_add(u, L_OUTPUT, u->ping_buf);
	}
	close(u->ping_fd);
	u->ping_fd = -1;
	reap_ping(u);
}

/* The ping closed its pipe: collect it.  Only our own child: echo
 * servers are reaped by their supervisor. */
static void reap_ping(struct ui *u)
{
	int status;

	if (u->ping_pid <= 0)
		return;
	while (waitpid(u->ping_pid, &status, 0) < 0)
		if (errno != EINTR)
			return;
	u->ping_pid = 0;
	u->dirty = true;        /* the log's title: no ping running */
	/* ping's own outcome: any other end (an error, exit status 2) has
	 * said why in ping's own words already */
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		ui_log(u, L_OK, "ping: replies came");
	else if (WIFEXITED(status) && WEXITSTATUS(status) == 1)
		ui_log(u, L_ERROR, "ping: no reply");
	/* offered: why (W, or the : line) says where it stops */
	if (WIFEXITED(status) && WEXITSTATUS(status) != 0 && u->ping_why[0])
		ui_log(u, L_OUTPUT, "where it stops, and why: W, or :%s",
		       u->ping_why);
}


static int ping_fds(struct ui *u, struct pollfd *pfd, int max)
{
	if (u->ping_fd < 0 || max < 1)
		return 0;
	pfd[0] = (struct pollfd){ .fd = u->ping_fd, .events = POLLIN };
	return 1;
}

static void ping_service(struct ui *u, const struct pollfd *pfd, int n)
{
	if (n && u->ping_fd >= 0 && (pfd[0].revents & (POLLIN | POLLHUP)))
		ping_read(u);
}

static bool ping_running(const struct ui *u)
{
	return u->ping_pid > 0;
}

static void k_stop(struct ui *u, int ch)
{
	kill(u->ping_pid, SIGINT);
}

static void ping_free(struct ui *u)
{
	if (u->ping_pid > 0) {
		kill(u->ping_pid, SIGTERM);
		waitpid(u->ping_pid, NULL, 0);
		u->ping_pid = 0;
	}
	if (u->ping_fd >= 0)
		close(u->ping_fd);
	u->ping_fd = -1;
}

static const struct ui_key ping_keys[] = {
	{ { 27 }, NULL, NULL, "stop the ping (its statistics follow)", k_stop },
};

const struct ui_view ui_view_ping = {
	.title = "While a ping runs",
	.nfds = 1,
	.fds = ping_fds,
	.service = ping_service,
	.keys = UI_KEYS(ping_keys),
	.active = ping_running,
	.free = ping_free,
};
