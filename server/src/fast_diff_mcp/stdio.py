"""stdio for the fast-diff server: every line answered, no line held past the limit.

The MCP SDK's stdio transport reads each line whole, however long, and
drops a line it cannot read as a message (invalid JSON, a lone surrogate,
deep nesting, the wrong shape) without a word, so its client waits
forever. Here each line is read within ``max_line_bytes`` and answered:

- a line that is not JSON (or not UTF-8) gets a JSON-RPC parse error
  (-32700), one that is JSON but not a JSON-RPC message an invalid request
  error (-32600) with its id when it has one, and one line on standard
  error says what was wrong;
- a line longer than ``max_line_bytes`` is read on to its end without
  being kept, and answered -32600 saying so;
- blank lines are skipped.

The line is parsed in the reading thread with pydantic-core's parser, off
the event loop; answers are written by a writing thread. Both are daemon
threads: a read blocked on a client that never closes its end must not
hold up the process's exit. While it serves, file descriptors 0 and 1
point at the null device and at standard error, as the SDK's transport
does, so that nothing else in the process reads or writes the wire.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import fcntl
import os
import sys
import threading
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import BinaryIO

import anyio
import pydantic_core
from mcp.shared._context_streams import create_context_streams
from mcp.shared._stream_protocols import ReadStream, WriteStream
from mcp.shared.message import SessionMessage
from mcp_types import JSONRPCError, JSONRPCMessage, JSONRPCRequest, jsonrpc_message_adapter
from pydantic import ValidationError

from . import memory, timings
from .limits import human

PARSE_ERROR, INVALID_REQUEST = -32700, -32600
CHUNK_BYTES = 1 << 20
PIPE_BYTES = 1 << 20
"""The pipe size asked for (Linux): a 20 MB request then takes 20 reads, not 300."""
F_SETPIPE_SZ = 1031


@dataclass(frozen=True)
class TooLong:
    """A line longer than the limit, read to its end and dropped."""

    size: int


class LineReader:
    """Lines of a binary stream, each at most ``max_line_bytes`` (longer ones are dropped as read)."""

    def __init__(self, raw: BinaryIO, max_line_bytes: int) -> None:
        self.raw = raw
        self.max_line_bytes = max_line_bytes
        self.buffer = bytearray()

    def next(self) -> tuple[bytes | TooLong, float] | None:
        """The next line without its LF, and when it was all received; None at the end of the stream."""
        searched = 0
        while True:
            end = self.buffer.find(b"\n", searched)
            if end > self.max_line_bytes:
                del self.buffer[: end + 1]
                return TooLong(end), time.perf_counter()
            if end >= 0:
                line = bytes(memoryview(self.buffer)[:end])
                del self.buffer[: end + 1]
                return line, time.perf_counter()
            if len(self.buffer) > self.max_line_bytes:
                return self._drop(), time.perf_counter()
            searched = len(self.buffer)
            chunk = self.raw.read(CHUNK_BYTES)
            if not chunk:
                if not self.buffer:
                    return None
                line = bytes(self.buffer)
                self.buffer.clear()
                return line, time.perf_counter()
            self.buffer += chunk

    def _drop(self) -> TooLong:
        """Reads on to the end of the current line, keeping none of it."""
        dropped = len(self.buffer)
        self.buffer.clear()
        while True:
            chunk = self.raw.read(CHUNK_BYTES)
            if not chunk:
                return TooLong(dropped)
            end = chunk.find(b"\n")
            if end >= 0:
                self.buffer += chunk[end + 1 :]
                return TooLong(dropped + end)
            dropped += len(chunk)


def decode(line: bytes) -> SessionMessage | JSONRPCError | None:
    """The message a line holds, or the error that answers it (None: a blank line)."""
    if not line.strip():
        return None
    try:
        data = pydantic_core.from_json(line)
    except ValueError as error:
        return _error(None, PARSE_ERROR, f"Parse error: the line is not JSON in UTF-8 ({error}).")
    try:
        if isinstance(data, dict) and "id" in data and _id_of(data) is None:
            raise ValueError("an id that is neither a string nor an integer")  # not a notification either
        message: JSONRPCMessage = jsonrpc_message_adapter.validate_python(data, by_name=False)
    except (ValidationError, ValueError):
        return _error(
            _id_of(data),
            INVALID_REQUEST,
            "Invalid Request: the line is JSON but not one JSON-RPC request, notification or response.",
        )
    return SessionMessage(message)


def _id_of(data: object) -> str | int | None:
    if isinstance(data, dict):
        value = data.get("id")
        if isinstance(value, (str, int)) and not isinstance(value, bool):
            return value
    return None


def _error(request_id: str | int | None, code: int, message: str) -> JSONRPCError:
    return JSONRPCError.model_validate({"jsonrpc": "2.0", "id": request_id, "error": {"code": code, "message": message}})


def encode(message: JSONRPCMessage) -> bytes:
    data = type(message).__pydantic_serializer__.to_json(message, by_alias=True, exclude_unset=True)
    if isinstance(message, JSONRPCError) and message.id is None and b'"id"' not in data:
        data = data.replace(b"{", b'{"id":null,', 1)  # JSON-RPC wants it there, null
    return data + b"\n"


def _claim_std_streams() -> tuple[BinaryIO, BinaryIO, Callable[[], None]]:
    """The wire, on private descriptors; 0 and 1 now the null device and standard error."""
    wire_in_fd = fcntl.fcntl(0, fcntl.F_DUPFD_CLOEXEC, 3)
    wire_out_fd = fcntl.fcntl(1, fcntl.F_DUPFD_CLOEXEC, 3)
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.close(null)
    os.dup2(2, 1)
    for fd in (wire_in_fd, wire_out_fd):
        try:
            fcntl.fcntl(fd, F_SETPIPE_SZ, PIPE_BYTES)
        except OSError:
            pass  # not a pipe, or not Linux: reads are smaller, that is all

    def restore() -> None:
        os.dup2(wire_in_fd, 0)
        os.dup2(wire_out_fd, 1)

    return os.fdopen(wire_in_fd, "rb", buffering=0, closefd=False), os.fdopen(wire_out_fd, "wb", buffering=0, closefd=False), restore


class _Writer:
    """A daemon thread writing whole lines, in the order given."""

    def __init__(self, out: BinaryIO) -> None:
        self.out = out
        self.jobs: list[tuple[bytes, concurrent.futures.Future[None]]] = []
        self.ready = threading.Condition()
        threading.Thread(target=self._serve, name="fast-diff-stdout", daemon=True).start()

    async def write(self, data: bytes) -> None:
        done: concurrent.futures.Future[None] = concurrent.futures.Future()
        with self.ready:
            self.jobs.append((data, done))
            self.ready.notify()
        await asyncio.wrap_future(done)

    def _serve(self) -> None:
        while True:
            with self.ready:
                while not self.jobs:
                    self.ready.wait()
                data, done = self.jobs.pop(0)
            try:
                view = memoryview(data)
                while view:
                    written = self.out.write(view)
                    view = view[written or 0 :]
                done.set_result(None)
            except BaseException as error:  # the client went away: the caller hears of it
                done.set_exception(error)


@asynccontextmanager
async def stdio_transport(
    max_line_bytes: int, wire_in: BinaryIO | None = None, wire_out: BinaryIO | None = None
) -> AsyncIterator[tuple[ReadStream[SessionMessage | Exception], WriteStream[SessionMessage]]]:
    """The read and write streams of the MCP server's loop, over standard input and output."""
    restore = None
    if wire_in is None or wire_out is None:
        wire_in, wire_out, restore = _claim_std_streams()
    reader = LineReader(wire_in, max_line_bytes)
    writer = _Writer(wire_out)
    read_writer, read_stream = create_context_streams[SessionMessage | Exception](0)
    write_stream, write_reader = create_context_streams[SessionMessage](0)
    loop = asyncio.get_running_loop()
    lines: asyncio.Queue[tuple[SessionMessage | JSONRPCError | TooLong | None, float, int] | None] = asyncio.Queue(1)
    timed: dict[str | int, timings.Record] = {}

    def read_lines() -> None:  # in a daemon thread
        number = 0
        while True:
            got = reader.next()
            number += 1
            if got is None:
                asyncio.run_coroutine_threadsafe(lines.put(None), loop).result()
                return
            line, started = got
            if isinstance(line, TooLong) or len(line) >= CHUNK_BYTES:
                memory.note_large_request()
            item = line if isinstance(line, TooLong) else decode(line)
            asyncio.run_coroutine_threadsafe(lines.put((item, started, number)), loop).result()

    async def answer(error: JSONRPCError, number: int, why: str) -> None:
        print(f"fast-diff-mcp: stdin line {number}: {why}; answered {error.error.code}", file=sys.stderr, flush=True)
        await writer.write(encode(error))

    async def route_lines() -> None:
        async with read_writer:
            while (got := await lines.get()) is not None:
                item, started, number = got
                if item is None:
                    continue
                if isinstance(item, TooLong):
                    message = (
                        f"Invalid Request: the line is {human(item.size)} long, over this server's limit of "
                        f"{human(max_line_bytes)} for one request; it was read and dropped."
                    )
                    await answer(_error(None, INVALID_REQUEST, message), number, f"{item.size:,} bytes, over the limit")
                elif isinstance(item, JSONRPCError):
                    await answer(item, number, item.error.message.split(":")[0].lower())
                else:
                    if timings.enabled() and isinstance(item.message, JSONRPCRequest):
                        record = timings.Record("stdio", started)
                        record.mark("parsed")
                        timed[item.message.id] = record
                        with timings.current(record):
                            await read_writer.send(item)
                    else:
                        await read_writer.send(item)

    async def write_messages() -> None:
        async with write_reader:
            async for session_message in write_reader:
                message = session_message.message
                data = encode(message)
                request_id = getattr(message, "id", None)
                record = timed.pop(request_id, None) if timed and request_id is not None else None
                if record is not None:
                    record.mark("encoded")
                await writer.write(data)
                if record is not None:
                    record.finish()

    threading.Thread(target=read_lines, name="fast-diff-stdin", daemon=True).start()
    try:
        async with anyio.create_task_group() as tasks:
            tasks.start_soon(route_lines)
            tasks.start_soon(write_messages)
            yield read_stream, write_stream
            tasks.cancel_scope.cancel()
    finally:
        if restore is not None:
            restore()
