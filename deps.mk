# deps.mk — every Debian 12 package the targets need, installed when a tool
# is missing (`make deps` installs them all; each target asks for its own).
# Idempotent; as root it runs apt-get, a non-root user gets the exact
# command to run instead.  Nothing comes from anywhere but Debian.

# need TOOLS,PACKAGES: install PACKAGES unless every one of TOOLS is on PATH.
define need
	@missing=""; for t in $(1); do command -v $$t >/dev/null 2>&1 || missing="$$missing $$t"; done; \
	if [ -n "$$missing" ]; then \
	  echo "memview: missing:$$missing; installing Debian packages: $(2)"; \
	  if [ "$$(id -u)" = 0 ]; then \
	    DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(2) >/dev/null || exit 1; \
	  else \
	    echo "run as root: apt-get install -y $(2)"; exit 1; \
	  fi; \
	fi
endef

.PHONY: deps deps-clang deps-gcc deps-python deps-yaml deps-prove deps-afl deps-lcov deps-gnuplot \
        deps-valgrind deps-pkgconfig deps-chromium deps-node

deps: deps-clang deps-gcc deps-python deps-yaml deps-prove deps-afl deps-lcov deps-gnuplot deps-valgrind \
      deps-pkgconfig deps-chromium deps-node

# clang with its sanitizer runtimes (tests, libFuzzer): the runtimes come
# in a package of their own, checked by linking a sanitized program.
deps-clang:
	$(call need,clang,clang libclang-rt-14-dev)
	@printf 'int main(void){return 0;}\n' > /tmp/memview-san-$$$$.c && \
	  { clang -fsanitize=address,undefined /tmp/memview-san-$$$$.c -o /tmp/memview-san-$$$$ 2>/dev/null || \
	    { [ "$$(id -u)" = 0 ] && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libclang-rt-14-dev >/dev/null; }; }; \
	  rm -f /tmp/memview-san-$$$$.c /tmp/memview-san-$$$$
# gcc and its sanitizer runtimes (corpus replayers, coverage).
deps-gcc:
	$(call need,gcc,gcc libc6-dev)
deps-python:
	$(call need,python3,python3)
# PyYAML, for the check of the GitHub workflows.
deps-yaml: deps-python
	@python3 -c 'import yaml' 2>/dev/null || { \
	  echo "memview: missing: python3's yaml; installing Debian packages: python3-yaml"; \
	  if [ "$$(id -u)" = 0 ]; then \
	    DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-yaml >/dev/null || exit 1; \
	  else echo "run as root: apt-get install -y python3-yaml"; exit 1; fi; }
# Frama-C WP and its provers; Why3 learns where the provers are once.
deps-prove:
	$(call need,frama-c why3 z3 cvc4,frama-c-base why3 z3 cvc4)
	@frama-c -wp-detect 2>/dev/null | grep -q 'Z3' && frama-c -wp-detect 2>/dev/null | grep -q 'CVC4' || \
	  why3 config detect >/dev/null
deps-afl: deps-clang
	$(call need,afl-fuzz afl-clang-fast afl-whatsup,afl++)
deps-lcov:
	$(call need,gcc gcov lcov genhtml,gcc lcov)
deps-gnuplot:
	$(call need,gnuplot,gnuplot-nox)
deps-valgrind:
	$(call need,valgrind,valgrind)
# The install test builds a program through pkg-config.
deps-pkgconfig:
	$(call need,pkg-config,pkg-config)
# The audit page's browser test (tests/report.mk): Chromium, and Node.js
# with npm, which installs puppeteer-core into build/ to drive it.
deps-chromium:
	$(call need,chromium,chromium)
deps-node:
	$(call need,node npm,nodejs npm)
