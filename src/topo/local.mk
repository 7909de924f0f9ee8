# SPDX-License-Identifier: GPL-2.0-or-later
# src/topo/local.mk - included by Makefile.am; paths are relative to the top.
#
# A topology as a file (issue 13): the items of a world and the steps
# between two of them (pure, unit-tested), the live and scratch worlds
# and `nsviz save|apply|diff` (kernel).

libnsviz_pure_a_SOURCES += \
	src/topo/items.h src/topo/items.c \
	src/topo/save.h src/topo/save.c src/topo/write.c \
	src/topo/diff.h src/topo/diff.c

libnsviz_a_SOURCES += \
	src/batch.h src/batch.c \
	src/topo/live.h src/topo/live.c \
	src/topo/cli.h src/topo/cli.c

# save, -b, apply and the --sh script of random labs made by ip, against
# the real kernel
TESTS += tests/kernel/topology.sh
EXTRA_DIST += tests/kernel/topology.sh tests/kernel/topology-gen.awk \
	tests/kernel/topology-state.jq tests/kernel/topology-mut.awk
