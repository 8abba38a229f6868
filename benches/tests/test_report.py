"""The report's sentences follow its numbers."""

from __future__ import annotations

import copy
import json
from pathlib import Path

from report import Report

RESULTS_DIR = Path(__file__).resolve().parent.parent / "results"
RESULTS = json.loads((RESULTS_DIR / "results.json").read_text())


def text(results: dict) -> str:
    return Report(copy.deepcopy(results)).text()


def test_the_committed_report_is_what_its_results_give():
    assert text(RESULTS) == (RESULTS_DIR / "report.md").read_text()


def test_the_bare_cffi_sentence_follows_the_figure():
    results = copy.deepcopy(RESULTS)
    results["overhead"]["python"]["tiny_100b"]["paired_extra_ns"]["cffi"] = 2500.0
    assert "The bare cffi call alone costs more than the target" in text(results)
    results["overhead"]["python"]["tiny_100b"]["paired_extra_ns"]["cffi"] = 1500.0
    assert "The bare cffi call alone is within the target (+1.5 µs)" in text(results)


def test_noise_is_claimed_only_where_python_beat_c():
    results = copy.deepcopy(RESULTS)
    for fixture in results["overhead"]["python"].values():
        fixture["paired_ratio"] = {kind: abs(r - 1) + 1 for kind, r in fixture["paired_ratio"].items()}
    assert "Python measured faster than the C call" not in text(results)
    assert "Python measured faster than the C call" in text(RESULTS)


def test_growth_with_the_input_is_claimed_only_when_the_repeats_show_none():
    results = copy.deepcopy(RESULTS)
    over = results["overhead"]["python"]
    for fixture in ("prose_10m", "log_10m", "identical_10m"):
        over[fixture]["paired_extra_ns"] = dict(over["tiny_100b"]["paired_extra_ns"])
    assert "in this run it does not grow with the input" in text(results)
    over["prose_10m"]["paired_extra_ns"]["bytes"] = 1e7
    assert "in this run it does not grow with the input" not in text(results)
    assert "by more than that spread on prose_10m bytes" in text(results)


def test_a_row_whose_diff_differs_says_so():
    results = copy.deepcopy(RESULTS)
    for fixture in results["timings"].values():
        for entry in fixture.values():
            entry["output"] = {"verdict": "identical", "bytes": 1, "changed_lines": 1, "reference_bytes": 1,
                               "reference_changed_lines": 1}
    results["timings"]["tiny_100b"]["rust imara-diff myers"]["output"]["verdict"] = "different"
    report = text(results)
    row = next(line for line in report.splitlines()
               if line.startswith("| Rust: imara-diff, Myers") and "**different**" in line)
    assert row
    assert "were not compared" not in report


def test_the_tree_state_is_said():
    results = copy.deepcopy(RESULTS)
    results.pop("tree", None)
    assert "whether the tree had uncommitted changes was not recorded" in text(results)
    results["tree"] = {"commit": "abc1234", "dirty": False, "changed_files": []}
    assert "(commit abc1234; no uncommitted changes to tracked files)" in text(results)
    results["tree"] = {"commit": "abc1234", "dirty": True, "changed_files": ["benches/run.py"]}
    assert "(commit abc1234; **with uncommitted changes** to `benches/run.py`)" in text(results)


def test_worst_cases_give_a_growth_table():
    results = copy.deepcopy(RESULTS)
    tool = "fast-diff myers"
    results["worst_cases"] = {"n": 1000, "runs": 3, "cap_s": 10, "deadline_ms": 1, "reference": tool, "shapes": {
        "reversed": {"description": "reversed", "sizes": [
            {"size": size, "input_bytes": 2 * size, "tools": {
                tool: {"median_ns": ns, "samples_ns": [ns] * 3, "peak_rss_kb": 1024},
                "GNU diff -u": {"median_ns": 4 * ns * size / 1000, "samples_ns": [1.0], "peak_rss_kb": 1024}
                if size < 4000 else {"timeout_s": 10}}}
            for size, ns in ((1000, 1e6), (2000, 2e6), (4000, 4e6))]}}}
    report = text(results)
    assert "| fast-diff myers | 1 ms | 2 ms | 4 ms | 1.00 |" in report
    assert "| GNU diff -u | 4 ms (1 run) | 16 ms (1 run) | > 10 s | 2.00 |" in report
    assert "Every fast-diff run finished within the cap at every size." in report


def history(default_ns: float, default_bytes: int = 90) -> dict:
    """A real-history result with the default at `default_ns` against peers at 100 ns."""
    def contender(cid: str, ns: float, changed_bytes: int) -> dict:
        return {"id": cid, "total_ns": ns, "cpu_ns": ns, "round_totals_ns": [ns], "round_cpu_ns": [ns],
                "pair_median_ns": ns, "small_pair_median_ns": ns, "changed_lines": 1, "changed_bytes": changed_bytes,
                "output_bytes": changed_bytes}

    project = {"pairs": 2, "small_pairs": 1, "small_bytes": 16384, "not_utf8": 0, "input_bytes": 10, "rounds": 1,
               "contenders": [contender("fast-diff default", default_ns, default_bytes),
                              contender("fast-diff via C ABI", default_ns, default_bytes),
                              contender("similar myers", 150.0, 80), contender("imara-diff histogram", 100.0, 100)]}
    return {"projects": {"a": project, "b": copy.deepcopy(project)},
            "corpus": {"a": {"what": "A", "old": "1", "new": "2"}, "b": {"what": "B", "old": "1", "new": "2"}}}


def test_real_history_targets_follow_the_figures():
    results = copy.deepcopy(RESULTS)
    results["history"] = history(70.0)
    report = text(results)
    assert "## Real code history" in report and "### All projects" in report
    assert "| Default diff on real history ≤ 0.8× the fastest of similar and imara-diff, on every project and in " \
           "all | worst 0.70× | met |" in report
    assert "| Default diff on real history never larger than the fastest peer's | smaller or equal everywhere | met |" \
        in report
    results["history"] = history(90.0, default_bytes=120)
    report = text(results)
    assert "worst 0.90× | **MISSED** |" in report
    assert "| Default diff on real history never larger than the fastest peer's | larger somewhere | **MISSED** |" \
        in report


def test_real_history_skipped_offline_says_so():
    results = copy.deepcopy(RESULTS)
    results["history"] = {"skipped": "real history unavailable (no network)"}
    report = text(results)
    assert "Skipped in this run: real history unavailable (no network)." in report
    assert "Default diff on real history" not in report
