"""Crossing the boundary: the caller's texts in, the library's bytes out.

Texts are either both ``str`` (sent as UTF-8, answered with ``str``) or both
bytes-like (any C-contiguous buffer: ``bytes``, ``bytearray``, ``memoryview``,
``mmap``, ``array``...), which reach C without a copy through
``ffi.from_buffer``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Union

from ._errors import check
from ._native import ffi, lib

if TYPE_CHECKING:
    from typing_extensions import Buffer, TypeAlias

    Text: TypeAlias = Union[str, Buffer]


def is_text_pair(old: object, new: object) -> bool:
    """True for two ``str``, False for two bytes-like objects; TypeError otherwise."""
    old_is_str, new_is_str = isinstance(old, str), isinstance(new, str)
    if old_is_str and new_is_str:
        return True
    if not old_is_str and not new_is_str:
        for name, value in (("old", old), ("new", new)):
            require_buffer(name, value)
        return False
    raise TypeError(
        "old and new must both be str (diffed as UTF-8, giving str) or both be bytes-like "
        f"(giving bytes), not {type(old).__name__} and {type(new).__name__}; "
        "encode the str or decode the bytes first"
    )


def require_buffer(name: str, value: object) -> None:
    """Checks that ``value`` is a C-contiguous buffer, with an error naming ``name``."""
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


def borrow(value: Any) -> Any:
    """A cdata pointing into ``value``'s own memory (no copy), valid while it lives."""
    return ffi.from_buffer("uint8_t[]", value)


def new_buf() -> Any:
    """A zeroed ``fd_buf`` for the library to fill."""
    return ffi.new("fd_buf *")


def take_bytes(status: int, out: Any) -> bytes:
    """The bytes the library returned in ``out``, which is released."""
    try:
        check(status)
        return ffi.buffer(out.ptr, out.len)[:] if out.len else b""
    finally:
        lib.fd_free(out)


def take_str(status: int, out: Any) -> str:
    """The UTF-8 text the library returned in ``out``, decoded straight from C memory."""
    try:
        check(status)
        return str(ffi.buffer(out.ptr, out.len), "utf-8") if out.len else ""
    finally:
        lib.fd_free(out)
