/* SPDX-License-Identifier: GPL-2.0-or-later */
/* lesson.h - guided lessons: plain text files (nsviz-lesson(5)) whose
 * steps explain, say what to type, and name a goal that is checked
 * against the live world.
 *
 *   parse.c     pure: a lesson file's text into a struct lesson, and the
 *               text helpers (wrapping) the UI and the CLI share
 *   load.c      finding lesson files (user, build tree, installed)
 *   progress.c  saving and resuming where the learner was
 *   check.c     a step's goal against the world and the kernel; show me
 *   cli.c       `nsviz lesson --list|--verify [N]|[N]`, and the plain-text
 *               lesson runner used when there is no terminal
 *
 * A lesson's world starts empty (the sandbox): its `setup:` commands
 * build what earlier lessons left, then each step adds to it.
 */
#ifndef NSVIZ_LESSON_H
#define NSVIZ_LESSON_H

#include <stdbool.h>
#include <stddef.h>

struct sbuf;
struct world;
struct ksync;
struct exec_ctx;

struct lesson;            /* a parsed file */

struct lesson_step {
	const char *title;
	/* The explanation.  Paragraphs are separated by a blank line
	 * ("\n\n").  A paragraph that starts with a space is preformatted
	 * (a listing, command output): show its lines ("\n"-separated) as
	 * they are.  Any other paragraph is one line of running text, to be
	 * wrapped (lesson_wrap does both). */
	const char *text;
	const char *const *todo;   /* the ip commands to type at the `:` line,
	                            * NULL-terminated, as written in the file
	                            * (a trailing `# comment` included) */
	const char *keys;          /* the keys/forms that do the same, or NULL */
	const char *hint;          /* or NULL */
	const char *const *showme; /* commands "show me" runs, NULL-terminated
	                            * (the todo commands when the file gives
	                            * no show:) */
	/* the goal: lesson_step_nchecks() checks, all must hold */
	struct lesson_step_priv *priv;
};

/* Parse a lesson file's text.  Pure.  0, or -1 with err set to
 * "FILE:LINE: reason".  A lesson is UTF-8 text: a NUL or another control
 * character (but a tab, and a CR before a newline), bytes that are not
 * UTF-8, a line longer than LESSON_LINE_MAX bytes are refused.  Its
 * commands are nsviz's own (the grammar): `netns exec NS PROG` of a
 * program (not ip, not nsviz echo|send) is refused; the learner typing
 * one is not restricted.  lesson_parse takes a C string, _buf bytes
 * (NULs included). */
#define LESSON_LINE_MAX 4096
#define LESSON_FILE_MAX (1024 * 1024)
int lesson_parse(const char *text, const char *filename, struct lesson **out,
                 char *err, size_t errlen);
int lesson_parse_buf(const char *text, size_t len, const char *filename,
                     struct lesson **out, char *err, size_t errlen);
void lesson_free(struct lesson *l);

int lesson_number(const struct lesson *l);
const char *lesson_title(const struct lesson *l);
const char *lesson_summary(const struct lesson *l);   /* "" when none */
const char *lesson_filename(const struct lesson *l);
/* The commands that build the lesson's starting world (NULL-terminated). */
const char *const *lesson_setup(const struct lesson *l);
size_t lesson_nsteps(const struct lesson *l);
const struct lesson_step *lesson_step(const struct lesson *l, size_t i);

/* A step's goal, one check at a time (for a checklist in the UI):
 * the check as written ("link veth0 is up"); slow checks send traffic or
 * wait (ping, capture, send) and take up to two seconds. */
size_t lesson_step_nchecks(const struct lesson_step *s);
const char *lesson_check_text(const struct lesson_step *s, size_t i);
bool lesson_check_is_slow(const struct lesson_step *s, size_t i);
bool lesson_step_has_slow(const struct lesson_step *s);

/* Wrap text (lesson_step.text, a hint, ...) to width columns (UTF-8
 * aware, counting code points): one line per "\n"-terminated line in out,
 * paragraphs separated by an empty line, preformatted paragraphs kept as
 * they are.  Pure. */
void lesson_wrap(const char *text, int width, struct sbuf *out);

/* All lessons: $XDG_DATA_HOME/nsviz/lessons (user; default
 * ~/.local/share/nsviz/lessons), then $NSVIZ_LESSONS_DIR (when unset and
 * run from its build tree: the source tree's lessons), then
 * NSVIZ_DATADIR "/lessons"; files named *.lesson.  A number
 * already taken by an earlier directory is skipped (a user's lesson
 * replaces a shipped one).  Sorted by number.  Broken files are reported
 * in errs, one "FILE:LINE: reason" line each, and skipped.  Returns the
 * number of lessons (also in *n). */
int lesson_load_all(struct lesson ***out, size_t *n, struct sbuf *errs);
void lesson_free_all(struct lesson **v, size_t n);
/* The lesson numbered num in v, or NULL. */
const struct lesson *lesson_find(struct lesson *const *v, size_t n, int num);

/* ---- checking a step's goal against the live world (check.c) ---- */

struct lesson_ran;
struct lesson_env {
	struct world *w;
	struct ksync *k;
	struct exec_ctx *x;     /* optional: its stop flag ends a running
	                         * ping or show-me early */
	struct lesson_ran *ran; /* commands run in this step (the `you ran`
	                         * checks): start zeroed, managed here */
	/* Optional: what show me, setup and lesson_prepare are doing, as it
	 * happens (a ping to nowhere takes 10 s), one line a call, the same
	 * lines as the log: "$ CANONICAL-COMMAND" before a command runs,
	 * each line it prints as it prints it, "error: ..." when it fails,
	 * and "(waiting for WHAT)" while it waits for links or addresses
	 * still coming up before it sends traffic.  The line is lesson
	 * text and nsviz's own output (no control characters). */
	void (*progress)(void *ctx, const char *line);
	void *progress_ctx;
};

enum lesson_verdict {
	LESSON_MET, LESSON_NOT_MET, LESSON_ERROR,
	LESSON_PENDING    /* slow=false: every check that could run holds;
	                   * the slow ones have not run (call again with
	                   * slow=true to know) */
};

/* Check the goal: every check, in the file's order, until one fails.
 * why: for NOT_MET, the first failing check in words ("veth1 is not in
 * namespace vnet (it is in the host namespace)"); for ERROR, what went
 * wrong.  slow: also run the checks that send traffic or wait (ping,
 * capture, send: up to two seconds each, usually about one; a slow check
 * is reached only when every check before it holds); without it they
 * are skipped, and a goal that has any is PENDING (why "...: checked
 * every few seconds") once everything else holds.  The UI calls
 * slow=false on every world change, and slow=true when that says
 * PENDING, at most every couple of seconds, or on demand. */
enum lesson_verdict lesson_check(struct lesson_env *env,
                                 const struct lesson_step *s, bool slow,
                                 struct sbuf *why);
/* One check (i < lesson_step_nchecks); a slow one with slow=false is
 * PENDING with why "checked every few seconds". */
enum lesson_verdict lesson_check_one(struct lesson_env *env,
                                     const struct lesson_step *s, size_t i,
                                     bool slow, struct sbuf *why);

/* The UI calls this for every command the learner runs (the `:` line,
 * keys and forms: the grammar's text), so `you ran ...` checks see it. */
void lesson_note_command(struct lesson_env *env, const char *line);
/* A step starts: forget the commands noted so far. */
void lesson_step_begin(struct lesson_env *env);
/* Release what env holds (not w, k, x). */
void lesson_env_done(struct lesson_env *env);

/* A step the running kernel cannot do: one of its `needs:` features is
 * missing (needs.c).  true, with the reason in why when not NULL ("this
 * kernel has no netem qdisc (sch_netem)"): the step is skipped (the UI
 * and the plain-text lesson say so when it starts, --verify reports it
 * SKIPPED), never failed.  The kernel is asked once per feature, without
 * changing anything; when it cannot be asked the step is not skipped. */
bool lesson_step_skipped(struct lesson_env *env, const struct lesson_step *s,
                         struct sbuf *why);
#define LESSON_SKIPPED_NOTE ": this step is skipped"

/* Run the step's show-me commands through exec, visibly: for each, a
 * line "$ CANONICAL-COMMAND", then what it printed, then on failure a
 * line "error: MESSAGE".  A command written with a trailing comment that
 * starts with "fails" (`ping -c 1 10.0.2.1  # fails: no route yet`) is
 * expected to fail and does not stop the others.  Returns 0, or the
 * status of the first command that failed unexpectedly. */
int lesson_show_me(struct lesson_env *env, const struct lesson_step *s,
                   struct sbuf *log);
/* Bring the world to where step `step` begins: the lesson's setup
 * commands, then the show-me of every earlier step whose goal does not
 * hold yet (fast checks only).  Same log as lesson_show_me; goes on after
 * a failure (on a world that is not fresh a setup command may find its
 * object already there).  Returns 0 or the first failure's status. */
int lesson_prepare(struct lesson_env *env, const struct lesson *l,
                   size_t step, struct sbuf *log);

/* ---- progress (progress.c) ---- */

/* Under $XDG_STATE_HOME/nsviz/lessons.progress (default
 * ~/.local/state/nsviz/), written atomically (temporary file + rename).
 * step: the step to resume at, from 0; lesson_nsteps() = completed. */
int lesson_progress_load(int lesson, int *step);   /* 0 ok, -1 none */
int lesson_progress_save(int lesson, int step);    /* 0 ok, -1 errno */
/* The lesson last saved: 0 ok, -1 none. */
int lesson_progress_last(int *lesson);

/* ---- the CLI (cli.c) ---- */

/* `nsviz lesson --list`, `nsviz lesson --verify [N]` and usage errors:
 * return the exit status.  `nsviz lesson [N] [--host] [--restart]`
 * (interactive): return LESSON_MAIN_UI with *lesson_out (the lesson's
 * number) and *step_out (where to resume, from 0) set; main then opens
 * the UI (or, without a terminal, lesson_run_text).  w and k may be NULL:
 * nothing here needs them (--verify makes a fresh sandbox and world for
 * each lesson).  Call it before entering the sandbox. */
#define LESSON_MAIN_UI (-100)
int lesson_main(struct world *w, struct ksync *k, int argc, char **argv,
                int *lesson_out, int *step_out);
/* true when argv (from "lesson") asks for the real host (--host); the
 * sandbox is the default. */
bool lesson_args_host(int argc, char **argv);

/* The lesson without the full-screen UI: the step's text and what to do
 * on stdout, commands of the grammar (and `hint`, `show me`, `next`,
 * `back`, `goal`, `quit`) read from stdin, the goal checked after each
 * command.  Returns the exit status: 0 when the lesson was completed or
 * left with quit or end of input, 1 on errors. */
int lesson_run_text(struct world *w, struct ksync *k, int lesson, int step);

#endif
