/* SPDX-License-Identifier: GPL-2.0-or-later */
/* save.c - the world as the items of a topology (save.h).
 *
 * What is saved is what a user made: links of the kinds nsviz creates,
 * with their options; addresses but not the kernel's own (IPv6
 * link-local, lo's loopback addresses, SLAAC's); routes that are not
 * `proto kernel` (nor learned from router advertisements), in every table;
 * rules but not the kernel's defaults; permanent neighbours; sysctls that
 * differ from a new namespace's.  Every command is written as words and
 * passed through nsviz's own parser and canonical writer, so what is
 * saved is what `-b` reads back; a command the parser refuses is left out
 * and said so.
 */
#include "topo/save.h"

#include <arpa/inet.h>
#include <linux/if.h>
#include <linux/if_link.h>
#include <linux/neighbour.h>
#include <linux/fib_rules.h>
#include <linux/pkt_sched.h>
#include <linux/rtnetlink.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "cmd/cmd.h"
#include "fmt/fmt.h"
#include "tc/tc.h"

int topo_canon_full(const char *text, struct sbuf *out, char *err,
                    size_t errlen)
{
	char **words = NULL;
	struct cmd c;
	struct sbuf b = SBUF_INIT;
	int n, rc = -1;

	n = cmd_split(text, &words, err, errlen);
	if (n <= 0) {
		if (n == 0)
			snprintf(err, errlen, "empty command");
		cmd_free_words(words, n < 0 ? 0 : n);
		return -1;
	}
	if (cmd_parse(n, words, &c, err, errlen) == 0) {
		cmd_canonical(&c, &b);
		cmd_free(&c);
		sbuf_add(out, sbuf_str(&b));
		rc = 0;
	}
	sbuf_free(&b);
	cmd_free_words(words, n);
	return rc;
}

int topo_canon(const char *text, struct sbuf *out, char *err, size_t errlen)
{
	struct sbuf b = SBUF_INIT;
	int rc = topo_canon_full(text, &b, err, errlen);

	/* "ip -6 route add ..." -> "-6 route add ..." */
	if (rc == 0)
		sbuf_add(out, strncmp(sbuf_str(&b), "ip ", 3) ? sbuf_str(&b)
		                                              : sbuf_str(&b) + 3);
	sbuf_free(&b);
	return rc;
}

/* ---- words ------------------------------------------------------------- */

struct saver {
	const struct world *w;
	const struct topo_save_opts *o;
	struct tilist *out;
	const struct w_ns *ns;     /* the namespace being saved */
	const char *nsname;        /* "" = host */
	struct sbuf b;             /* the command being written */
	/* links left out of ns (by ifindex): their addresses and routes
	 * go too */
	int *gone;
	size_t ngone, capgone;
	/* addresses of ns that are left out: a route with one as its src
	 * goes too */
	struct w_ip *left_ips;
	size_t nleft_ips, capleft_ips;
};

static void word(struct saver *s, const char *w)
{
	cmd_quote_word(&s->b, w);
}

static void wordf(struct saver *s, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void wordf(struct saver *s, const char *fmt, ...)
{
	struct sbuf t = SBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	sbuf_vprintf(&t, fmt, ap);
	va_end(ap);
	word(s, sbuf_str(&t));
	sbuf_free(&t);
}

static void word_ip(struct saver *s, const struct w_ip *ip)
{
	char buf[64];

	word(s, w_ip_str(ip, buf, sizeof buf));
}

static void word_prefix(struct saver *s, const struct w_ip *ip, int len)
{
	char buf[64];

	wordf(s, "%s/%d", w_ip_str(ip, buf, sizeof buf), len);
}

static const char *label(const struct saver *s)
{
	return s->nsname[0] ? s->nsname : "the host";
}

/* The canonical text of the command in s->b (reset after), or NULL
 * (and a left-out line naming what) when nsviz cannot read it back. */
static char *take(struct saver *s, struct sbuf *into, const char *what)
{
	char err[300];

	sbuf_reset(into);
	if (topo_canon(sbuf_str(&s->b), into, err, sizeof err) < 0) {
		tilist_leave(s->out, "%s in %s: `%s` cannot be read back (%s)",
		             what, label(s), sbuf_str(&s->b), err);
		sbuf_reset(&s->b);
		return NULL;
	}
	sbuf_reset(&s->b);
	return (char *)sbuf_str(into);
}

/* An item from the command in s->b (and repl, del: NULL, or texts to
 * canonicalize the same way). */
static struct titem *item(struct saver *s, enum ti_phase ph, unsigned flags,
                          const char *key, const char *repl_raw,
                          const char *del_raw)
{
	struct sbuf line = SBUF_INIT, repl = SBUF_INIT, del = SBUF_INIT;
	struct titem *it = NULL;
	char err[300];

	if (!take(s, &line, key))
		goto out;
	if (repl_raw && topo_canon(repl_raw, &repl, err, sizeof err) < 0) {
		tilist_leave(s->out, "%s in %s: `%s` cannot be read back (%s)",
		             key, label(s), repl_raw, err);
		goto out;
	}
	if (del_raw && topo_canon(del_raw, &del, err, sizeof err) < 0) {
		tilist_leave(s->out, "%s in %s: `%s` cannot be read back (%s)",
		             key, label(s), del_raw, err);
		goto out;
	}
	it = tilist_add(s->out, ph, flags, s->nsname, key, sbuf_str(&line),
	                repl_raw ? sbuf_str(&repl) : NULL,
	                del_raw ? sbuf_str(&del) : NULL);
out:
	sbuf_free(&line);
	sbuf_free(&repl);
	sbuf_free(&del);
	return it;
}

/* ---- which namespaces ---------------------------------------------------- */

static const char *ns_save_name(const struct w_ns *ns)
{
	if (ns->kind == W_NS_HOST)
		return "";
	if (ns->kind == W_NS_NAMED)
		return ns->name;
	return NULL;
}

static bool in_scope(const struct topo_save_opts *o, const struct w_ns *ns)
{
	const char *n = ns_save_name(ns);

	if (!n)
		return false;
	if (!o->nonly)
		return true;
	for (size_t i = 0; i < o->nonly; i++)
		if (!strcmp(o->only[i], n))
			return true;
	return false;
}

/* host first, then named namespaces by name */
static int ns_order(const struct w_ns *a, const struct w_ns *b)
{
	if (a == b)
		return 0;
	if (a->kind == W_NS_HOST)
		return -1;
	if (b->kind == W_NS_HOST)
		return 1;
	return strcmp(a->name, b->name);
}

/* ---- links ----------------------------------------------------------- */

static bool is_gone(const struct saver *s, int ifindex)
{
	for (size_t i = 0; i < s->ngone; i++)
		if (s->gone[i] == ifindex)
			return true;
	return false;
}

static void leave_link(struct saver *s, const struct w_link *l,
                       const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void leave_link(struct saver *s, const struct w_link *l,
                       const char *fmt, ...)
{
	struct sbuf why = SBUF_INIT;
	va_list ap;
	char safe[64];

	va_start(ap, fmt);
	sbuf_vprintf(&why, fmt, ap);
	va_end(ap);
	{
		struct sbuf q = SBUF_INIT;

		cmd_quote_word(&q, l->name);
		snprintf(safe, sizeof safe, "%s", sbuf_str(&q));
		sbuf_free(&q);
	}
	tilist_leave(s->out, "%s in %s: %s; its addresses and routes too",
	             safe, label(s), sbuf_str(&why));
	sbuf_free(&why);
	xgrow((void **)&s->gone, &s->capgone, s->ngone + 1, sizeof *s->gone);
	s->gone[s->ngone++] = l->ifindex;
}

static const struct w_link *lower_of(const struct saver *s,
                                     const struct w_link *l)
{
	if (!l->has_iflink || l->has_link_netnsid || l->iflink == l->ifindex)
		return NULL;
	return world_find_link_index(s->ns, l->iflink);
}

static bool stacked_kind(const char *k)
{
	return !strcmp(k, "vlan") || !strcmp(k, "macvlan") ||
	       !strcmp(k, "ipvlan") || !strcmp(k, "vxlan");
}

static const char *macvlan_mode(uint32_t m)
{
	switch (m) {
	case 1: return "private";
	case 2: return "vepa";
	case 4: return "bridge";
	case 8: return "passthru";
	case 16: return "source";
	}
	return NULL;
}


/* a link's settings come after it is made, and a stacked link is made
 * after its lower's settings (it takes the lower's mtu) */
static enum ti_phase set_phase(const struct w_link *l)
{
	return stacked_kind(l->kind) ? TP_STACKED_SET : TP_LINK_SET;
}

/* A bridge's options and what a new bridge has */
static const struct { enum w_bropt key; uint32_t dflt; } br_dflt[] = {
	{ W_BR_FORWARD_DELAY, 1500 }, { W_BR_HELLO_TIME, 200 },
	{ W_BR_MAX_AGE, 2000 }, { W_BR_AGEING_TIME, 30000 },
	{ W_BR_STP_STATE, 0 }, { W_BR_PRIORITY, 32768 },
	{ W_BR_VLAN_FILTERING, 0 }, { W_BR_VLAN_PROTOCOL, 0x8100 },
	{ W_BR_VLAN_DEFAULT_PVID, 1 }, { W_BR_MCAST_SNOOPING, 1 },
};
#define N_BR_DFLT (sizeof br_dflt / sizeof *br_dflt)

/* the options a new bridge does not have, as words */
static void bridge_opts(struct saver *s, const struct w_link *l)
{
	for (size_t i = 0; i < N_BR_DFLT; i++) {
		const struct fmt_bropt *b = fmt_bropt_at(br_dflt[i].key);
		uint32_t v;
		char buf[32];

		if (w_bropt_get(l->info_data, l->info_data_len, br_dflt[i].key,
		                &v) < 0 || v == br_dflt[i].dflt)
			continue;
		word(s, b->word);
		word(s, fmt_bropt_value(br_dflt[i].key, v, buf, sizeof buf));
	}
}

/* A port's options that are the port's to set (its state is the
 * bridge's STP's: not kept) */
static const struct { enum w_bropt key; uint32_t dflt; } port_dflt[] = {
	{ W_BRPORT_PRIORITY, 32 }, { W_BRPORT_COST, 0 },
	{ W_BRPORT_HAIRPIN, 0 }, { W_BRPORT_LEARNING, 1 },
	{ W_BRPORT_FLOOD, 1 }, { W_BRPORT_ISOLATED, 0 },
};
#define N_PORT_DFLT (sizeof port_dflt / sizeof *port_dflt)

/* "link set dev NAME" in s->b */
static void set_head(struct saver *s, const struct w_link *l)
{
	word(s, "link");
	word(s, "set");
	word(s, "dev");
	word(s, l->name);
}

/* Each option of a bridge (br NULL) or of a port of bridge br a setting
 * of its own, so that diff changes only those that differ (a kernel may
 * lack one: vlan_filtering).  A bridge is made with its options (link
 * add): those settings are for diff alone. */
static void bropt_settings(struct saver *s, const struct w_link *l,
                           const struct w_link *br)
{
	struct sbuf key = SBUF_INIT;
	size_t n = br ? N_PORT_DFLT : N_BR_DFLT;

	for (size_t i = 0; i < n; i++) {
		enum w_bropt k = br ? port_dflt[i].key : br_dflt[i].key;
		uint32_t dv = br ? port_dflt[i].dflt : br_dflt[i].dflt, v;

		/* a port's cost follows its speed: a veth's 10 Gb/s is 2,
		 * a speed the kernel cannot tell 100 */
		if (k == W_BRPORT_COST)
			dv = !strcmp(l->kind, "veth") ? 2 : 100;
		const struct fmt_bropt *b = fmt_bropt_at(k);
		char buf[32];
		struct titem *it;

		if (w_bropt_get(br ? l->slave_data : l->info_data,
		                br ? l->slave_data_len : l->info_data_len, k,
		                &v) < 0)
			continue;
		set_head(s, l);
		word(s, "type");
		word(s, br ? "bridge_slave" : "bridge");
		word(s, b->word);
		word(s, fmt_bropt_value(k, v, buf, sizeof buf));
		sbuf_reset(&key);
		sbuf_printf(&key, "link %s %s %s", l->name, br ? "port" : "bridge",
		            b->word);
		it = item(s, set_phase(l), TI_SETTING |
		          (!br || v == dv ? TI_HIDDEN : 0), sbuf_str(&key),
		          NULL, NULL);
		if (it) {
			titem_dep(it, 0, s->nsname, l->name);
			if (br)
				titem_dep(it, 1, s->nsname, br->name);
		}
	}
	sbuf_free(&key);
}

/* The command that makes l, in s->b; false (and l left out) when nsviz
 * cannot make it. */
static bool link_create(struct saver *s, const struct w_link *l,
                        enum ti_phase *ph, const struct w_link **lower)
{
	const uint8_t *d = l->info_data;
	size_t dl = l->info_data_len;

	*ph = TP_LINK;
	*lower = NULL;
	if (!strcmp(l->kind, "bridge") || !strcmp(l->kind, "dummy")) {
		word(s, "link");
		word(s, "add");
		word(s, l->name);
		word(s, "type");
		word(s, l->kind);
		if (!strcmp(l->kind, "bridge"))
			bridge_opts(s, l);
		return true;
	}
	if (!stacked_kind(l->kind)) {
		if (!l->kind[0] && s->ns->kind == W_NS_HOST)
			leave_link(s, l, "a physical interface (or one nsviz "
			           "cannot make)");
		else
			leave_link(s, l, "nsviz cannot make links of %s",
			           l->kind[0] ? l->kind : "this kind");
		return false;
	}
	*ph = TP_LINK_STACKED;
	if (!strcmp(l->kind, "vxlan")) {
		uint32_t id, link = 0;
		uint16_t port;
		uint8_t ttl;
		const void *a;
		size_t alen;

		if (!w_attr_u32(d, dl, IFLA_VXLAN_ID, &id)) {
			leave_link(s, l, "the kernel did not say its VXLAN id");
			return false;
		}
		word(s, "link");
		word(s, "add");
		word(s, l->name);
		word(s, "type");
		word(s, "vxlan");
		word(s, "id");
		wordf(s, "%u", id);
		for (int six = 0; six < 2; six++) {
			struct w_ip ip = { 0 };

			a = w_attr_find(d, dl, six ? IFLA_VXLAN_GROUP6
			                           : IFLA_VXLAN_GROUP, &alen);
			if (a && alen == (six ? 16u : 4u)) {
				ip.family = six ? AF_INET6 : AF_INET;
				memcpy(ip.a, a, alen);
				word(s, (six ? ip.a[0] == 0xff
				             : (ip.a[0] & 0xf0) == 0xe0)
				     ? "group" : "remote");
				word_ip(s, &ip);
			}
			a = w_attr_find(d, dl, six ? IFLA_VXLAN_LOCAL6
			                           : IFLA_VXLAN_LOCAL, &alen);
			if (a && alen == (six ? 16u : 4u)) {
				ip.family = six ? AF_INET6 : AF_INET;
				memcpy(ip.a, a, alen);
				word(s, "local");
				word_ip(s, &ip);
			}
		}
		if (w_attr_u32(d, dl, IFLA_VXLAN_LINK, &link) && link) {
			const struct w_link *lo =
				world_find_link_index(s->ns, (int)link);

			if (!lo || is_gone(s, lo->ifindex)) {
				sbuf_reset(&s->b);
				leave_link(s, l, "its device is not saved");
				return false;
			}
			word(s, "dev");
			word(s, lo->name);
			*lower = lo;
		}
		if (w_attr_u8(d, dl, IFLA_VXLAN_TTL, &ttl) && ttl) {
			word(s, "ttl");
			wordf(s, "%u", ttl);
		}
		if (w_attr_u16(d, dl, IFLA_VXLAN_PORT, &port)) {
			word(s, "dstport");
			wordf(s, "%u", ntohs(port));
		}
		return true;
	}
	*lower = lower_of(s, l);
	if (!*lower || is_gone(s, (*lower)->ifindex)) {
		leave_link(s, l, l->has_link_netnsid
		           ? "its lower device is in another namespace"
		           : "its lower device is not saved");
		return false;
	}
	word(s, "link");
	word(s, "add");
	word(s, "link");
	word(s, (*lower)->name);
	word(s, "name");
	word(s, l->name);
	word(s, "type");
	word(s, l->kind);
	if (!strcmp(l->kind, "vlan")) {
		uint16_t id, proto = 0;

		if (!w_attr_u16(d, dl, IFLA_VLAN_ID, &id)) {
			sbuf_reset(&s->b);
			leave_link(s, l, "the kernel did not say its VLAN id");
			return false;
		}
		word(s, "id");
		wordf(s, "%u", id);
		if (w_attr_u16(d, dl, IFLA_VLAN_PROTOCOL, &proto) &&
		    ntohs(proto) == 0x88a8) {
			word(s, "protocol");
			word(s, "802.1ad");
		}
	} else if (!strcmp(l->kind, "macvlan")) {
		uint32_t m;

		if (w_attr_u32(d, dl, IFLA_MACVLAN_MODE, &m) && macvlan_mode(m)) {
			word(s, "mode");
			word(s, macvlan_mode(m));
		}
	} else if (!strcmp(l->kind, "ipvlan")) {
		uint16_t m;

		if (w_attr_u16(d, dl, IFLA_IPVLAN_MODE, &m) && m <= 2) {
			word(s, "mode");
			word(s, m == 0 ? "l2" : m == 1 ? "l3" : "l3s");
		}
	}
	return true;
}

/* The mtu a new link of l's kind gets. */
static unsigned default_mtu(const struct saver *s, const struct w_link *l,
                            const struct w_link *lower)
{
	if (!strcmp(l->name, "lo") && l->arptype == 772 /* ARPHRD_LOOPBACK */)
		return 65536;
	if (!strcmp(l->kind, "vxlan"))
		return lower ? lower->mtu - 50 : 1500;
	if (lower)
		return lower->mtu;
	if (!strcmp(l->kind, "bridge")) {
		/* a bridge follows its ports' smallest mtu */
		unsigned m = 0;

		for (size_t i = 0; i < s->ns->nlinks; i++) {
			const struct w_link *p = &s->ns->links[i];

			if (p->master == l->ifindex && (!m || p->mtu < m))
				m = p->mtu;
		}
		return m ? m : 1500;
	}
	return 1500;
}

/* One setting of l in phase ph: key "link L WHAT", the command `link set
 * dev L WORDS...` (NULL-terminated); flags: TI_HIDDEN when at its
 * default, TI_DERIVED.  The item, or NULL when left out. */
static struct titem *setting(struct saver *s, const struct w_link *l,
                             enum ti_phase ph, unsigned flags,
                             const char *what, ...)
{
	struct sbuf key = SBUF_INIT;
	struct titem *it;
	va_list ap;
	const char *w;

	set_head(s, l);
	va_start(ap, what);
	while ((w = va_arg(ap, const char *)))
		word(s, w);
	va_end(ap);
	sbuf_printf(&key, "link %s %s", l->name, what);
	it = item(s, ph, TI_SETTING | flags, sbuf_str(&key), NULL, NULL);
	if (it)
		titem_dep(it, 0, s->nsname, l->name);
	sbuf_free(&key);
	return it;
}

/* txqueuelen, promisc, arp, and the alias when there is one (a link
 * made has none: one there is set, none there is not compared) */
static void other_settings(struct saver *s, const struct w_link *l)
{
	enum ti_phase ph = set_phase(l);
	char q[16];

	/* what nsviz's link set does not take, said (lo has no multicast
	 * of its own) */
	bool mc_off = !(l->flags & IFF_MULTICAST) && l->arptype != 772;

	if (l->group || mc_off || (l->flags & IFF_ALLMULTI)) {
		struct sbuf q2 = SBUF_INIT, what = SBUF_INIT;

		cmd_quote_word(&q2, l->name);
		if (l->group)
			sbuf_printf(&what, ", group %d", (int)l->group);
		if (mc_off)
			sbuf_add(&what, ", multicast off");
		if (l->flags & IFF_ALLMULTI)
			sbuf_add(&what, ", allmulticast on");
		tilist_leave(s->out, "%s in %s: %s: not saved (nsviz's link set "
		             "does not take it)", sbuf_str(&q2), label(s),
		             sbuf_str(&what) + 2);
		sbuf_free(&q2);
		sbuf_free(&what);
	}

	if (l->txqlen >= 0) {
		snprintf(q, sizeof q, "%d", (int)l->txqlen);
		setting(s, l, ph, l->txqlen == 1000 ? TI_HIDDEN : 0,
		        "txqueuelen", "txqueuelen", q, (const char *)NULL);
	}
	setting(s, l, ph, l->flags & IFF_PROMISC ? 0 : TI_HIDDEN, "promisc",
	        "promisc", l->flags & IFF_PROMISC ? "on" : "off",
	        (const char *)NULL);
	setting(s, l, ph, l->flags & IFF_NOARP ? 0 : TI_HIDDEN, "arp", "arp",
	        l->flags & IFF_NOARP ? "off" : "on", (const char *)NULL);
	if (l->ifalias && l->ifalias[0])
		setting(s, l, ph, 0, "alias", "alias", l->ifalias,
		        (const char *)NULL);
}

/* The settings of a link that is saved: mtu, master, admin state. */
static void link_settings(struct saver *s, const struct w_link *l,
                          const struct w_link *lower)
{
	enum ti_phase ph = set_phase(l);
	const struct w_link *m = l->master
		? world_find_link_index(s->ns, l->master) : NULL;
	bool dflt = l->mtu == default_mtu(s, l, lower);
	bool up = l->flags & IFF_UP;
	struct titem *it;
	char v[64];

	if (m && is_gone(s, m->ifindex))
		m = NULL;
	/* a bridge's mtu follows its ports' */
	snprintf(v, sizeof v, "%u", l->mtu);
	setting(s, l, ph, (dflt ? TI_HIDDEN : 0) |
	        (dflt && !strcmp(l->kind, "bridge") ? TI_DERIVED : 0),
	        "mtu", "mtu", v, (const char *)NULL);
	if (!strcmp(l->kind, "bridge"))
		bropt_settings(s, l, NULL);
	/* a MAC address set by hand; the kernel's own are new ones on every
	 * machine and are not compared */
	if (s->o->mac_set && l->addr_len == 6 &&
	    s->o->mac_set(s->o->ctx, s->ns, l->name))
		setting(s, l, ph, 0, "address", "address",
		        fmt_mac(l->addr, l->addr_len, v, sizeof v),
		        (const char *)NULL);
	it = setting(s, l, ph, m ? 0 : TI_HIDDEN, "master",
	             m ? "master" : "nomaster", m ? m->name : NULL,
	             (const char *)NULL);
	if (it && m)
		titem_dep(it, 1, s->nsname, m->name);
	if (m && !strcmp(m->kind, "bridge"))
		bropt_settings(s, l, m);
	other_settings(s, l);
	/* links start down; the host's lo is up wherever nsviz runs (and in
	 * its sandbox) */
	dflt = s->ns->kind == W_NS_HOST && l->arptype == 772 &&
	       !strcmp(l->name, "lo");
	setting(s, l, TP_UP, up == dflt ? TI_HIDDEN : 0, "up",
	        up ? "up" : "down", (const char *)NULL);
}

/* A veth end: made with its peer by the end that comes first (host
 * first, then namespaces by name; in one namespace, by name); the other
 * end is a claim on it. */
static bool save_veth(struct saver *s, const struct w_link *l)
{
	const struct w_ns *pns = l->peer_ns_id >= 0
		? world_find_ns_id(s->w, l->peer_ns_id) : NULL;
	const struct w_link *p = pns && l->peer_name[0]
		? world_find_link(pns, l->peer_name) : NULL;
	const char *pname;
	bool first;
	struct sbuf key = SBUF_INIT, del = SBUF_INIT;
	struct titem *it;

	if (!p) {
		leave_link(s, l, "its peer is not known");
		return false;
	}
	pname = ns_save_name(pns);
	if (!pname || !in_scope(s->o, pns)) {
		leave_link(s, l, "its peer %s is in %s, which is not saved",
		           p->name, pname ? (pname[0] ? pname : "the host")
		                          : "an unnamed namespace");
		return false;
	}
	first = pns == s->ns ? strcmp(l->name, p->name) < 0
	                     : ns_order(s->ns, pns) < 0;
	/* the pair, the same words on both ends */
	word(s, "link");
	word(s, "add");
	word(s, first ? l->name : p->name);
	word(s, "type");
	word(s, "veth");
	word(s, "peer");
	word(s, "name");
	word(s, first ? p->name : l->name);
	if (pns != s->ns) {
		const char *far = first ? pname : s->nsname;

		if (!far[0]) {
			/* made from the host's side always: the host has no
			 * name to give `netns` */
			sbuf_reset(&s->b);
			leave_link(s, l, "internal: a pair made from its far side");
			return false;
		}
		word(s, "netns");
		word(s, far);
	}
	sbuf_printf(&key, "link %s", l->name);
	/* either end deletes the pair */
	cmd_quote_word(&del, "link");
	cmd_quote_word(&del, "del");
	cmd_quote_word(&del, "dev");
	cmd_quote_word(&del, l->name);
	it = item(s, TP_LINK, first ? 0 : TI_CLAIM, sbuf_str(&key), NULL,
	          sbuf_str(&del));
	if (it) {
		it->link = xstrdup(l->name);
		if (!first)
			titem_dep(it, 0, pname, p->name);
	}
	sbuf_free(&key);
	sbuf_free(&del);
	return it != NULL;
}

static void save_link(struct saver *s, const struct w_link *l)
{
	struct sbuf key = SBUF_INIT, del = SBUF_INIT;
	const struct w_link *lower = NULL;
	enum ti_phase ph;
	struct titem *it;

	sbuf_printf(&key, "link %s", l->name);
	if (l->arptype == 772 && !strcmp(l->name, "lo")) {
		it = tilist_add(s->out, TP_LINK, TI_BUILTIN, s->nsname,
		                sbuf_str(&key), "", NULL, NULL);
		it->link = xstrdup(l->name);
	} else if (!strcmp(l->kind, "veth")) {
		if (!save_veth(s, l))
			goto out;
	} else {
		if (!link_create(s, l, &ph, &lower))
			goto out;
		cmd_quote_word(&del, "link");
		cmd_quote_word(&del, "del");
		cmd_quote_word(&del, "dev");
		cmd_quote_word(&del, l->name);
		it = item(s, ph, 0, sbuf_str(&key), NULL, sbuf_str(&del));
		if (!it) {
			xgrow((void **)&s->gone, &s->capgone, s->ngone + 1,
			      sizeof *s->gone);
			s->gone[s->ngone++] = l->ifindex;
			goto out;
		}
		it->link = xstrdup(l->name);
		if (lower)
			titem_dep(it, 0, s->nsname, lower->name);
		if (!strcmp(l->kind, "bridge")) {
			struct sbuf c = SBUF_INIT;

			sbuf_add(&c, "link add");
			cmd_quote_word(&c, l->name);
			sbuf_add(&c, " type bridge");
			it->cmp = xstrdup(sbuf_str(&c));
			sbuf_free(&c);
		}
	}
	link_settings(s, l, lower);
out:
	sbuf_free(&key);
	sbuf_free(&del);
}

/* ---- addresses -------------------------------------------------------- */

static void left_ip(struct saver *s, const struct w_ip *ip)
{
	xgrow((void **)&s->left_ips, &s->capleft_ips, s->nleft_ips + 1,
	      sizeof *s->left_ips);
	s->left_ips[s->nleft_ips++] = *ip;
}

static bool is_left_ip(const struct saver *s, const struct w_ip *ip)
{
	for (size_t i = 0; i < s->nleft_ips; i++)
		if (w_ip_eq(&s->left_ips[i], ip))
			return true;
	return false;
}

static bool kernels_addr(const struct w_link *l, const struct w_addr *a)
{
	if (a->family == AF_INET6) {
		if (w_ip_link_local(&a->local) && a->prefixlen == 64)
			return true;            /* made when the link came up */
		if (!(a->flags & IFA_F_PERMANENT))
			return true;            /* SLAAC, temporary */
	}
	if (l->arptype == 772 && a->scope == RT_SCOPE_HOST &&
	    ((a->family == AF_INET && a->local.a[0] == 127 &&
	      a->prefixlen == 8) ||
	     (a->family == AF_INET6 && a->prefixlen == 128)))
		return true;                    /* lo's own */
	return false;
}

static void save_addr(struct saver *s, const struct w_addr *a)
{
	const struct w_link *l = world_find_link_index(s->ns, a->ifindex);
	struct sbuf key = SBUF_INIT, del = SBUF_INIT, tmp = SBUF_INIT;
	char buf[64], sc[32];
	struct titem *it;

	if (!l || kernels_addr(l, a))
		return;
	if (is_gone(s, l->ifindex)) {
		left_ip(s, &a->local);
		return;
	}
	/* the address, and what tells it from others of the same prefix */
	word(s, "addr");
	word(s, "add");
	word_prefix(s, &a->local, a->prefixlen);
	if (a->peer.family) {
		word(s, "peer");
		word_prefix(s, &a->peer, a->prefixlen);
	}
	sbuf_add(&del, sbuf_str(&s->b));
	if (a->brd.family) {
		word(s, "brd");
		word_ip(s, &a->brd);
	}
	if (a->scope != RT_SCOPE_UNIVERSE) {
		word(s, "scope");
		word(s, fmt_scope_name(a->scope, sc, sizeof sc));
	}
	if (a->family == AF_INET && a->label[0] && strcmp(a->label, l->name)) {
		word(s, "label");
		word(s, a->label);
	}
	if (a->has_metric && a->metric) {
		word(s, "metric");
		wordf(s, "%u", a->metric);
	}
	if (a->flags & IFA_F_NOPREFIXROUTE)
		word(s, "noprefixroute");
	if (a->flags & IFA_F_NODAD)
		word(s, "nodad");
	if (a->flags & IFA_F_HOMEADDRESS)
		word(s, "home");
	if (a->flags & IFA_F_MANAGETEMPADDR)
		word(s, "mngtmpaddr");
	word(s, "dev");
	word(s, l->name);
	/* del: "addr add X" -> "addr del X dev L" */
	{
		const char *d = sbuf_str(&del);
		const char *add = strstr(d, " add ");

		sbuf_addn(&tmp, d, (size_t)(add - d));
		sbuf_add(&tmp, " del ");
		sbuf_add(&tmp, add + 5);
		cmd_quote_word(&tmp, "dev");
		cmd_quote_word(&tmp, l->name);
	}
	sbuf_printf(&key, "addr %s/%d", w_ip_str(&a->local, buf, sizeof buf),
	            a->prefixlen);
	if (a->peer.family)
		sbuf_printf(&key, " peer %s", w_ip_str(&a->peer, buf, sizeof buf));
	sbuf_printf(&key, " dev %s", l->name);
	it = item(s, TP_ADDR, 0, sbuf_str(&key), NULL, sbuf_str(&tmp));
	if (it)
		titem_dep(it, 0, s->nsname, l->name);
	else
		left_ip(s, &a->local);
	sbuf_free(&key);
	sbuf_free(&del);
	sbuf_free(&tmp);
}

/* ---- routes ------------------------------------------------------------ */

static bool route_dev_ok(struct saver *s, int ifindex, const char **name)
{
	const struct w_link *l;

	*name = NULL;
	if (!ifindex)
		return true;
	l = world_find_link_index(s->ns, ifindex);
	if (!l || is_gone(s, ifindex))
		return false;
	*name = l->name;
	return true;
}

static void save_route(struct saver *s, const struct w_route *r)
{
	struct sbuf key = SBUF_INIT, words = SBUF_INIT, add = SBUF_INIT,
	            rep = SBUF_INIT, del = SBUF_INIT;
	const char *dev = NULL, *devs[W_MAX_NEXTHOPS];
	char buf[64], tb[32];
	struct titem *it;
	int scope_inferred;

	if (r->protocol == RTPROT_KERNEL || r->protocol == RTPROT_RA ||
	    r->protocol == RTPROT_REDIRECT || (r->flags & RTM_F_CLONED))
		return;
	if (r->family != AF_INET && r->family != AF_INET6)
		return;
	if (!route_dev_ok(s, r->oif, &dev))
		return;
	if (r->prefsrc.family && is_left_ip(s, &r->prefsrc)) {
		char b1[64], b2[64];

		tilist_leave(s->out, "the route to %s/%d in %s: its src %s is "
		             "an address that is not saved",
		             w_ip_str(&r->dst, b1, sizeof b1), r->dst_len,
		             label(s), w_ip_str(&r->prefsrc, b2, sizeof b2));
		return;
	}
	for (int i = 0; i < r->nnexthops; i++)
		if (!route_dev_ok(s, r->nh[i].ifindex, &devs[i]))
			return;
	/* the route's selector: what tells it from others (ip's key) */
	if (r->type != RTN_UNICAST) {
		char t[32];

		word(s, fmt_rtype_name(r->type, t, sizeof t));
	}
	if (r->dst_len == 0)
		word(s, "default");
	else
		word_prefix(s, &r->dst, r->dst_len);
	if (r->tos) {
		word(s, "tos");
		wordf(s, "0x%x", r->tos);
	}
	if (r->has_priority) {
		word(s, "metric");
		wordf(s, "%u", r->priority);
	}
	if (r->table != RT_TABLE_MAIN) {
		word(s, "table");
		word(s, fmt_table_name(r->table, tb, sizeof tb));
	}
	sbuf_add(&words, sbuf_str(&s->b));
	sbuf_reset(&s->b);
	/* the rest */
	if (r->gw.family) {
		word(s, "via");
		if (r->gw.family != r->family)
			word(s, r->gw.family == AF_INET6 ? "inet6" : "inet");
		word_ip(s, &r->gw);
	}
	if (dev) {
		word(s, "dev");
		word(s, dev);
	}
	if (r->protocol != RTPROT_BOOT) {
		char p[32];

		word(s, "proto");
		word(s, fmt_proto_name(r->protocol, p, sizeof p));
	}
	scope_inferred = r->type == RTN_LOCAL || r->type == RTN_NAT
		? RT_SCOPE_HOST
		: r->type == RTN_BROADCAST || r->type == RTN_MULTICAST ||
		  r->type == RTN_ANYCAST ? RT_SCOPE_LINK
		: r->type == RTN_UNICAST && !r->gw.family && !r->nnexthops
		  ? RT_SCOPE_LINK : RT_SCOPE_UNIVERSE;
	if (r->family == AF_INET && r->scope != scope_inferred) {
		char sc[32];

		word(s, "scope");
		word(s, fmt_scope_name(r->scope, sc, sizeof sc));
	}
	if (r->prefsrc.family) {
		word(s, "src");
		word_ip(s, &r->prefsrc);
	}
	if (r->mtu) {
		word(s, "mtu");
		wordf(s, "%u", r->mtu);
	}
	if (r->family == AF_INET6 && r->has_pref && r->pref != 0 /* medium */) {
		word(s, "pref");
		word(s, r->pref == 1 ? "high" : "low");
	}
	if (r->flags & RTNH_F_ONLINK)
		word(s, "onlink");
	for (int i = 0; i < r->nnexthops; i++) {
		const struct w_nexthop *h = &r->nh[i];

		word(s, "nexthop");
		if (h->gw.family) {
			word(s, "via");
			if (h->gw.family != r->family)
				word(s, h->gw.family == AF_INET6 ? "inet6" : "inet");
			word_ip(s, &h->gw);
		}
		if (devs[i]) {
			word(s, "dev");
			word(s, devs[i]);
		}
		if (h->weight > 1) {
			word(s, "weight");
			wordf(s, "%d", h->weight);
		}
		if (h->flags & RTNH_F_ONLINK)
			word(s, "onlink");
	}
	{
		const char *fam = r->family == AF_INET6 ? "-6 " : "";
		const char *rest = sbuf_str(&s->b);

		sbuf_printf(&add, "%sroute add %s %s", fam, sbuf_str(&words),
		            rest);
		sbuf_printf(&rep, "%sroute replace %s %s", fam,
		            sbuf_str(&words), rest);
		sbuf_printf(&del, "%sroute del %s", fam, sbuf_str(&words));
		sbuf_reset(&s->b);
		sbuf_add(&s->b, sbuf_str(&add));
	}
	sbuf_printf(&key, "route %s %s/%d table %d tos %d metric %u",
	            r->family == AF_INET6 ? "inet6" : "inet",
	            r->dst.family ? w_ip_str(&r->dst, buf, sizeof buf) : "default",
	            r->dst_len, r->table, r->tos,
	            r->has_priority ? r->priority : 0);
	if (r->family == AF_INET6 && r->src.family)
		sbuf_printf(&key, " from %s/%d",
		            w_ip_str(&r->src, buf, sizeof buf), r->src_len);
	it = item(s, TP_ROUTE, 0, sbuf_str(&key), sbuf_str(&rep),
	          sbuf_str(&del));
	if (it && dev)
		titem_dep(it, 0, s->nsname, dev);
	if (it && !dev && r->nnexthops && devs[0])
		titem_dep(it, 0, s->nsname, devs[0]);
	sbuf_free(&key);
	sbuf_free(&words);
	sbuf_free(&add);
	sbuf_free(&rep);
	sbuf_free(&del);
}

/* ---- rules --------------------------------------------------------------- */

static bool default_rule(const struct w_rule *r)
{
	bool plain = !r->src.family && !r->dst.family && !r->iifname[0] &&
	             !r->oifname[0] && !r->has_fwmark && !r->tos &&
	             r->action == FR_ACT_TO_TBL && !(r->flags & FIB_RULE_INVERT);

	if (r->has_protocol)
		return r->protocol == RTPROT_KERNEL;
	return plain && r->has_priority &&
	       ((r->priority == 0 && r->table == RT_TABLE_LOCAL) ||
	        (r->priority == 32766 && r->table == RT_TABLE_MAIN) ||
	        (r->priority == 32767 && r->table == RT_TABLE_DEFAULT));
}

static void save_rule(struct saver *s, const struct w_rule *r)
{
	struct sbuf key = SBUF_INIT, del = SBUF_INIT;
	char tb[32];
	const char *sel;
	struct titem *it;

	if (default_rule(r))
		return;
	if (r->family == AF_INET6)
		word(s, "-6");
	word(s, "rule");
	word(s, "add");
	if (r->flags & FIB_RULE_INVERT)
		word(s, "not");
	if (r->src.family) {
		word(s, "from");
		word_prefix(s, &r->src, r->src_len);
	}
	if (r->dst.family) {
		word(s, "to");
		word_prefix(s, &r->dst, r->dst_len);
	}
	if (r->tos) {
		word(s, "tos");
		wordf(s, "0x%x", r->tos);
	}
	if (r->has_fwmark || r->has_fwmask) {
		word(s, "fwmark");
		if (r->has_fwmask && r->fwmask != 0xffffffffu)
			wordf(s, "0x%x/0x%x", r->fwmark, r->fwmask);
		else
			wordf(s, "0x%x", r->fwmark);
	}
	if (r->iifname[0]) {
		word(s, "iif");
		word(s, r->iifname);
	}
	if (r->oifname[0]) {
		word(s, "oif");
		word(s, r->oifname);
	}
	if (r->ipproto) {
		word(s, "ipproto");
		wordf(s, "%d", r->ipproto);
	}
	if (r->has_sport) {
		word(s, "sport");
		if (r->sport_start == r->sport_end)
			wordf(s, "%u", r->sport_start);
		else
			wordf(s, "%u-%u", r->sport_start, r->sport_end);
	}
	if (r->has_dport) {
		word(s, "dport");
		if (r->dport_start == r->dport_end)
			wordf(s, "%u", r->dport_start);
		else
			wordf(s, "%u-%u", r->dport_start, r->dport_end);
	}
	if (r->has_uid_range) {
		word(s, "uidrange");
		wordf(s, "%u-%u", r->uid_start, r->uid_end);
	}
	if (r->has_priority) {
		word(s, "pref");
		wordf(s, "%u", r->priority);
	}
	/* a rule's protocol is unspec unless one is given */
	if (r->has_protocol && r->protocol != RTPROT_UNSPEC) {
		char p[32];

		word(s, "proto");
		word(s, fmt_proto_name(r->protocol, p, sizeof p));
	}
	switch (r->action) {
	case FR_ACT_TO_TBL:
		word(s, "lookup");
		word(s, fmt_table_name((int)r->table, tb, sizeof tb));
		break;
	case FR_ACT_GOTO:
		word(s, "goto");
		wordf(s, "%u", r->goto_target);
		break;
	case FR_ACT_NOP:
		word(s, "nop");
		break;
	case FR_ACT_BLACKHOLE:
		word(s, "blackhole");
		break;
	case FR_ACT_UNREACHABLE:
		word(s, "unreachable");
		break;
	case FR_ACT_PROHIBIT:
		word(s, "prohibit");
		break;
	default:
		tilist_leave(s->out, "a rule in %s: action %d is not one nsviz "
		             "writes", label(s), r->action);
		sbuf_reset(&s->b);
		return;
	}
	if (r->has_suppress_prefixlen && r->suppress_prefixlen >= 0) {
		word(s, "suppress_prefixlength");
		wordf(s, "%d", r->suppress_prefixlen);
	}
	if (r->has_suppress_ifgroup && r->suppress_ifgroup >= 0) {
		word(s, "suppress_ifgroup");
		wordf(s, "%d", r->suppress_ifgroup);
	}
	/* a rule is all of it: its key is its words */
	sel = strstr(sbuf_str(&s->b), " add ");
	sbuf_printf(&key, "rule %s", sel ? sel + 5 : sbuf_str(&s->b));
	sbuf_addn(&del, sbuf_str(&s->b), (size_t)(sel - sbuf_str(&s->b)));
	sbuf_add(&del, " del ");
	sbuf_add(&del, sel + 5);
	it = item(s, TP_RULE, 0, sbuf_str(&key), NULL, sbuf_str(&del));
	(void)it;
	sbuf_free(&key);
	sbuf_free(&del);
}

/* ---- nftables ------------------------------------------------------------ */

/* Each table whole: made by one nft command, deleted by another; a table
 * that differs is replaced in one nft transaction (delete it and make it
 * again in the same command: never half of it). */
static void save_nft(struct saver *s, const struct w_ns *ns)
{
	const struct topo_nft_table *v;
	size_t n;

	if (!s->o->nft_tables)
		return;
	n = s->o->nft_tables(s->o->ctx, ns, &v);
	for (size_t i = 0; i < n; i++) {
		struct sbuf key = SBUF_INIT, del = SBUF_INIT, repl = SBUF_INIT;
		struct sbuf both = SBUF_INIT;

		sbuf_add(&s->b, "nft");
		cmd_quote_word(&s->b, v[i].text);
		sbuf_printf(&key, "nft table %s %s", v[i].family, v[i].name);
		sbuf_add(&del, "nft delete table");
		cmd_quote_word(&del, v[i].family);
		cmd_quote_word(&del, v[i].name);
		sbuf_printf(&both, "delete table %s %s; %s", v[i].family,
		            v[i].name, v[i].text);
		sbuf_add(&repl, "nft");
		cmd_quote_word(&repl, sbuf_str(&both));
		item(s, TP_NFT, 0, sbuf_str(&key), sbuf_str(&repl),
		     sbuf_str(&del));
		sbuf_free(&key);
		sbuf_free(&del);
		sbuf_free(&repl);
		sbuf_free(&both);
	}
}

/* ---- tc ------------------------------------------------------------------ */

static void leave_tc(struct saver *s, const struct w_link *l,
                     const struct topo_tc *t, const char *why)
{
	struct sbuf q = SBUF_INIT;
	char h[32];

	cmd_quote_word(&q, l->name);
	tc_classid_str(t->handle, h, sizeof h);
	tilist_leave(s->out, "tc %s %s %s on %s in %s: %s",
	             t->is_class ? "class" : "qdisc", t->kind, h, sbuf_str(&q),
	             label(s), why);
	sbuf_free(&q);
}

/* One qdisc or class of l: its item (NULL when it is left out).  A class
 * is changed in place when it differs (tc class change takes the whole
 * of its options); a root qdisc is deleted and made again, with its
 * classes (tc qdisc replace would change netem in place keeping what its
 * words leave out, and cannot change htb). */
static struct titem *tc_item(struct saver *s, const struct w_link *l,
                             const struct topo_tc *t, uint32_t r2q,
                             struct tc_opts *o)
{
	const struct tc_clock *clk = s->o->tc_clock;
	struct sbuf key = SBUF_INIT, del = SBUF_INIT, repl = SBUF_INIT;
	struct titem *it = NULL;
	char err[300], h[32];

	if (topo_tc_decode(t, clk, r2q, o, err, sizeof err) < 0) {
		leave_tc(s, l, t, err);
		return NULL;
	}
	topo_tc_command(t, "add", l->name, o, &s->b);
	topo_tc_command(t, "del", l->name, NULL, &del);
	tc_classid_str(t->handle, h, sizeof h);
	if (t->is_class) {
		topo_tc_command(t, "change", l->name, o, &repl);
		sbuf_printf(&key, "tc class %s %s", l->name, h);
	} else {
		sbuf_printf(&key, "tc qdisc %s", l->name);
	}
	it = item(s, t->is_class ? TP_TC_CLASS : TP_TC_QDISC, 0,
	          sbuf_str(&key), t->is_class ? sbuf_str(&repl) : NULL,
	          sbuf_str(&del));
	sbuf_free(&key);
	sbuf_free(&del);
	sbuf_free(&repl);
	return it;
}

/* The classes of the htb qdisc q on l, each after its parent */
static void save_tc_classes(struct saver *s, const struct w_link *l,
                            const struct topo_tc *q, uint32_t r2q,
                            const struct topo_tc *v, size_t n,
                            const char *qkey)
{
	bool *done = xcalloc(n + 1, sizeof *done);
	bool more = true;

	while (more) {
		more = false;
		for (size_t i = 0; i < n; i++) {
			const struct topo_tc *t = &v[i];
			bool ready = t->parent == TC_H_ROOT ||
			             t->parent == q->handle;
			struct tc_opts o;
			struct titem *it;

			if (done[i] || !t->is_class || t->ifindex != q->ifindex ||
			    TC_H_MAJ(t->handle) != q->handle ||
			    strcmp(t->kind, q->kind))
				continue;
			for (size_t j = 0; j < n && !ready; j++)
				ready = done[j] && v[j].is_class &&
				        v[j].ifindex == t->ifindex &&
				        v[j].handle == t->parent;
			if (!ready)
				continue;
			done[i] = more = true;
			it = tc_item(s, l, t, r2q, &o);
			if (it)
				titem_dep(it, 0, s->nsname, qkey);
		}
	}
	for (size_t i = 0; i < n; i++)
		if (!done[i] && v[i].is_class && v[i].ifindex == q->ifindex &&
		    TC_H_MAJ(v[i].handle) == q->handle)
			leave_tc(s, l, &v[i], "its parent class is not there");
	free(done);
}

/* The root qdiscs the user made (the kernel's own have handle 0:
 * noqueue, noop, pfifo_fast, mq, fq_codel...) and their htb classes;
 * others are left out, and said so. */
static void save_tc(struct saver *s, const struct w_ns *ns)
{
	const struct topo_tc *v;
	size_t n;

	if (!s->o->tc)
		return;
	n = s->o->tc(s->o->ctx, ns, &v);
	for (size_t i = 0; i < n; i++) {
		const struct topo_tc *t = &v[i];
		const struct w_link *l = world_find_link_index(ns, t->ifindex);
		struct sbuf qkey = SBUF_INIT;
		struct tc_opts o;
		struct titem *it;

		if (t->is_class || !TC_H_MAJ(t->handle) || !l ||
		    is_gone(s, l->ifindex))
			continue;
		if (t->parent == TC_H_INGRESS) {
			leave_tc(s, l, t, "an ingress qdisc (nsviz makes root "
			         "qdiscs only)");
			continue;
		}
		if (t->parent != TC_H_ROOT) {
			leave_tc(s, l, t, "a qdisc under a class (nsviz saves "
			         "root qdiscs and their htb classes)");
			continue;
		}
		if (!(it = tc_item(s, l, t, 0, &o)))
			continue;
		sbuf_printf(&qkey, "tc qdisc %s", l->name);
		titem_dep(it, 0, s->nsname, l->name);
		it->link = xstrdup(sbuf_str(&qkey));
		if (o.kind && o.kind->classful)
			save_tc_classes(s, l, t, o.u.htb.r2q, v, n,
			                sbuf_str(&qkey));
		sbuf_free(&qkey);
	}
}

/* ---- neighbours -------------------------------------------------------- */

static bool users_noarp(const struct w_ns *ns, const struct w_link *l,
                        const struct w_neigh *n)
{
	if ((l->flags & (IFF_NOARP | IFF_LOOPBACK)) || !n->lladdr_len)
		return false;
	if (n->family == AF_INET6)
		return n->dst.a[0] != 0xff;
	if ((n->dst.a[0] & 0xf0) == 0xe0 ||
	    !memcmp(n->dst.a, "\xff\xff\xff\xff", 4))
		return false;
	/* a subnet's broadcast address */
	for (size_t i = 0; i < ns->naddrs; i++) {
		const struct w_addr *a = &ns->addrs[i];
		uint32_t m, x, y;

		if (a->ifindex != l->ifindex || a->family != AF_INET ||
		    a->prefixlen >= 31)
			continue;
		m = a->prefixlen ? ~0u << (32 - a->prefixlen) : 0;
		memcpy(&x, a->local.a, 4);
		memcpy(&y, n->dst.a, 4);
		x = ntohl(x);
		y = ntohl(y);
		if ((x & m) == (y & m) && (y | m) == 0xffffffffu)
			return false;
	}
	return true;
}

static void save_neigh(struct saver *s, const struct w_neigh *n)
{
	const struct w_link *l = world_find_link_index(s->ns, n->ifindex);
	struct sbuf key = SBUF_INIT, rep = SBUF_INIT, del = SBUF_INIT;
	char buf[64], mac[100];
	struct titem *it;
	const char *line;

	if (!(n->state & (NUD_PERMANENT | NUD_NOARP)) ||
	    (n->flags & NTF_PROXY) || !l || is_gone(s, l->ifindex) ||
	    !n->dst.family || (n->family != AF_INET && n->family != AF_INET6))
		return;
	/* the kernel makes noarp entries of its own (multicast, broadcast,
	 * devices without ARP): only a unicast one of a link with ARP is
	 * the user's */
	if ((n->state & NUD_NOARP) && !(n->state & NUD_PERMANENT) &&
	    !users_noarp(s->ns, l, n))
		return;
	word(s, "neigh");
	word(s, "del");
	word_ip(s, &n->dst);
	word(s, "dev");
	word(s, l->name);
	sbuf_add(&del, sbuf_str(&s->b));
	sbuf_reset(&s->b);
	word(s, "neigh");
	word(s, "add");
	word_ip(s, &n->dst);
	if (n->lladdr_len) {
		word(s, "lladdr");
		word(s, fmt_mac(n->lladdr, n->lladdr_len, mac, sizeof mac));
	}
	word(s, "dev");
	word(s, l->name);
	word(s, "nud");
	word(s, n->state & NUD_PERMANENT ? "permanent" : "noarp");
	if (n->flags & NTF_ROUTER)
		word(s, "router");
	line = sbuf_str(&s->b);
	sbuf_add(&rep, "neigh replace");
	sbuf_add(&rep, line + strlen("neigh add"));
	sbuf_printf(&key, "neigh %s dev %s", w_ip_str(&n->dst, buf, sizeof buf),
	            l->name);
	it = item(s, TP_NEIGH, 0, sbuf_str(&key), sbuf_str(&rep),
	          sbuf_str(&del));
	if (it)
		titem_dep(it, 0, s->nsname, l->name);
	sbuf_free(&key);
	sbuf_free(&rep);
	sbuf_free(&del);
}

/* ---- sysctls ------------------------------------------------------------- */

static void save_sysctls(struct saver *s)
{
	const struct topo_sysctl *v = NULL;
	size_t n;
	struct sbuf key = SBUF_INIT;

	if (!s->o->sysctls)
		return;
	n = s->o->sysctls(s->o->ctx, s->ns, &v);
	for (size_t i = 0; i < n; i++) {
		const struct w_link *l = v[i].dev
			? world_find_link(s->ns, v[i].dev) : NULL;
		struct titem *it;

		if (v[i].dev && (!l || is_gone(s, l->ifindex)))
			continue;
		word(s, "sysctl");
		word(s, "-q");
		word(s, "-w");
		wordf(s, "%s=%s", v[i].key, v[i].value);
		sbuf_reset(&key);
		sbuf_printf(&key, "sysctl %s", v[i].key);
		it = item(s, v[i].dev ? TP_SYSCTL_IF : TP_SYSCTL_NS,
		          TI_SETTING | (v[i].at_default ? TI_HIDDEN : 0) |
		          (v[i].at_default && v[i].derived ? TI_DERIVED : 0) |
		          TI_SYSCTL, sbuf_str(&key), NULL,
		          NULL);
		if (it && v[i].dev)
			titem_dep(it, 0, s->nsname, v[i].dev);
	}
	sbuf_free(&key);
}

/* ---- a namespace --------------------------------------------------------- */

static void save_ns(struct saver *s, const struct w_ns *ns)
{
	s->ns = ns;
	s->nsname = ns_save_name(ns);
	s->ngone = 0;
	s->nleft_ips = 0;
	if (ns->unread[0]) {
		tilist_leave(s->out, "%s: cannot be read (%s)", label(s),
		             ns->unread);
		return;
	}
	if (ns->kind == W_NS_NAMED) {
		/* netns add is written as it is: `-n NS netns add NS` would
		 * not be read back */
		struct sbuf line = SBUF_INIT, key = SBUF_INIT, c = SBUF_INIT;
		char err[300];

		cmd_quote_word(&line, "netns");
		cmd_quote_word(&line, "add");
		cmd_quote_word(&line, ns->name);
		if (topo_canon(sbuf_str(&line), &c, err, sizeof err) < 0) {
			/* a name nsviz would not make: nothing in it can be */
			sbuf_reset(&c);
			cmd_quote_word(&c, ns->name);
			tilist_leave(s->out, "the namespace %s: %s", sbuf_str(&c),
			             err);
			sbuf_free(&line);
			sbuf_free(&c);
			return;
		}
		sbuf_printf(&key, "netns %s", ns->name);
		tilist_add(s->out, TP_NETNS, 0, ns->name, sbuf_str(&key),
		           sbuf_str(&c), NULL, NULL);
		sbuf_free(&line);
		sbuf_free(&key);
		sbuf_free(&c);
	}
	for (size_t i = 0; i < ns->nlinks; i++) {
		const struct w_link *l = &ns->links[i];

		/* stacked links after what they stand on: a second pass */
		if (stacked_kind(l->kind))
			continue;
		save_link(s, l);
	}
	for (size_t i = 0; i < ns->nlinks; i++)
		if (stacked_kind(ns->links[i].kind))
			save_link(s, &ns->links[i]);
	save_sysctls(s);
	for (size_t i = 0; i < ns->naddrs; i++)
		save_addr(s, &ns->addrs[i]);
	for (size_t i = 0; i < ns->nneighs; i++)
		save_neigh(s, &ns->neighs[i]);
	{
		/* routes in ip's order: by table, as `ip route show table
		 * all` lists them */
		const struct w_route **rv = xcalloc(ns->nroutes + 1, sizeof *rv);

		for (size_t i = 0; i < ns->nroutes; i++)
			rv[i] = &ns->routes[i];
		qsort(rv, ns->nroutes, sizeof *rv, fmt_route_cmp);
		/* routes through a device first: a gateway must be
		 * reachable when a route names it */
		for (int pass = 0; pass < 2; pass++)
			for (size_t i = 0; i < ns->nroutes; i++)
				if ((rv[i]->gw.family || rv[i]->nnexthops) == pass)
					save_route(s, rv[i]);
		free(rv);
	}
	for (size_t i = 0; i < ns->nrules; i++)
		save_rule(s, &ns->rules[i]);
	save_nft(s, ns);
	save_tc(s, ns);
}

void topo_save(const struct world *w, const struct topo_save_opts *o,
               struct tilist *out)
{
	struct saver s = { .w = w, .o = o, .out = out, .b = SBUF_INIT };
	const struct w_ns **order = xcalloc(w->nns + 1, sizeof *order);
	size_t n = 0;

	for (size_t i = 0; i < w->nns; i++) {
		const struct w_ns *ns = w->ns[i];

		if (!ns_save_name(ns)) {
			char lb[300];

			if (!o->nonly)
				tilist_leave(out, "%s: an unnamed namespace "
				             "(nsviz can only make named ones)",
				             world_ns_label(ns, lb, sizeof lb));
			continue;
		}
		if (in_scope(o, ns))
			order[n++] = ns;
	}
	/* host first, then by name */
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && ns_order(order[j], order[j - 1]) < 0;
		     j--) {
			const struct w_ns *t = order[j];

			order[j] = order[j - 1];
			order[j - 1] = t;
		}
	for (size_t i = 0; i < n; i++)
		save_ns(&s, order[i]);
	free(order);
	free(s.gone);
	free(s.left_ips);
	sbuf_free(&s.b);
	tilist_sort(out);
}
