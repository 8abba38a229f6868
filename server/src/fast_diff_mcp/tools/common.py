"""What every tool module uses to offer its tool: one way to register it, its annotations, its result."""

from __future__ import annotations

from collections.abc import Callable, Set

from fastmcp import FastMCP
from fastmcp.tools import FunctionTool, ToolResult
from mcp.types import TextContent, ToolAnnotations
from pydantic import BaseModel

from ..signatures import flatten, plain_types

READ_ONLY = ToolAnnotations(read_only_hint=True, destructive_hint=False, idempotent_hint=True, open_world_hint=False)


def add_tool(
    server: FastMCP,
    fn: Callable[..., ToolResult],
    *,
    name: str,
    description: str,
    result: type[BaseModel],
    annotations: ToolAnnotations = READ_ONLY,
) -> None:
    """Offers ``fn`` as the tool ``name``, its parameter groups flat and its parameter types plain
    (see ``signatures``), its structured content described by ``result``.

    A synchronous ``fn`` runs in a worker thread, off the event loop; the
    engine releases the GIL, so a large diff does not hold up other requests.
    """
    tool = FunctionTool.from_function(
        flatten(fn), name=name, description=description, annotations=annotations, output_schema=result.model_json_schema()
    )
    server.add_tool(tool.model_copy(update={"parameters": plain_types(tool.parameters)}))


def tool_result(text: str, structured: BaseModel, *, exclude: Set[str] = frozenset()) -> ToolResult:
    """``text`` as the text content (raw, for an agent to read) and ``structured`` as the structured content."""
    return ToolResult(
        content=[TextContent(type="text", text=text)], structured_content=structured.model_dump(exclude=set(exclude))
    )
