/* SPDX-License-Identifier: GPL-2.0-or-later */
/* echoview.c - the echo servers of this session in the UI: how many run
 * in each namespace, and a view listing them with their live logs. */
#include "ui/ui_int.h"

#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "echo/echosup.h"
#include "ui/theme.h"
#include "util/sbuf.h"

static void on_event(void *ctx, const struct echosup_event *ev)
{
	struct ui *u = ctx;

	switch (ev->type) {
	case ECHOSUP_LOG:
		/* may come at the server's message rate: the view is redrawn
		 * at most ~30 times a second (the same frame as captures) */
		if (u->screen == S_SERVERS)
			u->cap_pending = true;
		return;
	case ECHOSUP_DIED:
	case ECHOSUP_NS_GONE:
		ui_log(u, L_ERROR, "%s", ev->text);
		break;
	case ECHOSUP_STOPPED:
		ui_log(u, L_INFO, "%s", ev->text);
		break;
	}
	u->dirty = true;
}

void echo_ui_init(struct ui *u)
{
	echosup_set_handler(echosup_session(), on_event, u);
}

int echo_ui_fds(struct ui *u, struct pollfd *pfd, int max)
{
	(void)u;
	return echosup_fds(echosup_session(), pfd, max);
}

void echo_ui_dispatch(struct ui *u)
{
	echosup_dispatch(echosup_session());
	if (u->screen == S_SERVERS)
		u->cap_pending = true;  /* counters moved: next frame */
}

int echo_ui_count_in(struct ui *u, const struct w_ns *ns)
{
	struct echosup *s = echosup_session();
	int n = 0;

	(void)u;
	for (size_t i = 0; i < echosup_count(s); i++) {
		const struct echo_server *srv = echosup_at(s, i);
		if (srv->ns_dev == ns->dev && srv->ns_ino == ns->ino)
			n++;
	}
	return n;
}

void echo_ui_draw(struct ui *u)
{
	struct echosup *s = echosup_session();
	const struct rect *m = &u->lay.main;
	size_t n = echosup_count(s);
	int list_h = (int)n + 2, y;
	char buf[600];
	const struct echo_server *sel = NULL;

	u->last_draw_ms = ui_now_ms();
	u->cap_pending = false;
	if (list_h > m->h / 2)
		list_h = m->h / 2;
	if (list_h < 3)
		list_h = 3;
	if (u->echo_sel >= (int)n)
		u->echo_sel = n ? (int)n - 1 : 0;
	ui_paint(TH_PANEL_TITLE_ACTIVE);
	ui_put(m->y, m->x, m->w, " Echo servers of this session  (e start, "
	    "S send, k stop, Up/Down select, E back)", true);
	ui_paint(TH_HEADER);
	snprintf(buf, sizeof buf, "  %-4s %-14s %-5s %-22s %7s %6s %9s",
	         "ID", "NAMESPACE", "PROTO", "LISTEN", "PID", "CONNS", "MESSAGES");
	ui_put(m->y + 1, m->x, m->w, buf, true);
	for (y = 0; y < list_h - 2; y++) {
		size_t i = (size_t)y;

		if (i >= n) {
			ui_paint(TH_NORMAL);
			ui_put(m->y + 2 + y, m->x, m->w,
			    n || y ? "" : "  (none: e starts one in the "
			                  "selected namespace)", true);
			continue;
		}
		{
			const struct echo_server *srv = echosup_at(s, i);
			struct echo_counts c;

			echo_server_counts(srv, &c);
			snprintf(buf, sizeof buf,
			         "  %-4d %-14.14s %-5s %-22.22s %7d %6u %9llu",
			         srv->id, srv->ns[0] ? srv->ns : "host",
			         echo_proto_name(srv->opts.proto), srv->listen,
			         (int)srv->pid, c.conns,
			         (unsigned long long)c.msgs);
			if ((int)i == u->echo_sel)
				sel = srv;
			ui_paint((int)i == u->echo_sel ? TH_SELECTED : TH_NORMAL);
			ui_put(m->y + 2 + y, m->x, m->w, buf, true);
		}
	}
	/* the selected server's log, newest at the bottom */
	{
		int top = m->y + list_h, rows = m->h - list_h - 1;
		size_t nl = sel ? echo_server_log_count(sel) : 0;

		ui_paint(TH_PANEL_TITLE);
		snprintf(buf, sizeof buf, " Log of echo %d ", sel ? sel->id : 0);
		ui_put(top, m->x, m->w, sel ? buf : "", true);
		for (y = 0; y < rows; y++) {
			long idx = (long)nl - rows + y;
			ui_paint(TH_LOG_OUTPUT);
			ui_put(top + 1 + y, m->x, m->w,
			    idx >= 0 ? echo_server_log_line(sel, (size_t)idx) : "", true);
		}
	}
}

bool echo_ui_key(struct ui *u, int ch)
{
	struct echosup *s = echosup_session();
	int n = (int)echosup_count(s);

	switch (ch) {
	case KEY_UP:
		if (u->echo_sel > 0)
			u->echo_sel--;
		break;
	case KEY_DOWN: case 'j':
		if (u->echo_sel + 1 < n)
			u->echo_sel++;
		break;
	case 'k': case 'x': case KEY_DC:
		if (u->echo_sel < n) {
			char line[64];
			snprintf(line, sizeof line, "echo stop %d",
			         echosup_at(s, (size_t)u->echo_sel)->id);
			ui_run_line(u, line);
		}
		break;
	case 'E': case 27:
		ui_show(u, S_PANELS);
		break;
	default:
		return false;
	}
	u->dirty = true;
	return true;
}

/* Where a message from `from` most likely goes: a running server in
 * another namespace, at its namespace's first IPv4 address. */
bool echo_ui_guess(struct ui *u, const struct w_ns *from, char *addr,
                   size_t alen, unsigned *port, bool *udp)
{
	struct echosup *s = echosup_session();

	for (size_t i = 0; i < echosup_count(s); i++) {
		const struct echo_server *srv = echosup_at(s, i);
		const struct w_ns *ns = world_find_ns_ino(u->w, srv->ns_dev,
		                                          srv->ns_ino);

		if (!ns || ns == from)
			continue;
		for (size_t j = 0; j < ns->naddrs; j++) {
			const struct w_addr *a = &ns->addrs[j];
			if (a->family == AF_INET && a->local.a[0] != 127) {
				w_ip_str(&a->local, addr, alen);
				*port = srv->opts.port;
				*udp = srv->opts.proto == ECHO_UDP;
				return true;
			}
		}
	}
	return false;
}

/* an echo server polls its log pipe and its pidfd, plus one watch */
#define ECHOSUP_FDS_GUESS (2 * ECHOSUP_MAX + 1)

static void echo_service(struct ui *u, const struct pollfd *pfd, int n)
{
	for (int i = 0; i < n; i++)
		if (pfd[i].revents) {
			echo_ui_dispatch(u);
			return;
		}
}

static void echo_k(struct ui *u, int ch)
{
	echo_ui_key(u, ch);
}

static const struct ui_key echo_keys[] = {
	{ { KEY_UP, KEY_DOWN, 'j' }, "Up/Down, j", NULL, "select a server",
	  echo_k },
	{ { 'x', 'k', KEY_DC }, NULL, NULL, "stop it", echo_k },
	{ { 'E', 27 }, NULL, NULL, "back to the panels", echo_k },
};

const struct ui_view ui_view_servers = {
	.title = "The echo servers",
	.nfds = ECHOSUP_FDS_GUESS,
	.fds = echo_ui_fds,
	.service = echo_service,
	.draw = echo_ui_draw,
	.keys = UI_KEYS(echo_keys),
};
