"""Many unified diffs in one call: :func:`unified_diff_many`, over ``fd_unified_diff_many``.

The pairs cross the boundary once, both ways. On the way in, every text is
lent in place: the extension's ``fdpy_lend_pairs`` points the C array at
the storage of exact ``bytes`` and ASCII ``str`` objects in tuples (given
the tuples' addresses, which is what ``id()`` is on CPython), and only the
other texts (in other sequences, non-ASCII ``str``, other buffers) are
lent one by one here, as
:func:`unified_diff` lends them. Then one call diffs every pair on the
library's threads with the GIL released, and ``fdpy_take_outputs`` copies
the diffs end to end into one buffer and frees them, which Python slices.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import accumulate
from typing import TYPE_CHECKING, Any, overload

from ._diff_options import DEFAULTS, UnifiedDiffBytesOptions, UnifiedDiffOptions, diff_options, label_bytes
from ._errors import error_for_status
from ._inputs import Lent, lend
from ._keywords import UINT32_MAX, count, with_keywords
from ._native import ffi, lib

if TYPE_CHECKING:
    from typing import Unpack

    from typing_extensions import Buffer

_UNLENT = 2**64 - 1 if ffi.sizeof("size_t") == 8 else 2**32 - 1  # SIZE_MAX: fdpy_lend_pairs left it to us


@overload
def unified_diff_many(
    pairs: Iterable[tuple[str, str]],
    *,
    threads: int | None = None,
    labels: Sequence[tuple[str, str]] | None = None,
    **options: Unpack[UnifiedDiffOptions],
) -> list[str]: ...
@overload
def unified_diff_many(
    pairs: Iterable[tuple[Buffer, Buffer]],
    *,
    threads: int | None = None,
    labels: Sequence[tuple[str | Buffer, str | Buffer]] | None = None,
    **options: Unpack[UnifiedDiffBytesOptions],
) -> list[bytes]: ...
@with_keywords(UnifiedDiffBytesOptions, DEFAULTS)
def unified_diff_many(
    pairs: Iterable[tuple[str | Buffer, str | Buffer]],
    *,
    threads: int | None = None,
    labels: Sequence[tuple[str | Buffer, str | Buffer]] | None = None,
    **options: Unpack[UnifiedDiffBytesOptions],
) -> list[str] | list[bytes]:
    """The unified diff of every ``(old, new)`` pair, in order, each exactly what
    :func:`unified_diff` returns for it, computed in one call on ``threads``
    threads of the library (``None`` or 0: one per core the process may use).

    Every text is ``str`` (the results are ``str``) or every text is bytes-like
    (the results are ``bytes``); a ``str`` anywhere beside bytes is a
    ``TypeError``. The texts are read in place, not copied (``bytes``, ASCII
    ``str``, and every other buffer; only a non-ASCII ``str`` is encoded), and
    the GIL is released once, for the whole batch. ``labels``, if given, holds
    an ``(old_label, new_label)`` pair for each pair, in place of the
    ``old_label`` and ``new_label`` keywords (which then label nothing); the
    other keywords are :func:`unified_diff`'s and apply to every pair.

    Raises:
        TypeError, ValueError: as :func:`unified_diff`, for any pair (the
            message names it), and for ``threads``.
        DiffError: a pair failed in the library; its ``pair`` attribute is
            the pair's index. The other diffs of the call are discarded.
    """
    items = list(pairs)  # our own: no other thread can drop a pair while C reads it
    threads_c = 0 if threads is None else count("threads", threads, UINT32_MAX)
    n = len(items)
    if labels is not None and len(labels) != n:
        raise ValueError(f"labels must hold one (old_label, new_label) pair per pair: {len(labels)} for {n} pairs")
    if n == 0:
        return []
    want_str = _first_is_str(items)
    c_pairs = ffi.new("fd_pair[]", n)
    keep = Lent((), want_str, ())  # whatever the pairs point into, beyond the texts themselves
    objects = ffi.new("uintptr_t[]", list(map(id, items)))
    if lib.fdpy_lend_pairs(objects, n, want_str, c_pairs):
        _lend_the_rest(items, c_pairs, keep)
    if labels is not None:
        _label_pairs(labels, c_pairs, keep)
    options_c = diff_options("unified_diff_many", options, keep, labels=True)
    outs = ffi.new("fd_buf[]", n)
    statuses = ffi.new("fd_status[]", n)
    status = lib.fd_unified_diff_many(c_pairs, n, options_c, threads_c, outs, statuses)
    if status:
        raise error_for_status(status)
    taken = False
    try:
        failed = next((i for i, s in enumerate(ffi.unpack(statuses, n)) if s), None)
        if failed is not None:
            error = error_for_status(statuses[failed])
            error.pair = failed
            error.args = (f"pair {failed}: {error.args[0]}",)
            raise error
        lengths = ffi.new("size_t[]", n)
        total = lib.fdpy_take_outputs(outs, n, lengths, ffi.NULL)
        blob = ffi.new("uint8_t[]", total) if total else ffi.NULL
        lib.fdpy_take_outputs(outs, n, lengths, blob)
        taken = True
        return _slices(ffi.buffer(blob, total)[:] if total else b"", ffi.unpack(lengths, n), want_str)
    finally:
        if not taken:
            lib.fdpy_free_outputs(outs, n)


def _first_is_str(items: Sequence[Any]) -> bool:
    """Whether the first pair's old text is a ``str``: the kind every text must be."""
    try:
        first = items[0][0]
    except (TypeError, IndexError, KeyError):
        raise _not_a_pair(items) from None
    return isinstance(first, str)


def _not_a_pair(items: Sequence[Any]) -> TypeError:
    """The error for the first item that is not a pair of two texts."""
    for i, item in enumerate(items):
        if _is_text(item):  # two bytes or two characters unpack, but are a text
            return TypeError(f"pairs[{i}] must be an (old, new) pair, not {type(item).__name__}")
        try:
            _old, _new = item
        except (TypeError, ValueError):
            return TypeError(f"pairs[{i}] must be an (old, new) pair, not {type(item).__name__}")
    return TypeError("pairs must be (old, new) pairs")


def _is_text(item: object) -> bool:
    return isinstance(item, (str, bytes, bytearray, memoryview))


def _lend_the_rest(items: Sequence[Any], c_pairs: Any, keep: Lent) -> None:
    """Lends each text ``fdpy_lend_pairs`` left (length SIZE_MAX) as :func:`unified_diff` would,
    checking that it is of the batch's kind."""
    for i, item in enumerate(items):
        pair = c_pairs[i]
        if pair.old_len != _UNLENT and pair.new_len != _UNLENT:
            continue
        if _is_text(item):
            raise _not_a_pair(items)
        try:
            old, new = item
        except (TypeError, ValueError):
            raise _not_a_pair(items) from None
        try:
            lent = lend((f"pairs[{i}][0]", f"pairs[{i}][1]"), (old, new))
        except TypeError as error:
            raise TypeError(str(error)) from None
        if lent.is_str != keep.is_str:
            first, this = ("str", "bytes-like") if keep.is_str else ("bytes-like", "str")
            raise TypeError(
                f"pairs[{i}] holds {this} texts but pairs[0] {first} ones: every text must be str "
                "(giving str) or every text bytes-like (giving bytes)"
            )
        old_c, old_len, new_c, new_len = lent.c_args
        pair.old_text, pair.old_len = _pointer(old_c, keep), old_len
        pair.new_text, pair.new_len = _pointer(new_c, keep), new_len


def _pointer(lent: Any, keep: Lent) -> Any:
    """A pointer that can sit in a struct: cffi turns ``bytes`` into one only in calls."""
    return keep.keep(ffi.from_buffer("uint8_t[]", lent)) if isinstance(lent, bytes) else keep.keep(lent)


def _label_pairs(labels: Sequence[tuple[Any, Any]], c_pairs: Any, keep: Lent) -> None:
    """Points each pair at its own labels, checked as :func:`unified_diff` checks them."""
    for i, label_pair in enumerate(labels):
        try:
            old_label, new_label = label_pair
        except (TypeError, ValueError):
            raise TypeError(f"labels[{i}] must be an (old_label, new_label) pair") from None
        pair = c_pairs[i]
        for side, value in (("old", old_label), ("new", new_label)):
            label = label_bytes(f"labels[{i}] {side}_label", value, keep.is_str)
            setattr(pair, f"{side}_label", keep.keep(ffi.from_buffer("uint8_t[]", label or b"\0")))
            setattr(pair, f"{side}_label_len", len(label))


def _slices(blob: bytes, lengths: list[int], as_str: bool) -> list[Any]:
    """The outputs, end to end in ``blob``, each as ``bytes`` or, decoded, ``str``."""
    ends = list(accumulate(lengths))
    starts = [0, *ends[:-1]]
    if not as_str:
        return [blob[start:end] for start, end in zip(starts, ends)]
    text = blob.decode("utf-8")
    if len(text) == len(blob):  # ASCII: byte offsets are character indices
        return [text[start:end] for start, end in zip(starts, ends)]
    return [blob[start:end].decode("utf-8") for start, end in zip(starts, ends)]
