#!/usr/bin/env python3
"""The word diff's worst shapes (adversarial.WORD_SHAPES: single lines) timed at
n, 2n and 4n bytes a side, to show how its time and memory grow with the
input: `fast-diff --word-diff` by words and by characters, and git's word
diff (`git diff --no-index --word-diff`, by words and with
`--word-diff-regex=.`) for comparison, each as a whole process on the same
files through spawn_time, which also reads the peak resident memory.

At each size the tools take turns round by round; the figure is the
median. A run longer than the cap is stopped and the tool is not run at
the larger sizes. `make bench` runs it (run.py's word-growth hook) and the
report shows it ("Word diff growth", from report_lines below).

Usage: word_growth.py SPAWN_TIME FAST_DIFF OUT.json [--size BYTES] [--runs N] [--cap SECONDS] [--scratch DIR]
                      [--into RESULTS.json]
    --into also stores the figures in a results.json (as "word_growth",
    with when and how they were measured), for `make bench-report`.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import statistics
import tempfile
from datetime import datetime, timezone
from pathlib import Path

from adversarial import WORD_SHAPES, write
from tools import GIT_ENV, spawn


def commands(cli: str, old: str, new: str) -> dict[str, list[str]]:
    git = ["git", "--no-pager", "diff", "--no-index", "--no-color", "--no-ext-diff", "--word-diff=plain"]
    return {
        "fast-diff --word-diff": [cli, "--word-diff", old, new],
        "fast-diff --word-diff=chars": [cli, "--word-diff=chars", old, new],
        "git --word-diff": [*git, old, new],
        "git --word-diff-regex=.": [*git, "--word-diff-regex=.", old, new],
    }


def measure_shape(spawn_time: str, cli: str, shape: str, sizes: list[int], runs: int, cap_s: int,
                  scratch: Path) -> dict[str, object]:
    env = {**os.environ, **GIT_ENV}
    out_of_time: dict[str, int] = {}
    per_size = []
    for size in sizes:
        old, new = write(scratch, shape, size)
        tools = commands(cli, str(old), str(new))
        samples: dict[str, list[tuple[int, int]]] = {name: [] for name in tools if name not in out_of_time}
        cells: dict[str, dict[str, object]] = {
            name: {"skipped": f"over the {cap_s} s cap at {out_of_time[name]:,} bytes"} for name in out_of_time
        }
        for round_ in range(runs):
            names = list(samples)
            shift = round_ % len(names) if names else 0
            for name in names[shift:] + names[:shift]:
                if name in cells:
                    continue
                ns, kb, status = spawn(spawn_time, tools[name], env, os.devnull, cap_s)
                if status == "timeout":
                    out_of_time[name] = size
                    cells[name] = {"timeout_s": cap_s}
                elif status not in ("0", "1"):
                    raise SystemExit(f"{' '.join(tools[name])} exited with {status}")
                else:
                    samples[name].append((ns, kb))
        for name, taken in samples.items():
            if name not in cells and taken:
                cells[name] = {"median_ns": statistics.median(ns for ns, _ in taken),
                               "samples_ns": [ns for ns, _ in taken], "peak_rss_kb": max(kb for _, kb in taken)}
        per_size.append({"size": size, "input_bytes": old.stat().st_size + new.stat().st_size, "tools": cells})
        old.unlink()
        new.unlink()
    return {"description": " ".join((WORD_SHAPES[shape].__doc__ or "").split()), "sizes": per_size}


def measure(spawn_time: str, cli: str, n: int, runs: int, cap_s: int, scratch: Path) -> dict[str, object]:
    """Every word shape at n, 2n and 4n: what results.json keeps under "word_growth"."""
    sizes = [n, 2 * n, 4 * n]
    shapes = {shape: measure_shape(spawn_time, cli, shape, sizes, runs, cap_s, scratch) for shape in WORD_SHAPES}
    return {"n": n, "runs": runs, "cap_s": cap_s, "shapes": shapes}


def measured_when(growth: dict[str, object]) -> str:
    """When figures stored by --into were measured, apart from the rest of the run."""
    if "generated" not in growth:
        return ""
    load = growth.get("loadavg") or [0.0]
    return f", run on its own at {growth['generated']}, load average {load[0]:.1f}"  # type: ignore[index]


def report_lines(growth: dict[str, object] | None) -> list[str]:
    """The report's section on the word diff's growth (report.py's hook)."""
    if not growth:
        return ["## Word diff growth", "", "Not measured in this run (results.json has no `word_growth`).", ""]
    lines = [
        "## Word diff growth", "",
        f"The single-line shapes of benches/adversarial.py (WORD_SHAPES) at n = {growth['n']:,}, 2n and 4n bytes a "
        f"side, each tool as a whole process (benches/word_growth.py{measured_when(growth)}): median of {growth['runs']} "
        "runs taking turns; a "
        f"run over {growth['cap_s']} s is stopped and the tool not run at the larger sizes. Growth: the exponent k in "
        "time ∝ size^k from the smallest to the largest size finished (1 is linear). Memory: peak resident size "
        "at the largest size, and its ratio to the input (both sides).", "",
    ]
    for shape, data in growth["shapes"].items():  # type: ignore[attr-defined]
        sizes = data["sizes"]
        names = list(dict.fromkeys(name for entry in sizes for name in entry["tools"]))
        lines += [f"### {shape}", "", data["description"], "",
                  "| tool | " + " | ".join(f"{e['size']:,}" for e in sizes) + " | growth | peak memory | × input |",
                  "|---|" + "---:|" * len(sizes) + "---:|---:|---:|"]
        for name in names:
            cells, times, last = [], [], None
            for entry in sizes:
                cell = entry["tools"].get(name, {})
                if "median_ns" in cell:
                    cells.append(f"{cell['median_ns'] / 1e6:,.0f} ms")
                    times.append((entry["size"], cell["median_ns"]))
                    last = (cell["peak_rss_kb"] * 1024, entry["input_bytes"])
                elif "timeout_s" in cell:
                    cells.append(f"> {cell['timeout_s']} s")
                else:
                    cells.append("—")
            growth_k = ""
            if len(times) >= 2 and times[0][1] > 0:
                (s0, t0), (s1, t1) = times[0], times[-1]
                growth_k = f"{math.log(t1 / t0) / math.log(s1 / s0):.2f}"
            memory = f"{last[0] / 2**20:,.0f} MiB | {last[0] / last[1]:.1f}" if last else " | "
            lines.append(f"| {name} | " + " | ".join(cells) + f" | {growth_k} | {memory} |")
        lines.append("")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("spawn_time")
    parser.add_argument("cli", help="the fast-diff command")
    parser.add_argument("out", type=Path)
    parser.add_argument("--size", type=int, default=1_000_000, help="n: bytes per side of the smallest pair")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cap", type=int, default=20, help="seconds a run may take")
    parser.add_argument("--scratch", type=Path)
    parser.add_argument("--into", type=Path, help="a results.json to store the figures in")
    args = parser.parse_args()
    scratch = args.scratch or Path(tempfile.mkdtemp(prefix="fast-diff-words-"))
    try:
        result = measure(args.spawn_time, args.cli, args.size, args.runs, args.cap, scratch)
    finally:
        if not args.scratch:
            shutil.rmtree(scratch, ignore_errors=True)
    args.out.write_text(json.dumps(result, indent=1) + "\n")
    if args.into:
        results = json.loads(args.into.read_text())
        result["generated"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
        result["command"] = " ".join(["benches/word_growth.py", "--size", str(args.size), "--runs", str(args.runs),
                                      "--cap", str(args.cap)])
        result["loadavg"] = list(os.getloadavg())
        results["word_growth"] = result
        args.into.write_text(json.dumps(results, indent=1) + "\n")
    print("\n".join(report_lines(result)))


if __name__ == "__main__":
    main()
