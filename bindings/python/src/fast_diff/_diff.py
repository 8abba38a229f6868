"""The diff functions: the unified diff of two texts, and the same diff as data.

Each takes two ``str`` (diffed as UTF-8, giving ``str``) or two bytes-like
objects (read in place, giving ``bytes``), and the keywords of
:class:`DiffOptions`; those that write a unified diff's headers take its
labels too. All describe the same hunks for the same arguments.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, overload

from ._call import TEXT, Output, call
from ._diff_options import (
    DEFAULTS,
    DiffOptions,
    Granularity,
    GranularityName,
    UnifiedDiffBytesOptions,
    UnifiedDiffOptions,
    diff_options,
    granularity_number,
)
from ._diff_results import DiffStats, Hunk, WordDiff, read_hunks, read_stats, read_word_diff
from ._inputs import Lent, lend
from ._keywords import with_keywords
from ._native import ffi, lib

if TYPE_CHECKING:
    from typing import Unpack

    from typing_extensions import Buffer

_TEXTS = ("old", "new")


# Each function has one overload for str and one for bytes-like texts, so
# that a type checker gives the result's type and refuses a str paired with
# bytes, as the call does.
@overload
def unified_diff(old: str, new: str, **options: Unpack[UnifiedDiffOptions]) -> str: ...
@overload
def unified_diff(old: Buffer, new: Buffer, **options: Unpack[UnifiedDiffBytesOptions]) -> bytes: ...
@with_keywords(UnifiedDiffBytesOptions, DEFAULTS)
def unified_diff(old: str | Buffer, new: str | Buffer, **options: Unpack[UnifiedDiffBytesOptions]) -> str | bytes:
    """The unified diff that turns ``old`` into ``new``, exactly as GNU ``diff -u`` writes it.

    ``old`` and ``new`` are both ``str`` (diffed as UTF-8; the result is ``str``)
    or both bytes-like (``bytes``, ``bytearray``, ``memoryview``, ``mmap``...;
    the result is ``bytes``, and the inputs are read in place, not copied).
    Any bytes are valid: NUL, invalid UTF-8, CRLF, a lone CR and a missing
    final newline are carried through unchanged; lines end at LF only.
    Identical texts give an empty result.

    The keywords are those of :class:`UnifiedDiffOptions`: ``context_lines``,
    ``algorithm``, ``deadline_ms``, the comparison modes (``ignore_space_change``,
    ``ignore_all_space``, ``ignore_blank_lines``, ``ignore_case``,
    ``strip_trailing_cr``) and the labels ``old_label`` and ``new_label``. When
    diffing ``str``, labels must be ``str``; when diffing bytes, they may be either.

    Raises:
        TypeError: an argument of the wrong type, an unknown keyword, or ``str``
            mixed with bytes. (A mode that is not a ``bool`` is a TypeError.)
        ValueError: an option out of range, an unknown algorithm, a label with a
            line break, or a ``str`` that is not encodable as UTF-8.
        DiffError: the library failed (a subclass per status, e.g. ``InputTooLargeError``).

    The GIL is released while the library works, so threads can diff in parallel.
    """
    inputs = lend(_TEXTS, (old, new))
    return call(lib.fd_unified_diff, inputs, diff_options("unified_diff", options, inputs, labels=True), out=TEXT)


@overload
def unified_diff_stats(old: str, new: str, **options: Unpack[UnifiedDiffOptions]) -> tuple[str, DiffStats]: ...
@overload
def unified_diff_stats(
    old: Buffer, new: Buffer, **options: Unpack[UnifiedDiffBytesOptions]
) -> tuple[bytes, DiffStats]: ...
@with_keywords(UnifiedDiffBytesOptions, DEFAULTS)
def unified_diff_stats(
    old: str | Buffer, new: str | Buffer, **options: Unpack[UnifiedDiffBytesOptions]
) -> tuple[str | bytes, DiffStats]:
    """:func:`unified_diff` and :func:`diff_stats` of the same texts in one call, for the work of one
    diff: the unified diff (``str`` for ``str`` inputs, else ``bytes``) and its counts.
    Inputs and options are those of :func:`unified_diff`."""
    inputs = lend(_TEXTS, (old, new))
    options_c = diff_options("unified_diff_stats", options, inputs, labels=True)
    return call(lib.fd_unified_diff_stats, inputs, options_c, out=_TEXT_AND_STATS)


@overload
def diff_stats(old: str, new: str, **options: Unpack[DiffOptions]) -> DiffStats: ...
@overload
def diff_stats(old: Buffer, new: Buffer, **options: Unpack[DiffOptions]) -> DiffStats: ...
@with_keywords(DiffOptions, DEFAULTS)
def diff_stats(old: str | Buffer, new: str | Buffer, **options: Unpack[DiffOptions]) -> DiffStats:
    """The counts of the diff :func:`unified_diff` would write, without writing it.

    Lines added and removed and hunks are as the diff shows them with
    ``context_lines`` (hunks merge when their changes are close) and the
    comparison modes; ``similarity`` is difflib's ``SequenceMatcher.ratio()``
    over lines, from this diff's matching. Inputs are those of
    :func:`unified_diff`, options those of :class:`DiffOptions`. The GIL is
    released while the library works.
    """
    inputs = lend(_TEXTS, (old, new))
    return call(lib.fd_diff_stats, inputs, diff_options("diff_stats", options, inputs, labels=False), out=_STATS)


@overload
def diff_hunks(old: str, new: str, **options: Unpack[DiffOptions]) -> list[Hunk[str]]: ...
@overload
def diff_hunks(old: Buffer, new: Buffer, **options: Unpack[DiffOptions]) -> list[Hunk[bytes]]: ...
@with_keywords(DiffOptions, DEFAULTS)
def diff_hunks(
    old: str | Buffer, new: str | Buffer, **options: Unpack[DiffOptions]
) -> list[Hunk[str]] | list[Hunk[bytes]]:
    """The hunks of the diff :func:`unified_diff` would write, as data: an empty list
    when there are none.

    Each :class:`Hunk` has its header numbers and its lines, each line its kind,
    its 1-based numbers in the old and new text, and its text, LF included, sliced
    from the input it comes from (the old text for context and removed lines, the
    new one for added lines): ``str`` for ``str`` inputs, ``bytes`` for bytes-like
    ones, never re-encoded. Inputs are those of :func:`unified_diff`, options
    those of :class:`DiffOptions`.
    """
    inputs = lend(_TEXTS, (old, new))
    return call(lib.fd_diff_hunks, inputs, diff_options("diff_hunks", options, inputs, labels=False), out=_HUNKS)


@overload
def word_diff(
    old: str, new: str, *, granularity: GranularityName = ..., **options: Unpack[UnifiedDiffOptions]
) -> WordDiff[str]: ...
@overload
def word_diff(
    old: Buffer, new: Buffer, *, granularity: GranularityName = ..., **options: Unpack[UnifiedDiffBytesOptions]
) -> WordDiff[bytes]: ...
@with_keywords(UnifiedDiffBytesOptions, DEFAULTS)
def word_diff(
    old: str | Buffer,
    new: str | Buffer,
    *,
    granularity: GranularityName = Granularity.WORDS,
    **options: Unpack[UnifiedDiffBytesOptions],
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
    granularity_c = granularity_number(granularity)
    inputs = lend(_TEXTS, (old, new))
    options_c = diff_options("word_diff", options, inputs, labels=True)
    return call(lib.fd_word_diff, inputs, options_c, granularity_c, out=_WORDS)


class _StatsOutput(Output[DiffStats]):
    """An ``fd_stats *``, which the caller sizes."""

    __slots__ = ()

    def new(self) -> tuple[Any, ...]:
        stats = ffi.new("fd_stats *")
        stats.struct_size = ffi.sizeof("fd_stats")
        return (stats,)

    def read(self, outs: tuple[Any, ...], inputs: Lent) -> DiffStats:
        return read_stats(outs[0])


class _TextAndStatsOutput(Output["tuple[str | bytes, DiffStats]"]):
    """An ``fd_buf *`` of text, then an ``fd_stats *``."""

    __slots__ = ()

    def new(self) -> tuple[Any, ...]:
        return TEXT.new() + _STATS.new()

    def read(self, outs: tuple[Any, ...], inputs: Lent) -> tuple[str | bytes, DiffStats]:
        return TEXT.read(outs[:1], inputs), _STATS.read(outs[1:], inputs)

    def free(self, outs: tuple[Any, ...]) -> None:
        TEXT.free(outs[:1])


class _HunksOutput(Output["list[Hunk[Any]]"]):
    """An ``fd_hunks **``, its lines sliced from the two texts."""

    __slots__ = ()

    def new(self) -> tuple[Any, ...]:
        return (ffi.new("fd_hunks **"),)

    def read(self, outs: tuple[Any, ...], inputs: Lent) -> list[Hunk[Any]]:
        return read_hunks(outs[0][0], inputs.indexed(0), inputs.indexed(1))

    def free(self, outs: tuple[Any, ...]) -> None:
        lib.fd_hunks_free(outs[0][0])


class _WordDiffOutput(Output["WordDiff[Any]"]):
    """An ``fd_word_diff_result **``, its spans sliced from the two texts."""

    __slots__ = ()

    def new(self) -> tuple[Any, ...]:
        return (ffi.new("fd_word_diff_result **"),)

    def read(self, outs: tuple[Any, ...], inputs: Lent) -> WordDiff[Any]:
        return read_word_diff(outs[0][0], inputs.indexed(0), inputs.indexed(1))

    def free(self, outs: tuple[Any, ...]) -> None:
        lib.fd_word_diff_free(outs[0][0])


_STATS = _StatsOutput()
_TEXT_AND_STATS = _TextAndStatsOutput()
_HUNKS = _HunksOutput()
_WORDS = _WordDiffOutput()
