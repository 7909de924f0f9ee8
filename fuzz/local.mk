# SPDX-License-Identifier: GPL-2.0-or-later
# fuzz/local.mk - the parsers' libFuzzer targets.  Included by Makefile.am;
# paths are relative to the top.
#
#   make fuzz                      build them (clang: libFuzzer, ASan, UBSan)
#   make fuzz-run                  all, FUZZ_SECONDS (30) split between them
#   make fuzz-long FUZZ_SECONDS=N  each for N seconds (FUZZ_RUNS=N: N inputs)
#   FUZZ_TARGETS="grammar lesson"  only these
#
# Each target starts from a seed corpus of the shipped files and the
# tests' inputs (fuzz/run.sh makes it) plus fuzz/regress/TARGET/, the
# inputs that once broke it.  `make check` replays fuzz/regress and the
# seeds through the same targets built with the normal compiler
# (fuzz/replay.c), so a regression is caught without clang too.  A new
# crash input goes into fuzz/regress/TARGET/ (it is distributed whole).

FUZZ_TARGETS = decode grammar lesson theme config capture fromjson items tc whyrules

# ---- make check: the targets replayed without libFuzzer -------------
# Each replay_NAME, run without arguments, replays fuzz/regress/NAME/
# and that target's seeds (in ASan+UBSan builds too).
fuzz_replays = fuzz/replay_decode fuzz/replay_grammar fuzz/replay_lesson \
	fuzz/replay_theme fuzz/replay_config fuzz/replay_capture \
	fuzz/replay_fromjson fuzz/replay_items fuzz/replay_tc \
	fuzz/replay_whyrules
check_PROGRAMS += $(fuzz_replays)
if !HAVE_CMOCKA
TESTS += $(fuzz_replays)
endif
fuzz_regress = $(abs_top_srcdir)/fuzz/regress
fuzz_seeds = $(abs_top_srcdir)/fuzz/seeds
fuzz_replay_decode_SOURCES = fuzz/replay.c fuzz/fuzz_decode.c
fuzz_replay_decode_CFLAGS = $(AM_CFLAGS) \
	-DREPLAY_DIRS='"$(fuzz_regress)/decode"'
fuzz_replay_decode_LDADD = libnsviz_pure.a
fuzz_replay_grammar_SOURCES = fuzz/replay.c fuzz/fuzz_grammar.c
fuzz_replay_grammar_CFLAGS = $(AM_CFLAGS) \
	-DREPLAY_DIRS='"$(fuzz_regress)/grammar", "$(fuzz_seeds)/grammar"'
fuzz_replay_grammar_LDADD = libnsviz_pure.a
fuzz_replay_lesson_SOURCES = fuzz/replay.c fuzz/fuzz_lesson.c
fuzz_replay_lesson_CFLAGS = $(AM_CFLAGS) \
	-DREPLAY_DIRS='"$(fuzz_regress)/lesson", "$(fuzz_seeds)/lesson", "$(abs_top_srcdir)/lessons", "$(abs_top_srcdir)/tests/data/lessons-bad"'
fuzz_replay_lesson_LDADD = libnsviz_pure.a
fuzz_replay_theme_SOURCES = fuzz/replay.c fuzz/fuzz_theme.c
fuzz_replay_theme_CFLAGS = $(AM_CFLAGS) \
	-DFUZZ_THEMES_DIR='"$(abs_top_srcdir)/themes"' \
	-DREPLAY_DIRS='"$(fuzz_regress)/theme", "$(abs_top_srcdir)/themes"'
fuzz_replay_theme_LDADD = libnsviz_pure.a
fuzz_replay_config_SOURCES = fuzz/replay.c fuzz/fuzz_config.c
fuzz_replay_config_CFLAGS = $(AM_CFLAGS) \
	-DREPLAY_DIRS='"$(fuzz_regress)/config", "$(fuzz_seeds)/config"'
fuzz_replay_config_LDADD = libnsviz_pure.a
fuzz_replay_capture_SOURCES = fuzz/replay.c fuzz/fuzz_capture.c
fuzz_replay_capture_CFLAGS = $(AM_CFLAGS) $(PCAP_CFLAGS) \
	-DREPLAY_DIRS='"$(fuzz_regress)/capture", "$(fuzz_seeds)/capture", "$(abs_top_srcdir)/tests/data"'
fuzz_replay_capture_LDADD = libnsviz.a libnsviz_pure.a $(PCAP_LIBS)
fuzz_replay_fromjson_SOURCES = fuzz/replay.c fuzz/fuzz_fromjson.c
fuzz_replay_fromjson_CFLAGS = $(AM_CFLAGS) \
	-DREPLAY_DIRS='"$(fuzz_seeds)/fromjson"'
fuzz_replay_fromjson_LDADD = libnsviz_pure.a $(JSONC_LIBS)
fuzz_replay_items_SOURCES = fuzz/replay.c fuzz/fuzz_items.c
fuzz_replay_items_CFLAGS = $(AM_CFLAGS) \
	-DREPLAY_DIRS='"$(fuzz_seeds)/items"'
fuzz_replay_items_LDADD = libnsviz_pure.a
fuzz_replay_tc_SOURCES = fuzz/replay.c fuzz/fuzz_tc.c
fuzz_replay_tc_CFLAGS = $(AM_CFLAGS) \
	-DREPLAY_DIRS='"$(fuzz_regress)/tc", "$(fuzz_seeds)/tc"'
fuzz_replay_tc_LDADD = libnsviz_pure.a
fuzz_replay_whyrules_SOURCES = fuzz/replay.c fuzz/fuzz_whyrules.c
fuzz_replay_whyrules_CFLAGS = $(AM_CFLAGS) \
	-DREPLAY_DIRS='"$(fuzz_seeds)/whyrules"'
fuzz_replay_whyrules_LDADD = libnsviz_pure.a $(JSONC_LIBS)

EXTRA_DIST += fuzz/run.sh fuzz/pcap2corpus.c fuzz/fuzz.h fuzz/regress fuzz/seeds

# ---- make fuzz: clang, libFuzzer, ASan + UBSan ----------------------
FUZZ_CC = clang
FUZZ_SECONDS = 30
FUZZ_RUNS =
FUZZ_CFLAGS = -g -O1 -std=gnu11 -fno-sanitize-recover=undefined \
	-include $(top_builddir)/config.h -I$(top_srcdir)/src \
	-DNSVIZ_DATADIR='"$(pkgdatadir)"' $(JSONC_CFLAGS) $(PCAP_CFLAGS)
# what the targets link: the pure library, the capture core and its
# namespace helpers (with the terminal handover they call), all built once
# with the fuzzing flags
FUZZ_LIB_SRCS = $(libnsviz_pure_a_SOURCES) src/capture/capture.c src/capture/ifnames.c \
	src/kernel/netns.c src/fg.c

fuzz/libfuzz.a: $(FUZZ_LIB_SRCS)
	@$(MKDIR_P) fuzz/obj
	@rm -f $@ fuzz/obj/*.o
	$(AM_V_CC)for f in $(FUZZ_LIB_SRCS); do \
		case $$f in *.c) ;; *) continue ;; esac; \
		o=fuzz/obj/`echo $$f | tr / _ | sed 's/\.c$$/.o/'`; \
		$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link,address,undefined \
			-c -o $$o $(top_srcdir)/$$f || exit 1; \
	done
	$(AM_V_AR)$(AR) cr $@ fuzz/obj/*.o

# fuzz/fuzz_NAME from fuzz/fuzz_NAME.c and the library
FUZZ_LINK = $(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer,address,undefined

fuzz/fuzz_decode$(EXEEXT): $(top_srcdir)/fuzz/fuzz_decode.c fuzz/libfuzz.a
	$(AM_V_CCLD)$(FUZZ_LINK) -o $@ $(top_srcdir)/fuzz/fuzz_decode.c fuzz/libfuzz.a
fuzz/fuzz_grammar$(EXEEXT): $(top_srcdir)/fuzz/fuzz_grammar.c fuzz/libfuzz.a
	$(AM_V_CCLD)$(FUZZ_LINK) -o $@ $(top_srcdir)/fuzz/fuzz_grammar.c fuzz/libfuzz.a
fuzz/fuzz_lesson$(EXEEXT): $(top_srcdir)/fuzz/fuzz_lesson.c fuzz/libfuzz.a
	$(AM_V_CCLD)$(FUZZ_LINK) -o $@ $(top_srcdir)/fuzz/fuzz_lesson.c fuzz/libfuzz.a
fuzz/fuzz_theme$(EXEEXT): $(top_srcdir)/fuzz/fuzz_theme.c fuzz/libfuzz.a
	$(AM_V_CCLD)$(FUZZ_LINK) -DFUZZ_THEMES_DIR='"$(abs_top_srcdir)/themes"' \
		-o $@ $(top_srcdir)/fuzz/fuzz_theme.c fuzz/libfuzz.a
fuzz/fuzz_config$(EXEEXT): $(top_srcdir)/fuzz/fuzz_config.c fuzz/libfuzz.a
	$(AM_V_CCLD)$(FUZZ_LINK) -o $@ $(top_srcdir)/fuzz/fuzz_config.c fuzz/libfuzz.a
fuzz/fuzz_capture$(EXEEXT): $(top_srcdir)/fuzz/fuzz_capture.c fuzz/libfuzz.a
	$(AM_V_CCLD)$(FUZZ_LINK) -o $@ $(top_srcdir)/fuzz/fuzz_capture.c \
		fuzz/libfuzz.a $(PCAP_LIBS)

fuzz/fuzz_fromjson$(EXEEXT): $(top_srcdir)/fuzz/fuzz_fromjson.c fuzz/libfuzz.a
	$(AM_V_CCLD)$(FUZZ_LINK) -o $@ $(top_srcdir)/fuzz/fuzz_fromjson.c \
		fuzz/libfuzz.a $(JSONC_LIBS)

fuzz/fuzz_items$(EXEEXT): $(top_srcdir)/fuzz/fuzz_items.c fuzz/libfuzz.a
	$(AM_V_CCLD)$(FUZZ_LINK) -o $@ $(top_srcdir)/fuzz/fuzz_items.c \
		fuzz/libfuzz.a

fuzz/fuzz_tc$(EXEEXT): $(top_srcdir)/fuzz/fuzz_tc.c fuzz/libfuzz.a
	$(AM_V_CCLD)$(FUZZ_LINK) -o $@ $(top_srcdir)/fuzz/fuzz_tc.c fuzz/libfuzz.a

fuzz/fuzz_whyrules$(EXEEXT): $(top_srcdir)/fuzz/fuzz_whyrules.c fuzz/libfuzz.a
	$(AM_V_CCLD)$(FUZZ_LINK) -o $@ $(top_srcdir)/fuzz/fuzz_whyrules.c \
		fuzz/libfuzz.a $(JSONC_LIBS)

fuzz/pcap2corpus$(EXEEXT): $(top_srcdir)/fuzz/pcap2corpus.c
	@$(MKDIR_P) fuzz
	$(AM_V_CC)$(CC) -std=gnu11 -O1 -o $@ $(top_srcdir)/fuzz/pcap2corpus.c

fuzz: fuzz/pcap2corpus$(EXEEXT) fuzz/fuzz_decode$(EXEEXT) \
	fuzz/fuzz_grammar$(EXEEXT) fuzz/fuzz_lesson$(EXEEXT) \
	fuzz/fuzz_theme$(EXEEXT) fuzz/fuzz_config$(EXEEXT) \
	fuzz/fuzz_capture$(EXEEXT) fuzz/fuzz_fromjson$(EXEEXT) \
	fuzz/fuzz_items$(EXEEXT) fuzz/fuzz_tc$(EXEEXT) \
	fuzz/fuzz_whyrules$(EXEEXT)

# all of them in FUZZ_SECONDS
fuzz-run: fuzz
	FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_SPLIT=1 FUZZ_RUNS=$(FUZZ_RUNS) \
		sh $(top_srcdir)/fuzz/run.sh $(top_builddir)/fuzz \
		$(top_srcdir) $(FUZZ_TARGETS)

# each of them for FUZZ_SECONDS (or FUZZ_RUNS inputs)
fuzz-long: fuzz
	FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_SPLIT=0 FUZZ_RUNS=$(FUZZ_RUNS) \
		sh $(top_srcdir)/fuzz/run.sh $(top_builddir)/fuzz \
		$(top_srcdir) $(FUZZ_TARGETS)

clean-local: clean-fuzz
clean-fuzz:
	rm -rf fuzz/fuzz_decode$(EXEEXT) fuzz/fuzz_grammar$(EXEEXT) \
		fuzz/fuzz_lesson$(EXEEXT) fuzz/fuzz_theme$(EXEEXT) \
		fuzz/fuzz_config$(EXEEXT) fuzz/fuzz_capture$(EXEEXT) \
		fuzz/fuzz_fromjson$(EXEEXT) fuzz/fuzz_items$(EXEEXT) fuzz/fuzz_tc$(EXEEXT) \
		fuzz/fuzz_whyrules$(EXEEXT) \
		fuzz/pcap2corpus$(EXEEXT) fuzz/libfuzz.a fuzz/obj \
		fuzz/corpus-* fuzz/corpus fuzz/crash-* fuzz/leak-* \
		fuzz/timeout-* fuzz/oom-* fuzz/*.log

.PHONY: fuzz fuzz-run fuzz-long clean-fuzz
