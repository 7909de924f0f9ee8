/* SPDX-License-Identifier: GPL-2.0-or-later */
/* echosup.h - echo servers running as child processes inside network
 * namespaces, for one nsviz session: the registry that `echo tcp|udp`,
 * `echo list|stop|log` and the UI share.
 *
 * A server is nsviz's own binary (/proc/self/exe) run as `nsviz echo tcp
 * --port P ...` after fork + setns into the namespace, in a session of its
 * own (so ^C at the prompt does not reach it), with stdin on /dev/null and
 * stdout + stderr on a pipe to the supervisor.  It shows up in `netns pids
 * NS` and in ps(1) as what it is.  Its counters (connections, messages)
 * are in a page it shares with the supervisor; its log lines come back
 * through the pipe and the last ECHOSUP_LOG_KEEP of them are kept.
 *
 * Servers belong to the session that started them: they are stopped when
 * it ends (echosup_free; at exit for the session's supervisor; and
 * PR_SET_PDEATHSIG should nsviz be killed).  `ip netns exec NS nsviz echo
 * tcp` runs one on its own.
 *
 * For a poll loop (the UI):
 *
 *     struct echosup *sup = echosup_session();
 *     echosup_set_handler(sup, on_echo_event, ui);
 *     for (;;) {
 *         n = ...; n += echosup_fds(sup, pfd + n, MAX - n);  (every time:
 *                                            the set changes)
 *         poll(pfd, n, timeout);
 *         if (any of the echosup fds is ready) echosup_dispatch(sup);
 *     }
 *
 * echosup_dispatch never blocks for long: it reads what the pipes hold,
 * reaps servers that ended and stops those whose namespace was deleted
 * (waiting at most ECHOSUP_STOP_WAIT_MS for each before SIGKILL).
 *
 * No zombies: a SIGCHLD handler (installed with the first server, with
 * SA_RESTART) reaps servers the moment they end, even while nobody calls
 * dispatch; it only ever waits for the supervisor's own pids.  A caller
 * that blocks SIGCHLD (a signalfd) still gets each end through the
 * server's pidfd, which is among the fds.
 */
#ifndef NSVIZ_ECHOSUP_H
#define NSVIZ_ECHOSUP_H

#include <poll.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "echo/echo.h"

struct sbuf;
struct echosup;

#define ECHOSUP_MAX          256    /* servers at once, per session */
#define ECHOSUP_LOG_KEEP     200    /* log lines kept per server */
#define ECHOSUP_LINE_MAX     2048   /* longer log lines are cut */
#define ECHOSUP_START_WAIT_MS 3000  /* for "listening at" */
#define ECHOSUP_STOP_WAIT_MS 1000   /* after SIGTERM, before SIGKILL */

/* A running server.  Read-only for callers; valid until the event that
 * removes it has been delivered (or echosup_stop returned). */
struct echo_server {
	int id;                     /* 1, 2, ... never reused in a session */
	char ns[W_NSNAME_MAX];      /* its named namespace; "" = the host */
	dev_t ns_dev;               /* the namespace's identity (nsfs) */
	ino_t ns_ino;
	struct echo_opts opts;
	pid_t pid;
	char listen[80];            /* "0.0.0.0:4078" */
	struct echosup_priv *priv;  /* the supervisor's business */
};

struct echo_counts {
	unsigned conns;             /* open now (TCP) */
	uint64_t conns_total;
	uint64_t msgs;              /* messages answered */
	uint64_t bytes;
	uint64_t log_dropped;       /* lines lost while nobody read the log */
};

enum echosup_event_type {
	ECHOSUP_LOG,                /* the server logged a line (text) */
	ECHOSUP_DIED,               /* it ended by itself or was killed by
	                             * someone else; it is being removed */
	ECHOSUP_NS_GONE,            /* its namespace was deleted: nsviz
	                             * stopped it; it is being removed */
	ECHOSUP_STOPPED,            /* echosup_stop: it is being removed */
};

struct echosup_event {
	enum echosup_event_type type;
	const struct echo_server *srv;
	/* LOG: the line, without its newline.  Others: a sentence for the
	 * user, "echo 1 (tcp 0.0.0.0:4078 in namespace vnet, pid 812) died:
	 * killed by signal 9 (SIGKILL)". */
	const char *text;
};

/* Called from echosup_dispatch, echosup_start and echosup_stop.  It may
 * read the registry but must not start or stop servers. */
typedef void (*echosup_handler)(void *ctx, const struct echosup_event *ev);

struct echosup *echosup_new(void);
/* Stops every server (SIGTERM, then SIGKILL after ECHOSUP_STOP_WAIT_MS)
 * and reaps it; no events are delivered. */
void echosup_free(struct echosup *s);

/* The session's supervisor, made on first use; its servers are stopped at
 * exit.  _existing() is NULL while no server was ever started. */
struct echosup *echosup_session(void);
struct echosup *echosup_session_existing(void);

/* Events go to fn.  Without a handler, the DIED and NS_GONE sentences are
 * queued for echosup_take_notices (the CLI prints them before its next
 * command's output); log lines are only kept. */
void echosup_set_handler(struct echosup *s, echosup_handler fn, void *ctx);
/* Append queued notices to out, one a line; returns how many. */
int echosup_take_notices(struct echosup *s, struct sbuf *out);

/* Start a server in the namespace behind nsfd (an nsfs fd; ns is its name,
 * "" for the host namespace, whose deletion is then not watched).  Waits
 * until it listens (ECHOSUP_START_WAIT_MS at most).  Returns the new
 * server, or NULL with err set: "cannot listen at 0.0.0.0:4078 (tcp):
 * Address already in use". */
const struct echo_server *echosup_start(struct echosup *s, int nsfd,
                                        const char *ns,
                                        const struct echo_opts *o,
                                        struct sbuf *err);
/* Stop server id (SIGTERM, then SIGKILL), reap it, deliver STOPPED.
 * -1 when there is no such server. */
int echosup_stop(struct echosup *s, int id);

size_t echosup_count(const struct echosup *s);
const struct echo_server *echosup_at(const struct echosup *s, size_t i);
const struct echo_server *echosup_find(const struct echosup *s, int id);

void echo_server_counts(const struct echo_server *srv,
                        struct echo_counts *out);
/* The kept log lines, 0 = the oldest kept. */
size_t echo_server_log_count(const struct echo_server *srv);
const char *echo_server_log_line(const struct echo_server *srv, size_t i);

/* The descriptors to poll (POLLIN): each server's log pipe and pidfd and
 * the inotify watch on /run/netns.  Returns how many were written
 * (at most max). */
int echosup_fds(struct echosup *s, struct pollfd *pfd, int max);
/* Read, reap and check, without waiting; deliver events. */
void echosup_dispatch(struct echosup *s);

#endif
