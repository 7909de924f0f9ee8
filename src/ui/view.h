/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view.h - the parts of the full-screen UI, each one struct.
 *
 * A part is what tmux calls a window mode and htop a panel class: a
 * struct of function pointers the loop calls without knowing what is
 * behind them.  The screens (the panels, the map, the captures, the echo
 * servers, the nft rules) draw the main area, one at a time; the others
 * (the lesson beside the panels, a running ping, the counters, the
 * process counts, the routers of the map) have descriptors to watch, work
 * that falls due or keys, and draw nothing of their own.  Every member
 * may be NULL.
 *
 * A part's keys are a table: each entry is the codes that do it, what
 * it does for the help screen, a label for the key bar, and the
 * function.  The help screen and the key bar are made from the tables
 * (views.c), so they cannot say something the keys do not do. */
#ifndef NSVIZ_UI_VIEW_H
#define NSVIZ_UI_VIEW_H

#include <poll.h>
#include <stdbool.h>
#include <stddef.h>

struct ui;
struct sbuf;

#define UI_KEY_CODES 5

struct ui_key {
	int code[UI_KEY_CODES];   /* the keys that do it, 0 after the last */
	const char *name;       /* as the help names them; NULL: made from
	                         * the codes ("x (F8), Delete") */
	const char *bar;        /* its label on the key bar, NULL: not there */
	const char *help;       /* for the help screen; NULL: not listed */
	void (*fn)(struct ui *u, int ch);
};

/* the screens, u->screen */
enum ui_screen { S_PANELS, S_MAP, S_CAPS, S_SERVERS, S_RULES, S_COUNT };

struct ui_view {
	const char *title;      /* the help screen's heading for its keys */
	/* the most descriptors fds may fill */
	int nfds;
	/* its descriptors to poll now; the count filled */
	int (*fds)(struct ui *u, struct pollfd *pfd, int max);
	/* after poll: the same entries, with their revents */
	void (*service)(struct ui *u, const struct pollfd *pfd, int n);
	/* before a frame: work that fell due (a lesson's goal, counters) */
	void (*tick)(struct ui *u, long long now);
	/* ms until tick has work again, -1: not before an event */
	int (*wait_ms)(struct ui *u, long long now);
	/* a screen: the main area */
	void (*draw)(struct ui *u);
	/* a key that is not in the table: true when taken */
	bool (*key)(struct ui *u, int ch);
	/* the table; when active returns false, neither it nor key is
	 * asked, and its keys are not in the help */
	const struct ui_key *keys;
	size_t nkeys;
	const char *note;       /* help for what is not a key (the mouse) */
	bool (*active)(const struct ui *u);
	void (*free)(struct ui *u);
};

#define UI_KEYS(t) (t), (sizeof (t) / sizeof *(t))

/* the screens, indexed by enum ui_screen (views.c) */
extern const struct ui_view *const ui_screens[S_COUNT];
/* every part the loop iterates over, screens and the rest, in the order
 * their ticks run and keys are asked (the shown screen's first) */
extern const struct ui_view *const ui_parts[];
extern const size_t ui_nparts;

extern const struct ui_view ui_view_panels, ui_view_map, ui_view_caps,
	ui_view_servers, ui_view_rules, ui_view_lesson, ui_view_ping,
	ui_view_procs, ui_view_routers, ui_view_counters, ui_view_global;

/* Show screen s (S_PANELS: back to the panels). */
void ui_show(struct ui *u, enum ui_screen s);

/* The key ch through the parts: the shown screen, the others, the keys
 * that work everywhere.  True when one took it. */
bool ui_views_key(struct ui *u, int ch);
/* Run ch through one table: true when an entry has it. */
bool ui_keys_run(struct ui *u, const struct ui_key *t, size_t n, int ch);
/* The help screen's text for the screen shown now, and the key bar's
 * entries: up to max of {key name, label}; the count. */
void ui_help_text(const struct ui *u, struct sbuf *out, int cols);
struct ui_bar_item {
	char key[16];           /* "F5", "Tab" */
	const char *label;      /* "Netns" */
};
size_t ui_key_bar(const struct ui *u, struct ui_bar_item *out, size_t max);
/* A key code as the help names it: "Enter", "F5", "Ctrl-L", "x". */
const char *ui_key_name(int code, char *buf, size_t len);

/* The poll set, grown when the parts need more, never made anew each
 * turn: fills pfd from index *n on with every part's descriptors;
 * parts_service hands each part its entries back. */
#define UI_MAX_PARTS 16
struct ui_pollset {
	struct pollfd *pfd;
	size_t cap;
	int first[UI_MAX_PARTS], count[UI_MAX_PARTS];   /* by ui_parts index */
};
/* room for n descriptors besides the parts' own (the terminal, the
 * signals' pipe, the world's sockets) */
void ui_pollset_reserve(struct ui_pollset *ps, size_t n);
void ui_pollset_free(struct ui_pollset *ps);
void ui_parts_fds(struct ui *u, struct ui_pollset *ps, int *n);
void ui_parts_service(struct ui *u, struct ui_pollset *ps);
void ui_parts_tick(struct ui *u, long long now);
int ui_parts_timeout(struct ui *u, long long now);
void ui_parts_free(struct ui *u);

#endif
