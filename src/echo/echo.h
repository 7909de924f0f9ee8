/* SPDX-License-Identifier: GPL-2.0-or-later */
/* echo.h - the tutorial's echo servers, in C and better, and the client
 * that talks to them (doc/ARCHITECTURE.md, "Echo servers").
 *
 *   format.c      pure: timestamps, log lines, Go-style quoting of payloads
 *   server.c      `nsviz echo tcp|udp`: one process, one epoll loop, many
 *                 clients, in the current network namespace
 *   client.c      `send`: one message, one reply, a person's error message
 *   supervisor.c  servers as child processes inside namespaces, owned by
 *                 one nsviz session (echosup.h)
 *
 * The protocol is the tutorial's (seed/echo-server-behaviour.md): every
 * read of at most max_msg bytes is one message; it is logged as
 * `2020/06/10 11:06:50 received: "hello" (size_bytes=6)` and answered with
 * `[2020-06-10 11:06:50] ` followed by the bytes exactly as received.
 */
#ifndef NSVIZ_ECHO_H
#define NSVIZ_ECHO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "world/world.h"

struct sbuf;

#define ECHO_PORT_DEFAULT      4078
#define ECHO_IDLE_DEFAULT      5.0      /* seconds; 0 = never close */
#define ECHO_MAX_CONNS_DEFAULT 16384
#define ECHO_MAX_MSG_DEFAULT   4096     /* bytes per read, as the Go server */
#define ECHO_TIMEOUT_DEFAULT   5.0      /* send: seconds for the exchange */
#define ECHO_MAX_CONNS_MAX     1048576
#define ECHO_MAX_MSG_MAX       1048576
#define ECHO_SECONDS_MAX       86400.0
#define ECHO_MESSAGE_MAX       1048576  /* send: longest MESSAGE */
#define ECHO_UDP_PAYLOAD_MAX   65507    /* IPv4: 65535 - 20 - 8 */
#define ECHO_LOG_PAYLOAD_MAX   256      /* bytes of one message logged */

/* "2020/06/10 11:06:50 " (Go's log) and "[2020-06-10 11:06:50] " */
#define ECHO_LOG_PREFIX_LEN   20
#define ECHO_REPLY_PREFIX_LEN 22

enum echo_proto { ECHO_TCP = 1, ECHO_UDP = 2 };

struct echo_opts {
	enum echo_proto proto;
	unsigned port;          /* 1..65535 */
	struct w_ip bind;       /* family 0 = 0.0.0.0 */
	double idle;            /* seconds without progress; 0 = never */
	unsigned max_conns;     /* open TCP connections at once */
	unsigned max_msg;       /* bytes per read: one message */
};

void echo_opts_default(struct echo_opts *o, enum echo_proto proto);

const char *echo_proto_name(enum echo_proto p);   /* "tcp", "udp" */

/* ---- format.c: pure ------------------------------------------------------ */

/* The two timestamps, local time as the caller gives it.  out must hold
 * ECHO_LOG_PREFIX_LEN + 1 (resp. ECHO_REPLY_PREFIX_LEN + 1) bytes. */
void echo_log_prefix(const struct tm *tm, char *out);
void echo_reply_prefix(const struct tm *tm, char *out);

/* Go's strings.TrimSpace on bytes: *start and *len of what is left. */
void echo_trim(const uint8_t *p, size_t n, size_t *start, size_t *len);

/* Go's %q: the bytes between double quotes, with \" \\ \a \b \f \n \r \t
 * \v, \xNN for other control bytes and for bytes that are not UTF-8, and
 * \uNNNN / \UNNNNNNNN for invisible or unsafe characters (C1 controls,
 * spaces other than ' ', format and bidi controls, private use,
 * noncharacters).  Whatever comes in, what comes out is printable and
 * cannot move a terminal's cursor. */
void echo_quote(struct sbuf *b, const uint8_t *p, size_t n);

/* `received: "hello" (size_bytes=6)`: the payload trimmed and quoted,
 * the size as read.  At most ECHO_LOG_PAYLOAD_MAX bytes of the trimmed
 * payload are quoted (cut before a UTF-8 character that would not fit),
 * followed by ` (+M bytes)` for the rest, so a log is never much
 * larger than its messages' count.  No prefix, no newline. */
void echo_fmt_received(struct sbuf *b, const uint8_t *p, size_t n);

/* `listening at 0.0.0.0:4078 (tcp)...`, `listening at [::]:4078 (udp)...` */
void echo_fmt_listening(struct sbuf *b, const struct w_ip *bind,
                        unsigned port, enum echo_proto proto);

/* "0.0.0.0:4078" or "[fe80::1]:4078" */
void echo_fmt_addr_port(struct sbuf *b, const struct w_ip *ip, unsigned port);

/* How a child ended, from its wait status: "exited with status 1",
 * "killed by signal 9 (SIGKILL)". */
void echo_fmt_exit(struct sbuf *b, int status);

/* ---- shared counters ---------------------------------------------------- */

/* A server started by the supervisor keeps these in a page it shares with
 * the supervisor (a memfd), so `echo list` reads them without asking. */
struct echo_stats {
	uint32_t magic;
	uint32_t conns;         /* open now */
	uint64_t conns_total;
	uint64_t msgs;
	uint64_t bytes;
	uint64_t log_dropped;   /* log lines nobody was there to read */
};
#define ECHO_STATS_MAGIC 0x6563686fu   /* "echo" */

/* The supervisor passes the stats fd to the server in this variable. */
#define ECHO_ENV_STATS_FD "NSVIZ_ECHO_STATS_FD"

/* ---- server.c ------------------------------------------------------------ */

/* Run the server in the current network namespace until SIGTERM, SIGINT
 * or SIGHUP.  Logs go to stdout (errors to stderr).  Returns the exit
 * status: 0 after a clean stop, 1 when it could not start. */
int echo_serve(const struct echo_opts *o);

/* ---- client.c ------------------------------------------------------------ */

struct echo_send_req {
	enum echo_proto proto;
	struct w_ip dst;
	unsigned port;
	const char *message;    /* sent followed by "\n", as echo(1) | nc */
	size_t len;
	double timeout;         /* seconds, for the whole exchange */
};

/* Send one message from the current namespace and collect the reply.
 * 0: reply holds what came back; 1: err says why nothing did
 * ("connect to 10.0.2.0 port 4078: Connection refused"). */
int echo_send(const struct echo_send_req *r, struct sbuf *reply,
              struct sbuf *err);

#endif
