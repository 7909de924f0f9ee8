/* SPDX-License-Identifier: GPL-2.0-or-later */
/* check.c - a step's goal against the live world, and "show me".
 *
 * Most checks read the world (links, addresses, routes, neighbours),
 * which the kernel keeps current; a few ask the kernel directly (route
 * get, sysctl, the sockets of a namespace, its processes); the slow ones
 * make traffic and watch it: ping, send, and a capture opened before the
 * check's own ping or send, so what it sees does not depend on timing.
 */
#include "lesson/priv.h"

#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <linux/if.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include <linux/if_addr.h>
#include <linux/neighbour.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/pkt_sched.h>

#include "capture/capture.h"
#include "cmd/cmd.h"
#include "cmd/exec.h"
#include "echo/echo.h"
#include "echo/echosup.h"
#include "fmt/fmt.h"
#include "fmt/tc.h"
#include "kernel/kernel.h"
#include "ping/ping.h"
#include "util/sbuf.h"

#define RAN_MAX 500

#ifndef IFF_LOWER_UP
#define IFF_LOWER_UP 0x10000      /* linux/if.h; clashes with net/if.h */
#endif

struct lesson_ran {
	char **keys;
	size_t n, cap;
};

void lesson_note_command(struct lesson_env *env, const char *line)
{
	struct sbuf key = SBUF_INIT;
	struct lesson_ran *r;

	if (lesson_cmd_key(line, &key) < 0) {
		sbuf_free(&key);
		return;
	}
	if (!env->ran)
		env->ran = xcalloc(1, sizeof *env->ran);
	r = env->ran;
	if (r->n == RAN_MAX) {
		free(r->keys[0]);
		memmove(r->keys, r->keys + 1, (r->n - 1) * sizeof *r->keys);
		r->n--;
	}
	xgrow((void **)&r->keys, &r->cap, r->n + 1, sizeof *r->keys);
	r->keys[r->n++] = xstrdup(sbuf_str(&key));
	sbuf_free(&key);
}

void lesson_step_begin(struct lesson_env *env)
{
	if (!env->ran)
		return;
	for (size_t i = 0; i < env->ran->n; i++)
		free(env->ran->keys[i]);
	env->ran->n = 0;
}

void lesson_env_done(struct lesson_env *env)
{
	lesson_step_begin(env);
	if (env->ran) {
		free(env->ran->keys);
		free(env->ran);
		env->ran = NULL;
	}
}

/* ------------------------------------------------------------------ */
/* helpers                                                            */
/* ------------------------------------------------------------------ */

static bool is_host_name(const char *ns)
{
	return !*ns || !strcmp(ns, "host");
}

/* "the host namespace" / "namespace vnet" */
static const char *nsw(const char *ns, char *buf, size_t len)
{
	if (!*ns)
		snprintf(buf, len, "the host namespace");
	else
		snprintf(buf, len, "namespace %s", ns);
	return buf;
}

/* how a namespace of the world reads */
static const char *nsw_of(const struct w_ns *ns, char *buf, size_t len)
{
	char label[300];

	if (ns->kind == W_NS_HOST)
		snprintf(buf, len, "the host namespace");
	else
		snprintf(buf, len, "namespace %s",
		         world_ns_label(ns, label, sizeof label));
	return buf;
}

/* The namespace a check names, dumped and ready; NULL when there is no
 * such namespace (or it cannot be read: *err set). */
static struct w_ns *find_ns(struct lesson_env *env, const char *name,
                            struct sbuf *err)
{
	struct w_ns *ns = NULL;
	struct kerr e = { 0 };

	if (!*name)
		ns = world_host(env->w);
	else
		ns = ksync_find_ns(env->k, name);
	if (!ns && !strcmp(name, "host"))
		ns = world_host(env->w);
	if (ns && !ns->synced && ksync_ns_ready(env->k, ns, &e) < 0) {
		sbuf_printf(err, "cannot read %s: %s", name, kerr_str(&e));
		return NULL;
	}
	return ns;
}

static enum lesson_verdict no(struct sbuf *why, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static enum lesson_verdict no(struct sbuf *why, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	sbuf_vprintf(why, fmt, ap);
	va_end(ap);
	return LESSON_NOT_MET;
}

static enum lesson_verdict error(struct sbuf *why, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static enum lesson_verdict error(struct sbuf *why, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	sbuf_vprintf(why, fmt, ap);
	va_end(ap);
	return LESSON_ERROR;
}

/* The namespace for a check; on NULL the verdict is in *v. */
static struct w_ns *need_ns(struct lesson_env *env, const char *name,
                            struct sbuf *why, enum lesson_verdict *v)
{
	struct sbuf err = SBUF_INIT;
	struct w_ns *ns = find_ns(env, name, &err);

	if (!ns) {
		if (err.len)
			*v = error(why, "%s", sbuf_str(&err));
		else
			*v = no(why, "there is no namespace %s", name);
	}
	sbuf_free(&err);
	return ns;
}

/* Where else a link of this name is, for a better why. */
static const struct w_ns *link_elsewhere(struct lesson_env *env,
                                         const struct w_ns *not,
                                         const char *dev)
{
	for (size_t i = 0; i < env->w->nns; i++) {
		const struct w_ns *ns = env->w->ns[i];

		if (ns != not && ns->kind != W_NS_UNNAMED &&
		    world_find_link(ns, dev))
			return ns;
	}
	return NULL;
}

static struct w_link *need_link(struct lesson_env *env, struct w_ns *ns,
                                const char *dev, struct sbuf *why)
{
	struct w_link *l = world_find_link(ns, dev);
	char b1[320], b2[320];

	if (!l) {
		const struct w_ns *other = link_elsewhere(env, ns, dev);

		if (other)
			no(why, "%s is not in %s (it is in %s)", dev,
			   nsw_of(ns, b1, sizeof b1), nsw_of(other, b2, sizeof b2));
		else
			no(why, "there is no %s in %s", dev,
			   nsw_of(ns, b1, sizeof b1));
	}
	return l;
}

/* Run fn inside ns (setns on this thread and back). */
static int in_ns(struct lesson_env *env, struct w_ns *ns, struct sbuf *why)
{
	struct kerr e = { 0 };
	int fd = ksync_ns_fd(env->k, ns, &e);
	char b[320];

	if (fd < 0 || kns_enter_fd(fd) < 0) {
		sbuf_printf(why, "cannot enter %s: %s", nsw_of(ns, b, sizeof b),
		            fd < 0 ? kerr_str(&e) : strerror(errno));
		return -1;
	}
	return 0;
}

static const char *ipstr(const struct w_ip *ip, char *buf, size_t len)
{
	return w_ip_str(ip, buf, len);
}

/* ------------------------------------------------------------------ */
/* traffic                                                            */
/* ------------------------------------------------------------------ */

struct ping_lines {
	struct sbuf best;       /* the line that says the most */
	int rank;
};

static void ping_line(void *ctx, const char *line)
{
	struct ping_lines *pl = ctx;
	int rank = 0;

	if (!strncmp(line, "ping:", 5) || strstr(line, "Unreachable") ||
	    strstr(line, "unreachable"))
		rank = 3;
	else if (strstr(line, "packets transmitted"))
		rank = 2;
	else if (!strncmp(line, "From ", 5))
		rank = 1;
	if (rank > pl->rank) {
		pl->rank = rank;
		sbuf_reset(&pl->best);
		sbuf_add(&pl->best, line);
	}
}

static volatile int *stop_flag(struct lesson_env *env)
{
	return env->x ? env->x->stop : NULL;
}

/* How a check pings, when it weighs the answers (rtt, loss): count
 * requests interval seconds apart, each waited for wait seconds; the
 * numbers in stats. */
struct ping_how {
	int count;
	double interval, wait;
	struct ping_stats *stats;
};

/* The traffic's exit status (ping's, or 0/1 for send); what it said in
 * *said. -1 when its namespace is missing or cannot be entered.  how:
 * NULL for one ping. */
static int make_traffic(struct lesson_env *env, const struct lck_traffic *t,
                        const struct ping_how *how, struct sbuf *said)
{
	struct sbuf err = SBUF_INIT;
	struct w_ns *ns = find_ns(env, t->ns, &err);
	int rc;

	if (!ns) {
		if (err.len)
			sbuf_add(said, sbuf_str(&err));
		else
			sbuf_printf(said, "there is no namespace %s", t->ns);
		sbuf_free(&err);
		return -1;
	}
	sbuf_free(&err);
	if (in_ns(env, ns, said) < 0)
		return -1;
	if (t->kind == 1) {
		struct ping_opts o;
		struct ping_lines pl = { SBUF_INIT, -1 };

		memset(&o, 0, sizeof o);
		/* one request: an answer ends it at once, none after a
		 * second; a link that has just come up may drop the first
		 * ARP question (the answer then comes a second later), and
		 * the check is asked again */
		o.dst = t->dst;
		o.count = how ? how->count : 1;
		o.wait = how ? how->wait : 1;
		o.interval = how ? how->interval : 0.2;
		o.stats = how ? how->stats : NULL;
		o.stop = stop_flag(env);
		o.ifname = t->zone[0] ? t->zone : NULL;
		rc = ping_run(&o, ping_line, &pl);
		sbuf_add(said, sbuf_str(&pl.best));
		sbuf_free(&pl.best);
	} else {
		struct echo_send_req r;
		struct sbuf reply = SBUF_INIT, e2 = SBUF_INIT;
		static const char msg[] = "hello from an nsviz lesson";

		memset(&r, 0, sizeof r);
		r.proto = t->proto == ECHO_UDP ? ECHO_UDP : ECHO_TCP;
		r.dst = t->dst;
		r.port = t->port;
		r.message = msg;
		r.len = sizeof msg - 1;
		r.timeout = 2;
		rc = echo_send(&r, &reply, &e2);
		if (rc == 0 && !reply.len) {
			rc = 1;
			sbuf_add(said, "the connection closed without a reply");
		} else if (rc == 0) {
			size_t n = strcspn(sbuf_str(&reply), "\n");
			sbuf_addn(said, sbuf_str(&reply), n);
		} else {
			sbuf_add(said, sbuf_str(&e2));
		}
		sbuf_free(&reply);
		sbuf_free(&e2);
	}
	kns_leave();
	return rc;
}

static void traffic_words(const struct lck_traffic *t, struct sbuf *b)
{
	char n[320], a[64];

	if (t->kind == 1)
		sbuf_printf(b, "ping from %s to %s%s%s", nsw(t->ns, n, sizeof n),
		            ipstr(&t->dst, a, sizeof a), t->zone[0] ? "%" : "",
		            t->zone);
	else
		sbuf_printf(b, "send %s from %s to %s port %u",
		            t->proto == ECHO_UDP ? "udp" : "tcp",
		            nsw(t->ns, n, sizeof n), ipstr(&t->dst, a, sizeof a),
		            t->port);
}

/* ------------------------------------------------------------------ */
/* the checks                                                         */
/* ------------------------------------------------------------------ */

static enum lesson_verdict ck_ns(struct lesson_env *env, const struct lck *c,
                                 struct sbuf *why)
{
	struct sbuf err = SBUF_INIT;
	struct w_ns *ns = find_ns(env, c->ns, &err);
	enum lesson_verdict v;

	if (err.len)
		v = error(why, "%s", sbuf_str(&err));
	else if (c->neg)
		v = ns ? no(why, "namespace %s still exists", c->ns) : LESSON_MET;
	else
		v = ns ? LESSON_MET : no(why, "there is no namespace %s", c->ns);
	sbuf_free(&err);
	return v;
}

static enum lesson_verdict ck_link(struct lesson_env *env, const struct lck *c,
                                   struct sbuf *why)
{
	enum lesson_verdict v = LESSON_MET;
	struct w_ns *ns;
	struct w_link *l;
	char b[320], m[W_IFNAMSIZ + 8];

	if (c->neg && (c->kind == LCK_LINK || c->kind == LCK_ADDR)) {
		/* a link cannot be in a namespace that is not there */
		struct sbuf err = SBUF_INIT;

		ns = find_ns(env, c->ns, &err);
		if (err.len)
			v = error(why, "%s", sbuf_str(&err));
		sbuf_free(&err);
		if (!ns)
			return v;
		l = world_find_link(ns, c->dev);
		if (c->kind == LCK_LINK)
			return l ? no(why, "%s is still in %s", c->dev,
			              nsw_of(ns, b, sizeof b)) : LESSON_MET;
	} else {
		if (!(ns = need_ns(env, c->ns, why, &v)))
			return v;
		if (!(l = need_link(env, ns, c->dev, why)))
			return LESSON_NOT_MET;
	}
	switch (c->kind) {
	case LCK_LINK:
		return LESSON_MET;
	case LCK_LINK_UP:
		if (!!(l->flags & IFF_UP) == !c->neg)
			return LESSON_MET;
		return no(why, "%s is %s", c->dev, c->neg ? "up" : "down");
	case LCK_LINK_CARRIER:
		if (!!(l->flags & IFF_LOWER_UP) == !c->neg)
			return LESSON_MET;
		if (c->neg)
			return no(why, "%s has carrier", c->dev);
		return no(why, "%s has no carrier (%s)", c->dev,
		          !(l->flags & IFF_UP) ? "it is down"
		          : "the other end is down, or missing");
	case LCK_LINK_KIND:
		if (!strcmp(l->kind, c->arg))
			return LESSON_MET;
		if (l->kind[0])
			return no(why, "%s is a %s, not a %s", c->dev, l->kind,
			          c->arg);
		return no(why, "%s is not a %s", c->dev, c->arg);
	case LCK_LINK_MASTER: {
		const struct w_link *ml = l->master
		        ? world_find_link_index(ns, l->master) : NULL;

		if (ml)
			snprintf(m, sizeof m, "%s", ml->name);
		else if (l->master)
			snprintf(m, sizeof m, "if%d", l->master);
		if (c->neg)
			return l->master ? no(why, "%s still has master %s",
			                      c->dev, m) : LESSON_MET;
		if (!l->master)
			return no(why, "%s has no master (it is not in a bridge)",
			          c->dev);
		if (strcmp(m, c->arg) != 0)
			return no(why, "%s's master is %s, not %s", c->dev, m,
			          c->arg);
		return LESSON_MET;
	}
	case LCK_LINK_PEER: {
		const struct w_ns *pns = l->peer_ns_id >= 0
		        ? world_find_ns_id(env->w, l->peer_ns_id) : NULL;

		if (!l->peer_name[0])
			return no(why, "%s has no peer that nsviz can see",
			          c->dev);
		if (strcmp(l->peer_name, c->arg) != 0)
			return no(why, "%s's peer is %s, not %s", c->dev,
			          l->peer_name, c->arg);
		if (c->has_ns2) {
			const char *want = c->arg2;
			bool ok;

			if (is_host_name(want))
				ok = pns && pns->kind == W_NS_HOST;
			else
				ok = pns && pns->kind == W_NS_NAMED &&
				     !strcmp(pns->name, want);
			if (!ok)
				return no(why, "%s's peer %s is in %s, not in %s",
				          c->dev, c->arg,
				          pns ? nsw_of(pns, b, sizeof b)
				              : "an unknown namespace",
				          is_host_name(want) ? "the host namespace"
				                             : want);
		}
		return LESSON_MET;
	}
	case LCK_ADDR: {
		struct sbuf has = SBUF_INIT;
		char a[64];

		for (size_t i = 0; l && i < ns->naddrs; i++) {
			const struct w_addr *ad = &ns->addrs[i];

			if (ad->ifindex != l->ifindex)
				continue;
			if (w_ip_eq(&ad->local, &c->ip) &&
			    (c->plen < 0 || c->plen == ad->prefixlen)) {
				sbuf_free(&has);
				if (c->ready && (ad->flags & IFA_F_DADFAILED))
					return no(why, "%s: another machine on the "
					          "link has %s (duplicate address "
					          "detection failed)", c->dev,
					          ipstr(&ad->local, a, sizeof a));
				if (c->ready && (ad->flags & IFA_F_TENTATIVE))
					return no(why, "%s on %s is still "
					          "tentative: the kernel is checking "
					          "that nobody else has it",
					          ipstr(&ad->local, a, sizeof a),
					          c->dev);
				if (c->neg)
					return no(why, "%s still has %s/%d", c->dev,
					          ipstr(&ad->local, a, sizeof a),
					          ad->prefixlen);
				return LESSON_MET;
			}
			if (ad->family == c->ip.family) {
				sbuf_printf(&has, "%s%s/%d", has.len ? ", " : "",
				            ipstr(&ad->local, a, sizeof a),
				            ad->prefixlen);
			}
		}
		if (c->neg) {
			sbuf_free(&has);
			return LESSON_MET;
		}
		ipstr(&c->ip, a, sizeof a);
		if (c->plen >= 0)
			snprintf(a + strlen(a), sizeof a - strlen(a), "/%d",
			         c->plen);
		no(why, "%s has no address %s (%s%s)", c->dev, a,
		   has.len ? "it has " : "it has none",
		   sbuf_str(&has));
		sbuf_free(&has);
		return LESSON_NOT_MET;
	}
	default:
		return error(why, "internal: not a link check");
	}
}

static void route_text(const struct lck *c, struct sbuf *b)
{
	for (int k = 0; k < c->nwords; k++)
		sbuf_printf(b, "%s%s", k ? " " : "", c->words[k]);
}

static enum lesson_verdict ck_route(struct lesson_env *env, const struct lck *c,
                                    struct sbuf *why)
{
	enum lesson_verdict v;
	struct w_ns *ns;
	struct sbuf line = SBUF_INIT, rt = SBUF_INIT;
	char b[320];
	bool found = false;

	if (!(ns = need_ns(env, c->ns, why, &v))) {
		if (!c->neg || v != LESSON_NOT_MET)
			return v;
		sbuf_reset(why);        /* no namespace: no route either */
		return LESSON_MET;
	}
	for (size_t i = 0; i < ns->nroutes && !found; i++) {
		const struct w_route *r = &ns->routes[i];

		if (!fmt_route_listed(r))
			continue;
		sbuf_reset(&line);
		fmt_route(&line, ns, r);
		found = lesson_route_match(c->words, c->nwords,
		                           sbuf_str(&line));
	}
	route_text(c, &rt);
	if (found == !c->neg)
		v = LESSON_MET;
	else if (c->neg)
		v = no(why, "%s still has a route %s", nsw_of(ns, b, sizeof b),
		       sbuf_str(&rt));
	else
		v = no(why, "%s has no route %s", nsw_of(ns, b, sizeof b),
		       sbuf_str(&rt));
	sbuf_free(&line);
	sbuf_free(&rt);
	return v;
}

static enum lesson_verdict ck_route_get(struct lesson_env *env,
                                        const struct lck *c, struct sbuf *why)
{
	enum lesson_verdict v;
	struct kerr e = { 0 };
	struct w_route r;
	struct w_ns *ns;
	char a[64], g[64], b[320];

	if (!(ns = need_ns(env, c->ns, why, &v)))
		return v;
	ipstr(&c->ip, a, sizeof a);
	nsw_of(ns, b, sizeof b);
	if (kroute_get(env->k, ns, &c->ip, &r, &e) < 0) {
		if (c->neg)
			return LESSON_MET;
		return no(why, "route get %s in %s fails: %s", a, b,
		          kerr_str(&e));
	}
	if (c->neg) {
		struct sbuf out = SBUF_INIT;

		fmt_route_get(&out, ns, &r);
		v = no(why, "route get %s in %s finds a route: %.*s", a, b,
		       (int)strcspn(sbuf_str(&out), "\n"), sbuf_str(&out));
		sbuf_free(&out);
		return v;
	}
	if (c->dev[0]) {
		const struct w_link *l = world_find_link_index(ns, r.oif);

		if (!l || strcmp(l->name, c->dev) != 0)
			return no(why, "route get %s in %s goes out through %s, "
			          "not %s", a, b, l ? l->name : "no interface",
			          c->dev);
	}
	if (c->gw.family && !w_ip_eq(&r.gw, &c->gw)) {
		if (r.gw.family)
			return no(why, "route get %s in %s goes via %s, not via %s",
			          a, b, ipstr(&r.gw, g, sizeof g),
			          ipstr(&c->gw, a, sizeof a));
		return no(why, "route get %s in %s goes directly (no gateway), "
		          "not via %s", a, b, ipstr(&c->gw, g, sizeof g));
	}
	return LESSON_MET;
}

static enum lesson_verdict ck_ping(struct lesson_env *env, const struct lck *c,
                                   struct sbuf *why)
{
	struct sbuf said = SBUF_INIT, tw = SBUF_INIT;
	enum lesson_verdict v;
	int rc = make_traffic(env, &c->tr, NULL, &said);

	traffic_words(&c->tr, &tw);
	if (rc < 0)
		v = no(why, "%s", sbuf_str(&said));
	else if ((rc == 0) == !c->neg)
		v = LESSON_MET;
	else if (c->neg)
		v = no(why, "%s got a reply", sbuf_str(&tw));
	else
		v = no(why, "%s got no reply: %s", sbuf_str(&tw),
		       said.len ? sbuf_str(&said) : "no answer");
	sbuf_free(&said);
	sbuf_free(&tw);
	return v;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Read what the capture holds until `until` (monotonic seconds), or the
 * first packet when stop_at_first. */
static void capture_until(struct capture *cap, double until, bool stop_at_first)
{
	for (;;) {
		double left = until - now();
		struct pollfd pfd = { capture_fd(cap), POLLIN, 0 };

		if (capture_read(cap, 0) < 0)
			return;
		if (stop_at_first && capture_next(cap) > 0)
			return;
		if (left <= 0)
			return;
		poll(&pfd, 1, left > 0.05 ? 50 : (int)(left * 1000) + 1);
	}
}

static enum lesson_verdict ck_capture(struct lesson_env *env,
                                      const struct lck *c, struct sbuf *why)
{
	enum lesson_verdict v;
	struct capture_opts o;
	struct capture *cap;
	struct kerr e = { 0 };
	struct w_ns *ns;
	struct sbuf tw = SBUF_INIT, said = SBUF_INIT;
	char err[512], b[320];
	uint64_t seen;
	int fd;

	if (!(ns = need_ns(env, c->ns, why, &v)))
		return v;
	if (!need_link(env, ns, c->dev, why))
		return LESSON_NOT_MET;
	fd = ksync_ns_fd(env->k, ns, &e);
	if (fd < 0)
		return error(why, "cannot enter %s: %s", nsw_of(ns, b, sizeof b),
		             kerr_str(&e));
	memset(&o, 0, sizeof o);
	o.ifname = c->dev;
	o.ns_fd = fd;
	o.ns_label = ns->kind == W_NS_HOST ? NULL : ns->name;
	o.filter = c->arg;
	o.ring = 64;
	o.snaplen = 256;
	o.immediate = true;
	cap = capture_open(&o, err, sizeof err);
	if (!cap)
		return error(why, "capture on %s in %s: %s", c->dev,
		             nsw_of(ns, b, sizeof b), err);
	if (c->tr.kind) {
		make_traffic(env, &c->tr, NULL, &said);
		traffic_words(&c->tr, &tw);
		capture_until(cap, now() + 0.3, false);
	} else {
		sbuf_add(&tw, "for 1.5 seconds");
		capture_until(cap, now() + 1.5, !c->neg);
	}
	seen = capture_next(cap);
	if ((seen > 0) == !c->neg) {
		v = LESSON_MET;
	} else if (c->neg) {
		const char *line = capture_line(cap, capture_first(cap));
		const char *sp = line ? strchr(line, ' ') : NULL;

		v = no(why, "a capture on %s in %s saw %llu packet%s matching "
		       "`%s` %s%s%s", c->dev, nsw_of(ns, b, sizeof b),
		       (unsigned long long)seen, seen == 1 ? "" : "s", c->arg,
		       c->tr.kind ? "while " : "", sbuf_str(&tw),
		       sp ? ", the first: " : "");
		if (sp)
			sbuf_add(why, sp + 1);
	} else {
		v = no(why, "a capture on %s in %s saw nothing matching `%s` "
		       "%s%s%s%s", c->dev, nsw_of(ns, b, sizeof b), c->arg,
		       c->tr.kind ? "while " : "", sbuf_str(&tw),
		       said.len ? " (" : "", sbuf_str(&said));
		if (said.len)
			sbuf_addc(why, ')');
	}
	capture_close(cap);
	sbuf_free(&tw);
	sbuf_free(&said);
	return v;
}

static bool server_in(const struct echo_server *srv, const struct w_ns *ns)
{
	return srv->ns_dev == ns->dev && srv->ns_ino == ns->ino;
}

static enum lesson_verdict ck_echo(struct lesson_env *env, const struct lck *c,
                                   struct sbuf *why)
{
	struct echosup *sup = echosup_session_existing();
	enum lesson_verdict v;
	struct w_ns *ns;
	unsigned port = c->port ? c->port : ECHO_PORT_DEFAULT;
	int proto = c->proto ? c->proto : ECHO_TCP;
	struct kerr e = { 0 };
	char b[320];
	bool open = false;

	if (!(ns = need_ns(env, c->ns, why, &v)))
		return v;
	for (size_t i = 0; sup && i < echosup_count(sup); i++) {
		const struct echo_server *srv = echosup_at(sup, i);

		if (server_in(srv, ns) &&
		    (!c->proto || (int)srv->opts.proto == c->proto) &&
		    (!c->port || srv->opts.port == c->port))
			return LESSON_MET;
	}
	/* one started elsewhere (ip netns exec vnet nsviz echo tcp) */
	sbuf_reset(why);
	if (ksock_port_open(env->k, ns, proto == ECHO_UDP, port, &open,
	                    &e) < 0)
		return error(why, "cannot enter %s: %s",
		             nsw_of(ns, b, sizeof b), kerr_str(&e));
	if (open)
		return LESSON_MET;
	return no(why, "no echo server runs in %s on %s port %u",
	          nsw_of(ns, b, sizeof b), proto == ECHO_UDP ? "udp" : "tcp",
	          port);
}

static enum lesson_verdict ck_send(struct lesson_env *env, const struct lck *c,
                                   struct sbuf *why)
{
	struct sbuf said = SBUF_INIT, tw = SBUF_INIT;
	enum lesson_verdict v;
	int rc = make_traffic(env, &c->tr, NULL, &said);

	traffic_words(&c->tr, &tw);
	if (rc < 0)
		v = no(why, "%s", sbuf_str(&said));
	else if ((rc == 0) == !c->neg)
		v = LESSON_MET;
	else if (c->neg)
		v = no(why, "%s got a reply: %s", sbuf_str(&tw), sbuf_str(&said));
	else
		v = no(why, "%s got no reply: %s", sbuf_str(&tw), sbuf_str(&said));
	sbuf_free(&said);
	sbuf_free(&tw);
	return v;
}

/* /proc/PID/cmdline, NULs as blanks */
static bool cmdline_has(pid_t pid, const char *word)
{
	char path[64], buf[1024];
	ssize_t n;
	int fd;

	snprintf(path, sizeof path, "/proc/%d/cmdline", (int)pid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	n = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (n <= 0)
		return false;
	for (ssize_t i = 0; i < n; i++)
		if (!buf[i])
			buf[i] = ' ';
	buf[n] = '\0';
	return strstr(buf, word) != NULL;
}

static enum lesson_verdict ck_pids(struct lesson_env *env, const struct lck *c,
                                   struct sbuf *why)
{
	struct echosup *sup = echosup_session_existing();
	enum lesson_verdict v = LESSON_NOT_MET;
	struct w_ns *ns;
	pid_t *pids = NULL;
	size_t n = 0;
	pid_t want = 0;

	if (!(ns = need_ns(env, c->ns, why, &v)))
		return v;
	if (kns_pids(ns->dev, ns->ino, &pids, &n) < 0)
		return error(why, "/proc: %s", strerror(errno));
	for (size_t i = 0; sup && i < echosup_count(sup); i++) {
		const struct echo_server *srv = echosup_at(sup, i);

		if (!server_in(srv, ns))
			continue;
		want = srv->pid;
		for (size_t k = 0; k < n; k++)
			if (pids[k] == srv->pid)
				v = LESSON_MET;
	}
	if (!want) {
		/* a server this session did not start */
		for (size_t k = 0; k < n && v != LESSON_MET; k++)
			if (cmdline_has(pids[k], " echo "))
				v = LESSON_MET;
		if (v != LESSON_MET)
			no(why, "netns pids %s lists no echo server (%s)", c->ns,
			   n ? "its processes are something else"
			     : "no process runs there");
	} else if (v != LESSON_MET) {
		no(why, "netns pids %s does not list the echo server (pid %d)",
		   c->ns, (int)want);
	}
	free(pids);
	return v;
}

static void squeeze(char *s)
{
	char *w = s;
	bool blank = false;

	while (*s == ' ' || *s == '\t' || *s == '\n')
		s++;
	for (; *s; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n') {
			blank = true;
			continue;
		}
		if (blank && w != s)
			*w++ = ' ';
		blank = false;
		*w++ = *s;
	}
	*w = '\0';
}

static enum lesson_verdict ck_sysctl(struct lesson_env *env,
                                     const struct lck *c, struct sbuf *why)
{
	enum lesson_verdict v;
	struct w_ns *ns;
	char path[600], val[512], want[512], b[320];
	ssize_t n;
	int fd, e;

	if (!(ns = need_ns(env, c->ns, why, &v)))
		return v;
	snprintf(path, sizeof path, "/proc/sys/%s", c->arg);
	if (!strchr(c->arg, '/'))
		for (char *p = path + 10; *p; p++)
			if (*p == '.')
				*p = '/';
	if (in_ns(env, ns, why) < 0)
		return LESSON_ERROR;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	e = errno;
	n = fd >= 0 ? read(fd, val, sizeof val - 1) : -1;
	if (fd >= 0) {
		e = errno;
		close(fd);
	}
	kns_leave();
	if (n < 0)
		return no(why, "%s cannot be read in %s: %s", c->arg,
		          nsw_of(ns, b, sizeof b), strerror(e));
	val[n] = '\0';
	squeeze(val);
	snprintf(want, sizeof want, "%s", c->arg2);
	squeeze(want);
	if (!strcmp(val, want))
		return LESSON_MET;
	return no(why, "%s in %s is %s, not %s", c->arg, nsw_of(ns, b, sizeof b),
	          val, want);
}

#define NUD_KNOWN (NUD_REACHABLE | NUD_STALE | NUD_DELAY | NUD_PROBE | \
                   NUD_PERMANENT | NUD_NOARP)

static enum lesson_verdict ck_neigh(struct lesson_env *env, const struct lck *c,
                                    struct sbuf *why)
{
	enum lesson_verdict v;
	struct w_ns *ns;
	const struct w_link *l = NULL;
	const struct w_neigh *hit = NULL, *weak = NULL;
	char a[64], b[320], on[W_IFNAMSIZ + 8] = "";

	if (!(ns = need_ns(env, c->ns, why, &v))) {
		if (!c->neg || v != LESSON_NOT_MET)
			return v;
		sbuf_reset(why);
		return LESSON_MET;
	}
	if (c->dev[0]) {
		l = world_find_link(ns, c->dev);
		if (!l && c->neg)
			return LESSON_MET;
		if (!l) {
			need_link(env, ns, c->dev, why);
			return LESSON_NOT_MET;
		}
		snprintf(on, sizeof on, " on %s", c->dev);
	}
	for (size_t i = 0; i < ns->nneighs; i++) {
		const struct w_neigh *nb = &ns->neighs[i];

		if (!w_ip_eq(&nb->dst, &c->ip) || (l && nb->ifindex != l->ifindex))
			continue;
		if (nb->state & NUD_KNOWN)
			hit = nb;
		else
			weak = nb;
	}
	ipstr(&c->ip, a, sizeof a);
	nsw_of(ns, b, sizeof b);
	if (c->neg) {
		char mac[64], st[64];

		if (!hit)
			return LESSON_MET;
		return no(why, "%s knows %s%s: lladdr %s, %s", b, a, on,
		          fmt_mac(hit->lladdr, hit->lladdr_len, mac, sizeof mac),
		          fmt_nud_name(hit->state, st, sizeof st));
	}
	if (hit)
		return LESSON_MET;
	if (weak) {
		char st[64];

		return no(why, "%s has asked for %s%s but has no answer (%s)", b,
		          a, on, fmt_nud_name(weak->state, st, sizeof st));
	}
	return no(why, "%s has no neighbour entry for %s%s", b, a, on);
}

static enum lesson_verdict ck_ran(struct lesson_env *env, const struct lck *c,
                                  struct sbuf *why)
{
	const char *cmd = c->text;

	for (size_t i = 0; env->ran && i < env->ran->n; i++)
		if (!strcmp(env->ran->keys[i], c->arg))
			return LESSON_MET;
	/* "you ran X" / "ran X": say X */
	if (!strncmp(cmd, "you", 3))
		cmd += 3;
	cmd += strspn(cmd, " \t");
	cmd += 3;
	cmd += strspn(cmd, " \t");
	return no(why, "you have not run `%s` yet", cmd);
}

/* s without double quotes, blanks squeezed to one, trimmed: how a rule
 * is compared (nft quotes an interface name in its listing) */
static void rule_norm(const char *s, struct sbuf *out)
{
	bool blank = false;

	s += strspn(s, " \t");
	for (; *s; s++) {
		if (*s == '"')
			continue;
		if (*s == ' ' || *s == '\t') {
			blank = true;
			continue;
		}
		if (blank && out->len)
			sbuf_addc(out, ' ');
		blank = false;
		sbuf_addc(out, *s);
	}
}

/* nft rule "TEXT" [in NS] exists | does not exist | has counted N packets:
 * the rules of the namespace's ruleset (the lines of its chains, as
 * `nft list ruleset` prints them), the first that holds TEXT */
static enum lesson_verdict ck_nft(struct lesson_env *env, const struct lck *c,
                                  struct sbuf *why)
{
	struct knft_req r = { "list ruleset", 0, false, false, false };
	struct sbuf out = SBUF_INIT, err = SBUF_INIT, want = SBUF_INIT;
	struct kerr e = { 0 };
	enum lesson_verdict v;
	struct w_ns *ns;
	char b[320];
	const char *line;
	int depth = 0;
	bool in_chain = false, found = false;
	unsigned long long packets = 0;
	bool has_counter = false;

	if (!(ns = need_ns(env, c->ns, why, &v)))
		return v;
	if (knft_run(env->k, ns, &r, &out, &err, &e) < 0) {
		v = error(why, "nft list ruleset in %s: %s",
		          nsw_of(ns, b, sizeof b),
		          err.len ? sbuf_str(&err) : kerr_str(&e));
		goto out;
	}
	rule_norm(c->arg, &want);
	for (line = sbuf_str(&out); *line && !found;) {
		size_t n = strcspn(line, "\n");
		struct sbuf l = SBUF_INIT;
		char *t;

		sbuf_addn(&l, line, n);
		line += n + (line[n] == '\n');
		t = l.s ? l.s + strspn(l.s, " \t") : (char *)"";
		if (*t == '}') {
			if (--depth < 2)
				in_chain = false;
		} else if (n && t[strlen(t) - 1] == '{') {
			depth++;
			if (depth == 2)
				in_chain = !strncmp(t, "chain ", 6);
		} else if (in_chain && depth == 2 && strncmp(t, "type ", 5) &&
		           strncmp(t, "policy ", 7) && strncmp(t, "comment ", 8)) {
			struct sbuf have = SBUF_INIT;
			const char *k;

			rule_norm(t, &have);
			/* the counter's values are not the rule's words */
			k = strstr(sbuf_str(&have), "counter packets ");
			if (k) {
				char *at = have.s + (k - have.s) + 7, *rest;
				unsigned long long seen = strtoull(at + 8, &rest, 10);

				if (!strncmp(rest, " bytes ", 7)) {
					rest += 7;
					rest += strspn(rest, "0123456789");
					memmove(at, rest, strlen(rest) + 1);
					have.len = strlen(have.s);
				}
				if (strstr(sbuf_str(&have), sbuf_str(&want))) {
					has_counter = true;
					packets = seen;
				}
			}
			if (strstr(sbuf_str(&have), sbuf_str(&want)))
				found = true;
			sbuf_free(&have);
		}
		sbuf_free(&l);
	}
	if (c->kind == LCK_NFT_COUNT) {
		if (!found)
			v = no(why, "%s has no nft rule with %s", nsw_of(ns, b, sizeof b),
			       c->arg);
		else if (!has_counter)
			v = no(why, "the nft rule with %s in %s has no counter",
			       c->arg, nsw_of(ns, b, sizeof b));
		else if (packets < c->count)
			v = no(why, "the nft rule with %s in %s has counted %llu "
			       "packet%s, not %llu yet", c->arg,
			       nsw_of(ns, b, sizeof b), packets,
			       packets == 1 ? "" : "s", c->count);
		else
			v = LESSON_MET;
	} else if (found == !c->neg) {
		v = LESSON_MET;
	} else {
		v = no(why, found ? "%s has an nft rule with %s" :
		       "%s has no nft rule with %s", nsw_of(ns, b, sizeof b),
		       c->arg);
	}
out:
	sbuf_free(&out);
	sbuf_free(&err);
	sbuf_free(&want);
	return v;
}

/* ------------------------------------------------------------------ */
/* rtt and loss                                                       */
/* ------------------------------------------------------------------ */

#define RTT_PINGS 3             /* 0.2 s apart: the shortest of them */
#define LOSS_PINGS 50           /* 20 ms apart: about a second */

static void put_ms(struct sbuf *b, double secs)
{
	char t[32];

	snprintf(t, sizeof t, "%.3f", secs * 1e3);
	/* 100.000 ms reads as 100 ms */
	for (size_t n = strlen(t); n && strchr(t, '.') &&
	     (t[n - 1] == '0' || t[n - 1] == '.'); n--) {
		bool dot = t[n - 1] == '.';

		t[n - 1] = '\0';
		if (dot)
			break;
	}
	sbuf_printf(b, "%s ms", t);
}

/* ping ... has rtt at least|at most T: the shortest round trip of
 * RTT_PINGS */
static enum lesson_verdict ck_ping_rtt(struct lesson_env *env,
                                       const struct lck *c, struct sbuf *why)
{
	struct sbuf said = SBUF_INIT, tw = SBUF_INIT, got = SBUF_INIT,
	            want = SBUF_INIT;
	struct ping_stats ps;
	struct ping_how how = { RTT_PINGS, 0.2, 1 + 2 * c->limit, &ps };
	enum lesson_verdict v;
	double min;
	int rc = make_traffic(env, &c->tr, &how, &said);

	traffic_words(&c->tr, &tw);
	if (rc < 0) {
		v = no(why, "%s", sbuf_str(&said));
		goto out;
	}
	if (!ps.received) {
		v = no(why, "%s got no reply: %s", sbuf_str(&tw),
		       said.len ? sbuf_str(&said) : "no answer");
		goto out;
	}
	min = (double)ps.rtt_min_us / 1e6;
	if (c->at_most ? min <= c->limit : min >= c->limit) {
		v = LESSON_MET;
		goto out;
	}
	put_ms(&got, min);
	put_ms(&want, c->limit);
	v = no(why, "%s: the shortest round trip of %ld took %s, not at %s %s",
	       sbuf_str(&tw), ps.received, sbuf_str(&got),
	       c->at_most ? "most" : "least", sbuf_str(&want));
out:
	sbuf_free(&said);
	sbuf_free(&tw);
	sbuf_free(&got);
	sbuf_free(&want);
	return v;
}

/* ping ... loses at least|at most P%: of LOSS_PINGS requests */
static enum lesson_verdict ck_ping_loss(struct lesson_env *env,
                                        const struct lck *c, struct sbuf *why)
{
	struct sbuf said = SBUF_INIT, tw = SBUF_INIT;
	struct ping_stats ps;
	struct ping_how how = { LOSS_PINGS, 0.02, 1, &ps };
	enum lesson_verdict v;
	double loss;
	int rc = make_traffic(env, &c->tr, &how, &said);

	traffic_words(&c->tr, &tw);
	if (rc < 0 || !ps.transmitted) {
		v = no(why, "%s sent nothing: %s", sbuf_str(&tw),
		       said.len ? sbuf_str(&said) : "ping did not start");
		goto out;
	}
	loss = (double)(ps.transmitted - ps.received) * 100.0 /
	       (double)ps.transmitted;
	if (c->at_most ? loss <= c->limit : loss >= c->limit)
		v = LESSON_MET;
	else
		v = no(why, "%s lost %g%% (%ld sent, %ld answered), not at %s "
		       "%g%%", sbuf_str(&tw), loss, ps.transmitted, ps.received,
		       c->at_most ? "most" : "least", c->limit);
out:
	sbuf_free(&said);
	sbuf_free(&tw);
	return v;
}

/* ------------------------------------------------------------------ */
/* qdiscs                                                             */
/* ------------------------------------------------------------------ */

/* The root qdisc of one device, as tc -s qdisc show dev DEV prints it */
struct root_qdisc {
	struct fmt_tc_ctx f;
	struct w_ns *ns;
	struct sbuf text;       /* its lines; empty: none seen */
};

static const char *root_ifname(void *ctx, int ifindex)
{
	struct root_qdisc *r = ctx;
	const struct w_link *l = world_find_link_index(r->ns, ifindex);

	return l ? l->name : NULL;
}

static void on_qdisc(void *ctx, const struct nlmsghdr *nlh)
{
	struct root_qdisc *r = ctx;
	struct tcmsg t;

	if (r->text.len || nlh->nlmsg_len < NLMSG_LENGTH(sizeof t))
		return;
	memcpy(&t, NLMSG_DATA(nlh), sizeof t);
	if (t.tcm_ifindex != r->f.ifindex || t.tcm_parent != TC_H_ROOT)
		return;
	fmt_tc_msg(&r->text, nlh, nlh->nlmsg_len, &r->f);
}

/* the number after `key ` in s (tc -s's "Sent 98 bytes 1 pkt (dropped 0,
 * overlimits 3 requeues 0)"), or false */
static bool stat_after(const char *s, const char *key,
                       unsigned long long *v)
{
	const char *p = strstr(s, key);
	char *end;

	if (!p)
		return false;
	p += strlen(key);
	*v = strtoull(p, &end, 10);
	return end != p;
}

/* qdisc KIND on DEV [in NS] is [not] set [with "TEXT"] | has counted N
 * packets|overlimits|drops: the root qdisc of DEV, read as tc -s qdisc
 * show dev DEV reads it (ktc_dump, printed by fmt_tc_msg) */
static enum lesson_verdict ck_qdisc(struct lesson_env *env,
                                    const struct lck *c, struct sbuf *why)
{
	static const char *const counted[] = {
		[LCK_Q_PACKETS] = "packets", [LCK_Q_OVERLIMITS] = "overlimits",
		[LCK_Q_DROPS] = "drops"
	};
	struct root_qdisc r;
	struct tc_clock clk;
	struct kerr e = { 0 };
	enum lesson_verdict v;
	struct w_link *l;
	char b[320], kind[64] = "";
	const char *first, *stats;
	size_t n;

	if (!(r.ns = need_ns(env, c->ns, why, &v)))
		return v;
	if (!(l = need_link(env, r.ns, c->dev, why)))
		return LESSON_NOT_MET;
	memset(&r.f, 0, sizeof r.f);
	memset(&r.text, 0, sizeof r.text);
	clk = *ktc_clock();
	r.f.ifindex = l->ifindex;
	r.f.pc.stats = 1;
	r.f.pc.clock = &clk;
	r.f.ifname = root_ifname;
	r.f.ctx = &r;
	nsw_of(r.ns, b, sizeof b);
	if (ktc_dump(env->k, r.ns, false, l->ifindex, 0, false, on_qdisc, &r,
	             &e) < 0) {
		v = error(why, "tc qdisc show dev %s in %s: %s", c->dev, b,
		          kerr_str(&e));
		goto out;
	}
	first = sbuf_str(&r.text);
	n = strcspn(first, "\n");
	while (n && first[n - 1] == ' ')        /* tc's trailing blank */
		n--;
	if (!n) {
		v = c->neg ? LESSON_MET
		           : no(why, "%s in %s has no qdisc at its root", c->dev, b);
		goto out;
	}
	/* "qdisc KIND HANDLE: root ..." */
	sscanf(first, "qdisc %63s", kind);
	if (c->kind == LCK_QDISC) {
		bool is_kind = !strcmp(kind, c->arg);
		bool has = is_kind && (!c->arg2 || lesson_words_in(c->arg2, first));

		if (has == !c->neg)
			v = LESSON_MET;
		else if (c->neg)
			v = no(why, "the root qdisc of %s in %s is still %s: %.*s",
			       c->dev, b, c->arg, (int)n, first);
		else if (!is_kind)
			v = no(why, "the root qdisc of %s in %s is %s, not %s: %.*s",
			       c->dev, b, kind, c->arg, (int)n, first);
		else
			v = no(why, "the root qdisc of %s in %s shows no `%s`: %.*s",
			       c->dev, b, c->arg2, (int)n, first);
		goto out;
	}
	if (strcmp(kind, c->arg) != 0) {
		v = no(why, "the root qdisc of %s in %s is %s, not %s: %.*s",
		       c->dev, b, kind, c->arg, (int)n, first);
		goto out;
	}
	stats = strstr(first, "\n Sent ");
	{
		unsigned long long got = 0;
		bool ok = stats &&
		          (c->counts == LCK_Q_PACKETS ? stat_after(stats, " bytes ", &got)
		           : c->counts == LCK_Q_DROPS ? stat_after(stats, "(dropped ", &got)
		           : stat_after(stats, "overlimits ", &got));

		if (!ok)
			v = error(why, "the root qdisc of %s in %s: tc -s shows no "
			          "statistics", c->dev, b);
		else if (got >= c->count)
			v = LESSON_MET;
		else
			v = no(why, "the %s qdisc of %s in %s has counted %llu %s, "
			       "not %llu yet", c->arg, c->dev, b, got,
			       counted[c->counts], c->count);
	}
out:
	sbuf_free(&r.text);
	return v;
}

static enum lesson_verdict run_check(struct lesson_env *env,
                                     const struct lck *c, struct sbuf *why)
{
	switch (c->kind) {
	case LCK_NS: return ck_ns(env, c, why);
	case LCK_LINK: case LCK_LINK_UP: case LCK_LINK_CARRIER:
	case LCK_LINK_KIND: case LCK_LINK_MASTER: case LCK_LINK_PEER:
	case LCK_ADDR:
		return ck_link(env, c, why);
	case LCK_ROUTE: return ck_route(env, c, why);
	case LCK_ROUTE_GET: return ck_route_get(env, c, why);
	case LCK_PING: return ck_ping(env, c, why);
	case LCK_CAPTURE: return ck_capture(env, c, why);
	case LCK_ECHO: return ck_echo(env, c, why);
	case LCK_SEND: return ck_send(env, c, why);
	case LCK_PIDS: return ck_pids(env, c, why);
	case LCK_SYSCTL: return ck_sysctl(env, c, why);
	case LCK_NEIGH: return ck_neigh(env, c, why);
	case LCK_RAN: return ck_ran(env, c, why);
	case LCK_NFT_RULE: case LCK_NFT_COUNT: return ck_nft(env, c, why);
	case LCK_QDISC: case LCK_QDISC_COUNT: return ck_qdisc(env, c, why);
	case LCK_PING_RTT: return ck_ping_rtt(env, c, why);
	case LCK_PING_LOSS: return ck_ping_loss(env, c, why);
	}
	return error(why, "internal: unknown check");
}

enum lesson_verdict lesson_check_one(struct lesson_env *env,
                                     const struct lesson_step *s, size_t i,
                                     bool slow, struct sbuf *why)
{
	const struct lck *c;
	struct sbuf w = SBUF_INIT;
	enum lesson_verdict v;

	if (i >= s->priv->nchecks)
		return error(why, "no check %zu in this step", i + 1);
	c = &s->priv->checks[i];
	if (c->slow && !slow) {
		sbuf_printf(why, "%s: checked every few seconds", c->text);
		return LESSON_PENDING;
	}
	v = run_check(env, c, &w);
	if (v != LESSON_MET)
		sbuf_add(why, w.len ? sbuf_str(&w) : c->text);
	sbuf_free(&w);
	return v;
}

enum lesson_verdict lesson_check(struct lesson_env *env,
                                 const struct lesson_step *s, bool slow,
                                 struct sbuf *why)
{
	const struct lck *skipped = NULL;

	for (size_t i = 0; i < s->priv->nchecks; i++) {
		const struct lck *c = &s->priv->checks[i];
		enum lesson_verdict v;

		if (c->slow && !slow) {
			if (!skipped)
				skipped = c;
			continue;
		}
		v = lesson_check_one(env, s, i, slow, why);
		if (v != LESSON_MET)
			return v;
	}
	if (skipped) {
		sbuf_printf(why, "%s: checked every few seconds", skipped->text);
		return LESSON_PENDING;
	}
	return LESSON_MET;
}

/* ------------------------------------------------------------------ */
/* show me                                                            */
/* ------------------------------------------------------------------ */

/* Links and addresses still coming up.
 *
 * A veth end that was just brought up cannot carry traffic until the
 * kernel's link watcher has run: that work item attaches the queueing
 * discipline and turns the operational state UP, normally within a
 * millisecond, but it needs the rtnl lock and can wait seconds behind a
 * namespace being torn down on a loaded machine.  Whatever is sent
 * before then is dropped, ARP included: the answer comes only with the
 * next ARP question, a second later.  Nobody types that
 * fast; a lesson's show me and its verification do.  Likewise an IPv6
 * address is tentative for a second or two after its link comes up.  So
 * before a command that sends traffic, wait (at most SETTLE_MAX seconds,
 * without changing anything) until no link or address in any namespace
 * is still coming up. */
#define SETTLE_MAX 10.0

static bool link_coming_up(const struct world *w, const struct w_ns *ns,
                           const struct w_link *l)
{
	const struct w_ns *pns;
	const struct w_link *peer;

	if (!(l->flags & IFF_UP) || l->operstate == IF_OPER_UP ||
	    l->operstate == IF_OPER_UNKNOWN || l->operstate < 0)
		return false;
	if (l->flags & IFF_LOWER_UP)    /* carrier on, state not yet UP */
		return true;
	if (strcmp(l->kind, "veth") != 0 || !l->has_iflink)
		return false;
	/* a veth's carrier follows its peer's admin state */
	if (l->peer_ns_id < 0 && l->has_link_netnsid)
		return false;       /* the peer is somewhere we cannot see */
	pns = l->peer_ns_id >= 0 ? world_find_ns_id(w, l->peer_ns_id) : ns;
	peer = pns ? world_find_link_index(pns, l->iflink) : NULL;
	return peer && (peer->flags & IFF_UP);
}

/* Is anything still coming up?  what (when not NULL): the first thing,
 * in words ("veth1 in namespace vnet to come up"). */
static bool world_settling(const struct world *w, struct sbuf *what)
{
	char nb[320];

	for (size_t i = 0; i < w->nns; i++) {
		const struct w_ns *ns = w->ns[i];

		for (size_t j = 0; j < ns->nlinks; j++) {
			if (!link_coming_up(w, ns, &ns->links[j]))
				continue;
			if (what)
				sbuf_printf(what, "%s in %s to come up",
				            ns->links[j].name,
				            nsw_of(ns, nb, sizeof nb));
			return true;
		}
		/* an IPv6 address under duplicate address detection can
		 * neither send nor be reached yet (detection runs only while
		 * the link has a carrier: elsewhere it would wait forever) */
		for (size_t j = 0; j < ns->naddrs; j++) {
			const struct w_addr *a = &ns->addrs[j];
			const struct w_link *l;
			char ab[64];

			if (!(a->flags & IFA_F_TENTATIVE) ||
			    (a->flags & IFA_F_DADFAILED))
				continue;
			l = world_find_link_index(ns, a->ifindex);
			if (!l || !(l->flags & IFF_UP) || !(l->flags & IFF_LOWER_UP))
				continue;
			if (what)
				sbuf_printf(what, "%s on %s in %s (still tentative: "
				            "duplicate address detection)",
				            ipstr(&a->local, ab, sizeof ab), l->name,
				            nsw_of(ns, nb, sizeof nb));
			return true;
		}
	}
	return false;
}

static void progress(struct lesson_env *env, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void progress(struct lesson_env *env, const char *fmt, ...)
{
	struct sbuf b = SBUF_INIT;
	va_list ap;

	if (!env->progress)
		return;
	va_start(ap, fmt);
	sbuf_vprintf(&b, fmt, ap);
	va_end(ap);
	env->progress(env->progress_ctx, sbuf_str(&b));
	sbuf_free(&b);
}

/* The kernel gives a link its IPv6 link-local address only once the
 * carrier is up (after the link watcher has run), so "no address is
 * tentative" can hold before the address even exists.  For a ping to an
 * IPv6 address: wait until the address is in the world (for at most
 * SETTLE_IPV6_MAX seconds: a ping may be meant to go nowhere) and, with
 * a %INTERFACE, until that interface has a link-local address of its
 * own to send from. */
#define SETTLE_IPV6_MAX 3.0

static bool has_addr(const struct world *w, const struct w_ip *ip)
{
	for (size_t i = 0; i < w->nns; i++)
		for (size_t j = 0; j < w->ns[i]->naddrs; j++)
			if (w_ip_eq(&w->ns[i]->addrs[j].local, ip))
				return true;
	return false;
}

static bool has_link_local(const struct w_ns *ns, const char *dev)
{
	const struct w_link *l = world_find_link(ns, dev);

	if (!l)
		return true;        /* ping will say so */
	for (size_t j = 0; j < ns->naddrs; j++) {
		const struct w_addr *a = &ns->addrs[j];

		if (a->ifindex == l->ifindex && w_ip_link_local(&a->local))
			return true;
	}
	return false;
}

static bool ipv6_pending(struct lesson_env *env, const struct cmd *c)
{
	struct w_ns *ns;

	if (c->verb != CMD_PING || c->u.ping.target.family != AF_INET6)
		return false;
	if (!has_addr(env->w, &c->u.ping.target))
		return true;
	ns = c->ns[0] ? world_find_ns(env->w, c->ns) : world_host(env->w);
	return c->u.ping.dev[0] && ns && !has_link_local(ns, c->u.ping.dev);
}

static void settle(struct lesson_env *env, const struct cmd *c)
{
	double start = now();
	volatile int *stop = stop_flag(env);
	struct sbuf what = SBUF_INIT, said = SBUF_INIT;

	for (;;) {
		bool settling, v6;
		double t;

		ksync_drain(env->k);
		t = now();
		if ((stop && *stop) || t >= start + SETTLE_MAX)
			break;
		sbuf_reset(&what);
		settling = world_settling(env->w, env->progress ? &what : NULL);
		v6 = !settling && t < start + SETTLE_IPV6_MAX &&
		     ipv6_pending(env, c);
		if (!settling && !v6)
			break;
		if (v6) {
			char ab[64];

			sbuf_printf(&what, "%s to be there",
			            ipstr(&c->u.ping.target, ab, sizeof ab));
			if (c->u.ping.dev[0])
				sbuf_printf(&what, " and a link-local address "
				            "on %s", c->u.ping.dev);
		}
		/* say it once, and again when it changes */
		if (env->progress && strcmp(sbuf_str(&what), sbuf_str(&said))) {
			progress(env, "(waiting for %s)", sbuf_str(&what));
			sbuf_reset(&said);
			sbuf_add(&said, sbuf_str(&what));
		}
		poll(NULL, 0, 20);
	}
	sbuf_free(&what);
	sbuf_free(&said);
}

/* A ping that gets no answer takes a while: say how long, at most. */
static void ping_note(struct lesson_env *env, const struct cmd *c)
{
	double wait, interval, most;

	if (!env->progress || c->verb != CMD_PING || c->u.ping.count <= 0)
		return;
	wait = c->u.ping.wait > 0 ? c->u.ping.wait : 10;
	interval = c->u.ping.interval >= 0 ? c->u.ping.interval : 1;
	most = (c->u.ping.count - 1) * interval + wait;
	progress(env, "(up to %g s when nothing answers: ping waits %g s for "
	         "a late reply)", most, wait);
}

/* what a command printed at its end, line by line, to env->progress */
static void relay_out(struct lesson_env *env, const char *p)
{
	while (*p) {
		size_t n = strcspn(p, "\n");

		progress(env, "%.*s", (int)n, p);
		p += n;
		if (*p)
			p++;
	}
}

/* show me's output, line by line as it comes (env->progress), and into
 * the log */
struct relay {
	struct lesson_env *env;
	struct sbuf *log;
	struct sbuf part;       /* a line not ended yet */
};

static void relay_emit(void *ctx, const char *text)
{
	struct relay *r = ctx;
	const char *p = text;

	sbuf_add(r->log, text);
	while (*p) {
		size_t n = strcspn(p, "\n");

		sbuf_addn(&r->part, p, n);
		p += n;
		if (!*p)
			break;
		p++;
		progress(r->env, "%s", sbuf_str(&r->part));
		sbuf_reset(&r->part);
	}
}

int lesson_run_command(struct lesson_env *env, const char *line,
                       struct sbuf *log, struct sbuf *errmsg)
{
	struct exec_ctx x;
	struct relay rl = { NULL, NULL, SBUF_INIT };
	struct sbuf canon = SBUF_INIT;
	char **words = NULL;
	char err[512];
	struct cmd c;
	int n, rc;

	n = cmd_split(line, &words, err, sizeof err);
	if (n <= 0 || cmd_parse(n, words, &c, err, sizeof err) < 0) {
		if (n > 0)
			cmd_free_words(words, n);
		sbuf_printf(log, "$ %s\nerror: %s\n", line,
		            n == 0 ? "empty command" : err);
		if (errmsg)
			sbuf_add(errmsg, n == 0 ? "empty command" : err);
		return 1;
	}
	cmd_free_words(words, n);
	if (c.verb == CMD_NETNS_EXEC && !c.sub) {
		/* never a program from a lesson (the parser refuses them too) */
		static const char why[] = "a lesson runs nsviz's own commands, "
		                          "not programs";

		sbuf_printf(log, "$ %s\nerror: %s\n", line, why);
		if (errmsg)
			sbuf_add(errmsg, why);
		cmd_free(&c);
		return 1;
	}
	cmd_canonical(&c, &canon);
	sbuf_printf(log, "$ %s\n", sbuf_str(&canon));
	progress(env, "$ %s", sbuf_str(&canon));
	ping_note(env, c.sub ? c.sub : &c);
	if (cmd_sends_traffic(&c))
		/* `netns exec NS ping ...` is nsviz's own ping, in c.sub */
		settle(env, c.sub ? c.sub : &c);
	exec_init(&x, env->w, env->k);
	x.stop = stop_flag(env);
	if (env->progress) {
		rl.env = env;
		rl.log = log;
		x.emit = relay_emit;
		x.emit_ctx = &rl;
	}
	rc = exec_cmd(&x, &c);
	if (rl.part.len) {
		progress(env, "%s", sbuf_str(&rl.part));
		sbuf_addc(log, '\n');
	}
	if (x.out.len) {
		sbuf_add(log, sbuf_str(&x.out));
		if (x.out.s[x.out.len - 1] != '\n')
			sbuf_addc(log, '\n');
		if (env->progress)
			relay_out(env, sbuf_str(&x.out));
	}
	if (rc != 0 && x.err.len) {
		sbuf_printf(log, "error: %s\n", sbuf_str(&x.err));
		progress(env, "error: %s", sbuf_str(&x.err));
	}
	if (rc != 0 && errmsg)
		sbuf_printf(errmsg, "%s", x.err.len ? sbuf_str(&x.err)
		                          : "exit status not 0");
	lesson_note_command(env, line);
	sbuf_free(&rl.part);
	exec_done(&x);
	cmd_free(&c);
	sbuf_free(&canon);
	return rc;
}

int lesson_show_me(struct lesson_env *env, const struct lesson_step *s,
                   struct sbuf *log)
{
	for (size_t i = 0; s->showme && s->showme[i]; i++) {
		int rc = lesson_run_command(env, s->showme[i], log,
		                            NULL);

		if (rc != 0 && !s->priv->show_may_fail[i])
			return rc;
		if (env->x && env->x->stop && *env->x->stop)
			return 130;
	}
	return 0;
}

int lesson_prepare(struct lesson_env *env, const struct lesson *l,
                   size_t step, struct sbuf *log)
{
	struct sbuf why = SBUF_INIT;
	int first = 0;

	for (size_t i = 0; l->setup && l->setup[i]; i++) {
		int rc = lesson_run_command(env, l->setup[i], log, NULL);

		if (rc != 0 && !l->setup_may_fail[i] && !first)
			first = rc;
	}
	for (size_t i = 0; i < step && i < l->nsteps; i++) {
		const struct lesson_step *s = &l->steps[i];
		int rc;

		sbuf_reset(&why);
		/* a step this kernel cannot do was skipped: so is its show
		 * me */
		if (lesson_step_skipped(env, s, NULL) ||
		    lesson_check(env, s, false, &why) == LESSON_MET)
			continue;
		rc = lesson_show_me(env, s, log);
		if (rc != 0 && !first)
			first = rc;
	}
	sbuf_free(&why);
	return first;
}
