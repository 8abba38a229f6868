"""What the tools hand the engine: the choices a caller makes, typed, as fast_diff's functions take them."""

from __future__ import annotations

from typing import Literal, TypedDict

Algorithm = Literal["myers", "histogram", "patience"]
Output = Literal["unified", "stats", "hunks", "words", "html"]
HtmlLayoutName = Literal["side-by-side", "line-by-line"]
GranularityName = Literal["words", "chars", "graphemes"]
MergeStyleName = Literal["merge", "diff3", "zdiff3"]
FavorName = Literal["none", "ours", "theirs", "union"]


class EngineOptions(TypedDict):
    """The line diff's keywords of ``fast_diff.unified_diff``, ``diff_stats``, ``diff_hunks`` and ``word_diff``."""

    context_lines: int
    algorithm: Algorithm
    deadline_ms: int | None
    """What is left of the call's deadline (None: none)."""
    ignore_space_change: bool
    ignore_all_space: bool
    ignore_blank_lines: bool
    ignore_case: bool
    strip_trailing_cr: bool


class PatchOptions(TypedDict):
    """The keywords of ``fast_diff.apply_patch``."""

    max_offset: int | None
    """None: a hunk may be found anywhere after the previous one."""
    fuzz: int
    recount: bool
    strict: bool
    reverse: bool
    ignore_whitespace: bool
    strict_line_endings: bool
