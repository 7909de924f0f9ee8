/* SPDX-License-Identifier: GPL-2.0-or-later */
/* uninstalled.c - run from its build tree, nsviz finds the lessons and
 * themes of its source tree without an environment variable.
 *
 * configure's absolute source and build directories are compiled in; the
 * source tree is used only when the running binary (/proc/self/exe, links
 * resolved) sits in that build directory, so a copy installed elsewhere
 * never looks there. */
#include "util/uninstalled.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

bool uninstalled_dir(const char *sub, char *buf, size_t len)
{
#if defined(NSVIZ_SRCDIR) && defined(NSVIZ_BUILDDIR)
	char exe[PATH_MAX];
	struct stat here, build;
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	char *slash;
	int r;

	if (n <= 0)
		return false;
	exe[n] = '\0';
	slash = strrchr(exe, '/');
	if (!slash || slash == exe)
		return false;
	*slash = '\0';
	/* the same directory, however it is spelled (symbolic links) */
	if (stat(exe, &here) < 0 || stat(NSVIZ_BUILDDIR, &build) < 0 ||
	    here.st_dev != build.st_dev || here.st_ino != build.st_ino)
		return false;
	r = snprintf(buf, len, "%s/%s", NSVIZ_SRCDIR, sub);
	return r > 0 && (size_t)r < len;
#else
	(void)sub;
	(void)buf;
	(void)len;
	return false;
#endif
}
