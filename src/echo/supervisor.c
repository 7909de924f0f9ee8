/* SPDX-License-Identifier: GPL-2.0-or-later */
/* supervisor.c - echo servers as child processes inside namespaces, owned
 * by one nsviz session (see echosup.h for the contract).
 *
 * Reaping.  The SIGCHLD handler waits only for the pids in the slot table
 * below, so it never steals the status of other children (netns exec
 * waits for its own).  Normal code touches the table with SIGCHLD
 * blocked, so the handler and the supervisor never reap the same child
 * twice or lose a status.
 *
 * A deleted namespace does not end the processes in it: the server would
 * keep it alive, unseen by anyone.  So the supervisor watches /run/netns
 * (inotify, and a check of every server's namespace at each dispatch) and
 * stops a server whose namespace is no longer there under its name.
 */
#include "echo/echosup.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "kernel/kernel.h"
#include "util/sbuf.h"

extern char **environ;

struct echosup_priv {
	int slot;                   /* in the reap table */
	int logfd;                  /* pipe from the server; -1 after EOF */
	int pidfd;                  /* -1 when the kernel has none */
	struct echo_stats *st;      /* shared with the server */
	char part[ECHOSUP_LINE_MAX];/* a line not complete yet */
	size_t partlen;
	bool cutting;               /* skipping the rest of a long line */
	char *lines[ECHOSUP_LOG_KEEP];
	size_t first, nlines;
};

struct echosup {
	struct echo_server **srv;
	size_t n, cap;
	int next_id;
	echosup_handler fn;
	void *ctx;
	struct sbuf notices;
	int nnotices;
	int ino_fd;                 /* inotify on /run/netns, -1 = none */
};

/* ---- the reap table ---------------------------------------------------------- */

static struct {
	volatile pid_t pid;         /* 0 = free */
	volatile int status;
	volatile sig_atomic_t done;
} slots[ECHOSUP_MAX];

static void on_sigchld(int sig)
{
	int saved = errno;

	(void)sig;
	for (int i = 0; i < ECHOSUP_MAX; i++) {
		pid_t pid = slots[i].pid;
		int st;

		if (pid > 0 && !slots[i].done &&
		    waitpid(pid, &st, WNOHANG) == pid) {
			slots[i].status = st;
			slots[i].done = 1;
		}
	}
	errno = saved;
}

static void chld_block(sigset_t *old)
{
	sigset_t m;

	sigemptyset(&m);
	sigaddset(&m, SIGCHLD);
	sigprocmask(SIG_BLOCK, &m, old);
}

static void chld_restore(const sigset_t *old)
{
	sigprocmask(SIG_SETMASK, old, NULL);
}

static void install_handler(void)
{
	static bool done;
	struct sigaction sa;

	if (done)
		return;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_sigchld;
	sa.sa_flags = SA_RESTART | SA_NOCLDSTOP;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGCHLD, &sa, NULL);
	done = true;
}

/* Has the server ended?  Reaps it if it has; SIGCHLD blocked inside. */
static bool reaped(const struct echo_server *srv, int *status)
{
	int i = srv->priv->slot;
	sigset_t old;
	bool r;

	chld_block(&old);
	if (!slots[i].done) {
		int st;

		if (waitpid(slots[i].pid, &st, WNOHANG) == slots[i].pid) {
			slots[i].status = st;
			slots[i].done = 1;
		}
	}
	r = slots[i].done;
	if (r && status)
		*status = slots[i].status;
	chld_restore(&old);
	return r;
}

/* Signal the server unless it is already reaped (its pid may be reused). */
static void signal_server(const struct echo_server *srv, int sig)
{
	int i = srv->priv->slot;
	sigset_t old;

	chld_block(&old);
	if (!slots[i].done)
		kill(slots[i].pid, sig);
	chld_restore(&old);
}

static int64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Wait until the server has ended, at most until deadline (-1: forever). */
static bool wait_end(const struct echo_server *srv, int64_t deadline,
                     int *status)
{
	for (;;) {
		int64_t left;

		if (reaped(srv, status))
			return true;
		left = deadline < 0 ? 50 : deadline - now_ms();
		if (left <= 0)
			return false;
		if (srv->priv->pidfd >= 0) {
			struct pollfd p = { .fd = srv->priv->pidfd,
			                    .events = POLLIN };

			poll(&p, 1, left > 50 ? 50 : (int)left);
		} else {
			struct timespec ts = { 0, 2 * 1000000 };

			nanosleep(&ts, NULL);
		}
	}
}

/* ---- log lines ---------------------------------------------------------------- */

static void deliver(struct echosup *s, enum echosup_event_type type,
                    const struct echo_server *srv, const char *text)
{
	struct echosup_event ev = { type, srv, text };

	if (s->fn) {
		s->fn(s->ctx, &ev);
	} else if (type == ECHOSUP_DIED || type == ECHOSUP_NS_GONE) {
		sbuf_printf(&s->notices, "%s\n", text);
		s->nnotices++;
	}
}

static void keep_line(struct echosup *s, struct echo_server *srv,
                      const char *line, bool emit)
{
	struct echosup_priv *p = srv->priv;
	size_t at;

	if (p->nlines == ECHOSUP_LOG_KEEP) {
		free(p->lines[p->first]);
		p->lines[p->first] = NULL;
		p->first = (p->first + 1) % ECHOSUP_LOG_KEEP;
		p->nlines--;
	}
	at = (p->first + p->nlines) % ECHOSUP_LOG_KEEP;
	p->lines[at] = xstrdup(line);
	p->nlines++;
	if (emit)
		deliver(s, ECHOSUP_LOG, srv, p->lines[at]);
}

static void take_bytes(struct echosup *s, struct echo_server *srv,
                       const char *buf, size_t n, bool emit)
{
	struct echosup_priv *p = srv->priv;

	for (size_t i = 0; i < n; i++) {
		char c = buf[i];

		if (c == '\n') {
			if (!p->cutting || p->partlen) {
				p->part[p->partlen] = '\0';
				keep_line(s, srv, p->part, emit);
			}
			p->partlen = 0;
			p->cutting = false;
		} else if (p->cutting) {
			continue;
		} else if (p->partlen + 4 >= sizeof p->part) {
			/* too long to keep whole: cut, mark, skip the rest */
			memcpy(p->part + p->partlen, "...", 3);
			p->partlen += 3;
			p->part[p->partlen] = '\0';
			keep_line(s, srv, p->part, emit);
			p->partlen = 0;
			p->cutting = true;
		} else {
			p->part[p->partlen++] = c;
		}
	}
}

/* Read what the pipe holds (a busy server's log at most a pipe's worth
 * per call, so one server cannot hold the caller's loop).  Returns true
 * at end of file. */
static bool read_log(struct echosup *s, struct echo_server *srv, bool emit)
{
	struct echosup_priv *p = srv->priv;
	char buf[8192];
	size_t total = 0;

	while (p->logfd >= 0) {
		ssize_t r;

		if (total >= (1u << 20))
			return false;
		r = read(p->logfd, buf, sizeof buf);
		if (r > 0) {
			take_bytes(s, srv, buf, (size_t)r, emit);
			total += (size_t)r;
			continue;
		}
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0 && errno == EAGAIN)
			return false;
		/* EOF (or an error: the same, nothing more will come) */
		if (p->partlen) {
			p->part[p->partlen] = '\0';
			keep_line(s, srv, p->part, emit);
			p->partlen = 0;
		}
		close(p->logfd);
		p->logfd = -1;
	}
	return true;
}

/* ---- bookkeeping -------------------------------------------------------------- */

static void describe(const struct echo_server *srv, struct sbuf *b)
{
	sbuf_printf(b, "echo %d (%s %s in %s%s, pid %d)", srv->id,
	            echo_proto_name(srv->opts.proto), srv->listen,
	            srv->ns[0] ? "namespace " : "the host namespace",
	            srv->ns, (int)srv->pid);
}

static void server_free(struct echo_server *srv)
{
	struct echosup_priv *p = srv->priv;
	sigset_t old;

	if (p->logfd >= 0)
		close(p->logfd);
	if (p->pidfd >= 0)
		close(p->pidfd);
	if (p->st)
		munmap(p->st, sizeof *p->st);
	for (size_t k = 0; k < p->nlines; k++)
		free(p->lines[(p->first + k) % ECHOSUP_LOG_KEEP]);
	chld_block(&old);
	slots[p->slot].pid = 0;
	slots[p->slot].done = 0;
	chld_restore(&old);
	free(p);
	free(srv);
}

static void remove_at(struct echosup *s, size_t i)
{
	server_free(s->srv[i]);
	memmove(s->srv + i, s->srv + i + 1, (s->n - i - 1) * sizeof *s->srv);
	s->n--;
}

static size_t index_of(const struct echosup *s, int id)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->srv[i]->id == id)
			return i;
	return (size_t)-1;
}

/* SIGTERM, a grace period, then SIGKILL; reaps.  Status in *status. */
static void stop_and_reap(struct echo_server *srv, int *status)
{
	signal_server(srv, SIGTERM);
	if (!wait_end(srv, now_ms() + ECHOSUP_STOP_WAIT_MS, status)) {
		signal_server(srv, SIGKILL);
		wait_end(srv, -1, status);
	}
}

/* ---- public --------------------------------------------------------------------- */

struct echosup *echosup_new(void)
{
	struct echosup *s = xcalloc(1, sizeof *s);

	s->next_id = 1;
	s->ino_fd = -1;
	return s;
}

void echosup_free(struct echosup *s)
{
	int64_t deadline;

	if (!s)
		return;
	/* all at once: one grace period for everyone */
	for (size_t i = 0; i < s->n; i++)
		signal_server(s->srv[i], SIGTERM);
	deadline = now_ms() + ECHOSUP_STOP_WAIT_MS;
	for (size_t i = 0; i < s->n; i++) {
		if (!wait_end(s->srv[i], deadline, NULL)) {
			signal_server(s->srv[i], SIGKILL);
			wait_end(s->srv[i], -1, NULL);
		}
	}
	while (s->n)
		remove_at(s, s->n - 1);
	free(s->srv);
	if (s->ino_fd >= 0)
		close(s->ino_fd);
	sbuf_free(&s->notices);
	free(s);
}

static struct echosup *session;
static pid_t session_pid;

static void session_end(void)
{
	/* only the process that made it: never a forked child */
	if (session && getpid() == session_pid) {
		echosup_free(session);
		session = NULL;
	}
}

struct echosup *echosup_session(void)
{
	static bool registered;

	if (!session) {
		session = echosup_new();
		session_pid = getpid();
		if (!registered) {
			atexit(session_end);
			registered = true;
		}
	}
	return session;
}

struct echosup *echosup_session_existing(void)
{
	return session;
}

void echosup_set_handler(struct echosup *s, echosup_handler fn, void *ctx)
{
	s->fn = fn;
	s->ctx = ctx;
}

int echosup_take_notices(struct echosup *s, struct sbuf *out)
{
	int n = s->nnotices;

	if (n)
		sbuf_add(out, sbuf_str(&s->notices));
	sbuf_reset(&s->notices);
	s->nnotices = 0;
	return n;
}

size_t echosup_count(const struct echosup *s)
{
	return s->n;
}

const struct echo_server *echosup_at(const struct echosup *s, size_t i)
{
	return i < s->n ? s->srv[i] : NULL;
}

const struct echo_server *echosup_find(const struct echosup *s, int id)
{
	size_t i = index_of(s, id);

	return i == (size_t)-1 ? NULL : s->srv[i];
}

void echo_server_counts(const struct echo_server *srv,
                        struct echo_counts *out)
{
	const struct echo_stats *st = srv->priv->st;

	memset(out, 0, sizeof *out);
	if (!st || __atomic_load_n(&st->magic, __ATOMIC_RELAXED) !=
	           ECHO_STATS_MAGIC)
		return;
	out->conns = __atomic_load_n(&st->conns, __ATOMIC_RELAXED);
	out->conns_total = __atomic_load_n(&st->conns_total, __ATOMIC_RELAXED);
	out->msgs = __atomic_load_n(&st->msgs, __ATOMIC_RELAXED);
	out->bytes = __atomic_load_n(&st->bytes, __ATOMIC_RELAXED);
	out->log_dropped = __atomic_load_n(&st->log_dropped, __ATOMIC_RELAXED);
}

size_t echo_server_log_count(const struct echo_server *srv)
{
	return srv->priv->nlines;
}

const char *echo_server_log_line(const struct echo_server *srv, size_t i)
{
	const struct echosup_priv *p = srv->priv;

	if (i >= p->nlines)
		return NULL;
	return p->lines[(p->first + i) % ECHOSUP_LOG_KEEP];
}

int echosup_fds(struct echosup *s, struct pollfd *pfd, int max)
{
	int n = 0;

	if (s->ino_fd >= 0 && n < max) {
		pfd[n].fd = s->ino_fd;
		pfd[n].events = POLLIN;
		pfd[n++].revents = 0;
	}
	for (size_t i = 0; i < s->n; i++) {
		struct echosup_priv *p = s->srv[i]->priv;

		if (p->logfd >= 0 && n < max) {
			pfd[n].fd = p->logfd;
			pfd[n].events = POLLIN;
			pfd[n++].revents = 0;
		}
		if (p->pidfd >= 0 && n < max) {
			pfd[n].fd = p->pidfd;
			pfd[n].events = POLLIN;
			pfd[n++].revents = 0;
		}
	}
	return n;
}

/* Is the server's namespace still there under its name? */
static bool ns_present(const struct echo_server *srv)
{
	char path[PATH_MAX];
	struct stat st;

	snprintf(path, sizeof path, NETNS_RUN_DIR "/%s", srv->ns);
	if (stat(path, &st) < 0)
		return errno != ENOENT && errno != ENOTDIR;
	return st.st_dev == srv->ns_dev && st.st_ino == srv->ns_ino;
}

void echosup_dispatch(struct echosup *s)
{
	if (s->ino_fd >= 0) {
		char buf[4096];

		while (read(s->ino_fd, buf, sizeof buf) > 0)
			;   /* which name does not matter: every server is checked */
	}
	for (size_t i = 0; i < s->n;) {
		struct echo_server *srv = s->srv[i];
		struct sbuf t = SBUF_INIT;
		int status;

		read_log(s, srv, true);
		if (reaped(srv, &status)) {
			read_log(s, srv, true);
			describe(srv, &t);
			sbuf_add(&t, " died: ");
			echo_fmt_exit(&t, status);
			deliver(s, ECHOSUP_DIED, srv, sbuf_str(&t));
			sbuf_free(&t);
			remove_at(s, i);
			continue;
		}
		if (srv->ns[0] && !ns_present(srv)) {
			stop_and_reap(srv, &status);
			read_log(s, srv, true);
			describe(srv, &t);
			sbuf_printf(&t, ": namespace %s was deleted; server "
			            "stopped", srv->ns);
			deliver(s, ECHOSUP_NS_GONE, srv, sbuf_str(&t));
			sbuf_free(&t);
			remove_at(s, i);
			continue;
		}
		i++;
	}
}

int echosup_stop(struct echosup *s, int id)
{
	size_t i = index_of(s, id);
	struct echo_server *srv;
	struct sbuf t = SBUF_INIT;
	int status = 0;

	if (i == (size_t)-1)
		return -1;
	srv = s->srv[i];
	stop_and_reap(srv, &status);
	read_log(s, srv, true);
	describe(srv, &t);
	sbuf_add(&t, " stopped");
	deliver(s, ECHOSUP_STOPPED, srv, sbuf_str(&t));
	sbuf_free(&t);
	remove_at(s, i);
	return 0;
}

/* ---- starting one ---------------------------------------------------------------- */

/* The server's command line: what ps shows, and what echo_cli parses. */
static char **server_argv(const struct echo_opts *o, char store[][64])
{
	static char *argv[16];
	int n = 0, k = 0;
	char ab[64];

	argv[n++] = "nsviz";
	argv[n++] = "echo";
	argv[n++] = (char *)echo_proto_name(o->proto);
	argv[n++] = "--port";
	snprintf(store[k], 64, "%u", o->port);
	argv[n++] = store[k++];
	if (o->bind.family) {
		argv[n++] = "--bind";
		snprintf(store[k], 64, "%s", w_ip_str(&o->bind, ab, sizeof ab));
		argv[n++] = store[k++];
	}
	if (o->idle != ECHO_IDLE_DEFAULT) {
		argv[n++] = "--idle";
		snprintf(store[k], 64, "%.17g", o->idle);
		argv[n++] = store[k++];
	}
	if (o->max_conns != ECHO_MAX_CONNS_DEFAULT) {
		argv[n++] = "--max-conns";
		snprintf(store[k], 64, "%u", o->max_conns);
		argv[n++] = store[k++];
	}
	if (o->max_msg != ECHO_MAX_MSG_DEFAULT) {
		argv[n++] = "--max-msg";
		snprintf(store[k], 64, "%u", o->max_msg);
		argv[n++] = store[k++];
	}
	argv[n] = NULL;
	return argv;
}

/* Move fd out of the way of 0..3 (the child's fixed places). */
static int high_fd(int fd)
{
	int h = fcntl(fd, F_DUPFD_CLOEXEC, 10);

	close(fd);
	return h;
}

static void child(int nsfd, int logw, int memfd, pid_t parent,
                  char **argv)
{
	sigset_t none;
	int null;

	/* a session of its own: ^C at nsviz's prompt is not for it */
	setsid();
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	signal(SIGCHLD, SIG_DFL);
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	signal(SIGHUP, SIG_DFL);
	signal(SIGPIPE, SIG_DFL);
	/* nsviz killed: the server goes too */
	prctl(PR_SET_PDEATHSIG, SIGTERM);
	if (getppid() != parent)
		_exit(1);
	dup2(logw, 1);
	dup2(logw, 2);
	/* not into the namespace it is in: that needs CAP_SYS_ADMIN too,
	 * and a user without privileges may run a server in their own */
	if (nsfd >= 0 && !kns_is_current(nsfd) &&
	    setns(nsfd, CLONE_NEWNET) < 0) {
		fprintf(stderr, "nsviz echo: cannot enter the namespace: %s\n",
		        strerror(errno));
		_exit(126);
	}
	null = open("/dev/null", O_RDONLY);
	if (null >= 0 && null != 0) {
		dup2(null, 0);
		close(null);
	}
	if (dup2(memfd, 3) < 0)
		_exit(126);
	syscall(SYS_close_range, 4u, ~0u, 0u);
	setenv(ECHO_ENV_STATS_FD, "3", 1);
	execve("/proc/self/exe", argv, environ);
	fprintf(stderr, "nsviz echo: cannot run /proc/self/exe: %s\n",
	        strerror(errno));
	_exit(127);
}

/* Read the server's first words: "listening at" (true), or its error. */
static bool await_listening(struct echosup *s, struct echo_server *srv,
                            struct sbuf *err)
{
	struct echosup_priv *p = srv->priv;
	int64_t deadline = now_ms() + ECHOSUP_START_WAIT_MS;
	size_t seen = 0;
	int64_t left;
	int status;

	for (;;) {
		struct pollfd pf[2];
		int n = 0;
		bool eof = read_log(s, srv, false);

		for (; seen < p->nlines; seen++)
			if (strstr(echo_server_log_line(srv, seen),
			           " listening at "))
				return true;
		if (eof)
			break;
		if (now_ms() >= deadline) {
			sbuf_printf(err, "the server did not start listening "
			            "within %d ms", ECHOSUP_START_WAIT_MS);
			return false;
		}
		pf[n].fd = p->logfd;
		pf[n++].events = POLLIN;
		if (p->pidfd >= 0) {
			pf[n].fd = p->pidfd;
			pf[n++].events = POLLIN;
		}
		left = deadline - now_ms();
		poll(pf, (nfds_t)n, left < 0 ? 0 : (int)left);
		if (reaped(srv, NULL)) {
			/* gone: its last words are in the pipe already */
			read_log(s, srv, false);
			for (; seen < p->nlines; seen++)
				if (strstr(echo_server_log_line(srv, seen),
				           " listening at "))
					return true;
			break;
		}
	}
	/* it ended: what it said is the reason */
	for (size_t k = 0; k < p->nlines; k++) {
		const char *l = echo_server_log_line(srv, k);

		if (!strncmp(l, "nsviz echo: ", 12))
			l += 12;
		sbuf_printf(err, "%s%s", k ? "; " : "", l);
	}
	if (wait_end(srv, now_ms() + ECHOSUP_STOP_WAIT_MS, &status) &&
	    !p->nlines) {
		sbuf_add(err, "the server ");
		echo_fmt_exit(err, status);
	} else if (!p->nlines) {
		sbuf_add(err, "the server closed its output without listening");
	}
	return false;
}

const struct echo_server *echosup_start(struct echosup *s, int nsfd,
                                        const char *ns,
                                        const struct echo_opts *o,
                                        struct sbuf *err)
{
	struct echo_server *srv;
	struct echosup_priv *p;
	char store[8][64];
	char **argv;
	struct stat st;
	struct sbuf lb = SBUF_INIT;
	int pfd[2], memfd, slot = -1;
	sigset_t old;
	pid_t pid, parent = getpid();

	if (s->n >= ECHOSUP_MAX) {
		sbuf_printf(err, "too many echo servers (at most %d in one "
		            "session)", ECHOSUP_MAX);
		return NULL;
	}
	if (fstat(nsfd, &st) < 0) {
		sbuf_printf(err, "namespace: %s", strerror(errno));
		return NULL;
	}
	memfd = memfd_create("nsviz-echo-stats", MFD_CLOEXEC);
	if (memfd < 0 || ftruncate(memfd, 4096) < 0) {
		sbuf_printf(err, "memfd: %s", strerror(errno));
		if (memfd >= 0)
			close(memfd);
		return NULL;
	}
	if (pipe2(pfd, O_CLOEXEC) < 0) {
		sbuf_printf(err, "pipe: %s", strerror(errno));
		close(memfd);
		return NULL;
	}
	memfd = high_fd(memfd);
	pfd[1] = high_fd(pfd[1]);
	fcntl(pfd[0], F_SETFL, O_NONBLOCK);
	/* room for a burst of log lines while nobody reads */
	fcntl(pfd[0], F_SETPIPE_SZ, 1 << 20);

	srv = xcalloc(1, sizeof *srv);
	p = xcalloc(1, sizeof *p);
	srv->priv = p;
	srv->id = s->next_id;
	snprintf(srv->ns, sizeof srv->ns, "%s", ns);
	srv->ns_dev = st.st_dev;
	srv->ns_ino = st.st_ino;
	srv->opts = *o;
	echo_fmt_addr_port(&lb, &o->bind, o->port);
	snprintf(srv->listen, sizeof srv->listen, "%s", sbuf_str(&lb));
	sbuf_free(&lb);
	p->logfd = pfd[0];
	p->pidfd = -1;
	p->st = mmap(NULL, sizeof *p->st, PROT_READ | PROT_WRITE, MAP_SHARED,
	             memfd, 0);
	if (p->st == MAP_FAILED)
		p->st = NULL;

	if (ns[0] && s->ino_fd < 0) {
		s->ino_fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
		if (s->ino_fd >= 0 &&
		    inotify_add_watch(s->ino_fd, NETNS_RUN_DIR,
		                      IN_DELETE | IN_MOVED_FROM) < 0) {
			close(s->ino_fd);
			s->ino_fd = -1;
		}
	}
	argv = server_argv(o, store);
	install_handler();
	fflush(stdout);
	fflush(stderr);

	chld_block(&old);
	for (int i = 0; i < ECHOSUP_MAX; i++) {
		if (!slots[i].pid) {
			slot = i;
			break;
		}
	}
	pid = slot < 0 ? -1 : fork();
	if (pid == 0)
		child(nsfd, pfd[1], memfd, parent, argv);
	if (pid > 0) {
		slots[slot].pid = pid;
		slots[slot].done = 0;
		p->slot = slot;
		srv->pid = pid;
		p->pidfd = (int)syscall(SYS_pidfd_open, pid, 0);
		if (p->pidfd >= 0)
			fcntl(p->pidfd, F_SETFD, FD_CLOEXEC);
	}
	chld_restore(&old);
	close(pfd[1]);
	close(memfd);
	if (pid < 0) {
		sbuf_printf(err, "fork: %s", slot < 0 ? "no free slot"
		                                      : strerror(errno));
		close(p->logfd);
		if (p->st)
			munmap(p->st, sizeof *p->st);
		free(p);
		free(srv);
		return NULL;
	}

	if (!await_listening(s, srv, err)) {
		stop_and_reap(srv, NULL);
		server_free(srv);
		return NULL;
	}
	s->next_id++;
	xgrow((void **)&s->srv, &s->cap, s->n + 1, sizeof *s->srv);
	s->srv[s->n++] = srv;
	/* the lines read while starting, for a handler that shows them */
	for (size_t k = 0; k < p->nlines; k++)
		deliver(s, ECHOSUP_LOG, srv, echo_server_log_line(srv, k));
	return srv;
}
