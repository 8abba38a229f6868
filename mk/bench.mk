# Benchmarks: every language and tool on the same fixtures, one report.
# `make bench` writes benches/results/{report.md,results.json,ratios.png}
# (committed; about 18 minutes on 2 cores); `make bench-quick` a reduced set
# into build/bench-quick; `make bench-report` rewrites the report from
# results.json. The bench-only Python packages (benches/requirements.txt)
# and the article's tool stand-in (benches/article_standin) go into .venv
# here, never for `make test`. See benches/README.md.

.PHONY: fixtures bench bench-quick bench-report bench-venv bench-go bench-python bench-cli bench-batch bench-trees bench-mcp bench-merge readme-figures test-benches FORCE

fixtures: benches/data/manifest.json ## generate the synthetic benchmark fixtures

benches/data/manifest.json: benches/fixtures.py
	$(PYTHON) benches/fixtures.py benches/data

BENCH_PROGRAMS := $(BUILD)/c_call $(BUILD)/c_loop.so $(BUILD)/fd_file_diff $(BUILD)/spawn_time $(BUILD)/fastdiff.test $(CLI) \
                  $(BUILD)/batch_call
BENCH_RUN = $(VENV_PYTHON) benches/run.py --c-call $(BUILD)/c_call --c-loop $(BUILD)/c_loop.so --file-diff $(BUILD)/fd_file_diff \
            --spawn-time $(BUILD)/spawn_time --go-test $(abspath $(BUILD))/fastdiff.test --go $(GO) \
            --cli $(CLI) --batch-call $(BUILD)/batch_call

bench: fixtures python bench-venv $(BENCH_PROGRAMS) bench-merge ## every benchmark; writes benches/results/ and the README's figures
	$(BENCH_RUN) --out benches/results
	$(VENV_PYTHON) benches/report.py benches/results
	$(VENV_PYTHON) benches/readme_figures.py

bench-quick: fixtures python bench-venv $(BENCH_PROGRAMS) ## a reduced benchmark run into build/bench-quick
	$(BENCH_RUN) --quick --out $(BUILD)/bench-quick
	$(VENV_PYTHON) benches/report.py $(BUILD)/bench-quick

bench-report: bench-venv ## rewrite the report and chart from results.json
	$(VENV_PYTHON) benches/report.py benches/results

readme-figures: ## rewrite the figures quoted in README.md and docs/ from results.json
	$(PYTHON) benches/readme_figures.py

# The benchmark scripts' own tests (outputs' verdicts, the report's
# sentences) and the README's figures against results.json.
test-benches: python ## the benchmark scripts' tests and the README's figures
	$(call pytest,benches/tests)

bench-venv: $(VENV)/.bench

# On the venv, not on the binding's install: changing the engine must not
# rebuild the stand-in.
$(VENV)/.bench: $(VENV)/.requirements benches/requirements.txt $(wildcard benches/article_standin/*.toml benches/article_standin/Cargo.lock benches/article_standin/src/*.rs)
	$(VENV_PYTHON) -m pip install --quiet --disable-pip-version-check -r benches/requirements.txt
	$(VENV_PYTHON) -m pip install --quiet --disable-pip-version-check ./benches/article_standin
	touch $@

# Timing loops over the header: the C call (baseline of the bindings'
# overheads), fast-diff as a whole static process, and process spawn cost.
$(BUILD)/c_call: benches/c_call.c $(HEADER) $(SHARED) $(SONAME_LINK)
	@mkdir -p $(BUILD)
	$(CC) -std=c99 -O2 $(WARN) -Iinclude $< -o $@ -L$(RELEASE) -lfast_diff -Wl,-rpath,$(abspath $(RELEASE))

# The C loop the Python overhead is measured against, loaded into the Python process.
$(BUILD)/c_loop.so: benches/c_loop.c $(HEADER)
	@mkdir -p $(BUILD)
	$(CC) -std=c99 -O2 $(WARN) -fPIC -shared -Iinclude $< -o $@

$(BUILD)/fd_file_diff: benches/fd_file_diff.c $(HEADER) $(STATIC)
	@mkdir -p $(BUILD)
	$(CC) -std=c99 -O2 $(WARN) -Iinclude $< -o $@ $(STATIC) $(STATIC_DEPS)

# The batch call against a loop of single calls (batch_bench.py runs it).
$(BUILD)/batch_call: benches/batch_call.c $(HEADER) $(SHARED) $(SONAME_LINK)
	@mkdir -p $(BUILD)
	$(CC) -std=c99 -O2 $(WARN) -Iinclude $< -o $@ -L$(RELEASE) -lfast_diff -Wl,-rpath,$(abspath $(RELEASE))

$(BUILD)/spawn_time: benches/spawn_time.c
	@mkdir -p $(BUILD)
	$(CC) -std=c99 -O2 $(WARN) $< -o $@

# Always relinked: the go command does not notice a rebuilt C library.
$(BUILD)/fastdiff.test: lib FORCE
	@mkdir -p $(BUILD)
	cd $(GO_DIR) && $(GO_ENV) $(GO) test -c -o $(abspath $@) .

bench-go: lib ## the Go binding's cost per call over the raw C call
	cd $(GO_DIR) && $(GO_TEST) -run '^$$' -bench Tiny -benchtime 200000x -count 5 .

bench-python: fixtures python $(BUILD)/c_loop.so ## the Python binding's cost per call over the raw C call
	$(VENV_PYTHON) benches/python_overhead.py $(BUILD)/c_loop.so benches/data

bench-batch: fixtures python $(BUILD)/batch_call ## the batch call (1, 2, all cores) and the Dask runner (1, 2 workers)
	$(VENV_PYTHON) benches/batch_bench.py $(BUILD)/batch_call benches/data $(BUILD)/batch.json
	$(VENV_PYTHON) benches/batch_report.py $(BUILD)/batch.json

# The MCP server over stdio and HTTP beside the transport floor, and under
# load (32 clients, one and two replicas): a few minutes, without the rest.
bench-mcp: fixtures python bench-venv ## the MCP server over stdio and HTTP and under load, into benches/results/ and the README
	$(VENV_PYTHON) benches/mcp_results.py benches/results
	$(VENV_PYTHON) benches/report.py benches/results
	$(VENV_PYTHON) benches/readme_figures.py

bench-cli: fixtures python $(CLI) $(BUILD)/spawn_time $(BUILD)/fd_file_diff ## fast-diff against GNU diff and git diff as processes
	$(VENV_PYTHON) benches/cli_vs_tools.py $(BUILD)/spawn_time $(BUILD)/fd_file_diff $(CLI) benches/data

# Two releases of a real project (fetched once into target/corpus), as
# `make bench` measures them, into build/trees.json.
bench-trees: $(CLI) $(BUILD)/spawn_time ## fast-diff -ruN against GNU diff -ruN and git diff --no-index on real source trees
	$(PYTHON) benches/trees.py $(BUILD)/spawn_time $(CLI) $(BUILD)/trees.json

# Three-way merges (benches/merge.rs): fast-diff against diffy in-process and
# fast-merge against git merge-file as processes, on the real merges of
# `make merge-corpus` and on synthetic shapes; criterion's summary goes to
# benches/results/merge.txt.
bench-merge: merge-corpus $(COMMAND_PATHS) ## the merge against git merge-file and diffy, on real merges
	@mkdir -p benches/results $(BUILD)
	$(CARGO) bench --locked --bench merge > $(BUILD)/merge-bench.log 2>&1 || { cat $(BUILD)/merge-bench.log; exit 1; }
	grep -E '^merge|time:|merge bench' $(BUILD)/merge-bench.log > benches/results/merge.txt
	cat benches/results/merge.txt
