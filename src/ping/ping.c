/* SPDX-License-Identifier: GPL-2.0-or-later */
/* ping.c - nsviz's own ICMP echo (see ping.h).
 *
 * The output copies iputils ping (Debian 12, iputils 20221126) line for
 * line: a learner compares what nsviz shows with what `ping` printed in the
 * tutorial, so every difference would be a question.  That includes the
 * quirks: which send failures stay silent, the blank line after statistics
 * without replies, the rounding of times and of the mean deviation.
 *
 * Design: one socket, one poll() loop.  A raw ICMP socket sees every ICMP
 * packet of the namespace, so a classic BPF filter passes only echo replies
 * carrying our identifier (and the two informational types iputils reports
 * from raw packets).  Errors - the kernel's own "host unreachable" after ARP
 * or neighbour discovery fails, and ICMP errors from routers - are read from
 * the socket's error queue (IP_RECVERR / IPV6_RECVERR), which names the
 * offender and hands back the header of our own request, so the sequence
 * number is exact.  Without CAP_NET_RAW we fall back to an ICMP datagram
 * ("ping") socket, where the kernel assigns the identifier and filters.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif
#include "ping/ping.h"

#include <arpa/inet.h>
#include <errno.h>
#include <limits.h>
#include <net/if.h>
#include <netdb.h>
#include <netinet/icmp6.h>
#include <netinet/in.h>
#include <netinet/ip.h>
#include <netinet/ip_icmp.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include <linux/errqueue.h>
#include <linux/filter.h>

/* <linux/icmp.h> would clash with <netinet/ip_icmp.h>; this is its value. */
#ifndef ICMP_FILTER
#define ICMP_FILTER 1
#endif

enum {
	DATALEN = 56,              /* payload bytes, iputils' default */
	PKTLEN = 8 + DATALEN,      /* ICMP header + payload */
	DEFAULT_LINGER_MS = 10000, /* iputils MAXWAIT */
	MIN_INTERVAL_MS = 10,      /* floor for retries and for -i 0 */
	MIN_USER_INTERVAL_MS = 2,  /* iputils refuses less to non-root */
	STOP_POLL_MS = 100,        /* longest sleep between looks at *stop */
	SEQ_SPACE = 65536
};

/* The payload starts with the send time, as iputils lays it out. */
#define STAMP_LEN ((int)sizeof(struct timeval))

/* What reading one entry of the error queue found. */
enum eq_result {
	EQ_OURS,      /* an ICMP error about one of our requests: printed */
	EQ_LOCAL,     /* a local error (e.g. EMSGSIZE): printed */
	EQ_FOREIGN,   /* someone else's error, or nothing usable: ignored */
	EQ_EMPTY,     /* nothing queued */
	EQ_FAILED     /* recvmsg failed otherwise */
};

union sockaddr_any {
	struct sockaddr sa;
	struct sockaddr_in sin;
	struct sockaddr_in6 sin6;
	struct sockaddr_storage ss;
};

struct pstate {
	const struct ping_opts *o;
	void (*line)(void *ctx, const char *line);
	void *ctx;

	int family;
	int fd;
	int raw;                   /* 1 raw socket, 0 ICMP datagram socket */
	uint16_t ident;            /* host order; meaningful on raw sockets */
	union sockaddr_any dst;
	socklen_t dstlen;
	char host[INET6_ADDRSTRLEN + IF_NAMESIZE + 2]; /* as written: addr[%if] */
	char dstname[NI_MAXHOST];  /* numeric, with %scope when it has one */
	int multicast;

	int interval_ms;
	int linger_ms;

	long ntransmitted, nreceived, nrepeats, nerrors;
	long tmin, tmax;           /* microseconds */
	long long tsum;
	double tsum2;
	long rtt8;                 /* moving average of the rtt, times 8 */
	int pipesize;
	uint16_t acked;
	int oom_count;

	int64_t start_ns;          /* CLOCK_MONOTONIC: when the loop began */
	int64_t cur_ns;            /* ... and when the last probe went out */

	uint32_t rcvd[SEQ_SPACE / 32];
	uint8_t out[PKTLEN];
};

/* ---- output ---------------------------------------------------------- */

struct linebuf {
	char s[1024];
	size_t n;
};

static void lb_add(struct linebuf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void lb_add(struct linebuf *b, const char *fmt, ...)
{
	va_list ap;
	int k;

	if (b->n >= sizeof b->s - 1)
		return;
	va_start(ap, fmt);
	k = vsnprintf(b->s + b->n, sizeof b->s - b->n, fmt, ap);
	va_end(ap);
	if (k > 0)
		b->n += (size_t)k;
	if (b->n > sizeof b->s - 1)
		b->n = sizeof b->s - 1;
}

static void lb_emit(struct pstate *st, struct linebuf *b)
{
	st->line(st->ctx, b->s);
	b->n = 0;
	b->s[0] = '\0';
}

static void say(struct pstate *st, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void say(struct pstate *st, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	st->line(st->ctx, buf);
}

/* ---- small helpers --------------------------------------------------- */

static int64_t mono_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static int stopped(const struct pstate *st)
{
	return st->o->stop && *st->o->stop;
}

static uint16_t get16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static void put16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

/* The Internet checksum (RFC 1071) of len bytes; 0 means "verifies". */
static uint16_t inet_sum(const uint8_t *p, size_t len)
{
	uint32_t sum = 0;
	size_t i;

	for (i = 0; i + 1 < len; i += 2)
		sum += (uint32_t)p[i] << 8 | p[i + 1];
	if (len & 1)
		sum += (uint32_t)p[len - 1] << 8;
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)~sum;
}

/* Numeric text of a socket address, the way getnameinfo() writes it
 * (link-local IPv6 addresses get their %interface). */
static const char *addr_text(const struct sockaddr *sa, char *buf, size_t len)
{
	socklen_t salen = sa->sa_family == AF_INET6 ? sizeof(struct sockaddr_in6)
	                                            : sizeof(struct sockaddr_in);

	if (getnameinfo(sa, salen, buf, (socklen_t)len, NULL, 0, NI_NUMERICHOST))
		snprintf(buf, len, "?");
	return buf;
}

static int is_ours(const struct pstate *st, uint16_t id)
{
	/* the kernel demultiplexes datagram ICMP sockets by identifier */
	return !st->raw || id == st->ident;
}

static int same_dst_addr(const struct pstate *st, const union sockaddr_any *a)
{
	if (st->family == AF_INET)
		return a->sin.sin_addr.s_addr == st->dst.sin.sin_addr.s_addr;
	return memcmp(&a->sin6.sin6_addr, &st->dst.sin6.sin6_addr, 16) == 0;
}

/* ---- sequence bookkeeping (duplicates, "pipe", in flight) ------------- */

static void rcvd_clear(struct pstate *st, uint16_t seq)
{
	st->rcvd[seq / 32] &= ~(1u << (seq % 32));
}

static int rcvd_test_and_set(struct pstate *st, uint16_t seq)
{
	uint32_t bit = 1u << (seq % 32);
	int was = (st->rcvd[seq / 32] & bit) != 0;

	st->rcvd[seq / 32] |= bit;
	return was;
}

static uint16_t last_seq(const struct pstate *st)
{
	return (uint16_t)st->ntransmitted;
}

/* How many probes are unanswered, counted from the newest answered one. */
static int in_flight(const struct pstate *st)
{
	uint16_t d = (uint16_t)(last_seq(st) - st->acked);

	return d < 0x8000 ? d : 0;
}

static void count_transmitted(struct pstate *st)
{
	st->ntransmitted++;
	/* after a 16-bit wrap an old acked value would look like the future */
	if ((uint16_t)(last_seq(st) - st->acked) >= 0x8000)
		st->acked = (uint16_t)(last_seq(st) + 1);
}

/* An answer (reply or error) for seq came: track the deepest pipeline
 * seen, which iputils reports as "pipe N". */
static void acknowledge(struct pstate *st, uint16_t seq)
{
	uint16_t behind = (uint16_t)(last_seq(st) - seq);

	if (behind >= 0x8000)
		return;            /* a seq we have not sent yet */
	if (behind + 1 > st->pipesize)
		st->pipesize = behind + 1;
	if ((int16_t)(seq - st->acked) > 0 ||
	    (uint16_t)(last_seq(st) - st->acked) >= 0x8000)
		st->acked = seq;
}

/* ---- describing ICMP errors, in iputils' words ----------------------- */

static void describe_icmp4(struct linebuf *b, int type, int code, uint32_t info,
                           uint32_t gateway)
{
	static const char *const unreach[] = {
		"Destination Net Unreachable",
		"Destination Host Unreachable",
		"Destination Protocol Unreachable",
		"Destination Port Unreachable",
		NULL, /* fragmentation needed: has the mtu */
		"Source Route Failed",
		"Destination Net Unknown",
		"Destination Host Unknown",
		"Source Host Isolated",
		"Destination Net Prohibited",
		"Destination Host Prohibited",
		"Destination Net Unreachable for Type of Service",
		"Destination Host Unreachable for Type of Service",
		"Packet filtered",
		"Precedence Violation",
		"Precedence Cutoff",
	};
	static const char *const redirect[] = {
		"Redirect Network", "Redirect Host",
		"Redirect Type of Service and Network",
		"Redirect Type of Service and Host",
	};
	static const char *const plain[] = {
		[ICMP_ECHOREPLY] = "Echo Reply",
		[ICMP_SOURCE_QUENCH] = "Source Quench",
		[ICMP_ECHO] = "Echo Request",
		[ICMP_TIMESTAMP] = "Timestamp",
		[ICMP_TIMESTAMPREPLY] = "Timestamp Reply",
		[ICMP_INFO_REQUEST] = "Information Request",
		[ICMP_INFO_REPLY] = "Information Reply",
		[ICMP_ADDRESS] = "Address Mask Request",
		[ICMP_ADDRESSREPLY] = "Address Mask Reply",
	};

	switch (type) {
	case ICMP_DEST_UNREACH:
		if (code == ICMP_FRAG_NEEDED)
			lb_add(b, "Frag needed and DF set (mtu = %u)", info);
		else if (code >= 0 && code < (int)(sizeof unreach / sizeof *unreach))
			lb_add(b, "%s", unreach[code]);
		else
			lb_add(b, "Dest Unreachable, Bad Code: %d", code);
		return;
	case ICMP_REDIRECT: {
		struct sockaddr_in gw = { .sin_family = AF_INET };
		char gws[NI_MAXHOST];

		if (code >= 0 && code < (int)(sizeof redirect / sizeof *redirect))
			lb_add(b, "%s", redirect[code]);
		else
			lb_add(b, "Redirect, Bad Code: %d", code);
		gw.sin_addr.s_addr = gateway;
		lb_add(b, "(New nexthop: %s)",
		       addr_text((struct sockaddr *)&gw, gws, sizeof gws));
		return;
	}
	case ICMP_TIME_EXCEEDED:
		if (code == ICMP_EXC_TTL)
			lb_add(b, "Time to live exceeded");
		else if (code == ICMP_EXC_FRAGTIME)
			lb_add(b, "Frag reassembly time exceeded");
		else
			lb_add(b, "Time exceeded, Bad Code: %d", code);
		return;
	case ICMP_PARAMETERPROB:
		lb_add(b, "Parameter problem: pointer = %u", info);
		return;
	default:
		if (type >= 0 && type < (int)(sizeof plain / sizeof *plain) && plain[type])
			lb_add(b, "%s", plain[type]);
		else
			lb_add(b, "Bad ICMP type: %d", type);
	}
}

static void describe_icmp6(struct linebuf *b, int type, int code, uint32_t info)
{
	/* iputils 20221126 knows codes 0-4 only; 5 and 6 print as unknown */
	static const char *const unreach[] = {
		"No route", "Administratively prohibited",
		"Beyond scope of source address", "Address unreachable",
		"Port unreachable",
	};

	switch (type) {
	case ICMP6_DST_UNREACH:
		lb_add(b, "Destination unreachable: ");
		if (code >= 0 && code < (int)(sizeof unreach / sizeof *unreach))
			lb_add(b, "%s", unreach[code]);
		else
			lb_add(b, "Unknown code %d", code);
		return;
	case ICMP6_PACKET_TOO_BIG:
		lb_add(b, "Packet too big: mtu=%u", info);
		if (code)
			lb_add(b, ", code=%d", code);
		return;
	case ICMP6_TIME_EXCEEDED:
		lb_add(b, "Time exceeded: ");
		if (code == ICMP6_TIME_EXCEED_TRANSIT)
			lb_add(b, "Hop limit");
		else if (code == ICMP6_TIME_EXCEED_REASSEMBLY)
			lb_add(b, "Defragmentation failure");
		else
			lb_add(b, "code %d", code);
		return;
	case ICMP6_PARAM_PROB:
		lb_add(b, "Parameter problem: ");
		if (code == ICMP6_PARAMPROB_HEADER)
			lb_add(b, "Wrong header field ");
		else if (code == ICMP6_PARAMPROB_NEXTHEADER)
			lb_add(b, "Unknown header ");
		else if (code == ICMP6_PARAMPROB_OPTION)
			lb_add(b, "Unknown option ");
		else
			lb_add(b, "code %d ", code);
		lb_add(b, "at %u", info);
		return;
	case ICMP6_ECHO_REQUEST: lb_add(b, "Echo request"); return;
	case ICMP6_ECHO_REPLY:   lb_add(b, "Echo reply"); return;
	case MLD_LISTENER_QUERY: lb_add(b, "MLD Query"); return;
	case MLD_LISTENER_REPORT: lb_add(b, "MLD Report"); return;
	case MLD_LISTENER_REDUCTION: lb_add(b, "MLD Reduction"); return;
	default:
		lb_add(b, "unknown icmp type: %u", (unsigned)type);
	}
}

/* A round trip in microseconds as iputils shows it: three decimals under
 * 1 ms, then two, one and none, so about three significant digits. */
static void add_triptime(struct linebuf *b, long us)
{
	int decimals;
	long unit, v, scale;

	if (us >= 99950)
		decimals = 0;
	else if (us >= 9995)
		decimals = 1;
	else if (us >= 1000)
		decimals = 2;
	else
		decimals = 3;
	unit = decimals == 0 ? 1000 : decimals == 1 ? 100 : decimals == 2 ? 10 : 1;
	scale = 1000 / unit;                 /* 10^decimals */
	v = (us + unit / 2) / unit;          /* rounded to the shown digits */
	if (decimals == 0)
		lb_add(b, " time=%ld ms", v);
	else
		lb_add(b, " time=%ld.%0*ld ms", v / scale, decimals, v % scale);
}

/* ---- setup ----------------------------------------------------------- */

static int resolve_dst(struct pstate *st)
{
	const struct ping_opts *o = st->o;
	char a[INET6_ADDRSTRLEN];

	st->family = o->dst.family;
	w_ip_str(&o->dst, a, sizeof a);
	if (o->ifname && o->ifname[0])
		snprintf(st->host, sizeof st->host, "%s%%%s", a, o->ifname);
	else
		snprintf(st->host, sizeof st->host, "%s", a);

	memset(&st->dst, 0, sizeof st->dst);
	if (st->family == AF_INET) {
		st->dst.sin.sin_family = AF_INET;
		memcpy(&st->dst.sin.sin_addr, o->dst.a, 4);
		st->dstlen = sizeof st->dst.sin;
		st->multicast = IN_MULTICAST(ntohl(st->dst.sin.sin_addr.s_addr));
	} else if (st->family == AF_INET6) {
		st->dst.sin6.sin6_family = AF_INET6;
		memcpy(&st->dst.sin6.sin6_addr, o->dst.a, 16);
		st->dstlen = sizeof st->dst.sin6;
		st->multicast = IN6_IS_ADDR_MULTICAST(&st->dst.sin6.sin6_addr);
	} else {
		say(st, "ping: usage error: Destination address required");
		return -1;
	}

	if (o->ifname && o->ifname[0]) {
		/* getaddrinfo() accepts a zone on link-scoped IPv6 only */
		const struct in6_addr *a6 = &st->dst.sin6.sin6_addr;
		unsigned idx = 0;
		char *end;

		if (st->family == AF_INET6 &&
		    (IN6_IS_ADDR_LINKLOCAL(a6) || IN6_IS_ADDR_MC_LINKLOCAL(a6))) {
			idx = if_nametoindex(o->ifname);
			if (!idx) {
				unsigned long v = strtoul(o->ifname, &end, 10);

				if (*end == '\0' && v > 0 && v <= UINT_MAX)
					idx = (unsigned)v;
			}
		}
		if (!idx && st->family == AF_INET6 &&
		    (IN6_IS_ADDR_LINKLOCAL(a6) || IN6_IS_ADDR_MC_LINKLOCAL(a6))) {
			/* iputils: "Name or service not known"; say which */
			if (!o->ns_name)
				say(st, "%s: no such device in this namespace",
				    o->ifname);
			else if (!o->ns_name[0])
				say(st, "%s: no such device in the host namespace",
				    o->ifname);
			else
				say(st, "%s: no such device in namespace %s",
				    o->ifname, o->ns_name);
			return -1;
		}
		if (!idx) {
			say(st, "ping: %s: a %%INTERFACE zone is for IPv6 "
			    "link-local addresses", st->host);
			return -1;
		}
		st->dst.sin6.sin6_scope_id = idx;
	}
	addr_text(&st->dst.sa, st->dstname, sizeof st->dstname);
	return 0;
}

static int link_scoped(const struct pstate *st)
{
	const struct in6_addr *a6 = &st->dst.sin6.sin6_addr;

	return st->family == AF_INET6 &&
	       (IN6_IS_ADDR_LINKLOCAL(a6) || IN6_IS_ADDR_MC_LINKLOCAL(a6));
}

static int needs_scope(const struct pstate *st)
{
	return link_scoped(st) && st->dst.sin6.sin6_scope_id == 0;
}

static int open_socket(struct pstate *st)
{
	int proto = st->family == AF_INET ? IPPROTO_ICMP : IPPROTO_ICMPV6;
	int raw_errno;

	st->fd = socket(st->family, SOCK_RAW | SOCK_CLOEXEC, proto);
	if (st->fd >= 0) {
		st->raw = 1;
		return 0;
	}
	raw_errno = errno;
	if (raw_errno == EPERM || raw_errno == EACCES) {
		/* no CAP_NET_RAW: the ping socket, if ping_group_range allows */
		st->fd = socket(st->family, SOCK_DGRAM | SOCK_CLOEXEC, proto);
		if (st->fd >= 0) {
			st->raw = 0;
			return 0;
		}
	}
	say(st, "ping: socktype: SOCK_RAW");
	say(st, "ping: socket: %s", strerror(raw_errno));
	return -1;
}

static void attach_filter(struct pstate *st)
{
	/* Raw IPv4 sockets see the IP header first, IPv6 ones the ICMPv6
	 * header.  Pass echo replies with our identifier; on IPv4 also the
	 * redirects and source quenches iputils reports from raw packets.
	 * Errors arrive on the error queue, which no filter touches. */
	struct sock_filter v4[] = {
		BPF_STMT(BPF_LDX | BPF_B | BPF_MSH, 0),      /* X = IP hdr len */
		BPF_STMT(BPF_LD | BPF_B | BPF_IND, 0),       /* A = type */
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, ICMP_ECHOREPLY, 0, 2),
		BPF_STMT(BPF_LD | BPF_H | BPF_IND, 4),       /* A = identifier */
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, st->ident, 2, 3),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, ICMP_SOURCE_QUENCH, 1, 0),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, ICMP_REDIRECT, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, 0xffffffff),
		BPF_STMT(BPF_RET | BPF_K, 0),
	};
	struct sock_filter v6[] = {
		BPF_STMT(BPF_LD | BPF_B | BPF_ABS, 0),       /* A = type */
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, ICMP6_ECHO_REPLY, 0, 2),
		BPF_STMT(BPF_LD | BPF_H | BPF_ABS, 4),       /* A = identifier */
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, st->ident, 1, 0),
		BPF_STMT(BPF_RET | BPF_K, 0),
		BPF_STMT(BPF_RET | BPF_K, 0xffffffff),
	};
	struct sock_fprog prog;

	if (st->family == AF_INET) {
		prog.len = sizeof v4 / sizeof *v4;
		prog.filter = v4;
	} else {
		prog.len = sizeof v6 / sizeof *v6;
		prog.filter = v6;
	}
	/* best effort: replies are checked by identifier anyway */
	(void)setsockopt(st->fd, SOL_SOCKET, SO_ATTACH_FILTER, &prog, sizeof prog);
}

static void setup_socket(struct pstate *st)
{
	int on = 1;

	if (st->family == AF_INET) {
		if (st->raw) {
			uint32_t block = ~(uint32_t)((1u << ICMP_ECHOREPLY) |
			                             (1u << ICMP_SOURCE_QUENCH) |
			                             (1u << ICMP_REDIRECT));
			(void)setsockopt(st->fd, SOL_RAW, ICMP_FILTER, &block, sizeof block);
		} else {
			(void)setsockopt(st->fd, IPPROTO_IP, IP_RECVTTL, &on, sizeof on);
		}
		(void)setsockopt(st->fd, IPPROTO_IP, IP_RECVERR, &on, sizeof on);
	} else {
		if (st->raw) {
			struct icmp6_filter f;

			ICMP6_FILTER_SETBLOCKALL(&f);
			ICMP6_FILTER_SETPASS(ICMP6_ECHO_REPLY, &f);
			(void)setsockopt(st->fd, IPPROTO_ICMPV6, ICMP6_FILTER, &f, sizeof f);
		}
		(void)setsockopt(st->fd, IPPROTO_IPV6, IPV6_RECVERR, &on, sizeof on);
		(void)setsockopt(st->fd, IPPROTO_IPV6, IPV6_RECVHOPLIMIT, &on, sizeof on);
	}
	(void)setsockopt(st->fd, SOL_SOCKET, SO_TIMESTAMP, &on, sizeof on);
	if (st->raw)
		attach_filter(st);
}

/* Like iputils: connect a UDP socket to the target first, so that a
 * missing route is reported before anything is sent. */
static int probe_route(struct pstate *st)
{
	union sockaddr_any d = st->dst;
	int fd, err;

	if (link_scoped(st))
		return 0;          /* iputils skips link-scoped targets, zone or not */
	fd = socket(st->family, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd < 0) {
		say(st, "ping: socket: %s", strerror(errno));
		return -1;
	}
	if (st->family == AF_INET)
		d.sin.sin_port = htons(1025);
	else
		d.sin6.sin6_port = htons(1025);
	if (connect(fd, &d.sa, st->dstlen) < 0) {
		err = errno;
		close(fd);
		if (st->family == AF_INET && err == EACCES)
			say(st, "ping: Do you want to ping broadcast? Then -b. "
			        "If not, check your local firewall rules");
		else
			say(st, "ping: connect: %s", strerror(err));
		return -1;
	}
	close(fd);
	return 0;
}

static uint16_t random_ident(void)
{
	uint16_t id = 0;

	if (getrandom(&id, sizeof id, GRND_NONBLOCK) != (ssize_t)sizeof id)
		id = (uint16_t)(getpid() ^ (mono_ns() >> 10));
	return id ? id : 1;
}

/* ---- the error queue ------------------------------------------------- */

static enum eq_result read_errqueue_one(struct pstate *st)
{
	uint8_t orig[8];           /* the ICMP header of our own request */
	union sockaddr_any target;
	union {
		char buf[512];
		struct cmsghdr align;
	} cbuf;
	struct iovec iov = { .iov_base = orig, .iov_len = sizeof orig };
	struct msghdr msg = {
		.msg_name = &target, .msg_namelen = sizeof target,
		.msg_iov = &iov, .msg_iovlen = 1,
		.msg_control = cbuf.buf, .msg_controllen = sizeof cbuf.buf,
	};
	struct sock_extended_err ee;
	const struct sockaddr *offender = NULL;
	union sockaddr_any off;
	struct cmsghdr *c;
	struct linebuf b = { .n = 0 };
	char offs[NI_MAXHOST];
	ssize_t n;
	int found = 0;
	uint16_t seq;

	memset(&target, 0, sizeof target);
	n = recvmsg(st->fd, &msg, MSG_ERRQUEUE | MSG_DONTWAIT);
	if (n < 0)
		return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR
		       ? EQ_EMPTY : EQ_FAILED;

	for (c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c)) {
		int want_level = st->family == AF_INET ? SOL_IP : SOL_IPV6;
		int want_type = st->family == AF_INET ? IP_RECVERR : IPV6_RECVERR;

		if (c->cmsg_level != want_level || c->cmsg_type != want_type ||
		    c->cmsg_len < CMSG_LEN(sizeof ee))
			continue;
		memcpy(&ee, CMSG_DATA(c), sizeof ee);
		/* the offender's address follows the extended error */
		memset(&off, 0, sizeof off);
		{
			size_t have = c->cmsg_len - CMSG_LEN(sizeof ee);

			if (have > sizeof off)
				have = sizeof off;
			memcpy(&off, CMSG_DATA(c) + sizeof ee, have);
			if (have >= sizeof(sa_family_t) &&
			    (off.sa.sa_family == AF_INET || off.sa.sa_family == AF_INET6))
				offender = &off.sa;
		}
		found = 1;
	}
	if (!found)
		return EQ_FOREIGN;

	if (ee.ee_origin == SO_EE_ORIGIN_LOCAL) {
		st->nerrors++;
		if (ee.ee_errno == EMSGSIZE)
			say(st, st->family == AF_INET
			        ? "ping: local error: message too long, mtu=%u"
			        : "ping: local error: message too long, mtu: %u",
			    ee.ee_info);
		else
			say(st, "ping: local error: %s", strerror((int)ee.ee_errno));
		return EQ_LOCAL;
	}
	if (ee.ee_origin != (st->family == AF_INET ? SO_EE_ORIGIN_ICMP
	                                           : SO_EE_ORIGIN_ICMP6))
		return EQ_FOREIGN;
	if (n < (ssize_t)sizeof orig || !same_dst_addr(st, &target) ||
	    orig[0] != (st->family == AF_INET ? ICMP_ECHO : ICMP6_ECHO_REQUEST) ||
	    !is_ours(st, get16(orig + 4)))
		return EQ_FOREIGN;

	seq = get16(orig + 6);
	if (st->family == AF_INET)
		acknowledge(st, seq);      /* iputils' ping6 does not */
	st->nerrors++;
	if (offender)
		addr_text(offender, offs, sizeof offs);
	else
		snprintf(offs, sizeof offs, "?");
	lb_add(&b, "From %s icmp_seq=%u ", offs, seq);
	if (st->family == AF_INET)
		describe_icmp4(&b, ee.ee_type, ee.ee_code, ee.ee_info, ee.ee_info);
	else
		describe_icmp6(&b, ee.ee_type, ee.ee_code, ee.ee_info);
	lb_emit(st, &b);
	return EQ_OURS;
}

static void drain_errqueue(struct pstate *st)
{
	int i;

	for (i = 0; i < 256; i++) {
		enum eq_result r = read_errqueue_one(st);

		if (r == EQ_EMPTY || r == EQ_FAILED)
			break;
	}
}

/* ---- sending --------------------------------------------------------- */

static int send_probe(struct pstate *st)
{
	uint8_t *p = st->out;
	uint16_t seq = (uint16_t)(st->ntransmitted + 1);
	struct timeval tv;
	ssize_t n;

	rcvd_clear(st, seq);
	p[0] = st->family == AF_INET ? ICMP_ECHO : ICMP6_ECHO_REQUEST;
	p[1] = 0;
	put16(p + 2, 0);
	put16(p + 4, st->ident);   /* datagram sockets replace it */
	put16(p + 6, seq);
	gettimeofday(&tv, NULL);
	memcpy(p + 8, &tv, sizeof tv);
	if (st->family == AF_INET)  /* the kernel sums ICMPv6 itself */
		put16(p + 2, inet_sum(p, PKTLEN));

	n = sendto(st->fd, p, PKTLEN, MSG_DONTWAIT, &st->dst.sa, st->dstlen);
	if (n == PKTLEN)
		return 0;
	if (n >= 0)
		errno = EMSGSIZE;
	return -1;
}

/* Send the next probe if the schedule says so; returns when to try next
 * (CLOCK_MONOTONIC ns).  A probe that failed hard still counts as
 * transmitted, as in iputils. */
static int64_t pinger(struct pstate *st, int64_t now)
{
	int64_t ms = 1000000;
	int spacing = st->interval_ms < MIN_INTERVAL_MS ? MIN_INTERVAL_MS
	                                                : st->interval_ms;
	int report = 0, attempts = 0, err;

	st->cur_ns = now;
resend:
	if (send_probe(st) == 0) {
		st->oom_count = 0;
		count_transmitted(st);
		return now + (st->interval_ms ? st->interval_ms : MIN_INTERVAL_MS) * ms;
	}
	err = errno;
	if (err == ENOBUFS || err == ENOMEM) {
		/* device queue full: retry for a while before giving up */
		int retry = spacing / 2 < MIN_INTERVAL_MS ? MIN_INTERVAL_MS : spacing / 2;

		if (retry > 500)
			retry = 500;
		st->oom_count++;
		if (st->oom_count * retry < st->linger_ms)
			return now + retry * ms;
		report = 1;
	} else if (err == EAGAIN || err == EWOULDBLOCK) {
		return now + MIN_INTERVAL_MS * ms;
	} else {
		/* A queued ICMP error makes the send fail with its errno.
		 * iputils reads one error then: ours is printed together with
		 * the send error; nothing queued leaves the failure silent;
		 * someone else's error means "just try again". */
		switch (read_errqueue_one(st)) {
		case EQ_OURS:
		case EQ_FAILED:
			report = 1;
			break;
		case EQ_FOREIGN:
			if (++attempts < 8)
				goto resend;
			break;
		case EQ_LOCAL:
		case EQ_EMPTY:
			break;
		}
	}
	count_transmitted(st);
	st->oom_count = 0;
	if (report)
		say(st, "ping: sendmsg: %s", strerror(err));
	return now + spacing * ms;
}

/* ---- receiving ------------------------------------------------------- */

/* Count and print one echo reply (icmp points at its ICMP header, cc
 * bytes long).  hops < 0: unknown. */
static void got_reply(struct pstate *st, const uint8_t *icmp, int cc,
                      int hops, const struct timeval *rtv,
                      const union sockaddr_any *from)
{
	struct linebuf b = { .n = 0 };
	char froms[NI_MAXHOST];
	uint16_t seq = get16(icmp + 6);
	long triptime = 0;
	int dup = 0, wrong_source;

	wrong_source = !st->multicast && !same_dst_addr(st, from);

	st->nreceived++;
	acknowledge(st, seq);
	if (cc >= 8 + STAMP_LEN) {
		struct timeval stv;

		memcpy(&stv, icmp + 8, sizeof stv);
		triptime = (long)(rtv->tv_sec - stv.tv_sec) * 1000000 +
		           (long)(rtv->tv_usec - stv.tv_usec);
		if (triptime < 0) {
			say(st, "ping: Warning: time of day goes back (%ldus), "
			        "taking countermeasures", triptime);
			triptime = 0;
		}
		st->tsum += triptime;
		st->tsum2 += (double)triptime * (double)triptime;
		if (triptime < st->tmin)
			st->tmin = triptime;
		if (triptime > st->tmax)
			st->tmax = triptime;
		if (!st->rtt8)
			st->rtt8 = triptime * 8;
		else
			st->rtt8 += triptime - st->rtt8 / 8;
	}
	if (rcvd_test_and_set(st, seq)) {
		st->nrepeats++;
		st->nreceived--;
		dup = 1;
	}

	lb_add(&b, "%d bytes from %s: icmp_seq=%u", cc,
	       addr_text(&from->sa, froms, sizeof froms), seq);
	if (hops >= 0)
		lb_add(&b, " ttl=%d", hops);
	if (cc < PKTLEN) {
		lb_add(&b, " (truncated)");
		lb_emit(st, &b);
		return;
	}
	add_triptime(&b, triptime);
	if (dup && !st->multicast)
		lb_add(&b, " (DUP!)");
	if (wrong_source)
		lb_add(&b, " (DIFFERENT ADDRESS!)");
	lb_emit(st, &b);

	/* the payload must come back as it was sent */
	for (int i = STAMP_LEN; i < DATALEN; i++) {
		if (icmp[8 + i] == st->out[8 + i])
			continue;
		say(st, "wrong data byte #%d should be 0x%x but was 0x%x",
		    i, st->out[8 + i], icmp[8 + i]);
		for (int j = STAMP_LEN; j < DATALEN; j++) {
			if (j % 32 == STAMP_LEN) {
				if (b.n)
					lb_emit(st, &b);
				lb_add(&b, "#%d\t", j);
			}
			lb_add(&b, "%x ", icmp[8 + j]);
		}
		if (b.n)
			lb_emit(st, &b);
		break;
	}
}

/* An ICMP message quoting one of our requests, seen on the raw IPv4
 * socket: errors only move the pipeline count (the error queue reports
 * them); redirects and source quenches are printed. */
static void got_icmp4_quote(struct pstate *st, const uint8_t *icmp, int cc,
                            int csfailed, const union sockaddr_any *from)
{
	struct linebuf b = { .n = 0 };
	char froms[NI_MAXHOST];
	struct iphdr inner;
	const uint8_t *q;
	struct in_addr daddr;

	if (cc < 8 + (int)sizeof inner + 8)
		return;
	memcpy(&inner, icmp + 8, sizeof inner);
	if (cc < 8 + inner.ihl * 4 + 8)
		return;
	q = icmp + 8 + inner.ihl * 4;
	daddr.s_addr = inner.daddr;
	if (q[0] != ICMP_ECHO || daddr.s_addr != st->dst.sin.sin_addr.s_addr ||
	    !is_ours(st, get16(q + 4)))
		return;
	if (icmp[0] != ICMP_REDIRECT && icmp[0] != ICMP_SOURCE_QUENCH) {
		acknowledge(st, get16(q + 6));
		return;
	}
	lb_add(&b, "From %s: icmp_seq=%u ",
	       addr_text(&from->sa, froms, sizeof froms), get16(q + 6));
	if (csfailed)
		lb_add(&b, "(BAD CHECKSUM)");
	{
		uint32_t gw;

		memcpy(&gw, icmp + 4, 4);
		describe_icmp4(&b, icmp[0], icmp[1], ntohl(gw), gw);
	}
	lb_emit(st, &b);
}

static void handle_packet(struct pstate *st, uint8_t *buf, int cc,
                          struct msghdr *msg, const union sockaddr_any *from)
{
	struct timeval rtv;
	struct cmsghdr *c;
	int have_stamp = 0, hops = -1;
	const uint8_t *icmp = buf;

	for (c = CMSG_FIRSTHDR(msg); c; c = CMSG_NXTHDR(msg, c)) {
		if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SO_TIMESTAMP &&
		    c->cmsg_len >= CMSG_LEN(sizeof rtv)) {
			memcpy(&rtv, CMSG_DATA(c), sizeof rtv);
			have_stamp = 1;
		} else if (((c->cmsg_level == SOL_IP && c->cmsg_type == IP_TTL) ||
		            (c->cmsg_level == SOL_IPV6 && c->cmsg_type == IPV6_HOPLIMIT)) &&
		           c->cmsg_len >= CMSG_LEN(sizeof(int))) {
			memcpy(&hops, CMSG_DATA(c), sizeof hops);
		}
	}
	if (!have_stamp)
		gettimeofday(&rtv, NULL);

	if (st->family == AF_INET) {
		int csfailed;

		if (st->raw) {
			int hlen = (buf[0] & 0x0f) * 4;

			if (cc < 20 || hlen < 20 || cc < hlen + 8)
				return;
			hops = buf[8];
			icmp = buf + hlen;
			cc -= hlen;
		} else if (hops < 0) {
			hops = 0;  /* iputils prints ttl=0 when none came */
		}
		if (cc < 8)
			return;
		csfailed = inet_sum(icmp, (size_t)cc) != 0;
		if (icmp[0] == ICMP_ECHOREPLY) {
			/* iputils 20221126 does not check the checksum of
			 * replies on raw sockets (the kernel drops bad ones
			 * only after raw delivery); neither do we */
			if (!is_ours(st, get16(icmp + 4)))
				return;
			got_reply(st, icmp, cc, hops, &rtv, from);
		} else if (st->raw) {
			switch (icmp[0]) {
			case ICMP_SOURCE_QUENCH:
			case ICMP_REDIRECT:
			case ICMP_DEST_UNREACH:
			case ICMP_TIME_EXCEEDED:
			case ICMP_PARAMETERPROB:
				got_icmp4_quote(st, icmp, cc, csfailed, from);
				break;
			default:
				break;
			}
		}
		return;
	}

	/* IPv6: the kernel verified the checksum and strips the header */
	if (cc < 8 || icmp[0] != ICMP6_ECHO_REPLY || !is_ours(st, get16(icmp + 4)))
		return;
	got_reply(st, icmp, cc, hops, &rtv, from);
}

static void drain_socket(struct pstate *st)
{
	uint8_t buf[4096];
	union {
		char buf[512];
		struct cmsghdr align;
	} cbuf;
	int i;

	for (i = 0; i < 256; i++) {
		union sockaddr_any from;
		struct iovec iov = { .iov_base = buf, .iov_len = sizeof buf };
		struct msghdr msg = {
			.msg_name = &from, .msg_namelen = sizeof from,
			.msg_iov = &iov, .msg_iovlen = 1,
			.msg_control = cbuf.buf, .msg_controllen = sizeof cbuf.buf,
		};
		ssize_t n;

		memset(&from, 0, sizeof from);
		n = recvmsg(st->fd, &msg, MSG_DONTWAIT);
		if (n < 0) {
			if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)
				return;
			/* a pending socket error (e.g. EHOSTUNREACH) surfaces
			 * here; its details wait in the error queue */
			drain_errqueue(st);
			continue;
		}
		handle_packet(st, buf, (int)n, &msg, &from);
		/* like iputils, look at the exit conditions as soon as
		 * everything sent is answered (a multicast ping then ends
		 * before the late duplicates of the last probe) */
		if (in_flight(st) == 0)
			return;
	}
}

/* ---- statistics ------------------------------------------------------ */

/* Integer square root by Newton's method from above, stopping as soon as
 * an iterate no longer decreases - and returning that iterate.  iputils
 * computes the mean deviation this way; an exact floor would print
 * 0.025 where ping prints 0.026. */
static long newton_sqrt(long long a)
{
	long long x = a, prev;

	if (a <= 0)
		return (long)a;
	do {
		prev = x;
		x = (x + a / x) / 2;
	} while (x < prev);
	return (long)x;
}

static void finish(struct pstate *st)
{
	struct linebuf b = { .n = 0 };
	int64_t span = st->cur_ns - st->start_ns;
	const char *sep = "";

	if (span < 0)
		span = 0;
	say(st, "%s", "");
	say(st, "--- %s ping statistics ---", st->host);
	lb_add(&b, "%ld packets transmitted, %ld received",
	       st->ntransmitted, st->nreceived);
	if (st->nrepeats)
		lb_add(&b, ", +%ld duplicates", st->nrepeats);
	if (st->nerrors)
		lb_add(&b, ", +%ld errors", st->nerrors);
	if (st->ntransmitted) {
		float loss = (float)((double)(st->ntransmitted - st->nreceived) *
		                     100.0 / (double)st->ntransmitted);

		lb_add(&b, ", %g%% packet loss", (double)loss);
		lb_add(&b, ", time %lldms", (long long)((span + 500000) / 1000000));
	}
	lb_emit(st, &b);

	if (st->o->stats) {
		struct ping_stats *ps = st->o->stats;

		ps->transmitted = st->ntransmitted;
		ps->received = st->nreceived;
		ps->errors = st->nerrors;
		if (st->nreceived) {
			ps->rtt_min_us = st->tmin;
			ps->rtt_max_us = st->tmax;
			ps->rtt_avg_us = (long)(st->tsum /
			                        (st->nreceived + st->nrepeats));
		}
	}
	if (st->nreceived) {
		long total = st->nreceived + st->nrepeats;
		long avg = (long)(st->tsum / total);
		long long var;
		long mdev;

		if (st->tsum < INT_MAX)
			/* this order keeps small times from rounding away */
			var = (long long)((st->tsum2 - (double)(st->tsum * st->tsum / total)) /
			                  (double)total);
		else
			var = (long long)(st->tsum2 / (double)total) - (long long)avg * avg;
		mdev = newton_sqrt(var);
		lb_add(&b, "rtt min/avg/max/mdev = %ld.%03ld/%ld.%03ld/%ld.%03ld/%ld.%03ld ms",
		       st->tmin / 1000, st->tmin % 1000, avg / 1000, avg % 1000,
		       st->tmax / 1000, st->tmax % 1000, mdev / 1000, mdev % 1000);
		sep = ", ";
	}
	if (st->pipesize > 1) {
		lb_add(&b, "%spipe %d", sep, st->pipesize);
		sep = ", ";
	}
	if (st->nreceived && st->interval_ms == 0 && st->ntransmitted > 1) {
		long ipg = (long)(span / 1000 / (st->ntransmitted - 1));

		lb_add(&b, "%sipg/ewma %ld.%03ld/%ld.%03ld ms", sep,
		       ipg / 1000, ipg % 1000, st->rtt8 / 8000, (st->rtt8 / 8) % 1000);
	}
	lb_emit(st, &b);   /* iputils ends with this line even when empty */
}

/* ---- the loop -------------------------------------------------------- */

static int check_timing(struct pstate *st)
{
	const struct ping_opts *o = st->o;

	/* written so that NaN takes the defaults too */
	if (!(o->interval >= 0))
		st->interval_ms = 1000;
	else if (o->interval * 1000 >= (double)INT_MAX) {
		say(st, "ping: bad timing interval: %g", o->interval);
		return -1;
	} else
		st->interval_ms = (int)(o->interval * 1000);

	if (!(o->wait > 0))
		st->linger_ms = DEFAULT_LINGER_MS;
	else if (o->wait < 0.001 || o->wait * 1000 >= (double)INT_MAX) {
		say(st, "ping: bad linger time: %g", o->wait);
		return -1;
	} else
		st->linger_ms = (int)(o->wait * 1000);
	return 0;
}

static int run(struct pstate *st)
{
	const int64_t ms = 1000000;
	int count = st->o->count > 0 ? st->o->count : 0;
	int64_t next_send, deadline = -1;

	st->start_ns = mono_ns();
	next_send = st->start_ns;

	for (;;) {
		int64_t now, until, wait_ns;
		struct pollfd pfd = { .fd = st->fd, .events = POLLIN };
		int rc;

		if (stopped(st))
			break;
		if (count && st->nreceived + st->nerrors >= count)
			break;
		now = mono_ns();
		if (deadline >= 0 && now >= deadline)
			break;

		if (deadline < 0 && (!count || st->ntransmitted < count) &&
		    (now >= next_send ||
		     (st->interval_ms == 0 && st->ntransmitted && in_flight(st) == 0))) {
			next_send = pinger(st, now);
			if (count && st->ntransmitted >= count) {
				/* after the last probe: wait for stragglers,
				 * two round trips once replies came, else -W */
				int64_t w;

				if (st->nreceived) {
					w = 2 * (int64_t)st->tmax * 1000;
					if (w < (int64_t)st->interval_ms * ms)
						w = (int64_t)st->interval_ms * ms;
				} else {
					w = (int64_t)st->linger_ms * ms;
				}
				deadline = mono_ns() + w;
			}
			continue;
		}

		until = deadline >= 0 ? deadline : next_send;
		wait_ns = until - now;
		if (wait_ns < 0)
			wait_ns = 0;
		if (st->o->stop && wait_ns > STOP_POLL_MS * ms)
			wait_ns = STOP_POLL_MS * ms;
		rc = poll(&pfd, 1, (int)((wait_ns + ms - 1) / ms));
		if (rc < 0) {
			if (errno == EINTR)
				continue;
			say(st, "ping: poll: %s", strerror(errno));
			break;
		}
		if (rc == 0)
			continue;
		if (pfd.revents & POLLERR) {
			drain_errqueue(st);
			/* a socket error with nothing queued would keep POLLERR
			 * up forever: collect it */
			if (!(pfd.revents & POLLIN)) {
				int soerr;
				socklen_t sl = sizeof soerr;

				(void)getsockopt(st->fd, SOL_SOCKET, SO_ERROR, &soerr, &sl);
			}
		}
		if (pfd.revents & POLLIN)
			drain_socket(st);
	}
	finish(st);
	return st->nreceived ? 0 : 1;
}

int ping_run(const struct ping_opts *o,
             void (*line)(void *ctx, const char *line), void *ctx)
{
	struct pstate *st;
	int rc = 2;

	st = calloc(1, sizeof *st);
	if (!st) {
		line(ctx, "ping: memory allocation failed");
		return 2;
	}
	if (o->stats)
		memset(o->stats, 0, sizeof *o->stats);
	st->o = o;
	st->line = line;
	st->ctx = ctx;
	st->fd = -1;
	st->tmin = LONG_MAX;
	st->pipesize = -1;
	for (int i = 0; i < DATALEN; i++)
		st->out[8 + i] = (uint8_t)i;

	if (resolve_dst(st) < 0 || check_timing(st) < 0 || open_socket(st) < 0)
		goto out;
	if (!st->raw && needs_scope(st))
		say(st, "ping: Warning: IPv6 link-local address on ICMP datagram "
		        "socket may require ifname or scope-id => use: "
		        "address%%<ifname|scope-id>");
	if (probe_route(st) < 0)
		goto out;
	st->ident = random_ident();
	setup_socket(st);

	if (st->family == AF_INET)
		say(st, "PING %s (%s) %d(%d) bytes of data.", st->host, st->dstname,
		    DATALEN, DATALEN + 8 + 20);
	else
		say(st, "PING %s(%s) %d data bytes", st->host, st->dstname, DATALEN);

	if (getuid() != 0 && st->interval_ms < MIN_USER_INTERVAL_MS) {
		say(st, "ping: cannot flood; minimal interval allowed for user is %dms",
		    MIN_USER_INTERVAL_MS);
		goto out;
	}
	rc = run(st);
out:
	if (st->fd >= 0)
		close(st->fd);
	free(st);
	return rc;
}
