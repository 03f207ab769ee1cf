# memview — every command of the project, one target each.
#
#   make            the libraries: build/libmemview.{a,so}, build/libmemview_sim.{a,so}, build/memview.pc
#   make test       every test under ASan+UBSan; "N passed, N failed" last       (tests/tests.mk)
#   make prove      Frama-C WP over src/; fails on any unproven goal or drift     (contracts/prove.mk)
#   make coverage   lcov line and branch coverage of src/, gated                 (coverage/coverage.mk)
#   make fuzz       libFuzzer campaign over every harness (FUZZ_SECONDS, FUZZ_JOBS) (fuzz/fuzz.mk)
#   make afl        the same under AFL++ (AFL_JOBS instances)
#   make fuzz-smoke / fuzz-selftest / oss-fuzz-build / corpus-min   see fuzz/fuzz.mk
#   make bench      benchmarks: bench/results.md and bench/scaling.png          (bench/bench.mk)
#   make conformance PORT='cmd'   checks a port against CPython (PORTING.md)   (tests/conformance.mk)
#   make report     the audit page build/report/index.html; report-test opens it in Chromium (tests/report.mk)
#   make check      what CI runs
#   make examples   the example programs (examples/), built and run
#   make install    honours PREFIX, LIBDIR, INCLUDEDIR and DESTDIR
#   make deps       installs the Debian packages the targets need               (deps.mk)

VERSION    := 0.1.0
SOVERSION  := 0
PREFIX     ?= /usr/local
LIBDIR     ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
BUILD      ?= build

# ------------------------------------------------------------- sources
# libmemview is src/*.c; the simulated socket, a testing aid users keep
# for their own tests, is the separate libmemview_sim (src/sim/).
LIB_SRC    := $(wildcard src/*.c)
SIM_SRC    := $(wildcard src/sim/*.c)
ALL_SRC    := $(LIB_SRC) $(SIM_SRC)
PUBLIC_HDR := include/memview.h include/memview_sim.h
CONCERN_HDR := $(wildcard include/memview/*.h)
SRC_HDR    := $(PUBLIC_HDR) $(CONCERN_HDR) $(wildcard src/*.h)
# The fuzz harnesses, fuzz/fuzz_NAME.c: built by fuzz/fuzz.mk, replayed by
# the suites of tests/tests.mk.
FUZZ_NAMES := $(patsubst fuzz/fuzz_%.c,%,$(wildcard fuzz/fuzz_*.c))

# ---------------------------------------------------------- flag sets
# Every compile flag of the project is defined here, one set per kind of
# build; the included makefiles only pick a set.
CC         ?= cc
CSTD       := -std=c11
WARN       := -Wall -Wextra -Wpedantic -Wconversion -Wshadow -Werror
INC        := -Iinclude -Isrc
OPT        ?= -O2
SAN        := -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all

#   the shipped libraries (gcc and clang, warning-free)
LIB_CFLAGS     := $(CSTD) $(WARN) $(OPT) -fPIC $(INC)
#   programs built against the installed headers: examples, benchmarks
APP_CFLAGS     := $(CSTD) $(WARN) $(OPT) -Iinclude
#   benchmarks (bench/bench.mk): the library's own -O2 build, bench/ helpers
BENCH_CFLAGS   := $(CSTD) -Wall -Wextra -Wpedantic -Wshadow -Werror -O2 -Iinclude -Ibench
#   tests and the library under them: clang with ASan+UBSan
TEST_CFLAGS    := $(CSTD) $(WARN) -Wno-conversion $(SAN) $(INC) -Itests -Ifuzz
#   the fuzz corpus replayers and their library: gcc with its own sanitizers
#   (the two compilers' sanitizer runtimes do not mix)
REPLAY_CFLAGS  := $(CSTD) -Wall -Wextra -Wpedantic -Wshadow -Werror $(SAN) $(INC) -Itests -Ifuzz
#   coverage: gcc -O0, the library instrumented, the programs linked with libgcov
COV_CFLAGS     := $(CSTD) $(WARN) -Wno-conversion -Wno-shadow -g -O0 $(INC) -Itests -Ifuzz
#   the C reference port driver (tests/conformance.mk): the tests' warnings, -O2, no sanitizers
PORT_CFLAGS    := $(CSTD) $(WARN) -Wno-conversion $(OPT) $(INC) -Itests -Ifuzz
#   libFuzzer and AFL++ harnesses (-O2: see fuzz/fuzz.mk)
FUZZ_CFLAGS    := $(CSTD) -g -O2 -fno-omit-frame-pointer -Wall -Wextra $(INC) -Ifuzz
FUZZ_SAN       := -fsanitize=address,undefined -fno-sanitize-recover=all
#   Frama-C's preprocessor: the headers plus the ACSL logic and trusted contracts
WP_CPP         := -pp-annot -cpp-extra-args="-Iinclude -Isrc -Icontracts -D_GNU_SOURCE"

.PHONY: all lib test prove check install uninstall clean build-gcc build-clang examples

all: lib

# ------------------------------------------------------------- library
lib: $(BUILD)/libmemview.a $(BUILD)/libmemview.so $(BUILD)/libmemview_sim.a $(BUILD)/libmemview_sim.so \
     $(BUILD)/memview.pc

$(BUILD)/obj/%.o: src/%.c $(SRC_HDR)
	@mkdir -p $(@D)
	$(CC) $(LIB_CFLAGS) -c $< -o $@

$(BUILD)/libmemview.a: $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o)
	rm -f $@ && ar rcs $@ $^
$(BUILD)/libmemview.so: $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o)
	$(CC) -shared -Wl,-soname,libmemview.so.$(SOVERSION) -o $@ $^
$(BUILD)/libmemview_sim.a: $(SIM_SRC:src/%.c=$(BUILD)/obj/%.o)
	rm -f $@ && ar rcs $@ $^
$(BUILD)/libmemview_sim.so: $(SIM_SRC:src/%.c=$(BUILD)/obj/%.o) $(BUILD)/libmemview.so
	$(CC) -shared -Wl,-soname,libmemview_sim.so.$(SOVERSION) -o $@ $(filter %.o,$^) -L$(BUILD) -lmemview

# memview.pc for PREFIX/LIBDIR/INCLUDEDIR as given to this make; `make
# install` writes its own for the install's values, never this file.
# pc_file DIR-VARIABLES: the file's text.
define pc_file
prefix=$(1)
libdir=$(2)
includedir=$(3)

Name: memview
Description: zero-copy byte views (Python memoryview in C), proven with Frama-C WP
Version: $(VERSION)
Libs: -L$${libdir} -lmemview
Cflags: -I$${includedir}
endef
export MV_PC_TEXT = $(call pc_file,$(PREFIX),$(LIBDIR),$(INCLUDEDIR))

$(BUILD)/memview.pc: Makefile
	@mkdir -p $(@D)
	printf '%s\n' "$$MV_PC_TEXT" > $@

# Warning-free with both compilers (make check builds both).
build-gcc:
	$(MAKE) --no-print-directory BUILD=build/gcc CC=gcc lib
build-clang: deps-clang
	$(MAKE) --no-print-directory BUILD=build/clang CC=clang lib

# ------------------------------------------------------- the other parts
include deps.mk
include tests/tests.mk
include tests/conformance.mk
include coverage/coverage.mk
include fuzz/fuzz.mk
include contracts/prove.mk
include bench/bench.mk
include tests/report.mk

# ------------------------------------------------------------ examples
# The example programs (examples/*.c: the seed's loops, a record reader
# over a socket pair), built against the library and run; each prints what
# it did and fails if anything went wrong.
EXAMPLES := $(patsubst examples/%.c,$(BUILD)/examples/%,$(wildcard examples/*.c))
examples: $(EXAMPLES)
	@for e in $(EXAMPLES); do echo "== $$e"; $$e || exit 1; done

$(BUILD)/examples/%: examples/%.c $(SRC_HDR) $(BUILD)/libmemview.a
	@mkdir -p $(@D)
	$(CC) $(APP_CFLAGS) $< $(BUILD)/libmemview.a -o $@

# --------------------------------------------------------------- check
# What CI runs (.ci/run): both compilers warning-free, the examples, the tests, the
# coverage gate, a short fuzz campaign, the planted-bug self-test of the
# harnesses, the OSS-Fuzz build script, the proofs, and the audit page
# checked in a browser (after the proofs and coverage it describes).
check: build-gcc build-clang examples test coverage fuzz-smoke fuzz-selftest oss-fuzz-build prove report-test

# ------------------------------------------------------------- install
# The .pc file is written here, for this install's PREFIX, LIBDIR and
# INCLUDEDIR, whatever an earlier plain `make` generated.
install: $(BUILD)/libmemview.a $(BUILD)/libmemview.so $(BUILD)/libmemview_sim.a $(BUILD)/libmemview_sim.so
	install -d $(DESTDIR)$(LIBDIR)/pkgconfig $(DESTDIR)$(INCLUDEDIR)/memview
	install -m 644 $(PUBLIC_HDR) $(DESTDIR)$(INCLUDEDIR)/
	install -m 644 $(CONCERN_HDR) $(DESTDIR)$(INCLUDEDIR)/memview/
	install -m 644 $(BUILD)/libmemview.a $(BUILD)/libmemview_sim.a $(DESTDIR)$(LIBDIR)/
	for l in libmemview libmemview_sim; do \
	  install -m 755 $(BUILD)/$$l.so $(DESTDIR)$(LIBDIR)/$$l.so.$(VERSION) && \
	  ln -sf $$l.so.$(VERSION) $(DESTDIR)$(LIBDIR)/$$l.so.$(SOVERSION) && \
	  ln -sf $$l.so.$(SOVERSION) $(DESTDIR)$(LIBDIR)/$$l.so || exit 1; \
	done
	printf '%s\n' "$$MV_PC_TEXT" > $(DESTDIR)$(LIBDIR)/pkgconfig/memview.pc

uninstall:
	rm -rf $(DESTDIR)$(INCLUDEDIR)/memview
	rm -f $(DESTDIR)$(INCLUDEDIR)/memview.h $(DESTDIR)$(INCLUDEDIR)/memview_sim.h \
	  $(DESTDIR)$(LIBDIR)/libmemview.a $(DESTDIR)$(LIBDIR)/libmemview.so* \
	  $(DESTDIR)$(LIBDIR)/libmemview_sim.a $(DESTDIR)$(LIBDIR)/libmemview_sim.so* \
	  $(DESTDIR)$(LIBDIR)/pkgconfig/memview.pc

clean:
	rm -rf $(BUILD) build coverage/html
