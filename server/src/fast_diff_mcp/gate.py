"""What an HTTP request to the MCP endpoint passes before its body is read, and how the body is read.

The checks that cost nothing come first, on the headers alone: the
Content-Type and Accept of a POST, its declared length against the body
limit, and, when the server keeps sessions, the session it names (Host and
Origin are checked before this, by FastMCP). A request that fails one is
answered at once, with a JSON-RPC error that says why, and its connection
is closed: its body is never read. (A client that sends ``Expect:
100-continue`` never even sends it.)

Then the body is read, bounded three ways: by the body limit as it
arrives (a body without a declared length included); in time, each part
within ``body_timeout_s`` and the whole within six times that (a client
that stalls is answered 408); and in memory, since large bodies (1 MiB and
more) being received or served at once may hold at most ``body_budget``
bytes together: past it a request is answered 503 "busy, retry" before it
is read. Smaller bodies never wait on larger ones.

The body is then handed on, as it came, to the MCP SDK's transport (whose
own collecting of the body, with two more copies of it, is skipped: see
``http``).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection
from dataclasses import dataclass

import anyio
from mcp_types.version import MODERN_PROTOCOL_VERSIONS
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from . import memory, timings
from .limits import ENV_MAX_INPUT_BYTES, human

LARGE_BODY_BYTES = 1024 * 1024
"""Bodies from this size on count against the budget of bodies in flight."""
SESSIONLESS_BODY_BYTES = 64 * 1024
"""With sessions, a request without one must open one: an initialize request, which is small."""

PARSE_ERROR, INVALID_REQUEST, SERVER_BUSY = -32700, -32600, -32000


@dataclass
class BodyBudget:
    """The bytes of large bodies that may be in flight at once."""

    total: int
    used: int = 0

    def reserve(self) -> Reservation:
        return Reservation(self)


@dataclass
class Reservation:
    """What one request holds of the budget: nothing while its body is small."""

    budget: BodyBudget
    held: int = 0

    def cover(self, size: int) -> bool:
        """Holds enough for a body of ``size`` bytes, if the budget has it."""
        if size < LARGE_BODY_BYTES or size <= self.held:
            return True
        more = max(size, 2 * self.held, LARGE_BODY_BYTES) - self.held  # grows by doubling, without a length
        if self.budget.used + more > self.budget.total:
            more = size - self.held
            if self.budget.used + more > self.budget.total:
                return False
        self.budget.used += more
        self.held += more
        return True

    def release(self) -> None:
        self.budget.used -= self.held
        self.held = 0


class Refused(Exception):
    """A request answered with an error before (or while) its body was read."""

    def __init__(self, status: int, code: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message
        self.headers = headers or {}


class RequestGate:
    """ASGI middleware in front of the MCP endpoint at ``path`` (see the module's doc).

    ``sessions`` gives the IDs of the open sessions when the server keeps
    them, else None.
    """

    def __init__(
        self,
        app: ASGIApp,
        *,
        path: str,
        body_limit: int,
        input_limit: int,
        body_budget: int,
        body_timeout_s: float,
        sessions: Callable[[], Collection[str] | None],
    ) -> None:
        self.app = app
        self.path = path
        self.body_limit = body_limit
        self.input_limit = input_limit
        self.budget = BodyBudget(body_budget)
        self.body_timeout_s = body_timeout_s
        self.sessions = sessions

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].rstrip("/") != self.path.rstrip("/") or scope["method"] != "POST":
            await self.app(scope, receive, send)  # no body to read: the SDK answers
            return
        with timings.request() as record:
            reservation = self.budget.reserve()
            try:
                declared = self._check_headers(Headers(scope=scope))
                if declared is not None and not reservation.cover(declared):
                    raise self._busy()
                if declared is not None and declared >= LARGE_BODY_BYTES:
                    memory.note_large_request()
                parts = await self._read(receive, declared, reservation)
                if parts is None:
                    return  # the client went away: nobody to answer
                record.mark("read")
                await self.app(scope, _replay(parts, receive), send)
            except Refused as refused:
                await _refuse(refused, send)
            finally:
                reservation.release()
            record.mark("answered")

    def _busy(self) -> Refused:
        return Refused(
            503,
            SERVER_BUSY,
            f"The server is busy: it is receiving or serving {human(self.budget.used)} of large requests, its most "
            "at once. Retry in a few seconds.",
            {"retry-after": "2"},
        )

    def _check_headers(self, headers: Headers) -> int | None:
        """The declared length, once the headers pass; else Refused."""
        content_type = headers.get("content-type", "").split(";")[0].strip().lower()
        if content_type != "application/json":
            raise Refused(415, INVALID_REQUEST, f"Content-Type must be application/json, not {content_type or 'none'}.")
        accepted = {part.split(";")[0].strip().lower() for part in headers.get("accept", "").split(",")}
        if not accepted & {"application/json", "application/*", "*/*"}:
            raise Refused(406, INVALID_REQUEST, "The client must accept application/json (the Accept header).")
        declared = None
        if "content-length" in headers:
            try:
                declared = int(headers["content-length"])
            except ValueError:
                raise Refused(400, INVALID_REQUEST, "Content-Length is not a number.") from None
            if declared > self.body_limit:
                raise Refused(413, INVALID_REQUEST, self._too_large(f"{human(declared)}"))
        sessions = self.sessions()
        modern = headers.get("mcp-protocol-version") in MODERN_PROTOCOL_VERSIONS  # these never have sessions
        if sessions is not None and not modern:
            session = headers.get("mcp-session-id")
            if session is None and (declared is None or declared > SESSIONLESS_BODY_BYTES):
                raise Refused(400, INVALID_REQUEST, "Bad Request: Missing session ID (only initialize may be sent without one).")
            if session is not None and session not in sessions:
                raise Refused(404, INVALID_REQUEST, "Session not found: it ended or expired; initialize a new one.")
        return declared

    def _too_large(self, size: str) -> str:
        return (
            f"The request body is {size}, over this server's limit of {human(self.body_limit)} for one request: its "
            f"input limit of {human(self.input_limit)} and room for the JSON around and within the texts. Send "
            f"smaller texts (for example one file or section at a time), or ask whoever runs the server to raise the "
            f"input limit ({ENV_MAX_INPUT_BYTES} or --max-input-bytes)."
        )

    async def _read(self, receive: Receive, declared: int | None, reservation: Reservation) -> list[bytes] | None:
        """The whole body, in the parts it came in, or None when the client disconnected."""
        parts: list[bytes] = []
        size = 0
        until = anyio.current_time() + 6 * self.body_timeout_s
        # One scope for the whole body, its deadline moved on as each part comes (a scope per part
        # would cost more than the parsing of a large body's framing).
        with anyio.move_on_after(self.body_timeout_s) as waiting:
            while True:
                message = await receive()
                if message["type"] == "http.disconnect":
                    return None
                part = message.get("body", b"")
                size += len(part)
                if size > self.body_limit:
                    raise Refused(413, INVALID_REQUEST, self._too_large(f"over {human(self.body_limit)}"))
                if declared is None and not reservation.cover(size):
                    raise self._busy()
                parts.append(part)
                if not message.get("more_body", False):
                    return parts
                waiting.deadline = min(until, anyio.current_time() + self.body_timeout_s)
        raise Refused(408, INVALID_REQUEST, "The request body did not arrive in time.")


def _replay(parts: list[bytes], receive: Receive) -> Receive:
    """The body as it came, then what the connection says (a disconnect). The SDK joins the parts
    once (Starlette adds an empty part to any body, so joining them here would only copy it twice)."""
    last = len(parts) - 1
    messages = iter(enumerate(parts))

    async def replayed() -> Message:
        for k, part in messages:
            return {"type": "http.request", "body": part, "more_body": k < last}
        return await receive()

    return replayed


async def _refuse(refused: Refused, send: Send) -> None:
    body = json.dumps({"jsonrpc": "2.0", "id": None, "error": {"code": refused.code, "message": refused.message}})
    headers = {
        "content-type": "application/json",
        "content-length": str(len(body.encode())),
        "connection": "close",
        **refused.headers,
    }
    await send(
        {
            "type": "http.response.start",
            "status": refused.status,
            "headers": [(name.encode(), value.encode()) for name, value in headers.items()],
        }
    )
    await send({"type": "http.response.body", "body": body.encode(), "more_body": False})
