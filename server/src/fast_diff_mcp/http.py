"""Streamable HTTP for the fast-diff server: stateless by default, answers as JSON, bodies checked and
read by the gate, request JSON parsed fast.

- **Stateless** (the default): every request stands alone, so a load
  balancer may send each request of a client to any replica, and no
  client can hold sessions that lock others out. The tools keep no state
  between calls, and the server sends clients nothing unasked, so a
  session would hold nothing. Clients of the 2026-07-28 protocol (the MCP
  SDK's own client by default) never open one anyway. With ``stateful``,
  sessions are bounded in number (``max_sessions``) and in idle time
  (``session_idle_timeout_s``), and at the bound the session idle longest
  is closed to make room, so that a flood of sessions cannot shut new
  clients out (the SDK would answer them 503 for up to 30 minutes).
- **JSON answers**: a call is answered with one JSON body, never an SSE
  stream, whose events the MCP SDK's client refuses past 1 MiB (the SDK
  switches a call running past 15 seconds to SSE). Calls are bounded by
  the deadline, so nothing needs a stream to stay alive.
- **The gate** (``gate.RequestGate``) checks a POST's headers before its
  body is read and reads the body within the body limit, in time and in
  memory; the SDK's own body limit middleware, which collects the body
  again and copies it twice, is skipped.
- **Fast JSON**: the SDK parses a 2026-07-28 request with the standard
  library's ``json`` (65 ms on the article's 20 MB request, against 11 ms
  for pydantic-core's parser, which the SDK uses for the other protocol
  versions); ``use_fast_json`` gives that entry pydantic-core's parser.

The MCP SDK and FastMCP give no way to do these from outside (FastMCP 4.2
creates the session manager in the app's lifespan, with the SDK's
defaults), so once the lifespan has created the manager its settings are
changed in place; each step checks that the SDK still has what it
changes, and fails at startup, naming this file, if not.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Collection
from contextlib import asynccontextmanager
from dataclasses import dataclass
from types import ModuleType
from typing import Any

import pydantic_core
from fastmcp.server.http import StreamableHTTPASGIApp
from mcp.server import _streamable_http_modern as modern_entry
from mcp.server.streamable_http_manager import StreamableHTTPSessionManager
from mcp.server.transport_security import RequestBodyLimitMiddleware
from starlette.applications import Starlette
from starlette.middleware import Middleware

from . import limits, timings
from .gate import RequestGate

HTTP_PATH = "/mcp"


@dataclass(frozen=True)
class HttpOptions:
    """How the server serves streamable HTTP."""

    stateless: bool = True
    max_sessions: int = 1000
    """With sessions: how many may be open at once."""
    session_idle_timeout_s: float = 300
    """With sessions: how long one may go without a request before it is closed."""
    body_timeout_s: float = 10
    """How long each part of a request body may take to arrive (the whole: six times this)."""
    body_budget_bytes: int | None = None
    """The bytes of large request bodies in flight at once (default: four of the largest allowed)."""

    def __post_init__(self) -> None:
        if self.max_sessions <= 0 or self.session_idle_timeout_s <= 0 or self.body_timeout_s <= 0:
            raise limits.ConfigError("max_sessions, session_idle_timeout_s and body_timeout_s must be positive")


class _FastJson:
    """What the SDK's 2026-07-28 entry calls ``json``: pydantic-core's parser, and the standard encoder."""

    @staticmethod
    def loads(data: bytes | str) -> Any:
        parsed = pydantic_core.from_json(data)  # raises ValueError, as json.loads does, on bad JSON
        timings.mark("parsed")
        return parsed

    dumps = staticmethod(json.dumps)


def use_fast_json(module: ModuleType = modern_entry) -> None:
    if getattr(module, "json", None) not in (json, _FastJson):
        raise RuntimeError(
            "the MCP SDK's 2026-07-28 HTTP entry no longer parses with json (MCP SDK changed: see fast_diff_mcp/http.py)"
        )
    module.json = _FastJson  # type: ignore[attr-defined]


def _streamable_http_endpoint(app: Starlette) -> StreamableHTTPASGIApp:
    for route in app.routes:
        endpoint = getattr(route, "endpoint", None)
        if isinstance(endpoint, StreamableHTTPASGIApp):
            return endpoint
    raise RuntimeError("no streamable HTTP endpoint in the FastMCP app (FastMCP changed: see fast_diff_mcp/http.py)")


def gate_middleware(path: str, max_input_bytes: int, options: HttpOptions, endpoint: list[StreamableHTTPASGIApp]) -> Middleware:
    """The gate, for FastMCP's ``http_app(middleware=...)``; ``endpoint`` is filled in once the app exists."""
    body_limit = limits.max_request_body_bytes(max_input_bytes)

    def sessions() -> Collection[str] | None:
        manager = endpoint[0].session_manager if endpoint else None
        if manager is None or manager.stateless:
            return None
        return manager._server_instances.keys()

    return Middleware(
        RequestGate,
        path=path,
        body_limit=body_limit,
        input_limit=max_input_bytes,
        body_budget=options.body_budget_bytes or 4 * body_limit,
        body_timeout_s=options.body_timeout_s,
        sessions=sessions,
    )


def configure(app: Starlette, options: HttpOptions, endpoint_holder: list[StreamableHTTPASGIApp]) -> None:
    """Gives ``app``'s session manager, once its lifespan creates it, the settings above."""
    use_fast_json()
    endpoint = _streamable_http_endpoint(app)
    endpoint_holder.append(endpoint)
    lifespan = app.router.lifespan_context

    @asynccontextmanager
    async def lifespan_configured(starlette: Starlette) -> AsyncIterator[Any]:
        async with lifespan(starlette) as state:
            manager = endpoint.session_manager
            if manager is None or not isinstance(manager.asgi_app, RequestBodyLimitMiddleware):
                raise RuntimeError(
                    "the MCP session manager has no request body limit to skip (MCP SDK changed: see fast_diff_mcp/http.py)"
                )
            # The gate has read and limited the body: the SDK's middleware would only copy it twice more.
            manager.asgi_app = manager._handle_request  # type: ignore[assignment]
            if not manager.stateless:
                _bound_sessions(manager, options)
            yield state

    app.router.lifespan_context = lifespan_configured


def _bound_sessions(manager: StreamableHTTPSessionManager, options: HttpOptions) -> None:
    """At most ``max_sessions`` open; at the bound, the session idle longest is closed to make room."""
    for name in ("_admit_session", "_server_instances", "_task_group", "_discard_session"):
        if not hasattr(manager, name):
            raise RuntimeError(f"the MCP session manager has no {name} (MCP SDK changed: see fast_diff_mcp/http.py)")
    manager.max_sessions = options.max_sessions
    manager.session_idle_timeout = options.session_idle_timeout_s
    admit = manager._admit_session

    def admit_making_room(requestor: Any) -> Any:
        instances = manager._server_instances
        if len(instances) >= options.max_sessions:
            idle = [
                (transport.idle_scope.deadline, session_id)
                for session_id, transport in instances.items()
                if transport.idle_scope is not None and transport.idle_scope.deadline != float("inf")
            ]
            if idle:
                _, session_id = min(idle)
                transport = instances[session_id]
                task_group = manager._task_group
                if task_group is not None:
                    # Forgotten now, so the room is there for this request; closed in the background.
                    instances.pop(session_id, None)
                    task_group.start_soon(manager._discard_session, session_id, transport)
        return admit(requestor)

    manager._admit_session = admit_making_room  # type: ignore[method-assign]
