"""Streamable HTTP with a request body limit that matches the input limit.

The MCP SDK's session manager refuses bodies over 4 MiB with HTTP 413 by
default, and FastMCP 4.2 creates that manager (in the app's lifespan) with
no way to pass a larger size: the article's own use case, two texts of
10 million characters, would never reach the tool. Once the lifespan has
created the manager, its limit is raised in place.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastmcp.server.http import StreamableHTTPASGIApp
from mcp.server.transport_security import RequestBodyLimitMiddleware
from starlette.applications import Starlette


def _streamable_http_endpoint(app: Starlette) -> StreamableHTTPASGIApp:
    for route in app.routes:
        endpoint = getattr(route, "endpoint", None)
        if isinstance(endpoint, StreamableHTTPASGIApp):
            return endpoint
    raise RuntimeError("no streamable HTTP endpoint in the FastMCP app (FastMCP changed: see fast_diff_mcp/http.py)")


def set_request_body_limit(app: Starlette, limit: int) -> Starlette:
    """Makes ``app`` accept request bodies up to ``limit`` bytes."""
    endpoint = _streamable_http_endpoint(app)
    lifespan = app.router.lifespan_context

    @asynccontextmanager
    async def lifespan_with_limit(starlette: Starlette) -> AsyncIterator[Any]:
        async with lifespan(starlette) as state:
            manager = endpoint.session_manager
            body_limit = getattr(manager, "asgi_app", None)
            if manager is None or not isinstance(body_limit, RequestBodyLimitMiddleware):
                raise RuntimeError(
                    "the MCP session manager has no request body limit to raise (MCP SDK changed: see fast_diff_mcp/http.py)"
                )
            manager.max_request_body_size = limit
            body_limit.max_body_size = limit
            yield state

    app.router.lifespan_context = lifespan_with_limit
    return app
