#!/usr/bin/env python3
"""Python's side of `make bench`, with pyperf: on one fixture pair,
fast_diff.unified_diff on bytes and on str, the way a Python program would
call it, and on the tiny pair also the bare cffi call, the floor of any cffi
binding; or, with --references, the references on str: difflib.unified_diff
and the article's Rust tool (the PyO3 stand-in around similar, in
benches/article_standin), slower, so run.py times them with fewer processes.

run.py runs it once per fixture, between the other languages' runs:
    python_bench.py --fixtures-dir benches/data --fixture prose_10m [--references] -o out.json [pyperf options]
Without -o, pyperf prints its usual summary.
"""

from __future__ import annotations

import difflib
import struct
from pathlib import Path

import article_standin
import pyperf

import fast_diff
from python_overhead import bare_cffi


def forward_options(cmd: list[str], args) -> None:
    """pyperf starts worker processes with these (its own options are forwarded by pyperf)."""
    cmd.extend(["--fixtures-dir", args.fixtures_dir, "--fixture", args.fixture])
    if args.references:
        cmd.append("--references")


def difflib_unified(old: str, new: str) -> str:
    return "".join(difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True), "original", "modified"))


def read_pairs(path: Path) -> list[tuple[bytes, bytes]]:
    """small_pairs.bin: (u32 little-endian length, bytes) old, then new, repeated."""
    data, at, texts = path.read_bytes(), 0, []
    while at < len(data):
        (size,) = struct.unpack_from("<I", data, at)
        texts.append(data[at + 4 : at + 4 + size])
        at += 4 + size
    return list(zip(texts[0::2], texts[1::2]))


def each_pair(diff, pairs) -> None:
    for old, new in pairs:
        diff(old, new)


def main() -> None:
    runner = pyperf.Runner(add_cmdline_args=forward_options)
    runner.argparser.add_argument("--fixtures-dir", required=True)
    runner.argparser.add_argument("--fixture", required=True)
    runner.argparser.add_argument("--references", action="store_true", help="time difflib and the article stand-in instead")
    args = runner.parse_args()
    runner.metadata["fast_diff_version"] = fast_diff.__version__

    directory, name = Path(args.fixtures_dir), args.fixture
    if name == "small_pairs":
        pairs = read_pairs(directory / "small_pairs.bin")
        text_pairs = [(old.decode(), new.decode()) for old, new in pairs]
        if args.references:
            runner.bench_func(f"{name}/python difflib", each_pair, difflib_unified, text_pairs)
            runner.bench_func(f"{name}/python article stand-in", each_pair, article_standin.unified_diff, text_pairs)
        else:
            runner.bench_func(f"{name}/python bytes", each_pair, fast_diff.unified_diff, pairs)
            runner.bench_func(f"{name}/python str", each_pair, fast_diff.unified_diff, text_pairs)
        return
    old_bytes = (directory / f"{name}.old").read_bytes()
    new_bytes = (directory / f"{name}.new").read_bytes()
    old_str, new_str = old_bytes.decode(), new_bytes.decode()

    if args.references:
        runner.bench_func(f"{name}/python difflib", difflib_unified, old_str, new_str)
        runner.bench_func(f"{name}/python article stand-in", article_standin.unified_diff, old_str, new_str)
        return
    assert bool(fast_diff.unified_diff(old_bytes, new_bytes)) == (old_bytes != new_bytes)
    runner.bench_func(f"{name}/python bytes", fast_diff.unified_diff, old_bytes, new_bytes)
    runner.bench_func(f"{name}/python str", fast_diff.unified_diff, old_str, new_str)
    if name == "tiny_100b":
        cffi_call = bare_cffi(old_bytes, new_bytes)
        assert cffi_call() == fast_diff.unified_diff(old_bytes, new_bytes)
        runner.bench_func(f"{name}/python bare cffi", cffi_call)


if __name__ == "__main__":
    main()
