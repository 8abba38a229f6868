"""Exceptions for the statuses the C library returns."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._native import ffi, lib
from ._patch_results import HunkReport, PatchFile, PatchReport

if TYPE_CHECKING:
    from ._edit_results import EditFailure, EditReport


class DiffError(Exception):
    """A call into the fast-diff library failed with a non-OK ``fd_status``.

    ``status`` is the number, ``message`` the library's own description of it.
    A status without a dedicated subclass (from a newer library) is raised as
    ``DiffError`` itself.
    """

    status: int
    message: str
    pair: int | None
    """For :func:`unified_diff_many`, the index of the pair that failed; else ``None``."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(f"{message} (fd_status {status})")
        self.status = status
        self.message = message
        self.pair = None


class NullArgumentError(DiffError):
    """``FD_ERR_NULL_ARGUMENT``: the binding passed NULL for a required pointer (a bug here)."""


class InvalidOptionsError(DiffError):
    """``FD_ERR_INVALID_OPTIONS``: the library rejected the options."""


class InputTooLargeError(DiffError):
    """``FD_ERR_INPUT_TOO_LARGE``: a text has more lines than the library compares (``FD_MAX_LINES``)."""


class InternalError(DiffError):
    """``FD_ERR_INTERNAL``: a bug in fast-diff, reported instead of crashing; please report it."""


class PatchError(DiffError):
    """A patch was not applied (or, for :func:`parse_patch`, not read): an ``FD_ERR_PATCH_*`` status.

    ``report`` is what the library found, hunk by hunk. ``str(error)`` is the
    report's message, which says which hunk failed, why, and where the text
    comes closest; ``message`` is the status's description, as for every ``DiffError``.
    """

    report: PatchReport[Any]
    edits: EditReport[Any] | None
    """For :func:`apply_edits`: every file the patch touches, with its outcome and its hunks
    (``report`` then holds only the message); ``None`` for :func:`apply_patch`."""

    def __init__(
        self, status: int, message: str, report: PatchReport[Any] | None = None, edits: EditReport[Any] | None = None
    ) -> None:
        super().__init__(status, message)
        if report is None and edits is not None:
            report = PatchReport(
                message=edits.message,
                error_offset=edits.error_offset,
                error_line=edits.error_line,
                error_expected=edits.error_expected,
            )
        self.report = PatchReport(message=message) if report is None else report
        self.edits = edits
        if report is not None:
            summary, newline, details = report.message.partition("\n")
            self.args = (f"{summary} (fd_status {status}){newline}{details}",)

    @property
    def failures(self) -> tuple[EditFailure[Any], ...]:
        """For :func:`apply_edits`: every failure, file by file: a file missing or in the
        way, or a hunk that does not apply (with the rung tried, the closest line and its
        text). Empty for :func:`apply_patch`, whose ``report`` says it all."""
        return () if self.edits is None else self.edits.failures


class PatchMalformedError(PatchError):
    """``FD_ERR_PATCH_MALFORMED``: the patch cannot be read. The report's ``error_offset``,
    ``error_line`` and ``error_expected`` say where and what was expected there."""


class PatchHunkFailedError(PatchError):
    """``FD_ERR_PATCH_HUNK_FAILED``: at least one hunk does not apply; nothing was applied.

    ``failed`` are those hunks, each with its reason and closest candidate. With
    ``partial=True``, ``partial_text`` is the text with the hunks that do apply.
    """

    partial_text: Any
    """``str`` or ``bytes`` (as the text passed in) when ``partial=True`` was asked, else ``None``."""

    def __init__(
        self,
        status: int,
        message: str,
        report: PatchReport[Any] | None = None,
        partial_text: Any = None,
        edits: EditReport[Any] | None = None,
    ) -> None:
        super().__init__(status, message, report, edits)
        self.partial_text = partial_text

    @property
    def failed(self) -> tuple[HunkReport[Any], ...]:
        if self.edits is not None:
            return tuple(hunk for file in self.edits.files for hunk in file.hunks if hunk.reason is not None)
        return self.report.failed


class PatchAmbiguousError(PatchHunkFailedError):
    """``FD_ERR_PATCH_AMBIGUOUS`` (from :func:`apply_edits`): nothing was applied because
    a hunk, block or replacement that states no line matches at several places, and nothing
    else is wrong; each such hunk's ``places`` lists them. A kind of
    :class:`PatchHunkFailedError`."""


class PatchAlreadyAppliedError(PatchError):
    """``FD_ERR_PATCH_ALREADY_APPLIED``: no hunk applies but all apply in reverse: the text
    already has the patch's changes (or, with ``reverse=True``, already lacks them)."""


class PatchMultipleFilesError(PatchError):
    """``FD_ERR_PATCH_MULTIPLE_FILES``: the patch changes several files. ``files`` are its
    sections; apply each one's ``patch`` to that file's text."""

    @property
    def files(self) -> tuple[PatchFile[Any], ...]:
        return self.report.files


_BY_STATUS: dict[int, type[DiffError]] = {
    lib.FD_ERR_NULL_ARGUMENT: NullArgumentError,
    lib.FD_ERR_INVALID_OPTIONS: InvalidOptionsError,
    lib.FD_ERR_INPUT_TOO_LARGE: InputTooLargeError,
    lib.FD_ERR_INTERNAL: InternalError,
    lib.FD_ERR_PATCH_MALFORMED: PatchMalformedError,
    lib.FD_ERR_PATCH_HUNK_FAILED: PatchHunkFailedError,
    lib.FD_ERR_PATCH_ALREADY_APPLIED: PatchAlreadyAppliedError,
    lib.FD_ERR_PATCH_MULTIPLE_FILES: PatchMultipleFilesError,
    lib.FD_ERR_PATCH_AMBIGUOUS: PatchAmbiguousError,
}


def status_message(status: int) -> str:
    """The library's description of ``status`` (also for unknown numbers)."""
    return str(ffi.string(lib.fd_status_message(status)).decode("utf-8", "replace"))


def error_for_status(status: int) -> DiffError:
    """The exception for a non-OK ``status``."""
    return _BY_STATUS.get(status, DiffError)(status, status_message(status))
