/* SPDX-License-Identifier: GPL-2.0-or-later */
/* client.c - `send`: the tutorial's `echo hello | nc -4 -q1 ADDR PORT`,
 * with errors a person can act on.
 *
 * TCP: connect (within the timeout), send MESSAGE and a newline, shut
 * down the sending side (as nc -N does), then read until the server
 * closes, the timeout ends, or a second passes without more after a
 * reply began (for servers that never close, like the tutorial's).
 * UDP: one datagram to ADDR, the replies from there; a connected socket,
 * so an ICMP port unreachable comes back as "Connection refused".
 */
#include "echo/echo.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "util/sbuf.h"

#define QUIET_MS      1000       /* TCP: silence that ends a reply */
#define UDP_QUIET_MS  200        /* UDP: wait for further pieces */
#define REPLY_MAX     (64u << 20)

static int64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int left(int64_t deadline)
{
	int64_t t = deadline - now_ms();

	return t < 0 ? 0 : t > 0x7fffffff ? 0x7fffffff : (int)t;
}

/* Wait for events on fd until the deadline: >0 ready, 0 timed out. */
static int wait_fd(int fd, short events, int64_t deadline)
{
	struct pollfd p = { .fd = fd, .events = events };

	for (;;) {
		int r = poll(&p, 1, left(deadline));

		if (r >= 0)
			return r;
		if (errno != EINTR)
			return -1;
	}
}

static socklen_t sockaddr_of(const struct echo_send_req *r,
                             struct sockaddr_storage *ss)
{
	memset(ss, 0, sizeof *ss);
	if (r->dst.family == AF_INET6) {
		struct sockaddr_in6 *a = (struct sockaddr_in6 *)ss;

		a->sin6_family = AF_INET6;
		a->sin6_port = htons((uint16_t)r->port);
		memcpy(&a->sin6_addr, r->dst.a, 16);
		return sizeof *a;
	} else {
		struct sockaddr_in *a = (struct sockaddr_in *)ss;

		a->sin_family = AF_INET;
		a->sin_port = htons((uint16_t)r->port);
		memcpy(&a->sin_addr, r->dst.a, 4);
		return sizeof *a;
	}
}

/* "10.0.2.0 port 4078" (nc's words) */
static void where(const struct echo_send_req *r, char *buf, size_t len)
{
	char ab[64];

	snprintf(buf, len, "%s port %u", w_ip_str(&r->dst, ab, sizeof ab),
	         r->port);
}

static const char *secs(double t, char *buf, size_t len)
{
	snprintf(buf, len, "%g s", t);
	return buf;
}

/* The message and its newline, in one buffer. */
static char *payload(const struct echo_send_req *r, size_t *n)
{
	char *p = xmalloc(r->len + 1);

	memcpy(p, r->message, r->len);
	p[r->len] = '\n';
	*n = r->len + 1;
	return p;
}

static int send_tcp(const struct echo_send_req *r, int64_t deadline,
                    struct sbuf *reply, struct sbuf *err)
{
	struct sockaddr_storage ss;
	socklen_t sl = sockaddr_of(r, &ss);
	char w[128], tb[32];
	char *msg;
	size_t n, off = 0;
	int fd, rc = 1, e = 0;
	socklen_t el = sizeof e;
	int64_t quiet_end = -1;

	where(r, w, sizeof w);
	fd = socket(r->dst.family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0) {
		sbuf_printf(err, "socket: %s", strerror(errno));
		return 1;
	}
	if (connect(fd, (struct sockaddr *)&ss, sl) < 0) {
		if (errno != EINPROGRESS) {
			sbuf_printf(err, "connect to %s: %s", w, strerror(errno));
			close(fd);
			return 1;
		}
		if (wait_fd(fd, POLLOUT, deadline) == 0) {
			sbuf_printf(err, "connect to %s: no answer within %s", w,
			            secs(r->timeout, tb, sizeof tb));
			close(fd);
			return 1;
		}
		if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &e, &el) < 0)
			e = errno;
		if (e) {
			sbuf_printf(err, "connect to %s: %s", w, strerror(e));
			close(fd);
			return 1;
		}
	}
	msg = payload(r, &n);
	while (off < n) {
		ssize_t k = send(fd, msg + off, n - off, MSG_NOSIGNAL);

		if (k > 0) {
			off += (size_t)k;
			continue;
		}
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0 && errno == EAGAIN && wait_fd(fd, POLLOUT, deadline) > 0)
			continue;
		if (k < 0 && errno != EAGAIN)
			sbuf_printf(err, "%s (tcp): send: %s", w, strerror(errno));
		else
			sbuf_printf(err, "%s (tcp): the server took no data within "
			            "%s", w, secs(r->timeout, tb, sizeof tb));
		goto out;
	}
	shutdown(fd, SHUT_WR);
	for (;;) {
		char buf[65536];
		int64_t until = deadline;
		ssize_t k;
		int ready;

		if (quiet_end >= 0 && quiet_end < until)
			until = quiet_end;
		ready = wait_fd(fd, POLLIN, until);
		if (ready == 0) {
			if (reply->len)
				rc = 0;
			else
				sbuf_printf(err, "%s (tcp): no reply within %s", w,
				            secs(r->timeout, tb, sizeof tb));
			break;
		}
		k = recv(fd, buf, sizeof buf, 0);
		if (k > 0) {
			sbuf_addn(reply, buf, (size_t)k);
			quiet_end = now_ms() + QUIET_MS;
			if (reply->len > REPLY_MAX) {
				rc = 0;
				break;
			}
			continue;
		}
		if (k < 0 && (errno == EINTR || errno == EAGAIN))
			continue;
		if (reply->len) {
			rc = 0;       /* the whole reply, then EOF (or a reset) */
		} else if (k == 0) {
			sbuf_printf(err, "%s (tcp): the server closed the "
			            "connection without a reply", w);
		} else {
			sbuf_printf(err, "%s (tcp): %s", w, strerror(errno));
		}
		break;
	}
out:
	free(msg);
	close(fd);
	return rc;
}

static int send_udp(const struct echo_send_req *r, int64_t deadline,
                    struct sbuf *reply, struct sbuf *err)
{
	struct sockaddr_storage ss;
	socklen_t sl = sockaddr_of(r, &ss);
	char w[128], tb[32];
	char *msg;
	size_t n, expect;
	int fd, rc = 1;

	where(r, w, sizeof w);
	if (r->len + 1 > ECHO_UDP_PAYLOAD_MAX) {
		sbuf_printf(err, "%s (udp): message of %zu bytes does not fit "
		            "in one datagram (at most %d)", w, r->len + 1,
		            ECHO_UDP_PAYLOAD_MAX);
		return 1;
	}
	fd = socket(r->dst.family, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0) {
		sbuf_printf(err, "socket: %s", strerror(errno));
		return 1;
	}
	if (connect(fd, (struct sockaddr *)&ss, sl) < 0) {
		sbuf_printf(err, "send to %s (udp): %s", w, strerror(errno));
		close(fd);
		return 1;
	}
	msg = payload(r, &n);
	if (send(fd, msg, n, 0) < 0) {
		sbuf_printf(err, "send to %s (udp): %s", w, strerror(errno));
		goto out;
	}
	/* an echo server's reply is at least the message and a prefix:
	 * anything shorter means more pieces are coming */
	expect = n + ECHO_REPLY_PREFIX_LEN;
	for (;;) {
		char buf[ECHO_UDP_PAYLOAD_MAX + 1];
		int64_t until = deadline;
		ssize_t k;

		if (reply->len) {
			if (reply->len >= expect) {
				rc = 0;
				break;
			}
			if (now_ms() + UDP_QUIET_MS < until)
				until = now_ms() + UDP_QUIET_MS;
		}
		if (wait_fd(fd, POLLIN, until) == 0) {
			if (reply->len)
				rc = 0;
			else
				sbuf_printf(err, "%s (udp): no reply within %s", w,
				            secs(r->timeout, tb, sizeof tb));
			break;
		}
		k = recv(fd, buf, sizeof buf, 0);
		if (k >= 0) {
			sbuf_addn(reply, buf, (size_t)k);
			continue;
		}
		if (errno == EINTR || errno == EAGAIN)
			continue;
		if (reply->len) {
			rc = 0;
		} else if (errno == ECONNREFUSED) {
			sbuf_printf(err, "%s (udp): Connection refused (nothing "
			            "listens there)", w);
		} else {
			sbuf_printf(err, "%s (udp): %s", w, strerror(errno));
		}
		break;
	}
out:
	free(msg);
	close(fd);
	return rc;
}

int echo_send(const struct echo_send_req *r, struct sbuf *reply,
              struct sbuf *err)
{
	int64_t deadline = now_ms() + (int64_t)(r->timeout * 1000.0 + 0.5);

	if (r->proto == ECHO_UDP)
		return send_udp(r, deadline, reply, err);
	return send_tcp(r, deadline, reply, err);
}
