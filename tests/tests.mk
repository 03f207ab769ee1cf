# Tests: every suite under ASan+UBSan (see tests/README.md).
#
# A suite is a command whose last output line is "N passed, N failed";
# tests/run_suites.sh runs them all and prints the totals last.  Every
# tests/test_*.c is a unit suite by itself.  Any other suite is one line:
#   $(eval $(call mv_suite,NAME,COMMAND,PREREQUISITES))
# (COMMAND runs under sh from the top directory; no commas in it.)
#
#   CONFORMANCE_SEED=N CONFORMANCE_CASES=N make test   other CPython cases
#   (CONFORMANCE_CURSOR_CASES, CONFORMANCE_BUF_CASES: the other two runs)
#   make vectors                                        regenerate corpus/vectors
#
# The library is built again for the tests with the fault-injecting
# allocator of tests/mv_alloc.h in place of malloc / free (src/mv_buf.c
# takes MV_MALLOC / MV_FREE from the build); every test binary links it.

TEST_BUILD   := build/tests
TEST_HDR     := $(wildcard tests/*.h)
TEST_ALLOC   := -include tests/mv_alloc.h -DMV_MALLOC=mvt_malloc -DMV_FREE=mvt_free
TEST_LIB_OBJ := $(LIB_SRC:src/%.c=$(TEST_BUILD)/lib/%.o) $(TEST_BUILD)/mv_alloc.o
UNIT_NAMES   := $(patsubst tests/test_%.c,%,$(wildcard tests/test_*.c))
VECTOR_FILES := $(wildcard corpus/vectors/*.txt)

SUITE_NAMES   :=
SUITE_PREREQS :=
define mv_suite
SUITE_NAMES += $(1)
SUITE_CMD_$(1) = $(2)
SUITE_PREREQS += $(3)
endef

# ------------------------------------------------------------------ suites
$(foreach u,$(UNIT_NAMES),$(eval $(call mv_suite,$(u),$(TEST_BUILD)/test_$(u),$(TEST_BUILD)/test_$(u))))
# Committed language-neutral vectors (corpus/vectors/README.md).
$(eval $(call mv_suite,vectors,$(TEST_BUILD)/replay $(VECTOR_FILES),$(TEST_BUILD)/replay))
# Fresh random cases with CPython as the oracle, replayed by the same driver:
# view operations, cursor reads and writes, owner-buffer sequences.
$(eval $(call mv_suite,conformance,python3 tests/conformance.py $(TEST_BUILD)/conformance.txt && $(TEST_BUILD)/replay $(TEST_BUILD)/conformance.txt,$(TEST_BUILD)/replay))
$(eval $(call mv_suite,conf-cursor,python3 tests/conformance.py --cursors $(TEST_BUILD)/conf-cursor.txt && $(TEST_BUILD)/replay $(TEST_BUILD)/conf-cursor.txt,$(TEST_BUILD)/replay))
$(eval $(call mv_suite,conf-buf,python3 tests/conformance.py --buffers $(TEST_BUILD)/conf-buf.txt && $(TEST_BUILD)/replay $(TEST_BUILD)/conf-buf.txt,$(TEST_BUILD)/replay))
# memview's I/O loops against CPython's socket module, over TCP on 127.0.0.1.
$(eval $(call mv_suite,interop,python3 tests/interop.py $(TEST_BUILD)/io_peer,$(TEST_BUILD)/io_peer))
# The fuzz harnesses over their shipped corpus and every regression input
# (fuzz/replay.c, built with gcc: no fuzzing engine needed; one case per file).
FUZZ_REPLAY_NAMES := slice bulk buf cursor io
$(foreach h,$(FUZZ_REPLAY_NAMES),$(eval $(call mv_suite,fuzz-$(h),$(TEST_BUILD)/fuzz/replay_$(h) corpus/$(h) corpus/regressions/$(h),$(TEST_BUILD)/fuzz/replay_$(h))))

# ------------------------------------------------------------------- build
.PHONY: test vectors

test: deps-clang deps-python $(SUITE_PREREQS)
	@sh tests/run_suites.sh $(TEST_BUILD)/logs $(foreach s,$(SUITE_NAMES),'$(s)' '$(SUITE_CMD_$(s))')

# The library again, with the sanitizers, for the tests only (kept between
# runs: make would otherwise delete them as intermediate files).
.SECONDARY: $(TEST_LIB_OBJ)
$(TEST_BUILD)/lib/%.o: src/%.c $(LIB_HDR) tests/mv_alloc.h | $(TEST_BUILD)/lib
	@echo "  CC      $<"
	@$(SAN_CC) $(TEST_CFLAGS) $(TEST_ALLOC) -c $< -o $@

$(TEST_BUILD)/mv_alloc.o: tests/mv_alloc.c tests/mv_alloc.h | $(TEST_BUILD)
	@echo "  CC      $<"
	@$(SAN_CC) $(TEST_CFLAGS) -c $< -o $@

$(TEST_BUILD)/%: tests/%.c $(TEST_HDR) $(TEST_LIB_OBJ) | $(TEST_BUILD)
	@echo "  CC      $<"
	@$(SAN_CC) $(TEST_CFLAGS) $< $(TEST_LIB_OBJ) -o $@

$(TEST_BUILD) $(TEST_BUILD)/lib:
	@mkdir -p $@

# The harness replayers: gcc with its own sanitizers, against the library
# built again with gcc (the two compilers' sanitizer runtimes do not mix).
FUZZ_REPLAY_CFLAGS := $(CSTD) -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined \
                      -fno-sanitize-recover=all -Isrc -Icontracts
FUZZ_REPLAY_OBJ    := $(LIB_SRC:src/%.c=$(TEST_BUILD)/fuzz/lib/%.o)
.SECONDARY: $(FUZZ_REPLAY_OBJ)
$(TEST_BUILD)/fuzz/lib/%.o: src/%.c $(LIB_HDR) | deps-gcc
	@mkdir -p $(@D)
	@echo "  GCC     $<"
	@gcc $(FUZZ_REPLAY_CFLAGS) -c $< -o $@

$(TEST_BUILD)/fuzz/replay_%: fuzz/fuzz_%.c fuzz/replay.c fuzz/decoder.h fuzz/model.h $(FUZZ_REPLAY_OBJ)
	@mkdir -p $(@D)
	@echo "  GCC     $<"
	@gcc $(FUZZ_REPLAY_CFLAGS) -Wall -Wextra -Wpedantic -Wshadow -Werror fuzz/replay.c $< \
	  $(FUZZ_REPLAY_OBJ) -o $@

# Rewrites corpus/vectors/*.txt from CPython; deterministic, so an unchanged
# model gives unchanged files.
vectors: deps-python
	python3 tests/gen_vectors.py corpus/vectors
