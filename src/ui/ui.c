/* SPDX-License-Identifier: GPL-2.0-or-later */
/* ui.c - the loop, the keys and the actions of the full-screen UI.
 *
 * One poll() over the terminal, a self-pipe for signals, the world's
 * netlink and inotify descriptors and a running ping's pipe.  Nothing
 * wakes up on a timer: the screen is redrawn when the world changed or a
 * key was pressed.  Every change goes through the grammar (exec_line),
 * the same path as -c and -b, and is logged as its canonical command. */
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
#include "ping/ping.h"
#include "ui/complete.h"
#include "ui/config.h"
#include "ui/theme.h"
#include "echo/echosup.h"
#include "util/esc.h"
#include "util/sbuf.h"

#define KEY_ESCAPE 27
/* an echo server polls its log pipe and its pidfd, plus one watch */
#define ECHOSUP_FDS_GUESS (2 * ECHOSUP_MAX + 1)
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

static void log_add(struct ui *u, enum log_class cls, const char *text)
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
		log_add(u, cls, p);
	sbuf_free(&b);
}

/* ---- what is shown ------------------------------------------------------ */

static int ns_rank(const struct w_ns *ns)
{
	return ns->kind == W_NS_HOST ? 0 : ns->kind == W_NS_NAMED ? 1 : 2;
}

static int ns_cmp(const void *pa, const void *pb)
{
	const struct w_ns *a = *(struct w_ns *const *)pa;
	const struct w_ns *b = *(struct w_ns *const *)pb;

	if (ns_rank(a) != ns_rank(b))
		return ns_rank(a) - ns_rank(b);
	if (a->kind == W_NS_NAMED)
		return strcmp(a->name, b->name);
	return (a->holder_pid > b->holder_pid) - (a->holder_pid < b->holder_pid);
}

static bool ns_matches(const struct ui *u, const struct w_ns *ns)
{
	char label[300];

	if (!u->filter[0] || ns->kind == W_NS_HOST)
		return true;
	if (strstr(world_ns_label(ns, label, sizeof label), u->filter))
		return true;
	for (size_t i = 0; i < ns->nlinks; i++)
		if (strstr(ns->links[i].name, u->filter))
			return true;
	return false;
}

size_t ui_ns_list(struct ui *u, struct w_ns ***out)
{
	struct w_ns **v = xcalloc(u->w->nns + 1, sizeof *v);
	size_t n = 0;

	for (size_t i = 0; i < u->w->nns; i++)
		if (ns_matches(u, u->w->ns[i]))
			v[n++] = u->w->ns[i];
	qsort(v, n, sizeof *v, ns_cmp);
	*out = v;
	return n;
}

struct w_ns *ui_sel_ns(struct ui *u)
{
	struct w_ns *ns = world_find_ns_id(u->w, u->sel_ns_id);

	if (!ns) {
		ns = world_host(u->w);
		u->sel_ns_id = ns ? ns->id : 0;
	}
	return ns;
}

size_t ui_if_list(struct ui *u, const struct w_ns *ns, struct w_link ***out)
{
	struct w_link **v = xcalloc(ns->nlinks + 1, sizeof *v);
	size_t n = 0;
	bool ns_hit;
	char label[300];

	ns_hit = !u->filter[0] ||
	         strstr(world_ns_label(ns, label, sizeof label), u->filter);
	for (size_t i = 0; i < ns->nlinks; i++)
		if (ns_hit || strstr(ns->links[i].name, u->filter))
			v[n++] = &ns->links[i];
	*out = v;
	return n;
}

struct w_link *ui_sel_link(struct ui *u)
{
	struct w_ns *ns = ui_sel_ns(u);
	struct w_link **v, *l = NULL;
	size_t n;

	if (!ns)
		return NULL;
	n = ui_if_list(u, ns, &v);
	if (u->if_sel >= (int)n)
		u->if_sel = n ? (int)n - 1 : 0;
	if (n)
		l = v[u->if_sel];
	free(v);
	return l;
}

/* The order of the last namespace's routes, kept while it does not
 * change: sorting the host's thousands of routes on every frame was most
 * of a frame (issue 12) */
static struct {
	int ns_id;
	unsigned long gen;
	size_t nroutes;
	size_t *ix, n;
	bool have;
} rtc;

size_t ui_route_list(const struct w_ns *ns, const struct w_route ***out)
{
	const struct w_route **v = xcalloc(ns->nroutes + 1, sizeof *v);
	size_t n4 = 0, n;

	if (rtc.have && rtc.ns_id == ns->id && rtc.gen == ns->rgen &&
	    rtc.nroutes == ns->nroutes) {
		for (size_t i = 0; i < rtc.n; i++)
			v[i] = &ns->routes[rtc.ix[i]];
		*out = v;
		return rtc.n;
	}
	for (size_t i = 0; i < ns->nroutes; i++)
		if (ns->routes[i].family == AF_INET &&
		    fmt_route_listed(&ns->routes[i]))
			v[n4++] = &ns->routes[i];
	qsort(v, n4, sizeof *v, fmt_route_cmp);
	n = n4;
	for (size_t i = 0; i < ns->nroutes; i++)
		if (ns->routes[i].family == AF_INET6 &&
		    fmt_route_listed(&ns->routes[i]))
			v[n++] = &ns->routes[i];
	qsort(v + n4, n - n4, sizeof *v, fmt_route_cmp);
	free(rtc.ix);
	rtc.ix = xcalloc(n + 1, sizeof *rtc.ix);
	for (size_t i = 0; i < n; i++)
		rtc.ix[i] = (size_t)(v[i] - ns->routes);
	rtc.n = n;
	rtc.ns_id = ns->id;
	rtc.gen = ns->rgen;
	rtc.nroutes = ns->nroutes;
	rtc.have = true;
	*out = v;
	return n;
}

/* One pass over /proc counts the processes of every namespace.
 * Unnamed namespaces have no event of their own (a container that
 * starts without a veth announces no nsid): the same walk notices a
 * process in a namespace the world does not know, or an unnamed
 * namespace's last process gone, and only then asks for a rescan of
 * /proc (want_rescan).  Whichever caller counts, nothing is missed. */
static void count_procs(struct ui *u)
{
	int others;
	dev_t *dev = xcalloc(u->w->nns + 1, sizeof *dev);
	ino_t *ino = xcalloc(u->w->nns + 1, sizeof *ino);
	size_t nbusy = 0;

	free(u->nprocs);
	u->nnprocs = u->w->nns;
	u->nprocs = xcalloc(u->nnprocs + 1, sizeof *u->nprocs);
	u->procs_gen = u->w->ns_epoch;
	u->procs_ms = ui_now_ms();
	hmap_clear(&u->procs_ix);
	for (size_t i = 0; i < u->nnprocs; i++) {
		dev[i] = u->w->ns[i]->dev;
		ino[i] = u->w->ns[i]->ino;
		hmap_put(&u->procs_ix, hmap_hash_u64((uint64_t)u->w->ns[i]->id),
		         HMAP_INT(i + 1));
	}
	others = kns_count_pids(dev, ino, u->nnprocs, u->nprocs);
	if (others > u->procs_others)
		u->want_rescan = true;
	if (others >= 0)
		u->procs_others = others;
	/* unnamed namespaces with processes: was one of them busy and is
	 * empty now? */
	for (size_t i = 0; i < u->nnprocs; i++) {
		const struct w_ns *ns = u->w->ns[i];

		if (ns->kind != W_NS_UNNAMED)
			continue;
		if (u->nprocs[i] > 0) {
			dev[nbusy] = ns->dev;
			ino[nbusy++] = ns->ino;
			continue;
		}
		for (size_t j = 0; j < u->nbusy; j++)
			if (u->busy_dev[j] == ns->dev && u->busy_ino[j] == ns->ino)
				u->want_rescan = true;
	}
	free(u->busy_dev);
	free(u->busy_ino);
	u->busy_dev = dev;
	u->busy_ino = ino;
	u->nbusy = nbusy;
}

/* Look in /proc for unnamed namespaces (new ones, gone ones) and read
 * the new ones' interfaces. */
static void rescan(struct ui *u)
{
	struct kerr e = { 0 };

	u->want_rescan = false;
	ksync_rescan(u->k);
	ksync_all_ready(u->k, &e);
	count_procs(u);
	u->dirty = true;
}

/* Processes come and go without a kernel event: count again when the
 * last count is UI_PROCS_MS old, and repaint only if a count changed;
 * rescan when the count asks for it. */
static void recount_procs(struct ui *u, long long now)
{
	int *old;
	size_t nold;

	if (u->nprocs && now - u->procs_ms >= UI_PROCS_MS) {
		old = u->nprocs;
		nold = u->nnprocs;
		u->nprocs = NULL;
		count_procs(u);
		if (nold != u->nnprocs ||
		    memcmp(old, u->nprocs, nold * sizeof *old) != 0)
			u->dirty = true;
		free(old);
	}
	if (u->want_rescan)
		rescan(u);
}

static int procs_timeout(const struct ui *u, long long now)
{
	long long left;

	if (u->want_rescan)
		return 0;       /* asked for while drawing */
	if (!u->nprocs)
		return -1;
	left = u->procs_ms + UI_PROCS_MS - now;
	return left < 0 ? 0 : (int)left;
}

/* Counted again when namespaces came or went, not on every change of
 * the world (that was a walk of /proc for every event, issue 12) */
int ui_ns_procs(struct ui *u, const struct w_ns *ns)
{
	size_t it = 0;
	void *v;

	if (!u->nprocs || u->procs_gen != u->w->ns_epoch)
		count_procs(u);
	while ((v = hmap_next(&u->procs_ix, hmap_hash_u64((uint64_t)ns->id),
	                      &it))) {
		size_t i = (size_t)HMAP_TO_INT(v) - 1;

		if (i < u->nnprocs && i < u->w->nns && u->w->ns[i] == ns)
			return u->nprocs[i];
	}
	return 0;
}

/* ---- running commands ------------------------------------------------- */

static bool refuse_readonly(struct ui *u)
{
	if (!u->readonly)
		return false;
	ui_log(u, L_ERROR, "read-only: %s", u->ro_reason);
	return true;
}

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

static void ping_start(struct ui *u, const struct cmd *c)
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
		o.dst = c->u.ping.target;
		o.ifname = c->u.ping.dev[0] ? c->u.ping.dev : NULL;
		o.ns_name = c->ns;
		o.count = c->u.ping.count;
		o.wait = c->u.ping.wait;
		o.interval = c->u.ping.interval;
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
		ping_start(u, &c);
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
			log_add(u, strncmp(u->ping_buf, "ping: ", 6) ? L_OUTPUT
			                                             : L_ERROR,
			        u->ping_buf);
			u->ping_len -= (size_t)(nl + 1 - u->ping_buf);
			memmove(u->ping_buf, nl + 1, u->ping_len + 1);
		}
		if (u->ping_len == sizeof u->ping_buf - 1) {
			log_add(u, L_OUTPUT, u->ping_buf);
			u->ping_len = 0;
		}
		return;
	}
	if (r < 0 && errno == EINTR)
		return;
	/* EOF: the ping is over */
	if (u->ping_len) {
		u->ping_buf[u->ping_len] = '\0';
		log_add(u, L_OUTPUT, u->ping_buf);
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

/* A key that shows what a command prints: the log and the lesson's `you
 * ran` checks see that command, in namespace ns (NULL: none). */
static void ui_looked(struct ui *u, const struct w_ns *ns, const char *fmt,
                      ...) __attribute__((format(printf, 3, 4)));
static void ui_looked(struct ui *u, const struct w_ns *ns, const char *fmt,
                      ...)
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

static int list_len(struct ui *u, enum panel p)
{
	struct w_ns *ns = ui_sel_ns(u);
	size_t n;

	if (p == P_NS) {
		struct w_ns **v;
		n = ui_ns_list(u, &v);
		free(v);
	} else if (p == P_IF) {
		struct w_link **v;
		n = ui_if_list(u, ns, &v);
		free(v);
	} else if (p == P_ROUTES && u->neigh) {
		n = 0;
		for (size_t i = 0; i < ns->nneighs; i++)
			n += fmt_neigh_listed(&ns->neighs[i]);
	} else if (p == P_ROUTES) {
		const struct w_route **v;
		n = ui_route_list(ns, &v);
		free(v);
	} else {
		n = (size_t)u->nlog;
	}
	return (int)n;
}

static void move_sel(struct ui *u, int delta)
{
	if (u->focus == P_NS) {
		struct w_ns **v;
		size_t n = ui_ns_list(u, &v);
		int cur = 0;

		for (size_t i = 0; i < n; i++)
			if (v[i]->id == u->sel_ns_id)
				cur = (int)i;
		cur += delta;
		if (cur < 0)
			cur = 0;
		if (cur >= (int)n)
			cur = (int)n - 1;
		if (n && v[cur]->id != u->sel_ns_id) {
			u->sel_ns_id = v[cur]->id;
			u->if_sel = u->rt_sel = 0;
			/* the neighbour table shown is now this one's */
			if (u->neigh)
				ui_looked(u, v[cur], "neigh show");
		}
		free(v);
	} else if (u->focus == P_IF || u->focus == P_ROUTES) {
		int *sel = u->focus == P_IF ? &u->if_sel : &u->rt_sel;
		int n = list_len(u, u->focus);

		*sel += delta;
		if (*sel >= n)
			*sel = n - 1;
		if (*sel < 0)
			*sel = 0;
	} else {
		u->log_scroll -= delta;
		if (u->log_scroll < 0)
			u->log_scroll = 0;
		if (u->log_scroll > u->nlog)
			u->log_scroll = u->nlog;
	}
	u->dirty = true;
}

/* ---- modal keys --------------------------------------------------------- */

static int form_key_of(int ch)
{
	switch (ch) {
	case '\n': case '\r': case KEY_ENTER: return FKEY_ENTER;
	case KEY_ESCAPE: return FKEY_ESC;
	case '\t': return FKEY_TAB;
	case KEY_BTAB: return FKEY_BTAB;
	case KEY_BACKSPACE: case 127: case CTRL('h'): return FKEY_BACKSPACE;
	case KEY_DC: return FKEY_DELETE;
	case KEY_LEFT: return FKEY_LEFT;
	case KEY_RIGHT: return FKEY_RIGHT;
	case KEY_HOME: case CTRL('a'): return FKEY_HOME;
	case KEY_END: case CTRL('e'): return FKEY_END;
	case CTRL('u'): return FKEY_KILL_START;
	case CTRL('w'): return FKEY_KILL_WORD;
	case KEY_UP: return FKEY_UP;
	case KEY_DOWN: return FKEY_DOWN;
	}
	return ch >= 32 && ch < 127 ? ch : 0;
}

/* The editing keys of a one-line field (the : line, the filter). */
static int line_key_of(int ch)
{
	switch (ch) {
	case '\n': case '\r': case KEY_ENTER: case KEY_ESCAPE: case '\t':
	case KEY_BTAB: case KEY_UP: case KEY_DOWN:
		return 0;
	}
	return form_key_of(ch);
}

static void key_form(struct ui *u, int ch)
{
	int k = form_key_of(ch);
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
			u->echoview = true;
			u->capview = u->topo = false;
		}
	}
	u->dirty = true;
}

/* A line run from the : line joins the history, which is written at
 * once (whole, by rename) so that a session killed keeps it too.  A
 * line with control characters is not kept; a history that cannot be
 * written stays in memory without a word. */
static void hist_add(struct ui *u, const char *line)
{
	if (!history_keepable(line) ||
	    (u->nhist && !strcmp(u->hist[u->nhist - 1], line)))
		return;
	if (u->nhist == HIST_MAX) {
		free(u->hist[0]);
		memmove(&u->hist[0], &u->hist[1], (HIST_MAX - 1) * sizeof *u->hist);
		u->nhist--;
	}
	u->hist[u->nhist++] = xstrdup(line);
	if (u->hist_file[0])
		history_save(u->hist_file, u->hist, u->nhist);
}

static void key_line(struct ui *u, int ch)
{
	bool filter = u->modal == M_FILTER;
	bool topoline = u->modal == M_TOPOSAVE || u->modal == M_TOPOOPEN;
	bool capline = u->modal == M_CAPFILTER || u->modal == M_CAPSAVE ||
	               topoline;
	size_t max = filter ? sizeof u->filter - 1 : sizeof u->line - 1;

	u->completions[0] = '\0';
	if (topoline && (ch == '\n' || ch == '\r' || ch == KEY_ENTER)) {
		char line[sizeof u->line];

		u->line_back = 0;
		snprintf(line, sizeof line, "%s", u->line);
		topo_ui_line_done(u, line);
		u->dirty = true;
		return;
	}
	if (capline && (ch == '\n' || ch == '\r' || ch == KEY_ENTER)) {
		u->line_back = 0;
		cap_line_done(u, u->line);
		u->modal = M_NONE;
		u->dirty = true;
		return;
	}
	if (capline && ch == KEY_ESCAPE) {
		u->line_back = 0;
		u->modal = M_NONE;
		u->dirty = true;
		return;
	}
	if (u->line_back < 0 || u->line_back > u->line_len)
		u->line_back = 0;
	switch (ch) {
	case KEY_ESCAPE:
		if (filter)
			u->filter[0] = '\0';
		u->modal = M_NONE;
		break;
	case '\n': case '\r': case KEY_ENTER:
		u->modal = M_NONE;
		if (filter) {
			snprintf(u->filter, sizeof u->filter, "%.63s", u->line);
		} else {
			char line[sizeof u->line];
			snprintf(line, sizeof line, "%s", u->line);
			hist_add(u, line);
			ui_run_line(u, line);
		}
		break;
	case KEY_UP: case KEY_DOWN:
		if (filter || capline || !u->nhist)
			break;
		u->hist_pos += ch == KEY_UP ? -1 : 1;
		if (u->hist_pos < 0)
			u->hist_pos = 0;
		if (u->hist_pos >= u->nhist) {
			u->hist_pos = u->nhist;
			u->line[0] = '\0';
		} else {
			snprintf(u->line, sizeof u->line, "%s",
			         u->hist[u->hist_pos]);
		}
		u->line_len = (int)strlen(u->line);
		u->line_back = 0;
		break;
	case '\t':
		if (!filter && !capline) {
			/* the words before the cursor; the rest stays after */
			char before[sizeof u->line], out[sizeof u->line];
			char rest[sizeof u->line];
			struct sbuf c = SBUF_INIT;
			int at = u->line_len - u->line_back, n;

			snprintf(before, sizeof before, "%.*s", at, u->line);
			snprintf(rest, sizeof rest, "%s", u->line + at);
			n = complete_line(u->w, before, out, sizeof out, &c);
			if (strlen(out) + strlen(rest) <= max) {
				size_t lo = strlen(out), lr = strlen(rest);

				memcpy(u->line, out, lo);
				memcpy(u->line + lo, rest, lr + 1);
				u->line_len = (int)(lo + lr);
				u->line_back = (int)lr;
			}
			if (n > 1)
				snprintf(u->completions, sizeof u->completions,
				         "%s", sbuf_str(&c));
			sbuf_free(&c);
		}
		break;
	default: {
		/* readline's keys: Left/Right, Home/End (^A/^E), Backspace,
		 * Delete, ^U, ^W; printable text goes in at the cursor */
		int k = line_key_of(ch), cur = u->line_len - u->line_back;

		if (k) {
			form_edit(u->line, max + 1, &cur, k);
			u->line_len = (int)strlen(u->line);
			u->line_back = u->line_len - cur;
		}
		break;
	}
	}
	if (u->modal != M_FILTER && u->modal != M_CMDLINE &&
	    u->modal != M_CAPFILTER && u->modal != M_CAPSAVE &&
	    u->modal != M_TOPOSAVE && u->modal != M_TOPOOPEN)
		u->line_back = 0;
	if (filter && u->modal == M_FILTER)
		snprintf(u->filter, sizeof u->filter, "%.63s", u->line);
	u->dirty = true;
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
		u->modal = M_NONE;
		break;
	case M_DETAILS:
		if (ch == KEY_DOWN || ch == 'j')
			u->details_top++;
		else if ((ch == KEY_UP || ch == 'k') && u->details_top > 0)
			u->details_top--;
		else if (ch == KEY_NPAGE)
			u->details_top += 10;
		else if (ch == KEY_PPAGE)
			u->details_top = u->details_top > 10 ? u->details_top - 10 : 0;
		else
			u->modal = M_NONE;
		break;
	case M_CMDLINE:
	case M_FILTER:
	case M_CAPFILTER:
	case M_CAPSAVE:
	case M_TOPOSAVE:
	case M_TOPOOPEN:
		key_line(u, ch);
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
	if (u->topo) {              /* the map: a click selects a box */
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
		if (row >= 0 && row < list_len(u, P_IF))
			u->if_sel = row;
	} else if (rect_contains(&l->routes, x, y)) {
		int row = y - l->routes.y - 1 + u->rt_top;
		u->focus = P_ROUTES;
		if (row >= 0 && row < list_len(u, P_ROUTES))
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
	} else if (u->capview || u->echoview) {
		handle_key(u, dir < 0 ? KEY_UP : KEY_DOWN);
	} else if (u->topo) {
		u->topo_y += 2 * dir;
		if (u->topo_y < 0)
			u->topo_y = 0;
	} else if (rect_contains(&l->log, x, y)) {
		u->focus = P_LOG;
		move_sel(u, 3 * dir);
	} else {
		u->focus = rect_contains(&l->ns, x, y) ? P_NS :
		           rect_contains(&l->ifs, x, y) ? P_IF :
		           rect_contains(&l->routes, x, y) ? P_ROUTES : u->focus;
		move_sel(u, dir);
	}
	u->dirty = true;
}

/* ---- the key table ------------------------------------------------------ */

static void k_quit(struct ui *u) { u->quit = 1; }
static void k_help(struct ui *u) { u->modal = M_HELP; }
static void k_cmdline(struct ui *u)
{
	u->modal = M_CMDLINE;
	u->line[0] = '\0';
	u->line_len = 0;
	u->hist_pos = u->nhist;
	u->completions[0] = '\0';
}
static void k_filter(struct ui *u)
{
	u->modal = M_FILTER;
	snprintf(u->line, sizeof u->line, "%s", u->filter);
	u->line_len = (int)strlen(u->line);
}
/* The map: Tab and Shift-Tab pick the selected namespace's interfaces in
 * turn (the one picked and its wire stand out), f jumps to the other end
 * of its wire. */
static void topo_next_if(struct ui *u, int dir)
{
	struct w_ns *ns = ui_sel_ns(u);
	struct w_link **v;
	size_t n;

	if (!ns)
		return;
	n = ui_if_list(u, ns, &v);
	free(v);
	if (n)
		u->if_sel = ((u->if_sel + dir) % (int)n + (int)n) % (int)n;
}

static void topo_other_end(struct ui *u)
{
	struct w_link *l = ui_sel_link(u), **v;
	struct w_ns *peer;
	char name[W_IFNAMSIZ];
	size_t n;

	if (!l || strcmp(l->kind, "veth") || l->peer_ns_id < 0 ||
	    !l->peer_name[0] ||
	    !(peer = world_find_ns_id(u->w, l->peer_ns_id))) {
		ui_log(u, L_INFO, "%s: no wire to follow", l ? l->name : "no interface");
		return;
	}
	snprintf(name, sizeof name, "%s", l->peer_name);
	u->sel_ns_id = peer->id;
	n = ui_if_list(u, peer, &v);
	u->if_sel = 0;
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i]->name, name) == 0)
			u->if_sel = (int)i;
	free(v);
}

static void k_topo(struct ui *u)
{
	u->topo = !u->topo;
	if (u->topo) {
		u->capview = u->rulesview = false;
		u->topo_x = -1;     /* start at the selected box */
	}
}
static void k_capture(struct ui *u)
{
	/* on an interface: a new capture; elsewhere: back to the captures */
	if (u->ncaps && u->focus != P_IF) {
		u->capview = true;
		u->rulesview = false;
		u->topo = false;
		return;
	}
	cap_open(u);
}
static void k_netns(struct ui *u) { open_form(u, FORM_NETNS); }
static void k_veth(struct ui *u) { open_form(u, FORM_VETH); }
static void k_move(struct ui *u) { open_form(u, FORM_MOVE); }
static void k_addr(struct ui *u) { open_form(u, FORM_ADDR); }
static void k_route(struct ui *u) { open_form(u, FORM_ROUTE); }
static void k_lookup(struct ui *u) { open_form(u, FORM_LOOKUP); }
static void k_why(struct ui *u) { open_form(u, FORM_WHY); }
static void k_ping(struct ui *u) { open_form(u, FORM_PING); }
static void k_up(struct ui *u) { toggle_up(u); }
static void k_echo(struct ui *u) { open_form(u, FORM_ECHO); }
static void k_send(struct ui *u) { open_form(u, FORM_SEND); }
static void k_nat(struct ui *u) { open_form(u, FORM_NAT); }
static void k_impair(struct ui *u) { open_form(u, FORM_IMPAIR); }
static void k_neigh(struct ui *u)
{
	u->neigh = !u->neigh;
	u->rt_sel = u->rt_top = 0;
	if (u->neigh)
		ui_looked(u, ui_sel_ns(u), "neigh show");
}
static void k_lessons(struct ui *u)
{
	u->modal = M_LESSONS;
	u->pick_sel = 0;
}
static void k_servers(struct ui *u)
{
	u->echoview = !u->echoview;
	if (u->echoview) {
		u->capview = u->topo = u->rulesview = false;
		ui_looked(u, NULL, "echo list");
	}
}
static void k_rules(struct ui *u)
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
static void k_delete(struct ui *u) { delete_selected(u); }
static void k_save(struct ui *u) { topo_ui_save_start(u); }
static void k_open(struct ui *u)
{
	if (!refuse_readonly(u))
		topo_ui_open_start(u);
}
static void k_shell(struct ui *u) { open_shell(u); }
static void k_details(struct ui *u) { open_details(u); }
static void k_tab(struct ui *u) { u->focus = (u->focus + 1) % P_COUNT; }
static void k_btab(struct ui *u)
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
static void k_log_taller(struct ui *u) { log_size(u, 2); }
static void k_log_shorter(struct ui *u) { log_size(u, -2); }
static void k_redraw(struct ui *u)
{
	clearok(curscr, TRUE);
	rescan(u);
}

struct keybind {
	int key, alt;
	void (*fn)(struct ui *u);
};

static const struct keybind keys[] = {
	{ 'q', KEY_F(10), k_quit },
	{ '?', KEY_F(1), k_help },
	{ ':', KEY_F(2), k_cmdline },
	{ '/', KEY_F(3), k_filter },
	{ 't', KEY_F(4), k_topo },
	{ 'n', KEY_F(5), k_netns },
	{ 'v', KEY_F(6), k_veth },
	{ 'a', KEY_F(7), k_addr },
	{ 'x', KEY_F(8), k_delete },
	{ 'p', KEY_F(9), k_ping },
	{ 'm', 0, k_move },
	{ 'r', 0, k_route },
	{ 'u', 0, k_up },
	{ 'g', 0, k_lookup },
	{ 'W', 0, k_why },
	{ 's', 0, k_shell },
	{ 'c', 0, k_capture },
	{ 'e', 0, k_echo },
	{ 'S', 0, k_send },
	{ 'E', 0, k_servers },
	{ 'F', 0, k_rules },
	{ 'M', 0, k_nat },
	{ 'i', 0, k_impair },
	{ 'L', 0, k_lessons },
	{ 'N', 0, k_neigh },
	{ 'w', 0, k_save },
	{ 'o', 0, k_open },
	{ KEY_DC, 0, k_delete },
	{ '\n', KEY_ENTER, k_details },
	{ '\r', 0, k_details },
	{ '\t', 0, k_tab },
	{ KEY_BTAB, 0, k_btab },
	{ CTRL('l'), 0, k_redraw },
	{ '+', '=', k_log_taller },
	{ '-', 0, k_log_shorter },
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
	if (u->rulesview && rules_ui_key(u, ch))
		return;
	if (u->capview && cap_key(u, ch))
		return;
	if (u->echoview && echo_ui_key(u, ch))
		return;
	if (!u->topo && lesson_ui_key(u, ch))
		return;
	if (ch == KEY_ESCAPE && u->ping_pid > 0) {
		kill(u->ping_pid, SIGINT);
		return;
	}
	if (u->topo) {
		switch (ch) {
		case KEY_LEFT: case 'h': u->topo_x -= 4; break;
		case KEY_RIGHT: case 'l': u->topo_x += 4; break;
		case KEY_UP: case 'k': u->topo_y -= 2; break;
		case KEY_DOWN: case 'j': u->topo_y += 2; break;
		case KEY_NPAGE: case ']': {
			int f = u->focus; u->focus = P_NS; move_sel(u, 1);
			u->focus = f; break;
		}
		case KEY_PPAGE: case '[': {
			int f = u->focus; u->focus = P_NS; move_sel(u, -1);
			u->focus = f; break;
		}
		case '\t': case KEY_BTAB:   /* the selected box's interfaces */
			topo_next_if(u, ch == '\t' ? 1 : -1);
			break;
		case 'f':               /* follow its wire: the other end */
			topo_other_end(u);
			break;
		case 'c':               /* capture on it */
			cap_open(u);
			u->dirty = true;
			return;
		case 'z':               /* the overview and back */
			u->topo_overview = !u->topo_overview;
			u->topo_x = -1;
			u->dirty = true;
			return;
		case '\n': case '\r': case KEY_ENTER:
			/* the selected namespace's panels */
			u->topo = false;
			u->focus = P_IF;
			u->dirty = true;
			return;
		default:
			goto table;
		}
		if (u->topo_x < 0)
			u->topo_x = 0;
		if (u->topo_y < 0)
			u->topo_y = 0;
		u->dirty = true;
		return;
	}
	switch (ch) {
	case KEY_UP: case 'k': move_sel(u, -1); return;
	case KEY_DOWN: case 'j': move_sel(u, 1); return;
	case KEY_PPAGE: move_sel(u, -10); return;
	case KEY_NPAGE: move_sel(u, 10); return;
	case KEY_HOME: move_sel(u, -100000); return;
	case KEY_END: move_sel(u, 100000); return;
	/* the arrows stop at the edges, as htop's do; Tab wraps */
	case KEY_LEFT:
		if (u->focus > P_NS)
			u->focus--;
		u->dirty = true;
		return;
	case KEY_RIGHT:
		if (u->focus < P_COUNT - 1)
			u->focus++;
		u->dirty = true;
		return;
	}
table:
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
		if (keys[i].key == ch || (keys[i].alt && keys[i].alt == ch)) {
			keys[i].fn(u);
			u->dirty = true;
			return;
		}
	}
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
		/* sized for the world as it is now: every namespace's
		 * event socket, the captures, the echo servers */
		size_t cap = u->w->nns + 16 + UI_MAX_CAPS + ECHOSUP_FDS_GUESS;
		struct pollfd *pfd = xcalloc(cap, sizeof *pfd);
		int *fds = xcalloc(u->w->nns + 8, sizeof *fds);
		int n, nfds = 0, r, ch;

		long long now = ui_now_ms();
		int capfd0, ncap, echofd0, necho, timeout, world_wait;

		/* the lesson's goal, against the world as it now is */
		if (lesson_ui_active(u))
			lesson_ui_check(u, now);
		recount_procs(u, now);
		routers_poll(u, now);
		rules_ui_poll(u, now);
		counters_poll(u, now);
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
		     (u->cap_pending && (u->capview || u->echoview) &&
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
		if (u->cap_pending && !u->capview && !u->echoview)
			u->cap_pending = false;
		pfd[nfds++] = (struct pollfd){ .fd = 0, .events = POLLIN };
		pfd[nfds++] = (struct pollfd){ .fd = sig_pipe[0], .events = POLLIN };
		if (u->ping_fd >= 0)
			pfd[nfds++] = (struct pollfd){ .fd = u->ping_fd,
			                               .events = POLLIN };
		capfd0 = nfds;
		ncap = cap_pollfds(u, pfd + nfds, UI_MAX_CAPS);
		nfds += ncap;
		echofd0 = nfds;
		necho = echo_ui_fds(u, pfd + nfds, ECHOSUP_FDS_GUESS);
		nfds += necho;
		n = ksync_fds(k, fds, (int)u->w->nns + 8);
		for (int i = 0; i < n; i++)
			pfd[nfds++] = (struct pollfd){ .fd = fds[i],
			                               .events = POLLIN };
		/* asleep until something happens, or the process counts
		 * are due; sooner while a namespace is half made, captures
		 * are running or a lesson's goal is being watched */
		timeout = cap_timeout(u, ui_now_ms());
		{
			int lt = lesson_ui_timeout(u, ui_now_ms());
			if (lt >= 0 && (timeout < 0 || lt < timeout))
				timeout = lt;
		}
		{
			int pt = procs_timeout(u, ui_now_ms());
			if (pt >= 0 && (timeout < 0 || pt < timeout))
				timeout = pt;
		}
		{
			int rt = routers_timeout(u, ui_now_ms());
			if (rt >= 0 && (timeout < 0 || rt < timeout))
				timeout = rt;
		}
		{
			int ft = rules_ui_timeout(u, ui_now_ms());
			if (ft >= 0 && (timeout < 0 || ft < timeout))
				timeout = ft;
		}
		{
			int ct = counters_timeout(u, ui_now_ms());
			if (ct >= 0 && (timeout < 0 || ct < timeout))
				timeout = ct;
		}
		if (ksync_pending(k) && (timeout < 0 || timeout > 200))
			timeout = 200;
		if (world_wait >= 0 && (timeout < 0 || world_wait < timeout))
			timeout = world_wait;
		if (u->reading_left)
			timeout = 0;
		r = poll(pfd, (nfds_t)nfds, timeout);
		if (ncap)
			cap_service(u, pfd + capfd0, ncap);
		for (int i = 0; i < necho && r > 0; i++)
			if (pfd[echofd0 + i].revents) {
				echo_ui_dispatch(u);
				break;
			}
		if (r < 0 && errno != EINTR) {
			free(pfd);
			free(fds);
			break;
		}
		/* signals */
		if (r > 0 && (pfd[1].revents & POLLIN)) {
			unsigned char sig;
			while (read(sig_pipe[0], &sig, 1) == 1)
				u->quit = 128 + sig + 1;
		}
		if (u->ping_fd >= 0 && r > 0 && (pfd[2].revents & (POLLIN | POLLHUP)))
			ping_read(u);
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
		free(pfd);
		free(fds);
	}
	status = u->quit > 0 ? u->quit - 1 : 0;
	cap_close_all(u);
	lesson_ui_stop(u);
	free(u->pick_numbers);
	if (u->ping_pid > 0) {
		kill(u->ping_pid, SIGTERM);
		waitpid(u->ping_pid, NULL, 0);
	}
	restore_terminal();
	for (int i = 0; i < u->nlog; i++)
		free(u->log[i].text);
	for (int i = 0; i < u->nhist; i++)
		free(u->hist[i]);
	if (u->ping_fd >= 0)
		close(u->ping_fd);
	topo_ui_apply_free(u);
	routers_free(u);
	rules_ui_free(u);
	rates_set_free(&u->rates);
	free(u->details);
	free(u->nprocs);
	hmap_free(&u->procs_ix);
	free(u->busy_dev);
	free(u->busy_ino);
	exec_done(&u->x);
	free(u);
	return status;
}
