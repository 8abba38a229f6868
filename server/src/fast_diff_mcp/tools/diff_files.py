"""The `diff_files` tool: `diff` of two files, or of two directories file by file, by path, read-only, offered
only with --root directories."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from fastmcp import FastMCP
from fastmcp.exceptions import ToolError
from fastmcp.tools import ToolResult

from .. import limits
from ..models import DiffFilesResult, FileStatsResult, SkippedResult
from ..params import DiffChoices, DiffStyle, ModifiedPath, OriginalPath, PathLabel
from ..roots import FileTooLarge, PathRefused
from ..settings import Settings
from ..trees import Style, diff_trees, stats_lines
from ..truncation import cut
from .common import add_tool, always_heavy, tool_result
from .diff import respond, totals

DESCRIPTION = (
    "Compare two files of this machine by path and get their unified diff, as the `diff` tool does for texts; or "
    "two directories, file by file, as `diff -ruN` or `git diff --no-index` does (style 'git'): one multi-file "
    "diff, and each file's counts in `files`. Read-only, and confined to these directories: {roots} (relative "
    "paths are relative to the first; '..' and symbolic links leading out are refused; inside two directories, "
    "links are not followed). Files may hold any bytes. Takes the options of `diff` (output 'unified' or 'stats' "
    "for directories, comparison modes, max_output_chars) and returns what it returns, with the real paths and "
    "`escaped_bytes`: true when the output holds bytes that are not UTF-8, shown as \\xNN escapes."
)

INSTRUCTIONS = (
    "`diff_files` diffs two files, or two directories file by file, of this machine by path, read-only, inside "
    "these directories only: {roots}."
)

REFUSED_HINT = (
    "diff_files reads only regular files inside {roots} (or two directories there, file by file; relative paths "
    "are relative to the first), by paths without '..'."
)


def register(server: FastMCP, settings: Settings) -> str | None:
    roots = settings.roots
    if not roots:
        return None
    described = roots.describe()

    def refused(error: PathRefused) -> ToolError:
        if isinstance(error, FileTooLarge):
            return ToolError(f"{error} {limits.files_over_limit_hint(settings.max_input_bytes)}")
        return ToolError(f"{error}. {REFUSED_HINT.format(roots=described)}")

    def diff_files(
        original_path: OriginalPath,
        modified_path: ModifiedPath,
        original_label: PathLabel = None,
        modified_label: PathLabel = None,
        style: DiffStyle = "unified",
        choices: DiffChoices = DiffChoices(),
    ) -> ToolResult:
        labels = (
            original_path if original_label is None else original_label,
            modified_path if modified_label is None else modified_label,
        )
        try:
            kinds = [roots.resolve(original_path).is_dir(), roots.resolve(modified_path).is_dir()]
        except PathRefused as error:
            raise refused(error) from None
        if kinds == [True, True]:
            return _trees(settings, original_path, modified_path, labels, style, choices, refused)
        if kinds[0] != kinds[1]:
            directory, other = (original_path, modified_path) if kinds[0] else (modified_path, original_path)
            raise ToolError(
                f"{directory!r} is a directory and {other!r} is not: give two files or two directories. "
                + REFUSED_HINT.format(roots=described)
            )
        limit = settings.max_input_bytes
        try:
            old_real, old = roots.read(original_path, limit)
            new_real, new = roots.read(modified_path, limit - len(old))
        except PathRefused as error:
            raise refused(error) from None
        header = ""
        if style == "git":
            labels = (f"a/{labels[0]}", f"b/{labels[1]}")
            header = f"diff --git {labels[0]} {labels[1]}\n"
        # Files may hold any bytes; JSON carries only text. Bytes that are
        # not UTF-8 are shown as \xNN escapes, and the result says so.
        return respond(old, new, choices, settings, labels=labels, paths=(str(old_real), str(new_real)), header=header)

    add_tool(
        server,
        diff_files,
        name="diff_files",
        description=DESCRIPTION.format(roots=described),
        result=DiffFilesResult,
        size=always_heavy,  # the files' sizes are known only once they are read
    )
    return INSTRUCTIONS.format(roots=described)


def _trees(
    settings: Settings,
    original: str,
    modified: str,
    labels: tuple[str, str],
    style: Style,
    choices: DiffChoices,
    refused: Callable[[PathRefused], ToolError],
) -> ToolResult:
    """Two directories: the multi-file diff (or each file's counts), cut at the output limit."""
    if choices.output not in ("unified", "stats"):
        raise ToolError(f"output must be 'unified' or 'stats' for two directories, not {choices.output!r}.")
    roots = settings.roots
    try:
        old_dir, new_dir = roots.resolve(original), roots.resolve(modified)
        tree = diff_trees(
            roots,
            old_dir,
            new_dir,
            options=choices.engine(),
            style=style,
            labels=labels,
            max_bytes=settings.max_input_bytes,
        )
    except PathRefused as error:
        raise refused(error) from None
    except OSError as error:
        raise ToolError(f"a directory could not be read: {error.strerror} ({error.filename})") from None
    counts = tree.stats()
    lines = stats_lines(tree) if choices.output == "stats" else tree.lines
    shown = cut(lines, choices.output_limit(settings.max_output_chars), counts)
    result = DiffFilesResult(
        **totals(choices.output, counts, shown, settings),
        diff=shown.text if choices.output == "unified" else None,
        original_path=str(Path(old_dir)),
        modified_path=str(Path(new_dir)),
        escaped_bytes=tree.escaped,
        files=[
            FileStatsResult(
                path=f.path,
                status=f.status,
                binary=f.binary,
                hunks=f.stats.hunks,
                lines_added=f.stats.lines_added,
                lines_removed=f.stats.lines_removed,
                old_mode=None if f.old_mode is None else f"{f.old_mode:o}",
                new_mode=None if f.new_mode is None else f"{f.new_mode:o}",
            )
            for f in tree.files
        ],
        identical_files=tree.identical_files,
        skipped=[SkippedResult(path=path, reason=why) for path, why in tree.skipped],
    )
    absent = {name for name in ("diff", "hunk_list", "note") if getattr(result, name) is None}
    return tool_result(shown.text + (result.note or ""), result, exclude=absent)
