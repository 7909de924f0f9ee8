/* SPDX-License-Identifier: GPL-2.0-or-later */
/* jsonpath.c - the translator's tools (fromjson_int.h): messages that
 * name the JSON path, comment lines, members read with their types and
 * ranges checked, and commands made of words that the grammar parses
 * and writes back in canonical text. */
#include "topo/fromjson_int.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "util/esc.h"
#include "util/sbuf.h"

int tj_fail(struct ctx *x, const char *path, const char *fmt, ...)
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

/* A comment line: text escaped, never ending in a backslash (which
 * would continue the line into the next command) */
void tj_comment(struct ctx *x, const char *fmt, ...)
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

/* ---- reading values, with their paths ---------------------------------- */

struct json_object *tj_member(struct json_object *o, const char *key)
{
	struct json_object *v = NULL;

	if (!o || !json_object_is_type(o, json_type_object) ||
	    !json_object_object_get_ex(o, key, &v))
		return NULL;
	return v;
}

/* Whether key is there, null included (ip writes flags as "router":
 * null) */
bool tj_present(struct json_object *o, const char *key)
{
	return o && json_object_is_type(o, json_type_object) &&
	       json_object_object_get_ex(o, key, NULL);
}

/* A string member: *s NULL when absent or null (unless required).
 * A string that holds a NUL byte is refused: it would be cut. */
int tj_get_str(struct ctx *x, struct json_object *o, const char *path,
	       const char *key, bool required, const char **s)
{
	struct json_object *v = tj_member(o, key);
	char p[400];

	*s = NULL;
	snprintf(p, sizeof p, "%s%s%s", path, path[0] ? "." : "", key);
	if (!v || json_object_is_type(v, json_type_null))
		return required ? tj_fail(x, p, "missing") : 0;
	if (!json_object_is_type(v, json_type_string))
		return tj_fail(x, p, "not a string");
	*s = json_object_get_string(v);
	if ((size_t)json_object_get_string_len(v) != strlen(*s))
		return tj_fail(x, p, "holds a NUL character");
	return 0;
}

/* An integer member in [min, max]; *has false when absent or null */
int tj_get_int(struct ctx *x, struct json_object *o, const char *path,
	       const char *key, bool required, int64_t min, int64_t max,
                   int64_t *v, bool *has)
{
	struct json_object *j = tj_member(o, key);
	char p[400];
	int64_t n;

	*has = false;
	snprintf(p, sizeof p, "%s%s%s", path, path[0] ? "." : "", key);
	if (!j || json_object_is_type(j, json_type_null))
		return required ? tj_fail(x, p, "missing") : 0;
	if (!json_object_is_type(j, json_type_int))
		return tj_fail(x, p, "not an integer");
	errno = 0;
	n = json_object_get_int64(j);
	if (errno == ERANGE || n < min || n > max ||
	    (n == INT64_MAX && json_object_get_uint64(j) != (uint64_t)INT64_MAX))
		return tj_fail(x, p, "out of range (%lld..%lld)", (long long)min,
			       (long long)max);
	*v = n;
	*has = true;
	return 0;
}

int tj_get_arr(struct ctx *x, struct json_object *o, const char *path,
	       const char *key, bool required, struct json_object **a)
{
	struct json_object *v = tj_member(o, key);
	char p[400];

	*a = NULL;
	snprintf(p, sizeof p, "%s%s%s", path, path[0] ? "." : "", key);
	if (!v || json_object_is_type(v, json_type_null))
		return required ? tj_fail(x, p, "missing") : 0;
	if (!json_object_is_type(v, json_type_array))
		return tj_fail(x, p, "not an array");
	*a = v;
	return 0;
}

int tj_get_obj(struct ctx *x, struct json_object *o, const char *path,
	       const char *key, struct json_object **r)
{
	struct json_object *v = tj_member(o, key);
	char p[400];

	*r = NULL;
	snprintf(p, sizeof p, "%s%s%s", path, path[0] ? "." : "", key);
	if (!v || json_object_is_type(v, json_type_null))
		return 0;
	if (!json_object_is_type(v, json_type_object))
		return tj_fail(x, p, "not an object");
	*r = v;
	return 0;
}

/* Whether array member key holds the string s */
int tj_has_word(struct ctx *x, struct json_object *o, const char *path,
		const char *key, const char *s, bool *yes)
{
	struct json_object *a;

	*yes = false;
	if (tj_get_arr(x, o, path, key, false, &a) < 0)
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

void tj_w_add(struct words *w, const char *s)
{
	if (w->n < MAX_WORDS - 1)
		w->v[w->n++] = xstrdup(s);
}

void tj_w_addf(struct words *w, const char *fmt, ...)
{
	char buf[128];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	tj_w_add(w, buf);
}

void tj_w_free(struct words *w)
{
	for (int i = 0; i < w->n; i++)
		free(w->v[i]);
	w->n = 0;
}

/* The words, in namespace ns (-n NAME; nothing for the host) */
void tj_w_start(struct words *w, const struct jns *ns)
{
	w->n = 0;
	if (ns->name) {
		tj_w_add(w, "-n");
		tj_w_add(w, ns->name);
	}
}

/* Parse the words with the grammar and append their canonical text */
int tj_emit(struct ctx *x, const char *path, struct words *w)
{
	struct cmd c;
	char e[512];
	int rc = 0;

	w->v[w->n] = NULL;
	if (cmd_parse(w->n, w->v, &c, e, sizeof e) < 0) {
		rc = tj_fail(x, path, "%s", e);
	} else {
		cmd_canonical(&c, &x->out);
		sbuf_addc(&x->out, '\n');
		cmd_free(&c);
	}
	tj_w_free(w);
	return rc;
}

/* ---- namespaces and links ---------------------------------------------- */

struct jns *tj_ns_by_id(struct ctx *x, int64_t id)
{
	for (size_t i = 0; i < x->nns; i++)
		if (x->ns[i].id == id)
			return &x->ns[i];
	return NULL;
}

struct jlink *tj_link_by_name(struct jns *ns, const char *name)
{
	for (size_t i = 0; name && i < ns->nlinks; i++)
		if (!strcmp(ns->links[i].ifname, name))
			return &ns->links[i];
	return NULL;
}

void tj_link_path(char *p, size_t len, const struct ctx *x,
		  const struct jns *ns, const struct jlink *l)
{
	snprintf(p, len, "namespaces[%zu].links[%zu]",
		 (size_t)(ns - x->ns), (size_t)(l - ns->links));
}
