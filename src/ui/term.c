/* SPDX-License-Identifier: GPL-2.0-or-later */
/* term.c - what the terminal can do, from its terminfo entry: can it
 * show the full-screen UI at all, and the bytes that leave the UI's
 * screen modes (for a fatal signal's handler, which cannot call
 * endwin).  Apart from ui.c because <term.h> defines names like
 * `lines` and `columns` as macros. */
#include "ui/ui_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>

static bool has_str(const char *cap)
{
	const char *s = tigetstr(cap);

	return s && s != (const char *)-1;
}

bool ui_terminal_usable(char *why, size_t len)
{
	const char *term = getenv("TERM");
	int err = 0;
	bool ok;

	if (!term || !*term) {
		snprintf(why, len, "TERM is not set, so the full-screen UI "
		         "cannot know how to draw; the line prompt follows. "
		         "For the UI, set TERM to your terminal's type "
		         "(e.g. TERM=xterm-256color)");
		return false;
	}
	if (setupterm(NULL, 1, &err) != OK) {
		snprintf(why, len, "TERM=%.100s: no terminfo entry for this "
		         "terminal type, so the full-screen UI cannot draw; "
		         "the line prompt follows. For the UI, install its "
		         "entry (Debian: ncurses-term) or set TERM to a type "
		         "your terminal emulates (e.g. TERM=xterm-256color)",
		         term);
		return false;
	}
	/* a full screen needs cursor addressing (dumb, hardcopy and
	 * generic types have none) */
	ok = has_str("cup") && tigetflag("hc") <= 0 && tigetflag("gn") <= 0;
	if (!ok)
		snprintf(why, len, "TERM=%.100s: this terminal cannot move the "
		         "cursor, so the full-screen UI cannot draw; the line "
		         "prompt follows. For the UI, run nsviz in a terminal "
		         "that can (e.g. TERM=xterm-256color)", term);
	del_curterm(cur_term);
	return ok;
}

static size_t add(char *buf, size_t cap, size_t n, const char *s)
{
	size_t l;

	if (!s || s == (const char *)-1)
		return n;
	l = strlen(s);
	if (n + l < cap) {
		memcpy(buf + n, s, l);
		n += l;
	}
	return n;
}

size_t ui_term_leave_seq(char *buf, size_t cap, bool mouse)
{
	size_t n = 0;

	n = add(buf, cap, n, tigetstr("sgr0"));
	if (mouse) {
		const char *xm = tigetstr("XM");

		if (xm && xm != (const char *)-1)
			n = add(buf, cap, n, tiparm(xm, 0));
		else if (has_str("kmous"))
			n = add(buf, cap, n, "\033[?1000l");
	}
	n = add(buf, cap, n, tigetstr("rmkx"));
	n = add(buf, cap, n, tigetstr("cnorm"));
	n = add(buf, cap, n, tigetstr("rmcup"));
	return n;
}
