# The crate: the library (cdylib, staticlib, rlib), the commands, the header.

.PHONY: lib cli header check-header test-rust lint-rust vectors fuzz

lib: $(SHARED) $(STATIC) ## target/release/libfast_diff.{so,a}

$(SHARED) $(STATIC) &: $(RUST_SOURCES)
	$(CARGO) build --release --locked --lib

cli: $(CLI) ## the fast-diff command, target/release/fast-diff

$(CLI): $(RUST_SOURCES)
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

# Coverage-guided fuzzing with cargo-fuzz (nightly, installed on demand,
# never by `make test`; the bounded fuzz run of `make test` is
# tests/patch_fuzz.rs), FUZZ_SECONDS per target.
FUZZ_SECONDS  ?= 120
FUZZ_TARGETS  := parse_patch apply_patch edits
CARGO_FUZZ_VERSION := 0.13.2

fuzz: ## run every cargo-fuzz target for FUZZ_SECONDS (needs nightly)
	@rustup toolchain list | grep -q '^nightly' || { echo "make fuzz needs the nightly toolchain (rustup toolchain install nightly)" >&2; exit 1; }
	@cargo fuzz --version 2>/dev/null | grep -q "$(CARGO_FUZZ_VERSION)" || $(CARGO) install cargo-fuzz --version $(CARGO_FUZZ_VERSION) --locked
	for target in $(FUZZ_TARGETS); do \
	  $(CARGO) +nightly fuzz run $$target -- -max_total_time=$(FUZZ_SECONDS) -max_len=8192 || exit 1; \
	done
