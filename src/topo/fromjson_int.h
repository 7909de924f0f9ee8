/* SPDX-License-Identifier: GPL-2.0-or-later */
/* fromjson_int.h - what the parts of the show --json translator share
 * (src/topo/fromjson*.c, jsonpath.c): the document as read, values read
 * with their JSON paths, and commands made of words.  Internal. */
#ifndef NSVIZ_TOPO_FROMJSON_INT_H
#define NSVIZ_TOPO_FROMJSON_INT_H

#include <json-c/json.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

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

struct words {
	char *v[MAX_WORDS];
	int n;
};

/* ---- jsonpath.c: errors, comments, values, commands ------------------ */

/* "FILE: PATH: message" in x->err (escaped); returns -1 */
int tj_fail(struct ctx *x, const char *path, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* tj_fail() at member key of path */
#define tj_failk(x, path, key, ...) ({ \
		char k_[420]; \
		snprintf(k_, sizeof k_, "%s.%s", (path), (key)); \
		tj_fail((x), k_, __VA_ARGS__); \
	})

/* A "# " line of out: the text escaped, never ending in a backslash
 * (which would continue the line into the next command) */
void tj_comment(struct ctx *x, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Member key of object o (NULL: absent, null, or o not an object);
 * whether it is there at all, null included */
struct json_object *tj_member(struct json_object *o, const char *key);
bool tj_present(struct json_object *o, const char *key);
/* Members read with their path (path.key in messages): 0, or -1 with
 * x->err set.  Absent or null: NULL / *has false, an error when
 * required. */
int tj_get_str(struct ctx *x, struct json_object *o, const char *path,
               const char *key, bool required, const char **s);
int tj_get_int(struct ctx *x, struct json_object *o, const char *path,
               const char *key, bool required, int64_t min, int64_t max,
               int64_t *v, bool *has);
int tj_get_arr(struct ctx *x, struct json_object *o, const char *path,
               const char *key, bool required, struct json_object **a);
int tj_get_obj(struct ctx *x, struct json_object *o, const char *path,
               const char *key, struct json_object **r);
/* whether array member key holds the string s */
int tj_has_word(struct ctx *x, struct json_object *o, const char *path,
                const char *key, const char *s, bool *yes);

/* A command's words: tj_w_start (-n NAME for a named namespace), then
 * tj_w_add; tj_emit parses them with the grammar and appends their
 * canonical text to x->out (a refusal is an error at path) */
void tj_w_start(struct words *w, const struct jns *ns);
void tj_w_add(struct words *w, const char *s);
void tj_w_addf(struct words *w, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void tj_w_free(struct words *w);
int tj_emit(struct ctx *x, const char *path, struct words *w);

struct jns *tj_ns_by_id(struct ctx *x, int64_t id);
struct jlink *tj_link_by_name(struct jns *ns, const char *name);
/* "namespaces[I].links[J]" */
void tj_link_path(char *p, size_t len, const struct ctx *x,
                  const struct jns *ns, const struct jlink *l);

/* ---- fromjson_links.c: phases 2 to 5 --------------------------------- */

/* Make every link that can be made (x->made of them, in order) */
int tj_make_links(struct ctx *x);
/* the links made, in the order they were made: nsv[i], lv[i] */
size_t tj_made_order(struct ctx *x, struct jns **nsv, struct jlink **lv);
int tj_link_settings(struct ctx *x, struct jns *ns, struct jlink *l);
int tj_link_addrs(struct ctx *x, struct jns *ns, struct jlink *l);
int tj_link_up(struct ctx *x, struct jns *ns, struct jlink *l);

/* ---- fromjson_routes.c: phases 6 to 8, one element at path ------------ */
int tj_route(struct ctx *x, struct jns *ns, struct json_object *r,
             const char *path);
int tj_rule(struct ctx *x, struct jns *ns, struct json_object *r,
            const char *path);
int tj_neighbour(struct ctx *x, struct jns *ns, struct json_object *e,
                 const char *path);

#endif
