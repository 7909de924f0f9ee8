/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * peakrss - run a command and print its peak resident set size (VmHWM of
 * /proc/PID/status, in kB) as it stood when the command exited, in FILE
 * (one line: the number).  Used by scale.sh when GNU time is not
 * installed.
 *
 *   peakrss -o FILE CMD [ARG...]
 *
 * The command is traced (PTRACE_O_TRACEEXIT) so that it stops on its way
 * out, while its memory still exists: VmHWM is read then.  Signals are
 * passed on untouched.  The exit status is the command's (128+signal if
 * it was killed); 125 when peakrss itself failed.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

static long vmhwm(pid_t pid)
{
	char path[64], line[256];
	long kb = -1;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
	f = fopen(path, "r");
	if (!f)
		return -1;
	while (fgets(line, sizeof line, f))
		if (sscanf(line, "VmHWM: %ld kB", &kb) == 1)
			break;
	fclose(f);
	return kb;
}

int main(int argc, char **argv)
{
	long kb = -1;
	int st;
	pid_t pid;
	FILE *out;

	if (argc < 4 || strcmp(argv[1], "-o") != 0) {
		fprintf(stderr, "usage: peakrss -o FILE CMD [ARG...]\n");
		return 125;
	}
	out = fopen(argv[2], "w");
	if (!out) {
		fprintf(stderr, "peakrss: %s: %s\n", argv[2], strerror(errno));
		return 125;
	}
	argv += 2;
	pid = fork();
	if (pid < 0) {
		perror("peakrss: fork");
		return 125;
	}
	if (pid == 0) {
		if (ptrace(PTRACE_TRACEME, 0, NULL, NULL) < 0) {
			perror("peakrss: PTRACE_TRACEME");
			_exit(125);
		}
		raise(SIGSTOP);
		execvp(argv[1], argv + 1);
		fprintf(stderr, "peakrss: %s: %s\n", argv[1], strerror(errno));
		_exit(127);
	}
	if (waitpid(pid, &st, 0) != pid || !WIFSTOPPED(st)) {
		fprintf(stderr, "peakrss: the child did not stop\n");
		return 125;
	}
	if (ptrace(PTRACE_SETOPTIONS, pid, NULL,
	           (void *)(long)(PTRACE_O_TRACEEXIT | PTRACE_O_TRACEEXEC |
	                          PTRACE_O_EXITKILL)) < 0) {
		perror("peakrss: PTRACE_SETOPTIONS");
		kill(pid, SIGKILL);
		return 125;
	}
	ptrace(PTRACE_CONT, pid, NULL, NULL);
	for (;;) {
		int sig = 0;

		if (waitpid(pid, &st, 0) != pid) {
			perror("peakrss: waitpid");
			return 125;
		}
		if (WIFEXITED(st) || WIFSIGNALED(st))
			break;
		if (!WIFSTOPPED(st))
			continue;
		if (st >> 8 == (SIGTRAP | (PTRACE_EVENT_EXIT << 8)))
			kb = vmhwm(pid);
		else if (st >> 8 != (SIGTRAP | (PTRACE_EVENT_EXEC << 8)))
			sig = WSTOPSIG(st);
		ptrace(PTRACE_CONT, pid, NULL, (void *)(long)sig);
	}
	if (kb < 0) {
		fprintf(stderr, "peakrss: could not read VmHWM at exit\n");
		return 125;
	}
	if (fprintf(out, "%ld\n", kb) < 0 || fclose(out) != 0) {
		fprintf(stderr, "peakrss: cannot write the result\n");
		return 125;
	}
	if (WIFSIGNALED(st))
		return 128 + WTERMSIG(st);
	return WEXITSTATUS(st);
}
