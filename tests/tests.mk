# Tests: every suite under ASan+UBSan (see tests/README.md).
#
# A suite is a command whose last output line is "N passed, N failed";
# tests/run_suites.sh runs them all and prints the totals last.  The list
# below is the only list of suites: `make test` runs it against the
# sanitized build (build/tests), `make coverage` against the instrumented
# one (build/coverage).  A suite is declared with
#   $(eval $(call mv_suite,NAME,COMMAND,PROGRAMS))
# where COMMAND names the build folder as $$(B) and PROGRAMS are the
# programs it runs, relative to that folder.  (COMMAND runs under sh from
# the top directory; no commas in it.)
#
#   CONFORMANCE_SEED=N CONFORMANCE_CASES=N make test   other CPython cases
#   (CONFORMANCE_CURSOR_CASES, CONFORMANCE_BUF_CASES, CONFORMANCE_CUT_CASES,
#   CONFORMANCE_IO_CASES: the other four runs)
#   make vectors                                        regenerate corpus/vectors
#
# The library is built again for the tests with the fault-injecting
# allocator of tests/mv_alloc.h in place of malloc / free (src/mv_buf.c
# takes MV_MALLOC / MV_FREE from the build); every test program links it.

TEST_BUILD   := build/tests
TEST_HDR     := $(wildcard tests/*.h)
TEST_ALLOC   := -include tests/mv_alloc.h -DMV_MALLOC=mvt_malloc -DMV_FREE=mvt_free
# (tests/test_ct.c is not a unit suite: it runs under valgrind, suite ct.)
UNIT_NAMES   := $(filter-out ct,$(patsubst tests/test_%.c,%,$(wildcard tests/test_*.c)))
VECTOR_FILES := $(wildcard corpus/vectors/*.txt)

SUITE_NAMES :=
SUITE_PROGS :=
define mv_suite
SUITE_NAMES += $(1)
SUITE_CMD_$(1) = $(2)
SUITE_PROGS += $(3)
endef

# ------------------------------------------------------------------ suites
# Unit suites: every tests/test_*.c.
$(foreach u,$(UNIT_NAMES),$(eval $(call mv_suite,$(u),$$(B)/test_$(u),test_$(u))))
# Constant time (tests/test_ct.c): mv_ct_equal under valgrind memcheck with
# the compared bytes undefined, every branch or address on them an error
# (ctgrind).  The control run comes first: the same program comparing with
# memcmp (MV_CT_SELFTEST=memcmp) must be flagged, or valgrind checked
# nothing.  Under `make coverage` it runs against the -O0 build too: the
# constant-time code has no comparison on the bytes even unoptimized.
$(eval $(call mv_suite,ct,if MV_CT_SELFTEST=memcmp valgrind -q --error-exitcode=1 $$(B)/test_ct > $$(B)/test_ct.control.log 2>&1; then echo "FAIL control: valgrind did not flag memcmp on undefined bytes"; exit 1; fi; valgrind -q --error-exitcode=1 $$(B)/test_ct,test_ct))
# Committed language-neutral vectors (corpus/vectors/README.md).
$(eval $(call mv_suite,vectors,$$(B)/run_vectors $(VECTOR_FILES),run_vectors))
# Fresh random cases with CPython as the oracle, run by the same driver:
# view operations, cursor reads and writes, owner-buffer sequences, and
# the searches, cuts and hex decoding of search.h and cut.h.
$(eval $(call mv_suite,conformance,python3 tests/conformance.py $$(B)/conformance.txt && $$(B)/run_vectors $$(B)/conformance.txt,run_vectors))
$(eval $(call mv_suite,conf-cursor,python3 tests/conformance.py --cursors $$(B)/conf-cursor.txt && $$(B)/run_vectors $$(B)/conf-cursor.txt,run_vectors))
$(eval $(call mv_suite,conf-buf,python3 tests/conformance.py --buffers $$(B)/conf-buf.txt && $$(B)/run_vectors $$(B)/conf-buf.txt,run_vectors))
$(eval $(call mv_suite,conf-cut,python3 tests/conformance.py --cuts $$(B)/conf-cut.txt && $$(B)/run_vectors $$(B)/conf-cut.txt,run_vectors))
# The I/O loops over the simulated socket, tests/iomodel.py the oracle.
$(eval $(call mv_suite,conf-io,python3 tests/conformance.py --io $$(B)/conf-io.txt && $$(B)/run_vectors $$(B)/conf-io.txt,run_vectors))
# Ports (PORTING.md): the C reference driver (run_vectors --port) checked
# through the port runner, fresh cases of every family one line at a time;
# then the runner itself against ports wrong on purpose (wrong answers,
# crashes, hangs, "unsupported"), which it must report case by case.
$(eval $(call mv_suite,port,python3 tests/port_runner.py --suite --no-unsupported --cases 20000 --default-seed 1 --out $$(B)/conformance -- $$(B)/run_vectors --port,run_vectors))
$(eval $(call mv_suite,port-selftest,python3 tests/port_selftest.py $$(B)/run_vectors $$(B)/port-selftest,run_vectors))
# memview's I/O loops against CPython's socket module, over TCP on 127.0.0.1.
$(eval $(call mv_suite,interop,python3 tests/interop.py $$(B)/io_peer,io_peer))
# A plain `make`, `make install` into a temporary PREFIX (and a DESTDIR
# staging), then a program built and run through pkg-config.
$(eval $(call mv_suite,install,sh tests/test_install.sh $$(B)/install,))
# The GitHub workflows: they parse, and every command they run is a target here.
$(eval $(call mv_suite,workflows,python3 tests/check_workflows.py,))
# The fuzz harnesses over their shipped corpus and every regression input
# (fuzz/corpus_replay.c: no fuzzing engine needed; one case per file).
$(foreach h,$(FUZZ_NAMES),$(eval $(call mv_suite,fuzz-$(h),$$(B)/fuzz/replay_$(h) corpus/$(h) corpus/regressions/$(h),fuzz/replay_$(h))))

# ------------------------------------------------------------------ build
.PHONY: test vectors

test: B := $(TEST_BUILD)
test: deps-clang deps-gcc deps-python deps-yaml deps-pkgconfig $(addprefix $(TEST_BUILD)/,$(sort $(SUITE_PROGS)))
	@sh tests/run_suites.sh $(B)/logs $(foreach s,$(SUITE_NAMES),'$(s)' '$(SUITE_CMD_$(s))')

# The libraries again, with the sanitizers and the test allocator (kept
# between runs: make would otherwise delete them as intermediate files).
TEST_LIB_OBJ := $(ALL_SRC:src/%.c=$(TEST_BUILD)/lib/%.o) $(TEST_BUILD)/mv_alloc.o
.SECONDARY: $(TEST_LIB_OBJ)
$(TEST_BUILD)/lib/%.o: src/%.c $(SRC_HDR) tests/mv_alloc.h
	@mkdir -p $(@D)
	@echo "  CC      $<"
	@clang $(TEST_CFLAGS) $(TEST_ALLOC) -c $< -o $@

$(TEST_BUILD)/mv_alloc.o: tests/mv_alloc.c tests/mv_alloc.h
	@mkdir -p $(@D)
	@echo "  CC      $<"
	@clang $(TEST_CFLAGS) -c $< -o $@

$(TEST_BUILD)/%: tests/%.c $(TEST_HDR) $(TEST_LIB_OBJ)
	@mkdir -p $(@D)
	@echo "  CC      $<"
	@clang $(TEST_CFLAGS) $< $(TEST_LIB_OBJ) -o $@

# test_ct runs under valgrind, which cannot run ASan binaries: built
# without sanitizers, with the library's sources compiled in with the
# shipped flags (LIB_CFLAGS, gcc -O2), the code users get.  (The coverage
# build's test_ct comes from coverage/coverage.mk's pattern rule; the
# valgrind header is the deps-valgrind package's, hence the line for it.)
$(TEST_BUILD)/test_ct: tests/test_ct.c $(TEST_HDR) $(LIB_SRC) $(SRC_HDR) | deps-gcc deps-valgrind
	@mkdir -p $(@D)
	@echo "  GCC     $< (no sanitizers: run under valgrind)"
	@gcc $(LIB_CFLAGS) -Itests $< $(LIB_SRC) -o $@
build/coverage/test_ct: | deps-valgrind

# The corpus replayers: gcc with its own sanitizers, against the libraries
# built again with gcc.
REPLAY_LIB_OBJ := $(ALL_SRC:src/%.c=$(TEST_BUILD)/fuzz/lib/%.o)
.SECONDARY: $(REPLAY_LIB_OBJ)
$(TEST_BUILD)/fuzz/lib/%.o: src/%.c $(SRC_HDR) | deps-gcc
	@mkdir -p $(@D)
	@echo "  GCC     $<"
	@gcc $(REPLAY_CFLAGS) -c $< -o $@

$(TEST_BUILD)/fuzz/replay_%: fuzz/fuzz_%.c fuzz/corpus_replay.c $(wildcard fuzz/*.h) $(REPLAY_LIB_OBJ)
	@mkdir -p $(@D)
	@echo "  GCC     $<"
	@gcc $(REPLAY_CFLAGS) fuzz/corpus_replay.c $< $(REPLAY_LIB_OBJ) -o $@

# Rewrites corpus/vectors/*.txt from CPython; deterministic, so an unchanged
# model gives unchanged files.
vectors: deps-python
	python3 tests/gen_vectors.py corpus/vectors
