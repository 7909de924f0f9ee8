/* SPDX-License-Identifier: GPL-2.0-or-later */
/* form.h - the forms behind the change keys: fields, validation as you
 * type, sensible defaults, and the command of the grammar each form
 * builds.  Pure (world in, text out), so every form is unit-tested. */
#ifndef NSVIZ_FORM_H
#define NSVIZ_FORM_H

#include <stdbool.h>

#include "world/world.h"

struct sbuf;

enum form_kind {
	FORM_NETNS,      /* n: new namespace */
	FORM_VETH,       /* v: new veth pair */
	FORM_MOVE,       /* m: move the interface to a namespace */
	FORM_ADDR,       /* a: add an address */
	FORM_ROUTE,      /* r: add a route */
	FORM_LOOKUP,     /* g: where would a packet to ADDR go? */
	FORM_PING,       /* p: ping from the namespace */
	FORM_ECHO,       /* e: start an echo server in the namespace */
	FORM_SEND,       /* S: send a message to a server, print the reply */
	FORM_NAT,        /* M: masquerade what leaves by an interface */
	FORM_IMPAIR,     /* i: delay, loss and rate on an interface */
	FORM_WHY         /* W: where and why a packet to ADDR stops */
};

enum field_kind {
	FK_NEW_NSNAME,   /* a namespace that must not exist yet */
	FK_NSREF,        /* an existing namespace, "" or "host" allowed */
	FK_NEW_IFNAME,   /* an interface name free in the form's namespace */
	FK_PEER_IFNAME,  /* free in the peer namespace field's namespace */
	FK_IFREF,        /* an existing interface of the form's namespace */
	FK_CIDR,         /* ADDR[/LEN], IPv4 or IPv6 */
	FK_PREFIX,       /* like CIDR, or "default" */
	FK_ADDR,         /* a plain address */
	FK_PING_ADDR,    /* a plain address, or IPV6%IF with IF in the
	                    form's namespace */
	FK_COUNT,        /* a positive number */
	FK_PROTO,        /* tcp or udp */
	FK_PORT,         /* 1..65535 */
	FK_TEXT,         /* anything but empty */
	FK_TIME,         /* a time as tc reads it: 100ms, 1s, 500us */
	FK_PERCENT,      /* 0..100, with or without % */
	FK_RATE          /* a rate as tc reads it: 1mbit, 100kbit, 10mbps */
};

#define FORM_MAX_FIELDS 5
#define FORM_VALUE_MAX 128

struct form_field {
	const char *label;
	enum field_kind kind;
	bool optional;
	char value[FORM_VALUE_MAX];
	int cursor;                 /* byte offset in value */
	bool touched;               /* edited: show its errors as you type */
	char err[640];              /* "" when valid */
};

struct form {
	enum form_kind kind;
	char title[320];
	char ns[W_NSNAME_MAX];      /* the namespace it acts in, "" host */
	char dev[W_IFNAMSIZ];       /* the interface it acts on, if any */
	int nfields;
	int cur;
	bool tried;                 /* Enter was pressed: show every error */
	bool impaired;              /* FORM_IMPAIR: the device has a root
	                             * qdisc of its own (not the default) */
	bool has_peer;              /* FORM_IMPAIR: a veth whose other end
	                             * the grammar can name: */
	char peer_ns[W_NSNAME_MAX]; /* its namespace, "" host */
	char peer_dev[W_IFNAMSIZ];
	struct form_field f[FORM_MAX_FIELDS];
};

/* FORM_IMPAIR's fields, in order */
enum { IMP_DELAY, IMP_JITTER, IMP_LOSS, IMP_RATE };

/* The error to show for field i now ("" if none). */
const char *form_field_error(const struct form *f, int i);

/* Keys, as the UI hands them over (curses codes are mapped to these). */
enum form_key {
	FKEY_ENTER = -1, FKEY_ESC = -2, FKEY_TAB = -3, FKEY_BTAB = -4,
	FKEY_BACKSPACE = -5, FKEY_DELETE = -6, FKEY_LEFT = -7,
	FKEY_RIGHT = -8, FKEY_HOME = -9, FKEY_END = -10, FKEY_UP = -11,
	FKEY_DOWN = -12,
	FKEY_KILL_START = -13,   /* Ctrl-U: delete from the start to the cursor */
	FKEY_KILL_WORD = -14     /* Ctrl-W: delete the word before the cursor */
};

/* One line of text being edited, as readline edits it: Left/Right,
 * Home/End (Ctrl-A/Ctrl-E), Backspace, Delete, Ctrl-U, Ctrl-W (back to
 * the previous blank) and printable ASCII inserted at the cursor.  buf
 * holds at most size - 1 bytes.  Returns true when the text changed;
 * false for a key it does not handle (and for a move). */
bool form_edit(char *buf, size_t size, int *cursor, int key);

enum form_result { FORM_CONTINUE, FORM_SUBMIT, FORM_CANCEL };

/* Set a form up with defaults drawn from the world: the next free
 * vethN names, the namespace under the cursor, its selected device.
 * ns is the selected namespace (never NULL), l the selected link or
 * NULL. */
void form_init(struct form *f, enum form_kind kind, const struct world *w,
               const struct w_ns *ns, const struct w_link *l);

/* Check every field against its kind and the world; fills each err.
 * Returns true when the form may be submitted. */
bool form_validate(struct form *f, const struct world *w);

/* Feed one key (a printable byte, or an FKEY_*). Enter submits only when
 * the form is valid (it moves to the first bad field otherwise). */
enum form_result form_key(struct form *f, const struct world *w, int key);

/* What an address field offers (Up/Down cycle through them): the
 * addresses of the other namespaces, loopback and link-local left out.
 * Fills at most max; returns how many. */
#define FORM_CHOICES_MAX 32
struct form_choice {
	char addr[64];              /* 10.0.2.0 */
	char where[300];            /* vnet veth1 */
};
int form_choices(const struct form *f, const struct world *w, int field,
                 struct form_choice *out, int max);

/* The command of the grammar the form stands for, e.g.
 * "-n vnet addr add 10.0.2.0/24 dev veth1". */
void form_command(const struct form *f, struct sbuf *out);

/* form_impair.c: FORM_IMPAIR's fields, with the device's netem values
 * when it has one; its command: tc qdisc replace ... root netem [delay
 * D [J]] [loss P%] [rate R], or tc qdisc del ... root when every field
 * is empty (and the device has a qdisc of its own) */
void form_impair_init(struct form *f, const struct w_link *l);
void form_impair_command(const struct form *f, struct sbuf *out);

/* FORM_IMPAIR where the kernel has no netem (sch_netem): the commands
 * that do what can be done with what it has, one a line: the rate by a
 * tbf qdisc (the root qdisc removed when no rate is asked for and the
 * device has one), the loss by an nft rule with the comment "nsviz
 * impair DEV" in table inet nsviz_impair: at the far end of a veth, in
 * its namespace's prerouting chain (what DEV sends is lost on the wire,
 * as netem loses it; a rule on DEV's own way out would make a local
 * sender's send fail, EPERM, instead), else in DEV's namespace's
 * postrouting chain.  note: what is used instead, and what cannot be
 * done (a delay needs netem).  The rules made for the device before are
 * deleted first by the caller (their handles are the kernel's). */
void form_impair_fallback(const struct form *f, struct sbuf *cmds,
                          struct sbuf *note);
/* The comment of the device's loss rule: "nsviz impair veth1 in vnet"
 * (ns "": "in the host") */
void form_impair_comment(const char *ns, const char *dev, char *buf,
                         size_t len);

/* The first "vethN" free in every namespace (a pair's names stay unique
 * wherever its ends go), starting at N = from. */
void form_next_veth(const struct world *w, int from, char *buf, size_t len,
                    int *n_out);

#endif
