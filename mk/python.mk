# Python: the binding (bindings/python, package fast_diff) and the MCP server
# (server, package fast_diff_mcp), in a local virtual environment with every
# dependency pinned.

.PHONY: venv python serve test-python lint-python stress

PY_REQUIREMENTS := bindings/python/requirements-dev.txt bindings/python/requirements-dask.txt server/requirements.txt
PY_SOURCES  := $(shell find bindings/python/src server/src -name '*.py' -o -name '*.pyi' -o -name py.typed) \
               $(wildcard bindings/python/*.py bindings/python/*.toml bindings/python/*.md server/*.toml server/*.md)

venv: $(VENV)/.requirements ## .venv with the pinned Python dependencies

$(VENV)/.requirements: $(PY_REQUIREMENTS)
	$(PYTHON) -m venv $(VENV)
	$(VENV_PYTHON) -m pip install --quiet --disable-pip-version-check $(addprefix -r ,$(PY_REQUIREMENTS))
	touch $@

# Installed exactly as a user would (`pip install './bindings/python[dask]'`,
# build isolation included, with the Dask runner's extra), so the tests run
# against the installed packages.
python: $(VENV)/.installed ## install the binding and the server into .venv

$(VENV)/.installed: $(VENV)/.requirements $(RUST_SOURCES) $(HEADER) $(PY_SOURCES)
	$(VENV_PYTHON) -m pip install --quiet --disable-pip-version-check './bindings/python[dask]' ./server
	touch $@

serve: python ## serve MCP over streamable HTTP on http://127.0.0.1:$PORT/mcp (PORT defaults to 8080)
	$(VENV)/bin/fast-diff-mcp --transport http

# pytest exits 5 when it collects no test: here that is a failure.
define pytest
	cd $(1) && $(VENV_PYTHON) -m pytest -q $(2); status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest collected no tests in $(1)" >&2; exit 1; fi; exit $$status
endef

test-python: python ## the binding's and the server's tests
	$(call pytest,bindings/python)
	$(call pytest,server)

# The server's load and fault suite at full size (test-python runs it small):
# the real server on loopback, each scenario bounded in time and count.
stress: python ## the MCP server's load and fault suite, full size: build/stress/report.md
	$(VENV_PYTHON) server/tests/stress.py --scale full --out $(BUILD)/stress

lint-python: python ## mypy --strict over both packages
	$(VENV_PYTHON) -m mypy --strict bindings/python/src/fast_diff server/src/fast_diff_mcp
