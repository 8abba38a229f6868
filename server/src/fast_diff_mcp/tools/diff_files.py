"""The `diff_files` tool: `diff` of two files by path, read-only, offered only with --root directories."""

from __future__ import annotations

from fastmcp import FastMCP
from fastmcp.exceptions import ToolError
from fastmcp.tools import ToolResult

from .. import limits
from ..models import DiffFilesResult
from ..params import DiffChoices, ModifiedPath, OriginalPath, PathLabel
from ..roots import FileTooLarge, PathRefused
from ..settings import Settings
from .common import add_tool
from .diff import respond

DESCRIPTION = (
    "Compare two files of this machine by path and get their unified diff, as the `diff` tool does for "
    "texts. Read-only, and confined to these directories: {roots} (relative paths are relative to the "
    "first; '..' and symbolic links leading out are refused). Files may hold any bytes. Takes the options of "
    "`diff` (output, comparison modes, max_output_chars) and returns what it returns, with the files' real paths "
    "and `escaped_bytes`: true when the output holds bytes that are not UTF-8, shown as \\xNN escapes."
)

INSTRUCTIONS = "`diff_files` diffs two files of this machine by path, read-only, inside these directories only: {roots}."

REFUSED_HINT = (
    "diff_files reads only regular files inside {roots} (relative paths are relative to the first), "
    "by paths without '..'."
)


def register(server: FastMCP, settings: Settings) -> str | None:
    roots = settings.roots
    if not roots:
        return None
    described = roots.describe()

    def diff_files(
        original_path: OriginalPath,
        modified_path: ModifiedPath,
        original_label: PathLabel = None,
        modified_label: PathLabel = None,
        choices: DiffChoices = DiffChoices(),
    ) -> ToolResult:
        limit = settings.max_input_bytes
        try:
            old_real, old = roots.read(original_path, limit)
            new_real, new = roots.read(modified_path, limit - len(old))
        except FileTooLarge as error:
            raise ToolError(f"{error} {limits.files_over_limit_hint(limit)}") from None
        except PathRefused as error:
            raise ToolError(f"{error}. {REFUSED_HINT.format(roots=described)}") from None
        # Files may hold any bytes; JSON carries only text. Bytes that are
        # not UTF-8 are shown as \xNN escapes, and the result says so.
        return respond(
            old,
            new,
            choices,
            settings,
            labels=(
                original_path if original_label is None else original_label,
                modified_path if modified_label is None else modified_label,
            ),
            paths=(str(old_real), str(new_real)),
        )

    add_tool(
        server, diff_files, name="diff_files", description=DESCRIPTION.format(roots=described), result=DiffFilesResult
    )
    return INSTRUCTIONS.format(roots=described)
