#!/usr/bin/env python3
"""The transport floor: a minimal FastMCP server whose only tool, `constant`, takes the two texts and
returns a constant, served as any FastMCP server is (stdio, or streamable HTTP with FastMCP's
defaults), in the same virtual environment as fast-diff-mcp, but for two things the benchmark needs:

- over HTTP, the request body limit is raised from the MCP SDK's 4 MiB, which answers the article's
  20 MB request with HTTP 413 before any tool is reached;
- with FAST_DIFF_MCP_TIMINGS=FILE set, each request's time inside the server is appended to FILE as
  fast-diff-mcp writes it (over HTTP from the request's headers to its answer, over stdio from its
  line read to its answer written), so that the two are timed the same way.

Usage: mcp_floor_server.py [--transport stdio|http] [--host HOST] [--port N]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
import threading
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import anyio
from fastmcp import FastMCP
from fastmcp.server.http import StreamableHTTPASGIApp
from mcp.server.stdio import stdio_server
from starlette.middleware import Middleware

TIMINGS = os.environ.get("FAST_DIFF_MCP_TIMINGS")
_lock = threading.Lock()

floor = FastMCP("transport-floor")


@floor.tool
def constant(original_text: str, modified_text: str) -> str:
    """Returns a constant: what a tool call costs apart from its tool."""
    return "constant"


def record(transport: str, start: float, marks: dict[str, float] | None = None) -> None:
    if TIMINGS:
        line = {"transport": transport, "total_ms": (time.perf_counter() - start) * 1000, "marks_ms": marks or {}}
        with _lock, open(TIMINGS, "a") as out:
            out.write(json.dumps(line) + "\n")


class Timed:
    """ASGI middleware: a POST's time from its headers to the end of its answer, and when its body had
    been read (``read``)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] != "POST":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        marks: dict[str, float] = {}

        async def timed_receive() -> Any:
            message = await receive()
            if message["type"] == "http.request" and not message.get("more_body", False):
                marks["read"] = (time.perf_counter() - start) * 1000
            return message

        async def timed_send(message: Any) -> None:
            await send(message)
            if message["type"] == "http.response.body" and not message.get("more_body", False):
                record("http", start, marks)

        await self.app(scope, timed_receive, timed_send)


_stock_http_app = floor.http_app


def http_app_with_room(*args: Any, **kwargs: Any) -> Any:
    """FastMCP's app, its request body limit raised once its lifespan has made the session manager."""
    app = _stock_http_app(*args, **kwargs)
    endpoint = next(r.endpoint for r in app.routes if isinstance(getattr(r, "endpoint", None), StreamableHTTPASGIApp))
    lifespan = app.router.lifespan_context

    @asynccontextmanager
    async def raised_limit(starlette: Any) -> AsyncIterator[Any]:
        async with lifespan(starlette) as state:
            endpoint.session_manager.asgi_app.max_body_size = 1 << 30  # type: ignore[union-attr]
            yield state

    app.router.lifespan_context = raised_limit
    return app


floor.http_app = http_app_with_room  # type: ignore[method-assign]


class TimedLines(io.TextIOWrapper):
    """stdin, noting when each line has been read; stdout, writing each answer's time when flushed."""

    read_at: list[float] = []

    def readline(self, size: int = -1) -> str:  # type: ignore[override]
        line = super().readline(size)
        TimedLines.read_at.append(time.perf_counter())
        return line

    def __next__(self) -> str:
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def flush(self) -> None:
        super().flush()
        if TimedLines.read_at and self.writable():
            record("stdio", TimedLines.read_at.pop(0))


async def serve_stdio() -> None:
    stdin = anyio.wrap_file(TimedLines(os.fdopen(os.dup(0), "rb"), encoding="utf-8", errors="replace"))
    stdout = anyio.wrap_file(TimedLines(os.fdopen(os.dup(1), "wb"), encoding="utf-8"))
    async with floor._lifespan_manager(), stdio_server(stdin, stdout) as (read_stream, write_stream):
        await floor._mcp_server.run(read_stream, write_stream, floor._mcp_server.create_initialization_options())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--transport", choices=["stdio", "http"], default="stdio")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8090)
    args = parser.parse_args()
    if args.transport == "http":
        # As FastMCP runs any server, with its defaults (and the timing middleware).
        floor.run(transport="http", host=args.host, port=args.port, path="/mcp", show_banner=False,
                  middleware=[Middleware(Timed)])
    elif TIMINGS:
        anyio.run(serve_stdio)
    else:
        floor.run(transport="stdio", show_banner=False)
    sys.exit(0)


if __name__ == "__main__":
    main()
