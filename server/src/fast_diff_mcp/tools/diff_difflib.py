"""The `diff_difflib` tool: the same comparison through Python's difflib, the slow reference; and the
way to offer any other unified-diff function of two texts as a tool like it."""

from __future__ import annotations

from collections.abc import Callable

from fastmcp import FastMCP
from fastmcp.tools import ToolResult

from ..models import DiffResult
from ..params import ContextLines, ModifiedLabel, ModifiedText, OriginalLabel, OriginalText
from ..reference import difflib_unified_diff
from ..settings import Settings
from ..stats import diff_stats
from .common import add_tool, tool_result

DESCRIPTION = (
    "The slow reference: the same comparison through Python's difflib.unified_diff, for comparing "
    "its output and speed with the `diff` tool. Prefer `diff`: difflib is much slower on large "
    "texts (minutes for megabytes) and may choose different, larger hunks. Returns the unified diff itself as "
    "text (lines starting with '-' are only in the original, '+' only in the modified text; empty when the texts "
    "are identical), and as structured content `diff`, `identical`, `hunks`, `lines_added`, `lines_removed`. "
    "Lines end at LF only; CRLF and a missing final newline are kept and shown exactly."
)

INSTRUCTIONS = "`diff_difflib` is the same through Python's difflib, a slow reference for comparison."

UnifiedDiff = Callable[[str, str, int, str, str], str]
"""A unified diff of (old, new, context_lines, old_label, new_label)."""


def register(server: FastMCP, settings: Settings) -> str:
    add_unified_diff_tool(server, settings, difflib_unified_diff, name="diff_difflib", description=DESCRIPTION)
    return INSTRUCTIONS


def add_unified_diff_tool(
    server: FastMCP, settings: Settings, unified_diff: UnifiedDiff, *, name: str, description: str
) -> None:
    """Offers ``unified_diff`` as the tool ``name``, with the arguments and result of `diff_difflib`."""

    def tool(
        original_text: OriginalText,
        modified_text: ModifiedText,
        context_lines: ContextLines = 3,
        original_label: OriginalLabel = "original",
        modified_label: ModifiedLabel = "modified",
    ) -> ToolResult:
        settings.check_texts({"original_text": original_text, "modified_text": modified_text})
        text = unified_diff(original_text, modified_text, context_lines, original_label, modified_label)
        stats = diff_stats(text)
        summary = DiffResult(
            diff=text,
            identical=not text,
            hunks=stats.hunks,
            lines_added=stats.lines_added,
            lines_removed=stats.lines_removed,
        )
        return tool_result(text, summary)

    add_tool(server, tool, name=name, description=description, result=DiffResult)
