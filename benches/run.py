#!/usr/bin/env python3
"""`make bench` and `make bench-quick`: every language and tool on the same
fixtures, then benches/results/results.json and, through report.py,
report.md and ratios.png.

The machine is shared, so what is compared is measured close together:
fixture by fixture, each language's run follows the others' (Rust with
criterion, C, Go, Python with pyperf, whole processes), and the Rust
baseline is measured again after them, so that it brackets them; within the
overhead, whole-process and MCP runs the contenders alternate round by
round. The load average is sampled at every step and reported.

Every contender's diff is also computed once outside its timing and judged
against fast-diff's own (outputs.py): identical, equivalent (a correct diff
all the same) or different, with its size; the report says so on every row.
The worst-case shapes (adversarial.py) are timed at n, 2n and 4n bytes
(worst_cases.py), and the run records its commit and whether the tree had
uncommitted changes.

Run it with the virtual environment's Python (it needs pyperf to read
pyperf's files); the Makefile builds what it needs and passes the paths.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

import pyperf
from history import run_history

ROOT = Path(__file__).resolve().parent.parent
BENCHES = ROOT / "benches"

FULL = [
    "prose_10m", "log_10m", "identical_10m", "source_100k", "unrelated_1m", "repeated_1m",
    "repeated_unrelated_1m", "log_1m", "log_100k", "log_1k", "tiny_100b", "small_pairs",
]
QUICK = ["prose_10m", "log_1m", "source_100k", "tiny_100b"]
LARGE_BYTES = 1_000_000  # pairs at least this big are timed with fewer, single-call pyperf values

# The label each implementation has in results.json and the report; the
# baseline of every ratio is BASELINE, measured in the same run.
BASELINE = "rust fast-diff myers"
GO_ROUND = 200  # calls per round of BenchmarkTinyOverhead (bindings/go/bench_test.go)
BASELINE_ID = "fast-diff myers"  # its criterion id
CRITERION_IDS = {
    "fast-diff myers": "rust fast-diff myers",
    "fast-diff histogram": "rust fast-diff histogram",
    "fast-diff via C ABI": "rust fast-diff via C ABI",
    "fast-diff myers, deadline 1 ms": "rust fast-diff myers, deadline 1 ms",
    "similar myers": "rust similar myers",
    "imara-diff myers": "rust imara-diff myers",
    "imara-diff histogram": "rust imara-diff histogram",
    "split and hash (floor)": "rust split and hash (floor)",
}


class Bench:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.quick: bool = args.quick
        self.fixtures: Path = args.fixtures.resolve()
        self.out: Path = args.out.resolve()
        self.scratch = Path(tempfile.mkdtemp(prefix="fast-diff-bench-"))
        self.outputs = self.scratch / "outputs"  # each contender's diff: outputs/FIXTURE/NAME.diff
        self.timings: dict[str, dict[str, dict[str, object]]] = {}
        self.load: list[dict[str, object]] = []
        self.started = time.monotonic()
        self.tree_at_start = self.tree()  # what was built and measured

    # ---- helpers --------------------------------------------------------

    def note_load(self, step: str) -> None:
        one, five, fifteen = os.getloadavg()
        self.load.append({"step": step, "at_s": round(time.monotonic() - self.started, 1), "loadavg": [one, five, fifteen]})
        print(f"[{time.monotonic() - self.started:7.1f} s] {step} (load average {one:.2f})", flush=True)

    def record(self, fixture: str, name: str, median_ns: float, source: str, **extra: object) -> None:
        self.timings.setdefault(fixture, {})[name] = {"median_ns": median_ns, "source": source, **extra}

    def run(self, argv: list[str], **kwargs) -> subprocess.CompletedProcess:
        return subprocess.run(argv, check=True, text=True, **kwargs)

    # ---- Rust: criterion ------------------------------------------------

    def criterion_executable(self, bench: str) -> str:
        """Builds a bench target and returns its executable (cargo's JSON messages name it)."""
        output = self.run(
            ["cargo", "bench", "--locked", "--bench", bench, "--no-run", "--message-format=json"],
            cwd=ROOT, stdout=subprocess.PIPE,
        ).stdout
        for line in output.splitlines():
            message = json.loads(line)
            if message.get("reason") == "compiler-artifact" and message["target"]["name"] == bench and message.get("executable"):
                return message["executable"]
        raise SystemExit(f"cargo did not report the {bench} bench executable")

    def rust(self, fixture: str, only_baseline: bool = False) -> None:
        once = self.scratch / "once.jsonl"
        once.unlink(missing_ok=True)
        env = {
            **os.environ,
            "FAST_DIFF_FIXTURES": str(self.fixtures),
            "FAST_DIFF_BENCH_ONLY": fixture,
            "FAST_DIFF_BENCH_ONCE_JSON": str(once),
            "CRITERION_HOME": str(ROOT / "target" / "criterion"),
        }
        if self.quick:
            env["FAST_DIFF_BENCH_QUICK"] = "1"
        if self.quick or only_baseline:
            env["FAST_DIFF_BENCH_SKIP_SLOW"] = "1"
        if not only_baseline:
            env["FAST_DIFF_BENCH_OUTPUTS"] = str(self.outputs)
        argv = [self.engine, "--bench", "--noplot"]
        if only_baseline:
            argv.append(f"^{fixture}/{BASELINE_ID}$")
        started = time.time()
        log = self.scratch / "criterion.log"
        with open(log, "w") as sink:  # criterion's progress; shown only when it fails
            status = subprocess.run(argv, cwd=ROOT, env=env, stdout=sink, stderr=sink).returncode
        if status != 0:
            raise SystemExit(f"criterion failed on {fixture}:\n{log.read_text()[-4000:]}")
        group = ROOT / "target" / "criterion" / fixture
        for estimates in group.glob("*/new/estimates.json"):
            if estimates.stat().st_mtime < started:
                continue  # left by an earlier run of an implementation no longer benchmarked
            title = json.loads((estimates.parent / "benchmark.json").read_text())
            name = CRITERION_IDS.get(title["value_str"] or title["function_id"])
            if not name:
                continue
            median = json.loads(estimates.read_text())["median"]["point_estimate"]
            samples = len(json.loads((estimates.parent / "sample.json").read_text())["times"])
            if only_baseline:
                # The baseline brackets the fixture's other runs: the ratios
                # use the mean of before and after, and the report shows both.
                before = self.timings[fixture][BASELINE]["median_ns"]
                self.record(fixture, BASELINE, (before + median) / 2, "criterion, before and after the other languages",
                            samples=2 * samples, before_ns=before, after_ns=median)
            else:
                self.record(fixture, name, median, "criterion", samples=samples)
        if once.exists():
            for line in once.read_text().splitlines():
                entry = json.loads(line)
                self.record(fixture, CRITERION_IDS[entry["id"]], entry["ns"], "timed once (too slow to sample)", samples=1)

    def rust_baseline_again(self, fixture: str) -> None:
        self.rust(fixture, only_baseline=True)

    def judge_outputs(self, fixture: str) -> None:
        """Each contender's diff against fast-diff's: recorded beside its timing."""
        out = self.scratch / "verdicts.json"
        self.run([sys.executable, str(BENCHES / "outputs.py"), "judge", str(self.fixtures), fixture,
                  str(self.outputs / fixture), "--json", str(out)], stdout=subprocess.DEVNULL)
        for name, verdict in json.loads(out.read_text()).items():
            if name in self.timings.get(fixture, {}):
                self.timings[fixture][name]["output"] = verdict
        shutil.rmtree(self.outputs / fixture, ignore_errors=True)

    # ---- C: c_call ------------------------------------------------------

    def c(self, fixture: str) -> None:
        baseline = self.timings.get(fixture, {}).get(BASELINE, {}).get("median_ns", 1e6)
        number = max(1, min(100_000, int(0.1e9 / baseline)))  # about 0.1 s per repeat
        repeats = 5 if self.quick else 9
        if fixture == "small_pairs":
            argv = [self.args.c_call, "--pairs", str(self.fixtures / "small_pairs.bin")]
        else:
            argv = [self.args.c_call, str(self.fixtures / f"{fixture}.old"), str(self.fixtures / f"{fixture}.new")]
        (self.outputs / fixture).mkdir(parents=True, exist_ok=True)
        env = {**os.environ, "FAST_DIFF_BENCH_OUTPUT": str(self.outputs / fixture / "c fd_unified_diff.diff")}
        output = self.run([*argv, str(number), str(repeats)], stdout=subprocess.PIPE, env=env).stdout
        values = [float(v) for v in output.split()]
        self.record(fixture, "c fd_unified_diff", statistics.median(values), "c_call.c", samples=len(values),
                    calls_per_sample=number)

    # ---- Go: testing.B --------------------------------------------------

    def go(self, fixture: str) -> None:
        count = 3 if self.quick else 7
        benchtime = "0.2s" if self.quick else "0.5s"
        output = self.run(
            [self.args.go_test, "-test.run", "^$", "-test.bench", f"^BenchmarkFixture$/^{fixture}$",
             "-test.count", str(count), "-test.benchtime", benchtime],
            cwd=ROOT / "bindings" / "go",
            env={**os.environ, "FAST_DIFF_FIXTURES": str(self.fixtures), "FAST_DIFF_BENCH_OUTPUTS": str(self.outputs)},
            stdout=subprocess.PIPE,
        ).stdout
        values = [float(m) for m in re.findall(rf"^BenchmarkFixture/{fixture}\S*\s+\d+\s+([\d.]+) ns/op", output, re.M)]
        if len(values) != count:
            raise SystemExit(f"unexpected go test output:\n{output}")
        self.record(fixture, "go UnifiedDiff", statistics.median(values), "testing.B", samples=len(values))

    # ---- Python: pyperf -------------------------------------------------

    def pyperf_run(self, fixture: str, options: list[str], extra: list[str]) -> None:
        out = self.scratch / "pyperf.json"
        out.unlink(missing_ok=True)
        self.run(
            [sys.executable, str(BENCHES / "python_bench.py"), "--fixtures-dir", str(self.fixtures), "--fixture", fixture,
             "--quiet", "-o", str(out), *options, *extra],
            stdout=subprocess.DEVNULL,
        )
        for bench in pyperf.BenchmarkSuite.load(str(out)).get_benchmarks():
            name = bench.get_name().split("/", 1)[1]
            self.record(fixture, name, bench.median() * 1e9, "pyperf", samples=bench.get_nvalue())

    def python(self, fixture: str) -> None:
        large = fixture == "small_pairs" or self.pair_bytes(fixture) >= LARGE_BYTES
        processes = "2" if self.quick else "4"
        if large:
            options = ["--processes", processes, "--values", "3", "--warmups", "1", "--loops", "1"]
        else:
            options = ["--processes", processes, "--values", "3" if self.quick else "5"]
        self.pyperf_run(fixture, options, [])
        # difflib is slow (seconds on some pairs), and so is the stand-in on
        # some: fewer processes; in the quick run only where the MCP
        # comparison needs them.
        if not self.quick or fixture in ("prose_10m", "tiny_100b"):
            options = ["--processes", "1" if large else "2", "--values", "3", "--warmups", "1"] + (["--loops", "1"] if large else [])
            self.pyperf_run(fixture, options, ["--references"])
        self.run([sys.executable, str(BENCHES / "outputs.py"), "python", str(self.fixtures), fixture,
                  str(self.outputs / fixture)], stdout=subprocess.DEVNULL)

    def pair_bytes(self, fixture: str) -> int:
        return sum((self.fixtures / f"{fixture}.{side}").stat().st_size for side in ("old", "new"))

    # ---- whole processes ------------------------------------------------

    def processes(self, fixture: str) -> None:
        out = self.scratch / "tools.json"
        rounds, budget = ("3", "10") if self.quick else ("9", "25")
        self.run(
            [sys.executable, str(BENCHES / "tools.py"), self.args.spawn_time, self.args.file_diff, str(self.fixtures),
             fixture, str(out), "--rounds", rounds, "--budget", budget, "--outputs", str(self.outputs / fixture),
             *(["--cli", self.args.cli] if self.args.cli else [])],
            stdout=subprocess.DEVNULL,
        )
        for name, figures in json.loads(out.read_text()).items():
            self.record(fixture, name, figures["median_ns"], "spawn_time.c", samples=len(figures["samples_ns"]),
                        peak_rss_kb=figures["peak_rss_kb"], command=figures["command"])

    # ---- per-call overhead, MCP, memory ---------------------------------

    def overhead(self) -> dict[str, object]:
        out = self.scratch / "overhead.json"
        argv = [sys.executable, str(BENCHES / "python_overhead.py"), self.args.c_loop, str(self.fixtures), "--json", str(out)]
        self.run(argv + (["--quick"] if self.quick else []), stdout=subprocess.DEVNULL)
        python = json.loads(out.read_text())
        self.note_load("overhead: Go")
        c_call_before = self.c_rounds()
        output = self.run(
            [self.args.go_test, "-test.run", "^$", "-test.bench", "^BenchmarkTinyOverhead$",
             "-test.benchtime", "100000x" if self.quick else "200000x", "-test.count", "3" if self.quick else "5"],
            cwd=ROOT / "bindings" / "go", stdout=subprocess.PIPE,
        ).stdout
        metrics: dict[str, list[float]] = {}
        for value, unit in re.findall(r"([\d.]+) ([a-z-]+/call)", output):
            metrics.setdefault(unit, []).append(float(value))
        go: dict[str, object] = {unit: {"median": statistics.median(values), "runs": values} for unit, values in metrics.items()}
        # The same C call from c_call.c in rounds of the same size, just before
        # and after: whether Go's C loop costs what C costs.
        go["c_call_rounds_ns"] = {"before": c_call_before, "after": self.c_rounds(), "calls_per_round": GO_ROUND}
        return {"python": python, "go": go}

    def c_rounds(self) -> float:
        """Median over many rounds of GO_ROUND calls of c_call's time per call on tiny_100b."""
        tiny = [str(self.fixtures / f"tiny_100b.{side}") for side in ("old", "new")]
        output = self.run([self.args.c_call, *tiny, str(GO_ROUND), "1000"], stdout=subprocess.PIPE).stdout
        return statistics.median(float(v) for v in output.split())

    def mcp(self) -> dict[str, object]:
        out = self.scratch / "mcp.json"
        rounds = "5" if self.quick else "15"
        self.run(
            [sys.executable, str(BENCHES / "mcp_bench.py"), str(self.fixtures), "prose_10m", str(out),
             "--rounds", rounds, "--handshakes", rounds],
            stdout=subprocess.DEVNULL,
        )
        return json.loads(out.read_text())

    def mcp_transport(self) -> dict[str, object]:
        """The MCP server over stdio and HTTP beside the transport floor (mcp_transport.py)."""
        out = self.scratch / "mcp_transport.json"
        self.run([sys.executable, str(BENCHES / "mcp_transport.py"), str(self.fixtures), str(out),
                  "--rounds", "5" if self.quick else "15"], stdout=subprocess.DEVNULL)
        return json.loads(out.read_text())

    def mcp_load(self) -> dict[str, object]:
        """The MCP server under 32 clients, one and two replicas (mcp_load.py)."""
        out = self.scratch / "mcp_load.json"
        self.run([sys.executable, str(BENCHES / "mcp_load.py"), str(self.fixtures), str(out),
                  *(["--quick"] if self.quick else [])], stdout=subprocess.DEVNULL)
        return json.loads(out.read_text())

    def worst_cases(self) -> dict[str, object]:
        out = self.scratch / "worst_cases.json"
        size, cap = ("64000", "5") if self.quick else ("1000000", "10")
        self.run([sys.executable, str(BENCHES / "worst_cases.py"), self.args.spawn_time, self.args.cli, str(out),
                  "--size", size, "--runs", "3", "--cap", cap, "--scratch", str(self.scratch / "worst")],
                 stdout=subprocess.DEVNULL)
        return json.loads(out.read_text())

    def history(self) -> dict[str, object]:
        """Real code history (corpus.py, history.rs); a reason instead when offline."""
        return run_history(self.criterion_executable("history"), self.quick, self.scratch)

    def patch_worst_cases(self) -> object:
        """benches/patch_adversarial.py's rows: each patch worst case at n, 2n and 4n."""
        out = self.scratch / "patch_worst_cases.json"
        self.run([sys.executable, str(BENCHES / "patch_adversarial.py"), "--scale", "500" if self.quick else "4000",
                  "--json", str(out)], stdout=subprocess.DEVNULL)
        return json.loads(out.read_text())

    def word_growth(self) -> dict[str, object]:
        size, cap = ("32000", "5") if self.quick else ("1000000", "20")
        out = self.scratch / "word_growth.json"
        self.run([sys.executable, str(BENCHES / "word_growth.py"), self.args.spawn_time, self.args.cli, str(out),
                  "--size", size, "--runs", "3", "--cap", cap, "--scratch", str(self.scratch / "words")],
                 stdout=subprocess.DEVNULL)
        return json.loads(out.read_text())

    def trees(self) -> dict[str, object]:
        """Directory trees of a real project as whole processes (trees.py)."""
        out = self.scratch / "trees.json"
        rounds, budget = ("3", "60") if self.quick else ("9", "240")
        self.run([sys.executable, str(BENCHES / "trees.py"), self.args.spawn_time, self.args.cli, str(out),
                  "--rounds", rounds, "--budget", budget], stdout=subprocess.DEVNULL)
        return json.loads(out.read_text())

    def batch(self) -> dict[str, object]:
        """The batch call (C and Python, 1, 2 and all cores, against loops of single calls)
        and the Dask runner (1 and 2 workers): batch_bench.py."""
        out = self.scratch / "batch.json"
        self.run([sys.executable, str(BENCHES / "batch_bench.py"), self.args.batch_call, str(self.fixtures), str(out),
                  *(["--quick"] if self.quick else [])], stdout=subprocess.DEVNULL)
        return json.loads(out.read_text())

    def memory(self) -> list[dict[str, object]]:
        output = self.run([self.memory_exe], cwd=ROOT, env={**os.environ, "FAST_DIFF_FIXTURES": str(self.fixtures)},
                          stdout=subprocess.PIPE).stdout
        return [json.loads(line) for line in output.splitlines() if line.startswith("{")]

    # ---- what was measured on what --------------------------------------

    def machine(self) -> dict[str, object]:
        cpu = "unknown"
        with open("/proc/cpuinfo") as info:
            for line in info:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
        with open("/proc/meminfo") as info:
            mem_kb = int(info.readline().split()[1])
        return {"cpu": cpu, "cores": os.cpu_count(), "memory_gib": round(mem_kb / 2**20, 1),
                "kernel": platform.release(), "os": platform.platform()}

    def versions(self) -> dict[str, str]:
        def first_line(argv: list[str]) -> str:
            try:
                return subprocess.run(argv, capture_output=True, text=True).stdout.splitlines()[0].strip()
            except (OSError, IndexError):
                return "unavailable"

        def locked(lock: Path, crate: str) -> str:
            match = re.search(rf'name = "{re.escape(crate)}"\nversion = "([^"]+)"', lock.read_text())
            return match.group(1) if match else "unknown"

        from importlib.metadata import version

        lock, standin_lock = ROOT / "Cargo.lock", BENCHES / "article_standin" / "Cargo.lock"
        import fast_diff

        return {
            "fast-diff": fast_diff.__version__,
            "git commit": self.tree_at_start["commit"],
            "rustc": first_line(["rustc", "--version"]),
            "criterion": locked(lock, "criterion"),
            "similar": locked(lock, "similar"),
            "imara-diff": locked(lock, "imara-diff"),
            "stand-in: pyo3": locked(standin_lock, "pyo3"),
            "stand-in: similar": locked(standin_lock, "similar"),
            "C compiler": first_line(["cc", "--version"]),
            "Go": first_line([self.args.go, "version"]),
            "Python": sys.version.split()[0],
            "pyperf": version("pyperf"),
            "cffi": version("cffi"),
            "fastmcp": version("fastmcp"),
            "mcp": version("mcp"),
            "matplotlib": version("matplotlib"),
            "GNU diff": first_line(["diff", "--version"]),
            "git": first_line(["git", "--version"]),
        }

    def tree(self) -> dict[str, object]:
        """The commit measured, and the tracked files that differed from it (but
        benches/results/, which only a previous run wrote)."""
        def git(*argv: str) -> str:
            return subprocess.run(["git", "-C", str(ROOT), *argv], capture_output=True, text=True).stdout

        changed = [line[3:] for line in git("status", "--porcelain", "--untracked-files=no").splitlines()
                   if not line[3:].startswith("benches/results/")]
        return {"commit": git("rev-parse", "--short", "HEAD").strip() or "unknown", "dirty": bool(changed),
                "changed_files": changed}

    # ---- the whole run --------------------------------------------------

    def main(self) -> None:
        fixtures = QUICK if self.quick else FULL
        self.note_load("build: criterion benches")
        self.engine = self.criterion_executable("engine")
        self.memory_exe = self.criterion_executable("memory")
        manifest = json.loads((self.fixtures / "manifest.json").read_text())
        for fixture in fixtures:
            for step in (self.rust, self.c, self.go, self.python, self.processes, self.rust_baseline_again,
                         self.judge_outputs):
                if step == self.processes and fixture == "small_pairs":
                    continue  # 10,000 pairs of files: process start-up would be all it measures
                self.note_load(f"{fixture}: {step.__name__}")
                step(fixture)
        self.note_load("per-call overhead: Python (interleaved with C)")
        overhead = self.overhead()
        self.note_load("MCP")
        mcp = self.mcp()
        self.note_load("real code history")
        history = self.history()
        self.note_load("MCP over stdio and HTTP")
        mcp_transport = self.mcp_transport()
        self.note_load("MCP under load")
        mcp_load = self.mcp_load()
        self.note_load("memory")
        memory = self.memory()
        self.note_load("worst cases (n, 2n, 4n)")
        worst = self.worst_cases()
        self.note_load("patch worst cases (n, 2n, 4n)")
        patch_worst = self.patch_worst_cases()
        self.note_load("word diff growth (n, 2n, 4n)")
        word_growth = self.word_growth()
        self.note_load("directory trees")
        trees = self.trees()
        self.note_load("batch: C and Python, 1, 2 and all cores; Dask, 1 and 2 workers")
        batch = self.batch()
        self.note_load("done")
        results = {
            "generated": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "command": "make bench-quick" if self.quick else "make bench",
            "quick": self.quick,
            "duration_s": round(time.monotonic() - self.started),
            "machine": self.machine(),
            "versions": self.versions(),
            "tree": self.tree_at_start,
            "baseline": BASELINE,
            "imara_utf8_outside_timing": True,  # since benches/engine.rs checks imara-diff's inputs before timing
            "fixtures": {f["name"]: f for f in manifest["fixtures"] if f["name"] in fixtures},
            "order": fixtures,
            "timings": self.timings,
            "overhead": overhead,
            "mcp": mcp,
            "mcp_transport": mcp_transport,
            "mcp_load": mcp_load,
            "memory": memory,
            "history": history,
            "worst_cases": worst,
            "patch_worst_cases": patch_worst,
            "word_growth": word_growth,
            "trees": trees,
            "batch": batch,
            "load": self.load,
        }
        self.out.mkdir(parents=True, exist_ok=True)
        (self.out / "results.json").write_text(json.dumps(results, indent=1) + "\n")
        shutil.rmtree(self.scratch, ignore_errors=True)
        print(f"wrote {self.out / 'results.json'} in {results['duration_s']} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="a reduced set, for bench-quick")
    parser.add_argument("--fixtures", type=Path, default=BENCHES / "data")
    parser.add_argument("--out", type=Path, default=BENCHES / "results")
    parser.add_argument("--c-call", required=True, help="the C timing program (c_call.c)")
    parser.add_argument("--c-loop", required=True, help="the C loop python_overhead.py loads (c_loop.c, shared)")
    parser.add_argument("--file-diff", required=True, help="fast-diff as a process (fd_file_diff.c)")
    parser.add_argument("--spawn-time", required=True, help="the process timer (spawn_time.c)")
    parser.add_argument("--cli", required=True, help="the fast-diff command, timed as a whole process beside "
                        "fd_file_diff and in the worst cases")
    parser.add_argument("--go-test", required=True, help="the Go test binary (go test -c in bindings/go)")
    parser.add_argument("--batch-call", required=True, help="the batch call against a loop, in C (batch_call.c)")
    parser.add_argument("--go", default="go")
    Bench(parser.parse_args()).main()


if __name__ == "__main__":
    main()
