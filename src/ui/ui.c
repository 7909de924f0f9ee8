/* SPDX-License-Identifier: GPL-2.0-or-later */
/* ui.c - the loop, the terminal, the log, the forms and the keys that
 * work everywhere.
 *
 * One poll() over the terminal, a self-pipe for signals, the world's
 * netlink and inotify sockets and whatever the UI's parts ask for (a
 * running ping's pipe, the captures, the echo servers: view.h); the set
 * is kept between turns and grows only with the world.  Nothing wakes up
 * on a timer but what a part says is due: the screen is redrawn when the
 * world changed or a key was pressed.  A key goes to the screen shown,
 * then the other parts, then the table here.  Every change goes through
 * the grammar (exec_line), the same path as -c and -b, and is logged as
 * its canonical command. */
#include "ui/ui_int.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "fmt/fmt.h"
#include "ui/config.h"
#include "ui/theme.h"
#include "echo/echosup.h"
#include "util/esc.h"
#include "util/sbuf.h"

#define KEY_ESCAPE 27
#undef CTRL      /* <termios.h> has one */
#define CTRL(c) ((c) & 0x1f)

static int sig_pipe[2] = { -1, -1 };
static volatile sig_atomic_t curses_on;

static void on_signal(int sig)
{
	int saved = errno;
	unsigned char c = (unsigned char)sig;

	if (sig_pipe[1] >= 0 && write(sig_pipe[1], &c, 1) < 0) {
		/* full: a signal is already pending */
	}
	errno = saved;
}

/* What a fatal signal's handler needs to give the terminal back, ready
 * before it can come: the modes nsviz found, and the bytes endwin()
 * would send (leave the alternate screen, cursor on, keypad and mouse
 * off).  endwin() itself is not safe in a signal handler (a crash in
 * malloc would hang in it); write() and tcsetattr() are. */
static struct termios shell_modes;
static bool have_shell_modes;
static char leave_seq[256];
static size_t leave_len;

/* A crash, or SIGQUIT, must not leave the terminal raw: give it back,
 * then the signal's own action (SA_RESETHAND made it the default; the
 * signal is blocked here, so it strikes on return: a core, or the exit
 * status the signal says). */
static void on_fatal(int sig)
{
	int saved = errno;

	if (curses_on) {
		if (leave_len && write(1, leave_seq, leave_len) < 0) {
			/* nothing more to do */
		}
		if (have_shell_modes)
			tcsetattr(0, TCSADRAIN, &shell_modes);
		curses_on = 0;
	}
	signal(sig, SIG_DFL);
	raise(sig);
	errno = saved;
}

static void restore_terminal(void)
{
	if (curses_on) {
		endwin();
		curses_on = 0;
	}
}

/* The terminal for a program of the user's (the shell, netns exec), and
 * back.  kns_exec gives the program the terminal's foreground and takes
 * it back before it returns (src/fg.h), so nsviz is the foreground
 * again when it sets its modes. */
static void terminal_lend(void)
{
	def_prog_mode();
	endwin();
	curses_on = 0;
}

static void terminal_back(void)
{
	reset_prog_mode();
	curses_on = 1;
	clearok(curscr, TRUE);
}

/* ---- the log ---------------------------------------------------------- */

void ui_log_add(struct ui *u, enum log_class cls, const char *text)
{
	if (u->nlog == LOG_MAX) {
		free(u->log[0].text);
		memmove(&u->log[0], &u->log[1], (LOG_MAX - 1) * sizeof u->log[0]);
		u->nlog--;
	}
	u->log[u->nlog].text = xstrdup(text);
	u->log[u->nlog].cls = cls;
	u->nlog++;
	/* scrolled back, the view stays on the lines being read */
	if (u->log_scroll > 0)
		u->log_scroll++;
	u->dirty = true;
}

void ui_log(struct ui *u, enum log_class cls, const char *fmt, ...)
{
	struct sbuf b = SBUF_INIT;
	va_list ap;
	char *p, *save = NULL;

	va_start(ap, fmt);
	sbuf_vprintf(&b, fmt, ap);
	va_end(ap);
	/* one entry per line */
	for (p = strtok_r(b.s ? b.s : (char *)"", "\n", &save); p;
	     p = strtok_r(NULL, "\n", &save))
		ui_log_add(u, cls, p);
	sbuf_free(&b);
}

/* ---- what is shown ------------------------------------------------------ */

/* ---- running commands ------------------------------------------------- */

static bool refuse_readonly(struct ui *u)
{
	if (!u->readonly)
		return false;
	ui_log(u, L_ERROR, "read-only: %s", u->ro_reason);
	return true;
}

int ui_run_line(struct ui *u, const char *line)
{
	u->log_scroll = 0;      /* what the user runs, the user sees */
	lesson_ui_note(u, line);
	char **words = NULL, err[512];
	struct cmd c;
	int n, rc;

	n = cmd_split(line, &words, err, sizeof err);
	if (n < 0) {
		ui_log(u, L_CMD, "%s", line);
		ui_log(u, L_ERROR, "%s", err);
		return 1;
	}
	if (n == 0) {
		cmd_free_words(words, n);
		return 0;
	}
	if (cmd_parse(n, words, &c, err, sizeof err) < 0) {
		cmd_free_words(words, n);
		ui_log(u, L_CMD, "%s", line);
		ui_log(u, L_ERROR, "%s", err);
		return 1;
	}
	cmd_free_words(words, n);
	if (cmd_changes(&c) && refuse_readonly(u)) {
		cmd_free(&c);
		return 1;
	}
	{
		struct sbuf canon = SBUF_INIT;
		cmd_canonical(&c, &canon);
		ui_log(u, L_CMD, "%s", canon.len ? sbuf_str(&canon) : line);
		sbuf_free(&canon);
	}
	if (c.verb == CMD_PING) {
		ui_ping_start(u, &c);
		cmd_free(&c);
		return 0;
	}
	if (c.verb == CMD_NETNS_EXEC && !c.sub) {
		/* a program of the user's: give it the terminal */
		terminal_lend();
		u->x.inherit_stdio = true;
		rc = exec_cmd(&u->x, &c);
		u->x.inherit_stdio = false;
		if (u->x.exec_signal)
			printf("\n[%s ended by signal %d (%s): press Enter to "
			       "return to nsviz]", c.exec_argv[0],
			       u->x.exec_signal, strsignal(u->x.exec_signal));
		else if (rc != 0 && u->x.err.len)   /* it did not run */
			printf("\n[%s: press Enter to return to nsviz]",
			       sbuf_str(&u->x.err));
		else
			printf("\n[%s exited with status %d: press Enter to "
			       "return to nsviz]", c.exec_argv[0], rc);
		fflush(stdout);
		while ((n = getchar()) != '\n' && n != EOF)
			;
		clearerr(stdin);
		terminal_back();
	} else {
		rc = exec_cmd(&u->x, &c);
	}
	knft_release();         /* the UI holds no namespace between keys */
	if (u->x.out.len)
		ui_log(u, L_OUTPUT, "%s", sbuf_str(&u->x.out));
	snprintf(u->last_error, sizeof u->last_error, "%s",
	         rc != 0 ? sbuf_str(&u->x.err) : "");
	if (rc != 0 && u->x.err.len)
		ui_log(u, L_ERROR, "%s", sbuf_str(&u->x.err));
	else if (rc == 0 && cmd_changes(&c))
		ui_log(u, L_OK, "ok");
	sbuf_reset(&u->x.out);
	sbuf_reset(&u->x.err);
	cmd_free(&c);
	routers_stale(u);       /* a sysctl sends no event */
	u->dirty = true;
	return rc;
}

/* ---- actions ---------------------------------------------------------- */

static void open_form(struct ui *u, enum form_kind kind)
{
	struct w_ns *ns = ui_sel_ns(u);
	struct w_link *l = ui_sel_link(u);

	if (kind != FORM_LOOKUP && kind != FORM_PING && kind != FORM_SEND &&
	    kind != FORM_WHY &&
	    refuse_readonly(u))
		return;
	if (kind != FORM_NETNS && ns->kind == W_NS_UNNAMED) {
		char label[300];
		ui_log(u, L_ERROR, "%s: an unnamed namespace has no name the "
		       "grammar could address it by; name it first "
		       "(ip netns attach NAME PID)",
		       world_ns_label(ns, label, sizeof label));
		return;
	}
	if ((kind == FORM_MOVE || kind == FORM_ADDR || kind == FORM_IMPAIR) &&
	    !l) {
		ui_log(u, L_ERROR, "select an interface first");
		return;
	}
	form_init(&u->form, kind, u->w, ns, l);
	if (kind == FORM_SEND) {
		char addr[64];
		unsigned port;
		bool udp;

		if (echo_ui_guess(u, ns, addr, sizeof addr, &port, &udp)) {
			snprintf(u->form.f[0].value, FORM_VALUE_MAX, "%s",
			         udp ? "udp" : "tcp");
			snprintf(u->form.f[1].value, FORM_VALUE_MAX, "%s", addr);
			snprintf(u->form.f[2].value, FORM_VALUE_MAX, "%u", port);
			for (int i = 0; i < 3; i++)
				u->form.f[i].cursor =
					(int)strlen(u->form.f[i].value);
		}
	}
	form_validate(&u->form, u->w);
	u->modal = M_FORM;
}

static void toggle_up(struct ui *u)
{
	struct w_ns *ns = ui_sel_ns(u);
	struct w_link *l = ui_sel_link(u);
	char line[600];

	if (refuse_readonly(u))
		return;
	if (!l) {
		ui_log(u, L_ERROR, "select an interface first");
		return;
	}
	if (ns->kind == W_NS_UNNAMED) {
		ui_log(u, L_ERROR, "unnamed namespaces cannot be changed here");
		return;
	}
	snprintf(line, sizeof line, "%s%s%slink set %s %s",
	         ns->kind == W_NS_NAMED ? "-n " : "",
	         ns->kind == W_NS_NAMED ? ns->name : "",
	         ns->kind == W_NS_NAMED ? " " : "", l->name,
	         (l->flags & 1) ? "down" : "up");
	ui_run_line(u, line);
}

static void ask(struct ui *u, const char *cmd, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void ask(struct ui *u, const char *cmd, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(u->confirm_text, sizeof u->confirm_text, fmt, ap);
	va_end(ap);
	snprintf(u->confirm_cmd, sizeof u->confirm_cmd, "%s", cmd);
	if (!u->confirm_delete) {
		ui_run_line(u, cmd);    /* the config says: do not ask */
		return;
	}
	u->modal = M_CONFIRM;
}

static void delete_selected(struct ui *u)
{
	struct w_ns *ns = ui_sel_ns(u);
	char cmd[600], label[300];
	const char *nsarg = ns->kind == W_NS_NAMED ? ns->name : "";

	if (refuse_readonly(u))
		return;
	if (u->focus == P_NS) {
		struct sbuf what = SBUF_INIT;
		int procs;

		if (ns->kind != W_NS_NAMED) {
			ui_log(u, L_ERROR, "%s: only named namespaces can be "
			       "deleted", world_ns_label(ns, label, sizeof label));
			return;
		}
		for (size_t i = 0; i < ns->nlinks; i++)
			sbuf_printf(&what, "%s%s", i ? ", " : "",
			            ns->links[i].name);
		procs = ui_ns_procs(u, ns);
		snprintf(cmd, sizeof cmd, "netns del %s", ns->name);
		ask(u, cmd, "Delete namespace %s?\n\nIts interfaces go with "
		    "it: %s.\nA veth's peer in another namespace goes too.%s",
		    ns->name, what.len ? sbuf_str(&what) : "none",
		    procs ? "\nProcesses still in it keep it alive, unnamed."
		          : "");
		sbuf_free(&what);
		return;
	}
	if (u->focus == P_IF) {
		struct w_link *l = ui_sel_link(u);
		char peer[400] = "";

		if (!l) {
			ui_log(u, L_ERROR, "no interface selected");
			return;
		}
		if (ns->kind == W_NS_UNNAMED) {
			ui_log(u, L_ERROR, "unnamed namespaces cannot be "
			       "changed here");
			return;
		}
		if (l->peer_name[0]) {
			struct w_ns *pns = world_find_ns_id(u->w, l->peer_ns_id);
			snprintf(peer, sizeof peer, "\nIts peer %s%s%s goes with it.",
			         l->peer_name, pns && pns != ns ? " in " : "",
			         pns && pns != ns ? world_ns_label(pns, label,
			                                          sizeof label)
			                          : "");
		}
		snprintf(cmd, sizeof cmd, "%s%s%slink del %s",
		         *nsarg ? "-n " : "", nsarg, *nsarg ? " " : "", l->name);
		ask(u, cmd, "Delete interface %s?%s%s", l->name, peer,
		    ns->naddrs ? "\nIts addresses and routes go with it." : "");
		return;
	}
	if (u->focus == P_ROUTES && u->neigh) {
		ui_log(u, L_ERROR, "neighbour entries are the kernel's cache: "
		       "nothing to delete here (N shows the routes again)");
		return;
	}
	if (u->focus == P_ROUTES) {
		const struct w_route **v;
		size_t n = ui_route_list(ns, &v);
		struct sbuf b = SBUF_INIT;

		if (u->rt_sel >= (int)n) {
			free(v);
			ui_log(u, L_ERROR, "no route selected");
			return;
		}
		fmt_route(&b, ns, v[u->rt_sel]);
		{
			const struct w_route *r = v[u->rt_sel];
			char dst[80], ab[64], gw[64];
			const struct w_link *l = world_find_link_index(ns, r->oif);

			if (r->dst_len == 0)
				snprintf(dst, sizeof dst, "%sdefault",
				         r->family == AF_INET6 ? "-6 " : "");
			else
				snprintf(dst, sizeof dst, "%s/%d",
				         w_ip_str(&r->dst, ab, sizeof ab),
				         r->dst_len);
			snprintf(cmd, sizeof cmd, "%s%s%sroute del %s", *nsarg ?
			         "-n " : "", nsarg, *nsarg ? " " : "", dst);
			if (r->gw.family == r->family)
				snprintf(cmd + strlen(cmd), sizeof cmd - strlen(cmd),
				         " via %s", w_ip_str(&r->gw, gw, sizeof gw));
			if (l)
				snprintf(cmd + strlen(cmd), sizeof cmd - strlen(cmd),
				         " dev %s", l->name);
			if (r->has_priority)
				snprintf(cmd + strlen(cmd), sizeof cmd - strlen(cmd),
				         " metric %u", r->priority);
		}
		ask(u, cmd, "Delete this route?\n\n%s", sbuf_str(&b));
		sbuf_free(&b);
		free(v);
		return;
	}
	ui_log(u, L_ERROR, "nothing to delete in the log");
}

static void open_shell(struct ui *u)
{
	struct w_ns *ns = ui_sel_ns(u);
	struct kerr e = { 0 };
	const char *sh = getenv("SHELL");
	char *argv[2];
	char label[300];
	int fd, rc;

	fd = ksync_ns_fd(u->k, ns, &e);
	if (fd < 0) {
		ui_log(u, L_ERROR, "shell: %s", kerr_str(&e));
		return;
	}
	argv[0] = (char *)(sh && *sh ? sh : "/bin/sh");
	argv[1] = NULL;
	world_ns_label(ns, label, sizeof label);
	terminal_lend();
	printf("nsviz: a shell in namespace %s; exit it to return.\n", label);
	fflush(stdout);
	rc = kns_exec(fd, argv, NULL, &e);
	terminal_back();
	if (rc < 0)
		ui_log(u, L_ERROR, "shell: %s", e.msg[0] ? e.msg : kerr_str(&e));
	else if (WIFSIGNALED(rc))
		ui_log(u, L_ERROR, "shell in %s ended by signal %d (%s)", label,
		       WTERMSIG(rc), strsignal(WTERMSIG(rc)));
	else
		ui_log(u, WEXITSTATUS(rc) == 0 ? L_INFO : L_ERROR,
		       "shell in %s exited (status %d)", label, WEXITSTATUS(rc));
	ksync_scan_named(u->k);
	u->dirty = true;
}

void ui_looked(struct ui *u, const struct w_ns *ns, const char *fmt, ...)
{
	char what[400], line[700];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	snprintf(line, sizeof line, "ip %s%s%s%s",
	         ns && ns->kind == W_NS_NAMED ? "-n " : "",
	         ns && ns->kind == W_NS_NAMED ? ns->name : "",
	         ns && ns->kind == W_NS_NAMED ? " " : "", what);
	if (!strncmp(what, "echo ", 5))
		snprintf(line, sizeof line, "%s", what);
	else if (!strncmp(what, "tc ", 3))      /* tc's own -n */
		snprintf(line, sizeof line, "tc %s%s%s%s",
		         ns && ns->kind == W_NS_NAMED ? "-n " : "",
		         ns && ns->kind == W_NS_NAMED ? ns->name : "",
		         ns && ns->kind == W_NS_NAMED ? " " : "", what + 3);
	ui_log(u, L_CMD, "%s", line);
	lesson_ui_note(u, line);
}

static void open_details(struct ui *u)
{
	struct w_ns *ns = ui_sel_ns(u);
	struct sbuf b = SBUF_INIT;
	char label[300];

	u->det_ifindex = 0;
	if (u->focus == P_NS) {
		pid_t *pids;
		size_t n;

		if (ns->kind == W_NS_NAMED)
			ui_looked(u, NULL, "netns pids %s", ns->name);
		sbuf_printf(&b, "Namespace %s\n\n",
		            world_ns_label(ns, label, sizeof label));
		sbuf_printf(&b, "kind        %s\n", ns->kind == W_NS_HOST ?
		            "host (where nsviz started)" :
		            ns->kind == W_NS_NAMED ? "named (/run/netns)" :
		            "unnamed (held by a process or a mount)");
		sbuf_printf(&b, "inode       net:[%lu]\n", (unsigned long)ns->ino);
		sbuf_printf(&b, "interfaces  %zu\naddresses   %zu\nroutes      %zu\n",
		            ns->nlinks, ns->naddrs, ns->nroutes);
		if (kns_pids(ns->dev, ns->ino, &pids, &n) == 0) {
			sbuf_printf(&b, "processes   %zu\n", n);
			for (size_t i = 0; i < n && i < 50; i++) {
				char comm[64] = "", path[64];
				FILE *f;
				snprintf(path, sizeof path, "/proc/%d/comm",
				         (int)pids[i]);
				if ((f = fopen(path, "re"))) {
					if (fgets(comm, sizeof comm, f))
						comm[strcspn(comm, "\n")] = '\0';
					fclose(f);
				}
				sbuf_printf(&b, "  %7d  %s\n", (int)pids[i], comm);
			}
			free(pids);
		}
	} else if (u->focus == P_IF) {
		struct w_link *l = ui_sel_link(u);
		if (!l)
			return;
		/* the popup shows what both print */
		ui_looked(u, ns, "link show %s", l->name);
		ui_looked(u, ns, "addr show %s", l->name);
		sbuf_printf(&b, "Interface %s in %s  (ip addr show %s)\n\n",
		            l->name, world_ns_label(ns, label, sizeof label),
		            l->name);
		fmt_link_addrs(&b, ns, l);
		if (l->peer_name[0]) {
			struct w_ns *pns = world_find_ns_id(u->w, l->peer_ns_id);
			sbuf_printf(&b, "\nveth peer: %s in %s\n", l->peer_name,
			            pns ? world_ns_label(pns, label, sizeof label)
			                : "?");
		}
		if (l->qdisc[0]) {
			/* the root qdisc, as tc qdisc show prints it */
			ui_looked(u, ns, "tc qdisc show dev %s", l->name);
			sbuf_add(&b, "\nroot qdisc: ");
			esc_add(&b, l->qdisc, 0);
			sbuf_printf(&b, " %x: ", l->tc_handle >> 16);
			if (l->tc_opts)
				sbuf_add(&b, l->tc_opts);
			sbuf_add(&b, "\n");
		}
		/* the counters follow, drawn live (counters.c) */
		u->det_ns_id = ns->id;
		u->det_ifindex = l->ifindex;
	} else if (u->focus == P_ROUTES) {
		const struct w_route **v;
		size_t n = ui_route_list(ns, &v);
		if (u->neigh)
			ui_looked(u, ns, "neigh show");
		else if (u->rt_sel < (int)n)
			ui_looked(u, ns, "%sroute show",
			          v[u->rt_sel]->family == AF_INET6 ? "-6 " : "");
		if (u->rt_sel < (int)n) {
			sbuf_add(&b, "Route\n\n");
			fmt_route(&b, ns, v[u->rt_sel]);
		}
		free(v);
	} else {
		for (int i = 0; i < u->nlog; i++)
			sbuf_printf(&b, "%s\n", u->log[i].text);
	}
	free(u->details);
	u->details = b.s ? b.s : xstrdup("");
	u->details_top = 0;
	u->modal = M_DETAILS;
}

/* ---- modal keys --------------------------------------------------------- */

static void key_form(struct ui *u, int ch)
{
	int k = ui_form_key_of(ch);
	enum form_result r;
	struct sbuf cmd = SBUF_INIT;

	if (!k)
		return;
	r = form_key(&u->form, u->w, k);
	if (r == FORM_CANCEL) {
		u->modal = M_NONE;
	} else if (r == FORM_SUBMIT) {
		u->modal = M_NONE;
		if (u->form.kind == FORM_IMPAIR)
			impair_ui_submit(u, &u->form);
		else {
			form_command(&u->form, &cmd);
			ui_run_line(u, sbuf_str(&cmd));
		}
		sbuf_free(&cmd);
		if (u->form.kind == FORM_ECHO) {
			ui_show(u, S_SERVERS);
		}
	}
	u->dirty = true;
}

/* a popup's text scrolled by Up/Down, j/k and the page keys; false for
 * any other key (which closes it) */
static bool scroll_key(int ch, int *top)
{
	if (ch == KEY_DOWN || ch == 'j')
		++*top;
	else if (ch == KEY_UP || ch == 'k')
		*top -= *top > 0;
	else if (ch == KEY_NPAGE)
		*top += 10;
	else if (ch == KEY_PPAGE)
		*top = *top > 10 ? *top - 10 : 0;
	else
		return false;
	return true;
}

static void key_modal(struct ui *u, int ch)
{
	switch (u->modal) {
	case M_FORM:
		key_form(u, ch);
		break;
	case M_CONFIRM:
		u->modal = M_NONE;
		if (ch == 'y' || ch == 'Y')
			ui_run_line(u, u->confirm_cmd);
		else
			ui_log(u, L_INFO, "not deleted");
		break;
	case M_HELP:
		if (!scroll_key(ch, &u->help_top))
			u->modal = M_NONE;
		break;
	case M_DETAILS:
		if (!scroll_key(ch, &u->details_top))
			u->modal = M_NONE;
		break;
	case M_CMDLINE:
	case M_FILTER:
	case M_CAPFILTER:
	case M_CAPSAVE:
	case M_TOPOSAVE:
	case M_TOPOOPEN:
		ui_line_key(u, ch);
		break;
	case M_TOPOAPPLY:
		topo_ui_apply_key(u, ch);
		break;
	case M_LESSONS:
		lesson_ui_pick_key(u, ch);
		break;
	case M_NONE:
		break;
	}
	u->dirty = true;
}

/* ---- mouse ------------------------------------------------------------ */

#define MOUSE_WHEEL_UP BUTTON4_PRESSED
#ifdef BUTTON5_PRESSED
#define MOUSE_WHEEL_DOWN BUTTON5_PRESSED
#else
#define MOUSE_WHEEL_DOWN 0
#endif

static void handle_key(struct ui *u, int ch);

static void click(struct ui *u, int x, int y)
{
	const struct layout *l = &u->lay;

	if (l->too_small)
		return;
	if (u->screen == S_MAP) {   /* the map: a click selects a box */
		int id = ui_topo_hit(u, x, y);

		if (id >= 0 && id != u->sel_ns_id) {
			u->sel_ns_id = id;
			u->if_sel = u->rt_sel = 0;
			u->dirty = true;
		}
		return;
	}
	if (rect_contains(&l->ns, x, y)) {
		struct w_ns **v;
		size_t n = ui_ns_list(u, &v);
		int row = y - l->ns.y - 2 + u->ns_top;

		u->focus = P_NS;
		if (row >= 0 && row < (int)n) {
			u->sel_ns_id = v[row]->id;
			u->if_sel = u->rt_sel = 0;
		}
		free(v);
	} else if (rect_contains(&l->ifs, x, y)) {
		int row = y - l->ifs.y - 2 + u->if_top;
		u->focus = P_IF;
		if (row >= 0 && row < ui_list_len(u, P_IF))
			u->if_sel = row;
	} else if (rect_contains(&l->routes, x, y)) {
		int row = y - l->routes.y - 1 + u->rt_top;
		u->focus = P_ROUTES;
		if (row >= 0 && row < ui_list_len(u, P_ROUTES))
			u->rt_sel = row;
	} else if (rect_contains(&l->log, x, y)) {
		u->focus = P_LOG;
	}
	u->dirty = true;
}

/* The wheel scrolls what is under the pointer: a panel's selection (the
 * panel gets the focus, as a click gives it), the log, the details, the
 * topology; in the capture and servers views, their list. */
static void wheel(struct ui *u, int x, int y, int dir)
{
	const struct layout *l = &u->lay;

	if (u->modal == M_DETAILS) {
		u->details_top += 3 * dir;
		if (u->details_top < 0)
			u->details_top = 0;
	} else if (u->modal != M_NONE || l->too_small) {
		return;
	} else if (u->screen == S_CAPS || u->screen == S_SERVERS) {
		handle_key(u, dir < 0 ? KEY_UP : KEY_DOWN);
	} else if (u->screen == S_MAP) {
		u->topo_y += 2 * dir;
		if (u->topo_y < 0)
			u->topo_y = 0;
	} else if (rect_contains(&l->log, x, y)) {
		u->focus = P_LOG;
		ui_move_sel(u, 3 * dir);
	} else {
		u->focus = rect_contains(&l->ns, x, y) ? P_NS :
		           rect_contains(&l->ifs, x, y) ? P_IF :
		           rect_contains(&l->routes, x, y) ? P_ROUTES : u->focus;
		ui_move_sel(u, dir);
	}
	u->dirty = true;
}

/* ---- the key table ------------------------------------------------------ */

static void k_quit(struct ui *u, int ch) { u->quit = 1; }
static void k_help(struct ui *u, int ch)
{
	u->modal = M_HELP;
	u->help_top = 0;
}
static void k_cmdline(struct ui *u, int ch)
{
	u->modal = M_CMDLINE;
	u->line[0] = '\0';
	u->line_len = 0;
	u->hist_pos = u->nhist;
	u->completions[0] = '\0';
}
static void k_filter(struct ui *u, int ch)
{
	u->modal = M_FILTER;
	snprintf(u->line, sizeof u->line, "%s", u->filter);
	u->line_len = (int)strlen(u->line);
}
static void k_topo(struct ui *u, int ch)
{
	ui_show(u, u->screen == S_MAP ? S_PANELS : S_MAP);
}
static void k_capture(struct ui *u, int ch)
{
	/* on an interface: a new capture; elsewhere: back to the captures */
	if (u->ncaps && u->focus != P_IF) {
		ui_show(u, S_CAPS);
		return;
	}
	cap_open(u);
}
static void k_netns(struct ui *u, int ch) { open_form(u, FORM_NETNS); }
static void k_veth(struct ui *u, int ch) { open_form(u, FORM_VETH); }
static void k_move(struct ui *u, int ch) { open_form(u, FORM_MOVE); }
static void k_addr(struct ui *u, int ch) { open_form(u, FORM_ADDR); }
static void k_route(struct ui *u, int ch) { open_form(u, FORM_ROUTE); }
static void k_lookup(struct ui *u, int ch) { open_form(u, FORM_LOOKUP); }
static void k_why(struct ui *u, int ch) { open_form(u, FORM_WHY); }
static void k_ping(struct ui *u, int ch) { open_form(u, FORM_PING); }
static void k_up(struct ui *u, int ch) { toggle_up(u); }
static void k_echo(struct ui *u, int ch) { open_form(u, FORM_ECHO); }
static void k_send(struct ui *u, int ch) { open_form(u, FORM_SEND); }
static void k_nat(struct ui *u, int ch) { open_form(u, FORM_NAT); }
static void k_impair(struct ui *u, int ch) { open_form(u, FORM_IMPAIR); }
static void k_neigh(struct ui *u, int ch)
{
	u->neigh = !u->neigh;
	u->rt_sel = u->rt_top = 0;
	if (u->neigh)
		ui_looked(u, ui_sel_ns(u), "neigh show");
}
static void k_lessons(struct ui *u, int ch)
{
	u->modal = M_LESSONS;
	u->pick_sel = 0;
}
static void k_servers(struct ui *u, int ch)
{
	ui_show(u, u->screen == S_SERVERS ? S_PANELS : S_SERVERS);
	if (u->screen == S_SERVERS)
		ui_looked(u, NULL, "echo list");
}
static void k_rules(struct ui *u, int ch)
{
	struct w_ns *ns = ui_sel_ns(u);
	char line[400];

	if (!ns)
		return;
	rules_ui_open(u);
	if (ns->kind == W_NS_NAMED)
		snprintf(line, sizeof line, "ip netns exec %s nft -a list ruleset",
		         ns->name);
	else
		snprintf(line, sizeof line, "nft -a list ruleset");
	ui_log(u, L_CMD, "%s", line);
	lesson_ui_note(u, line);
}
static void k_delete(struct ui *u, int ch) { delete_selected(u); }
static void k_save(struct ui *u, int ch) { topo_ui_save_start(u); }
static void k_open(struct ui *u, int ch)
{
	if (!refuse_readonly(u))
		topo_ui_open_start(u);
}
static void k_shell(struct ui *u, int ch) { open_shell(u); }
static void k_details(struct ui *u, int ch) { open_details(u); }
static void k_tab(struct ui *u, int ch) { u->focus = (u->focus + 1) % P_COUNT; }
static void k_btab(struct ui *u, int ch)
{
	u->focus = (u->focus + P_COUNT - 1) % P_COUNT;
}
/* + and -: the log two lines taller or shorter (the panels keep 8 rows,
 * the log 2 lines) */
static void log_size(struct ui *u, int delta)
{
	int now = u->lay.log.h - 2;

	if (u->lay.too_small)
		return;
	u->log_lines = now + delta < 2 ? 2 : now + delta;
	layout_compute_log(u->cols, u->rows, u->log_lines, &u->lay);
	u->log_lines = u->lay.log.h - 2;
}
static void k_log_size(struct ui *u, int ch)
{
	log_size(u, ch == '-' ? -2 : 2);
}
static void k_redraw(struct ui *u, int ch)
{
	clearok(curscr, TRUE);
	ui_rescan(u);
}

static const struct ui_key global_keys[] = {
	{ { 'q', KEY_F(10) }, NULL, "Quit", "quit", k_quit },
	{ { '?', KEY_F(1) }, NULL, "Help", "this help", k_help },
	{ { ':', KEY_F(2) }, NULL, ":Cmd", "command line: the ip grammar",
	  k_cmdline },
	{ { '/', KEY_F(3) }, NULL, "/Find", "filter the lists (Esc clears)",
	  k_filter },
	{ { 't', KEY_F(4) }, NULL, "Topo", "topology view (the map)", k_topo },
	{ { 'n', KEY_F(5) }, NULL, "Netns", "new namespace", k_netns },
	{ { 'v', KEY_F(6) }, NULL, "Veth", "new veth pair", k_veth },
	{ { 'a', KEY_F(7) }, NULL, "Addr", "add an address", k_addr },
	{ { 'x', KEY_F(8), KEY_DC }, NULL, "Del", "delete the selected",
	  k_delete },
	{ { 'p', KEY_F(9) }, NULL, "Ping", "ping (Esc stops)", k_ping },
	{ { 'r' }, NULL, NULL, "add a route", k_route },
	{ { 'm' }, NULL, NULL, "move the interface", k_move },
	{ { 'u' }, NULL, NULL, "toggle up/down", k_up },
	{ { 'M' }, NULL, NULL, "masquerade (NAT)", k_nat },
	{ { 'i' }, NULL, NULL, "impair: delay, loss", k_impair },
	{ { 'g' }, NULL, NULL, "route lookup", k_lookup },
	{ { 'W' }, NULL, NULL, "why: where it stops", k_why },
	{ { 's' }, NULL, NULL, "a shell inside the namespace", k_shell },
	{ { 'c' }, NULL, NULL, "capture on the interface", k_capture },
	{ { 'e' }, NULL, NULL, "start an echo server", k_echo },
	{ { 'S' }, NULL, NULL, "send to an echo server", k_send },
	{ { 'E' }, NULL, NULL, "the echo servers", k_servers },
	{ { 'F' }, NULL, NULL, "the nft rules", k_rules },
	{ { 'N' }, NULL, NULL, "neighbours or routes", k_neigh },
	{ { 'L' }, NULL, NULL, "lessons", k_lessons },
	{ { 'w' }, NULL, NULL, "save the world to a file", k_save },
	{ { 'o' }, NULL, NULL, "open a topology file", k_open },
	{ { '\n', KEY_ENTER, '\r' }, NULL, NULL, "details", k_details },
	{ { '\t' }, NULL, NULL, "next panel", k_tab },
	{ { KEY_BTAB }, NULL, NULL, "previous panel", k_btab },
	{ { '+', '=' }, "+ -", NULL, "the log taller, shorter", k_log_size },
	{ { '-' }, NULL, NULL, NULL, k_log_size },
	{ { CTRL('l') }, NULL, NULL, "redraw", k_redraw },
};

const struct ui_view ui_view_global = {
	.title = "Everywhere",
	.keys = UI_KEYS(global_keys),
	.note = "  Ctrl-Z suspends.  The : line: Tab completes, Up/Down its "
	        "history,\n  Ctrl-A/E start/end, Ctrl-U/W delete to the start, "
	        "a word back",
};

static void handle_key(struct ui *u, int ch)
{
	if (ch == KEY_RESIZE) {
		getmaxyx(stdscr, u->rows, u->cols);
		layout_compute_log(u->cols, u->rows, u->log_lines, &u->lay);
		u->dirty = true;
		return;
	}
	if (ch == KEY_MOUSE) {
		MEVENT me;

		if (getmouse(&me) != OK)
			return;
		if (me.bstate & (MOUSE_WHEEL_UP | MOUSE_WHEEL_DOWN))
			wheel(u, me.x, me.y, me.bstate & MOUSE_WHEEL_UP ? -1 : 1);
		else if (u->modal == M_NONE &&
		         (me.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED)))
			click(u, me.x, me.y);
		return;
	}
	if (u->modal != M_NONE) {
		key_modal(u, ch);
		return;
	}
	ui_views_key(u, ch);
}

/* ---- setup and the loop ------------------------------------------------ */

/* Without CAP_NET_ADMIN nothing can be changed: say so up front. */
static void check_privileges(struct ui *u)
{
	FILE *f;
	char line[256];
	unsigned long long eff = 0;

	if (u->o.sandbox)
		return;
	if ((f = fopen("/proc/self/status", "re"))) {
		while (fgets(line, sizeof line, f))
			if (sscanf(line, "CapEff: %llx", &eff) == 1)
				break;
		fclose(f);
	}
	if (!(eff & (1ull << 12))) {   /* CAP_NET_ADMIN */
		u->readonly = true;
		snprintf(u->ro_reason, sizeof u->ro_reason,
		         "no CAP_NET_ADMIN: nothing can be changed. Run "
		         "`nsviz --sandbox` to experiment safely, or `sudo nsviz` "
		         "to change this host");
	}
}

static const int fatal[] = {
	SIGQUIT, SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP, SIGSYS,
	SIGXCPU, SIGXFSZ, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF,
};

static void setup_signals(void)
{
	struct sigaction sa;

	if (pipe2(sig_pipe, O_CLOEXEC | O_NONBLOCK) < 0)
		sig_pipe[0] = sig_pipe[1] = -1;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	/* every other signal whose default ends the process */
	sa.sa_handler = on_fatal;
	sa.sa_flags = SA_RESETHAND;
	for (size_t i = 0; i < sizeof fatal / sizeof fatal[0]; i++)
		sigaction(fatal[i], &sa, NULL);
}

int ui_run(struct world *w, struct ksync *k, const struct ui_opts *o)
{
	struct ui *u = xcalloc(1, sizeof *u);
	struct ui_config cfg;
	struct theme th;
	char err[512], cfg_err[512] = "", th_err[512] = "";
	struct kerr e = { 0 };
	int status;
	struct ui_pollset ps = { 0 };
	int *wfds = NULL;
	size_t nwfds = 0;

	u->w = w;
	u->k = k;
	u->o = *o;
	u->ping_fd = -1;
	exec_init(&u->x, w, k);
	u->x.why_done = ui_why_done;
	u->x.why_ctx = u;
	u->why_stop = -1;
	setlocale(LC_ALL, "");
	u->utf8 = !strcmp(nl_langinfo(CODESET), "UTF-8");
	if (config_load(&cfg, cfg_err, sizeof cfg_err) < 0)
		cfg.theme[0] = '\0';
	if (o->ascii || cfg.ascii == 1)
		u->utf8 = false;
	u->mouse = cfg.mouse != 0;
	u->confirm_delete = cfg.confirm_delete != 0;
	if (theme_load(o->theme ? o->theme : cfg.theme[0] ? cfg.theme : "dark",
	               &th, th_err, sizeof th_err) < 0 && !o->theme &&
	    !cfg.theme[0])
		th_err[0] = '\0';   /* no dark.theme installed: built-in */
	check_privileges(u);
	/* the namespaces are read after the first frame (the host first),
	 * a few milliseconds a turn (issue 12); if the host cannot be read
	 * the log says why */
	u->reading_left = w->nns;
	err[0] = '\0';

	setup_signals();
	echo_ui_init(u);
	atexit(restore_terminal);
	have_shell_modes = tcgetattr(0, &shell_modes) == 0;
	/* newterm, not initscr, which exits on a terminal it does not know
	 * (main.c asks ui_terminal_usable first) */
	if (!newterm(NULL, stdout, stdin)) {
		fprintf(stderr, "nsviz: cannot initialise the terminal "
		        "(TERM=%s)\n", getenv("TERM") ? getenv("TERM") : "");
		return 1;
	}
	curses_on = 1;
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	if (u->mouse)
		mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | MOUSE_WHEEL_UP |
		          MOUSE_WHEEL_DOWN, NULL);
	leave_len = ui_term_leave_seq(leave_seq, sizeof leave_seq, u->mouse);
	theme_apply(&th);
	wbkgdset(stdscr, (chtype)theme_curses_attr(TH_NORMAL));
	getmaxyx(stdscr, u->rows, u->cols);
	layout_compute_log(u->cols, u->rows, u->log_lines, &u->lay);
	u->sel_ns_id = world_host(w) ? world_host(w)->id : 0;
	if (history_path(u->hist_file, sizeof u->hist_file) < 0)
		u->hist_file[0] = '\0';
	else
		u->nhist = history_load(u->hist_file, u->hist, HIST_MAX);

	lesson_ui_snapshot(u);          /* before any lesson changes them */
	if (o->lesson > 0)
		lesson_ui_start(u, o->lesson, o->lesson_step);
	ui_log(u, L_INFO, "nsviz %s%s: ? for help, : for commands, q to quit",
	       PACKAGE_VERSION, o->sandbox ? " in the SANDBOX: own network, "
	       "mounts and processes" : "");
	if (u->readonly)
		ui_log(u, L_ERROR, "read-only: %s", u->ro_reason);
	if (cfg_err[0])
		ui_log(u, L_ERROR, "%s (defaults used)", cfg_err);
	if (th_err[0])
		ui_log(u, L_ERROR, "%s (the default theme is used)", th_err);
	if (err[0])
		ui_log(u, L_ERROR, "%s", err);
	u->dirty = true;

	while (!u->quit) {
		long long now = ui_now_ms();
		int n, nfds = 0, r, ch, timeout, world_wait;
		bool live = u->screen == S_CAPS || u->screen == S_SERVERS;

		/* the world's sockets, one a namespace, and every part's
		 * descriptors: the set grows with the world, and is not
		 * made anew each turn */
		ui_pollset_reserve(&ps, 2 + u->w->nns + 8);
		if (nwfds < u->w->nns + 8) {
			nwfds = u->w->nns + 8 + (u->w->nns + 8) / 2;
			wfds = xrealloc(wfds, nwfds * sizeof *wfds);
		}
		/* what fell due: the lesson's goal against the world as it
		 * now is, the process counts, the routers, the rules, the
		 * counters on screen */
		ui_parts_tick(u, now);
		/* a change of the world is drawn at once, but no more than
		 * UI_WORLD_BURST frames in UI_WORLD_BURST x UI_WORLD_FRAME_MS:
		 * a storm of events (thousands of veths doing IPv6
		 * autoconfiguration) costs frames, not a frame per event
		 * (issue 12); keys draw at once */
		world_wait = -1;
		{
			/* the frame UI_WORLD_BURST frames ago: a change of a
			 * few events (a veth pair, then its peer) is drawn
			 * as it comes, a storm at the average rate */
			long long oldest = u->world_frames[u->world_frame_at];

			if (!u->dirty && u->drawn_gen != w->generation &&
			    now - oldest < UI_WORLD_BURST * UI_WORLD_FRAME_MS)
				world_wait = (int)(UI_WORLD_BURST *
				                   UI_WORLD_FRAME_MS -
				                   (now - oldest));
		}
		if (world_wait < 0 &&
		    (u->dirty || u->drawn_gen != w->generation ||
		     (u->cap_pending && live &&
		      now - u->last_draw_ms >= 33))) {
			if (!u->dirty && u->drawn_gen != w->generation) {
				u->world_frames[u->world_frame_at] = now;
				u->world_frame_at = (u->world_frame_at + 1) %
				                    UI_WORLD_BURST;
			}
			ui_draw(u);
			u->dirty = false;
			u->drawn_gen = w->generation;
			u->last_draw_ms = now;
		}
		if (u->cap_pending && !live)
			u->cap_pending = false;
		ps.pfd[nfds++] = (struct pollfd){ .fd = 0, .events = POLLIN };
		ps.pfd[nfds++] = (struct pollfd){ .fd = sig_pipe[0],
		                                  .events = POLLIN };
		ui_parts_fds(u, &ps, &nfds);
		n = ksync_fds(k, wfds, (int)nwfds);
		for (int i = 0; i < n && (size_t)nfds < ps.cap; i++)
			ps.pfd[nfds++] = (struct pollfd){ .fd = wfds[i],
			                                  .events = POLLIN };
		/* asleep until something happens or a part has work due
		 * (a namespace half made, captures running, a lesson's goal
		 * watched, the process counts) */
		timeout = ui_parts_timeout(u, ui_now_ms());
		if (ksync_pending(k) && (timeout < 0 || timeout > 200))
			timeout = 200;
		if (world_wait >= 0 && (timeout < 0 || world_wait < timeout))
			timeout = world_wait;
		if (u->reading_left)
			timeout = 0;
		r = poll(ps.pfd, (nfds_t)nfds, timeout);
		if (r < 0 && errno != EINTR)
			break;
		if (r < 0)
			for (int i = 0; i < nfds; i++)
				ps.pfd[i].revents = 0;
		ui_parts_service(u, &ps);
		/* signals */
		if (r > 0 && (ps.pfd[1].revents & POLLIN)) {
			unsigned char sig;
			while (read(sig_pipe[0], &sig, 1) == 1)
				u->quit = 128 + sig + 1;
		}
		/* the kernel: every pending event, then new namespaces, a
		 * few milliseconds of them a turn so that keys and frames
		 * go on while thousands are read */
		if (ksync_drain(k) || ksync_pending(k) || u->reading_left) {
			size_t before = u->reading_left;

			u->reading_left = ksync_ready_some(k, 30);
			if (before && !u->reading_left)
				u->dirty = true;
			if (before == w->nns && world_host(w) &&
			    !world_host(w)->synced &&
			    ksync_ns_ready(k, world_host(w), &e) < 0)
				ui_log(u, L_ERROR, "reading the namespaces: %s",
				       kerr_str(&e));
			ksync_drain(k);
		}
		/* keys (also after EINTR: SIGWINCH queues KEY_RESIZE) */
		while ((ch = getch()) != ERR && !u->quit)
			handle_key(u, ch);
	}
	status = u->quit > 0 ? u->quit - 1 : 0;
	ui_parts_free(u);
	ui_pollset_free(&ps);
	free(wfds);
	free(u->pick_numbers);
	restore_terminal();
	for (int i = 0; i < u->nlog; i++)
		free(u->log[i].text);
	for (int i = 0; i < u->nhist; i++)
		free(u->hist[i]);
	topo_ui_apply_free(u);
	rates_set_free(&u->rates);
	free(u->details);
	exec_done(&u->x);
	free(u);
	return status;
}
