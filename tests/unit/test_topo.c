/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_topo.c - the topology view's paint phase: the text and glyphs of boxes and
 * wires, cell classes, labels, marks. */
#include "topo_check.h"

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
	/* ports under their bridge (a node, "[br0]"), a tree */
	assert_non_null(strstr(s, "│ [br0] "));
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

/* A link whose root qdisc impairs it (a W_EV_NEWQDISC applied to the
 * world, as kernel/sync.c applies the kernel's) says so at the end of
 * its row, "~KIND"; the kernel's own default (handle 0:) says nothing,
 * nor does a deleted one. */
static void test_impair_marks(void **state)
{
	struct world *w = tutorial(true);
	struct w_ns *vnet = world_find_ns(w, "vnet");
	struct w_event ev;
	struct topo t;
	char *s;

	(void)state;
	memset(&ev, 0, sizeof ev);
	ev.type = W_EV_NEWQDISC;
	ev.u.qdisc.ifindex = 3;
	ev.u.qdisc.handle = 0;
	snprintf(ev.u.qdisc.kind, sizeof ev.u.qdisc.kind, "noqueue");
	world_apply(w, vnet, &ev);
	topo_render(w, -1, false, &t);
	s = dump(&t);
	assert_null(strstr(s, "~"));
	free(s);
	topo_free(&t);
	ev.u.qdisc.handle = 0x80010000u;
	snprintf(ev.u.qdisc.kind, sizeof ev.u.qdisc.kind, "netem");
	ev.u.qdisc.opts = (char *)"limit 1000 delay 100ms  10ms loss 1% ";
	world_apply(w, vnet, &ev);
	assert_string_equal(world_find_link_index(vnet, 3)->qdisc, "netem");
	topo_render(w, -1, false, &t);
	s = dump(&t);
	printf("%s\n", s);
	check_invariants(&t, w);
	assert_non_null(strstr(s, "→ host:veth0 ~netem"));
	free(s);
	topo_free(&t);
	ev.type = W_EV_DELQDISC;
	ev.u.qdisc.opts = NULL;
	world_apply(w, vnet, &ev);
	topo_render(w, -1, false, &t);
	s = dump(&t);
	assert_null(strstr(s, "~"));
	free(s);
	topo_free(&t);
	world_free(w);
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

/* Names come from the system (a file in /run/netns, an interface): on
 * the canvas, a far end's name is cut and its control characters, wide
 * ones and escapes are '?', as in titles; nothing reaches the terminal
 * but one printable code point per cell. */
static void test_hostile_names(void **state)
{
	struct world *w = world_new();
	struct w_ns *host = world_add_ns(w, W_NS_HOST, "", 1, 100);
	struct w_ns *bad = world_add_ns(w, W_NS_NAMED,
		"\x1b[31mred\x1b]0;title\x07\x9b" "2J-\xe4\xb8\xad-"
		"a-very-long-name-that-goes-on-and-on-and-on", 1, 101);
	struct topo t;
	char *s;

	(void)state;
	add_lo(w, host, true);
	add_veth(w, host, "v\x1b[0m", 5, true, bad, "eth\x07", 2, true);
	world_resolve_peers(w);
	for (int ascii = 0; ascii < 2; ascii++) {
		topo_render(w, -1, ascii, &t);
		assert_int_equal(t.nconflicts, 0);
		assert_int_equal(t.nwires, 1);
		for (int i = 0; i < t.c.w * t.c.h; i++) {
			uint32_t ch = t.c.cells[i].ch;

			assert_true(ch >= 0x20 && ch != 0x7F &&
			            !(ch >= 0x80 && ch < 0xA0));
			assert_true(!ascii || ch < 0x80);
		}
		s = dump(&t);
		printf("%s\n", s);
		assert_null(strchr(s, '\x1b'));
		assert_null(strchr(s, '\x07'));
		/* the host's end: the far name cut to fit; a byte that is
		 * not UTF-8 is U+FFFD (in ASCII '?') */
		assert_non_null(strstr(s, ascii ?
			"> ?[31mred?]0;title??2J-?-a~ +" :
			"→ ?[31mred?]0;title?\xef\xbf\xbd" "2J-?-a… ├"));
		free(s);
		topo_free(&t);
	}
	world_free(w);
}

/* A router's box (its forwarding on, as the UI read it) says so after its
 * title, in the map and the overview, in UTF-8 and ASCII; the others do
 * not; an id not in the world is ignored; the wires stay whole. */
static void test_router_marks(void **state)
{
	struct world *w = hub_chain(6, 3);
	int r[3] = { world_find_ns(w, "ns2")->id, world_find_ns(w, "ns5")->id,
	             9999 };
	struct topo_opts o = { .selected_ns_id = -1, .routers = r,
	                       .nrouters = 3 };
	struct topo t;
	char *s;

	(void)state;
	for (int ov = 0; ov < 2; ov++)
		for (int ascii = 0; ascii < 2; ascii++) {
			const char *tag = ov ? " (R)" : " (router)";
			char want[64];
			int n = 0;

			o.overview = ov;
			o.ascii = ascii;
			topo_render_opts(w, &o, &t);
			s = dump(&t);
			printf("%s\n", s);
			if (!ascii) {
				if (ov)
					check_overview(&t, w);
				else
					check_invariants(&t, w);
			}
			for (const char *p = s; (p = strstr(p, tag)); p++)
				n++;
			assert_int_equal(n, 2);
			for (int i = 1; i <= 6; i++) {
				const struct w_ns *ns;
				const struct topo_box *b;
				char text[256];

				snprintf(want, sizeof want, "ns%d", i);
				ns = world_find_ns(w, want);
				b = topo_find_box(&t, ns->id);
				row_text(&t, b->y, b->x, b->x + b->w, text,
				         sizeof text);
				snprintf(want, sizeof want, " ns%d%s ", i, tag);
				if (i == 2 || i == 5) {
					int x;

					assert_non_null(strstr(text, want));
					/* the mark has its own class */
					x = b->x + (int)(strstr(text, tag) - text) + 2;
					assert_int_equal(at(&t, x, b->y)->cls,
					                 TC_ROUTER);
					assert_int_equal(at(&t, x - 3, b->y)->cls,
					                 TC_TITLE);
				} else {
					assert_null(strstr(text, "(R"));
				}
			}
			free(s);
			topo_free(&t);
		}
	/* none given: no mark */
	o.overview = false;
	o.nrouters = 0;
	topo_render_opts(w, &o, &t);
	s = dump(&t);
	assert_null(strstr(s, "(router)"));
	free(s);
	topo_free(&t);
	world_free(w);
}

/* A bridge is a node of its own, "[br0]", its ports hanging from it on
 * lines drawn as wires: solid to a port that is up, dashed to one that is
 * down; a port that is a veth end keeps its wire to its peer.  A bond's
 * ports stay a tree of text. */
static void test_bridge_node(void **state)
{
	struct world *w = world_new();
	struct w_ns *host = world_add_ns(w, W_NS_HOST, "", 1, 100);
	struct w_ns *ns1 = world_add_ns(w, W_NS_NAMED, "ns1", 1, 101);
	struct topo t;
	char *s;
	int x0, y;

	(void)state;
	add_lo(w, host, true);
	add_link(w, host, 2, "br0", "bridge", UPFLAGS);
	add_veth(w, host, "vh1", 3, true, ns1, "eth0", 2, true);
	add_link(w, host, 4, "dum0", "dummy", 0);
	add_link(w, host, 5, "tap1", "tun", UPFLAGS);
	add_link(w, host, 6, "bond0", "bond", UPFLAGS);
	add_link(w, host, 7, "dum1", "dummy", UPFLAGS);
	world_find_link(host, "vh1")->master = 2;
	world_find_link(host, "dum0")->master = 2;
	world_find_link(host, "tap1")->master = 2;
	world_find_link(host, "dum1")->master = 6;
	world_resolve_peers(w);

	topo_render(w, -1, false, &t);
	s = dump(&t);
	printf("%s\n", s);
	check_invariants(&t, w);
	assert_int_equal(t.nwires, 1);
	assert_non_null(strstr(s, "│ [br0]  UP/UP"));
	assert_non_null(strstr(s, "│ ├╌dum0 DOWN/DOWN"));   /* down: dashed */
	assert_non_null(strstr(s, "│ ├─tap1 UP/UP"));
	assert_non_null(strstr(s, "│ └─vh1  UP/UP"));       /* wired */
	assert_non_null(strstr(s, "→ ns1:eth0 ├"));
	assert_non_null(strstr(s, "│ bond0  UP/UP"));       /* not a bridge */
	assert_non_null(strstr(s, "│ └─dum1 UP/UP"));
	x0 = topo_find_box(&t, host->id)->x + 2;
	for (y = 0; y < t.c.h; y++)
		if (at(&t, x0 + 1, y)->ch == 'b' && at(&t, x0 + 2, y)->ch == 'r')
			break;
	assert_true(y < t.c.h);
	assert_int_equal(at(&t, x0, y)->cls, TC_BRIDGE);       /* [ */
	assert_int_equal(at(&t, x0 + 1, y)->cls, TC_TEXT);     /* br0 */
	assert_int_equal(at(&t, x0 + 4, y)->cls, TC_BRIDGE);   /* ] */
	/* the ports, dum0 tap1 vh1 (the host's rows may be apart: the
	 * bus runs down to the next port) */
	{
		int ys[3], n = 0;

		for (int yy = y + 1; yy < t.c.h && n < 3; yy++)
			if (at(&t, x0 + 1, yy)->ch == 0x2500 ||
			    at(&t, x0 + 1, yy)->ch == 0x254C)
				ys[n++] = yy;
		assert_int_equal(n, 3);
		assert_int_equal(at(&t, x0, ys[0])->cls, TC_BUS_DOWN);
		assert_int_equal(at(&t, x0 + 1, ys[0])->ch, 0x254C);
		assert_int_equal(at(&t, x0, ys[1])->cls, TC_BUS_UP);
		assert_int_equal(at(&t, x0 + 1, ys[1])->cls, TC_BUS_UP);
		assert_int_equal(at(&t, x0, ys[2])->cls, TC_BUS_UP);
		assert_int_equal(at(&t, x0, ys[2])->ch, 0x2514);
		for (int yy = y + 1; yy < ys[2]; yy++)
			assert_true(at(&t, x0, yy)->cls == TC_BUS_UP ||
			            at(&t, x0, yy)->cls == TC_BUS_DOWN);
	}
	/* the bond's port: text, as before */
	for (y = 0; y < t.c.h; y++)
		if (at(&t, x0 + 2, y)->ch == 'd' && at(&t, x0 + 5, y)->ch == '1')
			break;
	assert_true(y < t.c.h);
	assert_int_equal(at(&t, x0, y)->cls, TC_TEXT);
	free(s);
	topo_free(&t);

	topo_render(w, -1, true, &t);
	s = dump(&t);
	printf("%s\n", s);
	assert_non_null(strstr(s, "| [br0]  UP/UP"));
	assert_non_null(strstr(s, "| |.dum0 DOWN/DOWN"));
	assert_non_null(strstr(s, "| `-vh1  UP/UP"));
	free(s);
	topo_free(&t);
	world_free(w);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tutorial_exact),
		cmocka_unit_test(test_up_and_down_differ),
		cmocka_unit_test(test_loop_in_one_namespace),
		cmocka_unit_test(test_mixed),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_sample_five),
		cmocka_unit_test(test_capture_marks),
		cmocka_unit_test(test_impair_marks),
		cmocka_unit_test(test_selected_wire),
		cmocka_unit_test(test_hostile_names),
		cmocka_unit_test(test_router_marks),
		cmocka_unit_test(test_bridge_node),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
