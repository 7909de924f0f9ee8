/* SPDX-License-Identifier: GPL-2.0-or-later */
/* history.c - the `:` line's history file. */
#include "ui/history.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/sbuf.h"

int history_path(char *buf, size_t len)
{
	const char *xdg = getenv("XDG_STATE_HOME");
	const char *home = getenv("HOME");
	int r;

	/* the XDG spec: a relative XDG_STATE_HOME is invalid, ignore it */
	if (xdg && xdg[0] == '/')
		r = snprintf(buf, len, "%s/nsviz/history", xdg);
	else if (home && home[0] == '/')
		r = snprintf(buf, len, "%s/.local/state/nsviz/history", home);
	else
		return -1;
	return r < 0 || (size_t)r >= len ? -1 : 0;
}

bool history_keepable(const char *line)
{
	size_t n = 0;

	for (const unsigned char *p = (const unsigned char *)line; *p; p++, n++)
		if (*p < 32 || *p > 126)
			return false;
	return n > 0 && n <= HISTORY_LINE_MAX;
}

int history_load(const char *path, char **lines, int max)
{
	FILE *f = fopen(path, "re");
	char buf[HISTORY_LINE_MAX + 2];
	int n = 0;
	bool whole = true;

	if (!f || max <= 0) {
		if (f)
			fclose(f);
		return 0;
	}
	while (fgets(buf, sizeof buf, f)) {
		size_t len = strlen(buf);
		bool ends = len && buf[len - 1] == '\n';
		bool was_whole = whole;

		/* a line longer than the buffer is skipped, all of it */
		whole = ends;
		if (!was_whole)
			continue;
		if (!ends && !feof(f))
			continue;
		if (ends)
			buf[--len] = '\0';
		if (!history_keepable(buf))
			continue;
		if (n == max) {
			free(lines[0]);
			memmove(lines, lines + 1, (size_t)(max - 1) * sizeof *lines);
			n--;
		}
		lines[n++] = xstrdup(buf);
	}
	fclose(f);
	return n;
}

/* mkdir -p the directory part of path, 0700 for what is made */
static int make_dirs(const char *path)
{
	char d[4096];
	size_t len = strlen(path);

	if (len >= sizeof d)
		return errno = ENAMETOOLONG, -1;
	memcpy(d, path, len + 1);
	for (char *p = d + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(d, 0700) < 0 && errno != EEXIST)
			return -1;
		*p = '/';
	}
	return 0;
}

int history_save(const char *path, char *const *lines, int n)
{
	struct sbuf b = SBUF_INIT;
	char tmp[4200];
	int fd, first = 0, kept = 0, err;
	size_t off = 0;

	if (snprintf(tmp, sizeof tmp, "%s.tmp.%ld", path, (long)getpid()) >=
	    (int)sizeof tmp)
		return errno = ENAMETOOLONG, -1;
	/* the newest HISTORY_MAX that are kept */
	for (first = n; first > 0 && kept < HISTORY_MAX; first--)
		if (history_keepable(lines[first - 1]))
			kept++;
	for (int i = first; i < n; i++)
		if (history_keepable(lines[i]))
			sbuf_printf(&b, "%s\n", lines[i]);
	if (make_dirs(path) < 0) {
		sbuf_free(&b);
		return -1;
	}
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW,
	          0600);
	if (fd < 0) {
		sbuf_free(&b);
		return -1;
	}
	while (off < b.len) {
		ssize_t w = write(fd, sbuf_str(&b) + off, b.len - off);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			goto fail;
		off += (size_t)w;
	}
	if (close(fd) < 0) {
		fd = -1;
		goto fail;
	}
	fd = -1;
	if (rename(tmp, path) < 0)
		goto fail;
	sbuf_free(&b);
	return 0;
fail:
	err = errno;
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	sbuf_free(&b);
	errno = err;
	return -1;
}
