#!/usr/bin/env python3
"""The worst-case inputs found for patch application and the patch readers,
at any size, and their times at n, 2n and 4n: hunks that fail on a text
where every place almost matches (the closest-candidate search and the
failure report), hunks that fit everywhere (the ambiguity check), bare `@@`
hunks, fuzz, and the same for SEARCH/REPLACE blocks, the `*** Begin Patch`
envelope and replacement lists, and the readers of each on large patches.
Deterministic. Timed through the Python binding (the engine's time plus a
constant per call), the best of `--repeat` runs.

Usage: patch_adversarial.py [--scale N] [--repeat R] [--json OUT]
    prints a table: each shape's seconds at n, 2n and 4n and the ratio of
    the 4n time to the n time (about 4 when linear, 16 when quadratic)
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import fast_diff

Case = Callable[[], object]


def _failing(apply: Callable[[], object]) -> object:
    try:
        return apply()
    except fast_diff.PatchError as error:
        return error


def failing_hunks(n: int, **options: Any) -> Case:
    """The failing-hunks shape: 25n lines all alike, n hunks whose removed line is nowhere."""
    text = "x\n" * (25 * n)
    patch = "--- a\n+++ b\n" + "".join(f"@@ -{i * 10 + 1},3 +{i * 10 + 1},3 @@\n x\n-q{i}\n+r\n x\n" for i in range(n))
    return lambda: _failing(lambda: fast_diff.apply_patch(text, patch, **options))


def near_misses(n: int) -> Case:
    """A text where every window matches a long hunk but for its last line, and n/50 such hunks."""
    text = "a\n" * (25 * n)
    hunk = " a\n" * 30 + "-b\n+c\n"
    patch = "--- a\n+++ b\n" + "".join(f"@@ -{i * 40 + 1},31 +{i * 40 + 1},31 @@\n{hunk}" for i in range(max(n // 50, 1)))
    return lambda: _failing(lambda: fast_diff.apply_patch(text, patch))


def bare_everywhere(n: int) -> Case:
    """Bare `@@` hunks whose lines are at every place of the text: ambiguous, the places listed."""
    text = "a\nb\n" * (12 * n)
    patch = "--- a\n+++ b\n" + "@@\n a\n-b\n+c\n" * max(n // 50, 1)
    return lambda: _failing(lambda: fast_diff.apply_patch(text, patch))


def fuzzed_failures(n: int) -> Case:
    """Failing hunks with fuzz 2 and the lenient rungs, on lines that differ only in indentation."""
    text = "".join(f"    line {i % 7}\n" for i in range(25 * n))
    patch = "--- a\n+++ b\n" + "".join(
        f"@@ -{i * 10 + 1},5 +{i * 10 + 1},5 @@\n p\n q\n-nowhere {i}\n+r\n s\n t\n" for i in range(n)
    )
    return lambda: _failing(lambda: fast_diff.apply_patch(text, patch, fuzz=2))


def search_replace_misses(n: int) -> Case:
    """SEARCH blocks of many lines that almost match everywhere, n/50 of them."""
    text = "a\n" * (25 * n)
    block = "f.txt\n<<<<<<< SEARCH\n" + "a\n" * 30 + "b\n=======\nc\n>>>>>>> REPLACE\n"
    patch = block * max(n // 50, 1)
    return lambda: _failing(lambda: fast_diff.apply_edits({"f.txt": text}, patch))


def replacement_overlaps(n: int) -> Case:
    """A replacement whose old text occurs, overlapping, at every byte of a long line."""
    text = "a" * (50 * n) + "\n"
    edits = [{"path": "f.txt", "old_text": "a" * 40, "new_text": "b"}]
    return lambda: _failing(lambda: fast_diff.apply_edits({"f.txt": text}, edits))


def envelope_misses(n: int) -> Case:
    """An envelope with n/10 `@@` anchors that are nowhere in the file."""
    text = "x\n" * (25 * n)
    body = "".join(f"@@ def nowhere_{i}\n x\n-q{i}\n+r\n" for i in range(max(n // 10, 1)))
    patch = f"*** Begin Patch\n*** Update File: f.txt\n{body}*** End Patch\n"
    return lambda: _failing(lambda: fast_diff.apply_edits({"f.txt": text}, patch))


def parse_many_files(n: int) -> Case:
    """Reading a unified diff of n files of one hunk each (parse_edits)."""
    patch = "".join(f"--- a/f{i}\n+++ b/f{i}\n@@ -1,3 +1,3 @@\n x\n-y\n+z\n x\n" for i in range(n))
    return lambda: fast_diff.parse_edits(patch)


def parse_one_huge_hunk(n: int) -> Case:
    """Reading one bare `@@` hunk of 50n lines (parse_patch, recounted)."""
    patch = "--- a\n+++ b\n@@\n" + " x\n-y\n+z\n" * (16 * n)
    return lambda: fast_diff.parse_patch(patch, recount=True)


def parse_blocks(n: int) -> Case:
    """Reading n SEARCH/REPLACE blocks."""
    patch = "".join(f"f{i}.txt\n<<<<<<< SEARCH\nold {i}\n=======\nnew {i}\n>>>>>>> REPLACE\n" for i in range(n))
    return lambda: fast_diff.parse_edits(patch)


SHAPES: dict[str, Callable[[int], Case]] = {
    "failing_hunks": failing_hunks,
    "failing_hunks_max_offset_0": lambda n: failing_hunks(n, max_offset=0),
    "near_misses": near_misses,
    "bare_everywhere": bare_everywhere,
    "fuzzed_failures": fuzzed_failures,
    "search_replace_misses": search_replace_misses,
    "replacement_overlaps": replacement_overlaps,
    "envelope_misses": envelope_misses,
    "parse_many_files": parse_many_files,
    "parse_one_huge_hunk": parse_one_huge_hunk,
    "parse_blocks": parse_blocks,
}


def best(case: Case, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        case()
        times.append(time.perf_counter() - start)
    return min(times)


def measure(scale: int, repeat: int) -> list[dict[str, object]]:
    """Each shape's best time at scale, 2 x scale and 4 x scale."""
    rows = []
    for name, shape in SHAPES.items():
        sizes = [scale, 2 * scale, 4 * scale]
        seconds = [best(shape(size), repeat) for size in sizes]
        rows.append({"shape": name, "sizes": sizes, "seconds": seconds, "growth": seconds[2] / max(seconds[0], 1e-9)})
    return rows


def table(rows: list[dict[str, object]]) -> str:
    lines = ["| shape | n | s at n | s at 2n | s at 4n | 4n / n |", "|---|---:|---:|---:|---:|---:|"]
    for row in rows:
        seconds: list[float] = row["seconds"]  # type: ignore[assignment]
        sizes: list[int] = row["sizes"]  # type: ignore[assignment]
        shown = " | ".join(f"{s:.4f}" for s in seconds)
        lines.append(f"| {row['shape']} | {sizes[0]:,} | {shown} | {row['growth']:.1f} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=int, default=2000, help="n: hunks (blocks, files) of the smallest size")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path, help="also write the rows here")
    args = parser.parse_args()
    rows = measure(args.scale, args.repeat)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1) + "\n")
    print(table(rows))


if __name__ == "__main__":
    main()
