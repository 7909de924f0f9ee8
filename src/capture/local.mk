# src/capture/local.mk - included by Makefile.am; paths are relative to the top.
#
# Packet capture: the pure decoder (src/decode, unit-tested and fuzzed
# alone), the capture core and `nsviz capture` (src/capture, libpcap).

libnsviz_pure_a_SOURCES += \
	src/decode/decode.h src/decode/priv.h \
	src/decode/decode.c src/decode/ip.c src/decode/tcp.c \
	src/decode/detail.c

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
	tests/data/sll2.pcap tests/data/README.md
EXTRA_DIST += tests/kernel/capture.sh $(capture_test_data) \
	fuzz/fuzz_decode.c fuzz/pcap2corpus.c fuzz/run.sh \
	fuzz/regress/tcp-sack-overrun.bin

# ----------------------------------------------------------------------
# The decoder's libFuzzer target: `make fuzz` builds it with clang
# (ASan + UBSan + libFuzzer); `make fuzz-run` runs it for FUZZ_SECONDS
# from a seed corpus cut out of tests/data/*.pcap.
# ----------------------------------------------------------------------
FUZZ_CC = clang
FUZZ_SECONDS = 30
FUZZ_FLAGS = -g -O1 -std=gnu11 -fsanitize=fuzzer,address,undefined \
	-fno-sanitize-recover=undefined -include $(top_builddir)/config.h \
	-I$(top_srcdir)/src
FUZZ_SRCS = $(top_srcdir)/fuzz/fuzz_decode.c \
	$(top_srcdir)/src/decode/decode.c $(top_srcdir)/src/decode/ip.c \
	$(top_srcdir)/src/decode/tcp.c $(top_srcdir)/src/decode/detail.c \
	$(top_srcdir)/src/util/sbuf.c

fuzz/fuzz_decode$(EXEEXT): $(FUZZ_SRCS) $(top_srcdir)/src/decode/priv.h \
		$(top_srcdir)/src/decode/decode.h
	@$(MKDIR_P) fuzz
	$(AM_V_CC)$(FUZZ_CC) $(FUZZ_FLAGS) -o $@ $(FUZZ_SRCS)

fuzz/pcap2corpus$(EXEEXT): $(top_srcdir)/fuzz/pcap2corpus.c
	@$(MKDIR_P) fuzz
	$(AM_V_CC)$(CC) -std=gnu11 -O1 -o $@ $(top_srcdir)/fuzz/pcap2corpus.c

fuzz: fuzz/fuzz_decode$(EXEEXT) fuzz/pcap2corpus$(EXEEXT)

fuzz-run: fuzz
	FUZZ_SECONDS=$(FUZZ_SECONDS) sh $(top_srcdir)/fuzz/run.sh \
		$(top_builddir)/fuzz $(top_srcdir)/tests/data

clean-local: clean-fuzz
clean-fuzz:
	rm -rf fuzz/fuzz_decode$(EXEEXT) fuzz/pcap2corpus$(EXEEXT) \
		fuzz/corpus fuzz/crash-* fuzz/*.log

.PHONY: fuzz fuzz-run clean-fuzz
