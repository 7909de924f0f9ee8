/* SPDX-License-Identifier: GPL-2.0-or-later */
/* split.c - turn command text into words, and -c strings into commands.
 *
 * The quoting is a small subset of the shell's, so that a command copied
 * from a terminal means the same here: blanks separate words, '...' keeps
 * everything literally, "..." lets a backslash escape " and \, a backslash
 * outside quotes escapes any character (and joins lines), and # at the
 * start of a word comments out the rest of the line.  $'...' is bash's
 * ANSI-C quoting (\xHH, \e, \n, \t, \\, \' ...): the way to type a name
 * someone else made with control characters in it, and the way the
 * canonical form (canon.c) writes one.
 */
#include "cmd/cmd.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/esc.h"
#include "util/sbuf.h"

static bool is_blank(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n' ||
	       ch == '\v' || ch == '\f';
}

static void set_err(char *err, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void set_err(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	if (!err || !errlen)
		return;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
	esc_in_place(err, errlen);
}

/* The text from an opening quote to the end of the line, shortened so the
 * reason still fits in the message. */
static void quote_err(char *err, size_t errlen, const char *from, char q)
{
	size_t n = strcspn(from, "\n");

	if (n > 40)
		set_err(err, errlen, "%.37s...: unterminated %s quote",
		        from, q == '\'' ? "single" : "double");
	else
		set_err(err, errlen, "%.*s: unterminated %s quote", (int)n,
		        from, q == '\'' ? "single" : "double");
}

/* $'...' from just after the opening quote: the text into w, *pp after
 * the closing quote.  -1 with err set when unterminated or for \x00. */
static int ansi_c_quote(const char **pp, struct sbuf *w, const char *open,
                        char *err, size_t errlen)
{
	const char *p = *pp;

	while (*p && *p != '\'') {
		int h1, h2;

		if (*p != '\\' || !p[1]) {
			sbuf_addc(w, *p++);
			continue;
		}
		p++;
		switch (*p) {
		case 'x':
			if ((h1 = esc_hexval(p[1])) < 0) {
				sbuf_add(w, "\\x");   /* as bash: kept */
				p++;
				break;
			}
			h2 = esc_hexval(p[2]);
			if (h2 >= 0)
				h1 = h1 * 16 + h2;
			if (h1 == 0) {
				set_err(err, errlen, "\\x00: a word cannot hold "
				        "a NUL byte");
				return -1;
			}
			sbuf_addc(w, (char)h1);
			p += h2 >= 0 ? 3 : 2;
			break;
		case 'e': case 'E': sbuf_addc(w, '\033'); p++; break;
		case 'n': sbuf_addc(w, '\n'); p++; break;
		case 't': sbuf_addc(w, '\t'); p++; break;
		case 'r': sbuf_addc(w, '\r'); p++; break;
		case 'a': sbuf_addc(w, '\a'); p++; break;
		case 'b': sbuf_addc(w, '\b'); p++; break;
		case 'f': sbuf_addc(w, '\f'); p++; break;
		case 'v': sbuf_addc(w, '\v'); p++; break;
		case '\\': case '\'': case '"': case '?':
			sbuf_addc(w, *p++);
			break;
		default:
			sbuf_addc(w, '\\');   /* as bash: kept */
			break;
		}
	}
	if (!*p) {
		size_t n = strcspn(open, "\n");

		if (n > 40)
			set_err(err, errlen, "%.37s...: unterminated $'...' "
			        "quote", open);
		else
			set_err(err, errlen, "%.*s: unterminated $'...' quote",
			        (int)n, open);
		return -1;
	}
	*pp = p + 1;
	return 0;
}

struct wordvec {
	char **v;
	size_t n, cap;
};

static void wordvec_push(struct wordvec *wv, const char *s, size_t len)
{
	char *w;

	/* keep room for the NULL terminator */
	xgrow((void **)&wv->v, &wv->cap, wv->n + 2, sizeof *wv->v);
	w = xmalloc(len + 1);
	memcpy(w, s, len);
	w[len] = '\0';
	wv->v[wv->n++] = w;
	wv->v[wv->n] = NULL;
}

static void wordvec_free(struct wordvec *wv)
{
	cmd_free_words(wv->v, (int)wv->n);
	wv->v = NULL;
	wv->n = wv->cap = 0;
}

void cmd_free_words(char **words, int n)
{
	int i;

	if (!words)
		return;
	for (i = 0; i < n; i++)
		free(words[i]);
	free(words);
}

int cmd_split(const char *line, char ***words, char *err, size_t errlen)
{
	struct wordvec wv = { NULL, 0, 0 };
	struct sbuf w = SBUF_INIT;
	const char *p = line ? line : "";

	*words = NULL;
	if (err && errlen)
		err[0] = '\0';

	for (;;) {
		bool quoted = false;

		while (is_blank(*p))
			p++;
		if (!*p)
			break;
		if (*p == '#') {
			/* a comment runs to the end of its line only */
			p += strcspn(p, "\n");
			continue;
		}

		sbuf_reset(&w);
		while (*p && !is_blank(*p)) {
			if (*p == '$' && p[1] == '\'') {
				const char *q = p;

				quoted = true;
				p += 2;
				if (ansi_c_quote(&p, &w, q, err, errlen))
					goto fail;
			} else if (*p == '\'') {
				const char *q = p++;

				quoted = true;
				while (*p && *p != '\'')
					sbuf_addc(&w, *p++);
				if (!*p) {
					quote_err(err, errlen, q, '\'');
					goto fail;
				}
				p++;
			} else if (*p == '"') {
				const char *q = p++;

				quoted = true;
				while (*p && *p != '"') {
					if (*p == '\\' && (p[1] == '"' || p[1] == '\\')) {
						sbuf_addc(&w, p[1]);
						p += 2;
					} else {
						sbuf_addc(&w, *p++);
					}
				}
				if (!*p) {
					quote_err(err, errlen, q, '"');
					goto fail;
				}
				p++;
			} else if (*p == '\\') {
				if (!p[1]) {
					set_err(err, errlen,
					        "\\: backslash at the end of the line has nothing to escape");
					goto fail;
				}
				/* backslash-newline joins lines, as in the shell */
				if (p[1] != '\n')
					sbuf_addc(&w, p[1]);
				p += 2;
			} else {
				sbuf_addc(&w, *p++);
			}
		}
		if (w.len || quoted)
			wordvec_push(&wv, sbuf_str(&w), w.len);
	}

	sbuf_free(&w);
	*words = wv.v;
	return (int)wv.n;

fail:
	sbuf_free(&w);
	wordvec_free(&wv);
	return -1;
}

/* Push the piece [s, s+len) minus surrounding blanks, unless it is empty. */
static void push_piece(struct wordvec *wv, const char *s, size_t len)
{
	while (len && is_blank(*s)) {
		s++;
		len--;
	}
	while (len && is_blank(s[len - 1]))
		len--;
	if (len)
		wordvec_push(wv, s, len);
}

/* Is the word nft among the piece's words so far (nft [-n NS] ..., netns
 * exec NS nft ...)?  Then its braces group: nft's own `;` between { and }
 * (a chain's `{ type nat hook postrouting priority 100 ; }`) does not end
 * the command, and neither does a newline. */
static bool piece_is_nft(const struct sbuf *piece)
{
	const char *p = sbuf_str(piece);

	while (*p) {
		size_t n;

		while (is_blank(*p))
			p++;
		n = 0;
		while (p[n] && !is_blank(p[n]))
			n++;
		if (n == 3 && !strncmp(p, "nft", 3))
			return true;
		p += n;
	}
	return false;
}

int cmd_split_list(const char *s, char ***cmds, char *err, size_t errlen)
{
	struct wordvec wv = { NULL, 0, 0 };
	struct sbuf piece = SBUF_INIT;
	const char *p = s ? s : "";
	bool word_start = true;
	int depth = 0;          /* nft's braces open in this command */

	*cmds = NULL;
	if (err && errlen)
		err[0] = '\0';

	while (*p) {
		char ch = *p;

		if (ch == '$' && p[1] == '\'') {
			/* $'...': a backslash escapes the quote */
			const char *q = p;

			sbuf_addn(&piece, p, 2);
			p += 2;
			while (*p && *p != '\'') {
				if (*p == '\\' && p[1])
					sbuf_addc(&piece, *p++);
				sbuf_addc(&piece, *p++);
			}
			if (!*p) {
				size_t n = strcspn(q, "\n");

				set_err(err, errlen, "%.*s%s: unterminated $'...' "
				        "quote", n > 40 ? 37 : (int)n, q,
				        n > 40 ? "..." : "");
				goto fail;
			}
			sbuf_addc(&piece, *p++);
			word_start = false;
		} else if (ch == '\'' || ch == '"') {
			const char *q = p++;

			sbuf_addc(&piece, ch);
			while (*p && *p != ch) {
				if (ch == '"' && *p == '\\' && p[1])
					sbuf_addc(&piece, *p++);
				sbuf_addc(&piece, *p++);
			}
			if (!*p) {
				quote_err(err, errlen, q, ch);
				goto fail;
			}
			sbuf_addc(&piece, *p++);
			word_start = false;
		} else if (ch == '\\') {
			/* keep the escape for cmd_split; an escaped ; or newline
			 * does not end the command */
			sbuf_addc(&piece, *p++);
			if (*p)
				sbuf_addc(&piece, *p++);
			word_start = false;
		} else if (ch == '#' && word_start) {
			p += strcspn(p, "\n");
		} else if (ch == '{' && (depth || piece_is_nft(&piece))) {
			sbuf_addc(&piece, *p++);
			depth++;
			word_start = false;
		} else if (ch == '}' && depth) {
			sbuf_addc(&piece, *p++);
			depth--;
			word_start = false;
		} else if ((ch == ';' || ch == '\n') && depth) {
			sbuf_addc(&piece, ch == '\n' ? ' ' : ch);
			p++;
			word_start = true;
		} else if (ch == ';' || ch == '\n') {
			push_piece(&wv, sbuf_str(&piece), piece.len);
			sbuf_reset(&piece);
			p++;
			word_start = true;
		} else {
			sbuf_addc(&piece, *p++);
			word_start = is_blank(ch);
		}
	}
	push_piece(&wv, sbuf_str(&piece), piece.len);

	sbuf_free(&piece);
	*cmds = wv.v;
	return (int)wv.n;

fail:
	sbuf_free(&piece);
	wordvec_free(&wv);
	return -1;
}
