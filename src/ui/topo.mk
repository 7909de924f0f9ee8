# SPDX-License-Identifier: GPL-2.0-or-later
# src/ui/topo.mk - the topology view (pure: no curses); included by
# Makefile.am, paths are relative to the top.
libnsviz_pure_a_SOURCES += src/ui/topo.h src/ui/topo/topo_int.h \
	src/ui/topo/model.c src/ui/topo/place.c src/ui/topo/route.c \
	src/ui/topo/paint.c src/ui/topo/render.c

if HAVE_CMOCKA
# TESTS already takes $(check_PROGRAMS) when cmocka is there: adding the
# test to TESTS as well would run it twice.
# One test per phase: paint (test_topo), placement, routing; the worlds
# and the checks they share are in topo_check.c.
check_PROGRAMS += tests/unit/test_topo tests/unit/test_topo_place \
	tests/unit/test_topo_route
tests_unit_test_topo_SOURCES = tests/unit/test_topo.c \
	tests/unit/topo_check.c tests/unit/topo_check.h
tests_unit_test_topo_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_topo_LDADD = libnsviz_pure.a $(CMOCKA_LIBS)
tests_unit_test_topo_place_SOURCES = tests/unit/test_topo_place.c \
	tests/unit/topo_check.c tests/unit/topo_check.h
tests_unit_test_topo_place_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_topo_place_LDADD = libnsviz_pure.a $(CMOCKA_LIBS)
tests_unit_test_topo_route_SOURCES = tests/unit/test_topo_route.c \
	tests/unit/topo_check.c tests/unit/topo_check.h
tests_unit_test_topo_route_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_topo_route_LDADD = libnsviz_pure.a $(CMOCKA_LIBS)
endif
