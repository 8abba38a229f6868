"""No request starves another: heavy and light calls in their own workers, a busy pool answering at once,
a deadline on every call that the diff honours and says it did, and a call answered even when its
computation overruns."""

from __future__ import annotations

import difflib
import random
import threading
import time
from typing import Any

import anyio
import pytest
from fastmcp import Client
from fastmcp.tools import ToolResult

import fast_diff
from fast_diff_mcp import create_server
from fast_diff_mcp import deadline as deadlines
from fast_diff_mcp.models import DiffResult
from fast_diff_mcp.reference import difflib_unified_diff
from fast_diff_mcp.text import split_lines
from fast_diff_mcp.tools.common import add_tool, tool_result
from fast_diff_mcp.workers import HEAVY_INPUT_CHARS, Busy, Overran, Pool, WorkerLimits, Workers

pytestmark = pytest.mark.anyio

BIG = "x" * HEAVY_INPUT_CHARS


def add_blocking_tool(server: Any, release: threading.Event, started: threading.Semaphore) -> None:
    """A tool that holds its worker until ``release`` is set."""

    def hold(text: str) -> ToolResult:
        started.release()
        release.wait(30)
        seen = deadlines.current()
        return tool_result("held", DiffResult(diff="", identical=seen is not None, hunks=0, lines_added=0, lines_removed=0))

    add_tool(server, hold, name="hold", description="holds a worker", result=DiffResult)


async def test_a_small_diff_is_answered_while_every_heavy_worker_is_held() -> None:
    server = create_server(workers=WorkerLimits(heavy=2, max_wait_ms=20_000))
    release, started = threading.Event(), threading.Semaphore(0)
    add_blocking_tool(server, release, started)
    async with Client(server) as client:
        async with anyio.create_task_group() as tasks:
            for _ in range(6):  # two running, four waiting
                tasks.start_soon(client.call_tool, "hold", {"text": BIG})
            for _ in range(2):
                await anyio.to_thread.run_sync(started.acquire)
            small = await client.call_tool("diff", {"original_text": "a\n", "modified_text": "b\n"})
            assert small.structured_content["lines_added"] == 1
            release.set()


async def test_a_call_that_cannot_get_a_worker_is_told_to_retry() -> None:
    server = create_server(workers=WorkerLimits(heavy=1, max_wait_ms=300, max_waiting_chars=len(BIG)))
    release, started = threading.Event(), threading.Semaphore(0)
    add_blocking_tool(server, release, started)
    async with Client(server) as client:
        async with anyio.create_task_group() as tasks:
            tasks.start_soon(client.call_tool, "hold", {"text": BIG})
            await anyio.to_thread.run_sync(started.acquire)
            results = []

            async def call() -> None:
                results.append(await client.call_tool("hold", {"text": BIG}, raise_on_error=False))

            tasks.start_soon(call)  # waits its 300 ms, then busy
            await anyio.sleep(0.05)
            tasks.start_soon(call)  # nobody may wait behind it: busy at once
            await anyio.sleep(1)
            release.set()
        assert [result.is_error for result in results] == [True, True]
        for result in results:
            text = result.content[0].text
            assert text.startswith("The server is busy: every worker for large calls (1) is in use")
            assert "Retry in a few seconds" in text


async def test_pools_hand_slots_over_in_order_and_count_them_back() -> None:
    pool = Pool("large", 1, max_waiting_chars=20)
    order: list[int] = []
    await pool.acquire(10, 1)

    async def wait(k: int) -> None:
        await pool.acquire(10, 5)
        order.append(k)
        pool.release()

    async with anyio.create_task_group() as tasks:
        tasks.start_soon(wait, 1)
        await anyio.sleep(0.01)
        tasks.start_soon(wait, 2)
        await anyio.sleep(0.01)
        with pytest.raises(Busy, match="the 2 calls already waiting hold all the text that may wait"):
            await pool.acquire(1, 5)
        pool.release()
    assert order == [1, 2] and pool.running == 0 and not pool.waiting and pool.waiting_chars == 0


async def test_an_overrunning_call_is_answered_and_keeps_its_worker_until_it_ends() -> None:
    workers = Workers(WorkerLimits(heavy=1, light=1, max_wait_ms=20_000), deadline_ms=100, max_input_bytes=1 << 20)
    workers.answer_within_ms = lambda: 200  # type: ignore[method-assign]
    finished = threading.Event()

    def overrun() -> str:
        finished.wait(30)
        return "late"

    with pytest.raises(Overran, match="did not finish within 200 ms, this server's deadline of 100 ms and a grace"):
        await workers.run(overrun, HEAVY_INPUT_CHARS)
    assert not finished.is_set()
    assert workers.heavy.running == 1  # still held by the computation
    async with anyio.create_task_group() as tasks:
        tasks.start_soon(anyio.to_thread.run_sync, lambda: time.sleep(0.3) or finished.set())
        assert await workers.run(lambda: "next", HEAVY_INPUT_CHARS) == "next"  # waited for it
    assert finished.is_set() and workers.heavy.running == 0


async def test_every_call_runs_under_the_servers_deadline() -> None:
    workers = Workers(WorkerLimits(), deadline_ms=1234, max_input_bytes=1 << 20)
    seen = await workers.run(deadlines.current, 10)
    assert seen is not None and seen.ms == 1234
    assert deadlines.current() is None  # only inside the call


# ---- the deadline's effect ---------------------------------------------------------


def scrambled_pair(lines: int, seed: int) -> tuple[str, str]:
    """Two long texts with many scattered changes: a minimal diff takes the engine a while."""
    rng = random.Random(seed)
    old = [f"{rng.randrange(400)}\n" for _ in range(lines)]
    new = [line if rng.random() < 0.6 else f"{rng.randrange(400)}\n" for line in old]
    return "".join(old), "".join(new)


async def test_past_the_deadline_the_diff_is_coarser_says_so_and_still_applies() -> None:
    old, new = scrambled_pair(60_000, 7)
    exact = fast_diff.diff_stats(old, new)
    async with Client(create_server(deadline_ms=1)) as client:
        result = await client.call_tool("diff", {"original_text": old, "modified_text": new})
    structured = result.structured_content
    assert structured["deadline_passed"] is True
    assert structured["lines_added"] + structured["lines_removed"] > exact.lines_added + exact.lines_removed
    assert "deadline of 1 ms passed" in result.content[0].text and "deadline of 1 ms passed" in structured["note"]
    assert fast_diff.apply_patch(old, structured["diff"]).text == new
    async with Client(create_server()) as client:  # the default deadline: the smallest diff
        result = await client.call_tool("diff", {"original_text": old, "modified_text": new})
    assert result.structured_content["deadline_passed"] is False
    assert result.structured_content["lines_added"] == exact.lines_added


async def test_difflib_gives_up_at_the_deadline() -> None:
    old, new = scrambled_pair(20_000, 8)
    async with Client(create_server(deadline_ms=50)) as client:
        result = await client.call_tool("diff_difflib", {"original_text": old, "modified_text": new}, raise_on_error=False)
    assert result.is_error and "difflib did not finish within this server's deadline of 50 ms" in result.content[0].text


def test_difflib_tool_writes_what_difflib_writes() -> None:
    rng = random.Random(11)
    for _ in range(300):
        old = [rng.choice("abcde") + "\n" for _ in range(rng.randrange(0, 25))]
        new = [rng.choice("abcde") + "\n" for _ in range(rng.randrange(0, 25))]
        context = rng.randrange(0, 4)
        expected = "".join(difflib.unified_diff(old, new, "x", "y", n=context))
        assert difflib_unified_diff("".join(old), "".join(new), context, "x", "y") == expected
    assert split_lines(difflib_unified_diff("a\n", "a\nb", 3, "x", "y"))[-1] == "\\ No newline at end of file\n"
