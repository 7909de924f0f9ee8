/* SPDX-License-Identifier: GPL-2.0-or-later */
/* ui_int.h - state shared by the UI's files (ui.c: the loop, keys and
 * actions; draw.c: drawing).  Only ui/ includes curses. */
#ifndef NSVIZ_UI_INT_H
#define NSVIZ_UI_INT_H

#define NCURSES_WIDECHAR 1
#include <curses.h>
#include <stdbool.h>
#include <sys/types.h>
#include <poll.h>

#include "cmd/exec.h"
#include "ui/form.h"
#include "ui/history.h"
#include "ui/layout.h"
#include "ui/rates.h"
#include "ui/topo.h"
#include "ui/ui.h"
#include "ui/view.h"

enum panel { P_NS, P_IF, P_ROUTES, P_LOG, P_COUNT };

enum modal {
	M_NONE, M_FORM, M_CONFIRM, M_HELP, M_DETAILS, M_CMDLINE, M_FILTER,
	M_CAPFILTER,        /* a capture's BPF filter being edited */
	M_CAPSAVE,          /* the file to save a capture's ring to */
	M_LESSONS,          /* the lesson picker */
	M_TOPOSAVE,         /* w: the file to save the world to */
	M_TOPOOPEN,         /* o: the topology file to open */
	M_TOPOAPPLY         /* o: what applying it runs, to confirm */
};

#define UI_MAX_CAPS 8

/* A live capture panel. */
struct ui_cap {
	struct capture *c;
	int ns_id;              /* where it was opened (the map marks it) */
	char label[300];        /* "veth1 in vnet" */
	bool paused;            /* the view is frozen at `frozen` */
	bool follow;            /* the view sticks to the newest packet */
	unsigned long long frozen;   /* capture_next() when paused */
	unsigned long long sel;      /* selected packet (when not following) */
	unsigned long long top;      /* first packet shown */
	bool ended_noted;
};

enum log_class { L_CMD, L_OK, L_ERROR, L_OUTPUT, L_INFO };

struct log_line {
	char *text;
	enum log_class cls;
};

#define LOG_MAX 2000
#define HIST_MAX HISTORY_MAX

#define UI_PROCS_MS 2000

struct ui {
	struct world *w;
	struct ksync *k;
	struct exec_ctx x;
	/* what the last command run by ui_run_line said when it failed, ""
	 * when it did not (the `i` form reads it: impairui.c) */
	char last_error[512];
	struct ui_opts o;
	bool readonly;
	char ro_reason[256];
	bool utf8;
	bool mouse;
	bool confirm_delete;    /* config: ask before deleting (default) */
	/* topology files (topofile.c): the last saved or opened, and the
	 * commands applying the open one runs */
	char topo_file[512];
	char **topo_cmds;
	size_t topo_ncmds;

	int cols, rows;
	struct layout lay;
	bool dirty;
	unsigned long drawn_gen;

	enum panel focus;
	int sel_ns_id;          /* the selected namespace, by stable id */
	int ns_top;
	int if_sel, if_top;
	int rt_sel, rt_top;
	int log_scroll;         /* lines scrolled back from the newest */
	int log_lines;          /* the log's height (+, -), 0 = default */
	char filter[64];

	enum ui_screen screen;  /* what the main area shows (view.h) */
	bool neigh;             /* the routes panel shows neighbours instead */
	int topo_x, topo_y;     /* pan offset into the canvas; x < 0: to
	                           the selected box at the next draw */
	bool topo_overview;     /* z: the map shrunk to fit the screen */
	struct ui_routers *routers;     /* routers.c: the map's routers */

	struct log_line log[LOG_MAX];
	int nlog;

	enum modal modal;
	struct form form;
	char confirm_text[1024];
	char confirm_cmd[512];
	int help_top;           /* the help's first line shown */
	char *details;          /* text of the details popup */
	/* the interface whose details are open (its counters are drawn
	 * live under that text, counters.c), ifindex 0: none */
	int det_ns_id, det_ifindex;
	struct sbuf *det_qdisc; /* its qdiscs as tc -s qdisc show prints
	                         * them, read with its counters */
	int details_top;
	char line[512];         /* the `:` line or the filter being typed */
	int line_len;
	int line_back;          /* the cursor: bytes before the line's end */
	char *hist[HIST_MAX];
	int nhist, hist_pos;
	char hist_file[4096];   /* where it is kept, "" nowhere */
	char completions[512];

	/* a ping running in a child process, its lines through a pipe */
	pid_t ping_pid;
	int ping_fd;
	char ping_why[W_NSNAME_MAX + 96];   /* "why ADDR" for the running
	                                     * ping, offered when it fails */
	char ping_buf[1024];
	size_t ping_len;

	/* per-namespace process counts, refreshed with the world and, as
	 * processes come and go without a kernel event, every
	 * UI_PROCS_MS (one /proc walk, as htop does) */
	int *nprocs;            /* indexed like w->ns at the time of count */
	size_t nnprocs;
	unsigned long procs_gen;   /* w->ns_epoch at the count */
	struct hmap procs_ix;      /* ns id -> index in nprocs + 1 */
	/* namespaces not read yet: the first screen shows the host, the
	 * others are read between frames (issue 12) */
	size_t reading_left;
	long long procs_ms;     /* when they were counted */
	int procs_others;       /* processes in no namespace of the world */
	dev_t *busy_dev;        /* the unnamed namespaces that had processes */
	ino_t *busy_ino;        /* at the last count */
	size_t nbusy;
	bool want_rescan;       /* the count saw a namespace come or go */

	/* the path of the last why, for the map (whypath.c): the
	 * interfaces in order, the one where it stops (-1: none); why_gen
	 * moves with each why */
#define UI_WHY_MARKS (4 * 32)
	struct topo_mark why_path[UI_WHY_MARKS];
	size_t nwhy;
	int why_stop;
	unsigned why_gen;
	/* and each hop's decision, as why prints it, stepped through on the
	 * map with > < (why_step: the hop shown, -1: none) */
#define UI_WHY_HOPS 64
	struct ui_why_hop {
		int ns_id;
		char in[W_IFNAMSIZ], out[W_IFNAMSIZ];
		bool reply;             /* on the way back */
		bool stop;              /* where it stops */
		int n, of;              /* hop n of the leg's of */
		char text[1024];
	} why_hops[UI_WHY_HOPS];
	int nwhy_hops, why_step;
	int why_back_ns, why_back_if;   /* the selection before stepping */
	char why_verdict[1024];

	/* captures: the view replaces the panels like the topology does */
	struct ui_cap caps[UI_MAX_CAPS];
	int ncaps;
	int cap_cur;            /* the focused capture panel */
	bool merged;            /* one view, every capture's lines by time */
	bool cap_pending;       /* packets arrived since the last draw */
	long long last_draw_ms;
	/* frames drawn for changes of the world: at most UI_WORLD_BURST
	 * in UI_WORLD_BURST x UI_WORLD_FRAME_MS (25 a second on average) */
#define UI_WORLD_FRAME_MS 40
#define UI_WORLD_BURST 4
	long long world_frames[UI_WORLD_BURST];
	int world_frame_at;
	long long last_check_ms;

	/* echo servers: the servers view lists them with their logs */
	int echo_sel;

	/* F: the nftables rules of a namespace (rulesview.c) */
	struct ui_rules *rules;

	/* the lesson being taught (lessonview.c), and the picker */
	struct lesson_ui *lesson;
	int pick_sel, pick_n, pick_numbers_first;
	int *pick_numbers;

	/* counters.c: the rates of the interfaces on screen */
	struct rates_set rates;
	long long rates_ms;     /* when their counters were last read */

	int quit;               /* exit status + 1 when quitting */
};

/* lessonview.c */
struct lesson_ui;
bool lesson_ui_active(const struct ui *u);
int lesson_ui_start(struct ui *u, int number, int step);
void lesson_ui_stop(struct ui *u);
void lesson_ui_note(struct ui *u, const char *line);
void lesson_ui_check(struct ui *u, long long now);
int lesson_ui_timeout(struct ui *u, long long now);
void lesson_ui_draw(struct ui *u, const struct rect *r);
bool lesson_ui_key(struct ui *u, int ch);
void lesson_ui_pick_draw(struct ui *u);
void lesson_ui_pick_key(struct ui *u, int ch);
/* lessonreset.c: in the sandbox, the sysctls as the UI found them (at
 * start), and a fresh world before a lesson picked in the session. */
void lesson_ui_snapshot(struct ui *u);
void lesson_ui_fresh_world(struct ui *u);

/* echoview.c */
void echo_ui_init(struct ui *u);
int echo_ui_fds(struct ui *u, struct pollfd *pfd, int max);
void echo_ui_dispatch(struct ui *u);
int echo_ui_count_in(struct ui *u, const struct w_ns *ns);
void echo_ui_draw(struct ui *u);
bool echo_ui_key(struct ui *u, int ch);
bool echo_ui_guess(struct ui *u, const struct w_ns *from, char *addr,
                   size_t alen, unsigned *port, bool *udp);

/* rulesview.c: F, the ruleset of the selected namespace, read every
 * second while shown */
struct ui_rules;
void rules_ui_open(struct ui *u);
void rules_ui_poll(struct ui *u, long long now);
int rules_ui_timeout(const struct ui *u, long long now);   /* -1: none */
void rules_ui_draw(struct ui *u);
bool rules_ui_key(struct ui *u, int ch);
void rules_ui_free(struct ui *u);

/* capview.c */
void cap_open(struct ui *u);
void cap_close_all(struct ui *u);
int cap_pollfds(struct ui *u, struct pollfd *pfd, int max);
void cap_service(struct ui *u, const struct pollfd *pfd, int n);
int cap_timeout(struct ui *u, long long now_ms);
void cap_draw(struct ui *u);
bool cap_key(struct ui *u, int ch);
void cap_line_done(struct ui *u, const char *text);
long long ui_now_ms(void);

/* The namespaces in display order (host, named by name, unnamed),
 * filtered; returns the count.  Caller frees *out. */
size_t ui_ns_list(struct ui *u, struct w_ns ***out);
struct w_ns *ui_sel_ns(struct ui *u);
struct w_link *ui_sel_link(struct ui *u);
/* The interfaces of ns shown in the panel (filtered), in order. */
size_t ui_if_list(struct ui *u, const struct w_ns *ns, struct w_link ***out);
/* The routes of ns shown in the panel, in `ip route` then `ip -6
 * route` order. */
size_t ui_route_list(const struct w_ns *ns, const struct w_route ***out);
int ui_ns_procs(struct ui *u, const struct w_ns *ns);

/* counters.c: the counters of the interfaces on screen (the panel's
 * visible rows, or the open details' interface) read again at most every
 * COUNTERS_EVERY_MS, never while none is shown; their rates */
#define COUNTERS_EVERY_MS 1000
struct sbuf;
void counters_poll(struct ui *u, long long now);
int counters_timeout(struct ui *u, long long now);   /* -1: none */
const struct rate_ring *counters_ring(const struct ui *u,
                                      const struct w_ns *ns,
                                      const struct w_link *l);
/* the panel's RX or TX cell: packets/s, "-" before the second reading */
void counters_cell(const struct ui *u, const struct w_ns *ns,
                   const struct w_link *l, bool tx, char *buf, size_t len);
/* the details' counters block, appended to b */
void counters_details(struct ui *u, struct sbuf *b);
/* the namespaces panel's PKT/S column: shown from this width on; its
 * cell, packets/s received and sent by ns's interfaces together */
#define COUNTERS_NS_MIN_W 44
bool counters_ns_column(const struct ui *u);
void counters_ns_cell(const struct ui *u, const struct w_ns *ns, char *buf,
                      size_t len);

/* routers.c: the namespaces whose forwarding is on, read while the map
 * is shown (opened, a namespace changed, a command run, every 2 s) */
struct ui_routers;
void routers_poll(struct ui *u, long long now);
void routers_stale(struct ui *u);       /* read them all at the next poll */
int routers_timeout(const struct ui *u, long long now);   /* -1: none */
/* their ns ids (in the world's order); *ver moves when they change */
const int *routers_ids(const struct ui *u, size_t *n, unsigned long *ver);
void routers_free(struct ui *u);

/* topofile.c: w and o */
void topo_ui_save_start(struct ui *u);
void topo_ui_open_start(struct ui *u);
void topo_ui_line_done(struct ui *u, const char *text);
void topo_ui_apply_key(struct ui *u, int ch);
void topo_ui_apply_free(struct ui *u);

void ui_draw(struct ui *u);
/* the screens' drawings (draw.c) */
void ui_draw_panels(struct ui *u);
void ui_draw_map(struct ui *u);
/* lists.c, panels.c: the panels' rows and moving in them */
int ui_list_len(struct ui *u, enum panel p);
void ui_move_sel(struct ui *u, int delta);
/* procs.c: look in /proc for unnamed namespaces come or gone */
void ui_rescan(struct ui *u);
/* pingjob.c: ping as the command c says, in the background */
struct cmd;
void ui_ping_start(struct ui *u, const struct cmd *c);
/* lineedit.c: a key for the line being edited; the editing keys of a
 * form field (FKEY_..., a printable character, 0: none) */
void ui_line_key(struct ui *u, int ch);
int ui_form_key_of(int ch);
/* ui.c: one line into the log, as it is (an empty one too) */
void ui_log_add(struct ui *u, enum log_class cls, const char *text);
/* ui.c: a key showed what a command prints: the log and the lesson's
 * `you ran` checks see that command, in namespace ns (NULL: none) */
void ui_looked(struct ui *u, const struct w_ns *ns, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* The namespace whose box in the map is under screen cell (x, y) as last
 * drawn, or -1. */
int ui_topo_hit(struct ui *u, int x, int y);
/* Drawing helpers (draw.c): the attribute of a theme element; at most w
 * columns of UTF-8 text at (y, x), blank-padded to w when pad. */
enum theme_elem;
void ui_paint(enum theme_elem e);
int ui_put(int y, int x, int w, const char *s, bool pad);
/* Run a command of the grammar from the UI, logged (ui.c): 0, or
 * non-zero when it failed (its error logged). */
int ui_run_line(struct ui *u, const char *line);
/* impairui.c: the `i` form submitted (netem, or what stands in for it) */
struct form;
void impair_ui_submit(struct ui *u, const struct form *f);
/* term.c: the bytes endwin() would send to leave the UI's modes */
size_t ui_term_leave_seq(char *buf, size_t cap, bool mouse);
void ui_log(struct ui *u, enum log_class cls, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* whypath.c: why's result, kept as the path the map marks (set as
 * the exec context's why_done) */
struct why_result;
void ui_why_done(void *ctx, const struct why_result *r);

#endif
