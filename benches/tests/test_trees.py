"""The directory-tree benchmark's verdicts on outputs, and the report's and the docs' sentences on its figures."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import trees
import trees_report
from report import Report

RESULTS = json.loads((Path(__file__).resolve().parent.parent / "results" / "results.json").read_text())

GNU = b"""diff -ruN a/x b/x
--- a/x\t2024-01-01 00:00:00.000000000 +0000
+++ b/x\t2024-01-01 00:00:00.000000000 +0000
@@ -1 +1 @@
-1
+2
Only in a: y
Binary files a/z and b/z differ
"""


def test_outputs_are_judged_pair_by_pair():
    assert trees.judge(GNU, GNU, git=False)["verdict"] == "identical"
    other_hunks = GNU.replace(b"-1\n+2\n", b"-1\n+2\n+3\n").replace(b"+1 @@", b"+1,2 @@")
    judged = trees.judge(other_hunks, GNU, git=False)
    assert (judged["verdict"], judged["pairs"], judged["pairs_with_other_hunks"]) == ("same pairs, other hunks", 3, 1)
    assert trees.judge(GNU.replace(b"Only in a: y\n", b""), GNU, git=False)["verdict"] == "other pairs"


def test_git_index_lines_and_binary_lines_stay_in_their_pair():
    ours = b"diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n-1\n+2\ndiff --git a/z b/z\nBinary files a/z and b/z differ\n"
    theirs = ours.replace(b"b/x\n--- a/x", b"b/x\nindex 1234567..89abcde 100644\n--- a/x").replace(
        b"b/z\nBinary", b"b/z\nindex 1234567..89abcde 100644\nBinary")
    judged = trees.judge(ours, theirs, git=True)
    assert (judged["verdict"], judged["pairs"], judged["reference_pairs"]) == ("identical", 2, 2)


def measured() -> dict:
    contender = {"median_ns": 2e8, "samples_ns": [2e8], "cpu_median_ns": 1e8, "peak_rss_kb": 1024, "command": "c"}
    names = ["fast-diff -ruN", "GNU diff -ruN", "git diff --no-index", "git diff --no-index --no-renames",
             "fast-diff --git"]
    return {
        "generated": RESULTS["generated"], "commit": "abc1234", "pair": "git 1 and 2", "sources": [],
        "old": {"files": 10, "bytes": 2**20}, "new": {"files": 11, "bytes": 2**20}, "changed_pairs": 5, "rounds": 3,
        "contenders": {name: dict(contender) for name in names},
        "ratio_of_medians": {n: 0.4 for n in names[1:]},
        "median_ratio_per_round": {"GNU diff -ruN": 0.7, "git diff --no-index": 0.2,
                                   "git diff --no-index --no-renames": 0.2, "fast-diff --git": 0.9},
        "cpu_ratio_of_medians": {n: 0.5 for n in names[1:]},
        "load_per_round": [1.0, 2.0, 3.0],
    }


def verdicts(results: dict) -> dict[str, tuple[str, bool]]:
    report = Report(copy.deepcopy(results))
    report.text()
    return {target: (measured, met) for target, measured, met, _ in report.verdicts}


def test_the_targets_follow_the_figures():
    results = copy.deepcopy(RESULTS)
    results["trees"] = measured()
    found = verdicts(results)
    git = next(v for k, v in found.items() if "git diff --no-index" in k and "on real trees" in k)
    gnu = next(v for k, v in found.items() if "GNU diff -ruN" in k and "on real trees" in k)
    assert git == ("0.20× (CPU time 0.50×)", True) and gnu == ("0.70× (CPU time 0.50×)", False)
    results["trees"]["median_ratio_per_round"]["GNU diff -ruN"] = 0.45
    assert next(v for k, v in verdicts(results).items() if "GNU diff -ruN" in k and "on real trees" in k)[1]


def test_a_run_without_trees_says_so():
    results = copy.deepcopy(RESULTS)
    results.pop("trees", None)
    assert "## Directory trees\n\nNot measured in this run." in Report(copy.deepcopy(results)).text()
    results["trees"] = {"skipped": "cannot fetch http://example/x: offline"}
    assert "Skipped in this run: cannot fetch http://example/x: offline." in Report(results).text()
    assert "were not measured" in trees_report.figure(results)


def test_the_docs_sentence_gives_the_ratios_and_the_load():
    results = copy.deepcopy(RESULTS)
    results["trees"] = measured()
    sentence = trees_report.figure(results)
    assert "0.20× the time of `git diff --no-index` and 0.70× that of GNU `diff -ruN`" in sentence
    assert "load average 1.0 to 3.0" in sentence and not sentence.endswith(".")
