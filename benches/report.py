#!/usr/bin/env python3
"""Writes report.md and ratios.png from results.json (run.py's output).

Usage: report.py RESULTS_DIR    (make bench-report regenerates the committed one)

Everything in the report is computed from results.json: every figure, every
verdict on a target, and every sentence that draws a conclusion (each is
written only when the numbers bear it out), so the report never says more
than the run measured. Results written before a kind of figure was recorded
(the outputs' comparison, the worst cases, the tree's state, ...) give a
report that says that figure was not recorded.
"""

from __future__ import annotations

import json
import math
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import batch_report  # noqa: E402
import trees_report  # noqa: E402
from history import history_section, history_targets  # noqa: E402
import report_mcp  # noqa: E402
import word_growth  # noqa: E402

# Rows of the per-fixture tables, in order, with the label shown.
LABELS = {
    "rust fast-diff myers": "Rust: fast-diff, Myers (raw Rust API)",
    "rust fast-diff histogram": "Rust: fast-diff, histogram",
    "rust fast-diff via C ABI": "Rust: fast-diff through `fd_unified_diff`",
    "rust fast-diff myers, deadline 1 ms": "Rust: fast-diff, Myers, 1 ms deadline",
    "rust similar myers": "Rust: similar (Myers)",
    "rust imara-diff myers": "Rust: imara-diff, Myers",
    "rust imara-diff histogram": "Rust: imara-diff, histogram",
    "rust split and hash (floor)": "Rust: split and hash every line (floor)",
    "c fd_unified_diff": "C: `fd_unified_diff` (c_call.c)",
    "go UnifiedDiff": "Go: `fastdiff.UnifiedDiff`",
    "python bytes": "Python: `fast_diff.unified_diff`, bytes",
    "python str": "Python: `fast_diff.unified_diff`, str",
    "python bare cffi": "Python: bare cffi call",
    "python article stand-in": "Python: article's tool (similar via PyO3)",
    "python difflib": "Python: `difflib.unified_diff`",
    "process fast-diff command": "process: `fast-diff -u` (the command)",
    "process fast-diff": "process: fd_file_diff.c (C over the library)",
    "process GNU diff -u": "process: GNU `diff -u`",
    "process git diff myers": "process: `git diff --no-index` (myers)",
    "process git diff histogram": "process: `git diff --no-index` (histogram)",
}
CHART_ROWS = [
    "rust fast-diff via C ABI", "c fd_unified_diff", "go UnifiedDiff", "python bytes", "python str",
    "rust similar myers", "rust imara-diff myers", "python article stand-in", "python difflib",
    "process fast-diff command", "process fast-diff", "process GNU diff -u", "process git diff myers", "process git diff histogram",
]
TOOLS = ["process GNU diff -u", "process git diff myers", "process git diff histogram"]
OURS = ["process fast-diff command", "process fast-diff"]
TEN_MB = ["prose_10m", "log_10m", "identical_10m"]
DEADLINE_ROW = "rust fast-diff myers, deadline 1 ms"


def show_ns(ns: float) -> str:
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return f"{ns / scale:.3g} {unit}" if ns < 100 * scale else f"{ns / scale:.0f} {unit}"
    return f"{ns:.0f} ns"


def show_bytes(n: float) -> str:
    for unit, scale in (("GiB", 2**30), ("MiB", 2**20), ("KiB", 2**10)):
        if n >= scale:
            return f"{n / scale:.1f} {unit}"
    return f"{n:.0f} B"


def ratio(x: float) -> str:
    return f"{x:.2f}×" if x < 10 else f"{x:.1f}×" if x < 100 else f"{x:.0f}×"


def signed_ns(ns: float) -> str:
    return f"{'+' if ns >= 0 else '−'}{show_ns(abs(ns))}"


def percent(x: float) -> str:
    """x as a signed percentage: 0.126 is +12.6%."""
    return f"{100 * x:+.1f}%"


def spread(values: list[float]) -> float:
    """Half the interquartile range: how far a typical repeat lies from the median."""
    if len(values) < 4:
        return 0.0
    q = statistics.quantiles(values, n=4)
    return (q[2] - q[0]) / 2


def output_cell(output: dict | None) -> str:
    """What a contender's diff was, against fast-diff's (outputs.py)."""
    if not output:
        return ""
    verdict = output["verdict"]
    if verdict == "identical":
        return "identical"
    lines, reference = output.get("changed_lines"), output.get("reference_changed_lines")
    size = ""
    if lines is not None and reference:
        size = f", {lines / reference:.2f}× the changed lines"
    elif lines is not None:
        size = f", {lines:,} changed lines"
    pairs = output.get("pairs")
    if pairs:
        size += " (pairs: " + ", ".join(f"{n:,} {v}" for v, n in pairs.items()) + ")"
    return f"{verdict}{size}" if verdict == "equivalent" else f"**{verdict}**{size}"


class Report:
    def __init__(self, results: dict) -> None:
        self.r = results
        self.timings: dict[str, dict[str, dict]] = results["timings"]
        self.lines: list[str] = []
        self.verdicts: list[tuple[str, str, bool, str]] = []

    def add(self, *lines: str) -> None:
        self.lines.extend(lines)

    def t(self, fixture: str, name: str) -> float | None:
        entry = self.timings.get(fixture, {}).get(name)
        return entry["median_ns"] if entry else None

    def baseline(self, fixture: str) -> float | None:
        return self.t(fixture, self.r["baseline"])

    def outputs_recorded(self) -> bool:
        return any("output" in e for f in self.timings.values() for e in f.values())

    # ---- the targets ----------------------------------------------------

    def targets(self) -> None:
        for target, measured, met, why in history_targets(self.r.get("history")):
            self.verdict(target, measured, met, why)
        self.mcp_targets()
        self.verdicts.extend(report_mcp.verdicts(self.r))
        self.python_targets()
        self.go_target()
        self.tools_target()
        trees_report.targets(self)
        self.batch_targets()

    def batch_targets(self) -> None:
        """The batch call's and the Dask runner's section (batch_report.py), and its verdicts."""
        self.batch_lines: list[str] = []
        if self.r.get("batch"):
            self.batch_lines, verdicts = batch_report.section(self.r["batch"])
            self.verdicts.extend(verdicts)

    def mcp_targets(self) -> None:
        mcp = self.r["mcp"]
        shipped = mcp["shipped"]["median_ns"]
        vs_difflib = shipped["diff_difflib"] / shipped["diff"]
        vs_standin = shipped["diff_article_standin"] / shipped["diff"]
        tiny_call = mcp["shipped"]["tiny_diff_median_ns"]
        tiny_engine = self.baseline("tiny_100b")
        engine, standin, difflib = (self.t("prose_10m", f"python {k}") for k in ("str", "article stand-in", "difflib"))
        why = (
            f"Per call: `diff` {show_ns(shipped['diff'])}, `diff_difflib` {show_ns(shipped['diff_difflib'])}, the "
            f"stand-in {show_ns(shipped['diff_article_standin'])}. A `diff` call on the 100-byte pair in the same session "
            f"costs {show_ns(tiny_call)}, {100 * tiny_call / shipped['diff']:.0f}% of a `diff` call on the article's case"
            + (f", where the engine's own time on that pair is {show_ns(tiny_engine)} (raw Rust)." if tiny_engine else ".")
        )
        if "lax_validation" in mcp:
            lax = mcp["lax_validation"]["median_ns"]
            why += (
                f" With the server's `strict_input_validation` off (not the shipped configuration) the calls take: "
                f"`diff` {show_ns(lax['diff'])} ({signed_ns(lax['diff'] - shipped['diff'])}), `diff_difflib` "
                f"{show_ns(lax['diff_difflib'])} ({lax['diff_difflib'] / lax['diff']:.1f}× `diff`), the stand-in "
                f"{show_ns(lax['diff_article_standin'])} ({lax['diff_article_standin'] / lax['diff']:.1f}×)."
            )
        if engine and standin and difflib:
            why += (
                f" Outside MCP, from Python on `str` (pyperf): fast-diff {show_ns(engine)}, the stand-in {show_ns(standin)} "
                f"({standin / engine:.1f}×), difflib {show_ns(difflib)} ({difflib / engine:.0f}×): the stand-in is "
                f"{difflib / standin:.1f}× faster than difflib."
            )
        self.verdict("MCP `diff` ≥ 15× faster than `diff_difflib` (article's case, same session)",
                     f"{ratio(vs_difflib)} ({show_ns(shipped['diff'])} vs {show_ns(shipped['diff_difflib'])})",
                     vs_difflib >= 15, why)
        needed = shipped["diff_article_standin"] / 4
        why = (
            f"To be 4× faster than the stand-in's {show_ns(shipped['diff_article_standin'])}, a `diff` call would have "
            f"to take at most {show_ns(needed)}; a `diff` call on the 100-byte pair in the same session takes "
            f"{show_ns(tiny_call)}"
            + (", more than that: no call on any input came within the target in this session." if needed <= tiny_call
               else ".")
        )
        self.verdict("MCP `diff` ≥ 4× faster than the article's Rust tool (stand-in, same session)",
                     f"{ratio(vs_standin)} ({show_ns(shipped['diff'])} vs {show_ns(shipped['diff_article_standin'])})",
                     vs_standin >= 4, why)

    def python_targets(self) -> None:
        over = self.r["overhead"]["python"]
        in_process = any(f.get("baseline") for f in over.values())
        c_side = ("a C loop in the same process (c_loop.c, calling the binding's own functions)" if in_process
                  else "the C loop of c_call.c, a separate process started for each repeat")
        raw_parts = []
        for fixture in TEN_MB:
            base = self.baseline(fixture)
            for kind in ("bytes", "str"):
                t = self.t(fixture, f"python {kind}")
                if base and t:
                    raw_parts.append(f"{fixture} {kind} {percent(t / base - 1)}")
        side = [f"{f}: bytes {percent(over[f]['paired_ratio']['bytes'] - 1)}, str {percent(over[f]['paired_ratio']['str'] - 1)}"
                for f in TEN_MB if f in over]
        ratios = {(f, k): over[f]["paired_ratio"][k] - 1 for f in TEN_MB if f in over for k in ("bytes", "str")}
        worst = max(ratios.values(), default=None)
        why = (
            f"From the interleaved measurement (python_overhead.py: {c_side}, and the Python calls, take turns repeat "
            f"by repeat; the median over the repeats of Python's time over C's in the same repeat): " + "; ".join(side) + "."
        )
        if raw_parts:
            why += (" Against the per-fixture run's raw Rust baseline (pyperf and criterion, at different moments of "
                    "the run): " + ", ".join(raw_parts) + ".")
        why += self.python_growth(over)
        faster = [f"{f} {k} ({percent(v)})" for (f, k), v in ratios.items() if v < 0]
        if faster:
            why += (f" Python measured faster than the C call it makes on {', '.join(faster)}: differences of that size "
                    f"are within this run's noise.")
        self.verdict("Python binding overhead < 10% on the 10 MB cases",
                     f"worst {percent(worst)} (interleaved)" if worst is not None else "not measured",
                     worst is not None and worst < 0.10, why)

        if "tiny_100b" not in over:
            return
        tiny, extra = over["tiny_100b"]["median_ns"], over["tiny_100b"]["paired_extra_ns"]
        bare = extra["cffi"]
        why = (
            f"C loop {show_ns(tiny['C'])} per call; bare cffi call {show_ns(tiny['cffi'])} ({signed_ns(bare)}: `ffi.new` "
            f"for the out-parameter, the call, `ffi.buffer` to copy the result, `fd_free`); `unified_diff` bytes "
            f"{signed_ns(extra['bytes'])}, str {signed_ns(extra['str'])}. "
            + (f"The bare cffi call alone costs more than the target ({signed_ns(bare)} ≥ +2 µs)" if bare >= 2000
               else f"The bare cffi call alone is within the target ({signed_ns(bare)})")
            + f"; the binding adds {signed_ns(extra['bytes'] - bare)} (bytes) and {signed_ns(extra['str'] - bare)} "
            f"(str) to it."
        )
        self.verdict("Python binding overhead < 2 µs per call on the 100-byte pair",
                     f"bytes {signed_ns(extra['bytes'])}, str {signed_ns(extra['str'])}",
                     max(extra["bytes"], extra["str"]) < 2000, why)

    def python_growth(self, over: dict) -> str:
        """Whether the binding's cost per call grows with the input, from the repeats' spread."""
        if "tiny_100b" not in over or not any(f in over for f in TEN_MB):
            return ""
        tiny = over["tiny_100b"]["paired_extra_ns"]
        grows, parts = [], []
        for fixture in (f for f in TEN_MB if f in over):
            figures = over[fixture]
            for kind in ("bytes", "str"):
                extra = figures["paired_extra_ns"][kind]
                samples = figures.get("samples_ns", {})
                noise = spread([t - c for t, c in zip(samples.get(kind, []), samples.get("C", []))])
                parts.append(f"{fixture} {kind} {signed_ns(extra)} (± {show_ns(noise)})")
                if extra - tiny[kind] > noise:
                    grows.append(f"{fixture} {kind}")
        text = (f" The binding's time over C's per call: on the 100-byte pair bytes {signed_ns(tiny['bytes'])}, str "
                f"{signed_ns(tiny['str'])}; on the 10 MB pairs {', '.join(parts)} (± half the interquartile range of "
                f"the repeats).")
        if grows:
            return text + (f" It is larger on the large pairs than on the 100-byte pair by more than that spread on "
                           f"{', '.join(grows)}.")
        return text + (" On no 10 MB pair is it larger than on the 100-byte pair by more than that spread: in this run "
                       "it does not grow with the input.")

    def go_target(self) -> None:
        go = self.r["overhead"]["go"]
        if "overhead-ns/call" not in go:
            return
        o, runs = go["overhead-ns/call"]["median"], go["overhead-ns/call"]["runs"]
        c_loop = go["c-ns/call"]["median"]
        why = (
            f"BenchmarkTinyOverhead: rounds of 200 calls alternate between a C loop ({c_loop:.0f} ns per call) and "
            f"`UnifiedDiff` ({go['go-ns/call']['median']:.0f} ns); median of {len(runs)} runs "
            f"({', '.join(f'{v:.0f}' for v in runs)} ns)."
        )
        check = go.get("c_call_rounds_ns")
        if check:
            outside = (check["before"] + check["after"]) / 2
            why += (
                f" The same C call from c_call.c in rounds of {check['calls_per_round']} calls just before and after: "
                f"{check['before']:.0f} and {check['after']:.0f} ns, so Go's C loop took {c_loop / outside:.2f}× what C "
                f"took outside Go."
            )
        self.verdict("Go binding overhead < 0.5 µs per call", f"+{o:.0f} ns", o < 500, why)

    def tools_target(self) -> None:
        behind, comparisons = [], 0
        for fixture in self.r["order"]:
            for own in OURS:
                ours = self.t(fixture, own)
                if ours is None:
                    continue
                for tool in TOOLS:
                    theirs = self.t(fixture, tool)
                    comparisons += theirs is not None
                    if theirs is not None and theirs <= ours:
                        raw = self.baseline(fixture)
                        behind.append(f"{fixture}: {LABELS[tool]} {show_ns(theirs)} vs {LABELS[own]} {show_ns(ours)} "
                                      f"(the engine's own time, raw Rust: {show_ns(raw) if raw else 'n/a'})")
        raw_behind = [
            f"{f}: {LABELS[tool]}" for f in self.r["order"] for tool in TOOLS
            if self.t(f, tool) is not None and self.baseline(f) is not None and self.t(f, tool) <= self.baseline(f)
        ]
        measured = [f for f in self.r["order"] if any(self.t(f, own) is not None for own in OURS)]
        why = ("Compared as whole processes on the same files (fast-diff as the `fast-diff` command where it was built, "
               "and as fd_file_diff.c, a static C program over the library), on " + ", ".join(measured) + ".")
        why += (" Where it is not ahead: " + "; ".join(behind) + ".") if behind else " Ahead on every one."
        why += (" The engine's raw time is below every tool's whole-process time on every fixture." if not raw_behind
                else " Even the raw engine time is behind on: " + ", ".join(raw_behind) + ".")
        differ = [f"{f}: {LABELS[n]} ({e['output']['verdict']})" for f in measured for n in TOOLS + OURS
                  if (e := self.timings.get(f, {}).get(n)) and e.get("output", {}).get("verdict", "identical") != "identical"]
        if self.outputs_recorded():
            why += (" Diffs other than fast-diff's: " + "; ".join(differ) + "." if differ
                    else " Every process wrote the same hunks as fast-diff.")
        self.verdict("The engine ahead of GNU diff and git on every fixture",
                     f"behind on {len(behind)} of {comparisons} comparisons", not behind, why)

    def verdict(self, target: str, measured: str, met: bool, why: str) -> None:
        self.verdicts.append((target, measured, met, why))

    # ---- sections -------------------------------------------------------

    def tree_state(self) -> str:
        """Whether the measured tree had uncommitted changes, as a phrase."""
        tree = self.r.get("tree")
        if not tree:
            return "whether the tree had uncommitted changes was not recorded"
        if not tree["dirty"]:
            return "no uncommitted changes to tracked files"
        files = tree.get("changed_files", [])
        shown = ", ".join(f"`{f}`" for f in files[:8]) + (f" and {len(files) - 8} more" if len(files) > 8 else "")
        return f"**with uncommitted changes** to {shown}"

    def commit(self) -> str:
        return self.r.get("tree", {}).get("commit") or self.r["versions"].get("git commit", "unknown")

    def header(self) -> None:
        r, m = self.r, self.r["machine"]
        loads = [entry["loadavg"][0] for entry in r["load"]]
        self.add(
            "# fast-diff benchmark report",
            "",
            f"Written by `{r['command']}` on {r['generated']} (commit {self.commit()}; {self.tree_state()}), in {r['duration_s'] // 60} min "
            f"{r['duration_s'] % 60} s. Raw results: [results.json](results.json); chart of the ratios: "
            f"[ratios.png](ratios.png).",
            "",
            f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory_gib']} GiB, Linux {m['kernel']}. The 1-minute load "
            f"average ranged from {min(loads):.1f} to {max(loads):.1f} (median {statistics.median(loads):.1f}) during "
            f"the run. Each fixture's languages and tools were measured one after the other; the "
            f"{'overhead, process, MCP and worst-case' if r.get('worst_cases') else 'overhead, process and MCP'} "
            f"figures come from runs where the contenders alternate.",
            "",
            f"Every ratio is to **{LABELS[r['baseline']]}** on the same fixture in the same run: the mean of two "
            f"criterion medians, one taken before the fixture's other runs and one after; above 1× is slower.",
            "",
        )
        drift = [abs(e["after_ns"] / e["before_ns"] - 1) for f in r["order"]
                 if "before_ns" in (e := self.timings.get(f, {}).get(r["baseline"], {}))]
        twins = [abs(self.t(f, "rust fast-diff via C ABI") / self.t(f, "rust fast-diff myers") - 1) for f in r["order"]
                 if self.t(f, "rust fast-diff via C ABI") and self.t(f, "rust fast-diff myers")]
        if drift and twins:
            self.add(
                f"How noisy it was: the baseline's before and after medians differ by {100 * statistics.median(drift):.0f}% "
                f"on the median fixture (at most {100 * max(drift):.0f}%), and the same engine called through "
                f"`fd_unified_diff` differs from the raw call by {100 * statistics.median(twins):.0f}% on the median "
                f"fixture (at most {100 * max(twins):.0f}%), though the two do the same work. Differences of that size "
                f"are within this run's noise.",
                "",
            )
        if self.outputs_recorded():
            counts: dict[str, int] = {}
            for fixture in r["order"]:
                for entry in self.timings.get(fixture, {}).values():
                    if "output" in entry:
                        counts[entry["output"]["verdict"]] = counts.get(entry["output"]["verdict"], 0) + 1
            self.add(
                "Every contender's diff was computed once outside its timing and compared with fast-diff's Myers diff "
                "(benches/outputs.py): *identical* hunks; *equivalent*, other hunks that still turn the old text into "
                "the new at the lines they state; or *different*. Of the rows below: "
                + ", ".join(f"{n} {v}" for v, n in sorted(counts.items())) + ".",
                "",
            )
        else:
            self.add("The contenders' diffs were not compared with each other in this run (results.json has no "
                     "`output` records): the tables cannot say which rows produced the same diff.", "")

    def verdict_table(self) -> None:
        self.add("## Targets", "", "| target | measured | verdict |", "|---|---|---|")
        for target, measured, met, _ in self.verdicts:
            self.add(f"| {target} | {measured} | {'met' if met else '**MISSED**'} |")
        self.add("")
        for target, _, met, why in self.verdicts:
            self.add(f"- **{target}** ({'met' if met else 'missed'}). {why}")
        self.add("")

    def fixtures(self) -> None:
        memory = {(m["fixture"], m["algorithm"]): m for m in self.r["memory"]}
        outputs = self.outputs_recorded()
        self.add("## Per fixture", "",
                 "Median time per call (for `small_pairs`: per pass over all its pairs). Peak memory: for processes, "
                 "peak resident set (ru_maxrss); for the engine, peak heap allocated beyond the inputs "
                 "(benches/memory.rs)." + (" Output: the contender's diff against fast-diff's Myers diff." if outputs
                                          else ""), "")
        for fixture in self.r["order"]:
            info = self.r["fixtures"].get(fixture, {})
            size = info.get("old_bytes", 0) + info.get("new_bytes", 0) or info.get("total_bytes", 0)
            self.add(f"### {fixture}", "", f"{info.get('description', '')} ({show_bytes(size)} in all).", "",
                     "| implementation | median | × raw Rust | peak memory |" + (" output |" if outputs else "")
                     + " measured by |", "|---|---:|---:|---:|" + ("---|" if outputs else "") + "---|")
            base = self.baseline(fixture)
            for name, label in LABELS.items():
                entry = self.timings.get(fixture, {}).get(name)
                if not entry:
                    continue
                peak = ""
                if "peak_rss_kb" in entry:
                    peak = show_bytes(entry["peak_rss_kb"] * 1024)
                elif name in ("rust fast-diff myers", "rust fast-diff histogram"):
                    m = memory.get((fixture, "Myers" if name.endswith("myers") else "Histogram"))
                    peak = f"{show_bytes(m['peak_extra_bytes'])} heap" if m else ""
                how = f"{entry['source']}, {entry.get('samples', '?')} samples"
                if "before_ns" in entry:
                    how += f" (before {show_ns(entry['before_ns'])}, after {show_ns(entry['after_ns'])})"
                output = f" {output_cell(entry.get('output')) or 'not checked'} |" if outputs else ""
                self.add(f"| {label} | {show_ns(entry['median_ns'])} | {ratio(entry['median_ns'] / base) if base else ''} "
                         f"| {peak} |{output} {how} |")
            self.add("")

    def per_call(self) -> None:
        tiny = self.r["fixtures"].get("tiny_100b", {})
        sizes = f"{tiny.get('old_bytes', '?')} + {tiny.get('new_bytes', '?')} bytes"
        self.add("## Per-call overhead (the 100-byte pair)", "",
                 f"Each language's path on `tiny_100b` ({sizes}: {tiny.get('description', '')}), from the per-fixture "
                 f"run:", "",
                 "| path | median per call | over raw Rust |", "|---|---:|---:|")
        base = self.baseline("tiny_100b")
        for name in ["rust fast-diff myers", "rust fast-diff via C ABI", "c fd_unified_diff", "go UnifiedDiff",
                     "python bare cffi", "python bytes", "python str", "process fast-diff command", "process fast-diff"]:
            t = self.t("tiny_100b", name)
            if t is not None and base:
                self.add(f"| {LABELS[name]} | {show_ns(t)} | {signed_ns(t - base)} |")
        over = self.r["overhead"]["python"]
        in_process = any(f.get("baseline") for f in over.values())
        self.add("", "Side by side, repeat by repeat with "
                 + ("a C loop in the same process (c_loop.c), the order rotating" if in_process
                    else "the C loop of c_call.c (a new process for each repeat)")
                 + "; medians of per-call means, and in brackets the median over the repeats of the difference to C in "
                 "the same repeat:", "",
                 "| fixture | C | bare cffi | `unified_diff` bytes | `unified_diff` str |", "|---|---:|---:|---:|---:|")
        for fixture, figures in over.items():
            m, extra, ratios = figures["median_ns"], figures["paired_extra_ns"], figures["paired_ratio"]
            cells = [f"{show_ns(m[k])} ({signed_ns(extra[k])}, {percent(ratios[k] - 1)})" for k in ("cffi", "bytes", "str")]
            self.add(f"| {fixture} ({figures['repeats']} × {figures['calls_per_repeat']} calls) | {show_ns(m['C'])} | "
                     + " | ".join(cells) + " |")
        go = self.r["overhead"]["go"]
        if "overhead-ns/call" in go:
            self.add("", f"Go (BenchmarkTinyOverhead, C loop and `UnifiedDiff` alternating): C "
                         f"{go['c-ns/call']['median']:.0f} ns, Go {go['go-ns/call']['median']:.0f} ns, overhead "
                         f"{go['overhead-ns/call']['median']:.0f} ns per call (median of "
                         f"{len(go['overhead-ns/call']['runs'])} runs).")
        self.add("")

    def mcp(self) -> None:
        mcp = self.r["mcp"]
        hs = mcp["handshake_median_ns"]
        shipped = mcp["shipped"]
        if "outputs" in shipped:
            same = "; ".join(f"`{tool}` {output_cell(v)}" for tool, v in shipped["outputs"].items())
            outputs = f"Their diffs against fast-diff's: {same}."
        else:
            different = [tool for tool, same in shipped["same_as_diff"].items() if not same]
            outputs = ("All three returned the same text." if not different
                       else "Returned a text other than `diff`'s: " + ", ".join(f"`{t}`" for t in different) + ".")
        self.add("## MCP: the article's case through FastMCP", "",
                 f"An in-memory FastMCP `Client` (fastmcp {mcp['versions']['fastmcp']}, mcp {mcp['versions']['mcp']}) calls "
                 f"three tools on `{mcp['fixture']}` ({mcp['characters']:,} characters in all), in rounds that rotate the "
                 f"order: the server's `diff` and `diff_difflib`, and `diff_article_standin`, a tool like `diff_difflib` "
                 f"(same arguments, size check and result) around the article's Rust tool path: "
                 f"`similar::TextDiff::from_lines(..).unified_diff()` on two `str` through PyO3 "
                 f"(benches/article_standin). {outputs}", "",
                 f"Client open (initialize handshake): {show_ns(hs['open_ns'])}; close: {show_ns(hs['close_ns'])} "
                 f"(medians of {len(mcp['handshake']['open_ns'])}), not included below.", "",
                 "| tool | `call_tool` median | × `diff` |", "|---|---:|---:|")
        medians = shipped["median_ns"]
        for tool in medians:
            self.add(f"| `{tool}` | {show_ns(medians[tool])} | {ratio(medians[tool] / medians['diff'])} |")
        self.add("", f"`diff` on the 100-byte pair, in the same session: {show_ns(shipped['tiny_diff_median_ns'])}.", "")
        if "lax_validation" in mcp:
            lax = mcp["lax_validation"]
            self.add("With the server's strict_input_validation turned off (not the shipped configuration): "
                     + ", ".join(f"`{tool}` {show_ns(ns)}" for tool, ns in lax["median_ns"].items())
                     + f"; `diff` on the 100-byte pair {show_ns(lax['tiny_diff_median_ns'])}.", "")

    def deadline(self) -> None:
        rows = []
        for fixture in self.r["order"]:
            with_deadline, without = (self.timings.get(fixture, {}).get(n) for n in (DEADLINE_ROW, "rust fast-diff myers"))
            if with_deadline and without:
                out = with_deadline.get("output") or {}
                lines = (f"{out['changed_lines']:,} against {out['reference_changed_lines']:,}"
                         if "changed_lines" in out else "not recorded")
                rows.append(f"| {fixture} (criterion) | {show_ns(without['median_ns'])} | {show_ns(with_deadline['median_ns'])} "
                            f"| {ratio(without['median_ns'] / with_deadline['median_ns'])} | {lines} | "
                            f"{output_cell(out) or 'not checked'} |")
        worst = self.r.get("worst_cases")
        name = f"fast-diff myers, deadline {worst['deadline_ms']} ms" if worst else None
        for shape, data in (worst or {}).get("shapes", {}).items():
            last = data["sizes"][-1]
            with_deadline, without = last["tools"].get(name, {}), last["tools"].get("fast-diff myers", {})
            if "median_ns" in with_deadline and "median_ns" in without:
                out = with_deadline.get("output") or {}
                lines = f"{out['changed_lines']:,} against {out['reference_changed_lines']:,}" if out else "not recorded"
                rows.append(f"| {shape}, {last['size']:,} bytes a side (process) | {show_ns(without['median_ns'])} | "
                            f"{show_ns(with_deadline['median_ns'])} | "
                            f"{ratio(without['median_ns'] / with_deadline['median_ns'])} | {lines} | "
                            f"{output_cell(out) or 'not checked'} |")
        if not rows:
            return
        self.add("## The deadline", "",
                 "fast-diff's Myers with and without a 1 ms deadline, side by side: when the deadline passes, the search "
                 "stops and the rest is diffed coarsely.", "",
                 "| input | no deadline | 1 ms deadline | no deadline ÷ deadline | changed lines, deadline vs none | "
                 "deadline's diff |", "|---|---:|---:|---:|---:|---|", *rows, "")

    def patch_worst_cases(self) -> None:
        rows = self.r.get("patch_worst_cases")
        if not rows:
            return
        self.add("## Patch worst cases", "",
                 "The inputs of benches/patch_adversarial.py (failing, ambiguous and fuzzed hunks, SEARCH blocks, envelope "
                 "anchors and replacements that are nowhere, the readers on large patches) at n, 2n and 4n, through the "
                 "Python binding, best of 3: a 4n ÷ n near 4 is linear, near 16 quadratic.", "",
                 "| input | n | n | 2n | 4n | 4n ÷ n |", "|---|---:|---:|---:|---:|---:|",
                 *(f"| {r['shape']} | {r['sizes'][0]:,} | " + " | ".join(f"{s * 1000:.1f} ms" for s in r["seconds"])
                   + f" | {r['growth']:.1f} |" for r in rows), "")

    def worst_cases(self) -> None:
        worst = self.r.get("worst_cases")
        if not worst:
            self.add("## Worst cases", "", "Not measured in this run (results.json has no `worst_cases`).", "")
            return
        n = worst["n"]
        self.add("## Worst cases", "",
                 f"The shapes of benches/adversarial.py at n = {n:,}, 2n and 4n bytes a side, each tool as a whole "
                 f"process on the same files (benches/worst_cases.py): median of up to {worst['runs']} runs taking turns; "
                 f"a run over {worst['cap_s']} s is stopped and the tool not run at the larger sizes. Growth: the "
                 f"exponent k in time ∝ size^k from the smallest to the largest size the tool finished (1 is linear, 2 "
                 f"quadratic). Diff: at that largest size, against fast-diff's Myers diff.", "")
        never = []
        for shape, data in worst["shapes"].items():
            sizes = data["sizes"]
            names = list(dict.fromkeys(name for entry in sizes for name in entry["tools"]))
            self.add(f"### {shape}", "", f"{data['description']}", "",
                     "| tool | " + " | ".join(f"{e['size']:,}" for e in sizes) + " | growth | diff | peak memory |",
                     "|---|" + "---:|" * len(sizes) + "---:|---|---:|")
            for name in names:
                cells, times = [], []
                for entry in sizes:
                    cell = entry["tools"].get(name, {})
                    if "median_ns" in cell:
                        cells.append(show_ns(cell["median_ns"]) + ("" if len(cell["samples_ns"]) > 1 else " (1 run)"))
                        times.append((entry["size"], cell["median_ns"]))
                    elif "timeout_s" in cell:
                        cells.append(f"> {cell['timeout_s']} s")
                    else:
                        cells.append("—")
                growth = ""
                if len(times) >= 2 and times[0][1] > 0:
                    (s0, t0), (s1, t1) = times[0], times[-1]
                    growth = f"{math.log(t1 / t0) / math.log(s1 / s0):.2f}"
                last = next((entry["tools"][name] for entry in reversed(sizes) if "median_ns" in entry["tools"].get(name, {})),
                            None)
                if name.startswith("fast-diff") and len(times) < len(sizes):
                    never.append(f"{name} on {shape}")
                self.add(f"| {name} | " + " | ".join(cells) + f" | {growth} | {output_cell((last or {}).get('output'))} | "
                         f"{show_bytes(last['peak_rss_kb'] * 1024) if last else ''} |")
            self.add("")
        self.add(("Every fast-diff run finished within the cap at every size." if not never
                  else "fast-diff did not finish within the cap on: " + ", ".join(never) + "."), "")

    def memory(self) -> None:
        own = any("own_peak_bytes" in m for m in self.r["memory"])
        self.add("## Engine memory", "", "Peak heap the engine allocates beyond its inputs (benches/memory.rs, a counting "
                 "allocator), for the whole `unified_diff` call"
                 + (", and the algorithm's own: how far the heap rises, above what it holds there, from the first "
                    "allocation where the algorithms' line diffs part (trimming, splitting and interning the lines, "
                    "the same for every algorithm, come before it); — where all of them made the same allocations"
                    if own else "") + ":", "",
                 "| fixture | algorithm | inputs | peak extra heap | × inputs |" + (" algorithm's own |" if own else ""),
                 "|---|---|---:|---:|---:|" + ("---:|" if own else ""))
        for m in self.r["memory"]:
            row = (f"| {m['fixture']} | {m['algorithm']} | {show_bytes(m['input_bytes'])} | "
                   f"{show_bytes(m['peak_extra_bytes'])} | {m['peak_over_input']:.2f} |")
            if own:
                row += f" {show_bytes(m['own_peak_bytes']) if m.get('own_peak_bytes') is not None else '—'} |"
            self.add(row)
        self.add("")

    def method(self) -> None:
        v = self.r["versions"]
        self.add("## How it was measured", "",
                 "- Fixtures: `benches/fixtures.py` (fixed seeds), the same files for every language and tool.",
                 "- Rust: criterion (`benches/engine.rs`), sample size 10, medians; what is too slow to sample (imara-diff "
                 "on the `repeated_*` fixtures) is timed once and marked so. Every contender is timed from the texts in "
                 "memory to the diff in memory"
                 + ("." if self.r.get("imara_utf8_outside_timing")
                    else "; in this run imara-diff's timing also includes checking its inputs are UTF-8 (`from_utf8`)."),
                 "- C: `benches/c_call.c` over the header and the shared library; median of repeats of a timed loop.",
                 "- Go: `testing.B` (`BenchmarkFixture` in bindings/go), median of `-count` runs.",
                 "- Python: pyperf (`benches/python_bench.py`), several worker processes, medians; difflib and the "
                 "article stand-in with fewer processes.",
                 "- Processes: `benches/tools.py` starts each command through `benches/spawn_time.c` (wall time and "
                 "ru_maxrss), output to /dev/null, rounds rotating the order; fast-diff's processes are the "
                 "`fast-diff` command (`fast-diff -u OLD NEW`) and `benches/fd_file_diff.c`, a static C program "
                 "that maps both files and writes the diff through `fd_unified_diff`.",
                 "- Outputs: `benches/outputs.py`; worst cases: `benches/worst_cases.py` over `benches/adversarial.py`.",
                 "- MCP: `benches/mcp_bench.py` (in memory), `benches/mcp_transport.py` (over stdio and HTTP, "
                 "beside `benches/mcp_floor_server.py`) and `benches/mcp_load.py` (32 clients); per-call overhead: `benches/python_overhead.py` and "
                 "`BenchmarkTinyOverhead`; memory: `benches/memory.rs`.",
                 "", "Versions:", "")
        for name, value in v.items():
            self.add(f"- {name}: {value}")
        self.add("", "Load average (1 min) at each step:", "", "| step | at | load |", "|---|---:|---:|")
        for entry in self.r["load"]:
            self.add(f"| {entry['step']} | {entry['at_s']:.0f} s | {entry['loadavg'][0]:.2f} |")
        self.add("")

    def text(self) -> str:
        self.targets()
        self.header()
        self.verdict_table()
        self.mcp()
        self.add(*report_mcp.sections(self.r))
        self.per_call()
        self.fixtures()
        self.deadline()
        self.add(*history_section(self.r.get("history")))
        self.worst_cases()
        self.patch_worst_cases()
        self.add(*word_growth.report_lines(self.r.get("word_growth")))
        trees_report.section(self)
        self.memory()
        self.add(*self.batch_lines)
        self.method()
        return "\n".join(self.lines).rstrip() + "\n"

    def write(self, directory: Path) -> None:
        (directory / "report.md").write_text(self.text())
        chart(self.r, directory / "ratios.png")


def chart(results: dict, path: Path) -> None:
    """A heat map of every ratio to the raw Rust time: rows are implementations, columns fixtures."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np
    from matplotlib.colors import LogNorm

    fixtures = results["order"]
    rows = [name for name in CHART_ROWS if any(name in results["timings"].get(f, {}) for f in fixtures)]
    grid = np.full((len(rows), len(fixtures)), np.nan)
    for j, fixture in enumerate(fixtures):
        base = results["timings"].get(fixture, {}).get(results["baseline"], {}).get("median_ns")
        for i, name in enumerate(rows):
            entry = results["timings"].get(fixture, {}).get(name)
            if entry and base:
                grid[i, j] = entry["median_ns"] / base
    fig, ax = plt.subplots(figsize=(1.1 * len(fixtures) + 4, 0.45 * len(rows) + 2))
    top = max(10.0, float(np.nanmax(grid)))
    image = ax.imshow(np.ma.masked_invalid(grid), cmap="RdYlGn_r", norm=LogNorm(vmin=0.5, vmax=top), aspect="auto")
    ax.set_xticks(range(len(fixtures)), fixtures, rotation=35, ha="right")
    ax.set_yticks(range(len(rows)), [LABELS[name].replace("`", "") for name in rows])
    for i in range(len(rows)):
        for j in range(len(fixtures)):
            if not np.isnan(grid[i, j]):
                value = grid[i, j]
                ax.text(j, i, f"{value:.2f}" if value < 10 else f"{value:.0f}", ha="center", va="center", fontsize=7)
    fig.colorbar(image, ax=ax, label="time ÷ fast-diff raw Rust time (log scale)")
    ax.set_title(f"Time ÷ fast-diff's raw Rust time, same run\n({results['command']}, {results['generated'][:10]}; "
                 f"empty: not measured)", fontsize=10)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def main() -> None:
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    directory = Path(sys.argv[1])
    Report(json.loads((directory / "results.json").read_text())).write(directory)
    print(f"wrote {directory / 'report.md'} and {directory / 'ratios.png'}")


if __name__ == "__main__":
    main()
