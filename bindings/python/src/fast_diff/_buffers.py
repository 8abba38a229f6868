"""Crossing the boundary: the caller's texts in, the library's bytes out.

Texts are either both ``str`` (sent as UTF-8, answered with ``str``) or both
bytes-like (any C-contiguous buffer: ``bytes``, ``bytearray``, ``memoryview``,
``mmap``, ``array``...), answered with ``bytes``. Neither kind is copied on
the way in when it can be avoided: buffers are lent to C (``bytes`` as they
are, others through ``ffi.from_buffer``), and so is an ASCII ``str`` on
CPython, whose storage is already its UTF-8 encoding. Any other ``str`` is
encoded once.
"""

from __future__ import annotations

import sys
from typing import Any

from ._errors import error_for_status
from ._native import ffi, lib

# id() is an object's address only on CPython (see build_ffi.py).
_LEND_ASCII_STR = sys.implementation.name == "cpython" and lib.fdpy_ascii_str_data(id("")) != ffi.NULL

# Below this length, encoding (a small copy) costs less than the extra C call.
LEND_MIN_LENGTH = 4096

FD_BUF_P = ffi.typeof("fd_buf *")


def is_text_pair(old: object, new: object, names: tuple[str, str] = ("old", "new"), verb: str = "diffed") -> bool:
    """True for two ``str``, False for two bytes-like objects; TypeError otherwise.
    ``names`` are the arguments' names and ``verb`` what is done to them, for messages."""
    old_is_str, new_is_str = isinstance(old, str), isinstance(new, str)
    if old_is_str and new_is_str:
        return True
    if not old_is_str and not new_is_str:
        for name, value in zip(names, (old, new)):
            require_buffer(name, value)
        return False
    raise TypeError(
        f"{names[0]} and {names[1]} must both be str ({verb} as UTF-8, giving str) or both be bytes-like "
        f"(giving bytes), not {type(old).__name__} and {type(new).__name__}; "
        "encode the str or decode the bytes first"
    )


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


def lend_pair(old: Any, new: Any) -> tuple[bool, Any, int, Any, int]:
    """``(text, old_c, old_len, new_c, new_len)``: whether the two inputs are ``str``
    (else bytes-like; a mixed pair is a TypeError), and each lent as a C buffer.
    An encoded ``str`` is lent as ``bytes``, its UTF-8."""
    text = is_text_pair(old, new)
    if text:
        old_c, old_len = lend_str("old", old)
        new_c, new_len = lend_str("new", new)
    else:
        old_c, old_len = lend_buffer(old)
        new_c, new_len = lend_buffer(new)
    return text, old_c, old_len, new_c, new_len


def take(status: int, out: Any, text: bool) -> Any:
    """What the library returned in ``out`` (``str`` from UTF-8 when ``text``, else
    ``bytes``), which is released; or the exception for a non-OK ``status``."""
    try:
        if status:
            raise error_for_status(status)
        length = out.len
        if not length:
            return "" if text else b""
        data = ffi.buffer(out.ptr, length)
        return str(data, "utf-8") if text else data[:]  # str() decodes in place
    finally:
        lib.fd_free(out)
