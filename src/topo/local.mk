# SPDX-License-Identifier: GPL-2.0-or-later
# src/topo/local.mk - included by Makefile.am; paths are relative to the top.
#
# A topology as a file (issue 13): the items of a world and the steps
# between two of them (pure, unit-tested), show --json's documents as
# commands (pure), the live and scratch worlds and `nsviz save|apply|diff`
# (kernel).

libnsviz_pure_a_SOURCES += \
	src/topo/items.h src/topo/items.c \
	src/topo/save.h src/topo/save.c src/topo/write.c src/topo/nft.c \
	src/topo/tc.c \
	src/topo/diff.h src/topo/diff.c \
	src/topo/fromjson.c src/topo/fromjson.h \
	src/topo/fromjson_int.h src/topo/jsonpath.c src/topo/fromjson_links.c \
	src/topo/fromjson_routes.c

libnsviz_a_SOURCES += \
	src/batch.h src/batch.c \
	src/topo/live.h src/topo/live.c \
	src/topo/cli.h src/topo/cli.c

# a test-only door to the translator: FILE (- for stdin) to commands
noinst_PROGRAMS += tests/lib/json2cmds
tests_lib_json2cmds_SOURCES = tests/lib/json2cmds.c
tests_lib_json2cmds_LDADD = libnsviz_pure.a $(JSONC_LIBS)

if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test_topo_file tests/unit/test_fromjson \
	tests/unit/test_show_json
tests_unit_test_topo_file_SOURCES = tests/unit/test_topo_file.c
tests_unit_test_topo_file_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_topo_file_LDADD = libnsviz_pure.a $(CMOCKA_LIBS)
tests_unit_test_fromjson_SOURCES = tests/unit/test_fromjson.c
tests_unit_test_fromjson_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_fromjson_LDADD = libnsviz_pure.a $(CMOCKA_LIBS) $(JSONC_LIBS)
# what show --json says for the translator (linkinfo data, rules)
tests_unit_test_show_json_SOURCES = tests/unit/test_show_json.c
tests_unit_test_show_json_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) $(JSONC_CFLAGS)
tests_unit_test_show_json_LDADD = libnsviz_pure.a $(CMOCKA_LIBS) $(JSONC_LIBS)
endif

# save, -b, apply and the --sh script of random labs made by ip, against
# the real kernel
TESTS += tests/kernel/topology.sh
EXTRA_DIST += tests/kernel/topology.sh tests/kernel/topology-gen.awk \
	tests/kernel/topology-state.jq tests/kernel/topology-mut.awk
