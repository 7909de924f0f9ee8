/* SPDX-License-Identifier: GPL-2.0-or-later */
/* cli.c - `nsviz save`, `nsviz apply`, `nsviz diff` (cli.h). */
#include "topo/cli.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cmd/cmd.h"
#include "topo/diff.h"
#include "topo/live.h"
#include "topo/save.h"
#include "util/sbuf.h"

/* ---- writing a file so that it is never half there ----------------------- */

/* path gets text: a temporary file beside it, then rename, with the
 * catchable signals held meanwhile (the old file, or the new one; never
 * half of one).  0, or -1 with a message. */
int topo_write_file(const char *path, const char *text, size_t len,
                    char *err, size_t errlen)
{
	struct sbuf tmp = SBUF_INIT;
	sigset_t all, old;
	int fd, rc = -1;
	mode_t um;

	sbuf_printf(&tmp, "%s.nsviz-XXXXXX", path);
	sigemptyset(&all);
	sigaddset(&all, SIGINT);
	sigaddset(&all, SIGTERM);
	sigaddset(&all, SIGHUP);
	sigaddset(&all, SIGQUIT);
	sigprocmask(SIG_BLOCK, &all, &old);
	fd = mkostemp(tmp.s, O_CLOEXEC);
	if (fd < 0) {
		snprintf(err, errlen, "%s: cannot write: %s", path,
		         strerror(errno));
		goto out;
	}
	um = umask(0);
	umask(um);
	if (fchmod(fd, 0666 & ~um) < 0) {
		/* mkostemp's 0600 stays: still the user's own */
	}
	for (size_t off = 0; off < len; ) {
		ssize_t n = write(fd, text + off, len - off);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			snprintf(err, errlen, "%s: cannot write: %s", path,
			         n < 0 ? strerror(errno) : "short write");
			close(fd);
			unlink(tmp.s);
			goto out;
		}
		off += (size_t)n;
	}
	if (fsync(fd) < 0 || close(fd) < 0) {
		snprintf(err, errlen, "%s: cannot write: %s", path,
		         strerror(errno));
		unlink(tmp.s);
		goto out;
	}
	if (rename(tmp.s, path) < 0) {
		snprintf(err, errlen, "%s: cannot write: %s", path,
		         strerror(errno));
		unlink(tmp.s);
		goto out;
	}
	rc = 0;
out:
	sigprocmask(SIG_SETMASK, &old, NULL);
	sbuf_free(&tmp);
	return rc;
}

/* ---- save ------------------------------------------------------------- */

static void now_text(char *buf, size_t len)
{
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	time_t t = sde && *sde ? (time_t)strtoll(sde, NULL, 10) : time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(buf, len, "%Y-%m-%d %H:%M:%S UTC", &tm);
}

int topo_cli_save(struct app *a, int argc, char **argv)
{
	const char **only = xcalloc((size_t)argc + 1, sizeof *only);
	size_t nonly = 0;
	const char *file = NULL;
	bool sh = false;
	struct tilist l;
	struct kerr e = { 0 };
	struct sbuf text = SBUF_INIT, what = SBUF_INIT;
	struct topo_write_opts wo = { 0 };
	char when[64], err[600];
	int rc = 0;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-n") || !strcmp(argv[i], "-netns")) {
			if (i + 1 >= argc) {
				fprintf(stderr, "nsviz: save: -n needs a "
				        "namespace\n");
				free(only);
				return 2;
			}
			only[nonly++] = argv[++i];
		} else if (!strcmp(argv[i], "--sh")) {
			sh = true;
		} else if (argv[i][0] == '-' && argv[i][1]) {
			fprintf(stderr, "nsviz: save: %s: unknown option (save "
			        "[-n NS]... [--sh] [FILE])\n", argv[i]);
			free(only);
			return 2;
		} else if (file) {
			fprintf(stderr, "nsviz: save: %s: one file only (save "
			        "[-n NS]... [--sh] [FILE])\n", argv[i]);
			free(only);
			return 2;
		} else {
			file = argv[i];
		}
	}
	for (size_t i = 0; i < nonly; i++)
		if (strcmp(only[i], "host") && !world_find_ns(a->w, only[i]) &&
		    !ksync_find_ns(a->k, only[i])) {
			fprintf(stderr, "nsviz: save: %s: no such namespace\n",
			        only[i]);
			free(only);
			return 1;
		}
	/* "host" names the host, which has no name of its own */
	for (size_t i = 0; i < nonly; i++)
		if (!strcmp(only[i], "host") && !world_find_ns(a->w, "host"))
			only[i] = "";
	if (topo_live(a->w, a->k, only, nonly, &l, &e) < 0) {
		fprintf(stderr, "nsviz: save: %s\n", kerr_str(&e));
		free(only);
		return 1;
	}
	if (!nonly) {
		sbuf_add(&what, "every namespace");
	} else {
		sbuf_add(&what, nonly == 1 ? "the namespace " : "the namespaces ");
		for (size_t i = 0; i < nonly; i++) {
			if (i)
				sbuf_add(&what, ", ");
			{
				struct sbuf q = SBUF_INIT;

				cmd_quote_word(&q, only[i][0] ? only[i] : "host");
				sbuf_add(&what, sbuf_str(&q));
				sbuf_free(&q);
			}
		}
	}
	now_text(when, sizeof when);
	wo.sh = sh;
	wo.version = PACKAGE_VERSION;
	wo.when = when;
	wo.what = sbuf_str(&what);
	topo_write(&l, &wo, &text);
	if (!file || !strcmp(file, "-")) {
		if (fwrite(text.s ? text.s : "", 1, text.len, stdout) != text.len ||
		    fflush(stdout) == EOF) {
			fprintf(stderr, "nsviz: save: cannot write the output: "
			        "%s\n", strerror(errno));
			rc = 1;
		}
	} else if (topo_write_file(file, sbuf_str(&text), text.len, err,
	                           sizeof err) < 0) {
		fprintf(stderr, "nsviz: save: %s\n", err);
		rc = 1;
	} else if (sh) {
		chmod(file, 0777 & ~(mode_t)0022);
	}
	if (!rc && world_unread_count(a->w))
		fprintf(stderr, "nsviz: save: %zu namespace%s could not be read "
		        "and %s left out\n", world_unread_count(a->w),
		        world_unread_count(a->w) == 1 ? "" : "s",
		        world_unread_count(a->w) == 1 ? "is" : "are");
	tilist_free(&l);
	sbuf_free(&text);
	sbuf_free(&what);
	free(only);
	return rc;
}

/* ---- diff and apply ------------------------------------------------------ */

/* want: the file's world; have: the live world's, in the file's
 * namespaces.  0, 1 the file failed, 2 another error (said). */
static int plan_for(struct app *a, const char *who, const char *file,
                    struct tilist *want, struct tilist *have,
                    struct topo_plan *p)
{
	char err[600];
	int rc = topo_plan_file(a->w, a->k, file, NULL, want, have, p, err,
	                        sizeof err);

	if (rc == 1) {
		fprintf(stderr, "nsviz: %s: %s: nothing was changed\n", who,
		        strcmp(file, "-") ? file : "stdin");
		return 1;
	}
	if (rc < 0) {
		fprintf(stderr, "nsviz: %s: %s\n", who, err);
		return 2;
	}
	return 0;
}

/* The live namespaces the file does not name (not compared), said on
 * stderr: "not compared (FILE does not name them): t, u" */
static void say_uncompared(struct app *a, const char *who, const char *file,
                           const struct topo_plan *p)
{
	struct sbuf names = SBUF_INIT;
	size_t n = 0;

	for (size_t i = 0; i < a->w->nns; i++) {
		const struct w_ns *ns = a->w->ns[i];
		const char *name = ns->kind == W_NS_HOST ? "" :
		                   ns->kind == W_NS_NAMED ? ns->name : NULL;
		bool in = false;

		if (!name)
			continue;
		for (size_t j = 0; j < p->nscope && !in; j++)
			in = !strcmp(p->scope[j], name);
		/* the host, when the file is silent on it, is no news */
		if (in || !name[0])
			continue;
		if (n++ < 5) {
			struct sbuf q = SBUF_INIT;

			cmd_quote_word(&q, name);
			sbuf_printf(&names, "%s%s", n > 1 ? ", " : "", sbuf_str(&q));
			sbuf_free(&q);
		}
	}
	if (n > 5)
		sbuf_printf(&names, " and %zu more", n - 5);
	if (n)
		fprintf(stderr, "nsviz: %s: not compared (%s does not name %s): "
		        "%s\n", who, file, n == 1 ? "it" : "them",
		        sbuf_str(&names));
	sbuf_free(&names);
}

static int command_of(const struct topo_step *s, struct sbuf *out)
{
	char err[300];

	sbuf_reset(out);
	if (topo_item_command(s->it, s->line, out, err, sizeof err) < 0) {
		fprintf(stderr, "nsviz: internal: `%s` is not a command: %s\n",
		        s->line, err);
		return -1;
	}
	return 0;
}

int topo_cli_diff(struct app *a, int argc, char **argv)
{
	const char *file = NULL;
	struct tilist want, have;
	struct topo_plan p;
	struct sbuf c = SBUF_INIT;
	int rc;

	for (int i = 1; i < argc; i++) {
		if (argv[i][0] == '-' && argv[i][1]) {
			fprintf(stderr, "nsviz: diff: %s: unknown option (diff "
			        "FILE)\n", argv[i]);
			return 2;
		}
		if (file) {
			fprintf(stderr, "nsviz: diff: %s: one file only (diff "
			        "FILE)\n", argv[i]);
			return 2;
		}
		file = argv[i];
	}
	if (!file) {
		fprintf(stderr, "nsviz: diff: which file? (diff FILE)\n");
		return 2;
	}
	rc = plan_for(a, "diff", file, &want, &have, &p);
	if (rc) {
		tilist_free(&want);
		return 2;
	}
	for (size_t i = 0; i < p.n; i++) {
		if (command_of(&p.v[i], &c) < 0) {
			rc = 2;
			break;
		}
		printf("%s%s\n", p.v[i].kind == TS_PRUNE ? "- " : "",
		       sbuf_str(&c));
	}
	if (!rc)
		rc = p.n ? 1 : 0;
	if (fflush(stdout) == EOF)
		rc = 2;
	say_uncompared(a, "diff", file, &p);
	sbuf_free(&c);
	topo_plan_free(&p);
	tilist_free(&want);
	tilist_free(&have);
	return rc;
}

int topo_cli_apply(struct app *a, int argc, char **argv)
{
	const char *file = NULL;
	bool dry = false, prune = false;
	struct tilist want, have;
	struct topo_plan p;
	struct sbuf c = SBUF_INIT;
	size_t todo = 0, done = 0;
	int rc;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--dry-run") || !strcmp(argv[i], "-n")) {
			dry = true;
		} else if (!strcmp(argv[i], "--prune")) {
			prune = true;
		} else if (argv[i][0] == '-' && argv[i][1]) {
			fprintf(stderr, "nsviz: apply: %s: unknown option (apply "
			        "FILE [--dry-run] [--prune])\n", argv[i]);
			return 2;
		} else if (file) {
			fprintf(stderr, "nsviz: apply: %s: one file only (apply "
			        "FILE [--dry-run] [--prune])\n", argv[i]);
			return 2;
		} else {
			file = argv[i];
		}
	}
	if (!file) {
		fprintf(stderr, "nsviz: apply: which file? (apply FILE "
		        "[--dry-run] [--prune])\n");
		return 2;
	}
	rc = plan_for(a, "apply", file, &want, &have, &p);
	if (rc) {
		tilist_free(&want);
		return 1;
	}
	for (size_t i = 0; i < p.n; i++)
		if (prune || p.v[i].kind != TS_PRUNE)
			todo++;
	for (size_t i = 0; i < p.n && rc == 0; i++) {
		const struct topo_step *s = &p.v[i];

		if (s->kind == TS_PRUNE && !prune)
			continue;
		if (command_of(s, &c) < 0) {
			rc = 1;
			break;
		}
		printf("%s\n", sbuf_str(&c));
		fflush(stdout);
		if (dry)
			continue;
		if (a->x.stop && *a->x.stop) {
			rc = 1;
			fprintf(stderr, "nsviz: apply: interrupted\n");
			break;
		}
		rc = app_run_line(a, sbuf_str(&c), "nsviz: apply: ");
		if (rc == 0)
			done++;
	}
	if (rc != 0)
		fprintf(stderr, "nsviz: apply: stopped: %zu of %zu change%s %s "
		        "made (the commands above the one that failed)\n",
		        done, todo, todo == 1 ? "" : "s",
		        done == 1 ? "was" : "were");
	else if (!todo)
		fprintf(stderr, "nsviz: apply: nothing to change: the live "
		        "world matches %s in the namespaces it names%s\n", file,
		        p.nprune ? " (but has more: apply --prune deletes it, "
		        "diff lists it)" : "");
	else if (dry)
		fprintf(stderr, "nsviz: apply: --dry-run: %zu change%s, none "
		        "made\n", todo, todo == 1 ? "" : "s");
	else
		fprintf(stderr, "nsviz: apply: %zu change%s made%s\n", done,
		        done == 1 ? "" : "s",
		        !prune && p.nprune ? " (the live world has more: apply "
		        "--prune deletes it)" : "");
	say_uncompared(a, "apply", file, &p);
	sbuf_free(&c);
	topo_plan_free(&p);
	tilist_free(&want);
	tilist_free(&have);
	return rc;
}
