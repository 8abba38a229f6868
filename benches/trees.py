#!/usr/bin/env python3
"""Directory trees as whole processes: `fast-diff -ruN` against GNU `diff
-ruN` and `git diff --no-index` (as users run it, with its rename
detection, and with --no-renames), and `fast-diff --git`, on two releases
of a real project (corpus.py fetches them once into target/corpus).

Measured as tools.py measures: each command started through spawn_time
(its wall time and peak resident memory, its output to /dev/null; its
CPU time, user and system, from the children's resource usage), one
untimed run of each first (which warms the page cache alike for all and
keeps its output to judge), then rounds in which the commands take turns,
the order rotating each round; the figures are medians, and the ratios
are of medians measured side by side in the same rounds. The 1-minute
load average is sampled every round.

Each output is judged against its reference (fast-diff -ruN against GNU
diff -ruN, fast-diff --git against git --no-renames): the same file pairs
in the same order, and how many of those pairs have other hunks (equally
valid diffs: the tests check that GNU patch and git apply recreate the new
tree from fast-diff's).

Usage: trees.py SPAWN_TIME FAST_DIFF OUT.json [--rounds N] [--budget SECONDS] [--cache DIR]
Writes {"skipped": REASON} when the releases cannot be fetched.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402
from tools import GIT_ENV, run_once  # noqa: E402

OURS = "fast-diff -ruN"
REFERENCE = {"fast-diff -ruN": "GNU diff -ruN", "fast-diff --git": "git diff --no-index --no-renames"}


def commands(cli: str, old: str, new: str) -> dict[str, list[str]]:
    git = ["git", "--no-pager", "diff", "--no-index", "--no-color", "--no-ext-diff"]
    return {
        "fast-diff -ruN": [cli, "-ruN", old, new],
        "GNU diff -ruN": ["diff", "-ruN", old, new],
        "git diff --no-index": [*git, old, new],
        "git diff --no-index --no-renames": [*git, "--no-renames", old, new],
        "fast-diff --git": [cli, "--git", old, new],
    }


# The line that begins each file pair's part of an output: GNU's `diff`
# line and one-line reports, or git's `diff --git` line.
GNU_PAIR = re.compile(rb"^(diff -ruN .*|Only in .*|Binary files .* differ|File .* is a .* while file .*)$", re.M)
GIT_PAIR = re.compile(rb"^diff --git .*$", re.M)
GIT_INDEX = re.compile(rb"^index [0-9a-f]+\.\.[0-9a-f]+( [0-7]+)?\n", re.M)


def sections(diff: bytes, git: bool = False) -> dict[bytes, bytes]:
    """Each file pair's part of a multi-file diff, by the line that begins it, in order (git's
    `index` lines, which fast-diff does not write, left out)."""
    if git:
        diff = GIT_INDEX.sub(b"", diff)
    starts = [m.start() for m in (GIT_PAIR if git else GNU_PAIR).finditer(diff)] + [len(diff)]
    return {diff[a:b].split(b"\n", 1)[0]: diff[a:b] for a, b in zip(starts, starts[1:])}


def judge(ours: bytes, reference: bytes, git: bool) -> dict[str, object]:
    mine, theirs = sections(ours, git), sections(reference, git)
    same_pairs = list(mine) == list(theirs)
    other = sum(1 for key, body in mine.items() if theirs.get(key) != body)
    verdict = "identical" if other == 0 and same_pairs else "same pairs, other hunks" if same_pairs else "other pairs"
    return {"verdict": verdict, "pairs": len(mine), "reference_pairs": len(theirs), "pairs_with_other_hunks": other,
            "bytes": len(ours), "reference_bytes": len(reference)}


def timed(spawn_time: str, argv: list[str], env: dict[str, str]) -> tuple[float, int, float]:
    """Wall nanoseconds and peak resident kilobytes (from spawn_time), and the CPU nanoseconds (user and
    system) of one run: what the waited-for children used, which spawn_time's own share barely moves."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    ns, kb = run_once(spawn_time, argv, env)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return ns, kb, cpu * 1e9


def tree_size(root: Path) -> dict[str, int]:
    files = corpus.files(root).values()
    return {"files": len(files), "bytes": sum(p.stat().st_size for p in files)}


def measure(spawn_time: str, cli: str, rounds: int, budget_s: float, cache: Path) -> dict[str, object]:
    releases = corpus.GIT
    try:
        old_dir, new_dir = corpus.trees(releases, cache)
    except corpus.CorpusUnavailable as error:
        return {"skipped": str(error)}
    # Relative names, as a user types them (they are in every header line).
    os.chdir(old_dir.parent)
    old, new = old_dir.name, new_dir.name
    tools = commands(cli, old, new)
    env = {**os.environ, **GIT_ENV, "TZ": "UTC0", "LC_ALL": "C"}
    outputs: dict[str, bytes] = {}
    with tempfile.TemporaryDirectory() as scratch:
        for name, argv in tools.items():
            path = os.path.join(scratch, "out.diff")
            run_once(spawn_time, argv, env, path)
            outputs[name] = Path(path).read_bytes()
    runs: dict[str, list[tuple[float, int, float]]] = {name: [] for name in tools}
    loads: list[float] = []
    names = list(tools)
    first_round_ns = 0.0
    for round_ in range(rounds):
        order = names[round_ % len(names):] + names[: round_ % len(names)]
        for name in order:
            runs[name].append(timed(spawn_time, tools[name], env))
        loads.append(os.getloadavg()[0])
        if round_ == 0:
            first_round_ns = sum(r[-1][0] for r in runs.values())
        if round_ >= 2 and first_round_ns * (round_ + 1) > budget_s * 1e9:
            break
    contenders = {}
    for name, samples in runs.items():
        entry: dict[str, object] = {
            "median_ns": statistics.median(t for t, _, _ in samples),
            "samples_ns": [t for t, _, _ in samples],
            "cpu_median_ns": statistics.median(c for _, _, c in samples),
            "peak_rss_kb": max(kb for _, kb, _ in samples),
            "command": " ".join(tools[name]).replace(cli, "fast-diff"),
            "output_bytes": len(outputs[name]),
        }
        if name in REFERENCE:
            entry["output"] = judge(outputs[name], outputs[REFERENCE[name]], git="--git" in name)
        contenders[name] = entry
    ours = contenders[OURS]["median_ns"]
    # Per round, fast-diff's time over each other's: the ratio measured side
    # by side, round by round.
    by_round = {name: [a[0] / b[0] for a, b in zip(runs[OURS], runs[name])] for name in tools if name != OURS}
    commit = subprocess.run(["git", "-C", str(corpus.ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip()
    return {
        "generated": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "commit": commit or "unknown",
        "pair": f"{releases[0].source} {releases[0].version} and {releases[1].version}",
        "sources": [release.url for release in releases],
        "old": tree_size(old_dir),
        "new": tree_size(new_dir),
        "changed_pairs": len(sections(outputs["GNU diff -ruN"])),
        "rounds": len(runs[OURS]),
        "contenders": contenders,
        "ratio_of_medians": {name: ours / c["median_ns"] for name, c in contenders.items() if name != OURS},
        "cpu_ratio_of_medians": {name: contenders[OURS]["cpu_median_ns"] / c["cpu_median_ns"]
                                 for name, c in contenders.items() if name != OURS},
        "median_ratio_per_round": {name: statistics.median(r) for name, r in by_round.items()},
        "load_per_round": loads,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("spawn_time")
    parser.add_argument("cli", help="the fast-diff command")
    parser.add_argument("out", type=Path)
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--budget", type=float, default=240.0, help="seconds before rounds are cut (min 3 rounds)")
    parser.add_argument("--cache", type=Path, default=corpus.CACHE)
    args = parser.parse_args()
    spawn_time, cli, out = (os.path.abspath(p) for p in (args.spawn_time, args.cli, args.out))
    result = measure(spawn_time, cli, args.rounds, args.budget, args.cache.resolve())
    Path(out).write_text(json.dumps(result, indent=1) + "\n")
    if "skipped" in result:
        print(f"trees: skipped: {result['skipped']}")
        return
    for name, figures in result["contenders"].items():
        judged = figures.get("output", {}).get("verdict", "")
        print(f"{name}: {figures['median_ns'] / 1e6:.0f} ms (CPU {figures['cpu_median_ns'] / 1e6:.0f} ms), "
              f"{figures['peak_rss_kb'] / 1024:.1f} MiB {judged}")
    for name, r in result["median_ratio_per_round"].items():
        print(f"fast-diff -ruN / {name}: {r:.2f} (median of per-round ratios)")


if __name__ == "__main__":
    main()
