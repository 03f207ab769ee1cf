# The proof configuration: Frama-C WP over every function of src/ that has
# a body, with the RTE plug-in's runtime-error goals, every overflow and
# downcast warning, z3 and cvc4, and smoke tests for contradictory
# contracts.  Frama-C exits 0 when goals are unproven, so the gate is its
# report (-report-unclassified-unknown ERROR) plus the committed summary.

WP_TIMEOUT ?= 10
WP_PAR     ?= $(shell nproc 2>/dev/null || echo 2)
WP_DIR     := build/wp
WP_CPP     := -pp-annot -cpp-extra-args="-Isrc -Icontracts -D_GNU_SOURCE"
WP_CHECKS  := -wp-rte -warn-signed-overflow -warn-unsigned-overflow \
              -warn-signed-downcast -warn-unsigned-downcast
# Smoke tests look for contradictory requires, assumes, loop invariants and
# calls (a contract nothing satisfies proves anything).
# `make prove PROVE_UPDATE=1` rewrites the committed summary after an
# intended change of contracts.  The per-statement
# dead-code smoke tests are left out: each costs a prover timeout, and
# together they would double the proof time.
WP_SMOKE   := -wp-smoke-tests -wp-no-smoke-dead-code -wp-smoke-timeout 2
WP_FLAGS   := -wp $(WP_CHECKS) -wp-prover cvc4,z3 -wp-timeout $(WP_TIMEOUT) -wp-par $(WP_PAR) \
              $(WP_SMOKE) -wp-session $(WP_DIR)/session -wp-cache update

.PHONY: prove

prove: deps-prove
	@mkdir -p $(WP_DIR)
	@echo "memview: proving $(words $(LIB_SRC)) files with WP (z3, cvc4; timeout $(WP_TIMEOUT)s, $(WP_PAR) jobs)"
	@set -o pipefail 2>/dev/null || true; \
	frama-c $(WP_CPP) $(LIB_SRC) $(WP_FLAGS) -wp-report-json $(WP_DIR)/report.json \
	  -then -report-classify -report-unclassified-unknown ERROR > $(WP_DIR)/prove.log 2>&1; \
	status=$$?; \
	grep -E '^\[wp\] \[(Failed|Unknown|Timeout)\]|Proved goals|^  (Qed|Z3|CVC4)|ERROR|error' $(WP_DIR)/prove.log; \
	if [ $$status -ne 0 ]; then echo "memview: proof FAILED (log: $(WP_DIR)/prove.log)"; exit 1; fi
	@python3 contracts/proof_summary.py $(WP_DIR)/report.json > $(WP_DIR)/proof-summary.txt
	@if [ -n "$(PROVE_UPDATE)" ]; then cp $(WP_DIR)/proof-summary.txt contracts/proof-summary.txt; \
	  echo "memview: contracts/proof-summary.txt updated"; \
	else python3 contracts/proof_summary.py --compare contracts/proof-summary.txt $(WP_DIR)/proof-summary.txt; fi
	@tail -n 1 $(WP_DIR)/proof-summary.txt
	@echo "memview: every goal proved; per-function report: $(WP_DIR)/proof-summary.txt"
