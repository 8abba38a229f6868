"""A tool call's deadline: how long the engine may look for the smallest answer, and whether it ran out.

Every tool call runs under the server's deadline (``--deadline-ms``, 5
seconds by default). The diff tools hand the engine what is left of it
(``deadline_ms``): past it, the engine stops looking for the smallest diff
and finishes a coarser one, still correct, and the result says so. A tool
that cannot be coarsened gives up at its deadline with a tool error
(``DeadlinePassed``). The worker pools (``workers``) stop waiting for any
call once its deadline and a grace have passed.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field


class DeadlinePassed(Exception):
    """A computation that cannot be made coarser gave up at its deadline."""


@dataclass(frozen=True)
class Deadline:
    ms: int
    """The whole call's budget, in milliseconds."""
    start: float = field(default_factory=time.monotonic)

    def elapsed_ms(self) -> float:
        return (time.monotonic() - self.start) * 1000

    def left_ms(self) -> int:
        """What is left, in whole milliseconds, at least 1 (0 would mean no deadline to the engine)."""
        return max(1, int(self.ms - self.elapsed_ms()))

    def passed(self) -> bool:
        return self.elapsed_ms() >= self.ms

    def check(self, what: str) -> None:
        """Raises DeadlinePassed, saying ``what`` gave up, once the deadline has passed."""
        if self.passed():
            raise DeadlinePassed(
                f"{what} did not finish within this server's deadline of {self.ms:,} ms and was stopped. "
                "Send smaller texts, or ask whoever runs the server for a longer deadline "
                "(--deadline-ms or FAST_DIFF_DEADLINE_MS)."
            )


_current: ContextVar[Deadline | None] = ContextVar("fast_diff_mcp_deadline", default=None)


def current() -> Deadline | None:
    """The deadline of the tool call running in this thread, if any."""
    return _current.get()


def engine_ms() -> int | None:
    """The ``deadline_ms`` to hand the engine: what is left of the call's deadline (None: no deadline)."""
    deadline = _current.get()
    return None if deadline is None else deadline.left_ms()


def check_current(what: str) -> None:
    """``Deadline.check`` of the running call's deadline, if any."""
    deadline = _current.get()
    if deadline is not None:
        deadline.check(what)


def passed() -> bool:
    """Whether the running call's deadline has passed (the engine's answer may then be coarser)."""
    deadline = _current.get()
    return deadline is not None and deadline.passed()


def coarse_note(ms: int) -> str:
    """What a diff's result says when the deadline passed while it was computed."""
    return (
        f"[The server's deadline of {ms:,} ms passed while this diff was computed: the engine stopped looking for "
        "the smallest diff and finished a coarser one (hunks may be larger than needed). It is still correct and "
        "applies. For the smallest diff, send smaller texts (one file or section at a time) or ask whoever runs "
        "the server for a longer deadline.]\n"
    )


@contextmanager
def running(deadline: Deadline) -> Iterator[None]:
    """Makes ``deadline`` the current one while the block runs."""
    token = _current.set(deadline)
    try:
        yield
    finally:
        _current.reset(token)
