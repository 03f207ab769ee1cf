# Benchmarks (bench/run.py drives them; see bench/results.md).
#
#   make bench                  everything, about 2 minutes on 2 cores; prints a table,
#                               writes bench/results.md and bench/scaling.png
#   BENCH_QUICK=1 make bench    small sizes, few repetitions (development)
#
# Timings are reported, never judged: `make bench` exits 0 whenever it
# measured.  The programs link the static library built with $(OPT) (-O2),
# so every library call is an ordinary out-of-line call.

BENCH_BUILD  := $(BUILD)/bench
BENCH_PROGS  := $(BENCH_BUILD)/seed $(BENCH_BUILD)/limit $(BENCH_BUILD)/ops $(BENCH_BUILD)/vectored

.PHONY: bench
bench: $(BENCH_PROGS) deps-python deps-gnuplot deps-valgrind
	BENCH_QUICK=$(BENCH_QUICK) CC=$(CC) python3 bench/run.py $(BENCH_BUILD) bench/results.md bench/scaling.png

$(BENCH_BUILD)/%: bench/%.c bench/bench.h $(SRC_HDR) $(BUILD)/libmemview.a
	@mkdir -p $(@D)
	$(CC) $(BENCH_CFLAGS) -pthread $< $(BUILD)/libmemview.a -o $@

# ops also links the out-of-line raw contenders (their own translation
# unit, so they are called, not inlined, like the library).
$(BENCH_BUILD)/ops: bench/ops.c bench/ops_outline.c bench/ops_outline.h bench/bench.h $(SRC_HDR) $(BUILD)/libmemview.a
	@mkdir -p $(@D)
	$(CC) $(BENCH_CFLAGS) bench/ops.c bench/ops_outline.c $(BUILD)/libmemview.a -o $@

