/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tc.c - a namespace's qdiscs and classes as the commands a topology holds
 * (pure): a dump reply read into a struct topo_tc, its options turned
 * back into tc's words by the kind's decode and canon (src/tc/), and
 * the `tc qdisc add` / `tc class add` command written with them. */
#include "topo/save.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <linux/netlink.h>
#include <linux/pkt_sched.h>
#include <linux/rtnetlink.h>

#include "cmd/cmd.h"
#include "cmd/parse_int.h"
#include "tc/tc.h"

int topo_tc_of_msg(const void *msg, size_t len, struct topo_tc *t)
{
	struct nlmsghdr h;
	struct tcmsg tm;
	struct tc_rta tb[TCA_MAX + 1];
	const struct tc_rta *k = &tb[TCA_KIND];

	memset(t, 0, sizeof *t);
	if (!msg || len < NLMSG_LENGTH(sizeof tm))
		return -1;
	memcpy(&h, msg, sizeof h);
	if (h.nlmsg_len < NLMSG_LENGTH(sizeof tm) || h.nlmsg_len > len ||
	    (h.nlmsg_type != RTM_NEWQDISC && h.nlmsg_type != RTM_NEWTCLASS))
		return -1;
	memcpy(&tm, (const char *)msg + NLMSG_HDRLEN, sizeof tm);
	tc_attrs(tb, TCA_MAX, (const char *)msg + NLMSG_LENGTH(sizeof tm),
	         h.nlmsg_len - NLMSG_LENGTH(sizeof tm));
	/* the kind: a string, NUL within the attribute, that fits */
	if (!k->data || !k->len || !memchr(k->data, '\0', k->len) ||
	    strlen((const char *)k->data) >= sizeof t->kind)
		return -1;
	t->is_class = h.nlmsg_type == RTM_NEWTCLASS;
	t->ifindex = tm.tcm_ifindex;
	t->handle = tm.tcm_handle;
	t->parent = tm.tcm_parent;
	memcpy(t->kind, k->data, strlen((const char *)k->data) + 1);
	t->opts = tb[TCA_OPTIONS].data;
	t->optlen = tb[TCA_OPTIONS].len;
	return 0;
}

/* The quantum the kernel gives a class that was given none (htb's
 * htb_change_class: the rate over r2q, within 1000..200000) */
static uint32_t htb_quantum(uint64_t rate, uint32_t r2q)
{
	uint64_t q = rate / (r2q ? r2q : 1);

	if (q > INT_MAX)
		q = INT_MAX;
	if (q < 1000)
		q = 1000;
	if (q > 200000)
		q = 200000;
	return (uint32_t)q;
}

int topo_tc_decode(const struct topo_tc *t, const struct tc_clock *clk,
                   uint32_t r2q, struct tc_opts *o, char *err,
                   size_t errlen)
{
	const struct tc_kind *k = tc_kind_find(t->kind);

	memset(o, 0, sizeof *o);
	if (!k || !k->decode) {
		snprintf(err, errlen, "a %s %s: nsviz has no words for its "
		         "options (it knows netem, tbf, htb, pfifo and bfifo)",
		         t->kind, t->is_class ? "class" : "qdisc");
		return -1;
	}
	if (t->is_class && !k->classful) {
		snprintf(err, errlen, "a class of %s: not one nsviz makes",
		         t->kind);
		return -1;
	}
	if (k->decode(o, t->opts, t->optlen, t->is_class, clk, err, errlen))
		return -1;
	if (t->is_class && k == tc_kind_find("htb") &&
	    o->u.htbc.quantum == htb_quantum(o->u.htbc.rate, r2q))
		o->u.htbc.quantum = 0;
	return 0;
}

static void handle_word(struct canon *c, const char *kw, uint32_t h)
{
	char buf[32];

	canon_word(c, kw);
	tc_classid_str(h, buf, sizeof buf);
	canon_word(c, buf);
}

void topo_tc_command(const struct topo_tc *t, const char *verb,
                     const char *dev, const struct tc_opts *o,
                     struct sbuf *out)
{
	struct canon c = { out, out->len == 0, true };
	bool del = !strcmp(verb, "del");

	canon_word(&c, "tc");
	canon_word(&c, t->is_class ? "class" : "qdisc");
	canon_word(&c, verb);
	canon_word(&c, "dev");
	canon_word(&c, dev);
	if (t->is_class) {
		/* a class at the top (the kernel says root) is the
		 * qdisc's: parent H:, as tc's users write it */
		if (!del)
			handle_word(&c, "parent", t->parent == TC_H_ROOT ?
			            TC_H_MAJ(t->handle) : t->parent);
		handle_word(&c, "classid", t->handle);
	} else {
		canon_word(&c, "root");
		if (!del)
			handle_word(&c, "handle", t->handle);
	}
	if (del || !o || !o->kind)
		return;
	canon_word(&c, o->kind->id);
	if (o->kind->canon)
		o->kind->canon(&c, o, t->is_class);
}
