/* SPDX-License-Identifier: GPL-2.0-or-later */
/* config.c - the UI's config file: `key value` lines, # comments. */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ui/config.h"

#define READ_MAX (1024 * 1024)

void config_defaults(struct ui_config *c)
{
	memset(c, 0, sizeof *c);
	snprintf(c->theme, sizeof c->theme, "dark");
	c->ascii = 0;
	c->mouse = 1;
	c->confirm_delete = 1;
}

static int errf(char *err, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int errf(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	if (err && errlen) {
		va_start(ap, fmt);
		vsnprintf(err, errlen, fmt, ap);
		va_end(ap);
	}
	return -1;
}

static int parse_bool(const char *v, int *out)
{
	static const char *const yes[] = { "yes", "on", "true", "1" };
	static const char *const no[] = { "no", "off", "false", "0" };

	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
		if (strcasecmp(v, yes[i]) == 0) {
			*out = 1;
			return 0;
		}
		if (strcasecmp(v, no[i]) == 0) {
			*out = 0;
			return 0;
		}
	}
	return -1;
}

/* One line (modified in place): 0, or -1 with err. */
static int parse_line(char *line, const char *fn, int lineno,
                      struct ui_config *c, char *err, size_t errlen)
{
	char *w[3];
	int n = 0;
	char *p = line;
	char sh[64];
	const char *bad = config_bad_char(line);

	if (bad)
		return errf(err, errlen, "%s:%d: control character 0x%02x: not a "
		            "text file", fn, lineno, (unsigned char)*bad);

	for (;;) {
		while (*p && isspace((unsigned char)*p))
			p++;
		if (!*p || *p == '#')
			break;
		if (n == 3)
			break;
		w[n++] = p;
		while (*p && !isspace((unsigned char)*p))
			p++;
		if (*p)
			*p++ = '\0';
	}
	if (n == 0)
		return 0;
	if (n == 3)
		return errf(err, errlen, "%s:%d: %s: expected one value, got more",
		            fn, lineno, config_shown(w[0], sh, sizeof sh));

	if (strcmp(w[0], "theme") == 0) {
		if (n < 2)
			return errf(err, errlen, "%s:%d: theme: missing theme name",
			            fn, lineno);
		if (strlen(w[1]) >= sizeof c->theme)
			return errf(err, errlen, "%s:%d: theme: name too long (at most "
			            "%zu characters)", fn, lineno, sizeof c->theme - 1);
		snprintf(c->theme, sizeof c->theme, "%s", w[1]);
		return 0;
	}

	int *flag;

	if (strcmp(w[0], "ascii") == 0)
		flag = &c->ascii;
	else if (strcmp(w[0], "mouse") == 0)
		flag = &c->mouse;
	else if (strcmp(w[0], "confirm-delete") == 0)
		flag = &c->confirm_delete;
	else
		return errf(err, errlen, "%s:%d: unknown key '%s' (theme, ascii, "
		            "mouse or confirm-delete)", fn, lineno,
		            config_shown(w[0], sh, sizeof sh));
	if (n < 2)
		return errf(err, errlen, "%s:%d: %s: missing value (yes or no)",
		            fn, lineno, w[0]);
	if (parse_bool(w[1], flag) < 0)
		return errf(err, errlen, "%s:%d: %s: expected yes or no, not '%s'",
		            fn, lineno, w[0], config_shown(w[1], sh, sizeof sh));
	return 0;
}

int config_parse(const char *text, const char *filename, struct ui_config *c,
                 char *err, size_t errlen)
{
	const char *fn = filename ? filename : "<string>";
	struct ui_config tmp;
	const char *p = text;
	int lineno = 0;

	if (err && errlen)
		err[0] = '\0';
	config_defaults(&tmp);
	while (*p) {
		const char *eol = strchr(p, '\n');
		size_t n = eol ? (size_t)(eol - p) : strlen(p);
		char *line = malloc(n + 1);
		int rc;

		lineno++;
		if (!line) {
			config_defaults(c);
			return errf(err, errlen, "%s:%d: out of memory", fn, lineno);
		}
		memcpy(line, p, n);
		line[n] = '\0';
		p = eol ? eol + 1 : p + n;
		rc = parse_line(line, fn, lineno, &tmp, err, errlen);
		free(line);
		if (rc < 0) {
			config_defaults(c);
			return -1;
		}
	}
	*c = tmp;
	return 0;
}

int config_dir(char *buf, size_t len)
{
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");
	int r;

	/* The XDG spec: a relative XDG_CONFIG_HOME is invalid, ignore it. */
	if (xdg && xdg[0] == '/') {
		r = snprintf(buf, len, "%s/nsviz", xdg);
		return r < 0 || (size_t)r >= len ? -1 : 0;
	}
	if (!home || !*home) {
		struct passwd *pw = getpwuid(getuid());

		home = pw && pw->pw_dir && *pw->pw_dir ? pw->pw_dir : NULL;
	}
	if (!home)
		return -1;
	r = snprintf(buf, len, "%s/.config/nsviz", home);
	return r < 0 || (size_t)r >= len ? -1 : 0;
}

int config_path(char *buf, size_t len)
{
	size_t n;

	if (config_dir(buf, len) < 0)
		return -1;
	n = strlen(buf);
	if (n + sizeof "/config" > len)
		return -1;
	memcpy(buf + n, "/config", sizeof "/config");
	return 0;
}

static const char *file_kind(mode_t m)
{
	if (S_ISFIFO(m))
		return "a FIFO";
	if (S_ISCHR(m))
		return "a character device";
	if (S_ISBLK(m))
		return "a block device";
	if (S_ISSOCK(m))
		return "a socket";
	return "not a plain file";
}

int config_read_text(const char *path, char **text, char *err, size_t errlen)
{
	struct stat st;
	char *buf = NULL, *nul;
	size_t len = 0;
	int fd, e;

	*text = NULL;
	if (err && errlen)
		err[0] = '\0';
	/* O_NONBLOCK: opening a FIFO without a writer must not wait */
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
	if (fd < 0)
		goto fail;
	if (fstat(fd, &st) < 0)
		goto fail;
	if (S_ISDIR(st.st_mode)) {
		errno = EISDIR;
		goto fail;
	}
	if (!S_ISREG(st.st_mode)) {
		errf(err, errlen, "%s: not a regular file (%s)", path,
		     file_kind(st.st_mode));
		errno = EINVAL;
		goto fail_msg;
	}
	if (st.st_size > READ_MAX) {
		errf(err, errlen, "%s: too large (%lld bytes; at most 1 MiB)",
		     path, (long long)st.st_size);
		errno = EFBIG;
		goto fail_msg;
	}
	buf = malloc(READ_MAX + 1);
	if (!buf)
		goto fail;
	for (;;) {
		ssize_t r = read(fd, buf + len, READ_MAX + 1 - len);

		if (r < 0) {
			if (errno == EINTR)
				continue;
			goto fail;
		}
		if (r == 0)
			break;
		len += (size_t)r;
		if (len > READ_MAX) {
			errf(err, errlen, "%s: too large (more than 1 MiB)", path);
			errno = EFBIG;
			goto fail_msg;
		}
	}
	nul = memchr(buf, '\0', len);
	if (nul) {
		int line = 1;

		for (const char *q = buf; q < nul; q++)
			line += *q == '\n';
		errf(err, errlen, "%s:%d: a NUL byte: not a text file", path, line);
		errno = EINVAL;
		goto fail_msg;
	}
	close(fd);
	buf[len] = '\0';
	*text = buf;
	return 0;
fail:
	errf(err, errlen, "%s: %s", path, strerror(errno));
fail_msg:
	e = errno;
	free(buf);
	if (fd >= 0)
		close(fd);
	errno = e;
	return -1;
}

int config_read_file(const char *path, char **text)
{
	return config_read_text(path, text, NULL, 0);
}

const char *config_bad_char(const char *line)
{
	for (const char *p = line; *p; p++)
		if (((unsigned char)*p < 0x20 && *p != '\t' && *p != '\r') ||
		    *p == 0x7f)
			return p;
	return NULL;
}

const char *config_shown(const char *word, char *buf, size_t len)
{
	size_t o = 0, shown = 0;

	for (const char *p = word; *p; p++) {
		unsigned char ch = (unsigned char)*p;
		bool plain = ch >= 0x20 && ch < 0x7f;

		/* room for this byte, "..." and the NUL */
		if (shown == 40 || o + (plain ? 1 : 4) + 3 >= len) {
			memcpy(buf + o, "...", 3);
			o += 3;
			break;
		}
		if (plain)
			buf[o++] = (char)ch;
		else
			o += (size_t)snprintf(buf + o, len - o, "\\x%02x", ch);
		shown++;
	}
	buf[o] = '\0';
	return buf;
}

int config_load(struct ui_config *c, char *err, size_t errlen)
{
	char path[4096];
	char *text;
	int rc;

	if (err && errlen)
		err[0] = '\0';
	config_defaults(c);
	if (config_path(path, sizeof path) < 0)
		return 0;   /* no home: nothing to read */
	if (config_read_text(path, &text, err, errlen) < 0) {
		if (errno == ENOENT || errno == ENOTDIR) {
			if (err && errlen)
				err[0] = '\0';
			return 0;
		}
		return -1;
	}
	rc = config_parse(text, path, c, err, errlen);
	free(text);
	return rc;
}
