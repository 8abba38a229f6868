"""The edit functions: a patch of any format that agents write, applied to a set of files at once."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, overload

from ._call import Output, call
from ._edit_options import DEFAULTS, EditOptions, edit_options
from ._edit_results import EditFormat, EditReport, EditResult, format_number, read_edit_report, read_texts
from ._errors import DiffError, PatchError, PatchHunkFailedError, error_for_status
from ._inputs import IndexedText, Lent, lend_buffer, lend_str, require_buffer
from ._keywords import with_keywords
from ._native import ffi, lib

if TYPE_CHECKING:
    from typing import Unpack

    from typing_extensions import Buffer

Replacements = Sequence[Mapping[str, Any]]
"""A list of replacements: dicts with ``path`` (optional for one file), ``old_text``,
``new_text`` and optionally ``replace_all``."""


@overload
def apply_edits(
    files: Mapping[str, str], patch: str | Replacements, **options: Unpack[EditOptions]
) -> EditResult[str, str]: ...
@overload
def apply_edits(
    files: Mapping[bytes, Buffer], patch: Buffer | Replacements, **options: Unpack[EditOptions]
) -> EditResult[bytes, bytes]: ...
@overload
def apply_edits(
    files: Mapping[str, Buffer], patch: Buffer | Replacements, **options: Unpack[EditOptions]
) -> EditResult[str, bytes]: ...
@with_keywords(EditOptions, DEFAULTS)
def apply_edits(files: Mapping[Any, Any], patch: Any, **options: Unpack[EditOptions]) -> EditResult[Any, Any]:
    """Applies ``patch`` to ``files``, all or nothing: every file it touches, with its new text.

    ``patch`` is a unified diff of any number of files, OpenAI Codex's ``*** Begin Patch``
    envelope, aider's SEARCH/REPLACE blocks, a JSON list of replacements, or such a list
    as Python objects (dicts with ``path``, ``old_text``, ``new_text``, ``replace_all``);
    ``format="auto"`` detects which. Shell heredocs and code fences around it, a missing
    file header, bare ``@@`` lines and wrong hunk line counts are accepted.

    ``files`` maps each path the patch may touch to its current text: all ``str`` (the
    patch ``str`` too; new texts are ``str``) or all bytes-like (the patch bytes-like; new
    texts are ``bytes``). A path absent from ``files`` is a file that does not exist; the
    patch's ``a/``, ``b/`` and ``./`` prefixes match the bare paths; one text under the path
    ``""`` is the file of a patch that names one file, whatever the name. Paths are ``str``
    or ``bytes`` as given (``str`` when none is given).

    Returns an :class:`EditResult`: ``files`` maps every path the patch touches to its new
    text, or ``None`` for a deleted file (a moved file appears under its new path, and its
    old path maps to ``None``); ``reports`` the report of each, hunk by hunk.

    Text is located down a ladder of matchers (exact; ignoring line ends; trailing
    whitespace; leading and trailing whitespace; typographic punctuation; for unified diffs
    also offsets and ``fuzz``), and each hunk's report names the rung it used. A hunk,
    block or replacement that states no line must match at one place.

    Raises (each a :class:`PatchError`, whose ``edits`` and ``failures`` list every failure,
    file by file, and nothing was applied):
        PatchMalformedError: the patch cannot be read (``edits.error_line``...).
        PatchHunkFailedError: a hunk does not apply, or a file is missing or in the way.
        PatchAmbiguousError: a hunk matches at several places (its ``places``), and
            nothing else is wrong.
        PatchAlreadyAppliedError: every hunk of every file is already applied.
        TypeError, ValueError: bad arguments.

    The GIL is released while the library works.
    """
    patch, format = _patch_and_format(patch, options)
    given, patch_lent, str_texts, str_paths = _lend_files("apply_edits", files, patch)
    options_c = edit_options("apply_edits", options, format)
    array = ffi.new("fd_file_text[]", max(len(given), 1))
    for i, (path, text) in enumerate(given):
        array[i].path, array[i].path_len = path
        array[i].text, array[i].text_len = text
    patch_indexed = IndexedText(patch, patch_lent[0] if isinstance(patch_lent[0], bytes) else None)
    lent = Lent((patch,), str_texts, ())
    lent.keep(given)
    lent.keep(patch_lent)
    out = _EditOutput(patch_indexed, str_texts, str_paths, applied=True)
    return call(lib.fd_apply_edits, lent, array, len(given), *patch_lent, options_c, out=out)


def parse_edits(patch: Any, **options: Unpack[EditOptions]) -> EditReport[Any]:
    """Reads ``patch`` as :func:`apply_edits` does, without applying it: its format, its
    sections, and every file it touches (``path``, and ``source``, the file it reads, ``None``
    for one it creates), hunks ``NOT_TRIED``. Paths are ``str`` for a ``str`` patch (or a
    list of replacements), else ``bytes``. Keywords as for :func:`apply_edits`.

    Raises:
        PatchMalformedError: the patch cannot be read.
    """
    patch, format = _patch_and_format(patch, options)
    str_patch = isinstance(patch, str)
    patch_lent = lend_str("patch", patch) if str_patch else _lend_bytes("patch", patch)
    options_c = edit_options("parse_edits", options, format)
    patch_indexed = IndexedText(patch, patch_lent[0] if isinstance(patch_lent[0], bytes) else None)
    lent = Lent((patch,), str_patch, ())
    lent.keep(patch_lent)
    out = _EditOutput(patch_indexed, str_patch, str_patch, applied=False)
    result: EditReport[Any] = call(lib.fd_parse_edits, lent, *patch_lent, options_c, out=out)
    return result


def _patch_and_format(patch: Any, options: Mapping[str, object]) -> tuple[Any, int | None]:
    """The patch as text, and its format's number when the patch decides it: a list of
    replacements is JSON."""
    if isinstance(patch, (list, tuple)):
        chosen = options.get("format", "auto")
        if chosen not in ("auto", EditFormat.REPLACEMENTS):
            raise ValueError(f"a list of replacements is the 'replacements' format, not {chosen!r}")
        for i, item in enumerate(patch):
            if not isinstance(item, Mapping):
                raise TypeError(f"patch[{i}] must be a dict with old_text and new_text, not {type(item).__name__}")
        try:
            text = json.dumps(list(map(dict, patch)), ensure_ascii=False)
        except (TypeError, ValueError) as error:
            raise TypeError(f"the replacements must be JSON values (str paths and texts): {error}") from None
        return text, int(lib.FD_EDIT_FORMAT_REPLACEMENTS)
    if "format" in options:
        format_number(options["format"])  # type: ignore[arg-type]  # checked here, used by edit_options
    return patch, None


def _lend_bytes(name: str, value: Any) -> tuple[Any, int]:
    require_buffer(name, value)
    return lend_buffer(value)


def _lend_files(
    function: str, files: Mapping[Any, Any], patch: Any
) -> tuple[list[tuple[tuple[Any, int], tuple[Any, int]]], tuple[Any, int], bool, bool]:
    """Every file's path and text, and the patch, lent to C; whether texts and paths are ``str``."""
    if not isinstance(files, Mapping):
        raise TypeError(f"files must be a mapping from path to text, not {type(files).__name__}")
    texts = list(files.values())
    kinds = {isinstance(t, str) for t in texts}
    if len(kinds) > 1:
        raise TypeError("files' texts must all be str or all be bytes-like, not a mix")
    str_texts = kinds.pop() if kinds else isinstance(patch, str)
    if str_texts and not isinstance(patch, str):
        raise TypeError(f"the files are str, so the patch must be str too, not {type(patch).__name__}")
    if not str_texts and isinstance(patch, str):
        raise TypeError("the files are bytes-like, so the patch must be bytes-like too, not str; encode it")
    path_kinds = {type(p) for p in files}
    if not path_kinds <= {str, bytes} or len(path_kinds) > 1:
        raise TypeError("files' paths must all be str or all be bytes")
    str_paths = path_kinds.pop() is str if path_kinds else True
    given = []
    for path, text in files.items():
        raw_path = path.encode("utf-8", "surrogateescape") if isinstance(path, str) else path
        path_data = ffi.from_buffer("uint8_t[]", raw_path)
        name = f"files[{path!r}]"
        lent_text = lend_str(name, text) if str_texts else _lend_bytes(name, text)
        pointer, length = lent_text
        if isinstance(pointer, bytes):
            pointer = ffi.from_buffer("uint8_t[]", pointer)
        given.append(((path_data, len(raw_path)), (pointer, length)))
    patch_lent = lend_str("patch", patch) if str_texts else _lend_bytes("patch", patch)
    return given, patch_lent, str_texts, str_paths


def _edit_error(status: int, report: EditReport[Any] | None) -> DiffError:
    """The error for ``status``, carrying the report that explains it."""
    error = error_for_status(status)
    if isinstance(error, PatchHunkFailedError):
        return type(error)(status, error.message, None, None, report)
    if isinstance(error, PatchError):
        return type(error)(status, error.message, None, report)
    return error


class _EditOutput(Output[Any]):
    """``fd_apply_edits``'s and ``fd_parse_edits``'s ``fd_edit_result **``: the result, or the
    error that carries its report."""

    __slots__ = ("patch", "str_texts", "str_paths", "applied")

    def __init__(self, patch: IndexedText, str_texts: bool, str_paths: bool, applied: bool) -> None:
        self.patch = patch
        self.str_texts = str_texts
        self.str_paths = str_paths
        self.applied = applied

    def new(self) -> tuple[Any, ...]:
        return (ffi.new("fd_edit_result **"),)

    def _report(self, outs: tuple[Any, ...]) -> EditReport[Any] | None:
        result = outs[0][0]
        return None if result == ffi.NULL else read_edit_report(result, self.patch, self.str_paths)

    def read(self, outs: tuple[Any, ...], inputs: Lent) -> Any:
        report = self._report(outs)
        if report is None:  # the header promises a result with FD_OK
            raise error_for_status(lib.FD_ERR_INTERNAL)
        if not self.applied:
            return report
        texts = read_texts(outs[0][0], self.str_texts, self.str_paths)
        return EditResult(
            files=texts,
            reports={f.path: f for f in report.files},
            format=report.format,
            message=report.message,
            report=report,
        )

    def error(self, status: int, outs: tuple[Any, ...], inputs: Lent) -> DiffError:
        return _edit_error(status, self._report(outs))

    def free(self, outs: tuple[Any, ...]) -> None:
        lib.fd_edit_result_free(outs[0][0])

