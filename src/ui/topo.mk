# SPDX-License-Identifier: GPL-2.0-or-later
# src/ui/topo.mk - the topology view (pure: no curses); included by
# Makefile.am, paths are relative to the top.
libnsviz_pure_a_SOURCES += src/ui/topo.h src/ui/topo/topo_int.h \
	src/ui/topo/model.c src/ui/topo/place.c src/ui/topo/route.c \
	src/ui/topo/paint.c src/ui/topo/render.c

if HAVE_CMOCKA
# TESTS already takes $(check_PROGRAMS) when cmocka is there: adding the
# test to TESTS as well would run it twice.
check_PROGRAMS += tests/unit/test_topo
tests_unit_test_topo_SOURCES = tests/unit/test_topo.c
tests_unit_test_topo_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_topo_LDADD = libnsviz_pure.a $(CMOCKA_LIBS)
endif
