"""What applying (or reading) a patch did: the C ``fd_patch_report`` as typed, frozen dataclasses.

Every field is copied out of the C report, which is then freed: these
objects own nothing in C. Line numbers are 1-based, and ``None`` where C
says 0 (none). Pieces of the patch and file names have the patch's type:
``str`` when the patch was ``str`` (names decoded from UTF-8 with
``surrogateescape``, so that no byte is lost), ``bytes`` otherwise.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any, AnyStr, Generic

from ._inputs import IndexedText
from ._native import ffi, lib


class HunkOutcome(enum.StrEnum):
    """What happened to a hunk."""

    NOT_TRIED = "not_tried"
    """Read but not applied: the report comes from :func:`parse_patch`."""
    APPLIED = "applied"
    """Applied at ``line`` (or, when other hunks failed, would apply there)."""
    FAILED = "failed"
    """Does not apply: see ``reason``, ``candidate_line`` and ``message``."""
    ALREADY_APPLIED = "already_applied"
    """Does not apply, but applies in reverse: its new lines are already at ``line``."""


class FailReason(enum.StrEnum):
    """Why a hunk failed."""

    MISMATCH = "mismatch"
    """Its context and removed lines are not in the text where it may apply."""
    AMBIGUOUS = "ambiguous"
    """It states no line (a bare ``@@``, an envelope hunk, a search/replace block) and its
    lines are at more than one place: ``places`` lists them."""
    LIMIT = "limit"
    """The search budget for the text was spent before it was found (its lines, and those
    of the hunks before it, are each at very many places in the text)."""


class MatchMode(enum.StrEnum):
    """How lines were compared where a hunk was found."""

    EXACT = "exact"
    """Byte for byte (also the value for hunks not found)."""
    LINE_ENDINGS = "line_endings"
    """Ignoring line ends (LF, CRLF, none); added lines took the text's line ends."""
    WHITESPACE = "whitespace"
    """Ignoring whitespace amounts and trailing whitespace (``ignore_whitespace=True``)."""
    TRAILING_WHITESPACE = "trailing_whitespace"
    """Ignoring whitespace at the end of lines (and line ends)."""
    TRIMMED = "trimmed"
    """Ignoring whitespace at both ends of lines: indentation (and line ends)."""
    PUNCTUATION = "punctuation"
    """As ``TRIMMED``, with typographic dashes, quotes and Unicode spaces read as ASCII."""


class FileChange(enum.StrEnum):
    """What a file section of a patch does."""

    MODIFIED = "modified"
    CREATED = "created"
    """The old side is ``/dev/null`` (or git's ``new file mode``): the text must be empty."""
    DELETED = "deleted"
    """The new side is ``/dev/null`` (or git's ``deleted file mode``): the result is empty."""
    RENAMED = "renamed"
    COPIED = "copied"


@dataclass(frozen=True, slots=True)
class HunkReport(Generic[AnyStr]):
    """One hunk: where and how it applied, or why it did not."""

    outcome: HunkOutcome
    reason: FailReason | None
    """Why it failed; ``None`` unless ``outcome`` is ``FAILED``."""
    match_mode: MatchMode
    fuzz: int
    """Context lines ignored at each edge (GNU fuzz)."""
    stated_line: int | None
    """Where the header says its old lines start; ``None`` for a bare ``@@``."""
    line: int | None
    """Applied: where its old lines were in the text. Already applied: where its new lines are."""
    new_line: int | None
    """Applied: where its new lines start in the result."""
    offset: int
    """``line - stated_line`` when both are known, else 0."""
    old_lines: int
    new_lines: int
    """Lines of the hunk on each side, as applied (swapped when reversing)."""
    candidate_line: int | None
    """Failed: where the text comes closest to its old lines; ``None`` when no line matches anywhere."""
    candidate_matching: int
    """Failed: how many of its old lines are equal at ``candidate_line``."""
    difference_line: int | None
    """Failed: the first line of the text at the candidate that differs."""
    patch_span: tuple[int, int]
    """``(start, end)``: where the hunk is in the patch, as indices of the patch passed in."""
    hunk: AnyStr
    """The hunk itself, from its ``@@`` line: ``patch[start:end]``."""
    message: str
    """One line of English: what happened, and for a failure why, with the closest candidate."""
    recounted: bool = False
    """Its header's line counts disagreed with its body, which was recounted."""
    places: tuple[int, ...] = ()
    """Ambiguous: the lines where it matches (the first 10)."""
    more_places: bool = False
    """Ambiguous: it matches at more places than ``places`` lists."""
    loosest_match_mode: MatchMode = MatchMode.EXACT
    """Failed: the loosest rung of the matching ladder tried."""


@dataclass(frozen=True, slots=True)
class PatchFile(Generic[AnyStr]):
    """One file section of a patch."""

    old_path: AnyStr | None
    new_path: AnyStr | None
    """The names on the ``---`` and ``+++`` lines (or git's), e.g. ``a/src/x.c``, ``/dev/null``."""
    path: AnyStr | None
    """The file's name: the new name unless deleted, without git's ``a/`` ``b/``, e.g. ``src/x.c``."""
    change: FileChange
    patch_span: tuple[int, int]
    """``(start, end)``: where the section is in the patch."""
    patch: AnyStr
    """The section itself: a single-file patch that :func:`apply_patch` applies to this file's text."""
    first_hunk: int
    hunk_count: int
    """Its hunks are ``report.hunks[first_hunk:first_hunk + hunk_count]``."""


@dataclass(frozen=True, slots=True)
class PatchReport(Generic[AnyStr]):
    """What :func:`apply_patch` did or :func:`parse_patch` read."""

    message: str
    """A summary in English: the outcome, then one line per hunk that failed or did not
    apply exactly as stated."""
    hunks: tuple[HunkReport[AnyStr], ...] = ()
    files: tuple[PatchFile[AnyStr], ...] = ()
    error_offset: int | None = None
    """A malformed patch: where reading stopped, as an index of the patch passed in
    (its length when the patch ended early)."""
    error_line: int | None = None
    """A malformed patch: the 1-based line of the patch where reading stopped."""
    error_expected: str | None = None
    """A malformed patch: what was expected there."""

    @property
    def failed(self) -> tuple[HunkReport[AnyStr], ...]:
        """The hunks that do not apply."""
        return tuple(h for h in self.hunks if h.outcome is HunkOutcome.FAILED)


@dataclass(frozen=True, slots=True)
class Applied(Generic[AnyStr]):
    """The result of :func:`apply_patch`: the new text, and what was done to get it."""

    text: AnyStr
    report: PatchReport[AnyStr]


_OUTCOMES = {
    lib.FD_HUNK_NOT_TRIED: HunkOutcome.NOT_TRIED,
    lib.FD_HUNK_APPLIED: HunkOutcome.APPLIED,
    lib.FD_HUNK_FAILED: HunkOutcome.FAILED,
    lib.FD_HUNK_ALREADY_APPLIED: HunkOutcome.ALREADY_APPLIED,
}
_REASONS = {
    lib.FD_HUNK_REASON_NONE: None,
    lib.FD_HUNK_REASON_MISMATCH: FailReason.MISMATCH,
    lib.FD_HUNK_REASON_AMBIGUOUS: FailReason.AMBIGUOUS,
    lib.FD_HUNK_REASON_LIMIT: FailReason.LIMIT,
}
_MODES = {
    lib.FD_MATCH_EXACT: MatchMode.EXACT,
    lib.FD_MATCH_LINE_ENDINGS: MatchMode.LINE_ENDINGS,
    lib.FD_MATCH_WHITESPACE: MatchMode.WHITESPACE,
    lib.FD_MATCH_TRAILING_WHITESPACE: MatchMode.TRAILING_WHITESPACE,
    lib.FD_MATCH_TRIMMED: MatchMode.TRIMMED,
    lib.FD_MATCH_PUNCTUATION: MatchMode.PUNCTUATION,
}
_CHANGES = {
    lib.FD_FILE_MODIFIED: FileChange.MODIFIED,
    lib.FD_FILE_CREATED: FileChange.CREATED,
    lib.FD_FILE_DELETED: FileChange.DELETED,
    lib.FD_FILE_RENAMED: FileChange.RENAMED,
    lib.FD_FILE_COPIED: FileChange.COPIED,
}


def _line(number: int) -> int | None:
    return number or None


def c_string(pointer: Any) -> str:
    return str(ffi.string(pointer).decode("utf-8", "replace"))


def path_of(pointer: Any, length: int, text: bool) -> Any:
    if pointer == ffi.NULL:
        return None
    raw = ffi.buffer(pointer, length)[:]
    return raw.decode("utf-8", "surrogateescape") if text else raw


def read_hunks(hunks: Any, details: Any, count: int, patch: IndexedText) -> list[HunkReport[Any]]:
    """Copies of ``count`` C ``fd_hunk_report`` and their ``fd_hunk_detail`` (NULL: none)."""
    read = []
    for i in range(count):
        h = hunks[i]
        span = patch.span(h.patch_offset, h.patch_len)
        d = None if details == ffi.NULL else details[i]
        read.append(
            HunkReport(
                outcome=_OUTCOMES[h.outcome],
                reason=_REASONS[h.reason],
                match_mode=_MODES[h.match_mode],
                fuzz=h.fuzz,
                stated_line=_line(h.stated_line),
                line=_line(h.line),
                new_line=_line(h.new_line),
                offset=h.offset,
                old_lines=h.old_lines,
                new_lines=h.new_lines,
                candidate_line=_line(h.candidate_line),
                candidate_matching=h.candidate_matching,
                difference_line=_line(h.difference_line),
                patch_span=span,
                hunk=patch.slice(span),
                message=c_string(h.message),
                recounted=d is not None and bool(d.flags & lib.FD_HUNK_RECOUNTED),
                places=() if d is None else tuple(d.places[k] for k in range(d.place_count)),
                more_places=d is not None and bool(d.flags & lib.FD_HUNK_MORE_PLACES),
                loosest_match_mode=MatchMode.EXACT if d is None else _MODES[d.loosest_match_mode],
            )
        )
    return read


def read_files(files: Any, count: int, patch: IndexedText) -> list[PatchFile[Any]]:
    """Copies of ``count`` C ``fd_patch_file``."""
    text = patch.is_str
    read = []
    for i in range(count):
        f = files[i]
        span = patch.span(f.patch_offset, f.patch_len)
        read.append(
            PatchFile(
                old_path=path_of(f.old_path, f.old_path_len, text),
                new_path=path_of(f.new_path, f.new_path_len, text),
                path=path_of(f.path, f.path_len, text),
                change=_CHANGES[f.change],
                patch_span=span,
                patch=patch.slice(span),
                first_hunk=f.first_hunk,
                hunk_count=f.hunk_count,
            )
        )
    return read


def read_report(report: Any, patch: IndexedText) -> PatchReport[Any]:
    """A copy of the C report ``report`` (an ``fd_patch_report *``, not freed here)."""
    hunks = read_hunks(report.hunks, report.hunk_details, report.hunk_count, patch)
    files = read_files(report.files, report.file_count, patch)
    malformed = report.error_expected != ffi.NULL
    return PatchReport(
        message=c_string(report.message),
        hunks=tuple(hunks),
        files=tuple(files),
        error_offset=patch.index(report.error_offset) if malformed else None,
        error_line=report.error_line if malformed else None,
        error_expected=c_string(report.error_expected) if malformed else None,
    )
