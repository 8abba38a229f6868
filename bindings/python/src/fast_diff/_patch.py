"""``apply_patch`` and ``parse_patch``: applying unified diffs, and reading them into file sections."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, overload

from . import _buffers
from ._errors import PatchError, PatchHunkFailedError, error_for_status
from ._native import ffi, lib
from ._options import c_apply_options
from ._report import Applied, PatchReport, read_report
from ._spans import IndexedText

if TYPE_CHECKING:
    from typing_extensions import Buffer


@overload
def apply_patch(
    text: str,
    patch: str,
    *,
    max_offset: int | None = ...,
    fuzz: int = ...,
    recount: bool = ...,
    reverse: bool = ...,
    ignore_whitespace: bool = ...,
    strict_line_endings: bool = ...,
    partial: bool = ...,
) -> Applied[str]: ...


@overload
def apply_patch(
    text: Buffer,
    patch: Buffer,
    *,
    max_offset: int | None = ...,
    fuzz: int = ...,
    recount: bool = ...,
    reverse: bool = ...,
    ignore_whitespace: bool = ...,
    strict_line_endings: bool = ...,
    partial: bool = ...,
) -> Applied[bytes]: ...


def apply_patch(
    text: str | Buffer,
    patch: str | Buffer,
    *,
    max_offset: int | None = None,
    fuzz: int = 0,
    recount: bool = False,
    reverse: bool = False,
    ignore_whitespace: bool = False,
    strict_line_endings: bool = False,
    partial: bool = False,
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

    Args:
        text: the text to patch.
        patch: a unified diff of one file.
        max_offset: how many lines from its expected line (its stated line, moved by
            the offset the previous hunk needed) a hunk is looked for; ``None`` (the
            default) is anywhere after the previous hunk, 0 only at the expected line.
        fuzz: GNU-style fuzz: how many context lines at each edge of a hunk may differ
            (default 0), capped so that at least one context line is checked.
        recount: recount hunk bodies instead of trusting the line counts in their
            headers, and accept bare ``@@`` headers (such a hunk must be found at
            exactly one place after the previous one).
        reverse: apply the patch backwards (undo it).
        ignore_whitespace: compare lines ignoring whitespace amounts and trailing
            whitespace, as ``diff -b`` (default off).
        strict_line_endings: line ends must match exactly; by default CRLF, LF and a
            missing final LF compare equal when nothing matches exactly, and added
            lines take the line ends of the lines they were matched with.
        partial: when hunks fail, still produce the text with the hunks that apply,
            as :attr:`PatchHunkFailedError.partial_text` (it is still an error).

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
    as_text = _buffers.is_text_pair(text, patch, ("text", "patch"), "read")
    text_c, text_len, patch_c, patch_len, patch_utf8 = _lend(text, patch, as_text)
    options = c_apply_options(
        max_offset=max_offset,
        fuzz=fuzz,
        recount=recount,
        reverse=reverse,
        ignore_whitespace=ignore_whitespace,
        strict_line_endings=strict_line_endings,
        partial=partial,
    )
    out = ffi.new("fd_buf *")
    report_out = ffi.new("fd_patch_report **")
    status = lib.fd_apply_patch(text_c, text_len, patch_c, patch_len, options, out, report_out)
    try:
        report = _report(report_out[0], patch, patch_utf8)
        # The library writes `out` only on success, or on a failed hunk when
        # partial results were asked for.
        written = status == lib.FD_OK or (partial and status == lib.FD_ERR_PATCH_HUNK_FAILED)
        new_text = _text(out, as_text) if written else None
    finally:
        lib.fd_free(out)
        lib.fd_patch_report_free(report_out[0])
    if status == lib.FD_OK and report is not None:
        return Applied(text=new_text, report=report)
    raise _error(status, report, new_text)


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
    if isinstance(patch, str):
        patch_c, patch_len = _buffers.lend_str("patch", patch)
        patch_utf8 = patch_c if isinstance(patch_c, bytes) else None
    else:
        _buffers.require_buffer("patch", patch)
        patch_c, patch_len = _buffers.lend_buffer(patch)
        patch_utf8 = None
    options = c_apply_options(
        max_offset=None,
        fuzz=0,
        recount=recount,
        reverse=False,
        ignore_whitespace=False,
        strict_line_endings=False,
        partial=False,
    )
    report_out = ffi.new("fd_patch_report **")
    status = lib.fd_parse_patch(patch_c, patch_len, options, report_out)
    try:
        report = _report(report_out[0], patch, patch_utf8)
    finally:
        lib.fd_patch_report_free(report_out[0])
    if status == lib.FD_OK and report is not None:
        return report
    raise _error(status, report, None)


def _lend(text: Any, patch: Any, as_text: bool) -> tuple[Any, int, Any, int, bytes | None]:
    """Both inputs as C buffers, and the patch's UTF-8 bytes when they had to be made."""
    if as_text:
        text_c, text_len = _buffers.lend_str("text", text)
        patch_c, patch_len = _buffers.lend_str("patch", patch)
        return text_c, text_len, patch_c, patch_len, patch_c if isinstance(patch_c, bytes) else None
    text_c, text_len = _buffers.lend_buffer(text)
    patch_c, patch_len = _buffers.lend_buffer(patch)
    return text_c, text_len, patch_c, patch_len, None


def _report(report: Any, patch: Any, patch_utf8: bytes | None) -> PatchReport[Any] | None:
    return None if report == ffi.NULL else read_report(report, IndexedText(patch, patch_utf8))


def _text(out: Any, as_text: bool) -> Any:
    if not out.len:
        return "" if as_text else b""
    data = ffi.buffer(out.ptr, out.len)
    # Whole lines of UTF-8 inputs, so UTF-8.
    return str(data, "utf-8") if as_text else data[:]


def _error(status: int, report: PatchReport[Any] | None, partial_text: Any) -> Exception:
    error = error_for_status(status)
    if isinstance(error, PatchHunkFailedError):
        return PatchHunkFailedError(status, error.message, report, partial_text)
    if isinstance(error, PatchError):
        return type(error)(status, error.message, report)
    return error
