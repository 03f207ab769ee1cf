# Fuzzing: six harnesses (fuzz/fuzz_NAME.c), each checking every result
# against a reference model, built for libFuzzer, AFL++ and a plain
# replayer (fuzz/corpus_replay.c, run by make test over the shipped corpus).
#
#   make fuzz            libFuzzer, FUZZ_SECONDS per harness (60), FUZZ_JOBS workers (1)
#   make afl             AFL++, AFL_JOBS instances per harness (2), AFL_SECONDS each
#   make fuzz-smoke      the short campaign CI runs (under 3 minutes)
#   make corpus-min      merge the campaigns' finds into corpus/NAME, minimised
#   make fuzz-selftest   each harness must catch a bug planted in the library
#   make oss-fuzz-build  .clusterfuzzlite/build.sh with the OSS-Fuzz variables
#
# Campaigns work on copies under build/fuzz; corpus/ changes only through
# make corpus-min.

FUZZ_SECONDS ?= 60
FUZZ_JOBS    ?= 1
AFL_JOBS     ?= 2
AFL_SECONDS  ?= $(FUZZ_SECONDS)
SMOKE_SECONDS ?= 15
SELFTEST_SECONDS ?= 60

FUZZ_DIR     := build/fuzz
FUZZ_SRC_HDR := $(wildcard fuzz/*.h) $(SRC_HDR)
# FUZZ_CFLAGS (Makefile) builds at -O2 rather than the usual -O1: inlining
# leaves libFuzzer fewer features to weigh on every run (its entropic
# schedule dominated the profile at -O1), which more than doubles the
# executions per second of these small harnesses.

# The planted bugs of make fuzz-selftest: fuzz/plants/NAME.plant, each
# naming the harness that must catch it (NAME:HARNESS pairs).
FUZZ_PLANTS  := $(foreach p,$(wildcard fuzz/plants/*.plant),$(basename $(notdir $(p))):$(shell sed -n 's/^harness: *//p' $(p)))

LF_BINS   := $(FUZZ_NAMES:%=$(FUZZ_DIR)/libfuzzer/fuzz_%)
AFL_BINS  := $(FUZZ_NAMES:%=$(FUZZ_DIR)/afl/fuzz_%)
PLANT_BINS := $(foreach p,$(FUZZ_PLANTS),$(FUZZ_DIR)/plant/$(word 1,$(subst :, ,$(p)))/fuzz_$(word 2,$(subst :, ,$(p))))

.PHONY: fuzz afl fuzz-smoke corpus-min fuzz-selftest oss-fuzz-build fuzz-build

# ------------------------------------------------------------- builds
fuzz-build: $(LF_BINS)

# libFuzzer + ASan + UBSan: every finding fatal.
$(FUZZ_DIR)/libfuzzer/fuzz_%: fuzz/fuzz_%.c $(FUZZ_SRC_HDR) $(ALL_SRC) | deps-clang
	@mkdir -p $(@D)
	@echo "  CLANG   $@"
	@clang $(FUZZ_CFLAGS) -fsanitize=fuzzer $(FUZZ_SAN) $< $(ALL_SRC) -o $@

# AFL++: the same source, linked with AFL++'s libFuzzer-compatible driver.
$(FUZZ_DIR)/afl/fuzz_%: fuzz/fuzz_%.c $(FUZZ_SRC_HDR) $(ALL_SRC) | deps-afl
	@mkdir -p $(@D)
	@echo "  AFL-CC  $@"
	@AFL_USE_ASAN=1 AFL_USE_UBSAN=1 AFL_QUIET=1 afl-clang-fast $(FUZZ_CFLAGS) \
	  $< $(ALL_SRC) /usr/lib/afl/libAFLDriver.a -lstdc++ -o $@

# A harness built against a copy of the sources and public headers with one
# planted bug (fuzz/plant.py makes the copy; the shipped sources carry no
# switch).  The copy's include/ and src/ come first on the search path, so
# a bug planted in a header's inline definitions reaches the harness too.
$(FUZZ_DIR)/plant/%: $(FUZZ_SRC_HDR) $(ALL_SRC) $(wildcard fuzz/fuzz_*.c) $(wildcard fuzz/plants/*.plant) \
                     fuzz/plant.py | deps-clang deps-python
	@mkdir -p $(@D)
	@echo "  CLANG   $@ (fuzz/plants/$(notdir $(@D)).plant)"
	@python3 fuzz/plant.py fuzz/plants/$(notdir $(@D)).plant . $(@D)
	@clang -I$(@D)/include -I$(@D)/src $(FUZZ_CFLAGS) -fsanitize=fuzzer $(FUZZ_SAN) \
	  fuzz/$(notdir $@).c $(ALL_SRC:src/%=$(@D)/src/%) -o $@

# ------------------------------------------------------------- campaigns
# make fuzz: every harness for FUZZ_SECONDS, progress, then a summary table.
fuzz: $(LF_BINS)
	@sh fuzz/campaign.sh $(FUZZ_DIR)/libfuzzer $(FUZZ_DIR)/run $(FUZZ_SECONDS) $(FUZZ_JOBS) $(FUZZ_NAMES)

# make afl: AFL_JOBS instances (-M main, -S sN) per harness for AFL_SECONDS.
afl: $(AFL_BINS)
	@sh fuzz/afl.sh $(FUZZ_DIR)/afl $(FUZZ_DIR)/afl-run $(AFL_SECONDS) $(AFL_JOBS) $(FUZZ_NAMES)

# make fuzz-smoke: SMOKE_SECONDS of libFuzzer per harness, then a few
# seconds of AFL++ on one harness to show that the AFL++ build works.
fuzz-smoke: $(LF_BINS) $(FUZZ_DIR)/afl/fuzz_slice
	@sh fuzz/campaign.sh $(FUZZ_DIR)/libfuzzer $(FUZZ_DIR)/smoke $(SMOKE_SECONDS) 1 $(FUZZ_NAMES)
	@sh fuzz/afl.sh $(FUZZ_DIR)/afl $(FUZZ_DIR)/smoke-afl 10 1 slice

# make corpus-min: the shipped corpus plus every campaign's finds (libFuzzer
# and AFL++ queues), merged with -merge=1 into a minimal set that keeps all
# their coverage features, written back to corpus/NAME.
corpus-min: $(LF_BINS)
	@for n in $(FUZZ_NAMES); do \
	  tmp=$(FUZZ_DIR)/merge/$$n; rm -rf $$tmp; mkdir -p $$tmp corpus/$$n; \
	  dirs="corpus/$$n"; \
	  for d in $(FUZZ_DIR)/run/$$n/corpus $(FUZZ_DIR)/smoke/$$n/corpus \
	           $(FUZZ_DIR)/afl-run/$$n/*/queue $(FUZZ_DIR)/smoke-afl/$$n/*/queue; do \
	    [ -d "$$d" ] && dirs="$$dirs $$d"; \
	  done; \
	  $(FUZZ_DIR)/libfuzzer/fuzz_$$n -merge=1 -timeout=5 $$tmp $$dirs > $$tmp.log 2>&1 || \
	    { tail -n 20 $$tmp.log; exit 1; }; \
	  old=$$(ls corpus/$$n | wc -l); \
	  rm -f corpus/$$n/*; cp $$tmp/* corpus/$$n/ 2>/dev/null; \
	  echo "corpus/$$n: $$old -> $$(ls corpus/$$n | wc -l) inputs ($$(du -sk corpus/$$n | cut -f1) KiB)"; \
	done

# make fuzz-selftest: each planted bug must be caught by its harness
# within SELFTEST_SECONDS, starting from an empty corpus.
fuzz-selftest: $(PLANT_BINS)
	@sh fuzz/selftest.sh $(FUZZ_DIR)/plant $(FUZZ_DIR)/selftest $(SELFTEST_SECONDS) $(FUZZ_PLANTS)

# make oss-fuzz-build: the ClusterFuzzLite / OSS-Fuzz build script run
# here with the variables the builder image sets, then each harness runs
# its seed corpus.
OSS_DIR := $(CURDIR)/build/oss-fuzz
oss-fuzz-build: | deps-clang deps-python
	@rm -rf $(OSS_DIR) && mkdir -p $(OSS_DIR)/src $(OSS_DIR)/out $(OSS_DIR)/work
	@ln -s $(CURDIR) $(OSS_DIR)/src/memview
	@cp .clusterfuzzlite/build.sh $(OSS_DIR)/src/build.sh
	cd $(OSS_DIR)/src/memview && env CC=clang CXX=clang++ \
	  CFLAGS="-O1 -fno-omit-frame-pointer -gline-tables-only -fsanitize=fuzzer-no-link,address,undefined" \
	  CXXFLAGS="-O1 -fno-omit-frame-pointer -gline-tables-only -fsanitize=fuzzer-no-link,address,undefined" \
	  LIB_FUZZING_ENGINE=-fsanitize=fuzzer SANITIZER=address FUZZING_ENGINE=libfuzzer \
	  SRC=$(OSS_DIR)/src OUT=$(OSS_DIR)/out WORK=$(OSS_DIR)/work bash $(OSS_DIR)/src/build.sh
	@for n in $(FUZZ_NAMES); do \
	  b=$(OSS_DIR)/out/fuzz_$$n; \
	  [ -x $$b ] || { echo "missing $$b"; exit 1; }; \
	  [ -f $${b}_seed_corpus.zip ] || { echo "missing $${b}_seed_corpus.zip"; exit 1; }; \
	  if [ -f fuzz/$$n.dict ]; then [ -f $$b.dict ] || { echo "missing $$b.dict"; exit 1; }; fi; \
	  rm -rf $(OSS_DIR)/seeds/$$n && mkdir -p $(OSS_DIR)/seeds/$$n; \
	  python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' \
	    $${b}_seed_corpus.zip $(OSS_DIR)/seeds/$$n; \
	  $$b -runs=0 $(OSS_DIR)/seeds/$$n > $(OSS_DIR)/$$n.log 2>&1 || { tail -n 20 $(OSS_DIR)/$$n.log; exit 1; }; \
	  echo "fuzz_$$n: $$(ls $(OSS_DIR)/seeds/$$n | wc -l) seeds run: $$(grep -m1 -o 'DONE.*cov: [0-9]* ft: [0-9]*' $(OSS_DIR)/$$n.log || grep -o 'INITED.*' $(OSS_DIR)/$$n.log | head -n1)"; \
	done
