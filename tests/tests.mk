# Tests: see tests/README.md.  (filled in below)
.PHONY: test
test: deps-clang deps-python
	@echo "no tests yet"; exit 1
