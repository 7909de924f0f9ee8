/* SPDX-License-Identifier: GPL-2.0-or-later */
/* fg.c - a program of the user's in the terminal's foreground (see fg.h). */
#include "fg.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

static int (*relay)(char what);

void fg_set_relay(int (*ask)(char what))
{
	relay = ask;
}

/* tcsetpgrp from a group that is not the foreground one raises SIGTTOU
 * (which would stop us) unless it is blocked. */
static int set_foreground(pid_t pgrp)
{
	sigset_t ttou, old;
	int rc, saved;

	sigemptyset(&ttou);
	sigaddset(&ttou, SIGTTOU);
	sigprocmask(SIG_BLOCK, &ttou, &old);
	rc = tcsetpgrp(0, pgrp);
	saved = errno;
	sigprocmask(SIG_SETMASK, &old, NULL);
	errno = saved;
	return rc;
}

void fg_prepare(struct fg *f)
{
	pid_t own = getpgrp();

	f->on = false;
	if (!isatty(0))
		return;
	if (own > 0)
		f->on = tcgetpgrp(0) == own;
	else if (relay)     /* led from outside our pid namespace */
		f->on = relay('q') == 1;
}

int fg_take_back(void)
{
	pid_t own = getpgrp();

	if (own > 0)
		return set_foreground(own);
	if (relay)
		return relay('t');
	errno = ESRCH;
	return -1;
}

void fg_child(const struct fg *f)
{
	sigset_t none;

	if (f->on) {
		setpgid(0, 0);
		set_foreground(getpid());
		/* a foreground job's defaults: ^Z stops it, ^C ends it */
		signal(SIGTSTP, SIG_DFL);
		signal(SIGTTIN, SIG_DFL);
		signal(SIGTTOU, SIG_DFL);
	}
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
}

/* The program stopped (^Z): stop as it did, so that the user's shell
 * sees its job stopped.  kill(0): the job is our whole group (in the
 * sandbox the relay outside is in it too).  A group without job control
 * (an orphan: started by tmux or by sh -c) is not stopped by SIGTSTP:
 * the kernel drops it, and we go on at once. */
static void stop_with_it(void)
{
	struct sigaction dfl, old;
	sigset_t tstp, oldmask;

	memset(&dfl, 0, sizeof dfl);
	dfl.sa_handler = SIG_DFL;
	sigemptyset(&dfl.sa_mask);
	sigaction(SIGTSTP, &dfl, &old);     /* not curses' handler: it redraws */
	sigemptyset(&tstp);
	sigaddset(&tstp, SIGTSTP);
	sigprocmask(SIG_UNBLOCK, &tstp, &oldmask);
	kill(0, SIGTSTP);
	sigprocmask(SIG_SETMASK, &oldmask, NULL);
	sigaction(SIGTSTP, &old, NULL);
}

int fg_wait(const struct fg *f, pid_t pid, int *status)
{
	int rc = 0, saved = 0;

	if (f->on) {
		setpgid(pid, pid);      /* the child does it too: no race */
		set_foreground(pid);
	}
	for (;;) {
		if (waitpid(pid, status, f->on ? WUNTRACED : 0) < 0) {
			if (errno == EINTR)
				continue;
			saved = errno;
			rc = -1;
			break;
		}
		if (!WIFSTOPPED(*status))
			break;
		fg_take_back();
		stop_with_it();
		/* continued (fg), or never stopped: the program goes on */
		set_foreground(pid);
		kill(-pid, SIGCONT);
	}
	if (f->on)
		fg_take_back();
	errno = saved;
	return rc;
}
