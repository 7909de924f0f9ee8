/* SPDX-License-Identifier: GPL-2.0-or-later */
/* config.h - the UI's config file, $XDG_CONFIG_HOME/nsviz/config (or
 * ~/.config/nsviz/config): lines of `key value`, # comments.  Pure: no
 * curses.  Documented in nsviz-theme(5), section CONFIGURATION. */
#ifndef NSVIZ_UI_CONFIG_H
#define NSVIZ_UI_CONFIG_H

#include <stddef.h>

struct ui_config {
	char theme[64];     /* theme name (or a path with '/'); default "dark" */
	int ascii;          /* 1: ASCII line drawing always; 0 (default): by locale */
	int mouse;          /* 1 (default): mouse clicks select */
	int confirm_delete; /* 1 (default): x/Delete ask first */
};

/* The defaults: theme dark, ascii no, mouse yes, confirm-delete yes. */
void config_defaults(struct ui_config *c);

/* Parse config text.  Keys: theme NAME, ascii yes|no, mouse yes|no,
 * confirm-delete yes|no (on/off and true/false also work).  Unknown keys,
 * missing or extra values and bad booleans are errors.  Returns 0, or -1
 * with err = "FILE:LINE: reason" and *c = defaults.  Later lines win. */
int config_parse(const char *text, const char *filename, struct ui_config *c,
                 char *err, size_t errlen);

/* Load the config file.  A missing file means the defaults (returns 0);
 * an unreadable or bad one returns -1 with err and *c = defaults. */
int config_load(struct ui_config *c, char *err, size_t errlen);

/* The nsviz config directory: $XDG_CONFIG_HOME/nsviz when that is an
 * absolute path, else $HOME/.config/nsviz (the passwd entry's home when
 * HOME is unset).  0, or -1 when no home is known or BUF is too small. */
int config_dir(char *buf, size_t len);
/* The config file's path: config_dir() "/config".  0 or -1. */
int config_path(char *buf, size_t len);

/* Shared by theme.c and config.c: read the whole file PATH into a
 * malloc'd NUL-terminated string (at most 1 MiB).  Only a regular file
 * is read (a FIFO or a device is never opened for blocking reads), and
 * a file with a NUL byte is not text.  0, or -1 with errno set (ENOENT
 * when it does not exist, EISDIR, EINVAL for what is not a regular
 * file or holds a NUL byte, EFBIG...) and, with err, the message:
 * "PATH: not a regular file (a FIFO)", "PATH: too large (52428800
 * bytes; at most 1 MiB)", "PATH:LINE: a NUL byte: not a text file". */
int config_read_text(const char *path, char **text, char *err, size_t errlen);
int config_read_file(const char *path, char **text);   /* err-less */

/* For theme.c and config.c messages: a line's first control character
 * (other than tab and CR), or NULL. */
const char *config_bad_char(const char *line);
/* WORD as a message shows it: printable ASCII as it is, other bytes as
 * \xNN, cut after 40 characters with "...", so a file's bytes never
 * reach the terminal raw.  Returns buf (16 bytes or more). */
const char *config_shown(const char *word, char *buf, size_t len);

#endif
