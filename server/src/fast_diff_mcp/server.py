"""The FastMCP server `fast-diff` and its two tools."""

from __future__ import annotations

from typing import Annotated, Any, Literal

import fast_diff
from fastmcp import FastMCP
from fastmcp.exceptions import ToolError
from fastmcp.tools import ToolResult
from mcp.types import TextContent, ToolAnnotations
from pydantic import BaseModel, Field

from . import limits
from .http import set_request_body_limit
from .reference import difflib_unified_diff
from .stats import diff_stats

INSTRUCTIONS = """\
fast-diff compares two texts line by line and returns a unified diff (the
format of `diff -u`, `git diff` and `patch`). Use the `diff` tool to see
what changed between two versions of a file or document; `diff_difflib` is
the same through Python's difflib, a slow reference for comparison.
"""

Algorithm = Literal["myers", "histogram", "patience"]


class DiffResult(BaseModel):
    """What a diff tool returns besides the diff as text."""

    diff: str = Field(description="The unified diff, exactly as the text content; empty when the texts are identical.")
    identical: bool = Field(description="True when the texts are byte-for-byte identical (the diff is empty).")
    hunks: int = Field(description="Number of hunks (@@ sections).")
    lines_added: int = Field(description="Number of lines that only the modified text has ('+' lines).")
    lines_removed: int = Field(description="Number of lines that only the original text has ('-' lines).")


OUTPUT_SCHEMA = DiffResult.model_json_schema()

READ_ONLY = ToolAnnotations(read_only_hint=True, destructive_hint=False, idempotent_hint=True, open_world_hint=False)

OriginalText = Annotated[str, Field(description="The original (old) text.")]
ModifiedText = Annotated[str, Field(description="The modified (new) text.")]
ContextLines = Annotated[
    int,
    Field(ge=0, le=2**32 - 1, description="Unchanged lines shown around each change (default 3)."),
]
NO_LINE_BREAK = r"^[^\r\n]*$"
OriginalLabel = Annotated[
    str, Field(pattern=NO_LINE_BREAK, description="Name on the '---' line, e.g. a/path/file.txt (default 'original').")
]
ModifiedLabel = Annotated[
    str, Field(pattern=NO_LINE_BREAK, description="Name on the '+++' line, e.g. b/path/file.txt (default 'modified').")
]
AlgorithmChoice = Annotated[
    Algorithm,
    Field(
        description=(
            "Line-matching algorithm: 'myers' (default; minimal diffs), 'histogram' (git's; often "
            "reads better on code) or 'patience'. All give correct diffs."
        )
    ),
]

RETURNS = (
    " Returns the unified diff itself as text (lines starting with '-' are only in the original, "
    "'+' only in the modified text; empty when the texts are identical), and as structured content "
    "`diff`, `identical`, `hunks`, `lines_added`, `lines_removed`. Lines end at LF only; CRLF and "
    "a missing final newline are kept and shown exactly."
)

DIFF_DESCRIPTION = (
    "Compare two texts line by line with the fast-diff engine and get a unified diff (the format of "
    "`diff -u` and `git diff`, which `patch` and `git apply` accept). Use it to see or show what "
    "changed between two versions of a file, document or output; it handles texts of many megabytes "
    "in well under a second." + RETURNS
)

DIFFLIB_DESCRIPTION = (
    "The slow reference: the same comparison through Python's difflib.unified_diff, for comparing "
    "its output and speed with the `diff` tool. Prefer `diff`: difflib is much slower on large "
    "texts (minutes for megabytes) and may choose different, larger hunks." + RETURNS
)


def create_server(max_input_bytes: int | None = None) -> FastMCP:
    """The `fast-diff` server. ``max_input_bytes`` defaults to ``FAST_DIFF_MAX_INPUT_BYTES`` or 64 MiB."""
    limit = limits.max_input_bytes() if max_input_bytes is None else max_input_bytes
    if limit <= 0:
        raise limits.ConfigError(f"max_input_bytes must be positive, not {limit}")
    server = _FastDiffMCP(
        name="fast-diff",
        instructions=INSTRUCTIONS,
        version=fast_diff.__version__,
        strict_input_validation=True,
        max_request_body_bytes=limits.max_request_body_bytes(limit),
    )

    def check_size(*texts: str) -> None:
        size = sum(limits.utf8_size(text) for text in texts)
        if size > limit:
            raise ToolError(limits.over_limit_message(size, limit))

    # Synchronous tools run in a worker thread, off the event loop; the
    # engine releases the GIL, so a large diff does not hold up other requests.
    @server.tool(description=DIFF_DESCRIPTION, annotations=READ_ONLY, output_schema=OUTPUT_SCHEMA)
    def diff(
        original_text: OriginalText,
        modified_text: ModifiedText,
        context_lines: ContextLines = 3,
        original_label: OriginalLabel = "original",
        modified_label: ModifiedLabel = "modified",
        algorithm: AlgorithmChoice = "myers",
    ) -> ToolResult:
        check_size(original_text, modified_text)
        try:
            text = fast_diff.unified_diff(
                original_text,
                modified_text,
                context_lines=context_lines,
                old_label=original_label,
                new_label=modified_label,
                algorithm=algorithm,
            )
        except (TypeError, ValueError, fast_diff.DiffError) as error:
            raise ToolError(str(error)) from error
        return _result(text)

    @server.tool(name="diff_difflib", description=DIFFLIB_DESCRIPTION, annotations=READ_ONLY, output_schema=OUTPUT_SCHEMA)
    def diff_difflib(
        original_text: OriginalText,
        modified_text: ModifiedText,
        context_lines: ContextLines = 3,
        original_label: OriginalLabel = "original",
        modified_label: ModifiedLabel = "modified",
    ) -> ToolResult:
        check_size(original_text, modified_text)
        return _result(
            difflib_unified_diff(
                original_text,
                modified_text,
                context_lines=context_lines,
                old_label=original_label,
                new_label=modified_label,
            )
        )

    return server


def _result(text: str) -> ToolResult:
    """The diff as the text content (raw, for an agent to read), and its structured summary."""
    stats = diff_stats(text)
    structured = DiffResult(
        diff=text,
        identical=not text,
        hunks=stats.hunks,
        lines_added=stats.lines_added,
        lines_removed=stats.lines_removed,
    )
    return ToolResult(content=[TextContent(type="text", text=text)], structured_content=structured.model_dump())


class _FastDiffMCP(FastMCP):
    """FastMCP whose HTTP app accepts request bodies as large as the input limit allows."""

    def __init__(self, *, max_request_body_bytes: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.max_request_body_bytes = max_request_body_bytes

    def http_app(self, *args: Any, **kwargs: Any) -> Any:
        return set_request_body_limit(super().http_app(*args, **kwargs), self.max_request_body_bytes)
