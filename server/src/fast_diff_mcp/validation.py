"""Invalid arguments, answered in a sentence each: the parameter, what was wrong, what is allowed.

FastMCP answers a call whose arguments fail validation with pydantic's own
text: a count, the error types, the inputs and a documentation link for
each error. An agent needs less and more: which parameter, what it sent,
and what the tool accepts, which the tool's input schema says (its type,
range, choices or pattern). ``ArgumentErrors`` rewrites those answers for
every tool of the server.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping, Sequence
from typing import Any

from fastmcp.exceptions import ValidationError
from fastmcp.server.middleware import CallNext, Middleware, MiddlewareContext
from fastmcp.tools import ToolResult
from mcp.types import CallToolRequestParams
from pydantic import ValidationError as PydanticValidationError
from pydantic_core import ErrorDetails

from .params import NO_LINE_BREAK

MISSING = {"missing", "missing_argument", "missing_keyword_only_argument", "missing_positional_only_argument"}
"""pydantic's error types for a required argument left out."""

# A value longer than this is described, not quoted: an argument may be megabytes.
QUOTED_CHARS = 40


class ArgumentErrors(Middleware):
    """Makes a tool call's validation errors short and specific."""

    async def on_call_tool(
        self,
        context: MiddlewareContext[CallToolRequestParams],
        call_next: CallNext[CallToolRequestParams, ToolResult],
    ) -> ToolResult:
        try:
            return await call_next(context)
        except ValidationError as error:
            cause = error.__cause__
            if not isinstance(cause, PydanticValidationError):
                raise
            name = context.message.name
            tool = None if context.fastmcp_context is None else await context.fastmcp_context.fastmcp.get_tool(name)
            schema = {} if tool is None else tool.parameters
            raise ValidationError(describe(cause.errors(include_url=False), schema, name), log_level=logging.WARNING) from None


def describe(errors: Sequence[ErrorDetails], schema: Mapping[str, Any], tool: str) -> str:
    """One line per error, for the tool whose input schema is ``schema``."""
    return "\n".join(dict.fromkeys(_sentence(error, schema, tool) for error in errors))


def _sentence(error: ErrorDetails, schema: Mapping[str, Any], tool: str) -> str:
    loc = error["loc"]
    properties: Mapping[str, Any] = schema.get("properties", {})
    if error["type"] in MISSING:
        return f"{_path(loc)} is missing: it is required."
    if error["type"] == "unexpected_keyword_argument":
        return f"{_path(loc)} is not a parameter of {tool}; it takes {', '.join(properties) or 'no parameters'}."
    expected = _expected(_schema_at(properties, loc))
    if expected is None:
        return f"{_path(loc)}: {error['msg']}, not {_shown(error['input'])}."
    return f"{_path(loc)} must be {expected}, not {_shown(error['input'])}."


def _path(loc: tuple[int | str, ...]) -> str:
    """``originals["a.txt"]`` for ('originals', 'a.txt')."""
    head, *rest = loc or ("the arguments",)
    return str(head) + "".join(f"[{json.dumps(part)}]" for part in rest)


def _schema_at(properties: Mapping[str, Any], loc: tuple[int | str, ...]) -> Mapping[str, Any] | None:
    if not loc or not isinstance(loc[0], str):
        return None
    schema: Any = properties.get(loc[0])
    for part in loc[1:]:
        if not isinstance(schema, Mapping):
            return None
        if isinstance(part, int):
            schema = schema.get("items")
        else:
            schema = schema.get("properties", {}).get(part) or schema.get("additionalProperties")
    return schema if isinstance(schema, Mapping) else None


def _expected(schema: Mapping[str, Any] | None) -> str | None:
    """What the schema allows, in words; None when it says nothing this can put in words."""
    if schema is None:
        return None
    if "enum" in schema:
        return "one of " + ", ".join(json.dumps(value) for value in schema["enum"])
    kind = schema.get("type")
    if kind == "integer":
        low, high = schema.get("minimum"), schema.get("maximum")
        if low is not None and high is not None:
            return f"an integer from {low} to {high}"
        if low is not None:
            return f"an integer of at least {low}"
        return "an integer" if high is None else f"an integer of at most {high}"
    if kind == "boolean":
        return "true or false"
    if kind == "string":
        pattern = schema.get("pattern")
        if pattern is None:
            return "a string"
        return "a string of one line (no CR or LF)" if pattern == NO_LINE_BREAK else f"a string matching {pattern}"
    if kind == "object":
        values = _expected(schema.get("additionalProperties"))
        return "an object" if values is None else f"an object whose values are each {values}"
    if kind == "array":
        items = _expected(schema.get("items"))
        return "a list" if items is None else f"a list whose items are each {items}"
    return None


def _shown(value: Any) -> str:
    """The value sent, as JSON when it is short; else what it is."""
    if isinstance(value, str) and len(value) > QUOTED_CHARS:
        return f"a string of {len(value):,} characters"
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, (list, tuple)):
        return "a list"
    try:
        return json.dumps(value)
    except (TypeError, ValueError):
        return type(value).__name__
