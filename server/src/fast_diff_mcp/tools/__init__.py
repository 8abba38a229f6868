"""The server's tools, one module each, offered in this order.

Each module has ``register(server, settings)``: it adds its tool with
``common.add_tool`` (or adds nothing when the settings do not allow the
tool) and returns what the server's instructions should say about it, or
None. A new tool is a new module here and an entry in ``TOOLS``.
"""

from __future__ import annotations

from collections.abc import Callable

from fastmcp import FastMCP

from ..settings import Settings
from . import apply_patch, diff, diff_difflib, diff_files, edit_files, merge

Register = Callable[[FastMCP, Settings], "str | None"]

TOOLS: tuple[Register, ...] = (
    diff.register,
    diff_difflib.register,
    apply_patch.register,
    merge.register,
    diff_files.register,
    edit_files.register,
)
