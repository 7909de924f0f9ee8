/* SPDX-License-Identifier: GPL-2.0-or-later */
/* history.h - the `:` line's history, kept between sessions in
 * $XDG_STATE_HOME/nsviz/history (~/.local/state/nsviz/history): one
 * command a line, oldest first, at most HISTORY_MAX lines.  No curses. */
#ifndef NSVIZ_HISTORY_H
#define NSVIZ_HISTORY_H

#include <stdbool.h>
#include <stddef.h>

#define HISTORY_MAX 500
#define HISTORY_LINE_MAX 511    /* the : line's own limit */

/* The file's path; -1 when there is no home to keep it in. */
int history_path(char *buf, size_t len);

/* Whether a line is kept: not empty, at most HISTORY_LINE_MAX bytes,
 * printable ASCII only (a control character in the file could reach
 * the terminal when the line is shown again). */
bool history_keepable(const char *line);

/* The newest max keepable lines of the file into lines[] (malloc'd,
 * oldest first); returns how many.  A missing or unreadable file is an
 * empty history. */
int history_load(const char *path, char **lines, int max);

/* Write the newest HISTORY_MAX keepable lines of lines[0..n-1]: into a
 * temporary file in the same directory (made, mode 0700, if missing),
 * then renamed over the old one, so the file is always whole.  -1 with
 * errno when that cannot be done (a read-only or unwritable directory):
 * the caller says nothing, the history lives on in memory. */
int history_save(const char *path, char *const *lines, int n);

#endif
