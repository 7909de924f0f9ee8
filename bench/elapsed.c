/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * elapsed - run a command and write the nanoseconds it took, from just
 * before fork() to the return of waitpid(), to FILE (one line).  Used by
 * scale.sh instead of two `date +%s%N` processes around the command,
 * whose own start-up would be counted (about a millisecond, which is
 * more than nsviz takes for small worlds).
 *
 *   elapsed -o FILE CMD [ARG...]
 *
 * The exit status is the command's (128+signal if it was killed); 125
 * when elapsed itself failed, 127 when CMD could not be run.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long long now_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000000000LL + t.tv_nsec;
}

int main(int argc, char **argv)
{
	long long t0, t1;
	FILE *out;
	pid_t pid;
	int st;

	if (argc < 4 || strcmp(argv[1], "-o") != 0) {
		fprintf(stderr, "usage: elapsed -o FILE CMD [ARG...]\n");
		return 125;
	}
	out = fopen(argv[2], "w");
	if (!out) {
		fprintf(stderr, "elapsed: %s: %s\n", argv[2], strerror(errno));
		return 125;
	}
	t0 = now_ns();
	pid = fork();
	if (pid < 0) {
		perror("elapsed: fork");
		return 125;
	}
	if (pid == 0) {
		fclose(out);
		execvp(argv[3], argv + 3);
		fprintf(stderr, "elapsed: %s: %s\n", argv[3], strerror(errno));
		_exit(127);
	}
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR) {
			perror("elapsed: waitpid");
			return 125;
		}
	t1 = now_ns();
	if (fprintf(out, "%lld\n", t1 - t0) < 0 || fclose(out) != 0) {
		fprintf(stderr, "elapsed: cannot write the result\n");
		return 125;
	}
	if (WIFSIGNALED(st))
		return 128 + WTERMSIG(st);
	return WEXITSTATUS(st);
}
