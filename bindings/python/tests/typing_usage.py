"""Checked by mypy --strict in test_typing.py (not collected by pytest): the
overloads give str for str and bytes for bytes-like inputs."""

from __future__ import annotations

import mmap

from typing_extensions import assert_type

import fast_diff
from fast_diff import Algorithm, DiffError, unified_diff


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


def misuses() -> None:
    unified_diff("a", b"b")  # E: no overload for str and bytes
    unified_diff("a", "b", algorithm="fast")  # E: not an algorithm name
    unified_diff("a", "b", old_label=b"x")  # E: bytes label when diffing str
