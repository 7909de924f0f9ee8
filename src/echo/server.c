/* SPDX-License-Identifier: GPL-2.0-or-later */
/* server.c - `nsviz echo tcp|udp`: the tutorial's echo server, for many
 * clients at once.
 *
 * One process, one epoll loop, level-triggered, one read per ready
 * connection per round, so a client that sends a lot cannot starve the
 * others and a client that sends nothing costs nothing.  Each read of at
 * most max_msg bytes is a message: it is logged and answered with the
 * timestamp and the bytes as received, so longer input is answered in
 * pieces.  A UDP datagram is one message, whatever its size.  A message
 * logs at most ECHO_LOG_PAYLOAD_MAX bytes of itself (format.c).
 *
 * Reads of one round go into slices of one batch buffer; the round's log
 * lines are written out, then the replies: a message's log line is out
 * before its reply (`send` followed by `echo log` sees it), at one log
 * write per round rather than one per message.
 *
 * Memory per connection is bounded: a reply the client does not take is
 * kept (at most max_msg + 22 bytes) and the connection is not read again
 * until it is gone.  An idle connection is a small struct; connections are
 * kept in order of last progress, so closing idle ones costs nothing
 * until one is due.  At max_conns the listener is paused and new clients
 * wait in the kernel's backlog.
 */
#include "echo/echo.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#include "util/sbuf.h"

#define MAX_EVENTS      256
#define BATCH_BYTES     (1u << 20)  /* reads held for one log write */
#define UDP_BUF         65536       /* any datagram, IPv6's too */
#define UDP6_PAYLOAD_MAX 65527      /* 65535 - 8: IPv6 without jumbograms */
#define ACCEPTS_PER_RUN 64          /* per round: fairness to clients */
#define UDP_PER_RUN     64
#define ACCEPT_BACKOFF_MS 100       /* after EMFILE and friends */
#define LOG_KEEP_MAX    (256u << 10) /* unread log kept when nonblocking */

enum tag { T_LISTEN = 1, T_CONN, T_SIGNAL };

struct conn {
	enum tag tag;           /* first: epoll's data.ptr is read as a tag */
	int fd;
	struct conn *prev, *next;   /* by last progress, oldest first */
	int64_t last_ms;
	uint64_t bytes_in;
	uint8_t *pend;          /* a reply the client has not taken yet */
	size_t pend_len, pend_off;
};

struct item { struct conn *c; uint8_t *data; size_t n; };

struct logsink {
	struct sbuf b;
	size_t off;             /* written so far (nonblocking mode) */
	bool nonblock;          /* supervised: never wait for the reader */
	bool broken;            /* stdout is gone: stop logging */
	bool mid_line;          /* the last byte written was not a newline */
	uint64_t dropped;       /* lines not written, in all */
	uint64_t unreported;    /* ... and not yet said so in the log */
	bool note_pending;      /* a "lines dropped" note waits in b ... */
	size_t note_end;        /* ... and ends there */
};

struct srv {
	struct echo_opts o;
	int ep, lfd, sfd;
	enum tag ltag, stag;
	struct echo_stats *st;
	struct logsink log;

	struct conn *head, *tail;
	unsigned nconns;
	bool paused;            /* listener out of epoll: cap or backoff */
	bool capped_logged;
	int64_t resume_ms;      /* backoff end, 0 = none */

	uint8_t *batch;
	size_t slot, nslots;
	struct item *items;
	size_t nitems;

	time_t tsec;            /* second of the cached prefixes */
	char lpre[ECHO_LOG_PREFIX_LEN + 1];
	char rpre[ECHO_REPLY_PREFIX_LEN + 1];
	int64_t now_ms;
	int stop_sig;
};

/* ---- time ----------------------------------------------------------------- */

static int64_t mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Prefixes change once a second: make them then, not per message. */
static void tick(struct srv *s)
{
	struct timespec ts;

	s->now_ms = mono_ms();
	clock_gettime(CLOCK_REALTIME, &ts);
	if (ts.tv_sec != s->tsec) {
		struct tm tm;

		s->tsec = ts.tv_sec;
		localtime_r(&ts.tv_sec, &tm);
		echo_log_prefix(&tm, s->lpre);
		echo_reply_prefix(&tm, s->rpre);
	}
}

/* ---- the log -------------------------------------------------------------- */

static size_t count_lines(const char *p, size_t n)
{
	size_t k = 0;

	for (const char *e = p + n; (p = memchr(p, '\n', (size_t)(e - p)));
	     p++)
		k++;
	return k;
}

static void log_begin(struct srv *s)
{
	sbuf_add(&s->log.b, s->lpre);
}

static void logf_line(struct srv *s, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void logf_line(struct srv *s, const char *fmt, ...)
{
	va_list ap;

	if (s->log.broken)
		return;
	log_begin(s);
	va_start(ap, fmt);
	sbuf_vprintf(&s->log.b, fmt, ap);
	va_end(ap);
	sbuf_addc(&s->log.b, '\n');
}

/* Nobody reads the log (a supervisor busy elsewhere): drop what is not
 * written yet, and say so in its place. */
static void log_drop_all(struct srv *s)
{
	struct logsink *l = &s->log;
	const char *p = l->b.s + l->off;
	size_t n = l->b.len - l->off, keep = 0, lines;

	/* a line half written stays whole: keep its tail */
	if (l->mid_line) {
		const char *nl = memchr(p, '\n', n);

		keep = nl ? (size_t)(nl - p) + 1 : n;
	}
	lines = count_lines(p + keep, n - keep);
	if (l->note_pending) {
		if (l->note_end <= l->off + keep)
			l->unreported = 0;   /* it goes out after all */
		else
			lines--;             /* dropped too: it was ours */
		l->note_pending = false;
	}
	memmove(l->b.s, p, keep);
	l->b.len = keep;
	l->b.s[keep] = '\0';
	l->off = 0;
	l->dropped += lines;
	l->unreported += lines;
	sbuf_printf(&l->b, "%s(%llu log lines dropped: nobody was reading the "
	            "log)\n", s->lpre, (unsigned long long)l->unreported);
	l->note_pending = true;
	l->note_end = l->b.len;
	__atomic_store_n(&s->st->log_dropped, l->dropped, __ATOMIC_RELAXED);
}

static void log_flush(struct srv *s)
{
	struct logsink *l = &s->log;

	if (l->broken) {
		sbuf_reset(&l->b);
		return;
	}
	while (l->off < l->b.len) {
		ssize_t w = write(1, l->b.s + l->off, l->b.len - l->off);

		if (w > 0) {
			l->off += (size_t)w;
			l->mid_line = l->b.s[l->off - 1] != '\n';
			if (l->note_pending && l->off >= l->note_end) {
				l->note_pending = false;
				l->unreported = 0;
			}
			continue;
		}
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0 && errno == EAGAIN && l->nonblock) {
			if (l->b.len - l->off > LOG_KEEP_MAX)
				log_drop_all(s);
			return;
		}
		/* stdout closed or broken: serve on without a log */
		l->broken = true;
		break;
	}
	sbuf_reset(&l->b);
	l->off = 0;
}

/* The last words: give a slow reader a moment (not forever: the
 * supervisor may be waiting for us to end). */
static void log_flush_final(struct srv *s)
{
	for (int k = 0; k < 5; k++) {
		struct pollfd p = { .fd = 1, .events = POLLOUT };

		log_flush(s);
		if (!s->log.b.len || s->log.broken || !s->log.nonblock)
			return;
		poll(&p, 1, 100);
	}
}

/* ---- connections ---------------------------------------------------------- */

static void list_unlink(struct srv *s, struct conn *c)
{
	if (c->prev)
		c->prev->next = c->next;
	else
		s->head = c->next;
	if (c->next)
		c->next->prev = c->prev;
	else
		s->tail = c->prev;
	c->prev = c->next = NULL;
}

static void list_append(struct srv *s, struct conn *c)
{
	c->prev = s->tail;
	c->next = NULL;
	if (s->tail)
		s->tail->next = c;
	else
		s->head = c;
	s->tail = c;
}

/* Progress: the connection goes to the young end. */
static void touch(struct srv *s, struct conn *c)
{
	c->last_ms = s->now_ms;
	if (s->tail != c) {
		list_unlink(s, c);
		list_append(s, c);
	}
}

static void stats_conns(struct srv *s)
{
	__atomic_store_n(&s->st->conns, s->nconns, __ATOMIC_RELAXED);
}

static void listener_set(struct srv *s, bool on)
{
	struct epoll_event ev = { .events = on ? EPOLLIN : 0,
	                          .data.ptr = &s->ltag };

	if (on == !s->paused)
		return;
	epoll_ctl(s->ep, EPOLL_CTL_MOD, s->lfd, &ev);
	s->paused = !on;
}

static void conn_close(struct srv *s, struct conn *c)
{
	list_unlink(s, c);
	close(c->fd);
	free(c->pend);
	free(c);
	s->nconns--;
	stats_conns(s);
	if (s->paused && !s->resume_ms && s->nconns < s->o.max_conns) {
		listener_set(s, true);
		s->capped_logged = false;
	}
}

/* Read from now on (true), or wait until the pending reply is taken. */
static int conn_want(struct srv *s, struct conn *c, bool reading)
{
	struct epoll_event ev = { .events = reading ? EPOLLIN : EPOLLOUT,
	                          .data.ptr = c };

	return epoll_ctl(s->ep, EPOLL_CTL_MOD, c->fd, &ev);
}

static void do_accept(struct srv *s)
{
	for (int k = 0; k < ACCEPTS_PER_RUN; k++) {
		struct epoll_event ev;
		struct conn *c;
		int fd, one = 1;

		if (s->nconns >= s->o.max_conns) {
			listener_set(s, false);
			if (!s->capped_logged) {
				logf_line(s, "connection limit reached "
				          "(max-conns %u): new clients wait",
				          s->o.max_conns);
				s->capped_logged = true;
			}
			return;
		}
		fd = accept4(s->lfd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
		if (fd < 0) {
			if (errno == EAGAIN || errno == EINTR ||
			    errno == ECONNABORTED || errno == EPROTO)
				return;
			/* out of fds or memory: the client waits in the
			 * backlog; try again shortly rather than spin */
			logf_line(s, "accept: %s", strerror(errno));
			listener_set(s, false);
			s->resume_ms = s->now_ms + ACCEPT_BACKOFF_MS;
			return;
		}
		/* a reply is one write: let it go at once */
		setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
		c = calloc(1, sizeof *c);
		if (!c) {
			close(fd);
			return;
		}
		c->tag = T_CONN;
		c->fd = fd;
		ev.events = EPOLLIN;
		ev.data.ptr = c;
		if (epoll_ctl(s->ep, EPOLL_CTL_ADD, fd, &ev) < 0) {
			close(fd);
			free(c);
			return;
		}
		c->last_ms = s->now_ms;
		list_append(s, c);
		s->nconns++;
		stats_conns(s);
		__atomic_store_n(&s->st->conns_total, s->st->conns_total + 1,
		                 __ATOMIC_RELAXED);
	}
}

static void count_msg(struct srv *s, size_t n)
{
	__atomic_store_n(&s->st->msgs, s->st->msgs + 1, __ATOMIC_RELAXED);
	__atomic_store_n(&s->st->bytes, s->st->bytes + n, __ATOMIC_RELAXED);
}

static void log_received(struct srv *s, const uint8_t *p, size_t n)
{
	if (s->log.broken)
		return;
	log_begin(s);
	echo_fmt_received(&s->log.b, p, n);
	sbuf_addc(&s->log.b, '\n');
}

/* The replies of the batch, after its log lines. */
static void send_batch(struct srv *s)
{
	log_flush(s);
	for (size_t k = 0; k < s->nitems; k++) {
		struct item *it = &s->items[k];
		struct conn *c = it->c;
		struct iovec iov[2] = {
			{ s->rpre, ECHO_REPLY_PREFIX_LEN },
			{ it->data, it->n },
		};
		struct msghdr mh = { .msg_iov = iov, .msg_iovlen = 2 };
		size_t total = ECHO_REPLY_PREFIX_LEN + it->n;
		ssize_t w = sendmsg(c->fd, &mh, MSG_NOSIGNAL | MSG_DONTWAIT);

		if (w < 0 && (errno == EAGAIN || errno == EINTR))
			w = 0;
		if (w < 0) {
			conn_close(s, c);
			continue;
		}
		if ((size_t)w == total)
			continue;
		/* keep what did not fit; read no more until it is gone */
		c->pend_len = total - (size_t)w;
		c->pend_off = 0;
		c->pend = malloc(c->pend_len);
		if (!c->pend || conn_want(s, c, false) < 0) {
			conn_close(s, c);
			continue;
		}
		if ((size_t)w < ECHO_REPLY_PREFIX_LEN) {
			size_t pre = ECHO_REPLY_PREFIX_LEN - (size_t)w;

			memcpy(c->pend, s->rpre + w, pre);
			memcpy(c->pend + pre, it->data, it->n);
		} else {
			memcpy(c->pend, it->data + ((size_t)w - ECHO_REPLY_PREFIX_LEN),
			       c->pend_len);
		}
	}
	s->nitems = 0;
	s->slot = 0;
}

static void conn_read(struct srv *s, struct conn *c)
{
	uint8_t *buf;
	ssize_t n;

	if (s->slot == s->nslots)
		send_batch(s);
	buf = s->batch + s->slot * s->o.max_msg;
	n = read(c->fd, buf, s->o.max_msg);
	if (n < 0) {
		if (errno == EAGAIN || errno == EINTR)
			return;
		conn_close(s, c);
		return;
	}
	if (n == 0) {
		/* end of input: the answers so far are out (a pending one
		 * would have kept us from reading) */
		if (c->bytes_in == 0)
			logf_line(s, "no data received [size_bytes=0]");
		conn_close(s, c);
		return;
	}
	c->bytes_in += (size_t)n;
	touch(s, c);
	count_msg(s, (size_t)n);
	log_received(s, buf, (size_t)n);
	s->items[s->nitems].c = c;
	s->items[s->nitems].data = buf;
	s->items[s->nitems].n = (size_t)n;
	s->nitems++;
	s->slot++;
}

static void conn_write(struct srv *s, struct conn *c)
{
	ssize_t w = send(c->fd, c->pend + c->pend_off, c->pend_len - c->pend_off,
	                 MSG_NOSIGNAL | MSG_DONTWAIT);

	if (w < 0) {
		if (errno == EAGAIN || errno == EINTR)
			return;
		conn_close(s, c);
		return;
	}
	c->pend_off += (size_t)w;
	touch(s, c);
	if (c->pend_off < c->pend_len)
		return;
	free(c->pend);
	c->pend = NULL;
	if (conn_want(s, c, true) < 0)
		conn_close(s, c);
}

static void close_idle(struct srv *s)
{
	int64_t idle_ms = (int64_t)(s->o.idle * 1000.0);

	if (s->o.idle <= 0)
		return;
	while (s->head && s->now_ms - s->head->last_ms >= idle_ms) {
		struct conn *c = s->head;

		if (c->bytes_in == 0)
			logf_line(s, "no data received [size_bytes=0]");
		conn_close(s, c);
	}
}

static int wait_ms(struct srv *s)
{
	int64_t t = -1;

	if (s->o.idle > 0 && s->head) {
		t = s->head->last_ms + (int64_t)(s->o.idle * 1000.0) - s->now_ms;
		if (t < 0)
			t = 0;
	}
	if (s->resume_ms) {
		int64_t r = s->resume_ms - s->now_ms;

		if (r < 0)
			r = 0;
		if (t < 0 || r < t)
			t = r;
	}
	if (t > 60000)
		t = 60000;
	return (int)t;
}

/* ---- udp ------------------------------------------------------------------- */

static void do_udp(struct srv *s)
{
	for (int k = 0; k < UDP_PER_RUN; k++) {
		struct sockaddr_storage from;
		socklen_t flen = sizeof from;
		size_t len, room;
		ssize_t n;

		n = recvfrom(s->lfd, s->batch, UDP_BUF,
		             MSG_DONTWAIT, (struct sockaddr *)&from, &flen);
		if (n < 0)
			return;   /* EAGAIN, or an ICMP error for an old reply */
		if (n == 0) {
			logf_line(s, "no data received [size_bytes=0]");
			log_flush(s);
			continue;
		}
		/* A datagram is one message, whatever --max-msg says: logged
		 * and answered whole.  Only the longest (more than 65,485
		 * bytes over IPv4) cannot be, the prefix taking room that a
		 * datagram does not have: the log says what was cut. */
		len = (size_t)n;
		room = (from.ss_family == AF_INET6 &&
		        !IN6_IS_ADDR_V4MAPPED(
		            &((struct sockaddr_in6 *)&from)->sin6_addr)
		        ? UDP6_PAYLOAD_MAX : ECHO_UDP_PAYLOAD_MAX) -
		       ECHO_REPLY_PREFIX_LEN;
		count_msg(s, len);
		log_received(s, s->batch, len);
		if (len > room) {
			logf_line(s, "reply cut to %zu of %zu bytes: a UDP datagram "
			          "holds %zu after the %d-byte prefix", room, len,
			          room, ECHO_REPLY_PREFIX_LEN);
			len = room;
		}
		log_flush(s);
		{
			struct iovec iov[2] = {
				{ s->rpre, ECHO_REPLY_PREFIX_LEN },
				{ s->batch, len },
			};
			struct msghdr mh = {
				.msg_name = &from, .msg_namelen = flen,
				.msg_iov = iov, .msg_iovlen = 2,
			};

			/* UDP may lose a reply; it never waits for one */
			sendmsg(s->lfd, &mh, MSG_DONTWAIT);
		}
	}
}

/* ---- setup ------------------------------------------------------------------- */

static void raise_nofile(struct srv *s)
{
	struct rlimit rl;
	rlim_t want = (rlim_t)s->o.max_conns + 64;

	if (getrlimit(RLIMIT_NOFILE, &rl) < 0 || rl.rlim_cur >= want)
		return;
	rl.rlim_cur = rl.rlim_max == RLIM_INFINITY || rl.rlim_max > want
	              ? want : rl.rlim_max;
	setrlimit(RLIMIT_NOFILE, &rl);
	if (rl.rlim_cur < want)
		logf_line(s, "open file limit %llu: at most about %llu clients "
		          "at once (--max-conns %u)",
		          (unsigned long long)rl.rlim_cur,
		          (unsigned long long)rl.rlim_cur - 64, s->o.max_conns);
}

static int open_listener(struct srv *s, struct sbuf *err)
{
	struct sockaddr_storage ss;
	socklen_t sl;
	struct w_ip any;
	const struct w_ip *ip = &s->o.bind;
	bool tcp = s->o.proto == ECHO_TCP;
	int fd, one = 1;

	if (!ip->family) {
		memset(&any, 0, sizeof any);
		any.family = AF_INET;
		ip = &any;
	}
	memset(&ss, 0, sizeof ss);
	if (ip->family == AF_INET6) {
		struct sockaddr_in6 *a = (struct sockaddr_in6 *)&ss;

		a->sin6_family = AF_INET6;
		a->sin6_port = htons((uint16_t)s->o.port);
		memcpy(&a->sin6_addr, ip->a, 16);
		sl = sizeof *a;
	} else {
		struct sockaddr_in *a = (struct sockaddr_in *)&ss;

		a->sin_family = AF_INET;
		a->sin_port = htons((uint16_t)s->o.port);
		memcpy(&a->sin_addr, ip->a, 4);
		sl = sizeof *a;
	}
	fd = socket(ip->family, (tcp ? SOCK_STREAM : SOCK_DGRAM) |
	            SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0) {
		sbuf_printf(err, "socket: %s", strerror(errno));
		return -1;
	}
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	if (bind(fd, (struct sockaddr *)&ss, sl) < 0 ||
	    (tcp && listen(fd, 4096) < 0)) {
		int e = errno;

		sbuf_add(err, "cannot listen at ");
		echo_fmt_addr_port(err, ip, s->o.port);
		sbuf_printf(err, " (%s): %s", echo_proto_name(s->o.proto),
		            strerror(e));
		close(fd);
		return -1;
	}
	return fd;
}

/* The counters: in the supervisor's shared page when there is one. */
static struct echo_stats *stats_page(void)
{
	static struct echo_stats local;
	const char *v = getenv(ECHO_ENV_STATS_FD);
	struct echo_stats *st;
	int fd;

	if (!v)
		return &local;
	fd = atoi(v);
	unsetenv(ECHO_ENV_STATS_FD);
	st = mmap(NULL, sizeof *st, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	close(fd);
	if (st == MAP_FAILED)
		return &local;
	return st;
}

int echo_serve(const struct echo_opts *o)
{
	struct srv s;
	struct sbuf err = SBUF_INIT;
	struct epoll_event ev, evs[MAX_EVENTS];
	sigset_t mask;
	bool supervised = getenv(ECHO_ENV_STATS_FD) != NULL;
	int rc = 1;

	memset(&s, 0, sizeof s);
	s.o = *o;
	s.ep = s.lfd = s.sfd = -1;
	s.ltag = T_LISTEN;
	s.stag = T_SIGNAL;
	s.st = stats_page();
	s.st->magic = ECHO_STATS_MAGIC;
	/* the supervisor drains the log when it can; never wait for it */
	s.log.nonblock = supervised;
	if (supervised)
		fcntl(1, F_SETFL, fcntl(1, F_GETFL) | O_NONBLOCK);
	tick(&s);

	signal(SIGPIPE, SIG_IGN);
	sigemptyset(&mask);
	sigaddset(&mask, SIGINT);
	sigaddset(&mask, SIGTERM);
	sigaddset(&mask, SIGHUP);
	sigprocmask(SIG_BLOCK, &mask, NULL);
	s.sfd = signalfd(-1, &mask, SFD_NONBLOCK | SFD_CLOEXEC);
	s.ep = epoll_create1(EPOLL_CLOEXEC);
	if (s.sfd < 0 || s.ep < 0) {
		fprintf(stderr, "nsviz echo: %s\n", strerror(errno));
		goto out;
	}
	if (o->proto == ECHO_TCP) {
		s.nslots = BATCH_BYTES / o->max_msg;
		if (s.nslots < 1)
			s.nslots = 1;
		s.batch = xmalloc(s.nslots * o->max_msg);
		s.items = xcalloc(s.nslots, sizeof *s.items);
		raise_nofile(&s);
	} else {
		s.batch = xmalloc(UDP_BUF);
	}
	s.lfd = open_listener(&s, &err);
	if (s.lfd < 0) {
		log_flush(&s);
		fprintf(stderr, "nsviz echo: %s\n", sbuf_str(&err));
		goto out;
	}
	ev.events = EPOLLIN;
	ev.data.ptr = &s.ltag;
	epoll_ctl(s.ep, EPOLL_CTL_ADD, s.lfd, &ev);
	ev.data.ptr = &s.stag;
	epoll_ctl(s.ep, EPOLL_CTL_ADD, s.sfd, &ev);

	log_begin(&s);
	echo_fmt_listening(&s.log.b, &o->bind, o->port, o->proto);
	sbuf_addc(&s.log.b, '\n');
	log_flush(&s);

	while (!s.stop_sig) {
		int n = epoll_wait(s.ep, evs, MAX_EVENTS, wait_ms(&s));

		if (n < 0 && errno != EINTR) {
			logf_line(&s, "epoll_wait: %s", strerror(errno));
			break;
		}
		tick(&s);
		for (int k = 0; k < n; k++) {
			enum tag *t = evs[k].data.ptr;
			uint32_t e = evs[k].events;

			if (*t == T_SIGNAL) {
				struct signalfd_siginfo si;

				if (read(s.sfd, &si, sizeof si) == sizeof si)
					s.stop_sig = (int)si.ssi_signo;
			} else if (*t == T_LISTEN) {
				if (o->proto == ECHO_TCP)
					do_accept(&s);
				else
					do_udp(&s);
			} else {
				struct conn *c = (struct conn *)t;

				if (c->pend)
					conn_write(&s, c);
				else if (e & (EPOLLIN | EPOLLHUP | EPOLLERR))
					conn_read(&s, c);
			}
		}
		if (s.nitems)
			send_batch(&s);
		if (s.resume_ms && s.now_ms >= s.resume_ms) {
			s.resume_ms = 0;
			if (s.nconns < o->max_conns)
				listener_set(&s, true);
		}
		close_idle(&s);
		if (s.log.b.len)
			log_flush(&s);
	}
	if (s.stop_sig) {
		const char *abbr = sigabbrev_np(s.stop_sig);

		logf_line(&s, "stopping (SIG%s): %llu messages, %llu "
		          "connections served", abbr ? abbr : "?",
		          (unsigned long long)s.st->msgs,
		          (unsigned long long)s.st->conns_total);
	}
	rc = 0;
out:
	while (s.head)
		conn_close(&s, s.head);
	log_flush_final(&s);
	if (s.lfd >= 0)
		close(s.lfd);
	if (s.sfd >= 0)
		close(s.sfd);
	if (s.ep >= 0)
		close(s.ep);
	free(s.batch);
	free(s.items);
	sbuf_free(&s.log.b);
	sbuf_free(&err);
	return rc;
}
