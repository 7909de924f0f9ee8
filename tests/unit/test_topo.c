/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_topo.c - the topology drawing: boxes, wires, layout invariants. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <linux/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "ui/topo.h"
#include "util/sbuf.h"
#include "world/world.h"

#define UPFLAGS (IFF_UP | IFF_LOWER_UP | IFF_RUNNING)

/* ---- building worlds ------------------------------------------------------ */

static struct w_link *add_link(struct world *w, struct w_ns *ns, int ifindex,
                               const char *name, const char *kind,
                               unsigned flags)
{
	struct w_event ev;

	memset(&ev, 0, sizeof ev);
	ev.type = W_EV_NEWLINK;
	ev.u.link.ifindex = ifindex;
	snprintf(ev.u.link.name, sizeof ev.u.link.name, "%s", name);
	snprintf(ev.u.link.kind, sizeof ev.u.link.kind, "%s", kind);
	ev.u.link.flags = flags;
	ev.u.link.mtu = 1500;
	ev.u.link.operstate = !(flags & IFF_UP) ? IF_OPER_DOWN :
	                      (flags & IFF_LOWER_UP) ? IF_OPER_UP :
	                      IF_OPER_LOWERLAYERDOWN;
	if (strcmp(name, "lo") == 0 && (flags & IFF_UP))
		ev.u.link.operstate = IF_OPER_UNKNOWN;
	world_apply(w, ns, &ev);
	return world_find_link(ns, name);
}

static void add_addr(struct world *w, struct w_ns *ns, int ifindex,
                     const char *ip, int plen)
{
	struct w_event ev;

	memset(&ev, 0, sizeof ev);
	ev.type = W_EV_NEWADDR;
	ev.u.addr.ifindex = ifindex;
	ev.u.addr.family = strchr(ip, ':') ? AF_INET6 : AF_INET;
	ev.u.addr.prefixlen = plen;
	assert_int_equal(w_ip_parse(ip, &ev.u.addr.local), 0);
	world_apply(w, ns, &ev);
}

static void add_lo(struct world *w, struct w_ns *ns, bool up)
{
	add_link(w, ns, 1, "lo", "", up ? (IFF_UP | IFF_LOOPBACK | IFF_LOWER_UP) :
	                                  IFF_LOOPBACK);
	if (up)
		add_addr(w, ns, 1, "127.0.0.1", 8);
}

/* A veth pair a@ia in A <-> b@ib in B, as the kernel reports it: each end
 * names the other by ifindex, plus an nsid when they are apart.  A down
 * end takes the other's carrier away.  Call world_resolve_peers after. */
static void add_veth(struct world *w, struct w_ns *A, const char *a, int ia,
                     bool upa, struct w_ns *B, const char *b, int ib, bool upb)
{
	unsigned fa = upa ? (upb ? UPFLAGS : IFF_UP) : 0;
	unsigned fb = upb ? (upa ? UPFLAGS : IFF_UP) : 0;
	struct w_link *la, *lb;

	la = add_link(w, A, ia, a, "veth", fa);
	la->has_iflink = 1;
	la->iflink = ib;
	lb = add_link(w, B, ib, b, "veth", fb);
	lb->has_iflink = 1;
	lb->iflink = ia;
	if (A != B) {
		la->has_link_netnsid = 1;
		la->link_netnsid = B->id;
		lb->has_link_netnsid = 1;
		lb->link_netnsid = A->id;
		world_set_nsid(A, B->id, B->id);
		world_set_nsid(B, A->id, A->id);
	}
}

/* The tutorial: host veth0 10.0.1.0/24 <-> vnet veth1 10.0.2.0/24. */
static struct world *tutorial(bool vnet_up)
{
	struct world *w = world_new();
	struct w_ns *host = world_add_ns(w, W_NS_HOST, "", 1, 100);
	struct w_ns *vnet = world_add_ns(w, W_NS_NAMED, "vnet", 1, 200);

	add_lo(w, host, true);
	add_lo(w, vnet, false);
	add_veth(w, host, "veth0", 4, true, vnet, "veth1", 3, vnet_up);
	add_addr(w, host, 4, "10.0.1.0", 24);
	add_addr(w, vnet, 3, "10.0.2.0", 24);
	world_resolve_peers(w);
	return w;
}

/* host + n namespaces ns1..nsN, each with a veth to the host. */
static struct world *hub(int n, bool reversed)
{
	struct world *w = world_new();
	struct w_ns *host = world_add_ns(w, W_NS_HOST, "", 1, 100);
	char name[32], hn[32], ip[32];

	add_lo(w, host, true);
	for (int k = 0; k < n; k++) {
		int i = reversed ? n - k : k + 1;
		struct w_ns *ns;

		snprintf(name, sizeof name, "ns%d", i);
		ns = world_add_ns(w, W_NS_NAMED, name, 1, (ino_t)(1000 + i));
		add_lo(w, ns, i % 3 != 0);
		snprintf(hn, sizeof hn, "vh%d", i);
		add_veth(w, host, hn, 10 + i, true, ns, "eth0", 2, i % 7 != 0);
		snprintf(ip, sizeof ip, "10.%d.%d.1", i / 250, i % 250);
		add_addr(w, ns, 2, ip, 24);
	}
	world_resolve_peers(w);
	return w;
}

/* hub(n) plus a chain ns1 - ns2 - ... - ns<chain> (eth1 <-> eth2), as
 * tests/tui/map.sh builds it. */
static struct world *hub_chain(int n, int chain)
{
	struct world *w = hub(n, false);
	char name[32];

	for (int i = 1; i < chain; i++) {
		struct w_ns *a, *b;

		snprintf(name, sizeof name, "ns%d", i);
		a = world_find_ns(w, name);
		snprintf(name, sizeof name, "ns%d", i + 1);
		b = world_find_ns(w, name);
		add_veth(w, a, "eth1", 3, true, b, "eth2", 4, true);
	}
	world_resolve_peers(w);
	return w;
}

/* ---- reading the canvas ----------------------------------------------------- */

static const struct topo_cell *at(const struct topo *t, int x, int y)
{
	const struct topo_cell *c = topo_cell_at(t, x, y);

	assert_non_null(c);
	return c;
}

static char *dump(const struct topo *t)
{
	struct sbuf b = SBUF_INIT;

	topo_dump(t, &b);
	return b.s ? b.s : xstrdup("");
}

/* The text of canvas row y between x0 and x1 (exclusive), ASCII only. */
static void row_text(const struct topo *t, int y, int x0, int x1, char *buf,
                     size_t len)
{
	size_t n = 0;

	for (int x = x0; x < x1 && n + 1 < len; x++) {
		uint32_t ch = at(t, x, y)->ch;
		buf[n++] = ch < 0x80 ? (char)ch : '#';
	}
	buf[n] = '\0';
}

static bool is_wire_cls(int cls)
{
	return cls == TC_WIRE_UP || cls == TC_WIRE_DOWN ||
	       cls == TC_WIRE_SELECTED;
}

enum { N = 1, E = 2, S = 4, W = 8 };

static int arms_of(uint32_t ch)
{
	switch (ch) {
	case 0x2500: case 0x254C: return E | W;
	case 0x2502: case 0x254E: return N | S;
	case 0x250C: return S | E;
	case 0x2510: return S | W;
	case 0x2514: return N | E;
	case 0x2518: return N | W;
	case 0x253C: return N | E | S | W;
	default: return 0;
	}
}

static int opposite(int d)
{
	return d == N ? S : d == S ? N : d == E ? W : E;
}

/* A cell where two wires cross is drawn as the vertical wire (│ ╎): the
 * horizontal one passes under it, so that it cannot be read as a junction
 * (no ┼ anywhere).  Met going east or west, a vertical glyph is one. */
static bool is_vertical(uint32_t ch)
{
	return ch == 0x2502 || ch == 0x254E;
}

/* Who ran through each cell: the first wire, and how (V or H). */
struct visits {
	int w, h;
	int *wire;                  /* wire + 1, 0 none */
	unsigned char *n, *how;
};

enum { HOW_H = 1, HOW_V = 2 };

/* Follow wire i from its a end through the glyphs (UTF-8 canvas) and
 * return how many cells it ran through; it must arrive at its b end.
 * Every cell it runs through is its own, except a drawn crossing, where
 * it goes straight across one other wire going the other way. */
static int trace(const struct topo *t, size_t i, struct visits *v)
{
	const struct topo_wire *wr = &t->wires[i];
	uint32_t port = at(t, wr->ax, wr->ay)->ch;
	int x = wr->ax, y = wr->ay, d, n = 0;

	/* the a end leaves on the right border: ├ or ╟ */
	assert_true(port == 0x251C || port == 0x255F);
	d = E;
	for (;;) {
		int arms, how = d == E || d == W ? HOW_H : HOW_V;
		size_t k;
		uint32_t ch;

		x += d == E ? 1 : d == W ? -1 : 0;
		y += d == S ? 1 : d == N ? -1 : 0;
		ch = at(t, x, y)->ch;
		if (x == wr->bx && y == wr->by) {
			/* ports: ├ ╟ on a right border, ┤ ╢ on a left one */
			if (d == W)
				assert_true(ch == 0x251C || ch == 0x255F);
			else
				assert_true(d == E && (ch == 0x2524 || ch == 0x2562));
			assert_true(is_wire_cls(at(t, x, y)->cls));
			return n;
		}
		if (!is_wire_cls(at(t, x, y)->cls)) {
			fprintf(stderr, "wire %zu (%s-%s) broken at %d,%d: U+%04X\n",
			        i, wr->a_if, wr->b_if, x, y, (unsigned)ch);
			fail();
		}
		k = (size_t)y * (size_t)v->w + (size_t)x;
		if (v->n[k]) {
			/* a second wire here: only across, at a crossing */
			if (!is_vertical(ch) || v->n[k] != 1 ||
			    v->wire[k] == (int)i + 1 || v->how[k] == how) {
				fprintf(stderr, "wire %zu (%s-%s) shares %d,%d "
				        "(U+%04X) with wire %d\n", i, wr->a_if,
				        wr->b_if, x, y, (unsigned)ch, v->wire[k] - 1);
				fail();
			}
		} else {
			v->wire[k] = (int)i + 1;
			v->how[k] = (unsigned char)how;
		}
		v->n[k]++;
		if (how == HOW_H && is_vertical(ch)) {
			arms = N | E | S | W;       /* across, straight on */
		} else {
			arms = arms_of(ch);
			if (!arms) {
				fprintf(stderr, "wire %zu (%s-%s) broken at %d,%d: "
				        "U+%04X\n", i, wr->a_if, wr->b_if, x, y,
				        (unsigned)ch);
				fail();
			}
			assert_true(arms & opposite(d));
		}
		if (arms != (N | E | S | W)) {
			arms &= ~opposite(d);
			assert_true(arms == N || arms == E || arms == S || arms == W);
			d = arms;
		}
		n++;
		assert_true(n < t->c.w * t->c.h);
	}
}

static bool inside(const struct topo_box *b, int x, int y)
{
	return x >= b->x && x < b->x + b->w && y >= b->y && y < b->y + b->h;
}

/* The overview has no text in its boxes. */
static bool no_text;

/* Everything the layout promises, for any world (UTF-8 canvas). */
static void check_invariants(const struct topo *t, const struct world *w)
{
	long wire_cells = 0, crossings = 0, traced = 0;
	int pad = no_text ? 0 : 1;         /* border rows above and below */
	size_t ncell = (size_t)t->c.w * (size_t)t->c.h;
	struct visits v = { t->c.w, t->c.h, xcalloc(ncell + 1, sizeof *v.wire),
	                    xcalloc(ncell + 1, 1), xcalloc(ncell + 1, 1) };

	assert_int_equal(t->nconflicts, 0);
	assert_int_equal(t->nboxes, w->nns);
	/* boxes: inside the canvas, no two overlap (not even borders) */
	for (size_t i = 0; i < t->nboxes; i++) {
		const struct topo_box *a = &t->boxes[i];

		assert_true(a->x >= 0 && a->y >= 0 && a->w >= 5 &&
		            a->h >= (no_text ? 1 : 3));
		assert_true(a->x + a->w <= t->c.w && a->y + a->h <= t->c.h);
		assert_non_null(world_find_ns_id(w, a->ns_id));
		for (size_t j = i + 1; j < t->nboxes; j++) {
			const struct topo_box *b = &t->boxes[j];

			assert_false(a->x < b->x + b->w && b->x < a->x + a->w &&
			             a->y < b->y + b->h && b->y < a->y + a->h);
		}
	}
	/* wire cells: never inside a box; on a border only as a port */
	for (int y = 0; y < t->c.h; y++)
		for (int x = 0; x < t->c.w; x++) {
			const struct topo_cell *c = at(t, x, y);
			const struct topo_box *b = NULL;

			for (size_t i = 0; i < t->nboxes && !b; i++)
				if (inside(&t->boxes[i], x, y))
					b = &t->boxes[i];
			if (!is_wire_cls(c->cls)) {
				if (!b)
					assert_true(c->ch == ' ' && c->cls == TC_BLANK);
				continue;
			}
			if (b) {
				bool port = false;

				assert_true(x == b->x || x == b->x + b->w - 1);
				assert_true(y >= b->y + pad && y < b->y + b->h - pad);
				for (size_t k = 0; k < t->nwires; k++)
					if ((t->wires[k].ax == x && t->wires[k].ay == y) ||
					    (t->wires[k].bx == x && t->wires[k].by == y))
						port = true;
				assert_true(port);
				continue;
			}
			wire_cells++;
			assert_true(c->ch != 0x253C);      /* never ┼ */
		}
	/* every wire: its ends on the right rows of the right boxes' edges,
	 * and a continuous line from one to the other */
	for (size_t i = 0; i < t->nwires; i++) {
		const struct topo_wire *wr = &t->wires[i];
		const struct topo_box *a = topo_find_box(t, wr->a_ns_id);
		const struct topo_box *b = topo_find_box(t, wr->b_ns_id);
		char text[512];

		assert_non_null(a);
		assert_non_null(b);
		assert_int_equal(wr->ax, a->x + a->w - 1);
		assert_true(wr->ay >= a->y + pad && wr->ay < a->y + a->h - pad);
		assert_true(wr->bx == b->x || wr->bx == b->x + b->w - 1);
		if (a == b || a->x == b->x)
			assert_int_equal(wr->bx, b->x + b->w - 1);
		else
			assert_int_equal(wr->bx, b->x);
		assert_true(wr->by >= b->y + pad && wr->by < b->y + b->h - pad);
		row_text(t, wr->ay, a->x, a->x + a->w, text, sizeof text);
		assert_true(no_text || strstr(text, wr->a_if));
		row_text(t, wr->by, b->x, b->x + b->w, text, sizeof text);
		assert_true(no_text || strstr(text, wr->b_if));
		traced += trace(t, i, &v);
	}
	for (size_t k = 0; k < ncell; k++) {
		/* a horizontal wire alone under a vertical glyph: broken */
		if (v.n[k] == 1 && v.how[k] == HOW_H)
			assert_false(is_vertical(t->c.cells[k].ch));
		crossings += v.n[k] == 2;
	}
	/* no stray wire cells: the traces cover them all, crossings twice */
	assert_int_equal(traced, wire_cells + crossings);
	free(v.wire);
	free(v.n);
	free(v.how);
}

/* ---- tests -------------------------------------------------------------------- */

/* Every wire's end says where it goes: the far namespace and interface. */
static const char tutorial_utf8[] =
"┌─ host ────────────────────────────────────┐    ┌─ vnet ───────────────────────────────────┐\n"
"│ lo    UP/UNKNOWN 127.0.0.1/8              │    │ lo    DOWN/DOWN                          │\n"
"│ veth0 UP/UP      10.0.1.0/24 → vnet:veth1 ├────┤ veth1 UP/UP     10.0.2.0/24 → host:veth0 │\n"
"└───────────────────────────────────────────┘    └──────────────────────────────────────────┘";

static const char tutorial_ascii[] =
"+- host ------------------------------------+    +- vnet -----------------------------------+\n"
"| lo    UP/UNKNOWN 127.0.0.1/8              |    | lo    DOWN/DOWN                          |\n"
"| veth0 UP/UP      10.0.1.0/24 > vnet:veth1 +----+ veth1 UP/UP     10.0.2.0/24 > host:veth0 |\n"
"+-------------------------------------------+    +------------------------------------------+";

static void test_tutorial_exact(void **state)
{
	struct world *w = tutorial(true);
	struct topo t;
	char *s;

	(void)state;
	topo_render(w, -1, false, &t);
	s = dump(&t);
	printf("%s\n", s);
	assert_string_equal(s, tutorial_utf8);
	free(s);
	check_invariants(&t, w);
	assert_int_equal(t.nboxes, 2);
	assert_int_equal(t.nwires, 1);
	assert_string_equal(t.wires[0].a_if, "veth0");
	assert_string_equal(t.wires[0].b_if, "veth1");
	assert_true(t.wires[0].up);
	/* cell classes along veth0's row */
	assert_int_equal(at(&t, 0, 0)->cls, TC_BOX);
	assert_int_equal(at(&t, 3, 0)->cls, TC_TITLE);
	assert_int_equal(at(&t, 2, 2)->cls, TC_TEXT);
	assert_int_equal(at(&t, 8, 2)->cls, TC_STATE_UP);
	assert_int_equal(at(&t, 8, 1)->cls, TC_STATE_UP);      /* lo UP/UNKNOWN */
	assert_int_equal(at(&t, 25, 2)->cls, TC_LABEL);
	assert_int_equal(at(&t, 31, 2)->cls, TC_LABEL);        /* → vnet:veth1 */
	assert_int_equal(at(&t, 31, 2)->ch, 0x2192);
	assert_int_equal(at(&t, 43, 2)->cls, TC_BLANK);
	assert_int_equal(at(&t, 44, 2)->cls, TC_WIRE_UP);      /* the ports */
	assert_int_equal(at(&t, 46, 2)->cls, TC_WIRE_UP);
	assert_int_equal(at(&t, 49, 2)->cls, TC_WIRE_UP);
	assert_int_equal(at(&t, 44, 1)->cls, TC_BOX);
	assert_int_equal(at(&t, 59, 1)->cls, TC_STATE_DOWN);   /* vnet's lo */
	topo_free(&t);

	topo_render(w, -1, true, &t);
	s = dump(&t);
	assert_string_equal(s, tutorial_ascii);
	for (int i = 0; i < t.c.w * t.c.h; i++)
		assert_true(t.c.cells[i].ch < 0x80);
	free(s);
	topo_free(&t);
	world_free(w);
}

static void test_up_and_down_differ(void **state)
{
	struct world *up = tutorial(true), *down = tutorial(false);
	struct topo tu, td;
	const struct topo_box *bu, *bd;
	int y, x0, x1;

	(void)state;
	topo_render(up, -1, false, &tu);
	topo_render(down, -1, false, &td);
	check_invariants(&tu, up);
	check_invariants(&td, down);
	assert_true(tu.wires[0].up);
	assert_false(td.wires[0].up);
	bu = topo_find_box(&tu, 0);
	bd = topo_find_box(&td, 0);
	assert_non_null(bu);
	assert_non_null(bd);
	/* the wire between the two ports: solid and up, dashed and down */
	y = tu.wires[0].ay;
	x0 = tu.wires[0].ax + 1;
	x1 = tu.wires[0].bx;
	assert_true(x1 > x0);
	for (int x = x0; x < x1; x++) {
		assert_int_equal(at(&tu, x, y)->ch, 0x2500);
		assert_int_equal(at(&tu, x, y)->cls, TC_WIRE_UP);
	}
	assert_int_equal(td.wires[0].ay, y);
	for (int x = td.wires[0].ax + 1; x < td.wires[0].bx; x++) {
		assert_int_equal(at(&td, x, y)->ch, 0x254C);
		assert_int_equal(at(&td, x, y)->cls, TC_WIRE_DOWN);
	}
	assert_int_equal(at(&td, td.wires[0].ax, y)->cls, TC_WIRE_DOWN);
	assert_int_equal(at(&td, td.wires[0].bx, y)->cls, TC_WIRE_DOWN);
	/* and the states: veth0 UP/LLDOWN (no carrier), veth1 DOWN/DOWN */
	{
		char text[200];

		row_text(&td, y, bd->x, bd->x + bd->w, text, sizeof text);
		assert_non_null(strstr(text, "veth0 UP/LLDOWN"));
		assert_int_equal(at(&td, bd->x + 8, y)->cls, TC_STATE_DOWN);
	}
	topo_free(&tu);
	topo_free(&td);

	/* ascii: '-' vs '.' */
	topo_render(up, -1, true, &tu);
	topo_render(down, -1, true, &td);
	assert_int_equal(at(&tu, tu.wires[0].ax + 1, y)->ch, '-');
	assert_int_equal(at(&td, td.wires[0].ax + 1, y)->ch, '.');
	topo_free(&tu);
	topo_free(&td);
	world_free(up);
	world_free(down);
}

static void test_hub_100(void **state)
{
	struct world *w = hub(100, false);
	struct topo t;

	(void)state;
	topo_render(w, 42, false, &t);
	check_invariants(&t, w);
	assert_int_equal(t.nboxes, 101);
	assert_int_equal(t.nwires, 100);
	printf("hub 100: canvas %d x %d\n", t.c.w, t.c.h);
	assert_true(t.c.w <= 320);
	assert_true(t.c.h <= 260);
	/* area: not much more than 4 times the boxes' own */
	{
		long area = 0;

		for (size_t i = 0; i < t.nboxes; i++)
			area += (long)t.boxes[i].w * t.boxes[i].h;
		assert_true((long)t.c.w * t.c.h <= 4 * area);
	}
	/* the host has boxes on both sides: centre-left */
	{
		const struct topo_box *h = topo_find_box(&t, 0);
		int left = 0, right = 0;

		for (size_t i = 0; i < t.nboxes; i++) {
			if (t.boxes[i].x < h->x)
				left++;
			else if (t.boxes[i].x > h->x)
				right++;
		}
		assert_true(left > 0 && right >= left);
	}
	/* the selected box is drawn double */
	{
		const struct topo_box *b = topo_find_box(&t, 42);

		assert_non_null(b);
		assert_int_equal(at(&t, b->x, b->y)->ch, 0x2554);
		assert_int_equal(at(&t, b->x, b->y)->cls, TC_BOX_SELECTED);
		assert_int_equal(at(&t, b->x + 1, b->y + b->h - 1)->ch, 0x2550);
		b = topo_find_box(&t, 41);
		assert_int_equal(at(&t, b->x, b->y)->ch, 0x250C);
		assert_int_equal(at(&t, b->x, b->y)->cls, TC_BOX);
	}
	/* ns7's pair is down (i % 7 == 0), ns8's up */
	for (size_t i = 0; i < t.nwires; i++) {
		const struct topo_wire *wr = &t.wires[i];
		const char *a = strcmp(wr->a_if, "eth0") ? wr->a_if : wr->b_if;

		if (strcmp(a, "vh7") == 0)
			assert_false(wr->up);
		if (strcmp(a, "vh8") == 0)
			assert_true(wr->up);
	}
	topo_free(&t);
	world_free(w);
}

static void test_hit_and_find(void **state)
{
	struct world *w = hub(12, false);
	struct topo t;

	(void)state;
	topo_render(w, -1, false, &t);
	check_invariants(&t, w);
	for (size_t i = 0; i < t.nboxes; i++) {
		const struct topo_box *b = &t.boxes[i];

		assert_ptr_equal(topo_find_box(&t, b->ns_id), b);
		assert_int_equal(topo_hit(&t, b->x, b->y), b->ns_id);
		assert_int_equal(topo_hit(&t, b->x + b->w - 1, b->y + b->h - 1),
		                 b->ns_id);
		assert_int_equal(topo_hit(&t, b->x + b->w / 2, b->y + b->h / 2),
		                 b->ns_id);
		assert_int_not_equal(topo_hit(&t, b->x + b->w, b->y), b->ns_id);
		assert_int_not_equal(topo_hit(&t, b->x - 1, b->y), b->ns_id);
	}
	assert_null(topo_find_box(&t, 999));
	assert_int_equal(topo_hit(&t, -1, -1), -1);
	assert_int_equal(topo_hit(&t, t.c.w, 0), -1);
	assert_int_equal(topo_hit(&t, 0, t.c.h + 5), -1);
	/* a point of a wire is in no box */
	assert_int_equal(topo_hit(&t, t.wires[0].ax + 1, t.wires[0].ay), -1);
	/* the host is box 0; the others come sorted by name: ns2 before ns10 */
	assert_int_equal(t.boxes[0].ns_id, 0);
	assert_int_equal(world_find_ns_id(w, t.boxes[2].ns_id)->name[2], '2');
	assert_null(topo_cell_at(&t, t.c.w, 0));
	assert_null(topo_cell_at(&t, 0, -1));
	topo_free(&t);
	world_free(w);
}

static void test_deterministic(void **state)
{
	struct world *a = hub(37, false), *b = hub(37, true);
	struct topo ta, ta2, tb;
	char *sa, *sa2, *sb;

	(void)state;
	topo_render(a, -1, false, &ta);
	topo_render(a, -1, false, &ta2);
	topo_render(b, -1, false, &tb);   /* same world, found in another order */
	sa = dump(&ta);
	sa2 = dump(&ta2);
	sb = dump(&tb);
	assert_string_equal(sa, sa2);
	assert_string_equal(sa, sb);
	assert_int_equal(ta.c.w, tb.c.w);
	assert_int_equal(ta.c.h, tb.c.h);
	for (int i = 0; i < ta.c.w * ta.c.h; i++)
		assert_int_equal(ta.c.cells[i].cls, tb.c.cells[i].cls);
	free(sa);
	free(sa2);
	free(sb);
	topo_free(&ta);
	topo_free(&ta2);
	topo_free(&tb);
	world_free(a);
	world_free(b);
}

/* The tutorial's first step: both ends still in the host: a loop. */
static void test_loop_in_one_namespace(void **state)
{
	struct world *w = world_new();
	struct w_ns *host = world_add_ns(w, W_NS_HOST, "", 1, 100);
	struct topo t;
	const struct topo_box *b;
	char *s;

	(void)state;
	add_lo(w, host, true);
	add_veth(w, host, "veth0", 4, false, host, "veth1", 3, false);
	world_resolve_peers(w);
	topo_render(w, 0, false, &t);
	s = dump(&t);
	printf("%s\n", s);
	free(s);
	check_invariants(&t, w);
	assert_int_equal(t.nwires, 1);
	assert_false(t.wires[0].up);
	b = topo_find_box(&t, 0);
	/* both ends on the right border, the loop right of the box */
	assert_int_equal(t.wires[0].ax, b->x + b->w - 1);
	assert_int_equal(t.wires[0].bx, b->x + b->w - 1);
	assert_int_equal(at(&t, t.wires[0].ax, t.wires[0].ay)->ch, 0x255F);
	assert_true(t.c.w > b->x + b->w);
	topo_free(&t);
	world_free(w);
}

/* host - r1 - r2 - r3 chain, a bridge with ports, an isolated namespace,
 * an unnamed one, a veth with its peer unknown. */
static void test_mixed(void **state)
{
	struct world *w = world_new();
	struct w_ns *host = world_add_ns(w, W_NS_HOST, "", 1, 100);
	struct w_ns *r1 = world_add_ns(w, W_NS_NAMED, "r1", 1, 101);
	struct w_ns *r2 = world_add_ns(w, W_NS_NAMED, "r2", 1, 102);
	struct w_ns *r3 = world_add_ns(w, W_NS_NAMED, "r3", 1, 103);
	struct w_ns *iso = world_add_ns(w, W_NS_NAMED, "alone", 1, 104);
	struct w_ns *un = world_add_ns(w, W_NS_UNNAMED, "", 1, 105);
	struct w_ns *lng = world_add_ns(w, W_NS_NAMED,
		"a-namespace-with-a-very-long-name-\xe2\x86\x92-\xe4\xb8\xad-and-more", 1, 106);
	const struct topo_box *lb;
	struct w_link *l;
	struct topo t;
	char *s;

	(void)state;
	un->holder_pid = 4242;
	snprintf(un->holder_comm, sizeof un->holder_comm, "containerd");
	add_lo(w, host, true);
	add_link(w, host, 2, "br0", "bridge", UPFLAGS);
	add_addr(w, host, 2, "10.9.0.1", 24);
	add_veth(w, host, "vr1", 5, true, r1, "eth0", 2, true);
	add_veth(w, r1, "eth1", 3, true, r2, "eth0", 2, true);
	add_veth(w, r2, "eth1", 3, true, r3, "eth0", 2, false);
	add_veth(w, r1, "eth2", 4, true, r3, "eth1", 3, true);
	add_veth(w, host, "vb1", 7, true, un, "eth0", 2, true);
	add_veth(w, host, "vr3", 9, true, r3, "eth9", 9, true);
	world_find_link(host, "vb1")->master = 2;
	world_find_link(host, "vr3")->master = 2;
	l = add_link(w, iso, 5, "ghost", "veth", UPFLAGS);
	l->has_iflink = 1;
	l->iflink = 77;
	add_addr(w, r1, 2, "fe80::1", 64);
	add_addr(w, r1, 2, "2001:db8::1", 64);
	world_resolve_peers(w);

	topo_render(w, -1, false, &t);
	s = dump(&t);
	printf("%s\n", s);
	check_invariants(&t, w);
	assert_int_equal(t.nwires, 6);
	/* ports under their bridge, a tree */
	assert_non_null(strstr(s, "│ br0 "));
	assert_true(strstr(s, "│ ├─vb1 ") || strstr(s, "│ └─vb1 "));
	assert_true(strstr(s, "│ ├─vr3 ") || strstr(s, "│ └─vr3 "));
	assert_non_null(strstr(s, "│ ├─"));
	assert_non_null(strstr(s, "│ └─"));
	/* a crossing is drawn as the vertical wire with the horizontal one
	 * passing under it, never as a ┼ that reads as a junction */
	assert_null(strstr(s, "┼"));
	assert_non_null(strstr(s, "├─│──┤ eth9"));
	/* both ends of every wire say where it goes */
	assert_non_null(strstr(s, "vr3 UP/UP                  → r3:eth9 "));
	assert_non_null(strstr(s, "eth9 UP/UP     → host:vr3 "));
	assert_non_null(strstr(s, "eth1 UP/UP                   → r2:eth0 "));
	assert_non_null(strstr(s, "eth0 UP/UP     → r1:eth1 "));
	assert_non_null(strstr(s, "→ pid 4242 (containerd):eth0 "));
	/* the unnamed namespace's title, the IPv6 address chosen over the
	 * link-local one */
	assert_non_null(strstr(s, "pid 4242 (containerd)"));
	assert_non_null(strstr(s, "2001:db8::1/64 +1"));
	assert_non_null(strstr(s, "ghost"));
	/* a long title is cut with an ellipsis; an arrow stays, a wide
	 * character becomes '?' (one code point per cell) */
	assert_non_null(strstr(s, "─ a-namespace-with-a-very-long-name-→-?-a… ─"));
	lb = topo_find_box(&t, lng->id);
	assert_non_null(lb);
	assert_true(lb->w <= 46 + 2);
	free(s);
	topo_free(&t);

	topo_render(w, -1, true, &t);
	s = dump(&t);
	assert_non_null(strstr(s, "| |-v"));
	assert_non_null(strstr(s, "| `-v"));
	free(s);
	topo_free(&t);
	world_free(w);
}

/* Random worlds (seeded: the same 1,000 every run): whatever the wiring,
 * the invariants hold: no two wires share a cell except where one crosses
 * the other at a drawn crossing, every wire runs from the border of its a
 * end's box at that interface's row to the border of its b end's, no wire
 * runs through a box, no two boxes overlap. */
static unsigned long rng = 12345;

static int rnd(int n)
{
	rng = rng * 6364136223846793005UL + 1442695040888963407UL;
	return (int)((rng >> 33) % (unsigned long)n);
}

static void test_random_worlds(void **state)
{
	(void)state;
	for (int round = 0; round < 1000; round++) {
		struct world *w = world_new();
		int nns = 1 + rnd(round % 4 ? 15 : 70), npairs = rnd(2 * nns + 3);
		int hostshare = 2 + round % 6;
		struct w_ns **ns = xcalloc((size_t)nns, sizeof *ns);
		int *next = xcalloc((size_t)nns, sizeof *next);
		struct topo t;
		char name[32], peer[32];

		for (int i = 0; i < nns; i++) {
			snprintf(name, sizeof name, "n%d", i);
			ns[i] = world_add_ns(w, i ? W_NS_NAMED : W_NS_HOST,
			                     i ? name : "", 1, (ino_t)(100 + i));
			if (rnd(4))
				add_lo(w, ns[i], rnd(2));
			next[i] = 2;
		}
		for (int p = 0; p < npairs; p++) {
			/* the host gets more than its share */
			int a = rnd(hostshare) ? 0 : rnd(nns), b = rnd(nns);

			snprintf(name, sizeof name, "v%da", p);
			snprintf(peer, sizeof peer, "v%db", p);
			if (a == b && next[a] == next[b]) {
				add_veth(w, ns[a], name, next[a], rnd(5) != 0,
				         ns[b], peer, next[a] + 1, rnd(5) != 0);
				next[a] += 2;
			} else {
				add_veth(w, ns[a], name, next[a]++, rnd(5) != 0,
				         ns[b], peer, next[b]++, rnd(5) != 0);
			}
			if (rnd(2))
				add_addr(w, ns[a], next[a] - 1, "192.168.1.1", 24);
		}
		world_resolve_peers(w);
		{
			int sel = rnd(nns);
			struct topo_opts so = { .selected_ns_id = ns[sel]->id,
			                        .selected_if = "v0a" };

			topo_render_opts(w, &so, &t);
		}
		if (t.nconflicts) {
			char *s = dump(&t);
			printf("round %d:\n%s\n", round, s);
			free(s);
		}
		check_invariants(&t, w);
		topo_free(&t);
		topo_render(w, -1, true, &t);      /* ascii: no out of bounds */
		topo_free(&t);
		{
			struct topo_opts o = { .selected_ns_id = -1,
			                       .overview = true,
			                       .fit_h = round % 3 ? 34 : 0 };

			topo_render_opts(w, &o, &t);
			no_text = true;
			check_invariants(&t, w);
			no_text = false;
			topo_free(&t);
		}
		free(ns);
		free(next);
		world_free(w);
	}
}

static void test_empty(void **state)
{
	struct world *w = world_new();
	struct topo t;
	char *s;

	(void)state;
	topo_render(w, -1, false, &t);
	assert_int_equal(t.c.w, 0);
	assert_int_equal(t.c.h, 0);
	assert_int_equal(t.nboxes, 0);
	assert_int_equal(topo_hit(&t, 0, 0), -1);
	s = dump(&t);
	assert_string_equal(s, "");
	free(s);
	topo_free(&t);
	/* a host with no links at all */
	world_add_ns(w, W_NS_HOST, "", 1, 1);
	topo_render(w, -1, false, &t);
	s = dump(&t);
	assert_string_equal(s, "┌─ host ─┐\n│ (none) │\n└────────┘");
	free(s);
	topo_free(&t);
	world_free(w);
}

static void test_sample_five(void **state)
{
	struct world *w = hub(5, false);
	struct topo t;
	char *s;

	(void)state;
	topo_render(w, -1, false, &t);
	s = dump(&t);
	printf("%s\n", s);
	check_invariants(&t, w);
	free(s);
	topo_free(&t);
	world_free(w);
}

/* z: the overview.  Boxes shrink to their names, the wires stay, and at
 * 30 namespaces the map fits 120x36 (the view is 118x24 inside its frame,
 * above the log). */
static void test_overview(void **state)
{
	struct world *w = hub(30, false);
	struct topo full, t;
	struct topo_opts o = { .selected_ns_id = 3, .overview = true,
	                       .fit_h = 24 };
	char *s;

	(void)state;
	topo_render(w, 3, false, &full);
	topo_render_opts(w, &o, &t);
	s = dump(&t);
	printf("overview of 30 (%d x %d, full %d x %d):\n%s\n", t.c.w, t.c.h,
	       full.c.w, full.c.h, s);
	no_text = true;
	check_invariants(&t, w);
	no_text = false;
	assert_int_equal(t.nwires, full.nwires);
	assert_true(t.c.w <= 118);
	assert_true(t.c.h <= 24);
	assert_true(full.c.w > 118 || full.c.h > 24);
	for (size_t i = 0; i < t.nboxes; i++) {
		const struct topo_box *b = &t.boxes[i];
		const struct w_ns *ns = world_find_ns_id(w, b->ns_id);
		char label[128], text[256];

		world_ns_label(ns, label, sizeof label);
		/* "│ name │" and a row for each more wire, nothing else (a
		 * column's boxes share the widest one's width) */
		assert_true(b->w >= (int)strlen(label) + 4 && b->w <= 4 + 4);
		row_text(&t, b->y, b->x, b->x + b->w, text, sizeof text);
		assert_non_null(strstr(text, label));
		for (int y = b->y + 1; y < b->y + b->h; y++)
			for (int x = b->x + 1; x < b->x + b->w - 1; x++)
				assert_int_equal(at(&t, x, y)->ch, ' ');
	}
	/* the same wires, between the same interfaces */
	for (size_t i = 0; i < t.nwires; i++) {
		const struct topo_wire *ov = &t.wires[i], *f = &full.wires[i];
		bool same = ov->a_ns_id == f->a_ns_id && !strcmp(ov->a_if, f->a_if) &&
		            ov->b_ns_id == f->b_ns_id && !strcmp(ov->b_if, f->b_if);
		bool swapped = ov->a_ns_id == f->b_ns_id && !strcmp(ov->a_if, f->b_if) &&
		               ov->b_ns_id == f->a_ns_id && !strcmp(ov->b_if, f->a_if);

		assert_true(same || swapped);
	}
	{
		const struct topo_box *b = topo_find_box(&t, 3);

		/* ns3 is on the right, wired on its left border: the
		 * selected box's right border is double */
		assert_int_equal(at(&t, b->x + b->w - 1, b->y)->cls,
		                 TC_BOX_SELECTED);
		assert_int_equal(at(&t, b->x + b->w - 1, b->y)->ch, 0x2551);
	}
	free(s);
	topo_free(&t);
	topo_free(&full);
	world_free(w);

	/* with a chain of ten among them */
	w = hub_chain(30, 10);
	topo_render_opts(w, &o, &t);
	s = dump(&t);
	printf("overview of 30 and a chain (%d x %d):\n%s\n", t.c.w, t.c.h, s);
	no_text = true;
	check_invariants(&t, w);
	no_text = false;
	assert_int_equal(t.nwires, 39);
	free(s);
	topo_free(&t);
	world_free(w);
}

/* A namespace that comes or goes moves only the boxes after it, in the
 * order: layer by layer (veth distance from the host), namespaces wired
 * to others before leaves, by name.  Between sizes (all at once moves at
 * 10, 37 and 145 namespaces of this shape) the k-th box in that order
 * keeps the k-th place. */
static void places(const struct topo *t, const struct world *w,
                   const char *skip, int (*pl)[2], int *n)
{
	char name[32];

	*n = 0;
	for (int i = 1; i < 200; i++) {
		const struct w_ns *ns;
		const struct topo_box *b;

		snprintf(name, sizeof name, "ns%d", i);
		ns = world_find_ns(w, name);
		if (!ns || (skip && strcmp(skip, name) == 0))
			continue;
		b = topo_find_box(t, ns->id);
		assert_non_null(b);
		pl[*n][0] = b->col;
		pl[*n][1] = b->slot;
		(*n)++;
	}
}

static void test_stable_placement(void **state)
{
	int a[200][2], b[200][2], na, nb;

	(void)state;
	/* one more at the end: nobody moves */
	for (int n = 10; n < 36; n++) {
		struct world *w1 = hub(n, false), *w2 = hub(n + 1, false);
		struct topo t1, t2;

		topo_render(w1, -1, false, &t1);
		topo_render(w2, -1, false, &t2);
		places(&t1, w1, NULL, a, &na);
		places(&t2, w2, NULL, b, &nb);
		assert_int_equal(na + 1, nb);
		for (int k = 0; k < na; k++) {
			if (a[k][0] != b[k][0] || a[k][1] != b[k][1])
				fprintf(stderr, "%d -> %d: ns%d moved from %d/%d to "
				        "%d/%d\n", n, n + 1, k + 1, a[k][0],
				        a[k][1], b[k][0], b[k][1]);
			assert_int_equal(a[k][0], b[k][0]);
			assert_int_equal(a[k][1], b[k][1]);
		}
		/* the new one: after the others, on a side already used
		 * or a new column */
		assert_true(b[na][0] != 0);
		topo_free(&t1);
		topo_free(&t2);
		world_free(w1);
		world_free(w2);
	}
	/* one goes from the middle (ns7 of 30): those before stay, each
	 * after it takes the place of the one before it */
	{
		struct world *w1 = hub(30, false), *w2 = hub(30, false);
		struct topo t1, t2;
		struct w_ns *gone = world_find_ns(w2, "ns7");

		assert_non_null(gone);
		world_remove_ns(w2, gone);
		world_resolve_peers(w2);
		topo_render(w1, -1, false, &t1);
		topo_render(w2, -1, false, &t2);
		places(&t1, w1, NULL, a, &na);
		places(&t2, w2, NULL, b, &nb);     /* ns1..ns6, ns8..ns30 */
		assert_int_equal(nb, 29);
		for (int k = 0; k < nb; k++) {
			assert_int_equal(a[k][0], b[k][0]);
			assert_int_equal(a[k][1], b[k][1]);
		}
		topo_free(&t1);
		topo_free(&t2);
		world_free(w1);
		world_free(w2);
	}
}

/* An interface being captured says so at the end of its row, after where
 * its wire goes; the overview has no text for it. */
static void test_capture_marks(void **state)
{
	struct world *w = tutorial(true);
	struct topo_mark m[2] = { { 0, "veth0" }, { 0, "nosuch" } };
	struct topo_opts o = { .selected_ns_id = -1, .captured = m,
	                       .ncaptured = 2 };
	struct topo t;
	char *s;

	(void)state;
	topo_render_opts(w, &o, &t);
	s = dump(&t);
	printf("%s\n", s);
	check_invariants(&t, w);
	assert_non_null(strstr(s, "│ veth0 UP/UP      10.0.1.0/24 → vnet:veth1 [cap] ├"));
	assert_null(strstr(s, "host:veth0 [cap]"));
	assert_int_equal(strstr(s, "[cap]") - s, strrchr(s, ']') - 4 - s);
	free(s);
	topo_free(&t);
	/* lo, not wired: the mark alone */
	snprintf(m[1].ifname, sizeof m[1].ifname, "lo");
	m[1].ns_id = world_find_ns(w, "vnet")->id;
	topo_render_opts(w, &o, &t);
	s = dump(&t);
	check_invariants(&t, w);
	{
		const struct topo_box *b = topo_find_box(&t, m[1].ns_id);
		char text[256];

		row_text(&t, b->y + 1, b->x, b->x + b->w, text, sizeof text);
		assert_non_null(strstr(text, "# lo    DOWN/DOWN "));
		assert_non_null(strstr(text, " [cap] "));
	}
	free(s);
	topo_free(&t);
	o.overview = true;
	topo_render_opts(w, &o, &t);
	s = dump(&t);
	assert_null(strstr(s, "[cap]"));
	free(s);
	topo_free(&t);
	world_free(w);
}

/* The selected namespace's selected interface: its name and its whole
 * wire stand out (TC_SELECTED, TC_WIRE_SELECTED), nothing else does. */
static void test_selected_wire(void **state)
{
	struct world *w = hub(12, false);
	const struct w_ns *ns5 = world_find_ns(w, "ns5");
	struct topo_opts o = { .selected_ns_id = ns5->id, .selected_if = "eth0" };
	struct topo t;
	const struct topo_wire *sw = NULL;
	int nsel = 0, nname = 0;

	(void)state;
	topo_render_opts(w, &o, &t);
	check_invariants(&t, w);
	for (size_t i = 0; i < t.nwires; i++)
		if (t.wires[i].b_ns_id == ns5->id || t.wires[i].a_ns_id == ns5->id)
			sw = &t.wires[i];
	assert_non_null(sw);
	assert_int_equal(sw->ay, sw->by);           /* straight, host to ns5 */
	for (int x = sw->ax; x <= sw->bx; x++)
		assert_int_equal(at(&t, x, sw->ay)->cls, TC_WIRE_SELECTED);
	for (int i = 0; i < t.c.w * t.c.h; i++) {
		nsel += t.c.cells[i].cls == TC_WIRE_SELECTED;
		nname += t.c.cells[i].cls == TC_SELECTED;
	}
	assert_int_equal(nsel, sw->bx - sw->ax + 1);
	assert_int_equal(nname, 4);                 /* "eth0" in ns5's box */
	assert_int_equal(at(&t, sw->bx + 2, sw->by)->cls, TC_SELECTED);
	topo_free(&t);
	/* an interface without a wire: only its name */
	o.selected_if = "lo";
	topo_render_opts(w, &o, &t);
	nsel = nname = 0;
	for (int i = 0; i < t.c.w * t.c.h; i++) {
		nsel += t.c.cells[i].cls == TC_WIRE_SELECTED;
		nname += t.c.cells[i].cls == TC_SELECTED;
	}
	assert_int_equal(nsel, 0);
	assert_int_equal(nname, 2);
	topo_free(&t);
	world_free(w);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tutorial_exact),
		cmocka_unit_test(test_up_and_down_differ),
		cmocka_unit_test(test_hub_100),
		cmocka_unit_test(test_hit_and_find),
		cmocka_unit_test(test_deterministic),
		cmocka_unit_test(test_loop_in_one_namespace),
		cmocka_unit_test(test_mixed),
		cmocka_unit_test(test_random_worlds),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_sample_five),
		cmocka_unit_test(test_overview),
		cmocka_unit_test(test_stable_placement),
		cmocka_unit_test(test_capture_marks),
		cmocka_unit_test(test_selected_wire),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
