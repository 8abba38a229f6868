"""Over stdio, every line is answered: a malformed or undecodable request gets a JSON-RPC error and a line
on standard error, an over-long line is refused without being held, and the server keeps serving."""

from __future__ import annotations

import json
import queue
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from servers import LEGACY, command, rpc

LIMIT = 10_000  # the input limit: lines past about 76 KB are refused


class StdioServer:
    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        self.process = process
        self.answers: queue.Queue[bytes] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.answers.put(line)

    def send(self, data: bytes) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(data)
        self.process.stdin.flush()

    def answer(self, timeout: float = 60) -> dict[str, Any]:
        reply: dict[str, Any] = json.loads(self.answers.get(timeout=timeout))
        return reply

    def peak_rss_kb(self) -> int:
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
        return 0


@pytest.fixture
def server(tmp_path: Path) -> Iterator[StdioServer]:
    stderr = (tmp_path / "stderr").open("wb")
    process = subprocess.Popen(
        command("--max-input-bytes", str(LIMIT)), stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr
    )
    try:
        yield StdioServer(process)
    finally:
        process.kill()
        process.wait()
        stderr.close()


def initialise(server: StdioServer) -> None:
    params = {"protocolVersion": LEGACY, "capabilities": {}, "clientInfo": {"name": "test", "version": "0"}}
    server.send(json.dumps(rpc("initialize", params, 0)).encode() + b"\n")
    assert server.answer()["result"]["serverInfo"]["name"] == "fast-diff"
    server.send(json.dumps(rpc("notifications/initialized", request_id=None)).encode() + b"\n")


def a_diff_works(server: StdioServer, request_id: int) -> None:
    call = {"name": "diff", "arguments": {"original_text": "a\n", "modified_text": "b\n"}}
    server.send(json.dumps(rpc("tools/call", call, request_id)).encode() + b"\n")
    answer = server.answer()
    assert answer["id"] == request_id and answer["result"]["structuredContent"]["lines_added"] == 1


JUNK = [
    (b'{"jsonrpc": "2.0", "id": 1, "method": "tools/call", "params": {', -32700, None),  # not JSON
    (b'{"jsonrpc": "2.0", "id": 2, "method": "ping", "params": {"x": "\\ud800"}}', -32700, None),  # a lone surrogate
    (b"[" * 5_000 + b"]" * 5_000, -32700, None),  # deep nesting
    (b'{"jsonrpc": "2.0", "id": 3, "method": "\xff\xfe"}', -32700, None),  # not UTF-8
    (b'{"jsonrpc": "2.0", "id": 4}', -32600, 4),  # JSON, but no request: its id is kept
    (b'{"jsonrpc": "2.0", "id": {"x": 1}, "method": "ping"}', -32600, None),  # an id that is no id
    (b'[{"jsonrpc": "2.0", "id": 5, "method": "ping"}]', -32600, None),  # a batch
    (b'"just a string"', -32600, None),
]


def test_every_bad_line_gets_an_error_and_a_line_on_stderr(server: StdioServer, tmp_path: Path) -> None:
    initialise(server)
    for line, code, request_id in JUNK:
        server.send(line + b"\n")
        answer = server.answer()
        assert answer["error"]["code"] == code, (line[:60], answer)
        assert answer["id"] == request_id
    server.send(b"\n   \n")  # blank lines: nothing to answer
    a_diff_works(server, 10)
    lines = [line for line in (tmp_path / "stderr").read_text().splitlines() if "stdin line" in line]
    assert len(lines) == len(JUNK), lines
    assert all(f"answered {code}" in said for said, (_, code, _) in zip(lines, JUNK))


def test_an_over_long_line_is_refused_without_being_held(server: StdioServer) -> None:
    initialise(server)
    base = server.peak_rss_kb()
    chunk = b"x" * (1 << 20)
    for _ in range(200):  # a 200 MiB line
        server.send(chunk)
    server.send(b"\n")
    answer = server.answer(timeout=120)
    assert answer["error"]["code"] == -32600 and answer["id"] is None
    assert "209,715,200 bytes" in answer["error"]["message"] and "over this server's limit" in answer["error"]["message"]
    assert server.peak_rss_kb() - base < 64 * 1024  # never held: far less than the line
    a_diff_works(server, 11)
