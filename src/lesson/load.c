/* load.c - finding the lesson files: the user's, the build tree's, the
 * installed ones.  No kernel: only files. */
#include "lesson/priv.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util/sbuf.h"
#include "util/uninstalled.h"

#ifndef NSVIZ_DATADIR
#define NSVIZ_DATADIR "/usr/local/share/nsviz"
#endif

#define LESSON_FILE_MAX (1024 * 1024)

/* The whole file, NUL-terminated; NULL with errno (EFBIG when larger
 * than LESSON_FILE_MAX). */
static char *slurp(const char *path)
{
	FILE *f = fopen(path, "re");
	struct sbuf b = SBUF_INIT;
	char buf[8192];
	size_t n;

	if (!f)
		return NULL;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
		if (b.len + n > LESSON_FILE_MAX) {
			fclose(f);
			sbuf_free(&b);
			errno = EFBIG;
			return NULL;
		}
		sbuf_addn(&b, buf, n);
	}
	if (ferror(f)) {
		int e = errno;
		fclose(f);
		sbuf_free(&b);
		errno = e;
		return NULL;
	}
	fclose(f);
	if (!b.s)
		return xstrdup("");
	return b.s;
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
};

static void load_dir(const char *dir, struct acc *a, struct sbuf *errs)
{
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
		xgrow((void **)&names, &cap, nn + 1, sizeof *names);
		names[nn++] = xstrdup(de->d_name);
	}
	closedir(d);
	if (nn)
		qsort(names, nn, sizeof *names, cmp_names);
	a->dir_start = a->n;
	for (size_t i = 0; i < nn; i++) {
		char path[PATH_MAX], err[1024];
		struct lesson *l;
		struct stat st;
		char *text;
		size_t k;

		if (snprintf(path, sizeof path, "%s/%s", dir, names[i]) >=
		    (int)sizeof path)
			continue;
		if (stat(path, &st) == 0 && !S_ISREG(st.st_mode))
			continue;
		text = slurp(path);
		if (!text) {
			if (errs)
				sbuf_printf(errs, "%s: %s\n", path,
				            errno == EFBIG ? "larger than 1 MiB"
				                           : strerror(errno));
			continue;
		}
		if (lesson_parse(text, path, &l, err, sizeof err) < 0) {
			if (errs)
				sbuf_printf(errs, "%s\n", err);
			free(text);
			continue;
		}
		free(text);
		for (k = 0; k < a->n; k++)
			if (a->v[k]->number == l->number)
				break;
		if (k < a->n) {
			/* an earlier directory's lesson wins; two files of one
			 * directory with one number is a mistake */
			if (k >= a->dir_start && errs)
				sbuf_printf(errs, "%s:1: lesson %d is also %s\n",
				            path, l->number, a->v[k]->filename);
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
	struct acc a = { NULL, 0, 0, 0 };
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	const char *env = getenv("NSVIZ_LESSONS_DIR");
	char dir[PATH_MAX];

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
