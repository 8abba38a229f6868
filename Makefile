# fast-diff: `make` builds everything; `make test` runs every test of every
# language; `make bench` runs the benchmarks. See README.md.

CARGO    ?= cargo
CBINDGEN ?= cbindgen
CC       ?= cc
CXX      ?= c++
PYTHON   ?= python3

BUILD    := build
LIBDIR   := target/release
SHARED   := $(LIBDIR)/libfast_diff.so
STATIC   := $(LIBDIR)/libfast_diff.a
HEADER   := include/fast_diff.h

WARN      := -Wall -Wextra -Werror -pedantic
SANITIZE  := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer -g
# What a program linking the Rust static library needs from the system.
STATIC_DEPS := -lpthread -ldl -lm -lrt -lutil

RUST_SOURCES := Cargo.toml Cargo.lock $(shell find src -name '*.rs')

.PHONY: all lib header check-header test test-rust test-c test-tools bench fixtures clean

all: lib $(BUILD)/test_fast_diff $(BUILD)/example_cpp

lib: $(SHARED) $(STATIC)

$(SHARED) $(STATIC) &: $(RUST_SOURCES)
	$(CARGO) build --release --locked --lib

# The header is generated, committed, and never edited by hand.
header:
	$(CBINDGEN) --quiet --config cbindgen.toml --crate fast-diff --output $(HEADER)

check-header:
	@mkdir -p $(BUILD)
	$(CBINDGEN) --quiet --config cbindgen.toml --crate fast-diff --output $(BUILD)/fast_diff.h
	@diff -u $(HEADER) $(BUILD)/fast_diff.h || { echo "$(HEADER) is stale: run 'make header' and commit it" >&2; exit 1; }

# The C test links the shared library, under ASan + UBSan (+ LeakSanitizer).
$(BUILD)/test_fast_diff: bindings/c/test_fast_diff.c $(HEADER) $(SHARED)
	@mkdir -p $(BUILD)
	$(CC) -std=c99 $(WARN) $(SANITIZE) -Iinclude $< -o $@ -L$(LIBDIR) -lfast_diff -Wl,-rpath,$(abspath $(LIBDIR)) -lpthread

# The C++ example links the static library.
$(BUILD)/example_cpp: bindings/c/example.cpp $(HEADER) $(STATIC)
	@mkdir -p $(BUILD)
	$(CXX) -std=c++17 $(WARN) $(SANITIZE) -Iinclude $< -o $@ $(STATIC) $(STATIC_DEPS)

# The header must also compile on its own as C99 and as C++.
$(BUILD)/header_c99.o: $(HEADER)
	@mkdir -p $(BUILD)
	echo '#include "fast_diff.h"' | $(CC) -std=c99 $(WARN) -Iinclude -x c -c - -o $@

$(BUILD)/header_cxx.o: $(HEADER)
	@mkdir -p $(BUILD)
	echo '#include "fast_diff.h"' | $(CXX) -std=c++11 $(WARN) -Iinclude -x c++ -c - -o $@

test: check-header test-rust test-c

test-rust:
	$(CARGO) test --release --locked

test-c: $(BUILD)/header_c99.o $(BUILD)/header_cxx.o $(BUILD)/test_fast_diff $(BUILD)/example_cpp
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 $(BUILD)/test_fast_diff
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 $(BUILD)/example_cpp

fixtures: benches/data/manifest.json

benches/data/manifest.json: benches/fixtures.py
	$(PYTHON) benches/fixtures.py benches/data

bench: fixtures
	$(CARGO) bench --locked --bench engine

clean:
	rm -rf $(BUILD)
	$(CARGO) clean

# ---------------------------------------------------------------------------
# Python: the binding (bindings/python, package fast_diff) and the MCP server
# (server, package fast_diff_mcp), in a local virtual environment with
# pinned dependencies. `make python` installs both; `make serve` starts the
# HTTP server; `make test` runs their tests.

VENV        := .venv
VENV_PYTHON := $(abspath $(VENV))/bin/python
PY_REQUIREMENTS := bindings/python/requirements-dev.txt server/requirements.txt
PY_SOURCES  := $(shell find bindings/python/src server/src -name '*.py' -o -name '*.pyi' -o -name py.typed) \
               bindings/python/setup.py bindings/python/build_ffi.py bindings/python/pyproject.toml server/pyproject.toml

.PHONY: venv python serve test-python

venv: $(VENV)/.requirements

$(VENV)/.requirements: $(PY_REQUIREMENTS)
	$(PYTHON) -m venv $(VENV)
	$(VENV_PYTHON) -m pip install --quiet --disable-pip-version-check $(addprefix -r ,$(PY_REQUIREMENTS))
	touch $@

# Installed exactly as a user would (`pip install ./bindings/python`, build
# isolation included), so the tests run against the installed packages.
python: $(VENV)/.installed

$(VENV)/.installed: $(VENV)/.requirements $(RUST_SOURCES) $(HEADER) $(PY_SOURCES)
	$(VENV_PYTHON) -m pip install --quiet --disable-pip-version-check ./bindings/python ./server
	touch $@

# The MCP server over streamable HTTP on http://127.0.0.1:$PORT/mcp (8080 by default).
serve: python
	$(VENV)/bin/fast-diff-mcp --transport http

# pytest exits 5 when it collects no test: for `make test` that is a failure.
define pytest
	cd $(1) && $(VENV_PYTHON) -m pytest -q; status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest collected no tests in $(1)" >&2; exit 1; fi; exit $$status
endef

test-python: python
	$(call pytest,bindings/python)
	$(call pytest,server)

test: test-python

# The Python binding's per-call cost over the raw C call (README figures).
$(BUILD)/c_call: benches/c_call.c $(HEADER) $(SHARED)
	@mkdir -p $(BUILD)
	$(CC) -std=c99 -O2 $(WARN) -Iinclude $< -o $@ -L$(LIBDIR) -lfast_diff -Wl,-rpath,$(abspath $(LIBDIR))

.PHONY: bench-python
bench-python: fixtures python $(BUILD)/c_call
	$(VENV_PYTHON) benches/python_overhead.py $(BUILD)/c_call benches/data
