"""The FastMCP server `fast-diff`: its settings, its instructions, and its tools registered in order."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

import fast_diff
from fastmcp import FastMCP

from . import limits
from .http import set_request_body_limit
from .settings import Settings
from .tools import TOOLS
from .validation import ArgumentErrors

INTRODUCTION = (
    "fast-diff compares two texts line by line and returns a unified diff (the format of `diff -u`, `git diff` "
    "and `patch`), and applies such diffs."
)


def create_server(
    max_input_bytes: int | None = None,
    roots: Sequence[str | os.PathLike[str]] = (),
    max_output_chars: int | None = None,
    allow_write: bool = False,
) -> FastMCP:
    """The `fast-diff` server. ``max_input_bytes`` defaults to ``FAST_DIFF_MAX_INPUT_BYTES`` or 64 MiB.
    ``roots`` are the directories `diff_files` may read; without any, the tool is not offered.
    ``max_output_chars`` is the diff tools' output limit when a call names none (None: no limit).
    ``allow_write`` (with ``roots``) offers `edit_files`, which writes files inside the roots."""
    settings = Settings.of(max_input_bytes, roots, max_output_chars, allow_write)
    server = _FastDiffMCP(
        name="fast-diff",
        version=fast_diff.__version__,
        strict_input_validation=False,  # the parameters are strict themselves: see params.py
        max_request_body_bytes=limits.max_request_body_bytes(settings.max_input_bytes),
        middleware=[ArgumentErrors()],
    )
    said = [register(server, settings) for register in TOOLS]
    server.instructions = "\n".join([INTRODUCTION, *(text for text in said if text)]) + "\n"
    return server


class _FastDiffMCP(FastMCP):
    """FastMCP whose HTTP app accepts request bodies as large as the input limit allows."""

    def __init__(self, *, max_request_body_bytes: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.max_request_body_bytes = max_request_body_bytes

    def http_app(self, *args: Any, **kwargs: Any) -> Any:
        return set_request_body_limit(super().http_app(*args, **kwargs), self.max_request_body_bytes)
