"""The patch functions: applying a unified diff to a text, and reading a patch into its file sections."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, overload

from ._call import Output, buffer_contents, call
from ._errors import DiffError, PatchError, PatchHunkFailedError, error_for_status
from ._inputs import Lent, lend
from ._keywords import with_keywords
from ._native import ffi, lib
from ._patch_options import DEFAULTS, PatchOptions, patch_options
from ._patch_results import Applied, PatchReport, read_report

if TYPE_CHECKING:
    from typing import Unpack

    from typing_extensions import Buffer


@overload
def apply_patch(text: str, patch: str, **options: Unpack[PatchOptions]) -> Applied[str]: ...
@overload
def apply_patch(text: Buffer, patch: Buffer, **options: Unpack[PatchOptions]) -> Applied[bytes]: ...
@with_keywords(PatchOptions, DEFAULTS)
def apply_patch(
    text: str | Buffer, patch: str | Buffer, **options: Unpack[PatchOptions]
) -> Applied[str] | Applied[bytes]:
    """Applies the single-file unified diff ``patch`` to ``text``: the new text and a per-hunk report.

    ``text`` and ``patch`` are both ``str`` (read as UTF-8; the new text is ``str``)
    or both bytes-like (read in place; the new text is ``bytes``). Patches written
    by GNU diff, git (``diff --git``, ``index`` lines, ``a/`` ``b/`` prefixes) and
    difflib are read, with or without ``\\ No newline at end of file``; text around
    the diff (a mail, a commit message) is skipped. An empty patch gives the text back.

    All or nothing: when any hunk does not apply, nothing is applied and
    :class:`PatchHunkFailedError` says which hunk, why, and where the text comes
    closest. A patch is never reported applied to a text it does not match.

    The keywords are those of :class:`PatchOptions`: ``max_offset``, ``fuzz``,
    ``recount``, ``reverse``, ``ignore_whitespace``, ``strict_line_endings`` and
    ``partial``.

    Raises:
        TypeError, ValueError: bad arguments (checked before anything reaches C).
        PatchMalformedError: the patch cannot be read (``report.error_offset``,
            ``error_line`` and ``error_expected`` say where and why).
        PatchHunkFailedError: a hunk does not apply (``failed`` lists them).
        PatchAlreadyAppliedError: no hunk applies, but all apply in reverse.
        PatchMultipleFilesError: the patch changes several files (``files`` are its
            sections; apply each one to its own text).
        DiffError: any other failure of the library.

    The GIL is released while the library works.
    """
    inputs = lend(("text", "patch"), (text, patch), "read")
    options_c = patch_options("apply_patch", options)
    partial = options.get("partial") is True  # checked by patch_options
    return call(lib.fd_apply_patch, inputs, options_c, out=_APPLIED_PARTIAL if partial else _APPLIED)


@overload
def parse_patch(patch: str, *, recount: bool = ...) -> PatchReport[str]: ...
@overload
def parse_patch(patch: Buffer, *, recount: bool = ...) -> PatchReport[bytes]: ...
def parse_patch(patch: str | Buffer, *, recount: bool = False) -> PatchReport[str] | PatchReport[bytes]:
    """Reads a patch of any number of files into its sections and hunks, without applying it.

    Each of the report's ``files`` holds its section as ``patch``, a single-file
    patch to give :func:`apply_patch` with that file's text, and its ``path``.
    Hunks are all ``NOT_TRIED``. ``recount`` is as for :func:`apply_patch`.

    Raises:
        PatchMalformedError: the patch cannot be read.
    """
    inputs = lend(("patch",), (patch,), "read")
    options_c = patch_options("parse_patch", {"recount": recount})
    return call(lib.fd_parse_patch, inputs, options_c, out=_REPORT)


def _report(pointer: Any, inputs: Lent, patch: int) -> PatchReport[Any] | None:
    """A copy of the ``fd_patch_report *`` ``pointer``, if any, about the ``patch``-th input."""
    return None if pointer == ffi.NULL else read_report(pointer, inputs.indexed(patch))


def _patch_error(status: int, report: PatchReport[Any] | None, partial_text: Any = None) -> DiffError:
    """The error for ``status``, carrying the report that explains it."""
    error = error_for_status(status)
    if isinstance(error, PatchHunkFailedError):
        return PatchHunkFailedError(status, error.message, report, partial_text)
    if isinstance(error, PatchError):
        return type(error)(status, error.message, report)
    return error


class _AppliedOutput(Output["Applied[Any]"]):
    """``fd_apply_patch``'s ``fd_buf *`` and ``fd_patch_report **``: the new text and its report,
    or, when it fails, the error that carries the report (and with ``partial``, the text
    with the hunks that apply)."""

    __slots__ = ("partial",)

    def __init__(self, partial: bool) -> None:
        self.partial = partial

    def new(self) -> tuple[Any, ...]:
        return ffi.new("fd_buf *"), ffi.new("fd_patch_report **")

    def read(self, outs: tuple[Any, ...], inputs: Lent) -> Applied[Any]:
        text, report = outs
        read = _report(report[0], inputs, 1)
        if read is None:  # the header promises a report with FD_OK
            raise error_for_status(lib.FD_ERR_INTERNAL)
        return Applied(text=buffer_contents(text, inputs.is_str), report=read)

    def error(self, status: int, outs: tuple[Any, ...], inputs: Lent) -> DiffError:
        text, report = outs
        # The library writes the text on a failed hunk only when partial results were asked for.
        written = self.partial and status == lib.FD_ERR_PATCH_HUNK_FAILED
        partial_text = buffer_contents(text, inputs.is_str) if written else None
        return _patch_error(status, _report(report[0], inputs, 1), partial_text)

    def free(self, outs: tuple[Any, ...]) -> None:
        text, report = outs
        lib.fd_free(text)
        lib.fd_patch_report_free(report[0])


class _ReportOutput(Output["PatchReport[Any]"]):
    """``fd_parse_patch``'s ``fd_patch_report **``, or the error that carries it."""

    __slots__ = ()

    def new(self) -> tuple[Any, ...]:
        return (ffi.new("fd_patch_report **"),)

    def read(self, outs: tuple[Any, ...], inputs: Lent) -> PatchReport[Any]:
        report = _report(outs[0][0], inputs, 0)
        if report is None:  # the header promises a report with FD_OK
            raise error_for_status(lib.FD_ERR_INTERNAL)
        return report

    def error(self, status: int, outs: tuple[Any, ...], inputs: Lent) -> DiffError:
        return _patch_error(status, _report(outs[0][0], inputs, 0))

    def free(self, outs: tuple[Any, ...]) -> None:
        lib.fd_patch_report_free(outs[0][0])


_APPLIED = _AppliedOutput(partial=False)
_APPLIED_PARTIAL = _AppliedOutput(partial=True)
_REPORT = _ReportOutput()
