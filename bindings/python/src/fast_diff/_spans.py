"""The library's byte offsets into an input, as indices and slices of the object the caller passed.

A bytes-like input is indexed by byte, so offsets are indices as they are.
A ``str`` was sent as UTF-8 and is indexed by character: offsets are
converted, so that ``text[start:end]`` is the piece the library meant.
Every offset the library reports (line starts, patch positions, tokens of
an inline diff) is at a character boundary.
"""

from __future__ import annotations

import bisect
from typing import Any


class IndexedText:
    """The caller's input (``str`` or bytes-like) and, for a non-ASCII ``str``, its UTF-8 bytes."""

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
