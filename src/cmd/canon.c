/* SPDX-License-Identifier: GPL-2.0-or-later */
/* canon.c - a parsed command written back the way iproute2 spells it.
 *
 * One normal form per command, so the log, the lessons and the tests can
 * compare text: `ip`, then `-n NS` and `-4`/`-6` when given, then full
 * keywords (addr, not a; del, not delete; show, not list), no `dev` where
 * iproute2 does not need it (`ip link set veth0 up`), and addresses as
 * inet_ntop writes them.  Parsing the canonical text gives back the same
 * struct cmd.  Words are quoted for the shell when they need it, so a
 * learner can paste a line into a terminal.
 */
#include "cmd/cmd.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <linux/rtnetlink.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "echo/echo.h"
#include "util/esc.h"
#include "util/sbuf.h"

struct out {
	struct sbuf *b;
	bool first;
};

static bool plain(const char *w)
{
	const char *s;

	if (!*w)
		return false;
	for (s = w; *s; s++)
		if (!isalnum((unsigned char)*s) && !strchr("-_.,:/@%+=", *s))
			return false;
	return true;
}

/* One word, after a blank unless it is the first. */
static void word(struct out *o, const char *w)
{
	const char *s;

	if (!o->first)
		sbuf_addc(o->b, ' ');
	o->first = false;
	if (plain(w)) {
		sbuf_add(o->b, w);
		return;
	}
	if (!esc_safe(w)) {
		/* a name someone else made, with bytes a terminal acts on:
		 * bash's $'...', which cmd_split reads back */
		sbuf_add(o->b, "$'");
		for (s = w; *s; ) {
			size_t n;
			char hex[20];

			if (esc_char(s, &n) != ESC_SAFE) {
				sbuf_add(o->b, esc_hex(s, n, hex, sizeof hex));
			} else {
				if (*s == '\\' || *s == '\'')
					sbuf_addc(o->b, '\\');
				sbuf_addn(o->b, s, n);
			}
			s += n;
		}
		sbuf_addc(o->b, '\'');
		return;
	}
	sbuf_addc(o->b, '\'');
	for (s = w; *s; s++) {
		if (*s == '\'')
			sbuf_add(o->b, "'\\''");
		else
			sbuf_addc(o->b, *s);
	}
	sbuf_addc(o->b, '\'');
}

static void wordf(struct out *o, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void wordf(struct out *o, const char *fmt, ...)
{
	char buf[128];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	word(o, buf);
}

static void ip_word(struct out *o, const struct w_ip *ip)
{
	char buf[INET6_ADDRSTRLEN];

	word(o, w_ip_str(ip, buf, sizeof buf));
}

static void prefix_word(struct out *o, const struct w_ip *ip, int len)
{
	char buf[INET6_ADDRSTRLEN];

	w_ip_str(ip, buf, sizeof buf);
	if (len >= 0)
		wordf(o, "%s/%d", buf, len);
	else
		word(o, buf);
}

/* A device name where a bare name could be read as a keyword needs the
 * keyword in front (`ip link set dev up down`); the set is generous. */
static bool clashes(const char *name)
{
	static const char *const kws[] = {
		"dev", "name", "type", "peer", "up", "down", "mtu", "netns",
		"txqueuelen", "qlen", "to", "default", "help", "master",
		"nomaster", NULL
	};
	const char *const *k;
	size_t n = strlen(name);

	for (k = kws; *k; k++)
		if (!strcmp(name, *k))
			return true;
	return n >= 4 && !strncmp(name, "address", n);
}

static void dev_word(struct out *o, const char *kw, const char *name)
{
	if (clashes(name))
		word(o, kw);
	word(o, name);
}

/* Seconds as %g when that reads back exactly, else in full. */
static void seconds_word(struct out *o, const char *opt, double v)
{
	char buf[64];

	snprintf(buf, sizeof buf, "%g", v);
	if (strtod(buf, NULL) != v)
		snprintf(buf, sizeof buf, "%.17g", v);
	word(o, opt);
	word(o, buf);
}

static const char *scope_name(int scope)
{
	switch (scope) {
	case RT_SCOPE_UNIVERSE: return "global";
	case RT_SCOPE_SITE: return "site";
	case RT_SCOPE_LINK: return "link";
	case RT_SCOPE_HOST: return "host";
	case RT_SCOPE_NOWHERE: return "nowhere";
	default: return NULL;
	}
}

static void canon(const struct cmd *c, struct out *o, bool show_ns);

static void ip_head(const struct cmd *c, struct out *o, bool show_ns)
{
	word(o, "ip");
	if (show_ns && c->ns[0]) {
		word(o, "-n");
		word(o, c->ns);
	}
	if (c->family == AF_INET)
		word(o, "-4");
	else if (c->family == AF_INET6)
		word(o, "-6");
}

static void canon_ping(const struct cmd *c, struct out *o, bool show_ns)
{
	if (show_ns && c->ns[0]) {
		word(o, "ip");
		word(o, "netns");
		word(o, "exec");
		word(o, c->ns);
	}
	word(o, "ping");
	if (c->count > 0) {
		word(o, "-c");
		wordf(o, "%d", c->count);
	}
	if (c->wait > 0)
		seconds_word(o, "-W", c->wait);
	if (c->interval != 1.0)
		seconds_word(o, "-i", c->interval);
	if (c->dev[0]) {
		char buf[INET6_ADDRSTRLEN];

		wordf(o, "%s%%%s", w_ip_str(&c->target, buf, sizeof buf),
		      c->dev);
	} else {
		ip_word(o, &c->target);
	}
}

/* nsviz's own verbs are not ip's: `nsviz echo tcp --port 4078`, and in a
 * namespace what a learner would type in a shell,
 * `ip netns exec vnet nsviz echo tcp --port 4078`. */
static void canon_echo(const struct cmd *c, struct out *o, bool show_ns)
{
	const struct cmd_echo *e = &c->echo;

	if (show_ns && c->ns[0]) {
		word(o, "ip");
		word(o, "netns");
		word(o, "exec");
		word(o, c->ns);
	}
	word(o, "nsviz");
	if (c->verb == CMD_SEND) {
		word(o, "send");
		word(o, echo_proto_name(e->proto));
		ip_word(o, &e->dst);
		wordf(o, "%u", e->port);
		word(o, e->message ? e->message : "");
		if (e->timeout != ECHO_TIMEOUT_DEFAULT)
			seconds_word(o, "--timeout", e->timeout);
		return;
	}
	word(o, "echo");
	switch (c->verb) {
	case CMD_ECHO_START:
		word(o, echo_proto_name(e->proto));
		word(o, "--port");
		wordf(o, "%u", e->port);
		if (e->has_bind) {
			word(o, "--bind");
			ip_word(o, &e->bind);
		}
		if (e->idle != ECHO_IDLE_DEFAULT)
			seconds_word(o, "--idle", e->idle);
		if (e->max_conns != ECHO_MAX_CONNS_DEFAULT) {
			word(o, "--max-conns");
			wordf(o, "%u", e->max_conns);
		}
		if (e->max_msg != ECHO_MAX_MSG_DEFAULT) {
			word(o, "--max-msg");
			wordf(o, "%u", e->max_msg);
		}
		break;
	case CMD_ECHO_LIST:
		word(o, "list");
		break;
	default:
		word(o, c->verb == CMD_ECHO_STOP ? "stop" : "log");
		wordf(o, "%u", e->id);
		break;
	}
}

static void canon_route(const struct cmd *c, struct out *o)
{
	const struct cmd_route *r = &c->route;
	const char *sc;

	word(o, c->verb == CMD_ROUTE_ADD ? "add" : "del");
	if (r->is_default)
		word(o, "default");
	else
		prefix_word(o, &r->dst, r->dst_len);
	if (r->has_via) {
		word(o, "via");
		ip_word(o, &r->via);
	}
	if (r->has_dev) {
		word(o, "dev");
		word(o, r->dev);
	}
	if (r->scope >= 0) {
		word(o, "scope");
		if ((sc = scope_name(r->scope)))
			word(o, sc);
		else
			wordf(o, "%d", r->scope);
	}
	if (r->has_src) {
		word(o, "src");
		ip_word(o, &r->src);
	}
	if (r->has_metric) {
		word(o, "metric");
		wordf(o, "%u", (unsigned)r->metric);
	}
}

static void canon_link_set(const struct cmd *c, struct out *o)
{
	const struct cmd_link_set *s = &c->set;

	word(o, "set");
	dev_word(o, "dev", c->name);
	if (s->has_netns) {
		word(o, "netns");
		word(o, s->netns);
	}
	if (s->has_mtu) {
		word(o, "mtu");
		wordf(o, "%u", s->mtu);
	}
	if (s->has_mac) {
		word(o, "address");
		wordf(o, "%02x:%02x:%02x:%02x:%02x:%02x", s->mac[0], s->mac[1],
		      s->mac[2], s->mac[3], s->mac[4], s->mac[5]);
	}
	if (s->has_master) {
		word(o, "master");
		word(o, s->master);
	}
	if (s->nomaster)
		word(o, "nomaster");
	if (s->up == 1)
		word(o, "up");
	else if (s->up == 0)
		word(o, "down");
}

/* sysctl(8) is not ip: `sysctl -w net.ipv4.ip_forward=1` for the host,
 * `ip netns exec router sysctl -w net.ipv4.ip_forward=1` in a namespace,
 * as a learner would type them in a shell. */
static void canon_sysctl(const struct cmd *c, struct out *o, bool show_ns)
{
	const struct cmd_sysctl *s = &c->sysctl;
	char buf[CMD_SYSCTL_KEY_MAX + CMD_SYSCTL_VALUE_MAX + 1];

	if (show_ns && c->ns[0]) {
		word(o, "ip");
		word(o, "netns");
		word(o, "exec");
		word(o, c->ns);
	}
	word(o, "sysctl");
	if (s->values_only)
		word(o, "-n");
	if (s->quiet)
		word(o, "-q");
	if (s->write) {
		word(o, "-w");
		snprintf(buf, sizeof buf, "%s=%s", s->key, s->value);
		word(o, buf);
	} else {
		word(o, s->key);
	}
}

static void canon(const struct cmd *c, struct out *o, bool show_ns)
{
	switch (c->verb) {
	case CMD_NONE:
		return;
	case CMD_SYSCTL:
		canon_sysctl(c, o, show_ns);
		return;
	case CMD_PING:
		canon_ping(c, o, show_ns);
		return;
	case CMD_ECHO_START: case CMD_ECHO_LIST: case CMD_ECHO_STOP:
	case CMD_ECHO_LOG: case CMD_SEND:
		canon_echo(c, o, show_ns);
		return;
	case CMD_NETNS_EXEC:
		ip_head(c, o, false);
		word(o, "netns");
		word(o, "exec");
		word(o, c->name);
		if (c->sub) {
			canon(c->sub, o, false);
		} else {
			for (int k = 0; k < c->exec_argc; k++)
				word(o, c->exec_argv[k]);
		}
		return;
	default:
		break;
	}

	ip_head(c, o, show_ns);
	switch (c->verb) {
	case CMD_NETNS_ADD:
	case CMD_NETNS_DEL:
	case CMD_NETNS_PIDS:
		word(o, "netns");
		word(o, c->verb == CMD_NETNS_ADD ? "add" :
		        c->verb == CMD_NETNS_DEL ? "del" : "pids");
		word(o, c->name);
		break;
	case CMD_NETNS_LIST:
		word(o, "netns");
		word(o, "list");
		if (c->name[0])
			word(o, c->name);
		break;
	case CMD_NETNS_IDENTIFY:
		word(o, "netns");
		word(o, "identify");
		if (c->pid > 0)
			wordf(o, "%ld", (long)c->pid);
		break;
	case CMD_LINK_ADD_VETH:
		word(o, "link");
		word(o, "add");
		dev_word(o, "name", c->name);
		word(o, "type");
		word(o, "veth");
		word(o, "peer");
		word(o, "name");
		word(o, c->peer);
		if (c->peer_ns[0]) {
			word(o, "netns");
			word(o, c->peer_ns);
		}
		break;
	case CMD_LINK_ADD_BRIDGE:
		word(o, "link");
		word(o, "add");
		dev_word(o, "name", c->name);
		word(o, "type");
		word(o, "bridge");
		break;
	case CMD_LINK_SET:
		word(o, "link");
		canon_link_set(c, o);
		break;
	case CMD_LINK_DEL:
		word(o, "link");
		word(o, "del");
		dev_word(o, "dev", c->name);
		break;
	case CMD_LINK_SHOW:
		word(o, "link");
		word(o, "show");
		if (c->name[0])
			dev_word(o, "dev", c->name);
		break;
	case CMD_ADDR_ADD:
	case CMD_ADDR_DEL:
		word(o, "addr");
		word(o, c->verb == CMD_ADDR_ADD ? "add" : "del");
		prefix_word(o, &c->addr, c->prefixlen);
		word(o, "dev");
		word(o, c->dev);
		break;
	case CMD_ADDR_SHOW:
		word(o, "addr");
		word(o, "show");
		if (c->name[0])
			dev_word(o, "dev", c->name);
		break;
	case CMD_ROUTE_ADD:
	case CMD_ROUTE_DEL:
		word(o, "route");
		canon_route(c, o);
		break;
	case CMD_ROUTE_SHOW:
		word(o, "route");
		word(o, "show");
		break;
	case CMD_ROUTE_GET:
		word(o, "route");
		word(o, "get");
		ip_word(o, &c->route.dst);
		break;
	case CMD_NEIGH_SHOW:
		/* ip wants `dev` here: a bare word would be an address */
		word(o, "neigh");
		word(o, "show");
		if (c->name[0]) {
			word(o, "dev");
			word(o, c->name);
		}
		break;
	default:
		break;
	}
}

void cmd_canonical(const struct cmd *c, struct sbuf *out)
{
	struct out o = { out, true };

	canon(c, &o, true);
}
