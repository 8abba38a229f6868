# The manual runs: every code block of README.md, docs/ and the package
# READMEs is executed as written by tests/docs (see CONTRIBUTING.md).

.PHONY: test-docs

test-docs: lib cli python ## run every code block of the README and the docs
	$(call pytest,tests/docs)
