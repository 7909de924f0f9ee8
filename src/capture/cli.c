/* SPDX-License-Identifier: GPL-2.0-or-later */
/* cli.c - `nsviz capture`: tcpdump -n's lines for a live interface of
 * any namespace, or for a pcap file.  The same capture core a UI panel
 * uses; this is its simplest caller. */
#include <errno.h>
#include <limits.h>
#include <sched.h>
#include <sys/mount.h>
#include <pcap/pcap.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/signalfd.h>
#include <sys/wait.h>
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
	bool list;             /* -D */
	bool linebuf;          /* -l */
	bool pktbuf;           /* -U */
	bool nano;             /* --time-stamp-precision=nano, --nano */
	bool promisc;          /* never: -p is what nsviz always does */
	int direction;         /* -Q: CAPTURE_DIR_* */
	int vflag, tflag, xflag, Xflag, Aflag, qflag;
	bool eflag;
	struct capture_print pr;
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
"Usage: nsviz [-n NS] capture [FLAGS] [-i IF] [EXPRESSION]\n"
"       nsviz capture [FLAGS] -r FILE [EXPRESSION]\n"
"       ip netns exec NS nsviz capture [FLAGS] [-i IF] [EXPRESSION]\n"
"Print what tcpdump -n prints for the packets of interface IF in\n"
"namespace NS (the current one when no -n before capture), or of a pcap\n"
"file.  The flags are tcpdump's, bundled or not (-nnvvX):\n"
"  -i IF          the interface (needed: nsviz picks none itself); any:\n"
"                 all of the namespace's (Linux cooked v2)\n"
"  -n, -nn        accepted: nsviz never resolves names\n"
"  -c COUNT       stop after COUNT packets\n"
"  -w FILE        also write the packets to FILE (pcap; unnamed until the\n"
"                 capture ends, however it ends but SIGKILL)\n"
"  -r FILE        read packets from a pcap file instead\n"
"  -s SNAPLEN     bytes kept of each packet (default and 0: 262144)\n"
"  -B KIB         kernel buffer size in KiB (libpcap's default: 2048)\n"
"  -e             the link-level header on each line\n"
"  -v, -vv, -vvv  more of each protocol's fields\n"
"  -q             less of them\n"
"  -x, -xx        each packet in hex after its line, from the network\n"
"                 header (-xx: from the link-level header)\n"
"  -X, -XX        the same with ASCII beside\n"
"  -A, -AA        the same in ASCII only\n"
"  -t             no timestamp; -tt seconds since 1970; -ttt since the\n"
"                 previous packet; -tttt with the date; -ttttt since the\n"
"                 first packet\n"
"  --time-stamp-precision=micro|nano, --micro, --nano\n"
"                 the timestamps' precision (default micro)\n"
"  -Q in|out|inout  only packets received, sent, or both (default)\n"
"  -S             TCP sequence numbers as sent, not relative\n"
"  -#             each line numbered\n"
"  -p             accepted: nsviz never turns promiscuous mode on\n"
"  -l             standard output line-buffered\n"
"  -U             the -w file written after each packet\n"
"  -D             the namespace's interfaces, as tcpdump -D lists them\n"
"  --immediate-mode\n"
"                 every packet as soon as it arrives (libpcap's immediate\n"
"                 mode), instead of in blocks at most 20 ms old; a slot\n"
"                 per packet of the snapshot length, so with the default\n"
"                 -s a flood drops more\n"
"  --ring N       packets kept in memory (default 10000), N x 1600 bytes\n"
"                 of them at most (the oldest go first)\n"
"  --ring-only    print no packets: keep them in the ring and decode only\n"
"                 what a capture panel would show (50 lines, 30 times a\n"
"                 second); for benchmarks\n"
"EXPRESSION is a pcap filter (`icmp', `tcp port 4078', ...).  The older\n"
"`capture -n NS -i IF' still works when NS names a namespace.\n"
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

/* An option that takes a value (name: what it is called in a message);
 * -1 to go on, else the exit status */
static int take_value(struct cli *o, char ch,
                      const char *name, const char *val)
{
	long v;

	switch (ch) {
	case 'i': o->ifname = val; break;
	case 'w': o->wfile = val; break;
	case 'r': o->rfile = val; break;
	case 'N':
		if (o->ns && strcmp(o->ns, val)) {
			cap_say("nsviz: capture: two namespaces (%s and %s): "
			        "one capture is in one", o->ns, val);
			return 2;
		}
		o->ns = val;
		break;
	case 'c':
		if (parse_num(name, val, 1, LONG_MAX, &o->count) < 0)
			return 2;
		break;
	case 'B':
		if (parse_num(name, val, 1, 4 * 1024 * 1024, &v) < 0)
			return 2;
		o->buffer_kib = (int)v;
		break;
	case 's':
		if (parse_num(name, val, 0, 262144, &v) < 0)
			return 2;
		o->snaplen = (int)v;   /* 0: the default, as tcpdump */
		break;
	case 'R':
		if (parse_num(name, val, 1, 10000000, &v) < 0)
			return 2;
		o->ring = (size_t)v;
		break;
	case 'Q':
		if (!strcasecmp(val, "in"))
			o->direction = CAPTURE_DIR_IN;
		else if (!strcasecmp(val, "out"))
			o->direction = CAPTURE_DIR_OUT;
		else if (!strcasecmp(val, "inout"))
			o->direction = CAPTURE_DIR_INOUT;
		else {
			cap_say("nsviz: capture: %s %s: unknown capture "
			        "direction (in, out or inout)", name, val);
			return 2;
		}
		break;
	case 'P':
		/* tcpdump compares the first letters only */
		if (!strncmp(val, "nano", 4))
			o->nano = true;
		else if (!strncmp(val, "micro", 5))
			o->nano = false;
		else {
			cap_say("nsviz: capture: %s %s: unsupported time stamp "
			        "precision (micro or nano)", name, val);
			return 2;
		}
		break;
	}
	return -1;
}

static const struct {
	const char *name;
	char ch;               /* the short option it stands for */
	bool value;
} longopts[] = {
	{ "ring", 'R', true },
	{ "ring-only", 'O', false },
	{ "immediate-mode", 'I', false },
	{ "time-stamp-precision", 'P', true },
	{ "micro", 'm', false },
	{ "nano", 'M', false },
	{ "netns", 'N', true },            /* nsviz -n NS capture ... */
	{ "help", 'h', false },
	/* tcpdump's long names of its short options */
	{ "interface", 'i', true },
	{ "count", '!', false },           /* refused below */
	{ "absolute-tcp-sequence-numbers", 'S', false },
	{ "number", '#', false },
	{ "buffer-size", 'B', true },
	{ "snapshot-length", 's', true },
	{ "direction", 'Q', true },
	{ "list-interfaces", 'D', false },
	{ "no-promiscuous-mode", 'p', false },
	{ "packet-buffered", 'U', false },
	{ "print", 'o', false },
};

/* A flag without value; false if ch is none of them */
static bool take_flag(struct cli *o, char ch)
{
	switch (ch) {
	case 'n': break;       /* -n, -nn: nsviz never resolves names */
	case 'e': o->eflag = true; break;
	case 'v': o->vflag++; break;
	case 'q': o->qflag++; break;
	case 'x': o->xflag++; break;
	case 'X': o->Xflag++; break;
	case 'A': o->Aflag++; break;
	case 't': o->tflag++; break;
	case 'p': o->promisc = false; break;
	case 'l': o->linebuf = true; break;
	case 'U': o->pktbuf = true; break;
	case 'D': o->list = true; break;
	case 'O': o->ring_only = true; break;
	case 'I': o->immediate = true; break;
	case 'm': o->nano = false; break;
	case 'M': o->nano = true; break;
	case 'o': break;       /* --print: nsviz prints with -w anyway */
	case 'S': o->pr.absolute = true; break;
	case '#': o->pr.number = true; break;
	default: return false;
	}
	return true;
}

/* The old `capture -n NS -i IF`: -n alone, followed by a word that names
 * a namespace (or is followed by more options, so cannot be the start of
 * the expression: `capture -n nosuch -i veth1` says there is no such
 * namespace).  Else -n is tcpdump's. */
static bool old_ns_form(struct ksync *k, int argc, char **argv, int i)
{
	const char *w;

	if (strcmp(argv[i], "-n") || i + 1 >= argc)
		return false;
	w = argv[i + 1];
	if (!*w || w[0] == '-')
		return false;
	if (k && ksync_find_ns(k, w))
		return true;
	for (int j = i + 2; j < argc; j++)
		if (argv[j][0] == '-' && argv[j][1])
			return true;
	return false;
}

static int parse_args(struct cli *o, struct ksync *k, int argc, char **argv)
{
	struct sbuf f = SBUF_INIT;
	bool words_only = false, help = false;
	int rc;

	memset(o, 0, sizeof *o);
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (words_only || a[0] != '-' || !a[1]) {
			if (f.len)
				sbuf_addc(&f, ' ');
			sbuf_add(&f, a);
			continue;
		}
		if (!strcmp(a, "--")) {
			words_only = true;
			continue;
		}
		if (a[1] == '-') {
			const char *name = a + 2, *eq = strchr(name, '=');
			size_t nl = eq ? (size_t)(eq - name) : strlen(name);
			size_t n = sizeof longopts / sizeof *longopts, l;

			for (l = 0; l < n; l++)
				if (strlen(longopts[l].name) == nl &&
				    !strncmp(longopts[l].name, name, nl))
					break;
			if (l == n || longopts[l].ch == '!') {
				cap_say("nsviz: capture: %s: unknown option "
				        "(nsviz capture --help lists them)", a);
				sbuf_free(&f);
				return 2;
			}
			if (longopts[l].ch == 'h') {
				help = true;
			} else if (longopts[l].value) {
				const char *val = eq ? eq + 1 : NULL;

				if (!val && i + 1 < argc)
					val = argv[++i];
				if (!val) {
					cap_say("nsviz: capture: --%s needs a value",
					        longopts[l].name);
					sbuf_free(&f);
					return 2;
				}
				char lname[64];

				snprintf(lname, sizeof lname, "--%s", longopts[l].name);
				rc = take_value(o, longopts[l].ch, lname, val);
				if (rc >= 0) {
					sbuf_free(&f);
					return rc;
				}
			} else if (eq) {
				cap_say("nsviz: capture: --%s takes no value",
				        longopts[l].name);
				sbuf_free(&f);
				return 2;
			} else {
				take_flag(o, longopts[l].ch);
			}
			continue;
		}
		if (old_ns_form(k, argc, argv, i)) {
			rc = take_value(o, 'N', "-n", argv[++i]);
			if (rc >= 0) {
				sbuf_free(&f);
				return rc;
			}
			continue;
		}
		/* a bundle of short flags; one that takes a value takes the
		 * rest of the word, or the next word */
		for (const char *c = a + 1; *c; c++) {
			char name[3] = { '-', *c, '\0' };

			if (*c == 'h') {
				help = true;
				continue;
			}
			if (strchr("icwrsBQ", *c)) {
				const char *val = c[1] ? c + 1 : i + 1 < argc ? argv[++i]
				                                            : NULL;

				if (!val) {
					cap_say("nsviz: capture: %s needs a value", name);
					sbuf_free(&f);
					return 2;
				}
				rc = take_value(o, *c, name, val);
				if (rc >= 0) {
					sbuf_free(&f);
					return rc;
				}
				break;
			}
			if (*c == 'O' || *c == 'I' || *c == 'm' || *c == 'M' ||
			    *c == 'o' || !take_flag(o, *c)) {
				if (a[2])
					cap_say("nsviz: capture: -%c (in %s): unknown "
					        "option (nsviz capture --help lists them)",
					        *c, a);
				else
					cap_say("nsviz: capture: %s: unknown option "
					        "(nsviz capture --help lists them)", a);
				sbuf_free(&f);
				return 2;
			}
		}
	}
	if (help) {
		cli_usage(stdout);
		sbuf_free(&f);
		return 0;
	}
	o->filter = f.s;       /* NULL when there is no expression */
	if (o->tflag > 5) {
		fprintf(stderr, "nsviz: capture: only -t, -tt, -ttt, -tttt and "
		        "-ttttt are supported\n");
		goto usage;
	}
	if (o->rfile && (o->ifname || o->ns)) {
		fprintf(stderr, "nsviz: capture: -r reads a file: -i and a "
		        "namespace do not apply\n");
		goto usage;
	}
	if (o->rfile && (o->direction || o->list)) {
		fprintf(stderr, "nsviz: capture: -r reads a file: %s does not "
		        "apply\n", o->list ? "-D" : "-Q");
		goto usage;
	}
	o->pr.ts = o->tflag;
	o->pr.dec.verbose = o->vflag;
	o->pr.dec.link = o->eflag;
	o->pr.dec.quiet = o->qflag > 0;
	if (o->Xflag) {
		o->pr.dump = DECODE_DUMP_HEX_ASCII;
		o->pr.dump_link = o->Xflag > 1;
	} else if (o->xflag) {
		o->pr.dump = DECODE_DUMP_HEX;
		o->pr.dump_link = o->xflag > 1;
	} else if (o->Aflag) {
		o->pr.dump = DECODE_DUMP_ASCII;
		o->pr.dump_link = o->Aflag > 1;
	}
	return -1;             /* go on */
usage:
	free(o->filter);
	o->filter = NULL;
	return 2;
}

struct run {
	struct cli *o;
	struct capture *c;
	struct capture_writer *wr;
	uint64_t done;         /* packets printed or written so far */
	uint64_t printed_upto; /* next packet number to hand out */
	bool stop;
	bool out_gone;         /* stdout's reader went away (EPIPE) */
	bool interrupted;      /* a signal ended it */
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
		    (capture_writer_add(r->wr, &p) < 0 ||
		     (r->o->pktbuf && capture_writer_flush(r->wr) < 0)))
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

static const char *plural(uint64_t n)
{
	return n == 1 ? "" : "s";
}

/* tcpdump's three counters (four when the interface dropped some) */
static void counters(uint64_t captured, const struct capture_stats *st)
{
	fprintf(stderr, "%llu packet%s captured\n",
	        (unsigned long long)captured, plural(captured));
	fprintf(stderr, "%llu packet%s received by filter\n",
	        (unsigned long long)st->kernel_recv, plural(st->kernel_recv));
	fprintf(stderr, "%llu packet%s dropped by kernel\n",
	        (unsigned long long)st->kernel_drops, plural(st->kernel_drops));
	if (st->if_drops)
		fprintf(stderr, "%llu packet%s dropped by interface\n",
		        (unsigned long long)st->if_drops, plural(st->if_drops));
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
			if (sig) {
				r->interrupted = true;
				break;
			}
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
	/* tcpdump ends a line it may have been printing when a signal
	 * stopped it (it prints nothing on stdout with -w) */
	if (r->interrupted && !o->ring_only && !r->out_gone && !o->wfile)
		putchar('\n');
	fflush(stdout);
	counters(o->ring_only ? st.seen : r->printed_upto, &st);
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

/* tcpdump's words for a link type: "EN10MB (Ethernet)", or the number */
static void link_words(char *buf, size_t len, int dlt)
{
	const char *n = pcap_datalink_val_to_name(dlt);
	const char *d = pcap_datalink_val_to_description(dlt);

	if (n)
		snprintf(buf, len, "link-type %s (%s)", n, d ? d : "");
	else
		snprintf(buf, len, "link-type %d", dlt);
}

/* Enter the namespace named (NULL or "": stay); its fd in *fd (-1 for
 * the current one), and /run/netns/NAME in path for a named one. */
static int open_ns(struct ksync *k, const char *name, int *fd, char *path,
                   size_t plen)
{
	struct w_ns *ns;
	struct kerr e = { 0 };

	*fd = -1;
	path[0] = '\0';
	if (!name || !*name)
		return 0;
	ns = ksync_find_ns(k, name);
	if (!ns) {
		cap_say("nsviz: capture: %s: no such network namespace", name);
		return -1;
	}
	*fd = ksync_ns_fd(k, ns, &e);
	if (*fd < 0) {
		cap_say("nsviz: capture: %s: cannot open the namespace: %s",
		        name, kerr_str(&e));
		return -1;
	}
	if (ns->kind == W_NS_NAMED)
		snprintf(path, plen, "%s/%s", NETNS_RUN_DIR, ns->name);
	return 0;
}

/* The flags of one interface as tcpdump -D says them */
static void dev_flags(const pcap_if_t *d)
{
	static const struct { bpf_u_int32 bit; const char *word; } words[] = {
		{ PCAP_IF_UP, "Up" },
		{ PCAP_IF_RUNNING, "Running" },
		{ PCAP_IF_LOOPBACK, "Loopback" },
		{ PCAP_IF_WIRELESS, "Wireless" },
	};
	bool any = false;

	if (!d->flags)
		return;
	printf(" [");
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (d->flags & words[i].bit) {
			printf("%s%s", any ? ", " : "", words[i].word);
			any = true;
		}
	if (!any)
		printf("none");
	switch (d->flags & PCAP_IF_CONNECTION_STATUS) {
	case PCAP_IF_CONNECTION_STATUS_UNKNOWN:
		printf(d->flags & PCAP_IF_WIRELESS ? ", Association status "
		       "unknown" : ", Connection status unknown");
		break;
	case PCAP_IF_CONNECTION_STATUS_CONNECTED:
		printf(d->flags & PCAP_IF_WIRELESS ? ", Associated"
		                                   : ", Connected");
		break;
	case PCAP_IF_CONNECTION_STATUS_DISCONNECTED:
		printf(d->flags & PCAP_IF_WIRELESS ? ", Not associated"
		                                   : ", Disconnected");
		break;
	default:
		break;
	}
	printf("]");
}

/* -D in the namespace's own view: libpcap reads /sys/class/net as well
 * as asking the kernel, and /sys shows the namespace of whoever mounted
 * it; so, as `ip netns exec` does, a child enters the namespace and a
 * mount namespace of its own with a sysfs of that namespace. */
static int list_devices(int ns_fd)
{
	pid_t pid;
	int st;

	fflush(stdout);
	pid = fork();
	if (pid < 0) {
		cap_say("nsviz: capture: -D: fork: %s", strerror(errno));
		return 1;
	}
	if (pid == 0) {
		char ebuf[PCAP_ERRBUF_SIZE] = "";
		pcap_if_t *all = NULL;
		int i = 0;

		if (ns_fd >= 0) {
			if (kns_enter_fd(ns_fd) < 0) {
				cap_say("nsviz: capture: -D: cannot enter the "
				        "namespace: %s", strerror(errno));
				_exit(1);
			}
			/* as ip netns exec (src/kernel/netns.c does the same
			 * for netns exec) */
			if (unshare(CLONE_NEWNS) == 0) {
				mount("", "/", "none", MS_SLAVE | MS_REC, NULL);
				if (umount2("/sys", MNT_DETACH) == 0)
					mount("sysfs", "/sys", "sysfs", 0, NULL);
			}
		}
		if (pcap_findalldevs(&all, ebuf) < 0) {
			cap_say("nsviz: capture: -D: %s", ebuf);
			_exit(1);
		}
		for (const pcap_if_t *d = all; d; d = d->next) {
			char line[600];

			snprintf(line, sizeof line, "%d.%s", ++i, d->name);
			esc_in_place(line, sizeof line);
			fputs(line, stdout);
			if (d->description)
				printf(" (%s)", d->description);
			dev_flags(d);
			putchar('\n');
		}
		pcap_freealldevs(all);
		fflush(stdout);
		_exit(ferror(stdout) ? 1 : 0);
	}
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	return WIFEXITED(st) ? WEXITSTATUS(st) : 1;
}

int capture_main(struct world *w, struct ksync *k, int argc, char **argv)
{
	struct cli o;
	struct run r;
	char err[1024], words[300];
	int rc, sfd = -1;
	sigset_t set, old;

	(void)w;
	rc = parse_args(&o, k, argc, argv);
	if (rc >= 0)
		return rc;
	if (o.linebuf)
		setvbuf(stdout, NULL, _IOLBF, 0);
	memset(&r, 0, sizeof r);
	r.o = &o;
	if (o.list) {
		char path[300];
		int fd;

		free(o.filter);
		if (open_ns(k, o.ns, &fd, path, sizeof path) < 0)
			return 1;
		return list_devices(fd);
	}
	if (!o.rfile && !o.ifname) {
		fprintf(stderr, "nsviz: capture: which interface? (-i IF, or "
		        "-i any; nsviz -n NS capture ... for one in a "
		        "namespace)\n");
		free(o.filter);
		return 2;
	}
	if (o.rfile) {
		r.c = capture_open_file_prec(o.rfile, o.filter, o.ring, o.nano,
		                             err, sizeof err);
		if (r.c) {
			link_words(words, sizeof words, capture_dlt(r.c));
			cap_say("reading from file %s, %s, snapshot length %d",
			        o.rfile, words, capture_snaplen(r.c));
			if (capture_dlt(r.c) == DLT_LINUX_SLL2)
				fprintf(stderr, "Warning: interface names might be "
				        "incorrect\n");
		}
	} else {
		struct capture_opts co;
		char path[300];

		memset(&co, 0, sizeof co);
		if (open_ns(k, o.ns, &co.ns_fd, path, sizeof path) < 0) {
			free(o.filter);
			return 1;
		}
		if (o.ns && *o.ns)
			co.ns_label = o.ns;
		if (path[0])
			co.ns_path = path;
		co.ifname = o.ifname;
		co.filter = o.filter;
		co.ring = o.ring;
		co.buffer_kib = o.buffer_kib;
		co.snaplen = o.snaplen;
		co.immediate = o.immediate;
		co.promisc = o.promisc;
		co.direction = o.direction;
		co.nano = o.nano;
		/* tcpdump's: 100 ms for a terminal or -l, else 1 s; nsviz's
		 * 20 ms blocks keep a panel live and cost little */
		r.c = capture_open(&co, err, sizeof err);
		if (r.c) {
			link_words(words, sizeof words, capture_dlt(r.c));
			/* tcpdump's two lines, its name nsviz's */
			if (!o.vflag && !o.wfile)
				fprintf(stderr, "nsviz: verbose output suppressed, "
				        "use -v[v]... for full protocol decode\n");
			cap_say("%slistening on %s%s%s, %s, snapshot length %d "
			        "bytes", !o.vflag && !o.wfile ? "" : "nsviz: ",
			        o.ifname, co.ns_label ? " in namespace " : "",
			        co.ns_label ? co.ns_label : "", words,
			        capture_snaplen(r.c));
		}
	}
	if (!r.c) {
		cap_say("nsviz: capture: %s", err);
		free(o.filter);
		return 1;
	}
	capture_set_print(r.c, &o.pr);
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
		r.wr = capture_writer_open_prec(o.wfile, capture_linktype(r.c),
		                                capture_snaplen(r.c),
		                                capture_nano(r.c), err,
		                                sizeof err);
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
