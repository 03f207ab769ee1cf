# The proof configuration: Frama-C WP over every function of src/ that has
# a body, with the RTE plug-in's runtime-error goals, every overflow and
# downcast warning, cvc4 and z3, and smoke tests for contradictory
# contracts.  Frama-C exits 0 when goals are unproven, so the gate is its
# report (-report-unclassified-unknown ERROR) plus the committed summary.

WP_TIMEOUT ?= 10
WP_PAR     ?= $(shell nproc 2>/dev/null || echo 2)
WP_DIR     := build/wp
WP_CPP     := -pp-annot -cpp-extra-args="-Isrc -Icontracts -D_GNU_SOURCE"
WP_CHECKS  := -wp-rte -warn-signed-overflow -warn-unsigned-overflow \
              -warn-signed-downcast -warn-unsigned-downcast
# Two passes.  The first gives every goal to cvc4 (the faster of the two
# here) and runs the smoke tests, which look for contradictory requires,
# assumes, loop invariants and calls (a contract nothing satisfies proves
# anything).  The second gives z3 the goals cvc4 left open (WP selects
# only properties not yet proved).  A smoke test passes when the prover
# cannot prove false, so it always costs the smoke timeout of every prover
# it is given: running them with cvc4 alone keeps `make prove` within its
# time budget.  The per-statement dead-code smoke tests are left out for
# the same reason.  `make prove PROVE_UPDATE=1` rewrites the committed
# summary after an intended change of contracts.
WP_SMOKE   := -wp-smoke-tests -wp-no-smoke-dead-code -wp-smoke-timeout 2
WP_COMMON  := -wp-timeout $(WP_TIMEOUT) -wp-par 2 -wp-cache update

# Frama-C's own work (parsing, RTE, goal generation and simplification) is
# sequential and each prover call is short, so one Frama-C leaves a core
# idle: the sources are proven in two groups side by side, each by its own
# Frama-C with up to two prover jobs.
WP_GROUP_A := $(filter src/mv_view.c src/mv_bytes.c src/mv_search.c src/mv_assign.c src/mv_hex.c,$(LIB_SRC))
WP_GROUP_B := $(filter-out $(WP_GROUP_A),$(LIB_SRC))

# prove_group NAME FILES: both passes and the report gate over FILES,
# log and reports under $(WP_DIR)/NAME.
define prove_group
frama-c $(WP_CPP) $(2) \
  -wp $(WP_CHECKS) -wp-prover cvc4 $(WP_SMOKE) $(WP_COMMON) \
    -wp-session $(WP_DIR)/$(1)/session -wp-report-json $(WP_DIR)/$(1)/report-cvc4.json \
  -then -wp -wp-no-smoke-tests -wp-prover z3 $(WP_COMMON) \
    -wp-session $(WP_DIR)/$(1)/session -wp-report-json $(WP_DIR)/$(1)/report-z3.json \
  -then -report-classify -report-unclassified-unknown ERROR > $(WP_DIR)/$(1)/prove.log 2>&1
endef

.PHONY: prove

prove: deps-prove
	@rm -rf $(WP_DIR) && mkdir -p $(WP_DIR)/a $(WP_DIR)/b
	@echo "memview: proving $(words $(LIB_SRC)) files with WP in two groups (cvc4, then z3 on what is left; timeout $(WP_TIMEOUT)s)"
	@( $(call prove_group,a,$(WP_GROUP_A)) ) & pid=$$!; \
	( $(call prove_group,b,$(WP_GROUP_B)) ); status_b=$$?; \
	wait $$pid; status_a=$$?; \
	for g in a b; do \
	  grep -E '^\[wp\] \[(Failed|Unknown|Timeout)\]|Proved goals|^  (Qed|Z3|CVC4)|ERROR|User Error' $(WP_DIR)/$$g/prove.log | sed "s/^/[$$g] /"; \
	done; \
	if [ $$status_a -ne 0 ] || [ $$status_b -ne 0 ]; then \
	  echo "memview: proof FAILED (logs: $(WP_DIR)/a/prove.log, $(WP_DIR)/b/prove.log)"; exit 1; fi
	@python3 contracts/proof_summary.py $(WP_DIR)/a/report-z3.json $(WP_DIR)/b/report-z3.json \
	  > $(WP_DIR)/proof-summary.txt
	@if [ -n "$(PROVE_UPDATE)" ]; then cp $(WP_DIR)/proof-summary.txt contracts/proof-summary.txt; \
	  echo "memview: contracts/proof-summary.txt updated"; \
	else python3 contracts/proof_summary.py --compare contracts/proof-summary.txt $(WP_DIR)/proof-summary.txt; fi
	@tail -n 1 $(WP_DIR)/proof-summary.txt
	@echo "memview: every goal proved; per-function report: $(WP_DIR)/proof-summary.txt"
