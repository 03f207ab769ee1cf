# The proof configuration: Frama-C WP over every function of src/ that has
# a body, with the RTE plug-in's runtime-error goals, every overflow and
# downcast warning, cvc4 and z3, and smoke tests for contradictory
# contracts.  Frama-C exits 0 when goals are unproven, so the gate is its
# report (-report-unclassified-unknown ERROR) plus the committed summary.

WP_TIMEOUT ?= 10
WP_DIR     := build/wp
WP_CHECKS  := -wp-rte -warn-signed-overflow -warn-unsigned-overflow \
              -warn-signed-downcast -warn-unsigned-downcast
# Two passes, three where a group proves a WP_Z3_FIRST function.  The
# main pass gives every goal to cvc4 (the faster of the two here) and runs
# the smoke tests, which look for contradictory requires, assumes, loop
# invariants and calls (a contract nothing satisfies proves anything).  The
# last gives z3 the goals cvc4 left open (WP selects only properties not
# yet proved).  A smoke test passes when the prover cannot prove false, so
# it always costs the smoke timeout of every prover it is given: running
# them with cvc4 alone keeps `make prove` within its time budget.  The
# per-statement dead-code smoke tests are left out for the same reason.
# `make prove PROVE_UPDATE=1` rewrites the committed summary after an
# intended change of contracts.
#
# A goal cvc4 cannot prove costs the whole timeout (10 s) before z3 gets
# it.  The functions of WP_Z3_FIRST are those whose goals z3 proves faster
# than cvc4 gives up on them: the lemma functions about products and
# strides (non-linear arithmetic, where cvc4 times out and z3 answers in
# under a second) and a few helpers with one such goal and nothing z3 is
# slow on.  A first pass gives their goals to z3; what z3 leaves open goes
# on to cvc4 in the main pass, and the smoke tests of their contracts run
# there too.  Only the order changes: every goal is still offered to both
# provers.  (A shorter first cvc4 timeout instead made goals cvc4 needs
# 4-5 s for fail on a loaded machine: the timeouts are wall-clock.)
WP_Z3_FIRST := mv__lemma_apart mv__lemma_slope mv__lemma_rising mv__lemma_items_apart_from \
               mv__lemma_byte_shift mv__ct_differ mv__compact mv__wipe mv_buf_wipe mv__hex_write \
               mv__find_item mv__find_ptr
#
# The smoke timeout is 1 s (the smallest WP takes): cvc4 proves false from
# each contradiction planted in contracts/smoke_plants.c in a fraction of
# that (two of the five Qed finds without a prover), and `make prove`
# checks, beside the proof, that all five are still reported.
#
# Dead-call smoke tests (is the state after a call contradictory?) are run
# where they can fail: after the calls to trusted functions, in
# contracts/smoke_trusted.c, which calls each of them in the most general
# state its precondition allows and tells its outcomes apart (dead-code
# smoke tests there too).  At a call to one of the library's own
# functions the test cannot fail: WP proves that function terminates and
# establishes its postcondition from its precondition, so a state after
# the call exists.  Left out of the groups, they were a third of the
# proof's prover time.
WP_SMOKE   := -wp-smoke-tests -wp-no-smoke-dead-code -wp-no-smoke-dead-call -wp-smoke-timeout 1
SMOKE_TRUSTED_FCT = $(shell grep -o '^void trusted_[a-z_]*' contracts/smoke_trusted.c | cut -c6-)
SMOKE_PLANTS := planted_shape planted_arithmetic planted_invariant planted_assumes planted_span

# Frama-C's own work (parsing, RTE, goal generation and simplification) is
# sequential, and each prover call is short and spends much of its time
# starting up and being polled: one Frama-C running one prover at a time
# keeps about half a core busy.  So the sources (libmemview and the
# simulated socket) are proven in WP_GROUPS groups side by side, each by
# its own Frama-C keeping WP_JOBS prover calls in flight, enough to fill the
# two cores without starving the slowest goals (the longest takes under
# 5 s of the 10 s timeout); the two checks of the smoke tests themselves
# (planted contradictions caught, trusted contracts satisfiable) run beside
# them.  The groups are balanced by the seconds each function took the
# last time (contracts/proof-times.txt, rewritten with the summary by
# PROVE_UPDATE=1; contracts/proof_groups.py prints one line a group).
WP_GROUPS    ?= 4
WP_JOBS      ?= 2
PROVE_SRC    := $(ALL_SRC)
WP_GROUP_SRC  = $(shell python3 contracts/proof_groups.py --z3-first $(subst $(eval) ,$(comma),$(strip $(WP_Z3_FIRST))) \
                  contracts/proof-summary.txt contracts/proof-times.txt $(WP_GROUPS) $(PROVE_SRC))
WP_COMMON  := -wp-timeout $(WP_TIMEOUT) -wp-par $(WP_JOBS) -wp-cache update

# prove_group NAME FILES EXTRA FIRST: the passes and the report gate over
# FILES, log and reports under $(WP_DIR)/NAME.  The lemmas of
# contracts/*.acsl are global: the first group proves them, the others
# leave them out (EXTRA = -wp-prop=-@lemma) rather than prove them again;
# that selection has to be given again after each -then, where it is
# otherwise lost for the lemmas.
# FIRST is the z3 pass over the group's WP_Z3_FIRST functions, or nothing.
# An option keeps its value across -then, and -wp-prover adds to the list
# it had (two provers on a goal race, both running): so FIRST ends with
# -wp-fct= (every function again) and -wp-prover=-z3, and the last pass
# trades cvc4 for z3 rather than adding z3.  FIRST does not use the cache:
# z3 now and then fails a goal it proves in seconds ("Unknown error", seen
# on a loaded machine), and a cached failure would be replayed, not
# retried, when the last pass gives the goal to z3 again.
define prove_group
frama-c $(WP_CPP) $(2) $(WP_CHECKS) $(3) $(4) \
  -wp -wp-prover cvc4 $(WP_SMOKE) $(WP_COMMON) $(3) \
    -wp-session $(WP_DIR)/$(1)/session -wp-report-json $(WP_DIR)/$(1)/report-cvc4.json \
  -then -wp -wp-no-smoke-tests -wp-prover=-cvc4,z3 $(WP_COMMON) $(3) \
    -wp-session $(WP_DIR)/$(1)/session -wp-report-json $(WP_DIR)/$(1)/report.json \
  -then -report-classify -report-unclassified-unknown ERROR > $(WP_DIR)/$(1)/prove.log 2>&1
endef

comma := ,
.PHONY: prove

prove: deps-prove deps-python
	@rm -rf $(WP_DIR) && mkdir -p $(WP_DIR)
	@[ -n "$(strip $(WP_GROUP_SRC))" ] || { echo "memview: contracts/proof_groups.py gave no groups"; exit 1; }
	@echo "memview: proving $(words $(PROVE_SRC)) files with WP in $(WP_GROUPS) groups (cvc4, then z3 on what is left; timeout $(WP_TIMEOUT)s), checking the smoke tests' reach beside them"
	@frama-c $(WP_CPP) contracts/smoke_plants.c -wp -wp-prover cvc4 $(WP_SMOKE) -wp-timeout $(WP_TIMEOUT) \
	  -wp-par 1 -wp-cache none -wp-fct $(subst $(eval) ,$(comma),$(SMOKE_PLANTS)) > $(WP_DIR)/smoke-plants.log 2>&1 & plants=$$!; \
	frama-c $(WP_CPP) contracts/smoke_trusted.c -wp -wp-prover cvc4 -wp-smoke-tests -wp-smoke-dead-code \
	  -wp-smoke-timeout 1 -wp-timeout $(WP_TIMEOUT) -wp-par 1 -wp-cache none \
	  -wp-fct $(subst $(eval) ,$(comma),$(SMOKE_TRUSTED_FCT)) \
	  -then -report-classify -report-unclassified-unknown ERROR > $(WP_DIR)/smoke-trusted.log 2>&1 & trusted=$$!; \
	groups=""; pids=""; i=0; \
	for group in $(WP_GROUP_SRC); do \
	  i=$$((i + 1)); mkdir -p $(WP_DIR)/$$i; groups="$$groups $$i"; \
	  files=$${group%%:*}; z3=$${group#*:}; \
	  echo "  group $$i: $$files$${z3:+ (z3 first: $$z3)}" | tr ',' ' '; \
	  lemmas=""; [ $$i -eq 1 ] || lemmas="-wp-prop=-@lemma"; \
	  first=""; [ -z "$$z3" ] || first="-wp -wp-fct $$z3 -wp-prover z3 -wp-no-smoke-tests $(WP_COMMON) -wp-cache none \
	    -wp-session $(WP_DIR)/$$i/session -then -wp-fct= -wp-prover=-z3 -wp-cache update"; \
	  ( $(call prove_group,$$i,$$(echo $$files | tr ',' ' '),$$lemmas,$$first) ) & pids="$$pids $$!"; \
	done; \
	status=0; for p in $$pids; do wait $$p || status=1; done; \
	wait $$plants; \
	trusted_ok=1; wait $$trusted || trusted_ok=0; \
	caught=$$(grep -c '^\[wp\] \[Failed\] Smoke-test' $(WP_DIR)/smoke-plants.log); \
	echo "memview: smoke tests catch $$caught of the $(words $(SMOKE_PLANTS)) planted contradictions"; \
	[ "$$caught" -eq $(words $(SMOKE_PLANTS)) ] || { echo "memview: smoke timeout too short (see $(WP_DIR)/smoke-plants.log)"; exit 1; }; \
	[ $$trusted_ok -eq 1 ] || { echo "memview: the checks of the trusted contracts failed (see $(WP_DIR)/smoke-trusted.log)"; exit 1; }; \
	passed=$$(grep -c '^\[wp\] \[Passed\] Smoke-test' $(WP_DIR)/smoke-trusted.log); \
	failed=$$(grep -c '^\[wp\] \[Failed\] Smoke-test' $(WP_DIR)/smoke-trusted.log); \
	echo "memview: every trusted contract can be met ($$passed smoke tests after its calls and outcomes, $$failed failed)"; \
	[ "$$failed" -eq 0 ] && [ "$$passed" -gt 0 ] || { echo "memview: a trusted contract is contradictory (see $(WP_DIR)/smoke-trusted.log)"; exit 1; }; \
	for g in $$groups; do \
	  grep -E '^\[wp\] \[(Failed|Unknown|Timeout)\]|Proved goals|^  (Qed|Z3|CVC4)|ERROR|User Error' $(WP_DIR)/$$g/prove.log | sed "s/^/[$$g] /"; \
	done; \
	if [ $$status -ne 0 ]; then \
	  echo "memview: proof FAILED (logs: $(WP_DIR)/*/prove.log)"; exit 1; fi; \
	python3 contracts/proof_summary.py $$(for g in $$groups; do echo $(WP_DIR)/$$g/report.json; done) \
	  > $(WP_DIR)/proof-summary.txt
	@python3 contracts/proof_times.py --functions $(WP_DIR)/proof-summary.txt $(WP_DIR)/*/prove.log \
	  > $(WP_DIR)/proof-times.txt
	@if [ -n "$(PROVE_UPDATE)" ]; then cp $(WP_DIR)/proof-summary.txt contracts/proof-summary.txt; \
	  cp $(WP_DIR)/proof-times.txt contracts/proof-times.txt; \
	  echo "memview: contracts/proof-summary.txt and contracts/proof-times.txt updated"; \
	else python3 contracts/proof_summary.py --compare contracts/proof-summary.txt $(WP_DIR)/proof-summary.txt; fi
	@tail -n 1 $(WP_DIR)/proof-summary.txt
	@echo "memview: every goal proved; per-function report: $(WP_DIR)/proof-summary.txt"
