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

.PHONY: all lib header check-header test test-rust test-c test-tools bench fixtures clean fuzz

all: lib $(BUILD)/test_fast_diff $(BUILD)/example_cpp $(BUILD)/test_patch $(BUILD)/test_structured

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
$(BUILD)/test_fast_diff: bindings/c/test_fast_diff.c bindings/c/check.h $(HEADER) $(SHARED)
	@mkdir -p $(BUILD)
	$(CC) -std=c99 $(WARN) $(SANITIZE) -Iinclude $< -o $@ -L$(LIBDIR) -lfast_diff -Wl,-rpath,$(abspath $(LIBDIR)) -lpthread

# Stats, hunks and word diffs (issue 7), built and run like the C test.
$(BUILD)/test_structured: bindings/c/test_structured.c bindings/c/check.h $(HEADER) $(SHARED)
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

test-c: $(BUILD)/header_c99.o $(BUILD)/header_cxx.o $(BUILD)/test_fast_diff $(BUILD)/example_cpp $(BUILD)/test_patch \
        $(BUILD)/test_structured
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 $(BUILD)/test_fast_diff
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 $(BUILD)/test_structured
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 $(BUILD)/example_cpp
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 $(BUILD)/test_patch

# ---- Patch (issue 6): the C test of fd_apply_patch, and coverage-guided
# fuzzing. The short, bounded fuzz run is tests/patch_fuzz.rs, part of
# test-rust; `make fuzz` runs cargo-fuzz (nightly, installed on demand,
# never by `make test`) for FUZZ_SECONDS per target.
FUZZ_SECONDS  ?= 120
FUZZ_TARGETS  := parse_patch apply_patch
CARGO_FUZZ_VERSION := 0.13.2

$(BUILD)/test_patch: bindings/c/test_patch.c bindings/c/check.h $(HEADER) $(SHARED)
	@mkdir -p $(BUILD)
	$(CC) -std=c99 $(WARN) $(SANITIZE) -Iinclude $< -o $@ -L$(LIBDIR) -lfast_diff -Wl,-rpath,$(abspath $(LIBDIR)) -lpthread

fuzz:
	@rustup toolchain list | grep -q '^nightly' || { echo "make fuzz needs the nightly toolchain (rustup toolchain install nightly)" >&2; exit 1; }
	@cargo fuzz --version 2>/dev/null | grep -q "$(CARGO_FUZZ_VERSION)" || $(CARGO) install cargo-fuzz --version $(CARGO_FUZZ_VERSION) --locked
	for target in $(FUZZ_TARGETS); do \
	  $(CARGO) +nightly fuzz run $$target -- -max_total_time=$(FUZZ_SECONDS) -max_len=8192 || exit 1; \
	done
# ---- end of patch section

fixtures: benches/data/manifest.json

benches/data/manifest.json: benches/fixtures.py
	$(PYTHON) benches/fixtures.py benches/data

clean:
	rm -rf $(BUILD)
	$(CARGO) clean

# ---- Go binding and conformance vectors (issue 4) ---------------------------
# `make go` builds the library the Go package links, then vets and builds the
# package; `make test` also runs the Go tests (race detector, cgocheck2, the
# dynamic-link build tag) and the C vector test. `make vectors` regenerates
# tests/vectors from examples/gen_vectors/cases.rs: only on purpose, and
# review the difference before committing it.

GO      ?= go
GO_DIR  := bindings/go
# cgo is required; -count=1 because the go command does not notice a rebuilt
# C library (go help cache), so test results must never come from its cache.
GO_ENV  := CGO_ENABLED=1
GO_TEST := $(GO_ENV) $(GO) test -count=1

.PHONY: go test-go test-vectors vectors bench-go

all: go
test: test-go test-vectors

go: lib
	cd $(GO_DIR) && $(GO_ENV) $(GO) vet ./... && $(GO_ENV) $(GO) build ./...

# The outside-module test (not -short) runs once, in the race run.
test-go: lib
	cd $(GO_DIR) && $(GO_ENV) $(GO) vet ./...
	cd $(GO_DIR) && $(GO_TEST) -race ./...
	cd $(GO_DIR) && GOEXPERIMENT=cgocheck2 $(GO_TEST) -short ./...
	cd $(GO_DIR) && $(GO_TEST) -short -tags fastdiff_dynamic ./...

$(BUILD)/test_vectors: bindings/c/test_vectors.c $(HEADER) $(SHARED)
	@mkdir -p $(BUILD)
	$(CC) -std=c99 $(WARN) $(SANITIZE) -Iinclude $< -o $@ -L$(LIBDIR) -lfast_diff -Wl,-rpath,$(abspath $(LIBDIR)) -lpthread

# The Rust side of the vectors runs in test-rust (tests/vectors.rs).
test-vectors: $(BUILD)/test_vectors
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 $(BUILD)/test_vectors tests/vectors

vectors:
	$(CARGO) run --release --locked --example gen_vectors -- tests/vectors

# Per-call cost of the Go binding over the raw C call (see README).
bench-go: lib
	cd $(GO_DIR) && $(GO_TEST) -run '^$$' -bench Tiny -benchtime 200000x -count 5 .

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

# The C loop the Python overhead is measured against, loaded into the
# Python process.
$(BUILD)/c_loop.so: benches/c_loop.c $(HEADER)
	@mkdir -p $(BUILD)
	$(CC) -std=c99 -O2 $(WARN) -fPIC -shared -Iinclude $< -o $@

.PHONY: bench-python
bench-python: fixtures python $(BUILD)/c_loop.so
	$(VENV_PYTHON) benches/python_overhead.py $(BUILD)/c_loop.so benches/data

# ---- Benchmarks (issue 5) ---------------------------------------------------
# `make bench` runs every language and tool on the same fixtures and writes
# benches/results/{report.md,results.json,ratios.png} (committed; about 16
# minutes on 2 cores); `make bench-quick` runs a reduced set (about 2
# minutes once built) into $(BUILD)/bench-quick; `make bench-report` rewrites the
# report from results.json. The bench-only Python packages (pyperf,
# matplotlib, pinned in benches/requirements.txt) and the article's tool
# stand-in (benches/article_standin, PyO3) go into .venv here, never for
# `make test`.

# $(LIBDIR)/fast-diff is the command (`make cli`, issue 7), timed as a process.
BENCH_PROGRAMS := $(BUILD)/c_call $(BUILD)/c_loop.so $(BUILD)/fd_file_diff $(BUILD)/spawn_time $(BUILD)/fastdiff.test \
                  $(LIBDIR)/fast-diff
BENCH_RUN = $(VENV_PYTHON) benches/run.py --c-call $(BUILD)/c_call --c-loop $(BUILD)/c_loop.so --file-diff $(BUILD)/fd_file_diff \
            --spawn-time $(BUILD)/spawn_time --go-test $(abspath $(BUILD))/fastdiff.test --go $(GO) \
            --cli $(LIBDIR)/fast-diff

.PHONY: bench bench-quick bench-report bench-venv readme-figures test-benches FORCE

bench: fixtures python bench-venv $(BENCH_PROGRAMS)
	$(BENCH_RUN) --out benches/results
	$(VENV_PYTHON) benches/report.py benches/results
	$(VENV_PYTHON) benches/readme_figures.py

# The figures quoted in README.md and docs/, rewritten from results.json.
readme-figures:
	$(PYTHON) benches/readme_figures.py

# The benchmark scripts' own tests: outputs' verdicts, the report's
# sentences, and the README's figures against results.json.
test-benches: python
	$(call pytest,benches/tests)

bench-quick: fixtures python bench-venv $(BENCH_PROGRAMS)
	$(BENCH_RUN) --quick --out $(BUILD)/bench-quick
	$(VENV_PYTHON) benches/report.py $(BUILD)/bench-quick

bench-report: bench-venv
	$(VENV_PYTHON) benches/report.py benches/results

bench-venv: $(VENV)/.bench

# On the venv, not on the binding's install: changing the engine must not
# rebuild the stand-in.
$(VENV)/.bench: $(VENV)/.requirements benches/requirements.txt $(wildcard benches/article_standin/*.toml benches/article_standin/Cargo.lock benches/article_standin/src/*.rs)
	$(VENV_PYTHON) -m pip install --quiet --disable-pip-version-check -r benches/requirements.txt
	$(VENV_PYTHON) -m pip install --quiet --disable-pip-version-check ./benches/article_standin
	touch $@

# fast-diff as a whole process, linked statically like a command would be.
$(BUILD)/fd_file_diff: benches/fd_file_diff.c $(HEADER) $(STATIC)
	@mkdir -p $(BUILD)
	$(CC) -std=c99 -O2 $(WARN) -Iinclude $< -o $@ $(STATIC) $(STATIC_DEPS)

$(BUILD)/spawn_time: benches/spawn_time.c
	@mkdir -p $(BUILD)
	$(CC) -std=c99 -O2 $(WARN) $< -o $@

# Always relinked: the go command does not notice a rebuilt C library.
$(BUILD)/fastdiff.test: lib FORCE
	@mkdir -p $(BUILD)
	cd $(GO_DIR) && $(GO_ENV) $(GO) test -c -o $(abspath $@) .
# ---- end of benchmarks

# ---- The fast-diff command (issue 7) ----------------------------------------
# `make cli` builds target/release/fast-diff; its tests (tests/cli.rs) run in
# test-rust. `make bench-cli` times it against GNU diff and git diff
# --no-index on the fixtures, as make bench does.
CLI := $(LIBDIR)/fast-diff

.PHONY: cli bench-cli

all: cli

cli: $(CLI)

$(CLI): $(RUST_SOURCES)
	$(CARGO) build --release --locked --bin fast-diff

bench-cli: fixtures python $(CLI) $(BUILD)/spawn_time $(BUILD)/fd_file_diff
	$(VENV_PYTHON) benches/cli_vs_tools.py $(BUILD)/spawn_time $(BUILD)/fd_file_diff $(CLI) benches/data
# ---- end of the fast-diff command --------------------------------------------
