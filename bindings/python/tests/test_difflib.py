"""Where both are well defined, the output is difflib.unified_diff's, byte for byte.

That is for simple edits of texts whose lines all end in a newline (difflib
writes no '\\ No newline at end of file' marker) and whose minimal diff is
the one difflib's matcher finds.
"""

from __future__ import annotations

import difflib

import pytest

from fast_diff import Algorithm, unified_diff


def lines(n: int) -> list[str]:
    return [f"line {i}\n" for i in range(1, n + 1)]


def edited(n: int, changes: dict[int, str | None], inserts: dict[int, list[str]] | None = None) -> list[str]:
    out: list[str] = []
    for i, line in enumerate(lines(n), start=1):
        out.extend((inserts or {}).get(i, []))
        replacement = changes.get(i, line)
        if replacement is not None:
            out.append(replacement)
    return out


CASES = {
    "one-change": (lines(10), edited(10, {5: "five\n"})),
    "first-line": (lines(10), edited(10, {1: "one\n"})),
    "last-line": (lines(10), edited(10, {10: "ten\n"})),
    "delete": (lines(10), edited(10, {4: None, 5: None})),
    "insert": (lines(10), edited(10, {}, {6: ["new a\n", "new b\n"]})),
    "append": (lines(5), lines(5) + ["six\n"]),
    "prepend": (lines(5), ["zero\n"] + lines(5)),
    "far-apart": (lines(40), edited(40, {3: "three\n", 30: "thirty\n"})),
    "close-together": (lines(40), edited(40, {10: "ten\n", 15: "fifteen\n"})),
    "from-empty": ([], lines(3)),
    "to-empty": (lines(3), []),
    "crlf": ([f"l{i}\r\n" for i in range(8)], [f"l{i}\r\n" if i != 3 else "x\r\n" for i in range(8)]),
}


@pytest.mark.parametrize("context", [0, 1, 3, 5])
@pytest.mark.parametrize("case", sorted(CASES))
def test_same_output_as_difflib(case: str, context: int) -> None:
    old, new = CASES[case]
    expected = "".join(difflib.unified_diff(old, new, "original", "modified", n=context))
    for algorithm in Algorithm:
        assert unified_diff("".join(old), "".join(new), context_lines=context, algorithm=algorithm) == expected
    assert unified_diff("".join(old).encode(), "".join(new).encode(), context_lines=context) == expected.encode()


def test_same_labels_as_difflib() -> None:
    old, new = lines(3), edited(3, {2: "two\n"})
    expected = "".join(difflib.unified_diff(old, new, "a/src/x.py", "b/src/x.py"))
    assert unified_diff("".join(old), "".join(new), old_label="a/src/x.py", new_label="b/src/x.py") == expected
