/* SPDX-License-Identifier: GPL-2.0-or-later */
/* echoload.c - a load generator for echo servers (bench/echo.sh, and
 * tests/kernel/echo.sh for many clients at once).
 *
 *   echoload [OPTIONS] ADDR PORT
 *
 * Opens -c connections (at most -C connects in flight), waits until all
 * are established, then on each one sends a request, waits for the whole
 * reply, and sends the next: request/response, as a person with nc would,
 * only many at once.  A reply is --prefix bytes (22 for nsviz's
 * "[YYYY-MM-DD HH:MM:SS] ", 0 for `socat ... EXEC:cat`) followed by the
 * request; with --check every reply is compared byte for byte (and the
 * prefix's shape checked when it is 22 bytes).
 *
 *   -c N        connections (default 100)
 *   -d SECONDS  measured time (default 10); with --idle: time to hold
 *   -w SECONDS  warm-up before measuring (default 2)
 *   -n N        N requests per connection, then stop (instead of -d)
 *   -s BYTES    request size, newline included (default 32, at least 16)
 *   --prefix N  reply prefix length (default 22)
 *   --check     check every reply
 *   --idle      one request per connection (all must be answered), then
 *               hold them all, silent, for -d seconds; "held N" is
 *               printed (and flushed) once all are established
 *   -t SECONDS  give up when nothing moved for this long (default 10)
 *   -C N        connects in flight at once (default 256); with --idle, a
 *               connection is in flight until its first reply (a server
 *               with a short accept queue, like socat's 5, needs few)
 *
 * Prints one line: requests=N seconds=S rps=R p50_us=A p99_us=B
 * errors=E replies=T (T counts the warm-up too; idle: held=N closed=M
 * errors=E).  Exit status 0 when there
 * was no error.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>


enum st { S_IDLE, S_CONNECTING, S_READY, S_WAIT, S_HELD, S_DONE };

struct conn {
	int fd;
	enum st st;
	uint64_t sent_ns;
	size_t got;
	unsigned long reqs;
	char *reply;            /* with --check */
	char *req;
};

static struct {
	int nconn, inflight_max;
	double dur, warm, timeout;
	unsigned long per_conn;     /* -n; 0 = by time */
	size_t size, prefix;
	bool check, idle;
	struct sockaddr_storage ss;
	socklen_t sl;
} opt = { 100, 256, 10, 2, 10, 0, 32, 22, false, false, { 0 }, 0 };

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static void die(const char *what)
{
	fprintf(stderr, "echoload: %s: %s\n", what, strerror(errno));
	exit(2);
}

static uint32_t *lat;
static size_t nlat, caplat;
static unsigned long long errors, requests, replies;

static void record(uint64_t ns)
{
	if (nlat == caplat) {
		caplat = caplat ? caplat * 2 : 1 << 16;
		lat = realloc(lat, caplat * sizeof *lat);
		if (!lat)
			die("realloc");
	}
	lat[nlat++] = ns > UINT32_MAX ? UINT32_MAX : (uint32_t)ns;
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

static double pct(double p)
{
	size_t k;

	if (!nlat)
		return 0;
	k = (size_t)(p * (double)(nlat - 1) + 0.5);
	return lat[k] / 1000.0;
}

/* Request k of connection i: unique, so a reply cannot be mistaken for
 * another's. */
static void make_req(struct conn *c, int i)
{
	int n = snprintf(c->req, opt.size, "c%06d r%010lu ", i, c->reqs);

	if (n < 0 || (size_t)n >= opt.size)
		n = (int)opt.size - 1;
	memset(c->req + n, 'x', opt.size - 1 - (size_t)n);
	c->req[opt.size - 1] = '\n';
}

static bool prefix_ok(const char *p)
{
	/* [YYYY-MM-DD HH:MM:SS] */
	static const char shape[] = "[dddd-dd-dd dd:dd:dd] ";

	for (size_t k = 0; k < sizeof shape - 1; k++) {
		if (shape[k] == 'd' ? (p[k] < '0' || p[k] > '9')
		                    : p[k] != shape[k])
			return false;
	}
	return true;
}

static void conn_fail(int ep, struct conn *c, const char *why, int i)
{
	if (errors < 5)
		fprintf(stderr, "echoload: connection %d: %s\n", i, why);
	errors++;
	epoll_ctl(ep, EPOLL_CTL_DEL, c->fd, NULL);
	close(c->fd);
	c->fd = -1;
	c->st = S_DONE;
}

static int start_connect(int ep, struct conn *c, int i)
{
	struct epoll_event ev = { .events = EPOLLOUT, .data.u32 = (uint32_t)i };
	int fd = socket(opt.ss.ss_family, SOCK_STREAM | SOCK_NONBLOCK |
	                SOCK_CLOEXEC, 0), one = 1;

	if (fd < 0)
		die("socket");
	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
	c->fd = fd;
	c->st = S_CONNECTING;
	if (connect(fd, (struct sockaddr *)&opt.ss, opt.sl) < 0 &&
	    errno != EINPROGRESS) {
		conn_fail(ep, c, strerror(errno), i);
		return -1;
	}
	if (epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev) < 0)
		die("epoll_ctl");
	return 0;
}

static void send_req(int ep, struct conn *c, int i)
{
	ssize_t w;

	make_req(c, i);
	c->got = 0;
	c->sent_ns = now_ns();
	w = send(c->fd, c->req, opt.size, MSG_NOSIGNAL);
	if (w != (ssize_t)opt.size) {
		conn_fail(ep, c, w < 0 ? strerror(errno) : "short send", i);
		return;
	}
	c->st = S_WAIT;
}

static void usage(void)
{
	fputs("usage: echoload [-c N] [-d S] [-w S] [-n N] [-s BYTES] "
	      "[--prefix N] [--check] [--idle] [-t S] ADDR PORT\n", stderr);
	exit(2);
}

int main(int argc, char **argv)
{
	struct epoll_event evs[512];
	struct conn *cs;
	struct rlimit rl;
	int ep, i, next = 0, inflight = 0, ready = 0, k;
	uint64_t t_meas = 0, t_end = 0, t_last, limit_ns;
	bool measuring = false, started = false;
	unsigned long long closed = 0;
	const char *addr = NULL, *port = NULL;

	for (k = 1; k < argc; k++) {
		const char *a = argv[k];
		const char *v = k + 1 < argc ? argv[k + 1] : NULL;

		if (!strcmp(a, "--check")) {
			opt.check = true;
		} else if (!strcmp(a, "--idle")) {
			opt.idle = true;
		} else if (a[0] == '-' && a[1] && v) {
			if (!strcmp(a, "-c"))
				opt.nconn = atoi(v);
			else if (!strcmp(a, "-d"))
				opt.dur = atof(v);
			else if (!strcmp(a, "-w"))
				opt.warm = atof(v);
			else if (!strcmp(a, "-n"))
				opt.per_conn = strtoul(v, NULL, 10);
			else if (!strcmp(a, "-s"))
				opt.size = strtoul(v, NULL, 10);
			else if (!strcmp(a, "--prefix"))
				opt.prefix = strtoul(v, NULL, 10);
			else if (!strcmp(a, "-t"))
				opt.timeout = atof(v);
			else if (!strcmp(a, "-C"))
				opt.inflight_max = atoi(v);
			else
				usage();
			k++;
		} else if (!addr) {
			addr = a;
		} else if (!port) {
			port = a;
		} else {
			usage();
		}
	}
	if (!addr || !port || opt.nconn < 1 || opt.size < 16 ||
	    opt.inflight_max < 1)
		usage();
	memset(&opt.ss, 0, sizeof opt.ss);
	if (strchr(addr, ':')) {
		struct sockaddr_in6 *a6 = (struct sockaddr_in6 *)&opt.ss;

		a6->sin6_family = AF_INET6;
		a6->sin6_port = htons((uint16_t)atoi(port));
		if (inet_pton(AF_INET6, addr, &a6->sin6_addr) != 1)
			usage();
		opt.sl = sizeof *a6;
	} else {
		struct sockaddr_in *a4 = (struct sockaddr_in *)&opt.ss;

		a4->sin_family = AF_INET;
		a4->sin_port = htons((uint16_t)atoi(port));
		if (inet_pton(AF_INET, addr, &a4->sin_addr) != 1)
			usage();
		opt.sl = sizeof *a4;
	}
	if (opt.idle)
		opt.per_conn = 1;

	if (getrlimit(RLIMIT_NOFILE, &rl) == 0 &&
	    rl.rlim_cur < (rlim_t)opt.nconn + 64) {
		rl.rlim_cur = (rlim_t)opt.nconn + 64;
		if (rl.rlim_max != RLIM_INFINITY && rl.rlim_cur > rl.rlim_max)
			rl.rlim_cur = rl.rlim_max;
		setrlimit(RLIMIT_NOFILE, &rl);
	}
	cs = calloc((size_t)opt.nconn, sizeof *cs);
	ep = epoll_create1(EPOLL_CLOEXEC);
	if (!cs || ep < 0)
		die("setup");
	for (i = 0; i < opt.nconn; i++) {
		cs[i].fd = -1;
		cs[i].req = malloc(opt.size);
		if (opt.check)
			cs[i].reply = malloc(opt.prefix + opt.size);
		if (!cs[i].req || (opt.check && !cs[i].reply))
			die("malloc");
	}
	limit_ns = (uint64_t)(opt.timeout * 1e9);
	t_last = now_ns();

	for (;;) {
		uint64_t now = now_ns();
		int n, tmo = 100;

		/* connects, a bounded number at a time */
		while (next < opt.nconn && inflight < opt.inflight_max) {
			if (start_connect(ep, &cs[next], next) == 0)
				inflight++;
			else
				ready++;    /* failed: counts as settled */
			next++;
		}
		/* all settled: go (--idle goes at once, one by one) */
		if (!started && (ready == opt.nconn || opt.idle)) {
			started = true;
			for (i = 0; i < opt.nconn; i++)
				if (cs[i].st == S_READY)
					send_req(ep, &cs[i], i);
			now = now_ns();
			t_meas = now + (uint64_t)(opt.warm * 1e9);
			if (opt.per_conn)
				t_meas = now;
			measuring = opt.per_conn != 0;
			t_end = t_meas + (uint64_t)(opt.dur * 1e9);
		}
		if (started && !measuring && now >= t_meas && !opt.idle) {
			measuring = true;
			t_meas = now;
			t_end = now + (uint64_t)(opt.dur * 1e9);
		}
		if (started && !opt.per_conn && now >= t_end)
			break;
		if (started && opt.per_conn) {
			bool busy = next < opt.nconn;

			for (i = 0; i < opt.nconn && !busy; i++)
				busy = cs[i].st == S_WAIT || cs[i].st == S_CONNECTING;
			if (!busy && !opt.idle)
				break;
			if (!busy && opt.idle) {
				static bool said;

				if (!said) {
					unsigned long long h = 0;

					for (i = 0; i < opt.nconn; i++)
						h += cs[i].st == S_HELD;
					printf("held %llu\n", h);
					fflush(stdout);
					said = true;
					t_end = now + (uint64_t)(opt.dur * 1e9);
				}
				if (now >= t_end)
					break;
			}
		}
		/* nothing moved for too long: give up on the stragglers */
		if (now - t_last > limit_ns) {
			for (i = 0; i < opt.nconn; i++)
				if (cs[i].st == S_WAIT || cs[i].st == S_CONNECTING) {
					if (cs[i].st == S_CONNECTING || opt.idle)
						inflight--, ready++;
					conn_fail(ep, &cs[i], "timed out", i);
				}
			t_last = now;
		}

		n = epoll_wait(ep, evs, 512, tmo);
		if (n < 0 && errno != EINTR)
			die("epoll_wait");
		for (k = 0; k < n; k++) {
			int j = (int)evs[k].data.u32;
			struct conn *c = &cs[j];

			if (c->fd < 0)
				continue;
			if (c->st == S_CONNECTING) {
				int e = 0;
				socklen_t el = sizeof e;
				struct epoll_event ev = { .events = EPOLLIN,
				                          .data.u32 = (uint32_t)j };

				getsockopt(c->fd, SOL_SOCKET, SO_ERROR, &e, &el);
				t_last = now_ns();
				if (e) {
					inflight--;
					ready++;
					conn_fail(ep, c, strerror(e), j);
					continue;
				}
				c->st = S_READY;
				epoll_ctl(ep, EPOLL_CTL_MOD, c->fd, &ev);
				if (opt.idle) {
					/* in flight until answered */
					send_req(ep, c, j);
				} else {
					inflight--;
					ready++;
				}
				continue;
			}
			if (c->st == S_READY || c->st == S_HELD) {
				/* not expecting anything: the server closed */
				char b[64];
				ssize_t r = recv(c->fd, b, sizeof b, MSG_DONTWAIT);

				if (r <= 0 && !(r < 0 && errno == EAGAIN)) {
					closed++;
					epoll_ctl(ep, EPOLL_CTL_DEL, c->fd, NULL);
					close(c->fd);
					c->fd = -1;
					c->st = S_DONE;
				}
				continue;
			}
			if (c->st == S_WAIT) {
				char b[65536];
				size_t want = opt.prefix + opt.size - c->got;
				ssize_t r = recv(c->fd, b, want < sizeof b ? want
				                 : sizeof b, MSG_DONTWAIT);

				if (r < 0 && errno == EAGAIN)
					continue;
				if (r <= 0) {
					conn_fail(ep, c, r ? strerror(errno)
					          : "closed by the server", j);
					continue;
				}
				if (opt.check)
					memcpy(c->reply + c->got, b, (size_t)r);
				c->got += (size_t)r;
				t_last = now_ns();
				if (c->got < opt.prefix + opt.size)
					continue;
				if (opt.check &&
				    ((opt.prefix == 22 && !prefix_ok(c->reply)) ||
				     memcmp(c->reply + opt.prefix, c->req,
				            opt.size))) {
					conn_fail(ep, c, "wrong reply", j);
					continue;
				}
				c->reqs++;
				replies++;
				if (measuring) {
					record(t_last - c->sent_ns);
					requests++;
				}
				if (opt.idle) {
					c->st = S_HELD;
					inflight--;
					ready++;
				} else if (opt.per_conn && c->reqs >= opt.per_conn) {
					epoll_ctl(ep, EPOLL_CTL_DEL, c->fd, NULL);
					close(c->fd);
					c->fd = -1;
					c->st = S_DONE;
				} else {
					send_req(ep, c, j);
				}
			}
		}
	}
	{
		uint64_t t1 = now_ns();
		double secs = opt.per_conn ? (double)(t1 - t_meas) / 1e9
		                           : (double)(t_end - t_meas) / 1e9;

		qsort(lat, nlat, sizeof *lat, cmp_u32);
		if (opt.idle) {
			unsigned long long h = 0;

			for (i = 0; i < opt.nconn; i++)
				h += cs[i].st == S_HELD;
			printf("held=%llu closed=%llu errors=%llu\n", h, closed,
			       errors);
		} else {
			printf("requests=%llu seconds=%.3f rps=%.0f p50_us=%.1f "
			       "p99_us=%.1f errors=%llu replies=%llu\n", requests,
			       secs, secs > 0 ? (double)requests / secs : 0.0,
			       pct(0.50), pct(0.99), errors, replies);
		}
	}
	for (i = 0; i < opt.nconn; i++) {
		if (cs[i].fd >= 0)
			close(cs[i].fd);
		free(cs[i].req);
		free(cs[i].reply);
	}
	free(cs);
	free(lat);
	close(ep);
	return errors || closed ? 1 : 0;
}
