"""The one way this package calls the library: :func:`call`, and the out-parameters it reads.

Every public function does the same five things: lend its texts to C
(:func:`fast_diff._inputs.lend`), call one ``fd_`` function, check the
``fd_status`` it returns (raising the :class:`DiffError` subclass for it),
copy what the library wrote into Python objects, and free the library's
memory, also when anything fails. :func:`call` does the last four; what
differs between functions is the kind of result, which an :class:`Output`
describes: how its out-parameters are made, read and freed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from ._errors import DiffError, error_for_status
from ._inputs import Lent
from ._native import ffi, lib

T = TypeVar("T")


class Output(Generic[T]):
    """One kind of result of the C API: the out-parameters a function ends with."""

    __slots__ = ()

    def new(self) -> tuple[Any, ...]:
        """Fresh out-parameters for one call, in the order the function takes them."""
        raise NotImplementedError

    def read(self, outs: tuple[Any, ...], inputs: Lent) -> T:
        """A copy of what the library wrote into ``outs`` after ``FD_OK``, owning nothing in C."""
        raise NotImplementedError

    def free(self, outs: tuple[Any, ...]) -> None:
        """Releases what the library wrote into ``outs``; called once per call, whatever happened."""

    def error(self, status: int, outs: tuple[Any, ...], inputs: Lent) -> DiffError:
        """The exception for the non-OK ``status``; a result that explains failures reads its
        explanation from ``outs`` here."""
        return error_for_status(status)


def call(function: Callable[..., int], inputs: Lent, *args: Any, out: Output[T]) -> T:
    """Calls ``function`` with the lent texts, then ``args``, then ``out``'s out-parameters,
    and returns ``out``'s result, or raises the error for the status it returned.

    ``inputs`` (and whatever it keeps) stays referenced until the call has
    returned, so the memory C reads stays valid. cffi releases the GIL for
    the call itself.
    """
    outs = out.new()
    try:
        status = function(*inputs.c_args, *args, *outs)
        if status:  # FD_OK is 0
            raise out.error(status, outs, inputs)
        return out.read(outs, inputs)
    finally:
        out.free(outs)


def buffer_contents(buffer: Any, as_str: bool) -> str | bytes:
    """A copy of an ``fd_buf``'s bytes, as ``str`` from UTF-8 when ``as_str``, else ``bytes``."""
    length = buffer.len
    if not length:
        return "" if as_str else b""
    data = ffi.buffer(buffer.ptr, length)
    return str(data, "utf-8") if as_str else bytes(data)  # str() decodes in place


class TextOutput(Output["str | bytes"]):
    """An ``fd_buf *`` of text: ``str`` when the inputs were ``str``, else ``bytes``.

    A text the library writes from ``str`` inputs is whole lines of them, and
    labels and markers it adds are UTF-8, so it is UTF-8.
    """

    __slots__ = ()

    def new(self) -> tuple[Any, ...]:
        return (ffi.new("fd_buf *"),)

    def read(self, outs: tuple[Any, ...], inputs: Lent) -> str | bytes:
        return buffer_contents(outs[0], inputs.is_str)

    def free(self, outs: tuple[Any, ...]) -> None:
        lib.fd_free(outs[0])


TEXT = TextOutput()
