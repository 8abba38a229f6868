"""The `edit_files` tool: a patch of any format (or a list of replacements) applied to files on disk inside
the roots, all or nothing; offered only with --root directories and --allow-write."""

from __future__ import annotations

import json
import os
from pathlib import Path

import fast_diff
from fastmcp import FastMCP
from fastmcp.exceptions import ToolError
from fastmcp.tools import ToolResult
from mcp.types import ToolAnnotations

from .. import deadline, limits
from ..deadline import DeadlinePassed
from ..models import EditedFile, EditFilesResult
from ..params import DryRun, EditsForFiles, PatchChoices, PatchForFiles, RootChoice
from ..patching import edit_file_report, edit_options, explain_edits
from ..roots import FileTooLarge, PathRefused, Root
from ..settings import Settings
from ..text import as_text
from ..writing import Change, WriteFailed, commit
from .common import add_tool, always_heavy, tool_result

DESTRUCTIVE = ToolAnnotations(read_only_hint=False, destructive_hint=True, idempotent_hint=False, open_world_hint=False)

DESCRIPTION = (
    "Edit files on disk inside these directories: {roots}. Give `patch` (a unified diff of any number of "
    "files, a '*** Begin Patch' envelope, SEARCH/REPLACE blocks after each file's path, or a JSON list of "
    "replacements) or `edits`, a list of {{path, old_text, new_text}} replacements (old_text must occur "
    "exactly once, unless replace_all; an empty old_text creates the file). Relative paths are relative to "
    "the first directory (or to `root`, another of them); absolute paths must lie inside one; '..', symbolic "
    "links leading out, special files and files with several names (hard links, unless the server allows them) "
    "are refused. All or nothing across files: each changed file is "
    "written to a temporary file beside it, synced and renamed over it (its mode kept); if any path is "
    "refused or any hunk does not apply, the tool returns an error naming each one and nothing is written. "
    "`dry_run` returns the unified diff of what would change and writes nothing. Hunks are located as "
    "`apply_patch` locates them (same options). The result is `written`, the patch's `format`, `diff` (the "
    "unified diff of every change) and, per file, its `path`, `real_path`, `change`, `diff` and `report`."
)

INSTRUCTIONS = (
    "`edit_files` applies a patch (any format) or a list of replacements to files on disk inside these "
    "directories only, all or nothing: {roots}. Use `dry_run` to see the diff first."
)


def register(server: FastMCP, settings: Settings) -> str | None:
    roots = settings.roots
    if not roots or not settings.allow_write:
        return None
    described = roots.describe()

    def edit_files(
        patch: PatchForFiles = None,
        edits: EditsForFiles = None,
        root: RootChoice = None,
        dry_run: DryRun = False,
        choices: PatchChoices = PatchChoices(),
    ) -> ToolResult:
        if (patch is None) == (edits is None):
            raise ToolError("Give exactly one of patch (a patch of any format) and edits (a list of replacements).")
        text = patch if patch is not None else json.dumps([e.model_dump() for e in edits or []], ensure_ascii=False)
        settings.check_texts({"patch": text})
        options = edit_options(choices.engine())
        if edits is not None:
            options["format"] = "replacements"
        try:
            base = roots.named(root)
            listed = fast_diff.parse_edits(text, **options)
        except PathRefused as error:
            raise ToolError(str(error)) from None
        except fast_diff.PatchError as error:
            raise ToolError(explain_edits(error, choices.engine())) from None
        names = list(dict.fromkeys(n for f in listed.files for n in (f.path, f.source) if n is not None))
        places, originals = _read(names, base, settings)
        try:
            result = fast_diff.apply_edits(originals, text.encode(), **options)
        except fast_diff.PatchError as error:
            raise ToolError(explain_edits(error, choices.engine())) from None
        changes, edited = _changes(result, originals, places, base, settings)
        if not dry_run:
            _ready(changes)
            try:
                commit(changes)
            except WriteFailed as error:
                raise ToolError(str(error)) from None
        answer = EditFilesResult(
            written=not dry_run,
            format=result.format.value,
            diff="".join(f.diff for f in edited),
            files=edited,
        )
        return tool_result(answer.model_dump_json(), answer)

    def _ready(changes: list[Change]) -> None:
        """A tool error, before anything is written, once the call's deadline has passed or a file to be
        replaced has gained a name since it was read. The deadline is not asked again: the write is all or
        nothing, and stopping it half way would undo it anyway."""
        try:
            deadline.check_current("edit_files")
        except DeadlinePassed as error:
            raise ToolError(f"{error} Nothing was written.") from None
        try:
            for change in changes:
                if change.exists:
                    roots.check_names(str(change.path), os.lstat(change.path), "writes")
        except OSError as error:
            raise ToolError(f"{change.path}: {error.strerror}; nothing was written") from None
        except PathRefused as error:
            raise ToolError(f"{error}. Nothing was written.") from None

    def _read(names: list[str], base: Root, settings: Settings) -> tuple[dict[str, tuple[Path, bool]], dict[str, bytes]]:
        """Where each name is, and the bytes of those that exist; a tool error naming every refused path."""
        places: dict[str, tuple[Path, bool]] = {}
        originals: dict[str, bytes] = {}
        refused: list[str] = []
        budget = settings.max_input_bytes
        for name in names:
            try:
                places[name] = roots.place(name, base)
                if places[name][1]:
                    _, data = roots.read(name, budget, base)
                    budget -= len(data)
                    originals[name] = data
            except FileTooLarge as error:
                raise ToolError(f"{error} {limits.files_over_limit_hint(settings.max_input_bytes)}") from None
            except PathRefused as error:
                refused.append(str(error))
        if refused:
            raise ToolError(
                f"Nothing was written: {len(refused)} path(s) refused. edit_files writes only regular files inside "
                f"{described}, by paths without '..'.\n" + "\n".join(refused)
            )
        return places, originals

    def _changes(
        result: fast_diff.EditResult[str, bytes],
        originals: dict[str, bytes],
        places: dict[str, tuple[Path, bool]],
        base: Root,
        settings: Settings,
    ) -> tuple[list[Change], list[EditedFile]]:
        changes: list[Change] = []
        edited: list[EditedFile] = []
        for path, report in result.reports.items():
            real, exists = places.get(path) or roots.place(path, base)
            new = result.files.get(path)
            source = report.source or path
            old = originals.get(source, b"")
            if new is None or new != originals.get(path) or not exists:
                changes.append(Change(real, new, exists))
            if report.change is fast_diff.FileChange.RENAMED and source != path and source in places:
                changes.append(Change(places[source][0], None, True))
            diff = fast_diff.unified_diff(
                old,
                new or b"",
                old_label=("a/" + source) if report.change is not fast_diff.FileChange.CREATED else "/dev/null",
                new_label=("b/" + path) if new is not None else "/dev/null",
            )
            shown, _ = as_text(diff)
            edited.append(
                EditedFile(
                    path=path, real_path=str(real), change=report.change.value, diff=shown, report=edit_file_report(report)
                )
            )
        return changes, edited

    add_tool(
        server,
        edit_files,
        name="edit_files",
        description=DESCRIPTION.format(roots=described),
        result=EditFilesResult,
        annotations=DESTRUCTIVE,
        size=always_heavy,  # it reads and writes files, whose sizes its arguments do not tell
    )
    return INSTRUCTIONS.format(roots=described)


