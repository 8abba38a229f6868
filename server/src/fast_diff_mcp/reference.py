"""The slow reference: Python's difflib.unified_diff, made a valid patch."""

from __future__ import annotations

import difflib

from .text import NO_NEWLINE, split_lines


def difflib_unified_diff(old: str, new: str, context_lines: int, old_label: str, new_label: str) -> str:
    """``difflib.unified_diff`` of the two texts, with GNU's marker after a last line
    that has no newline (difflib would run it into the next line)."""
    out: list[str] = []
    for line in difflib.unified_diff(split_lines(old), split_lines(new), old_label, new_label, n=context_lines):
        out.append(line)
        if not line.endswith("\n"):
            out.append("\n" + NO_NEWLINE)
    return "".join(out)
