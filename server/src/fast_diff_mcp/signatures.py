"""How a tool function is offered to clients: its parameter groups flat, its parameter types plain.

FastMCP reads a tool's parameters from its function's signature. A tool
here may take a group of parameters as one argument, a frozen dataclass
(``params.DiffChoices``); ``flatten`` gives FastMCP a signature with the
group's fields in its place, each with its type, range, description and
default, and calls the tool with the group built from them. Clients see
every parameter at the top level, as if it were written out.

``plain_types`` keeps each parameter's JSON schema to one type. A
parameter typed ``T | None`` would be ``anyOf [T, null]``, which the MCP
Inspector's CLI cannot type (it converts its string arguments by the
property's top-level ``type``), and a default of null would contradict
``T``: clients see ``T`` alone, and no default where it was null.
"""

from __future__ import annotations

import dataclasses
import functools
import inspect
import typing
from collections.abc import Callable
from typing import Any, TypeVar

R = TypeVar("R")


def flatten(fn: Callable[..., R]) -> Callable[..., R]:
    """``fn`` with each parameter whose type is a dataclass replaced, for FastMCP, by that dataclass's fields."""
    signature = inspect.signature(fn)
    hints = typing.get_type_hints(fn, include_extras=True)
    groups: dict[str, Any] = {}
    parameters: list[inspect.Parameter] = []
    for parameter in signature.parameters.values():
        annotation = hints[parameter.name]
        if not (isinstance(annotation, type) and dataclasses.is_dataclass(annotation)):
            parameters.append(parameter.replace(kind=inspect.Parameter.KEYWORD_ONLY, annotation=annotation))
            continue
        groups[parameter.name] = annotation
        fields = typing.get_type_hints(annotation, include_extras=True)
        for field in dataclasses.fields(annotation):
            parameters.append(
                inspect.Parameter(
                    field.name, inspect.Parameter.KEYWORD_ONLY, default=field.default, annotation=fields[field.name]
                )
            )
    if not groups:
        return fn

    @functools.wraps(fn)
    def called_with_groups(**arguments: Any) -> R:
        for name, group in groups.items():
            arguments[name] = group(**{f.name: arguments.pop(f.name) for f in dataclasses.fields(group)})
        return fn(**arguments)

    # What FastMCP and pydantic read: the flat parameters, not fn's.
    del called_with_groups.__wrapped__
    called_with_groups.__signature__ = signature.replace(  # type: ignore[attr-defined]
        parameters=parameters, return_annotation=hints.get("return", signature.return_annotation)
    )
    called_with_groups.__annotations__ = {p.name: p.annotation for p in parameters} | (
        {"return": hints["return"]} if "return" in hints else {}
    )
    return called_with_groups


def plain_types(schema: dict[str, Any]) -> dict[str, Any]:
    """An input schema whose properties have their null alternative and null default taken out."""
    properties = {}
    for name, prop in schema.get("properties", {}).items():
        prop = dict(prop)
        branches = prop.pop("anyOf", None)
        if branches is not None:
            kept = [branch for branch in branches if branch.get("type") != "null"]
            if len(kept) == 1:
                prop = kept[0] | prop
            else:
                prop["anyOf"] = kept
        if "default" in prop and prop["default"] is None:
            del prop["default"]
        properties[name] = prop
    return schema | {"properties": properties}
