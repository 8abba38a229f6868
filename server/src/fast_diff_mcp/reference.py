"""The slow reference: Python's difflib, its unified diff made a valid patch, under the call's deadline.

difflib has no deadline of its own and can take minutes on large texts
that differ much. Its matcher looks for the longest matching block again
and again; here it checks the call's deadline each time and gives up past
it (``deadline.DeadlinePassed``). The lines are written as
``difflib.unified_diff`` writes them (``tests`` check that they are the
same), since that function builds its matcher itself.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Sequence

from . import deadline
from .text import NO_NEWLINE, split_lines


class _MatcherWithDeadline(difflib.SequenceMatcher[str]):
    def find_longest_match(
        self, alo: int = 0, ahi: int | None = None, blo: int = 0, bhi: int | None = None
    ) -> difflib.Match:
        running = deadline.current()
        if running is not None:
            running.check("difflib")
        return super().find_longest_match(alo, ahi, blo, bhi)


def difflib_unified_diff(old: str, new: str, context_lines: int, old_label: str, new_label: str) -> str:
    """``difflib.unified_diff`` of the two texts, with GNU's marker after a last line
    that has no newline (difflib would run it into the next line)."""
    out: list[str] = []
    for line in _unified_diff(split_lines(old), split_lines(new), old_label, new_label, context_lines):
        out.append(line)
        if not line.endswith("\n"):
            out.append("\n" + NO_NEWLINE)
    return "".join(out)


def _unified_diff(a: Sequence[str], b: Sequence[str], old_label: str, new_label: str, n: int) -> Iterator[str]:
    """The lines ``difflib.unified_diff(a, b, old_label, new_label, n=n)`` yields."""
    for k, group in enumerate(_MatcherWithDeadline(None, a, b).get_grouped_opcodes(n)):
        if k == 0:
            yield f"--- {old_label}\n"
            yield f"+++ {new_label}\n"
        first, last = group[0], group[-1]
        yield f"@@ -{_range(first[1], last[2])} +{_range(first[3], last[4])} @@\n"
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                yield from (" " + line for line in a[i1:i2])
                continue
            if tag in ("replace", "delete"):
                yield from ("-" + line for line in a[i1:i2])
            if tag in ("replace", "insert"):
                yield from ("+" + line for line in b[j1:j2])


def _range(start: int, stop: int) -> str:
    """A hunk range as the unified format writes it: 'line' for one line, 'line,count' else, the
    line before for an empty range."""
    length = stop - start
    if length == 1:
        return str(start + 1)
    return f"{start + (length != 0)},{length}"
