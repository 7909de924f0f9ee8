/* SPDX-License-Identifier: GPL-2.0-or-later */
/* progress.c - where the learner was, so `nsviz lesson` resumes there.
 *
 * One small text file, $XDG_STATE_HOME/nsviz/lessons.progress (default
 * ~/.local/state/nsviz/lessons.progress):
 *
 *     # nsviz lesson progress
 *     last 3
 *     lesson 1 step 5
 *     lesson 3 step 2
 *
 * `lesson N step S`: resume lesson N at step S (counted from 0; the
 * number of steps means completed).  `last N`: the lesson last worked
 * on.  Rewritten whole each time, under a temporary name in the same
 * directory and renamed over the old one, so a crash leaves either the
 * old file or the new one, never half of one.  Unknown lines are
 * ignored (and dropped). */
#include "lesson/lesson.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/sbuf.h"

#define MAX_ENTRIES 1000

struct entry { int lesson, step; };

struct progress {
	struct entry e[MAX_ENTRIES];
	size_t n;
	int last;               /* 0 = none */
};

/* The directory (created when make is set) and the file. */
static int paths(char *dir, char *file, bool make)
{
	const char *xdg = getenv("XDG_STATE_HOME");
	const char *home = getenv("HOME");
	int r;

	if (xdg && xdg[0] == '/')
		r = snprintf(dir, PATH_MAX, "%s/nsviz", xdg);
	else if (home && *home)
		r = snprintf(dir, PATH_MAX, "%s/.local/state/nsviz", home);
	else {
		errno = ENOENT;
		return -1;
	}
	if (r < 0 || r >= PATH_MAX - 32) {
		errno = ENAMETOOLONG;
		return -1;
	}
	snprintf(file, PATH_MAX, "%s/lessons.progress", dir);
	if (make) {
		/* mkdir -p, private as XDG wants */
		char tmp[PATH_MAX];

		snprintf(tmp, sizeof tmp, "%s", dir);
		for (char *p = tmp + 1; *p; p++) {
			if (*p != '/')
				continue;
			*p = '\0';
			if (mkdir(tmp, 0700) < 0 && errno != EEXIST)
				return -1;
			*p = '/';
		}
		if (mkdir(tmp, 0700) < 0 && errno != EEXIST)
			return -1;
	}
	return 0;
}

static void read_progress(struct progress *pr)
{
	char dir[PATH_MAX], file[PATH_MAX];
	char line[256];
	FILE *f;

	memset(pr, 0, sizeof *pr);
	if (paths(dir, file, false) < 0 || !(f = fopen(file, "re")))
		return;
	while (fgets(line, sizeof line, f)) {
		int a, b;
		char tail;

		if (sscanf(line, "lesson %d step %d %c", &a, &b, &tail) == 2 &&
		    a > 0 && b >= 0 && pr->n < MAX_ENTRIES) {
			size_t k;

			for (k = 0; k < pr->n; k++)
				if (pr->e[k].lesson == a)
					break;
			pr->e[k].lesson = a;
			pr->e[k].step = b;
			if (k == pr->n)
				pr->n++;
		} else if (sscanf(line, "last %d %c", &a, &tail) == 1 && a > 0) {
			pr->last = a;
		}
	}
	fclose(f);
}

int lesson_progress_load(int lesson, int *step)
{
	struct progress *pr = xmalloc(sizeof *pr);
	int rc = -1;

	read_progress(pr);
	for (size_t k = 0; k < pr->n; k++) {
		if (pr->e[k].lesson == lesson) {
			*step = pr->e[k].step;
			rc = 0;
		}
	}
	free(pr);
	return rc;
}

int lesson_progress_last(int *lesson)
{
	struct progress *pr = xmalloc(sizeof *pr);
	int rc = -1;

	read_progress(pr);
	if (pr->last > 0) {
		*lesson = pr->last;
		rc = 0;
	}
	free(pr);
	return rc;
}

static int cmp_entry(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;

	return (x->lesson > y->lesson) - (x->lesson < y->lesson);
}

int lesson_progress_save(int lesson, int step)
{
	char dir[PATH_MAX], file[PATH_MAX], tmp[PATH_MAX + 16];
	struct progress *pr;
	struct sbuf b = SBUF_INIT;
	size_t k;
	int fd, e;
	ssize_t w;

	if (lesson <= 0 || step < 0) {
		errno = EINVAL;
		return -1;
	}
	if (paths(dir, file, true) < 0)
		return -1;
	pr = xmalloc(sizeof *pr);
	read_progress(pr);
	for (k = 0; k < pr->n; k++)
		if (pr->e[k].lesson == lesson)
			break;
	if (k == pr->n && pr->n == MAX_ENTRIES)
		k = pr->n - 1;          /* full: forget the last one */
	pr->e[k].lesson = lesson;
	pr->e[k].step = step;
	if (k == pr->n)
		pr->n++;
	pr->last = lesson;
	qsort(pr->e, pr->n, sizeof pr->e[0], cmp_entry);
	sbuf_add(&b, "# nsviz lesson progress: the step to resume each lesson "
	         "at (from 0)\n");
	sbuf_printf(&b, "last %d\n", pr->last);
	for (k = 0; k < pr->n; k++)
		sbuf_printf(&b, "lesson %d step %d\n", pr->e[k].lesson,
		            pr->e[k].step);
	free(pr);

	snprintf(tmp, sizeof tmp, "%s.XXXXXX", file);
	fd = mkostemp(tmp, O_CLOEXEC);
	if (fd < 0) {
		sbuf_free(&b);
		return -1;
	}
	w = write(fd, b.s, b.len);
	e = errno;
	if (w != (ssize_t)b.len || fsync(fd) < 0) {
		if (w >= 0 && w != (ssize_t)b.len)
			e = EIO;
		else if (w == (ssize_t)b.len)
			e = errno;
		close(fd);
		unlink(tmp);
		sbuf_free(&b);
		errno = e;
		return -1;
	}
	sbuf_free(&b);
	if (close(fd) < 0 || rename(tmp, file) < 0) {
		e = errno;
		unlink(tmp);
		errno = e;
		return -1;
	}
	return 0;
}
