/* SPDX-License-Identifier: GPL-2.0-or-later */
/* sync.c - keeps the world current: one netlink event socket per
 * namespace, inotify on /run/netns for named namespaces coming and going,
 * a /proc scan for unnamed ones.  The world changes only here, and only
 * with what the kernel reported. */
#include "kernel/knl.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/inotify.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#include <linux/nsfs.h>
#include <linux/rtnetlink.h>
#include <linux/if.h>
#include <sched.h>
#include <stdarg.h>
#include <time.h>

#include "util/sbuf.h"

struct kconn {
	int nsfd;            /* -1: not open (the namespace is unread) */
	char *path;          /* where to open it again; NULL for the host */
	struct timespec tried;   /* last attempt, while unread */
	bool admitted;       /* counted in ksync.committed */
	struct nl_sock *req;
	struct nl_sock *ev;
	/* Links whose carrier or admin state changed: the kernel changes
	 * the routes through them (linkdown, flushes) without a
	 * notification, so those routes are read again. */
	int *stale_oifs;
	size_t nstale, capstale;
	/* issue 12: no event socket of its own; its notifications come
	 * through the host's, which listens to every namespace the host
	 * has an nsid for (NETLINK_LISTEN_ALL_NSID, as ip monitor
	 * all-nsid): one socket for the kernel to walk per notification
	 * instead of one per namespace, and a descriptor less each */
	bool served;
	int userns;          /* its user namespace is nsviz's: 1, 0, -1 unknown */
	/* RTM_NEWNSID events seen from it: a namespace it had no number
	 * for may have one now */
	unsigned nsid_gen;
	/* descriptors of its reservation (ksync.per_ns) it does not hold:
	 * a named namespace's nsfd is closed once it is read (opened again
	 * from its path when needed), a served one has no event socket */
	int given;
};

struct ksync {
	struct world *w;
	int ino_fd;          /* inotify */
	int run_wd;          /* watch on /run/netns, -1 if not yet */
	int parent_wd;       /* watch on /run while /run/netns is missing */
	char **pending;      /* named namespaces whose bind mount is not up */
	size_t npending, cappending;
	/* The bind mount of a pending name lands without an inotify event,
	 * but the mount table changes: /proc/self/mountinfo polls POLLPRI
	 * then.  The callers' loops poll for POLLIN, so it sits in an
	 * epoll set (readable when the table changed), registered only
	 * while something is pending. */
	int mnt_fd, mnt_ep;
	bool mnt_watched;
	/* Descriptors: a namespace is let in (its nsfd opened) only with
	 * room for its sockets too, within the open file limit less what
	 * was open at start and a reserve for the rest of nsviz (captures,
	 * echo servers, the terminal).  Past that, namespaces are in the
	 * world by name only, unread, and said so. */
	size_t budget, committed, per_ns;
	ksync_observer obs;
	void *obs_ctx;
	pid_t self;
	unsigned flags;      /* KSYNC_* */
	/* A new nsid, or a link into a namespace we do not know: a
	 * container may have started; look in /proc (long sessions only). */
	bool want_rescan;
	struct timespec last_rescan;
	/* veth peers to re-read: the kernel announces a new veth before
	 * its peer exists, and does not announce the peer again when the
	 * pair's other end moves or goes. */
	struct refresh { int ns_id; int ifindex; int nsid; int link_ifindex; }
		*refresh;
	size_t nrefresh, caprefresh;
	/* issue 12: the event sockets sit in one epoll set (data: the
	 * namespace's id), so a drain reads only those with something to
	 * say; namespaces with links whose routes are to be read again */
	int ev_ep;
	int *stale_ns;
	size_t nstale_ns, capstale_ns;
	/* nsids looked for in vain, not looked for again until a
	 * namespace comes or goes (attach_epoch) */
	struct nsid_miss { int ns_id; int nsid; unsigned epoch, gen; } *miss;
	size_t nmiss, capmiss;
	/* where the last search for an nsid of namespace ns_id stopped in
	 * the list of namespaces (valid in one attach_epoch) */
	struct nsid_scan { int ns_id; unsigned epoch, gen; size_t next; } *scan;
	size_t nscan, capscan;
	unsigned attach_epoch;
	/* ksync_ready_some has namespaces left to read: an nsid is not
	 * looked for by asking about every namespace until they are read
	 * (the pair index will place most) */
	bool reading;
	/* the host's event socket listens to all nsids; namespaces to
	 * move onto it, or off it again (their nsid went) */
	bool shared;
	int *to_share, *to_unshare;
	size_t nto_share, capto_share, nto_unshare, capto_unshare;
};

static struct kconn *kc(struct w_ns *ns)
{
	return ns->kconn;
}

/* Close ns's event socket, out of the epoll set first */
static void ev_close(struct ksync *k, struct kconn *c)
{
	if (!c->ev)
		return;
	if (k->ev_ep >= 0)
		epoll_ctl(k->ev_ep, EPOLL_CTL_DEL, nl_socket_get_fd(c->ev), NULL);
	knl_close(c->ev);
	c->ev = NULL;
}

static void ev_watch(struct ksync *k, struct w_ns *ns)
{
	struct epoll_event ev = { .events = EPOLLIN };

	if (k->ev_ep < 0 || !kc(ns)->ev)
		return;
	ev.data.u64 = (uint64_t)ns->id;
	epoll_ctl(k->ev_ep, EPOLL_CTL_ADD, nl_socket_get_fd(kc(ns)->ev), &ev);
}

/* CAP_NET_BROADCAST, which the kernel asks of a socket that hears
 * other namespaces (in their user namespace: ours, see ns_userns_ours) */
static bool can_broadcast(void)
{
	FILE *f = fopen("/proc/self/status", "re");
	char line[256];
	unsigned long long eff = 0;
	bool found = false;

	if (!f)
		return false;
	while (fgets(line, sizeof line, f))
		if (sscanf(line, "CapEff: %llx", &eff) == 1) {
			found = true;
			break;
		}
	fclose(f);
	return found && (eff >> 11 & 1);    /* CAP_NET_BROADCAST */
}

/* Whether the namespace of nsfd is owned by the user namespace nsviz is
 * in (the kernel checks the capability there) */
static bool ns_userns_ours(int nsfd)
{
	struct stat a, b;
	int u = ioctl(nsfd, NS_GET_USERNS);
	bool same;

	if (u < 0)
		return false;
	same = fstat(u, &a) == 0 && stat("/proc/self/ns/user", &b) == 0 &&
	       a.st_dev == b.st_dev && a.st_ino == b.st_ino;
	close(u);
	return same;
}

static void push_id(int **v, size_t *n, size_t *cap, int id)
{
	for (size_t i = 0; i < *n; i++)
		if ((*v)[i] == id)
			return;
	xgrow((void **)v, cap, *n + 1, sizeof **v);
	(*v)[(*n)++] = id;
}

static void note(struct ksync *k, const struct w_ns *ns, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void note(struct ksync *k, const struct w_ns *ns, const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	if (!k->obs)
		return;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	k->obs(k->obs_ctx, ns, NULL, buf);
}

#define FD_RESERVE 32

static size_t open_fds(void)
{
	DIR *d = opendir("/proc/self/fd");
	struct dirent *de;
	size_t n = 0;

	if (!d)
		return 16;
	while ((de = readdir(d)))
		n += de->d_name[0] != '.';
	closedir(d);
	return n;
}

static void fd_budget(struct ksync *k)
{
	unsigned long lim = kernel_nofile_limit();
	size_t used = open_fds() + FD_RESERVE;

	k->per_ns = (k->flags & KSYNC_NO_EVENTS) ? 2 : 3;
	k->budget = !lim ? (size_t)-1 : lim > used ? lim - used : 0;
}

/* Room for one more namespace's descriptors? */
static bool ns_admit(struct ksync *k, struct kconn *c)
{
	if (c && c->admitted)
		return true;
	if (k->committed + k->per_ns > k->budget)
		return false;
	k->committed += k->per_ns;
	if (c)
		c->admitted = true;
	return true;
}

static void ns_release(struct ksync *k, struct kconn *c)
{
	if (c->admitted) {
		k->committed -= k->per_ns - (size_t)c->given;
		c->admitted = false;
	}
	c->given = 0;
}

/* ns's file, opened for a moment (its fd was let go), if it is still
 * ns; -1 if not */
static int open_brief(const struct w_ns *ns)
{
	const struct kconn *c = ns->kconn;
	struct stat st;
	int fd;

	if (!c || !c->path || (fd = open(c->path, O_RDONLY | O_CLOEXEC)) < 0)
		return -1;
	if (fstat(fd, &st) < 0 || st.st_dev != ns->dev || st.st_ino != ns->ino) {
		close(fd);
		return -1;
	}
	return fd;
}

/* c gives a descriptor of its reservation back, or takes one again */
static void fd_give(struct ksync *k, struct kconn *c)
{
	if (c->admitted && c->given < (int)k->per_ns) {
		c->given++;
		k->committed--;
	}
}

static void fd_take(struct ksync *k, struct kconn *c)
{
	if (c->admitted && c->given > 0) {
		c->given--;
		k->committed++;
	}
}

static const struct kerr no_room = { .err = EMFILE, .msg = "" };

static void do_shares(struct ksync *k);
static void consider_share(struct ksync *k, struct w_ns *t);

static struct w_ns *ns_attach(struct ksync *k, enum w_ns_kind kind,
                              const char *name, const char *path, int fd)
{
	dev_t dev;
	ino_t ino;
	struct w_ns *ns;
	struct kconn *c;

	if (kns_ident_fd(fd, &dev, &ino) < 0) {
		close(fd);
		k->committed -= k->per_ns;
		return NULL;
	}
	ns = world_add_ns(k->w, kind, name, dev, ino);
	k->attach_epoch++;
	c = xcalloc(1, sizeof *c);
	c->nsfd = fd;
	c->userns = -1;
	c->path = path ? xstrdup(path) : NULL;
	c->admitted = true;    /* the caller took room with ns_admit(k, NULL) */
	ns->kconn = c;
	/* a named namespace is opened again from its path when it is read:
	 * thousands of them known by name hold no descriptor (issue 12) */
	if (kind == W_NS_NAMED && c->path) {
		close(c->nsfd);
		c->nsfd = -1;
		ns_release(k, c);
	}
	return ns;
}

static long ms_since(const struct timespec *t);

/* Why ns cannot be read, said the way a person can act on it; the
 * observer hears it once. */
static void set_unread_as(struct ksync *k, struct w_ns *ns,
                          const struct kerr *e, bool quiet)
{
	char why[sizeof ns->unread];
	bool was = ns->unread[0] != '\0';

	if (e->err == EPERM || e->err == EACCES)
		snprintf(why, sizeof why, "%s: entering another namespace needs "
		         "CAP_SYS_ADMIN (run as root, or use --sandbox)",
		         strerror(e->err));
	else if (e->err == EMFILE || e->err == ENFILE)
		snprintf(why, sizeof why, "%s: the open file limit is %lu, and "
		         "each namespace takes up to 3 (ulimit -Hn)",
		         strerror(e->err), kernel_nofile_limit());
	else
		snprintf(why, sizeof why, "%s", kerr_str(e));
	if (strcmp(ns->unread, why)) {
		snprintf(ns->unread, sizeof ns->unread, "%s", why);
		k->w->generation++;
		ns->gen++;
	}
	if (kc(ns))
		clock_gettime(CLOCK_MONOTONIC, &kc(ns)->tried);
	if (!was && !quiet)
		note(k, ns, "cannot be read: %s", why);
}

static void set_unread(struct ksync *k, struct w_ns *ns, const struct kerr *e)
{
	set_unread_as(k, ns, e, false);
}

/* A namespace whose file is there but cannot be opened (no descriptor
 * left, no permission): in the world by name and identity, unread. */
static struct w_ns *ns_attach_unread(struct ksync *k, enum w_ns_kind kind,
                                     const char *name, const char *path,
                                     const struct kerr *e)
{
	struct stat st;
	struct w_ns *ns;
	struct kconn *c;

	if (stat(path, &st) < 0)
		return NULL;
	if ((ns = world_find_ns_ino(k->w, st.st_dev, st.st_ino)))
		return ns;
	ns = world_add_ns(k->w, kind, name, st.st_dev, st.st_ino);
	c = xcalloc(1, sizeof *c);
	c->nsfd = -1;
	c->userns = -1;
	c->path = xstrdup(path);
	ns->kconn = c;
	set_unread_as(k, ns, e, true);   /* the caller says it, after the add */
	return ns;
}

/* Open an unread namespace's file again. */
static int ns_reopen(struct ksync *k, struct w_ns *ns, struct kerr *e)
{
	struct kconn *c = kc(ns);
	dev_t dev;
	ino_t ino;
	int fd;

	if (!c->path) {
		e->err = ENOENT;
		return -1;
	}
	if (!ns_admit(k, c)) {
		*e = no_room;
		return -1;
	}
	fd = open(c->path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		e->err = errno;
		e->msg[0] = '\0';
		ns_release(k, c);
		return -1;
	}
	if (ioctl(fd, NS_GET_NSTYPE) != CLONE_NEWNET ||
	    kns_ident_fd(fd, &dev, &ino) < 0 || dev != ns->dev ||
	    ino != ns->ino) {
		/* gone, or another namespace under the same name now */
		ns_release(k, c);
		close(fd);
		e->err = ENOENT;
		snprintf(e->msg, sizeof e->msg, "%s is no longer a network "
		         "namespace", c->path);
		return -1;
	}
	c->nsfd = fd;
	fd_take(k, c);
	return 0;
}

static void ns_detach(struct ksync *k, struct w_ns *ns)
{
	struct kconn *c = kc(ns);

	/* Close everything we hold in it: an open socket would keep a
	 * deleted namespace, and its veths, alive. */
	if (c) {
		ev_close(k, c);
		knl_close(c->req);
		if (c->nsfd >= 0 && c->nsfd != kernel_home_fd())
			close(c->nsfd);
		ns_release(k, c);
		free(c->path);
		free(c->stale_oifs);
		free(c);
	}
	ns->kconn = NULL;
	k->attach_epoch++;
	world_remove_ns(k->w, ns);
}

/* ---- dumping ---------------------------------------------------------- */

struct apply_ctx {
	struct ksync *k;
	struct w_ns *ns;
	bool notify;
	bool report;         /* a first dump: tell the observer anyway */
};

static void queue_refresh(struct ksync *k, const struct w_ns *ns,
                          const struct w_link *l)
{
	struct refresh *r;

	if (!l->has_iflink || l->iflink <= 0 || strcmp(l->kind, "veth"))
		return;
	xgrow((void **)&k->refresh, &k->caprefresh, k->nrefresh + 1,
	      sizeof *k->refresh);
	r = &k->refresh[k->nrefresh++];
	r->ns_id = ns->id;
	r->link_ifindex = l->ifindex;
	r->ifindex = l->iflink;
	r->nsid = l->has_link_netnsid ? l->link_netnsid : -1;
}

/* read the link ifindex of ns again, after the events at hand */
static void queue_relink(struct ksync *k, const struct w_ns *ns, int ifindex)
{
	struct refresh *r;

	xgrow((void **)&k->refresh, &k->caprefresh, k->nrefresh + 1,
	      sizeof *k->refresh);
	r = &k->refresh[k->nrefresh++];
	r->ns_id = ns->id;
	r->link_ifindex = ifindex;
	r->ifindex = ifindex;
	r->nsid = -1;
}

static void apply_msg(void *ctx, struct nlmsghdr *nlh)
{
	struct apply_ctx *a = ctx;
	struct w_event ev;

	if (kparse(nlh, &ev) < 0)
		return;
	ev.from_dump = !a->notify;
	if (ev.type == W_EV_NEWNSID) {
		a->k->want_rescan = true;
		if (kc(a->ns))
			kc(a->ns)->nsid_gen++;
	}
	if (ev.type == W_EV_DELNSID && a->ns->kind == W_NS_HOST &&
	    ev.u.nsid.nsid >= 0) {
		/* a namespace the host's socket served is not heard there
		 * any more */
		struct w_ns *t = world_ns_by_nsid(a->k->w, a->ns, ev.u.nsid.nsid);

		if (t && kc(t) && kc(t)->served)
			push_id(&a->k->to_unshare, &a->k->nto_unshare,
			        &a->k->capto_unshare, t->id);
	}
	if (a->notify && ev.type == W_EV_NEWLINK && kc(a->ns)) {
		const struct w_link *old =
			world_find_link_index(a->ns, ev.u.link.ifindex);
		/* only routes the world has can have changed */
		if (old && ((old->flags ^ ev.u.link.flags) &
		            (IFF_UP | IFF_LOWER_UP | IFF_RUNNING)) &&
		    world_has_routes_oif(a->ns, ev.u.link.ifindex)) {
			struct kconn *c = kc(a->ns);
			struct ksync *k = a->k;

			if (!c->nstale) {
				xgrow((void **)&k->stale_ns, &k->capstale_ns,
				      k->nstale_ns + 1, sizeof *k->stale_ns);
				k->stale_ns[k->nstale_ns++] = a->ns->id;
			}
			xgrow((void **)&c->stale_oifs, &c->capstale,
			      c->nstale + 1, sizeof *c->stale_oifs);
			c->stale_oifs[c->nstale++] = ev.u.link.ifindex;
		}
	}
	/* a root qdisc deleted: the kernel puts its default in its place
	 * (noqueue, pfifo_fast) without an event; the link read again
	 * names it */
	if (a->notify && ev.type == W_EV_DELQDISC)
		queue_relink(a->k, a->ns, ev.u.qdisc.ifindex);
	if (a->notify &&
	    ((ev.type == W_EV_NEWLINK &&
	      !world_find_link_index(a->ns, ev.u.link.ifindex)) ||
	     ev.type == W_EV_DELLINK))
		queue_refresh(a->k, a->ns, &ev.u.link);
	world_apply(a->k->w, a->ns, &ev);
	if ((a->notify || a->report) && a->k->obs)
		a->k->obs(a->k->obs_ctx, a->ns, &ev, NULL);
	w_event_release(&ev);
}

/* report: the namespace is new to an observer (it appeared while one
 * watched), whose first dump says what it holds: changes made before
 * its event socket existed are seen this way, not lost. */
static int ns_dump(struct ksync *k, struct w_ns *ns, bool report,
                   struct kerr *e)
{
	/* the qdiscs after the links they are on (issue 14) */
	static const int kinds[] = { RTM_GETLINK, RTM_GETQDISC, RTM_GETADDR,
	                             RTM_GETROUTE, RTM_GETNEIGH, RTM_GETRULE };
	struct apply_ctx a = { k, ns, false, report };
	struct kconn *c = kc(ns);

	world_clear_ns(ns);
	for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++) {
		if (knl_dump(c->req, kinds[i], AF_UNSPEC, apply_msg, &a, e) < 0) {
			/* a kernel without policy routing has no rules,
			 * one without CONFIG_NET_SCHED no qdiscs: not a
			 * reason to leave the namespace unread */
			if (kinds[i] == RTM_GETRULE || kinds[i] == RTM_GETQDISC) {
				memset(e, 0, sizeof *e);
				continue;
			}
			return -1;
		}
	}
	ns->synced = true;
	return 0;
}

/* Ask ns's kernel for the nsid of o and keep the answer; true if it is
 * nsid */
static bool ask_nsid(struct ksync *k, struct w_ns *ns, struct w_ns *o,
                     int nsid)
{
	int got, fd;

	if (o == ns || !kc(o) || world_nsid_known(ns, o->id))
		return false;
	/* a named namespace not open (let go once read, or not read
	 * yet): its file, for the question only */
	fd = kc(o)->nsfd >= 0 ? kc(o)->nsfd : open_brief(o);
	if (fd < 0)
		return false;
	got = knl_get_nsid(kc(ns)->req, fd);
	if (fd != kc(o)->nsfd)
		close(fd);
	if (got >= 0) {
		world_set_nsid(ns, got, o->id);
		if (ns->kind == W_NS_HOST)
			consider_share(k, o);
	}
	return got >= 0 && got == nsid;
}

/* Whether o is where ns's veth l leads, with the question asked on
 * o's side: o's veth p names l by its ifindex, l names p, and o's
 * number for ns is p's IFLA_LINK_NETNSID.  The ends of a veth pair
 * name each other, so l's peer is p and ns numbers o nsid.  Asking o
 * (a container, a handful of nsids) instead of ns (the host, an nsid
 * for every namespace) matters: the kernel walks a namespace's nsids to
 * answer (issue 12). */
static bool pair_proves(struct ksync *k, struct w_ns *ns,
                        const struct w_link *l, struct w_ns *o, int nsid)
{
	const struct w_link *p = world_find_link_index(o, l->iflink);
	struct w_ns *back;

	/* o's kernel is the cheaper to ask when o has fewer links (a
	 * namespace's nsids are mostly its veths' other ends) */
	if (!p || strcmp(l->kind, "veth") || strcmp(p->kind, "veth") ||
	    !p->has_link_netnsid || !p->has_iflink ||
	    p->iflink != l->ifindex || o->nlinks >= ns->nlinks ||
	    world_nsid_known(ns, o->id))
		return false;
	back = world_ns_by_nsid(k->w, o, p->link_netnsid);
	if (!back) {
		if (!kc(o) || !kc(o)->req)
			return false;
		ask_nsid(k, o, ns, p->link_netnsid);
		back = world_ns_by_nsid(k->w, o, p->link_netnsid);
	}
	if (back != ns)
		return false;
	world_set_nsid(ns, nsid, o->id);
	if (ns->kind == W_NS_HOST)
		consider_share(k, o);
	return true;
}

/* The namespace that ns numbers nsid, asking ns's kernel as few
 * questions as it can (issue 12): first where the other end of a veth of
 * ns (l, when given) is, by the world's pair index; then the host, to
 * which most veths lead; then every namespace, newest first (a new link
 * most often leads to a namespace just made), once per namespace set. */
static struct w_ns *map_nsid(struct ksync *k, struct w_ns *ns, int nsid,
                             const struct w_link *l)
{
	struct world *w = k->w;
	struct w_ns *o;
	size_t it = 0;

	if ((o = world_ns_by_nsid(w, ns, nsid)))
		return o;
	if (!kc(ns) || !kc(ns)->req)
		return NULL;
	if (l)
		while ((o = world_pair_next(w, l->iflink, l->ifindex, &it)))
			if (pair_proves(k, ns, l, o, nsid) ||
			    ask_nsid(k, ns, o, nsid))
				return o;
	if (ask_nsid(k, ns, world_host(w), nsid))
		return world_host(w);
	if (k->reading)
		return NULL;
	for (size_t i = 0; i < k->nmiss; i++)
		if (k->miss[i].ns_id == ns->id && k->miss[i].nsid == nsid &&
		    k->miss[i].epoch == k->attach_epoch &&
		    k->miss[i].gen == kc(ns)->nsid_gen)
			return NULL;
	/* newest first, going on from where the last search of ns in
	 * this namespace set stopped: what it passed is known to ns now,
	 * so every namespace is asked about once, not once per nsid */
	{
		struct nsid_scan *sc = NULL;
		size_t j;

		for (size_t i = 0; i < k->nscan && !sc; i++)
			if (k->scan[i].ns_id == ns->id)
				sc = &k->scan[i];
		if (!sc) {
			xgrow((void **)&k->scan, &k->capscan, k->nscan + 1,
			      sizeof *k->scan);
			sc = &k->scan[k->nscan++];
			sc->ns_id = ns->id;
			sc->epoch = k->attach_epoch - 1;
		}
		/* what it passed stays known, or without a number, until
		 * namespaces come or go or ns numbers one more */
		if (sc->epoch != k->attach_epoch || sc->gen != kc(ns)->nsid_gen ||
		    sc->next > w->nns) {
			sc->epoch = k->attach_epoch;
			sc->gen = kc(ns)->nsid_gen;
			sc->next = w->nns;
		}
		for (j = sc->next; j-- > 0;)
			if (ask_nsid(k, ns, w->ns[j], nsid)) {
				sc->next = j;
				return w->ns[j];
			}
		sc->next = 0;
	}
	/* a namespace nsviz does not know: a container may have started */
	k->want_rescan = true;
	for (size_t i = 0; i < k->nmiss; i++)
		if (k->miss[i].epoch != k->attach_epoch) {
			/* an old miss: its place is free */
			k->miss[i] = (struct nsid_miss){ ns->id, nsid,
			                                  k->attach_epoch,
			                                  kc(ns)->nsid_gen };
			return NULL;
		}
	xgrow((void **)&k->miss, &k->capmiss, k->nmiss + 1, sizeof *k->miss);
	k->miss[k->nmiss++] = (struct nsid_miss){ ns->id, nsid,
	                                          k->attach_epoch,
	                                          kc(ns)->nsid_gen };
	return NULL;
}

/* Peers, after the world changed: the world resolves what it can, then
 * the nsids it could not place are asked for, then it resolves again. */
static void settle_peers(struct ksync *k)
{
	const struct w_linkref *u;
	size_t n;
	bool asked = false;

	world_resolve_peers(k->w);
	u = world_unresolved(k->w, &n);
	for (size_t i = 0; i < n; i++) {
		struct w_ns *ns;
		const struct w_link *l;

		if (u[i].nsid < 0 || !(ns = world_find_ns_id(k->w, u[i].ns_id)))
			continue;
		l = world_find_link_index(ns, u[i].ifindex);
		if (l && map_nsid(k, ns, u[i].nsid, l))
			asked = true;
		/* world_set_nsid does not touch the list */
	}
	if (asked)
		world_resolve_peers(k->w);
	do_shares(k);
}

/* The namespace to enter to open a socket in ns: none for the one we
 * are in (entering even our own needs CAP_SYS_ADMIN, which a user
 * without privileges lacks, and reading the host must work for them). */
static int open_fd(struct w_ns *ns)
{
	return ns->kind == W_NS_HOST ? -1 : kc(ns)->nsfd;
}

#define UNREAD_RETRY_MS 1000   /* an unread namespace is tried again */

/* Could not read ns: give back what it holds (descriptors are what may
 * be missing) and say why. */
static int ns_unready(struct ksync *k, struct w_ns *ns, struct kerr *e)
{
	struct kconn *c = kc(ns);

	ev_close(k, c);
	c->served = false;
	knl_close(c->req);
	c->req = NULL;
	/* its room goes to namespaces that can be read; it is opened
	 * again (from its path) when tried again */
	if (c->path && c->nsfd >= 0 && c->nsfd != kernel_home_fd()) {
		close(c->nsfd);
		c->nsfd = -1;
		ns_release(k, c);
	}
	world_clear_ns(ns);
	ns->synced = false;
	set_unread(k, ns, e);
	snprintf(e->msg, sizeof e->msg, "%s", ns->unread);
	return -1;
}

static int ns_ready(struct ksync *k, struct w_ns *ns, bool settle,
                    struct kerr *e)
{
	struct kconn *c = kc(ns);

	if (ns->synced)
		return 0;
	if (!c) {
		e->err = ENOENT;
		snprintf(e->msg, sizeof e->msg, "namespace is gone");
		return -1;
	}
	if (ns->unread[0] && ms_since(&c->tried) < UNREAD_RETRY_MS) {
		/* not every round of a loop: the reason stands */
		e->err = EAGAIN;
		snprintf(e->msg, sizeof e->msg, "%s", ns->unread);
		return -1;
	}
	if (c->nsfd < 0 && ns_reopen(k, ns, e) < 0)
		return ns_unready(k, ns, e);
	if (!c->req && !(c->req = knl_open(open_fd(ns), false, e)))
		return ns_unready(k, ns, e);
	if (!(k->flags & KSYNC_NO_EVENTS) && !c->ev && !c->served) {
		if (!(c->ev = knl_open(open_fd(ns), true, e)))
			return ns_unready(k, ns, e);
		if (ns->kind == W_NS_HOST && can_broadcast()) {
			int one = 1;

			int big = 32 << 20;

			k->shared = setsockopt(nl_socket_get_fd(c->ev),
			                       SOL_NETLINK, NETLINK_LISTEN_ALL_NSID,
			                       &one, sizeof one) == 0;
			/* it hears every namespace: room for their bursts
			 * (past rmem_max when nsviz may; an overrun is a
			 * fresh read of all of them) */
			if (k->shared)
				setsockopt(nl_socket_get_fd(c->ev), SOL_SOCKET,
				           SO_RCVBUFFORCE, &big, sizeof big);
		}
		ev_watch(k, ns);
	}
	if (ns_dump(k, ns, true, e) < 0)
		return ns_unready(k, ns, e);
	if (ns->unread[0]) {
		ns->unread[0] = '\0';
		k->w->generation++;
		ns->gen++;
	}
	/* its sockets are open: a named one's file is let go (opened
	 * again from its path for what needs it: exec, a capture) */
	if (c->userns < 0 && c->nsfd >= 0)
		c->userns = ns_userns_ours(c->nsfd);
	if (ns->kind == W_NS_NAMED && c->path && c->nsfd >= 0) {
		close(c->nsfd);
		c->nsfd = -1;
		fd_give(k, c);
	}
	if (world_host(k->w) && world_nsid_known(world_host(k->w), ns->id))
		consider_share(k, ns);
	if (settle)
		settle_peers(k);
	return 0;
}

int ksync_ns_ready(struct ksync *k, struct w_ns *ns, struct kerr *e)
{
	return ns_ready(k, ns, true, e);
}

/* Every namespace that can be read is; the others are marked (w_ns
 * unread).  Fails only when the namespace nsviz is in cannot be read. */
int ksync_all_ready(struct ksync *k, struct kerr *e)
{
	int rc = 0;

	for (size_t i = 0, fresh = 0; i < k->w->nns; i++) {
		struct kerr e1 = { 0 };
		bool was = k->w->ns[i]->synced;

		/* peers every few hundred namespaces, not after each: both
		 * ends of a pair are mostly there then, and an nsid is found
		 * without asking every kernel; and the namespaces placed move
		 * onto the host's event socket, so that thousands do not hold
		 * a socket each meanwhile */
		if (!was && ++fresh % 256 == 0)
			settle_peers(k);
		if (ns_ready(k, k->w->ns[i], false, &e1) < 0 &&
		    k->w->ns[i]->kind == W_NS_HOST) {
			*e = e1;
			rc = -1;
		}
	}
	if (rc < 0)
		return -1;
	/* nsids of namespaces dumped before their peers appeared */
	settle_peers(k);
	return 0;
}

/* Read namespaces not read yet for about max_ms (at least one), the
 * host first: a screen can show what it has and fill in the rest as it
 * comes (issue 12).  Returns how many are still to be read. */
size_t ksync_ready_some(struct ksync *k, int max_ms)
{
	struct timespec t0;
	size_t left = 0;
	bool any = false;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (size_t i = 0; i < k->w->nns; i++) {
		struct w_ns *ns = k->w->ns[i];
		struct kerr e1 = { 0 };

		if (ns->synced || (ns->unread[0] && kc(ns) &&
		                   ms_since(&kc(ns)->tried) < UNREAD_RETRY_MS))
			continue;
		if (any && ms_since(&t0) >= max_ms) {
			left++;
			continue;
		}
		ns_ready(k, ns, false, &e1);
		any = true;
	}
	k->reading = left > 0;
	if (any)
		settle_peers(k);
	return left;
}

int ksync_ns_fd(struct ksync *k, struct w_ns *ns, struct kerr *e)
{
	if (!kc(ns)) {
		e->err = ENOENT;
		return -1;
	}
	if (kc(ns)->nsfd < 0 && ns_reopen(k, ns, e) < 0) {
		if (ns->unread[0])
			snprintf(e->msg, sizeof e->msg, "%s", ns->unread);
		return -1;
	}
	return kc(ns)->nsfd;
}

/* An fd of ns for one request (IFLA_NET_NS_FD, a sysctl file): the one
 * held, else its file opened for the moment (a named namespace lets its
 * fd go once read); give it back with ksync_ns_fd_done */
int ksync_ns_fd_brief(struct ksync *k, struct w_ns *ns, struct kerr *e)
{
	struct kconn *c = kc(ns);
	int fd;

	if (!c || c->nsfd >= 0 || !c->path || ns->unread[0] || !ns->synced)
		return ksync_ns_fd(k, ns, e);
	if ((fd = open_brief(ns)) < 0) {
		e->err = ENOENT;
		snprintf(e->msg, sizeof e->msg, "%s is no longer a network "
		         "namespace", c->path);
	}
	return fd;
}

void ksync_ns_fd_done(struct ksync *k, struct w_ns *ns, int fd)
{
	(void)k;
	if (fd >= 0 && (!kc(ns) || fd != kc(ns)->nsfd))
		close(fd);
}

struct nl_sock *ksync_req_sock(struct ksync *k, struct w_ns *ns,
                               struct kerr *e)
{
	struct kconn *c = kc(ns);

	if (!c) {
		e->err = ENOENT;
		snprintf(e->msg, sizeof e->msg, "namespace is gone");
		return NULL;
	}
	/* never a socket of the wrong namespace: an unread one has no fd
	 * (a read one may have let its fd go: its socket stays) */
	if (c->req && !ns->unread[0])
		return c->req;
	if (c->nsfd < 0 && ns->kind != W_NS_HOST && ns_reopen(k, ns, e) < 0) {
		if (ns->unread[0])
			snprintf(e->msg, sizeof e->msg, "%s", ns->unread);
		return NULL;
	}
	if (!c->req)
		c->req = knl_open(open_fd(ns), false, e);
	return c->req;
}

/* ---- named namespaces ------------------------------------------------- */

static void add_pending(struct ksync *k, const char *name)
{
	for (size_t i = 0; i < k->npending; i++)
		if (!strcmp(k->pending[i], name))
			return;
	xgrow((void **)&k->pending, &k->cappending, k->npending + 1,
	      sizeof *k->pending);
	k->pending[k->npending++] = xstrdup(name);
}

static void drop_pending(struct ksync *k, const char *name)
{
	for (size_t i = 0; i < k->npending; i++) {
		if (strcmp(k->pending[i], name))
			continue;
		free(k->pending[i]);
		k->pending[i] = k->pending[--k->npending];
		return;
	}
}

/* A named namespace appeared (or might have).  Returns true if attached. */
static bool named_appeared(struct ksync *k, const char *name)
{
	struct kerr e;
	struct w_ns *ns;
	dev_t dev;
	ino_t ino;
	int fd;

	if (world_find_ns(k->w, name))
		return true;
	if (ns_admit(k, NULL)) {
		fd = kns_open_named(name, &e);
		if (fd < 0)
			k->committed -= k->per_ns;
	} else {
		fd = -1;
		e = no_room;
	}
	if (fd < 0) {
		char path[PATH_MAX];

		if (e.err == EINVAL) {   /* file there, bind mount not yet */
			add_pending(k, name);
			return false;
		}
		if (e.err == ENOENT)
			return false;
		/* there, but it cannot be opened (no descriptor left) */
		snprintf(path, sizeof path, NETNS_RUN_DIR "/%s", name);
		drop_pending(k, name);
		ns = ns_attach_unread(k, W_NS_NAMED, name, path, &e);
		if (ns) {
			note(k, ns, "netns add %s", name);
			note(k, ns, "cannot be read: %s", ns->unread);
		}
		return ns != NULL;
	}
	drop_pending(k, name);
	/* A namespace we knew as unnamed just got a name. */
	if (kns_ident_fd(fd, &dev, &ino) == 0 &&
	    (ns = world_find_ns_ino(k->w, dev, ino)) != NULL &&
	    ns->kind == W_NS_UNNAMED) {
		world_name_ns(k->w, ns, name);
		ns->holder_pid = 0;
		ns->holder_comm[0] = ns->holder_path[0] = '\0';
		close(fd);
		k->committed -= k->per_ns;
		k->w->generation++;
		note(k, ns, "netns %s: named", name);
		return true;
	}
	{
		char path[PATH_MAX];

		snprintf(path, sizeof path, NETNS_RUN_DIR "/%s", name);
		ns = ns_attach(k, W_NS_NAMED, name, path, fd);
	}
	if (ns)
		note(k, ns, "netns add %s", name);
	return ns != NULL;
}

static bool drain_ns(struct ksync *k, struct w_ns *ns);

static void named_vanished(struct ksync *k, const char *name)
{
	struct w_ns *ns = world_find_ns(k->w, name);

	drop_pending(k, name);
	if (!ns || ns->kind != W_NS_NAMED)
		return;
	/* what happened in it before it went comes first */
	drain_ns(k, ns);
	note(k, ns, "netns del %s", name);
	ns_detach(k, ns);
	settle_peers(k);
}

static void watch_run_dir(struct ksync *k)
{
	k->run_wd = inotify_add_watch(k->ino_fd, NETNS_RUN_DIR,
	                              IN_CREATE | IN_DELETE | IN_MOVED_FROM |
	                              IN_MOVED_TO | IN_ATTRIB |
	                              IN_DELETE_SELF | IN_ONLYDIR);
	if (k->run_wd < 0 && k->parent_wd < 0)
		k->parent_wd = inotify_add_watch(k->ino_fd, "/run",
		                                 IN_CREATE | IN_MOVED_TO |
		                                 IN_ONLYDIR);
}

static void scan_named(struct ksync *k)
{
	char **names;
	size_t n;
	struct hmap listed = HMAP_INIT;

	if (kns_list_named(&names, &n) < 0)
		return;
	for (size_t i = 0; i < n; i++) {
		named_appeared(k, names[i]);
		hmap_put(&listed, hmap_hash_str(names[i]), names[i]);
	}
	/* and forget those that are gone */
	for (size_t i = k->w->nns; i-- > 0;) {
		struct w_ns *ns = k->w->ns[i];
		bool found = false;
		size_t it = 0;
		const char *v;

		if (ns->kind != W_NS_NAMED)
			continue;
		while (!found &&
		       (v = hmap_next(&listed, hmap_hash_str(ns->name), &it)))
			found = !strcmp(v, ns->name);
		if (!found)
			named_vanished(k, ns->name);
	}
	hmap_free(&listed);
	kns_free_names(names, n);
}

void ksync_scan_named(struct ksync *k)
{
	scan_named(k);
}

/* One name in /run/netns may have come or gone: look at it alone, not
 * at the whole directory (issue 12) */
void ksync_named_changed(struct ksync *k, const char *name)
{
	char path[PATH_MAX];
	struct stat st;

	snprintf(path, sizeof path, NETNS_RUN_DIR "/%s", name);
	if (lstat(path, &st) == 0)
		named_appeared(k, name);
	else if (errno == ENOENT)
		named_vanished(k, name);
	else
		scan_named(k);
}

struct w_ns *ksync_find_ns(struct ksync *k, const char *name)
{
	struct w_ns *ns = world_find_ns(k->w, name);

	if (!ns && name && *name && !(k->flags & KSYNC_WATCH) &&
	    named_appeared(k, name))
		ns = world_find_ns(k->w, name);
	return ns;
}

/* Watch the mount table while a name waits for its bind mount. */
static void watch_mounts(struct ksync *k)
{
	bool want = k->npending > 0;
	struct epoll_event ev = { .events = EPOLLPRI };

	if (k->mnt_ep < 0 || want == k->mnt_watched)
		return;
	if (epoll_ctl(k->mnt_ep, want ? EPOLL_CTL_ADD : EPOLL_CTL_DEL,
	              k->mnt_fd, &ev) == 0)
		k->mnt_watched = want;
}

static void read_inotify(struct ksync *k)
{
	char buf[8192] __attribute__((aligned(__alignof__(struct inotify_event))));
	ssize_t n;

	while ((n = read(k->ino_fd, buf, sizeof buf)) > 0) {
		for (char *p = buf; p < buf + n;) {
			struct inotify_event *ev = (struct inotify_event *)p;

			if (ev->wd == k->parent_wd && ev->len &&
			    !strcmp(ev->name, "netns")) {
				watch_run_dir(k);
				scan_named(k);
			} else if (ev->wd == k->run_wd) {
				if (ev->mask & (IN_DELETE_SELF | IN_IGNORED)) {
					k->run_wd = -1;
					scan_named(k);
					watch_run_dir(k);
				} else if (ev->len &&
				           (ev->mask & (IN_DELETE | IN_MOVED_FROM))) {
					named_vanished(k, ev->name);
				} else if (ev->len) {
					named_appeared(k, ev->name);
				}
			}
			p += sizeof *ev + ev->len;
		}
	}
	if (k->npending) {
		char **copy = xcalloc(k->npending, sizeof *copy);
		size_t n2 = k->npending;

		for (size_t i = 0; i < n2; i++)
			copy[i] = xstrdup(k->pending[i]);
		for (size_t i = 0; i < n2; i++) {
			named_appeared(k, copy[i]);
			free(copy[i]);
		}
		free(copy);
	}
}

/* ---- unnamed namespaces ----------------------------------------------- */

struct seen {
	dev_t dev;
	ino_t ino;
	pid_t pid;
	char path[256];
};

static void seen_add(struct seen **s, size_t *n, size_t *cap, dev_t dev,
                     ino_t ino, pid_t pid, const char *path)
{
	for (size_t i = 0; i < *n; i++)
		if ((*s)[i].dev == dev && (*s)[i].ino == ino)
			return;
	xgrow((void **)s, cap, *n + 1, sizeof **s);
	(*s)[*n].dev = dev;
	(*s)[*n].ino = ino;
	(*s)[*n].pid = pid;
	snprintf((*s)[*n].path, sizeof (*s)[*n].path, "%s", path);
	(*n)++;
}

static void read_comm(pid_t pid, char *buf, size_t len)
{
	char path[64];
	FILE *f;

	snprintf(path, sizeof path, "/proc/%d/comm", (int)pid);
	buf[0] = '\0';
	f = fopen(path, "re");
	if (!f)
		return;
	if (fgets(buf, (int)len, f))
		buf[strcspn(buf, "\n")] = '\0';
	fclose(f);
}

/* nsfs bind mounts outside /run/netns: "... net:[4026532] /path ..." */
static void scan_mounts(struct seen **s, size_t *n, size_t *cap)
{
	FILE *f = fopen("/proc/self/mountinfo", "re");
	char line[4096];

	if (!f)
		return;
	while (fgets(line, sizeof line, f)) {
		char root[256], mnt[256];
		struct stat st;

		if (sscanf(line, "%*d %*d %*s %255s %255s", root, mnt) != 2)
			continue;
		if (strncmp(root, "net:[", 5) != 0)
			continue;
		if (!strncmp(mnt, NETNS_RUN_DIR "/", sizeof NETNS_RUN_DIR))
			continue;
		if (stat(mnt, &st) < 0)
			continue;
		seen_add(s, n, cap, st.st_dev, st.st_ino, 0, mnt);
	}
	fclose(f);
}

int ksync_rescan(struct ksync *k)
{
	struct seen *s = NULL;
	size_t n = 0, cap = 0;
	DIR *d = opendir("/proc");
	struct dirent *de;
	unsigned unseen = 0;

	if (!d)
		return -1;
	while ((de = readdir(d))) {
		char path[300], sub[600];
		struct stat st;
		char *end;
		long pid = strtol(de->d_name, &end, 10);
		DIR *fdd;
		struct dirent *fe;

		if (*end || pid <= 0 || pid == k->self)
			continue;
		snprintf(path, sizeof path, "/proc/%ld/ns/net", pid);
		if (stat(path, &st) == 0)
			seen_add(&s, &n, &cap, st.st_dev, st.st_ino,
			         (pid_t)pid, path);
		else if (errno == EACCES || errno == EPERM)
			unseen++;   /* another user's, without privileges */
		/* threads that moved on their own */
		snprintf(path, sizeof path, "/proc/%ld/task", pid);
		if ((fdd = opendir(path))) {
			while ((fe = readdir(fdd))) {
				if (fe->d_name[0] == '.' ||
				    !strcmp(fe->d_name, de->d_name))
					continue;
				snprintf(sub, sizeof sub,
				         "/proc/%ld/task/%s/ns/net", pid,
				         fe->d_name);
				if (stat(sub, &st) == 0)
					seen_add(&s, &n, &cap, st.st_dev,
					         st.st_ino, (pid_t)pid, sub);
			}
			closedir(fdd);
		}
		/* namespaces held only through an open fd */
		snprintf(path, sizeof path, "/proc/%ld/fd", pid);
		if ((fdd = opendir(path))) {
			while ((fe = readdir(fdd))) {
				char target[64];
				ssize_t r;

				if (fe->d_name[0] == '.')
					continue;
				snprintf(sub, sizeof sub, "/proc/%ld/fd/%s",
				         pid, fe->d_name);
				r = readlink(sub, target, sizeof target - 1);
				if (r <= 0)
					continue;
				target[r] = '\0';
				if (strncmp(target, "net:[", 5) != 0)
					continue;
				if (stat(sub, &st) == 0)
					seen_add(&s, &n, &cap, st.st_dev,
					         st.st_ino, (pid_t)pid, sub);
			}
			closedir(fdd);
		}
	}
	closedir(d);
	scan_mounts(&s, &n, &cap);
	if (k->w->unseen_procs != unseen) {
		k->w->unseen_procs = unseen;
		k->w->generation++;
	}

	/* new ones */
	for (size_t i = 0; i < n; i++) {
		struct w_ns *ns = world_find_ns_ino(k->w, s[i].dev, s[i].ino);
		int fd;

		if (ns)
			continue;
		if (!ns_admit(k, NULL)) {
			fd = -1;
			errno = EMFILE;
		} else if ((fd = open(s[i].path, O_RDONLY | O_CLOEXEC)) < 0) {
			k->committed -= k->per_ns;
		}
		if (fd < 0 && (errno == EMFILE || errno == ENFILE)) {
			struct kerr e = { .err = errno };

			ns = ns_attach_unread(k, W_NS_UNNAMED, "", s[i].path, &e);
		} else if (fd < 0) {
			continue;
		} else if (ioctl(fd, NS_GET_NSTYPE) != CLONE_NEWNET) {
			close(fd);
			k->committed -= k->per_ns;
			continue;
		} else {
			ns = ns_attach(k, W_NS_UNNAMED, "", s[i].path, fd);
		}
		if (!ns)
			continue;
		ns->holder_pid = s[i].pid;
		if (s[i].pid)
			read_comm(s[i].pid, ns->holder_comm,
			          sizeof ns->holder_comm);
		else
			snprintf(ns->holder_path, sizeof ns->holder_path, "%s",
			         s[i].path);
		{
			char label[300];
			note(k, ns, "netns appeared: %s",
			     world_ns_label(ns, label, sizeof label));
			if (ns->unread[0])
				note(k, ns, "cannot be read: %s", ns->unread);
		}
	}
	/* gone ones: unnamed namespaces nobody else holds any more */
	for (size_t i = k->w->nns; i-- > 0;) {
		struct w_ns *ns = k->w->ns[i];
		bool found = false;

		if (ns->kind != W_NS_UNNAMED)
			continue;
		for (size_t j = 0; j < n && !found; j++)
			found = s[j].dev == ns->dev && s[j].ino == ns->ino;
		if (!found) {
			char label[300];
			note(k, ns, "netns gone: %s",
			     world_ns_label(ns, label, sizeof label));
			ns_detach(k, ns);
		}
	}
	free(s);
	settle_peers(k);
	return 0;
}

/* ---- setup and the event loop's work --------------------------------- */

struct ksync *ksync_new(struct world *w, unsigned flags, struct kerr *e)
{
	struct ksync *k;
	int fd;

	if (kernel_init() < 0) {
		e->err = errno;
		snprintf(e->msg, sizeof e->msg,
		         "cannot open /proc/self/ns/net: %s", strerror(errno));
		return NULL;
	}
	k = xcalloc(1, sizeof *k);
	k->w = w;
	k->self = getpid();
	k->flags = flags;
	k->run_wd = k->parent_wd = -1;
	k->mnt_fd = k->mnt_ep = -1;
	k->ev_ep = (flags & KSYNC_NO_EVENTS) ? -1 : epoll_create1(EPOLL_CLOEXEC);
	/* Only long-lived sessions watch /run/netns: closing an inotify
	 * instance can block for milliseconds, which one-shot commands do
	 * not need to pay; they rescan the directory after the commands
	 * that can change it. */
	k->ino_fd = (flags & KSYNC_WATCH)
	            ? inotify_init1(IN_NONBLOCK | IN_CLOEXEC) : -1;
	fd_budget(k);
	ns_admit(k, NULL);     /* the host first, whatever the budget */
	k->committed = k->per_ns;
	fd = fcntl(kernel_home_fd(), F_DUPFD_CLOEXEC, 3);
	if (fd < 0 || !ns_attach(k, W_NS_HOST, "", NULL, fd)) {
		e->err = errno;
		snprintf(e->msg, sizeof e->msg, "cannot identify the host namespace");
		free(k);
		return NULL;
	}
	if (k->ino_fd >= 0) {
		watch_run_dir(k);
		k->mnt_fd = open("/proc/self/mountinfo", O_RDONLY | O_CLOEXEC);
		if (k->mnt_fd >= 0)
			k->mnt_ep = epoll_create1(EPOLL_CLOEXEC);
	}
	scan_named(k);
	watch_mounts(k);
	ksync_rescan(k);
	return k;
}

void ksync_free(struct ksync *k)
{
	if (!k)
		return;
	while (k->w->nns)
		ns_detach(k, k->w->ns[k->w->nns - 1]);
	for (size_t i = 0; i < k->npending; i++)
		free(k->pending[i]);
	free(k->pending);
	free(k->refresh);
	free(k->stale_ns);
	free(k->miss);
	free(k->to_share);
	free(k->to_unshare);
	free(k->scan);
	if (k->ev_ep >= 0)
		close(k->ev_ep);
	if (k->ino_fd >= 0)
		close(k->ino_fd);
	if (k->mnt_ep >= 0)
		close(k->mnt_ep);
	if (k->mnt_fd >= 0)
		close(k->mnt_fd);
	free(k);
}

void ksync_set_observer(struct ksync *k, ksync_observer fn, void *ctx)
{
	k->obs = fn;
	k->obs_ctx = ctx;
}

int ksync_fds(struct ksync *k, int *fds, int max)
{
	int n = 0;

	if (k->ino_fd >= 0 && n < max)
		fds[n++] = k->ino_fd;
	if (k->mnt_ep >= 0 && n < max)
		fds[n++] = k->mnt_ep;
	if (k->ev_ep >= 0 && n < max)
		fds[n++] = k->ev_ep;
	return n;
}

/* Read every pending notification of one namespace.  Returns true if
 * anything was applied. */
/* The namespace a notification on the host's socket is about: the host
 * itself without an nsid, else the namespace the host numbers so, when
 * it is one the host's socket serves (the others have their own socket,
 * which brings the same notification); NULL to drop it */
static struct w_ns *shared_target(struct ksync *k, struct w_ns *host,
                                  bool has_nsid, int nsid)
{
	struct w_ns *t;

	if (!has_nsid)
		return host;
	t = world_ns_by_nsid(k->w, host, nsid);
	return t && kc(t) && kc(t)->served && t->synced ? t : NULL;
}

/* The namespaces the host's socket serves, read again after it lost
 * notifications */
static void redump_served(struct ksync *k)
{
	for (size_t i = 0; i < k->w->nns; i++) {
		struct w_ns *t = k->w->ns[i];
		struct kerr e;

		if (kc(t) && kc(t)->served && t->synced)
			ns_dump(k, t, false, &e);
	}
}

/* Read every pending notification of one namespace (for the host with
 * a shared socket: of every namespace it serves).  Returns true if
 * anything was applied. */
static bool drain_ns(struct ksync *k, struct w_ns *ns)
{
	struct kconn *c = kc(ns);
	static unsigned char buf[1 << 16];
	union {
		char b[CMSG_SPACE(sizeof(int)) * 2];
		struct cmsghdr align;
	} ctl;
	bool any = false, shared;
	int fd;

	if (c && c->served && world_host(k->w) != ns)
		/* its notifications are in the host's socket */
		return drain_ns(k, world_host(k->w));
	if (!c || !c->ev)
		return false;
	shared = k->shared && ns->kind == W_NS_HOST;
	fd = nl_socket_get_fd(c->ev);
	for (;;) {
		struct iovec iov = { buf, sizeof buf };
		struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1,
		                     .msg_control = shared ? ctl.b : NULL,
		                     .msg_controllen = shared ? sizeof ctl.b : 0 };
		struct apply_ctx a = { k, ns, true, false };
		bool has_nsid = false;
		int nsid = -1;
		ssize_t n = recvmsg(fd, &mh, MSG_DONTWAIT);
		int len;

		if (n < 0) {
			if (errno == EINTR)
				continue;
			if (errno == ENOBUFS) {
				/* We lost events: the only truth left is a
				 * fresh dump. */
				struct kerr e;
				char label[300];
				note(k, ns, "event overrun in %s: re-reading it",
				     world_ns_label(ns, label, sizeof label));
				ns_dump(k, ns, false, &e);
				if (shared)
					redump_served(k);
				any = true;
				continue;
			}
			break;
		}
		if (n == 0)
			break;
		for (struct cmsghdr *cm = shared ? CMSG_FIRSTHDR(&mh) : NULL; cm;
		     cm = CMSG_NXTHDR(&mh, cm))
			if (cm->cmsg_level == SOL_NETLINK &&
			    cm->cmsg_type == NETLINK_LISTEN_ALL_NSID &&
			    cm->cmsg_len >= CMSG_LEN(sizeof(int))) {
				memcpy(&nsid, CMSG_DATA(cm), sizeof nsid);
				has_nsid = true;
			}
		if (shared && !(a.ns = shared_target(k, ns, has_nsid, nsid)))
			continue;
		len = (int)n;
		for (struct nlmsghdr *nlh = (struct nlmsghdr *)buf;
		     nlmsg_ok(nlh, len); nlh = nlmsg_next(nlh, &len)) {
			apply_msg(&a, nlh);
			any = true;
		}
	}
	return any;
}

/* Move onto the host's socket the namespaces queued for it: what their
 * own sockets hold is read first (the host's socket may bring some of
 * it again, in order, which changes nothing), then their sockets go */
static void do_shares(struct ksync *k)
{
	struct w_ns *host = world_host(k->w);

	if (!k->nto_share && !k->nto_unshare)
		return;
	for (size_t i = 0; i < k->nto_share && host; i++) {
		struct w_ns *t = world_find_ns_id(k->w, k->to_share[i]);
		struct kconn *c = t ? kc(t) : NULL;

		if (!c || !c->ev || c->served || !t->synced ||
		    !world_nsid_known(host, t->id))
			continue;
		drain_ns(k, host);
		drain_ns(k, t);
		ev_close(k, c);
		c->served = true;
		fd_give(k, c);
	}
	k->nto_share = 0;
	/* the host lost its nsid for them: their own sockets again, and a
	 * fresh read for what passed meanwhile */
	for (size_t i = 0; i < k->nto_unshare; i++) {
		struct w_ns *t = world_find_ns_id(k->w, k->to_unshare[i]);
		struct kconn *c = t ? kc(t) : NULL;
		struct kerr e = { 0 };

		if (!c || !c->served)
			continue;
		c->served = false;
		fd_take(k, c);
		if (c->nsfd < 0 && ns_reopen(k, t, &e) < 0) {
			ns_unready(k, t, &e);
			continue;
		}
		if (!(c->ev = knl_open(open_fd(t), true, &e)) ||
		    ns_dump(k, t, false, &e) < 0) {
			ns_unready(k, t, &e);
			continue;
		}
		ev_watch(k, t);
	}
	k->nto_unshare = 0;
}

/* t may be served by the host's socket from now on */
static void consider_share(struct ksync *k, struct w_ns *t)
{
	struct kconn *c = kc(t);

	if (!k->shared || t->kind == W_NS_HOST || !c || !c->ev || c->served ||
	    !t->synced)
		return;
	if (c->userns < 0 && c->nsfd >= 0)
		c->userns = ns_userns_ours(c->nsfd);
	if (c->userns != 1)
		return;
	push_id(&k->to_share, &k->nto_share, &k->capto_share, t->id);
}

/* Ask the kernel for one link again and apply its answer. */
static void refresh_link(struct ksync *k, struct w_ns *ns, int ifindex)
{
	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC, .ifi_index = ifindex };
	struct apply_ctx a = { k, ns, false, false };
	struct nl_msg *msg;
	struct kerr e;

	if (!ns->synced || !kc(ns) || !kc(ns)->req)
		return;
	msg = nlmsg_alloc_simple(RTM_GETLINK, NLM_F_REQUEST);
	if (!msg)
		return;
	if (nlmsg_append(msg, &ifi, sizeof ifi, NLMSG_ALIGNTO) == 0)
		knl_talk(kc(ns)->req, msg, apply_msg, &a, &e);
	nlmsg_free(msg);
}

void ksync_refresh_link(struct ksync *k, struct w_ns *ns, int ifindex)
{
	refresh_link(k, ns, ifindex);
}

/* Counters move without a notification: `ip -s link` reads them when
 * it prints, and so does nsviz before printing them (issue 11).  A dump
 * of the links, applied as a dump is: an upsert of every link. */
int ksync_read_links(struct ksync *k, struct w_ns *ns, struct kerr *e)
{
	struct apply_ctx a = { k, ns, false, false };

	if (ksync_ns_ready(k, ns, e) < 0)
		return -1;
	if (knl_dump(kc(ns)->req, RTM_GETLINK, AF_UNSPEC, apply_msg, &a, e) < 0)
		return -1;
	/* a link read again keeps its peer; new ones are resolved */
	settle_peers(k);
	return 0;
}

static void apply_stats6(void *ctx, struct nlmsghdr *nlh)
{
	struct apply_ctx *a = ctx;
	struct w_stats64 st;
	int ifindex;

	if (kparse_stats6(nlh, &ifindex, &st) == 0)
		world_set_stats6(a->k->w, a->ns, ifindex, &st);
}

/* `ip -6 -s addr` prints IPv6's own counters, from the links dumped as
 * AF_INET6; read them now, as ip does */
int ksync_read_stats6(struct ksync *k, struct w_ns *ns, struct kerr *e)
{
	struct apply_ctx a = { k, ns, false, false };

	if (ksync_ns_ready(k, ns, e) < 0)
		return -1;
	return knl_dump(kc(ns)->req, RTM_GETLINK, AF_INET6, apply_stats6, &a, e);
}

/* The neighbours' ages move with time: `ip -s neigh` reads them when it
 * prints, and so does nsviz. */
int ksync_read_neighs(struct ksync *k, struct w_ns *ns, struct kerr *e)
{
	struct apply_ctx a = { k, ns, false, false };

	if (ksync_ns_ready(k, ns, e) < 0)
		return -1;
	return knl_dump(kc(ns)->req, RTM_GETNEIGH, AF_UNSPEC, apply_msg, &a, e);
}

static void run_refresh(struct ksync *k)
{
	for (size_t i = 0; i < k->nrefresh; i++) {
		struct refresh *r = &k->refresh[i];
		struct w_ns *ns = world_find_ns_id(k->w, r->ns_id);

		if (!ns)
			continue;
		if (r->nsid >= 0) {
			struct w_link l = { .ifindex = r->link_ifindex,
			                    .has_iflink = 1,
			                    .iflink = r->ifindex };

			ns = map_nsid(k, ns, r->nsid, &l);
			if (!ns)
				continue;
		}
		refresh_link(k, ns, r->ifindex);
	}
	k->nrefresh = 0;
}

/* Read again the routes through one link.  With NETLINK_GET_STRICT_CHK
 * the kernel filters the dump by RTA_OIF itself, so this costs a walk of
 * the FIB in the kernel and a few messages, not a copy of every table. */
static void redump_routes_oif(struct ksync *k, struct w_ns *ns, int oif)
{
	struct apply_ctx a = { k, ns, false, false };
	struct rtmsg rtm = { .rtm_family = AF_UNSPEC };
	struct nl_msg *msg;
	struct kerr e;

	if (!ns->synced || !kc(ns)->req)
		return;
	msg = nlmsg_alloc_simple(RTM_GETROUTE, NLM_F_REQUEST | NLM_F_DUMP);
	if (!msg)
		return;
	if (nlmsg_append(msg, &rtm, sizeof rtm, NLMSG_ALIGNTO) == 0 &&
	    nla_put_u32(msg, RTA_OIF, (uint32_t)oif) == 0) {
		world_clear_routes_oif(ns, oif);
		knl_talk(kc(ns)->req, msg, apply_msg, &a, &e);
	}
	nlmsg_free(msg);
}

static void redump_stale(struct ksync *k, struct w_ns *ns)
{
	struct kconn *c = kc(ns);

	for (size_t i = 0; i < c->nstale; i++) {
		bool seen = false;
		for (size_t j = 0; j < i && !seen; j++)
			seen = c->stale_oifs[j] == c->stale_oifs[i];
		if (!seen)
			redump_routes_oif(k, ns, c->stale_oifs[i]);
	}
	c->nstale = 0;
}

static long ms_since(const struct timespec *t)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - t->tv_sec) * 1000 +
	       (now.tv_nsec - t->tv_nsec) / 1000000;
}

/* Unnamed namespaces have no event of their own, but a container that
 * starts usually wires itself to us, and the kernel then announces a new
 * nsid: that is the moment to look in /proc.  At most twice a second. */
static void maybe_rescan(struct ksync *k)
{
	if (!k->want_rescan || !(k->flags & KSYNC_WATCH) ||
	    ms_since(&k->last_rescan) < 500)
		return;
	k->want_rescan = false;
	clock_gettime(CLOCK_MONOTONIC, &k->last_rescan);
	ksync_rescan(k);
}

void ksync_routes_now(struct ksync *k)
{
	for (size_t i = 0; i < k->nstale_ns; i++) {
		struct w_ns *ns = world_find_ns_id(k->w, k->stale_ns[i]);

		if (ns && kc(ns) && kc(ns)->nstale)
			redump_stale(k, ns);
	}
	k->nstale_ns = 0;
}

int ksync_drain(struct ksync *k)
{
	bool any = false;

	if (k->mnt_watched) {
		/* take the mount table's change before looking again */
		struct epoll_event ev;
		while (epoll_wait(k->mnt_ep, &ev, 1, 0) > 0)
			;
	}
	if (k->ino_fd >= 0) {
		read_inotify(k);
		watch_mounts(k);
	}
	/* the epoll set tells which namespaces have something to say */
	if (k->ev_ep >= 0) {
		struct epoll_event evs[64];
		int r;

		do {
			r = epoll_wait(k->ev_ep, evs, 64, 0);
			for (int i = 0; i < r; i++) {
				struct w_ns *ns = world_find_ns_id(k->w,
				                                   (int)evs[i].data.u64);
				if (ns)
					any |= drain_ns(k, ns);
			}
		} while (r == 64);
	}
	if (!(k->flags & KSYNC_LAZY_ROUTES))
		ksync_routes_now(k);
	if (k->nrefresh)
		run_refresh(k);
	if (k->want_rescan) {
		size_t before = k->w->nns;
		maybe_rescan(k);
		any |= k->w->nns != before;
	}
	if (any)
		settle_peers(k);
	return any ? 1 : 0;
}

int ksync_nsid_of(struct ksync *k, struct w_ns *from, int fd)
{
	struct kerr e;
	struct nl_sock *sk = ksync_req_sock(k, from, &e);

	return sk ? knl_get_nsid(sk, fd) : -1;
}

bool ksync_pending(struct ksync *k)
{
	return k->npending > 0;
}
