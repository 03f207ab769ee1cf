# The audit page: one static HTML file for an auditor (tests/audit_report.py).
#
#   make report        build/report/index.html from the outputs of make prove
#                      (build/wp) and make coverage (build/coverage); each is
#                      run first when its outputs are missing
#   make report-test   the page in headless Chromium (tests/check_report.js):
#                      one row per public function, sorting, filtering, no
#                      script error; writes build/report/report.png
#
# The page opens from the file system, with no network and no build step:
# plain HTML, a style sheet and a small script, all in the one file.

REPORT_DIR   := build/report
NODE_DIR     := build/node
# puppeteer-core drives the system's Chromium; 24.x still runs on Debian
# 12's Node.js 18.
PUPPETEER    := puppeteer-core@24.43.1
PUPPETEER_PKG := $(NODE_DIR)/node_modules/puppeteer-core/package.json
REPORT_CFLAGS := $(CSTD) $(INC) -Itests -Ifuzz

.PHONY: report report-test

# Under `make check` the proof and the coverage run are prerequisites, so
# that the page describes this run even under make -j; alone, `make
# report` runs them only when their outputs are missing.  A failed proof
# or coverage gate still leaves outputs: the page then shows what failed.
ifneq ($(filter check,$(MAKECMDGOALS)),)
report: prove coverage
endif

report: deps-python deps-lcov
	@ls $(WP_DIR)/*/report.json >/dev/null 2>&1 || $(MAKE) --no-print-directory prove || true
	@ls $(WP_DIR)/*/report.json >/dev/null 2>&1 || { echo "memview: no WP report under $(WP_DIR)"; exit 1; }
	@missing=""; [ -f $(COV_INFO) ] || missing=1; \
	for h in $(FUZZ_NAMES); do [ -x $(COV_BUILD)/fuzz/replay_$$h ] || missing=1; done; \
	[ -z "$$missing" ] || $(MAKE) --no-print-directory coverage || true
	@[ -f $(COV_INFO) ] || { echo "memview: no coverage tracefile $(COV_INFO)"; exit 1; }
	@mkdir -p $(REPORT_DIR)
	@python3 tests/audit_report.py --out $(REPORT_DIR) --wp $(WP_DIR) --cov-build $(COV_BUILD) \
	  --tracefile $(COV_INFO) --cflags "$(REPORT_CFLAGS)"

report-test: report deps-chromium $(PUPPETEER_PKG)
	@NODE_PATH=$(NODE_DIR)/node_modules node tests/check_report.js $(REPORT_DIR)/index.html \
	  $(REPORT_DIR)/report.png

# Installed into build/, never into the repository; again when the pinned
# version changes.
$(PUPPETEER_PKG): tests/report.mk | deps-node
	@mkdir -p $(NODE_DIR)
	@echo "  NPM     $(PUPPETEER) into $(NODE_DIR)"
	@npm install --prefix $(NODE_DIR) --no-audit --no-fund --loglevel=error $(PUPPETEER) >/dev/null
	@touch $@
