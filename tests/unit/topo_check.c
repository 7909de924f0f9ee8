/* SPDX-License-Identifier: GPL-2.0-or-later */
/* topo_check.c - see topo_check.h. */
#include "topo_check.h"


/* ---- building worlds ------------------------------------------------------ */

struct w_link *add_link(struct world *w, struct w_ns *ns, int ifindex,
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

void add_addr(struct world *w, struct w_ns *ns, int ifindex,
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

void add_lo(struct world *w, struct w_ns *ns, bool up)
{
	add_link(w, ns, 1, "lo", "", up ? (IFF_UP | IFF_LOOPBACK | IFF_LOWER_UP) :
	                                  IFF_LOOPBACK);
	if (up)
		add_addr(w, ns, 1, "127.0.0.1", 8);
}

/* A veth pair a@ia in A <-> b@ib in B, as the kernel reports it: each end
 * names the other by ifindex, plus an nsid when they are apart.  A down
 * end takes the other's carrier away.  Call world_resolve_peers after. */
void add_veth(struct world *w, struct w_ns *A, const char *a, int ia,
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
struct world *tutorial(bool vnet_up)
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
struct world *hub(int n, bool reversed)
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
struct world *hub_chain(int n, int chain)
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

const struct topo_cell *at(const struct topo *t, int x, int y)
{
	const struct topo_cell *c = topo_cell_at(t, x, y);

	assert_non_null(c);
	return c;
}

char *dump(const struct topo *t)
{
	struct sbuf b = SBUF_INIT;

	topo_dump(t, &b);
	return b.s ? b.s : xstrdup("");
}

/* The text of canvas row y between x0 and x1 (exclusive), ASCII only. */
void row_text(const struct topo *t, int y, int x0, int x1, char *buf,
              size_t len)
{
	size_t n = 0;

	for (int x = x0; x < x1 && n + 1 < len; x++) {
		uint32_t ch = at(t, x, y)->ch;
		buf[n++] = ch < 0x80 ? (char)ch : '#';
	}
	buf[n] = '\0';
}

bool is_wire_cls(int cls)
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

/* The overview has no text in its boxes (check_overview). */
static bool no_text;

/* Everything the layout promises, for any world (UTF-8 canvas). */
void check_invariants(const struct topo *t, const struct world *w)
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

unsigned long rng = 12345;

int rnd(int n)
{
	rng = rng * 6364136223846793005UL + 1442695040888963407UL;
	return (int)((rng >> 33) % (unsigned long)n);
}

void check_overview(const struct topo *t, const struct world *w)
{
	no_text = true;
	check_invariants(t, w);
	no_text = false;
}
