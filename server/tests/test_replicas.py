"""Stateless replicas: two server processes, a client initialised against one and calling tools on the
other, with the MCP SDK's own client and with plain HTTP; and, for contrast, the same with sessions."""

from __future__ import annotations

import http.client
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx2
import pytest
from mcp import Client
from mcp.client.streamable_http import streamable_http_client
from servers import LEGACY, HttpServer, call_body, call_headers, http_server

import fast_diff

pytestmark = pytest.mark.anyio

OLD, NEW = "one\ntwo\nthree\n", "one\n2\nthree\n"


@pytest.fixture(scope="module")
def replicas(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[HttpServer, HttpServer]]:
    logs = tmp_path_factory.mktemp("replicas")
    with http_server(logs) as first, http_server(logs, "--stateless") as second:
        yield first, second


class FirstToOneRestToOther(httpx2.AsyncBaseTransport):
    """A load balancer in the client: the first request (initialize) to one replica, every other to the
    next one, and a record of where each went."""

    def __init__(self, first: int, rest: list[int]) -> None:
        self.first, self.rest = first, rest
        self.sent: list[tuple[int, str]] = []
        self.inner = httpx2.AsyncHTTPTransport()

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        port = self.first if not self.sent else self.rest[len(self.sent) % len(self.rest)]
        request.url = request.url.copy_with(port=port)
        self.sent.append((port, json.loads(request.content).get("method", "") if request.content else request.method))
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self.inner.aclose()


async def sdk_calls(first: HttpServer, rest: list[HttpServer], mode: str) -> list[tuple[int, str]]:
    balancer = FirstToOneRestToOther(first.port, [server.port for server in rest])
    http = httpx2.AsyncClient(transport=balancer, timeout=httpx2.Timeout(60))
    async with http, Client(streamable_http_client(first.url, http_client=http), mode=mode) as client:  # type: ignore[arg-type]
        for _ in range(3):
            result = await client.call_tool("diff", {"original_text": OLD, "modified_text": NEW})
            assert not result.is_error, result.content
            assert result.content[0].text == fast_diff.unified_diff(OLD, NEW)
        tools = await client.list_tools()
        assert "diff" in {tool.name for tool in tools.tools}
    return balancer.sent


async def test_the_sdk_client_initialised_on_one_replica_calls_tools_on_the_other(
    replicas: tuple[HttpServer, HttpServer],
) -> None:
    first, second = replicas
    sent = await sdk_calls(first, [second], "legacy")
    assert sent[0] == (first.port, "initialize")
    assert {port for port, _ in sent[1:]} == {second.port}
    assert [method for _, method in sent].count("tools/call") == 3


async def test_the_sdk_clients_requests_spread_over_both_replicas(replicas: tuple[HttpServer, HttpServer]) -> None:
    # The 2026-07-28 protocol (the SDK client's default): no handshake at all, each request on its own.
    first, second = replicas
    sent = await sdk_calls(first, [first, second], "auto")
    assert {port for port, method in sent if method == "tools/call"} == {first.port, second.port}


def post(server: HttpServer, body: dict[str, Any], headers: dict[str, str]) -> tuple[int, dict[str, str], Any]:
    connection = http.client.HTTPConnection(server.host, server.port, timeout=60)
    try:
        connection.request("POST", "/mcp", body=json.dumps(body), headers=headers)
        response = connection.getresponse()
        data = response.read()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, json.loads(data) if data else None
    finally:
        connection.close()


LEGACY_HEADERS = {"content-type": "application/json", "accept": "application/json, text/event-stream"}


def handshake(server: HttpServer) -> dict[str, str]:
    """initialize on ``server``: the headers the client's later requests carry."""
    status, headers, answer = post(
        server,
        {
            "jsonrpc": "2.0",
            "id": 1,
            "method": "initialize",
            "params": {"protocolVersion": LEGACY, "capabilities": {}, "clientInfo": {"name": "curl", "version": "1"}},
        },
        LEGACY_HEADERS,
    )
    assert status == 200 and answer["result"]["serverInfo"]["name"] == "fast-diff"
    session = {"mcp-session-id": headers["mcp-session-id"]} if "mcp-session-id" in headers else {}
    return LEGACY_HEADERS | {"mcp-protocol-version": answer["result"]["protocolVersion"], **session}


def call_diff(server: HttpServer, headers: dict[str, str]) -> tuple[int, Any]:
    call = {"name": "diff", "arguments": {"original_text": OLD, "modified_text": NEW}}
    status, _, answer = post(server, {"jsonrpc": "2.0", "id": 2, "method": "tools/call", "params": call}, headers)
    return status, answer


def test_plain_http_initialised_on_one_replica_calls_tools_on_the_other(replicas: tuple[HttpServer, HttpServer]) -> None:
    first, second = replicas
    headers = handshake(first)
    assert "mcp-session-id" not in headers
    status, _, _ = post(second, {"jsonrpc": "2.0", "method": "notifications/initialized"}, headers)
    assert status == 202
    status, answer = call_diff(second, headers)
    assert status == 200
    assert answer["result"]["content"][0]["text"] == fast_diff.unified_diff(OLD, NEW)
    assert answer["result"]["structuredContent"]["lines_added"] == 1


def test_plain_http_2026_requests_need_no_handshake(replicas: tuple[HttpServer, HttpServer]) -> None:
    for server in replicas:
        connection = http.client.HTTPConnection(server.host, server.port, timeout=60)
        connection.request("POST", "/mcp", body=call_body("diff", {"original_text": OLD, "modified_text": NEW}), headers=call_headers("diff"))
        response = connection.getresponse()
        answer = json.loads(response.read())
        connection.close()
        assert response.status == 200 and response.getheader("content-type") == "application/json"
        assert answer["result"]["content"][0]["text"] == fast_diff.unified_diff(OLD, NEW)


def test_with_sessions_the_other_replica_does_not_know_the_client(tmp_path: Path) -> None:
    # The contrast: --stateful keeps the session in the replica that opened it.
    with http_server(tmp_path, "--stateful") as first, http_server(tmp_path, "--stateful") as second:
        headers = handshake(first)
        assert "mcp-session-id" in headers
        status, answer = call_diff(second, headers)
        assert status == 404 and "Session not found" in answer["error"]["message"]
        status, answer = call_diff(first, headers)  # where the session is
        assert status == 200 and answer["result"]["structuredContent"]["lines_added"] == 1
