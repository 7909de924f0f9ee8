/* SPDX-License-Identifier: GPL-2.0-or-later */
/* sandbox.c - a private world to learn and experiment in.
 *
 * Everything made inside lives in namespaces that only this process (and
 * its children) hold: when nsviz exits they vanish, and the host's own
 * namespaces, routes and /run/netns are never touched. */
#include "sandbox.h"

#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <poll.h>
#include <unistd.h>

#include "fg.h"

static int write_file(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC);
	ssize_t n;
	size_t len = strlen(text);

	if (fd < 0)
		return -1;
	n = write(fd, text, len);
	close(fd);
	return n == (ssize_t)len ? 0 : -1;
}

static int map_root(uid_t uid, gid_t gid)
{
	char buf[64];

	/* setgroups must be denied before an unprivileged gid_map */
	write_file("/proc/self/setgroups", "deny");
	snprintf(buf, sizeof buf, "0 %u 1\n", (unsigned)uid);
	if (write_file("/proc/self/uid_map", buf) < 0)
		return -1;
	snprintf(buf, sizeof buf, "0 %u 1\n", (unsigned)gid);
	return write_file("/proc/self/gid_map", buf);
}

static int lo_up(void)
{
	struct ifreq ifr;
	int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	int rc = -1;

	if (fd < 0)
		return -1;
	memset(&ifr, 0, sizeof ifr);
	snprintf(ifr.ifr_name, sizeof ifr.ifr_name, "lo");
	if (ioctl(fd, SIOCGIFFLAGS, &ifr) == 0) {
		ifr.ifr_flags |= IFF_UP;
		rc = ioctl(fd, SIOCSIFFLAGS, &ifr);
	}
	close(fd);
	return rc;
}

/* The sandbox is three processes:
 *
 *   outside   waits for the sandbox and leaves with its exit status;
 *   init      pid 1 of the sandbox's pid namespace: reaps orphans and
 *             forwards signals (the kernel gives pid 1 no default signal
 *             actions and will not let it stop, so nsviz must not be it);
 *   nsviz     pid 2: the program itself.
 */
static volatile pid_t forward_to;

/* The signals forwarded, blocked from before each fork until the parent's
 * handler is in place: a SIGTERM that comes in between (a person, or a
 * test, quick to stop a sandbox just started; a busy machine makes it
 * wide) waits for the handler instead of meeting the default action.
 * Unblocked, in the outside the default would kill the relay alone
 * (nsviz dies of SIGKILL, leaving the terminal as it was); in init the
 * kernel drops it (pid 1 without a handler), and nsviz runs on. */
static sigset_t relayed, mask_before;

static void block_relayed(void)
{
	sigemptyset(&relayed);
	sigaddset(&relayed, SIGINT);
	sigaddset(&relayed, SIGTERM);
	sigaddset(&relayed, SIGHUP);
	sigaddset(&relayed, SIGQUIT);
	sigprocmask(SIG_BLOCK, &relayed, &mask_before);
}

/* back to the mask nsviz came with: what was blocked above arrives now */
static void unblock_relayed(void)
{
	sigprocmask(SIG_SETMASK, &mask_before, NULL);
}

/* sandbox_enter failing after the first fork (err says why) */
static int sandbox_fail(void)
{
	unblock_relayed();
	return -1;
}

static void forward(int sig)
{
	if (forward_to > 0)
		kill(forward_to, sig);
}

static void forward_signals(pid_t to)
{
	struct sigaction sa;

	forward_to = to;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = forward;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGQUIT, &sa, NULL);
	unblock_relayed();
}

static void exit_like(int status)
{
	if (WIFEXITED(status))
		_exit(WEXITSTATUS(status));
	_exit(128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 1));
}

/* The terminal's foreground group, when nsviz has it, is the relay's
 * (the group of the job the user's shell started); from inside the pid
 * namespace that group has no number, so nsviz cannot give the terminal
 * back to it after a program of its own had it (src/fg.h).  The relay
 * does it for nsviz, asked over a socket: 'q' is the foreground ours?
 * 't' take it back. */
static int relay_fd = -1;       /* nsviz's end */

static int ask_relay(char what)
{
	char answer;
	ssize_t r;

	if (send(relay_fd, &what, 1, MSG_NOSIGNAL) != 1)
		return -1;
	while ((r = recv(relay_fd, &answer, 1, 0)) < 0 && errno == EINTR)
		;
	if (r != 1)
		return -1;
	return what == 'q' ? answer == 1 : answer == 0 ? 0 : -1;
}

static void answer_nsviz(int sock)
{
	char what, answer = 0;

	if (recv(sock, &what, 1, 0) != 1)
		return;
	if (what == 'q')
		answer = isatty(0) && tcgetpgrp(0) == getpgrp();
	else if (what == 't')
		answer = fg_take_back() < 0;
	send(sock, &answer, 1, MSG_NOSIGNAL);
}

/* outside: wait, and leave as the sandbox left, answering nsviz's
 * questions about the terminal meanwhile.  Job control needs no more
 * help: ^Z stops every process of the terminal's foreground group (this
 * one and nsviz; the kernel spares pid 1), and fg continues them all. */
static void relay_outside(pid_t init, int sock)
{
	int status;
	int pidfd = (int)syscall(SYS_pidfd_open, init, 0);

	forward_signals(init);
	if (pidfd < 0)
		close(sock);    /* no pidfd (Linux < 5.3): nsviz hears no */
	while (pidfd >= 0) {
		struct pollfd p[2] = { { pidfd, POLLIN, 0 }, { sock, POLLIN, 0 } };

		if (poll(p, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (p[0].revents)
			break;          /* the sandbox ended */
		if (p[1].revents & POLLIN)
			answer_nsviz(sock);
		else if (p[1].revents)
			break;          /* nsviz and init closed it */
	}
	while (waitpid(init, &status, 0) < 0)
		if (errno != EINTR)
			_exit(1);
	exit_like(status);
}

static void run_init(pid_t prog)
{
	int status;

	forward_signals(prog);
	for (;;) {
		pid_t r = waitpid(-1, &status, WUNTRACED);

		if (r < 0) {
			if (errno == EINTR)
				continue;
			_exit(1);
		}
		if (r != prog || WIFSTOPPED(status))
			continue;           /* an orphan reaped, or a ^Z */
		exit_like(status);  /* the kernel ends the rest */
	}
}

int sandbox_enter(char *err, size_t errlen)
{
	uid_t uid = geteuid();
	gid_t gid = getegid();
	int flags = CLONE_NEWNET | CLONE_NEWNS | CLONE_NEWPID;
	pid_t child;
	int sv[2];

	if (uid != 0)
		flags |= CLONE_NEWUSER;
	if (unshare(flags) < 0) {
		snprintf(err, errlen,
		         "cannot create the sandbox namespaces: %s%s",
		         strerror(errno),
		         uid != 0 ? " (are unprivileged user namespaces "
		                    "disabled? try sudo nsviz --sandbox)"
		                  : "");
		return -1;
	}
	if (uid != 0 && map_root(uid, gid) < 0) {
		snprintf(err, errlen, "cannot map the user into the sandbox: %s",
		         strerror(errno));
		return -1;
	}
	/* A pid namespace of its own: the sandbox's /proc shows only its
	 * own processes, so the host's other namespaces (containers) are
	 * neither listed nor touched from inside. */
	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) < 0) {
		snprintf(err, errlen, "cannot start the sandbox: %s",
		         strerror(errno));
		return -1;
	}
	fflush(NULL);
	block_relayed();
	child = fork();
	if (child < 0) {
		unblock_relayed();
		snprintf(err, errlen, "cannot start the sandbox: %s",
		         strerror(errno));
		return -1;
	}
	if (child > 0) {
		close(sv[1]);
		relay_outside(child, sv[0]);   /* does not return */
	}
	/* init-to-be: the relayed signals stay blocked (they wait for
	 * init's handler, or until sandbox_fail) */
	close(sv[0]);
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	/* Nothing mounted from here on may leak to the host.  A change of
	 * propagation ignores source and type, but they are strings to the
	 * system call (valgrind checks them): "none", as mount(8) passes. */
	if (mount("none", "/", "none", MS_REC | MS_PRIVATE, NULL) < 0) {
		snprintf(err, errlen, "cannot make mounts private: %s",
		         strerror(errno));
		return sandbox_fail();
	}
	if (mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC,
	          NULL) < 0) {
		snprintf(err, errlen, "cannot mount /proc in the sandbox: %s",
		         strerror(errno));
		return sandbox_fail();
	}
	if (access("/run/netns", F_OK) < 0) {
		/* Creating it would change the host's /run: give the sandbox
		 * a /run of its own instead. */
		if (mount("tmpfs", "/run", "tmpfs", MS_NOSUID | MS_NODEV,
		          "mode=0755") < 0 ||
		    mkdir("/run/netns", 0755) < 0) {
			snprintf(err, errlen, "cannot prepare /run/netns: %s",
			         strerror(errno));
			return sandbox_fail();
		}
	}
	if (mount("tmpfs", "/run/netns", "tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC,
	          "mode=0755") < 0) {
		snprintf(err, errlen, "cannot mount a tmpfs on /run/netns: %s",
		         strerror(errno));
		return sandbox_fail();
	}
	/* /sys/class/net should show the sandbox's devices: a fresh sysfs
	 * over the host's (best effort; the host's stays if refused). */
	mount("sysfs", "/sys", "sysfs", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL);
	if (lo_up() < 0) {
		snprintf(err, errlen, "cannot bring lo up in the sandbox: %s",
		         strerror(errno));
		return sandbox_fail();
	}
	child = fork();
	if (child < 0) {
		snprintf(err, errlen, "cannot start the sandbox: %s",
		         strerror(errno));
		return sandbox_fail();
	}
	if (child > 0) {
		close(sv[1]);
		run_init(child);   /* does not return */
	}
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	relay_fd = sv[1];
	fg_set_relay(ask_relay);
	unblock_relayed();      /* nsviz's own handlers (or the defaults) now */
	return 0;
}
