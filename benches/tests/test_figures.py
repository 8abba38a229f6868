"""The figures quoted in README.md and the docs are the committed results'."""

from __future__ import annotations

import copy
import json

import pytest

import readme_figures
from readme_figures import ROOT, Figures, documents, loose_figures, update

RESULTS = json.loads(readme_figures.RESULTS.read_text())


def figures(results: dict = RESULTS) -> Figures:
    return Figures(results, "benches/results/report.md")


@pytest.mark.parametrize("path", documents(ROOT), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_quoted_figure_is_the_committed_results(path):
    text = path.read_text()
    assert update(text, figures()) == text, f"{path}: run benches/readme_figures.py"


@pytest.mark.parametrize("path", documents(ROOT), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_timing_or_ratio_is_quoted_outside_the_markers(path):
    assert loose_figures(path.read_text()) == []


def test_the_readme_quotes_the_speed_figures():
    assert "<!-- bench:speed begin -->" in (ROOT / "README.md").read_text()


def test_a_changed_result_changes_the_figures():
    text = "# Speed\n\n<!-- bench:speed begin -->\n<!-- bench:speed end -->\n"
    current = update(text, figures())
    changed = copy.deepcopy(RESULTS)
    changed["timings"]["prose_10m"][changed["baseline"]]["median_ns"] *= 2
    assert update(current, figures(changed)) != current
    assert update(current, figures()) == current


def test_the_figures_say_what_was_measured_where():
    block = figures().speed()
    assert RESULTS["versions"]["git commit"] in block
    assert RESULTS["machine"]["cpu"] in block
    for kind in ("in-process", "whole process", "no transport"):
        assert kind in block


def test_a_dirty_tree_is_said():
    results = copy.deepcopy(RESULTS)
    results["tree"] = {"commit": "abc1234", "dirty": True, "changed_files": ["src/lib.rs"]}
    assert "uncommitted changes** to `src/lib.rs`" in figures(results).speed()
    results["tree"]["dirty"] = False
    assert "no uncommitted changes" in figures(results).speed()


def test_a_diff_other_than_fast_diffs_is_said_on_its_row():
    results = copy.deepcopy(RESULTS)
    results["timings"]["prose_10m"]["rust similar myers"]["output"] = {
        "verdict": "equivalent", "bytes": 10, "changed_lines": 6, "reference_bytes": 5, "reference_changed_lines": 2}
    row = next(line for line in figures(results).speed().splitlines() if "`similar`" in line)
    assert "equivalent, 3.00× the changed lines" in row


def test_an_unknown_figure_is_an_error():
    with pytest.raises(SystemExit, match="unknown figure"):
        update("<!-- bench:nonesuch begin --><!-- bench:nonesuch end -->", figures())


def test_loose_figures_are_found_outside_markers_and_code_only():
    text = "\n".join([
        "It takes 5 ms.",
        "<!-- bench:speed begin -->",
        "1.34 ms",
        "<!-- bench:speed end -->",
        "```sh",
        "sleep 1s",
        "```",
        "Run `make bench-go -j 2x` on 2 cores, 1% of lines.",
        "About 3.6x faster.",
    ])
    assert loose_figures(text) == ["1: It takes 5 ms.", "9: About 3.6x faster."]
