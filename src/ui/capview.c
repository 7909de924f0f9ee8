/* SPDX-License-Identifier: GPL-2.0-or-later */
/* capview.c - live capture panels: several at once (stacked) or merged
 * into one view with the namespace and interface on each line, the
 * tutorial's two tcpdump terminals in one.  Packets stay raw in each
 * capture's ring; only the lines on screen are decoded, and the view is
 * redrawn at most about 30 times a second however fast packets come. */
#include "ui/ui_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "capture/capture.h"
#include "decode/decode.h"
#include "ui/theme.h"
#include "util/sbuf.h"

#define FRAME_MS 33         /* at most ~30 redraws a second */
#define CHECK_MS 250        /* look for vanished interfaces this often */

long long ui_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void cap_open(struct ui *u)
{
	struct w_ns *ns = ui_sel_ns(u);
	struct w_link *l = ui_sel_link(u);
	struct capture_opts o;
	struct kerr e = { 0 };
	char err[512], label[300], path[300];
	struct ui_cap *uc;

	if (!l) {
		ui_log(u, L_ERROR, "select an interface to capture on");
		return;
	}
	if (u->ncaps == UI_MAX_CAPS) {
		ui_log(u, L_ERROR, "at most %d captures at once: close one "
		       "(x in the capture view)", UI_MAX_CAPS);
		return;
	}
	world_ns_label(ns, label, sizeof label);
	memset(&o, 0, sizeof o);
	o.ifname = l->name;
	o.ns_fd = ksync_ns_fd(u->k, ns, &e);
	o.ns_label = ns->kind == W_NS_HOST ? "" : label;
	if (ns->kind == W_NS_NAMED) {
		snprintf(path, sizeof path, NETNS_RUN_DIR "/%.250s", ns->name);
		o.ns_path = path;
	}
	if (o.ns_fd < 0) {
		ui_log(u, L_ERROR, "%s: %s", label, kerr_str(&e));
		return;
	}
	uc = &u->caps[u->ncaps];
	memset(uc, 0, sizeof *uc);
	uc->c = capture_open(&o, err, sizeof err);
	if (!uc->c) {
		ui_log(u, L_ERROR, "capture: %s", err);
		return;
	}
	snprintf(uc->label, sizeof uc->label, "%s in %.270s", l->name, label);
	uc->ns_id = ns->id;
	uc->follow = true;
	u->cap_cur = u->ncaps++;
	ui_show(u, S_CAPS);
	ui_log(u, L_CMD, "%scapture -i %s", ns->kind == W_NS_NAMED ? "" : "",
	       l->name);
	ui_log(u, L_OK, "capturing on %s", uc->label);
	u->dirty = true;
}

static void cap_close(struct ui *u, int i)
{
	capture_close(u->caps[i].c);
	memmove(&u->caps[i], &u->caps[i + 1],
	        (size_t)(u->ncaps - i - 1) * sizeof u->caps[0]);
	u->ncaps--;
	if (u->cap_cur >= u->ncaps)
		u->cap_cur = u->ncaps ? u->ncaps - 1 : 0;
	if (!u->ncaps && u->screen == S_CAPS)
		ui_show(u, S_PANELS);
	u->dirty = true;
}

void cap_close_all(struct ui *u)
{
	while (u->ncaps)
		cap_close(u, u->ncaps - 1);
}

int cap_pollfds(struct ui *u, struct pollfd *pfd, int max)
{
	int n = 0;

	for (int i = 0; i < u->ncaps && n < max; i++) {
		int fd = capture_ended(u->caps[i].c) ? -1
		         : capture_fd(u->caps[i].c);
		pfd[n++] = (struct pollfd){ .fd = fd, .events = POLLIN };
	}
	return n;
}

void cap_service(struct ui *u, const struct pollfd *pfd, int n)
{
	long long now = ui_now_ms();

	for (int i = 0; i < n && i < u->ncaps; i++) {
		struct ui_cap *uc = &u->caps[i];

		if (pfd[i].fd >= 0 && (pfd[i].revents & (POLLIN | POLLERR))) {
			if (capture_read(uc->c, 0) != 0)
				u->cap_pending = true;
		}
	}
	if (u->ncaps && now - u->last_check_ms >= CHECK_MS) {
		u->last_check_ms = now;
		for (int i = 0; i < u->ncaps; i++) {
			capture_check(u->caps[i].c);
			u->cap_pending = true;    /* the counters moved */
		}
	}
	for (int i = 0; i < u->ncaps; i++) {
		struct ui_cap *uc = &u->caps[i];
		const char *why = capture_ended(uc->c);

		if (why && !uc->ended_noted) {
			uc->ended_noted = true;
			ui_log(u, L_ERROR, "capture on %s ended: %s", uc->label,
			       *why ? why : "end of input");
		}
	}
}

/* How long poll may sleep: until the next frame if packets are waiting
 * to be shown, until the next check while captures run; else forever. */
int cap_timeout(struct ui *u, long long now)
{
	int t = -1;

	if (u->cap_pending) {
		long long left = FRAME_MS - (now - u->last_draw_ms);
		t = left < 0 ? 0 : (int)left;
	}
	if (u->ncaps) {
		long long left = CHECK_MS - (now - u->last_check_ms);
		int c = left < 0 ? 0 : (int)left;
		if (t < 0 || c < t)
			t = c;
	}
	return t;
}

static unsigned long long view_end(struct ui_cap *uc)
{
	return uc->paused ? uc->frozen : capture_next(uc->c);
}

/* The screen rows a packet's text takes: -v and the dumps add lines */
static int text_rows(const char *s)
{
	int n = 1;

	for (; s && *s; s++)
		n += *s == '\n';
	return n;
}

static int pkt_rows(struct ui_cap *uc, unsigned long long n)
{
	return text_rows(capture_line(uc->c, n));
}

/* Row `row` of a packet's text (prefix before the first), tabs as
 * tcpdump's terminal shows them: to the next multiple of 8 */
static void text_row(char *buf, size_t len, const char *prefix,
                     const char *s, int row)
{
	size_t o = 0;

	buf[0] = '\0';
	if (!s)
		return;
	for (; row > 0 && *s; s++)
		if (*s == '\n')
			row--;
	if (row > 0)
		return;
	if (prefix)
		o = (size_t)snprintf(buf, len, "%s", prefix);
	for (; *s && *s != '\n' && o + 9 < len; s++) {
		if (*s == '\t') {
			do
				buf[o++] = ' ';
			while (o % 8);
		} else {
			buf[o++] = *s;
		}
	}
	buf[o < len ? o : len - 1] = '\0';
}

/* tcpdump's flags a capture's lines follow, for its title: "  -e -vv -X" */
static void print_words(const struct capture_print *pr, char *buf,
                        size_t len)
{
	static const char *const ts[] = { "", " -t", " -tt", " -ttt",
	                                  " -tttt", " -ttttt" };
	static const char *const dump[][2] = {
		{ "", "" }, { " -x", " -xx" }, { " -X", " -XX" }, { " -A", " -AA" },
	};
	char v[8] = "";

	if (pr->dec.verbose > 0) {
		int k = pr->dec.verbose > 3 ? 3 : pr->dec.verbose;

		v[0] = ' ';
		v[1] = '-';
		memset(v + 2, 'v', (size_t)k);
		v[2 + k] = '\0';
	}
	snprintf(buf, len, "%s%s%s%s%s", pr->dec.link ? " -e" : "", v,
	         pr->dec.quiet ? " -q" : "",
	         dump[pr->dump >= 0 && pr->dump <= 3 ? pr->dump : 0]
	             [pr->dump_link ? 1 : 0],
	         ts[pr->ts >= 0 && pr->ts <= 5 ? pr->ts : 0]);
	if (buf[0]) {
		char t[120];

		snprintf(t, sizeof t, "  tcpdump%s", buf);
		snprintf(buf, len, "%s", t);
	}
}

static void draw_one(struct ui *u, int i, const struct rect *r)
{
	struct ui_cap *uc = &u->caps[i];
	struct capture_stats st;
	unsigned long long first = capture_first(uc->c), end = view_end(uc);
	int rows = r->h - 2;
	bool active = i == u->cap_cur;
	char title[700];
	const char *why = capture_ended(uc->c);

	char flags[120];

	capture_get_stats(uc->c, &st);
	print_words(capture_get_print(uc->c), flags, sizeof flags);
	snprintf(title, sizeof title, " %s%s%s%s  seen %llu  dropped %llu  "
	         "overwritten %llu%s%s ", uc->label,
	         capture_filter(uc->c)[0] ? "  filter: " : "",
	         capture_filter(uc->c), flags, (unsigned long long)st.seen,
	         (unsigned long long)st.kernel_drops,
	         (unsigned long long)st.overwritten,
	         uc->paused ? "  PAUSED" : "", why ? "  ENDED" : "");
	ui_paint(active ? TH_BORDER_ACTIVE : TH_BORDER);
	for (int y = r->y; y < r->y + r->h; y++) {
		mvaddch(y, r->x, y == r->y || y == r->y + r->h - 1 ? '+' : '|');
		mvaddch(y, r->x + r->w - 1,
		        y == r->y || y == r->y + r->h - 1 ? '+' : '|');
	}
	mvhline(r->y, r->x + 1, u->utf8 ? ACS_HLINE : '-', r->w - 2);
	mvhline(r->y + r->h - 1, r->x + 1, u->utf8 ? ACS_HLINE : '-', r->w - 2);
	if (u->utf8) {
		mvvline(r->y + 1, r->x, ACS_VLINE, r->h - 2);
		mvvline(r->y + 1, r->x + r->w - 1, ACS_VLINE, r->h - 2);
		mvaddch(r->y, r->x, ACS_ULCORNER);
		mvaddch(r->y, r->x + r->w - 1, ACS_URCORNER);
		mvaddch(r->y + r->h - 1, r->x, ACS_LLCORNER);
		mvaddch(r->y + r->h - 1, r->x + r->w - 1, ACS_LRCORNER);
	}
	ui_paint(active ? TH_PANEL_TITLE_ACTIVE : TH_PANEL_TITLE);
	ui_put(r->y, r->x + 2, (int)strlen(title) < r->w - 4 ? (int)strlen(title)
	                                                   : r->w - 4, title, true);
	if (rows <= 0)
		return;
	/* which packets are on screen (a packet takes more than one row
	 * with -v or a dump): the newest that fit when following, else
	 * the selected one in view */
	if (uc->follow) {
		int used = 0;

		uc->sel = end > first ? end - 1 : first;
		uc->top = end;
		while (uc->top > first) {
			int k = pkt_rows(uc, uc->top - 1);

			if (used + k > rows && used > 0)
				break;
			used += k;
			uc->top--;
		}
	} else {
		int used = 0;

		if (uc->sel < first)
			uc->sel = first;
		if (uc->sel >= end && end > first)
			uc->sel = end - 1;
		if (uc->top < first)
			uc->top = first;
		if (uc->sel < uc->top)
			uc->top = uc->sel;
		for (unsigned long long n = uc->top; n <= uc->sel && n < end; n++)
			used += pkt_rows(uc, n);
		while (used > rows && uc->top < uc->sel)
			used -= pkt_rows(uc, uc->top++);
	}
	{
		unsigned long long n = uc->top;
		int sub = 0;

		for (int y = 0; y < rows; y++) {
			const char *line = n < end ? capture_line(uc->c, n) : NULL;
			char buf[1200];

			text_row(buf, sizeof buf, NULL, line, sub);
			if (line && !uc->follow && n == uc->sel && active)
				ui_paint(TH_SELECTED);
			else
				ui_paint(TH_NORMAL);
			ui_put(r->y + 1 + y, r->x + 1, r->w - 2, buf, true);
			if (line && ++sub >= text_rows(line)) {
				sub = 0;
				n++;
			}
		}
	}
}

/* One view: the newest lines of every capture, by time, each with where
 * it was seen. */
static void draw_merged(struct ui *u, const struct rect *r)
{
	int rows = r->h - 2;
	unsigned long long pos[UI_MAX_CAPS];
	struct { int cap; unsigned long long n; } *pick;
	int npick = 0;

	ui_paint(TH_BORDER_ACTIVE);
	mvhline(r->y, r->x, '-', r->w);
	ui_paint(TH_PANEL_TITLE_ACTIVE);
	{
		char title[200], flags[120];

		print_words(capture_get_print(u->caps[u->cap_cur].c), flags,
		            sizeof flags);
		snprintf(title, sizeof title, " All captures, by time%s (M: one "
		         "panel each) ", flags);
		ui_put(r->y, r->x + 2, r->w - 4, title, true);
	}
	if (rows <= 0)
		return;
	pick = xcalloc((size_t)rows, sizeof *pick);
	for (int i = 0; i < u->ncaps; i++)
		pos[i] = view_end(&u->caps[i]);
	/* walk back from the newest: the latest of the heads each time,
	 * until their rows fill the view */
	for (int used = 0; npick < rows && used < rows;) {
		int best = -1;
		struct timeval bt = { 0, 0 };

		for (int i = 0; i < u->ncaps; i++) {
			struct capture_pkt p;
			if (pos[i] <= capture_first(u->caps[i].c) ||
			    !capture_get(u->caps[i].c, pos[i] - 1, &p))
				continue;
			if (best < 0 || timercmp(&p.ts, &bt, >)) {
				best = i;
				bt = p.ts;
			}
		}
		if (best < 0)
			break;
		pick[npick].cap = best;
		pick[npick].n = --pos[best];
		used += pkt_rows(&u->caps[best], pick[npick].n);
		npick++;
	}
	/* newest at the bottom: the rows from the bottom up */
	{
		int y = rows - 1;

		for (int k = 0; k < npick && y >= 0; k++) {
			struct ui_cap *uc = &u->caps[pick[k].cap];
			const char *line = capture_line(uc->c, pick[k].n);
			char prefix[320];

			snprintf(prefix, sizeof prefix, "[%s] ", uc->label);
			for (int sub = text_rows(line) - 1; sub >= 0 && y >= 0;
			     sub--, y--) {
				char buf[1200];

				text_row(buf, sizeof buf, sub ? NULL : prefix, line, sub);
				ui_paint(TH_NORMAL);
				ui_put(r->y + 1 + y, r->x, r->w, buf, true);
			}
		}
		for (; y >= 0; y--) {
			ui_paint(TH_NORMAL);
			ui_put(r->y + 1 + y, r->x, r->w, "", true);
		}
	}
	free(pick);
}

void cap_draw(struct ui *u)
{
	const struct rect *m = &u->lay.main;
	int h, y = m->y;

	u->last_draw_ms = ui_now_ms();
	u->cap_pending = false;
	if (!u->ncaps)
		return;
	if (u->merged) {
		draw_merged(u, m);
		return;
	}
	h = m->h / u->ncaps;
	for (int i = 0; i < u->ncaps; i++) {
		struct rect r = { m->x, y, m->w,
		                  i == u->ncaps - 1 ? m->y + m->h - y : h };
		if (r.h >= 3)
			draw_one(u, i, &r);
		y += r.h;
	}
}

static void detail(struct ui *u, struct ui_cap *uc)
{
	struct capture_pkt p;
	struct sbuf b = SBUF_INIT;
	const char *line;

	if (!capture_get(uc->c, uc->sel, &p))
		return;
	line = capture_line(uc->c, uc->sel);
	sbuf_printf(&b, "Packet %llu on %s\n%s\n\n", uc->sel + 1, uc->label,
	            line ? line : "");
	decode_detail(&b, capture_linktype(uc->c), p.data, p.caplen, p.len);
	sbuf_add(&b, "\n");
	decode_hex(&b, p.data, p.caplen);
	free(u->details);
	u->details = b.s ? b.s : xstrdup("");
	u->details_top = 0;
	u->modal = M_DETAILS;
}

/* A line typed for the focused capture: its filter or a file to save. */
void cap_line_done(struct ui *u, const char *text)
{
	struct ui_cap *uc = &u->caps[u->cap_cur];
	char err[512];

	if (!u->ncaps)
		return;
	if (u->modal == M_CAPFILTER) {
		if (capture_set_filter(uc->c, text, err, sizeof err) < 0)
			ui_log(u, L_ERROR, "%s: %s", uc->label, err);
		else
			ui_log(u, L_OK, "%s: filter %s", uc->label,
			       *text ? text : "(none)");
	} else if (u->modal == M_CAPSAVE) {
		if (capture_save(uc->c, text, err, sizeof err) < 0)
			ui_log(u, L_ERROR, "%s", err);
		else
			ui_log(u, L_OK, "saved %s to %s",
			       uc->label, text);
	}
}

static void start_line(struct ui *u, enum modal m, const char *text)
{
	u->modal = m;
	snprintf(u->line, sizeof u->line, "%.500s", text);
	u->line_len = (int)strlen(u->line);
}

/* X: no dump, -x, -X, -XX, -A, and round again */
static void next_dump(struct capture_print *pr)
{
	if (pr->dump == DECODE_DUMP_NONE) {
		pr->dump = DECODE_DUMP_HEX;
		pr->dump_link = false;
	} else if (pr->dump == DECODE_DUMP_HEX) {
		pr->dump = DECODE_DUMP_HEX_ASCII;
		pr->dump_link = false;
	} else if (pr->dump == DECODE_DUMP_HEX_ASCII && !pr->dump_link) {
		pr->dump_link = true;
	} else if (pr->dump == DECODE_DUMP_HEX_ASCII) {
		pr->dump = DECODE_DUMP_ASCII;
		pr->dump_link = false;
	} else {
		pr->dump = DECODE_DUMP_NONE;
		pr->dump_link = false;
	}
}

/* Keys of the capture view; false when the key is not one of them. */
bool cap_key(struct ui *u, int ch)
{
	struct ui_cap *uc;
	unsigned long long first, end;

	if (!u->ncaps)
		return false;
	uc = &u->caps[u->cap_cur];
	first = capture_first(uc->c);
	end = view_end(uc);
	switch (ch) {
	case '\t':
		u->cap_cur = (u->cap_cur + 1) % u->ncaps;
		break;
	case KEY_UP: case 'k':
		if (uc->follow)
			uc->sel = end ? end - 1 : 0;
		uc->follow = false;
		if (uc->sel > first)
			uc->sel--;
		break;
	case KEY_DOWN: case 'j':
		if (!uc->follow && uc->sel + 1 < end)
			uc->sel++;
		break;
	case KEY_PPAGE:
		uc->follow = false;
		uc->sel = uc->sel > first + 10 ? uc->sel - 10 : first;
		break;
	case KEY_NPAGE:
		uc->sel = uc->sel + 10 < end ? uc->sel + 10 : (end ? end - 1 : 0);
		break;
	case KEY_HOME:
		uc->follow = false;
		uc->sel = first;
		break;
	case KEY_END: case 'F':
		uc->follow = true;
		break;
	case ' ':
		uc->paused = !uc->paused;
		uc->frozen = capture_next(uc->c);
		break;
	case '\n': case '\r': case KEY_ENTER:
		if (end > first) {
			if (uc->follow)
				uc->sel = end - 1;
			detail(u, uc);
		}
		break;
	case 'f':
		start_line(u, M_CAPFILTER, capture_filter(uc->c));
		break;
	case 'w': {
		char path[600];
		const char *ifn = capture_ifname(uc->c);
		snprintf(path, sizeof path, "nsviz-%.60s-%lld.pcap",
		         ifn ? ifn : "capture", (long long)time(NULL));
		start_line(u, M_CAPSAVE, path);
		break;
	}
	case 'C':
		capture_clear(uc->c);
		uc->sel = uc->top = capture_first(uc->c);
		ui_log(u, L_INFO, "%s: cleared", uc->label);
		break;
	case 'M':
		u->merged = !u->merged;
		break;
	/* tcpdump's output flags: l -e, V -v (cycling to -vvv and back),
	 * X the dumps (-x, -X, -XX, -A, none), T the timestamp forms (-t
	 * ... -ttttt); for the focused panel, for every one in the merged
	 * view (its lines are alike then) */
	case 'l': case 'V': case 'X': case 'T': {
		struct capture_print pr = *capture_get_print(uc->c);

		switch (ch) {
		case 'l':
			pr.dec.link = !pr.dec.link;
			break;
		case 'V':
			pr.dec.verbose = (pr.dec.verbose + 1) % 4;
			break;
		case 'X':
			next_dump(&pr);
			break;
		default:
			pr.ts = (pr.ts + 1) % 6;
			break;
		}
		for (int i = 0; i < u->ncaps; i++)
			if (u->merged || i == u->cap_cur)
				capture_set_print(u->caps[i].c, &pr);
		break;
	}
	case 'x': case KEY_DC:
		ui_log(u, L_INFO, "capture on %s closed", uc->label);
		cap_close(u, u->cap_cur);
		break;
	case 'c': case 27:
		ui_show(u, S_PANELS);
		break;
	default:
		return false;
	}
	u->dirty = true;
	return true;
}

static void cap_k(struct ui *u, int ch)
{
	cap_key(u, ch);
}

static bool have_caps(const struct ui *u)
{
	return u->ncaps > 0;
}

static int cap_fds(struct ui *u, struct pollfd *pfd, int max)
{
	return cap_pollfds(u, pfd, max);
}

static const struct ui_key cap_keys[] = {
	{ { '\t' }, NULL, "Next", "the next capture", cap_k },
	{ { ' ' }, NULL, "Pause", "pause, go on", cap_k },
	{ { 'f' }, NULL, "Filter", "its filter (BPF)", cap_k },
	{ { '\n', '\r', KEY_ENTER }, NULL, "Detail", "the packet's layers",
	  cap_k },
	{ { KEY_END, 'F' }, NULL, "Follow", "follow the newest", cap_k },
	{ { 'w' }, NULL, "Save", "save it to a pcap file", cap_k },
	{ { 'l' }, NULL, "-e", "link-level headers (-e)", cap_k },
	{ { 'V' }, NULL, "-v", "-v, -vv, -vvv and back", cap_k },
	{ { 'X' }, NULL, "Hex", "-x, -X, -XX, -A and none", cap_k },
	{ { 'T' }, NULL, "Time", "timestamps -t ... -ttttt", cap_k },
	{ { 'C' }, NULL, "Clear", "forget its packets", cap_k },
	{ { 'M' }, NULL, "Merge", "every capture by time", cap_k },
	{ { 'x', KEY_DC }, NULL, "Close", "close this capture", cap_k },
	{ { 'c', 27 }, NULL, "Back", "back to the panels", cap_k },
	{ { 0 }, "q", "Quit", NULL, NULL },     /* the bar says it */
	{ { KEY_UP, 'k', KEY_DOWN, 'j' }, "Up/Down, k/j", NULL,
	  "select a packet", cap_k },
	{ { KEY_PPAGE, KEY_NPAGE, KEY_HOME }, "PgUp/PgDn, Home", NULL,
	  "a page, the first", cap_k },
};

const struct ui_view ui_view_caps = {
	.title = "The captures",
	.nfds = UI_MAX_CAPS,
	.fds = cap_fds,
	.service = cap_service,
	.wait_ms = cap_timeout,
	.draw = cap_draw,
	.keys = UI_KEYS(cap_keys),
	.active = have_caps,
	.free = cap_close_all,
};
