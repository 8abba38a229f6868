# The Go binding (bindings/go, module fast-diff/fastdiff), linked statically
# by default and dynamically under the fastdiff_dynamic tag.

.PHONY: go test-go lint-go

GO_DIR  := bindings/go
# cgo is required; -count=1 because the go command does not notice a rebuilt
# C library (go help cache), so test results must never come from its cache.
GO_ENV  := CGO_ENABLED=1
GO_TEST := $(GO_ENV) $(GO) test -count=1

go: lib ## build the library and the Go package
	cd $(GO_DIR) && $(GO_ENV) $(GO) build ./...

# The outside-module test (not -short) runs once, in the race run.
test-go: lib ## Go tests: -race, cgocheck2, and the dynamic-link tag
	cd $(GO_DIR) && $(GO_TEST) -race ./...
	cd $(GO_DIR) && GOEXPERIMENT=cgocheck2 $(GO_TEST) -short ./...
	cd $(GO_DIR) && $(GO_TEST) -short -tags fastdiff_dynamic ./...

lint-go: lib ## gofmt and go vet
	@unformatted=$$(cd $(GO_DIR) && gofmt -l .); \
	if [ -n "$$unformatted" ]; then echo "gofmt would change: $$unformatted" >&2; exit 1; fi
	cd $(GO_DIR) && $(GO_ENV) $(GO) vet ./...
	cd $(GO_DIR) && $(GO_ENV) $(GO) vet -tags fastdiff_dynamic ./...
