"""Exceptions for the statuses the C library returns."""

from __future__ import annotations

from ._native import ffi, lib


class DiffError(Exception):
    """A call into the fast-diff library failed with a non-OK ``fd_status``.

    ``status`` is the number, ``message`` the library's own description of it.
    A status without a dedicated subclass (from a newer library) is raised as
    ``DiffError`` itself.
    """

    status: int
    message: str

    def __init__(self, status: int, message: str) -> None:
        super().__init__(f"{message} (fd_status {status})")
        self.status = status
        self.message = message


class NullArgumentError(DiffError):
    """``FD_ERR_NULL_ARGUMENT``: the binding passed NULL for a required pointer (a bug here)."""


class InvalidOptionsError(DiffError):
    """``FD_ERR_INVALID_OPTIONS``: the library rejected the options."""


class InputTooLargeError(DiffError):
    """``FD_ERR_INPUT_TOO_LARGE``: a text has more lines than the library compares (``FD_MAX_LINES``)."""


class InternalError(DiffError):
    """``FD_ERR_INTERNAL``: a bug in fast-diff, reported instead of crashing; please report it."""


_BY_STATUS: dict[int, type[DiffError]] = {
    lib.FD_ERR_NULL_ARGUMENT: NullArgumentError,
    lib.FD_ERR_INVALID_OPTIONS: InvalidOptionsError,
    lib.FD_ERR_INPUT_TOO_LARGE: InputTooLargeError,
    lib.FD_ERR_INTERNAL: InternalError,
}


def status_message(status: int) -> str:
    """The library's description of ``status`` (also for unknown numbers)."""
    return str(ffi.string(lib.fd_status_message(status)).decode("utf-8", "replace"))


def error_for_status(status: int) -> DiffError:
    """The exception for a non-OK ``status``."""
    return _BY_STATUS.get(status, DiffError)(status, status_message(status))


def check(status: int) -> None:
    """Raises the exception for ``status`` unless it is ``FD_OK``."""
    if status != lib.FD_OK:
        raise error_for_status(status)
