# Benchmarks (bench/run.py drives them; see bench/results.md).
#
#   make bench                  everything, about 4 minutes on 2 cores; prints a table,
#                               writes bench/results.md, bench/scaling.png and bench/find.png
#   BENCH_QUICK=1 make bench    few repetitions, short batches (development)
#   make bench-baseline         re-measures bench/baseline_stride2.txt, the stride-2 figures
#                               of the library of BENCH_BASELINE_REV (before the fast paths)
#
# Timings are reported, never judged: `make bench` exits 0 whenever it
# measured.  The programs link the static library built with $(OPT) (-O2)
# and include the headers of include/, as a user's program does.

BENCH_BUILD  := $(BUILD)/bench
BENCH_PROGS  := $(BENCH_BUILD)/seed $(BENCH_BUILD)/limit $(BENCH_BUILD)/ops $(BENCH_BUILD)/vectored \
                $(BENCH_BUILD)/bulk $(BENCH_BUILD)/recvbuf

.PHONY: bench bench-baseline
bench: $(BENCH_PROGS) deps-python deps-gnuplot deps-valgrind
	BENCH_QUICK=$(BENCH_QUICK) CC=$(CC) python3 bench/run.py $(BENCH_BUILD) bench/results.md bench/scaling.png bench/find.png

$(BENCH_BUILD)/%: bench/%.c bench/bench.h $(SRC_HDR) $(BUILD)/libmemview.a
	@mkdir -p $(@D)
	$(CC) $(BENCH_CFLAGS) -pthread $< $(BUILD)/libmemview.a -o $@

# ops also links the out-of-line raw contenders (their own translation
# unit, so they are called, not inlined, like the library).
$(BENCH_BUILD)/ops: bench/ops.c bench/ops_outline.c bench/ops_outline.h bench/bench.h $(SRC_HDR) $(BUILD)/libmemview.a
	@mkdir -p $(@D)
	$(CC) $(BENCH_CFLAGS) bench/ops.c bench/ops_outline.c $(BUILD)/libmemview.a -o $@

# The stride-2 baseline: the library and headers of BENCH_BASELINE_REV
# (b1e1509, the last commit before the fast paths), taken with git archive
# (nothing in the working tree changes), built with the library's flags,
# linked with today's bench/bulk.c; bench/run.py measures its stride-2
# table and writes bench/baseline_stride2.txt, which make bench compares with.
BENCH_BASELINE_REV ?= b1e1509
BENCH_BASE         := $(BENCH_BUILD)/baseline
bench-baseline: deps-python
	rm -rf $(BENCH_BASE) && mkdir -p $(BENCH_BASE)/tree $(BENCH_BASE)/obj
	git archive $(BENCH_BASELINE_REV) src include contracts | tar -x -C $(BENCH_BASE)/tree
	for f in $(BENCH_BASE)/tree/src/*.c; do \
	  $(CC) $(CSTD) $(WARN) $(OPT) -fPIC -I$(BENCH_BASE)/tree/include -I$(BENCH_BASE)/tree/src \
	    -c $$f -o $(BENCH_BASE)/obj/$$(basename $$f .c).o || exit 1; \
	done
	ar rcs $(BENCH_BASE)/libmemview.a $(BENCH_BASE)/obj/*.o
	$(CC) $(filter-out -Iinclude,$(BENCH_CFLAGS)) -I$(BENCH_BASE)/tree/include bench/bulk.c \
	  $(BENCH_BASE)/libmemview.a -o $(BENCH_BASE)/bulk
	BENCH_LIB_REV="commit $$(git rev-parse --short $(BENCH_BASELINE_REV)) (git archive, built with $(CC) $(OPT))" \
	  python3 bench/run.py --stride2-baseline $(BENCH_BASE) bench/baseline_stride2.txt
