"""Keeping an output within ``max_output_chars``, so that an agent's context is not flooded.

The output is cut at a line boundary: whole lines are kept while they fit.
What was left out is said in a note that follows the kept lines (and is
not counted in the limit): how much text, which hunks, and how many added
and removed lines where the format tells them apart, with the totals and
how to see the rest.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from fast_diff import DiffStats

from .outputs import Line


@dataclass(frozen=True)
class Cut:
    """The lines kept, and what was left out."""

    text: str
    """The kept lines, joined."""
    shown_lines: int
    total_chars: int
    note: str | None
    """None when everything fits."""

    @property
    def truncated(self) -> bool:
        return self.note is not None


def cut(lines: Sequence[Line], limit: int | None, stats: DiffStats) -> Cut:
    """The longest run of whole lines from the start of ``lines`` within ``limit`` characters."""
    total = sum(len(line.text) for line in lines)
    if limit is None or total <= limit:
        return Cut("".join(line.text for line in lines), len(lines), total, None)
    kept, size = 0, 0
    while kept < len(lines) and size + len(lines[kept].text) <= limit:
        size += len(lines[kept].text)
        kept += 1
    return Cut("".join(line.text for line in lines[:kept]), kept, total, _note(lines, kept, size, total, limit, stats))


def _note(lines: Sequence[Line], kept: int, size: int, total: int, limit: int, stats: DiffStats) -> str:
    left = lines[kept:]
    parts = [
        f"[Output cut at max_output_chars={limit:,}: showing {size:,} of {total:,} characters "
        f"({kept:,} of {len(lines):,} lines)."
    ]
    hunks_left = [line.hunk for line in left if line.hunk is not None]
    if hunks_left:
        first, last = hunks_left[0], hunks_left[-1]
        started = any(line.hunk == first for line in lines[:kept])
        pieces = [f"the rest of hunk {first + 1:,}"] if started else []
        start = first + started
        if start == last:
            pieces.append(f"hunk {last + 1:,}")
        elif start < last:
            pieces.append(f"hunks {start + 1:,} to {last + 1:,}")
        parts.append(f" Not shown: {' and '.join(pieces)} of {stats.hunks:,}")
        signs = [line.sign for line in left]
        if any(sign is not None for sign in signs):
            parts.append(f", with {signs.count('+'):,} added and {signs.count('-'):,} removed lines")
        parts.append(".")
    parts.append(
        f" In all: {_plural(stats.hunks, 'hunk')}, {stats.lines_added:,} lines added, {stats.lines_removed:,} removed."
        " To see more, call again with a larger max_output_chars or fewer context_lines, or with"
        " output='stats' for the counts only.]\n"
    )
    return "".join(parts)


def _plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'s' * (count != 1)}"
