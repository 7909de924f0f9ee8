# SPDX-License-Identifier: GPL-2.0-or-later
# src/ui/local.mk - themes and the config file of the full-screen UI.
# Included by Makefile.am; paths are relative to the top.

# Pure: parsing and finding themes, the config file, the : history
# file (no curses).
libnsviz_pure_a_SOURCES += \
	src/ui/theme.c src/ui/theme.h \
	src/ui/config.c src/ui/config.h \
	src/ui/history.c src/ui/history.h \
	src/ui/lessontext.c src/ui/lessontext.h

# Applying a theme with ncurses.
libnsviz_a_SOURCES += src/ui/theme_curses.c src/ui/lessonreset.c

# The shipped themes, under $(pkgdatadir)/themes (NSVIZ_DATADIR/themes).
themesdir = $(pkgdatadir)/themes
dist_themes_DATA = \
	themes/dark.theme \
	themes/light.theme \
	themes/mono.theme \
	themes/high-contrast.theme


if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test_theme
tests_unit_test_theme_SOURCES = tests/unit/test_theme.c
tests_unit_test_theme_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_theme_LDADD = libnsviz_pure.a $(CMOCKA_LIBS)
# the lesson panel's text wrapped to the panel, for every shipped lesson
check_PROGRAMS += tests/unit/test_lessontext
tests_unit_test_lessontext_SOURCES = tests/unit/test_lessontext.c
tests_unit_test_lessontext_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) \
	-DTEST_LESSONSDIR='"$(abs_top_srcdir)/lessons"'
tests_unit_test_lessontext_LDADD = libnsviz_pure.a $(CMOCKA_LIBS)
endif
