#!/usr/bin/env python3
"""Writes the benchmark figures quoted in README.md and the docs from
benches/results/results.json, so that every figure there comes from one
committed run and says what it is.

A figure lives between markers, on lines of their own for a block or
inline for a phrase:
    <!-- bench:NAME begin -->...<!-- bench:NAME end -->
where NAME is one of FIGURES below. This script rewrites what is between
them; benches/tests/test_figures.py fails when the text there differs from
what the committed results give, and when a timing or a ratio appears in
those files outside markers.

Usage: readme_figures.py [--check] [--results RESULTS_JSON] [--root DIR]
    (`make bench` runs it after writing the report; --check only reports)
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import trees_report  # noqa: E402
import report_mcp  # noqa: E402
from report import LABELS, Report, output_cell, ratio, show_ns  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benches" / "results" / "results.json"
MARKER = re.compile(r"<!-- bench:(?P<name>[a-z0-9-]+) begin -->(?P<body>.*?)<!-- bench:(?P=name) end -->", re.S)


def documents(root: Path) -> list[Path]:
    """The files whose figures must come from results.json."""
    candidates = [root / "README.md", root / "benches" / "README.md", root / "CONTRIBUTING.md",
                  *sorted((root / "docs").glob("**/*.md"))]
    return [path for path in candidates if path.exists()]


class Figures:
    def __init__(self, results: dict, results_path: str) -> None:
        self.r = results
        self.report = Report(results)
        self.link = results_path

    def t(self, fixture: str, name: str) -> float | None:
        return self.report.t(fixture, name)

    def provenance(self) -> str:
        r, m = self.r, self.r["machine"]
        loads = [entry["loadavg"][0] for entry in r["load"]]
        return (f"`{r['command']}` of {r['generated'][:10]} on commit {self.report.commit()} "
                f"({self.report.tree_state()}), on the development machine: {m['cpu']}, {m['cores']} cores, "
                f"{m['memory_gib']} GiB, 1-minute load average {min(loads):.1f} to {max(loads):.1f} during the run")

    def others(self, fixture: str, names: list[str], base: float) -> str:
        """Each contender's time as a multiple of fast-diff's, with its diff where that is not fast-diff's."""
        cells = []
        for name in names:
            entry = self.r["timings"].get(fixture, {}).get(name)
            if entry:
                output = entry.get("output")
                differs = output and output["verdict"] != "identical"
                cells.append(f"{short(name)} {ratio(entry['median_ns'] / base)}" + (f" ({output_cell(output)})" if differs
                                                                                     else ""))
        return ", ".join(cells)

    def fastest(self, fixture: str, names: list[str]) -> str:
        """Of several algorithms of one library, the fastest on this fixture."""
        timed = [(self.t(fixture, n), n) for n in names if self.t(fixture, n) is not None]
        return min(timed)[1] if timed else names[0]

    def speed(self) -> str:
        """The README's speed table."""
        r = self.r
        rows = []
        base = self.report.baseline("prose_10m")
        if base:
            imara = self.fastest("prose_10m", ["rust imara-diff myers", "rust imara-diff histogram"])
            rows.append(("the article's case: 10 million characters of prose, one word changed",
                         "in-process, Rust API (criterion)", show_ns(base),
                         self.others("prose_10m", ["rust similar myers", imara], base) + " that"))
        python = self.t("prose_10m", "python str")
        if python:
            rows.append(("the same, from Python on `str`", "in-process, Python (pyperf)", show_ns(python),
                         self.others("prose_10m", ["python article stand-in", "python difflib"], python) + " that"))
        command = self.t("prose_10m", "process fast-diff command")
        if command:
            tools = [f"{short(n)} {show_ns(t)}" for n in ("process GNU diff -u", "process git diff myers")
                     if (t := self.t("prose_10m", n)) is not None]
            rows.append(("the same, as commands", "whole process: start, read both files, diff, write to /dev/null",
                         f"`fast-diff -u` {show_ns(command)}", ", ".join(tools)))
        log = self.report.baseline("log_10m")
        if log:
            imara = self.fastest("log_10m", ["rust imara-diff myers", "rust imara-diff histogram"])
            rows.append(("a 10 MB log, 1% of its lines changed", "in-process, Rust API (criterion)", show_ns(log),
                         self.others("log_10m", [imara, "rust similar myers"], log) + " that"))
        ahead, total, fixtures = self.whole_process()
        if total:
            rows.append(("every fixture, against GNU diff and git", "whole process",
                         f"ahead in {ahead} of {total} comparisons",
                         f"{fixtures} fixtures × GNU `diff -u`, `git diff` (myers, histogram) × `fast-diff -u` and "
                         f"fd_file_diff.c"))
        mcp = r["mcp"]["shipped"]["median_ns"]
        rows.append(("MCP tool `diff` against `diff_difflib`, the article's case",
                     "in-memory FastMCP client and server in one process (no transport), one `call_tool`",
                     show_ns(mcp["diff"]), f"{show_ns(mcp['diff_difflib'])} ({ratio(mcp['diff_difflib'] / mcp['diff'])})"))
        table = ["| | measured as | fast-diff | others, same run |", "|---|---|---|---|"]
        table += [f"| {what} | {how} | {ours} | {theirs} |" for what, how, ours, theirs in rows]
        checked = self.report.outputs_recorded()
        return "\n".join([
            f"From the committed [benchmark report]({self.link}): {self.provenance()}. Medians; fast-diff runs "
            f"Myers, its default; each ratio is to the fast-diff time on its row, measured side by side in the same "
            f"run; how each figure is measured is in [benches/README.md](benches/README.md).",
            "",
            *table,
            "",
            ("Every contender's diff was compared with fast-diff's; where it is not the same, the cell says how it "
             "differs." if checked else
             "This run did not record whether the contenders wrote the same diff as fast-diff."),
        ])

    def whole_process(self) -> tuple[int, int, int]:
        ahead = total = 0
        fixtures = set()
        for fixture in self.r["order"]:
            for own in ("process fast-diff command", "process fast-diff"):
                ours = self.t(fixture, own)
                for tool in ("process GNU diff -u", "process git diff myers", "process git diff histogram"):
                    theirs = self.t(fixture, tool)
                    if ours is not None and theirs is not None:
                        total += 1
                        ahead += ours < theirs
                        fixtures.add(fixture)
        return ahead, total, len(fixtures)

    def mcp_transport(self) -> str:
        """The README's table of MCP calls in memory, over stdio and over HTTP, beside the transport floor."""
        return report_mcp.readme_table(self.r)

    def bench_duration(self) -> str:
        """How long the committed run took, as a phrase."""
        r = self.r
        return (f"the committed `{r['command']}` took {round(r['duration_s'] / 60)} minutes on "
                f"{r['machine']['cores']} cores")


def short(name: str) -> str:
    """A contender's name as the README's tables give it."""
    names = {
        "rust similar myers": "`similar`",
        "rust imara-diff myers": "`imara-diff` (Myers)",
        "rust imara-diff histogram": "`imara-diff` (histogram)",
        "python article stand-in": "the article's tool (stand-in)",
        "python difflib": "`difflib`",
        "process GNU diff -u": "GNU `diff -u`",
        "process git diff myers": "`git diff --no-index`",
    }
    return names.get(name, LABELS.get(name, name))


FIGURES: dict[str, tuple[Callable[[Figures], str], bool]] = {
    # name: (what writes it, whether it is a block of lines)
    "speed": (Figures.speed, True),
    "mcp-transport": (Figures.mcp_transport, True),
    "bench-duration": (Figures.bench_duration, False),
    "trees": (lambda figures: trees_report.figure(figures.r), False),
}


def update(text: str, figures: Figures) -> str:
    def replace(match: re.Match) -> str:
        name = match["name"]
        if name not in FIGURES:
            raise SystemExit(f"unknown figure <!-- bench:{name} -->: known are {', '.join(FIGURES)}")
        write, block = FIGURES[name]
        body = f"\n{write(figures)}\n" if block else write(figures)
        return f"<!-- bench:{name} begin -->{body}<!-- bench:{name} end -->"

    return MARKER.sub(replace, text)


# A time or a ratio: what must not be quoted outside markers.
FIGURE = re.compile(r"(?<![\w.])\d[\d,.]*\s?(?:ns|µs|us|ms|s|seconds?|minutes?|hours?|×|x)(?![\w])")


def loose_figures(text: str) -> list[str]:
    """Lines quoting a time or a ratio outside markers and code blocks."""
    text = MARKER.sub(lambda m: "\n" * m[0].count("\n"), text)  # keeping the line numbers
    found, in_code = [], False
    for number, line in enumerate(text.splitlines(), 1):
        if line.lstrip().startswith("```"):
            in_code = not in_code
            continue
        if not in_code and FIGURE.search(re.sub(r"`[^`]*`", "", line)):
            found.append(f"{number}: {line.strip()}")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="fail if a figure is out of date; change nothing")
    parser.add_argument("--results", type=Path, default=RESULTS)
    parser.add_argument("--root", type=Path, default=ROOT)
    args = parser.parse_args()
    figures = Figures(json.loads(args.results.read_text()), "benches/results/report.md")
    stale = []
    for path in documents(args.root):
        text = path.read_text()
        new = update(text, figures)
        if new != text:
            stale.append(path)
            if not args.check:
                path.write_text(new)
    for path in stale:
        print(f"{path}: {'out of date' if args.check else 'rewritten'}")
    if args.check and stale:
        raise SystemExit("figures out of date: run benches/readme_figures.py")


if __name__ == "__main__":
    main()
