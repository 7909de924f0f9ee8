/* SPDX-License-Identifier: GPL-2.0-or-later */
/* parse_nft.c - the nft command: `nft [OPTIONS] COMMAND...`, as nft(8)
 * takes its command line.  Its options come first (bundled as getopt
 * takes them: -an); the words after them are kept as typed and joined by
 * blanks into the text libnftables parses, which is what nft itself does
 * with its argv, so a command copied from a shell means the same here.
 * nft's grammar is its own: this file reads only what nsviz must know
 * before running it (changes or not, options), and refuses what would
 * read files (include, -f, -I), never end (monitor, -i) or resolve names
 * (-N).  Pure: nothing here looks at the kernel.
 */
#include "cmd/parse_int.h"

#include <stdlib.h>
#include <string.h>

#include "util/sbuf.h"

#define NFT_VERBS "add, insert, replace, create, delete, flush, reset, " \
	"rename, list, describe or get"

void nft_init(struct cmd *c)
{
	memset(&c->u.nft, 0, sizeof c->u.nft);
}

/* nft's options, short and long, as nft 1.0 has them */
static const struct nft_opt {
	char ch;
	const char *name;
	unsigned flag;          /* enum cmd_nft_flag; 0: see why/check */
	const char *why;        /* refused: the reason */
} nft_opts[] = {
	{ 'a', "handle", CMD_NFT_HANDLE, NULL },
	{ 's', "stateless", CMD_NFT_STATELESS, NULL },
	{ 't', "terse", CMD_NFT_TERSE, NULL },
	{ 'S', "service", CMD_NFT_SERVICE, NULL },
	{ 'u', "guid", CMD_NFT_GUID, NULL },
	{ 'n', "numeric", CMD_NFT_NUMERIC, NULL },
	{ 'y', "numeric-priority", CMD_NFT_NUM_PRIO, NULL },
	{ 'p', "numeric-protocol", CMD_NFT_NUM_PROTO, NULL },
	{ 'T', "numeric-time", CMD_NFT_NUM_TIME, NULL },
	{ 'e', "echo", CMD_NFT_ECHO, NULL },
	{ 'j', "json", CMD_NFT_JSON, NULL },
	{ 'c', "check", 0, NULL },
	{ 'o', "optimize", 0, NULL },
	{ 'N', "reversedns", 0, "not supported by nsviz (it never resolves "
	  "names)" },
	{ 'f', "file", 0, "not supported by nsviz (run a file of commands "
	  "with nsviz -b FILE, one nft command a line)" },
	{ 'I', "includepath", 0, "not supported by nsviz (nsviz does not "
	  "read files named in a command)" },
	{ 'D', "define", 0, "not supported by nsviz (write the values into "
	  "the command)" },
	{ 'i', "interactive", 0, "not supported by nsviz (type nft commands "
	  "at its : line or its prompt)" },
	{ 'd', "debug", 0, "not supported by nsviz" },
	{ 'h', "help", 0, "not supported by nsviz (nsviz --help lists the nft "
	  "commands, nft(8) their words)" },
	{ 'v', "version", 0, "not supported by nsviz (nsviz --version)" },
	{ 'V', NULL, 0, "not supported by nsviz (nsviz --version)" },
};

static int take_opt(struct parser *p, const char *typed,
                    const struct nft_opt *o)
{
	struct cmd_nft *n = &p->c->u.nft;

	if (o->why)
		return p_bad(p, typed, "%s", o->why);
	if (o->ch == 'c')
		n->check = true;
	else if (o->ch == 'o')
		n->optimize = true;
	else
		n->oflags |= o->flag;
	return 0;
}

static int nft_option(struct parser *p, const char *w)
{
	const struct nft_opt *o;
	size_t k;

	if (w[1] == '-') {
		for (k = 0; k < sizeof nft_opts / sizeof *nft_opts; k++) {
			o = &nft_opts[k];
			if (o->name && !strcmp(w + 2, o->name))
				return take_opt(p, w, o);
		}
		return p_bad(p, w, "unknown option of nft (expected -a, -s, -t, "
		             "-S, -u, -n, -y, -p, -T, -e, -j, -c or -o before "
		             "the command)");
	}
	/* bundled: -nnvX as getopt takes it */
	for (const char *ch = w + 1; *ch; ch++) {
		for (k = 0; k < sizeof nft_opts / sizeof *nft_opts; k++)
			if (nft_opts[k].ch == *ch)
				break;
		if (k == sizeof nft_opts / sizeof *nft_opts) {
			char one[3] = { '-', *ch, '\0' };

			return p_bad(p, w[2] ? w : one, "unknown option of nft "
			             "(expected -a, -s, -t, -S, -u, -n, -y, -p, -T, "
			             "-e, -j, -c or -o before the command)");
		}
		if (take_opt(p, w, &nft_opts[k]))
			return -1;
	}
	return 0;
}

/* words joined by blanks, as nft(8) joins its argv into its command */
static void join_words(char *const *w, int n, struct sbuf *out)
{
	for (int k = 0; k < n; k++) {
		if (k)
			sbuf_addc(out, ' ');
		sbuf_add(out, w[k]);
	}
}

/* nft's text holds `include "FILE"` only as the word include outside
 * nft's double quotes: a token of letters, digits, _ and - on its own. */
static bool names_include(const char *text)
{
	const char *s = text;

	while (*s) {
		if (*s == '"') {
			const char *e = strchr(s + 1, '"');

			if (!e)
				return false;   /* nft refuses it */
			s = e + 1;
			continue;
		}
		if (strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
		           "0123456789_-", *s)) {
			size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyz"
			                  "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-");

			if (n == 7 && !strncmp(s, "include", 7))
				return true;
			s += n;
			continue;
		}
		s++;
	}
	return false;
}

/* nft [OPTIONS] COMMAND..., after the word nft */
int p_nft_words(struct parser *p)
{
	struct cmd *c = p->c;
	struct cmd_nft opts;
	const struct cmd_entry *e = NULL;
	const char *w;
	char first[32];
	size_t wlen;

	/* ip's options given before the word nft mean nothing to it */
	if (c->family || c->opts.brief || c->opts.stats || c->opts.details ||
	    c->opts.oneline || c->opts.json || c->opts.pretty || c->all)
		return p_fail(p, "%s: not an option of the nft command (give "
		              "nft's own after the word nft: nft -j list "
		              "ruleset)",
		              c->family ? p_family_opt(c->family) :
		              c->all ? "-all" : c->opts.brief ? "-br" :
		              c->opts.stats ? "-s" : c->opts.details ? "-d" :
		              c->opts.oneline ? "-o" : c->opts.json ? "-j" : "-p");
	p->first = p->i - 1;
	nft_init(c);
	while (p_more(p) && p_peek(p)[0] == '-' && p_peek(p)[1])
		if (nft_option(p, p_next(p)))
			return -1;
	opts = c->u.nft;
	if (!p_more(p))
		return p_missing(p, "command (expected " NFT_VERBS ")");
	{
		struct sbuf text = SBUF_INIT;
		bool inc;

		join_words(p->argv + p->i, p->argc - p->i, &text);
		inc = names_include(sbuf_str(&text));
		sbuf_free(&text);
		if (inc)
			return p_fail(p, "include: not supported by nsviz (nsviz "
			              "does not read files named in a command; run "
			              "a file of commands with nsviz -b FILE)");
	}
	/* the command's first word as nft reads it: a word of several
	 * (`nft 'add table ip t'`) counts by its first */
	w = p_peek(p);
	w += strspn(w, " \t\n");
	wlen = strcspn(w, " \t\n;{}\"");
	if (wlen >= sizeof first)
		wlen = sizeof first - 1;
	memcpy(first, w, wlen);
	first[wlen] = '\0';
	for (size_t i = 0; i < cmd_nentries && !e; i++) {
		const struct cmd_entry *t = &cmd_entries[i];

		if (!t->words || strcmp(t->object, "nft"))
			continue;
		for (const char *k = t->words; *k; k += strlen(k) + 1)
			if (!strcmp(k, first))
				e = t;
	}
	if (!e)
		return p_bad(p, first, "unknown nft command (expected "
		             NFT_VERBS "%s)",
		             p->i >= 2 && !strcmp(p->argv[p->i - 1], "-n") ?
		             "; nft's -n is --numeric: a namespace is named "
		             "before the word nft, -n NS nft ..." : "");
	if (e->verb == CMD_NONE) {
		if (!strcmp(first, "monitor"))
			return p_bad(p, first, "not supported by nsviz (nft monitor "
			             "never ends, and nsviz monitor follows links, "
			             "addresses and routes; expected " NFT_VERBS ")");
		return p_bad(p, first, "not supported by nsviz (expected "
		             NFT_VERBS ")");
	}
	p->e = e;
	c->verb = e->verb;
	e->init(c);
	c->u.nft = opts;
	return e->parse(p);
}

/* A word after the command that is one of nft's options: nft refuses it
 * there ("options must be specified before commands"); a negative
 * number (priority -100) is not one. */
static const struct nft_opt *late_option(const char *w)
{
	if (w[0] != '-' || !w[1])
		return NULL;
	for (size_t k = 0; k < sizeof nft_opts / sizeof *nft_opts; k++) {
		const struct nft_opt *o = &nft_opts[k];

		if (w[1] == '-' ? o->name && !strcmp(w + 2, o->name)
		                : !w[2] && w[1] == o->ch)
			return o;
	}
	return NULL;
}

/* the command's words, as nft gets them */
int parse_nft(struct parser *p)
{
	struct cmd_nft *n = &p->c->u.nft;
	int k;

	for (k = p->i; k < p->argc; k++)
		if (late_option(p->argv[k]))
			return p_bad(p, p->argv[k], "options must be given before "
			             "the command, as nft takes them (nft %s %s...)",
			             p->argv[k], p->argv[p->i]);

	n->argc = p->argc - p->i;
	n->argv = xcalloc((size_t)n->argc + 1, sizeof *n->argv);
	for (k = 0; k < n->argc; k++)
		n->argv[k] = xstrdup(p->argv[p->i + k]);
	p->i = p->argc;
	return 0;
}

void cmd_nft_text(const struct cmd *c, struct sbuf *out)
{
	join_words(c->u.nft.argv, c->u.nft.argc, out);
}

void canon_nft(const struct cmd *c, struct canon *o)
{
	const struct cmd_nft *n = &c->u.nft;
	unsigned f = n->oflags;

	canon_exec_head(c, o);
	canon_word(o, "nft");
	if ((f & CMD_NFT_NUMERIC) == CMD_NFT_NUMERIC) {
		canon_word(o, "-n");
		f &= ~(unsigned)CMD_NFT_NUMERIC;
	}
	for (size_t k = 0; k < sizeof nft_opts / sizeof *nft_opts; k++) {
		const struct nft_opt *t = &nft_opts[k];
		char w[3] = { '-', t->ch, '\0' };

		if ((t->flag && (f & t->flag) == t->flag) ||
		    (t->ch == 'c' && n->check) || (t->ch == 'o' && n->optimize))
			canon_word(o, w);
	}
	for (int k = 0; k < n->argc; k++)
		canon_word(o, n->argv[k]);
}
