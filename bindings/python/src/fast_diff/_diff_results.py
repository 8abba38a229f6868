"""The structured results of a diff: counts, hunks with their lines, and inline word diffs.

Each is copied out of the library's C result, which is then freed: these
objects own nothing in C. Texts are pieces of the caller's own inputs,
sliced by the byte ranges the library reports: ``str`` for ``str`` inputs
(offsets converted to character indices, so no byte is re-encoded),
``bytes`` for bytes-like ones.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any, AnyStr, Generic

from ._inputs import IndexedText
from ._native import ffi, lib


class LineKind(enum.StrEnum):
    """What a line of a hunk is."""

    CONTEXT = "context"
    """Unchanged (or equal under the comparison modes); its text is the old text's."""
    REMOVED = "removed"
    """Only in the old text."""
    ADDED = "added"
    """Only in the new text."""


class SpanKind(enum.StrEnum):
    """What a span of an inline diff is."""

    EQUAL = "equal"
    """In both texts: context lines, and unchanged tokens inside changes (the old text's)."""
    REMOVED = "removed"
    """Only in the old text."""
    ADDED = "added"
    """Only in the new text."""


@dataclass(frozen=True, slots=True)
class DiffStats:
    """Counts of a diff, as its hunks show it (with the context and modes asked for)."""

    lines_added: int
    lines_removed: int
    hunks: int
    identical: bool
    """True when no hunk is shown: the texts are identical, or equal under the comparison modes."""
    similarity: float
    """``2 * matched lines / (old lines + new lines)`` in [0, 1], the ratio
    ``difflib.SequenceMatcher(None, old_lines, new_lines).ratio()`` gives over lines
    (1.0 for two empty texts), from this diff's matching of the whole texts."""


@dataclass(frozen=True, slots=True)
class DiffLine(Generic[AnyStr]):
    """A line of a hunk."""

    kind: LineKind
    old_line: int | None
    """Its 1-based line number in the old text; ``None`` for an added line."""
    new_line: int | None
    """Its 1-based line number in the new text; ``None`` for a removed line."""
    text: AnyStr
    """The line, its LF included: ``source[start:end]``, where ``source`` is the old text
    for context and removed lines and the new text for added lines."""
    span: tuple[int, int]
    """``(start, end)``: where ``text`` is in its source, as indices of the object passed
    (characters for ``str``, bytes otherwise)."""
    no_newline: bool
    """The line is the last of its text and has no LF (``\\ No newline at end of file``)."""


@dataclass(frozen=True, slots=True)
class Hunk(Generic[AnyStr]):
    """A hunk: the numbers of its ``@@ -old_start,old_count +new_start,new_count @@``
    header (1-based; an empty range names the line before it, 0 at the top) and its lines."""

    old_start: int
    old_count: int
    new_start: int
    new_count: int
    lines: tuple[DiffLine[AnyStr], ...]

    @property
    def header(self) -> str:
        """The hunk's header line as GNU diff writes it, without its LF: ``@@ -1,3 +1,4 @@``."""
        return f"@@ -{_range(self.old_start, self.old_count)} +{_range(self.new_start, self.new_count)} @@"


@dataclass(frozen=True, slots=True)
class WordSpan(Generic[AnyStr]):
    """A run of an inline diff: equal, removed or added tokens."""

    kind: SpanKind
    hunk: int
    """The hunk (0-based, in the order of :func:`diff_hunks`) the span belongs to."""
    text: AnyStr
    """The tokens: ``source[start:end]``, where ``source`` is the old text for equal and
    removed spans and the new text for added spans. May hold several lines."""
    span: tuple[int, int]
    """``(start, end)``: where ``text`` is in its source (characters for ``str``, else bytes)."""


@dataclass(frozen=True, slots=True)
class WordDiff(Generic[AnyStr]):
    """The inline diff of every hunk, by words, characters or grapheme clusters."""

    spans: tuple[WordSpan[AnyStr], ...]
    """Every hunk's spans, in order. A hunk's equal and removed spans, joined, are its old
    lines; its equal and added spans are its new lines (up to what the modes ignore)."""
    text: AnyStr
    """The same as ``git diff --word-diff=plain`` shows it: the unified diff's headers and
    hunk headers, then each hunk's text with removed runs as ``[-...-]`` and added runs as
    ``{+...+}`` (closed at each line end). Empty when there are no hunks."""
    coarsened: bool = False
    """Some changes are marked more coarsely than a full search would mark them: the
    deadline passed, or the marks were too dense to show one by one (the shortest
    unchanged runs between changed ones are then shown as changed). The spans still
    rebuild both texts."""


def _range(start: int, count: int) -> str:
    return str(start) if count == 1 else f"{start},{count}"


_LINE_KINDS = {
    lib.FD_LINE_CONTEXT: LineKind.CONTEXT,
    lib.FD_LINE_REMOVED: LineKind.REMOVED,
    lib.FD_LINE_ADDED: LineKind.ADDED,
}
_SPAN_KINDS = {
    lib.FD_SPAN_EQUAL: SpanKind.EQUAL,
    lib.FD_SPAN_REMOVED: SpanKind.REMOVED,
    lib.FD_SPAN_ADDED: SpanKind.ADDED,
}

def read_stats(stats: Any) -> DiffStats:
    """A copy of an ``fd_stats``."""
    return DiffStats(
        lines_added=stats.lines_added,
        lines_removed=stats.lines_removed,
        hunks=stats.hunks,
        identical=bool(stats.identical),
        similarity=stats.similarity,
    )


def read_hunks(result: Any, old: IndexedText, new: IndexedText) -> list[Hunk[Any]]:
    """A copy of an ``fd_hunks *`` (not freed here), with texts sliced from the inputs."""
    hunks = []
    lines = result.lines
    for i in range(result.hunk_count):
        h = result.hunks[i]
        first = h.first_line
        hunk_lines = []
        for k in range(first, first + h.line_count):
            line = lines[k]
            kind = _LINE_KINDS[line.kind]
            source = new if kind is LineKind.ADDED else old
            span = source.span(line.offset, line.len)
            hunk_lines.append(
                DiffLine(
                    kind=kind,
                    old_line=line.old_line or None,
                    new_line=line.new_line or None,
                    text=source.slice(span),
                    span=span,
                    no_newline=bool(line.no_newline),
                )
            )
        hunks.append(
            Hunk(
                old_start=h.old_start,
                old_count=h.old_count,
                new_start=h.new_start,
                new_count=h.new_count,
                lines=tuple(hunk_lines),
            )
        )
    return hunks


def read_word_diff(result: Any, old: IndexedText, new: IndexedText) -> WordDiff[Any]:
    """A copy of an ``fd_word_diff_result *`` (not freed here)."""
    spans = []
    for i in range(result.span_count):
        s = result.spans[i]
        kind = _SPAN_KINDS[s.kind]
        source = new if kind is SpanKind.ADDED else old
        span = source.span(s.offset, s.len)
        spans.append(WordSpan(kind=kind, hunk=s.hunk, text=source.slice(span), span=span))
    raw = ffi.buffer(result.text, result.text_len) if result.text_len else b""
    # Inputs that are str are UTF-8, labels too, and tokens never split a
    # UTF-8 sequence: the text is UTF-8.
    text = str(raw, "utf-8") if old.is_str else bytes(raw)
    return WordDiff(spans=tuple(spans), text=text, coarsened=bool(result.coarsened))
