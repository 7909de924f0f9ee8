# SPDX-License-Identifier: GPL-2.0-or-later
# src/capture/local.mk - included by Makefile.am; paths are relative to the top.
#
# Packet capture: the pure decoder (src/decode, unit-tested and fuzzed
# alone), the capture core and `nsviz capture` (src/capture, libpcap).

libnsviz_pure_a_SOURCES += \
	src/decode/decode.h src/decode/priv.h src/decode/cursor.h \
	src/decode/decode.c src/decode/ip.c src/decode/tcp.c \
	src/decode/detail.c \
	src/decode/icmp6.c src/decode/nd6opt.c src/decode/rpl.c \
	src/decode/ip6ext.c \
	src/decode/tcpopt.c \
	src/decode/mptcp.c \
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
	src/decode/stp.c \
	src/decode/hexdump.c

libnsviz_a_SOURCES += \
	src/capture/capture.h src/capture/capture.c src/capture/cli.c \
	src/capture/ifnames.h src/capture/ifnames.c
libnsviz_a_CFLAGS += $(PCAP_CFLAGS)

# tcpdump's command line and output forms, against tcpdump itself
TESTS += tests/kernel/capture-flags.sh tests/tui/capture-flags.sh
EXTRA_DIST += tests/kernel/capture-flags.sh tests/tui/capture-flags.sh \
	tests/data/craft-flags.py tests/data/flags.pcap tests/data/flags.txt \
	tests/data/flags-nano.pcap tests/data/flags-nano.txt \
	tests/data/flags-llc.pcap tests/data/flags-llc.txt \
	tests/data/capture-known.txt

# Unit tests: hand-built packets, and real captures (tests/data/*.pcap)
# against what tcpdump -n printed for them (tests/data/*.txt).
if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test_decode
tests_unit_test_decode_SOURCES = tests/unit/test_decode.c
tests_unit_test_decode_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) \
	-DTEST_DATADIR='"$(abs_top_srcdir)/tests/data"'
tests_unit_test_decode_LDADD = libnsviz_pure.a $(CMOCKA_LIBS)
check_PROGRAMS += tests/unit/test_captures
tests_unit_test_captures_SOURCES = tests/unit/test_captures.c
tests_unit_test_captures_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) \
	-DTEST_DATADIR='"$(abs_top_srcdir)/tests/data"'
tests_unit_test_captures_LDADD = libnsviz_pure.a $(CMOCKA_LIBS)
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
	tests/data/sll2.pcap tests/data/README.md \
	tests/data/craft-tcpopt.py tests/data/make-tcpopt.sh \
	tests/data/capture-lib.sh tests/data/pcaplib.py \
	tests/data/tcpopt-peer.py \
	tests/data/tcpopt.pcap tests/data/tcpopt.txt \
	tests/data/tcpopt-random.pcap tests/data/tcpopt-random.txt \
	tests/data/tcpopt-tfo.pcap tests/data/tcpopt-tfo.txt \
	tests/data/tcpopt-mptcp.pcap tests/data/tcpopt-mptcp.txt \
	tests/data/tcpopt-mptcp-cut.pcap tests/data/tcpopt-mptcp-cut.txt \
	tests/data/tcpopt-md5.pcap tests/data/tcpopt-md5.txt
capture_test_data += \
	tests/data/craft-icmp6.py tests/data/icmp6.pcap tests/data/icmp6.txt \
	tests/data/icmp6.v.txt tests/data/icmp6.vv.txt tests/data/icmp6.vvv.txt \
	tests/data/craft-rt6.py tests/data/rt6.pcap tests/data/rt6.txt \
	tests/data/rt6.v.txt tests/data/make-icmp6-captures.sh \
	tests/data/icmp6-real.pcap tests/data/icmp6-real.txt \
	tests/data/icmp6-real.v.txt tests/data/icmp6-real.vv.txt \
	tests/data/icmp6-mld.pcap tests/data/icmp6-mld.txt \
	tests/data/icmp6-mld.v.txt tests/data/icmp6-mld.vv.txt \
	tests/data/make-dns-captures.sh tests/data/craft-dns.py \
	tests/data/dns-real.pcap tests/data/dns-real.txt \
	tests/data/dns-real.v.txt \
	tests/data/dns.pcap tests/data/dns.txt tests/data/dns.v.txt \
	tests/data/dns.vv.txt tests/data/dns.vvv.txt \
	tests/data/dhcp-real.pcap tests/data/dhcp-real.txt \
	tests/data/dhcp-real.v.txt \
	tests/data/dhcp.pcap tests/data/dhcp.txt tests/data/dhcp.v.txt \
	tests/data/dhcp.vv.txt tests/data/dhcp.vvv.txt \
	tests/data/vxlan.pcap tests/data/vxlan.txt tests/data/make-vxlan.sh \
	tests/data/vxlan-8472.pcap tests/data/vxlan-8472.txt \
	tests/data/craft-overlay.py \
	tests/data/overlay.pcap tests/data/overlay.txt \
	tests/data/overlay-cut.pcap tests/data/overlay-cut.txt \
	tests/data/ntp.pcap tests/data/ntp.txt \
	tests/data/ntp-cut.pcap tests/data/ntp-cut.v.txt \
	tests/data/overlay.v.txt tests/data/overlay.vv.txt tests/data/ntp.v.txt \
	tests/data/craft-llc.py \
	tests/data/llc.pcap tests/data/llc.txt tests/data/llc.e.txt \
	tests/data/stp.pcap tests/data/stp.txt tests/data/stp.v.txt \
	tests/data/stp.ev.txt \
	tests/data/igmp.pcap tests/data/igmp.txt tests/data/igmp.v.txt \
	tests/data/igmp.vv.txt tests/data/igmp.q.txt \
	tests/data/make-captures-llc.sh \
	tests/data/stp-bridge.pcap tests/data/stp-bridge.txt \
	tests/data/stp-bridge.v.txt tests/data/stp-bridge.e.txt \
	tests/data/igmp-join.pcap tests/data/igmp-join.txt \
	tests/data/igmp-join.v.txt \
	tests/data/sll2.pcap tests/data/sll2.txt tests/data/README.md \
	tests/data/craft-verbose.py tests/data/verbose-texts.sh \
	tests/data/make-captures-any.sh \
	tests/data/verbose.pcap tests/data/verbose.txt \
	tests/data/sll.pcap tests/data/sll.txt \
	tests/data/sll2-crafted.pcap tests/data/sll2-crafted.txt \
	tests/data/any-sll2.pcap tests/data/any-sll2.txt \
	tests/data/any-sll2.ifnames \
	tests/data/any-sll.pcap tests/data/any-sll.txt \
	tests/data/any-sll.ifnames \
	tests/data/fuzzed-eth.pcap tests/data/fuzzed-eth.txt \
	tests/data/fuzzed-raw.pcap tests/data/fuzzed-raw.txt \
	tests/data/fuzzed-sll.pcap tests/data/fuzzed-sll.txt \
	tests/data/fuzzed-sll2.pcap tests/data/fuzzed-sll2.txt \
	$(capture_flag_texts)
# what tcpdump -e, -v, -vv and -q printed for each capture
capture_flag_texts = \
	tests/data/tutorial-ping.e.txt tests/data/tutorial-ping.v.txt \
	tests/data/tutorial-ping.vv.txt tests/data/tutorial-ping.q.txt \
	tests/data/tcp-echo.e.txt tests/data/tcp-echo.v.txt \
	tests/data/tcp-echo.vv.txt tests/data/tcp-echo.q.txt \
	tests/data/udp.e.txt tests/data/udp.v.txt \
	tests/data/udp.vv.txt tests/data/udp.q.txt \
	tests/data/unreachable.e.txt tests/data/unreachable.v.txt \
	tests/data/unreachable.vv.txt tests/data/unreachable.q.txt \
	tests/data/ipv6.e.txt tests/data/ipv6.v.txt \
	tests/data/ipv6.vv.txt tests/data/ipv6.q.txt \
	tests/data/vlan.e.txt tests/data/vlan.v.txt \
	tests/data/vlan.vv.txt tests/data/vlan.q.txt \
	tests/data/truncated.e.txt tests/data/truncated.v.txt \
	tests/data/truncated.vv.txt tests/data/truncated.q.txt \
	tests/data/truncated64.e.txt tests/data/truncated64.v.txt \
	tests/data/truncated64.vv.txt tests/data/truncated64.q.txt \
	tests/data/crafted.e.txt tests/data/crafted.v.txt \
	tests/data/crafted.vv.txt tests/data/crafted.q.txt \
	tests/data/sll2.e.txt tests/data/sll2.v.txt \
	tests/data/sll2.vv.txt tests/data/sll2.q.txt \
	tests/data/verbose.e.txt tests/data/verbose.v.txt \
	tests/data/verbose.vv.txt tests/data/verbose.q.txt \
	tests/data/sll.e.txt tests/data/sll.v.txt \
	tests/data/sll.vv.txt tests/data/sll.q.txt \
	tests/data/sll2-crafted.e.txt tests/data/sll2-crafted.v.txt \
	tests/data/sll2-crafted.vv.txt tests/data/sll2-crafted.q.txt \
	tests/data/any-sll2.e.txt tests/data/any-sll2.v.txt \
	tests/data/any-sll2.vv.txt tests/data/any-sll2.q.txt \
	tests/data/any-sll.e.txt tests/data/any-sll.v.txt \
	tests/data/any-sll.vv.txt tests/data/any-sll.q.txt \
	tests/data/fuzzed-eth.e.txt tests/data/fuzzed-eth.v.txt \
	tests/data/fuzzed-eth.vv.txt tests/data/fuzzed-eth.q.txt \
	tests/data/fuzzed-raw.e.txt tests/data/fuzzed-raw.v.txt \
	tests/data/fuzzed-raw.vv.txt tests/data/fuzzed-raw.q.txt \
	tests/data/fuzzed-sll.e.txt tests/data/fuzzed-sll.v.txt \
	tests/data/fuzzed-sll.vv.txt tests/data/fuzzed-sll.q.txt \
	tests/data/fuzzed-sll2.e.txt tests/data/fuzzed-sll2.v.txt \
	tests/data/fuzzed-sll2.vv.txt tests/data/fuzzed-sll2.q.txt
EXTRA_DIST += tests/kernel/capture.sh $(capture_test_data)

# The fuzz targets (the decoder and reading capture files): fuzz/local.mk.
