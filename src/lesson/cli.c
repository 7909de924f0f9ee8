/* SPDX-License-Identifier: GPL-2.0-or-later */
/* cli.c - `nsviz lesson`: --list, --verify [N], and the lesson itself
 * (the UI's lesson panel, or the plain-text runner without a terminal).
 *
 * --verify runs every lesson the way a learner who presses "show me" at
 * each step would, each in a sandbox of its own (a child process that
 * unshares fresh network, mount and pid namespaces), so a lesson starts
 * from an empty world whatever ran before; after each step it checks the
 * step's goal, giving it a few seconds (IPv6 addresses need their
 * duplicate address detection, neighbours their answers).
 */
#include "lesson/priv.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cmd/exec.h"
#include "kernel/kernel.h"
#include "sandbox.h"
#include "util/sbuf.h"

#define VERIFY_PATIENCE 8.0     /* seconds a goal may take to hold */

static void usage(FILE *f)
{
	fputs(
"Usage: nsviz lesson [N] [--host [--yes]] [--restart]\n"
"       nsviz lesson --list\n"
"       nsviz lesson --verify [N] [-v]\n"
"Guided lessons: each step explains, says what to type, and checks its\n"
"goal against the live kernel.  In the sandbox unless --host.\n"
"  N           the lesson (default: where you left off, or the first)\n"
"  --list      one line per lesson: number, title, steps\n"
"  --verify    run lesson N (or every lesson) through its show-me path in\n"
"              a fresh sandbox each, checking every goal\n"
"  --host      on the real host, not in the sandbox: after a warning that\n"
"              lists what the lesson changes, and a question\n"
"  --yes       with --host: do not ask (needed without a terminal)\n"
"  --restart   start the lesson again from its first step\n"
"  -v          with --verify: print each step and what show me did\n"
"Lesson files: nsviz-lesson(5).\n", f);
}

static volatile int interrupted;

static void on_sigint(int sig)
{
	(void)sig;
	interrupted = 1;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void nap(double s)
{
	struct timespec ts = { (time_t)s, (long)((s - (double)(time_t)s) * 1e9) };

	while (nanosleep(&ts, &ts) < 0 && errno == EINTR && !interrupted)
		;
}

static void print_errs(const struct sbuf *errs)
{
	const char *p = sbuf_str(errs);

	while (*p) {
		size_t n = strcspn(p, "\n");

		fprintf(stderr, "nsviz: %.*s\n", (int)n, p);
		p += n;
		if (*p)
			p++;
	}
}

/* ------------------------------------------------------------------ */
/* progress while verifying                                           */
/* ------------------------------------------------------------------ */

/* With -v each line of show me as it happens, on stdout; on a terminal
 * without -v one status line on stderr, rewritten in place (what runs,
 * what it waits for, which check), cleared before anything else is
 * printed. */
struct vprog {
	bool verbose;
	bool status;            /* stderr is a terminal: the status line */
	bool shown;             /* a status line is on the screen */
	int num;
	size_t step, nsteps;    /* step from 1; 0 = setup */
};

static void status_clear(struct vprog *vp)
{
	if (vp && vp->shown) {
		fputs("\r\033[K", stderr);
		fflush(stderr);
		vp->shown = false;
	}
}

static void status_show(struct vprog *vp, const char *what)
{
	struct winsize ws;
	struct sbuf b = SBUF_INIT;
	int cols = 80, w = 0;
	const char *p;

	if (!vp->status)
		return;
	if (ioctl(2, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 10)
		cols = ws.ws_col;
	if (vp->step)
		sbuf_printf(&b, "lesson %d, step %zu/%zu: %s", vp->num, vp->step,
		            vp->nsteps, what);
	else
		sbuf_printf(&b, "lesson %d, setup: %s", vp->num, what);
	fputs("\r\033[K", stderr);
	/* one line: cut at the terminal's width (in code points; lesson
	 * text is UTF-8 without control characters) */
	for (p = sbuf_str(&b); *p; p++) {
		unsigned char c = (unsigned char)*p;

		if (c < 0x20 || c == 0x7f)
			continue;
		/* a code point beyond ASCII may be two columns wide: count
		 * two, so the line never wraps (\r would not go back) */
		if (c >= 0xc0)
			w += 2;
		else if (c < 0x80)
			w++;
		if (w >= cols)
			break;
		fputc(*p, stderr);
	}
	fflush(stderr);
	vp->shown = true;
	sbuf_free(&b);
}

static void verify_progress(void *ctx, const char *line)
{
	struct vprog *vp = ctx;

	if (vp->verbose) {
		printf("    %s\n", line);
		fflush(stdout);
		return;
	}
	status_show(vp, line);
}

static int parse_number(const char *s, int *out)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (!*s || *end || v < 1 || v > 9999)
		return -1;
	*out = (int)v;
	return 0;
}

/* ------------------------------------------------------------------ */
/* --list                                                             */
/* ------------------------------------------------------------------ */

static int do_list(void)
{
	struct lesson **v;
	struct sbuf errs = SBUF_INIT;
	size_t n;

	lesson_load_all(&v, &n, &errs);
	for (size_t i = 0; i < n; i++) {
		size_t st = lesson_nsteps(v[i]);
		int done = -1;

		lesson_progress_load(lesson_number(v[i]), &done);
		printf("%2d  %-44s %2zu step%s%s\n", lesson_number(v[i]),
		       lesson_title(v[i]), st, st == 1 ? " " : "s",
		       done >= (int)st ? "  (done)"
		       : done > 0 ? "  (started)" : "");
	}
	if (!n && !errs.len)
		fprintf(stderr, "nsviz: no lessons found (nsviz-lesson(5) "
		        "says where they are looked for)\n");
	print_errs(&errs);
	lesson_free_all(v, n);
	{
		int rc = errs.len || !n ? 1 : 0;
		sbuf_free(&errs);
		return rc;
	}
}

/* ------------------------------------------------------------------ */
/* --verify                                                           */
/* ------------------------------------------------------------------ */

/* The output of one command in the log ("$ COMMAND", what it printed,
 * maybe "error: ..."), what it printed only, indented, to stderr. */
static void print_output(const char *p)
{
	const char *end;

	if (!(p = strchr(p, '\n')))
		return;
	p++;
	end = strstr(p, "\nerror: ");
	if (!end)
		end = strncmp(p, "error: ", 7) == 0 ? p : p + strlen(p);
	else
		end++;
	while (p < end) {
		size_t n = strcspn(p, "\n");

		if (p + n > end)
			n = (size_t)(end - p);
		fprintf(stderr, "  %.*s\n", (int)n, p);
		p += n;
		if (*p == '\n')
			p++;
	}
}

/* The goal, patiently: every check in order, again until all hold or
 * the time is up.  On failure *failed is the first check that did not
 * hold and why says why. */
static enum lesson_verdict goal_patiently(struct lesson_env *env,
                                          const struct lesson_step *s,
                                          size_t *failed, struct sbuf *why,
                                          struct vprog *vp)
{
	double until = now() + VERIFY_PATIENCE;
	enum lesson_verdict v = LESSON_NOT_MET;

	for (;;) {
		ksync_drain(env->k);
		v = LESSON_MET;
		for (size_t i = 0; i < lesson_step_nchecks(s); i++) {
			if (lesson_check_is_slow(s, i)) {
				struct sbuf b = SBUF_INIT;

				sbuf_printf(&b, "checking: %s",
				            lesson_check_text(s, i));
				status_show(vp, sbuf_str(&b));
				sbuf_free(&b);
			}
			sbuf_reset(why);
			v = lesson_check_one(env, s, i, true, why);
			if (v != LESSON_MET) {
				*failed = i;
				break;
			}
		}
		if (v != LESSON_NOT_MET || now() >= until || interrupted)
			return v;
		nap(0.25);
	}
}

/* The goal as it stands before the step's commands run: the checks
 * without traffic, then, when they all hold, the ones with traffic
 * too. */
static enum lesson_verdict goal_before_step(struct lesson_env *env,
                                            const struct lesson_step *s,
                                            struct sbuf *why)
{
	enum lesson_verdict v = lesson_check(env, s, false, why);

	if (v != LESSON_PENDING || !lesson_step_has_slow(s))
		return v;
	sbuf_reset(why);
	return lesson_check(env, s, true, why);
}

static int verify_inside(const struct lesson *l, bool verbose)
{
	struct world *w = world_new();
	struct kerr e = { 0 };
	struct ksync *k = ksync_new(w, 0, &e);
	struct exec_ctx x;
	struct lesson_env env;
	struct sbuf log = SBUF_INIT, err = SBUF_INIT, why = SBUF_INIT;
	const char *const *setup = lesson_setup(l);
	int num = lesson_number(l), rc = 0;
	size_t skipped = 0, verified;
	struct vprog vp;

	if (!k) {
		fprintf(stderr, "nsviz: lesson %d: %s\n", num, kerr_str(&e));
		world_free(w);
		return 1;
	}
	exec_init(&x, w, k);
	x.stop = &interrupted;
	memset(&env, 0, sizeof env);
	env.w = w;
	env.k = k;
	env.x = &x;
	memset(&vp, 0, sizeof vp);
	vp.verbose = verbose;
	vp.status = !verbose && isatty(2);
	vp.num = num;
	vp.nsteps = lesson_nsteps(l);
	env.progress = verify_progress;
	env.progress_ctx = &vp;
	if (verbose)
		printf("lesson %d: %s\n", num, lesson_title(l));
	if (verbose && setup && setup[0])
		printf("  setup\n");
	for (size_t i = 0; setup && setup[i]; i++) {
		sbuf_reset(&err);
		if (lesson_run_command(&env, setup[i], &log, &err) != 0 &&
		    !lesson_cmd_may_fail(setup[i])) {
			status_clear(&vp);
			fprintf(stderr, "lesson %d, setup: \"%s\" failed: %s\n",
			        num, setup[i], sbuf_str(&err));
			rc = 1;
			goto out;
		}
	}
	for (size_t si = 0; si < lesson_nsteps(l) && !rc; si++) {
		const struct lesson_step *s = lesson_step(l, si);
		size_t failed = 0;
		enum lesson_verdict v;

		vp.step = si + 1;
		if (verbose)
			printf("  step %zu: %s\n", si + 1, s->title);
		lesson_step_begin(&env);
		ksync_drain(k);
		/* a step the kernel cannot do (needs: qdisc netem, no
		 * sch_netem) is skipped, and counted apart: not a failure,
		 * never a pass */
		sbuf_reset(&why);
		if (lesson_step_skipped(&env, s, &why)) {
			status_clear(&vp);
			printf("lesson %d, step %zu: SKIPPED: %s\n", num, si + 1,
			       sbuf_str(&why));
			fflush(stdout);
			skipped++;
			continue;
		}
		/* a goal that holds before the step teaches nothing, and
		 * in the interface it would be done before the learner
		 * has read it.  The checks that send traffic are asked
		 * only when all the others hold: the earlier steps'
		 * goals were waited for, so the world is settled (an
		 * address past DAD answers a ping) and the answer is the
		 * one the learner would meet. */
		sbuf_reset(&why);
		if (goal_before_step(&env, s, &why) == LESSON_MET) {
			status_clear(&vp);
			fprintf(stderr, "lesson %d, step %zu: the goal already "
			        "holds before the step: nothing to do\n", num,
			        si + 1);
			rc = 1;
			break;
		}
		sbuf_reset(&log);
		for (size_t c = 0; s->showme && s->showme[c]; c++) {
			size_t mark = log.len;

			sbuf_reset(&err);
			if (lesson_run_command(&env, s->showme[c], &log, &err) != 0 &&
			    !lesson_cmd_may_fail(s->showme[c])) {
				status_clear(&vp);
				fprintf(stderr, "lesson %d, step %zu: show me: \"%s\" "
				        "failed: %s\n", num, si + 1, s->showme[c],
				        sbuf_str(&err));
				/* what it printed says why (ping's own words) */
				if (!verbose)
					print_output(log.s + mark);
				rc = 1;
				break;
			}
		}
		if (rc)
			break;
		v = goal_patiently(&env, s, &failed, &why, &vp);
		if (v != LESSON_MET) {
			status_clear(&vp);
			fprintf(stderr, "lesson %d, step %zu: check \"%s\" %s: %s\n",
			        num, si + 1, lesson_check_text(s, failed),
			        v == LESSON_ERROR ? "could not run" : "failed",
			        sbuf_str(&why));
			rc = 1;
		}
	}
	status_clear(&vp);
	verified = lesson_nsteps(l) - skipped;
	if (!rc && !skipped)
		printf("lesson %d (%s): %zu step%s verified\n", num,
		       lesson_title(l), verified, verified == 1 ? "" : "s");
	else if (!rc)
		printf("lesson %d (%s): %zu step%s verified, %zu skipped\n", num,
		       lesson_title(l), verified, verified == 1 ? "" : "s",
		       skipped);
out:
	status_clear(&vp);
	fflush(stdout);
	fflush(stderr);
	sbuf_free(&log);
	sbuf_free(&err);
	sbuf_free(&why);
	lesson_env_done(&env);
	exec_done(&x);
	ksync_free(k);
	world_free(w);
	return rc;
}

/* One lesson in a sandbox of its own; its exit status. */
static int verify_one(const struct lesson *l, bool verbose)
{
	pid_t pid;
	int status;

	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0) {
		fprintf(stderr, "nsviz: lesson --verify: fork: %s\n",
		        strerror(errno));
		return 1;
	}
	if (pid == 0) {
		char err[512];
		int rc;

		if (sandbox_enter(err, sizeof err) < 0) {
			fprintf(stderr, "nsviz: lesson %d: --verify needs a "
			        "sandbox: %s\n", lesson_number(l), err);
			fflush(stderr);
			_exit(1);
		}
		rc = verify_inside(l, verbose);
		exit(rc);   /* atexit: the session's echo servers stop */
	}
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return 1;
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	fprintf(stderr, "nsviz: lesson %d: verification killed by signal %d\n",
	        lesson_number(l), WIFSIGNALED(status) ? WTERMSIG(status) : 0);
	return 1;
}

static int do_verify(int num, bool verbose)
{
	struct lesson **v;
	struct sbuf errs = SBUF_INIT;
	size_t n;
	int rc = 0, ran = 0;

	lesson_load_all(&v, &n, &errs);
	print_errs(&errs);
	if (errs.len && !num)
		rc = 1;
	for (size_t i = 0; i < n && !interrupted; i++) {
		if (num && lesson_number(v[i]) != num)
			continue;
		ran++;
		if (verify_one(v[i], verbose) != 0)
			rc = 1;
	}
	if (num && !ran) {
		fprintf(stderr, "nsviz: lesson %d: no such lesson (nsviz lesson "
		        "--list shows them)\n", num);
		rc = 1;
	} else if (!ran && !errs.len) {
		fprintf(stderr, "nsviz: no lessons found\n");
		rc = 1;
	}
	sbuf_free(&errs);
	lesson_free_all(v, n);
	return interrupted ? 130 : rc;
}

/* ------------------------------------------------------------------ */
/* lesson_main                                                        */
/* ------------------------------------------------------------------ */

bool lesson_args_host(int argc, char **argv)
{
	for (int i = 1; i < argc; i++)
		if (!strcmp(argv[i], "--host"))
			return true;
	return false;
}

int lesson_main(struct world *w, struct ksync *k, int argc, char **argv,
                int *lesson_out, int *step_out)
{
	bool list = false, verify = false, verbose = false, host = false,
	     restart = false, yes = false;
	int num = 0;
	struct sigaction sa;

	(void)w;
	(void)k;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "--list") || !strcmp(a, "-l")) {
			list = true;
		} else if (!strcmp(a, "--verify")) {
			verify = true;
		} else if (!strcmp(a, "-v") || !strcmp(a, "--verbose")) {
			verbose = true;
		} else if (!strcmp(a, "--host")) {
			host = true;
		} else if (!strcmp(a, "--yes")) {
			yes = true;
		} else if (!strcmp(a, "--restart")) {
			restart = true;
		} else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			usage(stdout);
			return 0;
		} else if (a[0] != '-' && !num) {
			if (parse_number(a, &num) < 0) {
				fprintf(stderr, "nsviz: lesson: %s: not a lesson "
				        "number\n", a);
				return 2;
			}
		} else {
			fprintf(stderr, "nsviz: lesson: %s: unexpected argument "
			        "(nsviz lesson --help)\n", a);
			return 2;
		}
	}
	if (list + verify > 1 || (list && num) || ((list || verify) &&
	                                          (host || restart))) {
		fprintf(stderr, "nsviz: lesson: --list, --verify, --host and "
		        "--restart do not go together that way (nsviz lesson "
		        "--help)\n");
		return 2;
	}
	if (yes && !host) {
		fprintf(stderr, "nsviz: lesson: --yes goes with --host\n");
		return 2;
	}
	if (verbose && !verify) {
		fprintf(stderr, "nsviz: lesson: -v goes with --verify\n");
		return 2;
	}
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_sigint;
	sigemptyset(&sa.sa_mask);
	if (list)
		return do_list();
	if (verify) {
		int rc;

		sigaction(SIGINT, &sa, NULL);
		rc = do_verify(num, verbose);
		signal(SIGINT, SIG_DFL);
		return rc;
	}

	/* the lesson itself: which one, and where to resume */
	{
		struct lesson **v;
		struct sbuf errs = SBUF_INIT;
		const struct lesson *l = NULL;
		size_t n;
		int step = 0, last;

		lesson_load_all(&v, &n, &errs);
		print_errs(&errs);
		sbuf_free(&errs);
		if (!n) {
			fprintf(stderr, "nsviz: no lessons found "
			        "(nsviz-lesson(5) says where they are looked "
			        "for)\n");
			lesson_free_all(v, n);
			return 1;
		}
		if (num) {
			l = lesson_find(v, n, num);
			if (!l) {
				fprintf(stderr, "nsviz: lesson %d: no such lesson "
				        "(nsviz lesson --list shows them)\n", num);
				lesson_free_all(v, n);
				return 1;
			}
		} else if (lesson_progress_last(&last) == 0 &&
		           (l = lesson_find(v, n, last))) {
			int at = 0;

			/* finished: on to the next one */
			if (lesson_progress_load(last, &at) == 0 &&
			    at >= (int)lesson_nsteps(l)) {
				for (size_t i = 0; i < n; i++) {
					if (lesson_number(v[i]) > last) {
						l = v[i];
						break;
					}
				}
			}
		}
		if (!l)
			l = v[0];
		if (!restart && lesson_progress_load(lesson_number(l), &step) == 0 &&
		    (step < 0 || step >= (int)lesson_nsteps(l)))
			step = 0;
		if (restart)
			step = 0;
		*lesson_out = lesson_number(l);
		*step_out = step;
		if (host && lesson_host_warning(l, yes) < 0) {
			lesson_free_all(v, n);
			return 1;
		}
		lesson_free_all(v, n);
	}
	return LESSON_MAIN_UI;
}

/* ------------------------------------------------------------------ */
/* the plain-text lesson                                              */
/* ------------------------------------------------------------------ */

static void say(const char *text, int indent)
{
	struct sbuf b = SBUF_INIT;
	const char *p;

	lesson_wrap(text, 76 - indent, &b);
	for (p = sbuf_str(&b); *p;) {
		size_t n = strcspn(p, "\n");

		if (n)
			printf("%*s%.*s\n", indent, "", (int)n, p);
		else
			putchar('\n');
		p += n;
		if (*p)
			p++;
	}
	sbuf_free(&b);
}

static void show_step(const struct lesson *l, size_t i)
{
	const struct lesson_step *s = lesson_step(l, i);

	printf("\n== Step %zu of %zu: %s ==\n\n", i + 1, lesson_nsteps(l),
	       s->title);
	say(s->text, 0);
	printf("\nDo:\n");
	for (size_t k = 0; s->todo && s->todo[k]; k++)
		printf("  %s\n", s->todo[k]);
	if (s->keys) {
		printf("Keys (in the full-screen UI):\n");
		say(s->keys, 2);
	}
	printf("Goal:\n");
	for (size_t k = 0; k < lesson_step_nchecks(s); k++)
		printf("  - %s\n", lesson_check_text(s, k));
	printf("(type the commands; `hint`, `show me`, `goal`, `next`, `back`, "
	       "`quit`)\n");
	fflush(stdout);
}

/* A step the kernel cannot do says so when it starts; true then. */
static bool say_skipped(struct lesson_env *env, const struct lesson_step *s)
{
	struct sbuf why = SBUF_INIT;
	bool skip = lesson_step_skipped(env, s, &why);

	if (skip) {
		printf("  %s" LESSON_SKIPPED_NOTE " (next goes on).\n",
		       sbuf_str(&why));
		fflush(stdout);
	}
	sbuf_free(&why);
	return skip;
}

static void print_goal(struct lesson_env *env, const struct lesson_step *s)
{
	struct sbuf why = SBUF_INIT;

	for (size_t k = 0; k < lesson_step_nchecks(s); k++) {
		enum lesson_verdict v;

		sbuf_reset(&why);
		v = lesson_check_one(env, s, k, true, &why);
		printf("  [%c] %s%s%s\n", v == LESSON_MET ? 'x' : ' ',
		       lesson_check_text(s, k), v == LESSON_MET ? "" : ": ",
		       v == LESSON_MET ? "" : sbuf_str(&why));
	}
	sbuf_free(&why);
}

/* show me and the setup, line by line as they happen */
static void text_progress(void *ctx, const char *line)
{
	(void)ctx;
	printf("%s\n", line);
	fflush(stdout);
}

int lesson_run_text(struct world *w, struct ksync *k, int num, int step)
{
	struct lesson **v;
	struct sbuf errs = SBUF_INIT, log = SBUF_INIT, why = SBUF_INIT;
	const struct lesson *l;
	struct exec_ctx x;
	struct lesson_env env;
	struct sigaction sa;
	char *line = NULL;
	size_t n, cap = 0, i;
	bool tty = isatty(0) && isatty(1), skip;
	int rc = 0;

	lesson_load_all(&v, &n, &errs);
	sbuf_free(&errs);
	l = lesson_find(v, n, num);
	if (!l) {
		fprintf(stderr, "nsviz: lesson %d: no such lesson\n", num);
		lesson_free_all(v, n);
		return 1;
	}
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_sigint;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	exec_init(&x, w, k);
	x.stop = &interrupted;
	memset(&env, 0, sizeof env);
	env.w = w;
	env.k = k;
	env.x = &x;
	env.progress = text_progress;

	printf("Lesson %d: %s\n", lesson_number(l), lesson_title(l));
	if (*lesson_summary(l)) {
		putchar('\n');
		say(lesson_summary(l), 0);
	}
	i = step >= 0 && (size_t)step < lesson_nsteps(l) ? (size_t)step : 0;
	if (lesson_setup(l)[0] || i > 0) {
		printf("\nGetting the world ready%s:\n",
		       i ? " (where you left off)" : " (what earlier lessons made)");
		fflush(stdout);
		lesson_prepare(&env, l, i, &log);
	}
	lesson_progress_save(lesson_number(l), (int)i);
	show_step(l, i);
	skip = say_skipped(&env, lesson_step(l, i));
	lesson_step_begin(&env);
	for (;;) {
		const struct lesson_step *s = lesson_step(l, i);
		enum lesson_verdict vd;
		ssize_t len;
		char *p;

		if (tty) {
			printf("lesson %d.%zu> ", lesson_number(l), i + 1);
			fflush(stdout);
		}
		interrupted = 0;
		len = getline(&line, &cap, stdin);
		if (len < 0)
			break;
		p = line + strspn(line, " \t");
		p[strcspn(p, "\r\n")] = '\0';
		if (!*p || *p == '#')
			continue;
		if (!strcmp(p, "quit") || !strcmp(p, "exit") || !strcmp(p, "q"))
			break;
		if (!strcmp(p, "help") || !strcmp(p, "?")) {
			printf("Commands of the grammar (as ip takes them), and:\n"
			       "  hint      a hint for this step\n"
			       "  show me   do the step for me (also `.`)\n"
			       "  goal      check the goal, one line a check\n"
			       "  next      skip to the next step\n"
			       "  back      the step before\n"
			       "  again     this step's text again\n"
			       "  quit      leave (your place is kept)\n");
			continue;
		}
		if (!strcmp(p, "hint")) {
			if (s->hint)
				say(s->hint, 2);
			else
				printf("  No hint for this step: look at \"Do:\".\n");
			continue;
		}
		if (!strcmp(p, "again")) {
			show_step(l, i);
			say_skipped(&env, s);
			continue;
		}
		if (!strcmp(p, "goal")) {
			print_goal(&env, s);
			continue;
		}
		if (!strcmp(p, "back") || !strcmp(p, "next")) {
			if (p[0] == 'b' && i == 0) {
				printf("  This is the first step.\n");
				continue;
			}
			if (p[0] == 'n' && i + 1 >= lesson_nsteps(l) && skip) {
				/* the last step, which this kernel cannot do */
				lesson_progress_save(lesson_number(l),
				                     (int)lesson_nsteps(l));
				printf("\nLesson %d complete (step %zu skipped).\n",
				       lesson_number(l), i + 1);
				break;
			}
			if (p[0] == 'n' && i + 1 >= lesson_nsteps(l)) {
				printf("  This is the last step.\n");
				continue;
			}
			i = p[0] == 'b' ? i - 1 : i + 1;
			lesson_progress_save(lesson_number(l), (int)i);
			show_step(l, i);
			skip = say_skipped(&env, lesson_step(l, i));
			lesson_step_begin(&env);
			continue;
		}
		if (!strcmp(p, "show me") || !strcmp(p, ".")) {
			sbuf_reset(&log);
			fflush(stdout);
			lesson_show_me(&env, s, &log);
		} else {
			int crc = exec_line(&x, p);

			if (x.out.len)
				fputs(sbuf_str(&x.out), stdout);
			if (crc != 0 && x.err.len)
				printf("error: %s\n", sbuf_str(&x.err));
			sbuf_reset(&x.out);
			sbuf_reset(&x.err);
			lesson_note_command(&env, p);
		}
		ksync_drain(k);
		if (skip) {
			printf("  (this step is skipped: next goes on)\n");
			fflush(stdout);
			continue;
		}
		sbuf_reset(&why);
		vd = lesson_check(&env, s, true, &why);
		if (vd == LESSON_MET) {
			printf("\n  Goal reached: step %zu done.\n", i + 1);
			lesson_progress_save(lesson_number(l), (int)i + 1);
			if (i + 1 >= lesson_nsteps(l)) {
				printf("\nLesson %d complete.\n", lesson_number(l));
				break;
			}
			i++;
			show_step(l, i);
			skip = say_skipped(&env, lesson_step(l, i));
			lesson_step_begin(&env);
		} else {
			printf("  (goal: %s%s)\n", vd == LESSON_ERROR
			       ? "cannot check: " : "not yet: ", sbuf_str(&why));
		}
		fflush(stdout);
	}
	if (tty)
		putchar('\n');
	free(line);
	sbuf_free(&log);
	sbuf_free(&why);
	lesson_env_done(&env);
	exec_done(&x);
	lesson_free_all(v, n);
	signal(SIGINT, SIG_DFL);
	return rc;
}
