# fast-diff: `make` builds the library, the commands and the C, C++ and Go
# programs; `make test` runs every test of every language; `make lint` the
# format and static checks; `make help` lists every target.

.DEFAULT_GOAL := all

include mk/config.mk

.PHONY: all test lint help clean

all: lib cli c go ## build the library, the commands, the C/C++ programs and the Go package

test: check-header test-rust test-c test-go test-python test-browser test-packaging test-docs test-benches ## every test of every language (what CI runs after lint)

lint: lint-rust lint-go lint-python ## rustfmt, clippy with warnings as errors, gofmt and go vet, mypy --strict

help: ## list the targets
	@awk 'BEGIN { FS = ":.*## " } /^[a-zA-Z_-]+:.*## / { printf "  %-14s %s\n", $$1, $$2 }' $(MAKEFILE_LIST)

clean: ## remove everything the build made: target/, build/, .venv, the bench data
	$(CARGO) clean
	rm -rf $(BUILD) $(VENV) benches/data benches/article_standin/target \
	       bindings/python/build bindings/python/src/*.egg-info server/build server/src/*.egg-info
	find bindings/python/src -name '*.so' -delete

include mk/rust.mk
include mk/c.mk
include mk/go.mk
include mk/python.mk
include mk/docs.mk
include mk/bench.mk
include mk/browser.mk
include mk/package.mk
