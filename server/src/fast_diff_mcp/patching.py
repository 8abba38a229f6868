"""Applying a patch to texts it is given, never to files: the work of the `apply_patch` tool.

A patch of one file applies to ``original_text``. A patch of several files
(several ``---``/``+++`` sections) applies to ``originals``, a mapping from
each file's path to its text, and gives a result per path. Either way all
or nothing: when any hunk of any file does not apply, the tool answers with
an error that shows each failed hunk, why it failed and the lines of the
text where it comes closest, so that the caller can fix the patch and retry.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import fast_diff
from fast_diff import HunkReport, PatchFile, PatchReport

from .models import AppliedHunk, ApplyPatchResult, FileReport, PatchedFile
from .options import PatchOptions
from .text import NO_NEWLINE, as_text, split_lines

# A failed hunk's lines and the text's lines are shown up to this many each.
SHOWN_LINES = 40


class PatchFailed(Exception):
    """The patch was not applied; the message is written for whoever fixes the patch."""


def apply_to_text(original: str, patch: str, options: PatchOptions) -> ApplyPatchResult:
    """Applies a single-file patch to ``original``."""
    try:
        applied = fast_diff.apply_patch(original, patch, **options)
    except fast_diff.PatchMultipleFilesError as error:
        paths = ", ".join(repr(f.path) for f in error.files)
        raise PatchFailed(
            f"The patch changes {len(error.files)} files ({paths}), but only original_text was given. "
            "Pass every file's text in `originals` instead (a mapping from path to text), or send one "
            "file's section of the patch at a time."
        ) from None
    except fast_diff.PatchError as error:
        raise PatchFailed(_explain(error, original, options)) from None
    return ApplyPatchResult(text=applied.text, report=_file_report(applied.report), files=None)


def apply_to_originals(originals: Mapping[str, str], patch: str, options: PatchOptions) -> ApplyPatchResult:
    """Applies each file section of ``patch`` to its text in ``originals``."""
    try:
        sections = fast_diff.parse_patch(patch, recount=options["recount"]).files
    except fast_diff.PatchError as error:
        raise PatchFailed(_explain(error, "", options)) from None
    if not sections:
        raise PatchFailed("The patch is empty: it has no file section to apply.")
    texts: dict[str, str] = {}  # each file as patched so far, by its key
    results: dict[str, PatchedFile] = {}
    problems: list[str] = []
    for number, section in enumerate(sections, start=1):
        name = f"file {number} ({section.path!r})"
        if section.path is None:
            problems.append(f"file {number} has no file names ('---'/'+++' lines): send it with original_text.")
            continue
        key, original = _original(section, originals, texts)
        if original is None:
            known = ", ".join(repr(p) for p in originals) or "none"
            problems.append(
                f"{name}: no original text. Add it to `originals` under {section.path!r} "
                f"(originals given: {known})."
            )
            continue
        try:
            applied = fast_diff.apply_patch(original, section.patch, **options)
        except fast_diff.PatchError as error:
            problems.append(f"{name}:\n{_explain(error, original, options)}")
            continue
        # Later sections for the same file (or its new name) apply to this result.
        texts.pop(key, None)
        texts[section.path] = applied.text
        results[section.path] = PatchedFile(text=applied.text, report=_file_report(applied.report))
    if problems:
        raise PatchFailed(
            f"The patch was not applied: {len(problems)} of its {len(sections)} file sections do not apply, "
            "so no file was patched.\n\n" + "\n\n".join(problems)
        )
    return ApplyPatchResult(text=None, report=None, files=results)


def _original(
    section: PatchFile[str], originals: Mapping[str, str], texts: Mapping[str, str]
) -> tuple[str, str | None]:
    """The key and text a section applies to: a text an earlier section produced, else one
    of ``originals`` under the file's path, its old name (renames), or the names as written;
    an empty text for a file the patch creates."""
    names = [section.path, _unprefixed_old_path(section), section.old_path, section.new_path]
    keys = [n for n in dict.fromkeys(names) if n and n != "/dev/null"]
    for key in keys:
        if key in texts:
            return key, texts[key]
    for key in keys:
        if key in originals:
            return key, originals[key]
    path = section.path or ""
    return path, "" if section.change is fast_diff.FileChange.CREATED else None


def _unprefixed_old_path(section: PatchFile[str]) -> str | None:
    """The old name without its a/ prefix, when the patch's names carry git's prefixes."""
    old, new, path = section.old_path, section.new_path, section.path
    prefixed = new is not None and new != path and new.startswith("b/")
    if prefixed and old is not None and old.startswith("a/"):
        return old[2:]
    return None


def _file_report(report: PatchReport[str]) -> FileReport:
    file = report.files[0] if report.files else None
    return FileReport(
        path=file.path if file else None,
        old_path=file.old_path if file else None,
        new_path=file.new_path if file else None,
        change=file.change.value if file else "modified",
        message=report.message,
        hunks=_applied_hunks(report.hunks),
    )


def _applied_hunks(hunks: Sequence[HunkReport[Any]]) -> list[AppliedHunk]:
    return [
        AppliedHunk(
            stated_line=h.stated_line,
            line=h.line or 0,
            new_line=h.new_line or 0,
            offset=h.offset,
            fuzz=h.fuzz,
            match_mode=h.match_mode.value,
            message=h.message,
        )
        for h in hunks
    ]


def _explain(error: fast_diff.PatchError, text: str, options: PatchOptions) -> str:
    """A failure, for an agent to fix its patch: what went wrong, each failed hunk with the
    text's closest lines, and what to try."""
    report = error.report
    if isinstance(error, fast_diff.PatchMalformedError):
        hint = "" if options["recount"] else " If the hunk headers' line counts are wrong or bare, retry with recount=true."
        return f"The patch cannot be read: {report.message}.{hint}"
    if isinstance(error, fast_diff.PatchAlreadyAppliedError):
        return (
            "The patch is already applied: the text already has its changes (the patch applies in reverse), "
            f"so nothing was done.\n{report.message}"
        )
    if isinstance(error, fast_diff.PatchHunkFailedError):
        summary = report.message.partition("\n")[0]
        parts = [f"The patch does not apply, so nothing was applied: {summary}."]
        lines = split_lines(text)
        for hunk in error.failed:
            parts.append(_show_failed_hunk(hunk, lines))
        parts.append(_hints(options))
        return "\n\n".join(parts)
    return f"The patch was not applied: {error}"


def _show_failed_hunk(hunk: HunkReport[str], lines: list[str]) -> str:
    shown = [f"{hunk.message}\n", "The hunk:\n", _clip(split_lines(hunk.hunk))]
    if hunk.candidate_line is not None:
        first = hunk.candidate_line
        last = min(len(lines), first + max(hunk.old_lines, 1) - 1)
        shown.append(f"\nThe text at lines {first}-{last}, where it comes closest:\n")
        shown.append(_clip(lines[first - 1 : last]))
    else:
        shown.append("\nNone of its context or removed lines is anywhere in the text.\n")
    return "".join(shown).rstrip("\n")


def _clip(lines: list[str]) -> str:
    text = "".join(lines[:SHOWN_LINES])
    if not text.endswith("\n"):
        text += "\n" + NO_NEWLINE if text else ""
    if len(lines) > SHOWN_LINES:
        text += f"[... {len(lines) - SHOWN_LINES} more lines]\n"
    return text


def _hints(options: PatchOptions) -> str:
    untried = []
    if not options["fuzz"]:
        untried.append("fuzz=1 or 2 (context lines at a hunk's edges may differ)")
    if not options["ignore_whitespace"]:
        untried.append("ignore_whitespace=true (whitespace differences)")
    if options["max_offset"] is not None:
        untried.append("max_offset=-1 (look for hunks anywhere)")
    if not options["recount"]:
        untried.append("recount=true (hunk headers with wrong or missing line counts)")
    advice = (
        "To fix it, make the hunk's context lines (' ') and removed lines ('-') exactly the text's lines "
        "shown above and retry"
    )
    return advice + (", or retry with " + "; or ".join(untried) + "." if untried else ".")


# ---- every format, through fast_diff.apply_edits ------------------------------------

def edit_options(options: PatchOptions) -> fast_diff.EditOptions:
    """``apply_edits``'s keywords for the tool's patch options."""
    return fast_diff.EditOptions(
        max_offset=options["max_offset"],
        fuzz=options["fuzz"],
        recount=options["recount"],
        strict=options["strict"],
        reverse=options["reverse"],
        ignore_whitespace=options["ignore_whitespace"],
        strict_line_endings=options["strict_line_endings"],
    )


def is_unified(patch: str) -> bool:
    """Whether ``patch`` reads as a unified diff (or cannot be read at all: the unified reader says why)."""
    try:
        return fast_diff.parse_edits(patch).format is fast_diff.EditFormat.UNIFIED
    except fast_diff.PatchError:
        return True


def apply_to_files(files: Mapping[str, str], patch: str, options: PatchOptions) -> ApplyPatchResult:
    """Applies a patch of any format to ``files`` (path -> text), all or nothing."""
    try:
        result = fast_diff.apply_edits(files, patch, **edit_options(options))
    except fast_diff.PatchError as error:
        raise PatchFailed(explain_edits(error, options)) from None
    patched = {
        path: PatchedFile(text=result.files.get(path) or "", report=edit_file_report(report))
        for path, report in result.reports.items()
    }
    return ApplyPatchResult(text=None, report=None, files=patched)


def apply_edits_to_text(original: str, patch: str, options: PatchOptions) -> ApplyPatchResult:
    """Applies a patch of one file, of a format other than unified, to ``original``."""
    applied = apply_to_files({"": original}, patch, options)
    files = applied.files or {}
    if len(files) != 1:
        raise PatchFailed(
            f"The patch changes {len(files)} files ({', '.join(map(repr, files))}), but only original_text was "
            "given. Pass every file's text in `files` instead (a mapping from path to text)."
        )
    (only,) = files.values()
    return ApplyPatchResult(text=only.text, report=only.report, files=None)


def edit_file_report(report: fast_diff.FileEditReport[Any]) -> FileReport:
    """The tool's report of one file ``apply_edits`` touched."""
    return FileReport(
        path=report.path,
        old_path=report.source,
        new_path=None if report.change is fast_diff.FileChange.DELETED else report.path,
        change=report.change.value,
        message=report.message,
        hunks=_applied_hunks(report.hunks),
    )


def explain_edits(error: fast_diff.PatchError, options: PatchOptions) -> str:
    """Why ``apply_edits`` applied nothing: every failure, file by file, with what to try."""
    edits = error.edits
    if isinstance(error, fast_diff.PatchMalformedError) or edits is None:
        return f"The patch cannot be read: {error.report.message}."
    if isinstance(error, fast_diff.PatchAlreadyAppliedError):
        return f"The patch is already applied: the files already have its changes, so nothing was done.\n{edits.message}"
    parts = [f"The patch was not applied, so no file was changed: {edits.message.partition(chr(10))[0]}."]
    for failure in edits.failures:
        parts.append(f"{failure.path!r}: {failure.message}")
        if failure.hunk is not None:
            hunk, _ = as_text(failure.hunk.hunk)
            parts.append("The hunk:\n" + _clip(split_lines(hunk)).rstrip("\n"))
    if isinstance(error, fast_diff.PatchAmbiguousError):
        parts.append("Add context lines (or a line number) so that each hunk fits at one place only, and retry.")
    else:
        parts.append(_hints(options))
    return "\n\n".join(parts)
