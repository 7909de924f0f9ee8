/* SPDX-License-Identifier: GPL-2.0-or-later */
/* cli.c - `nsviz capture`: tcpdump -n's lines for a live interface of
 * any namespace, or for a pcap file.  The same capture core a UI panel
 * uses; this is its simplest caller. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <time.h>
#include <unistd.h>

#include "capture/capture.h"
#include "decode/decode.h"
#include "kernel/kernel.h"
#include "util/esc.h"
#include "util/sbuf.h"
#include "world/world.h"

/* What a capture panel shows at most: the ring-only mode decodes this
 * many of the newest packets per screen refresh, and nothing else. */
#define PANEL_ROWS 50
#define PANEL_HZ 30

struct cli {
	const char *ns, *ifname, *wfile, *rfile;
	long count;            /* -c; 0 = no limit */
	int buffer_kib, snaplen;
	size_t ring;
	bool ring_only, immediate;
	char *filter;
};

/* A message that may hold names others made (an interface, a namespace,
 * a file, a word typed): printed escaped, as everything nsviz prints
 * (util/esc.h), with its newline. */
static void cap_say(const char *fmt, ...)
{
	char buf[2048];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	esc_in_place(buf, sizeof buf);
	fprintf(stderr, "%s\n", buf);
}

static void cli_usage(FILE *f)
{
	fputs(
"Usage: nsviz capture [-n NS] -i IF [-c COUNT] [-w FILE] [EXPRESSION]\n"
"       nsviz capture -r FILE [-c COUNT] [-w FILE] [EXPRESSION]\n"
"Print what tcpdump -n prints for the packets of interface IF in\n"
"namespace NS (the host when no -n), or of a pcap file.\n"
"  -n NS          the interface's namespace\n"
"  -i IF          the interface\n"
"  -c COUNT       stop after COUNT packets\n"
"  -w FILE        also write the packets to FILE (pcap; unnamed until the\n"
"                 capture ends, however it ends but SIGKILL)\n"
"  -r FILE        read packets from a pcap file instead\n"
"  -B KIB         kernel buffer size in KiB (libpcap's default: 2048)\n"
"  -s SNAPLEN     bytes kept of each packet (default 262144)\n"
"  --ring N       packets kept in memory (default 10000), N x 1600 bytes\n"
"                 of them at most (the oldest go first)\n"
"  --immediate-mode\n"
"                 every packet as soon as it arrives (libpcap's immediate\n"
"                 mode, as tcpdump --immediate-mode), instead of in blocks\n"
"                 at most 20 ms old; a slot per packet of the snapshot\n"
"                 length, so with the default -s a flood drops more\n"
"  --ring-only    print no packets: keep them in the ring and decode only\n"
"                 what a capture panel would show (50 lines, 30 times a\n"
"                 second); for benchmarks\n"
"EXPRESSION is a pcap filter (`icmp', `tcp port 4078', ...).\n"
"SIGINT (Ctrl-C), SIGTERM, SIGHUP or SIGQUIT end a capture: the -w file\n"
"is written and the counters printed.\n", f);
}

static int parse_num(const char *opt, const char *s, long min, long max,
                     long *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < min || v > max) {
		cap_say("nsviz: capture: %s %s: expected a number from "
		        "%ld to %ld", opt, s, min, max);
		return -1;
	}
	*out = v;
	return 0;
}

static int parse_args(struct cli *o, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "ring", required_argument, NULL, 'R' },
		{ "ring-only", no_argument, NULL, 'O' },
		{ "immediate-mode", no_argument, NULL, 'I' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct sbuf f = SBUF_INIT;
	long v;
	int ch;

	memset(o, 0, sizeof *o);
	optind = 1;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, "+n:i:c:w:r:B:s:h", longopts,
	                         NULL)) != -1) {
		switch (ch) {
		case 'n': o->ns = optarg; break;
		case 'i': o->ifname = optarg; break;
		case 'w': o->wfile = optarg; break;
		case 'r': o->rfile = optarg; break;
		case 'O': o->ring_only = true; break;
		case 'I': o->immediate = true; break;
		case 'c':
			if (parse_num("-c", optarg, 1, LONG_MAX, &o->count) < 0)
				return 2;
			break;
		case 'B':
			if (parse_num("-B", optarg, 1, 4 * 1024 * 1024, &v) < 0)
				return 2;
			o->buffer_kib = (int)v;
			break;
		case 's':
			if (parse_num("-s", optarg, 1, 262144, &v) < 0)
				return 2;
			o->snaplen = (int)v;
			break;
		case 'R':
			if (parse_num("--ring", optarg, 1, 10000000, &v) < 0)
				return 2;
			o->ring = (size_t)v;
			break;
		case 'h':
			cli_usage(stdout);
			return 0;
		default:
			if (optopt && strchr("nicwrBs", optopt))
				fprintf(stderr, "nsviz: capture: -%c needs an argument\n",
				        optopt);
			else
				cap_say("nsviz: capture: %s: unknown option "
				        "(nsviz capture --help lists them)",
				        argv[optind - 1]);
			return 2;
		}
	}
	for (int i = optind; i < argc; i++) {
		if (f.len)
			sbuf_addc(&f, ' ');
		sbuf_add(&f, argv[i]);
	}
	o->filter = f.s;       /* NULL when there is no expression */
	if (o->rfile && (o->ifname || o->ns)) {
		fprintf(stderr, "nsviz: capture: -r reads a file: -i and -n do "
		        "not apply\n");
		return 2;
	}
	if (!o->rfile && !o->ifname) {
		fprintf(stderr, "nsviz: capture: which interface? (-i IF, and "
		        "-n NS for one in a namespace)\n");
		return 2;
	}
	return -1;             /* go on */
}

struct run {
	struct cli *o;
	struct capture *c;
	struct capture_writer *wr;
	uint64_t done;         /* packets printed or written so far */
	uint64_t printed_upto; /* next packet number to hand out */
	bool stop;
	bool out_gone;         /* stdout's reader went away (EPIPE) */
	int status;
};

/* The signals that end a capture, through the poll loop, so that the -w
 * file is written whatever way it ends (SIGPIPE: stdout's reader is
 * gone, as in `nsviz capture -w f ... | head`). */
static void ending_signals(sigset_t *set)
{
	sigemptyset(set);
	sigaddset(set, SIGINT);
	sigaddset(set, SIGTERM);
	sigaddset(set, SIGHUP);
	sigaddset(set, SIGQUIT);
	sigaddset(set, SIGPIPE);
}

/* A read signalfd: which signal came (0 = none) */
static int got_signal(int sfd)
{
	struct signalfd_siginfo si;

	if (sfd >= 0 && read(sfd, &si, sizeof si) == (ssize_t)sizeof si)
		return (int)si.ssi_signo;
	return 0;
}

/* The -w file failed (a full disk): stop; the commit says why. */
static void writer_failed(struct run *r)
{
	r->stop = true;
	r->status = 1;
}

/* Standard output failed: EPIPE ends quietly (its reader is done), any
 * other error is said. */
static void check_stdout(struct run *r)
{
	if (r->o->ring_only || r->out_gone)
		return;
	if (fflush(stdout) == 0 && !ferror(stdout))
		return;
	r->out_gone = true;
	r->stop = true;
	if (errno != EPIPE) {
		cap_say("nsviz: capture: standard output: %s; capture "
		        "ended", strerror(errno));
		r->status = 1;
	}
}

/* Hand the packets read since last time to stdout and to -w. */
static void flush_new(struct run *r)
{
	uint64_t next = capture_next(r->c);
	struct capture_pkt p;

	if (r->printed_upto < capture_first(r->c))
		r->printed_upto = capture_first(r->c);
	for (; r->printed_upto < next && !r->stop; r->printed_upto++) {
		if (!r->o->ring_only && !r->out_gone) {
			fputs(capture_line(r->c, r->printed_upto), stdout);
			putchar('\n');
		}
		if (r->wr && capture_get(r->c, r->printed_upto, &p) &&
		    capture_writer_add(r->wr, &p) < 0)
			writer_failed(r);
		if (r->o->count && ++r->done >= (uint64_t)r->o->count)
			r->stop = true;
	}
	/* the file holds what was shown: a killed capture loses at most
	 * the last batch, and a full disk is noticed now */
	if (r->wr && capture_writer_flush(r->wr) < 0)
		writer_failed(r);
	check_stdout(r);
}

/* What a panel refresh costs: the newest rows, decoded (once each). */
static void panel_refresh(struct capture *c)
{
	uint64_t next = capture_next(c), first = capture_first(c);
	uint64_t from = next > PANEL_ROWS ? next - PANEL_ROWS : 0;

	if (from < first)
		from = first;
	for (uint64_t n = from; n < next; n++)
		(void)capture_line(c, n);
}

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void read_all(struct run *r, size_t batch)
{
	int n;

	do {
		n = capture_read(r->c, (int)batch);
		if (n > 0 || capture_next(r->c) > r->printed_upto)
			flush_new(r);
	} while (n > 0 && !r->stop);
}

static int run_live(struct run *r, int sfd)
{
	struct cli *o = r->o;
	double last_check = now_s(), last_panel = 0;
	size_t batch = o->ring ? o->ring : CAPTURE_RING_DEFAULT;
	struct capture_stats st;

	while (!r->stop) {
		struct pollfd pf[2];
		int timeout = o->ring_only ? 1000 / PANEL_HZ : 250, rc;
		double t;

		pf[0].fd = capture_fd(r->c);
		pf[0].events = POLLIN;
		pf[1].fd = sfd;
		pf[1].events = POLLIN;
		rc = poll(pf, 2, timeout);
		if (rc < 0 && errno != EINTR) {
			perror("nsviz: capture: poll");
			r->status = 1;
			break;
		}
		if (rc > 0 && (pf[1].revents & POLLIN)) {
			int sig = got_signal(sfd);

			if (sig == SIGPIPE) {
				r->out_gone = true;
				break;
			}
			if (sig)
				break;
		}
		/* POLLERR/POLLHUP too: libpcap says what happened */
		if (rc > 0 && pf[0].revents)
			read_all(r, batch);
		t = now_s();
		if (o->ring_only && t - last_panel >= 1.0 / PANEL_HZ) {
			panel_refresh(r->c);
			last_panel = t;
		}
		if (t - last_check >= 0.25 || capture_ended(r->c)) {
			capture_check(r->c);
			last_check = t;
		}
		if (capture_ended(r->c)) {
			cap_say("nsviz: capture: %s", capture_ended(r->c));
			r->status = 1;
			break;
		}
	}
	/* what is left in the kernel's buffer still counts */
	if (!capture_ended(r->c))
		read_all(r, batch);
	capture_get_stats(r->c, &st);
	fflush(stdout);
	fprintf(stderr, "%llu packets captured\n",
	        (unsigned long long)(o->ring_only ? st.seen : r->printed_upto));
	fprintf(stderr, "%llu packets received by filter\n",
	        (unsigned long long)st.kernel_recv);
	fprintf(stderr, "%llu packets dropped by kernel\n",
	        (unsigned long long)st.kernel_drops);
	if (o->ring_only)
		fprintf(stderr, "%llu packets overwritten in ring\n",
		        (unsigned long long)st.overwritten);
	return r->status;
}

static int run_file(struct run *r, int sfd)
{
	size_t batch = r->o->ring ? r->o->ring : CAPTURE_RING_DEFAULT;

	while (!r->stop) {
		int n, sig = got_signal(sfd);

		if (sig) {
			r->out_gone |= sig == SIGPIPE;
			break;
		}
		n = capture_read(r->c, (int)batch);

		if (n > 0 || capture_next(r->c) > r->printed_upto)
			flush_new(r);
		if (n < 0)
			break;
	}
	if (r->o->ring_only) {
		struct capture_stats st;

		capture_get_stats(r->c, &st);
		fprintf(stderr, "%llu packets overwritten in ring\n",
		        (unsigned long long)st.overwritten);
	}
	if (capture_ended(r->c) && *capture_ended(r->c)) {
		cap_say("nsviz: capture: %s: %s", r->o->rfile,
		        capture_ended(r->c));
		r->status = 1;
	}
	return r->status;
}

int capture_main(struct world *w, struct ksync *k, int argc, char **argv)
{
	struct cli o;
	struct run r;
	char err[1024];
	int rc, sfd = -1;
	sigset_t set, old;

	(void)w;
	rc = parse_args(&o, argc, argv);
	if (rc >= 0)
		return rc;
	memset(&r, 0, sizeof r);
	r.o = &o;
	if (o.rfile) {
		r.c = capture_open_file(o.rfile, o.filter, o.ring, err, sizeof err);
		if (r.c)
			cap_say("reading from file %s, link-type %s, "
			        "snapshot length %d", o.rfile,
			        decode_link_name(capture_linktype(r.c)),
			        capture_snaplen(r.c));
	} else {
		struct capture_opts co;
		struct w_ns *ns = NULL;
		struct kerr e = { 0 };
		char path[300];

		memset(&co, 0, sizeof co);
		co.ns_fd = -1;
		if (o.ns && *o.ns) {
			ns = ksync_find_ns(k, o.ns);
			if (!ns) {
				cap_say("nsviz: capture: %s: no such network "
				        "namespace", o.ns);
				free(o.filter);
				return 1;
			}
			co.ns_fd = ksync_ns_fd(k, ns, &e);
			if (co.ns_fd < 0) {
				cap_say("nsviz: capture: %s: cannot open the "
				        "namespace: %s", o.ns, kerr_str(&e));
				free(o.filter);
				return 1;
			}
			co.ns_label = o.ns;
			if (ns->kind == W_NS_NAMED) {
				snprintf(path, sizeof path, "%s/%s", NETNS_RUN_DIR,
				         ns->name);
				co.ns_path = path;
			}
		}
		co.ifname = o.ifname;
		co.filter = o.filter;
		co.ring = o.ring;
		co.buffer_kib = o.buffer_kib;
		co.snaplen = o.snaplen;
		co.immediate = o.immediate;
		r.c = capture_open(&co, err, sizeof err);
		if (r.c)
			cap_say("listening on %s%s%s, link-type %s, "
			        "snapshot length %d bytes", o.ifname,
			        o.ns ? " in namespace " : "", o.ns ? o.ns : "",
			        decode_link_name(capture_linktype(r.c)),
			        capture_snaplen(r.c));
	}
	if (!r.c) {
		cap_say("nsviz: capture: %s", err);
		free(o.filter);
		return 1;
	}
	/* Every signal that ends a capture comes through the loop, from
	 * before the -w file exists until it has its name. */
	ending_signals(&set);
	sigprocmask(SIG_BLOCK, &set, &old);
	sfd = signalfd(-1, &set, SFD_CLOEXEC | SFD_NONBLOCK);
	if (sfd < 0) {
		perror("nsviz: capture: signalfd");
		rc = 1;
		goto out;
	}
	if (o.wfile) {
		r.wr = capture_writer_open(o.wfile, capture_linktype(r.c),
		                           capture_snaplen(r.c), err, sizeof err);
		if (!r.wr) {
			cap_say("nsviz: capture: %s", err);
			rc = 1;
			goto out;
		}
	}
	if (o.rfile)
		rc = run_file(&r, sfd);
	else
		rc = run_live(&r, sfd);
	if (r.wr && capture_writer_commit(r.wr, err, sizeof err) < 0) {
		cap_say("nsviz: capture: %s", err);
		rc = 1;
	}
out:
	/* signals that came after the first were for this capture too */
	while (got_signal(sfd))
		;
	if (sfd >= 0)
		close(sfd);
	sigprocmask(SIG_SETMASK, &old, NULL);
	capture_close(r.c);
	free(o.filter);
	return rc;
}
