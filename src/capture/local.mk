# SPDX-License-Identifier: GPL-2.0-or-later
# src/capture/local.mk - included by Makefile.am; paths are relative to the top.
#
# Packet capture: the pure decoder (src/decode, unit-tested and fuzzed
# alone), the capture core and `nsviz capture` (src/capture, libpcap).

libnsviz_pure_a_SOURCES += \
	src/decode/decode.h src/decode/priv.h src/decode/cursor.h \
	src/decode/decode.c src/decode/ip.c src/decode/tcp.c \
	src/decode/detail.c \
	src/decode/icmp6.c \
	src/decode/ip6ext.c \
	src/decode/tcpopt.c \
	src/decode/udp.c \
	src/decode/udpapps.c \
	src/decode/dns.c \
	src/decode/bootp.c \
	src/decode/ntp.c \
	src/decode/vxlan.c \
	src/decode/geneve.c \
	src/decode/gre.c \
	src/decode/igmp.c \
	src/decode/llc.c \
	src/decode/hexdump.c

libnsviz_a_SOURCES += \
	src/capture/capture.h src/capture/capture.c src/capture/cli.c
libnsviz_a_CFLAGS += $(PCAP_CFLAGS)

# tcpdump's command line and output forms, against tcpdump itself
TESTS += tests/kernel/capture-flags.sh tests/tui/capture-flags.sh
EXTRA_DIST += tests/kernel/capture-flags.sh tests/tui/capture-flags.sh \
	tests/data/craft-flags.py tests/data/flags.pcap tests/data/flags.txt \
	tests/data/flags-nano.pcap tests/data/flags-nano.txt \
	tests/data/flags-llc.pcap tests/data/flags-llc.txt

# Unit tests: hand-built packets, and real captures (tests/data/*.pcap)
# against what tcpdump -n printed for them (tests/data/*.txt).
if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test_decode
tests_unit_test_decode_SOURCES = tests/unit/test_decode.c
tests_unit_test_decode_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) \
	-DTEST_DATADIR='"$(abs_top_srcdir)/tests/data"'
tests_unit_test_decode_LDADD = libnsviz_pure.a $(CMOCKA_LIBS)
# the dumps and timestamp forms around the line (src/decode/hexdump.c)
check_PROGRAMS += tests/unit/test_hexdump
tests_unit_test_hexdump_SOURCES = tests/unit/test_hexdump.c
tests_unit_test_hexdump_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_hexdump_LDADD = libnsviz_pure.a $(CMOCKA_LIBS)
endif

TESTS += tests/kernel/capture.sh
capture_test_data = \
	tests/data/tutorial-ping.pcap tests/data/tutorial-ping.txt \
	tests/data/tcp-echo.pcap tests/data/tcp-echo.txt \
	tests/data/udp.pcap tests/data/udp.txt \
	tests/data/unreachable.pcap tests/data/unreachable.txt \
	tests/data/ipv6.pcap tests/data/ipv6.txt \
	tests/data/vlan.pcap tests/data/vlan.txt \
	tests/data/truncated.pcap tests/data/truncated.txt \
	tests/data/truncated64.pcap tests/data/truncated64.txt \
	tests/data/make-captures.sh tests/data/craft.py \
	tests/data/crafted.pcap tests/data/crafted.txt \
	tests/data/sll2.pcap tests/data/README.md
EXTRA_DIST += tests/kernel/capture.sh $(capture_test_data)

# The fuzz targets (the decoder and reading capture files): fuzz/local.mk.
