"""What :func:`apply_edits` did, or :func:`parse_edits` read: the C ``fd_edit_result`` as typed,
frozen dataclasses, owning nothing in C."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from ._inputs import IndexedText
from ._native import ffi, lib
from ._patch_results import FileChange, HunkOutcome, HunkReport, PatchFile, c_string, read_files, read_hunks

P = TypeVar("P", str, bytes)
"""The type of paths: ``str`` (decoded with ``surrogateescape``) or ``bytes``."""
T = TypeVar("T", str, bytes)
"""The type of texts."""


class EditFormat(enum.StrEnum):
    """The formats :func:`apply_edits` reads."""

    UNIFIED = "unified"
    """Unified diffs of one or many files (GNU diff, git, difflib, or written by hand)."""
    ENVELOPE = "envelope"
    """OpenAI Codex's ``apply_patch`` envelope: ``*** Begin Patch`` ... ``*** End Patch``."""
    SEARCH_REPLACE = "search_replace"
    """aider's SEARCH/REPLACE blocks, each after its file's path."""
    REPLACEMENTS = "replacements"
    """A JSON list of ``{"path", "old_text", "new_text"}`` replacements (or a list of dicts)."""


class EditOutcome(enum.StrEnum):
    """What happened to one file."""

    NOT_TRIED = "not_tried"
    """Read, not applied (:func:`parse_edits`)."""
    APPLIED = "applied"
    """Every hunk applies (when another file fails: would apply)."""
    HUNKS_FAILED = "hunks_failed"
    """A hunk, block or replacement does not apply, or is ambiguous: see its hunks."""
    ALREADY_APPLIED = "already_applied"
    """Every hunk is already in its applied form."""
    MISSING = "missing"
    """The patch changes, deletes or moves a file that was not given."""
    EXISTS = "exists"
    """The patch creates (or moves a file onto) a path that was given."""


@dataclass(frozen=True, slots=True)
class FileEditReport(Generic[P]):
    """One file the patch touches."""

    path: P
    """Its path after the patch: the new one of a moved file, the given path of a changed one."""
    source: P | None
    """The given file it was read from (another one for a moved or copied file); ``None`` for a
    file the patch creates."""
    change: FileChange
    outcome: EditOutcome
    hunks: tuple[HunkReport[Any], ...]
    """Its hunks, blocks or replacements, in patch order (pieces of the patch as ``hunk``)."""
    message: str
    """What happened: a line, then a line per hunk that failed or did not apply as stated."""


@dataclass(frozen=True, slots=True)
class EditFailure(Generic[P]):
    """One reason a patch was not applied."""

    path: P
    """The file."""
    outcome: EditOutcome
    """``MISSING`` or ``EXISTS`` for the file itself; ``HUNKS_FAILED`` for a hunk."""
    hunk: HunkReport[Any] | None
    """The hunk that does not apply (its ``reason``, ``loosest_match_mode`` tried,
    ``candidate_line`` and ``message`` with the closest text), or ``None``."""
    message: str


@dataclass(frozen=True, slots=True)
class EditReport(Generic[P]):
    """Every file a patch touches, what was done to each, and a summary."""

    format: EditFormat
    """The patch's format, as given or detected."""
    files: tuple[FileEditReport[P], ...]
    """In the order the patch first names them."""
    sections: tuple[PatchFile[Any], ...]
    """The patch's sections as read: names as written, the change, each one's piece of the patch."""
    message: str
    """The outcome in a line, then a line per file or hunk that failed or did not apply as stated."""
    error_offset: int | None = None
    """A malformed patch: where reading stopped, as an index of the patch."""
    error_line: int | None = None
    error_expected: str | None = None

    @property
    def failures(self) -> tuple[EditFailure[P], ...]:
        """Every failure: files missing or in the way, and hunks that do not apply."""
        found: list[EditFailure[P]] = []
        for f in self.files:
            if f.outcome in (EditOutcome.MISSING, EditOutcome.EXISTS):
                found.append(EditFailure(f.path, f.outcome, None, f.message))
            for hunk in f.hunks:
                if hunk.outcome is HunkOutcome.FAILED:
                    found.append(EditFailure(f.path, EditOutcome.HUNKS_FAILED, hunk, hunk.message))
        return tuple(found)


@dataclass(frozen=True, slots=True)
class EditResult(Generic[P, T]):
    """What :func:`apply_edits` returns."""

    files: dict[P, T | None]
    """Every path the patch touches, to its new text, or ``None`` for a file deleted or moved
    away (a moved file is under its new path, and its old path maps to ``None``)."""
    reports: dict[P, FileEditReport[P]]
    """Each touched file's report, by its path after the patch."""
    format: EditFormat
    message: str
    report: EditReport[P] = field(repr=False)
    """The whole report, with the patch's sections."""


_FORMATS = {
    lib.FD_EDIT_FORMAT_UNIFIED: EditFormat.UNIFIED,
    lib.FD_EDIT_FORMAT_ENVELOPE: EditFormat.ENVELOPE,
    lib.FD_EDIT_FORMAT_SEARCH_REPLACE: EditFormat.SEARCH_REPLACE,
    lib.FD_EDIT_FORMAT_REPLACEMENTS: EditFormat.REPLACEMENTS,
}
_OUTCOMES = {
    lib.FD_EDIT_NOT_TRIED: EditOutcome.NOT_TRIED,
    lib.FD_EDIT_APPLIED: EditOutcome.APPLIED,
    lib.FD_EDIT_HUNKS_FAILED: EditOutcome.HUNKS_FAILED,
    lib.FD_EDIT_ALREADY_APPLIED: EditOutcome.ALREADY_APPLIED,
    lib.FD_EDIT_MISSING: EditOutcome.MISSING,
    lib.FD_EDIT_EXISTS: EditOutcome.EXISTS,
}
_CHANGES = {
    lib.FD_FILE_MODIFIED: FileChange.MODIFIED,
    lib.FD_FILE_CREATED: FileChange.CREATED,
    lib.FD_FILE_DELETED: FileChange.DELETED,
    lib.FD_FILE_RENAMED: FileChange.RENAMED,
    lib.FD_FILE_COPIED: FileChange.COPIED,
}


def format_number(format: EditFormat | str) -> int:
    """The C number of a format name, or ``"auto"``."""
    if format == "auto":
        return int(lib.FD_EDIT_FORMAT_AUTO)
    for number, member in _FORMATS.items():
        if member == format:
            return int(number)
    names = ", ".join(repr(str(m)) for m in ["auto", *EditFormat])
    if not isinstance(format, str):
        raise TypeError(f"format must be a str or EditFormat, not {type(format).__name__}")
    raise ValueError(f"unknown format {format!r}; expected one of {names}")


def _bytes(pointer: Any, length: int) -> bytes:
    return b"" if pointer == ffi.NULL or length == 0 else ffi.buffer(pointer, length)[:]


def read_edit_report(result: Any, patch: IndexedText, str_paths: bool) -> EditReport[Any]:
    """A copy of the C ``fd_edit_result`` ``result`` (not freed here)."""

    def path(pointer: Any, length: int) -> Any:
        if pointer == ffi.NULL:
            return None
        raw = _bytes(pointer, length)
        return raw.decode("utf-8", "surrogateescape") if str_paths else raw

    hunks = read_hunks(result.hunks, result.hunk_details, result.hunk_count, patch)
    files = []
    for i in range(result.file_count):
        f = result.files[i]
        files.append(
            FileEditReport(
                path=path(f.path, f.path_len),
                source=path(f.source, f.source_len),
                change=_CHANGES[f.change],
                outcome=_OUTCOMES[f.outcome],
                hunks=tuple(hunks[f.first_hunk : f.first_hunk + f.hunk_count]),
                message=c_string(f.message),
            )
        )
    malformed = result.error_expected != ffi.NULL
    return EditReport(
        format=_FORMATS.get(result.format, EditFormat.UNIFIED),
        files=tuple(files),
        sections=tuple(read_files(result.sections, result.section_count, patch)),
        message=c_string(result.message),
        error_offset=patch.index(result.error_offset) if malformed else None,
        error_line=result.error_line if malformed else None,
        error_expected=c_string(result.error_expected) if malformed else None,
    )


def read_texts(result: Any, str_texts: bool, str_paths: bool) -> dict[Any, Any]:
    """The new texts of a result of ``FD_OK``, by path; ``None`` for files deleted or moved away."""
    texts: dict[Any, Any] = {}
    moved_from = []

    def key(pointer: Any, length: int) -> Any:
        raw = _bytes(pointer, length)
        return raw.decode("utf-8", "surrogateescape") if str_paths else raw

    for i in range(result.file_count):
        f = result.files[i]
        path = key(f.path, f.path_len)
        if f.change == lib.FD_FILE_RENAMED and f.source != ffi.NULL:
            moved_from.append(key(f.source, f.source_len))
        if f.change == lib.FD_FILE_DELETED:
            texts[path] = None
            continue
        raw = _bytes(f.text, f.text_len)
        texts[path] = raw.decode("utf-8", "surrogateescape") if str_texts else raw
    for source in moved_from:
        texts.setdefault(source, None)
    return texts
