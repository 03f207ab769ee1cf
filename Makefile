# memview — every command of the project, one target each.
#
#   make            the library: build/libmemview.a, build/libmemview.so, build/memview.pc
#   make test       every test under ASan+UBSan; "N passed, N failed" last
#   make prove      Frama-C WP over src/; fails on any unproven goal or summary drift
#   make coverage   lcov line and branch coverage of src/, gated by coverage/thresholds
#   make fuzz       libFuzzer campaign over every harness (FUZZ_SECONDS, FUZZ_JOBS)
#   make afl        the same under AFL++ (AFL_JOBS instances)
#   make fuzz-smoke / fuzz-selftest / oss-fuzz-build / corpus-min   see fuzz/fuzz.mk
#   make bench      benchmarks: bench/results.md and bench/scaling.png
#   make check      what CI runs
#   make examples   the seed's programs (examples/), built and run
#   make install    honours PREFIX and DESTDIR
#   make deps       installs the Debian packages the targets need (idempotent)

VERSION   := 0.1.0
SOVERSION := 0
PREFIX    ?= /usr/local
LIBDIR    ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include

# The library builds with any C11 compiler; CC picks it (gcc by default).
CC        ?= cc
CSTD      := -std=c11
WARN      := -Wall -Wextra -Wpedantic -Wconversion -Wshadow -Werror
OPT       ?= -O2
LIB_CFLAGS := $(CSTD) $(WARN) $(OPT) -fPIC -fvisibility=default

# Tests run under clang's sanitizers; every finding is fatal.
SAN_CC    := clang
SAN_FLAGS := -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
TEST_CFLAGS := $(CSTD) $(WARN) -Wno-conversion $(SAN_FLAGS) -Isrc -Icontracts -Itests

LIB_SRC   := $(wildcard src/*.c)
LIB_HDR   := $(wildcard src/*.h)
PUBLIC_HDR := $(wildcard src/memview.h src/memview_sim.h)

BUILD     := build

.PHONY: all lib test prove check install uninstall deps clean build-gcc build-clang

all: lib

# ---------------------------------------------------------------- library
lib: $(BUILD)/libmemview.a $(BUILD)/libmemview.so $(BUILD)/memview.pc

$(BUILD)/obj/%.o: src/%.c $(LIB_HDR) $(wildcard contracts/*.h) | $(BUILD)/obj
	$(CC) $(LIB_CFLAGS) -Isrc -Icontracts -c $< -o $@

$(BUILD)/libmemview.a: $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o)
	rm -f $@ && ar rcs $@ $^

$(BUILD)/libmemview.so: $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o)
	$(CC) -shared -Wl,-soname,libmemview.so.$(SOVERSION) -o $@ $^

$(BUILD)/memview.pc: Makefile | $(BUILD)
	printf '%s\n' \
	  'prefix=$(PREFIX)' 'libdir=$(LIBDIR)' 'includedir=$(INCLUDEDIR)' '' \
	  'Name: memview' 'Description: zero-copy byte views (Python memoryview in C), proven with Frama-C WP' \
	  'Version: $(VERSION)' 'Libs: -L$${libdir} -lmemview' 'Cflags: -I$${includedir}' > $@

$(BUILD) $(BUILD)/obj:
	mkdir -p $@

# Warning-free with both compilers (make check builds both).
build-gcc:
	$(MAKE) --no-print-directory BUILD=build/gcc CC=gcc lib
build-clang: deps-clang
	$(MAKE) --no-print-directory BUILD=build/clang CC=clang lib

# ------------------------------------------------------------------ tests
include tests/tests.mk

# ---------------------------------------------------------------- fuzzing
include fuzz/fuzz.mk
include coverage/coverage.mk

# --------------------------------------------------------------- examples
# make examples: the seed's programs in C (examples/*.c), built against the
# library and run; each prints what it did and fails if anything went wrong.
EXAMPLES := $(patsubst examples/%.c,$(BUILD)/examples/%,$(wildcard examples/*.c))
.PHONY: examples
examples: $(EXAMPLES)
	@for e in $(EXAMPLES); do echo "== $$e"; $$e || exit 1; done

$(BUILD)/examples/%: examples/%.c $(PUBLIC_HDR) $(BUILD)/libmemview.a
	@mkdir -p $(@D)
	$(CC) $(CSTD) $(WARN) $(OPT) -Isrc $< $(BUILD)/libmemview.a -o $@

# ------------------------------------------------------------------ proof
include contracts/prove.mk

# ------------------------------------------------------------------ bench
include bench/bench.mk

# ------------------------------------------------------------------ check
# What CI runs (.ci/run): both compilers warning-free, the tests, the
# coverage gate, a short fuzz campaign, the planted-bug self-test of the
# harnesses, the OSS-Fuzz build script, and the proofs.
check: build-gcc build-clang test coverage fuzz-smoke fuzz-selftest oss-fuzz-build prove

# ---------------------------------------------------------------- install
install: lib
	install -d $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCLUDEDIR) $(DESTDIR)$(LIBDIR)/pkgconfig
	install -m 644 $(PUBLIC_HDR) $(DESTDIR)$(INCLUDEDIR)/
	install -m 644 $(BUILD)/libmemview.a $(DESTDIR)$(LIBDIR)/
	install -m 755 $(BUILD)/libmemview.so $(DESTDIR)$(LIBDIR)/libmemview.so.$(VERSION)
	ln -sf libmemview.so.$(VERSION) $(DESTDIR)$(LIBDIR)/libmemview.so.$(SOVERSION)
	ln -sf libmemview.so.$(SOVERSION) $(DESTDIR)$(LIBDIR)/libmemview.so
	install -m 644 $(BUILD)/memview.pc $(DESTDIR)$(LIBDIR)/pkgconfig/

uninstall:
	rm -f $(DESTDIR)$(INCLUDEDIR)/memview.h $(DESTDIR)$(INCLUDEDIR)/memview_sim.h \
	  $(DESTDIR)$(LIBDIR)/libmemview.a $(DESTDIR)$(LIBDIR)/libmemview.so* \
	  $(DESTDIR)$(LIBDIR)/pkgconfig/memview.pc

# ------------------------------------------------------------------- deps
# Each group installs its Debian packages only when a tool is missing.
# Non-root users get the exact command instead.
define need
	@missing=""; for t in $(1); do command -v $$t >/dev/null 2>&1 || missing="$$missing $$t"; done; \
	if [ -n "$$missing" ]; then \
	  echo "memview: missing:$$missing; installing Debian packages: $(2)"; \
	  if [ "$$(id -u)" = 0 ]; then \
	    DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(2) >/dev/null || exit 1; \
	  else \
	    echo "run as root: apt-get install -y $(2)"; exit 1; \
	  fi; \
	fi
endef

.PHONY: deps-clang deps-python deps-prove
deps-clang:
	$(call need,clang,clang libclang-rt-14-dev)
	@printf 'int main(void){return 0;}\n' > /tmp/memview-san-$$$$.c && \
	  { clang -fsanitize=address,undefined /tmp/memview-san-$$$$.c -o /tmp/memview-san-$$$$ 2>/dev/null || \
	    { [ "$$(id -u)" = 0 ] && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libclang-rt-14-dev >/dev/null; }; }; \
	  rm -f /tmp/memview-san-$$$$.c /tmp/memview-san-$$$$
deps-python:
	$(call need,python3,python3)
deps-prove:
	$(call need,frama-c why3 z3 cvc4,frama-c-base why3 z3 cvc4)
	@frama-c -wp-detect 2>/dev/null | grep -q 'Z3' && frama-c -wp-detect 2>/dev/null | grep -q 'CVC4' || \
	  why3 config detect >/dev/null

deps: deps-clang deps-python deps-prove deps-gcc deps-afl deps-lcov deps-gnuplot deps-valgrind

clean:
	rm -rf $(BUILD) build coverage/html
