/* SPDX-License-Identifier: GPL-2.0-or-later */
/* parse_echo.c - nsviz's own echo servers and their client: echo
 * tcp|udp|list|stop|log and send, parse and canonical text.  Their
 * canonical text is what a learner types in a shell (`nsviz echo tcp
 * --port 4078`; in a namespace `ip netns exec vnet nsviz echo ...`). */
#include "cmd/parse_int.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "echo/echo.h"
#include "util/sbuf.h"

void echo_init(struct cmd *c)
{
	memset(&c->u.echo, 0, sizeof c->u.echo);
	c->u.echo.port = ECHO_PORT_DEFAULT;
	c->u.echo.idle = ECHO_IDLE_DEFAULT;
	c->u.echo.max_conns = ECHO_MAX_CONNS_DEFAULT;
	c->u.echo.max_msg = ECHO_MAX_MSG_DEFAULT;
	c->u.echo.timeout = ECHO_TIMEOUT_DEFAULT;
}


#define ECHO_OPT_HINT "expected port P, bind ADDR, idle SECONDS, " \
                      "max-conns N or max-msg BYTES"

/* `port` and `--port` alike: `nsviz echo` takes the same words. */
static const char *optword(const char *w)
{
	return w[0] == '-' && w[1] == '-' && w[2] ? w + 2 : w;
}

static int parse_proto(struct parser *p, const char *w, int *proto)
{
	if (!strcmp(w, "tcp"))
		*proto = ECHO_TCP;
	else if (!strcmp(w, "udp"))
		*proto = ECHO_UDP;
	else
		return p_bad(p, w, "unknown protocol (expected tcp or udp)");
	return 0;
}

static int parse_port(struct parser *p, const char *w, unsigned *port)
{
	unsigned long long v;

	if (!p_u64(w, 65535, &v) || v == 0)
		return p_bad(p, w, "not a port (expected a number 1..65535)");
	*port = (unsigned)v;
	return 0;
}

static int parse_unsigned(struct parser *p, const char *w, const char *what,
                          unsigned min, unsigned max, unsigned *out)
{
	unsigned long long v;

	if (!p_u64(w, max, &v) || v < min)
		return p_bad(p, w, "%s must be a number %u..%u", what, min, max);
	*out = (unsigned)v;
	return 0;
}

/* Seconds, 0.001..86400; 0 too when zero means "never". */
static int parse_echo_secs(struct parser *p, const char *w, const char *what,
                           bool zero_ok, double *out)
{
	char *end;
	double v;

	if (!*w || strspn(w, "0123456789.") != strlen(w))
		return p_bad(p, w, "%s must be a number of seconds", what);
	errno = 0;
	v = strtod(w, &end);
	if (errno || *end || !isfinite(v))
		return p_bad(p, w, "%s must be a number of seconds", what);
	if ((v == 0 && !zero_ok) || (v > 0 && v < 0.001) ||
	    v > ECHO_SECONDS_MAX)
		return p_bad(p, w, "%s out of range (%s0.001..%g seconds)", what,
		           zero_ok ? "0 = never, or " : "", ECHO_SECONDS_MAX);
	*out = v;
	return 0;
}

static int take_port(struct parser *p, const char *kw, const char *v)
{
	if (p->mark[0])         /* `echo tcp 4078 port 4079` */
		return p_twice_value(p, kw);
	p->mark[0] = v;
	return parse_port(p, v, &p->c->u.echo.port);
}

static int take_bind(struct parser *p, const char *kw, const char *v)
{
	(void)kw;
	p->c->u.echo.has_bind = true;
	return p_ip(p, v, &p->c->u.echo.bind, 0);
}

static int take_idle(struct parser *p, const char *kw, const char *v)
{
	(void)kw;
	return parse_echo_secs(p, v, "idle", true, &p->c->u.echo.idle);
}

static int take_conns(struct parser *p, const char *kw, const char *v)
{
	(void)kw;
	return parse_unsigned(p, v, "max-conns", 1, ECHO_MAX_CONNS_MAX,
	                      &p->c->u.echo.max_conns);
}

static int take_msg(struct parser *p, const char *kw, const char *v)
{
	(void)kw;
	return parse_unsigned(p, v, "max-msg", 1, ECHO_MAX_MSG_MAX,
	                      &p->c->u.echo.max_msg);
}

/* `port` and `--port` alike: `nsviz echo` takes the same words */
static const struct cmd_option echo_options[] = {
	{ "port", 0, 0, "port number", take_port },
	{ "--port", 0, 0, "port number", take_port },
	{ "bind", 0, 1, "address to listen at", take_bind },
	{ "--bind", 0, 1, "address to listen at", take_bind },
	{ "idle", 0, 2, "seconds", take_idle },
	{ "--idle", 0, 2, "seconds", take_idle },
	{ "max-conns", 0, 3, "number of connections", take_conns },
	{ "--max-conns", 0, 3, "number of connections", take_conns },
	{ "max-msg", 0, 4, "bytes", take_msg },
	{ "--max-msg", 0, 4, "bytes", take_msg },
	{ NULL, 0, 0, NULL, NULL }
};

/* `echo tcp 4078`: the port without its keyword */
static int echo_positional(struct parser *p, const char *w)
{
	if (!p->mark[0] && w[0] >= '0' && w[0] <= '9') {
		p->mark[0] = w;
		return parse_port(p, w, &p->c->u.echo.port);
	}
	return p_bad(p, w, "unknown echo option (" ECHO_OPT_HINT ")");
}

/* the checks of every echo verb */
static int echo_head(struct parser *p)
{
	if (p_no_family(p, "echo (the address to listen at says which "
	                "family)"))
		return -1;
	if (p->c->ns[0] && !(p->e->flags & CMD_F_TAKES_NS))
		return p_fail(p, "-n %s: echo %s takes no -n (it covers the "
		              "servers of every namespace)", p->c->ns,
		              p->verb_word);
	return 0;
}

/* echo tcp|udp [port P] [bind ADDR] [idle S] [max-conns N] [max-msg B] */
int parse_echo_start(struct parser *p)
{
	if (echo_head(p) || parse_proto(p, p->verb_word, &p->c->u.echo.proto))
		return -1;
	return p_options(p, echo_options, echo_positional);
}

int parse_echo_list(struct parser *p)
{
	if (echo_head(p))
		return -1;
	return p_more(p) ? p_unexpected(p) : 0;
}

/* echo stop|log ID */
int parse_echo_id(struct parser *p)
{
	const char *id;
	unsigned long long v;

	if (echo_head(p))
		return -1;
	if (!p_more(p))
		return p_missing(p, "server id (a number from echo list)");
	id = p_next(p);
	if (!p_u64(id, INT_MAX, &v) || v == 0)
		return p_bad(p, id, "not an echo server id (expected a "
		             "number from echo list)");
	p->c->u.echo.id = (unsigned)v;
	return p_more(p) ? p_unexpected(p) : 0;
}

#define SEND_HINT "send tcp|udp ADDR PORT MESSAGE [timeout SECONDS]"

int parse_send(struct parser *p)
{
	struct cmd *c = p->c;
	struct cmd_echo *e = &c->u.echo;
	bool have_timeout = false;
	int have = 0;           /* protocol, address, port, message */
	const char *w, *v;

	if (p_no_family(p, "send (the address says which family)"))
		return -1;
	while (p_more(p)) {
		w = p_next(p);
		if ((have == 0 || have == 4) && !strcmp(optword(w), "timeout")) {
			if (have_timeout)
				return p_twice(p, w);
			if (!(v = p_value(p, "seconds")) ||
			    parse_echo_secs(p, v, "timeout", false, &e->timeout))
				return -1;
			have_timeout = true;
		} else if (have == 0 && (!strcmp(w, "-n") ||
		                         !strcmp(w, "--netns") ||
		                         !strcmp(w, "-netns"))) {
			/* `nsviz send -n NS ...` */
			if (c->ns[0])
				return p_twice(p, w);
			if (!(v = p_value(p, "namespace name")) ||
			    p_take_nsname(p, v, c->ns))
				return -1;
		} else if (have == 0) {
			if (parse_proto(p, w, &e->proto))
				return -1;
			have++;
		} else if (have == 1) {
			if (p_ip(p, w, &e->dst, 0))
				return -1;
			have++;
		} else if (have == 2) {
			if (parse_port(p, w, &e->port))
				return -1;
			have++;
		} else if (have == 3) {
			if (strlen(w) > ECHO_MESSAGE_MAX)
				return p_bad(p, w, "message longer than %d bytes",
				           ECHO_MESSAGE_MAX);
			e->message = xstrdup(w);
			have++;
		} else {
			p->i--;
			return p_unexpected(p);
		}
	}
	if (have < 4)
		return p_missing(p, have == 0 ? "protocol (" SEND_HINT ")" :
		                  have == 1 ? "address to send to (" SEND_HINT ")" :
		                  have == 2 ? "port (" SEND_HINT ")" :
		                  "message (" SEND_HINT "; quote it when it has "
		                  "blanks)");
	return 0;
}


/* ---- canonical text ------------------------------------------------------ */

void canon_echo(const struct cmd *c, struct canon *o)
{
	const struct cmd_echo *e = &c->u.echo;

	canon_exec_head(c, o);
	canon_word(o, "nsviz");
	if (c->verb == CMD_SEND) {
		canon_word(o, "send");
		canon_word(o, echo_proto_name(e->proto));
		canon_ip(o, &e->dst);
		canon_wordf(o, "%u", e->port);
		canon_word(o, e->message ? e->message : "");
		if (e->timeout != ECHO_TIMEOUT_DEFAULT)
			canon_seconds(o, "--timeout", e->timeout);
		return;
	}
	canon_word(o, "echo");
	switch (c->verb) {
	case CMD_ECHO_START:
		canon_word(o, echo_proto_name(e->proto));
		canon_word(o, "--port");
		canon_wordf(o, "%u", e->port);
		if (e->has_bind) {
			canon_word(o, "--bind");
			canon_ip(o, &e->bind);
		}
		if (e->idle != ECHO_IDLE_DEFAULT)
			canon_seconds(o, "--idle", e->idle);
		if (e->max_conns != ECHO_MAX_CONNS_DEFAULT) {
			canon_word(o, "--max-conns");
			canon_wordf(o, "%u", e->max_conns);
		}
		if (e->max_msg != ECHO_MAX_MSG_DEFAULT) {
			canon_word(o, "--max-msg");
			canon_wordf(o, "%u", e->max_msg);
		}
		break;
	case CMD_ECHO_LIST:
		canon_word(o, "list");
		break;
	default:
		canon_word(o, c->verb == CMD_ECHO_STOP ? "stop" : "log");
		canon_wordf(o, "%u", e->id);
		break;
	}
}
