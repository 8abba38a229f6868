# The crate: the library (cdylib, staticlib, rlib), the commands, the header.

.PHONY: lib cli header check-header test-rust lint-rust vectors fuzz merge-corpus test-merge-real

lib: $(SHARED) $(STATIC) $(SONAME_LINK) ## target/release/libfast_diff.{so,a}

$(SHARED) $(STATIC) &: $(RUST_SOURCES)
	$(CARGO) build --release --locked --lib

$(SONAME_LINK): $(SHARED)
	ln -sf $(notdir $(SHARED)) $@

cli: $(COMMAND_PATHS) ## the commands (fast-diff, ...), in target/release

$(COMMAND_PATHS) &: $(RUST_SOURCES)
	$(CARGO) build --release --locked --bins

# The header is generated, committed, and never edited by hand.
header: ## regenerate include/fast_diff.h with cbindgen
	$(CBINDGEN) --quiet --config cbindgen.toml --crate fast-diff --output $(HEADER)

check-header: ## fail if the committed header differs from cbindgen's output
	@mkdir -p $(BUILD)
	$(CBINDGEN) --quiet --config cbindgen.toml --crate fast-diff --output $(BUILD)/fast_diff.h
	@diff -u $(HEADER) $(BUILD)/fast_diff.h || { echo "$(HEADER) is stale: run 'make header' and commit it" >&2; exit 1; }

test-rust: ## Rust unit, property, real-tool, CLI and doc tests
	$(CARGO) test --release --locked

lint-rust: ## rustfmt check and clippy with warnings as errors
	$(CARGO) fmt --all --check
	$(CARGO) clippy --release --locked --workspace --all-targets -- -D warnings

# Regenerates tests/vectors from the reviewed case list: only on purpose, and
# review the difference before committing it.
vectors: ## regenerate the conformance vectors in tests/vectors
	$(CARGO) run --release --locked -p fast-diff-vectors --bin gen-vectors -- tests/vectors

# Coverage-guided fuzzing of every target in fuzz/fuzz_targets.
#
# `make fuzz-ci` (run by .ci/run) builds the targets with the stable
# toolchain, libFuzzer's coverage instrumentation and debug assertions (no
# sanitizer: those need nightly), replays every input kept in
# fuzz/regressions/TARGET/ (inputs that once crashed), then fuzzes each
# target for FUZZ_CI_SECONDS in all. `make fuzz` runs cargo-fuzz under
# AddressSanitizer (nightly, installed on demand, never by `make test`) for
# FUZZ_SECONDS per target. A crash leaves its input in
# target/fuzz-artifacts/TARGET/: add it to fuzz/regressions/TARGET/ with the fix.
FUZZ_TARGETS       := $(basename $(notdir $(wildcard fuzz/fuzz_targets/*.rs)))
FUZZ_SECONDS       ?= 120
FUZZ_CI_SECONDS    ?= 60
CARGO_FUZZ_VERSION := 0.13.2
FUZZ_TRIPLE        := $(shell rustc -vV | sed -n 's/^host: //p')
FUZZ_BUILD         := target/fuzz-stable/$(FUZZ_TRIPLE)/release
# What cargo-fuzz passes to rustc, less the sanitizer; given with --target so
# that build scripts are not instrumented.
FUZZ_RUSTFLAGS := --cfg fuzzing -Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
                  -Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
                  -Cllvm-args=-sanitizer-coverage-trace-compares -Cdebug-assertions -Coverflow-checks

.PHONY: fuzz-ci

fuzz-ci: ## replay the kept crash inputs, then fuzz every target for FUZZ_CI_SECONDS in all
	cd fuzz && RUSTFLAGS="$(FUZZ_RUSTFLAGS)" $(CARGO) build --release --locked --target $(FUZZ_TRIPLE) --target-dir ../target/fuzz-stable
	@seconds=$$(( $(FUZZ_CI_SECONDS) / $(words $(FUZZ_TARGETS)) )); \
	for target in $(FUZZ_TARGETS); do \
	  kept=$$(ls fuzz/regressions/$$target/* 2>/dev/null); \
	  if [ -n "$$kept" ]; then $(FUZZ_BUILD)/$$target $$kept || exit 1; fi; \
	  mkdir -p target/fuzz-corpus/$$target target/fuzz-artifacts/$$target; \
	  echo "fuzzing $$target for $$seconds s"; \
	  $(FUZZ_BUILD)/$$target -max_total_time=$$seconds -max_len=8192 -print_final_stats=1 \
	    -artifact_prefix=target/fuzz-artifacts/$$target/ target/fuzz-corpus/$$target $$(ls -d fuzz/regressions/$$target 2>/dev/null) \
	    > target/fuzz-artifacts/$$target/log 2>&1 \
	    || { tail -40 target/fuzz-artifacts/$$target/log; echo "fuzz target $$target failed: keep the input in fuzz/regressions/$$target/" >&2; exit 1; }; \
	  grep -h '^stat::number_of_executed_units' target/fuzz-artifacts/$$target/log; \
	done

fuzz: ## run every target under cargo-fuzz and AddressSanitizer for FUZZ_SECONDS (needs nightly)
	@rustup toolchain list | grep -q '^nightly' || { echo "make fuzz needs the nightly toolchain (rustup toolchain install nightly)" >&2; exit 1; }
	@cargo fuzz --version 2>/dev/null | grep -q "$(CARGO_FUZZ_VERSION)" || $(CARGO) install cargo-fuzz --version $(CARGO_FUZZ_VERSION) --locked
	for target in $(FUZZ_TARGETS); do \
	  $(CARGO) +nightly fuzz run $$target -- -max_total_time=$(FUZZ_SECONDS) -max_len=8192 || exit 1; \
	done

# Real merges from release history (benches/merge_corpus.py: three releases
# of each of a few crates and Python packages, fetched by cargo and pip into
# target/merge-corpus, never committed), against git merge-file.
MERGE_CORPUS := target/merge-corpus

merge-corpus: $(MERGE_CORPUS)/cases.json ## fetch the real-merge corpus into target/merge-corpus (needs the registries)

$(MERGE_CORPUS)/cases.json: benches/merge_corpus.py
	$(PYTHON) benches/merge_corpus.py $(MERGE_CORPUS)

test-merge-real: merge-corpus ## real merges from release history against git merge-file
	FAST_DIFF_MERGE_CORPUS=$(abspath $(MERGE_CORPUS)) $(CARGO) test --release --locked --test merge_real -- --nocapture
