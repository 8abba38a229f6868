"""The worker threads tool calls run in: a pool for heavy calls and one for light calls, so that no
kind of request starves another.

A call is heavy when its texts are large (``HEAVY_INPUT_CHARS`` together)
or it reads files. Heavy calls share a few workers (one per core by
default): the engine releases the GIL and a large diff keeps a core busy,
so more at once would only slow each down. Light calls have their own
workers, so a small diff is answered at once however many large ones are
running or waiting.

A call that finds every worker of its pool busy waits, up to ``max_wait_ms``,
in order; it is answered "busy, retry" (``Busy``) instead of waiting
without end, once its wait runs out or at once when the calls already
waiting hold ``max_waiting_chars`` of text, which bounds the memory that
waiting holds.

A call runs under the server's deadline (see ``deadline``). The engine
honours it; should a computation still run on (one that the engine cannot
bound), the call is answered with an error once the deadline and a grace as
long (at least ``GRACE_MS``) have passed, and the computation keeps its
worker until it ends, so that it never runs beside more than the pool
allows.
"""

from __future__ import annotations

import asyncio
import contextvars
import functools
import os
import queue
import threading
from collections import deque
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field
from typing import TypeVar

import anyio

from . import deadline as deadlines
from . import timings
from .limits import human

T = TypeVar("T")

HEAVY_INPUT_CHARS = 64 * 1024
"""From this many characters of text in one call, the call is heavy."""
GRACE_MS = 5000
"""The least time past its deadline a call is given to finish (a coarse diff still has to be written out)."""


class Busy(Exception):
    """No worker could take the call in time; the message says so and asks to retry."""


class Overran(Exception):
    """The call ran past twice its deadline and was answered without its result."""


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


@dataclass(frozen=True)
class WorkerLimits:
    """How many calls run at once, and how long and behind how many a call may wait."""

    heavy: int = field(default_factory=cores)
    light: int = 8
    max_wait_ms: int = 2000
    max_waiting_chars: int | None = None
    """The text heavy calls waiting at once may hold together (default: four times the input limit)."""

    def __post_init__(self) -> None:
        for name in ("heavy", "light", "max_wait_ms"):
            if getattr(self, name) <= 0:
                raise ValueError(f"{name} must be positive, not {getattr(self, name)}")
        if self.max_waiting_chars is not None and self.max_waiting_chars < 0:
            raise ValueError(f"max_waiting_chars must be at least 0, not {self.max_waiting_chars}")


class Pool:
    """``slots`` workers; calls beyond them wait in order, holding at most ``max_waiting_chars`` of text.

    Its state is touched only on the event loop: a worker thread hands its
    slot back through the loop (``call_soon_threadsafe``).
    """

    def __init__(self, name: str, slots: int, max_waiting_chars: int) -> None:
        self.name = name
        self.slots = slots
        self.max_waiting_chars = max_waiting_chars
        self.running = 0
        self.waiting: deque[anyio.Event] = deque()
        self.waiting_chars = 0

    async def acquire(self, size: int, max_wait_s: float) -> None:
        """A slot for a call with ``size`` characters of text, or Busy."""
        if self.running < self.slots and not self.waiting:
            self.running += 1
            return
        if self.waiting and self.waiting_chars + size > self.max_waiting_chars:
            raise Busy(self._busy(f"the {len(self.waiting):,} calls already waiting hold all the text that may wait"))
        turn = anyio.Event()
        self.waiting.append(turn)
        self.waiting_chars += size
        try:
            with anyio.fail_after(max_wait_s):
                await turn.wait()
        except TimeoutError:
            if turn.is_set():  # the slot came just as the wait ran out: take it
                return
            self.waiting.remove(turn)
            raise Busy(self._busy(f"none came free within {max_wait_s * 1000:,.0f} ms")) from None
        except BaseException:  # cancelled: pass on a slot already handed over
            if turn.is_set():
                self.release()
            else:
                self.waiting.remove(turn)
            raise
        finally:
            self.waiting_chars -= size

    def release(self) -> None:
        if self.waiting:
            self.waiting.popleft().set()  # the slot goes to the next call in line
        else:
            self.running -= 1

    def _busy(self, why: str) -> str:
        return (
            f"The server is busy: every worker for {self.name} calls ({self.slots}) is in use and {why}. "
            "Retry in a few seconds."
            + (
                f" (Calls with less than {human(HEAVY_INPUT_CHARS)} of text use other workers and are not held up.)"
                if self.name == "large"
                else ""
            )
        )


class _Threads:
    """Daemon threads that run the calls: a computation that overruns must not hold up the process's exit.

    Each running call holds a slot of a pool, so there are never more calls
    than ``count`` threads to run them; threads are started as calls need
    them, and kept.
    """

    def __init__(self, count: int) -> None:
        self.count = count
        self.jobs: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()
        self.started = 0
        self.idle = 0  # waiting for a job, and not yet promised one
        self.lock = threading.Lock()

    def submit(self, job: Callable[[], None]) -> None:
        with self.lock:
            if self.idle:
                self.idle -= 1
            elif self.started < self.count:
                self.started += 1
                threading.Thread(target=self._serve, name=f"fast-diff-worker-{self.started}", daemon=True).start()
        self.jobs.put(job)

    def _serve(self) -> None:
        while True:
            self.jobs.get()()
            with self.lock:
                self.idle += 1


class Workers:
    """The two pools of a server, and running a call in one of them under the deadline."""

    def __init__(self, limits: WorkerLimits, deadline_ms: int, max_input_bytes: int) -> None:
        self.limits = limits
        self.deadline_ms = deadline_ms
        waiting = 4 * max_input_bytes if limits.max_waiting_chars is None else limits.max_waiting_chars
        self.heavy = Pool("large", limits.heavy, waiting)
        self.light = Pool("small", limits.light, 1024 * HEAVY_INPUT_CHARS)
        self._threads = _Threads(limits.heavy + limits.light)

    def answer_within_ms(self) -> int:
        """When a call is answered at the latest, once it has a worker."""
        return self.deadline_ms + max(self.deadline_ms, GRACE_MS)

    def pool_for(self, size: int) -> Pool:
        return self.heavy if size >= HEAVY_INPUT_CHARS else self.light

    async def run(self, fn: Callable[[], T], size: int) -> T:
        """``fn()`` in a worker thread of the pool for ``size`` characters of text, under the deadline."""
        pool = self.pool_for(size)
        await pool.acquire(size, self.limits.max_wait_ms / 1000)
        timings.mark("worker")
        loop = asyncio.get_running_loop()
        done: asyncio.Future[T] = loop.create_future()
        deadline = deadlines.Deadline(self.deadline_ms)
        context = contextvars.copy_context()

        def finish(outcome: Callable[[], None]) -> None:  # on the event loop
            pool.release()
            if not done.cancelled():
                outcome()

        def work() -> None:  # in a worker thread
            try:
                result = context.run(_under, deadline, fn)
            except BaseException as error:  # handed to the caller, whatever it is
                outcome = functools.partial(done.set_exception, error)
            else:
                outcome = functools.partial(done.set_result, result)
            with suppress(RuntimeError):  # the event loop is gone: no one is left to answer
                loop.call_soon_threadsafe(finish, outcome)

        # An error nobody is left to wait for (the call overran) is not worth a warning.
        done.add_done_callback(lambda future: None if future.cancelled() else future.exception())
        # Submitted before any await, so the slot taken above is handed back
        # by the thread whatever happens to this task from here on.
        self._threads.submit(work)
        with anyio.move_on_after(self.answer_within_ms() / 1000):
            result = await asyncio.shield(done)
            timings.mark("tool")
            return result
        raise Overran(
            f"The call did not finish within {self.answer_within_ms():,} ms, this server's deadline of "
            f"{self.deadline_ms:,} ms and a grace, and was answered without its result (the computation finishes "
            "in the background). Send smaller texts, "
            "or ask whoever runs the server for a longer deadline (--deadline-ms or FAST_DIFF_DEADLINE_MS)."
        )


def _under(deadline: deadlines.Deadline, fn: Callable[[], T]) -> T:
    with deadlines.running(deadline):
        return fn()
