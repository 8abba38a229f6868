#!/usr/bin/env python3
"""The MCP transports, measured: the article's case (two texts of 10 million characters, one word
changed) sent to fast-diff-mcp as a process, over streamable HTTP and over stdio, beside the transport
floor (benches/mcp_floor_server.py: a minimal FastMCP server whose only tool returns a constant), all
in one run, the contenders taking turns round by round. Three ways:

- **plain client** (the server's own time, seen from outside): one pre-encoded request (the 2026-07-28
  `tools/call` the MCP SDK's client sends), POSTed again and again on one kept-alive connection with
  http.client, or written again and again as a line to the server's stdin; the time from sending it to
  having read the whole answer;
- **inside the server**: over the same plain-client calls, each server's own record of the request
  (FAST_DIFF_MCP_TIMINGS): over HTTP from its headers to the end of its answer, with the moment its body
  had been read (`received_to_answered`: from then on), over stdio from its line read to its answer
  written, with fast-diff-mcp's steps on the way;
- **the MCP SDK's client**: `mcp.Client` as a user opens it (2026-07-28 over HTTP, the SDK's default),
  one `call_tool` each: `diff` and `diff_difflib` of fast-diff-mcp, `constant` of the floor.

Then the SDK client is profiled (cProfile) on a few `diff` calls of each transport: where a whole
call's time goes on the client's side. Every answer is checked: fast-diff-mcp's diff against the
engine's, difflib's judged (benches/outputs.py), the floor's constant.

Usage: mcp_transport.py FIXTURES_DIR OUT.json [--fixture prose_10m] [--rounds N]
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import http.client
import json
import os
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib.metadata import version
from pathlib import Path
from typing import Any

import fast_diff
from mcp import Client, StdioServerParameters
from outputs import judge

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "server" / "tests"))
from servers import MODERN, call_body, call_headers, http_server  # noqa: E402  (the tests' helpers)

BENCHES = Path(__file__).resolve().parent
OURS = [sys.executable, "-m", "fast_diff_mcp"]
FLOOR = [sys.executable, str(BENCHES / "mcp_floor_server.py")]


class Timings:
    """A server's FAST_DIFF_MCP_TIMINGS file, read line by line as requests end."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.touch()
        self.at = 0

    def skip(self) -> None:
        self.at = self.path.stat().st_size

    def next(self, wait_s: float = 2.0) -> dict[str, Any] | None:
        until = time.monotonic() + wait_s
        while time.monotonic() < until:
            with self.path.open() as lines:
                lines.seek(self.at)
                line = lines.readline()
                if line.endswith("\n"):
                    self.at = lines.tell()
                    return json.loads(line)
            time.sleep(0.001)
        return None


@contextmanager
def timed_http_server(program: list[str], scratch: Path, name: str) -> Iterator[tuple[int, Timings]]:
    timings = Timings(scratch / f"{name}-http.jsonl")
    with http_server(scratch, env={"FAST_DIFF_MCP_TIMINGS": str(timings.path)}, program=program) as server:
        yield server.port, timings


class PlainHttp:
    def __init__(self, port: int, tool: str, body: bytes) -> None:
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
        self.tool, self.body, self.headers = tool, body, call_headers(tool)

    def call(self) -> bytes:
        self.connection.request("POST", "/mcp", body=self.body, headers=self.headers)
        response = self.connection.getresponse()
        data = response.read()
        if response.status != 200:
            raise SystemExit(f"HTTP {response.status}: {data[:500]!r}")
        return data


class PlainStdio:
    """The server over stdio, sent one line again and again (2026-07-28: no handshake)."""

    def __init__(self, argv: list[str], scratch: Path, name: str, tool: str, body: bytes) -> None:
        self.timings = Timings(scratch / f"{name}-stdio.jsonl")
        self.process = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=(scratch / f"{name}-stdio.log").open("wb"),
                                        env={**os.environ, "FAST_DIFF_MCP_TIMINGS": str(self.timings.path)})
        self.body = body + b"\n"

    def send(self, data: bytes) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(data)
        self.process.stdin.flush()

    def call(self) -> bytes:
        self.send(self.body)
        assert self.process.stdout is not None
        return self.process.stdout.readline()

    def close(self) -> None:
        self.process.kill()
        self.process.wait()


def result_text(answer: bytes) -> str:
    message = json.loads(answer)
    if "error" in message or message["result"].get("isError"):
        raise SystemExit(f"the call failed: {answer[:500]!r}")
    return message["result"]["content"][0]["text"]


def median_ms(values: list[float]) -> float:
    return statistics.median(values) / 1e6


def timed(call: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter_ns()
    value = call()
    return time.perf_counter_ns() - start, value


def plain_rounds(contenders: dict[str, tuple[Callable[[], bytes], Timings]], rounds: int) -> dict[str, Any]:
    """Each contender called once a round, in an order that rotates; with each server's own time."""
    names = list(contenders)
    outside: dict[str, list[float]] = {n: [] for n in names}
    inside: dict[str, list[dict[str, Any]]] = {n: [] for n in names}
    for name in names:  # warm-up
        contenders[name][0]()
    for round_ in range(rounds):
        for name in names[round_ % len(names):] + names[: round_ % len(names)]:
            call, timings = contenders[name]
            timings.skip()
            ns, _ = timed(call)
            outside[name].append(ns)
            record = timings.next()
            if record is not None:
                inside[name].append(record)
    return {
        "outside_ns": outside,
        "outside_median_ms": {n: median_ms(v) for n, v in outside.items()},
        "inside_ms": {n: [r["total_ms"] for r in v] for n, v in inside.items()},
        "inside_median_ms": {n: statistics.median(r["total_ms"] for r in v) if v else None for n, v in inside.items()},
        # From the whole request received (over HTTP, its body read) to its answer written.
        "received_to_answered_ms": {n: [r["total_ms"] - r["marks_ms"].get("read", 0.0) for r in v] for n, v in inside.items()},
        "received_to_answered_median_ms": {
            n: statistics.median(r["total_ms"] - r["marks_ms"].get("read", 0.0) for r in v) if v else None
            for n, v in inside.items()
        },
        "inside_steps_median_ms": {
            n: {step: statistics.median(r["marks_ms"][step] for r in v if step in r["marks_ms"])
                for step in (v[-1]["marks_ms"] if v else {})}
            for n, v in inside.items()
        },
    }


async def sdk_rounds(clients: dict[str, tuple[Client, str]], arguments: dict[str, str], rounds: int) -> dict[str, Any]:
    names = list(clients)
    times: dict[str, list[float]] = {n: [] for n in names}
    texts: dict[str, str] = {}
    for name in names:  # warm-up, and the outputs to check
        client, tool = clients[name]
        result = await client.call_tool(tool, arguments)
        if result.is_error:
            raise SystemExit(f"{name} failed: {result.content[0].text[:500]}")
        texts[name] = result.content[0].text
    for round_ in range(rounds):
        for name in names[round_ % len(names):] + names[: round_ % len(names)]:
            client, tool = clients[name]
            start = time.perf_counter_ns()
            await client.call_tool(tool, arguments)
            times[name].append(time.perf_counter_ns() - start)
    return {"call_ns": times, "median_ms": {n: median_ms(v) for n, v in times.items()}, "texts": texts}


async def profile_client(client: Client, arguments: dict[str, str], calls: int = 3) -> list[dict[str, Any]]:
    """Where the SDK client's share of a `diff` call goes: the functions with the most time of their own."""
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(calls):
        await client.call_tool("diff", arguments)
    profiler.disable()
    stats = pstats.Stats(profiler)
    rows = []
    for (path, line, function), (_, calls_made, own, cumulative, _) in stats.stats.items():  # type: ignore[attr-defined]
        rows.append({"function": f"{Path(path).parent.name}/{Path(path).name}:{line}({function})" if line else function,
                     "own_ms_per_call": own * 1000 / calls, "cumulative_ms_per_call": cumulative * 1000 / calls})
    rows.sort(key=lambda row: row["own_ms_per_call"], reverse=True)
    return rows[:12]


async def run(fixtures: Path, fixture: str, rounds: int) -> dict[str, Any]:
    old = (fixtures / f"{fixture}.old").read_text()
    new = (fixtures / f"{fixture}.new").read_text()
    arguments = {"original_text": old, "modified_text": new}
    expected = fast_diff.unified_diff(old, new)
    bodies = {tool: call_body(tool, arguments) for tool in ("diff", "constant")}
    scratch = Path(tempfile.mkdtemp(prefix="fast-diff-mcp-transport-"))
    result: dict[str, Any] = {
        "fixture": fixture,
        "characters": len(old) + len(new),
        "request_bytes": len(bodies["diff"]),
        "rounds": rounds,
        "versions": {name: version(name) for name in ("fastmcp", "mcp", "uvicorn", "uvloop", "httptools", "pydantic_core")},
        "floor": "benches/mcp_floor_server.py: FastMCP, one tool returning a constant, FastMCP's defaults "
                 "(request body limit raised)",
        "protocol": MODERN,
    }
    with timed_http_server(OURS, scratch, "ours") as (ours_port, ours_timings), \
            timed_http_server(FLOOR, scratch, "floor") as (floor_port, floor_timings):
        ours, floor = PlainHttp(ours_port, "diff", bodies["diff"]), PlainHttp(floor_port, "constant", bodies["constant"])
        if result_text(ours.call()) != expected or result_text(floor.call()) != "constant":
            raise SystemExit("an HTTP answer is not what it should be")
        result["http"] = {"plain": plain_rounds({"diff": (ours.call, ours_timings),
                                                 "constant": (floor.call, floor_timings)}, rounds)}
        async with Client(f"http://127.0.0.1:{ours_port}/mcp") as ours_client, \
                Client(f"http://127.0.0.1:{floor_port}/mcp") as floor_client:
            sdk = await sdk_rounds({"diff": (ours_client, "diff"), "diff_difflib": (ours_client, "diff_difflib"),
                                    "constant": (floor_client, "constant")}, arguments, rounds)
            result["http"]["sdk"] = checked(sdk, old, new, expected)
            result["http"]["client_profile"] = await profile_client(ours_client, arguments)
    ours_stdio = PlainStdio(OURS, scratch, "ours", "diff", bodies["diff"])
    floor_stdio = PlainStdio(FLOOR, scratch, "floor", "constant", bodies["constant"])
    try:
        if result_text(ours_stdio.call()) != expected or result_text(floor_stdio.call()) != "constant":
            raise SystemExit("a stdio answer is not what it should be")
        result["stdio"] = {"plain": plain_rounds({"diff": (ours_stdio.call, ours_stdio.timings),
                                                  "constant": (floor_stdio.call, floor_stdio.timings)}, rounds)}
    finally:
        ours_stdio.close()
        floor_stdio.close()
    async with Client(StdioServerParameters(command=OURS[0], args=OURS[1:])) as ours_client, \
            Client(StdioServerParameters(command=FLOOR[0], args=FLOOR[1:])) as floor_client:
        sdk = await sdk_rounds({"diff": (ours_client, "diff"), "diff_difflib": (ours_client, "diff_difflib"),
                                "constant": (floor_client, "constant")}, arguments, rounds)
        result["stdio"]["sdk"] = checked(sdk, old, new, expected)
        result["stdio"]["client_profile"] = await profile_client(ours_client, arguments)
    return result


def checked(sdk: dict[str, Any], old: str, new: str, expected: str) -> dict[str, Any]:
    texts = sdk.pop("texts")
    if texts["diff"] != expected or texts["constant"] != "constant":
        raise SystemExit("an SDK client's answer is not what it should be")
    sdk["outputs"] = {"diff": judge(old.encode(), new.encode(), expected.encode(), texts["diff"].encode()),
                      "diff_difflib": judge(old.encode(), new.encode(), expected.encode(), texts["diff_difflib"].encode())}
    return sdk


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("fixtures", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--fixture", default="prose_10m")
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    result = asyncio.run(run(args.fixtures, args.fixture, args.rounds))
    args.out.write_text(json.dumps(result, indent=1) + "\n")
    for transport in ("http", "stdio"):
        plain, sdk = result[transport]["plain"], result[transport]["sdk"]
        print(f"{transport}: plain client {plain['outside_median_ms']}, inside {plain['inside_median_ms']}, "
              f"SDK client {sdk['median_ms']}")


if __name__ == "__main__":
    main()
