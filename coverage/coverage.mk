# Coverage: lcov line + branch coverage of src/ (see tests/README.md).
#
#   make coverage     build with gcc --coverage, run every suite of `make test`,
#                     report, gate
#
# The libraries are built once more, with gcc -O0 --coverage and the same
# fault-injecting allocator as the test build, and every suite that
# tests/tests.mk lists runs against this build's programs (the fuzz corpus
# replays among them).  lcov then captures the counters, keeps src/ only,
# writes coverage/html/, prints the summary and fails when a figure is
# under coverage/thresholds.  A failing suite fails the target too, after
# the report is written.

COV_BUILD    := build/coverage
COV_LIB_OBJ  := $(ALL_SRC:src/%.c=$(COV_BUILD)/lib/%.o) $(COV_BUILD)/mv_alloc.o
COV_RC       := --config-file coverage/lcovrc
COV_INFO     := $(COV_BUILD)/src.info
COV_HTML     := coverage/html

.PHONY: coverage

coverage: B := $(COV_BUILD)
coverage: deps-lcov deps-python deps-pkgconfig $(addprefix $(COV_BUILD)/,$(sort $(SUITE_PROGS)))
	@find $(COV_BUILD) -name '*.gcda' -delete
	@rm -f $(COV_BUILD)/all.info $(COV_INFO) $(COV_BUILD)/summary.txt
	@rm -rf $(COV_HTML) && mkdir -p $(COV_HTML)
	@status=0; \
	sh tests/run_suites.sh $(B)/logs $(foreach s,$(SUITE_NAMES),'$(s)' '$(SUITE_CMD_$(s))') || status=1; \
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

.SECONDARY: $(COV_LIB_OBJ)
$(COV_BUILD)/lib/%.o: src/%.c $(SRC_HDR) tests/mv_alloc.h | deps-lcov
	@mkdir -p $(@D)
	@echo "  GCOV    $<"
	@gcc $(COV_CFLAGS) --coverage $(TEST_ALLOC) -c $< -o $@

$(COV_BUILD)/mv_alloc.o: tests/mv_alloc.c tests/mv_alloc.h
	@mkdir -p $(@D)
	@echo "  CC      $<"
	@gcc $(COV_CFLAGS) -c $< -o $@

$(COV_BUILD)/fuzz/replay_%: fuzz/fuzz_%.c fuzz/corpus_replay.c $(wildcard fuzz/*.h) $(COV_LIB_OBJ)
	@mkdir -p $(@D)
	@echo "  CC      $< fuzz/corpus_replay.c"
	@gcc $(COV_CFLAGS) fuzz/corpus_replay.c $< $(COV_LIB_OBJ) -lgcov -o $@

$(COV_BUILD)/%: tests/%.c $(TEST_HDR) $(COV_LIB_OBJ)
	@mkdir -p $(@D)
	@echo "  CC      $<"
	@gcc $(COV_CFLAGS) $< $(COV_LIB_OBJ) -lgcov -o $@
