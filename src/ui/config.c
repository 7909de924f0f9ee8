/* config.c - the UI's config file: `key value` lines, # comments. */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdarg.h>
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
		            fn, lineno, w[0]);

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
		            "mouse or confirm-delete)", fn, lineno, w[0]);
	if (n < 2)
		return errf(err, errlen, "%s:%d: %s: missing value (yes or no)",
		            fn, lineno, w[0]);
	if (parse_bool(w[1], flag) < 0)
		return errf(err, errlen, "%s:%d: %s: expected yes or no, not '%s'",
		            fn, lineno, w[0], w[1]);
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

int config_read_file(const char *path, char **text)
{
	struct stat st;
	char *buf;
	size_t len = 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	*text = NULL;
	if (fd < 0)
		return -1;
	if (fstat(fd, &st) < 0)
		goto fail;
	if (S_ISDIR(st.st_mode)) {
		errno = EISDIR;
		goto fail;
	}
	buf = malloc(READ_MAX + 1);
	if (!buf)
		goto fail;
	for (;;) {
		ssize_t r = read(fd, buf + len, READ_MAX + 1 - len);

		if (r < 0) {
			if (errno == EINTR)
				continue;
			free(buf);
			goto fail;
		}
		if (r == 0)
			break;
		len += (size_t)r;
		if (len > READ_MAX) {
			free(buf);
			errno = EFBIG;
			goto fail;
		}
	}
	close(fd);
	buf[len] = '\0';
	*text = buf;
	return 0;
fail:
	{
		int e = errno;

		close(fd);
		errno = e;
	}
	return -1;
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
	if (config_read_file(path, &text) < 0) {
		if (errno == ENOENT || errno == ENOTDIR)
			return 0;
		return errf(err, errlen, "%s: %s", path, strerror(errno));
	}
	rc = config_parse(text, path, c, err, errlen);
	free(text);
	return rc;
}
