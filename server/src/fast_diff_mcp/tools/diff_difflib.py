"""The `diff_difflib` tool: the same comparison through Python's difflib, the slow reference."""

from __future__ import annotations

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


def register(server: FastMCP, settings: Settings) -> str:
    def diff_difflib(
        original_text: OriginalText,
        modified_text: ModifiedText,
        context_lines: ContextLines = 3,
        original_label: OriginalLabel = "original",
        modified_label: ModifiedLabel = "modified",
    ) -> ToolResult:
        settings.check_texts({"original_text": original_text, "modified_text": modified_text})
        text = difflib_unified_diff(
            original_text, modified_text, context_lines=context_lines, old_label=original_label, new_label=modified_label
        )
        return unified_result(text)

    add_tool(server, diff_difflib, name="diff_difflib", description=DESCRIPTION, result=DiffResult)
    return INSTRUCTIONS


def unified_result(text: str) -> ToolResult:
    """A unified diff as the text content, and its summary as structured content."""
    stats = diff_stats(text)
    summary = DiffResult(
        diff=text,
        identical=not text,
        hunks=stats.hunks,
        lines_added=stats.lines_added,
        lines_removed=stats.lines_removed,
    )
    return tool_result(text, summary)
