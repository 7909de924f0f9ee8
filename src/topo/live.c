/* SPDX-License-Identifier: GPL-2.0-or-later */
/* live.c - the items of a real world (live.h): the sysctls of each
 * namespace read from its /proc/sys/net, what a new namespace has (read
 * in one made for a moment), and a file's world made in a scratch
 * sandbox. */
#include "topo/live.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>
#include <linux/netlink.h>
#include <linux/pkt_sched.h>

#include "batch.h"
#include "sandbox.h"
#include "topo/diff.h"
#include "topo/fromjson.h"
#include "tc/tc.h"
#include "topo/save.h"
#include "util/sbuf.h"

/* The sysctls a topology holds: the namespace's own, then all/default
 * (all before default: writing all.X also sets default.X) */
static const char *const ns_keys[] = {
	"net.ipv4.ip_forward",
	"net.ipv4.conf.all.rp_filter", "net.ipv4.conf.all.proxy_arp",
	"net.ipv4.conf.all.accept_local", "net.ipv4.conf.all.arp_ignore",
	"net.ipv4.conf.all.arp_announce", "net.ipv4.conf.all.send_redirects",
	"net.ipv4.conf.all.accept_redirects",
	"net.ipv4.conf.all.route_localnet",
	"net.ipv4.conf.default.rp_filter", "net.ipv4.conf.default.proxy_arp",
	"net.ipv4.conf.default.accept_local",
	"net.ipv4.conf.default.arp_ignore",
	"net.ipv4.conf.default.arp_announce",
	"net.ipv4.conf.default.send_redirects",
	"net.ipv4.conf.default.accept_redirects",
	"net.ipv4.conf.default.route_localnet",
	"net.ipv6.conf.all.forwarding", "net.ipv6.conf.all.disable_ipv6",
	"net.ipv6.conf.default.disable_ipv6",
	"net.ipv6.conf.default.accept_ra", "net.ipv6.conf.default.accept_dad",
	"net.ipv6.conf.default.autoconf",
	"net.ipv4.ping_group_range",
};
#define N_NS_KEYS (sizeof ns_keys / sizeof *ns_keys)

static const char *const if_keys4[] = {
	"forwarding", "rp_filter", "proxy_arp", "accept_local", "arp_ignore",
	"arp_announce", "send_redirects", "accept_redirects", "route_localnet",
};
static const char *const if_keys6[] = {
	"forwarding", "disable_ipv6", "accept_ra", "accept_dad", "autoconf",
};

#define N_IF4 (sizeof if_keys4 / sizeof *if_keys4)
#define N_IF6 (sizeof if_keys6 / sizeof *if_keys6)
/* what a new namespace has: its keys, then its lo's */
#define N_FRESH (N_NS_KEYS + N_IF4 + N_IF6)

static void fresh_key(size_t i, char *buf, size_t len)
{
	if (i < N_NS_KEYS)
		snprintf(buf, len, "%s", ns_keys[i]);
	else if (i < N_NS_KEYS + N_IF4)
		snprintf(buf, len, "net.ipv4.conf.lo.%s",
		         if_keys4[i - N_NS_KEYS]);
	else
		snprintf(buf, len, "net.ipv6.conf.lo.%s",
		         if_keys6[i - N_NS_KEYS - N_IF4]);
}

static size_t ns_index(const char *key)
{
	size_t i;

	for (i = 0; i < N_NS_KEYS; i++)
		if (!strcmp(ns_keys[i], key))
			break;
	return i;
}

static void trim(struct sbuf *b)
{
	while (b->len && (b->s[b->len - 1] == '\n' || b->s[b->len - 1] == ' '))
		b->s[--b->len] = '\0';
}

/* What a new namespace has: read in one made for the moment (a child
 * process, so nsviz's own namespace stays as it is).  NULL each when
 * that cannot be done: then every value counts as set. */
static void fresh_values(char *vals[N_FRESH])
{
	int fd[2];
	pid_t pid;
	struct sbuf all = SBUF_INIT;
	char buf[4096];
	ssize_t n;

	memset(vals, 0, N_FRESH * sizeof *vals);
	if (pipe2(fd, O_CLOEXEC) < 0)
		return;
	pid = fork();
	if (pid < 0) {
		close(fd[0]);
		close(fd[1]);
		return;
	}
	if (pid == 0) {
		close(fd[0]);
		if (unshare(CLONE_NEWNET) < 0)
			_exit(1);
		for (size_t i = 0; i < N_FRESH; i++) {
			char path[256], key[200], v[256];
			int f;
			ssize_t r = -1;

			fresh_key(i, key, sizeof key);
			snprintf(path, sizeof path, "/proc/sys/%s", key);
			for (char *p = path + 10; *p; p++)
				if (*p == '.')
					*p = '/';
			f = open(path, O_RDONLY | O_CLOEXEC);
			if (f >= 0) {
				r = read(f, v, sizeof v - 1);
				close(f);
			}
			if (r < 0)
				r = 0;
			v[r] = '\0';
			/* one line per key: "VALUE\n" ("" unknown) */
			for (ssize_t j = 0; j < r; j++)
				if (v[j] == '\n')
					v[j] = ' ';
			if (write(fd[1], v, strlen(v)) < 0 ||
			    write(fd[1], "\n", 1) < 0)
				_exit(1);
		}
		_exit(0);
	}
	close(fd[1]);
	while ((n = read(fd[0], buf, sizeof buf)) > 0)
		sbuf_addn(&all, buf, (size_t)n);
	close(fd[0]);
	{
		int st;

		while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
			;
		if (!WIFEXITED(st) || WEXITSTATUS(st)) {
			sbuf_free(&all);
			return;
		}
	}
	{
		const char *p = sbuf_str(&all);

		for (size_t i = 0; i < N_FRESH && *p; i++) {
			const char *nl = strchr(p, '\n');
			struct sbuf v = SBUF_INIT;

			if (!nl)
				break;
			sbuf_addn(&v, p, (size_t)(nl - p));
			trim(&v);
			/* sysctl -n prints a tab as it is; the file has it */
			vals[i] = v.len ? xstrdup(sbuf_str(&v)) : NULL;
			sbuf_free(&v);
			p = nl + 1;
		}
	}
	sbuf_free(&all);
}

struct nsvals {
	const struct w_ns *ns;
	struct topo_sysctl *v;
	size_t n, cap;
	struct sbuf text;       /* every string of v, owned here */
	char **strs;
	size_t nstrs, capstrs;
};

/* what a namespace's child said: its sysctls, the links whose MAC was
 * set by hand */
struct probe {
	const struct w_ns *ns;
	struct { char *key, *val; } *v;
	size_t n, cap, at;
	char **macs;
	size_t nmacs;
};

/* a namespace's qdiscs and classes: each reply copied whole, the items
 * pointing into their copies */
struct tclist {
	struct topo_tc *v;
	size_t n, cap;
	void **msgs;
	size_t nmsgs, capmsgs;
};

struct gather {
	struct ksync *k;
	struct probe *probes;
	size_t nprobes, capprobes;
	char *fresh[N_FRESH];
	struct nsvals *nv;
	size_t nnv, capnv;
	/* the nftables tables read, one list per namespace asked */
	struct topo_nft_table **nft;
	size_t *nnft, nnftl, capnftl, capnnft;
	/* the qdiscs and classes read, one list per namespace asked */
	struct tclist *tcl;
	size_t ntcl, captcl;
};

static char *keep(struct nsvals *s, const char *str)
{
	char *c = xstrdup(str);

	xgrow((void **)&s->strs, &s->capstrs, s->nstrs + 1, sizeof *s->strs);
	s->strs[s->nstrs++] = c;
	return c;
}

/* The keys a namespace's sysctls are read from, NUL after each: the
 * namespace's own, then each link's (a dot in a link's name is a slash
 * in a key, as sysctl(8) has it) */
static void keys_of(const struct w_ns *ns, struct sbuf *list)
{
	for (size_t i = 0; i < N_NS_KEYS; i++) {
		sbuf_add(list, ns_keys[i]);
		sbuf_addc(list, '\0');
	}
	for (size_t l = 0; l < ns->nlinks; l++) {
		char dev[W_IFNAMSIZ];

		snprintf(dev, sizeof dev, "%s", ns->links[l].name);
		for (char *p = dev; *p; p++)
			if (*p == '.')
				*p = '/';
		for (size_t i = 0; i < N_IF4; i++) {
			sbuf_printf(list, "net.ipv4.conf.%s.%s", dev, if_keys4[i]);
			sbuf_addc(list, '\0');
		}
		for (size_t i = 0; i < N_IF6; i++) {
			sbuf_printf(list, "net.ipv6.conf.%s.%s", dev, if_keys6[i]);
			sbuf_addc(list, '\0');
		}
	}
}

/* key -> /proc/sys path: dots are slashes, slashes dots */
static void key_path(const char *key, char *path, size_t len)
{
	size_t n = (size_t)snprintf(path, len, "/proc/sys/");

	for (const char *k = key; *k && n + 1 < len; k++)
		path[n++] = *k == '.' ? '/' : *k == '/' ? '.' : *k;
	path[n < len ? n : len - 1] = '\0';
}

/* In the child, for each namespace: "N INDEX" first, then "S KEY\tVALUE"
 * a key, "M NAME" a link whose MAC was set by hand (addr_assign_type 3,
 * which only sysfs says, and sysfs shows the namespace of whoever mounted
 * it: one is mounted in each namespace, in a mount namespace of the
 * child's own).  One child for them all: a mount namespace costs a
 * grace period to tear down. */
static void probe_child(const struct w_ns *const *nss, const int *fds,
                        size_t n, int out)
{
	struct sbuf keys = SBUF_INIT, o = SBUF_INIT;
	bool mnt = unshare(CLONE_NEWNS) == 0 &&
	           mount("none", "/", NULL, MS_REC | MS_PRIVATE, NULL) == 0;

	for (size_t x = 0; x < n; x++) {
		const struct w_ns *ns = nss[x];
		bool own_sysfs;

		/* -2: the host, where the child starts (first in nss): no
		 * setns, which a user without privileges may not do */
		if (fds[x] == -2 ? x != 0
		                 : fds[x] < 0 || setns(fds[x], CLONE_NEWNET) < 0)
			continue;
		sbuf_printf(&o, "N %zu\n", x);
		sbuf_reset(&keys);
		keys_of(ns, &keys);
		for (const char *k = keys.s; k && k < keys.s + keys.len;
		     k += strlen(k) + 1) {
			char path[512], v[512];
			int f;
			ssize_t r;

			key_path(k, path, sizeof path);
			f = open(path, O_RDONLY | O_CLOEXEC);
			if (f < 0)
				continue;
			r = read(f, v, sizeof v - 1);
			close(f);
			if (r < 0)
				continue;
			while (r > 0 && (v[r - 1] == '\n' || v[r - 1] == ' '))
				r--;
			v[r] = '\0';
			for (ssize_t j = 0; j < r; j++)
				if (v[j] == '\n')
					v[j] = ' ';
			sbuf_printf(&o, "S %s\t%s\n", k, v);
		}
		own_sysfs = mnt && mount("sysfs", "/sys", "sysfs", MS_NOSUID |
		                         MS_NODEV | MS_NOEXEC, NULL) == 0;
		/* without a sysfs of its own, the one there is tells only
		 * of the namespace that mounted it: the host's */
		if (own_sysfs || ns->kind == W_NS_HOST)
			for (size_t i = 0; i < ns->nlinks; i++) {
				char path[128], v[16];
				int f;
				ssize_t r;

				snprintf(path, sizeof path, "/sys/class/net/%s/"
				         "addr_assign_type", ns->links[i].name);
				f = open(path, O_RDONLY | O_CLOEXEC);
				if (f < 0)
					continue;
				r = read(f, v, sizeof v - 1);
				close(f);
				if (r > 0 && v[0] == '3')
					sbuf_printf(&o, "M %s\n",
					            ns->links[i].name);
			}
		if (own_sysfs)
			umount2("/sys", MNT_DETACH);
		/* out as it goes: the pipe holds 64 KiB */
		for (size_t off = 0; off < o.len; ) {
			ssize_t w = write(out, o.s + off, o.len - off);

			if (w < 0 && errno == EINTR)
				continue;
			if (w <= 0)
				_exit(1);
			off += (size_t)w;
		}
		sbuf_reset(&o);
	}
	_exit(0);
}

/* Every namespace of nss asked at once (their probes made here). */
static void probe_all(struct gather *g, const struct w_ns *const *nss,
                      size_t n)
{
	int *fds = xcalloc(n + 1, sizeof *fds), fd[2];
	struct sbuf got = SBUF_INIT;
	char buf[65536];
	struct probe *pr = NULL;
	ssize_t r;
	pid_t pid = -1;

	xgrow((void **)&g->probes, &g->capprobes, g->nprobes + n + 1,
	      sizeof *g->probes);
	for (size_t i = 0; i < n; i++) {
		struct probe *p = &g->probes[g->nprobes + i];

		memset(p, 0, sizeof *p);
		p->ns = nss[i];
		/* named ones by their file: no descriptor kept by ksync */
		if (nss[i]->kind == W_NS_HOST) {
			fds[i] = -2;
		} else {
			char path[300];

			snprintf(path, sizeof path, "/run/netns/%s", nss[i]->name);
			fds[i] = open(path, O_RDONLY | O_CLOEXEC);
		}
	}
	g->nprobes += n;
	if (pipe2(fd, O_CLOEXEC) == 0) {
		pid = fork();
		if (pid == 0) {
			close(fd[0]);
			probe_child(nss, fds, n, fd[1]);
		}
		close(fd[1]);
		if (pid > 0) {
			while ((r = read(fd[0], buf, sizeof buf)) > 0 ||
			       (r < 0 && errno == EINTR))
				if (r > 0)
					sbuf_addn(&got, buf, (size_t)r);
			while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
				;
		}
		close(fd[0]);
	}
	for (size_t i = 0; i < n; i++)
		if (fds[i] >= 0)
			close(fds[i]);
	free(fds);
	for (char *p = got.s; p && *p; ) {
		char *nl = strchr(p, '\n'), *tab;

		if (!nl)
			break;
		*nl = '\0';
		if (p[0] == 'N' && p[1] == ' ') {
			size_t x = (size_t)strtoul(p + 2, NULL, 10);

			pr = x < n ? &g->probes[g->nprobes - n + x] : NULL;
		} else if (pr && p[0] == 'S' && p[1] == ' ' &&
		           (tab = strchr(p, '\t'))) {
			*tab = '\0';
			xgrow((void **)&pr->v, &pr->cap, pr->n + 1, sizeof *pr->v);
			pr->v[pr->n].key = xstrdup(p + 2);
			pr->v[pr->n].val = xstrdup(tab + 1);
			pr->n++;
		} else if (pr && p[0] == 'M' && p[1] == ' ') {
			pr->macs = xrealloc(pr->macs,
			                    (pr->nmacs + 1) * sizeof *pr->macs);
			pr->macs[pr->nmacs++] = xstrdup(p + 2);
		}
		p = nl + 1;
	}
	sbuf_free(&got);
}

/* What the child said of ns (nothing when it was not asked). */
static struct probe *probe_of(struct gather *g, const struct w_ns *ns)
{
	for (size_t i = 0; i < g->nprobes; i++)
		if (g->probes[i].ns == ns)
			return &g->probes[i];
	probe_all(g, &ns, 1);
	return &g->probes[g->nprobes - 1];
}

static bool read_key(struct gather *g, const struct w_ns *ns, const char *key,
                     struct sbuf *val)
{
	struct probe *pr = probe_of(g, ns);

	sbuf_reset(val);
	/* asked in the order read: look from where the last one was */
	for (size_t k = 0; k < pr->n; k++) {
		size_t i = (pr->at + k) % pr->n;

		if (!strcmp(pr->v[i].key, key)) {
			pr->at = i + 1;
			sbuf_add(val, pr->v[i].val);
			return true;
		}
	}
	return false;
}

static void add_val(struct nsvals *s, const char *key, const char *value,
                    bool dflt, bool derived, const char *dev)
{
	xgrow((void **)&s->v, &s->cap, s->n + 1, sizeof *s->v);
	s->v[s->n].key = keep(s, key);
	s->v[s->n].value = keep(s, value);
	s->v[s->n].at_default = dflt;
	s->v[s->n].derived = derived;
	s->v[s->n].dev = dev ? keep(s, dev) : NULL;
	s->n++;
}

static size_t sysctls_of(void *ctx, const struct w_ns *ns,
                         const struct topo_sysctl **out)
{
	struct gather *g = ctx;
	struct nsvals *s;
	struct sbuf v = SBUF_INIT, d = SBUF_INIT, key = SBUF_INIT;
	char *nsval[N_NS_KEYS];

	xgrow((void **)&g->nv, &g->capnv, g->nnv + 1, sizeof *g->nv);
	s = &g->nv[g->nnv++];
	memset(s, 0, sizeof *s);
	s->ns = ns;
	for (size_t i = 0; i < N_NS_KEYS; i++) {
		nsval[i] = NULL;
		if (!read_key(g, ns, ns_keys[i], &v))
			continue;
		nsval[i] = keep(s, sbuf_str(&v));
		{
			const char *dflt = g->fresh[i];

			/* ip_forward turns all.accept_redirects off */
			size_t fw = ns_index("net.ipv4.ip_forward");
			bool derived = false;

			if (!strcmp(ns_keys[i], "net.ipv4.conf.all.accept_redirects")
			    && fw < i && nsval[fw] && !strcmp(nsval[fw], "1")) {
				dflt = "0";
				derived = true;
			}
			add_val(s, ns_keys[i], sbuf_str(&v),
			        dflt && !strcmp(dflt, sbuf_str(&v)), derived, NULL);
		}
	}
	for (size_t l = 0; l < ns->nlinks; l++) {
		const struct w_link *lk = &ns->links[l];
		char dev[W_IFNAMSIZ];

		/* a dot in a name is a slash in a key, as sysctl(8) has it */
		snprintf(dev, sizeof dev, "%s", lk->name);
		for (char *p = dev; *p; p++)
			if (*p == '.')
				*p = '/';
		for (int six = 0; six < 2; six++) {
			const char *const *leaf = six ? if_keys6 : if_keys4;
			size_t nleaf = six ? sizeof if_keys6 / sizeof *if_keys6
			                   : sizeof if_keys4 / sizeof *if_keys4;

			for (size_t i = 0; i < nleaf; i++) {
				bool dflt = false;

				sbuf_reset(&key);
				sbuf_printf(&key, "net.%s.conf.%s.%s",
				            six ? "ipv6" : "ipv4", dev, leaf[i]);
				if (!read_key(g, ns, sbuf_str(&key), &v))
					continue;
				/* the value a link made now would have */
				sbuf_reset(&d);
				if (!strcmp(leaf[i], "forwarding"))
					sbuf_printf(&d, six ? "net.ipv6.conf.all."
					            "forwarding" : "net.ipv4."
					            "ip_forward");
				else
					sbuf_printf(&d, "net.%s.conf.default.%s",
					            six ? "ipv6" : "ipv4", leaf[i]);
				for (size_t k = 0; k < N_NS_KEYS; k++)
					if (!strcmp(ns_keys[k], sbuf_str(&d)))
						dflt = nsval[k] &&
						       !strcmp(nsval[k], sbuf_str(&v));
				/* lo is made with the namespace: a fresh
				 * one's lo says what it starts with */
				if (!strcmp(lk->name, "lo") &&
				    lk->arptype == 772) {
					size_t at = N_NS_KEYS + (six ? N_IF4 : 0) + i;
					const char *f = g->fresh[at];

					dflt = f && !strcmp(f, sbuf_str(&v));
					if (!strcmp(leaf[i], "forwarding")) {
						size_t k = ns_index(six
							? "net.ipv6.conf.all.forwarding"
							: "net.ipv4.ip_forward");

						dflt = dflt || (k < N_NS_KEYS &&
						        nsval[k] && !strcmp(nsval[k],
						                sbuf_str(&v)));
					}
				}
				/* forwarding follows ip_forward (all.forwarding) */
				add_val(s, sbuf_str(&key), sbuf_str(&v), dflt,
				        !strcmp(leaf[i], "forwarding"), lk->name);
			}
		}
	}
	sbuf_free(&v);
	sbuf_free(&d);
	sbuf_free(&key);
	*out = s->v;
	return s->n;
}

/* nft -s list ruleset in ns, as its tables (none when nftables cannot
 * be asked there: a kernel without it) */
static size_t nft_tables_of(void *ctx, const struct w_ns *ns,
                            const struct topo_nft_table **out)
{
	struct gather *g = ctx;
	struct knft_req r = { "list ruleset", CMD_NFT_STATELESS, false, false, false };
	struct sbuf text = SBUF_INIT, err = SBUF_INIT;
	struct kerr e = { 0 };
	struct topo_nft_table *v = NULL;
	size_t n = 0;

	if (knft_run(g->k, (struct w_ns *)ns, &r, &text, &err, &e) == 0)
		n = topo_nft_tables(sbuf_str(&text), &v);
	sbuf_free(&text);
	sbuf_free(&err);
	xgrow((void **)&g->nft, &g->capnftl, g->nnftl + 1, sizeof *g->nft);
	xgrow((void **)&g->nnft, &g->capnnft, g->nnftl + 1, sizeof *g->nnft);
	g->nft[g->nnftl] = v;
	g->nnft[g->nnftl++] = n;
	*out = v;
	return n;
}

static void on_tc(void *ctx, const struct nlmsghdr *nlh)
{
	struct tclist *l = ctx;
	struct topo_tc t;
	void *copy = xmalloc(nlh->nlmsg_len);

	memcpy(copy, nlh, nlh->nlmsg_len);
	if (topo_tc_of_msg(copy, nlh->nlmsg_len, &t) < 0) {
		free(copy);
		return;
	}
	xgrow((void **)&l->msgs, &l->capmsgs, l->nmsgs + 1, sizeof *l->msgs);
	l->msgs[l->nmsgs++] = copy;
	xgrow((void **)&l->v, &l->cap, l->n + 1, sizeof *l->v);
	l->v[l->n++] = t;
}

/* tc qdisc show in ns, then tc class show dev X of each root htb (none
 * when the kernel cannot be asked) */
static size_t tc_of(void *ctx, const struct w_ns *ns,
                    const struct topo_tc **out)
{
	struct gather *g = ctx;
	struct kerr e = { 0 };
	struct tclist *l;

	xgrow((void **)&g->tcl, &g->captcl, g->ntcl + 1, sizeof *g->tcl);
	l = &g->tcl[g->ntcl++];
	memset(l, 0, sizeof *l);
	if (ktc_dump(g->k, (struct w_ns *)ns, false, 0, 0, false, on_tc, l,
	             &e) == 0) {
		size_t nq = l->n;

		for (size_t i = 0; i < nq; i++) {
			const struct topo_tc t = l->v[i];

			if (!t.is_class && t.parent == TC_H_ROOT && t.handle &&
			    !strcmp(t.kind, "htb"))
				(void)ktc_dump(g->k, (struct w_ns *)ns, true,
				               t.ifindex, 0, false, on_tc, l, &e);
		}
	}
	*out = l->v;
	return l->n;
}

static bool mac_set(void *ctx, const struct w_ns *ns, const char *link)
{
	struct probe *pr = probe_of(ctx, ns);

	for (size_t i = 0; i < pr->nmacs; i++)
		if (!strcmp(pr->macs[i], link))
			return true;
	return false;
}

int topo_live(struct world *w, struct ksync *k, const char *const *only,
              size_t nonly, struct tilist *out, struct kerr *e)
{
	struct gather g = { .k = k };
	struct tc_clock clk;
	struct topo_save_opts o = { only, nonly, sysctls_of, &g, mac_set,
	                            nft_tables_of, tc_of, &clk };

	if (ksync_all_ready(k, e) < 0)
		return -1;
	clk = *ktc_clock();
	ksync_routes_now(k);
	ksync_drain(k);
	fresh_values(g.fresh);
	{
		/* the namespaces saved, asked at once */
		const struct w_ns **nss = xcalloc(w->nns + 1, sizeof *nss);
		size_t n = 0;

		for (size_t i = 0; i < w->nns; i++) {
			const struct w_ns *ns = w->ns[i];
			const char *name = ns->kind == W_NS_HOST ? "" :
			                   ns->kind == W_NS_NAMED ? ns->name : NULL;
			bool in = name && !ns->unread[0] && !nonly;

			for (size_t j = 0; name && j < nonly && !in; j++)
				in = !strcmp(only[j], name);
			if (in)
				nss[n++] = ns;
		}
		/* the kernel does not announce every change of a link
		 * that is down (its alias, say): read them again */
		for (size_t i = 0; i < n; i++) {
			struct kerr le = { 0 };

			ksync_read_links(k, (struct w_ns *)nss[i], &le);
		}
		probe_all(&g, nss, n);
		free(nss);
	}
	tilist_init(out);
	topo_save(w, &o, out);
	for (size_t i = 0; i < N_FRESH; i++)
		free(g.fresh[i]);
	for (size_t i = 0; i < g.nnftl; i++)
		topo_nft_free(g.nft[i], g.nnft[i]);
	free(g.nft);
	free(g.nnft);
	for (size_t i = 0; i < g.ntcl; i++) {
		for (size_t j = 0; j < g.tcl[i].nmsgs; j++)
			free(g.tcl[i].msgs[j]);
		free(g.tcl[i].msgs);
		free(g.tcl[i].v);
	}
	free(g.tcl);
	for (size_t i = 0; i < g.nnv; i++) {
		for (size_t j = 0; j < g.nv[i].nstrs; j++)
			free(g.nv[i].strs[j]);
		free(g.nv[i].strs);
		free(g.nv[i].v);
	}
	free(g.nv);
	for (size_t i = 0; i < g.nprobes; i++) {
		struct probe *pr = &g.probes[i];

		for (size_t j = 0; j < pr->n; j++) {
			free(pr->v[j].key);
			free(pr->v[j].val);
		}
		for (size_t j = 0; j < pr->nmacs; j++)
			free(pr->macs[j]);
		free(pr->v);
		free(pr->macs);
	}
	free(g.probes);
	return 0;
}

/* ---- the scratch sandbox ------------------------------------------------ */

/* true for a sysctl a topology holds (save writes it, diff compares
 * it): one of the namespace's keys (or all.forwarding, ip_forward's other
 * name), or an interface's of the lists */
static bool sysctl_held(const char *key)
{
	const char *dev, *leaf;
	int six;

	if (ns_index(key) < N_NS_KEYS ||
	    !strcmp(key, "net.ipv4.conf.all.forwarding"))
		return true;
	if (!strncmp(key, "net.ipv4.conf.", 14))
		six = 0;
	else if (!strncmp(key, "net.ipv6.conf.", 14))
		six = 1;
	else
		return false;
	dev = key + 14;
	leaf = strrchr(dev, '.');
	if (!leaf || leaf == dev || !strncmp(dev, "all.", 4) ||
	    !strncmp(dev, "default.", 8))
		return false;
	leaf++;
	for (size_t i = 0; i < (six ? N_IF6 : N_IF4); i++)
		if (!strcmp(leaf, six ? if_keys6[i] : if_keys4[i]))
			return true;
	return false;
}

/* What a topology file may hold: commands that make, change or delete
 * what a topology is (and the sysctls it holds), nothing that runs a
 * program, sends, shows or makes what a topology does not keep.  Said in
 * why when not. */
bool topo_accept(const struct cmd *c, struct sbuf *why)
{
	const struct cmd *t = c->verb == CMD_NETNS_EXEC ? c->sub : c;
	struct sbuf txt = SBUF_INIT;
	bool ok = false;

	if (t && t != c && t->verb != CMD_SYSCTL && t->verb != CMD_NFT)
		t = NULL;       /* netns exec NS: only nsviz's own sysctl
		                 * and nft (tc is -n NS tc) */
	if (t) {
		switch (t->verb) {
		case CMD_NETNS_ADD: case CMD_NETNS_DEL:
		case CMD_LINK_ADD: case CMD_LINK_SET: case CMD_LINK_DEL:
		case CMD_ADDR_ADD: case CMD_ADDR_DEL: case CMD_ADDR_FLUSH:
		case CMD_ROUTE_ADD: case CMD_ROUTE_DEL: case CMD_ROUTE_CHANGE:
		case CMD_ROUTE_REPLACE: case CMD_ROUTE_PREPEND:
		case CMD_ROUTE_APPEND:
		case CMD_RULE_ADD: case CMD_RULE_DEL:
		case CMD_NEIGH_ADD: case CMD_NEIGH_CHANGE: case CMD_NEIGH_REPLACE:
		case CMD_NEIGH_DEL: case CMD_NEIGH_FLUSH:
			ok = !c->all;
			break;
		case CMD_TC_QDISC_ADD: case CMD_TC_QDISC_CHANGE:
		case CMD_TC_QDISC_REPLACE: case CMD_TC_QDISC_DEL:
		case CMD_TC_CLASS_ADD: case CMD_TC_CLASS_CHANGE:
		case CMD_TC_CLASS_REPLACE: case CMD_TC_CLASS_DEL:
			ok = !c->all;
			break;
		case CMD_NFT:
			/* a ruleset's tables (nft -c checks, changes nothing) */
			ok = !c->all && !t->u.nft.check;
			break;
		case CMD_SYSCTL:
			if (!t->u.sysctl.write)
				break;
			if (!sysctl_held(t->u.sysctl.key)) {
				sbuf_printf(why, "%s: not a sysctl a topology holds "
				            "(nsviz save writes and apply compares "
				            "ip_forward, forwarding, rp_filter, "
				            "proxy_arp, the arp_ and redirect "
				            "settings, disable_ipv6, accept_ra, "
				            "accept_dad, autoconf and "
				            "ping_group_range); run it with -b",
				            t->u.sysctl.key);
				return false;
			}
			ok = true;
			break;
		default:
			break;
		}
	}
	if (ok)
		return true;
	cmd_canonical(c, &txt);
	sbuf_printf(why, "`%s`: not a command that builds a topology (a "
	            "topology file makes namespaces, links, addresses, routes, "
	            "rules, neighbours, sysctls, nft rules and tc qdiscs; it runs no "
	            "program, starts "
	            "no server, sends nothing and shows nothing; run it with "
	            "-b)", sbuf_str(&txt));
	sbuf_free(&txt);
	return false;
}

/* FILE as the batch that makes its world: its commands, or the ones a
 * `show --json` document stands for (it starts with '{') */
static int run_file(struct app *a, const char *file)
{
	const char *name = strcmp(file, "-") ? file : "stdin";
	FILE *f = strcmp(file, "-") ? fopen(file, "re") : stdin;
	struct sbuf text = SBUF_INIT, cmds = SBUF_INIT, label = SBUF_INIT;
	char buf[65536], err[1024];
	size_t n, i = 0;
	int rc;

	if (!f) {
		fprintf(stderr, "nsviz: %s: %s\n", name, strerror(errno));
		return 1;
	}
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		sbuf_addn(&text, buf, n);
	if (ferror(f)) {
		fprintf(stderr, "nsviz: %s: %s\n", name, strerror(errno));
		if (f != stdin)
			fclose(f);
		sbuf_free(&text);
		return 1;
	}
	if (f != stdin)
		fclose(f);
	while (i < text.len && strchr(" \t\r\n", text.s[i]))
		i++;
	if (i < text.len && text.s[i] == '{') {
		if (topo_json_to_cmds(name, text.s, text.len, &cmds, err,
		                      sizeof err) < 0) {
			fprintf(stderr, "%s\n", err);
			sbuf_free(&text);
			return 1;
		}
		/* a failing command is named by its line among them */
		sbuf_printf(&label, "%s (as commands)", name);
		rc = app_run_text(a, sbuf_str(&label), cmds.s ? cmds.s : "",
		                  cmds.len, false);
	} else {
		rc = app_run_text(a, name, text.s ? text.s : "", text.len, false);
	}
	sbuf_free(&text);
	sbuf_free(&cmds);
	sbuf_free(&label);
	return rc;
}

/* In the sandbox: run the file, send the items.  Exit status: 0 sent, 1
 * the file failed (said on stderr), 2 anything else (said). */
static int scratch_child(const char *file, int out)
{
	struct app a;
	struct kerr e = { 0 };
	struct tilist l;
	struct sbuf packed = SBUF_INIT;
	char err[512];
	int rc;

	if (sandbox_enter(err, sizeof err) < 0) {
		fprintf(stderr, "nsviz: a scratch sandbox for %s: %s\n", file,
		        err);
		return 2;
	}
	kernel_new_home();
	memset(&a, 0, sizeof a);
	a.w = world_new();
	a.k = ksync_new(a.w, KSYNC_LAZY_ROUTES, &e);
	if (!a.k) {
		fprintf(stderr, "nsviz: %s\n", kerr_str(&e));
		return 2;
	}
	exec_init(&a.x, a.w, a.k);
	a.quiet = true;
	a.accept = topo_accept;
	rc = run_file(&a, file);
	if (rc != 0)
		return 1;
	if (topo_live(a.w, a.k, NULL, 0, &l, &e) < 0) {
		fprintf(stderr, "nsviz: %s: %s\n", file, kerr_str(&e));
		return 2;
	}
	if (getenv("NSVIZ_DEBUG_SCRATCH"))
		for (size_t i = 0; i < l.nleft; i++)
			fprintf(stderr, "scratch left: %s\n", l.left[i]);
	tilist_pack(&l, &packed);
	for (size_t off = 0; off < packed.len; ) {
		ssize_t n = write(out, packed.s + off, packed.len - off);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return 2;
		off += (size_t)n;
	}
	return 0;
}

static int scratch(const char *file, struct tilist *out, struct sbuf *msgs,
                   char *err, size_t errlen)
{
	int fd[2], st = 0, mfd = -1;
	pid_t pid;
	struct sbuf got = SBUF_INIT;
	char buf[65536];
	ssize_t n;

	tilist_init(out);
	if (pipe2(fd, O_CLOEXEC) < 0) {
		snprintf(err, errlen, "pipe: %s", strerror(errno));
		return -1;
	}
	if (msgs) {
		mfd = memfd_create("nsviz-scratch", MFD_CLOEXEC);
		if (mfd < 0) {
			snprintf(err, errlen, "memfd_create: %s", strerror(errno));
			close(fd[0]);
			close(fd[1]);
			return -1;
		}
	}
	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		snprintf(err, errlen, "fork: %s", strerror(errno));
		close(fd[0]);
		close(fd[1]);
		if (mfd >= 0)
			close(mfd);
		return -1;
	}
	if (pid == 0) {
		close(fd[0]);
		signal(SIGINT, SIG_DFL);
		if (msgs) {
			/* the terminal is the UI's: none of it here */
			int nul = open("/dev/null", O_RDWR | O_CLOEXEC);

			if (nul < 0 || dup2(nul, 0) < 0 || dup2(nul, 1) < 0 ||
			    dup2(mfd, 2) < 0)
				_exit(2);
			setsid();
		}
		_exit(scratch_child(file, fd[1]));
	}
	close(fd[1]);
	for (;;) {
		n = read(fd[0], buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		sbuf_addn(&got, buf, (size_t)n);
	}
	close(fd[0]);
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	if (msgs) {
		off_t at = 0;

		while ((n = pread(mfd, buf, sizeof buf, at)) > 0) {
			sbuf_addn(msgs, buf, (size_t)n);
			at += n;
		}
		close(mfd);
	}
	if (WIFEXITED(st) && WEXITSTATUS(st) == 1) {
		sbuf_free(&got);
		return 1;
	}
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 0 ||
	    tilist_unpack(out, got.s ? got.s : "", got.len) < 0) {
		if (WIFSIGNALED(st))
			snprintf(err, errlen, "the scratch sandbox that runs %s "
			         "was killed by signal %d", file, WTERMSIG(st));
		else
			snprintf(err, errlen, "the scratch sandbox that runs %s "
			         "failed", file);
		sbuf_free(&got);
		return -1;
	}
	sbuf_free(&got);
	return 0;
}

int topo_scratch(const char *file, struct tilist *out, char *err,
                 size_t errlen)
{
	return scratch(file, out, NULL, err, errlen);
}

int topo_scratch_quiet(const char *file, struct tilist *out,
                       struct sbuf *msgs, char *err, size_t errlen)
{
	return scratch(file, out, msgs, err, errlen);
}

int topo_plan_file(struct world *w, struct ksync *k, const char *file,
                   struct sbuf *msgs, struct tilist *want,
                   struct tilist *have, struct topo_plan *p, char *err,
                   size_t errlen)
{
	struct kerr e = { 0 };
	struct topo_plan scope;
	struct tilist none;
	int rc;

	tilist_init(have);
	memset(p, 0, sizeof *p);
	rc = scratch(file, want, msgs, err, errlen);
	if (rc)
		return rc;
	/* the namespaces the file names: only those are read */
	tilist_init(&none);
	topo_diff(want, &none, &scope);
	rc = topo_live(w, k, (const char *const *)scope.scope, scope.nscope,
	               have, &e);
	topo_plan_free(&scope);
	if (rc < 0) {
		snprintf(err, errlen, "%s", kerr_str(&e));
		tilist_free(want);
		return -1;
	}
	topo_diff(want, have, p);
	return 0;
}
