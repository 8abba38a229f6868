#!/usr/bin/env python3
"""The Python binding's cost over the raw C call, measured side by side.

For each fixture pair it times, alternating repeat by repeat so that the
machine's load weighs on all alike:
- C: fd_unified_diff called from a C loop (c_call.c);
- cffi: the bare cffi call from Python (the floor of any cffi binding);
- fast_diff.unified_diff with bytes and with str inputs.
Each repeat makes `number` calls; the figures are medians of the repeats'
per-call means. Usage: python_overhead.py C_CALL_BINARY FIXTURES_DIR
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import timeit
from collections.abc import Callable
from pathlib import Path

import fast_diff
from fast_diff._native import ffi, lib

# fixture, calls per repeat, repeats
PLAN = [("tiny_100b", 100_000, 15), ("prose_10m", 3, 11)]


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


def main(binary: str, fixtures: Path) -> None:
    print(f"fast_diff {fast_diff.__version__}, Python {sys.version.split()[0]}: median per call")
    for name, number, repeats in PLAN:
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
            print(f"  {kind:>5}: {show(t)}, {show(t - c)} over C ({(t - c) / c:+.1%})")


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))
