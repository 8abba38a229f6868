#!/usr/bin/env python3
"""fast-patch against GNU patch and `git apply`, as whole processes, on a
large multi-file patch: FILES files of LINES lines each, every file with
HUNKS hunks of one changed line, written by GNU diff -ruN. Each tool
applies it to a fresh copy of the tree (the copy is not timed), best of
--repeat runs; the results are checked to be byte-identical. fast-patch
syncs every file it writes (and its directory) before renaming it into
place; GNU patch and git apply sync nothing.

Usage: patch_vs_tools.py FAST_PATCH [--files N] [--lines N] [--hunks N] [--repeat R]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import tempfile
import time
from pathlib import Path


def make_tree(root: Path, files: int, lines: int, hunks: int) -> tuple[Path, Path, bytes]:
    """The old tree, the new tree, and the patch from one to the other."""
    rng = random.Random(f"{files}/{lines}/{hunks}")
    old, new = root / "old", root / "new"
    for k in range(files):
        text = [f"file {k} line {i} {rng.randrange(10**9)}\n" for i in range(lines)]
        changed = list(text)
        for h in range(hunks):
            at = (h * lines) // hunks + rng.randrange(max(lines // hunks - 6, 1)) + 3
            changed[min(at, lines - 1)] = f"changed {h} in file {k}\n"
        name = f"src/dir{k % 10}/file{k}.txt"
        for tree, body in ((old, text), (new, changed)):
            path = tree / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("".join(body))
    diff = subprocess.run(["diff", "-ruN", "old", "new"], cwd=root, capture_output=True, check=False)
    assert diff.returncode == 1, diff.stderr
    return old, new, diff.stdout


def tree_bytes(tree: Path) -> dict[str, bytes]:
    return {str(p.relative_to(tree)): p.read_bytes() for p in sorted(tree.rglob("*")) if p.is_file()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("fast_patch")
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--lines", type=int, default=10_000)
    parser.add_argument("--hunks", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="patch-vs-tools-") as scratch:
        root = Path(scratch)
        old, new, patch = make_tree(root, args.files, args.lines, args.hunks)
        (root / "p.diff").write_bytes(patch)
        want = tree_bytes(new)
        tools = {
            "fast-patch": [args.fast_patch, "-p1", "-i", str(root / "p.diff")],
            "GNU patch": ["patch", "-s", "-p1", "-i", str(root / "p.diff")],
            "git apply": ["git", "apply", "-p1", str(root / "p.diff")],
        }
        size = sum(len(t) for t in tree_bytes(old).values())
        print(
            f"{args.files} files, {args.files * args.lines:,} lines ({size / 1e6:.1f} MB); patch of "
            f"{args.files * args.hunks:,} hunks, {len(patch) / 1e6:.2f} MB; best of {args.repeat}"
        )
        for name, command in tools.items():
            times = []
            for _ in range(args.repeat):
                work = root / "work"
                shutil.rmtree(work, ignore_errors=True)
                shutil.copytree(old, work)
                os.sync()  # the copy's writes are not the tool's to flush
                start = time.perf_counter()
                done = subprocess.run(command, cwd=work, capture_output=True, check=False)
                times.append(time.perf_counter() - start)
                assert done.returncode == 0, (name, done.stdout[-500:], done.stderr[-500:])
                assert tree_bytes(work) == want, f"{name} did not give the new tree"
            print(f"{name:>10}: {min(times) * 1000:8.1f} ms  (median {sorted(times)[len(times) // 2] * 1000:.1f} ms)")


if __name__ == "__main__":
    main()
