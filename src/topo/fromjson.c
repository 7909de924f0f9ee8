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
#include "topo/fromjson_int.h"

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

static int read_links(struct ctx *x, struct jns *ns, const char *path)
{
	struct json_object *a;
	char p[400];

	if (tj_get_arr(x, ns->o, path, "links", true, &a) < 0)
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
			return tj_fail(x, p, "not an object");
		if (tj_get_str(x, l->o, p, "ifname", true, &l->ifname) < 0 ||
		    tj_get_int(x, l->o, p, "ifindex", true, 1, INT32_MAX,
			       &l->ifindex, &has) < 0 ||
		    tj_get_obj(x, l->o, p, "linkinfo", &li) < 0)
			return -1;
		if (!l->ifname[0])
			return tj_failk(x, p, "ifname", "empty");
		if (li) {
			char lp[420];

			snprintf(lp, sizeof lp, "%s.linkinfo", p);
			if (tj_get_str(x, li, lp, "info_kind", false, &l->kind) < 0)
				return -1;
		}
		if (!l->kind)
			l->kind = "";
		for (size_t k = 0; k < i; k++)
			if (!strcmp(ns->links[k].ifname, l->ifname))
				return tj_failk(x, p, "ifname", "%s twice in "
				             "the namespace", l->ifname);
	}
	return 0;
}

static int read_namespaces(struct ctx *x, struct json_object *root)
{
	struct json_object *a;
	char p[64];

	if (tj_get_arr(x, root, "", "namespaces", true, &a) < 0)
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
			return tj_fail(x, p, "not an object");
		if (tj_get_int(x, ns->o, p, "id", true, INT32_MIN, INT32_MAX,
			       &ns->id, &has) < 0 ||
		    tj_get_str(x, ns->o, p, "kind", true, &kind) < 0 ||
		    tj_get_str(x, ns->o, p, "label", false, &label) < 0)
			return -1;
		for (size_t k = 0; k < i; k++)
			if (x->ns[k].id == ns->id)
				return tj_failk(x, p, "id", "%lld twice",
						(long long)ns->id);
		if (!strcmp(kind, "host")) {
			ns->host = true;
			for (size_t k = 0; k < i; k++)
				if (x->ns[k].host)
					return tj_failk(x, p, "kind", "a second host");
		} else if (!strcmp(kind, "named")) {
			if (tj_get_str(x, ns->o, p, "name", true, &ns->name) < 0)
				return -1;
			if (!ns->name[0])
				return tj_failk(x, p, "name", "empty");
			for (size_t k = 0; k < i; k++)
				if (x->ns[k].name && !strcmp(x->ns[k].name, ns->name))
					return tj_failk(x, p, "name", "%s twice",
							ns->name);
		} else if (!strcmp(kind, "unnamed")) {
			ns->skip = true;
		} else {
			return tj_failk(x, p, "kind", "%s: not host, named or "
			             "unnamed", kind);
		}
		esc_str(ns->host ? "host" : ns->name ? ns->name :
		    label ? label : "?", ns->label, sizeof ns->label);
		rd = tj_member(ns->o, "readable");
		if (rd && !json_object_is_type(rd, json_type_boolean))
			return tj_failk(x, p, "readable", "not a boolean");
		if (rd && !json_object_get_boolean(rd) && !ns->skip) {
			tj_comment(x, "%s (%s): could not be read by show: its "
			        "links, addresses and routes are unknown, left "
			        "out", p, ns->label);
			ns->skip = true;
			if (ns->name) {
				/* the namespace itself is known */
				continue;
			}
		} else if (ns->skip) {
			tj_comment(x, "%s (%s): unnamed, left out (only a named "
			        "namespace can be made again)", p, ns->label);
		}
		if (read_links(x, ns, p) < 0)
			return -1;
	}
	return 0;
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
		if (tj_get_arr(x, ns->o, p, key, required, &a) < 0)
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
		return tj_fail(x, "", "not a JSON object (expected nsviz show "
		            "--json's output)");
	if (!tj_member(root, "version"))
		return tj_fail(x, "version", "missing: version 1 (nsviz 0.2) is "
		            "not read; expected 2, from nsviz show --json");
	if (tj_get_int(x, root, "", "version", true, INT64_MIN, INT64_MAX,
		       &version, &has) < 0)
		return -1;
	if (version != 2)
		return tj_fail(x, "version", "%lld is not supported (expected 2, "
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
		tj_w_add(&w, "netns");
		tj_w_add(&w, "add");
		tj_w_add(&w, x->ns[i].name);
		if (tj_emit(x, p, &w) < 0)
			return -1;
	}
	if (tj_make_links(x) < 0)
		return -1;
	nsv = xcalloc(x->made + 1, sizeof *nsv);
	lv = xcalloc(x->made + 1, sizeof *lv);
	n = tj_made_order(x, nsv, lv);
	for (size_t i = 0; i < n; i++)
		if (tj_link_settings(x, nsv[i], lv[i]) < 0)
			goto out;
	for (size_t i = 0; i < n; i++)
		if (tj_link_addrs(x, nsv[i], lv[i]) < 0)
			goto out;
	for (size_t i = 0; i < n; i++)
		if (tj_link_up(x, nsv[i], lv[i]) < 0)
			goto out;
	if (each(x, "routes", true, tj_route) < 0 ||
	    each(x, "rules", false, tj_rule) < 0 ||
	    each(x, "neighbours", true, tj_neighbour) < 0)
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
