"""The library's byte offsets in a patch, as indices and slices of the patch the caller passed.

A bytes-like patch is indexed by byte, so offsets are indices as they are.
A ``str`` patch was sent as UTF-8 and is indexed by character: offsets are
converted, so that ``patch[start:end]`` is the piece the library meant.
"""

from __future__ import annotations

import bisect
from typing import Any


class PatchText:
    """The caller's patch (``str`` or bytes-like) and, for a non-ASCII ``str``, its UTF-8 bytes."""

    __slots__ = ("_patch", "_utf8", "_offsets", "_indices")

    def __init__(self, patch: Any, utf8: bytes | None) -> None:
        self._patch = patch
        # Offsets are converted from the nearest checkpoint below them, so a
        # report's increasing offsets cost one pass over the patch in all.
        self._utf8 = utf8 if isinstance(patch, str) and not patch.isascii() else None
        self._offsets = [0]
        self._indices = [0]

    @property
    def is_str(self) -> bool:
        return isinstance(self._patch, str)

    def index(self, offset: int) -> int:
        """The index in the caller's patch of the library's byte ``offset``."""
        if self._utf8 is None:
            return offset
        k = bisect.bisect_right(self._offsets, offset) - 1
        base, index = self._offsets[k], self._indices[k]
        # Offsets the library reports are at line starts or the end, so at
        # character boundaries; "ignore" keeps a stray one from raising.
        index += len(self._utf8[base:offset].decode("utf-8", "ignore"))
        if k == len(self._offsets) - 1 and offset > base:
            self._offsets.append(offset)
            self._indices.append(index)
        return index

    def span(self, offset: int, length: int) -> tuple[int, int]:
        """``(start, end)`` indices of the ``length`` bytes at ``offset``."""
        return self.index(offset), self.index(offset + length)

    def slice(self, span: tuple[int, int]) -> Any:
        """That piece of the patch: ``str`` for a ``str`` patch, else ``bytes``."""
        start, end = span
        patch = self._patch
        if isinstance(patch, str) or type(patch) is bytes:
            return patch[start:end]
        with memoryview(patch) as view, view.cast("B") as octets:
            return octets[start:end].tobytes()
