"""Checked by mypy --strict in test_typing.py (not collected by pytest): the
overloads give str for str and bytes for bytes-like inputs, and the option
keywords, declared once as TypedDicts, are checked by name and type, written
out or unpacked from a dict of that TypedDict."""

from __future__ import annotations

import mmap
from typing import Any

from typing_extensions import assert_type

import fast_diff
from fast_diff import (
    Algorithm,
    Applied,
    DiffError,
    DiffOptions,
    DiffStats,
    EditFormat,
    EditOptions,
    EditOutcome,
    EditResult,
    Granularity,
    Hunk,
    HunkOutcome,
    HunkReport,
    LineKind,
    PatchAmbiguousError,
    PatchHunkFailedError,
    PatchOptions,
    PatchReport,
    SpanKind,
    UnifiedDiffBytesOptions,
    UnifiedDiffOptions,
    WordDiff,
    apply_edits,
    apply_patch,
    diff_hunks,
    diff_stats,
    parse_edits,
    parse_patch,
    unified_diff,
    unified_diff_many,
    unified_diff_stats,
    word_diff,
)


def uses(m: mmap.mmap) -> None:
    assert_type(unified_diff("a", "b"), str)
    assert_type(unified_diff(b"a", b"b"), bytes)
    assert_type(unified_diff(bytearray(b"a"), memoryview(b"b")), bytes)
    assert_type(unified_diff(m, m, old_label=b"x", new_label="y"), bytes)
    assert_type(unified_diff("a", "b", context_lines=0, algorithm=Algorithm.PATIENCE, deadline_ms=50), str)
    assert_type(unified_diff("a", "b", algorithm="histogram"), str)
    assert_type(fast_diff.__version__, str)
    try:
        pass
    except DiffError as error:
        assert_type(error.status, int)
        assert_type(error.message, str)


def patches(m: mmap.mmap) -> None:
    applied = apply_patch("a\n", "")
    assert_type(applied.text, str)
    assert_type(applied.report, PatchReport[str])
    assert_type(applied.report.hunks[0].hunk, str)
    assert_type(applied.report.hunks[0].line, int | None)
    assert_type(applied.report.hunks[0].outcome, HunkOutcome)
    assert_type(applied.report.files[0].path, str | None)
    assert_type(apply_patch(b"a\n", bytearray(), fuzz=1, max_offset=None, reverse=True).text, bytes)
    assert_type(apply_patch(m, m).report.files[0].patch, bytes)
    assert_type(parse_patch("").files[0].patch, str)
    assert_type(parse_patch(b"", recount=True).hunks[0].hunk, bytes)
    try:
        pass
    except PatchHunkFailedError as error:
        assert_type(error.failed[0].candidate_line, int | None)


def edits(m: mmap.mmap) -> None:
    result = apply_edits({"a.py": "x\n"}, "*** Begin Patch\n*** End Patch\n", format="envelope", strict=True)
    assert_type(result, EditResult[str, str])
    assert_type(result.files["a.py"], str | None)
    assert_type(result.reports["a.py"].outcome, EditOutcome)
    assert_type(result.format, EditFormat)
    assert_type(apply_edits({b"a": b"x"}, m, strip=1).files[b"a"], bytes | None)
    assert_type(apply_edits({"a": bytearray(b"x")}, b"").files["a"], bytes | None)
    assert_type(apply_edits({"a": "x"}, [{"path": "a", "old_text": "x", "new_text": "y"}]), EditResult[str, str])
    assert_type(parse_edits("").files[0].hunks[0].hunk, Any)
    options: EditOptions = {"format": EditFormat.UNIFIED, "fuzz": 1, "reverse": True}
    assert_type(apply_edits({"a": "x"}, "", **options), EditResult[str, str])
    try:
        pass
    except PatchAmbiguousError as error:
        assert_type(error.failures[0].hunk, HunkReport[Any] | None)
        assert_type(error.failed[0].places, tuple[int, ...])


def misuses_of_edits() -> None:
    apply_edits({"a": "x"}, b"y")  # E: str files, bytes patch
    apply_edits({"a": "x"}, "y", fuzz="1")  # E: fuzz is an int
    apply_edits({"a": "x"}, "y", partial=True)  # E: edits are all or nothing


def structured(m: mmap.mmap) -> None:
    assert_type(unified_diff("a", "b", ignore_space_change=True, ignore_case=True), str)
    assert_type(unified_diff(m, b"b", ignore_all_space=True, ignore_blank_lines=True, strip_trailing_cr=True), bytes)
    assert_type(diff_stats("a", "b", ignore_case=True), DiffStats)
    assert_type(diff_stats(m, bytearray()).similarity, float)
    assert_type(diff_hunks("a", "b"), list[Hunk[str]])
    assert_type(diff_hunks(b"a", memoryview(b"b"), context_lines=0)[0].lines[0].text, bytes)
    assert_type(diff_hunks("a", "b")[0].lines[0].old_line, int | None)
    assert_type(diff_hunks("a", "b")[0].lines[0].kind, LineKind)
    assert_type(diff_hunks("a", "b")[0].header, str)
    assert_type(word_diff("a", "b"), WordDiff[str])
    assert_type(word_diff("a", "b", granularity="graphemes").spans[0].text, str)
    assert_type(word_diff(m, m, granularity=Granularity.CHARS, old_label=b"x").text, bytes)
    assert_type(word_diff(b"a", b"b").spans[0].kind, SpanKind)


def declared_options(m: mmap.mmap) -> None:
    comparison: DiffOptions = {"context_lines": 1, "algorithm": "histogram", "deadline_ms": 0, "ignore_case": True}
    assert_type(unified_diff("a", "b", **comparison), str)
    assert_type(unified_diff(m, b"b", **comparison), bytes)
    assert_type(diff_stats(b"a", b"b", **comparison), DiffStats)
    assert_type(diff_hunks("a", "b", **comparison), list[Hunk[str]])
    labelled: UnifiedDiffOptions = {"old_label": "a/x", "new_label": "b/x", "ignore_all_space": True}
    assert_type(unified_diff_stats("a", "b", **labelled), tuple[str, DiffStats])
    assert_type(unified_diff_stats(b"a", b"b", **labelled), tuple[bytes, DiffStats])
    assert_type(word_diff("a", "b", granularity="chars", **labelled), WordDiff[str])
    raw_labels: UnifiedDiffBytesOptions = {"old_label": b"\xff", "new_label": "y", "context_lines": 0}
    assert_type(unified_diff(m, b"b", **raw_labels), bytes)
    assert_type(word_diff(b"a", bytearray(), **raw_labels), WordDiff[bytes])
    patching: PatchOptions = {"fuzz": 2, "max_offset": None, "reverse": True}
    assert_type(apply_patch("a", "b", **patching), Applied[str])
    assert_type(apply_patch(b"a", b"b", **patching).text, bytes)
    assert_type(unified_diff("a", "b", deadline_ms=None, strip_trailing_cr=False), str)


def misuses_of_declared_options(labelled: UnifiedDiffOptions, raw_labels: UnifiedDiffBytesOptions) -> None:
    misspelt: DiffOptions = {"context": 1}  # E: not a keyword
    wrong: DiffOptions = {"deadline_ms": "5"}  # E: a deadline is an int or None
    diff_stats("a", "b", old_label="x")  # E: diff_stats takes no labels
    diff_hunks("a", "b", **labelled)  # E: nor does diff_hunks
    unified_diff("a", "b", **raw_labels)  # E: bytes labels when diffing str
    unified_diff("a", "b", deadline_ms="5")  # E: a deadline is an int or None
    unified_diff("a", "b", context_lines=None)  # E: context is an int
    apply_patch("a", "b", context_lines=1)  # E: not a patch keyword
    word_diff("a", "b", granularity="lines", **labelled)  # E: not a granularity


def misuses() -> None:
    unified_diff("a", b"b")  # E: no overload for str and bytes
    unified_diff("a", "b", algorithm="fast")  # E: not an algorithm name
    unified_diff("a", "b", old_label=b"x")  # E: bytes label when diffing str
    apply_patch("a", b"b")  # E: no overload for str and bytes
    apply_patch("a", "b", fuzz="1")  # E: fuzz is an int
    apply_patch("a", "b", max_offset=1.5)  # E: max_offset is an int or None
    unified_diff("a", "b", ignore_case=1)  # E: a mode is a bool
    unified_diff("a", "b", ignore_whitespace=True)  # E: not a comparison mode
    diff_stats("a", b"b")  # E: str and bytes
    diff_hunks("a", b"b")  # E: no overload for str and bytes
    word_diff("a", "b", granularity="letters")  # E: not a granularity
    word_diff("a", "b", new_label=b"y")  # E: bytes label when diffing str


def batches(m: mmap.mmap, texts: list[tuple[str, str]], blobs: list[tuple[bytes, bytearray]]) -> None:
    assert_type(unified_diff_many(texts), list[str])
    assert_type(unified_diff_many(blobs, threads=2), list[bytes])
    assert_type(unified_diff_many([(m, b"b")], context_lines=0, algorithm="histogram"), list[bytes])
    assert_type(unified_diff_many(iter(texts), threads=None, labels=[("a/x", "b/x")]), list[str])
    assert_type(unified_diff_many(blobs, labels=[(b"a/x", "b/x")], ignore_case=True), list[bytes])


def misuses_of_batches(texts: list[tuple[str, str]], mixed: list[tuple[str, bytes]]) -> None:
    unified_diff_many(mixed)  # E: str paired with bytes
    unified_diff_many([("a", "b"), (b"a", b"b")])  # E: str pairs beside bytes pairs
    unified_diff_many(texts, threads="2")  # E: threads is an int or None
    unified_diff_many(texts, labels=[(b"a", b"b")])  # E: bytes labels when diffing str
    unified_diff_many(texts, context=1)  # E: not a keyword
    unified_diff_many(("a", "b"))  # E: a pair is not a list of pairs
