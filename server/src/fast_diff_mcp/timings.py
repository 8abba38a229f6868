"""Where a request's time goes inside the server, when asked for (``FAST_DIFF_MCP_TIMINGS=FILE``).

Each request over HTTP or stdio is timed from the moment it is received
(over HTTP its headers, the body's arrival being the first step, ``read``;
over stdio its whole line) to the moment its answer is written; the steps
on the way mark the time they end (the body read, the JSON parsed, the
tool's wait for a worker and its run, the answer encoded). With the
environment variable set, each request appends one JSON line to FILE:
``{"transport": ..., "total_ms": ..., "marks_ms": {step: ms since received}}``.
The benchmarks read them (benches/mcp_transport.py); unset, nothing is
measured.
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

ENV_TIMINGS = "FAST_DIFF_MCP_TIMINGS"


class Record:
    """One request's times, from ``start`` (``time.perf_counter()``, when it was received)."""

    def __init__(self, transport: str, start: float | None = None) -> None:
        self.transport = transport
        self.start = time.perf_counter() if start is None else start
        self.marks: dict[str, float] = {}

    def mark(self, step: str) -> None:
        self.marks[step] = (time.perf_counter() - self.start) * 1000

    def finish(self) -> None:
        """Appends the record to the file the environment names."""
        path = os.environ.get(ENV_TIMINGS)
        if not path:
            return
        line = {"transport": self.transport, "total_ms": (time.perf_counter() - self.start) * 1000, "marks_ms": self.marks}
        with _lock, open(path, "a") as out:
            out.write(json.dumps(line) + "\n")


class _Off(Record):
    def mark(self, step: str) -> None:
        pass

    def finish(self) -> None:
        pass


_OFF = _Off("off")
_current: ContextVar[Record] = ContextVar("fast_diff_mcp_timing", default=_OFF)
_lock = threading.Lock()


def enabled() -> bool:
    return bool(os.environ.get(ENV_TIMINGS))


@contextmanager
def request(transport: str = "http") -> Iterator[Record]:
    """Times the request handled in the block (and the steps it marks)."""
    if not enabled():
        yield _OFF
        return
    record = Record(transport)
    with current(record):
        try:
            yield record
        finally:
            record.finish()


@contextmanager
def current(record: Record) -> Iterator[None]:
    """Makes ``record`` the one that ``mark`` marks, in the block (and the tasks and threads it starts)."""
    token = _current.set(record)
    try:
        yield
    finally:
        _current.reset(token)


def mark(step: str) -> None:
    """Marks the end of ``step`` for the request being handled, if it is timed."""
    _current.get().mark(step)
