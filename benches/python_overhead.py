#!/usr/bin/env python3
"""The Python binding's cost over the raw C call, measured side by side.

For each fixture pair, times fd_unified_diff called from C (c_call.c) and
fast_diff.unified_diff called from Python, with str and with bytes inputs,
in the same run: `number` calls per repeat, the median of the repeats'
per-call means. Usage: python_overhead.py C_CALL_BINARY FIXTURES_DIR
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import timeit
from pathlib import Path

import fast_diff

# fixture, calls per repeat, repeats
PLAN = [("tiny_100b", 200_000, 9), ("prose_10m", 3, 7)]


def c_call_ns(binary: str, old: Path, new: Path, number: int, repeats: int) -> float:
    output = subprocess.run([binary, str(old), str(new), str(number), str(repeats)], check=True, capture_output=True, text=True)
    return statistics.median(float(line) for line in output.stdout.split())


def python_ns(old: object, new: object, number: int, repeats: int) -> float:
    timer = timeit.Timer(lambda: fast_diff.unified_diff(old, new))  # type: ignore[call-overload]
    return statistics.median(t / number * 1e9 for t in timer.repeat(repeat=repeats, number=number))


def show(ns: float) -> str:
    return f"{ns / 1e6:.2f} ms" if ns >= 1e6 else f"{ns / 1e3:.3f} us"


def main(binary: str, fixtures: Path) -> None:
    print(f"fast_diff {fast_diff.__version__}, Python {sys.version.split()[0]}; medians of per-call means")
    for name, number, repeats in PLAN:
        old_path, new_path = fixtures / f"{name}.old", fixtures / f"{name}.new"
        old_bytes, new_bytes = old_path.read_bytes(), new_path.read_bytes()
        old_str, new_str = old_bytes.decode(), new_bytes.decode()
        c = c_call_ns(binary, old_path, new_path, number, repeats)
        for kind, old, new in (("bytes", old_bytes, new_bytes), ("str", old_str, new_str)):
            py = python_ns(old, new, number, repeats)
            print(
                f"{name:>10} ({len(old_bytes):,} + {len(new_bytes):,} bytes) {kind:>5}: C {show(c)}, "
                f"Python {show(py)}, overhead {show(py - c)} ({(py - c) / c:+.1%})"
            )


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))
