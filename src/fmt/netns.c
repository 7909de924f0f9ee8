/* SPDX-License-Identifier: GPL-2.0-or-later */
/* netns.c - the text of `ip netns list`, `ip netns list-id` and the
 * headers of `ip -all netns exec`, byte for byte as iproute2 6.1 prints
 * them, in text and in JSON (-j, -j -p: ip's writer puts an array's
 * objects as "[ {" ... "},{" ... "} ]", fields 8 blanks in). */
#include "fmt/netns.h"

#include <stdio.h>
#include <string.h>

#include "util/esc.h"
#include "util/sbuf.h"

/* The code point of the UTF-8 character of n bytes at s. */
static unsigned utf8_cp(const unsigned char *s, size_t n)
{
	if (n == 2)
		return (s[0] & 0x1fu) << 6 | (s[1] & 0x3fu);
	if (n == 3)
		return (s[0] & 0x0fu) << 12 | (s[1] & 0x3fu) << 6 | (s[2] & 0x3fu);
	return s[0];
}

void fmt_json_str(struct sbuf *out, const char *s)
{
	sbuf_addc(out, '"');
	while (*s) {
		size_t n;
		enum esc_kind k = esc_char(s, &n);

		switch (*s) {
		case '\t': sbuf_add(out, "\\t"); s++; continue;
		case '\n': sbuf_add(out, "\\n"); s++; continue;
		case '\r': sbuf_add(out, "\\r"); s++; continue;
		case '\f': sbuf_add(out, "\\f"); s++; continue;
		case '\b': sbuf_add(out, "\\b"); s++; continue;
		case '\\': sbuf_add(out, "\\\\"); s++; continue;
		case '"': sbuf_add(out, "\\\""); s++; continue;
		default: break;
		}
		if (k == ESC_SAFE)
			sbuf_addn(out, s, n);
		else if (k == ESC_NOT_UTF8)
			sbuf_printf(out, "\\u%04x", (unsigned char)*s);
		else
			sbuf_printf(out, "\\u%04x",
			            utf8_cp((const unsigned char *)s, n));
		s += n;
	}
	sbuf_addc(out, '"');
}

/* ip's JSON writer, for an array of flat objects */
struct jw {
	struct sbuf *out;
	bool pretty;
	size_t objs, fields;
};

static void jw_begin(struct jw *j, struct sbuf *out, const struct fmt_opts *o)
{
	j->out = out;
	j->pretty = o->pretty;
	j->objs = j->fields = 0;
	sbuf_addc(out, '[');
}

static void jw_obj(struct jw *j)
{
	if (j->objs++)
		sbuf_addc(j->out, ',');
	else if (j->pretty)
		sbuf_addc(j->out, ' ');
	sbuf_addc(j->out, '{');
	j->fields = 0;
}

static void jw_key(struct jw *j, const char *key)
{
	if (j->fields++)
		sbuf_addc(j->out, ',');
	if (j->pretty)
		sbuf_add(j->out, "\n        ");
	sbuf_printf(j->out, "\"%s\":%s", key, j->pretty ? " " : "");
}

static void jw_obj_end(struct jw *j)
{
	if (j->pretty && j->fields)
		sbuf_add(j->out, "\n    ");
	sbuf_addc(j->out, '}');
}

static void jw_end(struct jw *j)
{
	sbuf_add(j->out, j->pretty ? " ]\n" : "]\n");
}

void fmt_netns_list(struct sbuf *out, const struct fmt_netns *v, size_t n,
                    const struct fmt_opts *o)
{
	struct jw j;

	if (!o->json) {
		for (size_t i = 0; i < n; i++) {
			esc_add(out, v[i].name, 0);
			if (v[i].id >= 0)
				sbuf_printf(out, " (id: %d)", v[i].id);
			sbuf_addc(out, '\n');
		}
		return;
	}
	jw_begin(&j, out, o);
	for (size_t i = 0; i < n; i++) {
		jw_obj(&j);
		jw_key(&j, "name");
		fmt_json_str(out, v[i].name);
		if (v[i].id >= 0) {
			jw_key(&j, "id");
			sbuf_printf(out, "%d", v[i].id);
		}
		jw_obj_end(&j);
	}
	jw_end(&j);
}

static const char *name_of(const struct fmt_netns *v, size_t n, int id)
{
	if (id < 0)
		return NULL;
	for (size_t i = 0; i < n; i++)
		if (v[i].id == id)
			return v[i].name;
	return NULL;
}

const char *fmt_nsid_name(const struct fmt_netns *v, size_t n,
                          const struct fmt_nsid *e)
{
	const char *name = name_of(v, n, e->has_current ? e->current : e->nsid);

	return name ? name : name_of(v, n, e->nsid);
}

void fmt_nsid_list(struct sbuf *out, const struct fmt_nsid *v, size_t n,
                   const struct fmt_opts *o)
{
	struct jw j;

	if (!o->json) {
		for (size_t i = 0; i < n; i++) {
			if (v[i].nsid < 0)
				sbuf_add(out, "nsid unassigned ");
			else
				sbuf_printf(out, "nsid %d ", v[i].nsid);
			if (v[i].has_current && v[i].current < 0)
				sbuf_add(out, "current-nsid unassigned ");
			else if (v[i].has_current)
				sbuf_printf(out, "current-nsid %d ", v[i].current);
			if (v[i].name) {
				sbuf_add(out, "(iproute2 netns name: ");
				esc_add(out, v[i].name, 0);
				sbuf_addc(out, ')');
			}
			sbuf_addc(out, '\n');
		}
		return;
	}
	jw_begin(&j, out, o);
	for (size_t i = 0; i < n; i++) {
		jw_obj(&j);
		if (v[i].nsid >= 0) {
			jw_key(&j, "nsid");
			sbuf_printf(out, "%d", v[i].nsid);
		}
		if (v[i].has_current && v[i].current >= 0) {
			jw_key(&j, "current-nsid");
			sbuf_printf(out, "%d", v[i].current);
		}
		if (v[i].name) {
			jw_key(&j, "name");
			fmt_json_str(out, v[i].name);
		}
		jw_obj_end(&j);
	}
	jw_end(&j);
}

void fmt_netns_exec_header(struct sbuf *out, const char *name)
{
	sbuf_add(out, "\nnetns: ");
	esc_add(out, name, 0);
	sbuf_addc(out, '\n');
}
