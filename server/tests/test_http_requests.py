"""HTTP requests as a careless or hostile client sends them: refused on their headers before the body is
read, bounded while it is read, answered with a JSON-RPC error that says why; large answers in a form the
MCP SDK's client accepts."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from typing import Any

import anyio
import pytest
from mcp import Client
from mcp.client.streamable_http import streamable_http_client
from servers import HttpServer, call_body, call_headers, http_server, post_head, raw_request
from starlette.types import Message

import fast_diff
from fast_diff_mcp.gate import LARGE_BODY_BYTES, RequestGate
from fast_diff_mcp.limits import max_request_body_bytes

pytestmark = pytest.mark.anyio

LIMIT = 2_000_000  # the servers' input limit here
BODY_LIMIT = max_request_body_bytes(LIMIT)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HttpServer]:
    with http_server(tmp_path_factory.mktemp("http"), "--max-input-bytes", str(LIMIT), "--body-timeout", "1") as running:
        yield running


def error_of(body: bytes) -> dict[str, Any]:
    answer = json.loads(body)
    assert answer["jsonrpc"] == "2.0" and answer["id"] is None
    error: dict[str, Any] = answer["error"]
    return error


def test_refused_on_the_headers_before_the_body_is_sent(server: HttpServer) -> None:
    # Three refusals a client gets before it has sent a byte of a 300 MB body.
    good = call_headers("diff")
    for headers, length, status, said in (
        ({**good, "content-type": "text/plain"}, 300_000_000, 415, "Content-Type must be application/json"),
        ({**good, "accept": "text/html"}, 300_000_000, 406, "must accept application/json"),
        (good, 300_000_000, 413, f"over this server's limit of {BODY_LIMIT:,} bytes"),
    ):
        # No body is sent: a server waiting for it would answer 408 after its body timeout.
        got, answer_headers, body = raw_request(server.host, server.port, post_head(server.port, headers, length))
        assert got == status, body
        assert said in error_of(body)["message"]
        assert answer_headers["connection"] == "close"
    assert server.process.poll() is None


def test_a_body_over_the_limit_without_a_declared_length_is_cut_off(server: HttpServer) -> None:
    chunk = b"x" * 65536
    chunked = [b"%x\r\n%s\r\n" % (len(chunk), chunk)] * (BODY_LIMIT // len(chunk) + 8) + [b"0\r\n\r\n"]
    status, _, body = raw_request(server.host, server.port, post_head(server.port, call_headers("diff"), None), chunked)
    assert status == 413 and "over this server's limit" in error_of(body)["message"]


def test_a_body_that_stops_arriving_is_answered_408(server: HttpServer) -> None:
    head = post_head(server.port, call_headers("diff"), 1000)
    status, _, body = raw_request(server.host, server.port, head, [b'{"jsonrpc": "2.0", '])  # and then nothing
    assert status == 408 and "did not arrive in time" in error_of(body)["message"]


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        (b'{"jsonrpc": "2.0", "id": 1, "method": "tools/call", "params": {', 400, -32700),  # not JSON
        (b'{"jsonrpc": "2.0", "id": 1, "method": "tools/call", "params": {"name": "diff\\ud800"}}', 400, -32700),
        (b"[" * 100_000 + b"]" * 100_000, 400, -32700),  # nesting deeper than any parser should follow
        (b'"\xff\xfe"', 400, -32700),  # not UTF-8
        (b'[{"jsonrpc": "2.0", "id": 1, "method": "ping"}]', 400, -32600),  # a batch
        (b'{"jsonrpc": "2.0", "id": 1}', 400, -32600),  # the wrong shape
    ],
)
def test_malformed_bodies_get_json_rpc_errors(server: HttpServer, body: bytes, status: int, code: int) -> None:
    got, _, answer = raw_request(server.host, server.port, post_head(server.port, call_headers("diff"), len(body)), [body])
    assert got == status
    assert json.loads(answer)["error"]["code"] == code
    # ...and the server keeps serving.
    small = call_body("diff", {"original_text": "a\n", "modified_text": "b\n"})
    got, _, answer = raw_request(server.host, server.port, post_head(server.port, call_headers("diff"), len(small)), [small])
    assert got == 200 and json.loads(answer)["result"]["structuredContent"]["lines_added"] == 1


def unrelated(size: int, seed: int) -> str:
    rng = random.Random(seed)
    return "".join(f"{rng.randrange(10**9)} line of text\n" for _ in range(size // 24))


@pytest.mark.parametrize("mode", ["auto", "legacy"])
async def test_answers_over_a_mebibyte_reach_the_sdk_client(server: HttpServer, mode: str) -> None:
    # An answer is one JSON body, never an SSE event (which the SDK client refuses past 1 MiB).
    old, new = unrelated(700_000, 1), unrelated(700_000, 2)
    async with Client(streamable_http_client(server.url), mode=mode) as client:  # type: ignore[arg-type]
        result = await client.call_tool("diff", {"original_text": old, "modified_text": new})
        assert not result.is_error, result.content[0].text[:300]
        expected = fast_diff.unified_diff(old, new, deadline_ms=10_000)
        if not result.structured_content["deadline_passed"]:
            assert result.content[0].text == expected
        assert len(result.content[0].text) > 1 << 20


# ---- the gate itself, as an ASGI middleware ---------------------------------------


class Recorder:
    """What the gate hands the app, and what it answers."""

    def __init__(self) -> None:
        self.bodies: list[bytes] = []
        self.sent: list[Message] = []

    async def app(self, scope: Any, receive: Any, send: Any) -> None:
        parts = [await receive()]
        while parts[-1].get("more_body"):
            parts.append(await receive())
        self.bodies.append(b"".join(part["body"] for part in parts))
        await anyio.sleep(0.2)  # serving: the body is still held
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"{}", "more_body": False})

    async def send(self, message: Message) -> None:
        self.sent.append(message)


def scope(length: int | None, session: str | None = None, version: str | None = None) -> dict[str, Any]:
    headers = [(b"content-type", b"application/json"), (b"accept", b"application/json")]
    if length is not None:
        headers.append((b"content-length", str(length).encode()))
    if session is not None:
        headers.append((b"mcp-session-id", session.encode()))
    if version is not None:
        headers.append((b"mcp-protocol-version", version.encode()))
    return {"type": "http", "method": "POST", "path": "/mcp", "headers": headers}


def gate(recorder: Recorder, budget: int, sessions: Any = None) -> RequestGate:
    return RequestGate(
        recorder.app, path="/mcp", body_limit=BODY_LIMIT, input_limit=LIMIT, body_budget=budget, body_timeout_s=5,
        sessions=lambda: sessions,
    )


def receiver(body: bytes, parts: int = 4) -> Any:
    size = -(-len(body) // parts)
    messages = [
        {"type": "http.request", "body": body[k : k + size], "more_body": k + size < len(body)}
        for k in range(0, len(body), size)
    ]

    async def receive() -> Message:
        if messages:
            return messages.pop(0)
        await anyio.sleep_forever()
        raise AssertionError

    return receive


async def test_the_body_reaches_the_app_whole() -> None:
    recorder = Recorder()
    body = b'{"x": "' + b"y" * 100_000 + b'"}'
    await gate(recorder, 10 * BODY_LIMIT)(scope(len(body)), receiver(body, 7), recorder.send)
    assert recorder.bodies == [body]
    assert recorder.sent[0]["status"] == 200


async def test_large_bodies_in_flight_are_bounded_and_small_ones_never_wait() -> None:
    recorder = Recorder()
    large = b"x" * LARGE_BODY_BYTES
    the_gate = gate(recorder, budget=2 * LARGE_BODY_BYTES)  # room for two at once
    answers: list[Recorder] = []

    async def one(body: bytes, declared: bool) -> None:
        mine = Recorder()
        answers.append(mine)
        await the_gate(scope(len(body) if declared else None), receiver(body), mine.send)

    async with anyio.create_task_group() as tasks:
        for k in range(3):
            tasks.start_soon(one, large, k != 1)  # one of them without a declared length
        await anyio.sleep(0.05)
        tasks.start_soon(one, b"{}", True)
    statuses = sorted(answer.sent[0]["status"] for answer in answers)
    assert statuses == [200, 200, 200, 503]
    refused = next(answer for answer in answers if answer.sent[0]["status"] == 503)
    assert "busy" in error_of(refused.sent[1]["body"])["message"]
    assert the_gate.budget.used == 0  # all given back


async def test_with_sessions_an_unknown_or_missing_session_is_refused_before_the_body() -> None:
    recorder = Recorder()
    the_gate = gate(recorder, 10 * BODY_LIMIT, sessions={"known"})
    never: Any = None  # receiving the body would fail the test
    for headers, status in ((scope(10, "unknown"), 404), (scope(LIMIT, None), 400)):
        mine = Recorder()
        await the_gate(headers, never, mine.send)
        assert mine.sent[0]["status"] == status
    # A small body without a session may be an initialize; 2026-07-28 requests never have one.
    for headers in (scope(2, None), scope(2, "known"), scope(LIMIT, None, "2026-07-28")):
        await the_gate(headers, receiver(b"{}"), recorder.send)
    assert len(recorder.bodies) == 3
