#!/usr/bin/env python3
"""The worst-case shapes (adversarial.py) timed at n, 2n and 4n bytes per
side, to show how the time grows with the input: fast-diff with each
algorithm and with a deadline, and GNU `diff -u` and `git diff --no-index`
for comparison, each as a whole process on the same files (through
spawn_time, which also reads the peak resident memory).

At each size the tools take turns round by round, in an order that
rotates; the figure is the median of the rounds. A run longer than the cap
is killed and the tool is not run at the larger sizes; a tool whose first
run takes more than a third of the cap runs only once at that size. The
first run of each tool writes its diff, which is compared with fast-diff's
Myers diff (outputs.py): identical, equivalent (a correct diff all the
same) or different.

Usage: worst_cases.py SPAWN_TIME FAST_DIFF OUT.json [--size BYTES] [--runs N] [--cap SECONDS] [--scratch DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import tempfile
from pathlib import Path

from adversarial import SHAPES, write
from outputs import judge
from tools import GIT_ENV, spawn

REFERENCE = "fast-diff myers"
DEADLINE_MS = 1


def commands(cli: str, old: str, new: str) -> dict[str, list[str]]:
    git = ["git", "--no-pager", "diff", "--no-index", "--no-color", "--no-ext-diff"]
    return {
        "fast-diff myers": [cli, "-u", "--algorithm=myers", old, new],
        "fast-diff histogram": [cli, "-u", "--algorithm=histogram", old, new],
        "fast-diff patience": [cli, "-u", "--algorithm=patience", old, new],
        f"fast-diff myers, deadline {DEADLINE_MS} ms": [cli, "-u", f"--deadline-ms={DEADLINE_MS}", old, new],
        "GNU diff -u": ["diff", "-u", old, new],
        "git diff myers": [*git, "--diff-algorithm=myers", old, new],
        "git diff histogram": [*git, "--diff-algorithm=histogram", old, new],
    }


def measure_shape(spawn_time: str, cli: str, shape: str, sizes: list[int], runs: int, cap_s: int,
                  scratch: Path) -> dict[str, object]:
    env = {**os.environ, **GIT_ENV}
    out_of_time: dict[str, int] = {}  # tool: the size at which it passed the cap
    per_size = []
    for size in sizes:
        old_path, new_path = write(scratch, shape, size)
        tools = commands(cli, str(old_path), str(new_path))
        cells: dict[str, dict[str, object]] = {}
        samples: dict[str, list[tuple[int, int]]] = {}
        outputs: dict[str, Path] = {}
        for name, argv in tools.items():
            if name in out_of_time:
                cells[name] = {"skipped": f"over the {cap_s} s cap at {out_of_time[name]:,} bytes"}
                continue
            outputs[name] = scratch / f"{shape}_{size}_{name.replace(' ', '_').replace(',', '')}.diff"
            ns, kb, status = spawn(spawn_time, argv, env, str(outputs[name]), cap_s)
            if status == "timeout":
                out_of_time[name] = size
                cells[name] = {"timeout_s": cap_s}
                del outputs[name]
            elif status not in ("0", "1"):
                raise SystemExit(f"{' '.join(argv)} exited with {status}")
            else:
                samples[name] = [(ns, kb)]
        # More rounds for the tools that fit, in a rotating order.
        again = [name for name, s in samples.items() if s[0][0] * 3 <= cap_s * 1e9]
        for round_ in range(1, runs):
            shift = round_ % len(again) if again else 0
            for name in again[shift:] + again[:shift]:
                ns, kb, status = spawn(spawn_time, tools[name], env, None, cap_s)
                if status in ("0", "1"):
                    samples[name].append((ns, kb))
        old, new = old_path.read_bytes(), new_path.read_bytes()
        reference = outputs[REFERENCE].read_bytes() if REFERENCE in outputs else None
        for name, runs_ in samples.items():
            cells[name] = {
                "median_ns": statistics.median(ns for ns, _ in runs_),
                "samples_ns": [ns for ns, _ in runs_],
                "peak_rss_kb": max(kb for _, kb in runs_),
            }
            if reference is not None:
                cells[name]["output"] = judge(old, new, reference, outputs[name].read_bytes())
        for path in outputs.values():
            path.unlink(missing_ok=True)
        per_size.append({"size": size, "input_bytes": len(old) + len(new), "tools": cells})
        old_path.unlink()
        new_path.unlink()
    return {"description": (SHAPES[shape].__doc__ or "").strip(), "sizes": per_size}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("spawn_time")
    parser.add_argument("cli", help="the fast-diff command")
    parser.add_argument("out", type=Path)
    parser.add_argument("--size", type=int, default=1_000_000, help="n: bytes per side of the smallest pair")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cap", type=int, default=10, help="seconds a run may take")
    parser.add_argument("--scratch", type=Path)
    args = parser.parse_args()
    scratch = args.scratch or Path(tempfile.mkdtemp(prefix="fast-diff-worst-"))
    sizes = [args.size, 2 * args.size, 4 * args.size]
    result = {"n": args.size, "runs": args.runs, "cap_s": args.cap, "deadline_ms": DEADLINE_MS, "reference": REFERENCE,
              "shapes": {}}
    try:
        for shape in SHAPES:
            result["shapes"][shape] = measure_shape(args.spawn_time, args.cli, shape, sizes, args.runs, args.cap, scratch)
            for entry in result["shapes"][shape]["sizes"]:
                cells = ", ".join(f"{name} {c['median_ns'] / 1e6:.0f} ms" if "median_ns" in c else f"{name} -"
                                  for name, c in entry["tools"].items())
                print(f"{shape} {entry['size']:,}: {cells}", flush=True)
    finally:
        if not args.scratch:
            shutil.rmtree(scratch, ignore_errors=True)
    args.out.write_text(json.dumps(result, indent=1) + "\n")


if __name__ == "__main__":
    main()
