"""``unified_diff``: the unified diff of two texts."""

from __future__ import annotations

from typing import TYPE_CHECKING, overload

from . import _buffers
from ._native import lib
from ._options import DEFAULT_CONTEXT_LINES, DEFAULT_NEW_LABEL, DEFAULT_OLD_LABEL, Algorithm, AlgorithmName, c_options

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

    Raises:
        TypeError: an argument of the wrong type, or ``str`` mixed with bytes.
        ValueError: an option out of range, an unknown algorithm, a label with a
            line break, or a ``str`` that is not encodable as UTF-8.
        DiffError: the library failed (a subclass per status, e.g. ``InputTooLargeError``).

    The GIL is released while the library works, so threads can diff in parallel.
    """
    text = _buffers.is_text_pair(old, new)
    options, _labels = c_options(
        context_lines=context_lines,
        old_label=old_label,
        new_label=new_label,
        algorithm=algorithm,
        deadline_ms=deadline_ms,
        text=text,
    )
    old_c = _buffers.borrow(_buffers.encode("old", old) if isinstance(old, str) else old)
    new_c = _buffers.borrow(_buffers.encode("new", new) if isinstance(new, str) else new)
    out = _buffers.new_buf()
    status = lib.fd_unified_diff(old_c, len(old_c), new_c, len(new_c), options, out)
    return _buffers.take_str(status, out) if text else _buffers.take_bytes(status, out)
