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
	src/decode/stp.c

libnsviz_a_SOURCES += \
	src/capture/capture.h src/capture/capture.c src/capture/cli.c
libnsviz_a_CFLAGS += $(PCAP_CFLAGS)

# Unit tests: hand-built packets, and real captures (tests/data/*.pcap)
# against what tcpdump -n printed for them (tests/data/*.txt).
if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test_decode
tests_unit_test_decode_SOURCES = tests/unit/test_decode.c
tests_unit_test_decode_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) \
	-DTEST_DATADIR='"$(abs_top_srcdir)/tests/data"'
tests_unit_test_decode_LDADD = libnsviz_pure.a $(CMOCKA_LIBS)
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
	tests/data/ntp-cut.pcap tests/data/ntp-cut-v.txt \
	tests/data/overlay-v.txt tests/data/overlay-vv.txt tests/data/ntp-v.txt \
	tests/data/craft-llc.py \
	tests/data/llc.pcap tests/data/llc.txt tests/data/llc-e.txt \
	tests/data/stp.pcap tests/data/stp.txt tests/data/stp-v.txt \
	tests/data/stp-e.txt \
	tests/data/igmp.pcap tests/data/igmp.txt tests/data/igmp-v.txt \
	tests/data/igmp-vv.txt tests/data/igmp-q.txt \
	tests/data/make-captures-llc.sh \
	tests/data/stp-bridge.pcap tests/data/stp-bridge.txt \
	tests/data/stp-bridge-v.txt tests/data/stp-bridge-e.txt \
	tests/data/igmp-join.pcap tests/data/igmp-join.txt \
	tests/data/igmp-join-v.txt
EXTRA_DIST += tests/kernel/capture.sh $(capture_test_data)

# The fuzz targets (the decoder and reading capture files): fuzz/local.mk.
