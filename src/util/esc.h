/* SPDX-License-Identifier: GPL-2.0-or-later */
/* esc.h - names that are safe to print.
 *
 * The kernel takes any byte but '/', ':', blanks and NUL in an interface
 * name, and any byte but '/' in a /run/netns file name, so a name made by
 * someone else may hold bytes a terminal acts on (ESC starts a control
 * sequence).  Everything nsviz prints that holds such a name (show, the
 * iproute2 text, netns list, monitor, ping, messages, logs) goes through
 * esc_add() or esc_str(): the one rule, documented in nsviz(1).
 *
 * Unsafe, and written as \xHH for each of their bytes:
 *   - C0 controls (0x00..0x1f) and DEL (0x7f);
 *   - C1 controls (U+0080..U+009F, which some terminals take as ESC [);
 *   - the bidirectional controls U+202A..U+202E and U+2066..U+2069, which
 *     reorder what is shown after them;
 *   - bytes that are not part of well-formed UTF-8.
 * Everything else, other UTF-8 text included, is printed as it is.  A
 * backslash stays a backslash, as `ip` prints it. */
#ifndef NSVIZ_ESC_H
#define NSVIZ_ESC_H

#include <stdbool.h>
#include <stddef.h>

struct sbuf;

/* esc_add flags */
#define ESC_KEEP_NL 1u   /* messages of several lines: '\n' stays */
#define ESC_KEEP_TAB 2u  /* text indented with tabs (nft's): '\t' stays */

/* What an unsafe character is, for a message that refuses it. */
enum esc_kind {
	ESC_SAFE = 0,
	ESC_CONTROL,        /* C0, DEL, C1 */
	ESC_BIDI,           /* a bidirectional control */
	ESC_NOT_UTF8        /* a byte that is not part of UTF-8 */
};

/* The character at s (not at its end): its kind, and in *len the number
 * of bytes it takes (1 for a byte that is not UTF-8). */
enum esc_kind esc_char(const char *s, size_t *len);

/* The first unsafe character of s, or NULL; *kind and *len say what it
 * is (kind and len may be NULL). */
const char *esc_find(const char *s, enum esc_kind *kind, size_t *len);

/* Append s to b, unsafe characters as \xHH. */
void esc_add(struct sbuf *b, const char *s, unsigned flags);

/* s escaped into buf (size len, always terminated; shortened at a
 * character boundary when it does not fit).  Returns buf.  A name of up
 * to 255 bytes fits in ESC_NAME_LEN. */
#define ESC_NAME_LEN (4 * 256)
const char *esc_str(const char *s, char *buf, size_t len);

/* buf (size len) escaped in place, shortened to fit: for messages built
 * with snprintf from words as typed. */
void esc_in_place(char *buf, size_t len);

/* The bytes of the character at s (n of them) as \xHH\xHH... in buf. */
const char *esc_hex(const char *s, size_t n, char *buf, size_t len);

/* The value of the hex digit ch (0..15), or -1: for reading \xHH back
 * ($'...' words) and MAC addresses. */
int esc_hexval(char ch);

/* true when esc_add would print s as it is */
bool esc_safe(const char *s);

#endif
