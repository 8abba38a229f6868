"""The server as a real process on loopback, for the tests and the stress run: started with the
command's options, waited for, talked to in plain HTTP or over its stdio, stopped."""

from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MODERN = "2026-07-28"
LEGACY = "2025-11-25"
META = {
    "io.modelcontextprotocol/protocolVersion": MODERN,
    "io.modelcontextprotocol/clientInfo": {"name": "fast-diff-tests", "version": "0"},
    "io.modelcontextprotocol/clientCapabilities": {},
}


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as probe:
        probe.bind((host, 0))
        return int(probe.getsockname()[1])


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "fast_diff_mcp", *args]


@dataclass
class HttpServer:
    process: subprocess.Popen[bytes]
    host: str
    port: int
    log: Path

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}/mcp"

    def peak_rss_kb(self) -> int:
        """The process's peak resident memory (VmHWM)."""
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
        return 0

    def reset_peak(self) -> None:
        """Starts VmHWM again from the current resident memory (Linux's clear_refs)."""
        Path(f"/proc/{self.process.pid}/clear_refs").write_text("5")


def wait_for_port(host: str, port: int, process: subprocess.Popen[bytes], log: Path, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}:\n{log.read_text()}")
        try:
            with socket.create_connection((host, port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"server did not listen on {host}:{port}:\n{log.read_text()}")


@contextmanager
def http_server(
    log_dir: Path,
    *args: str,
    env: Mapping[str, str] | None = None,
    host: str = "127.0.0.1",
    program: Sequence[str] | None = None,
) -> Iterator[HttpServer]:
    """``fast-diff-mcp --transport http`` (or ``program``, which takes the same options) with ``args`` on a
    free port of ``host``."""
    port = free_port(host)
    log = log_dir / f"server-{port}.log"
    argv = [*(program or command()), "--transport", "http", "--host", host, "--port", str(port), *args]
    with log.open("wb") as out:
        process = subprocess.Popen(argv, env={**os.environ, **(env or {})}, stdout=out, stderr=subprocess.STDOUT)
    try:
        wait_for_port(host, port, process, log)
        yield HttpServer(process, host, port, log)
    finally:
        stop(process)


def stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def rpc(method: str, params: Mapping[str, Any] | None = None, request_id: int | str | None = 1) -> dict[str, Any]:
    message: dict[str, Any] = {"jsonrpc": "2.0", "method": method}
    if request_id is not None:
        message["id"] = request_id
    if params is not None:
        message["params"] = dict(params)
    return message


def call_body(tool: str, arguments: Mapping[str, Any], request_id: int = 1) -> bytes:
    """A 2026-07-28 tools/call request, as the MCP SDK's client sends it."""
    return json.dumps(rpc("tools/call", {"name": tool, "arguments": dict(arguments), "_meta": META}, request_id)).encode()


def call_headers(tool: str) -> dict[str, str]:
    return {
        "content-type": "application/json",
        "accept": "application/json, text/event-stream",
        "mcp-protocol-version": MODERN,
        "mcp-method": "tools/call",
        "mcp-name": tool,
    }


def raw_request(host: str, port: int, head: bytes, body: Sequence[bytes] = (), timeout: float = 30) -> tuple[int, dict[str, str], bytes]:
    """Sends ``head`` then each part of ``body`` over one connection (stopping when the server has
    answered and closed), and returns the status, headers and body of the answer."""
    with socket.create_connection((host, port), timeout=timeout) as sock:
        sock.sendall(head)
        for part in body:
            try:
                sock.sendall(part)
            except (BrokenPipeError, ConnectionResetError):
                break  # answered before the body was read, as it should be
        data = b""
        while True:
            try:
                chunk = sock.recv(1 << 16)
            except ConnectionResetError:
                break
            if not chunk:
                break
            data += chunk
            if b"\r\n\r\n" in data:
                head_end = data.index(b"\r\n\r\n")
                headers = _headers(data[:head_end])
                length = int(headers.get("content-length", "-1"))
                if 0 <= length <= len(data) - head_end - 4:
                    break
    head_end = data.index(b"\r\n\r\n")
    status = int(data.split(b" ", 2)[1])
    return status, _headers(data[:head_end]), data[head_end + 4 :]


def _headers(head: bytes) -> dict[str, str]:
    lines = head.decode("latin-1").split("\r\n")[1:]
    return {name.strip().lower(): value.strip() for name, _, value in (line.partition(":") for line in lines)}


def post_head(port: int, headers: Mapping[str, str], length: int | None, host: str = "127.0.0.1") -> bytes:
    lines = [f"POST /mcp HTTP/1.1", f"host: {host}:{port}", *(f"{k}: {v}" for k, v in headers.items())]
    lines.append(f"content-length: {length}" if length is not None else "transfer-encoding: chunked")
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


class Connection:
    """One kept-alive HTTP/1.1 connection (asyncio), enough of it for POSTs and their answers."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, port: int) -> None:
        self.reader, self.writer, self.port = reader, writer, port

    @classmethod
    async def open(cls, port: int, host: str = "127.0.0.1") -> Connection:
        reader, writer = await asyncio.open_connection(host, port, limit=1 << 20)
        return cls(reader, writer, port)

    def head(self, headers: Mapping[str, str], length: int) -> bytes:
        lines = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
        return f"POST /mcp HTTP/1.1\r\nhost: 127.0.0.1:{self.port}\r\n{lines}content-length: {length}\r\n\r\n".encode()

    async def post(self, headers: Mapping[str, str], body: bytes) -> tuple[int, bytes]:
        self.writer.write(self.head(headers, len(body)))
        self.writer.write(body)
        await self.writer.drain()
        status_line = await self.reader.readuntil(b"\r\n")
        length = 0
        while (line := await self.reader.readuntil(b"\r\n")) != b"\r\n":
            name, _, value = line.decode("latin-1").partition(":")
            if name.strip().lower() == "content-length":
                length = int(value)
        return int(status_line.split(b" ", 2)[1]), await self.reader.readexactly(length)

    async def close(self) -> None:
        self.writer.close()
        try:
            await self.writer.wait_closed()
        except ConnectionError:
            pass
