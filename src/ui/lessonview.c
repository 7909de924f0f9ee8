/* SPDX-License-Identifier: GPL-2.0-or-later */
/* lessonview.c - the lesson panel: the step's explanation, what to type
 * (and the keys that do the same), the goal as a checklist checked
 * against the live world whenever anything changes, a hint, "show me",
 * and a progress bar.  When the goal holds the lesson says so and moves
 * on; progress is saved as it goes. */
#include "ui/ui_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lesson/lesson.h"
#include "ui/lessontext.h"
#include "ui/theme.h"
#include "util/sbuf.h"

#define SLOW_EVERY_MS 2000   /* ping/send/capture checks, at most this often */

struct lesson_ui {
	struct lesson **all;
	size_t nall;
	const struct lesson *l;
	size_t step;
	struct lesson_env env;
	size_t showme_lines;     /* show me's lines logged as they came */
	bool show_hint;
	bool done;               /* the whole lesson */
	bool met;                /* the current step's goal */
	bool skipped;            /* the kernel cannot do this step (needs:) */
	char why[512];           /* why the goal does not hold yet */
	char banner[256];        /* "Step 2 done: ..." */
	long long last_slow_ms;
	bool slow_dirty;         /* the world changed since the last slow check */
	bool pending;            /* fast checks hold; slow ones still to run */
	int text_top;            /* first line of the step shown */
	int body_rows;           /* lines of the step the panel showed */
	int body_lines;          /* lines of the step, wrapped */
	unsigned long checked_gen;
};

bool lesson_ui_active(const struct ui *u)
{
	return u->lesson && u->lesson->l;
}

static void announce(struct ui *u)
{
	const struct lesson_step *st = lesson_step(u->lesson->l, u->lesson->step);

	ui_log(u, L_INFO, "lesson %d, step %zu/%zu: %s",
	       lesson_number(u->lesson->l), u->lesson->step + 1,
	       lesson_nsteps(u->lesson->l), st->title);
}

/* A step the kernel cannot do (needs: qdisc netem, no sch_netem) says so
 * as it starts, and is not checked: > goes on; the last one ends the
 * lesson. */
static void skip_note(struct ui *u)
{
	struct lesson_ui *lu = u->lesson;
	const struct lesson_step *st = lesson_step(lu->l, lu->step);
	struct sbuf why = SBUF_INIT;
	bool last = lu->step + 1 >= lesson_nsteps(lu->l);

	lu->skipped = lesson_step_skipped(&lu->env, st, &why);
	if (!lu->skipped) {
		sbuf_free(&why);
		return;
	}
	snprintf(lu->banner, sizeof lu->banner, "%.150s" LESSON_SKIPPED_NOTE
	         "%s", sbuf_str(&why), last ? "; the lesson is complete. L "
	         "picks another." : " (> goes on)");
	ui_log(u, L_INFO, "%s", lu->banner);
	if (last) {
		lu->done = true;
		lesson_progress_save(lesson_number(lu->l),
		                     (int)lesson_nsteps(lu->l));
	}
	sbuf_free(&why);
}

static void go_to(struct ui *u, size_t step)
{
	struct lesson_ui *lu = u->lesson;

	lu->step = step;
	lu->show_hint = false;
	lu->met = false;
	lu->why[0] = '\0';
	lu->text_top = 0;
	lu->slow_dirty = true;
	lu->checked_gen = 0;
	lesson_step_begin(&lu->env);
	lesson_progress_save(lesson_number(lu->l), (int)step);
	announce(u);
	skip_note(u);
	u->dirty = true;
}

int lesson_ui_start(struct ui *u, int number, int step)
{
	struct lesson_ui *lu = xcalloc(1, sizeof *lu);
	struct sbuf errs = SBUF_INIT, log = SBUF_INIT;

	lesson_load_all(&lu->all, &lu->nall, &errs);
	if (errs.len)
		ui_log(u, L_ERROR, "%s", sbuf_str(&errs));
	sbuf_free(&errs);
	lu->l = lesson_find(lu->all, lu->nall, number);
	if (!lu->l) {
		ui_log(u, L_ERROR, "lesson %d: no such lesson", number);
		lesson_free_all(lu->all, lu->nall);
		free(lu);
		return -1;
	}
	lu->env.w = u->w;
	lu->env.k = u->k;
	lu->env.x = &u->x;
	if (u->lesson) {
		lesson_env_done(&u->lesson->env);
		lesson_free_all(u->lesson->all, u->lesson->nall);
		free(u->lesson);
	}
	u->lesson = lu;
	if (step < 0 || (size_t)step >= lesson_nsteps(lu->l))
		step = 0;
	/* the world a step begins with: the lesson's setup and every
	 * earlier step's show-me, where its goal does not hold yet */
	lesson_prepare(&lu->env, lu->l, (size_t)step, &log);
	if (log.len)
		ui_log(u, L_OUTPUT, "%s", sbuf_str(&log));
	sbuf_free(&log);
	ui_log(u, L_INFO, "lesson %d: %s", number, lesson_title(lu->l));
	go_to(u, (size_t)step);
	return 0;
}

void lesson_ui_stop(struct ui *u)
{
	if (!u->lesson)
		return;
	lesson_env_done(&u->lesson->env);
	lesson_free_all(u->lesson->all, u->lesson->nall);
	free(u->lesson);
	u->lesson = NULL;
	u->dirty = true;
}

void lesson_ui_note(struct ui *u, const char *line)
{
	if (!lesson_ui_active(u))
		return;
	lesson_note_command(&u->lesson->env, line);
	u->lesson->checked_gen = 0;     /* `you ran` checks: look again */
}

/* The goal, checked: fast checks on every change of the world, slow ones
 * at most every SLOW_EVERY_MS once the fast ones hold. */
void lesson_ui_check(struct ui *u, long long now)
{
	struct lesson_ui *lu = u->lesson;
	const struct lesson_step *st;
	struct sbuf why = SBUF_INIT;
	enum lesson_verdict v;
	bool slow;

	if (!lesson_ui_active(u) || lu->done || lu->skipped)
		return;
	st = lesson_step(lu->l, lu->step);
	/* nothing changed and no slow check due: the verdict stands */
	if (lu->checked_gen && lu->checked_gen == u->w->generation &&
	    !(lu->pending && lu->slow_dirty &&
	      now - lu->last_slow_ms >= SLOW_EVERY_MS))
		return;
	if (lu->checked_gen != u->w->generation) {
		lu->checked_gen = u->w->generation;
		lu->slow_dirty = true;
	}
	/* the fast checks every time the world changed; the slow ones
	 * (ping, send, capture: a second or two each) only once every fast
	 * one holds, and again only after something changed */
	v = lesson_check(&lu->env, st, false, &why);
	lu->pending = v == LESSON_PENDING;
	slow = lu->pending && lu->slow_dirty &&
	       now - lu->last_slow_ms >= SLOW_EVERY_MS;
	if (slow) {
		sbuf_reset(&why);
		v = lesson_check(&lu->env, st, true, &why);
		lu->last_slow_ms = now;
		lu->slow_dirty = false;
		lu->pending = false;
	}
	snprintf(lu->why, sizeof lu->why, "%s", sbuf_str(&why));
	sbuf_free(&why);
	if (v != LESSON_MET)
		return;
	/* done: say so and move on */
	snprintf(lu->banner, sizeof lu->banner, "Step %zu done: %.200s",
	         lu->step + 1, st->title);
	ui_log(u, L_OK, "%s", lu->banner);
	if (lu->step + 1 < lesson_nsteps(lu->l)) {
		go_to(u, lu->step + 1);
	} else {
		lu->done = true;
		lesson_progress_save(lesson_number(lu->l),
		                     (int)lesson_nsteps(lu->l));
		snprintf(lu->banner, sizeof lu->banner,
		         "Lesson %d complete. L picks another.",
		         lesson_number(lu->l));
		ui_log(u, L_OK, "%s", lu->banner);
	}
	u->dirty = true;
}

/* How long the loop may sleep before a slow check is due. */
int lesson_ui_timeout(struct ui *u, long long now)
{
	struct lesson_ui *lu = u->lesson;
	long long left;

	if (!lesson_ui_active(u) || lu->done || !lu->pending ||
	    !lu->slow_dirty)
		return -1;
	left = SLOW_EVERY_MS - (now - lu->last_slow_ms);
	return left < 0 ? 0 : (int)left;
}

/* Lines of text wrapped to w, drawn from y; returns the next y. */
static int put_wrapped(const struct rect *r, int y, int ymax, const char *s,
                       enum theme_elem e)
{
	struct lt_lines l = { 0 };

	lt_wrap(&l, LT_TEXT, s, r->w - 1, " ", "   ", false);
	ui_paint(e);
	for (size_t i = 0; i < l.n && y < ymax; i++)
		ui_put(y++, r->x, r->w, l.v[i].s, true);
	lt_free(&l);
	return y;
}

static int clamp_top(int top, int n, int rows)
{
	if (top > n - rows)
		top = n - rows;
	return top < 0 ? 0 : top;
}

static int cols_of(const char *s)
{
	int c = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			c++;
	return c;
}

static enum theme_elem class_elem(enum lt_class c)
{
	switch (c) {
	case LT_HEAD: return TH_HEADER;
	case LT_CMD: return TH_LOG_CMD;
	case LT_WHY: return TH_STATE_DOWN;
	case LT_HINT: return TH_DIM;
	default: return TH_NORMAL;
	}
}

/* The panel: title, progress and the last step done at the top, the keys
 * at the bottom, and between them the whole step wrapped to the panel,
 * scrolled with [ and ]. */
void lesson_ui_draw(struct ui *u, const struct rect *r)
{
	struct lesson_ui *lu = u->lesson;
	const struct lesson_step *st = lesson_step(lu->l, lu->step);
	size_t n = lesson_nsteps(lu->l), steps_done = lu->done ? n : lu->step;
	int y = r->y, ymax = r->y + r->h, bar = 10, len, rows;
	char buf[600], progress[128];
	struct lt_lines body = { 0 }, foot = { 0 };

	len = (int)(steps_done * (size_t)bar / (n ? n : 1));
	snprintf(progress, sizeof progress, "[%.*s%.*s] %zu/%zu", len,
	         "####################", bar - len, "--------------------",
	         steps_done, n);
	snprintf(buf, sizeof buf, "Lesson %d: %.400s", lesson_number(lu->l),
	         lesson_title(lu->l));
	y = put_wrapped(r, y, ymax, buf, TH_PANEL_TITLE_ACTIVE);
	snprintf(buf, sizeof buf, "%s  step %zu: %.400s", progress,
	         lu->step + 1, st->title);
	y = put_wrapped(r, y, ymax, buf, TH_HEADER);
	if (lu->banner[0])
		y = put_wrapped(r, y, ymax, lu->banner, TH_LOG_OK);

	lt_render_step(&body, st, r->w - 2, lu->show_hint, lu->done, lu->why);
	lt_wrap(&foot, LT_TEXT, "h hint . show me </> step [/] scroll L lessons",
	        r->w - 1, " ", " ", false);
	rows = ymax - y - (int)foot.n;
	{
		/* where the view is: after the keys, or on a line of its own */
		char *last = foot.v[foot.n - 1].s;
		int top = clamp_top(lu->text_top, (int)body.n, rows);

		snprintf(buf, sizeof buf, "%s  %d-%d/%zu", last, top + 1,
		         top + rows < (int)body.n ? top + rows : (int)body.n,
		         body.n);
		if (cols_of(buf) <= r->w) {
			free(last);
			foot.v[foot.n - 1].s = xstrdup(buf);
		} else {
			rows--;
			top = clamp_top(lu->text_top, (int)body.n, rows);
			snprintf(buf, sizeof buf, "lines %d-%d of %zu", top + 1,
			         top + rows < (int)body.n ? top + rows :
			         (int)body.n, body.n);
			lt_wrap(&foot, LT_TEXT, buf, r->w - 1, " ", " ", false);
		}
	}
	if (rows < 1)
		rows = 1;
	lu->text_top = clamp_top(lu->text_top, (int)body.n, rows);
	lu->body_rows = rows;
	lu->body_lines = (int)body.n;
	for (int i = 0; i < rows && y < ymax; i++) {
		size_t at = (size_t)(lu->text_top + i);

		if (at < body.n) {
			snprintf(buf, sizeof buf, " %s", body.v[at].s);
			ui_paint(class_elem(body.v[at].cls));
		} else {
			buf[0] = '\0';
			ui_paint(TH_NORMAL);
		}
		ui_put(y++, r->x, r->w, buf, true);
	}
	ui_paint(TH_KEY_LABEL);
	for (size_t i = 0; i < foot.n && y < ymax; i++)
		ui_put(y++, r->x, r->w, foot.v[i].s, true);
	ui_paint(TH_NORMAL);
	while (y < ymax)
		ui_put(y++, r->x, r->w, "", true);
	lt_free(&body);
	lt_free(&foot);
}
/* lesson_env.progress for show me: one line into the log, drawn now */
static void showme_progress(void *ctx, const char *line)
{
	struct ui *u = ctx;

	u->lesson->showme_lines++;
	if (line[0] == '$' && line[1] == ' ')
		ui_log(u, L_CMD, "%s", line + 2);
	else if (!strncmp(line, "error: ", 7))
		ui_log(u, L_ERROR, "%s", line + 7);
	else
		ui_log(u, L_OUTPUT, "%s", line);
	ui_draw(u);
}


bool lesson_ui_key(struct ui *u, int ch)
{
	struct lesson_ui *lu = u->lesson;

	if (!lesson_ui_active(u))
		return false;
	switch (ch) {
	case 'h':
		lu->show_hint = !lu->show_hint;
		if (lu->show_hint && !lesson_step(lu->l, lu->step)->hint)
			ui_log(u, L_INFO, "no hint for this step");
		else if (lu->show_hint)
			lu->text_top = 1 << 20;   /* the hint is at the end */
		break;
	case ']':
		if (lu->text_top + lu->body_rows < lu->body_lines)
			lu->text_top += lu->body_rows;
		break;
	case '[':
		lu->text_top -= lu->body_rows;
		if (lu->text_top < 0)
			lu->text_top = 0;
		break;
	case '.': {
		struct sbuf log = SBUF_INIT;

		ui_log(u, L_INFO, "show me: step %zu", lu->step + 1);
		/* show me runs in the loop's stead (a ping to nowhere takes
		 * its 10 s): each line goes to the log, and the screen, as
		 * it comes, so the learner sees what runs and what it waits
		 * for; the same lines collected in log are not logged twice */
		lu->showme_lines = 0;
		lu->env.progress = showme_progress;
		lu->env.progress_ctx = u;
		lesson_show_me(&lu->env, lesson_step(lu->l, lu->step), &log);
		lu->env.progress = NULL;
		lu->env.progress_ctx = NULL;
		if (log.len && !lu->showme_lines)
			ui_log(u, L_OUTPUT, "%s", sbuf_str(&log));
		sbuf_free(&log);
		lu->slow_dirty = true;
		lu->last_slow_ms = 0;
		break;
	}
	case '>':
		if (lu->step + 1 < lesson_nsteps(lu->l)) {
			lu->done = false;
			lu->banner[0] = '\0';
			go_to(u, lu->step + 1);
		}
		break;
	case '<':
		if (lu->step > 0) {
			lu->done = false;
			lu->banner[0] = '\0';
			go_to(u, lu->step - 1);
		}
		break;
	default:
		return false;
	}
	u->dirty = true;
	return true;
}

/* ---- the lesson picker ----------------------------------------------- */

void lesson_ui_pick_draw(struct ui *u)
{
	struct lesson **v;
	size_t n;
	struct sbuf errs = SBUF_INIT;
	int h, w = 70, y;

	lesson_load_all(&v, &n, &errs);
	h = (int)n + 5;
	if (h > u->rows - 2)
		h = u->rows - 2;
	if (w > u->cols - 2)
		w = u->cols - 2;
	y = (u->rows - h) / 2;
	ui_paint(TH_DIALOG);
	for (int i = 0; i < h; i++)
		ui_put(y + i, (u->cols - w) / 2, w, "", true);
	ui_paint(TH_PANEL_TITLE_ACTIVE);
	ui_put(y, (u->cols - w) / 2 + 2, w - 4, " Lessons (Enter starts, Esc closes) ", true);
	if (u->pick_sel >= (int)n)
		u->pick_sel = n ? (int)n - 1 : 0;
	for (size_t i = 0; i < n && (int)i < h - 4; i++) {
		char buf[300];
		int at;

		if (lesson_progress_load(lesson_number(v[i]), &at) < 0)
			at = 0;
		snprintf(buf, sizeof buf, " %2d  %-44.44s %2zu steps  %s",
		         lesson_number(v[i]), lesson_title(v[i]),
		         lesson_nsteps(v[i]),
		         (size_t)at >= lesson_nsteps(v[i]) ? "done" :
		         at ? "started" : "");
		ui_paint((int)i == u->pick_sel ? TH_SELECTED : TH_DIALOG);
		ui_put(y + 2 + (int)i, (u->cols - w) / 2 + 1, w - 2, buf, true);
	}
	if (!n) {
		ui_paint(TH_DIALOG);
		ui_put(y + 2, (u->cols - w) / 2 + 2, w - 4, "no lessons installed", true);
	}
	u->pick_n = (int)n;
	u->pick_numbers_first = n ? lesson_number(v[0]) : 0;
	free(u->pick_numbers);
	u->pick_numbers = xcalloc(n + 1, sizeof *u->pick_numbers);
	for (size_t i = 0; i < n; i++)
		u->pick_numbers[i] = lesson_number(v[i]);
	lesson_free_all(v, n);
	sbuf_free(&errs);
}

void lesson_ui_pick_key(struct ui *u, int ch)
{
	switch (ch) {
	case KEY_UP: case 'k':
		if (u->pick_sel > 0)
			u->pick_sel--;
		break;
	case KEY_DOWN: case 'j':
		if (u->pick_sel + 1 < u->pick_n)
			u->pick_sel++;
		break;
	case '\n': case '\r': case KEY_ENTER:
		u->modal = M_NONE;
		if (u->pick_sel < u->pick_n && u->pick_numbers) {
			int at = 0;
			int num = u->pick_numbers[u->pick_sel];
			if (lesson_progress_load(num, &at) < 0)
				at = 0;
			/* a lesson starts from an empty world */
			lesson_ui_fresh_world(u);
			if (lesson_ui_start(u, num, at) == 0 && u->o.sandbox)
				snprintf(u->lesson->banner,
				         sizeof u->lesson->banner,
				         "A fresh world for this lesson (the log "
				         "says what went)");
		}
		break;
	default:
		u->modal = M_NONE;
		break;
	}
	u->dirty = true;
}

static bool lesson_beside(const struct ui *u)
{
	return u->lesson && u->screen != S_MAP &&
	       lesson_ui_active(u);
}

static void lesson_tick(struct ui *u, long long now)
{
	if (lesson_ui_active(u))
		lesson_ui_check(u, now);
}

static void lesson_k(struct ui *u, int ch)
{
	lesson_ui_key(u, ch);
}

static const struct ui_key lesson_keys[] = {
	{ { 'h' }, NULL, NULL, "a hint", lesson_k },
	{ { '.' }, NULL, NULL, "show me: run the step", lesson_k },
	{ { '>', '<' }, "> <", NULL, "the next, the previous step",
	  lesson_k },
	{ { ']', '[' }, "] [", NULL, "scroll the text", lesson_k },
};

const struct ui_view ui_view_lesson = {
	.title = "The lesson",
	.tick = lesson_tick,
	.wait_ms = lesson_ui_timeout,
	.keys = UI_KEYS(lesson_keys),
	.active = lesson_beside,
	.free = lesson_ui_stop,
};
