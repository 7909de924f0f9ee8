/* SPDX-License-Identifier: GPL-2.0-or-later */
/* load.c - finding the lesson files: the user's, the build tree's, the
 * installed ones.  No kernel: only files. */
#include "lesson/priv.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/sbuf.h"
#include "util/uninstalled.h"

/* lesson files read from one directory at most */
#define LESSON_DIR_MAX 1000

#ifndef NSVIZ_DATADIR
#define NSVIZ_DATADIR "/usr/local/share/nsviz"
#endif

/* What a file that is not a regular file is, for a message. */
static const char *file_kind(mode_t m)
{
	return S_ISDIR(m) ? "a directory" : S_ISFIFO(m) ? "a FIFO"
	       : S_ISCHR(m) ? "a character device" : S_ISBLK(m) ? "a block device"
	       : S_ISSOCK(m) ? "a socket" : "of another kind";
}

/* A lesson file's bytes (*len of them, NUL-terminated), or NULL with the
 * reason in why.  Only a regular file (a symlink to one is fine) of at
 * most LESSON_FILE_MAX bytes: a FIFO would block, a device need not end;
 * neither is opened. */
static char *read_lesson(const char *path, size_t *len, char *why,
                         size_t whylen)
{
	struct stat st, fst;
	char *buf;
	size_t n = 0;
	int fd;

	if (stat(path, &st) < 0) {
		snprintf(why, whylen, "%s", errno == ENOENT
		         ? "a symbolic link to nothing" : strerror(errno));
		return NULL;
	}
	if (!S_ISREG(st.st_mode)) {
		snprintf(why, whylen, "not a regular file (%s)",
		         file_kind(st.st_mode));
		return NULL;
	}
	if (st.st_size > LESSON_FILE_MAX)
		goto too_big;
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
	if (fd < 0) {
		snprintf(why, whylen, "%s", strerror(errno));
		return NULL;
	}
	/* the file opened is the one looked at */
	if (fstat(fd, &fst) < 0 || !S_ISREG(fst.st_mode) ||
	    fst.st_dev != st.st_dev || fst.st_ino != st.st_ino) {
		close(fd);
		snprintf(why, whylen, "changed while being opened");
		return NULL;
	}
	buf = xmalloc(LESSON_FILE_MAX + 2);
	for (;;) {
		ssize_t r = read(fd, buf + n, LESSON_FILE_MAX + 1 - n);

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			snprintf(why, whylen, "%s", strerror(errno));
			close(fd);
			free(buf);
			return NULL;
		}
		if (r == 0)
			break;
		n += (size_t)r;
		if (n > LESSON_FILE_MAX) {
			close(fd);
			free(buf);
			goto too_big;
		}
	}
	close(fd);
	buf[n] = '\0';
	*len = n;
	return buf;
too_big:
	snprintf(why, whylen, "larger than %d MiB (not a lesson file)",
	         LESSON_FILE_MAX / (1024 * 1024));
	return NULL;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int cmp_lessons(const void *a, const void *b)
{
	const struct lesson *x = *(struct lesson *const *)a;
	const struct lesson *y = *(struct lesson *const *)b;

	return (x->number > y->number) - (x->number < y->number);
}

static bool has_suffix(const char *s, const char *suf)
{
	size_t n = strlen(s), m = strlen(suf);

	return n > m && !strcmp(s + n - m, suf);
}

struct acc {
	struct lesson **v;
	size_t n, cap;
	size_t dir_start;       /* first lesson of the directory being read */
	int ndirs;              /* directories read so far */
	char user_dir[PATH_MAX];        /* the learner's own, or "" */
};

/* The learner's own lessons: $XDG_DATA_HOME/nsviz/lessons, or
 * ~/.local/share/nsviz/lessons; "" when neither can be said. */
static void user_dir(char *buf, size_t len)
{
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	int r = -1;

	if (xdg && xdg[0] == '/')
		r = snprintf(buf, len, "%s/nsviz/lessons", xdg);
	else if (home && *home)
		r = snprintf(buf, len, "%s/.local/share/nsviz/lessons", home);
	if (r < 0 || (size_t)r >= len)
		buf[0] = '\0';
}

/* A number is one lesson.  Among the shipped directories the first one
 * read wins (the build tree's over the installed ones).  A learner's own
 * lesson never replaces a shipped one: it is refused, so that "lesson 3"
 * means the same lesson in every book and on every machine. */
static void resolve_numbers(struct acc *a, struct sbuf *errs)
{
	bool *drop = xcalloc(a->n + 1, sizeof *drop);
	size_t out = 0;

	for (size_t i = 0; i < a->n; i++) {
		const struct lesson *l = a->v[i], *best = NULL;

		for (size_t k = 0; k < a->n; k++) {
			const struct lesson *o = a->v[k];

			/* shipped ones first, then the first directory */
			if (o->number == l->number &&
			    (!best || (best->user && !o->user) ||
			     (best->user == o->user && o->dirno < best->dirno)))
				best = o;
		}
		if (best == l)
			continue;
		drop[i] = true;
		if (l->user && !best->user && errs)
			sbuf_printf(errs, "%s:%d: lesson %d is the shipped lesson "
			            "\"%s\" (%s): give yours a number of its own\n",
			            l->filename, l->line, l->number, best->title,
			            best->filename);
	}
	for (size_t i = 0; i < a->n; i++) {
		if (drop[i])
			lesson_free(a->v[i]);
		else
			a->v[out++] = a->v[i];
	}
	a->n = out;
	free(drop);
}

static void load_dir(const char *dir, struct acc *a, struct sbuf *errs)
{
	bool user = a->user_dir[0] && !strcmp(dir, a->user_dir);
	DIR *d = opendir(dir);
	struct dirent *de;
	char **names = NULL;
	size_t nn = 0, cap = 0;

	if (!d) {
		if (errno != ENOENT && errno != ENOTDIR && errs)
			sbuf_printf(errs, "%s: %s\n", dir, strerror(errno));
		return;
	}
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.' || !has_suffix(de->d_name, ".lesson"))
			continue;
		if (!lesson_is_text(de->d_name, strlen(de->d_name)) ||
		    strchr(de->d_name, '\t')) {
			/* its name would reach the terminal in every message */
			if (errs) {
				sbuf_printf(errs, "%s/", dir);
				for (const char *p = de->d_name; *p; p++)
					sbuf_addc(errs, (unsigned char)*p < 0x20 ||
					          (unsigned char)*p >= 0x7f ? '?' : *p);
				sbuf_add(errs, ": a file name that is not text "
				         "(control characters): skipped\n");
			}
			continue;
		}
		if (nn == LESSON_DIR_MAX) {
			if (errs)
				sbuf_printf(errs, "%s: more than %d lesson files: "
				            "the others are skipped\n", dir,
				            LESSON_DIR_MAX);
			break;
		}
		xgrow((void **)&names, &cap, nn + 1, sizeof *names);
		names[nn++] = xstrdup(de->d_name);
	}
	closedir(d);
	a->ndirs++;
	if (nn)
		qsort(names, nn, sizeof *names, cmp_names);
	a->dir_start = a->n;
	for (size_t i = 0; i < nn; i++) {
		char path[PATH_MAX], err[1024];
		struct lesson *l;
		char *text;
		size_t k, len = 0;

		if (snprintf(path, sizeof path, "%s/%s", dir, names[i]) >=
		    (int)sizeof path)
			continue;
		text = read_lesson(path, &len, err, sizeof err);
		if (!text) {
			if (errs)
				sbuf_printf(errs, "%s: %s\n", path, err);
			continue;
		}
		if (lesson_parse_buf(text, len, path, &l, err, sizeof err) < 0) {
			if (errs)
				sbuf_printf(errs, "%s\n", err);
			free(text);
			continue;
		}
		free(text);
		l->user = user;
		l->dirno = a->ndirs;
		for (k = a->dir_start; k < a->n; k++)
			if (a->v[k]->number == l->number)
				break;
		if (k < a->n) {
			/* two files of one directory with one number is a
			 * mistake */
			if (errs)
				sbuf_printf(errs, "%s:%d: lesson %d is also %s\n",
				            path, l->line, l->number,
				            a->v[k]->filename);
			lesson_free(l);
			continue;
		}
		xgrow((void **)&a->v, &a->cap, a->n + 1, sizeof *a->v);
		a->v[a->n++] = l;
	}
	for (size_t i = 0; i < nn; i++)
		free(names[i]);
	free(names);
}

int lesson_load_all(struct lesson ***out, size_t *n, struct sbuf *errs)
{
	struct acc a;
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	const char *env = getenv("NSVIZ_LESSONS_DIR");
	char dir[PATH_MAX];

	memset(&a, 0, sizeof a);
	user_dir(a.user_dir, sizeof a.user_dir);
	if (xdg && *xdg && xdg[0] == '/') {
		if (snprintf(dir, sizeof dir, "%s/nsviz/lessons", xdg) <
		    (int)sizeof dir)
			load_dir(dir, &a, errs);
	} else if (home && *home) {
		if (snprintf(dir, sizeof dir, "%s/.local/share/nsviz/lessons",
		             home) < (int)sizeof dir)
			load_dir(dir, &a, errs);
	}
	/* run from its build tree, the source tree's lessons stand in for
	 * an unset NSVIZ_LESSONS_DIR */
	if (env && *env)
		load_dir(env, &a, errs);
	else if (uninstalled_dir("lessons", dir, sizeof dir))
		load_dir(dir, &a, errs);
	load_dir(NSVIZ_DATADIR "/lessons", &a, errs);
	resolve_numbers(&a, errs);
	if (a.n)
		qsort(a.v, a.n, sizeof *a.v, cmp_lessons);
	*out = a.v;
	*n = a.n;
	return (int)a.n;
}

void lesson_free_all(struct lesson **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		lesson_free(v[i]);
	free(v);
}
