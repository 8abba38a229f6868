"""What every tool module uses to offer its tool: one way to register it, its annotations, its result."""

from __future__ import annotations

import functools
import inspect
import typing
from collections.abc import Callable, Mapping, Set
from typing import Any

from fastmcp import FastMCP
from fastmcp.exceptions import ToolError
from fastmcp.tools import FunctionTool, ToolResult
from mcp.types import TextContent, ToolAnnotations
from pydantic import BaseModel

from .. import limits
from ..deadline import DeadlinePassed
from ..signatures import flatten, plain_types
from ..workers import HEAVY_INPUT_CHARS, Busy, Overran, WorkerLimits, Workers

READ_ONLY = ToolAnnotations(read_only_hint=True, destructive_hint=False, idempotent_hint=True, open_world_hint=False)

Size = Callable[[Mapping[str, Any]], int]
"""How heavy a call is, from its arguments: characters of text (see ``workers``)."""


def text_size(arguments: Mapping[str, Any]) -> int:
    """The characters of every text argument, and of the texts of every mapping argument."""
    size = 0
    for value in arguments.values():
        if isinstance(value, str):
            size += len(value)
        elif isinstance(value, Mapping):
            size += sum(len(text) for text in value.values() if isinstance(text, str))
    return size


def always_heavy(arguments: Mapping[str, Any]) -> int:
    """For tools whose inputs are not in their arguments (files): always heavy."""
    return HEAVY_INPUT_CHARS


def add_tool(
    server: FastMCP,
    fn: Callable[..., ToolResult],
    *,
    name: str,
    description: str,
    result: type[BaseModel],
    annotations: ToolAnnotations = READ_ONLY,
    size: Size = text_size,
) -> None:
    """Offers ``fn`` as the tool ``name``, its parameter groups flat and its parameter types plain
    (see ``signatures``), its structured content described by ``result``.

    ``fn`` runs in a worker thread, off the event loop (the engine releases
    the GIL, so a large diff does not hold up other requests), in the pool
    ``size`` chooses, under the server's deadline (``deadline.engine_ms()``
    is what is left of it, for the engine; ``deadline.passed()`` tells
    whether it ran out): see ``workers``. A call that cannot start, or
    overruns, is a tool error that says so.
    """
    flat = flatten(fn)
    workers = workers_of(server)

    async def call(**arguments: Any) -> ToolResult:
        try:
            return await workers.run(functools.partial(flat, **arguments), size(arguments))
        except (Busy, Overran, DeadlinePassed) as error:
            raise ToolError(str(error)) from None

    # What FastMCP and pydantic read: fn's flat parameters.
    call.__signature__ = inspect.signature(flat)  # type: ignore[attr-defined]
    call.__annotations__ = typing.get_type_hints(flat, include_extras=True)
    call.__name__ = call.__qualname__ = getattr(fn, "__name__", name)
    call.__doc__ = fn.__doc__
    tool = FunctionTool.from_function(
        call, name=name, description=description, annotations=annotations, output_schema=result.model_json_schema()
    )
    server.add_tool(tool.model_copy(update={"parameters": plain_types(tool.parameters)}))


def workers_of(server: FastMCP) -> Workers:
    """The server's workers (``create_server`` gives it its own; another FastMCP server gets the defaults)."""
    workers = getattr(server, "fast_diff_workers", None)
    if not isinstance(workers, Workers):
        workers = Workers(WorkerLimits(), limits.DEFAULT_DEADLINE_MS, limits.DEFAULT_MAX_INPUT_BYTES)
        server.fast_diff_workers = workers  # type: ignore[attr-defined]
    return workers


def tool_result(text: str, structured: BaseModel, *, exclude: Set[str] = frozenset()) -> ToolResult:
    """``text`` as the text content (raw, for an agent to read) and ``structured`` as the structured content."""
    return ToolResult(
        content=[TextContent(type="text", text=text)], structured_content=structured.model_dump(exclude=set(exclude))
    )
