/* SPDX-License-Identifier: GPL-2.0-or-later */
/* fromjson.c - `nsviz show --json` (version 2) to the commands that make
 * the same topology.
 *
 * What is made, in this order (each phase over the namespaces in the
 * document's order, so that a veth's far end exists before anything
 * stacked on it, and a link is up before a route through it):
 *   1. `netns add NAME` for every named namespace;
 *   2. the links: a veth pair once (from the end in the host, else from
 *      the end that comes first, or in one namespace from the end with
 *      the higher ifindex; `peer name P [netns NS]`), bridges (their
 *      options that are not the kernel's defaults), dummies, and
 *      vlan/macvlan/ipvlan/vxlan once their lower device is made (their
 *      options from linkinfo.info_data);
 *   3. `link set` for an MTU that is not the kind's default, for the
 *      master (a bridge port) and the port's options that are not the
 *      defaults (not its cost, which the kernel derives from the speed);
 *      MACs are left out (the JSON does not say whether one was set by
 *      hand);
 *   4. the addresses the kernel did not make itself (not lo's 127.0.0.1/8
 *      and ::1, not IPv6 link-local /64 ones, not dynamic ones);
 *   5. `link set X up` for links that are up (lo too);
 *   6. routes not made by the kernel (protocol kernel), in every table;
 *   7. rules that are not the kernel's defaults ("rules", when there);
 *   8. permanent neighbours.
 * What cannot be made is a `# ` comment line saying what and why:
 * unnamed or unreadable namespaces, devices without a kind (a NIC),
 * kinds nsviz cannot make, and what depends on them.
 *
 * Every command is made of words, parsed by the grammar (cmd_parse) and
 * written back by cmd_canonical: the output is nsviz's canonical text,
 * a name is one quoted word (a ';', a quote or a newline in it cannot
 * make another command), and a value the grammar refuses is an error
 * naming its JSON path.
 */
#include "topo/fromjson.h"

#include <errno.h>
#include <json-c/json.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "util/esc.h"
#include "util/sbuf.h"

#define JSON_DEPTH 64          /* show --json nests 8 deep */
#define MAX_WORDS 48

enum lstate { L_PENDING, L_MADE, L_LEFT };

struct jlink {
	struct json_object *o;
	const char *ifname;
	const char *kind;      /* linkinfo.info_kind, "" without */
	int64_t ifindex;
	enum lstate state;
	size_t order;          /* when it was made (phase 2) */
};

struct jns {
	struct json_object *o;
	int64_t id;
	const char *name;      /* named: its name; host: NULL */
	bool host;
	bool skip;             /* left out (unnamed, unreadable) */
	char label[300];       /* escaped, for comments */
	struct jlink *links;
	size_t nlinks;
};

struct ctx {
	const char *file;
	char *err;
	size_t errsz;
	struct sbuf out;
	struct jns *ns;
	size_t nns;
	size_t made;           /* links made so far (their order) */
};

static int fail(struct ctx *x, const char *path, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static int fail(struct ctx *x, const char *path, const char *fmt, ...)
{
	char msg[600];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	snprintf(x->err, x->errsz, "%s: %s%s%s", x->file, path,
	         path[0] ? ": " : "", msg);
	esc_in_place(x->err, x->errsz);
	return -1;
}

/* fail() at member key of path */
#define failk(x, path, key, ...) ({                                     \
		char k_[420];                                           \
		snprintf(k_, sizeof k_, "%s.%s", (path), (key));        \
		fail((x), k_, __VA_ARGS__);                             \
	})

/* A comment line: text escaped, never ending in a backslash (which
 * would continue the line into the next command) */
static void comment(struct ctx *x, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void comment(struct ctx *x, const char *fmt, ...)
{
	char msg[900];
	va_list ap;
	size_t n;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	esc_in_place(msg, sizeof msg);
	n = strlen(msg);
	sbuf_add(&x->out, "# ");
	sbuf_add(&x->out, msg);
	if (n && msg[n - 1] == '\\')
		sbuf_add(&x->out, " .");
	sbuf_addc(&x->out, '\n');
}

static const char *esc(const char *s, char *buf, size_t len)
{
	return esc_str(s, buf, len);
}

/* ---- reading values, with their paths ---------------------------------- */

static struct json_object *member(struct json_object *o, const char *key)
{
	struct json_object *v = NULL;

	if (!o || !json_object_is_type(o, json_type_object) ||
	    !json_object_object_get_ex(o, key, &v))
		return NULL;
	return v;
}

/* Whether key is there, null included (ip writes flags as "router":
 * null) */
static bool present(struct json_object *o, const char *key)
{
	return o && json_object_is_type(o, json_type_object) &&
	       json_object_object_get_ex(o, key, NULL);
}

/* A string member: *s NULL when absent or null (unless required).
 * A string that holds a NUL byte is refused: it would be cut. */
static int get_str(struct ctx *x, struct json_object *o, const char *path,
                   const char *key, bool required, const char **s)
{
	struct json_object *v = member(o, key);
	char p[400];

	*s = NULL;
	snprintf(p, sizeof p, "%s%s%s", path, path[0] ? "." : "", key);
	if (!v || json_object_is_type(v, json_type_null))
		return required ? fail(x, p, "missing") : 0;
	if (!json_object_is_type(v, json_type_string))
		return fail(x, p, "not a string");
	*s = json_object_get_string(v);
	if ((size_t)json_object_get_string_len(v) != strlen(*s))
		return fail(x, p, "holds a NUL character");
	return 0;
}

/* An integer member in [min, max]; *has false when absent or null */
static int get_int(struct ctx *x, struct json_object *o, const char *path,
                   const char *key, bool required, int64_t min, int64_t max,
                   int64_t *v, bool *has)
{
	struct json_object *j = member(o, key);
	char p[400];
	int64_t n;

	*has = false;
	snprintf(p, sizeof p, "%s%s%s", path, path[0] ? "." : "", key);
	if (!j || json_object_is_type(j, json_type_null))
		return required ? fail(x, p, "missing") : 0;
	if (!json_object_is_type(j, json_type_int))
		return fail(x, p, "not an integer");
	errno = 0;
	n = json_object_get_int64(j);
	if (errno == ERANGE || n < min || n > max ||
	    (n == INT64_MAX && json_object_get_uint64(j) != (uint64_t)INT64_MAX))
		return fail(x, p, "out of range (%lld..%lld)", (long long)min,
		            (long long)max);
	*v = n;
	*has = true;
	return 0;
}

static int get_arr(struct ctx *x, struct json_object *o, const char *path,
                   const char *key, bool required, struct json_object **a)
{
	struct json_object *v = member(o, key);
	char p[400];

	*a = NULL;
	snprintf(p, sizeof p, "%s%s%s", path, path[0] ? "." : "", key);
	if (!v || json_object_is_type(v, json_type_null))
		return required ? fail(x, p, "missing") : 0;
	if (!json_object_is_type(v, json_type_array))
		return fail(x, p, "not an array");
	*a = v;
	return 0;
}

static int get_obj(struct ctx *x, struct json_object *o, const char *path,
                   const char *key, struct json_object **r)
{
	struct json_object *v = member(o, key);
	char p[400];

	*r = NULL;
	snprintf(p, sizeof p, "%s%s%s", path, path[0] ? "." : "", key);
	if (!v || json_object_is_type(v, json_type_null))
		return 0;
	if (!json_object_is_type(v, json_type_object))
		return fail(x, p, "not an object");
	*r = v;
	return 0;
}

/* Whether array member key holds the string s */
static int has_word(struct ctx *x, struct json_object *o, const char *path,
                    const char *key, const char *s, bool *yes)
{
	struct json_object *a;

	*yes = false;
	if (get_arr(x, o, path, key, false, &a) < 0)
		return -1;
	for (size_t i = 0; a && i < json_object_array_length(a); i++) {
		struct json_object *e = json_object_array_get_idx(a, i);

		if (json_object_is_type(e, json_type_string) &&
		    !strcmp(json_object_get_string(e), s))
			*yes = true;
	}
	return 0;
}

/* ---- commands ---------------------------------------------------------- */

struct words {
	char *v[MAX_WORDS];
	int n;
};

static void w_add(struct words *w, const char *s)
{
	if (w->n < MAX_WORDS - 1)
		w->v[w->n++] = xstrdup(s);
}

static void w_addf(struct words *w, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void w_addf(struct words *w, const char *fmt, ...)
{
	char buf[128];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	w_add(w, buf);
}

static void w_free(struct words *w)
{
	for (int i = 0; i < w->n; i++)
		free(w->v[i]);
	w->n = 0;
}

/* The words, in namespace ns (-n NAME; nothing for the host) */
static void w_start(struct words *w, const struct jns *ns)
{
	w->n = 0;
	if (ns->name) {
		w_add(w, "-n");
		w_add(w, ns->name);
	}
}

/* Parse the words with the grammar and append their canonical text */
static int emit(struct ctx *x, const char *path, struct words *w)
{
	struct cmd c;
	char e[512];
	int rc = 0;

	w->v[w->n] = NULL;
	if (cmd_parse(w->n, w->v, &c, e, sizeof e) < 0) {
		rc = fail(x, path, "%s", e);
	} else {
		cmd_canonical(&c, &x->out);
		sbuf_addc(&x->out, '\n');
		cmd_free(&c);
	}
	w_free(w);
	return rc;
}

/* ---- namespaces and links ---------------------------------------------- */

static struct jns *ns_by_id(struct ctx *x, int64_t id)
{
	for (size_t i = 0; i < x->nns; i++)
		if (x->ns[i].id == id)
			return &x->ns[i];
	return NULL;
}

static struct jlink *link_by_name(struct jns *ns, const char *name)
{
	for (size_t i = 0; name && i < ns->nlinks; i++)
		if (!strcmp(ns->links[i].ifname, name))
			return &ns->links[i];
	return NULL;
}

static void link_path(char *p, size_t len, const struct ctx *x,
                      const struct jns *ns, const struct jlink *l)
{
	snprintf(p, len, "namespaces[%zu].links[%zu]",
	         (size_t)(ns - x->ns), (size_t)(l - ns->links));
}

static int read_links(struct ctx *x, struct jns *ns, const char *path)
{
	struct json_object *a;
	char p[400];

	if (get_arr(x, ns->o, path, "links", true, &a) < 0)
		return -1;
	ns->nlinks = json_object_array_length(a);
	ns->links = xcalloc(ns->nlinks ? ns->nlinks : 1, sizeof *ns->links);
	for (size_t i = 0; i < ns->nlinks; i++) {
		struct jlink *l = &ns->links[i];
		struct json_object *li;
		bool has;

		snprintf(p, sizeof p, "%s.links[%zu]", path, i);
		l->o = json_object_array_get_idx(a, i);
		if (!json_object_is_type(l->o, json_type_object))
			return fail(x, p, "not an object");
		if (get_str(x, l->o, p, "ifname", true, &l->ifname) < 0 ||
		    get_int(x, l->o, p, "ifindex", true, 1, INT32_MAX,
		            &l->ifindex, &has) < 0 ||
		    get_obj(x, l->o, p, "linkinfo", &li) < 0)
			return -1;
		if (!l->ifname[0])
			return failk(x, p, "ifname", "empty");
		if (li) {
			char lp[420];

			snprintf(lp, sizeof lp, "%s.linkinfo", p);
			if (get_str(x, li, lp, "info_kind", false, &l->kind) < 0)
				return -1;
		}
		if (!l->kind)
			l->kind = "";
		for (size_t k = 0; k < i; k++)
			if (!strcmp(ns->links[k].ifname, l->ifname))
				return failk(x, p, "ifname", "%s twice in "
				             "the namespace", l->ifname);
	}
	return 0;
}

static int read_namespaces(struct ctx *x, struct json_object *root)
{
	struct json_object *a;
	char p[64];

	if (get_arr(x, root, "", "namespaces", true, &a) < 0)
		return -1;
	x->nns = json_object_array_length(a);
	x->ns = xcalloc(x->nns ? x->nns : 1, sizeof *x->ns);
	for (size_t i = 0; i < x->nns; i++) {
		struct jns *ns = &x->ns[i];
		const char *kind, *label;
		struct json_object *rd;
		bool has;

		snprintf(p, sizeof p, "namespaces[%zu]", i);
		ns->o = json_object_array_get_idx(a, i);
		if (!json_object_is_type(ns->o, json_type_object))
			return fail(x, p, "not an object");
		if (get_int(x, ns->o, p, "id", true, INT32_MIN, INT32_MAX,
		            &ns->id, &has) < 0 ||
		    get_str(x, ns->o, p, "kind", true, &kind) < 0 ||
		    get_str(x, ns->o, p, "label", false, &label) < 0)
			return -1;
		for (size_t k = 0; k < i; k++)
			if (x->ns[k].id == ns->id)
				return failk(x, p, "id", "%lld twice",
				             (long long)ns->id);
		if (!strcmp(kind, "host")) {
			ns->host = true;
			for (size_t k = 0; k < i; k++)
				if (x->ns[k].host)
					return failk(x, p, "kind", "a second host");
		} else if (!strcmp(kind, "named")) {
			if (get_str(x, ns->o, p, "name", true, &ns->name) < 0)
				return -1;
			if (!ns->name[0])
				return failk(x, p, "name", "empty");
			for (size_t k = 0; k < i; k++)
				if (x->ns[k].name && !strcmp(x->ns[k].name, ns->name))
					return failk(x, p, "name", "%s twice",
					             ns->name);
		} else if (!strcmp(kind, "unnamed")) {
			ns->skip = true;
		} else {
			return failk(x, p, "kind", "%s: not host, named or "
			             "unnamed", kind);
		}
		esc(ns->host ? "host" : ns->name ? ns->name :
		    label ? label : "?", ns->label, sizeof ns->label);
		rd = member(ns->o, "readable");
		if (rd && !json_object_is_type(rd, json_type_boolean))
			return failk(x, p, "readable", "not a boolean");
		if (rd && !json_object_get_boolean(rd) && !ns->skip) {
			comment(x, "%s (%s): could not be read by show: its "
			        "links, addresses and routes are unknown, left "
			        "out", p, ns->label);
			ns->skip = true;
			if (ns->name) {
				/* the namespace itself is known */
				continue;
			}
		} else if (ns->skip) {
			comment(x, "%s (%s): unnamed, left out (only a named "
			        "namespace can be made again)", p, ns->label);
		}
		if (read_links(x, ns, p) < 0)
			return -1;
	}
	return 0;
}

/* ---- phase 2: making links --------------------------------------------- */

static void leave(struct ctx *x, struct jns *ns, struct jlink *l,
                  const char *why)
{
	char p[200], n[ESC_NAME_LEN];

	link_path(p, sizeof p, x, ns, l);
	comment(x, "%s (%s/%s): %s, left out", p, ns->label,
	        esc(l->ifname, n, sizeof n), why);
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

		if (get_int(x, d, p, o[i].key, false, 0, o[i].max, &v, &has) < 0)
			return -1;
		if (has && v != o[i].def) {
			w_add(w, o[i].key);
			w_addf(w, "%lld", (long long)v);
		}
	}
	if (get_str(x, d, p, "vlan_protocol", false, &proto) < 0)
		return -1;
	if (proto && strcmp(proto, "802.1Q")) {
		w_add(w, "vlan_protocol");
		w_add(w, proto);
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

	if (get_obj(x, l->o, p, "peer", &peer) < 0)
		return -1;
	snprintf(pp, sizeof pp, "%s.peer", p);
	if (!peer) {
		leave(x, ns, l, "a veth whose peer is not known");
		return 0;
	}
	if (get_str(x, peer, pp, "name", false, &pname) < 0 ||
	    get_int(x, peer, pp, "namespace_id", false, INT32_MIN, INT32_MAX,
	            &pid, &has) < 0)
		return -1;
	pns = has ? ns_by_id(x, pid) : NULL;
	if (!pname || !pns) {
		leave(x, ns, l, "a veth whose peer is not known");
		return 0;
	}
	if (pns->skip) {
		leave(x, ns, l, "its peer is in a namespace left out");
		return 0;
	}
	pl = link_by_name(pns, pname);
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
	w_start(&w, ns);
	w_add(&w, "link");
	w_add(&w, "add");
	w_add(&w, l->ifname);
	w_add(&w, "type");
	w_add(&w, "veth");
	w_add(&w, "peer");
	w_add(&w, "name");
	w_add(&w, pname);
	if (pns != ns) {
		w_add(&w, "netns");
		w_add(&w, pns->name);
	}
	if (emit(x, p, &w) < 0)
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
	struct json_object *li = member(l->o, "linkinfo"), *d;
	const char *lower = NULL, *s;
	struct jlink *ll = NULL;
	bool vxlan = !strcmp(l->kind, "vxlan"), has;
	struct words w;
	char dp[440], n[ESC_NAME_LEN];
	int64_t v;

	*wait = false;
	snprintf(dp, sizeof dp, "%s.linkinfo.info_data", p);
	d = member(li, "info_data");
	if (d && !json_object_is_type(d, json_type_object))
		return fail(x, dp, "not an object");
	if (!d) {
		leave(x, ns, l, "its options (linkinfo.info_data) are not in "
		      "the JSON");
		return 0;
	}
	if (vxlan) {
		if (get_str(x, d, dp, "link", false, &lower) < 0)
			return -1;
	} else {
		if (get_str(x, l->o, p, "link", false, &lower) < 0)
			return -1;
		if (!lower) {
			leave(x, ns, l, present(l->o, "link_index") ?
			      "its lower device is in another namespace" :
			      "its lower device is not known");
			return 0;
		}
	}
	if (lower) {
		ll = link_by_name(ns, lower);
		if (!ll || ll->state == L_LEFT) {
			char why[ESC_NAME_LEN + 64];

			snprintf(why, sizeof why, "its lower device %s is "
			         "not made", esc(lower, n, sizeof n));
			leave(x, ns, l, why);
			return 0;
		}
		if (ll->state == L_PENDING) {
			*wait = true;
			return 0;
		}
	}
	w_start(&w, ns);
	w_add(&w, "link");
	w_add(&w, "add");
	if (!vxlan) {
		w_add(&w, "link");
		w_add(&w, lower);
		w_add(&w, "name");
	}
	w_add(&w, l->ifname);
	w_add(&w, "type");
	w_add(&w, l->kind);
	if (!strcmp(l->kind, "vlan")) {
		if (get_int(x, d, dp, "id", true, 0, 4095, &v, &has) < 0 ||
		    get_str(x, d, dp, "protocol", false, &s) < 0)
			goto bad;
		w_add(&w, "id");
		w_addf(&w, "%lld", (long long)v);
		if (s && strcmp(s, "802.1Q")) {
			w_add(&w, "protocol");
			w_add(&w, s);
		}
	} else if (!vxlan) {
		if (get_str(x, d, dp, "mode", false, &s) < 0)
			goto bad;
		if (s) {
			w_add(&w, "mode");
			w_add(&w, s);
		}
	} else {
		if (get_int(x, d, dp, "id", true, 0, 16777215, &v, &has) < 0)
			goto bad;
		w_add(&w, "id");
		w_addf(&w, "%lld", (long long)v);
		if (get_str(x, d, dp, "remote", false, &s) < 0)
			goto bad;
		if (s) {
			w_add(&w, "remote");
			w_add(&w, s);
		}
		if (get_str(x, d, dp, "group", false, &s) < 0)
			goto bad;
		if (s) {
			w_add(&w, "group");
			w_add(&w, s);
		}
		if (get_str(x, d, dp, "local", false, &s) < 0)
			goto bad;
		if (s) {
			w_add(&w, "local");
			w_add(&w, s);
		}
		if (lower) {
			w_add(&w, "dev");
			w_add(&w, lower);
		}
		if (get_int(x, d, dp, "ttl", false, 0, 255, &v, &has) < 0)
			goto bad;
		if (has && v) {
			w_add(&w, "ttl");
			w_addf(&w, "%lld", (long long)v);
		}
		if (get_int(x, d, dp, "port", false, 0, 65535, &v, &has) < 0)
			goto bad;
		if (has) {
			w_add(&w, "dstport");
			w_addf(&w, "%lld", (long long)v);
		}
	}
	if (emit(x, p, &w) < 0)
		return -1;
	made(x, l);
	return 0;
bad:
	w_free(&w);
	return -1;
}

static int make_link(struct ctx *x, struct jns *ns, struct jlink *l,
                     bool *wait)
{
	char p[200];
	struct words w;

	*wait = false;
	link_path(p, sizeof p, x, ns, l);
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
		w_start(&w, ns);
		w_add(&w, "link");
		w_add(&w, "add");
		w_add(&w, l->ifname);
		w_add(&w, "type");
		w_add(&w, l->kind);
		if (!strcmp(l->kind, "bridge")) {
			char dp[240];

			snprintf(dp, sizeof dp, "%s.linkinfo.info_data", p);
			if (bridge_opts(x, member(member(l->o, "linkinfo"),
			                          "info_data"), dp, &w) < 0) {
				w_free(&w);
				return -1;
			}
		}
		if (emit(x, p, &w) < 0)
			return -1;
		made(x, l);
		return 0;
	}
	{
		char why[100], k[ESC_NAME_LEN];

		snprintf(why, sizeof why, "kind %s, which nsviz cannot make",
		         esc(l->kind, k, sizeof k));
		leave(x, ns, l, why);
	}
	return 0;
}

static int make_links(struct ctx *x)
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
static size_t made_order(struct ctx *x, struct jns **nsv, struct jlink **lv)
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
		struct json_object *d = member(member(l->o, "linkinfo"),
		                               "info_data");
		struct json_object *r = member(d, "remote");

		if (!r)
			r = member(d, "group");
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
	struct json_object *d = member(member(l->o, "linkinfo"),
	                               "info_slave_data");
	char dp[240];
	struct words w;
	int64_t prio;
	bool has;

	if (!d)
		return 0;
	snprintf(dp, sizeof dp, "%s.linkinfo.info_slave_data", p);
	if (!json_object_is_type(d, json_type_object))
		return fail(x, dp, "not an object");
	w_start(&w, ns);
	w_add(&w, "link");
	w_add(&w, "set");
	w_add(&w, l->ifname);
	w_add(&w, "type");
	w_add(&w, "bridge_slave");
	if (get_int(x, d, dp, "priority", false, 0, 63, &prio, &has) < 0)
		goto bad;
	if (has && prio != 32) {
		w_add(&w, "priority");
		w_addf(&w, "%lld", (long long)prio);
	}
	for (size_t i = 0; i < sizeof flags / sizeof *flags; i++) {
		struct json_object *v = member(d, flags[i].key);

		if (!v)
			continue;
		if (!json_object_is_type(v, json_type_boolean)) {
			failk(x, dp, flags[i].key, "not a boolean");
			goto bad;
		}
		if (json_object_get_boolean(v) != flags[i].def) {
			w_add(&w, flags[i].key);
			w_add(&w, json_object_get_boolean(v) ? "on" : "off");
		}
	}
	if (w.n == (ns->name ? 7 : 5)) {
		w_free(&w);
		return 0;
	}
	return emit(x, p, &w);
bad:
	w_free(&w);
	return -1;
}

static int link_settings(struct ctx *x, struct jns *ns, struct jlink *l)
{
	char p[200], n[ESC_NAME_LEN];
	const char *master;
	struct words w;
	int64_t mtu;
	bool has;

	link_path(p, sizeof p, x, ns, l);
	if (get_int(x, l->o, p, "mtu", false, 0, UINT32_MAX, &mtu, &has) < 0 ||
	    get_str(x, l->o, p, "master", false, &master) < 0)
		return -1;
	if (has && mtu != default_mtu(l)) {
		w_start(&w, ns);
		w_add(&w, "link");
		w_add(&w, "set");
		w_add(&w, l->ifname);
		w_add(&w, "mtu");
		w_addf(&w, "%lld", (long long)mtu);
		if (emit(x, p, &w) < 0)
			return -1;
	}
	if (master) {
		struct jlink *m = link_by_name(ns, master);

		if (!m || m->state != L_MADE) {
			comment(x, "%s (%s/%s): its master %s is left out", p,
			        ns->label, esc(l->ifname, n, sizeof n), master);
			return 0;
		}
		w_start(&w, ns);
		w_add(&w, "link");
		w_add(&w, "set");
		w_add(&w, l->ifname);
		w_add(&w, "master");
		w_add(&w, master);
		if (emit(x, p, &w) < 0)
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

static int link_addrs(struct ctx *x, struct jns *ns, struct jlink *l)
{
	struct json_object *a;
	char p[200], ap[260], n[ESC_NAME_LEN];

	link_path(p, sizeof p, x, ns, l);
	if (get_arr(x, l->o, p, "addr_info", false, &a) < 0)
		return -1;
	for (size_t i = 0; a && i < json_object_array_length(a); i++) {
		struct json_object *e = json_object_array_get_idx(a, i);
		const char *fam, *local, *peer;
		int64_t plen;
		bool has, dyn;
		struct words w;

		snprintf(ap, sizeof ap, "%s.addr_info[%zu]", p, i);
		if (!json_object_is_type(e, json_type_object))
			return fail(x, ap, "not an object");
		if (get_str(x, e, ap, "family", true, &fam) < 0 ||
		    get_str(x, e, ap, "local", true, &local) < 0 ||
		    get_str(x, e, ap, "address", false, &peer) < 0 ||
		    get_int(x, e, ap, "prefixlen", true, 0, 128, &plen,
		            &has) < 0)
			return -1;
		if (strcmp(fam, "inet") && strcmp(fam, "inet6"))
			return failk(x, ap, "family", "%s: not inet or inet6", fam);
		dyn = present(e, "dynamic");
		if (kernel_addr(l, fam, local, plen) || dyn)
			continue;
		if (peer) {
			comment(x, "%s (%s/%s): %s peer %s: a point-to-point "
			        "address nsviz's addr add cannot make, left out",
			        ap, ns->label, esc(l->ifname, n, sizeof n),
			        local, peer);
			continue;
		}
		w_start(&w, ns);
		w_add(&w, "addr");
		w_add(&w, "add");
		w_addf(&w, "%.64s/%lld", local, (long long)plen);
		w_add(&w, "dev");
		w_add(&w, l->ifname);
		if (emit(x, ap, &w) < 0)
			return -1;
	}
	return 0;
}

static int link_up(struct ctx *x, struct jns *ns, struct jlink *l)
{
	char p[200];
	bool up;
	struct words w;

	link_path(p, sizeof p, x, ns, l);
	if (has_word(x, l->o, p, "flags", "UP", &up) < 0)
		return -1;
	if (!up)
		return 0;
	w_start(&w, ns);
	w_add(&w, "link");
	w_add(&w, "set");
	w_add(&w, l->ifname);
	w_add(&w, "up");
	return emit(x, p, &w);
}

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

static int route(struct ctx *x, struct jns *ns, struct json_object *r,
                 const char *rp)
{
	const char *type, *dst, *table, *proto, *scope, *gw, *dev, *src, *fam;
	char n[ESC_NAME_LEN];
	bool inet6, has, onlink, special;
	int64_t metric;
	struct words w;

	if (!json_object_is_type(r, json_type_object))
		return fail(x, rp, "not an object");
	if (get_str(x, r, rp, "type", true, &type) < 0 ||
	    get_str(x, r, rp, "dst", true, &dst) < 0 ||
	    get_str(x, r, rp, "family", true, &fam) < 0 ||
	    get_str(x, r, rp, "table", false, &table) < 0 ||
	    get_str(x, r, rp, "protocol", false, &proto) < 0 ||
	    get_str(x, r, rp, "scope", false, &scope) < 0 ||
	    get_str(x, r, rp, "gateway", false, &gw) < 0 ||
	    get_str(x, r, rp, "dev", false, &dev) < 0 ||
	    get_str(x, r, rp, "prefsrc", false, &src) < 0 ||
	    get_int(x, r, rp, "metric", false, 0, UINT32_MAX, &metric,
	            &has) < 0 ||
	    has_word(x, r, rp, "flags", "onlink", &onlink) < 0)
		return -1;
	if (strcmp(fam, "inet") && strcmp(fam, "inet6"))
		return failk(x, rp, "family", "%s: not inet or inet6", fam);
	inet6 = !strcmp(fam, "inet6");
	if (proto && !strcmp(proto, "kernel"))
		return 0;      /* the kernel makes it again */
	special = !strcmp(type, "blackhole") || !strcmp(type, "unreachable") ||
	          !strcmp(type, "prohibit");
	if (strcmp(type, "unicast") && strcmp(type, "local") && !special) {
		comment(x, "%s (%s): a route of type %s, which nsviz's route "
		        "add cannot make, left out", rp, ns->label, type);
		return 0;
	}
	{
		static const char *const unsaid[] = {
			"nexthops", "via", "from", "tos", "metrics", "iif",
		};
		for (size_t i = 0; i < sizeof unsaid / sizeof *unsaid; i++)
			if (present(r, unsaid[i])) {
				comment(x, "%s (%s): %s %s: nsviz's route add has "
				        "no %s, left out", rp, ns->label, type,
				        dst, unsaid[i]);
				return 0;
			}
	}
	if (onlink) {
		comment(x, "%s (%s): %s: nsviz's route add has no onlink, left "
		        "out", rp, ns->label, dst);
		return 0;
	}
	if (dev && !special) {
		struct jlink *l = link_by_name(ns, dev);

		if (!l || l->state != L_MADE) {
			comment(x, "%s (%s): %s: its device %s is left out", rp,
			        ns->label, dst, esc(dev, n, sizeof n));
			return 0;
		}
	}
	w_start(&w, ns);
	if (inet6)
		w_add(&w, "-6");
	w_add(&w, "route");
	w_add(&w, "add");
	if (strcmp(type, "unicast"))
		w_add(&w, type);
	w_add(&w, dst);
	if (gw) {
		w_add(&w, "via");
		w_add(&w, gw);
	}
	if (dev && !special) {
		w_add(&w, "dev");
		w_add(&w, dev);
	}
	if (scope && strcmp(scope, default_scope(inet6, type, gw))) {
		w_add(&w, "scope");
		w_add(&w, scope);
	}
	if (src) {
		w_add(&w, "src");
		w_add(&w, src);
	}
	if (has && !(inet6 && metric == 1024)) {
		w_add(&w, "metric");
		w_addf(&w, "%lld", (long long)metric);
	}
	if (table && strcmp(table, "main")) {
		w_add(&w, "table");
		w_add(&w, table);
	}
	if (proto && strcmp(proto, "boot")) {
		w_add(&w, "proto");
		w_add(&w, proto);
	}
	return emit(x, rp, &w);
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

static int rule(struct ctx *x, struct jns *ns, struct json_object *r,
                const char *rp)
{
	const char *fam, *src, *dst, *iif, *oif, *table, *action, *proto,
	           *tos, *fwmark, *fwmask;
	int64_t pref, srclen, dstlen;
	bool has, hsl, hdl, sel;
	struct words w;

	if (!json_object_is_type(r, json_type_object))
		return fail(x, rp, "not an object");
	if (get_str(x, r, rp, "family", true, &fam) < 0 ||
	    get_int(x, r, rp, "priority", true, 0, UINT32_MAX, &pref,
	            &has) < 0 ||
	    get_str(x, r, rp, "src", false, &src) < 0 ||
	    get_int(x, r, rp, "srclen", false, 0, 128, &srclen, &hsl) < 0 ||
	    get_str(x, r, rp, "dst", false, &dst) < 0 ||
	    get_int(x, r, rp, "dstlen", false, 0, 128, &dstlen, &hdl) < 0 ||
	    get_str(x, r, rp, "iif", false, &iif) < 0 ||
	    get_str(x, r, rp, "oif", false, &oif) < 0 ||
	    get_str(x, r, rp, "tos", false, &tos) < 0 ||
	    get_str(x, r, rp, "fwmark", false, &fwmark) < 0 ||
	    get_str(x, r, rp, "fwmask", false, &fwmask) < 0 ||
	    get_str(x, r, rp, "table", false, &table) < 0 ||
	    get_str(x, r, rp, "action", false, &action) < 0 ||
	    get_str(x, r, rp, "protocol", false, &proto) < 0)
		return -1;
	if (strcmp(fam, "inet") && strcmp(fam, "inet6"))
		return failk(x, rp, "family", "%s: not inet or inet6", fam);
	if (src && !strcmp(src, "all"))
		src = NULL;
	if (dst && !strcmp(dst, "all"))
		dst = NULL;
	sel = src || dst || iif || oif || tos || fwmark ||
	      present(r, "not") || action;
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
			if (present(r, unsaid[i])) {
				comment(x, "%s (%s): a rule with %s, which nsviz's "
				        "rule add cannot make, left out", rp,
				        ns->label, unsaid[i]);
				return 0;
			}
	}
	if (action && strcmp(action, "blackhole") &&
	    strcmp(action, "unreachable") && strcmp(action, "prohibit")) {
		comment(x, "%s (%s): a rule with action %s, which nsviz's rule "
		        "add cannot make, left out", rp, ns->label, action);
		return 0;
	}
	w_start(&w, ns);
	if (!strcmp(fam, "inet6"))
		w_add(&w, "-6");
	w_add(&w, "rule");
	w_add(&w, "add");
	if (present(r, "not"))
		w_add(&w, "not");
	if (src) {
		w_add(&w, "from");
		if (hsl)
			w_addf(&w, "%.64s/%lld", src, (long long)srclen);
		else
			w_add(&w, src);
	}
	if (dst) {
		w_add(&w, "to");
		if (hdl)
			w_addf(&w, "%.64s/%lld", dst, (long long)dstlen);
		else
			w_add(&w, dst);
	}
	if (iif) {
		w_add(&w, "iif");
		w_add(&w, iif);
	}
	if (oif) {
		w_add(&w, "oif");
		w_add(&w, oif);
	}
	if (fwmark) {
		w_add(&w, "fwmark");
		if (fwmask)
			w_addf(&w, "%.20s/%.20s", fwmark, fwmask);
		else
			w_add(&w, fwmark);
	}
	if (tos) {
		w_add(&w, "tos");
		w_add(&w, tos);
	}
	w_add(&w, "pref");
	w_addf(&w, "%lld", (long long)pref);
	if (proto && strcmp(proto, "boot") && strcmp(proto, "unspec")) {
		w_add(&w, "proto");
		w_add(&w, proto);
	}
	if (action) {
		w_add(&w, action);
	} else if (table) {
		w_add(&w, "lookup");
		w_add(&w, table);
	}
	return emit(x, rp, &w);
}

/* ---- phase 8: neighbours ----------------------------------------------- */

static int neighbour(struct ctx *x, struct jns *ns, struct json_object *e,
                     const char *ep)
{
	const char *dst, *dev, *lladdr;
	char n[ESC_NAME_LEN];
	bool perm;
	struct jlink *l;
	struct words w;

	if (!json_object_is_type(e, json_type_object))
		return fail(x, ep, "not an object");
	if (get_str(x, e, ep, "dst", true, &dst) < 0 ||
	    get_str(x, e, ep, "dev", true, &dev) < 0 ||
	    get_str(x, e, ep, "lladdr", false, &lladdr) < 0 ||
	    has_word(x, e, ep, "state", "PERMANENT", &perm) < 0)
		return -1;
	if (!perm)
		return 0;      /* learnt, not made */
	if (present(e, "proxy") || !lladdr) {
		comment(x, "%s (%s): %s: %s nsviz's neigh add cannot make, "
		        "left out", ep, ns->label, dst,
		        present(e, "proxy") ? "a proxy entry" :
		        "a permanent entry without a link-layer address");
		return 0;
	}
	l = link_by_name(ns, dev);
	if (!l || l->state != L_MADE) {
		comment(x, "%s (%s): %s: its device %s is left out", ep,
		        ns->label, dst, esc(dev, n, sizeof n));
		return 0;
	}
	w_start(&w, ns);
	w_add(&w, "neigh");
	w_add(&w, "add");
	w_add(&w, dst);
	w_add(&w, "lladdr");
	w_add(&w, lladdr);
	w_add(&w, "dev");
	w_add(&w, dev);
	w_add(&w, "nud");
	w_add(&w, "permanent");
	if (present(e, "router"))
		w_add(&w, "router");
	return emit(x, ep, &w);
}

/* Every element of array key of every namespace, through f */
static int each(struct ctx *x, const char *key, bool required,
                int (*f)(struct ctx *, struct jns *, struct json_object *,
                         const char *))
{
	for (size_t i = 0; i < x->nns; i++) {
		struct jns *ns = &x->ns[i];
		struct json_object *a;
		char p[64], ep[100];

		if (ns->skip)
			continue;
		snprintf(p, sizeof p, "namespaces[%zu]", i);
		if (get_arr(x, ns->o, p, key, required, &a) < 0)
			return -1;
		for (size_t j = 0; a && j < json_object_array_length(a); j++) {
			snprintf(ep, sizeof ep, "%s.%s[%zu]", p, key, j);
			if (f(x, ns, json_object_array_get_idx(a, j), ep) < 0)
				return -1;
		}
	}
	return 0;
}

/* ---- the document ------------------------------------------------------ */

static int translate(struct ctx *x, struct json_object *root)
{
	struct jns **nsv;
	struct jlink **lv;
	size_t n;
	int64_t version;
	bool has;
	int rc = -1;

	if (!json_object_is_type(root, json_type_object))
		return fail(x, "", "not a JSON object (expected nsviz show "
		            "--json's output)");
	if (!member(root, "version"))
		return fail(x, "version", "missing: version 1 (nsviz 0.2) is "
		            "not read; expected 2, from nsviz show --json");
	if (get_int(x, root, "", "version", true, INT64_MIN, INT64_MAX,
	            &version, &has) < 0)
		return -1;
	if (version != 2)
		return fail(x, "version", "%lld is not supported (expected 2, "
		            "from nsviz show --json)", (long long)version);
	if (read_namespaces(x, root) < 0)
		return -1;
	for (size_t i = 0; i < x->nns; i++) {
		struct words w;
		char p[64];

		if (!x->ns[i].name)
			continue;
		snprintf(p, sizeof p, "namespaces[%zu].name", i);
		w.n = 0;
		w_add(&w, "netns");
		w_add(&w, "add");
		w_add(&w, x->ns[i].name);
		if (emit(x, p, &w) < 0)
			return -1;
	}
	if (make_links(x) < 0)
		return -1;
	nsv = xcalloc(x->made + 1, sizeof *nsv);
	lv = xcalloc(x->made + 1, sizeof *lv);
	n = made_order(x, nsv, lv);
	for (size_t i = 0; i < n; i++)
		if (link_settings(x, nsv[i], lv[i]) < 0)
			goto out;
	for (size_t i = 0; i < n; i++)
		if (link_addrs(x, nsv[i], lv[i]) < 0)
			goto out;
	for (size_t i = 0; i < n; i++)
		if (link_up(x, nsv[i], lv[i]) < 0)
			goto out;
	if (each(x, "routes", true, route) < 0 ||
	    each(x, "rules", false, rule) < 0 ||
	    each(x, "neighbours", true, neighbour) < 0)
		goto out;
	rc = 0;
out:
	free(nsv);
	free(lv);
	return rc;
}

/* The line of byte off in text, from 1 */
static size_t line_of(const char *text, size_t off)
{
	size_t line = 1;

	for (size_t i = 0; i < off; i++)
		if (text[i] == '\n')
			line++;
	return line;
}

int topo_json_to_cmds(const char *file, const char *text, size_t len,
                      struct sbuf *out, char *err, size_t errsz)
{
	struct ctx x;
	struct json_tokener *tok;
	struct json_object *root;
	enum json_tokener_error je;
	size_t end;
	int rc;

	memset(&x, 0, sizeof x);
	x.file = file;
	x.err = err;
	x.errsz = errsz;
	x.out = (struct sbuf)SBUF_INIT;
	err[0] = '\0';
	if (len > INT_MAX - 1) {
		snprintf(err, errsz, "%s: too large for a topology (%zu bytes)",
		         file, len);
		esc_in_place(err, errsz);
		return -1;
	}
	if (memchr(text, '\0', len)) {
		snprintf(err, errsz, "%s:%zu: a NUL byte: not JSON text", file,
		         line_of(text, (size_t)((const char *)memchr(text, '\0',
		                                                    len) - text)));
		esc_in_place(err, errsz);
		return -1;
	}
	tok = json_tokener_new_ex(JSON_DEPTH);
	if (!tok) {
		snprintf(err, errsz, "%s: out of memory", file);
		return -1;
	}
	root = json_tokener_parse_ex(tok, text, (int)len);
	je = json_tokener_get_error(tok);
	if (je == json_tokener_continue)
		je = json_tokener_error_parse_eof;
	end = json_tokener_get_parse_end(tok);
	if (je == json_tokener_success)
		while (end < len && strchr(" \t\r\n", text[end]))
			end++;
	if (je != json_tokener_success || end < len) {
		snprintf(err, errsz, "%s:%zu: not JSON: %s", file,
		         line_of(text, end < len ? end : len),
		         je != json_tokener_success ?
		         json_tokener_error_desc(je) :
		         "text after the document");
		esc_in_place(err, errsz);
		json_tokener_free(tok);
		json_object_put(root);
		return -1;
	}
	json_tokener_free(tok);
	rc = translate(&x, root);
	if (rc == 0)
		sbuf_addn(out, x.out.s ? x.out.s : "", x.out.len);
	for (size_t i = 0; i < x.nns; i++)
		free(x.ns[i].links);
	free(x.ns);
	sbuf_free(&x.out);
	json_object_put(root);
	return rc;
}
