/* SPDX-License-Identifier: GPL-2.0-or-later */
/* form.c - the forms: defaults, validation as you type, commands. */
#include "ui/form.h"

#include <ctype.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "tc/tc.h"
#include "util/sbuf.h"

static void field(struct form *f, const char *label, enum field_kind kind,
                  bool optional, const char *value)
{
	struct form_field *x = &f->f[f->nfields++];

	memset(x, 0, sizeof *x);
	x->label = label;
	x->kind = kind;
	x->optional = optional;
	snprintf(x->value, sizeof x->value, "%s", value ? value : "");
	x->cursor = (int)strlen(x->value);
}

/* The other end of a veth, where the `i` form's loss rule goes when the
 * kernel has no netem: named when the grammar can address its namespace */
static void impair_peer(struct form *f, const struct world *w,
                        const struct w_link *l)
{
	const struct w_ns *p;

	f->has_peer = false;
	if (!l || !l->peer_name[0] || l->peer_ns_id < 0 ||
	    !(p = world_find_ns_id(w, l->peer_ns_id)) ||
	    p->kind == W_NS_UNNAMED)
		return;
	f->has_peer = true;
	snprintf(f->peer_ns, sizeof f->peer_ns, "%s",
	         p->kind == W_NS_HOST ? "" : p->name);
	snprintf(f->peer_dev, sizeof f->peer_dev, "%s", l->peer_name);
}

static bool name_in_use(const struct world *w, const char *name)
{
	for (size_t i = 0; i < w->nns; i++)
		if (world_find_link(w->ns[i], name))
			return true;
	return false;
}

void form_next_veth(const struct world *w, int from, char *buf, size_t len,
                    int *n_out)
{
	for (int n = from;; n++) {
		snprintf(buf, len, "veth%d", n);
		if (!name_in_use(w, buf)) {
			if (n_out)
				*n_out = n;
			return;
		}
	}
}

static const char *ns_arg(const struct w_ns *ns)
{
	return ns->kind == W_NS_NAMED ? ns->name : "";
}

void form_init(struct form *f, enum form_kind kind, const struct world *w,
               const struct w_ns *ns, const struct w_link *l)
{
	char a[W_IFNAMSIZ], b[W_IFNAMSIZ], buf[32];
	int n;

	memset(f, 0, sizeof *f);
	f->kind = kind;
	snprintf(f->ns, sizeof f->ns, "%s", ns_arg(ns));
	if (l)
		snprintf(f->dev, sizeof f->dev, "%s", l->name);
	switch (kind) {
	case FORM_NETNS:
		snprintf(f->title, sizeof f->title, "New namespace");
		if (!world_find_ns(w, "vnet")) {
			snprintf(buf, sizeof buf, "vnet");
		} else {
			for (n = 1;; n++) {
				snprintf(buf, sizeof buf, "ns%d", n);
				if (!world_find_ns(w, buf))
					break;
			}
		}
		field(f, "Name", FK_NEW_NSNAME, false, buf);
		break;
	case FORM_VETH:
		snprintf(f->title, sizeof f->title, "New veth pair in %s",
		         f->ns[0] ? f->ns : "the host");
		form_next_veth(w, 0, a, sizeof a, &n);
		/* the peer takes the next free number after the first */
		for (n = n + 1;; n++) {
			snprintf(b, sizeof b, "veth%d", n);
			if (!name_in_use(w, b))
				break;
		}
		field(f, "Name", FK_NEW_IFNAME, false, a);
		field(f, "Peer name", FK_PEER_IFNAME, false, b);
		field(f, "Peer namespace", FK_NSREF, true, "");
		break;
	case FORM_MOVE: {
		const char *to = "";

		snprintf(f->title, sizeof f->title, "Move %s to namespace",
		         f->dev);
		for (size_t i = 0; i < w->nns && !*to; i++)
			if (w->ns[i] != ns && w->ns[i]->kind == W_NS_NAMED)
				to = w->ns[i]->name;
		if (!*to && ns->kind != W_NS_HOST)
			to = "host";
		field(f, "Namespace", FK_NSREF, false, to);
		break;
	}
	case FORM_ADDR:
		snprintf(f->title, sizeof f->title, "Add an address to %s",
		         f->dev);
		field(f, "Address/prefix", FK_CIDR, false, "");
		break;
	case FORM_ROUTE:
		/* the selected device is the default, never loopback (a
		 * route via a gateway leaves it out: see route_device) */
		if (l && (l->flags & IFF_LOOPBACK))
			f->dev[0] = '\0';
		snprintf(f->title, sizeof f->title, "Add a route in %s",
		         f->ns[0] ? f->ns : "the host");
		field(f, "Destination", FK_PREFIX, false, "");
		field(f, "Via (gateway)", FK_ADDR, true, "");
		field(f, "Device", FK_IFREF, true, f->dev);
		break;
	case FORM_LOOKUP:
		snprintf(f->title, sizeof f->title,
		         "Where would a packet go from %s?",
		         f->ns[0] ? f->ns : "the host");
		field(f, "Destination", FK_ADDR, false, "");
		break;
	case FORM_WHY:
		snprintf(f->title, sizeof f->title,
		         "Why does (or doesn't) a ping from %s get there?",
		         f->ns[0] ? f->ns : "the host");
		field(f, "Address[%interface]", FK_PING_ADDR, false, "");
		break;
	case FORM_PING:
		snprintf(f->title, sizeof f->title, "Ping from %s",
		         f->ns[0] ? f->ns : "the host");
		field(f, "Address[%interface]", FK_PING_ADDR, false, "");
		field(f, "Count", FK_COUNT, false, "3");
		break;
	case FORM_ECHO:
		snprintf(f->title, sizeof f->title, "Echo server in %s",
		         f->ns[0] ? f->ns : "the host");
		field(f, "Protocol (tcp, udp)", FK_PROTO, false, "tcp");
		field(f, "Port", FK_PORT, false, "4078");
		break;
	case FORM_NAT:
		/* the selected interface is the way out, never loopback */
		if (l && (l->flags & IFF_LOOPBACK))
			f->dev[0] = '\0';
		snprintf(f->title, sizeof f->title, "Masquerade (NAT) in %s",
		         f->ns[0] ? f->ns : "the host");
		field(f, "Outside interface", FK_IFREF, false, f->dev);
		break;
	case FORM_IMPAIR:
		snprintf(f->title, sizeof f->title, "Impair %s in %s (all empty: "
		         "none)", f->dev, f->ns[0] ? f->ns : "the host");
		form_impair_init(f, l);
		impair_peer(f, w, l);
		break;
	case FORM_SEND: {
		/* the first address of another namespace is a good guess */
		char guess[64] = "";

		for (size_t i = 0; i < w->nns && !guess[0]; i++) {
			const struct w_ns *o = w->ns[i];
			if (o == ns)
				continue;
			for (size_t j = 0; j < o->naddrs; j++)
				if (o->addrs[j].family == AF_INET &&
				    o->addrs[j].local.a[0] != 127) {
					w_ip_str(&o->addrs[j].local, guess,
					         sizeof guess);
					break;
				}
		}
		snprintf(f->title, sizeof f->title, "Send from %s",
		         f->ns[0] ? f->ns : "the host");
		field(f, "Protocol (tcp, udp)", FK_PROTO, false, "tcp");
		field(f, "Address", FK_ADDR, false, guess);
		field(f, "Port", FK_PORT, false, "4078");
		field(f, "Message", FK_TEXT, false, "hello");
		break;
	}
	}
}

/* ---- validation ----------------------------------------------------- */

static const struct w_ns *ns_named(const struct world *w, const char *name)
{
	if (!*name)
		return world_host(w);
	if (!strcmp(name, "host") && !world_find_ns(w, "host"))
		return world_host(w);
	return world_find_ns(w, name);
}

static bool check_ifname(const char *v, char *err, size_t len)
{
	if (!*v) {
		snprintf(err, len, "a name is needed");
		return false;
	}
	if (strlen(v) > 15) {
		snprintf(err, len, "%s: longer than 15 characters", v);
		return false;
	}
	for (const char *p = v; *p; p++) {
		if (*p == '/' || *p == ':' || *p == '%' ||
		    isspace((unsigned char)*p)) {
			snprintf(err, len, "%s: '/', ':', '%%' and blanks are "
			         "not allowed in interface names", v);
			return false;
		}
	}
	if (!strcmp(v, ".") || !strcmp(v, "..")) {
		snprintf(err, len, "%s: not a valid name", v);
		return false;
	}
	return true;
}

static bool check_nsname(const char *v, char *err, size_t len)
{
	if (!*v) {
		snprintf(err, len, "a name is needed");
		return false;
	}
	if (strchr(v, '/') || !strcmp(v, ".") || !strcmp(v, "..")) {
		snprintf(err, len, "%s: not a valid namespace name "
		         "(no '/', not . or ..)", v);
		return false;
	}
	if (strlen(v) > 255) {
		snprintf(err, len, "longer than 255 characters");
		return false;
	}
	for (const char *p = v; *p; p++)
		if (isspace((unsigned char)*p)) {
			snprintf(err, len, "%s: blanks are not allowed", v);
			return false;
		}
	return true;
}

/* ADDR[/LEN]; with_default: "default" too */
static bool check_cidr(const char *v, bool need_len_ok, char *err, size_t len)
{
	char buf[FORM_VALUE_MAX], *slash;
	struct w_ip ip;
	long plen;
	char *end;

	if (!*v) {
		snprintf(err, len, "an address is needed, e.g. 10.0.1.0/24");
		return false;
	}
	snprintf(buf, sizeof buf, "%s", v);
	slash = strchr(buf, '/');
	if (slash)
		*slash = '\0';
	if (w_ip_parse(buf, &ip) < 0) {
		snprintf(err, len, "%s: not an IPv4 or IPv6 address", buf);
		return false;
	}
	if (!slash)
		return true;
	if (!need_len_ok) {
		snprintf(err, len, "%s: a plain address is needed here", v);
		return false;
	}
	plen = strtol(slash + 1, &end, 10);
	if (!slash[1] || *end || plen < 0 ||
	    plen > (ip.family == AF_INET6 ? 128 : 32)) {
		snprintf(err, len, "/%s: prefix length must be 0..%d",
		         slash + 1, ip.family == AF_INET6 ? 128 : 32);
		return false;
	}
	return true;
}

static bool addr_on(const struct w_ns *ns, const char *dev, const char *v)
{
	char buf[FORM_VALUE_MAX], *slash;
	const struct w_link *l = world_find_link(ns, dev);
	struct w_ip ip;

	snprintf(buf, sizeof buf, "%s", v);
	if ((slash = strchr(buf, '/')))
		*slash = '\0';
	if (!l || w_ip_parse(buf, &ip) < 0)
		return false;
	for (size_t i = 0; i < ns->naddrs; i++)
		if (ns->addrs[i].ifindex == l->ifindex &&
		    w_ip_eq(&ns->addrs[i].local, &ip))
			return true;
	return false;
}

static void check_field(struct form *f, int i, const struct world *w,
                        char *err, size_t len);

static void validate_field(struct form *f, int i, const struct world *w)
{
	/* the message is built apart from the field it describes */
	char err[sizeof f->f[i].err];

	err[0] = '\0';
	check_field(f, i, w, err, sizeof err);
	memcpy(f->f[i].err, err, sizeof err);
}

static void check_field(struct form *f, int i, const struct world *w,
                        char *err, size_t len)
{
	struct form_field *x = &f->f[i];
	const struct w_ns *here = ns_named(w, f->ns);
	char v[FORM_VALUE_MAX];

	snprintf(v, sizeof v, "%s", x->value);
	if (!*v && x->optional)
		return;
	switch (x->kind) {
	case FK_NEW_NSNAME:
		if (check_nsname(v, err, len) && world_find_ns(w, v))
			snprintf(err, len, "%s: a namespace of that name "
			         "exists", v);
		break;
	case FK_NSREF:
		if (!ns_named(w, v))
			snprintf(err, len, "%s: no such namespace", v);
		else if (f->kind == FORM_MOVE && ns_named(w, v) == here)
			snprintf(err, len, "%s is already there", f->dev);
		break;
	case FK_NEW_IFNAME:
	case FK_PEER_IFNAME: {
		const struct w_ns *in = here;

		if (!check_ifname(v, err, len))
			break;
		if (x->kind == FK_PEER_IFNAME && f->nfields > i + 1 &&
		    f->f[i + 1].value[0])
			in = ns_named(w, f->f[i + 1].value);
		if (in && world_find_link(in, v))
			snprintf(err, len, "%s: exists in %s", v,
			         in->kind == W_NS_HOST ? "the host"
			                               : in->name);
		else if (x->kind == FK_PEER_IFNAME &&
		         !strcmp(v, f->f[0].value) && in == here)
			snprintf(err, len, "%s: the two ends need different "
			         "names", v);
		break;
	}
	case FK_IFREF:
		if (here && !world_find_link(here, v))
			snprintf(err, len, "%s: no such device in %s", v,
			         f->ns[0] ? f->ns : "the host");
		break;
	case FK_CIDR:
		if (check_cidr(v, true, err, len) && here &&
		    addr_on(here, f->dev, v))
			snprintf(err, len, "%s: already on %s", v, f->dev);
		break;
	case FK_PREFIX:
		if (strcmp(v, "default"))
			check_cidr(v, true, err, len);
		break;
	case FK_ADDR:
		check_cidr(v, false, err, len);
		break;
	case FK_PING_ADDR: {
		char *pct = strchr(v, '%');
		struct w_ip ip;

		if (!pct) {
			check_cidr(v, false, err, len);
			break;
		}
		*pct = '\0';
		if (!check_cidr(v, false, err, len))
			break;
		if (w_ip_parse(v, &ip) < 0 || ip.family != AF_INET6)
			snprintf(err, len, "%s: a %%INTERFACE is for IPv6 "
			         "link-local addresses", v);
		else if (!pct[1])
			snprintf(err, len, "the interface is missing after %%");
		else if (here && !world_find_link(here, pct + 1))
			snprintf(err, len, "%s: no such device in %s", pct + 1,
			         f->ns[0] ? f->ns : "the host");
		break;
	}
	case FK_COUNT: {
		char *end;
		long n = strtol(v, &end, 10);
		if (!*v || *end || n < 1 || n > 1000)
			snprintf(err, len, "%s: a count from 1 to 1000", v);
		break;
	}
	case FK_PROTO:
		if (strcmp(v, "tcp") && strcmp(v, "udp"))
			snprintf(err, len, "%s: tcp or udp", v);
		break;
	case FK_PORT: {
		char *end;
		long n = strtol(v, &end, 10);
		if (!*v || *end || n < 1 || n > 65535)
			snprintf(err, len, "%s: a port from 1 to 65535", v);
		break;
	}
	case FK_TEXT:
		if (!*v)
			snprintf(err, len, "a message is needed");
		break;
	case FK_TIME: {
		unsigned us;

		if (tc_get_time(&us, v) < 0)
			snprintf(err, len, "%s: a time (100ms, 1s, 500us)", v);
		break;
	}
	case FK_PERCENT: {
		char *end;
		double p = strtod(v, &end);

		if (end == v || (*end && strcmp(end, "%")) || !(p >= 0) ||
		    p > 100)
			snprintf(err, len, "%s: a percentage from 0 to 100", v);
		break;
	}
	case FK_RATE: {
		uint64_t bps;

		if (tc_get_rate64(&bps, v) < 0 || !bps)
			snprintf(err, len, "%s: a rate (1mbit, 100kbit, 10mbps)",
			         v);
		break;
	}
	}
}

bool form_validate(struct form *f, const struct world *w)
{
	bool ok = true;

	for (int i = 0; i < f->nfields; i++) {
		validate_field(f, i, w);
		if (f->f[i].err[0])
			ok = false;
	}
	/* a jitter is around a delay */
	if (f->kind == FORM_IMPAIR && f->f[IMP_JITTER].value[0] &&
	    !f->f[IMP_DELAY].value[0] && !f->f[IMP_JITTER].err[0]) {
		snprintf(f->f[IMP_JITTER].err, sizeof f->f[IMP_JITTER].err,
		         "a jitter needs a delay");
		ok = false;
	}
	/* a route needs somewhere to go */
	if (f->kind == FORM_ROUTE && ok && !f->f[1].value[0] &&
	    !f->f[2].value[0]) {
		snprintf(f->f[2].err, sizeof f->f[2].err,
		         "give a gateway (via) or a device");
		ok = false;
	}
	return ok;
}

const char *form_field_error(const struct form *f, int i)
{
	const struct form_field *x = &f->f[i];

	if (!x->err[0])
		return "";
	if (f->tried || (x->touched && x->value[0]))
		return x->err;
	return "";
}

/* ---- editing ---------------------------------------------------------- */

bool form_edit(char *buf, size_t size, int *cursor, int key)
{
	int len = (int)strlen(buf), c = *cursor, from;

	if (c < 0 || c > len)
		c = len;
	switch (key) {
	case FKEY_LEFT:
		*cursor = c > 0 ? c - 1 : 0;
		return false;
	case FKEY_RIGHT:
		*cursor = c < len ? c + 1 : len;
		return false;
	case FKEY_HOME:
		*cursor = 0;
		return false;
	case FKEY_END:
		*cursor = len;
		return false;
	case FKEY_BACKSPACE:
	case FKEY_KILL_START:
	case FKEY_KILL_WORD:
		from = c;
		if (key == FKEY_BACKSPACE && from > 0)
			from--;
		else if (key == FKEY_KILL_START)
			from = 0;
		else if (key == FKEY_KILL_WORD) {
			while (from > 0 && buf[from - 1] == ' ')
				from--;
			while (from > 0 && buf[from - 1] != ' ')
				from--;
		}
		*cursor = from;
		if (from == c)
			return false;
		memmove(buf + from, buf + c, (size_t)(len - c + 1));
		return true;
	case FKEY_DELETE:
		*cursor = c;
		if (c >= len)
			return false;
		memmove(buf + c, buf + c + 1, (size_t)(len - c));
		return true;
	default:
		*cursor = c;
		if (key < 32 || key >= 127 || (size_t)len + 1 >= size)
			return false;
		memmove(buf + c + 1, buf + c, (size_t)(len - c + 1));
		buf[c] = (char)key;
		*cursor = c + 1;
		return true;
	}
}

static bool address_field(const struct form_field *x)
{
	return x->kind == FK_ADDR || x->kind == FK_PING_ADDR;
}

int form_choices(const struct form *f, const struct world *w, int field,
                 struct form_choice *out, int max)
{
	const struct w_ns *here = ns_named(w, f->ns);
	int n = 0;

	if (field < 0 || field >= f->nfields || !address_field(&f->f[field]))
		return 0;
	for (size_t i = 0; i < w->nns && n < max; i++) {
		const struct w_ns *o = w->ns[i];
		char where[W_NSNAME_MAX];

		if (o == here)
			continue;
		world_ns_label(o, where, sizeof where);
		for (size_t j = 0; j < o->naddrs && n < max; j++) {
			const struct w_addr *a = &o->addrs[j];
			const struct w_link *l = world_find_link_index(o, a->ifindex);
			char ip[64];
			bool dup = false;

			if ((l && (l->flags & IFF_LOOPBACK)) ||
			    w_ip_link_local(&a->local) ||
			    (a->family == AF_INET && a->local.a[0] == 127))
				continue;
			w_ip_str(&a->local, ip, sizeof ip);
			for (int k = 0; k < n && !dup; k++)
				dup = !strcmp(out[k].addr, ip);
			if (dup)
				continue;
			snprintf(out[n].addr, sizeof out[n].addr, "%s", ip);
			snprintf(out[n].where, sizeof out[n].where, "%s %s",
			         where, l ? l->name : "?");
			n++;
		}
	}
	return n;
}

/* Up/Down in an address field: the next (previous) address of another
 * namespace.  false when there is none to offer. */
static bool choose(struct form *f, const struct world *w, int dir)
{
	struct form_choice c[FORM_CHOICES_MAX];
	struct form_field *x = &f->f[f->cur];
	int n = form_choices(f, w, f->cur, c, FORM_CHOICES_MAX), at = -1;

	if (!n)
		return false;
	for (int i = 0; i < n; i++)
		if (!strcmp(c[i].addr, x->value))
			at = i;
	if (at < 0)
		at = dir > 0 ? 0 : n - 1;
	else
		at = (at + dir + n) % n;
	snprintf(x->value, sizeof x->value, "%.63s", c[at].addr);
	x->cursor = (int)strlen(x->value);
	x->touched = true;
	return true;
}

/* A route through a gateway needs no device (the kernel finds it, as
 * `ip route add default via 10.0.1.1` does): the default device is
 * there only while Via is empty and the user has not chosen one. */
static void route_device(struct form *f)
{
	struct form_field *d = &f->f[2];

	if (f->kind != FORM_ROUTE || d->touched)
		return;
	snprintf(d->value, sizeof d->value, "%s",
	         f->f[1].value[0] ? "" : f->dev);
	d->cursor = (int)strlen(d->value);
}

enum form_result form_key(struct form *f, const struct world *w, int key)
{
	struct form_field *x = &f->f[f->cur];

	switch (key) {
	case FKEY_ESC:
		return FORM_CANCEL;
	case FKEY_ENTER:
		f->tried = true;
		if (form_validate(f, w))
			return FORM_SUBMIT;
		for (int i = 0; i < f->nfields; i++)
			if (f->f[i].err[0]) {
				f->cur = i;
				break;
			}
		return FORM_CONTINUE;
	case FKEY_DOWN:
	case FKEY_UP:
		/* an address field offers the other namespaces' addresses;
		 * elsewhere Up/Down move between fields */
		if (address_field(x) &&
		    choose(f, w, key == FKEY_DOWN ? 1 : -1))
			break;
		f->cur = (f->cur + (key == FKEY_DOWN ? 1 : f->nfields - 1)) %
		         f->nfields;
		break;
	case FKEY_TAB:
		f->cur = (f->cur + 1) % f->nfields;
		break;
	case FKEY_BTAB:
		f->cur = (f->cur + f->nfields - 1) % f->nfields;
		break;
	default:
		if (form_edit(x->value, sizeof x->value, &x->cursor, key))
			x->touched = true;
		break;
	}
	route_device(f);
	form_validate(f, w);
	return FORM_CONTINUE;
}

/* ---- the command ------------------------------------------------------ */

/* iproute2 names the host by a pid: pid 1 lives there (in the sandbox
 * too, where pid 1 is the sandbox's init) */
static const char *ns_word(const char *v)
{
	return (!*v || !strcmp(v, "host")) ? "1" : v;
}

void form_command(const struct form *f, struct sbuf *out)
{
	const char *v0 = f->f[0].value;

	if (f->ns[0] && f->kind != FORM_NETNS)
		sbuf_printf(out, "-n %s ", f->ns);
	switch (f->kind) {
	case FORM_NETNS:
		sbuf_printf(out, "netns add %s", v0);
		break;
	case FORM_VETH:
		sbuf_printf(out, "link add %s type veth peer name %s", v0,
		            f->f[1].value);
		if (f->f[2].value[0] &&
		    strcmp(ns_word(f->f[2].value), f->ns[0] ? f->ns : "1"))
			sbuf_printf(out, " netns %s", ns_word(f->f[2].value));
		break;
	case FORM_MOVE:
		sbuf_printf(out, "link set %s netns %s", f->dev, ns_word(v0));
		break;
	case FORM_ADDR:
		sbuf_printf(out, "addr add %s dev %s", v0, f->dev);
		break;
	case FORM_ROUTE:
		sbuf_printf(out, "route add %s", v0);
		if (f->f[1].value[0])
			sbuf_printf(out, " via %s", f->f[1].value);
		if (f->f[2].value[0])
			sbuf_printf(out, " dev %s", f->f[2].value);
		break;
	case FORM_LOOKUP:
		sbuf_printf(out, "route get %s", v0);
		break;
	case FORM_WHY:
		sbuf_printf(out, "why %s", v0);
		break;
	case FORM_PING:
		sbuf_printf(out, "ping -c %s %s", f->f[1].value, v0);
		break;
	case FORM_ECHO:
		sbuf_printf(out, "echo %s port %s", v0, f->f[1].value);
		break;
	case FORM_NAT:
		/* one nft transaction: the table and the chain when they are
		 * not there yet (add of an existing one changes nothing), and
		 * the rule; an interface name is in nft's quotes, the whole in
		 * the splitter's */
		sbuf_add(out, "nft 'add table ip nat; add chain ip nat "
		         "postrouting { type nat hook postrouting priority "
		         "srcnat ; policy accept ; }; add rule ip nat "
		         "postrouting oifname \"");
		for (const char *p = v0; *p; p++) {
			if (*p == '\'')
				sbuf_add(out, "'\\''");
			else
				sbuf_addc(out, *p);
		}
		sbuf_add(out, "\" counter masquerade'");
		break;
	case FORM_IMPAIR:
		form_impair_command(f, out);
		break;
	case FORM_SEND:
		sbuf_printf(out, "send %s %s %s '", v0, f->f[1].value,
		            f->f[2].value);
		/* single quotes for the shell-like splitter: ' becomes '\'' */
		for (const char *p = f->f[3].value; *p; p++) {
			if (*p == '\'')
				sbuf_add(out, "'\\''");
			else
				sbuf_addc(out, *p);
		}
		sbuf_add(out, "' timeout 3");
		break;
	}
}
