"""The FastMCP server `fast-diff`: its settings, its instructions, and its tools registered in order."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

import fast_diff
import fastmcp
from fastmcp import FastMCP
from fastmcp.server.context import reset_transport, set_transport
from fastmcp.server.http import StarletteWithLifespan, StreamableHTTPASGIApp
from fastmcp.utilities.logging import temporary_log_level
from starlette.middleware import Middleware

from . import limits

from .http import HttpOptions, configure, gate_middleware
from .settings import Settings
from .stdio import stdio_transport
from .tools import TOOLS
from .validation import ArgumentErrors
from .workers import WorkerLimits, Workers

INTRODUCTION = (
    "fast-diff compares two texts line by line and returns a unified diff (the format of `diff -u`, `git diff` "
    "and `patch`), applies such diffs, and merges two edits of a common base as `git merge-file` does."
)


def create_server(
    max_input_bytes: int | None = None,
    roots: Sequence[str | os.PathLike[str]] = (),
    max_output_chars: int | None = None,
    *,
    deadline_ms: int | None = None,
    workers: WorkerLimits | None = None,
    allow_hard_links: bool = False,
    http: HttpOptions | None = None,
    word_deadline_ms: int | None = None,
    allow_write: bool = False,
) -> FastMCP:
    """The `fast-diff` server. ``max_input_bytes`` defaults to ``FAST_DIFF_MAX_INPUT_BYTES`` or 64 MiB.
    ``roots`` are the directories `diff_files` may read; without any, the tool is not offered.
    ``max_output_chars`` is the diff tools' output limit when a call names none (None: no limit).
    ``deadline_ms`` (``FAST_DIFF_DEADLINE_MS`` or 5 seconds) bounds every call; ``word_deadline_ms``
    (``FAST_DIFF_WORD_DEADLINE_MS`` or 3000) bounds the word diff of the `words` and `html` outputs
    within it (past it the marks are coarser, and the result says so); ``workers`` sets how many calls
    run at once (see ``workers.WorkerLimits``); ``allow_hard_links`` lets `diff_files` read, and
    `edit_files` replace, files with several names; ``http`` is how ``http_app`` serves (see
    ``http.HttpOptions``); ``allow_write`` (with ``roots``) offers `edit_files`, which writes files
    inside the roots."""
    settings = Settings.of(
        max_input_bytes, roots, max_output_chars, deadline_ms=deadline_ms, workers=workers,
        allow_hard_links=allow_hard_links, word_deadline_ms=word_deadline_ms, allow_write=allow_write,
    )
    server = _FastDiffMCP(
        name="fast-diff",
        version=fast_diff.__version__,
        strict_input_validation=False,  # the parameters are strict themselves: see params.py
        max_input_bytes=settings.max_input_bytes,
        http=http or HttpOptions(),
        middleware=[ArgumentErrors()],
    )
    server.fast_diff_workers = Workers(settings.workers, settings.deadline_ms, settings.max_input_bytes)
    said = [register(server, settings) for register in TOOLS]
    server.instructions = "\n".join([INTRODUCTION, *(text for text in said if text)]) + "\n"
    return server


class _FastDiffMCP(FastMCP):
    """FastMCP whose HTTP app is stateless by default, answers with JSON, and reads requests through the
    gate (see ``http``)."""

    fast_diff_workers: Workers
    """The worker pools its tools run in (see ``tools.common.add_tool``)."""

    def __init__(self, *, max_input_bytes: int, http: HttpOptions, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.max_input_bytes = max_input_bytes
        self.http_options = http

    def http_app(  # type: ignore[override]
        self, path: str | None = None, middleware: list[Middleware] | None = None, **kwargs: Any
    ) -> StarletteWithLifespan:
        """FastMCP's app, with the gate in front of the endpoint, answering with JSON, and stateless unless
        ``stateless_http=False`` or the server's options say otherwise (see ``http``)."""
        if kwargs.get("transport", "http") not in ("http", "streamable-http"):
            return super().http_app(path, middleware, **kwargs)
        path = path if path is not None else fastmcp.settings.streamable_http_path
        if kwargs.get("json_response") is None:
            kwargs["json_response"] = True
        if kwargs.get("stateless_http") is None:
            kwargs["stateless_http"] = self.http_options.stateless
        endpoint: list[StreamableHTTPASGIApp] = []
        gate = gate_middleware(path, self.max_input_bytes, self.http_options, endpoint)
        app = super().http_app(path, [gate, *(middleware or [])], **kwargs)
        configure(app, self.http_options, endpoint)
        return app

    async def run_http_async(self, **kwargs: Any) -> None:  # type: ignore[override]
        """FastMCP's, with this server's defaults (FastMCP would take them from its own settings)."""
        if kwargs.get("json_response") is None:
            kwargs["json_response"] = True
        if kwargs.get("stateless_http") is None:
            stateless = kwargs.pop("stateless", None)
            kwargs["stateless_http"] = self.http_options.stateless if stateless is None else stateless
        await super().run_http_async(**kwargs)

    async def run_stdio_async(self, show_banner: bool = True, log_level: str | None = None, stateless: bool = False) -> None:
        """FastMCP's stdio loop over ``stdio.stdio_transport``, which answers every line and holds none past
        the request limit (the input limit and room for its JSON, as over HTTP)."""
        if show_banner:
            from fastmcp.utilities.cli import log_server_banner

            log_server_banner(server=self)
        token = set_transport("stdio")
        try:
            with temporary_log_level(log_level):
                async with self._lifespan_manager():
                    max_line = limits.max_request_body_bytes(self.max_input_bytes)
                    async with stdio_transport(max_line) as (read_stream, write_stream):
                        await self._mcp_server.run(
                            read_stream, write_stream, self._mcp_server.create_initialization_options()
                        )
        finally:
            reset_transport(token)
