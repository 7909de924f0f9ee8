/* SPDX-License-Identifier: GPL-2.0-or-later */
/* main.c - nsviz: see, build and understand network namespaces.
 *
 * Doors: -c and -b run commands of the grammar without a terminal, a
 * command may also be given as words (`nsviz netns list`), `show` and
 * `monitor` print the world, and with no command nsviz opens an
 * interactive prompt.  --sandbox comes before everything else. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/auxv.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include "capture/capture.h"
#include "cmd/cmd.h"
#include "cmd/exec.h"
#include "cmd/exec_echo.h"
#include "cmd/verbs.h"
#include "kernel/kernel.h"
#include "lesson/lesson.h"
#include "batch.h"
#include "monitor.h"
#include "sandbox.h"
#include "show/show.h"
#include "topo/cli.h"
#include "ui/ui.h"
#include "util/sbuf.h"

static volatile int interrupted;

static void on_sigint(int sig)
{
	(void)sig;
	interrupted = 1;
}

/* The commands of the grammar, from the verb table: one usage a line. */
static void commands_usage(FILE *f)
{
	fputs("\nCommands (the iproute2 syntax; a leading `ip` is optional; "
	      "-n NS = in NS):\n", f);
	for (size_t i = 0; i < cmd_nentries; i++) {
		const struct cmd_entry *e = &cmd_entries[i];
		const char *u = e->usage;

		if (e->verb == CMD_NONE || !u || cmd_verb_entry(e->verb) != e)
			continue;
		while (*u) {
			size_t n = strcspn(u, "\n");

			fprintf(f, "  %.*s\n", (int)n, u);
			u += n;
			if (*u)
				u++;
		}
	}
}

static void usage(FILE *f)
{
	fputs(
"Usage: nsviz [OPTIONS]                  the full-screen UI (a prompt when\n"
"                                        stdin/stdout are not a terminal, or\n"
"                                        TERM cannot draw it, e.g. dumb)\n"
"       nsviz [OPTIONS] -c 'CMD; CMD...'  run commands\n"
"       nsviz [OPTIONS] -b FILE           run a batch file (- for stdin)\n"
"       nsviz [OPTIONS] CMD...            run one command\n"
"       nsviz [OPTIONS] show [--json|--dot]  every namespace: links, addresses,\n"
"                                        routes (--dot: for Graphviz)\n"
"       nsviz [OPTIONS] monitor           kernel events from every namespace\n"
"       nsviz [OPTIONS] save [-n NS]... [--sh] [FILE]\n"
"                                        the world as a file of commands that\n"
"                                        rebuild it (--sh: a shell script)\n"
"       nsviz [OPTIONS] apply FILE [--dry-run] [--prune]\n"
"                                        make the world match FILE: only what\n"
"                                        differs is changed\n"
"       nsviz [OPTIONS] diff FILE         the commands apply FILE would run\n"
"       nsviz [OPTIONS] [-n NS] capture [FLAGS] -i IF|-r FILE [EXPR]\n"
"                                        packets, as tcpdump -n prints them;\n"
"                                        FLAGS are tcpdump's: -n -nn -c N\n"
"                                        -w FILE -s SNAPLEN -B KIB -e -v -vv\n"
"                                        -vvv -q -x -xx -X -XX -A -AA -t -tt\n"
"                                        -ttt -tttt -ttttt -Q in|out|inout -p\n"
"                                        -l -D -U -S -# --immediate-mode --micro\n"
"                                        --nano --time-stamp-precision=nano;\n"
"                                        and nsviz's --ring N, --ring-only\n"
"       nsviz [OPTIONS] [-n NS] echo tcp|udp [--port P] [--bind ADDR] [--idle S]\n"
"                       [--max-conns N] [--max-msg BYTES]\n"
"                                        an echo server, here, until ^C\n"
"       nsviz lesson [N] [--host [--yes]] [--restart]\n"
"       nsviz lesson --list | --verify [N] [-v]\n"
"                                        guided lessons (in the sandbox;\n"
"                                        --host: asks first, --yes: no)\n"
"\n"
"Options:\n"
"  -S, --sandbox   run in new network, mount and pid namespaces (and a user\n"
"                  namespace when not root; no sudo needed): the host's\n"
"                  network, mounts and processes are out of reach and all of\n"
"                  it vanishes on exit; files are yours, as with any program\n"
"  -c CMDS         run commands separated by ';' or newlines\n"
"  -b FILE         run commands from FILE, like ip -batch\n"
"  -force          with -c/-b: go on after an error (exit status still 1)\n"
"  -v, --verbose   print each change as its canonical ip command\n"
"  -n NS, -4, -6, -0  before a command: in namespace NS; IPv4, IPv6 or\n"
"                  link layer only\n"
"  -all            before netns exec or netns del: every named namespace\n"
"  -0, -br, -s, -d, -o, -j, -p\n"
"                  before a show command, as ip: links only, brief, counters\n"
"                  (-s -s: errors too), details, one line each, JSON, pretty\n"
"  --ascii         UI: ASCII line drawing instead of UTF-8\n"
"  --theme NAME    UI: colour theme (dark, light, mono, high-contrast,\n"
"                  or a file of yours; see nsviz-theme(5))\n"
"  -h, --help      this help\n"
"  -V, --version   version\n"
"\n"
"\n"
"Output options before the command, as ip takes them: -br, -s (twice: more),\n"
"  -d, -o, -j, -p\n", f);
	commands_usage(f);
	fputs(
"\n"
"Environment:\n"
"  NSVIZ_LESSONS_DIR, NSVIZ_THEMES_DIR   more lessons, themes (run from its\n"
"                  build tree, nsviz uses its source tree's when unset)\n"
"  XDG_CONFIG_HOME config, your themes   XDG_DATA_HOME     your lessons\n"
"  XDG_STATE_HOME  lesson progress       NO_COLOR          a UI without colour\n"
"\n"
"Exit status: 0 success, 1 a command failed, 2 usage error;\n"
"ping: 1 when no reply came; why: 1 when the packet or its answer does not\n"
"get there (with --probe: when the probe's answer did not come back).\n"
"See nsviz(1).\n", f);
}

/* A terminal the full-screen UI cannot draw on (TERM=dumb, unset, no
 * terminfo entry): say why and what to do; the line prompt follows. */
static bool can_draw(void)
{
	char why[512];

	if (ui_terminal_usable(why, sizeof why))
		return true;
	fprintf(stderr, "nsviz: %s.\n", why);
	return false;
}

/* `nsviz netns exec NS PROG` ends as `ip netns exec` does, which becomes
 * PROG: killed by PROG's signal, so the shell sees (and says) the same.
 * Without a core of nsviz's own: PROG's, if any, is the one to keep. */
static void die_like(int sig)
{
	struct rlimit no_core = { 0, 0 };
	sigset_t s;

	fflush(NULL);
	setrlimit(RLIMIT_CORE, &no_core);
	signal(sig, SIG_DFL);
	sigemptyset(&s);
	sigaddset(&s, sig);
	sigprocmask(SIG_UNBLOCK, &s, NULL);
	raise(sig);
}

static int run_words(struct app *a, int argc, char **argv)
{
	struct cmd c;
	enum cmd_verb verb;
	char err[512];
	int rc;

	if (cmd_parse_verb(argc, argv, &c, err, sizeof err, &verb) < 0) {
		fprintf(stderr, "nsviz: %s\n", err);
		/* why's bad input exits 2: its 1 means "does not get there" */
		return cmd_bad_input_status(verb);
	}
	rc = exec_cmd(&a->x, &c);
	cmd_free(&c);
	return app_finish(a, rc, "nsviz: ");
}

/* show's text goes out as it is made (show_sink): the first write error
 * is kept, and what comes after it is dropped */
struct show_out {
	FILE *f;
	int err;
};

static void show_write(struct sbuf *out, void *ctx)
{
	struct show_out *o = ctx;

	errno = 0;
	if (!o->err && fwrite(out->s, 1, out->len, o->f) != out->len)
		o->err = errno ? errno : EIO;
	sbuf_reset(out);
}

enum show_form { SHOW_TEXT, SHOW_JSON, SHOW_DOT };

static int run_show(struct app *a, enum show_form form)
{
	struct kerr e = { 0 };
	struct sbuf out = SBUF_INIT;
	struct show_out so = { stdout, 0 };
	const struct show_sink sink = { show_write, &so };
	char why[1024];
	int rc = 0;

	if (ksync_all_ready(a->k, &e) < 0) {
		fprintf(stderr, "nsviz: show: %s\n", kerr_str(&e));
		return 1;
	}
	ksync_drain(a->k);
	if (form == SHOW_JSON)
		show_world_json_to(&out, a->w, &sink);
	else if (form == SHOW_DOT)
		show_world_dot_to(&out, a->w, &sink);
	else
		show_world_text_to(&out, a->w, &sink);
	sbuf_free(&out);
	errno = 0;
	if (fflush(stdout) == EOF && !so.err)
		so.err = errno ? errno : EIO;
	if (so.err) {
		fprintf(stderr, "nsviz: show: cannot write the output: %s\n",
		        strerror(so.err));
		return 1;
	}
	/* a partial world is never shown as if it were whole */
	if (world_unread_count(a->w)) {
		fprintf(stderr, "nsviz: show: %s\n",
		        world_unread_summary(a->w, why, sizeof why));
		rc = 1;
	}
	/* said, but not an error: without privileges this is always so */
	if (a->w->unseen_procs)
		fprintf(stderr, "nsviz: show: the namespaces of %u process%s of "
		        "other users cannot be looked at (no privileges): "
		        "unnamed namespaces they hold are not shown\n",
		        a->w->unseen_procs, a->w->unseen_procs == 1 ? "" : "es");
	return rc;
}

static int run_prompt(struct app *a, bool sandbox)
{
	char *line = NULL;
	size_t cap = 0;
	bool tty = isatty(0);
	int status = 0;

	if (tty) {
		printf("nsviz %s%s: type commands of the ip grammar "
		       "(`help`, `show`, `quit`).\n", PACKAGE_VERSION,
		       sandbox ? " in the SANDBOX (own network, mounts and "
		                 "processes; your files are not sandboxed)"
		               : "");
	}
	for (;;) {
		ssize_t len;
		char *p;

		if (tty) {
			printf("nsviz%s> ", sandbox ? "[sandbox]" : "");
			fflush(stdout);
		}
		interrupted = 0;
		errno = 0;
		len = getline(&line, &cap, stdin);
		if (len < 0 && tty && interrupted && errno == EINTR) {
			/* ^C at a terminal drops the line, as a shell does */
			clearerr(stdin);
			putchar('\n');
			continue;
		}
		if (len < 0)
			break;
		p = line + strspn(line, " \t");
		/* the line end (LF or CR LF), as in a batch file: a CR inside
		 * the line is a blank for cmd_split, not its end */
		len = (ssize_t)strlen(p);
		while (len && (p[len - 1] == '\n' || p[len - 1] == '\r'))
			p[--len] = '\0';
		if (!strcmp(p, "quit") || !strcmp(p, "exit") || !strcmp(p, "q"))
			break;
		if (!strcmp(p, "help") || !strcmp(p, "?")) {
			usage(stdout);
			continue;
		}
		if (!strcmp(p, "show")) {
			status = run_show(a, SHOW_TEXT);
			continue;
		}
		if (!strcmp(p, "show --json")) {
			status = run_show(a, SHOW_JSON);
			continue;
		}
		if (!strcmp(p, "show --dot")) {
			status = run_show(a, SHOW_DOT);
			continue;
		}
		status = app_run_line(a, p, "");
	}
	if (tty)
		putchar('\n');
	free(line);
	return status;
}

/* ---- subcommands: `nsviz NAME ...` that are not commands of the grammar */

static int sub_show(struct app *a, int argc, char **argv)
{
	enum show_form form = SHOW_TEXT;
	int rc = 0;

	for (int j = 1; j < argc; j++) {
		enum show_form f;

		if (!strcmp(argv[j], "--json") || !strcmp(argv[j], "-j")) {
			f = SHOW_JSON;
		} else if (!strcmp(argv[j], "--dot")) {
			f = SHOW_DOT;
		} else {
			fprintf(stderr, "nsviz: show: %s: unknown option "
			        "(expected --json or --dot)\n", argv[j]);
			rc = 2;
			continue;
		}
		if (form != SHOW_TEXT && form != f) {
			fprintf(stderr, "nsviz: show: --json and --dot: one "
			        "of them\n");
			rc = 2;
		}
		form = f;
	}
	return rc ? rc : run_show(a, form);
}

/* live packets or a pcap file (src/capture/cli.c) */
static int sub_capture(struct app *a, int argc, char **argv)
{
	return capture_main(a->w, a->k, argc, argv);
}

static int sub_monitor(struct app *a, int argc, char **argv)
{
	if (argc > 1) {
		fprintf(stderr, "nsviz: monitor: %s: unexpected argument\n",
		        argv[1]);
		return 2;
	}
	return monitor_run(a->w, a->k);
}

struct subcommand {
	const char *name;
	unsigned sync;          /* ksync_new's flags: what it watches */
	int (*run)(struct app *a, int argc, char **argv);
};

/* `lesson` is dispatched before the sandbox (src/lesson/cli.c); `echo
 * tcp|udp` in the foreground before any netlink socket
 * (exec_echo_foreground); everything else is a command of the grammar
 * (src/cmd/verbs.c). */
static const struct subcommand subcommands[] = {
	/* a one-shot show needs no events */
	{ "show", KSYNC_NO_EVENTS, sub_show },
	{ "capture", 0, sub_capture },
	{ "monitor", KSYNC_WATCH, sub_monitor },
	/* a topology as a file (src/topo/cli.c) */
	{ "save", KSYNC_NO_EVENTS, topo_cli_save },
	{ "diff", KSYNC_NO_EVENTS, topo_cli_diff },
	{ "apply", KSYNC_LAZY_ROUTES, topo_cli_apply },
};

static const struct subcommand *find_subcommand(const char *w)
{
	for (size_t k = 0; k < sizeof subcommands / sizeof *subcommands; k++)
		if (!strcmp(w, subcommands[k].name))
			return &subcommands[k];
	return NULL;
}

int main(int argc, char **argv)
{
	bool sandbox = false, force = false, verbose = false, ascii = false;
	const char *theme = NULL;
	const char *cmds = NULL, *batch = NULL;
	struct app a;
	const struct subcommand *sub;
	struct kerr e = { 0 };
	struct sigaction sa;
	int i, rc, die_sig = 0;

	/* Set-user-ID, set-group-ID or file capabilities (the kernel says
	 * so with AT_SECURE): nsviz would run programs (netns exec, the
	 * shell key), write files (capture -w) and change the network with
	 * the file owner's privileges for whoever starts it.  It is not
	 * written to be a security boundary; refuse before anything. */
	if (getauxval(AT_SECURE)) {
		fputs("nsviz: refusing to run setuid/setgid or with file "
		      "capabilities: it would run programs, write files and "
		      "change the network with those privileges for any user; "
		      "use sudo or --sandbox\n", stderr);
		_exit(1);   /* nothing else runs, no exit handler either */
	}
	/* each namespace takes up to three descriptors: 1,000 namespaces
	 * do not fit the usual soft limit of 1024 */
	kernel_raise_nofile();

	for (i = 1; i < argc; i++) {
		const char *o = argv[i];

		if (!strcmp(o, "-S") || !strcmp(o, "--sandbox")) {
			sandbox = true;
		} else if (!strcmp(o, "-force") || !strcmp(o, "--force")) {
			force = true;
		} else if (!strcmp(o, "-v") || !strcmp(o, "--verbose")) {
			verbose = true;
		} else if (!strcmp(o, "--ascii")) {
			ascii = true;
		} else if (!strcmp(o, "--theme") || !strncmp(o, "--theme=", 8)) {
			if (o[7] == '=') {
				theme = o + 8;
			} else if (i + 1 < argc) {
				theme = argv[++i];
			} else {
				fprintf(stderr, "nsviz: --theme needs a name\n");
				return 2;
			}
		} else if (!strcmp(o, "-c") || !strcmp(o, "-b")) {
			if (i + 1 >= argc) {
				fprintf(stderr, "nsviz: %s needs an argument\n", o);
				return 2;
			}
			if (o[1] == 'c')
				cmds = argv[++i];
			else
				batch = argv[++i];
		} else if (!strcmp(o, "-h") || !strcmp(o, "--help")) {
			usage(stdout);
			return 0;
		} else if (!strcmp(o, "-V") || !strcmp(o, "--version")) {
			printf("nsviz %s\n", PACKAGE_VERSION);
			return 0;
		} else if (!strcmp(o, "--")) {
			i++;
			break;
		} else if (o[0] == '-' && !cmd_global_option(o)) {
			fprintf(stderr, "nsviz: %s: unknown option "
			        "(nsviz --help lists them)\n", o);
			return 2;
		} else {
			break;
		}
	}
	if (cmds && batch) {
		fprintf(stderr, "nsviz: -c and -b cannot be used together\n");
		return 2;
	}
	if ((cmds || batch) && i < argc) {
		fprintf(stderr, "nsviz: %s: unexpected argument after -%c\n",
		        argv[i], cmds ? 'c' : 'b');
		return 2;
	}

	/* ---- lessons (src/lesson/cli.c) ------------------------------
	 * `lesson --list` and `lesson --verify [N]` end here (--verify makes
	 * a fresh sandbox for each lesson).  `lesson [N]` goes on, into the
	 * sandbox unless --host, to the lesson itself (below). */
	int lesson_no = 0, lesson_at = 0;
	if (!cmds && !batch && i < argc && !strcmp(argv[i], "lesson")) {
		int lrc = lesson_main(NULL, NULL, argc - i, argv + i,
		                      &lesson_no, &lesson_at);

		if (lrc != LESSON_MAIN_UI)
			return lrc;
		if (!lesson_args_host(argc - i, argv + i))
			sandbox = true;
	}
	/* ---- end of lessons ------------------------------------------ */

	if (sandbox) {
		char err[512];
		if (sandbox_enter(err, sizeof err) < 0) {
			fprintf(stderr, "nsviz: --sandbox: %s\n", err);
			return 1;
		}
	}

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_sigint;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);

	/* `nsviz [-n NS] echo tcp|udp ...`: an echo server in the foreground
	 * (src/cmd/exec_echo.c).  Dispatched before ksync_new: a server that
	 * runs for hours must not hold netlink sockets in every namespace
	 * (they would keep deleted namespaces alive).  `echo list|stop|log`
	 * and `send` are commands of the grammar, below. */
	if (!cmds && !batch && i < argc) {
		int erc = exec_echo_foreground(argc - i, argv + i);

		if (erc >= 0)
			return erc;
	}

	memset(&a, 0, sizeof a);
	a.verbose = verbose;
	a.w = world_new();
	/* `nsviz -n A -n B save ...`, the ip way round: the same as `save -n
	 * A -n B ...` (the words are moved behind save) */
	if (!cmds && !batch && i < argc && !strcmp(argv[i], "-n")) {
		int j = i;

		while (j + 1 < argc && !strcmp(argv[j], "-n"))
			j += 2;
		if (j < argc && !strcmp(argv[j], "save")) {
			char *save = argv[j];

			memmove(argv + i + 1, argv + i, (size_t)(j - i) * sizeof *argv);
			argv[i] = save;
		}
		/* `nsviz -n NS capture ...`: after capture come tcpdump's
		 * flags, whose -n is another; the namespace goes to capture
		 * as --netns NS (argv[i] "-n" becomes "--netns") */
		if (j == i + 2 && j < argc && !strcmp(argv[j], "capture")) {
			static char netns_opt[] = "--netns";
			char *cap = argv[j];

			argv[j] = argv[i + 1];
			argv[i + 1] = netns_opt;
			argv[i] = cap;
		}
	}
	sub = !cmds && !batch && i < argc ? find_subcommand(argv[i]) : NULL;
	{
		/* long sessions (the UI, a lesson) watch /run/netns */
		bool is_long = !cmds && !batch && (i >= argc || lesson_no);
		unsigned how = sub ? sub->sync
		               : is_long ? KSYNC_WATCH : KSYNC_LAZY_ROUTES;

		a.k = ksync_new(a.w, how, &e);
	}
	if (!a.k) {
		fprintf(stderr, "nsviz: %s\n", kerr_str(&e));
		world_free(a.w);
		return 1;
	}
	exec_init(&a.x, a.w, a.k);
	a.x.emit = app_emit_stdout;
	a.x.stop = &interrupted;
	a.x.inherit_stdio = true;

	if (cmds) {
		rc = app_run_list(&a, cmds, force);
	} else if (batch) {
		rc = app_run_batch(&a, batch, force);
	} else if (sub) {
		rc = sub->run(&a, argc - i, argv + i);
	} else if (lesson_no) {
		/* the lesson (src/lesson/): the UI's lesson panel with a
		 * terminal, the plain-text lesson without one */
		if (isatty(0) && isatty(1) && can_draw()) {
			/* the UI with its lesson panel */
			struct ui_opts uo = { sandbox, ascii, theme, lesson_no,
			                      lesson_at };
			rc = ui_run(a.w, a.k, &uo);
		} else {
			rc = lesson_run_text(a.w, a.k, lesson_no, lesson_at);
		}
	} else if (i < argc) {
		rc = run_words(&a, argc - i, argv + i);
		die_sig = a.x.exec_signal;
	} else {
		if (isatty(0) && isatty(1) && can_draw()) {
			struct ui_opts uo = { sandbox, ascii, theme, 0, 0 };
			rc = ui_run(a.w, a.k, &uo);
		} else {
			rc = run_prompt(&a, sandbox);
		}
	}

	exec_done(&a.x);
	ksync_free(a.k);
	world_free(a.w);
	if (die_sig)
		die_like(die_sig);
	return rc;
}
