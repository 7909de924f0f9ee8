# SPDX-License-Identifier: GPL-2.0-or-later
# src/lesson/local.mk - guided lessons.  Included by Makefile.am; paths are
# relative to the top.
#
# The lesson file parser, the loader and the progress file are pure (no
# kernel: unit-tested alone); the checks against the live world and the
# CLI (`nsviz lesson --list|--verify|N`) need the kernel.

libnsviz_pure_a_SOURCES += \
	src/lesson/lesson.h src/lesson/priv.h \
	src/lesson/parse.c src/lesson/load.c src/lesson/progress.c \
	src/lesson/host.c

libnsviz_a_SOURCES += src/lesson/check.c src/lesson/cli.c src/lesson/needs.c

# The shipped lessons, under $(pkgdatadir)/lessons (NSVIZ_DATADIR/lessons).
lessonsdir = $(pkgdatadir)/lessons
dist_lessons_DATA = \
	lessons/01-veth-pair.lesson \
	lessons/02-namespace.lesson \
	lessons/03-routing.lesson \
	lessons/04-tcp-echo.lesson \
	lessons/05-bridge.lesson \
	lessons/06-router.lesson \
	lessons/07-ipv6.lesson \
	lessons/08-neighbours.lesson \
	lessons/09-nat.lesson \
	lessons/10-firewall.lesson \
	lessons/11-impairment.lesson \
	lessons/12-broken-lab.lesson


if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test_lesson
tests_unit_test_lesson_SOURCES = tests/unit/test_lesson.c
tests_unit_test_lesson_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) \
	-DTEST_DATADIR='"$(abs_top_srcdir)/tests/data"' \
	-DTEST_LESSONSDIR='"$(abs_top_srcdir)/lessons"'
tests_unit_test_lesson_LDADD = libnsviz_pure.a $(CMOCKA_LIBS)
endif

TESTS += tests/kernel/lessons.sh
EXTRA_DIST += tests/kernel/lessons.sh $(lesson_bad_data)
lesson_bad_data = \
	tests/data/lessons-bad/no-lesson-line.lesson \
	tests/data/lessons-bad/bad-check.lesson \
	tests/data/lessons-bad/bad-command.lesson \
	tests/data/lessons-bad/no-goal.lesson \
	tests/data/lessons-bad/stray-text.lesson \
	tests/data/lessons-bad/unknown-directive.lesson \
	tests/data/lessons-bad/runs-program.lesson \
	tests/data/lessons-bad/escape.lesson
