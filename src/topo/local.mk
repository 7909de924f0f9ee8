# SPDX-License-Identifier: GPL-2.0-or-later
# src/topo/local.mk - topologies: show --json's documents as commands.
# Included by Makefile.am; paths are relative to the top.
libnsviz_pure_a_SOURCES += src/topo/fromjson.c src/topo/fromjson.h \
	src/topo/fromjson_int.h src/topo/jsonpath.c src/topo/fromjson_links.c \
	src/topo/fromjson_routes.c

# a test-only door to the translator: FILE (- for stdin) to commands
noinst_PROGRAMS += tests/lib/json2cmds
tests_lib_json2cmds_SOURCES = tests/lib/json2cmds.c
tests_lib_json2cmds_LDADD = libnsviz_pure.a $(JSONC_LIBS)

if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test_fromjson
tests_unit_test_fromjson_SOURCES = tests/unit/test_fromjson.c
tests_unit_test_fromjson_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_fromjson_LDADD = libnsviz_pure.a $(CMOCKA_LIBS) $(JSONC_LIBS)
endif

# what show --json says for the translator (linkinfo data, rules)
if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test_show_json
tests_unit_test_show_json_SOURCES = tests/unit/test_show_json.c
tests_unit_test_show_json_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) $(JSONC_CFLAGS)
tests_unit_test_show_json_LDADD = libnsviz_pure.a $(CMOCKA_LIBS) $(JSONC_LIBS)
endif
