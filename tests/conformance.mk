# Ports: checking another implementation of memview against CPython
# (PORTING.md).
#
#   make conformance PORT='command'
#       fresh random cases of every family (views, cursors, owner buffers,
#       searches and cuts, I/O over the simulated socket), the expected
#       results from CPython and tests/iomodel.py, fed to the port one at a
#       time by tests/port_runner.py.  CONFORMANCE_CASES cases in all
#       (default 100000); CONFORMANCE_SEED (default: from the clock, printed
#       first); CONFORMANCE_TIMEOUT seconds a case may take (default 5).
#       Reports go to build/conformance/.
#   make port-driver
#       the C reference driver, -O2 without sanitizers: build/port/run_vectors
#       (PORT='build/port/run_vectors --port'; make test runs the sanitized
#       build through the same runner, suites port and port-selftest).

PORT_DRIVER := build/port/run_vectors

.PHONY: conformance port-driver

conformance: deps-python
ifeq ($(strip $(PORT)),)
	@echo "make conformance: PORT is missing: the command that runs the port, e.g." >&2
	@echo "  make port-driver && make conformance PORT='$(PORT_DRIVER) --port'" >&2
	@echo "  make conformance PORT='python3 tests/port_driver.py'" >&2
	@echo "(the line protocol a port speaks: PORTING.md)" >&2
	@exit 2
else
	python3 tests/port_runner.py -- $(PORT)
endif

port-driver: $(PORT_DRIVER)

$(PORT_DRIVER): tests/run_vectors.c $(TEST_HDR) $(ALL_SRC) $(SRC_HDR) | deps-gcc
	@mkdir -p $(@D)
	gcc $(PORT_CFLAGS) tests/run_vectors.c $(ALL_SRC) -o $@
