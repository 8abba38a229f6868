"""The outputs of the `diff` and `diff_files` tools: a diff as text, line by line, with what each line is.

Every output is computed by the engine (``unified_diff``, ``diff_stats``,
``diff_hunks``, ``word_diff``) and cut into lines that know their hunk and,
where the format says it, whether they were added or removed: what a cut
at ``max_output_chars`` needs to say what it left out. Texts that are
bytes (files) are shown as text, bytes that are not UTF-8 as ``\\xNN``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, AnyStr, NamedTuple

import fast_diff
from fast_diff import DiffStats, Hunk, LineKind

from .options import EngineOptions, GranularityName, HtmlLayoutName, Output
from .text import NO_NEWLINE, as_text, split_lines

_SIGNS = {LineKind.CONTEXT: " ", LineKind.REMOVED: "-", LineKind.ADDED: "+"}


class Line(NamedTuple):
    """A line of an output, its LF included."""

    text: str
    hunk: int | None
    """The hunk (0-based) it shows, or None for the header lines."""
    sign: str | None
    """'+', '-' or ' ' for a diff line of the unified or hunks output; else None."""


@dataclass(frozen=True)
class Computed:
    """An output: its lines, the counts of the whole diff, and the hunks (for the hunks output)."""

    output: Output
    stats: DiffStats
    lines: Sequence[Line]
    hunks: Sequence[Hunk[str]] = ()
    escaped: bool = False
    """Bytes that are not UTF-8 are shown as \\xNN escapes."""
    coarsened: bool | None = None
    """For the words and html outputs: whether the word diff's marks were coarsened."""
    page: str | None = None
    """For the html output: the page."""


def compute(
    old: AnyStr,
    new: AnyStr,
    output: Output,
    *,
    granularity: GranularityName,
    old_label: str,
    new_label: str,
    options: EngineOptions,
    word_deadline_ms: int | None = None,
    layout: HtmlLayoutName = "side-by-side",
) -> Computed:
    """The output asked for, computed with the engine's ``options``; the word diff of the words
    and html outputs within ``word_deadline_ms``."""
    if output == "unified":
        # One diff's work for the text and its counts alike.
        diff, stats = fast_diff.unified_diff_stats(old, new, old_label=old_label, new_label=new_label, **options)
        text, escaped = as_text(diff)
        return Computed(output, stats, unified_lines(text), escaped=escaped)
    stats = fast_diff.diff_stats(old, new, **options)
    if output == "stats":
        return Computed(output, stats, [Line(stats_summary(stats), None, None)])
    # The word diff (of words and html) has its own deadline, in place of the line diff's.
    word_options: EngineOptions = {**options, "deadline_ms": word_deadline_ms}
    if output == "words":
        result = fast_diff.word_diff(
            old,
            new,
            granularity=granularity,
            old_label=old_label,
            new_label=new_label,
            **word_options,
        )
        text, escaped = as_text(result.text)
        return Computed(output, stats, word_lines(text, result), escaped=escaped, coarsened=result.coarsened)
    if output == "html":
        page = fast_diff.html_diff(
            old,
            new,
            layout=layout,
            granularity=granularity,
            old_label=old_label,
            new_label=new_label,
            **word_options,
        )
        summary = f"An HTML page of the diff ({len(page)} characters) is the embedded text/html resource.\n"
        # The page says when its marks were coarsened, in its one note; it shows bytes that are
        # not UTF-8 as \xNN, as the other outputs do.
        coarsened = '<p class="note">' in page
        escaped = any(isinstance(text, bytes) and as_text(text)[1] for text in (old, new))
        lines = [Line(summary + stats_summary(stats), None, None)]
        return Computed(output, stats, lines, escaped=escaped, coarsened=coarsened, page=page)
    hunks, escaped = text_hunks(fast_diff.diff_hunks(old, new, **options))
    return Computed(output, stats, numbered_lines(hunks, old_label, new_label), hunks, escaped)


def stats_summary(stats: DiffStats) -> str:
    if stats.identical:
        return "No differences (the texts are identical, or equal under the comparison modes given).\n"
    return (
        f"{stats.hunks} hunk{'s' * (stats.hunks != 1)}: {stats.lines_added} line{'s' * (stats.lines_added != 1)} "
        f"added, {stats.lines_removed} removed; similarity {stats.similarity:.4f} (difflib's ratio over lines).\n"
    )


def unified_lines(text: str) -> list[Line]:
    """The unified diff's lines: after the two header lines, each begins with '@@', ' ', '-', '+' or '\\'."""
    lines = []
    hunk = -1
    for i, line in enumerate(split_lines(text)):
        if i < 2:
            lines.append(Line(line, None, None))
            continue
        if line.startswith("@@"):
            hunk += 1
        sign = line[0] if line[0] in "+- " else None
        lines.append(Line(line, hunk, sign))
    return lines


def word_lines(text: str, result: fast_diff.WordDiff[Any]) -> list[Line]:
    """The word diff's lines, each given its hunk.

    A line of the word diff may begin with anything, so hunks are found by
    how many lines each takes: its header, then its spans with each LF
    ending a line (and a last line closed if the spans do not end one).
    Were that ever to disagree with the text, the lines are left without
    hunks rather than given wrong ones.
    """
    texts = split_lines(text)
    counts: list[int] = []  # lines of each hunk
    for i, span in enumerate(result.spans):
        if span.hunk == len(counts):
            counts.append(1)
        counts[-1] += _count_newlines(span.text)
        last_of_hunk = i + 1 == len(result.spans) or result.spans[i + 1].hunk != span.hunk
        if last_of_hunk and not _ends_with_newline(span.text):
            counts[-1] += 1
    if not texts or 2 + sum(counts) != len(texts):
        return [Line(line, None, None) for line in texts]
    lines = [Line(line, None, None) for line in texts[:2]]
    at = 2
    for hunk, count in enumerate(counts):
        lines.extend(Line(line, hunk, None) for line in texts[at : at + count])
        at += count
    return lines


def _count_newlines(text: str | bytes) -> int:
    return text.count("\n") if isinstance(text, str) else text.count(b"\n")


def _ends_with_newline(text: str | bytes) -> bool:
    return text.endswith("\n") if isinstance(text, str) else text.endswith(b"\n")


def text_hunks(hunks: Sequence[Hunk[Any]]) -> tuple[list[Hunk[str]], bool]:
    """The hunks with their line texts as ``str`` (escaping bytes that are not UTF-8)."""
    escaped = False
    out: list[Hunk[str]] = []
    for hunk in hunks:
        lines = []
        for line in hunk.lines:
            text, was_escaped = as_text(line.text)
            escaped |= was_escaped
            lines.append(
                fast_diff.DiffLine(line.kind, line.old_line, line.new_line, text, line.span, line.no_newline)
            )
        out.append(Hunk(hunk.old_start, hunk.old_count, hunk.new_start, hunk.new_count, tuple(lines)))
    return out, escaped


def numbered_lines(hunks: Sequence[Hunk[str]], old_label: str, new_label: str) -> list[Line]:
    """The hunks as text: the unified diff's headers, then each line with its old and
    new line numbers (blank where it has none) before its sign and text."""
    if not hunks:
        return []
    width = len(str(max(max(h.old_start + h.old_count, h.new_start + h.new_count) for h in hunks)))
    lines = [Line(f"--- {old_label}\n", None, None), Line(f"+++ {new_label}\n", None, None)]
    for k, hunk in enumerate(hunks):
        lines.append(Line(hunk.header + "\n", k, None))
        for line in hunk.lines:
            old = str(line.old_line or "").rjust(width)
            new = str(line.new_line or "").rjust(width)
            sign = _SIGNS[line.kind]
            text = line.text if line.text.endswith("\n") else line.text + "\n"
            lines.append(Line(f"{old} {new} {sign}{text}", k, sign))
            if line.no_newline:
                lines.append(Line(NO_NEWLINE, k, None))
    return lines


def shown_hunks(hunks: Sequence[Hunk[str]], shown: int) -> list[Hunk[str]]:
    """The hunks as far as the first ``shown`` lines of their numbered text show them."""
    out = []
    at = 2  # the header lines
    for hunk in hunks:
        if at >= shown:
            break
        at += 1  # its header
        lines = []
        for line in hunk.lines:
            if at >= shown:
                break
            lines.append(line)
            at += 1 + line.no_newline
        out.append(Hunk(hunk.old_start, hunk.old_count, hunk.new_start, hunk.new_count, tuple(lines)))
    return out
