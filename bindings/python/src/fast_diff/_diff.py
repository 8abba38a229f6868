"""``unified_diff``: the unified diff of two texts."""

from __future__ import annotations

from typing import TYPE_CHECKING, overload

from . import _buffers
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

if TYPE_CHECKING:
    from typing_extensions import Buffer


@overload
def unified_diff(
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
) -> str: ...


@overload
def unified_diff(
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
) -> bytes: ...


def unified_diff(
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
) -> str | bytes:
    """The unified diff that turns ``old`` into ``new``, exactly as GNU ``diff -u`` writes it.

    ``old`` and ``new`` are both ``str`` (diffed as UTF-8; the result is ``str``)
    or both bytes-like (``bytes``, ``bytearray``, ``memoryview``, ``mmap``...;
    the result is ``bytes``, and the inputs are read in place, not copied).
    Any bytes are valid: NUL, invalid UTF-8, CRLF, a lone CR and a missing
    final newline are carried through unchanged; lines end at LF only.
    Identical texts give an empty result.

    Args:
        old: the original text.
        new: the modified text.
        context_lines: unchanged lines shown around each change (default 3).
        old_label: the name on the ``---`` line (default ``original``); no CR or LF.
        new_label: the name on the ``+++`` line (default ``modified``); no CR or LF.
            When diffing ``str``, labels must be ``str``; when diffing bytes, they may be either.
        algorithm: an :class:`Algorithm` or its name (default Myers).
        deadline_ms: a time limit in milliseconds for finding a small diff; when it
            passes the rest is diffed coarsely (larger hunks, still correct).
            ``None`` (the default) means none.
        ignore_space_change: ``diff -b``: a run of white space equals any other, and
            white space at line ends is ignored.
        ignore_all_space: ``diff -w``: white space is ignored wherever it is.
        ignore_blank_lines: ``diff -B``: changes whose lines are all blank are not shown,
            unless they fall inside a hunk shown for other changes.
        ignore_case: ``diff -i``: ASCII letters compare without regard to case.
        strip_trailing_cr: ``diff --strip-trailing-cr``: a CR just before the end of a
            line is ignored.

    Under the comparison modes, lines that differ only in ignored ways count as
    equal, and the diff still shows real lines (context and removed lines from
    ``old``, added lines from ``new``), so it applies to ``old``. A missing final
    newline always counts as a difference.

    Raises:
        TypeError: an argument of the wrong type, or ``str`` mixed with bytes.
        ValueError: an option out of range, an unknown algorithm, a label with a
            line break, or a ``str`` that is not encodable as UTF-8.
            (A mode that is not a ``bool`` is a TypeError.)
        DiffError: the library failed (a subclass per status, e.g. ``InputTooLargeError``).

    The GIL is released while the library works, so threads can diff in parallel.
    """
    # The common cases (two bytes or two str, default options) take the
    # shortest path: this function's own cost is the binding's overhead.
    # The pointers lend the caller's memory: `old`, `new` and the lent
    # objects stay referenced here until the call has returned.
    if type(old) is bytes and type(new) is bytes:
        text = False
        old_c, old_len, new_c, new_len = old, len(old), new, len(new)
    elif type(old) is str and type(new) is str:
        text = True
        old_c, old_len = _buffers.lend_str("old", old)
        new_c, new_len = _buffers.lend_str("new", new)
    else:  # str subclasses, other buffers, or a TypeError for a bad pair
        text, old_c, old_len, new_c, new_len = _buffers.lend_pair(old, new)
    if (
        deadline_ms is None
        and context_lines is DEFAULT_CONTEXT_LINES
        and algorithm is _MYERS
        and old_label is DEFAULT_OLD_LABEL
        and new_label is DEFAULT_NEW_LABEL
        and ignore_space_change is False
        and ignore_all_space is False
        and ignore_blank_lines is False
        and ignore_case is False
        and strip_trailing_cr is False
    ):
        options = _NULL  # the library's defaults, which are these
    else:
        options, _labels = c_options(
            context_lines=context_lines,
            old_label=old_label,
            new_label=new_label,
            algorithm=algorithm,
            deadline_ms=deadline_ms,
            text=text,
            flags=mode_flags(ignore_space_change, ignore_all_space, ignore_blank_lines, ignore_case, strip_trailing_cr),
        )
    out = ffi.new(_FD_BUF_P)
    status = lib.fd_unified_diff(old_c, old_len, new_c, new_len, options, out)
    return _take(status, out, text)  # type: ignore[no-any-return]


# Looked up once: module constants are the cheapest names to reach.
_MYERS = Algorithm.MYERS
_NULL = ffi.NULL
_FD_BUF_P = _buffers.FD_BUF_P
_take = _buffers.take
