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
from pathlib import Path

import article_standin
import pyperf

import fast_diff
from outputs import read_fixture
from python_overhead import bare_cffi


def forward_options(cmd: list[str], args) -> None:
    """pyperf starts worker processes with these (its own options are forwarded by pyperf)."""
    cmd.extend(["--fixtures-dir", args.fixtures_dir, "--fixture", args.fixture])
    if args.references:
        cmd.append("--references")


def difflib_unified(old: str, new: str) -> str:
    return "".join(difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True), "original", "modified"))


def each_pair(diff, pairs) -> list:
    return [diff(old, new) for old, new in pairs]


def contenders(pairs: list[tuple[bytes, bytes]], references: bool, fixture: str) -> dict[str, tuple]:
    """What is timed, by name: (function, arguments), every input already in
    the form the function takes (conversions are outside the timing for all).
    `pairs` is the fixture's one pair, or small_pairs' many."""
    text_pairs = [(old.decode(), new.decode()) for old, new in pairs]
    if fixture == "small_pairs":
        if references:
            return {"python difflib": (each_pair, (difflib_unified, text_pairs)),
                    "python article stand-in": (each_pair, (article_standin.unified_diff, text_pairs))}
        return {"python bytes": (each_pair, (fast_diff.unified_diff, pairs)),
                "python str": (each_pair, (fast_diff.unified_diff, text_pairs))}
    (old_bytes, new_bytes), (old_str, new_str) = pairs[0], text_pairs[0]
    if references:
        return {"python difflib": (difflib_unified, (old_str, new_str)),
                "python article stand-in": (article_standin.unified_diff, (old_str, new_str))}
    timed = {"python bytes": (fast_diff.unified_diff, (old_bytes, new_bytes)),
             "python str": (fast_diff.unified_diff, (old_str, new_str))}
    if fixture == "tiny_100b":
        timed["python bare cffi"] = (bare_cffi(old_bytes, new_bytes), ())
    return timed


def main() -> None:
    runner = pyperf.Runner(add_cmdline_args=forward_options)
    runner.argparser.add_argument("--fixtures-dir", required=True)
    runner.argparser.add_argument("--fixture", required=True)
    runner.argparser.add_argument("--references", action="store_true", help="time difflib and the article stand-in instead")
    args = runner.parse_args()
    runner.metadata["fast_diff_version"] = fast_diff.__version__

    directory, name = Path(args.fixtures_dir), args.fixture
    texts = read_fixture(directory, name)
    pairs = texts if isinstance(texts, list) else [texts]
    for label, (function, arguments) in contenders(pairs, args.references, name).items():
        runner.bench_func(f"{name}/{label}", function, *arguments)


if __name__ == "__main__":
    main()
