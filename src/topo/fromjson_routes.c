/* SPDX-License-Identifier: GPL-2.0-or-later */
/* fromjson_routes.c - routes, rules and permanent neighbours of a show
 * --json document as commands (phases 6 to 8 of fromjson.c): what the
 * kernel did not make itself, in nsviz's grammar, or a comment. */
#include "topo/fromjson_int.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "util/esc.h"
#include "util/sbuf.h"

/* ---- phase 6: routes --------------------------------------------------- */

/* The scope ip route add gives a route when none is said (iproute2's
 * iproute_modify) */
static const char *default_scope(bool inet6, const char *type, bool via)
{
	if (inet6)
		return "global";
	if (!strcmp(type, "local") || !strcmp(type, "nat"))
		return "host";
	if (!strcmp(type, "broadcast") || !strcmp(type, "multicast") ||
	    !strcmp(type, "anycast"))
		return "link";
	if (!strcmp(type, "unicast") && !via)
		return "link";
	return "global";
}

int tj_route(struct ctx *x, struct jns *ns, struct json_object *r,
	     const char *rp)
{
	const char *type, *dst, *table, *proto, *scope, *gw, *dev, *src, *fam;
	char n[ESC_NAME_LEN];
	bool inet6, has, onlink, special;
	int64_t metric;
	struct words w;

	if (!json_object_is_type(r, json_type_object))
		return tj_fail(x, rp, "not an object");
	if (tj_get_str(x, r, rp, "type", true, &type) < 0 ||
	    tj_get_str(x, r, rp, "dst", true, &dst) < 0 ||
	    tj_get_str(x, r, rp, "family", true, &fam) < 0 ||
	    tj_get_str(x, r, rp, "table", false, &table) < 0 ||
	    tj_get_str(x, r, rp, "protocol", false, &proto) < 0 ||
	    tj_get_str(x, r, rp, "scope", false, &scope) < 0 ||
	    tj_get_str(x, r, rp, "gateway", false, &gw) < 0 ||
	    tj_get_str(x, r, rp, "dev", false, &dev) < 0 ||
	    tj_get_str(x, r, rp, "prefsrc", false, &src) < 0 ||
	    tj_get_int(x, r, rp, "metric", false, 0, UINT32_MAX, &metric,
		       &has) < 0 ||
	    tj_has_word(x, r, rp, "flags", "onlink", &onlink) < 0)
		return -1;
	if (strcmp(fam, "inet") && strcmp(fam, "inet6"))
		return tj_failk(x, rp, "family", "%s: not inet or inet6", fam);
	inet6 = !strcmp(fam, "inet6");
	if (proto && !strcmp(proto, "kernel"))
		return 0;      /* the kernel makes it again */
	special = !strcmp(type, "blackhole") || !strcmp(type, "unreachable") ||
	          !strcmp(type, "prohibit");
	if (strcmp(type, "unicast") && strcmp(type, "local") && !special) {
		tj_comment(x, "%s (%s): a route of type %s, which nsviz's route "
		        "add cannot make, left out", rp, ns->label, type);
		return 0;
	}
	{
		static const char *const unsaid[] = {
			"nexthops", "via", "from", "tos", "metrics", "iif",
		};
		for (size_t i = 0; i < sizeof unsaid / sizeof *unsaid; i++)
			if (tj_present(r, unsaid[i])) {
				tj_comment(x, "%s (%s): %s %s: nsviz's route add has "
				        "no %s, left out", rp, ns->label, type,
				        dst, unsaid[i]);
				return 0;
			}
	}
	if (onlink) {
		tj_comment(x, "%s (%s): %s: nsviz's route add has no onlink, left "
		        "out", rp, ns->label, dst);
		return 0;
	}
	if (dev && !special) {
		struct jlink *l = tj_link_by_name(ns, dev);

		if (!l || l->state != L_MADE) {
			tj_comment(x, "%s (%s): %s: its device %s is left out", rp,
				   ns->label, dst, esc_str(dev, n, sizeof n));
			return 0;
		}
	}
	tj_w_start(&w, ns);
	if (inet6)
		tj_w_add(&w, "-6");
	tj_w_add(&w, "route");
	tj_w_add(&w, "add");
	if (strcmp(type, "unicast"))
		tj_w_add(&w, type);
	tj_w_add(&w, dst);
	if (gw) {
		tj_w_add(&w, "via");
		tj_w_add(&w, gw);
	}
	if (dev && !special) {
		tj_w_add(&w, "dev");
		tj_w_add(&w, dev);
	}
	if (scope && strcmp(scope, default_scope(inet6, type, gw))) {
		tj_w_add(&w, "scope");
		tj_w_add(&w, scope);
	}
	if (src) {
		tj_w_add(&w, "src");
		tj_w_add(&w, src);
	}
	if (has && !(inet6 && metric == 1024)) {
		tj_w_add(&w, "metric");
		tj_w_addf(&w, "%lld", (long long)metric);
	}
	if (table && strcmp(table, "main")) {
		tj_w_add(&w, "table");
		tj_w_add(&w, table);
	}
	if (proto && strcmp(proto, "boot")) {
		tj_w_add(&w, "proto");
		tj_w_add(&w, proto);
	}
	return tj_emit(x, rp, &w);
}

/* ---- phase 7: rules ---------------------------------------------------- */

/* The kernel's own rules: 0 local, 32766 main, 32767 default */
static bool default_rule(int64_t pref, const char *table, bool sel)
{
	return !sel && table &&
	       ((pref == 0 && !strcmp(table, "local")) ||
	        (pref == 32766 && !strcmp(table, "main")) ||
	        (pref == 32767 && !strcmp(table, "default")));
}

int tj_rule(struct ctx *x, struct jns *ns, struct json_object *r,
	    const char *rp)
{
	const char *fam, *src, *dst, *iif, *oif, *table, *action, *proto,
	           *tos, *fwmark, *fwmask;
	int64_t pref, srclen, dstlen;
	bool has, hsl, hdl, sel;
	struct words w;

	if (!json_object_is_type(r, json_type_object))
		return tj_fail(x, rp, "not an object");
	if (tj_get_str(x, r, rp, "family", true, &fam) < 0 ||
	    tj_get_int(x, r, rp, "priority", true, 0, UINT32_MAX, &pref,
		       &has) < 0 ||
	    tj_get_str(x, r, rp, "src", false, &src) < 0 ||
	    tj_get_int(x, r, rp, "srclen", false, 0, 128, &srclen, &hsl) < 0 ||
	    tj_get_str(x, r, rp, "dst", false, &dst) < 0 ||
	    tj_get_int(x, r, rp, "dstlen", false, 0, 128, &dstlen, &hdl) < 0 ||
	    tj_get_str(x, r, rp, "iif", false, &iif) < 0 ||
	    tj_get_str(x, r, rp, "oif", false, &oif) < 0 ||
	    tj_get_str(x, r, rp, "tos", false, &tos) < 0 ||
	    tj_get_str(x, r, rp, "fwmark", false, &fwmark) < 0 ||
	    tj_get_str(x, r, rp, "fwmask", false, &fwmask) < 0 ||
	    tj_get_str(x, r, rp, "table", false, &table) < 0 ||
	    tj_get_str(x, r, rp, "action", false, &action) < 0 ||
	    tj_get_str(x, r, rp, "protocol", false, &proto) < 0)
		return -1;
	if (strcmp(fam, "inet") && strcmp(fam, "inet6"))
		return tj_failk(x, rp, "family", "%s: not inet or inet6", fam);
	if (src && !strcmp(src, "all"))
		src = NULL;
	if (dst && !strcmp(dst, "all"))
		dst = NULL;
	sel = src || dst || iif || oif || tos || fwmark ||
	      tj_present(r, "not") || action;
	if ((proto && !strcmp(proto, "kernel")) ||
	    default_rule(pref, table, sel))
		return 0;      /* the kernel's own */
	{
		static const char *const unsaid[] = {
			"goto", "nop", "l3mdev", "uid_start", "ipproto",
			"sport", "dport", "tun_id", "suppress_prefixlen",
			"suppress_ifgroup", "flow_to", "flow_from", "nat",
		};
		for (size_t i = 0; i < sizeof unsaid / sizeof *unsaid; i++)
			if (tj_present(r, unsaid[i])) {
				tj_comment(x, "%s (%s): a rule with %s, which nsviz's "
				        "rule add cannot make, left out", rp,
				        ns->label, unsaid[i]);
				return 0;
			}
	}
	if (action && strcmp(action, "blackhole") &&
	    strcmp(action, "unreachable") && strcmp(action, "prohibit")) {
		tj_comment(x, "%s (%s): a rule with action %s, which nsviz's rule "
		        "add cannot make, left out", rp, ns->label, action);
		return 0;
	}
	tj_w_start(&w, ns);
	if (!strcmp(fam, "inet6"))
		tj_w_add(&w, "-6");
	tj_w_add(&w, "rule");
	tj_w_add(&w, "add");
	if (tj_present(r, "not"))
		tj_w_add(&w, "not");
	if (src) {
		tj_w_add(&w, "from");
		if (hsl)
			tj_w_addf(&w, "%.64s/%lld", src, (long long)srclen);
		else
			tj_w_add(&w, src);
	}
	if (dst) {
		tj_w_add(&w, "to");
		if (hdl)
			tj_w_addf(&w, "%.64s/%lld", dst, (long long)dstlen);
		else
			tj_w_add(&w, dst);
	}
	if (iif) {
		tj_w_add(&w, "iif");
		tj_w_add(&w, iif);
	}
	if (oif) {
		tj_w_add(&w, "oif");
		tj_w_add(&w, oif);
	}
	if (fwmark) {
		tj_w_add(&w, "fwmark");
		if (fwmask)
			tj_w_addf(&w, "%.20s/%.20s", fwmark, fwmask);
		else
			tj_w_add(&w, fwmark);
	}
	if (tos) {
		tj_w_add(&w, "tos");
		tj_w_add(&w, tos);
	}
	tj_w_add(&w, "pref");
	tj_w_addf(&w, "%lld", (long long)pref);
	if (proto && strcmp(proto, "boot") && strcmp(proto, "unspec")) {
		tj_w_add(&w, "proto");
		tj_w_add(&w, proto);
	}
	if (action) {
		tj_w_add(&w, action);
	} else if (table) {
		tj_w_add(&w, "lookup");
		tj_w_add(&w, table);
	}
	return tj_emit(x, rp, &w);
}

/* ---- phase 8: neighbours ----------------------------------------------- */

int tj_neighbour(struct ctx *x, struct jns *ns, struct json_object *e,
		 const char *ep)
{
	const char *dst, *dev, *lladdr;
	char n[ESC_NAME_LEN];
	bool perm;
	struct jlink *l;
	struct words w;

	if (!json_object_is_type(e, json_type_object))
		return tj_fail(x, ep, "not an object");
	if (tj_get_str(x, e, ep, "dst", true, &dst) < 0 ||
	    tj_get_str(x, e, ep, "dev", true, &dev) < 0 ||
	    tj_get_str(x, e, ep, "lladdr", false, &lladdr) < 0 ||
	    tj_has_word(x, e, ep, "state", "PERMANENT", &perm) < 0)
		return -1;
	if (!perm)
		return 0;      /* learnt, not made */
	if (tj_present(e, "proxy") || !lladdr) {
		tj_comment(x, "%s (%s): %s: %s nsviz's neigh add cannot make, "
		        "left out", ep, ns->label, dst,
		        tj_present(e, "proxy") ? "a proxy entry" :
		        "a permanent entry without a link-layer address");
		return 0;
	}
	l = tj_link_by_name(ns, dev);
	if (!l || l->state != L_MADE) {
		tj_comment(x, "%s (%s): %s: its device %s is left out", ep,
			   ns->label, dst, esc_str(dev, n, sizeof n));
		return 0;
	}
	tj_w_start(&w, ns);
	tj_w_add(&w, "neigh");
	tj_w_add(&w, "add");
	tj_w_add(&w, dst);
	tj_w_add(&w, "lladdr");
	tj_w_add(&w, lladdr);
	tj_w_add(&w, "dev");
	tj_w_add(&w, dev);
	tj_w_add(&w, "nud");
	tj_w_add(&w, "permanent");
	if (tj_present(e, "router"))
		tj_w_add(&w, "router");
	return tj_emit(x, ep, &w);
}
