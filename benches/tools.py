#!/usr/bin/env python3
"""Whole-process timings: fast-diff (the `fast-diff` command when given, and
fd_file_diff, a small C program over the library), GNU `diff -u` and
`git diff --no-index` (myers and histogram), each
started as a process on the same pair of files, writing the diff to
/dev/null. Each run goes through spawn_time (spawn_time.c), which times
it and reads its peak resident memory (wait4's ru_maxrss). Rounds rotate the
order of the tools; the figures are medians. Each tool first runs once
untimed (warming the page cache alike for all), writing its diff to
OUTPUTS/NAME.diff when --outputs is given, for run.py to compare.

Usage: tools.py SPAWN_TIME FD_FILE_DIFF FIXTURES_DIR FIXTURE OUT.json [--cli FAST_DIFF] [--rounds N] [--budget SECONDS]
                [--outputs DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
from pathlib import Path

# git without the user's or the system's configuration (no pager, colour,
# external diff driver or diff.algorithm setting can change what it does).
GIT_ENV = {"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_PAGER": "cat"}


def commands(file_diff: str, cli: str | None, old: str, new: str) -> dict[str, list[str]]:
    git = ["git", "--no-pager", "diff", "--no-index", "--no-color", "--no-ext-diff"]
    return {
        **({"process fast-diff command": [cli, "-u", old, new]} if cli else {}),
        "process fast-diff": [file_diff, old, new],
        "process GNU diff -u": ["diff", "-u", old, new],
        "process git diff myers": [*git, "--diff-algorithm=myers", old, new],
        "process git diff histogram": [*git, "--diff-algorithm=histogram", old, new],
    }


def spawn(spawn_time: str, argv: list[str], env: dict[str, str], output: str | None = None,
          timeout_s: int | None = None) -> tuple[float, int, str]:
    """Wall nanoseconds, peak resident kilobytes and exit status ("timeout" when killed) of one run."""
    options = [*(["-o", output] if output else []), *(["-t", str(timeout_s)] if timeout_s else [])]
    report = subprocess.run([spawn_time, *options, *argv], env=env, stderr=subprocess.PIPE, text=True, check=True).stderr
    ns, kb, status = report.split()[-3:]
    return int(ns), int(kb), status


def run_once(spawn_time: str, argv: list[str], env: dict[str, str], output: str | None = None) -> tuple[float, int]:
    """Wall nanoseconds and peak resident kilobytes of one run, which must exit 0 or 1 (same / different)."""
    ns, kb, status = spawn(spawn_time, argv, env, output)
    if status not in ("0", "1"):
        raise SystemExit(f"{' '.join(argv)} exited with {status}")
    return ns, kb


def measure(
    spawn_time: str, file_diff: str, cli: str | None, fixtures: Path, fixture: str, rounds: int, budget_s: float,
    outputs: Path | None = None,
) -> dict[str, dict[str, object]]:
    old, new = str(fixtures / f"{fixture}.old"), str(fixtures / f"{fixture}.new")
    tools = commands(file_diff, cli, old, new)
    env = {**os.environ, **GIT_ENV}
    if outputs:
        outputs.mkdir(parents=True, exist_ok=True)
    for name, argv in tools.items():
        run_once(spawn_time, argv, env, str(outputs / f"{name}.diff") if outputs else None)
    runs: dict[str, list[tuple[float, int]]] = {name: [] for name in tools}
    names = list(tools)
    first_round_ns = 0.0
    for round_ in range(rounds):
        order = names[round_ % len(names) :] + names[: round_ % len(names)]
        for name in order:
            runs[name].append(run_once(spawn_time, tools[name], env))
        if round_ == 0:
            first_round_ns = sum(r[-1][0] for r in runs.values())
        # Slow pairs (GNU diff takes many seconds on some) get fewer rounds, never under 3.
        if round_ >= 2 and first_round_ns * (round_ + 1) > budget_s * 1e9:
            break
    return {
        name: {
            "median_ns": statistics.median(t for t, _ in samples),
            "samples_ns": [t for t, _ in samples],
            "peak_rss_kb": max(kb for _, kb in samples),
            "command": " ".join(Path(a).name if a in (old, new) else a for a in tools[name]),
        }
        for name, samples in runs.items()
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("spawn_time")
    parser.add_argument("file_diff")
    parser.add_argument("fixtures", type=Path)
    parser.add_argument("fixture")
    parser.add_argument("out", type=Path)
    parser.add_argument("--cli", help="the fast-diff command, timed as `fast-diff -u OLD NEW` when given")
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--budget", type=float, default=20.0, help="seconds per fixture before rounds are cut (min 3)")
    parser.add_argument("--outputs", type=Path, help="write each tool's diff here as NAME.diff")
    args = parser.parse_args()
    result = measure(args.spawn_time, args.file_diff, args.cli, args.fixtures, args.fixture, args.rounds, args.budget,
                     args.outputs)
    args.out.write_text(json.dumps(result, indent=1) + "\n")
    for name, figures in result.items():
        print(f"{args.fixture} {name}: {figures['median_ns'] / 1e6:.2f} ms, {figures['peak_rss_kb'] / 1024:.1f} MiB")


if __name__ == "__main__":
    main()
