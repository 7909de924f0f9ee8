/* SPDX-License-Identifier: GPL-2.0-or-later */
/* fg.h - a program of the user's in the terminal's foreground, and the
 * terminal back afterwards.
 *
 * A program nsviz runs for the user (netns exec, the UI's shell) gets the
 * terminal as a shell's foreground job does: a process group of its own,
 * made the terminal's foreground group, so ^C, ^\ and ^Z are for it
 * alone.  When it ends, however it ends (exit, ^D, a signal, kill -9
 * from outside), nsviz takes the terminal back before it touches it: a
 * process outside the foreground group is stopped when it sets the
 * terminal's modes, and its reads fail (a UI would spin on them).
 * ^Z in the program stops nsviz with it, as one job of the user's shell
 * (fg continues both); where there is no job control, the program just
 * goes on. */
#ifndef NSVIZ_FG_H
#define NSVIZ_FG_H

#include <stdbool.h>
#include <sys/types.h>

struct fg {
	bool on;        /* stdin is a terminal whose foreground was ours */
};

/* Before the fork: is the terminal (stdin) ours to hand over? */
void fg_prepare(struct fg *f);

/* In the child, before exec: its own group, the terminal's foreground,
 * an empty signal mask.  Nothing when !f->on. */
void fg_child(const struct fg *f);

/* In the parent: hand the terminal to pid (when f->on), wait for it to
 * end (^Z: stop with it, then continue it), take the terminal back.
 * Returns 0 with *status its wait status, or -1 (errno). */
int fg_wait(const struct fg *f, pid_t pid, int *status);

/* Make our own process group the terminal's foreground again (SIGTTOU
 * blocked meanwhile).  0, or -1. */
int fg_take_back(void);

/* In the sandbox, nsviz's process group is led by a process outside its
 * pid namespace (the relay), which nsviz cannot name: tcsetpgrp needs
 * that number.  The sandbox hands over a function that asks the relay:
 * what 'q' = "is the terminal's foreground our group?" (1 yes, 0 no),
 * 't' = "make it so" (0, or -1). */
void fg_set_relay(int (*ask)(char what));

#endif
