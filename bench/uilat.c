/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * uilat - how long until a tmux pane shows (or stops showing) a text,
 * counted from just before a command is started.  Used by ui.sh and
 * uiscale.sh.
 *
 *   uilat SOCKET TARGETS present|gone TEXT PERIOD_US CMD [ARG...]
 *
 * Forks CMD, then runs `tmux -L SOCKET capture-pane -p -t TARGET` every
 * PERIOD_US microseconds until TEXT is on the pane (present) or no longer
 * on it (gone).  TARGETS is one pane or several separated by commas (at
 * most 4): then one tmux client captures all of them in turn each round
 * (separated by a marker line), so that they are looked at at the same
 * moments, and it goes on until every one of them has it.
 *
 * Prints one line: for each target the microseconds from the start to the
 * end of the first capture that showed it, then the microseconds until CMD
 * had exited (seen at a capture, so an upper bound), the number of
 * captures and their mean duration in microseconds.  Exit status 1 when
 * CMD failed or the text never came (in UILAT_TIMEOUT_S seconds, 5).
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/wait.h>

#define MAXT 4
#define MARK "@@uilat-next-pane@@"

static long long now_us(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000000LL + t.tv_nsec / 1000;
}

static char buf[1 << 20];

static void capture(char *const argv[])
{
	int p[2];
	size_t n = 0;
	ssize_t r;
	pid_t pid;

	if (pipe(p) < 0 || (pid = fork()) < 0) {
		perror("uilat");
		exit(2);
	}
	if (pid == 0) {
		dup2(p[1], 1);
		close(p[0]);
		close(p[1]);
		execvp(argv[0], argv);
		_exit(127);
	}
	close(p[1]);
	while ((r = read(p[0], buf + n, sizeof buf - 1 - n)) > 0)
		n += (size_t)r;
	buf[n] = '\0';
	close(p[0]);
	waitpid(pid, NULL, 0);
}

int main(int argc, char **argv)
{
	char *cap[8 + 8 * MAXT], *targets[MAXT], *list, *tok;
	long long t0, a, b, done = -1, period, captime = 0, seen[MAXT];
	long long timeout = 5000000;
	int want, st = 0, ncap = 0, nt = 0, left, i, k = 0;
	pid_t c;

	if (argc < 7)
		return 2;
	list = strdup(argv[2]);
	for (tok = strtok(list, ","); tok; tok = strtok(NULL, ","))
		if (nt < MAXT)
			targets[nt++] = tok;
	if (nt == 0)
		return 2;
	cap[k++] = "tmux";
	cap[k++] = "-L";
	cap[k++] = argv[1];
	cap[k++] = "-f";
	cap[k++] = "/dev/null";
	for (i = 0; i < nt; i++) {
		if (i > 0) {
			cap[k++] = ";";
			cap[k++] = "display-message";
			cap[k++] = "-p";
			cap[k++] = MARK;
			cap[k++] = ";";
		}
		cap[k++] = "capture-pane";
		cap[k++] = "-p";
		cap[k++] = "-t";
		cap[k++] = targets[i];
	}
	cap[k] = NULL;
	if (getenv("UILAT_TIMEOUT_S") && atoll(getenv("UILAT_TIMEOUT_S")) > 0)
		timeout = atoll(getenv("UILAT_TIMEOUT_S")) * 1000000LL;
	want = !strcmp(argv[3], "present");
	period = atoll(argv[5]);
	for (i = 0; i < nt; i++)
		seen[i] = -1;
	left = nt;
	t0 = now_us();
	c = fork();
	if (c == 0) {
		execvp(argv[6], argv + 6);
		_exit(127);
	}
	for (;;) {
		char *part = buf;

		a = now_us();
		capture(cap);
		b = now_us();
		ncap++;
		captime += b - a;
		if (done < 0 && waitpid(c, &st, WNOHANG) == c)
			done = now_us() - t0;
		for (i = 0; i < nt && part; i++) {
			char *next = nt > 1 ? strstr(part, MARK) : NULL;

			if (next)
				*next = '\0';
			if (seen[i] < 0 && (strstr(part, argv[4]) != NULL) == want) {
				seen[i] = b - t0;
				left--;
			}
			part = next ? next + strlen(MARK) : NULL;
		}
		if (left == 0)
			break;
		if (b - t0 > timeout) {
			for (i = 0; i < nt; i++)
				if (seen[i] < 0)
					fprintf(stderr, "uilat: '%s' not %s in %s after %lld s\n",
					        argv[4], argv[3], targets[i], timeout / 1000000);
			return 1;
		}
		if (a + period > now_us())
			usleep((useconds_t)(a + period - now_us()));
	}
	if (done < 0) {
		waitpid(c, &st, 0);
		done = now_us() - t0;
	}
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
		fprintf(stderr, "uilat: %s failed\n", argv[6]);
		return 1;
	}
	for (i = 0; i < nt; i++)
		printf("%lld ", seen[i]);
	printf("%lld %d %lld\n", done, ncap, captime / ncap);
	return 0;
}
