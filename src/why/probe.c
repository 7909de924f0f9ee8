/* SPDX-License-Identifier: GPL-2.0-or-later */
/* probe.c - why --probe: one real packet, watched on the predicted path.
 *
 * The socket is made in the start namespace (entered on this thread and
 * left, the socket stays there), bound so that its ICMP id or source
 * port is known, and only then are the captures opened: libpcap handles
 * opened inside each interface's namespace (src/capture/), whose BPF
 * filter lets through the probe, its answers, ICMP errors about it and
 * the neighbour lookups of the next hop.  What each captured packet is,
 * is asked of libpcap too: one compiled filter per kind of packet,
 * matched with pcap_offline_filter, so no bytes are parsed here.
 */
#include "why/priv.h"

#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <pcap/pcap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "capture/capture.h"
#include "fmt/json.h"

#define PROBE_WAIT_MS 1000
#define PROBE_PAYLOAD "nsviz why --probe\n"

/* What a captured packet can be */
enum kind { K_REQ, K_REP, K_RST, K_WHO_HAS, K_IS_AT, K_ERR, K_N };

/* The ICMP errors told apart: type, code, words */
struct icmp_err { int type, code; const char *words; };

static const struct icmp_err errs4[] = {
	{ 3, 0, "net unreachable" }, { 3, 1, "host unreachable" },
	{ 3, 2, "protocol unreachable" }, { 3, 3, "port unreachable" },
	{ 3, 9, "net prohibited" }, { 3, 10, "host prohibited" },
	{ 3, 13, "administratively prohibited" },
	{ 3, -1, "destination unreachable" }, { 11, -1, "time exceeded" },
};
static const struct icmp_err errs6[] = {
	{ 1, 0, "no route" }, { 1, 1, "administratively prohibited" },
	{ 1, 3, "address unreachable" }, { 1, 4, "port unreachable" },
	{ 1, 6, "reject route" },
	{ 1, -1, "destination unreachable" }, { 3, -1, "time exceeded" },
};
#define NERRS 9

/* One watched interface while the probe runs */
struct watch {
	struct capture *c;
	struct bpf_program prog[K_N + NERRS];
	bool have[K_N + NERRS];
	int nerr;
};

struct run {
	const struct why_result *r;
	struct why_probe *p;
	int fam;
	struct w_ip src, dst;   /* src family 0: not known */
	unsigned sport, dport;
	int fd;
	bool tcp_done, udp_got;
	struct watch w[WHY_PROBE_MAX_IF];
};

static int64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static const char *ip_str(const struct w_ip *ip, char *b, size_t n)
{
	return w_ip_str(ip, b, n);
}

/* ---- the interfaces of the path --------------------------------------- */

static void add_if(struct why_probe *p, struct w_ns *ns, const char *ifname,
                   const struct w_ip *nh, bool on_req)
{
	struct why_probe_if *f;

	if (!ns || !ifname || !ifname[0])
		return;
	for (int i = 0; i < p->nifs; i++) {
		f = &p->ifs[i];
		if (f->ns == ns && !strcmp(f->ifname, ifname)) {
			if (nh && nh->family && !f->nh.family)
				f->nh = *nh;
			f->on_req |= on_req;
			return;
		}
	}
	if (p->nifs >= WHY_PROBE_MAX_IF)
		return;
	f = &p->ifs[p->nifs++];
	memset(f, 0, sizeof *f);
	f->ns = ns;
	snprintf(f->ifname, sizeof f->ifname, "%s", ifname);
	if (nh && nh->family)
		f->nh = *nh;
	f->on_req = on_req;
}

static void path_ifs(struct why_probe *p, const struct why_leg *g,
                     bool on_req)
{
	for (int i = 0; i < g->nhops; i++) {
		const struct why_hop *h = &g->hops[i];

		add_if(p, h->ns, h->in, NULL, on_req);
		add_if(p, h->ns, h->out, &h->nh, on_req);
		add_if(p, h->to_ns, h->to_if, &h->nh, on_req);
	}
}

/* ---- the filters -------------------------------------------------------- */

/* "ip6[48:4] == 0x... and ..." : the 16 bytes at off of the IPv6 packet */
static void ip6_words(struct sbuf *s, unsigned off, const struct w_ip *ip)
{
	for (unsigned k = 0; k < 4; k++) {
		const uint8_t *b = ip->a + 4 * k;

		sbuf_printf(s, "%sip6[%u:4] == 0x%02x%02x%02x%02x", k ? " and " : "",
		            off + 4 * k, b[0], b[1], b[2], b[3]);
	}
}

static int nerrs(const struct run *u)
{
	return u->fam == AF_INET6 ? (int)(sizeof errs6 / sizeof *errs6)
	                          : (int)(sizeof errs4 / sizeof *errs4);
}

/* "src host A and dst host B" (an unknown source left out) */
static void hosts(struct sbuf *s, const struct w_ip *from, const struct w_ip *to)
{
	char a[64];

	if (from->family)
		sbuf_printf(s, " and src host %s", ip_str(from, a, sizeof a));
	if (to->family)
		sbuf_printf(s, " and dst host %s", ip_str(to, a, sizeof a));
}

/* The filter of kind k (errors: k >= K_ERR, the error k - K_ERR) for the
 * interface with next hop nh; false: none of that kind here */
static bool filter_of(const struct run *u, int k, const struct w_ip *nh,
                      struct sbuf *s)
{
	bool v6 = u->fam == AF_INET6;
	const char *l4 = u->r->q.proto == IPPROTO_TCP ? "tcp" : "udp";
	char a[64];

	sbuf_reset(s);
	switch (k) {
	case K_REQ:
	case K_REP: {
		const struct w_ip *f = k == K_REQ ? &u->src : &u->dst;
		const struct w_ip *t = k == K_REQ ? &u->dst : &u->src;

		if (u->r->q.proto == IPPROTO_ICMP) {
			if (v6)
				sbuf_printf(s, "ip6[6] == 58 and ip6[40] == %d and "
				            "ip6[44:2] == %u", k == K_REQ ? 128 : 129,
				            u->p->id);
			else
				sbuf_printf(s, "icmp and icmp[0] == %d and "
				            "icmp[4:2] == %u", k == K_REQ ? 8 : 0,
				            u->p->id);
		} else {
			sbuf_printf(s, "%s and src port %u and dst port %u", l4,
			            k == K_REQ ? u->sport : u->dport,
			            k == K_REQ ? u->dport : u->sport);
			if (u->r->q.proto == IPPROTO_TCP)
				/* the SYN; the SYN-ACK */
				sbuf_printf(s, v6 ? " and ip6[6] == 6 and "
				            "ip6[53] & 0x16 == %s" : " and "
				            "tcp[13] & 0x16 == %s",
				            k == K_REQ ? "0x02" : "0x12");
		}
		hosts(s, f, t);
		return true;
	}
	case K_RST:
		if (u->r->q.proto != IPPROTO_TCP)
			return false;
		sbuf_printf(s, "tcp and src port %u and dst port %u and %s",
		            u->dport, u->sport, v6 ? "ip6[6] == 6 and "
		            "ip6[53] & 0x04 != 0" : "tcp[13] & 0x04 != 0");
		hosts(s, &u->dst, &u->src);
		return true;
	case K_WHO_HAS:
	case K_IS_AT:
		if (!nh || !nh->family)
			return false;
		if (v6) {
			/* neighbour solicitation / advertisement for nh */
			sbuf_printf(s, "ip6[6] == 58 and ip6[40] == %d and ",
			            k == K_WHO_HAS ? 135 : 136);
			ip6_words(s, 48, nh);
		} else {
			/* opcode 1 asks for the target, 2 the sender answers */
			sbuf_printf(s, "arp and arp[6:2] == %d and arp[%d:4] == "
			            "0x%02x%02x%02x%02x", k == K_WHO_HAS ? 1 : 2,
			            k == K_WHO_HAS ? 24 : 14, nh->a[0], nh->a[1],
			            nh->a[2], nh->a[3]);
		}
		return true;
	default: {
		const struct icmp_err *e;

		if (k - K_ERR >= nerrs(u))
			return false;
		e = v6 ? &errs6[k - K_ERR] : &errs4[k - K_ERR];
		/* an error about the probe: to its source, quoting a packet
		 * to the address probed */
		if (v6) {
			sbuf_printf(s, "ip6[6] == 58 and ip6[40] == %d", e->type);
			if (e->code >= 0)
				sbuf_printf(s, " and ip6[41] == %d", e->code);
			sbuf_add(s, " and ");
			ip6_words(s, 40 + 8 + 24, &u->dst);
		} else {
			sbuf_printf(s, "icmp and icmp[0] == %d", e->type);
			if (e->code >= 0)
				sbuf_printf(s, " and icmp[1] == %d", e->code);
			sbuf_printf(s, " and icmp[24:4] == 0x%02x%02x%02x%02x",
			            u->dst.a[0], u->dst.a[1], u->dst.a[2],
			            u->dst.a[3]);
		}
		if (u->src.family)
			sbuf_printf(s, " and dst host %s",
			            ip_str(&u->src, a, sizeof a));
		return true;
	}
	}
}

static const char *err_words(const struct run *u, int i)
{
	return u->fam == AF_INET6 ? errs6[i].words : errs4[i].words;
}

/* Open the capture of interface i with the union of its filters, and
 * compile each for telling its packets apart */
static void watch_open(struct ksync *k, struct run *u, int i)
{
	struct why_probe_if *f = &u->p->ifs[i];
	struct watch *w = &u->w[i];
	struct sbuf one = SBUF_INIT, all = SBUF_INIT;
	struct capture_opts o;
	struct kerr e = { 0 };
	char label[128];
	pcap_t *dead;
	int fd;

	memset(w, 0, sizeof *w);
	if ((fd = ksync_ns_fd(k, f->ns, &e)) < 0) {
		snprintf(f->err, sizeof f->err, "cannot enter the namespace: %s",
		         kerr_str(&e));
		return;
	}
	w->nerr = nerrs(u);
	for (int kind = 0; kind < K_ERR + w->nerr; kind++) {
		if (!filter_of(u, kind, &f->nh, &one))
			continue;
		sbuf_printf(&all, "%s(%s)", all.len ? " or " : "", sbuf_str(&one));
	}
	memset(&o, 0, sizeof o);
	o.ifname = f->ifname;
	o.ns_fd = fd;
	o.ns_label = why_ns_name(f->ns, label, sizeof label);
	o.filter = sbuf_str(&all);
	o.ring = 256;
	o.snaplen = 256;
	o.immediate = true;
	w->c = capture_open(&o, f->err, sizeof f->err);
	if (!w->c)
		goto out;
	f->err[0] = '\0';
	dead = pcap_open_dead(capture_dlt(w->c), 65535);
	if (!dead) {
		snprintf(f->err, sizeof f->err, "out of memory");
		capture_close(w->c);
		w->c = NULL;
		goto out;
	}
	for (int kind = 0; kind < K_ERR + w->nerr; kind++) {
		if (!filter_of(u, kind, &f->nh, &one))
			continue;
		w->have[kind] = pcap_compile(dead, &w->prog[kind],
		                             sbuf_str(&one), 1,
		                             PCAP_NETMASK_UNKNOWN) == 0;
	}
	pcap_close(dead);
out:
	sbuf_free(&one);
	sbuf_free(&all);
}

static void watch_close(struct run *u, int i)
{
	struct watch *w = &u->w[i];

	for (int kind = 0; kind < K_N + NERRS; kind++)
		if (w->have[kind])
			pcap_freecode(&w->prog[kind]);
	if (w->c)
		capture_close(w->c);
	memset(w, 0, sizeof *w);
}

/* Take what interface i captured and count it by kind */
static void watch_read(struct run *u, int i)
{
	struct watch *w = &u->w[i];
	struct why_probe_if *f = &u->p->ifs[i];
	uint64_t n, end;

	if (!w->c)
		return;
	n = capture_next(w->c);
	if (capture_read(w->c, 0) < 0)
		return;
	if (n < capture_first(w->c))
		n = capture_first(w->c);
	end = capture_next(w->c);
	for (; n < end; n++) {
		struct capture_pkt pk;
		struct pcap_pkthdr h;

		if (!capture_get(w->c, n, &pk))
			continue;
		h.ts = pk.ts;
		h.caplen = pk.caplen;
		h.len = pk.len;
		for (int kind = 0; kind < K_ERR + w->nerr; kind++) {
			if (!w->have[kind] ||
			    !pcap_offline_filter(&w->prog[kind], &h, pk.data))
				continue;
			switch (kind) {
			case K_REQ: f->req++; break;
			case K_REP: f->rep++; break;
			case K_RST: f->rst++; break;
			case K_WHO_HAS: f->who_has++; break;
			case K_IS_AT: f->is_at++; break;
			default:
				if (!f->icmp_err[0])
					snprintf(f->icmp_err, sizeof f->icmp_err,
					         "%s", err_words(u, kind - K_ERR));
				break;
			}
			if (kind >= K_ERR)
				break;   /* the first (most precise) error */
		}
	}
	capture_clear(w->c);
}

/* ---- the probe ---------------------------------------------------------- */

static socklen_t to_sa(const struct w_ip *ip, unsigned port, int oif,
                       struct sockaddr_storage *ss)
{
	memset(ss, 0, sizeof *ss);
	if (ip->family == AF_INET6) {
		struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)ss;

		s6->sin6_family = AF_INET6;
		memcpy(&s6->sin6_addr, ip->a, 16);
		s6->sin6_port = htons((uint16_t)port);
		s6->sin6_scope_id = (uint32_t)oif;
		return sizeof *s6;
	}
	struct sockaddr_in *s4 = (struct sockaddr_in *)ss;

	s4->sin_family = AF_INET;
	memcpy(&s4->sin_addr, ip->a, 4);
	s4->sin_port = htons((uint16_t)port);
	return sizeof *s4;
}

static unsigned sa_port(const struct sockaddr_storage *ss)
{
	return ss->ss_family == AF_INET6
	       ? ntohs(((const struct sockaddr_in6 *)ss)->sin6_port)
	       : ntohs(((const struct sockaddr_in *)ss)->sin_port);
}

static uint16_t csum(const uint8_t *b, size_t n)
{
	uint32_t s = 0;

	for (size_t i = 0; i + 1 < n; i += 2)
		s += (uint32_t)(b[i] << 8 | b[i + 1]);
	if (n & 1)
		s += (uint32_t)(b[n - 1] << 8);
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	return (uint16_t)~s;
}

/* The socket, made in the start namespace and bound (its id or port
 * known); -1 with p->not_sent */
static int make_socket(struct ksync *k, struct run *u)
{
	const struct why_query *q = &u->r->q;
	struct sockaddr_storage ss;
	socklen_t sl;
	struct kerr e = { 0 };
	int nsfd, fd, type, proto, saved;

	if ((nsfd = ksync_ns_fd(k, q->ns, &e)) < 0 || kns_enter_fd(nsfd) < 0) {
		snprintf(u->p->not_sent, sizeof u->p->not_sent, "cannot enter the "
		         "namespace: %s", nsfd < 0 ? kerr_str(&e) : strerror(errno));
		return -1;
	}
	if (q->proto == IPPROTO_ICMP) {
		type = SOCK_RAW;
		proto = u->fam == AF_INET6 ? IPPROTO_ICMPV6 : IPPROTO_ICMP;
	} else {
		type = q->proto == IPPROTO_TCP ? SOCK_STREAM : SOCK_DGRAM;
		proto = 0;
	}
	fd = socket(u->fam, type | SOCK_NONBLOCK | SOCK_CLOEXEC, proto);
	saved = errno;
	kns_leave();
	if (fd < 0) {
		snprintf(u->p->not_sent, sizeof u->p->not_sent, "cannot make the "
		         "socket: %s%s", strerror(saved), saved == EPERM ||
		         saved == EACCES ? " (a raw socket needs CAP_NET_RAW: "
		         "try --sandbox)" : "");
		return -1;
	}
	if (q->oif) {
		const struct w_link *l = world_find_link_index(q->ns, q->oif);

		if (l && setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, l->name,
		                    (socklen_t)strlen(l->name)) < 0) {
			snprintf(u->p->not_sent, sizeof u->p->not_sent, "cannot "
			         "bind to %s: %s", l->name, strerror(errno));
			close(fd);
			return -1;
		}
	}
	if (q->src.family || q->proto != IPPROTO_ICMP) {
		struct w_ip any = { .family = u->fam };

		sl = to_sa(q->src.family ? &q->src : &any, 0, q->oif, &ss);
		if (bind(fd, (struct sockaddr *)&ss, sl) < 0) {
			snprintf(u->p->not_sent, sizeof u->p->not_sent, "cannot "
			         "bind: %s", strerror(errno));
			close(fd);
			return -1;
		}
	}
	if (q->proto != IPPROTO_ICMP) {
		sl = sizeof ss;
		if (getsockname(fd, (struct sockaddr *)&ss, &sl) < 0) {
			snprintf(u->p->not_sent, sizeof u->p->not_sent, "%s",
			         strerror(errno));
			close(fd);
			return -1;
		}
		u->sport = sa_port(&ss);
		u->p->id = u->sport;
	} else {
		u->p->id = ((unsigned)getpid() ^ (unsigned)now_ms()) & 0xffff;
	}
	return fd;
}

/* Send it: 0, or -1 with p->not_sent (the kernel refused) */
static int send_probe(struct run *u)
{
	const struct why_query *q = &u->r->q;
	struct sockaddr_storage ss;
	socklen_t sl = to_sa(&q->dst, q->proto == IPPROTO_ICMP ? 0 : u->dport,
	                     q->oif, &ss);
	ssize_t n;

	if (q->proto == IPPROTO_ICMP) {
		uint8_t m[8 + sizeof PROBE_PAYLOAD - 1];
		uint16_t c;

		memset(m, 0, sizeof m);
		m[0] = u->fam == AF_INET6 ? 128 : 8;
		m[4] = (uint8_t)(u->p->id >> 8);
		m[5] = (uint8_t)u->p->id;
		m[7] = 1;                       /* sequence 1 */
		memcpy(m + 8, PROBE_PAYLOAD, sizeof PROBE_PAYLOAD - 1);
		if (u->fam == AF_INET) {        /* ICMPv6's is the kernel's */
			c = csum(m, sizeof m);
			m[2] = (uint8_t)(c >> 8);
			m[3] = (uint8_t)c;
		}
		n = sendto(u->fd, m, sizeof m, 0, (struct sockaddr *)&ss, sl);
	} else if (q->proto == IPPROTO_TCP) {
		if (connect(u->fd, (struct sockaddr *)&ss, sl) == 0) {
			u->tcp_done = true;
			return 0;
		}
		n = errno == EINPROGRESS ? 0 : -1;
	} else {
		n = connect(u->fd, (struct sockaddr *)&ss, sl);
		if (n == 0)
			n = send(u->fd, PROBE_PAYLOAD, sizeof PROBE_PAYLOAD - 1, 0);
	}
	if (n < 0) {
		snprintf(u->p->not_sent, sizeof u->p->not_sent, "the kernel "
		         "refused to send it: %s", strerror(errno));
		return -1;
	}
	return 0;
}

/* The socket said something: TCP connected or refused, a UDP answer */
static void socket_event(struct run *u)
{
	const struct why_query *q = &u->r->q;
	char b[64];

	if (q->proto == IPPROTO_TCP) {
		if (u->tcp_done)
			return;
		int err = 0;
		socklen_t el = sizeof err;

		if (getsockopt(u->fd, SOL_SOCKET, SO_ERROR, &err, &el) == 0 &&
		    err != EINPROGRESS) {
			u->tcp_done = true;
			if (!err)
				u->p->back = true;
			else
				u->p->refused = true;
		}
	} else if (q->proto == IPPROTO_UDP) {
		ssize_t n = recv(u->fd, b, sizeof b, 0);

		if (n >= 0) {
			u->udp_got = true;
			u->p->back = true;
		} else if (errno != EAGAIN && errno != EWOULDBLOCK) {
			u->udp_got = true;
			u->p->refused = true;
		}
	} else {
		/* a raw socket gets every ICMP packet: the captures judge */
		for (int i = 0; i < 64 && recv(u->fd, b, sizeof b, 0) > 0; i++)
			;
	}
}

/* Whether the answer (or a refusal) is back where the probe started */
static bool answered(const struct run *u)
{
	const struct why_probe *p = u->p;

	if (p->back || p->refused)
		return true;
	for (int i = 0; i < p->nifs; i++) {
		const struct why_probe_if *f = &p->ifs[i];

		if (f->ns == u->r->q.ns &&
		    (f->rep || f->rst || f->icmp_err[0]))
			return true;
	}
	return false;
}

static void wait_for_it(struct run *u)
{
	struct pollfd pf[WHY_PROBE_MAX_IF + 1];
	int map[WHY_PROBE_MAX_IF + 1];
	int64_t end = now_ms() + PROBE_WAIT_MS;

	for (;;) {
		int n = 0, left = (int)(end - now_ms());

		if (left <= 0 || answered(u))
			break;
		pf[n].fd = u->fd;
		pf[n].events = u->r->q.proto == IPPROTO_TCP && !u->tcp_done
		               ? POLLOUT : POLLIN;
		map[n++] = -1;
		if ((u->r->q.proto == IPPROTO_TCP && u->tcp_done) ||
		    (u->r->q.proto == IPPROTO_UDP && u->udp_got))
			pf[0].fd = -1;
		for (int i = 0; i < u->p->nifs; i++) {
			if (!u->w[i].c || capture_fd(u->w[i].c) < 0)
				continue;
			pf[n].fd = capture_fd(u->w[i].c);
			pf[n].events = POLLIN;
			map[n++] = i;
		}
		if (poll(pf, (nfds_t)n, left) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		for (int j = 0; j < n; j++) {
			if (!(pf[j].revents & (POLLIN | POLLOUT | POLLERR |
			                       POLLHUP)))
				continue;
			if (map[j] < 0)
				socket_event(u);
			else
				watch_read(u, map[j]);
		}
	}
	/* what is still on its way to the captures' rings */
	for (int i = 0; i < u->p->nifs; i++)
		watch_read(u, i);
	if (u->r->q.proto != IPPROTO_ICMP)
		socket_event(u);
}

/* ---- what it means ------------------------------------------------------ */

static const char *proto_words(int proto)
{
	return proto == IPPROTO_TCP ? "connection request (TCP SYN)"
	       : proto == IPPROTO_UDP ? "datagram" : "echo request";
}

/* What reality says, in words: "the request was last seen on ..." */
static void reality(const struct run *u, struct sbuf *s)
{
	const struct why_probe *p = u->p;
	const struct why_probe_if *last = NULL, *rlast = NULL;
	char nb[128], b[64];

	if (!p->sent) {
		sbuf_add(s, p->not_sent);
		return;
	}
	for (int i = 0; i < p->nifs; i++) {
		const struct why_probe_if *f = &p->ifs[i];

		if (f->rst && f->ns == u->r->q.ns) {
			sbuf_printf(s, "the connection was refused: a TCP RST came "
			            "back (seen on %s in %s)", f->ifname,
			            why_ns_name(f->ns, nb, sizeof nb));
			return;
		}
		if (f->icmp_err[0]) {
			sbuf_printf(s, "an ICMP %s came back (seen on %s in %s)",
			            f->icmp_err, f->ifname,
			            why_ns_name(f->ns, nb, sizeof nb));
			return;
		}
	}
	if (p->refused) {
		sbuf_add(s, "the kernel said the destination refused it");
		return;
	}
	for (int i = 0; i < p->nifs; i++) {
		const struct why_probe_if *f = &p->ifs[i];

		if (f->who_has && !f->is_at) {
			sbuf_printf(s, "nobody answered the %s for %s on %s in %s",
			            u->fam == AF_INET6 ? "neighbour solicitation"
			            : "ARP who-has", ip_str(&f->nh, b, sizeof b),
			            f->ifname, why_ns_name(f->ns, nb, sizeof nb));
			return;
		}
	}
	for (int i = 0; i < p->nifs; i++) {
		if (p->ifs[i].req && p->ifs[i].on_req)
			last = &p->ifs[i];
		if (p->ifs[i].rep)
			rlast = &p->ifs[i];
	}
	if (!last) {
		for (int i = 0; i < p->nifs; i++)
			if (p->ifs[i].req)
				last = &p->ifs[i];
	}
	if (!last) {
		sbuf_add(s, "the request was not seen on any interface watched");
		return;
	}
	if (rlast)
		sbuf_printf(s, "the reply was last seen on %s in %s",
		            rlast->ifname, why_ns_name(rlast->ns, nb, sizeof nb));
	else
		sbuf_printf(s, "the request was last seen on %s in %s, and no "
		            "reply came back", last->ifname,
		            why_ns_name(last->ns, nb, sizeof nb));
}

static void judge(struct run *u)
{
	struct why_probe *p = u->p;
	const struct why_result *r = u->r;
	bool pred_ok = r->reason == WHY_OK;
	struct sbuf s = SBUF_INIT;
	char nb[128];

	for (int i = 0; i < p->nifs; i++) {
		const struct why_probe_if *f = &p->ifs[i];

		if (f->ns == r->q.ns && f->rep)
			p->back = true;
		if (f->ns == r->q.ns && (f->rst || f->icmp_err[0]))
			p->refused = true;
		if (f->req && why_has_addr(f->ns, NULL, &r->q.dst, NULL))
			p->delivered = true;
	}
	/* a datagram has no answer of its own: delivered, and no error back */
	p->ok = p->sent && (p->back || (r->q.proto == IPPROTO_UDP &&
	                                p->delivered && !p->refused));
	if (pred_ok && p->ok) {
		if (p->back)
			sbuf_printf(&s, "confirmed: the %s reached %s and the "
			            "answer came back", proto_words(r->q.proto),
			            why_ns_name(r->dst_ns, nb, sizeof nb));
		else
			sbuf_printf(&s, "confirmed: the datagram reached %s and "
			            "no error came back",
			            why_ns_name(r->dst_ns, nb, sizeof nb));
	} else if (!pred_ok && !p->ok &&
	           (r->reason != WHY_NOT_LISTENING || p->refused)) {
		sbuf_printf(&s, "confirmed: ");
		reality(u, &s);
	} else {
		p->differs = true;
		if (pred_ok)
			sbuf_add(&s, "differs: the prediction was that both "
			            "ways work, but ");
		else
			sbuf_printf(&s, "differs: the prediction was %s, but ",
			            why_reason_code(r->reason));
		if (p->ok)
			sbuf_add(&s, p->back ? "the answer came back"
			            : "the datagram was delivered and no error "
			            "came back");
		else
			reality(u, &s);
	}
	snprintf(p->text, sizeof p->text, "%s", sbuf_str(&s));
	sbuf_free(&s);
}

int why_probe(struct ksync *k, const struct why_result *r,
              struct why_probe *p)
{
	struct run *u;

	memset(p, 0, sizeof *p);
	if (!(u = calloc(1, sizeof *u))) {
		p->not_run = true;
		snprintf(p->not_sent, sizeof p->not_sent, "out of memory");
		return -1;
	}
	u->r = r;
	u->p = p;
	u->fam = r->q.dst.family;
	u->dst = r->q.dst;
	u->src = r->q.src.family ? r->q.src : r->req.src;
	u->dport = r->q.port;
	if ((u->fd = make_socket(k, u)) < 0) {
		p->not_run = true;
		free(u);
		return -1;
	}
	path_ifs(p, &r->req, true);
	if (r->rep_tried)
		path_ifs(p, &r->rep, false);
	for (int i = 0; i < p->nifs; i++)
		watch_open(k, u, i);
	if (send_probe(u) == 0) {
		p->sent = true;
		wait_for_it(u);
	}
	judge(u);
	if (r->q.proto == IPPROTO_TCP) {
		/* a connection made goes at once (an RST), not a FIN later */
		struct linger lg = { 1, 0 };

		setsockopt(u->fd, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
	}
	close(u->fd);
	for (int i = 0; i < p->nifs; i++)
		watch_close(u, i);
	free(u);
	return 0;
}

/* ---- the words ---------------------------------------------------------- */

static void if_seen(const struct why_probe *p, const struct why_probe_if *f,
                    int fam, struct sbuf *s)
{
	char b[64];
	size_t start = s->len;

#define SEP (s->len > start ? ", " : "")
	if (f->err[0]) {
		sbuf_printf(s, "not watched: %s", f->err);
		return;
	}
	if (f->req)
		sbuf_printf(s, "%srequest seen", SEP);
	if (f->rep)
		sbuf_printf(s, "%sreply seen", SEP);
	if (f->rst)
		sbuf_printf(s, "%sTCP RST seen", SEP);
	if (f->icmp_err[0])
		sbuf_printf(s, "%sICMP %s seen", SEP, f->icmp_err);
	if (f->who_has)
		sbuf_printf(s, "%s%s %s %s", SEP, fam == AF_INET6
		            ? "neighbour solicitation for" : "ARP who-has",
		            ip_str(&f->nh, b, sizeof b),
		            f->is_at ? "answered" : "unanswered");
	else if (f->is_at)
		sbuf_printf(s, "%s%s answered", SEP, ip_str(&f->nh, b, sizeof b));
	if (s->len == start)
		sbuf_add(s, p->sent ? "nothing seen" : "nothing sent");
#undef SEP
}

void why_probe_text(const struct why_result *r, const struct why_probe *p,
                    struct sbuf *out)
{
	char nb[128], a[64], b[64];
	const struct w_ip *src = r->q.src.family ? &r->q.src : &r->req.src;

	if (p->not_run) {
		sbuf_printf(out, "probe: not sent: %s\n", p->not_sent);
		return;
	}
	sbuf_printf(out, "probe: one %s", proto_words(r->q.proto));
	if (r->q.proto == IPPROTO_ICMP)
		sbuf_printf(out, " (id %u)", p->id);
	else
		sbuf_printf(out, " (port %u to %u)", p->id, r->q.port);
	sbuf_printf(out, " from %s to %s, %s; %d interface%s watched for 1 s "
	            "at most\n", src->family ? ip_str(src, a, sizeof a)
	            : "the kernel's choice", ip_str(&r->q.dst, b, sizeof b),
	            p->sent ? "sent" : "not sent", p->nifs,
	            p->nifs == 1 ? "" : "s");
	for (int i = 0; i < p->nifs; i++) {
		const struct why_probe_if *f = &p->ifs[i];

		sbuf_printf(out, "  %s %s: ", why_ns_name(f->ns, nb, sizeof nb),
		            f->ifname);
		if_seen(p, f, r->q.dst.family, out);
		sbuf_addc(out, '\n');
	}
	sbuf_printf(out, "probe: %s\n", p->text);
}

void why_probe_json(const struct why_result *r, const struct why_probe *p,
                    struct sbuf *json)
{
	struct sbuf o = SBUF_INIT;
	struct fj j;
	char b[128];

	fj_init(&j, &o, false);
	fj_open_obj(&j, NULL);
	fj_bool(&j, "sent", p->sent);
	if (p->not_sent[0])
		fj_str(&j, "error", p->not_sent);
	else
		fj_null(&j, "error");
	if (r->q.proto == IPPROTO_ICMP)
		fj_uint(&j, "id", p->id);
	else
		fj_uint(&j, "source_port", p->id);
	fj_open_arr(&j, "interfaces");
	for (int i = 0; i < p->nifs; i++) {
		const struct why_probe_if *f = &p->ifs[i];

		fj_open_obj(&j, NULL);
		fj_str(&j, "namespace", why_ns_name(f->ns, b, sizeof b));
		fj_str(&j, "interface", f->ifname);
		if (f->err[0])
			fj_str(&j, "error", f->err);
		else
			fj_null(&j, "error");
		fj_bool(&j, "request", f->req > 0);
		fj_bool(&j, "reply", f->rep > 0);
		fj_bool(&j, "rst", f->rst > 0);
		if (f->icmp_err[0])
			fj_str(&j, "icmp_error", f->icmp_err);
		else
			fj_null(&j, "icmp_error");
		if (f->nh.family)
			fj_str(&j, "next_hop", ip_str(&f->nh, b, sizeof b));
		else
			fj_null(&j, "next_hop");
		fj_uint(&j, "who_has", f->who_has);
		fj_uint(&j, "answered", f->is_at);
		fj_bool(&j, "unanswered", f->who_has > 0 && f->is_at == 0);
		fj_close_obj(&j);
	}
	fj_close_arr(&j);
	fj_bool(&j, "back", p->back);
	fj_bool(&j, "refused", p->refused);
	fj_bool(&j, "ok", p->ok);
	fj_bool(&j, "confirmed", !p->differs && !p->not_run);
	fj_str(&j, "text", p->text[0] ? p->text : p->not_sent);
	fj_close_obj(&j);
	/* into why_json's object: before its closing brace */
	while (json->len && (json->s[json->len - 1] == '\n' ||
	                     json->s[json->len - 1] == ' '))
		json->len--;
	if (json->len && json->s[json->len - 1] == '}') {
		json->len--;
		json->s[json->len] = '\0';
		sbuf_printf(json, ",\"probe\":%s}\n", sbuf_str(&o));
	} else {
		sbuf_printf(json, "%s\n", sbuf_str(&o));
	}
	sbuf_free(&o);
}
