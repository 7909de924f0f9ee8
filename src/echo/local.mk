# SPDX-License-Identifier: GPL-2.0-or-later
# src/echo/local.mk - included by Makefile.am; paths are relative to the top.
#
# Echo servers and their client: the pure text (format.c, unit-tested),
# the epoll server, the client, the supervisor of servers in namespaces,
# and the grammar's echo/send commands (src/cmd/exec_echo.c).

libnsviz_pure_a_SOURCES += src/echo/echo.h src/echo/format.c

libnsviz_a_SOURCES += \
	src/echo/echosup.h src/echo/server.c src/echo/client.c \
	src/echo/supervisor.c \
	src/cmd/exec_echo.c src/cmd/exec_echo.h

if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test_echo
tests_unit_test_echo_SOURCES = tests/unit/test_echo.c
tests_unit_test_echo_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_echo_LDADD = libnsviz_pure.a $(CMOCKA_LIBS)
endif

# The load generator: bench/echo.sh times with it, and tests/kernel/echo.sh
# uses it for many clients at once.  Built with nsviz, never installed.
noinst_PROGRAMS = bench/echoload
bench_echoload_SOURCES = bench/echoload.c

TESTS += tests/kernel/echo.sh
EXTRA_DIST += tests/kernel/echo.sh bench/echo.sh
