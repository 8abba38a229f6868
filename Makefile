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

all: lib $(BUILD)/test_fast_diff $(BUILD)/example_cpp $(BUILD)/test_patch

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

test-c: $(BUILD)/header_c99.o $(BUILD)/header_cxx.o $(BUILD)/test_fast_diff $(BUILD)/example_cpp $(BUILD)/test_patch
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 $(BUILD)/test_fast_diff
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

bench: fixtures
	$(CARGO) bench --locked --bench engine

clean:
	rm -rf $(BUILD)
	$(CARGO) clean
