"""``diff_stats``, ``diff_hunks`` and ``word_diff``: a diff as data rather than as text.

Each describes the same hunks :func:`unified_diff` writes for the same
arguments, and takes the same inputs (two ``str``, or two bytes-like
objects read in place) and options.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Union, overload

from . import _buffers
from ._errors import check
from ._native import ffi, lib
from ._options import (
    DEFAULT_CONTEXT_LINES,
    DEFAULT_NEW_LABEL,
    DEFAULT_OLD_LABEL,
    Algorithm,
    AlgorithmName,
    c_options,
    mode_flags,
)
from ._results import (
    GRANULARITY_NUMBERS,
    DiffStats,
    Granularity,
    Hunk,
    WordDiff,
    read_hunks,
    read_stats,
    read_word_diff,
)
from ._spans import IndexedText

if TYPE_CHECKING:
    from typing_extensions import Buffer, TypeAlias

GranularityName: TypeAlias = Union[Granularity, Literal["words", "chars", "graphemes"]]


class _Call:
    """One call's inputs lent to C, and its options; kept referenced until the call returns."""

    __slots__ = ("text", "old", "new", "old_c", "old_len", "new_c", "new_len", "options", "_keep")

    def __init__(
        self,
        old: Any,
        new: Any,
        modes: tuple[object, ...],
        *,
        context_lines: object,
        algorithm: object,
        deadline_ms: object,
        old_label: object = DEFAULT_OLD_LABEL,
        new_label: object = DEFAULT_NEW_LABEL,
    ) -> None:
        self.old, self.new = old, new
        self.text, self.old_c, self.old_len, self.new_c, self.new_len = _buffers.lend_pair(old, new)
        self.options, self._keep = c_options(
            context_lines=context_lines,
            algorithm=algorithm,
            deadline_ms=deadline_ms,
            text=self.text,
            old_label=old_label,
            new_label=new_label,
            flags=mode_flags(*modes),
        )

    def args(self) -> tuple[Any, int, Any, int, Any]:
        """The first five arguments of every diff function of the C API."""
        return self.old_c, self.old_len, self.new_c, self.new_len, self.options

    def indexed(self) -> tuple[IndexedText, IndexedText]:
        """The inputs, for slicing by the library's byte ranges."""
        return (
            IndexedText(self.old, self.old_c if isinstance(self.old_c, bytes) else None),
            IndexedText(self.new, self.new_c if isinstance(self.new_c, bytes) else None),
        )


# Two overloads with the same result, so that a type checker refuses a
# str paired with bytes, as the call does.
@overload
def diff_stats(
    old: str,
    new: str,
    *,
    context_lines: int = ...,
    algorithm: AlgorithmName = ...,
    deadline_ms: int | None = ...,
    ignore_space_change: bool = ...,
    ignore_all_space: bool = ...,
    ignore_blank_lines: bool = ...,
    ignore_case: bool = ...,
    strip_trailing_cr: bool = ...,
) -> DiffStats: ...


@overload
def diff_stats(
    old: Buffer,
    new: Buffer,
    *,
    context_lines: int = ...,
    algorithm: AlgorithmName = ...,
    deadline_ms: int | None = ...,
    ignore_space_change: bool = ...,
    ignore_all_space: bool = ...,
    ignore_blank_lines: bool = ...,
    ignore_case: bool = ...,
    strip_trailing_cr: bool = ...,
) -> DiffStats: ...


def diff_stats(
    old: str | Buffer,
    new: str | Buffer,
    *,
    context_lines: int = DEFAULT_CONTEXT_LINES,
    algorithm: AlgorithmName = Algorithm.MYERS,
    deadline_ms: int | None = None,
    ignore_space_change: bool = False,
    ignore_all_space: bool = False,
    ignore_blank_lines: bool = False,
    ignore_case: bool = False,
    strip_trailing_cr: bool = False,
) -> DiffStats:
    """The counts of the diff :func:`unified_diff` would write, without writing it.

    Lines added and removed and hunks are as the diff shows them with
    ``context_lines`` (hunks merge when their changes are close) and the
    comparison modes; ``similarity`` is difflib's ``SequenceMatcher.ratio()``
    over lines, from this diff's matching. Inputs and options are those of
    :func:`unified_diff`. The GIL is released while the library works.
    """
    call = _Call(
        old,
        new,
        (ignore_space_change, ignore_all_space, ignore_blank_lines, ignore_case, strip_trailing_cr),
        context_lines=context_lines,
        algorithm=algorithm,
        deadline_ms=deadline_ms,
    )
    out = ffi.new("fd_stats *")
    out.struct_size = ffi.sizeof("fd_stats")
    check(lib.fd_diff_stats(*call.args(), out))
    return read_stats(out)


@overload
def unified_diff_stats(
    old: str,
    new: str,
    *,
    context_lines: int = ...,
    old_label: str = ...,
    new_label: str = ...,
    algorithm: AlgorithmName = ...,
    deadline_ms: int | None = ...,
    ignore_space_change: bool = ...,
    ignore_all_space: bool = ...,
    ignore_blank_lines: bool = ...,
    ignore_case: bool = ...,
    strip_trailing_cr: bool = ...,
) -> tuple[str, DiffStats]: ...


@overload
def unified_diff_stats(
    old: Buffer,
    new: Buffer,
    *,
    context_lines: int = ...,
    old_label: str | Buffer = ...,
    new_label: str | Buffer = ...,
    algorithm: AlgorithmName = ...,
    deadline_ms: int | None = ...,
    ignore_space_change: bool = ...,
    ignore_all_space: bool = ...,
    ignore_blank_lines: bool = ...,
    ignore_case: bool = ...,
    strip_trailing_cr: bool = ...,
) -> tuple[bytes, DiffStats]: ...


def unified_diff_stats(
    old: str | Buffer,
    new: str | Buffer,
    *,
    context_lines: int = DEFAULT_CONTEXT_LINES,
    old_label: str | Buffer = DEFAULT_OLD_LABEL,
    new_label: str | Buffer = DEFAULT_NEW_LABEL,
    algorithm: AlgorithmName = Algorithm.MYERS,
    deadline_ms: int | None = None,
    ignore_space_change: bool = False,
    ignore_all_space: bool = False,
    ignore_blank_lines: bool = False,
    ignore_case: bool = False,
    strip_trailing_cr: bool = False,
) -> tuple[str | bytes, DiffStats]:
    """:func:`unified_diff` and :func:`diff_stats` of the same texts in one call, for the work of one
    diff: the unified diff (``str`` for ``str`` inputs, else ``bytes``) and its counts.
    Inputs and options are those of :func:`unified_diff`."""
    call = _Call(
        old,
        new,
        (ignore_space_change, ignore_all_space, ignore_blank_lines, ignore_case, strip_trailing_cr),
        context_lines=context_lines,
        algorithm=algorithm,
        deadline_ms=deadline_ms,
        old_label=old_label,
        new_label=new_label,
    )
    out = ffi.new("fd_buf *")
    stats = ffi.new("fd_stats *")
    stats.struct_size = ffi.sizeof("fd_stats")
    text = _buffers.take(lib.fd_unified_diff_stats(*call.args(), out, stats), out, call.text)
    return text, read_stats(stats)


@overload
def diff_hunks(
    old: str,
    new: str,
    *,
    context_lines: int = ...,
    algorithm: AlgorithmName = ...,
    deadline_ms: int | None = ...,
    ignore_space_change: bool = ...,
    ignore_all_space: bool = ...,
    ignore_blank_lines: bool = ...,
    ignore_case: bool = ...,
    strip_trailing_cr: bool = ...,
) -> list[Hunk[str]]: ...


@overload
def diff_hunks(
    old: Buffer,
    new: Buffer,
    *,
    context_lines: int = ...,
    algorithm: AlgorithmName = ...,
    deadline_ms: int | None = ...,
    ignore_space_change: bool = ...,
    ignore_all_space: bool = ...,
    ignore_blank_lines: bool = ...,
    ignore_case: bool = ...,
    strip_trailing_cr: bool = ...,
) -> list[Hunk[bytes]]: ...


def diff_hunks(
    old: str | Buffer,
    new: str | Buffer,
    *,
    context_lines: int = DEFAULT_CONTEXT_LINES,
    algorithm: AlgorithmName = Algorithm.MYERS,
    deadline_ms: int | None = None,
    ignore_space_change: bool = False,
    ignore_all_space: bool = False,
    ignore_blank_lines: bool = False,
    ignore_case: bool = False,
    strip_trailing_cr: bool = False,
) -> list[Hunk[str]] | list[Hunk[bytes]]:
    """The hunks of the diff :func:`unified_diff` would write, as data: an empty list
    when there are none.

    Each :class:`Hunk` has its header numbers and its lines, each line its kind,
    its 1-based numbers in the old and new text, and its text, LF included, sliced
    from the input it comes from (the old text for context and removed lines, the
    new one for added lines): ``str`` for ``str`` inputs, ``bytes`` for bytes-like
    ones, never re-encoded. Inputs and options are those of :func:`unified_diff`.
    """
    call = _Call(
        old,
        new,
        (ignore_space_change, ignore_all_space, ignore_blank_lines, ignore_case, strip_trailing_cr),
        context_lines=context_lines,
        algorithm=algorithm,
        deadline_ms=deadline_ms,
    )
    out = ffi.new("fd_hunks **")
    check(lib.fd_diff_hunks(*call.args(), out))
    try:
        return read_hunks(out[0], *call.indexed())
    finally:
        lib.fd_hunks_free(out[0])


@overload
def word_diff(
    old: str,
    new: str,
    *,
    granularity: GranularityName = ...,
    context_lines: int = ...,
    old_label: str = ...,
    new_label: str = ...,
    algorithm: AlgorithmName = ...,
    deadline_ms: int | None = ...,
    ignore_space_change: bool = ...,
    ignore_all_space: bool = ...,
    ignore_blank_lines: bool = ...,
    ignore_case: bool = ...,
    strip_trailing_cr: bool = ...,
) -> WordDiff[str]: ...


@overload
def word_diff(
    old: Buffer,
    new: Buffer,
    *,
    granularity: GranularityName = ...,
    context_lines: int = ...,
    old_label: str | Buffer = ...,
    new_label: str | Buffer = ...,
    algorithm: AlgorithmName = ...,
    deadline_ms: int | None = ...,
    ignore_space_change: bool = ...,
    ignore_all_space: bool = ...,
    ignore_blank_lines: bool = ...,
    ignore_case: bool = ...,
    strip_trailing_cr: bool = ...,
) -> WordDiff[bytes]: ...


def word_diff(
    old: str | Buffer,
    new: str | Buffer,
    *,
    granularity: GranularityName = Granularity.WORDS,
    context_lines: int = DEFAULT_CONTEXT_LINES,
    old_label: str | Buffer = DEFAULT_OLD_LABEL,
    new_label: str | Buffer = DEFAULT_NEW_LABEL,
    algorithm: AlgorithmName = Algorithm.MYERS,
    deadline_ms: int | None = None,
    ignore_space_change: bool = False,
    ignore_all_space: bool = False,
    ignore_blank_lines: bool = False,
    ignore_case: bool = False,
    strip_trailing_cr: bool = False,
) -> WordDiff[str] | WordDiff[bytes]:
    """Which words (``granularity="words"``), characters (``"chars"``) or grapheme
    clusters (``"graphemes"``) changed in each hunk of the diff :func:`unified_diff`
    would write.

    The result has the spans of every hunk (equal, removed, added; each a slice of
    the input it comes from) and the same as text in the style of ``git diff
    --word-diff=plain``: ``the [-quick-]{+slow+} fox``, under the unified diff's
    headers (``old_label``, ``new_label``) and hunk headers. Tokens never split a
    UTF-8 sequence. ``deadline_ms`` bounds the token diffs too (past it they are
    coarser, still correct). Inputs and other options are those of
    :func:`unified_diff`.
    """
    if not isinstance(granularity, str):
        raise TypeError(f"granularity must be a Granularity or one of {_granularities()}, not {type(granularity).__name__}")
    try:
        granularity_c = GRANULARITY_NUMBERS[Granularity(granularity)]
    except ValueError:
        raise ValueError(f"unknown granularity {granularity!r}; expected one of {_granularities()}") from None
    call = _Call(
        old,
        new,
        (ignore_space_change, ignore_all_space, ignore_blank_lines, ignore_case, strip_trailing_cr),
        context_lines=context_lines,
        algorithm=algorithm,
        deadline_ms=deadline_ms,
        old_label=old_label,
        new_label=new_label,
    )
    out = ffi.new("fd_word_diff_result **")
    check(lib.fd_word_diff(*call.args(), granularity_c, out))
    try:
        return read_word_diff(out[0], *call.indexed())
    finally:
        lib.fd_word_diff_free(out[0])


def _granularities() -> str:
    return ", ".join(repr(g.value) for g in Granularity)
