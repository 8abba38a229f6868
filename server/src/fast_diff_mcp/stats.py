"""Counting hunks and changed lines of a unified diff without parsing it.

Every line of a hunk begins with ' ', '+', '-' or '\\', and labels never
hold a line break, so after the two header lines a line that begins with
'@@ ' is a hunk header, '+' an added line and '-' a removed one. The first
header line ('--- ') starts the text, not a line after a newline, and the
second ('+++ ') is the only other '+' at the start of a line outside hunks:
counting "\\n@@ ", "\\n+" and "\\n-" is therefore exact, and runs in C.
"""

from __future__ import annotations

from typing import NamedTuple


class DiffStats(NamedTuple):
    hunks: int
    lines_added: int
    lines_removed: int


def diff_stats(diff: str) -> DiffStats:
    """The number of hunks, added and removed lines of a unified diff ("" for none)."""
    if not diff:
        return DiffStats(0, 0, 0)
    return DiffStats(diff.count("\n@@ "), diff.count("\n+") - 1, diff.count("\n-"))
