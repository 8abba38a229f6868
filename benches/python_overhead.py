#!/usr/bin/env python3
"""The Python binding's cost over the raw C call, measured side by side in
one process.

For each fixture pair, repeat after repeat, in an order that rotates from
one repeat to the next so that the machine's load and any drift weigh on
all alike, it times `number` calls of:
- C: fd_unified_diff and fd_free from a C loop (c_loop.c, loaded into this
  process with ctypes and calling the binding's own functions);
- cffi: the bare cffi call from Python (the floor of any cffi binding);
- bytes, str: fast_diff.unified_diff with bytes and with str inputs.
Every contender makes one untimed round first. The figures are medians of
the repeats' per-call means; the overheads are medians over the repeats of
each repeat's Python time against the C time of the same repeat (paired,
so that a burst of load in one repeat does not count against one side).
Usage:
    python_overhead.py C_LOOP_LIBRARY FIXTURES_DIR [--quick] [--json OUT]
--json also writes the figures (nanoseconds) for run.py's report; --quick
makes fewer calls.
"""

from __future__ import annotations

import argparse
import ctypes
import json
import statistics
import sys
import timeit
from collections.abc import Callable
from pathlib import Path

import fast_diff
from fast_diff._native import ffi, lib

# fixture, calls per repeat, repeats
# (tens of milliseconds per repeat and side on the large pairs)
PLAN = [("tiny_100b", 20_000, 25), ("prose_10m", 15, 15), ("log_10m", 3, 15), ("identical_10m", 40, 15)]
QUICK_PLAN = [("tiny_100b", 10_000, 9), ("prose_10m", 10, 7)]


def c_loop(library: str, old: bytes, new: bytes) -> Callable[[int], float]:
    """Nanoseconds per call of `number` calls from the C loop, on the binding's own fd_unified_diff."""
    loop = ctypes.CDLL(library).c_loop_ns
    loop.restype = ctypes.c_double
    loop.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p,
                     ctypes.c_size_t, ctypes.c_long]
    address = {name: int(ffi.cast("uintptr_t", ffi.addressof(lib, name))) for name in ("fd_unified_diff", "fd_free")}

    def timed(number: int) -> float:
        ns = loop(address["fd_unified_diff"], address["fd_free"], old, len(old), new, len(new), number)
        if ns < 0:
            raise SystemExit("c_loop_ns: fd_unified_diff failed")
        return ns

    return timed


def python_loop(call: Callable[[], object]) -> Callable[[int], float]:
    return lambda number: timeit.timeit(call, number=number) / number * 1e9


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


def main(library: str, fixtures: Path, plan: list[tuple[str, int, int]]) -> dict[str, dict[str, object]]:
    print(f"fast_diff {fast_diff.__version__}, Python {sys.version.split()[0]}: median per call")
    results: dict[str, dict[str, object]] = {}
    for name, number, repeats in plan:
        old_bytes, new_bytes = (fixtures / f"{name}.old").read_bytes(), (fixtures / f"{name}.new").read_bytes()
        old_str, new_str = old_bytes.decode(), new_bytes.decode()
        loops = {
            "C": c_loop(library, old_bytes, new_bytes),
            "cffi": python_loop(bare_cffi(old_bytes, new_bytes)),
            "bytes": python_loop(lambda: fast_diff.unified_diff(old_bytes, new_bytes)),
            "str": python_loop(lambda: fast_diff.unified_diff(old_str, new_str)),
        }
        kinds = list(loops)
        for loop in loops.values():
            loop(number)  # warm-up, the same for every side
        times: dict[str, list[float]] = {kind: [] for kind in kinds}
        for repeat in range(repeats):
            for kind in kinds[repeat % len(kinds) :] + kinds[: repeat % len(kinds)]:
                times[kind].append(loops[kind](number))
        python = kinds[1:]
        c = statistics.median(times["C"])
        print(f"{name} ({len(old_bytes):,} + {len(new_bytes):,} bytes, {repeats} x {number} calls): C {show(c)}")
        results[name] = {
            "calls_per_repeat": number,
            "repeats": repeats,
            "baseline": "c_loop.c in this process",
            "median_ns": {kind: statistics.median(values) for kind, values in times.items()},
            "paired_extra_ns": {kind: statistics.median(t - c for t, c in zip(times[kind], times["C"])) for kind in python},
            "paired_ratio": {kind: statistics.median(t / c for t, c in zip(times[kind], times["C"])) for kind in python},
            "samples_ns": times,
        }
        for kind in python:
            extra, ratio = results[name]["paired_extra_ns"][kind], results[name]["paired_ratio"][kind]
            print(f"  {kind:>5}: {show(statistics.median(times[kind]))}; paired with C: {show(extra)} over C ({ratio - 1:+.1%})")
    return results


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("c_loop", help="the shared library built from benches/c_loop.c")
    parser.add_argument("fixtures", type=Path)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    figures = main(args.c_loop, args.fixtures, QUICK_PLAN if args.quick else PLAN)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1) + "\n")
