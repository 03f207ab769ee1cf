# Coverage: lcov line + branch coverage of src/ (see tests/README.md).
#
#   make coverage     build with gcc --coverage, run every suite of `make test`
#                     and the fuzz corpus replay, report, gate
#
# The library is built once more, with gcc -O0 --coverage and the same
# fault-injecting allocator as the test build (tests/tests.mk TEST_ALLOC),
# so the suites that make allocation fail on purpose run unchanged.  The
# suites are the ones tests/tests.mk lists, their commands pointed at this
# build's binaries (the fuzz corpus replay among them: each harness
# fuzz/fuzz_NAME.c linked with the plain replayer fuzz/replay.c).  A harness
# that no suite "fuzz-NAME" replays is fed corpus/NAME/ and
# corpus/regressions/NAME/ (whichever exist) here.  lcov then captures the
# counters, keeps src/ only, writes coverage/html/, prints the summary and
# fails when a figure is under coverage/thresholds.  A failing suite fails
# the target too, after the report is written.

COV_BUILD    := build/coverage
COV_CC       := gcc
COV_OPT      := -g -O0
COV_LIB_CFLAGS  := $(CSTD) $(WARN) $(COV_OPT) --coverage -Isrc -Icontracts
COV_TEST_CFLAGS := $(CSTD) $(WARN) -Wno-conversion -Wno-shadow $(COV_OPT) -Isrc -Icontracts -Itests
# Harnesses: their warnings are the fuzz build's business (clang, its own
# flags); here they only have to compile with gcc.
COV_FUZZ_CFLAGS := $(CSTD) $(COV_OPT) -Wall -Wextra -Isrc -Icontracts -Itests -Ifuzz
COV_LIB_OBJ  := $(LIB_SRC:src/%.c=$(COV_BUILD)/lib/%.o) $(COV_BUILD)/mv_alloc.o
COV_RC       := --config-file coverage/lcovrc
COV_INFO     := $(COV_BUILD)/src.info
COV_HTML     := coverage/html

# Fuzz harnesses (once the replayer exists) that no suite replays, and the
# corpus folders that exist for each: a harness without seeds replays
# nothing, and a tree without harnesses has no fuzz replay.
COV_FUZZ_ALL   := $(if $(wildcard fuzz/replay.c),$(patsubst fuzz/fuzz_%.c,%,$(wildcard fuzz/fuzz_*.c)))
cov_fuzz_names  = $(filter-out $(patsubst fuzz-%,%,$(filter fuzz-%,$(SUITE_NAMES))),$(COV_FUZZ_ALL))
cov_fuzz_dirs   = $(wildcard corpus/$(1) corpus/regressions/$(1))

# The suites of tests/tests.mk with this build's binaries in their commands.
# Expanded in the recipe, when every makefile has been read.
cov_cmd      = $(subst $(TEST_BUILD)/,$(COV_BUILD)/,$(SUITE_CMD_$(1)))
cov_prereqs  = $(subst $(TEST_BUILD)/,$(COV_BUILD)/,$(SUITE_PREREQS))

.PHONY: coverage coverage-bins deps-lcov

coverage: deps-lcov deps-python
	@$(MAKE) --no-print-directory coverage-bins COV_BINS='$(sort $(cov_prereqs) $(cov_fuzz_names:%=$(COV_BUILD)/fuzz/replay_%))'
	@find $(COV_BUILD) -name '*.gcda' -delete
	@rm -f $(COV_BUILD)/all.info $(COV_INFO) $(COV_BUILD)/summary.txt
	@rm -rf $(COV_HTML) && mkdir -p $(COV_HTML)
	@status=0; \
	sh tests/run_suites.sh $(COV_BUILD)/logs $(foreach s,$(SUITE_NAMES),'$(s)' '$(call cov_cmd,$(s))') || status=1; \
	$(foreach f,$(cov_fuzz_names),$(if $(call cov_fuzz_dirs,$(f)), \
	  if $(COV_BUILD)/fuzz/replay_$(f) $(call cov_fuzz_dirs,$(f)) > $(COV_BUILD)/logs/fuzz-$(f).log 2>&1; \
	  then echo "PASS fuzz replay $(f): $(call cov_fuzz_dirs,$(f))"; \
	  else echo "FAIL fuzz replay $(f) (see $(COV_BUILD)/logs/fuzz-$(f).log)"; status=1; fi;)) \
	lcov $(COV_RC) --quiet --capture --directory $(COV_BUILD)/lib --output-file $(COV_BUILD)/all.info 2>&1 \
	  | grep -v 'redefined at' || true; \
	lcov $(COV_RC) --quiet --extract $(COV_BUILD)/all.info '$(CURDIR)/src/*' --output-file $(COV_INFO) || exit 1; \
	genhtml $(COV_RC) --quiet --branch-coverage --legend --title memview \
	  --prefix $(CURDIR) --output-directory $(COV_HTML) $(COV_INFO) || exit 1; \
	lcov $(COV_RC) --list $(COV_INFO) 2>&1 | grep -v 'redefined at'; \
	lcov $(COV_RC) --summary $(COV_INFO) > $(COV_BUILD)/summary.txt 2>&1; \
	grep -E '^ *(lines|functions|branches)' $(COV_BUILD)/summary.txt; \
	echo "HTML report: $(COV_HTML)/index.html"; \
	sh coverage/gate.sh coverage/thresholds $(COV_BUILD)/summary.txt || status=1; \
	exit $$status

# Built by a sub-make so that the list holds suites declared in any makefile.
coverage-bins: $(COV_BINS)

.SECONDARY: $(COV_LIB_OBJ)
$(COV_BUILD)/lib/%.o: src/%.c $(LIB_HDR) $(wildcard contracts/*.h) tests/mv_alloc.h | $(COV_BUILD)/lib
	@echo "  GCOV    $<"
	@$(COV_CC) $(COV_LIB_CFLAGS) $(TEST_ALLOC) -c $< -o $@

$(COV_BUILD)/mv_alloc.o: tests/mv_alloc.c tests/mv_alloc.h | $(COV_BUILD)
	@echo "  CC      $<"
	@$(COV_CC) $(COV_TEST_CFLAGS) -c $< -o $@

$(COV_BUILD)/fuzz/replay_%: fuzz/fuzz_%.c fuzz/replay.c $(wildcard fuzz/*.h) $(COV_LIB_OBJ)
	@mkdir -p $(@D)
	@echo "  CC      $< fuzz/replay.c"
	@$(COV_CC) $(COV_FUZZ_CFLAGS) $< fuzz/replay.c $(COV_LIB_OBJ) -lgcov -o $@

$(COV_BUILD)/%: tests/%.c $(TEST_HDR) $(COV_LIB_OBJ) | $(COV_BUILD)
	@echo "  CC      $<"
	@$(COV_CC) $(COV_TEST_CFLAGS) $< $(COV_LIB_OBJ) -lgcov -o $@

$(COV_BUILD) $(COV_BUILD)/lib:
	@mkdir -p $@

deps-lcov:
	$(call need,gcc gcov lcov genhtml,gcc lcov)
