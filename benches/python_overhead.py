#!/usr/bin/env python3
"""The Python binding's cost over the raw C call, measured side by side.

For each fixture pair it times, alternating repeat by repeat so that the
machine's load weighs on all alike:
- C: fd_unified_diff called from a C loop (c_call.c);
- cffi: the bare cffi call from Python (the floor of any cffi binding);
- fast_diff.unified_diff with bytes and with str inputs.
Each repeat makes `number` calls; the figures are medians of the repeats'
per-call means, and the overheads are medians over the repeats of each
repeat's Python time against the C time of the same repeat (paired, so that
a burst of load in one repeat does not count against one side). Usage:
    python_overhead.py C_CALL_BINARY FIXTURES_DIR [--quick] [--json OUT]
--json also writes the figures (nanoseconds) for run.py's report; --quick
makes fewer calls.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import timeit
from collections.abc import Callable
from pathlib import Path

import fast_diff
from fast_diff._native import ffi, lib

# fixture, calls per repeat, repeats
# (tens of milliseconds per repeat and side on the large pairs)
PLAN = [("tiny_100b", 100_000, 15), ("prose_10m", 15, 11), ("log_10m", 3, 11), ("identical_10m", 40, 11)]
QUICK_PLAN = [("tiny_100b", 30_000, 7), ("prose_10m", 10, 5)]


def c_call_ns(binary: str, old: Path, new: Path, number: int) -> float:
    output = subprocess.run([binary, str(old), str(new), str(number), "1"], check=True, capture_output=True, text=True)
    return float(output.stdout)


def python_ns(call: Callable[[], object], number: int) -> float:
    return timeit.timeit(call, number=number) / number * 1e9


def bare_cffi(old: bytes, new: bytes) -> Callable[[], object]:
    def call() -> bytes:
        out = ffi.new("fd_buf *")
        lib.fd_unified_diff(old, len(old), new, len(new), ffi.NULL, out)
        result = ffi.buffer(out.ptr, out.len)[:]
        lib.fd_free(out)
        return result

    return call


def show(ns: float) -> str:
    return f"{ns / 1e6:.2f} ms" if ns >= 1e6 else f"{ns / 1e3:.2f} us"


def main(binary: str, fixtures: Path, plan: list[tuple[str, int, int]]) -> dict[str, dict[str, object]]:
    print(f"fast_diff {fast_diff.__version__}, Python {sys.version.split()[0]}: median per call")
    results: dict[str, dict[str, object]] = {}
    for name, number, repeats in plan:
        old_path, new_path = fixtures / f"{name}.old", fixtures / f"{name}.new"
        old_bytes, new_bytes = old_path.read_bytes(), new_path.read_bytes()
        old_str, new_str = old_bytes.decode(), new_bytes.decode()
        calls = {
            "cffi": bare_cffi(old_bytes, new_bytes),
            "bytes": lambda: fast_diff.unified_diff(old_bytes, new_bytes),
            "str": lambda: fast_diff.unified_diff(old_str, new_str),
        }
        times: dict[str, list[float]] = {"C": [], **{kind: [] for kind in calls}}
        for _ in range(repeats):
            times["C"].append(c_call_ns(binary, old_path, new_path, number))
            for kind, call in calls.items():
                times[kind].append(python_ns(call, number))
        c = statistics.median(times["C"])
        print(f"{name} ({len(old_bytes):,} + {len(new_bytes):,} bytes, {repeats} x {number} calls): C {show(c)}")
        for kind in calls:
            t = statistics.median(times[kind])
            extra = statistics.median(p - q for p, q in zip(times[kind], times["C"]))
            ratio = statistics.median(p / q for p, q in zip(times[kind], times["C"]))
            print(f"  {kind:>5}: {show(t)}; paired with C: {show(extra)} over C ({ratio - 1:+.1%})")
        results[name] = {
            "calls_per_repeat": number,
            "repeats": repeats,
            "median_ns": {kind: statistics.median(values) for kind, values in times.items()},
            "paired_extra_ns": {kind: statistics.median(t - c for t, c in zip(times[kind], times["C"])) for kind in calls},
            "paired_ratio": {kind: statistics.median(t / c for t, c in zip(times[kind], times["C"])) for kind in calls},
            "samples_ns": times,
        }
    return results


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("c_call")
    parser.add_argument("fixtures", type=Path)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    figures = main(args.c_call, args.fixtures, QUICK_PLAN if args.quick else PLAN)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1) + "\n")
