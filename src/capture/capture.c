/* SPDX-License-Identifier: GPL-2.0-or-later */
/* capture.c - the capture core: a libpcap handle bound to a namespace,
 * a ring of raw packets, counters, and decoding on demand. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <net/if.h>
#include <pcap/pcap.h>
#include <stdio.h>
#include <stdio_ext.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "capture/capture.h"
#include "capture/ifnames.h"
#include "decode/decode.h"
#include "kernel/kernel.h"
#include "util/sbuf.h"

struct slot {
	struct timeval ts;
	uint32_t caplen, len;
	uint8_t *data;
	size_t cap;            /* allocated bytes of data */
	char *line;            /* cached tcpdump line, or NULL */
	struct timeval prev;   /* the packet before's time (-ttt) */
	struct timeval start;  /* the first packet's time (-ttttt) */
};

struct capture {
	pcap_t *p;
	bool live;
	int fd;
	int linktype;          /* DECODE_LINK_* */
	int dlt;               /* pcap's DLT_* */
	bool nano;             /* timestamps in nanoseconds */
	struct capture_print pr;       /* how lines are made */
	struct timeval last_ts, first_ts;      /* for -ttt and -ttttt */
	int snaplen;
	char ifname[IF_NAMESIZE];
	int ifindex;
	char ns_label[256];
	char *ns_path;
	dev_t ns_dev;
	ino_t ns_ino;
	char *filter;

	struct slot *ring;
	size_t nring;
	size_t held;           /* bytes allocated for packets in the ring */
	size_t maxheld;        /* ... at most (nring * BYTES_PER_PACKET) */
	size_t readheld;       /* bytes taken in by this capture_read */
	uint64_t next;         /* number of the next packet */
	uint64_t first;        /* oldest packet still in the ring */
	uint64_t tracked;      /* packets fed to the TCP state so far */
	struct decode_state *st;
	struct cap_ifnames *names;     /* -i any in a namespace: its names */

	uint64_t seen;
	uint64_t overwritten;
	struct pcap_stat last;             /* kept for after the end */
	bool have_last;

	char *ended;           /* NULL while running */
};

static const char *ns_words(const struct capture *c, char *buf, size_t len)
{
	if (c->ns_label[0])
		snprintf(buf, len, " in namespace %s", c->ns_label);
	else
		buf[0] = '\0';
	return buf;
}

/* The decoder's link types are pcap's LINKTYPE_ values, which are the
 * DLT_ ones but for raw IP; the Linux cooked ones (-i any) as soon as
 * the decoder takes them. */
static int to_decoder_link(int dlt)
{
	if (dlt == DLT_EN10MB)
		return DECODE_LINK_ETHERNET;
	if (dlt == DLT_RAW || dlt == DLT_IPV4 || dlt == DLT_IPV6)
		return DECODE_LINK_RAW;
	if (dlt != DECODE_LINK_RAW && decode_link_supported(dlt))
		return dlt;
	return -1;
}

static int to_dlt(int linktype)
{
	return linktype == DECODE_LINK_RAW ? DLT_RAW : linktype;
}

static struct capture *capture_alloc(size_t ring)
{
	struct capture *c = xcalloc(1, sizeof *c);

	c->nring = ring ? ring : CAPTURE_RING_DEFAULT;
	c->ring = xcalloc(c->nring, sizeof *c->ring);
	c->maxheld = c->nring * CAPTURE_RING_BYTES_PER_PACKET;
	c->st = decode_state_new();
	c->fd = -1;
	return c;
}

void capture_close(struct capture *c)
{
	if (!c)
		return;
	if (c->p)
		pcap_close(c->p);
	for (size_t i = 0; i < c->nring; i++) {
		free(c->ring[i].data);
		free(c->ring[i].line);
	}
	free(c->ring);
	decode_state_free(c->st);
	cap_ifnames_free(c->names);
	free(c->ns_path);
	free(c->filter);
	free(c->ended);
	free(c);
}

static int apply_filter(pcap_t *p, const char *expr, char *err, size_t errlen)
{
	struct bpf_program prog;

	if (!expr || !*expr)
		expr = "";
	if (pcap_compile(p, &prog, expr, 1, PCAP_NETMASK_UNKNOWN) < 0) {
		snprintf(err, errlen, "bad filter `%s': %s", expr, pcap_geterr(p));
		return -1;
	}
	if (pcap_setfilter(p, &prog) < 0) {
		snprintf(err, errlen, "filter `%s': %s", expr, pcap_geterr(p));
		pcap_freecode(&prog);
		return -1;
	}
	pcap_freecode(&prog);
	return 0;
}

struct capture *capture_open(const struct capture_opts *o, char *err,
                             size_t errlen)
{
	char ebuf[PCAP_ERRBUF_SIZE] = "", where[300];
	struct capture *c;
	pcap_t *p;
	int rc, dlt;
	struct ifreq ifr;

	if (!o->ifname || !*o->ifname || strlen(o->ifname) >= IF_NAMESIZE) {
		snprintf(err, errlen, "%s: not an interface name",
		         o->ifname ? o->ifname : "");
		return NULL;
	}
	c = capture_alloc(o->ring);
	c->live = true;
	snprintf(c->ifname, sizeof c->ifname, "%s", o->ifname);
	snprintf(c->ns_label, sizeof c->ns_label, "%s",
	         o->ns_label ? o->ns_label : "");
	c->snaplen = o->snaplen > 0 ? o->snaplen : CAPTURE_SNAPLEN_DEFAULT;
	ns_words(c, where, sizeof where);

	if (o->ns_fd >= 0) {
		if (kns_ident_fd(o->ns_fd, &c->ns_dev, &c->ns_ino) < 0 ||
		    kns_enter_fd(o->ns_fd) < 0) {
			snprintf(err, errlen, "cannot enter namespace %s: %s",
			         c->ns_label, strerror(errno));
			capture_close(c);
			return NULL;
		}
	}
	p = pcap_create(o->ifname, ebuf);
	if (p) {
		pcap_set_snaplen(p, c->snaplen);
		/* promiscuous mode would change the link's flags, which
		 * nsviz shows; a veth hands every frame to packet sockets */
		pcap_set_promisc(p, o->promisc);
		if (o->nano && pcap_set_tstamp_precision(p,
		                   PCAP_TSTAMP_PRECISION_NANO) != 0) {
			if (o->ns_fd >= 0)
				kns_leave();
			snprintf(err, errlen, "%s%s: nanosecond time stamps are "
			         "not supported here", o->ifname, where);
			pcap_close(p);
			capture_close(c);
			return NULL;
		}
		/* not immediate mode: libpcap would switch to fixed-size
		 * slots of snaplen bytes, and a 2 MiB buffer would hold 8
		 * packets of a flood; blocks retired every latency_ms keep
		 * the screen live instead */
		pcap_set_immediate_mode(p, o->immediate);
		pcap_set_timeout(p, o->latency_ms > 0 ? o->latency_ms : 20);
		if (o->buffer_kib > 0)
			pcap_set_buffer_size(p, o->buffer_kib * 1024);
		rc = pcap_activate(p);
	} else {
		rc = PCAP_ERROR;
	}
	if (o->ns_fd >= 0)
		kns_leave();
	if (!p) {
		snprintf(err, errlen, "%s%s: %s", o->ifname, where, ebuf);
		capture_close(c);
		return NULL;
	}
	c->p = p;
	if (rc < 0) {
		if (rc == PCAP_ERROR_NO_SUCH_DEVICE)
			snprintf(err, errlen, "%s: no such device%s", o->ifname,
			         c->ns_label[0] ? where : "");
		else if (rc == PCAP_ERROR_PERM_DENIED)
			snprintf(err, errlen, "%s%s: permission denied (capturing "
			         "needs CAP_NET_RAW: try --sandbox)", o->ifname, where);
		else if (rc == PCAP_ERROR_IFACE_NOT_UP)
			snprintf(err, errlen, "%s%s: the interface is down",
			         o->ifname, where);
		else
			snprintf(err, errlen, "%s%s: %s", o->ifname, where,
			         pcap_geterr(p));
		capture_close(c);
		return NULL;
	}
	/* tcpdump -i any: Linux cooked v2, which names the interface */
	if (!strcmp(o->ifname, "any") &&
	    pcap_set_datalink(p, DLT_LINUX_SLL2) < 0) {
		/* an older libpcap: cooked v1 it is */
	}
	c->nano = o->nano;
	if (o->direction != CAPTURE_DIR_ANY) {
		pcap_direction_t d = o->direction == CAPTURE_DIR_IN ? PCAP_D_IN
		                     : o->direction == CAPTURE_DIR_OUT ? PCAP_D_OUT
		                     : PCAP_D_INOUT;

		if (pcap_setdirection(p, d) < 0) {
			snprintf(err, errlen, "%s%s: cannot choose the direction: "
			         "%s", o->ifname, where, pcap_geterr(p));
			capture_close(c);
			return NULL;
		}
	}
	dlt = pcap_datalink(p);
	c->dlt = dlt;
	c->linktype = to_decoder_link(dlt);
	/* a cooked v2 line names the interface of its index, as tcpdump
	 * run in the namespace would */
	if (c->linktype == DECODE_LINK_LINUX_SLL2 && o->ns_fd >= 0)
		c->names = cap_ifnames_new(o->ns_fd);
	if (c->linktype < 0) {
		const char *n = pcap_datalink_val_to_name(dlt);

		snprintf(err, errlen, "%s%s: link type %s is not supported "
		         "(nsviz decodes Ethernet, raw IP and Linux cooked captures)", o->ifname, where,
		         n ? n : "unknown");
		capture_close(c);
		return NULL;
	}
	if (apply_filter(p, o->filter, err, errlen) < 0) {
		capture_close(c);
		return NULL;
	}
	c->filter = xstrdup(o->filter ? o->filter : "");
	if (pcap_setnonblock(p, 1, ebuf) < 0) {
		snprintf(err, errlen, "%s: %s", o->ifname, ebuf);
		capture_close(c);
		return NULL;
	}
	c->fd = pcap_get_selectable_fd(p);
	memset(&ifr, 0, sizeof ifr);
	snprintf(ifr.ifr_name, sizeof ifr.ifr_name, "%s", o->ifname);
	/* the pcap socket lives in the interface's namespace: ask there */
	if (c->fd >= 0 && ioctl(c->fd, SIOCGIFINDEX, &ifr) == 0)
		c->ifindex = ifr.ifr_ifindex;
	if (o->ns_path)
		c->ns_path = xstrdup(o->ns_path);
	return c;
}

struct capture *capture_open_file(const char *path, const char *filter,
                                  size_t ring, char *err, size_t errlen)
{
	return capture_open_file_prec(path, filter, ring, false, err, errlen);
}

struct capture *capture_open_file_prec(const char *path, const char *filter,
                                       size_t ring, bool nano, char *err,
                                       size_t errlen)
{
	char ebuf[PCAP_ERRBUF_SIZE] = "";
	struct capture *c;
	int dlt;

	c = capture_alloc(ring);
	c->nano = nano;
	c->p = pcap_open_offline_with_tstamp_precision(path,
	           nano ? PCAP_TSTAMP_PRECISION_NANO : PCAP_TSTAMP_PRECISION_MICRO,
	           ebuf);
	if (!c->p) {
		snprintf(err, errlen, "%s: %s", path, ebuf);
		capture_close(c);
		return NULL;
	}
	dlt = pcap_datalink(c->p);
	c->dlt = dlt;
	c->linktype = to_decoder_link(dlt);
	c->snaplen = pcap_snapshot(c->p);
	if (c->linktype < 0) {
		const char *n = pcap_datalink_val_to_name(dlt);
		const char *d = pcap_datalink_val_to_description(dlt);

		snprintf(err, errlen, "%s: link type %s%s%s%s is not supported "
		         "(nsviz decodes Ethernet, raw IP and Linux cooked captures)", path,
		         n ? n : "", d ? " (" : "", d ? d : "", d ? ")" : "");
		if (!n)
			snprintf(err, errlen, "%s: link type %d is not supported "
			         "(nsviz decodes Ethernet, raw IP and Linux cooked captures)", path,
			         dlt);
		capture_close(c);
		return NULL;
	}
	if (apply_filter(c->p, filter, err, errlen) < 0) {
		capture_close(c);
		return NULL;
	}
	c->filter = xstrdup(filter ? filter : "");
	snprintf(c->ifname, sizeof c->ifname, "file");
	return c;
}

int capture_fd(const struct capture *c)
{
	return c->live && !c->ended ? c->fd : -1;
}

void capture_end(struct capture *c, const char *why)
{
	if (c->ended)
		return;
	/* keep the last counters: after the end there is no handle */
	if (c->live && c->p && pcap_stats(c->p, &c->last) == 0)
		c->have_last = true;
	c->ended = xstrdup(why ? why : "");
	if (c->live && c->p) {
		/* closing the socket lets a deleted namespace go */
		pcap_close(c->p);
		c->p = NULL;
		c->fd = -1;
	}
}

const char *capture_ended(const struct capture *c)
{
	return c->ended;
}

static void slot_drop_line(struct slot *s)
{
	free(s->line);
	s->line = NULL;
}

static void slot_drop_data(struct capture *c, struct slot *s)
{
	c->held -= s->cap;
	free(s->data);
	s->data = NULL;
	s->cap = 0;
}

/* what tcpdump prints instead of an impossible record ("[Invalid
 * header: ...]", below) */
#define CAPTURE_MAX_SNAPLEN 262144
static bool record_valid(uint32_t caplen, uint32_t len)
{
	return caplen > 0 && len > 0 && len >= caplen &&
	       caplen <= CAPTURE_MAX_SNAPLEN && len <= CAPTURE_MAX_SNAPLEN;
}

static void on_packet(u_char *user, const struct pcap_pkthdr *h,
                      const u_char *bytes)
{
	struct capture *c = (struct capture *)user;
	struct slot *s = &c->ring[c->next % c->nring];
	uint32_t n = h->caplen;
	size_t want = n < 128 ? 128 : n;

	if (c->next - c->first == c->nring) {
		c->first++;            /* overwrite the oldest */
		c->overwritten++;
	}
	/* a slot's buffer fits its packet: never memcpy to NULL, even 0
	 * bytes, and a 64 KiB one is not kept for a 100-byte packet */
	if (s->cap < n || s->cap >= 2 * want || !s->data) {
		slot_drop_data(c, s);
		s->data = xmalloc(want);
		s->cap = want;
		c->held += want;
	}
	memcpy(s->data, bytes, n);
	s->caplen = n;
	s->len = h->len;
	s->ts = h->ts;
	/* tcpdump's references for -ttt and -ttttt: a time of zero is
	 * "not set" there, and so here; a record it calls invalid is
	 * never given a time, so it is no reference either */
	s->prev = timerisset(&c->last_ts) ? c->last_ts : h->ts;
	s->start = timerisset(&c->first_ts) ? c->first_ts : h->ts;
	if (record_valid(h->caplen, h->len)) {
		if (!timerisset(&c->first_ts))
			c->first_ts = h->ts;
		c->last_ts = h->ts;
	}
	if (s->line)
		slot_drop_line(s);
	c->next++;
	c->seen++;
	/* over the byte bound: the oldest go (the newest always stays) */
	while (c->held > c->maxheld && c->next - c->first > 1) {
		struct slot *old = &c->ring[c->first % c->nring];

		slot_drop_data(c, old);
		slot_drop_line(old);
		c->first++;
		c->overwritten++;
	}
	/* one read takes in half the bound at most, so that a reader
	 * that keeps up (the CLI) sees every packet before it goes */
	c->readheld += want;
	if (c->readheld >= c->maxheld / 2)
		pcap_breakloop(c->p);
}

/* libpcap's words for a vanished interface, in ours */
static void end_from_error(struct capture *c, const char *msg)
{
	char why[600], where[300];

	ns_words(c, where, sizeof where);
	if (strstr(msg, "disappeared") || strstr(msg, "No such device"))
		snprintf(why, sizeof why, "%s: the interface was deleted%s; "
		         "capture ended", c->ifname, where);
	else if (strstr(msg, "went down"))
		snprintf(why, sizeof why, "%s: the interface went down%s; "
		         "capture ended", c->ifname, where);
	else
		snprintf(why, sizeof why, "%s%s: %s; capture ended", c->ifname,
		         where, msg);
	capture_end(c, why);
}

int capture_read(struct capture *c, int max)
{
	uint64_t before = c->next;
	int n;

	if (c->ended)
		return -1;
	c->readheld = 0;
	n = pcap_dispatch(c->p, max > 0 ? max : -1, on_packet, (u_char *)c);
	if (n == PCAP_ERROR) {
		if (c->live)
			end_from_error(c, pcap_geterr(c->p));
		else {
			char why[600];

			snprintf(why, sizeof why, "read error: %s", pcap_geterr(c->p));
			capture_end(c, why);
		}
		return -1;
	}
	if (n == PCAP_ERROR_BREAK)   /* on_packet stopped it: more is there */
		return (int)(c->next - before);
	if (!c->live && n == 0) {
		capture_end(c, "");
		return -1;
	}
	return n;
}

bool capture_check(struct capture *c)
{
	char why[600], where[300];
	struct ifreq ifr;

	if (c->ended)
		return true;
	if (!c->live)
		return false;
	ns_words(c, where, sizeof where);
	if (c->ns_path) {
		struct stat sb;

		if (stat(c->ns_path, &sb) < 0 || sb.st_dev != c->ns_dev ||
		    sb.st_ino != c->ns_ino) {
			snprintf(why, sizeof why, "%s: namespace %s was deleted; "
			         "capture ended", c->ifname, c->ns_label);
			capture_end(c, why);
			return true;
		}
	}
	if (c->ifindex > 0 && c->fd >= 0) {
		memset(&ifr, 0, sizeof ifr);
		ifr.ifr_ifindex = c->ifindex;
		if (ioctl(c->fd, SIOCGIFNAME, &ifr) < 0 && errno == ENODEV) {
			snprintf(why, sizeof why, "%s: the interface was deleted%s "
			         "(or left it); capture ended", c->ifname, where);
			capture_end(c, why);
			return true;
		}
	}
	return false;
}

int capture_set_filter(struct capture *c, const char *expr, char *err,
                       size_t errlen)
{
	if (!c->p) {
		snprintf(err, errlen, "the capture has ended");
		return -1;
	}
	if (apply_filter(c->p, expr, err, errlen) < 0)
		return -1;
	free(c->filter);
	c->filter = xstrdup(expr ? expr : "");
	return 0;
}

const char *capture_filter(const struct capture *c)
{
	return c->filter ? c->filter : "";
}

void capture_get_stats(struct capture *c, struct capture_stats *s)
{
	struct pcap_stat ps;

	memset(s, 0, sizeof *s);
	s->seen = c->seen;
	s->overwritten = c->overwritten;
	if (!c->live)
		return;
	if (c->p && pcap_stats(c->p, &ps) == 0) {
		c->last = ps;
		c->have_last = true;
	}
	if (c->have_last) {
		s->kernel_recv = c->last.ps_recv;
		s->kernel_drops = c->last.ps_drop;
		s->if_drops = c->last.ps_ifdrop;
	}
}

int capture_linktype(const struct capture *c) { return c->linktype; }
int capture_dlt(const struct capture *c) { return c->dlt; }
bool capture_nano(const struct capture *c) { return c->nano; }

void capture_set_print(struct capture *c, const struct capture_print *pr)
{
	struct capture_print p = *pr;

	/* a hex dump asked for replaces tcpdump's hex of undecoded bytes
	 * (its -x and -X do, -A does not) */
	p.dec.no_default_dump = p.dump == DECODE_DUMP_HEX ||
	                        p.dump == DECODE_DUMP_HEX_ASCII;
	if (!memcmp(&c->pr, &p, sizeof p))
		return;
	c->pr = p;
	for (size_t i = 0; i < c->nring; i++)
		slot_drop_line(&c->ring[i]);
}

const struct capture_print *capture_get_print(const struct capture *c)
{
	return &c->pr;
}

/* tcpdump's line for a packet whose record is impossible (nothing
 * captured, more captured than sent, over its largest snapshot
 * length): said instead of the packet, without a timestamp */
static bool invalid_header(struct sbuf *b, const struct slot *s)
{
	const char *sep = "[Invalid header:";
	bool bad = false;

	if (s->caplen == 0) {
		sbuf_add(b, "[Invalid header: caplen==0");
		sep = ",";
		bad = true;
	}
	if (s->len == 0) {
		sbuf_printf(b, "%s len==0", sep);
		sep = ",";
		bad = true;
	} else if (s->len < s->caplen) {
		sbuf_printf(b, "%s len(%u) < caplen(%u)", sep, s->len, s->caplen);
		sep = ",";
		bad = true;
	}
	if (s->caplen > CAPTURE_MAX_SNAPLEN) {
		sbuf_printf(b, "%s caplen(%u) > %u", sep, s->caplen,
		            CAPTURE_MAX_SNAPLEN);
		sep = ",";
		bad = true;
	}
	if (s->len > CAPTURE_MAX_SNAPLEN) {
		sbuf_printf(b, "%s len(%u) > %u", sep, s->len,
		            CAPTURE_MAX_SNAPLEN);
		bad = true;
	}
	if (bad)
		sbuf_addc(b, ']');
	return bad;
}
int capture_snaplen(const struct capture *c) { return c->snaplen; }
const char *capture_ifname(const struct capture *c) { return c->ifname; }
uint64_t capture_first(const struct capture *c) { return c->first; }
uint64_t capture_next(const struct capture *c) { return c->next; }

bool capture_get(const struct capture *c, uint64_t n, struct capture_pkt *p)
{
	const struct slot *s;

	if (n < c->first || n >= c->next)
		return false;
	s = &c->ring[n % c->nring];
	p->ts = s->ts;
	p->caplen = s->caplen;
	p->len = s->len;
	p->data = s->data;
	return true;
}

const char *capture_line(struct capture *c, uint64_t n)
{
	struct slot *s;
	struct sbuf b = SBUF_INIT;
	bool update;

	if (n < c->first || n >= c->next)
		return NULL;
	s = &c->ring[n % c->nring];
	if (s->line)
		return s->line;
	/* TCP numbering needs every earlier packet, in order, once */
	if (c->tracked < c->first)
		c->tracked = c->first;
	update = n >= c->tracked;
	for (; update && c->tracked < n; c->tracked++) {
		struct slot *t = &c->ring[c->tracked % c->nring];

		decode_track(c->st, c->linktype, t->data, t->caplen, t->len);
	}
	/* -#: the packet's number in the capture, from 1 */
	if (c->pr.number)
		sbuf_printf(&b, "%5llu  ", (unsigned long long)(n + 1));
	if (invalid_header(&b, s)) {
		/* tcpdump decodes nothing of it */
	} else {
		const struct timeval *ref = c->pr.ts == DECODE_TS_DELTA ? &s->prev
		                                                        : &s->start;

		decode_timestamp_form(&b, c->pr.ts, c->nano,
		                      (int64_t)s->ts.tv_sec, (long)s->ts.tv_usec,
		                      (int64_t)ref->tv_sec, (long)ref->tv_usec);
		struct decode_result res = { false };

		if (c->names)
			cap_ifnames_begin(c->names);
		decode_summary_res(&b, c->pr.absolute ? NULL : c->st, update,
		                   &c->pr.dec, c->linktype, s->data, s->caplen,
		                   s->len, &res);
		if (c->names)
			cap_ifnames_end();
		if (c->pr.dump)
			decode_dump_after(&b, c->pr.dump, c->pr.dump_link,
			                  c->linktype, s->data, s->caplen,
			                  res.abandoned);
	}
	if (!b.s)
		sbuf_add(&b, "");
	if (update)
		c->tracked = n + 1;
	s->line = b.s;         /* the slot owns the string now */
	return s->line;
}

void capture_clear(struct capture *c)
{
	for (size_t i = 0; i < c->nring; i++) {
		slot_drop_line(&c->ring[i]);
		slot_drop_data(c, &c->ring[i]);
	}
	c->first = c->next;
	c->tracked = c->next;
	decode_state_reset(c->st);
}

/* ---- writing pcap files ---------------------------------------------- */

/* The file is made unnamed (O_TMPFILE) in the target's directory and
 * given a name only when the capture ends: a capture killed with
 * SIGKILL leaves nothing behind, and a reader never sees half a file.
 * Where the filesystem cannot (EOPNOTSUPP), a named FILE.tmp.XXXXXX is
 * written instead and renamed. */
struct capture_writer {
	pcap_t *dead;
	pcap_dumper_t *d;
	char *path, *tmp;      /* tmp: the named temporary, NULL if unnamed */
	bool direct;           /* path is a device or a pipe: written as is */
	int fd;
	int err;               /* first write error, 0 = none */
	long good_off;         /* end of the last packet known written */
	uint64_t n, good_n;    /* packets added; of those, known written */
};

static int writer_tmpfile(struct capture_writer *wr, const char *path)
{
	char *dir, *slash;
	struct stat st;
	int fd;

	/* /dev/null, /dev/stdout, a FIFO: written to, never replaced */
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode) &&
	    !S_ISDIR(st.st_mode)) {
		wr->direct = true;
		return open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY);
	}
	dir = xstrdup(path);
	slash = strrchr(dir, '/');

	if (!slash)
		strcpy(dir, ".");
	else if (slash == dir)
		dir[1] = '\0';
	else
		*slash = '\0';
	/* open(2) applies the umask: as readable as any other file */
	fd = open(dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
	free(dir);
	if (fd >= 0 || (errno != EOPNOTSUPP && errno != EISDIR))
		return fd;
	wr->tmp = xmalloc(strlen(path) + 16);
	sprintf(wr->tmp, "%s.tmp.XXXXXX", path);
	fd = mkostemp(wr->tmp, O_CLOEXEC);
	if (fd < 0) {
		free(wr->tmp);
		wr->tmp = NULL;
		return -1;
	}
	/* mkstemp makes 0600; a capture file is as readable as others */
	{
		mode_t um = umask(0);

		umask(um);
		fchmod(fd, 0666 & ~um);
	}
	return fd;
}

struct capture_writer *capture_writer_open(const char *path, int linktype,
                                           int snaplen, char *err,
                                           size_t errlen)
{
	return capture_writer_open_prec(path, linktype, snaplen, false, err,
	                                errlen);
}

struct capture_writer *capture_writer_open_prec(const char *path,
                                                int linktype, int snaplen,
                                                bool nano, char *err,
                                                size_t errlen)
{
	struct capture_writer *wr = xcalloc(1, sizeof *wr);
	int dlt = to_dlt(linktype);
	FILE *f;
	int fd;

	wr->path = xstrdup(path);
	wr->fd = -1;
	fd = writer_tmpfile(wr, path);
	if (fd < 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		capture_writer_abort(wr);
		return NULL;
	}
	f = fdopen(fd, "wb");
	wr->dead = pcap_open_dead_with_tstamp_precision(dlt,
	               snaplen > 0 ? snaplen : CAPTURE_SNAPLEN_DEFAULT,
	               nano ? PCAP_TSTAMP_PRECISION_NANO
	                    : PCAP_TSTAMP_PRECISION_MICRO);
	if (!f || !wr->dead) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		if (f)
			fclose(f);
		else
			close(fd);
		capture_writer_abort(wr);
		return NULL;
	}
	wr->d = pcap_dump_fopen(wr->dead, f);
	if (!wr->d) {
		snprintf(err, errlen, "%s: %s", path, pcap_geterr(wr->dead));
		fclose(f);
		capture_writer_abort(wr);
		return NULL;
	}
	wr->fd = fd;
	return wr;
}

int capture_writer_add(struct capture_writer *wr, const struct capture_pkt *p)
{
	struct pcap_pkthdr h;

	if (wr->err)
		return -1;
	h.ts = p->ts;
	h.caplen = p->caplen;
	h.len = p->len;
	errno = 0;
	pcap_dump((u_char *)wr->d, &h, p->data);
	if (ferror(pcap_dump_file(wr->d))) {
		wr->err = errno ? errno : EIO;
		return -1;
	}
	wr->n++;
	return 0;
}

int capture_writer_flush(struct capture_writer *wr)
{
	long off = 0;

	if (wr->err)
		return -1;
	errno = 0;
	if (pcap_dump_flush(wr->d) < 0 ||
	    (!wr->direct && (off = pcap_dump_ftell(wr->d)) < 0)) {
		wr->err = errno ? errno : EIO;
		return -1;
	}
	if (!wr->direct)
		wr->good_off = off;
	wr->good_n = wr->n;
	return 0;
}

/* Give the file its name: the unnamed one is linked under a temporary
 * name first (linkat cannot replace a file), then renamed over path. */
static int writer_place(struct capture_writer *wr)
{
	char proc[64];
	int e;

	if (wr->direct)
		return 0;
	if (wr->tmp)
		return rename(wr->tmp, wr->path);
	wr->tmp = xmalloc(strlen(wr->path) + 16);
	snprintf(proc, sizeof proc, "/proc/self/fd/%d", wr->fd);
	for (int tries = 0; tries < 100; tries++) {
		sprintf(wr->tmp, "%s.tmp.%06x", wr->path,
		        (unsigned)(((unsigned long)getpid() * 7919u +
		                    (unsigned)tries) & 0xffffff));
		if (linkat(AT_FDCWD, proc, AT_FDCWD, wr->tmp,
		           AT_SYMLINK_FOLLOW) == 0)
			break;
		if (errno != EEXIST)
			goto fail;
	}
	if (rename(wr->tmp, wr->path) == 0)
		return 0;
fail:
	e = errno;
	unlink(wr->tmp);
	free(wr->tmp);
	wr->tmp = NULL;
	errno = e;
	return -1;
}

int capture_writer_commit(struct capture_writer *wr, char *err, size_t errlen)
{
	int rc = 0;

	capture_writer_flush(wr);
	if (wr->err) {
		/* keep the packets that were written whole */
		snprintf(err, errlen, "%s: %s (kept the %llu packets written "
		         "before it)", wr->path, strerror(wr->err),
		         (unsigned long long)wr->good_n);
		/* what stdio still holds must never land after the cut */
		__fpurge(pcap_dump_file(wr->d));
		if (!wr->direct && ftruncate(wr->fd, wr->good_off) < 0) {
			/* the file may end in half a packet; readers say so */
		}
		rc = -1;
	}
	if (!wr->direct && fsync(wr->fd) < 0 && rc == 0) {
		snprintf(err, errlen, "%s: %s", wr->path, strerror(errno));
		rc = -1;
	}
	if (writer_place(wr) < 0) {
		snprintf(err, errlen, "%s: %s", wr->path, strerror(errno));
		rc = -1;
	} else {
		free(wr->tmp);
		wr->tmp = NULL;
	}
	pcap_dump_close(wr->d);
	wr->d = NULL;
	capture_writer_abort(wr);
	return rc;
}

void capture_writer_abort(struct capture_writer *wr)
{
	if (!wr)
		return;
	if (wr->d)
		pcap_dump_close(wr->d);
	if (wr->tmp)
		unlink(wr->tmp);
	if (wr->dead)
		pcap_close(wr->dead);
	free(wr->tmp);
	free(wr->path);
	free(wr);
}

int capture_save(struct capture *c, const char *path, char *err,
                 size_t errlen)
{
	struct capture_writer *wr;
	struct capture_pkt p;

	wr = capture_writer_open_prec(path, c->linktype, c->snaplen, c->nano,
	                              err, errlen);
	if (!wr)
		return -1;
	for (uint64_t n = c->first; n < c->next; n++)
		if (capture_get(c, n, &p))
			capture_writer_add(wr, &p);
	return capture_writer_commit(wr, err, errlen);
}
