/* SPDX-License-Identifier: GPL-2.0-or-later */
/* fromjson_links.c - the links of a show --json document as commands
 * (phases 2 to 5 of fromjson.c): veth pairs once, bridges, dummies, and
 * what is stacked on a lower device once that is made; then MTUs,
 * masters and port options, addresses, up. */
#include "topo/fromjson_int.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "util/esc.h"
#include "util/sbuf.h"

/* ---- phase 2: making links --------------------------------------------- */

static void leave(struct ctx *x, struct jns *ns, struct jlink *l,
		  const char *why)
{
	char p[200], n[ESC_NAME_LEN];

	tj_link_path(p, sizeof p, x, ns, l);
	tj_comment(x, "%s (%s/%s): %s, left out", p, ns->label,
		   esc_str(l->ifname, n, sizeof n), why);
	l->state = L_LEFT;
}

static void made(struct ctx *x, struct jlink *l)
{
	l->state = L_MADE;
	l->order = x->made++;
}

/* The bridge options of info_data that are not the kernel's defaults */
static int bridge_opts(struct ctx *x, struct json_object *d, const char *p,
		       struct words *w)
{
	static const struct { const char *key; int64_t def, max; } o[] = {
		{ "forward_delay", 1500, UINT32_MAX },
		{ "hello_time", 200, UINT32_MAX },
		{ "max_age", 2000, UINT32_MAX },
		{ "ageing_time", 30000, UINT32_MAX },
		{ "stp_state", 0, UINT32_MAX },
		{ "priority", 32768, 65535 },
		{ "vlan_filtering", 0, 1 },
		{ "vlan_default_pvid", 1, 4094 },
		{ "mcast_snooping", 1, 1 },
	};
	const char *proto;

	for (size_t i = 0; d && i < sizeof o / sizeof o[0]; i++) {
		int64_t v;
		bool has;

		if (tj_get_int(x, d, p, o[i].key, false, 0, o[i].max, &v, &has) < 0)
			return -1;
		if (has && v != o[i].def) {
			tj_w_add(w, o[i].key);
			tj_w_addf(w, "%lld", (long long)v);
		}
	}
	if (tj_get_str(x, d, p, "vlan_protocol", false, &proto) < 0)
		return -1;
	if (proto && strcmp(proto, "802.1Q")) {
		tj_w_add(w, "vlan_protocol");
		tj_w_add(w, proto);
	}
	return 0;
}

/* A veth: made from one end, once.  Returns 0 with nothing done for the
 * end the other one makes. */
static int make_veth(struct ctx *x, struct jns *ns, struct jlink *l,
		     const char *p)
{
	struct json_object *peer;
	const char *pname;
	int64_t pid;
	bool has;
	struct jns *pns;
	struct jlink *pl;
	struct words w;
	char pp[420];

	if (tj_get_obj(x, l->o, p, "peer", &peer) < 0)
		return -1;
	snprintf(pp, sizeof pp, "%s.peer", p);
	if (!peer) {
		leave(x, ns, l, "a veth whose peer is not known");
		return 0;
	}
	if (tj_get_str(x, peer, pp, "name", false, &pname) < 0 ||
	    tj_get_int(x, peer, pp, "namespace_id", false, INT32_MIN, INT32_MAX,
		       &pid, &has) < 0)
		return -1;
	pns = has ? tj_ns_by_id(x, pid) : NULL;
	if (!pname || !pns) {
		leave(x, ns, l, "a veth whose peer is not known");
		return 0;
	}
	if (pns->skip) {
		leave(x, ns, l, "its peer is in a namespace left out");
		return 0;
	}
	pl = tj_link_by_name(pns, pname);
	if (pl == l) {
		leave(x, ns, l, "a veth that is its own peer");
		return 0;
	}
	if (pl && pl->state != L_PENDING)
		return 0;      /* made with the other end (or left out) */
	if (pl) {
		/* made from the end in the host, else from the first; in
		 * one namespace from the end with the higher ifindex: the
		 * kernel numbers the peer first, so the pair made again is
		 * numbered as it was */
		bool mine = ns->host ? true : pns->host ? false :
		            ns != pns ? ns < pns : l->ifindex > pl->ifindex;

		if (!mine)
			return 0;
		if (strcmp(pl->kind, "veth")) {
			leave(x, ns, l, "its peer is not a veth");
			return 0;
		}
	}
	if (pns->host && !ns->host) {
		leave(x, ns, l, "its peer is in the host, which is not "
		      "described: make it from there");
		return 0;
	}
	tj_w_start(&w, ns);
	tj_w_add(&w, "link");
	tj_w_add(&w, "add");
	tj_w_add(&w, l->ifname);
	tj_w_add(&w, "type");
	tj_w_add(&w, "veth");
	tj_w_add(&w, "peer");
	tj_w_add(&w, "name");
	tj_w_add(&w, pname);
	if (pns != ns) {
		tj_w_add(&w, "netns");
		tj_w_add(&w, pns->name);
	}
	if (tj_emit(x, p, &w) < 0)
		return -1;
	made(x, l);
	if (pl)
		made(x, pl);
	return 0;
}

/* vlan, macvlan, ipvlan, vxlan: their options; *wait when the lower
 * device is not made yet */
static int make_stacked(struct ctx *x, struct jns *ns, struct jlink *l,
			const char *p, bool *wait)
{
	struct json_object *li = tj_member(l->o, "linkinfo"), *d;
	const char *lower = NULL, *s;
	struct jlink *ll = NULL;
	bool vxlan = !strcmp(l->kind, "vxlan"), has;
	struct words w;
	char dp[440], n[ESC_NAME_LEN];
	int64_t v;

	*wait = false;
	snprintf(dp, sizeof dp, "%s.linkinfo.info_data", p);
	d = tj_member(li, "info_data");
	if (d && !json_object_is_type(d, json_type_object))
		return tj_fail(x, dp, "not an object");
	if (!d) {
		leave(x, ns, l, "its options (linkinfo.info_data) are not in "
		      "the JSON");
		return 0;
	}
	if (vxlan) {
		if (tj_get_str(x, d, dp, "link", false, &lower) < 0)
			return -1;
	} else {
		if (tj_get_str(x, l->o, p, "link", false, &lower) < 0)
			return -1;
		if (!lower) {
			leave(x, ns, l, tj_present(l->o, "link_index") ?
			      "its lower device is in another namespace" :
			      "its lower device is not known");
			return 0;
		}
	}
	if (lower) {
		ll = tj_link_by_name(ns, lower);
		if (!ll || ll->state == L_LEFT) {
			char why[ESC_NAME_LEN + 64];

			snprintf(why, sizeof why, "its lower device %s is "
			         "not made", esc_str(lower, n, sizeof n));
			leave(x, ns, l, why);
			return 0;
		}
		if (ll->state == L_PENDING) {
			*wait = true;
			return 0;
		}
	}
	tj_w_start(&w, ns);
	tj_w_add(&w, "link");
	tj_w_add(&w, "add");
	if (!vxlan) {
		tj_w_add(&w, "link");
		tj_w_add(&w, lower);
		tj_w_add(&w, "name");
	}
	tj_w_add(&w, l->ifname);
	tj_w_add(&w, "type");
	tj_w_add(&w, l->kind);
	if (!strcmp(l->kind, "vlan")) {
		if (tj_get_int(x, d, dp, "id", true, 0, 4095, &v, &has) < 0 ||
		    tj_get_str(x, d, dp, "protocol", false, &s) < 0)
			goto bad;
		tj_w_add(&w, "id");
		tj_w_addf(&w, "%lld", (long long)v);
		if (s && strcmp(s, "802.1Q")) {
			tj_w_add(&w, "protocol");
			tj_w_add(&w, s);
		}
	} else if (!vxlan) {
		if (tj_get_str(x, d, dp, "mode", false, &s) < 0)
			goto bad;
		if (s) {
			tj_w_add(&w, "mode");
			tj_w_add(&w, s);
		}
	} else {
		if (tj_get_int(x, d, dp, "id", true, 0, 16777215, &v, &has) < 0)
			goto bad;
		tj_w_add(&w, "id");
		tj_w_addf(&w, "%lld", (long long)v);
		if (tj_get_str(x, d, dp, "remote", false, &s) < 0)
			goto bad;
		if (s) {
			tj_w_add(&w, "remote");
			tj_w_add(&w, s);
		}
		if (tj_get_str(x, d, dp, "group", false, &s) < 0)
			goto bad;
		if (s) {
			tj_w_add(&w, "group");
			tj_w_add(&w, s);
		}
		if (tj_get_str(x, d, dp, "local", false, &s) < 0)
			goto bad;
		if (s) {
			tj_w_add(&w, "local");
			tj_w_add(&w, s);
		}
		if (lower) {
			tj_w_add(&w, "dev");
			tj_w_add(&w, lower);
		}
		if (tj_get_int(x, d, dp, "ttl", false, 0, 255, &v, &has) < 0)
			goto bad;
		if (has && v) {
			tj_w_add(&w, "ttl");
			tj_w_addf(&w, "%lld", (long long)v);
		}
		if (tj_get_int(x, d, dp, "port", false, 0, 65535, &v, &has) < 0)
			goto bad;
		if (has) {
			tj_w_add(&w, "dstport");
			tj_w_addf(&w, "%lld", (long long)v);
		}
	}
	if (tj_emit(x, p, &w) < 0)
		return -1;
	made(x, l);
	return 0;
bad:
	tj_w_free(&w);
	return -1;
}

static int make_link(struct ctx *x, struct jns *ns, struct jlink *l,
		     bool *wait)
{
	char p[200];
	struct words w;

	*wait = false;
	tj_link_path(p, sizeof p, x, ns, l);
	if (!l->kind[0]) {
		if (!strcmp(l->ifname, "lo"))
			made(x, l);    /* every namespace has its own */
		else
			leave(x, ns, l, "a device without a kind (a network "
			      "card?) nsviz cannot make");
		return 0;
	}
	if (!strcmp(l->kind, "veth"))
		return make_veth(x, ns, l, p);
	if (!strcmp(l->kind, "vlan") || !strcmp(l->kind, "macvlan") ||
	    !strcmp(l->kind, "ipvlan") || !strcmp(l->kind, "vxlan"))
		return make_stacked(x, ns, l, p, wait);
	if (!strcmp(l->kind, "bridge") || !strcmp(l->kind, "dummy")) {
		tj_w_start(&w, ns);
		tj_w_add(&w, "link");
		tj_w_add(&w, "add");
		tj_w_add(&w, l->ifname);
		tj_w_add(&w, "type");
		tj_w_add(&w, l->kind);
		if (!strcmp(l->kind, "bridge")) {
			char dp[240];

			snprintf(dp, sizeof dp, "%s.linkinfo.info_data", p);
			if (bridge_opts(x, tj_member(tj_member(l->o, "linkinfo"),
						     "info_data"), dp, &w) < 0) {
				tj_w_free(&w);
				return -1;
			}
		}
		if (tj_emit(x, p, &w) < 0)
			return -1;
		made(x, l);
		return 0;
	}
	{
		char why[100], k[ESC_NAME_LEN];

		snprintf(why, sizeof why, "kind %s, which nsviz cannot make",
			 esc_str(l->kind, k, sizeof k));
		leave(x, ns, l, why);
	}
	return 0;
}

int tj_make_links(struct ctx *x)
{
	bool progress = true, pending = true;

	/* passes until nothing more can be made: a lower device first */
	while (pending && progress) {
		progress = pending = false;
		for (size_t i = 0; i < x->nns; i++) {
			struct jns *ns = &x->ns[i];

			for (size_t j = 0; !ns->skip && j < ns->nlinks; j++) {
				struct jlink *l = &ns->links[j];
				bool wait;

				if (l->state != L_PENDING)
					continue;
				if (make_link(x, ns, l, &wait) < 0)
					return -1;
				if (l->state != L_PENDING)
					progress = true;
				else
					pending = true;
			}
		}
	}
	for (size_t i = 0; i < x->nns; i++)
		for (size_t j = 0; !x->ns[i].skip && j < x->ns[i].nlinks; j++)
			if (x->ns[i].links[j].state == L_PENDING)
				leave(x, &x->ns[i], &x->ns[i].links[j],
				      "its lower device or its peer could not "
				      "be made");
	return 0;
}

/* The links made, in the order they were made */
size_t tj_made_order(struct ctx *x, struct jns **nsv, struct jlink **lv)
{
	size_t n = 0;

	for (size_t i = 0; i < x->nns; i++)
		for (size_t j = 0; !x->ns[i].skip && j < x->ns[i].nlinks; j++)
			if (x->ns[i].links[j].state == L_MADE) {
				size_t o = x->ns[i].links[j].order;

				nsv[o] = &x->ns[i];
				lv[o] = &x->ns[i].links[j];
				n++;
			}
	return n;
}

/* ---- phase 3..5: settings, addresses, up ------------------------------- */

static int64_t default_mtu(const struct jlink *l)
{
	if (!strcmp(l->ifname, "lo") && !l->kind[0])
		return 65536;
	if (!strcmp(l->kind, "vxlan")) {
		struct json_object *d = tj_member(tj_member(l->o, "linkinfo"),
						  "info_data");
		struct json_object *r = tj_member(d, "remote");

		if (!r)
			r = tj_member(d, "group");
		if (r && json_object_is_type(r, json_type_string) &&
		    strchr(json_object_get_string(r), ':'))
			return 1430;
		return 1450;
	}
	return 1500;
}

/* A bridge port's options (info_slave_data) that are not the kernel's
 * defaults; not its cost (the kernel's default depends on the link's
 * speed, which the JSON does not say) nor its STP state */
static int port_opts(struct ctx *x, struct jns *ns, struct jlink *l,
		     const char *p)
{
	static const struct { const char *key; bool def; } flags[] = {
		{ "hairpin", false }, { "learning", true }, { "flood", true },
		{ "isolated", false },
	};
	struct json_object *d = tj_member(tj_member(l->o, "linkinfo"),
					  "info_slave_data");
	char dp[240];
	struct words w;
	int64_t prio;
	bool has;

	if (!d)
		return 0;
	snprintf(dp, sizeof dp, "%s.linkinfo.info_slave_data", p);
	if (!json_object_is_type(d, json_type_object))
		return tj_fail(x, dp, "not an object");
	tj_w_start(&w, ns);
	tj_w_add(&w, "link");
	tj_w_add(&w, "set");
	tj_w_add(&w, l->ifname);
	tj_w_add(&w, "type");
	tj_w_add(&w, "bridge_slave");
	if (tj_get_int(x, d, dp, "priority", false, 0, 63, &prio, &has) < 0)
		goto bad;
	if (has && prio != 32) {
		tj_w_add(&w, "priority");
		tj_w_addf(&w, "%lld", (long long)prio);
	}
	for (size_t i = 0; i < sizeof flags / sizeof *flags; i++) {
		struct json_object *v = tj_member(d, flags[i].key);

		if (!v)
			continue;
		if (!json_object_is_type(v, json_type_boolean)) {
			tj_failk(x, dp, flags[i].key, "not a boolean");
			goto bad;
		}
		if (json_object_get_boolean(v) != flags[i].def) {
			tj_w_add(&w, flags[i].key);
			tj_w_add(&w, json_object_get_boolean(v) ? "on" : "off");
		}
	}
	if (w.n == (ns->name ? 7 : 5)) {
		tj_w_free(&w);
		return 0;
	}
	return tj_emit(x, p, &w);
bad:
	tj_w_free(&w);
	return -1;
}

int tj_link_settings(struct ctx *x, struct jns *ns, struct jlink *l)
{
	char p[200], n[ESC_NAME_LEN];
	const char *master;
	struct words w;
	int64_t mtu;
	bool has;

	tj_link_path(p, sizeof p, x, ns, l);
	if (tj_get_int(x, l->o, p, "mtu", false, 0, UINT32_MAX, &mtu, &has) < 0 ||
	    tj_get_str(x, l->o, p, "master", false, &master) < 0)
		return -1;
	if (has && mtu != default_mtu(l)) {
		tj_w_start(&w, ns);
		tj_w_add(&w, "link");
		tj_w_add(&w, "set");
		tj_w_add(&w, l->ifname);
		tj_w_add(&w, "mtu");
		tj_w_addf(&w, "%lld", (long long)mtu);
		if (tj_emit(x, p, &w) < 0)
			return -1;
	}
	if (master) {
		struct jlink *m = tj_link_by_name(ns, master);

		if (!m || m->state != L_MADE) {
			tj_comment(x, "%s (%s/%s): its master %s is left out", p,
				   ns->label, esc_str(l->ifname, n, sizeof n), master);
			return 0;
		}
		tj_w_start(&w, ns);
		tj_w_add(&w, "link");
		tj_w_add(&w, "set");
		tj_w_add(&w, l->ifname);
		tj_w_add(&w, "master");
		tj_w_add(&w, master);
		if (tj_emit(x, p, &w) < 0)
			return -1;
		if (!strcmp(m->kind, "bridge"))
			return port_opts(x, ns, l, p);
	}
	return 0;
}

static bool kernel_addr(const struct jlink *l, const char *fam,
			const char *local, int64_t plen)
{
	if (!l->kind[0] && !strcmp(l->ifname, "lo") &&
	    ((!strcmp(fam, "inet") && !strcmp(local, "127.0.0.1") &&
	      plen == 8) ||
	     (!strcmp(fam, "inet6") && !strcmp(local, "::1") && plen == 128)))
		return true;
	/* the link-local address the kernel gives every link */
	return !strcmp(fam, "inet6") && plen == 64 &&
	       !strncasecmp(local, "fe80:", 5);
}

int tj_link_addrs(struct ctx *x, struct jns *ns, struct jlink *l)
{
	struct json_object *a;
	char p[200], ap[260], n[ESC_NAME_LEN];

	tj_link_path(p, sizeof p, x, ns, l);
	if (tj_get_arr(x, l->o, p, "addr_info", false, &a) < 0)
		return -1;
	for (size_t i = 0; a && i < json_object_array_length(a); i++) {
		struct json_object *e = json_object_array_get_idx(a, i);
		const char *fam, *local, *peer;
		int64_t plen;
		bool has, dyn;
		struct words w;

		snprintf(ap, sizeof ap, "%s.addr_info[%zu]", p, i);
		if (!json_object_is_type(e, json_type_object))
			return tj_fail(x, ap, "not an object");
		if (tj_get_str(x, e, ap, "family", true, &fam) < 0 ||
		    tj_get_str(x, e, ap, "local", true, &local) < 0 ||
		    tj_get_str(x, e, ap, "address", false, &peer) < 0 ||
		    tj_get_int(x, e, ap, "prefixlen", true, 0, 128, &plen,
			       &has) < 0)
			return -1;
		if (strcmp(fam, "inet") && strcmp(fam, "inet6"))
			return tj_failk(x, ap, "family", "%s: not inet or inet6", fam);
		dyn = tj_present(e, "dynamic");
		if (kernel_addr(l, fam, local, plen) || dyn)
			continue;
		if (peer) {
			tj_comment(x, "%s (%s/%s): %s peer %s: a point-to-point "
			        "address nsviz's addr add cannot make, left out",
			        ap, ns->label, esc_str(l->ifname, n, sizeof n),
			        local, peer);
			continue;
		}
		tj_w_start(&w, ns);
		tj_w_add(&w, "addr");
		tj_w_add(&w, "add");
		tj_w_addf(&w, "%.64s/%lld", local, (long long)plen);
		tj_w_add(&w, "dev");
		tj_w_add(&w, l->ifname);
		if (tj_emit(x, ap, &w) < 0)
			return -1;
	}
	return 0;
}

int tj_link_up(struct ctx *x, struct jns *ns, struct jlink *l)
{
	char p[200];
	bool up;
	struct words w;

	tj_link_path(p, sizeof p, x, ns, l);
	if (tj_has_word(x, l->o, p, "flags", "UP", &up) < 0)
		return -1;
	if (!up)
		return 0;
	tj_w_start(&w, ns);
	tj_w_add(&w, "link");
	tj_w_add(&w, "set");
	tj_w_add(&w, l->ifname);
	tj_w_add(&w, "up");
	return tj_emit(x, p, &w);
}
