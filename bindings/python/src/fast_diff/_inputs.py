"""The caller's texts at the boundary: lent to C on the way in, indexed by the library's offsets on the way out.

A call's texts are either all ``str`` (sent as UTF-8, answered with ``str``)
or all bytes-like (any C-contiguous buffer: ``bytes``, ``bytearray``,
``memoryview``, ``mmap``, ``array``...), answered with ``bytes``. Neither
kind is copied on the way in when it can be avoided: buffers are lent to C
(``bytes`` as they are, others through ``ffi.from_buffer``), and so is an
ASCII ``str`` on CPython, whose storage is already its UTF-8 encoding. Any
other ``str`` is encoded once.

On the way out, the library speaks of byte offsets into the texts it was
given; :class:`IndexedText` turns them into indices and slices of the object
the caller passed (characters of a ``str``, bytes otherwise).
"""

from __future__ import annotations

import bisect
import sys
from collections.abc import Sequence
from typing import Any

from ._native import ffi, lib

# id() is an object's address only on CPython (see build_ffi.py).
_LEND_ASCII_STR = sys.implementation.name == "cpython" and lib.fdpy_ascii_str_data(id("")) != ffi.NULL

# Below this length, encoding (a small copy) costs less than the extra C call.
LEND_MIN_LENGTH = 4096


class Lent:
    """The texts of one call, lent to C, and everything else the call lends (labels...).

    ``c_args`` are the texts as the C API takes them, a pointer and a length
    each, in order. Whatever the pointers point into is referenced here, so a
    ``Lent`` kept alive until the call returns keeps the memory valid.
    """

    __slots__ = ("values", "is_str", "c_args", "_kept")

    def __init__(self, values: tuple[Any, ...], is_str: bool, c_args: tuple[Any, ...]) -> None:
        self.values = values
        self.is_str = is_str
        self.c_args = c_args
        self._kept: list[Any] | None = None  # most calls lend nothing but the texts

    def keep(self, lent: Any) -> Any:
        """Keeps ``lent`` (a cdata other arguments point into) alive as long as the texts."""
        if self._kept is None:
            self._kept = [lent]
        else:
            self._kept.append(lent)
        return lent

    def indexed(self, i: int) -> IndexedText:
        """The ``i``-th text, for turning the library's byte offsets into it into indices."""
        pointer = self.c_args[2 * i]
        return IndexedText(self.values[i], pointer if isinstance(pointer, bytes) else None)


def lend(names: tuple[str, ...], values: tuple[Any, ...], verb: str = "diffed") -> Lent:
    """``values`` lent to C: all ``str`` or all bytes-like, or a TypeError naming them
    (``names`` are the arguments' names, ``verb`` what is done to them, for messages)."""
    # Two bytes or two str take the shortest path: this is most of the
    # binding's own cost in a call.
    if len(values) == 2:
        first, second = values
        kind = type(first)
        if kind is type(second):
            if kind is bytes:
                return Lent(values, False, (first, len(first), second, len(second)))
            if kind is str:
                return Lent(values, True, lend_str(names[0], first) + lend_str(names[1], second))
    is_str = _all_str(names, values, verb)
    c_args: list[Any] = []
    for name, value in zip(names, values):
        c_args += lend_str(name, value) if is_str else lend_buffer(value)
    return Lent(values, is_str, tuple(c_args))


def _all_str(names: tuple[str, ...], values: tuple[Any, ...], verb: str) -> bool:
    """True for all ``str``, False for all bytes-like; TypeError otherwise."""
    kinds = [isinstance(value, str) for value in values]
    if all(kinds):
        return True
    if not any(kinds):
        for name, value in zip(names, values):
            require_buffer(name, value)
        return False
    every = "both" if len(names) == 2 else "all"
    raise TypeError(
        f"{_listed(names)} must {every} be str ({verb} as UTF-8, giving str) or {every} be bytes-like "
        f"(giving bytes), not {_listed([type(value).__name__ for value in values])}; "
        "encode the str or decode the bytes first"
    )


def _listed(words: Sequence[str]) -> str:
    return ", ".join(words[:-1]) + " and " + words[-1]


def require_buffer(name: str, value: object) -> None:
    """Checks that ``value`` is a C-contiguous buffer, with an error naming ``name``."""
    if type(value) is bytes:
        return
    try:
        view = memoryview(value)  # type: ignore[arg-type]
    except TypeError:
        raise TypeError(f"{name} must be str or bytes-like, not {type(value).__name__}") from None
    with view:
        if not view.c_contiguous:
            raise ValueError(f"{name} is a non-contiguous buffer; pass a contiguous copy (bytes({name}))")


def encode(name: str, text: str) -> bytes:
    """``text`` as UTF-8, with a clear error for lone surrogates."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise ValueError(
            f"{name} cannot be encoded as UTF-8 ({error.reason} at index {error.start}); "
            "pass bytes to diff arbitrary data"
        ) from None


def lend_str(name: str, text: str) -> tuple[Any, int]:
    """A pointer to ``text`` as UTF-8 and its length, valid while ``text`` lives
    (and, for the encoded case, while the returned pointer object lives)."""
    if _LEND_ASCII_STR and len(text) >= LEND_MIN_LENGTH and text.isascii():
        return lib.fdpy_ascii_str_data(id(text)), len(text)
    data = encode(name, text)
    return data, len(data)


def lend_buffer(value: Any) -> tuple[Any, int]:
    """A pointer into a bytes-like ``value``'s own memory and its length in bytes."""
    if type(value) is bytes:
        return value, len(value)
    data = ffi.from_buffer("uint8_t[]", value)
    return data, len(data)


class IndexedText:
    """The caller's input (``str`` or bytes-like) and, for a non-ASCII ``str``, its UTF-8 bytes.

    A bytes-like input is indexed by byte, so offsets are indices as they are.
    A ``str`` was sent as UTF-8 and is indexed by character: offsets are
    converted, so that ``text[start:end]`` is the piece the library meant.
    Every offset the library reports (line starts, patch positions, tokens
    of an inline diff) is at a character boundary.
    """

    __slots__ = ("_text", "_utf8", "_offsets", "_indices")

    def __init__(self, text: Any, utf8: bytes | None) -> None:
        self._text = text
        # Offsets are converted from the nearest checkpoint below them, so a
        # result's increasing offsets cost one pass over the text in all.
        self._utf8 = utf8 if isinstance(text, str) and not text.isascii() else None
        self._offsets = [0]
        self._indices = [0]

    @property
    def is_str(self) -> bool:
        return isinstance(self._text, str)

    def index(self, offset: int) -> int:
        """The index in the caller's text of the library's byte ``offset``."""
        if self._utf8 is None:
            return offset
        k = bisect.bisect_right(self._offsets, offset) - 1
        base, index = self._offsets[k], self._indices[k]
        # "ignore" keeps a stray offset inside a character from raising.
        index += len(self._utf8[base:offset].decode("utf-8", "ignore"))
        if k == len(self._offsets) - 1 and offset > base:
            self._offsets.append(offset)
            self._indices.append(index)
        return index

    def span(self, offset: int, length: int) -> tuple[int, int]:
        """``(start, end)`` indices of the ``length`` bytes at ``offset``."""
        start = self.index(offset)
        if self._utf8 is None:
            return start, offset + length
        return start, self.index(offset + length)

    def slice(self, span: tuple[int, int]) -> Any:
        """That piece of the text: ``str`` for a ``str``, else ``bytes``."""
        start, end = span
        text = self._text
        if isinstance(text, str) or type(text) is bytes:
            return text[start:end]
        with memoryview(text) as view, view.cast("B") as octets:
            return octets[start:end].tobytes()
